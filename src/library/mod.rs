//! A library of cables: many cables (a folder, a pile of files, the whole `cables.csv`)
//! indexed for browsing, filtering and full-text search. The browser runs it in a Web Worker
//! (`worker.rs`, its own wasm, loaded only when a library is opened); the index itself is plain
//! Rust, tested natively.
//!
//! The library keeps no cable text: each entry says where its text is (a file, or a byte range
//! of `cables.csv`), and the text is read again to open a cable, check a phrase or cut a snippet.

mod feed;
pub mod protocol;
pub mod search;
mod store;
#[cfg(target_arch = "wasm32")]
pub mod worker;

use std::collections::HashMap;

pub use feed::{BATCH_BYTES, Batch, Feed, MAX_FILE, MAX_ROW};
use protocol::{Answer, Facets, Query, Reading, Row, Sort};
use search::{Field, FxBuild, Index};

use crate::cable::{Cable, DiagnosticKind};

/// The parsed cable and the text it was read from, or why the input is not one (empty,
/// binary, not a cable as the parser judges it): such an input is reported and skipped, never
/// listed as a cable.
pub fn read_cable(bytes: &[u8]) -> Result<Cable, String> {
    // Without a copy of the text the parser read (the command never uses it).
    read_with(bytes, |cable, _| cable)
}

/// [`read_cable`], with the text the parser read.
pub fn read_cable_text(bytes: &[u8]) -> Result<(Cable, String), String> {
    read_with(bytes, |cable, source| (cable, source.into_owned()))
}

fn read_with<T>(bytes: &[u8], keep: impl FnOnce(Cable, std::borrow::Cow<'_, str>) -> T) -> Result<T, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty".to_owned());
    }
    let Some((text, replaced)) = crate::cable::decode(bytes) else {
        return Err("this looks like a binary file, not text: nothing was read as a cable".to_owned());
    };
    let (mut cable, source) = crate::cable::parse_source(&text);
    let refused = cable.diagnostics.iter().find(|d| d.kind == DiagnosticKind::NotACable);
    if let Some(d) = refused {
        return Err(d.message.clone());
    }
    cable.diagnostics.splice(0..0, replaced);
    Ok(keep(cable, source))
}

/// The text a cable's words were indexed from, without parsing it: what phrase checks and
/// snippets read (a parse costs ten times more).
pub fn cable_text(bytes: &[u8]) -> Option<String> {
    let (text, _) = crate::cable::decode(bytes)?;
    Some(crate::cable::source_text(&text).into_owned())
}

/// A page's or a `cables.csv` row's own date (`2004-06-09 09:09`, Zulu like the date-time
/// groups it comes from) in the model's form, `2004-06-09T09:09:00Z`.
pub fn container_date(cable: &Cable) -> Option<String> {
    let created = cable.page.as_ref()?.created.as_deref()?;
    let b = created.as_bytes();
    let shaped = b.len() == 16 && b[4] == b'-' && b[7] == b'-' && b[10] == b' ' && b[13] == b':';
    Some(if shaped { format!("{}T{}:00Z", &created[..10], &created[11..]) } else { created.to_owned() })
}

/// Where a cable's text is: a whole file, or `len` bytes at `start` of one (a `cables.csv` row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub file: u32,
    pub start: u64,
    pub len: u32,
    /// The row of `cables.csv` (from 1), or 0 for a whole file.
    pub row: u32,
}

/// Reads a source's bytes again (the worker: `FileReaderSync` on a slice of the `File`).
pub trait Texts {
    fn bytes(&mut self, source: &Source) -> Option<Vec<u8>>;
}

/// Values of one kind (origins, tags…) numbered in order of first sight.
#[derive(Default)]
struct Vocab {
    names: Vec<String>,
    ids: HashMap<String, u32, FxBuild>,
}

impl Vocab {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    fn find(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }
}

const NONE: u32 = u32::MAX;

/// One cable of the library: what the list shows and the filters test.
pub struct Entry {
    pub id: String,
    /// `2009-02-03T02:52:00Z`, a shorter date, or empty when unknown.
    pub date: String,
    /// The date's digits as a number (`200902030252`, shorter dates padded), for sorting.
    date_key: u64,
    origin: u32,
    classification: u32,
    handling: Vec<u32>,
    tags: Vec<u32>,
    pub subject: String,
    pub references: Vec<String>,
    pub source: Source,
    /// The file's name (a folder's relative path), or `cables.csv, row N`.
    pub name: String,
}

