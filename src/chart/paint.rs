//! A thin layer over a plotters drawing area: coordinates as `f64` pixels, sizes scaled by the
//! style, and errors turned into readable messages.

use super::text::Font;
use super::theme::Theme;
use crate::lang::Lang;
use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontTransform, RGBColor, ShapeStyle, TextStyle};

/// The result of one drawing step.
pub(crate) type Drawn = Result<(), String>;

/// A point in backend pixels.
pub(crate) type Point = (f64, f64);

/// Turns a plotters error into the message `draw` returns.
pub(crate) fn message<E: std::fmt::Display>(error: E) -> String {
    format!("the chart could not be drawn: {error}")
}

/// Rounds a coordinate to the backend's integer pixels (`as` saturates, so nothing panics).
fn pixel((x, y): Point) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A stroke width in whole pixels, at least one.
fn stroke_width(width: f64) -> u32 {
    width.round().max(1.0) as u32
}

/// The drawing operations the chart needs, as an object-safe trait: the chart code then
/// compiles once and draws through it on any backend, instead of once per backend, which keeps
/// the wasm smaller (the page draws on a canvas and exports SVG).
pub(crate) trait Surface {
    /// The size of `text` in `style`, as the backend measures it.
    fn text_size(&self, text: &str, style: &TextStyle) -> Result<(u32, u32), String>;
    fn text(&self, text: &str, style: &TextStyle, at: (i32, i32)) -> Drawn;
    fn rectangle(&self, corners: [(i32, i32); 2], style: ShapeStyle) -> Drawn;
    fn path(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Drawn;
    fn dashed_path(&self, points: Vec<(i32, i32)>, dash: i32, gap: i32, style: ShapeStyle)
        -> Drawn;
    fn circle(&self, center: (i32, i32), radius: i32, style: ShapeStyle) -> Drawn;
    fn polygon(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Drawn;
}

impl<DB: DrawingBackend> Surface for DrawingArea<DB, Shift> {
    fn text_size(&self, text: &str, style: &TextStyle) -> Result<(u32, u32), String> {
        self.estimate_text_size(text, style).map_err(message)
    }

    fn text(&self, text: &str, style: &TextStyle, at: (i32, i32)) -> Drawn {
        self.draw_text(text, style, at).map_err(message)
    }

    fn rectangle(&self, corners: [(i32, i32); 2], style: ShapeStyle) -> Drawn {
        self.draw(&Rectangle::new(corners, style)).map_err(message)
    }

    fn path(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Drawn {
        self.draw(&PathElement::new(points, style)).map_err(message)
    }

    fn dashed_path(
        &self,
        points: Vec<(i32, i32)>,
        dash: i32,
        gap: i32,
        style: ShapeStyle,
    ) -> Drawn {
        self.draw(&DashedPathElement::new(points, dash, gap, style))
            .map_err(message)
    }

    fn circle(&self, center: (i32, i32), radius: i32, style: ShapeStyle) -> Drawn {
        self.draw(&Circle::new(center, radius, style))
            .map_err(message)
    }

    fn polygon(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Drawn {
        self.draw(&Polygon::new(points, style)).map_err(message)
    }
}

/// The pixel points and stroke style of a line `width` wide through `points`.
fn line_parts(points: &[Point], color: RGBColor, width: f64) -> (Vec<(i32, i32)>, ShapeStyle) {
    let style = ShapeStyle {
        color: color.to_rgba(),
        filled: false,
        stroke_width: stroke_width(width),
    };
    (points.iter().copied().map(pixel).collect(), style)
}

/// A surface that measures text as another does and draws nothing: for trying a layout out
/// before drawing it.
pub(crate) struct Measuring<'a> {
    inner: &'a dyn Surface,
}

impl Surface for Measuring<'_> {
    fn text_size(&self, text: &str, style: &TextStyle) -> Result<(u32, u32), String> {
        self.inner.text_size(text, style)
    }

    fn text(&self, _: &str, _: &TextStyle, _: (i32, i32)) -> Drawn {
        Ok(())
    }

    fn rectangle(&self, _: [(i32, i32); 2], _: ShapeStyle) -> Drawn {
        Ok(())
    }

    fn path(&self, _: Vec<(i32, i32)>, _: ShapeStyle) -> Drawn {
        Ok(())
    }

    fn dashed_path(&self, _: Vec<(i32, i32)>, _: i32, _: i32, _: ShapeStyle) -> Drawn {
        Ok(())
    }

    fn circle(&self, _: (i32, i32), _: i32, _: ShapeStyle) -> Drawn {
        Ok(())
    }

    fn polygon(&self, _: Vec<(i32, i32)>, _: ShapeStyle) -> Drawn {
        Ok(())
    }
}

/// Draws on one surface with one theme and scale.
pub(crate) struct Painter<'a> {
    area: &'a dyn Surface,
    /// The colours to draw in.
    pub theme: Theme,
    /// The style's font scale: CSS pixels × scale = backend pixels.
    pub scale: f64,
    /// The language of the chart's own texts.
    pub lang: Lang,
}

impl<'a> Painter<'a> {
    /// A painter for `area`.
    pub fn new(area: &'a dyn Surface, theme: Theme, scale: f64, lang: Lang) -> Painter<'a> {
        Painter {
            area,
            theme,
            scale,
            lang,
        }
    }

    /// One of the chart's own texts in its language.
    pub fn say<'t>(&self, english: &'t str) -> std::borrow::Cow<'t, str> {
        crate::lang::text(self.lang, english)
    }

