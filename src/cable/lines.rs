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

/// `starts_with` ignoring ASCII case, for lower-cased cables (`Tags: prel`).
pub fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Finds `needle` (ASCII, under 256 bytes) in `hay` ignoring ASCII case; returns a byte offset on
/// a char boundary. Horspool's search: the byte under the window's end says how far it may
/// move, so a long text is mostly skipped, not compared (it scans whole cable bodies).
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let Ok(len) = u8::try_from(n.len()) else {
        return (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n) && hay.is_char_boundary(i));
    };
    let last = n.len() - 1;
    let mut skip = [len; 256];
    for (shift, &b) in (1..len).rev().zip(&n[..last]) {
        skip[usize::from(b.to_ascii_lowercase())] = shift;
        skip[usize::from(b.to_ascii_uppercase())] = shift;
    }
    let mut i = 0;
    while i + last < h.len() {
        let end = h[i + last];
        if end.eq_ignore_ascii_case(&n[last])
            && h[i..i + last].eq_ignore_ascii_case(&n[..last])
            && hay.is_char_boundary(i)
        {
            return Some(i);
        }
        i += usize::from(skip[usize::from(end)]);
    }
    None
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

/// A horizontal rule under or around a heading: `-----`, `=====`, `_____`.
pub fn is_rule(text: &str) -> bool {
    text.len() >= 3 && text.bytes().all(|b| matches!(b, b'-' | b'=' | b'_' | b' ' | b'*'))
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
    }
}