/// The library: its cables, their words, and the orders the list sorts by.
#[derive(Default)]
pub struct Library {
    entries: Vec<Entry>,
    /// What filters and counts read of each entry, packed together (a query walks them all).
    facts: Vec<Facts>,
    /// The entries' handling and TAGS values, one after another (`Facts::at`).
    flat: Vec<u32>,
    index: Index,
    origins: Vocab,
    classes: Vocab,
    handlings: Vocab,
    tags: Vocab,
    by_id: HashMap<String, u32, FxBuild>,
    /// Entries in date, ID and origin order, each made when first needed and dropped when
    /// cables are added.
    orders: [Option<Vec<u32>>; 3],
    cited_by: Option<HashMap<u32, Vec<u32>, FxBuild>>,
    /// Per value of a filter, the cables that have it; with the counts of the whole library.
    /// Made when a query first needs them, dropped when cables are added.
    by_value: Option<Box<ByValue>>,
    /// The last answer's cables in order, which `rows` pages through.
    hits: Vec<u32>,
    marks: Vec<String>,
}

/// An entry's filtered fields, 32 bytes: at 251,287 cables a query's pass over them reads 8 MB
/// instead of chasing each entry's strings and lists.
#[derive(Clone, Copy)]
struct Facts {
    date_key: u64,
    origin: u32,
    classification: u32,
    /// Where the entry's handling values, then its TAGS, start in `Library::flat`.
    at: u32,
    handling: u8,
    tags: u8,
    refs: bool,
}

impl Facts {
    fn handling<'a>(&self, flat: &'a [u32]) -> &'a [u32] {
        let at = self.at as usize;
        &flat[at..at + usize::from(self.handling)]
    }

    fn tags<'a>(&self, flat: &'a [u32]) -> &'a [u32] {
        let at = self.at as usize + usize::from(self.handling);
        &flat[at..at + usize::from(self.tags)]
    }
}

/// How many phrase candidates are checked in their text: beyond it the count says "at least".
const PHRASE_CHECKS: usize = 60;
/// How many values of a filter the answer lists (the chosen ones always).
const FACET_VALUES: usize = 60;

