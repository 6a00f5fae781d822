//! Guards the WebAssembly's size against a crate that cost kilobytes. The std calls the wasm's
//! code must not make (std's sorts, its case tables, libm's trigonometry) are banned by clippy's
//! `disallowed-methods`, with their costs as reasons, in `xtask/clippy-wasm32/clippy.toml`, which
//! `cargo xtask test`'s wasm32 clippy run uses. What clippy cannot see is a dependency: this test
//! reads the manifest.

/// Crates the wasm must not link, what to use instead, and what they cost when measured.
const AVOIDED_CRATES: &[(&str, &str)] = &[(
    "csv",
    "export::write_csv: the csv crate's writer was some 18 KB gzipped",
)];

/// The manifest's sections whose crates the wasm library links.
const LINKED_SECTIONS: &[&str] = &[
    "[dependencies]",
    "[target.'cfg(target_arch = \"wasm32\")'.dependencies]",
];

/// The crates named in the manifest's section `header` (`name = …` lines up to the next section).
fn crates_in(manifest: &str, header: &str) -> Vec<String> {
    manifest
        .split("\n[")
        .map(|section| section.trim_start_matches('['))
        .find(|section| section.lines().next() == Some(header.trim_start_matches('[')))
        .map(|section| {
            section
                .lines()
                .skip(1)
                .filter(|line| !line.trim_start().starts_with('#'))
                .filter_map(|line| line.split_once('=').map(|(name, _)| name.trim()))
                .filter(|name| !name.is_empty() && !name.contains(' '))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_wasm_links_none_of_the_costly_crates() {
    let manifest = include_str!("../Cargo.toml");
    let linked: Vec<String> = LINKED_SECTIONS
        .iter()
        .flat_map(|section| crates_in(manifest, section))
        .collect();
    assert!(
        linked.iter().any(|name| name == "plotters"),
        "the manifest's dependencies could not be read (plotters is missing from {linked:?})"
    );
    let uses: Vec<String> = AVOIDED_CRATES
        .iter()
        .filter(|(name, _)| linked.iter().any(|linked| linked == name))
        .map(|(name, instead)| format!("`{name}`; use {instead}"))
        .collect();
    assert!(
        uses.is_empty(),
        "the WebAssembly would grow by kilobytes that every reader downloads; Cargo.toml's \
         library dependencies name:\n  {}\n(a native-only use belongs in the non-wasm \
         dev-dependencies)",
        uses.join("\n  ")
    );
}

#[test]
fn the_manifest_reader_finds_a_crate_in_a_section() {
    let manifest =
        "[package]\nname = \"x\"\n\n[dependencies]\n# a note = 1\ncsv = \"1\"\nserde = { version = \"1\" }\n\n[dev-dependencies]\nproptest = \"1\"\n";
    assert_eq!(crates_in(manifest, "[dependencies]"), ["csv", "serde"]);
    assert_eq!(crates_in(manifest, "[dev-dependencies]"), ["proptest"]);
    assert!(crates_in(manifest, "[build-dependencies]").is_empty());
}
