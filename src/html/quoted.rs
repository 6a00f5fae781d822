//! The Trade & output view's list of the numbers the prose quotes that no chart plots. A
//! "Show in…" button of such a number opens this list at its row (see
//! [`Target::rows`](crate::view::Target)), so that the reader sees the number itself, where a
//! chart of other numbers would show nothing of it.

use super::{escape, printed_value};
use crate::data::{self, Datum};
use crate::view::unplotted_row_id;

/// The list: a table with a row per number, each row with the id "Show in…" names, focusable
/// so that the page can move the reader there. It is built from the data alone, so every
/// view of the trade-and-output topics shows the same list.
pub fn unplotted_numbers() -> String {
    let rows: Vec<(String, &Datum)> = data::all()
        .iter()
        .filter_map(|datum| Some((unplotted_row_id(&datum.key())?, datum)))
        .collect();
    let mut html = format!(
        "<section class=\"unplotted\" aria-labelledby=\"unplotted-heading\"><h3 id=\"unplotted-heading\">Numbers no chart plots</h3>\
         <p>The prose quotes {} numbers that fit none of the charts above; here they are as the paper states them, with their status.</p>\
         <div class=\"table-scroll\"><table class=\"data unplotted-numbers\"><thead><tr><th scope=\"col\">Number</th><th scope=\"col\">Year</th><th scope=\"col\">Value</th><th scope=\"col\">Status</th></tr></thead><tbody>",
        rows.len()
    );
    for (id, datum) in rows {
        let year = datum.year.map(|year| year.to_string()).unwrap_or_default();
        html.push_str(&format!(
            "<tr id=\"{id}\" tabindex=\"-1\"><th scope=\"row\">{}</th><td>{year}</td><td>{}</td><td title=\"{}\">{}</td></tr>",
            escape(datum.label),
            escape(&printed_value(datum)),
            escape(datum.cell.status.words()),
            datum.cell.status.id()
        ));
    }
    html.push_str("</tbody></table></div></section>");
    html
}
