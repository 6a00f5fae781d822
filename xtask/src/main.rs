//! Project automation, run as `cargo xtask <command>` (the alias is in .cargo/config.toml).
//!
//! Every command installs what it needs first (see `ensure`), only when it is missing, so a fresh
//! machine and a warm one run the same commands.

mod dist;
mod ensure;
mod serve;
mod site;
mod util;

use std::process::ExitCode;
use std::time::Instant;
use util::{command, root, run, Result};

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  test                 everything CI checks, in order: setup, rustfmt, clippy, native tests,
                       wasm tests in headless Chromium, dist (failing when the single
                       file is over its gzipped byte budget), end-to-end tests (Chromium,
                       plus a smoke test in Firefox ESR and WebKitGTK)
  setup                install the tools (wasm target, wasm-bindgen-cli as in Cargo.lock,
                       Chromium + ChromeDriver, Firefox ESR, geckodriver, WebKitWebDriver +
                       Xvfb, npm packages); only what is missing
  dist                 build dist/site/ and the single file dist/ict-explorer.html
  serve [--port N]     dist, then serve dist/site/ on http://127.0.0.1:N/ (default 8000)
  screenshots          dist, then write the pictures in docs/ from the single file
  bench [--runs N] [--toggles N] [--memory-toggles N]
                       dist, then the single file against Chart.js and Vega-Lite drawing the
                       same chart in one interleaved Chromium run: bytes, first chart (N fresh
                       contexts, default 7), toggles (default 300), a checkbox click, memory
                       after 1,000 and N toggles (default 10000); appends to BENCHMARKS.md
  fuzz [--cases N]     the property tests (tests/properties.rs), optimised, with N cases each
                       (default 100000)";

fn main() -> ExitCode {
    util::prepare_env();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str);
    let rest = args.get(1..).unwrap_or_default();
    let result = match command {
        Some("test") => no_args(rest).and_then(|()| test()),
        Some("setup") => no_args(rest).and_then(|()| ensure::all()),
        Some("dist") => no_args(rest).and_then(|()| dist()),
        Some("serve") => number_option(rest, "--port", 8000).and_then(serve),
        Some("screenshots") => no_args(rest).and_then(|()| screenshots()),
        Some("bench") => number_options(
            rest,
            [
                ("--runs", 7),
                ("--toggles", 300),
                ("--memory-toggles", 10_000),
            ],
        )
        .and_then(bench),
        Some("fuzz") => number_option(rest, "--cases", 100_000).and_then(fuzz),
        None | Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn no_args(args: &[String]) -> Result {
    match args.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
    }
}

/// Reads any of the named options, each `--name N` or `--name=N`, in any order; an option not
/// given keeps its default.
fn number_options<const N: usize>(args: &[String], options: [(&str, u32); N]) -> Result<[u32; N]> {
    let mut values = options.map(|(_, default)| default);
    let mut rest = args;
    while let Some(flag) = rest.first() {
        let name = flag.split('=').next().unwrap_or_default();
        let Some(index) = options.iter().position(|(known, _)| *known == name) else {
            return Err(format!("unknown option `{name}`\n\n{USAGE}"));
        };
        let (value, after) = match (flag.split_once('='), rest.get(1)) {
            (Some((_, value)), _) => (value, &rest[1..]),
            (None, Some(value)) => (value.as_str(), &rest[2..]),
            (None, None) => return Err(format!("`{name}` needs a number after it\n\n{USAGE}")),
        };
        values[index] = value
            .parse()
            .map_err(|_| format!("`{name}` needs a number, got `{value}`"))?;
        rest = after;
    }
    Ok(values)
}

/// Reads `--name N` or `--name=N`, or gives the default.
fn number_option<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T> {
    let value = match args {
        [] => return Ok(default),
        [flag, value] if flag == name => value.as_str(),
        [flag] if flag.starts_with(&format!("{name}=")) => &flag[name.len() + 1..],
        _ => {
            return Err(format!(
                "expected no arguments or `{name} N`, got `{}`\n\n{USAGE}",
                args.join(" ")
            ))
        }
    };
    value
        .parse()
        .map_err(|_| format!("`{name}` needs a number, got `{value}`"))
}

/// Runs named steps in order, printing each as it starts; stops at the first failure and says
/// which step it was.
struct Steps {
    started: Instant,
    done: Vec<(&'static str, f64)>,
    total: usize,
}

impl Steps {
    fn new(total: usize) -> Steps {
        Steps {
            started: Instant::now(),
            done: Vec::new(),
            total,
        }
    }

    fn step(&mut self, name: &'static str, work: impl FnOnce() -> Result) -> Result {
        let number = self.done.len() + 1;
        println!("\n==> [{number}/{}] {name}", self.total);
        util::flush();
        let started = Instant::now();
        work().map_err(|error| format!("step {number}/{} `{name}` failed: {error}", self.total))?;
        self.done.push((name, started.elapsed().as_secs_f64()));
        Ok(())
    }

