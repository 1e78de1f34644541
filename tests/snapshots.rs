//! Golden snapshots of the JSON model (the same object `cable parse` prints and
//! `parseCable` returns) for hand-written fixtures and real cables chosen for
//! their edge cases. Review changes with `cargo insta review`; never edit by hand.
//! Spans and the original lines are redacted: they restate the input.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cable_viewer::cable;

macro_rules! snapshot {
    ($name:expr, $cable:expr) => {
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_json_snapshot!($name, $cable, {
                ".spans" => "[spans]",
                ".sections[].paragraphs[].original" => "[original]",
                ".sections[].paragraphs[].span" => "[span]",
            });
        });
    };
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/{ok,malformed}/*", |path| {
        let bytes = std::fs::read(path).expect("fixture");
        snapshot!("fixture", cable::parse_bytes(&bytes));
    });
}

#[test]
fn sample() {
    snapshot!("sample-09USUNNEWYORK78", cable::parse(cable_viewer::SAMPLE_CABLE));
}

/// Real cables, each for an edge case of the format.
const CORPUS: [(&str, &str); 42] = [
    ("04MADRID961", "partial extract; REF items split by blank lines and ¶ marks"),
    ("04MADRID2164", "UNCLAS with SENSITIVE; E.O. N/A"),
    ("04RANGOON88", "partial extract with a press dateline; NOFORN line; (S/NF) marks"),
    ("05RIODEJANEIRO1238", "E.O. and TAGS on one line; pass-through lines wrapped"),
    ("05SANAA923", "multi-word tag COUNTER TERRORISM"),
    ("06ANKARA4688", "numbers with no space before the mark: 5.(C/NF)"),
    ("06KABUL3934", "no SUBJECT line at all; SENSITIVE and doubled SIPDIS"),
    ("07MADRID1805", "signature after a closing caption line"),
    ("07PARIS170", "Classified By continued after a page header"),
    ("07SANAA473", "classification lost its first letter: E C R E T"),
    ("07SANTIAGO983", "REF and Classified By on one line"),
    ("08ISLAMABAD1432", "CORRECTED COPY note; IIR report reference"),
    ("08KUWAIT560", "plain CONFIDENTIAL caption"),
    ("08MADRID1366", "redactions XXXXXXXXXXXX"),
    ("08STATE37957", "outgoing STATE cable"),
    ("08STATE93970", "press copy with an editor's note before the dateline"),
    ("09BISHKEK135", "section marker between REF and Classified By"),
    ("09BRASILIA1447", "headings made of ellipses"),
    ("09BRASILIA953", "no SUBJECT line; NOFORN"),
    ("09HARARE955", "press copy: dateline, no blank lines, TAGS with commas"),
    ("09ISLAMABAD270", "routing line with several indicators"),
    ("09KABUL376", "portion marks with a space: (C NF)"),
    ("09KABUL3890", "plain caption with a lower-case 'of'"),
    ("09KHARTOUM881", "database dump before the envelope; no caption line"),
    ("09MOSCOW2734", "heading ending in a quotation mark"),
    ("09PARIS1339", "lists of names as text"),
    ("09PRETORIA939", "section markers 001.2 OF 004"),
    ("09PRISTINA148", "press copy with a multi-section caption"),
    ("09RIYADH1687", "two-line heading; COMMENT section"),
    ("09RPODUBAI389", "CLASSIFIED BY with REASON after a full stop"),
    ("09SANAA495", "quoted press release"),
    ("09STATE96550", "talking points with headings"),
    ("10CARACAS163", "CLASSIFIED BY …; REASON: 1.4(B), (D)"),
    ("10MEXICO614", "caption of another cable under this envelope"),
    ("10MOSCOW228", "caption block with its line breaks lost"),
    ("10PRISTINA44", "REF items on one line"),
    ("10RPODUBAI13", "NOFORN; RPO DUBAI station"),
    ("10THEHAGUE54", "station with a space: THE HAGUE"),
    ("72TEHRAN1164", "1972 cable: UNCLASSIFIED SECTION 01 OF 01"),
    ("79TEHRAN8980", "1979 cable"),
    ("09BAGHDAD2569", "Baghdad section markers"),
    ("10ANKARA87", "six-section cable"),
];

#[test]
fn real_cables() {
    for (name, _why) in CORPUS {
        snapshot!(format!("corpus-{name}"), cable::parse(&common::corpus_page(name)));
    }
}

/// Real cables from other sources (`outside-dev`), each for a class of variation.
const OUTSIDE: [(&str, &str); 7] = [
    ("lost-linebreaks/delhi-5.txt", "line breaks lost: caption block, REF bullets and paragraphs on one line"),
    ("lost-linebreaks/delhi-73.txt", "line breaks lost: UNCLAS E F T O SECTION … with NOFORN SENSITIVE run on"),
    ("lost-linebreaks/delhi-2.txt", "line breaks lost, 1987: E.O. 12356 with a date, SUBJ:, a corrected copy"),
    ("nara-1970s/1973BUENOS03147.txt", "body only, archive trailers after the signature"),
    ("nara-1970s/1976STATE218654.txt", "a quoted cable's signer, then UNQUOTE and this one's"),
    ("nara-1970s/1978GENEVA09026.txt", "a signer of three words"),
    ("nara-1970s/1979KHARTO04476.txt", "the body first, the second section's envelope and caption in it"),
];

#[test]
fn real_cables_from_other_sources() {
    for (path, _why) in OUTSIDE {
        let bytes = std::fs::read(common::corpus_dir().join("outside-dev").join(path)).expect("an outside-dev cable");
        let name = path.replace('/', "-").trim_end_matches(".txt").to_owned();
        snapshot!(format!("outside-{name}"), cable::parse_bytes(&bytes));
    }
}
