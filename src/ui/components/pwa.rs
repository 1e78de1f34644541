//! The quiet notices of the installed app: "Ready to work offline", "Update
//! available — reload", and an install button where the browser offers one.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PwaProps {
    /// `ready`, `update`, or empty.
    pub notice: AttrValue,
    pub installable: bool,
    pub on_reload: Callback<()>,
    pub on_install: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Pwa(PwaProps { notice, installable, on_reload, on_install, on_dismiss }: &PwaProps) -> Html {
    html! {
        <div class="cv-pwa">
            if notice.as_str() == "update" {
                <p class="cv-pwa__notice">
                    { "Update available — " }
                    <button type="button" class="cv-button" onclick={on_reload.reform(|_| ())}>{ "Reload" }</button>
                </p>
            }
            if notice.as_str() == "ready" {
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
