//! Searching and filtering the Data quality list: which findings and claims a reader's search
//! and filters leave, and how many of each kind and section remain.
//!
//! The list itself is prebuilt natively (`html::quality`), so the WebAssembly carries none of
//! the audit's or the claims check's code: each item of the page carries what the filters read
//! as `data-` attributes, and its words are its own visible text ([`Entry`]); the browser module
//! reads them back, asks [`Filter::matches`] about each, and shows the [`Tally`]. Everything
//! here is browser-free and tested natively.

use crate::checks::{Severity, Verdict};
use crate::data::Dataset;
use crate::lang::{fill, Lang};
use crate::notice;
use std::collections::BTreeMap;

/// The most characters of a search that are matched; a longer search is cut here, so that a
/// pasted page of text cannot make each keystroke slow.
const MAX_QUERY_CHARS: usize = 200;

/// The two lists that make up the Data quality list: the findings and the claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Findings,
    Claims,
}

impl List {
    /// The list's id, which is also its count's key in a [`Tally`] and the start of its
    /// items' anchors (`finding-…`, `claim-…`).
    pub fn id(self) -> &'static str {
        match self {
            List::Findings => "findings",
            List::Claims => "claims",
        }
    }

    fn anchor_prefix(self) -> &'static str {
        match self {
            List::Findings => "finding-",
            List::Claims => "claim-",
        }
    }
}

/// The severities of findings, most serious first, as the list's filters offer them.
pub const SEVERITIES: [Severity; 2] = [Severity::Warning, Severity::Info];

/// Every kind of item by id: a finding's severity or a claim's verdict.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    SEVERITIES
        .into_iter()
        .map(Severity::id)
        .chain(Verdict::ALL.into_iter().map(Verdict::id))
}

/// The list an item of kind `kind` belongs to, or `None` for a kind neither list has.
pub fn list_of(kind: &str) -> Option<List> {
    if SEVERITIES.iter().any(|severity| severity.id() == kind) {
        Some(List::Findings)
    } else if Verdict::ALL.iter().any(|verdict| verdict.id() == kind) {
        Some(List::Claims)
    } else {
        None
    }
}

/// The anchor of an item, `finding-…` or `claim-…`: its id with every character that is not a
/// lower-case letter, digit, `_` or `-` made a `-`, so that it is a valid HTML id and needs no
/// escaping in a link (claims are keyed by cell, `text/lenovo/revenue/2006`).
pub fn anchor(list: List, id: &str) -> String {
    let mut slug = String::with_capacity(id.len());
    for ch in id.chars().map(|ch| ch.to_ascii_lowercase()) {
        let ch = if ch.is_ascii_alphanumeric() || ch == '_' {
            ch
        } else {
            '-'
        };
        if !(ch == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(ch);
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("{}{slug}", list.anchor_prefix())
}

/// The item anchor named by a link's fragment (`#claim-…`, as `location.hash` gives it), or
/// `None` when the fragment names none: fragments come from anyone's links, so only the form
/// that [`anchor`] makes is taken.
pub fn anchor_in(fragment: &str) -> Option<&str> {
    let id = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = [List::Findings, List::Claims]
        .into_iter()
        .find_map(|list| id.strip_prefix(list.anchor_prefix()))?;
    let well_formed = !rest.is_empty()
        && rest.len() <= 200
        && rest
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_' || ch == '-');
    well_formed.then_some(id)
}

/// Text as the search compares it: lower case, accents dropped (é is e, ß is ss), apostrophes
/// dropped (`China's` is `chinas`), thousands separators dropped (`8,637` is `8637`) and every
/// other run of punctuation or space one space. A decimal point between digits stays.
pub fn normalize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut normal = String::with_capacity(text.len());
    for (index, &ch) in chars.iter().enumerate() {
        let between_digits = index > 0
            && chars[index - 1].is_ascii_digit()
            && chars.get(index + 1).is_some_and(char::is_ascii_digit);
        match ch {
            ',' if between_digits => {}
            '.' if between_digits => normal.push('.'),
            '\'' | '’' | '‘' | 'ʼ' => {}
            // Combining accents, as a decomposed "é" carries them.
            '\u{0300}'..='\u{036F}' => {}
            _ => {
                let lower = lowercase(ch);
                match fold(lower) {
                    Some(plain) => normal.push_str(plain),
                    None if lower.is_alphanumeric() => normal.push(lower),
                    None => {
                        if !normal.is_empty() && !normal.ends_with(' ') {
                            normal.push(' ');
                        }
                    }
                }
            }
        }
    }
    normal.truncate(normal.trim_end().len());
    normal
}

/// The lower case of a Latin letter (ASCII, Latin-1 and Latin Extended-A, the letters [`fold`]
/// knows), any other character unchanged. std's `to_lowercase` covers every script, but its
/// tables are some fifteen kilobytes of the WebAssembly, and the list it searches is English.
pub fn lowercase(ch: char) -> char {
    let code = u32::from(ch);
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // İ, whose full lower case is i with a combining dot above.
        0x130 => u32::from('i'),
        0x178 => 0xFF,
        // Pairs of a capital and its small letter: capitals on even code points, but for the
        // two runs where they sit on odd ones.
        0x100..=0x17E if code != 0x131 && code != 0x138 && code != 0x149 => {
            let capital_is_odd = matches!(code, 0x139..=0x148 | 0x179..=0x17E);
            if (code % 2 == 1) == capital_is_odd {
                code + 1
            } else {
                code
            }
        }
        _ => code,
    };
    char::from_u32(lower).unwrap_or(ch)
}

