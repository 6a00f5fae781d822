//! The Chinese of the built-in story, the glossary, Data quality and the tables' notes, read from
//! the catalogue's sources (`src/lang/zh/*.txt`) as the page gets them: every text of theirs has
//! its Chinese, the glossary's buttons are found in the Chinese captions as in the English, and
//! what stays English is marked so. The end-to-end list (`tests/e2e/chinese.mjs`) looks at the
//! built page; these find a missing translation natively, naming the file to add it to.

use ict_explorer::data::{self, Dataset, Lookup};
use ict_explorer::glossary::{occurrences, TERMS};
use ict_explorer::html;
use ict_explorer::lang::{self, Lang};
use ict_explorer::session::Session;
use ict_explorer::story::Story;
use ict_explorer::view::{self, State, ViewId};
use std::borrow::Cow;
use std::sync::Once;

/// Installs the Chinese catalogue once for every test of this file.
fn chinese() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let catalogue = lang::chinese_sources().unwrap_or_else(|problem| panic!("{problem}"));
        lang::install(catalogue);
    });
}

/// Whether a text a Chinese reader sees is still English: it has Latin words beyond the
/// acronyms and names that Chinese texts keep (as `tests/e2e/chinese.mjs` allows them).
fn english_words(text: &str) -> Vec<&str> {
    // "A" (of A4) and "Letter" name the papers; the last five are the letters the OCR printed
    // where digits were, which the notes quote.
    const KEPT: [&str; 28] = [
        "ICT", "FDI", "R&D", "SOE", "SCE", "SCEs", "WTO", "OECD", "IBM", "PC", "OCR", "US", "GDP",
        "Ning", "Lutao", "Lenovo", "HTML", "Foxconn", "IT", "i", "pp", "A", "Letter", "I", "B",
        "S", "SI", "O",
    ];
    text.split(|ch: char| !(ch.is_ascii_alphabetic() || ch == '&'))
        .filter(|word| word.chars().any(|ch| ch.is_ascii_alphabetic()))
        .filter(|word| !KEPT.contains(word))
        .collect()
}

/// The English a Chinese reader of `text` would still see, or nothing when it has its Chinese.
fn untranslated(text: &str) -> Option<String> {
    match lang::text(Lang::Zh, text) {
        Cow::Owned(chinese) if english_words(&chinese).is_empty() => None,
        Cow::Owned(chinese) => Some(format!("{chinese:?} keeps English words")),
        Cow::Borrowed(_) => Some(format!(
            "{:?} has no Chinese (its key: {:?})",
            text,
            lang::template(text.trim()).0
        )),
    }
}

