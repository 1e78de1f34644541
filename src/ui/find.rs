//! Find in cable: case-insensitive hits in paragraph text. Pure functions, so
//! the count the toolbar shows and the marks the body draws always agree.

use crate::cable::Cable;

/// Byte ranges of `query` in `text`, ignoring ASCII case, not overlapping.
pub fn hits(text: &str, query: &str) -> Vec<(usize, usize)> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let (hay, needle) = (text.as_bytes(), query.as_bytes());
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + needle.len())
        {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// What the body shows of a paragraph: reflowed text or the original lines.
pub fn shown_text(paragraph: &crate::cable::Paragraph, reflow: bool) -> &str {
    if reflow { &paragraph.text } else { &paragraph.original }
}

/// How many hits the whole body has.
pub fn count(cable: &Cable, query: &str, reflow: bool) -> usize {
    cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| hits(shown_text(p, reflow), query).len()).sum()
}
