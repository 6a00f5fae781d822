//! The numbers the paper quotes in its prose and footnotes, grouped by the figure or topic they
//! belong to. Figures 1–4 print no data, so these statements are all a reader has of them.
//!
//! Labels are our own paraphrases. Words such as "more than", "about" or "nearly" in the paper
//! are kept in the note, since the value alone would read as exact.

use super::facts::Section;
use super::{Cell, Dataset, Datum, Unit};

// Short names for the sections most statements are quoted from.
const EMERGENCE: &str = Section::Emergence.label();
const TRADE_STRUCTURE: &str = Section::TradeStructure.label();
const TECH_STRUCTURE: &str = Section::TechStructure.label();
const OWNERSHIP: &str = Section::StateOwnership.label();
const DYNAMIC: &str = Section::DynamicCompetition.label();
const FIRM_LEVEL: &str = Section::FirmLevel.label();
/// IBM's and Dell's revenues are printed without a year: the year is a reading.
const UNDATED_RIVAL: &str = "Legible, but the paper gives no year for it: placed in 2006, the year the same sentence gives Lenovo's revenue. Other readings: the rival's latest yearly revenue when the paper was written, 2005 or 2007.";

/// One prose statement. `year` is `None` where the statement covers a period or gives no year.
#[allow(clippy::too_many_arguments)]
const fn say(
    dataset: Dataset,
    series: &'static str,
    measure: &'static str,
    year: Option<u16>,
    unit: Unit,
    cell: Cell,
    label: &'static str,
    source: &'static str,
) -> Datum {
    Datum {
        dataset,
        series,
        measure,
        year,
        unit,
        cell,
        label,
        source,
        decimals: None,
    }
}

const fn c(value: f64) -> Cell {
    Cell::clean(value)
}

const fn n(value: f64, note: &'static str) -> Cell {
    Cell::clean_with_note(value, note)
}

/// Figures 2 and 3 say in which year foreign-invested firms passed all domestic firms together,
/// which puts their share above one half only if foreign and domestic firms make up the whole.
/// The paper prints no share for that year, so 50 is a bound inferred from its words, never a
/// clean value.
const PASSED_DOMESTIC: &str = "A lower bound the paper does not print: it says foreign-invested firms passed all domestic firms together that year, which puts their share above one half, assuming foreign and domestic firms make up the whole.";

