//! What the page and the library worker say to each other, as JSON (the files themselves go
//! to the worker as `File` objects beside a [`Request::Open`]).

use serde::{Deserialize, Serialize};

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Index the files sent with this message (their names: a folder's relative paths).
    Open { names: Vec<String> },
    /// Stop indexing; what was indexed stays.
    Cancel,
    /// Filter, search and sort; answered by [`Reply::Answer`] with the same `seq`.
    Query { seq: u32, query: Query },
    /// Rows `start..start + count` of the answer to query `seq`.
    Rows { seq: u32, start: u32, count: u32 },
    /// One cable's text and links, by its place in the library or by its reference ID.
    Read { doc: Option<u32>, id: Option<String> },
    /// Open the library kept from an earlier visit (without its files).
    Restore,
    /// The kept library's files, chosen again (sent beside the message, in the kept order).
    Attach,
    /// From the worker that reads the files to its helper (another copy of it): index this
    /// batch of `cables.csv` rows, their bytes sent beside it, and send the part back as
    /// bytes (`Library::to_bytes`) with the same `seq`.
    Index { seq: u32, batch: super::Batch },
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker listens: messages sent before were lost (its wasm was still loading), so the
    /// page holds them until this.
    Ready,
    Progress(Progress),
    Answer(Answer),
    Rows {
        seq: u32,
        start: u32,
        rows: Vec<Row>,
    },
    Read(Reading),
    /// A request that could not be served (an ID not in the library, a file gone).
    Failed {
        message: String,
    },
    /// The library is kept on this machine (the origin-private file system): `bytes` written.
    Kept {
        cables: u32,
        bytes: u64,
    },
}

/// How far indexing has come.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub files: u32,
    pub files_total: u32,
    pub bytes: u64,
    pub bytes_total: u64,
    pub cables: u32,
    /// Rows or files skipped since the last report, each named.
    pub problems: Vec<Skipped>,
    pub done: bool,
    pub cancelled: bool,
    /// Milliseconds since indexing began.
    pub elapsed_ms: u32,
    /// Bytes the full-text index holds (with `done`).
    pub index_bytes: u64,
    /// Batches of `cables.csv` rows the second worker indexed (with `done`).
    pub helped: u32,
}

/// An input that is not in the library, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// `folder/file.html`, or `cables.csv, row 17`.
    pub name: String,
    pub why: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Best match first when searching; by date otherwise.
    #[default]
    Relevance,
    Date,
    DateDesc,
    Id,
    Origin,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Relevance, Sort::Date, Sort::DateDesc, Sort::Id, Sort::Origin];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::DateDesc => "newest",
            Sort::Id => "id",
            Sort::Origin => "origin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Date => "Oldest first",
            Sort::DateDesc => "Newest first",
            Sort::Id => "Reference ID",
            Sort::Origin => "Origin",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the reader asks of the library: a search (words, `"phrases"`, `field:value`), filters
/// (any of the values chosen within a filter, every filter at once) and an order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub text: String,
    /// A year or a date (`2009`, `2009-02`, `2009-02-03`), inclusive.
    pub from: String,
    pub to: String,
    pub origin: Vec<String>,
    pub classification: Vec<String>,
    pub handling: Vec<String>,
    pub tags: Vec<String>,
    pub has_refs: bool,
    pub sort: Sort,
}

/// The answer to a query: how many, the counts beside each filter, the words to mark.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub seq: u32,
    pub total: u32,
    /// Cables in the library (indexed so far).
    pub library: u32,
    pub facets: Facets,
    /// The searched words and phrases, lower case, for highlighting.
    pub marks: Vec<String>,
    /// Something the reader should know about the search (a field not known, a phrase
    /// check that stopped early).
    pub note: Option<String>,
    /// The first rows, so that the list shows at once.
    pub rows: Vec<Row>,
    /// Milliseconds the worker took to answer.
    pub took_ms: u32,
}

/// Counts for each value of each filter, given every other filter (choosing a value shows
/// how many it would add).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub years: Vec<(String, u32)>,
    pub origin: Vec<(String, u32)>,
    pub classification: Vec<(String, u32)>,
    pub handling: Vec<(String, u32)>,
    pub tags: Vec<(String, u32)>,
    pub has_refs: u32,
}

