//! The classification banner: the level in its conventional colour, always as
//! text too, with the handling caveats.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::Cable;

#[derive(Properties)]
pub struct BannerProps {
    pub cable: Rc<Cable>,
    #[prop_or_default]
    pub class: Classes,
}

/// Compared by the cable's identity, never field by field: every parse makes a new `Rc<Cable>`,
/// and a deep comparison walked a whole (1 MB) cable on every render of the page.
impl PartialEq for BannerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cable, &other.cable) && self.class == other.class
    }
}

#[component]
pub fn Banner(BannerProps { cable, class }: &BannerProps) -> Html {
    let Some(level) = cable.classification else {
        return html! { <div class={classes!("cv-banner", "cv-banner--unknown", class.clone())} part="banner">{ "Classification unknown" }</div> };
    };
    let mut text = level.as_str().to_owned();
    for h in &cable.handling {
        text.push_str("//");
        text.push_str(h);
    }
    let modifier = format!("cv-banner--{}", level.as_str().to_ascii_lowercase().replace(' ', "-"));
    html! { <div class={classes!("cv-banner", modifier, class.clone())} part="banner">{ text }</div> }
}
