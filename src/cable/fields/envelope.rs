//! The transmission envelope (ACP 127 format lines 1–4): `VZCZCXYZ0001`,
//! `OO RUEHWEB`, `DE RUCNDT #0078/01 0340252`, `ZNY CCCCC ZZH`.

/// `VZCZC` + three channel letters + the channel serial.
pub fn parse_transmission_id(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("VZCZC")?;
    if line.contains(' ') || rest.len() < 4 {
        return None;
    }
    let split = rest.find(|c: char| c.is_ascii_digit())?;
    let (channel, serial) = rest.split_at(split);
    (channel.len() >= 2
        && channel.bytes().all(|b| b.is_ascii_uppercase())
        && serial.bytes().all(|b| b.is_ascii_digit()))
    .then(|| (channel.to_owned(), serial.to_owned()))
}

/// A routing indicator: five to eight capital letters starting with `R`.
pub fn is_routing_indicator(word: &str) -> bool {
    (4..=8).contains(&word.len()) && word.starts_with('R') && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The basic routing line: a doubled precedence prosign, then routing indicators.
pub fn parse_routing_line(line: &str) -> Option<(u8, Vec<String>)> {
    let mut words = line.split_ascii_whitespace();
    let prosign = words.next()?;
    let b = prosign.as_bytes();
    if b.len() != 2 || b[0] != b[1] || !matches!(b[0], b'Z' | b'O' | b'P' | b'R') {
        return None;
    }
    let routes: Vec<String> = words.map(str::to_owned).collect();
    (!routes.is_empty() && routes.iter().all(|r| is_routing_indicator(r))).then_some((b[0], routes))
}

/// A continuation of the routing line: only routing indicators.
pub fn parse_routing_continuation(line: &str) -> Option<Vec<String>> {
    let routes: Vec<String> = line.split_ascii_whitespace().map(str::to_owned).collect();
    (!routes.is_empty() && routes.iter().all(|r| is_routing_indicator(r))).then_some(routes)
}

/// The `DE` lines among `lines`, each with its index: a look at each line's first bytes (nearly
/// every text has one `DE` line, at the top, or none), each `DE` line read once.
pub fn de_lines(lines: &[crate::lines::Line<'_>]) -> Vec<(usize, DeLine)> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.text.as_bytes().starts_with(b"DE R"))
        .filter_map(|(k, line)| parse_de_line(line.text.trim_end()).map(|de| (k, de)))
        .collect()
}

/// Where the envelope whose `DE` line is line `at` begins: at the transmission number and the
/// routing line with its continuations above it (a continuation counts only under its routing
/// line: a signature above the envelope may look like one, `RICE`), else at the `DE` line.
pub fn envelope_start(lines: &[crate::lines::Line<'_>], at: usize) -> usize {
    let (mut start, mut k) = (at, at);
    while k > 0 {
        let above = lines[k - 1].text.trim();
        k -= 1;
        if parse_transmission_id(above).is_some() || parse_routing_line(above).is_some() {
            start = k;
        } else if !above.is_empty() && parse_routing_continuation(above).is_none() {
            break;
        }
    }
    while start < at && lines[start].is_blank() {
        start += 1;
    }
    start
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeLine {
    pub station: String,
    pub station_serial: Option<String>,
    pub section: Option<String>,
    pub filed: Option<String>,
}

/// `DE RUCNDT #0078/01 0340252`: station, `#serial/section`, Julian filing time.
pub fn parse_de_line(line: &str) -> Option<DeLine> {
    let mut words = line.strip_prefix("DE ")?.split_ascii_whitespace();
    let station = words.next()?;
    if !is_routing_indicator(station) {
        return None;
    }
    let mut de = DeLine { station: station.to_owned(), station_serial: None, section: None, filed: None };
    for word in words {
        if let Some(serial) = word.strip_prefix('#') {
            let (serial, section) = serial.split_once('/').unwrap_or((serial, ""));
            de.station_serial = Some(serial.to_owned()).filter(|s| !s.is_empty());
            de.section = Some(section.to_owned()).filter(|s| !s.is_empty());
        } else if word.len() == 7 && word.bytes().all(|b| b.is_ascii_digit()) {
            de.filed = Some(word.to_owned());
        }
    }
    Some(de)
}

/// `ZNY CCCCC ZZH`, `ZNR UUUUU`: the security warning and any operating signals.
pub fn parse_security_line(line: &str) -> Option<String> {
    let mut words = line.split_ascii_whitespace();
    let signal = words.next()?;
    if signal != "ZNY" && signal != "ZNR" {
        return None;
    }
    let letters = words.next()?;
    let valid = letters.len() == 5 && letters.bytes().all(|b| b == letters.as_bytes()[0] && b.is_ascii_uppercase());
    valid.then(|| line.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample_envelope() {
        assert_eq!(parse_transmission_id("VZCZCXYZ0001"), Some(("XYZ".into(), "0001".into())));
        assert_eq!(parse_routing_line("OO RUEHWEB"), Some((b'O', vec!["RUEHWEB".into()])));
        let de = parse_de_line("DE RUCNDT #0078/01 0340252").unwrap();
        assert_eq!(de.station, "RUCNDT");
        assert_eq!(de.station_serial.as_deref(), Some("0078"));
        assert_eq!(de.section.as_deref(), Some("01"));
        assert_eq!(de.filed.as_deref(), Some("0340252"));
        assert_eq!(parse_security_line("ZNY CCCCC ZZH").as_deref(), Some("ZNY CCCCC ZZH"));
    }

    #[test]
    fn rejects_look_alikes() {
        assert_eq!(parse_routing_line("OP RUEHWEB"), None);
        assert_eq!(parse_routing_line("OO HELLO"), None);
        assert_eq!(parse_transmission_id("VZCZC"), None);
        assert_eq!(parse_security_line("ZNY CCCSC"), None);
        assert!(parse_de_line("DE GAULLE SAID").is_none());
    }
}
