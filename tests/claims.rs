//! The claims check: every prose number is a claim, and verdicts follow the data.

use ict_explorer::audit;
use ict_explorer::claims::{self, Verdict};
use ict_explorer::data::{self, Cell, Lookup, Status};

fn verdict_of(claims: &[claims::Claim], id: &str) -> Verdict {
    claims
        .iter()
        .find(|claim| claim.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
        .verdict
}

#[test]
fn every_prose_number_is_a_claim_with_a_reason() {
    let claims = claims::paper();
    for datum in data::all().iter().filter(|datum| !datum.dataset.is_table()) {
        let claim = claims
            .iter()
            .find(|claim| claim.id == datum.key())
            .unwrap_or_else(|| panic!("{} has no claim", datum.key()));
        assert!(
            claim.statement.starts_with(datum.label),
            "claim {} does not paraphrase its label",
            claim.id
        );
        assert!(
            claim.computation.len() > 20,
            "claim {} gives no computation or reason",
            claim.id
        );
        assert!(
            claim.status >= datum.cell.status,
            "claim {} is stronger than its own number",
            claim.id
        );
    }
}

#[test]
fn verdicts_match_a_reading_by_hand() {
    let claims = claims::paper();
    let expected = [
        (
            "text/foreign_funded/share_total_assets/1997",
            Verdict::Agrees,
        ),
        ("text/private/share_domestic_assets/2005", Verdict::Agrees),
        ("text/fdi/actual_utilized/2004", Verdict::Agrees),
        ("text/fdi/actual_utilized/2000", Verdict::Disagrees),
        (
            "text/state_controlled/share_domestic_assets_average_2003_2005/",
            Verdict::Disagrees,
        ),
        ("text/total/profit_to_sales/2003", Verdict::Disagrees),
        ("text/total/profit_to_sales/2004", Verdict::NotCheckable),
        ("text/ibm/size_multiple_of_lenovo/2006", Verdict::Disagrees),
        (
            "text/hongfujin/multiple_of_huawei_exports/2005",
            Verdict::Agrees,
        ),
        (
            "fig3/foreign_funded/share_of_domestic_sales/2004",
            Verdict::Agrees,
        ),
        (
            "fig3/foreign_funded/share_of_domestic_sales/1993",
            Verdict::NotCheckable,
        ),
        ("fig4/china/ict_rd_share_of_gdp/2002", Verdict::NotCheckable),
        (
            "text/ibm/hardware_share_of_income/2002",
            Verdict::NotCheckable,
        ),
        (
            "text/processing_imported_materials/share_of_exports_typical_1997_2004/",
            Verdict::Agrees,
        ),
        ("table5-china-lowest-electronic_telecom", Verdict::Agrees),
        ("table2-fdi-fell-in-asian-crisis", Verdict::Agrees),
        // Output below exports cannot be right (the audit warns about the same numbers).
        ("text/china/ict_output/2003", Verdict::Disagrees),
        ("text/china/ict_output/2005", Verdict::Disagrees),
        // 29.6 leaves domestic firms a surplus; their shares and the prose say deficit.
        ("fig2/foreign_funded/net_exports/2004", Verdict::Disagrees),
        // Table 1 has no year before 1997.
        (
            "text/private/share_total_assets_max_before_1997/",
            Verdict::NotCheckable,
        ),
        (
            "text/private/share_domestic_assets_max_before_1997/",
            Verdict::NotCheckable,
        ),
        // Of 2003–2004, only 2003 can be computed, and foreign firms' profit is lower there.
        ("table3-foreign-lower-profit", Verdict::Agrees),
        (
            "text/fdi/multiple_of_government_investment_1990_2002/",
            Verdict::Disagrees,
        ),
        ("text/fdi/accumulated/2005", Verdict::NotCheckable),
    ];
    for (id, verdict) in expected {
        assert_eq!(verdict_of(claims, id), verdict, "claim {id}");
    }
    let count = |verdict| {
        claims
            .iter()
            .filter(|claim| claim.verdict == verdict)
            .count()
    };
    assert!(
        count(Verdict::Agrees) >= 10 && count(Verdict::Disagrees) >= 5,
        "too few checkable claims"
    );
}

#[test]
fn a_verdict_resting_on_a_guess_says_so() {
    let claim = claims::paper()
        .iter()
        .find(|claim| claim.id == "text/total/value_added_to_sales_average/")
        .expect("claim exists");
    assert_eq!(
        claim.status,
        Status::Uncertain,
        "the value-added average uses 2001's guessed market share"
    );
    assert!(
        claim.computation.contains("2002 left out"),
        "the computation should say 2002 could not be used"
    );
}

#[test]
fn verdicts_are_computed_not_fixed() {
    let mut copy = data::all().to_vec();
    for datum in copy.iter_mut() {
        if datum.key() == "table1/foreign_funded/share_total_assets/2005" {
            datum.cell = Cell::clean(60.0);
        }
        if datum.key() == "text/lenovo/revenue/2006" {
            datum.cell = Cell::clean(10.1);
        }
    }
    let claims = claims::run(Lookup::new(&copy));
    assert_eq!(
        verdict_of(&claims, "text/foreign_funded/share_total_assets/2005"),
        Verdict::Disagrees
    );
    assert_eq!(
        verdict_of(&claims, "text/ibm/size_multiple_of_lenovo/2006"),
        Verdict::Agrees
    );
}

fn claim<'a>(claims: &'a [claims::Claim], id: &str) -> &'a claims::Claim {
    claims
        .iter()
        .find(|claim| claim.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// A copy of the paper's data with some cells replaced.
fn altered(changes: &[(&str, Cell)]) -> Vec<data::Datum> {
    let mut copy = data::all().to_vec();
    for (key, cell) in changes {
        copy.iter_mut()
            .find(|datum| datum.key() == *key)
            .unwrap_or_else(|| panic!("{key} is not in the data"))
            .cell = *cell;
    }
    copy
}

/// Pairs of an audit finding and the claim about the same numbers: the finding is reported
/// exactly when the claim disagrees. (Finding ids that depend on the direction are prefixes.)
const SAME_CHECK: [(&str, &str); 11] = [
    (
        "text-sce-average-vs-table1",
        "text/state_controlled/share_domestic_assets_average_2003_2005/",
    ),
    ("text-fdi-wto-vs-table2", "text/fdi/actual_utilized/2000"),
    (
        "text-fdi-vs-government-investment",
        "text/fdi/multiple_of_government_investment_1990_2002/",
    ),
    (
        "text-industry-profit-2003-vs-table3",
        "text/total/profit_to_sales/2003",
    ),
    (
        "text-jsc-llc-private-2004-vs-table3",
        "fig3/jsc_llc_private/share_of_domestic_sales/2004",
    ),
    (
        "fig2-export-shares-",
        "fig2/foreign_funded/share_of_exports/2004",
    ),
    (
        "fig2-foreign-net-exports-inconsistent",
        "fig2/foreign_funded/net_exports_share_of_exports/2004",
    ),
    (
        "fig2-domestic-deficit-vs-net-exports",
        "fig2/foreign_funded/net_exports/2004",
    ),
    (
        "text-lenovo-vs-ibm",
        "text/ibm/size_multiple_of_lenovo/2006",
    ),
    (
        "text-lenovo-vs-dell",
        "text/dell/size_multiple_of_lenovo/2006",
    ),
    (
        "text-output-smaller-than-exports",
        "text/china/ict_output/2005",
    ),
];

fn audit_and_claims_agree(data: &[data::Datum], what: &str) {
    let findings = audit::run(Lookup::new(data));
    let claims = claims::run(Lookup::new(data));
    for (finding, id) in SAME_CHECK {
        let reported = findings.iter().any(|f| f.id.starts_with(finding));
        let disagrees = claim(&claims, id).verdict == Verdict::Disagrees;
        assert_eq!(
            reported, disagrees,
            "{what}: the audit {} {finding} but the claim {id} {}; the Data quality view would contradict itself",
            if reported { "reports" } else { "does not report" },
            if disagrees { "disagrees" } else { "does not disagree" }
        );
    }
}

#[test]
fn the_audit_and_the_claims_reach_the_same_conclusions() {
    audit_and_claims_agree(data::all(), "the paper's data");
    let changes: [(&str, f64); 11] = [
        ("table1/state_controlled/share_domestic_assets/2005", 67.0),
        ("table2/fdi/actual_utilized/2001", 1440.0),
        ("table2/fdi/actual_utilized/2001", 5000.0),
        ("text/total/profit_to_sales/2003", 4.3),
        ("fig3/jsc_llc_private/share_of_domestic_sales/2004", 29.0),
        ("fig2/domestic_funded/share_of_exports/2004", 8.0),
        (
            "fig2/foreign_funded/net_exports_share_of_exports/2004",
            17.9,
        ),
        ("fig2/foreign_funded/net_exports/2004", 32.6),
        ("text/lenovo/revenue/2006", 10.1),
        ("text/dell/revenue/2006", 65.0),
        ("fig1/china/exports/2004", 14.0),
    ];
    for (key, value) in changes {
        audit_and_claims_agree(
            &altered(&[(key, Cell::clean(value))]),
            &format!("with {key} at {value}"),
        );
    }
}

#[test]
fn output_claims_follow_the_data() {
    let claims = claims::paper();
    let output = claim(claims, "text/china/ict_output/2005");
    assert!(
        output
            .computation
            .contains("cannot export more than it produces"),
        "the output claim should say why it disagrees: {}",
        output.computation
    );
    // Output larger than exports is no longer contradicted, but nothing confirms it either.
    let claims = claims::run(Lookup::new(&altered(&[(
        "text/china/ict_output/2005",
        Cell::clean(201.0),
    )])));
    assert_eq!(
        verdict_of(&claims, "text/china/ict_output/2005"),
        Verdict::NotCheckable
    );
}

#[test]
fn the_lower_profit_claim_is_scoped_to_the_years_the_paper_discusses() {
    let paper = claim(claims::paper(), "table3-foreign-lower-profit");
    assert!(
        paper.computation.contains("2004 cannot be computed")
            && paper.computation.contains("Collective (profit over sales)"),
        "the claim should say which of its years cannot be computed, and why: {}",
        paper.computation
    );
    // 2001, outside the paper's years, is higher for foreign firms but must not decide.
    assert_eq!(paper.verdict, Verdict::Agrees);

    // Higher in 2003: the only computable year of the scope now contradicts the claim.
    let claims = claims::run(Lookup::new(&altered(&[(
        "table3/foreign_funded/profit_to_sales/2003",
        Cell::clean(6.0),
    )])));
    assert_eq!(
        verdict_of(&claims, "table3-foreign-lower-profit"),
        Verdict::Disagrees
    );

    // With 2004 readable and foreign firms higher there, lower in only one of two years is not
    // enough, and the computation no longer claims 2004 is missing.
    let claims = claims::run(Lookup::new(&altered(&[
        ("table3/collective/profit_to_sales/2004", Cell::clean(1.0)),
        ("table3/joint_stock/profit_to_sales/2004", Cell::clean(1.0)),
    ])));
    let filled = claim(&claims, "table3-foreign-lower-profit");
    assert_eq!(filled.verdict, Verdict::Disagrees, "{}", filled.computation);
    assert!(
        !filled.computation.contains("cannot be computed"),
        "the computation repeats a fixed text: {}",
        filled.computation
    );

    // With no year of the scope computable, there is nothing to decide.
    let claims = claims::run(Lookup::new(&altered(&[(
        "table3/foreign_funded/profit_to_sales/2003",
        Cell::missing("test"),
    )])));
    assert_eq!(
        verdict_of(&claims, "table3-foreign-lower-profit"),
        Verdict::NotCheckable
    );
}

#[test]
fn claims_before_table_1_starts_are_not_checkable_but_say_what_1997_shows() {
    for id in [
        "text/private/share_total_assets_max_before_1997/",
        "text/private/share_domestic_assets_max_before_1997/",
    ] {
        let found = claim(claims::paper(), id);
        assert_eq!(found.verdict, Verdict::NotCheckable, "{id}");
        assert!(
            found.computation.contains("starts in 1997") && found.computation.contains("fits"),
            "{id} should say Table 1 has no earlier year and that 1997 fits: {}",
            found.computation
        );
    }
}

#[test]
fn claims_cite_the_papers_reasons() {
    let claims = claims::paper();
    let wto = claim(claims, "text/fdi/actual_utilized/2000");
    assert!(
        wto.computation.contains("accession in 2001"),
        "the WTO claim should rest on the paper's own date in section 2: {}",
        wto.computation
    );
    for id in [
        "text/fdi/multiple_of_government_investment_1990_2002/",
        "text/fdi/accumulated/2005",
    ] {
        assert!(
            claim(claims, id)
                .computation
                .contains("even if each of the"),
            "{id} should say its bound assumes every unprinted year at the largest printed value"
        );
    }
    for id in [
        "text/total/profit_to_sales/2003",
        "text/total/value_added_to_sales_average/",
    ] {
        assert!(
            claim(claims, id).computation.contains("approximation"),
            "{id} should say that weighting by domestic market share is an approximation"
        );
    }
}
