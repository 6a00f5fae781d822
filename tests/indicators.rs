//! Indicator arithmetic against hand-computed examples, and status propagation.

use ict_explorer::data::{Cell, Status, Unit};
use ict_explorer::indicators::*;

const CLEAN_46: Cell = Cell::clean(46.0);
const CLEAN_7: Cell = Cell::clean(7.0);
const GONE: Cell = Cell::missing("lost in print");

fn close(derived: Derived, expected: f64) -> bool {
    derived
        .value
        .is_some_and(|value| (value - expected).abs() < 1e-6)
}

#[test]
fn hand_computed_examples() {
    // (what, result, expected value, expected unit); expectations worked out by hand.
    let cases: Vec<(&str, Derived, f64, Unit)> = vec![
        (
            "state-owned share of assets 1997→2005 (pp)",
            change(&CLEAN_46, &CLEAN_7, Unit::Percent),
            -39.0,
            Unit::PercentagePoints,
        ),
        (
            "foreign-funded firms 753→6,480 (%)",
            change(&Cell::clean(753.0), &Cell::clean(6480.0), Unit::Firms),
            760.557768924,
            Unit::Percent,
        ),
        (
            "FDI 345→8,637 over 1995–2004 (% a year)",
            cagr(&Cell::clean(345.0), 1995, &Cell::clean(8637.0), 2004),
            43.019006977,
            Unit::Percent,
        ),
        (
            "CAGR of a flat series",
            cagr(&Cell::clean(100.0), 2000, &Cell::clean(100.0), 2010),
            0.0,
            Unit::Percent,
        ),
        (
            "index 1997=100 of 659 against 1,225",
            index(&Cell::clean(659.0), &Cell::clean(1225.0)),
            53.795918367,
            Unit::Index,
        ),
        (
            "state-owned share of firms 1997",
            share_of_firms(&Cell::clean(1225.0), &Cell::clean(2914.0)),
            42.038435141,
            Unit::Percent,
        ),
        (
            "state-owned assets 1997",
            assets(&Cell::clean(3828.0), &CLEAN_46),
            1760.88,
            Unit::BillionYuan,
        ),
        (
            "foreign assets per firm 1997",
            assets_per_firm(
                &Cell::clean(3828.0),
                &Cell::clean(34.0),
                &Cell::clean(753.0),
            ),
            1728.446215139,
            Unit::MillionYuanPerFirm,
        ),
        (
            "implied domestic share, state owned 2003",
            implied_domestic_share(&Cell::clean(13.0), &Cell::clean(59.0)),
            31.707317073,
            Unit::Percent,
        ),
        (
            "coverage of Table 4 in 2004",
            coverage(&[
                &Cell::clean(74.2),
                &Cell::clean(14.8),
                &Cell::clean(7.7),
                &Cell::clean(3.3),
            ]),
            100.0,
            Unit::Percent,
        ),
        (
            "weighted average 2:1",
            weighted_average(
                &[&Cell::clean(3.0), &Cell::clean(6.0)],
                &[&Cell::clean(20.0), &Cell::clean(10.0)],
                Unit::Percent,
            ),
            4.0,
            Unit::Percent,
        ),
        (
            "China 5.4 against France 57.2",
            relative_intensity(&Cell::clean(5.4), &Cell::clean(57.2)),
            9.440559441,
            Unit::Percent,
        ),
        (
            "value as printed",
            as_printed(&Cell::clean(-1.6), Unit::Percent),
            -1.6,
            Unit::Percent,
        ),
    ];
    for (what, derived, expected, unit) in cases {
        assert!(
            close(derived, expected),
            "{what}: got {:?}, expected {expected}",
            derived.value
        );
        assert_eq!(derived.unit, unit, "{what}: wrong unit");
        assert_eq!(
            derived.status,
            Status::Clean,
            "{what}: clean inputs must give a clean result"
        );
    }
}

