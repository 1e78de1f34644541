//! Cables whose line breaks were lost (database exports, PDF copies): the envelope,
//! the caption block and every paragraph run together on one or a few lines
//! (`…ZNY CCCCC ZZHP 111453Z AUG 06FM AMEMBASSY ANKARATO RUEHC/SECSTATE…`,
//! `BERLIN 002546SIPDISSIPDISE.O. 12958…`). Such a line is broken again before each
//! field it holds, by the fields' own shapes, so the line-based reader that follows
//! needs no second grammar. A line is touched only when it holds two or more header
//! fields; every other line passes through as it is.

/// The shortest line that can hold a run-together caption block.
const LONG_LINE: usize = 200;

/// Whether `text` lost its line breaks: a line holds run-together header fields, and long
/// lines are most of the text (a cable with its breaks whose one line holds junk that looks
/// like fields is left alone: its real fields are on lines of their own).
pub fn needs_reflow(text: &str) -> bool {
    // The parser's own split (`\r` ends a line too), so `parse` and `source_text` always agree.
    let lines = crate::lines::split_lines(text);
    needs_reflow_lines(text.len(), lines.iter().map(|l| &text[l.span.start..l.span.end]))
}

/// [`needs_reflow`] over lines already split (the parser's own split: no second pass).
pub fn needs_reflow_lines<'a>(len: usize, lines: impl Iterator<Item = &'a str> + Clone) -> bool {
    // Nearly every cable fails the cheap test: its long lines are not half of it.
    let long: usize = lines.clone().filter(|l| l.len() > LONG_LINE).map(str::len).sum();
    // A run-together caption block sits at the start of the text: the first long lines tell.
    long * 2 >= len && long > 0 && lines.filter(|l| l.len() > LONG_LINE).take(2).any(is_run_together)
}

/// `text` with every run-together line broken again at its fields.
pub fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if line.len() > LONG_LINE && is_run_together(line) {
            rebreak(line, &mut out);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Where each distinctive caption field's keyword may start, for the probe (the envelope is
/// found by the line's first word: `VZCZC…`, a spaced classification).
const PROBES: [&str; 7] = ["E.O", "E. O", "EO 1", "TAGS", "SUBJ", "SIPDIS", "CLASSIFIED BY"];

/// Two or more distinct header fields in the first part of a line. Keywords are found by
/// Horspool's search (`find_ci`) and checked where they stand: a long paragraph line of a web
/// copy is skipped, not walked byte by byte.
fn is_run_together(line: &str) -> bool {
    let mut head_len = line.len().min(1200);
    while !line.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &line[..head_len];
    let b = head.as_bytes();
    let mut seen = [false; 8];
    let mut kinds = 0;
    let mut note = |at: usize, seen: &mut [bool; 8]| {
        if let Some((kind, _)) = header_field_at(b, at, true) {
            let slot = kind as usize;
            if !seen[slot] {
                seen[slot] = true;
                kinds += 1;
            }
        }
        kinds >= 2
    };
    // A caption block run together names its TAGS or SUBJECT: a paragraph of a web copy,
    // which names neither, is rejected after two searches.
    if crate::lines::find_ci(head, "TAGS").is_none() && crate::lines::find_ci(head, "SUBJ").is_none() {
        return false;
    }
    // A spaced classification opens the caption (`C O N F I D E N T I A L`).
    let first = head.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    if note(first, &mut seen) {
        return true;
    }
    for probe in PROBES {
        let mut from = 0;
        while let Some(at) = crate::lines::find_ci(&head[from..], probe).map(|k| k + from) {
            if note(at, &mut seen) {
                return true;
            }
            from = at + 1;
            while !head.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    false
}

/// The kinds of header field the probe and the re-breaking recognise (not the model's `Field`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderField {
    Envelope = 0,
    Caption = 1,
    Eo = 2,
    Tags = 3,
    Subject = 4,
    Ref = 5,
    ClassifiedBy = 6,
    Handling = 7,
}

/// How a break is made: a line break, or a blank line (before a paragraph or a signature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    Line,
    Blank,
}

fn lower(b: &[u8], i: usize) -> u8 {
    b.get(i).map_or(0, u8::to_ascii_lowercase)
}

fn word_at(b: &[u8], i: usize, word: &str) -> bool {
    b.len() >= i + word.len() && b[i..i + word.len()].eq_ignore_ascii_case(word.as_bytes())
}

/// A keyword without its colon counts only in capitals and before a capital (`TAGS PREL`,
/// not `the tags on the crates`).
fn upper_keyword_at(b: &[u8], i: usize, word: &str) -> bool {
    b[i..].starts_with(word.as_bytes()) && b.get(i + word.len()).is_some_and(u8::is_ascii_uppercase)
}

fn is_space(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | 0x0c))
}

