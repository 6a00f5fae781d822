//! The core's HTML fragments in the reader's language: each text run, and each attribute a
//! reader sees or hears (`title`, `aria-label`, `placeholder`, `alt`), looked up in the
//! catalogue by [`super::text`]. Elements marked `lang="en"` keep their English, and so do the
//! insides of `script`, `style` and `textarea` (the embed codes), which are not prose.

use std::borrow::Cow;

use super::{text, Lang, CHINESE};
use crate::markup::escape;

/// Attributes whose values are read to or by a reader, translated in fragments and in the
/// page's own markup alike (`web::lang`).
pub const SPOKEN: [&str; 5] = [
    "title",
    "aria-label",
    "placeholder",
    "alt",
    "aria-roledescription",
];

/// Elements with no end tag.
const VOID: [&str; 10] = [
    "input", "br", "img", "hr", "meta", "link", "col", "wbr", "source", "area",
];

/// Elements whose insides are not prose.
const RAW: [&str; 3] = ["script", "style", "textarea"];

/// A fragment of the core's HTML in the reader's language.
pub fn html(lang: Lang, fragment: &str) -> Cow<'_, str> {
    if lang == Lang::En || CHINESE.get().is_none() {
        return Cow::Borrowed(fragment);
    }
    let mut out = String::with_capacity(fragment.len() + fragment.len() / 4);
    // Open elements, each with whether it is marked English.
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut rest = fragment;
    while !rest.is_empty() {
        let english = open.last().is_some_and(|(_, english)| *english);
        let Some(start) = rest.find('<') else {
            run(lang, rest, english, &mut out);
            break;
        };
        run(lang, &rest[..start], english, &mut out);
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(rest.len(), |end| end + 7);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |end| end + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        if let Some(closing) = tag.strip_prefix("</") {
            let name = closing.trim_end_matches('>').trim();
            if let Some(at) = open.iter().rposition(|(open_name, _)| *open_name == name) {
                open.truncate(at);
            }
            out.push_str(tag);
            continue;
        }
        let name_end = tag[1..]
            .find(|ch: char| ch.is_whitespace() || ch == '>' || ch == '/')
            .map_or(tag.len(), |end| end + 1);
        let name = &tag[1..name_end];
        let marked_english = english || tag.contains(" lang=\"en\"");
        if marked_english {
            out.push_str(tag);
        } else {
            attributes(lang, tag, &mut out);
        }
        if RAW.contains(&name) {
            let closing = format!("</{name}");
            let end = rest.find(&closing).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if !(VOID.contains(&name) || tag.ends_with("/>")) {
            open.push((name, marked_english));
        }
    }
    Cow::Owned(out)
}

/// A text run, translated unless it is in an English element.
fn run(lang: Lang, raw: &str, english: bool, out: &mut String) {
    if english || !raw.contains(|ch: char| ch.is_ascii_alphabetic()) {
        out.push_str(raw);
        return;
    }
    let decoded = decode(raw);
    match text(lang, &decoded) {
        Cow::Owned(translated) => out.push_str(&escape(&translated)),
        Cow::Borrowed(_) => out.push_str(raw),
    }
}

/// A start tag with its spoken attributes translated.
fn attributes(lang: Lang, tag: &str, out: &mut String) {
    let mut rest = tag;
    while let Some((at, name)) = next_spoken(rest) {
        let value_start = at + name.len() + 2;
        let Some(length) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + length];
        match text(lang, &decode(value)) {
            Cow::Owned(translated) => out.push_str(&escape(&translated)),
            Cow::Borrowed(_) => out.push_str(value),
        }
        rest = &rest[value_start + length..];
    }
    out.push_str(rest);
}

/// The first spoken attribute (` name="`) in a tag: where its name starts, and the name.
fn next_spoken(tag: &str) -> Option<(usize, &'static str)> {
    SPOKEN
        .iter()
        .filter_map(|name| {
            let pattern = format!(" {name}=\"");
            tag.find(&pattern).map(|at| (at + 1, *name))
        })
        .min_by_key(|(at, _)| *at)
}

/// Text with the entities the core writes (and numeric ones) decoded.
fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|end| *end <= 10);
        let entity = end.map(|end| &rest[1..end]);
        let decoded = match entity {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("nbsp") => Some('\u{a0}'),
            Some(code) => code
                .strip_prefix('#')
                .and_then(|number| match number.strip_prefix('x') {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => number.parse().ok(),
                })
                .and_then(char::from_u32),
            None => None,
        };
        match (decoded, end) {
            (Some(ch), Some(end)) => {
                text.push(ch);
                rest = &rest[end + 1..];
            }
            _ => {
                text.push('&');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode("R&amp;D &lt;b&gt; &#39;x&#39; &#x4e2d;"),
            "R&D <b> 'x' 中"
        );
        assert_eq!(decode("a & b"), "a & b");
    }
}