impl Library {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, doc: u32) -> Option<&Entry> {
        self.entries.get(doc as usize)
    }

    /// Bytes of the full-text index.
    pub fn index_size(&self) -> usize {
        self.index.size()
    }

    pub fn word_count(&self) -> usize {
        self.index.word_count()
    }

    /// Adds a cable from its bytes; `Err` says why it is not one.
    pub fn add(&mut self, bytes: &[u8], source: Source, name: String) -> Result<u32, String> {
        let (cable, text) = read_cable_text(bytes)?;
        Ok(self.add_cable(&cable, &text, source, name))
    }

    pub fn add_cable(&mut self, cable: &Cable, text: &str, source: Source, name: String) -> u32 {
        let doc = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let page_id = cable.page.as_ref().and_then(|p| p.canonical_id.as_deref().or(p.id.as_deref()));
        // The collection's own name for the cable (a page's, a row's) first: it is how the reader
        // found it, and the text's may be another cable's (a page holding a copy).
        let id = page_id.or(cable.id.as_deref()).map_or_else(|| name.clone(), str::to_owned);
        let date = cable.date.clone().or_else(|| container_date(cable)).unwrap_or_default();
        let origin = cable.origin.as_deref().map_or(NONE, |o| self.origins.id(o));
        let classification = cable.classification.map_or(NONE, |c| self.classes.id(c.as_str()));
        let handling = cable.handling.iter().map(|h| self.handlings.id(h)).collect();
        let tags = cable.tags.iter().map(|t| self.tags.id(t)).collect();
        let mut references: Vec<String> = cable.references.iter().filter_map(|r| r.id.clone()).collect();
        references.dedup();
        self.index.add(doc, text);
        self.by_id.entry(id.clone()).or_insert(doc);
        self.entries.push(Entry {
            id,
            date_key: date_key(&date),
            date,
            origin,
            classification,
            handling,
            tags,
            subject: cable.subject.clone().unwrap_or_default(),
            references,
            source,
            name,
        });
        self.push_facts(doc as usize);
        self.orders = [None, None, None];
        self.cited_by = None;
        self.by_value = None;
        doc
    }

    /// Appends the cables of `other` (a part of the same files indexed apart, by another
    /// worker), after this library's: the library is then what adding them here one by one
    /// would have made, to the byte ([`Library::to_bytes`]).
    pub fn append(&mut self, other: Library) {
        let offset = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        // Their values renumbered as this library numbers them; new ones in the order they
        // were first seen there, as adding the cables here would have numbered them.
        let renumber =
            |theirs: &Vocab, ours: &mut Vocab| -> Vec<u32> { theirs.names.iter().map(|n| ours.id(n)).collect() };
        let origins = renumber(&other.origins, &mut self.origins);
        let classes = renumber(&other.classes, &mut self.classes);
        let handlings = renumber(&other.handlings, &mut self.handlings);
        let tags = renumber(&other.tags, &mut self.tags);
        let at = |map: &[u32], v: u32| if v == NONE { NONE } else { map.get(v as usize).copied().unwrap_or(NONE) };
        for mut e in other.entries {
            e.origin = at(&origins, e.origin);
            e.classification = at(&classes, e.classification);
            e.handling.iter_mut().for_each(|h| *h = at(&handlings, *h));
            e.tags.iter_mut().for_each(|t| *t = at(&tags, *t));
            let doc = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            self.by_id.entry(e.id.clone()).or_insert(doc);
            self.entries.push(e);
            self.push_facts(doc as usize);
        }
        self.index.append(other.index, offset);
        self.orders = [None, None, None];
        self.cited_by = None;
        self.by_value = None;
    }

    fn push_facts(&mut self, doc: usize) {
        let e = &self.entries[doc];
        let handling = &e.handling[..e.handling.len().min(255)];
        let tags = &e.tags[..e.tags.len().min(255)];
        self.facts.push(Facts {
            date_key: e.date_key,
            origin: e.origin,
            classification: e.classification,
            at: u32::try_from(self.flat.len()).unwrap_or(u32::MAX),
            handling: u8::try_from(handling.len()).unwrap_or(u8::MAX),
            tags: u8::try_from(tags.len()).unwrap_or(u8::MAX),
            refs: !e.references.is_empty(),
        });
        self.flat.extend_from_slice(handling);
        self.flat.extend_from_slice(tags);
    }

    /// The entries in date (0), ID (1) or origin (2) order.
    fn order(&mut self, which: usize) -> &[u32] {
        if self.orders[which].is_none() {
            let e = &self.entries;
            let mut all: Vec<u32> = (0..u32::try_from(e.len()).unwrap_or(u32::MAX)).collect();
            match which {
                0 => all.sort_by_key(|&d| e[d as usize].date_key),
                1 => all.sort_by(|&a, &b| e[a as usize].id.cmp(&e[b as usize].id)),
                _ => {
                    // Origins by name, then by date: a rank per origin, not a string per comparison.
                    let names = &self.origins.names;
                    let mut by_name: Vec<u32> = (0..u32::try_from(names.len()).unwrap_or(u32::MAX)).collect();
                    by_name.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
                    let mut rank = vec![u32::MAX; names.len()];
                    for (r, &o) in by_name.iter().enumerate() {
                        rank[o as usize] = u32::try_from(r).unwrap_or(u32::MAX);
                    }
                    all.sort_by_key(|&d| {
                        let entry = &e[d as usize];
                        (rank.get(entry.origin as usize).copied().unwrap_or(u32::MAX), entry.date_key)
                    });
                }
            }
            self.orders[which] = Some(all);
        }
        self.orders[which].as_deref().unwrap_or_default()
    }

    /// Filters, searches and sorts; keeps the result for [`Library::rows`].
    pub fn query(&mut self, query: &Query, texts: &mut dyn Texts) -> Answer {
        let plan = self.plan(query);
        let mut answer = self.answer(plan, texts);
        answer.rows = self.rows(0, self.first_rows(), texts);
        answer
    }

    /// A query's first step: the cables its words allow, and those whose text must be read
    /// again to check a phrase ([`Plan::to_read`]: the worker reads them all at once).
    pub fn plan(&self, query: &Query) -> Plan {
        let parsed = search::parse_query(&query.text);
        let mut note = None;
        let filters = Filters::new(self, query, &parsed.fields);
        let indexed: Vec<String> =
            parsed.words.iter().filter(|w| !search::is_stop_word(w.as_bytes())).cloned().collect();
        // Cables the words allow (None: every cable), with their scores.
        let scored: Option<Vec<(u32, f32)>> = if parsed.words.is_empty() {
            None
        } else if indexed.is_empty() {
            note = Some(
                "Only very common words (the, of, and…): they are in every cable, so they are not searched.".to_owned(),
            );
            Some(Vec::new())
        } else {
            let mut hits = self.index.search(&indexed);
            if !parsed.phrases.is_empty() {
                // Only cables the filters could let in (or count) are worth reading again.
                hits.retain(|&(d, _)| {
                    filters.fields(self, d) && filters.failed(&self.facts[d as usize], &self.flat).count_ones() <= 1
                });
                hits.sort_by(|a, b| b.1.total_cmp(&a.1));
                let checked = hits.len().min(PHRASE_CHECKS);
                if hits.len() > checked {
                    note = Some(format!(
                        "{} cables hold every word; the best {checked} were checked for the exact phrase: add a \
                         field or a filter to check them all.",
                        hits.len()
                    ));
                }
                hits.truncate(checked);
            }
            Some(hits)
        };
        if !parsed.unknown.is_empty() {
            note = Some(format!(
                "Not a field: {}. Fields are tag:, origin:, class:, handling:, id:, subject:, year:, ref:.",
                parsed.unknown.join(", ")
            ));
        }
        Plan { query: query.clone(), parsed, filters, scored, note }
    }

    /// The query's answer, once the texts its phrases need can be read.
    pub fn answer(&mut self, plan: Plan, texts: &mut dyn Texts) -> Answer {
        let Plan { query, parsed, filters, mut scored, note } = plan;
        if let (Some(hits), false) = (scored.as_mut(), parsed.phrases.is_empty()) {
            hits.retain(|&(doc, _)| {
                let entry = &self.entries[doc as usize];
                texts
                    .bytes(&entry.source)
                    .and_then(|b| cable_text(&b))
                    .is_some_and(|text| parsed.phrases.iter().all(|p| search::has_phrase(&text, p)))
            });
            hits.sort_by_key(|h| h.0);
        }
        if scored.is_none() && filters.fields.is_empty() {
            if let Some((facets, kept)) = self.one_filter(&filters) {
                return self.finish(&query, &parsed, note, facets, kept, false);
            }
        }
        let mut facets = Counts::new(self);
        let mut kept: Vec<(u32, f32)> = Vec::new();
        let mut consider = |doc: u32, score: f32, lib: &Library| {
            let fact = &lib.facts[doc as usize];
            if !filters.fields.is_empty() && !filters.fields(lib, doc) {
                return;
            }
            let failed = filters.failed(fact, &lib.flat);
            facets.add(fact, &lib.flat, failed);
            if failed == 0 {
                kept.push((doc, score));
            }
        };
        match &scored {
            Some(hits) => hits.iter().for_each(|&(d, s)| consider(d, s, self)),
            None => (0..u32::try_from(self.entries.len()).unwrap_or(u32::MAX)).for_each(|d| consider(d, 0.0, self)),
        }
        self.finish(&query, &parsed, note, facets, kept, scored.is_some())
    }

    /// An answer from the cables kept and the counts: ordered, its marks noted.
    fn finish(
        &mut self,
        query: &Query,
        parsed: &search::Parsed,
        note: Option<String>,
        facets: Counts,
        kept: Vec<(u32, f32)>,
        scored: bool,
    ) -> Answer {
        let sort = if query.sort == Sort::Relevance && !scored { Sort::Date } else { query.sort };
        self.hits = self.ordered(kept, sort);
        self.marks.clone_from(&parsed.words);
        self.marks.extend(parsed.phrases.iter().map(|p| p.join(" ")));
        Answer {
            seq: 0,
            total: u32::try_from(self.hits.len()).unwrap_or(u32::MAX),
            library: u32::try_from(self.entries.len()).unwrap_or(u32::MAX),
            facets: facets.finish(self, query),
            marks: self.marks.clone(),
            note,
            rows: Vec::new(),
            took_ms: 0,
        }
    }

    /// Makes now what a query with one filter and opening a cable read (else the first such
    /// request would): the worker calls it once a library is indexed or read back.
    pub fn warm(&mut self) {
        self.warm_by_value();
        self.warm_cited_by();
    }

    /// The per-value lists and counts (`ByValue`), made when first needed.
    fn warm_by_value(&mut self) {
        if self.by_value.is_none() {
            self.by_value = Some(Box::new(ByValue::new(self)));
        }
    }

    /// Which cables cite each cable (by the REF IDs the library has), made when first needed.
    fn warm_cited_by(&mut self) {
        if self.cited_by.is_none() {
            let mut cited: HashMap<u32, Vec<u32>, FxBuild> = HashMap::default();
            for (d, e) in self.entries.iter().enumerate() {
                for r in &e.references {
                    if let Some(&target) = self.by_id.get(r) {
                        cited.entry(target).or_default().push(u32::try_from(d).unwrap_or(u32::MAX));
                    }
                }
            }
            self.cited_by = Some(cited);
        }
    }

    /// A query with no words and at most one filter (values of origin, classification, handling
    /// or TAGS): only the cables with a chosen value are visited, not the whole library. The filter's own
    /// counts are the whole library's (choosing another of its values would let those in); the
    /// other filters count the cables it lets in. `None`: not such a query.
    fn one_filter(&mut self, filters: &Filters) -> Option<(Counts, Vec<(u32, f32)>)> {
        let groups = [&filters.origin, &filters.classification, &filters.handling, &filters.tags];
        let dated = filters.from > 0 || filters.to < u64::MAX;
        let active: Vec<usize> = groups.iter().enumerate().filter(|(_, g)| !g.is_empty()).map(|(k, _)| k).collect();
        // No filter before `warm` has run (a library just indexed or read back): one pass, rather
        // than making the lists first while the page waits for its first list.
        if dated || filters.has_refs || active.len() > 1 || (active.is_empty() && self.by_value.is_none()) {
            return None;
        }
        self.warm_by_value();
        let by = self.by_value.as_deref()?;
        // No filter at all: the whole library, its counts made once.
        let Some(&group) = active.first() else {
            let all = u32::try_from(self.facts.len()).unwrap_or(u32::MAX);
            return Some((by.all.clone(), (0..all).map(|d| (d, 0.0)).collect()));
        };
        let lists = [&by.origin, &by.classification, &by.handling, &by.tags][group];
        let chosen = groups[group];
        let mut docs: Vec<u32> = chosen.iter().filter_map(|&v| lists.get(v as usize)).flatten().copied().collect();
        if chosen.len() > 1 {
            // A cable with two chosen values once (a sort would cost more than the whole query;
            // the order is the list's, made next).
            let mut seen = vec![false; self.facts.len()];
            docs.retain(|&d| !std::mem::replace(&mut seen[d as usize], true));
        }
        let mut counts = Counts::new(self);
        if group == 1 {
            for &v in chosen {
                if let Some(of_class) = by.per_class.get(v as usize) {
                    counts.add_counts(of_class);
                }
            }
        } else {
            for &d in &docs {
                counts.add(&self.facts[d as usize], &self.flat, 0);
            }
        }
        match group {
            0 => counts.origin.clone_from(&by.all.origin),
            1 => counts.classification.clone_from(&by.all.classification),
            2 => counts.handling.clone_from(&by.all.handling),
            _ => counts.tags.clone_from(&by.all.tags),
        }
        Some((counts, docs.into_iter().map(|d| (d, 0.0)).collect()))
    }

    /// How many rows an answer carries: enough to fill the list at once; with snippets (a
    /// file read each) only what shows.
    pub fn first_rows(&self) -> u32 {
        if self.marks.is_empty() { 40 } else { 16 }
    }

    /// Where the texts of rows `start..start + count` are, when they show snippets (else none
    /// is read).
    pub fn row_sources(&self, start: u32, count: u32) -> Vec<Source> {
        if self.marks.is_empty() {
            return Vec::new();
        }
        let start = (start as usize).min(self.hits.len());
        let end = (start + count as usize).min(self.hits.len());
        self.hits[start..end].iter().map(|&d| self.entries[d as usize].source).collect()
    }

    fn ordered(&mut self, mut kept: Vec<(u32, f32)>, sort: Sort) -> Vec<u32> {
        match sort {
            Sort::Relevance => {
                kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                kept.into_iter().map(|k| k.0).collect()
            }
            Sort::Date | Sort::DateDesc | Sort::Id | Sort::Origin => {
                let which = match sort {
                    Sort::Id => 1,
                    Sort::Origin => 2,
                    _ => 0,
                };
                let n = self.entries.len();
                let order = self.order(which);
                let mut out: Vec<u32> = if kept.len() * 8 > n {
                    // Most cables pass: walk the order and keep them.
                    let mut chosen = vec![false; n];
                    for &(d, _) in &kept {
                        chosen[d as usize] = true;
                    }
                    order.iter().copied().filter(|&d| chosen[d as usize]).collect()
                } else {
                    let mut rank = vec![0u32; 0];
                    rank.resize(n, 0);
                    for (r, &d) in order.iter().enumerate() {
                        rank[d as usize] = u32::try_from(r).unwrap_or(u32::MAX);
                    }
                    let mut docs: Vec<u32> = kept.into_iter().map(|k| k.0).collect();
                    docs.sort_by_key(|&d| rank[d as usize]);
                    docs
                };
                if sort == Sort::DateDesc {
                    out.reverse();
                }
                out
            }
        }
    }

    /// Rows `start..start + count` of the last answer, with snippets when it searched words.
    pub fn rows(&self, start: u32, count: u32, texts: &mut dyn Texts) -> Vec<Row> {
        let start = (start as usize).min(self.hits.len());
        let end = (start + count as usize).min(self.hits.len());
        self.hits[start..end].iter().map(|&doc| self.row(doc, !self.marks.is_empty(), texts)).collect()
    }

    fn row(&self, doc: u32, snippet: bool, texts: &mut dyn Texts) -> Row {
        let e = &self.entries[doc as usize];
        let name = |v: &Vocab, id: u32| v.names.get(id as usize).cloned().unwrap_or_default();
        let snippet = snippet
            .then(|| texts.bytes(&e.source))
            .flatten()
            .and_then(|b| cable_text(&b))
            .map(|text| search::snippet(&text, &self.marks));
        Row {
            doc,
            id: e.id.clone(),
            date: shown_date(&e.date),
            origin: name(&self.origins, e.origin),
            classification: name(&self.classes, e.classification),
            handling: e.handling.iter().map(|&h| name(&self.handlings, h)).collect(),
            subject: e.subject.clone(),
            snippet,
        }
    }

    /// The library's place of a reference ID.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// A cable to read: its text as the file holds it, its references resolved in the
    /// library, and the cables that cite it.
    pub fn read(&mut self, doc: u32, texts: &mut dyn Texts) -> Option<Reading> {
        let source = self.entries.get(doc as usize)?.source;
        let bytes = texts.bytes(&source)?;
        let text = match crate::cable::decode(&bytes) {
            Some((text, _)) => text.into_owned(),
            None => return None,
        };
        self.warm_cited_by();
        let e = &self.entries[doc as usize];
        let cited_by = self
            .cited_by
            .as_ref()
            .and_then(|c| c.get(&doc))
            .map(|docs| docs.iter().filter(|&&d| d != doc).map(|&d| self.row(d, false, texts)).collect())
            .unwrap_or_default();
        Some(Reading {
            doc,
            name: e.name.clone(),
            text,
            references: e.references.iter().map(|r| (r.clone(), self.find(r))).collect(),
            cited_by,
            marks: self.marks.clone(),
        })
    }
}

