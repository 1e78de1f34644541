//! Real cables shaped otherwise than the 2010 pages (`../shared/corpus/outside-dev`): database
//! exports whose line breaks were lost, and 1970s National Archives telegrams. Each folder's
//! `truth.jsonl` says what a source other than the text says about each cable; the parser is
//! scored against it, field by field, and must not fall below what it reaches today.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cable_viewer::cable::{self, Cable};
use serde_json::Value;

struct Score {
    right: usize,
    total: usize,
}

impl Score {
    fn share(&self) -> f64 {
        // Counts are small: the conversion is exact.
        f64::from(u32::try_from(self.right).unwrap()) / f64::from(u32::try_from(self.total.max(1)).unwrap())
    }
}

/// Each file of a folder with its text (as read, invalid UTF-8 replaced), its reading and its
/// truth record.
fn cases(folder: &str) -> Vec<(String, String, Cable, Value)> {
    let dir = common::corpus_dir().join("outside-dev").join(folder);
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).expect("truth.jsonl");
    truth
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).expect("a truth record");
            let file = record["file"].as_str().expect("file").to_owned();
            let bytes = std::fs::read(dir.join(&file)).expect("a cable file");
            let cable = cable::parse_bytes(&bytes);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            common::assert_every_line_accounted(&file, &text, &cable);
            (file, text, cable, record["truth"].clone())
        })
        .collect()
}

/// `Embassy New Delhi` and `NEW DELHI` name the same post.
fn post(name: &str) -> String {
    let upper = name.to_ascii_uppercase();
    let bare =
        ["EMBASSY ", "CONSULATE ", "MISSION "].iter().fold(upper.as_str(), |n, p| n.strip_prefix(p).unwrap_or(n));
    bare.replace(' ', "")
}

/// Whether `cable`'s signers are the `expected` ones (a truth record's list), in any case.
fn same_signers(cable: &Cable, expected: &Value) -> bool {
    cable.signers.iter().map(|s| s.to_ascii_uppercase()).collect::<Vec<_>>() == strings(expected)
}

/// What a reader sees of a cable: its header fields, references, Classified By, signers, section
/// titles and numbered paragraphs; two readings of one cable in different copies must agree.
fn reading(c: &Cable) -> String {
    let paragraphs: Vec<(Option<u32>, &str)> =
        c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| (p.number, p.text.as_str())).collect();
    let titles: Vec<Option<&str>> = c.sections.iter().map(|s| s.title.as_deref()).collect();
    format!(
        "{:?}",
        (
            (&c.id, &c.date, c.classification, &c.origin, &c.tags, &c.subject),
            (&c.references, &c.classified_by, &c.signers, titles, paragraphs)
        )
    )
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_ascii_uppercase)).collect())
        .unwrap_or_default()
}

type Field = fn(&Cable) -> String;

/// A cable's paragraph numbers, in order, as a field to compare.
fn numbered_paragraphs(c: &Cable) -> String {
    format!("{:?}", c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect::<Vec<_>>())
}

/// `text`'s lines trimmed, the blank ones left out, and the rest joined by `joint`: a copy whose
/// line breaks were lost.
fn joined(text: &str, joint: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(joint)
}

/// Each run of `text`'s lines between blank ones (white space alone counts as blank) as one line:
/// the blocks of a copy that kept its paragraphs apart.
fn blocks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines.split(|l| l.is_empty()).filter(|block| !block.is_empty()).map(|block| block.join(" ")).collect()
}

/// Each of the 201 pages read as it is and as `change` makes it: per field, how many read the
/// same, each at least its floor.
fn read_alike(shape: &str, fields: &[(&str, Field, f64)], change: &dyn Fn(&str) -> String) {
    let mut scores: Vec<Score> = fields.iter().map(|_| Score { right: 0, total: 0 }).collect();
    let mut wrong = Vec::new();
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let changed = change(&text);
        let (with, without) = (cable::parse(&text), cable::parse(&changed));
        common::assert_every_line_accounted(&name, &changed, &without);
        for ((label, field, _), score) in fields.iter().zip(&mut scores) {
            score.total += 1;
            if field(&with) == field(&without) {
                score.right += 1;
            } else {
                wrong.push(format!("{name} {label}"));
            }
        }
    }
    println!("{shape}: {wrong:?}");
    for ((label, _, floor), score) in fields.iter().zip(&scores) {
        println!("  {label}: {}/{}", score.right, score.total);
        assert!(score.share() >= *floor, "{shape}, {label}: {}/{}", score.right, score.total);
    }
}

