//! `use_library` (in the library part): the library worker, its replies into the library's state
//! (and a cable to read handed to the page), the queries its state calls for, and the address
//! kept in step with it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::library::protocol::{Place, Reply, Request};
use crate::ui::browser;
use crate::ui::library::bridge;
use crate::ui::library::client::Client;
use crate::ui::library::state::{Kept, LibraryAction, LibraryState};

/// What the components may do with the library.
#[derive(Clone)]
pub struct LibraryHandle {
    pub state: UseReducerHandle<LibraryState>,
    client: Rc<RefCell<Option<Client>>>,
    /// What was last asked of the worker, kept outside the state so that a request leaves at
    /// once (not after a render) and never twice.
    sent: Rc<RefCell<Sent>>,
}

#[derive(Default)]
struct Sent {
    loaded: bool,
    seq: u32,
    query: Option<crate::library::protocol::Query>,
    open: Option<String>,
    /// The files of the library being indexed, to remember once it is kept.
    opened: Vec<(String, u64)>,
    /// A library kept from an earlier visit, not yet opened.
    kept: Option<Kept>,
}

impl PartialEq for LibraryHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl LibraryHandle {
    /// The worker, started when first needed; false when it cannot start (said in the state).
    fn client(&self) -> bool {
        if self.client.borrow().is_some() {
            return true;
        }
        let library = self.state.dispatcher();
        let sent = self.sent.clone();
        let on_reply = Callback::from(move |reply: Reply| match reply {
            Reply::Progress(p) => library.dispatch(LibraryAction::Progress(p)),
            Reply::Answer(a) => library.dispatch(LibraryAction::Answer(a)),
            Reply::Rows { seq, start, rows } => library.dispatch(LibraryAction::Rows { seq, start, rows }),
            Reply::Read(reading) => {
                browser::mark_input();
                // Find starts on what was searched: the first phrase, else the first word.
                let find = reading.marks.iter().find(|m| m.contains(' ')).or(reading.marks.first()).cloned();
                let detail = bridge::object(&[
                    ("name", &reading.name.as_str().into()),
                    ("text", &reading.text.as_str().into()),
                    ("find", &find.unwrap_or_default().into()),
                ]);
                library.dispatch(LibraryAction::Read(reading));
                bridge::emit(bridge::READ, &detail);
            }
            Reply::Failed { message } => library.dispatch(LibraryAction::Failed(message)),
            Reply::Kept { cables, .. } => {
                let kept = Kept { cables, files: sent.borrow().opened.clone() };
                let serializer = serde_wasm_bindgen::Serializer::json_compatible();
                if let Some(json) = serde::Serialize::serialize(&kept, &serializer)
                    .ok()
                    .and_then(|v| js_sys::JSON::stringify(&v).ok())
                    .and_then(|s| s.as_string())
                {
                    browser::save_library(&json);
                }
                library.dispatch(LibraryAction::Kept(Some(kept)));
            }
            Reply::Ready => {}
        });
        match Client::start(on_reply) {
            Ok(client) => {
                *self.client.borrow_mut() = Some(client);
                true
            }
            Err(why) => {
                self.state.dispatch(LibraryAction::Failed(why));
                false
            }
        }
    }

