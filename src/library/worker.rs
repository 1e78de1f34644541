//! The library's Web Worker (its own wasm, `src/bin/library_worker.rs`): files are read here in
//! 4 MiB slices with `FileReaderSync`, never whole, and indexed as they come; between slices the
//! worker yields to its event loop, so a query, a page of rows or "cancel" is answered while a
//! large `cables.csv` is still being indexed. Messages are JSON ([`Request`], [`Reply`]); an
//! `Open` request carries the `File`s beside it.

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
        Request::Cancel => STATE.with(|s| s.borrow_mut().run += 1),
        Request::Restore => {
            STATE.with(|s| s.borrow_mut().run += 1);
            wasm_bindgen_futures::spawn_local(restore());
        }
        Request::Attach => {
            let files = message_files(data);
            STATE.with(|s| s.borrow_mut().files = files);
        }
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

/// Bytes `start..end` of a file, read at once (the indexing's slices).
fn read(reader: &web_sys::FileReaderSync, file: &web_sys::File, start: f64, end: f64) -> Option<Vec<u8>> {
    let slice = file.slice_with_f64_and_f64(start, end).ok()?;
    let buffer = reader.read_as_array_buffer(&slice).ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn index(run: u32, files: Vec<web_sys::File>, names: Vec<String>) {
    let started = now();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "file sizes are whole byte counts")]
    let mut progress = Progress {
        files_total: u32::try_from(files.len()).unwrap_or(u32::MAX),
        bytes_total: files.iter().map(|f| f.size() as u64).sum(),
        ..Progress::default()
    };
    let Ok(reader) = web_sys::FileReaderSync::new() else {
        post(&Reply::Failed { message: "this browser cannot read files in a worker".to_owned() });
        return;
    };
    let mut last_report = started;
    let mut problems: Vec<Skipped> = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let name = names.get(k).cloned().unwrap_or_else(|| file.name());
        let mut feed = Feed::new(u32::try_from(k).unwrap_or(u32::MAX), name.clone());
        let size = file.size();
        let mut at = 0.0;
        loop {
            let end = (at + CHUNK).min(size);
            let Some(bytes) = read(&reader, file, at, end) else {
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
                progress.cables = u32::try_from(s.library.len()).unwrap_or(u32::MAX);
                true
            });
            if !current {
                return;
            }
            progress.bytes += bytes.len() as u64;
            at = end;
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
        progress.files += 1;
    }
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

/// Lets queued messages (a query, "cancel") run before the next slice.
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
