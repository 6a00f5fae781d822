//! The crate's layers, held by a test: no module imports from a higher layer, and no import
//! circle joins two modules, so that a newcomer can read the code from the data up.
//!
//! The layers are the numbered list under "## Layers" in `ARCHITECTURE.md`, lowest first; the
//! test reads them from there, so the document and the rule cannot differ. Every import of a
//! crate module is read from the source (`use crate::…`, `use super::…`, a child module's name,
//! and `crate::…`/`super::…` paths in code), followed through the re-exports (`pub use`) of the
//! module it names to the file that defines the item, and read as an arrow between the two
//! sibling modules that hold its ends: `view/plots/tables.rs` importing `view::state::State`
//! is the arrow `view::plots → view::state`, `html/quality.rs` importing `checks::Claim` is
//! `html → checks`. A module and the modules inside it (a `mod.rs` and its files) may use each
//! other freely: the parent declares its children and the children share its types.

mod imports;
#[cfg(test)]
mod proof;

use imports::{arrows, module_of, Arrow};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Arrows still allowed, each with the words for it and the item that removes it. An arrow
/// listed here that no longer breaks a rule fails the test, so the list cannot outlive its
/// reason. Empty since issue 14 merged the audit and the claims into one `checks` module.
const KNOWN_EXCEPTIONS: &[Exception] = &[];

/// An arrow the rules allow for now.
struct Exception {
    from: &'static str,
    to: &'static str,
    why: &'static str,
    removed_by: &'static str,
}

#[test]
fn no_module_imports_upward_and_no_imports_go_round_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = layers_from(&architecture()).unwrap_or_else(|problem| panic!("{problem}"));
    let files = source_files(&root.join("src"));
    let report = check(&files, &layers, KNOWN_EXCEPTIONS);
    println!(
        "{} files in {} layers, {} imports between sibling modules; {} circles, {} upward imports",
        files.len(),
        layers.len(),
        report.arrows,
        report.circles,
        report.upward
    );
    assert!(
        report.problems.is_empty(),
        "The code's layers are broken (see ARCHITECTURE.md, \"Layers\"):\n{}",
        report.problems.join("\n")
    );
}

#[test]
fn only_the_browser_glue_knows_the_browser() {
    // ARCHITECTURE.md's first invariant: everything but `src/web/` builds and is tested
    // natively, so no other file may name the browser's crates.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for (file, text) in source_files(&root.join("src")) {
        if file.starts_with("src/web/") {
            continue;
        }
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in browser_names(code) {
                problems.push(format!("{file}:{}: `{name}`", number + 1));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "Code outside src/web/ names the browser's crates, so it no longer builds natively:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_code_map_has_one_entry_per_module() {
    // ARCHITECTURE.md's code map is a map: one entry per top-level module of the crate, so that a
    // newcomer finds any file one hop from it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = architecture();
    let map = section(&architecture, "Code map")
        .expect("ARCHITECTURE.md has no \"## Code map\" section, which this test reads");
    let entries: Vec<&str> = map
        .lines()
        .filter_map(|line| line.strip_prefix("- `"))
        .filter_map(|line| line.split('`').next())
        .collect();
    let mut problems = Vec::new();
    for (file, _) in source_files(&root.join("src")) {
        let module = match file.trim_start_matches("src/").split_once('/') {
            Some((folder, _)) => format!("src/{folder}/"),
            None => file.clone(),
        };
        if file != "src/lib.rs"
            && !entries.contains(&module.as_str())
            && !problems.contains(&module)
        {
            problems.push(module);
        }
    }
    let twice: Vec<&&str> = entries
        .iter()
        .filter(|entry| entries.iter().filter(|other| other == entry).count() > 1)
        .collect();
    assert!(
        problems.is_empty() && twice.is_empty(),
        "ARCHITECTURE.md's code map should have one entry per module: missing {problems:?}, more than once {twice:?}"
    );
}

/// ARCHITECTURE.md, which states the layers and the code map these tests hold the code to.
fn architecture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    std::fs::read_to_string(path).expect("ARCHITECTURE.md should be readable")
}

