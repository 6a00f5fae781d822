//! The chart in the rooms it is used in: downloads made on a phone, a projector of any size,
//! Play, years spaced by time and callouts beside the marks they point at.

use super::*;
use ict_explorer::chart::Hits;
use ict_explorer::export::PngSize;
use ict_explorer::story::Story;
use ict_explorer::view::{self, State, ViewId};

/// The built-in story's chart steps, numbered from 1.
fn story_charts() -> Vec<(usize, State, Plot)> {
    Story::built_in()
        .steps
        .iter()
        .enumerate()
        .filter_map(|(index, step)| {
            let state = step.state();
            let plot = view::plot(&state)?;
            Some((index + 1, state, plot))
        })
        .collect()
}

/// The plot area's (left, top, right, bottom), or a failure naming `case`.
fn plot_rect(hits: &Hits, case: &str) -> (f64, f64, f64, f64) {
    hits.plot_area()
        .unwrap_or_else(|| panic!("{case}: no plot was drawn at all"))
        .bounds()
}

/// The area two boxes given as (left, top, right, bottom) share.
fn shared((a0, a1, a2, a3): (f64, f64, f64, f64), (b0, b1, b2, b3): (f64, f64, f64, f64)) -> f64 {
    let width = a2.min(b2) - a0.max(b0);
    let height = a3.min(b3) - a1.max(b1);
    if width > 0.0 && height > 0.0 {
        width * height
    } else {
        0.0
    }
}

/// The chart's boxes on a phone (360 px wide screens and smaller), in CSS pixels.
const PHONE_CHARTS: [(f64, f64); 4] = [
    (320.0, 240.0),
    (360.0, 270.0),
    (360.0, 480.0),
    (340.0, 200.0),
];

/// The least height of a downloaded picture's plot area, as a share of the picture, and in
/// CSS pixels of its layout (a picture laid out for 640 CSS pixels or more across).
const LEAST_PLOT_SHARE: f64 = 0.3;
const LEAST_PLOT_CSS: f64 = 120.0;

#[test]
pub(crate) fn pictures_downloaded_on_a_phone_keep_their_plot() {
    for (name, state) in every_chart() {
        let plot = view::plot(&state).expect("plot");
        for (css_width, css_height) in PHONE_CHARTS {
            for size in [PngSize::Screen, PngSize::Double, PngSize::Triple] {
                for present in [false, true] {
                    let (width, height) = size.pixels(css_width, css_height).expect("a size");
                    let factor = f64::from(size.factor().expect("a multiple"));
                    let style = size.style(false, present);
                    let (_, hits) = chart::to_svg_with_hits(&plot, &style, width, height);
                    let case = format!(
                        "{name}: the {} PNG of a {css_width} × {css_height} chart (presentation {present}), {width} × {height}",
                        size.id()
                    );
                    let (x0, y0, x1, y1) = plot_rect(&hits, &case);
                    let least = (f64::from(height) * LEAST_PLOT_SHARE).max(LEAST_PLOT_CSS * factor);
                    assert!(
                        y1 - y0 >= least,
                        "{case}: the plot is {:.0} px tall, less than {least:.0}: the picture is mostly title and legend",
                        y1 - y0
                    );
                    assert!(
                        x1 - x0 >= f64::from(width) * 0.6,
                        "{case}: the plot is {:.0} px wide, under 60% of the picture",
                        x1 - x0
                    );
                    assert!(!hits.drawn_values().is_empty(), "{case}: no value is drawn");
                }
            }
        }
    }
}

/// The smallest text in a drawing, in its pixels.
fn smallest_text(svg: &str) -> f64 {
    tagged(&parse_svg(svg), "text")
        .iter()
        .map(|text| text.number("font-size"))
        .fold(f64::MAX, f64::min)
}

/// The value axis labels (right-aligned texts left of the plot): their rows and font size.
fn value_labels(svg: &str, plot_left: f64) -> Vec<(f64, f64, String)> {
    let elements = parse_svg(svg);
    let mut labels: Vec<(f64, f64, String)> = tagged(&elements, "text")
        .into_iter()
        .filter(|text| text.get("text-anchor") == "end" && text.number("x") < plot_left)
        .map(|text| {
            (
                text.number("y"),
                text.number("font-size"),
                text.text.clone(),
            )
        })
        .collect();
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    labels
}

