//! Browser glue in one place, by concern: `storage` (what the page keeps), `clipboard`
//! (copying, downloads, pasted text), `files`, `timing` (User Timing marks), `pwa` (service
//! worker, install, shares), `trusted` (Trusted Types URLs for workers); the page itself
//! (title, theme, scrolling, `<details>`) here. Components call these functions instead of
//! touching web APIs themselves. Every function fails quietly (returns `false`/`None`): a
//! missing API must never break reading.

mod clipboard;
mod files;
mod pwa;
mod storage;
mod timing;
pub mod trusted;

pub use clipboard::*;
pub use files::*;
pub use pwa::*;
pub use storage::*;
pub use timing::*;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDetailsElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
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
    storage::save_theme(theme);
}

/// Whether the screen is a phone's (the style sheet's narrow layout, `max-width: 30rem`).
pub fn narrow_screen() -> bool {
    gloo::utils::window().match_media("(max-width: 30rem)").ok().flatten().is_some_and(|m| m.matches())
}

pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Serialises like JSON: `None` becomes `null`, maps become plain objects (the model the
/// embed's `parseCable` returns, and what "Copy JSON" writes).
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
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

/// Local time of an ISO date in the reader's time zone, written as the UTC time beside it is:
/// `2009-01-29 19:48 UTC−05:00`; `None` where the reader's zone was UTC then (it would repeat
/// the time beside it). Read from `Date`'s own fields, not `toLocaleString`: the browser's first
/// use of its locale data costs tens of milliseconds, which the first screen waited for.
#[allow(clippy::cast_possible_truncation)]
pub fn local_time(iso: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return None;
    }
    // Minutes east of UTC (`getTimezoneOffset` counts them west).
    let east = -(date.get_timezone_offset() as i32);
    if east == 0 {
        return None;
    }
    let sign = if east < 0 { '−' } else { '+' };
    Some(format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC{sign}{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        east.abs() / 60,
        east.abs() % 60,
    ))
}

/// Whether a keyboard or paste event started inside a text field of our own.
pub fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT"))
}

/// The page's address without its fragment (`/`): where "out of the library" goes.
pub fn page_path() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".to_owned())
}

/// Sets the address bar to `url` (a fragment `#…` or a path) without loading anything: a new
/// history entry when `push`, else in place of the current one.
pub fn set_address(url: &str, push: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else { return };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    };
}