/// The text of the markdown section under the heading `## {name}`, up to the next such heading.
fn section<'a>(markdown: &'a str, name: &str) -> Option<&'a str> {
    markdown
        .split("\n## ")
        .find(|section| section.starts_with(name))
}

/// The browser's crates a line of code names.
fn browser_names(code: &str) -> Vec<&'static str> {
    ["web_sys", "js_sys", "wasm_bindgen"]
        .into_iter()
        .filter(|name| code.contains(name))
        .collect()
}

/// The layers: each a list of the crate's top-level modules, lowest first.
type Layers = Vec<Vec<String>>;

/// Reads the numbered list that follows the "## Layers" heading: one line per layer, whose
/// back-quoted words are its modules (`src/` and a trailing `/` are dropped).
fn layers_from(markdown: &str) -> Result<Layers, String> {
    let section = section(markdown, "Layers")
        .ok_or("ARCHITECTURE.md has no \"## Layers\" section, which the layering test reads")?;
    let mut layers = Vec::new();
    for line in section.lines() {
        let trimmed = line.trim_start();
        let numbered = trimmed.split_once(". ").is_some_and(|(number, _)| {
            !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
        });
        if !numbered {
            continue;
        }
        let modules: Vec<String> = trimmed
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|name| {
                name.trim_start_matches("src/")
                    .trim_end_matches('/')
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .collect();
        if !modules.is_empty() {
            layers.push(modules);
        }
    }
    if layers.is_empty() {
        return Err("ARCHITECTURE.md's \"Layers\" section lists no layers".to_string());
    }
    Ok(layers)
}

/// Every `.rs` file under `src/` but the command-line program in `src/bin/`, which is a
/// crate of its own, as (path from the crate's root, text).
fn source_files(src: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ should be readable") {
            let path = entry.expect("src/ should be readable").path();
            let relative = path
                .strip_prefix(src.parent().expect("src/ has a parent"))
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                if relative != "src/bin" {
                    folders.push(path);
                }
            } else if relative.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).expect("source should be readable");
                files.push((relative, text));
            }
        }
    }
    files.sort();
    files
}

/// What the check found.
struct Report {
    problems: Vec<String>,
    arrows: usize,
    circles: usize,
    upward: usize,
}

fn check(files: &[(String, String)], layers: &Layers, exceptions: &[Exception]) -> Report {
    let arrows = arrows(files);
    let excepted = |arrow: &Arrow, skip: Option<usize>| {
        exceptions.iter().enumerate().any(|(index, exception)| {
            Some(index) != skip && exception.from == arrow.from && exception.to == arrow.to
        })
    };
    let judge = |skip: Option<usize>| {
        let kept: Vec<&Arrow> = arrows
            .iter()
            .filter(|arrow| !excepted(arrow, skip))
            .collect();
        // An arrow between layers that points up is reported as such; the circles are those
        // left among the modules of one layer and the files of one module.
        let level: Vec<&Arrow> = kept
            .iter()
            .copied()
            .filter(|arrow| !points_up(arrow, layers))
            .collect();
        (upward(&kept, layers), circles(&level))
    };
    let ((upward_problems, unlisted), circle_problems) = judge(None);
    let mut problems = unlisted;
    let upward = upward_problems.len();
    let circles = circle_problems.len();
    problems.extend(upward_problems);
    problems.extend(circle_problems);
    for (index, exception) in exceptions.iter().enumerate() {
        let ((without_upward, _), without_circles) = judge(Some(index));
        if without_upward.len() + without_circles.len() == upward + circles {
            problems.push(format!(
                "The known exception {} → {} is no longer needed (it was: {} It was to be removed by {}); delete it from KNOWN_EXCEPTIONS in tests/layers/main.rs.",
                exception.from, exception.to, exception.why, exception.removed_by
            ));
        }
    }
    let modules: BTreeSet<&str> = files
        .iter()
        .filter_map(|(path, _)| module_of(path).into_iter().next())
        .collect();
    let listed: BTreeSet<&str> = layers.iter().flatten().map(String::as_str).collect();
    for module in listed.difference(&modules) {
        problems.push(format!(
            "ARCHITECTURE.md's layers name `{module}`, which is not a module in src/."
        ));
    }
    let mut seen = BTreeSet::new();
    for module in layers.iter().flatten() {
        if !seen.insert(module) {
            problems.push(format!("ARCHITECTURE.md's layers name `{module}` twice."));
        }
    }
    Report {
        problems,
        arrows: arrows.len(),
        circles,
        upward,
    }
}

