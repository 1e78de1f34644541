//! The transmission envelope decoded: collapsed by default, since readers
//! rarely need it, but every routing line explained when they do, with the
//! addressees' routing indicators and the stations they stand for.

use yew::prelude::*;

use super::CableRef;

use crate::cable::Addressee;
use crate::codes::{self, Explanation};
use crate::ui::hooks::{RoutingBook, use_routing_book};

#[derive(Properties, PartialEq)]
pub struct EnvelopeProps {
    pub cable: CableRef,
    /// Whether it starts open (the app keeps it closed).
    #[prop_or_default]
    pub open: bool,
}

#[component]
pub fn Envelope(EnvelopeProps { cable, open }: &EnvelopeProps) -> Html {
    // Stations are named from the routing book, which the page fetches the first time an
    // envelope is opened (`hooks::routing`).
    let shown = use_state(|| *open);
    let book = use_routing_book(*shown);
    let ontoggle = {
        let shown = shown.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                shown.set(details.open());
            }
        })
    };
    let routed: Vec<(&str, &Addressee)> =
        cable.to.iter().chain(&cable.info).filter_map(|a| Some((a.routing_indicator.as_deref()?, a))).collect();
    let t = cable.transmission.as_ref();
    if t.is_none() && routed.is_empty() {
        return Html::default();
    }
    let station = |ri: &str| station(&codes::explain_routing_indicator(ri), book);
    let year = cable.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse::<i32>().ok());
    html! {
        <details class="cv-envelope" open={*open} part="envelope" {ontoggle}>
            <summary>{ "Transmission envelope" }</summary>
            <dl class="cv-envelope__list">
                if let Some(t) = t {
                    if let Some(id) = &t.id {
                        <dt>{ id.clone() }</dt>
                        <dd>{ format!("transmission ID: channel {}, no. {}", t.channel.clone().unwrap_or_default(), t.serial.clone().unwrap_or_default()) }</dd>
                    }
                    for ri in &t.routing {
                        <dt>{ ri.clone() }</dt>
                        <dd>{ station(ri) }</dd>
                    }
                    if let Some(ri) = &t.station {
                        <dt>{ format!("DE {ri}") }</dt>
                        <dd>
                            { format!("prepared for transmission by {ri} ({})", station(ri)) }
                            if let Some(serial) = &t.station_serial { { format!("; station serial {serial}") } }
                            if let Some(section) = &t.section { { format!(", section {section}") } }
                            if let Some(filed) = &t.filed { { format!("; filed {}", filing_time(filed, year)) } }
                        </dd>
                    }
                    if let Some(security) = &t.security {
                        for part in security_parts(security) {
                            <dt>{ part.0 }</dt>
                            <dd>{ part.1 }</dd>
                        }
                    }
                    if let (Some(dtg), Some(p)) = (&t.dtg, cable.precedence) {
                        <dt>{ dtg.clone() }</dt>
                        <dd>{ format!("date-time group, precedence {}", p.as_str()) }</dd>
                    }
                }
                for (ri, a) in routed {
                    <dt>{ ri }</dt>
                    <dd>{ addressee_station(ri, a, book) }</dd>
                }
            </dl>
        </details>
    }
}

/// An addressee's routing indicator: its station, or for a collective (which the cable already
/// names) why the book does not list it.
fn addressee_station(ri: &str, a: &Addressee, book: RoutingBook) -> String {
    let e = codes::explain_routing_indicator(ri);
    match (e.meaning, e.note) {
        (Some(name), Some(note)) if name.eq_ignore_ascii_case(&a.name) => {
            format!("routing indicator of {}: {note}", a.name)
        }
        _ => format!("routing indicator of {}: {}", a.name, station(&e, book)),
    }
}

/// A routing indicator's station(s) as the routing book names them, or where the book stands.
fn station(e: &Explanation<'_>, book: RoutingBook) -> String {
    match (e.meaning, e.note) {
        (Some(name), None) if e.other_names == 0 => name.to_owned(),
        (Some(_), None) => codes::station_names(e.code).collect::<Vec<_>>().join(" / "),
        // A collective: its name as the cables address it, and why it is not in the book.
        (Some(name), Some(note)) => format!("{name} ({note})"),
        (None, note) => match book {
            RoutingBook::Loaded => note.unwrap_or("unlisted").to_owned(),
            RoutingBook::Absent => "station not looked up: no routing book here".to_owned(),
            RoutingBook::Loading => "station: looking it up in the routing book…".to_owned(),
            RoutingBook::Failed => "station not looked up: the routing book could not be loaded (offline?)".to_owned(),
        },
    }
}

/// `ZNY CCCCC ZZH` → the warning and each operating signal, explained.
fn security_parts(line: &str) -> Vec<(String, String)> {
    let mut words = line.split_ascii_whitespace();
    let warning: Vec<&str> = words.by_ref().take(2).collect();
    let warning = warning.join(" ");
    let e = codes::explain(&warning);
    let mut parts = vec![(
        warning.clone(),
        format!(
            "security warning: {}{}",
            e.field.map(|f| format!("{f}. ")).unwrap_or_default(),
            e.meaning.unwrap_or("meaning not in our sources")
        ),
    )];
    for signal in words {
        let e = codes::explain(signal);
        parts.push((signal.to_owned(), e.note.or(e.meaning).unwrap_or("operating signal").to_owned()));
    }
    parts
}

/// `0340252` → `day 034 (3 Feb), 02:52Z`, the year taken from the date-time group.
fn filing_time(filed: &str, year: Option<i32>) -> String {
    let (Some(day), Some(hhmm)) = (filed.get(..3).and_then(|d| d.parse::<u32>().ok()), filed.get(3..7)) else {
        return filed.to_owned();
    };
    let date = year.and_then(|y| day_of_year(y, day)).map(|(d, m)| format!(" ({d} {m})")).unwrap_or_default();
    format!("day {day:03}{date}, {}:{}Z", &hhmm[..2], &hhmm[2..])
}

/// Day `n` (1-based) of `year` as day of month and month name.
fn day_of_year(year: i32, mut n: u32) -> Option<(u32, &'static str)> {
    const MONTHS: [(&str, u32); 12] = [
        ("Jan", 31),
        ("Feb", 28),
        ("Mar", 31),
        ("Apr", 30),
        ("May", 31),
        ("Jun", 30),
        ("Jul", 31),
        ("Aug", 31),
        ("Sep", 30),
        ("Oct", 31),
        ("Nov", 30),
        ("Dec", 31),
    ];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    for (k, (name, days)) in MONTHS.iter().enumerate() {
        let days = if k == 1 && leap { 29 } else { *days };
        if (1..=days).contains(&n) {
            return Some((n, name));
        }
        n = n.checked_sub(days)?;
    }
    None
}
