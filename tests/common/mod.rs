//! Shared by the native test files: where the corpus lives, the line splitting the
//! invariants are checked against, and a word wrapper for copies wrapped again.

#![allow(dead_code, reason = "each test file uses a different part of this module")]

use std::path::PathBuf;

/// `../shared/corpus` beside the repository, or `$CABLE_CORPUS`.
pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("CABLE_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"), PathBuf::from);
    assert!(
        dir.join("cablegate-2010").is_dir(),
        "the corpus is missing at {}: clone the repository beside shared/ or set CABLE_CORPUS",
        dir.display()
    );
    dir
}

pub fn corpus_page(name: &str) -> String {
    let path = corpus_dir().join("cablegate-2010").join(format!("{name}.html"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// All corpus pages, sorted by name.
pub fn corpus_pages() -> Vec<(String, String)> {
    let mut pages: Vec<_> = std::fs::read_dir(corpus_dir().join("cablegate-2010"))
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("corpus page"))
        })
        .collect();
    pages.sort();
    pages
}

/// The lines as the parser numbers them (`\n`, `\r\n` and `\r` end a line),
/// with whether each is blank.
pub fn numbered_lines(text: &str) -> Vec<(usize, bool)> {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = normalised.split('\n').collect();
    if normalised.ends_with('\n') {
        lines.pop();
    }
    lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            (k + 1, l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}').is_empty())
        })
        .collect()
}

/// Every non-blank line of `input` is held by the model, listed as removed
/// debris, or listed as unknown: nothing a user pasted is silently dropped.
pub fn assert_every_line_accounted(what: &str, input: &str, cable: &cable_viewer::cable::Cable) {
    let text = cable_viewer::cable::source_text(input);
    let accounted: std::collections::HashSet<usize> = cable
        .spans
        .iter()
        .map(|s| s.line)
        .chain(cable.removed.iter().map(|r| r.line))
        .chain(cable.unknown.iter().map(|u| u.line))
        .collect();
    for (line, blank) in numbered_lines(&text) {
        assert!(blank || accounted.contains(&line), "{what}: line {line} is neither held nor unknown");
    }
}

/// `line`'s words wrapped at `width` columns, its lines joined by line breaks (a word longer than
/// the width stands alone on its line; a run of spaces keeps its empty words).
pub fn wrap(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in line.split(' ') {
        if column > 0 && column + 1 + word.len() > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}
