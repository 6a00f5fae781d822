//! What a lecturer points at in a view, as the link and the events write it: reference lines
//! (`mark=2001:WTO entry`), shaded spans (`band=2001-2004:After WTO entry`) and callouts on a
//! point (`note=foreign_funded@2005:Foreign firms hold most assets`), several of a kind joined
//! by `|`; and the outlined values a "Show in…" button points at
//! (`outline=state_owned@2005|private@2005`), which carry no label. Labels come from links anyone can write, so each is cleaned and shortened as a
//! notice would repeat it ([`quoted`]); a `|` always separates items, so no label holds one.

use crate::notice::quoted;

/// The most annotations of one kind a view keeps: more would only bury the chart, and an
/// endless link must not make every redraw slow.
pub const MOST_OF_A_KIND: usize = 12;

/// A labelled vertical reference line at a category (a year, or a category id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceLine {
    pub category: String,
    pub label: String,
}

/// A shaded span from one category to another, both included, with its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// The first category, in the view's order.
    pub from: String,
    /// The last category, in the view's order (the same as `from` for a span of one).
    pub to: String,
    pub label: String,
}

/// A callout on the value of one series at one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub series: String,
    pub category: String,
    pub label: String,
}

/// An outline round the value of one series at one category: a cell that a finding or a
/// claim names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub series: String,
    pub category: String,
}

/// The most values a view outlines: every cell of the largest chart (Table 1's seven rows in
/// five years) and some room, where other annotations stop at [`MOST_OF_A_KIND`], since a
/// finding may name every cell of a table.
pub const MOST_OUTLINES: usize = 48;

/// What a view offers annotations to point at.
pub(super) struct Targets<'a> {
    /// The view's categories, in its order.
    pub categories: &'a [String],
    /// Every series the view has, under any measure.
    pub series: &'a [&'static str],
}

impl Targets<'_> {
    fn category(&self, id: &str) -> Option<(usize, String)> {
        let id = id.trim();
        let position = self.categories.iter().position(|known| known == id)?;
        Some((position, id.to_string()))
    }
}

/// One kind of annotation: how an item is read from and written to its text.
pub(super) trait Annotation: Sized + Clone + PartialEq {
    /// The kind in a message, plural (`reference lines`).
    const PLURAL: &'static str;
    /// The most items of the kind a view keeps.
    const MOST: usize = MOST_OF_A_KIND;

    /// The item that `text` (without `|`) describes, if the view has what it points at.
    fn read(text: &str, targets: &Targets) -> Option<Self>;

    /// The item as the link writes it.
    fn write(&self) -> String;

    /// An example of the syntax with the view's own ids, for messages.
    fn example(targets: &Targets) -> String;
}

/// Splits `item` into what it points at and its cleaned label (empty without a `:`).
fn split_label(item: &str) -> (&str, String) {
    match item.split_once(':') {
        Some((place, label)) => (place, quoted(label)),
        None => (item, String::new()),
    }
}

/// `place` followed by `:label`, or `place` alone when the label is empty.
fn with_label(place: &str, label: &str) -> String {
    if label.is_empty() {
        place.to_string()
    } else {
        format!("{place}:{label}")
    }
}

impl Annotation for ReferenceLine {
    const PLURAL: &'static str = "reference lines";

    fn read(text: &str, targets: &Targets) -> Option<ReferenceLine> {
        let (place, label) = split_label(text);
        let (_, category) = targets.category(place)?;
        Some(ReferenceLine { category, label })
    }

    fn write(&self) -> String {
        with_label(&self.category, &self.label)
    }

    fn example(targets: &Targets) -> String {
        format!("{}:Label", first(targets.categories))
    }
}

impl Annotation for Band {
    const PLURAL: &'static str = "shaded spans";

