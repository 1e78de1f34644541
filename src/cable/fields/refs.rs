//! REF blocks: `REF: A. MADRID 881 B. MADRID 919`, `REFS: A) 08 RIO DE JAN 138; B) …`,
//! `REF: STATE 32641`, non-cable references (e-mails, telcons, reports), and every cable an
//! item cites however it is written (`BRASILIA 2799 AND 2764`, `KABUL 936/935`, `QUITO 4525-91`,
//! `(08) SAO PAULO 581`, `A. (A) PARIS 7682`, `B. 2962`).

use crate::lines::collapse_ws;
use crate::model::{Reference, ReferenceKind};
use crate::stations::canonical_station;

/// The text after a REF keyword (`REF:`, `REF`, `REFS:`, `REF(S):`, `REFTEL:`), or `None`.
pub fn strip_ref_keyword(line: &str) -> Option<&str> {
    super::keywords::strip(line, super::keywords::Keyword::Ref)
}

/// Where a bullet for `letter` starts in `text`, with the bullet's length.
/// A bullet is `A.`, `A)` or `(A)` at the start or after white space or `;`, or `A:` at the start.
pub fn find_bullet(text: &str, letter: u8) -> Option<(usize, usize)> {
    find_bullet_of(text, letter, false)
}

/// As [`find_bullet`], `colons` also taking `B:` after white space: the bullets of a block whose
/// first is `A:` (`REF: A: STATE 12345 B: PARIS 678`).
fn find_bullet_of(text: &str, letter: u8, colons: bool) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let lower = letter.to_ascii_lowercase();
    for i in 0..b.len() {
        // After white space, `;`, `,` or a pasted `¶` (its last byte is 0xB6).
        let at_start = i == 0 || matches!(b[i - 1], b' ' | b';' | b',' | b'\t' | 0xB6);
        if !at_start {
            continue;
        }
        // `A:` only where a block begins (`REF A: STATE 12345`, a line of its own each), or
        // after `A:` began it.
        let (len, ok) = if b[i] == b'(' || b[i] == b'[' {
            let close = if b[i] == b'(' { b')' } else { b']' };
            (3, b.get(i + 1).is_some_and(|&c| c == letter || c == lower) && b.get(i + 2) == Some(&close))
        } else if b.get(i + 1..i + 3) == Some(b" -") && b.get(i + 3).is_none_or(u8::is_ascii_whitespace) {
            // `A - KABUL 28`.
            (3, b[i] == letter || b[i] == lower)
        } else {
            let closing =
                matches!(b.get(i + 1), Some(b'.' | b')')) || (i == 0 || colons) && b.get(i + 1) == Some(&b':');
            (2, (b[i] == letter || b[i] == lower) && closing)
        };
        // The bullet must be followed by white space or the end: `A.` not `A.B.C.`, `U.S.`;
        // a closing parenthesis may be glued to a capital (`A)STATE 071143`).
        let next = b.get(i + len);
        let glued = ok && matches!(b.get(i + len - 1), Some(b')' | b']')) && next.is_some_and(u8::is_ascii_uppercase);
        if ok && (next.is_none_or(u8::is_ascii_whitespace) || glued) {
            return Some((i, len));
        }
    }
    None
}

/// Splits a REF block into items at its sequential bullets (A, B, C…).
pub fn split_items(block: &str) -> Vec<(Option<String>, String)> {
    let block = block.trim();
    // The keyword written twice: `REF: REF A) TAIPEI 3393 B) …`.
    let block = strip_ref_keyword(block).filter(|rest| rest.len() < block.len() && !rest.is_empty()).unwrap_or(block);
    let mut items = Vec::new();
    // The first bullet is usually `A.`; a REF block of its own may go on from `D.`.
    let opening =
        (b'A'..=b'Z').find_map(|letter| find_bullet(block, letter).filter(|(i, _)| *i == 0).map(|b| (letter, b)));
    // A cable before the bullets, apart by a semicolon: `09 STATE 96625; A. STATE 70789; B. …`.
    let lead = || {
        let (at, len) = find_bullet(block, b'A')?;
        let before = block[..at].trim_end();
        let cites =
            before.ends_with([';', ',']) && !citations(&before.to_ascii_uppercase(), None, None, None).is_empty();
        cites.then(|| (before.trim_end_matches([';', ',']), (b'A', (at, len))))
    };
    let opening = match opening {
        Some(found) => Some(found),
        None => lead().map(|(before, found)| {
            items.push((None, collapse_ws(before)));
            found
        }),
    };
    let Some((mut letter, (first, len))) = opening else {
        // No bullets: pieces apart by semicolons are several references when one of them cites
        // a cable (`08 STATE 1234; E-MAIL …; 05 STATE 1234`); apart by colons only when each
        // does (`TEHRAN 1091: TEHRAN 263: MOSCOW 1603`).
        let cites = |p: &&str| !citations(&p.to_ascii_uppercase(), Some("00"), None, None).is_empty();
        // A piece that is no cable is a reference of another kind, not a note of one (`…; not
        // for Internet distribution`).
        let other_kind = |p: &&str| kind_of(&p.to_ascii_uppercase()) != ReferenceKind::Other;
        for separators in [&[';'][..], &[';', ':'][..]] {
            if !block.contains(separators) {
                continue;
            }
            let pieces: Vec<&str> = block.split(separators).map(str::trim).filter(|p| !p.is_empty()).collect();
            let split = pieces.len() > 1
                && if separators.len() == 1 {
                    pieces.iter().any(cites) && pieces.iter().all(|p| cites(p) || other_kind(p))
                } else {
                    pieces.iter().all(cites)
                };
            if split {
                return pieces.into_iter().map(|p| (None, collapse_ws(p))).collect();
            }
        }
        let text = block.trim_end_matches([';', ',', '\\']).trim();
        if !text.is_empty() {
            items.push((None, collapse_ws(text)));
        }
        return items;
    };
    let colons = block[first..first + len].ends_with(':');
    let mut start = first + len;
    loop {
        let next = find_bullet_of(&block[start..], letter + 1, colons).map(|(i, l)| (start + i, l));
        let end = next.map_or(block.len(), |(i, _)| i);
        // `\` at a line's end escaped the break in a CSV export: debris, not text.
        let text = block[start..end].trim().trim_end_matches([';', ',', '¶', '\\']).trim();
        // `(B) ROME 6 AND (C) ROME 7`: the word that joined it to the next is none of its.
        let text = JOINING_WORDS.iter().find_map(|w| text.strip_suffix(w)).unwrap_or(text);
        items.push((Some(char::from(letter).to_string()), collapse_ws(text.trim_end_matches([',', ';']).trim_end())));
        match next {
            Some((i, l)) if letter < b'Z' => {
                letter += 1;
                start = i + l;
            }
            _ => break,
        }
    }
    items
}

