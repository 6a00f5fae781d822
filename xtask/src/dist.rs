//! `cargo xtask dist`: the hosted site in `dist/site/` and the single self-contained file
//! `dist/ict-explorer.html`.

use crate::ensure;
use crate::util::{self, command, root, run, shown, target_dir, Result};
use std::path::{Path, PathBuf};

/// The comment in www/index.html that the fallback tables replace.
const FALLBACK_MARKER: &str = "<!--FALLBACK-->";
/// The id of the element that carries the wasm bytes in the single file (www/app.js reads it).
const WASM_ELEMENT_ID: &str = "ict-explorer-wasm";
/// The module app.js imports the wasm-bindgen glue from.
const GLUE_MODULE: &str = "./ict_explorer.js";
const GLUE_FILE: &str = "ict_explorer.js";
const WASM_FILE: &str = "ict_explorer_bg.wasm";

/// wasm-opt settings. The features are the ones rustc enables by default for
/// wasm32-unknown-unknown and wasm-bindgen's output uses (its externref table needs
/// reference types); wasm-opt must be allowed to keep them.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--strip-debug",
    "--strip-producers",
];

/// Where the build put things.
pub struct Outputs {
    pub site: PathBuf,
    pub single_file: PathBuf,
}

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn single_file_path() -> PathBuf {
    dist_dir().join("ict-explorer.html")
}

/// Builds both outputs and prints their sizes. Expects the tools to be there (see
/// [`ensure::for_dist`]).
pub fn build() -> Result<Outputs> {
    let root = root();
    let www = root.join("www");

    run(util::cargo().args([
        "build",
        "--release",
        "--target",
        ensure::WASM_TARGET,
        "--lib",
        "-p",
        "ict-explorer",
    ]))?;
    let raw_wasm = target_dir()
        .join(ensure::WASM_TARGET)
        .join("release/ict_explorer.wasm");
    let (glue_path, wasm_path) = bindgen_and_optimise(&raw_wasm)?;
    let glue = util::read_text(&glue_path)?;
    let wasm = util::read(&wasm_path)?;

    let index = util::read_text(&www.join("index.html"))?;
    let index = with_fallback(&index)?;

    // The hosted site: www/ as it is, the page with its fallback, the glue and the wasm.
    let site = dist_dir().join("site");
    util::remove_dir(&site)?;
    util::copy_tree(&www, &site)?;
    util::write(&site.join("index.html"), &index)?;
    util::copy(&glue_path, &site.join(GLUE_FILE))?;
    util::copy(&wasm_path, &site.join(WASM_FILE))?;
    println!("  wrote {}/", shown(&site));

    // The single file.
    let html = single_file(&index, &www, &glue, &wasm)?;
    check_self_contained(&html)?;
    let single_file = single_file_path();
    util::write(&single_file, &html)?;
    println!("  wrote {}", shown(&single_file));

    println!("Sizes (gzip at level 9):");
    for (path, bytes) in [
        (single_file.clone(), html.as_bytes()),
        (site.join(WASM_FILE), &wasm[..]),
        (site.join(GLUE_FILE), glue.as_bytes()),
    ] {
        println!(
            "  {:<32} {:>10} bytes raw {:>10} bytes gzipped",
            shown(&path),
            util::thousands(bytes.len()),
            util::thousands(util::gzip_size(bytes)),
        );
    }
    Ok(Outputs { site, single_file })
}

/// Runs wasm-bindgen and wasm-opt on the release wasm, unless their output for exactly these
/// input bytes, tool versions and settings is already in target/xtask/wasm/.
fn bindgen_and_optimise(raw_wasm: &Path) -> Result<(PathBuf, PathBuf)> {
    let work = target_dir().join("xtask/wasm");
    let glue = work.join(GLUE_FILE);
    let wasm = work.join(WASM_FILE);
    let input = util::read(raw_wasm)?;
    let bindgen_version = ensure::locked_wasm_bindgen_version()?;
    let npm_lock = util::read(&root().join("package-lock.json"))?;
    let settings = WASM_OPT_ARGS.join(" ");
    let key = format!(
        "{:016x}\n",
        util::fnv1a(&[
            &input,
            bindgen_version.as_bytes(),
            &npm_lock,
            settings.as_bytes()
        ])
    );
    let stamp = work.join("stamp");
    if std::fs::read_to_string(&stamp).is_ok_and(|old| old == key) && glue.exists() && wasm.exists()
    {
        println!(
            "  wasm-bindgen and wasm-opt output is up to date ({})",
            shown(&work)
        );
        return Ok((glue, wasm));
    }
    util::remove_dir(&work)?;
    let bindgen_dir = work.join("bindgen");
    run(command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&bindgen_dir)
        .arg(raw_wasm))?;
    for file in [GLUE_FILE, WASM_FILE] {
        if !bindgen_dir.join(file).exists() {
            return Err(format!(
                "wasm-bindgen did not write {file} into {}; did its output names change?",
                shown(&bindgen_dir)
            ));
        }
    }
    run(command("node")
        .arg(ensure::wasm_opt_script())
        .args(WASM_OPT_ARGS)
        .arg(bindgen_dir.join(WASM_FILE))
        .arg("-o")
        .arg(&wasm))?;
    util::copy(&bindgen_dir.join(GLUE_FILE), &glue)?;
    util::write(&stamp, key)?;
    Ok((glue, wasm))
}

