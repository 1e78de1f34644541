//! The library as bytes, so that it survives a reload (the worker keeps them in the
//! origin-private file system): every entry, the vocabularies and the postings. No text is
//! kept; the files are chosen again to read cables.
//!
//! Layout: `CVLIB` and a version byte, then the parts in order; numbers as LEB128, strings
//! as their length and UTF-8 bytes, words as their 16 bytes.

use super::search::Index;
use super::{Entry, Library, Source, Vocab};

const MAGIC: &[u8; 6] = b"CVLIB\x01";

pub struct Writer(Vec<u8>);

impl Writer {
    pub fn num(&mut self, v: u64) {
        super::search::push_varint(&mut self.0, v);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.num(b.len() as u64);
        self.0.extend_from_slice(b);
    }

    pub fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn u128(&mut self, v: u128) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

pub struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn num(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.at)?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(v);
            }
        }
        None
    }

    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.num()?).ok()
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.num()?).ok()?;
        let out = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    pub fn text(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }

    pub fn u128(&mut self) -> Option<u128> {
        let b: [u8; 16] = self.b.get(self.at..self.at + 16)?.try_into().ok()?;
        self.at += 16;
        Some(u128::from_le_bytes(b))
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = usize::try_from(self.num()?).ok()?;
        // A count larger than the bytes left is a damaged file, not a reason to allocate.
        let mut out = Vec::with_capacity(n.min(self.b.len() - self.at));
        for _ in 0..n {
            out.push(each(self)?);
        }
        Some(out)
    }
}

impl Library {
    /// The library as bytes ([`Library::from_bytes`] reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.index.size() + self.entries.len() * 200));
        w.0.extend_from_slice(MAGIC);
        for vocab in [&self.origins, &self.classes, &self.handlings, &self.tags] {
            w.num(vocab.names.len() as u64);
            for name in &vocab.names {
                w.text(name);
            }
        }
        w.num(self.entries.len() as u64);
        for e in &self.entries {
            w.text(&e.id);
            w.text(&e.date);
            w.num(u64::from(e.origin));
            w.num(u64::from(e.classification));
            for list in [&e.handling, &e.tags] {
                w.num(list.len() as u64);
                for &v in list {
                    w.num(u64::from(v));
                }
            }
            w.text(&e.subject);
            w.num(e.references.len() as u64);
            for r in &e.references {
                w.text(r);
            }
            w.num(u64::from(e.source.file));
            w.num(e.source.start);
            w.num(u64::from(e.source.len));
            w.num(u64::from(e.source.row));
            w.text(&e.name);
        }
        self.index.write(&mut w);
        w.0
    }

    /// A library from [`Library::to_bytes`]; `None` when the bytes are not one (another
    /// version, or damaged).
    pub fn from_bytes(bytes: &[u8]) -> Option<Library> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let mut r = Reader { b: rest, at: 0 };
        let mut vocabs = Vec::new();
        for _ in 0..4 {
            let names = r.list(Reader::text)?;
            let ids =
                names.iter().enumerate().map(|(k, n)| (n.clone(), u32::try_from(k).unwrap_or(u32::MAX))).collect();
            vocabs.push(Vocab { names, ids });
        }
        let entries = r.list(|r| {
            let id = r.text()?;
            let date = r.text()?;
            Some(Entry {
                date_key: super::date_key(&date),
                id,
                date,
                origin: r.u32()?,
                classification: r.u32()?,
                handling: r.list(Reader::u32)?,
                tags: r.list(Reader::u32)?,
                subject: r.text()?,
                references: r.list(Reader::text)?,
                source: Source { file: r.u32()?, start: r.num()?, len: r.u32()?, row: r.u32()? },
                name: r.text()?,
            })
        })?;
        let index = Index::read(&mut r)?;
        let mut vocabs = vocabs.into_iter();
        let mut library = Library {
            origins: vocabs.next()?,
            classes: vocabs.next()?,
            handlings: vocabs.next()?,
            tags: vocabs.next()?,
            index,
            ..Library::default()
        };
        for (d, e) in entries.iter().enumerate() {
            library.by_id.entry(e.id.clone()).or_insert(u32::try_from(d).unwrap_or(u32::MAX));
        }
        library.entries = entries;
        for d in 0..library.entries.len() {
            library.push_facts(d);
        }
        Some(library)
    }
}

#[cfg(test)]
mod tests {
    use super::super::protocol::Query;
    use super::super::{Library, Source, Texts};

    struct NoTexts;

    impl Texts for NoTexts {
        fn bytes(&mut self, _: &Source) -> Option<Vec<u8>> {
            None
        }
    }

    #[test]
    fn a_library_read_back_answers_as_it_did() {
        let mut library = Library::default();
        let sample = crate::SAMPLE_CABLE.as_bytes();
        library.add(sample, Source { file: 0, start: 0, len: 10, row: 0 }, "sample.txt".to_owned()).unwrap();
        let other = sample.to_vec();
        library.add(&other, Source { file: 1, start: 5, len: 20, row: 3 }, "x.csv, row 3".to_owned()).unwrap();
        let bytes = library.to_bytes();
        let mut back = Library::from_bytes(&bytes).expect("read back");
        assert_eq!(back.to_bytes(), bytes);
        for text in ["", "heller", "tag:PREL", "class:confidential rice"] {
            let q = Query { text: text.to_owned(), ..Query::default() };
            assert_eq!(back.query(&q, &mut NoTexts), library.query(&q, &mut NoTexts), "{text}");
        }
        assert_eq!(back.entry(1).unwrap().source, Source { file: 1, start: 5, len: 20, row: 3 });
        // Damaged or foreign bytes are refused, never half read.
        assert!(Library::from_bytes(&bytes[..bytes.len() / 2]).is_none());
        assert!(Library::from_bytes(b"not a library").is_none());
    }
}
