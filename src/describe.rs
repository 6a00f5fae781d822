//! A plot in words: the one-paragraph summary that screen readers announce after every change
//! and that serves as the chart's alternative text.

use crate::data::{Status, Unit};
use crate::format::{auto, number};
use crate::lang::{fill, text, Lang};
use crate::plot::{ChartKind, Plot, Point};

/// A value with its unit, as the summary and the table print it: with exactly `decimals`
/// decimals when the source fixes them (`20.0%` as Table 3 prints it), otherwise with as many
/// as it needs, up to a number that suits the unit.
pub fn value_text_at(value: f64, unit: Unit, decimals: Option<u8>) -> String {
    let number = match decimals {
        Some(decimals) => number(value, usize::from(decimals)),
        None => auto(value, most_decimals(unit, value)),
    };
    match unit {
        Unit::Rank => format!("no. {number}"),
        Unit::Firms if value.abs() == 1.0 => format!("{number} firm"),
        _ => format!("{number}{}", unit.suffix()),
    }
}

/// The most decimals a computed `value` in `unit` is given.
fn most_decimals(unit: Unit, value: f64) -> usize {
    match unit {
        Unit::Firms | Unit::Count | Unit::Rank | Unit::MillionUsd | Unit::BillionYuan => 0,
        Unit::Index | Unit::MillionYuanPerFirm => 1,
        // Large percentages (a growth of 760%) need no decimals to be read.
        Unit::Percent | Unit::PercentagePoints if value.abs() >= 100.0 => 0,
        Unit::Percent | Unit::PercentagePoints if value.abs() >= 10.0 => 1,
        _ => 2,
    }
}

/// The one precision every value of a sentence is given, so that "42.0% … 4.12%" never reads
/// as if one were measured more finely than the other: the most decimals the source prints
/// any of them with, or that a computed one needs (up to what the largest of them is given:
/// a computed 4.12% beside 42.0% reads 4.1%), whichever is more.
fn sentence_decimals<'p>(points: impl IntoIterator<Item = &'p Point>, unit: Unit) -> u8 {
    let valued: Vec<(f64, Option<u8>)> = points
        .into_iter()
        .filter_map(|point| Some((point.value?, point.decimals)))
        .collect();
    let largest = valued
        .iter()
        .map(|(value, _)| value.abs())
        .fold(0.0, f64::max);
    let most = most_decimals(unit, largest);
    let needed = |value: f64| {
        (0..=most)
            .find(|&decimals| {
                let scale = 10f64.powi(decimals as i32);
                ((value * scale).round() - value * scale).abs() < 1e-6
            })
            .unwrap_or(most)
    };
    let decimals = valued
        .iter()
        .map(|(value, printed)| printed.map_or_else(|| needed(*value), usize::from))
        .max()
        .unwrap_or(0);
    u8::try_from(decimals).unwrap_or(u8::MAX)
}

/// The summary of a plot: what is shown, how each series moves or ranks, and how many values
/// are corrected, guessed or missing.
pub fn summary(plot: &Plot) -> String {
    summary_of(plot, Lang::En)
}

/// [`summary`] in the reader's language: the plot's labels translated (see
/// [`Plot::translated`]), each sentence a template of the catalogue, each value said by its
/// unit's template (so that Chinese groups large numbers by 万 and 亿).
pub fn summary_in(plot: &Plot, lang: Lang) -> String {
    summary_of(&plot.translated(lang), lang)
}