    /// A surface that measures text as this painter's does and draws nothing.
    pub fn measuring(&self) -> Measuring<'a> {
        Measuring { inner: self.area }
    }

    /// `css_px` CSS pixels in backend pixels.
    pub fn px(&self, css_px: f64) -> f64 {
        css_px * self.scale
    }

    /// The width of `text` in `font`, as the backend measures it.
    pub fn measure(&self, text: &str, font: Font) -> Result<f64, String> {
        if text.is_empty() {
            return Ok(0.0);
        }
        let style = font.text_style(self.theme.text, Pos::default(), FontTransform::None);
        let (width, _) = self.area.text_size(text, &style)?;
        Ok(f64::from(width))
    }

    /// The widest of `texts` in `font`.
    pub fn widest<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
        font: Font,
    ) -> Result<f64, String> {
        let mut widest = 0.0_f64;
        for text in texts {
            widest = widest.max(self.measure(text, font)?);
        }
        Ok(widest)
    }

    /// Breaks `text` into lines no wider than `max_width` at spaces. A single word that is wider
    /// stays whole on its own line rather than being cut.
    pub fn wrap(&self, text: &str, font: Font, max_width: f64) -> Result<Vec<String>, String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || self.measure(&candidate, font)? <= max_width {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Ok(lines)
    }

    /// `text`, shortened with an ellipsis until it is no wider than `max_width`.
    pub fn truncate(&self, text: &str, font: Font, max_width: f64) -> Result<String, String> {
        if self.measure(text, font)? <= max_width {
            return Ok(text.to_string());
        }
        let chars: Vec<char> = text.chars().collect();
        // Binary search for the longest prefix that fits with its ellipsis.
        let (mut fits, mut too_long) = (0, chars.len());
        while too_long - fits > 1 {
            let middle = (fits + too_long) / 2;
            let candidate: String = chars[..middle].iter().collect::<String>() + "…";
            if self.measure(&candidate, font)? <= max_width {
                fits = middle;
            } else {
                too_long = middle;
            }
        }
        Ok(chars[..fits]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…")
    }

    /// Draws `text` with its anchor point (`h`, `v`) at `at`.
    pub fn text(
        &self,
        text: &str,
        font: Font,
        color: RGBColor,
        at: Point,
        h: HPos,
        v: VPos,
    ) -> Drawn {
        let style = font.text_style(color, Pos::new(h, v), FontTransform::None);
        self.area.text(text, &style, pixel(at))
    }

    /// Draws `text` turned a quarter to the left, reading upwards and centred on `at` across
    /// the reading direction. `HPos::Left` starts the text at `at` (it rises above it);
    /// `HPos::Right` ends it there (it hangs below it).
    pub fn text_upwards(
        &self,
        text: &str,
        font: Font,
        color: RGBColor,
        at: Point,
        h: HPos,
    ) -> Drawn {
        let style = font.text_style(color, Pos::new(h, VPos::Center), FontTransform::Rotate270);
        self.area.text(text, &style, pixel(at))
    }

    /// Fills the rectangle between two corners. Rectangles with integer corners are also how
    /// horizontal and vertical rules are drawn: they stay sharp on canvas and in SVG alike.
    pub fn fill_rect(&self, corner: Point, opposite: Point, color: RGBColor) -> Drawn {
        let style = ShapeStyle {
            color: color.to_rgba(),
            filled: true,
            stroke_width: 1,
        };
        self.area.rectangle([pixel(corner), pixel(opposite)], style)
    }

    /// A horizontal rule `thickness` pixels thick, centred on `y`.
    pub fn hrule(&self, x0: f64, x1: f64, y: f64, thickness: f64, color: RGBColor) -> Drawn {
        let thickness = thickness.round().max(1.0);
        let top = (y - thickness / 2.0).round();
        self.fill_rect((x0, top), (x1, top + thickness), color)
    }

    /// A vertical rule `thickness` pixels thick, centred on `x`.
    pub fn vrule(&self, x: f64, y0: f64, y1: f64, thickness: f64, color: RGBColor) -> Drawn {
        let thickness = thickness.round().max(1.0);
        let left = (x - thickness / 2.0).round();
        self.fill_rect((left, y0), (left + thickness, y1), color)
    }

    /// A solid line through `points`.
    pub fn polyline(&self, points: &[Point], color: RGBColor, width: f64) -> Drawn {
        if points.len() < 2 {
            return Ok(());
        }
        let (points, style) = line_parts(points, color, width);
        self.area.path(points, style)
    }

    /// A dashed line through `points`. The dashes are drawn as short solid pieces, because the
    /// backends know no dash patterns; the pattern runs on across corners.
    pub fn dashed(&self, points: &[Point], color: RGBColor, width: f64) -> Drawn {
        if points.len() < 2 {
            return Ok(());
        }
        let (points, style) = line_parts(points, color, width);
        let dash = self.px(5.0).round().max(2.0) as i32;
        let gap = self.px(3.5).round().max(2.0) as i32;
        self.area.dashed_path(points, dash, gap, style)
    }

    /// A dotted line through `points`: dots as long as the line is wide, two widths apart, so
    /// that it never reads as the dashes of a flagged value.
    pub fn dotted(&self, points: &[Point], color: RGBColor, width: f64) -> Drawn {
        if points.len() < 2 {
            return Ok(());
        }
        let (points, style) = line_parts(points, color, width);
        let dot = width.round().max(1.0) as i32;
        let gap = (width * 2.0).round().max(2.0) as i32;
        self.area.dashed_path(points, dot, gap, style)
    }

    /// A circle of `radius`, filled or drawn as an outline `width` wide.
    pub fn circle(
        &self,
        center: Point,
        radius: f64,
        color: RGBColor,
        fill: bool,
        width: f64,
    ) -> Drawn {
        let style = ShapeStyle {
            color: color.to_rgba(),
            filled: fill,
            stroke_width: stroke_width(width),
        };
        let radius = radius.round().max(1.0) as i32;
        self.area.circle(pixel(center), radius, style)
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[Point], color: RGBColor) -> Drawn {
        let style = ShapeStyle {
            color: color.to_rgba(),
            filled: true,
            stroke_width: 1,
        };
        let points: Vec<(i32, i32)> = points.iter().copied().map(pixel).collect();
        self.area.polygon(points, style)
    }
}