/// Each of the 201 pages read as it is and as each shape changes it: every line of the changed
/// copy accounted for, and its reading the page's. `settle` may set aside in the copy's reading
/// what the shape added (and says whether the page is compared at all).
fn read_as_the_page(shapes: &[(&str, &Change<'_>)], settle: &Settle<'_>) {
    for (shape, change) in shapes {
        let mut wrong = Vec::new();
        for (name, page) in common::corpus_pages() {
            let text = cable::source_text(&page);
            let changed = change(&text);
            let (with, mut without) = (cable::parse(&text), cable::parse(&changed));
            common::assert_every_line_accounted(&name, &changed, &without);
            if settle(shape, &name, &with, &mut without) && reading(&with) != reading(&without) {
                wrong.push(name.clone());
            }
        }
        assert!(wrong.is_empty(), "{shape}: {} read otherwise: {wrong:?}", wrong.len());
    }
}

/// How a shape changes a page's text.
type Change<'a> = dyn Fn(&str) -> String + 'a;

/// What [`read_as_the_page`] asks of a shape's copy before comparing it (shape, page, the page's
/// cable, the copy's).
type Settle<'a> = dyn Fn(&str, &str, &Cable, &mut Cable) -> bool + 'a;

/// A shape that adds nothing to the reading: every page compared as it is read.
fn as_is(_: &str, _: &str, _: &Cable, _: &mut Cable) -> bool {
    true
}

#[test]
fn database_exports_with_lost_line_breaks() {
    let cases = cases("lost-linebreaks");
    assert_eq!(cases.len(), 200);
    let (mut class, mut origin, mut refs, mut paragraphs) =
        (Score { right: 0, total: 0 }, Score { right: 0, total: 0 }, Score { right: 0, total: 0 }, 0);
    let mut missed = Vec::new();
    for (file, _, cable, truth) in &cases {
        if let Some(expected) = truth["classification"].as_str() {
            class.total += 1;
            class.right += usize::from(cable.classification.map(cable::Classification::as_str) == Some(expected));
        }
        if let Some(expected) = truth["origin"].as_str() {
            origin.total += 1;
            origin.right += usize::from(cable.origin.as_deref().map(post) == Some(post(expected)));
        }
        // The export lists some of each cable's references: each one listed must be found.
        let ours: Vec<&str> = cable.references.iter().filter_map(|r| r.id.as_deref()).collect();
        for expected in strings(&truth["references"]) {
            refs.total += 1;
            if ours.contains(&expected.as_str()) {
                refs.right += 1;
            } else {
                missed.push(format!("{file}: {expected}"));
            }
        }
        // A reference is a citation, never the text's first paragraph (ten did hold it, when
        // that paragraph had no number: `REF: STATE 233267  As instructed in Ref A, Poloff…`).
        for r in &cable.references {
            let prose = r.text.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).count();
            assert!(prose < 6, "{file}: a reference holds prose: {}", r.text);
        }
        // The text was one line: finding its numbered paragraphs shows it was read as a cable.
        paragraphs +=
            usize::from(cable.sections.iter().flat_map(|s| &s.paragraphs).filter(|p| p.number.is_some()).count() >= 2);
    }
    println!(
        "lost line breaks: classification {}/{}, origin {}/{}, references {}/{}, numbered paragraphs found in {paragraphs}/200",
        class.right, class.total, origin.right, origin.total, refs.right, refs.total
    );
    println!("references not found (no year in the text and none to estimate, or a post renamed): {missed:?}");
    assert!(class.share() >= 0.99 && origin.share() >= 0.99, "caption read on one line");
    // Before re-breaking the lines: 3 of 118. Most that remain cite a cable of an
    // unclassified telegram, which has no declassification date to estimate a year from.
    assert!(refs.right >= 140, "references: {}/{}", refs.right, refs.total);
    // The others are short telegrams of unnumbered paragraphs.
    assert!(paragraphs >= 185, "numbered paragraphs found in only {paragraphs} of 200");
}

/// `1. …`, `12. …`: a numbered paragraph's first line.
fn shapes_like_paragraph(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && text[digits..].starts_with(". ")
}

#[test]
fn national_archives_telegrams_of_the_1970s() {
    let cases = cases("nara-1970s");
    let mut signers = Score { right: 0, total: 0 };
    let mut wrong = Vec::new();
    for (file, _, cable, truth) in &cases {
        let Some(expected) = truth.get("signers") else { continue };
        signers.total += 1;
        if same_signers(cable, expected) {
            signers.right += 1;
        } else {
            wrong.push(format!("{file}: {:?} for {expected}", cable.signers));
        }
        // A body the archive gives without header, one paragraph signed, is a cable's: the
        // viewer does not call it "not a cable" (before, 2 of the 84 were so called).
        let refused = cable.diagnostics.iter().any(|d| d.kind == cable::DiagnosticKind::NotACable);
        assert!(!refused || cable.signers.is_empty(), "{file}: signed, and called not a cable");
        // The body is read from its first paragraph, even where a second section's envelope and
        // caption stand after it (three of these texts): no numbered paragraph is left unread.
        let unread: Vec<&str> =
            cable.unknown.iter().map(|u| u.text.as_str()).filter(|t| shapes_like_paragraph(t)).collect();
        assert!(unread.is_empty(), "{file}: paragraphs not understood: {unread:?}");
        // Archive trailers are layout, never text or signers.
        assert!(
            cable
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .all(|p| !p.text.starts_with("***") && p.text != "NMAFVVZCZ"),
            "{file}: an archive trailer read as text"
        );
    }
    println!("1970s telegrams: signers {}/{}; wrong: {wrong:?}", signers.right, signers.total);
    assert!(signers.share() >= 0.98, "signers {}/{}: {wrong:?}", signers.right, signers.total);
}

/// The same 84 telegrams with their line breaks lost (every line joined to the next by one space,
/// as an export of the archive's body text may give them): no header to show where the text
/// begins, so the body is broken again at its paragraphs when the text opens with paragraph 1
/// and goes on to 2 (and 3, unless that line is nearly the whole text), and at an archive's
/// trailer run on after the signature, and a long text in capitals left on one line is signed
/// after its last sentence. Before: no signer found in any (one paragraph each), and 3 of the 84
/// called not a cable. Those not found stay unknown: none is given a wrong name.
#[test]
fn national_archives_telegrams_with_their_line_breaks_lost() {
    let (mut signers, mut missed) = (Score { right: 0, total: 0 }, Vec::new());
    let mut numbered = Score { right: 0, total: 0 };
    for (file, text, with, truth) in cases("nara-1970s") {
        let joined = joined(&text, " ");
        let without = cable::parse(&joined);
        common::assert_every_line_accounted(&file, &joined, &without);
        numbered.total += 1;
        numbered.right += usize::from(numbered_paragraphs(&without) == numbered_paragraphs(&with));
        // A name is the one read with the breaks, or none.
        assert!(without.signers.is_empty() || without.signers == with.signers, "{file}: {:?}", without.signers);
        // The classification and post, from a later section's caption in three of them (its
        // teletype separator and envelope run into a paragraph: before, none was read).
        assert_eq!((&without.classification, &without.origin), (&with.classification, &with.origin), "{file}");
        let Some(expected) = truth.get("signers") else { continue };
        signers.total += 1;
        if same_signers(&without, expected) {
            signers.right += 1;
        } else {
            missed.push(file);
        }
    }
    println!("1970s telegrams joined: signers {}/{}; not found: {missed:?}", signers.right, signers.total);
    // 73 of 79 (55 before paragraph 1 was looked for after any word, as after a reference or a
    // subject's end; 62 before a number after `END SUMMARY` or `ENTIRE TEXT` was one, a lost
    // number stepped over, and paragraph 1 looked for after a long summary's end; 68 before a
    // number after `UNQUOTE` or glued to its first word was one, and a telegram of one paragraph
    // closed by the archive's trailer signed; 73 before a long text in capitals that stayed one
    // line, its paragraphs not broken again, was signed after its last sentence): the one left
    // ends in a date before the name (`…REQUEST. 4. 12/74 MARSHALL`).
    assert!(signers.share() >= 0.98, "joined, signers {}/{}", signers.right, signers.total);
    // 73 of 84 (71 before a number after `END UNCLASSIFIED` or the archive's garble mark `*` began
    // a paragraph); those left follow a word with no sentence's end (`…IN TOUCH 6. DEPT`), as a
    // date does (`…ON MAY 2. THE`), and stay in the paragraph.
    println!("1970s telegrams joined: numbered paragraphs {}/{}", numbered.right, numbered.total);
    assert!(numbered.share() >= 0.86, "joined, numbered paragraphs {}/{}", numbered.right, numbered.total);
}

/// The same 84 telegrams with their blank lines lost (a viewer that set the archive's paragraphs
/// apart by margins, copied; an export that dropped empty lines): a paragraph to a line, each
/// numbered in order under the one before, the signer's name right under the last sentence.
/// Each reads as with its blank lines: its signer, its references, every line accounted for, and
/// its numbered paragraphs in all but a few (a number out of order or after a line that breaks
/// off stays in the paragraph above). Before, the numbered lines ran on as one paragraph: 65 of
/// the 84 read otherwise (their signer lost, 14 of them called not a cable), and 77 lost their
/// numbered paragraphs.
#[test]
fn national_archives_telegrams_with_their_blank_lines_lost() {
    let (mut numbered, mut otherwise) = (Score { right: 0, total: 0 }, Vec::new());
    for (file, text, with, _) in cases("nara-1970s") {
        let copy = text.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n");
        let without = cable::parse(&copy);
        common::assert_every_line_accounted(&file, &copy, &without);
        let refs = |c: &Cable| c.references.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
        if without.signers != with.signers || refs(&without) != refs(&with) {
            otherwise.push(format!("{file}: {:?}", without.signers));
        }
        numbered.total += 1;
        numbered.right += usize::from(numbered_paragraphs(&without) == numbered_paragraphs(&with));
    }
    assert!(otherwise.is_empty(), "{} read otherwise: {otherwise:?}", otherwise.len());
    println!("1970s telegrams without blank lines: numbered paragraphs {}/{}", numbered.right, numbered.total);
    // 76 of 84 (7 before).
    assert!(numbered.share() >= 0.9, "numbered paragraphs {}/{}", numbered.right, numbered.total);
}

/// The telegrams in capitals and lower-cased, as a tool's copy gives them: the classification
/// the archive's trailer gives (`*** CURRENT CLASSIFICATION *** SECRET`, `*** current
/// classification *** secret`) is read in any case, as are the signers and the paragraphs'
/// numbers. Before: 80 and 79 of the 84 kept the classification they have as written, and
/// lower-cased 77 their numbered paragraphs; now 84 and 83 (lower-cased, a second section's
/// caption with its serial wrapped onto the next line, `unclas section 02 of 02 usun new york` /
/// `04958`, is not read as one) and 83 (a form's numbered fields, `4. 401/sweden` / `5. mid`,
/// which capitals tell from a paragraph).
#[test]
fn national_archives_telegrams_in_capitals_or_lower_cased() {
    let shapes = [("in capitals", str::to_uppercase as fn(&str) -> String, 0), ("lower-cased", str::to_lowercase, 2)];
    for (shape, change, allowed) in shapes {
        let mut otherwise = Vec::new();
        for (file, text, with, _) in cases("nara-1970s") {
            let copy = change(&text);
            let without = cable::parse(&copy);
            common::assert_every_line_accounted(&file, &copy, &without);
            let signers = |c: &Cable| c.signers.iter().map(|s| s.to_uppercase()).collect::<Vec<_>>();
            if without.classification != with.classification || signers(&without) != signers(&with) {
                otherwise.push(format!("{file}: {:?} {:?}", without.classification, without.signers));
            }
            // Numbered as written, a number glued to its first word too (`1.braniff local…`).
            if numbered_paragraphs(&without) != numbered_paragraphs(&with) {
                otherwise.push(format!("{file}: paragraphs {}", numbered_paragraphs(&without)));
            }
        }
        assert!(otherwise.len() <= allowed, "{shape}: {} read otherwise: {otherwise:?}", otherwise.len());
    }
}

/// `text` as a scan of a print-out reads it: a paragraph number's `1` at a line's start read as
/// `l` (`l. WE ENDORSE…`, `lO. …` for `10.`, `l1.`).
fn paragraph_ones_read_as_l(text: &str) -> String {
    let line = |l: &str| {
        let start = l.len() - l.trim_start().len();
        let rest = &l.as_bytes()[start..];
        let number = rest.first() == Some(&b'1')
            && (rest.get(1) == Some(&b'.')
                || rest.get(1).is_some_and(u8::is_ascii_digit) && rest.get(2) == Some(&b'.'));
        if number { format!("{}l{}", &l[..start], &l[start + 1..]) } else { l.to_owned() }
    };
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

/// The 84 telegrams as a scan of their print-outs reads them, `l` for the `1` of paragraph
/// numbers (`l. WE ENDORSE…`, `l.BRANIFF…`, `l0.`), with their line breaks and without: a
/// telegram typed in capitals has no point lettered in lower case, so each reads as its text
/// does. Before, 78 of 84 read otherwise (paragraph 1 lost, or 10 to 19), and 78 joined (72
/// of them called not a cable).
#[test]
fn national_archives_telegrams_read_from_a_scan() {
    let mut otherwise = Vec::new();
    for (file, text, with, _) in cases("nara-1970s") {
        let scan = paragraph_ones_read_as_l(&text);
        let read = cable::parse(&scan);
        common::assert_every_line_accounted(&file, &scan, &read);
        if read.signers != with.signers || numbered_paragraphs(&read) != numbered_paragraphs(&with) {
            otherwise.push(format!("{file}: {}", numbered_paragraphs(&read)));
        }
        // Joined, as its text joined reads.
        let (joined_text, joined_scan) = (joined(&text, " "), joined(&scan, " "));
        if reading(&cable::parse(&joined_scan)) != reading(&cable::parse(&joined_text)) {
            otherwise.push(format!("{file} (joined)"));
        }
    }
    assert!(otherwise.is_empty(), "{} read otherwise: {otherwise:?}", otherwise.len());
}

/// The 84 telegrams flowed (each block of lines run together, as a word processor or a web
/// page's text gives them) and wrapped again at 40, 60 and 100 columns: the archive's trailer
/// broken anywhere (`*** Current Handling Restrictions *** EXDIS *** Current` / `Classification
/// *** SECRET`, `NMAFVVZCZ *** Current …`, `SWANK NMAFVVZCZ`) is still the trailer, and each
/// keeps its signer and the classification the trailer gives. Before, 15 of the 252 copies read
/// otherwise: 5 at each width lost the trailer's classification, and 12 their signer (a line of
/// the trailer read as text under the name, or the mark taken for a second signer).
#[test]
fn national_archives_telegrams_flowed_and_wrapped_again() {
    let mut otherwise = Vec::new();
    for (file, text, with, _) in cases("nara-1970s") {
        // A second section's envelope and caption run into a paragraph are read when the copy
        // is joined a block to a line to be read (wrapped wider than a telegram: before, the
        // three telegrams with one lost their classification); a narrower copy is read as its
        // lines stand, and an envelope wrapped across them (`… C O N F I D E` / `N T I A L …`)
        // is not this test's.
        let sections = text.lines().any(|l| l.starts_with("FM "));
        for width in [40, 60, 100] {
            let copy = blocks(&text).iter().map(|b| common::wrap(b, width)).collect::<Vec<_>>().join("\n\n");
            let read = cable::parse(&copy);
            common::assert_every_line_accounted(&file, &copy, &read);
            let asked = !sections || width > 69;
            if read.signers != with.signers || asked && read.classification != with.classification {
                otherwise.push(format!("{file} at {width}: {:?} {:?}", read.signers, read.classification));
            }
        }
    }
    assert!(otherwise.is_empty(), "{} read otherwise: {otherwise:?}", otherwise.len());
}

/// The 1970s print-outs of the fixtures (a telegram a post sent, one the Department sent) with
/// their line breaks lost, as an export of `PlusD`'s text gives them: the print-out's head (`PAGE
/// 01 ATHENS 02959  171944Z ACTION EUR-25 INFO  OCT-01  ISO-00 … /092 W ------------------
/// 127355`, `ORIGIN EUR-25 … DRAFTED BY EUR/SE:JSMITH:LW APPROVED BY …`) is broken again as the
/// print-out wrote it, the spaces between its columns breaking nothing. Each reads as with its
/// breaks: ID, distribution, signer, numbered paragraphs, and no line left not understood.
/// Before, the head was cut at every two spaces: the distribution lost, its offices and the
/// page's header left as lines not understood (17 in the first).
/// A fixture read as it is and with its lines joined by one space (every line of the copy
/// accounted for).
fn fixture_joined(file: &str) -> (Cable, Cable) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok");
    let text = std::fs::read_to_string(dir.join(file)).expect("a fixture");
    let (with, copy) = (cable::parse(&text), joined(&text, " "));
    let without = cable::parse(&copy);
    common::assert_every_line_accounted(file, &copy, &without);
    (with, without)
}

#[test]
fn print_outs_of_the_1970s_with_their_line_breaks_lost() {
    for file in ["1970s-telegram.txt", "1970s-state-outgoing.txt"] {
        let (with, without) = fixture_joined(file);
        assert_eq!(
            (&without.id, &without.distribution, &without.signers, numbered_paragraphs(&without)),
            (&with.id, &with.distribution, &with.signers, numbered_paragraphs(&with)),
            "{file}"
        );
        let unknown: Vec<&str> = without.unknown.iter().map(|u| u.text.as_str()).collect();
        assert!(unknown.is_empty(), "{file}: {unknown:?}");
    }
}

/// `PlusD`'s copy of a 1970s telegram (the fixture) with its line breaks lost: its caption in
/// capitals runs on into paragraph 1 with one space (`SUBJ: GREEK REACTION TO TURKISH OIL
/// EXPLORATION 1. GREEK GOVERNMENT…`), which begins the body since paragraph 2 follows. It reads
/// as with its breaks: ID, subject, signer, numbered paragraphs, and the page's metadata from its
/// rows. Before, the subject took both paragraphs and the signer was lost; the rows stayed one
/// line not understood, the page's metadata unread.
#[test]
fn a_plusd_copy_of_the_1970s_with_its_line_breaks_lost() {
    let (with, without) = fixture_joined("container-plusd-text.txt");
    assert_eq!(
        (&without.id, &without.subject, &without.signers, numbered_paragraphs(&without)),
        (&with.id, &with.subject, &with.signers, numbered_paragraphs(&with))
    );
    // The page's metadata rows, run together with their tabs, are a row each: the page's own
    // reading, its title and the site's name its chrome, no line of them left not understood.
    let page = |c: &Cable| c.page.as_ref().map(|p| (p.id.clone(), p.created.clone(), p.current_classification.clone()));
    assert_eq!(page(&without), page(&with));
    let rows: Vec<&str> = without.unknown.iter().map(|u| u.text.as_str()).filter(|t| t.contains('\t')).collect();
    assert!(rows.is_empty(), "{rows:?}");
}

/// `PlusD`'s copy (the fixtures: its text, its page) in the other shapes a reader's copy takes:
/// each label over its value (as a browser copies the page's cells, blank lines between or none),
/// with its tabs lost as well as its breaks, and the page saved with its metadata in a table, a
/// `<dl>` or `<div>`s and no `text-content` around the telegram, under a navigation and over a
/// footer named by their classes. Each reads as the fixture does: ID, date, classification,
/// subject, TAGS, signer, numbered paragraphs, the page's metadata; no line not understood.
/// Before: with a label over each value, 40 TAGS (the page's rows read as the telegram's TAGS),
/// or with blank lines between, nothing of the telegram; with tabs lost, no ID and 40 TAGS;
/// saved in a table or `<div>`s, nothing of the telegram; in a `<dl>`, no signer (the footer's
/// `Next | Previous` under it); the page copied whole from the browser, no signer (its footer
/// joined to the last paragraph across the end marks), and so when run together on one line.
#[test]
fn plusd_copies_in_other_shapes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok");
    let text = std::fs::read_to_string(dir.join("container-plusd-text.txt")).expect("a fixture");
    let page = std::fs::read_to_string(dir.join("container-plusd-page.html")).expect("a fixture");
    let fields = |c: &Cable| {
        let meta = c.page.as_ref().map(|p| (p.id.clone(), p.created.clone(), p.current_classification.clone()));
        let head = (&c.id, &c.date, c.classification, &c.subject, &c.tags);
        format!("{:?}", (head, &c.signers, numbered_paragraphs(c), meta))
    };
    let want = fields(&cable::parse(&text));
    let rows = |from: &str, to: &str| {
        let start = page.find(from).expect("the metadata");
        let end = page[start..].find(to).map(|k| start + k + to.len()).expect("its end");
        (start, end)
    };
    let (start, end) = rows("<table id=\"synopsis\">", "</table>");
    let in_cells = |open: &str, close: &str, label: &str, value: &str| {
        let mut out = open.to_owned();
        for row in page[start..end].split("<tr>").skip(1) {
            let cells: Vec<&str> = row.split("<td>").skip(1).map(|c| c.split("</td>").next().unwrap_or("")).collect();
            out += &label.replace('@', cells[0]);
            out += &value.replace('@', cells[1]);
        }
        out + close
    };
    // The fixture's page with its metadata so, and no `text-content` class around the telegram.
    let saved =
        |metadata: String| format!("{}{metadata}{}", &page[..start], &page[end..]).replace("text-content", "content");
    let shapes = [
        ("a label over its value", text.replace('\t', "\n")),
        ("a label over its value, blank lines between", text.replace('\t', "\n\n")),
        ("tabs and breaks lost", text.split_whitespace().collect::<Vec<_>>().join(" ")),
        ("saved, a table", saved(page[start..end].to_owned())),
        ("saved, a <dl>", saved(in_cells("<dl>", "</dl>", "<dt>@</dt>", "<dd>@</dd>"))),
        ("saved, <div>s", saved(in_cells("<div>", "</div>", "<div class=\"row\"><div>@</div>", "<div>@</div></div>"))),
        ("the page copied whole", copied_from_the_browser(&page)),
        (
            "the page copied whole, run together",
            copied_from_the_browser(&page).split_whitespace().collect::<Vec<_>>().join(" "),
        ),
    ];
    for (shape, copy) in shapes {
        let read = cable::parse(&copy);
        assert_eq!(fields(&read), want, "{shape}");
        let unknown: Vec<&str> = read.unknown.iter().map(|u| u.text.as_str()).collect();
        assert!(unknown.is_empty(), "{shape}: {unknown:?}");
    }
}

