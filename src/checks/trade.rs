//! Figure 2's trade numbers against each other: foreign and domestic firms' shares of exports,
//! foreign firms' net exports, and domestic firms' trade balance, all for 2004.

use super::outcome::{Check, Warning};
use super::outcome::{StatementCheck, Years};
use super::rounding::{between, corners, Inputs, Range};
use super::EXPORTS_YEAR;
use crate::data::{Dataset, Datum, Lookup, Status};
use crate::format::auto;

/// The prose numbers these checks decide.
pub(super) const STATEMENTS: &[StatementCheck] = &[
    StatementCheck {
        dataset: Dataset::Fig2,
        series: &["foreign_funded", "domestic_funded"],
        measure: "share_of_exports",
        years: Years::In(EXPORTS_YEAR),
        check: export_share_statement,
    },
    StatementCheck {
        dataset: Dataset::Fig2,
        series: &["foreign_funded"],
        measure: "net_exports_share_of_exports",
        years: Years::In(EXPORTS_YEAR),
        check: net_share_statement,
    },
    StatementCheck {
        dataset: Dataset::Fig2,
        series: &["foreign_funded"],
        measure: "net_exports",
        years: Years::In(EXPORTS_YEAR),
        check: |data, _, _| balance_check(data),
    },
];

/// "a surplus of 1.4 billion dollars" or "a deficit of 1.6 billion dollars".
fn balance_words(net: f64) -> String {
    if net < 0.0 {
        format!("a deficit of {} billion dollars", auto(-net, 1))
    } else {
        format!("a surplus of {} billion dollars", auto(net, 1))
    }
}

/// Foreign and domestic firms' shares of ICT exports in 2004, which must add up to 100%.
pub(super) struct ExportShares {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    pub(super) foreign: f64,
    pub(super) domestic: f64,
    sum: f64,
    range: Range,
}

impl ExportShares {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "{}% + {}% = {}% ({}% given rounding), where foreign and domestic firms together make all exports, 100%",
            auto(self.foreign, 1),
            auto(self.domestic, 1),
            auto(self.sum, 1),
            between(self.range, 2)
        )
    }
}

pub(super) fn export_shares(data: Lookup) -> Option<ExportShares> {
    let mut inputs = Inputs::new(data);
    let foreign = inputs.read(
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
    )?;
    let domestic = inputs.read(
        Dataset::Fig2,
        "domestic_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
    )?;
    let range = corners(&[foreign.range, domestic.range], |v| v[0] + v[1]);
    Some(ExportShares {
        agrees: range.low <= 100.0 && 100.0 <= range.high,
        status: inputs.status,
        cells: inputs.cells,
        foreign: foreign.value,
        domestic: domestic.value,
        sum: foreign.value + domestic.value,
        range,
    })
}

/// Foreign firms' net exports in 2004 (29.6 bn US$) said to be 16.7% of their exports, against
/// their 92% share of China's 180 bn US$ of exports.
pub(super) struct ForeignNetShare {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    net: f64,
    stated: f64,
    exports: f64,
    foreign_share: f64,
    range: Range,
}

impl ForeignNetShare {
    fn foreign_exports(&self) -> f64 {
        self.exports * self.foreign_share / 100.0
    }

    fn implied(&self) -> f64 {
        self.net / self.foreign_exports() * 100.0
    }

    /// Foreign firms' exports if the stated share were right, and their share of China's.
    fn read_the_other_way(&self) -> (f64, f64) {
        let exports = self.net / (self.stated / 100.0);
        (exports, exports / self.exports * 100.0)
    }

    pub(super) fn arithmetic(&self) -> String {
        let (exports, share) = self.read_the_other_way();
        format!(
            "foreign firms exported {}% × {} bn US$ = {} bn US$, so net exports of {} bn US$ are {}% of their exports ({}% given rounding); the prose says {}%. Read the other way, {} / {}% = {} bn US$ of foreign firms' exports, {}% of China's {} bn US$, against the {}% share stated",
            auto(self.foreign_share, 1),
            auto(self.exports, 1),
            auto(self.foreign_exports(), 1),
            auto(self.net, 1),
            auto(self.implied(), 1),
            between(self.range, 2),
            auto(self.stated, 1),
            auto(self.net, 1),
            auto(self.stated, 1),
            auto(exports, 1),
            auto(share, 1),
            auto(self.exports, 1),
            auto(self.foreign_share, 1)
        )
    }

    pub(super) fn explanation(&self) -> String {
        let (exports, share) = self.read_the_other_way();
        let comparison = if share > 100.0 {
            "more than all of China's ICT exports".to_string()
        } else {
            format!("{}% of China's ICT exports", auto(share, 1))
        };
        format!(
            "If net exports of {} billion dollars are {}% of what foreign firms export, those exports come to {} billion dollars, {comparison}, against the {}% share the paper states in the same paragraph. Taking the {}% share instead, net exports would be {}% of foreign firms' exports. The three numbers cannot all be right.",
            auto(self.net, 1),
            auto(self.stated, 1),
            auto(exports, 1),
            auto(self.foreign_share, 1),
            auto(self.foreign_share, 1),
            auto(self.implied(), 1)
        )
    }
}

