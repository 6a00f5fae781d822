//! Questions a story step may ask, whose answers the core computes from the paper's cells,
//! never typed by hand: a value, a change between two cells, a growth rate, or one value as a
//! share of another. The answer shows its working and the status of each input.

use crate::data::{CellKey, Lookup, Status, Unit};
use crate::format::{auto, number};
use crate::indicators::{self, Derived};
use crate::notice::{cleaned, quoted};

/// The longest question a link may carry, in characters.
const QUESTION_LENGTH: usize = 200;

/// What a question asks of its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// The first cell's value.
    Value,
    /// From the first cell to the second: percentage points for shares, percent otherwise.
    Change,
    /// The compound annual growth rate from the first cell to the second.
    Growth,
    /// The first cell as a percentage of the second.
    PercentOf,
}

impl Ask {
    pub const ALL: [Ask; 4] = [Ask::Value, Ask::Change, Ask::Growth, Ask::PercentOf];

    pub fn id(self) -> &'static str {
        match self {
            Ask::Value => "value",
            Ask::Change => "change",
            Ask::Growth => "growth",
            Ask::PercentOf => "percent_of",
        }
    }

    fn cells(self) -> usize {
        match self {
            Ask::Value => 1,
            _ => 2,
        }
    }
}

/// A question and the cells (their [`CellKey`]s) its answer comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub text: String,
    pub ask: Ask,
    pub cells: Vec<String>,
}

/// One input of an answer, as the answer shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub label: String,
    pub value: Option<f64>,
    pub unit: Unit,
    pub status: Status,
    /// The decimals its table prints, so that 57.0 is not shown as 57.
    pub decimals: Option<u8>,
}

impl Input {
    /// The value as its table prints it, with its unit; "missing" when there is none.
    pub fn shown(&self) -> String {
        match (self.value, self.decimals) {
            (None, _) => "missing".to_string(),
            (Some(value), Some(decimals)) => number(value, decimals.into()) + self.unit.suffix(),
            (Some(value), None) => auto(value, 2) + self.unit.suffix(),
        }
    }
}

/// A computed answer: the number, its working, and its inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub result: Derived,
    /// The answer in words, e.g. "+12.3 pp".
    pub shown: String,
    /// How it was computed, e.g. "62.0% − 49.7% = +12.3 pp".
    pub working: String,
    pub inputs: Vec<Input>,
}

impl Question {
    /// A question read from a link (`ask=change:KEY,KEY` and `q=the question`), with a message
    /// when it names something the paper does not hold.
    pub fn from_link(ask: &str, text: &str) -> Result<Question, String> {
        let (kind, keys) = ask.split_once(':').unwrap_or((ask, ""));
        let ask = Ask::ALL
            .into_iter()
            .find(|candidate| candidate.id() == kind)
            .ok_or_else(|| {
                format!(
                    "a question asks for '{}', which is none of {}",
                    quoted(kind),
                    Ask::ALL.map(Ask::id).join(", ")
                )
            })?;
        let cells: Vec<String> = keys.split(',').map(str::to_string).collect();
        let question = Question {
            text: cleaned(text, QUESTION_LENGTH),
            ask,
            cells,
        };
        question.check(Lookup::paper())?;
        Ok(question)
    }

    /// The question's `ask` value in a link.
    pub fn ask_link(&self) -> String {
        format!("{}:{}", self.ask.id(), self.cells.join(","))
    }

    /// Says what is wrong when the question names cells the data does not hold.
    pub fn check(&self, data: Lookup) -> Result<(), String> {
        if self.text.is_empty() {
            return Err("a question has no text".into());
        }
        if self.cells.len() != self.ask.cells() {
            return Err(format!(
                "a '{}' question needs {} cell(s), not {}",
                self.ask.id(),
                self.ask.cells(),
                self.cells.len()
            ));
        }
        for key in &self.cells {
            if let Err(problem) = data.by_key(key) {
                return Err(format!(
                    "a question names '{}', which is no cell: {problem}",
                    quoted(key)
                ));
            }
        }
        if self.ask == Ask::Growth {
            match self.years().as_slice() {
                [Some(from), Some(to)] if from < to => {}
                _ => {
                    return Err(
                        "a growth question needs two cells with years, the earlier first".into(),
                    )
                }
            }
        }
        let units: Vec<Unit> = self
            .cells
            .iter()
            .filter_map(|key| data.by_key(key).ok())
            .map(|datum| datum.unit)
            .collect();
        if units.windows(2).any(|pair| pair[0] != pair[1]) {
            return Err("a question compares cells in different units".into());
        }
        Ok(())
    }

