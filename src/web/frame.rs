//! The canvas backend: plotters draws into a [`Frame`], which records the frame's operations
//! as numbers and strings and puts them on the canvas in one call when the frame is presented.
//!
//! Every call from WebAssembly into the browser costs far more than the drawing it asks for
//! (the colour strings alone were a fifth of a redraw), and a chart is some hundreds of them.
//! The page's `replay` function (in `www/app.js`, handed over by [`use_canvas_replay`], since
//! the page's policy lets no script be made from text) reads the recording in a loop of plain
//! canvas calls. Without it (the browser tests load no page script) the same recording is
//! replayed from here, call by call. The drawing code stays the one in [`crate::chart`]; only
//! the way its operations reach the canvas differs from the SVG backend's.
//!
//! Text is measured by the canvas's `measureText` and cached: plotters' own web font code
//! would insert a `<span>` into the page for every label and force a layout to read it.

use crate::chart::text::{estimated_text_width, Font};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

// The recording's operations, each followed by its operands. `www/app.js`'s `replay` reads the
// same numbers: change both together.
/// `fillStyle = strings[s]`.
const FILL: f64 = 0.0;
/// `strokeStyle = strings[s]; lineWidth = w`.
const STROKE: f64 = 1.0;
/// `fillRect(x, y, w, h)`.
const FILL_RECT: f64 = 2.0;
/// `strokeRect(x, y, w, h)`.
const STROKE_RECT: f64 = 3.0;
/// `n` points `x y`, stroked as one open path.
const LINE: f64 = 4.0;
/// `n` points `x y`, closed and filled.
const POLYGON: f64 = 5.0;
/// A circle `x y r`, filled when the fourth number is 1, else stroked.
const CIRCLE: f64 = 6.0;
/// `font = strings[s]`.
const TEXT_FONT: f64 = 7.0;
/// `textAlign = ALIGNS[a]; textBaseline = BASELINES[b]`.
const TEXT_ANCHOR: f64 = 8.0;
/// `fillText(strings[s], x, y)`.
const TEXT: f64 = 9.0;
/// `strings[s]` at `x y`, turned by an angle in radians about that point.
const TURNED_TEXT: f64 = 10.0;

/// `textAlign` values, by the index [`TEXT_ANCHOR`] records.
const ALIGNS: [&str; 3] = ["start", "end", "center"];
/// `textBaseline` values, by the index [`TEXT_ANCHOR`] records.
const BASELINES: [&str; 3] = ["top", "middle", "bottom"];
/// What separates the recording's strings; labels never hold it (it is removed from them).
const SEPARATOR: char = '\u{0}';

thread_local! {
    /// The page's replay function, once the page has handed it over.
    static REPLAY: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Text widths in pixels, by canvas font string and text.
    static TEXT_WIDTHS: RefCell<HashMap<String, u32>> = RefCell::new(HashMap::new());
}

/// The most text widths kept; a long session of zooming could otherwise grow the cache
/// without end. When full it is emptied and refilled by the next redraws.
const CACHED_WIDTHS: usize = 4096;

/// Takes the page's function that replays a recorded frame on a canvas context:
/// `replay(context, numbers, strings)`, `strings` joined by NUL characters.
#[wasm_bindgen]
pub fn use_canvas_replay(replay: js_sys::Function) {
    REPLAY.with(|slot| *slot.borrow_mut() = Some(replay));
}

/// Why a frame could not be put on the canvas.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

/// One frame of a chart, recorded for a canvas of `size` pixels.
pub struct Frame {
    size: (u32, u32),
    context: CanvasRenderingContext2d,
    numbers: Vec<f64>,
    /// The frame's strings (colours, fonts, labels), each once, joined by [`SEPARATOR`].
    strings: String,
    string_ids: HashMap<String, usize>,
    /// The context's state as the recording has set it, so that each is set only on change.
    fill: Option<usize>,
    stroke: Option<(usize, u32)>,
    font: Option<usize>,
    anchor: Option<(usize, usize)>,
}

