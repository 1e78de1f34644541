//! The view state and its one reducer.

use std::rc::Rc;

use yew::Reducible;

use crate::cable::{self, Cable};

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The text as the user gave it: always kept, whatever the parser made of it.
    pub text: Rc<str>,
    pub cable: Rc<Cable>,
}

impl Default for AppState {
    fn default() -> Self {
        Self::with_text(crate::SAMPLE_CABLE)
    }
}

impl AppState {
    #[must_use]
    pub fn with_text(text: &str) -> Self {
        AppState { text: Rc::from(text), cable: Rc::new(cable::parse(text)) }
    }
}

pub enum Action {
    /// New text typed, pasted or dropped.
    SetText(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetText(text) => Rc::new(AppState::with_text(&text)),
        }
    }
}
