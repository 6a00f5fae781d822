//! "Show in…" on the Data quality page: every button opens a chart that holds the cells its
//! finding or claim names, outlined, with the finding's title above the chart until the reader
//! dismisses it.

use ict_explorer::data;
use ict_explorer::lang::Lang;
use ict_explorer::session::Session;
use ict_explorer::view::{self, Event, State, Target, ViewId, TOPICS};
use ict_explorer::{checks, describe, html};

/// One "Show in…" button: what it is about, in words, and the cells it names.
struct Button {
    about: String,
    title: String,
    cells: Vec<String>,
}

/// Every button of the Data quality page that names cells.
fn buttons() -> Vec<Button> {
    let findings = checks::paper().findings.iter().map(|finding| Button {
        about: format!("finding '{}'", finding.title),
        title: finding.title.clone(),
        cells: finding.cells.clone(),
    });
    let claims = checks::paper().claims.iter().map(|claim| Button {
        about: format!("claim '{}'", claim.statement),
        title: claim.statement.clone(),
        cells: claim.cells.clone(),
    });
    findings
        .chain(claims)
        .filter(|button| !button.cells.is_empty())
        .collect()
}

/// Every chart a reader can open (each view's measures, each topic), with all its series on.
fn charts() -> Vec<State> {
    let mut charts = Vec::new();
    for view in ViewId::ALL {
        let choices: Vec<(&str, &str)> = match view {
            ViewId::Trade => TOPICS.iter().map(|topic| ("topic", topic.id)).collect(),
            _ => view::measures(view)
                .iter()
                .map(|measure| ("measure", measure.id))
                .collect(),
        };
        for (name, id) in choices {
            let mut state = State::for_view(view);
            Event::read(name, id, true)
                .and_then(|event| state.apply(event))
                .expect("every chart opens");
            Event::read("series-all", "", true)
                .and_then(|event| state.apply(event))
                .expect("all series");
            charts.push(state);
        }
    }
    charts
}

/// A chart as a reader would name it.
fn chart_name(state: &State) -> String {
    let title = view::plot(state).map_or_else(String::new, |plot| plot.title);
    format!("the {} chart '{title}'", state.view().label())
}

/// A cell as a reader would name it: its series, measure and year, then its key.
fn cell_name(key: &str) -> String {
    let parts: Vec<&str> = key.split('/').collect();
    match parts.as_slice() {
        [_, series, measure, year] => format!(
            "{}, {}{} ({key})",
            data::series_label(series),
            data::measure_label(measure),
            if year.is_empty() {
                String::new()
            } else {
                format!(", {year}")
            }
        ),
        _ => key.to_string(),
    }
}

/// True when `state`'s plot has the slot of the cell with `key`: its series and its category.
fn has_slot(state: &State, key: &str) -> bool {
    let (Some((series, category)), Some(plot)) = (state.cell_at(key), view::plot(state)) else {
        return false;
    };
    plot.series.iter().any(|shown| shown.id == series)
        && plot.categories.iter().any(|shown| shown.id == category)
}

/// What is wrong with the state a button opens, if anything: a chart holding fewer of its
/// cells than another chart does, a cell it holds switched off, or a cell not outlined.
fn flaw(button: &Button, target: &State, charts: &[State]) -> Option<String> {
    let keys: Vec<&str> = button.cells.iter().map(String::as_str).collect();
    let label = format!("'Show in {}' for {}", target.view().label(), button.about);
    let held = |chart: &State| -> Vec<&str> {
        keys.iter()
            .copied()
            .filter(|key| chart.cell_at(key).is_some())
            .collect()
    };
    let opened = held(target);
    let best = charts.iter().max_by_key(|chart| held(chart).len())?;
    if held(best).len() > opened.len() {
        let missing: Vec<String> = held(best)
            .into_iter()
            .filter(|key| !opened.contains(key))
            .map(cell_name)
            .collect();
        return Some(format!(
            "{label} opens {} without {}, which {} shows",
            chart_name(target),
            missing.join("; "),
            chart_name(best)
        ));
    }
    // A value some chart can draw must be drawn; a cell whose value is missing (or computed
    // from missing cells) must at least have its slot, where the table shows the gap.
    let drawable = |key: &str| charts.iter().any(|chart| chart.shows_cell(key));
    let hidden: Vec<String> = opened
        .iter()
        .filter(|key| {
            if drawable(key) {
                !target.shows_cell(key)
            } else {
                !has_slot(target, key)
            }
        })
        .map(|key| cell_name(key))
        .collect();
    if !hidden.is_empty() {
        return Some(format!(
            "{label} opens {} with {} switched off",
            chart_name(target),
            hidden.join("; ")
        ));
    }
    let plot = view::plot(target)?;
    let unmarked: Vec<String> = opened
        .iter()
        .filter(|key| drawable(key))
        .filter(|key| {
            let Some((series, category)) = target.cell_at(key) else {
                return true;
            };
            !plot.outlines.iter().any(|outline| {
                plot.series[outline.series].id == series
                    && plot.categories[outline.category].id == category
            })
        })
        .map(|key| cell_name(key))
        .collect();
    if !unmarked.is_empty() {
        return Some(format!(
            "{label} opens {} without outlining {}",
            chart_name(target),
            unmarked.join("; ")
        ));
    }
    None
}

