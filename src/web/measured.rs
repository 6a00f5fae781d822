//! The page's canvas backend: `plotters_canvas::CanvasBackend` draws every line, shape and
//! label, and this wrapper only answers plotters' questions about text widths.
//!
//! Plotters measures a label before placing it. Left to itself on the web, it inserts a
//! `<span>` into the page for each label and reads its size, forcing a layout per label; here
//! the canvas's own `measureText` answers, with the same font string plotters-canvas draws
//! with, and each width is cached by font and text, since a redraw measures the same axis
//! labels again.

use crate::chart::text::{estimated_text_width, Font};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::collections::HashMap;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// Text widths in pixels, by canvas font string and text.
    static TEXT_WIDTHS: RefCell<HashMap<String, u32>> = RefCell::new(HashMap::new());
}

/// The most text widths kept; a long session of zooming could otherwise grow the cache
/// without end. When full it is emptied and refilled by the next redraws.
const CACHED_WIDTHS: usize = 4096;

/// plotters-canvas's backend, with text measured by the canvas and cached.
pub struct MeasuredCanvas {
    canvas: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuredCanvas {
    /// The backend for `canvas`, or `None` when it gives no 2D context.
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<Self> {
        Some(MeasuredCanvas {
            canvas: CanvasBackend::with_canvas_object(canvas)?,
            context,
        })
    }
}

/// The backend that draws: a test holds the page to plotters-canvas through it.
impl AsRef<CanvasBackend> for MeasuredCanvas {
    fn as_ref(&self) -> &CanvasBackend {
        &self.canvas
    }
}

/// The font as the canvas takes it, written as plotters-canvas writes it when it draws.
fn canvas_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// plotters-canvas's error, which it does not name publicly.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

type Outcome = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.get_size()
    }

    fn ensure_prepared(&mut self) -> Outcome {
        self.canvas.ensure_prepared()
    }

    fn present(&mut self) -> Outcome {
        self.canvas.present()
    }

    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Outcome {
        self.canvas.draw_pixel(at, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        self.canvas.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.canvas.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        self.canvas.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        self.canvas.fill_polygon(vertices, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.canvas.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        at: BackendCoord,
    ) -> Outcome {
        self.canvas.draw_text(text, style, at)
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
            Err(_) => estimated_text_width(
                text,
                Font {
                    size: style.size(),
                    bold: matches!(style.style(), FontStyle::Bold),
                },
            )
            .ceil() as u32,
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