/// [`summary_in`] of a plot whose labels are in `lang` already (the page translates its plot
/// once, for the chart and the summary).
pub fn summary_of(plot: &Plot, lang: Lang) -> String {
    let mut sentences = vec![fill(lang, "{0}.", &[&plot.title])];
    // Chinese sentences end in a full-width stop and need no space between them.
    let gap = if lang == Lang::En { " " } else { "" };
    if plot.is_empty() {
        sentences.push(
            text(
                lang,
                "Nothing is shown: switch on at least one series and one year.",
            )
            .into_owned(),
        );
        return sentences.join(gap);
    }
    sentences.push(pointed_at(plot, lang));
    if plot.categories.len() >= 2
        && plot
            .categories
            .iter()
            .all(|category| category.year.is_some())
    {
        sentences.extend(
            plot.series
                .iter()
                .map(|series| trend(&series.label, &series.points, plot, lang)),
        );
    } else {
        for (index, category) in plot.categories.iter().enumerate() {
            let mut ranked: Vec<(&str, f64, &Point)> = plot
                .series
                .iter()
                .filter_map(|series| {
                    let point = series.points.get(index)?;
                    point
                        .value
                        .map(|value| (series.label.as_str(), value, point))
                })
                .collect();
            crate::sort::by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
            if ranked.is_empty() {
                continue;
            }
            let decimals = sentence_decimals(ranked.iter().map(|(_, _, point)| *point), plot.unit);
            let listing: Vec<String> = ranked
                .iter()
                .map(|(label, _, point)| {
                    fill(
                        lang,
                        "{0} {1}",
                        &[label, &point_text_at(point, plot.unit, decimals, lang)],
                    )
                })
                .collect();
            let listing = commas(&listing, lang);
            let template = match (category.label.is_empty(), ranked.len() > 1) {
                (true, true) => "from highest to lowest, {1}.",
                (true, false) => "{1}.",
                (false, true) => "{0}: from highest to lowest, {1}.",
                (false, false) => "{0}: {1}.",
            };
            sentences.push(fill(lang, template, &[&category.label, &listing]));
        }
    }
    if plot.kind == ChartKind::Stacked100 {
        sentences.push(
            text(
                lang,
                "Bars are scaled so that the shown series fill 100% in each year.",
            )
            .into_owned(),
        );
    }
    sentences.push(status_sentence(plot, lang));
    sentences.retain(|sentence| !sentence.is_empty());
    sentences.join(gap)
}

/// Items joined by commas ("A, B, C"), in the reader's language.
fn commas(items: &[String], lang: Lang) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |joined, item| {
        fill(lang, "{0}, {1}", &[&joined, item])
    })
}

/// What the chart points at, in a few short sentences: the emphasised series, the reference
/// lines, the shaded spans, the outlined values and the callouts, each with its label.
fn pointed_at(plot: &Plot, lang: Lang) -> String {
    let category = |index: usize| {
        plot.categories
            .get(index)
            .map_or(String::new(), |category| category.label.clone())
    };
    let labelled = |place: String, label: &str| {
        if label.is_empty() {
            place
        } else {
            fill(lang, "{0}, {1}", &[&place, label])
        }
    };
    let mut sentences = Vec::new();
    let emphasised: Vec<String> = plot
        .series
        .iter()
        .filter(|series| plot.emphasis.contains(&series.id))
        .map(|series| series.label.clone())
        .collect();
    if !emphasised.is_empty() {
        sentences.push(fill(lang, "Emphasis on {0}.", &[&words(&emphasised, lang)]));
    }
    let lines: Vec<String> = plot
        .reference_lines
        .iter()
        .map(|line| labelled(category(line.category), &line.label))
        .collect();
    if !lines.is_empty() {
        sentences.push(full_stop(
            fill(lang, "Marked: {0}", &[&semicolons(&lines, lang)]),
            lang,
        ));
    }
    let bands: Vec<String> = plot
        .bands
        .iter()
        .map(|band| {
            let span = if band.first == band.last {
                category(band.first)
            } else {
                format!("{}–{}", category(band.first), category(band.last))
            };
            labelled(span, &band.label)
        })
        .collect();
    if !bands.is_empty() {
        sentences.push(full_stop(
            fill(lang, "Shaded: {0}", &[&semicolons(&bands, lang)]),
            lang,
        ));
    }
    let outlined: Vec<String> = plot
        .outlines
        .iter()
        .filter_map(|outline| {
            let series = plot.series.get(outline.series)?;
            let point = series.points.get(outline.category)?;
            Some(fill(
                lang,
                "{0} in {1}, {2}",
                &[
                    &series.label,
                    &category(outline.category),
                    &point_text(point, plot.unit, lang),
                ],
            ))
        })
        .collect();
    if !outlined.is_empty() {
        sentences.push(fill(
            lang,
            "Outlined: {0}.",
            &[&listed(&outlined, MOST_LISTED, lang)],
        ));
    }
    for note in &plot.notes {
        let series = plot
            .series
            .get(note.series)
            .map_or("", |series| series.label.as_str());
        let place = fill(
            lang,
            "Note on {0} in {1}",
            &[series, &category(note.category)],
        );
        let note = if note.label.is_empty() {
            place
        } else {
            fill(lang, "{0}: {1}", &[&place, &note.label])
        };
        sentences.push(full_stop(note, lang));
    }
    let gap = if lang == Lang::En { " " } else { "" };
    sentences.join(gap)
}

