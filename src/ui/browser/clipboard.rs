//! The clipboard, downloads made in the page, and text from a paste or a drop.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

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