/// The archive's record of a telegram as `PlusD` and the National Archives show it under the
/// text (`Message Attributes`, then `Label: value` rows, or the rows of a table copied with
/// tabs), for the telegram `id`.
fn archive_record(id: &str, tabs: bool) -> String {
    let rows = [
        ("Automatic Decaptioning", "X"),
        ("Capture Date", "01 JAN 1994"),
        ("Channel Indicators", "n/a"),
        ("Current Classification", "UNCLASSIFIED"),
        ("Concepts", "NEGOTIATIONS, TOURISM"),
        ("Draft Date", "13 MAY 1975"),
        ("Decaption Note", ""),
        ("Disposition Action", "RELEASED"),
        ("Film Number", "D750168-0123"),
        ("From", "GENEVA"),
        ("Locator", "TEXT ON-LINE, ON MICROFILM"),
        ("Message ID", id),
        ("Original Classification", "CONFIDENTIAL"),
        ("Review Markings", ""),
        ("", "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005"),
        ("Subject", "TOURISM PAPER"),
        ("TAGS", "PFOR, CSCE"),
        ("To", "STATE"),
        ("Type", "TE"),
    ];
    let sep = if tabs { "\t" } else { ": " };
    let lines = rows.iter().map(|(label, value)| {
        if label.is_empty() { (*value).to_owned() } else { format!("{label}{sep}{value}").trim_end().to_owned() }
    });
    format!("\n\n{}\n{}\n", if tabs { "Metadata" } else { "Message Attributes" }, lines.collect::<Vec<_>>().join("\n"))
}

