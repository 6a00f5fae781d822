//! How the page is shown, as opposed to what it shows: presentation mode, embedding, and which
//! parts an embedded view keeps. These choices travel in the link beside the [`State`], so an
//! instructor's embed code can say "this chart, with the years and nothing else".
//!
//! [`State`]: crate::view::State

use crate::lang::Lang;
use crate::notice::{quoted, quoted_list};

/// A group of controls an embed can keep or drop (`controls=series,years`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Topic,
    Measure,
    Transform,
    Base,
    Range,
    Chart,
    Log,
    Series,
    Years,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Topic,
        Group::Measure,
        Group::Transform,
        Group::Base,
        Group::Range,
        Group::Chart,
        Group::Log,
        Group::Series,
        Group::Years,
    ];

    /// The group's name in links.
    pub fn id(self) -> &'static str {
        match self {
            Group::Topic => "topic",
            Group::Measure => "measure",
            Group::Transform => "transform",
            Group::Base => "base",
            Group::Range => "range",
            Group::Chart => "chart",
            Group::Log => "log",
            Group::Series => "series",
            Group::Years => "years",
        }
    }

    /// What the group holds, for the embed options.
    pub fn label(self) -> &'static str {
        match self {
            Group::Topic => "Topic",
            Group::Measure => "Indicator",
            Group::Transform => "Values, index or change",
            Group::Base => "Base year",
            Group::Range => "From and to years",
            Group::Chart => "Chart kind",
            Group::Log => "Logarithmic scale",
            Group::Series => "Series",
            Group::Years => "Years (and Play)",
        }
    }

    pub fn from_id(id: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|group| group.id() == id)
    }
}

/// A part of the page an embed can hide (`tabs=0`, `table=0`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Tabs,
    /// The buttons that open the built-in story and the story editor (an open story's bar
    /// stays: it is what a story's embed shows).
    Stories,
    Table,
    Stats,
    Notes,
    Downloads,
    Share,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Tabs,
        Part::Stories,
        Part::Table,
        Part::Stats,
        Part::Notes,
        Part::Downloads,
        Part::Share,
    ];

    /// The part's name in links, and the class (`hide-…`) that hides it.
    pub fn id(self) -> &'static str {
        match self {
            Part::Tabs => "tabs",
            Part::Stories => "stories",
            Part::Table => "table",
            Part::Stats => "stats",
            Part::Notes => "notes",
            Part::Downloads => "downloads",
            Part::Share => "share",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Tabs => "View tabs",
            Part::Stories => "Story buttons",
            Part::Table => "Data table",
            Part::Stats => "Key figures",
            Part::Notes => "Notes on the table",
            Part::Downloads => "Downloads",
            Part::Share => "Link and embed code",
        }
    }

    pub fn from_id(id: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.id() == id)
    }
}

/// The parts a chart-only embed leaves out: all but the downloads.
const BESIDE_THE_CHART: [Part; 6] = [
    Part::Tabs,
    Part::Stories,
    Part::Table,
    Part::Stats,
    Part::Notes,
    Part::Share,
];

/// How the page is shown, read from the link alongside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Display {
    /// Presentation mode: large type and keyboard stepping, for projectors.
    pub present: bool,
    /// Embedded in another page: no site header, and the page reports its height.
    pub embed: bool,
    /// The view cannot be changed (no tabs, no view keys, no "Show in …" to other views).
    pub lock: bool,
    /// Single-character shortcuts (1–7, P) act wherever the focus is, not only in the chart.
    pub keys: bool,
    /// The control groups shown, in [`Group::ALL`] order.
    pub controls: Vec<Group>,
    /// The parts of the page hidden.
    pub hidden: Vec<Part>,
    /// The language the page is written in.
    pub lang: Lang,
}

impl Default for Display {
    fn default() -> Display {
        Display {
            present: false,
            embed: false,
            lock: false,
            keys: false,
            controls: Group::ALL.to_vec(),
            hidden: Vec::new(),
            lang: Lang::En,
        }
    }
}

/// Reads a link's on/off flag; anything but `0` and `1` is a problem.
fn flag(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(format!(
            "Part of the link was ignored: {name} must be 0 or 1, not '{}'.",
            quoted(other)
        )),
    }
}

