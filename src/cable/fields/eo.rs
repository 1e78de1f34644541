//! The executive-order line: `E.O. 12958: DECL: 01/29/2019`, `EO 12958 DECL: 2020/02/23`,
//! `E.O. 12958: N/A`, `E.O. 12958 AS AMENDED: DECL: …`, `E.O. 11652: GDS`,
//! `decl: after korean unification`.

use crate::lines::{collapse_ws, find_ci, starts_with_ci};

use super::dtg::{parse_named_date, parse_slash_date};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EoLine {
    pub order: Option<String>,
    pub declassify_on: Option<String>,
    /// The disposition when it is not a date: `N/A`, `OADR`, `GDS`, `X1`…
    pub note: Option<String>,
    /// The byte offset where a following `TAGS` field starts on the same line.
    pub tags_at: Option<usize>,
    /// Who classified the cable, as E.O. 12065's line names them with their office
    /// (`TOMSETH, VICTOR L. (OR-P)`).
    pub classified_by: Option<String>,
}

/// Whether a line starts with the E.O. keyword in any of its spellings.
pub fn is_eo_line(line: &str) -> bool {
    let b = line.as_bytes();
    let eo = starts_with_ci(line, "E.O.")
        || starts_with_ci(line, "E. O.")
        || starts_with_ci(line, "EO ")
        || starts_with_ci(line, "E.O ");
    eo && b.iter().skip(2).take(8).any(u8::is_ascii_digit)
        || starts_with_ci(line, "DECL:")
        || starts_with_ci(line, "DECL;")
}

/// Where an E.O. line starts inside `line` after other words (never at 0).
pub fn find_eo(line: &str) -> Option<usize> {
    line.match_indices(' ').map(|(at, _)| at + 1).find(|&at| {
        let rest = &line[at..];
        (starts_with_ci(rest, "E.O.") || starts_with_ci(rest, "E. O.") || starts_with_ci(rest, "EO 1"))
            && is_eo_line(rest)
            && ["DECL", "N/A", "OADR", "GDS"].iter().any(|k| find_ci(rest, k).is_some())
    })
}

pub fn parse_eo_line(line: &str) -> EoLine {
    let mut eo = EoLine::default();
    // A TAGS field glued onto the E.O. line (05RIODEJANEIRO1238: `E.O. 12958: N/A TAGS: ASEC …`).
    let end = find_ci(line, " TAGS").filter(|&i| i > 4).unwrap_or(line.len());
    if end < line.len() {
        eo.tags_at = Some(end + 1);
    }
    let line = &line[..end];
    let digits_at = line.find(|c: char| c.is_ascii_digit());
    if let Some(start) = digits_at.filter(|&i| i < 10) {
        let num: String = line[start..].chars().take_while(char::is_ascii_digit).collect();
        if num.len() == 5 {
            eo.order = Some(num);
        }
    }
    let after_order =
        digits_at.filter(|&i| i < 10).map_or(line, |i| line[i..].trim_start_matches(|c: char| c.is_ascii_digit()));
    let disposition = after_order.trim_start_matches(|c: char| c == ':' || c == ';' || c.is_whitespace());
    let disposition = disposition
        .strip_prefix("AS AMENDED")
        .or_else(|| disposition.strip_prefix("as amended"))
        .map_or(disposition, |d| d.trim_start_matches(|c: char| c == ':' || c.is_whitespace()));
    // `AS AMENDED; DECLASSIFIED JUNE 21, 2006`: a cable declassified on a review, not a date
    // set when it was classified (no estimate of its year may be drawn from it): the note.
    if let Some(at) = find_ci(disposition, "DECLASSIFIED") {
        eo.note = Some(collapse_ws(&disposition[at..]));
        return eo;
    }
    let after_decl = find_ci(disposition, "DECL").map(|i| {
        let rest = &disposition[i + 4..];
        // `DECLAS 12/31/80` in E.O. 11652 lines; `DECLASSIFY ON 1.6X6` spelled out.
        let rest = if starts_with_ci(rest, "ASSIFY ON") {
            &rest[9..]
        } else if starts_with_ci(rest, "ASSIFY") {
            &rest[6..]
        } else if starts_with_ci(rest, "AS ") {
            &rest[2..]
        } else {
            rest
        };
        // `DECL;` too: a scan's text reads a colon so.
        rest.trim_start_matches(|c: char| matches!(c, ':' | ';' | '.') || c.is_whitespace())
    });
    if after_decl.is_none() {
        if let Some((schedule, date, by)) = schedule_line(disposition) {
            eo.declassify_on = date;
            eo.note = Some(schedule);
            eo.classified_by = by;
            return eo;
        }
    }
    let candidate = after_decl.unwrap_or(disposition);
    eo.declassify_on = parse_slash_date(candidate.trim()).or_else(|| parse_named_date(candidate.trim()));
    if eo.declassify_on.is_none() {
        let note = collapse_ws(if after_decl.is_some() { candidate } else { disposition });
        eo.note = Some(note).filter(|n| !n.is_empty());
    }
    eo
}