/// Whether a REF block goes on in `line` after a blank line although `line` has no bullet: its
/// last item is a bullet with no cable yet, which `line` completes (`C) RIO` / blank /
/// `DE JANEIRO 1291`; `D)` / blank / `TAIPEI 03196 E) …`).
pub fn continues_after_gap(block: &str, line: &str) -> bool {
    let Some((Some(_), last)) = split_items(block).pop() else { return false };
    // Not a numbered paragraph after it (`(C) BUCHAREST` / blank / `1. (C-ENTIRE TEXT)`).
    let paragraph = crate::shapes::paragraph_start(line).is_some_and(|s| s.number.is_some());
    if last.len() > 30 || last.bytes().any(|b| b.is_ascii_digit()) || paragraph {
        return false;
    }
    let joined = format!("{last} {line}").trim().to_ascii_uppercase();
    citations(&joined, Some("00"), None, None).first().is_some_and(|c| c.start == 0)
}

/// The references of one item of a REF block: one per cable it cites (`BRASILIA 2799 AND 2764`,
/// `KABUL 936/935`, `2009 CAIRO 2394 2009 CAIRO 491` are two each, with the text of each), or
/// the item itself when it cites none (an e-mail, a telcon, a report).
///
/// `cable_year` is the two-digit year of the citing cable, used when a reference has none, and
/// `year_estimated` says that it is only an estimate. `context` is the station an item that is
/// only a number refers to (`A. MANILA 2969 B. 2962`: the station before it, else the citing
/// cable's own); `own` is the citing cable's station, which its own telegrams are cited by
/// (`EMBTEL 4000`).
pub fn references(
    label: Option<String>,
    text: &str,
    cable_year: Option<&str>,
    year_estimated: bool,
    (context, own): (Option<&str>, Option<&str>),
) -> Vec<Reference> {
    let text = strip_repeated_label(text, label.as_deref());
    let upper = text.to_ascii_uppercase();
    let kind = kind_of(&upper);
    // A cable is cited by number: an item without a digit cites none.
    let numbered = upper.bytes().any(|b| b.is_ascii_digit());
    let cited =
        if kind == ReferenceKind::Other && numbered { citations(&upper, cable_year, context, own) } else { Vec::new() };
    if cited.is_empty() {
        return vec![Reference { label, text: text.to_owned(), id: None, kind, year_estimated: false }];
    }
    let one = cited.len() == 1;
    cited
        .iter()
        .enumerate()
        .map(|(k, c)| {
            // One cable: the item's whole text (`STATE 244304 (NOTAL)`); several: each one's own
            // words, up to the next, without the word that joined them.
            let piece = if one {
                text
            } else {
                let end = cited.get(k + 1).map_or(text.len(), |next| next.start);
                trim_joint(&text[c.start..end])
            };
            Reference {
                label: label.clone(),
                text: piece.to_owned(),
                id: Some(c.id.clone()),
                kind: ReferenceKind::Cable,
                year_estimated: year_estimated && !c.own_year,
            }
        })
        .collect()
}

/// The station of the last cable `references` cited, for an item after it that is only a number.
pub fn station_of(reference: &Reference) -> Option<&str> {
    let id = reference.id.as_deref()?;
    let station = id.get(2..)?.trim_end_matches(|c: char| c.is_ascii_digit());
    (!station.is_empty()).then_some(station)
}

fn kind_of(upper: &str) -> ReferenceKind {
    if upper.contains("E-MAIL") || upper.contains("EMAIL") || upper.contains('@') {
        ReferenceKind::Email
    } else if upper.contains("TELCON") || upper.contains("TELECON") || upper.contains("PHONE") {
        ReferenceKind::Telcon
    } else if upper.contains("MEMO") {
        ReferenceKind::Memo
    } else if upper.contains("REPORT") || upper.contains("IIR ") || upper.starts_with("TD-") {
        ReferenceKind::Report
    } else {
        ReferenceKind::Other
    }
}

/// An item's text without its label written again (`A. (A) PARIS 7682`, `A. A) SECSTATE 54183`,
/// `A. REF A STATE 122214`, `A. REF: KATHMANDU 2282`, `REF: REFERENCE: 01 ABUJA 997`).
fn strip_repeated_label<'a>(text: &'a str, label: Option<&str>) -> &'a str {
    let mut text = text.trim();
    loop {
        let before = text;
        if let Some(rest) = strip_ref_keyword(text).filter(|rest| rest.len() < text.len()) {
            text = rest;
        }
        if let Some(letter) = label.and_then(|l| l.bytes().next()) {
            if let Some((0, len)) = find_bullet(text, letter) {
                text = text[len..].trim_start();
            } else if text.len() > 1
                && text.as_bytes()[0].eq_ignore_ascii_case(&letter)
                && text.as_bytes()[1].is_ascii_whitespace()
                && before.len() != text.len()
            {
                // `REF A STATE 122214`: the letter alone, after a REF keyword just taken.
                text = text[1..].trim_start();
            }
        }
        if text.len() == before.len() {
            return text;
        }
    }
}

