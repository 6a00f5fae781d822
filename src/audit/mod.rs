//! Cross-checks between the tables, and between the tables and the prose.
//!
//! Each check reads the data through a [`Lookup`], so the tests can run it on altered copies and
//! see it fail. Printed numbers are treated as rounded: a value printed as `13` may be anything
//! from 12.5 to 13.5, and a check only reports a disagreement that rounding cannot explain
//! ([`rounding`]).
//!
//! The checks, by what they compare:
//! - [`tables`]: the tables among themselves (shares that must add up, firms that outnumber the
//!   total, Table 1's two share blocks and its asset unit, Table 5's oddities);
//! - [`prose_vs_tables`]: prose numbers that cite Tables 1 and 3;
//! - [`fdi`]: the prose's FDI figures against Table 2;
//! - [`trade`]: Figure 2's trade shares and balances against each other;
//! - [`prose_vs_prose`]: other prose numbers against each other (firm sizes, the exporters'
//!   ranking, "the majority", output against exports, the dates of WTO entry);
//! - [`contradicted`]: every other claim the data contradicts (see [`crate::claims`]).
//!
//! Checks that a claim shares return their computation, so that a finding here and the claim's
//! verdict rest on the same arithmetic and the same tolerance; each finding names the claims it
//! speaks to ([`Finding::claims`]), and `tests/agreement.rs` holds the two lists to one verdict.

mod contradicted;
mod fdi;
mod prose_vs_prose;
mod prose_vs_tables;
mod rounding;
mod tables;
mod trade;

pub(crate) use fdi::{fdi_accumulated, fdi_vs_government, wto_fdi, Reach, RECORD_YEAR};
pub use fdi::{unprinted_fdi_ceiling, FdiCeiling};
pub(crate) use prose_vs_prose::{
    computers_majority, exporter_ranking, multiple, output_against_exports, size_ratio,
    COMPUTERS_MAJORITY_CLAIM, EXPORTER_RANKING_CLAIM, LISTED_EXPORTERS, RANKING_YEAR,
};
pub(crate) use prose_vs_tables::{
    industry_profit, jsc_llc_private, sce_average, value_added_average, weighted,
};
pub use rounding::Range;
pub(crate) use rounding::{between, corners, reading_at, Reading};
pub(crate) use tables::{assets_unit, ASSETS_UNIT_CLAIM};
pub(crate) use trade::{
    domestic_balance, export_shares, foreign_net_share, DOMESTIC_DEFICIT_CLAIM,
};

use crate::data::{Dataset, Lookup};
use serde::Serialize;
use std::sync::OnceLock;

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

/// One problem the audit found.
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
    /// Ids of the claims (see [`crate::claims`]) that state what this finding questions, whose
    /// verdicts must agree with it; empty for findings among table cells, which no claim states.
    pub claims: Vec<String>,
}

/// The audit of the paper's own data, computed once.
pub fn paper() -> &'static [Finding] {
    static FINDINGS: OnceLock<Vec<Finding>> = OnceLock::new();
    FINDINGS.get_or_init(|| run(Lookup::paper()))
}

/// Runs every check on `data`.
pub fn run(data: Lookup) -> Vec<Finding> {
    let mut findings = Vec::new();
    tables::findings(data, &mut findings);
    prose_vs_tables::ownership_findings(data, &mut findings);
    fdi::findings(data, &mut findings);
    prose_vs_tables::market_findings(data, &mut findings);
    trade::findings(data, &mut findings);
    prose_vs_prose::findings(data, &mut findings);
    tables::table5_oddities(data, &mut findings);
    // Last, so that it knows every claim the checks above already speak to.
    contradicted::findings(data, &mut findings);
    findings
}

/// The year of the latest export figure the prose gives (Figure 1).
const EXPORTS_YEAR: u16 = 2004;

/// The year of the prose's figure for China's domestic ICT market.
const MARKET_YEAR: u16 = 2005;

/// The exchange rate Table 2 states for its dollar figures.
pub(crate) const YUAN_PER_DOLLAR: f64 = 8.2;
