//! The caption line (`C O N F I D E N T I A L SECTION 01 OF 03 USUN NEW YORK 000078`),
//! classification banners, and handling captions (`SIPDIS`, `NOFORN`, `SENSITIVE`…).

use crate::lines::starts_with_ci;
use crate::model::{Classification, SectionOf};

/// What a caption or banner line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaptionLine<'a> {
    pub classification: Option<Classification>,
    /// The classification word had lost letters (`E C R E T`) and was repaired.
    pub repaired: bool,
    pub handling: Vec<&'static str>,
    pub section_of: Option<SectionOf>,
    /// The post as written (`USUN NEW YORK`).
    pub station: Option<&'a str>,
    /// The telegram number as written (`000078`).
    pub serial: Option<&'a str>,
    /// A year written before the post (`C O N F I D E N T I A L 75 LIBREVILLE 1895`).
    pub year: Option<u16>,
    /// Text after the caption, separated by two or more spaces: what remains of
    /// a caption block whose line breaks were lost (`… 000228  SIPDIS  E.O. 12958: …`).
    pub rest: Option<&'a str>,
    /// Words that none of the above explains, before the serial.
    pub leftover: Vec<&'a str>,
    /// Words after the serial that none of the above explains (`TOSEC 050123`, `CHEROKEE`).
    pub trailing: Vec<&'a str>,
    /// A release marking as written (`REL TO USA, AUS, CAN, GBR, NZL`, `REL NATO`).
    pub release: Option<&'a str>,
    /// Control markings the vocabulary does not know, set apart by `//` in the marking before
    /// the post (`SI` in `SECRET//SI//NOFORN`, a compartment's; `X1` in `CONFIDENTIAL//X1 ROME`;
    /// `TK` in `SECRET//TK ROME`, when `TK ROME` names no post and `ROME` does).
    pub controls: Vec<&'a str>,
}

impl CaptionLine<'_> {
    /// A banner carries only the classification and handling: no station, no serial.
    pub fn is_banner(&self) -> bool {
        self.station.is_none() && self.serial.is_none() && self.leftover.is_empty() && self.rest.is_none()
    }

    /// Every word read: nothing left over before the serial or after it.
    pub fn is_whole(&self) -> bool {
        self.leftover.is_empty() && self.trailing.is_empty()
    }
}

/// Words with their byte offsets into the line. `//` separates words too
/// (`SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`).
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(12);
    for word in line.split_ascii_whitespace() {
        let mut offset = word.as_ptr() as usize - line.as_ptr() as usize;
        if !word.contains('/') {
            out.push((offset, word));
            continue;
        }
        // One slash after the classification too (`SECRET/NOFORN`), where a caption follows it.
        if let Some((class, caveat)) = word.split_once('/').filter(|(_, c)| !c.starts_with('/')) {
            let class_word =
                ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"].iter().any(|k| class.eq_ignore_ascii_case(k));
            if class_word && (handling_alone(caveat).is_some() || caveat.eq_ignore_ascii_case("REL")) {
                out.push((offset, class));
                // Each caveat a word (`SECRET/NOFORN/EXDIS`).
                let mut at = offset + class.len() + 1;
                for part in caveat.split('/') {
                    if !part.is_empty() {
                        out.push((at, part));
                    }
                    at += part.len() + 1;
                }
                continue;
            }
        }
        for part in word.split("//") {
            if !part.is_empty() {
                out.push((offset, part));
            }
            offset += part.len() + 2;
        }
    }
    out
}

