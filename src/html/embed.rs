//! The fragments for embedding: the options of "Embed this view", and the legend swatches'
//! colours as a stylesheet (the page carries no `style` attributes, so that a strict
//! Content-Security-Policy needs no exception for them).

use super::escape;
use crate::chart;
use crate::display::{Display, Group, Part};
use crate::plot::{css_color_in, Shape, PALETTE};
use crate::view::{self, Control, State, Transform, ViewId};

/// The stylesheet of the legend's swatches, which `cargo xtask dist` appends to the page's:
/// one rule per palette colour, `.swatch.cN` (light, and dark where the reader's system is
/// dark), one per marker shape, `.swatch.shape-NAME`, cut to the outline the chart draws, and
/// the key's mark for dotted lines between values years apart.
pub fn palette_css() -> String {
    let mut css = String::from(
        "/* Legend swatches, one class per palette colour and per marker shape (generated from src/plot.rs). */\n",
    );
    for index in 0..PALETTE.len() {
        css.push_str(&format!(
            ".swatch.c{index} {{ background: {}; }}\n",
            css_color_in(index, false)
        ));
    }
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    for index in 0..PALETTE.len() {
        css.push_str(&format!(
            "  .swatch.c{index} {{ background: {}; }}\n",
            css_color_in(index, true)
        ));
    }
    css.push_str("}\n");
    for shape in Shape::ALL {
        css.push_str(&format!(
            ".swatch.shape-{} {{ {} }}\n",
            shape.id(),
            shape_css(shape)
        ));
    }
    css.push_str(
        ".legend-status .status-sparse .mark { width: 1.6em; height: 0; border: 0; border-top: 3px dotted var(--muted); border-radius: 0; }\n",
    );
    css
}

/// The declarations that cut a swatch to `shape`: the chart's outline, stretched to the
/// swatch's box.
fn shape_css(shape: Shape) -> String {
    let Some(corners) = chart::marker_outline(shape) else {
        return "border-radius: 50%;".to_string();
    };
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in &corners {
        (left, top, right, bottom) = (left.min(*x), top.min(*y), right.max(*x), bottom.max(*y));
    }
    let percent = |value: f64, low: f64, high: f64| {
        format!("{}%", ((value - low) / (high - low) * 100.0).round())
    };
    let points: Vec<String> = corners
        .iter()
        .map(|(x, y)| format!("{} {}", percent(*x, left, right), percent(*y, top, bottom)))
        .collect();
    format!(
        "border-radius: 0; clip-path: polygon({});",
        points.join(", ")
    )
}

fn checkbox(name: &str, value: &str, label: &str, checked: bool) -> String {
    format!(
        "<label><input type=\"checkbox\" id=\"{name}-{value}\" name=\"{name}\" value=\"{value}\"{}> {}</label>",
        if checked { " checked" } else { "" },
        escape(label)
    )
}

/// The control groups a view can show under some choice of its own: the embed options offer
/// only these, and the embed code names no other.
pub fn offered_groups(state: &State) -> Vec<Group> {
    let view = state.view();
    let transforms = view::transforms(view);
    Group::ALL
        .into_iter()
        .filter(|group| match group {
            Group::Topic => view == ViewId::Trade,
            Group::Measure => view::measures(view).len() > 1,
            Group::Transform => transforms.len() > 1,
            Group::Base => transforms.contains(&Transform::Index),
            Group::Range => transforms.contains(&Transform::Change) || view == ViewId::Fdi,
            Group::Chart => view::chart_kinds(state).len() > 1 || view::measures(view).len() > 1,
            Group::Log => view == ViewId::Fdi,
            Group::Series => state.offered_series().len() > 1,
            Group::Years => state.all_categories().len() > 1,
        })
        .collect()
}

/// The choices of "Embed this view" for the view `state` shows: which parts and control
/// groups the embedded view keeps, and whether its view is locked. `choice` is the display the
/// embed code will ask for.
pub fn embed_options(state: &State, choice: &Display) -> String {
    let mut html =
        String::from("<fieldset class=\"toggles\"><legend>The embedded view shows</legend>");
    for part in Part::ALL {
        html.push_str(&checkbox(
            Control::EmbedPart.name(),
            part.id(),
            part.label(),
            choice.shows(part),
        ));
    }
    html.push_str(&checkbox(
        Control::EmbedLock.name(),
        "1",
        "Only this view (locked)",
        choice.lock,
    ));
    html.push_str("</fieldset>");
    let groups = offered_groups(state);
    if !groups.is_empty() {
        html.push_str("<fieldset class=\"toggles\"><legend>Its controls</legend>");
        for group in groups {
            html.push_str(&checkbox(
                Control::EmbedGroup.name(),
                group.id(),
                group.label(),
                choice.shows_group(group),
            ));
        }
        html.push_str("</fieldset>");
    }
    html
}
