//! Views: what a reader's choices show, and that the choices survive a link.

pub(crate) use ict_explorer::data::Status;
pub(crate) use ict_explorer::plot::ChartKind;
pub(crate) use ict_explorer::view::{self, key_action, Event, State, Transform, ViewId};
pub(crate) use ict_explorer::{describe, html};

/// A control event: name, value, checked.
type PageEvent = (&'static str, &'static str, bool);

/// Every view in its default state, and a set of non-default states reached through events.
pub(crate) fn states() -> Vec<State> {
    let mut states: Vec<State> = ViewId::ALL
        .iter()
        .map(|view| State::for_view(*view))
        .collect();
    let scripts: [(ViewId, &[PageEvent]); 15] = [
        (
            ViewId::Ownership,
            &[
                ("measure", "share_total_assets", true),
                ("chart", "stacked100", true),
                ("category", "1999", false),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("transform", "index", true),
                ("base", "2001", true),
                ("series", "total", true),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("transform", "change", true),
                ("from", "1999", true),
                ("to", "2003", true),
                ("series", "private", false),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("measure", "assets_per_firm", true),
                ("series", "state_controlled", true),
            ],
        ),
        (
            ViewId::Fdi,
            &[
                ("log", "1", true),
                ("chart", "line", true),
                ("from", "1999", true),
            ],
        ),
        (
            ViewId::Market,
            &[
                ("measure", "value_added_to_sales", true),
                ("series", "industry", true),
                ("chart", "bars", true),
            ],
        ),
        (
            ViewId::Exports,
            &[("legend", "others", true), ("category", "2000", false)],
        ),
        (
            ViewId::Rd,
            &[("transform", "relative", true), ("series", "japan", false)],
        ),
        (
            ViewId::Trade,
            &[
                ("topic", "world_output_share", true),
                ("series", "usa", false),
            ],
        ),
        // Found by tests/properties.rs: a base year chosen while values are shown used to be
        // left out of the link.
        (ViewId::Ownership, &[("base", "1999", true)]),
        // A series that the chosen measure does not offer used to be refused by the link.
        (
            ViewId::Ownership,
            &[
                ("measure", "share_domestic_assets", true),
                ("series-all", "", true),
            ],
        ),
        // The chart kind used to depend on the order of the changes, which a link cannot keep.
        (
            ViewId::Ownership,
            &[
                ("chart", "stacked", true),
                ("transform", "index", true),
                ("measure", "assets_per_firm", true),
            ],
        ),
        // A lecture's step: emphasis and every kind of annotation, labels with link syntax.
        (
            ViewId::Ownership,
            &[
                ("emph", "private", true),
                ("emph", "joint_stock", true),
                ("mark", "2001:Coverage: widens|1997", true),
                ("band", "2003-1999:After WTO entry, & more", true),
                (
                    "note",
                    "foreign_funded@2005:Foreign firms hold 70% of assets",
                    true,
                ),
            ],
        ),
        // Playing, half way through the years.
        (
            ViewId::Fdi,
            &[
                ("play", "", true),
                ("step", "next", true),
                ("step", "next", true),
            ],
        ),
        (
            ViewId::Rd,
            &[
                ("play-at", "0", true),
                ("note", "china@computers_office:Low", true),
            ],
        ),
    ];
    for (view, events) in scripts {
        let mut state = State::for_view(view);
        for (name, value, checked) in events {
            Event::read(name, value, *checked)
                .and_then(|event| state.apply(event))
                .unwrap_or_else(|problem| panic!("{name}={value} on {}: {problem}", view.id()));
        }
        states.push(state);
    }
    states
}

mod chinese;
mod embed;
mod lecture;
mod links;
mod page;
mod plots;
