//! The claims check: every prose number is a claim, and verdicts follow the data.

use ict_explorer::checks::{self, Verdict};
use ict_explorer::data::facts::Section;
use ict_explorer::data::{self, Cell, Lookup, Status};

fn verdict_of(claims: &[checks::Claim], id: &str) -> Verdict {
    claims
        .iter()
        .find(|claim| claim.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
        .verdict
}

#[test]
fn every_prose_number_is_a_claim_with_a_reason() {
    let claims = &checks::paper().claims;
    for datum in data::all().iter().filter(|datum| !datum.dataset.is_table()) {
        let claim = claims
            .iter()
            .find(|claim| claim.id == datum.key())
            .unwrap_or_else(|| panic!("{} has no claim", datum.key()));
        assert!(
            claim.statement.starts_with(datum.label),
            "claim {} does not paraphrase its label",
            claim.id
        );
        assert!(
            claim.computation.len() > 20,
            "claim {} gives no computation or reason",
            claim.id
        );
        assert!(
            claim.status >= datum.cell.status,
            "claim {} is stronger than its own number",
            claim.id
        );
    }
}

#[test]
fn verdicts_match_a_reading_by_hand() {
    let claims = &checks::paper().claims;
    let expected = [
        (
            "text/foreign_funded/share_total_assets/1997",
            Verdict::Agrees,
        ),
        ("text/private/share_domestic_assets/2005", Verdict::Agrees),
        ("text/fdi/actual_utilized/2004", Verdict::Agrees),
        // China joined the WTO in 2001 (section 2's date), and Table 2's 1.343 bn US$ for 2001
        // is further from 1.44 than rounding explains.
        ("text/fdi/actual_utilized/2000", Verdict::Disagrees),
        // The two dates contradict each other, and 2001 is the right one.
        ("text-wto-entry-2000", Verdict::Disagrees),
        ("text-wto-accession-2001", Verdict::Agrees),
        (
            "text/state_controlled/share_domestic_assets_average_2003_2005/",
            Verdict::Disagrees,
        ),
        ("text/total/profit_to_sales/2003", Verdict::Disagrees),
        ("text/total/profit_to_sales/2004", Verdict::NotCheckable),
        ("text/ibm/size_multiple_of_lenovo/2006", Verdict::Disagrees),
        (
            "text/hongfujin/multiple_of_huawei_exports/2005",
            Verdict::Agrees,
        ),
        (
            "fig3/foreign_funded/share_of_domestic_sales/2004",
            Verdict::Agrees,
        ),
        (
            "fig3/foreign_funded/share_of_domestic_sales/1993",
            Verdict::NotCheckable,
        ),
        ("fig4/china/ict_rd_share_of_gdp/2002", Verdict::NotCheckable),
        (
            "text/ibm/hardware_share_of_income/2002",
            Verdict::NotCheckable,
        ),
        (
            "text/processing_imported_materials/share_of_exports_typical_1997_2004/",
            Verdict::Agrees,
        ),
        ("table5-china-lowest-electronic_telecom", Verdict::Agrees),
        ("table2-fdi-fell-in-asian-crisis", Verdict::Agrees),
        // Output below exports cannot be right (the audit warns about the same numbers).
        ("text/china/ict_output/2003", Verdict::Disagrees),
        ("text/china/ict_output/2005", Verdict::Disagrees),
        // 29.6 leaves domestic firms a surplus; their shares and the prose say deficit.
        ("fig2/foreign_funded/net_exports/2004", Verdict::Disagrees),
        // Table 1 starts in 1997, within the bound, and the share grew to it.
        (
            "text/private/share_total_assets_max_before_1997/",
            Verdict::Agrees,
        ),
        (
            "text/private/share_domestic_assets_max_before_1997/",
            Verdict::Agrees,
        ),
        // Of 2003–2004, only 2003 can be computed, and foreign firms' profit is lower there.
        ("table3-foreign-lower-profit", Verdict::Agrees),
        // On the one bound for unprinted years (Table 2's largest value), neither FDI total
        // is ruled out.
        (
            "text/fdi/multiple_of_government_investment_1990_2002/",
            Verdict::NotCheckable,
        ),
        ("text/fdi/accumulated/2005", Verdict::NotCheckable),
        ("table2-fdi-2004-record", Verdict::Agrees),
        // Words the numbers contradict, and rankings they confirm.
        (
            "text-computers-majority-of-exports-2004",
            Verdict::Disagrees,
        ),
        ("text-exporter-ranking-2005", Verdict::Disagrees),
        ("fig2-domestic-trade-deficit-2004", Verdict::Disagrees),
        ("table1-total-assets-in-billion-yuan", Verdict::Disagrees),
        ("text/hongfujin/export_rank/2005", Verdict::Agrees),
        ("text/usa/world_output_rank/", Verdict::Agrees),
        ("text/japan/world_output_rank/", Verdict::Agrees),
        ("text/china/world_output_rank/", Verdict::Agrees),
        (
            "text/televisions/china_world_market_rank/2004",
            Verdict::Agrees,
        ),
        (
            "text/mobile_phones/china_world_market_rank/2004",
            Verdict::NotCheckable,
        ),
        ("text-foreign-rd-centres-mostly-ict", Verdict::Agrees),
        ("fig2-wholly-foreign-owned-lead-trade-2004", Verdict::Agrees),
        (
            "text/total/value_added_to_sales_average/",
            Verdict::Disagrees,
        ),
    ];
    for (id, verdict) in expected {
        assert_eq!(verdict_of(claims, id), verdict, "claim {id}");
    }
    let count = |verdict| {
        claims
            .iter()
            .filter(|claim| claim.verdict == verdict)
            .count()
    };
    assert!(
        count(Verdict::Agrees) >= 10 && count(Verdict::Disagrees) >= 5,
        "too few checkable claims"
    );
}

#[test]
fn a_verdict_resting_on_a_guess_says_so() {
    let claim = checks::paper()
        .claims
        .iter()
        .find(|claim| claim.id == "text/total/value_added_to_sales_average/")
        .expect("claim exists");
    assert_eq!(
        claim.status,
        Status::Uncertain,
        "the value-added average uses 2001's guessed market share"
    );
    assert!(
        claim.computation.contains("2002 left out"),
        "the computation should say 2002 could not be used"
    );
}

#[test]
fn verdicts_are_computed_not_fixed() {
    let mut copy = data::all().to_vec();
    for datum in copy.iter_mut() {
        if datum.key() == "table1/foreign_funded/share_total_assets/2005" {
            datum.cell = Cell::clean(60.0);
        }
        if datum.key() == "text/lenovo/revenue/2006" {
            datum.cell = Cell::clean(10.1);
        }
    }
    let claims = checks::run(Lookup::new(&copy)).claims;
    assert_eq!(
        verdict_of(&claims, "text/foreign_funded/share_total_assets/2005"),
        Verdict::Disagrees
    );
    assert_eq!(
        verdict_of(&claims, "text/ibm/size_multiple_of_lenovo/2006"),
        Verdict::Agrees
    );
}

fn claim<'a>(claims: &'a [checks::Claim], id: &str) -> &'a checks::Claim {
    claims
        .iter()
        .find(|claim| claim.id == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// A copy of the paper's data with some cells replaced.
fn altered(changes: &[(&str, Cell)]) -> Vec<data::Datum> {
    let mut copy = data::all().to_vec();
    for (key, cell) in changes {
        copy.iter_mut()
            .find(|datum| datum.key() == *key)
            .unwrap_or_else(|| panic!("{key} is not in the data"))
            .cell = *cell;
    }
    copy
}

#[test]
fn output_claims_follow_the_data() {
    let claims = &checks::paper().claims;
    let output = claim(claims, "text/china/ict_output/2005");
    assert!(
        output
            .computation
            .contains("cannot export more than it produces"),
        "the output claim should say why it disagrees: {}",
        output.computation
    );
    // Output larger than exports is no longer contradicted, but nothing confirms it either.
    let claims = checks::run(Lookup::new(&altered(&[(
        "text/china/ict_output/2005",
        Cell::clean(201.0),
    )])))
    .claims;
    assert_eq!(
        verdict_of(&claims, "text/china/ict_output/2005"),
        Verdict::NotCheckable
    );
}

#[test]
fn the_lower_profit_claim_is_scoped_to_the_years_the_paper_discusses() {
    let paper = claim(&checks::paper().claims, "table3-foreign-lower-profit");
    assert!(
        paper.computation.contains("2004 cannot be computed")
            && paper.computation.contains("Collective (profit over sales)"),
        "the claim should say which of its years cannot be computed, and why: {}",
        paper.computation
    );
    // 2001, outside the paper's years, is higher for foreign firms but must not decide.
    assert_eq!(paper.verdict, Verdict::Agrees);

    // Higher in 2003: the only computable year of the scope now contradicts the claim.
    let claims = checks::run(Lookup::new(&altered(&[(
        "table3/foreign_funded/profit_to_sales/2003",
        Cell::clean(6.0),
    )])))
    .claims;
    assert_eq!(
        verdict_of(&claims, "table3-foreign-lower-profit"),
        Verdict::Disagrees
    );

    // With 2004 readable and foreign firms higher there, lower in only one of two years is not
    // enough, and the computation no longer claims 2004 is missing.
    let claims = checks::run(Lookup::new(&altered(&[
        ("table3/collective/profit_to_sales/2004", Cell::clean(1.0)),
        ("table3/joint_stock/profit_to_sales/2004", Cell::clean(1.0)),
    ])))
    .claims;
    let filled = claim(&claims, "table3-foreign-lower-profit");
    assert_eq!(filled.verdict, Verdict::Disagrees, "{}", filled.computation);
    assert!(
        !filled.computation.contains("cannot be computed"),
        "the computation repeats a fixed text: {}",
        filled.computation
    );

    // With no year of the scope computable, there is nothing to decide.
    let claims = checks::run(Lookup::new(&altered(&[(
        "table3/foreign_funded/profit_to_sales/2003",
        Cell::missing("test"),
    )])))
    .claims;
    assert_eq!(
        verdict_of(&claims, "table3-foreign-lower-profit"),
        Verdict::NotCheckable
    );
}

#[test]
fn claims_cite_the_papers_reasons() {
    let claims = &checks::paper().claims;
    let wto = claim(claims, "text/fdi/actual_utilized/2000");
    assert!(
        wto.computation.contains("accession in 2001"),
        "the WTO claim should rest on the paper's own date in section 2: {}",
        wto.computation
    );
    for id in [
        "text/fdi/multiple_of_government_investment_1990_2002/",
        "text/fdi/accumulated/2005",
    ] {
        assert!(
            claim(claims, id)
                .computation
                .contains("even if each of the"),
            "{id} should say its bound assumes every unprinted year at the largest printed value"
        );
    }
    for id in [
        "text/total/profit_to_sales/2003",
        "text/total/value_added_to_sales_average/",
    ] {
        assert!(
            claim(claims, id).computation.contains("approximation"),
            "{id} should say that weighting by domestic market share is an approximation"
        );
    }
}

/// Kinds of checkable statement the claims must capture, with one example of each that a
/// reader of the paper would look for.
const KINDS: [(&str, &str); 16] = [
    ("a world rank", "text/japan/world_output_rank/"),
    ("a ranking among firms", "text-exporter-ranking-2005"),
    (
        "a rank in a world market",
        "text/televisions/china_world_market_rank/2004",
    ),
    (
        "the year of WTO entry (section 2)",
        "text-wto-accession-2001",
    ),
    ("the year of WTO entry (section 3)", "text-wto-entry-2000"),
    ("a dated policy event", "text-fdi-guidelines-1995"),
    ("an event in a footnote", "text-strategies-announced-1997"),
    (
        "a figure in a footnote",
        "text/china_mobile/rank_in_world_top_250/",
    ),
    ("a plan with a number in its name", "text-ict-plans-2006"),
    (
        "programmes with numbers in their names",
        "text-programmes-863-909-torch",
    ),
    (
        "production moved between countries",
        "text-toshiba-tv-moved-2001",
    ),
    (
        "production moved between countries",
        "text-toshiba-notebooks-moved-2005",
    ),
    (
        "a rank once hidden in a note",
        "text/hongfujin/export_rank/2005",
    ),
    (
        "an event once hidden in a note",
        "fig1-china-passed-japan-eu15-2003",
    ),
    (
        "a word once hidden in a note",
        "text-computers-majority-of-exports-2004",
    ),
    ("a record once hidden in a note", "table2-fdi-2004-record"),
];

#[test]
fn every_kind_of_checkable_statement_is_a_claim_that_opens_a_view() {
    let claims = &checks::paper().claims;
    let keys: std::collections::HashSet<String> =
        data::all().iter().map(|datum| datum.key()).collect();
    for (kind, id) in KINDS {
        let found = claim(claims, id);
        assert!(
            found.computation.len() > 20,
            "{kind} ({id}) gives no computation or reason: a not checkable verdict must say why"
        );
        assert!(
            !found.cells.is_empty() && found.cells.iter().all(|cell| keys.contains(cell)),
            "{kind} ({id}) names cells the data lacks, so 'Show in' would open nothing: {:?}",
            found.cells
        );
    }
    let mut ids = std::collections::HashSet::new();
    for found in claims {
        assert!(
            ids.insert(found.id.as_str()),
            "two claims share the id {}",
            found.id
        );
        assert!(
            !found.cells.is_empty(),
            "the claim '{}' names no cell, so its 'Show in' button has no view to open",
            found.statement
        );
    }
}

#[test]
fn figures_once_hidden_in_notes_are_no_longer_only_there() {
    // A note may explain a number, but a statement of its own belongs in a claim of its own.
    let notes: [(&str, &str); 4] = [
        ("text/hongfujin/exports/2005", "largest"),
        ("fig1/china/export_rank/2004", "Japan"),
        ("text/fdi/actual_utilized/2004", "record"),
        ("text/foreign_rd_centres/count/2006", "most of them"),
    ];
    for (key, words) in notes {
        let datum = data::all()
            .iter()
            .find(|datum| datum.key() == key)
            .unwrap_or_else(|| panic!("{key} is not in the data"));
        assert!(
            !datum.cell.note.contains(words),
            "{key}'s note still carries '{words}', a statement with no verdict of its own: {}",
            datum.cell.note
        );
    }
}

// The verdicts an independent reading of the paper found wrong (issue 14). Each test fails on
// the old answer, and, where the verdict rests on numbers, also follows them when they change.

#[test]
fn the_private_share_before_1997_is_decided_by_table_1s_first_year() {
    for id in [
        "text/private/share_total_assets_max_before_1997/",
        "text/private/share_domestic_assets_max_before_1997/",
    ] {
        let found = claim(&checks::paper().claims, id);
        assert_eq!(
            found.verdict,
            Verdict::Agrees,
            "{id}: 1997's printed share fits the bound and the share only grew to it, so the paper's own numbers decide: {}",
            found.computation
        );
        assert!(
            found.computation.contains("starts in 1997") && found.computation.contains("grew"),
            "{id} should say Table 1 starts in 1997 and why that year decides: {}",
            found.computation
        );
    }
    // Had 1997 been above the bound, the years before could still have been within it.
    let claims = checks::run(Lookup::new(&altered(&[(
        "table1/private/share_total_assets/1997",
        Cell::clean(0.9),
    )])))
    .claims;
    assert_eq!(
        verdict_of(&claims, "text/private/share_total_assets_max_before_1997/"),
        Verdict::NotCheckable
    );
}

#[test]
fn the_private_share_of_domestic_sales_is_read_against_table_3s_latest_year() {
    let id = "fig3/private/share_of_domestic_sales/";
    let found = claim(&checks::paper().claims, id);
    assert_eq!(
        found.verdict,
        Verdict::Disagrees,
        "7.5% against Table 3's 7.1 for 2004 is more than rounding: {}",
        found.computation
    );
    assert!(
        found
            .cells
            .contains(&"table3/private/domestic_market_share/2004".to_string()),
        "{id} should show the Table 3 cell it is read against: {:?}",
        found.cells
    );
    let claims = checks::run(Lookup::new(&altered(&[(
        "table3/private/domestic_market_share/2004",
        Cell::clean(7.5),
    )])))
    .claims;
    assert_eq!(verdict_of(&claims, id), Verdict::Agrees);
}

#[test]
fn fdi_at_wto_entry_is_read_against_the_accession_year() {
    let id = "text/fdi/actual_utilized/2000";
    let found = claim(&checks::paper().claims, id);
    assert_eq!(
        found.verdict,
        Verdict::Disagrees,
        "Table 2's 1.343 bn US$ for 2001, the accession year, is further from 1.44 than rounding: {}",
        found.computation
    );
    let claims = checks::run(Lookup::new(&altered(&[(
        "table2/fdi/actual_utilized/2001",
        Cell::clean(1440.0),
    )])))
    .claims;
    assert_eq!(verdict_of(&claims, id), Verdict::Agrees);
}

#[test]
fn only_the_wrong_wto_date_disagrees() {
    let claims = &checks::paper().claims;
    assert_eq!(
        verdict_of(claims, "text-wto-accession-2001"),
        Verdict::Agrees,
        "China joined the WTO in 2001, as section 2 says: {}",
        claim(claims, "text-wto-accession-2001").computation
    );
    assert_eq!(
        verdict_of(claims, "text-wto-entry-2000"),
        Verdict::Disagrees
    );
}

#[test]
fn fdi_totals_name_the_years_that_would_have_to_be_that_large() {
    for (id, years) in [
        (
            "text/fdi/multiple_of_government_investment_1990_2002/",
            "(1990–1994, 1996, 1998, 2000 and 2002)",
        ),
        (
            "text/fdi/accumulated/2005",
            "(1990–1994, 1996, 1998, 2000, 2002 and 2005)",
        ),
    ] {
        let found = claim(&checks::paper().claims, id);
        assert!(
            found.verdict != Verdict::NotCheckable
                || (found.computation.contains(years)
                    && found.computation.contains("a year on average")
                    && found.computation.contains("holds only if")),
            "{id} is not checkable only on a bound that lets every unprinted year be a record; it must say which years would have to be that large: {}",
            found.computation
        );
    }
}

#[test]
fn the_lenovo_deal_has_one_date() {
    let claims = &checks::paper().claims;
    assert_eq!(
        verdict_of(claims, "text-lenovo-bought-ibm-pc-2005"),
        Verdict::Agrees
    );
    assert_eq!(
        verdict_of(claims, "text-lenovo-bought-ibm-pc-2006"),
        Verdict::Disagrees,
        "the firm-level passage's 2006 for the same deal should be a claim the paper's 2005 contradicts"
    );
}

#[test]
fn a_fifth_five_year_plan_in_2006_disagrees_and_names_no_table_5_cell() {
    let found = claim(&checks::paper().claims, "text-ict-plans-2006");
    assert_eq!(
        found.verdict,
        Verdict::Disagrees,
        "the plan that began in 2006 is the 11th: {}",
        found.computation
    );
    assert!(
        found.computation.contains("11th")
            && !found.cells.iter().any(|cell| cell.starts_with("table5/")),
        "the plans' claim should say why, and show no unrelated Table 5 cell: {:?}",
        found.cells
    );
}

#[test]
fn wholly_foreign_owned_imports_leave_nothing_for_joint_ventures() {
    let claims = &checks::paper().claims;
    let imports = claim(claims, "fig2/wfoe/share_of_imports/2004");
    assert_eq!(
        imports.verdict,
        Verdict::Disagrees,
        "82% + 18% leaves nothing for joint ventures: {}",
        imports.computation
    );
    let lead = claim(claims, "fig2-wholly-foreign-owned-lead-trade-2004");
    assert!(
        !lead
            .cells
            .contains(&"fig2/wfoe/share_of_imports/2004".to_string()),
        "an agreeing claim rests on the 82% the paper's own numbers contradict: {:?}",
        lead.cells
    );
    // With room left for joint ventures' imports, the 82% would stand.
    let claims = checks::run(Lookup::new(&altered(&[(
        "fig2/wfoe/share_of_imports/2004",
        Cell::clean(70.0),
    )])))
    .claims;
    assert_eq!(
        verdict_of(&claims, "fig2/wfoe/share_of_imports/2004"),
        Verdict::Agrees
    );
}

#[test]
fn the_introductions_three_decades_of_opening_up_is_a_claim() {
    let found = claim(&checks::paper().claims, "text-three-decades-opening-up");
    assert!(
        found.statement.contains("three decades") && found.source == "Introduction",
        "{found:?}"
    );
}

#[test]
fn statements_are_in_our_own_words() {
    // The paper's own sentence (section 4), with one verb changed, was once the statement.
    let paper = "firms based in developed countries";
    for found in &checks::paper().claims {
        assert!(
            !found.statement.contains(paper),
            "'{}' repeats the paper's words",
            found.statement
        );
    }
    assert!(checks::paper()
        .claims
        .iter()
        .any(|found| found.id == "text-manufacturing-moved-1990s"));
}

#[test]
fn a_computation_that_decides_is_never_called_not_checkable() {
    // Words with which a computation says the printed numbers settle the statement: a claim
    // that says them must give the verdict they imply, not "not checkable".
    let deciding = [
        "fits the statement",
        "more than rounding explains",
        "the gap is more than rounding",
        "none is",
    ];
    for found in checks::paper()
        .claims
        .iter()
        .filter(|found| found.verdict == Verdict::NotCheckable)
    {
        assert!(
            !deciding
                .iter()
                .any(|words| found.computation.contains(words)),
            "'{}' is not checkable, yet its computation decides it: {}",
            found.statement,
            found.computation
        );
    }
}

#[test]
fn every_claim_names_its_section_as_the_data_does() {
    let labels = Section::ALL.map(Section::label);
    for claim in checks::run(Lookup::paper()).claims {
        // "Section 3, '…'" names a section by heading or subject; "Section 3 and footnote 26"
        // names none.
        let names_one = claim
            .source
            .strip_prefix("Section ")
            .and_then(|rest| rest.split_once(", "))
            .is_some_and(|(number, _)| number.parse::<u8>().is_ok());
        assert!(
            !names_one || labels.contains(&claim.source),
            "the claim '{}' cites '{}', a section in other words than data::facts::Section, \
             so the reader sees one section under two names",
            claim.id,
            claim.source
        );
    }
}
