//! The classification banner: the level in its conventional colour, always as
//! text too, with the handling caveats.

use yew::prelude::*;

use super::CableRef;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub cable: CableRef,
    #[prop_or_default]
    pub class: Classes,
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
