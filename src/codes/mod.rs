//! The code book: what every code a cable carries means, offline.
//!
//! Routing indicators, TAGS, precedence, security warnings, handling
//! captions, portion marks and classification reasons. Pure Rust like the
//! parser; the tables are compiled in (`tables.rs`, generated from
//! `src/codes/refdata/`) and searched in place, but for the routing book, which the page
//! fetches when it first needs it (`routing`). A code that no source explains is
//! said to be unknown, never guessed.

mod lookup;
pub mod routing;
#[rustfmt::skip]
mod tables;

use serde::Serialize;

use crate::cable::fields::envelope::is_routing_indicator;
use crate::cable::{Cable, Classification};
use lookup::row;

/// What kind of code something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CodeKind {
    RoutingIndicator,
    GeographicTag,
    RegionTag,
    SubjectTag,
    ProgramTag,
    OrganizationTag,
    PersonTag,
    Precedence,
    SecurityWarning,
    OperatingSignal,
    Handling,
    PortionMark,
    ClassificationReason,
    Unknown,
}

/// How sure the explanation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Certainty {
    /// A table of ours names the code.
    Listed,
    /// Known from the code's shape only (a subject TAG's field from its first letter).
    Inferred,
    /// No source explains it.
    Unknown,
}

/// One code, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation<'a> {
    pub code: &'a str,
    pub kind: CodeKind,
    /// The name or title: a station, a country, a TAG's title, a caption's expansion.
    pub meaning: Option<&'static str>,
    /// How many station names a routing indicator has besides `meaning` (see `station_names`).
    pub other_names: usize,
    /// A subject TAG's field (`Political Affairs`).
    pub field: Option<&'static str>,
    pub note: Option<&'static str>,
    pub source: Option<&'static str>,
    pub certainty: Certainty,
}

impl<'a> Explanation<'a> {
    fn new(code: &'a str, kind: CodeKind, certainty: Certainty) -> Self {
        Explanation { code, kind, meaning: None, other_names: 0, field: None, note: None, source: None, certainty }
    }

    fn meaning(mut self, meaning: Option<&'static str>) -> Self {
        self.meaning = meaning;
        self
    }

    fn note(mut self, note: &'static str) -> Self {
        self.note = Some(note);
        self
    }

    fn source(mut self, source: Option<&'static str>) -> Self {
        self.source = source;
        self
    }

    pub fn is_known(&self) -> bool {
        self.certainty != Certainty::Unknown
    }
}

/// Explains any code: a routing indicator, TAG, precedence, security line,
/// operating signal, handling caption, portion mark or reason (`1.4(b)`).
pub fn explain(code: &str) -> Explanation<'_> {
    let trimmed = code.trim();
    if let Some(e) = explain_precedence(trimmed) {
        return e;
    }
    if let Some(e) = explain_security(trimmed) {
        return e;
    }
    if let Some(e) = explain_handling(trimmed) {
        return e;
    }
    if let Some(e) = explain_portion_mark(trimmed) {
        return e;
    }
    if let Some(e) = explain_reason(trimmed, None) {
        return Explanation::new(trimmed, CodeKind::ClassificationReason, Certainty::Listed)
            .meaning(Some(e.text))
            .source(Some(e.order));
    }
    if is_routing_indicator(trimmed) && trimmed.len() >= 5 {
        let e = explain_routing_indicator(trimmed);
        if e.is_known() || !is_tag_shaped(trimmed) {
            return e;
        }
    }
    explain_tag(trimmed)
}

/// The tables name their sources by one letter, to keep the binary small.
pub fn source_name(letter: Option<&'static str>) -> Option<&'static str> {
    Some(match letter? {
        "F" => "FIPS 10-4",
        "P" => "WikiLeaks PlusD label",
        "N" => "NARA subject TAGS 1973–1979",
        // A title's source cited in full (`tags_titles_sourced.csv`).
        cited if cited.starts_with('S') => row(tables::TAG_SOURCES, cited)?.field(1)?,
        other => other,
    })
}

fn is_tag_shaped(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic())
}

