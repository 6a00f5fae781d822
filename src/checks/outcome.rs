//! The one result of a check ([`Check`]), and the two views of it: the statement's [`Claim`]
//! and, when the data contradicts the statement, its [`Finding`]s ([`Checked::findings`]); and
//! how a check says which prose numbers it decides ([`StatementCheck`]).

use super::rounding::Range;
use super::{Claim, Finding, Severity, Verdict};
use crate::data::{Dataset, Datum, Lookup, Status};

/// What one check decides about one statement.
pub(super) struct Check {
    pub(super) verdict: Verdict,
    /// The arithmetic behind the verdict, or why there is none.
    pub(super) computation: String,
    /// Keys of the cells the check read.
    pub(super) cells: Vec<String>,
    /// The weakest status among those cells.
    pub(super) status: Status,
    /// What Data quality says when the verdict is "disagrees", written for this contradiction;
    /// without one, the claim's own arithmetic is listed with a general explanation.
    pub(super) warnings: Vec<Warning>,
}

/// A contradiction as Data quality tells it: a title and an explanation written for it.
pub(super) struct Warning {
    /// The finding's id, stable because links name it (`#finding-…`).
    pub(super) id: String,
    pub(super) title: String,
    /// The dataset whose view shows the cells involved.
    pub(super) dataset: Dataset,
    pub(super) explanation: String,
    /// The cells the finding shows, where they are fewer than the check read (the one pair of
    /// a ranking listed out of order).
    pub(super) cells: Option<Vec<String>>,
    /// The arithmetic the finding shows, where the claim's computation says more (its
    /// explanation, which the finding gives apart).
    pub(super) numbers: Option<String>,
}

impl Warning {
    pub(super) fn new(
        id: impl Into<String>,
        dataset: Dataset,
        title: impl Into<String>,
        explanation: impl Into<String>,
    ) -> Warning {
        Warning {
            id: id.into(),
            title: title.into(),
            dataset,
            explanation: explanation.into(),
            cells: None,
            numbers: None,
        }
    }

    /// The warning showing these cells rather than all the check read.
    pub(super) fn cells(mut self, cells: Vec<String>) -> Warning {
        self.cells = Some(cells);
        self
    }

    /// The warning showing this arithmetic rather than the claim's whole computation.
    pub(super) fn numbers(mut self, numbers: String) -> Warning {
        self.numbers = Some(numbers);
        self
    }
}

impl Check {
    pub(super) fn not_checkable(reason: impl Into<String>) -> Check {
        Check {
            verdict: Verdict::NotCheckable,
            computation: reason.into(),
            cells: Vec::new(),
            status: Status::Clean,
            warnings: Vec::new(),
        }
    }

    /// A check that decides: agrees or disagrees.
    pub(super) fn deciding(
        agrees: bool,
        computation: String,
        cells: Vec<String>,
        status: Status,
    ) -> Check {
        Check::with(
            if agrees {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            },
            computation,
            cells,
            status,
        )
    }

    pub(super) fn with(
        verdict: Verdict,
        computation: String,
        cells: Vec<String>,
        status: Status,
    ) -> Check {
        Check {
            verdict,
            computation,
            cells,
            status,
            warnings: Vec::new(),
        }
    }

    /// Agrees when the two ranges overlap.
    pub(super) fn compare(
        stated: Range,
        found: Range,
        computation: String,
        cells: Vec<String>,
        status: Status,
    ) -> Check {
        Check::deciding(stated.overlaps(found), computation, cells, status)
    }

    /// The same check, telling a contradiction in these words.
    pub(super) fn warning(mut self, warning: Warning) -> Check {
        self.warnings.push(warning);
        self
    }

    /// The claim this check decides, with its warnings kept for its findings.
    pub(super) fn claim(
        self,
        id: &str,
        dataset: Dataset,
        statement: String,
        source: &'static str,
    ) -> Checked {
        Checked {
            claim: Claim {
                id: id.to_string(),
                dataset,
                statement,
                source,
                verdict: self.verdict,
                computation: self.computation,
                cells: self.cells,
                status: self.status,
            },
            warnings: self.warnings,
        }
    }
}

