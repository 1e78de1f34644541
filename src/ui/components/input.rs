//! The "Cable text" textarea: every edit re-parses.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CableInputProps {
    pub text: AttrValue,
    pub on_text: Callback<String>,
}

#[component]
pub fn CableInput(CableInputProps { text, on_text }: &CableInputProps) -> Html {
    let oninput = {
        let on_text = on_text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_text.emit(area.value());
        })
    };
    html! {
        <section class="cv-input">
            <label class="cv-input__label" for="cable-text">{ "Cable text" }</label>
            <textarea id="cable-text" class="cv-input__area" spellcheck="false" value={text.clone()} {oninput} />
        </section>
    }
}
