//! The prebuilt parts that show the audit and the claims check: the Data quality view (search,
//! filters, contents, the findings and the claims, each with an anchor), each table's findings
//! under its view, and the prose numbers under Trade & output.
//!
//! These need the audit's and the claims check's code, so they are built natively only, by
//! `cargo xtask dist` (see [`super::prebuilt_parts`]). What the page's filters read travels as
//! `data-` attributes of each item, and the search reads the item's own text; the matching
//! itself is [`crate::quality`]. Each finding's and claim's own words (and the paper's section
//! it cites) are marked `lang="en"`: a page in another language translates the list's interface
//! around them, while their words stay English, and screen readers read them so.

use super::escape;
use crate::checks::{self, Claim, Finding, Severity, Verdict};
use crate::data::{CellKey, Dataset, Status};
use crate::quality::{self, List, SEVERITIES};
use crate::view::Target;
use std::collections::HashSet;

/// A dataset's heading in the claims check: its title, named by its table or figure.
fn section_heading(dataset: Dataset) -> String {
    let (name, title) = (quality::source_name(dataset), dataset.info().title);
    if title.contains(name) || dataset == Dataset::Text {
        title.to_string()
    } else {
        format!("{name}: {title}")
    }
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Warning => "Warnings",
        Severity::Info => "Points worth knowing",
    }
}

fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agrees => "agrees",
        Verdict::Disagrees => "disagrees",
        Verdict::NotCheckable => "not checkable",
    }
}

fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agrees => "Agrees",
        Verdict::Disagrees => "Disagrees",
        Verdict::NotCheckable => "Not checkable",
    }
}

/// The datasets an item is about, in the paper's order: its own, and those of its cells.
fn sources(dataset: Dataset, cells: &[String]) -> Vec<Dataset> {
    let named: Vec<Dataset> = cells
        .iter()
        .filter_map(|key| CellKey::parse(key).ok().map(|place| place.dataset))
        .collect();
    Dataset::ALL
        .into_iter()
        .filter(|candidate| *candidate == dataset || named.contains(candidate))
        .collect()
}

/// The section of the list that holds a finding of `severity`.
fn findings_section(severity: Severity) -> String {
    format!("{}-{}", List::Findings.id(), severity.id())
}

/// The section of the list that holds the claims about `dataset`.
fn claims_section(dataset: Dataset) -> String {
    format!("{}-{}", List::Claims.id(), dataset.id())
}

/// Anchors for the items, unique even if two ids make the same anchor: a later one gets a
/// number (`-2`), so the anchors stay stable while the list keeps its order.
struct Anchors(HashSet<String>);

impl Anchors {
    fn take(&mut self, list: List, id: &str) -> String {
        let base = quality::anchor(list, id);
        let mut anchor = base.clone();
        let mut number = 1;
        while !self.0.insert(anchor.clone()) {
            number += 1;
            anchor = format!("{base}-{number}");
        }
        anchor
    }
}

/// What every item carries for the filters, and its anchor. The search needs nothing more: it
/// reads the item's text (see [`quality::Entry::read_text`]).
fn item_attributes(anchor: &str, kind: &str, section: &str, sources: &[Dataset]) -> String {
    let ids: Vec<&str> = sources.iter().map(|dataset| dataset.id()).collect();
    format!(
        "id=\"{anchor}\" tabindex=\"-1\" data-kind=\"{kind}\" data-section=\"{section}\" data-sources=\"{}\"",
        ids.join(" ")
    )
}

/// The row under an item: "Show in …" or, where no chart plots its numbers, "Open …" (the cells, then the item's title, for the view's
/// banner), the link to the item itself, and where the paper says it (for claims).
fn item_actions(anchor: &str, cells: &[String], title: &str, source: Option<&str>) -> String {
    let keys: Vec<&str> = cells.iter().map(String::as_str).collect();
    let label = Target::of(&keys).button_label();
    let source = source.map_or(String::new(), |source| {
        format!(
            "<span class=\"{}\" lang=\"en\">{}</span>",
            quality::SOURCE_CLASS,
            escape(source)
        )
    });
    format!(
        "<p class=\"{}\"><button type=\"button\" name=\"goto\" value=\"{}|{}\" aria-describedby=\"{anchor}-title\">{}</button> <a class=\"permalink\" href=\"#{anchor}\" aria-describedby=\"{anchor}-title\">Link to this</a>{source}</p>",
        quality::ACTIONS_CLASS,
        escape(&cells.join(" ")),
        escape(title),
        escape(&label)
    )
}

