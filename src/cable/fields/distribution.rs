//! The Department's internal distribution of 1970s telegrams (`ACTION EUR-25`, `INFO OCT-01
//! ISO-00 CIAE-00 … /092 W`): offices and copy counts, not addressees of the telegram; and on
//! a telegram the Department sent, the office it came from (`ORIGIN EUR-25`) and who drafted,
//! cleared and approved it (`DRAFTED BY EUR/SE:JSMITH:LW`, `APPROVED BY EUR:AHARTMAN`,
//! `EUR/SE - MR. BOYATT`).

/// Which list a distribution line begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Origin,
    Action,
    Info,
}

/// What a distribution line lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistributionLine {
    /// `ORIGIN`, `ACTION` or `INFO`; `None` for a continuation line without any.
    pub list: Option<List>,
    /// Offices with their copies, as written (`EUR-25`).
    pub offices: Vec<String>,
    /// The total of copies (`/092 W`), as written.
    pub total: Option<String>,
}

/// `EUR-25`, `SS-20`, `NSAE-00`, `OES/NET-03`: an office and its copies.
fn is_office(word: &str) -> bool {
    let Some((office, copies)) = word.rsplit_once('-') else { return false };
    !office.is_empty()
        && office.len() <= 10
        && office.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
        && (1..=3).contains(&copies.len())
        && copies.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a distribution line; `continuation` allows a line without `ACTION`/`INFO`.
pub fn parse_distribution(line: &str, continuation: bool) -> Option<DistributionLine> {
    let mut words = line.split_ascii_whitespace().peekable();
    let list = match words.peek().copied() {
        Some("ORIGIN") => Some(List::Origin),
        Some("ACTION") => Some(List::Action),
        Some("INFO") => Some(List::Info),
        _ if continuation => None,
        _ => return None,
    };
    if list.is_some() {
        words.next();
    }
    let mut out = DistributionLine { list, ..DistributionLine::default() };
    while let Some(word) = words.next() {
        if is_office(word) {
            out.offices.push(word.to_owned());
        } else if word.starts_with('/') && word[1..].bytes().all(|b| b.is_ascii_digit()) && word.len() > 1 {
            let mark = words.next_if(|w| w.len() == 1).map_or(String::new(), |w| format!(" {w}"));
            out.total = Some(format!("{word}{mark}"));
        } else {
            return None;
        }
    }
    (!out.offices.is_empty() || out.total.is_some()).then_some(out)
}

/// The words that open a line of the drafting block (the clearances follow them): the header
/// reads them on a line of their own, the reflow where a copy that lost its breaks runs them on.
pub const DRAFTING_KEYWORDS: [&str; 3] = ["DRAFTED BY ", "APPROVED BY ", "DESIRED DISTRIBUTION"];

/// A line of who drafted, cleared and approved a telegram the Department sent, above the
/// control number: `DRAFTED BY EUR/SE:JSMITH:LW`, `APPROVED BY EUR:AHARTMAN`, `DESIRED
/// DISTRIBUTION 7D EUR ONLY`; after one of them (`continuation`), a clearance, an office and a
/// name in capitals (`EUR/SE - MR. BOYATT`, `S/S-O:RELTZ`, `C:HSONNENFELDT`).
pub fn is_drafting_line(line: &str, continuation: bool) -> bool {
    // Asked of most header lines: nearly all fail on their first letter.
    if !line.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    if DRAFTING_KEYWORDS.iter().any(|k| line.starts_with(k)) {
        return true;
    }
    if !continuation {
        return false;
    }
    let Some((office, rest)) = line.split_once([' ', ':']) else { return false };
    let office = office.trim_end_matches('-');
    // `C:HSONNENFELDT`, the name glued to its office (not a label, `NOTE: BY OC/T`), or `EUR/SE - MR. BOYATT`.
    let glued = line.as_bytes()[office.len()..].starts_with(b":") && rest.starts_with(|c: char| c.is_ascii_uppercase());
    let named = glued || rest.trim_start().starts_with("- ");
    named
        && line.len() <= 72
        && (1..=12).contains(&office.len())
        && office.starts_with(|c: char| c.is_ascii_uppercase())
        && office.bytes().all(|b| b.is_ascii_uppercase() || matches!(b, b'/' | b'-' | b'&'))
        && !line.bytes().any(|b| b.is_ascii_lowercase())
}

/// The control number under a distribution block: `------------------     127355`.
pub fn is_control_line(line: &str) -> bool {
    let rest = line.trim_start_matches('-');
    line.len() - rest.len() >= 5 && {
        let number = rest.trim();
        !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_distribution_lines() {
        let d = parse_distribution("ACTION EUR-25", false).unwrap();
        assert_eq!((d.list, d.offices), (Some(List::Action), vec!["EUR-25".to_owned()]));
        let d = parse_distribution("INFO  OCT-01  ISO-00  CIAE-00", false).unwrap();
        assert_eq!((d.list, d.offices.len()), (Some(List::Info), 3));
        let d = parse_distribution("ORIGIN EUR-25", false).unwrap();
        assert_eq!((d.list, d.offices), (Some(List::Origin), vec!["EUR-25".to_owned()]));
        let d = parse_distribution("NSAE-00  PA-04  USIA-15  /092 W", true).unwrap();
        assert_eq!(d.total.as_deref(), Some("/092 W"));
        // Real addressees are not distribution.
        assert!(parse_distribution("INFO AMEMBASSY ANKARA", false).is_none());
        assert!(parse_distribution("INFO RUEHAK/AMEMBASSY ANKARA 1234", false).is_none());
        assert!(is_control_line("------------------     127355"));
        // Who drafted, cleared and approved a telegram the Department sent.
        assert!(is_drafting_line("DRAFTED BY EUR/SE:JSMITH:LW", false));
        assert!(is_drafting_line("APPROVED BY EUR:AHARTMAN", false));
        for clearance in ["EUR/SE - MR. BOYATT", "S/S - MR. LUERS", "S/S-O:RELTZ", "C:HSONNENFELDT"] {
            assert!(is_drafting_line(clearance, true) && !is_drafting_line(clearance, false), "{clearance}");
        }
        for other in ["R 171600Z MAY 74", "FM SECSTATE WASHDC", "NOTE: BY OC/T", "E.O. 11652: GDS", "SUBJECT: X"] {
            assert!(!is_drafting_line(other, true), "{other}");
        }
        assert!(!is_control_line("------------------"));
    }
}