/// The plain letters of an accented Latin letter, enough for the names and words this paper
/// and its readers use.
fn fold(ch: char) -> Option<&'static str> {
    Some(match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// A dataset's short name, as the filters, the contents list and the search give it.
pub fn source_name(dataset: Dataset) -> &'static str {
    match dataset {
        Dataset::Table1 => "Table 1",
        Dataset::Table2 => "Table 2",
        Dataset::Table3 => "Table 3",
        Dataset::Table4 => "Table 4",
        Dataset::Table5 => "Table 5",
        Dataset::Fig1 => "Figure 1",
        Dataset::Fig2 => "Figure 2",
        Dataset::Fig3 => "Figure 3",
        Dataset::Fig4 => "Figure 4",
        Dataset::Text => "Text",
    }
}

/// The class of an item's last part, its row of actions ("Show in …", "Link to this"), whose
/// words are the same on every item and so not searched, but for the claim's source in it.
pub const ACTIONS_CLASS: &str = "item-actions";
/// The class of the claim's source, in the row of actions: searched.
pub const SOURCE_CLASS: &str = "claim-source";
/// The parts of an item whose text the search looks through, as a CSS selector from the item:
/// its children but the row of actions, and the claim's source in that row.
pub const SEARCHED_PARTS: &str = ":scope > :not(.item-actions), .item-actions > .claim-source";

/// One item of the list as the filters see it: its `data-` attributes, and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The finding's severity or the claim's verdict (`data-kind`).
    pub kind: String,
    /// The ids of the datasets the item is about: its own and its cells' (`data-sources`).
    pub sources: Vec<String>,
    /// The id of the section of the list that holds it (`data-section`).
    pub section: String,
    /// Its words, normalized: the text of its [`SEARCHED_PARTS`] and its sources' names (see
    /// [`Entry::read_text`]). Empty until read, which the page does at the first search.
    pub text: String,
}

impl Entry {
    /// An entry from the attributes of an item; `sources` is space separated. Its words are
    /// read later, by [`Entry::read_text`].
    pub fn from_attributes(kind: &str, sources: &str, section: &str) -> Entry {
        Entry {
            kind: kind.to_string(),
            sources: sources.split_whitespace().map(str::to_string).collect(),
            section: section.to_string(),
            text: String::new(),
        }
    }

    /// Takes the item's words from the texts of its [`SEARCHED_PARTS`], in any order, with the
    /// names of its sources (so "Table 2" finds what Table 2 is about), all normalized. The
    /// page keeps no copy of these words: they are read from what the reader sees.
    pub fn read_text<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        let names = self
            .sources
            .iter()
            .filter_map(|id| Dataset::from_id(id))
            .map(|dataset| -> &'a str { source_name(dataset) });
        let words: Vec<String> = parts
            .into_iter()
            .chain(names)
            .map(normalize)
            .filter(|words| !words.is_empty())
            .collect();
        self.text = words.join(" ");
    }