impl Frame {
    /// A frame to draw on `context`, whose canvas is `size` pixels.
    pub fn new(size: (u32, u32), context: CanvasRenderingContext2d) -> Frame {
        Frame {
            size,
            context,
            numbers: Vec::new(),
            strings: String::new(),
            string_ids: HashMap::new(),
            fill: None,
            stroke: None,
            font: None,
            anchor: None,
        }
    }

    /// The index of `text` among the frame's strings.
    fn string(&mut self, text: &str) -> f64 {
        if let Some(&id) = self.string_ids.get(text) {
            return id as f64;
        }
        let id = self.string_ids.len();
        if id > 0 {
            self.strings.push(SEPARATOR);
        }
        self.strings
            .extend(text.chars().filter(|&c| c != SEPARATOR));
        self.string_ids.insert(text.to_string(), id);
        id as f64
    }

    fn set_fill(&mut self, color: BackendColor) {
        let id = self.string(&css_color(color)) as usize;
        if self.fill != Some(id) {
            self.fill = Some(id);
            self.numbers.extend([FILL, id as f64]);
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, style: &S) {
        let id = self.string(&css_color(style.color())) as usize;
        let width = style.stroke_width();
        if self.stroke != Some((id, width)) {
            self.stroke = Some((id, width));
            self.numbers.extend([STROKE, id as f64, f64::from(width)]);
        }
    }

    fn points(&mut self, operation: f64, points: &[(f64, f64)]) {
        self.numbers.extend([operation, points.len() as f64]);
        for &(x, y) in points {
            self.numbers.extend([x, y]);
        }
    }

    /// Puts the recording on the canvas, through the page's function when it gave one.
    fn replay(&mut self) -> Result<(), JsValue> {
        // Round joins keep thick lines from spiking where they turn sharply.
        self.context.set_line_join("round");
        let replay = REPLAY.with(|slot| slot.borrow().clone());
        match replay {
            Some(replay) => {
                let numbers = js_sys::Float64Array::from(self.numbers.as_slice());
                replay.call3(
                    &JsValue::UNDEFINED,
                    &self.context,
                    &numbers,
                    &JsValue::from_str(&self.strings),
                )?;
            }
            None => replay_here(&self.context, &self.numbers, &self.strings)?,
        }
        self.numbers.clear();
        Ok(())
    }
}

/// The colour as the canvas takes it.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

/// The numbers of a recording, read in order; a cut-off recording reads as zeros.
struct Reader<'a>(std::slice::Iter<'a, f64>);

impl Reader<'_> {
    fn next(&mut self) -> f64 {
        self.0.next().copied().unwrap_or_default()
    }

    /// Starts a path through the next count of points.
    fn path(&mut self, context: &CanvasRenderingContext2d) {
        let count = self.next() as usize;
        context.begin_path();
        for index in 0..count {
            let (x, y) = (self.next(), self.next());
            if index == 0 {
                context.move_to(x, y);
            } else {
                context.line_to(x, y);
            }
        }
    }
}

/// Replays a recording call by call, for pages without the replay function; it reads the
/// numbers exactly as `www/app.js`'s `replay` does.
fn replay_here(
    context: &CanvasRenderingContext2d,
    numbers: &[f64],
    strings: &str,
) -> Result<(), JsValue> {
    let strings: Vec<&str> = strings.split(SEPARATOR).collect();
    let text = |index: f64| strings.get(index as usize).copied().unwrap_or_default();
    let mut read = Reader(numbers.iter());
    while let Some(&operation) = read.0.next() {
        match operation {
            FILL => context.set_fill_style_str(text(read.next())),
            STROKE => {
                context.set_stroke_style_str(text(read.next()));
                context.set_line_width(read.next());
            }
            FILL_RECT => context.fill_rect(read.next(), read.next(), read.next(), read.next()),
            STROKE_RECT => context.stroke_rect(read.next(), read.next(), read.next(), read.next()),
            LINE => {
                read.path(context);
                context.stroke();
            }
            POLYGON => {
                read.path(context);
                context.close_path();
                context.fill();
            }
            CIRCLE => {
                let (x, y, radius, filled) = (read.next(), read.next(), read.next(), read.next());
                context.begin_path();
                context.arc(x, y, radius, 0.0, std::f64::consts::TAU)?;
                if filled == 1.0 {
                    context.fill();
                } else {
                    context.stroke();
                }
            }
            TEXT_FONT => context.set_font(text(read.next())),
            TEXT_ANCHOR => {
                context.set_text_align(ALIGNS[read.next() as usize % ALIGNS.len()]);
                context.set_text_baseline(BASELINES[read.next() as usize % BASELINES.len()]);
            }
            TEXT => context.fill_text(text(read.next()), read.next(), read.next())?,
            TURNED_TEXT => {
                let (label, x, y) = (text(read.next()), read.next(), read.next());
                context.save();
                context.translate(x, y)?;
                context.rotate(read.next())?;
                context.fill_text(label, 0.0, 0.0)?;
                context.restore();
            }
            other => {
                return Err(JsValue::from_str(&format!(
                    "the chart's recording has an unknown step {other}"
                )))
            }
        }
    }
    Ok(())
}

