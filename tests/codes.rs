//! The code book: each table, the unknown cases, the executive-order switch by
//! date, and how much of the corpus it explains.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cable_viewer::cable;
use cable_viewer::codes::{self, Certainty, CodeKind};

#[test]
fn routing_indicators_keep_every_row_and_name_collectives_honestly() {
    let e = codes::explain("RUCNDT");
    assert_eq!((e.kind, e.meaning), (CodeKind::RoutingIndicator, Some("USMISSION USUN NEW YORK NY")));
    // The source misspells it; we keep the source's text.
    assert_eq!(codes::explain("RUEHUNV").meaning, Some("USMISSIN UNVIE VIENNA"));
    // Some indicators have several rows: all of them are kept.
    let several: Vec<_> = codes::station_names("RUEHC").collect();
    assert!(!several.is_empty());
    assert_eq!(codes::station_names("RULGPQZ").count(), 2, "RULGPQZ has two rows in route2name.csv");
    let gg = codes::explain("RUEHGG");
    assert_eq!(gg.meaning, Some("UN SECURITY COUNCIL COLLECTIVE"));
    assert!(gg.note.unwrap().starts_with("collective / unlisted"));
    let web = codes::explain("RUEHWEB");
    assert_eq!((web.certainty, web.meaning), (Certainty::Unknown, None));
    assert!(web.note.unwrap().contains("unlisted"));
    assert_eq!(codes::explain("RUZZZZZ").certainty, Certainty::Unknown);
}

#[test]
fn tags_of_every_kind() {
    let mx = codes::explain_tag("MX");
    assert_eq!((mx.kind, mx.meaning, mx.source), (CodeKind::GeographicTag, Some("Mexico"), Some("FIPS 10-4")));
    assert_eq!(codes::explain_tag("KS").meaning, Some("Korea (South)"), "PlusD's own label wins");
    assert_eq!(codes::explain_tag("ks").meaning, Some("Korea (South)"), "lower-cased cables");
    let prel = codes::explain_tag("PREL");
    assert_eq!(
        (prel.kind, prel.field, prel.meaning),
        (CodeKind::SubjectTag, Some("Political Affairs"), Some("External Political Relations"))
    );
    let aemr = codes::explain_tag("AEMR");
    assert_eq!(aemr.meaning, Some("Emergency Planning and Evacuation"));
    let kpao = codes::explain_tag("KPAO");
    assert_eq!((kpao.kind, kpao.meaning), (CodeKind::ProgramTag, Some("Public Affairs Office")));
    // A subject TAG no source names: the field its first letter names, said to be inferred.
    let pqqq = codes::explain_tag("PQQQ");
    assert_eq!((pqqq.kind, pqqq.field, pqqq.meaning), (CodeKind::SubjectTag, Some("Political Affairs"), None));
    assert_eq!(pqqq.certainty, Certainty::Inferred);
    // Titles from the sourced list, each with its source.
    let phum = codes::explain_tag("PHUM");
    assert_eq!(phum.meaning, Some("Human Rights"));
    assert!(phum.source.is_some_and(|s| s.contains("fam.state.gov")), "{:?}", phum.source);
    assert_eq!(codes::explain_tag("PINS").meaning, Some("Internal Security"));
    assert_eq!(codes::explain_tag("TSPA").meaning, Some("Space Activities"));
    // The title in force for the cable's date: human rights was SHUM in 1974, and PARM has
    // only its 1974 title, which a 2009 cable shows with a note saying so.
    let shum = codes::explain_tag_at("SHUM", Some(1975));
    assert_eq!(shum.meaning, Some("Human Rights"));
    assert!(shum.source.is_some_and(|s| s.contains("TL:TAGS-1 (6-28-74)")));
    let parm = codes::explain_tag_at("PARM", Some(2009));
    assert_eq!(parm.meaning, Some("Arms Control and Disarmament"));
    assert!(parm.note.is_some_and(|n| n.contains("1970s")), "{:?}", parm.note);
    assert_eq!(codes::explain_tag_at("PARM", Some(1974)).note, None, "in force then: no caveat");
    let kdem = codes::explain_tag("KDEM");
    assert_eq!((kdem.kind, kdem.field), (CodeKind::ProgramTag, Some("(program TAGS)")));
    let unsc = codes::explain_tag("UNSC");
    assert_eq!((unsc.kind, unsc.meaning), (CodeKind::OrganizationTag, Some("UN Security Council")));
    assert_eq!(codes::explain_tag("NATO").kind, CodeKind::OrganizationTag);
    assert_eq!(codes::explain_tag("STEINBERG, JAMES B.").kind, CodeKind::PersonTag);
    assert_eq!(codes::explain_tag("OVIP (KISSINGER, HENRY A.)").kind, CodeKind::PersonTag);
    assert_eq!(codes::explain_tag("XF").kind, CodeKind::RegionTag);
    for unknown in ["QQ", "ZZZZZ", "PAK", "COUNTER TERRORISM", "#"] {
        assert_eq!(codes::explain_tag(unknown).certainty, Certainty::Unknown, "{unknown}");
    }
}

