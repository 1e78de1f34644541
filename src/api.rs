//! The JS API of the embed (`cable-viewer.js`): a thin adapter over the parser and the
//! embedded view. No parsing and no DOM logic lives here. The `#[wasm_bindgen]` exports are
//! in the embed's own wasm (`src/bin/embed.rs`), so that the app's wasm, which no other site
//! calls, carries none of them.

use wasm_bindgen::JsValue;

pub use crate::ui::browser::to_js;

/// `parseCable(text)`: the plain JSON model of a cable (the same object
/// `cable parse` prints), with `null` for absent values.
pub fn parse_cable(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::cable::parse(text))
}

/// `explain(code)`: what a routing indicator, TAG, precedence, security line,
/// handling caption, portion mark or reason (`1.4(b)`) means.
pub fn explain(code: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::codes::explain(code))
}

/// `loadRoutingBook(url)`: fetches the routing book (`routing.txt`, beside the wasm) so that
/// routing indicators are named; resolves to whether it was had. The embed's module calls it.
pub async fn load_routing_book(url: &str) -> bool {
    crate::ui::hooks::routing::load_routing_book(url).await
}

/// The version of Cable Viewer.
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// One embedded reading view (`<cable-viewer>`, `embed.html`): a Yew app rendered
/// into `root`, usually a node of the element's shadow root. The element's
/// JavaScript owns it and calls `free()` when it leaves the page.
pub struct Viewer {
    handle: yew::AppHandle<crate::ui::embed::Embedded>,
    props: crate::ui::embed::EmbeddedProps,
}

impl Viewer {
    #[must_use]
    pub fn new(root: web_sys::Element) -> Viewer {
        let props = crate::ui::embed::EmbeddedProps {
            document: None,
            collapsed: crate::ui::embed::Collapsed::parse(None),
            highlight: yew::AttrValue::default(),
            loading: false,
        };
        let handle = yew::Renderer::with_root_and_props(root, props.clone()).render();
        Viewer { handle, props }
    }

    /// Parses and shows `text`; returns `{ cable, problem }`: the JSON model, and the
    /// notice the view shows when the text is empty, too large or no cable (else null).
    pub fn show(&mut self, name: &str, text: &str) -> Result<JsValue, JsValue> {
        self.display(crate::ui::state::Document::from_text(name, text))
    }

    /// Like `show` for fetched bytes: binary is refused, invalid UTF-8 replaced.
    pub fn show_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
        self.display(crate::ui::state::Document::from_bytes(name, bytes))
    }

    /// Shows that the cable could not be had (a failed fetch), in the view's own words.
    pub fn fail(&mut self, name: &str, why: &str) {
        self.props.loading = false;
        self.props.document = Some(crate::ui::embed::Shown(std::rc::Rc::new(crate::ui::state::Document::unreadable(
            name,
            why.to_owned(),
        ))));
        self.handle.update(self.props.clone());
    }

    /// Says that a cable is on its way (a `src` being fetched).
    pub fn set_loading(&mut self, loading: bool) {
        self.props.loading = loading;
        self.handle.update(self.props.clone());
    }

    /// The `collapsed` words (null: the default) and the term to highlight.
    pub fn set_options(&mut self, collapsed: Option<String>, highlight: &str) {
        self.props.collapsed = crate::ui::embed::Collapsed::parse(collapsed.as_deref());
        self.props.highlight = yew::AttrValue::from(highlight.trim().to_owned());
        self.handle.update(self.props.clone());
    }

    /// Unmounts the view (the element left the page); the object is gone afterwards.
    pub fn destroy(self) {
        self.handle.destroy();
    }

    fn display(&mut self, document: crate::ui::state::Document) -> Result<JsValue, JsValue> {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            cable: &'a crate::cable::Cable,
            problem: Option<String>,
        }
        let result = to_js(&Shown {
            cable: &document.cable,
            problem: document.problem.as_ref().map(crate::ui::state::Problem::message),
        });
        self.props.loading = false;
        self.props.document = Some(crate::ui::embed::Shown(std::rc::Rc::new(document)));
        self.handle.update(self.props.clone());
        result
    }
}
