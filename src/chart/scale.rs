//! The value axis: its range, its ticks and how a value maps onto it.

use crate::format;

/// A value axis with "nice" ticks, linear or logarithmic.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValueAxis {
    /// The value at the bottom of the plot.
    pub low: f64,
    /// The value at the top of the plot.
    pub high: f64,
    /// Values are placed by their logarithm.
    pub log: bool,
    /// The values that get a grid line and a label, from low to high.
    pub ticks: Vec<f64>,
    /// Decimals shown in the labels of a linear axis.
    decimals: usize,
    /// Labels end in `%`.
    percent: bool,
}

impl ValueAxis {
    /// A linear axis covering `min..=max` in about `intervals` steps of 1, 2, 2.5 or 5 times a
    /// power of ten (2.5 only from 25 upwards, so that counts never get fractional ticks).
    pub fn linear(min: f64, max: f64, intervals: usize, percent: bool) -> ValueAxis {
        let (min, max) = widen_if_flat(min, max);
        let step = nice_step((max - min) / intervals.max(1) as f64);
        let low = (min / step + 1e-9).floor() * step;
        // Printed shares that add up to 100.1% must not add a whole step of empty axis: a
        // value within a hundredth of a step above a tick keeps that tick as the top.
        let high = (max / step - 0.01).ceil().max((low / step).round() + 1.0) * step;
        let count = ((high - low) / step).round() as usize;
        let ticks = (0..=count)
            .map(|k| clean_zero(low + k as f64 * step))
            .collect();
        ValueAxis {
            low,
            high,
            log: false,
            ticks,
            decimals: decimals_of(step),
            percent,
        }
    }

    /// A logarithmic axis from the 1, 2 or 5 times a power of ten at or below `min` to the one at
    /// or above `max`, both positive. Ticks fall on powers of ten, with 2× and 5× added when the
    /// axis spans few of them, and with powers left out when there would be more than
    /// `max_ticks`.
    pub fn log(min: f64, max: f64, max_ticks: usize, percent: bool) -> ValueAxis {
        // Below 1e-300 powers of ten underflow to zero, and the axis would have no bottom; such a
        // value is drawn below the axis instead.
        let low = nice_at_or_below(min.max(1e-300));
        let mut high = nice_at_or_above(max);
        if high <= low {
            high = nice_at_or_above(low * 1.5);
        }
        let powers: Vec<i32> = (low.log10().floor() as i32..=high.log10().ceil() as i32).collect();
        let within = |value: &f64| *value >= low * (1.0 - 1e-9) && *value <= high * (1.0 + 1e-9);
        let mut ticks: Vec<f64> = if (high / low).log10() <= 2.0 {
            let multiples = powers
                .iter()
                .flat_map(|exp| [1.0, 2.0, 5.0].map(|multiple| multiple * 10f64.powi(*exp)));
            multiples.filter(within).collect()
        } else {
            powers
                .iter()
                .map(|exp| 10f64.powi(*exp))
                .filter(within)
                .collect()
        };
        if ticks.len() > max_ticks.max(2) {
            let every = ticks.len().div_ceil(max_ticks.max(2));
            ticks = ticks.into_iter().step_by(every).collect();
        }
        ValueAxis {
            low,
            high,
            log: true,
            ticks,
            decimals: 0,
            percent,
        }
    }

    /// Where `value` lies between the bottom (0) and the top (1) of the axis; `None` for a value
    /// that cannot be placed (not finite, or not positive on a logarithmic axis).
    pub fn fraction(&self, value: f64) -> Option<f64> {
        if !value.is_finite() || (self.log && value <= 0.0) {
            return None;
        }
        if self.log {
            Some((value / self.low).log10() / (self.high / self.low).log10())
        } else {
            Some((value - self.low) / (self.high - self.low))
        }
    }

    /// The value bars grow from: zero when the axis has it, otherwise its nearer end.
    pub fn baseline(&self) -> f64 {
        if self.log {
            self.low
        } else {
            0.0_f64.clamp(self.low, self.high)
        }
    }

