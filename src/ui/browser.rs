//! Browser glue in one place: storage, clipboard, downloads, the page title,
//! scrolling, `<details>`, files and the theme. Components call these
//! functions instead of touching web APIs themselves. Every function here
//! fails quietly (returns `false`/`None`): a missing API must never break reading.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDetailsElement};

const STORAGE_KEY: &str = "cable-viewer:open-cables";
const THEME_KEY: &str = "cable-viewer:theme";
/// What we keep across reloads at most: localStorage holds about 5 MB per origin.
pub const STORAGE_LIMIT: usize = 2 * 1024 * 1024;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The open cables saved by [`save_documents`]: `(name, text)` pairs.
pub fn load_documents() -> Vec<(String, String)> {
    let Some(raw) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) else { return Vec::new() };
    let Ok(value) = js_sys::JSON::parse(&raw) else { return Vec::new() };
    let Ok(list) = value.dyn_into::<js_sys::Array>() else { return Vec::new() };
    named_texts(&list)
}

/// `[{name, text}, …]` as `(name, text)` pairs; malformed entries are skipped.
fn named_texts(list: &js_sys::Array) -> Vec<(String, String)> {
    list.iter()
        .filter_map(|entry| {
            let name = js_sys::Reflect::get(&entry, &"name".into()).ok()?.as_string()?;
            let text = js_sys::Reflect::get(&entry, &"text".into()).ok()?.as_string()?;
            Some((name, text))
        })
        .collect()
}

/// Saves the open cables (local storage only: nothing leaves the machine).
/// Returns false when they do not fit or storage is unavailable.
pub fn save_documents<'a>(documents: impl Iterator<Item = (&'a str, &'a str)>) -> bool {
    let list = js_sys::Array::new();
    let mut size = 0;
    for (name, text) in documents {
        size += name.len() + text.len();
        if size > STORAGE_LIMIT {
            return false;
        }
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"name".into(), &name.into());
        let _ = js_sys::Reflect::set(&entry, &"text".into(), &text.into());
        list.push(&entry);
    }
    let Ok(json) = js_sys::JSON::stringify(&list) else { return false };
    // `setItem` called with the JS string itself: a megabyte of cables is not copied into the
    // wasm and back out again.
    let Some(storage) = storage() else { return false };
    let set =
        js_sys::Reflect::get(&storage, &"setItem".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    set.is_some_and(|set| set.call2(&storage, &STORAGE_KEY.into(), &json).is_ok())
}

pub fn forget_documents() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

pub fn load_theme() -> Option<String> {
    storage()?.get_item(THEME_KEY).ok().flatten()
}

/// Applies a theme (`auto`, `light`, `dark`) to the page and remembers it.
pub fn apply_theme(theme: &str) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if theme == "auto" {
            let _ = root.remove_attribute("data-theme");
        } else {
            let _ = root.set_attribute("data-theme", theme);
        }
    }
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme);
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else { return false };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Offers `text` as a file download, made in the page (no server involved).
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let done = (|| {
        let document = window()?.document()?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
        Some(())
    })();
    let _ = web_sys::Url::revoke_object_url(&url);
    done.is_some()
}

/// Runs `f` in a task of its own as soon as the browser can, after rendering if one is due:
/// a message to ourselves. Chained zero timeouts are clamped to 4 ms each, which cost a giant
/// cable's progressive rendering over 100 ms of doing nothing.
pub fn soon(f: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        gloo::timers::callback::Timeout::new(0, f).forget();
        return;
    };
    let run = wasm_bindgen::closure::Closure::once_into_js(f);
    channel.port1().set_onmessage(Some(run.unchecked_ref()));
    let _ = channel.port2().post_message(&JsValue::NULL);
}

/// Opens or closes every section of the reading view.
pub fn set_all_sections_open(open: bool) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        set_sections_open_in(&root, open);
    }
}

/// Opens or closes every section under `root` (an embedded view's own shadow tree).
pub fn set_sections_open_in(root: &web_sys::Element, open: bool) {
    let Ok(nodes) = root.query_selector_all("details.cv-section") else { return };
    for k in 0..nodes.length() {
        if let Some(details) = nodes.item(k).and_then(|n| n.dyn_into::<HtmlDetailsElement>().ok()) {
            details.set_open(open);
        }
    }
}

