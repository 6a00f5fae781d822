//! Installs the tools the build and the tests need, each only when it is missing or at the
//! wrong version, so running it again costs a few probes and no downloads.

use crate::util::{self, command, probe, root, run, Result};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The other two engines of the cross-browser smoke test (tests/e2e/cross-browser.test.mjs), each
/// with the Debian package that provides it: Firefox ESR (driven through [`geckodriver`]),
/// WebKitGTK's WebDriver (which drives its MiniBrowser), and the virtual display that WebKitGTK
/// needs.
pub const OTHER_BROWSERS: [(&str, &str); 3] = [
    ("/usr/bin/firefox-esr", "firefox-esr"),
    ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
    ("/usr/bin/Xvfb", "xvfb"),
];

/// Everything: `cargo xtask setup`, and the first step of `cargo xtask test`.
pub fn all() -> Result {
    rust_components()?;
    wasm_target()?;
    wasm_bindgen()?;
    node()?;
    node_packages()?;
    chromium()?;
    other_browsers()?;
    geckodriver()?;
    Ok(())
}

/// What `cargo xtask dist` needs.
pub fn for_dist() -> Result {
    wasm_target()?;
    wasm_bindgen()?;
    node()?;
    node_packages()
}

/// What the commands that drive the browser need (screenshots, bench).
pub fn for_browser() -> Result {
    for_dist()?;
    chromium()
}

fn ok(what: &str) {
    println!("  ok: {what}");
}

/// rustfmt and clippy, which `cargo xtask test` runs.
pub fn rust_components() -> Result {
    let missing: Vec<&str> = [("rustfmt", "fmt"), ("clippy", "clippy")]
        .into_iter()
        .filter(|(_, subcommand)| probe(util::cargo().args([*subcommand, "--version"])).is_none())
        .map(|(component, _)| component)
        .collect();
    if missing.is_empty() {
        ok("rustfmt and clippy");
        return Ok(());
    }
    run(command("rustup").args(["component", "add"]).args(&missing))
}

/// The Rust standard library for the browser.
pub fn wasm_target() -> Result {
    let installed = probe(command("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|line| line.trim() == WASM_TARGET) => {
            ok(&format!("Rust target {WASM_TARGET}"));
            Ok(())
        }
        Some(_) => run(command("rustup").args(["target", "add", WASM_TARGET])),
        None => {
            // No rustup: accept a toolchain that ships the target, else say what is missing.
            let sysroot = probe(command("rustc").args(["--print", "sysroot"])).unwrap_or_default();
            let lib = Path::new(sysroot.trim())
                .join("lib/rustlib")
                .join(WASM_TARGET);
            if lib.is_dir() {
                ok(&format!(
                    "Rust target {WASM_TARGET} (no rustup; found in the sysroot)"
                ));
                Ok(())
            } else {
                Err(format!(
                    "the Rust target {WASM_TARGET} is missing and rustup is not available to add it"
                ))
            }
        }
    }
}

