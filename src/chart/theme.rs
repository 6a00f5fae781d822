//! The colours of everything in a chart that is not a series: background, text, grid and axes.

use crate::plot::palette;
use plotters::style::RGBColor;

/// The colours for light or dark mode.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Theme {
    /// The background of the whole chart.
    pub background: RGBColor,
    /// Titles and legend labels.
    pub text: RGBColor,
    /// Tick labels, axis titles, the source line and notes such as "n/a".
    pub muted: RGBColor,
    /// The horizontal grid lines: light, so that they guide the eye without competing with data.
    pub grid: RGBColor,
    /// The baseline and the zero line.
    pub axis: RGBColor,
    /// The series colours, each readable against `background`.
    palette: &'static [(u8, u8, u8); 8],
    /// How much of its colour a dimmed series keeps: more on a dark background, where a
    /// faded colour sinks into the dark much sooner than it does into white.
    dimmed_share: f64,
}

impl Theme {
    /// The theme for light (`dark == false`) or dark mode.
    pub fn new(dark: bool) -> Theme {
        if dark {
            Theme {
                background: RGBColor(24, 26, 31),
                text: RGBColor(232, 232, 232),
                muted: RGBColor(172, 174, 180),
                grid: RGBColor(52, 56, 64),
                axis: RGBColor(128, 132, 140),
                palette: palette(true),
                dimmed_share: 0.5,
            }
        } else {
            Theme {
                background: RGBColor(255, 255, 255),
                text: RGBColor(34, 34, 34),
                muted: RGBColor(96, 96, 96),
                grid: RGBColor(226, 226, 226),
                axis: RGBColor(136, 136, 136),
                palette: palette(false),
                dimmed_share: 0.3,
            }
        }
    }

    /// The palette colour of a series.
    pub fn series(&self, index: usize) -> RGBColor {
        let (r, g, b) = self.palette[index % self.palette.len()];
        RGBColor(r, g, b)
    }

    /// A series colour faded towards the background, for values that are not clean.
    pub fn pale(&self, color: RGBColor) -> RGBColor {
        mix(color, self.background, 0.35)
    }

    /// A series colour faded further, for series drawn behind the emphasised ones: still
    /// there to compare with, but no longer competing.
    pub fn dimmed(&self, color: RGBColor) -> RGBColor {
        mix(color, self.background, self.dimmed_share)
    }

    /// The fill of a shaded span: a faint tint of the text colour, so that it reads in light
    /// and dark mode and never looks like a series.
    pub fn band(&self) -> RGBColor {
        mix(self.text, self.background, 0.08)
    }
}

/// `share` of `color` and the rest of `base`.
fn mix(color: RGBColor, base: RGBColor, share: f64) -> RGBColor {
    let channel =
        |a: u8, b: u8| (f64::from(a) * share + f64::from(b) * (1.0 - share)).round() as u8;
    RGBColor(
        channel(color.0, base.0),
        channel(color.1, base.1),
        channel(color.2, base.2),
    )
}
