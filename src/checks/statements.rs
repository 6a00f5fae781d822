//! Statements of the prose that quote no single number of their own: words that a number can
//! check ("the majority", "a record", "a trade deficit", a ranking), the dates the paper gives
//! for events, plans with numbers in their names, and moves of production between countries.
//!
//! Those that no number in the paper bears on are still listed, as `not_checkable` with the
//! reason, each with the cells that show its subject best, so that "Show in…" has a view to
//! open.

use super::fdi::{wto_fdi, RECORD_YEAR};
use super::outcome::{Check, Checked, Warning};
use super::prose_vs_prose::{majority_check, ranking_check, LISTED_EXPORTERS, RANKING_YEAR};
use super::rounding::{reading_at, Reading};
use super::tables::assets_unit_check;
use super::trade::balance_check;
use super::Verdict;
use crate::data::facts::{wto_dates_agree, Section, WTO_ACCESSION_YEAR, WTO_DATES};
use crate::data::{series_label, Dataset, Lookup, Status};
use crate::format::number;

// Short names for the sections the statements are quoted from.
const ORIGINS: &str = Section::Origins.label();
const EMERGENCE: &str = Section::Emergence.label();
const TRADE_STRUCTURE: &str = Section::TradeStructure.label();
const FIRM_LEVEL: &str = Section::FirmLevel.label();
const LEARNING: &str = Section::LearningAndUpgrading.label();
const NETWORKS: &str = Section::NetworkControl.label();

/// Every hand-written claim about the prose: those checked against numbers, then the rest.
pub(super) fn claims(data: Lookup) -> Vec<Checked> {
    let checked = [
        majority(data),
        ranking(data),
        domestic_deficit(data),
        assets_unit(data),
        fdi_record(data),
        wholly_owned_lead(data),
        rd_centres_mostly_ict(data),
    ];
    let mut claims: Vec<Checked> = checked.into_iter().flatten().collect();
    claims.extend(wto_dates(data));
    claims.extend(lenovo_deal_dates());
    claims.push(ict_plans());
    claims.extend(UNCHECKABLE.iter().map(Statement::claim));
    claims
}

/// The claim that computers made up "the majority" of China's ICT exports in 2004.
const COMPUTERS_MAJORITY_CLAIM: &str = "text-computers-majority-of-exports-2004";

/// The claim that the listed exporters are in order of their exports.
const EXPORTER_RANKING_CLAIM: &str = "text-exporter-ranking-2005";

/// The claim that domestic firms ran a trade deficit in 2004.
const DOMESTIC_DEFICIT_CLAIM: &str = "fig2-domestic-trade-deficit-2004";

/// The claim that Table 1's total assets are in billion yuan.
const ASSETS_UNIT_CLAIM: &str = "table1-total-assets-in-billion-yuan";

/// Computers called "the majority" of exports at the share the paper gives.
fn majority(data: Lookup) -> Option<Checked> {
    Some(majority_check(data)?.claim(
        COMPUTERS_MAJORITY_CLAIM,
        Dataset::Text,
        "Computers made up the majority of China's ICT exports in 2004.".to_string(),
        EMERGENCE,
    ))
}

/// The top exporters in the order the paper lists them.
fn ranking(data: Lookup) -> Option<Checked> {
    let names: Vec<&str> = LISTED_EXPORTERS
        .iter()
        .map(|firm| series_label(firm))
        .collect();
    Some(ranking_check(data)?.claim(
        EXPORTER_RANKING_CLAIM,
        Dataset::Text,
        format!(
            "China's largest ICT exporters of {RANKING_YEAR} rank in the order the paper lists them: {}.",
            names.join(", ")
        ),
        FIRM_LEVEL,
    ))
}

/// "Domestic firms ran a trade deficit", against the paper's net exports and shares of trade.
fn domestic_deficit(data: Lookup) -> Option<Checked> {
    Some(balance_check(data)?.claim(
        DOMESTIC_DEFICIT_CLAIM,
        Dataset::Fig2,
        "Domestic firms ran an ICT trade deficit in 2004.".to_string(),
        TRADE_STRUCTURE,
    ))
}

/// Table 1's label for its total assets, against a year's sales.
fn assets_unit(data: Lookup) -> Option<Checked> {
    Some(assets_unit_check(data)?.claim(
        ASSETS_UNIT_CLAIM,
        Dataset::Table1,
        "Table 1 gives the industry's total assets in billion yuan.".to_string(),
        "Table 1, 'Total assets (Billion Yuan)'",
    ))
}

