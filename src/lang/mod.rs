//! The page's languages: English, in which the core writes every text, and Simplified Chinese,
//! whose texts come from a catalogue read only when a reader asks for Chinese.
//!
//! The catalogue's sources are the files `src/lang/zh/*.txt`: pairs of an English text (`en:`)
//! and its Chinese (`zh:`), separated by blank lines. Every number in an English text is written
//! `{0}`, `{1}`, … in order (see [`template`]), so that one entry serves every value, and the
//! Chinese may put them in another order, as `{0:万}` to group a large number by 万 and 亿, as
//! `{0:e6}` for a number of millions said in 万 and 亿, or leave one out as `{0:-}` (an English
//! plural's "s").
//!
//! The page ships the Chinese alone, keyed by a hash of the English ([`Catalogue::shipped`]):
//! English readers load none of it, and Chinese readers no English twice. A text the catalogue
//! lacks stays English; the end-to-end tests find any such text outside elements marked
//! `lang="en"`.

mod html;

pub use html::{html, SPOKEN};

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::format::{chinese, read_grouped};

/// The languages the page is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language's key in a link and in the script API's state.
    pub const KEY: &'static str = "lang";

    /// The language as a link's pair (`lang=zh`), or nothing for English: every link to the
    /// page keeps it, the shared and saved ones too, since a reader passes it on to readers of
    /// the same language.
    pub fn link_pair(self) -> Option<String> {
        (self != Lang::En).then(|| format!("{}={}", Lang::KEY, self.code()))
    }

    /// The language's value in a link (`lang=zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a link's `lang` value, or of an HTML `lang` attribute by its first part
    /// (`zh-CN` and `zh-Hans` are Chinese).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The language's tag for HTML's `lang` attribute, which screen readers follow.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language's own name, as a switch to it reads.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }
}

/// The Chinese texts by the hash of their English templates, sorted by hash.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    entries: Vec<(u32, String)>,
}

/// FNV-1a, 32 bits: a short key for an English text, so that the page need not ship the English.
pub fn key(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

impl Catalogue {
    /// Reads the catalogue's source files (name, text): `en:` and `zh:` lines in pairs. Says
    /// which text is incomplete, repeated, or shares its key with another.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Catalogue, String> {
        let pairs = pairs(sources)?;
        let mut entries: Vec<(u32, String)> = Vec::with_capacity(pairs.len());
        let mut seen: Vec<(u32, &str)> = Vec::with_capacity(pairs.len());
        for (english, chinese) in &pairs {
            let hash = key(english);
            if let Some((_, other)) = seen.iter().find(|(known, _)| *known == hash) {
                return Err(if *other == english {
                    format!("'{english}' is translated twice")
                } else {
                    format!("'{english}' and '{other}' share a key: reword one of them")
                });
            }
            seen.push((hash, english));
            entries.push((hash, chinese.clone()));
        }
        crate::sort::by_key(&mut entries, |(hash, _)| *hash);
        Ok(Catalogue { entries })
    }

    /// The catalogue as the page ships it: a line per text, its key in hex, a tab, the Chinese,
    /// in the order of the keys.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn shipped(&self) -> String {
        let mut text = String::new();
        for (hash, chinese) in &self.entries {
            text.push_str(&format!("{hash:08x}\t{chinese}\n"));
        }
        text
    }

    /// Reads the catalogue as the page ships it; lines it cannot read are skipped.
    pub fn from_shipped(text: &str) -> Catalogue {
        let mut entries: Vec<(u32, String)> = text
            .lines()
            .filter_map(|line| {
                let (hash, chinese) = line.split_once('\t')?;
                Some((u32::from_str_radix(hash, 16).ok()?, chinese.to_string()))
            })
            .collect();
        // The build ships them in order; a copy that is not costs only this.
        if !entries.windows(2).all(|pair| pair[0].0 < pair[1].0) {
            crate::sort::by_key(&mut entries, |(hash, _)| *hash);
        }
        Catalogue { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The Chinese of an English template, if the catalogue has it.
    pub fn get(&self, template: &str) -> Option<&str> {
        let hash = key(template);
        self.entries
            .binary_search_by_key(&hash, |(known, _)| *known)
            .ok()
            .map(|index| self.entries[index].1.as_str())
    }
}

/// The pairs of English and Chinese texts of the catalogue's source files (name, text).
#[cfg(not(target_arch = "wasm32"))]
pub fn pairs(sources: &[(&str, &str)]) -> Result<Vec<(String, String)>, String> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (file, source) in sources {
        let mut english: Option<&str> = None;
        for (number, line) in source.lines().enumerate() {
            let line = line.trim_end();
            let place = || format!("{file}, line {}", number + 1);
            if let Some(text) = line.strip_prefix("en: ") {
                if let Some(previous) = english {
                    return Err(format!("{}: '{previous}' has no zh: line", place()));
                }
                english = Some(text.trim());
            } else if let Some(text) = line.strip_prefix("zh: ") {
                let Some(en) = english.take() else {
                    return Err(format!(
                        "{}: a zh: line with no en: line before it",
                        place()
                    ));
                };
                pairs.push((en.to_string(), text.trim().to_string()));
            } else if !(line.is_empty() || line.starts_with('#')) {
                return Err(format!(
                    "{}: a line that is neither en:, zh:, a comment nor blank",
                    place()
                ));
            }
        }
        if let Some(english) = english {
            return Err(format!("{file}: '{english}' has no zh: line"));
        }
    }
    Ok(pairs)
}

