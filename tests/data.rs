//! Invariants of the transcribed data: what a reader relies on when they see a number.

use ict_explorer::data::facts::{Section, WTO_DATES};
use ict_explorer::data::{self, Dataset, Status, Unit};
use ict_explorer::view::TOPICS;
use std::collections::HashSet;

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        && !id.starts_with('_')
        && !id.ends_with('_')
        && !id.contains("__")
}

#[test]
fn a_value_is_present_exactly_when_the_cell_is_not_missing() {
    for datum in data::all() {
        assert_eq!(
            datum.cell.value.is_some(),
            datum.cell.status != Status::Missing,
            "{} shows status '{}' but its value is {:?}: a reader would see a number marked missing, or a blank marked readable",
            datum.key(),
            datum.cell.status.id(),
            datum.cell.value
        );
    }
}

#[test]
fn every_cell_that_is_not_clean_explains_itself() {
    for datum in data::all() {
        if datum.cell.status != Status::Clean {
            assert!(
                datum.cell.note.len() > 20,
                "{} is '{}' but its note is {:?}: a reader could not tell why or what the alternatives are",
                datum.key(),
                datum.cell.status.id(),
                datum.cell.note
            );
        }
    }
}

#[test]
fn every_place_is_unique_and_every_id_is_snake_case() {
    let mut seen = HashSet::new();
    for datum in data::all() {
        assert!(
            seen.insert(datum.key()),
            "{} appears twice: a chart would draw two values at one point",
            datum.key()
        );
        for id in [
            datum.dataset.id(),
            datum.series,
            datum.measure,
            datum.unit.id(),
            datum.cell.status.id(),
        ] {
            assert!(is_snake_case(id), "id {id:?} of {} is not lower snake case: exports would be awkward to use in R or pandas", datum.key());
        }
        assert!(
            !datum.source.is_empty(),
            "{} has no source: a reader could not find it in the paper",
            datum.key()
        );
        assert!(
            datum.cell.value.is_none_or(f64::is_finite),
            "{} holds a non-finite value",
            datum.key()
        );
    }
}

#[test]
fn every_series_and_table_measure_has_a_label() {
    for datum in data::all() {
        assert_ne!(
            data::series_label(datum.series),
            "(unnamed series)",
            "series {} of {} has no label: a checkbox would be blank",
            datum.series,
            datum.key()
        );
        if datum.dataset.is_table() {
            assert_ne!(
                data::measure_label(datum.measure),
                "(unnamed measure)",
                "measure {} has no label",
                datum.measure
            );
            assert!(
                datum.label.is_empty(),
                "table cell {} should be described by its series and measure",
                datum.key()
            );
        } else {
            assert!(
                datum.label.len() > 5,
                "prose statement {} has no label: the claims list would show nothing",
                datum.key()
            );
        }
    }
}

#[test]
fn each_table_has_exactly_the_years_it_prints() {
    let expected: [(Dataset, &[u16]); 5] = [
        (Dataset::Table1, &[1997, 1999, 2001, 2003, 2005]),
        (Dataset::Table2, &[1995, 1997, 1999, 2001, 2003, 2004]),
        (Dataset::Table3, &[2001, 2002, 2003, 2004]),
        (Dataset::Table4, &[1998, 2000, 2002, 2004]),
        // Table 5 prints a reference year per country instead of year columns.
        (Dataset::Table5, &[2001, 2002, 2003]),
    ];
    for (dataset, years) in expected {
        assert_eq!(
            data::years(dataset),
            years,
            "{} has the wrong years: the year checkboxes would not match the paper",
            dataset.id()
        );
    }
}

#[test]
fn each_table_is_complete_and_rectangular() {
    // (dataset, series, measures per series, cells per measure)
    let shapes: [(Dataset, &[&str], usize, usize); 5] = [
        (
            Dataset::Table1,
            &[
                "foreign_funded",
                "state_owned",
                "collective",
                "joint_stock",
                "private",
                "state_controlled",
                "total",
            ],
            0,
            5,
        ),
        (Dataset::Table2, &["fdi"], 1, 6),
        (
            Dataset::Table3,
            &[
                "state_owned",
                "collective",
                "joint_stock_cooperative",
                "joint_stock",
                "private",
                "foreign_funded",
            ],
            3,
            4,
        ),
        (
            Dataset::Table4,
            &[
                "processing_imported_materials",
                "processing_customer_materials",
                "ordinary_trade",
                "others",
            ],
            1,
            4,
        ),
        (
            Dataset::Table5,
            &["china", "usa", "japan", "germany", "france", "uk", "korea"],
            2,
            1,
        ),
    ];
    for (dataset, series, measures_each, cells_each) in shapes {
        assert_eq!(
            data::series(dataset),
            series,
            "{} lists different series than the paper prints",
            dataset.id()
        );
        for name in series {
            let cells: Vec<_> = data::of(dataset)
                .filter(|datum| datum.series == *name)
                .collect();
            let measures: HashSet<_> = cells.iter().map(|datum| datum.measure).collect();
            if measures_each > 0 {
                assert_eq!(
                    measures.len(),
                    measures_each,
                    "{}/{} has {} measures",
                    dataset.id(),
                    name,
                    measures.len()
                );
            }
            for measure in measures {
                let count = cells
                    .iter()
                    .filter(|datum| datum.measure == measure)
                    .count();
                assert_eq!(
                    count,
                    cells_each,
                    "{}/{}/{} has {count} cells, expected {cells_each}",
                    dataset.id(),
                    name,
                    measure
                );
            }
        }
    }
    // Table 1: foreign firms have no domestic share; domestic types have all three measures.
    assert_eq!(
        data::of(Dataset::Table1).count(),
        19 * 5,
        "Table 1 should print 19 rows of 5 years"
    );
}

