//! Files into the library, a chunk at a time, as they are read: a `cables.csv` is streamed
//! (memory bounded by its longest row), any other file is read whole (a cable, a saved page).

use super::Library;
use super::Source;
use super::protocol::Skipped;
use crate::cable::{CsvItem, CsvStream, starts_like_csv_row};

/// The longest row of `cables.csv` held (the longest cable is well under 1 MB).
pub const MAX_ROW: usize = 32 << 20;
/// The largest file read as one cable.
pub const MAX_FILE: usize = 8 << 20;

/// One file being read.
pub struct Feed {
    file: u32,
    name: String,
    csv: Option<CsvStream>,
    whole: Vec<u8>,
    seen: u64,
    too_large: bool,
}

impl Feed {
    pub fn new(file: u32, name: String) -> Self {
        Feed { file, name, csv: None, whole: Vec::new(), seen: 0, too_large: false }
    }

    /// Takes the file's next bytes (`eof` with the last ones); cables go into `library`, what
    /// is skipped into `problems`.
    pub fn push(&mut self, library: &mut Library, chunk: &[u8], eof: bool, problems: &mut Vec<Skipped>) {
        if self.seen == 0 && self.csv.is_none() && starts_like_csv_row(chunk) {
            self.csv = Some(CsvStream::new(MAX_ROW));
        }
        self.seen += chunk.len() as u64;
        if let Some(stream) = &mut self.csv {
            stream.push(chunk);
            while let Some(item) = stream.next_item(eof) {
                let start = stream.last_offset();
                match item {
                    CsvItem::Record { row, bytes } => {
                        let source = Source {
                            file: self.file,
                            start,
                            len: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
                            row: u32::try_from(row).unwrap_or(u32::MAX),
                        };
                        let name = format!("{}, row {row}", self.name);
                        if let Err(why) = library.add(&bytes, source, name.clone()) {
                            problems.push(Skipped { name, why });
                        }
                    }
                    CsvItem::Bad { row, problem } => {
                        problems.push(Skipped { name: format!("{}, row {row}", self.name), why: problem.to_string() });
                    }
                }
            }
            return;
        }
        if !self.too_large {
            if self.whole.len() + chunk.len() > MAX_FILE {
                self.too_large = true;
                self.whole = Vec::new();
            } else {
                self.whole.extend_from_slice(chunk);
            }
        }
        if eof {
            let name = std::mem::take(&mut self.name);
            if self.too_large {
                problems.push(Skipped {
                    name,
                    why: format!("{} MB, larger than any cable, and not a cables.csv", self.seen >> 20),
                });
                return;
            }
            let bytes = std::mem::take(&mut self.whole);
            let source =
                Source { file: self.file, start: 0, len: u32::try_from(bytes.len()).unwrap_or(u32::MAX), row: 0 };
            if let Err(why) = library.add(&bytes, source, name.clone()) {
                problems.push(Skipped { name, why });
            }
        }
    }
}
