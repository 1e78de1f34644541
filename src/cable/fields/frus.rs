//! A telegram as the Department's historians publish it in the *Foreign Relations of the United
//! States* (history.state.gov, and its printed volumes): no envelope or caption, but a title
//! (`123. Telegram From the Embassy in Greece to the Department of State¹`), the place and date
//! it was sent from (`Athens, May 17, 1974, 1600Z.`), its number with its subject and references
//! (`2959. Subject: Greek Reaction to Turkish Oil Exploration. Ref: Athens 2870.`), the text and
//! signature in mixed case, and under it the editors' footnotes, the first of which gives the
//! telegram's classification, precedence and handling as the original bore them (`¹ Source:
//! National Archives, RG 59, Central Foreign Policy Files. Confidential; Priority; Exdis.
//! Repeated to Ankara.`).

use crate::fields::dtg::DateTime;
use crate::fields::dtg::month_number;
use crate::model::{Classification, Precedence};

/// A footnote's mark glued to a word (`State1`, `State¹`, `2870.2`): its figures, or the
/// superscript ones a copy of the web page keeps.
pub fn is_note_mark(c: char) -> bool {
    c.is_ascii_digit() || is_superscript(c)
}

fn is_superscript(c: char) -> bool {
    "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)
}

/// A document's title: who sent the telegram and to whom, as the editors name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title<'a> {
    pub from: &'a str,
    pub to: &'a str,
}

/// `123. Telegram From the Embassy in Greece to the Department of State1` (the document's number
/// before it, its footnote's after it, both optional); a backchannel message or an airgram too.
pub fn title(line: &str) -> Option<Title<'_>> {
    let line = line.trim();
    // The document's number in the volume.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 { line[digits..].strip_prefix(". ")? } else { line };
    let kind =
        ["Telegram From ", "Backchannel Message From ", "Airgram From "].iter().find(|k| rest.starts_with(**k))?;
    let rest = &rest[kind.len()..];
    let at = rest.find(" to ")?;
    // Its footnote's number (and a superscript's) glued to the last word.
    let to = rest[at + 4..].trim_end_matches(is_note_mark).trim();
    let from = rest[..at].trim();
    let named = |s: &str| !s.is_empty() && s.len() <= 120 && s.starts_with(|c: char| c.is_ascii_alphabetic());
    (named(from) && named(to)).then_some(Title { from, to })
}

/// `Athens, May 17, 1974, 1600Z.`, `Washington, May 17, 1974, 4:30 p.m.`, `Moscow, May 17,
/// 1974.`: the place, the date, and whether its time is given in GMT (`1600Z`; a local time is
/// not kept, the day alone is).
pub fn place_and_date(line: &str) -> Option<(&str, DateTime, bool)> {
    let line = line.trim().trim_end_matches('.');
    let mut parts = line.splitn(4, ", ");
    let place = parts.next()?;
    let (month, day) = parts.next()?.split_once(' ')?;
    let year = parts.next()?;
    let time = parts.next();
    if place.is_empty() || place.len() > 40 || !place.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let month = month_number(month).filter(|_| month.len() >= 3 && month.bytes().all(|b| b.is_ascii_alphabetic()))?;
    let gmt = time.and_then(|t| t.strip_suffix('Z')).filter(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()));
    // A local time (`4:30 p.m.`, `noon`): short, with a digit or a word of the day.
    if time.is_some_and(|t| {
        gmt.is_none() && !(t.len() <= 12 && (t.contains(':') || t.contains("noon") || t.contains("midnight")))
    }) {
        return None;
    }
    let (hour, minute) = match gmt {
        Some(t) => (t[..2].parse().ok()?, t[2..].parse().ok()?),
        None => (0, 0),
    };
    let date = DateTime { year: year.parse().ok()?, month, day: day.parse().ok()?, hour, minute };
    crate::fields::dtg::checked_date(date).map(|d| (place, d, gmt.is_some()))
}