    fn years(&self) -> Vec<Option<u16>> {
        self.cells
            .iter()
            .map(|key| CellKey::parse(key).ok().and_then(|place| place.year))
            .collect()
    }

    /// The answer, computed from `data` (the paper's, or an altered copy in tests).
    pub fn answer(&self, data: Lookup) -> Answer {
        let found: Vec<_> = self.cells.iter().map(|key| data.by_key(key).ok()).collect();
        let inputs: Vec<Input> = found
            .iter()
            .zip(&self.cells)
            .map(|(datum, key)| match datum {
                Some(datum) => Input {
                    label: input_label(datum),
                    value: datum.cell.value,
                    unit: datum.unit,
                    status: datum.cell.status,
                    decimals: datum.dataset.printed_decimals(),
                },
                None => Input {
                    label: key.clone(),
                    value: None,
                    unit: Unit::Count,
                    status: Status::Missing,
                    decimals: None,
                },
            })
            .collect();
        let cells: Vec<_> = found
            .iter()
            .map(|datum| {
                datum.map_or(crate::data::Cell::missing("Not in the paper."), |datum| {
                    datum.cell
                })
            })
            .collect();
        let unit = inputs.first().map_or(Unit::Count, |input| input.unit);
        let years = self.years();
        let result = match (self.ask, cells.as_slice()) {
            (Ask::Value, [cell]) => indicators::as_printed(cell, unit),
            // A change of a gap in percentage points is itself a difference, in points.
            (Ask::Change, [from, to]) if unit == Unit::PercentagePoints => {
                indicators::change(from, to, Unit::Percent)
            }
            (Ask::Change, [from, to]) => indicators::change(from, to, unit),
            (Ask::Growth, [from, to]) => match (years[0], years[1]) {
                (Some(from_year), Some(to_year)) => indicators::cagr(from, from_year, to, to_year),
                _ => Derived::missing(Unit::Percent),
            },
            (Ask::PercentOf, [part, whole]) => indicators::relative_intensity(part, whole),
            _ => Derived::missing(unit),
        };
        let shown = match result.value {
            Some(value) => {
                signed(value, matches!(self.ask, Ask::Change | Ask::Growth)) + result.unit.suffix()
            }
            None => "cannot be computed: an input is missing".to_string(),
        };
        let value = Input::shown;
        let working = match (self.ask, inputs.as_slice()) {
            (Ask::Value, [only]) => format!("{}: {}", only.label, value(only)),
            (Ask::Change, [from, to]) if unit.is_share() || unit == Unit::PercentagePoints => {
                format!("{} − {} = {shown}", value(to), value(from))
            }
            (Ask::Change, [from, to]) => {
                format!(
                    "({} − {}) ÷ {} × 100 = {shown}",
                    value(to),
                    value(from),
                    value(from)
                )
            }
            (Ask::Growth, [from, to]) => format!(
                "(({} ÷ {})^(1 ÷ {} years) − 1) × 100 = {shown} a year",
                value(to),
                value(from),
                match (years[0], years[1]) {
                    (Some(from), Some(to)) if to > from => (to - from).to_string(),
                    _ => "?".to_string(),
                }
            ),
            (Ask::PercentOf, [part, whole]) => {
                format!("{} ÷ {} × 100 = {shown}", value(part), value(whole))
            }
            _ => shown.clone(),
        };
        Answer {
            result,
            shown,
            working,
            inputs,
        }
    }
}

/// How an answer names one of its inputs: what, who, when, and the table or figure.
fn input_label(datum: &crate::data::Datum) -> String {
    let what = if datum.label.is_empty() {
        format!(
            "{}, {}",
            crate::data::series_label(datum.series),
            crate::data::measure_label(datum.measure)
        )
    } else {
        datum.label.to_string()
    };
    match datum.year {
        Some(year) => format!("{what}, {year}"),
        None => what,
    }
}

/// A number with its sign when it is a difference.
fn signed(value: f64, with_sign: bool) -> String {
    let text = auto(value, 1);
    if with_sign && value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}