/// www/index.html with the fallback tables in place of the marker.
fn with_fallback(index: &str) -> Result<String> {
    match index.matches(FALLBACK_MARKER).count() {
        1 => Ok(index.replace(
            FALLBACK_MARKER,
            &(ict_explorer::html::fallback_tables() + &ict_explorer::html::prebuilt_parts()),
        )),
        n => Err(format!(
            "www/index.html must contain the marker {FALLBACK_MARKER} exactly once (found {n}); \
             the fallback tables and the prebuilt audit lists go there"
        )),
    }
}

/// The page with its stylesheets inlined, the wasm as base64 and one module script holding the
/// wasm-bindgen glue and app.js.
fn single_file(index: &str, www: &Path, glue: &str, wasm: &[u8]) -> Result<String> {
    let mut html = String::with_capacity(index.len() + wasm.len() * 4 / 3 + glue.len() + 4096);
    let mut copied = 0;
    let mut scripts = 0;
    for tag in scan(index) {
        let replacement = match tag.name.as_str() {
            "link"
                if !tag.closing
                    && tag
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("stylesheet")) =>
            {
                let href = tag.attr("href").unwrap_or_default();
                let css = util::read_text(&local_file(www, href)?)?;
                if css.to_ascii_lowercase().contains("</style") {
                    return Err(format!(
                        "www/{href} contains `</style`, which would end the inline <style>"
                    ));
                }
                format!("<style>\n{}</style>", ensure_newline(&css))
            }
            "script" if !tag.closing && tag.attr("src").is_some() => {
                let src = tag.attr("src").unwrap_or_default();
                if tag.attr("type") != Some("module") {
                    return Err(format!(
                        "www/index.html loads {src} as a classic script; the single-file build \
                         inlines only <script type=\"module\">"
                    ));
                }
                let app = util::read_text(&local_file(www, src)?)?;
                if !app.contains(WASM_ELEMENT_ID) {
                    return Err(format!(
                        "www/{src} does not read the element #{WASM_ELEMENT_ID}, so the single file \
                         would fetch the wasm instead of using the inline copy"
                    ));
                }
                scripts += 1;
                let module = bundle(glue, &app, src)?;
                format!(
                    "<script type=\"application/octet-stream\" id=\"{WASM_ELEMENT_ID}\">{}</script>\n\
                     <script type=\"module\">\n{}</script>",
                    util::base64(wasm),
                    ensure_newline(&escape_script(&module))
                )
            }
            _ => continue,
        };
        html.push_str(&index[copied..tag.start]);
        html.push_str(&replacement);
        copied = tag.element_end;
    }
    html.push_str(&index[copied..]);
    if scripts != 1 {
        return Err(format!(
            "expected www/index.html to load exactly one module script (app.js) with \
             <script type=\"module\" src=…>, found {scripts}"
        ));
    }
    Ok(html)
}