/// Scrolls an element into view (centred) and opens the section holding it.
pub fn reveal(id: &str) -> bool {
    let Some(element) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    if let Ok(Some(details)) = element.closest("details") {
        if let Ok(details) = details.dyn_into::<HtmlDetailsElement>() {
            details.set_open(true);
        }
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// The fragment of the page's URL, without `#`.
pub fn location_hash() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_owned())
}

/// Local time of an ISO date, in the reader's locale.
pub fn local_time(iso: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return None;
    }
    date.to_locale_string("default", &JsValue::UNDEFINED).as_string()
}

/// Reads every file as bytes, in order, with its name. A file larger than the parser
/// takes is read only up to `head` bytes (the view shows no more of it, and reading
/// 200 MB into the page would stall it); its full size comes back with it.
pub async fn read_files(files: Vec<web_sys::File>, head: usize) -> Vec<(String, Result<Vec<u8>, String>, usize)> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        // File sizes are whole numbers of bytes, far below 2^53.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a byte count")]
        let size = file.size() as usize;
        let blob: web_sys::Blob = if size > crate::ui::state::PARSE_LIMIT {
            #[allow(clippy::cast_precision_loss, reason = "a byte count below 2^53")]
            let cut = file.slice_with_f64_and_f64(0.0, head as f64);
            match cut {
                Ok(b) => b,
                Err(_) => file.into(),
            }
        } else {
            file.into()
        };
        let bytes = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|e| e.as_string().unwrap_or_else(|| "the browser could not read the file".to_owned()));
        out.push((name, bytes, size));
    }
    out
}

/// Text from a paste or a drop.
pub enum Pasted {
    Text(String),
    /// Too large to parse: only `head` comes into the app; `whole` stays a JS string.
    TooLarge {
        head: String,
        whole: js_sys::JsString,
    },
}

/// The `text/plain` of a paste or a drop. Text too large to parse is not copied
/// into the app (that copy alone blocked the page for a quarter second at 20 MB):
/// it stays whole on the JavaScript side and only its head is taken.
pub fn transfer_text(data: &web_sys::DataTransfer) -> Option<Pasted> {
    let get = js_sys::Reflect::get(data, &"getData".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let text = get.call1(data, &"text/plain".into()).ok()?.dyn_into::<js_sys::JsString>().ok()?;
    // UTF-16 units: a lower bound on UTF-8 bytes, close enough for a limit this far above any cable.
    if text.length() as usize > crate::ui::state::PARSE_LIMIT {
        let head = u32::try_from(crate::ui::components::original::SHOW_AT_MOST).unwrap_or(u32::MAX);
        return Some(Pasted::TooLarge { head: String::from(text.slice(0, head)), whole: text });
    }
    Some(Pasted::Text(String::from(text)))
}

/// The files of a file list (from a drop, a paste or `<input type=file>`).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.get(k)).collect()
}

/// Whether a keyboard or paste event started inside a text field of our own.
pub fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT"))
}

fn performance() -> Option<web_sys::Performance> {
    window()?.performance()
}

/// Runs `work` between two User Timing marks and records `performance.measure(name)`,
/// readable in the browser's developer tools and by the benchmarks.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = performance() else { return work() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = performance.mark(&start);
    let out = work();
    let _ = performance.mark(&end);
    let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    out
}

pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Marks the moment a cable arrives (a paste, a drop, a file, the end of a typing pause).
pub fn mark_input() {
    mark("cable:input");
    mark("cable:input-complete");
}

/// Once every paragraph is in the page: records `cable:render-complete` from the input mark.
pub fn measure_render_complete() {
    let Some(performance) = performance() else { return };
    if performance.get_entries_by_name_with_entry_type("cable:input-complete", "mark").length() > 0 {
        let _ = performance.measure_with_start_mark("cable:render-complete", "cable:input-complete");
        performance.clear_marks_with_mark_name("cable:input-complete");
    }
}

/// After the view has been committed: records `cable:render` from the input mark, if any.
pub fn measure_render() {
    let Some(performance) = performance() else { return };
    let pending = performance.get_entries_by_name_with_entry_type("cable:input", "mark").length() > 0;
    if pending {
        let _ = performance.measure_with_start_mark("cable:render", "cable:input");
        performance.clear_marks_with_mark_name("cable:input");
    }
}

