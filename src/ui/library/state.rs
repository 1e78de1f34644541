//! The library's view state and its reducer, apart from the reader's (`ui/state.rs`). Where
//! the reader is (list, query, open cable) is the URL fragment's [`Place`]: every move goes
//! through the address, so back, forward and a copied link work.

use std::collections::HashMap;
use std::rc::Rc;

use yew::Reducible;

use crate::library::protocol::{Answer, Place, Progress, Reading, Row, Skipped};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryState {
    /// A library was opened in this page (the worker holds it).
    pub loaded: bool,
    /// Where the reader is, when in the library (`#library…`); `None`: the single-cable reader.
    pub place: Option<Place>,
    pub progress: Progress,
    /// When the progress was last heard (ms since indexing began, for the rate).
    pub problems: Rc<Vec<Skipped>>,
    /// The query last sent to the worker: only its answer is shown.
    pub seq: u32,
    /// Bumped when more cables were indexed than the list last showed: the list asks again.
    pub requery: u32,
    pub answer: Rc<Answer>,
    /// Rows of the current answer by position, as they arrive.
    pub rows: Rc<HashMap<u32, Row>>,
    /// The open cable's links (its text went to the reader).
    pub reading: Option<Rc<Reading>>,
    /// The last thing that went wrong, for the status region.
    pub message: Option<String>,
    /// Cables indexed when the last query was sent.
    queried_at: u32,
    /// A library kept on this machine from an earlier visit (read from local storage).
    pub kept: Option<Kept>,
    /// The library's files are at hand (not so for a kept library until chosen again).
    pub attached: bool,
}

/// What the page remembers of a kept library: its size and its files, to ask for them again.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    pub cables: u32,
    /// Each file's name (a folder's relative path) and size, in the library's order.
    pub files: Vec<(String, u64)>,
}

pub enum LibraryAction {
    /// Files were sent to the worker.
    Started {
        files: u32,
        bytes: u64,
    },
    /// The kept library is being opened (without its files).
    Restoring,
    /// Its files were chosen again.
    Attached,
    /// The library is kept on this machine now (or was, at load: `None` when not).
    Kept(Option<Kept>),
    Progress(Progress),
    Answer(Answer),
    Rows {
        seq: u32,
        start: u32,
        rows: Vec<Row>,
    },
    Read(Reading),
    Failed(String),
    /// The address changed (a click, back/forward, a pasted link); `seq`: the query now asked.
    Place {
        place: Option<Place>,
        seq: u32,
    },
    /// A query was sent as the library grew.
    Sent(u32),
    /// "Forget library".
    Forget,
}

impl LibraryState {
    pub fn open_id(&self) -> Option<&str> {
        self.place.as_ref().and_then(|p| p.open.as_deref())
    }
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            LibraryAction::Started { files, bytes } => {
                next.loaded = true;
                next.progress = Progress { files_total: files, bytes_total: bytes, ..Progress::default() };
                next.problems = Rc::new(Vec::new());
                next.answer = Rc::new(Answer::default());
                next.rows = Rc::new(HashMap::new());
                next.reading = None;
                next.message = None;
                next.queried_at = 0;
                next.attached = true;
            }
            LibraryAction::Restoring => {
                next.loaded = true;
                next.attached = false;
                next.progress = Progress::default();
                next.message = None;
                next.queried_at = 0;
            }
            LibraryAction::Attached => {
                next.attached = true;
                next.message = None;
            }
            LibraryAction::Kept(kept) => next.kept = kept,
            LibraryAction::Progress(progress) => {
                if !progress.problems.is_empty() {
                    Rc::make_mut(&mut next.problems).extend(progress.problems.iter().cloned());
                }
                // The list follows the indexing: at once for the first cables, then every
                // half as many again (each answer re-sorts, and its rendering competes with
                // indexing for the cores), and at the end.
                let q = next.queried_at;
                let grown = progress.cables > 0 && (q == 0 || progress.cables >= q + q / 2 + 1000);
                if progress.done || grown {
                    next.queried_at = progress.cables;
                    next.requery += 1;
                }
                next.progress = Progress { problems: Vec::new(), ..progress };
            }
            LibraryAction::Answer(answer) => {
                if answer.seq != next.seq {
                    return self;
                }
                let rows = answer.rows.iter().enumerate().map(|(k, r)| (u32::try_from(k).unwrap_or(0), r.clone()));
                next.rows = Rc::new(rows.collect());
                next.answer = Rc::new(answer);
            }
            LibraryAction::Rows { seq, start, rows } => {
                if seq != next.answer.seq || seq != next.seq {
                    return self;
                }
                let map = Rc::make_mut(&mut next.rows);
                for (k, row) in rows.into_iter().enumerate() {
                    map.insert(start + u32::try_from(k).unwrap_or(0), row);
                }
            }
            LibraryAction::Read(reading) => next.reading = Some(Rc::new(Reading { text: String::new(), ..reading })),
            LibraryAction::Failed(message) => next.message = Some(message),
            LibraryAction::Sent(seq) => next.seq = seq,
            LibraryAction::Place { place, seq } => {
                if seq != next.seq {
                    next.queried_at = next.progress.cables;
                }
                next.seq = seq;
                // Another cable (or none) to read: the reader shows it once it has arrived.
                if place.as_ref().and_then(|p| p.open.as_ref()) != next.open_id().map(str::to_owned).as_ref() {
                    next.reading = None;
                }
                next.place = place;
            }
            LibraryAction::Forget => {
                let place = next.place.take().map(|_| Place::default());
                next = LibraryState { place, seq: next.seq, ..LibraryState::default() };
            }
        }
        Rc::new(next)
    }
}
