//! The body as collapsible sections of numbered paragraphs, with find hits
//! marked. Cable text only ever becomes text nodes.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::cable::{Cable, Paragraph, ParagraphKind};
use crate::ui::find;

#[derive(Properties, PartialEq)]
pub struct CableBodyProps {
    pub cable: Rc<Cable>,
    /// Reflowed text, or the original line breaks.
    pub reflow: bool,
    pub query: AttrValue,
    /// Which hit is current.
    pub hit: usize,
}

#[component]
pub fn CableBody(CableBodyProps { cable, reflow, query, hit }: &CableBodyProps) -> Html {
    // Hits are numbered in reading order across the whole body.
    let counter = Cell::new(0usize);
    let context = View { reflow: *reflow, query, hit: *hit, counter: &counter };
    html! {
        <div class="cv-body">
            for (k, section) in cable.sections.iter().enumerate() {
                <details class={classes!("cv-section", section_class(section.title.as_deref()))} id={format!("s{}", k + 1)} open=true>
                    <summary class="cv-section__title">{ section.title.clone().unwrap_or_else(|| "Opening".to_owned()) }</summary>
                    for paragraph in &section.paragraphs {
                        { paragraph_view(paragraph, &context) }
                    }
                </details>
            }
        </div>
    }
}

struct View<'a> {
    reflow: bool,
    query: &'a str,
    hit: usize,
    counter: &'a Cell<usize>,
}

fn section_class(title: Option<&str>) -> Option<&'static str> {
    let upper = title?.to_ascii_uppercase();
    if upper.starts_with("SUMMARY") {
        Some("cv-section--summary")
    } else if upper.starts_with("COMMENT") {
        Some("cv-section--comment")
    } else {
        None
    }
}

fn paragraph_view(p: &Paragraph, view: &View<'_>) -> Html {
    let kind = match p.kind {
        ParagraphKind::Summary => "cv-para--summary",
        ParagraphKind::Comment => "cv-para--comment",
        ParagraphKind::Note => "cv-para--note",
        ParagraphKind::Bullet => "cv-para--bullet",
        ParagraphKind::Paragraph | ParagraphKind::Text => "cv-para--plain",
    };
    let id = p.number.map(|n| format!("p{n}"));
    let text = find::shown_text(p, view.reflow);
    html! {
        <p class={classes!("cv-para", kind, (!view.reflow).then_some("cv-para--original"))} id={id.clone()}>
            if let (Some(n), Some(id)) = (p.number, id) {
                <a class="cv-para__anchor" href={format!("#{id}")} aria-label={format!("Link to paragraph {n}")}>{ format!("¶{n}") }</a>{ " " }
            }
            if view.reflow {
                if let Some(mark) = &p.marking {
                    <abbr class="cv-para__mark" title={mark_title(mark)}>{ format!("({mark})") }</abbr>{ " " }
                }
            }
            { highlighted(text, view) }
        </p>
    }
}

/// The text with find hits wrapped in `<mark>`; the current hit has an id to scroll to.
fn highlighted(text: &str, view: &View<'_>) -> Html {
    let hits = find::hits(text, view.query);
    if hits.is_empty() {
        return html! { { text.to_owned() } };
    }
    let mut parts = Vec::with_capacity(hits.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in hits {
        parts.push(html! { { text[at..start].to_owned() } });
        let number = view.counter.get();
        view.counter.set(number + 1);
        let current = number == view.hit;
        parts.push(html! {
            <mark class={classes!("cv-hit", current.then_some("cv-hit--current"))} id={current.then_some("find-current")}>
                { text[start..end].to_owned() }
            </mark>
        });
        at = end;
    }
    parts.push(html! { { text[at..].to_owned() } });
    parts.into_iter().collect::<Html>()
}

fn mark_title(mark: &str) -> String {
    crate::codes::portion_mark_meaning(mark).unwrap_or_else(|| "Portion mark".to_owned())
}
