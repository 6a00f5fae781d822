//! Every claim the data contradicts is a finding.
//!
//! Most contradictions have a check of their own above, with an explanation written for it. A
//! claim the data contradicts that none of those checks speaks to (a ratio, a ranking or a
//! share checked only in [`crate::claims`]) is listed here with the claim's own arithmetic, so
//! that the audit and the claims check cannot disagree about what the paper gets wrong.

use super::{Finding, Severity};
use crate::claims::{self, Verdict};
use crate::data::Lookup;

/// Adds a warning for each contradicted claim that no finding in `findings` names yet.
pub(super) fn findings(data: Lookup, findings: &mut Vec<Finding>) {
    let contradicted: Vec<claims::Claim> = claims::run(data)
        .into_iter()
        .filter(|claim| claim.verdict == Verdict::Disagrees)
        .filter(|claim| {
            !findings
                .iter()
                .any(|finding| finding.claims.contains(&claim.id))
        })
        .collect();
    for claim in contradicted {
        findings.push(Finding {
            id: format!("claim-{}", slug(&claim.id)),
            severity: Severity::Warning,
            title: format!(
                "The paper contradicts this: {}",
                claim.statement.trim_end_matches('.')
            ),
            dataset: claim.dataset,
            cells: claim.cells.clone(),
            numbers: claim.computation.clone(),
            explanation: "The claims check compares this statement with other numbers or dates in the paper, and they cannot be reconciled, even given rounding: the statement, or one of the numbers or dates it is checked against, is wrong as printed; the arithmetic above says which.".to_string(),
            claims: vec![claim.id],
        });
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
