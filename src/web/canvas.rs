//! Draws charts on `<canvas>` elements through plotters-canvas, with text measured by the
//! canvas itself and cached.
//!
//! plotters' web font code measures a label by inserting a `<span>` into the page and reading
//! its size, which forces a style and layout pass for every label (about 0.15 ms each, more on
//! a large page). The chart measures all its text through the backend's `estimate_text_size`
//! (it uses no plotters legend or multi-line text, which would bypass the backend), so a
//! backend that answers from `CanvasRenderingContext2d.measureText`, and remembers the answer,
//! removes all of that work from a redraw.

use crate::chart::text::{estimated_text_width, Font};
use crate::chart::{self, Hits, Style};
use crate::plot::Plot;
use plotters::prelude::IntoDrawingArea;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Draws `plot` on `canvas`, sized to the canvas's CSS box as the layout has it now, and
/// returns where each value was drawn, in CSS pixels from the canvas's top left corner.
///
/// Reading the box forces a style and layout pass when the page changed since the last one;
/// [`draw_on_canvas_sized`] avoids that when the size is already known.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    plot: &Plot,
    style: &Style,
) -> Result<Hits, String> {
    let width = f64::from(canvas.client_width());
    let height = f64::from(canvas.client_height());
    draw_on_canvas_sized(canvas, plot, style, width, height)
}

/// Draws `plot` on `canvas` whose CSS box is `css_width` × `css_height` pixels, and returns
/// where each value was drawn, in CSS pixels from the canvas's top left corner.
///
/// The backing store is set to the CSS size × devicePixelRatio (and only touched when that
/// changes, since setting it clears the canvas and costs a reallocation), and
/// `style.font_scale` (the reader's zoom) is multiplied by the same ratio, so text and lines
/// keep their CSS size and stay sharp. The chart is laid out in the backing store's pixels, so
/// its marks are scaled back by the backing store's ratio to the CSS box, axis by axis (the
/// store is rounded to whole pixels, and capped). A canvas without a size (hidden, or not yet
/// laid out) is left alone, with no marks.
pub fn draw_on_canvas_sized(
    canvas: &HtmlCanvasElement,
    plot: &Plot,
    style: &Style,
    css_width: f64,
    css_height: f64,
) -> Result<Hits, String> {
    let window = web_sys::window().ok_or("the page has no window")?;
    let ratio = window.device_pixel_ratio();
    let ratio = if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    };
    let width = backing_size(css_width, ratio);
    let height = backing_size(css_height, ratio);
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    if width == 0 || height == 0 {
        return Ok(Hits::default());
    }
    let style = Style {
        font_scale: style.font_scale * ratio,
        ..*style
    };
    let hits = render(canvas, plot, &style)?;
    Ok(hits.scaled(css_width / f64::from(width), css_height / f64::from(height)))
}

/// Draws `plot` on a new, detached canvas of `width` × `height` pixels and returns it as a PNG
/// data URL, for "download PNG".
pub fn export_png(
    document: &web_sys::Document,
    plot: &Plot,
    style: &Style,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js_message)?
        .dyn_into()
        .map_err(|_| "the page made something other than a canvas".to_string())?;
    canvas.set_width(width);
    canvas.set_height(height);
    render(&canvas, plot, style)?;
    canvas
        .to_data_url_with_type("image/png")
        .map_err(js_message)
}

/// The largest backing store side browsers allocate for a canvas; a larger box is drawn at
/// this size rather than not at all.
const LARGEST_CANVAS_SIDE: f64 = 16_384.0;

/// The backing-store size for a CSS size at a device pixel ratio.
fn backing_size(css_pixels: f64, ratio: f64) -> u32 {
    if css_pixels.is_finite() {
        (css_pixels.max(0.0) * ratio)
            .round()
            .min(LARGEST_CANVAS_SIDE) as u32
    } else {
        0
    }
}

/// Draws `plot` on `canvas` at its backing store's size; returns the marks in its pixels.
fn render(canvas: &HtmlCanvasElement, plot: &Plot, style: &Style) -> Result<Hits, String> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_message)?
        .ok_or("the canvas gives no 2D context")?
        .dyn_into()
        .map_err(|_| "the canvas context is not a 2D context".to_string())?;
    // Round joins keep thick lines from spiking where they turn sharply.
    context.set_line_join("round");
    let inner = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("plotters cannot draw on this canvas")?;
    let area = MeasuringCanvas { inner, context }.into_drawing_area();
    let hits = chart::draw(plot, style, &area)?;
    area.present()
        .map_err(|error| format!("the chart could not be finished: {error}"))?;
    Ok(hits)
}

/// A readable message from a JavaScript exception.
fn js_message(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// The most text widths kept; a long session of zooming could otherwise grow the cache
/// without end. When full it is emptied and refilled by the next redraws.
const CACHED_WIDTHS: usize = 4096;

thread_local! {
    /// Text widths in pixels, by canvas font string and text.
    static TEXT_WIDTHS: RefCell<HashMap<String, u32>> = RefCell::new(HashMap::new());
}

/// The canvas font string for a text style: the very string plotters-canvas sets on the
/// context before it draws the text (see its `draw_text`), so that text is measured in the
/// font it is drawn in.
fn canvas_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// plotters-canvas's backend, with text measured by `measureText` and cached.
struct MeasuringCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = canvas_font(style);
        let height = Font {
            size: style.size(),
            bold: false,
        }
        .line_height()
        .ceil() as u32;
        let key = format!("{font}\u{0}{text}");
        if let Some(width) = TEXT_WIDTHS.with(|widths| widths.borrow().get(&key).copied()) {
            return Ok((width, height));
        }
        self.context.set_font(&font);
        let width = match self.context.measure_text(text) {
            Ok(metrics) => metrics.width().ceil() as u32,
            // A context that cannot measure still gets a usable layout from the width table.
            Err(_) => {
                let bold = matches!(style.style(), FontStyle::Bold);
                estimated_text_width(
                    text,
                    Font {
                        size: style.size(),
                        bold,
                    },
                )
                .ceil() as u32
            }
        };
        TEXT_WIDTHS.with(|widths| {
            let mut widths = widths.borrow_mut();
            if widths.len() >= CACHED_WIDTHS {
                widths.clear();
            }
            widths.insert(key, width);
        });
        Ok((width, height))
    }
}