/// The catalogue's source files, `src/lang/zh/*.txt`, by name, for the build and the tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn chinese_source_files() -> Result<Vec<(String, String)>, String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang/zh");
    let mut files: Vec<(String, String)> = Vec::new();
    let listing = std::fs::read_dir(&folder)
        .map_err(|error| format!("cannot list {}: {error}", folder.display()))?;
    for entry in listing {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.extension().is_some_and(|extension| extension == "txt") {
            let text = std::fs::read_to_string(&path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            files.push((name, text));
        }
    }
    files.sort();
    Ok(files)
}

/// The Chinese catalogue read from its sources, for the build and the tests (the page gets it
/// shipped, see [`Catalogue::shipped`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn chinese_sources() -> Result<Catalogue, String> {
    let files = chinese_source_files()?;
    let sources: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    Catalogue::from_sources(&sources)
}

/// The Chinese catalogue once it is installed (the page installs it only for a Chinese reader).
static CHINESE: OnceLock<Catalogue> = OnceLock::new();

/// Installs the Chinese catalogue; the first one installed stays.
pub fn install(catalogue: Catalogue) {
    let _ = CHINESE.set(catalogue);
}

/// Whether Chinese texts are there to be shown.
pub fn has_chinese() -> bool {
    CHINESE.get().is_some_and(|catalogue| !catalogue.is_empty())
}

/// A text with each of its numbers replaced by `{0}`, `{1}`, … in order, and the numbers as
/// written. A number is a run of digits, with thousands commas and decimals, and a sign where one
/// starts a word ("−1.6", "+12.3"; the hyphen in "1995-1999" is not a sign).
pub fn template(text: &str) -> (String, Vec<&str>) {
    let mut key = String::with_capacity(text.len());
    let mut numbers = Vec::new();
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < text.len() {
        let rest = &text[index..];
        let starts_word = index == 0 || !text[..index].ends_with(|ch: char| ch.is_alphanumeric());
        let sign = if starts_word {
            ['+', '-', '−']
                .into_iter()
                .find(|sign| rest.starts_with(*sign))
                .map_or(0, char::len_utf8)
        } else {
            0
        };
        let digits_at = index + sign;
        if digits_at < text.len() && bytes[digits_at].is_ascii_digit() {
            let mut end = digits_at;
            while end < text.len() {
                let byte = bytes[end];
                let digit_after = |at: usize| at < text.len() && bytes[at].is_ascii_digit();
                if byte.is_ascii_digit() || ((byte == b',' || byte == b'.') && digit_after(end + 1))
                {
                    end += 1;
                } else {
                    break;
                }
            }
            key.push_str(&format!("{{{}}}", numbers.len()));
            numbers.push(&text[index..end]);
            index = end;
        } else {
            let ch = rest.chars().next().unwrap_or_default();
            key.push(ch);
            index += ch.len_utf8().max(1);
        }
    }
    (key, numbers)
}

