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
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            push_line(text, &mut lines, start, i);
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        push_line(text, &mut lines, start, bytes.len());
    }
    lines
}

fn push_line<'a>(text: &'a str, lines: &mut Vec<Line<'a>>, start: usize, end: usize) {
    let raw = &text[start..end];
    lines.push(Line { number: lines.len() + 1, span: Span { start, end }, text: raw.trim_matches(is_space) });
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

/// Finds `needle` (ASCII) in `hay` ignoring ASCII case; returns a byte offset on a char boundary.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    // Look at the first and the last byte (either case) before comparing the rest: nearly
    // every position fails there.
    let last = n.len() - 1;
    let (first_lower, first_upper) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    let (last_lower, last_upper) = (n[last].to_ascii_lowercase(), n[last].to_ascii_uppercase());
    h.windows(n.len())
        .position(|w| {
            (w[0] == first_lower || w[0] == first_upper)
                && (w[last] == last_lower || w[last] == last_upper)
                && w.eq_ignore_ascii_case(n)
        })
        .filter(|&i| hay.is_char_boundary(i))
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
    }
}
