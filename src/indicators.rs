//! Indicators: pure functions that turn printed cells into derived numbers.
//!
//! Every function takes [`Cell`]s and returns a [`Derived`] whose status is the weakest of its
//! inputs' statuses (see [`Status::weakest`]). A missing input, or an operation that has no
//! answer (a division by zero, a growth rate from a non-positive start), gives a missing result,
//! never a zero.

use crate::data::{Cell, Dataset, Lookup, Status, Unit};
use serde::Serialize;

/// A number computed from printed cells.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Derived {
    /// The result, or `None` exactly when `status` is [`Status::Missing`].
    pub value: Option<f64>,
    /// The weakest status among the inputs.
    pub status: Status,
    pub unit: Unit,
}

impl Derived {
    /// A derived number with no value.
    pub const fn missing(unit: Unit) -> Derived {
        Derived {
            value: None,
            status: Status::Missing,
            unit,
        }
    }
}

/// Applies `formula` to the values of `inputs`. The result is missing when any input is missing
/// or the formula gives no finite number; otherwise it carries the weakest input status.
fn combine<const N: usize>(
    inputs: [&Cell; N],
    unit: Unit,
    formula: impl Fn([f64; N]) -> f64,
) -> Derived {
    let mut values = [0.0; N];
    let mut status = Status::Clean;
    for (slot, cell) in values.iter_mut().zip(inputs) {
        match cell.value {
            Some(value) => *slot = value,
            None => return Derived::missing(unit),
        }
        status = status.weakest(cell.status);
    }
    let result = formula(values);
    if result.is_finite() {
        Derived {
            value: Some(result),
            status,
            unit,
        }
    } else {
        Derived::missing(unit)
    }
}

/// The value as printed, unchanged: `value`, in the cell's own unit.
pub fn as_printed(cell: &Cell, unit: Unit) -> Derived {
    combine([cell], unit, |[value]| value)
}

/// Change from `from` to `to`.
///
/// For shares (unit [`Unit::Percent`]) the change is a difference in percentage points:
/// `to − from` (pp). For counts and money it is a relative change in percent:
/// `(to − from) / from × 100` (%), missing when `from` is zero.
pub fn change(from: &Cell, to: &Cell, unit: Unit) -> Derived {
    if unit.is_share() {
        combine([from, to], Unit::PercentagePoints, |[from, to]| to - from)
    } else {
        combine([from, to], Unit::Percent, |[from, to]| {
            (to - from) / from * 100.0
        })
    }
}

/// Compound annual growth rate from `from` in `from_year` to `to` in `to_year`:
/// `((to / from)^(1 / (to_year − from_year)) − 1) × 100` (% a year).
///
/// Missing when the years are not in increasing order or either value is not positive, since a
/// growth rate is then undefined.
pub fn cagr(from: &Cell, from_year: u16, to: &Cell, to_year: u16) -> Derived {
    if to_year <= from_year {
        return Derived::missing(Unit::Percent);
    }
    let years = f64::from(to_year - from_year);
    combine([from, to], Unit::Percent, |[from, to]| {
        if from <= 0.0 || to <= 0.0 {
            f64::NAN
        } else {
            ((to / from).powf(1.0 / years) - 1.0) * 100.0
        }
    })
}

/// Index with the base year's value as 100: `value / base × 100` (index points).
/// Missing when the base is zero.
pub fn index(value: &Cell, base: &Cell) -> Derived {
    combine([value, base], Unit::Index, |[value, base]| {
        value / base * 100.0
    })
}

/// One type's share of the number of firms: `firms / total_firms × 100` (%).
pub fn share_of_firms(firms: &Cell, total_firms: &Cell) -> Derived {
    combine([firms, total_firms], Unit::Percent, |[firms, total]| {
        firms / total * 100.0
    })
}

/// Assets held by one type: `total_assets × share_of_total_assets / 100`, in the unit Table 1
/// prints for total assets (labelled billion yuan; see the audit on that label).
pub fn assets(total_assets: &Cell, share_of_total_assets: &Cell) -> Derived {
    combine(
        [total_assets, share_of_total_assets],
        Unit::BillionYuan,
        |[total, share]| total * share / 100.0,
    )
}

