//! The checker's own tests: small crates in memory, each breaking one rule, so that the
//! test in `main.rs` is known to fail when the code breaks the layers.

use super::*;

fn layers(list: &[&[&str]]) -> Layers {
    list.iter()
        .map(|layer| layer.iter().map(|name| name.to_string()).collect())
        .collect()
}

fn crate_of(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect()
}

const LIB: &str = "pub mod data;\npub mod view;\npub mod web;\n";

#[test]
fn an_upward_import_fails_naming_its_file_line_and_arrow() {
    let files = crate_of(&[
        ("src/lib.rs", LIB),
        (
            "src/data.rs",
            "//! Data.\n\nuse crate::view::State;\npub struct Cell;\n",
        ),
        ("src/view/mod.rs", "mod state;\npub use state::State;\n"),
        (
            "src/view/state.rs",
            "use crate::data::Cell;\npub struct State;\n",
        ),
        ("src/web.rs", "use crate::view::State;\n"),
    ]);
    let report = check(&files, &layers(&[&["data"], &["view"], &["web"]]), &[]);
    assert_eq!(
        report.problems,
        ["src/data.rs:3: `crate::view::State` imports `view` upward: data → view (layer 1 → layer 2)."],
        "a data module reaching up to the views should be the one problem reported"
    );
}

#[test]
fn an_upward_path_in_code_or_through_super_fails_too() {
    let files = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", "fn f() {\n    let s = \"crate::web::x\"; // crate::web::y\n    crate::web::start();\n}\n"),
        ("src/view/mod.rs", "mod state;\n"),
        ("src/view/state.rs", "use super::super::web::App;\n"),
        ("src/web.rs", ""),
    ]);
    let report = check(&files, &layers(&[&["data"], &["view"], &["web"]]), &[]);
    assert_eq!(report.upward, 2, "got {:?}", report.problems);
    assert!(
        report.problems[0].starts_with("src/data.rs:3: `crate::web::start`"),
        "got {:?}",
        report.problems
    );
    assert!(
        report.problems[1].starts_with("src/view/state.rs:1: `super::super::web::App`"),
        "got {:?}",
        report.problems
    );
}

#[test]
fn a_circle_between_files_of_one_module_fails_with_its_arrows() {
    let files = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", ""),
        (
            "src/view/mod.rs",
            "mod plots;\nmod state;\npub use state::State;\n",
        ),
        ("src/view/state.rs", "use super::plots::topic_years;\n"),
        (
            "src/view/plots/mod.rs",
            "mod tables;\npub fn topic_years() {}\n",
        ),
        (
            "src/view/plots/tables.rs",
            "fn f(state: &crate::view::State) {}\n",
        ),
        ("src/web.rs", ""),
    ]);
    let report = check(&files, &layers(&[&["data"], &["view"], &["web"]]), &[]);
    assert_eq!(report.circles, 1, "got {:?}", report.problems);
    assert_eq!(
        report.problems[0],
        "An import circle joins view::plots, view::state:\n  src/view/state.rs:1: `super::plots::topic_years`: view::state → view::plots\n  src/view/plots/tables.rs:1: `crate::view::State`: view::plots → view::state"
    );
}

#[test]
fn a_module_and_its_own_files_may_use_each_other() {
    let files = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", ""),
        ("src/view/mod.rs", "mod state;\npub struct Id;\npub use state::State;\nfn f() { state::g(); }\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n"),
        ("src/view/state.rs", "use super::Id;\nuse crate::data;\n"),
        ("src/web.rs", "use crate::{data, view::{self, State as S}};\n"),
    ]);
    let report = check(&files, &layers(&[&["data"], &["view"], &["web"]]), &[]);
    assert!(report.problems.is_empty(), "got {:?}", report.problems);
    assert_eq!(
        report.arrows, 4,
        "view → data, web → data, web → view twice"
    );
}

#[test]
fn a_module_in_no_layer_or_a_layer_naming_no_module_fails() {
    let files = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", ""),
        ("src/view/mod.rs", "use crate::data;\n"),
        ("src/web.rs", ""),
    ]);
    let report = check(&files, &layers(&[&["view"], &["web", "chart"]]), &[]);
    assert_eq!(
        report.problems,
        [
            "`data` is in no layer: add it to the list under \"## Layers\" in ARCHITECTURE.md.",
            "ARCHITECTURE.md's layers name `chart`, which is not a module in src/.",
        ]
    );
}

#[test]
fn an_exception_allows_its_arrow_until_it_is_no_longer_needed() {
    let exceptions = [Exception {
        from: "data",
        to: "view",
        why: "A test.",
        removed_by: "the next test",
    }];
    let upward = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", "use crate::view::State;\n"),
        ("src/view/mod.rs", ""),
        ("src/web.rs", ""),
    ]);
    let layers = layers(&[&["data"], &["view"], &["web"]]);
    assert!(check(&upward, &layers, &exceptions).problems.is_empty());
    let fixed = crate_of(&[
        ("src/lib.rs", LIB),
        ("src/data.rs", ""),
        ("src/view/mod.rs", "use crate::data;\n"),
        ("src/web.rs", ""),
    ]);
    let problems = check(&fixed, &layers, &exceptions).problems;
    assert_eq!(problems.len(), 1, "got {problems:?}");
    assert!(
        problems[0].starts_with("The known exception data → view is no longer needed"),
        "got {problems:?}"
    );
}

#[test]
fn the_layers_are_read_from_the_numbered_list() {
    let markdown = "# A\n\n## Layers\n\nLowest first.\n\n1. `src/data/`\n2. `format.rs`, `sort`\n\n## Next\n\n1. `web`\n";
    assert_eq!(
        layers_from(markdown).expect("a list"),
        layers(&[&["data"], &["format", "sort"]])
    );
    assert!(layers_from("# A\n\n## Code map\n").is_err());
}

#[test]
fn a_browser_crate_outside_the_glue_is_caught() {
    assert_eq!(browser_names("use web_sys::Element;"), ["web_sys"]);
    assert_eq!(
        browser_names("let x = wasm_bindgen::JsValue::NULL; js_sys::Date::now();"),
        ["js_sys", "wasm_bindgen"]
    );
    assert!(browser_names("let web = 1; // no browser here").is_empty());
}
