//! Reasoning about rounded numbers, and reading the numbers a check uses.
//!
//! A printed number stands for every value that rounds to it at the decimals printed: `13` for
//! 12.5 to 13.5, `20.0` for 19.95 to 20.05 (see [`Datum::printed_range`]). A check computes the
//! range its result may take over those values ([`corners`]) and reports a disagreement only
//! when the ranges of two statements do not meet.

use crate::data::{Dataset, Datum, Lookup, Status};
use crate::format::{auto, number};

/// A closed interval, for reasoning about rounded numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Range {
    /// `value` give or take `slack`.
    pub(super) fn around(value: f64, slack: f64) -> Range {
        Range {
            low: value - slack,
            high: value + slack,
        }
    }

    /// The values a printed number may have stood for before rounding, at the decimals the
    /// paper prints it with.
    pub fn of(datum: &Datum) -> Option<Range> {
        let (low, high) = datum.printed_range()?;
        Some(Range { low, high })
    }

    /// The same range in a unit `factor` times larger (millions to billions: 1000).
    pub(super) fn divided_by(self, factor: f64) -> Range {
        Range {
            low: self.low / factor,
            high: self.high / factor,
        }
    }

    /// How far the range reaches either side of its middle.
    pub(super) fn half_width(self) -> f64 {
        (self.high - self.low) / 2.0
    }

    pub(super) fn overlaps(self, other: Range) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// A number as the paper prints it: its value, the values it may stand for, and its decimals.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reading {
    pub(super) value: f64,
    pub(super) range: Range,
    decimals: u8,
}

impl Reading {
    pub(super) fn of(datum: &Datum) -> Option<Reading> {
        Some(Reading {
            value: datum.value()?,
            range: Range::of(datum)?,
            decimals: datum.printed_decimals(),
        })
    }

    /// The number as printed: `6.0`, not `6`.
    pub(super) fn text(&self) -> String {
        number(self.value, usize::from(self.decimals))
    }
}

/// The number at a place as the paper prints it, if the data has one there.
pub(super) fn reading_at(
    data: Lookup,
    dataset: Dataset,
    series: &str,
    measure: &str,
    year: Option<u16>,
) -> Option<Reading> {
    Reading::of(data.get(dataset, series, measure, year)?)
}

/// The range of `f` over every combination of its inputs' ends. Exact for functions that are
/// monotone in each input when the others are held fixed, as sums, differences, products,
/// ratios of positive numbers and weighted averages are: their extremes lie at the corners.
pub(super) fn corners(inputs: &[Range], f: impl Fn(&[f64]) -> f64) -> Range {
    debug_assert!(inputs.len() <= 16, "too many inputs to try every corner");
    let mut point = vec![0.0; inputs.len()];
    let mut range = Range {
        low: f64::INFINITY,
        high: f64::NEG_INFINITY,
    };
    for corner in 0u32..(1 << inputs.len()) {
        for (i, input) in inputs.iter().enumerate() {
            point[i] = if corner & (1 << i) == 0 {
                input.low
            } else {
                input.high
            };
        }
        let value = f(&point);
        range.low = range.low.min(value);
        range.high = range.high.max(value);
    }
    range
}

/// "low–high", for the range rounding allows.
pub(super) fn between(range: Range, decimals: usize) -> String {
    // A dash between negative numbers would read as a minus sign.
    let dash = if range.low < 0.0 || range.high < 0.0 {
        " to "
    } else {
        "–"
    };
    format!(
        "{}{dash}{}",
        auto(range.low, decimals),
        auto(range.high, decimals)
    )
}

/// The value at a place, if the data has one there, for numbers a check only mentions.
pub(super) fn value_at(
    data: Lookup,
    dataset: Dataset,
    series: &str,
    measure: &str,
    year: Option<u16>,
) -> Option<f64> {
    data.get(dataset, series, measure, year)
        .and_then(|datum| datum.value())
}

/// The numbers one check reads: a result inherits the weakest status among them, and cites
/// the cells it read, each once and in the order read.
pub(super) struct Inputs<'a> {
    data: Lookup<'a>,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
}

impl<'a> Inputs<'a> {
    pub(super) fn new(data: Lookup<'a>) -> Inputs<'a> {
        Inputs {
            data,
            status: Status::Clean,
            cells: Vec::new(),
        }
    }

    /// The number at a place, if the data has one; its status and key join the inputs'.
    pub(super) fn read(
        &mut self,
        dataset: Dataset,
        series: &str,
        measure: &str,
        year: Option<u16>,
    ) -> Option<Reading> {
        let datum = self.data.get(dataset, series, measure, year)?;
        let reading = Reading::of(datum)?;
        self.status = self.status.weakest(datum.cell.status);
        self.cite(datum.key());
        Some(reading)
    }

    /// A value shown beside the result for context: cited, but not weakening the result.
    pub(super) fn context(
        &mut self,
        dataset: Dataset,
        series: &str,
        measure: &str,
        year: Option<u16>,
    ) -> Option<f64> {
        let value = value_at(self.data, dataset, series, measure, year)?;
        self.cite(Lookup::key(dataset, series, measure, year));
        Some(value)
    }

    /// Cites a cell the result rests on without reading it.
    pub(super) fn cite(&mut self, key: String) {
        if !self.cells.contains(&key) {
            self.cells.push(key);
        }
    }

    /// Adds the status and the cells of a part of the result computed elsewhere.
    pub(super) fn include(&mut self, status: Status, cells: &[String]) {
        self.status = self.status.weakest(status);
        for key in cells {
            self.cite(key.clone());
        }
    }
}
