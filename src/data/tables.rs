//! Tables 1–5 of the paper, cell by cell, as read from the OCR text in `shared/seed/`.
//!
//! Reading rules: a cell the OCR printed legibly is `clean`; a garble with only one possible
//! reading (a thousands comma read as a point, a decimal point read as a comma, `I` for `1`) is
//! `corrected` with the reason; a garble with several readings is `uncertain` with the
//! alternatives; a lost value is `missing`. Nothing is filled in from other tables.

use super::{Cell, Dataset, Datum, Unit};

pub const TABLE1_YEARS: [u16; 5] = [1997, 1999, 2001, 2003, 2005];
/// Table 1's five ownership types, in printed order (without the overlapping state-controlled
/// rows and the total).
pub const TABLE1_TYPES: [&str; 5] = [
    "foreign_funded",
    "state_owned",
    "collective",
    "joint_stock",
    "private",
];
pub const TABLE3_YEARS: [u16; 4] = [2001, 2002, 2003, 2004];
pub const TABLE3_SERIES: [&str; 6] = [
    "state_owned",
    "collective",
    "joint_stock_cooperative",
    "joint_stock",
    "private",
    "foreign_funded",
];

pub const TABLE1_NOTE: &str = "Five year columns (1997–2005 in steps of two). For each ownership type the table gives the number of firms and its share of the whole industry's total assets; for the domestic-funded types it also gives the share of domestic-funded firms' assets. \
The state-controlled rows (SCEs: firms in which the state holds the largest stake, including state-controlled joint ventures) are printed for two years only. The OCR text loses their column positions; we place them in 2003 and 2005 because (a) the prose quotes SCEs' share of domestic assets for 2003–2005, and (b) only those years make the two share blocks agree: 33% of all assets over 79% of domestic assets means domestic firms held about 42% of all assets, so foreign firms about 58% (printed for 2003: 59%), and 22% over 70% gives about 31% domestic, 69% foreign (printed for 2005: 68%). \
Total assets are labelled 'billion yuan', but in that unit the industry's 2005 assets would be several times a year's domestic sales and exports together; the audit explains why the figures are most likely in units of 100 million yuan.";

pub const TABLE2_NOTE: &str = "Six years, printed in million US dollars converted at 8.2 yuan per dollar. The values for 2003 and 2004 (starred in the paper) are figures announced by ministry officials rather than yearbook data, and the paper warns that figures before 2001 may cover electronics manufacturing only, so the series is not strictly comparable over time.";

pub const TABLE3_NOTE: &str = "Four year rows (2001–2004) in three blocks: share of the domestic market, profit over total sales, and value added over total sales, all in percent. \
The OCR text lost the first column's header and scrambled the others across four lines. Reading the header words column by column gives 'All collectives', 'Joint stock collective owned', 'Joint stock', 'Private' and 'Foreign funded': five headers for six columns of numbers. We take the unlabelled first column to be state-owned enterprises, because Table 1 lists state-owned firms first, that column's market share falls steeply (25.8% to 8.5%) as state-owned firms' asset share does in Table 1, and the six shares of each later year add up to about 100%, so the columns are distinct types that together cover the market. The second and third columns are read as collectives and joint-stock cooperatives (collectively owned firms with shareholding). \
The 2002 value-added row prints five numbers for six columns. Which column lost its number cannot be told from the text; we keep the five numbers in printed order in the first five columns, mark all five uncertain, and mark the foreign-funded cell missing.";

pub const TABLE4_NOTE: &str = "Four years (1998–2004 in steps of two), each the percentage of China's ICT exports made under one trade regime; each year sums to 100% within rounding. The paper defines ordinary trade here as exports by enterprises that hold foreign trading rights.";

pub const TABLE5_NOTE: &str = "R&D spending as a percentage of value added in two ICT manufacturing branches. Each country's figure refers to its own reference year (printed beside the country: 2001, 2002 or 2003), so the columns compare countries at slightly different dates.";

/// One printed row of a table: the cells of one series and measure, one per year. The rows are
/// constants, so the numbers live in the program's data rather than in code that builds them.
pub struct Row {
    pub dataset: Dataset,
    pub series: &'static str,
    pub measure: &'static str,
    pub unit: Unit,
    pub source: &'static str,
    pub years: &'static [u16],
    pub cells: &'static [Cell],
}