impl Display {
    /// The keys of a link's display choices besides the parts' (`Part::id`): its flags and
    /// `controls`.
    pub const KEYS: [&'static str; 5] = ["present", "embed", "lock", "keys", "controls"];

    /// Reads the display choices from a URL query: `present`, `embed`, `lock`, `keys`, `controls` and
    /// the parts (`tabs=0` …). Parts that make no sense are skipped with a message each.
    pub fn from_query(query: &str) -> (Display, Vec<String>) {
        let mut display = Display::default();
        let mut problems = Vec::new();
        for (name, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let result = match name.as_ref() {
                "present" => flag("present", &value).map(|on| display.present = on),
                "embed" => flag("embed", &value).map(|on| display.embed = on),
                "lock" => flag("lock", &value).map(|on| display.lock = on),
                "keys" => flag("keys", &value).map(|on| display.keys = on),
                "controls" => Display::groups(&value).map(|groups| display.controls = groups),
                Lang::KEY => match Lang::from_code(&value) {
                    Some(lang) => {
                        display.lang = lang;
                        Ok(())
                    }
                    None => Err(format!(
                        "Part of the link was ignored: lang must be en or zh, not '{}'.",
                        quoted(&value)
                    )),
                },
                other => match Part::from_id(other) {
                    Some(part) => {
                        flag(part.id(), &value).map(|shown| display.set_part(part, shown))
                    }
                    None => Ok(()),
                },
            };
            problems.extend(result.err());
        }
        (display, problems)
    }

    /// Reads `all`, `none` or a comma-separated list of group names.
    fn groups(list: &str) -> Result<Vec<Group>, String> {
        match list {
            "all" => return Ok(Group::ALL.to_vec()),
            "none" | "" => return Ok(Vec::new()),
            _ => {}
        }
        let names: Vec<&str> = list.split(',').filter(|name| !name.is_empty()).collect();
        let unknown: Vec<&str> = names
            .iter()
            .copied()
            .filter(|name| Group::from_id(name).is_none())
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "Part of the link was ignored: there are no controls called {}; the groups are {}, or all or none.",
                quoted_list(&unknown),
                Group::ALL.map(Group::id).join(", ")
            ));
        }
        Ok(Group::ALL
            .into_iter()
            .filter(|group| names.contains(&group.id()))
            .collect())
    }

    /// True when the part is shown.
    pub fn shows(&self, part: Part) -> bool {
        !self.hidden.contains(&part)
    }

    /// True when the control group is shown.
    pub fn shows_group(&self, group: Group) -> bool {
        self.controls.contains(&group)
    }

    /// Shows or hides a part, keeping [`Part::ALL`] order.
    pub fn set_part(&mut self, part: Part, shown: bool) {
        self.hidden.retain(|hidden| *hidden != part);
        if !shown {
            self.hidden.push(part);
            crate::sort::by_key(&mut self.hidden, |part| {
                Part::ALL.iter().position(|known| known == part)
            });
        }
    }

    /// Shows or hides a control group, keeping [`Group::ALL`] order.
    pub fn set_group(&mut self, group: Group, shown: bool) {
        self.controls.retain(|known| *known != group);
        if shown {
            self.controls.push(group);
            crate::sort::by_key(&mut self.controls, |group| {
                Group::ALL.iter().position(|known| known == group)
            });
        }
    }

    /// True for an embed of the chart alone: no controls, and none of the parts beside the
    /// chart but its downloads. Such an embed fills its frame, whose height follows its width.
    pub fn is_chart_only(&self) -> bool {
        self.controls.is_empty()
            && BESIDE_THE_CHART.iter().all(|part| {
                !self.shows(*part) || (self.lock && matches!(part, Part::Tabs | Part::Stories))
            })
    }

    /// The display as an embed code asks for it, for a view that offers the control groups
    /// `offered`: the code names only groups the view offers, and no `controls=` at all when it
    /// keeps them all.
    pub fn offering(&self, offered: &[Group]) -> Display {
        let kept: Vec<Group> = offered
            .iter()
            .copied()
            .filter(|group| self.shows_group(*group))
            .collect();
        let mut display = self.clone();
        display.controls = if !kept.is_empty() && kept.len() == offered.len() {
            Group::ALL.to_vec()
        } else {
            kept
        };
        display
    }

    /// The display choices as query pairs to append to a state's query: only what differs
    /// from the defaults, the language aside (links add it: see `Session::link_in`). Every name
    /// and value is a fixed ASCII word, so none needs encoding.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<String> = [
            ("present", self.present),
            ("embed", self.embed),
            ("lock", self.lock),
            ("keys", self.keys),
        ]
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| format!("{name}=1"))
        .collect();
        if self.controls != Group::ALL {
            let list: Vec<&str> = self.controls.iter().map(|group| group.id()).collect();
            let list = if list.is_empty() {
                "none".to_string()
            } else {
                list.join(",")
            };
            pairs.push(format!("controls={list}"));
        }
        pairs.extend(self.hidden.iter().map(|part| format!("{}=0", part.id())));
        pairs.join("&")
    }
}