/// All station names of a routing indicator, without allocating: its own rows,
/// or the block (`RHFJAAA THRU RHFJAAZ`) it falls in. None while the page has no routing book.
pub fn station_names(ri: &str) -> impl Iterator<Item = &'static str> + '_ {
    routing::book().into_iter().flat_map(move |book| book.stations(ri))
}

/// Whether routing indicators can be named yet: always in the command; in the page once
/// `routing.txt` has arrived (`ui::hooks::routing`).
pub fn routing_book_loaded() -> bool {
    routing::book().is_some()
}

pub fn explain_routing_indicator(ri: &str) -> Explanation<'_> {
    let mut names = station_names(ri);
    if let Some(first) = names.next() {
        let mut e = Explanation::new(ri, CodeKind::RoutingIndicator, Certainty::Listed)
            .meaning(Some(first))
            .source(Some("ACP 117 (2010 extract, via cablemap)"));
        e.other_names = names.count();
        return e;
    }
    if let Some(collective) = row(tables::COLLECTIVES, ri) {
        return Explanation::new(ri, CodeKind::RoutingIndicator, Certainty::Listed)
            .meaning(collective.field(1))
            .note("collective / unlisted: not in the ACP 117 extract; named as the cables address it")
            .source(Some("the cables' address lines"));
    }
    let e = Explanation::new(ri, CodeKind::RoutingIndicator, Certainty::Unknown);
    if !routing_book_loaded() {
        return e.note("routing indicator: not looked up, the routing book is not loaded");
    }
    if ri.eq_ignore_ascii_case("RUEHWEB") {
        return e.note(
            "routing indicator (unlisted): on nearly every Cablegate copy; not in the ACP 117 extract, \
             and its meaning is not settled (perhaps the web distribution address)",
        );
    }
    e.note("routing indicator (unlisted): not in the ACP 117 extract")
}

/// Explains a TAG: geographic (FIPS 10-4), subject, program, organisation or person, with
/// the title of today's lists (for a cable of unknown date).
pub fn explain_tag(tag: &str) -> Explanation<'_> {
    explain_tag_at(tag, None)
}

/// The year before which a subject TAG's 1970s title (the 1974 TAGS handbook, NARA's lists for
/// 1973–1979) is the one in force; from it on, today's (`PlusD` labels, the Foreign Affairs Handbook).
pub const LATER_TITLES_FROM: u16 = 1980;

