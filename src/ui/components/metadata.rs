//! The metadata summary as a `<dl>`, with every code explained in plain words. On a phone it
//! folds behind a one-line byline (ID, date, origin).

use yew::prelude::*;

use super::CableRef;

use crate::cable::{Addressee, Cable, DiagnosticKind, Severity};
use crate::codes::{self, Certainty, Explanation};

#[derive(Properties, PartialEq)]
pub struct MetadataProps {
    pub cable: CableRef,
    /// On a phone, the byline alone until the reader asks for the rest (the app's reading view:
    /// the summary filled the first screen, the text began on the second). An embed has its
    /// own fold.
    #[prop_or_default]
    pub fold_on_phone: bool,
}

#[component]
pub fn Metadata(MetadataProps { cable, fold_on_phone }: &MetadataProps) -> Html {
    let all = use_state_eq(|| false);
    let class_name = cable.classification.map(|c| c.as_str().to_ascii_lowercase().replace(' ', "-"));
    let classification = cable.classification.map(|c| c.as_str().to_owned());
    let reasons: Vec<String> = cable
        .reasons
        .iter()
        .map(|r| match codes::explain_reason(r, cable.date.as_deref()) {
            Some(e) => format!("{} {}: {}", e.order, e.reason, e.text),
            None => r.clone(),
        })
        .collect();
    // Warnings a reader should see before trusting the summary (lines not understood are
    // marked in the original text instead).
    let warnings: Vec<&str> = cable
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info && d.kind != DiagnosticKind::LineNotUnderstood)
        .map(|d| d.message.as_str())
        .collect();
    let toggle = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <>
        if !warnings.is_empty() {
            <ul class="cv-warnings" part="warnings">
                for w in warnings { <li>{ w.to_owned() }</li> }
            </ul>
        }
        if *fold_on_phone {
            // Shown on a phone only (the style sheet), where the list starts folded.
            <button type="button" class="cv-meta__toggle" aria-expanded={all.to_string()}
                aria-controls="cv-meta" onclick={toggle}>
                <span class="cv-meta__byline">{ byline(cable) }{ " · " }</span>
                <span class="cv-meta__more-label">{ if *all { "Fewer details" } else { "All details" } }</span>
            </button>
        }
        <dl id={fold_on_phone.then_some("cv-meta")} class={classes!("cv-meta", (*fold_on_phone && !*all).then_some("cv-meta--folded"))} part="metadata">
            { reference_id(cable) }            if let Some(date) = &cable.date {
                <dt>{ "Date" }</dt>
                <dd>
                    if date.len() >= 16 {
                        <time datetime={date.clone()} title={cable.transmission.as_ref().and_then(|t| t.dtg.clone()).map(|d| format!("date-time group {d}"))}>
                            { format!("{} {} UTC", &date[..10], &date[11..16]) }
                        </time>
                        if let Some(local) = crate::ui::browser::local_time(date) {
                            // The time itself never breaks across lines (at 360 px it split the date).
                            <span class="cv-meta__local">{ " (your time: " }<span class="cv-meta__when">{ local }</span>{ ")" }</span>
                        }
                    } else {
                        <time datetime={date.clone()}>{ date.clone() }</time>
                        <span class="cv-meta__local">{ " (the day only: the copy gives no time)" }</span>
                    }
                </dd>
            } else if let Some(e) = &cable.estimate {
                <dt>{ "Date" }</dt>
                <dd>
                    { "not in this text " }
                    <span class="cv-meta__estimate">{ format!("estimated year {}", e.year) }</span>
                </dd>
            }
            <dt>{ "Classification" }</dt>
            <dd>
                <span class={classes!("cv-meta__class", class_name)}>{ classification.unwrap_or_else(|| "unknown".to_owned()) }</span>
                for h in &cable.handling {
                    <span class="cv-meta__handling">{ format!(" {h}: {}", codes::explain(h).meaning.unwrap_or("handling caption")) }</span>
                }
            </dd>
            { row("Origin", cable.origin.clone()) }
            { row("From", cable.from.clone()) }
            { addressees("To", &cable.to) }
            { addressees("Info", &cable.info) }
            if let Some(p) = cable.info_precedence {
                <dt>{ "Info precedence" }</dt>
                <dd>{ format!("{}: the info addressees' precedence, below the action addressees'", p.as_str()) }</dd>
            }
            if let Some(d) = cable.distribution.as_ref().filter(|d| !(d.origin.is_empty() && d.action.is_empty() && d.info.is_empty())) {
                <dt>{ "Department distribution" }</dt>
                <dd>
                    <span class="cv-meta__explain">{
                        if d.origin.is_empty() {
                            "offices that received copies (not addressees): "
                        } else {
                            "the office it came from, and offices that received copies (not addressees): "
                        }
                    }</span>
                    { distribution_lists(d) }
                    if let Some(total) = &d.total { { format!(" ({total})") } }
                </dd>
            }
            if let Some(d) = cable.distribution.as_ref().filter(|d| !d.drafting.is_empty()) {
                <dt>{ "Drafted, cleared, approved" }</dt>
                <dd>
                    <ul class="cv-meta__lines">
                        for line in &d.drafting { <li>{ line }</li> }
                    </ul>
                </dd>
            }
            if !cable.tags.is_empty() {
                <dt>{ "TAGS" }</dt>
                <dd>
                    <ul class="cv-meta__tags">
                        for tag in &cable.tags {
                            { tag_item(&codes::explain_tag_at(tag, codes::cable_year(cable))) }
                        }
                    </ul>
                </dd>
            }
            if !cable.references.is_empty() {
                <dt>{ "References" }</dt>
                <dd>
                    <ul class="cv-meta__refs">
                        for r in &cable.references {
                            <li>
                                if let Some(label) = &r.label { { format!("{label}. ") } }
                                if let Some(id) = &r.id { <code class="cv-meta__code">{ id.clone() }</code>{ " " } }
                                <span class="cv-meta__explain">{ r.text.clone() }</span>
                                if r.year_estimated {
                                    { " " }<span class="cv-meta__estimate" title="The reference writes no year: it is the citing cable's, which is itself estimated.">{ "year estimated" }</span>
                                }
                            </li>
                        }
                    </ul>
                </dd>
            }
            if let Some(who) = &cable.classified_by {
                <dt>{ "Classified by" }</dt>
                <dd>
                    { who.clone() }
                    if !reasons.is_empty() {
                        <ul class="cv-meta__reasons">
                            for reason in reasons { <li>{ reason }</li> }
                        </ul>
                    }
                </dd>
            }
            { row("Declassify on", cable.declassify_on.clone().or_else(|| cable.declassify_note.clone())) }
            { row("Signed", (!cable.signers.is_empty()).then(|| cable.signers.join(", "))) }
            if let Some(page) = &cable.page {
                <dt>{ format!("The {} says", page.source.unwrap_or("page")) }</dt>
                <dd class="cv-meta__container">{ container_says(page) }</dd>
            }
        </dl>
        </>
    }
}

