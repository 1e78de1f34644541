//! Print-outs of the State Department's reading room: `TELEGRAM June 03, 2003` over
//! `From: AMEMBASSY ABU DHABI (ABU DHABI 2641 - UNKNOWN)`, `To: SECSTATE WASHDC - IMMEDIATE`.

use super::dtg::{DateTime, month_number};

/// `TELEGRAM June 03, 2003`: the day the telegram was sent (no time of day).
pub fn parse_telegram_date(line: &str) -> Option<DateTime> {
    let rest = line.strip_prefix("TELEGRAM ")?.trim();
    let (month_day, year) = rest.split_once(',')?;
    let mut words = month_day.split_ascii_whitespace();
    let month = month_number(words.next()?)?;
    let day: u8 = words.next()?.parse().ok()?;
    let year: u16 = year.trim().parse().ok()?;
    if words.next().is_some() || !(1..=31).contains(&day) || !(1950..=2100).contains(&year) {
        return None;
    }
    Some(DateTime { year, month, day, hour: 0, minute: 0 })
}

/// A `From:` line: the originator, and the post and serial in parentheses when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromLine<'a> {
    pub from: &'a str,
    pub post: Option<&'a str>,
    pub serial: Option<&'a str>,
}

pub fn parse_from_line(line: &str) -> Option<FromLine<'_>> {
    let rest = line.strip_prefix("From:").or_else(|| line.strip_prefix("FROM:"))?.trim();
    let (from, inside) = match rest.split_once('(') {
        Some((from, inside)) => (from.trim(), Some(inside.trim_end_matches(')').trim())),
        None => (rest, None),
    };
    if from.is_empty() {
        return None;
    }
    // `ABU DHABI 2641 - UNKNOWN`: the post and the telegram's serial.
    let numbered = inside.map(|i| i.split(" - ").next().unwrap_or(i).trim()).and_then(|i| {
        let (post, serial) = i.rsplit_once(' ')?;
        serial.bytes().all(|b| b.is_ascii_digit()).then_some((post.trim(), serial))
    });
    Some(FromLine { from, post: numbered.map(|n| n.0), serial: numbered.map(|n| n.1) })
}

/// `To: SECSTATE WASHDC - IMMEDIATE`, `Info: AMEMBASSY RIYADH - PRIORITY`: which list, and the rest.
pub fn addressee_line(line: &str) -> Option<(&'static str, &str)> {
    for (prefix, list) in [("To:", "To"), ("Info:", "Info"), ("TO:", "To"), ("INFO:", "Info")] {
        if let Some(rest) = line.strip_prefix(prefix) {
            let rest = rest.trim();
            return (!rest.is_empty()).then_some((list, rest));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_print_out() {
        let d = parse_telegram_date("TELEGRAM June 03, 2003").unwrap();
        assert_eq!((d.year, d.month, d.day), (2003, 6, 3));
        assert!(parse_telegram_date("TELEGRAM WAS SENT").is_none());
        let f = parse_from_line("From: AMEMBASSY ABU DHABI (ABU DHABI 2641 - UNKNOWN)").unwrap();
        assert_eq!((f.from, f.post, f.serial), ("AMEMBASSY ABU DHABI", Some("ABU DHABI"), Some("2641")));
        let f = parse_from_line("From: SECSTATE WASHDC").unwrap();
        assert_eq!((f.from, f.post), ("SECSTATE WASHDC", None));
    }
}
