//! Full-text search: words (ASCII letters and digits, lower-cased; other letters kept as they
//! are) indexed into postings lists, the query language, BM25 ranking and snippets.
//!
//! A postings list is one byte vector per word: for each cable holding it, the gap from the
//! previous cable's number (LEB128) and how often the word occurs (one byte, capped at 255).
//! Phrases are found by their words, then checked in the text itself.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The commonest English words: in almost every cable, so not indexed (a phrase holding them
/// is still checked word for word in the text). A search of nothing but these finds nothing.
pub const STOP_WORDS: [&str; 40] = [
    "the", "of", "to", "and", "in", "that", "is", "for", "on", "with", "as", "by", "be", "this", "are", "at", "from",
    "will", "it", "an", "has", "have", "not", "was", "or", "which", "their", "its", "he", "they", "we", "would",
    "been", "were", "his", "but", "also", "there", "had", "these",
];

/// Whether `word` (lower case, as [`words`] reads it) is one of [`STOP_WORDS`]: looked up in
/// the table the index uses, so the two cannot disagree.
pub fn is_stop_word(word: &[u8]) -> bool {
    packed(word).is_some_and(is_stop_key)
}

/// Words shorter than this are not indexed (paragraph numbers, portion marks' letters).
const MIN_WORD: usize = 2;
/// Longer "words" are runs of junk (routing strings, base64): not indexed.
const MAX_WORD: usize = 40;

/// The Fx hash (rustc's): fast on short keys, and no crate for it.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[allow(clippy::cast_possible_truncation, reason = "the two halves of the word")]
    fn write_u128(&mut self, i: u128) {
        self.write_u64(i as u64);
        self.write_u64((i >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are its best: bring them down to where the table's index
        // is taken (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Calls `each` with every word of `text`, lower case, and its byte range.
pub fn words(text: &str, mut each: impl FnMut(&[u8], usize, usize)) {
    let b = text.as_bytes();
    let mut word = [0u8; MAX_WORD];
    word_ranges(b, |start, end| {
        for (k, &c) in b[start..end].iter().enumerate() {
            word[k] = c.to_ascii_lowercase();
        }
        each(&word[..end - start], start, end);
    });
}

/// Calls `each` with the byte range of every word of `b` (as [`words`] reads them: runs of
/// word bytes, [`MIN_WORD`] to [`MAX_WORD`] long), in order.
fn word_ranges(b: &[u8], mut each: impl FnMut(usize, usize)) {
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
        if (MIN_WORD..=MAX_WORD).contains(&(i - start)) {
            each(start, i);
        }
    }
}

fn is_word_byte(c: u8) -> bool {
    WORD_BYTE[usize::from(c)]
}

/// The bytes words are made of: ASCII letters and digits, and every byte of a non-ASCII
/// character.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        #[allow(clippy::cast_possible_truncation, reason = "c < 256")]
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric() || b >= 0x80;
        c += 1;
    }
    table
};

/// [`STOP_WORDS`] packed as [`packed`] packs a word (none is longer than five bytes, so each
/// fits in 40 bits), in a table of 128 slots by their hash (an empty slot is 0, which no word
/// packs to): a word is found, or not, in one or two loads.
const STOP_SLOTS: [u64; 128] = {
    let mut slots = [0u64; 128];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let word = STOP_WORDS[i].as_bytes();
        assert!(word.len() <= 5, "a stop word longer than five bytes");
        let mut key = 0u64;
        let mut k = 0;
        while k < word.len() {
            key |= (word[k] as u64) << (8 * k);
            k += 1;
        }
        let mut at = stop_slot(key);
        while slots[at] != 0 {
            at = (at + 1) % 128;
        }
        slots[at] = key;
        i += 1;
    }
    slots
};

/// Where a packed word's search in [`STOP_SLOTS`] starts: the top seven bits of its Fx product.
const fn stop_slot(key: u64) -> usize {
    (key.wrapping_mul(0x51_7c_c1_b7_27_22_0a_95) >> 57) as usize
}

/// Eight bytes with their ASCII capitals made small, all at once (other bytes unchanged).
fn lower_eight(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let heptets = w & (0x7f * ONES);
    // Per byte, the top bit set when the byte is `A` or above, and when it is above `Z` (the
    // sums stay below 256: no carry into the next byte).
    let from_a = heptets + (0x80 - u64::from(b'A')) * ONES;
    let past_z = heptets + (0x7f - u64::from(b'Z')) * ONES;
    let capital = from_a & !past_z & !w & (0x80 * ONES);
    w | (capital >> 2)
}

