//! What the page keeps on this machine: the open cables and the theme (local storage only).

use wasm_bindgen::JsCast;

use super::window;

const STORAGE_KEY: &str = "cable-viewer:open-cables";
const THEME_KEY: &str = "cable-viewer:theme";
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