/// The canvas font string for a text style, as the canvas both measures and draws it.
fn canvas_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// Moves a horizontal or vertical line by half a pixel, onto the middle of a pixel row or
/// column, so that a one-pixel line stays sharp (as plotters-canvas did).
fn sharp_line(from: BackendCoord, to: BackendCoord) -> [(f64, f64); 2] {
    let mut from = (f64::from(from.0), f64::from(from.1));
    let mut to = (f64::from(to.0), f64::from(to.1));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    [from, to]
}

fn point(coord: BackendCoord) -> (f64, f64) {
    (f64::from(coord.0), f64::from(coord.1))
}

type Outcome = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Frame {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Outcome {
        Ok(())
    }

    fn present(&mut self) -> Outcome {
        self.replay().map_err(|error| {
            DrawingErrorKind::DrawingError(CanvasError(
                error
                    .as_string()
                    .unwrap_or_else(|| format!("the canvas refused a step: {error:?}")),
            ))
        })
    }

    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Outcome {
        if color.alpha > 0.0 {
            self.set_fill(color);
            let (x, y) = point(at);
            self.numbers.extend([FILL_RECT, x, y, 1.0, 1.0]);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        if style.color().alpha > 0.0 {
            self.set_stroke(style);
            self.points(LINE, &sharp_line(from, to));
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let operation = if fill {
            self.set_fill(style.color());
            FILL_RECT
        } else {
            self.set_stroke(style);
            STROKE_RECT
        };
        let ((left, top), (right, bottom)) = (point(upper_left), point(bottom_right));
        self.numbers
            .extend([operation, left, top, right - left, bottom - top]);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        let points: Vec<(f64, f64)> = path.into_iter().map(point).collect();
        if style.color().alpha > 0.0 && !points.is_empty() {
            self.set_stroke(style);
            self.points(LINE, &points);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        let points: Vec<(f64, f64)> = vertices.into_iter().map(point).collect();
        if style.color().alpha > 0.0 && !points.is_empty() {
            self.set_fill(style.color());
            self.points(POLYGON, &points);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style);
        }
        let (x, y) = point(center);
        let filled = if fill { 1.0 } else { 0.0 };
        self.numbers
            .extend([CIRCLE, x, y, f64::from(radius), filled]);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        at: BackendCoord,
    ) -> Outcome {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        let font = self.string(&canvas_font(style)) as usize;
        if self.font != Some(font) {
            self.font = Some(font);
            self.numbers.extend([TEXT_FONT, font as f64]);
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => 0,
            HPos::Right => 1,
            HPos::Center => 2,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => 0,
            VPos::Center => 1,
            VPos::Bottom => 2,
        };
        if self.anchor != Some((align, baseline)) {
            self.anchor = Some((align, baseline));
            self.numbers
                .extend([TEXT_ANCHOR, align as f64, baseline as f64]);
        }
        let label = self.string(text);
        let (x, y) = point(at);
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        if quarter_turns == 0.0 {
            self.numbers.extend([TEXT, label, x, y]);
        } else {
            let angle = quarter_turns * std::f64::consts::FRAC_PI_2;
            self.numbers.extend([TURNED_TEXT, label, x, y, angle]);
        }
        Ok(())
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
