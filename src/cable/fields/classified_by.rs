//! `Classified By: Ambassador Rice for Reasons 1.4 (b) and (d)` and its variants:
//! `CLASSIFIED BY: …; REASON: 1.4(B), (D)`, `Classified By: Classified by …`,
//! `1.5 (D)`, `1.4 b,d`, `1.4 (b)/(d)`, `1.4 (b) & (d)`.

use crate::lines::{collapse_ws, find_ci, starts_with_ci};

/// The text after `Classified By` (or the old `CLASSIFIED CONFIDENTIAL BY`), or `None`.
pub fn strip_classified_by(line: &str) -> Option<&str> {
    // `DERIVED FROM: DSCG 05-1 B, D`: classified from a guide, read whole by
    // `parse_classified_by`.
    if derived_from(line).is_some() {
        return Some(line);
    }
    let keyword = "CLASSIFIED BY";
    if starts_with_ci(line, keyword) {
        // `Classified By;` too: a scan's text reads a colon so.
        return Some(line[keyword.len()..].trim_start_matches([':', ';', ' ', '.', ',']));
    }
    let rest = line.get(..11).filter(|k| k.eq_ignore_ascii_case("CLASSIFIED ")).map(|_| &line[11..])?;
    ["TOP SECRET", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED"].iter().find_map(|class| {
        let after = rest.get(class.len()..)?;
        (starts_with_ci(rest, class) && starts_with_ci(after, " BY "))
            .then(|| after[4..].trim_start_matches([':', ';', ' ', '.', ',']))
    })
}

/// Joins a continuation line onto the field: a word cut by a hard wrap (`Hoyt Y` + `ee for
/// reasons`) is joined without a space.
pub fn join_continuation(field: &mut String, line: &str) {
    let last = field.rsplit(' ').next().unwrap_or("");
    let cut = last.len() <= 2
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().all(char::is_alphabetic)
        && line.split(' ').next().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && w.len() > 1)
        && !line.starts_with("for ")
        && !line.starts_with("and ");
    // A wrap inside a word of the reasons (`1.4 (b) a` / `nd (d)`, `reas` / `ons 1.4`) or their
    // number (`reasons 1.` / `4 (b)`).
    let first = line.split(' ').next().unwrap_or("");
    let glued = format!("{last}{first}").to_ascii_lowercase();
    let glued = glued.trim_end_matches([':', '.', ',']);
    let word = ["and", "for", "per", "reason", "reasons", "reason(s)"].contains(&glued)
        && !last.eq_ignore_ascii_case(glued)
        && !first.trim_end_matches([':', '.', ',']).eq_ignore_ascii_case(glued);
    let number = last.len() == 2
        && last.as_bytes()[0].is_ascii_digit()
        && last.ends_with('.')
        && first.bytes().next().is_some_and(|b| b.is_ascii_digit());
    let cut = cut || !last.is_empty() && !first.is_empty() && (word || number);
    if !cut && !field.is_empty() {
        field.push(' ');
    }
    field.push_str(line);
}

/// Offices and posts that follow the person's name and title (`…, Embassy Ankara`).
const POSTS: [&str; 9] = [
    "EMBASSY",
    "AMEMBASSY",
    "CONSULATE",
    "AMCONSUL",
    "USMISSION",
    "U.S. MISSION",
    "US MISSION",
    "DEPARTMENT OF STATE",
    "DOS",
];

/// The text after `DERIVED FROM` (a derivative classification: from a classification guide).
fn derived_from(line: &str) -> Option<&str> {
    let keyword = "DERIVED FROM";
    let rest = line.get(keyword.len()..).filter(|_| starts_with_ci(line, keyword))?;
    rest.starts_with([':', ' ']).then(|| rest.trim_start_matches([':', ' ']))
}