/// Whether a packed word is a stop word.
fn is_stop_key(key: u128) -> bool {
    let Ok(key) = u64::try_from(key) else { return false };
    if key >= 1 << 40 {
        return false;
    }
    let mut at = stop_slot(key);
    loop {
        match STOP_SLOTS[at] {
            0 => return false,
            k if k == key => return true,
            _ => at = (at + 1) % 128,
        }
    }
}

/// The lower-case words of a query phrase or term, as the index holds them.
pub fn query_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    words(text, |w, _, _| out.push(String::from_utf8_lossy(w).into_owned()));
    out
}

#[derive(Default)]
struct Postings {
    bytes: Vec<u8>,
    last: u32,
    docs: u32,
}

impl Postings {
    fn write(&self, w: &mut super::store::Writer) {
        w.bytes(&self.bytes);
        w.num(u64::from(self.last));
        w.num(u64::from(self.docs));
    }

    fn read(r: &mut super::store::Reader<'_>) -> Option<Postings> {
        Some(Postings { bytes: r.bytes()?.to_vec(), last: r.u32()?, docs: r.u32()? })
    }

    fn append(&mut self, doc: u32, n: u32) {
        let gap = if self.docs == 0 { doc } else { doc - self.last };
        push_varint(&mut self.bytes, u64::from(gap));
        self.bytes.push(u8::try_from(n).unwrap_or(u8::MAX));
        self.last = doc;
        self.docs += 1;
    }

    /// Appends `other`'s list, its cables numbered from `offset` on (all after this list's):
    /// only its first gap changes, the rest of its bytes are copied.
    fn extend(&mut self, other: &Postings, offset: u32) {
        if other.docs == 0 {
            return;
        }
        let (first, used) = read_varint(&other.bytes);
        let doc = first + offset;
        let gap = if self.docs == 0 { doc } else { doc - self.last };
        push_varint(&mut self.bytes, u64::from(gap));
        self.bytes.extend_from_slice(&other.bytes[used..]);
        self.last = other.last + offset;
        self.docs += other.docs;
    }
}

/// A word of up to 16 bytes packed in an integer (words hold no zero byte, so the packing is
/// unique): the dictionary's buckets then hold the word itself, and a lookup costs one cache
/// miss instead of two (the bucket, then the word's bytes). Longer words are rare.
fn packed(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(b))
}

/// The inverted index: each word's postings in the dictionary's own bucket (one cache miss
/// to find a word and its list).
#[derive(Default)]
pub struct Index {
    dict: HashMap<u128, Postings, FxBuild>,
    long: HashMap<Box<[u8]>, Postings, FxBuild>,
    /// Words per cable, for BM25's length normalisation.
    lengths: Vec<u32>,
    total_words: u64,
    /// One cable's words and their counts: its words are looked up in the (large) dictionary
    /// once each, not once per occurrence.
    short: HashMap<u128, u32, FxBuild>,
    longer: HashMap<Box<[u8]>, u32, FxBuild>,
}

impl Index {
    /// An index with room for `words` words (a batch's part: it does not grow and rehash as
    /// its cables are added).
    pub fn with_room(words: usize) -> Index {
        Index { dict: HashMap::with_capacity_and_hasher(words, FxBuild::default()), ..Index::default() }
    }

