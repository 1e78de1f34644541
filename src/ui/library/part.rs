//! The library part's root: a Yew app of its own, in its own wasm (`src/bin/library_ui.rs`),
//! mounted on the host the page keeps for it (`#cv-library`), with the links above a cable opened
//! from the library rendered into the page's other host (`#cv-library-links`) through a portal.
//! It hears the page's requests and tells the page what it needs through [`bridge`].

use gloo::events::EventListener;
use yew::prelude::*;

use super::bridge::{self, Summary};
use super::handle::use_library;
use super::links::LibraryLinks;
use super::view::LibraryView;
use crate::library::protocol::Place;

/// Mounts the part, if the page has a host for it.
pub fn mount() {
    if let Some(host) = gloo::utils::document().get_element_by_id(bridge::VIEW_HOST) {
        // In a task of its own, apart from the module's instantiation: neither blocks the page
        // for long (one task of both did, measured).
        crate::ui::browser::soon(move || {
            yew::Renderer::<LibraryPart>::with_root(host).render();
        });
    }
}

#[component]
fn LibraryPart() -> Html {
    let library = use_library();
    let state = &library.state;
    let reading = state.open_id().is_some() && state.reading.is_some();
    let summary = Summary {
        in_library: state.place.is_some(),
        reading,
        cables: if state.loaded { Some(state.answer.library) } else { state.kept.as_ref().map(|k| k.cables) },
        message: state.message.clone(),
    };
    use_effect_with(summary, |summary| bridge::emit(bridge::SUMMARY, &summary.to_js()));
    {
        let library = library.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let open = {
                let library = library.clone();
                EventListener::new(&window, bridge::OPEN, move |event| {
                    let (files, names) = bridge::files_from_js(&bridge::detail(event));
                    // In a task of its own: the worker's start and the first render are not
                    // added to the file picker's (a long task otherwise, measured).
                    let library = library.clone();
                    crate::ui::browser::soon(move || library.open(files, names));
                })
            };
            let show = EventListener::new(&window, bridge::SHOW, move |_| {
                library.go(Some(library.state.place.clone().unwrap_or_else(Place::default)), true);
            });
            // The page's queued requests in a task after this first render's.
            crate::ui::browser::soon(|| bridge::emit(bridge::READY, &wasm_bindgen::JsValue::UNDEFINED));
            move || drop((open, show))
        });
    }
    // The library's own pickers: the page decides, as for any files, whether they make a library.
    let on_files = Callback::from(|files: Vec<web_sys::File>| {
        let names: Vec<String> = files.iter().map(crate::ui::browser::file_path).collect();
        bridge::emit(bridge::FILES, &bridge::files_to_js(&files, &names));
    });
    let links = gloo::utils::document().get_element_by_id(bridge::LINKS_HOST);
    html! {
        <>
            // Kept while a cable from it is read (the page hides it): back to the list is
            // instant, where it was.
            if state.place.is_some() {
                <LibraryView library={library.clone()} {on_files} />
            }
            if let (true, Some(host)) = (reading, links) {
                { create_portal(html! { <LibraryLinks library={library.clone()} /> }, host) }
            }
        </>
    }
}
