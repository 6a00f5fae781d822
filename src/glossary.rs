//! The glossary: the paper's terms and abbreviations, defined in our own words, and where they
//! occur in a text. A student who opens the file at home has nobody to ask what an SCE is, so
//! every place that uses a term offers its definition (see `html::glossary`).

use std::borrow::Cow;

/// One term of the glossary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// A stable id for links and popovers (`def-soe`).
    pub id: &'static str,
    /// The term as the glossary lists it.
    pub term: &'static str,
    /// The spellings that name it in our labels and notes, matched as whole words and with
    /// their case; the first that occurs in a text is the one offered there.
    pub spellings: &'static [&'static str],
    /// What it means, in our own words. The definitions are written into the page when it is
    /// built (`html::glossary_popovers`), so the WebAssembly leaves them out.
    #[cfg(not(target_arch = "wasm32"))]
    pub definition: &'static str,
}

/// Every term, in the glossary's order.
pub const TERMS: &[Term] = &[
    Term {
        id: "attracting-in",
        term: "Attracting-in (yinjinlai)",
        spellings: &["attracting-in", "Attracting-in"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "China's policy of drawing foreign investment, technology and firms into the country, so that domestic firms could learn from them.",
    },
    Term {
        id: "walking-out",
        term: "Walking-out (zouchuqu)",
        spellings: &["walking-out", "Walking-out"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "China's policy of sending its own firms abroad: first by exporting, then by investing and buying firms in other countries.",
    },
    Term {
        id: "fdi",
        term: "FDI (foreign direct investment)",
        spellings: &["FDI", "foreign direct investment", "Foreign direct investment"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "Money a firm invests in another country to set up or take a lasting, controlling stake in a business there, such as a factory or a subsidiary; buying a few shares on a stock market is not FDI. Table 2 gives the FDI China actually used in its ICT industry.",
    },
    Term {
        id: "soe",
        term: "SOE (state-owned enterprise)",
        spellings: &["SOEs", "SOE", "State owned", "state-owned", "State-owned"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm owned by the state, through the central or a local government.",
    },
    Term {
        id: "sce",
        term: "SCE (state-controlled enterprise)",
        spellings: &["SCEs", "SCE", "State controlled", "state-controlled", "State-controlled"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm in which the state holds the largest share, though not necessarily most of it, while others own the rest. Table 1's note counts joint ventures with foreign firms among them when the state is the largest owner, and many joint stock firms are SCEs, so Table 1's SCE row overlaps the other types, foreign-funded firms included, and is not added to them.",
    },
    Term {
        id: "collective",
        term: "Collective enterprise",
        spellings: &["Collective", "collective", "collectives"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm owned in common by its workers or by a local community such as a township or a village.",
    },
    Term {
        id: "jsc",
        term: "JSC (joint stock company)",
        spellings: &["JSCs", "JSC", "Joint stock", "joint stock", "joint-stock"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm whose capital is divided into shares held by several owners. Many former SOEs were turned into joint stock companies, often with the state keeping the largest block of shares.",
    },
    Term {
        id: "jsc-cooperative",
        term: "Joint-stock cooperative",
        spellings: &["Joint-stock cooperative"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A small firm, often a former collective, whose workers hold its shares and share its profits.",
    },
    Term {
        id: "private",
        term: "Private enterprise",
        spellings: &["Private", "private firms"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm owned by Chinese individuals rather than by the state, a community or foreign investors.",
    },
    Term {
        id: "fie",
        term: "FIE (foreign-invested enterprise)",
        spellings: &["FIEs", "FIE", "Foreign funded", "foreign-funded", "Foreign-funded"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm in China with foreign capital in it: a joint venture with a Chinese partner, or a firm wholly owned by foreign investors. The tables call them foreign funded.",
    },
    Term {
        id: "wfoe",
        term: "WFOE (wholly foreign-owned enterprise)",
        spellings: &["WFOEs", "WFOE", "Wholly foreign-owned enterprises", "wholly foreign-owned"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A foreign-invested firm with no Chinese partner: all its capital is foreign.",
    },
    Term {
        id: "jv",
        term: "JV (joint venture)",
        spellings: &["JVs", "joint venture", "joint ventures"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm owned together by a foreign and a Chinese partner.",
    },
    Term {
        id: "domestic",
        term: "Domestic funded",
        spellings: &["Domestic funded", "domestic-funded"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "All firms without foreign capital: state-owned, collective, joint stock, private and the rest.",
    },
    Term {
        id: "processing-imported",
        term: "Processing with imported materials",
        spellings: &["Processing with imported materials", "imported materials", "import processing"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A firm in China buys parts and materials abroad, assembles or processes them, and exports the product. It owns the materials it imports.",
    },
    Term {
        id: "processing-customer",
        term: "Processing with customer's materials",
        spellings: &["Processing with customer's materials", "customer's materials"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A foreign customer sends parts and materials, keeps owning them, and pays a plant in China a fee to assemble them; the product goes back abroad.",
    },
    Term {
        id: "ordinary-trade",
        term: "Ordinary trade",
        spellings: &["Ordinary trade", "ordinary trade"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "Exports outside the processing arrangements. Table 4's footnote describes them as exports by firms holding foreign trading rights.",
    },
    Term {
        id: "value-added",
        term: "Value added",
        spellings: &["Value added", "value added", "value-added"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "What a firm adds to what it buys: its output minus the materials, parts and services it uses. Value added over sales shows how much of each sale was made in the firm itself.",
    },
    Term {
        id: "index",
        term: "Index (base year = 100)",
        spellings: &["Index", "index"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "Each year's value divided by the base year's, times 100: 150 means half as much again as in the base year. It compares growth, not levels.",
    },
    Term {
        id: "pp",
        term: "pp (percentage points)",
        spellings: &["percentage points", "pp"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "The difference between two percentages. A share that rises from 20% to 30% gains 10 pp, which is a 50% rise of the share itself.",
    },
    Term {
        id: "cagr",
        term: "CAGR (compound annual growth rate)",
        spellings: &["CAGR", "compound annual growth"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "The steady yearly growth that would take the first value to the last over the years between them: (last ÷ first)^(1 ÷ years) − 1.",
    },
    Term {
        id: "rd-intensity",
        term: "R&D intensity",
        spellings: &["R&D spending over value added", "R&D intensity"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "Spending on research and development as a percentage of value added: how much of what an industry produces it puts back into research.",
    },
    Term {
        id: "gpn",
        term: "GPN (global production network)",
        spellings: &["GPNs", "GPN", "global production network"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "The chain of firms in many countries that design, make and assemble a product, usually led by a multinational that keeps the design and the brand.",
    },
    Term {
        id: "corrected",
        term: "Corrected value",
        spellings: &["corrected"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A number garbled in the OCR text that admits only one reading of its characters, for example a point printed where the table uses a thousands comma; the note says why.",
    },
    Term {
        id: "uncertain",
        term: "Uncertain value",
        spellings: &["uncertain"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "Our best reading of a number garbled in the OCR text; the note names the other readings. Treat conclusions drawn from it with care.",
    },
    Term {
        id: "missing",
        term: "Missing value",
        spellings: &["missing"],
        #[cfg(not(target_arch = "wasm32"))]
        definition: "A number the paper does not print, or that the OCR text lost beyond reading. It is a gap, never zero, and nothing computed from it is shown.",
    },
];

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    TERMS.iter().find(|term| term.id == id)
}

/// Where a term first occurs in `text`: its byte range and the term. A spelling counts only as
/// a whole word (not inside another word), and each term is found at most once.
pub fn occurrences(text: &str) -> Vec<(std::ops::Range<usize>, &'static Term)> {
    occurrences_spelled(text, Cow::Borrowed)
}

/// [`occurrences`] in a text of another language, whose spellings of the terms `spelled` gives
/// (a spelling it gives unchanged is looked for as written).
pub fn occurrences_spelled(
    text: &str,
    spelled: impl Fn(&'static str) -> Cow<'static, str>,
) -> Vec<(std::ops::Range<usize>, &'static Term)> {
    let mut found: Vec<(std::ops::Range<usize>, &'static Term)> = Vec::new();
    for term in TERMS {
        let first = term
            .spellings
            .iter()
            .filter_map(|spelling| {
                let spelling = spelled(spelling);
                whole_word(text, &spelling).map(|start| start..start + spelling.len())
            })
            .min_by_key(|range| range.start);
        if let Some(range) = first {
            // Two terms never share letters ("State controlled" is not also "controlled").
            if found
                .iter()
                .all(|(taken, _)| range.end <= taken.start || range.start >= taken.end)
            {
                found.push((range, term));
            }
        }
    }
    crate::sort::by_key(&mut found, |(range, _)| range.start);
    found
}

/// The first place `word` occurs in `text` with no Latin letter or digit touching it where the
/// word itself begins or ends with one (Chinese writes no spaces between words, so a Chinese
/// spelling is a word wherever it occurs).
fn whole_word(text: &str, word: &str) -> Option<usize> {
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (starts_latin, ends_latin) = (latin(word.chars().next()), latin(word.chars().next_back()));
    text.match_indices(word)
        .map(|(start, _)| start)
        .find(|&start| {
            let before = text[..start].chars().next_back();
            let after = text[start + word.len()..].chars().next();
            let touched = (starts_latin && joins(before)) || (ends_latin && joins(after));
            !touched
        })
}
