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

/// The digit a scan's letter stands for in a number (`O`, `o` for `0`; `l`, `I` for `1`).
fn digit_for(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c),
        b'O' | b'o' => Some(b'0'),
        b'l' | b'I' => Some(b'1'),
        _ => None,
    }
}

/// The run of digits and such letters at `at`, when it is `len` long, has a letter for a digit
/// and at least `digits` digits: where it ends.
fn misspelt_number(b: &[u8], at: usize, digits: usize, len: std::ops::RangeInclusive<usize>) -> Option<usize> {
    let n = b[at..].iter().take_while(|&&c| digit_for(c).is_some()).count();
    let token = &b[at..at + n];
    let real = token.iter().filter(|c| c.is_ascii_digit()).count();
    (len.contains(&n) && real >= digits && real < n).then_some(at + n)
}

/// The searches [`letters_for_digits`] makes, built once: where the first paragraph begins, the
/// order's keyword in three spellings, `DECL`.
fn finders() -> &'static [memchr::memmem::Finder<'static>; 6] {
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 6]> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| ["\n1.", "\n\u{b6}1.", "E.O", "E. O", "EO ", "DECL"].map(memchr::memmem::Finder::new))
}

/// The numbers a scan spelled with letters for digits (`O` for `0`, `l` or `I` for `1`), each
/// only in its place: in the caption (the first 8 KB, up to the first paragraph), the order's
/// number after `E.O.` (`E.O. l2958`), a declassification date after `DECL` (`DECL:
/// O8/O8/2O19`), the section of the reasons (`l.4 (b)`) and the serial that ends a caption line
/// (`CONFIDENTIAL PARIS OO1234`); anywhere, the paragraphs' numbers ([`paragraph_numbers`]).
/// A byte for a byte, so spans keep their place; `None` when there is none.
pub fn letters_for_digits(text: &str) -> Option<String> {
    let finders = finders();
    let head = &text.as_bytes()[..text.len().min(WITHIN)];
    // The caption ends where the first paragraph begins: the rest of the head is not looked at.
    // (A 2010 page's `¶1.` first: `1.` is then looked for only before it.)
    let pilcrow = finders[1].find(head).unwrap_or(head.len());
    let body = finders[0].find(&head[..pilcrow]).unwrap_or(pilcrow);
    let head = &head[..body];
    // Where each misspelt number is, start and end.
    let mut numbers: Vec<(usize, usize)> = Vec::new();
    // `E.O. l2958`, `E.O l2958`, `E. O. l2958`, `EO l2958`.
    for finder in &finders[2..5] {
        for k in finder.find_iter(head) {
            let at = k + finder.needle().len();
            let at = at + head[at..].iter().take(2).take_while(|&&c| c == b'.' || c == b' ').count();
            numbers.extend(misspelt_number(head, at, 3, 5..=5).map(|end| (at, end)));
        }
    }
    for k in finders[5].find_iter(head) {
        let at = k + 4 + head[k + 4..].iter().take_while(|&&c| c == b':' || c == b' ').count();
        // A date of three numbers (`O8/O8/2O19`): each number a misspelt or plain one.
        let mut end = at;
        let mut parts = 0;
        while parts < 3 && head.get(end).is_some_and(|&c| digit_for(c).is_some()) {
            end += head[end..].iter().take_while(|&&c| digit_for(c).is_some()).count();
            parts += 1;
            if parts < 3 && matches!(head.get(end), Some(b'/' | b'-' | b'.')) {
                end += 1;
            }
        }
        let date = &head[at..end];
        let letters = date.iter().any(u8::is_ascii_alphabetic);
        if parts == 3 && letters && date.iter().filter(|c| c.is_ascii_digit()).count() >= 4 {
            numbers.push((at, end));
        }
    }
    // `l.4 (b)`, `I.5(d)`: after white space or a bracket, found by their bracket.
    for bracket in memchr::memchr_iter(b'(', head) {
        let before = &head[..bracket];
        let before = before.strip_suffix(b" ").unwrap_or(before);
        let [.., first, b'.', section] = before else { continue };
        let at = before.len() - 3;
        let alone = at == 0 || matches!(head[at - 1], b' ' | b'(' | b'\n');
        if matches!(first, b'l' | b'I') && matches!(section, b'4'..=b'6') && alone {
            numbers.push((at, at + 1));
        }
    }
    // The serial that ends a caption line (its first word a classification).
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', head).chain(std::iter::once(head.len())) {
        let line = &head[start..end];
        let first = line.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(line.len());
        // Nearly every line is let go on its first letter.
        let caption = matches!(line.get(first), Some(b'U' | b'C' | b'S' | b'T' | b'L'))
            && [
                "UNCLAS",
                "CONFIDENTIAL",
                "SECRET",
                "TOP SECRET",
                "LIMITED OFFICIAL USE",
                "C O N F",
                "S E C R E T",
                "U N C L A S",
            ]
            .iter()
            .any(|w| line[first..].starts_with(w.as_bytes()));
        let trimmed = line.trim_ascii_end().len();
        if caption && trimmed > 0 {
            let last = line[..trimmed].iter().rposition(|&c| c == b' ').map_or(0, |k| k + 1);
            if last > first {
                numbers.extend(
                    misspelt_number(line, last, 1, 4..=7).filter(|&e| e == trimmed).map(|e| (start + last, start + e)),
                );
            }
        }
        start = end + 1;
    }
    paragraph_numbers(text, &mut numbers);
    if numbers.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (start, end) in numbers {
        for c in &mut bytes[start..end] {
            *c = digit_for(*c).unwrap_or(*c);
        }
    }
    // Only ASCII letters became ASCII digits: still UTF-8.
    Some(String::from_utf8(bytes).unwrap_or_default())
}