/// The window event that tells the app about the service worker and installation:
/// its `detail` is `ready`, `update` or `installable`.
pub const PWA_EVENT: &str = "cable-viewer:pwa";

fn announce(what: &str) {
    ANNOUNCED.with(|a| a.borrow_mut().push(what.to_owned()));
    let Some(window) = window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(what));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(PWA_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Registers the service worker and follows its life: "ready to work offline" on
/// the first install, "update available" when a new build waits. Also keeps the
/// browser's install prompt for the install button. Called once, by `ui::mount`.
pub fn register_service_worker() {
    let Some(window) = window() else { return };
    let before_install = gloo::events::EventListener::new_with_options(
        &window,
        "beforeinstallprompt",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        |event| {
            event.prevent_default();
            INSTALL_PROMPT.with(|p| *p.borrow_mut() = Some(event.clone().into()));
            announce("installable");
        },
    );
    before_install.forget();
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = window.navigator().service_worker();
    let controlled_at_start = container.controller().is_some();
    let reload = gloo::events::EventListener::new(&container, "controllerchange", |_| {
        // The reader chose to update: the new worker now controls the page.
        if UPDATING.with(std::cell::Cell::get) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(register(&container)).await else { return };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        if registration.waiting().is_some() && container.controller().is_some() {
            announce("update");
        }
        // The first worker may already be installing when `register` resolves (its
        // `updatefound` has fired): watch it directly, and any later one on `updatefound`.
        if let Some(worker) = registration.installing() {
            watch_installing(&worker, controlled_at_start);
        } else if !controlled_at_start && registration.active().is_some() {
            // Installed and activated before `register` resolved: the first install is done.
            announce("ready");
        }
        let watched = registration.clone();
        let found = gloo::events::EventListener::new(&registration, "updatefound", move |_| {
            if let Some(worker) = watched.installing() {
                watch_installing(&worker, controlled_at_start);
            }
        });
        found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Says "ready" (first install) or "update" (a new build waits) once `worker` has installed.
fn watch_installing(worker: &web_sys::ServiceWorker, controlled_at_start: bool) {
    use web_sys::ServiceWorkerState::{Activated, Activating, Installed};
    // A page that had no worker when it loaded is seeing the first install: "ready".
    // A page that had one is seeing a new build: "update". Said once, however the
    // states are observed (the worker may be past `installed` already).
    let said = std::rc::Rc::new(std::cell::Cell::new(false));
    let check = {
        let worker = worker.clone();
        let said = said.clone();
        move || {
            if !said.get() && matches!(worker.state(), Installed | Activating | Activated) {
                said.set(true);
                announce(if controlled_at_start { "update" } else { "ready" });
            }
        }
    };
    check();
    let changed = gloo::events::EventListener::new(worker, "statechange", move |_| check());
    changed.forget();
}

/// `serviceWorker.register('/sw.js')`. Under Trusted Types (our CSP) the URL must be a
/// `TrustedScriptURL`: the `cable-viewer` policy makes one for exactly this URL and no other.
fn register(container: &web_sys::ServiceWorkerContainer) -> js_sys::Promise {
    const WORKER: &str = "/sw.js";
    let trusted = (|| -> Option<JsValue> {
        let window: JsValue = window()?.into();
        let factory = js_sys::Reflect::get(&window, &"trustedTypes".into()).ok().filter(|f| !f.is_undefined())?;
        let create =
            js_sys::Reflect::get(&factory, &"createPolicy".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let rules = js_sys::Object::new();
        // A Rust closure, not `new Function`: the same CSP forbids eval.
        let only_the_worker =
            wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|url: JsValue| {
                if url.as_string().as_deref() == Some(WORKER) {
                    Ok(url)
                } else {
                    Err(js_sys::TypeError::new("not the service worker").into())
                }
            });
        js_sys::Reflect::set(&rules, &"createScriptURL".into(), only_the_worker.as_ref()).ok()?;
        only_the_worker.forget();
        let policy = create.call2(&factory, &"cable-viewer".into(), &rules).ok()?;
        let make =
            js_sys::Reflect::get(&policy, &"createScriptURL".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        make.call1(&policy, &WORKER.into()).ok()
    })();
    let register =
        js_sys::Reflect::get(container, &"register".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (trusted, register) {
        (Some(url), Some(register)) => register
            .call1(container, &url)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .unwrap_or_else(|| js_sys::Promise::reject(&"registration refused".into())),
        _ => container.register(WORKER),
    }
}

/// What was announced before anyone listened (registration starts before the app's
/// first render): the app reads it once when it starts listening.
pub fn announced() -> Vec<String> {
    ANNOUNCED.with(|a| a.borrow().clone())
}

thread_local! {
    static ANNOUNCED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    static REGISTRATION: std::cell::RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { std::cell::RefCell::new(None) };
    static INSTALL_PROMPT: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
    static UPDATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Lets the waiting worker take over; the page reloads when it does.
pub fn apply_update() {
    REGISTRATION.with(|r| {
        let Some(waiting) = r.borrow().as_ref().and_then(web_sys::ServiceWorkerRegistration::waiting) else {
            if let Some(w) = window() {
                let _ = w.location().reload();
            }
            return;
        };
        UPDATING.with(|u| u.set(true));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"cable-viewer:skip-waiting".into());
        let _ = waiting.post_message(&message);
    });
}

/// Shows the browser's install dialog, when it offered one.
pub fn prompt_install() {
    INSTALL_PROMPT.with(|p| {
        if let Some(event) = p.borrow_mut().take() {
            if let Ok(prompt) = js_sys::Reflect::get(&event, &"prompt".into())
                .and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Function>)
            {
                let _ = prompt.call0(&event);
            }
        }
    });
}

/// Cables shared to the installed app (the service worker keeps them for the page):
/// `(name, text)` pairs, taken once. Empty unless the page was opened by a share.
pub async fn take_shared() -> Vec<(String, String)> {
    let Some(window) = window() else { return Vec::new() };
    if !window.location().search().is_ok_and(|s| s.contains("shared")) {
        return Vec::new();
    }
    // The address bar goes back to the app's own address.
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("/"));
    }
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("/shared-cables")).await else {
        return Vec::new();
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return Vec::new() };
    let Ok(json) = response.json() else { return Vec::new() };
    let Ok(value) = wasm_bindgen_futures::JsFuture::from(json).await else { return Vec::new() };
    let Ok(list) = value.dyn_into::<js_sys::Array>() else { return Vec::new() };
    named_texts(&list)
}

/// A text file of the app's own (a sample cable), or why it could not be had.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "the browser is offline and has not kept it".to_owned())?;
    let response = response.dyn_into::<web_sys::Response>().map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "no text".to_owned())?;
    let text = wasm_bindgen_futures::JsFuture::from(text).await.map_err(|_| "the text did not arrive".to_owned())?;
    text.as_string().ok_or_else(|| "no text".to_owned())
}