/// A claim and the warnings its check wrote for a contradiction.
pub(super) struct Checked {
    pub(super) claim: Claim,
    warnings: Vec<Warning>,
}

/// Why a contradiction that no warning was written for matters.
const CONTRADICTED: &str = "This statement is compared with other numbers or dates in the paper, and they cannot be reconciled, even given rounding: the statement, or one of the numbers or dates it is checked against, is wrong as printed; the arithmetic above says which.";

impl Checked {
    /// Whether its check wrote the words for a contradiction, rather than leaving the claim's
    /// arithmetic to speak for itself.
    pub(super) fn is_explained(&self) -> bool {
        !self.warnings.is_empty()
    }

    /// The claim's findings: none unless the data contradicts it; then a warning for each
    /// part of the contradiction its check describes, or one with the claim's own arithmetic.
    pub(super) fn findings(&self) -> Vec<Finding> {
        let claim = &self.claim;
        if claim.verdict != Verdict::Disagrees {
            return Vec::new();
        }
        if self.warnings.is_empty() {
            return vec![Finding {
                id: format!("claim-{}", slug(&claim.id)),
                severity: Severity::Warning,
                title: format!(
                    "The paper contradicts this: {}",
                    claim.statement.trim_end_matches('.')
                ),
                dataset: claim.dataset,
                cells: claim.cells.clone(),
                numbers: claim.computation.clone(),
                explanation: CONTRADICTED.to_string(),
                claims: vec![claim.id.clone()],
            }];
        }
        self.warnings
            .iter()
            .map(|warning| Finding {
                id: warning.id.clone(),
                severity: Severity::Warning,
                title: warning.title.clone(),
                dataset: warning.dataset,
                cells: warning.cells.clone().unwrap_or_else(|| claim.cells.clone()),
                numbers: warning
                    .numbers
                    .clone()
                    .unwrap_or_else(|| claim.computation.clone()),
                explanation: warning.explanation.clone(),
                claims: vec![claim.id.clone()],
            })
            .collect()
    }
}

/// A claim id as a finding id, which also serves as an HTML anchor: `text/ibm/revenue/2006`
/// becomes `text-ibm-revenue-2006`.
fn slug(id: &str) -> String {
    id.split('/')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A check written for particular prose numbers: the place they are about, and the check.
pub(super) struct StatementCheck {
    pub(super) dataset: Dataset,
    /// The series it applies to (one, or several sharing one check).
    pub(super) series: &'static [&'static str],
    pub(super) measure: &'static str,
    pub(super) years: Years,
    /// Decides the statement from the data, given the statement and its value; `None` when a
    /// cell it needs is missing or illegible.
    pub(super) check: fn(Lookup, &Datum, f64) -> Option<Check>,
}

/// The years of the prose numbers a check applies to.
pub(super) enum Years {
    /// Numbers the prose gives no year for.
    Undated,
    /// The number of this year.
    In(u16),
    /// Any dated number (the check reads its year).
    Dated,
}

impl StatementCheck {
    pub(super) fn applies_to(&self, datum: &Datum) -> bool {
        let year = match self.years {
            Years::Undated => datum.year.is_none(),
            Years::In(year) => datum.year == Some(year),
            Years::Dated => datum.year.is_some(),
        };
        year && self.dataset == datum.dataset
            && self.measure == datum.measure
            && self.series.contains(&datum.series)
    }
}

/// The figure a dataset of the prose belongs to, by name.
pub(super) fn figure_name(dataset: Dataset) -> &'static str {
    match dataset {
        Dataset::Fig1 => "Figure 1",
        Dataset::Fig2 => "Figure 2",
        Dataset::Fig3 => "Figure 3",
        _ => "Figure 4",
    }
}
