//! Trusted Types: under our CSP (`require-trusted-types-for 'script'`) a script's or a worker's
//! URL must be a `TrustedScriptURL`. Each of our two wasm modules in the page makes its own
//! policy, and each allows exactly its own URLs and refuses any other: the page's
//! `cable-viewer` (the service worker, the library part), the library part's
//! `cable-viewer-library` (the library's worker). The CSP names both and no other.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The service worker.
pub const SERVICE_WORKER: &str = "/sw.js";
/// The library part: its own wasm, loaded by the page when a library is opened (Trunk's loader).
pub const LIBRARY_PART: &str = "/library-ui_loader.js";
/// The library's Web Worker, started by the library part (Trunk's loader for its wasm).
pub const LIBRARY_WORKER: &str = "/library-worker_loader.js";

/// Each policy's name and the URLs it allows.
const POLICIES: [(&str, &[&str]); 2] =
    [("cable-viewer", &[SERVICE_WORKER, LIBRARY_PART]), ("cable-viewer-library", &[LIBRARY_WORKER])];

thread_local! {
    static MADE: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `url` as a `TrustedScriptURL`, or as a plain string where the browser has no Trusted Types;
/// `None` for a URL that is not one of ours.
pub fn script_url(url: &str) -> Option<JsValue> {
    let &(name, allowed) = POLICIES.iter().find(|(_, urls)| urls.contains(&url))?;
    let window: JsValue = window()?.into();
    let Some(factory) = js_sys::Reflect::get(&window, &"trustedTypes".into()).ok().filter(|f| !f.is_undefined()) else {
        return Some(JsValue::from_str(url));
    };
    let existing = MADE.with(|m| m.borrow().iter().find(|(n, _)| *n == name).map(|(_, p)| p.clone()));
    let policy = existing.or_else(|| {
        let create =
            js_sys::Reflect::get(&factory, &"createPolicy".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let rules = js_sys::Object::new();
        // A Rust closure, not `new Function`: the same CSP forbids eval.
        let only_ours =
            wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(move |url: JsValue| {
                if url.as_string().is_some_and(|u| allowed.contains(&u.as_str())) {
                    Ok(url)
                } else {
                    Err(js_sys::TypeError::new("not one of Cable Viewer's scripts").into())
                }
            });
        js_sys::Reflect::set(&rules, &"createScriptURL".into(), only_ours.as_ref()).ok()?;
        only_ours.forget();
        let policy = create.call2(&factory, &name.into(), &rules).ok()?;
        MADE.with(|m| m.borrow_mut().push((name, policy.clone())));
        Some(policy)
    })?;
    let make = js_sys::Reflect::get(&policy, &"createScriptURL".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    make.call1(&policy, &url.into()).ok()
}