/// The 84 telegrams with the archive's record under them, as `PlusD` and the National Archives
/// show them ([`archive_record`]): each reads as without it (its signer, its numbered
/// paragraphs, its lines not understood), and the record is the page's metadata, its message
/// ID among it. Before, the record's rows ran on as text after the last paragraph, or made the
/// signature a heading: 84 of 84 read otherwise.
#[test]
fn national_archives_telegrams_under_their_record() {
    let mut wrong = Vec::new();
    for (file, text, with, _) in cases("nara-1970s") {
        let id = file.trim_end_matches(".txt");
        for tabs in [false, true] {
            let copy = format!("{}{}", text.trim_end(), archive_record(id, tabs));
            let read = cable::parse(&copy);
            common::assert_every_line_accounted(&file, &copy, &read);
            let same = read.signers == with.signers
                && numbered_paragraphs(&read) == numbered_paragraphs(&with)
                && read.unknown.len() == with.unknown.len()
                && read.page.as_ref().and_then(|p| p.id.as_deref()) == Some(id);
            if !same {
                wrong.push(format!("{file} (tabs: {tabs})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} read otherwise: {wrong:?}", wrong.len());
}

/// The 201 pages of 2010 with their line breaks lost, as a PDF's text or a database export gives
/// them: every line of the text joined to the next by one space, or by two. Read so, each page
/// must give the header it gives with its breaks (the export of New Delhi's cables above ran fields
/// together with two spaces; a PDF's text layer joins with one, and `¶1.`, headings, bullets,
/// page headers and addressees without routing indicators run on).
#[test]
fn corpus_pages_with_their_line_breaks_lost() {
    let fields: [(&str, Field, f64); 8] = [
        ("id", |c| format!("{:?}", c.id), 0.99),
        ("date", |c| format!("{:?}", c.date), 0.99),
        ("classification", |c| format!("{:?}", c.classification), 0.99),
        ("origin", |c| format!("{:?}", c.origin), 0.99),
        ("tags", |c| c.tags.join(" ").to_ascii_uppercase(), 0.99),
        // 201/201 since DERIVED FROM ends a subject glued to it.
        ("subject", |c| c.subject.as_deref().unwrap_or_default().to_ascii_uppercase(), 0.995),
        // The name after the last words, and after the post's classified website run on
        // (`…index.c fm Stapleton`, `…a factor. JEFFREY “Visit Ankara's Classified Web Site at …”`):
        // 199/201 joined by a space (183 before the website was read so, a section marker before
        // the name in any case and without its part number, and a lone `.` after the name).
        ("signers", |c| c.signers.join(" ").to_ascii_uppercase(), 0.985),
        // The keyword written twice (`Classified By: Classified by IO/DAS…`, `Classified By: (U)
        // CLASSIFIED BY…`) is one field: 200/201 joined by a space (193 before; 199 while the
        // comma before a cut `re asons` was left on the name), 201 by two; the other holds a name
        // a wrap cut in two (`Y oung`), which a copy joined by a space cannot mend.
        ("classified by", |c| format!("{:?}", c.classified_by), 0.995),
    ];
    for joint in [" ", "  "] {
        let mut scores: Vec<Score> = fields.iter().map(|_| Score { right: 0, total: 0 }).collect();
        let (mut paragraphs, mut wrong) = (Score { right: 0, total: 0 }, Vec::new());
        let mut numbered = Score { right: 0, total: 0 };
        let mut titles = Score { right: 0, total: 0 };
        for (name, page) in common::corpus_pages() {
            let text = cable::source_text(&page);
            let joined = joined(&text, joint);
            let (with, without) = (cable::parse(&page), cable::parse(&joined));
            if with.serial.is_none() && with.transmission.is_none() {
                continue; // An extract with no header: nothing to compare.
            }
            common::assert_every_line_accounted(&name, &joined, &without);
            for ((label, field, _), score) in fields.iter().zip(&mut scores) {
                score.total += 1;
                if field(&with) == field(&without) {
                    score.right += 1;
                } else {
                    wrong.push(format!("{name} {label}: {} / {}", field(&with), field(&without)));
                }
            }
            // Paragraphs are told apart by their numbers and marks, headings, bullets.
            let count = |c: &Cable| c.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>();
            paragraphs.total += 1;
            paragraphs.right += usize::from(count(&without) * 10 >= count(&with) * 8);
            // Each numbered paragraph is found by its number, withheld ones skipped over
            // (`¶1.` then `¶3.`) and a date a pilcrow stands before (`November ¶16.`) no paragraph.
            let numbers = |c: &Cable| -> Vec<u32> {
                c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect()
            };
            let found = numbers(&without);
            numbered.total += numbers(&with).len();
            numbered.right += numbers(&with).iter().filter(|n| found.contains(n)).count();
            // Each section's title, its rule left out (the page's own titles keep a rule the
            // page set on the title's line: `Comment: Stay Tuned! -----`).
            let found = section_titles(&without);
            titles.total += section_titles(&with).len();
            titles.right += section_titles(&with).iter().filter(|t| found.contains(t)).count();
        }
        println!("joined by {joint:?}: {wrong:?}");
        for ((label, _, floor), score) in fields.iter().zip(&scores) {
            println!("  {label}: {}/{}", score.right, score.total);
            assert!(score.share() >= *floor, "joined by {joint:?}, {label}: {}/{}", score.right, score.total);
        }
        println!("  paragraphs (four in five found): {}/{}", paragraphs.right, paragraphs.total);
        println!("  numbered paragraphs found: {}/{}", numbered.right, numbered.total);
        // Before withheld paragraphs were skipped over: 2,037 of 2,138 (95.3 %); now 2,127 (99.5 %).
        assert!(
            numbered.share() >= 0.99,
            "joined by {joint:?}: numbered paragraphs {}/{}",
            numbered.right,
            numbered.total
        );
        assert!(paragraphs.share() >= 0.8, "joined by {joint:?}: paragraphs {}/{}", paragraphs.right, paragraphs.total);
        println!("  section titles found: {}/{}", titles.right, titles.total);
        // A heading over its rule, run on, is as long as the rule: 643 and 632 of 792 (378 and 365
        // when a heading had to follow a sentence's end and hold no mark of its own).
        assert!(titles.share() >= 0.79, "joined by {joint:?}: section titles {}/{}", titles.right, titles.total);
    }
}

/// A cable's section titles, their rules and runs of spaces left out.
fn section_titles(c: &Cable) -> Vec<String> {
    let title = |t: &str| t.trim_end_matches(['-', ' ']).split_whitespace().collect::<Vec<_>>().join(" ");
    c.sections.iter().filter_map(|s| s.title.as_deref()).map(title).collect()
}

/// The 201 pages as a source other than the 2010 viewer writes them (no pilcrow before a
/// paragraph's number: the telegram's own `1. (C)`) with their line breaks lost, as a database
/// export gives them: each paragraph's number is found where its portion mark follows it, after
/// a sentence's end, a closing quote mark, or a heading run on before it (`…End Summary.
/// Reaching out to the Regions 2. (SBU) The Ambassador…`, `//DEFENSE MINISTER ON CHINA ARMS
/// EMBARGO// 2. (C)`, `…XXXXXXXXXXXX 6. (S//NF)`); a paragraph cited (`para 2. (C)`) is none.
#[test]
fn corpus_pages_without_pilcrows_with_their_line_breaks_lost() {
    let mut numbered = Score { right: 0, total: 0 };
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let copy = joined(&text.replace('¶', ""), " ");
        let (with, without) = (cable::parse(&page), cable::parse(&copy));
        common::assert_every_line_accounted(&name, &copy, &without);
        let numbers = |c: &Cable| -> Vec<u32> {
            c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect()
        };
        let found = numbers(&without);
        numbered.total += numbers(&with).len();
        numbered.right += numbers(&with).iter().filter(|n| found.contains(n)).count();
    }
    println!("numbered paragraphs found: {}/{}", numbered.right, numbered.total);
    // 2,014 of 2,100 (1,851 before a marked number after a heading or a closing quote mark was
    // one); those left are mostly paragraphs a page numbers twice (`¶10.` over a page break).
    assert!(numbered.share() >= 0.95, "numbered paragraphs {}/{}", numbered.right, numbered.total);
}

/// The 201 pages lower-cased whole, as some copies and exports give them: each gives the header,
/// signers and numbered paragraphs its capitals give (names and page headers are told by their
/// capitals only where the text has any).
#[test]
fn corpus_pages_lower_cased() {
    corpus_pages_in_one_case("lower-cased", &|t| t.to_ascii_lowercase(), 0.97);
}

/// The 201 pages in capitals, as cables of the years before mixed case were written and as a
/// tool that shouts gives them: every field as in mixed case, the signer under the post's
/// website in capitals too (`VISIT PARIS' CLASSIFIED WEBSITE AT: HTTP://…/INDEX.C FM` /
/// `STAPLETON`, `…/INDEX. CFM TUTTLE`: 189 of 194 before its address was told in capitals, 193 now).
#[test]
fn corpus_pages_in_capitals() {
    corpus_pages_in_one_case("in capitals", &|t| t.to_uppercase(), 0.99);
}

fn corpus_pages_in_one_case(shape: &str, change: &dyn Fn(&str) -> String, signers_floor: f64) {
    let fields: [(&str, Field); 8] = [
        ("id", |c| format!("{:?}", c.id)),
        ("date", |c| format!("{:?}", c.date)),
        ("classification", |c| format!("{:?}", c.classification)),
        ("origin", |c| format!("{:?}", c.origin).to_ascii_uppercase()),
        ("tags", |c| c.tags.join(" ").to_ascii_uppercase()),
        ("subject", |c| c.subject.as_deref().unwrap_or_default().to_ascii_uppercase()),
        ("reasons", |c| c.reasons.join(" ").to_ascii_uppercase()),
        ("paragraph numbers", |c| {
            format!("{:?}", c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect::<Vec<_>>())
        }),
    ];
    let mut scores: Vec<Score> = fields.iter().map(|_| Score { right: 0, total: 0 }).collect();
    let (mut signers, mut unread) = (Score { right: 0, total: 0 }, 0);
    let mut wrong = Vec::new();
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let lower = change(&text);
        let (with, without) = (cable::parse(&text), cable::parse(&lower));
        common::assert_every_line_accounted(&name, &lower, &without);
        // The signers the capitals give are found (a name glued under the text in mixed case,
        // `Beyrle`, is found lower-cased only: nothing tells it from the text's last words).
        if !with.signers.is_empty() {
            signers.total += 1;
            let found = without.signers.iter().map(|s| s.to_ascii_uppercase()).collect::<Vec<_>>();
            signers.right += usize::from(with.signers.iter().all(|s| found.contains(&s.to_ascii_uppercase())));
        }
        // The envelope and caption are read, not left as lines not understood.
        unread += without.unknown.len().saturating_sub(with.unknown.len());
        for ((label, field), score) in fields.iter().zip(&mut scores) {
            score.total += 1;
            if field(&with) == field(&without) {
                score.right += 1;
            } else {
                wrong.push(format!("{name} {label}: {} / {}", field(&with), field(&without)));
            }
        }
    }
    println!("{shape}: {wrong:?}");
    for ((label, _), score) in fields.iter().zip(&scores) {
        println!("  {label}: {}/{}", score.right, score.total);
    }
    println!(
        "  signers found: {}/{}; lines not understood that the capitals read: {unread}",
        signers.right, signers.total
    );
    // Before the parser read a lower-cased copy's shapes in capitals: signers 0/121, paragraph
    // numbers 151/201, 2,505 envelope lines not understood. Now 119, 188 and none; 192 since a
    // numbered paragraph cut by a blank line mid-sentence is one again in capitals too (178
    // before in capitals, now 183: `…EMPLOYEES AT` / `LONDON'S HEATHROW…`).
    for ((label, _), score) in fields.iter().zip(&scores) {
        let floor = if *label == "paragraph numbers" { 0.9 } else { 0.99 };
        assert!(score.share() >= floor, "{shape}, {label}: {}/{}", score.right, score.total);
    }
    // 180/184 today (119/121 at the stop's start): the four left are mixed-case surnames under
    // the text, which a lower-cased copy cannot tell from its last words.
    assert!(signers.share() >= signers_floor, "{shape}, signers: {}/{}", signers.right, signers.total);
    assert_eq!(unread, 0, "{shape}: lines not understood");
}

/// The 201 pages as a copy that kept their paragraphs apart but ran the lines of each together
/// gives them: a web page that set the text in paragraphs instead of `<pre>`, a word processor,
/// an e-mail that reflowed it. Each block the page sets apart with a blank line is one line (its
/// envelope, its caption fields `E.O. … TAGS: … SUBJECT: …`, a heading with its rule and the
/// paragraph under it, paragraphs with no blank line between them, the signature after the last
/// words), as text, as an HTML page of `<p>` elements, and wrapped again at an e-mail's 72
/// columns and at a PDF's 100 (its fields and paragraphs then begin mid-line and end on the next).
/// Before: TAGS 35/201, subjects 36/201, IDs 148/201, numbered paragraphs in 164/201 as with the
/// page's breaks; wrapped again (before its width was told) at 72 columns, IDs 62/201 and TAGS
/// 82/201, at 100 IDs 141/201, and at either one page read as no cable at all.
#[test]
fn corpus_pages_with_their_paragraphs_flowed() {
    let fields: [(&str, Field, f64); 10] = [
        // 201/201 since a web page's date line run on into the caption is broken off.
        ("id", |c| format!("{:?}", c.id), 0.995),
        ("date", |c| format!("{:?}", c.date), 0.99),
        ("classification", |c| format!("{:?}", c.classification), 0.99),
        ("origin", |c| format!("{:?}", c.origin), 0.995),
        ("tags", |c| c.tags.join(" "), 0.99),
        ("subject", |c| c.subject.clone().unwrap_or_default(), 0.99),
        ("references", |c| format!("{:?}", c.references.iter().map(|r| &r.id).collect::<Vec<_>>()), 0.99),
        ("classified by", |c| format!("{:?}", c.classified_by), 0.98),
        // 201/201 (of 201 where the page itself reads six more since its post's classified
        // website is no heading, nor hides the name after it): the website run on is set apart,
        // its address's pieces with it (`index.c fm Stapleton`), and a name before a stray full
        // stop (`KENNARD .`) read.
        ("signers", |c| c.signers.join(" "), 0.995),
        // 198/201, and better than the page in two (its own paragraphs run on there).
        ("numbered paragraphs", numbered_paragraphs, 0.97),
    ];
    let text_copy = |text: &str| blocks(text).join("\n\n");
    // Each block wrapped again at `width` columns, as an e-mail (72) or a PDF of a page (100) does.
    let wrap = |text: &str, width: usize| {
        blocks(text).iter().map(|block| common::wrap(block, width)).collect::<Vec<_>>().join("\n\n")
    };
    let email = |text: &str| wrap(text, 72);
    let pdf = |text: &str| wrap(text, 100);
    let html_copy = |text: &str| {
        let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let paragraphs: String =
            blocks(text).iter().flat_map(|b| ["<p>".to_owned(), escape(b), "</p>\n".to_owned()]).collect();
        format!("<!DOCTYPE html><html><body>\n{paragraphs}</body></html>")
    };
    let shapes = [
        ("flowed as text", &text_copy as &dyn Fn(&str) -> String),
        ("flowed as <p>", &html_copy),
        ("flowed as text wrapped again at 72 columns", &email),
        ("flowed as text wrapped again at 100 columns", &pdf),
    ];
    for (shape, change) in shapes {
        read_alike(shape, &fields, change);
    }
    // Narrower than the telegram's 69 columns, as a PDF's column, an e-mail at 60 or a phone's
    // screen wraps it: no line is long, and only the header's fields begin inside lines. Before:
    // IDs 19 (50 columns) and 106 (60) of 201, 47 at 40; one page not read as a cable at all.
    for width in [40, 50, 60, 65] {
        read_alike(&format!("flowed as text wrapped again at {width} columns"), &fields, &|text| wrap(text, width));
    }
}

/// The 201 pages with their blank lines lost (a copy from a viewer that sets paragraphs apart
/// by their margins, not by blank lines): each field read as the page reads it. Before, four
/// signatures were lost above the post's classified website glued under them (`…is a factor.` /
/// `JEFFREY` / `"Visit Ankara's Classified Web Site at http://…"`).
#[test]
fn corpus_pages_with_their_blank_lines_lost() {
    let fields: [(&str, Field, f64); 9] = [
        ("id", |c| format!("{:?}", c.id), 1.0),
        ("classification", |c| format!("{:?}", c.classification), 1.0),
        ("tags", |c| c.tags.join(" "), 1.0),
        ("subject", |c| c.subject.clone().unwrap_or_default(), 1.0),
        ("references", |c| format!("{:?}", c.references.iter().map(|r| &r.id).collect::<Vec<_>>()), 1.0),
        ("classified by", |c| format!("{:?}", c.classified_by), 1.0),
        // 200/201: 10BRASILIA108's `END COMMENT.` / `SHANNON Shannon`, a name written twice in
        // two cases, is no signature glued under a sentence.
        ("signers", |c| c.signers.join(" "), 0.995),
        // 201/201: a list's items under a paragraph (`1) Joint Staff Talks…`, 09MOSCOW2754)
        // are no numbered paragraphs, with a blank line above them or none.
        ("numbered paragraphs", numbered_paragraphs, 0.99),
        // 182/201 (120 before): a heading stands between a sentence's end and a numbered
        // paragraph (`…End Summary.` / `Reaching out to the Regions` / `¶2. (SBU)`), or over a
        // rule that is its own; a paragraph's last line over the rules of the next heading is
        // the paragraph's (`…End summary.` / `-----` / `Evo: The seasoned…` / `-----`), and a
        // heading under `Classified By` ends it.
        ("section titles", |c| section_titles(c).join(" | "), 0.9),
    ];
    read_alike("blank lines lost", &fields, &|text| {
        text.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
    });
}

/// The 201 pages flowed a block to a line and wrapped again at 50 columns with their blank lines
/// lost (a narrow column, a mail client's wrap): the caption's telegram number wraps onto a line
/// of its own (`C O N F I D E N T I A L SECTION 01 OF 02 MADRID` / `000961`). Given from the
/// caption on, as other sources give them (no envelope), 135 of 201 kept their classification
/// and post: with `SIPDIS` under it, the caption was set aside as a page's lines above the
/// telegram. Now 199 (the other two wrap elsewhere).
#[test]
fn corpus_pages_wrapped_narrow_with_their_blank_lines_lost() {
    let fields: [(&str, Field, f64); 2] = [
        ("classification", |c| format!("{:?}", c.classification), 0.98),
        ("origin", |c| format!("{:?}", c.origin), 0.98),
    ];
    read_alike("wrapped at 50 columns, blank lines lost", &fields, &|text| {
        // As other sources give the text: from its caption on (no envelope, no viewer's note).
        let blocks = blocks(text);
        let caption = |b: &String| {
            let glued = b.replace(' ', "");
            ["UNCLAS", "CONFIDENTIAL", "SECRET", "TOPSECRET", "LIMITEDOFFICIAL"].iter().any(|w| glued.starts_with(w))
        };
        let from = blocks.iter().position(caption).unwrap_or(0);
        blocks[from..].iter().map(|b| common::wrap(b, 50)).collect::<Vec<_>>().join("\n")
    });
}

/// `line` without the paragraph number and portion mark it opens with (`¶2. (SBU) `, `10. `).
fn unnumbered(line: &str) -> &str {
    let rest = line.trim_start_matches('¶');
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(after) = (1..=2).contains(&digits).then(|| &rest[digits..]).and_then(|r| r.strip_prefix(". ")) else {
        return line;
    };
    let after = after.trim_start();
    let marked = after
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(m, _)| m.len() <= 6 && m.bytes().all(|b| b.is_ascii_uppercase() || b == b'/'));
    marked.map_or(after, |(_, r)| r.trim_start())
}

/// The 201 pages with their paragraphs unnumbered (as many cables are, and every cable's first
/// paragraphs may be) and their blank lines lost: the body's first sentence right under
/// `Classified By` or the references. Before, the field went on over the whole body, and 83 of
/// the 201 copies showed less than four fifths of the page's body (the rest held as the field's);
/// now 200 (a 1970s telegram's `(C - ENTIRE TEXT)` ends its SUBJECT too). And the field reads as on
/// the page.
#[test]
fn corpus_pages_unnumbered_with_their_blank_lines_lost() {
    let words = |c: &Cable| {
        c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.split_whitespace().count()).sum::<usize>()
    };
    let (mut kept, mut fields, mut lost) = (0, 0, Vec::new());
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let copy = text.lines().filter(|l| !l.trim().is_empty()).map(unnumbered).collect::<Vec<_>>().join("\n");
        let (with, without) = (cable::parse(&text), cable::parse(&copy));
        common::assert_every_line_accounted(&name, &copy, &without);
        if words(&without) * 5 >= words(&with) * 4 {
            kept += 1;
        } else {
            lost.push(name);
        }
        fields += usize::from(
            with.classified_by == without.classified_by && with.references.len() == without.references.len(),
        );
    }
    println!(
        "unnumbered, blank lines lost: body kept in {kept}/201, Classified By and references {fields}/201; lost: {lost:?}"
    );
    assert!(kept >= 198, "body kept in {kept}/201: {lost:?}");
    assert!(fields >= 198, "Classified By and references read as on the page in {fields}/201");
}

