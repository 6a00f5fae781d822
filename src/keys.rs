//! What a key press does on the page, decided here so that every rule is tested natively.
//!
//! The page describes a press without judging it: the key, what kind of element has the focus
//! ([`Focus`]), and a few facts (modifier keys held, a popover open, the focus in the view
//! panel, whether the page can scroll further, and whether the press is seen before or after
//! the focused control: [`Press::read`]). The glue adds what the page shows ([`Page`]), and
//! [`react`] says what happens ([`Reaction`]): a step, a view, a tab, the drawer closed, Play,
//! the page scrolled, or nothing; whether Play pauses first; and whether the browser's own
//! handling is prevented and the event stopped.

use crate::session::{KeyAction, Session};
use crate::view::{Event, ViewId};

/// What kind of element has the keyboard focus, in the page's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A field that takes text (any input but a checkbox, radio button or slider; a text area).
    Text,
    /// A drop-down list.
    Select,
    /// A slider.
    Range,
    /// A radio button, whose group moves with the arrow keys.
    Radio,
    /// A checkbox.
    Checkbox,
    /// One of the views' tabs.
    Tab,
    /// Anything else: a button, a link, the chart, the page itself.
    Other,
}

impl Focus {
    /// Reads the page's word for the focused element; an unknown word is [`Focus::Other`],
    /// an element that keeps no keys of its own.
    pub fn read(kind: &str) -> Focus {
        match kind {
            "text" => Focus::Text,
            "select" => Focus::Select,
            "range" => Focus::Range,
            "radio" => Focus::Radio,
            "checkbox" => Focus::Checkbox,
            "tab" => Focus::Tab,
            _ => Focus::Other,
        }
    }

    /// Whether the element uses the arrow keys and the like itself, so that outside a
    /// presentation or story they stay its own: text fields, lists, sliders, radio groups and
    /// the tab list.
    fn keeps_its_keys(self) -> bool {
        matches!(
            self,
            Focus::Text | Focus::Select | Focus::Range | Focus::Radio | Focus::Tab
        )
    }
}

/// When the page asks about a press: before the focused control sees it (so that a
/// presenter's stepping keys win over a radio group or slider), or after it, when no one else
/// used it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    BeforeControl,
    AfterControl,
}

impl Phase {
    /// Reads the phase from the page's words for a press: before the control when they say
    /// `before-control`, else after it.
    pub fn read(words: &str) -> Phase {
        if words
            .split_whitespace()
            .any(|word| word == "before-control")
        {
            Phase::BeforeControl
        } else {
            Phase::AfterControl
        }
    }
}

/// One key press, as the page describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Press<'a> {
    /// The key's name, as `KeyboardEvent.key` gives it ("ArrowRight", " ", "p").
    pub key: &'a str,
    pub focus: Focus,
    pub phase: Phase,
    /// Alt, Ctrl or Meta is held: the browser's and the system's shortcuts, never ours.
    pub modified: bool,
    /// A definition or the glossary is open: it takes Escape and keeps its reader's keys.
    pub popover_open: bool,
    /// Someone already used the key (Escape closing a tooltip).
    pub already_used: bool,
    /// The focus is inside the view panel (the chart and its controls).
    pub in_view_panel: bool,
    /// The page can scroll further down, or further up.
    pub can_scroll_down: bool,
    pub can_scroll_up: bool,
}

impl<'a> Press<'a> {
    /// A press from the page's words: the key, the focused element's kind (see
    /// [`Focus::read`]) and its facts, separated by spaces: `before-control`, `modified`,
    /// `popover-open`, `already-used`, `in-view-panel`, `can-scroll-down`, `can-scroll-up`.
    /// An unknown word is ignored, so a page that says too little loses a shortcut, never
    /// a control's own keys.
    pub fn read(key: &'a str, focus: &str, facts: &str) -> Press<'a> {
        let has = |fact: &str| facts.split_whitespace().any(|word| word == fact);
        Press {
            key,
            focus: Focus::read(focus),
            phase: Phase::read(facts),
            modified: has("modified"),
            popover_open: has("popover-open"),
            already_used: has("already-used"),
            in_view_panel: has("in-view-panel"),
            can_scroll_down: has("can-scroll-down"),
            can_scroll_up: has("can-scroll-up"),
        }
    }
}

/// What the page shows besides the session, as the browser glue last drew it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The narrow screen's drawer of controls is open.
    pub drawer_open: bool,
    /// The view draws no chart (Data quality), so a step is a long page.
    pub no_chart: bool,
}

/// What a key does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Nothing: the key is the focused control's or the browser's.
    None,
    /// The browser scrolls the page with it; no one else acts on it.
    Scroll,
    /// An event for [`Session::apply`]: a step of the years or the story, or a view.
    Event(Event),
    /// Open this tab's view and move the focus to its tab.
    Tab(ViewId),
    /// Close the drawer and give the focus back to its toggle.
    CloseDrawer,
    /// Start or pause Play (a timer, so the page runs it).
    Play,
}

