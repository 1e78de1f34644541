//! The Yew front end. Data flows one way: input text → `state::Action` →
//! the reducer parses → components render the `Cable` as text nodes only.

pub mod app;
pub mod browser;
pub mod components;
pub mod find;
pub mod state;

/// Mounts the app on the page's `<main id="app">` (or the body).
pub fn mount() {
    browser::register_service_worker();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
