//! The library's list, virtualised: only the rows in view (and a few around) are in the page,
//! however many cables match; rows come from the worker a block at a time as they scroll in.
//! Arrow keys move between rows, Home/End to the ends, Enter opens.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::library::protocol::{Row, Snippet};

/// Row heights in CSS pixels (the stylesheet gives `.cv-row` the same).
pub const ROW: u32 = 60;
pub const ROW_WITH_SNIPPET: u32 = 100;
/// Rows asked of the worker at a time (fewer with snippets: each is a file read).
const BLOCK: u32 = 100;
const SNIPPET_BLOCK: u32 = 20;
/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: u32 = 8;

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub seq: u32,
    pub total: u32,
    pub rows: Rc<HashMap<u32, Row>>,
    pub searching: bool,
    /// `(start, count)`: rows to ask the worker for.
    pub on_need: Callback<(u32, u32)>,
    /// Opens a cable by its reference ID.
    pub on_open: Callback<String>,
    /// The address of a cable (for the row's link: copy, open in a new tab).
    pub href: Callback<String, String>,
}

#[component]
pub fn List(props: &ListProps) -> Html {
    let ListProps { seq, total, rows, searching, on_need, on_open, href } = props;
    let row_height = if *searching { ROW_WITH_SNIPPET } else { ROW };
    let scroll = use_state_eq(|| 0u32);
    let height = use_state_eq(|| 600u32);
    let focus = use_mut_ref(|| None::<u32>);
    let asked = use_mut_ref(HashSet::<(u32, u32)>::new);
    let list_ref = use_node_ref();
    let space_ref = use_node_ref();
    let window_ref = use_node_ref();

    // Fewer extra rows with snippets: each is a file read in the worker.
    let overscan = if *searching { OVERSCAN / 2 } else { OVERSCAN };
    let first = (*scroll / row_height).saturating_sub(overscan).min(total.saturating_sub(1));
    let last = ((*scroll + *height) / row_height + overscan).min(*total);
    // A new answer starts at the top.
    {
        let list_ref = list_ref.clone();
        let scroll = scroll.clone();
        let asked = asked.clone();
        use_effect_with(*seq, move |_| {
            asked.borrow_mut().clear();
            // Only when scrolled: setting it forces a layout into the answer's task.
            if *scroll != 0 {
                if let Some(list) = list_ref.cast::<web_sys::Element>() {
                    list.set_scroll_top(0);
                }
                scroll.set(0);
            }
        });
    }
    // The list's height, whenever it changes: the window resized, or the page showing the list
    // it had hidden (the list may be drawn while its host is hidden, where it has no height).
    // Observed, never read after a render: a read there forces a layout into every answer.
    {
        let (list_ref, height) = (list_ref.clone(), height.clone());
        use_effect_with((), move |()| {
            let list = list_ref.cast::<web_sys::Element>();
            let measure = {
                let list = list.clone();
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    if let Some(list) = &list {
                        height.set(u32::try_from(list.client_height()).unwrap_or(600).max(100));
                    }
                })
            };
            let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(list)) = (&observer, &list) {
                observer.observe(list);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(measure);
            }
        });
    }
    // Sizes by the CSSOM (our CSP refuses style attributes), missing rows asked for, and the
    // focus kept on the row the keyboard moved to.
    {
        let (space_ref, window_ref, list_ref) = (space_ref.clone(), window_ref.clone(), list_ref.clone());
        let (rows, on_need, asked, focus) = (rows.clone(), on_need.clone(), asked.clone(), focus.clone());
        let (total, seq) = (*total, *seq);
        use_effect(move || {
            if let Some(space) = space_ref.cast::<web_sys::HtmlElement>() {
                let _ =
                    space.style().set_property("height", &format!("{}px", u64::from(total) * u64::from(row_height)));
            }
            if let Some(window) = window_ref.cast::<web_sys::HtmlElement>() {
                let _ = window.style().set_property("transform", &format!("translateY({}px)", first * row_height));
            }
            let mut asked = asked.borrow_mut();
            let size = if row_height == ROW { BLOCK } else { SNIPPET_BLOCK };
            for pos in first..last {
                let block = pos / size * size;
                if !rows.contains_key(&pos) && asked.insert((seq, block)) {
                    on_need.emit((block, size));
                }
            }
            // The row the keyboard moved to gets the focus once it is drawn (not its placeholder:
            // until its data arrives the focus waits).
            let pending = *focus.borrow();
            if let (Some(pos), Some(list)) = (pending, list_ref.cast::<web_sys::Element>()) {
                if let Ok(Some(row)) = list.query_selector(&format!("a.cv-row[data-pos=\"{pos}\"]")) {
                    if let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() {
                        let _ = row.focus();
                        *focus.borrow_mut() = None;
                    }
                }
            }
        });
    }
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let list: web_sys::Element = e.target_unchecked_into();
            scroll.set(u32::try_from(list.scroll_top()).unwrap_or(0));
        })
    };
    let onkeydown = {
        let (list_ref, focus, scroll, total, height) =
            (list_ref.clone(), focus.clone(), scroll.clone(), *total, *height);
        Callback::from(move |e: KeyboardEvent| {
            if total == 0 {
                return;
            }
            let current = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("data-pos"))
                .and_then(|p| p.parse::<u32>().ok());
            let page = (height / row_height).max(1);
            let next = match (e.key().as_str(), current) {
                ("ArrowDown", Some(p)) => (p + 1).min(total - 1),
                ("ArrowDown", None) | ("Home", _) => 0,
                ("ArrowUp", Some(p)) => p.saturating_sub(1),
                ("PageDown", Some(p)) => (p + page).min(total - 1),
                ("PageUp", Some(p)) => p.saturating_sub(page),
                ("End", _) => total - 1,
                _ => return,
            };
            e.prevent_default();
            let Some(list) = list_ref.cast::<web_sys::Element>() else { return };
            let top = next * row_height;
            let seen = u32::try_from(list.scroll_top()).unwrap_or(0);
            if top < seen || top + row_height > seen + height {
                let to = if top < seen { top } else { (top + row_height).saturating_sub(height) };
                list.set_scroll_top(i32::try_from(to).unwrap_or(i32::MAX));
                scroll.set(to);
            }
            *focus.borrow_mut() = Some(next);
            if let Ok(Some(row)) = list.query_selector(&format!("a.cv-row[data-pos=\"{next}\"]")) {
                if let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() {
                    let _ = row.focus();
                }
            }
        })
    };
    html! {
        <div class={classes!("cv-list", searching.then_some("cv-list--snippets"))} ref={list_ref} {onscroll} {onkeydown}
            role="list" aria-label={format!("{total} cables")}>
            <div class="cv-list__space" ref={space_ref}>
                <div class="cv-list__window" ref={window_ref}>
                    for pos in first..last {
                        { row(pos, rows.get(&pos), on_open, href) }
                    }
                </div>
            </div>
        </div>
    }
}

