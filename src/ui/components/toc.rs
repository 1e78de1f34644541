//! A table of contents for long cables: links to the titled sections (folded on a phone).

use yew::prelude::*;

use super::CableRef;

/// From this many titled sections on, a cable gets a table of contents.
pub const TOC_FROM: usize = 4;

#[derive(Properties, PartialEq)]
pub struct TocProps {
    pub cable: CableRef,
}

#[component]
pub fn Toc(TocProps { cable }: &TocProps) -> Html {
    let titled = cable.sections.iter().filter(|s| s.title.is_some()).count();
    if titled < TOC_FROM {
        return Html::default();
    }
    // Open, except on a phone, where it would push the text to the second screen.
    html! {
        <nav aria-label="Contents">
            <details class="cv-toc" open={!crate::ui::browser::narrow_screen()}>
                <summary><h2 class="cv-toc__title">{ format!("Contents ({titled})") }</h2></summary>
                <ol class="cv-toc__list">
                    for (k, section) in cable.sections.iter().enumerate() {
                        if let Some(title) = &section.title {
                            <li><a href={format!("#s{}", k + 1)}>{ title.clone() }</a></li>
                        }
                    }
                </ol>
            </details>
        </nav>
    }
}
