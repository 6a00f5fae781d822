//! The hosted site's page and its headers. The page runs in every engine under its own policy,
//! also where its origin is opaque (a frame sandboxed without `allow-same-origin`): there
//! `'self'` matches nothing in WebKit, so the policy allows the page's code by hash instead.
//! The boot script and the styles are inline, each allowed by its hash, and the boot script
//! inserts the other scripts, which `'strict-dynamic'` then allows wherever they are served
//! from (measured in Chromium, Firefox ESR and WebKitGTK, in sandboxed frames with and without
//! `allow-same-origin`, at the top level and from `file://`). Hashes of external scripts would
//! need `integrity` with `crossorigin`, which `file://` pages cannot load in Chromium or WebKit,
//! and no engine matches an external stylesheet by hash.
//!
//! The headers go in `_headers`, the format of Netlify and Cloudflare Pages, whose hosts send
//! the headers of every rule that matches a path: a policy in a `/*` rule would be added to
//! the single file's own and block its inline scripts, so each page has its own rule.
//! `cargo xtask serve` reads the same file ([`Rules::parse`]), so trying the site shows what a
//! host sends.

use crate::dist::single_file::{ensure_newline, escape_script, sha256_source};
use crate::dist::tags::scan;
use crate::util::Result;

/// The script that www/index.html loads first: the site inlines it and lets it load the rest.
const BOOT_FILE: &str = "boot.js";
const STYLE_FILE: &str = "style.css";

/// The site's policy around the hashes of its boot script and styles. `'self'` is for
/// browsers without `'strict-dynamic'`, which CSP3 browsers ignore beside it.
fn policy(boot: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' {boot} 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self' {style}; img-src 'self' data: blob:; connect-src 'self'; \
         frame-src 'self'; base-uri 'none'; form-action 'none'"
    )
}

/// The site's index.html from www/index.html (with its fallback): the stylesheet (`style`,
/// palette included) and www/boot.js (`boot`) inline, the page's other scripts named in the
/// boot script's `data-load` (in their order) for it to insert. Gives the page and its policy.
pub fn page(index: &str, boot: &str, style: &str) -> Result<(String, String)> {
    let mut html = String::with_capacity(index.len() + style.len() + boot.len());
    let mut copied = 0;
    let mut later = Vec::new();
    let mut boot_at = None;
    let mut style_hash = None;
    for tag in scan(index) {
        let replacement = match tag.name.as_str() {
            "link"
                if !tag.closing
                    && tag
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("stylesheet")) =>
            {
                if tag.attr("href") != Some(STYLE_FILE) || style_hash.is_some() {
                    return Err(format!(
                        "www/index.html links the stylesheet {:?}; the site inlines only {STYLE_FILE}, once",
                        tag.attr("href")
                    ));
                }
                if style.to_ascii_lowercase().contains("</style") {
                    return Err(format!(
                        "www/{STYLE_FILE} contains `</style`, which would end the inline <style>"
                    ));
                }
                let css = format!("\n{}", ensure_newline(style));
                style_hash = Some(sha256_source(&css));
                format!("<style>{css}</style>")
            }
            "script" if !tag.closing => match tag.attr("src") {
                Some(BOOT_FILE) if boot_at.is_none() && later.is_empty() => {
                    boot_at = Some(html.len() + tag.start - copied);
                    String::new()
                }
                Some(BOOT_FILE) => {
                    return Err(format!(
                        "www/index.html must load {BOOT_FILE} once, before its other scripts"
                    ))
                }
                Some(src) if tag.attr("type").is_none() && !src.contains(['"', ' ']) => {
                    later.push(src.to_string());
                    String::new()
                }
                // A data block (the prebuilt parts as text) is never run: it stays as it is.
                None if tag.attr("type") == Some("text/plain") => continue,
                _ => {
                    return Err(
                        "www/index.html has an inline script or one of another type; the site \
                         allows only its boot script inline and classic scripts"
                            .into(),
                    )
                }
            },
            _ => continue,
        };
        html.push_str(&index[copied..tag.start]);
        html.push_str(&replacement);
        copied = tag.element_end;
    }
    html.push_str(&index[copied..]);
    let (Some(boot_at), Some(style_hash)) = (boot_at, style_hash) else {
        return Err(format!(
            "www/index.html must load {BOOT_FILE} and link {STYLE_FILE}"
        ));
    };
    let code = format!("\n{}", ensure_newline(&escape_script(boot)));
    let boot_hash = sha256_source(&code);
    html.insert_str(
        boot_at,
        &format!("<script data-load=\"{}\">{code}</script>", later.join(" ")),
    );
    Ok((html, policy(&boot_hash, &style_hash)))
}

/// The rules of a `_headers` file: a path pattern (`*` matches any characters), then its
/// headers.
pub struct Rules(Vec<(String, Vec<(String, String)>)>);