/// Cells whose OCR text is garbled, with the value and status we decided on. A change here is a
/// change to what students are shown, so it must be deliberate.
#[test]
fn garbled_cells_keep_their_reading_and_status() {
    let cases: [(&str, Option<f64>, Status); 16] = [
        (
            "table1/state_owned/firms/1997",
            Some(1225.0),
            Status::Corrected,
        ),
        (
            "table1/state_owned/firms/1999",
            Some(1001.0),
            Status::Corrected,
        ),
        (
            "table1/joint_stock/firms/2003",
            Some(1725.0),
            Status::Corrected,
        ),
        (
            "table1/joint_stock/share_total_assets/1999",
            Some(15.6),
            Status::Corrected,
        ),
        (
            "table1/joint_stock/share_total_assets/2001",
            Some(18.9),
            Status::Corrected,
        ),
        (
            "table1/private/share_total_assets/1999",
            Some(1.0),
            Status::Corrected,
        ),
        // Corrected for its thousands point, and placed in 2003 by inference: a reading.
        (
            "table1/state_controlled/firms/2003",
            Some(1546.0),
            Status::Uncertain,
        ),
        ("table1/state_controlled/firms/1997", None, Status::Missing),
        (
            "table1/total/total_assets/2005",
            Some(21305.0),
            Status::Corrected,
        ),
        (
            "table3/joint_stock_cooperative/domestic_market_share/2001",
            Some(2.9),
            Status::Uncertain,
        ),
        (
            "table3/joint_stock_cooperative/profit_to_sales/2001",
            Some(1.5),
            Status::Uncertain,
        ),
        (
            "table3/collective/profit_to_sales/2004",
            None,
            Status::Missing,
        ),
        (
            "table3/joint_stock/profit_to_sales/2004",
            None,
            Status::Missing,
        ),
        (
            "table3/private/value_added_to_sales/2002",
            Some(15.2),
            Status::Uncertain,
        ),
        (
            "table3/foreign_funded/value_added_to_sales/2002",
            None,
            Status::Missing,
        ),
        ("text/fengda/exports/2005", Some(11.5), Status::Corrected),
    ];
    for (key, value, status) in cases {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        assert_eq!(
            (datum.cell.value, datum.cell.status),
            (value, status),
            "{key} changed its reading"
        );
    }
}

#[test]
fn clean_cells_copy_the_print() {
    // A sample of legible cells, one per table, as printed.
    let cases: [(&str, f64); 6] = [
        ("table1/foreign_funded/firms/2005", 6480.0),
        ("table1/total/firms/2003", 10596.0),
        ("table2/fdi/actual_utilized/2004", 8637.0),
        ("table3/foreign_funded/profit_to_sales/2004", 4.2),
        ("table4/others/share/2004", 3.3),
        ("table5/japan/computers_office/2002", 90.4),
    ];
    for (key, value) in cases {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        assert_eq!(datum.cell.value, Some(value), "{key}");
        assert_eq!(datum.cell.status, Status::Clean, "{key}");
    }
}

#[test]
fn the_prose_gives_sixty_to_one_hundred_and_thirty_statements_grouped_by_figure() {
    let statements: Vec<_> = data::all()
        .iter()
        .filter(|datum| !datum.dataset.is_table())
        .collect();
    assert!(
        (60..=130).contains(&statements.len()),
        "{} prose statements",
        statements.len()
    );
    for figure in [Dataset::Fig1, Dataset::Fig2, Dataset::Fig3, Dataset::Fig4] {
        assert!(
            data::of(figure).count() >= 1,
            "{} has no statement",
            figure.id()
        );
    }
    assert!(
        statements.iter().all(|datum| datum.unit != Unit::Index),
        "the prose quotes no index numbers"
    );
}

#[test]
fn dataset_metadata_is_complete() {
    for dataset in Dataset::ALL {
        let info = dataset.info();
        assert_eq!(Dataset::from_id(info.id), Some(dataset));
        assert!(
            info.title.len() > 10
                && dataset.source().contains("Ning (2009)")
                && info.note.len() > 40,
            "{} lacks a title, source or note",
            info.id
        );
    }
}

