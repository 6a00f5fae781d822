//! ICT Explorer: the tables and quoted numbers of Ning (2009), "China's Leadership in the World
//! ICT Industry", *Pacific Affairs* 82(1), as audited data with indicators, checks and charts.
//!
//! The core (everything but [`web`]) knows nothing of the browser; see `ARCHITECTURE.md`.

pub mod api;
// The audit and the claims check compile for wasm32, where the Data quality list's filters
// (`quality`) name their severities and verdicts, but the page never runs the checks: it gets
// their lists prebuilt by `cargo xtask dist`, so their code is not linked into the wasm, and the
// wasm's size bans (xtask/clippy-wasm32/clippy.toml) spare them.
#[allow(clippy::disallowed_methods)]
pub mod audit;
pub mod chart;
#[allow(clippy::disallowed_methods)]
pub mod claims;
pub mod data;
pub mod describe;
pub mod display;
pub mod export;
pub mod format;
pub mod glossary;
pub mod html;
pub mod indicators;
pub mod keys;
pub mod markup;
pub mod notice;
pub mod plot;
pub mod quality;
pub mod session;
pub mod sort;
pub mod story;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The WebAssembly's allocator. Talc frees and reuses memory like std's dlmalloc (so memory
/// stays flat however long a lesson runs), in less code.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
