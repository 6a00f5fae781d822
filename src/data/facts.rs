//! Facts of the paper besides the numbers of its tables and figures: the sections a number or
//! a statement is quoted from, and the dates it gives for events. They are data like the
//! numbers, so the data, the checks and the claims read them from here instead of each keeping
//! its own copy.

/// The parts of the paper that the prose numbers and the claims are quoted from, each named
/// once: by its heading where the OCR text keeps one, else by its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Section 2's account of where the strategies came from.
    Origins,
    /// Section 2's account of state ownership.
    StateOwnership,
    Emergence,
    TradeStructure,
    TechStructure,
    /// Section 3's figures for single firms.
    FirmLevel,
    LearningAndUpgrading,
    NetworkControl,
    DynamicCompetition,
}

impl Section {
    /// Every section, in the paper's order.
    pub const ALL: [Section; 9] = [
        Section::Origins,
        Section::StateOwnership,
        Section::Emergence,
        Section::TradeStructure,
        Section::TechStructure,
        Section::FirmLevel,
        Section::LearningAndUpgrading,
        Section::NetworkControl,
        Section::DynamicCompetition,
    ];

    /// How a source names the section: its number, then its heading in quotes or its subject.
    pub const fn label(self) -> &'static str {
        match self {
            Section::Origins => "Section 2, on the strategies' origins",
            Section::StateOwnership => "Section 2, on state ownership",
            Section::Emergence => "Section 3, 'China's emergence in the world ICT industry'",
            Section::TradeStructure => {
                "Section 3, 'Trade and production structure of the walking-out'"
            }
            Section::TechStructure => "Section 3, 'Technological structure of the walking-out'",
            Section::FirmLevel => "Section 3, firm-level data",
            Section::LearningAndUpgrading => "Section 4, 'Technological learning and upgrading'",
            Section::NetworkControl => "Section 4, 'Network controlling capability'",
            Section::DynamicCompetition => "Section 4, 'Keeping up with dynamic competition'",
        }
    }
}

/// The places the paper quotes some numbers in, as their sources name them (each section by
/// its [`Section`] label), each once, in the order met: "A", "A and B", "A, B and C".
pub fn quoted_in<'a>(sources: impl IntoIterator<Item = &'a str>) -> String {
    let mut places: Vec<&str> = Vec::new();
    for source in sources {
        if !places.contains(&source) {
            places.push(source);
        }
    }
    match places.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// One of the paper's dates for China's WTO entry.
pub struct WtoDate {
    pub year: u16,
    /// Where the paper gives it.
    pub source: &'static str,
    /// The claim that states it.
    pub claim: &'static str,
}

/// The two dates the paper gives for China's WTO entry: section 3 ties the FDI figure for the
/// entry to "2000", section 2 speaks of the accession "in 2001".
pub const WTO_DATES: [WtoDate; 2] = [
    WtoDate {
        year: 2000,
        source: Section::Emergence.label(),
        claim: "text-wto-entry-2000",
    },
    WtoDate {
        year: 2001,
        source: Section::StateOwnership.label(),
        claim: "text-wto-accession-2001",
    },
];

/// The year China joined the WTO: section 2's date. China became a member on 11 December 2001,
/// so section 3's "in 2000" is the slip, and the FDI figure tied to the entry is read against
/// 2001.
pub const WTO_ACCESSION_YEAR: u16 = 2001;

/// Whether the paper's dates for the WTO entry agree (they are the paper's words, not data, so
/// the answer does not change with the numbers).
pub fn wto_dates_agree() -> bool {
    WTO_DATES.iter().all(|date| date.year == WTO_DATES[0].year)
}

/// The full citation of the paper.
pub const CITATION: &str = "Ning, Lutao (2009). China's Leadership in the World ICT Industry: A Successful Story of Its \"Attracting-In\" and \"Walking-Out\" Strategy for the Development of High-Tech Industries? Pacific Affairs 82(1), 67–91.";
