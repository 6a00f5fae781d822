//! The calls behind `ICTExplorer.getState` and `setState` (www/app.js wraps them, in the page
//! and over `postMessage`).
//!
//! What a script sends is read in a step of its own, [`App::read_settings`], which borrows no
//! explorer: a JS exception that crossed a call holding the explorer would leave it borrowed,
//! and every later call would fail. The reading goes through [`api::read_settings`], and every
//! call it makes into the script's value (a getter, a Proxy's trap, `Array.isArray` on a revoked
//! Proxy) catches what it throws. Only the values it read reach [`App::set_state`], where
//! [`api::changed_session`] validates them whole.

use super::App;
use crate::api::{self, Kind, ScriptValue, Snapshot, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked Proxy: js-sys's own does not catch that.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// What a script threw while its value was read: its message, read as carefully as the value
/// that threw it ([`api::read_settings`] shortens and cleans it).
fn thrown(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.text(200))
        .or_else(|| error.text(200))
        .unwrap_or_default()
}

impl ScriptValue for JsValue {
    fn kind(&self) -> Kind {
        if self.is_null() || self.is_undefined() {
            Kind::Absent
        } else if let Some(on) = self.as_bool() {
            Kind::Bool(on)
        } else if let Some(number) = self.as_f64() {
            Kind::Number(number)
        } else if self.is_string() {
            Kind::Text
        } else if self.is_function() {
            Kind::Function
        } else if self.is_object() {
            Kind::Object
        } else {
            Kind::Other
        }
    }

    fn text(&self, most: usize) -> Option<String> {
        let text = self.dyn_ref::<js_sys::JsString>()?;
        (text.length() as usize <= most).then(|| String::from(text))
    }

    fn list_length(&self) -> Result<Option<u32>, String> {
        if !is_array(self).map_err(thrown)? {
            return Ok(None);
        }
        let length = js_sys::Reflect::get(self, &JsValue::from_str("length")).map_err(thrown)?;
        match length.as_f64() {
            // A Proxy's trap may answer anything; a list is as long as a whole number says.
            Some(length) if length >= 0.0 && length.fract() == 0.0 => {
                Ok(Some(length.min(u32::MAX.into()) as u32))
            }
            _ => Err("a list whose length is not a number".into()),
        }
    }

    fn item(&self, index: u32) -> Result<JsValue, String> {
        js_sys::Reflect::get_u32(self, index).map_err(thrown)
    }

    fn keys(&self) -> Result<JsValue, String> {
        js_sys::Reflect::own_keys(self)
            .map(JsValue::from)
            .map_err(thrown)
    }

    fn field(&self, key: &str) -> Result<JsValue, String> {
        js_sys::Reflect::get(self, &JsValue::from_str(key)).map_err(thrown)
    }

    fn same(&self, other: &JsValue) -> bool {
        js_sys::Object::is(self, other)
    }
}

/// A script's settings for `setState`, read and not yet validated.
#[wasm_bindgen]
pub struct Settings(Vec<(String, Value)>);

fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|error| JsValue::from_str(&error.to_string()))
}

#[wasm_bindgen]
impl App {
    /// The state as a plain object that uses the link's names and values.
    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(&Snapshot::of_session(&self.session))
    }

    /// The record of the answer the last event checked, once (see
    /// [`crate::story::answer::Record`]), stamped with the page's clock; `undefined` when that
    /// event checked no readable answer.
    pub fn take_answer(&mut self, timestamp: &str) -> Result<JsValue, JsValue> {
        if !std::mem::take(&mut self.answered) {
            return Ok(JsValue::UNDEFINED);
        }
        match self.session.answer_record(timestamp) {
            Some(record) => to_js(&record),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Reads what a script sent to `setState`, whatever it is, before any explorer is
    /// borrowed: a value that cannot be read is refused with the message a reader would need.
    pub fn read_settings(settings: &JsValue) -> Result<Settings, JsValue> {
        api::read_settings(settings)
            .map(Settings)
            .map_err(|problem| JsValue::from_str(&problem))
    }

    /// Changes any part of the state at once and draws the result, once. All or nothing: when
    /// any part is wrong, nothing changes and the error is the message a reader would need.
    pub fn set_state(&mut self, settings: Settings) -> Result<JsValue, JsValue> {
        let session = api::changed_session(&self.session, &settings.0)
            .map_err(|problem| JsValue::from_str(&problem))?;
        if session != self.session {
            self.session = session;
            self.apply_display()?;
            self.render()?;
        }
        self.show_problems(&[])?;
        self.state()
    }
}