/// Reads a caption line or banner. `None` when the line does not start with a classification.
pub fn parse_caption_line(line: &str) -> Option<CaptionLine<'_>> {
    // Most lines are body text: reject them on their first word before tokenising.
    let first = line.split_ascii_whitespace().next()?;
    let b = first.as_bytes();
    let starts = if first.len() == 1 || (first.len() == 2 && b[0] == b[1]) {
        b[0].is_ascii_alphabetic()
    } else {
        ["UNCLAS", "CONFIDENTIAL", "SECRET", "TOP", "LIMITED", "SENSITIVE"].iter().any(|k| starts_with_ci(first, k))
    };
    if !starts {
        return None;
    }
    let words = words(line);
    let mut i = 0;
    let mut caption = CaptionLine::default();
    // The classification word: spaced letters (`S E C R E T`) or plain words.
    // A stuttered first letter (`SS E C R E T`) counts as one.
    let stutter = usize::from(words.first().is_some_and(|(_, w)| {
        let b = w.as_bytes();
        b.len() == 2 && b[0].eq_ignore_ascii_case(&b[1]) && b[0].is_ascii_alphabetic()
    }));
    let spaced_end = stutter
        + words[stutter..].iter().take_while(|(_, w)| w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic()).count();
    if spaced_end >= 4 {
        let mut glued: String = words[..spaced_end].iter().map(|(_, w)| *w).collect();
        glued.make_ascii_uppercase();
        if stutter == 1 {
            glued.remove(0);
        }
        let (class, repaired) = spaced_classification(&glued)?;
        // Letters after the classification are a spaced caption (`UNCLAS E F T O`): give them back.
        let extra = glued.len() - class.1;
        let (class, repaired) = (class.0, repaired);
        caption.classification = Some(class);
        caption.repaired = repaired;
        i = spaced_end - extra;
    } else {
        // `words` has already split `SECRET//NOFORN`: the caveats follow as words of their own.
        let head = words.first()?.1.to_ascii_uppercase();
        // `SENSITIVE BUT UNCLASSIFIED PARIS 001234`: unclassified, and its handling the caption's
        // first words. Only with the post and serial after it: alone, the line is a handling
        // line (`handling_line`).
        if head == "SENSITIVE" && handling_phrase(&words).is_some_and(|(h, used)| h == "SBU" && used == 3) {
            caption.classification = Some(Classification::Unclassified);
            read_after_classification(line, &words, 0, &mut caption);
            return caption.serial.is_some().then_some(caption);
        }
        let class = match head.as_str() {
            "UNCLAS" | "UNCLASSIFIED" => Classification::Unclassified,
            "CONFIDENTIAL" => Classification::Confidential,
            "SECRET" => Classification::Secret,
            "TOP" if words.get(1).is_some_and(|(_, w)| w.eq_ignore_ascii_case("SECRET")) => {
                i = 1;
                Classification::TopSecret
            }
            "LIMITED"
                if words.get(1).is_some_and(|(_, w)| w.eq_ignore_ascii_case("OFFICIAL"))
                    && words.get(2).is_some_and(|(_, w)| w.eq_ignore_ascii_case("USE")) =>
            {
                i = 2;
                Classification::LimitedOfficialUse
            }
            _ => return None,
        };
        caption.classification = Some(class);
        i += 1;
    }
    read_after_classification(line, &words, i, &mut caption);
    Some(caption)
}

/// A section marker at the start of `words`, and how many words it takes: `SECTION 01 OF 02`,
/// `(SECTION 1 OF 2)`, and when `bare` allows, `01 OF 02`.
fn section_of_at(words: &[(usize, &str)], bare: bool) -> Option<(SectionOf, usize)> {
    let first = words.first()?.1;
    let keyword = first.eq_ignore_ascii_case("SECTION") || first.eq_ignore_ascii_case("(SECTION");
    let from = usize::from(keyword);
    if !(keyword || bare && is_number(first)) {
        return None;
    }
    let (n, of, m) = (words.get(from)?.1, words.get(from + 1)?.1, words.get(from + 2)?.1);
    let m = if first.starts_with('(') { m.strip_suffix(')')? } else { m };
    if !of.eq_ignore_ascii_case("OF") {
        return None;
    }
    Some((SectionOf { section: n.parse().ok()?, total: m.parse().ok()? }, from + 3))
}

