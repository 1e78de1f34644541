//! Properties that hold for any input: no panic, spans in bounds and on char
//! boundaries, every non-blank line held or listed as unknown, determinism.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cable_viewer::cable;
use proptest::prelude::*;

fn check(input: &str) {
    let c = cable::parse(input);
    let text = cable::source_text(input);
    for span in
        c.spans.iter().map(|s| s.span).chain(c.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.span)))
    {
        assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} out of bounds");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a char");
    }
    common::assert_every_line_accounted(&format!("{input:?}"), input, &c);
    assert_eq!(cable::parse(input), c, "parsing twice gives another model");
}

/// Text made of the cable alphabet, so that deep parser states are reached.
fn cable_alphabet() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "C O N F I D E N T I A L",
        "SECRET",
        "UNCLAS",
        "SECTION 01 OF 02",
        "USUN NEW YORK",
        "000078",
        "SIPDIS",
        "E.O. 12958: DECL: 01/29/2019",
        "TAGS:",
        "PREL",
        "SUBJECT:",
        "REF:",
        "A.",
        "B)",
        "(C)",
        "(S//NF)",
        "Classified By:",
        "1.4 (b)",
        "¶1.",
        "11.",
        "10.",
        "--",
        "VZCZCXYZ0001",
        "OO RUEHWEB",
        "DE RUCNDT #0078/01",
        "ZNY CCCCC",
        "O 030252Z FEB 09",
        "FM",
        "TO",
        "INFO",
        "XMT",
        "RUEHC/SECSTATE WASHDC",
        "PRIORITY",
        "0756",
        "PAGE 02",
        "BAGHDAD 00000197 002 OF 002",
        "-----",
        "//",
        "Summary:",
        "End Summary.",
        "Comment:",
        "Rice",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "é",
        "𝄞",
        "\u{feff}",
        "\t",
        "(",
        ")",
        ":",
        "/",
        ".",
        "<pre>",
        "&#x000A;",
        "</pre>",
        // Run-together fields of exports and other sources.
        "06FM AMEMBASSY ANKARATO RUEHC/SECSTATE",
        "000348Sipdis E.o. 12958: decl: 01/07/2014 Tags: prel",
        "SIPDISSIPDISE.O. 12958",
        "PRIMEREF: A. LONDON 1939",
        "PHUMBA",
        "OVIP (STEINBERG, JAMES B.)",
        "UNCLAS E F T O",
        "SS E C R E T",
        "75 LIBREVILLE 1895",
        "ACTION EUR-25",
        "INFO OCT-01 ISO-00 /092 W",
        "P R 221828 Z MAY 73",
        "*** Current Classification *** SECRET",
        "NMAFVVZCZ",
        "UNQUOTE",
        "VAN DEN HEUVEL",
        "TELEGRAM June 03, 2003",
        "From: AMEMBASSY ABU DHABI (ABU DHABI 2641 - UNKNOWN)",
        "refid: 10MADRID527",
        "----- header ends -----",
        "====CABLE ENDS====",
        "\"1\",\"12/28/1966 18:48\",\"",
        "\\\"",
        "{\"body\": \"",
        "\\n",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

/// The same alphabet run together on one line, as a database export keeps a cable.
fn one_line_cable() -> impl Strategy<Value = String> {
    cable_alphabet().prop_map(|text| text.replace(['\n', '\r'], " ") + &" TAGS: PREL SUBJECT: X 1. (C) Y. ".repeat(8))
}

