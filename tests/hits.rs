//! The chart's hit layout: the marks `chart::draw` records while it draws, which the page's
//! tooltips look values up in. What a reader relies on: pointing at any drawn value finds that
//! value, pointing away from every value finds none, the layout is the drawing's (not a second
//! guess at it), and the tooltip names the series, year, value with unit, status and note.

use ict_explorer::chart::{self, Area, DrawnValue, Hits, Style, MOUSE_REACH, TOUCH_REACH};
use ict_explorer::data::{Qualifier, Status, Unit};
use ict_explorer::html;
use ict_explorer::plot::{Category, ChartKind, Plot, Point, Series, Shape};
use ict_explorer::view::{self, Event, State, ViewId, TOPICS};

/// The size the page's chart has on a laptop, in CSS pixels.
const SIZE: (u32, u32) = (960, 540);

// ---------------------------------------------------------------------------------------------
// Plots

fn point(value: Option<f64>, status: Status, note: &str) -> Point {
    Point {
        value,
        status,
        note: note.to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

fn clean(value: f64) -> Point {
    point(Some(value), Status::Clean, "")
}

fn series(id: &str, label: &str, points: Vec<Point>) -> Series {
    Series {
        id: id.to_string(),
        label: label.to_string(),
        color: 0,
        shape: Shape::Circle,
        highlight: false,
        sparse: false,
        points,
    }
}

fn year(year: u16) -> Category {
    Category {
        id: year.to_string(),
        label: year.to_string(),
        year: Some(year),
    }
}

fn fixture(kind: ChartKind, unit: Unit, series: Vec<Series>) -> Plot {
    let count = series.first().map_or(0, |series| series.points.len());
    Plot {
        title: "A test chart".to_string(),
        y_label: "Value".to_string(),
        x_label: String::new(),
        unit,
        kind,
        log_scale: false,
        categories: (0..count).map(|index| year(2000 + index as u16)).collect(),
        series,
        source: String::new(),
        emphasis: Vec::new(),
        reference_lines: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        outlines: Vec::new(),
        value_domain: None,
        timeline: Vec::new(),
    }
}

/// Three series over four years, with a gap, a corrected and an uncertain value, a bound and
/// an approximation, fixed decimals, a computed value, and markup in a label and a note.
fn survey(kind: ChartKind) -> Plot {
    let mut about = point(Some(20.0), Status::Corrected, "OCR read 20.0 as 2O.0");
    about.qualifier = Qualifier::About;
    about.decimals = Some(1);
    let mut computed = clean(31.3);
    computed.derived = true;
    let mut bound = point(Some(12.0), Status::Uncertain, "could also be 17 <or> 71");
    bound.qualifier = Qualifier::AtMost;
    fixture(
        kind,
        Unit::Percent,
        vec![
            series(
                "state_owned",
                "State <owned> & co",
                vec![clean(40.0), about, clean(35.5), computed],
            ),
            series(
                "private",
                "Private",
                vec![
                    clean(10.0),
                    point(None, Status::Missing, "illegible"),
                    bound,
                    clean(15.0),
                ],
            ),
            series(
                "foreign_funded",
                "Foreign funded",
                vec![clean(50.0), clean(48.0), clean(52.5), clean(53.75)],
            ),
        ],
    )
}

/// Every chart the explorer shows: each view with each of its measures and chart kinds, each
/// transform, and each topic of the prose.
fn every_view() -> Vec<(String, Plot)> {
    let mut plots = Vec::new();
    let mut add = |name: String, state: &State| {
        if let Some(plot) = view::plot(state) {
            plots.push((name, plot));
        }
    };
    for view in ViewId::ALL {
        let start = State::for_view(view);
        for measure in view::measures(view) {
            let mut state = start.clone();
            Event::read("measure", measure.id, true)
                .and_then(|event| state.apply(event))
                .expect("a listed measure");
            for kind in view::chart_kinds(&state) {
                let mut state = state.clone();
                Event::read("chart", kind.id(), true)
                    .and_then(|event| state.apply(event))
                    .expect("a listed kind");
                add(
                    format!("{} {} {}", view.id(), measure.id, kind.id()),
                    &state,
                );
            }
        }
        for transform in view::transforms(view) {
            let mut state = start.clone();
            if Event::read("transform", transform.id(), true)
                .and_then(|event| state.apply(event))
                .is_ok()
            {
                add(format!("{} {}", view.id(), transform.id()), &state);
            }
        }
    }
    for topic in TOPICS {
        let mut state = State::for_view(ViewId::Trade);
        Event::read("topic", topic.id, true)
            .and_then(|event| state.apply(event))
            .expect("a listed topic");
        add(format!("topic {}", topic.id), &state);
    }
    plots
}

/// The fixtures and every view, as the page draws them (no title, no legend).
fn every_chart() -> Vec<(String, Plot)> {
    let mut plots: Vec<(String, Plot)> = ChartKind::ALL
        .into_iter()
        .map(|kind| (format!("fixture {}", kind.id()), survey(kind)))
        .collect();
    plots.extend(every_view());
    plots
}

fn page(plot: &Plot) -> (String, Hits) {
    chart::to_svg_with_hits(plot, &Style::page(false, 1.0), SIZE.0, SIZE.1)
}

// ---------------------------------------------------------------------------------------------
// Geometry, written out again here so that the tests do not trust the code they test

fn middle(mark: &DrawnValue) -> (f64, f64) {
    match mark.area {
        Area::Point { x, y, .. } => (x, y),
        Area::Rect { x0, y0, x1, y1 } => ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
    }
}

fn distance(mark: &DrawnValue, (x, y): (f64, f64)) -> f64 {
    match mark.area {
        Area::Point {
            x: cx,
            y: cy,
            radius,
        } => ((x - cx).hypot(y - cy) - radius).max(0.0),
        Area::Rect { x0, y0, x1, y1 } => {
            let dx = (x0 - x).max(x - x1).max(0.0);
            let dy = (y0 - y).max(y - y1).max(0.0);
            dx.hypot(dy)
        }
    }
}

fn same_value(a: &DrawnValue, b: &DrawnValue) -> bool {
    (a.series, a.point) == (b.series, b.point)
}

fn describe(mark: &DrawnValue) -> String {
    format!("{} {}", mark.series_id, mark.category_id)
}

/// The numbers of an SVG attribute such as `points="1,2 3,4 "` or `cx="12"`.
fn numbers(text: &str) -> Vec<f64> {
    text.split([',', ' '])
        .filter_map(|part| part.parse().ok())
        .collect()
}

/// The value of attribute `name` on one line of plotters' SVG (one element per line).
fn attribute<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
    let length = line[start..].find('"')?;
    Some(&line[start..start + length])
}

/// The centres of the round and polygonal shapes an SVG draws, and its rectangles.
fn svg_shapes(svg: &str) -> (Vec<(f64, f64)>, Vec<[f64; 4]>) {
    let (mut centres, mut rects) = (Vec::new(), Vec::new());
    for line in svg.lines().map(str::trim) {
        if line.starts_with("<circle") {
            let at = |name| attribute(line, name).map(numbers).unwrap_or_default();
            if let (Some(x), Some(y)) = (at("cx").first(), at("cy").first()) {
                centres.push((*x, *y));
            }
        } else if line.starts_with("<polygon") || line.starts_with("<polyline") {
            let values = attribute(line, "points").map(numbers).unwrap_or_default();
            let mut corners: Vec<(f64, f64)> =
                values.chunks(2).map(|pair| (pair[0], pair[1])).collect();
            // A closed outline repeats its first corner.
            if corners.len() > 2 && corners.first() == corners.last() {
                corners.pop();
            }
            if !corners.is_empty() {
                let count = corners.len() as f64;
                let sum = corners
                    .iter()
                    .fold((0.0, 0.0), |(x, y), (cx, cy)| (x + cx, y + cy));
                centres.push((sum.0 / count, sum.1 / count));
            }
        } else if line.starts_with("<rect") {
            let value = |name| {
                attribute(line, name)
                    .map(numbers)
                    .and_then(|values| values.first().copied())
            };
            if let (Some(x), Some(y), Some(width), Some(height)) =
                (value("x"), value("y"), value("width"), value("height"))
            {
                rects.push([x, y, x + width, y + height]);
            }
        }
    }
    (centres, rects)
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn every_drawn_value_has_one_mark_and_nothing_else_has_one() {
    for (name, plot) in every_chart() {
        let (_, hits) = page(&plot);
        let mut seen = std::collections::HashSet::new();
        for mark in hits.drawn_values() {
            let series = &plot.series[mark.series];
            let point = &series.points[mark.point];
            assert_eq!(
                (mark.series_id.as_str(), mark.category_id.as_str()),
                (series.id.as_str(), plot.categories[mark.point].id.as_str()),
                "{name}: a mark names another series or year than the point it was drawn for"
            );
            assert!(
                point.value.is_some(),
                "{name}: {} has no value but would get a tooltip",
                describe(mark)
            );
            assert!(
                seen.insert((mark.series, mark.point)),
                "{name}: {} is recorded twice",
                describe(mark)
            );
        }
        // A log axis leaves out values of zero or less, and a 100% stack negative ones; any
        // other value the plot holds is drawn, so it must be found.
        if !plot.log_scale && plot.kind != ChartKind::Stacked100 {
            let values = plot
                .series
                .iter()
                .flat_map(|series| &series.points)
                .filter(|point| point.value.is_some())
                .count();
            assert_eq!(
                hits.drawn_values().len(),
                values,
                "{name}: some values drawn on the chart would show no tooltip"
            );
        }
        assert!(
            !hits.drawn_values().is_empty() || plot.is_empty(),
            "{name}: a chart with values recorded no marks"
        );
    }
}

#[test]
fn pointing_at_a_mark_finds_its_value() {
    let mut checked = 0;
    for (name, plot) in every_chart() {
        let (_, hits) = page(&plot);
        for mark in hits.drawn_values() {
            let at = middle(mark);
            for (reach, pointer) in [(MOUSE_REACH, "mouse"), (TOUCH_REACH, "finger")] {
                let found = hits.at(at, reach).unwrap_or_else(|| {
                    panic!("{name}: the {pointer} on {} finds nothing", describe(mark))
                });
                // Only a mark drawn over the same spot (two lines meeting) may answer instead.
                assert!(
                    same_value(found, mark) || distance(found, at) == 0.0,
                    "{name}: the {pointer} on {} shows {} instead",
                    describe(mark),
                    describe(found)
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} marks were checked");
}

#[test]
fn pointing_away_from_every_mark_finds_nothing() {
    for (name, plot) in every_chart() {
        let (_, hits) = page(&plot);
        assert!(
            hits.at((0.0, 0.0), TOUCH_REACH).is_none(),
            "{name}: the chart's top left corner shows a tooltip"
        );
        // A grid of positions over the whole chart: what is found must be within reach, and
        // nothing may be found where every mark is out of reach.
        for row in (0..SIZE.1).step_by(9) {
            for column in (0..SIZE.0).step_by(9) {
                let at = (f64::from(column), f64::from(row));
                let nearest = hits
                    .drawn_values()
                    .iter()
                    .map(|mark| distance(mark, at))
                    .fold(f64::INFINITY, f64::min);
                match hits.at(at, MOUSE_REACH) {
                    Some(found) => {
                        let away = distance(found, at);
                        assert!(
                            away <= MOUSE_REACH && away <= nearest + 1e-9,
                            "{name}: at {at:?} the tooltip shows {}, {away:.1} px away, though a mark is {nearest:.1} px away",
                            describe(found)
                        );
                    }
                    None => assert!(
                        nearest > MOUSE_REACH,
                        "{name}: at {at:?} a mark {nearest:.1} px away shows no tooltip"
                    ),
                }
            }
        }
    }
}

#[test]
fn the_marks_are_where_the_drawing_put_its_shapes() {
    for (name, plot) in every_chart() {
        let (svg, hits) = page(&plot);
        let (centres, rects) = svg_shapes(&svg);
        for mark in hits.drawn_values() {
            let drawn = match mark.area {
                Area::Point { x, y, .. } => centres
                    .iter()
                    .any(|(cx, cy)| (cx - x).abs() <= 1.5 && (cy - y).abs() <= 1.5),
                // Bars are drawn at whole pixels.
                Area::Rect { x0, y0, x1, y1 } => rects.iter().any(|rect| {
                    [x0, y0, x1, y1]
                        .iter()
                        .zip(rect)
                        .all(|(mark, drawn)| (mark - drawn).abs() <= 1.0)
                }),
            };
            assert!(
                drawn,
                "{name}: nothing is drawn where the mark of {} says it is ({:?})",
                describe(mark),
                mark.area
            );
        }
    }
}

#[test]
fn bars_and_stack_segments_are_found_where_they_stand() {
    for kind in [ChartKind::Bars, ChartKind::Stacked] {
        let plot = survey(kind);
        let (_, hits) = page(&plot);
        let rect = |series: usize, point: usize| {
            let mark = hits
                .drawn_values()
                .iter()
                .find(|mark| (mark.series, mark.point) == (series, point))
                .unwrap_or_else(|| panic!("{kind:?}: no mark for series {series} at {point}"));
            match mark.area {
                Area::Rect { x0, y0, x1, y1 } => (x0, y0, x1, y1),
                Area::Point { .. } => panic!("{kind:?}: a bar recorded as a point"),
            }
        };
        for point in 0..plot.categories.len() {
            for series in 0..plot.series.len() {
                if plot.series[series].points[point].value.is_none() {
                    continue;
                }
                let (x0, y0, x1, y1) = rect(series, point);
                // Just inside the top and the bottom edge, as a reader aims at a thin segment.
                for at in [((x0 + x1) / 2.0, y0 + 1.0), ((x0 + x1) / 2.0, y1 - 1.0)] {
                    let found = hits.at(at, MOUSE_REACH).expect("a bar under the pointer");
                    assert_eq!(
                        (found.series, found.point),
                        (series, point),
                        "{kind:?}: at {at:?} the tooltip names {} instead of {} {}",
                        describe(found),
                        plot.series[series].id,
                        plot.categories[point].id
                    );
                }
            }
        }
        // The value of the first year, 40 + 10 + 50, is drawn in the order of the series:
        // side by side from the left for bars, stacked from the bottom for stacks, and as
        // tall as the value.
        let (first, second, third) = (rect(0, 0), rect(1, 0), rect(2, 0));
        let height = |(_, y0, _, y1): (f64, f64, f64, f64)| y1 - y0;
        match kind {
            ChartKind::Bars => assert!(
                first.2 <= second.0 && second.2 <= third.0,
                "bars of one year are not side by side in series order"
            ),
            _ => assert!(
                first.1 >= second.3 - 1.5 && second.1 >= third.3 - 1.5,
                "stack segments are not stacked in series order from the bottom"
            ),
        }
        let ratio = height(third) / height(second);
        assert!(
            (ratio - 5.0).abs() < 0.4,
            "{kind:?}: a value five times another is drawn {ratio:.2} times as tall"
        );
    }
}

#[test]
fn marks_drawn_at_twice_the_pixels_scale_back_to_the_same_places() {
    // The page draws on a canvas at devicePixelRatio × its CSS size, with every size scaled
    // by the ratio, and scales the marks back: they must land where a 1× drawing puts them.
    let plot = survey(ChartKind::Line);
    let (_, single) = page(&plot);
    let (_, double) =
        chart::to_svg_with_hits(&plot, &Style::page(false, 2.0), SIZE.0 * 2, SIZE.1 * 2);
    let double = double.scaled(0.5, 0.5);
    assert_eq!(single.drawn_values().len(), double.drawn_values().len());
    for (one, two) in single.drawn_values().iter().zip(double.drawn_values()) {
        let ((x1, y1), (x2, y2)) = (middle(one), middle(two));
        assert!(
            same_value(one, two) && (x1 - x2).abs() <= 3.0 && (y1 - y2).abs() <= 3.0,
            "on a high-density screen the tooltip of {} would be looked up {:.1} px away",
            describe(one),
            (x1 - x2).hypot(y1 - y2)
        );
    }
}

#[test]
fn the_tooltip_names_series_year_value_with_unit_status_and_note() {
    let plot = survey(ChartKind::Line);
    let (_, hits) = page(&plot);
    let tooltip = |series: usize, point: usize| {
        let mark = hits
            .drawn_values()
            .iter()
            .find(|mark| (mark.series, mark.point) == (series, point))
            .expect("a mark for a value");
        let found = hits
            .at(middle(mark), MOUSE_REACH)
            .expect("a mark under the pointer");
        html::tooltip(&plot, found).expect("a tooltip for a value")
    };
    // (series, year, what the tooltip must say, what a reader would miss)
    let cases: [(usize, usize, &[&str], &str); 4] = [
        (
            0,
            1,
            &[
                "State &lt;owned&gt; &amp; co",
                "2001: ",
                "≈ 20.0%",
                "corrected from garbled OCR text",
                "OCR read 20.0 as 2O.0",
                "status-corrected",
            ],
            "a corrected approximation with its printed decimal",
        ),
        (
            1,
            2,
            &[
                "Private",
                "2002: ",
                "≤ 12%",
                "a best guess, garbled in the OCR text or placed by inference",
                "could also be 17 &lt;or&gt; 71",
            ],
            "an uncertain bound and its note",
        ),
        (
            0,
            3,
            &["2003: ", "31.3%", "computed from numbers printed legibly"],
            "that a value was computed",
        ),
        (
            2,
            0,
            &["Foreign funded", "2000: ", "50%", "printed legibly"],
            "a clean value",
        ),
    ];
    for (series, point, expected, what) in cases {
        let html = tooltip(series, point);
        for text in expected {
            assert!(
                html.contains(text),
                "the tooltip of {what} does not say {text:?}: {html}"
            );
        }
        assert!(
            !html.contains("<owned>") && !html.contains("<or>"),
            "the tooltip lets markup from labels and notes through: {html}"
        );
    }
    // The missing value has no mark, so no tooltip says "n/a" or zero for it.
    assert!(
        !hits
            .drawn_values()
            .iter()
            .any(|mark| (mark.series, mark.point) == (1, 1)),
        "the missing value of Private in 2001 got a mark"
    );
}

#[test]
fn every_value_of_every_view_has_a_tooltip_with_its_series_and_status() {
    for (name, plot) in every_view() {
        let (_, hits) = page(&plot);
        for mark in hits.drawn_values() {
            let series = &plot.series[mark.series];
            let point = &series.points[mark.point];
            let html = html::tooltip(&plot, mark)
                .unwrap_or_else(|| panic!("{name}: {} shows no tooltip", describe(mark)));
            let label = html::escape(&series.label);
            let category = html::escape(&plot.categories[mark.point].label);
            assert!(
                html.contains(&label) && html.contains(&category),
                "{name}: the tooltip of {} does not name {label} and {category}: {html}",
                describe(mark)
            );
            assert!(
                html.contains(&format!("status-{}", point.status.id())),
                "{name}: the tooltip of {} does not give its status: {html}",
                describe(mark)
            );
            if !point.note.is_empty() {
                assert!(
                    html.contains(&html::escape(&point.note)),
                    "{name}: the tooltip of {} leaves out its note: {html}",
                    describe(mark)
                );
            }
            if point.derived {
                assert!(
                    html.contains("computed"),
                    "{name}: the tooltip of computed {} does not say so: {html}",
                    describe(mark)
                );
            }
        }
    }
}

#[test]
fn marks_of_another_drawing_give_no_tooltip() {
    // A layout kept from before a redraw must never put one plot's label on another's value.
    let plot = survey(ChartKind::Line);
    let (_, hits) = page(&plot);
    let mut other = plot.clone();
    other.series.swap(0, 2);
    for mark in hits.drawn_values().iter().filter(|mark| mark.series != 1) {
        assert!(
            html::tooltip(&other, mark).is_none(),
            "a mark of {} shows a tooltip of another series",
            describe(mark)
        );
    }
}
