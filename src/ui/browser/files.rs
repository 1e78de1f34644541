//! Files from a picker, a drop or a paste.

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

/// The files of a file list (from a drop, a paste or `<input type=file>`).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.get(k)).collect()
}

/// The folders of a drop, taken while the drop event lasts (its items vanish after); `None`
/// when it holds no folder (then `DataTransfer.files` is what was dropped).
pub fn dropped_entries(data: &web_sys::DataTransfer) -> Option<Vec<wasm_bindgen::JsValue>> {
    use wasm_bindgen::JsCast;
    let items = data.items();
    let mut entries = Vec::new();
    let mut folder = false;
    for k in 0..items.length() {
        let Some(item) = items.get(k) else { continue };
        let get = js_sys::Reflect::get(&item, &"webkitGetAsEntry".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let Ok(entry) = get.call0(&item) else { continue };
        if entry.is_null() || entry.is_undefined() {
            continue;
        }
        folder |= js_sys::Reflect::get(&entry, &"isDirectory".into()).ok().and_then(|d| d.as_bool()).unwrap_or(false);
        entries.push(entry);
    }
    folder.then_some(entries)
}

/// Every file under dropped entries, folders walked, each with its path in the drop
/// (`folder/sub/file.html`); hidden files and folders left out.
pub async fn walk_entries(entries: Vec<wasm_bindgen::JsValue>) -> Vec<(web_sys::File, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<wasm_bindgen::JsValue> = entries.into_iter().rev().collect();
    while let Some(entry) = stack.pop() {
        let get = |key: &str| js_sys::Reflect::get(&entry, &key.into()).ok();
        let name = get("name").and_then(|n| n.as_string()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let path = get("fullPath").and_then(|p| p.as_string()).unwrap_or_else(|| name.clone());
        if get("isDirectory").and_then(|d| d.as_bool()).unwrap_or(false) {
            let Some(reader) = call0(&entry, "createReader") else { continue };
            let mut children = Vec::new();
            // readEntries gives a batch at a time (100 in Chromium) until it gives none.
            while let Some(batch) = callback_promise(&reader, "readEntries").await {
                let batch = js_sys::Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                children.extend(batch.iter());
            }
            children.sort_by_key(|c| {
                js_sys::Reflect::get(c, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
            });
            stack.extend(children.into_iter().rev());
        } else if let Some(file) = callback_promise(&entry, "file").await {
            use wasm_bindgen::JsCast;
            if let Ok(file) = file.dyn_into::<web_sys::File>() {
                out.push((file, path.trim_start_matches('/').to_owned()));
            }
        }
    }
    out
}

fn call0(target: &wasm_bindgen::JsValue, method: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let f = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call0(target).ok()
}

/// `target.method(success, failure)` as a future of what `success` receives.
async fn callback_promise(target: &wasm_bindgen::JsValue, method: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let f = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if f.call2(target, &resolve, &reject).is_err() {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// A file's path within a chosen folder (`webkitRelativePath`), else its name.
pub fn file_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}
