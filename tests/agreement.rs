//! The findings and the claims tell one story. A statement the paper's numbers contradict is a
//! warning among the findings and "disagrees" among the claims; a finding never sits beside a
//! claim marked "not checkable"; and every finding about the prose's numbers names the claims
//! it speaks to (`Finding::claims`). Both lists come from one check per statement
//! (`src/checks/outcome.rs`), so these rules hold by construction; the tests keep the
//! construction from being undone (a finding written apart from its claim's check, or a claim
//! whose warning is dropped).
//!
//! The rules are checked on the paper's data and on copies with each number changed, since a
//! rule that holds only for today's numbers would break at the next correction of a cell.

use ict_explorer::checks::{self, Claim, Finding, Severity, Verdict};
use ict_explorer::data::{self, Cell, Dataset, Datum, Lookup};
use std::collections::HashMap;

/// True for the key of a number quoted in the prose (not a table cell).
fn is_prose(key: &str) -> bool {
    key.split('/')
        .next()
        .and_then(Dataset::from_id)
        .is_some_and(|dataset| !dataset.is_table())
}

/// What a reader of the Data quality view would see contradict itself in `data`, one line each.
fn contradictions(data: &[Datum]) -> Vec<String> {
    let findings: Vec<Finding> = checks::run(Lookup::new(data)).findings;
    let claims: Vec<Claim> = checks::run(Lookup::new(data)).claims;
    let by_id: HashMap<&str, &Claim> = claims
        .iter()
        .map(|claim| (claim.id.as_str(), claim))
        .collect();
    let mut problems = Vec::new();
    for finding in &findings {
        if finding.claims.is_empty() && finding.cells.iter().any(|key| is_prose(key)) {
            problems.push(format!(
                "the finding '{}' is about numbers of the prose but names no claim, so nothing keeps the claims check from saying otherwise",
                finding.title
            ));
        }
        for id in &finding.claims {
            let Some(claim) = by_id.get(id.as_str()) else {
                problems.push(format!(
                    "the finding '{}' speaks to the claim {id}, which the claims check does not list",
                    finding.title
                ));
                continue;
            };
            let clash = match (finding.severity, claim.verdict) {
                (Severity::Warning, Verdict::Disagrees) | (Severity::Info, Verdict::Agrees) => {
                    continue
                }
                (_, Verdict::NotCheckable) => "marked not checkable",
                (Severity::Warning, Verdict::Agrees) => "marked as agreeing",
                (Severity::Info, Verdict::Disagrees) => {
                    "marked as contradicted, while the audit calls it only worth knowing"
                }
            };
            problems.push(format!(
                "the audit's {} '{}' stands beside the claim '{}' {clash}",
                finding.severity.id(),
                finding.title,
                claim.statement
            ));
        }
    }
    for claim in claims
        .iter()
        .filter(|claim| claim.verdict == Verdict::Disagrees)
    {
        let warned = findings.iter().any(|finding| {
            finding.severity == Severity::Warning && finding.claims.contains(&claim.id)
        });
        if !warned {
            problems.push(format!(
                "the claims check says '{}' is contradicted, but the audit has no warning about it",
                claim.statement
            ));
        }
    }
    problems
}

#[test]
fn findings_and_claims_agree_on_the_papers_data() {
    let problems = contradictions(data::all());
    assert!(
        problems.is_empty(),
        "Data quality contradicts itself:\n{}",
        problems.join("\n")
    );
}

#[test]
fn findings_and_claims_agree_whatever_one_number_is() {
    // Every number a check reads made half as large again, and every prose number halved:
    // checks then flip one way or the other, and the two lists must flip together.
    let cited: Vec<&String> = checks::paper()
        .findings
        .iter()
        .flat_map(|finding| &finding.cells)
        .chain(checks::paper().claims.iter().flat_map(|claim| &claim.cells))
        .collect();
    let mut problems = Vec::new();
    for (index, datum) in data::all().iter().enumerate() {
        let key = datum.key();
        let Some(value) = datum.value().filter(|_| cited.contains(&&key)) else {
            continue;
        };
        let factors: &[f64] = if is_prose(&key) { &[0.5, 1.5] } else { &[1.5] };
        for factor in factors {
            let mut copy = data::all().to_vec();
            copy[index].cell = Cell::clean(value * factor);
            problems.extend(
                contradictions(&copy)
                    .into_iter()
                    .map(|problem| format!("with {key} at {}: {problem}", value * factor)),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} contradictions, for example:\n{}",
        problems.len(),
        problems
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_disagreements_the_issue_found_are_now_shared() {
    // (claim, what a reader saw before): each must now be contradicted in both lists.
    let cases = [
        (
            "text/total/value_added_to_sales_average/",
            "the 21.5% average disagreed with Table 3 without a finding",
        ),
        (
            "text-computers-majority-of-exports-2004",
            "'the majority' at 46% was only a note beside an unchecked number",
        ),
        (
            "text-exporter-ranking-2005",
            "the out-of-order ranking was a finding beside unchecked export figures",
        ),
    ];
    let findings = &checks::paper().findings;
    for (id, before) in cases {
        let claim = checks::paper()
            .claims
            .iter()
            .find(|claim| claim.id == id)
            .unwrap_or_else(|| panic!("the claims check lacks {id} ({before})"));
        assert_eq!(claim.verdict, Verdict::Disagrees, "{id}: {before}");
        assert!(
            findings
                .iter()
                .any(|finding| finding.severity == Severity::Warning
                    && finding.claims.iter().any(|linked| linked == id)),
            "no warning names {id}: {before}"
        );
    }
}

#[test]
fn a_contradiction_no_warning_was_written_for_is_still_a_finding() {
    // Hongfujin's 'seven times' Huawei has no finding of its own; with Huawei's exports
    // doubled it is contradicted, and the audit must list it with the claim's arithmetic.
    let mut copy = data::all().to_vec();
    let huawei = copy
        .iter_mut()
        .find(|datum| datum.key() == "text/huawei/exports/2005")
        .expect("Huawei's exports are in the data");
    huawei.cell = Cell::clean(4.0);
    let findings = checks::run(Lookup::new(&copy)).findings;
    let finding = findings
        .iter()
        .find(|finding| {
            finding
                .claims
                .iter()
                .any(|id| id == "text/hongfujin/multiple_of_huawei_exports/2005")
        })
        .expect("the contradicted multiple should be a finding");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(
        finding.numbers.contains("14.5 / 4"),
        "the finding should show the claim's arithmetic: {}",
        finding.numbers
    );
}
