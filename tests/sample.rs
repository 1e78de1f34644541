//! The sample cable, 09USUNNEWYORK78, read as a careful reader would, and the
//! same cable damaged the ways pasting damages text.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cable_viewer::SAMPLE_CABLE;
use cable_viewer::cable::{self, Classification, ParagraphKind, Precedence};

#[test]
fn every_field_of_the_sample() {
    let c = cable::parse(SAMPLE_CABLE);
    assert_eq!(c.id.as_deref(), Some("09USUNNEWYORK78"));
    assert_eq!(c.date.as_deref(), Some("2009-02-03T02:52:00Z"));
    assert_eq!(c.classification, Some(Classification::Confidential));
    assert_eq!(c.handling, ["SIPDIS"]);
    assert_eq!(c.origin.as_deref(), Some("USUN NEW YORK"));
    assert_eq!(c.from.as_deref(), Some("USMISSION USUN NEW YORK"));
    assert_eq!(c.precedence, Some(Precedence::Immediate));
    assert_eq!(c.to.len(), 1);
    assert_eq!(c.to[0].routing_indicator.as_deref(), Some("RUEHC"));
    assert_eq!(c.to[0].name, "SECSTATE WASHDC");
    assert_eq!(c.to[0].mcn.as_deref(), Some("5744"));
    let info: Vec<_> = c.info.iter().map(|a| (a.routing_indicator.as_deref().unwrap(), a.mcn.as_deref())).collect();
    assert_eq!(
        info,
        [
            ("RUEHGG", None),
            ("RUEHME", Some("0756")),
            ("RUEHTV", Some("2020")),
            ("RUEHJM", Some("1410")),
            ("RUEHGV", Some("3515")),
            ("RUEHUNV", Some("0754")),
        ]
    );
    assert!(c.info.iter().all(|a| a.precedence == Some(Precedence::Priority)));
    assert_eq!(c.info[0].name, "UN SECURITY COUNCIL COLLECTIVE");
    assert_eq!(c.tags, ["PREL", "PGOV", "UNSC", "MX"]);
    assert_eq!(c.subject.as_deref(), Some("AMBASSADOR RICE'S MEETING WITH MEXICAN PERMANENT REPRESENTATIVE HELLER"));
    assert_eq!(c.subject_marking, None);
    assert!(c.references.is_empty());
    assert_eq!(c.classified_by.as_deref(), Some("Ambassador Rice"));
    assert_eq!(c.reasons, ["1.4(b)", "1.4(d)"]);
    assert_eq!(c.declassify_on.as_deref(), Some("2019-01-29"));
    assert_eq!(c.executive_order.as_deref(), Some("12958"));
    assert_eq!(c.signers, ["Rice"]);
    assert_eq!(c.section_of, None);
    assert!(!c.partial);
    let t = c.transmission.as_ref().expect("the envelope");
    assert_eq!(t.id.as_deref(), Some("VZCZCXYZ0001"));
    assert_eq!((t.channel.as_deref(), t.serial.as_deref()), (Some("XYZ"), Some("0001")));
    assert_eq!(t.routing, ["RUEHWEB"]);
    assert_eq!(t.station.as_deref(), Some("RUCNDT"));
    assert_eq!((t.station_serial.as_deref(), t.section.as_deref()), (Some("0078"), Some("01")));
    assert_eq!(t.filed.as_deref(), Some("0340252"));
    assert_eq!(t.security.as_deref(), Some("ZNY CCCCC ZZH"));
    assert!(c.unknown.is_empty(), "{:?}", c.unknown);
}

