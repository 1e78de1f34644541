//! The library in the page. Two sides, in two wasm modules: the page's (the app's wasm) knows
//! only `bridge.rs`; the library part (`src/bin/library_ui.rs`, loaded when a library is first
//! wanted) is the rest: its root (`part.rs`), its state (`state.rs`), its hook and the worker
//! client (`handle.rs`, `client.rs`), the library view (`view.rs`: search, filters, progress)
//! with its virtualised list (`list.rs`), and the links shown above a cable opened from it
//! (`links.rs`). The index itself lives in the worker (`crate::library`).

pub mod bridge;
pub mod client;
pub mod handle;
pub mod links;
pub mod list;
pub mod part;
pub mod state;
pub mod view;
