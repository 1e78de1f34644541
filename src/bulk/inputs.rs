//! What a bulk run reads: files, folders (recursively, cable-like files only), standard input,
//! and `cables.csv` (from a file or standard input) streamed a row at a time.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::cable::{CsvItem, CsvStream};

/// Extensions a folder's cable-like files have (a file named on the command line is read
/// whatever its name).
const CABLE_LIKE: [&str; 6] = ["txt", "text", "html", "htm", "json", "csv"];

/// Bytes read at a time from a streamed file.
const CHUNK: usize = 1 << 20;

/// No cable comes near this; a `cables.csv` record longer than it is reported and skipped
/// without being held in memory.
pub const MAX_RECORD: usize = 32 << 20;

/// The most read of any other input (a file, standard input): more is no cable.
pub const MAX_INPUT: usize = 64 << 20;

/// One thing named on the command line, after folders are walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A folder that could not be walked, and why: reported in its place.
    Unwalkable {
        path: String,
        problem: String,
    },
}

/// Where an item came from, for messages and the index's `source` column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    File(String),
    Stdin,
    /// A row of a `cables.csv` (the file's name, or `None` for standard input), counted from 1.
    Row(Option<String>, usize),
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::File(path) => f.write_str(path),
            Name::Stdin => f.write_str("standard input"),
            Name::Row(Some(path), row) => write!(f, "{path}: row {row}"),
            Name::Row(None, row) => write!(f, "standard input: row {row}"),
        }
    }
}

/// One item of work: a cable's bytes, or an input that could not be read (reported in its
/// place in the output order).
#[derive(Debug)]
pub struct Job {
    pub name: Name,
    pub payload: Payload,
}

#[derive(Debug)]
pub enum Payload {
    Bytes(Vec<u8>),
    Problem(String),
}

/// The inputs the arguments name, folders walked in name order; arguments that cannot be walked
/// are reported as problems in their place.
pub fn expand(args: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    if args.is_empty() {
        inputs.push(Input::Stdin);
    }
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
        } else if Path::new(arg).is_dir() {
            walk(Path::new(arg), &mut inputs);
        } else {
            inputs.push(Input::File(PathBuf::from(arg)));
        }
    }
    inputs
}

/// The inputs' total size in bytes, when every input has one (not standard input): what a
/// progress bar needs, and only it (one `stat` per file).
pub fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .map(|input| match input {
            Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Input::Stdin => None,
            Input::Unwalkable { .. } => Some(0),
        })
        .sum()
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Unwalkable {
                path: dir.display().to_string(),
                problem: format!("cannot read the folder: {e}"),
            });
            return;
        }
    };
    // The folder's own listing says what each entry is (no `stat` per file); only a symbolic
    // link is looked through, to read a linked file (linked folders are not followed: no loops).
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let path = e.path();
            if kind.is_symlink() {
                return path.is_file().then_some((path, false));
            }
            Some((path, kind.is_dir()))
        })
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, inputs);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| CABLE_LIKE.iter().any(|c| c.eq_ignore_ascii_case(e)))
        {
            inputs.push(Input::File(path));
        }
    }
}

/// Emits a job per input, and per row of a `cables.csv` (told by its first bytes, whatever
/// the file is called), until `emit` returns false. Files are read whole (a cable is small);
/// a `cables.csv` is streamed in 1 MiB chunks, so memory does not grow with it.
pub fn produce(inputs: Vec<Input>, emit: &mut dyn FnMut(Job) -> bool) {
    for input in inputs {
        let (name, reader): (Name, std::io::Result<Box<dyn Read>>) = match input {
            Input::Unwalkable { path, problem } => {
                if emit(Job { name: Name::File(path), payload: Payload::Problem(problem) }) {
                    continue;
                }
                return;
            }
            Input::Stdin => (Name::Stdin, Ok(Box::new(std::io::stdin().lock()))),
            Input::File(path) => {
                let name = Name::File(path.display().to_string());
                (name, std::fs::File::open(&path).map(|f| Box::new(f) as Box<dyn Read>))
            }
        };
        let going_on = match reader {
            Ok(reader) => read_input(name, reader, emit),
            Err(e) => emit(Job { name, payload: Payload::Problem(format!("cannot read it: {e}")) }),
        };
        if !going_on {
            return;
        }
    }
}

fn read_input(name: Name, mut reader: Box<dyn Read>, emit: &mut dyn FnMut(Job) -> bool) -> bool {
    let mut first = Vec::with_capacity(CHUNK);
    if let Err(e) = reader.by_ref().take(CHUNK as u64).read_to_end(&mut first) {
        return emit(Job { name, payload: Payload::Problem(format!("cannot read it: {e}")) });
    }
    if !crate::cable::starts_like_csv_row(&first) {
        // Read whole, but never without bound (`/dev/zero`, a pipe that does not end).
        let rest = (MAX_INPUT + 1).saturating_sub(first.len()) as u64;
        return match reader.take(rest).read_to_end(&mut first) {
            Ok(_) if first.len() > MAX_INPUT => emit(Job {
                name,
                payload: Payload::Problem(format!(
                    "larger than {} MB, more than any cable; not read further",
                    MAX_INPUT >> 20
                )),
            }),
            Ok(_) => emit(Job { name, payload: Payload::Bytes(first) }),
            Err(e) => emit(Job { name, payload: Payload::Problem(format!("cannot read it: {e}")) }),
        };
    }
    let file = match name {
        Name::File(path) => Some(path),
        _ => None,
    };
    let mut stream = CsvStream::new(MAX_RECORD);
    stream.push(&first);
    let mut chunk = vec![0; CHUNK];
    let mut eof = false;
    loop {
        while let Some(item) = stream.next_item(eof) {
            let job = match item {
                CsvItem::Record { row, bytes } => {
                    Job { name: Name::Row(file.clone(), row), payload: Payload::Bytes(bytes) }
                }
                CsvItem::Bad { row, problem } => {
                    Job { name: Name::Row(file.clone(), row), payload: Payload::Problem(problem.to_string()) }
                }
            };
            if !emit(job) {
                return false;
            }
        }
        if eof {
            return true;
        }
        match reader.read(&mut chunk) {
            Ok(0) => eof = true,
            Ok(n) => stream.push(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                let name = file.clone().map_or(Name::Stdin, Name::File);
                return emit(Job { name, payload: Payload::Problem(format!("cannot read the rest: {e}")) });
            }
        }
    }
}
