//! `use_page_listeners`: paste anywhere on the page, drop files or folders anywhere, files
//! chosen in the library part, and every section opened for printing.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::library::bridge;
use crate::ui::state::{Action, AppState};

/// Files that arrived together, with their paths (a folder's relative ones) and whether they
/// came as a folder.
pub struct Picked {
    pub files: Vec<web_sys::File>,
    pub names: Vec<String>,
    pub folder: bool,
}

impl Picked {
    pub fn files(files: Vec<web_sys::File>) -> Self {
        let names: Vec<String> = files.iter().map(browser::file_path).collect();
        Picked::named(files, names)
    }

    /// Files with their paths: a path inside a folder means they came as one.
    pub fn named(files: Vec<web_sys::File>, names: Vec<String>) -> Self {
        let folder = names.iter().any(|n| n.contains('/'));
        Picked { files, names, folder }
    }
}

#[hook]
pub fn use_page_listeners(
    state: &UseReducerHandle<AppState>,
    dragging: &UseStateHandle<bool>,
    on_files: &Callback<Picked>,
) {
    let dispatcher = state.dispatcher();
    let dragging = dragging.clone();
    let on_files = on_files.clone();
    use_effect_with((), move |()| {
        let document = gloo::utils::document();
        let active = EventListenerOptions::enable_prevent_default();
        let paste = {
            let (dispatcher, on_files) = (dispatcher.clone(), on_files.clone());
            EventListener::new(&document, "paste", move |event| {
                // The textarea and the find field take their own pastes.
                if browser::in_text_field(event.target()) {
                    return;
                }
                if let Some(data) =
                    event.dyn_ref::<web_sys::ClipboardEvent>().and_then(web_sys::ClipboardEvent::clipboard_data)
                {
                    open_transfer(&dispatcher, &on_files, &data, crate::ui::state::UNNAMED[0]);
                }
            })
        };
        let over = {
            let dragging = dragging.clone();
            EventListener::new_with_options(&document, "dragover", active, move |event| {
                event.prevent_default();
                dragging.set(true);
            })
        };
        let leave = {
            let dragging = dragging.clone();
            EventListener::new(&document, "dragleave", move |event| {
                // Leaving the window, not moving between elements.
                let outside = event.dyn_ref::<web_sys::DragEvent>().is_some_and(|e| e.related_target().is_none());
                if outside {
                    dragging.set(false);
                }
            })
        };
        let dropped = {
            let (dispatcher, on_files) = (dispatcher.clone(), on_files.clone());
            EventListener::new_with_options(&document, "drop", active, move |event| {
                event.prevent_default();
                dragging.set(false);
                let Some(data) = event.dyn_ref::<web_sys::DragEvent>().and_then(web_sys::DragEvent::data_transfer)
                else {
                    return;
                };
                // A folder is walked (its items must be taken now, while the drop lasts).
                if let Some(entries) = browser::dropped_entries(&data) {
                    let on_files = on_files.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let (files, names) = browser::walk_entries(entries).await.into_iter().unzip();
                        on_files.emit(Picked { files, names, folder: true });
                    });
                    return;
                }
                open_transfer(&dispatcher, &on_files, &data, crate::ui::state::UNNAMED[1]);
            })
        };
        let print = EventListener::new(&gloo::utils::window(), "beforeprint", |_| browser::set_all_sections_open(true));
        // Files chosen in the library part's own pickers: like any others.
        let from_library = EventListener::new(&gloo::utils::window(), bridge::FILES, move |event| {
            let (files, names) = bridge::files_from_js(&bridge::detail(event));
            let on_files = on_files.clone();
            browser::soon(move || on_files.emit(Picked::named(files, names)));
        });
        move || drop((paste, over, leave, dropped, print, from_library))
    });
}

/// What a paste or a drop carries: its files, or else its text.
fn open_transfer(
    dispatcher: &UseReducerDispatcher<AppState>,
    on_files: &Callback<Picked>,
    data: &web_sys::DataTransfer,
    name: &str,
) {
    let files = browser::files_of(data.files());
    if !files.is_empty() {
        on_files.emit(Picked::files(files));
    } else if let Some(text) = browser::transfer_text(data) {
        browser::mark_input();
        match text {
            browser::Pasted::Text(text) if !text.is_empty() => {
                dispatcher.dispatch(Action::OpenText { name: name.to_owned(), text });
            }
            browser::Pasted::Text(_) => {}
            browser::Pasted::TooLarge { head, whole } => {
                dispatcher.dispatch(Action::OpenLarge { name: name.to_owned(), head, whole });
            }
        }
    }
}
