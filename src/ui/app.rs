//! The page: the input on one side, the reading view on the other.

use yew::prelude::*;

use super::components::{body::CableBody, input::CableInput, metadata::Metadata};
use super::state::{Action, AppState};

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let on_text = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetText(text)))
    };
    let cable = state.cable.clone();
    html! {
        <div class="cv-app">
            <header class="cv-bar">
                <span class="cv-bar__name">{ "Cable Viewer" }</span>
            </header>
            <div class="cv-layout">
                <CableInput text={AttrValue::from(state.text.to_string())} on_text={on_text} />
                <article class="cv-reader" aria-label="Cable">
                    <h1 class="cv-subject">{ cable.subject.clone().unwrap_or_else(|| "(no subject)".to_owned()) }</h1>
                    <Metadata cable={cable.clone()} />
                    <CableBody cable={cable} />
                </article>
            </div>
        </div>
    }
}