/// The 201 pages as a PDF's text layer gives them when the cable was printed as it is (its
/// lines kept, 60 to a page): the blank lines lost, as a text extractor that places lines by
/// their positions loses them, and each page's number (`Page 2 of 3`) on a line of its own
/// under its last line. Headings, signers and numbered paragraphs read as on the page.
#[test]
fn corpus_pages_in_a_pdfs_text_layer_without_blank_lines() {
    let fields: [(&str, Field, f64); 5] = [
        ("id", |c| format!("{:?}", c.id), 1.0),
        ("subject", |c| c.subject.clone().unwrap_or_default(), 1.0),
        ("signers", |c| c.signers.join(" "), 0.995),
        ("numbered paragraphs", numbered_paragraphs, 0.99),
        // 182/201 (120 before), as with the blank lines lost alone.
        ("section titles", |c| section_titles(c).join(" | "), 0.9),
    ];
    read_alike("a PDF's text layer", &fields, &|text| {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let pages = lines.len().div_ceil(60);
        let mut out = Vec::new();
        for (k, page) in lines.chunks(60).enumerate() {
            out.extend(page.iter().map(|l| (*l).to_owned()));
            out.push(format!("Page {} of {pages}", k + 1));
        }
        out.join("\n")
    });
}

/// A PDF's text of a cable: its paragraphs flowed and wrapped again at 80 columns, each page
/// closed by its number (`Page 2`, or `- 2 -` between dashes, as a word processor's footer
/// sets it) and a form feed. The number at the foot of the last page stood under the signature:
/// before, 7 of the 201 pages kept their signers (the number was joined to the text's last
/// line, `…End comment. Beyrle Page 3`, and no name ends a line that does not end the text),
/// and 5 of the 84 National Archives telegrams.
#[test]
fn corpus_pages_in_a_pdfs_text_with_its_page_numbers() {
    let pdf = |text: &str, footer: &dyn Fn(usize) -> String| -> String {
        let flowed: Vec<String> = blocks(text).iter().map(|b| common::wrap(b, 80)).collect();
        let lines: Vec<&str> = flowed.iter().flat_map(|b| b.lines().chain([""])).collect();
        let mut out = Vec::new();
        for (k, page) in lines.chunks(55).enumerate() {
            out.extend(page.iter().map(|l| (*l).to_owned()));
            out.push(footer(k + 1));
            out.push("\u{c}".to_owned());
        }
        out.join("\n")
    };
    let fields: [(&str, Field, f64); 4] = [
        ("id", |c| format!("{:?}", c.id), 1.0),
        ("subject", |c| c.subject.clone().unwrap_or_default(), 1.0),
        ("signers", |c| c.signers.join(" "), 1.0),
        // 197/201: the four read otherwise read better: the pages themselves run a paragraph's
        // number on inside the line before it (07SANTIAGO983's `2. (C)`, 10MADRID154's `6.
        // (S//NF)`, 08BRASILIA1396's `10.`, 09KABUL4182's `13. (U)`), which the copy finds.
        ("numbered paragraphs", numbered_paragraphs, 0.98),
    ];
    read_alike("a PDF's text, `Page N`", &fields, &|text| pdf(text, &|n| format!("Page {n}")));
    read_alike("a PDF's text, `- N -`", &fields, &|text| pdf(text, &|n| format!("- {n} -")));
    let mut otherwise = Vec::new();
    for (file, text, with, _) in cases("nara-1970s") {
        let copy = pdf(&text, &|n| format!("Page {n}"));
        let read = cable::parse(&copy);
        common::assert_every_line_accounted(&file, &copy, &read);
        if read.signers != with.signers {
            otherwise.push(format!("{file}: {:?}", read.signers));
        }
    }
    assert!(otherwise.is_empty(), "{} read otherwise: {otherwise:?}", otherwise.len());
}

/// The repository's own fixtures of other shapes (a 1970s telegram with its `PAGE 01` header and
/// distribution, a State Department print-out, an old dual precedence `P R 281848Z DEC 66`, a
/// State cable to all posts ending `CLINTON BT NNNN`, …) flowed a block to a line: each reads as
/// with its breaks (ID, classification, origin, TAGS, subject, references, signers, numbered
/// paragraphs). Before: 5 of the 15 read otherwise (the envelope run on into `FM` after its
/// date-time group, a caption block of three fields under 60 bytes, the print-out's labels, the
/// envelope's closing marks after the signature).
#[test]
fn fixtures_flowed_a_block_to_a_line() {
    fixtures_read_alike("flowed", &|text| blocks(text).join("\n\n"));
}

/// The same fixtures with every line break lost: joined by a space or two, or with every run of
/// white space one space (a `PlusD` page's text that lost its tabs too). Before: 2 of the 21
/// read otherwise (a body of two paragraphs shorter than a long line read as one paragraph; the
/// `PlusD` copy lost its ID and read the page's rows as TAGS); and a print-out of two pages
/// joined (`…TOMORROW. CONFIDENTIAL PAGE 02 ATHENS 02959 171630Z 3. COMMENT: …`) lost its
/// paragraph 3 into paragraph 2.
#[test]
fn fixtures_with_their_line_breaks_lost() {
    fixtures_read_alike("joined by a space", &|text| joined(text, " "));
    fixtures_read_alike("joined by two spaces", &|text| joined(text, "  "));
    fixtures_read_alike("white space collapsed", &|text| text.split_whitespace().collect::<Vec<_>>().join(" "));
}

/// Each of the repository's `.txt` fixtures reads as `change` makes it as with its breaks: ID,
/// classification, origin, TAGS, subject, references, signers, numbered paragraphs.
fn fixtures_read_alike(shape: &str, change: &dyn Fn(&str) -> String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("a fixture").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{} fixtures", files.len());
    let fields = |c: &Cable| {
        let numbers: Vec<u32> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
        let references: Vec<_> = c.references.iter().map(|r| &r.id).collect();
        let signers: Vec<String> = c.signers.iter().map(|s| s.to_ascii_uppercase()).collect();
        let subject = c.subject.as_deref().map(str::to_ascii_uppercase);
        format!("{:?}", ((&c.id, c.classification, &c.origin, &c.tags, subject), (references, signers, numbers)))
    };
    let mut wrong = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a fixture");
        let changed = change(&text);
        let (with, without) = (cable::parse(&text), cable::parse(&changed));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        common::assert_every_line_accounted(&name, &changed, &without);
        if fields(&with) != fields(&without) {
            wrong.push(format!("{name}: {} / {}", fields(&with), fields(&without)));
        }
    }
    assert!(wrong.is_empty(), "{shape} fixtures read otherwise: {wrong:#?}");
}

/// The 201 pages lower-cased as well as run together, as an export made for text mining gives
/// them: every line joined by a space, or each block of lines flowed to one. The header reads as
/// in capitals (its fields are told by their shapes in capitals, the breaks made in the text as
/// it is). Before: IDs 16/201 joined, 30/201 flowed.
#[test]
fn corpus_pages_lower_cased_with_their_line_breaks_lost() {
    let fields: [(&str, Field, f64); 6] = [
        ("id", |c| format!("{:?}", c.id), 0.99),
        ("date", |c| format!("{:?}", c.date), 0.99),
        ("classification", |c| format!("{:?}", c.classification), 0.99),
        ("origin", |c| format!("{:?}", c.origin), 0.99),
        ("tags", |c| c.tags.join(" ").to_ascii_uppercase(), 0.99),
        ("subject", |c| c.subject.as_deref().unwrap_or_default().to_ascii_uppercase(), 0.99),
    ];
    read_alike("lower-cased, joined", &fields, &|text| joined(text, " ").to_lowercase());
    read_alike("lower-cased, flowed", &fields, &|text| blocks(text).join("\n\n").to_lowercase());
}

/// The 201 pages with spaces and line breaks of other kinds, as copies give them: every space
/// no-break (a word processor's, some PDFs'), every second space of a pair no-break (an HTML
/// e-mail's `&nbsp; `), and every line break a line separator (U+2028, an editor's or an
/// export's); with a PDF's ligatures and a page's soft hyphens. Each reads as the page does.
/// Before: 1 of 201 read its classification with every space no-break, 182 found their
/// numbered paragraphs with `&nbsp; `.
#[test]
fn corpus_pages_with_spaces_of_other_kinds() {
    let every = |t: &str| t.replace(' ', "\u{a0}");
    let pairs = |t: &str| t.replace("  ", "\u{a0} ");
    let separators = |t: &str| t.replace('\n', "\u{2028}");
    // Line breaks of other systems: Windows', old Macs', and Windows' converted again by a tool
    // that wrote each `\n` as `\r\n` (`\r\r\n`: before, read as two breaks, 107 of 201 kept
    // their subject, 129 their Classified By, 153 their references).
    let windows = |t: &str| t.replace('\n', "\r\n");
    let mac = |t: &str| t.replace('\n', "\r");
    let twice = |t: &str| t.replace('\n', "\r\r\n");
    // A fixed-width export's: every line padded with spaces to 80 columns (before, 114 of 201 were
    // taken for a text wrapped again at 80, and 64 of them read otherwise).
    let padded = |t: &str| t.split('\n').map(|l| format!("{l:80}")).collect::<Vec<_>>().join("\n");
    // A PDF's text layer with its ligatures (`Classiﬁed By`: before, 34 of 201 kept their
    // Classified By, 195 their signers), and a page's soft hyphens inside its longer words
    // (`Clas&shy;sified`: 27 and 178).
    let ligatures = |t: &str| t.replace("fi", "\u{fb01}").replace("fl", "\u{fb02}").replace("ff", "\u{fb00}");
    let soft_hyphens = |t: &str| {
        t.split(' ')
            .map(|w| if w.len() > 6 && w.is_ascii() { format!("{}\u{ad}{}", &w[..3], &w[3..]) } else { w.to_owned() })
            .collect::<Vec<_>>()
            .join(" ")
    };
    read_as_the_page(
        &[
            ("no-break", &every as &dyn Fn(&str) -> String),
            ("&nbsp; ", &pairs),
            ("line separators", &separators),
            ("\\r\\n", &windows),
            ("\\r", &mac),
            ("\\r\\r\\n", &twice),
            ("padded to 80 columns", &padded),
            ("a PDF's ligatures", &ligatures),
            ("soft hyphens", &soft_hyphens),
        ],
        &as_is,
    );
}