/// `text` ending as a sentence: with a full stop unless a label already ends it (in English,
/// or with an ideographic full stop, exclamation or question mark).
fn full_stop(text: String, lang: Lang) -> String {
    if text.ends_with(['.', '!', '?', '…', '\u{3002}', '\u{ff01}', '\u{ff1f}']) {
        text
    } else {
        fill(lang, "{0}.", &[&text])
    }
}

/// The most outlined values the summary names one by one; a screen reader should not have
/// to read out a whole table.
const MOST_LISTED: usize = 6;

/// Items joined by semicolons ("A; B; C"), in the reader's language.
fn semicolons(items: &[String], lang: Lang) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |joined, item| {
        fill(lang, "{0}; {1}", &[&joined, item])
    })
}

/// Items joined by semicolons, at most `most` of them, then how many more there are.
fn listed(items: &[String], most: usize, lang: Lang) -> String {
    let shown = semicolons(&items[..items.len().min(most)], lang);
    if items.len() > most {
        fill(
            lang,
            "{0}; and {1} more",
            &[&shown, &(items.len() - most).to_string()],
        )
    } else {
        shown
    }
}

/// Items joined as a sentence lists them: "A", "A and B", "A, B and C".
fn words(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => fill(lang, "{0} and {1}", &[&commas(rest, lang), last]),
    }
}

/// How one series moves between its first and last values.
fn trend(label: &str, points: &[Point], plot: &Plot, lang: Lang) -> String {
    let present: Vec<(usize, f64, &Point)> = points
        .iter()
        .enumerate()
        .filter_map(|(index, point)| point.value.map(|value| (index, value, point)))
        .collect();
    let year = |index: usize| {
        plot.categories
            .get(index)
            .map(|category| category.label.clone())
            .unwrap_or_default()
    };
    match present.as_slice() {
        [] => fill(lang, "{0}: no value in the years shown.", &[label]),
        [(index, _, point)] => fill(
            lang,
            "{0}: {1} in {2} (the only year with a value).",
            &[label, &point_text(point, plot.unit, lang), &year(*index)],
        ),
        [(first_index, first, first_point), .., (last_index, last, last_point)] => {
            let template = if (last - first).abs() < 1e-9 {
                "{0}: {1} in {2}, unchanged at {3} in {4}{5}."
            } else if last > first {
                "{0}: {1} in {2}, rising to {3} in {4}{5}."
            } else {
                "{0}: {1} in {2}, falling to {3} in {4}{5}."
            };
            let peak = present.iter().max_by(|a, b| a.1.total_cmp(&b.1));
            let peak = peak.filter(|(index, _, _)| index != first_index && index != last_index);
            let mut told = vec![*first_point, *last_point];
            told.extend(peak.map(|(_, _, point)| *point));
            let decimals = sentence_decimals(told, plot.unit);
            let peak_text = match peak {
                Some((index, _, point)) => fill(
                    lang,
                    ", peaking at {0} in {1}",
                    &[
                        &point_text_at(point, plot.unit, decimals, lang),
                        &year(*index),
                    ],
                ),
                None => String::new(),
            };
            fill(
                lang,
                template,
                &[
                    label,
                    &point_text_at(first_point, plot.unit, decimals, lang),
                    &year(*first_index),
                    &point_text_at(last_point, plot.unit, decimals, lang),
                    &year(*last_index),
                    &peak_text,
                ],
            )
        }
    }
}