pub(super) fn foreign_net_share(data: Lookup) -> Option<ForeignNetShare> {
    let mut inputs = Inputs::new(data);
    let net = inputs.read(
        Dataset::Fig2,
        "foreign_funded",
        "net_exports",
        Some(EXPORTS_YEAR),
    )?;
    let stated = inputs.read(
        Dataset::Fig2,
        "foreign_funded",
        "net_exports_share_of_exports",
        Some(EXPORTS_YEAR),
    )?;
    let exports = inputs.read(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR))?;
    let foreign_share = inputs.read(
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
    )?;
    let range = corners(&[net.range, exports.range, foreign_share.range], |v| {
        v[0] / (v[1] * v[2] / 100.0) * 100.0
    });
    Some(ForeignNetShare {
        agrees: range.overlaps(stated.range),
        status: inputs.status,
        cells: inputs.cells,
        net: net.value,
        stated: stated.value,
        exports: exports.value,
        foreign_share: foreign_share.value,
        range,
    })
}

/// Domestic firms' trade balance in 2004, worked out two ways from the paper's numbers: from
/// China's net exports minus foreign firms' (what is left must be domestic firms'), and from
/// domestic firms' shares of exports and imports. The paper says they "ran a trade deficit".
pub(super) struct DomesticBalance {
    /// True when one deficit fits all three: the residual, the shares and the paper's word.
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    exports: f64,
    net: f64,
    foreign_net: f64,
    export_share: f64,
    import_share: f64,
    /// China's net exports minus foreign firms', with the range rounding allows.
    residual: Range,
    /// Domestic firms' net exports from their shares, with the range rounding allows.
    from_shares: Range,
    /// Foreign firms' net exports implied by the shares, with the range rounding allows.
    implied_foreign: Range,
}

impl DomesticBalance {
    fn imports(&self) -> f64 {
        self.exports - self.net
    }

    fn domestic_exports(&self) -> f64 {
        self.export_share / 100.0 * self.exports
    }

    fn domestic_imports(&self) -> f64 {
        self.import_share / 100.0 * self.imports()
    }

    fn domestic_net(&self) -> f64 {
        self.domestic_exports() - self.domestic_imports()
    }

    fn residual_value(&self) -> f64 {
        self.net - self.foreign_net
    }

    fn implied_foreign_value(&self) -> f64 {
        self.net - self.domestic_net()
    }

    /// The residual allows no deficit at all, even at rounding's extremes.
    pub(super) fn residual_is_surplus(&self) -> bool {
        self.residual.low >= 0.0
    }

    pub(super) fn arithmetic(&self) -> String {
        format!(
            "China's imports = {} − {} = {} bn US$. Domestic firms exported {}% × {} = {} and imported {}% × {} = {} bn US$: net {} bn US$ ({} given rounding). China's net exports minus foreign firms' leave domestic firms {} − {} = {} bn US$ ({} given rounding). The shares put foreign firms' net exports at {} − ({}) = {} bn US$ ({} given rounding), against {} stated",
            auto(self.exports, 1),
            auto(self.net, 1),
            auto(self.imports(), 1),
            auto(self.export_share, 1),
            auto(self.exports, 1),
            auto(self.domestic_exports(), 1),
            auto(self.import_share, 1),
            auto(self.imports(), 1),
            auto(self.domestic_imports(), 1),
            auto(self.domestic_net(), 1),
            between(self.from_shares, 2),
            auto(self.net, 1),
            auto(self.foreign_net, 1),
            auto(self.residual_value(), 1),
            between(self.residual, 2),
            auto(self.net, 1),
            auto(self.domestic_net(), 1),
            auto(self.implied_foreign_value(), 1),
            between(self.implied_foreign, 2),
            auto(self.foreign_net, 1)
        )
    }

    pub(super) fn explanation(&self) -> String {
        let residual = balance_words(self.residual_value());
        let shares = balance_words(self.domestic_net());
        let word = if self.residual_value() >= 0.0 {
            ", not the deficit the paper describes"
        } else {
            ""
        };
        format!(
            "The paper says domestic firms 'ran a trade deficit' in {EXPORTS_YEAR}. China's ICT net exports of {} billion dollars minus foreign-invested firms' {} billion leave domestic firms {residual}{word}. Domestic firms' own shares of trade ({}% of exports, {}% of imports, where imports are exports minus net exports) give {shares} instead, which would put foreign firms' net exports at {} billion dollars, not {}. Rounding cannot close the gap, so foreign firms' net exports, China's, or one of the shares must be wrong.",
            auto(self.net, 1),
            auto(self.foreign_net, 1),
            auto(self.export_share, 1),
            auto(self.import_share, 1),
            auto(self.implied_foreign_value(), 1),
            auto(self.foreign_net, 1)
        )
    }
}