/// `2959. Subject: …`, `2959. Subj: …`, `Secto 123. Subject: …`: the telegram's series if it
/// names one, its number, whom it is for if a sentence says so before the subject (`3011. For
/// the Secretary from Toon. Subject: …`), and the fields.
pub fn numbered_fields(line: &str) -> Option<NumberedFields<'_>> {
    let (series, number) = ["SECTO", "TOSEC"]
        .into_iter()
        .find_map(|s| {
            let rest = line.get(s.len()..)?.strip_prefix(' ')?;
            line[..s.len()].eq_ignore_ascii_case(s).then_some((Some(s), rest))
        })
        .unwrap_or((None, line));
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=7).contains(&digits) {
        return None;
    }
    let rest = number.get(digits..)?.strip_prefix(". ")?;
    let (preface, fields) = if crate::lines::starts_with_ci(rest, "Subj") {
        (None, rest)
    } else {
        // After a first sentence only with a number of three digits or more, never a paragraph's.
        let reach = &rest[..crate::lines::floor_char_boundary(rest, 200)];
        let at = crate::lines::find_ci(reach, ". Subject:")
            .or_else(|| crate::lines::find_ci(reach, ". Subj:"))
            .filter(|_| digits >= 3)?;
        (Some(&rest[..=at]), rest[at + 1..].trim_start())
    };
    Some(NumberedFields { series, number: &number[..digits], preface, fields: without_note_mark(fields) })
}

/// What [`numbered_fields`] reads.
#[derive(Debug, PartialEq, Eq)]
pub struct NumberedFields<'a> {
    /// The Secretary's travelling series (`SECTO`, `TOSEC`), if named.
    pub series: Option<&'static str>,
    pub number: &'a str,
    /// The sentence before the subject that says whom the telegram is for.
    pub preface: Option<&'a str>,
    pub fields: &'a str,
}

/// `text` without a footnote's mark glued after its last full stop (`Ref: Athens 2870.2`,
/// `…2870.²`).
fn without_note_mark(text: &str) -> &str {
    let marked = text.trim_end_matches(is_note_mark);
    if marked.len() < text.len() && marked.ends_with('.') && text.len() - marked.len() <= 6 { marked } else { text }
}

/// The post a telegram's title and place name it by, as a caption would: the Department's
/// telegrams are `STATE`'s, the mission's to the United Nations `USUN NEW YORK`'s, an embassy's
/// or consulate's its city's (`ATHENS`).
pub fn post(from: &str, place: &str) -> String {
    if from.contains("Department of State") || from.starts_with("Secretary of State") && place == "Washington" {
        "STATE".to_owned()
    } else if from.contains("Mission to the United Nations") {
        "USUN NEW YORK".to_owned()
    } else if from.contains("Mission to the North Atlantic Treaty Organization") {
        "USNATO".to_owned()
    } else {
        place.to_ascii_uppercase()
    }
}

/// What the source note says of the telegram as sent: its classification, precedence and
/// handling (`Confidential; Priority; Exdis.`), the sentence after the archive's citation.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SourceNote {
    pub classification: Option<Classification>,
    pub precedence: Option<Precedence>,
    pub handling: Vec<String>,
}

/// `1 Source: National Archives, RG 59, … Confidential; Priority; Exdis. Repeated to …`: the
/// first footnote, its number before `Source:`.
pub fn source_note(line: &str) -> Option<SourceNote> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].trim_start_matches(is_superscript).trim_start();
    let rest = rest.strip_prefix("Source:")?;
    let mut note = SourceNote::default();
    // The sentence that opens with a classification, its items apart by semicolons.
    let sentence =
        rest.split(". ").map(str::trim).find(|s| classification(s.split(';').next().unwrap_or("")).is_some())?;
    for item in sentence.trim_end_matches('.').split(';').map(str::trim) {
        if let Some(c) = classification(item) {
            note.classification = note.classification.or(Some(c));
        } else if let Some(p) = precedence(item) {
            note.precedence = note.precedence.or(Some(p));
        } else if item.len() <= 20 && item.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') && !item.is_empty() {
            note.handling.push(item.to_ascii_uppercase());
        }
    }
    Some(note)
}

