//! What a control, a key or a script can ask for, as a typed [`Event`], read once from the
//! page's `(name, value, checked)` by [`Event::read`]. Every control's name is written once,
//! in [`Control::name`]; the ids an event carries are checked here when they mean the same in
//! every view (a view, a transform, a year's digits), and by [`State::apply`] or
//! [`Session::apply`] when they depend on what is shown (a measure, a series, a step).
//!
//! [`State::apply`]: super::State::apply
//! [`Session::apply`]: crate::session::Session::apply

use super::ids::{Transform, ViewId};
use super::setting::Setting;
use crate::display::{Group, Paper, Part};
use crate::notice::quoted;
use crate::plot::ChartKind;

/// The values the page's Play speed picker sends (milliseconds per year): the page runs the
/// timer, so the core only checks them.
pub const PLAY_SPEEDS_MS: [u32; 3] = [500, 1000, 2000];
/// The speed Play starts at: one year a second.
pub const DEFAULT_PLAY_SPEED_MS: u32 = 1000;

/// The name of every control the page sends events for: the one list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    View,
    Measure,
    Transform,
    Chart,
    Series,
    Legend,
    Category,
    SeriesAll,
    SeriesNone,
    CategoryAll,
    CategoryNone,
    Play,
    PlayAt,
    PlaySpeed,
    Step,
    Base,
    From,
    To,
    Log,
    Topic,
    Emphasis,
    ReferenceLine,
    Band,
    Note,
    Outline,
    AnnotationsClear,
    StoryOpen,
    StoryNext,
    StoryPrev,
    StoryFirst,
    StoryLast,
    StoryGo,
    StoryLeave,
    StoryReturn,
    StoryAdd,
    StoryTitle,
    StepTitle,
    StepCaption,
    StepUp,
    StepDown,
    StepDelete,
    Answer,
    Keys,
    Goto,
    FocusDismiss,
    Present,
    Download,
    Drawer,
    CopyClose,
    EmbedPart,
    EmbedGroup,
    EmbedLock,
    EmbedOpen,
    QualitySearch,
    QualityKind,
    QualitySource,
    QualityClear,
    WorksheetPaper,
    WorksheetKey,
    WorksheetPrint,
}

impl Control {
    pub const ALL: [Control; 60] = [
        Control::View,
        Control::Measure,
        Control::Transform,
        Control::Chart,
        Control::Series,
        Control::Legend,
        Control::Category,
        Control::SeriesAll,
        Control::SeriesNone,
        Control::CategoryAll,
        Control::CategoryNone,
        Control::Play,
        Control::PlayAt,
        Control::PlaySpeed,
        Control::Step,
        Control::Base,
        Control::From,
        Control::To,
        Control::Log,
        Control::Topic,
        Control::Emphasis,
        Control::ReferenceLine,
        Control::Band,
        Control::Note,
        Control::Outline,
        Control::AnnotationsClear,
        Control::StoryOpen,
        Control::StoryNext,
        Control::StoryPrev,
        Control::StoryFirst,
        Control::StoryLast,
        Control::StoryGo,
        Control::StoryLeave,
        Control::StoryReturn,
        Control::StoryAdd,
        Control::StoryTitle,
        Control::StepTitle,
        Control::StepCaption,
        Control::StepUp,
        Control::StepDown,
        Control::StepDelete,
        Control::Answer,
        Control::Keys,
        Control::Goto,
        Control::FocusDismiss,
        Control::Present,
        Control::Download,
        Control::Drawer,
        Control::CopyClose,
        Control::EmbedPart,
        Control::EmbedGroup,
        Control::EmbedLock,
        Control::EmbedOpen,
        Control::QualitySearch,
        Control::QualityKind,
        Control::QualitySource,
        Control::QualityClear,
        Control::WorksheetPaper,
        Control::WorksheetKey,
        Control::WorksheetPrint,
    ];

