//! The metadata summary as a `<dl>`, with every code explained in plain words.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::{Addressee, Cable};
use crate::codes::{self, Certainty, Explanation};

#[derive(Properties, PartialEq)]
pub struct MetadataProps {
    pub cable: Rc<Cable>,
}

#[component]
pub fn Metadata(MetadataProps { cable }: &MetadataProps) -> Html {
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
    html! {
        <dl class="cv-meta" part="metadata">
            { row("Reference ID", cable.id.clone()) }
            if let Some(date) = &cable.date {
                <dt>{ "Date" }</dt>
                <dd>
                    <time datetime={date.clone()} title={cable.transmission.as_ref().and_then(|t| t.dtg.clone()).map(|d| format!("date-time group {d}"))}>
                        { format!("{} {} UTC", &date[..10], &date[11..16]) }
                    </time>
                    if let Some(local) = crate::ui::browser::local_time(date) {
                        <span class="cv-meta__local">{ format!(" (your time: {local})") }</span>
                    }
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
            if !cable.tags.is_empty() {
                <dt>{ "TAGS" }</dt>
                <dd>
                    <ul class="cv-meta__tags">
                        for tag in &cable.tags {
                            { tag_item(&codes::explain_tag(tag)) }
                        }
                    </ul>
                </dd>
            }
            { row("Subject", cable.subject.clone()) }
            if !cable.references.is_empty() {
                <dt>{ "References" }</dt>
                <dd>
                    <ul class="cv-meta__refs">
                        for r in &cable.references {
                            <li>
                                if let Some(label) = &r.label { { format!("{label}. ") } }
                                if let Some(id) = &r.id { <code class="cv-meta__code">{ id.clone() }</code>{ " " } }
                                <span class="cv-meta__explain">{ r.text.clone() }</span>
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
        </dl>
    }
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
    html! {
        <li class={classes!("cv-meta__tag", unknown.then_some("cv-meta__tag--unknown"))}>
            <code class="cv-meta__code">{ e.code.to_owned() }</code>{ " " }
            <span class="cv-meta__explain">{ meaning }</span>
        </li>
    }
}

fn addressees(label: &'static str, list: &[Addressee]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <dt>{ label }</dt>
            <dd>
                <ul class="cv-meta__addressees">
                    for a in list {
                        { addressee(a) }
                    }
                </ul>
            </dd>
        </>
    }
}

fn addressee(a: &Addressee) -> Html {
    let station = a.routing_indicator.as_deref().map(|ri| {
        let e = codes::explain_routing_indicator(ri);
        // A collective's name is already the addressee's name: say what it is instead.
        match (e.meaning, e.note) {
            (Some(name), None) if e.other_names == 0 => format!("{ri}: {name}"),
            (Some(_), None) => format!("{ri}: {}", codes::station_names(ri).collect::<Vec<_>>().join(" / ")),
            (_, note) => format!("{ri}: {}", note.unwrap_or("unlisted")),
        }
    });
    html! {
        <li>
            { a.name.clone() }
            if let Some(p) = a.precedence {
                { " " }<span class="cv-meta__precedence">{ p.as_str() }</span>
            }
            if !a.excluded.is_empty() {
                { " " }<span class="cv-meta__excluded">{ format!("except {}", a.excluded.join(", ")) }</span>
            }
            if let Some(station) = station {
                <span class="cv-meta__station">{ station }</span>
            }
        </li>
    }
}