#[test]
fn precedence_security_handling_and_portion_marks() {
    for (code, meaning) in
        [("Z", "FLASH"), ("OO", "IMMEDIATE"), ("P", "PRIORITY"), ("RR", "ROUTINE"), ("routine", "ROUTINE")]
    {
        let e = codes::explain(code);
        assert_eq!((e.kind, e.meaning), (CodeKind::Precedence, Some(meaning)), "{code}");
    }
    assert_eq!(codes::explain("NIACT IMMEDIATE").kind, CodeKind::Precedence);
    let znr = codes::explain("ZNR UUUUU");
    assert_eq!((znr.kind, znr.field), (CodeKind::SecurityWarning, Some("UNCLASSIFIED")));
    assert_eq!(codes::explain("ZNY CCCCC ZZH").field, Some("CONFIDENTIAL"));
    let zzh = codes::explain("ZZH");
    assert_eq!(zzh.kind, CodeKind::OperatingSignal);
    assert!(zzh.note.unwrap().contains("nationally assigned") && zzh.note.unwrap().contains("unpublished"));
    assert_eq!(codes::explain("SIPDIS").kind, CodeKind::Handling);
    assert_eq!(codes::explain("NOFORN").meaning, Some("Not releasable to foreign nationals"));
    assert_eq!(codes::explain("sensitive").meaning, Some("Sensitive But Unclassified"));
    for (mark, meaning) in [
        ("(C)", "Confidential"),
        ("(S//NF)", "Secret"),
        ("C/NF", "Confidential"),
        ("(SBU)", "Sensitive But Unclassified"),
        ("(U)", "Unclassified"),
    ] {
        let e = codes::explain(mark);
        assert_eq!((e.kind, e.meaning), (CodeKind::PortionMark, Some(meaning)), "{mark}");
    }
    assert_eq!(codes::explain("(S//NF)").note, Some("Not releasable to foreign nationals"));
    assert_eq!(codes::portion_mark_meaning("S//NF").as_deref(), Some("Secret, Not releasable to foreign nationals"));
}

#[test]
fn reasons_follow_the_order_in_force_on_the_date() {
    let before = codes::explain_reason("1.5 (d)", Some("2001-06-01T00:00:00Z")).unwrap();
    assert_eq!((before.order, before.section, before.note), ("E.O. 12958", "1.5", None));
    assert!(before.text.starts_with("foreign relations or foreign activities"));
    let amended = codes::explain_reason("1.4(e)", Some("2005-01-01")).unwrap();
    assert_eq!(amended.order, "E.O. 12958 as amended");
    assert!(amended.text.contains("transnational terrorism"), "the 2003 text of (e)");
    let h = codes::explain_reason("1.4 (h)", Some("2009-12-28")).unwrap();
    assert_eq!(h.text, "weapons of mass destruction");
    let new = codes::explain_reason("1.4(h)", Some("2009-12-29")).unwrap();
    assert_eq!(
        (new.order, new.text),
        ("E.O. 13526", "the development, production, or use of weapons of mass destruction")
    );
    // The 1995 order had no (h).
    assert!(codes::explain_reason("1.5(h)", Some("2001-01-01")).is_none());
    let old_number = codes::explain_reason("1.5(b)", Some("2006-01-01")).unwrap();
    assert_eq!(old_number.order, "E.O. 12958 as amended");
    assert!(old_number.note.unwrap().contains("pre-2003"));
    assert!(codes::explain_reason("1.4(z)", None).is_none());
    assert_eq!(codes::explain("1.4(b)").kind, CodeKind::ClassificationReason);
}

#[test]
fn the_sample_explained() {
    let c = cable::parse(cable_viewer::SAMPLE_CABLE);
    let e = codes::explain_cable(&c);
    assert_eq!(e.to_stations, [Some("DEPT OF STATE WASHINGTON DC")]);
    assert_eq!(e.info_stations.len(), 6);
    assert_eq!(e.info_stations[0], None, "RUEHGG is a collective, not a station");
    assert_eq!(e.originator_station, Some("USMISSION USUN NEW YORK NY"));
    let tags: Vec<_> = e.tag_info.iter().map(|t| t.meaning.or(t.field)).collect();
    assert_eq!(
        tags,
        [
            Some("External Political Relations"),
            Some("Government; Internal Governmental Affairs"),
            Some("UN Security Council"),
            Some("Mexico")
        ]
    );
    assert_eq!(e.reason_info.iter().map(|r| r.order).collect::<Vec<_>>(), ["E.O. 12958 as amended"; 2]);
    assert_eq!(e.security_info.unwrap().field, Some("CONFIDENTIAL"));
}

