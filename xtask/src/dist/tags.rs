//! The tags of our own HTML pages, enough to inline and check them; not a general HTML parser.

/// One tag of an HTML document.
#[derive(Debug)]
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) closing: bool,
    pub(crate) attrs: Vec<(String, String)>,
    /// Where the tag starts (`<`).
    pub(crate) start: usize,
    /// Where the element ends: after the tag, or for `<script>` and `<style>` after their
    /// closing tag.
    pub(crate) element_end: usize,
    /// For `<script>` and `<style>`: their text.
    pub(crate) raw_text: Option<(usize, usize)>,
}

impl Tag {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The tags of an HTML document, skipping comments and the text of scripts and styles.
/// Enough HTML for our own pages, not a general parser.
pub(crate) fn scan(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1; // `<!doctype …>`, `<?…>` or a stray `<`
            continue;
        }
        let mut j = name_start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
            j += 1;
        }
        let name = lower[name_start..j].to_string();
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                j += 1;
                break;
            }
            let key_start = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !b"=>/".contains(&bytes[j])
            {
                j += 1;
            }
            let key = lower[key_start..j].to_string();
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&quote) if quote == b'"' || quote == b'\'' => {
                        let end = html[j + 1..]
                            .find(quote as char)
                            .map_or(bytes.len(), |end| j + 1 + end);
                        value = html[j + 1..end].to_string();
                        j = (end + 1).min(bytes.len());
                    }
                    _ => {
                        let value_start = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>'
                        {
                            j += 1;
                        }
                        value = html[value_start..j].to_string();
                    }
                }
            }
            attrs.push((key, value));
        }
        let tag_end = j.min(bytes.len());
        let mut tag = Tag {
            name,
            closing,
            attrs,
            start,
            element_end: tag_end,
            raw_text: None,
        };
        if !closing && (tag.name == "script" || tag.name == "style") {
            let close = format!("</{}", tag.name);
            let text_end = lower[tag_end..]
                .find(&close)
                .map_or(bytes.len(), |at| tag_end + at);
            let element_end = html[text_end..]
                .find('>')
                .map_or(bytes.len(), |at| text_end + at + 1);
            tag.raw_text = Some((tag_end, text_end));
            tag.element_end = element_end;
        }
        i = tag.element_end;
        tags.push(tag);
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_tags_attributes_and_script_text() {
        let html = "<!doctype html><!-- <link href=x> --><link rel=\"stylesheet\" href='a.css'>\
                    <script type=module src=app.js></script><script>if (a < b) x('<img src=y>')</script><p>";
        let tags = scan(html);
        let names: Vec<&str> = tags.iter().map(|tag| tag.name.as_str()).collect();
        assert_eq!(names, ["link", "script", "script", "p"]);
        assert_eq!(tags[0].attr("href"), Some("a.css"));
        assert_eq!(tags[1].attr("type"), Some("module"));
        assert_eq!(tags[1].attr("src"), Some("app.js"));
        let (start, end) = tags[2].raw_text.unwrap();
        assert_eq!(&html[start..end], "if (a < b) x('<img src=y>')");
    }
}
