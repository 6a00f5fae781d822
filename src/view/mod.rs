//! What the reader chose, and what that choice shows.
//!
//! [`State`] holds every choice (view, measure, transform, chart kind, series, years, base and
//! comparison years, log scale, topic, whether Play is under way), what a lecturer points at
//! (emphasised series, reference lines, shaded spans, callouts) and the values a "Show in…"
//! button outlined. Readers, links and scripts change it only through [`State::apply`] and
//! [`State::from_query`], which validate every value; its fields are private to this module,
//! and everything outside it reads them through methods named like them (`state.view()`). It
//! round-trips through the page URL ([`State::to_query`], [`State::from_query`]) so that
//! any view can be shared, bookmarked or embedded. From a state, [`plot`] builds the
//! [`Plot`](crate::plot::Plot) that the chart, the table and the summary all show.
//!
//! The code is split by concern: `ids` names the views, transforms, measures and topics;
//! `event` reads what a control, a key or a script asks for ([`Event`]), and `setting` names
//! the keys of a link and of the script API ([`Setting`]); `state` holds the choices and
//! applies events; `query` is their link form; `target` finds the state that shows a
//! finding's cells ([`Target`]); `annotations` reads and writes what a lecturer adds, and
//! `emphasis` keeps it in the state; `plots` builds each view's plot; `stats` computes the key
//! figures.

mod annotations;
mod emphasis;
mod event;
mod ids;
mod plots;
mod query;
mod setting;
mod state;
mod stats;
mod target;

pub use annotations::{Band, Note, Outline, ReferenceLine, MOST_OF_A_KIND, MOST_OUTLINES};
pub use event::{
    AnnotationKind, Control, Direction, Event, Scope, StepEdit, StoryMove, YearChoice,
    DEFAULT_PLAY_SPEED_MS, PLAY_SPEEDS_MS,
};
pub use ids::{measures, transforms, Measure, Topic, Transform, ViewId, TOPICS};
pub use plots::{plot, unit_name, why_left_out};
pub use setting::Setting;
pub use state::{chart_kinds, State};
pub use stats::{stats, Stat};
pub use target::{unplotted_row_id, Target};

/// The event a key press stands for, when the focus is not in a form field: arrows step
/// through the years and the digits 1–7 open the views. (`p`, which plays the years, is a
/// timer and so belongs to the page.)
pub fn key_action(key: &str) -> Option<Event> {
    match key {
        "ArrowRight" => Some(Event::Step(Direction::Next)),
        "ArrowLeft" => Some(Event::Step(Direction::Prev)),
        digit => {
            let index: usize = digit.parse().ok()?;
            ViewId::ALL
                .get(index.checked_sub(1)?)
                .map(|view| Event::View(*view))
        }
    }
}
