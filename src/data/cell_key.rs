//! Cell keys: how a "Show in…" button, a story's question and a finding name one number of the
//! paper. This is the one reader and the one writer of them, so that every caller accepts and
//! refuses the same keys.
//!
//! The grammar, written here and nowhere else:
//!
//! ```text
//! key     = dataset "/" series "/" measure [ "/" [ year ] ]
//! dataset = a dataset's id: table1 … table5, fig1 … fig4, text
//! series  = id
//! measure = id
//! id      = one or more of a–z, 0–9 and "_"
//! year    = four digits
//! ```
//!
//! A number of no one year leaves the year empty (`text/wfoe/share_imports/`) or drops it with
//! its slash (`text/wfoe/share_imports`); a key is always written the first way, with four
//! parts. Whether the paper holds a cell at a well-formed key is a separate question, answered
//! by [`Lookup::by_key`](super::Lookup::by_key).

use super::Dataset;
use std::fmt;

/// The place a cell key names: dataset, series, measure and year, borrowed from the key's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellKey<'a> {
    pub dataset: Dataset,
    pub series: &'a str,
    pub measure: &'a str,
    /// `None` for a number of no one year.
    pub year: Option<u16>,
}

impl<'a> CellKey<'a> {
    /// Reads a key by the grammar above; the message says which part is wrong, without
    /// repeating the key (the caller quotes it, cleaned, since it comes from a link).
    pub fn parse(key: &'a str) -> Result<CellKey<'a>, String> {
        if key.is_empty() {
            return Err("it is empty".to_string());
        }
        let parts: Vec<&str> = key.split('/').collect();
        let [dataset, series, measure, rest @ ..] = parts.as_slice() else {
            return Err(wrong_parts(parts.len()));
        };
        let year = match rest {
            [] | [""] => None,
            [year] => Some(read_year(year)?),
            _ => return Err(wrong_parts(parts.len())),
        };
        let dataset = Dataset::from_id(dataset).ok_or_else(|| {
            format!(
                "it starts with no dataset of the paper (one of {})",
                Dataset::ALL.map(Dataset::id).join(", ")
            )
        })?;
        Ok(CellKey {
            dataset,
            series: read_id(series, "series")?,
            measure: read_id(measure, "measure")?,
            year,
        })
    }
}

impl fmt::Display for CellKey<'_> {
    /// The key in its written form, always with four parts (the year empty when there is none).
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}/{}/{}/",
            self.dataset.id(),
            self.series,
            self.measure
        )?;
        match self.year {
            Some(year) => write!(formatter, "{year}"),
            None => Ok(()),
        }
    }
}

fn wrong_parts(count: usize) -> String {
    format!(
        "it has {count} part{} separated by '/', where a cell key has dataset/series/measure/year \
         (the year may be empty)",
        if count == 1 { "" } else { "s" }
    )
}

fn read_id<'a>(id: &'a str, what: &str) -> Result<&'a str, String> {
    if id.is_empty() {
        return Err(format!("its {what} is empty"));
    }
    if !id
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
    {
        return Err(format!(
            "its {what} holds characters other than a–z, 0–9 and '_'"
        ));
    }
    Ok(id)
}

fn read_year(year: &str) -> Result<u16, String> {
    if year.len() != 4 || !year.chars().all(|ch| ch.is_ascii_digit()) {
        return Err("its year is not four digits".to_string());
    }
    year.parse()
        .map_err(|_| "its year is not four digits".to_string())
}