/// Files the operating system opened with the installed app (`file_handlers`),
/// through `launchQueue` where the browser has it.
pub fn on_launch(on_files: impl Fn(Vec<web_sys::File>) + 'static) {
    let Some(window) = window() else { return };
    let Ok(queue) = js_sys::Reflect::get(&window, &"launchQueue".into()) else { return };
    let Ok(set_consumer) = js_sys::Reflect::get(&queue, &"setConsumer".into())
        .and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Function>)
    else {
        return;
    };
    let on_files = std::rc::Rc::new(on_files);
    let consumer = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let on_files = on_files.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(handles) = js_sys::Reflect::get(&params, &"files".into()) else { return };
            let mut files = Vec::new();
            for handle in js_sys::Array::from(&handles).iter() {
                let Ok(get_file) = js_sys::Reflect::get(&handle, &"getFile".into())
                    .and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Function>)
                else {
                    continue;
                };
                let Ok(promise) = get_file.call0(&handle).and_then(wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>)
                else {
                    continue;
                };
                if let Ok(file) = wasm_bindgen_futures::JsFuture::from(promise)
                    .await
                    .and_then(wasm_bindgen::JsCast::dyn_into::<web_sys::File>)
                {
                    files.push(file);
                }
            }
            on_files(files);
        });
    });
    let _ = set_consumer.call1(&queue, consumer.as_ref());
    consumer.forget();
}
