//! A table of contents for long cables: links to the titled sections.

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
    html! {
        <nav class="cv-toc" aria-label="Contents">
            <h2 class="cv-toc__title">{ "Contents" }</h2>
            <ol class="cv-toc__list">
                for (k, section) in cable.sections.iter().enumerate() {
                    if let Some(title) = &section.title {
                        <li><a href={format!("#s{}", k + 1)}>{ title.clone() }</a></li>
                    }
                }
            </ol>
        </nav>
    }
}
