//! The keys of a view's link and of the script API (`setState`, `getState`): each written
//! once, in [`Setting::name`]. The link ([`State::to_query`], [`State::from_query`]), the
//! script API (`api`) and the tests all name the settings through this type.
//!
//! [`State::to_query`]: super::State::to_query
//! [`State::from_query`]: super::State::from_query

/// One key of a link or of the script API's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The open story (a script's `story`; a link's story has its own keys, see `story`).
    Story,
    /// The story's step shown, from 1.
    Step,
    View,
    Topic,
    Measure,
    Transform,
    Chart,
    Series,
    /// The years shown (every view with years).
    Years,
    /// The R&D view's measures shown, which take the place of years there.
    Measures,
    Base,
    From,
    To,
    Log,
    /// Play under way (links only).
    Play,
    /// The emphasised series (links only).
    Emphasis,
    /// The reference lines, whose link key is `mark`.
    ReferenceLines,
    Bands,
    Notes,
    Outlines,
    /// The language the page is written in (a display choice, read when the page opens).
    Lang,
}

impl Setting {
    pub const ALL: [Setting; 21] = [
        Setting::Story,
        Setting::Step,
        Setting::View,
        Setting::Topic,
        Setting::Measure,
        Setting::Transform,
        Setting::Chart,
        Setting::Series,
        Setting::Years,
        Setting::Measures,
        Setting::Base,
        Setting::From,
        Setting::To,
        Setting::Log,
        Setting::Play,
        Setting::Emphasis,
        Setting::ReferenceLines,
        Setting::Bands,
        Setting::Notes,
        Setting::Outlines,
        Setting::Lang,
    ];

    /// The settings of a view's link, in the order [`State::from_query`] applies them after the
    /// view: the topic decides the series, and the chart kind is chosen before the measure and
    /// transform narrow the kinds on offer; Play resumes over the years chosen.
    ///
    /// [`State::from_query`]: super::State::from_query
    pub const LINK: [Setting; 17] = [
        Setting::Topic,
        Setting::Chart,
        Setting::Measure,
        Setting::Transform,
        Setting::Series,
        Setting::Years,
        Setting::Measures,
        Setting::Base,
        Setting::From,
        Setting::To,
        Setting::Log,
        Setting::Play,
        Setting::Emphasis,
        Setting::ReferenceLines,
        Setting::Bands,
        Setting::Notes,
        Setting::Outlines,
    ];

    /// The settings of the script API's story, applied before the view's.
    pub const SCRIPT_STORY: [Setting; 2] = [Setting::Story, Setting::Step];

    /// The settings of the script API about the page: its language, which a script reads but
    /// changes only by loading the page again.
    pub const SCRIPT_PAGE: [Setting; 1] = [Setting::Lang];

    /// The settings of a view in the script API, in the order they are applied: the view first
    /// (it resets everything else), then what decides which chart kinds and series are on offer.
    pub const SCRIPT_VIEW: [Setting; 12] = [
        Setting::View,
        Setting::Topic,
        Setting::Measure,
        Setting::Transform,
        Setting::Chart,
        Setting::Series,
        Setting::Years,
        Setting::Measures,
        Setting::Base,
        Setting::From,
        Setting::To,
        Setting::Log,
    ];

    /// The setting's key in links and in the script API.
    pub const fn name(self) -> &'static str {
        match self {
            Setting::Story => "story",
            Setting::Step => "step",
            Setting::View => "view",
            Setting::Topic => "topic",
            Setting::Measure => "measure",
            Setting::Transform => "transform",
            Setting::Chart => "chart",
            Setting::Series => "series",
            Setting::Years => "years",
            Setting::Measures => "measures",
            Setting::Base => "base",
            Setting::From => "from",
            Setting::To => "to",
            Setting::Log => "log",
            Setting::Play => "play",
            Setting::Emphasis => "emph",
            Setting::ReferenceLines => "mark",
            Setting::Bands => "band",
            Setting::Notes => "note",
            Setting::Outlines => "outline",
            Setting::Lang => crate::lang::Lang::KEY,
        }
    }

    /// The setting of this key, if there is one.
    pub fn from_name(name: &str) -> Option<Setting> {
        Setting::ALL
            .into_iter()
            .find(|setting| setting.name() == name)
    }

    /// The setting of the script API of this key, if there is one.
    pub fn for_script(name: &str) -> Option<Setting> {
        Setting::SCRIPT_STORY
            .into_iter()
            .chain(Setting::SCRIPT_PAGE)
            .chain(Setting::SCRIPT_VIEW)
            .find(|setting| setting.name() == name)
    }
}
