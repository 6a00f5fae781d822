//! ICT Explorer: the tables and quoted numbers of Ning (2009), "China's Leadership in the World
//! ICT Industry", *Pacific Affairs* 82(1), as audited data with indicators, checks and charts.
//!
//! The core (everything but [`web`]) knows nothing of the browser; see `ARCHITECTURE.md`.

pub mod api;
pub mod chart;
// The checks' types compile for wasm32, where the Data quality list's filters (`quality`) and
// downloads name them, but the checks themselves are native only: the page gets their lists
// prebuilt by `cargo xtask dist`.
pub mod checks;
pub mod data;
pub mod describe;
pub mod display;
pub mod export;
pub mod format;
pub mod glossary;
pub mod html;
pub mod indicators;
pub mod keys;
pub mod lang;
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