#[test]
fn bounds_and_approximations_are_recognised_from_the_notes() {
    use ict_explorer::data::Qualifier;
    let cases = [
        (
            "fig3/jsc_llc_private/share_of_domestic_sales/1993",
            Qualifier::AtMost,
        ),
        ("text/fdi/accumulated/2005", Qualifier::AtLeast),
        ("fig2/wfoe/share_of_exports/2004", Qualifier::About),
        ("fig1/china/exports/2004", Qualifier::Exact),
    ];
    for (key, qualifier) in cases {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .expect("known statement");
        assert_eq!(datum.cell.qualifier(), qualifier, "{key}");
    }
    // Every note that words a bound or an approximation uses the convention the code reads.
    for datum in data::all() {
        let note = datum.cell.note.to_lowercase();
        let worded = [
            "'more than'",
            "'less than'",
            "'no more than'",
            "'never more than'",
            "'over'",
            "'about'",
            "'nearly'",
        ]
        .iter()
        .any(|phrase| note.contains(phrase));
        if worded && datum.dataset != Dataset::Table1 {
            assert_ne!(
                datum.cell.qualifier(),
                Qualifier::Exact,
                "{} words a bound but is read as exact: {}",
                datum.key(),
                datum.cell.note
            );
        }
    }
}

#[test]
fn no_value_the_paper_does_not_print_is_recorded_as_clean() {
    use ict_explorer::data::Qualifier;
    // The years in which foreign-invested firms passed all domestic firms: the paper says so in
    // words, which puts their share above one half, but prints no share.
    for key in [
        "fig2/foreign_funded/share_of_exports_above_domestic_from/1994",
        "fig3/foreign_funded/share_of_output_above_domestic_from/2001",
    ] {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        assert_eq!(
            (datum.cell.status, datum.cell.qualifier()),
            (Status::Uncertain, Qualifier::AtLeast),
            "{key} is a bound the paper does not print; a reader would take it for a printed share"
        );
    }
    for datum in data::all() {
        let note = datum.cell.note.to_lowercase();
        if note.contains("does not print") || note.contains("not a printed") {
            assert_ne!(
                datum.cell.status,
                Status::Clean,
                "{} says the paper does not print it, yet is marked clean: {}",
                datum.key(),
                datum.cell.note
            );
        }
    }
}

/// Cells whose values are legible but whose place is a reading: the SCE rows' years, the year
/// of IBM's and Dell's revenues, and Table 3's first column, whose header is lost.
#[test]
fn an_inferred_placement_is_never_clean() {
    let mut keys: Vec<String> = [
        "table1/state_controlled/firms",
        "table1/state_controlled/share_total_assets",
        "table1/state_controlled/share_domestic_assets",
    ]
    .iter()
    .flat_map(|row| [2003, 2005].map(|year| format!("{row}/{year}")))
    .collect();
    keys.extend(["text/ibm/revenue/2006", "text/dell/revenue/2006"].map(String::from));
    for measure in [
        "domestic_market_share",
        "profit_to_sales",
        "value_added_to_sales",
    ] {
        for year in [2001, 2003, 2004] {
            keys.push(format!("table3/state_owned/{measure}/{year}"));
        }
    }
    for key in &keys {
        let datum = data::all()
            .iter()
            .find(|datum| &datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        assert_eq!(
            datum.cell.status,
            Status::Uncertain,
            "{key} is placed by inference, so a reader must see it is a reading, not '{}'",
            datum.cell.status.id()
        );
        assert!(
            datum.cell.note.to_lowercase().contains("other readings"),
            "{key}'s note should name the alternatives: {}",
            datum.cell.note
        );
    }
}

/// Where `text` names a section ("Section 3", "section 3") other than by one of `labels`, the
/// names of the sections the paper has: each such name, with what follows it.
fn sections_by_hand(text: &str, labels: &[&str]) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices("section ")
        .map(|(at, _)| at)
        .filter(|at| {
            lower[at + "section ".len()..].starts_with(|ch: char| ch.is_ascii_digit())
                && !labels.iter().any(|label| text[*at..].starts_with(label))
        })
        .map(|at| text[at..].chars().take(40).collect())
        .collect()
}

#[test]
fn every_section_is_named_once_and_every_source_names_it_so() {
    let labels: Vec<&str> = Section::ALL.iter().map(|section| section.label()).collect();
    let unique: HashSet<&str> = labels.iter().copied().collect();
    assert_eq!(
        unique.len(),
        labels.len(),
        "two sections share a name: {labels:?}"
    );
    // Every source a reader is shown: each number's, each dataset's (the figures' read from
    // their numbers), each chart of quoted numbers', and the WTO dates'.
    let sources: Vec<String> = data::all()
        .iter()
        .map(|datum| datum.source.to_string())
        .chain(WTO_DATES.iter().map(|date| date.source.to_string()))
        .chain(Dataset::ALL.into_iter().map(Dataset::source))
        .chain(TOPICS.iter().map(|topic| topic.source()))
        .collect();
    for source in &sources {
        let by_hand = sections_by_hand(source, &labels);
        assert!(
            by_hand.is_empty(),
            "the source '{source}' names {by_hand:?}, which is not how data::facts::Section \
             names a section of the paper: the reader would look for a section under a name the \
             paper does not have"
        );
    }
}
