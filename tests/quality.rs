//! The Data quality list: its prebuilt markup (anchors, "Show in …" values, the attributes the
//! search reads) and the search and filters (`ict_explorer::quality`), on the real list.

use ict_explorer::checks;
use ict_explorer::html;
use ict_explorer::lang::Lang;
use ict_explorer::quality::{self, Entry, Filter, Tally};
use ict_explorer::view::{State, Target, ViewId};
use std::collections::HashSet;

/// One item of the page as the browser module reads it: its tag's attributes, and its HTML.
struct Item {
    attributes: Vec<(String, String)>,
    html: String,
}

impl Item {
    fn get(&self, name: &str) -> &str {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The entry as the browser module makes it: the attributes, then the text of the parts
    /// the search reads ([`quality::SEARCHED_PARTS`]).
    fn entry(&self) -> Entry {
        let mut entry = Entry::from_attributes(
            self.get("data-kind"),
            self.get("data-sources"),
            self.get("data-section"),
        );
        let parts = self.searched_parts();
        entry.read_text(parts.iter().map(String::as_str));
        entry
    }

    /// The text of each child of the item but the row of actions, and of the claim's source in
    /// that row: what `SEARCHED_PARTS` selects in the page. The children are headings and
    /// paragraphs, which hold no other block, so each ends at the first `</p>` or `</h4>`.
    fn searched_parts(&self) -> Vec<String> {
        let inner = &self.html[self.html.find('>').map_or(0, |at| at + 1)..];
        let inner = inner.strip_suffix("</li>").unwrap_or(inner);
        let mut parts = Vec::new();
        let mut rest = inner;
        while let Some(end) = ["</p>", "</h4>"]
            .iter()
            .filter_map(|close| rest.find(close).map(|at| at + close.len()))
            .min()
        {
            let child = &rest[..end];
            rest = &rest[end..];
            if child.starts_with(&format!("<p class=\"{}\"", quality::ACTIONS_CLASS)) {
                let open = format!("<span class=\"{}\">", quality::SOURCE_CLASS);
                if let Some(at) = child.find(&open) {
                    let source = &child[at + open.len()..];
                    parts.push(text_of(&source[..source.find("</span>").unwrap_or(0)]));
                }
            } else {
                parts.push(text_of(child));
            }
        }
        assert!(
            rest.is_empty(),
            "{}: the item has content outside its headings and paragraphs, which the search \
             would read differently: {rest:?}",
            self.get("id")
        );
        parts
    }
}

/// The text of an HTML fragment, as `textContent` gives it: the tags dropped, the entities read.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    unescape(&text)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The attributes of the tag that starts `tag` (`<li a="b" …>`).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let end = tag.find('>').unwrap_or(tag.len());
    let mut rest = &tag[..end];
    let mut found = Vec::new();
    while let Some(equals) = rest.find("=\"") {
        let name = rest[..equals]
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        let value_and_more = &rest[equals + 2..];
        let close = value_and_more.find('"').unwrap_or(value_and_more.len());
        found.push((name, unescape(&value_and_more[..close])));
        rest = &value_and_more[(close + 1).min(value_and_more.len())..];
    }
    found
}

/// The Data quality page as the browser receives it, and its items.
fn page() -> (String, Vec<Item>) {
    let page = html::about(&State::for_view(ViewId::Quality), Lang::En);
    let items = page
        .match_indices("<li class=\"")
        .filter(|(at, _)| {
            let tag = &page[*at..];
            tag[..tag.find('>').unwrap_or(0)].contains("quality-item")
        })
        .map(|(at, _)| {
            let rest = &page[at..];
            let end = rest.find("</li>").map_or(rest.len(), |end| end + 5);
            Item {
                attributes: attributes(rest),
                html: rest[..end].to_string(),
            }
        })
        .collect();
    (page, items)
}

fn entries(items: &[Item]) -> Vec<Entry> {
    items.iter().map(Item::entry).collect()
}

fn filter(events: &[(&str, &str, bool)]) -> Filter {
    let mut filter = Filter::default();
    for (name, value, checked) in events {
        filter
            .apply(name, value, *checked)
            .unwrap_or_else(|problem| panic!("{name}={value} was refused: {problem}"));
    }
    filter
}

