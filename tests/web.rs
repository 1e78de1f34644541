//! Browser tests (wasm-bindgen-test in headless Chromium): the JS API and the
//! app's components in a real DOM.

#![cfg(target_arch = "wasm32")]

use cable_viewer::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const KABUL_BODY: &str = "C O N F I D E N T I A L KABUL 000376\n\nSIPDIS\n\nE.O. 12958: DECL: 02/16/2019\n\
TAGS: PGOV, PREL, AF\nSUBJECT: PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS\n\n\
1. (C NF) President Karzai on February 15 told Undersecretary Flournoy <b>nothing</b>.\n";

fn get(value: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("a property")
}

#[wasm_bindgen_test]
fn parse_cable_returns_the_plain_json_model() {
    let model = cable_viewer::api::parse_cable(cable_viewer::SAMPLE_CABLE).expect("a model");
    assert_eq!(get(&model, "id").as_string().as_deref(), Some("09USUNNEWYORK78"));
    assert!(get(&model, "subjectMarking").is_null(), "absent values are null, not undefined");
    let info = get(&model, "info");
    assert_eq!(js_sys::Array::from(&info).length(), 6);
    assert!(js_sys::Array::is_array(&get(&model, "references")));
    assert_eq!(cable_viewer::api::version(), env!("CARGO_PKG_VERSION"));
}

async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn text_of(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).filter_map(|k| nodes.item(k)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
async fn the_app_starts_with_the_sample_cable() {
    let root = mount().await;
    assert_eq!(text_of(&root, "h1"), ["AMBASSADOR RICE'S MEETING WITH MEXICAN PERMANENT REPRESENTATIVE HELLER"]);
    let labels = text_of(&root, "dl.cv-meta dt");
    let values = text_of(&root, "dl.cv-meta dd");
    let id_at = labels.iter().position(|l| l == "Reference ID").expect("a Reference ID row");
    assert_eq!(values[id_at], "09USUNNEWYORK78");
    assert_eq!(text_of(&root, "details.cv-section").len(), 8);
    assert!(root.query_selector("#p7").unwrap().is_some(), "paragraph 7 has its id");
    let marks: Vec<String> = text_of(&root, "abbr.cv-para__mark");
    assert_eq!(marks.len(), 10);
    let mark = root.query_selector("abbr.cv-para__mark").unwrap().unwrap();
    assert_eq!(mark.get_attribute("title").as_deref(), Some("Confidential"));
    // Every TAG reads with its explanation, unknown ones included.
    let tags = text_of(&root, ".cv-meta__tag");
    assert_eq!(tags.len(), 4);
    assert_eq!(tags[0], "PREL Political Affairs: External Political Relations");
    assert_eq!(tags[3], "MX Mexico");
    let stations = text_of(&root, ".cv-meta__station");
    assert!(stations.contains(&"RUEHME: AMEMBASSY MEXICO CITY".to_owned()), "{stations:?}");
    assert!(stations.iter().any(|s| s.starts_with("RUEHGG: collective / unlisted")), "{stations:?}");
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_a_cable_reparses_and_renders_text_as_text() {
    let root = mount().await;
    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    area.set_value(KABUL_BODY);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1"), ["PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS"]);
    let paragraph = root.query_selector("#p1").unwrap().expect("paragraph 1");
    assert!(paragraph.text_content().unwrap().contains("<b>nothing</b>"), "markup in a cable stays text");
    assert!(paragraph.query_selector("b").unwrap().is_none(), "no element was made from cable text");
    root.remove();
}
