//! The TAGS line: `TAGS: PREL PGOV UNSC MX`, `TAGS PREL, PGOV, ZI`,
//! `Tags: prel, pgov`, `TAGS: [PREL](#) [PGOV](#)`, person tags
//! (`OVIP (KISSINGER, HENRY A.)`, `STEINBERG, JAMES B.`), multi-word tags.

use crate::lines::strip_markdown_links;

/// The text after the TAGS keyword (or one of its typos), or `None`.
pub fn strip_tags_keyword(line: &str) -> Option<&str> {
    super::keywords::strip(line, super::keywords::Keyword::Tags)
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
    for (k, item) in items.iter().enumerate() {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        // `JAMES B.` after `STEINBERG`: a person's given names, joined to the surname before them.
        if is_given_names(item) {
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
        // Between commas, words that are not all codes make one tag (`External Political
        // Relations`, `GOI EXTERNAL`); codes stay apart (`PREL PGOV, IN`).
        let before_given_names = items.get(k + 1).is_some_and(|next| is_given_names(next.trim()));
        if items.len() > 1
            && upper.contains(' ')
            && !before_given_names
            && !upper.split_whitespace().all(looks_like_code)
        {
            // Known codes before the words stay codes (`PREL PGOV Human Rights`), so do those
            // after them when only codes follow, and known codes of four letters anywhere
            // (`OVIP CLINTON HILLARY PREL KPAL FR`, from a list whose first line had no commas);
            // a two-letter code among the words is theirs (`HUMAN RIGHTS IN CHINA`).
            let all: Vec<&str> = upper.split_whitespace().collect();
            let leading = all.iter().take_while(|w| is_known(w)).count();
            let trailing = all[leading..].iter().rev().take_while(|w| is_known(w)).count();
            let trailing = if trailing >= 2 { trailing } else { 0 };
            let code = |k: usize, w: &str| k < leading || k >= all.len() - trailing || w.len() >= 4 && is_known(w);
            let mut phrase: Vec<&str> = Vec::new();
            for (k, w) in all.iter().enumerate() {
                if code(k, w) {
                    if !phrase.is_empty() {
                        words.push(std::mem::take(&mut phrase).join(" "));
                    }
                    words.push((*w).to_owned());
                } else {
                    phrase.push(w);
                }
            }
            if !phrase.is_empty() {
                words.push(phrase.join(" "));
            }
            continue;
        }
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
        match split_slashed(tag).or_else(|| split_glued(tag)) {
            Some(pieces) => pieces.into_iter().for_each(|piece| push(piece.to_owned(), &mut tags)),
            None => push(tag.to_owned(), &mut tags),
        }
    }
    (tags, saw_sipdis)
}

/// `JAMES B.` after `STEINBERG,`: a person's given names.
fn is_given_names(item: &str) -> bool {
    item.ends_with('.') && item.split_whitespace().count() >= 2 && !item.contains('(')
}

/// A word that can be a TAG code: a known one, or a short run of capitals (`PREL`, `IN`, `KPAO`).
fn looks_like_code(word: &str) -> bool {
    is_known(word) || word.len() <= 5 && word.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Every TAG code the code book knows (`data/tag-codes.txt`, generated from `src/codes/refdata`).
fn is_known(code: &str) -> bool {
    static CODES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let codes = CODES.get_or_init(|| include_str!("../data/tag-codes.txt").lines().collect());
    codes.binary_search(&code).is_ok()
}

/// TAGS glued together when line breaks were lost (`PHUMBA`, `ETRDEINVECINPGOVCS`): split
/// into known codes when every piece is one, in as few pieces as possible; else `None`.
fn split_glued(word: &str) -> Option<Vec<&str>> {
    if word.len() < 6 || word.len() > 64 || !word.bytes().all(|b| b.is_ascii_uppercase()) || is_known(word) {
        return None;
    }
    // best[k]: the fewest pieces that cover word[..k], and where the last piece starts.
    let n = word.len();
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 2..=n {
        for start in end.saturating_sub(6)..=end - 2 {
            let Some((count, _)) = best[start] else { continue };
            if is_known(&word[start..end]) && best[end].is_none_or(|(c, _)| count + 1 < c) {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let mut pieces = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        pieces.push(&word[start..end]);
        end = start;
    }
    pieces.reverse();
    Some(pieces)
}

/// Codes run together with slashes (`PREL/PGOV/IZ`), when every piece is a known code.
fn split_slashed(word: &str) -> Option<Vec<&str>> {
    let pieces: Vec<&str> = word.split('/').collect();
    (pieces.len() >= 2 && pieces.iter().all(|p| is_known(p))).then_some(pieces)
}

/// Splits on white space outside parentheses; a parenthesised group is a tag of its own,
/// without its parentheses (`OVIP (KISSINGER, HENRY A.)` is `OVIP` and `KISSINGER, HENRY A.`).
fn split_with_groups(item: &str, words: &mut Vec<String>) {
    let mut depth = 0usize;
    let mut word = String::new();
    for c in item.chars() {
        if c == '(' {
            if depth == 0 && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            depth += 1;
        } else if c == ')' {
            depth = depth.saturating_sub(1);
            if depth == 0 && !word.is_empty() {
                words.push(std::mem::take(&mut word).trim().to_owned());
            }
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
        assert_eq!(tags("PREL OVIP (KISSINGER, HENRY A.) US"), ["PREL", "OVIP", "KISSINGER, HENRY A.", "US"]);
        assert_eq!(tags("OVIP (STEINBERG, JAMES B.)"), ["OVIP", "STEINBERG, JAMES B."]);
        assert_eq!(tags("PREL PGOV STEINBERG, JAMES B."), ["PREL", "PGOV", "STEINBERG, JAMES B."]);
        let (t, sipdis) = split_tags("PREL SIPDIS PGOV");
        assert_eq!((t, sipdis), (vec!["PREL".to_owned(), "PGOV".to_owned()], true));
    }

    #[test]
    fn keeps_multi_word_tags_and_splits_glued_codes() {
        assert_eq!(
            tags("PREL, PGOV, KNNP, IN, External Political Relations"),
            ["PREL", "PGOV", "KNNP", "IN", "EXTERNAL POLITICAL RELATIONS"]
        );
        assert_eq!(tags("PGOV, GOI EXTERNAL, HUMAN RIGHTS"), ["PGOV", "GOI EXTERNAL", "HUMAN RIGHTS"]);
        assert_eq!(tags("PREL PGOV, IN"), ["PREL", "PGOV", "IN"]);
        assert_eq!(tags("PHUMBA"), ["PHUM", "BA"]);
        assert_eq!(tags("ETRDEINVECINPGOVCS"), ["ETRD", "EINV", "ECIN", "PGOV", "CS"]);
        // An unknown word is kept, not cut into pieces.
        assert_eq!(tags("PREL, XQZWVK"), ["PREL", "XQZWVK"]);
        // Codes run together by slashes; a slash between words that are not all codes stays.
        assert_eq!(tags("PREL/PGOV/IZ, KDEM"), ["PREL", "PGOV", "IZ", "KDEM"]);
        assert_eq!(tags("PREL, N/A"), ["PREL", "N/A"]);
    }

    #[test]
    fn reads_keyword_typos() {
        assert_eq!(strip_tags_keyword("TAGS: PREL"), Some("PREL"));
        assert_eq!(strip_tags_keyword("TAGS PREL, PGOV"), Some("PREL, PGOV"));
        assert_eq!(strip_tags_keyword("TAS: PREL"), Some("PREL"));
        assert_eq!(strip_tags_keyword("Tags: prel"), Some("prel"));
        assert_eq!(strip_tags_keyword("TAGUS RIVER"), None);
    }

    /// A first line without commas and a second with them (09STATE11937, 09BRASILIA542): the
    /// codes of the first stand apart from the words of a person's name; words keep a
    /// two-letter code among them.
    #[test]
    fn splits_a_line_without_commas_before_one_with_them() {
        assert_eq!(
            tags("OVIP CLINTON HILLARY PREL KPAL FR IR RS NATO, UK, CN"),
            ["OVIP", "CLINTON HILLARY", "PREL", "KPAL", "FR", "IR", "RS", "NATO", "UK", "CN"]
        );
        assert_eq!(tags("KFLU AEMR ASEC AMEDCASC TBIO KPAO PREL PINR, AMGT, TF, BR")[3..5], ["AMED", "CASC"]);
        assert_eq!(tags("PGOV, HUMAN RIGHTS IN CHINA"), ["PGOV", "HUMAN RIGHTS IN CHINA"]);
    }
}
