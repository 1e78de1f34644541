//! `use_installed_app`: the service worker's notices, the install prompt, cables shared to the
//! app, and files the operating system opens with it.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::page::Picked;
use crate::ui::browser;
use crate::ui::components::pwa::PwaNotice;
use crate::ui::state::{Action, AppState};

/// The installed app: the service worker's notices, the install prompt, cables
/// shared to the app, and files the operating system opens with it.
#[hook]
pub fn use_installed_app(
    state: &UseReducerHandle<AppState>,
    notice: &UseStateHandle<PwaNotice>,
    installable: &UseStateHandle<bool>,
    on_files: &Callback<Picked>,
) {
    let dispatcher = state.dispatcher();
    let notice = notice.clone();
    let installable = installable.clone();
    let on_files = on_files.clone();
    use_effect_with((), move |()| {
        let apply = move |detail: &str| match detail {
            "installable" => installable.set(true),
            other => notice.set(PwaNotice::from_detail(other)),
        };
        // Whatever was said before this listener existed, then whatever comes.
        for detail in browser::announced() {
            apply(&detail);
        }
        let listener = EventListener::new(&gloo::utils::window(), browser::PWA_EVENT, move |event| {
            let detail =
                event.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string()).unwrap_or_default();
            apply(&detail);
        });
        let shared = dispatcher.clone();
        wasm_bindgen_futures::spawn_local(async move {
            for (name, text) in browser::take_shared().await {
                browser::mark_input();
                shared.dispatch(Action::OpenText { name, text });
            }
        });
        browser::on_launch(move |files| on_files.emit(Picked::files(files)));
        move || drop(listener)
    });
}
