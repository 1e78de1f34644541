//! Canonical station names for reference IDs, from cablemap's station list and
//! its misspelling table (BSD-3-Clause, see `data/LICENSE-cablemap.txt`).

use std::sync::OnceLock;

const STATIONS: &str = include_str!("data/stations.txt");
const C14N: &str = include_str!("data/station_c14n.csv");

/// Both lists as stored, sorted (a test checks it) for binary search: a few hundred short names,
/// looked up a few times per cable, need no hash table, and the page's wasm is smaller without
/// one.
struct Tables {
    stations: Vec<&'static str>,
    c14n: Vec<(&'static str, &'static str)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let stations: Vec<&str> = STATIONS.lines().map(str::trim).filter(|s| !s.is_empty()).collect();

        let c14n: Vec<(&str, &str)> = C14N.lines().skip(1).filter_map(|l| l.trim().split_once(',')).collect();

        Tables { stations, c14n }
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
    // The Department's own telegrams are cited by the word for them (`REF: DEPTEL 123456`, in
    // older cables above all): they are numbered in the STATE series.
    if squeezed == "DEPTEL" {
        return Station { canonical: "STATE".to_owned(), known: true };
    }
    let tables = tables();
    if let Ok(k) = tables.c14n.binary_search_by(|(variant, _)| (*variant).cmp(squeezed.as_str())) {
        return Station { canonical: tables.c14n[k].1.to_owned(), known: true };
    }
    let known = tables.stations.binary_search(&squeezed.as_str()).is_ok() || SERIES.contains(&squeezed.as_str());
    Station { canonical: squeezed, known }
}

/// Telegram series numbered apart from any post's, which the archive files under their own
/// name (`1975SECTO11026`): `SECTO`, from the Secretary's party while travelling, and `TOSEC`,
/// the Department's to it. Not in cablemap's list, drawn from the 2010 cables alone.
const SERIES: [&str; 2] = ["SECTO", "TOSEC"];

/// Posts renamed with their city, and the first year (two digits, of this century) whose
/// telegrams bear the new name: a cable of that year or later is cited by it, as the `WikiLeaks`
/// IDs of the cables cited as `CALCUTTA 350` (2004) and `CALCUTTA 68` (2005) are `04KOLKATA350`
/// and `05KOLKATA68` (`outside-dev/lost-linebreaks/truth.jsonl`). Calcutta became Kolkata in
/// January 2001; both names are stations of the table.
const RENAMED: [(&str, &str, &str); 1] = [("CALCUTTA", "KOLKATA", "01")];

/// The name a station's telegrams bore in `year` (two digits): the new name of a renamed post
/// from the year of its new name on (`CALCUTTA` in 2004 is `KOLKATA`), else the station.
pub fn named_in<'a>(station: &'a str, year: &str) -> &'a str {
    // Two-digit years before 66 are of this century (the archive's cables begin in 1966).
    let this_century = year.len() == 2 && year < "66";
    RENAMED
        .iter()
        .find(|(old, _, from)| *old == station && this_century && year >= *from)
        .map_or(station, |(_, new, _)| new)
}

/// The canonical form of a reference ID written another way: the archive's
/// `1974ATHENS02959` (four-digit year, serial padded, the post's name cut to six letters in
/// `1973BUENOS03147`), `PlusD`'s `1974ATHENS02959_b`, or an ID already canonical.
pub fn canonical_id(written: &str) -> Option<String> {
    let id = written.trim();
    let id = id.split_once('_').map_or(id, |(head, _)| head);
    let digits = id.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 2 && digits != 4 {
        return None;
    }
    let year = &id[digits - 2..digits];
    let rest = &id[digits..];
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (station, serial) = rest.split_at(letters);
    if letters == 0 || serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let written = canonical_station(station);
    let station =
        if written.known { written.canonical } else { expand_station(&written.canonical).unwrap_or(written.canonical) };
    let serial = serial.trim_start_matches('0');
    (!serial.is_empty()).then(|| format!("{year}{station}{serial}"))
}

/// A station name the archive cut short (`BUENOS`, `NAIROB`): the one known station it begins.
fn expand_station(short: &str) -> Option<String> {
    if short.len() < 4 {
        return None;
    }
    let mut found = tables().stations.iter().filter(|s| s.starts_with(short));
    let first = found.next()?;
    found.next().is_none().then(|| (*first).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_archive_ids() {
        assert_eq!(canonical_id("1974ATHENS02959").as_deref(), Some("74ATHENS2959"));
        assert_eq!(canonical_id("1974ATHENS02959_b").as_deref(), Some("74ATHENS2959"));
        assert_eq!(canonical_id("1973BUENOS03147").as_deref(), Some("73BUENOSAIRES3147"));
        assert_eq!(canonical_id("09USUNNEWYORK78").as_deref(), Some("09USUNNEWYORK78"));
        assert_eq!(canonical_id("ATHENS 2959"), None);
    }

    #[test]
    fn canonicalises_known_spellings() {
        assert_eq!(canonical_station("USUN NEW YORK").canonical, "USUNNEWYORK");
        assert!(canonical_station("SECTO").known && canonical_station("TOSEC").known);
        assert_eq!(canonical_station("RIO DE JANEIRO").canonical, "RIODEJANEIRO");
        assert_eq!(canonical_station("Rio de Jan").canonical, "RIODEJANEIRO");
        assert_eq!(canonical_station("SECSTATE").canonical, "STATE");
        assert!(canonical_station("THE HAGUE").known);
    }

    #[test]
    fn a_renamed_post_is_cited_by_its_name_of_the_year() {
        assert_eq!((named_in("CALCUTTA", "04"), named_in("CALCUTTA", "01")), ("KOLKATA", "KOLKATA"));
        assert_eq!(
            (named_in("CALCUTTA", "99"), named_in("CALCUTTA", "87"), named_in("PARIS", "04")),
            ("CALCUTTA", "CALCUTTA", "PARIS")
        );
        let tables = tables();
        for (old, new, _) in RENAMED {
            assert!(tables.stations.contains(&old) && tables.stations.contains(&new), "{old} {new}");
        }
        let id = |item: &str| crate::fields::refs::references(None, item, Some("04"), false, (None, None)).remove(0).id;
        assert_eq!(
            (id("CALCUTTA 350").as_deref(), id("99 CALCUTTA 12").as_deref()),
            (Some("04KOLKATA350"), Some("99CALCUTTA12"))
        );
    }

    #[test]
    fn the_lists_are_sorted_for_binary_search() {
        let t = tables();
        assert!(t.stations.len() > 200 && t.c14n.len() > 20);
        assert!(t.stations.windows(2).all(|w| w[0] < w[1]), "stations.txt: sort it with LC_ALL=C sort -u");
        assert!(t.c14n.windows(2).all(|w| w[0].0 < w[1].0), "station_c14n.csv: sort its rows by variant");
        for station in &t.stations {
            assert!(canonical_station(station).known, "{station}");
        }
        for (variant, canonical) in &t.c14n {
            assert_eq!(canonical_station(variant).canonical, *canonical);
        }
    }

    #[test]
    fn keeps_unknown_letters() {
        let s = canonical_station("NEW POST");
        assert_eq!(s.canonical, "NEWPOST");
        assert!(!s.known);
    }
}
