//! The library's Web Worker (its own wasm, `src/bin/library_worker.rs`): files are read here in
//! 4 MiB slices (the next two read while one is indexed), never whole, and indexed as they come;
//! between slices the worker yields to its event loop, so a query, a page of rows or "cancel" is
//! answered while a large `cables.csv` is still being indexed. Messages are JSON ([`Request`],
//! [`Reply`]); an `Open` request carries the `File`s beside it.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::protocol::{Progress, Reply, Request, Skipped};
use super::{Feed, Library, Source, Texts};

const CHUNK: f64 = 4.0 * 1024.0 * 1024.0;
/// At most this often the page hears how far indexing has come.
const REPORT_MS: f64 = 150.0;

#[derive(Default)]
struct State {
    library: Library,
    files: Vec<web_sys::File>,
    /// Bumped by every `Open` and `Cancel`: an indexing run that sees another number stops.
    run: u32,
    /// The latest query: rows asked for an older one are not worth reading.
    latest: u32,
    /// Rows asked for, answered in a task of their own: a query sent after them (the reader
    /// typed on) then comes first, and makes them stale.
    pending: Vec<(u32, u32, u32)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Starts listening for the page's messages.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        let data = event.data();
        // Plain objects both ways (serde-wasm-bindgen): the page then needs no JSON parser of its own.
        let request = js_sys::Reflect::get(&data, &"request".into()).ok().filter(|r| !r.is_undefined());
        match request.map(serde_wasm_bindgen::from_value::<Request>) {
            Some(Ok(request)) => handle(request, &data),
            Some(Err(e)) => post(&Reply::Failed { message: format!("a request the library could not read: {e}") }),
            None => post(&Reply::Failed { message: "a message without a request".to_owned() }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}

/// The `File`s sent beside a request.
fn message_files(data: &JsValue) -> Vec<web_sys::File> {
    js_sys::Reflect::get(data, &"files".into())
        .ok()
        .map(|f| js_sys::Array::from(&f).iter().filter_map(|f| f.dyn_into().ok()).collect())
        .unwrap_or_default()
}

fn handle(request: Request, data: &JsValue) {
    match request {
        Request::Open { names } => {
            let files = message_files(data);
            let run = STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.run += 1;
                s.library = Library::default();
                s.files.clone_from(&files);
                s.run
            });
            wasm_bindgen_futures::spawn_local(index(run, files, names));
        }
        Request::Cancel => {
            STATE.with(|s| s.borrow_mut().run += 1);
            stop_helper();
        }
        Request::Restore => {
            STATE.with(|s| s.borrow_mut().run += 1);
            stop_helper();
            wasm_bindgen_futures::spawn_local(restore());
        }
        Request::Attach => {
            let files = message_files(data);
            STATE.with(|s| s.borrow_mut().files = files);
        }
        Request::Index { seq, batch } => index_batch(seq, &batch, data),
        Request::Query { seq, query } => {
            STATE.with(|s| s.borrow_mut().latest = seq);
            wasm_bindgen_futures::spawn_local(answer_query(seq, query));
        }
        Request::Rows { seq, start, count } => {
            let first = STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.pending.push((seq, start, count));
                s.pending.len() == 1
            });
            if first {
                let flush = Closure::once_into_js(flush_rows);
                let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
                let _ = scope.set_timeout_with_callback(flush.unchecked_ref());
            }
        }
        Request::Read { doc, id } => {
            let (found, reading, attached) = with_library(|library, texts| {
                let doc = doc.or_else(|| id.as_deref().and_then(|id| library.find(id)));
                (doc.is_some(), doc.and_then(|d| library.read(d, texts)), texts.attached())
            });
            post(&match reading {
                Some(reading) => Reply::Read(reading),
                None => Reply::Failed {
                    message: match (found, id) {
                        (false, Some(id)) => format!("{id} is not in the library."),
                        _ if !attached => {
                            "To read the library's cables, choose its files again (the library was kept, its files \
                             cannot be)."
                                .to_owned()
                        }
                        _ => "That cable could not be read again from its file.".to_owned(),
                    },
                },
            });
        }
    }
}

