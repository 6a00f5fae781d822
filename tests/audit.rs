//! The audit finds the disagreements we found reading the paper, and its checks can fail.

use ict_explorer::audit::{self, Severity};
use ict_explorer::data::{self, Cell, Lookup};
use std::collections::HashSet;

/// Disagreements found by reading the paper by hand: (finding id, what a reader should learn).
const KNOWN: [(&str, &str); 13] = [
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
    (
        "fig2-domestic-deficit-vs-net-exports",
        "31 − 29.6 bn leaves domestic firms a surplus, yet the paper says they ran a deficit",
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
        // Foreign firms' net exports as the shares imply them leave domestic firms a deficit.
        (
            "fig2/foreign_funded/net_exports/2004",
            32.6,
            "fig2-domestic-deficit-vs-net-exports",
            false,
        ),
        // So do smaller net exports for China as a whole.
        (
            "fig1/china/net_exports/2004",
            28.0,
            "fig2-domestic-deficit-vs-net-exports",
            false,
        ),
        // The assets yardstick is the domestic market plus exports, not the output figure.
        (
            "text/china/ict_market_sales/2005",
            2500.0,
            "table1-total-assets-unit",
            false,
        ),
        (
            "text/china/ict_output/2005",
            2010.0,
            "table1-total-assets-unit",
            true,
        ),
        // The FDI bound uses values printed up to 2002 only: a larger 2003 changes nothing.
        (
            "table2/fdi/actual_utilized/2003",
            10000.0,
            "text-fdi-vs-government-investment",
            true,
        ),
        (
            "table2/fdi/actual_utilized/2001",
            5000.0,
            "text-fdi-vs-government-investment",
            false,
        ),
        (
            "fig1/china/exports/2004",
            14.0,
            "text-output-smaller-than-exports",
            false,
        ),
        (
            "text/total/profit_to_sales/2003",
            4.3,
            "text-industry-profit-2003-vs-table3",
            false,
        ),
        (
            "fig3/jsc_llc_private/share_of_domestic_sales/2004",
            29.0,
            "text-jsc-llc-private-2004-vs-table3",
            false,
        ),
        (
            "fig2/foreign_funded/net_exports_share_of_exports/2004",
            17.9,
            "fig2-foreign-net-exports-inconsistent",
            false,
        ),
        (
            "text/ibm/size_multiple_of_lenovo/2006",
            7.0,
            "text-lenovo-vs-ibm",
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

fn finding(data: &[data::Datum], id: &str) -> audit::Finding {
    audit::run(Lookup::new(data))
        .into_iter()
        .find(|finding| finding.id == id)
        .unwrap_or_else(|| panic!("the audit should report {id}"))
}

#[test]
fn a_sum_resting_on_a_guessed_cell_says_so() {
    // With the guessed 2.9 the paper's 2001 market shares add up (100.2%).
    assert!(
        !ids(data::all())
            .iter()
            .any(|id| id.starts_with("table3-domestic_market_share") && id.ends_with("-2001")),
        "2001's market shares add up with the 2.9 reading; a finding here would be a false alarm"
    );
    // Read as 9.0 (one of the alternatives) they add up to more than 100%, and the finding must
    // tell the reader that this rests on a guess.
    let key = "table3/joint_stock_cooperative/domestic_market_share/2001";
    let guessed = finding(
        &altered(key, Cell::uncertain(9.0, "test")),
        "table3-domestic_market_share-over-100-2001",
    );
    assert!(
        guessed.title.contains("best guess"),
        "the title hides that the sum rests on a guess: {}",
        guessed.title
    );
    assert!(
        guessed
            .explanation
            .contains("joint-stock cooperative share (9%)")
            && guessed.explanation.contains("depends on"),
        "the explanation does not name the guessed cell: {}",
        guessed.explanation
    );
    assert!(
        guessed.numbers.contains("9?"),
        "the arithmetic does not mark the guessed value: {}",
        guessed.numbers
    );
    // The same value printed legibly is no guess, and the finding must not call it one.
    let legible = finding(
        &altered(key, Cell::clean(9.0)),
        "table3-domestic_market_share-over-100-2001",
    );
    assert!(
        !legible.title.contains("guess") && !legible.explanation.contains("guess"),
        "a legible cell is described as a guess: {}",
        legible.explanation
    );
}

#[test]
fn the_domestic_deficit_check_uses_the_papers_numbers() {
    let paper = finding(data::all(), "fig2-domestic-deficit-vs-net-exports");
    // 31 − 29.6 = 1.4 left for domestic firms; 14% × 180 − 18% × (180 − 31) = −1.6 from the
    // shares; 31 + 1.6 = 32.6 for foreign firms.
    for number in ["1.4", "1.6", "32.6", "149"] {
        assert!(
            paper.numbers.contains(number),
            "the arithmetic should show {number}: {}",
            paper.numbers
        );
    }
    assert!(
        paper.explanation.contains("surplus of 1.4")
            && paper.explanation.contains("deficit of 1.6"),
        "a reader should see the surplus the net exports leave and the deficit the shares give: {}",
        paper.explanation
    );
    // On other numbers the text follows them.
    let other = finding(
        &altered("fig2/foreign_funded/net_exports/2004", Cell::clean(25.0)),
        "fig2-domestic-deficit-vs-net-exports",
    );
    assert!(
        other.explanation.contains("surplus of 6"),
        "the explanation repeats the paper's numbers instead of the data's: {}",
        other.explanation
    );
}

#[test]
fn explanations_follow_the_data() {
    // (cell, new value, finding, text its explanation must then contain)
    let cases = [
        (
            "text/lenovo/revenue/2006",
            12.0,
            "text-lenovo-vs-ibm",
            "about 7.6 times",
        ),
        (
            "text/computers/share_of_ict_exports/2004",
            40.0,
            "text-computers-majority",
            "At 40%",
        ),
        (
            "table1/total/total_assets/2005",
            30000.0,
            "table1-total-assets-unit",
            "12.3 times",
        ),
        (
            "fig2/domestic_funded/share_of_exports/2004",
            15.0,
            "fig2-export-shares-over-100",
            "92% and 15%",
        ),
        (
            "fig2/foreign_funded/net_exports_share_of_exports/2004",
            20.0,
            "fig2-foreign-net-exports-inconsistent",
            "20% of what foreign firms export",
        ),
        (
            "table2/fdi/actual_utilized/2001",
            1200.0,
            "text-fdi-wto-vs-table2",
            "0.24 bn US$ less",
        ),
        (
            "text/china/ict_output/2005",
            30.0,
            "text-output-smaller-than-exports",
            "6 times its 2005 output",
        ),
    ];
    for (key, value, id, text) in cases {
        let found = finding(&altered(key, Cell::clean(value)), id);
        assert!(
            found.explanation.contains(text),
            "with {key} at {value}, {id} should say '{text}': {}",
            found.explanation
        );
    }
}

#[test]
fn the_wto_finding_cites_the_papers_own_dates() {
    let found = finding(data::all(), "text-fdi-wto-vs-table2");
    assert!(
        found.explanation.contains("accession in 2001") && found.explanation.contains("2000"),
        "the finding should rest on the paper's two dates for WTO entry: {}",
        found.explanation
    );
    assert!(
        !found.explanation.contains("December"),
        "the finding should not rely on outside knowledge: {}",
        found.explanation
    );
}

#[test]
fn fdi_bounds_say_what_they_assume() {
    for id in [
        "text-fdi-vs-government-investment",
        "text-fdi-accumulated-vs-table2",
    ] {
        let found = finding(data::all(), id);
        assert!(
            found
                .numbers
                .contains("had been as large as the largest value it prints up to"),
            "{id} does not say what its bound assumes: {}",
            found.numbers
        );
    }
    // Government investment covers 1990–2002: the ceiling is 2001's 1,343, not 2003's 4,000.
    let government = finding(data::all(), "text-fdi-vs-government-investment");
    assert!(
        government
            .numbers
            .contains("up to 2002 (1,343 m US$, in 2001)"),
        "the ceiling must come from years up to 2002: {}",
        government.numbers
    );
}

#[test]
fn the_industry_averages_say_they_are_approximate() {
    let found = finding(data::all(), "text-industry-profit-2003-vs-table3");
    assert!(
        found.explanation.contains("approximation")
            && found.explanation.contains("probably lower"),
        "the reader should learn that domestic-market weights under-count foreign firms, and which way that leans: {}",
        found.explanation
    );
}