impl Row {
    /// The row's numbers, one per year.
    pub fn data(&self) -> impl Iterator<Item = Datum> + '_ {
        self.years
            .iter()
            .zip(self.cells)
            .map(|(&year, &cell)| Datum {
                dataset: self.dataset,
                series: self.series,
                measure: self.measure,
                year: Some(year),
                unit: self.unit,
                cell,
                label: "",
                source: self.source,
                decimals: None,
            })
    }
}

/// A [`Row`], written in the order its fields are printed.
macro_rules! row {
    ($dataset:expr, $series:expr, $measure:expr, $unit:expr, $source:expr, $years:expr, $cells:expr $(,)?) => {
        Row {
            dataset: $dataset,
            series: $series,
            measure: $measure,
            unit: $unit,
            source: $source,
            years: &$years,
            cells: &$cells,
        }
    };
}

const fn c(value: f64) -> Cell {
    Cell::clean(value)
}

const THOUSANDS_POINT: &str =
    "OCR printed a point where the table uses a thousands comma; a count of firms cannot be fractional, and the other counts in the row use commas.";
const DECIMAL_COMMA: &str =
    "OCR printed a comma where the table uses a decimal point; the other shares in the row have one decimal or none.";

/// Every table's rows, in the order the tables are printed.
pub const ROWS: [&[Row]; 7] = [
    TABLE1,
    TABLE2,
    &TABLE3_SHARE,
    &TABLE3_PROFIT,
    &TABLE3_VALUE_ADDED,
    TABLE4,
    TABLE5.as_flattened(),
];

