//! The glossary: every term a student meets without a definition in the paper's tables and our
//! labels has one, and the page offers it where the term is used.

use ict_explorer::data::series_label;
use ict_explorer::glossary::{occurrences, term, TERMS};
use ict_explorer::html::{glossary_popovers, terms_line, with_terms};
use ict_explorer::lang::Lang;
use std::collections::HashSet;

/// The words a student asked about, and the term each must open.
const ASKED: &[(&str, &str)] = &[
    ("SOE", "soe"),
    ("JSC", "jsc"),
    ("SCE", "sce"),
    ("FIE", "fie"),
    ("WFOE", "wfoe"),
    ("Processing with imported materials", "processing-imported"),
    (
        "Processing with customer's materials",
        "processing-customer",
    ),
    ("Index", "index"),
    ("pp", "pp"),
    ("CAGR", "cagr"),
    ("FDI", "fdi"),
    ("attracting-in", "attracting-in"),
    ("walking-out", "walking-out"),
];

#[test]
fn every_term_a_student_asked_about_is_defined() {
    for (word, id) in ASKED {
        let found = occurrences(&format!("What does {word} mean?"));
        assert_eq!(
            found.first().map(|(_, term)| term.id),
            Some(*id),
            "a student reading '{word}' finds no definition of it"
        );
    }
}

#[test]
fn terms_have_unique_ids_and_real_definitions() {
    let mut ids = HashSet::new();
    for entry in TERMS {
        assert!(
            ids.insert(entry.id),
            "two glossary entries share the id {}",
            entry.id
        );
        assert!(
            entry.definition.len() > 40 && entry.definition.ends_with('.'),
            "the definition of {} is too thin to help: {:?}",
            entry.term,
            entry.definition
        );
        assert!(
            !entry.spellings.is_empty(),
            "{} can never be found in a text",
            entry.term
        );
        assert_eq!(term(entry.id), Some(entry));
    }
}

#[test]
fn every_enterprise_type_and_trade_regime_label_opens_a_definition() {
    let series = [
        "foreign_funded",
        "state_owned",
        "collective",
        "joint_stock_cooperative",
        "joint_stock",
        "private",
        "state_controlled",
        "domestic_funded",
        "wfoe",
        "processing_imported_materials",
        "processing_customer_materials",
        "ordinary_trade",
    ];
    let labels: Vec<String> = series
        .iter()
        .map(|id| series_label(id).to_string())
        .collect();
    let line = terms_line(&labels);
    for (id, label) in series.iter().zip(&labels) {
        assert!(
            !occurrences(label).is_empty(),
            "the control for {id} ('{label}') offers no definition"
        );
    }
    assert_eq!(
        line.matches("class=\"term\"").count(),
        labels.len(),
        "the controls' line of terms misses some types: {line}"
    );
}

#[test]
fn terms_are_whole_words_found_once_and_the_text_is_escaped() {
    let html = with_terms(
        Lang::En,
        "SOEs & SCEs <b>: SOE again, no ASOE, subpp or indexed",
    );
    assert_eq!(
        html.matches("popovertarget=\"def-soe\"").count(),
        1,
        "{html}"
    );
    assert_eq!(
        html.matches("popovertarget=\"def-sce\"").count(),
        1,
        "{html}"
    );
    assert!(
        html.contains("&amp;") && html.contains("&lt;b&gt;"),
        "unescaped text: {html}"
    );
    assert!(
        !html.contains("def-pp") && !html.contains("def-index"),
        "a term inside a word: {html}"
    );
    assert_eq!(with_terms(Lang::En, "plain words only"), "plain words only");
}

#[test]
fn every_definition_the_page_links_to_exists_in_the_page() {
    let popovers = glossary_popovers();
    for entry in TERMS {
        assert!(
            popovers.contains(&format!("id=\"def-{}\" popover", entry.id)),
            "the button for {} would open nothing",
            entry.term
        );
        assert!(popovers.contains(&format!("id=\"term-{}\"", entry.id)));
    }
    assert!(
        popovers.contains("id=\"glossary\" popover"),
        "the header's Glossary button opens nothing"
    );
}

#[test]
fn the_sce_and_corrected_entries_say_what_the_paper_and_the_data_mean() {
    let sce = term("sce").expect("SCE is defined").definition;
    assert!(
        sce.contains("largest share") && sce.contains("joint ventures"),
        "Table 1's note says the state holds the largest share of an SCE, and counts state-controlled joint ventures with foreign firms: {sce}"
    );
    assert!(
        !sce.contains("controlling stake"),
        "'controlling stake' reads as a majority: {sce}"
    );
    let corrected = term("corrected").expect("corrected is defined").definition;
    assert!(
        corrected.contains("characters") && !corrected.contains("add up"),
        "every correction made rests on reading the OCR's characters, none on a row adding up: {corrected}"
    );
}