    /// The label of a tick, with thousands separators.
    pub fn label(&self, value: f64) -> String {
        let mut text = if self.log {
            format::auto(value, 4)
        } else {
            format::number(value, self.decimals)
        };
        if self.percent {
            text.push('%');
        }
        text
    }
}

/// Stretches an empty range so that it has a height (a chart of one value, or of zeros).
fn widen_if_flat(min: f64, max: f64) -> (f64, f64) {
    if max > min {
        (min, max)
    } else if min == 0.0 {
        (0.0, 1.0)
    } else {
        let margin = min.abs() * 0.1;
        (min - margin, max + margin)
    }
}

/// The smallest of 1, 2, 2.5 (from 25 up) or 5 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let multiples: &[f64] = if magnitude >= 10.0 {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 5.0, 10.0]
    };
    multiples
        .iter()
        .map(|multiple| multiple * magnitude)
        .find(|step| *step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The largest 1, 2 or 5 times a power of ten that is at most `value` (positive).
fn nice_at_or_below(value: f64) -> f64 {
    let power = 10f64.powf(value.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|multiple| multiple * power)
        .find(|nice| *nice <= value * (1.0 + 1e-9))
        .unwrap_or(power)
}

/// The smallest 1, 2 or 5 times a power of ten that is at least `value` (positive).
fn nice_at_or_above(value: f64) -> f64 {
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|multiple| multiple * power)
        .find(|nice| *nice >= value * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// How many decimals a step needs to be printed exactly (0.25 → 2, 5 → 0).
fn decimals_of(step: f64) -> usize {
    (0..=6)
        .find(|&decimals| {
            let scaled = step * 10f64.powi(decimals as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// Turns a tick that is zero up to rounding error into an exact zero.
fn clean_zero(value: f64) -> f64 {
    if value.abs() < 1e-9 {
        0.0
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round_and_cover_the_data() {
        let axis = ValueAxis::linear(0.0, 21305.0, 4, false);
        assert_eq!(axis.ticks, vec![0.0, 10000.0, 20000.0, 30000.0]);
        assert_eq!(axis.label(20000.0), "20,000");
        let axis = ValueAxis::linear(-1.6, 12.4, 4, true);
        assert_eq!(axis.ticks.first(), Some(&-5.0));
        assert_eq!(axis.label(-5.0), "−5%");
        let axis = ValueAxis::linear(0.0, 1.0, 4, false);
        assert_eq!(axis.label(0.5), "0.5");
    }

    #[test]
    fn shares_that_round_past_100_percent_keep_100_as_the_top() {
        // Table 1's printed shares add up to 100.1% in one year; a stack must not end at 150%.
        let axis = ValueAxis::linear(0.0, 100.1, 2, true);
        assert_eq!(axis.ticks.last(), Some(&100.0), "{:?}", axis.ticks);
        let axis = ValueAxis::linear(0.0, 104.0, 2, true);
        assert!(
            axis.ticks.last().is_some_and(|top| *top >= 104.0),
            "a real excess must still be covered: {:?}",
            axis.ticks
        );
    }

    #[test]
    fn flat_data_still_gets_a_range() {
        let axis = ValueAxis::linear(0.0, 0.0, 4, false);
        assert!(axis.high > axis.low);
        let axis = ValueAxis::linear(7.0, 7.0, 4, false);
        assert!(axis.low < 7.0 && axis.high > 7.0);
    }

    #[test]
    fn log_ticks_fall_on_powers_of_ten() {
        let axis = ValueAxis::log(3.0, 4500.0, 8, false);
        assert_eq!((axis.low, axis.high), (2.0, 5000.0));
        assert_eq!(axis.ticks, vec![10.0, 100.0, 1000.0]);
        let axis = ValueAxis::log(1.0, 10000.0, 8, false);
        assert!((axis.fraction(100.0).unwrap_or(0.0) - 0.5).abs() < 1e-12);
        assert_eq!(axis.fraction(0.0), None);
        let axis = ValueAxis::log(12.0, 80.0, 8, false);
        assert_eq!(axis.ticks, vec![10.0, 20.0, 50.0, 100.0]);
    }
}