/// [`explain_tag`] for a cable of `year`: a subject TAG gets the title in force then, where
/// the sources give titles of different times.
pub fn explain_tag_at(tag: &str, year: Option<u16>) -> Explanation<'_> {
    let t = tag.trim();
    if t.contains([',', '(', ' ']) {
        let multi_word = t.split(' ').all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()) && w.len() > 3);
        if multi_word && !t.contains([',', '(']) {
            return Explanation::new(tag, CodeKind::Unknown, Certainty::Unknown)
                .note("a free-text TAG: not a code in our sources");
        }
        return Explanation::new(tag, CodeKind::PersonTag, Certainty::Inferred)
            .note("a person TAG: the name of someone the cable concerns");
    }
    if t.len() == 2 {
        if let Some(country) = row(tables::COUNTRIES, t) {
            return Explanation::new(tag, CodeKind::GeographicTag, Certainty::Listed)
                .meaning(country.field(1))
                .source(source_name(country.field(2).or(Some("F"))));
        }
        if is_organization(t) {
            return organization(tag);
        }
        if t.as_bytes()[0].eq_ignore_ascii_case(&b'X') {
            return Explanation::new(tag, CodeKind::RegionTag, Certainty::Inferred)
                .note("a world-region TAG (X…): which region is not in our sources");
        }
        return Explanation::new(tag, CodeKind::GeographicTag, Certainty::Unknown)
            .note("two letters like a geographic TAG, but no FIPS 10-4 country has this code");
    }
    if let Some(subject) = row(tables::SUBJECT_TAGS, t) {
        let kind =
            if t.as_bytes()[0].eq_ignore_ascii_case(&b'K') { CodeKind::ProgramTag } else { CodeKind::SubjectTag };
        let (now, then) = ((subject.field(2), subject.field(3)), (subject.field(4), subject.field(5)));
        let early = year.is_some_and(|y| y < LATER_TITLES_FROM);
        let (title, note) = match (now.0, then.0) {
            (_, Some(_)) if early => (then, None),
            (Some(_), _) => (now, None),
            (None, Some(_)) => (then, Some("the title of the 1970s lists: no later title is in our sources")),
            (None, None) => ((None, None), Some("title not in our sources; the first letter names the field")),
        };
        let certainty = if title.0.is_some() { Certainty::Listed } else { Certainty::Inferred };
        let mut e = Explanation::new(tag, kind, certainty).meaning(title.0).source(source_name(title.1));
        e.note = note;
        e.field = subject.field(1);
        return e;
    }
    if is_organization(t) || row(tables::ORGANIZATION_NAMES, t).is_some() {
        return organization(tag);
    }
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        if let Some(field) = row(tables::FIELDS, &t[..1]) {
            let kind =
                if t.as_bytes()[0].eq_ignore_ascii_case(&b'K') { CodeKind::ProgramTag } else { CodeKind::SubjectTag };
            let mut e = Explanation::new(tag, kind, Certainty::Inferred)
                .note("title not in our sources; the first letter names the field")
                .source(Some("NARA FAQ: the first letter of a subject TAG"));
            e.field = field.field(1);
            return e;
        }
    }
    Explanation::new(tag, CodeKind::Unknown, Certainty::Unknown).note("not a code in our sources")
}

fn organization(tag: &str) -> Explanation<'_> {
    let named = row(tables::ORGANIZATION_NAMES, tag.trim());
    Explanation::new(tag, CodeKind::OrganizationTag, Certainty::Listed)
        .meaning(named.and_then(|r| r.field(1)))
        .note("an organisation TAG")
        .source(named.and_then(|r| source_name(r.field(2))).or(Some("cablemap organisation TAGS")))
}

/// Whether cablemap lists `code` as an organisation TAG: a linear walk of the
/// front-coded list, rebuilding each code in a small buffer (no allocation).
pub fn is_organization(code: &str) -> bool {
    let code = code.as_bytes();
    let mut buffer = [0u8; 32];
    let mut len = 0;
    let bytes = tables::ORGANIZATION_TAGS.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let shared = usize::from(bytes[i].saturating_sub(1));
        let end = bytes[i + 1..].iter().position(|&b| b < 0x20).map_or(bytes.len(), |k| i + 1 + k);
        let rest = &bytes[i + 1..end];
        if shared + rest.len() <= buffer.len() && shared <= len {
            buffer[shared..shared + rest.len()].copy_from_slice(rest);
            len = shared + rest.len();
            if buffer[..len].eq_ignore_ascii_case(code) {
                return true;
            }
        }
        i = end;
    }
    false
}

fn explain_precedence(code: &str) -> Option<Explanation<'_>> {
    let upper_eq = |s: &str| code.eq_ignore_ascii_case(s);
    let letter = match code.len() {
        1 => code,
        2 if code.as_bytes()[0] == code.as_bytes()[1] => &code[..1],
        _ => {
            let found = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"].iter().position(|w| upper_eq(w));
            if upper_eq("NIACT IMMEDIATE") || upper_eq("NIACT") {
                return Some(
                    Explanation::new(code, CodeKind::Precedence, Certainty::Listed)
                        .meaning(Some("IMMEDIATE, to be acted on at once, day or night"))
                        .note("NIACT (night action) IMMEDIATE is State's label; the expansion is not verified in a primary source")
                        .source(Some("5 FAH-1 H-221 via cablemap")),
                );
            }
            ["Z", "O", "P", "R"][found?]
        }
    };
    let r = row(tables::PRECEDENCE, letter)?;
    let mut e = Explanation::new(code, CodeKind::Precedence, Certainty::Listed).meaning(r.field(1)).source(r.field(3));
    e.note = r.field(4);
    Some(e)
}