    /// Indexes `text` as cable `doc` (cables are added in increasing order).
    pub fn add(&mut self, doc: u32, text: &str) {
        let mut short = std::mem::take(&mut self.short);
        let mut longer = std::mem::take(&mut self.longer);
        short.clear();
        longer.clear();
        let mut length = 0u32;
        // The words as `words` finds them, each packed (lower case) as `packed` packs it without
        // a byte-by-byte copy, and a stop word is a number among forty.
        let b = text.as_bytes();
        word_ranges(b, |start, end| {
            let len = end - start;
            length = length.saturating_add(1);
            if len > 16 {
                let word: Box<[u8]> = b[start..end].iter().map(u8::to_ascii_lowercase).collect();
                *longer.entry(word).or_default() += 1;
                return;
            }
            // Sixteen bytes from the word's start (fewer at the text's end), lower-cased all
            // at once, and the bytes past the word masked off: `packed`'s key.
            let mut w = [0u8; 16];
            match b.get(start..start + 16) {
                Some(sixteen) => w.copy_from_slice(sixteen),
                None => w[..len].copy_from_slice(&b[start..end]),
            }
            let (low, high) = w.split_at(8);
            let half = |h: &[u8]| lower_eight(u64::from_le_bytes(h.try_into().unwrap_or_default()));
            // Masked in halves: a shift of a u128 by a variable count is a call in wasm.
            let bytes = |n: usize| if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
            let (low, high) = (half(low) & bytes(len), half(high) & bytes(len.saturating_sub(8)));
            let key = u128::from(high) << 64 | u128::from(low);
            if !is_stop_key(key) {
                *short.entry(key).or_default() += 1;
            }
        });
        for (&key, &n) in &short {
            self.dict.entry(key).or_default().append(doc, n);
        }
        for (key, &n) in &longer {
            match self.long.get_mut(key) {
                Some(list) => list.append(doc, n),
                None => self.long.entry(key.clone()).or_default().append(doc, n),
            }
        }
        self.short = short;
        self.longer = longer;
        while self.lengths.len() < doc as usize {
            self.lengths.push(0);
        }
        self.lengths.push(length);
        self.total_words += u64::from(length);
    }

    /// Appends `other`'s cables, numbered from `offset` on (after every cable of this index):
    /// the index is then what adding them here one by one would have made.
    pub fn append(&mut self, other: Index, offset: u32) {
        self.lengths.resize(offset as usize, 0);
        self.lengths.extend_from_slice(&other.lengths);
        self.total_words += other.total_words;
        for (key, list) in &other.dict {
            self.dict.entry(*key).or_default().extend(list, offset);
        }
        for (key, list) in other.long {
            if let Some(mine) = self.long.get_mut(&key) {
                mine.extend(&list, offset);
            } else {
                let mut mine = Postings::default();
                mine.extend(&list, offset);
                self.long.insert(key, mine);
            }
        }
    }

    /// The cables holding `word`, with how often (empty when the word is not indexed).
    pub fn postings(&self, word: &str) -> Vec<(u32, u8)> {
        let list = match packed(word.as_bytes()) {
            Some(key) => self.dict.get(&key),
            None => self.long.get(word.as_bytes()),
        };
        let Some(list) = list else { return Vec::new() };
        let mut out = Vec::with_capacity(list.docs as usize);
        let (mut at, mut doc) = (0, 0u32);
        while at < list.bytes.len() {
            let (gap, used) = read_varint(&list.bytes[at..]);
            at += used;
            doc = if out.is_empty() { gap } else { doc + gap };
            out.push((doc, list.bytes[at]));
            at += 1;
        }
        out
    }

