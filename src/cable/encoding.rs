//! Texts in another encoding than UTF-8, and UTF-8 decoded wrongly once: a file Windows saved
//! as "Unicode" (UTF-16), a file in Windows-1252 (Latin-1), a copy whose `¶` reads `Â¶` and
//! whose quotes read `â€™` (a database or a web page took its UTF-8 for Windows-1252). Each is
//! read as the text it was; nearly every input is none of them, and is told so at once.

/// Windows-1252's characters for the bytes 0x80 to 0x9F (Latin-1 has control characters
/// there; the five bytes Windows-1252 leaves out stand for those, as in the WHATWG encoding
/// standard). Every other byte is the code point of its value.
const HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}',
    '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}',
    '\u{17e}', '\u{178}',
];

/// `bytes` read as Windows-1252.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The byte `c` was decoded from, for a character above ASCII of Windows-1252 or of Latin-1
/// (whose control characters 0x80 to 0x9F stand for their own bytes).
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        0x80..=0xff => u8::try_from(u32::from(c)).ok(),
        _ => HIGH.iter().position(|&h| h == c).and_then(|k| u8::try_from(0x80 + k).ok()),
    }
}

/// Whether bytes that are not UTF-8 are Windows-1252 rather than UTF-8 with a few bad bytes:
/// more bytes fail to decode than characters above ASCII decode (a Windows-1252 text of a
/// cable, whose `¶`, accents and curly quotes are single bytes, has hardly a byte pair that
/// makes a UTF-8 character; a UTF-8 file cut short or with a stray byte has many that do).
pub fn is_windows_1252(bytes: &[u8]) -> bool {
    let (mut decoded, mut failed) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        decoded += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        failed += chunk.invalid().len();
    }
    failed > decoded
}

/// `bytes` as UTF-16 text, when they are: a byte-order mark (`FF FE`, `FE FF`), or without one
/// a zero byte beside nearly every other (a text in Latin letters). `None` otherwise. Unpaired
/// surrogates become `�`.
pub fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = match bytes {
        [0xff, 0xfe, body @ ..] => (true, body),
        [0xfe, 0xff, body @ ..] => (false, body),
        _ => (unmarked_utf16(bytes)?, bytes),
    };
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    });
    let mut text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    // Zeros beside other bytes may be a binary file's (an array of small numbers): read as
    // UTF-16, it is no text either.
    (!crate::looks_binary(text.as_bytes())).then_some(text)
}