fn explain_security(code: &str) -> Option<Explanation<'_>> {
    let mut words = code.split_ascii_whitespace();
    let first = words.next()?;
    if first.eq_ignore_ascii_case("ZNY") || first.eq_ignore_ascii_case("ZNR") {
        let signal = format!("{} {}", first.to_ascii_uppercase(), words.next().unwrap_or("").to_ascii_uppercase());
        let r = row(tables::SECURITY, &signal)?;
        let mut e =
            Explanation::new(code, CodeKind::SecurityWarning, Certainty::Listed).meaning(r.field(2)).source(r.field(3));
        e.field = r.field(1);
        return Some(e);
    }
    if code.len() == 3
        && code.bytes().all(|b| b.is_ascii_alphabetic())
        && code.as_bytes()[0].eq_ignore_ascii_case(&b'Z')
    {
        let national = code.as_bytes()[1].eq_ignore_ascii_case(&b'Y') || code.as_bytes()[1].eq_ignore_ascii_case(&b'Z');
        let e = Explanation::new(
            code,
            CodeKind::OperatingSignal,
            if national { Certainty::Inferred } else { Certainty::Unknown },
        );
        return Some(if national {
            e.note("operating signal, nationally assigned (ZYA–ZZZ): meaning unpublished").source(Some("ACP 131"))
        } else {
            e.note("operating signal (allied series ZAA–ZXZ): meaning not in our sources")
        });
    }
    None
}

/// The meanings of handling captions, keyed by the canonical forms the parser reads
/// (`cable::vocab::HANDLING`), with the expansions our sources give; a caption the parser
/// knows but no source expands has no row, and says so.
const HANDLING_MEANINGS: [(&str, &str, &str); 11] = [
    (
        "SIPDIS",
        "SIPRNet distribution: may be shared with SIPRNet users cleared for SECRET",
        "5 FAH-2 H-440; 05STATE226504",
    ),
    ("NOFORN", "Not releasable to foreign nationals", "12 FAM 500 via 05STATE226504"),
    ("NODIS", "No distribution (beyond the addressees)", "NARA FAQ RG 59"),
    ("EXDIS", "Exclusive distribution (conventional expansion; no primary text found)", ""),
    ("LIMDIS", "Limited distribution (conventional expansion; no primary text found)", ""),
    ("STADIS", "State distribution only (conventional expansion; no primary text found)", ""),
    ("SBU", "Sensitive But Unclassified", "06STATE89712"),
    ("FOUO", "For Official Use Only", ""),
    ("EFTO", "Encrypt for transmission only (conventional expansion; no primary text found)", ""),
    ("ORCON", "Dissemination controlled by the originator (conventional expansion)", ""),
    ("NOCONTRACT", "Not releasable to contractors (conventional expansion)", ""),
];

/// A handling caption's meaning and source, by its canonical form.
fn handling_meaning(canonical: &str) -> Option<(&'static str, &'static str)> {
    HANDLING_MEANINGS.iter().find(|(c, _, _)| *c == canonical).map(|(_, m, s)| (*m, *s))
}

fn explain_handling(code: &str) -> Option<Explanation<'_>> {
    let canonical = crate::cable::vocab::handling(code)?;
    Some(match handling_meaning(canonical) {
        Some((meaning, source)) => Explanation::new(code, CodeKind::Handling, Certainty::Listed)
            .meaning(Some(meaning))
            .source((!source.is_empty()).then_some(source)),
        None => Explanation::new(code, CodeKind::Handling, Certainty::Unknown)
            .note("a handling caption the parser reads; its meaning is not in our sources"),
    })
}