/// `DSCG 05-1 B, D`: the guide (`Derived from DSCG 05-1`), then the letters of the reasons
/// (section 1.4 of E.O. 12958 as amended and of E.O. 13526, under which the guide was issued),
/// or reasons written out (`DSCG 05-1, 1.4(b),(d)`).
fn parse_derived(rest: &str) -> (Option<String>, Vec<String>) {
    let words: Vec<&str> = rest.split([' ', ',', '.']).filter(|w| !w.is_empty()).collect();
    let letter = |w: &&&str| w.len() == 1 && (b'a'..=b'h').contains(&w.as_bytes()[0].to_ascii_lowercase());
    let letters = words.iter().rev().take_while(letter).count();
    let written = parse_reasons(rest);
    let (guide, reasons) = if written.is_empty() && letters > 0 {
        let guide = words[..words.len() - letters].join(" ");
        let reasons = words[words.len() - letters..].iter().rev().map(|w| format!("1.4({})", w.to_ascii_lowercase()));
        (guide, reasons.rev().collect())
    } else {
        let cut = ["1.4", "1.5", "REASON"].iter().filter_map(|m| find_ci(rest, m)).min().unwrap_or(rest.len());
        (collapse_ws(rest[..cut].trim().trim_end_matches([',', ';', ':'])), written)
    };
    ((!guide.is_empty()).then(|| format!("Derived from {guide}")), reasons)
}

/// Splits the field into who classified it (title included) and the normalised reasons.
pub fn parse_classified_by(field: &str) -> (Option<String>, Vec<String>) {
    if let Some(rest) = derived_from(field) {
        return parse_derived(rest);
    }
    // `Classified By: Classified by IO/DAS …` (doubled by the drafter).
    let field = strip_classified_by(field).unwrap_or(field);
    let cut = ["for reason", "reason", "; 1.", ", 1.", " 1.4", " 1.5", " E.O."]
        .iter()
        .filter_map(|m| find_ci(field, m))
        .chain(split_reasons_at(field))
        .min()
        .unwrap_or(field.len());
    let who = field[..cut].trim().trim_end_matches([',', ';', ':', '-']).trim();
    // A full stop ends the name unless it ends an abbreviation or initial (`Blake, Jr.`, `X.`).
    let last_word = who.rsplit(' ').next().unwrap_or("");
    let who = if who.ends_with('.') && last_word.len() > 3 { who.trim_end_matches('.').trim() } else { who };
    // `… for reasons 1.4`, `… per 1.4(b),(d)`, `… under 1.4`: the word before the reasons is no
    // part of the name.
    let who = [" for", " FOR", " per", " PER", " under", " UNDER"]
        .iter()
        .find_map(|w| who.strip_suffix(w))
        .unwrap_or(who)
        .trim()
        // And the comma before it (`…William H. Duncan, for re asons 1.4(b)`).
        .trim_end_matches([',', ';'])
        .trim();
    // `…, Embassy Ankara`: the post after the person is cut off, with what follows it.
    let post_at = who
        .match_indices(',')
        .map(|(at, _)| at)
        .find(|&at| POSTS.iter().any(|p| starts_with_ci(who[at + 1..].trim_start(), p)));
    let who = post_at.map_or(who, |at| &who[..at]).trim();
    // `NEW DELHI POLITICAL COUNSELOR ERIC X`: the post before the title is cut off too.
    let who = strip_leading_post(who);
    // An old `CLASSIFIED BY SECTION 1.5 (B)` names no one.
    let names_no_one = who.is_empty() || starts_with_ci(who, "SECTION") || starts_with_ci(who, "E.O.");
    let who = (!names_no_one).then(|| collapse_ws(who));
    (who, parse_reasons(&field[cut..]))
}

/// `… for Reaso ns 1.4 (b)`, `… for rea sons`: the word cut by a wrap that a copy turned into
/// a space (a web page that flowed the lines of the field together). Where the word begins.
fn split_reasons_at(field: &str) -> Option<usize> {
    let mut words = field.split(' ').scan(0, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    });
    let mut previous = words.next()?;
    for (at, word) in words {
        let (start, head) = previous;
        // The word's two parts spell `reason…`, the first a part of `reasons` (not the whole).
        let spelled = head.bytes().chain(word.bytes()).take(6).map(|c| c.to_ascii_lowercase()).eq(*b"reason");
        let part = head.len() >= 2 && head.len() < 6 && b"reasons"[..head.len()].eq_ignore_ascii_case(head.as_bytes());
        if spelled && part {
            return Some(start);
        }
        previous = (at, word);
    }
    None
}

