//! The claims check: every prose number is a claim, and verdicts follow the data.

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
