//! Reading the SVG back: its elements, colours, markers and lengths, for the checks.

use super::*;

/// One SVG element: its tag, attributes and text.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) tag: String,
    pub(crate) attributes: HashMap<String, String>,
    pub(crate) text: String,
}

impl Element {
    pub(crate) fn number(&self, name: &str) -> f64 {
        self.attributes
            .get(name)
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("{} has no numeric '{name}': {self:?}", self.tag))
    }

    pub(crate) fn get(&self, name: &str) -> &str {
        self.attributes.get(name).map(String::as_str).unwrap_or("")
    }

    pub(crate) fn points(&self) -> Vec<(f64, f64)> {
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
pub(crate) fn parse_svg(svg: &str) -> Vec<Element> {
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

pub(crate) fn tagged<'a>(elements: &'a [Element], tag: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|element| element.tag == tag)
        .collect()
}

/// The SVG colour of palette entry `index`, as plotters writes it.
pub(crate) fn svg_color(index: usize) -> String {
    css_color(index).to_uppercase()
}

pub(crate) fn length(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|pair| (pair[1].0 - pair[0].0).hypot(pair[1].1 - pair[0].1))
        .sum()
}

/// Dashes are drawn as short pieces; anything this short is one.
pub(crate) const LONGEST_DASH: f64 = 7.0;

/// The x positions of a series' markers (circles and diamonds), left to right.
pub(crate) fn marker_xs(elements: &[Element], color: &str) -> Vec<f64> {
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

pub(crate) fn export_svg(plot: &Plot) -> String {
    chart::to_svg(plot, &Style::export(false), 640, 400)
}

/// A drawing without title and legend, so that every mark in it belongs to the plot.
pub(crate) fn page_svg(plot: &Plot) -> String {
    chart::to_svg(plot, &Style::page(false, 1.0), 640, 400)
}
