//! The library's Web Worker, built by Trunk as a wasm of its own (`data-type="worker"`) so that
//! the app's first visit does not carry the index and search code. Empty outside the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    cable_viewer::library::worker::start();
}