/// Whether position `i` starts a word: at the start, after white space, or glued to
/// what ends a field (a digit, a closing bracket or quote) when `glued` allows.
fn starts_word(b: &[u8], i: usize, glued: bool) -> bool {
    i == 0 || is_space(b, i - 1) || (glued && (b[i - 1].is_ascii_digit() || matches!(b[i - 1], b')' | b'"' | b'.')))
}

/// A routing indicator followed by `/`: `RUEHC/`, `RUEHNE/`.
fn routed_addressee_at(b: &[u8], i: usize) -> bool {
    if lower(b, i) != b'r' {
        return false;
    }
    let letters = b[i..].iter().take(8).take_while(|c| c.is_ascii_uppercase()).count();
    (4..=7).contains(&letters) && b.get(i + letters) == Some(&b'/')
}

/// A date-time group `111453Z AUG 06` (or `221828 Z MAY 73`) at `i`.
fn dtg_at(b: &[u8], i: usize) -> bool {
    let digits = b[i..].iter().take(7).take_while(|c| c.is_ascii_digit()).count();
    if digits != 6 {
        return false;
    }
    let mut k = i + 6;
    if b.get(k) == Some(&b' ') && b.get(k + 1) == Some(&b'Z') {
        k += 1;
    }
    b.get(k) == Some(&b'Z')
        && b.get(k + 1) == Some(&b' ')
        && b.get(k + 2..k + 5).is_some_and(|m| m.iter().all(u8::is_ascii_alphabetic))
}

/// A classification spelled out letter by letter (`C O N F I D E N T I A L`, `S E C R E T`,
/// `C o n f i d e n t i a l`), as captions write it.
fn spaced_classification_at(b: &[u8], i: usize) -> bool {
    let mut letters = Vec::with_capacity(12);
    let mut k = i;
    while k < b.len() && b[k].is_ascii_alphabetic() && !b.get(k + 1).is_some_and(u8::is_ascii_alphabetic) {
        letters.push(b[k].to_ascii_uppercase());
        k += 1;
        if b.get(k) == Some(&b' ') {
            k += 1;
        } else {
            break;
        }
    }
    // A stutter (`SS E C R E T`) keeps its doubled first letter glued.
    let word: &[u8] = &letters;
    let known: [&[u8]; 4] = [b"CONFIDENTIAL", b"SECRET", b"UNCLASSIFIED", b"TOPSECRET"];
    letters.len() >= 5 && known.iter().any(|w| word.ends_with(w) || word.starts_with(w))
}

