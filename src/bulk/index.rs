//! `cable index`: one row per cable, the fields a researcher filters and counts by, as CSV or
//! JSON Lines (lists as arrays in JSON, `|`-separated in CSV, as `cables.csv` writes its
//! references).

use std::borrow::Cow;

use serde::Serialize;

use super::Name;
use crate::cable::Cable;

/// The columns, in order.
pub const COLUMNS: [&str; 11] = [
    "id",
    "date",
    "classification",
    "handling",
    "origin",
    "tags",
    "subject",
    "references",
    "sections",
    "words",
    "source",
];

#[derive(Debug, Serialize)]
pub struct IndexRow<'a> {
    /// The reference ID the text gives, else the container's (a `cables.csv` row's, a page's).
    pub id: Option<&'a str>,
    /// The text's date (`2009-02-03T02:52:00Z`), else the container's, in the same form.
    pub date: Option<Cow<'a, str>>,
    pub classification: Option<&'static str>,
    pub handling: Vec<&'a str>,
    pub origin: Option<&'a str>,
    pub tags: Vec<&'a str>,
    pub subject: Option<&'a str>,
    /// The reference IDs of the REF line (references without one are left out).
    pub references: Vec<&'a str>,
    pub sections: usize,
    /// Words of the body's paragraphs.
    pub words: usize,
    /// The file, or `cables.csv: row N`, the row came from.
    pub source: String,
}

impl<'a> IndexRow<'a> {
    pub fn new(cable: &'a Cable, name: &Name) -> Self {
        let page_id = cable.page.as_ref().and_then(|p| p.canonical_id.as_deref().or(p.id.as_deref()));
        IndexRow {
            id: cable.id.as_deref().or(page_id),
            date: cable
                .date
                .as_deref()
                .map(Cow::Borrowed)
                .or_else(|| crate::library::container_date(cable).map(Cow::Owned)),
            classification: cable.classification.map(crate::cable::Classification::as_str),
            handling: cable.handling.iter().map(String::as_str).collect(),
            origin: cable.origin.as_deref(),
            tags: cable.tags.iter().map(String::as_str).collect(),
            subject: cable.subject.as_deref(),
            references: cable.references.iter().filter_map(|r| r.id.as_deref()).collect(),
            sections: cable.sections.len(),
            words: cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.split_whitespace().count()).sum(),
            source: name.to_string(),
        }
    }

    /// The row as one CSV line (RFC 4180: fields with a comma, quote or line break quoted,
    /// quotes doubled), with its line break.
    pub fn write_csv(&self, out: &mut Vec<u8>) {
        let lists = [self.handling.join("|"), self.tags.join("|"), self.references.join("|")];
        let (sections, words) = (self.sections.to_string(), self.words.to_string());
        let cells: [&str; 11] = [
            self.id.unwrap_or_default(),
            self.date.as_deref().unwrap_or_default(),
            self.classification.unwrap_or_default(),
            &lists[0],
            self.origin.unwrap_or_default(),
            &lists[1],
            self.subject.unwrap_or_default(),
            &lists[2],
            &sections,
            &words,
            &self.source,
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            csv_cell(cell, out);
        }
        out.push(b'\n');
    }
}

/// The header line of the CSV form.
pub fn csv_header() -> String {
    format!("{}\n", COLUMNS.join(","))
}

fn csv_cell(cell: &str, out: &mut Vec<u8>) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}
