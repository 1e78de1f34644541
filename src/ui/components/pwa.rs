//! The quiet notices of the installed app: "Ready to work offline", "Update
//! available — reload", and an install button where the browser offers one.

use yew::prelude::*;

/// What the service worker has to say (its `cable-viewer:pwa` event's `detail`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PwaNotice {
    #[default]
    None,
    /// The first install: the app now works offline.
    Ready,
    /// A new build waits.
    Update,
}

impl PwaNotice {
    /// The notice an event's `detail` names (`ready`, `update`); anything else says nothing.
    pub fn from_detail(detail: &str) -> Self {
        match detail {
            "ready" => PwaNotice::Ready,
            "update" => PwaNotice::Update,
            _ => PwaNotice::None,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PwaProps {
    pub notice: PwaNotice,
    pub installable: bool,
    pub on_reload: Callback<()>,
    pub on_install: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Pwa(PwaProps { notice, installable, on_reload, on_install, on_dismiss }: &PwaProps) -> Html {
    html! {
        <div class="cv-pwa">
            if *notice == PwaNotice::Update {
                <p class="cv-pwa__notice">
                    { "Update available — " }
                    <button type="button" class="cv-button" onclick={on_reload.reform(|_| ())}>{ "Reload" }</button>
                </p>
            }
            if *notice == PwaNotice::Ready {
                <p class="cv-pwa__notice">
                    { "Ready to work offline." }
                    <button type="button" class="cv-button cv-button--quiet" onclick={on_dismiss.reform(|_| ())}>{ "OK" }</button>
                </p>
            }
            if *installable {
                <button type="button" class="cv-button" onclick={on_install.reform(|_| ())}>{ "Install Cable Viewer" }</button>
            }
        </div>
    }
}