/// One line of the list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub doc: u32,
    pub id: String,
    /// `2009-02-03 02:52`, or as much of it as is known.
    pub date: String,
    pub origin: String,
    pub classification: String,
    pub handling: Vec<String>,
    pub subject: String,
    pub snippet: Option<Snippet>,
}

/// A passage of the text around the first match, with the matches marked (byte ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<(u32, u32)>,
}

/// A cable taken from the library to read: its text (parsed by the page as any other), the
/// cables it cites and those that cite it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub doc: u32,
    pub name: String,
    pub text: String,
    /// Each reference ID the cable's REF line names, and its place in the library if there.
    pub references: Vec<(String, Option<u32>)>,
    pub cited_by: Vec<Row>,
    /// What the last search looked for: the reader finds the first of them in the cable.
    pub marks: Vec<String>,
}

/// Where the reader is in the library, as the page's URL fragment keeps it:
/// `#library?q=tag%3APREL&origin=Embassy%20Tehran&sort=newest&open=08TEHRAN123`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub query: Query,
    /// The cable open for reading (its reference ID), or the list.
    pub open: Option<String>,
}

const FRAGMENT: &str = "library";

/// Whether a URL fragment (without `#`) is a place in the library: `library`, or `library?…`.
pub fn in_library(fragment: &str) -> bool {
    fragment.strip_prefix(FRAGMENT).is_some_and(|rest| rest.is_empty() || rest.starts_with('?'))
}

impl Place {
    pub fn to_fragment(&self) -> String {
        let q = &self.query;
        let mut out = FRAGMENT.to_owned();
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (key, value) in [("q", &q.text), ("from", &q.from), ("to", &q.to)] {
            if !value.is_empty() {
                pairs.push((key, value));
            }
        }
        for (key, values) in
            [("origin", &q.origin), ("class", &q.classification), ("handling", &q.handling), ("tag", &q.tags)]
        {
            pairs.extend(values.iter().map(|v| (key, v.as_str())));
        }
        if q.has_refs {
            pairs.push(("refs", "1"));
        }
        if q.sort != Sort::Relevance {
            pairs.push(("sort", q.sort.key()));
        }
        if let Some(open) = &self.open {
            pairs.push(("open", open));
        }
        for (k, (key, value)) in pairs.iter().enumerate() {
            out.push(if k == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            encode(value, &mut out);
        }
        out
    }

    /// The place a fragment (without `#`) names; `None` when it is not the library's.
    pub fn from_fragment(fragment: &str) -> Option<Place> {
        if !in_library(fragment) {
            return None;
        }
        let rest = &fragment[FRAGMENT.len()..];
        let mut place = Place::default();
        let q = &mut place.query;
        for pair in rest.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "q" => q.text = value,
                "from" => q.from = value,
                "to" => q.to = value,
                "origin" => q.origin.push(value),
                "class" => q.classification.push(value),
                "handling" => q.handling.push(value),
                "tag" => q.tags.push(value),
                "refs" => q.has_refs = value == "1",
                "sort" => q.sort = Sort::from_key(&value).unwrap_or_default(),
                "open" if !value.is_empty() => place.open = Some(value),
                _ => {}
            }
        }
        Some(place)
    }
}

/// Percent-encodes all but letters, digits and `-._~`.
fn encode(value: &str, out: &mut String) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

fn decode(value: &str) -> String {
    let b = value.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_survives_the_address_bar() {
        let place = Place {
            query: Query {
                text: r#"tag:PREL origin:"new delhi" "heavy water" & 100% é"#.to_owned(),
                from: "2008".to_owned(),
                origin: vec!["Embassy Tehran".to_owned(), "Secretary of State".to_owned()],
                tags: vec!["PREL".to_owned()],
                has_refs: true,
                sort: Sort::DateDesc,
                ..Query::default()
            },
            open: Some("08TEHRAN123".to_owned()),
        };
        let fragment = place.to_fragment();
        assert!(fragment.starts_with("library?q=tag%3APREL%20origin%3A%22new"), "{fragment}");
        assert!(!fragment.contains(' ') && !fragment.contains('#'));
        assert_eq!(Place::from_fragment(&fragment), Some(place));
        assert_eq!(Place::from_fragment("library"), Some(Place::default()));
        assert_eq!(Place::from_fragment("p3"), None);
        assert_eq!(Place::from_fragment("libraryx"), None);
        // Broken escapes are read as they stand.
        assert_eq!(Place::from_fragment("library?q=%zz%4").unwrap().query.text, "%zz%4");
    }
}