fn ensure_newline(text: &str) -> String {
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
fn escape_script(js: &str) -> String {
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

/// The wasm-bindgen glue and app.js as one module: the glue with its `export`s removed, then
/// app.js without its import of the glue, in a block of its own so that its top-level names
/// cannot clash with the glue's. The glue's default export (the init function) gets the local
/// name app.js imported it under.
///
/// Fails when the glue or app.js does not look as expected, so that a wasm-bindgen upgrade or a
/// new import cannot silently break the single file.
pub fn bundle(glue: &str, app: &str, app_name: &str) -> Result<String> {
    let glue = strip_exports(glue)?;
    let mut body = String::new();
    let mut prelude = String::new();
    let mut found_import = false;
    let mut lines = app.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let is_import = trimmed.starts_with("import ") || trimmed.starts_with("import{");
        if !is_import {
            body.push_str(line);
            body.push('\n');
            continue;
        }
        // An import statement, possibly over several lines: read to its `;`.
        let mut statement = trimmed.to_string();
        while !statement.trim_end().ends_with(';') {
            match lines.next() {
                Some(next) => {
                    statement.push(' ');
                    statement.push_str(next.trim());
                }
                None => {
                    return Err(format!(
                        "{app_name}: unterminated import statement `{statement}`"
                    ))
                }
            }
        }
        let import = parse_import(&statement)
            .ok_or_else(|| format!("{app_name}: cannot read the import statement `{statement}`"))?;
        if import.module != GLUE_MODULE {
            return Err(format!(
                "{app_name} imports `{}`; the single-file build can only inline `{GLUE_MODULE}`",
                import.module
            ));
        }
        found_import = true;
        if let Some(local) = import.default {
            prelude.push_str(&format!("const {local} = {};\n", glue.default_export));
        }
        for (name, local) in import.named {
            if !glue.exports.contains(&name) {
                return Err(format!(
                    "{app_name} imports `{name}` from {GLUE_MODULE}, which the glue does not export \
                     (it exports {})",
                    glue.exports.join(", ")
                ));
            }
            if local != name {
                prelude.push_str(&format!("const {local} = {name};\n"));
            }
        }
    }
    if !found_import {
        return Err(format!(
            "{app_name} does not import {GLUE_MODULE} with an `import … from '{GLUE_MODULE}';` line"
        ));
    }
    for forbidden in ["import(", "fetch(", "XMLHttpRequest", "importScripts"] {
        if body.contains(forbidden) {
            return Err(format!(
                "{app_name} uses `{forbidden}`, which would load something from outside the single file"
            ));
        }
    }
    Ok(format!(
        "// wasm-bindgen glue ({GLUE_FILE}), exports removed\n{}\n// {app_name}\n{{\n{prelude}{body}}}\n",
        glue.code
    ))
}

struct Glue {
    code: String,
    /// The name of the function the glue exports as default (`__wbg_init`).
    default_export: String,
    /// Every name the glue exports, by its own name.
    exports: Vec<String>,
}

/// Removes the `export` keywords from the glue and its `export { … as default };` list.
fn strip_exports(glue: &str) -> Result<Glue> {
    let mut code = String::with_capacity(glue.len());
    let mut exports = Vec::new();
    let mut default_export = None;
    for line in glue.lines() {
        if line.starts_with("import ") {
            return Err(format!(
                "the wasm-bindgen glue imports another module (`{line}`), which the single-file \
                 build cannot inline"
            ));
        }
        let Some(rest) = line.strip_prefix("export ") else {
            if line.trim_start().starts_with("export ") {
                return Err(format!(
                    "unexpected indented export in the wasm-bindgen glue: `{line}`"
                ));
            }
            code.push_str(line);
            code.push('\n');
            continue;
        };
        if let Some(list) = rest.strip_prefix('{') {
            let list = list.trim_end().strip_suffix("};").ok_or_else(|| {
                format!("unexpected export list in the wasm-bindgen glue: `{line}`")
            })?;
            for item in list
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
            {
                match item.split_once(" as ") {
                    Some((name, "default")) => default_export = Some(name.trim().to_string()),
                    Some((_, alias)) => exports.push(alias.trim().to_string()),
                    None => exports.push(item.to_string()),
                }
            }
            continue;
        }
        let declaration = [
            "class ",
            "function ",
            "async function ",
            "const ",
            "let ",
            "var ",
        ]
        .iter()
        .find_map(|keyword| rest.strip_prefix(keyword));
        let Some(declared) = declaration else {
            return Err(format!(
                "unexpected export in the wasm-bindgen glue: `{line}`"
            ));
        };
        let name: String = declared
            .chars()
            .take_while(|ch| ch.is_alphanumeric() || *ch == '_' || *ch == '$')
            .collect();
        exports.push(name);
        code.push_str(rest);
        code.push('\n');
    }
    let default_export = default_export.ok_or(
        "the wasm-bindgen glue has no `export { …, __wbg_init as default };` line; \
         did a wasm-bindgen upgrade change its output?",
    )?;
    Ok(Glue {
        code,
        default_export,
        exports,
    })
}

struct Import {
    default: Option<String>,
    /// (imported name, local name)
    named: Vec<(String, String)>,
    module: String,
}

/// Reads `import a, { b, c as d } from './m.js';` (default and named imports only).
fn parse_import(statement: &str) -> Option<Import> {
    let rest = statement.strip_prefix("import")?.trim();
    let (clause, module) = rest.rsplit_once(" from ")?;
    let module = module.trim().trim_end_matches(';').trim();
    let module = module
        .strip_prefix('\'')
        .and_then(|m| m.strip_suffix('\''))
        .or_else(|| module.strip_prefix('"').and_then(|m| m.strip_suffix('"')))?;
    let clause = clause.trim();
    let (default, named) = match clause.find('{') {
        Some(open) => {
            let default = clause[..open].trim().trim_end_matches(',').trim();
            let close = clause.rfind('}')?;
            (default, &clause[open + 1..close])
        }
        None => (clause, ""),
    };
    let is_name = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$')
    };
    if !default.is_empty() && !is_name(default) {
        return None; // e.g. `* as glue`
    }
    let mut pairs = Vec::new();
    for item in named
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
    {
        let (name, local) = match item.split_once(" as ") {
            Some((name, local)) => (name.trim(), local.trim()),
            None => (item, item),
        };
        if !is_name(name) || !is_name(local) {
            return None;
        }
        pairs.push((name.to_string(), local.to_string()));
    }
    Some(Import {
        default: (!default.is_empty()).then(|| default.to_string()),
        named: pairs,
        module: module.to_string(),
    })
}

