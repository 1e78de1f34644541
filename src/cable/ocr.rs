//! Letters a scan's text read as digits: the text layer of a scanned print-out (a FOIA release's
//! PDF, an archive's scan) often gives `0` for `O` and `1` for `I` or `L`, and the words the
//! parser keys on are just the ones it spells so: `C0NFIDENTIAL`, `C 0 N F I D E N T I A L`,
//! `N0F0RN`, `UNCLASS1FIED`, `E.0. 12958`, `SECTION 01 0F 03`. Such a word is read as the word it
//! stands for, a digit for a letter, so the text keeps its length and every span its place.
//! Nothing else is touched: a digit beside a letter in any other word (`F16`, `G8`, `030252Z`)
//! stays.

/// The caption's words whose letters a scan may read as digits: the classifications (glued, as
/// spaced letters give them), the handling captions and the words of `LIMITED OFFICIAL USE`.
const WORDS: [&str; 16] = [
    "UNCLASSIFIED",
    "UNCLAS",
    "CONFIDENTIAL",
    "TOPSECRET",
    "LIMITED",
    "OFFICIAL",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SIPDIS",
    "ORCON",
    "NOCONTRACT",
    "PROPIN",
    "SENSITIVE",
];

/// How far into a text the caption's words are looked for (the envelope's addressees before it
/// may run to a hundred lines).
const WITHIN: usize = 8192;

/// Whether the digit `d` is what a scan reads for `letter`.
fn stands_for(d: u8, letter: u8) -> bool {
    matches!((d, letter), (b'0', b'O') | (b'1', b'I' | b'L'))
}

/// Whether `written` spells `word` (upper case) with a digit or more for its letters.
fn spells(written: &[u8], word: &[u8]) -> bool {
    written.len() == word.len()
        && written.iter().any(u8::is_ascii_digit)
        && written.iter().zip(word).all(|(&w, &l)| w.to_ascii_uppercase() == l || stands_for(w, l))
}

/// `text` with the caption words a scan spelled with digits ([`WORDS`], `E.0.` before an order's
/// number, `0F` between numbers) in its first 8 KB spelled with their letters again; `None` when
/// it has none (nearly every text: each `0` and `1` is let go on its neighbours).
pub fn digits_for_letters(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut fixed: Option<Vec<u8>> = None;
    // Where the last word or run looked at ends: a word with two digits is looked at once.
    let mut done = 0;
    // The caption is in the text's head: a body's numbers are not looked at.
    for at in memchr::memchr2_iter(b'0', b'1', &b[..b.len().min(WITHIN)]) {
        if at < done {
            continue;
        }
        let alpha = |k: Option<usize>| k.and_then(|k| b.get(k)).is_some_and(u8::is_ascii_alphabetic);
        let (before, after) = (at.checked_sub(1), at + 1);
        let found = if alpha(before) || alpha(Some(after)) {
            glued_word(b, at)
        } else if b[after..].starts_with(b" ") && alpha(Some(after + 1)) && before.is_none_or(|k| b[k] == b' ') {
            spaced_word(b, at)
        } else if b[at] == b'0' && order_keyword(b, at) {
            Some((at, at + 1, b"O".as_slice()))
        } else {
            None
        };
        let Some((start, end, word)) = found else { continue };
        done = end;
        // The word's letters, in order, where its written letters and digits stand (a spaced
        // word's spaces stay).
        let out = fixed.get_or_insert_with(|| b.to_vec());
        let places = out[start..end].iter_mut().filter(|c| **c != b' ');
        for (c, &letter) in places.zip(word) {
            if c.is_ascii_digit() {
                *c = letter;
            }
        }
    }
    // Only ASCII digits became ASCII letters: still UTF-8.
    fixed.map(|bytes| String::from_utf8(bytes).unwrap_or_default())
}

/// The word of letters and digits around `at`, when it is one of [`WORDS`] spelled with digits
/// (or `0F` between numbers): where it is written, and the word.
fn glued_word(b: &[u8], at: usize) -> Option<(usize, usize, &'static [u8])> {
    let start = b[..at].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |k| k + 1);
    let end = b[at..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |k| at + k);
    let written = &b[start..end];
    let word = WORDS.iter().map(|w| w.as_bytes()).find(|w| spells(written, w));
    let word = word.or_else(|| of_between_numbers(b, start, end).then_some(b"OF".as_slice()))?;
    Some((start, end, word))
}

/// Whether `b[start..end]` is `0F` between two numbers (`SECTION 01 0F 03`, `PAGE 2 0F 5`).
fn of_between_numbers(b: &[u8], start: usize, end: usize) -> bool {
    let number_before = b[..start].strip_suffix(b" ").and_then(|r| r.last()).is_some_and(u8::is_ascii_digit);
    let number_after = b[end..].strip_prefix(b" ").and_then(|r| r.first()).is_some_and(u8::is_ascii_digit);
    b[start..end].eq_ignore_ascii_case(b"0F") && number_before && number_after
}

