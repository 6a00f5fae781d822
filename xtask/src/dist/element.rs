//! The parts of `<ict-explorer>` (www/embed.js) made from the page's own, so that the element
//! and the page never drift: the skeleton's markup (www/index.html's body, with the glossary
//! but without the static tables or the scripts), the prebuilt parts beside it (which the
//! element parses once for all its views), the stylesheet scoped to a shadow root, and the
//! link's keys that the element takes as attributes. All go in one classic script, which a host
//! page on another origin may load where it could not fetch them.
//!
//! Inside a shadow root, `<html>`, `<body>` and `:root` are the host page's, so the stylesheet's
//! rules for them go to two wrappers that stand in for them (`.ict-html`, `.ict-body`); `rem`,
//! the host page's root font size, becomes the pixels the page's own root gives it; and a layout
//! that follows the viewport's width follows the element's width instead (a container query),
//! since a view may sit in a narrow column of a wide page.

use crate::util::Result;

/// The script the element loads; it leaves `ictExplorerElement` (`markup`, `prebuilt`, the
/// prebuilt parts as templates, `style`, and `keys`, every key of a link, which the element
/// takes as its attributes) behind.
pub const ELEMENT_FILE: &str = "ict_explorer_element.js";

/// The class of the wrapper that stands for `<html>` (and takes the modes' classes).
const HTML_STAND_IN: &str = ".ict-html";
/// The class of the wrapper that stands for `<body>`.
const BODY_STAND_IN: &str = ".ict-body";
/// The container the viewport's width queries become.
const CONTAINER: &str = "ict-explorer";
/// The page's root font size (style.css, `:root`), which `rem` stands for.
const ROOT_FONT_PX: f64 = 16.0;

/// The element's script, from the page with the glossary in place of the fallback marker
/// (`index`), the prebuilt parts (`html::prebuilt_parts`) and the page's whole stylesheet.
pub fn script(index: &str, prebuilt: &str, style: &str) -> Result<String> {
    Ok(format!(
        "// The markup, styles and attributes of <ict-explorer> (www/embed.js), made by `cargo \
         xtask dist` from www/index.html, www/style.css and the core.\n\
         self.ictExplorerElement = {{ markup: {}, prebuilt: {}, style: {}, keys: {} }};\n",
        js_string(&markup(index)?),
        js_string(prebuilt),
        js_string(&scoped(style)),
        js_string(&ict_explorer::session::link_keys().join(" ")),
    ))
}

/// The page's body without its scripts, wrapped in the stand-ins for `<html>` and `<body>`.
fn markup(index: &str) -> Result<String> {
    let body = index
        .split_once("<body>")
        .and_then(|(_, rest)| rest.split_once("</body>"))
        .map(|(body, _)| body)
        .ok_or("www/index.html has no <body> … </body> for <ict-explorer>'s markup")?;
    let kept: Vec<&str> = body
        .lines()
        .filter(|line| !line.trim_start().starts_with("<script src="))
        .collect();
    Ok(format!(
        "<div class=\"{} js\"><div class=\"{}\">{}</div></div>",
        &HTML_STAND_IN[1..],
        &BODY_STAND_IN[1..],
        kept.join("\n")
    ))
}

/// The stylesheet for a shadow root: the host's styles stop at the stand-in for `<html>`, whose
/// inherited properties start again from their initial values.
pub fn scoped(css: &str) -> String {
    let mut out = format!(
        ":host {{ display: block; }}\n{HTML_STAND_IN} {{ all: initial; display: block; container: {CONTAINER} / inline-size; }}\n"
    );
    let css = without_comments(css);
    let mut rest = css.as_str();
    while let Some(next) = rest.find(['{', '}', ';']) {
        let text = &rest[..next];
        match &rest[next..=next] {
            "{" => out.push_str(&prelude(text)),
            _ => out.push_str(&without_rem(text)),
        }
        out.push_str(&rest[next..=next]);
        rest = &rest[next + 1..];
    }
    out.push_str(rest);
    out
}

/// The stylesheet without its comments, which the element need not carry (and which may hold
/// braces).
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// A rule's prelude for the shadow root: selectors with the stand-ins, and a viewport's width
/// query as the element's.
fn prelude(text: &str) -> String {
    let trimmed = text.trim_start();
    if let Some(condition) = trimmed.strip_prefix("@media") {
        let widths_only = condition.split("and").all(|part| {
            let part = part.trim();
            part.starts_with("(min-width:") || part.starts_with("(max-width:")
        });
        return if widths_only && condition.contains('(') && !condition.contains(',') {
            format!("@container {CONTAINER}{condition}")
        } else {
            text.to_string()
        };
    }
    if trimmed.starts_with('@') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    // A type selector is a word that starts a compound selector: after a space, a comma, a
    // combinator or a parenthesis, or at the start.
    let mut starts_compound = true;
    let flush = |word: &mut String, out: &mut String, starts_compound: bool| {
        match (starts_compound, word.as_str()) {
            (true, "html") => out.push_str(HTML_STAND_IN),
            (true, "body") => out.push_str(BODY_STAND_IN),
            _ => out.push_str(word),
        }
        word.clear();
    };
    let mut word_starts_compound = true;
    for character in text.chars() {
        if character.is_ascii_alphanumeric() || character == '-' || character == '_' {
            if word.is_empty() {
                word_starts_compound = starts_compound;
            }
            word.push(character);
        } else {
            flush(&mut word, &mut out, word_starts_compound);
            out.push(character);
        }
        starts_compound =
            character.is_whitespace() || matches!(character, ',' | '>' | '+' | '~' | '(');
    }
    flush(&mut word, &mut out, word_starts_compound);
    out.replace(":root", HTML_STAND_IN)
}