/// The header field that starts at `i`, if any, with how its break is made.
/// `probe` is the cheap test of [`is_run_together`]: only the distinctive fields count.
fn header_field_at(b: &[u8], i: usize, probe: bool) -> Option<(HeaderField, Break)> {
    let c = lower(b, i);
    if !c.is_ascii_alphabetic() {
        return None;
    }
    let glued = starts_word(b, i, true);
    let free = starts_word(b, i, false);
    match c {
        b'e' => {
            // `E.O. 12958:`, `E. O. 12958`, `EO 12958`, `E.o. 12958`.
            let mut k = i + 1;
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            if b.get(k) == Some(&b' ') {
                k += 1;
            }
            if lower(b, k) != b'o' {
                return None;
            }
            k += 1;
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            while is_space(b, k) {
                k += 1;
            }
            let digits = b[k.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
            (digits == 5).then_some((HeaderField::Eo, Break::Line))
        }
        b't' if glued => (word_at(b, i, "TAGS:") || free && upper_keyword_at(b, i, "TAGS "))
            .then_some((HeaderField::Tags, Break::Line)),
        b's' => {
            if (glued || free)
                && (word_at(b, i, "SUBJECT:") || word_at(b, i, "SUBJ:") || free && upper_keyword_at(b, i, "SUBJECT "))
            {
                return Some((HeaderField::Subject, Break::Line));
            }
            if word_at(b, i, "SIPDIS") && !b.get(i + 6).is_some_and(u8::is_ascii_lowercase) {
                return Some((HeaderField::Handling, Break::Line));
            }
            if free && spaced_classification_at(b, i) {
                return Some((HeaderField::Caption, Break::Line));
            }
            None
        }
        b'r' if glued || free => {
            for word in ["REF:", "REFS:", "REF(S):", "REFTEL:", "REFTELS:", "REFERENCE:", "REFERENCES:"] {
                if word_at(b, i, word) {
                    return Some((HeaderField::Ref, Break::Line));
                }
            }
            None
        }
        b'c' if glued || free => {
            if word_at(b, i, "CLASSIFIED BY") {
                return Some((HeaderField::ClassifiedBy, Break::Line));
            }
            (free && spaced_classification_at(b, i)).then_some((HeaderField::Caption, Break::Line))
        }
        b'u' | b't' if free && spaced_classification_at(b, i) => Some((HeaderField::Caption, Break::Line)),
        b'v' if word_at(b, i, "VZCZC") => Some((HeaderField::Envelope, Break::Line)),
        b'z' if free && (word_at(b, i, "ZNY ") || word_at(b, i, "ZNR ")) => Some((HeaderField::Envelope, Break::Line)),
        b'f' if (free || glued) && word_at(b, i, "FM ") && b.get(i + 3).is_some_and(u8::is_ascii_uppercase) => {
            Some((HeaderField::Envelope, Break::Line))
        }
        b'd' if !probe && free && word_at(b, i, "DE R") => {
            let letters = b[i + 3..].iter().take_while(|c| c.is_ascii_uppercase()).count();
            (b.get(i + 3 + letters) == Some(&b' ') && b.get(i + 4 + letters) == Some(&b'#'))
                .then_some((HeaderField::Envelope, Break::Line))
        }
        b'b' if !probe && free && word_at(b, i, "BT") && (b.len() == i + 2 || is_space(b, i + 2)) => {
            Some((HeaderField::Envelope, Break::Line))
        }
        _ => None,
    }
}

/// Where paragraph `n` starts at `i`: `2. `, `2.(C)`, preceded by white space that
/// follows the end of a sentence or field, or by two spaces.
fn paragraph_at(b: &[u8], i: usize, n: u32) -> Option<usize> {
    if i == 0 || !is_space(b, i - 1) {
        return None;
    }
    let digits = b[i..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let value: u32 = std::str::from_utf8(&b[i..i + digits]).ok()?.parse().ok()?;
    if value != n || b.get(i + digits) != Some(&b'.') {
        return None;
    }
    let after = b.get(i + digits + 1);
    if !after.is_none_or(|&c| c == b' ' || c == b'(') {
        return None;
    }
    // What stands before the number: two spaces, or the end of a sentence.
    let mut k = i;
    while k > 0 && is_space(b, k - 1) {
        k -= 1;
    }
    let spaces = i - k;
    let before = k.checked_sub(1).map(|k| b[k]);
    // A heading's rule may stand before it too (`EVOLVING VIEWS ------ 2. (C)`).
    let sentence_end =
        before.is_some_and(|c| matches!(c, b'.' | b'!' | b'?' | b'"' | b')' | b':' | b']' | b'\'' | b'-'));
    (spaces >= 2 || sentence_end || k == 0).then_some(i)
}

/// The break a gap of two spaces or more (from `gap` to `next`) makes in the header: a line
/// break between two fields, or a blank line where the text begins with a paragraph that has
/// no number (`REF: STATE 233267  As instructed in Ref A, Poloff…`: it is no part of the field
/// before it). None after a caption's classification alone, or at the end of the line.
fn gap_break(line: &str, since: usize, gap: usize, next: usize, subject_seen: bool) -> Option<Break> {
    if is_classification_only(&line[since..gap]) || next >= line.len() {
        return None;
    }
    let field_has_text = !line[since..gap].trim_end().ends_with(':');
    let text_begins = subject_seen
        && field_has_text
        && header_field_at(line.as_bytes(), next, false).is_none()
        && prose_at(&line[next..]);
    Some(if text_begins { Break::Blank } else { Break::Line })
}

/// Whether `text` opens with prose in mixed case: a capitalised word (after a portion mark,
/// if any), and of its first ten words, four or more begin in lower case (`As instructed in
/// Ref A, Poloff delivered…`), unlike a subject in title case (`Bio-Terrorism Tabletop and
/// Bio-Security Initiatives With India`), a reference (`B. NEW DELHI 6980`, `A. State 1234`),
/// a reason (`Reason 1.5 (B,D)`) or a name. Text in capitals never reads as prose: its
/// paragraphs are numbered.
fn prose_at(text: &str) -> bool {
    let mut words = text.split_ascii_whitespace().peekable();
    if words.peek().is_some_and(|w| w.starts_with('(') && w.ends_with(')') && w.len() <= 12) {
        words.next();
    }
    let capitalised = |w: &str| {
        let b = w.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1).is_some_and(u8::is_ascii_lowercase)
    };
    if !words.peek().is_some_and(|w| capitalised(w)) {
        return false;
    }
    let first_ten: Vec<&str> = words.take(10).collect();
    let lower = first_ten.iter().filter(|w| w.as_bytes()[0].is_ascii_lowercase()).count();
    first_ten.len() >= 6 && lower >= 4
}

/// A signature at the end of the line: one to four name words after two spaces or
/// the end of a sentence (`…END COMMENT.  MULFORD`).
fn signature_at_end(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    let b = trimmed.as_bytes();
    let mut start = trimmed.len();
    let mut words = 0;
    loop {
        let word_start = trimmed[..start].trim_end().rfind(' ').map_or(0, |k| k + 1);
        let word = trimmed[word_start..start].trim();
        if word.is_empty() || !word.bytes().all(|c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'-' | b'\'')) {
            break;
        }
        words += 1;
        start = word_start;
        if words > 4 || start == 0 {
            return None;
        }
        let before = trimmed[..start].trim_end_matches(' ');
        let spaces = start - before.len();
        // In mixed-case text a name in capitals after the last word stands apart even after one
        // space (`…Ministry of External Affairs MULFORD`).
        let previous_word = before.rsplit(' ').next().unwrap_or("");
        let case_changes = previous_word.bytes().any(|c| c.is_ascii_lowercase())
            && trimmed[start..].bytes().filter(u8::is_ascii_alphabetic).count() >= 3;
        if spaces >= 2 || before.ends_with(['.', '!', '?', '"', ')']) || case_changes {
            let signature = &trimmed[start..];
            let ok = signature.len() <= 40
                && !signature.ends_with('.')
                && signature.bytes().all(|c| !c.is_ascii_lowercase())
                && b.len() > start;
            return ok.then_some(start);
        }
    }
    None
}