fn shown<'a>(items: &'a [Item], filter: &Filter) -> Vec<&'a Item> {
    items
        .iter()
        .filter(|item| filter.matches(&item.entry()))
        .collect()
}

#[test]
fn the_list_has_one_item_with_a_unique_anchor_for_every_finding_and_claim() {
    let (page, items) = page();
    let findings = checks::paper().findings.len();
    let claims = checks::paper().claims.len();
    assert_eq!(
        items.len(),
        findings + claims,
        "the page should list all {findings} findings and {claims} claims"
    );
    let mut anchors = HashSet::new();
    for item in &items {
        let id = item.get("id");
        assert!(
            quality::anchor_in(&format!("#{id}")).is_some(),
            "the item anchor {id:?} is not one a link can open"
        );
        assert!(anchors.insert(id.to_string()), "two items share #{id}");
        assert_eq!(
            page.matches(&format!("id=\"{id}\"")).count(),
            1,
            "#{id} appears twice in the page"
        );
        assert!(
            item.html.contains(&format!("href=\"#{id}\"")),
            "#{id} has no 'Link to this'"
        );
        assert!(
            item.html.contains(&format!("id=\"{id}-title\"")),
            "#{id}'s buttons are described by a title that is missing"
        );
        assert_eq!(item.get("tabindex"), "-1", "#{id} cannot take the focus");
    }
    for finding in &checks::paper().findings {
        assert!(
            anchors.contains(&quality::anchor(quality::List::Findings, &finding.id)),
            "the finding {:?} has no anchor of its own",
            finding.title
        );
    }
}

#[test]
fn show_in_buttons_carry_the_cells_then_the_title() {
    let (_, items) = page();
    let mut titles: Vec<String> = checks::paper()
        .findings
        .iter()
        .map(|finding| finding.title.clone())
        .collect();
    titles.extend(
        checks::paper()
            .claims
            .iter()
            .map(|claim| claim.statement.clone()),
    );
    for item in &items {
        let at = item.html.find("name=\"goto\"").unwrap_or_else(|| {
            panic!("{} has no \"Show in …\" button", item.get("id"));
        });
        let button = attributes(&item.html[item.html[..at].rfind('<').unwrap_or(0)..]);
        let value = &button
            .iter()
            .find(|(key, _)| key == "value")
            .expect("value")
            .1;
        let (cells, title) = value
            .split_once('|')
            .unwrap_or_else(|| panic!("{}: {value:?} is not CELLS|TITLE", item.get("id")));
        assert!(
            cells.split(' ').all(|key| key.split('/').count() == 4),
            "{}: {cells:?} are not cell keys",
            item.get("id")
        );
        assert!(
            titles.iter().any(|known| known == title),
            "{}: the banner would say {title:?}, which is no finding's or claim's title",
            item.get("id")
        );
        let keys: Vec<&str> = cells.split(' ').collect();
        // What each label promises is held by tests/show_in.rs; here, that the page says it.
        let label = Target::of(&keys).button_label();
        assert!(
            item.html.contains(&html::escape(&label)),
            "{}: the button should say {label:?}",
            item.get("id")
        );
    }
}

#[test]
fn every_item_carries_its_kind_section_and_sources_and_searchable_text() {
    let (_, items) = page();
    for item in &items {
        let entry = item.entry();
        let id = item.get("id");
        assert!(
            quality::list_of(&entry.kind).is_some(),
            "#{id} has the unknown kind {:?}",
            entry.kind
        );
        assert!(
            entry.text.contains(&entry.kind.replace('_', " ")),
            "#{id}'s words {:?} lack its own kind, so searching it would miss the item",
            entry.text
        );
        for action in ["show in", "link to this"] {
            assert!(
                !entry.text.contains(action),
                "#{id}: searching {action:?} would find every item, since its words include the \
                 row of actions: {:?}",
                entry.text
            );
        }
        assert!(
            !entry.sources.is_empty()
                && entry
                    .sources
                    .iter()
                    .all(|id| ict_explorer::data::Dataset::from_id(id).is_some()),
            "#{id} names sources {:?}",
            entry.sources
        );
        assert!(
            entry.section.starts_with("findings-") || entry.section.starts_with("claims-"),
            "#{id} is in no section"
        );
    }
}