/// The run of single letters and digits, each after one space, that `at` stands in (`C 0 N F I
/// D E N T I A L`), when the run (or its start, a spaced caption may follow: `… A L E X D I S`)
/// is one of [`WORDS`] spelled with digits: where it is written (ending after its last letter),
/// and the word.
fn spaced_word(b: &[u8], at: usize) -> Option<(usize, usize, &'static [u8])> {
    let single = |k: usize| {
        b.get(k).is_some_and(u8::is_ascii_alphanumeric)
            && k.checked_sub(1).is_none_or(|p| b[p] == b' ' || b[p] == b'\n')
            && b.get(k + 1).is_none_or(|n| *n == b' ' || *n == b'\r' || *n == b'\n')
    };
    let mut start = at;
    while start >= 2 && b[start - 1] == b' ' && single(start - 2) {
        start -= 2;
    }
    let mut places = vec![start];
    while let Some(&last) = places.last() {
        if b.get(last + 1) == Some(&b' ') && single(last + 2) {
            places.push(last + 2);
        } else {
            break;
        }
    }
    let letters: Vec<u8> = places.iter().map(|&k| b[k]).collect();
    (4..=letters.len()).rev().find_map(|n| {
        let word = WORDS.iter().map(|w| w.as_bytes()).find(|w| spells(&letters[..n], w))?;
        places[..n].contains(&at).then(|| (start, places[n - 1] + 1, word))
    })
}

/// Whether the `0` at `at` is the `O` of `E.O.` (`E.0.`, `E. 0.`, `E.0 `) before an order's
/// number.
fn order_keyword(b: &[u8], at: usize) -> bool {
    let before = &b[..at];
    let e = before.len()
        - if before.ends_with(b"E.") {
            2
        } else if before.ends_with(b"E. ") {
            3
        } else {
            return false;
        };
    // `E` a word of its own (not `THE.0`).
    let keyword = e.checked_sub(1).is_none_or(|k| !b[k].is_ascii_alphanumeric());
    let rest = &b[at + 1..];
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    keyword && rest.len() >= 5 && rest[..5].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_caption_words_a_scan_spelled_with_digits() {
        let read = |t: &str| digits_for_letters(t);
        assert_eq!(read("C0NFIDENTIAL MADRID 000520").as_deref(), Some("CONFIDENTIAL MADRID 000520"));
        assert_eq!(
            read("C 0 N F I D E N T I A L MADRID 000520").as_deref(),
            Some("C O N F I D E N T I A L MADRID 000520")
        );
        assert_eq!(read("C 0 N F 1 D E N T I A L E X D I S").as_deref(), Some("C O N F I D E N T I A L E X D I S"));
        assert_eq!(read("UNCLASS1F1ED").as_deref(), Some("UNCLASSIFIED"));
        assert_eq!(read("UNC1AS SECTION 01 OF 02").as_deref(), Some("UNCLAS SECTION 01 OF 02"));
        assert_eq!(read("SECRET//N0F0RN").as_deref(), Some("SECRET//NOFORN"));
        assert_eq!(read("SECRET SECTION 01 0F 03 MADRID 1").as_deref(), Some("SECRET SECTION 01 OF 03 MADRID 1"));
        assert_eq!(read("L1MITED 0FFICIAL USE").as_deref(), Some("LIMITED OFFICIAL USE"));
        assert_eq!(read("E.0. 12958: DECL: 01/29/2019").as_deref(), Some("E.O. 12958: DECL: 01/29/2019"));
        assert_eq!(read("E. 0. 12958: N/A").as_deref(), Some("E. O. 12958: N/A"));
        assert_eq!(read("SIPDIS\nE.0 12356 N/A").as_deref(), Some("SIPDIS\nE.O 12356 N/A"));
    }

    #[test]
    fn leaves_every_other_digit_beside_a_letter() {
        for text in [
            "O 030252Z FEB 09",
            "DE RUEHMO #1778/01 3401052",
            "THE F16 AND THE G8 MET ON 1 MAY; A 0 B 1 C",
            "CONFIDENTIAL SECTION 01 OF 03 MADRID 001626",
            "E.O. 12958: DECL: 04/26/2015",
            "THE E.0 PROGRAM",
            "ONE.0 12345",
            "N 0 F 1",
            "THE 0F 3 AND 2 0F",
            "1. (C) The minister said 10 things.",
        ] {
            assert_eq!(digits_for_letters(text), None, "{text}");
        }
    }
}
