//! The library over real cables: the 201 pages of the 2010 corpus as a folder, and the same
//! cables as `cables.csv` rows (with broken ones among them).

use super::protocol::{Query, Skipped, Sort};
use super::{Feed, Library, Source, Texts};

struct Files(Vec<Vec<u8>>);

impl Texts for Files {
    fn bytes(&mut self, s: &Source) -> Option<Vec<u8>> {
        let file = self.0.get(s.file as usize)?;
        let start = usize::try_from(s.start).ok()?;
        if s.row == 0 {
            return Some(file.clone());
        }
        file.get(start..start + s.len as usize).map(<[u8]>::to_vec)
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = crate::test_corpus().join("cablegate-2010");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|e| e.expect("an entry").path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("a page")))
        .collect();
    pages.sort();
    pages
}

/// `WikiLeaks`' own ID for a page: the first cell of its `<table class='cable'>`.
fn truth_id(page: &[u8]) -> String {
    let page = String::from_utf8_lossy(page);
    let table = &page[page.find("class='cable'").expect("the metadata table")..];
    let link = &table[table.find("<a href='/cable/").expect("the ID link")..];
    let id = &link[link.find('>').unwrap() + 1..];
    id[..id.find('<').unwrap()].to_owned()
}

fn library_of(files: &[(String, Vec<u8>)], chunk: usize) -> (Library, Vec<Skipped>) {
    let mut library = Library::default();
    let mut problems = Vec::new();
    for (k, (name, bytes)) in files.iter().enumerate() {
        let mut feed = Feed::new(u32::try_from(k).unwrap(), name.clone());
        let mut chunks = bytes.chunks(chunk).peekable();
        if bytes.is_empty() {
            feed.push(&mut library, &[], true, &mut problems);
        }
        while let Some(c) = chunks.next() {
            feed.push(&mut library, c, chunks.peek().is_none(), &mut problems);
        }
    }
    (library, problems)
}

fn query(text: &str) -> Query {
    Query { text: text.to_owned(), ..Query::default() }
}

#[test]
fn a_folder_of_pages_lists_every_cable_under_its_own_id() {
    let pages = corpus();
    let (mut library, problems) = library_of(&pages, 1 << 20);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(library.len(), pages.len());
    for (k, (name, page)) in pages.iter().enumerate() {
        let entry = library.entry(u32::try_from(k).unwrap()).unwrap();
        assert_eq!(entry.id, truth_id(page), "{name}");
    }
    let mut texts = Files(pages.iter().map(|p| p.1.clone()).collect());
    let answer = library.query(&Query::default(), &mut texts);
    assert_eq!(answer.total as usize, pages.len());
    let all = library.rows(0, u32::MAX, &mut texts);
    assert!(all.windows(2).all(|w| w[0].date <= w[1].date), "sorted by date");
    // The counts beside each filter add up, and choosing a value gives its count.
    let by_class: u32 = answer.facets.classification.iter().map(|c| c.1).sum();
    assert_eq!(by_class as usize, pages.len());
    let (secret, n) = answer.facets.classification.iter().find(|c| c.0 == "SECRET").cloned().unwrap();
    let only = library.query(&Query { classification: vec![secret], ..Query::default() }, &mut texts);
    assert_eq!(only.total, n);
    assert!(library.rows(0, u32::MAX, &mut texts).iter().all(|r| r.classification == "SECRET"));
    // Another filter's counts stay those of the whole library (the chosen one excepted).
    assert_eq!(only.facets.classification.iter().map(|c| c.1).sum::<u32>() as usize, pages.len());
    let newest = library.query(&Query { sort: Sort::DateDesc, ..Query::default() }, &mut texts);
    assert_eq!(newest.rows.first().map(|r| &r.date), all.last().map(|r| &r.date));
}

