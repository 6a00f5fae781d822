//! The colours of everything in a chart that is not a series: background, text, grid and axes.

use crate::plot::PALETTE;
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
            }
        } else {
            Theme {
                background: RGBColor(255, 255, 255),
                text: RGBColor(34, 34, 34),
                muted: RGBColor(96, 96, 96),
                grid: RGBColor(226, 226, 226),
                axis: RGBColor(136, 136, 136),
            }
        }
    }

    /// The palette colour of a series.
    pub fn series(index: usize) -> RGBColor {
        let (r, g, b) = PALETTE[index % PALETTE.len()];
        RGBColor(r, g, b)
    }

    /// A series colour faded towards the background, for values that are not clean.
    pub fn pale(&self, color: RGBColor) -> RGBColor {
        mix(color, self.background, 0.35)
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
