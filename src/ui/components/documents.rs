//! The open cables, the file picker, the samples and the "forget" control.

use yew::prelude::*;

use crate::ui::state::SAMPLES;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    /// Names of the open cables.
    pub names: Vec<AttrValue>,
    pub current: usize,
    pub on_select: Callback<usize>,
    pub on_close: Callback<usize>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_sample: Callback<usize>,
    pub on_forget: Callback<()>,
    /// To the library (its view, or its pickers when none is open).
    pub on_library: Callback<()>,
    /// Cables in the library open in this page, if any.
    pub library_size: Option<u32>,
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let DocumentsProps {
        names,
        current,
        on_select,
        on_close,
        on_files,
        on_sample,
        on_forget,
        on_library,
        library_size,
    } = props;
    let onchange = picked(on_files);
    // A disclosure of buttons, not a <select>: arrowing through a select fires `change` at each
    // step, so a keyboard user could only ever reach the first sample.
    let choose = |k: usize| {
        let on_sample = on_sample.clone();
        Callback::from(move |e: MouseEvent| {
            close_menu(&e.target_unchecked_into::<web_sys::Element>());
            on_sample.emit(k);
        })
    };
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            close_menu(&e.target_unchecked_into::<web_sys::Element>());
        }
    });
    html! {
        <div class="cv-docs">
            <ul class="cv-docs__list" aria-label="Open cables">
                for (k, name) in names.iter().enumerate() {
                    <li class={classes!("cv-docs__item", (k == *current).then_some("cv-docs__item--current"))}>
                        <button type="button" class="cv-docs__open" aria-current={(k == *current).then_some("true")}
                            onclick={on_select.reform(move |_| k)}>{ name.clone() }</button>
                        <button type="button" class="cv-docs__close" aria-label={format!("Close {name}")}
                            onclick={on_close.reform(move |_| k)}>{ "×" }</button>
                    </li>
                }
            </ul>
            <div class="cv-docs__actions">
                <label class="cv-button cv-docs__file">
                    { "Open cable file" }
                    <input type="file" class="cv-docs__file-input" multiple=true aria-label="Open cable file"
                        accept=".txt,.html,.htm,text/plain,text/html" {onchange} />
                </label>
                <button type="button" class="cv-button" onclick={on_library.reform(|_| ())}>
                    { match library_size {
                        Some(n) => format!("Library ({})", crate::ui::library::view::thousands(*n)),
                        None => "Library".to_owned(),
                    } }
                </button>
                <details class="cv-samples" {onkeydown}>
                    <summary class="cv-button">{ "Try a sample" }</summary>
                    <ul class="cv-samples__list" aria-label="Sample cables">
                        for (k, (name, _)) in SAMPLES.iter().enumerate() {
                            <li><button type="button" class="cv-samples__item" onclick={choose(k)}>{ *name }</button></li>
                        }
                    </ul>
                </details>
                <button type="button" class="cv-button cv-button--quiet" onclick={on_forget.reform(|_| ())}>
                    { "Forget remembered cables" }
                </button>
            </div>
        </div>
    }
}

/// The `change` handler of a file input: its files to `on_files`, then the input emptied, so
/// that choosing the same file again opens it again.
pub(crate) fn picked(on_files: &Callback<Vec<web_sys::File>>) -> Callback<Event> {
    let on_files = on_files.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let files = crate::ui::browser::files_of(input.files());
        input.set_value("");
        on_files.emit(files);
    })
}

/// Closes the samples menu holding `inside`, and gives the focus back to its summary.
pub(crate) fn close_menu(inside: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(Some(details)) = inside.closest("details") else { return };
    if let Ok(details) = details.dyn_into::<web_sys::HtmlDetailsElement>() {
        details.set_open(false);
        if let Some(summary) = details.query_selector("summary").ok().flatten() {
            if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
                let _ = summary.focus();
            }
        }
    }
}
