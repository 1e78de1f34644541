//! The JS API: a thin `#[wasm_bindgen]` adapter over the parser. No parsing
//! and no DOM logic lives here; this is the only module with `#[wasm_bindgen]`.

use wasm_bindgen::prelude::*;

/// `parseCable(text)`: the plain JSON model of a cable (the same object
/// `cable parse` prints), with `null` for absent values.
#[wasm_bindgen(js_name = parseCable)]
pub fn parse_cable(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::cable::parse(text))
}

/// `explain(code)`: what a routing indicator, TAG, precedence, security line,
/// handling caption, portion mark or reason (`1.4(b)`) means.
#[wasm_bindgen(js_name = explain)]
pub fn explain(code: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::codes::explain(code))
}

/// The version of Cable Viewer.
#[wasm_bindgen(js_name = version)]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Serialises like JSON: `None` becomes `null`, maps become plain objects.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}
