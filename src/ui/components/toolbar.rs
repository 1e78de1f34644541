//! Reading tools: find, expand and collapse at hand; the original text, line breaks,
//! copying and the theme in the "More" menu.

use super::documents::close_menu;
use yew::prelude::*;

/// What the "More" menu copies or downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyTarget {
    Id,
    Citation,
    Json,
    /// The JSON, as a file.
    Download,
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub query: AttrValue,
    pub hits: usize,
    pub hit: usize,
    pub show_original: bool,
    pub reflow: bool,
    pub theme: AttrValue,
    pub on_find: Callback<String>,
    pub on_step: Callback<isize>,
    pub on_expand: Callback<bool>,
    pub on_original: Callback<()>,
    pub on_reflow: Callback<()>,
    /// `id`, `citation`, `json` or `download`.
    pub on_copy: Callback<CopyTarget>,
    pub on_theme: Callback<String>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let ToolbarProps {
        query,
        hits,
        hit,
        show_original,
        reflow,
        theme,
        on_find,
        on_step,
        on_expand,
        on_original,
        on_reflow,
        on_copy,
        on_theme,
    } = props;
    let oninput = on_find.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let onkeydown = {
        let on_step = on_step.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                on_step.emit(if e.shift_key() { -1 } else { 1 });
            }
        })
    };
    let count = if query.trim().is_empty() {
        String::new()
    } else if *hits == 0 {
        "no match".to_owned()
    } else {
        format!("{} of {hits}", hit + 1)
    };
    let theme_change = on_theme.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    // A menu item acts, then the menu closes and focus returns to "More".
    let item = |action: Callback<()>| {
        Callback::from(move |e: MouseEvent| {
            close_menu(&e.target_unchecked_into::<web_sys::Element>());
            action.emit(());
        })
    };
    let escape = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            close_menu(&e.target_unchecked_into::<web_sys::Element>());
        }
    });
    html! {
        <div class="cv-toolbar" role="toolbar" aria-label="Reading tools">
            <div class="cv-find" role="search">
                <label class="cv-visually-hidden" for="find">{ "Find in cable" }</label>
                <input id="find" class="cv-find__input" type="search" placeholder="Find in cable" value={query.clone()} {oninput} {onkeydown} />
                <span class="cv-find__count">{ count }</span>
                <button type="button" class="cv-button" aria-label="Previous match" disabled={*hits == 0} onclick={on_step.reform(|_| -1)}>{ "↑" }</button>
                <button type="button" class="cv-button" aria-label="Next match" disabled={*hits == 0} onclick={on_step.reform(|_| 1)}>{ "↓" }</button>
            </div>
            <button type="button" class="cv-button" onclick={on_expand.reform(|_| true)}>{ "Expand all" }</button>
            <button type="button" class="cv-button" onclick={on_expand.reform(|_| false)}>{ "Collapse all" }</button>
            // Everything else in one menu: a reader reaches for find and the sections most.
            <details class="cv-menu" onkeydown={escape}>
                <summary class="cv-button">{ "More" }</summary>
                <div class="cv-menu__items" role="group" aria-label="More actions">
                    <button type="button" class="cv-menu__item" aria-pressed={show_original.to_string()}
                        onclick={item(on_original.reform(|()| ()))}>{ "Original text" }</button>
                    <button type="button" class="cv-menu__item" aria-pressed={(!reflow).to_string()}
                        onclick={item(on_reflow.reform(|()| ()))}>{ "Original line breaks" }</button>
                    <button type="button" class="cv-menu__item" onclick={item(on_copy.reform(|()| CopyTarget::Id))}>{ "Copy ID" }</button>
                    <button type="button" class="cv-menu__item" onclick={item(on_copy.reform(|()| CopyTarget::Citation))}>{ "Copy citation" }</button>
                    <button type="button" class="cv-menu__item" onclick={item(on_copy.reform(|()| CopyTarget::Json))}>{ "Copy JSON" }</button>
                    <button type="button" class="cv-menu__item" onclick={item(on_copy.reform(|()| CopyTarget::Download))}>{ "Download JSON" }</button>
                    <label class="cv-menu__theme">
                        { "Theme " }
                        <select class="cv-select" onchange={theme_change}>
                            for (value, label) in [("auto", "System"), ("light", "Light"), ("dark", "Dark")] {
                                <option {value} selected={theme.as_str() == value}>{ label }</option>
                            }
                        </select>
                    </label>
                </div>
            </details>
        </div>
    }
}