/// Answers the rows asked for, but those of a query since replaced.
fn flush_rows() {
    let (pending, latest) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        (std::mem::take(&mut s.pending), s.latest)
    });
    for (seq, start, count) in pending.into_iter().filter(|r| r.0 == latest) {
        wasm_bindgen_futures::spawn_local(async move {
            let (sources, files) = STATE.with(|s| {
                let s = s.borrow();
                (s.library.row_sources(start, count), s.files.clone())
            });
            let fetched = fetch(&files, &sources).await;
            if stale(seq) {
                return;
            }
            let rows = with_fetched(fetched, |library, texts| library.rows(start, count, texts));
            post(&Reply::Rows { seq, start, rows });
        });
    }
}

/// A query: its plan, the phrase candidates' texts read all at once, the answer, the first
/// rows' texts read all at once, the rows. Each file read costs the browser a millisecond or
/// two; read in parallel they overlap. A query replaced meanwhile is dropped.
async fn answer_query(seq: u32, query: super::protocol::Query) {
    let started = now();
    let (plan, sources, files) = STATE.with(|s| {
        let s = s.borrow();
        let plan = s.library.plan(&query);
        let sources = plan.to_read(&s.library);
        (plan, sources, s.files.clone())
    });
    let unchecked = plan.has_phrases() && files.is_empty();
    let fetched = fetch(&files, &sources).await;
    if stale(seq) {
        return;
    }
    let (mut answer, first, sources) = with_fetched(fetched, |library, texts| {
        let answer = library.answer(plan, texts);
        let first = library.first_rows();
        (answer, first, library.row_sources(0, first))
    });
    let fetched = fetch(&files, &sources).await;
    if stale(seq) {
        return;
    }
    answer.rows = with_fetched(fetched, |library, texts| library.rows(0, first, texts));
    if unchecked {
        answer.note = Some(
            "A phrase is checked in the cables' text: choose the library's files again to search for phrases."
                .to_owned(),
        );
    }
    answer.seq = seq;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "milliseconds, rounded")]
    let took = (now() - started).max(0.0) as u32;
    answer.took_ms = took;
    post(&Reply::Answer(answer));
    PIPELINE.with(|p| {
        if let Some(p) = p.borrow_mut().as_mut() {
            p.answered.get_or_insert_with(now);
        }
    });
}

fn stale(seq: u32) -> bool {
    STATE.with(|s| s.borrow().latest) != seq
}

type Fetched = std::collections::HashMap<(u32, u64), Vec<u8>>;

/// The sources' bytes, read in parallel (`Blob.arrayBuffer()` on each slice).
async fn fetch(files: &[web_sys::File], sources: &[Source]) -> Fetched {
    let promises = js_sys::Array::new();
    let mut keys = Vec::new();
    for s in sources {
        let Some(slice) = slice(files, s) else { continue };
        promises.push(&slice.array_buffer());
        keys.push((s.file, s.start));
    }
    let mut out = Fetched::new();
    if keys.is_empty() {
        return out;
    }
    let Ok(buffers) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&promises)).await else { return out };
    for (key, buffer) in keys.into_iter().zip(js_sys::Array::from(&buffers).iter()) {
        out.insert(key, js_sys::Uint8Array::new(&buffer).to_vec());
    }
    out
}

/// The library, and its texts: those read ahead in `fetched`, the rest read on the spot.
fn with_fetched<T>(fetched: Fetched, f: impl FnOnce(&mut Library, &mut FileTexts<'_>) -> T) -> T {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let State { library, files, .. } = &mut *s;
        let mut texts = FileTexts { files, reader: web_sys::FileReaderSync::new().ok(), fetched };
        f(library, &mut texts)
    })
}

fn with_library<T>(f: impl FnOnce(&mut Library, &mut FileTexts<'_>) -> T) -> T {
    with_fetched(Fetched::new(), f)
}

/// Reads a cable's bytes again from its file (what was read ahead first).
struct FileTexts<'a> {
    files: &'a [web_sys::File],
    reader: Option<web_sys::FileReaderSync>,
    fetched: Fetched,
}

impl FileTexts<'_> {
    fn attached(&self) -> bool {
        !self.files.is_empty()
    }
}

