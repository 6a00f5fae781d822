//! A student's answer to a question, checked against the computed value within the precision
//! the question states, and the record of each try that a course page may keep (as an
//! xAPI-shaped statement it can forward to its learning platform).
//!
//! Answers are read leniently: a sign (`+`, `-`, `−`), thousands commas, spaces and a unit that
//! fits the question's (`pp`, `percentage points` or 百分点 for points, `%` or `percent` for percent,
//! the unit the answer is shown in for the others) are all accepted. A unit that contradicts
//! the question's (`%` for a question in percentage points, or the other way round) is refused
//! with a message rather than taken as a try, since telling the two apart is what such a
//! question teaches.

use super::question::Answer;
use crate::data::Unit;
use crate::format::{number, read_grouped};
use serde::Serialize;

/// The longest answer read, in characters: anything longer is no number.
const ANSWER_LENGTH: usize = 40;

/// What a question expects: the computed value, the decimals it is asked to, and its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expected {
    pub value: f64,
    pub decimals: usize,
    pub unit: Unit,
}

/// A readable try: the answer as typed (cleaned), the number read from it, and whether it is
/// within half a unit of the stated precision of the expected value.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub given: String,
    pub value: f64,
    pub right: bool,
}

impl Answer {
    /// What a student's answer is checked against, when the answer could be computed: the
    /// decimals its inputs are printed with for a value, one decimal for a computed number.
    pub fn expected(&self) -> Option<Expected> {
        let value = self.result.value.filter(|value| value.is_finite())?;
        let decimals = match self.inputs.as_slice() {
            [only] if only.unit == self.result.unit => only.decimals.map_or(1, usize::from),
            _ => 1,
        };
        Some(Expected {
            value,
            decimals,
            unit: self.result.unit,
        })
    }
}

impl Expected {
    /// The precision as the question states it, e.g. "to one decimal, in percentage points".
    pub fn stated(&self) -> String {
        let decimals = match self.decimals {
            0 => "to the nearest whole number".to_string(),
            1 => "to one decimal".to_string(),
            2 => "to two decimals".to_string(),
            more => format!("to {more} decimals"),
        };
        let unit = match self.unit {
            Unit::Percent => "in percent",
            Unit::PercentagePoints => "in percentage points",
            Unit::Firms => "in firms",
            Unit::BillionYuan => "in billions of yuan",
            Unit::MillionYuanPerFirm => "in millions of yuan per firm",
            Unit::MillionUsd => "in millions of US$",
            Unit::BillionUsd => "in billions of US$",
            Unit::MillionUnits => "in millions of units",
            Unit::Times => "as a multiple",
            Unit::Count | Unit::Rank | Unit::Index => "",
        };
        if unit.is_empty() {
            decimals
        } else {
            format!("{decimals}, {unit}")
        }
    }

    /// An example of a well-written answer, in the question's precision and unit.
    fn example(&self) -> String {
        number(12.345, self.decimals) + self.unit.suffix()
    }

    /// The units an answer may end with besides the question's own suffix (lower case, single
    /// spaces).
    fn synonyms(&self) -> &'static [&'static str] {
        match self.unit {
            Unit::PercentagePoints => &[
                "pp",
                "p.p.",
                "pts",
                "points",
                "percentage points",
                "percentage point",
                "百分点",
                "个百分点",
            ],
            Unit::Percent => &["%", "percent", "per cent", "pc", "％"],
            Unit::MillionUsd => &[
                "m",
                "million",
                "million us$",
                "us$ m",
                "us$ million",
                "m usd",
            ],
            Unit::BillionUsd => &["bn", "billion", "billion us$", "us$ bn", "bn usd"],
            Unit::BillionYuan => &["bn", "billion", "billion yuan"],
            Unit::MillionUnits => &["m", "million", "million units"],
            Unit::Firms => &["firm"],
            Unit::Times => &["x", "times"],
            _ => &[],
        }
    }

    /// Reads a student's answer: `Ok` with whether it is right, or why it cannot be read, in
    /// words a student can act on.
    pub fn check(&self, typed: &str) -> Result<Reading, String> {
        let typed = typed.trim();
        let example = self.example();
        if typed.is_empty() {
            return Err(format!(
                "Write your answer first, as a number such as {example}."
            ));
        }
        // The student's own text is not repeated: they see it in the field.
        let unreadable = || format!("That is not a number: write one such as {example}.");
        if typed.chars().count() > ANSWER_LENGTH {
            return Err(unreadable());
        }
        let text: String = typed
            .chars()
            .map(|ch| match ch {
                '−' | '–' | '—' => '-',
                ch => ch.to_ascii_lowercase(),
            })
            .collect();
        let (negative, rest) = match text.trim_start().chars().next() {
            Some(sign @ ('+' | '-')) => (sign == '-', text.trim_start()[1..].trim_start()),
            _ => (false, text.trim_start()),
        };
        let digits_end = rest
            .find(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ','))
            .unwrap_or(rest.len());
        let (digits, unit) = rest.split_at(digits_end);
        let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
        let value = read_grouped(digits).ok_or_else(unreadable)?;
        let suffix = self.unit.suffix().trim().to_ascii_lowercase();
        if !(unit.is_empty() || unit == suffix || self.synonyms().contains(&unit.as_str())) {
            return Err(match (self.unit, unit.as_str()) {
                (Unit::PercentagePoints, "%" | "percent" | "per cent") => format!(
                    "This question asks for percentage points, the difference between two percentages, not a percentage: write {example}."
                ),
                (Unit::Percent, "pp" | "points" | "percentage points") => format!(
                    "This question asks for a percentage, not percentage points: write {example}."
                ),
                _ => format!("That unit is not this question's: write a number such as {example}."),
            });
        }
        let value = if negative { -value } else { value };
        let tolerance = 0.5 * 10f64.powi(-(self.decimals as i32)) + 1e-9;
        Ok(Reading {
            given: typed.split_whitespace().collect::<Vec<_>>().join(" "),
            value,
            right: (value - self.value).abs() <= tolerance,
        })
    }
}