/// An arrow between top-level modules that goes from a lower layer to a higher one, one
/// problem per arrow; and, apart, each top-level module in no layer.
fn upward(arrows: &[&Arrow], layers: &Layers) -> (Vec<String>, Vec<String>) {
    let layer_of = |module: &str| layer_of(module, layers);
    let mut problems = Vec::new();
    let mut unlisted = BTreeSet::new();
    for arrow in arrows.iter().filter(|arrow| !arrow.from.contains("::")) {
        match (layer_of(&arrow.from), layer_of(&arrow.to)) {
            (Some(from), Some(to)) if from < to => problems.push(format!(
                "{}:{}: `{}` imports `{}` upward: {} → {} (layer {} → layer {}).",
                arrow.file,
                arrow.line,
                arrow.written,
                arrow.to,
                arrow.from,
                arrow.to,
                from + 1,
                to + 1
            )),
            (Some(_), Some(_)) => {}
            (from, to) => {
                for (layer, module) in [(from, &arrow.from), (to, &arrow.to)] {
                    if layer.is_none() {
                        unlisted.insert(format!(
                            "`{module}` is in no layer: add it to the list under \"## Layers\" in ARCHITECTURE.md."
                        ));
                    }
                }
            }
        }
    }
    (problems, unlisted.into_iter().collect())
}

fn layer_of(module: &str, layers: &Layers) -> Option<usize> {
    layers
        .iter()
        .position(|layer| layer.iter().any(|m| m == module))
}

/// Whether an arrow between top-level modules goes from a lower layer to a higher one.
fn points_up(arrow: &Arrow, layers: &Layers) -> bool {
    !arrow.from.contains("::")
        && matches!(
            (layer_of(&arrow.from, layers), layer_of(&arrow.to, layers)),
            (Some(from), Some(to)) if from < to
        )
}

/// Each circle of arrows (a strongly connected set of sibling modules), with the arrows
/// that make it.
fn circles(arrows: &[&Arrow]) -> Vec<String> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for arrow in arrows {
        next.entry(&arrow.from).or_default().insert(&arrow.to);
        next.entry(&arrow.to).or_default();
    }
    let reaches = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for &following in &next[node] {
                if seen.insert(following) {
                    stack.push(following);
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&str, BTreeSet<&str>> =
        next.keys().map(|&node| (node, reaches(node))).collect();
    let mut placed = BTreeSet::new();
    let mut problems = Vec::new();
    for &node in next.keys() {
        if placed.contains(node) || !reach[node].contains(node) {
            continue;
        }
        let circle: BTreeSet<&str> = reach[node]
            .iter()
            .copied()
            .filter(|other| reach[other].contains(node))
            .collect();
        placed.extend(circle.iter().copied());
        let lines: Vec<String> = arrows
            .iter()
            .filter(|arrow| {
                circle.contains(arrow.from.as_str()) && circle.contains(arrow.to.as_str())
            })
            .map(|arrow| {
                format!(
                    "  {}:{}: `{}`: {} → {}",
                    arrow.file, arrow.line, arrow.written, arrow.from, arrow.to
                )
            })
            .collect();
        problems.push(format!(
            "An import circle joins {}:\n{}",
            circle.into_iter().collect::<Vec<_>>().join(", "),
            lines.join("\n")
        ));
    }
    problems
}