#[test]
fn every_show_in_button_opens_a_chart_holding_its_cells_outlined() {
    let charts = charts();
    let buttons = buttons();
    let (mut passed, mut text_only, mut failures) = (0, 0, Vec::new());
    for button in &buttons {
        let keys: Vec<&str> = button.cells.iter().map(String::as_str).collect();
        if !charts
            .iter()
            .any(|chart| keys.iter().any(|key| chart.cell_at(key).is_some()))
        {
            // The prose quotes these numbers and no chart plots them.
            text_only += 1;
            continue;
        }
        // As the page sends it: the cells, then the title.
        let (mut session, _) = Session::from_query("view=quality");
        let value = format!("{}|{}", button.cells.join(" "), button.title);
        if let Err(problem) =
            Event::read("goto", &value, true).and_then(|event| session.apply(event))
        {
            failures.push(format!(
                "'Show in' for {} is refused: {problem}",
                button.about
            ));
            continue;
        }
        match flaw(button, &session.state, &charts) {
            Some(problem) => failures.push(problem),
            None => passed += 1,
        }
    }
    println!(
        "{} buttons: {passed} open a chart holding the cells they name, outlined; {} do not; {text_only} name only numbers that no chart holds",
        buttons.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} buttons open the wrong chart:\n{}",
        failures.len(),
        buttons.len(),
        failures.join("\n")
    );
}

/// The finding the tests follow: Table 1's state-controlled firms against the prose average.
fn sce_finding() -> &'static checks::Finding {
    checks::paper()
        .findings
        .iter()
        .find(|finding| finding.id == "text-sce-average-vs-table1")
        .expect("the finding on state-controlled firms' assets")
}

/// The value its "Show in…" button sends: the cells, then the title.
fn button_value(finding: &checks::Finding) -> String {
    format!("{}|{}", finding.cells.join(" "), finding.title)
}

#[test]
fn the_title_stays_above_the_chart_until_dismissed_or_the_view_is_left() {
    let finding = sce_finding();
    let (mut session, _) = Session::from_query("view=quality");
    Event::read("goto", &button_value(finding), true)
        .and_then(|event| session.apply(event))
        .expect("Show in");
    assert_eq!(session.state.view(), ViewId::Ownership);
    let focus = session.focus.clone().expect("the finding is kept");
    assert_eq!(focus.title, finding.title);
    assert_eq!((focus.named, focus.charted), (3, 2), "{focus:?}");
    let banner = html::focus_banner(&session, view::plot(&session.state).as_ref());
    assert!(
        banner.contains(&html::escape(&finding.title))
            && banner.contains("The chart outlines 2 of the 3 values it names")
            && banner.contains("name=\"focus-dismiss\"")
            && banner.contains("value=\"quality\">Back to Data quality"),
        "the banner does not name the finding, its outlines and the ways out: {banner}"
    );
    assert!(
        !session.query().contains("state-controlled") && !session.query().contains("SCE"),
        "the finding's title belongs to the session, not to the link: {}",
        session.query()
    );

    // Other choices in the same view keep the title; the outlines go with their values.
    Event::read("series", "private", false)
        .and_then(|event| session.apply(event))
        .expect("a series off");
    assert!(
        session.focus.is_some(),
        "a series switched off dropped the title"
    );
    Event::read("measure", "share_total_assets", true)
        .and_then(|event| session.apply(event))
        .expect("another measure");
    let banner = html::focus_banner(&session, view::plot(&session.state).as_ref());
    assert!(
        banner.contains(&html::escape(&finding.title)) && !banner.contains("outlines"),
        "after another measure the banner still speaks of outlines the chart dropped: {banner}"
    );

    Event::read("focus-dismiss", "", true)
        .and_then(|event| session.apply(event))
        .expect("dismiss");
    assert_eq!(session.focus, None);
    assert_eq!(
        html::focus_banner(&session, view::plot(&session.state).as_ref()),
        "",
        "a dismissed banner stays on the page"
    );

    Event::read("goto", &button_value(finding), true)
        .and_then(|event| session.apply(event))
        .expect("Show in again");
    Event::read("view", "fdi", true)
        .and_then(|event| session.apply(event))
        .expect("another view");
    assert_eq!(
        session.focus, None,
        "the finding's title followed the reader into another view"
    );
    Event::read("goto", &button_value(finding), true)
        .and_then(|event| session.apply(event))
        .expect("Show in again");
    session.load("view=quality");
    assert_eq!(session.focus, None, "Back kept the title of the view left");
}