#[test]
fn search_finds_words_fields_and_exact_phrases() {
    let pages = corpus();
    let (mut library, _) = library_of(&pages, 1 << 20);
    let mut texts = Files(pages.iter().map(|p| p.1.clone()).collect());
    let parsed: Vec<_> = pages.iter().map(|p| super::read_cable_text(&p.1).unwrap()).collect();
    // tag:PREL is every cable whose TAGS name PREL.
    let prel = parsed.iter().filter(|(c, _)| c.tags.iter().any(|t| t == "PREL")).count();
    assert!(prel > 10);
    assert_eq!(library.query(&query("tag:prel"), &mut texts).total as usize, prel);
    // subject: and id: match whatever the case.
    let visits =
        parsed.iter().filter(|(c, _)| c.subject.as_deref().is_some_and(|s| s.to_lowercase().contains("visit"))).count();
    assert!(visits > 2);
    assert_eq!(library.query(&query("subject:Visit"), &mut texts).total as usize, visits);
    let tens = parsed.iter().filter(|(c, _)| c.id.as_deref().is_some_and(|i| i.starts_with("10"))).count();
    assert_eq!(library.query(&query("id:10"), &mut texts).total as usize, tens);
    // A phrase from one cable's body finds that cable, and every hit holds the phrase.
    let (cable, _) = &parsed[40];
    let para = &cable
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.text.split_whitespace().count() > 12)
        .unwrap()
        .text;
    let phrase: Vec<&str> = para.split_whitespace().skip(3).take(3).collect();
    let phrase = phrase.join(" ");
    let answer = library.query(&query(&format!("\"{phrase}\"")), &mut texts);
    let rows = library.rows(0, u32::MAX, &mut texts);
    assert!(rows.iter().any(|r| r.id == library.entry(40).unwrap().id), "{phrase}");
    let words = super::search::query_words(&phrase);
    for r in &rows {
        assert!(super::search::has_phrase(&parsed[r.doc as usize].1, &words), "{} lacks {phrase}", r.id);
        let snippet = r.snippet.as_ref().expect("a snippet when searching");
        assert!(!snippet.marks.is_empty(), "{snippet:?}");
    }
    assert_eq!(answer.total as usize, rows.len());
    // Words all required; ranked; a word nowhere finds nothing.
    let both = library.query(&query("nuclear iran"), &mut texts).total;
    let one = library.query(&query("nuclear"), &mut texts).total;
    assert!(both > 0 && both <= one, "{both} {one}");
    assert_eq!(library.query(&query("zzyzxq"), &mut texts).total, 0);
    let unknown = library.query(&query("colour:red nuclear"), &mut texts);
    assert!(unknown.note.is_some_and(|n| n.contains("colour")));
    // origin:"…" matches part of the origin, case aside.
    let origin = library.entry(0).unwrap();
    let name = library.origins.names[origin.origin as usize].to_lowercase();
    let by_origin = library.query(&query(&format!("origin:\"{name}\"")), &mut texts);
    assert!(by_origin.total >= 1);
    assert!(library.rows(0, u32::MAX, &mut texts).iter().all(|r| r.origin.to_lowercase().contains(&name)));
}

#[test]
fn references_link_both_ways() {
    let pages = corpus();
    let (mut library, _) = library_of(&pages, 1 << 20);
    let mut texts = Files(pages.iter().map(|p| p.1.clone()).collect());
    // A cable whose REF names another cable of the library.
    let (citing, cited) = (0..u32::try_from(library.len()).unwrap())
        .find_map(|d| {
            let e = library.entry(d).unwrap();
            e.references.iter().find_map(|r| library.find(r)).filter(|&t| t != d).map(|t| (d, t))
        })
        .expect("the corpus has a cable citing another");
    let reading = library.read(citing, &mut texts).unwrap();
    assert!(reading.references.iter().any(|(_, doc)| *doc == Some(cited)));
    let outside = (0..u32::try_from(library.len()).unwrap())
        .find(|&d| library.entry(d).unwrap().references.iter().any(|r| library.find(r).is_none()))
        .expect("a cable citing one outside the library");
    assert!(library.read(outside, &mut texts).unwrap().references.iter().any(|(_, doc)| doc.is_none()));
    assert_eq!(reading.text.as_bytes(), pages[citing as usize].1.as_slice());
    let back = library.read(cited, &mut texts).unwrap();
    assert!(back.cited_by.iter().any(|r| r.doc == citing));
    assert_eq!(
        library.query(&query(&format!("ref:{}", library.entry(cited).unwrap().id)), &mut texts).total as usize,
        back.cited_by.len()
    );
}