/// Why a page has no address that someone else could open, if it has none. The share link
/// and the embed code are offered only when it has one.
pub fn unshareable_reason(href: &str) -> Option<&'static str> {
    let scheme = href
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match scheme.as_str() {
        "http" | "https" => None,
        // A student who opened a copy from disk needs what to send instead, not how to host it.
        "file" if href.to_ascii_lowercase().ends_with(".html") && !href.ends_with("/index.html") => Some("This explorer is a file on this computer, so a link to it would open nothing on anyone else's. To pass it on, send this file itself: it runs in any browser, offline. To share a particular view, open the explorer from its web address and copy the link there."),
        "file" => Some("This is the explorer's folder opened from this computer, so a link to it would open nothing on anyone else's. To pass it on, send ict-explorer.html from this folder: it is the whole explorer in one file and runs in any browser, offline. To share a particular view, open the explorer from its web address and copy the link there."),
        "about" | "data" | "blob" => Some("This page was handed to its frame as text, so it has no address of its own to link to. Open the explorer from its web address to share a view."),
        _ => Some("This page has no web address that others could open, so there is no link to share."),
    }
}

/// The box of a chart-only embed's frame: its width is the column's, and its height follows
/// from it by this ratio (width / height), within [`CHART_ONLY_HEIGHTS`] (CSS pixels: 600 px
/// in an 800 px column). The page inside fills it, so the frame never needs resizing.
/// `www/embed.js` and the preview's stylesheet give their frames the same box.
pub const CHART_ONLY_ASPECT_RATIO: &str = "4/3";
pub const CHART_ONLY_HEIGHTS: (u32, u32) = (400, 650);

/// How an embed's frame gets its height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameHeight {
    /// A chart-only embed: a box whose height follows its width (see [`CHART_ONLY_HEIGHTS`]).
    ByWidth,
    /// Any other embed: the height its preview measured, in CSS pixels, which `embed.js`
    /// then corrects to the content's height at the frame's own width.
    Measured(u32),
}

/// The embed codes for a view: a plain frame, and a placeholder for `embed.js`. `page` is the
/// explorer's address, `query` the view and display choices, `title` the frame's name for
/// screen readers.
pub fn embed_snippets(
    page: &str,
    query: &str,
    height: FrameHeight,
    title: &str,
) -> (String, String) {
    let script = page
        .rsplit_once('/')
        .map(|(folder, _)| format!("{folder}/embed.js"))
        .unwrap_or_else(|| "embed.js".to_string());
    let query = crate::markup::escape(query);
    let title = crate::markup::escape(title);
    let (box_style, sizing) = match height {
        FrameHeight::ByWidth => {
            let (least, most) = CHART_ONLY_HEIGHTS;
            (
                format!("aspect-ratio:{CHART_ONLY_ASPECT_RATIO};min-height:{least}px;max-height:{most}px"),
                format!("data-aspect-ratio=\"{CHART_ONLY_ASPECT_RATIO}\""),
            )
        }
        FrameHeight::Measured(height) => (
            format!("height:{height}px"),
            format!("data-height=\"{height}\""),
        ),
    };
    let frame = format!(
        "<iframe src=\"{page}?{query}\" title=\"{title}\" style=\"width:100%;{box_style};border:0\" loading=\"lazy\"></iframe>",
        page = crate::markup::escape(page),
    );
    let placeholder = format!(
        "<div data-ict-explorer=\"{query}\" {sizing} data-title=\"{title}\"></div>\n<script src=\"{}\" async></script>",
        crate::markup::escape(&script)
    );
    (frame, placeholder)
}

/// The paper a worksheet is printed on: each is a named page of the stylesheet (`@page a4`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The paper's id, as the page's picker sends it and the stylesheet names its page.
    pub fn id(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// The paper's name as a reader knows it.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }
}

/// How a story is printed as a worksheet: on which paper, and whether the answer key comes
/// last (a teacher leaves it out of the copies for the class).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Printing {
    pub paper: Paper,
    pub answer_key: bool,
}

impl Default for Printing {
    fn default() -> Printing {
        Printing {
            paper: Paper::A4,
            answer_key: true,
        }
    }
}