#[test]
fn the_sample_body_has_ten_paragraphs_in_seven_titled_sections() {
    let c = cable::parse(SAMPLE_CABLE);
    let titles: Vec<_> = c.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            None,
            Some("Security Council Reform"),
            Some("Middle East"),
            Some("Western Sahara"),
            Some("Racism and the Human Rights Council"),
            Some("Polarization at the UN"),
            Some("Disarmament and Non-Proliferation"),
            Some("Rio Group"),
        ]
    );
    let paragraphs: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).collect();
    let numbers: Vec<_> = paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=10).map(Some).collect::<Vec<_>>(), "the mangled 11.–19., 10. are ¶1–¶10");
    assert!(paragraphs.iter().all(|p| p.marking.as_deref() == Some("C")));
    assert_eq!(paragraphs[0].kind, ParagraphKind::Summary);
    assert!(paragraphs[1..].iter().all(|p| p.kind == ParagraphKind::Paragraph));
    // ¶7 was split by a blank line in the middle of a sentence; it reads whole.
    assert!(paragraphs[6].text.contains("the new Administration and change of policies would \"make room\""));
    assert!(paragraphs[6].text.ends_with("he opined."));
    // So was ¶10.
    assert!(paragraphs[9].text.contains("maintain a balance between the Rio Group, the General Assembly"));
    let summary = c.summary.as_deref().expect("a summary");
    assert!(summary.starts_with("In an initial January 29 meeting"));
    assert!(summary.ends_with("leadership of the Rio Group."), "{summary}");
    assert!(c.diagnostics.iter().any(|d| d.message.contains("paragraph numbers")));
}

/// The sample as a FOIA release's PDF gives its text: the reviewer's stamp on top, and every 25
/// lines a page break with its case stamp and page number, set apart by blank lines.
fn pdf_pages(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("RELEASE IN PART B1,1.4(B),1.4(D)\n\n");
    for (k, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if k > 0 && k % 25 == 0 {
            let page = k / 25 + 1;
            out.push_str(
                "\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739546 Date: 05/13/2015\n",
            );
            write!(out, "\nPage {page} of 3\n\n").unwrap();
        }
    }
    out
}

/// The sample, hard-wrapped at 69 columns as older copies are.
fn hard_wrapped(text: &str) -> String {
    text.lines().flat_map(|line| [common::wrap(line, 69), "\n".to_owned()]).collect()
}

#[test]
fn paste_damage_does_not_change_the_reading() {
    let clean = cable::parse(SAMPLE_CABLE);
    // As a reader sees them: runs of spaces read as one (a line break lost inside a paragraph
    // leaves two where the sample had a line ending in a space).
    let texts = |c: &cable::Cable| -> Vec<String> {
        c.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let variants = [
        ("CRLF", SAMPLE_CABLE.replace('\n', "\r\n")),
        ("BOM", format!("\u{feff}{SAMPLE_CABLE}")),
        ("trailing spaces and tabs", SAMPLE_CABLE.replace('\n', " \t \n")),
        ("hard-wrapped at 69 columns", hard_wrapped(SAMPLE_CABLE)),
        ("web copy with ¶ marks", SAMPLE_CABLE.replace("\n1", "\n¶1")),
        ("a FOIA release's PDF, page by page", pdf_pages(SAMPLE_CABLE)),
        ("its lines joined by one space", SAMPLE_CABLE.lines().map(str::trim).collect::<Vec<_>>().join(" ")),
        ("the date-time group's year glued to its month", SAMPLE_CABLE.replace("Z FEB 09", "Z FEB09")),
    ];
    for (what, text) in variants {
        let c = cable::parse(&text);
        assert_eq!(c.id, clean.id, "{what}");
        assert_eq!(c.subject, clean.subject, "{what}");
        assert_eq!(c.tags, clean.tags, "{what}");
        assert_eq!(c.info.len(), 6, "{what}");
        assert_eq!(c.signers, clean.signers, "{what}");
        assert_eq!(texts(&c), texts(&clean), "{what}");
        let titles = |c: &cable::Cable| -> Vec<Option<String>> { c.sections.iter().map(|s| s.title.clone()).collect() };
        assert_eq!(titles(&c), titles(&clean), "{what}");
        assert!(c.unknown.is_empty(), "{what}: {:?}", c.unknown);
    }
}

#[test]
fn a_body_line_starting_with_subject_is_not_taken_for_a_repeated_header() {
    let text = "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000001\n\nSUBJECT: TALKS\n\n1. (C) First.\n\n\
                C O N F I D E N T I A L SECTION 02 OF 02 STATE 000001\n\
                SUBJECT: TALKS\n\
                SUBJECTS raised by the minister were few.\n";
    let c = cable::parse(text);
    let removed: Vec<&str> = c.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(removed.contains(&"SUBJECT: TALKS"), "the repeated header line is debris: {removed:?}");
    let body: Vec<&str> = c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
    assert!(body.iter().any(|t| t.contains("SUBJECTS raised by the minister")), "{body:?}");
}