    fn read(text: &str, targets: &Targets) -> Option<Band> {
        let (place, label) = split_label(text);
        let (from, to) = place.split_once('-').unwrap_or((place, place));
        let (from, to) = (targets.category(from)?, targets.category(to)?);
        // A span written backwards is the same span.
        let ((_, from), (_, to)) = if from.0 <= to.0 {
            (from, to)
        } else {
            (to, from)
        };
        Some(Band { from, to, label })
    }

    fn write(&self) -> String {
        with_label(&format!("{}-{}", self.from, self.to), &self.label)
    }

    fn example(targets: &Targets) -> String {
        let last = targets.categories.last().map_or("", String::as_str);
        format!("{}-{last}:Label", first(targets.categories))
    }
}

impl Annotation for Note {
    const PLURAL: &'static str = "callouts";

    fn read(text: &str, targets: &Targets) -> Option<Note> {
        let (place, label) = split_label(text);
        let (series, category) = place.split_once('@')?;
        let series = series.trim();
        let series = targets.series.iter().find(|known| **known == series)?;
        let (_, category) = targets.category(category)?;
        Some(Note {
            series: series.to_string(),
            category,
            label,
        })
    }

    fn write(&self) -> String {
        with_label(&format!("{}@{}", self.series, self.category), &self.label)
    }

    fn example(targets: &Targets) -> String {
        let series = targets.series.first().copied().unwrap_or("series");
        format!("{series}@{}:Label", first(targets.categories))
    }
}

impl Annotation for Outline {
    const PLURAL: &'static str = "outlined values";
    const MOST: usize = MOST_OUTLINES;

    fn read(text: &str, targets: &Targets) -> Option<Outline> {
        // An outline has no label; one written after a `:` is passed over.
        let (place, _) = split_label(text);
        let (series, category) = place.split_once('@')?;
        let series = series.trim();
        let series = targets.series.iter().find(|known| **known == series)?;
        let (_, category) = targets.category(category)?;
        Some(Outline {
            series: series.to_string(),
            category,
        })
    }

    fn write(&self) -> String {
        format!("{}@{}", self.series, self.category)
    }

    fn example(targets: &Targets) -> String {
        let series = targets.series.first().copied().unwrap_or("series");
        format!("{series}@{}", first(targets.categories))
    }
}

fn first(categories: &[String]) -> &str {
    categories.first().map_or("2001", String::as_str)
}

/// A list of annotations read from a link or an event.
pub(super) struct Read<T> {
    /// The items that make sense, at most as many as the kind allows.
    pub items: Vec<T>,
    /// What was wrong with the rest, as a message; `None` when nothing was.
    pub problem: Option<String>,
}

/// Reads the `|`-separated items of `text`. Empty items are passed over; items the view
/// cannot place, and any beyond the most the kind allows, are left out and named in the
/// problem.
pub(super) fn read<T: Annotation>(text: &str, targets: &Targets) -> Read<T> {
    let mut items = Vec::new();
    let mut unplaced: Vec<&str> = Vec::new();
    let mut extra = 0;
    for item in text.split('|').filter(|item| !item.trim().is_empty()) {
        match T::read(item, targets) {
            Some(_) if items.len() == T::MOST => extra += 1,
            Some(annotation) => items.push(annotation),
            None => unplaced.push(item),
        }
    }
    let problem = if !unplaced.is_empty() {
        Some(format!(
            "{} this view cannot place, '{}': write them as '{}'.",
            capitalised(T::PLURAL),
            quoted(&unplaced.join("|")),
            quoted(&T::example(targets))
        ))
    } else if extra > 0 {
        Some(format!(
            "A view keeps at most {} {}; {extra} more were left out.",
            T::MOST,
            T::PLURAL
        ))
    } else {
        None
    };
    Read { items, problem }
}

/// The items as the link writes them, joined by `|`.
pub(super) fn write<T: Annotation>(items: &[T]) -> String {
    items
        .iter()
        .map(Annotation::write)
        .collect::<Vec<_>>()
        .join("|")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // The words capitalised are the explorer's own, in English.
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}