/// After the classification, in any order: handling words, `SECTION nn OF mm`, a year,
/// station words and the serial.
fn read_after_classification<'a>(
    line: &'a str,
    words: &[(usize, &'a str)],
    mut i: usize,
    caption: &mut CaptionLine<'a>,
) {
    let mut station_start: Option<usize> = None;
    let mut station_end = 0;
    while i < words.len() {
        let (offset, word) = words[i];
        // Two or more spaces after the serial: the rest is another caption field.
        if caption.serial.is_some() && line[..offset].ends_with("  ") {
            caption.rest = Some(line[offset..].trim());
            break;
        }
        // `SECTION 01 OF 02`, `(SECTION 1 OF 2)`, or `01 OF 02` with the word left out.
        let bare = station_start.is_none() && caption.section_of.is_none();
        if let Some((section_of, used)) = section_of_at(&words[i..], bare) {
            caption.section_of = Some(section_of);
            i += used;
            continue;
        }
        if station_start.is_none() && caption.release.is_none() && word.eq_ignore_ascii_case("REL") {
            if let Some((end, used)) = release_marking(&words[i..]) {
                caption.release = Some(line[offset..end].trim_end_matches(','));
                i += used;
                continue;
            }
        }
        if let Some((h, used)) = handling_phrase(&words[i..]).or_else(|| spaced_handling(&words[i..])) {
            push_unique(&mut caption.handling, h);
            i += used;
            continue;
        }
        // A marking glued by `//` that names no post (`glued_marking`), or a slash or dash set
        // apart from the words it parts (`CONFIDENTIAL / NOFORN`, `C O N F I D E N T I A L - NOFORN`).
        let separator = matches!(word, "/" | "-" | "--");
        if station_start.is_none() && (separator || glued_marking(line, offset, word)) {
            if !separator {
                caption.controls.push(word);
            }
            i += 1;
            continue;
        }
        // A precedence typed before the post (`CONFIDENTIAL PRIORITY BAGHDAD 000123`): no part of it.
        let precedence = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"].iter().any(|p| p.eq_ignore_ascii_case(word));
        if station_start.is_none() && precedence {
            i += 1;
            continue;
        }
        if caption.serial.is_none() && is_number(word) && station_start.is_some() {
            caption.serial = Some(word);
            let start = station_start.unwrap_or(0);
            caption.station = Some(line[start..station_end].trim());
            i += 1;
            continue;
        }
        // A two-digit year before the post (`75 LIBREVILLE 1895`).
        let before_post = words.get(i + 1).is_some_and(|(_, w)| w.bytes().all(|b| b.is_ascii_alphabetic()));
        if station_start.is_none() && caption.year.is_none() && word.len() == 2 && is_number(word) && before_post {
            caption.year = super::dtg::expand_year(word);
            i += 1;
            continue;
        }
        if caption.serial.is_none()
            && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'' || b == b'.')
        {
            // The post's office glued on or before its name: `AMEMBASSY HANOI`, `EMBASSYVIENNA`.
            if station_start.is_none() {
                if let Some(rest) = crate::vocab::strip_office(word) {
                    if !rest.is_empty() {
                        station_start = Some(offset + word.len() - rest.len());
                        station_end = offset + word.len();
                    }
                    i += 1;
                    continue;
                }
            }
            station_start.get_or_insert(offset);
            station_end = offset + word.len();
            i += 1;
            continue;
        }
        if caption.serial.is_some() {
            caption.trailing.push(word);
        } else {
            caption.leftover.push(word);
        }
        i += 1;
    }
    if caption.serial.is_none() {
        if let Some(start) = station_start {
            // Station-like words with no serial: not a caption we understand.
            caption.leftover.insert(0, line[start..station_end].trim());
        }
    }
    if let Some(start) = station_start {
        control_before_post(line, start, caption);
    }
}