/// One try at a question, as `ICTExplorer.on('answer')` listeners and an embed's parent
/// window receive it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    /// The question's stable id: the story's id and the step, e.g. `ning/step-3`.
    pub question: String,
    /// The answer as typed, cleaned.
    pub answer: String,
    /// The number read from it.
    pub value: f64,
    /// The computed answer it was checked against.
    pub expected: f64,
    /// The unit both are in (the exports' ids: `percent`, `percentage_points` …).
    pub unit: &'static str,
    pub right: bool,
    /// Readable tries at this question so far, this one included.
    pub tries: u32,
    pub statement: Statement,
}

/// An xAPI statement of one try, without the `actor`, which only the course page knows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub verb: Verb,
    pub object: Activity,
    pub result: Outcome,
    /// When the student checked the answer, as the page's clock gives it (ISO 8601).
    pub timestamp: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verb {
    pub id: &'static str,
    pub display: English,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct English {
    #[serde(rename = "en-US")]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Activity {
    /// `urn:ict-explorer:` and the question's id.
    pub id: String,
    pub definition: Definition,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "interactionType")]
    pub interaction_type: &'static str,
    pub name: English,
    /// The range counted right, in xAPI's numeric form `min[:]max`.
    #[serde(rename = "correctResponsesPattern")]
    pub correct: [String; 1],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub success: bool,
    pub response: String,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extensions {
    /// The readable tries at the question so far, under an IRI of the explorer's own.
    #[serde(rename = "https://ict-explorer.github.io/xapi/tries")]
    pub tries: u32,
}

impl Record {
    /// The record of a readable try at question `id` (worded `text`), the `tries`-th, checked
    /// at `timestamp`.
    pub fn new(
        id: String,
        text: &str,
        expected: &Expected,
        reading: &Reading,
        tries: u32,
        timestamp: &str,
    ) -> Record {
        let half = 0.5 * 10f64.powi(-(expected.decimals as i32));
        let bound = crate::format::plain;
        Record {
            statement: Statement {
                verb: Verb {
                    id: "http://adlnet.gov/expapi/verbs/answered",
                    display: English {
                        text: "answered".into(),
                    },
                },
                object: Activity {
                    id: format!("urn:ict-explorer:{id}"),
                    definition: Definition {
                        kind: "http://adlnet.gov/expapi/activities/cmi.interaction",
                        interaction_type: "numeric",
                        name: English { text: text.into() },
                        correct: [format!(
                            "{}[:]{}",
                            bound(expected.value - half),
                            bound(expected.value + half)
                        )],
                    },
                },
                result: Outcome {
                    success: reading.right,
                    // A numeric interaction's response is the number itself, as platforms read it.
                    response: bound(reading.value),
                    extensions: Extensions { tries },
                },
                timestamp: timestamp.chars().take(40).collect(),
            },
            question: id,
            answer: reading.given.clone(),
            value: reading.value,
            expected: expected.value,
            unit: expected.unit.id(),
            right: reading.right,
            tries,
        }
    }
}
