//! The keywords that open caption fields (`SUBJECT:`, `TAGS:`, `REF:`, `Classified By:`),
//! read one way for every field: at the start of a line, and inside a line where a field
//! runs on into the next (`…AS UK PRIMEREF: A. LONDON 1939`, `TAGS: PREL, IN SUBJECT: …`).

use crate::lines::starts_with_ci;

/// A caption field's keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Subject,
    Tags,
    Ref,
    ClassifiedBy,
}

/// Each keyword's spellings, longest first so `REFS` is not read as `REF` + `S`.
const SPELLINGS: [(Keyword, &[&str]); 4] = [
    (Keyword::Subject, &["SUBJECT", "SUBJ"]),
    // Typos seen in the wild: `TAGE`, `TABS`, `TAS`, `TGS`, `AGS`.
    (Keyword::Tags, &["TAGS", "TAGE", "TABS", "TAG", "TAS", "TGS", "AGS"]),
    (Keyword::Ref, &["REFERENCES", "REFERENCE", "REFTELS", "REFTEL", "REF(S)", "REFS", "REF"]),
    (Keyword::ClassifiedBy, &["CLASSIFIED BY"]),
];

/// The text after `keyword` at the start of `line`, or `None`. The keyword must stand alone:
/// `TAGS:`, `TAGS PREL`, `SUBJ.`, not `TAGUS RIVER` or `REFUGEES`.
pub fn strip(line: &str, keyword: Keyword) -> Option<&str> {
    let (_, spellings) = SPELLINGS.iter().find(|(k, _)| *k == keyword)?;
    for spelling in *spellings {
        if starts_with_ci(line, spelling) {
            let rest = &line[spelling.len()..];
            let separator =
                rest.starts_with([':', ' ', '.', '\t']) || keyword == Keyword::Tags && rest.starts_with(';');
            if rest.is_empty() || separator {
                return Some(rest.trim_start_matches([':', '.', ';']).trim());
            }
        }
    }
    None
}

/// Where another caption field starts inside `text` (never at 0), and which. Inside a line only
/// the unmistakable forms count: a keyword with its colon (glued to the word before it or not),
/// or `Classified By`; a bare `REF` or `SUBJECT` is a word of the text.
pub fn next_field(text: &str) -> Option<(usize, Keyword)> {
    let b = text.as_bytes();
    let mut i = 1;
    while i < b.len() {
        let c = b[i].to_ascii_uppercase();
        if matches!(c, b'S' | b'T' | b'R' | b'C') && text.is_char_boundary(i) {
            let rest = &text[i..];
            let after_space = b[i - 1] == b' ';
            for (keyword, spellings) in SPELLINGS {
                // Typos count only at the start of a line: inside one, `TAGS:` alone.
                let forms = if keyword == Keyword::Tags { &spellings[..1] } else { spellings };
                let colon_form = forms.iter().any(|s| {
                    starts_with_ci(rest, s)
                        && rest[s.len()..].starts_with(':')
                        && (after_space || keyword == Keyword::Ref)
                });
                let classified =
                    keyword == Keyword::ClassifiedBy && after_space && starts_with_ci(rest, "CLASSIFIED BY");
                if colon_form || classified {
                    return Some((i, keyword));
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_keywords_that_stand_alone() {
        assert_eq!(strip("SUBJECT: X", Keyword::Subject), Some("X"));
        assert_eq!(strip("SUBJ: X", Keyword::Subject), Some("X"));
        assert_eq!(strip("Ref(s): A. X", Keyword::Ref), Some("A. X"));
        assert_eq!(strip("REFS: X", Keyword::Ref), Some("X"));
        assert_eq!(strip("REFUGEES fled", Keyword::Ref), None);
        assert_eq!(strip("TAGUS RIVER", Keyword::Tags), None);
        assert_eq!(strip("TAS: PREL", Keyword::Tags), Some("PREL"));
    }

    #[test]
    fn finds_the_next_field_inside_a_line() {
        let text = "PM BROWN ON IRAQ AS UK PRIMEREF: A. LONDON 1939";
        assert_eq!(next_field(text).map(|(at, k)| (&text[at..], k)), Some(("REF: A. LONDON 1939", Keyword::Ref)));
        let text = "PREL, IN SUBJECT: INDIA";
        assert_eq!(next_field(text).map(|(at, k)| (&text[at..], k)), Some(("SUBJECT: INDIA", Keyword::Subject)));
        let text = "TALKS Classified By: Ambassador X";
        assert_eq!(next_field(text).map(|(_, k)| k), Some(Keyword::ClassifiedBy));
        assert_eq!(next_field("REFUGEES AND THE SUBJECT OF TAGS"), None);
        assert_eq!(next_field("TAGS: PREL"), None);
    }
}