/// The digits of a date, as a number that sorts as the date does (`2009-02` → `200902000000`).
fn date_key(date: &str) -> u64 {
    let (value, scale) = date_digits(date);
    value * scale
}

/// A date's first 12 digits as a number, and the power of ten that pads it to 12 digits.
fn date_digits(date: &str) -> (u64, u64) {
    let (mut value, mut scale) = (0u64, 1_000_000_000_000u64);
    for b in date.bytes().filter(u8::is_ascii_digit).take(12) {
        value = value * 10 + u64::from(b - b'0');
        scale /= 10;
    }
    (value, scale)
}

/// A range's end as a date key: `2009` from 2009-01-01, or (`upper`) up to the end of 2009; open
/// (0, `u64::MAX`) when it has no digit.
fn bound(date: &str, upper: bool) -> u64 {
    match (date_digits(date), upper) {
        ((_, 1_000_000_000_000), true) => u64::MAX,
        ((value, scale), true) => (value + 1) * scale,
        ((value, scale), false) => value * scale,
    }
}

/// `2009-02-03T02:52:00Z` as the list shows it, `2009-02-03 02:52`.
fn shown_date(date: &str) -> String {
    match (date.get(..10), date.get(11..16)) {
        (Some(day), Some(time)) if date.as_bytes()[10] == b'T' => format!("{day} {time}"),
        _ => date.to_owned(),
    }
}

