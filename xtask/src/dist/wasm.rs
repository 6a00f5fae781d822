//! The wasm's build steps after rustc: wasm-bindgen's glue, wasm-opt, and the raw DEFLATE that
//! packs the wasm into the single file and the site's script.

use super::{GLUE_FILE, WASM_FILE};
use crate::ensure;
use crate::util::{self, command, root, run, shown, target_dir, Result};
use std::path::{Path, PathBuf};

/// wasm-opt settings. The features are the ones rustc enables by default for
/// wasm32-unknown-unknown and wasm-bindgen's output uses (its externref table needs
/// reference types); wasm-opt must be allowed to keep them. `--converge` repeats the passes
/// while they still shrink the module; `--low-memory-unused` lets it fold constant addresses,
/// since rustc puts the stack first, so the lowest kilobyte is only ever the far end of the
/// stack (measured: 4.4 KB raw and 2.7 KB gzipped less wasm).
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--strip-debug",
    "--strip-producers",
];

/// `bytes` compressed as raw DEFLATE, as `DecompressionStream('deflate-raw')` reads it, by
/// Zopfli, whose output is about 6 % smaller than zlib's best.
fn deflated(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut packed = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Deflate,
        bytes,
        &mut packed,
    )
    .map_err(|error| format!("compressing {} bytes failed: {error}", bytes.len()))?;
    Ok(packed)
}

/// [`deflated`], kept in target/xtask/deflate/ as `name` and the input's hash: Zopfli takes
/// seconds where zlib takes milliseconds, and most builds pack the same wasm again. Only the
/// latest copy of each `name` is kept.
pub(super) fn deflated_cached(name: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    let dir = target_dir().join("xtask/deflate");
    let file = format!("{name}-{:016x}", util::fnv1a(&[bytes]));
    if let Ok(packed) = std::fs::read(dir.join(&file)) {
        return Ok(packed);
    }
    let packed = deflated(bytes)?;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("{name}-"))
            {
                // A stale copy left behind costs only disk space.
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    util::write(&dir.join(file), &packed)?;
    Ok(packed)
}

/// Runs wasm-bindgen and wasm-opt on the release wasm, unless their output for exactly these
/// input bytes, tool versions and settings is already in target/xtask/wasm/.
pub(super) fn bindgen_and_optimise(raw_wasm: &Path) -> Result<(PathBuf, PathBuf)> {
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
        .args(["--target", "no-modules", "--no-typescript", "--out-dir"])
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

/// The glue's start, which takes the wasm's default address from its own script's address.
/// An inline script has none, and in a srcdoc frame the page's address (`about:srcdoc`) cannot
/// be a base either, so the glue would throw before it defines anything; the explorer always
/// passes the wasm itself, so the glue may skip that address when its script has none.
const GLUE_SCRIPT_SOURCE: &str = "document.currentScript !== null) {";
const GLUE_SCRIPT_SOURCE_ANY_PAGE: &str =
    "document.currentScript !== null && document.currentScript.src) {";

pub(super) fn glue_for_any_page(glue: &str) -> Result<String> {
    match glue.matches(GLUE_SCRIPT_SOURCE).count() {
        1 => Ok(glue.replace(GLUE_SCRIPT_SOURCE, GLUE_SCRIPT_SOURCE_ANY_PAGE)),
        n => Err(format!(
            "the wasm-bindgen glue should test `{GLUE_SCRIPT_SOURCE}` once, found {n} times; \
             did a wasm-bindgen upgrade change how it finds its own address?"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflated_wasm_unpacks_to_the_same_bytes_and_is_smaller() {
        use std::io::Read;
        let wasm: Vec<u8> = b"\0asm\x01\0\0\0".repeat(500);
        let packed = deflated(&wasm).unwrap();
        let mut unpacked = Vec::new();
        flate2::read::DeflateDecoder::new(&packed[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, wasm, "raw DEFLATE should give back the wasm");
        assert!(
            packed.len() < wasm.len() / 10,
            "{} bytes packed",
            packed.len()
        );
    }
}