/// A paragraph's number a scan spelled with letters (`¶l.`, `¶lO.`, `l. (C)`, `2l. (S/NF)`),
/// wherever it stands (a line's start, or run on in a text that lost its breaks), where each is
/// written into `numbers`: after a pilcrow (`l`, `I` and `O` read, with an `l` or a digit: a
/// lone `I.` or `O.` is a reference's letter; followed by a space, a bracket or the end); or
/// after white space and before a portion
/// mark (`l` and `O` only, the first a digit or `l`: `I. (U)` is a Roman numeral's heading, and
/// a lettered sub-paragraph `l. The …` has no mark).
fn paragraph_numbers(text: &str, numbers: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    // The run of digits and letters before `end`, from `start`, when it is a number with a
    // letter for a digit of 1 to 3 places.
    let misspelt = |start: usize, end: usize, letters: &[u8]| {
        let run = &b[start..end];
        let read = |c: &u8| c.is_ascii_digit() || letters.contains(c);
        (1..=3).contains(&run.len()) && run.iter().all(read) && run.iter().any(|c| letters.contains(c))
    };
    for at in memchr::memmem::find_iter(b, "\u{b6}".as_bytes()) {
        let start = at + 2 + usize::from(b.get(at + 2) == Some(&b' '));
        let end = start + b[start..].iter().take(4).take_while(|&&c| c.is_ascii_alphanumeric()).count();
        let closed =
            b.get(end) == Some(&b'.') && b.get(end + 1).is_none_or(|&c| matches!(c, b' ' | b'(' | b'\n' | b'\r'));
        // A lone `I` or `O` is a letter: the 2010 pages mark references so (`¶I. STATE 192459`).
        let numeral = b[start..end].iter().any(|&c| c == b'l' || c.is_ascii_digit());
        if closed && numeral && misspelt(start, end, b"lIO") {
            numbers.push((start, end));
        }
    }
    // `l. (C)`, and `l.(C)` as some posts typed it: found by the bracket.
    for mark in memchr::memchr_iter(b'(', b) {
        let dot = match b[..mark] {
            [.., b'.'] => mark - 1,
            [.., b'.', b' '] => mark - 2,
            _ => continue,
        };
        // The number before the full stop, after white space.
        let start = dot - b[..dot].iter().rev().take(4).take_while(|c| c.is_ascii_alphanumeric()).count();
        let after_space = start == 0 || matches!(b[start - 1], b' ' | b'\t' | b'\n' | b'\r');
        let first = b.get(start).is_some_and(|&c| c == b'l' || c.is_ascii_digit());
        if !(after_space && first && misspelt(start, dot, b"lO")) {
            continue;
        }
        let end = crate::lines::floor_char_boundary(text, mark + 16);
        if super::shapes::leading_marking(&text[mark..end]).0.is_some() {
            numbers.push((start, dot));
        }
    }
    // `l. WE ENDORSE…`, `lO. THE TALKS…`, `l.BRANIFF…`: a telegram typed in capitals (the 1970s'
    // texts, as a scan of their print-outs reads) has no word or point in lower case. After
    // white space (a line's start, or run on where its lines ran together: `B. KL 0465 l. LOCAL
    // PRESS`): the number's first letter `l`, a full stop, and no lower-case letter after it.
    // Asked of a text in capitals only: in one, an `l` is rare; in any other, common.
    if !typed_in_capitals(b) {
        return;
    }
    for at in memchr::memchr_iter(b'l', b) {
        if at > 0 && !b[at - 1].is_ascii_whitespace() {
            continue;
        }
        let end = at + b[at..].iter().take(4).take_while(|c| c.is_ascii_digit() || matches!(c, b'l' | b'O')).count();
        let after = b.get(end + 1..).map_or(&[][..], |rest| rest.trim_ascii_start());
        let closed = b.get(end) == Some(&b'.')
            && after.first().is_some_and(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'(');
        if closed && misspelt(at, end, b"lO") {
            numbers.push((at, end));
        }
    }
}