    /// The control's name, as the page's `name` attributes give it. The step editor's
    /// controls carry the step's number after a colon (`step-title:3`).
    pub const fn name(self) -> &'static str {
        match self {
            Control::View => "view",
            Control::Measure => "measure",
            Control::Transform => "transform",
            Control::Chart => "chart",
            Control::Series => "series",
            Control::Legend => "legend",
            Control::Category => "category",
            Control::SeriesAll => "series-all",
            Control::SeriesNone => "series-none",
            Control::CategoryAll => "category-all",
            Control::CategoryNone => "category-none",
            Control::Play => "play",
            Control::PlayAt => "play-at",
            Control::PlaySpeed => "play-speed",
            Control::Step => "step",
            Control::Base => "base",
            Control::From => "from",
            Control::To => "to",
            Control::Log => "log",
            Control::Topic => "topic",
            Control::Emphasis => Setting::Emphasis.name(),
            Control::ReferenceLine => Setting::ReferenceLines.name(),
            Control::Band => Setting::Bands.name(),
            Control::Note => Setting::Notes.name(),
            Control::Outline => Setting::Outlines.name(),
            Control::AnnotationsClear => "annotations-clear",
            Control::StoryOpen => "story-open",
            Control::StoryNext => "story-next",
            Control::StoryPrev => "story-prev",
            Control::StoryFirst => "story-first",
            Control::StoryLast => "story-last",
            Control::StoryGo => "story-go",
            Control::StoryLeave => "story-leave",
            Control::StoryReturn => "story-return",
            Control::StoryAdd => "story-add",
            Control::StoryTitle => "story-title",
            Control::StepTitle => "step-title",
            Control::StepCaption => "step-caption",
            Control::StepUp => "step-up",
            Control::StepDown => "step-down",
            Control::StepDelete => "step-delete",
            Control::Answer => "answer",
            Control::Keys => "keys",
            Control::Goto => "goto",
            Control::FocusDismiss => "focus-dismiss",
            Control::Present => "present",
            Control::Download => "download",
            Control::Drawer => "drawer",
            Control::CopyClose => "copy-close",
            Control::EmbedPart => "embed-part",
            Control::EmbedGroup => "embed-group",
            Control::EmbedLock => "embed-lock",
            Control::EmbedOpen => "embed-open",
            Control::QualitySearch => crate::quality::SEARCH,
            Control::QualityKind => crate::quality::KIND,
            Control::QualitySource => crate::quality::SOURCE,
            Control::QualityClear => crate::quality::CLEAR,
            Control::WorksheetPaper => "worksheet-paper",
            Control::WorksheetKey => "worksheet-key",
            Control::WorksheetPrint => "worksheet-print",
        }
    }

    /// The control of this name, if the page has one.
    pub fn from_name(name: &str) -> Option<Control> {
        Control::ALL
            .into_iter()
            .find(|control| control.name() == name)
    }

    /// Who handles the control's events.
    pub fn scope(self) -> Scope {
        match self {
            Control::View
            | Control::Measure
            | Control::Transform
            | Control::Chart
            | Control::Series
            | Control::Legend
            | Control::Category
            | Control::SeriesAll
            | Control::SeriesNone
            | Control::CategoryAll
            | Control::CategoryNone
            | Control::Play
            | Control::PlayAt
            | Control::PlaySpeed
            | Control::Step
            | Control::Base
            | Control::From
            | Control::To
            | Control::Log
            | Control::Topic
            | Control::Emphasis
            | Control::ReferenceLine
            | Control::Band
            | Control::Note
            | Control::Outline
            | Control::AnnotationsClear => Scope::View,
            Control::StoryOpen
            | Control::StoryNext
            | Control::StoryPrev
            | Control::StoryFirst
            | Control::StoryLast
            | Control::StoryGo
            | Control::StoryLeave
            | Control::StoryReturn
            | Control::StoryAdd
            | Control::StoryTitle
            | Control::StepTitle
            | Control::StepCaption
            | Control::StepUp
            | Control::StepDown
            | Control::StepDelete
            | Control::Answer
            | Control::Keys
            | Control::Goto
            | Control::FocusDismiss
            | Control::WorksheetPaper
            | Control::WorksheetKey => Scope::Session,
            Control::Present
            | Control::Download
            | Control::Drawer
            | Control::CopyClose
            | Control::EmbedPart
            | Control::EmbedGroup
            | Control::EmbedLock
            | Control::EmbedOpen
            | Control::QualitySearch
            | Control::QualityKind
            | Control::QualitySource
            | Control::QualityClear
            | Control::WorksheetPrint => Scope::Page,
        }
    }

    /// Whether the control's name carries a step's number (`step-title:3`).
    pub fn is_numbered(self) -> bool {
        matches!(
            self,
            Control::StepTitle
                | Control::StepCaption
                | Control::StepUp
                | Control::StepDown
                | Control::StepDelete
        )
    }
}