    /// Cables holding every word, scored by BM25 (k1 = 1.2, b = 0.75).
    #[allow(clippy::cast_precision_loss, reason = "counts far below 2^23 matter only as weights")]
    pub fn search(&self, words: &[String]) -> Vec<(u32, f32)> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut lists: Vec<Vec<(u32, u8)>> = words.iter().map(|w| self.postings(w)).collect();
        lists.sort_by_key(Vec::len);
        let n = self.lengths.len().max(1) as f32;
        let average = (self.total_words as f32 / n).max(1.0);
        let score = |df: usize, tf: u8, doc: u32| {
            let df = df as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            let tf = f32::from(tf);
            let length = self.lengths.get(doc as usize).copied().unwrap_or(0) as f32;
            idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / average))
        };
        let first = &lists[0];
        let mut hits: Vec<(u32, f32)> = first.iter().map(|&(d, tf)| (d, score(first.len(), tf, d))).collect();
        for list in &lists[1..] {
            let mut kept = Vec::with_capacity(hits.len());
            let mut j = 0;
            for &(doc, s) in &hits {
                while j < list.len() && list[j].0 < doc {
                    j += 1;
                }
                if j < list.len() && list[j].0 == doc {
                    kept.push((doc, s + score(list.len(), list[j].1, doc)));
                }
            }
            hits = kept;
        }
        hits
    }

    /// Bytes the index holds (postings, words and lengths), for the closing figures.
    pub fn size(&self) -> usize {
        let postings: usize = self.dict.values().chain(self.long.values()).map(|l| l.bytes.capacity()).sum();
        let words = self.dict.capacity() * 49 + self.long.keys().map(|k| k.len() + 16 + 49).sum::<usize>();
        postings + words + self.lengths.len() * 4
    }

    /// Writes the index for [`Index::read`]: words in order, so that the bytes do not depend
    /// on the hash map's.
    pub(super) fn write(&self, w: &mut super::store::Writer) {
        w.num(self.lengths.len() as u64);
        for &l in &self.lengths {
            w.num(u64::from(l));
        }
        w.num(self.total_words);
        let mut short: Vec<(&u128, &Postings)> = self.dict.iter().collect();
        short.sort_unstable_by_key(|(k, _)| **k);
        w.num(short.len() as u64);
        for (key, list) in short {
            w.u128(*key);
            list.write(w);
        }
        let mut long: Vec<(&Box<[u8]>, &Postings)> = self.long.iter().collect();
        long.sort_unstable_by_key(|(k, _)| *k);
        w.num(long.len() as u64);
        for (key, list) in long {
            w.bytes(key);
            list.write(w);
        }
    }

    pub(super) fn read(r: &mut super::store::Reader<'_>) -> Option<Index> {
        let n = usize::try_from(r.num()?).ok()?;
        let mut lengths = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            lengths.push(r.u32()?);
        }
        let total_words = r.num()?;
        let n = usize::try_from(r.num()?).ok()?;
        let mut dict = HashMap::with_capacity_and_hasher(n.min(1 << 24), FxBuild::default());
        for _ in 0..n {
            dict.insert(r.u128()?, Postings::read(r)?);
        }
        let n = usize::try_from(r.num()?).ok()?;
        let mut long = HashMap::with_capacity_and_hasher(n.min(1 << 20), FxBuild::default());
        for _ in 0..n {
            long.insert(Box::from(r.bytes()?), Postings::read(r)?);
        }
        Some(Index { dict, long, lengths, total_words, ..Index::default() })
    }

    pub fn word_count(&self) -> usize {
        self.dict.len() + self.long.len()
    }
}

/// LEB128: seven bits a byte, low first (postings, and every number of the kept form).
pub(super) fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(u8::try_from(v & 0x7f).unwrap_or(0) | 0x80);
        v >>= 7;
    }
    out.push(u8::try_from(v).unwrap_or(0));
}

fn read_varint(b: &[u8]) -> (u32, usize) {
    let (mut v, mut shift, mut used) = (0u32, 0, 0);
    for &byte in b {
        used += 1;
        v |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 || shift >= 28 {
            break;
        }
        shift += 7;
    }
    (v, used)
}

/// A query in the search box: free words, `"phrases"`, and `field:value` / `field:"two words"`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Every word that must occur (phrases' words included).
    pub words: Vec<String>,
    /// Phrases of two words or more, as word lists, checked in the text.
    pub phrases: Vec<Vec<String>>,
    pub fields: Vec<(Field, String)>,
    /// Fields not known, as typed.
    pub unknown: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Tag,
    Origin,
    Classification,
    Handling,
    Id,
    Subject,
    Year,
    Ref,
}

impl Field {
    fn named(name: &str) -> Option<Field> {
        Some(match name.to_ascii_lowercase().as_str() {
            "tag" | "tags" => Field::Tag,
            "origin" | "from" => Field::Origin,
            "class" | "classification" => Field::Classification,
            "handling" | "caveat" => Field::Handling,
            "id" => Field::Id,
            "subject" | "subj" => Field::Subject,
            "year" | "date" => Field::Year,
            "ref" | "cites" => Field::Ref,
            _ => return None,
        })
    }
}

/// Reads the search box. Never fails: what it cannot read as a field is searched as words.
pub fn parse_query(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (token, quoted, after) = next_token(rest);
        rest = after.trim_start();
        if !quoted {
            if let Some((name, value)) = token.split_once(':') {
                let (value, after_value) = if value.is_empty() && rest.starts_with('"') {
                    let (v, _, after) = next_token(rest);
                    (v, after)
                } else {
                    (value, rest)
                };
                if let Some(field) = Field::named(name) {
                    rest = after_value.trim_start();
                    let value = value.trim().trim_matches('"').trim();
                    if !value.is_empty() {
                        parsed.fields.push((field, value.to_owned()));
                    }
                    continue;
                }
                if !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphabetic()) {
                    parsed.unknown.push(name.to_owned());
                }
            }
        }
        let words = query_words(token);
        if quoted && words.len() > 1 {
            parsed.phrases.push(words.clone());
        }
        for w in words {
            if !parsed.words.contains(&w) {
                parsed.words.push(w);
            }
        }
    }
    parsed
}

