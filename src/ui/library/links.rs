//! Above a cable opened from the library: the way back to the list, the cables it cites (a link
//! when the library has them, said so when not), and the cables that cite it.

use yew::prelude::*;

use super::handle::LibraryHandle;
use crate::library::protocol::{Place, Reading};

#[derive(Properties, PartialEq)]
pub struct LinksProps {
    pub library: LibraryHandle,
}

#[component]
pub fn LibraryLinks(LinksProps { library }: &LinksProps) -> Html {
    let state = &library.state;
    let Some(place) = state.place.clone() else { return html! {} };
    let list = Place { open: None, ..place.clone() };
    let to = |id: &str| Place { open: Some(id.to_owned()), ..place.clone() };
    let go = |target: Place| {
        let library = library.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            library.go(Some(target.clone()), true);
        })
    };
    let total = state.answer.total;
    let back = if state.answer.marks.is_empty() && place.query == crate::library::protocol::Query::default() {
        "← Library".to_owned()
    } else {
        format!("← Library: {} found", super::view::thousands(total))
    };
    let reading: Option<&Reading> = state.reading.as_deref();
    html! {
        <nav class="cv-links" aria-label="Library">
            <a class="cv-links__back" href={format!("#{}", list.to_fragment())} onclick={go(list.clone())}>{ back }</a>
            if let Some(message) = &state.message {
                <p class="cv-library__message" role="alert">{ message.clone() }</p>
            }
            if let Some(reading) = reading {
                if !reading.references.is_empty() {
                    <div class="cv-links__group">
                        <span class="cv-links__label">{ "Cites" }</span>
                        <ul class="cv-links__list">
                            for (id, doc) in &reading.references {
                                <li>
                                    if doc.is_some() {
                                        <a href={format!("#{}", to(id).to_fragment())} onclick={go(to(id))}>{ id.clone() }</a>
                                    } else {
                                        <span class="cv-links__missing">{ id.clone() }<span class="cv-links__note">{ " (not in the library)" }</span></span>
                                    }
                                </li>
                            }
                        </ul>
                    </div>
                }
                <div class="cv-links__group">
                    <span class="cv-links__label">{ "Cited by" }</span>
                    if reading.cited_by.is_empty() {
                        <span class="cv-links__note">{ "no cable in the library" }</span>
                    } else {
                        <ul class="cv-links__list">
                            for row in &reading.cited_by {
                                <li>
                                    <a href={format!("#{}", to(&row.id).to_fragment())} onclick={go(to(&row.id))}>{ row.id.clone() }</a>
                                    <span class="cv-links__note">{ format!(" {} {}", row.date.get(..10).unwrap_or(&row.date), row.subject) }</span>
                                </li>
                            }
                        </ul>
                    }
                </div>
            }
        </nav>
    }
}
