//! Reading the crate's imports: the source's tokens without comments and strings, `use`
//! trees, paths in code, re-exports followed to the file that defines an item, and each
//! import as an arrow between the two sibling modules that hold its ends.

use std::collections::{BTreeMap, BTreeSet};

/// One import read as an arrow between two sibling modules.
#[derive(Clone)]
pub(crate) struct Arrow {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) written: String,
}

/// A file's module path: `src/view/plots/mod.rs` is `["view", "plots"]`, `src/lib.rs` `[]`.
pub(crate) fn module_of(path: &str) -> Vec<&str> {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut segments: Vec<&str> = inner.split('/').collect();
    if matches!(segments.last(), Some(&"mod") | Some(&"lib")) {
        segments.pop();
    }
    segments
}

/// Every import of one crate module by another, as arrows between siblings.
pub(crate) fn arrows(files: &[(String, String)]) -> Vec<Arrow> {
    let modules: BTreeMap<Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(index, (path, _))| (owned(&module_of(path)), index))
        .collect();
    let parsed: Vec<Vec<Import>> = files
        .iter()
        .map(|(path, text)| imports(&owned(&module_of(path)), text, &modules))
        .collect();
    // What each module's `use`s bind, by name, to follow re-exports.
    let bindings: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>> = files
        .iter()
        .zip(&parsed)
        .map(|((path, _), imports)| {
            let names = imports
                .iter()
                .filter_map(|import| Some((import.binds.clone()?, import.target.clone())))
                .collect();
            (owned(&module_of(path)), names)
        })
        .collect();
    let defined: BTreeMap<Vec<String>, BTreeSet<String>> = files
        .iter()
        .map(|(path, text)| (owned(&module_of(path)), defined_names(text)))
        .collect();
    let mut arrows = Vec::new();
    for ((path, _), imports) in files.iter().zip(&parsed) {
        let from_module = owned(&module_of(path));
        for import in imports {
            let Some(to_module) = defining_module(&import.target, &modules, &bindings, &defined, 0)
            else {
                continue;
            };
            let common = from_module
                .iter()
                .zip(&to_module)
                .take_while(|(a, b)| a == b)
                .count();
            if common == from_module.len() || common == to_module.len() {
                continue;
            }
            arrows.push(Arrow {
                file: path.clone(),
                line: import.line,
                from: from_module[..=common].join("::"),
                to: to_module[..=common].join("::"),
                written: import.written.clone(),
            });
        }
    }
    arrows
}

fn owned(segments: &[&str]) -> Vec<String> {
    segments.iter().map(|segment| segment.to_string()).collect()
}

/// The module of the file that defines what an absolute path names, following `use`s.
fn defining_module(
    target: &[String],
    modules: &BTreeMap<Vec<String>, usize>,
    bindings: &BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
    defined: &BTreeMap<Vec<String>, BTreeSet<String>>,
    depth: usize,
) -> Option<Vec<String>> {
    let length = (0..=target.len())
        .rev()
        .find(|&length| modules.contains_key(&target[..length]))?;
    let module = target[..length].to_vec();
    let defines = |name: &String| {
        defined
            .get(&module)
            .is_some_and(|names| names.contains(name))
    };
    if length < target.len() && depth < 8 && !defines(&target[length]) {
        if let Some(bound) = bindings
            .get(&module)
            .and_then(|names| names.get(&target[length]))
        {
            let mut followed = bound.clone();
            followed.extend_from_slice(&target[length + 1..]);
            return defining_module(&followed, modules, bindings, defined, depth + 1)
                .or(Some(module));
        }
    }
    Some(module)
}

/// The names a file defines (functions, types, constants, traits), which its `use`s of
/// the same names in another namespace (`use crate::plot` beside `fn plot`) do not hide.
fn defined_names(text: &str) -> BTreeSet<String> {
    let tokens = tokens(text);
    tokens
        .windows(2)
        .filter_map(|pair| match (&pair[0].0, &pair[1].0) {
            (Token::Word(keyword), Token::Word(name))
                if matches!(
                    keyword.as_str(),
                    "fn" | "struct" | "enum" | "const" | "static" | "type" | "trait" | "union"
                ) =>
            {
                Some(name.clone())
            }
            _ => None,
        })
        .collect()
}

/// One import of a crate path, resolved to an absolute path (without `crate`).
struct Import {
    line: usize,
    target: Vec<String>,
    /// The name a `use` binds in its module, if it is one.
    binds: Option<String>,
    written: String,
}

/// A token of source, with its line.
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Punct(char),
    PathSep,
}

/// The source's tokens, without comments, strings and characters, each with its line.
fn tokens(text: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' || (c == 'b' && next == Some('"')) {
            i += if c == 'b' { 2 } else { 1 };
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if chars.get(i) == Some(&'\n') {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
        } else if (c == 'r' || c == 'b')
            && matches!(next, Some('#') | Some('"'))
            && (c == 'r' || chars.get(i + 1) == Some(&'r'))
            && raw_string_start(&chars, i).is_some()
        {
            let (hashes, body) = raw_string_start(&chars, i).expect("checked");
            i = body;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    i += hashes + 1;
                    break;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
        } else if c == '\'' {
            // A character ('a', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Token::Word(chars[start..i].iter().collect()), line));
        } else if c == ':' && next == Some(':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push((Token::Punct(c), line));
            }
            i += 1;
        }
    }
    out
}