#[test]
fn normalizing_folds_case_accents_apostrophes_and_thousands_separators() {
    for (typed, normal) in [
        ("Lenovo", "lenovo"),
        ("LÉNOVO", "lenovo"),
        ("Le\u{301}novo", "lenovo"),
        ("China's", "chinas"),
        ("China’s", "chinas"),
        ("8,637 m", "8637 m"),
        ("15.6%", "15.6"),
        ("end.", "end"),
        ("walking-out", "walking out"),
        ("1997–2005", "1997 2005"),
        ("  Straße  ", "strasse"),
        ("", ""),
    ] {
        assert_eq!(quality::normalize(typed), normal, "normalizing {typed:?}");
    }
}

#[test]
fn each_item_is_found_by_its_own_title_typed_loosely() {
    let (_, items) = page();
    for finding in &checks::paper().findings {
        // Capitals, and a title cut short, as a reader types it.
        let typed: String = finding.title.to_uppercase().chars().take(30).collect();
        let filter = filter(&[(quality::SEARCH, &typed, true)]);
        let anchor = quality::anchor(quality::List::Findings, &finding.id);
        let found = shown(&items, &filter);
        assert!(
            found.iter().any(|item| item.get("id") == anchor),
            "searching {typed:?} does not find the finding {:?}",
            finding.title
        );
    }
    for claim in &checks::paper().claims {
        let filter = filter(&[(quality::SEARCH, &claim.statement, true)]);
        assert!(
            shown(&items, &filter)
                .iter()
                .any(|item| item.html.contains(&html::escape(&claim.statement))),
            "searching the claim's own words {:?} does not find it",
            claim.statement
        );
    }
}

#[test]
fn every_word_must_match_and_a_search_for_nothing_says_so() {
    let (_, items) = page();
    let all = entries(&items);
    let lenovo = Tally::of(
        &all,
        &filter(&[(quality::SEARCH, "lénovo", true)]),
        Lang::En,
    );
    let lenovo_dell = Tally::of(
        &all,
        &filter(&[(quality::SEARCH, "Lenovo DELL", true)]),
        Lang::En,
    );
    assert!(
        lenovo.shown > 0 && lenovo.shown < all.len(),
        "'lénovo' should narrow the list, it shows {} of {}",
        lenovo.shown,
        all.len()
    );
    assert!(
        lenovo_dell.shown > 0 && lenovo_dell.shown < lenovo.shown,
        "'Lenovo Dell' should show fewer items than 'Lenovo' ({} against {})",
        lenovo_dell.shown,
        lenovo.shown
    );
    let numbers = Tally::of(&all, &filter(&[(quality::SEARCH, "8,637", true)]), Lang::En);
    let digits = Tally::of(&all, &filter(&[(quality::SEARCH, "8637", true)]), Lang::En);
    assert!(
        numbers.shown > 0 && numbers.shown == digits.shown,
        "'8,637' and '8637' should find the same items ({} and {})",
        numbers.shown,
        digits.shown
    );
    let nothing = Tally::of(&all, &filter(&[(quality::SEARCH, "xyzzy", true)]), Lang::En);
    assert_eq!(nothing.shown, 0);
    assert_eq!(nothing.status, "No finding or claim matches 'xyzzy'.");
    let everything = Tally::of(&all, &Filter::default(), Lang::En);
    assert_eq!(
        everything.status,
        format!("All {} findings and claims shown.", all.len())
    );
}

