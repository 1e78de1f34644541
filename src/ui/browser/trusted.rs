//! Trusted Types: under our CSP (`require-trusted-types-for 'script'`) a worker's URL must be a
//! `TrustedScriptURL`. The one `cable-viewer` policy makes one for exactly our own workers'
//! URLs and refuses any other.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The service worker.
pub const SERVICE_WORKER: &str = "/sw.js";
/// The library's Web Worker (Trunk's loader for its wasm).
pub const LIBRARY_WORKER: &str = "/library-worker_loader.js";
const ALLOWED: [&str; 2] = [SERVICE_WORKER, LIBRARY_WORKER];

thread_local! {
    static POLICY: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// `url` as a `TrustedScriptURL`, or as a plain string where the browser has no Trusted Types;
/// `None` for a URL that is not one of our workers.
pub fn script_url(url: &str) -> Option<JsValue> {
    if !ALLOWED.contains(&url) {
        return None;
    }
    let window: JsValue = window()?.into();
    let Some(factory) = js_sys::Reflect::get(&window, &"trustedTypes".into()).ok().filter(|f| !f.is_undefined()) else {
        return Some(JsValue::from_str(url));
    };
    let policy = POLICY.with(|p| p.borrow().clone()).or_else(|| {
        let create =
            js_sys::Reflect::get(&factory, &"createPolicy".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let rules = js_sys::Object::new();
        // A Rust closure, not `new Function`: the same CSP forbids eval.
        let only_ours =
            wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|url: JsValue| {
                if url.as_string().is_some_and(|u| ALLOWED.contains(&u.as_str())) {
                    Ok(url)
                } else {
                    Err(js_sys::TypeError::new("not one of Cable Viewer's workers").into())
                }
            });
        js_sys::Reflect::set(&rules, &"createScriptURL".into(), only_ours.as_ref()).ok()?;
        only_ours.forget();
        let policy = create.call2(&factory, &"cable-viewer".into(), &rules).ok()?;
        POLICY.with(|p| *p.borrow_mut() = Some(policy.clone()));
        Some(policy)
    })?;
    let make = js_sys::Reflect::get(&policy, &"createScriptURL".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    make.call1(&policy, &url.into()).ok()
}