/// A marking glued by `//` before the post (`SECRET//TK ROME 000520`), read as the post's
/// first word: the post is the words after it, when they name one and the whole does not.
fn control_before_post<'a>(line: &'a str, station_start: usize, caption: &mut CaptionLine<'a>) {
    let Some(station) = caption.station.filter(|_| line[..station_start].ends_with("//")) else { return };
    let Some((first, rest)) = station.split_once(' ').filter(|(first, _)| marking_word(first)) else { return };
    let known = |s: &str| crate::stations::canonical_station(s).known;
    if !known(station) && known(rest.trim_start()) {
        caption.controls.push(first);
        caption.station = Some(rest.trim_start());
    }
}

/// A marking between two `//` (`SECRET//SI//NOFORN`), or with a digit after one
/// (`CONFIDENTIAL//X1 ROME`): whatever it is, no post's name.
fn glued_marking(line: &str, offset: usize, word: &str) -> bool {
    line[..offset].ends_with("//")
        && (line[offset + word.len()..].starts_with("//") || word.bytes().any(|b| b.is_ascii_digit()))
        && marking_word(word)
}

/// A word a control marking may be (`SI`, `TK`, `X1`, `SI-G`).
fn marking_word(word: &str) -> bool {
    // Not a date (`SECRET//NOFORN//20320115`, a banner's declassification date): a letter.
    word.len() <= 12
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A release marking at the start of `words` (`REL`, then `TO` or not, then the countries and
/// organisations by their codes, a comma after each but the last: `REL TO USA, AUS, NZL`,
/// `REL NATO`): where it ends in the line and how many words it used.
fn release_marking(words: &[(usize, &str)]) -> Option<(usize, usize)> {
    let code = |c: &str| (2..=5).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase());
    let mut used = 1 + usize::from(words.get(1).is_some_and(|(_, w)| w.eq_ignore_ascii_case("TO")));
    let mut end = None;
    while let Some(&(offset, word)) = words.get(used) {
        let codes = word.trim_end_matches(',');
        if !codes.split(',').all(code) {
            break;
        }
        used += 1;
        end = Some(offset + word.len());
        if !word.ends_with(',') {
            break;
        }
    }
    Some((end?, used))
}

/// A glued classification word, repairing a lost first or last letter
/// (`ECRET`, `ONFIDENTIAL`: seen in 07SANAA473, where the page lost the `S`).
fn classification_word(glued: &str) -> Option<(Classification, bool)> {
    Some(match glued {
        "CONFIDENTIAL" => (Classification::Confidential, false),
        "SECRET" => (Classification::Secret, false),
        "TOPSECRET" => (Classification::TopSecret, false),
        "UNCLASSIFIED" | "UNCLAS" => (Classification::Unclassified, false),
        // Spaced letter by letter, its three words run together (`L I M I T E D  O F F I C I A L  U S E`).
        "LIMITEDOFFICIALUSE" => (Classification::LimitedOfficialUse, false),
        "ONFIDENTIAL" | "CONFIDENTIA" => (Classification::Confidential, true),
        "ECRET" | "SECRE" => (Classification::Secret, true),
        _ => return None,
    })
}

/// The classification at the start of spaced letters, with how many letters it used: the
/// letters may run on into a spaced caption (`U N C L A S E F T O` is rare, but
/// `C O N F I D E N T I A L E X D I S` is seen).
fn spaced_classification(glued: &str) -> Option<((Classification, usize), bool)> {
    if let Some((class, repaired)) = classification_word(glued) {
        return Some(((class, glued.len()), repaired));
    }
    ["CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "TOPSECRET", "LIMITEDOFFICIALUSE"].iter().find_map(|word| {
        let rest = glued.strip_prefix(word)?;
        handling_word(rest)?;
        classification_word(word).map(|(class, repaired)| ((class, word.len()), repaired))
    })
}

