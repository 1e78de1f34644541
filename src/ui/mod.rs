//! The Yew front end. Data flows one way: input text → `state::Action` →
//! the reducer parses → components render the `Cable` as text nodes only.

pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod find;
pub mod hooks;
pub mod library;
pub mod state;

/// Mounts the app on the page's `<main id="app" data-cable-viewer>`. Any other page
/// (a site embedding `cable-viewer.js`, or `embed.html`) loads the same wasm for
/// `<cable-viewer>` and the JS API: there the app neither mounts nor registers
/// its service worker.
pub fn mount() {
    let root = gloo::utils::document().get_element_by_id("app").filter(|e| e.has_attribute("data-cable-viewer"));
    if let Some(root) = root {
        let served_by_worker = browser::register_service_worker();
        hooks::routing::serve_routing_book_from("routing.txt");
        // On a visit the service worker already serves (not the first), fetch the routing book
        // once the cable is on screen, so that it is kept for reading offline; a first visit
        // leaves it until an envelope is opened.
        if served_by_worker {
            gloo::timers::callback::Timeout::new(1_500, hooks::routing::prefetch_routing_book).forget();
        }
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