impl Texts for FileTexts<'_> {
    fn bytes(&mut self, source: &Source) -> Option<Vec<u8>> {
        if let Some(bytes) = self.fetched.remove(&(source.file, source.start)) {
            return Some(bytes);
        }
        let buffer = self.reader.as_ref()?.read_as_array_buffer(&slice(self.files, source)?).ok()?;
        Some(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// The part of its file a source names: the whole file, or a row's bytes.
fn slice(files: &[web_sys::File], source: &Source) -> Option<web_sys::Blob> {
    let file = files.get(source.file as usize)?;
    if source.row == 0 {
        return Some(file.clone().into());
    }
    #[allow(clippy::cast_precision_loss, reason = "byte offsets below 2^53")]
    let (start, end) = (source.start as f64, (source.start + u64::from(source.len)) as f64);
    file.slice_with_f64_and_f64(start, end).ok()
}

/// Slices read ahead of the one being indexed: two, so that a read the browser serves late
/// (both cores are indexing) is still in before it is wanted.
const READS_AHEAD: usize = 2;

/// Starts reading bytes `start..end` of a file (an indexing slice): the browser reads it on a
/// thread of its own while this worker indexes the slice before it. (`FileReaderSync` held the
/// worker for the whole read: 4 ms of every MB, an eighth of its time, `make bench`.)
fn read_ahead(file: &web_sys::File, start: f64, end: f64) -> Option<wasm_bindgen_futures::JsFuture> {
    let slice = file.slice_with_f64_and_f64(start, end).ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(slice.array_buffer()))
}

/// The bytes of a slice [`read_ahead`] started to read; `None` when the file could not be read.
async fn slice_read(reading: Option<wasm_bindgen_futures::JsFuture>) -> Option<Vec<u8>> {
    let buffer = reading?.await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// This copy of the worker is the helper: indexes the batch sent beside `data` and sends the
/// part back as bytes (transferred with the message, not cloned), with what was no cable.
fn index_batch(seq: u32, batch: &super::Batch, data: &JsValue) {
    let bytes = js_sys::Reflect::get(data, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let mut part = Library::default();
    let mut problems = Vec::new();
    part.add_batch(batch, &bytes, &mut problems);
    drop(bytes);
    let out = part.to_bytes();
    drop(part);
    let array = js_sys::Uint8Array::new_with_length(u32::try_from(out.len()).unwrap_or(0));
    array.copy_from(&out);
    let message = js_sys::Object::new();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let problems = serde::Serialize::serialize(&problems, &serializer).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&message, &"indexed".into(), &JsValue::from(seq));
    let _ = js_sys::Reflect::set(&message, &"part".into(), &array);
    let _ = js_sys::Reflect::set(&message, &"problems".into(), &problems);
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message_with_transfer(&message, &js_sys::Array::of1(&array.buffer()));
}

/// The helper starts this long after the page had its first answer since indexing began:
/// meanwhile the page mounts the list and renders that answer (20–30 ms of its main thread),
/// which with both cores indexing was starved past 50 ms (`make bench`: 53–76 ms, against none
/// with one worker). A page that asks nothing gets a helper [`HELPER_AFTER_MS`] in.
const HELPER_AFTER_ANSWER_MS: f64 = 100.0;
const HELPER_AFTER_MS: f64 = 3000.0;

/// Batches with the helper at most: it starts the next as soon as it sends one back, and has
/// work left while this worker indexes a batch of its own before it reads the helper's replies.
const IN_FLIGHT: u32 = 3;

/// A batch of rows on its way into the library, in file order: indexed here or by the helper
/// (its bytes, `Library::to_bytes`), or still with the helper (kept, to index here should the
/// helper fail).
enum Slot {
    Indexed(Box<Library>),
    /// The batch, its bytes, and the part the helper made of them.
    Returned(super::Batch, Vec<u8>, Vec<u8>),
    WithHelper(super::Batch, Vec<u8>),
}

/// Two workers index a `cables.csv`: this one reads the file and frames its rows into batches;
/// a batch goes to the helper (a second copy of this worker, on the other core) when it is
/// free, and is indexed here otherwise; the parts are appended in file order. Without a
/// helper (it could not start, or failed) every batch is indexed here.
struct Pipeline {
    run: u32,
    helper: Option<web_sys::Worker>,
    /// A helper is wanted and not yet started.
    wanted: bool,
    started: f64,
    /// The helper has loaded its wasm and listens.
    ready: bool,
    /// Batches sent to the helper and not yet back (at most [`IN_FLIGHT`]).
    busy: u32,
    next: u32,
    slots: std::collections::VecDeque<(u32, Slot)>,
    problems: Vec<Skipped>,
    /// Batches the helper indexed.
    helped: u32,
    /// When the page was first answered since indexing began.
    answered: Option<f64>,
}

thread_local! {
    static PIPELINE: RefCell<Option<Pipeline>> = const { RefCell::new(None) };
}

impl Pipeline {
    /// A pipeline that will want a helper when `wanted`: for inputs that make several batches; a
    /// few pages or a small file are indexed here alone.
    fn new(run: u32, wanted: bool) -> Pipeline {
        Pipeline {
            run,
            helper: None,
            wanted,
            started: now(),
            ready: false,
            busy: 0,
            next: 0,
            slots: std::collections::VecDeque::new(),
            problems: Vec::new(),
            helped: 0,
            answered: None,
        }
    }

    /// Starts the helper (this worker's own script again).
    fn start_helper(&mut self) {
        self.wanted = false;
        let run = self.run;
        let href = js_sys::Reflect::get(&js_sys::global(), &"location".into())
            .and_then(|l| js_sys::Reflect::get(&l, &"href".into()))
            .ok()
            .and_then(|h| h.as_string());
        let Some(worker) = href.and_then(|h| web_sys::Worker::new(&h).ok()) else { return };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            helper_said(run, &event.data());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| helper_failed(run));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.helper = Some(worker);
    }

    /// Takes a batch: to the helper when it is free, indexed here otherwise.
    fn take(&mut self, batch: super::Batch, bytes: Vec<u8>) {
        let seq = self.next;
        self.next += 1;
        let settled = self.answered.is_some_and(|t| now() - t > HELPER_AFTER_ANSWER_MS);
        if self.wanted && (settled || now() - self.started > HELPER_AFTER_MS) {
            self.start_helper();
        }
        if let (Some(helper), true, true) = (&self.helper, self.ready, self.busy < IN_FLIGHT) {
            let array = js_sys::Uint8Array::new_with_length(u32::try_from(bytes.len()).unwrap_or(0));
            array.copy_from(&bytes);
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            let request = Request::Index { seq, batch: batch.clone() };
            if let Ok(request) = serde::Serialize::serialize(&request, &serializer) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"request".into(), &request);
                let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
                if helper.post_message_with_transfer(&message, &js_sys::Array::of1(&array.buffer())).is_ok() {
                    self.busy += 1;
                    self.slots.push_back((seq, Slot::WithHelper(batch, bytes)));
                    return;
                }
            }
        }
        let part = self.index_here(&batch, &bytes);
        self.slots.push_back((seq, Slot::Indexed(Box::new(part))));
    }

    /// Appends the parts that are ready, in order; a batch whose part did not come back (the
    /// helper failed, or sent what is no part) is indexed here.
    fn append_ready(&mut self, library: &mut Library) {
        loop {
            let part = match self.slots.front() {
                None => return,
                Some((_, Slot::WithHelper(..))) if self.helper.is_some() => return,
                Some(_) => match self.slots.pop_front() {
                    Some((_, Slot::Indexed(part))) => *part,
                    Some((_, Slot::Returned(batch, bytes, part))) => {
                        Library::from_bytes(&part).unwrap_or_else(|| self.index_here(&batch, &bytes))
                    }
                    Some((_, Slot::WithHelper(batch, bytes))) => self.index_here(&batch, &bytes),
                    None => return,
                },
            };
            library.append(part);
        }
    }

    /// At a file's end, while the helper still holds two batches or more: the last of them is
    /// indexed here (this core would otherwise wait), and the helper's part of it ignored.
    fn take_back(&mut self) {
        let with_helper = |slot: &Slot| matches!(slot, Slot::WithHelper(..));
        if self.helper.is_none() || self.slots.iter().filter(|(_, slot)| with_helper(slot)).count() < 2 {
            return;
        }
        let Some(k) = self.slots.iter().rposition(|(_, slot)| with_helper(slot)) else { return };
        let Some((_, Slot::WithHelper(batch, bytes))) = self.slots.get_mut(k) else { return };
        let (batch, bytes) = (std::mem::take(batch), std::mem::take(bytes));
        let part = self.index_here(&batch, &bytes);
        self.slots[k].1 = Slot::Indexed(Box::new(part));
    }

    fn index_here(&mut self, batch: &super::Batch, bytes: &[u8]) -> Library {
        let mut part = Library::default();
        part.add_batch(batch, bytes, &mut self.problems);
        part
    }

    fn stop(&mut self) {
        if let Some(helper) = self.helper.take() {
            helper.terminate();
        }
    }
}