    fn list(&self) -> Option<List> {
        list_of(&self.kind)
    }
}

/// The reader's search and filters. Every kind is shown and every source chosen until the
/// reader says otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// The search as typed, cut at [`MAX_QUERY_CHARS`].
    query: String,
    /// The search's words, normalized; an item must contain every one.
    words: Vec<String>,
    /// The kinds switched off.
    hidden_kinds: Vec<&'static str>,
    /// The one table or figure chosen, if any.
    source: Option<Dataset>,
}

/// The names of the list's events: the search box, a kind's checkbox, the table-or-figure
/// choice, and Clear.
pub const SEARCH: &str = "quality-search";
pub const KIND: &str = "quality-kind";
pub const SOURCE: &str = "quality-source";
pub const CLEAR: &str = "quality-clear";

/// True for the events of the list's search and filters, which change what the list shows but
/// not the view.
pub fn is_event(name: &str) -> bool {
    [SEARCH, KIND, SOURCE, CLEAR].contains(&name)
}

impl Filter {
    /// Applies one event of the search and filters. Values come from the page's controls, which
    /// anyone can edit, so a kind or source the list does not have is refused with a message.
    pub fn apply(&mut self, name: &str, value: &str, checked: bool) -> Result<(), String> {
        match name {
            SEARCH => {
                self.query = value.chars().take(MAX_QUERY_CHARS).collect();
                self.words = normalize(&self.query)
                    .split(' ')
                    .filter(|word| !word.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            KIND => {
                let Some(kind) = kinds().find(|kind| *kind == value) else {
                    return Err(format!(
                        "The Data quality list has no kind '{}'; its kinds are {}.",
                        notice::quoted(value),
                        kinds().collect::<Vec<_>>().join(", ")
                    ));
                };
                self.hidden_kinds.retain(|hidden| *hidden != kind);
                if !checked {
                    self.hidden_kinds.push(kind);
                }
            }
            SOURCE if value.is_empty() => self.source = None,
            SOURCE => match Dataset::from_id(value) {
                Some(dataset) => self.source = Some(dataset),
                None => {
                    return Err(format!(
                        "The Data quality list has no table or figure '{}'.",
                        notice::quoted(value)
                    ))
                }
            },
            CLEAR => *self = Filter::default(),
            _ => {
                return Err(format!(
                    "The Data quality list has no control '{}'.",
                    notice::quoted(name)
                ))
            }
        }
        Ok(())
    }

    /// The search as typed, for the search box.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether items of `kind` are shown.
    pub fn shows_kind(&self, kind: &str) -> bool {
        !self.hidden_kinds.contains(&kind)
    }

    /// The id of the table or figure chosen, or "" for all of them, as the choice's value.
    pub fn source_id(&self) -> &'static str {
        self.source.map_or("", Dataset::id)
    }

    /// True when the search has words, which only the items' text can match.
    pub fn searches(&self) -> bool {
        !self.words.is_empty()
    }

    /// True when the search or a filter leaves anything out.
    pub fn is_active(&self) -> bool {
        !self.words.is_empty() || !self.hidden_kinds.is_empty() || self.source.is_some()
    }

    /// Whether the list shows `entry`.
    pub fn matches(&self, entry: &Entry) -> bool {
        self.shows_kind(&entry.kind) && self.matches_search_and_source(entry)
    }

    /// Whether `entry` passes the search and the table-or-figure choice, whatever its kind's
    /// checkbox says: what that checkbox's count tells.
    fn matches_search_and_source(&self, entry: &Entry) -> bool {
        let source = self
            .source
            .is_none_or(|dataset| entry.sources.iter().any(|id| id == dataset.id()));
        source
            && self
                .words
                .iter()
                .all(|word| entry.text.contains(word.as_str()))
    }

    /// The sentence that says the list is empty, naming what emptied it, in `lang`.
    fn nothing_shown(&self, lang: Lang) -> String {
        let filters = !self.hidden_kinds.is_empty() || self.source.is_some();
        let query = notice::quoted(&self.query);
        match (self.words.is_empty(), filters) {
            (false, false) => fill(lang, "No finding or claim matches '{0}'.", &[&query]),
            (false, true) => fill(
                lang,
                "No finding or claim matches '{0}' with these filters.",
                &[&query],
            ),
            _ => fill(lang, "No finding or claim passes these filters.", &[]),
        }
    }
}

/// What the search and filters leave of a list: how many items are shown of how many, and the
/// counts the page shows beside the filters and in the contents list.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub shown: usize,
    pub total: usize,
    /// Counts by key: see [`Tally::count`].
    counts: BTreeMap<String, usize>,
    /// The sentence that says what is shown.
    pub status: String,
}

