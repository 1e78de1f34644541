//! The library part: the library's view, state and worker client, built by Trunk as a wasm of
//! its own (`data-type="worker"` only so that Trunk does not load it with the page) and loaded
//! by the page when a library is first wanted, so that the first visit does not carry it.
//! Empty outside the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    cable_viewer::ui::library::part::mount();
}
