//! Date-time groups (`030252Z FEB 09`), the dateline of press copies
//! (`Wednesday, 09 December 2009, 13:04`) and the dates of E.O. lines.

use crate::model::Precedence;

/// A calendar date and time, all in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl DateTime {
    /// ISO 8601 UTC: `2009-02-03T02:52:00Z`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}T{:02}:{:02}:00Z", self.year, self.month, self.day, self.hour, self.minute)
    }
}

/// The precedence line before the originator: `O 030252Z FEB 09`, `P R 281848Z DEC 66`,
/// `O 031223Z APR 08 ZDS`, `Z 120000Z JAN 10 ZFF4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrecedenceLine {
    pub precedence: Precedence,
    /// The lower precedence of a dual-precedence message (`P R …`: the info addressees' ROUTINE).
    pub second: Option<Precedence>,
    /// The date-time group as written, without precedence and trailing operating signals.
    pub dtg: String,
    pub date: Option<DateTime>,
}

pub fn parse_precedence_line(line: &str) -> Option<PrecedenceLine> {
    let mut words = line.split_ascii_whitespace().peekable();
    let first = single_letter(words.next()?)?;
    let precedence = Precedence::from_prosign(first)?;
    let second = match words.peek().and_then(|w| single_letter(w)) {
        Some(letter) => {
            words.next();
            Some(Precedence::from_prosign(letter)?)
        }
        None => None,
    };
    let group = words.next()?;
    // `221828 Z MAY 73`: the zone letter typed apart from the group.
    let joined;
    let group = if group.len() == 6 && words.next_if(|w| w.eq_ignore_ascii_case("Z")).is_some() {
        joined = format!("{group}Z");
        joined.as_str()
    } else {
        group
    };
    let month = words.next()?;
    // `FEB09`: the year glued to the month by a copy that lost the space.
    let (month, year) = match month.split_at_checked(3) {
        Some((m, y)) if !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit()) => (m, y),
        _ => (month, words.next()?),
    };
    let dtg = format!("{group} {month} {year}");
    Some(PrecedenceLine { precedence, second, date: parse_dtg(group, month, year), dtg })
}

/// `030252Z`, `FEB`, `09` → 2009-02-03 02:52Z. Two-digit years of 50 and above are 19YY.
pub fn parse_dtg(group: &str, month: &str, year: &str) -> Option<DateTime> {
    // The zone letter may be lost in a copy (`030252 FEB 09`): the group is Zulu time all the same.
    let digits = group.strip_suffix(['Z', 'z']).unwrap_or(group);
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits[r].parse::<u8>().ok();
    let (day, hour, minute) = (num(0..2)?, num(2..4)?, num(4..6)?);
    let month = month_number(month)?;
    let year = expand_year(year)?;
    checked(DateTime { year, month, day, hour, minute })
}

const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The first line of press copies: `Wednesday, 09 December 2009, 13:04`.
pub fn parse_dateline(line: &str) -> Option<DateTime> {
    let mut parts = line.split(',').map(str::trim);
    let weekday = parts.next()?;
    if !DAYS.iter().any(|day| day.eq_ignore_ascii_case(weekday)) {
        return None;
    }
    let mut date = parts.next()?.split_ascii_whitespace();
    let day = date.next()?.parse().ok()?;
    let month = month_number(date.next()?)?;
    let year = date.next()?.parse().ok()?;
    let (hour, minute) = parts.next()?.split_once(':')?;
    if parts.next().is_some() || date.next().is_some() {
        return None;
    }
    checked(DateTime { year, month, day, hour: hour.parse().ok()?, minute: minute.parse().ok()? })
}

/// A declassification date as cables write it: `01/29/2019`, `3/13/2018`,
/// `05/17/11`, `2020/02/23`. Returns `YYYY-MM-DD`.
pub fn parse_slash_date(text: &str) -> Option<String> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-' || c == '.')).unwrap_or(text.len());
    let parts: Vec<&str> = text[..end].trim_end_matches(['.', '-']).split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let (year, month, day) = if a.len() == 4 { (*a, *b, *c) } else { (*c, *a, *b) };
    let year = match year.len() {
        4 => year.parse().ok()?,
        // `9/25/88` is 1988: declassification dates of the 1970s and 1980s were written so.
        2 => year.parse::<u16>().ok().map(|y| if y >= 50 { 1900 + y } else { 2000 + y })?,
        _ => return None,
    };
    let d = checked(DateTime { year, month: month.parse().ok()?, day: day.parse().ok()?, hour: 0, minute: 0 })?;
    Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
}