/// The 201 pages as an e-mail quotes them (`> ` before every line) and as a PDF's text layer
/// double-spaces them (a blank line after every line): each reads as the page does. (Double-
/// spaced, 10STATE7810's long `-- …` points that touch were taken for a web copy's paragraphs,
/// one blank line apart, and the text left double-spaced: its subject, reference and
/// paragraphs read otherwise.)
#[test]
fn corpus_pages_quoted_or_double_spaced() {
    let fields: [(&str, Field, f64, f64); 7] = [
        ("id", |c| format!("{:?}", c.id), 1.0, 1.0),
        ("date", |c| format!("{:?}", c.date), 1.0, 1.0),
        ("classification", |c| format!("{:?}", c.classification), 1.0, 1.0),
        ("origin", |c| format!("{:?}", c.origin), 1.0, 1.0),
        ("subject", |c| c.subject.clone().unwrap_or_default(), 1.0, 1.0),
        ("signers", |c| c.signers.join(" "), 1.0, 1.0),
        (
            "paragraphs",
            |c| format!("{:?}", c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect::<Vec<_>>()),
            1.0,
            1.0,
        ),
    ];
    let quote = |text: &str| text.split('\n').flat_map(|l| ["> ", l, "\n"]).collect::<String>();
    // Quoted twice, under the e-mail's own header lines, which are not (before, 0 of 201 lost
    // their quote marks: the first lines had to carry them).
    let under_header = |text: &str| {
        let quoted: String = text.split('\n').flat_map(|l| [">> ", l, "\n"]).collect();
        format!(
            "From: Jane Analyst <jane@example.org>\nSent: Tuesday, March 2, 2010 9:14 AM\nSubject: FW: cable\n\n{quoted}"
        )
    };
    let double = |text: &str| text.split('\n').collect::<Vec<_>>().join("\n\n");
    let shapes: [(&str, &Change<'_>); 3] =
        [("quoted", &quote), ("quoted under the e-mail's header", &under_header), ("double-spaced", &double)];
    for (shape, change) in shapes {
        let mut scores: Vec<Score> = fields.iter().map(|_| Score { right: 0, total: 0 }).collect();
        let mut wrong = Vec::new();
        for (name, page) in common::corpus_pages() {
            let text = cable::source_text(&page);
            let changed = change(&text);
            let (with, without) = (cable::parse(&text), cable::parse(&changed));
            common::assert_every_line_accounted(&name, &changed, &without);
            for ((label, field, ..), score) in fields.iter().zip(&mut scores) {
                score.total += 1;
                if field(&with) == field(&without) {
                    score.right += 1;
                } else {
                    wrong.push(format!("{name} {label}"));
                }
            }
        }
        println!("{shape}: {wrong:?}");
        for ((label, _, quoted, doubled), score) in fields.iter().zip(&scores) {
            println!("  {label}: {}/{}", score.right, score.total);
            let floor = if shape.starts_with("quoted") { *quoted } else { *doubled };
            assert!(score.share() >= floor, "{shape}, {label}: {}/{}", score.right, score.total);
        }
    }
}

/// The 201 pages printed from a browser to PDF and copied from the PDF's text, a page every 50
/// lines: the time and title at the top of each page and the address and count at its foot, on
/// one line each (`12/3/10, 10:40 AM\tCable 09ROME1196`, `https://…html\t2/4`), on two
/// (a PDF's text may set each part on a line of its own), and as Firefox prints them (`Page 2
/// of 4`). Every field and paragraph reads as without them, and they are set aside as page
/// furniture. Before: 168 of 201 had a margin inside a paragraph, one had it in its TAGS.
#[test]
fn corpus_pages_printed_from_a_browser() {
    let print = |name: &str, text: &str, shape: &str| -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        let pages = lines.len().div_ceil(50);
        let address = format!("https://wikileaks.org/cable/2009/01/{name}.html");
        let top = |page: usize| match shape {
            "one line" => vec![format!("12/3/10, 10:{:02} AM\tCable {name}", 40 + page % 20)],
            "two lines" => vec![format!("12/03/2010, 22:{:02}", 40 + page % 20), format!("Cable {name}")],
            _ => vec![],
        };
        let foot = |page: usize| match shape {
            "one line" => vec![format!("{address}\t{page}/{pages}")],
            "two lines" => vec![address.clone(), format!("{page}/{pages}")],
            _ => vec![format!("Page {page} of {pages}")],
        };
        let mut out = Vec::new();
        for (page, chunk) in lines.chunks(50).enumerate() {
            out.extend(top(page + 1));
            out.extend(chunk.iter().map(|l| (*l).to_owned()));
            out.extend(foot(page + 1));
        }
        out.join("\n")
    };
    for shape in ["one line", "two lines", "Firefox"] {
        let mut wrong = Vec::new();
        for (name, page) in common::corpus_pages() {
            let text = cable::source_text(&page);
            let printed = print(&name, &text, shape);
            let (with, without) = (cable::parse(&text), cable::parse(&printed));
            common::assert_every_line_accounted(&name, &printed, &without);
            if reading(&with) != reading(&without) {
                wrong.push(name.clone());
            }
            let margins = printed.lines().count() - text.lines().count();
            let set_aside = without.removed.iter().filter(|r| r.kind == cable::model::Debris::PageHeader).count()
                - with.removed.iter().filter(|r| r.kind == cable::model::Debris::PageHeader).count();
            assert_eq!(set_aside, margins, "{shape}, {name}: the margins set aside as page furniture");
        }
        assert!(wrong.is_empty(), "{shape}: {} read otherwise: {wrong:?}", wrong.len());
    }
}

/// The 201 pages with their line breaks written out, as an export's field copied raw gives them:
/// `\n` (JSON or CSV, quotes and backslashes escaped too), `&#10;` (XML or HTML, `&` and `<`
/// escaped too) and `<br>`. Each reads as the page does. Before: not one was read as a cable.
#[test]
fn corpus_pages_with_their_line_breaks_written_out() {
    let json = |t: &str| format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"));
    let xml = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('\n', "&#x000A;");
    let markup = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('\n', "<br>");
    for (shape, write) in [("\\n", &json as &dyn Fn(&str) -> String), ("&#x000A;", &xml), ("<br>", &markup)] {
        let mut wrong = Vec::new();
        for (name, page) in common::corpus_pages() {
            let text = cable::source_text(&page);
            let written = write(&text);
            let (with, without) = (cable::parse(&text), cable::parse(&written));
            common::assert_every_line_accounted(&name, &written, &without);
            // Spans index the text as read, its breaks restored.
            let read = cable::source_text(&written);
            assert!(
                without.spans.iter().all(|s| s.span.end <= read.len()
                    && read.is_char_boundary(s.span.start)
                    && read.is_char_boundary(s.span.end)),
                "{shape}, {name}: a span outside the text read"
            );
            if reading(&with) != reading(&without) {
                wrong.push(name.clone());
            }
            assert!(
                without.diagnostics.iter().any(|d| d.kind == cable::model::DiagnosticKind::WrittenLineBreaks),
                "{shape}, {name}: no diagnostic"
            );
        }
        assert!(wrong.is_empty(), "{shape}: {} read otherwise: {wrong:?}", wrong.len());
    }
}

/// `text` as its sections were sent, each a message of its own with its envelope and caption,
/// copied one after another: where the page has a section marker (`DUBLIN 00001020 002 OF 003`),
/// the last section's close (`BT`, `#1020`, `NNNN`) and the next one's envelope (`DE RUEHDL
/// #1020/02 …`) and caption (`… SECTION 02 OF 03 DUBLIN 001020`). `None` for a page of one
/// section or without its envelope.
fn sections_sent_apart(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let de = lines.iter().position(|l| l.starts_with("DE R") && l.contains("/01 "))?;
    let caption = lines.iter().position(|l| l.contains("SECTION 01 OF "))?;
    let start = lines[..de].iter().rposition(|l| l.starts_with("VZCZC")).unwrap_or(de);
    let (head, tail) = lines[caption].trim_end().split_once("SECTION 01 OF ")?;
    let (total, post) = tail.split_once(' ')?;
    let serial = lines[de].split('#').nth(1)?.split('/').next()?;
    let mut out = Vec::new();
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        let section = match words[..] {
            [.., number, "OF", _] if number.len() == 3 && words.len() >= 4 => number.parse::<u32>().ok(),
            _ => None,
        };
        let Some(k) = section.filter(|&k| k >= 2) else {
            out.push((*line).to_owned());
            continue;
        };
        out.extend(["BT".to_owned(), format!("#{serial}"), String::new(), "NNNN".to_owned(), String::new()]);
        out.extend(lines[start..caption].iter().map(|l| l.replace("/01 ", &format!("/{k:02} "))));
        out.push(format!("{head}SECTION {k:02} OF {total} {post}"));
    }
    (out.len() > lines.len()).then(|| out.join("\n"))
}

/// The pages of more than one section as their sections were sent, each a message of its own
/// ([`sections_sent_apart`]): the later sections' envelopes are set aside as section markers, and
/// each page reads as it does (a paragraph a section cut goes on across the envelope). Before,
/// every later envelope was read as a paragraph of text: 83 of 83 read otherwise.
#[test]
fn corpus_pages_with_their_sections_sent_apart() {
    let (mut wrong, mut total) = (Vec::new(), 0);
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let Some(apart) = sections_sent_apart(&text) else { continue };
        total += 1;
        let (with, without) = (cable::parse(&text), cable::parse(&apart));
        common::assert_every_line_accounted(&name, &apart, &without);
        if reading(&with) != reading(&without) {
            wrong.push(name);
        }
    }
    println!("sections sent apart: {} of {total} read otherwise: {wrong:?}", wrong.len());
    assert!(total >= 40, "pages of several sections with their envelope: {total}");
    // 10CARACAS163's heading under its section marker, with no blank line above it, was read
    // into the paragraph above it on the page (a page break's continuation) and as a heading
    // under an envelope: it is a heading in both now.
    assert!(wrong.is_empty(), "{} of {total} read otherwise: {wrong:?}", wrong.len());
}

/// The 201 pages pasted two by two, one after the other (each page and the next), as they are
/// and from their caption on (copied without their envelopes): the first reads as alone, and
/// the second's lines, from its envelope or its caption on, are set aside and said so, the
/// warning naming the second's post. Before, the second's paragraphs ran on as the first's and
/// its signer was taken for the first's (every pair); the warning named a routing indicator
/// (`RUCNDT #0078`). Without envelopes, a first page that gives its header alone, no subject
/// nor numbered paragraph, is not compared (one pair).
#[test]
fn corpus_pages_pasted_two_by_two() {
    let pages: Vec<(String, String)> =
        common::corpus_pages().into_iter().map(|(name, page)| (name, cable::source_text(&page).into_owned())).collect();
    // From the caption line on: the first line that opens with a classification and ends in a
    // number.
    let from_caption = |text: &str| {
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let words = line.trim();
            let class = ["C O N F", "S E C R E T", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED"];
            if class.iter().any(|c| words.starts_with(c)) && words.ends_with(|c: char| c.is_ascii_digit()) {
                return Some(text[at..].to_owned());
            }
            at += line.len();
        }
        None
    };
    for enveloped in [true, false] {
        let (mut compared, mut wrong) = (0, Vec::new());
        for pair in pages.windows(2) {
            let ((name, first), (_, second)) = (&pair[0], &pair[1]);
            let (first, second) = if enveloped {
                if !second.lines().any(|l| l.trim_start().starts_with("DE R")) {
                    continue;
                }
                (first.clone(), second.clone())
            } else {
                let (Some(first), Some(second)) = (from_caption(first), from_caption(second)) else { continue };
                (first, second)
            };
            let alone = cable::parse(&first);
            if !enveloped && alone.subject.is_none() && numbered_paragraphs(&alone) == "[]" {
                continue;
            }
            let both = format!("{}\n\n{second}", first.trim_end());
            let read = cable::parse(&both);
            common::assert_every_line_accounted(name, &both, &read);
            compared += 1;
            // Named by its post, or by its sender where its envelope and caption disagree
            // (10MEXICO614's envelope over Islamabad's caption).
            let second = cable::parse(&second);
            let names: Vec<String> = [second.origin, second.from].into_iter().flatten().collect();
            let names_it = |message: &str| names.iter().any(|n| message.contains(n.as_str()));
            let told = read
                .diagnostics
                .iter()
                .any(|d| d.kind == cable::model::DiagnosticKind::SecondCable && names_it(&d.message));
            if reading(&alone) != reading(&read) || !told {
                wrong.push(name.clone());
            }
        }
        assert!(compared > 150, "{compared} pairs compared");
        assert!(wrong.is_empty(), "enveloped {enveloped}: {} of {compared} read otherwise: {wrong:?}", wrong.len());
    }
}

/// A page's text as a browser copies it whole (select all, copy): every element's text in order,
/// block elements on lines of their own, a table's cells apart by tabs, white space collapsed
/// but inside `<pre>`; scripts and styles left out; character references decoded (those the
/// pages use).
fn copied_from_the_browser(page: &str) -> String {
    const BLOCKS: [&str; 20] = [
        "div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "table", "br", "pre", "dl", "dt", "dd", "form",
        "hr", "header", "footer",
    ];
    let mut out = String::new();
    let (mut rest, mut pre, mut skip) = (page, 0usize, false);
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        if !skip {
            if pre > 0 {
                out.push_str(text);
            } else {
                // Each run of white space one space.
                let mut space = false;
                for c in text.chars() {
                    if c.is_whitespace() {
                        space = true;
                    } else {
                        if space && !out.ends_with([' ', '\n', '\t']) {
                            out.push(' ');
                        }
                        space = false;
                        out.push(c);
                    }
                }
                if space && !out.ends_with([' ', '\n', '\t']) {
                    out.push(' ');
                }
            }
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = rest[1..gt].to_ascii_lowercase();
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        match name.as_str() {
            "script" | "style" => skip = !closing,
            "pre" if closing => pre = pre.saturating_sub(1),
            "pre" => pre += 1,
            "td" | "th" if !closing => out.push('\t'),
            _ => {}
        }
        if BLOCKS.contains(&name.as_str()) && !(closing && name == "br") {
            out.push('\n');
        }
    }
    // Numeric references (`&#x000A;`, `&#39;`), then the named ones.
    let mut decoded = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = after.strip_prefix(['x', 'X']).map_or((after, 10), |hex| (hex, 16));
        let end = digits.find(';').filter(|&end| end <= 8);
        if let Some(c) = end.and_then(|end| u32::from_str_radix(&digits[..end], radix).ok()).and_then(char::from_u32) {
            decoded.push(c);
            rest = &digits[end.unwrap_or(0) + 1..];
        } else {
            decoded.push_str("&#");
            rest = after;
        }
    }
    decoded.push_str(rest);
    let decoded = decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    decoded.replace("&amp;", "&")
}