/// Assets per firm of one type: `total_assets × share_of_total_assets / 100 / firms × 1000`,
/// in million yuan per firm when Table 1's "billion yuan" label is taken at its word (the audit
/// explains why the true figures are probably ten times smaller).
pub fn assets_per_firm(total_assets: &Cell, share_of_total_assets: &Cell, firms: &Cell) -> Derived {
    combine(
        [total_assets, share_of_total_assets, firms],
        Unit::MillionYuanPerFirm,
        |[total, share, firms]| total * share / 100.0 / firms * 1000.0,
    )
}

/// The share of domestic-funded firms' assets that a type's share of all assets implies:
/// `share_of_total / (100 − foreign_share_of_total) × 100` (%).
///
/// Table 1 prints both shares, so comparing this with the printed domestic share tests the
/// table against itself.
pub fn implied_domestic_share(share_of_total: &Cell, foreign_share_of_total: &Cell) -> Derived {
    combine(
        [share_of_total, foreign_share_of_total],
        Unit::Percent,
        |[share, foreign]| share / (100.0 - foreign) * 100.0,
    )
}

/// The sum of `cells`, in `unit`: `Σ cellᵢ`. Missing when any cell is missing, since a
/// partial sum would understate the total.
pub fn sum(cells: &[&Cell], unit: Unit) -> Derived {
    let mut total = Derived {
        value: Some(0.0),
        status: Status::Clean,
        unit,
    };
    for cell in cells {
        let Some(value) = cell.value else {
            return Derived::missing(unit);
        };
        total.value = total.value.map(|sum| sum + value);
        total.status = total.status.weakest(cell.status);
    }
    total
}

/// How much of the whole the listed parts cover: the sum of their shares (%).
pub fn coverage(shares: &[&Cell]) -> Derived {
    sum(shares, Unit::Percent)
}

/// The average of `values` weighted by `weights` (for Table 3, market shares):
/// `Σ valueᵢ × weightᵢ / Σ weightᵢ`, in the values' unit.
///
/// Missing when any value or weight is missing (the average would silently drop a type), or
/// when the weights sum to zero.
pub fn weighted_average(values: &[&Cell], weights: &[&Cell], unit: Unit) -> Derived {
    if values.len() != weights.len() || values.is_empty() {
        return Derived::missing(unit);
    }
    let mut weighted_sum = 0.0;
    let mut weight_sum = 0.0;
    let mut status = Status::Clean;
    for (value, weight) in values.iter().zip(weights) {
        let (Some(v), Some(w)) = (value.value, weight.value) else {
            return Derived::missing(unit);
        };
        weighted_sum += v * w;
        weight_sum += w;
        status = status.weakest(value.status).weakest(weight.status);
    }
    if weight_sum == 0.0 {
        return Derived::missing(unit);
    }
    Derived {
        value: Some(weighted_sum / weight_sum),
        status,
        unit,
    }
}

/// China's R&D intensity as a percentage of another country's:
/// `china / other × 100` (%). Below 100 means China spends relatively less on R&D.
pub fn relative_intensity(china: &Cell, other: &Cell) -> Derived {
    combine([china, other], Unit::Percent, |[china, other]| {
        china / other * 100.0
    })
}

/// A derived number viewed as a cell, so that it can feed further indicators.
impl From<Derived> for Cell {
    fn from(derived: Derived) -> Cell {
        Cell {
            value: derived.value,
            status: derived.status,
            note: "",
        }
    }
}

/// Table 3's market-share-weighted average of `measure` over the ownership types `series` in
/// `year`: `Σ measureᵢ × shareᵢ / Σ shareᵢ` (%), via [`weighted_average`]. With all six types
/// this is the whole industry's ratio. Returns the average and the cells it used (values, then
/// weights), so that callers can cite them or explain a weak result.
pub fn market_weighted_average(
    data: Lookup,
    series: &[&str],
    measure: &str,
    year: u16,
) -> (Derived, Vec<Cell>) {
    let values: Vec<Cell> = series
        .iter()
        .map(|series| data.cell(Dataset::Table3, series, measure, year))
        .collect();
    let weights: Vec<Cell> = series
        .iter()
        .map(|series| data.cell(Dataset::Table3, series, "domestic_market_share", year))
        .collect();
    let average = weighted_average(
        &values.iter().collect::<Vec<_>>(),
        &weights.iter().collect::<Vec<_>>(),
        Unit::Percent,
    );
    (average, values.into_iter().chain(weights).collect())
}
