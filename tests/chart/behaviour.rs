//! What a reader must be able to rely on: gaps stay gaps, flagged values look flagged,
//! nothing leaves the plot, and strange input never panics.

use super::*;

#[test]
pub(crate) fn a_missing_point_is_a_gap_not_a_bridge_and_not_zero() {
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
pub(crate) fn a_zero_is_drawn_and_a_missing_bar_says_so() {
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
pub(crate) fn dashes_appear_only_next_to_flagged_points() {
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
pub(crate) fn markers_tell_the_statuses_apart() {
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
pub(crate) fn uneven_years_are_spaced_by_their_value() {
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
pub(crate) fn negative_bars_hang_below_a_visible_zero_line() {
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
pub(crate) fn a_hundred_percent_stack_stays_inside_the_plot() {
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
pub(crate) fn a_log_axis_skips_values_it_cannot_place() {
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
pub(crate) fn the_highlighted_series_is_drawn_thicker_and_on_top() {
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
pub(crate) fn an_empty_plot_says_what_to_do() {
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
pub(crate) fn crowded_labels_turn_or_thin_instead_of_overlapping() {
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
pub(crate) fn text_sizes_are_css_pixels_and_scale() {
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
pub(crate) fn the_export_stands_alone_and_the_page_leaves_title_and_legend_to_html() {
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
pub(crate) fn dark_mode_draws_on_a_dark_background() {
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
pub(crate) fn small_charts_draw_what_fits_and_huge_ones_say_they_cannot() {
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
pub(crate) fn values_no_table_holds_are_left_out_and_the_axis_stays_finite() {
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
pub(crate) fn strange_input_draws_without_panicking() {
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