/// The version of the `wasm-bindgen` crate that Cargo.lock pins. The CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock_path = root().join("Cargo.lock");
    let lock = util::read_text(&lock_path)?;
    let mut versions = Vec::new();
    for block in lock.split("[[package]]") {
        let field = |key: &str| {
            block.lines().find_map(|line| {
                let (name, value) = line.split_once('=')?;
                (name.trim() == key).then(|| value.trim().trim_matches('"').to_string())
            })
        };
        if field("name").as_deref() == Some("wasm-bindgen") {
            if let Some(version) = field("version") {
                versions.push(version);
            }
        }
    }
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`?".into()),
        _ => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); the CLI can match only one",
            versions.join(", ")
        )),
    }
}

/// The version a tool reports as its second word (`wasm-bindgen 0.2.130` → `0.2.130`,
/// `geckodriver 0.37.1 (…)` → `0.37.1`).
fn tool_version(program: &str) -> Option<String> {
    let text = probe(command(program).arg("--version"))?;
    text.split_whitespace().nth(1).map(str::to_string)
}

/// `wasm-bindgen` and `wasm-bindgen-test-runner`, at exactly the version in Cargo.lock.
pub fn wasm_bindgen() -> Result {
    let wanted = locked_wasm_bindgen_version()?;
    let bindgen = tool_version("wasm-bindgen");
    let runner = tool_version("wasm-bindgen-test-runner");
    if bindgen.as_deref() == Some(wanted.as_str()) && runner.as_deref() == Some(wanted.as_str()) {
        ok(&format!("wasm-bindgen-cli {wanted} (as in Cargo.lock)"));
        return Ok(());
    }
    println!(
        "  installing wasm-bindgen-cli {wanted} (found wasm-bindgen {}, wasm-bindgen-test-runner {}); this takes a few minutes",
        bindgen.as_deref().unwrap_or("none"),
        runner.as_deref().unwrap_or("none"),
    );
    // Not `--locked`: the CLI's own lock file does not build here.
    run(util::cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    match tool_version("wasm-bindgen") {
        Some(version) if version == wanted => Ok(()),
        other => Err(format!(
            "after installing wasm-bindgen-cli {wanted}, `wasm-bindgen --version` reports {}; \
             is another wasm-bindgen earlier on PATH?",
            other.as_deref().unwrap_or("nothing")
        )),
    }
}

fn is_root() -> bool {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|line| line.starts_with("Uid:")) {
            return line.split_whitespace().nth(1) == Some("0");
        }
    }
    probe(std::process::Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// Chromium and ChromeDriver from Debian, for the wasm browser tests and the end-to-end tests.
pub fn chromium() -> Result {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        ok("Chromium and ChromeDriver");
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "{} missing; install Debian's packages as root: \
             `apt-get update && apt-get install -y chromium chromium-driver`",
            missing.join(" and ")
        ));
    }
    println!(
        "  installing Chromium and ChromeDriver ({} missing)",
        missing.join(", ")
    );
    let apt = |args: &[&str]| {
        let mut apt = command("apt-get");
        apt.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        run(&mut apt)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium", "chromium-driver"])?;
    for path in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(path).exists() {
            return Err(format!(
                "{path} is still missing after installing chromium and chromium-driver"
            ));
        }
    }
    Ok(())
}

/// Firefox ESR, WebKitWebDriver and Xvfb from Debian, for the cross-browser smoke test: only the
/// packages whose program is missing.
pub fn other_browsers() -> Result {
    let missing: Vec<(&str, &str)> = OTHER_BROWSERS
        .into_iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        ok("Firefox ESR, WebKitWebDriver and Xvfb");
        return Ok(());
    }
    let packages: Vec<&str> = missing.iter().map(|(_, package)| *package).collect();
    let paths: Vec<&str> = missing.iter().map(|(path, _)| *path).collect();
    if !is_root() {
        return Err(format!(
            "{} missing; install Debian's packages as root: \
             `apt-get update && apt-get install -y {}`",
            paths.join(" and "),
            packages.join(" ")
        ));
    }
    println!(
        "  installing {} ({} missing); about 280 MB to download on a fresh machine",
        packages.join(", "),
        paths.join(", ")
    );
    let apt = |args: &[&str]| {
        let mut apt = command("apt-get");
        apt.env("DEBIAN_FRONTEND", "noninteractive")
            // Wait for another apt (an unattended upgrade, say) instead of failing at once.
            .args(["-o", "DPkg::Lock::Timeout=300"])
            .args(args);
        run(&mut apt)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"][..], &packages[..]].concat())?;
    for (path, package) in missing {
        if !Path::new(path).exists() {
            return Err(format!(
                "{path} is still missing after installing {package}"
            ));
        }
    }
    Ok(())
}

/// The geckodriver the cross-browser test's selenium-webdriver drives Firefox ESR through. Debian
/// does not package it, and selenium's own manager would download a binary, so it is built from
/// crates.io, at this version, into cargo's bin folder.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// geckodriver at [`GECKODRIVER_VERSION`], built with `cargo install` only when missing or
/// at another version.
pub fn geckodriver() -> Result {
    let found = tool_version("geckodriver");
    if found.as_deref() == Some(GECKODRIVER_VERSION) {
        ok(&format!("geckodriver {GECKODRIVER_VERSION}"));
        return Ok(());
    }
    println!(
        "  installing geckodriver {GECKODRIVER_VERSION} (found {}); this takes a few minutes",
        found.as_deref().unwrap_or("none")
    );
    run(util::cargo().args([
        "install",
        "geckodriver",
        "--locked",
        "--version",
        GECKODRIVER_VERSION,
    ]))?;
    match tool_version("geckodriver") {
        Some(version) if version == GECKODRIVER_VERSION => Ok(()),
        other => Err(format!(
            "after installing geckodriver {GECKODRIVER_VERSION}, `geckodriver --version` reports {}; \
             is another geckodriver earlier on PATH?",
            other.as_deref().unwrap_or("nothing")
        )),
    }
}

/// Node.js and npm, which run wasm-opt (npm package binaryen) and the browser tests.
pub fn node() -> Result {
    let node = probe(command("node").arg("--version"));
    let npm = probe(command("npm").arg("--version"));
    match (node, npm) {
        (Some(node), Some(npm)) => {
            ok(&format!("Node.js {} with npm {}", node.trim(), npm.trim()));
            Ok(())
        }
        _ => Err(
            "Node.js (20 or newer) and npm are needed: install them (Debian: nodejs, npm)".into(),
        ),
    }
}

/// The npm packages pinned in package.json and package-lock.json, installed in node_modules/.
/// A copy of the lock file in node_modules records what was installed; a changed lock file or a
/// missing package triggers `npm ci`.
pub fn node_packages() -> Result {
    let root = root();
    let lock = util::read(&root.join("package-lock.json"))?;
    let modules = root.join("node_modules");
    let stamp = modules.join(".xtask-package-lock.json");
    let required = [
        wasm_opt_script(),
        modules.join("playwright-core/package.json"),
        modules.join("axe-core/axe.min.js"),
        // Drives Firefox ESR and WebKitGTK in the cross-browser test.
        modules.join("selenium-webdriver/package.json"),
        // Minifies the single file's inline scripts and styles (xtask/minify.mjs).
        modules.join("esbuild/package.json"),
        // Reads the worksheet the end-to-end test prints to PDF; the screenshots draw its
        // pages on @napi-rs/canvas.
        modules.join("pdfjs-dist/legacy/build/pdf.mjs"),
        modules.join("@napi-rs/canvas/package.json"),
        // The bench's peers, inlined into the pages it compares the app with.
        modules.join("chart.js/dist/chart.umd.min.js"),
        modules.join("vega/build/vega.min.js"),
        modules.join("vega-lite/build/vega-lite.min.js"),
        modules.join("vega-embed/build/vega-embed.min.js"),
    ];
    let current = std::fs::read(&stamp).is_ok_and(|installed| installed == lock)
        && required.iter().all(|path| path.exists());
    if current {
        ok("npm packages (binaryen, playwright-core, axe-core, selenium-webdriver, esbuild, pdfjs-dist, the bench's chart libraries) as in package-lock.json");
        return Ok(());
    }
    println!("  installing npm packages from package-lock.json");
    run(command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    for path in &required {
        if !path.exists() {
            return Err(format!("`npm ci` did not install {}", util::shown(path)));
        }
    }
    util::write(&stamp, &lock)
}

/// wasm-opt as the npm package binaryen ships it (a Node.js script; Debian's binaryen is too
/// old for wasm-bindgen's output).
pub fn wasm_opt_script() -> std::path::PathBuf {
    root().join("node_modules/binaryen/bin/wasm-opt")
}
