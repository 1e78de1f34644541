//! The view state and its one reducer. Its only contact with the browser is the
//! User Timing measure around parsing (`cable:parse`), which changes no state;
//! everything else the browser does happens in the components and `browser.rs`.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::cable::{self, Cable, Severity};

/// Above this size a text is not parsed automatically: no cable comes close
/// (the largest in the corpus is 66 KB), and parsing it would stall the page.
pub const PARSE_LIMIT: usize = 2 * 1024 * 1024;

/// The sample cables a reader can try, and where each is: the first is compiled in (the app
/// opens on it, online or not); the others are files beside the app (`samples/`), fetched when
/// chosen and kept by the service worker from then on, so that a first visit does not carry them.
pub const SAMPLES: [(&str, Option<&str>); 3] = [
    ("09USUNNEWYORK78 (raw telegram)", None),
    ("09HARARE955 (press copy)", Some("samples/09HARARE955.txt")),
    ("72TEHRAN1164 (1972 cable)", Some("samples/72TEHRAN1164.txt")),
];

/// How the switcher names an edited cable: its ID, else its post and number, else its
/// subject, else that it is edited text.
/// The names a text opened from a paste or a drop has until its cable names it.
pub const UNNAMED: [&str; 2] = ["Pasted text", "Dropped text"];

/// What [`shown_name`] calls a text that names no cable.
const EDITED: &str = "Edited text";

fn shown_name(cable: &Cable) -> String {
    if let Some(id) = &cable.id {
        return id.clone();
    }
    if let (Some(origin), Some(serial)) = (&cable.origin, &cable.serial) {
        return format!("{origin} {serial}");
    }
    match &cable.subject {
        Some(subject) if subject.chars().count() > 40 => format!("{}…", subject.chars().take(40).collect::<String>()),
        Some(subject) => subject.clone(),
        None => EDITED.to_owned(),
    }
}

/// What was wrong with an input, said calmly to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    Binary,
    /// Too large to parse; `whole` when the page holds all of it (a paste), not just
    /// the head it shows (a file, which stays untouched where it is).
    TooLarge {
        bytes: usize,
        whole: bool,
    },
    NotACable,
    Unreadable(String),
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::Empty => "This is empty: there is nothing to read.".to_owned(),
            Problem::Binary => "This file is not text (it looks binary), so it was not read as a cable.".to_owned(),
            Problem::TooLarge { bytes, whole } => format!(
                "This {} is {} MB, far larger than any cable (they rarely pass 100 KB), so it was not parsed. {}",
                if *whole { "text" } else { "file" },
                megabytes(*bytes),
                if *whole {
                    "It is kept as you gave it and shown raw below."
                } else {
                    "Its beginning is shown raw below; the file itself is untouched."
                }
            ),
            Problem::NotACable => {
                "This does not look like a cable: no envelope, caption, numbered paragraphs or signature were found. It \
                 is shown as plain text."
                    .to_owned()
            }
            Problem::Unreadable(why) => format!("This file could not be read: {why}."),
        }
    }
}

/// `bytes` in MB to one decimal (`20.0`), in integers: formatting a float would
/// add 11 KB of float printing to the wasm.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes.saturating_mul(10) + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// One open cable: the text exactly as given, and what the parser made of it.
#[derive(Debug, Clone)]
pub struct Document {
    pub name: AttrValue,
    /// The text as given, or only its head when it is too large to parse (see `whole`).
    pub text: Rc<str>,
    /// The whole of a pasted text too large to parse, kept on the JavaScript side.
    pub whole: Option<js_sys::JsString>,
    pub cable: Rc<Cable>,
    pub problem: Option<Problem>,
    /// Opened from the library: it stays there, so it is not remembered with the open cables,
    /// and the next cable opened from the library takes its place.
    pub from_library: bool,
    /// Remembered from an earlier visit and not parsed yet: at start only the cable shown is
    /// parsed, the others when they are first shown (`ensure_parsed`). With twenty remembered
    /// pages the first render after a reload came 36 ms sooner (medians of 5, 457 → 421 ms).
    pub pending: bool,
}

