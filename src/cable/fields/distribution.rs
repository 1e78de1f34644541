//! The Department's internal distribution of 1970s telegrams (`ACTION EUR-25`, `INFO OCT-01
//! ISO-00 CIAE-00 … /092 W`): offices and copy counts, not addressees of the telegram.

/// What a distribution line lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistributionLine {
    /// `ACTION` (true) or `INFO` (false); `None` for a continuation line without either word.
    pub action: Option<bool>,
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
    let action = match words.peek().copied() {
        Some("ACTION") => Some(true),
        Some("INFO") => Some(false),
        _ if continuation => None,
        _ => return None,
    };
    if action.is_some() {
        words.next();
    }
    let mut out = DistributionLine { action, ..DistributionLine::default() };
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
        assert_eq!((d.action, d.offices), (Some(true), vec!["EUR-25".to_owned()]));
        let d = parse_distribution("INFO  OCT-01  ISO-00  CIAE-00", false).unwrap();
        assert_eq!((d.action, d.offices.len()), (Some(false), 3));
        let d = parse_distribution("NSAE-00  PA-04  USIA-15  /092 W", true).unwrap();
        assert_eq!(d.total.as_deref(), Some("/092 W"));
        // Real addressees are not distribution.
        assert!(parse_distribution("INFO AMEMBASSY ANKARA", false).is_none());
        assert!(parse_distribution("INFO RUEHAK/AMEMBASSY ANKARA 1234", false).is_none());
        assert!(is_control_line("------------------     127355"));
        assert!(!is_control_line("------------------"));
    }
}
