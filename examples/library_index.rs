//! Indexes a `cables.csv` (or any files) as the library worker does, natively, and reports
//! where the time goes: `cargo run --profile cli --example library_index -- FILE [--batched]`
//! (`--batched`: in batches indexed apart and appended, as the worker and its helper do).

use std::io::Read;
use std::time::Instant;

use cable_viewer::library::protocol::Query;
use cable_viewer::library::{Feed, Library, Source, Texts};

struct Whole(Vec<u8>);

impl Texts for Whole {
    fn bytes(&mut self, s: &Source) -> Option<Vec<u8>> {
        let start = usize::try_from(s.start).ok()?;
        self.0.get(start..start + s.len as usize).map(<[u8]>::to_vec)
    }
}

#[allow(clippy::cast_precision_loss, reason = "figures for people")]
fn main() {
    let path = std::env::args().nth(1).expect("usage: library_index FILE [--batched]");
    let batched = std::env::args().any(|a| a == "--batched");
    let mut file = std::fs::File::open(&path).expect("the file");
    let mut library = Library::default();
    let mut feed = Feed::new(0, path.clone());
    if batched {
        feed = feed.batching(cable_viewer::library::BATCH_BYTES);
    }
    let mut problems = Vec::new();
    let mut chunk = vec![0u8; 4 << 20];
    let started = Instant::now();
    let mut bytes = 0usize;
    loop {
        let n = file.read(&mut chunk).expect("reading");
        bytes += n;
        feed.push(&mut library, &chunk[..n], n == 0, &mut problems);
        // Batched: each batch's cables indexed apart, then appended (as two workers do).
        while let Some((batch, bytes)) = feed.take_batch() {
            let mut part = Library::default();
            part.add_batch(&batch, &bytes, &mut problems);
            library.append(part);
        }
        if n == 0 {
            break;
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{} cables, {} skipped, {:.1} MB in {took:.2} s = {:.1} MB/s; index {} MB ({} words), {} bytes per cable",
        library.len(),
        problems.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / took,
        library.index_size() / 1_000_000,
        library.word_count(),
        library.index_size() / library.len().max(1)
    );
    let mut texts = Whole(std::fs::read(&path).expect("the file"));
    for text in ["", "nuclear", "\"heavy water\"", "tag:PREL", "\"prime minister\"", "president"] {
        let t = Instant::now();
        let answer = library.query(&Query { text: text.to_owned(), ..Query::default() }, &mut texts);
        println!("query {text:?}: {} hits in {:.1} ms", answer.total, t.elapsed().as_secs_f64() * 1000.0);
    }
    // As the worker does once indexing is done: what a query with one filter (or none) reads.
    let t = Instant::now();
    library.warm();
    println!("warm: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    // The benchmark's clicks: each classification checked in turn, then unchecked in turn.
    let mut chosen: Vec<String> = Vec::new();
    for class in ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED"] {
        if let Some(k) = chosen.iter().position(|c| c == class) {
            chosen.remove(k);
        } else {
            chosen.push(class.to_owned());
        }
        let t = Instant::now();
        let answer = library.query(&Query { classification: chosen.clone(), ..Query::default() }, &mut texts);
        println!("filter {chosen:?}: {} in {:.1} ms", answer.total, t.elapsed().as_secs_f64() * 1000.0);
    }
}
