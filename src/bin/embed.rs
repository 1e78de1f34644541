//! The embed's wasm (`cable-viewer.js`, `embed.html`): the JS API other sites call, and the
//! only `#[wasm_bindgen]` exports of the project, each a line over `cable_viewer::api`. Built
//! by Trunk as a wasm of its own (`data-type="worker"` only so that Trunk does not load it with
//! the page): the app's wasm carries no API and no embedded view, and this one no app shell.
//! Empty outside the browser.

#[cfg(target_arch = "wasm32")]
mod exports {
    use cable_viewer::api;
    use wasm_bindgen::prelude::*;

    /// `parseCable(text)`: the plain JSON model of a cable.
    #[wasm_bindgen(js_name = parseCable)]
    pub fn parse_cable(text: &str) -> Result<JsValue, JsValue> {
        api::parse_cable(text)
    }

    /// `explain(code)`: what a code means.
    #[wasm_bindgen(js_name = explain)]
    pub fn explain(code: &str) -> Result<JsValue, JsValue> {
        api::explain(code)
    }

    /// `loadRoutingBook(url)`: fetches the routing book; whether it was had.
    #[wasm_bindgen(js_name = loadRoutingBook)]
    pub async fn load_routing_book(url: String) -> bool {
        api::load_routing_book(&url).await
    }

    /// The version of Cable Viewer.
    #[wasm_bindgen(js_name = version)]
    #[must_use]
    pub fn version() -> String {
        api::version()
    }

    /// One embedded reading view (`api::Viewer`).
    #[wasm_bindgen]
    pub struct Viewer(api::Viewer);

    #[wasm_bindgen]
    impl Viewer {
        #[wasm_bindgen(constructor)]
        #[must_use]
        pub fn new(root: web_sys::Element) -> Viewer {
            Viewer(api::Viewer::new(root))
        }

        pub fn show(&mut self, name: &str, text: &str) -> Result<JsValue, JsValue> {
            self.0.show(name, text)
        }

        #[wasm_bindgen(js_name = showBytes)]
        pub fn show_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
            self.0.show_bytes(name, bytes)
        }

        pub fn fail(&mut self, name: &str, why: &str) {
            self.0.fail(name, why);
        }

        #[wasm_bindgen(js_name = setLoading)]
        pub fn set_loading(&mut self, loading: bool) {
            self.0.set_loading(loading);
        }

        #[wasm_bindgen(js_name = setOptions)]
        pub fn set_options(&mut self, collapsed: Option<String>, highlight: &str) {
            self.0.set_options(collapsed, highlight);
        }

        pub fn destroy(self) {
            self.0.destroy();
        }
    }
}

fn main() {}