/// The 201 pages copied whole from the browser (select all, copy, paste): the viewer's
/// navigation, its lists of posts and dates, its introduction and its table over the telegram,
/// then the telegram. Each reads as the page does (every field a reader sees), the table's
/// values as the page's metadata, the lines above the telegram set aside as the page's. Before:
/// 0 of 201 kept their classification or a numbered paragraph (the header was looked for at the
/// top, among the navigation, and the body began there).
#[test]
fn corpus_pages_copied_whole_from_the_browser() {
    let (mut wrong, mut joined_wrong) = (Vec::new(), Vec::new());
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, page) in common::corpus_pages() {
        let copy = copied_from_the_browser(&page);
        let (with, read) = (cable::parse(&page), cable::parse(&copy));
        common::assert_every_line_accounted(&name, &copy, &read);
        let meta = |c: &Cable| c.page.as_ref().map(|m| (m.id.clone(), m.classification.clone(), m.origin.clone()));
        if reading(&with) != reading(&read) || meta(&with) != meta(&read) {
            wrong.push(name.clone());
        }
        // Then run together on one line (a scraper's text of the page): as the page's own text
        // run together reads, ~10 KB of menus before its envelope or caption. Before: 0 of 201
        // read as a cable.
        let (joined, page_joined) = (flat(&copy), flat(&cable::source_text(&page)));
        let read = cable::parse(&joined);
        common::assert_every_line_accounted(&name, &joined, &read);
        if reading(&cable::parse(&page_joined)) != reading(&read) {
            joined_wrong.push(name);
        }
    }
    assert!(wrong.is_empty(), "{} of 201 read otherwise: {wrong:?}", wrong.len());
    assert!(joined_wrong.is_empty(), "run together, {} of 201 read otherwise: {joined_wrong:?}", joined_wrong.len());
}

/// The 201 pages forwarded in an e-mail, its header lines above the telegram and its sender's
/// sign-off under it (a signature after `-- `, or a phone's `Sent from my iPhone`): the
/// telegram's fields and signature are read as without them, and the e-mail's lines are set
/// aside as the copy's. (Before the sign-offs were known, 188 of 201 lost their signature to
/// either.)
#[test]
fn corpus_pages_forwarded_in_an_e_mail() {
    let mail = "From: Jane Analyst <jane@example.org>\nSent: Tuesday, March 2, 2010 9:14 AM\nTo: Research Team\n\
                Subject: FW: the cable for tomorrow\n\nSee below.\n\n-----Original Message-----\n\n";
    let sign_offs = ["\n\n-- \nJane Analyst\nResearch Desk, Example Institute\n", "\n\nSent from my iPhone\n"];
    let (mut same, mut total) = (0, 0);
    for ((name, page), sign_off) in common::corpus_pages().into_iter().zip(sign_offs.iter().cycle()) {
        let text = cable::source_text(&page);
        let forwarded = format!("{mail}{}{sign_off}", text.trim_end());
        let (with, without) = (cable::parse(&text), cable::parse(&forwarded));
        common::assert_every_line_accounted(&name, &forwarded, &without);
        let fields = |c: &Cable| {
            (c.id.clone(), c.classification, c.origin.clone(), c.tags.clone(), c.subject.clone(), c.from.clone())
        };
        total += 1;
        same += usize::from(fields(&with) == fields(&without) && with.signers == without.signers);
        let set_aside = without.removed.iter().filter(|r| r.kind == cable::model::Debris::Container).count();
        assert_eq!(set_aside, 6, "{name}: the e-mail's lines set aside");
    }
    // Before, the e-mail's From, To and Subject were read as a print-out's: 0 of 201 kept their
    // classification, origin and subject.
    assert_eq!(same, total, "forwarded: {same}/{total} read as without the e-mail");
}

/// The 201 pages as a chat, an issue or a note pastes them (in a Markdown code fence, with a line
/// above and a question under it) and as a forum quotes them (`[quote]` and `[/quote]` glued to
/// the first and last words): each reads as the page does, the question kept as a paragraph of
/// its own after the telegram's. Before, 185 of 201 lost their signature in a fence (to the
/// fence's closing line, or to the question), and 9 their ID to the glued `[quote]`.
#[test]
fn corpus_pages_pasted_in_a_chat_or_a_forum() {
    let question = "What do you make of paragraph 2?";
    let fenced = |t: &str| format!("Here is the cable:\n\n```text\n{}\n```\n\n{question}\n", t.trim_end());
    let tildes = |t: &str| format!("~~~\n{}\n~~~\n", t.trim_end());
    let quoted = |t: &str| format!("[quote=\"a reader\"]{}[/quote]", t.trim());
    // The question is the asker's, under the telegram: set aside before the readings are
    // compared. (A page whose text stops in its header has no paragraph for it to follow:
    // 06KABUL3934's ends in its pass-through lines, which take the question too; not compared.)
    let without_question = |shape: &str, name: &str, with: &Cable, without: &mut Cable| {
        if !shape.ends_with("question") {
            return true;
        }
        if with.sections.iter().all(|s| s.paragraphs.is_empty()) {
            return false;
        }
        let last = without.sections.last_mut().and_then(|s| s.paragraphs.pop());
        assert_eq!(last.map(|p| p.text).as_deref(), Some(question), "{name}: the question");
        without.sections.retain(|s| !s.paragraphs.is_empty() || s.title.is_some());
        true
    };
    read_as_the_page(
        &[("fenced, with a question", &fenced as &dyn Fn(&str) -> String), ("~~~", &tildes), ("[quote]", &quoted)],
        &without_question,
    );
}

/// The 84 National Archives telegrams (a body with no header, an archive's trailer under it)
/// pasted as a chat or an issue pastes them, in a Markdown code fence with a line above and a
/// question under it, and in a bare fence: each keeps its signer and its numbered paragraphs,
/// the question a paragraph of its own after the telegram's. Before, 79 of 84 in the chat read
/// otherwise (their signer lost to the question: a fence opened under the chat's words was not
/// taken to close the telegram), and 2 in a bare fence (the paragraphs before a second
/// section's header not read as the body's).
#[test]
fn national_archives_telegrams_pasted_in_a_chat() {
    let question = "What do you make of paragraph 2?";
    let mut otherwise = Vec::new();
    for (file, text, with, _) in cases("nara-1970s") {
        let chat = format!("Here is the cable:\n\n```\n{}\n```\n\n{question}\n", text.trim_end());
        let bare = format!("```\n{}\n```\n", text.trim_end());
        // Forwarded in an e-mail: its header lines above the body (before, 2 of 84 lost the
        // paragraphs above a second section's header: the text no longer opened with paragraph 1).
        let mail = format!("From: Jane Analyst <jane@example.org>\nSent: Monday\nSubject: FW: cable\n\n{text}");
        // Under a line of the chat's words, no fence; under a database page's label (before,
        // the same 2 of 84 lost those paragraphs).
        let words = format!("Here is the cable:\n\n{text}");
        let label = format!("Message Text\n{text}");
        for (shape, copy) in
            [("chat", chat), ("fence", bare), ("e-mail", mail), ("words above", words), ("label", label)]
        {
            let read = cable::parse(&copy);
            common::assert_every_line_accounted(&file, &copy, &read);
            let mut paragraphs = read.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str());
            let asked = shape != "chat" || paragraphs.next_back() == Some(question);
            if read.signers != with.signers || numbered_paragraphs(&read) != numbered_paragraphs(&with) || !asked {
                otherwise.push(format!("{file} ({shape}): {:?}", read.signers));
            }
        }
    }
    assert!(otherwise.is_empty(), "{} read otherwise: {otherwise:?}", otherwise.len());
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F, as the WHATWG encoding standard gives
/// them (the five it leaves out stand for their own code points).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The 201 pages as files in other encodings, read as bytes (as `cable parse`, a dropped file
/// and `parse_many` read them): saved by Windows as "Unicode" (UTF-16, little-endian with its
/// mark, big-endian without), saved in Windows-1252; and pasted after a database or a page took
/// their UTF-8 for Windows-1252 or Latin-1 (`Â¶1.`, `â€™`). Each reads as the page does. Before,
/// no UTF-16 file was read (each refused as binary), and in the others 198 of 201 lost their
/// paragraph numbers (`¶` unreadable, or `Â¶`). And with its `&`, `"` and `'` written out as
/// character references (`&amp;`, `&quot;`, `&#39;`), as an export or a scraper leaves them.
#[test]
fn corpus_pages_in_other_encodings() {
    let high = |c: char| WINDOWS_1252_HIGH.iter().position(|&h| h == c).map(|k| 0x80 + u8::try_from(k).unwrap());
    // Windows-1252 has no `?`-free spelling of every character: those become `?`, in the page too.
    let to_1252 = |c: char| match u32::from(c) {
        0..=0x7f | 0xa0..=0xff => u8::try_from(u32::from(c)).unwrap(),
        _ => high(c).unwrap_or(b'?'),
    };
    let from_1252 =
        |b: u8| if (0x80..0xa0).contains(&b) { WINDOWS_1252_HIGH[usize::from(b - 0x80)] } else { char::from(b) };
    let mut wrong = Vec::new();
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let reference = reading(&cable::parse(&text));
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (shape, bytes) in [("UTF-16LE with its mark", le), ("UTF-16BE", be)] {
            if reading(&cable::parse_bytes(&bytes)) != reference {
                wrong.push(format!("{name} {shape}"));
            }
        }
        let windows: Vec<u8> = text.chars().map(to_1252).collect();
        let as_1252: String = windows.iter().copied().map(from_1252).collect();
        if reading(&cable::parse_bytes(&windows)) != reading(&cable::parse(&as_1252)) {
            wrong.push(format!("{name} Windows-1252"));
        }
        let misread_1252: String = text.bytes().map(from_1252).collect();
        let misread_latin1: String = text.bytes().map(char::from).collect();
        // Character references an export or a scraper wrote out in plain text (before, 189 of 201
        // kept their Classified By, `Charge d&#39;Affaires`, 199 their signers and references).
        let references = text.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&#39;");
        for (shape, misread) in [
            ("UTF-8 read as Windows-1252", misread_1252),
            ("as Latin-1", misread_latin1),
            ("with its character references written out", references),
        ] {
            let cable = cable::parse(&misread);
            common::assert_every_line_accounted(&name, &misread, &cable);
            if reading(&cable) != reference {
                wrong.push(format!("{name} {shape}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} read otherwise: {wrong:?}", wrong.len());
}

/// The 201 pages whose pilcrows were lost on their way: `?` where a copy's encoding had no `¶`
/// (ASCII), `�` where a lossy conversion dropped it, its entity written out where an export
/// escaped it (`&para;`, `&#182;`). Each reads as the page does, and says so. Before, 198 of 201
/// lost their paragraph numbers to each, and the `?` lost 32 pages' references (`?B. MADRID
/// 919` ended the REF block) and 5 classifiers.
#[test]
fn corpus_pages_that_lost_their_pilcrows() {
    let stand_ins = ["?", "\u{fffd}", "&para;", "&#182;"];
    let copies: Vec<(String, Box<Change<'_>>)> = stand_ins
        .iter()
        .map(|&s| (format!("¶ as {s}"), Box::new(move |text: &str| text.replace('¶', s)) as Box<Change<'_>>))
        .collect();
    let shapes: Vec<(&str, &Change<'_>)> = copies.iter().map(|(shape, change)| (shape.as_str(), &**change)).collect();
    read_as_the_page(&shapes, &as_is);
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        if !text.contains("¶1.") {
            continue;
        }
        for s in stand_ins {
            let said = cable::parse(&text.replace('¶', s))
                .diagnostics
                .iter()
                .any(|d| d.kind == cable::DiagnosticKind::Encoding);
            assert!(said, "{name}: its ¶ as {s}, and not said");
        }
    }
}

/// The 201 pages with a number before every line, as a PDF with numbered lines (`12 text`),
/// `cat -n` (blank lines numbered too) and `nl` (blank lines not) give them: each reads as the
/// page does. Before, 191 of 201 read as no cable at all. And the 1970s telegrams by `nl`.
#[test]
fn corpus_pages_with_numbered_lines() {
    let number = |text: &str, width: usize, gap: &str, blank_too: bool| {
        let mut n = 0;
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                if line.trim().is_empty() && !blank_too {
                    return String::new();
                }
                n += 1;
                format!("{n:width$}{gap}{line}")
            })
            .collect();
        lines.join("\n")
    };
    let pdf = |t: &str| number(t, 1, " ", true);
    let cat = |t: &str| number(t, 6, "\t", true);
    let nl = |t: &str| number(t, 6, "\t", false);
    read_as_the_page(&[("a PDF's", &pdf as &dyn Fn(&str) -> String), ("cat -n", &cat), ("nl", &nl)], &as_is);
    // The National Archives' telegrams, some of a few lines only, as `nl` lists them (before,
    // 30 of 84 read as no cable).
    let dir = common::corpus_dir().join("outside-dev/nara-1970s");
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("nara-1970s") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("a file")).into_owned();
        if reading(&cable::parse(&text)) != reading(&cable::parse(&nl(&text))) {
            wrong.push(path.display().to_string());
        }
    }
    assert!(wrong.is_empty(), "nl, 1970s: {} read otherwise: {wrong:?}", wrong.len());
}

/// The 201 pages as another site shows them, without `<pre>`: among the site's navigation,
/// header and footer, the lines ended by `<br>` (and the markup's own line breaks after each),
/// a paragraph to a `<p>` in a `<blockquote>`, or the text in a `<textarea>`. Each reads as the
/// page does. Before, 200 of 201 read otherwise with `<br>` (the footer taken for the last
/// paragraph: 186 lost their signature; each line doubled: 94 their subject).
#[test]
fn corpus_pages_on_other_sites() {
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let site = |body: String| {
        format!(
            "<!DOCTYPE html><html><head><title>Cable</title><style>p {{ margin: 0 }}</style></head><body>\n\
             <header><h1>Cable mirror</h1></header><nav><a href='/'>Home</a> | <a href='/about'>About</a></nav>\n\
             <main>{body}</main>\n<aside>Related cables</aside><footer>Copyright 2011 Mirror Site</footer></body></html>"
        )
    };
    let lines = |t: &str| site(t.split('\n').map(escape).collect::<Vec<_>>().join("<br>\n"));
    let paragraphs = |t: &str| {
        let blocks: Vec<String> =
            t.split("\n\n").map(|b| format!("<p>{}</p>", escape(b).replace('\n', "<br>"))).collect();
        site(format!("<blockquote>{}</blockquote>", blocks.concat()))
    };
    let text_box = |t: &str| site(format!("<form><textarea>{}</textarea><button>Copy</button></form>", escape(t)));
    read_as_the_page(
        &[("<br>", &lines as &dyn Fn(&str) -> String), ("<p> in <blockquote>", &paragraphs), ("<textarea>", &text_box)],
        &as_is,
    );
}

/// The 84 National Archives telegrams as a site shows them under the page's title (`<h1>Central
/// Foreign Policy Files</h1>`, in the page's text), in a `<textarea>` or a `<div>` to a line: each
/// keeps its signer, and its numbered paragraphs but where a second section's header stands in
/// the text (its paragraphs before it are read only in a text that opens with paragraph 1).
/// Before, paragraph 1 ran on under the title as its text: 65 of the 168 copies lost it (98 read
/// their numbered paragraphs; 163 now).
#[test]
fn national_archives_telegrams_on_other_sites() {
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let (mut numbered, mut unsigned) = (Score { right: 0, total: 0 }, Vec::new());
    for (file, text, with, _) in cases("nara-1970s") {
        let title = "<h1>Central Foreign Policy Files</h1>";
        let text_box = format!("<html><body>{title}<textarea>{}</textarea></body></html>", escape(&text));
        let divs = text.split('\n').map(|l| ["<div>", &escape(l), "</div>"].concat()).collect::<String>();
        let lines = format!("<html><body>{title}{divs}</body></html>");
        for page in [text_box, lines] {
            let read = cable::parse(&page);
            if read.signers != with.signers {
                unsigned.push(file.clone());
            }
            numbered.total += 1;
            numbered.right += usize::from(numbered_paragraphs(&read) == numbered_paragraphs(&with));
        }
    }
    assert!(unsigned.is_empty(), "signers read otherwise: {unsigned:?}");
    println!("1970s telegrams on other sites: numbered paragraphs {}/{}", numbered.right, numbered.total);
    assert!(numbered.share() >= 0.95, "numbered paragraphs {}/{}", numbered.right, numbered.total);
}

/// The caption: the lines before the first numbered paragraph, as `change` makes them.
fn in_caption(text: &str, change: &dyn Fn(&str) -> String) -> String {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = line.trim_start();
        if start.starts_with("\u{b6}1") || start.starts_with("1.") {
            break;
        }
        at += line.len();
    }
    format!("{}{}", change(&text[..at]), &text[at..])
}

/// The caption's labels a scan's copy gives otherwise.
const LABELS: [&str; 7] = ["E.O. 12958:", "EO 12958:", "TAGS:", "SUBJECT:", "REF:", "Classified By:", "CLASSIFIED BY:"];

/// Whether a page reads its caption as text (09KHARTOUM881's, in lower case under its
/// paragraphs): a copy's changes there are read as text too.
fn caption_as_text(page: &Cable) -> bool {
    page.sections.iter().flat_map(|s| &s.paragraphs).any(|p| {
        let text = p.text.to_ascii_uppercase();
        text.contains("DECL:") || LABELS.iter().any(|l| text.contains(&l.to_ascii_uppercase()))
    })
}

/// The 201 pages with their caption's numbers as a scan's text may spell them, letters for
/// digits: `E.O. l2958`, `l.4 (b)`, `DECL: O8/O8/2O19`, the serial `OOO52O`. Each reads as the
/// page does, and says so. Before, 31 of 201 read otherwise (the order, the reasons, the
/// declassification date or the serial, and with it the ID, lost).
#[test]
fn corpus_pages_with_caption_numbers_read_from_a_scan() {
    // The caption's numbers with letters for digits: `E.O. l2958`, `l.4 (b)`, `DECL:
    // O8/O8/2O19`, the serial `OOO52O`.
    let letters = |t: &str| {
        in_caption(t, &|head| {
            let lines = head.split('\n').map(|line| {
                let mut line = line.replace("12958", "l2958").replace("1.4 (", "l.4 (").replace("1.4(", "l.4(");
                if let Some(at) = line.find("DECL: ") {
                    let date: String = line[at + 6..].chars().map(|c| if c == '0' { 'O' } else { c }).collect();
                    line = format!("{}{date}", &line[..at + 6]);
                }
                let caption =
                    ["CONFIDENTIAL", "SECRET", "UNCLAS", "C O N F", "S E C R E T"].iter().any(|w| line.starts_with(w));
                let last = line.trim_end().rsplit(' ').next().unwrap_or("");
                if caption && last.len() >= 4 && last.bytes().all(|b| b.is_ascii_digit()) {
                    let spelt = last.replace('0', "O");
                    line = format!("{}{spelt}", &line[..line.trim_end().len() - last.len()]);
                }
                line
            });
            lines.collect::<Vec<_>>().join("\n")
        })
    };
    read_as_the_page(&[("letters for digits", &letters)], &|_, _, page, _| !caption_as_text(page));
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let copy = letters(&text);
        if copy != *text && !caption_as_text(&cable::parse(&text)) {
            let said =
                cable::parse(&copy).diagnostics.iter().any(|d| d.kind == cable::DiagnosticKind::LettersForDigits);
            assert!(said, "{name}: its numbers spelled with letters, and not said");
        }
    }
}

