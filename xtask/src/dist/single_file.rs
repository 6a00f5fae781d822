//! The single file: www/index.html with its stylesheet, scripts and packed wasm inline, minified,
//! under a Content-Security-Policy that allows exactly those inline parts by hash, and the check
//! that it loads nothing from outside itself.

use super::tags::scan;
use super::{GLUE_FILE, WASM_ELEMENT_ID};
use crate::util::{self, command, root, Result};
use sha2::Digest;
use std::path::{Path, PathBuf};

/// The page with its stylesheet and scripts inlined, the wasm (`packed_wasm`, compressed and in
/// base64) before the glue, and a Content-Security-Policy that allows exactly those inline
/// scripts and that style by hash. Gives the page and its policy.
pub(super) fn single_file(
    index: &str,
    www: &Path,
    style: &str,
    glue: &str,
    packed_wasm: &str,
) -> Result<(String, String)> {
    let mut html = String::with_capacity(index.len() + packed_wasm.len() + glue.len() + 4096);
    let mut copied = 0;
    let mut glue_inlined = false;
    let mut scripts = Vec::new();
    let mut styles = Vec::new();
    for tag in scan(index) {
        let replacement = match tag.name.as_str() {
            "link"
                if !tag.closing
                    && tag
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("stylesheet")) =>
            {
                if tag.attr("href") != Some("style.css") {
                    return Err(format!(
                        "www/index.html links the stylesheet {:?}; the single-file build inlines \
                         only style.css",
                        tag.attr("href")
                    ));
                }
                if style.to_ascii_lowercase().contains("</style") {
                    return Err(
                        "www/style.css contains `</style`, which would end the inline <style>"
                            .into(),
                    );
                }
                let css = format!("\n{}", ensure_newline(&minified(style, "css")?));
                styles.push(css.clone());
                format!("<style>{css}</style>")
            }
            // A data block (the prebuilt parts as text) is never run: it stays as it is.
            "script" if tag.attr("type") == Some("text/plain") => continue,
            "script" if !tag.closing => {
                let Some(src) = tag.attr("src") else {
                    return Err(
                        "www/index.html has an inline script; put it in a file of www/ so that \
                         the site's Content-Security-Policy allows it"
                            .into(),
                    );
                };
                if tag
                    .attr("type")
                    .is_some_and(|kind| kind != "text/javascript")
                {
                    return Err(format!(
                        "www/index.html loads {src} as a module or other type; the page uses \
                         classic scripts only, which also run in sandboxed frames"
                    ));
                }
                let (prefix, code) = if src == GLUE_FILE {
                    glue_inlined = true;
                    (
                        format!(
                            "<script type=\"application/octet-stream\" id=\"{WASM_ELEMENT_ID}\">{packed_wasm}</script>\n"
                        ),
                        glue.to_string(),
                    )
                } else {
                    (String::new(), util::read_text(&local_file(www, src)?)?)
                };
                for forbidden in ["import(", "importScripts"] {
                    if code.contains(forbidden) {
                        return Err(format!(
                            "www/{src} uses `{forbidden}`, which would load something from outside the single file"
                        ));
                    }
                }
                let code = format!(
                    "\n{}",
                    ensure_newline(&escape_script(&minified(&code, "js")?))
                );
                scripts.push(code.clone());
                format!("{prefix}<script>{code}</script>")
            }
            _ => continue,
        };
        html.push_str(&index[copied..tag.start]);
        html.push_str(&replacement);
        copied = tag.element_end;
    }
    html.push_str(&index[copied..]);
    if !glue_inlined {
        return Err(format!(
            "www/index.html does not load the wasm-bindgen glue with <script src=\"{GLUE_FILE}\">"
        ));
    }
    let policy = single_file_policy(&scripts, &styles);
    Ok((with_policy(&html, &policy)?, policy))
}

