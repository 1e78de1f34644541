//! REF blocks: `REF: A. MADRID 881 B. MADRID 919`, `REFS: A) 08 RIO DE JAN 138; B) …`,
//! `REF: STATE 32641`, non-cable references (e-mails, telcons, reports).

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
    let b = text.as_bytes();
    let lower = letter.to_ascii_lowercase();
    for i in 0..b.len() {
        // After white space, `;`, `,` or a pasted `¶` (its last byte is 0xB6).
        let at_start = i == 0 || matches!(b[i - 1], b' ' | b';' | b',' | b'\t' | 0xB6);
        if !at_start {
            continue;
        }
        // `A:` only where a block begins (`REF A: STATE 12345`, a line of its own each).
        let (len, ok) = if b[i] == b'(' {
            (3, b.get(i + 1).is_some_and(|&c| c == letter || c == lower) && b.get(i + 2) == Some(&b')'))
        } else {
            let closing = matches!(b.get(i + 1), Some(b'.' | b')')) || i == 0 && b.get(i + 1) == Some(&b':');
            (2, (b[i] == letter || b[i] == lower) && closing)
        };
        // The bullet must be followed by white space or the end: `A.` not `A.B.C.`, `U.S.`;
        // a closing parenthesis may be glued to a capital (`A)STATE 071143`).
        let next = b.get(i + len);
        let glued = ok && b.get(i + len - 1) == Some(&b')') && next.is_some_and(u8::is_ascii_uppercase);
        if ok && (next.is_none_or(u8::is_ascii_whitespace) || glued) {
            return Some((i, len));
        }
    }
    None
}

