//! Facts the paper states in words rather than as numbers of a table or a figure: the dates it
//! gives for events. They are data like the numbers, so the checks read them from here instead
//! of each keeping its own copy.

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
        source: "Section 3, 'China's emergence in the world ICT industry'",
        claim: "text-wto-entry-2000",
    },
    WtoDate {
        year: 2001,
        source: "Section 2, on state ownership",
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