/// A point's value with its unit, and "about", "at least" or "at most" where the paper
/// gives an approximation or a bound.
fn point_text(point: &Point, unit: Unit, lang: Lang) -> String {
    point_text_with(point, unit, point.decimals, lang)
}

/// [`point_text`] with `decimals`, the precision of the sentence it stands in.
fn point_text_at(point: &Point, unit: Unit, decimals: u8, lang: Lang) -> String {
    point_text_with(point, unit, Some(decimals), lang)
}

/// The value's words are looked up whole ("about {0} firms"), so that a language can put
/// the qualifier and the unit where it says them.
fn point_text_with(point: &Point, unit: Unit, decimals: Option<u8>, lang: Lang) -> String {
    let english = match point.value {
        Some(value) => format!(
            "{}{}",
            point.qualifier.words(),
            value_text_at(value, unit, decimals)
        ),
        None => "no value".to_string(),
    };
    text(lang, &english).into_owned()
}

/// Counts of values that are not clean.
fn status_sentence(plot: &Plot, lang: Lang) -> String {
    let points: Vec<&Point> = plot
        .series
        .iter()
        .flat_map(|series| series.points.iter())
        .collect();
    let count = |status: Status| points.iter().filter(|point| point.status == status).count();
    let (corrected, uncertain, missing) = (
        count(Status::Corrected),
        count(Status::Uncertain),
        count(Status::Missing),
    );
    let derived = points
        .iter()
        .filter(|point| point.derived && point.value.is_some())
        .count();
    if let [point] = points.as_slice() {
        let what = match (point.value, point.status) {
            (None, _) => "missing",
            (_, Status::Uncertain) => {
                "a best guess, garbled in the OCR text or placed by inference"
            }
            (_, Status::Corrected) => "based on a value corrected from garbled OCR text",
            _ if point.derived => "computed from the paper's numbers",
            _ => "printed legibly in the paper",
        };
        return text(lang, &format!("The value shown is {what}.")).into_owned();
    }
    let mut parts = Vec::new();
    if derived > 0 {
        parts.push(format!("{derived} computed from the paper's numbers"));
    }
    if corrected > 0 {
        parts.push(format!(
            "{corrected} rest on values corrected from garbled OCR text"
        ));
    }
    if uncertain > 0 {
        parts.push(format!(
            "{uncertain} {} on a best guess",
            if uncertain == 1 { "rests" } else { "rest" }
        ));
    }
    if missing > 0 {
        parts.push(format!("{missing} missing, shown as gaps"));
    }
    let parts: Vec<String> = parts
        .iter()
        .map(|part| text(lang, part).into_owned())
        .collect();
    match (parts.is_empty(), points.len()) {
        (true, 2) => text(lang, "Both values shown are printed legibly in the paper.").into_owned(),
        (true, count) => text(
            lang,
            &format!("All {count} values shown are printed legibly in the paper."),
        )
        .into_owned(),
        (false, 2) => fill(
            lang,
            "Of the two values shown, {0}.",
            &[&commas(&parts, lang)],
        ),
        (false, count) => fill(
            lang,
            "Of the {0} values shown, {1}.",
            &[&count.to_string(), &commas(&parts, lang)],
        ),
    }
}
