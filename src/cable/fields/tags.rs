//! The TAGS line: `TAGS: PREL PGOV UNSC MX`, `TAGS PREL, PGOV, ZI`,
//! `Tags: prel, pgov`, `TAGS: [PREL](#) [PGOV](#)`, person tags
//! (`OVIP (KISSINGER, HENRY A.)`, `STEINBERG, JAMES B.`), multi-word tags.

use crate::lines::strip_markdown_links;

/// The keyword and its typos seen in the wild (`TAG`, `TAGE`, `TAS`, `TABS`, `TGS`, `AGS`),
/// returning the text after it.
pub fn strip_tags_keyword(line: &str) -> Option<&str> {
    const KEYWORDS: [&str; 7] = ["TAGS", "TAGE", "TABS", "TAG", "TAS", "TGS", "AGS"];
    for keyword in KEYWORDS {
        if crate::lines::starts_with_ci(line, keyword) {
            let rest = &line[keyword.len()..];
            // The keyword must stand alone: `TAGS:`, `TAGS ` — not `TAGUS RIVER`.
            if rest.is_empty() || rest.starts_with([':', ' ', '\t', ';', '.']) {
                return Some(rest.trim_start_matches([':', ';', '.']).trim());
            }
        }
    }
    None
}

/// Tags whose words belong together.
const MULTI_WORD: [&str; 4] = ["COUNTER TERRORISM", "HUMAN RIGHTS", "COUNTRY CLEARANCE", "TRAFFICKING IN PERSONS"];

/// Splits a TAGS field into tags: upper case, in order, debris removed, duplicates dropped.
/// `SIPDIS` is not a tag (it strays into TAGS lines, 05OTTAWA3726) and is returned apart.
pub fn split_tags(field: &str) -> (Vec<String>, bool) {
    // Only letters, digits and the punctuation of person tags survive; markup
    // and other debris (`<`, `#`, `[`, `"`) become separators.
    let cleaned: String = strip_markdown_links(field)
        .chars()
        .map(|c| if c.is_alphanumeric() || " ,;.()'-/&".contains(c) { c } else { ' ' })
        .collect();
    let mut tags: Vec<String> = Vec::new();
    let mut saw_sipdis = false;
    let mut push = |tag: String, tags: &mut Vec<String>| {
        if tag == "SIPDIS" {
            saw_sipdis = true;
        } else if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    };
    // Parenthesised person names stay with the tag before them: `OVIP (KISSINGER, HENRY A.)`.
    let mut items: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in cleaned.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ',' | ';' if depth == 0 => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    let mut words: Vec<String> = Vec::new();
    for item in &items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        // `JAMES B.` after `STEINBERG`: a person's given names, joined to the surname before them.
        let person_given = item.ends_with('.') && item.split_whitespace().count() >= 2 && !item.contains('(');
        if person_given {
            if let Some(surname) = words.pop() {
                words.push(format!("{surname}, {}", item.to_ascii_uppercase()));
                continue;
            }
        }
        if item.contains('(') {
            split_with_groups(&item.to_ascii_uppercase(), &mut words);
            continue;
        }
        let upper = item.to_ascii_uppercase();
        let mut rest = upper.as_str();
        'outer: while !rest.is_empty() {
            rest = rest.trim_start();
            for phrase in MULTI_WORD {
                if rest.starts_with(phrase) && rest[phrase.len()..].chars().next().is_none_or(char::is_whitespace) {
                    words.push(phrase.to_owned());
                    rest = &rest[phrase.len()..];
                    continue 'outer;
                }
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            words.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    for word in words {
        let tag = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == ')' || c == '.'));
        let tag = if tag.contains('(') || tag.contains(", ") { tag } else { tag.trim_end_matches('.') };
        push(tag.to_owned(), &mut tags);
    }
    (tags, saw_sipdis)
}

/// Splits on white space outside parentheses; a parenthesised group joins the
/// word before it (`OVIP (KISSINGER, HENRY A.)` is one tag).
fn split_with_groups(item: &str, words: &mut Vec<String>) {
    let mut depth = 0usize;
    let mut word = String::new();
    for c in item.chars() {
        if c == '(' {
            if depth == 0 {
                if word.is_empty() {
                    word = words.pop().unwrap_or_default();
                }
                if !word.is_empty() {
                    word.push(' ');
                }
            }
            depth += 1;
            word.push(c);
        } else if c == ')' {
            depth = depth.saturating_sub(1);
            word.push(c);
        } else if c.is_whitespace() {
            if depth == 0 {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            } else if !word.ends_with(' ') {
                word.push(' ');
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(field: &str) -> Vec<String> {
        split_tags(field).0
    }

    #[test]
    fn splits_spaces_commas_and_markdown() {
        assert_eq!(tags("[PREL](#) [PGOV](#) [UNSC](#) [MX](#)"), ["PREL", "PGOV", "UNSC", "MX"]);
        assert_eq!(tags("PREL, PGOV, ZI"), ["PREL", "PGOV", "ZI"]);
        assert_eq!(tags("prel, pgov"), ["PREL", "PGOV"]);
        assert_eq!(tags("PINR PREL PTER YE COUNTER TERRORISM"), ["PINR", "PREL", "PTER", "YE", "COUNTER TERRORISM"]);
    }

    #[test]
    fn keeps_person_tags_whole_and_drops_sipdis() {
        assert_eq!(tags("PREL OVIP (KISSINGER, HENRY A.) US"), ["PREL", "OVIP (KISSINGER, HENRY A.)", "US"]);
        assert_eq!(tags("PREL PGOV STEINBERG, JAMES B."), ["PREL", "PGOV", "STEINBERG, JAMES B."]);
        let (t, sipdis) = split_tags("PREL SIPDIS PGOV");
        assert_eq!((t, sipdis), (vec!["PREL".to_owned(), "PGOV".to_owned()], true));
    }

    #[test]
    fn reads_keyword_typos() {
        assert_eq!(strip_tags_keyword("TAGS: PREL"), Some("PREL"));
        assert_eq!(strip_tags_keyword("TAGS PREL, PGOV"), Some("PREL, PGOV"));
        assert_eq!(strip_tags_keyword("TAS: PREL"), Some("PREL"));
        assert_eq!(strip_tags_keyword("Tags: prel"), Some("prel"));
        assert_eq!(strip_tags_keyword("TAGUS RIVER"), None);
    }
}