/// The meaning of one part of a portion mark (`S`, `NF`, `SBU`), from the parser's list of
/// parts (`cable::vocab::MARK_PARTS`). A part recognised but unexplained reads as such.
fn portion_part(part: &str) -> Option<&'static str> {
    use crate::cable::vocab::{MarkPart, mark_part};
    Some(match mark_part(part)? {
        MarkPart::Level(Classification::Unclassified) => "Unclassified",
        MarkPart::Level(Classification::LimitedOfficialUse) => "Limited Official Use",
        MarkPart::Level(Classification::Confidential) => "Confidential",
        MarkPart::Level(Classification::Secret) => "Secret",
        MarkPart::Level(Classification::TopSecret) => "Top Secret",
        MarkPart::Sbu => "Sensitive But Unclassified",
        MarkPart::Handling(canonical) => handling_meaning(canonical)
            .map_or("a handling caveat (its meaning is not in our sources)", |(meaning, _)| meaning),
        MarkPart::Control if part.eq_ignore_ascii_case("REL") => "Releasable (to the countries named)",
        MarkPart::Control => "a control system or caveat (its meaning is not in our sources)",
    })
}

/// The reading of a portion mark for a tooltip: `S//NF` → `Secret, Not releasable to foreign nationals`.
pub fn portion_mark_meaning(mark: &str) -> Option<String> {
    let parts: Vec<&str> = mark.trim_matches(['(', ')']).split(['/', ' ']).filter(|p| !p.is_empty()).collect();
    let meanings: Option<Vec<&str>> = parts.iter().map(|p| portion_part(p)).collect();
    meanings.filter(|m| !m.is_empty()).map(|m| m.join(", "))
}

fn explain_portion_mark(code: &str) -> Option<Explanation<'_>> {
    let inner = code.strip_prefix('(').and_then(|c| c.strip_suffix(')')).unwrap_or(code);
    let parts: Vec<&str> = inner.split(['/', ' ']).filter(|p| !p.is_empty()).collect();
    if parts.is_empty()
        || (parts.len() == 1 && !code.starts_with('(') && inner.len() > 1 && inner != "TS" && inner != "SBU")
    {
        return None;
    }
    let first = portion_part(parts[0])?;
    if parts[1..].iter().any(|p| portion_part(p).is_none()) {
        return None;
    }
    let mut e = Explanation::new(code, CodeKind::PortionMark, Certainty::Listed).meaning(Some(first));
    if parts.len() > 1 {
        e.note = parts.iter().skip(1).find_map(|p| portion_part(p));
    }
    Some(e)
}

/// A classification reason under the executive order in force on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReasonExplanation {
    /// The reason as cited, normalised (`1.4(b)`).
    pub reason: String,
    /// The order whose text is given (`E.O. 12958 as amended`).
    pub order: &'static str,
    pub section: &'static str,
    pub letter: char,
    pub text: &'static str,
    pub note: Option<&'static str>,
}

