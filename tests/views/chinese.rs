//! The views in Chinese: every state's chart texts and summary come from the catalogue
//! (src/lang/zh/*.txt), large numbers grouped by 万 and 亿, and English stays as it was.

use super::*;
use ict_explorer::export;
use ict_explorer::lang::{self, Lang};

/// Latin words a Chinese text keeps: acronyms and names (as tests/e2e/chinese.mjs allows).
const KEPT: [&str; 14] = [
    "ICT", "FDI", "R&D", "SCE", "US", "OCR", "IBM", "Ning", "OECD", "IT", "GDP", "CAGR", "ITS",
    "Outlook",
];

/// The English words of `text` that a Chinese reader should not see.
fn english_words(text: &str) -> Vec<String> {
    text.split(|ch: char| !(ch.is_ascii_alphabetic() || ch == '&'))
        .filter(|word| word.chars().any(|ch| ch.is_ascii_alphabetic()))
        .filter(|word| !KEPT.contains(word))
        .map(str::to_string)
        .collect()
}

fn chinese() {
    lang::install(lang::chinese_sources().expect("the catalogue reads"));
}

#[test]
fn every_views_chart_texts_and_summary_are_chinese() {
    chinese();
    for state in states() {
        let Some(plot) = view::plot(&state) else {
            continue;
        };
        let translated = plot.translated(Lang::Zh);
        let mut texts = vec![
            ("title", translated.title.clone()),
            ("axis", translated.y_label.clone()),
            ("axis", translated.x_label.clone()),
            ("source line", translated.source.clone()),
            ("summary", describe::summary_in(&plot, Lang::Zh)),
        ];
        texts.extend(
            translated
                .series
                .iter()
                .map(|s| ("series", s.label.clone())),
        );
        texts.extend(
            translated
                .categories
                .iter()
                .map(|c| ("category", c.label.clone())),
        );
        // A lecturer's own labels stay in the words they were written in.
        let own: Vec<&str> = translated
            .reference_lines
            .iter()
            .map(|line| line.label.as_str())
            .chain(translated.bands.iter().map(|band| band.label.as_str()))
            .chain(translated.notes.iter().map(|note| note.label.as_str()))
            .filter(|label| !label.is_empty())
            .collect();
        for (what, text) in texts {
            let text = own.iter().fold(text, |text, label| text.replace(label, ""));
            let english = english_words(&text);
            assert!(
                english.is_empty(),
                "{}: a Chinese reader sees English {english:?} in the chart's {what}: {text}",
                state.to_query()
            );
        }
        assert_eq!(
            describe::summary_in(&plot, Lang::En),
            describe::summary(&plot),
            "{}: the English summary changed",
            state.to_query()
        );
    }
}

#[test]
fn large_numbers_read_in_wan_and_yi() {
    chinese();
    let plot = view::plot(&State::for_view(ViewId::Fdi)).expect("FDI has a chart");
    let summary = describe::summary_in(&plot, Lang::Zh);
    // Table 2 prints 345 and 8,637 million US$ for 1995 and 2004.
    for expected in ["3.45亿美元", "86.37亿美元"] {
        assert!(
            summary.contains(expected),
            "FDI's summary should say {expected}: {summary}"
        );
    }
    let csv = export::plot_csv_in(&plot.translated(Lang::Zh), Lang::Zh);
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        english_words(header).is_empty(),
        "the chart's CSV header should be Chinese: {header}"
    );
    assert_eq!(
        export::plot_csv_in(&plot, Lang::En),
        export::plot_csv(&plot),
        "the English CSV changed"
    );
}