fn finding_item(finding: &Finding, anchor: &str) -> String {
    let severity = finding.severity.id();
    format!(
        "<li class=\"finding quality-item {severity}\" {}><h4 id=\"{anchor}-title\"><span class=\"severity\">{severity}</span> <span lang=\"en\">{}</span></h4><p class=\"numbers\" lang=\"en\">{}</p><p lang=\"en\">{}</p>{}</li>",
        item_attributes(
            anchor,
            severity,
            &findings_section(finding.severity),
            &sources(finding.dataset, &finding.cells),
        ),
        escape(&finding.title),
        escape(&finding.numbers),
        escape(&finding.explanation),
        item_actions(anchor, &finding.cells, &finding.title, None)
    )
}

fn claim_item(claim: &Claim, anchor: &str) -> String {
    let status_html = if claim.status > Status::Clean {
        format!(" <small>(rests on {} data)</small>", claim.status.id())
    } else {
        String::new()
    };
    format!(
        "<li class=\"claim quality-item\" {}><p class=\"statement\" id=\"{anchor}-title\"><span class=\"verdict verdict-{verdict}\">{}</span> <span lang=\"en\">{}</span></p><p class=\"computation\"><span lang=\"en\">{}</span>{status_html}</p>{}</li>",
        item_attributes(
            anchor,
            claim.verdict.id(),
            &claims_section(claim.dataset),
            &sources(claim.dataset, &claim.cells),
        ),
        verdict_words(claim.verdict),
        escape(&claim.statement),
        escape(&claim.computation),
        item_actions(anchor, &claim.cells, &claim.statement, Some(claim.source)),
        verdict = claim.verdict.id(),
    )
}

/// A checkbox of the filters, for one kind, with the count of items it would show.
fn kind_checkbox(kind: &str, label: &str, count: usize) -> String {
    format!(
        "<label><input type=\"checkbox\" id=\"quality-kind-{kind}\" name=\"{}\" value=\"{kind}\" checked> {label} <span class=\"count\">(<span data-count=\"kind-{kind}\">{count}</span>)</span></label>",
        quality::KIND
    )
}

/// The search box, the filters by kind and by table or figure, and the line that says what is
/// shown, with Clear.
fn filters(findings: &[&Finding], claims: &[Claim]) -> String {
    let mut html = format!(
        "<form class=\"quality-filters\" role=\"search\" aria-label=\"Search and filter the findings and claims\">\
         <label class=\"field quality-search\" for=\"quality-search\"><span>Search the findings and claims</span>\
         <input type=\"search\" id=\"quality-search\" name=\"{}\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"quality-search-hint\"></label>\
         <p class=\"hint\" id=\"quality-search-hint\">Every word must appear; capitals and accents do not matter. Try: FDI 2004, Lenovo, 8,637.</p>\
         <fieldset class=\"toggles quality-kinds\"><legend>Findings</legend>",
        quality::SEARCH
    );
    for severity in SEVERITIES {
        let count = findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count();
        html.push_str(&kind_checkbox(
            severity.id(),
            severity_label(severity),
            count,
        ));
    }
    html.push_str("</fieldset><fieldset class=\"toggles quality-kinds\"><legend>Claims</legend>");
    for verdict in Verdict::ALL {
        let count = claims
            .iter()
            .filter(|claim| claim.verdict == verdict)
            .count();
        html.push_str(&kind_checkbox(verdict.id(), verdict_label(verdict), count));
    }
    html.push_str(&format!(
        "</fieldset><label class=\"field quality-source\" for=\"quality-source\"><span>Table or figure</span><select id=\"quality-source\" name=\"{}\"><option value=\"\">All tables, figures and text</option>",
        quality::SOURCE
    ));
    for dataset in Dataset::ALL {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            dataset.id(),
            quality::source_name(dataset)
        ));
    }
    html.push_str(&format!(
        "</select></label><p class=\"quality-status\"><span id=\"quality-shown\">All {} findings and claims shown.</span> <button type=\"button\" id=\"quality-clear\" name=\"{}\" value=\"\" hidden>Clear search and filters</button></p>\
         <p id=\"quality-announce\" class=\"visually-hidden\" role=\"status\"></p></form>",
        findings.len() + claims.len(),
        quality::CLEAR
    ));
    html
}

