//! The built-in story, "The paper's argument": Ning (2009) step by step, from why China let
//! foreign investment in first to what the paper's own numbers do and do not support.
//!
//! Captions are our own words and cite the table or section they rest on; where a step leans on
//! a cell that was garbled in the OCR text, the caption says so. Every answer is computed by
//! [`Question::answer`] from the cells named here, never written down.
//!
//! Each step's view is written as a link query and normalized through [`State`], so it is always
//! in the form [`State::to_query`] gives. The annotation parameters (`emph`, `mark`, `band`,
//! `note`) are kept as written where the view's state does not (yet) carry them itself.

use super::{Ask, Question, Step, Story, BUILT_IN};
use crate::view::{Setting, State};

/// The link parameters that annotate a view: emphasised series, reference lines, shaded
/// spans and callouts.
const ANNOTATIONS: [Setting; 4] = [
    Setting::Emphasis,
    Setting::ReferenceLines,
    Setting::Bands,
    Setting::Notes,
];

/// A view query in its canonical form: what `State::from_query(query).0.to_query()` gives, with
/// any annotation that the state does not carry appended as written, in the order of
/// [`ANNOTATIONS`].
fn view(query: &str) -> String {
    let canonical = State::from_query(query).0.to_query();
    let kept: Vec<(String, String)> = form_urlencoded::parse(canonical.as_bytes())
        .into_owned()
        .collect();
    let written: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let mut link = form_urlencoded::Serializer::new(String::new());
    link.extend_pairs(&kept);
    for setting in ANNOTATIONS {
        let name = setting.name();
        if kept.iter().any(|(key, _)| key == name) {
            continue;
        }
        for (key, value) in written.iter().filter(|(key, _)| key == name) {
            link.append_pair(key, value);
        }
    }
    link.finish()
}

/// A question about cells named by their `dataset/series/measure/year` keys.
fn question(text: &str, ask: Ask, cells: &[&str]) -> Option<Question> {
    Some(Question {
        text: text.to_string(),
        ask,
        cells: cells.iter().map(|cell| cell.to_string()).collect(),
    })
}

fn step(title: &str, caption: &str, query: &str, question: Option<Question>) -> Step {
    Step {
        title: title.to_string(),
        caption: caption.to_string(),
        view: view(query),
        question,
    }
}

pub(super) fn story() -> Story {
    Story {
        id: BUILT_IN,
        title: "The paper's argument".to_string(),
        steps: steps(),
    }
}

