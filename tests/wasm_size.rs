//! Guards the WebAssembly's size against std features that cost kilobytes each, in the code
//! that the wasm links (everything but the native-only audit, claims check and prebuilt lists).
//! Each was measured when it was removed; a reader would wait for those bytes on every start.

use std::path::Path;

/// What the wasm code must not use, what to use instead, and what it cost.
const AVOIDED: &[(&str, &str)] = &[
    (
        ".sort(",
        "crate::sort::by, since each std sort adds several KB",
    ),
    (
        ".sort_by(",
        "crate::sort::by, since each std sort adds several KB",
    ),
    (
        ".sort_by_key(",
        "crate::sort::by_key, since each std sort adds several KB",
    ),
    (
        ".sort_unstable",
        "crate::sort::by, since each std sort adds several KB",
    ),
    (
        "to_lowercase",
        "quality::lowercase: std's case tables are some 15 KB",
    ),
    (
        "to_uppercase",
        "to_ascii_uppercase: std's case tables are some 15 KB",
    ),
    (
        "csv::",
        "export::write_csv: the csv crate's writer was some 18 KB gzipped",
    ),
    (
        ".sin()",
        "written-out sines and cosines (chart/marks.rs): libm's are some 8 KB",
    ),
    (
        ".cos()",
        "written-out sines and cosines (chart/marks.rs): libm's are some 8 KB",
    ),
    (
        "sin_cos()",
        "written-out sines and cosines (chart/marks.rs): libm's are some 8 KB",
    ),
];

/// Source the wasm build never compiles.
const NATIVE_ONLY: &[&str] = &["src/audit", "src/claims", "src/html/quality.rs", "src/bin"];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ can be listed") {
        let path = entry.expect("src/ can be listed").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_wasm_code_avoids_the_costly_std_features() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut uses = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if NATIVE_ONLY
            .iter()
            .any(|native| relative.starts_with(native))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a source file can be read");
        // Unit tests run natively only.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (line_number, line) in code.lines().enumerate() {
            for (avoided, instead) in AVOIDED {
                if line.contains(avoided) && !line.trim_start().starts_with("//") {
                    uses.push(format!(
                        "{relative}:{}: `{avoided}`; use {instead}",
                        line_number + 1
                    ));
                }
            }
        }
    }
    assert!(
        uses.is_empty(),
        "the WebAssembly would grow by kilobytes that every reader downloads:\n  {}",
        uses.join("\n  ")
    );
}