/// A handling caption spelled out letter by letter inside a caption (`E F T O`, `N O F O R N`).
fn spaced_handling(words: &[(usize, &str)]) -> Option<(&'static str, usize)> {
    let letters = words.iter().take_while(|(_, w)| w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic()).count();
    (2..=letters).rev().find_map(|n| {
        let glued: String = words[..n].iter().map(|(_, w)| *w).collect();
        (glued.len() >= 4).then(|| handling_word(&glued)).flatten().map(|h| (h, n))
    })
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// A handling caption in canonical form.
pub fn handling_word(word: &str) -> Option<&'static str> {
    // Trimmed to its letters and digits, by bytes (it runs on the first word of every line).
    let bytes = word.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_alphanumeric)?;
    let end = bytes.iter().rposition(u8::is_ascii_alphanumeric)? + 1;
    crate::vocab::handling(&word[start..end])
}

/// The first word of `line` (as `split_ascii_whitespace` gives it) and what follows it.
fn first_word(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_ascii_start();
    let end = line.bytes().position(|b| b.is_ascii_whitespace()).unwrap_or(line.len());
    (end > 0).then(|| line.split_at(end))
}

/// The handling caption `word` is on its own: the word, or the first of its `/`-separated parts
/// that is one. Asked of the first word of every line, without tokenising it.
fn handling_alone(word: &str) -> Option<&'static str> {
    if word.as_bytes().contains(&b'/') { word.split('/').find_map(handling_word) } else { handling_word(word) }
}

/// A handling caption of one or more words at the start of `words`, with how many words it used.
fn handling_phrase(words: &[(usize, &str)]) -> Option<(&'static str, usize)> {
    let is = |k: usize, expected: &str| {
        words.get(k).is_some_and(|(_, w)| w.trim_end_matches([',', '.', ';']).eq_ignore_ascii_case(expected))
    };
    let phrase = |ws: &[&str]| ws.iter().enumerate().all(|(k, w)| is(k, w));
    if phrase(&["SENSITIVE", "BUT", "UNCLASSIFIED"]) {
        return Some(("SBU", 3));
    }
    if phrase(&["FOR", "OFFICIAL", "USE", "ONLY"]) {
        return Some(("FOUO", 4));
    }
    let (_, word) = words.first()?;
    handling_alone(word).map(|h| (h, 1))
}

/// How many words the handling caption at the start of `text` takes (`NODIS` one,
/// `SENSITIVE BUT UNCLASSIFIED` three), if one stands there.
pub fn handling_phrase_words(text: &str) -> Option<usize> {
    handling_phrase(&words(text)).map(|(_, used)| used)
}

/// A line made only of handling captions (`SIPDIS`, `SIPDIS SIPDIS`, `NOFORN`,
/// `SENSITIVE`, `E X D I S`, `SENSITIVE BUT UNCLASSIFIED`), in order, deduplicated.
pub fn handling_line(line: &str) -> Option<Vec<&'static str>> {
    let (first, after) = first_word(line)?;
    // Only a line whose first word `handling_phrase` could begin with is worth tokenising (most
    // lines are prose): spaced letters (`E X D I S`, not `A senior…`), a caption on its own
    // (`SENSITIVE` and `/` words included), or `FOR` of FOR OFFICIAL USE ONLY.
    let plausible = first.len() == 1 && first_word(after).is_none_or(|(second, _)| second.len() == 1)
        || first.len() <= 40
            && (handling_alone(first).is_some()
                || first.as_bytes()[0].eq_ignore_ascii_case(&b'F')
                    && first.trim_end_matches([',', '.', ';']).eq_ignore_ascii_case("FOR"));
    if !plausible {
        return None;
    }
    let words = words(line);
    if words.is_empty() {
        return None;
    }
    // Spaced captions (`E X D I S`, `N O F O R N`) read as one word.
    if words.len() >= 4 && words.iter().all(|(_, w)| w.len() == 1) {
        let glued: String = words.iter().map(|(_, w)| *w).collect();
        return handling_word(&glued).map(|h| vec![h]);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((h, used)) = handling_phrase(&words[i..]) else {
            // A run-on note after a caption and a comma (`NOFORN, NOT FOR INTERNET
            // DISTRIBUTION`): a few words in capitals, no sentence.
            let after_comma = i > 0 && words[i - 1].1.ends_with(',');
            let rest = &words[i..];
            let note = rest.len() <= 8 && rest.iter().all(|(_, w)| !w.bytes().any(|b| b.is_ascii_lowercase()));
            return (after_comma && note && !out.is_empty()).then_some(out);
        };
        push_unique(&mut out, h);
        i += used;
    }
    Some(out)
}

