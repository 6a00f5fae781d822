//! Untrusted values as a notice may repeat them.

/// The most characters of a rejected value that a notice repeats, "…" included.
const QUOTED_LENGTH: usize = 60;

/// A value from a link, an event or a message as a notice may repeat it: runs of whitespace
/// become one space, control and invisible format characters (bidi overrides and isolates,
/// zero-width characters, tags) are removed, and anything longer than 60 characters is cut
/// with "…". Anyone can send anything: repeated raw, a 100 KB value would fill the message box,
/// and a right-to-left override could make the app's own notice say something else.
pub fn quoted(value: &str) -> String {
    cleaned(value, QUOTED_LENGTH)
}

/// The most problems a notice states; the rest are counted.
const STATED_PROBLEMS: usize = 3;

/// The longest notice, in characters: a few problems, each already repeating at most
/// [`QUOTED_LENGTH`] characters of a value.
pub const NOTICE_LENGTH: usize = 600;

/// The notice for a list of problems: the first few, and how many more there were, so that a
/// link with a thousand bad parts gives a notice as short as one with four.
pub fn notice(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(STATED_PROBLEMS)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let more = problems.len().saturating_sub(STATED_PROBLEMS);
    if more > 0 {
        let s = if more == 1 { "" } else { "s" };
        text.push_str(&format!(" ({more} more problem{s} like these.)"));
    }
    cleaned(&text, NOTICE_LENGTH)
}

/// Names from a list of untrusted ones, quoted, for a notice: the first few, and how many more
/// there were.
pub fn quoted_list(names: &[&str]) -> String {
    let shown: Vec<String> = names
        .iter()
        .take(STATED_PROBLEMS)
        .map(|name| format!("'{}'", cleaned(name, 20)))
        .collect();
    let more = names.len().saturating_sub(STATED_PROBLEMS);
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

/// Untrusted text cleaned as [`quoted`] cleans it, and cut at `most` characters: for the
/// titles, captions and labels that stories and annotations carry in links.
pub fn cleaned(value: &str, most: usize) -> String {
    let mut shown: Vec<char> = Vec::new();
    for word in value.split_whitespace() {
        let mut visible = word.chars().filter(|ch| !hides_text(*ch)).peekable();
        if visible.peek().is_none() {
            continue;
        }
        if !shown.is_empty() {
            shown.push(' ');
        }
        // One character more than fits is enough to know that the value must be cut.
        let room = (most + 1).saturating_sub(shown.len());
        shown.extend(visible.take(room));
        if shown.len() > most {
            shown.truncate(most.saturating_sub(1));
            while shown.last() == Some(&' ') {
                shown.pop();
            }
            shown.push('…');
            break;
        }
    }
    shown.into_iter().collect()
}

/// Untrusted text of several lines (a story's caption) cleaned line by line as [`cleaned`]
/// cleans it, keeping its line breaks (at most one empty line in a row), cut at `most`
/// characters, line breaks included.
pub fn cleaned_lines(value: &str, most: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in value.lines() {
        let line = cleaned(line, line.len());
        let blank_after_blank = line.is_empty() && lines.last().is_none_or(String::is_empty);
        if !blank_after_blank {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let text = lines.join("\n");
    if text.chars().count() <= most {
        return text;
    }
    let mut cut: String = text.chars().take(most.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// True for characters that draw nothing themselves but can hide or reorder the text around
/// them: controls (Unicode category Cc) and format characters (Cf), bidi controls among them.
fn hides_text(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}