impl Document {
    /// A remembered text, parsed when it is first shown.
    pub fn remembered(name: &str, text: &str) -> Self {
        Document {
            name: AttrValue::from(name.to_owned()),
            text: Rc::from(text),
            whole: None,
            cable: Rc::new(Cable::default()),
            problem: None,
            from_library: false,
            pending: true,
        }
    }

    /// Parses a remembered text if it has not been yet.
    pub fn ensure_parsed(&mut self) {
        if self.pending {
            *self = Document::from_text(&self.name, &self.text);
        }
    }

    pub fn from_text(name: &str, text: &str) -> Self {
        let (cable, problem) = if text.trim().is_empty() {
            (Cable::default(), Some(Problem::Empty))
        } else if text.len() > PARSE_LIMIT {
            (Cable::default(), Some(Problem::TooLarge { bytes: text.len(), whole: true }))
        } else {
            let cable = crate::ui::browser::timed("cable:parse", || cable::parse(text));
            let not_a_cable = cable.diagnostics.iter().any(|d| d.kind == cable::DiagnosticKind::NotACable);
            (cable, not_a_cable.then_some(Problem::NotACable))
        };
        Document {
            name: AttrValue::from(name.to_owned()),
            text: Rc::from(text),
            whole: None,
            cable: Rc::new(cable),
            problem,
            from_library: false,
            pending: false,
        }
    }

    /// A paste or a drop named by the cable it holds (its ID, its post and number, or its
    /// subject), as an edit is: two pasted cables are told apart in the switcher.
    fn named(mut self) -> Self {
        if UNNAMED.contains(&self.name.as_str()) && self.problem.is_none() {
            let shown = shown_name(&self.cable);
            if shown != EDITED {
                self.name = AttrValue::from(shown);
            }
        }
        self
    }