/// 2004's FDI called "a record", against the other years Table 2 prints.
fn fdi_record(data: Lookup) -> Option<Checked> {
    let year = RECORD_YEAR;
    let record = reading_at(data, Dataset::Table2, "fdi", "actual_utilized", Some(year))?;
    let mut cells = Vec::new();
    let mut status = Status::Clean;
    let mut others: Vec<(u16, Reading)> = Vec::new();
    for datum in data.data().iter().filter(|datum| {
        datum.dataset == Dataset::Table2
            && datum.series == "fdi"
            && datum.measure == "actual_utilized"
    }) {
        let (Some(other), Some(reading)) = (datum.year, Reading::of(datum)) else {
            continue;
        };
        cells.push(datum.key());
        status = status.weakest(datum.cell.status);
        if other != year {
            others.push((other, reading));
        }
    }
    let (next_year, next) = others
        .iter()
        .max_by(|a, b| a.1.value.total_cmp(&b.1.value))?;
    Some(
        Check::deciding(
            record.range.low > next.range.high,
            format!(
                "Table 2 prints {} m US$ for {year}; the largest of the other years it prints is {} m US$, in {next_year}. The years it leaves out cannot be compared: the bound every FDI check puts on them, no more than Table 2's largest value, rests on this statement",
                record.text(),
                next.text()
            ),
            cells,
            status,
        )
        .claim(
            "table2-fdi-2004-record",
            Dataset::Table2,
            format!("ICT FDI in {year} was a record."),
            EMERGENCE,
        ),
    )
}

/// Wholly foreign-owned firms, not joint ventures, called the main drive of China's ICT trade:
/// their shares of exports and imports against what the other foreign-invested firms can hold.
fn wholly_owned_lead(data: Lookup) -> Option<Checked> {
    let year = Some(2004);
    let read = |series, measure| reading_at(data, Dataset::Fig2, series, measure, year);
    let exports = read("wfoe", "share_of_exports")?;
    let foreign = read("foreign_funded", "share_of_exports")?;
    // Joint ventures and other foreign-invested forms share what wholly owned firms leave of
    // all foreign-invested firms' exports. The imports are left out: the 82% the paper gives
    // wholly owned firms leaves nothing for joint ventures beside domestic firms' 18%, so it
    // cannot tell the two apart (its own claim says so).
    let others_at_most = foreign.range.high - exports.range.low;
    let leads = others_at_most < exports.range.low;
    let cells = [
        ("wfoe", "share_of_exports"),
        ("foreign_funded", "share_of_exports"),
    ]
    .map(|(series, measure)| Lookup::key(Dataset::Fig2, series, measure, year))
    .to_vec();
    Some(
        Check::deciding(
            leads,
            format!(
                "Exports: wholly foreign-owned firms made nearly {}% of China's ICT exports and all foreign-invested firms {}%, which leaves at most {}% to joint ventures and the other foreign-invested forms. Imports are not used: the paper's 82% for wholly foreign-owned firms and 18% for domestic firms leave nothing for joint ventures, so they cannot show which of the two leads",
                exports.text(),
                foreign.text(),
                number(others_at_most, 1)
            ),
            cells,
            Status::Clean,
        )
        .claim(
            "fig2-wholly-foreign-owned-lead-trade-2004",
            Dataset::Fig2,
            "Wholly foreign-owned firms, rather than joint ventures, drive China's ICT trade (2004)."
                .to_string(),
            TRADE_STRUCTURE,
        ),
    )
}

/// "Most" foreign-funded R&D centres in ICT, against footnote 23's survey.
fn rd_centres_mostly_ict(data: Lookup) -> Option<Checked> {
    let share = reading_at(
        data,
        Dataset::Text,
        "foreign_rd_centres",
        "ict_share_of_sample",
        Some(2004),
    )?;
    let sample = reading_at(
        data,
        Dataset::Text,
        "foreign_rd_centres",
        "sample_size",
        Some(2004),
    )?;
    Some(
        Check::deciding(
            share.range.low > 50.0,
            format!(
                "Footnote 23's survey finds {}% of {} sampled foreign R&D centres ICT related in 2004, {} half; the sample is not all centres, and the statement is about 2006",
                share.text(),
                sample.text(),
                if share.range.low > 50.0 { "more than" } else { "not more than" }
            ),
            [("ict_share_of_sample", Some(2004)), ("sample_size", Some(2004)), ("count", Some(2006))]
                .map(|(measure, year)| Lookup::key(Dataset::Text, "foreign_rd_centres", measure, year))
                .to_vec(),
            Status::Clean,
        )
        .claim(
            "text-foreign-rd-centres-mostly-ict",
            Dataset::Text,
            "Most of the foreign-funded R&D centres in China are in the ICT industry.".to_string(),
            EMERGENCE,
        ),
    )
}

