//! The calls behind `ICTExplorer.getState` and `setState` (www/app.js wraps them, in the page
//! and over `postMessage`). What a script sends is read into [`api::Value`]s without trusting
//! its type, and [`api::changed`] validates it whole.

use super::App;
use crate::api::{self, Snapshot, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Lists longer than this are refused rather than read: no view has as many ids.
const LONGEST_LIST: u32 = 1_000;

/// Reads a value of any type a script may send.
fn value(value: &JsValue) -> Value {
    if value.is_null() || value.is_undefined() {
        Value::Absent
    } else if let Some(on) = value.as_bool() {
        Value::Bool(on)
    } else if let Some(number) = value.as_f64() {
        Value::Number(number)
    } else if let Some(text) = value.as_string() {
        Value::Text(text)
    } else if js_sys::Array::is_array(value) {
        let list: &js_sys::Array = value.unchecked_ref();
        if list.length() > LONGEST_LIST {
            return Value::Other("a list far longer than any view's");
        }
        Value::List(list.iter().map(|item| self::value(&item)).collect())
    } else if value.is_function() {
        Value::Other("a function")
    } else if value.is_object() {
        Value::Other("an object")
    } else {
        Value::Other("a value of another type")
    }
}

/// Reads the settings object of `setState`, with a message when it is not one.
fn changes(settings: &JsValue) -> Result<Vec<(String, Value)>, String> {
    let is_plain_object =
        settings.is_object() && !js_sys::Array::is_array(settings) && !settings.is_function();
    if !is_plain_object {
        return Err(format!(
            "setState needs an object such as {{view: 'fdi', chart: 'line'}}, not {}.",
            match value(settings) {
                Value::Absent => "nothing",
                Value::List(_) => "a list",
                Value::Other(kind) => kind,
                _ => "a single value",
            }
        ));
    }
    let entries = js_sys::Object::entries(settings.unchecked_ref());
    if entries.length() > (api::KEYS.len() + api::STORY_KEYS.len()) as u32 * 2 {
        return Err(format!(
            "setState was sent {} settings; there are only {}.",
            entries.length(),
            api::KEYS.len() + api::STORY_KEYS.len()
        ));
    }
    Ok(entries
        .iter()
        .map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            (
                pair.get(0).as_string().unwrap_or_default(),
                value(&pair.get(1)),
            )
        })
        .collect())
}

fn to_js(snapshot: &Snapshot) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(snapshot, &serializer)
        .map_err(|error| JsValue::from_str(&error.to_string()))
}

#[wasm_bindgen]
impl App {
    /// The state as a plain object that uses the link's names and values.
    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(&Snapshot::of_session(&self.session))
    }

    /// Changes any part of the state at once and draws the result, once. All or nothing: when
    /// any part is wrong, nothing changes and the error is the message a reader would need.
    pub fn set_state(&mut self, settings: JsValue) -> Result<JsValue, JsValue> {
        let changes = changes(&settings).map_err(|problem| JsValue::from_str(&problem))?;
        let session = api::changed_session(&self.session, &changes)
            .map_err(|problem| JsValue::from_str(&problem))?;
        let locked_out = session.state.view != self.session.state.view
            || session.story.is_some() != self.session.story.is_some();
        if self.session.display.lock && locked_out {
            return Err(JsValue::from_str(&format!(
                "This embedded view shows {} only.",
                self.session.state.view.label()
            )));
        }
        if session != self.session {
            self.session = session;
            self.apply_display()?;
            self.render()?;
        }
        self.show_problems(&[])?;
        self.state()
    }
}