    /// A file's bytes: binary is refused, invalid UTF-8 replaced (the parser notes it).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Self {
        let Some((text, replaced)) = cable::decode(bytes) else {
            return Document {
                name: AttrValue::from(name.to_owned()),
                text: Rc::from(""),
                whole: None,
                cable: Rc::new(Cable::default()),
                problem: Some(Problem::Binary),
                from_library: false,
                pending: false,
            };
        };
        let mut document = Document::from_text(name, &text);
        if let Some(note) = replaced {
            Rc::make_mut(&mut document.cable).diagnostics.insert(0, note);
        }
        document
    }

    /// Text too large to parse, held whole as a JS string; `head` is what the view shows.
    pub fn large_text(name: &str, head: String, whole: js_sys::JsString) -> Self {
        let bytes = whole.length() as usize;
        Document {
            name: AttrValue::from(name.to_owned()),
            text: Rc::from(head),
            whole: Some(whole),
            cable: Rc::new(Cable::default()),
            problem: Some(Problem::TooLarge { bytes, whole: true }),
            from_library: false,
            pending: false,
        }
    }

    /// A file too large to parse, of which `head` was read to show it raw (decoded as a file
    /// is: UTF-16 and Windows-1252 as what they are, so that neither is called binary).
    pub fn too_large(name: &str, head: &[u8], size: usize) -> Self {
        let (problem, text) = match cable::decode(head) {
            Some((text, _)) => (Problem::TooLarge { bytes: size, whole: false }, Rc::from(text.as_ref())),
            None => (Problem::Binary, Rc::from(String::from_utf8_lossy(head).as_ref())),
        };
        Document {
            name: AttrValue::from(name.to_owned()),
            text,
            whole: None,
            cable: Rc::new(Cable::default()),
            problem: Some(problem),
            from_library: false,
            pending: false,
        }
    }

    pub fn unreadable(name: &str, why: String) -> Self {
        Document {
            name: AttrValue::from(name.to_owned()),
            text: Rc::from(""),
            whole: None,
            cable: Rc::new(Cable::default()),
            problem: Some(Problem::Unreadable(why)),
            from_library: false,
            pending: false,
        }
    }

    /// A short account of the parse, for the status region.
    pub fn summary(&self) -> String {
        if let Some(problem) = &self.problem {
            return problem.message();
        }
        let c = &self.cable;
        let paragraphs: usize = c.sections.iter().map(|s| s.paragraphs.len()).sum();
        let warnings = c.diagnostics.iter().filter(|d| d.severity != Severity::Info).count();
        format!(
            "Showing {}: {} section{}, {} paragraph{}, {} warning{}.",
            c.id.as_deref().unwrap_or(&self.name),
            c.sections.len(),
            plural(c.sections.len()),
            paragraphs,
            plural(paragraphs),
            warnings,
            plural(warnings)
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An input that arrived by file, drop or paste.
pub struct Incoming {
    pub name: String,
    /// The file, or its head when it is larger than the parser takes.
    pub bytes: Result<Vec<u8>, String>,
    /// The file's full size in bytes.
    pub size: usize,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub documents: Vec<Document>,
    pub current: usize,
    /// Bumped whenever the current text changes other than by typing, so the
    /// textarea (which owns what is being typed) takes the new text.
    pub epoch: u64,
    /// Bumped on every change of the shown cable (an edit included): the view
    /// measures `cable:render` when it has committed a new revision.
    pub revision: u64,
    pub query: AttrValue,
    /// Which find hit is current (0-based).
    pub hit: usize,
    pub show_original: bool,
    pub reflow: bool,
    pub theme: AttrValue,
    pub status: AttrValue,
    /// Whether the status region should announce the find count (the last thing the
    /// reader did was finding) rather than `status`.
    pub finding: bool,
}

impl AppState {
    /// The state a page opens with: the remembered cables, or the sample.
    pub fn with_documents(saved: Vec<(String, String)>, theme: Option<String>) -> Self {
        let mut documents: Vec<Document> = saved.iter().map(|(name, text)| Document::remembered(name, text)).collect();
        if documents.is_empty() {
            documents.push(Document::from_text(SAMPLES[0].0, crate::SAMPLE_CABLE));
        }
        documents[0].ensure_parsed();
        let status = AttrValue::from(documents[0].summary());
        AppState {
            documents,
            current: 0,
            epoch: 0,
            revision: 0,
            query: AttrValue::default(),
            hit: 0,
            show_original: false,
            reflow: true,
            theme: AttrValue::from(theme.unwrap_or_else(|| "auto".to_owned())),
            status,
            finding: false,
        }
    }

    pub fn document(&self) -> &Document {
        &self.documents[self.current.min(self.documents.len() - 1)]
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::with_documents(Vec::new(), None)
    }
}

pub enum Action {
    /// The reader typed or pasted into the textarea.
    Edit(String),
    /// Text from elsewhere (a sample, a paste outside the textarea).
    OpenText {
        name: String,
        text: String,
    },
    /// Pasted or dropped text too large to parse: its head to show, and the whole text.
    OpenLarge {
        name: String,
        head: String,
        whole: js_sys::JsString,
    },
    /// Files from the file picker, a drop or a paste.
    OpenFiles(Vec<Incoming>),
    /// A cable from the library: it replaces the one last opened from there, with find set on
    /// what was searched (one action: one render, not a second for find).
    OpenFromLibrary {
        name: String,
        text: String,
        find: String,
    },
    Select(usize),
    Close(usize),
    /// Forget every remembered cable and start again from the sample.
    Forget,
    Find(String),
    /// Move to the next (+1) or previous (-1) of `total` hits.
    FindStep {
        delta: isize,
        total: usize,
    },
    ToggleOriginal,
    ToggleReflow,
    Theme(String),
    Status(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if matches!(
            action,
            Action::Edit(_)
                | Action::OpenText { .. }
                | Action::OpenLarge { .. }
                | Action::OpenFiles(_)
                | Action::OpenFromLibrary { .. }
                | Action::Select(_)
                | Action::Close(_)
                | Action::Forget
        ) {
            next.revision += 1;
        }
        // The status region announces the latest event: the find count after finding, else `status`.
        next.finding = matches!(action, Action::Find(_) | Action::FindStep { .. } | Action::OpenFromLibrary { .. });
        match action {
            Action::Edit(text) => {
                let before = next.document();
                let mut document = Document::from_text(&before.name, &text);
                // The switcher names what is shown: an edit that makes it another cable renames it.
                if document.cable.id.is_none() || document.cable.id != before.cable.id {
                    document.name = AttrValue::from(shown_name(&document.cable));
                }
                next.status = AttrValue::from(document.summary());
                next.documents[next.current] = document;
                next.hit = 0;
            }
            Action::OpenLarge { name, head, whole } => {
                let document = Document::large_text(&name, head, whole);
                next.open(vec![document]);
            }
            Action::OpenText { name, text } => next.open(vec![Document::from_text(&name, &text).named()]),
            Action::OpenFromLibrary { name, text, find } => {
                next.open_from_library(&name, &text);
                next.query = AttrValue::from(find);
            }
            Action::OpenFiles(files) => {
                // One measure for the whole batch (`cable:parse-files`): opening many files at once.
                let documents = crate::ui::browser::timed("cable:parse-files", || {
                    files
                        .into_iter()
                        .map(|f| match f.bytes {
                            // Only the head of a file this large was read: say how large it is.
                            Ok(bytes) if f.size > PARSE_LIMIT => Document::too_large(&f.name, &bytes, f.size),
                            Ok(bytes) => Document::from_bytes(&f.name, &bytes),
                            Err(why) => Document::unreadable(&f.name, why),
                        })
                        .collect()
                });
                next.open(documents);
            }
            Action::Select(k) if k < next.documents.len() => {
                next.current = k;
                next.documents[k].ensure_parsed();
                next.epoch += 1;
                next.hit = 0;
                next.status = AttrValue::from(next.document().summary());
            }
            Action::Close(k) if k < next.documents.len() => {
                let closed = next.documents.remove(k);
                if next.documents.is_empty() {
                    next.documents.push(Document::from_text(SAMPLES[0].0, crate::SAMPLE_CABLE));
                }
                next.current = next.current.min(next.documents.len() - 1);
                let shown = next.current;
                next.documents[shown].ensure_parsed();
                next.epoch += 1;
                next.status = AttrValue::from(format!("Closed {}. {}", closed.name, next.document().summary()));
            }
            // Selecting or closing a cable that is not open changes nothing.
            Action::Select(_) | Action::Close(_) => return self,
            Action::Forget => {
                let fresh = AppState::with_documents(Vec::new(), Some(next.theme.to_string()));
                next.documents = fresh.documents;
                next.current = 0;
                next.epoch += 1;
                next.status = AttrValue::from("Forgot the remembered cables; showing the sample.");
            }
            Action::Find(query) => {
                next.query = AttrValue::from(query);
                next.hit = 0;
            }
            Action::FindStep { delta, total } => {
                if total == 0 {
                    return self;
                }
                let total = isize::try_from(total).unwrap_or(isize::MAX);
                let current = isize::try_from(next.hit).unwrap_or(0);
                next.hit = usize::try_from((current + delta).rem_euclid(total)).unwrap_or(0);
            }
            Action::ToggleOriginal => next.show_original = !next.show_original,
            Action::ToggleReflow => next.reflow = !next.reflow,
            Action::Theme(theme) => next.theme = AttrValue::from(theme),
            Action::Status(message) => next.status = AttrValue::from(message),
        }
        Rc::new(next)
    }
}

impl AppState {
    /// A cable from the library takes the place of the one last opened from there.
    fn open_from_library(&mut self, name: &str, text: &str) {
        let mut document = Document::from_text(name, text);
        document.from_library = true;
        document.name = AttrValue::from(shown_name(&document.cable));
        self.status = AttrValue::from(document.summary());
        if let Some(k) = self.documents.iter().position(|d| d.from_library) {
            self.documents[k] = document;
            self.current = k;
        } else {
            self.documents.push(document);
            self.current = self.documents.len() - 1;
        }
        self.epoch += 1;
        self.hit = 0;
    }

    fn open(&mut self, documents: Vec<Document>) {
        if documents.is_empty() {
            return;
        }
        let count = documents.len();
        self.documents.extend(documents);
        self.current = self.documents.len() - count;
        self.epoch += 1;
        self.hit = 0;
        let first = self.document().summary();
        self.status = AttrValue::from(if count == 1 { first } else { format!("Opened {count} files. {first}") });
    }
}
