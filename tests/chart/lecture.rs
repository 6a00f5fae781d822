//! Lecture mode: emphasis, annotations, marker shapes, sparse lines, colours, the projector
//! and Play.

use super::*;

/// `color` (an SVG hex colour) mixed with `share` of itself and the rest white, as the chart
/// fades a series in light mode.
pub(crate) fn faded(color: &str, share: f64) -> String {
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(&color[1 + at * 2..3 + at * 2], 16).expect("hex"));
        (value * share + 255.0 * (1.0 - share)).round() as u8
    };
    format!("#{:02X}{:02X}{:02X}", channel(0), channel(1), channel(2))
}

/// The plot area of a light chart, read from its grid: left, top, right and bottom.
pub(crate) fn plot_area(elements: &[Element]) -> (f64, f64, f64, f64) {
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
pub(crate) fn emphasis_dims_the_other_series_without_hiding_them() {
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
pub(crate) fn reference_lines_spans_and_callouts_are_drawn_with_their_labels() {
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
pub(crate) fn long_labels_are_cut_to_fit_and_tiny_charts_still_draw() {
    // Helvetica's W is 0.944 em wide and the ellipsis 1 em, so the test knows each label's width.
    let long = "W".repeat(60);
    let mut chart = annotated(ChartKind::Line);
    for mark in &mut chart.reference_lines {
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
pub(crate) fn labels_from_links_are_escaped_in_the_svg() {
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
pub(crate) fn every_marker_shape_is_drawn_and_statuses_stay_apart() {
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
pub(crate) fn sparse_values_are_joined_by_dots_never_by_a_solid_line() {
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
pub(crate) fn contrast((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> f64 {
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
pub(crate) fn every_series_colour_stands_out_from_its_background() {
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
pub(crate) fn the_projector_style_is_readable_from_the_back_row() {
    use ict_explorer::plot::{DARK_PALETTE, PALETTE};
    use ict_explorer::view::{self, State, ViewId};
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("emph", "foreign_funded", true)
        .and_then(|event| state.apply(event))
        .expect("emphasis");
    Event::read("mark", "2001:WTO entry", true)
        .and_then(|event| state.apply(event))
        .expect("a mark");
    let ownership = view::plot(&state).expect("plot");
    let mut market = State::for_view(ViewId::Market);
    Event::read("measure", "value_added_to_sales", true)
        .and_then(|event| market.apply(event))
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
pub(crate) fn play_keeps_the_value_axis_still_through_every_year() {
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
        Event::read("log", "", true)
            .and_then(|event| state.apply(event))
            .expect("log scale");
        state
    };
    let ownership_bars = {
        let mut state = State::for_view(ViewId::Ownership);
        Event::read("chart", "stacked", true)
            .and_then(|event| state.apply(event))
            .expect("stacked bars");
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
        Event::read("play", "", true)
            .and_then(|event| state.apply(event))
            .expect("play");
        let first = view::plot(&state).expect("plot");
        let mut alone = state.clone();
        Event::read("category", &first.categories[0].id, true)
            .and_then(|event| alone.apply(event))
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
            Event::read("step", "next", true)
                .and_then(|event| state.apply(event))
                .expect("step");
        }
    }
}
