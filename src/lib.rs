//! Cable Viewer: read US diplomatic cables as structured documents.
//!
//! `cable` is the pure parser (native and wasm alike). The browser half, `ui`
//! (the Yew app) and `api` (the `#[wasm_bindgen]` adapter), only exists when
//! compiling for `wasm32`, so native builds and tests never compile it.

/// The parser, a crate of its own (`src/cable`) so that it can be optimised for speed.
pub use cable_parser as cable;
pub mod codes;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The sample cable that ships inside the app: what a user sees first.
pub const SAMPLE_CABLE: &str = include_str!("assets/09USUNNEWYORK78.txt");

/// Starts the app in the browser page (`main.rs` calls this).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    ui::mount();
}

/// Outside the browser there is no page to mount on; point at the CLI instead.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("cable-viewer is the browser app (build it with `make serve`); use `cable` on the command line.");
}

/// Bulk work for the `cable` command and the Python package (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod bulk;

/// A library of many cables: indexing, filters, full-text search (the browser runs it in a worker).
pub mod library;

/// `../shared/corpus` beside the repository, or `$CABLE_CORPUS`: where the unit tests find the
/// corpus (the tests under `tests/` through `tests/common`).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn test_corpus() -> std::path::PathBuf {
    std::env::var_os("CABLE_CORPUS").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        std::path::PathBuf::from,
    )
}
