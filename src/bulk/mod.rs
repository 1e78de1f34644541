//! Bulk work, for the `cable` command and the Python package: what to read (files, folders,
//! standard input, `cables.csv` streamed in bounded memory), parsing on every core with the
//! output kept in input order, and the one-row-per-cable index.
//!
//! Native only: the browser reads one cable at a time through `api`.

pub mod index;
mod inputs;
pub mod json;
mod pool;

pub use inputs::{Input, Job, MAX_RECORD, Name, Payload, expand, produce, total_size};
pub use pool::{Caller, run_ordered};

pub use crate::library::read_cable;

/// Every core the machine offers (at least one).
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// One row of `cables.csv` as `WikiLeaks` wrote it: every field in double quotes, `"` and `\`
/// escaped with a backslash, line breaks kept; with its line break.
pub fn csv_row(fields: &[&str]) -> String {
    let mut row = String::with_capacity(fields.iter().map(|f| f.len() + 3).sum::<usize>() + 1);
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        row.push('"');
        for c in field.chars() {
            if matches!(c, '"' | '\\') {
                row.push('\\');
            }
            row.push(c);
        }
        row.push('"');
    }
    row.push('\n');
    row
}
