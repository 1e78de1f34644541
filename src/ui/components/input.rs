//! The "Cable text" textarea. It owns what is being typed: edits reach the
//! reducer after a short pause, so typing never waits for a re-parse, and the
//! textarea only takes new text when another cable is opened (`epoch`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The pause after the last keystroke before the text is parsed again.
pub const EDIT_DELAY_MS: u32 = 120;

/// Larger texts are not put into the textarea: laying out a megabyte of editable
/// text costs the browser more than reading the cable does. They stay whole in
/// the reading view and the original-text view.
pub const EDIT_LIMIT: usize = 256 * 1024;

const PLACEHOLDER: &str = "Paste a cable here, or drop cable files anywhere on the page";

#[derive(Properties, PartialEq)]
pub struct CableInputProps {
    pub text: Rc<str>,
    pub epoch: u64,
    pub on_edit: Callback<String>,
}

#[component]
pub fn CableInput(CableInputProps { text, epoch, on_edit }: &CableInputProps) -> Html {
    let area = use_node_ref();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let area = area.clone();
        let text = text.clone();
        use_effect_with(*epoch, move |_| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                let editable = text.len() <= EDIT_LIMIT;
                area.set_value(if editable { &text } else { "" });
                area.set_placeholder(if editable {
                    PLACEHOLDER
                } else {
                    "This text is too large to edit here; it is kept whole and shown on the right."
                });
            }
        });
    }
    let oninput = {
        let on_edit = on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let on_edit = on_edit.clone();
            let timeout = Timeout::new(EDIT_DELAY_MS, move || on_edit.emit(area.value()));
            // Dropping the previous timeout cancels it.
            pending.borrow_mut().replace(timeout);
        })
    };
    html! {
        <section class="cv-input">
            <label class="cv-input__label" for="cable-text">{ "Cable text" }</label>
            <textarea id="cable-text" ref={area} class="cv-input__area" spellcheck="false" autocomplete="off"
                placeholder={PLACEHOLDER} {oninput} />
        </section>
    }
}