/// The statements, as a constant so that they live in the program's data rather than in code
/// that builds them at start-up.
pub const STATEMENTS: &[Datum] = {
    use Dataset::{Fig1, Fig2, Fig3, Fig4, Text};
    use Unit::*;
    &[
        // Figure 1: trade of major economies.
        say(Fig1, "china", "exports", Some(2004), BillionUsd, c(180.0), "China's ICT exports", EMERGENCE),
        say(Fig1, "usa", "exports", Some(2004), BillionUsd, c(149.0), "US ICT exports", EMERGENCE),
        say(Fig1, "china", "export_rank", Some(2004), Rank, n(1.0, "The paper says China became the largest ICT exporter in 2004."), "China's rank among ICT exporters", EMERGENCE),
        say(Fig1, "china", "net_exports", Some(2004), BillionUsd, n(31.0, "The paper stresses 'only': exports minus imports."), "China's ICT net exports", TECH_STRUCTURE),
        // Figure 2: trade by enterprise type.
        say(Fig2, "foreign_funded", "share_of_exports_above_domestic_from", Some(1994), Percent, Cell::uncertain(50.0, PASSED_DOMESTIC), "Foreign-invested firms' export share passes one half", TRADE_STRUCTURE),
        say(Fig2, "foreign_funded", "share_of_exports", Some(2004), Percent, c(92.0), "Foreign-invested firms' share of ICT exports", TRADE_STRUCTURE),
        say(Fig2, "wfoe", "share_of_exports", Some(2004), Percent, n(66.8, "Given as 'nearly' 66.8%."), "Wholly foreign-owned firms' share of ICT exports", TRADE_STRUCTURE),
        say(Fig2, "wfoe", "share_of_imports", Some(2004), Percent, c(82.0), "Wholly foreign-owned firms' share of ICT imports", TRADE_STRUCTURE),
        say(Fig2, "foreign_funded", "net_exports", Some(2004), BillionUsd, c(29.6), "Foreign-invested firms' net exports", TRADE_STRUCTURE),
        say(Fig2, "foreign_funded", "net_exports_share_of_exports", Some(2004), Percent, c(16.7), "Foreign-invested firms' net exports as a share of their exports", TRADE_STRUCTURE),
        say(Fig2, "domestic_funded", "share_of_exports", Some(2003), Percent, c(16.0), "Domestic firms' share of ICT exports", TRADE_STRUCTURE),
        say(Fig2, "domestic_funded", "share_of_exports", Some(2004), Percent, c(14.0), "Domestic firms' share of ICT exports", TRADE_STRUCTURE),
        say(Fig2, "domestic_funded", "share_of_imports", Some(2003), Percent, c(23.0), "Domestic firms' share of ICT imports", TRADE_STRUCTURE),
        say(Fig2, "domestic_funded", "share_of_imports", Some(2004), Percent, c(18.0), "Domestic firms' share of ICT imports", TRADE_STRUCTURE),
        // Figure 3: output and domestic sales by enterprise type.
        say(Fig3, "foreign_funded", "share_of_output", Some(1996), Percent, c(44.0), "Foreign-invested firms' share of ICT output", TRADE_STRUCTURE),
        say(Fig3, "foreign_funded", "output_rank_among_types_1990s", None, Rank, n(1.0, "The paper says foreign-invested firms produced the largest share of ICT output in the 1990s."), "Foreign-invested firms' rank by share of ICT output in the 1990s", TRADE_STRUCTURE),
        say(Fig3, "foreign_funded", "share_of_output_above_domestic_from", Some(2001), Percent, Cell::uncertain(50.0, PASSED_DOMESTIC), "Foreign-invested firms' output share passes one half", TRADE_STRUCTURE),
        say(Fig3, "private", "share_of_output_max_before_2000", None, Percent, Cell::corrected(1.0, "OCR printed 'I ~rcent' for '1 percent': the letter I is the usual misreading of the digit 1. An upper bound: 'never more than'."), "Private firms' highest share of ICT output before 2000", "Footnote 20"),
        say(Fig3, "private", "share_of_output", Some(2005), Percent, c(4.9), "Private firms' share of ICT output", "Footnote 20"),
        say(Fig3, "private", "share_of_domestic_sales", None, Percent, n(7.5, "No year is given; the footnote says the share rose to this level from almost nothing in the early 1990s."), "Private firms' share of domestic sales, latest quoted", "Footnote 20"),
        say(Fig3, "jsc_llc_private", "share_of_domestic_sales", Some(1993), Percent, n(20.0, "An upper bound: 'less than' 20%."), "Joint stock, limited liability and private firms' share of domestic sales", TRADE_STRUCTURE),
        say(Fig3, "jsc_llc_private", "share_of_domestic_sales", Some(2004), Percent, c(34.0), "Joint stock, limited liability and private firms' share of domestic sales", TRADE_STRUCTURE),
        say(Fig3, "foreign_funded", "share_of_domestic_sales", Some(1993), Percent, n(20.0, "Given as 'about' 20%."), "Foreign-invested firms' share of domestic sales", TRADE_STRUCTURE),
        say(Fig3, "foreign_funded", "share_of_domestic_sales", Some(2003), Percent, c(53.0), "Foreign-invested firms' share of domestic sales", TRADE_STRUCTURE),
        say(Fig3, "foreign_funded", "share_of_domestic_sales", Some(2004), Percent, c(57.0), "Foreign-invested firms' share of domestic sales", TRADE_STRUCTURE),
        // Figure 4: R&D.
        say(Fig4, "china", "ict_rd_share_of_gdp", Some(2002), Percent, n(0.13, "Includes R&D spending of wholly foreign-owned firms and joint ventures."), "China's ICT R&D spending as a share of GDP", DYNAMIC),
        say(Text, "china", "scientists_engineers_rank", None, Rank, n(5.0, "Behind the US, Japan, Korea and France, ahead of Germany (OECD data)."), "China's rank by number of scientists and engineers", DYNAMIC),
        // Ownership, alongside Table 1.
        say(Text, "state_controlled", "share_domestic_assets_average_2003_2005", None, Percent, c(73.0), "State-controlled firms' average share of domestic assets, 2003–2005", OWNERSHIP),
        say(Text, "private", "share_total_assets_max_before_1997", None, Percent, n(0.5, "An upper bound: 'no more than'."), "Private firms' highest share of total assets before 1997", OWNERSHIP),
        say(Text, "private", "share_domestic_assets_max_before_1997", None, Percent, n(0.8, "An upper bound: 'no more than'."), "Private firms' highest share of domestic assets before 1997", OWNERSHIP),
        say(Text, "private", "share_total_assets", Some(2005), Percent, c(5.0), "Private firms' share of total assets", OWNERSHIP),
        say(Text, "private", "share_domestic_assets", Some(2005), Percent, n(15.0, "Given as 'about' 15%."), "Private firms' share of domestic assets", OWNERSHIP),
        say(Text, "foreign_funded", "share_total_assets", Some(1997), Percent, c(34.0), "Foreign-invested firms' share of total assets", EMERGENCE),
        say(Text, "foreign_funded", "share_total_assets", Some(2005), Percent, c(68.0), "Foreign-invested firms' share of total assets", EMERGENCE),
        // FDI, alongside Table 2.
        say(Text, "fdi", "actual_utilized", Some(2000), BillionUsd, n(1.44, "The paper ties this to China joining the WTO, which it dates to 2000 here but to 2001 in section 2."), "ICT FDI in the year of WTO entry", EMERGENCE),
        say(Text, "fdi", "actual_utilized", Some(2004), BillionUsd, c(8.6), "ICT FDI", EMERGENCE),
        say(Text, "government", "ict_investment_1990_2002", None, BillionYuan, c(180.0), "Government investment in the ICT industry, 1990–2002", EMERGENCE),
        say(Text, "fdi", "multiple_of_government_investment_1990_2002", None, Times, n(2.0, "A lower bound: officials estimated FDI at 'more than twice' government investment."), "FDI relative to government investment, 1990–2002", EMERGENCE),
        say(Text, "fdi", "accumulated", Some(2005), BillionUsd, n(100.0, "A lower bound: 'more than' US$100 billion."), "Accumulated ICT FDI", EMERGENCE),
        say(Text, "fortune_it_500", "share_investing_in_china", None, Percent, c(90.0), "Share of Fortune's top 500 IT firms with investments in China", EMERGENCE),
        // Production.
        say(Text, "china", "ict_output", Some(2003), BillionUsd, c(14.7), "China's ICT industrial output", EMERGENCE),
        say(Text, "china", "ict_output", Some(2005), BillionUsd, c(20.1), "China's ICT industrial output", EMERGENCE),
        say(Text, "china", "world_output_share", Some(2003), Percent, c(13.1), "China's share of world ICT output", EMERGENCE),
        say(Text, "china", "world_output_share", Some(2005), Percent, c(15.1), "China's share of world ICT output", EMERGENCE),
        say(Text, "china", "world_output_rank", None, Rank, n(3.0, "Throughout 2003–2005."), "China's rank among ICT producers", EMERGENCE),
        say(Text, "japan", "world_output_rank", None, Rank, n(2.0, "In the passage on 2003–2005."), "Japan's rank among ICT producers", EMERGENCE),
        say(Text, "usa", "world_output_rank", None, Rank, n(1.0, "In the passage on 2003–2005."), "The US rank among ICT producers", EMERGENCE),
        say(Text, "japan", "output_share_gap_to_china", Some(2003), PercentagePoints, c(2.1), "Japan's lead over China in world output share", EMERGENCE),
        say(Text, "japan", "output_share_gap_to_china", Some(2005), PercentagePoints, c(0.6), "Japan's lead over China in world output share", EMERGENCE),
        say(Text, "usa", "output_share_gap_to_china", Some(2003), PercentagePoints, c(12.4), "The US lead over China in world output share", EMERGENCE),
        say(Text, "usa", "output_share_gap_to_china", Some(2005), PercentagePoints, c(5.5), "The US lead over China in world output share", EMERGENCE),
        // Products.
        say(Text, "computers", "share_of_ict_output_average_since_2002", None, Percent, n(30.0, "An average since 2002."), "Computers' average share of ICT output", EMERGENCE),
        say(Text, "computers", "ict_output_branch_rank_since_2002", None, Rank, n(1.0, "The paper says computers and related products hold the largest share of ICT output, while every other branch's share has shrunk."), "Computers' rank among ICT branches by output", EMERGENCE),
        say(Text, "computers", "share_of_ict_exports", Some(1996), Percent, c(29.0), "Computers' share of China's ICT exports", EMERGENCE),
        say(Text, "computers", "share_of_ict_exports", Some(2004), Percent, n(46.0, "The paper calls this 'the majority' of exports."), "Computers' share of China's ICT exports", EMERGENCE),
        say(Text, "computers", "china_share_of_world_production", None, Percent, n(23.6, "Stated for 'now', in a passage about 2004."), "Share of the world's computers made in China", EMERGENCE),
        say(Text, "laptops", "exports", Some(2004), MillionUnits, c(27.5), "Laptops exported by China", EMERGENCE),
        say(Text, "laptops", "share_of_computer_exports", Some(2004), Percent, c(60.9), "Laptops' share of China's computer exports", EMERGENCE),
        say(Text, "laptops", "china_world_production_rank", Some(2004), Rank, n(1.0, "The paper says China overtook Taiwan as the largest producer that year."), "China's rank among laptop producers", EMERGENCE),
        say(Text, "televisions", "china_share_of_world_market", Some(2004), Percent, c(55.0), "China's share of the world TV market", EMERGENCE),
        say(Text, "televisions", "china_world_market_rank", Some(2004), Rank, n(1.0, "The paper says China has the largest share of the world TV market."), "China's rank in the world TV market", EMERGENCE),
        say(Text, "mobile_phones", "china_share_of_world_market", Some(2004), Percent, c(35.1), "China's share of the world mobile phone market", EMERGENCE),
        say(Text, "mobile_phones", "china_world_market_rank", Some(2004), Rank, n(1.0, "The paper says China has the largest share of the world mobile phone market."), "China's rank in the world mobile phone market", EMERGENCE),
        say(Text, "components", "share_of_ict_imports_max_before_2000", None, Percent, n(50.0, "An upper bound: 'less than' 50%."), "Components' share of ICT imports before 2000", TECH_STRUCTURE),
        say(Text, "components", "share_of_ict_imports", Some(2004), Percent, c(65.0), "Components' share of ICT imports", TECH_STRUCTURE),
        say(Text, "integrated_circuits", "trade_deficit", None, BillionUsd, c(50.0), "China's trade deficit in integrated circuits", TECH_STRUCTURE),
        say(Text, "semiconductors", "trade_deficit", None, BillionUsd, c(7.0), "China's trade deficit in semiconductors for phones and computers", TECH_STRUCTURE),
        say(Text, "processing_imported_materials", "share_of_exports_typical_1997_2004", None, Percent, n(70.0, "Given as 'about' 70%, for 1997–2004 except 2001."), "Typical share of exports from import processing", TECH_STRUCTURE),
        // R&D centres and outward investment.
        say(Text, "foreign_rd_centres", "count", Some(2006), Count, n(750.0, "A lower bound: 'over' 750."), "Foreign-funded R&D centres in China", EMERGENCE),
        say(Text, "foreign_rd_centres", "sample_size", Some(2004), Count, c(466.0), "Foreign R&D centres in a survey sample", "Footnote 23"),
        say(Text, "foreign_rd_centres", "ict_share_of_sample", Some(2004), Percent, c(52.0), "Share of the sampled foreign R&D centres that are ICT related", "Footnote 23"),
        say(Text, "chinese_firms", "top100_with_foreign_subsidiaries", Some(2004), Count, c(25.0), "Top-100 Chinese ICT firms with foreign subsidiaries", EMERGENCE),
        say(Text, "china", "rd_centres_in_advanced_countries", None, Count, c(20.0), "Chinese-invested R&D centres in advanced countries", EMERGENCE),
        // Firms.
        say(Text, "lenovo", "ibm_pc_purchase_price", Some(2005), BillionUsd, c(1.75), "Price Lenovo paid for IBM's PC business", EMERGENCE),
        say(Text, "lenovo", "revenue", Some(2006), BillionUsd, n(13.0, "The paper dates this after the IBM deal 'in 2006', while it dates the deal itself to 2005."), "Lenovo's revenue after the IBM deal", FIRM_LEVEL),
        say(Text, "lenovo", "revenue_growth_multiple", Some(2006), Times, n(4.0, "The paper says Lenovo 'quadrupled' its revenue."), "Growth of Lenovo's revenue through the IBM deal", FIRM_LEVEL),
        say(Text, "ibm", "revenue", Some(2006), BillionUsd, Cell::uncertain(91.0, UNDATED_RIVAL), "IBM's revenue", FIRM_LEVEL),
        say(Text, "dell", "revenue", Some(2006), BillionUsd, Cell::uncertain(55.0, UNDATED_RIVAL), "Dell's revenue", FIRM_LEVEL),
        say(Text, "ibm", "size_multiple_of_lenovo", Some(2006), Times, n(9.0, "The paper says Lenovo is 'one-ninth the size' of IBM."), "IBM's size relative to Lenovo, as stated", FIRM_LEVEL),
        say(Text, "dell", "size_multiple_of_lenovo", Some(2006), Times, n(5.0, "The paper says Lenovo is 'one-fifth the size' of Dell."), "Dell's size relative to Lenovo, as stated", FIRM_LEVEL),
        say(Text, "hongfujin", "exports", Some(2005), BillionUsd, n(14.5, "A subsidiary of Taiwan's Foxconn."), "Hongfujin Precision's exports", FIRM_LEVEL),
        say(Text, "hongfujin", "export_rank", Some(2005), Rank, n(1.0, "The paper calls it China's largest ICT exporter."), "Hongfujin Precision's rank among China's ICT exporters", FIRM_LEVEL),
        say(Text, "huawei", "exports", Some(2005), BillionUsd, c(2.0), "Huawei's exports", FIRM_LEVEL).printed_with(1),
        say(Text, "hongfujin", "multiple_of_huawei_exports", Some(2005), Times, n(7.0, "The paper says 'seven times more than' Huawei."), "Hongfujin's exports relative to Huawei's, as stated", FIRM_LEVEL),
        say(Text, "fengda", "exports", Some(2005), BillionUsd, Cell::corrected(11.5, "OCR printed 'SI 1.5': the S is the dollar sign and the I the digit 1, and a value of 1.5 would not fit the ranking, which places this firm second."), "Fengda Shanghai Computer's exports", FIRM_LEVEL),
        say(Text, "asustek", "exports", Some(2005), BillionUsd, c(6.2), "ASUSTeK Computer's exports", FIRM_LEVEL),
        say(Text, "motorola", "exports", Some(2005), BillionUsd, c(6.4), "Motorola's exports from China", FIRM_LEVEL),
        say(Text, "samsung", "exports", Some(2005), BillionUsd, c(3.5), "Samsung's exports from China", FIRM_LEVEL),
        say(Text, "chinese_firms", "multinationals_in_world_top_250", None, Count, n(0.0, "The paper says none of China's multinationals is on the OECD's list of the world's 250 largest ICT firms."), "Chinese multinationals among the world's 250 largest ICT firms", FIRM_LEVEL),
        say(Text, "china_mobile", "rank_in_world_top_250", None, Rank, n(43.0, "The footnote adds that China Mobile serves mainly the domestic market. OCR garbled the year of the ranking ('20tH')."), "China Mobile's rank among the world's largest ICT firms", "Footnote 28"),
        // Market.
        say(Text, "china", "ict_market_sales", Some(2005), BillionUsd, c(118.0), "China's domestic ICT market", DYNAMIC),
        say(Text, "china", "ict_market_rank", Some(2005), Rank, c(6.0), "China's rank among ICT markets", DYNAMIC),
        say(Text, "china", "mobile_phone_market_rank", None, Rank, c(1.0), "China's rank among mobile phone markets", DYNAMIC),
        say(Text, "china", "pc_market_rank", None, Rank, c(2.0), "China's rank among PC markets", DYNAMIC),
        say(Text, "china", "semiconductor_market_rank", None, Rank, c(3.0), "China's rank among semiconductor markets", DYNAMIC),
        // Table 3 in the prose.
        say(Text, "total", "profit_to_sales", Some(2003), Percent, c(6.0), "Whole industry's profit over sales", TRADE_STRUCTURE).printed_with(1),
        say(Text, "total", "profit_to_sales", Some(2004), Percent, c(3.1), "Whole industry's profit over sales", TRADE_STRUCTURE),
        say(Text, "total", "value_added_to_sales_average", None, Percent, n(21.5, "Stated as an average, citing Table 3; the paper does not say over which years or firms."), "Average value added over sales", TECH_STRUCTURE),
        // IBM, footnote 55.
        say(Text, "ibm", "hardware_income_rank_before_2000", None, Rank, n(1.0, "The footnote says hardware had the biggest share of IBM's income before 2000."), "Hardware's rank among IBM's sources of income before 2000", "Footnote 55"),
        say(Text, "ibm", "hardware_share_of_income", Some(2002), Percent, Cell::missing("The footnote says the share fell sharply by 2002, but OCR reduced the number to '10~\"'; it cannot be read."), "IBM's hardware share of income", "Footnote 55"),
        say(Text, "ibm", "services_share_of_revenue_to_2004", None, Percent, n(45.0, "The footnote's period runs to 2004; OCR garbled its first year (it reads like 1998)."), "IBM's services share of revenue, in a period ending 2004", "Footnote 55"),
        say(Text, "ibm", "services_revenue_growth_to_2004", None, Percent, n(17.0, "Growth per year. The footnote's period runs to 2004; OCR garbled its first year (it reads like 1998)."), "Yearly growth of IBM's services revenue", "Footnote 55"),
        say(Text, "ibm", "software_revenue_share_start", None, Percent, Cell::missing("OCR reduced the starting share to 'YJ'; it cannot be read, nor can the first year of the period."), "Software share of IBM revenue at the start of the period", "Footnote 55"),
        say(Text, "ibm", "software_revenue_share_end", Some(2004), Percent, n(50.0, "A lower bound: 'over' 50%."), "Software share of IBM revenue at the end of the period", "Footnote 55"),
    ]
};