/// What the page does with a key press.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reaction {
    pub action: Action,
    /// Pause Play first, as any other input of the reader's does.
    pub pause_play: bool,
    /// Keep the browser's own handling (a scroll, a radio button's move) from happening too.
    pub prevent_default: bool,
    /// Keep the press from the page's later handlers.
    pub stop_propagation: bool,
}

impl Reaction {
    fn none() -> Reaction {
        Reaction {
            action: Action::None,
            pause_play: false,
            prevent_default: false,
            stop_propagation: false,
        }
    }
}

/// The keys a presenter steps with; in presentation and story mode they act whatever has the
/// focus, since a remote sends PageDown to whatever was clicked last.
const STEPPING_KEYS: [&str; 8] = [
    "ArrowLeft",
    "ArrowRight",
    "PageUp",
    "PageDown",
    "Home",
    "End",
    "Escape",
    " ",
];

/// The page keys that scroll a step without a chart before they step: PageUp up, the others
/// down.
const PAGE_KEYS: [&str; 3] = ["PageDown", " ", "PageUp"];

/// Whether deciding a press of `key` reads how far the page can scroll (`can-scroll-down`,
/// `can-scroll-up`): only a page key before the focused control, on a stage without a chart.
/// Measuring that forces the browser to lay the page out, so the page measures it only when
/// this says so; for every other press [`react`] decides the same without it.
pub fn reads_scroll(session: &Session, page: Page, key: &str, phase: Phase) -> bool {
    let on_stage = session.display.present || session.step().is_some();
    phase == Phase::BeforeControl && on_stage && page.no_chart && PAGE_KEYS.contains(&key)
}

/// What a key press does in this session on this page.
pub fn react(session: &Session, page: Page, press: &Press) -> Reaction {
    if press.modified || press.popover_open {
        return Reaction::none();
    }
    match press.phase {
        Phase::BeforeControl => before_control(session, page, press),
        Phase::AfterControl => after_control(session, press),
    }
}

/// Before the focused control: the drawer's Escape, and the stepping keys on a stage.
fn before_control(session: &Session, page: Page, press: &Press) -> Reaction {
    if press.key == "Escape" && page.drawer_open {
        return Reaction {
            action: Action::CloseDrawer,
            pause_play: false,
            prevent_default: true,
            stop_propagation: true,
        };
    }
    let on_stage = session.display.present || session.step().is_some();
    // A text field keeps every key, and a list keeps Space, which opens it.
    let kept = press.focus == Focus::Text || (press.key == " " && press.focus == Focus::Select);
    if !on_stage || !STEPPING_KEYS.contains(&press.key) || kept {
        return Reaction::none();
    }
    // A step without a chart (Data quality) is a long page: the page keys, a remote's among
    // them, scroll it first and step only once it can scroll no further.
    if reads_scroll(session, page, press.key, press.phase) {
        let further = if press.key == "PageUp" {
            press.can_scroll_up
        } else {
            press.can_scroll_down
        };
        if further {
            return Reaction {
                action: Action::Scroll,
                pause_play: false,
                prevent_default: false,
                stop_propagation: true,
            };
        }
    }
    let mut reaction = shortcut(session, press);
    reaction.stop_propagation = !matches!(reaction.action, Action::None);
    reaction
}

/// After the focused control, when no one used the key: the tab list's keys, then the
/// shortcuts, unless the focused control keeps its keys.
fn after_control(session: &Session, press: &Press) -> Reaction {
    if press.already_used {
        return Reaction::none();
    }
    if press.focus == Focus::Tab {
        let views = ViewId::ALL;
        let here = views
            .iter()
            .position(|view| *view == session.state.view())
            .unwrap_or(0);
        let next = match press.key {
            "ArrowLeft" => Some(views[(here + views.len() - 1) % views.len()]),
            "ArrowRight" => Some(views[(here + 1) % views.len()]),
            "Home" => views.first().copied(),
            "End" => views.last().copied(),
            _ => None,
        };
        if let Some(view) = next {
            return Reaction {
                action: Action::Tab(view),
                pause_play: false,
                prevent_default: true,
                stop_propagation: false,
            };
        }
    }
    if press.focus.keeps_its_keys() {
        return Reaction::none();
    }
    shortcut(session, press)
}

/// A key that reached the session's shortcuts: it pauses Play (unless it is Play's own key,
/// which toggles it) and does what [`Session::key_action`] says.
fn shortcut(session: &Session, press: &Press) -> Reaction {
    let action = match session.key_action(press.key, press.in_view_panel) {
        Some(KeyAction::Event(event)) => Action::Event(event),
        Some(KeyAction::Play) => Action::Play,
        None => Action::None,
    };
    Reaction {
        pause_play: !matches!(action, Action::Play),
        prevent_default: !matches!(action, Action::None),
        stop_propagation: false,
        action,
    }
}
