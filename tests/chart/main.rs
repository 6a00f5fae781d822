//! Charts drawn to SVG: snapshots of a set of plots, and checks of what a reader must be able to
//! rely on (gaps stay gaps, flagged values look flagged, nothing leaves the plot).
//!
//! Snapshots live in `tests/snapshots/` as plain SVG files, compared by expect-test. After an
//! intended change, run `UPDATE_EXPECT=1 cargo test --test chart`, which rewrites them, and review
//! the new pictures and their diff before committing them. To look at every fixture and
//! every view at phone, laptop and projector sizes, run
//! `cargo test --test chart -- --ignored gallery` and open the folder it prints.

pub(crate) use ict_explorer::chart::{self, status_key, Style, EMPTY_MESSAGE};
pub(crate) use ict_explorer::data::{Qualifier, Status, Unit};
pub(crate) use ict_explorer::plot::{
    css_color, css_color_in, Callout, Category, ChartKind, Plot, Point, ReferenceLine, Series,
    Shape, Span,
};
pub(crate) use ict_explorer::view::Event;
pub(crate) use std::collections::HashMap;
pub(crate) use std::path::{Path, PathBuf};

mod behaviour;
mod classroom;
mod fixtures;
mod gallery;
mod lecture;
mod snapshots;
mod svg;

use fixtures::*;
use svg::*;
