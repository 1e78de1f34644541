//! Bulk work, for the `cable` command and the Python package: what to read (files, folders,
//! standard input, `cables.csv` streamed in bounded memory), parsing on every core with the
//! output kept in input order, and the one-row-per-cable index.
//!
//! Native only: the browser reads one cable at a time through `api`.

pub mod index;
mod inputs;
mod pool;

pub use inputs::{Input, Job, MAX_RECORD, Name, Payload, expand, produce};
pub use pool::run_ordered;

use crate::cable::{Cable, DiagnosticKind};

/// The parsed cable, or why the input is not one (empty, binary, not a cable): such an
/// input is reported and skipped by bulk runs, never written as if it were a cable.
///
/// A text without header, caption or numbered paragraphs is still a cable when it ends in a
/// signature: the body of a 1970s telegram as the National Archives give it.
pub fn read_cable(bytes: &[u8]) -> Result<Cable, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty".to_owned());
    }
    let cable = crate::cable::parse_bytes(bytes);
    let refused = cable.diagnostics.iter().find(|d| match d.kind {
        DiagnosticKind::Binary => true,
        DiagnosticKind::NotACable => cable.signers.is_empty(),
        _ => false,
    });
    match refused {
        Some(d) => Err(d.message.clone()),
        None => Ok(cable),
    }
}

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