fn steps() -> Vec<Step> {
    vec![
        step(
            "Why attracting-in came first",
            "Section 2 explains why China invited foreign investors in before it sent its own firms abroad: in the 1980s the state was short of energy, food and jobs, and had little money of its own for a capital-hungry electronics industry. Foreign firms were to bring that capital, and assembly work for multinationals was to be the first step towards exports. Table 2's early inflows are small and fall back during the Asian financial crisis, and the paper warns that before 2001 they may cover electronics manufacturing only.",
            "view=fdi&years=1995,1997,1999&band=1995-1999:May cover electronics only",
            None,
        ),
        step(
            "The FDI surge",
            "Table 2 shows actually utilised foreign investment in ICT multiplying after 2001. Read the rise with care: the marked line is where, the paper warns, the figures may widen from electronics manufacturing to the whole industry, and the 2003 and 2004 values, starred in the table, were announced by ministry officials rather than taken from the yearbook. The prose puts FDI at 1.44 bn US$ in the year of WTO entry, which it dates to 2000, but Table 2 prints nothing for 2000 and 1,343 m US$ for 2001 (see Data quality).",
            "view=fdi&mark=2001:Coverage may widen to all ICT&band=2003-2004:Figures announced by officials",
            question(
                "How fast did actually utilised ICT FDI grow per year from 2001 to 2004, on Table 2's figures?",
                Ask::Growth,
                &["table2/fdi/actual_utilized/2001", "table2/fdi/actual_utilized/2004"],
            ),
        ),
        step(
            "Foreign firms take over the assets",
            "Table 1 divides the industry's assets by ownership: foreign-funded firms held about a third of them in 1997 and more than two thirds by 2005, with the steepest rise after WTO entry at the end of 2001. Section 3 quotes the same two shares. Two joint-stock shares (1999 and 2001) and private firms' 1999 share were garbled in the OCR text and are corrected, and the printed shares of 1999 and 2001 add up to a little under 100%.",
            "view=ownership&measure=share_total_assets&emph=foreign_funded&mark=2001:WTO entry at the end of 2001&note=foreign_funded@2005:Foreign firms hold 68%",
            question(
                "By how many percentage points did foreign-funded firms' share of the industry's total assets grow from 1997 to 2005?",
                Ask::Change,
                &[
                    "table1/foreign_funded/share_total_assets/1997",
                    "table1/foreign_funded/share_total_assets/2005",
                ],
            ),
        ),
        step(
            "State-owned to joint stock, the state in control",
            "Among domestic-funded firms, Table 1 shows assets moving away from traditional state-owned firms (70% of domestic assets in 1997, 23% in 2005), mostly to joint-stock companies. The state kept control all the same: firms in which it is the largest shareholder, the state-controlled rows, still held 79% and 70% of domestic assets. Those rows are printed for two years only and the OCR text loses their columns, so their placing in 2003 and 2005 is our reading, the only one that fits the rest of the table.",
            "view=ownership&measure=share_domestic_assets&series=state_owned,collective,joint_stock,private,state_controlled&emph=state_owned,joint_stock,state_controlled&note=state_controlled@2005:State-controlled firms hold 70%",
            question(
                "By how many percentage points did joint-stock firms' share of domestic-funded firms' assets change from 1997 to 2005?",
                Ask::Change,
                &[
                    "table1/joint_stock/share_domestic_assets/1997",
                    "table1/joint_stock/share_domestic_assets/2005",
                ],
            ),
        ),
        step(
            "The world's largest ICT exporter",
            "Figure 1 prints no numbers, but section 3 reads off it that China's ICT exports reached 180 bn US$ in 2004 and overtook those of the United States. Output grew as well: the same section ranks China third among producers, with 13.1% of world ICT output in 2003 and 15.1% in 2005. The output amounts quoted beside those shares are smaller than the exports, so a unit or a decimal point was probably lost there (see Data quality).",
            "view=trade&note=china@2004:Largest ICT exporter in 2004",
            question(
                "By how many percent did China's ICT exports exceed those of the United States in 2004?",
                Ask::Change,
                &["fig1/usa/exports/2004", "fig1/china/exports/2004"],
            ),
        ),
        step(
            "But foreign firms make the exports",
            "Figure 2's numbers are not printed either; the prose says foreign-invested firms made 92% of China's ICT exports in 2004, and wholly foreign-owned firms alone nearly two thirds. Domestic firms' share slipped from 16% in 2003 to 14% in 2004 while their share of the imports was larger still, which the paper reads as a trade deficit. The 92% and the 14% add up to more than 100%, so one of them must be wrong (see Data quality).",
            "view=trade&topic=export_shares&emph=foreign_funded&note=foreign_funded@2004:92% of exports by foreign firms",
            None,
        ),
        step(
            "Domestic firms lose the home market",
            "Table 3 gives each type of firm's share of China's own ICT market from 2001 to 2004. Foreign-funded firms gained every year and held more than half the market from 2002, while the first column, whose header was lost in the OCR text and which we read as state-owned firms, shrank to a third of its 2001 share. One 2001 value, for joint-stock cooperatives, was garbled in the OCR text and is only a best guess.",
            "view=market&emph=foreign_funded,state_owned&note=foreign_funded@2004:57% of domestic sales",
            question(
                "By how many percentage points did foreign-funded firms' share of the domestic market grow from 2001 to 2004?",
                Ask::Change,
                &[
                    "table3/foreign_funded/domestic_market_share/2001",
                    "table3/foreign_funded/domestic_market_share/2004",
                ],
            ),
        ),
        step(
            "Thin margins",
            "Table 3 also shows how little the firms earned: profit stayed below 9% of sales for every type in every year whose figure can be read (two 2004 figures cannot), and the first column, read as state-owned firms, made a loss in 2004. The industry line is our average of the six types weighted by market share; it has no value for 2004, where two profit figures were garbled in the OCR text beyond reading, and two more (joint-stock cooperatives in 2001 and 2004) are best guesses. The prose's 6.0% for the whole industry in 2003 is well above that average (see Data quality).",
            "view=market&measure=profit_to_sales&series=state_owned,collective,joint_stock_cooperative,joint_stock,private,foreign_funded,industry&emph=industry",
            None,
        ),
        step(
            "Processing trade dominates exports",
            "Table 4 splits China's ICT exports by customs regime. Assembling imported materials for re-export, already two thirds of exports in 1998, kept growing, and together with processing of customers' materials it made up nearly nine tenths of exports in every year shown; ordinary trade stayed below a tenth. With value added at about a fifth of sales (Table 3), most of the value in these exports was created abroad.",
            "view=exports&emph=processing_imported_materials&note=processing_imported_materials@2004:Import processing",
            question(
                "By how many percentage points did processing with imported materials grow as a share of ICT exports from 1998 to 2004?",
                Ask::Change,
                &[
                    "table4/processing_imported_materials/share/1998",
                    "table4/processing_imported_materials/share/2004",
                ],
            ),
        ),
        step(
            "Lenovo beside the giants",
            "Section 3 then weighs the walking-out firms themselves. Lenovo bought IBM's PC business in 2005 and its revenue rose to 13 bn US$, yet IBM and Dell remained far larger, and no Chinese multinational ranked among the world's top 250 ICT firms. The paper puts Lenovo at a ninth of IBM's size and a fifth of Dell's, but the revenues it quotes make it nearer a seventh and a quarter. It gives IBM's and Dell's revenues no year: placing them in 2006, beside Lenovo's, is a reading.",
            "view=trade&topic=firm_revenues&emph=lenovo&note=lenovo@2006:Lenovo after buying IBM's PCs",
            question(
                "What was Lenovo's revenue as a percentage of IBM's, on the figures section 3 quotes?",
                Ask::PercentOf,
                &["text/lenovo/revenue/2006", "text/ibm/revenue/2006"],
            ),
        ),
        step(
            "China's top exporters are not Chinese",
            "Walking-out was meant to turn Chinese firms into the country's exporters, but section 3's list of the largest ICT exporters in 2005 is headed by foreign subsidiaries. Hongfujin Precision, owned by Taiwan's Foxconn, shipped about seven times as much as Huawei, a Chinese firm the paper cites beside the list for comparison. The runner-up, Fengda (owned by Taiwan's Quanta), has a value that was garbled in the OCR text and is corrected, and the paper lists ASUSTeK before Motorola although Motorola exported slightly more.",
            "view=trade&topic=top_exporters_2005&emph=huawei&note=huawei@2005:Huawei, cited for comparison",
            question(
                "What were Huawei's 2005 exports as a percentage of Hongfujin Precision's?",
                Ask::PercentOf,
                &["text/huawei/exports/2005", "text/hongfujin/exports/2005"],
            ),
        ),
        step(
            "The R&D gap",
            "Table 5 compares R&D spending with value added in two branches of ICT manufacturing, and China's ratios are the lowest of the seven countries in both branches. Shown here as a percentage of each country's ratio, China's effort is in most comparisons under a quarter of the other country's. Each country is measured in its own reference year (China in 2003, the United States in 2001), and Japan's computer figure is so far above the rest that it may be a misprint in the source.",
            "view=rd&transform=relative&note=usa@electronic_telecom:China at a seventh of the US",
            question(
                "What was China's R&D spending over value added in electronic and telecom equipment as a percentage of the United States' ratio?",
                Ask::PercentOf,
                &[
                    "table5/china/electronic_telecom/2003",
                    "table5/usa/electronic_telecom/2001",
                ],
            ),
        ),
        step(
            "What the paper's own numbers support",
            "The Data quality view lists the places where our checks find the paper's numbers failing to agree, and none of them overturns the broad trends of Tables 1 to 4. Several figures in the prose differ from what the tables give: the 73% average for state-controlled firms, the 1.44 bn US$ of FDI at WTO entry, the 6.0% industry profit for 2003 and the 34% market share of joint stock, limited liability and private firms. Other prose figures contradict each other: the export shares add up to 106%, the revenues make Lenovo one-seventh of IBM, and output is quoted below exports. Table 1's assets are also too large to be billions of yuan, so compare its shares rather than its amounts.",
            "view=quality",
            None,
        ),
        step(
            "The verdict",
            "The paper concludes that attracting-in built China's ICT industry but walking-out has not made China its leader: assets, exports and the home market passed to foreign-funded firms, while domestic firms stayed small and earned thin margins, and the industry as a whole, foreign-funded firms included, spent little on R&D. That conclusion rests on trends that the disagreements in Data quality leave standing, even though a few of the cells behind this chart were garbled in the OCR text and are corrected.",
            "view=ownership&measure=share_total_assets&chart=stacked&band=2003-2005:After WTO entry (end of 2001)",
            None,
        ),
    ]
}
