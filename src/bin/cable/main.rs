//! The `cable` command: `parse` and `index` over files, folders, standard input and
//! `cables.csv`, on every core; `explain` for codes. See `command::USAGE`.
//!
//! Native only: built for the browser (as `cargo test --target wasm32…` builds every binary
//! of the package), it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod command;
#[cfg(not(target_arch = "wasm32"))]
mod output;

/// mimalloc, for the many small allocations of parsing (see Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    command::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
