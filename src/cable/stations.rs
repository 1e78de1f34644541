//! Canonical station names for reference IDs, from cablemap's station list and
//! its misspelling table (BSD-3-Clause, see `data/LICENSE-cablemap.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const STATIONS: &str = include_str!("data/stations.txt");
const C14N: &str = include_str!("data/station_c14n.csv");

struct Tables {
    stations: HashSet<&'static str>,
    c14n: HashMap<&'static str, &'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        stations: STATIONS.lines().map(str::trim).filter(|s| !s.is_empty()).collect(),
        c14n: C14N.lines().skip(1).filter_map(|l| l.trim().split_once(',')).collect(),
    })
}

/// The outcome of canonicalising a station as written in a caption or REF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Station {
    /// Upper case, spaces and punctuation removed, misspellings fixed.
    pub canonical: String,
    /// Whether the station is in the table.
    pub known: bool,
}

/// `USUN NEW YORK` → `USUNNEWYORK`, `RIO DE JAN` → `RIODEJANEIRO`, `SECSTATE` → `STATE`.
pub fn canonical_station(written: &str) -> Station {
    let squeezed: String =
        written.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    let tables = tables();
    if let Some(fixed) = tables.c14n.get(squeezed.as_str()) {
        return Station { canonical: (*fixed).to_owned(), known: true };
    }
    let known = tables.stations.contains(squeezed.as_str());
    Station { canonical: squeezed, known }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_known_spellings() {
        assert_eq!(canonical_station("USUN NEW YORK").canonical, "USUNNEWYORK");
        assert_eq!(canonical_station("RIO DE JANEIRO").canonical, "RIODEJANEIRO");
        assert_eq!(canonical_station("Rio de Jan").canonical, "RIODEJANEIRO");
        assert_eq!(canonical_station("SECSTATE").canonical, "STATE");
        assert!(canonical_station("THE HAGUE").known);
    }

    #[test]
    fn keeps_unknown_letters() {
        let s = canonical_station("NEW POST");
        assert_eq!(s.canonical, "NEWPOST");
        assert!(!s.known);
    }
}
