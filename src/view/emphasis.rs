//! What a state points at, as the state keeps it: the emphasised series, the lecturer's
//! annotations (reference lines, spans, callouts) and the values a "Show in…" button outlined,
//! checked against what the view can place.

use super::annotations::{self, Annotation, Targets};
use super::event::AnnotationKind;
use super::state::State;
use crate::notice::quoted;

impl State {
    /// What annotations in this view may point at: its categories and every series it has.
    fn with_targets<T>(&self, read: impl FnOnce(&Targets) -> T) -> T {
        let categories: Vec<String> = self
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        let series = self.view_series();
        read(&Targets {
            categories: &categories,
            series: &series,
        })
    }

    /// Replaces the annotations of one kind with those `text` lists. Strictly (for an event), any item the view cannot place refuses the whole
    /// change; otherwise (for a link) such items are left out and named in the message.
    pub(super) fn replace_annotations(
        &mut self,
        kind: AnnotationKind,
        text: &str,
        strict: bool,
    ) -> Result<(), String> {
        fn take<T: Annotation>(
            read: annotations::Read<T>,
            strict: bool,
            list: &mut Vec<T>,
        ) -> Result<(), String> {
            match read.problem {
                Some(problem) if strict => Err(problem),
                problem => {
                    *list = read.items;
                    problem.map_or(Ok(()), Err)
                }
            }
        }
        match kind {
            AnnotationKind::ReferenceLines => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.reference_lines,
            ),
            AnnotationKind::Bands => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.bands,
            ),
            AnnotationKind::Notes => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.notes,
            ),
            AnnotationKind::Outlines => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.outlines,
            ),
        }
    }

    /// Replaces the emphasised series with a comma-separated list from a link; series the
    /// view does not have are left out and named in the message.
    pub(super) fn replace_emphasis(&mut self, list: &str) -> Result<(), String> {
        let wanted: Vec<&str> = list.split(',').filter(|id| !id.is_empty()).collect();
        let known = self.view_series();
        self.emphasis = known
            .iter()
            .filter(|id| wanted.contains(id))
            .map(|id| id.to_string())
            .collect();
        let unknown: Vec<&str> = wanted
            .into_iter()
            .filter(|id| !known.contains(id))
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "no series {} to emphasise",
                quoted(&unknown.join(", "))
            ))
        }
    }

    /// Drops every annotation, the outlines and the emphasis.
    pub(super) fn clear_annotations(&mut self) {
        self.emphasis.clear();
        self.reference_lines.clear();
        self.bands.clear();
        self.notes.clear();
        self.outlines.clear();
    }

    /// Drops what speaks of the values shown (the callouts' words, the outlined cells), when
    /// another measure or transform changes those values; lines and spans mark years, which
    /// stay.
    pub(super) fn clear_value_annotations(&mut self) {
        self.notes.clear();
        self.outlines.clear();
    }
}