/// A message from the helper: it is ready, or a batch is indexed.
fn helper_said(run: u32, data: &JsValue) {
    PIPELINE.with(|p| {
        let mut p = p.borrow_mut();
        let Some(p) = p.as_mut().filter(|p| p.run == run) else { return };
        if data.as_string().as_deref() == Some("Ready") {
            p.ready = true;
            return;
        }
        let Some(seq) = js_sys::Reflect::get(data, &"indexed".into()).ok().and_then(|s| s.as_f64()) else {
            // Anything else (a request it could not read): it is of no more use.
            p.stop();
            return;
        };
        let part = js_sys::Reflect::get(data, &"part".into())
            .ok()
            .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|b| b.to_vec());
        let problems: Vec<Skipped> = js_sys::Reflect::get(data, &"problems".into())
            .ok()
            .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
            .unwrap_or_default();
        p.busy = p.busy.saturating_sub(1);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a batch number we sent")]
        let seq = seq as u32;
        let Some(part) = part else {
            p.stop();
            return;
        };
        // A batch this worker took back meanwhile ([`Pipeline::take_back`]) is indexed already.
        if let Some((_, slot)) = p.slots.iter_mut().find(|(s, _)| *s == seq) {
            if let Slot::WithHelper(batch, bytes) = slot {
                *slot = Slot::Returned(std::mem::take(batch), std::mem::take(bytes), part);
                p.problems.extend(problems);
                p.helped += 1;
            }
        }
    });
}