impl Tally {
    /// Counts the items of `entries` that `filter` shows, and says so in `lang`.
    pub fn of<'a>(
        entries: impl IntoIterator<Item = &'a Entry>,
        filter: &Filter,
        lang: Lang,
    ) -> Tally {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let (mut shown, mut total) = (0, 0);
        for entry in entries {
            total += 1;
            if filter.matches_search_and_source(entry) {
                *counts.entry(format!("kind-{}", entry.kind)).or_default() += 1;
            }
            if !filter.matches(entry) {
                continue;
            }
            shown += 1;
            *counts.entry(entry.section.clone()).or_default() += 1;
            if let Some(list) = entry.list() {
                *counts.entry(list.id().to_string()).or_default() += 1;
            }
        }
        let status = if shown == 0 {
            filter.nothing_shown(lang)
        } else if shown == total {
            fill(
                lang,
                "All {0} findings and claims shown.",
                &[&total.to_string()],
            )
        } else {
            let findings = counts.get(List::Findings.id()).copied().unwrap_or(0);
            let claims = counts.get(List::Claims.id()).copied().unwrap_or(0);
            // The plurals' endings are values too, so that a language without them can leave
            // them out.
            fill(
                lang,
                "{0} of {1} shown: {2} finding{3}, {4} claim{5}.",
                &[
                    &shown.to_string(),
                    &total.to_string(),
                    &findings.to_string(),
                    plural(findings),
                    &claims.to_string(),
                    plural(claims),
                ],
            )
        };
        Tally {
            shown,
            total,
            counts,
            status,
        }
    }

    /// The count of a key, 0 for a key nothing counted:
    /// - `findings`, `claims`: the items of that list shown;
    /// - a section's id (`findings-warning`, `claims-fig1`): the items of that section shown;
    /// - `kind-` and a kind (`kind-agrees`): the items of that kind that the search and the
    ///   table-or-figure choice leave, which its checkbox would show.
    pub fn count(&self, key: &str) -> usize {
        self.counts.get(key).copied().unwrap_or(0)
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_searched_parts_name_the_classes_the_markup_uses() {
        for class in [ACTIONS_CLASS, SOURCE_CLASS] {
            assert!(
                SEARCHED_PARTS.contains(&format!(".{class}")),
                "{SEARCHED_PARTS:?} does not select by .{class}, so the page would search the \
                 wrong parts of each item"
            );
        }
    }

    #[test]
    fn latin_letters_lower_as_std_lowers_them() {
        for ch in (0..=0x17F)
            .filter_map(char::from_u32)
            .filter(|&ch| ch != 'İ')
        {
            let mut std_lower = ch.to_lowercase();
            assert_eq!(
                Some(lowercase(ch)),
                std_lower.next(),
                "{ch:?} would be searched as a different letter"
            );
        }
        assert_eq!(lowercase('İ'), 'i');
        assert_eq!(
            lowercase('Ж'),
            'Ж',
            "letters of other scripts are kept as typed"
        );
    }

    #[test]
    fn anchors_are_valid_ids_that_the_fragment_reader_accepts() {
        for (list, id, expected) in [
            (
                List::Claims,
                "text/lenovo/revenue/2006",
                "claim-text-lenovo-revenue-2006",
            ),
            (
                List::Claims,
                "text/china/pc_market_rank/",
                "claim-text-china-pc_market_rank",
            ),
            (
                List::Findings,
                "text-sce-average-vs-table1",
                "finding-text-sce-average-vs-table1",
            ),
        ] {
            let made = anchor(list, id);
            assert_eq!(made, expected);
            assert_eq!(anchor_in(&format!("#{made}")), Some(made.as_str()));
        }
        for fragment in ["", "#", "#claim-", "#note-3", "#claim-<b>", "#finding-A"] {
            assert_eq!(
                anchor_in(fragment),
                None,
                "{fragment:?} is no item's anchor"
            );
        }
    }
}
