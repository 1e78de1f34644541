//! Splitting the source into lines, with byte spans and a few shared tests
//! on line shapes.

use super::model::Span;

/// One input line. `text` is trimmed at both ends (tabs and the non-breaking
/// spaces of web copies included); `span` covers the untrimmed line without its
/// line break.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    pub span: Span,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits on `\n`, accepting `\r\n` and lone `\r` (old Mac copies) too.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 48 + 1);
    let mut start = 0;
    // One `memchr2` per line for either break: a byte loop was a tenth of the parse, and two
    // `find`s (one per break) still a tenth.
    let b = text.as_bytes();
    while start < b.len() {
        let Some(at) = memchr::memchr2(b'\n', b'\r', &b[start..]) else {
            push_line(text, &mut lines, start, b.len());
            break;
        };
        let end = start + at;
        push_line(text, &mut lines, start, end);
        // A carriage return ends a line too: `\r\n`, or alone (old Mac files).
        start = end + if b[end] == b'\r' && b.get(end + 1) == Some(&b'\n') { 2 } else { 1 };
    }
    lines
}

fn push_line<'a>(text: &'a str, lines: &mut Vec<Line<'a>>, start: usize, end: usize) {
    let raw = &text[start..end];
    lines.push(Line { number: lines.len() + 1, span: Span { start, end }, text: trim_space(raw) });
}

/// `text.trim_matches(is_space)`, by bytes when both ends are plain ASCII (nearly always).
fn trim_space(text: &str) -> &str {
    let trimmed = text.trim_ascii();
    // Vertical tab is white space to `char::is_whitespace` but not to `trim_ascii`.
    let plain = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii() && b != 0x0b);
    if plain(trimmed.as_bytes().first()) && plain(trimmed.as_bytes().last()) {
        trimmed
    } else {
        trimmed.trim_matches(is_space)
    }
}

/// White space as cables pasted from the web carry it: ASCII space and tabs,
/// the byte-order mark, no-break and zero-width spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// A text in lower case throughout (`bytes`): some letters, and no capital among them.
pub fn is_caseless(bytes: impl Iterator<Item = u8> + Clone) -> bool {
    let mut letters = bytes.filter(u8::is_ascii_alphabetic);
    letters.clone().next().is_some() && !letters.any(|b| b.is_ascii_uppercase())
}

/// `starts_with` ignoring ASCII case, for lower-cased cables (`Tags: prel`).
pub fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Finds `needle` (ASCII) in `hay` ignoring ASCII case; returns a byte offset on a char
/// boundary. It scans whole cable bodies (`END SUMMARY`) and every line of a text that may have
/// lost its breaks (`TAGS`), so it looks at 32 places at once: a place is a candidate when the
/// needle's first and last bytes stand there (compared with `| 0x20`, which folds letters and
/// never tells equal bytes apart), and only candidates are compared whole. The loop over a
/// block is plain code the compiler turns into vector compares.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    const BLOCK: usize = 32;
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let last = n.len() - 1;
    let (first_byte, last_byte) = (n[0] | 0x20, n[last] | 0x20);
    let found = |at: usize| h[at..at + n.len()].eq_ignore_ascii_case(n) && hay.is_char_boundary(at);
    // The places the needle may start at: 0..places, a block of 32 at a time; the last block
    // is moved back to end at the last place (its places already looked at are masked out).
    let places = h.len() - last;
    let block = |at: usize| {
        let (Some(starts), Some(ends)) = (h[at..].first_chunk::<BLOCK>(), h[at + last..].first_chunk::<BLOCK>()) else {
            return 0;
        };
        let mut candidates = 0u32;
        for k in 0..BLOCK {
            #[allow(clippy::needless_bitwise_bool, reason = "no branch: the loop is compiled to vector compares")]
            let hit = ((starts[k] | 0x20) == first_byte) & ((ends[k] | 0x20) == last_byte);
            candidates |= u32::from(hit) << k;
        }
        candidates
    };
    if places < BLOCK {
        return (0..places).find(|&k| (h[k] | 0x20) == first_byte && (h[k + last] | 0x20) == last_byte && found(k));
    }
    let mut at = 0;
    loop {
        let start = at.min(places - BLOCK);
        // Places before `at` were in the block before.
        let mut candidates = block(start) & (u32::MAX << (at - start));
        while candidates != 0 {
            let k = start + candidates.trailing_zeros() as usize;
            if found(k) {
                return Some(k);
            }
            candidates &= candidates - 1;
        }
        if start + BLOCK >= places {
            return None;
        }
        at = start + BLOCK;
    }
}