/// One tag of an HTML document.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
    /// Where the tag starts (`<`).
    start: usize,
    /// Where the element ends: after the tag, or for `<script>` and `<style>` after their
    /// closing tag.
    element_end: usize,
    /// For `<script>` and `<style>`: their text.
    raw_text: Option<(usize, usize)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The tags of an HTML document, skipping comments and the text of scripts and styles.
/// Enough HTML for our own pages, not a general parser.
fn scan(html: &str) -> Vec<Tag> {
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

/// Fails unless the page loads nothing from outside itself: no attribute that names another
/// file or address, no stylesheet `url(…)` or `@import` of one, no module imports.
fn check_self_contained(html: &str) -> Result {
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

    const GLUE: &str = "let wasm;\n\
        export class App {\n    free() {}\n}\n\
        export function helper() {}\n\
        function initSync(module) {}\n\
        async function __wbg_init(module_or_path) {}\n\
        export { initSync, __wbg_init as default };\n";

    #[test]
    fn bundle_strips_exports_and_binds_the_default_import() {
        let app = "// wiring\nimport init, { App } from './ict_explorer.js';\nasync function start() { await init({}); new App(); }\nstart();\n";
        let module = bundle(GLUE, app, "app.js").unwrap();
        assert!(!module
            .lines()
            .any(|line| line.trim_start().starts_with("export")));
        assert!(!module
            .lines()
            .any(|line| line.trim_start().starts_with("import")));
        assert!(module.contains("class App {"));
        assert!(module.contains("const init = __wbg_init;"));
        assert!(module.contains("start();"));
    }

    #[test]
    fn bundle_handles_aliases_and_multi_line_imports() {
        let app = "import start, {\n  App as Explorer,\n  helper,\n} from \"./ict_explorer.js\";\nstart();\n";
        let module = bundle(GLUE, app, "app.js").unwrap();
        assert!(module.contains("const start = __wbg_init;"));
        assert!(module.contains("const Explorer = App;"));
        assert!(!module.contains("const helper"));
    }

    #[test]
    fn bundle_refuses_what_it_cannot_inline() {
        let other_module = "import init from './ict_explorer.js';\nimport x from './other.js';\n";
        assert!(bundle(GLUE, other_module, "app.js")
            .unwrap_err()
            .contains("./other.js"));
        let unknown_name = "import { Missing } from './ict_explorer.js';\n";
        assert!(bundle(GLUE, unknown_name, "app.js")
            .unwrap_err()
            .contains("Missing"));
        let no_import = "start();\n";
        assert!(bundle(GLUE, no_import, "app.js").is_err());
        let fetches = "import init from './ict_explorer.js';\nfetch('data.json');\n";
        assert!(bundle(GLUE, fetches, "app.js")
            .unwrap_err()
            .contains("fetch("));
        let no_default = GLUE.replace("export { initSync, __wbg_init as default };\n", "");
        assert!(bundle(
            &no_default,
            "import init from './ict_explorer.js';\n",
            "app.js"
        )
        .unwrap_err()
        .contains("as default"));
        let snippet = format!("import * as s from './snippets/x.js';\n{GLUE}");
        assert!(bundle(
            &snippet,
            "import init from './ict_explorer.js';\n",
            "app.js"
        )
        .is_err());
    }

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