/// A row of cables.csv or a JSON record around cable-like text.
fn container() -> impl Strategy<Value = String> {
    (cable_alphabet(), cable_alphabet(), any::<bool>()).prop_map(|(header, body, csv)| {
        if csv {
            format!("\"1\",\"12/28/1966 18:48\",\"66X1\",\"O\",\"C\",\"\",\"{header}\",\"{body}\"\n")
        } else {
            format!("{{\"id\": \"X\", \"header\": \"{header}\", \"body\": \"{body}\"}}")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string(input in any::<String>()) {
        check(&input);
    }

    #[test]
    fn cable_like_text(input in cable_alphabet()) {
        check(&input);
    }

    #[test]
    fn one_line_cables(input in one_line_cable()) {
        check(&input);
    }

    #[test]
    fn containers(input in container()) {
        check(&input);
    }

    /// A real export with words dropped or glued: re-breaking never loses a word or panics.
    #[test]
    fn a_real_export_damaged(cuts in prop::collection::vec((0usize..4000, any::<bool>()), 0..20)) {
        let path = common::corpus_dir().join("outside-dev/lost-linebreaks/delhi-19.txt");
        let mut text = std::fs::read_to_string(path).expect("a real export");
        for (at, glue) in cuts {
            let mut at = at % text.len().max(1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if glue { text.remove(at); } else { text.insert(at, ' '); }
        }
        check(&text);
        // Breaks go between characters, never instead of them.
        let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(letters(&cable::source_text(&text)), letters(&text), "re-breaking changed the text");
    }

    #[test]
    fn the_sample_with_lines_dropped_or_doubled(ops in prop::collection::vec((0usize..80, 0u8..3), 0..12)) {
        let mut lines: Vec<&str> = cable_viewer::SAMPLE_CABLE.lines().collect();
        for (at, op) in ops {
            let at = at % lines.len().max(1);
            match op {
                0 if !lines.is_empty() => { lines.remove(at); }
                1 if !lines.is_empty() => { let l = lines[at]; lines.insert(at, l); }
                _ => lines.insert(at.min(lines.len()), ""),
            }
        }
        check(&lines.join("\n"));
    }
}

#[test]
fn bytes_that_are_not_text() {
    let c = cable::parse_bytes(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0xff, 0xfe]);
    assert!(c.diagnostics[0].message.contains("binary"));
    assert!(c.sections.is_empty());
    // UTF-8 with a stray byte: the byte is replaced, and said to be.
    let c = cable::parse_bytes(b"SUBJECT: CAF\xC3\x89 TALKS \xFF\n");
    assert_eq!(c.subject.as_deref(), Some("CAF\u{c9} TALKS \u{fffd}"));
    assert!(c.diagnostics.iter().any(|d| d.message.contains("not valid UTF-8")));
    // No UTF-8 at all: Windows-1252, read as such.
    let c = cable::parse_bytes(b"SUBJECT: CAF\xC9 TALKS \x93AT ONCE\x94\n");
    assert_eq!(c.subject.as_deref(), Some("CAF\u{c9} TALKS \u{201c}AT ONCE\u{201d}"));
    assert!(c.diagnostics.iter().any(|d| d.message.contains("Windows-1252")));
    // Zero bytes beside nearly every other, as UTF-16 has, but no text once read so: binary.
    let pairs: Vec<u8> = (0..64u8).flat_map(|k| [1 + k % 7, 0]).collect();
    assert!(cable::parse_bytes(&pairs).diagnostics[0].message.contains("binary"));
}

/// Found by `containers`: with bare carriage returns, `parse` and `source_text` once decided
/// differently whether to re-break the text, and spans pointed into the wrong text. Split at
/// `\n` alone this is one long run-together line; split as the parser splits (`\r` too), two
/// short ones.
#[test]
fn parse_and_source_text_agree_on_bare_carriage_returns() {
    let head = "UNCLAS KABUL 000668 E.O. 12958: DECL: 01/29/2019 TAGS: PREL, AF SUBJECT: A TEST ONE LINE";
    let tail = "1. (C) Text of the first paragraph, long enough to matter. ".repeat(2);
    let input = format!("{head} {}\r{tail}", "X".repeat(150 - head.len()));
    assert!(input.len() > 200 && input.split('\r').all(|part| part.len() < 200));
    check(&input);
}

/// Shapes whose reading was once quadratic, at a size where that never ends (a 256 KB line took
/// 66 s, 300,000 blank lines 48 s): a run-together caption whose subject is followed by
/// 400 KB of prose without a paragraph number (each word re-read the subject, or counted
/// its words from the start), and a header followed by 300,000 blank lines (each one looked
/// ahead past all the others for a page break). Read once, each takes well under a second.
#[test]
fn long_inputs_are_read_in_one_pass() {
    let words = ["the", "Minister", "said", "that", "Ambassador", "talks", "(C)", "Government"];
    let prose: String = (0..60_000).map(|k| words[k * 7 % words.len()]).collect::<Vec<_>>().join(" ");
    for subject in ["Foo bar talks", "FOO BAR TALKS"] {
        let input = format!("UNCLAS NEW DELHI 000123 E.O. 12958: N/A TAGS: PREL, IN SUBJECT: {subject}  {prose}");
        let c = cable::parse(&input);
        assert_eq!(c.tags, ["PREL", "IN"]);
        common::assert_every_line_accounted("400 KB on one line", &input, &c);
    }
    let input = format!(
        "UNCLAS NEW DELHI 000123\nE.O. 12958: N/A\nTAGS: PREL, IN\nSUBJECT: FOO\n{}1. (C) Text.\n",
        "\n".repeat(300_000)
    );
    let c = cable::parse(&input);
    assert_eq!(c.subject.as_deref(), Some("FOO"));
    assert_eq!(c.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>(), 1);
    // 60,000 other messages' `DE` lines inside a quoted text (each read the quote marks from the
    // first line on: 25 s), and as many captions with TAGS under them (the same, and each asked
    // whether the first's body had begun from its first line on).
    let lines = |line: &dyn Fn(usize) -> String| (0..60_000).map(line).collect::<Vec<_>>().concat();
    let des = lines(&|k| format!("DE RUEHRO #{k:04} 0010000\n"));
    let input = format!("VZCZCXRO0001\nDE RUEHFR #0001 0010000\n\n1. (U) QUOTE\n{des}");
    assert!(cable::parse(&input).diagnostics.iter().all(|d| d.kind != cable::model::DiagnosticKind::SecondCable));
    let captions = lines(&|k| format!("UNCLAS ROME {k:06}\nTAGS: PREL\n\n"));
    let input = format!("UNCLAS PARIS 000001\nSUBJECT: X\n\n1. (U) QUOTE\n{captions}");
    assert!(cable::parse(&input).diagnostics.iter().all(|d| d.kind != cable::model::DiagnosticKind::SecondCable));
    // A page of 100,000 navigation blocks never closed (each looked for its close to the end:
    // 77 s), the cable after them read.
    let page = format!(
        "<html><body>{}<p>UNCLAS PARIS 000001</p><p>1. (U) Text.</p></body></html>",
        "<div class=\"nav\">x ".repeat(100_000)
    );
    let c = cable::parse(&page);
    let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().map(|p| p.text.as_str());
    assert_eq!((c.origin.as_deref(), last), (Some("PARIS"), Some("Text.")));
}

/// Replays an input `make fuzz` once crashed on (`tests/fixtures/fuzz/`), as bytes and as text.
fn replay_crash(name: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(name);
    let crash = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let _ = cable::parse_bytes(&crash);
    check(&String::from_utf8_lossy(&crash));
}

/// Found by `make fuzz` (target `parse`): a saved `PlusD` page whose metadata held a multi-byte
/// character where a label's length ended; the label test sliced inside it and panicked.
#[test]
fn fuzz_crash_plusd_label_multibyte() {
    replay_crash("crash-plusd-label-multibyte.bin");
}

/// Found by `make fuzz` (target `parse`): a JSON record with a backslash before a multi-byte
/// character; the reader stepped into the character and sliced inside it.
#[test]
fn fuzz_crash_json_escape_multibyte() {
    replay_crash("crash-json-escape-multibyte.bin");
}
