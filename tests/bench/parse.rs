//! Native parse throughput over the corpus text (`make bench`).
//!
//! The corpus text is the cable text of all 201 pages of the 2010 viewer
//! (the `<pre>` blocks, entities decoded), parsed one cable at a time.

use std::path::PathBuf;
use std::sync::LazyLock;

use cable_viewer::cable;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    let total: usize = TEXTS.iter().map(String::len).sum();
    let largest = LARGEST.len();
    println!("corpus text: {} cables, {total} bytes; largest cable {largest} bytes", TEXTS.len());
    write_texts();
    slowest_cables();
    divan::main();
}

static PAGES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"), PathBuf::from)
        .join("cablegate-2010");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus at {}: {e}", dir.display()))
        .map(|e| e.expect("an entry").path())
        .collect();
    pages.sort();
    pages.iter().map(|p| std::fs::read_to_string(p).expect("a page")).collect()
});

static TEXTS: LazyLock<Vec<String>> =
    LazyLock::new(|| PAGES.iter().map(|p| cable::source_text(p).into_owned()).collect());

/// The cables of other sources (`outside-dev`): 200 database exports whose line breaks were lost
/// (re-broken before parsing) and 84 National Archives telegrams of the 1970s, read as files.
static OUTSIDE: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"), PathBuf::from)
        .join("outside-dev");
    let mut files: Vec<_> = ["lost-linebreaks", "nara-1970s"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(dir.join(folder)).expect("an outside-dev folder"))
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).expect("a file")).collect()
});

static LARGEST: LazyLock<&'static str> =
    LazyLock::new(|| TEXTS.iter().max_by_key(|t| t.len()).map(String::as_str).expect("a cable"));

/// The corpus text as files (`target/bench/corpus-text/`), for the command-line benchmark
/// (`tests/bench/bulk.py`) to read the very texts `corpus_text` parses.
fn write_texts() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/corpus-text");
    std::fs::create_dir_all(&dir).expect("target/bench/corpus-text");
    for (k, text) in TEXTS.iter().enumerate() {
        std::fs::write(dir.join(format!("{k:03}.txt")), text).expect("a corpus text file");
    }
}

/// The cables with the lowest throughput: where to look first when the budget is missed.
fn slowest_cables() {
    let mut rates: Vec<(f64, usize)> = TEXTS
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let start = std::time::Instant::now();
            for _ in 0..5 {
                black_box(cable::parse(black_box(text)));
            }
            let seconds = start.elapsed().as_secs_f64() / 5.0;
            (f64::from(u32::try_from(text.len()).unwrap_or(u32::MAX)) / seconds / 1e6, k)
        })
        .collect();
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (rate, k) in rates.iter().take(3) {
        let first = TEXTS[*k].lines().find(|l| l.contains(" 0") && l.len() < 80).unwrap_or("");
        println!("slow: {rate:7.1} MB/s  {} bytes  {first}", TEXTS[*k].len());
    }
}

/// Every cable text of the corpus, parsed one after the other.
#[divan::bench]
fn corpus_text(bencher: Bencher) {
    let bytes: usize = TEXTS.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for text in TEXTS.iter() {
            black_box(cable::parse(black_box(text)));
        }
    });
}

/// The saved pages themselves: HTML extraction plus parsing.
#[divan::bench]
fn corpus_pages(bencher: Bencher) {
    let bytes: usize = PAGES.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for page in PAGES.iter() {
            black_box(cable::parse(black_box(page)));
        }
    });
}

/// Cables of other sources, as bytes from files (decoding, re-breaking, parsing).
#[divan::bench]
fn outside_dev(bencher: Bencher) {
    let bytes: usize = OUTSIDE.iter().map(Vec::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for file in OUTSIDE.iter() {
            black_box(cable::parse_bytes(black_box(file)));
        }
    });
}

#[divan::bench]
fn sample_cable(bencher: Bencher) {
    let text = cable_viewer::SAMPLE_CABLE;
    bencher.counter(BytesCount::new(text.len())).bench(|| cable::parse(black_box(text)));
}

#[divan::bench]
fn largest_cable(bencher: Bencher) {
    let text: &str = &LARGEST;
    bencher.counter(BytesCount::new(text.len())).bench(|| cable::parse(black_box(text)));
}