/// Where a raw string's text starts (after `r#"`), and its number of `#`s.
fn raw_string_start(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let mut i = start;
    if chars.get(i) == Some(&'b') {
        i += 1;
    }
    if chars.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
    i += hashes;
    (chars.get(i) == Some(&'"')).then_some((hashes, i + 1))
}

/// The crate paths a file imports or names, resolved from its module (and its inline modules).
fn imports(
    file_module: &[String],
    text: &str,
    modules: &BTreeMap<Vec<String>, usize>,
) -> Vec<Import> {
    let tokens = tokens(text);
    let word = |i: usize| match tokens.get(i) {
        Some((Token::Word(word), _)) => Some(word.as_str()),
        _ => None,
    };
    let mut found = Vec::new();
    // The inline modules (`mod tests { … }`) we are in, with the brace depth they opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let current: Vec<String> = file_module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        match &tokens[i].0 {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, opened)| *opened == depth) {
                    inline.pop();
                }
            }
            Token::Word(keyword) if keyword == "mod" => {
                if let (Some(name), Some((Token::Punct('{'), _))) = (word(i + 1), tokens.get(i + 2))
                {
                    inline.push((name.to_string(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Token::Word(keyword) if keyword == "use" => {
                let line = tokens[i].1;
                let end = (i..tokens.len())
                    .find(|&k| tokens[k].0 == Token::Punct(';'))
                    .unwrap_or(tokens.len());
                let mut leaves = Vec::new();
                use_tree(&tokens[i + 1..end], &[], &mut leaves);
                for (path, binds) in leaves {
                    if let Some(target) = resolve(&current, &path, modules) {
                        found.push(Import {
                            line,
                            written: path.join("::"),
                            target,
                            binds: (inline.is_empty()).then_some(binds).flatten(),
                        });
                    }
                }
                i = end + 1;
                continue;
            }
            Token::Word(start) if start == "crate" || start == "super" || start == "self" => {
                // A path in code: take its words while `::` joins them.
                let line = tokens[i].1;
                let mut path = vec![start.clone()];
                let mut k = i + 1;
                while tokens.get(k).map(|(token, _)| token) == Some(&Token::PathSep) {
                    match word(k + 1) {
                        Some(next) => path.push(next.to_string()),
                        None => break,
                    }
                    k += 2;
                }
                if path.len() > 1 {
                    if let Some(target) = resolve(&current, &path, modules) {
                        found.push(Import {
                            line,
                            written: path.join("::"),
                            target,
                            binds: None,
                        });
                    }
                }
                i = k;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The leaves of a `use` tree, each a path and the name it binds (`None` for `*`).
fn use_tree(
    tokens: &[(Token, usize)],
    prefix: &[String],
    leaves: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut path = prefix.to_vec();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].0 {
            Token::Word(word) if word == "as" => {
                if let Some((Token::Word(alias), _)) = tokens.get(i + 1) {
                    leaves.push((path.clone(), Some(alias.clone())));
                }
                return;
            }
            Token::Word(word)
                if word == "self" && !prefix.is_empty() && path.len() == prefix.len() =>
            {
                // `{self, …}` names the module the group is in.
                if let Some((Token::Word(alias), _)) = tokens
                    .get(i + 2)
                    .filter(|_| word_is(tokens.get(i + 1), "as"))
                {
                    leaves.push((path.clone(), Some(alias.clone())));
                } else {
                    leaves.push((path.clone(), path.last().cloned()));
                }
                return;
            }
            Token::Word(word) => path.push(word.clone()),
            Token::PathSep => {}
            Token::Punct('*') => {
                leaves.push((path.clone(), None));
                return;
            }
            Token::Punct('{') => {
                // Split the group at its top-level commas.
                let mut depth = 0;
                let mut start = i + 1;
                for k in i + 1..tokens.len() {
                    match tokens[k].0 {
                        Token::Punct('{') => depth += 1,
                        Token::Punct('}') if depth == 0 => {
                            use_tree(&tokens[start..k], &path, leaves);
                            return;
                        }
                        Token::Punct('}') => depth -= 1,
                        Token::Punct(',') if depth == 0 => {
                            use_tree(&tokens[start..k], &path, leaves);
                            start = k + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            Token::Punct(_) => return,
        }
        i += 1;
    }
    if path.len() > prefix.len() {
        let name = path.last().cloned();
        leaves.push((path, name));
    }
}

fn word_is(token: Option<&(Token, usize)>, expected: &str) -> bool {
    matches!(token, Some((Token::Word(word), _)) if word == expected)
}

/// A path written in `module` as an absolute path of the crate, or `None` if it names
/// another crate.
fn resolve(
    module: &[String],
    path: &[String],
    modules: &BTreeMap<Vec<String>, usize>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = module.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // A child module of this file's module, named without `self::`.
            let mut child = base.clone();
            child.push(first.to_string());
            if !modules.contains_key(&child) {
                return None;
            }
        }
        None => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}