/// A query under way: see [`Library::plan`].
pub struct Plan {
    query: Query,
    parsed: search::Parsed,
    filters: Filters,
    scored: Option<Vec<(u32, f32)>>,
    note: Option<String>,
}

impl Plan {
    pub fn has_phrases(&self) -> bool {
        !self.parsed.phrases.is_empty()
    }

    /// The texts to read before [`Library::answer`]: the phrase candidates'.
    pub fn to_read(&self, library: &Library) -> Vec<Source> {
        match (&self.scored, self.parsed.phrases.is_empty()) {
            (Some(hits), false) => hits.iter().map(|&(d, _)| library.entries[d as usize].source).collect(),
            _ => Vec::new(),
        }
    }
}

/// The filters of a query, resolved to vocabulary numbers.
struct Filters {
    /// The range's bounds as date keys: `from <= key < to` (0 and `u64::MAX` when open).
    from: u64,
    to: u64,
    origin: Vec<u32>,
    classification: Vec<u32>,
    handling: Vec<u32>,
    tags: Vec<u32>,
    has_refs: bool,
    fields: Vec<FieldTest>,
}

/// Bits of [`Filters::failed`]: which filter a cable fails.
const F_DATE: u8 = 1;
const F_ORIGIN: u8 = 2;
const F_CLASS: u8 = 4;
const F_HANDLING: u8 = 8;
const F_TAGS: u8 = 16;
const F_REFS: u8 = 32;

