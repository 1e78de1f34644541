//! The original text, with the lines the parser did not understand marked,
//! and the parser's diagnostics listed.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::{self, Severity};
use crate::ui::state::Document;

/// How much raw text is drawn at most (a 20 MB paste would stall the page).
pub const SHOW_AT_MOST: usize = 256 * 1024;

#[derive(Properties)]
pub struct OriginalProps {
    pub document: Rc<Document>,
}

/// What the view shows of the document, compared by identity: the page wraps the same text and
/// cable in a new `Rc<Document>` on each render, and a deep comparison walked the whole cable.
impl PartialEq for OriginalProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.document, &other.document);
        Rc::ptr_eq(&a.text, &b.text) && Rc::ptr_eq(&a.cable, &b.cable) && a.whole.is_some() == b.whole.is_some()
    }
}

#[component]
pub fn Original(OriginalProps { document }: &OriginalProps) -> Html {
    let source = cable::source_text(&document.text);
    let mut end = source.len().min(SHOW_AT_MOST);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    // In line order, as the parser finds them: searched by halves.
    let unknown: Vec<usize> = document.cable.unknown.iter().map(|u| u.line).collect();
    let cut = end < source.len() || document.whole.is_some();
    html! {
        // Not a named landmark: a page may embed several cables, and landmarks must be unique.
        <section class="cv-original">
            if !document.cable.diagnostics.is_empty() {
                <h2 class="cv-original__title">{ "What the parser noticed" }</h2>
                <ul class="cv-diagnostics">
                    for d in &document.cable.diagnostics {
                        <li class={classes!("cv-diagnostics__item", severity_class(d.severity))}>
                            if let Some(line) = d.line { <span class="cv-diagnostics__line">{ format!("line {line}: ") }</span> }
                            { d.message.clone() }
                        </li>
                    }
                </ul>
            }
            <h2 class="cv-original__title">{ "Original text" }</h2>
            // It scrolls, so it takes the focus: keyboard users scroll it too.
            <pre class="cv-original__text" tabindex="0">{ for runs(&source[..end], &unknown) }</pre>
            if cut {
                <p class="cv-notice">{ format!("Only the first {} KB are shown; the whole text is kept.", SHOW_AT_MOST / 1024) }</p>
            }
        </section>
    }
}

/// The text as runs: lines understood are joined into one text node, lines not
/// understood are each marked. (A node per line made 256 KB of raw text cost
/// 12,000 nodes and a long task.)
fn runs(source: &str, unknown: &[usize]) -> Vec<Html> {
    let mut out = Vec::new();
    let mut plain = String::new();
    for (k, line) in cable::source_lines(source).into_iter().enumerate() {
        if unknown.binary_search(&(k + 1)).is_ok() {
            if !plain.is_empty() {
                out.push(html! { { std::mem::take(&mut plain) } });
            }
            out.push(html! { <mark class="cv-original__unknown" title="not understood">{ line.to_owned() }</mark> });
            out.push(html! { { "\n" } });
        } else {
            plain.push_str(line);
            plain.push('\n');
        }
    }
    if !plain.is_empty() {
        out.push(html! { { plain } });
    }
    out
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "cv-diagnostics__item--info",
        Severity::Warning => "cv-diagnostics__item--warning",
        Severity::Error => "cv-diagnostics__item--error",
    }
}
