//! A calm message about input that is empty, binary, too large or no cable.

use yew::prelude::*;

use crate::ui::state::Problem;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub problem: Problem,
}

#[component]
pub fn Notice(NoticeProps { problem }: &NoticeProps) -> Html {
    html! { <p class="cv-notice">{ problem.message() }</p> }
}
