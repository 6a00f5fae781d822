//! Static HTML built from the core, for the page to show before (or without) WebAssembly.
//!
//! A minimal first version: one table per dataset with every number the core holds.

use crate::data::{self, Dataset, Datum};

/// The fallback data tables that `cargo xtask dist` puts in place of `<!--FALLBACK-->` in
/// `www/index.html`: a `<section>` with one `<table>` per dataset (series, measure, year, value,
/// status), so every number is readable without JavaScript.
pub fn fallback_tables() -> String {
    let mut html = String::from("<section id=\"fallback\" aria-label=\"The data as tables\">\n");
    for dataset in Dataset::ALL {
        let rows: Vec<&Datum> = data::of(dataset).collect();
        if rows.is_empty() {
            continue;
        }
        let info = dataset.info();
        html.push_str(&format!(
            "<table id=\"fallback-{}\">\n<caption>{}</caption>\n",
            escape(info.id),
            escape(info.title)
        ));
        html.push_str(
            "<thead><tr><th scope=\"col\">Series</th><th scope=\"col\">Measure</th>\
             <th scope=\"col\">Year</th><th scope=\"col\">Value</th>\
             <th scope=\"col\">Status</th></tr></thead>\n<tbody>\n",
        );
        for datum in rows {
            let measure = if datum.label.is_empty() {
                data::measure_label(datum.measure)
            } else {
                datum.label
            };
            let year = datum.year.map(|year| year.to_string()).unwrap_or_default();
            let value = match datum.value() {
                Some(value) => format!("{}{}", value, datum.unit.suffix()),
                None => "–".to_string(),
            };
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(data::series_label(datum.series)),
                escape(measure),
                year,
                escape(&value),
                datum.cell.status.id()
            ));
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</section>");
    html
}

/// Escapes text for use in HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(ch),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_datum_and_one_table_per_dataset() {
        let html = fallback_tables();
        assert!(html.starts_with("<section") && html.ends_with("</section>"));
        let rows = html.matches("<tr><td>").count();
        assert_eq!(rows, data::all().len());
        let datasets = Dataset::ALL
            .iter()
            .filter(|dataset| data::of(**dataset).next().is_some())
            .count();
        assert_eq!(html.matches("<table").count(), datasets);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
