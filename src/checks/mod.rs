//! The paper checked against itself: every checkable statement as a [`Claim`] with a verdict,
//! and the problems a reader should know of as [`Finding`]s.
//!
//! One check decides each statement ([`outcome::Check`]): it computes once and yields the
//! verdict, the arithmetic, the cells it read and their weakest status, and, for a
//! contradiction, the warning Data quality shows. The claim and its findings are two views of
//! that one result, so they cannot disagree: a statement has a warning exactly when its claim
//! says "disagrees". The findings that no statement makes (shares that do not add up within a
//! table, Table 5's oddities) come from [`tables`].
//!
//! Each check reads the data through a [`Lookup`], so the tests can run it on altered copies and
//! see it fail. Printed numbers are treated as rounded: a value printed as `13` may be anything
//! from 12.5 to 13.5, and a check only reports a disagreement that rounding cannot explain
//! ([`rounding`]).
//!
//! The checks, by what they compare, each file holding its checks' claims and warnings:
//! - [`tables`]: the tables among themselves (shares that must add up, firms that outnumber the
//!   total, Table 1's two share blocks and its asset unit, Table 5's oddities);
//! - [`prose_vs_tables`]: prose numbers that cite Tables 1 and 3;
//! - [`fdi`]: the prose's FDI figures against Table 2;
//! - [`trade`]: Figure 2's trade shares and balances against each other;
//! - [`prose_vs_prose`]: other prose numbers against each other (firm sizes, the exporters'
//!   ranking, "the majority", output against exports);
//! - [`numbers`]: the other checks of particular prose numbers (ranks, "about", "before 1997");
//! - [`prose`]: every number quoted in the prose as a claim, with the check that decides it
//!   (or a table printing the same place, or the reason none can);
//! - [`table_readings`]: readings of the tables that quote no single number;
//! - [`statements`]: the prose's words, rankings, dated events, plans and moves of production.

// The page never runs the checks: `cargo xtask dist` builds their lists into it natively (see
// `html::prebuilt_parts`), so the WebAssembly compiles only the types its Data quality filters
// and downloads name, and a call to the checks from the page's code fails to build.
#[cfg(not(target_arch = "wasm32"))]
mod fdi;
#[cfg(not(target_arch = "wasm32"))]
mod numbers;
#[cfg(not(target_arch = "wasm32"))]
mod outcome;
#[cfg(not(target_arch = "wasm32"))]
mod prose;
#[cfg(not(target_arch = "wasm32"))]
mod prose_vs_prose;
#[cfg(not(target_arch = "wasm32"))]
mod prose_vs_tables;
#[cfg(not(target_arch = "wasm32"))]
mod rounding;
#[cfg(not(target_arch = "wasm32"))]
mod statements;
#[cfg(not(target_arch = "wasm32"))]
mod table_readings;
#[cfg(not(target_arch = "wasm32"))]
mod tables;
#[cfg(not(target_arch = "wasm32"))]
mod trade;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{paper, run, unprinted_fdi_ceiling, FdiCeiling, Range, Report};

use crate::data::{Dataset, Status};
use serde::Serialize;

/// How much a finding matters to a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing when reading the numbers (a gap in coverage, a break in a series).
    Info,
    /// Two numbers that cannot both be right, or a number that cannot be right as labelled.
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }
}

/// What the data says about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The data gives the same number, within rounding.
    Agrees,
    /// The data gives a different number, beyond rounding.
    Disagrees,
    /// Nothing printed in the paper bears on the claim.
    NotCheckable,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Agrees, Verdict::Disagrees, Verdict::NotCheckable];

    pub fn id(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Disagrees => "disagrees",
            Verdict::NotCheckable => "not_checkable",
        }
    }
}

/// One problem a reader of the numbers should know of.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// A stable id, unique among findings.
    pub id: String,
    pub severity: Severity,
    /// One line saying what is wrong.
    pub title: String,
    /// The dataset whose view shows the cells involved.
    pub dataset: Dataset,
    /// Keys (`dataset/series/measure/year`) of the cells involved.
    pub cells: Vec<String>,
    /// The arithmetic, with the numbers.
    pub numbers: String,
    /// What it means, in words a student can follow.
    pub explanation: String,
    /// Ids of the claims whose check gave this finding (each of them "disagrees"); empty for
    /// findings among table cells, which no statement makes.
    pub claims: Vec<String>,
}

/// One statement of the paper and what the data says of it.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    /// Unique id: the key of the prose number, or a name for hand-added claims.
    pub id: String,
    /// The dataset the claim belongs to, whose view shows it.
    pub dataset: Dataset,
    /// The claim in our own words.
    pub statement: String,
    /// Where the paper makes it.
    pub source: &'static str,
    pub verdict: Verdict,
    /// The computation behind the verdict, or why there is none.
    pub computation: String,
    /// Keys of the cells the check used (or, for a claim no number can check, the cells that
    /// show its subject), so that "Show in…" opens a view of them.
    pub cells: Vec<String>,
    /// The weakest status among the cells used; a verdict resting on a guessed cell is
    /// only as good as the guess.
    pub status: Status,
}

/// The year of the latest export figure the prose gives (Figure 1).
#[cfg(not(target_arch = "wasm32"))]
const EXPORTS_YEAR: u16 = 2004;

/// The year of the prose's figure for China's domestic ICT market.
#[cfg(not(target_arch = "wasm32"))]
const MARKET_YEAR: u16 = 2005;

/// The exchange rate Table 2 states for its dollar figures.
#[cfg(not(target_arch = "wasm32"))]
const YUAN_PER_DOLLAR: f64 = 8.2;

/// What only the native build runs: the checks themselves.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    pub use super::fdi::{unprinted_fdi_ceiling, FdiCeiling};
    pub use super::rounding::Range;

    use super::outcome::Checked;
    use super::{prose, statements, table_readings, tables, Claim, Finding};
    use crate::data::Lookup;
    use std::sync::OnceLock;

    /// Everything the checks say about one copy of the data.
    #[derive(Clone, Debug)]
    pub struct Report {
        pub findings: Vec<Finding>,
        pub claims: Vec<Claim>,
    }

    /// The checks of the paper's own data, computed once.
    pub fn paper() -> &'static Report {
        static REPORT: OnceLock<Report> = OnceLock::new();
        REPORT.get_or_init(|| run(Lookup::paper()))
    }

    /// Runs every check on `data`.
    pub fn run(data: Lookup) -> Report {
        let mut checked: Vec<Checked> = prose::claims(data);
        checked.extend(table_readings::claims(data));
        checked.extend(statements::claims(data));
        let mut findings = tables::findings(data);
        for finding in checked
            .iter()
            .filter(|checked| checked.is_explained())
            .flat_map(Checked::findings)
        {
            // Two statements may share one warning (two shares of one whole that cannot both be
            // right): it is listed once, naming both.
            match findings.iter_mut().find(|listed| listed.id == finding.id) {
                Some(listed) => listed.claims.extend(finding.claims),
                None => findings.push(finding),
            }
        }
        findings.extend(tables::table5_oddities(data));
        // In the order of the paper's tables and figures; the contradictions no check wrote words
        // for come last, each with its claim's arithmetic.
        findings.sort_by_key(|finding| finding.dataset);
        findings.extend(
            checked
                .iter()
                .filter(|checked| !checked.is_explained())
                .flat_map(Checked::findings),
        );
        Report {
            findings,
            claims: checked.into_iter().map(|checked| checked.claim).collect(),
        }
    }
}
