//! The grammar of cell keys (`data::CellKey`), and that the two places that read them from a
//! reader's link, a "Show in…" button and a story's question, accept and refuse the same keys.

use ict_explorer::data::{self, CellKey, Dataset, Lookup};
use ict_explorer::story::Question;
use ict_explorer::view::Target;

/// A place a key names: dataset, series, measure and year.
type Place = (Dataset, &'static str, &'static str, Option<u16>);

/// Keys and what reading them gives: the place, or a fragment of the message that says what is
/// wrong.
const GRAMMAR: &[(&str, Result<Place, &str>)] = &[
    (
        "table1/state_owned/firms/1997",
        Ok((Dataset::Table1, "state_owned", "firms", Some(1997))),
    ),
    (
        "fig3/private/share_of_domestic_sales/",
        Ok((Dataset::Fig3, "private", "share_of_domestic_sales", None)),
    ),
    (
        "fig3/private/share_of_domestic_sales",
        Ok((Dataset::Fig3, "private", "share_of_domestic_sales", None)),
    ),
    // Well formed, though the paper has no such cell: the grammar does not know the data.
    (
        "table5/eu15/firms/1800",
        Ok((Dataset::Table5, "eu15", "firms", Some(1800))),
    ),
    ("", Err("it is empty")),
    ("table1", Err("it has 1 part separated by '/'")),
    ("table1/state_owned", Err("it has 2 parts separated by '/'")),
    (
        "table1/state_owned/firms/1997/extra",
        Err("it has 5 parts separated by '/'"),
    ),
    ("table1/state_owned/firms//", Err("it has 5 parts")),
    (
        "table9/state_owned/firms/1997",
        Err("no dataset of the paper"),
    ),
    (
        "Table1/state_owned/firms/1997",
        Err("no dataset of the paper"),
    ),
    ("table1//firms/1997", Err("its series is empty")),
    ("table1/state_owned//1997", Err("its measure is empty")),
    (
        "table1/State_owned/firms/1997",
        Err("its series holds characters"),
    ),
    (
        "table1/state owned/firms/1997",
        Err("its series holds characters"),
    ),
    (
        "table1/state_owned/firms%20/1997",
        Err("its measure holds characters"),
    ),
    (
        "table1/state_owned/firms/97",
        Err("its year is not four digits"),
    ),
    (
        "table1/state_owned/firms/+997",
        Err("its year is not four digits"),
    ),
    (
        "table1/state_owned/firms/19970",
        Err("its year is not four digits"),
    ),
    (
        "table1/state_owned/firms/199x",
        Err("its year is not four digits"),
    ),
];

#[test]
fn keys_are_read_by_one_grammar_and_refused_with_what_is_wrong() {
    for (key, expected) in GRAMMAR {
        match (CellKey::parse(key), expected) {
            (Ok(place), Ok((dataset, series, measure, year))) => assert_eq!(
                (place.dataset, place.series, place.measure, place.year),
                (*dataset, *series, *measure, *year),
                "the key '{key}' names another place than it says"
            ),
            (Err(problem), Err(fragment)) => assert!(
                problem.contains(fragment),
                "the key '{key}' is refused with '{problem}', which does not say '{fragment}'"
            ),
            (Ok(place), Err(fragment)) => {
                panic!("the malformed key '{key}' ({fragment}) was read as {place:?}")
            }
            (Err(problem), Ok(_)) => panic!("the key '{key}' was refused: {problem}"),
        }
    }
}

#[test]
fn every_cell_of_the_paper_has_a_key_that_reads_back_to_it() {
    let paper = Lookup::paper();
    for datum in data::all() {
        let key = datum.key();
        let found = paper
            .by_key(&key)
            .unwrap_or_else(|problem| panic!("the cell '{key}' cannot be named: {problem}"));
        assert!(
            std::ptr::eq(found, datum),
            "the key '{key}' names another cell than its own"
        );
        let place = CellKey::parse(&key).expect("well formed");
        assert_eq!(place.to_string(), key, "a key is not written as it is read");
    }
}

#[test]
fn a_key_without_its_year_part_is_written_with_it() {
    let place = CellKey::parse("fig3/private/share_of_domestic_sales").expect("well formed");
    assert_eq!(place.to_string(), "fig3/private/share_of_domestic_sales/");
}

#[test]
fn show_in_and_a_question_accept_and_refuse_the_same_keys() {
    let paper_keys = data::all().iter().map(|datum| datum.key());
    let grammar_keys = GRAMMAR.iter().map(|(key, _)| key.to_string());
    for key in grammar_keys.chain(paper_keys) {
        let shown = Target::read(&key).map(|_| "accepted");
        let asked = Question::from_link(&format!("value:{key}"), "How much?").map(|_| "accepted");
        let by_key = Lookup::paper().by_key(&key).map(|_| "accepted");
        assert_eq!(
            (shown.is_ok(), asked.is_ok()),
            (by_key.is_ok(), by_key.is_ok()),
            "'{key}': the lookup says {by_key:?}, Show in {shown:?}, a question {asked:?}"
        );
        // A button's value separates its keys by spaces, so a key is one only without them.
        let one_key = !key.is_empty() && !key.contains(char::is_whitespace);
        if let (true, Err(shown), Err(asked), Err(problem)) = (one_key, &shown, &asked, &by_key) {
            assert!(
                shown.contains(problem.as_str()) && asked.contains(problem.as_str()),
                "'{key}': the reader is not told what is wrong with it ('{problem}'): \
                 Show in says '{shown}', a question says '{asked}'"
            );
        }
    }
}
