//! The audit finds the disagreements we found reading the paper, and its checks can fail.

use ict_explorer::audit::{self, Severity};
use ict_explorer::data::{self, Cell, Lookup};
use std::collections::HashSet;

/// Disagreements found by reading the paper by hand: (finding id, what a reader should learn).
const KNOWN: [(&str, &str); 12] = [
    (
        "table1-firms-exceed-total-1997",
        "1997's firms by type add up to more than the total",
    ),
    (
        "table1-total-assets-unit",
        "total assets cannot be in billion yuan",
    ),
    (
        "text-sce-average-vs-table1",
        "the 73% average does not follow from 79% and 70%",
    ),
    (
        "text-fdi-wto-vs-table2",
        "US$1.44 bn at WTO entry is not in Table 2",
    ),
    (
        "text-fdi-vs-government-investment",
        "FDI over twice 180 bn yuan exceeds what Table 2 allows",
    ),
    (
        "text-industry-profit-2003-vs-table3",
        "6.0% industry profit is not Table 3's weighted average",
    ),
    (
        "text-jsc-llc-private-2004-vs-table3",
        "34% needs collectives counted too",
    ),
    (
        "fig2-export-shares-over-100",
        "92% foreign plus 14% domestic exports",
    ),
    (
        "fig2-foreign-net-exports-inconsistent",
        "29.6 bn being 16.7% implies almost all exports",
    ),
    ("text-lenovo-vs-ibm", "91/13 is 7, not 9"),
    ("text-lenovo-vs-dell", "55/13 is about 4, not 5"),
    (
        "text-output-smaller-than-exports",
        "output of 20.1 bn is below exports of 180 bn",
    ),
];

#[test]
fn the_audit_finds_the_known_disagreements() {
    let findings = audit::paper();
    for (id, meaning) in KNOWN {
        let finding = findings
            .iter()
            .find(|finding| finding.id == id)
            .unwrap_or_else(|| panic!("the audit misses {id}: {meaning}"));
        assert_eq!(
            finding.severity,
            Severity::Warning,
            "{id} should be a warning: {meaning}"
        );
    }
}

#[test]
fn findings_are_complete_and_cite_real_cells() {
    let keys: HashSet<String> = data::all().iter().map(|datum| datum.key()).collect();
    let mut ids = HashSet::new();
    for finding in audit::paper() {
        assert!(
            ids.insert(finding.id.clone()),
            "two findings share the id {}",
            finding.id
        );
        assert!(
            !finding.title.is_empty()
                && finding.explanation.len() > 40
                && !finding.numbers.is_empty(),
            "{} lacks a title, numbers or explanation",
            finding.id
        );
        assert!(!finding.cells.is_empty(), "{} cites no cells", finding.id);
        for cell in &finding.cells {
            assert!(
                keys.contains(cell),
                "{} cites {cell}, which is not in the data: its link would lead nowhere",
                finding.id
            );
        }
    }
}

/// A copy of the paper's data with one cell replaced.
fn altered(key: &str, cell: Cell) -> Vec<data::Datum> {
    let mut copy = data::all().to_vec();
    let datum = copy
        .iter_mut()
        .find(|datum| datum.key() == key)
        .unwrap_or_else(|| panic!("{key} is not in the data"));
    datum.cell = cell;
    copy
}

fn ids(data: &[data::Datum]) -> HashSet<String> {
    audit::run(Lookup::new(data))
        .into_iter()
        .map(|finding| finding.id)
        .collect()
}

#[test]
fn each_check_reacts_to_the_data() {
    // (cell to change, new value, finding that must appear or vanish, should it be present)
    let cases = [
        (
            "table1/state_owned/share_domestic_assets/1997",
            60.0,
            "table1-share-blocks-state_owned-1997",
            true,
        ),
        (
            "table1/total/firms/1997",
            3200.0,
            "table1-firms-exceed-total-1997",
            false,
        ),
        (
            "table1/total/firms/2005",
            15000.0,
            "table1-firms-exceed-total-2005",
            true,
        ),
        (
            "table3/joint_stock_cooperative/domestic_market_share/2001",
            9.0,
            "table3-domestic_market_share-over-100-2001",
            true,
        ),
        (
            "table4/others/share/2002",
            9.5,
            "table4-share-over-100-2002",
            true,
        ),
        (
            "table1/state_controlled/share_domestic_assets/2005",
            67.0,
            "text-sce-average-vs-table1",
            false,
        ),
        (
            "table2/fdi/actual_utilized/2001",
            1440.0,
            "text-fdi-wto-vs-table2",
            false,
        ),
        (
            "table1/total/total_assets/2005",
            2130.5,
            "table1-total-assets-unit",
            false,
        ),
        (
            "text/lenovo/revenue/2006",
            10.1,
            "text-lenovo-vs-ibm",
            false,
        ),
        (
            "fig2/domestic_funded/share_of_exports/2004",
            8.0,
            "fig2-export-shares-over-100",
            false,
        ),
        (
            "table5/korea/electronic_telecom/2003",
            23.5,
            "table5-repeated-electronic_telecom-uk-korea",
            false,
        ),
    ];
    for (key, value, finding, present) in cases {
        let found = ids(&altered(key, Cell::clean(value))).contains(finding);
        assert_eq!(
            found,
            present,
            "setting {key} to {value} should {} {finding}",
            if present { "raise" } else { "clear" }
        );
    }
}

#[test]
fn missing_cells_are_skipped_not_read_as_zero() {
    // With a share missing, the 2001 market shares cannot be summed at all.
    let data = altered(
        "table3/foreign_funded/domestic_market_share/2001",
        Cell::missing("test"),
    );
    let findings = ids(&data);
    assert!(!findings.contains("table3-domestic_market_share-over-100-2001"));
    assert!(
        !findings
            .iter()
            .any(|id| id.contains("under-100-2001") && id.starts_with("table3")),
        "a missing share was summed as zero"
    );
}