#[test]
fn a_button_without_a_title_still_opens_its_cells() {
    let finding = sce_finding();
    let (mut session, _) = Session::from_query("view=quality");
    Event::read("goto", &finding.cells.join(" "), true)
        .and_then(|event| session.apply(event))
        .expect("the old button value");
    assert_eq!(session.state.view(), ViewId::Ownership);
    let focus = session.focus.clone().expect("a focus without a title");
    assert_eq!(focus.title, "");
    let banner = html::focus_banner(&session, view::plot(&session.state).as_ref());
    assert!(banner.contains("a finding or a claim"), "{banner}");
}

#[test]
fn a_title_from_the_page_is_cleaned_and_escaped_before_it_is_shown() {
    let finding = sce_finding();
    let hostile = format!(
        "<img src=x onerror=alert(1)> \u{202E}{}",
        "moc.elpmaxe ".repeat(200)
    );
    let (mut session, _) = Session::from_query("view=quality");
    Event::read(
        "goto",
        &format!("{}|{hostile}", finding.cells.join(" ")),
        true,
    )
    .and_then(|event| session.apply(event))
    .expect("Show in");
    let title = session.focus.clone().expect("focus").title;
    assert!(
        title.chars().count() <= 240 && !title.contains('\u{202E}'),
        "the title is {} characters long or keeps a bidi override",
        title.chars().count()
    );
    let banner = html::focus_banner(&session, view::plot(&session.state).as_ref());
    assert!(
        !banner.contains("<img") && banner.contains("&lt;img"),
        "the title reaches the page as markup: {banner}"
    );
}

#[test]
fn a_button_naming_nothing_the_paper_has_changes_nothing() {
    let (mut session, _) = Session::from_query("view=quality");
    let before = session.clone();
    for value in [
        "",
        "|A title alone",
        "table9/nobody/nothing/1900|Garbage",
        "table1/state_owned/firms/1800",
        "table1/state_owned/firms/1997/extra",
    ] {
        let refused = Event::read("goto", value, true).and_then(|event| session.apply(event));
        assert!(
            refused.is_err(),
            "'{value}' names no cell of the paper, yet opened {:?}",
            session.state.view()
        );
        assert_eq!(session, before, "a refused 'Show in' changed the session");
    }
}

#[test]
fn outlines_survive_the_link_and_go_when_their_values_do() {
    let finding = sce_finding();
    let state = Target::read(&button_value(finding)).expect("Show in").state;
    assert_eq!(state.outlines().len(), 2, "{:?}", state.outlines());
    let link = state.to_query();
    assert!(
        link.contains("outline=state_controlled%402003%7Cstate_controlled%402005"),
        "the link does not carry the outlines: {link}"
    );
    let (back, problems) = State::from_query(&link);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, state, "the outlined state does not survive its link");

    let plot = view::plot(&state).expect("plot");
    let summary = describe::summary(&plot);
    assert!(
        summary.contains("Outlined: State controlled (all SCEs) in 2003,")
            && summary.contains("State controlled (all SCEs) in 2005,"),
        "the summary does not say which values are outlined: {summary}"
    );

    for (name, value) in [
        ("measure", "share_total_assets"),
        ("transform", "index"),
        ("view", "fdi"),
        ("annotations-clear", ""),
    ] {
        let mut changed = state.clone();
        Event::read(name, value, true)
            .and_then(|event| changed.apply(event))
            .expect("a change");
        assert!(
            changed.outlines().is_empty(),
            "after {name} {value} the outlines stay on values that are no longer shown"
        );
    }
    let (_, problems) = State::from_query("view=ownership&outline=nobody@2003|private@1066");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("Outlined values") && problems[0].contains("nobody@2003"),
        "the notice does not say which outlines were left out: {problems:?}"
    );
}