const TABLE1: &[Row] = &{
    const T: Dataset = Dataset::Table1;
    const Y: [u16; 5] = TABLE1_YEARS;
    const FIRMS: &str = "Table 1, 'Number of firms'";
    const TOTAL: &str = "Table 1, '% of total assets of ICT industry'";
    const DOMESTIC: &str = "Table 1, '% of domestic assets'";
    const SCE_ONLY_TWO_YEARS: &str = "The state-controlled rows are printed for two years only (placed in 2003 and 2005; see the table note).";
    // The values are legible, but the OCR text lost their columns: their years are a reading.
    const SCE_PLACED: &str = "Legible, but the OCR text lost its column: it is placed in this year by inference (see the table note). The other readings, any other two of Table 1's years, make its two share blocks disagree.";
    const SCE_FIRMS_PLACED: &str = "OCR printed a point as the thousands separator; and the OCR text lost its column, so it is placed in this year by inference (see the table note). The other readings, any other two of Table 1's years, make its two share blocks disagree.";
    const TOTALS: &str = "Table 1, 'Total of the industry'";
    [

    row!(
        T,
        "foreign_funded",
        "firms",
        Unit::Firms,
        FIRMS,
        Y,
        [c(753.0), c(735.0), c(865.0), c(3987.0), c(6480.0)],
    ),
    row!(
        T,
        "foreign_funded",
        "share_total_assets",
        Unit::Percent,
        TOTAL,
        Y,
        [c(34.0), c(36.0), c(37.0), c(59.0), c(68.0)],
    ),

    row!(
        T,
        "state_owned",
        "firms",
        Unit::Firms,
        FIRMS,
        Y,
        [
            Cell::corrected(1225.0, THOUSANDS_POINT),
            Cell::corrected(1001.0, THOUSANDS_POINT),
            c(789.0),
            c(860.0),
            c(659.0),
        ],
    ),
    row!(
        T,
        "state_owned",
        "share_total_assets",
        Unit::Percent,
        TOTAL,
        Y,
        [c(46.0), c(37.0), c(30.0), c(13.0), c(7.0)],
    ),
    row!(
        T,
        "state_owned",
        "share_domestic_assets",
        Unit::Percent,
        DOMESTIC,
        Y,
        [c(70.0), c(58.0), c(48.0), c(31.0), c(23.0)],
    ),

    row!(
        T,
        "collective",
        "firms",
        Unit::Firms,
        FIRMS,
        Y,
        [c(954.0), c(618.0), c(474.0), c(857.0), c(617.0)],
    ),
    row!(
        T,
        "collective",
        "share_total_assets",
        Unit::Percent,
        TOTAL,
        Y,
        [c(8.0), c(8.0), c(10.0), c(3.0), c(2.0)],
    ),
    row!(
        T,
        "collective",
        "share_domestic_assets",
        Unit::Percent,
        DOMESTIC,
        Y,
        [c(13.0), c(13.0), c(15.0), c(6.0), c(5.0)],
    ),

    row!(
        T,
        "joint_stock",
        "firms",
        Unit::Firms,
        FIRMS,
        Y,
        [
            c(156.0),
            c(311.0),
            c(689.0),
            Cell::corrected(1725.0, THOUSANDS_POINT),
            Cell::corrected(2555.0, THOUSANDS_POINT),
        ],
    ),
    row!(
        T,
        "joint_stock",
        "share_total_assets",
        Unit::Percent,
        TOTAL,
        Y,
        [
            c(10.0),
            Cell::corrected(15.6, DECIMAL_COMMA),
            Cell::corrected(18.9, DECIMAL_COMMA),
            c(21.1),
            c(17.6),
        ],
    ),
    row!(
        T,
        "joint_stock",
        "share_domestic_assets",
        Unit::Percent,
        DOMESTIC,
        Y,
        [c(15.0), c(24.0), c(30.0), c(51.0), c(55.0)],
    ),

    row!(
        T,
        "private",
        "firms",
        Unit::Firms,
        FIRMS,
        Y,
        [c(30.0), c(46.0), c(117.0), c(2607.0), c(5180.0)],
    ),
    row!(
        T,
        "private",
        "share_total_assets",
        Unit::Percent,
        TOTAL,
        Y,
        [
            c(0.4),
            Cell::corrected(1.0, "OCR printed the letter 'I', its usual misreading of the digit 1; the neighbouring cells (0.4 and 2) leave no other reading."),
            c(2.0),
            c(4.0),
            c(5.0),
        ],
    ),
    row!(
        T,
        "private",
        "share_domestic_assets",
        Unit::Percent,
        DOMESTIC,
        Y,
        [c(1.0), c(2.0), c(4.0), c(9.0), c(15.0)],
    ),

    row!(
        T,
        "state_controlled",
        "firms",
        Unit::Firms,
        "Table 1, 'Total SCEs in the industry', 'Number of firms'",
        Y,
        [
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::uncertain(1546.0, SCE_FIRMS_PLACED),
            Cell::uncertain(1435.0, SCE_FIRMS_PLACED),
        ],
    ),
    row!(
        T,
        "state_controlled",
        "share_total_assets",
        Unit::Percent,
        "Table 1, 'Total SCEs in the industry', '% of total assets'",
        Y,
        [
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::uncertain(33.0, SCE_PLACED),
            Cell::uncertain(22.0, SCE_PLACED),
        ],
    ),
    row!(
        T,
        "state_controlled",
        "share_domestic_assets",
        Unit::Percent,
        "Table 1, 'Total SCEs in the industry', '% of total domestic assets'",
        Y,
        [
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::missing(SCE_ONLY_TWO_YEARS),
            Cell::uncertain(79.0, SCE_PLACED),
            Cell::uncertain(70.0, SCE_PLACED),
        ],
    ),

    row!(
        T,
        "total",
        "firms",
        Unit::Firms,
        TOTALS,
        Y,
        [c(2914.0), c(2839.0), c(3062.0), c(10596.0), c(16007.0)],
    ),
    row!(
        T,
        "total",
        "total_assets",
        Unit::BillionYuan,
        TOTALS,
        Y,
        [
            c(3828.0),
            c(5220.0),
            c(7813.0),
            c(14342.0),
            Cell::corrected(21305.0, "OCR printed '21.305'; the other totals in the row use thousands commas and grow steadily (14,342 in 2003), so 21.305 would be a thousandfold drop."),
        ],
    ),
    ]
};