pub(super) fn domestic_balance(data: Lookup) -> Option<DomesticBalance> {
    let mut inputs = Inputs::new(data);
    let year = Some(EXPORTS_YEAR);
    let exports = inputs.read(Dataset::Fig1, "china", "exports", year)?;
    let net = inputs.read(Dataset::Fig1, "china", "net_exports", year)?;
    let foreign_net = inputs.read(Dataset::Fig2, "foreign_funded", "net_exports", year)?;
    let export_share = inputs.read(Dataset::Fig2, "domestic_funded", "share_of_exports", year)?;
    let import_share = inputs.read(Dataset::Fig2, "domestic_funded", "share_of_imports", year)?;
    // Domestic net exports = share of exports × exports − share of imports × (exports − net).
    let domestic = |v: &[f64]| v[2] / 100.0 * v[0] - v[3] / 100.0 * (v[0] - v[1]);
    let ranges = [exports, net, export_share, import_share].map(|reading| reading.range);
    let from_shares = corners(&ranges, domestic);
    let implied_foreign = corners(&ranges, |v| v[1] - domestic(v));
    let residual = corners(&[net.range, foreign_net.range], |v| v[0] - v[1]);
    // One deficit must fit both ranges: below zero and inside their overlap.
    let agrees = residual.low.max(from_shares.low) < residual.high.min(from_shares.high).min(0.0);
    Some(DomesticBalance {
        agrees,
        status: inputs.status,
        cells: inputs.cells,
        exports: exports.value,
        net: net.value,
        foreign_net: foreign_net.value,
        export_share: export_share.value,
        import_share: import_share.value,
        residual,
        from_shares,
        implied_foreign,
    })
}

/// One of foreign and domestic firms' shares of 2004 exports, which must add up to 100% with
/// the other.
fn export_share_statement(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let check = export_shares(data)?;
    let other = if datum.series == "foreign_funded" {
        check.domestic
    } else {
        check.foreign
    };
    let over = check.foreign + check.domestic > 100.0;
    let warning = Warning::new(
        format!(
            "fig2-export-shares-{}-100",
            if over { "over" } else { "under" }
        ),
        Dataset::Fig2,
        format!(
            "{EXPORTS_YEAR} export shares of foreign and domestic firms add up to {} than 100%",
            if over { "more" } else { "less" }
        ),
        format!(
            "Every exporting firm is either foreign invested or domestic, so their shares should add up to 100%. Within one page the paper gives {}% and {}% for the same year; one of them is wrong, or the two come from different sources.",
            auto(check.foreign, 1),
            auto(check.domestic, 1)
        ),
    );
    Some(
        Check::deciding(
            check.agrees,
            format!(
                "{}; the other share the paper gives, {}%, leaves {}% for this one",
                check.arithmetic(),
                auto(other, 1),
                auto(100.0 - other, 1)
            ),
            check.cells,
            check.status,
        )
        .warning(warning),
    )
}

/// Foreign firms' net exports as a share of their exports, against China's total exports.
fn net_share_statement(data: Lookup, _datum: &Datum, _stated: f64) -> Option<Check> {
    let check = foreign_net_share(data)?;
    let warning = Warning::new(
        "fig2-foreign-net-exports-inconsistent",
        Dataset::Fig2,
        "Foreign firms' net exports imply a different export share than stated",
        check.explanation(),
    );
    Some(
        Check::deciding(check.agrees, check.arithmetic(), check.cells, check.status)
            .warning(warning),
    )
}

/// Domestic firms' "trade deficit" against China's and foreign firms' net exports: the check of
/// both foreign firms' net exports and the deficit statement.
pub(super) fn balance_check(data: Lookup) -> Option<Check> {
    let check = domestic_balance(data)?;
    let title = if check.residual_is_surplus() {
        format!("Domestic firms 'ran a trade deficit' in {EXPORTS_YEAR}, but the paper's net exports leave them a surplus")
    } else {
        format!("Foreign firms' net exports in {EXPORTS_YEAR} disagree with domestic firms' shares of trade")
    };
    let computation = if check.agrees {
        check.arithmetic()
    } else {
        format!("{}. {}", check.arithmetic(), check.explanation())
    };
    let warning = Warning::new(
        "fig2-domestic-deficit-vs-net-exports",
        Dataset::Fig2,
        title,
        check.explanation(),
    )
    .numbers(check.arithmetic());
    Some(Check::deciding(check.agrees, computation, check.cells, check.status).warning(warning))
}