/// E.O. 12065's line (1978–82): the schedule (`GDS`, `RDS-2`, `XDS-1`, `ADS`), the date to
/// declassify on or review by, and who classified the cable with their office: `GDS 8/12/85
/// (TOMSETH, VICTOR L.) OR-P` (79TEHRAN8980). The schedule, the date as `YYYY-MM-DD`, and who
/// (`TOMSETH, VICTOR L. (OR-P)`); `None` unless the line opens with a schedule and a date.
fn schedule_line(disposition: &str) -> Option<(String, Option<String>, Option<String>)> {
    let (schedule, rest) = disposition.split_once(' ')?;
    let known = ["GDS", "RDS", "XDS", "ADS"].iter().any(|s| starts_with_ci(schedule, s));
    if !known || schedule.len() > 12 {
        return None;
    }
    let rest = rest.trim_start();
    let (date, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let date = parse_slash_date(date)?;
    let rest = rest.trim();
    let by = rest.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(name, office)| {
        let (name, office) = (collapse_ws(name), office.trim());
        if office.is_empty() { name } else { format!("{name} ({office})") }
    });
    Some((schedule.to_ascii_uppercase(), Some(date), by.filter(|b| !b.is_empty())))
}

/// The executive orders on classification, the years each was in force, and the terms after
/// which their cables were declassified by default (the usual one first).
const ORDERS: [(&str, u16, u16, &[u16]); 4] = [
    ("12065", 1978, 1982, &[6, 10, 20]),
    ("12958", 1995, 2009, &[10, 25]),
    ("13292", 2003, 2009, &[10, 25]),
    ("13526", 2009, 2030, &[10, 25]),
];