/// The months' names, for [`parse_named_date`].
const MONTH_NAMES: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// A declassification date with its month in words: `16 FEB 2019`, `FEB 16, 2019`,
/// `February 16 2019`. Returns `YYYY-MM-DD`.
pub fn parse_named_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(3).map(|w| w.trim_end_matches([',', '.'])).collect();
    let [a, b, year] = words[..] else { return None };
    let (day, month) = if a.bytes().all(|c| c.is_ascii_digit()) { (a, b) } else { (b, a) };
    let number = month_number(month)?;
    // A month's name or its abbreviation (`FEB`, `Sept`), not a word that begins like one.
    let name = MONTH_NAMES[usize::from(number) - 1];
    if month.len() < 3
        || month.len() > name.len()
        || !name.as_bytes().starts_with(&month.to_ascii_uppercase().into_bytes())
    {
        return None;
    }
    let month = number;
    if year.len() != 4 {
        return None;
    }
    let d = checked(DateTime { year: year.parse().ok()?, month, day: day.parse().ok()?, hour: 0, minute: 0 })?;
    Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
}

pub fn expand_year(year: &str) -> Option<u16> {
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match year.len() {
        2 => {
            let yy: u16 = year.parse().ok()?;
            Some(if yy >= 50 { 1900 + yy } else { 2000 + yy })
        }
        4 => year.parse().ok(),
        _ => None,
    }
}

pub fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    let prefix = name.get(..3)?;
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(prefix)).and_then(|i| u8::try_from(i + 1).ok())
}

fn single_letter(word: &str) -> Option<u8> {
    (word.len() == 1).then(|| word.as_bytes()[0])
}

/// `d` when it is a day of the calendar (and a time of day).
pub fn checked_date(d: DateTime) -> Option<DateTime> {
    checked(d)
}

fn checked(d: DateTime) -> Option<DateTime> {
    let leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    let days = match d.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (d.day >= 1 && d.day <= days && d.hour < 24 && d.minute < 60).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample_dtg() {
        let line = parse_precedence_line("O 030252Z FEB 09").unwrap();
        assert_eq!(line.precedence, Precedence::Immediate);
        assert_eq!(line.date.unwrap().iso(), "2009-02-03T02:52:00Z");
        assert_eq!(line.dtg, "030252Z FEB 09");
    }

    #[test]
    fn reads_dual_precedence_and_old_years() {
        let spaced = parse_precedence_line("P R 221828 Z MAY 73").unwrap();
        assert_eq!(
            (spaced.second, spaced.date.map(|d| (d.year, d.day))),
            (Some(Precedence::Routine), Some((1973, 22)))
        );
        let line = parse_precedence_line("P R 281848Z DEC 66").unwrap();
        assert_eq!((line.precedence, line.second), (Precedence::Priority, Some(Precedence::Routine)));
        assert_eq!(line.date.unwrap().iso(), "1966-12-28T18:48:00Z");
        let line = parse_precedence_line("O 031223Z APR 08 ZDS").unwrap();
        assert_eq!(line.date.unwrap().iso(), "2008-04-03T12:23:00Z");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(parse_precedence_line("O 310252Z FEB 09").unwrap().date.is_none());
        // A copy that lost the zone letter, or the space between month and year.
        let date = |l: &str| parse_precedence_line(l).and_then(|p| p.date).map(|d| (d.year, d.month, d.day, d.hour));
        assert_eq!(date("P 030252 FEB 09"), Some((2009, 2, 3, 2)));
        assert_eq!(date("P 030252Z FEB09"), Some((2009, 2, 3, 2)));
        assert_eq!(date("P 0302Z FEB 09"), None);
        assert!(parse_precedence_line("FM AMEMBASSY").is_none());
        assert!(parse_precedence_line("A 030252Z FEB 09").is_none());
    }

    #[test]
    fn reads_datelines_and_declassification_dates() {
        let d = parse_dateline("Wednesday, 09 December 2009, 13:04").unwrap();
        assert_eq!(d.iso(), "2009-12-09T13:04:00Z");
        assert_eq!(parse_slash_date("01/29/2019").as_deref(), Some("2019-01-29"));
        assert_eq!(parse_slash_date("3/13/2018").as_deref(), Some("2018-03-13"));
        assert_eq!(parse_slash_date("05/17/11").as_deref(), Some("2011-05-17"));
        assert_eq!(parse_slash_date("2020/02/23").as_deref(), Some("2020-02-23"));
        assert_eq!(parse_slash_date("13/45/2020"), None);
    }

    #[test]
    fn reads_declassification_dates_with_a_month_in_words() {
        assert_eq!(parse_named_date("16 FEB 2019").as_deref(), Some("2019-02-16"));
        assert_eq!(parse_named_date("FEB 16, 2019").as_deref(), Some("2019-02-16"));
        assert_eq!(parse_named_date("September 3 2015 (SMITH)").as_deref(), Some("2015-09-03"));
        assert_eq!(parse_named_date("Mayor 16 2019"), None);
        assert_eq!(parse_named_date("31 FEB 2019"), None);
        assert_eq!(parse_named_date("16 FEB 19"), None);
    }
}