/// `code` minified by esbuild (xtask/minify.mjs) as `loader` ("js" or "css") says: the single
/// file is read as a whole before anything shows, so its scripts and styles carry no comments
/// or indentation (the site keeps them as written, for reading).
fn minified(code: &str, loader: &str) -> Result<String> {
    use std::io::Write;
    use std::process::Stdio;
    let mut minify = command("node");
    minify
        .arg(root().join("xtask/minify.mjs"))
        .arg(loader)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let described = util::describe(&minify);
    let failed = |error: &dyn std::fmt::Display| format!("{described} failed: {error}");
    let mut child = minify.spawn().map_err(|error| failed(&error))?;
    // esbuild reads all its input before it writes, so writing first cannot block on a full
    // output pipe.
    child
        .stdin
        .take()
        .ok_or("the minifier's input was not piped")?
        .write_all(code.as_bytes())
        .map_err(|error| failed(&error))?;
    let output = child.wait_with_output().map_err(|error| failed(&error))?;
    if !output.status.success() {
        return Err(failed(&output.status));
    }
    String::from_utf8(output.stdout).map_err(|error| failed(&error))
}

/// The single file's policy: the site's, with the hash of each inline script and style in place
/// of `'self'`, and nothing to fetch or connect to.
fn single_file_policy(scripts: &[String], styles: &[String]) -> String {
    let hashes = |texts: &[String]| {
        texts
            .iter()
            .map(|text| sha256_source(text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data: blob:; \
         frame-src 'self'; base-uri 'none'; form-action 'none'",
        hashes(scripts),
        hashes(styles)
    )
}

/// The policy's source that allows an inline script or style whose text is `text`.
pub(crate) fn sha256_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        util::base64(&sha2::Sha256::digest(text.as_bytes()))
    )
}

/// Puts the policy in a `<meta>` right after `<meta charset>`, before anything it governs.
fn with_policy(html: &str, policy: &str) -> Result<String> {
    let charset = "<meta charset=\"utf-8\">";
    let at = html
        .find(charset)
        .ok_or("www/index.html must start its <head> with <meta charset=\"utf-8\">")?
        + charset.len();
    Ok(format!(
        "{}\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">{}",
        &html[..at],
        &html[at..]
    ))
}

pub(crate) fn ensure_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

/// A file of www/ named by a relative URL in the page.
fn local_file(www: &Path, url: &str) -> Result<PathBuf> {
    let relative = url.trim_start_matches("./");
    let is_local = !relative.is_empty()
        && !relative.contains(':')
        && !relative.starts_with('/')
        && !relative.contains('?')
        && !relative.contains('#')
        && relative.split('/').all(|part| part != "..");
    let path = www.join(relative);
    if is_local && path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "www/index.html refers to `{url}`, which is not a file in www/"
        ))
    }
}

