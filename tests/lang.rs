//! The Chinese catalogue (`src/lang/zh/*.txt`): every text has both languages, the Chinese keeps
//! the English's numbers, every sentence template the code fills is translated, and a page in
//! Chinese finds each text with any numbers in it.

use ict_explorer::lang::{self, Lang};

fn pairs() -> Vec<(String, String)> {
    let files = lang::chinese_source_files().expect("the catalogue's files can be read");
    let sources: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    lang::pairs(&sources)
        .unwrap_or_else(|problem| panic!("the catalogue cannot be read: {problem}"))
}

/// Whether a text has words of its own, besides its placeholders.
fn has_words(text: &str) -> bool {
    text.split('{')
        .enumerate()
        .map(|(index, part)| {
            if index == 0 {
                part
            } else {
                part.split_once('}').map_or(part, |(_, rest)| rest)
            }
        })
        .any(|part| part.contains(|ch: char| ch.is_ascii_alphabetic()))
}

/// The placeholders of a text, by number, whatever their style: `{1:万}` is 1.
fn placeholders(text: &str) -> Vec<usize> {
    let mut found: Vec<usize> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split(['}', ':']).next()?.parse().ok())
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_text_has_both_languages_once_and_a_key_of_its_own() {
    let catalogue = lang::chinese_sources().unwrap_or_else(|problem| panic!("{problem}"));
    let pairs = pairs();
    assert_eq!(catalogue.len(), pairs.len());
    for (english, chinese) in &pairs {
        assert!(!chinese.is_empty(), "'{english}' has an empty Chinese text");
        // A sentence's frame of words alone, such as "{0} {1}", may be the same in Chinese.
        if has_words(english) {
            assert_ne!(english, chinese, "'{english}' is \"translated\" as itself");
        }
        assert_eq!(catalogue.get(english), Some(chinese.as_str()));
    }
}

#[test]
fn the_chinese_keeps_every_number_of_the_english() {
    for (english, chinese) in pairs() {
        assert_eq!(
            placeholders(&chinese),
            placeholders(&english),
            "the Chinese of '{english}' drops or adds a number: '{chinese}'"
        );
    }
}

#[test]
fn the_page_finds_each_text_with_its_numbers() {
    lang::install(lang::chinese_sources().expect("the catalogue loads"));
    for (english, chinese) in pairs() {
        // The English as the page shows it: each placeholder a number.
        let values: Vec<String> = (0..placeholders(&english).len())
            .map(|index| format!("{}", 3 + index))
            .collect();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        let shown = lang::fill(Lang::En, &english, &refs);
        // Numbers that are not placeholders of a template are part of its words, and a frame
        // with no words of its own is only ever filled (`lang::fill`), never looked up.
        if lang::template(&shown).0 != english || !has_words(&english) {
            continue;
        }
        assert_eq!(
            lang::text(Lang::Zh, &format!("  {shown} ")),
            format!("  {} ", lang::fill(Lang::Zh, &english, &refs)),
            "'{shown}' is not shown as its Chinese '{chinese}'"
        );
        assert_eq!(lang::text(Lang::En, &shown), shown);
    }
}

#[test]
fn every_sentence_template_the_code_fills_is_in_the_catalogue() {
    let catalogue = lang::chinese_sources().expect("the catalogue loads");
    let mut missing = Vec::new();
    for path in rust_files(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))) {
        let source = std::fs::read_to_string(&path).expect("a source file can be read");
        // `fill(lang, "template", …)`: the first string literal after each call.
        for call in source.split("fill(").skip(1) {
            let Some(literal) = call.split('"').nth(1) else {
                continue;
            };
            if !call
                .split('"')
                .next()
                .is_some_and(|before| before.len() < 40 && !before.contains(';'))
            {
                continue;
            }
            let template = literal.replace("\\\"", "\"");
            if catalogue.get(&template).is_none() {
                missing.push(format!("{}: {template}", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "these sentences stay English in Chinese: add them to src/lang/zh/:\n{}",
        missing.join("\n")
    );
}

fn rust_files(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)
        .expect("src can be listed")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn html_fragments_are_translated_but_their_tags_and_english_marked_elements_kept() {
    lang::install(lang::chinese_sources().expect("the catalogue loads"));
    let (english, chinese) = pairs()
        .into_iter()
        .find(|(english, _)| placeholders(english).is_empty() && !english.contains(['<', '&', '"']))
        .expect("a text without numbers");
    let fragment = format!(
        "<p><button type=\"button\" title=\"{english}\">{english}</button> <span lang=\"en\">{english}</span><textarea>{english}</textarea></p>"
    );
    let escaped = ict_explorer::markup::escape(&chinese);
    assert_eq!(
        lang::html(Lang::Zh, &fragment),
        format!(
            "<p><button type=\"button\" title=\"{escaped}\">{escaped}</button> <span lang=\"en\">{english}</span><textarea>{english}</textarea></p>"
        )
    );
    assert_eq!(lang::html(Lang::En, &fragment), fragment);
}
