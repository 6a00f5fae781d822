//! A state's link form: [`State::to_query`] writes what differs from the view's defaults, and
//! [`State::from_query`] reads any link back, skipping what makes no sense with a message.

use super::annotations::{self, Annotation, Band, Mark, Note, Outline};
use super::ids::{Transform, ViewId};
use super::state::State;
use crate::notice::quoted;

impl State {
    /// The state as a URL query (without `?`), listing only what differs from the view's
    /// defaults, so that shared links stay short.
    pub fn to_query(&self) -> String {
        let defaults = State::for_view(self.view);
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("view", self.view.id());
        if self.measure != defaults.measure {
            query.append_pair("measure", self.measure);
        }
        if self.topic != defaults.topic {
            query.append_pair("topic", self.topic);
        }
        if self.transform != defaults.transform {
            query.append_pair("transform", self.transform.id());
        }
        let defaults_for_topic = if self.view == ViewId::Highlights {
            let mut fresh = defaults.clone();
            let _ = fresh.apply("topic", self.topic, true);
            fresh
        } else {
            defaults
        };
        // The reader's chosen kind is what a link keeps; the kind in use follows from it and
        // from the measure and transform.
        if self.chosen_chart != defaults_for_topic.chosen_chart {
            query.append_pair("chart", self.chosen_chart.id());
        }
        if self.series != defaults_for_topic.series {
            query.append_pair("series", &self.series.join(","));
        }
        if self.categories != defaults_for_topic.categories {
            query.append_pair(
                if self.view == ViewId::Rd {
                    "measures"
                } else {
                    "years"
                },
                &self.categories.join(","),
            );
        }
        // The chosen years are kept whatever the transform (switching back to an index shows
        // the reader's base year again), so the link keeps them too.
        if self.base_year != defaults_for_topic.base_year {
            query.append_pair("base", &self.base_year.to_string());
        }
        if self.from_year != defaults_for_topic.from_year {
            query.append_pair("from", &self.from_year.to_string());
        }
        if self.to_year != defaults_for_topic.to_year {
            query.append_pair("to", &self.to_year.to_string());
        }
        if self.log_scale {
            query.append_pair("log", "1");
        }
        if self.playing {
            query.append_pair("play", "1");
        }
        if !self.emphasis.is_empty() {
            query.append_pair("emph", &self.emphasis.join(","));
        }
        for (name, text) in [
            (Mark::NAME, annotations::write(&self.marks)),
            (Band::NAME, annotations::write(&self.bands)),
            (Note::NAME, annotations::write(&self.notes)),
            (Outline::NAME, annotations::write(&self.outlines)),
        ] {
            if !text.is_empty() {
                query.append_pair(name, &text);
            }
        }
        query.finish()
    }

    /// Reads a state from a URL query (with or without `?`). Parts that make no sense are
    /// skipped with a message each, so a mistyped link still opens the nearest valid view.
    pub fn from_query(query: &str) -> (State, Vec<String>) {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let mut problems = Vec::new();
        let view = pairs
            .iter()
            .find(|(name, _)| name == "view")
            .map(|(_, value)| value.as_str());
        let mut state = match view.map(|id| (id, ViewId::from_id(id))) {
            Some((_, Some(view))) => State::for_view(view),
            Some((id, None)) => {
                problems.push(format!(
                    "The link asks for a view '{}', which does not exist; showing {} instead.",
                    quoted(id),
                    ViewId::Ownership.label()
                ));
                State::default()
            }
            None => State::default(),
        };
        // Order matters: the topic decides the series, and the chart kind is chosen before the
        // measure and transform narrow the kinds on offer; Play resumes over the years chosen.
        for name in [
            "topic",
            "chart",
            "measure",
            "transform",
            "series",
            "years",
            "measures",
            "base",
            "from",
            "to",
            "log",
            "play",
            "emph",
            Mark::NAME,
            Band::NAME,
            Note::NAME,
            Outline::NAME,
        ] {
            let Some((_, value)) = pairs.iter().find(|(pair_name, _)| pair_name == name) else {
                continue;
            };
            let result = match name {
                "series" => state.replace_list(true, value),
                "years" | "measures" => state.replace_list(false, value),
                "log" => state.apply("log", "", value == "1"),
                "play" => state.resume_play(value),
                "emph" => state.replace_emphasis(value),
                Mark::NAME | Band::NAME | Note::NAME | Outline::NAME => {
                    state.replace_annotations(name, value, false)
                }
                _ => state.apply(name, value, true),
            };
            if let Err(problem) = result {
                problems.push(format!("Part of the link was ignored: {problem}"));
            }
        }
        (state, problems)
    }

    /// Resumes Play from a link (`play=1`) over the years the link shows, where Play is possible.
    fn resume_play(&mut self, value: &str) -> Result<(), String> {
        match value {
            "0" => Ok(()),
            "1" if self.transform == Transform::Change => {
                Err("there is no Play in a change between two years".to_string())
            }
            "1" if self.all_categories().is_empty() => {
                Err("this view has no years to play through".to_string())
            }
            "1" => {
                self.playing = true;
                Ok(())
            }
            other => Err(format!("play is 1 or 0, not '{}'", quoted(other))),
        }
    }

    /// Replaces the selected series (or categories) with a comma-separated list from a link.
    /// Series of the view that the current measure does not offer are kept, as they are when
    /// the reader switches measures.
    fn replace_list(&mut self, series: bool, list: &str) -> Result<(), String> {
        let wanted: Vec<&str> = list.split(',').filter(|id| !id.is_empty()).collect();
        let known: Vec<String> = if series {
            self.view_series()
                .into_iter()
                .map(|id| id.to_string())
                .collect()
        } else {
            self.all_categories()
                .into_iter()
                .map(|category| category.id)
                .collect()
        };
        let unknown: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|id| !known.iter().any(|known| known == id))
            .collect();
        let chosen: Vec<String> = known
            .into_iter()
            .filter(|id| wanted.contains(&id.as_str()))
            .collect();
        if series {
            self.series = chosen;
        } else {
            self.categories = chosen;
        }
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "unknown {} {}",
                if series { "series" } else { "years" },
                quoted(&unknown.join(", "))
            ))
        }
    }
}