/// The word that joins an item or a cable to the next, as it ends a piece (`ROME 6 AND`), or
/// the keyword repeated before the next item's label (`REF A: BAGHDAD 100 REF B: …`, its
/// line breaks lost).
const JOINING_WORDS: [&str; 5] = [" AND", " and", " And", " REF", " Ref"];

/// A piece of an item without the words that joined it to the next (`BRASILIA 2799 AND`).
fn trim_joint(piece: &str) -> &str {
    let mut piece = piece.trim().trim_end_matches([',', ';', '/', '&']).trim_end();
    for joint in JOINING_WORDS {
        piece = piece.strip_suffix(joint).unwrap_or(piece);
    }
    piece.trim_end_matches([',', ';', '/', '&']).trim_end()
}

/// A cable an item cites: where its words start, its ID, and whether its year is written.
struct Citation {
    start: usize,
    id: String,
    own_year: bool,
}

/// A word of an item, with where it starts, and its core: without the brackets, marks and
/// punctuation around it (`#3565` → `3565`, `(C)02293` → `02293`, `1291,` → `1291`).
#[derive(Clone, Copy)]
struct Word<'a> {
    start: usize,
    raw: &'a str,
    core: &'a str,
}

impl Word<'_> {
    /// The word ends a phrase: a comma or semicolon after it.
    fn ends_phrase(&self) -> bool {
        self.raw.ends_with([',', ';'])
    }

    fn is_digits(&self) -> bool {
        !self.core.is_empty() && self.core.bytes().all(|b| b.is_ascii_digit())
    }

    /// A station's word: letters, with the dots and hyphens of `ST.` and `PORT-AU-PRINCE`.
    fn is_station_word(&self) -> bool {
        self.core.bytes().any(|b| b.is_ascii_alphabetic())
            && self.core.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.' || b == b'-')
            && !self.raw.starts_with('(')
    }

    /// A word that joins two cables: `AND`, `&`, `ALSO` (a comma or semicolon after a word joins
    /// too: [`Word::ends_phrase`]).
    fn joins(&self) -> bool {
        matches!(self.core, "AND" | "&" | "ALSO")
    }
}

fn words(upper: &str) -> Vec<Word<'_>> {
    let bytes = upper.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let raw = &upper[start..i];
        let mut core = raw.trim_end_matches([',', ';', ':', '.', ')', ']']);
        // A serial's marks: `#3565`, a portion mark `(C)02293`.
        core = core.trim_start_matches(['#', '[']);
        if core.len() > 3 && core.starts_with('(') && core.as_bytes()[2] == b')' {
            core = &core[3..];
        }
        let core = core.trim_start_matches('(');
        out.push(Word { start, raw, core });
    }
    out
}

/// The words a post cites its own telegrams by (`REF: EMBTEL 4000`, in older cables above all).
const OWN_TELEGRAMS: [&str; 4] = ["EMBTEL", "CONTEL", "CONGENTEL", "OURTEL"];

/// Words between a station and its serial: `COLOMBO CABLES 0266`, `PARIS TEL 1234`.
const FILLERS: [&str; 6] = ["CABLE", "CABLES", "TEL", "TELS", "TELEGRAM", "TELEGRAMS"];

/// The cables an item cites, in order. A cable may start at the item's start, after a word
/// that joins (`AND`, `&`, a comma or semicolon) or right after another cable; numbers after a
/// cable and a joint are more cables of its station and year (`PARIS 7472 AND 7677`,
/// `STATE 188314, 259032`, `KABUL 692/317/274`).
fn citations(upper: &str, cable_year: Option<&str>, context: Option<&str>, own: Option<&str>) -> Vec<Citation> {
    let words = words(upper);
    let mut out: Vec<Citation> = Vec::new();
    let mut i = 0;
    let mut may_start = true;
    while i < words.len() {
        if may_start {
            if let Some(Cited { cables, station, year, next }) = citation_at(&words, i, cable_year, own) {
                out.extend(cables);
                i = next;
                // More numbers of the same station.
                while let Some(more) = continuation(&words, i, &station, year.as_ref(), cable_year) {
                    out.extend(more.0);
                    i = more.1;
                }
                continue;
            }
            // An item that is only a number (`B. 2962 AND PREVIOUS`, `A) 6307`): a cable of the
            // station before it.
            if i == 0 && out.is_empty() {
                if let Some(station) = context {
                    if let Some((found, next)) = serials(&words, 0, station, None, cable_year) {
                        if next == words.len() || words[next].core == "AND" {
                            out.extend(found);
                            i = next;
                            continue;
                        }
                    }
                }
            }
        }
        may_start = words[i].joins() || words[i].ends_phrase();
        i += 1;
    }
    out
}

/// The cables written at a place in an item, the station and written year they share (for the
/// numbers that may follow them), and the word after them.
struct Cited {
    cables: Vec<Citation>,
    station: String,
    year: Option<String>,
    next: usize,
}

