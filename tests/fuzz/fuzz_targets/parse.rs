//! Any bytes: as a file (binary refusal, UTF-8 repair) and as text, including the
//! HTML extraction of saved pages. The parser must never panic, and every span
//! must lie in the text it read.
#![no_main]

use cable_viewer::cable;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cable::parse_bytes(data);
    let text = String::from_utf8_lossy(data);
    let parsed = cable::parse(&text);
    let source = cable::source_text(&text);
    for s in &parsed.spans {
        assert!(s.span.end <= source.len() && source.is_char_boundary(s.span.start) && source.is_char_boundary(s.span.end));
    }
    let end = text.char_indices().nth(64).map_or(text.len(), |(i, _)| i);
    let _ = cable_viewer::codes::explain(&text[..end]);
    for line in text.lines().take(50) {
        let _ = cable_viewer::codes::explain(line);
        let _ = cable_viewer::codes::explain_tag(line);
        let _ = cable_viewer::codes::explain_reason(line, Some("2005-01-01"));
    }
});
