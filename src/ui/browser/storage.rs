//! What the page keeps on this machine: the open cables and the theme (local storage only).

use wasm_bindgen::JsCast;

use super::window;

const STORAGE_KEY: &str = "cable-viewer:open-cables";
const THEME_KEY: &str = "cable-viewer:theme";
/// What the page knows of the library kept in the origin-private file system.
const LIBRARY_KEY: &str = "cable-viewer:library";
/// The file the library worker keeps the library in (`src/library/worker.rs`).
const LIBRARY_FILE: &str = "library.bin";
/// What we keep across reloads at most: localStorage holds about 5 MB per origin.
pub const STORAGE_LIMIT: usize = 2 * 1024 * 1024;

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
pub(super) fn named_texts(list: &js_sys::Array) -> Vec<(String, String)> {
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

pub(super) fn save_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme);
    }
}

/// The kept library's description (JSON), if one is kept.
pub fn load_library() -> Option<String> {
    storage()?.get_item(LIBRARY_KEY).ok().flatten()
}

pub fn save_library(json: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LIBRARY_KEY, json);
    }
}

/// Forgets the kept library: its description here, and its index in the origin-private file
/// system (removed in the background; nothing else of it is stored).
pub fn forget_library() {
    if let Some(s) = storage() {
        let _ = s.remove_item(LIBRARY_KEY);
    }
    let Some(window) = window() else { return };
    let storage = js_sys::Reflect::get(&window.navigator(), &"storage".into()).ok();
    let get = storage
        .as_ref()
        .and_then(|s| js_sys::Reflect::get(s, &"getDirectory".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (Some(storage), Some(get)) = (storage, get) else { return };
    let Ok(promise) = get.call0(&storage).and_then(JsCast::dyn_into::<js_sys::Promise>) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(dir) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        let remove =
            js_sys::Reflect::get(&dir, &"removeEntry".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(remove) = remove {
            if let Ok(p) = remove.call1(&dir, &LIBRARY_FILE.into()).and_then(JsCast::dyn_into::<js_sys::Promise>) {
                // Absent already is as good as removed.
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            }
        }
    });
}
