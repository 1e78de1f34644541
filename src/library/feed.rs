//! Files into the library, a chunk at a time, as they are read: a `cables.csv` is streamed
//! (memory bounded by its longest row), any other file is read whole (a cable, a saved page).

use serde::{Deserialize, Serialize};

use super::Library;
use super::Source;
use super::protocol::Skipped;
use crate::cable::{CsvItem, CsvStream, starts_like_csv_row};

/// The longest row of `cables.csv` held (the longest cable is well under 1 MB).
pub const MAX_ROW: usize = 32 << 20;
/// The largest file read as one cable.
pub const MAX_FILE: usize = 8 << 20;

/// About this many bytes of `cables.csv` rows make a [`Batch`].
pub const BATCH_BYTES: usize = 4 << 20;
/// About how many words a batch's cables hold (the generated 1.8 GB `cables.csv`: 15,000–30,000).
const BATCH_WORDS: usize = 32 << 10;

/// Rows of a `cables.csv`, framed by the worker that reads the file, for a worker to parse and
/// index apart ([`Library::add_batch`]); each row as its number, where it starts in the file
/// and its length. Their bytes travel beside it, one after another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub file: u32,
    pub name: String,
    pub rows: Vec<(u32, u64, u32)>,
    /// The bad rows among them (broken quoting, too long), by number, and why: reported with
    /// the batch, so that every problem is listed in row order.
    pub bad: Vec<(u32, String)>,
}

/// One file being read.
pub struct Feed {
    file: u32,
    name: String,
    csv: Option<CsvStream>,
    whole: Vec<u8>,
    seen: u64,
    too_large: bool,
    /// With [`Feed::batching`]: rows framed and not yet taken, and their bytes.
    batching: Option<usize>,
    batch: Batch,
    batch_bytes: Vec<u8>,
    /// Batches taken so far.
    batches: u32,
    done: bool,
}

impl Feed {
    pub fn new(file: u32, name: String) -> Self {
        Feed {
            file,
            name,
            csv: None,
            whole: Vec::new(),
            seen: 0,
            too_large: false,
            batching: None,
            batch: Batch::default(),
            batch_bytes: Vec::new(),
            batches: 0,
            done: false,
        }
    }

    /// A feed that holds a `cables.csv`'s rows in batches of about `bytes` ([`Feed::take_batch`];
    /// [`BATCH_BYTES`] in the worker) instead of adding them: two workers can then index a
    /// file's batches side by side. Bad rows are still reported as they are framed; any other
    /// file is added as it is read.
    #[must_use]
    pub fn batching(mut self, bytes: usize) -> Self {
        self.batching = Some(bytes);
        self
    }

    /// The next batch of rows: a batch's worth (the file's first a quarter of that, its second a
    /// half, so that its first rows are listed soon), or the last ones once the file is done.
    pub fn take_batch(&mut self) -> Option<(Batch, Vec<u8>)> {
        let limit = self.batching.map(|limit| limit >> (2 - self.batches.min(2)))?;
        let full = self.batch_bytes.len() >= limit;
        if !full && !(self.done && !(self.batch.rows.is_empty() && self.batch.bad.is_empty())) {
            return None;
        }
        // The rows up to the limit (at least one); the rest wait for the next batch.
        let (mut rows, mut bytes) = (0, 0usize);
        while rows < self.batch.rows.len() && (rows == 0 || bytes < limit) {
            bytes += self.batch.rows[rows].2 as usize;
            rows += 1;
        }
        let later_rows = self.batch.rows.split_off(rows);
        let later_bytes = self.batch_bytes.split_off(bytes.min(self.batch_bytes.len()));
        let next_row = later_rows.first().map_or(u32::MAX, |r| r.0);
        let later_bad = self.batch.bad.iter().position(|(row, _)| *row > next_row).unwrap_or(self.batch.bad.len());
        let later_bad = self.batch.bad.split_off(later_bad);
        self.batches += 1;
        let batch = Batch {
            file: self.file,
            name: self.name.clone(),
            rows: std::mem::replace(&mut self.batch.rows, later_rows),
            bad: std::mem::replace(&mut self.batch.bad, later_bad),
        };
        Some((batch, std::mem::replace(&mut self.batch_bytes, later_bytes)))
    }

    /// Takes the file's next bytes (`eof` with the last ones); cables go into `library`, what
    /// is skipped into `problems`.
    pub fn push(&mut self, library: &mut Library, chunk: &[u8], eof: bool, problems: &mut Vec<Skipped>) {
        if self.seen == 0 && self.csv.is_none() && starts_like_csv_row(chunk) {
            self.csv = Some(CsvStream::new(MAX_ROW));
        }
        self.seen += chunk.len() as u64;
        self.done = eof;
        if let Some(stream) = &mut self.csv {
            stream.push(chunk);
            while let Some(item) = stream.next_item(eof) {
                let start = stream.last_offset();
                match item {
                    CsvItem::Record { row, bytes } if self.batching.is_some() => {
                        let row = u32::try_from(row).unwrap_or(u32::MAX);
                        self.batch.rows.push((row, start, u32::try_from(bytes.len()).unwrap_or(u32::MAX)));
                        self.batch_bytes.extend_from_slice(&bytes);
                    }
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
                    CsvItem::Bad { row, problem } if self.batching.is_some() => {
                        self.batch.bad.push((u32::try_from(row).unwrap_or(u32::MAX), problem.to_string()));
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

impl Library {
    /// Parses and indexes a [`Batch`] of rows (`bytes`: theirs, one after another), as reading
    /// them from the file would have; what is no cable goes into `problems`.
    pub fn add_batch(&mut self, batch: &Batch, bytes: &[u8], problems: &mut Vec<Skipped>) {
        if self.is_empty() {
            self.index = super::search::Index::with_room(BATCH_WORDS);
        }
        let mut at = 0usize;
        let mut bad = batch.bad.iter().peekable();
        let mut bad_before = |row: u32, problems: &mut Vec<Skipped>| {
            while let Some((bad_row, why)) = bad.next_if(|(r, _)| *r < row) {
                problems.push(Skipped { name: format!("{}, row {bad_row}", batch.name), why: why.clone() });
            }
        };
        for &(row, start, len) in &batch.rows {
            bad_before(row, problems);
            let Some(row_bytes) = bytes.get(at..at + len as usize) else {
                problems.push(Skipped {
                    name: format!("{}, row {row}", batch.name),
                    why: "the row was lost on its way to be indexed".to_owned(),
                });
                continue;
            };
            at += len as usize;
            let source = Source { file: batch.file, start, len, row };
            let name = format!("{}, row {row}", batch.name);
            if let Err(why) = self.add(row_bytes, source, name.clone()) {
                problems.push(Skipped { name, why });
            }
        }
        bad_before(u32::MAX, problems);
    }
}