impl Filters {
    fn new(lib: &Library, q: &Query, fields: &[(Field, String)]) -> Self {
        let ids = |v: &Vocab, names: &[String]| names.iter().map(|n| v.find(n).unwrap_or(NONE - 1)).collect();
        Filters {
            from: bound(&q.from, false),
            to: bound(&q.to, true),
            origin: ids(&lib.origins, &q.origin),
            classification: ids(&lib.classes, &q.classification),
            handling: ids(&lib.handlings, &q.handling),
            tags: ids(&lib.tags, &q.tags),
            has_refs: q.has_refs,
            fields: fields.iter().map(|(f, v)| field_test(lib, *f, v)).collect(),
        }
    }

    fn failed(&self, e: &Facts, flat: &[u32]) -> u8 {
        let mut failed = 0;
        let dated = e.date_key > 0;
        if (self.from > 0 && (!dated || e.date_key < self.from))
            || (self.to < u64::MAX && (!dated || e.date_key >= self.to))
        {
            failed |= F_DATE;
        }
        if !self.origin.is_empty() && !self.origin.contains(&e.origin) {
            failed |= F_ORIGIN;
        }
        if !self.classification.is_empty() && !self.classification.contains(&e.classification) {
            failed |= F_CLASS;
        }
        if !self.handling.is_empty() && !e.handling(flat).iter().any(|h| self.handling.contains(h)) {
            failed |= F_HANDLING;
        }
        if !self.tags.is_empty() && !e.tags(flat).iter().any(|t| self.tags.contains(t)) {
            failed |= F_TAGS;
        }
        if self.has_refs && !e.refs {
            failed |= F_REFS;
        }
        failed
    }