/// The contents list: the sections of the list, each with the count of items it shows.
fn contents(findings: &[&Finding], claims: &[Claim], claim_sections: &[Dataset]) -> String {
    let entry = |href: &str, key: &str, label: &str, count: usize| {
        format!(
            "<li><a href=\"#{href}\">{}</a> <span class=\"count\">(<span data-count=\"{key}\">{count}</span>)</span>",
            escape(label)
        )
    };
    let mut html = String::from(
        "<nav class=\"quality-contents\" aria-labelledby=\"quality-contents-heading\"><h2 id=\"quality-contents-heading\">Contents</h2><ul>",
    );
    html.push_str(&entry(
        "findings-heading",
        List::Findings.id(),
        "Audit findings",
        findings.len(),
    ));
    html.push_str("<ul>");
    for severity in SEVERITIES {
        let section = findings_section(severity);
        let count = findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count();
        html.push_str(&entry(&section, &section, severity_label(severity), count));
        html.push_str("</li>");
    }
    html.push_str("</ul></li>");
    html.push_str(&entry(
        "claims-heading",
        List::Claims.id(),
        "Claims check",
        claims.len(),
    ));
    html.push_str("<ul>");
    for dataset in claim_sections {
        let section = claims_section(*dataset);
        let count = claims
            .iter()
            .filter(|claim| claim.dataset == *dataset)
            .count();
        html.push_str(&entry(
            &section,
            &section,
            quality::source_name(*dataset),
            count,
        ));
        html.push_str("</li>");
    }
    html.push_str("</ul></li></ul></nav>");
    html
}

/// A section of the list: its heading and its items. It says which count it holds, so the
/// page hides it when the filters leave it empty.
fn section(id: &str, heading: &str, list_class: &str, items: &str) -> String {
    format!(
        "<section id=\"{id}\" class=\"quality-section\" aria-labelledby=\"{id}-heading\" data-holds=\"{id}\"><h3 id=\"{id}-heading\">{}</h3><ul class=\"{list_class}\">{items}</ul></section>",
        escape(heading)
    )
}

/// How many of the audit's warnings the slide shows: what large type fits on one screen.
const SLIDE_FINDINGS: usize = 4;

/// Data quality as a slide, for presentation mode: the first of the audit's warnings in large
/// type, and a switch that shows the full list under them. The page's styles show it in
/// presentation mode only (with the list hidden until the switch is opened); elsewhere the
/// list itself is the page.
fn slide(findings: &[&Finding], claims: &[Claim]) -> String {
    let warnings: Vec<&&Finding> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Warning)
        .collect();
    let shown: String = warnings
        .iter()
        .take(SLIDE_FINDINGS)
        .map(|finding| format!("<li>{}</li>", escape(&finding.title)))
        .collect();
    let heading = if warnings.len() > SLIDE_FINDINGS {
        format!(
            "{SLIDE_FINDINGS} of the audit's {} warnings",
            warnings.len()
        )
    } else {
        "The audit's warnings".to_string()
    };
    format!(
        "<section class=\"quality-slide\" aria-labelledby=\"quality-slide-heading\"><h2 id=\"quality-slide-heading\">{heading}</h2>\
         <ul class=\"slide-findings\" lang=\"en\">{shown}</ul>\
         <details class=\"slide-more\"><summary>Show the full list: {} findings and {} claims</summary></details></section>",
        findings.len(),
        claims.len()
    )
}