/// Declarations with every `rem` length in pixels.
fn without_rem(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("rem") {
        let before = &rest[..at];
        let number_start = before
            .rfind(|character: char| !(character.is_ascii_digit() || character == '.'))
            .map_or(0, |index| index + 1);
        let number = &before[number_start..];
        let unit_ends = !rest[at + 3..]
            .starts_with(|character: char| character.is_ascii_alphanumeric() || character == '-');
        match number.parse::<f64>() {
            Ok(value) if unit_ends && !number.is_empty() => {
                out.push_str(&before[..number_start]);
                out.push_str(&format!("{}px", value * ROOT_FONT_PX));
            }
            _ => {
                out.push_str(before);
                out.push_str("rem");
            }
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

/// `text` as a JavaScript string literal (also for the site's script of the prebuilt parts).
pub(super) fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            // A `</script` in a string would end an inline copy of this script.
            '<' => out.push_str("\\x3c"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_root_and_body_rules_go_to_the_stand_ins() {
        let css = "/* html { } */:root { color: red; }\nhtml.embed header.site, html:not(.present) .stage { top: 0; }\n\
                   html.present:not(.no-chart) body { height: 100vh; }\nbody { margin: 0; }\n\
                   .html-note, #body, .x-html { color: blue; }\n";
        let scoped = scoped(css);
        for expected in [
            ".ict-html { color: red; }",
            ".ict-html.embed header.site, .ict-html:not(.present) .stage { top: 0; }",
            ".ict-html.present:not(.no-chart) .ict-body { height: 100vh; }",
            ".ict-body { margin: 0; }",
            // Classes and ids that merely contain the words stay as they are.
            ".html-note, #body, .x-html { color: blue; }",
        ] {
            assert!(
                scoped.contains(expected),
                "{expected:?} missing from:\n{scoped}"
            );
        }
        let named_alone = |word: &str| {
            scoped
                .match_indices(word)
                .any(|(at, _)| !scoped[..at].ends_with(['-', '.', '#']))
        };
        assert!(
            !scoped.contains(":root") && !named_alone("html") && !named_alone("body"),
            "a rule still names the host page's root or body:\n{scoped}"
        );
        assert!(!scoped.contains("/*"), "comments are left:\n{scoped}");
        assert!(scoped.starts_with(":host { display: block; }\n.ict-html { all: initial;"));
    }

    #[test]
    fn rem_becomes_the_pages_pixels_and_width_queries_the_elements() {
        let css = "/* 1rem { } */ a { margin: 0.5rem 1rem; width: calc(100vh - 21rem); }\n\
                   @media (max-width: 800px) { a { gap: .25rem; } }\n\
                   @media (min-width: 801px) and (max-width: 900px) { b { top: 0; } }\n\
                   @media (pointer: coarse), (max-width: 600px) { c { x: 2rem; } }\n\
                   @media (prefers-color-scheme: dark) { :root { --bg: #000; } }\n\
                   .premium { animation-name: lorem; }\n";
        let scoped = scoped(css);
        for expected in [
            "a { margin: 8px 16px; width: calc(100vh - 336px); }",
            "@container ict-explorer (max-width: 800px) { a { gap: 4px; } }",
            "@container ict-explorer (min-width: 801px) and (max-width: 900px) {",
            "@media (pointer: coarse), (max-width: 600px) { c { x: 32px; } }",
            "@media (prefers-color-scheme: dark) { .ict-html { --bg: #000; } }",
            "animation-name: lorem;",
        ] {
            assert!(
                scoped.contains(expected),
                "{expected:?} missing from:\n{scoped}"
            );
        }
    }

    #[test]
    fn the_markup_is_the_bodys_without_scripts_in_the_stand_ins() {
        let index = "<html><head><script src=\"boot.js\"></script></head><body>\n<main id=\"app\">x</main>\n\
                     <script src=\"ict_explorer.js\"></script>\n<script src=\"app.js\"></script>\n</body></html>";
        assert_eq!(
            markup(index).unwrap(),
            "<div class=\"ict-html js\"><div class=\"ict-body\">\n<main id=\"app\">x</main></div></div>"
        );
        assert!(markup("<p>no body</p>").unwrap_err().contains("no <body>"));
    }

    #[test]
    fn strings_are_safe_in_a_script() {
        assert_eq!(
            js_string("a\"b\\c\nd</script>\u{2028}"),
            "\"a\\\"b\\\\c\\nd\\x3c/script>\\u2028\""
        );
    }
}