#[test]
fn each_filter_narrows_the_list_and_the_counts_follow() {
    let (_, items) = page();
    let all = entries(&items);
    for kind in quality::kinds() {
        let filter = filter(&[(quality::KIND, kind, false)]);
        let tally = Tally::of(&all, &filter, Lang::En);
        let of_kind = all.iter().filter(|entry| entry.kind == kind).count();
        assert!(of_kind > 0, "the list has no item of kind {kind}");
        assert_eq!(
            tally.shown,
            all.len() - of_kind,
            "switching {kind} off should hide exactly its {of_kind} items"
        );
        assert_eq!(
            tally.count(&format!("kind-{kind}")),
            of_kind,
            "{kind}'s checkbox should still say how many it would show"
        );
        assert!(filter.is_active());
    }
    for dataset in ict_explorer::data::Dataset::ALL {
        let filter = filter(&[(quality::SOURCE, dataset.id(), true)]);
        let tally = Tally::of(&all, &filter, Lang::En);
        let about = all
            .iter()
            .filter(|entry| entry.sources.iter().any(|id| id == dataset.id()))
            .count();
        assert_eq!(
            tally.shown,
            about,
            "choosing {} should show the {about} items about it",
            dataset.id()
        );
        assert!(
            tally.shown < all.len(),
            "choosing {} hides nothing",
            dataset.id()
        );
    }
    let narrowed = filter(&[
        (quality::SEARCH, "fdi", true),
        (quality::KIND, "info", false),
        (quality::SOURCE, "table2", true),
    ]);
    let tally = Tally::of(&all, &narrowed, Lang::En);
    let sections: usize = all
        .iter()
        .map(|entry| entry.section.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .map(|section| tally.count(section))
        .sum();
    assert_eq!(
        sections, tally.shown,
        "the contents' sections should add up to what is shown"
    );
    assert_eq!(
        tally.count("findings") + tally.count("claims"),
        tally.shown,
        "the findings and the claims shown should add up to what is shown"
    );
    assert!(
        tally
            .status
            .starts_with(&format!("{} of {} shown", tally.shown, all.len())),
        "the status says {:?}",
        tally.status
    );
    let mut cleared = narrowed.clone();
    cleared.apply(quality::CLEAR, "", true).expect("clear");
    assert_eq!(cleared, Filter::default());
    assert!(!cleared.is_active());
    assert_eq!(
        Tally::of(&all, &cleared, Lang::En).shown,
        all.len(),
        "Clear should show every item again"
    );
}

#[test]
fn the_filters_refuse_what_their_controls_cannot_send() {
    let mut filter = Filter::default();
    for (name, value, expected) in [
        (quality::KIND, "<b>bold</b>", "no kind '<b>bold</b>'"),
        (quality::SOURCE, "table9", "no table or figure 'table9'"),
        ("quality-sort", "x", "no control 'quality-sort'"),
    ] {
        let problem = filter
            .apply(name, value, true)
            .expect_err("an unknown value must be refused");
        assert!(problem.contains(expected), "{name}={value}: {problem}");
    }
    assert_eq!(
        filter,
        Filter::default(),
        "a refused value must change nothing"
    );
    let long = "lenovo ".repeat(10_000);
    filter.apply(quality::SEARCH, &long, true).expect("search");
    assert!(
        filter.query().chars().count() <= 200,
        "a pasted page is cut"
    );
}

#[test]
fn the_slide_for_presentation_mode_shows_the_first_warnings_and_counts_the_whole_list() {
    let (page, _) = page();
    let start = page
        .find("<section class=\"quality-slide\"")
        .expect("Data quality has no slide for presentation mode");
    let slide = &page[start..start + page[start..].find("</section>").expect("unclosed slide")];
    assert!(
        start < page.find("class=\"quality-filters").unwrap_or(usize::MAX),
        "the slide comes after the list's filters, so the list would show before it"
    );
    let warnings: Vec<&checks::Finding> = checks::paper()
        .findings
        .iter()
        .filter(|finding| finding.severity == checks::Severity::Warning)
        .collect();
    let shown: Vec<&str> = slide
        .split("<li>")
        .skip(1)
        .map(|item| &item[..item.find("</li>").unwrap_or(item.len())])
        .collect();
    assert!(
        (3..=6).contains(&shown.len()),
        "the slide shows {} findings; a slide holds a few",
        shown.len()
    );
    for (finding, title) in warnings.iter().zip(&shown) {
        assert_eq!(
            *title,
            html::escape(&finding.title),
            "the slide does not show the warnings in the list's order"
        );
    }
    let findings = checks::paper().findings.len();
    let claims = checks::paper().claims.len();
    assert!(
        slide.contains(&format!(
            "Show the full list: {findings} findings and {claims} claims"
        )),
        "the slide's switch does not count the {findings} findings and {claims} claims"
    );
    if warnings.len() > shown.len() {
        assert!(
            slide.contains(&format!("of the audit's {} warnings", warnings.len())),
            "the slide shows some of the warnings without saying there are {}",
            warnings.len()
        );
    }
}
