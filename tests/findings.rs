//! The findings: the checks find the disagreements we found reading the paper, and they can fail.

use ict_explorer::checks::{self, Range, Severity, Verdict};
use ict_explorer::data::{self, Cell, Dataset, Lookup};
use ict_explorer::format::number;
use std::collections::HashSet;

/// Disagreements found by reading the paper by hand: (finding id, what a reader should learn).
const KNOWN: [(&str, &str); 15] = [
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
        "text-wto-entry-dates",
        "the paper dates WTO entry to both 2000 and 2001",
    ),
    (
        "text-industry-profit-2003-vs-table3",
        "6.0% industry profit is not Table 3's weighted average",
    ),
    (
        "text-value-added-average-vs-table3",
        "21.5% value added is not Table 3's weighted average",
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
    ("text-computers-majority", "46% is called 'the majority'"),
    (
        "text-exporter-order-asustek-motorola",
        "ASUSTeK's 6.2 bn is ranked above Motorola's 6.4 bn",
    ),
];

#[test]
fn the_audit_finds_the_known_disagreements() {
    let findings = &checks::paper().findings;
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
    for finding in &checks::paper().findings {
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
    checks::run(Lookup::new(data))
        .findings
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
        // Every FDI check bounds a year Table 2 leaves out by its largest value: with 2004's
        // record at 2,000, the largest is 2003's 4,000, and 9 such years cannot make 43,902.
        (
            "table2/fdi/actual_utilized/2004",
            2000.0,
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

fn finding(data: &[data::Datum], id: &str) -> checks::Finding {
    checks::run(Lookup::new(data))
        .findings
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
    // The same value printed legibly is no guess, and the finding must not call it one. (The
    // first column's share is a reading, since its header is lost, and may be named.)
    let legible = finding(
        &altered(key, Cell::clean(9.0)),
        "table3-domestic_market_share-over-100-2001",
    );
    assert!(
        !legible
            .explanation
            .contains("joint-stock cooperative share"),
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
            "text-wto-entry-dates",
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
    let found = finding(data::all(), "text-wto-entry-dates");
    assert!(
        found.title.contains("2000") && found.title.contains("2001"),
        "the finding should name the paper's two dates for WTO entry: {}",
        found.title
    );
    // Only the wrong date is contradicted: 2001, section 2's date, is when China joined.
    assert_eq!(
        found.claims,
        ["text-wto-entry-2000"],
        "the finding '{}' should warn about section 3's 2000 only, not the right date 2001",
        found.title
    );
    assert!(
        found.title.contains("it was 2001") && found.explanation.contains("as section 2 says"),
        "the finding should say which date is right and where the paper gives it: {} / {}",
        found.title,
        found.explanation
    );
    // Only when Table 2 printed both dates could it rule the FDI figure out on either.
    let mut copy = data::all().to_vec();
    let mut year_2000 = copy
        .iter()
        .find(|datum| datum.key() == "table2/fdi/actual_utilized/2001")
        .expect("Table 2 prints 2001")
        .clone();
    year_2000.year = Some(2000);
    year_2000.cell = Cell::clean(1000.0);
    copy.push(year_2000);
    let ruled_out = finding(&copy, "text-fdi-wto-vs-table2");
    assert!(
        ruled_out
            .explanation
            .contains("for 2000 Table 2 prints 1 bn US$"),
        "with 2000 printed, the finding should say what Table 2 gives for it: {}",
        ruled_out.explanation
    );
}

/// The FDI claims whose arithmetic bounds the years Table 2 leaves out.
const BOUNDED: [&str; 3] = [
    "text/fdi/multiple_of_government_investment_1990_2002/",
    "text/fdi/accumulated/2005",
    "text/fdi/actual_utilized/2000",
];

#[test]
fn every_fdi_check_uses_the_one_bound_for_unprinted_years() {
    // (change to Table 2, the bound every check must then use: m US$ and year)
    type Case = (Option<(&'static str, f64)>, f64, u16);
    let cases: [Case; 3] = [
        (None, 8637.0, 2004),
        (
            Some(("table2/fdi/actual_utilized/2003", 10000.0)),
            10000.0,
            2003,
        ),
        (
            Some(("table2/fdi/actual_utilized/2004", 2000.0)),
            4000.0,
            2003,
        ),
    ];
    for (change, value, year) in cases {
        let data = match change {
            Some((key, value)) => altered(key, Cell::clean(value)),
            None => data::all().to_vec(),
        };
        let lookup = Lookup::new(&data);
        let ceiling = checks::unprinted_fdi_ceiling(lookup).expect("Table 2 prints values");
        assert_eq!(
            (ceiling.value, ceiling.year),
            (value, year),
            "with {change:?}, the bound for unprinted years should be Table 2's largest value"
        );
        let bound = format!("{} m US$ in {year}", number(value, 0));
        let claims = checks::run(lookup).claims;
        for id in BOUNDED {
            let claim = claims
                .iter()
                .find(|claim| claim.id == id)
                .unwrap_or_else(|| panic!("no claim {id}"));
            assert!(
                claim.computation.contains(&bound),
                "with {change:?}, the claim {id} should bound unprinted years by {bound}: {}",
                claim.computation
            );
        }
        for finding in checks::run(lookup)
            .findings
            .iter()
            .filter(|finding| finding.numbers.contains("leaves out"))
        {
            assert!(
                finding.numbers.contains(&number(value, 0)),
                "with {change:?}, '{}' should bound unprinted years by {bound}: {}",
                finding.title,
                finding.numbers
            );
        }
    }
}

#[test]
fn a_smaller_fdi_total_is_never_ruled_out_while_a_larger_one_stands() {
    // The officials' estimate needs 43.9 bn US$ over 1990–2002, the accumulated stock 100 bn
    // over 1990–2005: ruling out the first while leaving the second open would say that less
    // is impossible and more is possible.
    for factor in [0.1, 0.3, 0.5, 0.8, 1.0, 1.2, 2.0] {
        let mut copy = data::all().to_vec();
        for datum in copy
            .iter_mut()
            .filter(|datum| datum.dataset == Dataset::Table2)
        {
            datum.cell = Cell::clean(datum.value().unwrap_or_default() * factor);
        }
        let claims = checks::run(Lookup::new(&copy)).claims;
        let verdict = |id: &str| {
            claims
                .iter()
                .find(|claim| claim.id == id)
                .map(|claim| claim.verdict)
                .unwrap_or_else(|| panic!("no claim {id}"))
        };
        let smaller = verdict("text/fdi/multiple_of_government_investment_1990_2002/");
        let larger = verdict("text/fdi/accumulated/2005");
        assert!(
            !(smaller == Verdict::Disagrees && larger != Verdict::Disagrees),
            "with Table 2 × {factor}, 43.9 bn over 1990–2002 is ruled out but 100 bn over 1990–2005 is not"
        );
    }
}

#[test]
fn rounding_ranges_follow_the_printed_decimals() {
    for datum in data::all() {
        let Some(value) = datum.value() else {
            assert!(Range::of(datum).is_none(), "{} has no value", datum.key());
            continue;
        };
        let decimals = datum
            .decimals
            .or(datum.dataset.printed_decimals())
            .unwrap_or_else(|| {
                // As many decimals as the value shows.
                (0..=3)
                    .find(|&d| {
                        let scale = 10f64.powi(d);
                        ((value * scale).round() - value * scale).abs() < 1e-6
                    })
                    .unwrap_or(3) as u8
            });
        let half = 0.5 / 10f64.powi(i32::from(decimals));
        let range = Range::of(datum).expect("a value has a range");
        assert!(
            (range.low - (value - half)).abs() < 1e-9 && (range.high - (value + half)).abs() < 1e-9,
            "{} is printed with {decimals} decimals, so it stands for {}–{}, but the checks use {}–{}",
            datum.key(),
            value - half,
            value + half,
            range.low,
            range.high
        );
    }
    // The cases the issue named: "20.0" and "6.0" are one-decimal numbers.
    for (key, half) in [
        ("table3/joint_stock/domestic_market_share/2004", 0.05),
        ("text/total/profit_to_sales/2003", 0.05),
        ("text/huawei/exports/2005", 0.05),
        ("table1/foreign_funded/share_total_assets/1997", 0.5),
        ("table2/fdi/actual_utilized/2004", 0.5),
    ] {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        let range = Range::of(datum).expect("a value");
        assert!(
            ((range.high - range.low) / 2.0 - half).abs() < 1e-9,
            "{key} should be read to within ±{half}, not ±{}",
            (range.high - range.low) / 2.0
        );
    }
}

#[test]
fn a_number_printed_with_a_decimal_is_held_to_it() {
    // The prose's "5" may be Table 1's 5.4; a "5.0" may not.
    let claim = "text/private/share_total_assets/2005";
    for (decimals, verdict) in [(None, Verdict::Agrees), (Some(1), Verdict::Disagrees)] {
        let mut copy = altered("table1/private/share_total_assets/2005", Cell::clean(5.4));
        copy.iter_mut()
            .find(|datum| datum.key() == claim)
            .expect("the prose gives private firms' 2005 share")
            .decimals = decimals;
        let found = checks::run(Lookup::new(&copy))
            .claims
            .into_iter()
            .find(|found| found.id == claim)
            .expect("the claim");
        assert_eq!(
            found.verdict, verdict,
            "printed with {decimals:?} decimals, 5 against 5.4: {}",
            found.computation
        );
    }
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

#[test]
fn the_group_share_finding_names_the_firms_the_paper_names() {
    // Under the label "non-state domestic firms" (collectives included) 34% would agree with
    // Table 3; the paper names joint stock, limited liability and private firms.
    let found = finding(data::all(), "text-jsc-llc-private-2004-vs-table3");
    assert!(
        !found.title.to_lowercase().contains("non-state")
            && found
                .title
                .contains("Joint stock, limited liability and private firms"),
        "the finding's title mislabels the group the paper names: {}",
        found.title
    );
}