    /// The search box's `field:value` terms (each must hold): values of a vocabulary were
    /// resolved to its numbers once, the rest compared without allocating.
    fn fields(&self, lib: &Library, doc: u32) -> bool {
        let (e, f) = (&lib.entries[doc as usize], &lib.facts[doc as usize]);
        self.fields.iter().all(|field| match field {
            FieldTest::Tag(ids) => f.tags(&lib.flat).iter().any(|t| ids.contains(t)),
            FieldTest::Origin(ids) => ids.contains(&f.origin),
            FieldTest::Classification(ids) => ids.contains(&f.classification),
            FieldTest::Handling(ids) => f.handling(&lib.flat).iter().any(|h| ids.contains(h)),
            FieldTest::Id(v) => e.id.len() >= v.len() && e.id.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes()),
            FieldTest::Subject(v) => contains_ignoring_case(&e.subject, v),
            FieldTest::Year(v) => e.date.starts_with(v.as_str()),
            FieldTest::Ref(v) => e.references.iter().any(|r| r.eq_ignore_ascii_case(v)),
        })
    }
}

fn field_test(lib: &Library, field: Field, value: &str) -> FieldTest {
    let value = value.to_lowercase();
    let matching = |v: &Vocab, test: &dyn Fn(&str) -> bool| -> Vec<u32> {
        v.names
            .iter()
            .enumerate()
            .filter(|(_, n)| test(&n.to_lowercase()))
            .map(|(k, _)| u32::try_from(k).unwrap_or(u32::MAX))
            .collect()
    };
    match field {
        Field::Tag => FieldTest::Tag(matching(&lib.tags, &|n| n == value)),
        Field::Origin => FieldTest::Origin(matching(&lib.origins, &|n| n.contains(value.as_str()))),
        Field::Classification => FieldTest::Classification(matching(&lib.classes, &|n| n.starts_with(value.as_str()))),
        Field::Handling => FieldTest::Handling(matching(&lib.handlings, &|n| n == value)),
        Field::Id => FieldTest::Id(value),
        Field::Subject => FieldTest::Subject(value),
        Field::Year => FieldTest::Year(value),
        Field::Ref => FieldTest::Ref(value),
    }
}

/// A `field:value` of the search box, ready to test.
enum FieldTest {
    Tag(Vec<u32>),
    Origin(Vec<u32>),
    Classification(Vec<u32>),
    Handling(Vec<u32>),
    Id(String),
    Subject(String),
    Year(String),
    Ref(String),
}

/// Whether `hay` holds `needle` (lower case), ASCII case aside: candidates found by their
/// first byte in either case, then compared.
fn contains_ignoring_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    let mut at = 0;
    while at + n.len() <= h.len() {
        let Some(k) = memchr::memchr2(first, first.to_ascii_uppercase(), &h[at..=h.len() - n.len()]) else {
            return false;
        };
        if h[at + k..at + k + n.len()].eq_ignore_ascii_case(n) {
            return true;
        }
        at += k + 1;
    }
    false
}

/// Counts per filter value, each given every other filter: one slot per value of each
/// vocabulary (a hash map per cable would cost more than the rest of the query).
#[derive(Clone)]
struct Counts {
    years: Vec<u32>,
    origin: Vec<u32>,
    classification: Vec<u32>,
    handling: Vec<u32>,
    tags: Vec<u32>,
    has_refs: u32,
}

/// Per value of each filter, the cables that have it (in library order), and the counts of the
/// whole library: a query with one filter reads these instead of every cable.
struct ByValue {
    origin: Vec<Vec<u32>>,
    classification: Vec<Vec<u32>>,
    handling: Vec<Vec<u32>>,
    tags: Vec<Vec<u32>>,
    all: Counts,
    /// The counts of the cables of each classification (a cable has one): a filter on
    /// classifications adds these up instead of counting its cables, most of the library when
    /// several are chosen.
    per_class: Vec<Counts>,
}

