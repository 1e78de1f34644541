//! `TO` / `INFO` addressee lines: `RUEHC/SECSTATE WASHDC IMMEDIATE 5744`,
//! `RUEHGG/UN SECURITY COUNCIL COLLECTIVE PRIORITY`, `AMEMBASSY PARIS`,
//! and `XMT` exclusions.

use crate::model::{Addressee, Precedence};

use super::envelope::is_routing_indicator;

/// Reads one addressee. `typo` is set when the precedence word was misspelt (`PIORITY`).
pub fn parse_addressee(text: &str, line: usize) -> Option<(Addressee, bool)> {
    let text = text.trim().trim_end_matches(['.', ',']);
    let (route, rest) = match text.split_once('/') {
        Some((route, rest)) if is_routing_indicator(route.trim()) => (Some(route.trim().to_owned()), rest),
        _ => (None, text),
    };
    let mut words: Vec<&str> = rest.split_ascii_whitespace().collect();
    let mut mcn = None;
    if let Some(last) = words.last() {
        if last.len() >= 4 && last.bytes().all(|b| b.is_ascii_digit()) {
            mcn = Some((*last).to_owned());
            words.pop();
        }
    }
    let mut precedence = None;
    let mut typo = false;
    if let Some(last) = words.last() {
        let word = last.to_ascii_uppercase();
        precedence = match word.as_str() {
            "FLASH" => Some(Precedence::Flash),
            "IMMEDIATE" => Some(Precedence::Immediate),
            "PRIORITY" => Some(Precedence::Priority),
            "ROUTINE" => Some(Precedence::Routine),
            "PIORITY" | "PRIORTY" | "PRORITY" => {
                typo = true;
                Some(Precedence::Priority)
            }
            "IMMEDIAT" | "IMMEIDATE" => {
                typo = true;
                Some(Precedence::Immediate)
            }
            _ => None,
        };
        if precedence.is_some() {
            words.pop();
            if precedence == Some(Precedence::Immediate)
                && words.last().is_some_and(|w| w.eq_ignore_ascii_case("NIACT"))
            {
                words.pop();
                precedence = Some(Precedence::NiactImmediate);
            }
        }
    }
    if words.is_empty() {
        return None;
    }
    let name = words.join(" ");
    Some((Addressee { routing_indicator: route, name, precedence, mcn, excluded: Vec::new(), line }, typo))
}

/// `XMT AMCONSUL JEDDAH`, `XMT/AMEMBASSY X`: the excluded post, or `None` when the line is no XMT line.
pub fn parse_xmt(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("XMT")?;
    let rest = rest.strip_prefix('/').or_else(|| rest.strip_prefix(' '))?;
    Some(rest.trim()).filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_route_name_precedence_and_mcn() {
        let (a, typo) = parse_addressee("RUEHC/SECSTATE WASHDC IMMEDIATE 5744", 7).unwrap();
        assert_eq!(a.routing_indicator.as_deref(), Some("RUEHC"));
        assert_eq!(a.name, "SECSTATE WASHDC");
        assert_eq!(a.precedence, Some(Precedence::Immediate));
        assert_eq!(a.mcn.as_deref(), Some("5744"));
        assert!(!typo);
    }

    #[test]
    fn reads_collectives_niact_typos_and_bare_names() {
        let (a, _) = parse_addressee("RUEHGG/UN SECURITY COUNCIL COLLECTIVE PRIORITY", 1).unwrap();
        assert_eq!((a.name.as_str(), a.mcn), ("UN SECURITY COUNCIL COLLECTIVE", None));
        let (a, _) = parse_addressee("RUEHFR/AMEMBASSY PARIS NIACT IMMEDIATE 0123", 1).unwrap();
        assert_eq!(a.precedence, Some(Precedence::NiactImmediate));
        let (a, typo) = parse_addressee("AMEMBASSY ROME PIORITY", 1).unwrap();
        assert_eq!((a.routing_indicator, a.precedence, typo), (None, Some(Precedence::Priority), true));
        let (a, _) = parse_addressee("DET 1 39LG ANKARA TU", 1).unwrap();
        assert_eq!(a.name, "DET 1 39LG ANKARA TU");
    }

    #[test]
    fn reads_xmt() {
        assert_eq!(parse_xmt("XMT AMCONSUL JEDDAH"), Some("AMCONSUL JEDDAH"));
        assert_eq!(parse_xmt("XMT/AMEMBASSY RIYADH"), Some("AMEMBASSY RIYADH"));
        assert_eq!(parse_xmt("XMTX"), None);
    }
}
