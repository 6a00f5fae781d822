//! The tooltip of one value on the chart: its series, its category, the value with its unit
//! as the table shows it, how far it can be trusted, and its note. The table below the chart
//! holds all of this too, for keyboards and screen readers; the tooltip only saves a look.

use super::escape;
use crate::chart::DrawnValue;
use crate::data::Status;
use crate::describe::value_text_at;
use crate::plot::{Plot, PALETTE};

/// The words for how a value can be trusted: its status as the table words it, and for a
/// computed value, that it was computed and from what.
fn trust_words(status: Status, derived: bool) -> String {
    match (derived, status) {
        (false, status) => status.words().to_string(),
        (true, Status::Clean) => format!("computed from numbers {}", status.words()),
        (true, status) => format!(
            "computed from the paper's numbers, one of them {}",
            status.words()
        ),
    }
}

/// The tooltip's HTML for `drawn`, one of the values drawn from `plot`. `None` when it
/// names no value of the plot (values left from another drawing), since a tooltip that shows
/// the wrong value would be worse than none.
pub fn tooltip(plot: &Plot, drawn: &DrawnValue) -> Option<String> {
    let series = plot
        .series
        .get(drawn.series)
        .filter(|series| series.id == drawn.series_id)?;
    let category = plot
        .categories
        .get(drawn.point)
        .filter(|category| category.id == drawn.category_id)?;
    let point = series.points.get(drawn.point)?;
    let value = point.value?;
    let value = format!(
        "{}{}",
        point.qualifier.symbol(),
        value_text_at(value, plot.unit, point.decimals)
    );
    let category = if category.label.is_empty() {
        String::new()
    } else {
        format!("{}: ", escape(&category.label))
    };
    let mut html = format!(
        "<p class=\"tip-series\"><span class=\"swatch c{} shape-{}\" aria-hidden=\"true\"></span>{}</p>\
         <p class=\"tip-value\">{category}<strong>{}</strong></p>\
         <p class=\"tip-status status-{}\">{}</p>",
        series.color % PALETTE.len(),
        series.shape.id(),
        escape(&series.label),
        escape(&value),
        point.status.id(),
        escape(&trust_words(point.status, point.derived)),
    );
    if !point.note.is_empty() {
        html.push_str(&format!(
            "<p class=\"tip-note\">{}</p>",
            escape(&point.note)
        ));
    }
    Some(html)
}
