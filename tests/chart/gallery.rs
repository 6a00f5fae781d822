//! The gallery of every fixture and view at three sizes, and the marks on bounds and
//! approximations.

use super::*;

/// Writes every fixture and every view of the explorer as SVG at phone, laptop and projector
/// sizes, light and dark, for people to look at (convert to PNG with `rsvg-convert`).
#[test]
#[ignore = "writes files for people to look at; run with --ignored gallery"]
pub(crate) fn gallery() {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("chart-gallery");
    std::fs::create_dir_all(&folder).expect("the gallery folder can be created");
    let mut plots: Vec<(String, Plot)> = fixtures()
        .into_iter()
        .map(|(name, plot)| (name.to_string(), plot))
        .collect();
    for (name, state) in every_chart() {
        if let Some(plot) = ict_explorer::view::plot(&state) {
            plots.push((format!("view_{}", name.replace(" as ", "_")), plot));
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
pub(crate) fn bounds_and_approximations_are_marked_on_the_chart() {
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
