//! Fonts and the text-width estimate used where no real font can be measured.

use plotters::style::text_anchor::Pos;
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, TextStyle};

/// The font family of every label. Helvetica and Arial share their glyph widths (and Liberation
/// Sans copies them), so [`estimated_text_width`] fits wherever an exported SVG is opened.
pub(crate) const FONT_FAMILY: &str = "Helvetica, Arial, sans-serif";

/// A text size and weight, already multiplied by the style's font scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Font {
    /// The size in backend pixels (CSS pixels × font scale).
    pub size: f64,
    /// Bold weight (titles, highlighted legend labels, the incomplete-stack mark).
    pub bold: bool,
}

impl Font {
    /// A font of `css_px` CSS pixels at `scale`, rounded to a tenth of a pixel so that the canvas
    /// font string and the SVG attribute stay short and stable.
    pub fn new(css_px: f64, scale: f64, bold: bool) -> Font {
        let size = ((css_px * scale * 10.0).round() / 10.0).max(1.0);
        Font { size, bold }
    }

    /// The distance between the baselines of two lines of this font.
    pub fn line_height(self) -> f64 {
        self.size * 1.3
    }

    /// The plotters text style for this font, drawn in `color`, anchored at `pos`.
    pub fn text_style(
        self,
        color: RGBColor,
        pos: Pos,
        transform: FontTransform,
    ) -> TextStyle<'static> {
        let weight = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        TextStyle {
            font: FontDesc::new(FontFamily::Name(FONT_FAMILY), self.size, weight)
                .transform(transform),
            color: color.to_backend_color(),
            pos,
        }
    }
}

/// The advance widths of Helvetica's printable ASCII characters (space to `~`), in thousandths
/// of the font size, from Adobe's published font metrics.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// The width of `text` in `font`, estimated from Helvetica's metrics. Bold text is estimated a
/// little wider, and characters outside ASCII get a generous width, so that estimates err on the
/// side of room rather than overlap.
pub(crate) fn estimated_text_width(text: &str, font: Font) -> f64 {
    let thousandths: u32 = text.chars().map(glyph_width).sum();
    let weight = if font.bold { 1.08 } else { 1.0 };
    f64::from(thousandths) / 1000.0 * font.size * weight
}

fn glyph_width(ch: char) -> u32 {
    let code = ch as u32;
    match ch {
        ' '..='~' => u32::from(HELVETICA_WIDTHS[(code - 32) as usize]),
        '–' | '’' | '‘' => 556,
        '−' | '×' => 584,
        '—' | '…' => 1000,
        _ if code >= 0x2E80 => 1000,
        _ => 600,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_follow_helvetica_widths() {
        let font = Font::new(10.0, 1.0, false);
        assert!((estimated_text_width("2005", font) - 22.24).abs() < 1e-9);
        assert!(estimated_text_width("Mill", font) > estimated_text_width("ill", font));
        assert!(
            estimated_text_width("n/a", Font::new(10.0, 1.0, true))
                > estimated_text_width("n/a", font)
        );
    }

    #[test]
    fn sizes_scale_and_round() {
        assert_eq!(Font::new(12.0, 2.0, false).size, 24.0);
        assert_eq!(Font::new(12.0, 1.3, false).size, 15.6);
    }
}
