//! Snapshots: the fixtures and every view drawn to SVG and compared with `tests/snapshots/`.

use super::*;

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("snapshots")
}

/// Compares `svg` with `tests/snapshots/{name}.svg` (expect-test), failing with the difference;
/// with `UPDATE_EXPECT=1` it writes the new drawing there instead, for review in the diff.
fn assert_snapshot(name: &str, svg: &str) {
    expect_test::expect_file![snapshot_dir().join(format!("{name}.svg"))].assert_eq(svg);
}

#[test]
pub(crate) fn drawings_match_their_snapshots() {
    let mut cases: Vec<(String, String)> = Vec::new();
    for (name, plot) in fixtures() {
        cases.push((format!("{name}_export"), export_svg(&plot)));
    }
    let (_, lines) = &fixtures()[0];
    cases.push((
        "line_gap_statuses_phone_page".into(),
        chart::to_svg(lines, &Style::page(false, 1.0), 360, 260),
    ));
    cases.push((
        "many_countries_phone_export".into(),
        chart::to_svg(&many_countries(), &Style::export(false), 360, 480),
    ));
    cases.push((
        "stacked100_dark_projector".into(),
        chart::to_svg(
            &stacked(ChartKind::Stacked100),
            &Style::page(true, 1.5),
            1920,
            1080,
        ),
    ));
    cases.push((
        "bars_dark_export".into(),
        chart::to_svg(&bars_missing_negative(), &Style::export(true), 1280, 720),
    ));
    cases.push((
        "annotated_line_phone_page".into(),
        chart::to_svg(
            &annotated(ChartKind::Line),
            &Style::page(false, 1.0),
            360,
            260,
        ),
    ));
    cases.push((
        "annotated_line_projector".into(),
        chart::to_svg(
            &annotated(ChartKind::Line),
            &Style::projector(true),
            1800,
            820,
        ),
    ));
    for (name, svg) in &cases {
        assert_snapshot(name, svg);
    }
}

/// Every view of the explorer, drawn from the paper's data as the page would draw it: a change
/// to the data, a view or the drawing shows up here as a changed snapshot.
#[test]
pub(crate) fn every_view_matches_its_snapshot() {
    use ict_explorer::view::{self, State, ViewId};
    let mut states: Vec<(String, State)> = ViewId::ALL
        .iter()
        .map(|view| (view.id().to_string(), State::for_view(*view)))
        .collect();
    // (snapshot name, view, control events as name and value)
    type Variant = (
        &'static str,
        ViewId,
        &'static [(&'static str, &'static str)],
    );
    let variants: [Variant; 6] = [
        (
            "ownership_stacked100",
            ViewId::Ownership,
            &[("measure", "share_total_assets"), ("chart", "stacked100")],
        ),
        (
            "ownership_change",
            ViewId::Ownership,
            &[
                ("transform", "change"),
                ("measure", "share_domestic_assets"),
            ],
        ),
        (
            "fdi_log_line",
            ViewId::Fdi,
            &[("log", "1"), ("chart", "line")],
        ),
        (
            "market_value_added",
            ViewId::Market,
            &[("measure", "value_added_to_sales"), ("series", "industry")],
        ),
        ("rd_relative", ViewId::Rd, &[("transform", "relative")]),
        (
            "trade_output_share",
            ViewId::Trade,
            &[("topic", "world_output_share")],
        ),
    ];
    for (name, view, events) in variants {
        let mut state = State::for_view(view);
        for (control, value) in events {
            Event::read(control, value, true)
                .and_then(|event| state.apply(event))
                .unwrap_or_else(|problem| panic!("{name}: {problem}"));
        }
        states.push((name.to_string(), state));
    }
    // "Show in…" outlines the values a finding names: round markers, bars and segments.
    let outlined: [(&str, &[&str]); 3] = [
        (
            "ownership_outlined",
            &[
                "table1/state_controlled/share_domestic_assets/2003",
                "table1/state_controlled/share_domestic_assets/2005",
            ],
        ),
        (
            "fdi_outlined",
            &[
                "table2/fdi/actual_utilized/1997",
                "table2/fdi/actual_utilized/1999",
            ],
        ),
        ("exports_outlined", &["table4/ordinary_trade/share/2002"]),
    ];
    for (name, keys) in outlined {
        states.push((name.to_string(), State::showing(keys)));
    }
    let mut drawn = 0;
    for (name, state) in &states {
        let Some(plot) = view::plot(state) else {
            continue;
        };
        drawn += 1;
        let svg = chart::to_svg(&plot, &Style::export(false), 960, 540);
        // Titles may wrap, and SVG escapes '&' and quotes: look for the first plain word.
        let word = plot
            .title
            .split(' ')
            .find(|word| word.len() > 3 && word.chars().all(char::is_alphanumeric))
            .unwrap_or_default();
        assert!(
            svg.contains(word),
            "view {name}: the exported SVG lacks its title"
        );
        assert_snapshot(&format!("view_{name}"), &svg);
    }
    assert_eq!(
        drawn,
        states.len() - 1,
        "every view but data quality draws a chart"
    );
}
