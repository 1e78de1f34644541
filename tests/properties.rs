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
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
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
    let c = cable::parse_bytes(b"SUBJECT: CAF\xC9 TALKS\n");
    assert_eq!(c.subject.as_deref(), Some("CAF\u{fffd} TALKS"));
    assert!(c.diagnostics.iter().any(|d| d.message.contains("not valid UTF-8")));
}
