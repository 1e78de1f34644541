//! The library in the page: its state (`state.rs`), the worker client (`client.rs`), the
//! library view (`view.rs`: search, filters, progress) with its virtualised list (`list.rs`),
//! and the links shown above a cable opened from it (`links.rs`). The index itself lives in the
//! worker (`crate::library`).

pub mod client;
pub mod links;
pub mod list;
pub mod state;
pub mod view;