impl ByValue {
    fn new(lib: &Library) -> Self {
        let mut by = ByValue {
            origin: vec![Vec::new(); lib.origins.names.len()],
            classification: vec![Vec::new(); lib.classes.names.len()],
            handling: vec![Vec::new(); lib.handlings.names.len()],
            tags: vec![Vec::new(); lib.tags.names.len()],
            all: Counts::new(lib),
            per_class: vec![Counts::new(lib); lib.classes.names.len()],
        };
        for (d, f) in lib.facts.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            if let Some(list) = by.origin.get_mut(f.origin as usize) {
                list.push(d);
            }
            if let Some(list) = by.classification.get_mut(f.classification as usize) {
                list.push(d);
            }
            // A value given twice lists its cable once.
            for &h in f.handling(&lib.flat) {
                let list = &mut by.handling[h as usize];
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
            for &t in f.tags(&lib.flat) {
                let list = &mut by.tags[t as usize];
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
            by.all.add(f, &lib.flat, 0);
            if let Some(counts) = by.per_class.get_mut(f.classification as usize) {
                counts.add(f, &lib.flat, 0);
            }
        }
        by
    }
}

/// Years counted: 1900 to 2155.
const FIRST_YEAR: usize = 1900;

impl Counts {
    fn new(lib: &Library) -> Self {
        Counts {
            years: vec![0; 256],
            origin: vec![0; lib.origins.names.len()],
            classification: vec![0; lib.classes.names.len()],
            handling: vec![0; lib.handlings.names.len()],
            tags: vec![0; lib.tags.names.len()],
            has_refs: 0,
        }
    }

    /// A cable that fails no filter counts everywhere; one that fails exactly one filter counts
    /// toward that filter's values (choosing one of them would let it in).
    fn add(&mut self, e: &Facts, flat: &[u32], failed: u8) {
        let counts = |f: u8| failed == 0 || failed == f;
        if counts(F_DATE) {
            #[allow(clippy::cast_possible_truncation, reason = "the year part of a 12-digit key")]
            let year = (e.date_key / 100_000_000) as usize;
            if let Some(slot) = year.checked_sub(FIRST_YEAR).and_then(|y| self.years.get_mut(y)) {
                *slot += 1;
            }
        }
        if counts(F_ORIGIN) && e.origin != NONE {
            self.origin[e.origin as usize] += 1;
        }
        if counts(F_CLASS) && e.classification != NONE {
            self.classification[e.classification as usize] += 1;
        }
        if counts(F_HANDLING) {
            for &h in e.handling(flat) {
                self.handling[h as usize] += 1;
            }
        }
        if counts(F_TAGS) {
            for &t in e.tags(flat) {
                self.tags[t as usize] += 1;
            }
        }
        if counts(F_REFS) && e.refs {
            self.has_refs += 1;
        }
    }

    /// Adds another set of counts (of other cables) to these.
    fn add_counts(&mut self, other: &Counts) {
        let add = |to: &mut Vec<u32>, from: &Vec<u32>| to.iter_mut().zip(from).for_each(|(a, b)| *a += b);
        add(&mut self.years, &other.years);
        add(&mut self.origin, &other.origin);
        add(&mut self.classification, &other.classification);
        add(&mut self.handling, &other.handling);
        add(&mut self.tags, &other.tags);
        self.has_refs += other.has_refs;
    }

    fn finish(self, lib: &Library, q: &Query) -> Facets {
        // The commonest values (and the chosen ones), most first: thousands of TAGS are ranked by
        // their numbers, and only those kept are named.
        let named = |v: &Vocab, counts: Vec<u32>, chosen: &[String]| {
            let mut ids: Vec<usize> = (0..counts.len()).filter(|&id| counts[id] > 0).collect();
            let by_count =
                |a: &usize, b: &usize| counts[*b].cmp(&counts[*a]).then_with(|| v.names[*a].cmp(&v.names[*b]));
            if ids.len() > FACET_VALUES {
                ids.select_nth_unstable_by(FACET_VALUES - 1, by_count);
                ids.truncate(FACET_VALUES);
            }
            ids.sort_by(by_count);
            let mut kept: Vec<(String, u32)> = ids.iter().map(|&id| (v.names[id].clone(), counts[id])).collect();
            for c in chosen {
                if !kept.iter().any(|(n, _)| n == c) {
                    let n = v.find(c).and_then(|id| counts.get(id as usize)).copied().unwrap_or(0);
                    kept.push((c.clone(), n));
                }
            }
            kept
        };
        let years: Vec<(String, u32)> = self
            .years
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(y, &n)| ((FIRST_YEAR + y).to_string(), n))
            .collect();
        let mut classification = named(&lib.classes, self.classification, &q.classification);
        let rank = |c: &str| {
            ["TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED"]
                .iter()
                .position(|x| *x == c)
        };
        classification.sort_by_key(|(c, _)| rank(c));
        Facets {
            years,
            origin: named(&lib.origins, self.origin, &q.origin),
            classification,
            handling: named(&lib.handlings, self.handling, &q.handling),
            tags: named(&lib.tags, self.tags, &q.tags),
            has_refs: self.has_refs,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
