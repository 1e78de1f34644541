//! A table of contents for long cables: links to the titled sections.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::Cable;

/// From this many titled sections on, a cable gets a table of contents.
pub const TOC_FROM: usize = 4;

#[derive(Properties)]
pub struct TocProps {
    pub cable: Rc<Cable>,
}

/// Compared by the cable's identity, never field by field: every parse makes a new `Rc<Cable>`,
/// and a deep comparison walked a whole (1 MB) cable on every render of the page.
impl PartialEq for TocProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cable, &other.cable)
    }
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
