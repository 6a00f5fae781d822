//! The glossary in the page: one popover per term, opened from any place that uses the term,
//! and the whole glossary as a popover of its own, opened from the header (also on the
//! projector). Popovers are plain HTML (`popover`, `popovertarget`), so they open without the
//! explorer's scripts, in the static page too, and need nothing from the page's policy.

use super::escape;
use crate::glossary;
use crate::lang::Lang;

/// A term's English name, to be shown beside its name on a page in another language: "FIE
/// (foreign-invested enterprise)" as "FIE, foreign-invested enterprise", in a `data-english`
/// attribute, which `web::lang` makes an element marked English only on such a page (an English
/// page so carries no element for it).
#[cfg(not(target_arch = "wasm32"))]
fn english_name(term: &str) -> String {
    let name = match term.split_once(" (") {
        Some((short, long)) => format!("{short}, {}", long.trim_end_matches(')')),
        None => term.to_string(),
    };
    format!(" data-english=\"{}\"", escape(&name))
}

/// Every definition's popover and the whole glossary's, for `cargo xtask dist` to put in the
/// page once.
#[cfg(not(target_arch = "wasm32"))]
pub fn glossary_popovers() -> String {
    let mut html = String::from(
        "<div id=\"glossary\" popover class=\"glossary\" aria-labelledby=\"glossary-title\"><div class=\"glossary-head\"><h2 id=\"glossary-title\">Glossary</h2><button type=\"button\" popovertarget=\"glossary\" popovertargetaction=\"hide\">Close</button></div><p class=\"hint\">The paper's terms and our abbreviations, in our own words.</p><dl>",
    );
    for term in glossary::TERMS {
        html.push_str(&format!(
            "<dt id=\"term-{}\"{}>{}</dt><dd>{}</dd>",
            term.id,
            english_name(term.term),
            escape(term.term),
            escape(term.definition)
        ));
    }
    html.push_str("</dl></div>");
    for term in glossary::TERMS {
        html.push_str(&format!(
            "<div id=\"def-{id}\" popover class=\"definition\" aria-labelledby=\"def-{id}-term\"><p><dfn id=\"def-{id}-term\"{}>{}</dfn> {}</p><button type=\"button\" popovertarget=\"def-{id}\" popovertargetaction=\"hide\">Close</button> <button type=\"button\" popovertarget=\"glossary\">The whole glossary</button></div>",
            english_name(term.term),
            escape(term.term),
            escape(term.definition),
            id = term.id,
        ));
    }
    html
}

/// The button that opens a term's definition, showing `text`.
pub fn term_button(id: &str, text: &str) -> String {
    format!(
        "<button type=\"button\" class=\"term\" popovertarget=\"def-{id}\" aria-haspopup=\"dialog\">{}</button>",
        escape(text)
    )
}

/// `text` in the reader's language, escaped, with the first use of each glossary term made a
/// button that opens its definition. The text is translated whole, before its terms are found,
/// since a sentence cut at its terms would not translate.
pub fn with_terms(lang: Lang, text: &str) -> String {
    let text = crate::lang::text(lang, text);
    let mut html = String::new();
    let mut done = 0;
    for (range, term) in
        glossary::occurrences_spelled(&text, |spelling| crate::lang::text(lang, spelling))
    {
        html.push_str(&escape(&text[done..range.start]));
        html.push_str(&term_button(term.id, &text[range.clone()]));
        done = range.end;
    }
    html.push_str(&escape(&text[done..]));
    html
}

/// A line of buttons for the terms among the `labels` of a group of controls (the enterprise
/// types, the trade regimes), or nothing when none is a term.
pub fn terms_line(labels: &[String]) -> String {
    let buttons: Vec<String> = labels
        .iter()
        .filter_map(|label| {
            let (range, term) = glossary::occurrences(label).into_iter().next()?;
            Some(term_button(term.id, &label[range]))
        })
        .collect();
    if buttons.is_empty() {
        return String::new();
    }
    format!(
        "<p class=\"terms\"><span>What they mean:</span> {}</p>",
        buttons.join(" ")
    )
}