/// Who handles a control's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The view's choices: [`State::apply`](super::State::apply).
    View,
    /// Stories, "Show in…", the shortcuts' switch and the worksheet's choices:
    /// [`Session::apply`](crate::session::Session::apply).
    Session,
    /// The page's own: presentation, downloads, the drawer, the embed options, the Data
    /// quality list and printing the worksheet, which the browser glue handles.
    Page,
}

/// The kinds of a lecturer's annotations, each a setting of the link and an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnotationKind {
    ReferenceLines,
    Bands,
    Notes,
    Outlines,
}

impl AnnotationKind {
    pub const ALL: [AnnotationKind; 4] = [
        AnnotationKind::ReferenceLines,
        AnnotationKind::Bands,
        AnnotationKind::Notes,
        AnnotationKind::Outlines,
    ];

    /// The link's key (and the event's name) for the kind.
    pub const fn setting(self) -> Setting {
        match self {
            AnnotationKind::ReferenceLines => Setting::ReferenceLines,
            AnnotationKind::Bands => Setting::Bands,
            AnnotationKind::Notes => Setting::Notes,
            AnnotationKind::Outlines => Setting::Outlines,
        }
    }
}

/// Which of the three chosen years a year picker sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearChoice {
    /// The base year of an index.
    Base,
    /// The first year of a change, or of the years shown.
    From,
    /// The last year.
    To,
}

/// One step through the years, or through a story's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Next,
    Prev,
}

/// What the step editor does to one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepEdit {
    Title(String),
    Caption(String),
    Up,
    Down,
    Delete,
}

/// What a control, a key or a script asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    // The view's choices, which [`State::apply`](super::State::apply) takes.
    View(ViewId),
    /// A measure's id, checked against the view's measures.
    Measure(String),
    Transform(Transform),
    Chart(ChartKind),
    Series {
        id: String,
        on: bool,
    },
    /// A click on a legend entry: the series switched the other way.
    Legend(String),
    /// A year, or one of the R&D view's measures, switched on or off.
    Category {
        id: String,
        on: bool,
    },
    SeriesAll,
    SeriesNone,
    CategoryAll,
    CategoryNone,
    /// Play starts from the first year alone.
    Play,
    /// The timeline's position: the years up to this one (from 0) shown.
    PlayAt(usize),
    /// Play's speed, in milliseconds per year (the page runs the timer; the core checks it).
    PlaySpeed(u32),
    Step(Direction),
    Year(YearChoice, u16),
    Log(bool),
    /// A topic's id, checked by the view.
    Topic(String),
    Emphasis {
        id: String,
        on: bool,
    },
    /// The annotations of one kind, in the link's syntax, replacing those there.
    Annotations(AnnotationKind, String),
    AnnotationsClear,
    // The session's events, which [`Session::apply`](crate::session::Session::apply) takes.
    /// A story's id.
    StoryOpen(String),
    StoryMove(StoryMove),
    /// A step's number, from 1.
    StoryGo(usize),
    StoryLeave,
    StoryReturn,
    StoryAdd,
    StoryTitle(String),
    /// An edit of the step of this number, from 1.
    StepEdit(usize, StepEdit),
    /// A reader's answer to the question of the step shown, as typed.
    Answer(String),
    /// Whether single-character shortcuts act anywhere on the page.
    Keys(bool),
    /// "Show in…": a finding's or claim's target, read by [`Target::read`](super::Target::read).
    Goto(String),
    FocusDismiss,
    /// The paper a worksheet is printed on.
    WorksheetPaper(Paper),
    /// Whether a worksheet ends with its answer key.
    WorksheetKey(bool),
    // The page's own events, which the browser glue handles.
    Present,
    /// A download's kind (`csv`, `png-2x` …), read by the glue.
    Download(String),
    Drawer,
    CopyClose,
    EmbedPart(Part, bool),
    EmbedGroup(Group, bool),
    EmbedLock(bool),
    EmbedOpen(bool),
    /// An event of the Data quality list's search and filters, which
    /// [`quality::Filter::apply`](crate::quality::Filter::apply) reads.
    Quality {
        name: &'static str,
        value: String,
        checked: bool,
    },
    /// Print the open story as a worksheet.
    WorksheetPrint,
}

