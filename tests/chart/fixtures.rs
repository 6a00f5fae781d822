//! The plots the chart tests draw: small fixtures with every status, kind and oddity.

use super::*;
use ict_explorer::view::{self, Event, State, ViewId};

pub(crate) fn year(year: u16) -> Category {
    Category {
        id: year.to_string(),
        label: year.to_string(),
        year: Some(year),
    }
}

pub(crate) fn named(label: &str) -> Category {
    Category {
        id: label.to_lowercase(),
        label: label.to_string(),
        year: None,
    }
}

pub(crate) fn clean(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Clean,
        note: String::new(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

pub(crate) fn corrected(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Corrected,
        note: "OCR read 7 as 1".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

pub(crate) fn uncertain(value: f64) -> Point {
    Point {
        value: Some(value),
        status: Status::Uncertain,
        note: "could also be 38".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

pub(crate) fn missing() -> Point {
    Point {
        value: None,
        status: Status::Missing,
        note: "illegible".to_string(),
        derived: false,
        qualifier: Qualifier::Exact,
        decimals: None,
    }
}

pub(crate) fn series(id: &str, color: usize, points: Vec<Point>) -> Series {
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

pub(crate) fn plot(kind: ChartKind, categories: Vec<Category>, series: Vec<Series>) -> Plot {
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
        reference_lines: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        outlines: Vec::new(),
        value_domain: None,
        timeline: Vec::new(),
    }
}

pub(crate) fn years(from: u16, to: u16) -> Vec<Category> {
    (from..=to).map(year).collect()
}

/// Two lines over 1997–2005: "State" has a gap in 2000, an uncertain value in 2002 and a
/// corrected one in 2004; "Foreign" is clean and highlighted.
pub(crate) fn line_with_gap() -> Plot {
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
pub(crate) fn line_uneven_years() -> Plot {
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
pub(crate) fn bars_missing_negative() -> Plot {
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
pub(crate) fn stacked(kind: ChartKind) -> Plot {
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
pub(crate) fn log_scale() -> Plot {
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
pub(crate) fn many_countries() -> Plot {
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

pub(crate) fn empty() -> Plot {
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
pub(crate) fn annotated(kind: ChartKind) -> Plot {
    let values = |start: f64, step: f64| (0..9).map(move |k| clean(start + step * f64::from(k)));
    let mut state = series("State owned", 1, values(1400.0, -90.0).collect());
    state.shape = Shape::Square;
    let mut joint = series("Joint stock", 3, values(200.0, 120.0).collect());
    joint.shape = Shape::TriangleDown;
    let foreign = series("Foreign funded", 0, values(600.0, 150.0).collect());
    let mut plot = plot(kind, years(1997, 2005), vec![state, joint, foreign]);
    plot.emphasis = vec!["Joint stock".to_string()];
    plot.reference_lines = vec![
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
pub(crate) fn every_shape() -> Plot {
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
pub(crate) fn sparse() -> Plot {
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

pub(crate) fn fixtures() -> Vec<(&'static str, Plot)> {
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

/// Every view's default state in each chart kind it offers.
pub(crate) fn every_chart() -> Vec<(String, State)> {
    let mut charts = Vec::new();
    for view_id in ViewId::ALL
        .into_iter()
        .filter(|view_id| *view_id != ViewId::Quality)
    {
        let mut state = State::for_view(view_id);
        for kind in view::chart_kinds(&state) {
            state
                .apply(Event::Chart(kind))
                .expect("every kind chart_kinds offers can be chosen");
            charts.push((format!("{} as {}", view_id.id(), kind.id()), state.clone()));
        }
    }
    charts
}