/// Whether unmarked bytes are UTF-16 of a text in Latin letters: in the first 4 KiB, nine in
/// ten of the bytes on one side of each pair are zero and hardly any on the other. `Some(true)`
/// for little-endian (the zero second).
fn unmarked_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Nearly every input is rejected here: its second byte is no zero, nor its first.
    if head.len() < 16 || (head[1] != 0 && head[0] != 0) {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |side: usize| head.chunks_exact(2).filter(|pair| pair[side] == 0).count();
    let (first, second) = (zeros(0), zeros(1));
    if second * 10 >= pairs * 9 && first * 20 < pairs {
        Some(true)
    } else if first * 10 >= pairs * 9 && second * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

/// `text` with its UTF-8 read again where it had been decoded as Windows-1252 (`Â¶1.` is
/// `¶1.`, `â€™` is `’`, `Ã©` is `é`; twice wrongly decoded, twice read again), when at least
/// two runs of characters are such; `None` otherwise. A run of Windows-1252 characters above
/// ASCII is read again only when its bytes are UTF-8, as a name's accents seldom are
/// (`Ibáñez` stays).
pub fn mojibake(text: &str) -> Option<String> {
    // The lead characters of a wrong decoding (`Â`, `Ã`, `â`: the bytes C2, C3 and E2 read
    // as Windows-1252) are `C3 82`, `C3 83` and `C3 A2` in UTF-8; a text without any (nearly
    // every one) is none.
    let b = text.as_bytes();
    let lead = |at: usize| matches!(b.get(at + 1), Some(0x82 | 0x83 | 0xa2));
    if !memchr::memchr_iter(0xc3, b).any(lead) {
        return None;
    }
    let mut text = std::borrow::Cow::Borrowed(text);
    for _ in 0..2 {
        match read_again(&text) {
            Some(again) => text = std::borrow::Cow::Owned(again),
            None => break,
        }
    }
    match text {
        std::borrow::Cow::Owned(text) => Some(text),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// One pass of [`mojibake`]: each run of Windows-1252 characters above ASCII whose bytes are
/// UTF-8 read as UTF-8, when two runs or more are.
fn read_again(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    let mut run_text = String::new();
    let mut repaired = 0;
    let mut flush = |run: &mut Vec<u8>, run_text: &mut String, out: &mut String| {
        match std::str::from_utf8(run) {
            Ok(again) if run.len() >= 2 && !again.is_ascii() => {
                out.push_str(again);
                repaired += 1;
            }
            _ => out.push_str(run_text),
        }
        run.clear();
        run_text.clear();
    };
    for c in text.chars() {
        // `”` is `E2 80 9D`, and 0x9D is no Windows-1252 character: a decoder that replaced
        // it left `â€�`.
        let byte =
            byte_of(c).or_else(|| (c == char::REPLACEMENT_CHARACTER && run.ends_with(&[0xe2, 0x80])).then_some(0x9d));
        if let Some(byte) = byte {
            run.push(byte);
            run_text.push(c);
        } else {
            if !run.is_empty() {
                flush(&mut run, &mut run_text, &mut out);
            }
            out.push(c);
        }
    }
    flush(&mut run, &mut run_text, &mut out);
    (repaired >= 2).then_some(out)
}

/// `text` with its character references decoded when an export or a scraper wrote them out in
/// plain text (`Charge d&#39;Affaires`, `&quot;SPY PLANE&quot;`, `Q&amp;A`): any that decodes.
/// A telegram writes none of its own (its `&` stands alone: `AT&T`, `R & D`); `None` for nearly
/// every text (one search for `&`, and a look at each).
pub fn written_references(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let decodes = |at: usize| {
        let after = &text[at + 1..];
        after
            .find(';')
            .filter(|&k| (1..=10).contains(&k))
            .is_some_and(|k| crate::html::decode_reference(&after[..k]).is_some())
    };
    memchr::memchr_iter(b'&', b).find(|&at| decodes(at))?;
    // Line breaks written so (`&#x000A;`) are the layout's to tell, and decode the rest with them.
    let lower = text.to_ascii_lowercase();
    if crate::layout::BREAK_REFERENCES.iter().any(|e| lower.contains(e)) {
        return None;
    }
    Some(crate::html::decode_entities(text))
}

/// What a paragraph's pilcrow may have become on its way: `?` or `�` where a copy's encoding
/// had no `¶` (ASCII, a lossy conversion), its entity written out where an export escaped it
/// (`&para;1.`, `&#182;1.`).
const PILCROW_STAND_INS: [&str; 5] = ["?", "\u{fffd}", "&para;", "&#182;", "&#xB6;"];

/// `text` with the pilcrows its paragraph numbers lost given back (`?1. (C)`, `&para;2. (S)`
/// are `¶1. (C)`, `¶2. (S)`), when two or more of [`PILCROW_STAND_INS`] after a space or at a
/// line's start stand before a paragraph's number (one to three digits and a full stop), and no
/// `¶` is left in the text; `None` otherwise. Then every stand-in so placed, glued to a number
/// or a capital and a full stop, is a pilcrow (`REF: A. MADRID 881` / `?B. MADRID 919 ?C.
/// MADRID 812`); a question mark anywhere else stays (`SOCIALISTS?`, `WHY? 2.`).
pub fn lost_pilcrows(text: &str) -> Option<String> {
    // Nearly every text has its `¶`, or none of these characters: one search or two.
    if text.contains('¶') || memchr::memchr3(b'?', b'&', 0xEF, text.as_bytes()).is_none() {
        return None;
    }
    let b = text.as_bytes();
    // The stand-in's length at `at`, when one stands there before a number or a capital and a
    // full stop (`?1.`, `&para;12.`, `?B.`), and `numbered` only before a number.
    let stand_in = |at: usize, numbered: bool| {
        let found = PILCROW_STAND_INS.iter().find(|s| b[at..].starts_with(s.as_bytes()))?;
        let after = &b[at + found.len()..];
        let digits = after.iter().take_while(|c| c.is_ascii_digit()).count();
        // A page's pilcrow may stand before any number at a line's start (`¶2007.`).
        let letter = !numbered && after.first().is_some_and(u8::is_ascii_uppercase);
        let marker = if (1..=3).contains(&digits) || !numbered && digits > 0 { digits } else { usize::from(letter) };
        (marker > 0 && after.get(marker) == Some(&b'.')).then_some(found.len())
    };
    // Each stand-in after a space or at a line's start, and whether a number follows it.
    let found: Vec<(usize, usize, bool)> = memchr::memchr3_iter(b'?', b'&', 0xEF, b)
        .filter(|&at| at == 0 || matches!(b[at - 1], b' ' | b'\t' | b'\n' | b'\r'))
        .filter_map(|at| stand_in(at, false).map(|len| (at, len, stand_in(at, true).is_some())))
        .collect();
    found.iter().filter(|(_, _, numbered)| *numbered).nth(1)?;
    let mut out = String::with_capacity(text.len() + 16);
    let mut from = 0;
    for (at, len, _) in found {
        out.push_str(&text[from..at]);
        out.push('¶');
        from = at + len;
    }
    out.push_str(&text[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "C O N F I D E N T I A L MADRID 000520\n\nSUBJECT: SPAIN’S MINISTER IBÁÑEZ\n\n\
                        ¶1. (C) The minister said “no” — twice.\n\n¶2. (C) He added nothing.\n\nAGUIRRE\n";

    /// Character references an export wrote out in plain text are the characters; a telegram's
    /// own `&`, and a `;` far after it, stay as written.
    #[test]
    fn reads_character_references_written_out_in_plain_text() {
        let text = "Classified By: Charge d&#39;Affaires J. Robert\n\n1. (C) &quot;SPY PLANE&quot; R&amp;D\n";
        assert_eq!(
            written_references(text).as_deref(),
            Some("Classified By: Charge d'Affaires J. Robert\n\n1. (C) \"SPY PLANE\" R&D\n")
        );
        assert_eq!(written_references("1. (C) A Q&amp;A.\n").as_deref(), Some("1. (C) A Q&A.\n"));
        assert_eq!(written_references("1. (C) AT&T and R & D; one & only; &saving8.\n"), None);
        assert_eq!(written_references(TEXT), None);
        // Line breaks written out are the layout's to read (`layout::written_breaks`).
        assert_eq!(written_references("UNCLAS STATE 000001&#x000A;1. (C) Q&amp;A.&#x000A;"), None);
    }

    /// The pilcrows a copy lost (`?`, `�`, `&para;`) given back where they stood before a
    /// number or a reference's letter; a question mark anywhere else, and a text with one
    /// such number only, left as they are.
    #[test]
    fn gives_back_the_pilcrows_a_copy_lost() {
        for stand_in in ["?", "\u{fffd}", "&para;", "&#182;"] {
            let text = format!(
                "REF: A. MADRID 881\n{stand_in}B. MADRID 919 {stand_in}C. MADRID 812\n\n{stand_in}1. (C) Why? 2. Both.\n\n {stand_in}2. (C) Done.\n"
            );
            assert_eq!(
                lost_pilcrows(&text).as_deref(),
                Some("REF: A. MADRID 881\n¶B. MADRID 919 ¶C. MADRID 812\n\n¶1. (C) Why? 2. Both.\n\n ¶2. (C) Done.\n"),
                "{stand_in}"
            );
        }
        // Run together, as a copy that lost its line breaks too.
        assert_eq!(lost_pilcrows("X ?1. (C) One. ?2. (C) Two.").as_deref(), Some("X ¶1. (C) One. ¶2. (C) Two."));
        // One number, or a text that kept its pilcrows: nothing to give back.
        assert_eq!(lost_pilcrows("?1. (C) One.\n\nWHY?2. NOT.\n"), None);
        assert_eq!(lost_pilcrows("¶1. (C) One.\n?2. (C) Two.\n?3. (C) Three.\n"), None);
        // A stand-in before a character of more than one byte is no pilcrow's, and no panic.
        assert_eq!(lost_pilcrows("?“1. ?”2. ?1. ?2."), Some("?“1. ?”2. ¶1. ¶2.".to_owned()));
    }

    fn as_windows_1252(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| {
                u8::try_from(c).ok().filter(u8::is_ascii).or_else(|| byte_of(c)).expect("a Windows-1252 character")
            })
            .collect()
    }

    #[test]
    fn reads_windows_1252_bytes() {
        let bytes = as_windows_1252(TEXT);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(is_windows_1252(&bytes));
        assert_eq!(windows_1252(&bytes), TEXT);
        // UTF-8 with a stray byte is UTF-8.
        let mut stray = TEXT.as_bytes().to_vec();
        stray.push(0xb6);
        assert!(!is_windows_1252(&stray));
    }

    #[test]
    fn reads_utf16_with_and_without_its_mark() {
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [[&[0xff, 0xfe][..], &le].concat(), [&[0xfe, 0xff][..], &be].concat(), le, be] {
            assert_eq!(utf16(&bytes).as_deref(), Some(TEXT));
        }
        assert_eq!(utf16(TEXT.as_bytes()), None);
        assert_eq!(utf16(b"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"), None, "zeros are no text");
    }

    #[test]
    fn reads_again_utf8_decoded_wrongly() {
        let once = windows_1252(TEXT.as_bytes());
        assert!(once.contains("Â¶1.") && once.contains("â€œ"), "{once}");
        assert_eq!(mojibake(&once).as_deref(), Some(TEXT));
        let twice = windows_1252(once.as_bytes());
        assert_eq!(mojibake(&twice).as_deref(), Some(TEXT));
        assert_eq!(mojibake(TEXT), None);
        // As Latin-1 decodes it (control characters for 0x80 to 0x9F), and with the byte
        // Windows-1252 lacks replaced.
        let latin1: String = TEXT.bytes().map(char::from).collect();
        assert_eq!(mojibake(&latin1).as_deref(), Some(TEXT));
        assert_eq!(mojibake("said â€œnoâ€\u{fffd} twice").as_deref(), Some("said “no” twice"));
        // One wrongly decoded character is no proof; a name in Latin-1 letters is none.
        assert_eq!(mojibake("SUBJECT: Â¶ MARKS"), None);
        assert_eq!(mojibake("IBÃÑEZ and Âñ met Ãõ"), None);
    }
}