const TABLE2: &[Row] = &{
    const SOURCE: &str = "Table 2, 'Actual utilized FDI'";
    const OFFICIAL: &str =
        "Starred in the paper: a figure announced by ministry officials, not a yearbook figure.";
    const ELECTRONICS_ONLY: &str =
        "The paper warns that figures before 2001 may cover electronics manufacturing only.";
    [row!(
        Dataset::Table2,
        "fdi",
        "actual_utilized",
        Unit::MillionUsd,
        SOURCE,
        [1995, 1997, 1999, 2001, 2003, 2004],
        [
            Cell::clean_with_note(345.0, ELECTRONICS_ONLY),
            Cell::clean_with_note(931.0, ELECTRONICS_ONLY),
            Cell::clean_with_note(447.0, ELECTRONICS_ONLY),
            c(1343.0),
            Cell::clean_with_note(4000.0, OFFICIAL),
            Cell::clean_with_note(8637.0, OFFICIAL),
        ],
    )]
};

/// One block of Table 3: a measure's six ownership columns, each with its four years.
const fn table3_block(
    measure: &'static str,
    source: &'static str,
    columns: &'static [[Cell; 4]; 6],
) -> [Row; 6] {
    const fn column(
        series: &'static str,
        measure: &'static str,
        source: &'static str,
        cells: &'static [Cell; 4],
    ) -> Row {
        Row {
            dataset: Dataset::Table3,
            series,
            measure,
            unit: Unit::Percent,
            source,
            years: &TABLE3_YEARS,
            cells,
        }
    }
    [
        column(TABLE3_SERIES[0], measure, source, &columns[0]),
        column(TABLE3_SERIES[1], measure, source, &columns[1]),
        column(TABLE3_SERIES[2], measure, source, &columns[2]),
        column(TABLE3_SERIES[3], measure, source, &columns[3]),
        column(TABLE3_SERIES[4], measure, source, &columns[4]),
        column(TABLE3_SERIES[5], measure, source, &columns[5]),
    ]
}

const SHARE: &str = "Table 3, 'Share of domestic market'";
/// The first column's values are legible, but its header is lost: whose they are is a reading.
const FIRST_COLUMN: &str = "Legible, but the OCR text lost this column's header: we read it as state-owned enterprises (see the table note). Other readings: state-owned and state-controlled firms together, or another domestic type the lost header named.";
const PROFIT: &str = "Table 3, 'Profit/total sales'";
const VALUE_ADDED: &str = "Table 3, 'Value-added/total sales'";

// Columns are given one series at a time (2001, 2002, 2003, 2004), in the printed order.
const SHARE_COLUMNS: [[Cell; 4]; 6] = [
            [
                Cell::uncertain(25.8, FIRST_COLUMN),
                Cell::uncertain(13.6, FIRST_COLUMN),
                Cell::uncertain(9.7, FIRST_COLUMN),
                Cell::uncertain(8.5, FIRST_COLUMN),
            ],
            [c(16.5), c(4.0), c(5.4), c(5.0)],
            [
                Cell::uncertain(
                    2.9,
                    "OCR kept only a '9' and a stray mark, so a digit and the decimal point were lost. The five other shares of 2001 add up to 97.3%, so 2.9 brings the year to 100.2%, and it fits the column's later values (2.6, 1.4, 1.9). Other readings: 0.9 or 1.9 (year total 98.2% or 99.2%), or 9.0 to 9.9 (year total above 106%).",
                ),
                c(2.6),
                c(1.4),
                c(1.9),
            ],
            [c(14.8), c(22.3), c(23.9), c(20.0)],
            [c(2.1), c(7.4), c(5.8), c(7.1)],
            [c(38.1), c(50.1), c(53.3), c(57.0)],
];
const LETTER_I: &str = "OCR printed the letter 'i' in place of a digit; it most often stands for 1 (as 'I' does in Table 1), less often for 7 or 4.";
const PROFIT_COLUMNS: [[Cell; 4]; 6] = [
            [
                Cell::uncertain(3.3, FIRST_COLUMN),
                Cell::uncertain(2.1, FIRST_COLUMN),
                Cell::uncertain(2.5, FIRST_COLUMN),
                Cell::uncertain(-1.6, FIRST_COLUMN),
            ],
            [
                c(6.1),
                c(4.8),
                c(4.2),
                Cell::missing("OCR printed only the letter 'B'. It may be an 8, but the column prints one decimal everywhere else, so the true value cannot be recovered."),
            ],
            [Cell::uncertain(1.5, LETTER_I), c(5.3), c(8.8), Cell::uncertain(5.1, LETTER_I)],
            [
                c(6.0),
                c(5.8),
                c(5.8),
                Cell::missing("OCR printed '~.O': the decimal 0 survives but the leading digit is lost."),
            ],
            [c(7.5), c(6.7), c(6.0), c(5.1)],
            [c(5.8), c(4.1), c(3.6), c(4.2)],
];
const FIVE_FOR_SIX: &str = "The 2002 row prints five values for six columns, and the text does not show which column is blank. We keep the values in printed order; each may belong one column further right.";
const VALUE_ADDED_COLUMNS: [[Cell; 4]; 6] = [
            [
                Cell::uncertain(20.2, FIRST_COLUMN),
                Cell::uncertain(10.3, FIVE_FOR_SIX),
                Cell::uncertain(20.0, FIRST_COLUMN),
                Cell::uncertain(21.8, FIRST_COLUMN),
            ],
            [c(17.1), Cell::uncertain(9.8, FIVE_FOR_SIX), c(20.0), c(18.6)],
            [c(37.1), Cell::uncertain(17.8, FIVE_FOR_SIX), c(19.4), c(19.6)],
            [c(24.9), Cell::uncertain(6.6, FIVE_FOR_SIX), c(20.1), c(25.5)],
            [c(28.7), Cell::uncertain(15.2, FIVE_FOR_SIX), c(20.0), c(26.8)],
            [
                c(21.6),
                Cell::missing("The 2002 row prints five values for six columns; with the values kept in printed order, this last column is the one left without a value. Any of the six could be the blank one."),
                c(20.2),
                c(20.8),
            ],
];
const TABLE3_SHARE: [Row; 6] = table3_block("domestic_market_share", SHARE, &SHARE_COLUMNS);
const TABLE3_PROFIT: [Row; 6] = table3_block("profit_to_sales", PROFIT, &PROFIT_COLUMNS);
const TABLE3_VALUE_ADDED: [Row; 6] =
    table3_block("value_added_to_sales", VALUE_ADDED, &VALUE_ADDED_COLUMNS);