/// The helper failed (its script did not load, or it ran out of memory): its batch is
/// indexed here, and so is every later one.
fn helper_failed(run: u32) {
    PIPELINE.with(|p| {
        if let Some(p) = p.borrow_mut().as_mut().filter(|p| p.run == run) {
            p.stop();
        }
    });
}

/// Hands the feed's finished batches (if a feed is given) to the pipeline and appends what is
/// ready; `false` when the run was cancelled.
fn pump(run: u32, feed: Option<&mut Feed>, problems: &mut Vec<Skipped>) -> bool {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.run != run {
            return false;
        }
        PIPELINE.with(|p| {
            let mut p = p.borrow_mut();
            let Some(p) = p.as_mut().filter(|p| p.run == run) else { return false };
            if let Some(feed) = feed {
                while let Some((batch, bytes)) = feed.take_batch() {
                    p.take(batch, bytes);
                }
            }
            p.append_ready(&mut s.library);
            problems.append(&mut p.problems);
            true
        })
    })
}

/// Waits for the batches still with the helper and appends them; `false` when the run was
/// cancelled meanwhile. A helper silent for a minute is given up, and its batch indexed here.
async fn drain(run: u32, problems: &mut Vec<Skipped>) -> bool {
    // How many batches were left, and since when.
    let mut left = (usize::MAX, now());
    loop {
        if !pump(run, None, problems) {
            return false;
        }
        let now_left = PIPELINE.with(|p| p.borrow().as_ref().map_or(0, |p| p.slots.len()));
        if now_left == 0 {
            return true;
        }
        if now_left != left.0 {
            left = (now_left, now());
        } else if now() - left.1 > 60_000.0 {
            helper_failed(run);
        }
        PIPELINE.with(|p| {
            if let Some(p) = p.borrow_mut().as_mut().filter(|p| p.run == run) {
                p.take_back();
            }
        });
        sleep(5).await;
    }
}

fn stop_helper() {
    PIPELINE.with(|p| {
        if let Some(p) = p.borrow_mut().as_mut() {
            p.stop();
        }
    });
}