/// Explains `1.4(b)`, `1.5 (d)`, `1.4 b` by the order in force on `date`
/// (`YYYY-MM-DD…`): E.O. 12958 §1.5 before 2003-09-22, E.O. 12958 as amended
/// §1.4 from then, E.O. 13526 §1.4 from 2009-12-29. Without a date the
/// section number decides.
pub fn explain_reason(reason: &str, date: Option<&str>) -> Option<ReasonExplanation> {
    let compact: String = reason.chars().filter(|c| !c.is_whitespace() && *c != '(' && *c != ')').collect();
    // The last character is the letter, whatever its width (a fuzzer found `split_at(len - 1)`
    // panicking inside a multi-byte character).
    let (at, letter) = compact.char_indices().last()?;
    let (section, letter) = (&compact[..at], letter.to_ascii_lowercase());
    if !matches!(section, "1.4" | "1.5") || !('a'..='h').contains(&letter) {
        return None;
    }
    let day = date.and_then(|d| d.get(..10));
    let (order_key, order, mut note) = match (section, day) {
        (_, Some(d)) if d >= "2009-12-29" => ("13526", "E.O. 13526", None),
        (_, Some(d)) if d >= "2003-09-22" => ("12958A", "E.O. 12958 as amended", None),
        (_, Some(_)) | ("1.5", None) => ("12958", "E.O. 12958", None),
        _ => ("12958A", "E.O. 12958 as amended", None),
    };
    // A cable citing the 1995 numbering after 2003 (or the reverse) still means the same category.
    if day.is_some() && section == "1.5" && order_key != "12958" {
        note = Some("cited by its pre-2003 section number (§1.5 of E.O. 12958 as issued in 1995)");
    }
    if day.is_some() && section == "1.4" && order_key == "12958" {
        note =
            Some("cited by the post-2003 section number; E.O. 12958 as issued in 1995 listed the categories in §1.5");
    }
    let key = format!("{order_key}:{}", letter.to_ascii_uppercase());
    let r = row(tables::REASONS, &key)?;
    Some(ReasonExplanation {
        reason: format!("{section}({letter})"),
        order,
        section: r.field(1)?,
        letter,
        text: r.field(2)?,
        note,
    })
}

/// Every code of a parsed cable, explained: what `cable parse --explain` adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CableCodes<'a> {
    /// Station names for each TO addressee, in order.
    pub to_stations: Vec<Option<&'static str>>,
    pub info_stations: Vec<Option<&'static str>>,
    pub tag_info: Vec<Explanation<'a>>,
    pub reason_info: Vec<ReasonExplanation>,
    pub handling_info: Vec<Explanation<'a>>,
    pub routing_info: Vec<Explanation<'a>>,
    pub originator_station: Option<&'static str>,
    pub security_info: Option<Explanation<'a>>,
    pub classification_note: Option<&'static str>,
}

/// The year a cable was sent: its date's, else the estimate's.
pub fn cable_year(cable: &Cable) -> Option<u16> {
    let dated = cable.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
    dated.or(cable.estimate.as_ref().map(|e| e.year))
}

pub fn explain_cable(cable: &Cable) -> CableCodes<'_> {
    let station = |ri: &Option<String>| ri.as_deref().and_then(|r| station_names(r).next());
    let transmission = cable.transmission.as_ref();
    CableCodes {
        to_stations: cable.to.iter().map(|a| station(&a.routing_indicator)).collect(),
        info_stations: cable.info.iter().map(|a| station(&a.routing_indicator)).collect(),
        tag_info: cable.tags.iter().map(|t| explain_tag_at(t, cable_year(cable))).collect(),
        reason_info: cable.reasons.iter().filter_map(|r| explain_reason(r, cable.date.as_deref())).collect(),
        handling_info: cable.handling.iter().map(|h| explain(h)).collect(),
        routing_info: transmission
            .map(|t| t.routing.iter().map(|r| explain_routing_indicator(r)).collect())
            .unwrap_or_default(),
        originator_station: transmission.and_then(|t| station(&t.station)),
        security_info: transmission.and_then(|t| t.security.as_deref()).map(explain),
        classification_note: cable.classification.map(|c| match c {
            Classification::Unclassified => "not classified",
            Classification::LimitedOfficialUse => "a State Department control marking below CONFIDENTIAL",
            Classification::Confidential => "unauthorised disclosure could damage national security",
            Classification::Secret => "unauthorised disclosure could seriously damage national security",
            Classification::TopSecret => "unauthorised disclosure could gravely damage national security",
        }),
    }
}