/// Writes a template's placeholders (`{0}`, `{0:万}`, `{0:e6}`) with their values.
fn fill_in(template: &str, values: &[&str]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let (index, style) = after[..close]
            .split_once(':')
            .unwrap_or((&after[..close], ""));
        match index
            .parse::<usize>()
            .ok()
            .and_then(|index| values.get(index))
        {
            Some(value) => text.push_str(&styled(value, style)),
            None => text.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    text
}

/// A number written as its placeholder's style asks: as written, or grouped by 万 and 亿 (`万`),
/// after scaling by a power of ten (`e6`: millions).
fn styled(value: &str, style: &str) -> String {
    // A word the Chinese has no use for, such as an English plural's "s".
    if style == "-" {
        return String::new();
    }
    let scale = style
        .strip_prefix('e')
        .and_then(|power| power.parse::<i32>().ok());
    if style != "万" && scale.is_none() {
        return value.to_string();
    }
    match parsed(value) {
        Some(number) => {
            let number = number * 10f64.powi(scale.unwrap_or(0));
            if number.abs() < 10_000.0 && scale.is_none() {
                value.to_string()
            } else {
                let signed = value.starts_with('+') && number > 0.0;
                format!("{}{}", if signed { "+" } else { "" }, chinese(number))
            }
        }
        None => value.to_string(),
    }
}

/// The value of a number as [`template`] finds it ("−1,234.5"): its sign, then its digits as
/// a student's answer's are read ([`read_grouped`]).
fn parsed(number: &str) -> Option<f64> {
    let value = read_grouped(number.trim_start_matches(['+', '-', '−']))?;
    Some(if number.starts_with(['-', '−']) {
        -value
    } else {
        value
    })
}

/// A text in the reader's language: its Chinese from the catalogue, with its numbers put back,
/// or the English itself when it is English that is asked for or the catalogue lacks it.
pub fn text(lang: Lang, english: &str) -> Cow<'_, str> {
    let Some(catalogue) = CHINESE.get().filter(|_| lang == Lang::Zh) else {
        return Cow::Borrowed(english);
    };
    let trimmed = english.trim();
    if !trimmed.contains(|ch: char| ch.is_ascii_alphabetic()) {
        return Cow::Borrowed(english);
    }
    let (template, numbers) = template(trimmed);
    match catalogue.get(&template) {
        Some(chinese) => {
            let start = english.len() - english.trim_start().len();
            let end = english.trim_end().len();
            Cow::Owned(format!(
                "{}{}{}",
                &english[..start],
                fill_in(chinese, &numbers),
                &english[end..]
            ))
        }
        None => Cow::Borrowed(english),
    }
}