#[test]
fn a_result_is_as_weak_as_its_weakest_input() {
    let corrected = Cell::corrected(15.6, "decimal comma");
    let uncertain = Cell::uncertain(9.0, "9.0 to 9.9");
    assert_eq!(
        change(&CLEAN_46, &corrected, Unit::Percent).status,
        Status::Corrected
    );
    assert_eq!(
        change(&corrected, &uncertain, Unit::Percent).status,
        Status::Uncertain
    );
    assert_eq!(index(&uncertain, &CLEAN_46).status, Status::Uncertain);
    assert_eq!(
        coverage(&[&CLEAN_46, &corrected, &CLEAN_7]).status,
        Status::Corrected
    );
    assert_eq!(
        weighted_average(
            &[&CLEAN_46, &CLEAN_7],
            &[&uncertain, &CLEAN_7],
            Unit::Percent
        )
        .status,
        Status::Uncertain
    );
    assert_eq!(Status::Clean.weakest(Status::Missing), Status::Missing);
}

#[test]
fn missing_stays_missing_and_never_becomes_zero() {
    let results = [
        ("change", change(&GONE, &CLEAN_7, Unit::Percent)),
        ("cagr", cagr(&CLEAN_46, 1997, &GONE, 2005)),
        ("index", index(&GONE, &CLEAN_46)),
        ("share of firms", share_of_firms(&CLEAN_7, &GONE)),
        ("assets", assets(&GONE, &CLEAN_46)),
        (
            "assets per firm",
            assets_per_firm(&CLEAN_46, &CLEAN_7, &GONE),
        ),
        (
            "implied domestic share",
            implied_domestic_share(&CLEAN_7, &GONE),
        ),
        ("coverage", coverage(&[&CLEAN_46, &GONE])),
        (
            "weighted average",
            weighted_average(&[&CLEAN_46, &GONE], &[&CLEAN_7, &CLEAN_7], Unit::Percent),
        ),
        ("relative intensity", relative_intensity(&GONE, &CLEAN_7)),
        ("as printed", as_printed(&GONE, Unit::Percent)),
    ];
    for (what, derived) in results {
        assert_eq!(
            derived.value, None,
            "{what} of a missing input showed {:?}",
            derived.value
        );
        assert_eq!(
            derived.status,
            Status::Missing,
            "{what} of a missing input is not marked missing"
        );
    }
}

#[test]
fn undefined_arithmetic_is_missing() {
    let zero = Cell::clean(0.0);
    let results = [
        (
            "percent change from zero",
            change(&zero, &CLEAN_7, Unit::Firms),
        ),
        ("index with a zero base", index(&CLEAN_7, &zero)),
        ("share of zero firms", share_of_firms(&CLEAN_7, &zero)),
        ("CAGR from zero", cagr(&zero, 1997, &CLEAN_7, 2005)),
        (
            "CAGR from a negative value",
            cagr(&Cell::clean(-1.6), 2001, &CLEAN_7, 2004),
        ),
        (
            "CAGR backwards in time",
            cagr(&CLEAN_7, 2005, &CLEAN_46, 1997),
        ),
        (
            "CAGR within one year",
            cagr(&CLEAN_7, 2005, &CLEAN_46, 2005),
        ),
        (
            "weighted average with zero weights",
            weighted_average(&[&CLEAN_7], &[&zero], Unit::Percent),
        ),
        (
            "weighted average of nothing",
            weighted_average(&[], &[], Unit::Percent),
        ),
        (
            "implied share with 100% foreign",
            implied_domestic_share(&CLEAN_7, &Cell::clean(100.0)),
        ),
    ];
    for (what, derived) in results {
        assert_eq!(
            derived.status,
            Status::Missing,
            "{what} should have no answer, got {:?}",
            derived.value
        );
    }
}

#[test]
fn a_derived_number_feeds_further_indicators_with_its_status() {
    let share = share_of_firms(
        &Cell::corrected(1225.0, "thousands point"),
        &Cell::clean(2914.0),
    );
    let later = share_of_firms(&Cell::clean(659.0), &Cell::clean(16007.0));
    let moved = change(&Cell::from(share), &Cell::from(later), Unit::Percent);
    assert_eq!(moved.status, Status::Corrected);
    assert!(close(
        moved,
        659.0 / 16007.0 * 100.0 - 1225.0 / 2914.0 * 100.0
    ));
}