/// `at`, or the nearest char boundary of `text` before it (its length beyond its end).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary of `text` at or after byte `at` (`text.len()` past its end).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Collapses runs of white space into single spaces.
pub fn collapse_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Joins a hard-wrapped line onto the text: with a space, or without one after a word the wrap
/// broke at its hyphen (`two-` + `state`, `OVER-` + `FLIGHT`, `NON-` + `STARTER`: the hyphen kept,
/// as the telegram cannot tell a compound's from a break's).
pub fn join_wrapped(text: &mut String, line: &str) {
    let bytes = text.as_bytes();
    let hyphen_break = bytes.len() >= 2
        && bytes[bytes.len() - 1] == b'-'
        && bytes[bytes.len() - 2].is_ascii_alphabetic()
        && line.chars().next().is_some_and(char::is_alphabetic);
    if !hyphen_break && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

/// A horizontal rule under or around a heading: `-----`, `=====`, `_____`.
pub fn is_rule(text: &str) -> bool {
    text.len() >= 3 && text.bytes().all(|b| matches!(b, b'-' | b'=' | b'_' | b' ' | b'*'))
}

/// Whether `rule` underlines `text`: as long as it within two characters, as typists made them
/// (a spaced rule, `- - - -`, counts its spaces).
pub fn underlines(rule: &str, text: &str) -> bool {
    let rule = rule.trim();
    let length = if rule.contains("- -") { rule.len() } else { rule.bytes().filter(|&c| c != b' ').count() };
    length.abs_diff(text.trim_end().chars().count()) <= 2
}

/// Removes Markdown link debris left by copying from rendered pages:
/// `[PREL](#)` becomes `PREL`. The target may hold balanced parentheses.
pub fn strip_markdown_links(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("](") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let target = &after[close + 2..];
        let mut depth = 1usize;
        let end = target.char_indices().find_map(|(k, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(k)
        });
        let Some(end) = end else { break };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &target[end + 1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_word_the_wrap_broke_at_its_hyphen() {
        for (text, line, joined) in [
            ("nominated Baden-", "Wuerttemberg (BW)", "nominated Baden-Wuerttemberg (BW)"),
            ("A NON-", "STARTER SO FAR", "A NON-STARTER SO FAR"),
            ("the two-", "state solution", "the two-state solution"),
            // A dash, a number's range and a hyphen after no letter keep the space.
            ("THE ISSUE --", "WHICH IS", "THE ISSUE -- WHICH IS"),
            ("FROM 1990-", "1995", "FROM 1990- 1995"),
            ("U.S.-", "India", "U.S.- India"),
        ] {
            let mut text = text.to_owned();
            join_wrapped(&mut text, line);
            assert_eq!(text, joined);
        }
    }

    #[test]
    fn splits_all_line_endings_and_keeps_spans() {
        let text = "a\r\nb\rc\n\n d \t";
        let lines = split_lines(text);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(&text[lines[4].span.start..lines[4].span.end], " d \t");
        assert_eq!(lines[4].number, 5);
    }

    #[test]
    fn strips_markdown_links() {
        assert_eq!(strip_markdown_links("[PREL](#) [PGOV](#) MX"), "PREL PGOV MX");
        assert_eq!(strip_markdown_links("no links [here]"), "no links [here]");
        assert_eq!(strip_markdown_links("[PREL](javascript:alert(1)) MX"), "PREL MX");
    }

    #[test]
    fn finds_case_insensitively() {
        assert_eq!(find_ci("Classified By: x", "CLASSIFIED BY"), Some(0));
        assert_eq!(find_ci("é reasons", "REASONS"), Some(3));
        assert_eq!(find_ci("abc", "abcd"), None);
        assert_eq!(find_ci("text. END END SUMMARY. more", "END SUMMARY"), Some(10));
        assert_eq!(find_ci("end summary", "END SUMMARY"), Some(0));
    }

    #[test]
    fn find_ci_agrees_with_a_plain_scan() {
        let naive = |hay: &str, needle: &str| {
            (0..=hay.len().saturating_sub(needle.len()))
                .filter(|&i| hay.is_char_boundary(i))
                .find(|&i| {
                    hay.as_bytes().get(i..i + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
                })
                .filter(|_| !needle.is_empty() && hay.len() >= needle.len())
        };
        // Every string of up to 7 letters from a small alphabet, against needles with repeats.
        let alphabet = ['e', 'N', 'd', ' ', 'S', 'é'];
        let mut hays = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                hays.iter().flat_map(|h| alphabet.iter().map(move |c| format!("{h}{c}"))).collect();
            hays.extend(longer);
        }
        for needle in ["END", "EE", "E", "N D", "ENDE", "SEND S"] {
            for hay in &hays {
                assert_eq!(find_ci(hay, needle), naive(hay, needle), "{hay:?} / {needle:?}");
            }
        }
        // Long texts, where the search goes 32 places at a time: the needle at every place
        // around and across the blocks' edges, after near misses, in either case, after a
        // multi-byte letter, and not there at all.
        for needle in ["END SUMMARY", "TAGS", "E", "@`"] {
            for len in [31, 32, 33, 63, 64, 65, 100, 200] {
                for at in 0..len {
                    let filler: String = (0..len).map(|k| ['s', 'U', ' ', 'e', 'Y', 'n', '@'][k % 7]).collect();
                    let mut hay = filler.clone();
                    hay.insert_str(at, &needle.to_ascii_lowercase());
                    assert_eq!(find_ci(&hay, needle), naive(&hay, needle), "{hay:?} / {needle:?}");
                    assert_eq!(find_ci(&filler, needle), naive(&filler, needle), "{filler:?} / {needle:?}");
                    let accented = format!("{}é{}", &filler[..at], &filler[at..]);
                    assert_eq!(find_ci(&accented, needle), naive(&accented, needle), "{accented:?} / {needle:?}");
                }
            }
        }
    }
}
