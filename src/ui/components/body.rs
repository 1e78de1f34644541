//! The body as collapsible sections of numbered paragraphs.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::{Cable, Paragraph, ParagraphKind};

#[derive(Properties, PartialEq)]
pub struct CableBodyProps {
    pub cable: Rc<Cable>,
}

#[component]
pub fn CableBody(CableBodyProps { cable }: &CableBodyProps) -> Html {
    html! {
        <div class="cv-body">
            for section in &cable.sections {
                <details class="cv-section" open=true>
                    <summary class="cv-section__title">{ section.title.clone().unwrap_or_else(|| "Opening".to_owned()) }</summary>
                    for paragraph in &section.paragraphs {
                        { paragraph_view(paragraph) }
                    }
                </details>
            }
        </div>
    }
}

fn paragraph_view(p: &Paragraph) -> Html {
    let kind = match p.kind {
        ParagraphKind::Summary => "cv-para--summary",
        ParagraphKind::Comment => "cv-para--comment",
        ParagraphKind::Note => "cv-para--note",
        ParagraphKind::Bullet => "cv-para--bullet",
        ParagraphKind::Paragraph | ParagraphKind::Text => "",
    };
    let id = p.number.map(|n| format!("p{n}"));
    html! {
        <p class={classes!("cv-para", kind)} id={id.clone()}>
            if let (Some(n), Some(id)) = (p.number, id) {
                <a class="cv-para__anchor" href={format!("#{id}")} aria-label={format!("Paragraph {n}")}>{ format!("¶{n}") }</a>{ " " }
            }
            if let Some(mark) = &p.marking {
                <abbr class="cv-para__mark" title={mark_title(mark)}>{ format!("({mark})") }</abbr>{ " " }
            }
            { p.text.clone() }
        </p>
    }
}

fn mark_title(mark: &str) -> String {
    crate::codes::portion_mark_meaning(mark).unwrap_or_else(|| "Portion mark".to_owned())
}