/// In a script element, `</script` would end it early: `<\/script` means the same in JavaScript.
pub(crate) fn escape_script(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.to_ascii_lowercase().find("</script") {
        out.push_str(&rest[..at]);
        out.push_str("<\\/");
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// Fails unless the page loads nothing from outside itself: no attribute that names another
/// file or address, no stylesheet `url(…)` or `@import` of one, no module imports.
pub(super) fn check_self_contained(html: &str) -> Result {
    const URL_ATTRIBUTES: &[&str] = &[
        "src",
        "href",
        "srcset",
        "poster",
        "action",
        "formaction",
        "data",
        "background",
        "manifest",
        "xlink:href",
        "ping",
        "longdesc",
        "cite",
    ];
    let is_inline = |url: &str| {
        let url = url.trim();
        url.is_empty() || url.starts_with('#') || url.to_ascii_lowercase().starts_with("data:")
    };
    let mut problems = Vec::new();
    let mut has_wasm = false;
    for tag in scan(html) {
        if tag.closing {
            continue;
        }
        for (key, value) in &tag.attrs {
            if URL_ATTRIBUTES.contains(&key.as_str()) && !is_inline(value) {
                problems.push(format!("<{} {key}=\"{value}\">", tag.name));
            }
            if key == "style" {
                problems.extend(
                    css_references(value)
                        .into_iter()
                        .map(|url| format!("style=\"…url({url})…\"")),
                );
            }
        }
        if tag.name == "meta"
            && tag
                .attr("http-equiv")
                .is_some_and(|value| value.eq_ignore_ascii_case("refresh"))
        {
            problems.push("<meta http-equiv=\"refresh\">".into());
        }
        let Some((text_start, text_end)) = tag.raw_text else {
            continue;
        };
        let text = &html[text_start..text_end];
        match (tag.name.as_str(), tag.attr("type")) {
            ("style", _) => problems.extend(
                css_references(text)
                    .into_iter()
                    .map(|url| format!("<style> url({url})")),
            ),
            ("script", Some("application/octet-stream"))
                if tag.attr("id") == Some(WASM_ELEMENT_ID) =>
            {
                has_wasm = text.trim().len() > 8;
            }
            // The prebuilt parts' data block is text, never run.
            ("script", Some("text/plain")) => {}
            ("script", kind) => {
                // Inline scripts are fine as long as they load nothing: no module imports (static
                // ones only exist in modules), no dynamic import().
                let module = kind == Some("module");
                for line in text.lines() {
                    let line = line.trim_start();
                    let static_import = line.starts_with("import ") || line.starts_with("import{");
                    if (module && static_import) || line.contains("import(") {
                        problems.push(format!("module import: `{}`", line.trim()));
                    }
                }
                if kind == Some("importmap") {
                    problems.push("an import map".into());
                }
            }
            _ => {}
        }
    }
    if !has_wasm {
        problems.push(format!(
            "no inline wasm in <script id=\"{WASM_ELEMENT_ID}\">"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "dist/ict-explorer.html is not self-contained:\n  {}",
            problems.join("\n  ")
        ))
    }
}

/// The `url(…)` and `@import` targets in CSS that are not data: URLs.
fn css_references(css: &str) -> Vec<String> {
    let lower = css.to_ascii_lowercase();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices("url(") {
        let rest = &css[at + 4..];
        let url = rest[..rest.find(')').unwrap_or(rest.len())]
            .trim()
            .trim_matches(|ch| ch == '"' || ch == '\'');
        if !url.to_ascii_lowercase().starts_with("data:") && !url.starts_with('#') {
            found.push(url.to_string());
        }
    }
    for (at, _) in lower.match_indices("@import") {
        found.push(css[at..].lines().next().unwrap_or_default().to_string());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_hashes_exactly_the_inline_code_and_comes_first() {
        let policy = single_file_policy(&["a();\n".into()], &["p { }\n".into()]);
        let hash = |text: &str| util::base64(&sha2::Sha256::digest(text.as_bytes()));
        assert!(
            policy.contains(&format!(
                "script-src 'sha256-{}' 'wasm-unsafe-eval'",
                hash("a();\n")
            )),
            "{policy}"
        );
        assert!(
            policy.contains(&format!("style-src 'sha256-{}';", hash("p { }\n"))),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline") && policy.starts_with("default-src 'none'"));
        let page =
            with_policy("<head><meta charset=\"utf-8\"><style>p{}</style>", &policy).unwrap();
        let meta = page.find("Content-Security-Policy").unwrap();
        assert!(meta < page.find("<style>").unwrap());
        assert!(with_policy("<head><style>p{}</style>", &policy).is_err());
    }

    #[test]
    fn self_contained_check_names_external_references() {
        let wasm = format!("<script type=\"application/octet-stream\" id=\"{WASM_ELEMENT_ID}\">AGFzbQEAAAA=</script>");
        let good = format!("<a href=\"#top\">x</a><img src=\"data:image/png;base64,AA\">{wasm}");
        assert!(check_self_contained(&good).is_ok());
        let classic =
            format!("<script>document.documentElement.classList.add(\"js\")</script>{good}");
        assert!(check_self_contained(&classic).is_ok());
        let bad = format!("<link rel=icon href=\"favicon.ico\"><style>b {{ background: url(x.png) }}</style>{wasm}");
        let error = check_self_contained(&bad).unwrap_err();
        assert!(
            error.contains("favicon.ico") && error.contains("x.png"),
            "{error}"
        );
        assert!(check_self_contained("<p>no wasm</p>").is_err());
        let import = format!("{wasm}<script type=\"module\">\nimport x from './x.js';\n</script>");
        assert!(check_self_contained(&import).is_err());
    }

    #[test]
    fn script_text_cannot_close_its_element() {
        assert_eq!(
            escape_script("a = '</script>'; b = '</SCRIPT>'"),
            "a = '<\\/script>'; b = '<\\/SCRIPT>'"
        );
    }
}