const TABLE4: &[Row] = &{
    const T: Dataset = Dataset::Table4;
    const YEARS: [u16; 4] = [1998, 2000, 2002, 2004];
    [
        row!(
            T,
            "processing_imported_materials",
            "share",
            Unit::Percent,
            "Table 4, 'Processing with imported materials'",
            YEARS,
            [c(66.9), c(70.0), c(72.6), c(74.2)],
        ),
        row!(
            T,
            "processing_customer_materials",
            "share",
            Unit::Percent,
            "Table 4, 'Processing with customer's materials'",
            YEARS,
            [c(22.7), c(20.0), c(17.2), c(14.8)],
        ),
        row!(
            T,
            "ordinary_trade",
            "share",
            Unit::Percent,
            "Table 4, 'Ordinary trade'",
            YEARS,
            [c(7.6), c(8.3), c(7.7), c(7.7)],
        ),
        row!(
            T,
            "others",
            "share",
            Unit::Percent,
            "Table 4, 'Others'",
            YEARS,
            [c(2.9), c(1.9), c(2.5), c(3.3)],
        ),
    ]
};

/// Table 5's two rows of one country: its values for electronic and telecom equipment and for
/// computers and office equipment, at the country's own reference year.
macro_rules! table5_country {
    ($country:expr, $year:expr, $electronic:expr, $computers:expr) => {
        [
            Row {
                dataset: Dataset::Table5,
                series: $country,
                measure: "electronic_telecom",
                unit: Unit::Percent,
                source: "Table 5, 'Electronic and telecommunication equipment'",
                years: &[$year],
                cells: &[c($electronic)],
            },
            Row {
                dataset: Dataset::Table5,
                series: $country,
                measure: "computers_office",
                unit: Unit::Percent,
                source: "Table 5, 'Manufacture of computers and office equipment'",
                years: &[$year],
                cells: &[c($computers)],
            },
        ]
    };
}

const TABLE5: [[Row; 2]; 7] = [
    table5_country!("china", 2003, 5.4, 2.5),
    table5_country!("usa", 2001, 37.2, 36.7),
    table5_country!("japan", 2002, 20.4, 90.4),
    table5_country!("germany", 2001, 44.1, 19.8),
    table5_country!("france", 2002, 57.2, 15.8),
    table5_country!("uk", 2002, 23.4, 5.9),
    table5_country!("korea", 2003, 23.4, 4.4),
];