pub fn push_unique(list: &mut Vec<&'static str>, item: &'static str) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample_caption() {
        let c = parse_caption_line("C O N F I D E N T I A L USUN NEW YORK 000078").unwrap();
        assert_eq!(c.classification, Some(Classification::Confidential));
        assert_eq!(c.station, Some("USUN NEW YORK"));
        assert_eq!(c.serial, Some("000078"));
        assert!(c.leftover.is_empty() && !c.is_banner());
    }

    #[test]
    fn reads_sections_handling_and_lower_case() {
        let c = parse_caption_line("C o n f i d e n t i a l section 01 of 04 ankara 000348").unwrap();
        assert_eq!(c.section_of, Some(SectionOf { section: 1, total: 4 }));
        assert_eq!(c.station, Some("ankara"));
        let c = parse_caption_line("S E C R E T NOFORN SECTION 01 OF 02 RIO DE JANEIRO 001238 EXDIS").unwrap();
        assert_eq!(c.handling, ["NOFORN", "EXDIS"]);
        assert_eq!(c.station, Some("RIO DE JANEIRO"));
        let c = parse_caption_line("UNCLASSIFIED//FOR OFFICIAL USE ONLY").unwrap();
        assert!(c.is_banner());
        let c = parse_caption_line("SECRET//NOFORN").unwrap();
        assert_eq!(c.handling, ["NOFORN"]);
        let c = parse_caption_line("LIMITED OFFICIAL USE STATE 012345").unwrap();
        assert_eq!(c.classification, Some(Classification::LimitedOfficialUse));
    }

    #[test]
    fn repairs_a_lost_letter_and_splits_glued_fields() {
        let c = parse_caption_line("E C R E T SANAA 000473").unwrap();
        assert_eq!((c.classification, c.repaired), (Some(Classification::Secret), true));
        let c = parse_caption_line(
            "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000228  SIPDIS  E.O. 12958: DECL: 01/28/2020",
        )
        .unwrap();
        assert_eq!(c.serial, Some("000228"));
        assert_eq!(c.rest, Some("SIPDIS  E.O. 12958: DECL: 01/28/2020"));
    }

    #[test]
    fn reads_caption_variants_seen_in_the_wild() {
        use Classification::{Confidential, Secret, Unclassified};
        let read = |line| {
            let c = parse_caption_line(line).unwrap();
            (c.classification, c.handling.clone(), c.section_of.map(|s| (s.section, s.total)), c.station, c.serial)
        };
        assert_eq!(
            read("UNCLAS E F T O KABUL 000668"),
            (Some(Unclassified), vec!["EFTO"], None, Some("KABUL"), Some("000668"))
        );
        assert_eq!(
            read("SS E C R E T PESHAWAR 000041"),
            (Some(Secret), vec![], None, Some("PESHAWAR"), Some("000041"))
        );
        assert_eq!(
            read("UNCLAS AMEMBASSY HANOI 001284"),
            (Some(Unclassified), vec![], None, Some("HANOI"), Some("001284"))
        );
        assert_eq!(
            read("UNCLAS EMBASSYVIENNA 000012"),
            (Some(Unclassified), vec![], None, Some("VIENNA"), Some("000012"))
        );
        assert_eq!(
            read("S E C R E T 01 OF 02 RPO DUBAI 000288"),
            (Some(Secret), vec![], Some((1, 2)), Some("RPO DUBAI"), Some("000288"))
        );
        assert_eq!(
            read("UNCLAS E F T O SECTION 01 OF 02 NEW DELHI 000074"),
            (Some(Unclassified), vec!["EFTO"], Some((1, 2)), Some("NEW DELHI"), Some("000074"))
        );
        let c = parse_caption_line("L I M I T E D  O F F I C I A L  U S E  CAIRO 4670").unwrap();
        assert_eq!((c.classification, c.serial), (Some(Classification::LimitedOfficialUse), Some("4670")));
        let c = parse_caption_line("C O N F I D E N T I A L 75 LIBREVILLE 1895").unwrap();
        assert_eq!(
            (c.classification, c.year, c.station, c.serial),
            (Some(Confidential), Some(1975), Some("LIBREVILLE"), Some("1895"))
        );
        assert!(c.leftover.is_empty());
        // Sensitive but unclassified in the caption's place: only with the post and serial.
        assert_eq!(
            read("SENSITIVE BUT UNCLASSIFIED SECTION 01 OF 02 STATE 012345"),
            (Some(Unclassified), vec!["SBU"], Some((1, 2)), Some("STATE"), Some("012345"))
        );
        assert!(parse_caption_line("SENSITIVE BUT UNCLASSIFIED").is_none());
        assert!(parse_caption_line("Sensitive but unclassified material was found").is_none());
        // A precedence typed before the post is no part of its name.
        assert_eq!(
            read("CONFIDENTIAL PRIORITY BAGHDAD 000123"),
            (Some(Confidential), vec![], None, Some("BAGHDAD"), Some("000123"))
        );
        assert_eq!(
            read("SECRET NIACT IMMEDIATE STATE 1234"),
            (Some(Secret), vec!["NIACT"], None, Some("STATE"), Some("1234"))
        );
    }

    #[test]
    fn reads_run_on_handling_lines() {
        assert_eq!(handling_line("NOFORN, NOT FOR INTERNET DISTRIBUTION"), Some(vec!["NOFORN"]));
        assert_eq!(handling_line("SENSITIVE BUT UNCLASSIFIED, PLEASE PROTECT ACCORDINGLY"), Some(vec!["SBU"]));
        assert_eq!(handling_line("NOFORN, the minister said that he would not"), None);
    }

    #[test]
    fn body_text_is_not_a_caption() {
        assert!(parse_caption_line("Secretly, the minister said").is_none());
        let c = parse_caption_line("Secret police arrested 12 people").unwrap();
        assert!(!c.is_whole());
    }

    /// Control markings the vocabulary does not know, set apart by `//`: a compartment's
    /// (`SI`, `TK`), `X1`; and a slash set apart by spaces. The post stays the post.
    #[test]
    fn reads_control_markings_set_apart_by_slashes() {
        let c = parse_caption_line("SECRET//SI//NOFORN KABUL 001234").unwrap();
        assert_eq!(
            (c.controls, c.handling, c.station, c.serial),
            (vec!["SI"], vec!["NOFORN"], Some("KABUL"), Some("001234"))
        );
        let c = parse_caption_line("CONFIDENTIAL//X1 ROME 000520").unwrap();
        assert_eq!((c.controls, c.station), (vec!["X1"], Some("ROME")));
        let c = parse_caption_line("SECRET//TK USUN NEW YORK 000078").unwrap();
        assert_eq!((c.controls, c.station), (vec!["TK"], Some("USUN NEW YORK")));
        assert!(parse_caption_line("TOP SECRET//SI//TK//NOFORN").unwrap().is_banner());
        let c = parse_caption_line("CONFIDENTIAL / NOFORN ROME 000520").unwrap();
        assert_eq!((c.handling, c.station), (vec!["NOFORN"], Some("ROME")));
        // The section in parentheses.
        let c = parse_caption_line("CONFIDENTIAL (SECTION 1 OF 2) ROME 000520").unwrap();
        assert_eq!((c.section_of.map(|s| (s.section, s.total)), c.station), (Some((1, 2)), Some("ROME")));
        // A dash so set apart (it was read as the post's first word: `- NOFORN SECTION 01 OF 02 ROME`).
        let c = parse_caption_line("C O N F I D E N T I A L - NOFORN SECTION 01 OF 02 ROME 000520").unwrap();
        assert_eq!((c.handling, c.station, c.serial), (vec!["NOFORN"], Some("ROME"), Some("000520")));
        // A post glued by `//` is the post, and a known one keeps its first word.
        let c = parse_caption_line("SECRET//NOFORN//ROME 000520").unwrap();
        assert_eq!((c.controls.len(), c.station), (0, Some("ROME")));
        let c = parse_caption_line("SECRET//USUN NEW YORK 000078").unwrap();
        assert_eq!((c.controls.len(), c.station), (0, Some("USUN NEW YORK")));
    }

    #[test]
    fn reads_release_markings() {
        let c = parse_caption_line("SECRET//REL TO USA, AUS, CAN, GBR, NZL KABUL 001234").unwrap();
        assert_eq!(
            (c.release, c.station, c.serial),
            (Some("REL TO USA, AUS, CAN, GBR, NZL"), Some("KABUL"), Some("001234"))
        );
        let c = parse_caption_line("SECRET/REL NATO KABUL 001234").unwrap();
        assert_eq!((c.release, c.station), (Some("REL NATO"), Some("KABUL")));
        let c = parse_caption_line("C O N F I D E N T I A L REL TO USA,ISAF KABUL 001234").unwrap();
        assert_eq!((c.release, c.station), (Some("REL TO USA,ISAF"), Some("KABUL")));
        // A post's name is no release marking's code: `REL` alone reads nothing.
        assert!(parse_caption_line("SECRET REL Kabul 001234").unwrap().release.is_none());
    }

    #[test]
    fn keeps_the_words_after_the_serial_apart() {
        let c = parse_caption_line("SECRET STATE 123456 TOSEC 050123").unwrap();
        assert_eq!((c.station, c.serial, c.leftover.len()), (Some("STATE"), Some("123456"), 0));
        assert_eq!(c.trailing, ["TOSEC", "050123"]);
        let c = parse_caption_line("C O N F I D E N T I A L STATE 123456 EXDIS").unwrap();
        assert!(c.is_whole() && c.handling == ["EXDIS"]);
    }

    #[test]
    fn reads_handling_lines() {
        assert_eq!(handling_line("SIPDIS SIPDIS"), Some(vec!["SIPDIS"]));
        assert_eq!(handling_line("SENSITIVE BUT UNCLASSIFIED"), Some(vec!["SBU"]));
        assert_eq!(handling_line("E X D I S"), Some(vec!["EXDIS"]));
        assert_eq!(handling_line("DEPT FOR EUR"), None);
    }

    #[test]
    fn reads_a_single_slash_and_spaced_unclas() {
        let c = parse_caption_line("SECRET/NOFORN BAGHDAD 001234").unwrap();
        assert_eq!(
            (c.classification, c.station, c.serial),
            (Some(Classification::Secret), Some("BAGHDAD"), Some("001234"))
        );
        assert_eq!(c.handling, ["NOFORN"]);
        // Each caveat after it, not the first alone.
        let c = parse_caption_line("SECRET/NOFORN/EXDIS BAGHDAD 001234").unwrap();
        assert_eq!((c.handling.as_slice(), c.serial), (["NOFORN", "EXDIS"].as_slice(), Some("001234")));
        let c = parse_caption_line("U N C L A S SECTION 01 OF 02 LIMA 000123").unwrap();
        assert_eq!((c.classification, c.serial), (Some(Classification::Unclassified), Some("000123")));
        // A slash before a word that is no caption keeps the word whole: no caption line.
        assert!(parse_caption_line("SECRET/ODD BAGHDAD 001234").is_none());
    }
}
