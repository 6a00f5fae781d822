//! A state's link form: [`State::to_query`] writes what differs from the view's defaults, and
//! [`State::from_query`] reads any link back, skipping what makes no sense with a message.

use super::annotations;
use super::event::{AnnotationKind, Control, Event};
use super::ids::{Transform, ViewId};
use super::setting::Setting;
use super::state::State;
use crate::notice::quoted;

impl State {
    /// The state as a URL query (without `?`), listing only what differs from the view's
    /// defaults, so that shared links stay short.
    pub fn to_query(&self) -> String {
        let defaults = State::for_view(self.view);
        let mut query = form_urlencoded::Serializer::new(String::new());
        let mut append = |setting: Setting, value: &str| {
            query.append_pair(setting.name(), value);
        };
        append(Setting::View, self.view.id());
        if self.measure != defaults.measure {
            append(Setting::Measure, self.measure);
        }
        if self.topic != defaults.topic {
            append(Setting::Topic, self.topic);
        }
        if self.transform != defaults.transform {
            append(Setting::Transform, self.transform.id());
        }
        let defaults_for_topic = if self.view == ViewId::Trade {
            let mut fresh = defaults.clone();
            let _ = fresh.apply(Event::Topic(self.topic.to_string()));
            fresh
        } else {
            defaults
        };
        // The reader's chosen kind is what a link keeps; the kind in use follows from it and
        // from the measure and transform.
        if self.chosen_chart != defaults_for_topic.chosen_chart {
            append(Setting::Chart, self.chosen_chart.id());
        }
        if self.series != defaults_for_topic.series {
            append(Setting::Series, &self.series.join(","));
        }
        if self.categories != defaults_for_topic.categories {
            append(self.categories_setting(), &self.categories.join(","));
        }
        // The chosen years are kept whatever the transform (switching back to an index shows
        // the reader's base year again), so the link keeps them too.
        for (setting, year, default) in [
            (Setting::Base, self.base_year, defaults_for_topic.base_year),
            (Setting::From, self.from_year, defaults_for_topic.from_year),
            (Setting::To, self.to_year, defaults_for_topic.to_year),
        ] {
            if year != default {
                append(setting, &year.to_string());
            }
        }
        if self.log_scale {
            append(Setting::Log, "1");
        }
        if self.playing {
            append(Setting::Play, "1");
        }
        if !self.emphasis.is_empty() {
            append(Setting::Emphasis, &self.emphasis.join(","));
        }
        for (kind, text) in [
            (
                AnnotationKind::ReferenceLines,
                annotations::write(&self.reference_lines),
            ),
            (AnnotationKind::Bands, annotations::write(&self.bands)),
            (AnnotationKind::Notes, annotations::write(&self.notes)),
            (AnnotationKind::Outlines, annotations::write(&self.outlines)),
        ] {
            if !text.is_empty() {
                append(kind.setting(), &text);
            }
        }
        query.finish()
    }

    /// The setting that holds the categories shown: the R&D view's measures, or years.
    pub fn categories_setting(&self) -> Setting {
        if self.view == ViewId::Rd {
            Setting::Measures
        } else {
            Setting::Years
        }
    }

    /// Reads a state from a URL query (with or without `?`). Parts that make no sense are
    /// skipped with a message each, so a mistyped link still opens the nearest valid view.
    pub fn from_query(query: &str) -> (State, Vec<String>) {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let value_of = |setting: Setting| {
            pairs
                .iter()
                .find(|(name, _)| name == setting.name())
                .map(|(_, value)| value.as_str())
        };
        let mut problems = Vec::new();
        let mut state = match value_of(Setting::View).map(|id| (id, ViewId::from_id(id))) {
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
        for setting in Setting::LINK {
            let Some(value) = value_of(setting) else {
                continue;
            };
            if let Err(problem) = state.read_setting(setting, value) {
                problems.push(format!("Part of the link was ignored: {problem}"));
            }
        }
        (state, problems)
    }

    /// Applies one setting of a link.
    fn read_setting(&mut self, setting: Setting, value: &str) -> Result<(), String> {
        let event = |control| Event::of(control, value, true);
        match setting {
            Setting::Series => self.replace_list(true, value),
            Setting::Years | Setting::Measures => self.replace_list(false, value),
            Setting::Log => self.apply(Event::Log(value == "1")),
            Setting::Play => self.resume_play(value),
            Setting::Emphasis => self.replace_emphasis(value),
            Setting::ReferenceLines => {
                self.replace_annotations(AnnotationKind::ReferenceLines, value, false)
            }
            Setting::Bands => self.replace_annotations(AnnotationKind::Bands, value, false),
            Setting::Notes => self.replace_annotations(AnnotationKind::Notes, value, false),
            Setting::Outlines => self.replace_annotations(AnnotationKind::Outlines, value, false),
            Setting::Topic => self.apply(Event::Topic(value.to_string())),
            Setting::Measure => self.apply(Event::Measure(value.to_string())),
            Setting::Transform => self.apply(event(Control::Transform)?),
            Setting::Chart => self.apply(event(Control::Chart)?),
            Setting::Base => self.apply(event(Control::Base)?),
            Setting::From => self.apply(event(Control::From)?),
            Setting::To => self.apply(event(Control::To)?),
            // The view is read first, a story's keys are the story's, and the language is the
            // display's.
            Setting::View | Setting::Story | Setting::Step | Setting::Lang => Ok(()),
        }
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