/// A message that may repeat values a reader or a link gave, each in single quotes ("a view
/// 'nope'"), in the reader's language: the quoted values are kept as they are, placeholders
/// numbered after the text's numbers (the key of "Step 2 of 'x'" is "Step {0} of '{1}'").
pub fn message(lang: Lang, english: &str) -> String {
    if CHINESE.get().is_none() || lang == Lang::En {
        return english.to_string();
    }
    // Each quoted value is set aside, its place marked by a character no text contains.
    const MARK: char = '\u{e000}';
    let mut unquoted = String::with_capacity(english.len());
    let mut values: Vec<&str> = Vec::new();
    let mut rest = english.trim();
    while let Some(open) = rest.find('\'') {
        let opens = rest[..open]
            .chars()
            .next_back()
            .is_none_or(|before| before.is_whitespace() || before == '(');
        let close = rest[open + 1..].find('\'').map(|close| open + 1 + close);
        let closes = close.is_some_and(|close| {
            rest[close + 1..]
                .chars()
                .next()
                .is_none_or(|after| !after.is_alphanumeric())
        });
        match close.filter(|_| opens && closes) {
            Some(close) => {
                unquoted.push_str(&rest[..=open]);
                unquoted.push(MARK);
                values.push(&rest[open + 1..close]);
                rest = &rest[close..];
                unquoted.push('\'');
                rest = &rest[1..];
            }
            None => {
                unquoted.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    unquoted.push_str(rest);
    let (mut key, numbers) = template(&unquoted);
    for index in 0..values.len() {
        key = key.replacen(MARK, &format!("{{{}}}", numbers.len() + index), 1);
    }
    let Some(chinese) = CHINESE.get().and_then(|catalogue| catalogue.get(&key)) else {
        return english.to_string();
    };
    let mut all = numbers;
    all.extend(values);
    fill_in(chinese, &all)
}

/// A sentence made from a template with `{0}`, `{1}`, … and its values, in the reader's
/// language: for sentences whose parts are words (a series' name), which [`text`] cannot find
/// by their numbers. The values should be in the reader's language already.
pub fn fill(lang: Lang, template: &str, values: &[&str]) -> String {
    let chosen = match CHINESE.get().filter(|_| lang == Lang::Zh) {
        Some(catalogue) => catalogue.get(template).unwrap_or(template),
        None => template,
    };
    fill_in(chosen, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_placeholders_in_order() {
        let (key, numbers) = template("Number of firms, 1997–2005");
        assert_eq!(key, "Number of firms, {0}–{1}");
        assert_eq!(numbers, ["1997", "2005"]);
        let (key, numbers) = template("From −1.6 to +12.3 pp and 21,305 firms in 1995-1999");
        assert_eq!(key, "From {0} to {1} pp and {2} firms in {3}-{4}");
        assert_eq!(numbers, ["−1.6", "+12.3", "21,305", "1995", "1999"]);
        let (key, _) = template("Table 2's R&D, 82(1), SCE2003.");
        assert_eq!(key, "Table {0}'s R&D, {1}({2}), SCE{3}.");
    }

    #[test]
    fn placeholders_take_their_styles() {
        assert_eq!(
            fill_in("{1}家，{0}年", &["2005", "21,305"]),
            "21,305家，2005年"
        );
        assert_eq!(fill_in("{0:万}家", &["21,305"]), "2.13万家");
        assert_eq!(fill_in("{0:万}家", &["9,999"]), "9,999家");
        assert_eq!(fill_in("{0:e6}美元", &["1,343"]), "13.43亿美元");
        assert_eq!(fill_in("{0:e6}美元", &["+25"]), "+2500万美元");
        assert_eq!(fill_in("{0:e6}美元", &["−25"]), "−2500万美元");
        assert_eq!(fill_in("{5}", &["1"]), "{5}");
        assert_eq!(fill_in("{0}项发现{1:-}", &["2", "s"]), "2项发现");
    }

    #[test]
    fn a_message_keeps_its_quoted_values() {
        let source = "en: Step {0} of '{1}' is not China's '{2}'.\nzh: 第{0}步：'{1}'不是'{2}'。\n";
        let catalogue = Catalogue::from_sources(&[("messages.txt", source)]).unwrap();
        install(catalogue);
        assert_eq!(
            message(Lang::Zh, "Step 2 of 'a 3' is not China's 'x'."),
            "第2步：'a 3'不是'x'。"
        );
        assert_eq!(message(Lang::Zh, "Unknown 'y'."), "Unknown 'y'.");
        assert_eq!(
            message(Lang::En, "Step 2 of 'a' is not China's 'x'."),
            "Step 2 of 'a' is not China's 'x'."
        );
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_catalogue_reads_its_sources_and_refuses_what_it_cannot() {
        let source =
            "# tabs\nen: Ownership\nzh: 所有制\n\nen: Step {0} of {1}\nzh: 第{0}步，共{1}步\n";
        let catalogue = Catalogue::from_sources(&[("tabs.txt", source)]).unwrap();
        assert_eq!(catalogue.get("Ownership"), Some("所有制"));
        assert_eq!(Catalogue::from_shipped(&catalogue.shipped()), catalogue);
        for (bad, says) in [
            ("en: A\nen: B\nzh: 乙\n", "'A' has no zh: line"),
            ("zh: 甲\n", "no en: line"),
            ("en: A\nzh: 甲\nen: A\nzh: 乙\n", "translated twice"),
            ("en: A\n", "'A' has no zh: line"),
            ("A = 甲\n", "neither"),
        ] {
            let error = Catalogue::from_sources(&[("bad.txt", bad)]).unwrap_err();
            assert!(error.contains(says), "{bad:?} gave {error:?}");
        }
    }
}