/// A post's name (a known station) before a title: `NEW DELHI POLITICAL COUNSELOR …`.
fn strip_leading_post(who: &str) -> &str {
    let words: Vec<(usize, &str)> = who
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for n in (1..=3).rev() {
        if words.len() > n + 1 && words[..n].iter().all(|(_, w)| w.chars().all(|c| c.is_ascii_uppercase())) {
            let station: String = words[..n].iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
            if crate::stations::canonical_station(&station).known {
                return &who[words[n].0..];
            }
        }
    }
    who
}

/// `1.4 (b) and (d)` → `["1.4(b)", "1.4(d)"]`.
pub fn parse_reasons(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut section: Option<&str> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'1' && b.get(i + 1) == Some(&b'.') && matches!(b.get(i + 2), Some(b'4' | b'5' | b'6')) {
            section = Some(&text[i..i + 3]);
            i += 3;
            continue;
        }
        if let Some(sec) = section {
            let c = b[i].to_ascii_lowercase();
            let before = i.checked_sub(1).map(|k| b[k]);
            let after = b.get(i + 1).copied();
            let standalone =
                !before.is_some_and(|p| p.is_ascii_alphanumeric()) && !after.is_some_and(|a| a.is_ascii_alphanumeric());
            if (b'a'..=b'h').contains(&c) && standalone {
                let reason = format!("{sec}({})", char::from(c));
                if !out.contains(&reason) {
                    out.push(reason);
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> (Option<String>, Vec<String>) {
        parse_classified_by(strip_classified_by(line).unwrap())
    }

    #[test]
    fn reads_the_sample() {
        let (who, reasons) = parse("Classified By: Ambassador Rice for Reasons 1.4 (b) and (d)");
        assert_eq!(who.as_deref(), Some("Ambassador Rice"));
        let (who, reasons_per) = parse("Classified by DCM Jane Doe per 1.4(b),(d)");
        assert_eq!(who.as_deref(), Some("DCM Jane Doe"));
        assert_eq!(reasons_per, ["1.4(b)", "1.4(d)"]);
        let (who, _) = parse("Classified By: Ambassador John Smith under 1.4 (b) and (d)");
        assert_eq!(who.as_deref(), Some("Ambassador John Smith"));
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
    }

    #[test]
    fn reads_the_person_only() {
        let (who, _) = parse("Classified By: Ambassador Ross Wilson, Embassy Ankara, for reasons 1.4 (b,d)");
        assert_eq!(who.as_deref(), Some("Ambassador Ross Wilson"));
        let (who, reasons) = parse("CLASSIFIED BY SECTION 1.5 (B)");
        assert_eq!((who, reasons), (None, vec!["1.5(b)".to_owned()]));
        // Joined with a wrap inside `reasons` (08MADRID1366's lines run together): no comma left.
        let (who, _) = parse("Classified By: Acting DCM William H. Duncan, for re asons 1.4(b) and (d).");
        assert_eq!(who.as_deref(), Some("Acting DCM William H. Duncan"));
        let line = "CLASSIFIED CONFIDENTIAL BY NEW DELHI POLITICAL COUNSELOR ERIC GOOSBY. REASON: 1.5 (D)";
        let (who, _) = parse_classified_by(strip_classified_by(line).unwrap());
        assert_eq!(who.as_deref(), Some("POLITICAL COUNSELOR ERIC GOOSBY"));
        let mut field = "Ambassador Hoyt Y".to_owned();
        join_continuation(&mut field, "ee for reasons 1.4 (b) and (d)");
        assert_eq!(parse_classified_by(&field).0.as_deref(), Some("Ambassador Hoyt Yee"));
        let mut field = "DCM A".to_owned();
        join_continuation(&mut field, "for reasons 1.4 (b)");
        assert_eq!(field, "DCM A for reasons 1.4 (b)");
    }

    #[test]
    fn joins_reasons_a_wrap_cut_inside_a_word_or_number() {
        // 09BAGHDAD791, 07VIENTIANE454: a page wrapped at its width, inside `and` and `1.4`.
        let joined = |first: &str, second: &str| {
            let mut field = first.to_owned();
            join_continuation(&mut field, second);
            parse_classified_by(&field)
        };
        let (who, reasons) = joined("Charge d' Affairs Patricia Butenis for reasons 1.4 (b) a", "nd (d)");
        assert_eq!(
            (who.as_deref(), reasons),
            (Some("Charge d' Affairs Patricia Butenis"), vec!["1.4(b)".into(), "1.4(d)".into()])
        );
        let (_, reasons) = joined("Mary Grace McGeehan for reasons 1.", "4 (b) and (d)");
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        let (_, reasons) = joined("Thatcher Scharpf for reas", "ons 1.4(b/d).");
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        // Two whole words stay two.
        // The same wraps in a copy that flowed the field's lines together with a space.
        for split in ["for Reaso ns 1.4 (b) and (d)", "for rea sons 1.4 (b) and (d)"] {
            let (who, reasons) =
                parse(&format!("Classified By: Acting Political Minister-Counselor Andrew Young {split}"));
            assert_eq!(who.as_deref(), Some("Acting Political Minister-Counselor Andrew Young"));
            assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        }
        let (_, reasons) = joined("Ambassador X for", "reasons 1.4 (a) and (d)");
        assert_eq!(reasons, ["1.4(a)", "1.4(d)"]);
    }

    #[test]
    fn reads_variants() {
        let (who, reasons) =
            parse("CLASSIFIED BY: Darnall Steuart, Economic Counselor, DOS, Econ; REASON: 1.4(B), (D)");
        assert_eq!(who.as_deref(), Some("Darnall Steuart, Economic Counselor"));
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        let (who, _) = parse("Classified By: Classified by IO/DAS Gerald Anderson for reasons 1.4(b) and (d)");
        assert_eq!(who.as_deref(), Some("IO/DAS Gerald Anderson"));
        let (_, reasons) = parse("Classified By: DCM Gerald M. Feierstein, Reasons 1.4 (b)/(d)");
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        let (_, reasons) = parse("CLASSIFIED BY: POLOFF A. SMITH, REASON 1.5 (D)");
        assert_eq!(reasons, ["1.5(d)"]);
        let (_, reasons) = parse("Classified by: X, 1.4 b,d");
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
        let (who, reasons) = parse("Classified By: Ambassador Charles A. Ray for reasons 1.4 (b) & (d).");
        assert_eq!((who.as_deref(), reasons.len()), (Some("Ambassador Charles A. Ray"), 2));
    }

    #[test]
    fn reads_a_classification_derived_from_a_guide() {
        let (who, reasons) = parse_classified_by("DERIVED FROM: DSCG 05-1 B, D");
        assert_eq!((who.as_deref(), reasons), (Some("Derived from DSCG 05-1"), vec!["1.4(b)".into(), "1.4(d)".into()]));
        let (who, reasons) = parse_classified_by("Derived from: DSCG 05-1, 1.4(b),(d)");
        assert_eq!((who.as_deref(), reasons), (Some("Derived from DSCG 05-1"), vec!["1.4(b)".into(), "1.4(d)".into()]));
        assert_eq!(strip_classified_by("DERIVED FROM: DSCG 05-1 B, D"), Some("DERIVED FROM: DSCG 05-1 B, D"));
        assert_eq!(strip_classified_by("DERIVEDFROM X"), None);
        assert_eq!(strip_classified_by("Classified By; DCM X"), Some("DCM X"));
    }
}
