//! The body as collapsible sections of numbered paragraphs, with find hits
//! marked. Cable text only ever becomes text nodes.
//!
//! Rendering is progressive: the first block of `CHUNK` paragraphs commits at once
//! (all of any ordinary cable), and a giant one grows by `STEP` paragraphs per task,
//! so the page stays responsive. Each section is its own component and re-renders
//! only when its slice of the cable changes.

use yew::prelude::*;

use super::CableRef;

use crate::cable::{Paragraph, ParagraphKind};
use crate::ui::find;

/// Paragraphs per block: the unit a section grows by, built at once and never rebuilt.
pub const CHUNK: usize = 200;

/// Paragraphs committed per task after the first (whole blocks); the first task commits one
/// block, to reach the screen sooner. Measured on a generated 1 MB cable (`make bench`).
pub const STEP: usize = 2 * CHUNK;

#[derive(Properties, PartialEq)]
pub struct CableBodyProps {
    pub cable: CableRef,
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
    // How many paragraphs of each section are in the page: whole blocks only, so a block
    // once shown never changes and never renders again.
    let mut before = 0;
    let limits: Vec<usize> = cable
        .sections
        .iter()
        .map(|section| {
            let limit = shown.saturating_sub(before).next_multiple_of(CHUNK).min(section.paragraphs.len());
            before += section.paragraphs.len();
            limit
        })
        .collect();
    let displayed: usize = limits.iter().sum();
    {
        let shown = shown.clone();
        let on_complete = on_complete.clone();
        use_effect_with((*shown, displayed, total, cable.clone()), move |(count, displayed, total, _)| {
            if displayed < total {
                let next = count + STEP;
                crate::ui::browser::soon(move || shown.set(next));
            } else {
                on_complete.emit(());
            }
        });
    }
    let mut hits_before = 0;
    let mut sections = Vec::with_capacity(cable.sections.len());
    for ((k, section), limit) in cable.sections.iter().enumerate().zip(limits) {
        let hits: usize = if query.trim().is_empty() {
            0
        } else {
            section.paragraphs.iter().map(|p| find::hits(find::shown_text(p, *reflow), query).len()).sum()
        };
        // The current hit, counted within this section, if it falls here.
        let current = (hits_before..hits_before + hits).contains(hit).then(|| hit - hits_before);
        hits_before += hits;
        sections.push(html! {
            <SectionView key={k} cable={cable.clone()} index={k} {limit} reflow={*reflow} query={query.clone()} {current} open={*open} links={*links} />
        });
    }
    // A giant cable says how far it has got while it grows.
    let progress = (displayed < total).then(|| {
        html! {
            <div class="cv-progress">
                <progress max={total.to_string()} value={displayed.to_string()} aria-label="Paragraphs shown"></progress>
                { format!(" Showing {displayed} of {total} paragraphs…") }
            </div>
        }
    });
    // The name the telegram closes with, under its last paragraph as it stood (once all are shown).
    let signature = (displayed == total && !cable.signers.is_empty()).then(|| {
        html! { <p class="cv-signature" aria-label="Signed">{ cable.signers.join(" ") }</p> }
    });
    html! { <div class="cv-body">{ progress }{ for sections }{ signature }</div> }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    cable: CableRef,
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
    let section = &cable.sections[*index];
    // Blocks of `CHUNK` paragraphs: as the section grows, only its new blocks render.
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
    cable: CableRef,
    section: usize,
    start: usize,
    end: usize,
    reflow: bool,
    query: AttrValue,
    current: Option<usize>,
    links: bool,
}

/// Paragraphs `start..end` of a section, built straight into a detached `<div>` (laid out as
/// `display: contents`) that Yew inserts as one node. A giant cable is mostly paragraphs: building
/// them without the virtual DOM, and off the live document, made it render twice as fast
/// (`make bench`). Text still only ever becomes text nodes.
#[component]
fn Block(BlockProps { cable, section, start, end, reflow, query, current, links }: &BlockProps) -> Html {
    let counter = std::cell::Cell::new(0usize);
    let view = View { reflow: *reflow, query, current: *current, counter: &counter, links: *links };
    let paragraphs = &cable.sections[*section].paragraphs[*start..*end];
    match build_block(paragraphs, &view) {
        Some(node) => Html::VRef(node),
        None => html! { for p in paragraphs { <p class="cv-para">{ p.text.clone() }</p> } },
    }
}

struct View<'a> {
    reflow: bool,
    query: &'a str,
    current: Option<usize>,
    counter: &'a std::cell::Cell<usize>,
    links: bool,
}

fn build_block(paragraphs: &[Paragraph], view: &View<'_>) -> Option<web_sys::Node> {
    let document = gloo::utils::document();
    let block = document.create_element("div").ok()?;
    block.set_class_name("cv-block");
    for p in paragraphs {
        let node = paragraph_node(&document, p, view)?;
        block.append_child(&node).ok()?;
    }
    Some(block.into())
}

fn element(document: &web_sys::Document, tag: &str, class: &str) -> Option<web_sys::Element> {
    let element = document.create_element(tag).ok()?;
    element.set_class_name(class);
    Some(element)
}

fn paragraph_node(document: &web_sys::Document, p: &Paragraph, view: &View<'_>) -> Option<web_sys::Element> {
    let kind = match p.kind {
        ParagraphKind::Summary => "cv-para cv-para--summary",
        ParagraphKind::Comment => "cv-para cv-para--comment",
        ParagraphKind::Note => "cv-para cv-para--note",
        ParagraphKind::Bullet => "cv-para cv-para--bullet",
        ParagraphKind::Paragraph | ParagraphKind::Text => "cv-para cv-para--plain",
    };
    let class = if view.reflow { kind.to_owned() } else { format!("{kind} cv-para--original") };
    let node = element(document, "p", &class)?;
    node.set_attribute("part", "paragraph").ok()?;
    if let Some(n) = p.number {
        let id = format!("p{n}");
        node.set_id(&id);
        let number = if view.links {
            let anchor = element(document, "a", "cv-para__anchor")?;
            anchor.set_attribute("href", &format!("#{id}")).ok()?;
            anchor.set_attribute("aria-label", &format!("Link to paragraph {n}")).ok()?;
            anchor
        } else {
            element(document, "span", "cv-para__number")?
        };
        number.set_text_content(Some(&format!("¶{n}")));
        node.append_child(&number).ok()?;
        node.append_with_str_1(" ").ok()?;
    }
    if view.reflow {
        if let Some(mark) = &p.marking {
            let abbr = element(document, "abbr", "cv-para__mark")?;
            abbr.set_attribute("title", &mark_title(mark)).ok()?;
            abbr.set_text_content(Some(&format!("({mark})")));
            node.append_child(&abbr).ok()?;
            node.append_with_str_1(" ").ok()?;
        }
    }
    let text = find::shown_text(p, view.reflow);
    let hits = find::hits(text, view.query);
    let mut at = 0;
    for (start, end) in hits {
        node.append_with_str_1(&text[at..start]).ok()?;
        let number = view.counter.get();
        view.counter.set(number + 1);
        let current = view.current == Some(number);
        let hit = element(document, "mark", if current { "cv-hit cv-hit--current" } else { "cv-hit" })?;
        if current {
            hit.set_id("find-current");
        }
        hit.set_text_content(Some(&text[start..end]));
        node.append_child(&hit).ok()?;
        at = end;
    }
    node.append_with_str_1(&text[at..]).ok()?;
    Some(node)
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

fn mark_title(mark: &str) -> String {
    crate::codes::portion_mark_meaning(mark).unwrap_or_else(|| "Portion mark".to_owned())
}
