//! Charts drawn to SVG: snapshots of a set of plots, and checks of what a reader must be able to
//! rely on (gaps stay gaps, flagged values look flagged, nothing leaves the plot).
//!
//! Snapshots live in `tests/snapshots/`. After an intended change, review the new pictures and
//! run `UPDATE_SNAPSHOTS=1 cargo test --test chart` to accept them. To look at every fixture and
//! every view at phone, laptop and projector sizes, run
//! `cargo test --test chart -- --ignored gallery` and open the folder it prints.

use ict_explorer::chart::{self, status_key, Style, EMPTY_MESSAGE};
use ict_explorer::data::{Qualifier, Status, Unit};
use ict_explorer::plot::{
    css_color, css_color_in, Callout, Category, ChartKind, Plot, Point, ReferenceLine, Series,
    Shape, Span,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Fixtures

fn year(year: u16) -> Category {
    Category {
        id: year.to_string(),
        label: year.to_string(),
        year: Some(year),
    }
}

fn named(label: &str) -> Category {
    Category {
        id: label.to_lowercase(),
        label: label.to_string(),
        year: None,
    }
}

fn clean(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Clean,
        note: String::new(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

fn corrected(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Corrected,
        note: "OCR read 7 as 1".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

fn uncertain(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Uncertain,
        note: "could also be 38".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

fn missing() -> Point {
    Point {
        value: None,
        status: Status::Missing,
        note: "illegible".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

fn series(id: &str, color: usize, points: Vec<Point>) -> Series {
    Series {
        id: id.to_string(),
        label: id.to_string(),
        color,
        shape: Shape::Circle,
        highlight: false,
        sparse: false,
        points,
    }
}

fn plot(kind: ChartKind, categories: Vec<Category>, series: Vec<Series>) -> Plot {
    Plot {
        title: "Enterprises by ownership type".to_string(),
        y_label: "Number of enterprises".to_string(),
        x_label: String::new(),
        unit: Unit::Firms,
        kind,
        log_scale: false,
        categories,
        series,
        source:
            "Ning (2009), Table 1; the paper cites the Yearbook of China's Information Industry."
                .to_string(),
        emphasis: Vec::new(),
        marks: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        outlines: Vec::new(),
        value_domain: None,
    }
}

fn years(from: u16, to: u16) -> Vec<Category> {
    (from..=to).map(year).collect()
}

/// Two lines over 1997–2005: "State" has a gap in 2000, an uncertain value in 2002 and a
/// corrected one in 2004; "Foreign" is clean and highlighted.
fn line_with_gap() -> Plot {
    let state = series(
        "State",
        0,
        vec![
            clean(1200.0),
            clean(1350.0),
            clean(1420.0),
            missing(),
            clean(1610.0),
            uncertain(1580.0),
            clean(1700.0),
            corrected(1820.0),
            clean(1900.0),
        ],
    );
    let mut foreign = series(
        "Foreign",
        1,
        [
            300.0, 420.0, 610.0, 800.0, 1050.0, 1400.0, 1790.0, 2300.0, 2950.0,
        ]
        .map(clean)
        .to_vec(),
    );
    foreign.highlight = true;
    plot(ChartKind::Line, years(1997, 2005), vec![state, foreign])
}

/// Years 1990–2005 with the gaps the paper's tables have.
fn line_uneven_years() -> Plot {
    let categories = [1990, 1995, 2000, 2003, 2004, 2005].map(year).to_vec();
    let exports = series(
        "Exports",
        2,
        [5.0, 12.0, 30.0, 55.0, 70.0, 90.0].map(clean).to_vec(),
    );
    let mut plot = plot(ChartKind::Line, categories, vec![exports]);
    plot.y_label = "Exports (bn US$)".to_string();
    plot.unit = Unit::BillionUsd;
    plot
}

/// Grouped bars with a missing value, a negative value, a zero, and flagged values.
fn bars_missing_negative() -> Plot {
    let categories = years(2003, 2005);
    let profit = series(
        "Profit rate",
        0,
        vec![clean(4.2), clean(-1.6), uncertain(3.1)],
    );
    let mut growth = series("Growth", 1, vec![missing(), corrected(12.4), clean(0.0)]);
    growth.highlight = true;
    let mut plot = plot(ChartKind::Bars, categories, vec![profit, growth]);
    plot.y_label = "Percent".to_string();
    plot.unit = Unit::Percent;
    plot
}

/// Three ownership types stacked over four years, one part missing in 2001.
fn stacked(kind: ChartKind) -> Plot {
    let categories = years(1999, 2002);
    let state = series(
        "State",
        0,
        vec![clean(900.0), clean(850.0), clean(800.0), corrected(760.0)],
    );
    let collective = series(
        "Collective",
        4,
        vec![clean(400.0), clean(380.0), missing(), clean(300.0)],
    );
    let foreign = series(
        "Foreign",
        2,
        vec![clean(500.0), uncertain(620.0), clean(800.0), clean(1010.0)],
    );
    let mut plot = plot(kind, categories, vec![state, collective, foreign]);
    if kind == ChartKind::Stacked100 {
        plot.y_label = "Share of enterprises".to_string();
        plot.unit = Unit::Percent;
    }
    plot
}

/// Values across four orders of magnitude, with a zero that a log axis cannot show.
fn log_scale() -> Plot {
    let categories = years(2000, 2004);
    let small = series(
        "Small",
        0,
        vec![
            clean(3.0),
            clean(0.0),
            clean(12.0),
            clean(40.0),
            clean(95.0),
        ],
    );
    let large = series(
        "Large",
        1,
        vec![
            clean(1500.0),
            clean(2400.0),
            clean(4100.0),
            clean(7600.0),
            clean(12000.0),
        ],
    );
    let mut plot = plot(ChartKind::Line, categories, vec![small, large]);
    plot.log_scale = true;
    plot
}

/// R&D spending of twelve countries, China highlighted: long names in a narrow chart.
fn many_countries() -> Plot {
    let names = [
        "United States",
        "Japan",
        "Germany",
        "France",
        "United Kingdom",
        "China",
        "Korea",
        "Canada",
        "Italy",
        "Sweden",
        "Netherlands",
        "Finland",
    ];
    let values = [2.7, 3.2, 2.5, 2.2, 1.8, 1.3, 2.6, 1.9, 1.1, 3.9, 1.8, 3.5];
    let mut rnd = series("R&D as % of GDP", 0, values.map(clean).to_vec());
    rnd.points[5] = uncertain(1.34);
    rnd.points[8] = missing();
    let mut plot = plot(ChartKind::Bars, names.map(named).to_vec(), vec![rnd]);
    plot.title = "R&D spending as a share of GDP, 2003".to_string();
    plot.y_label = "R&D spending (% of GDP)".to_string();
    plot.unit = Unit::Percent;
    plot
}

fn empty() -> Plot {
    let mut plot = line_with_gap();
    for series in &mut plot.series {
        for point in &mut series.points {
            *point = missing();
        }
    }
    plot
}

/// Three types over 1997–2005 with the middle one emphasised, two reference lines, a shaded
/// span and a callout, as a lecture's step would show them.
fn annotated(kind: ChartKind) -> Plot {
    let values = |start: f64, step: f64| (0..9).map(move |k| clean(start + step * f64::from(k)));
    let mut state = series("State owned", 1, values(1400.0, -90.0).collect());
    state.shape = Shape::Square;
    let mut joint = series("Joint stock", 3, values(200.0, 120.0).collect());
    joint.shape = Shape::TriangleDown;
    let foreign = series("Foreign funded", 0, values(600.0, 150.0).collect());
    let mut plot = plot(kind, years(1997, 2005), vec![state, joint, foreign]);
    plot.emphasis = vec!["Joint stock".to_string()];
    plot.marks = vec![
        ReferenceLine {
            category: 4,
            label: "WTO entry".to_string(),
        },
        ReferenceLine {
            category: 5,
            label: "Coverage widens".to_string(),
        },
    ];
    plot.bands = vec![Span {
        first: 4,
        last: 7,
        label: "After WTO entry".to_string(),
    }];
    plot.notes = vec![Callout {
        series: 1,
        category: 8,
        label: "Joint-stock firms overtake the state".to_string(),
    }];
    plot
}

/// Seven series, one per marker shape, each with a clean, a corrected and an uncertain value.
fn every_shape() -> Plot {
    let series_list = Shape::ALL
        .into_iter()
        .enumerate()
        .map(|(index, shape)| {
            let base = 10.0 * (index as f64 + 1.0);
            let mut line = series(
                shape.id(),
                index,
                vec![
                    clean(base),
                    corrected(base + 2.0),
                    uncertain(base + 4.0),
                    clean(base + 3.0),
                ],
            );
            line.shape = shape;
            line
        })
        .collect();
    plot(ChartKind::Line, years(2001, 2004), series_list)
}

/// Numbers the prose quotes years apart: foreign firms' share of domestic sales in 1993, 2003
/// and 2004, and a second type's in 1993 and 2004 only.
fn sparse() -> Plot {
    let mut foreign = series(
        "Foreign funded",
        0,
        vec![clean(20.0), clean(53.0), clean(57.0)],
    );
    foreign.sparse = true;
    let mut private = series(
        "Private and others",
        4,
        vec![clean(20.0), missing(), clean(34.0)],
    );
    private.sparse = true;
    private.shape = Shape::Star;
    let categories = [1993, 2003, 2004].map(year).to_vec();
    let mut plot = plot(ChartKind::Line, categories, vec![foreign, private]);
    plot.unit = Unit::Percent;
    plot.y_label = "Share of domestic sales (%)".to_string();
    plot
}

fn fixtures() -> Vec<(&'static str, Plot)> {
    vec![
        ("line_gap_statuses", line_with_gap()),
        ("line_uneven_years", line_uneven_years()),
        ("bars_missing_negative", bars_missing_negative()),
        ("stacked", stacked(ChartKind::Stacked)),
        ("stacked100", stacked(ChartKind::Stacked100)),
        ("log_scale", log_scale()),
        ("many_countries", many_countries()),
        ("empty", empty()),
        ("annotated_line", annotated(ChartKind::Line)),
        ("annotated_bars", annotated(ChartKind::Bars)),
        ("annotated_stacked", annotated(ChartKind::Stacked)),
        ("every_shape", every_shape()),
        ("sparse", sparse()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Reading the SVG back

/// One SVG element: its tag, attributes and text.
#[derive(Debug)]
struct Element {
    tag: String,
    attributes: HashMap<String, String>,
    text: String,
}

impl Element {
    fn number(&self, name: &str) -> f64 {
        self.attributes
            .get(name)
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("{} has no numeric '{name}': {self:?}", self.tag))
    }

    fn get(&self, name: &str) -> &str {
        self.attributes.get(name).map(String::as_str).unwrap_or("")
    }

    fn points(&self) -> Vec<(f64, f64)> {
        self.get("points")
            .split_whitespace()
            .filter_map(|pair| {
                let (x, y) = pair.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }
}

/// The elements of an SVG written by plotters: one tag per line, text on the line after it.
fn parse_svg(svg: &str) -> Vec<Element> {
    let mut found: Vec<Element> = Vec::new();
    for line in svg.lines() {
        let line = line.trim();
        if let Some(body) = line.strip_prefix('<').filter(|body| !body.starts_with('/')) {
            let body = body.trim_end_matches('>').trim_end_matches('/');
            let (tag, rest) = body.split_once(' ').unwrap_or((body, ""));
            let mut attributes = HashMap::new();
            for part in rest.split("\" ") {
                if let Some((name, value)) = part.split_once("=\"") {
                    attributes.insert(
                        name.trim().to_string(),
                        value.trim_end_matches('"').to_string(),
                    );
                }
            }
            found.push(Element {
                tag: tag.to_string(),
                attributes,
                text: String::new(),
            });
        } else if !line.starts_with("</") {
            if let Some(last) = found.last_mut().filter(|element| element.tag == "text") {
                last.text.push_str(line);
            }
        }
    }
    found
}

fn tagged<'a>(elements: &'a [Element], tag: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|element| element.tag == tag)
        .collect()
}

/// The SVG colour of palette entry `index`, as plotters writes it.
fn svg_color(index: usize) -> String {
    css_color(index).to_uppercase()
}

fn length(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|pair| (pair[1].0 - pair[0].0).hypot(pair[1].1 - pair[0].1))
        .sum()
}

/// Dashes are drawn as short pieces; anything this short is one.
const LONGEST_DASH: f64 = 7.0;

/// The x positions of a series' markers (circles and diamonds), left to right.
fn marker_xs(elements: &[Element], color: &str) -> Vec<f64> {
    let mut xs: Vec<f64> = tagged(elements, "circle")
        .into_iter()
        .filter(|circle| circle.get("fill") == color || circle.get("stroke") == color)
        .map(|circle| circle.number("cx"))
        .chain(
            tagged(elements, "polyline")
                .into_iter()
                .filter(|line| line.get("stroke") == color && line.points().len() == 5)
                .map(|diamond| diamond.points()[0].0),
        )
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    xs
}

fn export_svg(plot: &Plot) -> String {
    chart::to_svg(plot, &Style::export(false), 640, 400)
}

/// A drawing without title and legend, so that every mark in it belongs to the plot.
fn page_svg(plot: &Plot) -> String {
    chart::to_svg(plot, &Style::page(false, 1.0), 640, 400)
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("snapshots")
}

/// Compares `svg` with `tests/snapshots/{name}.svg`, or writes it there when UPDATE_SNAPSHOTS=1.
/// Returns a description of the difference, if any.
fn check_snapshot(name: &str, svg: &str) -> Option<String> {
    let path = snapshot_dir().join(format!("{name}.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(snapshot_dir()).expect("the snapshot folder can be created");
        std::fs::write(&path, svg).expect("the snapshot can be written");
        return None;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(expected) => expected,
        Err(_) => return Some(format!("snapshot {} does not exist yet", path.display())),
    };
    if expected == svg {
        return None;
    }
    let actual_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.actual.svg"));
    std::fs::write(&actual_path, svg).expect("the new drawing can be written for comparison");
    let first_difference = expected
        .lines()
        .zip(svg.lines())
        .enumerate()
        .find(|(_, (old, new))| old != new)
        .map(|(index, (old, new))| {
            format!(
                "first difference on line {}:\n  was: {old}\n  now: {new}",
                index + 1
            )
        })
        .unwrap_or_else(|| "one drawing is a prefix of the other".to_string());
    Some(format!(
        "snapshot {name} changed: compare {} with {}\n{first_difference}",
        path.display(),
        actual_path.display()
    ))
}

#[test]
fn drawings_match_their_snapshots() {
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
    let changes: Vec<String> = cases
        .iter()
        .filter_map(|(name, svg)| check_snapshot(name, svg))
        .collect();
    assert!(
        changes.is_empty(),
        "{}\n\nIf these changes are intended, look at the new drawings, then run\n  UPDATE_SNAPSHOTS=1 cargo test --test chart\nto accept them.",
        changes.join("\n\n")
    );
}

/// Every view of the explorer, drawn from the paper's data as the page would draw it: a change
/// to the data, a view or the drawing shows up here as a changed snapshot.
#[test]
fn every_view_matches_its_snapshot() {
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
    let variants: [Variant; 9] = [
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
            "highlights_output_share",
            ViewId::Highlights,
            &[("topic", "world_output_share")],
        ),
        // "Show in…" outlines the values a finding names: round markers, bars and segments.
        (
            "ownership_outlined",
            ViewId::Quality,
            &[("goto", "table1/state_controlled/share_domestic_assets/2003 table1/state_controlled/share_domestic_assets/2005")],
        ),
        (
            "fdi_outlined",
            ViewId::Quality,
            &[("goto", "table2/fdi/actual_utilized/1997 table2/fdi/actual_utilized/1999")],
        ),
        (
            "exports_outlined",
            ViewId::Quality,
            &[("goto", "table4/ordinary_trade/share/2002")],
        ),
    ];
    for (name, view, events) in variants {
        let mut state = State::for_view(view);
        for (control, value) in events {
            state
                .apply(control, value, true)
                .unwrap_or_else(|problem| panic!("{name}: {problem}"));
        }
        states.push((name.to_string(), state));
    }
    let mut changes = Vec::new();
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
        changes.extend(check_snapshot(&format!("view_{name}"), &svg));
    }
    assert_eq!(
        drawn,
        states.len() - 1,
        "every view but data quality draws a chart"
    );
    assert!(
        changes.is_empty(),
        "{}\n\nIf these changes are intended, look at the new drawings, then run\n  UPDATE_SNAPSHOTS=1 cargo test --test chart\nto accept them.",
        changes.join("\n\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Behaviour

#[test]
fn a_missing_point_is_a_gap_not_a_bridge_and_not_zero() {
    let svg = page_svg(&line_with_gap());
    let elements = parse_svg(&svg);
    let blue = svg_color(0);
    // Eight of nine years have a value: one marker each, none for the year 2000.
    let xs = marker_xs(&elements, &blue);
    assert_eq!(xs.len(), 8, "one marker per present value: {xs:?}");
    let (before_gap, after_gap) = (xs[2], xs[3]);
    for line in tagged(&elements, "polyline")
        .into_iter()
        .filter(|line| line.get("stroke") == blue)
    {
        for pair in line.points().windows(2) {
            let (left, right) = (pair[0].0.min(pair[1].0), pair[0].0.max(pair[1].0));
            assert!(
                right <= before_gap + 0.5 || left >= after_gap - 0.5,
                "a line piece from x={left} to x={right} crosses the missing year between {before_gap} and {after_gap}"
            );
        }
    }
    // Nothing of the series is drawn at the x of the missing year (where a zero would sit).
    let gap_x = (before_gap + after_gap) / 2.0;
    let near_gap = marker_xs(&elements, &blue)
        .into_iter()
        .filter(|x| (x - gap_x).abs() < 3.0)
        .count();
    assert_eq!(near_gap, 0, "no marker in the gap");
}

#[test]
fn a_zero_is_drawn_and_a_missing_bar_says_so() {
    let svg = page_svg(&bars_missing_negative());
    let elements = parse_svg(&svg);
    let not_available = tagged(&elements, "text")
        .into_iter()
        .filter(|text| text.text == "n/a")
        .count();
    assert_eq!(
        not_available, 1,
        "exactly one n/a, for the one missing value"
    );
    // "Growth" (vermillion) has a corrected value, a zero and a missing one: the zero is a
    // clean bar of its own colour, the missing one is no bar at all.
    let vermillion = svg_color(1);
    let solid = tagged(&elements, "rect")
        .into_iter()
        .filter(|rect| rect.get("fill") == vermillion)
        .count();
    assert_eq!(solid, 1, "the zero is drawn as a (thin) solid bar");

    // On a line, a zero gets a marker and is joined to its neighbours.
    let mut plot = line_uneven_years();
    plot.series[0].points[2] = clean(0.0);
    let elements = parse_svg(&page_svg(&plot));
    assert_eq!(marker_xs(&elements, &svg_color(2)).len(), 6);
}

#[test]
fn dashes_appear_only_next_to_flagged_points() {
    let statuses = [
        Status::Clean,
        Status::Clean,
        Status::Clean,
        Status::Uncertain,
        Status::Clean,
        Status::Clean,
        Status::Corrected,
    ];
    let points: Vec<Point> = statuses
        .iter()
        .enumerate()
        .map(|(index, status)| Point {
            value: Some(10.0 + index as f64),
            status: *status,
            note: String::new(),
            derived: false,
            qualifier: Qualifier::Exact,
            decimals: None,
        })
        .collect();
    let plot = plot(
        ChartKind::Line,
        years(1999, 2005),
        vec![series("Only", 0, points)],
    );
    let elements = parse_svg(&chart::to_svg(&plot, &Style::page(false, 1.0), 900, 400));
    let blue = svg_color(0);
    let xs = marker_xs(&elements, &blue);
    assert_eq!(xs.len(), 7);
    let lines: Vec<Vec<(f64, f64)>> = tagged(&elements, "polyline")
        .into_iter()
        .filter(|line| line.get("stroke") == blue && line.points().len() != 5)
        .map(Element::points)
        .collect();
    let dashes: Vec<&Vec<(f64, f64)>> = lines
        .iter()
        .filter(|points| length(points) <= LONGEST_DASH)
        .collect();
    let solids: Vec<&Vec<(f64, f64)>> = lines
        .iter()
        .filter(|points| length(points) > LONGEST_DASH)
        .collect();
    // Dashed pieces lie between the neighbours of the uncertain point (index 3) or the
    // corrected one (index 6), and there are dashes in both places.
    let flagged_spans = [(xs[2], xs[4]), (xs[5], xs[6])];
    for dash in &dashes {
        let inside = flagged_spans
            .iter()
            .any(|(from, to)| dash.iter().all(|(x, _)| *x >= from - 1.0 && *x <= to + 1.0));
        assert!(inside, "a dash at {dash:?} is not next to a flagged point");
    }
    for (from, to) in flagged_spans {
        assert!(
            dashes.iter().any(|dash| dash[0].0 > from && dash[0].0 < to),
            "no dashes between {from} and {to}"
        );
    }
    // The clean stretches (indices 0–2 and 4–5) are solid lines.
    let covers = |from: f64, to: f64| {
        solids.iter().any(|line| {
            line.first().is_some_and(|p| (p.0 - from).abs() < 1.0)
                && line.last().is_some_and(|p| (p.0 - to).abs() < 1.0)
        })
    };
    assert!(
        covers(xs[0], xs[2]),
        "solid line over the first three clean points"
    );
    assert!(
        covers(xs[4], xs[5]),
        "solid line between the two clean points after the uncertain one"
    );
    assert_eq!(solids.len(), 2, "no other solid pieces: {solids:?}");
}

#[test]
fn markers_tell_the_statuses_apart() {
    let elements = parse_svg(&page_svg(&line_with_gap()));
    let blue = svg_color(0);
    let circles: Vec<&Element> = tagged(&elements, "circle")
        .into_iter()
        .filter(|circle| circle.get("fill") == blue || circle.get("stroke") == blue)
        .collect();
    let filled = circles
        .iter()
        .filter(|circle| circle.get("fill") == blue)
        .count();
    let hollow = circles
        .iter()
        .filter(|circle| circle.get("stroke") == blue && circle.get("fill") == "none")
        .count();
    let diamonds = tagged(&elements, "polyline")
        .into_iter()
        .filter(|line| line.get("stroke") == blue && line.points().len() == 5)
        .count();
    // Six clean values, one corrected, one uncertain.
    assert_eq!((filled, hollow, diamonds), (6, 1, 1));
}

#[test]
fn uneven_years_are_spaced_by_their_value() {
    let elements = parse_svg(&page_svg(&line_uneven_years()));
    let xs = marker_xs(&elements, &svg_color(2));
    assert_eq!(xs.len(), 6);
    let per_year = (xs[5] - xs[0]) / 15.0;
    for (x, year) in xs
        .iter()
        .zip([1990.0, 1995.0, 2000.0, 2003.0, 2004.0, 2005.0])
    {
        let expected = xs[0] + (year - 1990.0) * per_year;
        assert!(
            (x - expected).abs() <= 1.0,
            "{year} is drawn at {x}, expected {expected}"
        );
    }
}

#[test]
fn negative_bars_hang_below_a_visible_zero_line() {
    let svg = page_svg(&bars_missing_negative());
    let elements = parse_svg(&svg);
    let texts = tagged(&elements, "text");
    let zero_label = texts
        .iter()
        .find(|text| text.text == "0%")
        .expect("the axis labels zero");
    let zero_y = zero_label.number("y");
    let below = texts.iter().any(|text| text.text.starts_with('−'));
    assert!(below, "the axis has a negative tick");
    let blue = svg_color(0);
    let negative = tagged(&elements, "rect")
        .into_iter()
        .filter(|rect| rect.get("fill") == blue)
        .any(|rect| (rect.number("y") - zero_y).abs() <= 1.0 && rect.number("height") > 5.0);
    assert!(negative, "a bar starts at the zero line and reaches down");
    let zero_line = tagged(&elements, "rect").into_iter().any(|rect| {
        rect.get("fill") == "#888888"
            && (rect.number("y") - zero_y).abs() <= 1.0
            && rect.number("width") > 100.0
    });
    assert!(zero_line, "the zero line is drawn in the axis colour");
}

#[test]
fn a_hundred_percent_stack_stays_inside_the_plot() {
    for style in [Style::export(false), Style::page(true, 2.0)] {
        let svg = chart::to_svg(&stacked(ChartKind::Stacked100), &style, 700, 420);
        let elements = parse_svg(&svg);
        let texts = tagged(&elements, "text");
        let label_y = |label: &str| {
            texts
                .iter()
                .find(|text| text.text == label)
                .map(|text| text.number("y"))
                .unwrap_or_else(|| panic!("no tick {label}"))
        };
        let (top, bottom) = (label_y("100%"), label_y("0%"));
        let colors: Vec<String> = [0, 2, 4]
            .into_iter()
            .map(|index| css_color_in(index, style.dark).to_uppercase())
            .collect();
        let segments: Vec<&Element> = tagged(&elements, "rect")
            .into_iter()
            .filter(|rect| rect.number("height") > 20.0 && rect.number("width") < 300.0)
            .collect();
        assert!(
            segments.len() >= 8,
            "the stacks are drawn: {}",
            segments.len()
        );
        for rect in segments {
            let (y, height) = (rect.number("y"), rect.number("height"));
            assert!(
                y >= top - 0.5 && y + height <= bottom + 0.5,
                "a segment from {y} to {} leaves the plot ({top} to {bottom})",
                y + height
            );
        }
        // The complete stacks reach 100%.
        let tallest = tagged(&elements, "rect")
            .into_iter()
            .filter(|rect| colors.contains(&rect.get("fill").to_string()))
            .map(|rect| rect.number("y"))
            .fold(f64::INFINITY, f64::min);
        assert!(
            (tallest - top).abs() <= 2.0,
            "the stacks fill the axis up to 100%: top segment at {tallest}, axis top at {top}"
        );
        let marks = texts.iter().filter(|text| text.text == "*").count();
        assert_eq!(marks, 1, "the incomplete stack carries a *");
        let explained = texts
            .iter()
            .any(|text| text.text.starts_with("* over a bar"));
        assert_eq!(explained, style.with_legend, "the legend explains the *");
    }
}

#[test]
fn a_log_axis_skips_values_it_cannot_place() {
    let elements = parse_svg(&page_svg(&log_scale()));
    assert_eq!(
        marker_xs(&elements, &svg_color(0)).len(),
        4,
        "the zero is left out"
    );
    assert_eq!(marker_xs(&elements, &svg_color(1)).len(), 5);
    let labels: Vec<String> = tagged(&elements, "text")
        .into_iter()
        .map(|text| text.text.clone())
        .collect();
    for power in ["10", "100", "1,000", "10,000"] {
        assert!(
            labels.iter().any(|label| label == power),
            "tick {power} is labelled: {labels:?}"
        );
    }
    assert!(
        !labels.iter().any(|label| label == "100,000"),
        "the axis ends near the largest value: {labels:?}"
    );
}

#[test]
fn the_highlighted_series_is_drawn_thicker_and_on_top() {
    let svg = export_svg(&line_with_gap());
    let elements = parse_svg(&svg);
    let width_of = |color: String| {
        tagged(&elements, "polyline")
            .into_iter()
            .filter(|line| line.get("stroke") == color && line.points().len() > 5)
            .map(|line| line.number("stroke-width"))
            .fold(0.0, f64::max)
    };
    assert!(width_of(svg_color(1)) > width_of(svg_color(0)));
    let first_of = |color: String| {
        svg.find(&format!("stroke=\"{color}\""))
            .unwrap_or(usize::MAX)
    };
    assert!(
        first_of(svg_color(1)) > first_of(svg_color(0)),
        "the highlighted line is drawn after the others"
    );
}

#[test]
fn an_empty_plot_says_what_to_do() {
    let svg = export_svg(&empty());
    assert!(svg.contains(EMPTY_MESSAGE), "the message is shown: {svg}");
    assert!(
        !page_svg(&empty()).contains("<polyline"),
        "no lines are drawn"
    );
    let phone = chart::to_svg(&empty(), &Style::page(false, 1.0), 320, 240);
    let words: Vec<String> = tagged(&parse_svg(&phone), "text")
        .into_iter()
        .map(|text| text.text.clone())
        .collect();
    assert_eq!(
        words.join(" "),
        format!("Number of enterprises {EMPTY_MESSAGE}"),
        "the message wraps but stays whole"
    );
}

#[test]
fn crowded_labels_turn_or_thin_instead_of_overlapping() {
    // Country names in a phone-wide chart turn upwards, all of them present (some shortened).
    let svg = chart::to_svg(&many_countries(), &Style::page(false, 1.0), 360, 400);
    let elements = parse_svg(&svg);
    let upward: Vec<&Element> = tagged(&elements, "text")
        .into_iter()
        .filter(|text| text.get("transform").starts_with("rotate(270"))
        .collect();
    assert_eq!(upward.len(), 12, "every country is labelled");
    for pair in upward.windows(2) {
        assert!(
            pair[1].number("x") - pair[0].number("x") >= 12.0,
            "upward labels are a line apart"
        );
    }
    // Sixteen years in a phone-wide line chart are thinned so that labels keep apart.
    let categories = years(1990, 2005);
    let line = series(
        "Exports",
        2,
        (0..16).map(|index| clean(f64::from(index) * 3.0)).collect(),
    );
    let svg = chart::to_svg(
        &plot(ChartKind::Line, categories, vec![line]),
        &Style::page(false, 1.0),
        320,
        240,
    );
    let elements = parse_svg(&svg);
    let year_labels: Vec<&Element> = tagged(&elements, "text")
        .into_iter()
        .filter(|text| text.text.len() == 4 && text.text.starts_with(['1', '2']))
        .collect();
    assert!(
        year_labels.len() >= 3 && year_labels.len() < 16,
        "years are thinned: {}",
        year_labels.len()
    );
    assert!(
        year_labels.iter().any(|label| label.text == "1990")
            && year_labels.iter().any(|label| label.text == "2005"),
        "the first and last year stay"
    );
    for pair in year_labels.windows(2) {
        assert!(
            pair[1].number("x") - pair[0].number("x") >= 30.0,
            "year labels keep apart: {} and {}",
            pair[0].text,
            pair[1].text
        );
    }
}

#[test]
fn text_sizes_are_css_pixels_and_scale() {
    let at_one = chart::to_svg(&line_with_gap(), &Style::page(false, 1.0), 640, 400);
    assert!(at_one.contains("font-size=\"12\""), "tick labels are 12 px");
    assert!(at_one.contains("font-family=\"Helvetica, Arial, sans-serif\""));
    let at_two = chart::to_svg(&line_with_gap(), &Style::page(false, 2.0), 1280, 800);
    assert!(
        at_two.contains("font-size=\"24\"") && !at_two.contains("font-size=\"12\""),
        "a scale of 2 doubles every text size"
    );
}

#[test]
fn the_export_stands_alone_and_the_page_leaves_title_and_legend_to_html() {
    let plot = line_with_gap();
    let export = export_svg(&plot);
    let page = chart::to_svg(&plot, &Style::page(false, 1.0), 640, 400);
    for text in [&plot.title, "Foreign", "Source: Ning (2009)"] {
        assert!(export.contains(text), "the export shows {text}");
        assert!(
            !page.contains(text),
            "the page canvas leaves {text} to the HTML"
        );
    }
    // The key explains exactly the statuses that occur, in the words of status_key.
    for (status, description) in status_key(ChartKind::Line) {
        assert!(export.contains(description), "{status:?} is explained");
    }
    let clean_only = export_svg(&line_uneven_years());
    for (_, description) in status_key(ChartKind::Line) {
        assert!(
            !clean_only.contains(description),
            "a chart of clean values needs no key"
        );
    }
}

#[test]
fn dark_mode_draws_on_a_dark_background() {
    let svg = chart::to_svg(&line_with_gap(), &Style::page(true, 1.0), 640, 400);
    let elements = parse_svg(&svg);
    let background = tagged(&elements, "rect")
        .into_iter()
        .next()
        .expect("a background");
    assert_eq!(
        (background.number("width"), background.number("height")),
        (640.0, 400.0)
    );
    let fill = background.get("fill").trim_start_matches('#');
    let channels: Vec<u8> = (0..3)
        .map(|index| u8::from_str_radix(&fill[index * 2..index * 2 + 2], 16).expect("a hex colour"))
        .collect();
    assert!(
        channels.iter().all(|channel| *channel < 60),
        "dark background: {fill}"
    );
}

#[test]
fn small_charts_draw_what_fits_and_huge_ones_say_they_cannot() {
    use ict_explorer::view::{self, State, ViewId};
    // The Export regimes view stacks by default; below about 100 × 80 its plot area used to turn
    // inside out and the drawing panicked, which took the whole page down.
    let exports = view::plot(&State::for_view(ViewId::Exports)).expect("exports plot");
    for (width, height) in [
        (100, 80),
        (90, 70),
        (120, 400),
        (400, 95),
        (300, 200),
        (300, 120),
    ] {
        for style in [
            Style::page(false, 1.0),
            Style::page(true, 3.2),
            Style::export(false),
        ] {
            let svg = chart::to_svg(&exports, &style, width, height);
            assert!(
                !svg.contains("could not be drawn"),
                "{width} × {height}: {svg}"
            );
            let elements = parse_svg(&svg);
            for element in tagged(&elements, "text")
                .into_iter()
                .chain(tagged(&elements, "rect"))
            {
                let y = element.number("y");
                assert!(
                    (-1.0..=f64::from(height) + 1.0).contains(&y),
                    "{width} × {height} in {style:?}: a {} at y = {y} lies outside the chart",
                    element.tag
                );
            }
        }
    }
    // Far beyond any screen: a document that says so, rather than gigabytes of drawing.
    for (width, height) in [(u32::MAX, 400), (640, chart::MAX_SIDE + 1)] {
        let svg = chart::to_svg(&exports, &Style::export(false), width, height);
        assert!(
            svg.contains("could not be drawn") && svg.len() < 1000,
            "{width} × {height}: {svg}"
        );
    }
    let large = chart::to_svg(&exports, &Style::export(false), 20_000, 20_000);
    assert!(!large.contains("could not be drawn") && large.len() < 8 << 20);
}

#[test]
fn values_no_table_holds_are_left_out_and_the_axis_stays_finite() {
    for kind in ChartKind::ALL {
        for log_scale in [false, true] {
            let extreme = Plot {
                log_scale,
                ..plot(
                    kind,
                    years(2001, 2004),
                    vec![
                        series(
                            "a",
                            0,
                            vec![
                                clean(f64::MAX),
                                clean(-f64::MAX),
                                clean(5e-324),
                                clean(1e300),
                            ],
                        ),
                        series(
                            "b",
                            1,
                            vec![clean(1e300), clean(1e300), uncertain(1e300), clean(-1e300)],
                        ),
                    ],
                )
            };
            let svg = chart::to_svg(&extreme, &Style::export(false), 640, 400);
            assert!(
                !svg.contains("could not be drawn") && svg.len() < 1 << 20,
                "{kind:?}, log {log_scale}: {} bytes",
                svg.len()
            );
        }
    }
}

#[test]
fn strange_input_draws_without_panicking() {
    let mut odd = line_with_gap();
    odd.series[0].points.truncate(3);
    odd.series[1].points[4] = clean(f64::NAN);
    odd.series[1].points[5] = clean(f64::INFINITY);
    odd.series[1].color = 99;
    let _ = chart::to_svg(&odd, &Style::export(false), 640, 400);
    let _ = chart::to_svg(&odd, &Style::page(false, f64::NAN), 640, 400);
    let _ = chart::to_svg(&line_with_gap(), &Style::export(false), 0, 0);
    let _ = chart::to_svg(&line_with_gap(), &Style::export(false), 40, 30);
    let mut single = line_uneven_years();
    single.categories.truncate(1);
    let _ = chart::to_svg(&single, &Style::export(false), 640, 400);
    for kind in ChartKind::ALL {
        let mut none = plot(kind, Vec::new(), Vec::new());
        none.log_scale = true;
        assert!(chart::to_svg(&none, &Style::export(false), 640, 400).contains(EMPTY_MESSAGE));
        let mut negative_on_log = bars_missing_negative();
        negative_on_log.kind = kind;
        negative_on_log.log_scale = true;
        for point in negative_on_log
            .series
            .iter_mut()
            .flat_map(|series| series.points.iter_mut())
        {
            point.value = point.value.map(|value| -value.abs());
        }
        let _ = chart::to_svg(&negative_on_log, &Style::export(false), 640, 400);
    }
}

// ---------------------------------------------------------------------------------------------
// Lecture mode: emphasis, annotations, marker shapes, sparse lines, the projector, Play

/// `color` (an SVG hex colour) mixed with `share` of itself and the rest white, as the chart
/// fades a series in light mode.
fn faded(color: &str, share: f64) -> String {
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(&color[1 + at * 2..3 + at * 2], 16).expect("hex"));
        (value * share + 255.0 * (1.0 - share)).round() as u8
    };
    format!("#{:02X}{:02X}{:02X}", channel(0), channel(1), channel(2))
}

/// The plot area of a light chart, read from its grid: left, top, right and bottom.
fn plot_area(elements: &[Element]) -> (f64, f64, f64, f64) {
    let rules: Vec<&Element> = tagged(elements, "rect")
        .into_iter()
        .filter(|rect| rect.get("fill") == "#E2E2E2" || rect.get("fill") == "#888888")
        .filter(|rect| rect.number("height") <= 2.0)
        .collect();
    assert!(!rules.is_empty(), "the chart has a grid");
    let left = rules
        .iter()
        .map(|rule| rule.number("x"))
        .fold(f64::MAX, f64::min);
    let right = rules
        .iter()
        .map(|rule| rule.number("x") + rule.number("width"))
        .fold(f64::MIN, f64::max);
    let top = rules
        .iter()
        .map(|rule| rule.number("y"))
        .fold(f64::MAX, f64::min);
    let bottom = rules
        .iter()
        .map(|rule| rule.number("y"))
        .fold(f64::MIN, f64::max);
    (left, top, right, bottom)
}

#[test]
fn emphasis_dims_the_other_series_without_hiding_them() {
    for kind in [ChartKind::Line, ChartKind::Bars, ChartKind::Stacked] {
        let svg = page_svg(&annotated(kind));
        let elements = parse_svg(&svg);
        let uses = |color: &str| {
            elements
                .iter()
                .any(|element| element.get("fill") == color || element.get("stroke") == color)
        };
        assert!(
            uses(&svg_color(3)),
            "{kind:?}: the emphasised series is drawn in its colour"
        );
        for other in [0, 1] {
            assert!(
                !uses(&svg_color(other)),
                "{kind:?}: a series that is not emphasised keeps its full colour"
            );
            assert!(
                uses(&faded(&svg_color(other), 0.3)),
                "{kind:?}: a series that is not emphasised is hidden instead of dimmed"
            );
        }
    }
    let elements = parse_svg(&page_svg(&annotated(ChartKind::Line)));
    let widest = |color: String| {
        tagged(&elements, "polyline")
            .into_iter()
            .filter(|line| line.get("stroke") == color && line.points().len() > 5)
            .map(|line| line.number("stroke-width"))
            .fold(0.0, f64::max)
    };
    assert!(
        widest(faded(&svg_color(0), 0.3)) < widest(svg_color(3)),
        "dimmed lines are drawn as heavy as the emphasised one"
    );
    let mut plain = annotated(ChartKind::Line);
    plain.emphasis.clear();
    let plain = page_svg(&plain);
    assert!(
        plain.contains(&format!("stroke=\"{}\"", svg_color(0))),
        "without emphasis every series has its own colour"
    );
}

#[test]
fn reference_lines_spans_and_callouts_are_drawn_with_their_labels() {
    for kind in [ChartKind::Line, ChartKind::Bars, ChartKind::Stacked] {
        let svg = export_svg(&annotated(kind));
        let elements = parse_svg(&svg);
        let texts: Vec<String> = tagged(&elements, "text")
            .into_iter()
            .map(|text| text.text.clone())
            .collect();
        for label in [
            "WTO entry",
            "Coverage widens",
            "After WTO entry",
            "Joint-stock firms overtake the state",
        ] {
            assert!(
                texts.iter().any(|text| text == label),
                "{kind:?}: the label '{label}' is missing: {texts:?}"
            );
        }
        // Two dashed reference lines: vertical pieces in the muted colour.
        let (left, top, right, bottom) = plot_area(&elements);
        let dash_xs: Vec<f64> = tagged(&elements, "polyline")
            .into_iter()
            .filter(|line| line.get("stroke") == "#606060")
            .filter_map(|line| match line.points().as_slice() {
                [(x0, _), (x1, _)] if (x0 - x1).abs() < 0.5 => Some(*x0),
                _ => None,
            })
            .collect();
        let mut columns = dash_xs.clone();
        columns.sort_by(f64::total_cmp);
        columns.dedup();
        assert_eq!(
            columns.len(),
            2,
            "{kind:?}: two reference lines, at {columns:?}"
        );
        // The span is a tinted block as tall as the plot.
        let span = tagged(&elements, "rect").into_iter().find(|rect| {
            rect.get("fill") == faded("#222222", 0.08)
                && (rect.number("y") - top).abs() <= 1.0
                && (rect.number("y") + rect.number("height") - bottom).abs() <= 1.0
        });
        let span = span.unwrap_or_else(|| panic!("{kind:?}: the span is not shaded"));
        assert!(
            span.number("x") >= left - 0.5
                && span.number("x") + span.number("width") <= right + 0.5,
            "{kind:?}: the span leaves the plot"
        );
        // The callout's box lies inside the plot.
        let boxes: Vec<Vec<(f64, f64)>> = tagged(&elements, "polyline")
            .into_iter()
            .filter(|line| line.get("stroke") == "#606060" && line.points().len() == 5)
            .map(Element::points)
            .collect();
        assert_eq!(boxes.len(), 1, "{kind:?}: one callout box");
        for (x, y) in &boxes[0] {
            assert!(
                (left - 0.5..=right + 0.5).contains(x) && (top - 0.5..=bottom + 0.5).contains(y),
                "{kind:?}: the callout's corner ({x}, {y}) leaves the plot"
            );
        }
    }
}

#[test]
fn long_labels_are_cut_to_fit_and_tiny_charts_still_draw() {
    // Helvetica's W is 0.944 em wide and the ellipsis 1 em, so the test knows each label's width.
    let long = "W".repeat(60);
    let mut chart = annotated(ChartKind::Line);
    for mark in &mut chart.marks {
        mark.label = long.clone();
    }
    chart.bands[0].label = long.clone();
    chart.notes[0].label = format!("{long} {long} {long} {long}");
    for (width, height) in [(640, 400), (360, 260), (200, 160)] {
        let svg = chart::to_svg(&chart, &Style::page(false, 1.0), width, height);
        let elements = parse_svg(&svg);
        let (left, _, right, _) = plot_area(&elements);
        for text in tagged(&elements, "text")
            .into_iter()
            .filter(|text| text.text.starts_with('W'))
        {
            let size = text.number("font-size");
            let ws = text.text.chars().filter(|ch| *ch == 'W').count() as f64;
            let cut = if text.text.ends_with('…') { 1.0 } else { 0.0 };
            let x = text.number("x");
            let text_right = x + (ws * 0.944 + cut) * size;
            assert!(
                x >= left - 1.0 && text_right <= right + 1.0,
                "{width} × {height}: a label from {x} to {text_right} leaves the plot ({left} to {right})"
            );
            assert!(
                text.text.ends_with('…'),
                "{width} × {height}: a label too long for the chart is not cut: {}",
                text.text
            );
        }
    }
    for kind in ChartKind::ALL {
        for side in [0, 10, 40, 80, 100, 120, 160, 240] {
            for style in [
                Style::page(false, 1.0),
                Style::export(true),
                Style::projector(false),
            ] {
                let svg = chart::to_svg(&annotated(kind), &style, side, side * 3 / 4);
                assert!(
                    svg.starts_with("<svg") && !svg.contains("could not be drawn"),
                    "{kind:?} at {side}: {svg}"
                );
            }
        }
    }
}

#[test]
fn labels_from_links_are_escaped_in_the_svg() {
    use ict_explorer::view::{self, State};
    let (state, problems) =
        State::from_query("view=fdi&mark=2001:<script>alert(1)</script> %26 \"co\"");
    assert!(problems.is_empty(), "{problems:?}");
    let plot = view::plot(&state).expect("the FDI view has a chart");
    let svg = chart::to_svg(&plot, &Style::export(false), 960, 540);
    assert!(
        !svg.contains("<script")
            && svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"),
        "a label from a link reaches the SVG unescaped"
    );
}

#[test]
fn every_marker_shape_is_drawn_and_statuses_stay_apart() {
    let elements = parse_svg(&page_svg(&every_shape()));
    let corners = |shape: Shape| match shape {
        Shape::Circle => 0,
        Shape::Square => 4,
        Shape::Triangle | Shape::TriangleDown => 3,
        Shape::Plus | Shape::Cross => 12,
        Shape::Star => 10,
    };
    for (index, shape) in Shape::ALL.into_iter().enumerate() {
        let color = svg_color(index);
        let filled = if shape == Shape::Circle {
            tagged(&elements, "circle")
                .into_iter()
                .filter(|circle| circle.get("fill") == color)
                .count()
        } else {
            tagged(&elements, "polygon")
                .into_iter()
                .filter(|polygon| {
                    polygon.get("fill") == color && polygon.points().len() == corners(shape)
                })
                .count()
        };
        assert_eq!(
            filled, 2,
            "{shape:?}: the two clean values are filled {shape:?}s"
        );
        // The corrected value is the same shape, hollow; the uncertain one a hollow diamond.
        let outlines: Vec<usize> = tagged(&elements, "polyline")
            .into_iter()
            .filter(|line| line.get("stroke") == color && line.points().len() > 2)
            .filter(|line| {
                let points = line.points();
                points.first() == points.last()
            })
            .map(|line| line.points().len() - 1)
            .collect();
        let hollow_same = if shape == Shape::Circle {
            tagged(&elements, "circle")
                .into_iter()
                .filter(|circle| circle.get("stroke") == color && circle.get("fill") == "none")
                .count()
        } else {
            outlines
                .iter()
                .filter(|count| **count == corners(shape))
                .count()
        };
        assert!(
            hollow_same >= 1,
            "{shape:?}: the corrected value is not a hollow {shape:?}"
        );
        assert!(
            outlines.contains(&4),
            "{shape:?}: the uncertain value is not a hollow diamond"
        );
    }
}

#[test]
fn sparse_values_are_joined_by_dots_never_by_a_solid_line() {
    let svg = page_svg(&sparse());
    let elements = parse_svg(&svg);
    let blue = svg_color(0);
    let xs = marker_xs(&elements, &blue);
    assert_eq!(xs.len(), 3, "one marker per value: {xs:?}");
    let pieces: Vec<Vec<(f64, f64)>> = tagged(&elements, "polyline")
        .into_iter()
        .filter(|line| line.get("stroke") == blue)
        .map(Element::points)
        .collect();
    let width = 2.0;
    let between = |from: f64, to: f64| {
        pieces.iter().filter(move |points| {
            points
                .iter()
                .all(|(x, _)| *x >= from - 0.5 && *x <= to + 0.5)
        })
    };
    let long_gap: Vec<f64> = between(xs[0], xs[1]).map(|points| length(points)).collect();
    assert!(
        long_gap.len() > 20 && long_gap.iter().all(|piece| *piece <= width + 1.0),
        "1993 and 2003 are joined by {} pieces up to {:?} px long: not dots",
        long_gap.len(),
        long_gap.iter().copied().fold(0.0, f64::max)
    );
    assert!(
        between(xs[1], xs[2]).any(|points| length(points) >= (xs[2] - xs[1]) * 0.9),
        "2003 and 2004, consecutive years, lose their solid line"
    );
    // The series with nothing quoted for 2003 keeps its gap: two lone markers.
    let orange = svg_color(4);
    assert!(
        !tagged(&elements, "polyline")
            .into_iter()
            .any(|line| line.get("stroke") == orange && line.points().len() == 2),
        "a missing value is bridged"
    );
    let export = export_svg(&sparse());
    assert!(
        export.contains(chart::SPARSE_KEY),
        "the legend does not explain the dots"
    );
    assert!(
        !export_svg(&line_uneven_years()).contains(chart::SPARSE_KEY),
        "a yearly table's line is explained as sparse"
    );
    let mut yearly = sparse();
    yearly.series[0].sparse = false;
    let elements = parse_svg(&page_svg(&yearly));
    assert!(
        tagged(&elements, "polyline")
            .into_iter()
            .any(|line| line.get("stroke") == blue && line.points().len() == 3),
        "a series that is not sparse loses its solid line"
    );
}

/// The WCAG 2.1 contrast ratio of two colours.
fn contrast((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        |r: u8, g: u8, b: u8| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let (a, b) = (luminance(r1, g1, b1), luminance(r2, g2, b2));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn every_series_colour_stands_out_from_its_background() {
    use ict_explorer::plot::{DARK_PALETTE, PALETTE};
    assert!(
        (contrast((230, 159, 0), (255, 255, 255)) - 2.25).abs() < 0.01,
        "the formula"
    );
    let hex = |(r, g, b): (u8, u8, u8)| format!("#{r:02x}{g:02x}{b:02x}");
    for color in PALETTE {
        let ratio = contrast(color, (255, 255, 255));
        assert!(
            ratio >= 3.0,
            "{} has only {ratio:.2}:1 against white: its lines wash out in light mode",
            hex(color)
        );
    }
    // The page's dark background (www/style.css) and the chart's own.
    let chart_dark = {
        let svg = chart::to_svg(&line_with_gap(), &Style::page(true, 1.0), 100, 100);
        let elements = parse_svg(&svg);
        let fill = tagged(&elements, "rect")[0].get("fill").to_string();
        let channel =
            |at: usize| u8::from_str_radix(&fill[1 + at * 2..3 + at * 2], 16).expect("hex");
        (channel(0), channel(1), channel(2))
    };
    for background in [(0x15, 0x19, 0x1c), chart_dark] {
        for color in DARK_PALETTE {
            let ratio = contrast(color, background);
            assert!(
                ratio >= 3.0,
                "{} has only {ratio:.2}:1 against {}: it sinks into the dark",
                hex(color),
                hex(background)
            );
        }
    }
}

#[test]
fn the_projector_style_is_readable_from_the_back_row() {
    use ict_explorer::plot::{DARK_PALETTE, PALETTE};
    use ict_explorer::view::{self, State, ViewId};
    let mut state = State::for_view(ViewId::Ownership);
    state
        .apply("emph", "foreign_funded", true)
        .expect("emphasis");
    state.apply("mark", "2001:WTO entry", true).expect("a mark");
    let ownership = view::plot(&state).expect("plot");
    let mut market = State::for_view(ViewId::Market);
    market
        .apply("measure", "value_added_to_sales", true)
        .expect("a measure with a best guess");
    let market = view::plot(&market).expect("plot");
    for dark in [false, true] {
        // Series colours, and the dimmed ones on either background.
        let palette = if dark { DARK_PALETTE } else { PALETTE };
        let mut series_colors: Vec<String> = Vec::new();
        for (r, g, b) in palette {
            let color = format!("#{r:02X}{g:02X}{b:02X}");
            series_colors.push(faded(&color, 0.3));
            series_colors.push(color);
        }
        for plot in [&ownership, &market] {
            let svg = chart::to_svg(plot, &Style::projector(dark), 1800, 820);
            let elements = parse_svg(&svg);
            let texts = tagged(&elements, "text");
            let smallest_text = texts
                .iter()
                .map(|text| text.number("font-size"))
                .fold(f64::MAX, f64::min);
            assert!(
                smallest_text >= 28.0,
                "{}: text of {smallest_text} px is too small for the back row",
                plot.title
            );
            let series_lines: Vec<f64> = tagged(&elements, "polyline")
                .into_iter()
                .filter(|line| series_colors.contains(&line.get("stroke").to_string()))
                .map(|line| line.number("stroke-width"))
                .collect();
            let thinnest = series_lines.iter().copied().fold(f64::MAX, f64::min);
            assert!(
                !series_lines.is_empty() && thinnest >= 4.0,
                "{}: a series line {thinnest} px wide is too thin for a projector",
                plot.title
            );
            let markers = tagged(&elements, "circle")
                .into_iter()
                .map(|circle| circle.number("r"))
                .fold(f64::MAX, f64::min);
            assert!(
                markers >= 8.0,
                "{}: markers of radius {markers} px do not grow with the lines",
                plot.title
            );
            // Still a chart: a value axis with several ticks and every year labelled.
            let years = texts
                .iter()
                .filter(|text| text.text.len() == 4 && text.text.starts_with(['1', '2']))
                .count();
            assert!(
                years >= plot.categories.len(),
                "{}: only {years} of {} years are labelled",
                plot.title,
                plot.categories.len()
            );
            let ticks = texts
                .iter()
                .filter(|text| {
                    text.text.ends_with('%')
                        || text.text.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
                })
                .count();
            assert!(
                ticks >= 3 + years,
                "{}: the value axis has too few ticks",
                plot.title
            );
            for text in &texts {
                let (x, y) = (text.number("x"), text.number("y"));
                assert!(
                    (0.0..=1800.0).contains(&x) && (0.0..=820.0).contains(&y),
                    "{}: '{}' at ({x}, {y}) lies outside the canvas",
                    plot.title,
                    text.text
                );
            }
        }
    }
}

#[test]
fn play_keeps_the_value_axis_still_through_every_year() {
    use ict_explorer::view::{self, State, ViewId};
    let tick_labels = |plot: &Plot| -> Vec<String> {
        let svg = chart::to_svg(plot, &Style::page(false, 1.0), 800, 450);
        let elements = parse_svg(&svg);
        tagged(&elements, "text")
            .into_iter()
            .filter(|text| text.get("text-anchor") == "end")
            .map(|text| text.text.clone())
            .collect()
    };
    let fdi_log = {
        let mut state = State::for_view(ViewId::Fdi);
        state.apply("log", "", true).expect("log scale");
        state
    };
    let ownership_bars = {
        let mut state = State::for_view(ViewId::Ownership);
        state.apply("chart", "stacked", true).expect("stacked bars");
        state
    };
    for start in [
        State::for_view(ViewId::Fdi),
        fdi_log,
        State::for_view(ViewId::Ownership),
        ownership_bars,
        State::for_view(ViewId::Market),
    ] {
        let whole = view::plot(&start).expect("plot");
        let mut state = start.clone();
        state.apply("play", "", true).expect("play");
        let first = view::plot(&state).expect("plot");
        let mut alone = state.clone();
        alone
            .apply("category", &first.categories[0].id, true)
            .expect("the first year, not playing");
        assert_ne!(
            chart::value_domain(&view::plot(&alone).expect("plot")),
            chart::value_domain(&whole),
            "{}: the first year alone fills the same axis as all of them, so the test cannot tell",
            whole.title
        );
        let expected = (chart::value_domain(&whole), tick_labels(&whole));
        for step in 0..whole.categories.len() {
            let plot = view::plot(&state).expect("plot");
            assert_eq!(
                plot.categories.len(),
                step + 1,
                "{}: Play shows one more year each step",
                whole.title
            );
            assert_eq!(
                (chart::value_domain(&plot), tick_labels(&plot)),
                expected,
                "{}: the value axis moves at step {} of Play, so growth stops looking like growth",
                whole.title,
                step + 1
            );
            state.apply("step", "next", true).expect("step");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Gallery

/// Writes every fixture and every view of the explorer as SVG at phone, laptop and projector
/// sizes, light and dark, for people to look at (convert to PNG with `rsvg-convert`).
#[test]
#[ignore = "writes files for people to look at; run with --ignored gallery"]
fn gallery() {
    use ict_explorer::view::{self, State, ViewId};
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("chart-gallery");
    std::fs::create_dir_all(&folder).expect("the gallery folder can be created");
    let mut plots: Vec<(String, Plot)> = fixtures()
        .into_iter()
        .map(|(name, plot)| (name.to_string(), plot))
        .collect();
    for view_id in ViewId::ALL
        .into_iter()
        .filter(|view_id| *view_id != ViewId::Quality)
    {
        let mut state = State::for_view(view_id);
        for kind in view::chart_kinds(&state) {
            state.chart = kind;
            if let Some(plot) = view::plot(&state) {
                plots.push((format!("view_{}_{}", view_id.id(), kind.id()), plot));
            }
        }
    }
    /// The style of a chart in light (`false`) or dark mode.
    type StyleFor = fn(bool) -> Style;
    let page_style: StyleFor = |dark| Style::page(dark, 1.0);
    // The projector's canvas, about what presentation mode leaves it of a 1920 × 1080 screen.
    let sizes: [(&str, u32, u32, StyleFor); 3] = [
        ("phone", 360, 300, page_style),
        ("laptop", 1280, 720, page_style),
        ("projector", 1800, 820, Style::projector),
    ];
    for (name, plot) in &plots {
        for (size, width, height, style) in sizes {
            for dark in [false, true] {
                let theme = if dark { "dark" } else { "light" };
                let page = chart::to_svg(plot, &style(dark), width, height);
                std::fs::write(folder.join(format!("{name}_{size}_{theme}_page.svg")), page)
                    .expect("written");
            }
            let export = chart::to_svg(plot, &Style::export(false), width, height + 160);
            std::fs::write(folder.join(format!("{name}_{size}_export.svg")), export)
                .expect("written");
        }
    }
    println!("gallery written to {}", folder.display());
}

#[test]
fn bounds_and_approximations_are_marked_on_the_chart() {
    for kind in [ChartKind::Line, ChartKind::Bars] {
        let mut bounded = clean(20.0);
        bounded.qualifier = Qualifier::AtMost;
        let mut about = clean(53.0);
        about.qualifier = Qualifier::About;
        let chart = plot(
            kind,
            years(2003, 2005),
            vec![series("a", 0, vec![bounded, about, clean(57.0)])],
        );
        let svg = page_svg(&chart);
        assert!(
            svg.contains(">\n≤\n<"),
            "{kind:?}: a 'less than' value is drawn as if exact"
        );
        assert!(
            svg.contains(">\n≈\n<"),
            "{kind:?}: an 'about' value is drawn as if exact"
        );
        let exact = page_svg(&plot(
            kind,
            years(2003, 2005),
            vec![series("a", 0, vec![clean(20.0), clean(53.0), clean(57.0)])],
        ));
        assert!(
            !exact.contains(">\n≤\n<") && !exact.contains(">\n≈\n<"),
            "{kind:?}: exact values carry no mark"
        );
    }
}