/// Every routing indicator and TAG of the corpus is explained or reported unknown;
/// prints the share explained.
#[test]
fn corpus_coverage() {
    let (mut ris, mut ris_known, mut tags, mut tags_known) = (0usize, 0usize, 0usize, 0usize);
    // A title is what a reader wants: a meaning from a source, not the field a first letter names.
    let (mut subject_tags, mut titled) = (0usize, 0usize);
    let mut unknown_tags = std::collections::BTreeSet::new();
    for (_, page) in common::corpus_pages() {
        let c = cable::parse(&page);
        let t = c.transmission.as_ref();
        let indicators = t.map(|t| t.routing.iter().chain(&t.station).cloned().collect::<Vec<_>>()).unwrap_or_default();
        for ri in indicators.iter().chain(c.to.iter().chain(&c.info).filter_map(|a| a.routing_indicator.as_ref())) {
            let e = codes::explain_routing_indicator(ri);
            assert!(e.is_known() || e.note.is_some(), "{ri} is neither explained nor reported unknown");
            ris += 1;
            ris_known += usize::from(e.is_known());
        }
        for tag in &c.tags {
            let e = codes::explain_tag(tag);
            assert!(e.is_known() || e.note.is_some(), "{tag}");
            tags += 1;
            tags_known += usize::from(e.is_known());
            if matches!(e.kind, codes::CodeKind::SubjectTag | codes::CodeKind::ProgramTag) {
                subject_tags += 1;
                titled += usize::from(e.meaning.is_some());
            }
            if !e.is_known() {
                unknown_tags.insert(tag.clone());
            }
        }
    }
    println!("code book: routing indicators explained {ris_known}/{ris}; TAGS explained {tags_known}/{tags}");
    println!("code book: subject and program TAGS with a title {titled}/{subject_tags}");
    println!("code book: unknown TAGS {unknown_tags:?}");
    assert!(ris_known * 100 >= ris * 80 && tags_known * 100 >= tags * 95, "coverage fell");
}

#[test]
fn blocks_of_routing_indicators_share_a_name() {
    // route2name.csv has `RHFJAAA THRU RHFJAAZ`: every indicator in the block has that row's name.
    let first: Vec<_> = codes::station_names("RHFJAAA").collect();
    let middle: Vec<_> = codes::station_names("RHFJAAM").collect();
    assert_eq!(first.len(), 1);
    assert_eq!(first, middle);
    assert_eq!(codes::station_names("RHFJABA").count(), 0, "just past the block");
}

#[test]
fn organisation_codes_with_digits_and_two_letters() {
    for code in ["G-77", "ADB-1", "NATO", "UN", "iaea", "Alitalia", "BA'ATH"] {
        let e = codes::explain_tag(code);
        assert_eq!(e.kind, CodeKind::OrganizationTag, "{code}");
    }
    assert!(!codes::is_organization("NAT") && !codes::is_organization("NATOX") && !codes::is_organization(""));
}

/// Found by `make fuzz` (tests/fuzz, target `parse`): text ending in a multi-byte
/// character made `explain_reason` split inside it and panic.
#[test]
fn fuzz_crash_reason_ending_in_a_multibyte_character() {
    assert!(codes::explain_reason("1.4(é)", None).is_none());
    assert!(codes::explain_reason("\u{dc}", None).is_none());
    assert_eq!(codes::explain("VZCZ\u{fffd}\u{fffd}").certainty, Certainty::Unknown);
    let crash =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz/crash-reason-multibyte.bin")).unwrap();
    let text = String::from_utf8_lossy(&crash);
    let _ = codes::explain(&text[..text.char_indices().nth(64).map_or(text.len(), |(i, _)| i)]);
    let _ = cable::parse_bytes(&crash);
}

/// The parser and the code book share one vocabulary: every handling caption and every portion
/// mark part the parser recognises is explained as what it is, never read as another kind of
/// code (`ROGER` once fell through to an unknown routing indicator; `S//OC` had no meaning).
#[test]
fn every_code_the_parser_recognises_has_an_explanation() {
    use cable_viewer::cable::vocab::{HANDLING, MARK_PARTS};
    for (written, _) in HANDLING {
        let e = codes::explain(written);
        // NIACT is read in captions and is also a precedence word: either is an explanation.
        assert!(matches!(e.kind, CodeKind::Handling | CodeKind::Precedence), "{written}: {:?}", e.kind);
        assert!(e.meaning.is_some() || e.note.is_some(), "{written} says nothing");
    }
    for (part, _) in MARK_PARTS {
        let mark = format!("(S//{part})");
        let e = codes::explain(&mark);
        assert_eq!(e.kind, CodeKind::PortionMark, "{mark}");
        assert!(e.meaning.is_some(), "{mark}");
        if !matches!(part, "U" | "C" | "S" | "TS" | "LOU" | "SBU") {
            assert!(e.note.is_some(), "{mark}: the caveat is not explained");
        }
        assert!(codes::portion_mark_meaning(&mark).is_some(), "{mark} has no tooltip");
    }
    assert_eq!(codes::explain("ROGER").kind, CodeKind::Handling);
    assert_eq!(
        codes::explain("S//OC").note,
        Some("Dissemination controlled by the originator (conventional expansion)")
    );
}