    /// Indexes files as a new library and shows it.
    pub fn open(&self, files: Vec<web_sys::File>, names: Vec<String>) {
        if !self.client() {
            return;
        }
        {
            let mut sent = self.sent.borrow_mut();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "byte counts")]
            let opened = names.iter().cloned().zip(files.iter().map(|f| f.size() as u64)).collect();
            sent.opened = opened;
            sent.kept = None;
        }
        // What was kept is about to be replaced.
        browser::forget_library();
        self.state.dispatch(LibraryAction::Kept(None));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "byte counts")]
        let bytes = files.iter().map(|f| f.size() as u64).sum();
        self.state.dispatch(LibraryAction::Started { files: u32::try_from(files.len()).unwrap_or(u32::MAX), bytes });
        if let Some(client) = self.client.borrow().as_ref() {
            client.open(&files, names);
        }
        {
            let mut sent = self.sent.borrow_mut();
            sent.loaded = true;
            sent.query = None;
            sent.open = None;
        }
        let query = self.state.place.as_ref().map(|p| p.query.clone()).unwrap_or_default();
        self.go(Some(Place { query, open: None }), true);
    }

    /// Gives the kept library its files again: each matched by its name and size.
    pub fn attach(&self, files: Vec<web_sys::File>) {
        let Some(kept) = self.state.kept.clone() else { return };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "byte counts")]
        let found: Vec<Option<web_sys::File>> = kept
            .files
            .iter()
            .map(|(name, size)| {
                files
                    .iter()
                    .find(|f| {
                        f.size() as u64 == *size
                            && (browser::file_path(f) == *name
                                || name.ends_with(&format!("/{}", f.name()))
                                || f.name() == *name)
                    })
                    .cloned()
            })
            .collect();
        let missing: Vec<&str> =
            kept.files.iter().zip(&found).filter(|(_, f)| f.is_none()).map(|((n, _), _)| n.as_str()).collect();
        if !missing.is_empty() {
            self.state.dispatch(LibraryAction::Failed(format!(
                "Not among the files chosen (same name and size): {}.",
                missing.iter().take(5).copied().collect::<Vec<_>>().join(", ")
            )));
            return;
        }
        let files: Vec<web_sys::File> = found.into_iter().flatten().collect();
        if let Some(client) = self.client.borrow().as_ref() {
            client.attach(&files);
        }
        self.state.dispatch(LibraryAction::Attached);
        // Snippets need the texts: the list asks again.
        self.requery();
    }

    /// Opens the library kept from an earlier visit, if there is one.
    fn restore(&self) -> bool {
        if self.sent.borrow_mut().kept.take().is_none() || !self.client() {
            return false;
        }
        self.sent.borrow_mut().loaded = true;
        self.state.dispatch(LibraryAction::Restoring);
        self.send(&Request::Restore);
        true
    }

    /// The worker asked for what `place` shows (a query that changed, a cable to read), then
    /// the state told.
    pub fn arrive(&self, place: Option<Place>) {
        if place.is_some() && !self.sent.borrow().loaded {
            self.restore();
        }
        let seq = {
            let mut sent = self.sent.borrow_mut();
            if let (true, Some(p)) = (sent.loaded, &place) {
                if sent.query.as_ref() != Some(&p.query) {
                    sent.seq += 1;
                    sent.query = Some(p.query.clone());
                    self.send(&Request::Query { seq: sent.seq, query: p.query.clone() });
                }
                if p.open.is_some() && p.open != sent.open {
                    self.send(&Request::Read { doc: None, id: p.open.clone() });
                }
            }
            sent.open = place.as_ref().and_then(|p| p.open.clone());
            sent.seq
        };
        self.state.dispatch(LibraryAction::Place { place, seq });
    }

    /// The same query again, over more cables.
    fn requery(&self) {
        let mut sent = self.sent.borrow_mut();
        let Some(query) = sent.query.clone().filter(|_| sent.loaded) else { return };
        sent.seq += 1;
        self.send(&Request::Query { seq: sent.seq, query });
        self.state.dispatch(LibraryAction::Sent(sent.seq));
    }

    pub fn send(&self, request: &Request) {
        if let Some(client) = self.client.borrow().as_ref() {
            client.send(request);
        }
    }

    /// Moves to `place` (`None`: out of the library), as a new history entry when `push`.
    pub fn go(&self, place: Option<Place>, push: bool) {
        let url = place.as_ref().map_or_else(browser::page_path, |p| format!("#{}", p.to_fragment()));
        // The worker is asked first (it works while the page renders), then the address moves.
        self.arrive(place);
        browser::set_address(&url, push);
    }

    pub fn forget(&self) {
        self.client.borrow_mut().take();
        browser::forget_library();
        let seq = self.sent.borrow().seq;
        *self.sent.borrow_mut() = Sent { seq, ..Sent::default() };
        self.state.dispatch(LibraryAction::Forget);
        bridge::emit(bridge::STATUS, &"Forgot the library: nothing of it is kept.".into());
    }
}

#[hook]
pub fn use_library() -> LibraryHandle {
    let state = use_reducer(LibraryState::default);
    let client = use_mut_ref(|| None::<Client>);
    let sent = use_mut_ref(|| Sent { kept: kept_library(), ..Sent::default() });
    let handle = LibraryHandle { state: state.clone(), client, sent };
    // The address is where the reader is: at start, and whenever it changes without us
    // (back, forward, a link).
    {
        let handle = handle.clone();
        use_effect_with((), move |()| {
            handle.state.dispatch(LibraryAction::Kept(kept_library()));
            let read = || Place::from_fragment(&browser::location_hash().unwrap_or_default());
            handle.arrive(read());
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| handle.arrive(read()));
            move || drop(listener)
        });
    }
    {
        let handle = handle.clone();
        use_effect_with(state.requery, move |&requery| {
            if requery > 0 {
                handle.requery();
            }
        });
    }
    {
        let handle = handle.clone();
        let open = state.open_id().map(str::to_owned);
        use_effect_with((open, state.loaded), move |(open, loaded)| {
            if let (Some(id), false) = (open, loaded) {
                handle.state.dispatch(LibraryAction::Failed(format!(
                    "{id} is in a library that is not open in this page: open the library again to read it."
                )));
            }
        });
    }
    handle
}

/// The library kept on this machine, as local storage remembers it.
fn kept_library() -> Option<Kept> {
    let value = js_sys::JSON::parse(&browser::load_library()?).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}