#[test]
fn every_outline_is_drawn_round_its_value_in_lines_bars_and_stacks() {
    use ict_explorer::chart::{self, Style};
    let cases = [
        (ViewId::Ownership, "table1/state_owned/firms/2001", "line"),
        (ViewId::Fdi, "table2/fdi/actual_utilized/1999", "bars"),
        (
            ViewId::Exports,
            "table4/ordinary_trade/share/2002",
            "stacked100",
        ),
    ];
    for (view, key, kind) in cases {
        let state = State::showing(&[key]);
        assert_eq!(state.view(), view, "{key} opens the wrong view");
        assert_eq!(state.chart().id(), kind, "{key} opens another chart kind");
        let plot = view::plot(&state).expect("plot");
        assert_eq!(plot.outlines.len(), 1, "{key} is not outlined");
        let mut plain = plot.clone();
        plain.outlines.clear();
        let style = Style::export(false);
        let (with, without) = (
            chart::to_svg(&plot, &style, 960, 540),
            chart::to_svg(&plain, &style, 960, 540),
        );
        let drawn = |svg: &str| svg.matches("<circle").count() + svg.matches("<polyline").count();
        assert!(
            drawn(&with) >= drawn(&without) + 2,
            "the {kind} chart of {key} draws no outline (halo and line) round the value"
        );
    }
}

/// The row of the Trade & output view's list that holds the number with this id, if any.
fn row_of<'a>(list: &'a str, id: &str) -> Option<&'a str> {
    let start = list.find(&format!("<tr id=\"{id}\""))?;
    let end = list[start..].find("</tr>")?;
    Some(&list[start..start + end])
}

#[test]
fn a_button_whose_numbers_no_chart_plots_shows_them_marked_in_the_list_of_quoted_numbers() {
    let mut uncharted = 0;
    let mut failures = Vec::new();
    for button in buttons() {
        let keys: Vec<&str> = button.cells.iter().map(String::as_str).collect();
        let target = Target::of(&keys);
        let label = target.button_label();
        if target.charted > 0 {
            assert_eq!(
                label,
                format!("Show in {}", target.state.view().label()),
                "{}",
                button.about
            );
            continue;
        }
        uncharted += 1;
        // The reader is taken to the list under the view's chart, to the row of the item's
        // own number first, and the button says so.
        let list = html::about(&target.state, Lang::En);
        let own = view::unplotted_row_id(&button.cells[0]);
        if target.rows.is_empty() || target.rows.first() != own.as_ref() {
            failures.push(format!(
                "the button for the {} opens {} at no row of its own number ({}), but at {:?}",
                button.about,
                target.state.view().label(),
                cell_name(&button.cells[0]),
                target.rows
            ));
            continue;
        }
        for (id, key) in target.rows.iter().zip(&button.cells) {
            let datum = data::Lookup::paper()
                .by_key(key)
                .expect("a cell of the paper");
            match row_of(&list, id) {
                Some(row) if row.contains(&html::escape(datum.label)) => {}
                _ => failures.push(format!(
                    "the button for the {} marks the row of {}, which {} does not list",
                    button.about,
                    cell_name(key),
                    target.state.view().label()
                )),
            }
        }
        let expected = match target.rows.len() {
            1 => "Show the quoted number in Trade & output".to_string(),
            count => format!("Show the {count} quoted numbers in Trade & output"),
        };
        if label != expected {
            failures.push(format!(
                "the button for the {} says {label:?}, not what it does: {expected:?}",
                button.about
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The quoted numbers of the text (firms, markets, R&D centres) are plotted nowhere.
    assert!(
        uncharted > 0,
        "every button found a chart, so this test no longer tests the buttons of the numbers no chart plots"
    );
}

#[test]
fn the_list_of_quoted_numbers_holds_exactly_the_prose_numbers_no_chart_plots() {
    let state = State::for_view(ViewId::Trade);
    let list = html::about(&state, Lang::En);
    let charts = charts();
    for datum in data::all() {
        let key = datum.key();
        let charted = charts.iter().any(|chart| chart.cell_at(&key).is_some());
        let listed = view::unplotted_row_id(&key).is_some_and(|id| row_of(&list, &id).is_some());
        assert_eq!(
            listed,
            !datum.dataset.is_table() && !charted,
            "Trade & output's list of the numbers no chart plots {} {}",
            if listed { "lists" } else { "leaves out" },
            cell_name(&key)
        );
    }
}