/// The cable in one line: its ID, date and origin, as far as the text gives them.
fn byline(cable: &Cable) -> String {
    let date = cable
        .date
        .as_deref()
        .map(|d| if d.len() >= 16 { format!("{} {} UTC", &d[..10], &d[11..16]) } else { d.to_owned() });
    let parts: Vec<String> = [cable.id.clone(), date, cable.origin.clone()].into_iter().flatten().collect();
    if parts.is_empty() { "About this cable".to_owned() } else { parts.join(" · ") }
}

/// The ID as the text gives it; without a date-time group, the post and number as written,
/// "year not in this text", and an estimate marked as one.
fn reference_id(cable: &Cable) -> Html {
    if let Some(id) = &cable.id {
        return row("Reference ID", Some(id.clone()));
    }
    let written = cable.origin.as_ref().zip(cable.serial.as_ref()).map(|(o, s)| format!("{o} {s}"));
    if written.is_none() && cable.estimate.is_none() {
        return Html::default();
    }
    html! {
        <>
            <dt>{ "Reference ID" }</dt>
            <dd>
                if let Some(written) = written {
                    <code class="cv-meta__code">{ written }</code>{ " (year not in this text)" }
                }
                if let Some(e) = &cable.estimate {
                    <span class="cv-meta__estimate cv-meta__estimate--block">
                        { "Estimate: " }
                        if let Some(id) = &e.id { <code class="cv-meta__code">{ id.clone() }</code>{ ", " } }
                        { format!("year {}, from the {}", e.year, e.basis) }
                    </span>
                }
            </dd>
        </>
    }
}