#[test]
pub(crate) fn projector_text_grows_with_the_screen_and_every_step_draws_its_marks() {
    // The chart's box in presentation mode, as measured in Chromium, on 1024 × 768, 1366 × 768
    // and 1920 × 1080 screens (the smallest of the story's steps), and on a 4K projector.
    for (width, height, least_text) in [
        (992, 383, 24.0),
        (1334, 362, 24.0),
        (1880, 536, 28.0),
        (3700, 1200, 40.0),
    ] {
        for (step, _, plot) in story_charts() {
            let svg = chart::to_svg(&plot, &Style::projector(false), width, height);
            let smallest = smallest_text(&svg);
            assert!(
                smallest >= least_text,
                "step {step} at {width} × {height}: text of {smallest} px is too small for the back row (at least {least_text})"
            );
        }
    }
    // However small the box a layout gives the chart, from 200 × 150 CSS pixels up, every step
    // draws its marks, with value labels that never touch.
    let boxes = [
        (200, 150),
        (320, 180),
        (640, 240),
        (980, 300),
        (1300, 330),
        (1300, 380),
        (1024, 500),
        (1840, 560),
        (3700, 1500),
    ];
    for (width, height) in boxes {
        for (step, _, plot) in story_charts() {
            let case = format!("step {step} ({}) at {width} × {height}", plot.title);
            let (svg, hits) =
                chart::to_svg_with_hits(&plot, &Style::projector(false), width, height);
            assert!(
                !hits.drawn_values().is_empty(),
                "{case}: the chart draws no value"
            );
            let (left, ..) = plot_rect(&hits, &case);
            let labels = value_labels(&svg, left);
            assert!(
                labels.len() >= 2,
                "{case}: the value axis has {} labels",
                labels.len()
            );
            for pair in labels.windows(2) {
                let ((upper, size, upper_text), (lower, _, lower_text)) = (&pair[0], &pair[1]);
                assert!(
                    lower - upper >= *size,
                    "{case}: the value labels {upper_text} and {lower_text} overlap ({:.0} px apart, text {size} px)",
                    lower - upper
                );
            }
        }
    }
}

/// Where each value's mark is centred along the x axis, by category id and series.
fn mark_columns(hits: &Hits) -> HashMap<(String, String), f64> {
    hits.drawn_values()
        .iter()
        .map(|mark| {
            let (x0, _, x1, _) = mark.area.bounds();
            (
                (mark.category_id.clone(), mark.series_id.clone()),
                (x0 + x1) / 2.0,
            )
        })
        .collect()
}

/// The category labels under the plot: texts below it, with their x.
fn category_labels(svg: &str, plot_bottom: f64) -> Vec<(String, i64)> {
    tagged(&parse_svg(svg), "text")
        .into_iter()
        .filter(|text| {
            text.number("y") > plot_bottom
                && text.get("text-anchor") != "end"
                && text.text != "Year"
        })
        .map(|text| (text.text.clone(), text.number("x").round() as i64))
        .collect()
}

#[test]
pub(crate) fn play_keeps_the_category_axis_still_through_every_year() {
    let bars = |view_id: ViewId, kind: &str| {
        let mut state = State::for_view(view_id);
        Event::read("chart", kind, true)
            .and_then(|event| state.apply(event))
            .expect("a chart kind");
        state
    };
    for start in [
        State::for_view(ViewId::Fdi),
        bars(ViewId::Fdi, "line"),
        State::for_view(ViewId::Ownership),
        bars(ViewId::Ownership, "stacked"),
        bars(ViewId::Ownership, "bars"),
        State::for_view(ViewId::Market),
        State::for_view(ViewId::Exports),
    ] {
        let whole = view::plot(&start).expect("plot");
        let mut state = start.clone();
        Event::read("play", "", true)
            .and_then(|event| state.apply(event))
            .expect("play");
        let years = whole.categories.len();
        let mut frames = Vec::new();
        for _ in 0..years {
            let plot = view::plot(&state).expect("plot");
            let (svg, hits) = chart::to_svg_with_hits(&plot, &Style::page(false, 1.0), 800, 450);
            frames.push((plot.categories.len(), svg, hits));
            Event::read("step", "next", true)
                .and_then(|event| state.apply(event))
                .expect("step");
        }
        let (_, last_svg, last_hits) = frames.last().expect("a last frame");
        let bottom = plot_rect(last_hits, &whole.title).3;
        let axis = category_labels(last_svg, bottom);
        let columns = mark_columns(last_hits);
        assert!(
            axis.len() >= 3,
            "{}: the axis has too few labels to compare",
            whole.title
        );
        for (shown, svg, hits) in &frames {
            assert_eq!(
                category_labels(svg, bottom),
                axis,
                "{}: the year labels move when Play shows {shown} of {years} years",
                whole.title
            );
            for (key, x) in mark_columns(hits) {
                let settled = columns.get(&key).copied().unwrap_or(f64::NAN);
                assert!(
                    (x - settled).abs() < 0.5,
                    "{}: {} of {} is drawn at x {x:.0} when Play shows {shown} years, and at {settled:.0} at the end",
                    whole.title,
                    key.0,
                    key.1
                );
            }
        }
        assert!(
            frames
                .first()
                .is_some_and(|(shown, _, hits)| *shown == 1 && !hits.drawn_values().is_empty()),
            "{}: Play's first frame does not draw its one year",
            whole.title
        );
    }
}