/// Fails with every problem found, each with where it was and the file its Chinese belongs in.
fn assert_none(problems: Vec<String>, file: &str) {
    assert!(
        problems.is_empty(),
        "a Chinese reader would see English here; add the Chinese to src/lang/zh/{file}:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_text_of_the_built_in_story_has_its_chinese() {
    chinese();
    let story = Story::built_in();
    let mut problems: Vec<String> = untranslated(&story.title).into_iter().collect();
    for (index, step) in story.steps.iter().enumerate() {
        let mut texts = vec![
            ("title", step.title.clone()),
            ("caption", step.caption.clone()),
        ];
        if let Some(question) = &step.question {
            let answer = question.answer(Lookup::paper());
            texts.push(("question", question.text.clone()));
            texts.push(("answer", answer.shown.clone()));
            texts.push(("working", answer.working.clone()));
            for input in &answer.inputs {
                texts.push(("input", format!("{}: {}", input.label, input.shown())));
                texts.push(("input's status", input.status.id().to_string()));
            }
        }
        for (part, text) in texts {
            // Numbers and signs alone ("+86.0%") need no words.
            if text.contains(|ch: char| ch.is_ascii_alphabetic()) {
                if let Some(problem) = untranslated(&text) {
                    problems.push(format!("step {}'s {part}: {problem}", index + 1));
                }
            }
        }
    }
    assert_none(problems, "story.txt");
}

#[test]
fn a_chinese_caption_offers_every_definition_the_english_one_does() {
    chinese();
    let mut problems = Vec::new();
    for (index, step) in Story::built_in().steps.iter().enumerate() {
        let english = html::with_terms(Lang::En, &step.caption);
        let chinese = html::with_terms(Lang::Zh, &step.caption);
        let offers = |html: &str, id: &str| html.contains(&format!("popovertarget=\"def-{id}\""));
        for (range, term) in occurrences(&step.caption) {
            assert!(offers(&english, term.id), "{english}");
            // English can only name part of a longer term ("joint-stock" in "joint-stock
            // cooperatives"), where Chinese names the longer one.
            let named = step.caption[range].to_lowercase();
            let longer_offered = TERMS.iter().any(|longer| {
                longer.id != term.id
                    && longer.term.to_lowercase().contains(&named)
                    && offers(&chinese, longer.id)
            });
            if !offers(&chinese, term.id) && !longer_offered {
                problems.push(format!(
                    "step {}'s caption names '{}' in English, but its Chinese has none of the term's Chinese spellings ({}): {chinese}",
                    index + 1,
                    term.term,
                    term.spellings
                        .iter()
                        .map(|spelling| lang::text(Lang::Zh, spelling).into_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        assert_eq!(
            english.matches("class=\"term\"").count(),
            occurrences(&step.caption).len()
        );
    }
    assert_none(
        problems,
        "story.txt (the caption) or glossary.txt (the spellings)",
    );
}

#[test]
fn the_story_bar_in_chinese_is_chinese_outside_the_terms_english() {
    chinese();
    let mut problems = Vec::new();
    for step in 1..=Story::built_in().steps.len() {
        let (session, messages) = Session::from_query(&format!("story=ning&step={step}&lang=zh"));
        assert!(messages.is_empty(), "{messages:?}");
        let bar = html::story_bar(&session);
        let shown = lang::html(Lang::Zh, &bar);
        for text in texts_outside_english(&shown) {
            if !english_words(&text).is_empty() {
                problems.push(format!("step {step}: {text:?}"));
            }
        }
    }
    assert_none(problems, "story.txt");
}

#[test]
fn the_glossary_gives_each_term_in_chinese_beside_its_english() {
    chinese();
    let popovers = html::glossary_popovers();
    let mut problems = Vec::new();
    for term in TERMS {
        for (what, text) in [("name", term.term), ("definition", term.definition)] {
            if let Some(problem) = untranslated(text) {
                problems.push(format!("{}'s {what}: {problem}", term.id));
            }
        }
        let english = format!("<dt id=\"term-{}\"", term.id);
        let entry = &popovers[popovers.find(&english).expect("a term with no entry")..];
        let entry = &entry[..entry.find("</dt>").expect("an unclosed term")];
        assert!(
            entry.contains(" data-english=\""),
            "the glossary's {} gives no English name beside the Chinese: {entry}",
            term.id
        );
    }
    assert_none(problems, "glossary.txt");
    let shown = lang::html(Lang::Zh, &popovers);
    let english: Vec<String> = texts_outside_english(&shown)
        .into_iter()
        .filter(|text| !english_words(text).is_empty())
        .collect();
    assert_none(english, "glossary.txt");
}

#[test]
fn data_quality_and_each_tables_notes_are_chinese_outside_the_items_own_english() {
    chinese();
    let mut problems = Vec::new();
    for view in ViewId::ALL {
        let about = html::about(&State::for_view(view), Lang::Zh);
        for text in texts_outside_english(&lang::html(Lang::Zh, &about)) {
            if !english_words(&text).is_empty() {
                problems.push(format!("{view:?}: {text:?}"));
            }
        }
        for measure in view::measures(view) {
            if !measure.caveat.is_empty() {
                problems.extend(untranslated(measure.caveat));
            }
        }
    }
    problems.dedup();
    assert_none(problems, "quality.txt or notes.txt");
}

#[test]
fn every_note_on_a_tables_cell_has_its_chinese() {
    chinese();
    let mut problems: Vec<String> = data::all()
        .iter()
        .filter(|datum| datum.dataset.is_table() && !datum.cell.note.is_empty())
        .filter_map(|datum| untranslated(datum.cell.note))
        .collect();
    problems.dedup();
    for dataset in Dataset::ALL
        .into_iter()
        .filter(|dataset| dataset.is_table())
    {
        problems.extend(untranslated(&format!("Source: {}", dataset.info().source)));
    }
    assert_none(problems, "notes.txt");
}

#[test]
fn english_readers_see_the_english_unchanged() {
    chinese();
    let caption = &Story::built_in().steps[5].caption;
    let marked = html::with_terms(Lang::En, caption);
    // Every word of the caption is there, in English, in its order.
    let mut rest = marked.as_str();
    for word in caption
        .split_whitespace()
        .map(|word| word.trim_matches(|ch: char| !ch.is_alphanumeric()))
    {
        let word = ict_explorer::markup::escape(word);
        let at = rest
            .find(word.as_str())
            .unwrap_or_else(|| panic!("'{word}' of the caption is missing from {marked}"));
        rest = &rest[at + word.len()..];
    }
    assert!(html::with_terms(Lang::En, caption).contains("wholly foreign-owned</button>"));
    let about = html::about(&State::for_view(ViewId::Quality), Lang::En);
    assert_eq!(lang::html(Lang::En, &about), about);
}

/// The texts of an HTML fragment outside elements marked `lang="en"` and outside the glossary's
/// English names, which a Chinese page shows as English on purpose.
fn texts_outside_english(fragment: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut rest = fragment;
    while let Some(start) = rest.find('<') {
        let english = open.last().is_some_and(|(_, english)| *english);
        let text = rest[..start].trim();
        if !english && !text.is_empty() {
            texts.push(
                text.replace("&amp;", "&")
                    .replace("&#39;", "'")
                    .replace("&quot;", "\""),
            );
        }
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end + 1);
        let tag = &rest[start..end];
        rest = &rest[end..];
        if let Some(closing) = tag.strip_prefix("</") {
            let name = closing.trim_end_matches('>');
            if let Some(at) = open.iter().rposition(|(open_name, _)| open_name == name) {
                open.truncate(at);
            }
            continue;
        }
        let name: String = tag[1..]
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric())
            .collect();
        if ["input", "br", "img", "hr", "meta", "link"].contains(&name.as_str()) {
            continue;
        }
        open.push((name, english || tag.contains(" lang=\"en\"")));
    }
    texts
}