/// The corpus as `cables.csv` rows, with broken rows among them.
fn cables_csv(pages: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = String::new();
    for (k, (_, page)) in pages.iter().enumerate() {
        let page = String::from_utf8_lossy(page);
        let (cable, text) = super::read_cable_text(page.as_bytes()).unwrap();
        let row = (k + 1).to_string();
        let refs: Vec<&str> = cable.references.iter().filter_map(|r| r.id.as_deref()).collect();
        let class = cable.classification.map_or("", |c| c.as_str());
        out += &crate::bulk::csv_row(&[
            &row,
            "1/2/2009 10:00",
            cable.id.as_deref().unwrap_or(""),
            "Embassy X",
            class,
            &refs.join(","),
            "",
            &text,
        ]);
        if k == 5 {
            out += "\"9001\",\"1/1/2009 0:00\",\"09BROKEN1\",\"Embassy X\",\"SECRET\",\"\",\"\",\"never closed\n";
        }
        if k == 9 {
            out += &crate::bulk::csv_row(&[
                "9002",
                "1/1/2009 0:00",
                "",
                "",
                "",
                "",
                "",
                "=HYPERLINK(\"http://x\")\u{0}\u{1}\u{2}",
            ]);
            out +=
                &crate::bulk::csv_row(&["9003", "1/1/2009 0:00", "", "", "", "", "", "Just some words, not a cable."]);
        }
    }
    out.into_bytes()
}

/// A `cables.csv` as two workers index it: the reading worker frames rows into batches, and
/// each batch is indexed apart (here alternately into two scratch libraries, as by two
/// workers), then appended in file order.
fn library_in_batches(csv: &[u8], chunk: usize, batch: usize) -> (Library, Vec<Skipped>) {
    let mut library = Library::default();
    let mut problems = Vec::new();
    let mut feed = Feed::new(0, "cables.csv".to_owned()).batching(batch);
    let mut chunks = csv.chunks(chunk).peekable();
    let mut k = 0;
    while let Some(c) = chunks.next() {
        feed.push(&mut library, c, chunks.peek().is_none(), &mut problems);
        while let Some((batch, bytes)) = feed.take_batch() {
            // Sent to the other worker as the page's messages are: JSON, the bytes beside it.
            let batch: super::Batch = serde_json::from_str(&serde_json::to_string(&batch).unwrap()).unwrap();
            let mut part = Library::default();
            part.add_batch(&batch, &bytes, &mut problems);
            // The other worker's part comes back as bytes.
            let part = if k % 2 == 1 { Library::from_bytes(&part.to_bytes()).unwrap() } else { part };
            library.append(part);
            k += 1;
        }
    }
    (library, problems)
}

#[test]
fn batches_indexed_apart_and_appended_make_the_same_library() {
    let pages = corpus();
    let csv = cables_csv(&pages);
    let files = vec![("cables.csv".to_owned(), csv.clone())];
    let (whole, problems) = library_of(&files, 1 << 20);
    // Batches of a few rows (rows from several slices make one) and of whole slices' rows.
    for (chunk, batch) in [(1000, 40_000), (300_000, 1), (1 << 20, 500_000)] {
        let (mut batched, again) = library_in_batches(&csv, chunk, batch);
        assert_eq!(again, problems, "slices of {chunk}, batches of {batch}");
        assert_eq!(batched.len(), whole.len());
        assert!(batched.to_bytes() == whole.to_bytes(), "slices of {chunk}, batches of {batch}: not the same library");
        // And it answers as the whole one does, filters and searches alike.
        let mut whole = Library::from_bytes(&whole.to_bytes()).unwrap();
        for text in ["", "nuclear", "tag:PREL", "origin:\"new delhi\" nuclear", "class:secret iran"] {
            let q = query(text);
            assert_eq!(
                batched.query(&q, &mut Files(vec![csv.clone()])),
                whole.query(&q, &mut Files(vec![csv.clone()])),
                "{text}"
            );
        }
    }
}

#[test]
fn cables_csv_streams_names_bad_rows_and_reads_rows_again() {
    let pages = corpus();
    let csv = cables_csv(&pages);
    let files = vec![("cables.csv".to_owned(), csv.clone())];
    let (whole, problems) = library_of(&files, 1 << 20);
    let names: Vec<&str> = problems.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["cables.csv, row 7", "cables.csv, row 12", "cables.csv, row 13"], "{problems:?}");
    assert!(problems[0].why.contains("quotes"), "{problems:?}");
    assert_eq!(whole.len(), pages.len());
    // Fed in small chunks, the same cables at the same places.
    let (small, again) = library_of(&files, 1000);
    assert_eq!(again, problems);
    for d in 0..u32::try_from(whole.len()).unwrap() {
        assert_eq!(whole.entry(d).unwrap().source, small.entry(d).unwrap().source);
        assert_eq!(whole.entry(d).unwrap().id, small.entry(d).unwrap().id);
    }
    // A row read again by its place is the cable it was.
    let mut texts = Files(vec![csv]);
    let mut whole = whole;
    for d in [0, 6, 120] {
        let reading = whole.read(d, &mut texts).unwrap();
        let again = crate::cable::parse(&reading.text);
        assert_eq!(again.subject.unwrap_or_default(), whole.entry(d).unwrap().subject);
        assert_eq!(reading.name, format!("cables.csv, row {}", whole.entry(d).unwrap().source.row));
    }
    assert!(whole.index_size() > 0);
}