async fn index(run: u32, files: Vec<web_sys::File>, names: Vec<String>) {
    let started = now();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "file sizes are whole byte counts")]
    let mut progress = Progress {
        files_total: u32::try_from(files.len()).unwrap_or(u32::MAX),
        bytes_total: files.iter().map(|f| f.size() as u64).sum(),
        ..Progress::default()
    };
    stop_helper();
    let helped = progress.bytes_total >= 3 * super::BATCH_BYTES as u64;
    PIPELINE.with(|p| *p.borrow_mut() = Some(Pipeline::new(run, helped)));
    let mut last_report = started;
    let mut problems: Vec<Skipped> = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let name = names.get(k).cloned().unwrap_or_else(|| file.name());
        let mut feed = Feed::new(u32::try_from(k).unwrap_or(u32::MAX), name.clone()).batching(super::BATCH_BYTES);
        let size = file.size();
        // The slices being read (their ends), READS_AHEAD of them while one is indexed, and
        // where the next read starts. An empty file is one empty slice.
        let mut reads = std::collections::VecDeque::new();
        let mut next = 0.0;
        loop {
            while reads.len() <= READS_AHEAD && (next < size || (next == 0.0 && reads.is_empty())) {
                let end = (next + CHUNK).min(size);
                reads.push_back((end, read_ahead(file, next, end)));
                next = end;
            }
            let Some((end, reading)) = reads.pop_front() else { break };
            let Some(bytes) = slice_read(reading).await else {
                problems.push(Skipped { name: name.clone(), why: "the file could not be read".to_owned() });
                break;
            };
            let eof = end >= size;
            let current = STATE.with(|s| {
                let mut s = s.borrow_mut();
                if s.run != run {
                    return false;
                }
                feed.push(&mut s.library, &bytes, eof, &mut problems);
                true
            });
            if !current || !pump(run, Some(&mut feed), &mut problems) {
                return;
            }
            progress.cables = STATE.with(|s| u32::try_from(s.borrow().library.len()).unwrap_or(u32::MAX));
            progress.bytes += bytes.len() as u64;
            if now() - last_report > REPORT_MS {
                last_report = now();
                report(&mut progress, &mut problems, started);
            }
            if eof {
                break;
            }
            yield_now().await;
            if STATE.with(|s| s.borrow().run) != run {
                progress.cancelled = true;
                progress.done = true;
                report(&mut progress, &mut problems, started);
                return;
            }
        }
        // The file's last batches are in before the next file's cables (file order).
        if !drain(run, &mut problems).await {
            return;
        }
        progress.files += 1;
    }
    stop_helper();
    progress.helped = PIPELINE.with(|p| p.borrow().as_ref().map_or(0, |p| p.helped));
    progress.cables = STATE.with(|s| u32::try_from(s.borrow().library.len()).unwrap_or(u32::MAX));
    progress.done = true;
    progress.index_bytes = STATE.with(|s| s.borrow().library.index_size() as u64);
    report(&mut progress, &mut problems, started);
    // The page asks again at once; its query goes first, then the library is written.
    yield_now().await;
    keep(run).await;
    warm_when_idle();
}

/// The file the library is kept in, in the origin-private file system.
const KEPT: &str = "library.bin";

/// Writes the library to the origin-private file system, so that a reload finds it; said to
/// the page with [`Reply::Kept`]. Failing to keep it (no room, no OPFS) is said, not fatal.
async fn keep(run: u32) {
    let Some(bytes) = STATE.with(|s| {
        let s = s.borrow();
        (s.run == run).then(|| s.library.to_bytes())
    }) else {
        return;
    };
    let cables = STATE.with(|s| u32::try_from(s.borrow().library.len()).unwrap_or(u32::MAX));
    match write_kept(&bytes).await {
        Ok(()) => post(&Reply::Kept { cables, bytes: bytes.len() as u64 }),
        Err(why) => {
            post(&Reply::Failed { message: format!("The library could not be kept for the next visit: {why}.") });
        }
    }
}

async fn write_kept(bytes: &[u8]) -> Result<(), String> {
    let handle = kept_handle(true).await?;
    // A sync access handle (dedicated workers only): written in 8 MB pieces, so that no copy of
    // the whole library is made on the JavaScript side.
    let access = call(&handle, "createSyncAccessHandle", &[]).await?;
    let write = method(&access, "write")?;
    let options = js_sys::Object::new();
    let mut at = 0usize;
    for piece in bytes.chunks(8 << 20) {
        let array = js_sys::Uint8Array::new_with_length(u32::try_from(piece.len()).unwrap_or(0));
        array.copy_from(piece);
        #[allow(clippy::cast_precision_loss, reason = "offsets below 2^53")]
        js_sys::Reflect::set(&options, &"at".into(), &JsValue::from_f64(at as f64)).map_err(describe)?;
        write.call2(&access, &array, &options).map_err(describe)?;
        at += piece.len();
    }
    #[allow(clippy::cast_precision_loss, reason = "offsets below 2^53")]
    method(&access, "truncate")?.call1(&access, &JsValue::from_f64(at as f64)).map_err(describe)?;
    method(&access, "flush")?.call0(&access).map_err(describe)?;
    method(&access, "close")?.call0(&access).map_err(describe)?;
    Ok(())
}