/// The two years the paper gives for China's WTO entry: the accession year is right, the other
/// is the paper's slip.
fn wto_dates(data: Lookup) -> Vec<Checked> {
    let agree = wto_dates_agree();
    let fdi = wto_fdi(data);
    let consequence = fdi
        .as_ref()
        .map(|check| {
            format!(
                " It matters for the FDI figure the paper gives for the entry: {}.",
                check.readings()
            )
        })
        .unwrap_or_default();
    let cells = fdi.map(|check| check.cells).unwrap_or_else(|| {
        vec![Lookup::key(
            Dataset::Text,
            "fdi",
            "actual_utilized",
            Some(WTO_DATES[0].year),
        )]
    });
    let warning = || {
        Warning::new(
            "text-wto-entry-dates",
            Dataset::Table2,
            format!(
                "The paper dates China's WTO entry to both {} and {}; it was {WTO_ACCESSION_YEAR}",
                WTO_DATES[0].year, WTO_DATES[1].year
            ),
            format!(
                "One event has one date. China became a member of the WTO on 11 December {WTO_ACCESSION_YEAR}, as section 2 says, so the other passage's date is wrong.{consequence}"
            ),
        )
        .cells(cells.clone())
        .numbers(format!(
            "section 3: China joined the WTO in {}; section 2: China's WTO accession came in {}",
            WTO_DATES[0].year, WTO_DATES[1].year
        ))
    };
    WTO_DATES
        .iter()
        .map(|date| {
            let others: Vec<String> = WTO_DATES
                .iter()
                .filter(|other| other.year != date.year)
                .map(|other| format!("{} ({})", other.year, other.source))
                .collect();
            let right = agree || date.year == WTO_ACCESSION_YEAR;
            let computation = if agree {
                "Both passages that date the entry give this year; no table records it".to_string()
            } else if right {
                format!(
                    "The paper also dates the entry to {}, but one event has one date, and China became a member on 11 December {WTO_ACCESSION_YEAR}: this passage is right, the other is the slip",
                    others.join(" and ")
                )
            } else {
                format!(
                    "The paper also dates the entry to {}, which is when China became a member (11 December {WTO_ACCESSION_YEAR}); one event has one date, so this passage is wrong. The FDI figure the paper gives for the entry is filed under {}",
                    others.join(" and "),
                    date.year
                )
            };
            Check::deciding(right, computation, cells.clone(), Status::Clean)
                .warning(warning())
                .claim(
                    date.claim,
                    Dataset::Table2,
                    format!("China joined the WTO in {}.", date.year),
                    date.source,
                )
        })
        .collect()
}

/// The two years the paper gives for Lenovo's purchase of IBM's PC business: section 3 prints
/// its price under 2005, the firm-level passage speaks of the takeover "in 2006". The deal was
/// completed in 2005, so the later date is the slip.
fn lenovo_deal_dates() -> Vec<Checked> {
    let cells = vec![
        Lookup::key(Dataset::Text, "lenovo", "ibm_pc_purchase_price", Some(2005)),
        Lookup::key(Dataset::Text, "lenovo", "revenue", Some(2006)),
    ];
    let right = Check::deciding(
        true,
        "The firm-level passage speaks of the takeover 'in 2006', but one deal has one date: Lenovo completed the purchase of IBM's PC business in 2005, the year this passage gives with the price".to_string(),
        cells.clone(),
        Status::Clean,
    )
    .claim(
        "text-lenovo-bought-ibm-pc-2005",
        Dataset::Text,
        "Lenovo bought IBM's PC business in 2005.".to_string(),
        EMERGENCE,
    );
    let wrong = Check::deciding(
        false,
        "Section 3 gives the purchase, with its price of 1.75 bn US$, in 2005, when Lenovo completed it; one deal has one date, so 'in 2006' is wrong, unless the passage means to date Lenovo's revenue after the deal rather than the deal".to_string(),
        cells,
        Status::Clean,
    )
    .claim(
        "text-lenovo-bought-ibm-pc-2006",
        Dataset::Text,
        "Lenovo took over IBM's PC business in 2006.".to_string(),
        FIRM_LEVEL,
    );
    vec![right, wrong]
}