#[test]
pub(crate) fn uneven_years_are_spaced_by_time_in_bars() {
    let fdi = view::plot(&State::for_view(ViewId::Fdi)).expect("plot");
    assert_eq!(fdi.kind, ChartKind::Bars, "FDI's chart is no longer bars");
    let (_, hits) = chart::to_svg_with_hits(&fdi, &Style::page(false, 1.0), 800, 450);
    let x_of = |year: &str| {
        hits.drawn_values()
            .iter()
            .find(|mark| mark.category_id == year)
            .map(|mark| {
                let (x0, _, x1, _) = mark.area.bounds();
                (x0 + x1) / 2.0
            })
            .unwrap_or_else(|| panic!("FDI draws no bar for {year}"))
    };
    let two_years = x_of("2003") - x_of("2001");
    let one_year = x_of("2004") - x_of("2003");
    assert!(
        (two_years / one_year - 2.0).abs() < 0.05,
        "FDI's 2001 → 2003 gap is {two_years:.0} px and 2003 → 2004 {one_year:.0} px: a gap of two years must look twice as wide"
    );
    // On a crowded axis (a 1024 × 768 projector's large type) the years between are thinned,
    // but the axis still says where it starts and ends.
    let crowded = chart::to_svg(&fdi, &Style::projector(false), 992, 415);
    let labels: Vec<String> = tagged(&parse_svg(&crowded), "text")
        .into_iter()
        .map(|text| text.text.clone())
        .collect();
    for end in ["1995", "2004"] {
        assert!(
            labels.iter().any(|label| label == end),
            "FDI's crowded axis leaves out {end}: {labels:?}"
        );
    }
    // Years a step apart, every one of them or every other one, stay evenly spaced.
    for categories in [years(2001, 2004), vec![year(1998), year(2000), year(2002)]] {
        let count = categories.len();
        let even = plot(
            ChartKind::Bars,
            categories,
            vec![series(
                "a",
                0,
                (0..count).map(|k| clean(k as f64 + 1.0)).collect(),
            )],
        );
        let (_, hits) = chart::to_svg_with_hits(&even, &Style::page(false, 1.0), 640, 400);
        let centres: Vec<f64> = hits
            .drawn_values()
            .iter()
            .map(|mark| {
                let (x0, _, x1, _) = mark.area.bounds();
                (x0 + x1) / 2.0
            })
            .collect();
        let gaps: Vec<f64> = centres.windows(2).map(|pair| pair[1] - pair[0]).collect();
        assert!(
            gaps.iter().all(|gap| (gap - gaps[0]).abs() < 1.0),
            "evenly spaced years are drawn unevenly: {gaps:?}"
        );
    }
}