/// The Data quality view: the search and filters, the contents, the audit's findings by
/// severity, and the claims check by the table or figure each claim belongs to.
pub fn quality() -> String {
    let mut findings: Vec<&Finding> = checks::paper().findings.iter().collect();
    findings.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
    let claims = &checks::paper().claims;
    let claim_sections: Vec<Dataset> = Dataset::ALL
        .into_iter()
        .filter(|dataset| claims.iter().any(|claim| claim.dataset == *dataset))
        .collect();
    let mut anchors = Anchors(HashSet::new());
    let mut html = String::from("<div class=\"quality\">");
    html.push_str(&slide(&findings, claims));
    html.push_str(&filters(&findings, claims));
    html.push_str(&contents(&findings, claims, &claim_sections));
    html.push_str(&format!(
        "<section aria-labelledby=\"findings-heading\" data-holds=\"{}\"><h2 id=\"findings-heading\">Audit findings</h2>\
         <p>Checking the tables against each other and against the prose found {} problems worth a warning (two numbers that cannot both be right, or a label that cannot be) and {} points worth knowing. Each opens the view that shows its numbers.</p>",
        List::Findings.id(),
        findings.iter().filter(|finding| finding.severity == Severity::Warning).count(),
        findings.iter().filter(|finding| finding.severity == Severity::Info).count()
    ));
    for severity in SEVERITIES {
        let items: String = findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .map(|finding| finding_item(finding, &anchors.take(List::Findings, &finding.id)))
            .collect();
        html.push_str(&section(
            &findings_section(severity),
            severity_label(severity),
            "findings",
            &items,
        ));
    }
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|verdict| {
            format!(
                "{} {}",
                claims
                    .iter()
                    .filter(|claim| claim.verdict == *verdict)
                    .count(),
                verdict_words(*verdict)
            )
        })
        .collect();
    html.push_str(&format!(
        "</section><section aria-labelledby=\"claims-heading\" data-holds=\"{}\"><h2 id=\"claims-heading\">Claims check</h2>\
         <p>Every number the prose quotes, checked against the tables where they allow: {}.</p>",
        List::Claims.id(),
        counts.join(", ")
    ));
    for dataset in claim_sections {
        let items: String = claims
            .iter()
            .filter(|claim| claim.dataset == dataset)
            .map(|claim| claim_item(claim, &anchors.take(List::Claims, &claim.id)))
            .collect();
        html.push_str(&section(
            &claims_section(dataset),
            &section_heading(dataset),
            "claims-list",
            &items,
        ));
    }
    html.push_str("</section></div>");
    html
}

/// The audit's findings on one table, listed under its view.
pub fn table_findings(dataset: Dataset) -> String {
    let mut html = String::new();
    let mut findings: Vec<&Finding> = checks::paper()
        .findings
        .iter()
        .filter(|finding| finding.dataset == dataset)
        .collect();
    findings.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
    if !findings.is_empty() {
        let warnings = findings
            .iter()
            .filter(|finding| finding.severity == Severity::Warning)
            .count();
        html.push_str(&format!(
        "<div class=\"table-findings\"><p>The audit has {} finding{} on this table ({warnings} warning{}); <button type=\"button\" class=\"link\" name=\"view\" value=\"quality\">see Data quality</button> for the arithmetic.</p><ul>",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        ));
        for finding in findings {
            html.push_str(&format!(
                "<li class=\"{}\"><span class=\"severity\">{}</span> <span lang=\"en\">{}</span></li>",
                finding.severity.id(),
                finding.severity.id(),
                escape(&finding.title)
            ));
        }
        html.push_str("</ul></div>");
    }
    html
}

/// The prose numbers of Figures 1–4 and the text, stated plainly, since the paper prints no
/// data for them.
pub fn statements() -> String {
    let mut html = String::from("<h3>Every number the prose quotes</h3><p>The paper's figures print no data; these are the numbers its text gives, with what the tables say about each.</p>");
    for dataset in [
        Dataset::Fig1,
        Dataset::Fig2,
        Dataset::Fig3,
        Dataset::Fig4,
        Dataset::Text,
    ] {
        html.push_str(&format!(
            "<details><summary>{}</summary><ul class=\"claims\">",
            escape(dataset.info().title)
        ));
        for claim in checks::paper()
            .claims
            .iter()
            .filter(|claim| claim.dataset == dataset)
        {
            html.push_str(&format!(
                "<li><span class=\"verdict verdict-{}\">{}</span> <span lang=\"en\">{} <small>{}. {}</small></span></li>",
                claim.verdict.id(),
                verdict_words(claim.verdict),
                escape(&claim.statement),
                escape(claim.source),
                escape(&claim.computation)
            ));
        }
        html.push_str("</ul></details>");
    }
    html
}