/// `text` with its paragraphs' numbers as a scan may spell them, `l` for `1` and `O` for `0`:
/// after a pilcrow (`¶l.`, `¶lO.`) or before a portion mark (`lO. (C)`, `l.(SBU)`).
fn numbers_spelled_with_letters(text: &str) -> String {
    let lines = text.split('\n').map(|line| {
        let body = line.trim_start_matches('\u{b6}');
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let after = &body[digits..];
        // A portion mark: `(C)`, `(S/NF)`, `(SBU)` (not `(Comment: …`).
        let mark = after.strip_prefix(". (").or_else(|| after.strip_prefix(".(")).and_then(|r| r.split_once(')'));
        let mark = mark
            .is_some_and(|(m, _)| (1..=8).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_uppercase() || b == b'/'));
        let pilcrow = body.len() < line.len() && after.starts_with(". ");
        // A paragraph's number has one to three digits (a year a pilcrow stands before, `¶2007.`, none).
        if !(1..=3).contains(&digits) || !(mark || pilcrow) {
            return line.to_owned();
        }
        let spelled = body[..digits].replace('1', "l").replace('0', "O");
        format!("{}{spelled}{after}", &line[..line.len() - body.len()])
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The 201 pages' paragraph numbers spelled with letters as a scan may ([`numbers_spelled_with_letters`])
/// in a copy that lost its line breaks as well (`…End Summary. ¶l0. The talks…`): the numbered
/// paragraphs read as in the same copy with its digits. Before, 198 of 201 read otherwise (no
/// `¶l.` was found inside a line, and the paragraphs after it went with it).
#[test]
fn corpus_pages_read_from_a_scan_with_their_line_breaks_lost() {
    let mut wrong = Vec::new();
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        let spelled = numbers_spelled_with_letters(&text);
        let (digits, letters) = (joined(&text, " "), joined(&spelled, " "));
        let copy = cable::parse(&letters);
        common::assert_every_line_accounted(&name, &letters, &copy);
        if numbered_paragraphs(&cable::parse(&digits)) != numbered_paragraphs(&copy) {
            wrong.push(name);
        }
    }
    assert!(wrong.is_empty(), "{} read otherwise: {wrong:?}", wrong.len());
}

/// The 201 pages as the text layer of a scan gives them (a FOIA release's PDF, an archive's
/// print-out read by OCR), their caption spelled with a digit for a letter: `0` for `O` in
/// `C0NFIDENTIAL` (glued, or spaced as `C 0 N F I D E N T I A L`), `N0F0RN`, `E.0.` and `SECTION
/// 01 0F 03`, `1` for `I` and `L` in `UNCLASS1F1ED` and `UNC1AS`. Each reads as the page does,
/// and says what was read so. And paragraph numbers spelled with letters
/// ([`numbers_spelled_with_letters`]). Before, 80 of 201 read otherwise with `0` for `O` (an ID
/// lost to `0F`, an order to `E.0.`, a serial to `C 0 N F I D E N T I A L`), 6 with `1` for `I`,
/// 177 with the numbers before a portion mark, and 16 more with those after a pilcrow and no
/// mark (`¶l. Cariocas…`) or before a mark with no space (`l.(C)`). And the labels' colons read as semicolons (`SUBJECT; …`): before, 199 of 201 read otherwise (the
/// subject taken for TAGS, a declassification date or a classifier lost).
#[test]
fn corpus_pages_read_from_a_scan() {
    let zeros = |t: &str| {
        in_caption(t, &|head| {
            let head = head.replace("E.O.", "E.0.").replace("C O N F I D E N T I A L", "C 0 N F I D E N T I A L");
            let head = head.replace("CONFIDENTIAL", "C0NFIDENTIAL").replace("NOFORN", "N0F0RN");
            let words: Vec<&str> = head.split(' ').collect();
            let of = (0..words.len()).map(|k| {
                let number = |w: Option<&&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
                if words[k] == "OF" && k > 0 && number(words.get(k - 1)) && number(words.get(k + 1)) {
                    "0F"
                } else {
                    words[k]
                }
            });
            of.collect::<Vec<_>>().join(" ")
        })
    };
    let ones =
        |t: &str| in_caption(t, &|head| head.replace("UNCLASSIFIED", "UNCLASS1F1ED").replace("UNCLAS ", "UNC1AS "));
    let numbers = numbers_spelled_with_letters;
    // The caption's colons after its labels read as semicolons (`SUBJECT; …`, `DECL; …`).
    let semicolons = |t: &str| {
        in_caption(t, &|head| {
            let lines = head.split('\n').map(|line| {
                let line = LABELS
                    .iter()
                    .find(|l| line.starts_with(*l))
                    .map_or(line.to_owned(), |label| format!("{};{}", &label[..label.len() - 1], &line[label.len()..]));
                line.replace("DECL:", "DECL;")
            });
            lines.collect::<Vec<_>>().join("\n")
        })
    };
    read_as_the_page(
        &[
            ("0 for O", &zeros as &dyn Fn(&str) -> String),
            ("1 for I and L", &ones),
            ("numbers", &numbers),
            ("; for :", &semicolons),
        ],
        // A page that reads its caption as text: not compared.
        &|shape, _, page, _| shape != "; for :" || !caption_as_text(page),
    );
    // And each copy so changed says how it was read.
    for (name, page) in common::corpus_pages() {
        let text = cable::source_text(&page);
        for copy in [zeros(&text), ones(&text)].into_iter().filter(|copy| *copy != *text) {
            let said =
                cable::parse(&copy).diagnostics.iter().any(|d| d.kind == cable::DiagnosticKind::DigitsForLetters);
            assert!(said, "{name}: read from a scan, and not said");
        }
    }
}
