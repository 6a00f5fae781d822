//! The banner above the chart after "Show in…": which finding or claim the reader came from,
//! whether the chart outlines the values it names, and the ways back and out.

use super::escape;
use crate::plot::Plot;
use crate::session::Session;
use crate::view::ViewId;

/// The banner for the session's focus, or nothing when the reader did not come from a
/// finding or a claim (or dismissed it). `plot` is what the chart shows now: the outlines go
/// when the reader changes the measure, and the banner then stops speaking of them.
pub fn focus_banner(session: &Session, plot: Option<&Plot>) -> String {
    let Some(focus) = &session.focus else {
        return String::new();
    };
    let title = if focus.title.is_empty() {
        "a finding or a claim".to_string()
    } else {
        format!("<q>{}</q>", escape(&focus.title))
    };
    let outlined = plot.map_or(0, |plot| plot.outlines.len());
    let values = |count: usize| {
        if count == 1 {
            "value".to_string()
        } else {
            format!("{count} values")
        }
    };
    let chart = if focus.charted == 0 {
        // Such numbers open this view only when they are the prose's, which its list of the
        // numbers no chart plots holds (see `Target::rows`).
        let list = if session.state.view() == ViewId::Trade {
            " They are marked in the list of numbers no chart plots, below the chart."
        } else {
            ""
        };
        format!(
            "No chart plots the numbers it names: the paper quotes them in its text only.{list}"
        )
    } else if focus.with_values == 0 {
        "The chart holds the numbers it names, but their values are missing: gaps in the chart, dashes in the table.".to_string()
    } else if outlined == 0 {
        String::new()
    } else if outlined == focus.named {
        format!("The chart outlines the {} it names.", values(outlined))
    } else {
        format!(
            "The chart outlines {outlined} of the {} it names; the others are not drawn here.",
            values(focus.named)
        )
    };
    let chart = if chart.is_empty() {
        chart
    } else {
        format!("<p>{chart}</p>")
    };
    format!(
        "<p><span class=\"focus-from\">From Data quality:</span> {title}</p>{chart}\
         <p class=\"focus-actions\"><button type=\"button\" name=\"view\" value=\"quality\">Back to Data quality</button> \
         <button type=\"button\" name=\"focus-dismiss\" value=\"\">Dismiss</button></p>"
    )
}