impl Rules {
    /// The site's rules: a policy for each page (`site_policy` for its index, `single_policy`
    /// for the single file beside it) and, for every file, what a static host should send.
    pub fn for_site(site_policy: &str, single_file: &str, single_policy: &str) -> Rules {
        let policy = |value: &str| vec![("Content-Security-Policy".to_string(), value.to_string())];
        Rules(vec![
            (
                "/*".into(),
                vec![("X-Content-Type-Options".into(), "nosniff".into())],
            ),
            ("/".into(), policy(site_policy)),
            ("/index.html".into(), policy(site_policy)),
            (format!("/{single_file}"), policy(single_policy)),
        ])
    }

    /// The rules as a `_headers` file.
    pub fn to_file(&self) -> String {
        let mut text = String::from(
            "# Hosts send the headers of every rule that matches a path, so each page has its own\n\
             # policy rule: a policy under /* would be added to the single file's and block it.\n",
        );
        for (pattern, headers) in &self.0 {
            text.push_str(pattern);
            text.push('\n');
            for (name, value) in headers {
                text.push_str(&format!("  {name}: {value}\n"));
            }
        }
        text
    }

    /// Reads a `_headers` file: unindented lines are patterns, indented `Name: value` lines
    /// their headers, `#` lines comments.
    pub fn parse(text: &str) -> Rules {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                rules.push((trimmed.to_string(), Vec::new()));
            } else if let (Some((_, headers)), Some((name, value))) =
                (rules.last_mut(), trimmed.split_once(':'))
            {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        Rules(rules)
    }

    /// The headers a host sends for `path`: those of every rule that matches, in order.
    pub fn headers_for(&self, path: &str) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(pattern, _)| matches(pattern, path))
            .flat_map(|(_, headers)| headers.iter().cloned())
            .collect()
    }
}

/// Whether `path` matches `pattern`, where `*` stands for any characters.
fn matches(pattern: &str, path: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = path.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<head><meta charset=\"utf-8\"><script src=\"boot.js\"></script>\
        <link rel=\"stylesheet\" href=\"style.css\"></head><body><p>x</p>\
        <script src=\"ict_explorer.js\"></script>\n<script src=\"app.js\"></script></body>";

    #[test]
    fn the_page_inlines_boot_and_style_by_hash_and_boot_loads_the_rest_in_order() {
        let (page, policy) = page(INDEX, "boot();", "p { }").unwrap();
        assert!(
            page.contains("<script data-load=\"ict_explorer.js app.js\">\nboot();\n</script>"),
            "{page}"
        );
        assert!(page.contains("<style>\np { }\n</style>"), "{page}");
        assert!(!page.contains("src="), "{page}");
        assert!(
            policy.contains(&format!(
                "script-src 'self' {} 'strict-dynamic'",
                sha256_source("\nboot();\n")
            )),
            "{policy}"
        );
        assert!(
            policy.contains(&format!("style-src 'self' {};", sha256_source("\np { }\n"))),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline") && !policy.contains(" 'unsafe-eval'"));
        assert!(policy.starts_with("default-src 'none';") && policy.contains("'wasm-unsafe-eval'"));
        assert!(
            !policy.contains('\n') && !policy.contains("  "),
            "a header takes one line: {policy}"
        );
        // A change of one character in the boot script changes the hash the policy allows.
        assert_ne!(page_policy("boot( );"), policy);
    }

    fn page_policy(boot: &str) -> String {
        page(INDEX, boot, "p { }").unwrap().1
    }

    #[test]
    fn the_page_refuses_what_its_policy_would_block() {
        let inline = INDEX.replace("<p>x</p>", "<script>evil()</script>");
        assert!(page(&inline, "b", "s").is_err());
        let late_boot = INDEX.replace("<script src=\"boot.js\"></script>", "")
            + "<script src=\"boot.js\"></script>";
        assert!(page(&late_boot, "b", "s").is_err());
        assert!(page(INDEX, "b", "p::after { content: '</style>' }").is_err());
    }

    #[test]
    fn each_page_gets_its_own_policy_and_every_file_the_common_headers() {
        let rules = Rules::parse(&Rules::for_site("SITE", "ict-explorer.html", "SINGLE").to_file());
        let policies = |path: &str| {
            rules
                .headers_for(path)
                .into_iter()
                .filter(|(name, _)| name == "Content-Security-Policy")
                .map(|(_, value)| value)
                .collect::<Vec<_>>()
        };
        assert_eq!(policies("/"), ["SITE"]);
        assert_eq!(policies("/index.html"), ["SITE"]);
        assert_eq!(
            policies("/ict-explorer.html"),
            ["SINGLE"],
            "the single file would get the site's policy too, which blocks its inline scripts"
        );
        assert!(policies("/app.js").is_empty());
        assert!(rules
            .headers_for("/app.js")
            .contains(&("X-Content-Type-Options".into(), "nosniff".into())));
    }

    #[test]
    fn patterns_match_as_static_hosts_do() {
        assert!(matches("/*", "/a/b.js"));
        assert!(matches("/", "/"));
        assert!(!matches("/", "/index.html"));
        assert!(matches("/*.js", "/app.js"));
        assert!(!matches("/*.js", "/app.json"));
        assert!(matches("/a/*/c", "/a/b/c"));
        assert!(!matches("/index.html", "/index.html.bak"));
    }
}
