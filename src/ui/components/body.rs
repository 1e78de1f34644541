//! The body as collapsible sections of numbered paragraphs, with find hits
//! marked. Cable text only ever becomes text nodes.
//!
//! Rendering is progressive: the first `CHUNK` paragraphs commit at once (all of
//! any ordinary cable), and a giant one grows by `CHUNK` per task, so the page
//! stays responsive. Each section is its own component and re-renders only
//! when its slice of the cable changes.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::cable::{Cable, Paragraph, ParagraphKind};
use crate::ui::find;

/// Paragraphs committed per task. Measured on a generated 1 MB cable (`make bench`):
/// 200 gave the shortest whole render and the shortest longest task; 100 did worse on both.
pub const CHUNK: usize = 200;

#[derive(Properties, PartialEq)]
pub struct CableBodyProps {
    pub cable: Rc<Cable>,
    /// Reflowed text, or the original line breaks.
    pub reflow: bool,
    pub query: AttrValue,
    /// Which hit is current.
    pub hit: usize,
    /// Called once every paragraph is in the page.
    #[prop_or_default]
    pub on_complete: Callback<()>,
    /// Whether sections start open.
    #[prop_or(true)]
    pub open: bool,
    /// Whether paragraph numbers are `#pN` links (not inside another site's page, where
    /// a fragment would move that page's address instead).
    #[prop_or(true)]
    pub links: bool,
}

#[component]
pub fn CableBody(props: &CableBodyProps) -> Html {
    let CableBodyProps { cable, reflow, query, hit, on_complete, open, links } = props;
    let total: usize = cable.sections.iter().map(|s| s.paragraphs.len()).sum();
    // The App gives each revision its own key, so a new cable starts from the first chunk.
    let shown = use_state_eq(|| CHUNK);
    {
        let shown = shown.clone();
        let on_complete = on_complete.clone();
        use_effect_with((*shown, total, Ptr(cable.clone())), move |(count, total, _)| {
            if count < total {
                let next = count + CHUNK;
                Timeout::new(0, move || shown.set(next)).forget();
            } else {
                on_complete.emit(());
            }
        });
    }
    let mut before = 0;
    let mut hits_before = 0;
    let mut sections = Vec::with_capacity(cable.sections.len());
    for (k, section) in cable.sections.iter().enumerate() {
        let limit = shown.saturating_sub(before).min(section.paragraphs.len());
        before += section.paragraphs.len();
        let hits: usize = if query.trim().is_empty() {
            0
        } else {
            section.paragraphs.iter().map(|p| find::hits(find::shown_text(p, *reflow), query).len()).sum()
        };
        // The current hit, counted within this section, if it falls here.
        let current = (hits_before..hits_before + hits).contains(hit).then(|| hit - hits_before);
        hits_before += hits;
        sections.push(html! {
            <SectionView key={k} cable={Ptr(cable.clone())} index={k} {limit} reflow={*reflow} query={query.clone()} {current} open={*open} links={*links} />
        });
    }
    // A giant cable says how far it has got while it grows.
    let progress = (*shown < total).then(|| {
        html! {
            <div class="cv-progress">
                <progress max={total.to_string()} value={shown.to_string()} aria-label="Paragraphs shown"></progress>
                { format!(" Showing {} of {total} paragraphs…", *shown) }
            </div>
        }
    });
    html! { <div class="cv-body">{ progress }{ for sections }</div> }
}

/// An `Rc<Cable>` compared by identity: a section re-renders only for another cable.
#[derive(Clone)]
pub struct Ptr(pub Rc<Cable>);

impl PartialEq for Ptr {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    cable: Ptr,
    index: usize,
    /// How many of its paragraphs are shown yet.
    limit: usize,
    reflow: bool,
    query: AttrValue,
    current: Option<usize>,
    open: bool,
    links: bool,
}

#[component]
fn SectionView(SectionProps { cable, index, limit, reflow, query, current, open, links }: &SectionProps) -> Html {
    let section = &cable.0.sections[*index];
    // Blocks of `CHUNK` paragraphs: as the section grows, only its last block re-renders.
    let mut blocks = Vec::new();
    let mut hits_before = 0;
    let mut start = 0;
    while start < *limit {
        let end = (start + CHUNK).min(*limit);
        let hits: usize = if query.trim().is_empty() {
            0
        } else {
            section.paragraphs[start..end].iter().map(|p| find::hits(find::shown_text(p, *reflow), query).len()).sum()
        };
        let here = current.filter(|c| (hits_before..hits_before + hits).contains(c)).map(|c| c - hits_before);
        hits_before += hits;
        blocks.push(html! {
            <Block key={start} cable={cable.clone()} section={*index} {start} {end} reflow={*reflow} query={query.clone()} current={here} links={*links} />
        });
        start = end;
    }
    html! {
        <details class={classes!("cv-section", section_class(section.title.as_deref()))} id={format!("s{}", index + 1)} open={*open} part="section">
            <summary class="cv-section__title" part="section-title">{ section.title.clone().unwrap_or_else(|| "Opening".to_owned()) }</summary>
            { for blocks }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    cable: Ptr,
    section: usize,
    start: usize,
    end: usize,
    reflow: bool,
    query: AttrValue,
    current: Option<usize>,
    links: bool,
}

/// Paragraphs `start..end` of a section (no element of its own: they stay children of `<details>`).
#[component]
fn Block(BlockProps { cable, section, start, end, reflow, query, current, links }: &BlockProps) -> Html {
    let counter = std::cell::Cell::new(0usize);
    let view = View { reflow: *reflow, query, current: *current, counter: &counter, links: *links };
    html! {
        for paragraph in &cable.0.sections[*section].paragraphs[*start..*end] {
            { paragraph_view(paragraph, &view) }
        }
    }
}

struct View<'a> {
    reflow: bool,
    query: &'a str,
    current: Option<usize>,
    counter: &'a std::cell::Cell<usize>,
    links: bool,
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
        <p class={classes!("cv-para", kind, (!view.reflow).then_some("cv-para--original"))} id={id.clone()} part="paragraph">
            if let (Some(n), Some(id)) = (p.number, id) {
                if view.links {
                    <a class="cv-para__anchor" href={format!("#{id}")} aria-label={format!("Link to paragraph {n}")}>{ format!("¶{n}") }</a>{ " " }
                } else {
                    <span class="cv-para__number">{ format!("¶{n}") }</span>{ " " }
                }
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
        let current = view.current == Some(number);
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
