//! Browser tests (wasm-bindgen-test in headless Chromium): the JS API and the
//! app's components in a real DOM.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use cable_viewer::ui::app::App;
use cable_viewer::ui::state::{Action, AppState, Document, Incoming, Problem};

const HARARE: &str = include_str!("../src/assets/samples/09HARARE955.txt");
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement, InputEvent, InputEventInit};
use yew::Reducible;

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

/// Mounts a fresh app: the tests share one page, so remembered cables are cleared first.
async fn mount() -> Element {
    gloo::utils::window().local_storage().unwrap().unwrap().clear().unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Resolves when `done` holds, re-checking on every DOM change under `root`
/// (event-driven: no sleeping).
async fn until(root: &Element, done: impl Fn() -> bool + 'static) {
    if done() {
        return;
    }
    let done = Rc::new(done);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let done = done.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
            move |_: js_sys::Array, observer: web_sys::MutationObserver| {
                if done() {
                    observer.disconnect();
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            },
        );
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_character_data(true);
        observer.observe_with_options(root, &options).unwrap();
        callback.forget();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
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
    // Addressees read as the cable names them; their routing indicators are in the envelope,
    // whose stations wait for the routing book (the page fetches it; nobody does here).
    assert_eq!(text_of(&root, "dl.cv-meta dd ul.cv-meta__addressees li")[2], "AMEMBASSY MEXICO PRIORITY");
    let rows = text_of(&root, "dl.cv-envelope__list dd");
    assert!(
        rows.contains(&"routing indicator of AMEMBASSY MEXICO: station not looked up: no routing book here".to_owned()),
        "{rows:?}"
    );
    root.remove();
    // With the book, every station is named; a collective says why the book does not list it.
    assert!(cable_viewer::codes::routing::install(include_str!("../src/codes/routing.txt")));
    let root = mount().await;
    let rows = text_of(&root, "dl.cv-envelope__list dd");
    assert!(rows.contains(&"routing indicator of AMEMBASSY MEXICO: AMEMBASSY MEXICO CITY".to_owned()), "{rows:?}");
    assert!(
        rows.iter()
            .any(|s| s.starts_with("routing indicator of UN SECURITY COUNCIL COLLECTIVE: collective / unlisted")),
        "{rows:?}"
    );
    assert!(rows.contains(&"prepared for transmission by RUCNDT (USMISSION USUN NEW YORK NY); station serial 0078, section 01; filed day 034 (3 Feb), 02:52Z".to_owned()), "{rows:?}");
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
    // The edit reaches the reducer after a pause; wait for the re-render it causes.
    let watched = root.clone();
    until(&root, move || text_of(&watched, "h1") == ["PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS"]).await;
    let paragraph = root.query_selector("#p1").unwrap().expect("paragraph 1");
    assert!(paragraph.text_content().unwrap().contains("<b>nothing</b>"), "markup in a cable stays text");
    assert!(paragraph.query_selector("b").unwrap().is_none(), "no element was made from cable text");
    root.remove();
}

fn reduce(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    state.reduce(action)
}

#[wasm_bindgen_test]
fn the_reducer_opens_switches_closes_and_forgets() {
    let state = Rc::new(AppState::default());
    assert_eq!(state.documents.len(), 1, "the sample is open when nothing else is");
    let state = reduce(
        state,
        Action::OpenFiles(vec![
            Incoming { name: "a.txt".into(), bytes: Ok(HARARE.as_bytes().to_vec()), size: HARARE.len() },
            Incoming { name: "gone.txt".into(), bytes: Err("permission denied".into()), size: 0 },
        ]),
    );
    assert_eq!(state.documents.len(), 3);
    assert_eq!((state.current, state.epoch), (1, 1), "the first new file is shown");
    assert_eq!(state.document().cable.id.as_deref(), Some("09HARARE955"));
    assert_eq!(state.documents[2].problem, Some(Problem::Unreadable("permission denied".into())));
    let state = reduce(state, Action::Select(2));
    assert!(state.status.contains("could not be read"));
    let state = reduce(state, Action::Close(0));
    let state = reduce(state, Action::Close(0));
    let state = reduce(state, Action::Close(0));
    assert_eq!(state.documents.len(), 1, "closing the last cable brings the sample back");
    assert_eq!(state.document().cable.id.as_deref(), Some("09USUNNEWYORK78"));
    let state = reduce(state, Action::Edit("SUBJECT: EDITED".into()));
    assert_eq!(state.document().cable.subject.as_deref(), Some("EDITED"));
    // The switcher names what is shown, not what was there before the edit.
    assert_eq!(state.document().name.as_str(), "EDITED");
    let state = reduce(state, Action::Edit(HARARE.into()));
    assert_eq!(state.document().name.as_str(), "09HARARE955");
    let edited = HARARE.replacen("ACCRA 3201", "ACCRA 3202", 1);
    let state = reduce(state, Action::Edit(edited));
    assert_eq!(state.document().name.as_str(), "09HARARE955", "an edit to the same cable keeps its name");
    let state = reduce(state, Action::Forget);
    assert_eq!(state.document().cable.id.as_deref(), Some("09USUNNEWYORK78"));
}

#[wasm_bindgen_test]
fn remembered_cables_are_parsed_when_first_shown() {
    let saved = vec![
        ("09HARARE955".to_owned(), HARARE.to_owned()),
        ("sample".to_owned(), cable_viewer::SAMPLE_CABLE.to_owned()),
        ("kabul".to_owned(), KABUL_BODY.to_owned()),
    ];
    let state = Rc::new(AppState::with_documents(saved, None));
    // Only the one shown is parsed at start; the others keep their text and wait.
    assert_eq!(state.document().cable.id.as_deref(), Some("09HARARE955"));
    assert!(state.status.contains("09HARARE955"), "{}", state.status);
    assert_eq!(state.documents.iter().map(|d| d.pending).collect::<Vec<_>>(), [false, true, true]);
    assert_eq!(&*state.documents[1].text, cable_viewer::SAMPLE_CABLE);
    let state = reduce(state, Action::Select(1));
    assert_eq!(state.document().cable.id.as_deref(), Some("09USUNNEWYORK78"));
    assert!(state.status.contains("09USUNNEWYORK78: 8 sections"), "{}", state.status);
    // Closing the shown cable shows the next one, parsed.
    let state = reduce(state, Action::Close(1));
    assert_eq!(state.current, 1);
    assert!(!state.document().pending);
    assert_eq!(state.document().cable.subject.as_deref(), Some("PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS"));
}

#[wasm_bindgen_test]
fn the_reducer_steps_through_find_hits_with_wrap_around() {
    let state = reduce(Rc::new(AppState::default()), Action::Find("heller".into()));
    let state = reduce(state, Action::FindStep { delta: -1, total: 15 });
    assert_eq!(state.hit, 14);
    let state = reduce(state, Action::FindStep { delta: 1, total: 15 });
    assert_eq!(state.hit, 0);
    let same = reduce(state.clone(), Action::FindStep { delta: 1, total: 0 });
    assert!(Rc::ptr_eq(&state, &same), "no hits: nothing changes");
}

#[wasm_bindgen_test]
fn bad_input_is_named_and_kept() {
    assert_eq!(Document::from_bytes("e.txt", b"").problem, Some(Problem::Empty));
    assert_eq!(Document::from_bytes("b.bin", &[0, 159, 146, 150, 0, 1]).problem, Some(Problem::Binary));
    let text = "x".repeat(cable_viewer::ui::state::PARSE_LIMIT + 1);
    let big = Document::from_text("big.txt", &text);
    assert!(matches!(big.problem, Some(Problem::TooLarge { .. })));
    assert_eq!(big.text.len(), text.len(), "the whole text is kept");
    let recipe = Document::from_text("r.txt", "Lemon cake\n\nBake for forty minutes.");
    assert_eq!(recipe.problem, Some(Problem::NotACable));
    // A 1970s telegram's body as the National Archives give it, no header, one paragraph and its
    // signature: a cable, not a problem.
    let body = Document::from_text(
        "1975GENEVA01573.txt",
        "THE TOURISM PAPER HAS MOVED RAPIDLY IN INFORMAL NEGOTIATIONS. IF DEPARTMENT HAS OBJECTIONS\n\
         PLEASE ADVISE.\n\n\nDALE\n",
    );
    assert_eq!((body.problem, body.cable.signers.as_slice()), (None, ["DALE".to_owned()].as_slice()));
    // A file in Windows-1252, and one Windows saved as "Unicode": read as what they are, and said.
    let latin1 = Document::from_bytes("l.txt", b"SUBJECT: CAF\xC9 TALKS\n");
    assert!(latin1.problem.is_none());
    assert_eq!(latin1.cable.subject.as_deref(), Some("CAF\u{c9} TALKS"));
    assert!(latin1.cable.diagnostics[0].message.contains("Windows-1252"));
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("SUBJECT: CAF\u{c9} TALKS\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let unicode = Document::from_bytes("u.txt", &utf16);
    assert!(unicode.problem.is_none());
    assert_eq!(&*unicode.text, "SUBJECT: CAF\u{c9} TALKS\n", "the text as read is kept");
    assert!(unicode.cable.diagnostics[0].message.contains("UTF-16"));
    // The head of a file too large to parse, in UTF-16: too large, shown as read; not binary.
    let huge = Document::too_large("u.txt", &utf16, 30 << 20);
    assert!(matches!(huge.problem, Some(Problem::TooLarge { whole: false, .. })));
    assert_eq!(&*huge.text, "SUBJECT: CAF\u{c9} TALKS\n");
    assert_eq!(Document::too_large("b.bin", &[0, 159, 146, 150, 0, 1], 30 << 20).problem, Some(Problem::Binary));
}
