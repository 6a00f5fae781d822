//! The fragments for embedding: the options of "Embed this view", and the legend swatches'
//! colours as a stylesheet (the page carries no `style` attributes, so that a strict
//! Content-Security-Policy needs no exception for them).

use super::escape;
use crate::display::{Display, Group, Part};
use crate::plot::{css_color, PALETTE};
use crate::view::{self, State, Transform, ViewId};

/// One CSS rule per palette colour, `.swatch.cN`, which `cargo xtask dist` appends to the
/// page's stylesheet.
pub fn palette_css() -> String {
    let mut css = String::from(
        "/* Legend swatches, one class per palette colour (generated from src/plot.rs). */\n",
    );
    for index in 0..PALETTE.len() {
        css.push_str(&format!(
            ".swatch.c{index} {{ background: {}; }}\n",
            css_color(index)
        ));
    }
    css
}

fn checkbox(name: &str, value: &str, label: &str, checked: bool) -> String {
    format!(
        "<label><input type=\"checkbox\" id=\"{name}-{value}\" name=\"{name}\" value=\"{value}\"{}> {}</label>",
        if checked { " checked" } else { "" },
        escape(label)
    )
}

/// The control groups a view can show under some choice of its own: the embed options offer
/// only these.
fn offered_groups(state: &State) -> Vec<Group> {
    let view = state.view;
    let transforms = view::transforms(view);
    Group::ALL
        .into_iter()
        .filter(|group| match group {
            Group::Topic => view == ViewId::Highlights,
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
            "embed-part",
            part.id(),
            part.label(),
            choice.shows(part),
        ));
    }
    html.push_str(&checkbox(
        "embed-lock",
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
                "embed-group",
                group.id(),
                group.label(),
                choice.shows_group(group),
            ));
        }
        html.push_str("</fieldset>");
    }
    html
}
