//! The reading view alone, for other sites: what `<cable-viewer>` and
//! `embed.html` show inside their shadow root. No input panel, no storage, no
//! service worker, no links that would move the host page's address; the cable
//! arrives from JavaScript (`api::Viewer`) already parsed.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::{
    banner::Banner, body::CableBody, envelope::Envelope, metadata::Metadata, notice::Notice, original::Original,
};
use super::state::Document;

/// Which parts start collapsed, from the element's `collapsed` attribute
/// (space-separated: `metadata`, `envelope`, `sections`, or `all`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Collapsed {
    pub metadata: bool,
    pub envelope: bool,
    pub sections: bool,
}

impl Collapsed {
    /// The envelope is collapsed unless `collapsed` is given and leaves it out: readers rarely need it.
    pub fn parse(words: Option<&str>) -> Self {
        let Some(words) = words else { return Collapsed { envelope: true, ..Collapsed::default() } };
        let mut collapsed = Collapsed::default();
        for word in words.split_ascii_whitespace() {
            match word.to_ascii_lowercase().as_str() {
                "metadata" => collapsed.metadata = true,
                "envelope" => collapsed.envelope = true,
                "sections" | "body" => collapsed.sections = true,
                "all" => collapsed = Collapsed { metadata: true, envelope: true, sections: true },
                _ => {}
            }
        }
        collapsed
    }
}

/// What one embedded view shows.
#[derive(Properties, Clone, PartialEq)]
pub struct EmbeddedProps {
    /// `None` until a cable arrives (the element shows that it is loading).
    pub document: Option<Shown>,
    pub collapsed: Collapsed,
    /// A term to highlight, as find does in the app.
    pub highlight: AttrValue,
    /// Set while a `src` is being fetched.
    pub loading: bool,
}

/// A document compared by identity: each `show` is a new one.
#[derive(Clone)]
pub struct Shown(pub Rc<Document>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn Embedded(props: &EmbeddedProps) -> Html {
    let EmbeddedProps { document, collapsed, highlight, loading } = props;
    let root = use_node_ref();
    let show_original = use_state_eq(|| false);
    let Some(Shown(document)) = document else {
        let text = if *loading { "Loading the cable…" } else { "No cable yet." };
        return html! { <div class="cv-embed" part="viewer"><p class="cv-embed__waiting" role="status">{ text }</p></div> };
    };
    let cable = document.cable.clone();
    let expand = {
        let root = root.clone();
        Callback::from(move |open: bool| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                browser::set_sections_open_in(&root, open);
            }
        })
    };
    let readable = document.problem.is_none() || !cable.sections.is_empty();
    // Each new cable starts from its first chunk of paragraphs, as in the app.
    let key = Rc::as_ptr(document) as usize;
    html! {
        <div class="cv-embed" part="viewer" ref={root} aria-busy={loading.to_string()}>
            <div class="cv-embed__tools" role="toolbar" aria-label="Reading tools" part="toolbar">
                if readable {
                    <button type="button" class="cv-button" onclick={expand.reform(|_| true)}>{ "Expand all" }</button>
                    <button type="button" class="cv-button" onclick={expand.reform(|_| false)}>{ "Collapse all" }</button>
                }
                <button type="button" class="cv-button" aria-pressed={show_original.to_string()}
                    onclick={{ let s = show_original.clone(); Callback::from(move |_| s.set(!*s)) }}>{ "Original text" }</button>
            </div>
            <Banner cable={cable.clone()} />
            <h2 class="cv-subject" part="subject">{ cable.subject.clone().unwrap_or_else(|| document.name.to_string()) }</h2>
            if let Some(problem) = &document.problem {
                <Notice problem={problem.clone()} />
            }
            if document.problem.is_some() || *show_original {
                <Original document={document.clone()} />
            }
            if readable {
                <details class="cv-embed__meta" open={!collapsed.metadata}>
                    <summary>{ "Details" }</summary>
                    <Metadata cable={cable.clone()} />
                </details>
                <Envelope cable={cable.clone()} open={!collapsed.envelope} />
                <CableBody {key} cable={cable.clone()} reflow=true query={highlight.clone()} hit={usize::MAX}
                    open={!collapsed.sections} links=false />
            }
            <Banner cable={cable} class="cv-banner--footer" />
        </div>
    }
}
