//! The "Cable text" textarea, folded under an "Edit text" bar while a cable is read. It owns
//! what is being typed: edits reach the
//! reducer after a short pause, so typing never waits for a re-parse, and the
//! textarea only takes new text when another cable is opened (`epoch`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
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
    /// Unfolded: no cable to read (nothing typed yet, or text that is not one). Once a cable
    /// is shown the box folds to its "Edit text" bar, one click from everything it holds.
    pub open: bool,
}

/// Reports the text once typing pauses. A keystroke only notes the time: the one timer,
/// when it fires early, waits out the rest of the pause. (A timer made and cancelled per
/// keystroke, closures and all, was a third of what the box cost per keystroke.) The timer's
/// closure frees itself once called; after the box is gone it finds no text and says nothing.
#[derive(Default)]
struct Pause {
    last_input: Cell<f64>,
    armed: Cell<bool>,
}

impl Pause {
    fn input(self: &Rc<Self>, area: &NodeRef, on_edit: &Callback<String>) {
        self.last_input.set(js_sys::Date::now());
        if !self.armed.replace(true) {
            self.wait(EDIT_DELAY_MS, area.clone(), on_edit.clone());
        }
    }

    fn wait(self: &Rc<Self>, delay: u32, area: NodeRef, on_edit: Callback<String>) {
        let pause = Rc::clone(self);
        let fire = Closure::once_into_js(move || {
            let quiet = js_sys::Date::now() - pause.last_input.get();
            if quiet + 1.0 < f64::from(EDIT_DELAY_MS) {
                // Typed since the timer was set: wait for the rest of the pause.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let rest = (f64::from(EDIT_DELAY_MS) - quiet).ceil() as u32;
                pause.wait(rest, area, on_edit);
                return;
            }
            pause.armed.set(false);
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                on_edit.emit(area.value());
            }
        });
        #[allow(clippy::cast_possible_wrap)]
        let set = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), delay as i32);
        if set.is_err() {
            self.armed.set(false);
        }
    }
}

#[component]
pub fn CableInput(CableInputProps { text, epoch, on_edit, open }: &CableInputProps) -> Html {
    let area = use_node_ref();
    let pause: Rc<Pause> = use_memo((), |()| Pause::default());
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
        let (on_edit, area) = (on_edit.clone(), area.clone());
        Callback::from(move |_: InputEvent| pause.input(&area, &on_edit))
    };
    html! {
        <details class="cv-input" open={*open}>
            <summary class="cv-input__bar">
                { "Edit text" }<span class="cv-input__hint">{ " · or paste or drop another cable anywhere" }</span>
            </summary>
            <label class="cv-input__label" for="cable-text">{ "Cable text" }</label>
            <textarea id="cable-text" ref={area} class="cv-input__area" spellcheck="false" autocomplete="off"
                placeholder={PLACEHOLDER} {oninput} />
        </details>
    }
}