/// Splits a REF block into items at its sequential bullets (A, B, C…).
pub fn split_items(block: &str) -> Vec<(Option<String>, String)> {
    let block = block.trim();
    let mut items = Vec::new();
    // The first bullet is usually `A.`; a REF block of its own may go on from `D.`.
    let opening =
        (b'A'..=b'Z').find_map(|letter| find_bullet(block, letter).filter(|(i, _)| *i == 0).map(|b| (letter, b)));
    let Some((mut letter, (first, len))) = opening else {
        // No bullets: `TEHRAN 1091: TEHRAN 263: MOSCOW 1603`, `STATE 1234; STATE 5678` are
        // several cables when every piece reads as one.
        let pieces: Vec<&str> = block.split([';', ':']).map(str::trim).filter(|p| !p.is_empty()).collect();
        if pieces.len() > 1 && pieces.iter().all(|p| cable_id(&p.to_ascii_uppercase(), Some("00")).is_some()) {
            return pieces.into_iter().map(|p| (None, collapse_ws(p))).collect();
        }
        let text = block.trim_end_matches([';', ',', '\\']).trim();
        if !text.is_empty() {
            items.push((None, collapse_ws(text)));
        }
        return items;
    };
    let mut start = first + len;
    loop {
        let next = find_bullet(&block[start..], letter + 1).map(|(i, l)| (start + i, l));
        let end = next.map_or(block.len(), |(i, _)| i);
        // `\` at a line's end escaped the break in a CSV export: debris, not text.
        let text = block[start..end].trim().trim_end_matches([';', ',', '¶', '\\']).trim();
        items.push((Some(char::from(letter).to_string()), collapse_ws(text)));
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

/// Classifies one reference and, for a cable, builds its canonical ID.
/// `cable_year` is the two-digit year of the citing cable, used when the reference has none.
/// `year_estimated` says that `cable_year` is only an estimate.
pub fn reference(label: Option<String>, text: String, cable_year: Option<&str>, year_estimated: bool) -> Reference {
    let upper = text.to_ascii_uppercase();
    let kind = if upper.contains("E-MAIL") || upper.contains("EMAIL") || upper.contains('@') {
        ReferenceKind::Email
    } else if upper.contains("TELCON") || upper.contains("TELECON") || upper.contains("PHONE") {
        ReferenceKind::Telcon
    } else if upper.contains("MEMO") {
        ReferenceKind::Memo
    } else if upper.contains("REPORT") || upper.contains("IIR ") || upper.starts_with("TD-") {
        ReferenceKind::Report
    } else {
        ReferenceKind::Other
    };
    let id = if kind == ReferenceKind::Other { cable_id(&upper, cable_year) } else { None };
    let kind = if id.is_some() { ReferenceKind::Cable } else { kind };
    let year_estimated = year_estimated && id.as_ref().is_some_and(|id| !has_own_year(&upper, id));
    Reference { label, text, id, kind, year_estimated }
}

/// Whether the reference writes the year its ID starts with (`09 PRISTINA 509`, `2009 CAIRO 2394`).
fn has_own_year(upper: &str, id: &str) -> bool {
    let first = upper.split_ascii_whitespace().next().unwrap_or("");
    first.len() >= 2 && first.bytes().all(|b| b.is_ascii_digit()) && first.ends_with(&id[..2])
}

/// `09 PRISTINA 509` → `09PRISTINA509`; `MADRID 881` (+ the citing cable's year);
/// `06 TBILISI 0619` → `06TBILISI619`; `2008 STATE 1234` → `08STATE1234`.
fn cable_id(upper: &str, cable_year: Option<&str>) -> Option<String> {
    // An ID written whole: the archive's `1974ATHENS02959`, or `09STATE12345`.
    if let Some(id) = upper.split_whitespace().next().and_then(crate::stations::canonical_id) {
        return Some(id);
    }
    let words: Vec<&str> =
        upper.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    let mut year: Option<String> = None;
    if let Some(first) = words.first() {
        if first.bytes().all(|b| b.is_ascii_digit()) && (first.len() == 2 || first.len() == 4) {
            year = Some(first[first.len() - 2..].to_owned());
            i = 1;
        }
    }
    // Station words, then the serial.
    let station_start = i;
    while i < words.len() && words[i].bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') {
        i += 1;
    }
    if i == station_start || i - station_start > 4 {
        return None;
    }
    // `1261/1263/1264`: several cables of one post; the first is taken.
    let serial = words.get(i)?.trim_end_matches(['.', ')']).split('/').next().unwrap_or("");
    if serial.is_empty() || serial.len() > 7 || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let station = canonical_station(&words[station_start..i].join(" "));
    if !station.known {
        return None;
    }
    let serial = serial.trim_start_matches('0');
    let year = year.or_else(|| cable_year.map(str::to_owned))?;
    (!serial.is_empty()).then(|| format!("{year}{}{serial}", station.canonical))
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
            split_items(block).into_iter().map(|(l, t)| (l, reference(None, t, Some(year), false).id)).collect()
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(ids("(A) PARIS 7682 AND PREVIOUS", "75"), [(some("A"), some("75PARIS7682"))]);
        assert_eq!(
            ids("A)STATE 071143, (B)STATE 073601", "09"),
            [(some("A"), some("09STATE71143")), (some("B"), some("09STATE73601"))]
        );
        assert_eq!(ids("SECSTATE 54183", "74"), [(None, some("74STATE54183"))]);
        assert_eq!(ids("2009 CAIRO 2394", "10"), [(None, some("09CAIRO2394"))]);
        assert_eq!(
            ids("A. MADRID 881 ¶B. MADRID 919", "04"),
            [(some("A"), some("04MADRID881")), (some("B"), some("04MADRID919"))]
        );
        assert_eq!(ids("NEW DELHI 1261/1263/1264", "05"), [(None, some("05NEWDELHI1261"))]);
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
                .map(|t| reference(None, t.into(), Some("09"), false).kind)
                .collect();
        assert_eq!(kinds, [ReferenceKind::Email, ReferenceKind::Telcon, ReferenceKind::Report, ReferenceKind::Memo]);
    }

    #[test]
    fn builds_canonical_ids() {
        let r = reference(None, "09 PRISTINA 509".into(), Some("10"), false);
        assert_eq!((r.id.as_deref(), r.kind), (Some("09PRISTINA509"), ReferenceKind::Cable));
        let r = reference(None, "MADRID 881".into(), Some("04"), false);
        assert_eq!(r.id.as_deref(), Some("04MADRID881"));
        let r = reference(None, "08 RIO DE JAN 138".into(), None, false);
        assert_eq!(r.id.as_deref(), Some("08RIODEJANEIRO138"));
        let r = reference(None, "06 TBILISI 0619".into(), None, false);
        assert_eq!(r.id.as_deref(), Some("06TBILISI619"));
        let r = reference(None, "EMAIL FROM POLOFF 3/4/09".into(), Some("09"), false);
        assert_eq!((r.id, r.kind), (None, ReferenceKind::Email));
        let r = reference(None, "TD-314/014437-09".into(), Some("09"), false);
        assert_eq!(r.kind, ReferenceKind::Report);
    }
}