/// Whether a text is typed in capitals, by three samples of its body (64 bytes at a quarter, half
/// and three quarters of it; its head is in capitals in any cable, an archive's trailer under it
/// in mixed case): fewer than one letter in ten in lower case.
fn typed_in_capitals(b: &[u8]) -> bool {
    let (mut lower, mut letters) = (0, 0);
    for quarter in 1..=3 {
        let at = b.len() * quarter / 4;
        for c in &b[at..b.len().min(at + 64)] {
            lower += usize::from(c.is_ascii_lowercase());
            letters += usize::from(c.is_ascii_alphabetic());
        }
    }
    letters >= 60 && lower * 10 < letters
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caption's numbers spelled with letters, each in its place; the same letters anywhere
    /// else (a word, a date in prose, a number in the body) stay.
    #[test]
    fn reads_caption_numbers_a_scan_spelled_with_letters() {
        let read = |t: &str| letters_for_digits(t);
        assert_eq!(read("E.O. l2958: DECL: O8/O8/2O19").as_deref(), Some("E.O. 12958: DECL: 08/08/2019"));
        assert_eq!(read("E.O l2958:  DECL:  02/08/20").as_deref(), Some("E.O 12958:  DECL:  02/08/20"));
        assert_eq!(
            read("Classified By: DCM X, reasons l.4 (b) and (d), I.5(c)").as_deref(),
            Some("Classified By: DCM X, reasons 1.4 (b) and (d), 1.5(c)")
        );
        assert_eq!(
            read("C O N F I D E N T I A L SECTION 01 OF 02 MADRID OOO52O\nSIPDIS").as_deref(),
            Some("C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000520\nSIPDIS")
        );
        // Words and numbers elsewhere: `E.O. LIST`, `DECLINED`, a body's `l.4` with no bracket,
        // a caption's post (`OSLO`), a serial with no letter.
        for text in [
            "E.O. LIST: DECLINED TO 1O/1O",
            "the rule l.4 said",
            "CONFIDENTIAL OSLO\nCONFIDENTIAL OSLO 001967",
            "The OOO1 code",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    /// A paragraph's number a scan spelled with letters, after a pilcrow or before a portion
    /// mark, at a line's start or run on; a Roman numeral, a lettered point, a word stay.
    #[test]
    fn reads_paragraph_numbers_a_scan_spelled_with_letters() {
        let read = |t: &str| letters_for_digits(t);
        for (text, number) in [
            ("l. (C) Summary: text", "1. (C) Summary: text"),
            ("lO. (SBU) Ten", "10. (SBU) Ten"),
            ("2l. (S/NF) Twenty-one", "21. (S/NF) Twenty-one"),
            ("l.(SBU) Summary", "1.(SBU) Summary"),
            ("\u{b6}l. The first", "\u{b6}1. The first"),
            ("\u{b6}lI. Eleven", "\u{b6}11. Eleven"),
            ("\u{b6} l0.", "\u{b6} 10."),
            ("it ended. l2. (C) Run on", "it ended. 12. (C) Run on"),
            ("SUMMARY. \u{b6}l3. The talks", "SUMMARY. \u{b6}13. The talks"),
        ] {
            assert_eq!(read(text).as_deref(), Some(number), "{text}");
        }
        for text in [
            "l. The twelfth point",
            "I. (U) INTRODUCTION",
            "like (this) and lO (C)",
            "O. (C) text",
            "the Hall. (C) text",
            "\u{b6}Il faut",
            "\u{b6}lOl0.",
            "\u{b6}1. (C) 10 and l0 items",
            "\u{b6}I. STATE 192459",
            "\u{b6}O. KUWAIT 12",
            "\u{b6}II. (U) Heading",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    /// In a telegram typed in capitals, a number spelled with `l` for `1` after white space is a
    /// paragraph's, with no portion mark (`l. WE ENDORSE`, `l.BRANIFF`, `lO. THE`, run on after
    /// `B. KL 0465`); in a text in mixed case it stays (`l. The twelfth point`).
    #[test]
    fn reads_paragraph_numbers_of_a_telegram_typed_in_capitals() {
        let body = "THE MINISTER SAID THE TALKS WOULD GO ON THROUGH THE SPRING AND INTO THE SUMMER. ";
        let capitals = format!("l. {body}\nl.BRANIFF {body}\nlO.  THE {body}\nB. KL 0465 l. LOCAL PRESS. LODGE\n");
        assert_eq!(
            letters_for_digits(&capitals),
            Some(format!("1. {body}\n1.BRANIFF {body}\n10.  THE {body}\nB. KL 0465 1. LOCAL PRESS. LODGE\n"))
        );
        // The same letters in a word, or before a word in lower case, stay.
        let words = format!("{body}{body}{body}l. the WEll. l.a {body}\n");
        assert_eq!(letters_for_digits(&words), None);
        let mixed =
            "l. The twelfth point of the talks went on through the spring and into the summer, said the minister.";
        assert_eq!(letters_for_digits(&mixed.repeat(3)), None);
    }

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
