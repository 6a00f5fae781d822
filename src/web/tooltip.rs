//! The tooltip over the chart. The page forwards the pointer's position (at most once a frame),
//! and the value under it is looked up in the marks that the last drawing recorded
//! ([`chart::Hits`]), so a hover costs neither a redraw nor a region rewrite: only the
//! tooltip's own text, when it names another value, and its position.

use super::{element, set_hidden, App};
use crate::chart::{self, Hits, MOUSE_REACH, TOUCH_REACH};
use crate::html;
use crate::plot::Plot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the tooltip knows between two events.
#[derive(Default)]
pub(super) struct Tooltip {
    /// The plot last drawn and where its values lie, in CSS pixels; `None` while no chart is
    /// shown.
    drawn: Option<(Plot, Hits)>,
    /// The pointer's last position over the chart, and whether it is a finger; `None` once it
    /// has left or the tooltip was dismissed.
    pointer: Option<((f64, f64), bool)>,
    /// The series and point whose text the tooltip element holds; `None` when it holds none,
    /// or text from an earlier drawing.
    text_of: Option<(usize, usize)>,
    /// Whether the tooltip element is shown.
    visible: bool,
}

#[wasm_bindgen]
impl App {
    /// Shows the tooltip of the value under `(x, y)`, in CSS pixels from the chart's top left
    /// corner, or of the nearest value within reach (farther for a finger, when `touch`); hides
    /// it when none is that close. Returns whether a tooltip is shown.
    pub fn hover(&mut self, x: f64, y: f64, touch: bool) -> Result<bool, JsValue> {
        self.tooltip.pointer = Some(((x, y), touch));
        self.point_tooltip()
    }

    /// Hides the tooltip: the pointer left the chart, the reader tapped elsewhere or pressed
    /// Escape. Returns whether one was shown, so that Escape is not used up for nothing.
    pub fn hover_end(&mut self) -> Result<bool, JsValue> {
        self.tooltip.pointer = None;
        self.hide_tooltip()
    }

    /// Where each value of the chart is drawn, in CSS pixels from its top left corner, in
    /// drawing order: `[{series, point, series_id, category_id, area}]`, where `series` and
    /// `point` index `plot()`'s series and their points, and `area` is `{kind: "point", x, y,
    /// radius}` or `{kind: "rect", x0, y0, x1, y1}`. Read-only, for scripts and tests.
    pub fn marks(&self) -> Result<JsValue, JsValue> {
        let hits = self.tooltip.drawn.as_ref().map(|(_, hits)| hits);
        serde_wasm_bindgen::to_value(&hits.map(Hits::drawn_values).unwrap_or_default())
            .map_err(|error| JsValue::from_str(&error.to_string()))
    }
}

impl App {
    /// Keeps the marks of the chart just drawn in place of the last ones, and points an open
    /// tooltip at what now lies under the pointer (while Play runs, say).
    pub(super) fn chart_drawn(&mut self, plot: &Plot, hits: Hits) -> Result<(), JsValue> {
        self.tooltip.drawn = Some((plot.clone(), hits));
        self.tooltip.text_of = None;
        self.point_tooltip().map(|_| ())
    }

    /// Forgets the marks when the view has no chart, and hides the tooltip.
    pub(super) fn chart_gone(&mut self) -> Result<(), JsValue> {
        self.tooltip.drawn = None;
        self.tooltip.pointer = None;
        self.hide_tooltip().map(|_| ())
    }

    /// Shows the tooltip of the value under the pointer, or hides it when there is none.
    fn point_tooltip(&mut self) -> Result<bool, JsValue> {
        let Some((at, touch)) = self.tooltip.pointer else {
            return self.hide_tooltip().map(|_| false);
        };
        let reach = if touch { TOUCH_REACH } else { MOUSE_REACH };
        let text_of = self.tooltip.text_of;
        // The mark, where the tooltip points, and its text when the element holds another's.
        let found = self.tooltip.drawn.as_ref().and_then(|(plot, hits)| {
            let mark = hits.at(at, reach)?;
            let key = (mark.series, mark.point);
            let text = if text_of == Some(key) {
                None
            } else {
                let tip = html::tooltip(plot, mark)?;
                Some(crate::lang::html(self.session.display.lang, &tip).into_owned())
            };
            Some((key, mark.anchor(at), text))
        });
        let Some((key, anchor, text)) = found else {
            return self.hide_tooltip().map(|_| false);
        };
        let tip: web_sys::HtmlElement = element(&self.document, "tooltip")?.dyn_into()?;
        if let Some(text) = text {
            tip.set_inner_html(&text);
            self.tooltip.text_of = Some(key);
        }
        if !self.tooltip.visible {
            set_hidden(&tip, false)?;
            self.tooltip.visible = true;
        }
        // Measuring the tooltip lays out only what changed: its text, if anything.
        let size = (
            f64::from(tip.offset_width()),
            f64::from(tip.offset_height()),
        );
        let bounds = match self.chart_size {
            Some(size) => size,
            None => {
                let canvas = element(&self.document, "chart")?;
                (
                    f64::from(canvas.client_width()),
                    f64::from(canvas.client_height()),
                )
            }
        };
        let (left, top) = chart::tooltip_position(anchor, size, bounds, touch);
        let style = tip.style();
        style.set_property("left", &format!("{left:.0}px"))?;
        style.set_property("top", &format!("{top:.0}px"))?;
        Ok(true)
    }

    /// Hides the tooltip; returns whether it was shown.
    fn hide_tooltip(&mut self) -> Result<bool, JsValue> {
        let was_visible = std::mem::take(&mut self.tooltip.visible);
        if was_visible {
            set_hidden(&element(&self.document, "tooltip")?, true)?;
        }
        Ok(was_visible)
    }
}