/// Opens the kept library: its entries and index, without the files (chosen again to read).
async fn restore() {
    let started = now();
    let bytes = match read_kept().await {
        Ok(bytes) => bytes,
        Err(why) => {
            post(&Reply::Failed { message: format!("The kept library could not be read: {why}.") });
            return;
        }
    };
    let Some(library) = Library::from_bytes(&bytes) else {
        post(&Reply::Failed {
            message: "The kept library is damaged or from another version: open the files again.".to_owned(),
        });
        return;
    };
    let cables = u32::try_from(library.len()).unwrap_or(u32::MAX);
    let index_bytes = library.index_size() as u64;
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.library = library;
        s.files.clear();
    });
    let mut progress = Progress { cables, done: true, index_bytes, bytes: bytes.len() as u64, ..Progress::default() };
    report(&mut progress, &mut Vec::new(), started);
    warm_when_idle();
}

/// What a first filter or a first cable opened would make (`Library::warm`), made a second from
/// now, after the page's first queries.
fn warm_when_idle() {
    let warm = wasm_bindgen::closure::Closure::once_into_js(|| STATE.with(|s| s.borrow_mut().library.warm()));
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 1000);
}

async fn read_kept() -> Result<Vec<u8>, String> {
    let handle = kept_handle(false).await?;
    let file: web_sys::File = call(&handle, "getFile", &[]).await?.dyn_into().map_err(|_| "not a file".to_owned())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn kept_handle(create: bool) -> Result<JsValue, String> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).map_err(describe)?;
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).map_err(describe)?;
    let dir = call(&storage, "getDirectory", &[]).await?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"create".into(), &JsValue::from_bool(create)).map_err(describe)?;
    call(&dir, "getFileHandle", &[JsValue::from_str(KEPT), options.into()]).await
}

fn method(target: &JsValue, name: &str) -> Result<js_sys::Function, String> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("this browser has no {name}"))
}

/// `target.name(...args)`, awaited when it returns a promise.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f = method(target, name)?;
    let value = f.apply(target, &args.iter().collect::<js_sys::Array>()).map_err(describe)?;
    match value.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.map_err(describe),
        Err(value) => Ok(value),
    }
}

#[allow(clippy::needless_pass_by_value, reason = "used as map_err(describe)")]
fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".to_owned())
}

fn report(progress: &mut Progress, problems: &mut Vec<Skipped>, started: f64) {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let elapsed = (now() - started).max(0.0) as u32;
    progress.elapsed_ms = elapsed;
    progress.problems = std::mem::take(problems);
    post(&Reply::Progress(progress.clone()));
    progress.problems.clear();
}

fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}

fn post(reply: &Reply) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = serde::Serialize::serialize(reply, &serializer) {
        let _ = scope.post_message(&value);
    }
}

/// Waits `ms` milliseconds (for the helper's last batches).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

thread_local! {
    /// [`yield_now`]'s channel, and the waits it ends (one per message, in order).
    static YIELDS: RefCell<Option<web_sys::MessageChannel>> = const { RefCell::new(None) };
    static WAITING: RefCell<std::collections::VecDeque<js_sys::Function>> =
        const { RefCell::new(std::collections::VecDeque::new()) };
}

/// Lets queued messages (a query, "cancel", the helper's parts) run before the next slice.
/// A message to itself, not `setTimeout(0)`: the browser makes a timer set from a timer wait
/// at least 4 ms once they nest, and the indexing's slices nest them (4 % of its time).
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        YIELDS.with(|y| {
            let mut y = y.borrow_mut();
            if y.is_none() {
                let Ok(channel) = web_sys::MessageChannel::new() else { return };
                let wake = Closure::<dyn FnMut()>::new(|| {
                    if let Some(resolve) = WAITING.with(|w| w.borrow_mut().pop_front()) {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                });
                channel.port1().set_onmessage(Some(wake.as_ref().unchecked_ref()));
                wake.forget();
                *y = Some(channel);
            }
            match y.as_ref() {
                Some(channel) if channel.port2().post_message(&JsValue::NULL).is_ok() => {
                    WAITING.with(|w| w.borrow_mut().push_back(resolve));
                }
                _ => {
                    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
                    let _ = scope.set_timeout_with_callback(&resolve);
                }
            }
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