/// The plan footnote 26 calls the ICT "Fifth" Five-Year Plan, announced in 2006.
fn ict_plans() -> Checked {
    Check::deciding(
        false,
        "China's five-year plans follow each other every five years, and the one that began in 2006 is the 11th (2006–2010); a fifth plan announced in 2006 cannot be, so 'Fifth' is a slip, of the paper or of its source. No number of the paper measures the plans; the cells shown are the achievements the same passage gives for the officials' confidence".to_string(),
        vec![
            Lookup::key(
                Dataset::Text,
                "chinese_firms",
                "top100_with_foreign_subsidiaries",
                Some(2004),
            ),
            Lookup::key(
                Dataset::Text,
                "china",
                "rd_centres_in_advanced_countries",
                None,
            ),
        ],
        Status::Clean,
    )
    .claim(
        "text-ict-plans-2006",
        Dataset::Text,
        "In 2006 the ministry announced China's ICT Fifth Five-Year Plan and a mid- and long-term plan to 2020, aiming at world technological leadership before 2020. ('Fifth' is garbled in the OCR text as 'Fiflh'; it is the only reading of those letters.)".to_string(),
        "Section 3 and footnote 26",
    )
}

/// A statement no number in the paper bears on.
struct Statement {
    id: &'static str,
    dataset: Dataset,
    statement: &'static str,
    source: &'static str,
    /// Why it cannot be checked.
    reason: &'static str,
    /// The cells that show its subject, for "Show in…".
    shown_with: &'static [(Dataset, &'static str, &'static str, Option<u16>)],
}

impl Statement {
    fn claim(&self) -> Checked {
        Check::with(
            Verdict::NotCheckable,
            self.reason.to_string(),
            self.shown_with
                .iter()
                .map(|(dataset, series, measure, year)| {
                    Lookup::key(*dataset, series, measure, *year)
                })
                .collect(),
            Status::Clean,
        )
        .claim(
            self.id,
            self.dataset,
            self.statement.to_string(),
            self.source,
        )
    }
}

const FDI_1995: (Dataset, &str, &str, Option<u16>) =
    (Dataset::Table2, "fdi", "actual_utilized", Some(1995));