/// A container's own metadata in one line: what it says, apart from the text.
fn container_says(page: &crate::cable::PageMeta) -> String {
    let id = match (&page.id, &page.canonical_id) {
        (Some(id), Some(canonical)) => Some(format!("{id} ({canonical})")),
        (id, _) => id.clone(),
    };
    [
        id,
        page.created.clone(),
        page.classification.clone(),
        page.current_classification.as_ref().map(|c| format!("now {c}")),
        page.origin.clone(),
        (!page.references.is_empty()).then(|| format!("cites {}", page.references.join(", "))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `origin EUR-25; action NEA-10; info OCT-01, ISO-00`: the lists a distribution block has.
fn distribution_lists(d: &crate::cable::Distribution) -> String {
    let lists = [("origin", &d.origin), ("action", &d.action), ("info", &d.info)];
    let written: Vec<String> =
        lists.iter().filter(|(_, l)| !l.is_empty()).map(|(name, l)| format!("{name} {}", l.join(", "))).collect();
    written.join("; ")
}

fn row(label: &'static str, value: Option<String>) -> Html {
    match value {
        Some(value) => html! { <><dt>{ label }</dt><dd>{ value }</dd></> },
        None => Html::default(),
    }
}

fn tag_item(e: &Explanation<'_>) -> Html {
    let meaning = match (e.meaning, e.field) {
        (Some(m), Some(f)) => format!("{f}: {m}"),
        (Some(m), None) => m.to_owned(),
        (None, Some(f)) => format!("{f} (title not in our sources)"),
        (None, None) => e.note.unwrap_or("unknown").to_owned(),
    };
    let unknown = e.certainty == Certainty::Unknown;
    // The title's source on hover (and the note on a title from another time).
    let cited = match (e.source, e.meaning.and(e.note)) {
        (Some(source), Some(note)) => Some(format!("{note}. Source: {source}")),
        (Some(source), None) => Some(format!("Source: {source}")),
        (None, note) => note.map(str::to_owned),
    };
    html! {
        <li class={classes!("cv-meta__tag", unknown.then_some("cv-meta__tag--unknown"))} title={cited}>
            <code class="cv-meta__code">{ e.code.to_owned() }</code>{ " " }
            <span class="cv-meta__explain">{ meaning }</span>
        </li>
    }
}

/// A list longer than this shows its first `SHOWN_OF_LONG` and folds the rest: a cable sent to
/// thirty posts pushed its text a screen down.
const FOLD_AFTER: usize = 6;
const SHOWN_OF_LONG: usize = 4;

fn addressees(label: &'static str, list: &[Addressee]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    let (shown, folded) = if list.len() > FOLD_AFTER { list.split_at(SHOWN_OF_LONG) } else { (list, &[][..]) };
    html! {
        <>
            <dt>{ label }</dt>
            <dd>
                <ul class="cv-meta__addressees">
                    for a in shown {
                        { addressee(a) }
                    }
                </ul>
                if !folded.is_empty() {
                    <details class="cv-meta__more">
                        <summary>{ format!("and {} more", folded.len()) }</summary>
                        <ul class="cv-meta__addressees">
                            for a in folded {
                                { addressee(a) }
                            }
                        </ul>
                    </details>
                }
            </dd>
        </>
    }
}

/// An addressee as the cable names it; its routing indicator and station are in the envelope.
fn addressee(a: &Addressee) -> Html {
    html! {
        <li>
            { a.name.clone() }
            if let Some(p) = a.precedence {
                { " " }<span class="cv-meta__precedence">{ p.as_str() }</span>
            }
            if !a.excluded.is_empty() {
                { " " }<span class="cv-meta__excluded">{ format!("except {}", a.excluded.join(", ")) }</span>
            }
        </li>
    }
}
