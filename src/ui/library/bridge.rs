//! The page and the library part are two wasm modules in one window (the part is loaded only
//! when a library is opened, so that the first visit does not carry it). They talk through
//! `CustomEvent`s on `window`, with plain objects as details; this module is both ends' only
//! shared vocabulary, written without serde so that the page stays small.

use wasm_bindgen::JsValue;

/// Page → part: index these files as a library (`files`: `File`s, `names`: their paths).
pub const OPEN: &str = "cv-library:open";
/// Page → part: show the library (the header's "Library").
pub const SHOW: &str = "cv-library:show";
/// Part → page: the part is listening (requests sent before are queued by the page).
pub const READY: &str = "cv-library:ready";
/// Part → page: what the page needs to know of the library ([`Summary`]).
pub const SUMMARY: &str = "cv-library:summary";
/// Part → page: a cable to read (`name`, `text`, `find`: what to find first).
pub const READ: &str = "cv-library:read";
/// Part → page: a status message for the page's status region.
pub const STATUS: &str = "cv-library:status";
/// Part → page: files chosen in the library's own pickers (the page decides: library or reader).
pub const FILES: &str = "cv-library:files";

/// Where the page hosts the part's view, and the links above a cable opened from it.
pub const VIEW_HOST: &str = "cv-library";
pub const LINKS_HOST: &str = "cv-library-links";

/// What the page shows of the library: where the reader is, and its size for the header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The address is in the library (`#library…`).
    pub in_library: bool,
    /// A cable from the library is open in the reader (its links are shown above it).
    pub reading: bool,
    /// Cables in the library (open, or kept from an earlier visit).
    pub cables: Option<u32>,
    /// The last thing that went wrong, for the status region while the list is shown.
    pub message: Option<String>,
}

impl Summary {
    pub fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        set(&o, "inLibrary", &self.in_library.into());
        set(&o, "reading", &self.reading.into());
        set(&o, "cables", &self.cables.map_or(JsValue::NULL, JsValue::from));
        set(&o, "message", &self.message.as_deref().map_or(JsValue::NULL, JsValue::from_str));
        o.into()
    }

    pub fn from_js(value: &JsValue) -> Summary {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a count of cables")]
        Summary {
            in_library: get(value, "inLibrary").as_bool().unwrap_or(false),
            reading: get(value, "reading").as_bool().unwrap_or(false),
            cables: get(value, "cables").as_f64().map(|n| n as u32),
            message: get(value, "message").as_string(),
        }
    }
}

/// Sends `name` with `detail` to the other side.
pub fn emit(name: &str, detail: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// The detail of a bridge event.
pub fn detail(event: &web_sys::Event) -> JsValue {
    wasm_bindgen::JsCast::dyn_ref::<web_sys::CustomEvent>(event)
        .map_or(JsValue::UNDEFINED, web_sys::CustomEvent::detail)
}

/// A plain object from named values.
pub fn object(fields: &[(&str, &JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (name, value) in fields {
        set(&o, name, value);
    }
    o.into()
}

pub fn get(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(name), value);
}

/// Files and their names, as sent with [`OPEN`] and [`FILES`].
pub fn files_to_js(files: &[web_sys::File], names: &[String]) -> JsValue {
    let list: js_sys::Array = files.iter().collect();
    let names: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    object(&[("files", &list), ("names", &names)])
}

pub fn files_from_js(value: &JsValue) -> (Vec<web_sys::File>, Vec<String>) {
    let files = js_sys::Array::from(&get(value, "files"))
        .iter()
        .filter_map(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::File>(f).ok())
        .collect();
    let names = js_sys::Array::from(&get(value, "names")).iter().filter_map(|n| n.as_string()).collect();
    (files, names)
}
