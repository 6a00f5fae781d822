//! The SVG backend as the chart uses it: plotters' `SVGBackend` with text measured by the width
//! table and text sizes given in CSS pixels.

use super::text::{estimated_text_width, Font};
use plotters::backend::SVGBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

/// plotters-svg writes `font-size` as the style's size divided by this factor (a leftover of
/// its point-to-pixel conversion), while the canvas backend uses the size as CSS pixels.
const PLOTTERS_SVG_FONT_FACTOR: f64 = 1.24;

/// Wraps [`SVGBackend`] so that the same chart code gives the same text sizes as on a canvas,
/// and so that text is measured without any font files (plotters' own fallback is far narrower
/// than real text, which would let labels overlap).
pub(crate) struct SvgChartBackend<'a> {
    inner: SVGBackend<'a>,
}

impl<'a> SvgChartBackend<'a> {
    /// Draws into `buffer`, an SVG document of `size` pixels.
    pub fn new(buffer: &'a mut String, size: (u32, u32)) -> SvgChartBackend<'a> {
        SvgChartBackend {
            inner: SVGBackend::with_string(buffer, size),
        }
    }
}

/// A text style whose size is enlarged by [`PLOTTERS_SVG_FONT_FACTOR`], so that plotters-svg
/// writes the intended size.
struct CssSizedText<'s, S> {
    inner: &'s S,
    size: f64,
}

impl<'s, S: BackendTextStyle> CssSizedText<'s, S> {
    fn new(inner: &'s S) -> CssSizedText<'s, S> {
        let wanted = inner.size();
        let mut size = wanted * PLOTTERS_SVG_FONT_FACTOR;
        // Floating point may turn 13 × 1.24 / 1.24 into 13.000000000000002; a nudge of a few
        // units in the last place restores the round number that the file should show.
        for _ in 0..4 {
            let written = size / PLOTTERS_SVG_FONT_FACTOR;
            if written == wanted {
                break;
            }
            let bits = size.to_bits();
            size = f64::from_bits(if written > wanted { bits - 1 } else { bits + 1 });
        }
        CssSizedText { inner, size }
    }
}

impl<S: BackendTextStyle> BackendTextStyle for CssSizedText<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.inner.color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn transform(&self) -> FontTransform {
        self.inner.transform()
    }

    fn style(&self) -> FontStyle {
        self.inner.style()
    }

    fn anchor(&self) -> Pos {
        self.inner.anchor()
    }

    fn family(&self) -> FontFamily<'_> {
        self.inner.family()
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.inner.layout_box(text)
    }

    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: DrawFunc,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.inner.draw(text, pos, draw)
    }
}

impl DrawingBackend for SvgChartBackend<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, &CssSizedText::new(style), pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = Font {
            size: style.size(),
            bold: matches!(style.style(), FontStyle::Bold),
        };
        let width = estimated_text_width(text, font).ceil() as u32;
        Ok((width, font.line_height().ceil() as u32))
    }
}
