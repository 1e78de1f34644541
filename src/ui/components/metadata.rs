//! The metadata summary as a `<dl>`.

use std::rc::Rc;

use yew::prelude::*;

use crate::cable::{Addressee, Cable};

#[derive(Properties, PartialEq)]
pub struct MetadataProps {
    pub cable: Rc<Cable>,
}

#[component]
pub fn Metadata(MetadataProps { cable }: &MetadataProps) -> Html {
    let class_name = cable.classification.map(|c| c.as_str().to_ascii_lowercase().replace(' ', "-"));
    let classification = cable.classification.map(|c| {
        let mut text = c.as_str().to_owned();
        for h in &cable.handling {
            text.push_str("//");
            text.push_str(h);
        }
        text
    });
    let row = |label: &'static str, value: Option<String>| -> Html {
        match value {
            Some(value) => html! { <><dt>{ label }</dt><dd>{ value }</dd></> },
            None => Html::default(),
        }
    };
    html! {
        <dl class="cv-meta">
            { row("Reference ID", cable.id.clone()) }
            { row("Date", cable.date.clone()) }
            <dt>{ "Classification" }</dt>
            <dd class={classes!("cv-meta__class", class_name)}>{ classification.unwrap_or_else(|| "unknown".to_owned()) }</dd>
            { row("Origin", cable.origin.clone()) }
            { row("From", cable.from.clone()) }
            { addressees("To", &cable.to) }
            { addressees("Info", &cable.info) }
            { row("TAGS", (!cable.tags.is_empty()).then(|| cable.tags.join(" "))) }
            { row("Subject", cable.subject.clone()) }
            { row("Classified by", cable.classified_by.clone().map(|who| format!("{who} {}", cable.reasons.join(", ")).trim().to_owned())) }
            { row("Declassify on", cable.declassify_on.clone()) }
            { row("Signed", (!cable.signers.is_empty()).then(|| cable.signers.join(", "))) }
        </dl>
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
                        <li>
                            { a.name.clone() }
                            if let Some(p) = a.precedence {
                                { " " }<span class="cv-meta__precedence">{ p.as_str() }</span>
                            }
                        </li>
                    }
                </ul>
            </dd>
        </>
    }
}