/// A caption's opening words alone: `C O N F I D E N T I A L`, `UNCLAS`, `SECRET`.
fn is_classification_only(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    let spaced = words.len() >= 4 && words.iter().all(|w| w.len() <= 2);
    let plain = ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"]
        .iter()
        .any(|c| text.eq_ignore_ascii_case(c));
    spaced || plain
}

/// Breaks one run-together line into the output.
fn rebreak(line: &str, out: &mut String) {
    let b = line.as_bytes();
    let mut breaks: Vec<(usize, Break)> = Vec::new();
    let mut next_paragraph = 1u32;
    let mut in_header = true;
    // The SUBJECT was read: what follows it is REF, Classified By, or the text.
    let mut subject_seen = false;
    let mut i = 0;
    while i < b.len() {
        if !line.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if let Some(at) = paragraph_at(b, i, next_paragraph) {
            // The first paragraph needs a header before it: `1.` in a caption's date is not one.
            if next_paragraph > 1 || !breaks.is_empty() {
                breaks.push((at, Break::Blank));
                next_paragraph += 1;
                in_header = false;
                i += 2;
                continue;
            }
        }
        if in_header && routed_addressee_at(b, i) && starts_word(b, i, false) {
            // `TO RUEHC/SECSTATE…`, `INFO RUEHIT/…`, or one more addressee of the list; `TO`
            // may be glued to the originator before it (`FM AMEMBASSY ANKARATO RUEHC/…`).
            let at = if b[..i].ends_with(b"TO ") {
                i - 3
            } else if b[..i].ends_with(b"INFO ") {
                i - 5
            } else {
                i
            };
            breaks.push((at, Break::Line));
            i += 1;
            continue;
        }
        // Fields that ran together are often two spaces apart (`000074  SIPDIS  NOFORN
        // SENSITIVE  USDA/FAS/…`); the gap after a caption's classification is not one.
        if in_header && b[i] == b' ' && b.get(i + 1) == Some(&b' ') {
            let next = i + b[i..].iter().take_while(|&&c| c == b' ').count();
            let since = breaks.last().map_or(0, |(at, _)| *at);
            if let Some(how) = gap_break(line, since, i, next, subject_seen) {
                breaks.push((next, how));
                in_header = how == Break::Line;
            }
            i = next;
            continue;
        }
        if in_header {
            if let Some((field, how)) = header_field_at(b, i, false) {
                if field == HeaderField::Envelope && word_at(b, i, "BT") {
                    breaks.push((i, how));
                    breaks.push((i + 2, how));
                    i += 2;
                    continue;
                }
                breaks.push((i, how));
                subject_seen |= field == HeaderField::Subject;
                // `SIPDISSIPDIS`: each caption on its own line.
                i += if field == HeaderField::Handling { 6 } else { 1 };
                continue;
            }
            if dtg_at(b, i) && i >= 2 {
                // The precedence letter before the group, alone (`O 111453Z`) or glued to the
                // operating signal before it (`ZZHP 111453Z`).
                let letter = i - 2;
                if b[i - 1] == b' ' && matches!(b[letter], b'O' | b'P' | b'R' | b'Z') {
                    let at =
                        if letter >= 2 && b[letter - 1] == b' ' && matches!(b[letter - 2], b'O' | b'P' | b'R' | b'Z') {
                            letter - 2
                        } else {
                            letter
                        };
                    breaks.push((at, Break::Line));
                }
            }
        }
        i += 1;
    }
    if let Some(at) = signature_at_end(line) {
        if breaks.last().is_none_or(|(last, _)| *last < at) && !breaks.is_empty() {
            breaks.push((at, Break::Blank));
        }
    }
    // Where two breaks meet, the blank line wins.
    breaks.sort_by_key(|(at, how)| (*at, *how == Break::Line));
    breaks.dedup_by_key(|(at, _)| *at);
    let mut start = 0;
    for (at, how) in breaks {
        if at <= start && start > 0 {
            continue;
        }
        let piece = line[start..at].trim_end();
        if !piece.trim_start().is_empty() {
            out.push_str(piece);
            out.push('\n');
            if how == Break::Blank {
                out.push('\n');
            }
        }
        start = at;
        while start < b.len() && is_space(b, start) {
            start += 1;
        }
    }
    out.push_str(&line[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        reflow(text).lines().map(str::to_owned).collect()
    }

    #[test]
    fn breaks_a_caption_block_at_its_fields() {
        let text = "C O N F I D E N T I A L  NEW DELHI 005734   E.O. 12958: DECL: 09/09/2014 TAGS: PREL, PTER, \
                    PGOV, BG, IN SUBJECT: INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH  REF: A. DHAKA 3127      B. \
                    NEW DELHI 5486  Classified By: PolCouns Geoffrey Pyatt.  Reason 1.5 (B,D)  1. (C) Summary: \
                    Bangladesh watchers reacted.  2. (C) More text here.  PYATT";
        assert!(needs_reflow(text));
        assert_eq!(
            lines(text),
            [
                "C O N F I D E N T I A L  NEW DELHI 005734",
                "E.O. 12958: DECL: 09/09/2014",
                "TAGS: PREL, PTER, PGOV, BG, IN",
                "SUBJECT: INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH",
                "REF: A. DHAKA 3127",
                "B. NEW DELHI 5486",
                "Classified By: PolCouns Geoffrey Pyatt.",
                "Reason 1.5 (B,D)",
                "",
                "1. (C) Summary: Bangladesh watchers reacted.",
                "",
                "2. (C) More text here.",
                "",
                "PYATT",
            ]
        );
    }

    /// A text whose first paragraph has no number: it begins after the last field's two spaces,
    /// and is not read as more of that field (it was: the REF held the whole text). A subject in
    /// title case after `SUBJECT:` and its two spaces is the subject, not prose.
    #[test]
    fn an_unnumbered_first_paragraph_ends_the_header() {
        let text = "UNCLAS NEW DELHI 006967  SIPDIS  PASS TO DOE - A. BIENIAWSKI  E.O. 12958: N/A TAGS: AORC, \
                    PTER, IN SUBJECT:  Bio-Security Initiatives With India  REF: A. STATE 233267  B. NEW DELHI 6500  \
                    As instructed in Ref A, Poloff delivered the talking points to the Under Secretary on November \
                    1.  Kapoor did not offer a response, but said that she would respond.  MULFORD";
        assert_eq!(
            lines(text),
            [
                "UNCLAS NEW DELHI 006967",
                "SIPDIS",
                "PASS TO DOE - A. BIENIAWSKI",
                "E.O. 12958: N/A",
                "TAGS: AORC, PTER, IN",
                "SUBJECT:",
                "Bio-Security Initiatives With India",
                "REF: A. STATE 233267",
                "B. NEW DELHI 6500",
                "",
                "As instructed in Ref A, Poloff delivered the talking points to the Under Secretary on November \
                 1.  Kapoor did not offer a response, but said that she would respond.",
                "",
                "MULFORD",
            ]
        );
        let cable = crate::parse(text);
        assert_eq!(cable.subject.as_deref(), Some("Bio-Security Initiatives With India"));
        let refs: Vec<&str> = cable.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(refs, ["STATE 233267", "NEW DELHI 6500"]);
        assert!(cable.sections[0].paragraphs[0].text.starts_with("As instructed in Ref A, Poloff delivered"));
        assert_eq!(cable.signers, ["MULFORD"]);
    }

    #[test]
    fn breaks_glued_envelope_fields() {
        let text = "VZCZCXRO0001 OO RUEHDBU DE RUEHAK #1234/01 2231453 ZNY CCCCC ZZHP 111453Z AUG 06FM AMEMBASSY \
                    ANKARATO RUEHC/SECSTATE WASHDC PRIORITY 1234 INFO RUEHIT/AMCONSUL ISTANBUL 5678 BT C O N F I D E \
                    N T I A L ANKARA 004688 SIPDISSIPDISE.O. 12958: DECL: 08/11/2016 TAGS: PREL, TU SUBJECT: X  1. \
                    (C) Text.";
        let got = lines(text);
        assert_eq!(
            got,
            [
                "VZCZCXRO0001 OO RUEHDBU",
                "DE RUEHAK #1234/01 2231453",
                "ZNY CCCCC ZZH",
                "P 111453Z AUG 06",
                "FM AMEMBASSY ANKARA",
                "TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
                "INFO RUEHIT/AMCONSUL ISTANBUL 5678",
                "BT",
                "C O N F I D E N T I A L ANKARA 004688",
                "SIPDIS",
                "SIPDIS",
                "E.O. 12958: DECL: 08/11/2016",
                "TAGS: PREL, TU",
                "SUBJECT: X",
                "",
                "1. (C) Text.",
            ]
        );
    }

    #[test]
    fn a_cable_with_its_line_breaks_is_not_re_broken() {
        // One junk line that does hold run-together fields (hostile payloads), in an otherwise
        // broken cable: the line alone would be re-broken; as a small part of the text it is not.
        let junk = "C O N F I D E N T I A L STATE 000001 TAGS: PREL SUBJECT: REPEATED ".repeat(4);
        assert!(needs_reflow(&junk), "the junk line alone reads as run together");
        let cable = format!(
            "{junk}\nC O N F I D E N T I A L STATE 000030\n\nSUBJECT: PAYLOAD\n{}",
            "1. (C) Text.\n".repeat(60)
        );
        assert!(!needs_reflow(&cable));
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let paragraph = "1. (C) The minister said that the tags on the crates were wrong, and the subject of the \
                         talks was trade. "
            .repeat(4);
        assert!(!needs_reflow(&paragraph));
        assert_eq!(reflow("a\nb\n"), "a\nb\n");
    }
}
