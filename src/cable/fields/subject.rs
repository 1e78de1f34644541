//! The SUBJECT line: `SUBJECT: (C) TURKEY: …`, `SUBJ: …`, `Subject: …` (case kept as
//! written), cleaned of what copies add to it: HTML entities (`&#8217;`) and the `\\`
//! of an escaped line break.

use super::keywords::{self, Keyword};
use crate::lines::collapse_ws;

/// The text after the SUBJECT keyword, or `None`.
pub fn strip_subject_keyword(line: &str) -> Option<&str> {
    keywords::strip(line, Keyword::Subject)
}

/// The subject as read: white space collapsed, entities decoded, escape debris removed.
pub fn clean(subject: &str) -> String {
    let decoded = if subject.contains('&') { crate::html::decode_entities(subject) } else { subject.to_owned() };
    // `FOO \` at a line's end in a CSV export: the backslash escaped the line break.
    let unescaped: String = decoded
        .split(' ')
        .map(|w| if w.chars().all(|c| c == '\\') { "" } else { w.trim_end_matches('\\') })
        .collect::<Vec<_>>()
        .join(" ");
    collapse_ws(&unescaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_entities_and_escapes() {
        assert_eq!(clean("MEXICO&#8217;S  NEW \\ LAW"), "MEXICO\u{2019}S NEW LAW");
        assert_eq!(clean("Lower case kept &amp; all"), "Lower case kept & all");
        assert_eq!(strip_subject_keyword("SUBJ: X"), Some("X"));
        assert_eq!(strip_subject_keyword("Subjects of talks"), None);
    }
}