/// The next token: a quoted phrase (without its quotes), or up to the next space; a
/// `field:"…"` stays one token.
fn next_token(s: &str) -> (&str, bool, &str) {
    if let Some(inner) = s.strip_prefix('"') {
        return match inner.find('"') {
            Some(end) => (&inner[..end], true, &inner[end + 1..]),
            None => (inner, true, ""),
        };
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    if let Some(colon) = s[..end].find(":\"") {
        let value = &s[colon + 2..];
        return match value.find('"') {
            Some(close) => (&s[..=colon + 2 + close], false, &s[colon + 3 + close..]),
            None => (s, false, ""),
        };
    }
    (&s[..end], false, &s[end..])
}

/// Whether `text` holds the phrase: its words one after another.
pub fn has_phrase(text: &str, phrase: &[String]) -> bool {
    let mut run = 0;
    let mut found = false;
    words(text, |w, _, _| {
        if found {
            return;
        }
        if w == phrase[run].as_bytes() {
            run += 1;
        } else {
            run = usize::from(w == phrase[0].as_bytes());
        }
        if run == phrase.len() {
            found = true;
        }
    });
    found
}

/// About 200 bytes of `text` around the first of `marks`, white space collapsed, with every
/// mark inside highlighted; the text's start when none occurs.
pub fn snippet(text: &str, marks: &[String]) -> super::protocol::Snippet {
    // Where the first phrase occurs, else the first word.
    let phrases: Vec<Vec<&str>> = marks.iter().filter(|m| m.contains(' ')).map(|m| m.split(' ').collect()).collect();
    let (mut first_phrase, mut first_word) = (None, None);
    let mut recent: Vec<(&[u8], usize)> = Vec::new();
    let text_bytes = text.as_bytes();
    words(text, |w, start, end| {
        if first_phrase.is_some() {
            return;
        }
        if first_word.is_none() && marks.iter().any(|m| !m.contains(' ') && m.as_bytes() == w) {
            first_word = Some(start);
        }
        recent.push((&text_bytes[start..end], start));
        for p in &phrases {
            if recent.len() >= p.len() {
                let tail = &recent[recent.len() - p.len()..];
                if tail.iter().zip(p).all(|((got, _), want)| got.eq_ignore_ascii_case(want.as_bytes())) {
                    first_phrase = Some(tail[0].1);
                }
            }
        }
        if recent.len() > 16 {
            recent.remove(0);
        }
    });
    let at = first_phrase.or(first_word).unwrap_or(0);
    let mut start = at.saturating_sub(80);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if let Some(space) = text[start..at].find(char::is_whitespace).filter(|_| start > 0) {
        start += space;
    }
    let mut end = (at + 160).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut space = false;
    for c in text[start..end].trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with('…') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if end < text.len() {
        out.push('…');
    }
    let single: Vec<&str> = marks.iter().flat_map(|m| m.split(' ')).collect();
    let mut ranges = Vec::new();
    words(&out, |w, s, e| {
        if single.iter().any(|m| m.as_bytes() == w) {
            ranges.push((u32::try_from(s).unwrap_or(0), u32::try_from(e).unwrap_or(0)));
        }
    });
    super::protocol::Snippet { text: out, marks: ranges }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_read_words_phrases_and_fields() {
        let q = parse_query(r#"tag:PREL origin:"new delhi" "heavy water" Reactor nope:x"#);
        assert_eq!(q.fields, vec![(Field::Tag, "PREL".to_owned()), (Field::Origin, "new delhi".to_owned())]);
        assert_eq!(q.phrases, vec![vec!["heavy".to_owned(), "water".to_owned()]]);
        assert_eq!(q.words, ["heavy", "water", "reactor", "nope"]);
        assert_eq!(q.unknown, ["nope"]);
        assert_eq!(parse_query("origin: \"x").fields, vec![(Field::Origin, "x".to_owned())]);
        assert_eq!(parse_query("\"unclosed phrase").phrases.len(), 1);
    }

    #[test]
    fn eight_bytes_are_lower_cased_as_each_would_be() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for other in [b'Q', b'q', b'@', b'[', 0xc3, 0] {
                    let mut bytes = [other; 8];
                    bytes[at] = b;
                    let expected = u64::from_le_bytes(bytes.map(|c| c.to_ascii_lowercase()));
                    assert_eq!(lower_eight(u64::from_le_bytes(bytes)), expected, "{bytes:?}");
                }
            }
        }
    }

    /// The hashed table of stop words finds exactly the forty: each of them, and no other
    /// word (every two-letter word, and the sample cable's words, long ones included).
    #[test]
    fn the_stop_word_table_finds_the_stop_words_and_no_other() {
        let listed = |w: &[u8]| STOP_WORDS.iter().any(|s| s.as_bytes() == w);
        for word in STOP_WORDS {
            assert!(is_stop_word(word.as_bytes()), "{word}");
        }
        let mut tried = 0;
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                tried += 1;
                assert_eq!(is_stop_word(&[a, b]), listed(&[a, b]), "{}{}", a as char, b as char);
            }
        }
        words(include_str!("../assets/09USUNNEWYORK78.txt"), |w, _, _| {
            tried += 1;
            assert_eq!(is_stop_word(w), listed(w), "{}", String::from_utf8_lossy(w));
        });
        assert!(tried > 1000, "{tried} words tried");
    }

    /// The index holds each cable's words exactly as `words` reads them (stop words left out,
    /// counts capped at 255): the sample, and words at every length boundary, in other
    /// scripts, and between every kind of separator.
    #[test]
    fn the_index_holds_the_words_words_reads() {
        let edges = format!(
            "The of THESE these7 {} {} {} {} {} Ça ДЕЛО 東京 naïve\u{a0}word x1 a-b a_b 2009-02-03 (C) WHICH which's {}",
            "a".repeat(16),
            "b".repeat(17),
            "c".repeat(40),
            "d".repeat(41),
            "abcdefghijklmnoÉ",
            "repeat ".repeat(300),
        );
        let texts = [crate::SAMPLE_CABLE.to_owned(), edges, String::new(), "the and of".to_owned()];
        let mut index = Index::default();
        let mut expected: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (doc, text) in texts.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap();
            index.add(doc, text);
            let mut counts: HashMap<Vec<u8>, u32> = HashMap::new();
            words(text, |w, _, _| {
                if !is_stop_word(w) {
                    *counts.entry(w.to_vec()).or_default() += 1;
                }
            });
            for (word, n) in counts {
                let word = String::from_utf8(word).unwrap();
                expected.entry(word).or_default().push((doc, u8::try_from(n).unwrap_or(u8::MAX)));
            }
        }
        assert!(expected.len() > 100 && expected.contains_key("aaaaaaaaaaaaaaaa") && expected.contains_key("Ça"));
        for (word, postings) in &expected {
            assert_eq!(&index.postings(word), postings, "{word}");
        }
        for word in ["the", "of", "these", "which", "ddddddddddddddddddddddddddddddddddddddddd", "x"] {
            assert!(index.postings(word).is_empty(), "{word} is not indexed");
        }
        assert_eq!(index.word_count(), expected.len());
    }

    #[test]
    fn postings_round_trip_and_rank() {
        let mut index = Index::default();
        index.add(0, "Heavy water for the reactor");
        index.add(1, "Water water everywhere");
        index.add(2, "Nothing here");
        index.add(300, "heavy WATER again, heavy");
        assert_eq!(index.postings("water"), vec![(0, 1), (1, 2), (300, 1)]);
        let hits = index.search(&["heavy".to_owned(), "water".to_owned()]);
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![0, 300]);
        assert!(hits[1].1 > hits[0].1, "two 'heavy' outrank one: {hits:?}");
        assert!(index.search(&["absent".to_owned()]).is_empty());
    }

    #[test]
    fn phrases_and_snippets() {
        let p = vec!["heavy".to_owned(), "water".to_owned()];
        assert!(has_phrase("the HEAVY\n  water plant", &p));
        assert!(!has_phrase("water heavy", &p));
        assert!(has_phrase("heavy heavy water", &p));
        let text = format!("{} the heavy water plant at Arak {}", "x ".repeat(100), "y ".repeat(100));
        let s = snippet(&text, &["heavy water".to_owned()]);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a as usize..b as usize]).collect();
        assert_eq!(marked, ["heavy", "water"]);
    }
}
