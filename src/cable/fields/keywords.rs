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
    // Every spelling of a keyword starts with one of two letters: reject other lines at once.
    let first = line.as_bytes().first()?.to_ascii_uppercase();
    let possible = match keyword {
        Keyword::Subject => first == b'S',
        Keyword::Tags => first == b'T' || first == b'A',
        Keyword::Ref => first == b'R',
        Keyword::ClassifiedBy => first == b'C',
    };
    if !possible {
        return None;
    }
    let (_, spellings) = SPELLINGS.iter().find(|(k, _)| *k == keyword)?;
    for spelling in *spellings {
        if starts_with_ci(line, spelling) {
            let rest = &line[spelling.len()..];
            // `SUBJECT;`, `REF;`: a scan's text reads a colon so.
            let separator = rest.starts_with([':', ';', ' ', '.', '\t']) || dash(rest).is_some();
            if rest.is_empty() || separator {
                // `REFS :` too; `SUBJECT - …`, `SUBJECT -- …`, `SUBJ- …`: a dash for the colon.
                let rest = rest.trim_start();
                let rest = dash(rest).unwrap_or(rest);
                return Some(rest.trim_start_matches([':', '.', ';']).trim());
            }
        }
    }
    None
}

/// The text after a dash standing for a keyword's colon (`- …`, `-- …`, `– …`): dashes, then
/// white space (not `-MATTER`).
fn dash(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(['-', '–', '—']);
    (rest.len() < text.len() && rest.starts_with([' ', '\t'])).then_some(rest)
}

/// Where another caption field starts inside `text` (never at 0), and which. Inside a line only
/// the unmistakable forms count: a keyword with its colon (glued to the word before it or not),
/// or `Classified By`; a bare `REF` or `SUBJECT` is a word of the text.
pub fn next_field(text: &str) -> Option<(usize, Keyword)> {
    // A keyword with its colon ends at a colon: look only where there is one.
    let colon_field = text.match_indices(':').find_map(|(colon, _)| {
        SPELLINGS.iter().find_map(|(keyword, spellings)| {
            // Typos count only at the start of a line: inside one, `TAGS:` alone.
            let forms = if *keyword == Keyword::Tags { &spellings[..1] } else { spellings };
            forms.iter().find_map(|s| {
                let at = colon.checked_sub(s.len()).filter(|&at| at > 0 && text.is_char_boundary(at))?;
                let after_space = text.as_bytes()[at - 1] == b' ';
                let glued_ok = after_space || *keyword == Keyword::Ref;
                (glued_ok && text[at..colon].eq_ignore_ascii_case(s) && *keyword != Keyword::ClassifiedBy)
                    .then_some((at, *keyword))
            })
        })
    });
    let classified = [" CLASSIFIED BY", " DERIVED FROM:"]
        .iter()
        .filter_map(|k| crate::lines::find_ci(text, k))
        .min()
        .map(|at| (at + 1, Keyword::ClassifiedBy));
    match (colon_field, classified) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
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
        // A scan's semicolon for the colon.
        assert_eq!(strip("SUBJECT; X", Keyword::Subject), Some("X"));
        assert_eq!(strip("REF; A. X", Keyword::Ref), Some("A. X"));
        // A dash for the colon, but not a word joined to the keyword by one.
        assert_eq!(strip("SUBJECT - X", Keyword::Subject), Some("X"));
        assert_eq!(strip("SUBJ-- X", Keyword::Subject), Some("X"));
        assert_eq!(strip("REF - STATE 5", Keyword::Ref), Some("STATE 5"));
        assert_eq!(strip("SUBJECT-MATTER EXPERTS", Keyword::Subject), None);
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