    fn summary(&self, what: &str) -> String {
        let times: Vec<String> = self
            .done
            .iter()
            .map(|(name, secs)| format!("{name} {secs:.1}s"))
            .collect();
        format!(
            "{what}: all {} steps passed in {} ({})",
            self.done.len(),
            util::seconds(self.started.elapsed()),
            times.join(", ")
        )
    }
}

/// `cargo xtask test`: what CI runs.
fn test() -> Result {
    let mut steps = Steps::new(7);
    steps.step("setup", ensure::all)?;
    steps.step("rustfmt", || {
        run(util::cargo().args(["fmt", "--all", "--check"]))
    })?;
    steps.step("clippy", || {
        run(util::cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        // The browser-only code (src/web.rs, tests/web.rs) compiles for wasm32 only. This run
        // also bans the calls that cost the wasm kilobytes (xtask/clippy-wasm32/clippy.toml).
        run(util::cargo()
            .env("CLIPPY_CONF_DIR", root().join("xtask/clippy-wasm32"))
            .args([
                "clippy",
                "-p",
                "ict-explorer",
                "--target",
                ensure::WASM_TARGET,
                "--lib",
                "--test",
                "web",
                "--",
                "-D",
                "warnings",
            ]))
    })?;
    steps.step("native tests", || {
        run(util::cargo().args(["test", "--workspace"]))
    })?;
    steps.step("wasm tests (headless Chromium)", wasm_tests)?;
    steps.step("dist, and the single file's byte budget", || {
        dist::build().and_then(|outputs| dist::check_budget(&outputs.single_file))
    })?;
    steps.step("end-to-end tests", e2e_tests)?;
    println!("\n{}", steps.summary("cargo xtask test"));
    Ok(())
}

/// tests/web.rs, run in Chromium by wasm-bindgen-test-runner through ChromeDriver.
fn wasm_tests() -> Result {
    let root = root();
    if !root.join("tests/web.rs").is_file() {
        return Err("tests/web.rs is missing".into());
    }
    run(util::cargo()
        .args([
            "test",
            "-p",
            "ict-explorer",
            "--target",
            ensure::WASM_TARGET,
            "--test",
            "web",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", ensure::CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root.join("xtask/webdriver.json"),
        ))
}

/// tests/e2e/*.test.mjs with Node's test runner, against dist/.
fn e2e_tests() -> Result {
    let dir = root().join("tests/e2e");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|error| format!("cannot list {}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/e2e/{name}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no tests/e2e/*.test.mjs files".into());
    }
    // Files listed one by one: how Node reads a folder argument differs between versions.
    run(command("node").arg("--test").args(&files))
}

fn dist() -> Result {
    ensure::for_dist()?;
    dist::build().map(|_| ())
}

fn serve(port: u16) -> Result {
    ensure::for_dist()?;
    let outputs = dist::build()?;
    serve::serve(&outputs.site, port, &outputs.single_file)
}

fn screenshots() -> Result {
    ensure::for_browser()?;
    let outputs = dist::build()?;
    run(command("node")
        .arg("xtask/screenshots.mjs")
        .env("ICT_EXPLORER_HTML", &outputs.single_file)
        .env("SCREENSHOT_DIR", root().join("docs")))
}

/// `cargo xtask bench`: builds the page, then `xtask/bench.mjs` measures it against its peers
/// (generated into `target/bench/`, never committed) and appends the report to BENCHMARKS.md.
fn bench([runs, toggles, memory_toggles]: [u32; 3]) -> Result {
    ensure::for_browser()?;
    let outputs = dist::build()?;
    run(command("node")
        .arg("xtask/bench.mjs")
        .arg(format!("--runs={runs}"))
        .arg(format!("--toggles={toggles}"))
        .arg(format!("--memory-toggles={memory_toggles}"))
        .env("ICT_EXPLORER_HTML", &outputs.single_file)
        .env("ICT_BENCH_DIR", util::target_dir().join("bench")))
}

/// `cargo xtask fuzz`: the property tests with `cases` cases each, optimised (the `fuzz` profile
/// in Cargo.toml), where they run many times faster; a failure prints the smallest input found.
fn fuzz(cases: u32) -> Result {
    let started = Instant::now();
    run(util::cargo()
        .args([
            "test",
            "--profile",
            "fuzz",
            "-p",
            "ict-explorer",
            "--test",
            "properties",
        ])
        .env("PROPTEST_CASES", cases.to_string()))?;
    println!(
        "\ncargo xtask fuzz: {cases} cases per property passed in {}",
        util::seconds(started.elapsed())
    );
    Ok(())
}