fn row(pos: u32, row: Option<&Row>, on_open: &Callback<String>, href: &Callback<String, String>) -> Html {
    let Some(row) = row else {
        return html! { <div key={pos} class="cv-row-loading" role="listitem">{ "…" }</div> };
    };
    let onclick = {
        let (on_open, id) = (on_open.clone(), row.id.clone());
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            on_open.emit(id.clone());
        })
    };
    html! {
        <div key={pos} role="listitem" class="cv-row__item">
            <a class="cv-row" href={href.emit(row.id.clone())} data-pos={pos.to_string()} {onclick}>
                <span class="cv-row__line">
                    <span class="cv-row__id">{ row.id.clone() }</span>
                    <span class="cv-row__date">{ row.date.get(..10).unwrap_or(&row.date).to_owned() }</span>
                    <span class="cv-row__origin">{ row.origin.clone() }</span>
                    <span class={classes!("cv-row__class", class_modifier(&row.classification))}>
                        { short_class(&row.classification) }
                        for h in &row.handling { { format!(" {h}") } }
                    </span>
                </span>
                <span class="cv-row__subject">{ if row.subject.is_empty() { "(no subject)".to_owned() } else { row.subject.clone() } }</span>
                if let Some(snippet) = &row.snippet {
                    <span class="cv-row__snippet">{ marked(snippet) }</span>
                }
            </a>
        </div>
    }
}

fn class_modifier(class: &str) -> Option<&'static str> {
    match class {
        "SECRET" | "TOP SECRET" => Some("cv-row__class--secret"),
        "CONFIDENTIAL" => Some("cv-row__class--confidential"),
        _ => None,
    }
}

fn short_class(class: &str) -> String {
    match class {
        "LIMITED OFFICIAL USE" => "LOU".to_owned(),
        "" => "—".to_owned(),
        other => other.to_owned(),
    }
}

/// The snippet as text with its matches in `<mark>` (text nodes only, never HTML).
pub fn marked(snippet: &Snippet) -> Html {
    let text = &snippet.text;
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in &snippet.marks {
        let (start, end) = (start as usize, end as usize);
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push(html! { { text[at..start].to_owned() } });
        out.push(html! { <mark>{ text[start..end].to_owned() }</mark> });
        at = end;
    }
    out.push(html! { { text[at..].to_owned() } });
    out.into_iter().collect()
}