/// Dated events, plans and moves of production that the paper states without a number that
/// could check them.
const UNCHECKABLE: &[Statement] = &[
    Statement {
        id: "text-three-decades-opening-up",
        dataset: Dataset::Table2,
        statement: "When the paper was written, China had been opening up to the world for three decades.",
        source: "Introduction",
        reason: "A span of time: the paper never says in which year the opening up began, so no printed date gives its length.",
        shown_with: &[FDI_1995],
    },
    Statement {
        id: "text-deng-reform-1992",
        dataset: Dataset::Table2,
        statement: "More liberal rules for FDI spread widely after Deng renewed the reform agenda in 1992.",
        source: ORIGINS,
        reason: "A dated event. Table 2 starts in 1995, so it shows no inflow from before 1992 to compare with.",
        shown_with: &[FDI_1995],
    },
    Statement {
        id: "text-fdi-guidelines-1995",
        dataset: Dataset::Table2,
        statement: "China set up a regularly revised guideline system for foreign trade and investment in 1995.",
        source: ORIGINS,
        reason: "A dated event. Table 2 starts in 1995, the year itself, so it shows no inflow from before to compare with.",
        shown_with: &[FDI_1995],
    },
    Statement {
        id: "text-strategies-announced-1997",
        dataset: Dataset::Table2,
        statement: "President Jiang first announced the attracting-in and walking-out strategies officially in 1997.",
        source: "Footnote 1",
        reason: "A dated event: no number in the paper bears on when the strategies were announced.",
        shown_with: &[(Dataset::Table2, "fdi", "actual_utilized", Some(1997))],
    },
    Statement {
        id: "text-outward-investment-2002",
        dataset: Dataset::Text,
        statement: "In 2002 Jiang stressed combining state-led outward investment with the expansion of trade.",
        source: ORIGINS,
        reason: "A dated event; the paper gives no series of outward investment to check it against.",
        shown_with: &[(Dataset::Text, "chinese_firms", "top100_with_foreign_subsidiaries", Some(2004))],
    },
    Statement {
        id: "text-programmes-863-909-torch",
        dataset: Dataset::Table5,
        statement: "China's self-financed dual-use technology programmes, such as '863', '909' and 'Torch', had limited success.",
        source: ORIGINS,
        reason: "The paper gives no figures on the programmes, so their success cannot be measured.",
        shown_with: &[(Dataset::Table5, "china", "electronic_telecom", Some(2003))],
    },
    Statement {
        id: "text-lenovo-founded-1984",
        dataset: Dataset::Text,
        statement: "Lenovo was set up within the Chinese Academy of Sciences' computing institute in 1984.",
        source: "Footnote 19",
        reason: "A dated event that no number in the paper bears on.",
        shown_with: &[(Dataset::Text, "lenovo", "revenue", Some(2006))],
    },
    Statement {
        id: "fig1-china-passed-japan-eu15-2003",
        dataset: Dataset::Fig1,
        statement: "China's ICT exports passed Japan's and the EU-15's in 2003.",
        source: EMERGENCE,
        reason: "Figure 1 shows it, but the paper prints no export figure for 2003, nor any for Japan or the EU-15.",
        shown_with: &[(Dataset::Fig1, "china", "exports", Some(2004)), (Dataset::Fig1, "usa", "exports", Some(2004))],
    },
    Statement {
        id: "text-hongfujin-largest-since-2003",
        dataset: Dataset::Text,
        statement: "Hongfujin Precision was China's largest ICT exporter for the third year running in 2005.",
        source: FIRM_LEVEL,
        reason: "The paper gives exporters' figures for 2005 only (checked with Hongfujin's rank), so the two years before cannot be checked.",
        shown_with: &[(Dataset::Text, "hongfujin", "exports", Some(2005))],
    },
    Statement {
        id: "text-tcl-bought-schneider-2002",
        dataset: Dataset::Text,
        statement: "TCL bought the German firm Schneider Electronics in 2002, and later merged with France's Thomson to take over its TV business.",
        source: EMERGENCE,
        reason: "A dated acquisition that no number in the paper bears on.",
        shown_with: &[(Dataset::Text, "televisions", "china_share_of_world_market", Some(2004))],
    },
    Statement {
        id: "text-processing-exception-2001",
        dataset: Dataset::Table4,
        statement: "Import processing made up about 70% of exports in every year of 1997–2004 but 2001, when a world ICT downturn intervened.",
        source: "Footnote 30",
        reason: "Table 4 prints 1998, 2000, 2002 and 2004, not 2001, so the exception cannot be seen in it.",
        shown_with: &[(Dataset::Table4, "processing_imported_materials", "share", Some(2000)), (Dataset::Table4, "processing_imported_materials", "share", Some(2002))],
    },
    Statement {
        id: "text-manufacturing-moved-1990s",
        dataset: Dataset::Fig3,
        statement: "Around the middle of the 1990s, companies from rich economies had relocated a large part of their production to poorer ones.",
        source: NETWORKS,
        reason: "A move of production between countries, described without numbers.",
        shown_with: &[(Dataset::Fig3, "foreign_funded", "share_of_output", Some(1996))],
    },
    Statement {
        id: "text-toshiba-tv-moved-2001",
        dataset: Dataset::Text,
        statement: "Toshiba moved all its Japanese TV production to Dalian, China, in 2001, and turned its Japanese plant to projectors and digital televisions.",
        source: LEARNING,
        reason: "A move of production between countries, dated but not measured: no number in the paper covers Toshiba's output.",
        shown_with: &[(Dataset::Text, "televisions", "china_share_of_world_market", Some(2004))],
    },
    Statement {
        id: "text-toshiba-notebooks-moved-2005",
        dataset: Dataset::Text,
        statement: "Toshiba moved all its notebook production to Zhejiang province, China, in 2005, keeping R&D and prototypes in Tokyo.",
        source: LEARNING,
        reason: "A move of production between countries, dated but not measured: no number in the paper covers Toshiba's output.",
        shown_with: &[(Dataset::Text, "computers", "share_of_ict_exports", Some(2004))],
    },
];
