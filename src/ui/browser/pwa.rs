//! The installed app: the service worker, the install prompt, shared cables and launched files.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

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
/// Returns whether a worker already served the page when it loaded (a visit after the first).
pub fn register_service_worker() -> bool {
    let Some(window) = window() else { return false };
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
        return false;
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
    controlled_at_start
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

/// `serviceWorker.register('/sw.js')`, with a `TrustedScriptURL` where the browser has them.
fn register(container: &web_sys::ServiceWorkerContainer) -> js_sys::Promise {
    let trusted = super::trusted::script_url(super::trusted::SERVICE_WORKER);
    let register =
        js_sys::Reflect::get(container, &"register".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (trusted, register) {
        (Some(url), Some(register)) => register
            .call1(container, &url)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .unwrap_or_else(|| js_sys::Promise::reject(&"registration refused".into())),
        _ => container.register(super::trusted::SERVICE_WORKER),
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
    super::storage::named_texts(&list)
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
