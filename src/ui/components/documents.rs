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
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let DocumentsProps { names, current, on_select, on_close, on_files, on_sample, on_forget } = props;
    let onchange = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = crate::ui::browser::files_of(input.files());
            // Reset, so choosing the same file again opens it again.
            input.set_value("");
            on_files.emit(files);
        })
    };
    let sample_change = {
        let on_sample = on_sample.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(k) = select.value().parse::<usize>() {
                on_sample.emit(k);
            }
            select.set_value("");
        })
    };
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
                <label class="cv-docs__samples">
                    <span class="cv-visually-hidden">{ "Try a sample cable" }</span>
                    <select class="cv-select" onchange={sample_change}>
                        <option value="" selected=true>{ "Try a sample…" }</option>
                        for (k, (name, _)) in SAMPLES.iter().enumerate() {
                            <option value={k.to_string()}>{ *name }</option>
                        }
                    </select>
                </label>
                <button type="button" class="cv-button cv-button--quiet" onclick={on_forget.reform(|_| ())}>
                    { "Forget remembered cables" }
                </button>
            </div>
        </div>
    }
}