/// Where the station's words that start at `start` end: at most four, up to a comma
/// (`PRAGUE, 1228`).
fn station_run(words: &[Word<'_>], start: usize) -> usize {
    let mut end = start;
    while end < words.len() && end - start < 4 && words[end].is_station_word() {
        end += 1;
        if words[end - 1].ends_phrase() {
            break;
        }
    }
    end
}

/// The station those words name, as written (`RIO DE JANEIRO`).
fn station_name(words: &[Word<'_>]) -> String {
    words.iter().map(|w| w.core).collect::<Vec<_>>().join(" ")
}

/// A cable written at word `i`: `[YEAR] STATION [filler] [(YY)] SERIAL[/SERIAL…][-YY] [(YEAR)]`,
/// a whole ID (`09STATE1234`, `1974ATHENS02959`, `HK05511`), or a number before its station at
/// an item's start (`870 ULAANBAATAR`). With the station and written year of each, for the
/// numbers that may follow, and the word after it.
fn citation_at(words: &[Word<'_>], i: usize, cable_year: Option<&str>, own: Option<&str>) -> Option<Cited> {
    let first = words.get(i)?;
    if first.raw.starts_with('(') && !first.is_digits() {
        return None;
    }
    if let Some(id) = crate::stations::canonical_id(first.core).or_else(|| glued_id(first.core, cable_year)) {
        let own_year = first.core.as_bytes()[0].is_ascii_digit();
        let station = id[2..].trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
        let year = own_year.then(|| id[..2].to_owned());
        return Some(Cited { cables: vec![Citation { start: first.start, id, own_year }], station, year, next: i + 1 });
    }
    let mut j = i;
    let mut year = None;
    // `09 STATE 1234`, `2009 CAIRO 2394`, `(08) SAO PAULO 581`.
    if first.is_digits() && matches!(first.core.len(), 2 | 4) && words.get(i + 1).is_some_and(Word::is_station_word) {
        year = Some(first.core[first.core.len() - 2..].to_owned());
        j += 1;
    }
    let station_start = j;
    j = station_run(words, station_start);
    if j == station_start {
        // `870 ULAANBAATAR`: a number, then its station, as an item's only words.
        return reversed(words, i, cable_year);
    }
    let mut station = canonical_station(&station_name(&words[station_start..j]));
    // `EMBTEL 4000`, `CONTEL 12`, `OURTEL 345`: a telegram of the citing cable's post (of a post's:
    // the Department's `EMBTEL` is its addressee's, which is not known here).
    let post = own.filter(|o| *o != "STATE" || words[station_start].core == "OURTEL");
    if let Some(post) = post.filter(|_| j == station_start + 1 && OWN_TELEGRAMS.contains(&words[station_start].core)) {
        station = crate::stations::Station { canonical: post.to_owned(), known: true };
    }
    // `AMEMBASSY MADRID 678`, `AMCONSUL JEDDAH 12`: the post's office before its name.
    let office = crate::vocab::strip_office(words[station_start].core).is_some_and(str::is_empty);
    let from = station_start + usize::from(office && !station.known && j > station_start + 1);
    let name = |end: usize| station_name(&words[from..end]);
    if from > station_start {
        station = canonical_station(&name(j));
    }
    // `COLOMBO CABLES 0266`: a word between the station and its number (but `TEL AVIV 1086`).
    let mut end = j;
    while !station.known && end > from + 1 && FILLERS.contains(&words[end - 1].core) {
        end -= 1;
        station = canonical_station(&name(end));
    }
    if !station.known {
        return None;
    }
    // `STATE (01) 201265`: the year in brackets before the serial.
    if let Some(w) = words.get(j) {
        if w.raw.starts_with('(')
            && w.raw.trim_end_matches([',', ';']).ends_with(')')
            && w.is_digits()
            && w.core.len() == 2
        {
            year = Some(w.core.to_owned());
            j += 1;
        }
    }
    let (mut cables, next) = serials(words, j, &station.canonical, year.clone(), cable_year)?;
    // The first cable's words start with its year or station; more after a slash, at their numbers.
    cables[0].start = first.start;
    Some(Cited { cables, station: station.canonical, year, next })
}

/// `870 ULAANBAATAR`, `377 KATHMANDU`: at an item's start, with nothing after the station.
fn reversed(words: &[Word<'_>], i: usize, cable_year: Option<&str>) -> Option<Cited> {
    let first = &words[i];
    if i != 0 || !first.is_digits() || first.core.len() > 7 {
        return None;
    }
    let j = station_run(words, i + 1);
    if j == i + 1 || j < words.len() && !words[j - 1].ends_phrase() {
        return None;
    }
    let station = canonical_station(&station_name(&words[i + 1..j]));
    let serial = first.core.trim_start_matches('0');
    if !station.known || serial.is_empty() {
        return None;
    }
    let id = cable_id(cable_year?, &station.canonical, serial);
    Some(Cited {
        cables: vec![Citation { start: first.start, id, own_year: false }],
        station: station.canonical,
        year: None,
        next: j,
    })
}

/// `HK05511`: a station's letters glued to its serial, the year the citing cable's.
fn glued_id(core: &str, cable_year: Option<&str>) -> Option<String> {
    let letters = core.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (station, serial) = core.split_at(letters);
    if letters < 2 || serial.is_empty() || serial.len() > 7 || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let station = canonical_station(station);
    let serial = serial.trim_start_matches('0');
    let year = cable_year?;
    (station.known && !serial.is_empty()).then(|| cable_id(year, &station.canonical, serial))
}

/// The serial (or serials) at word `j` of a cable of `station`: `1234`, `#3565`, `4525-91` (its
/// year after it), `936/935` (two cables), `00789/08` (the year after a slash), `12345/01` (the
/// section after it, dropped), and a year in
/// brackets after it (`02259 (2002)`) or a two-digit year after a padded serial (`07718 99`).
fn serials(
    words: &[Word<'_>],
    j: usize,
    station: &str,
    year: Option<String>,
    cable_year: Option<&str>,
) -> Option<(Vec<Citation>, usize)> {
    let w = words.get(j)?;
    if w.raw.starts_with('(') && !w.raw[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (body, suffix_year) = match w.core.split_once('-') {
        Some((serial, y)) if y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()) => (serial, Some(y.to_owned())),
        Some((serial, range)) if range.bytes().all(|b| b.is_ascii_digit()) => (serial, None),
        Some(_) => return None,
        None => (w.core, None),
    };
    let parts: Vec<&str> = body.split('/').collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 7 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let padded = |s: &str| s.len() >= 4 && s.starts_with('0');
    let mut next = j + 1;
    // `00789/08`: a padded serial, and its year after the slash.
    let (parts, slash_year) = if parts.len() == 2 && parts[1].len() == 2 && padded(parts[0]) {
        (&parts[..1], Some(parts[1].to_owned()))
    } else if parts.len() == 2 && parts[1].len() == 2 && parts[1].starts_with('0') {
        // `12345/01`: the section of the telegram, as its `DE` line writes it (`#2345/01`), not
        // a second telegram numbered 1.
        (&parts[..1], None)
    } else {
        (&parts[..], None)
    };
    let mut after_year = None;
    if let Some(after) = words.get(next) {
        let bracketed = after.raw.starts_with('(') && after.raw.trim_end_matches([',', ';', '.']).ends_with(')');
        let last = next + 1 == words.len() || after.ends_phrase();
        let bare = !w.ends_phrase() && padded(parts[0]) && after.core.len() == 2 && last;
        if after.is_digits() && (bracketed && matches!(after.core.len(), 2 | 4) || bare) {
            after_year = Some(after.core[after.core.len() - 2..].to_owned());
            next += 1;
        }
    }
    // `STATE 12345 DTG 121212Z JAN 08`, `(DTG 300036Z OCT 74)`: the year of its date-time group;
    // `CAIRO 4000 OF MAY 3, 1974`, `OF 1974`: the year of its date.
    if after_year.is_none() {
        if let Some((written, end)) = dtg_year_at(words, next).or_else(|| dated_at(words, next)) {
            after_year = Some(written);
            next = end;
        }
    }
    let written = suffix_year.or(slash_year).or(after_year).or(year);
    let own_year = written.is_some();
    let year = written.or_else(|| cable_year.map(str::to_owned))?;
    let mut offset = w.start + (w.raw.len() - w.raw.trim_start_matches(['#', '[', '(']).len());
    let mut out = Vec::new();
    for part in parts {
        let serial = part.trim_start_matches('0');
        if !serial.is_empty() {
            out.push(Citation { start: offset, id: cable_id(&year, station, serial), own_year });
        }
        offset += part.len() + 1;
    }
    (!out.is_empty()).then_some((out, next))
}

/// The year of a date-time group at word `at`, with `DTG` before it or not (`DTG 121212Z JAN
/// 08`, `(DTG 300036Z OCT 74)`, `121212Z JAN 2008`), and the word after the group.
fn dtg_year_at(words: &[Word<'_>], at: usize) -> Option<(String, usize)> {
    let at = at + usize::from(words.get(at)?.core == "DTG");
    let [time, month, year, ..] = words.get(at..)? else { return None };
    // Its zone letter written (`121212Z`): six digits before a month are no group without it.
    let date = crate::fields::dtg::parse_dtg(time.core, month.core, year.core).filter(|_| time.core.ends_with('Z'))?;
    Some((format!("{:02}", date.year % 100), at + 3))
}

/// The year of a date after `OF` or `DATED` at word `at` (`OF MAY 3, 1974`, `OF 3 MAY 1974`,
/// `OF MAY 1974`, `OF 1974`, `DATED 2 FEB 07`, `DATED 2/2/2007`), in two digits, and the word
/// after it. A date with no year (`OF MAY 3`) is none: the citing cable's year is the cable's.
fn dated_at(words: &[Word<'_>], at: usize) -> Option<(String, usize)> {
    if !matches!(words.get(at)?.core, "OF" | "DATED") {
        return None;
    }
    // `2/2/2007`, `02/02/07`: month, day and year.
    if let Some(w) = words.get(at + 1) {
        let parts: Vec<&str> = w.core.split('/').collect();
        if let [month, day, year] = parts[..] {
            let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
                n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
            };
            if digits(month, 1..=2) && digits(day, 1..=2) && (year.len() == 2 || year.len() == 4) && digits(year, 2..=4)
            {
                return Some((year[year.len() - 2..].to_owned(), at + 2));
            }
        }
    }
    let mut k = at + 1;
    let (mut day, mut month) = (false, false);
    // A month's name and a day, in either order.
    while k < at + 3 {
        let Some(w) = words.get(k) else { break };
        if w.is_digits() && w.core.len() <= 2 && !day {
            day = true;
        } else if w.core.len() >= 3
            && crate::fields::dtg::month_number(w.core).is_some()
            && w.core.bytes().all(|b| b.is_ascii_alphabetic())
        {
            month = true;
        } else {
            break;
        }
        k += 1;
    }
    let year = words.get(k).filter(|w| w.is_digits())?;
    // Four digits, or two after a month and a day (`2 FEB 07`; `OF MAY 7` is a day).
    let year = match year.core.len() {
        4 if matches!(&year.core[..2], "19" | "20") => &year.core[2..],
        2 if day && month => year.core,
        _ => return None,
    };
    Some((year.to_owned(), k + 1))
}

/// The ID of a cable cited as written at `station` in `year` (two digits), by the name its post
/// bore that year (`stations::named_in`).
fn cable_id(year: &str, station: &str, serial: &str) -> String {
    format!("{year}{}{serial}", crate::stations::named_in(station, year))
}

/// Numbers after a cable that are more cables of its station: `AND 2764`, `& 12`, `, 259032`.
fn continuation(
    words: &[Word<'_>],
    i: usize,
    station: &str,
    year: Option<&String>,
    cable_year: Option<&str>,
) -> Option<(Vec<Citation>, usize)> {
    let previous = words.get(i.checked_sub(1)?)?;
    let at = if words.get(i)?.joins() {
        i + 1
    } else if previous.ends_phrase() {
        i
    } else {
        return None;
    };
    let w = words.get(at)?;
    if !w.core.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let (found, next) = serials(words, at, station, year.cloned(), cable_year)?;
    // A number with words after it is something else (`, 12 MAY`, `AND 5 OTHERS`).
    let ends = words.get(next).is_none_or(|n| n.joins() || n.raw.starts_with('(') || n.core == "PREVIOUS")
        || words[next - 1].ends_phrase();
    ends.then_some((found, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_bulleted_blocks() {
        let items = split_items("A. 09 PRISTINA 509  B. 09 USNATO 409  C. BELGRADE 0003");
        let texts: Vec<_> = items.iter().map(|(l, t)| (l.as_deref(), t.as_str())).collect();
        assert_eq!(texts, [(Some("A"), "09 PRISTINA 509"), (Some("B"), "09 USNATO 409"), (Some("C"), "BELGRADE 0003")]);
        let items = split_items("A) 08 RIO DE JAN 138; B) STATE 1234");
        assert_eq!(items[1].1, "STATE 1234");
        assert_eq!(split_items("STATE 32641"), [(None, "STATE 32641".to_owned())]);
        // A block of its own may go on from D; a CSV export's `\` is debris.
        assert_eq!(
            split_items("D. TELCON 6/28/07 E. LONDON 12 \\"),
            [(Some("D".to_owned()), "TELCON 6/28/07".to_owned()), (Some("E".to_owned()), "LONDON 12".to_owned())]
        );
        // Initials inside an item are not bullets.
        let items = split_items("A. TELCON WITH J. B. SMITH B. MADRID 12");
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_bullet_cut_off_at_the_end_is_no_bullet() {
        // Found by the property test: `(B` at the very end read past the text.
        assert_eq!(find_bullet("A. X (B", b'B'), None);
        assert_eq!(find_bullet("(B", b'B'), None);
    }

    #[test]
    fn reads_every_ref_form_seen() {
        let ids = |block: &str, year: &str| -> Vec<(Option<String>, Option<String>)> {
            split_items(block)
                .into_iter()
                .flat_map(|(l, t)| references(l, &t, Some(year), false, (None, None)))
                .map(|r| (r.label, r.id))
                .collect()
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(ids("(A) PARIS 7682 AND PREVIOUS", "75"), [(some("A"), some("75PARIS7682"))]);
        assert_eq!(
            ids("A)STATE 071143, (B)STATE 073601", "09"),
            [(some("A"), some("09STATE71143")), (some("B"), some("09STATE73601"))]
        );
        assert_eq!(ids("SECSTATE 54183", "74"), [(None, some("74STATE54183"))]);
        // The Department's telegram by its old name.
        assert_eq!(ids("DEPTEL 54183", "74"), [(None, some("74STATE54183"))]);
        assert_eq!(ids("2009 CAIRO 2394", "10"), [(None, some("09CAIRO2394"))]);
        assert_eq!(
            ids("A. MADRID 881 ¶B. MADRID 919", "04"),
            [(some("A"), some("04MADRID881")), (some("B"), some("04MADRID919"))]
        );
        assert_eq!(
            ids("NEW DELHI 1261/1263/1264", "05"),
            [(None, some("05NEWDELHI1261")), (None, some("05NEWDELHI1263")), (None, some("05NEWDELHI1264"))]
        );
        // IDs written whole: the archive's form, and the canonical one.
        assert_eq!(ids("1974ATHENS02959", "75"), [(None, some("74ATHENS2959"))]);
        assert_eq!(ids("A. 09STATE12345 B. 1973BUENOS03147", "10")[1], (some("B"), some("73BUENOSAIRES3147")));
        assert_eq!(ids("STATE 244304 (NOTAL)", "04"), [(None, some("04STATE244304"))]);
        // `REF A: STATE 12345` and `REF B: ANKARA 678`, a line each.
        assert_eq!(ids("A: STATE 12345", "09"), [(some("A"), some("09STATE12345"))]);
        assert_eq!(ids("B: ANKARA 678", "09"), [(some("B"), some("09ANKARA678"))]);
        assert_eq!(ids("TEHRAN 1091 A: NOTE", "72")[0].0, None, "`A:` inside a block is no bullet");
        assert_eq!(
            ids("TEHRAN 1091: TEHRAN 263: MOSCOW 1603", "72"),
            [(None, some("72TEHRAN1091")), (None, some("72TEHRAN263")), (None, some("72MOSCOW1603"))]
        );
        let kinds: Vec<ReferenceKind> =
            ["E-MAIL FROM POLOFF 3/4/09", "TELCON WITH EUR/RUS", "IIR 6 832 0123 09", "MEMO OF CONVERSATION"]
                .into_iter()
                .map(|t| references(None, t, Some("09"), false, (None, None))[0].kind)
                .collect();
        assert_eq!(kinds, [ReferenceKind::Email, ReferenceKind::Telcon, ReferenceKind::Report, ReferenceKind::Memo]);
    }

    #[test]
    fn builds_canonical_ids() {
        let r = references(None, "09 PRISTINA 509", Some("10"), false, (None, None)).remove(0);
        assert_eq!((r.id.as_deref(), r.kind), (Some("09PRISTINA509"), ReferenceKind::Cable));
        let r = references(None, "MADRID 881", Some("04"), false, (None, None)).remove(0);
        assert_eq!(r.id.as_deref(), Some("04MADRID881"));
        let r = references(None, "08 RIO DE JAN 138", None, false, (None, None)).remove(0);
        assert_eq!(r.id.as_deref(), Some("08RIODEJANEIRO138"));
        let r = references(None, "06 TBILISI 0619", None, false, (None, None)).remove(0);
        assert_eq!(r.id.as_deref(), Some("06TBILISI619"));
        let r = references(None, "EMAIL FROM POLOFF 3/4/09", Some("09"), false, (None, None)).remove(0);
        assert_eq!((r.id, r.kind), (None, ReferenceKind::Email));
        let r = references(None, "TD-314/014437-09", Some("09"), false, (None, None)).remove(0);
        assert_eq!(r.kind, ReferenceKind::Report);
    }

    /// The IDs of a REF block's text, with their labels, as the header reads them.
    fn cited(block: &str, year: &str, own: &str) -> Vec<(Option<String>, String)> {
        let mut context = Some(own.to_owned());
        let mut out = Vec::new();
        for (label, text) in split_items(block) {
            for r in references(label, &text, Some(year), false, (context.as_deref(), Some(own))) {
                if let Some(station) = station_of(&r) {
                    context = Some(station.to_owned());
                }
                out.extend(r.id.map(|id| (r.label, id)));
            }
        }
        out
    }

    fn plain(ids: &[(Option<String>, String)]) -> Vec<&str> {
        ids.iter().map(|(_, id)| id.as_str()).collect()
    }

    /// A post's office before its name (`AMEMBASSY MADRID`), as the envelope writes it.
    #[test]
    fn reads_a_post_named_with_its_office() {
        assert_eq!(
            plain(&cited("A. SECSTATE 12345 B. AMEMBASSY MADRID 678 C. AMCONSUL JEDDAH 12", "09", "X")),
            ["09STATE12345", "09MADRID678", "09JEDDAH12"]
        );
        assert_eq!(plain(&cited("USMISSION USUN NEW YORK 78", "09", "X")), ["09USUNNEWYORK78"]);
    }

    #[test]
    fn reads_every_cable_an_item_cites() {
        // Joined by AND, &, commas and slashes: each a cable of the station before it.
        assert_eq!(
            plain(&cited("A. BRASILIA 2799 AND 2764 B. PORT AU PRINCE 2325", "04", "X")),
            ["04BRASILIA2799", "04BRASILIA2764", "04PORTAUPRINCE2325"]
        );
        assert_eq!(plain(&cited("SECSTATE 232089 & USUN 2336", "04", "X")), ["04STATE232089", "04USUNNEWYORK2336"]);
        assert_eq!(
            plain(&cited("[A] STATE 188314, 259032, [B] OTTAWA 2285", "05", "X")),
            ["05STATE188314", "05STATE259032", "05OTTAWA2285"]
        );
        assert_eq!(
            plain(&cited("A) KABUL 936/935; B) 06 KABUL 5353/5194 AND PREVIOUS", "07", "X")),
            ["07KABUL936", "07KABUL935", "06KABUL5353", "06KABUL5194"]
        );
        assert_eq!(plain(&cited("2009 CAIRO 2394 2009 CAIRO 491", "10", "X")), ["09CAIRO2394", "09CAIRO491"]);
        // Each cable's own words as its text, the joint left out.
        let texts: Vec<String> = references(None, "PARIS 7472 and 7677", Some("05"), false, (None, None))
            .into_iter()
            .map(|r| r.text)
            .collect();
        assert_eq!(texts, ["PARIS 7472", "7677"]);
        // A number with words after it is no cable: a date, a count, a paragraph.
        assert_eq!(plain(&cited("PARIS 1234, 12 MAY 2009", "09", "X")), ["09PARIS1234"]);
        assert_eq!(plain(&cited("STATE 1234 PARAS 3 AND 4", "09", "X")), ["09STATE1234"]);
        assert_eq!(plain(&cited("MEETING IN PARIS 15 JULY", "09", "X")), Vec::<&str>::new());
    }

    #[test]
    fn reads_the_years_and_marks_a_serial_carries() {
        assert_eq!(plain(&cited("A. QUITO 4525-91 B. QUITO 1735", "06", "X")), ["91QUITO4525", "06QUITO1735"]);
        assert_eq!(plain(&cited("A. A: PANAMA 00789/08", "09", "X")), ["08PANAMA789"]);
        // A section after the slash, as a `DE` line writes it.
        assert_eq!(plain(&cited("STATE 12345/01", "09", "X")), ["09STATE12345"]);
        assert_eq!(plain(&cited("AMMAN 07718 99, AMMAN 05986 00", "02", "X")), ["99AMMAN7718", "00AMMAN5986"]);
        assert_eq!(plain(&cited("A) STATE (01) 201265, B) STATE 02034", "02", "X")), ["01STATE201265", "02STATE2034"]);
        assert_eq!(plain(&cited("COLOMBO CABLES 0266 AND 02259 (2002)", "03", "X")), ["03COLOMBO266", "02COLOMBO2259"]);
        assert_eq!(plain(&cited("(08) SAO PAULO 581", "09", "X")), ["08SAOPAULO581"]);
        assert_eq!(plain(&cited("BAGHDAD #3565", "07", "X")), ["07BAGHDAD3565"]);
        assert_eq!(plain(&cited("KUWAIT (C)02293", "03", "X")), ["03KUWAIT2293"]);
        assert_eq!(plain(&cited("A) USDOC 05667 B)HK05511", "07", "X")), ["07USDOC5667", "07HONGKONG5511"]);
        assert_eq!(plain(&cited("870 ULAANBAATAR", "06", "X")), ["06ULAANBAATAR870"]);
        // A word between the station and its number, but not the first word of a station's name.
        assert_eq!(plain(&cited("TEL AVIV 1086", "07", "X")), ["07TELAVIV1086"]);
        // The year of the cable's date-time group after it, not the citing cable's.
        assert_eq!(
            plain(&cited("A. STATE 12345 DTG 121212Z JAN 08 B. STATE 241702 (DTG 300036Z OCT 74)", "09", "X")),
            ["08STATE12345", "74STATE241702"]
        );
        assert_eq!(plain(&cited("STATE 12345 121212Z JAN 2008", "09", "X")), ["08STATE12345"]);
        assert_eq!(plain(&cited("STATE 12345 DTG 121212Z", "09", "X")), ["09STATE12345"]);
        // The year of a date written after `OF`; a date with no year leaves the citing cable's.
        assert_eq!(
            plain(&cited("A. CAIRO 4000 OF MAY 3, 1974 B. CAIRO 3000 OF 1973 C. STATE 105432 OF MAY 3", "75", "X")),
            ["74CAIRO4000", "73CAIRO3000", "75STATE105432"]
        );
        assert_eq!(plain(&cited("CAIRO 4000 OF 3 MAY 1974", "75", "X")), ["74CAIRO4000"]);
        // After `DATED` too, and a date in figures or with a two-digit year after month and day.
        assert_eq!(
            plain(&cited(
                "A. STATE 12345 DATED FEB 2, 2007 B. PARIS 678 DATED 2/2/07 C. ROME 9 DATED 2 FEB 06",
                "08",
                "X"
            )),
            ["07STATE12345", "07PARIS678", "06ROME9"]
        );
        assert_eq!(plain(&cited("STATE 12345 OF MAY 07", "08", "X")), ["08STATE12345"]);
    }

    /// An item's text leaves out the word that joined it to the next (`(B) ROME 6 AND (C) …`).
    #[test]
    fn an_items_text_leaves_out_the_word_joining_it_to_the_next() {
        let texts: Vec<String> =
            split_items("(A) ROME 5, (B) ROME 6 AND (C) ROME 7").into_iter().map(|i| i.1).collect();
        assert_eq!(texts, ["ROME 5", "ROME 6", "ROME 7"]);
        // Nor the keyword repeated before the next label, the line breaks lost.
        let texts: Vec<String> = split_items("A: BAGHDAD 100 REF B: STATE 12345").into_iter().map(|i| i.1).collect();
        assert_eq!(texts, ["BAGHDAD 100", "STATE 12345"]);
    }

    /// Bullets written `A:` go on as `B:`, `C:` (only after `A:`: `B:` within an item is text).
    #[test]
    fn reads_bullets_written_with_colons() {
        let items = cited("A: STATE 12345 B: PARIS 678 C: 07 ROME 9", "08", "X");
        assert_eq!(
            items,
            [("A", "08STATE12345"), ("B", "08PARIS678"), ("C", "07ROME9")]
                .map(|(l, id)| (Some(l.to_owned()), id.to_owned()))
        );
        assert_eq!(split_items("A. STATE 12345 NOTE B: SEE PARA 2").len(), 1);
    }

    /// A post's own telegrams cited by the word for them (`EMBTEL`, `CONTEL`, `OURTEL`): the
    /// citing cable's post; the Department's `OURTEL` is its own, its `EMBTEL` an addressee's
    /// (unknown here).
    #[test]
    fn reads_a_posts_own_telegrams() {
        assert_eq!(
            plain(&cited("A) DEPTEL 105432 B) EMBTEL 4000 C) OURTEL 12", "75", "CAIRO")),
            ["75STATE105432", "75CAIRO4000", "75CAIRO12"]
        );
        assert_eq!(plain(&cited("CONTEL 345", "76", "BOMBAY")), ["76BOMBAY345"]);
        // The Secretary's travelling party's series, to and from it.
        assert_eq!(plain(&cited("A. SECTO 11026 B. TOSEC 130123", "75", "STATE")), ["75SECTO11026", "75TOSEC130123"]);
        assert_eq!(plain(&cited("A. OURTEL 12 B. EMBTEL 4000", "75", "STATE")), ["75STATE12"]);
    }

    #[test]
    fn reads_labels_written_twice_and_numbers_alone() {
        assert_eq!(
            cited("A. (A) PARIS 7682 AND PREVIOUS", "05", "X"),
            [(Some("A".to_owned()), "05PARIS7682".to_owned())]
        );
        assert_eq!(
            plain(&cited("A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868", "08", "X")),
            ["08STATE54183", "07BRASILIA1868"]
        );
        assert_eq!(
            plain(&cited("A. REF A STATE 122214 B. REF B LONDON 2649", "09", "X")),
            ["09STATE122214", "09LONDON2649"]
        );
        assert_eq!(plain(&cited("REF A) TAIPEI 3393 B) TAIPEI 03793", "05", "X")).len(), 2);
        assert_eq!(plain(&cited("A - KABUL 28", "08", "X")), ["08KABUL28"]);
        // A number alone: a cable of the station before it, or of the citing cable's own.
        assert_eq!(plain(&cited("A. MANILA 2969 B. 2962 AND PREVIOUS", "06", "X")), ["06MANILA2969", "06MANILA2962"]);
        assert_eq!(plain(&cited("A) 6307 B) STATE 285773", "03", "ANKARA")), ["03ANKARA6307", "03STATE285773"]);
    }

    #[test]
    fn splits_pieces_only_into_references() {
        // A cable before the bullets.
        assert_eq!(
            plain(&cited("09 STATE 96625; A. STATE 70789; B. SEOUL 1144", "00", "X")),
            ["09STATE96625", "00STATE70789", "00SEOUL1144"]
        );
        // Semicolons part cables and references of other kinds…
        let kinds: Vec<ReferenceKind> = split_items("08 STATE 1234; E-MAIL FROM POLOFF; 05 STATE 1234")
            .into_iter()
            .flat_map(|(l, t)| references(l, &t, Some("08"), false, (None, None)))
            .map(|r| r.kind)
            .collect();
        assert_eq!(kinds, [ReferenceKind::Cable, ReferenceKind::Email, ReferenceKind::Cable]);
        // …but not a cable and a note about it.
        assert_eq!(split_items("FRANKFURT 002808; NOT FOR INTERNET DISTRIBUTION").len(), 1);
    }

    #[test]
    fn a_block_goes_on_after_a_blank_line_only_to_finish_a_cable() {
        assert!(continues_after_gap("A) BRASILIA 2605, B) BRASILIA 2447, C) RIO", "DE JANEIRO 1291"));
        assert!(continues_after_gap("A) TAIPEI 3393 B)", "TAIPEI 03196 C) TAIPEI 03197"));
        assert!(!continues_after_gap("(A) STATE 203497 (B) STATE 043330 (C) BUCHAREST", "1. (C-ENTIRE TEXT)"));
        assert!(!continues_after_gap("A) BRASILIA 2605", "BRASILIA 2447"));
        assert!(!continues_after_gap("A) TELCON WITH DAS", "Summary: the minister said"));
    }
}