#[test]
pub(crate) fn callouts_cover_no_mark_on_any_screen() {
    let styles: [(&str, Style, u32, u32); 6] = [
        ("1920 × 1080 projector", Style::projector(false), 1840, 560),
        ("1366 × 768 projector", Style::projector(false), 1300, 420),
        ("1024 × 768 projector", Style::projector(false), 980, 420),
        ("laptop", Style::page(false, 1.0), 1000, 520),
        ("course column", Style::page(false, 1.0), 760, 420),
        ("export", Style::export(false), 1200, 675),
    ];
    let mut callouts = 0;
    for (step, _, plot) in story_charts() {
        if plot.notes.is_empty() {
            continue;
        }
        for (screen, style, width, height) in styles {
            let (_, hits) = chart::to_svg_with_hits(&plot, &style, width, height);
            let case = format!("step {step} ({}) on a {screen}", plot.title);
            assert_eq!(
                hits.callouts().len(),
                plot.notes.len(),
                "{case}: a callout is missing"
            );
            for callout in hits.callouts() {
                callouts += 1;
                let bounds = callout.bounds();
                for mark in hits.drawn_values() {
                    let covered = shared(bounds, mark.area.bounds());
                    assert!(
                        covered == 0.0,
                        "{case}: the callout at {bounds:?} covers {covered:.0} px² of {} in {}",
                        mark.series_id,
                        mark.category_id
                    );
                }
                // Inside the plot, or in the room kept above it.
                let (x0, _, x1, y1) = plot_rect(&hits, &case);
                assert!(
                    bounds.0 >= x0 - 0.5
                        && bounds.2 <= x1 + 0.5
                        && bounds.1 >= 0.0
                        && bounds.3 <= y1 + 0.5,
                    "{case}: the callout at {bounds:?} leaves the plot"
                );
            }
        }
    }
    assert!(callouts >= 30, "only {callouts} callouts were checked");
}

#[test]
pub(crate) fn no_step_compares_china_with_itself() {
    for (step, state, plot) in story_charts() {
        let relative = state.to_query().contains("transform=relative");
        for series in &plot.series {
            let values: Vec<f64> = series
                .points
                .iter()
                .filter_map(|point| point.value)
                .collect();
            let always_whole =
                !values.is_empty() && values.iter().all(|value| (value - 100.0).abs() < 1e-9);
            assert!(
                !(relative && always_whole),
                "step {step}: {} is drawn as 100% of itself, the tallest bar on the slide",
                series.label
            );
        }
        if relative {
            assert!(
                plot.series.iter().all(|series| series.id != "china"),
                "step {step}: China is compared with itself"
            );
            assert!(
                plot.series.len() >= 3,
                "step {step}: the comparison lost its countries"
            );
            let legend = ict_explorer::html::legend(&state, Some(&plot));
            assert!(
                legend.contains("China as % of itself is always 100%"),
                "step {step}: the legend does not say why China has no bar: {legend}"
            );
        }
    }
}

#[test]
pub(crate) fn summaries_and_key_figures_say_what_the_chart_shows() {
    use ict_explorer::describe;
    let two = |second: Point| Plot {
        unit: Unit::Percent,
        ..plot(
            ChartKind::Line,
            years(2003, 2004),
            vec![series("Foreign funded", 0, vec![clean(42.0), second])],
        )
    };
    let summary = describe::summary(&two(clean(44.0)));
    assert!(
        summary.contains("Both values shown are printed legibly") && !summary.contains("All 2"),
        "two values are not worded naturally: {summary}"
    );
    let summary = describe::summary(&two(corrected(44.0)));
    assert!(
        summary.contains("Of the two values shown"),
        "two values are not worded naturally: {summary}"
    );
    // A printed 42.0% and a computed 4.123%: one precision in the sentence.
    let printed = Point {
        decimals: Some(1),
        ..clean(42.0)
    };
    let computed = Point {
        derived: true,
        ..clean(4.123)
    };
    let mixed = Plot {
        unit: Unit::Percent,
        ..plot(
            ChartKind::Line,
            years(2003, 2004),
            vec![series("Profit", 0, vec![printed.clone(), computed.clone()])],
        )
    };
    let summary = describe::summary(&mixed);
    assert!(
        summary.contains("42.0% in 2003") && summary.contains("4.1% in 2004"),
        "the sentence mixes precisions: {summary}"
    );
    let ranked = Plot {
        unit: Unit::Percent,
        ..plot(
            ChartKind::Bars,
            vec![named("2003 profit")],
            vec![
                series("Printed", 0, vec![printed]),
                series("Computed", 1, vec![computed]),
            ],
        )
    };
    let summary = describe::summary(&ranked);
    assert!(
        summary.contains("Printed 42.0%, Computed 4.1%"),
        "the ranking mixes precisions: {summary}"
    );
    // The key figure of a story's chart of 1995–1999 speaks of 1995–1999.
    let (state, problems) = State::from_query("view=fdi&years=1995,1997,1999");
    assert!(problems.is_empty(), "{problems:?}");
    let figures = view::stats(&state);
    let growth = figures.first().expect("FDI has a growth figure");
    assert!(
        growth.label.contains("1995–1999") && !growth.label.contains("2004"),
        "a chart of 1995–1999 shows the key figure '{}'",
        growth.label
    );
    assert!(
        growth.value.is_some(),
        "the growth over the years shown is missing"
    );
}