/// The year a cable was most likely sent, estimated from its E.O. line: the declassification
/// date less the order's default term, taken only where that year falls within the years the
/// order was in force. Returns the year and, in words, how it was reached. `None` for orders
/// with no fixed term (E.O. 12356, 11652) or a date that fits no term.
pub fn estimate_year(order: Option<&str>, declassify_on: &str) -> Option<(u16, String)> {
    let (_, from, to, terms) = ORDERS.iter().find(|(o, ..)| Some(*o) == order)?;
    let year: u16 = declassify_on.get(..4)?.parse().ok()?;
    let term = terms.iter().find(|&&t| year.checked_sub(t).is_some_and(|y| (*from..=*to).contains(&y)))?;
    let order = order.unwrap_or_default();
    Some((year - term, format!("declassification date {declassify_on} less the {term}-year term of E.O. {order}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_the_year_only_within_the_orders_years() {
        assert_eq!(estimate_year(Some("12958"), "2014-09-09").map(|e| e.0), Some(2004));
        // A 25-year term when 10 years would fall before the order.
        assert_eq!(estimate_year(Some("12958"), "2033-01-01").map(|e| e.0), Some(2008));
        // E.O. 12958 was signed in 1995: a 2003 declassification fits no term.
        assert_eq!(estimate_year(Some("12958"), "2003-04-07"), None);
        assert_eq!(estimate_year(Some("12356"), "1988-09-25"), None);
        assert_eq!(estimate_year(None, "2014-09-09"), None);
    }

    #[test]
    fn reads_common_forms() {
        let eo = parse_eo_line("E.O. 12958: DECL: 01/29/2019");
        assert_eq!((eo.order.as_deref(), eo.declassify_on.as_deref()), (Some("12958"), Some("2019-01-29")));
        let eo = parse_eo_line("EO 12958 DECL: 2020/02/23");
        assert_eq!(eo.declassify_on.as_deref(), Some("2020-02-23"));
        // Spelled out: the exemption is the note, not `ASSIFY ON 1.6X6`.
        let eo = parse_eo_line("E.O. 12958: DECLASSIFY ON 1.6X6");
        assert_eq!((eo.declassify_on, eo.note.as_deref()), (None, Some("1.6X6")));
        let eo = parse_eo_line("E.O. 12958: DECLASSIFY ON 02/02/2019");
        assert_eq!(eo.declassify_on.as_deref(), Some("2019-02-02"));
        let eo = parse_eo_line("E.O. 12958 AS AMENDED: DECL: 3/13/2018");
        assert_eq!(eo.declassify_on.as_deref(), Some("2018-03-13"));
        let eo = parse_eo_line("E.O. 12958: N/A");
        assert_eq!((eo.declassify_on, eo.note.as_deref()), (None, Some("N/A")));
        let eo = parse_eo_line("E.O. 11652: GDS");
        assert_eq!((eo.order.as_deref(), eo.note.as_deref()), (Some("11652"), Some("GDS")));
        // Declassified on a review (72TEHRAN1164's row of cables.csv): the note as written.
        let eo = parse_eo_line("E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006");
        assert_eq!((eo.declassify_on, eo.note.as_deref()), (None, Some("DECLASSIFIED JUNE 21, 2006")));
        // E.O. 12065's schedule, date and classifier (79TEHRAN8980).
        let eo = parse_eo_line("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P");
        assert_eq!(
            (eo.order.as_deref(), eo.note.as_deref(), eo.declassify_on.as_deref(), eo.classified_by.as_deref()),
            (Some("12065"), Some("GDS"), Some("1985-08-12"), Some("TOMSETH, VICTOR L. (OR-P)"))
        );
        let eo = parse_eo_line("E.O. 12065: RDS-1,3 12/31/99 (SMITH, JOHN)");
        assert_eq!(
            (eo.note.as_deref(), eo.declassify_on.as_deref(), eo.classified_by.as_deref()),
            (Some("RDS-1,3"), Some("1999-12-31"), Some("SMITH, JOHN"))
        );
        // A schedule alone, or with no date after it, stays the note.
        assert_eq!(parse_eo_line("E.O. 11652: XGDS-1").note.as_deref(), Some("XGDS-1"));
        assert_eq!(parse_eo_line("E.O. 11652: GDS").note.as_deref(), Some("GDS"));
        let eo = parse_eo_line("E.O. 12065: GDS (HARROP, W.) OR-M");
        assert_eq!((eo.declassify_on, eo.note.as_deref()), (None, Some("GDS (HARROP, W.) OR-M")));
        let eo = parse_eo_line("e.o. 12958: decl: after korean unification");
        assert_eq!(eo.note.as_deref(), Some("after korean unification"));
        assert!(is_eo_line("EO 12958 DECL: 09/02/2018") && is_eo_line("E.O. 12958: N/A"));
        assert!(!is_eo_line("EOs were issued"));
    }

    #[test]
    fn finds_tags_glued_to_the_line() {
        let line = "E.O. 12958: N/A TAGS: ASEC SNAR";
        let eo = parse_eo_line(line);
        assert_eq!(eo.note.as_deref(), Some("N/A"));
        assert_eq!(&line[eo.tags_at.unwrap()..], "TAGS: ASEC SNAR");
    }

    #[test]
    fn finds_an_eo_line_after_other_words() {
        let line = "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012";
        assert_eq!(find_eo(line).map(|at| &line[at..]), Some("E.O. 12958: DECL: 11/22/2012"));
        assert_eq!(find_eo("THE ORDER E.O. 12958 WAS AMENDED"), None, "no disposition: a sentence");
        assert_eq!(find_eo("E.O. 12958: N/A"), None, "at the start it is the line itself");
        assert_eq!(parse_eo_line("E.O. 12958: DECL: 16 FEB 2019").declassify_on.as_deref(), Some("2019-02-16"));
        // A scan's semicolons for colons.
        let eo = parse_eo_line("E.O. 12958; DECL; 01/29/2019");
        assert_eq!((eo.order.as_deref(), eo.declassify_on.as_deref()), (Some("12958"), Some("2019-01-29")));
    }
}
