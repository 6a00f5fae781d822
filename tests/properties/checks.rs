//! What the properties hold a result to: a notice short and free of disguising characters, a
//! state consistent with what its view offers, and annotations that fit their view.

use super::*;

/// The longest notice a rejected value may produce: the sentence around it and at most about
/// 60 characters of the value.
pub(crate) const MAX_NOTICE: usize = 260;

/// Characters that must never reach a notice: controls, bidi controls and invisible format
/// characters (listed here independently of the app's own filter).
pub(crate) fn disguises(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{AD}'
        )
}

/// Fails unless `notice` is short and free of characters that could disguise it.
pub(crate) fn check_notice(notice: &str, cause: &str) -> Result<(), TestCaseError> {
    let hidden: Vec<char> = notice.chars().filter(|ch| disguises(*ch)).collect();
    prop_assert!(
        hidden.is_empty(),
        "after {}, the notice {:?} carries invisible characters {:?} that can make it read as something else",
        cause,
        notice,
        hidden
    );
    let length = notice.chars().count();
    prop_assert!(
        length <= MAX_NOTICE,
        "after {}, a notice of {} characters floods the message box: {:?}",
        cause,
        length,
        notice.chars().take(120).collect::<String>()
    );
    Ok(())
}

/// What is wrong with `state` that a reader would notice, if anything: a chart kind, transform,
/// measure or log scale the view does not offer, or a selection of things it does not have.
pub(crate) fn inconsistency(state: &State) -> Option<String> {
    let kinds = view::chart_kinds(state);
    let measures = view::measures(state.view());
    let series = state.view_series();
    let categories: Vec<String> = state
        .all_categories()
        .into_iter()
        .map(|category| category.id)
        .collect();
    let years = state.years();
    let year_ok = |year: u16| years.contains(&year) || (years.is_empty() && year == 0);
    let unique = |ids: &[String]| (1..ids.len()).all(|at| !ids[..at].contains(&ids[at]));
    if !kinds.is_empty() && !kinds.contains(&state.chart()) {
        Some(format!(
            "the chart is {:?}, which this choice does not offer",
            state.chart()
        ))
    } else if !view::transforms(state.view()).contains(&state.transform()) {
        Some(format!(
            "the view shows {:?}, which it does not offer",
            state.transform()
        ))
    } else if !measures.is_empty() && !measures.contains(&state.measure()) {
        Some(format!(
            "the measure {} is not the view's",
            state.measure().id
        ))
    } else if state.log_scale()
        && (state.view() != ViewId::Fdi || state.transform() != Transform::Level)
    {
        Some("a logarithmic scale is on where none is offered".to_string())
    } else if !state
        .series()
        .iter()
        .all(|id| series.contains(&id.as_str()))
        || !unique(state.series())
    {
        Some(format!(
            "the series {:?} are not the view's own, once each",
            state.series()
        ))
    } else if !state.categories().iter().all(|id| categories.contains(id))
        || !unique(state.categories())
    {
        Some(format!(
            "the years {:?} are not the view's own, once each",
            state.categories()
        ))
    } else if ![state.base_year(), state.from_year(), state.to_year()]
        .into_iter()
        .all(year_ok)
    {
        Some(format!(
            "the years {}, {} and {} are not all the view's",
            state.base_year(),
            state.from_year(),
            state.to_year()
        ))
    } else if !state
        .emphasis()
        .iter()
        .all(|id| series.contains(&id.as_str()))
        || !unique(state.emphasis())
    {
        Some(format!(
            "the emphasis on {:?} is not on the view's own series, once each",
            state.emphasis()
        ))
    } else if let Some(flaw) = annotation_flaw(state, &categories, &series) {
        Some(flaw)
    } else if state.playing() && (state.transform() == Transform::Change || categories.is_empty()) {
        Some("Play is on where there are no years to play through".to_string())
    } else {
        None
    }
}

/// What is wrong with the annotations of `state`, if anything: one pointing at a year or
/// series the view does not have, a span that runs backwards, a label that is not clean and
/// short, or more of a kind than a view keeps.
pub(crate) fn annotation_flaw(
    state: &State,
    categories: &[String],
    series: &[&str],
) -> Option<String> {
    let known = |id: &String| categories.contains(id);
    let rank = |id: &String| categories.iter().position(|known| known == id);
    let labels = state
        .reference_lines()
        .iter()
        .map(|mark| &mark.label)
        .chain(state.bands().iter().map(|band| &band.label))
        .chain(state.notes().iter().map(|note| &note.label));
    let counts = [
        state.reference_lines().len(),
        state.bands().len(),
        state.notes().len(),
    ];
    if !state
        .reference_lines()
        .iter()
        .all(|mark| known(&mark.category))
    {
        Some(format!(
            "a reference line is at a year the view does not have: {:?}",
            state.reference_lines()
        ))
    } else if !state
        .bands()
        .iter()
        .all(|band| known(&band.from) && known(&band.to) && rank(&band.from) <= rank(&band.to))
    {
        Some(format!(
            "a span is not between two of the view's years, in order: {:?}",
            state.bands()
        ))
    } else if !state
        .notes()
        .iter()
        .all(|note| known(&note.category) && series.contains(&note.series.as_str()))
    {
        Some(format!(
            "a callout points at nothing the view has: {:?}",
            state.notes()
        ))
    } else if let Some(label) = labels.clone().find(|label| {
        label.chars().count() > 60 || label.chars().any(disguises) || label.contains('|')
    }) {
        Some(format!("the label {label:?} is not cleaned and shortened"))
    } else if counts.iter().any(|count| *count > view::MOST_OF_A_KIND) {
        Some(format!(
            "the view keeps {counts:?} annotations, more than it allows"
        ))
    } else {
        None
    }
}