#[test]
fn files_that_are_no_cables_are_named_and_skipped() {
    let pages = corpus();
    let files = vec![
        ("a/empty.txt".to_owned(), Vec::new()),
        ("a/junk.bin".to_owned(), vec![0, 1, 2, 3, 255, 0, 7]),
        ("a/prose.txt".to_owned(), b"Dear diary, nothing happened today.".to_vec()),
        pages[0].clone(),
    ];
    let (library, problems) = library_of(&files, 4);
    assert_eq!(library.len(), 1);
    let names: Vec<&str> = problems.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["a/empty.txt", "a/junk.bin", "a/prose.txt"]);
}

#[test]
fn date_ranges_take_a_year_a_month_or_a_day() {
    use super::{bound, date_key};
    assert_eq!(date_key("2009-02-03T02:52:00Z"), 200_902_030_252);
    assert_eq!(date_key("2009-02"), 200_902_000_000);
    assert_eq!(date_key(""), 0);
    assert_eq!((bound("2009", false), bound("2009", true)), (200_900_000_000, 201_000_000_000));
    assert_eq!(bound("2009-12-31", true), 200_912_320_000);
    assert_eq!((bound("", false), bound("no date", true)), (0, u64::MAX));
    assert!(date_key("2009-12-31T23:59:00Z") < bound("2009", true));
}

#[test]
fn one_filter_answers_as_the_whole_pass_does() {
    // A query with one filter visits only the cables with a chosen value; the same query with an
    // open-ended date range beside it (every corpus cable is dated, so it lets all in) takes the
    // pass over every cable. Both must give the same list and the same counts.
    let pages = corpus();
    let (mut library, _) = library_of(&pages, 1 << 20);
    let mut texts = Files(pages.iter().map(|p| p.1.clone()).collect());
    let rows = library.query(&Query::default(), &mut texts);
    assert!(library.rows(0, u32::MAX, &mut texts).iter().all(|r| r.date.len() >= 4), "every cable dated");
    let first = |values: &[(String, u32)], n: usize| values.iter().take(n).map(|v| v.0.clone()).collect::<Vec<_>>();
    let cases = [
        Query::default(),
        Query { sort: Sort::Origin, ..Query::default() },
        Query { classification: first(&rows.facets.classification, 1), ..Query::default() },
        Query { classification: first(&rows.facets.classification, 2), ..Query::default() },
        Query { origin: first(&rows.facets.origin, 3), sort: Sort::Origin, ..Query::default() },
        Query { handling: first(&rows.facets.handling, 2), sort: Sort::DateDesc, ..Query::default() },
        Query { tags: first(&rows.facets.tags, 1), ..Query::default() },
        Query { tags: first(&rows.facets.tags, 4), sort: Sort::Id, ..Query::default() },
        Query { tags: vec!["NOSUCHTAG".to_owned()], ..Query::default() },
    ];
    // As the worker does once a library is indexed: from then on a query with no filter reads
    // the counts made once too.
    library.warm();
    for q in cases {
        let fast = library.query(&q, &mut texts);
        let fast_rows = library.rows(0, u32::MAX, &mut texts);
        let whole = library.query(&Query { from: "1900".to_owned(), ..q.clone() }, &mut texts);
        let whole_rows = library.rows(0, u32::MAX, &mut texts);
        assert!(fast.total > 0 || q.tags == ["NOSUCHTAG"], "{q:?}");
        if q.classification.is_empty() && q.origin.is_empty() && q.handling.is_empty() && q.tags.is_empty() {
            assert_eq!(fast.total as usize, pages.len(), "no filter: every cable");
        }
        assert_eq!(fast.total, whole.total, "{q:?}");
        assert_eq!(fast_rows, whole_rows, "{q:?}");
        assert_eq!(fast.facets, whole.facets, "{q:?}");
    }
}
