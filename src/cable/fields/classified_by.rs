//! `Classified By: Ambassador Rice for Reasons 1.4 (b) and (d)` and its variants:
//! `CLASSIFIED BY: …; REASON: 1.4(B), (D)`, `Classified By: Classified by …`,
//! `1.5 (D)`, `1.4 b,d`, `1.4 (b)/(d)`, `1.4 (b) & (d)`.

use crate::lines::{collapse_ws, find_ci, starts_with_ci};

/// The text after `Classified By`, or `None`.
pub fn strip_classified_by(line: &str) -> Option<&str> {
    let keyword = "CLASSIFIED BY";
    if !starts_with_ci(line, keyword) {
        return None;
    }
    Some(line[keyword.len()..].trim_start_matches([':', ' ', '.', ',']))
}

/// Splits the field into who classified it (title included) and the normalised reasons.
pub fn parse_classified_by(field: &str) -> (Option<String>, Vec<String>) {
    // `Classified By: Classified by IO/DAS …` (doubled by the drafter).
    let field = strip_classified_by(field).unwrap_or(field);
    let cut = ["for reason", "reason", "; 1.", ", 1.", " 1.4", " 1.5", " E.O."]
        .iter()
        .filter_map(|m| find_ci(field, m))
        .min()
        .unwrap_or(field.len());
    let who = field[..cut].trim().trim_end_matches([',', ';', '.', ':', '-']).trim();
    let who = who.strip_suffix(" for").or_else(|| who.strip_suffix(" FOR")).unwrap_or(who).trim();
    let who = (!who.is_empty()).then(|| collapse_ws(who));
    (who, parse_reasons(&field[cut..]))
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
        assert_eq!(reasons, ["1.4(b)", "1.4(d)"]);
    }

    #[test]
    fn reads_variants() {
        let (who, reasons) =
            parse("CLASSIFIED BY: Darnall Steuart, Economic Counselor, DOS, Econ; REASON: 1.4(B), (D)");
        assert_eq!(who.as_deref(), Some("Darnall Steuart, Economic Counselor, DOS, Econ"));
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
}