/// A move through the open story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryMove {
    First,
    Prev,
    Next,
    Last,
}

/// A refusal that repeats the value it refuses, cleaned (see [`quoted`]): one function for
/// every message, rather than a formatting of each, which the WebAssembly would carry.
pub(super) fn refused(before: &str, value: &str, after: &str) -> String {
    format!("{before}'{}'{after}", quoted(value))
}

impl Event {
    /// Reads an event from the page: a control's `name`, its `value`, and whether it is
    /// checked (for checkboxes). Names and values come from the page's controls, which anyone
    /// can edit, so an unknown name or a malformed value is refused with a message.
    pub fn read(name: &str, value: &str, checked: bool) -> Result<Event, String> {
        let (base, number) = match name.split_once(':') {
            Some((base, number)) => (base, Some(number)),
            None => (name, None),
        };
        let control = Control::from_name(base)
            .filter(|control| control.is_numbered() == number.is_some())
            .ok_or_else(|| refused("The page sent an unknown control ", name, "."))?;
        Event::parse(control, number, value, checked)
    }

    /// Reads the value of a control known by its type (a link's setting of the same meaning).
    pub fn of(control: Control, value: &str, checked: bool) -> Result<Event, String> {
        Event::parse(control, None, value, checked)
    }

    fn parse(
        control: Control,
        number: Option<&str>,
        value: &str,
        checked: bool,
    ) -> Result<Event, String> {
        // The filter above leaves a number to the step editor's controls alone.
        let step_edit = |edit: StepEdit| {
            let number = number.unwrap_or_default();
            number
                .parse::<usize>()
                .map(|step| Event::StepEdit(step, edit))
                .map_err(|_| refused("", number, " names no step."))
        };
        let text = || value.to_string();
        let year = |choice| {
            value
                .parse::<u16>()
                .map(|year| Event::Year(choice, year))
                .map_err(|_| refused("", value, " is not one of this view's years."))
        };
        Ok(match control {
            Control::View => Event::View(
                ViewId::from_id(value)
                    .ok_or_else(|| refused("There is no view called ", value, "."))?,
            ),
            Control::Measure => Event::Measure(text()),
            Control::Transform => Event::Transform(
                Transform::from_id(value)
                    .ok_or_else(|| refused("This view cannot show ", value, "."))?,
            ),
            Control::Chart => Event::Chart(ChartKind::from_id(value).ok_or_else(|| {
                refused("A ", value, " chart is not available for this choice.")
            })?),
            Control::Series => Event::Series {
                id: text(),
                on: checked,
            },
            Control::Legend => Event::Legend(text()),
            Control::Category => Event::Category {
                id: text(),
                on: checked,
            },
            Control::SeriesAll => Event::SeriesAll,
            Control::SeriesNone => Event::SeriesNone,
            Control::CategoryAll => Event::CategoryAll,
            Control::CategoryNone => Event::CategoryNone,
            Control::Play => Event::Play,
            Control::PlayAt => Event::PlayAt(value.parse().map_err(|_| {
                refused("The timeline's positions are whole numbers from 0, not ", value, ".")
            })?),
            Control::PlaySpeed => Event::PlaySpeed(
                PLAY_SPEEDS_MS
                    .into_iter()
                    .find(|speed| speed.to_string() == value)
                    .ok_or_else(|| {
                        refused("Play runs at 0.5, 1 or 2 seconds per year (500, 1000 or 2000 ms), not ", value, ".")
                    })?,
            ),
            Control::Step => Event::Step(match value {
                "next" => Direction::Next,
                "prev" => Direction::Prev,
                _ => {
                    return Err(refused("Cannot step ", value, ": use next or prev."))
                }
            }),
            Control::Base => year(YearChoice::Base)?,
            Control::From => year(YearChoice::From)?,
            Control::To => year(YearChoice::To)?,
            Control::Log => Event::Log(checked),
            Control::Topic => Event::Topic(text()),
            Control::Emphasis => Event::Emphasis {
                id: text(),
                on: checked,
            },
            Control::ReferenceLine => Event::Annotations(AnnotationKind::ReferenceLines, text()),
            Control::Band => Event::Annotations(AnnotationKind::Bands, text()),
            Control::Note => Event::Annotations(AnnotationKind::Notes, text()),
            Control::Outline => Event::Annotations(AnnotationKind::Outlines, text()),
            Control::AnnotationsClear => Event::AnnotationsClear,
            Control::StoryOpen => Event::StoryOpen(text()),
            Control::StoryNext => Event::StoryMove(StoryMove::Next),
            Control::StoryPrev => Event::StoryMove(StoryMove::Prev),
            Control::StoryFirst => Event::StoryMove(StoryMove::First),
            Control::StoryLast => Event::StoryMove(StoryMove::Last),
            Control::StoryGo => Event::StoryGo(
                value
                    .parse::<usize>()
                    .ok()
                    .filter(|number| *number >= 1)
                    .ok_or_else(|| refused("", value, " is not a step number."))?,
            ),
            Control::StoryLeave => Event::StoryLeave,
            Control::StoryReturn => Event::StoryReturn,
            Control::StoryAdd => Event::StoryAdd,
            Control::StoryTitle => Event::StoryTitle(text()),
            Control::Answer => Event::Answer(text()),
            Control::Keys => Event::Keys(checked),
            Control::Goto => Event::Goto(text()),
            Control::FocusDismiss => Event::FocusDismiss,
            Control::Present => Event::Present,
            Control::Download => Event::Download(text()),
            Control::Drawer => Event::Drawer,
            Control::CopyClose => Event::CopyClose,
            Control::EmbedPart => Event::EmbedPart(
                Part::from_id(value).ok_or_else(|| {
                    refused("An embed has no part called ", value, ".")
                })?,
                checked,
            ),
            Control::EmbedGroup => Event::EmbedGroup(
                Group::from_id(value).ok_or_else(|| {
                    refused("An embed has no controls called ", value, ".")
                })?,
                checked,
            ),
            Control::EmbedLock => Event::EmbedLock(checked),
            Control::EmbedOpen => Event::EmbedOpen(checked),
            Control::QualitySearch
            | Control::QualityKind
            | Control::QualitySource
            | Control::QualityClear => Event::Quality {
                name: control.name(),
                value: text(),
                checked,
            },
            Control::WorksheetPaper => Event::WorksheetPaper(
                Paper::ALL
                    .into_iter()
                    .find(|paper| paper.id() == value)
                    .ok_or_else(|| refused("A worksheet is printed on A4 or US Letter (a4 or letter), not ", value, "."))?,
            ),
            Control::WorksheetKey => Event::WorksheetKey(checked),
            Control::WorksheetPrint => Event::WorksheetPrint,
            Control::StepTitle => step_edit(StepEdit::Title(text()))?,
            Control::StepCaption => step_edit(StepEdit::Caption(text()))?,
            Control::StepUp => step_edit(StepEdit::Up)?,
            Control::StepDown => step_edit(StepEdit::Down)?,
            Control::StepDelete => step_edit(StepEdit::Delete)?,
        })
    }

    /// Whether the event opens, moves through or edits a story, which a locked view refuses.
    pub fn is_story_event(&self) -> bool {
        matches!(
            self,
            Event::StoryOpen(_)
                | Event::StoryMove(_)
                | Event::StoryGo(_)
                | Event::StoryLeave
                | Event::StoryReturn
                | Event::StoryAdd
                | Event::StoryTitle(_)
                | Event::StepEdit(..)
        )
    }
}