fn classification(item: &str) -> Option<Classification> {
    match item.trim().to_ascii_lowercase().as_str() {
        "top secret" => Some(Classification::TopSecret),
        "secret" => Some(Classification::Secret),
        "confidential" => Some(Classification::Confidential),
        "limited official use" => Some(Classification::LimitedOfficialUse),
        "unclassified" => Some(Classification::Unclassified),
        _ => None,
    }
}

fn precedence(item: &str) -> Option<Precedence> {
    match item.trim().to_ascii_lowercase().as_str() {
        "flash" => Some(Precedence::Flash),
        "niact immediate" | "niact" => Some(Precedence::NiactImmediate),
        "immediate" => Some(Precedence::Immediate),
        "priority" => Some(Precedence::Priority),
        "routine" => Some(Precedence::Routine),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_documents_title_place_and_number() {
        let t = title("123. Telegram From the Embassy in Greece to the Department of State1").expect("a title");
        assert_eq!((t.from, t.to), ("the Embassy in Greece", "the Department of State"));
        assert!(title("Telegram From the Department of State to the Embassy in Greece").is_some());
        assert!(title("123. The Telegram From Moscow was late").is_none());
        let (place, d, gmt) = place_and_date("Athens, May 17, 1974, 1600Z.").expect("a dateline");
        assert_eq!((place, d.year, d.month, d.day, d.hour, d.minute, gmt), ("Athens", 1974, 5, 17, 16, 0, true));
        assert!(place_and_date("Washington, May 17, 1974.").is_some_and(|(_, _, gmt)| !gmt));
        assert!(place_and_date("Washington, May 17, 1974, 4:30 p.m.").is_some_and(|(_, _, gmt)| !gmt));
        assert!(place_and_date("Athens, the Embassy, 1974.").is_none());
        let read = |line| numbered_fields(line).map(|n| (n.series, n.number, n.preface, n.fields));
        assert_eq!(
            read("2959. Subject: Oil. Ref: Athens 2870."),
            Some((None, "2959", None, "Subject: Oil. Ref: Athens 2870."))
        );
        assert_eq!(read("Secto 123. Subj: Talks."), Some((Some("SECTO"), "123", None, "Subj: Talks.")));
        assert_eq!(read("2. We expect the issue to grow."), None);
        // Whom it is for before the subject: the sentence apart, the fields after it.
        assert_eq!(
            read("3011. For the Secretary from Toon. Subject: Brezhnev Letter."),
            Some((None, "3011", Some("For the Secretary from Toon."), "Subject: Brezhnev Letter."))
        );
        // Never a paragraph that names a subject further on, nor a word that begins so.
        assert_eq!(read("2. We discussed it. Subject: none."), None);
        assert_eq!(read("3011. For the Subjects of the Crown. Then more."), None);
        // A footnote's mark after the last full stop is none of the reference.
        assert_eq!(
            read("2959. Subject: Oil. Ref: Athens 2870.2").map(|f| f.3),
            Some("Subject: Oil. Ref: Athens 2870.")
        );
        assert_eq!(
            read("2959. Subject: Oil. Ref: Athens 2870.²").map(|f| f.3),
            Some("Subject: Oil. Ref: Athens 2870.")
        );
    }

    #[test]
    fn reads_the_source_note() {
        let note = source_note(
            "1 Source: National Archives, RG 59, Central Foreign Policy Files, P840099–1934. Confidential; \
             Priority; Exdis. Repeated to Ankara and Nicosia.",
        )
        .expect("a source note");
        assert_eq!(note.classification, Some(Classification::Confidential));
        assert_eq!(note.precedence, Some(Precedence::Priority));
        assert_eq!(note.handling, ["EXDIS"]);
        assert!(source_note("2 Telegram 2870 from Athens, May 15, reported the protest.").is_none());
    }
}
