//! `use_library_part`: the page's side of the library. The library (its view, its state, its
//! worker) is a part of its own, a second wasm loaded only when a library is first wanted: the
//! address is in the library, the header's "Library" is chosen, or files make a library. Until
//! it is ready, the page queues what it asks of it; from then on, the part tells the page what it
//! shows ([`Summary`]) and hands it cables to read. See `ui/library/bridge.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::ui::browser::{self, trusted};
use crate::ui::library::bridge::{self, Summary};
use crate::ui::state::{Action, AppState};

/// The library's stylesheet (`styles/library.css`, copied beside the app).
const LIBRARY_STYLES: &str = "/library.css";

/// What the page knows of, and may ask of, the library part (whose root component is
/// `ui::library::part::LibraryPart`).
#[derive(Clone)]
pub struct PartHandle {
    pub summary: UseStateHandle<Summary>,
    /// The part has been asked for and is not ready yet.
    pub loading: UseStateHandle<bool>,
    load: Rc<RefCell<Load>>,
    app: UseReducerDispatcher<AppState>,
}

#[derive(Default)]
enum Load {
    #[default]
    Not,
    /// The part's script is on its way; requests wait here.
    Pending {
        queue: Vec<(&'static str, JsValue)>,
        _errors: EventListener,
    },
    Ready,
}

impl PartialEq for PartHandle {
    fn eq(&self, other: &Self) -> bool {
        self.summary == other.summary && self.loading == other.loading
    }
}

impl PartHandle {
    /// Indexes files as a new library and shows it.
    pub fn open(&self, files: &[web_sys::File], names: &[String]) {
        self.summary.set(Summary { in_library: true, ..(*self.summary).clone() });
        self.request(bridge::OPEN, bridge::files_to_js(files, names));
    }

    /// Shows the library (the one open, the one kept, or the way to open one).
    pub fn show(&self) {
        self.summary.set(Summary { in_library: true, ..(*self.summary).clone() });
        self.request(bridge::SHOW, JsValue::UNDEFINED);
    }

    fn request(&self, name: &'static str, detail: JsValue) {
        let mut load = self.load.borrow_mut();
        match &mut *load {
            Load::Ready => bridge::emit(name, &detail),
            Load::Pending { queue, .. } => queue.push((name, detail)),
            Load::Not => {
                if let Some(errors) = self.fetch() {
                    *load = Load::Pending { queue: vec![(name, detail)], _errors: errors };
                }
            }
        }
    }

    /// Loaded for the address alone (a link into the library, a reload there, back or forward).
    fn arrive(&self) {
        let there = crate::library::protocol::in_library(&browser::location_hash().unwrap_or_default());
        let mut load = self.load.borrow_mut();
        if matches!(*load, Load::Ready) {
            return;
        }
        self.summary.set(Summary { in_library: there, ..(*self.summary).clone() });
        if there && matches!(*load, Load::Not) {
            if let Some(errors) = self.fetch() {
                *load = Load::Pending { queue: Vec::new(), _errors: errors };
            }
        }
    }

    /// Adds the part's module script and styles to the page; its errors are told in the status region.
    /// `None`: it could not be added (said there too), and nothing waits for it.
    fn fetch(&self) -> Option<EventListener> {
        let failed = |app: &UseReducerDispatcher<AppState>, why: &str| {
            app.dispatch(Action::Status(format!("The library could not be loaded: {why}.")));
        };
        let document = gloo::utils::document();
        let (Some(url), Ok(script)) = (trusted::script_url(trusted::LIBRARY_PART), document.create_element("script"))
        else {
            failed(&self.app, "its address was refused");
            return None;
        };
        self.loading.set(true);
        browser::mark("library:part");
        let _ = script.set_attribute("type", "module");
        let _ = js_sys::Reflect::set(&script, &"src".into(), &url);
        let errors = {
            let (app, load, loading) = (self.app.clone(), self.load.clone(), self.loading.clone());
            EventListener::new(&script, "error", move |_| {
                // Forget the queue: asked again, it is fetched again.
                *load.borrow_mut() = Load::Not;
                loading.set(false);
                failed(&app, "its files did not arrive (offline before a library was ever opened?)");
            })
        };
        if let Some(head) = document.head() {
            // The library's styles come with it (a first visit does not download them).
            if let Ok(styles) = document.create_element("link") {
                let _ = styles.set_attribute("rel", "stylesheet");
                let _ = styles.set_attribute("href", LIBRARY_STYLES);
                let _ = head.append_child(&styles);
            }
            let _ = head.append_child(&script);
        }
        Some(errors)
    }

    fn ready(&self) {
        let queue = match std::mem::replace(&mut *self.load.borrow_mut(), Load::Ready) {
            Load::Pending { queue, .. } => queue,
            _ => Vec::new(),
        };
        self.loading.set(false);
        for (name, detail) in queue {
            bridge::emit(name, &detail);
        }
    }
}

#[hook]
pub fn use_library_part(app: UseReducerDispatcher<AppState>) -> PartHandle {
    let summary = use_state_eq(|| Summary { cables: kept_cables(), ..Summary::default() });
    let loading = use_state_eq(|| false);
    let load = use_mut_ref(Load::default);
    let part = PartHandle { summary, loading, load, app };
    {
        let part = part.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            part.arrive();
            let listeners = [
                {
                    let part = part.clone();
                    EventListener::new(&window, "popstate", move |_| part.arrive())
                },
                {
                    let part = part.clone();
                    EventListener::new(&window, bridge::READY, move |_| part.ready())
                },
                {
                    let summary = part.summary.clone();
                    EventListener::new(&window, bridge::SUMMARY, move |event| {
                        summary.set(Summary::from_js(&bridge::detail(event)));
                    })
                },
                {
                    let app = part.app.clone();
                    EventListener::new(&window, bridge::READ, move |event| {
                        let detail = bridge::detail(event);
                        let text = |name| bridge::get(&detail, name).as_string().unwrap_or_default();
                        browser::mark_input();
                        app.dispatch(Action::OpenFromLibrary {
                            name: text("name"),
                            text: text("text"),
                            find: text("find"),
                        });
                    })
                },
                {
                    let app = part.app.clone();
                    EventListener::new(&window, bridge::STATUS, move |event| {
                        if let Some(message) = bridge::detail(event).as_string() {
                            app.dispatch(Action::Status(message));
                        }
                    })
                },
            ];
            move || drop(listeners)
        });
    }
    part
}

/// The size of the library kept on this machine, as local storage remembers it.
fn kept_cables() -> Option<u32> {
    let kept = js_sys::JSON::parse(&browser::load_library()?).ok()?;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a count of cables")]
    bridge::get(&kept, "cables").as_f64().map(|n| n as u32)
}
