//! The cable parser: any text a user may paste or drop becomes a [`Cable`].
//!
//! Pure Rust: nothing here knows about the browser. Parsing never fails and
//! never panics; what it cannot read becomes a diagnostic and an `unknown`
//! line, so nothing the user pasted is silently dropped.

mod body;
mod builder;
pub mod container;
mod encoding;
pub mod fields;
mod header;
mod html;
mod layout;
mod lines;
pub mod model;
mod ocr;
mod reflow;
mod shapes;
pub mod stations;
pub mod vocab;

use std::borrow::Cow;

pub use container::{CsvItem, CsvProblem, CsvRecords, CsvStream, RecordEnd, record_end, starts_like_csv_row};
pub use model::*;

use builder::Builder;

/// Parses cable text, a saved cable web page, a row of `cables.csv` or a JSON record.
pub fn parse(input: &str) -> Cable {
    parse_source(input).0
}

/// [`parse`], and the text it read ([`source_text`]): what the spans index, and what a
/// search of the cable's words should read.
pub fn parse_source(input: &str) -> (Cable, Cow<'_, str>) {
    let mut source = read_source(input, true);
    let mut cable = {
        let lines = lines::split_lines(&source.text);
        if reflow::needs_reflow_lines(&source.text, lines.iter().map(|l| &source.text[l.span.start..l.span.end]))
            || reflow::caseless_needs_reflow(&source.text)
        {
            drop(lines);
            source.text = Cow::Owned(reflow::reflow(&source.text));
            source.notes.push(lost_line_breaks());
            parse_lines(lines::split_lines(&source.text))
        } else {
            parse_lines(lines)
        }
    };
    cable.input_format = source.format;
    if source.page.is_some() {
        cable.page = source.page;
    }
    // Whichever container gave it (a page, a row, a record, a text file's `refid:` line).
    if let Some(page) = cable.page.as_mut() {
        page.canonical_id = page.id.as_deref().and_then(stations::canonical_id).filter(|c| page.id.as_ref() != Some(c));
    }
    cable.diagnostics.splice(0..0, source.notes);
    if cable.page.is_some() {
        estimate_from_page(&mut cable);
    }
    (cable, source.text)
}

/// What the parser reads: the text (the input, or what its container holds), how it came,
/// the container's own metadata, and what was done to it.
struct Source<'a> {
    text: Cow<'a, str>,
    format: InputFormat,
    page: Option<PageMeta>,
    notes: Vec<Diagnostic>,
}

/// The diagnostic of a re-broken text.
fn lost_line_breaks() -> Diagnostic {
    Diagnostic {
        line: None,
        severity: Severity::Info,
        kind: DiagnosticKind::LostLineBreaks,
        message: "the line breaks were lost (a database, PDF or web copy): the text was broken again before each \
                  field and paragraph"
            .to_owned(),
    }
}

/// A pass over the text that gives it back as written, when it finds what a copy did to it.
type Undo = fn(&str) -> Option<String>;

/// What a copy's encoding did to the text, undone before it is read, each with its note.
const ENCODING_PASSES: [(Undo, &str); 3] = [
    (encoding::mojibake, "the text's UTF-8 had been read as Windows-1252 (`Â¶`, `â€™`): it was read as UTF-8 again"),
    // The paragraphs' pilcrows lost to a copy's encoding or written out (`?1. (C)`, `&para;1.`).
    (
        encoding::lost_pilcrows,
        "the paragraphs' ¶ had been lost to the copy's encoding or written out (`?1.`, `&para;1.`): read as ¶",
    ),
    (
        encoding::written_references,
        "character references were written out (`&#39;`, `&quot;`, `&amp;`: an export's or a scraper's): they were \
         read as the characters",
    ),
];

/// The input's text and container (not yet re-broken: `parse` decides that on its own split
/// of the lines, `source_text` on a pass of its own).
fn read_source(input: &str, with_meta: bool) -> Source<'_> {
    let note = |kind, message: String| Diagnostic { line: None, severity: Severity::Info, kind, message };
    let mut notes = Vec::new();
    let (text, format, page) = if html::looks_like_html(input) {
        let (text, page) = html::read_page(input, with_meta);
        (Cow::Owned(text), InputFormat::Html, page)
    } else if let Some(u) = container::looks_like_csv_row(input).then(|| container::unwrap_csv(input)).flatten() {
        if u.more_records > 0 {
            notes.push(note(
                DiagnosticKind::MoreRecords,
                format!("a row of cables.csv; the {} rows after it are not shown", u.more_records),
            ));
        }
        (Cow::Owned(u.text), InputFormat::Csv, Some(u.meta))
    } else if let Some(u) = container::looks_like_json(input).then(|| container::unwrap_json(input)).flatten() {
        (Cow::Owned(u.text), InputFormat::Json, Some(u.meta))
    } else {
        (Cow::Borrowed(input), InputFormat::Text, None)
    };
    let mut text = text;
    // Each in turn, the encoding's own first: UTF-8 decoded as Windows-1252 once or twice
    // (`Â¶1.`) is read again before the no-break spaces go, as `Â` and one of them are the bytes
    // of one.
    for (pass, message) in ENCODING_PASSES {
        if let Some(read) = pass(&text) {
            text = Cow::Owned(read);
            notes.push(note(DiagnosticKind::Encoding, message.to_owned()));
        }
    }
    if let Some(once) = layout::carriage_returns_doubled(&text) {
        text = Cow::Owned(once);
    }
    // No-break spaces and line separators read as the plain ones they stand for.
    if let Some(plain) = layout::plain_spaces(&text) {
        text = Cow::Owned(plain);
    }
    if let Some(unwrapped) = layout::bbcode_wrapped(&text) {
        text = Cow::Owned(unwrapped);
    }
    if let Some((restored, how)) = layout::written_breaks(&text) {
        text = Cow::Owned(restored);
        let written = match how {
            layout::WrittenBreaks::Escaped => "as `\\n` (a JSON or CSV export's field copied raw)",
            layout::WrittenBreaks::Entities => "as `&#10;` (an XML or HTML export)",
            layout::WrittenBreaks::Markup => "as `<br>` (a web page's markup copied as text)",
        };
        notes.push(note(
            DiagnosticKind::WrittenLineBreaks,
            format!("the line breaks were written out {written}: they were read as line breaks"),
        ));
    }
    if let Some(bare) = layout::line_numbers(&text) {
        text = Cow::Owned(bare);
        notes.push(note(
            DiagnosticKind::LineNumbers,
            "every line had its number before it (a PDF with numbered lines, a listing): the numbers were taken off"
                .to_owned(),
        ));
    }
    if let Some(unquoted) = layout::unquoted(&text) {
        text = Cow::Owned(unquoted);
        notes.push(note(
            DiagnosticKind::QuoteMarks,
            "every line was quoted (`> `, an e-mail's reply or forward): the quote marks were taken off".to_owned(),
        ));
    }
    if let Some(single) = layout::single_spaced(&text) {
        text = Cow::Owned(single);
        notes.push(note(
            DiagnosticKind::DoubleSpaced,
            "a blank line followed every line (a PDF's text): those blank lines were taken out, a paragraph's \
             break kept"
                .to_owned(),
        ));
    }
    if let Some(read) = ocr::digits_for_letters(&text) {
        text = Cow::Owned(read);
        notes.push(note(
            DiagnosticKind::DigitsForLetters,
            "caption words were spelled with digits for letters (`C0NFIDENTIAL`, `E.0.`: a scan's text): they were \
             read as the words"
                .to_owned(),
        ));
    }
    if let Some(read) = ocr::letters_for_digits(&text) {
        text = Cow::Owned(read);
        notes.push(note(
            DiagnosticKind::LettersForDigits,
            "numbers were spelled with letters for digits (`E.O. l2958`, `l.4 (b)`, `¶l0.`: a scan's text): they \
             were read as the numbers"
                .to_owned(),
        ));
    }
    Source { text, format, page, notes }
}

/// A saved page states the cable's date in its own metadata: where the text has no date-time
/// group, that beats an estimate from the declassification date (a term is not always 10 years).
fn estimate_from_page(cable: &mut Cable) {
    if cable.date.is_some() {
        return;
    }
    let Some(page) = &cable.page else { return };
    let year = page.created.as_deref().and_then(|c| c.get(..4)).and_then(|y| y.parse::<u16>().ok());
    if let (Some(year), Some(estimate)) = (year, cable.estimate.as_mut()) {
        if estimate.year != year {
            estimate.year = year;
            estimate.id.clone_from(&page.id);
            "the saved page's own metadata (its Created date)".clone_into(&mut estimate.basis);
        }
    }
}

/// Parses bytes from a file: invalid UTF-8 is replaced (with a diagnostic), and
/// a binary file is refused politely instead of being read as text.
pub fn parse_bytes(bytes: &[u8]) -> Cable {
    let Some((text, replaced)) = decode(bytes) else {
        let mut cable = Cable::default();
        cable.diagnostics.push(Diagnostic {
            line: None,
            severity: Severity::Error,
            kind: DiagnosticKind::Binary,
            message: "this looks like a binary file, not text: nothing was read as a cable".to_owned(),
        });
        return cable;
    };
    let mut cable = parse(&text);
    cable.diagnostics.splice(0..0, replaced);
    cable
}

/// A file's bytes as text: `None` for a binary file; otherwise the text and, when it was not
/// UTF-8, the diagnostic saying how it was read: UTF-16 (Windows' "Unicode") and Windows-1252
/// as what they are, invalid UTF-8 with the bad bytes replaced by `�`.
pub fn decode(bytes: &[u8]) -> Option<(Cow<'_, str>, Option<Diagnostic>)> {
    let note =
        |severity, kind, message: &str| Some(Diagnostic { line: None, severity, kind, message: message.to_owned() });
    // Before the test for binary: UTF-16 has a zero byte in every other place.
    if let Some(text) = encoding::utf16(bytes) {
        let message = "the file is UTF-16 (as Windows saves a \"Unicode\" text): it was read as such";
        return Some((Cow::Owned(text), note(Severity::Info, DiagnosticKind::Encoding, message)));
    }
    if looks_binary(bytes) {
        return None;
    }
    // Valid UTF-8 (nearly every file) is checked by the fast validator; only a file that
    // fails it is looked at again (4 % of `cable parse` otherwise).
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((Cow::Borrowed(text), None));
    }
    if encoding::is_windows_1252(bytes) {
        let message = "the file is not UTF-8 but Windows-1252 (Latin-1): it was read as such";
        return Some((
            Cow::Owned(encoding::windows_1252(bytes)),
            note(Severity::Info, DiagnosticKind::Encoding, message),
        ));
    }
    let message = "the file is not valid UTF-8; unreadable bytes were replaced with �";
    Some((String::from_utf8_lossy(bytes), note(Severity::Warning, DiagnosticKind::InvalidUtf8, message)))
}

/// The control characters (bytes below 0x20) among eight bytes, each marked by its high bit.
/// Bytes above the first marked one may be marked falsely (a borrow), the first never, and
/// without a control byte nothing is marked: so the lowest mark is the first control byte.
#[inline]
pub fn control_marks(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    word.wrapping_sub(ONES * 0x20) & !word & (ONES << 7)
}

/// Whether bytes are binary: NUL bytes or many control characters in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let is_control = |b: &&u8| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c);
    // Counted byte by byte only in the words that hold a byte below 0x20 (in text, the ones
    // with a line break): this runs over every input, and counting every byte was 5 % of
    // `cable parse` over `cables.csv`.
    let mut words = head.chunks_exact(8);
    let mut control = 0;
    for chunk in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if control_marks(u64::from_le_bytes(word)) != 0 {
            control += chunk.iter().filter(is_control).count();
        }
    }
    control += words.remainder().iter().filter(is_control).count();
    control * 10 > head.len().max(1)
}

/// The text the parser reads, which all spans index: the input itself, the cable text
/// extracted from a saved web page or another container, re-broken where line breaks were lost.
pub fn source_text(input: &str) -> Cow<'_, str> {
    let text = read_source(input, false).text;
    if reflow::needs_reflow(&text) { Cow::Owned(reflow::reflow(&text)) } else { text }
}

/// The lines of a source text as the parser numbers them (line `k + 1` is
/// item `k`), without their line breaks.
pub fn source_lines(text: &str) -> Vec<&str> {
    lines::split_lines(text).iter().map(|l| &text[l.span.start..l.span.end]).collect()
}

fn parse_lines(lines: Vec<lines::Line<'_>>) -> Cable {
    let mut p = Builder::new(lines);
    let header_end = header::parse_header(&mut p);
    let body_start = body::body_before_header(&mut p, header_end).unwrap_or(header_end);
    body::parse_body(&mut p, body_start, header_end);
    finish(&mut p);
    p.cable
}

/// Fields derived from several lines, fallbacks, and the `unknown` list.
fn finish(p: &mut Builder<'_>) {
    p.cable.date = p.date.map(|d| {
        // A print-out gives the day alone: no time of day is made up.
        if matches!(p.cable.date_source, Some(DateSource::Printout | DateSource::Edition)) {
            d.iso()[..10].to_owned()
        } else {
            d.iso()
        }
    });
    if p.cable.precedence.is_none() {
        p.cable.precedence = p.routing_precedence;
    }
    let from_station = p.cable.from.as_deref().map(station_of_originator);
    if p.cable.origin.is_none() {
        p.cable.origin.clone_from(&from_station);
    }
    if p.cable.classification.is_none() {
        let letters =
            p.cable.transmission.as_ref().and_then(|t| t.security.as_deref()).and_then(|s| s.split(' ').nth(1));
        let class = match letters.and_then(|l| l.bytes().next()) {
            Some(b'U') => Some(Classification::Unclassified),
            Some(b'C') => Some(Classification::Confidential),
            Some(b'S') => Some(Classification::Secret),
            Some(b'T') => Some(Classification::TopSecret),
            _ => None,
        };
        if class.is_some() {
            p.cable.classification = class;
            p.diag(
                None,
                Severity::Info,
                DiagnosticKind::ClassificationFromEnvelope,
                "no caption line: the classification comes from the security warning line".to_owned(),
            );
        }
    }
    if p.cable.classification.is_none() {
        classification_from_trailer(p);
    }
    noforn_from_portion_marks(p);
    if p.cable.classified_by.is_none() {
        classified_by_in_body(p);
    }
    build_id(p, from_station.as_deref());
    let has_header = p.cable.transmission.is_some() || p.cable.classification.is_some() || p.cable.subject.is_some();
    // A text that ends in a signature is a cable's body, as the National Archives give a 1970s
    // telegram (no header, often a single paragraph).
    let numbered = p.cable.sections.iter().any(|s| s.paragraphs.iter().any(|para| para.number.is_some()));
    // A copy whose container names the message (an archive's record, a PlusD row) is one.
    let named = p.cable.page.as_ref().is_some_and(|page| page.id.is_some());
    if !has_header && !numbered && p.cable.signers.is_empty() && !named {
        p.diag(
            None,
            Severity::Warning,
            DiagnosticKind::NotACable,
            "this does not look like a cable: no header, caption, numbered paragraphs or signature were found"
                .to_owned(),
        );
    }
    for index in 0..p.lines.len() {
        let line = p.lines[index];
        if !line.is_blank() && !p.is_held(index) {
            p.cable.unknown.push(UnknownLine { line: line.number, text: line.text.to_owned() });
            p.diag(
                Some(line.number),
                Severity::Warning,
                DiagnosticKind::LineNotUnderstood,
                "line not understood; kept as written".to_owned(),
            );
        }
    }
    p.cable.spans.sort_by_key(|s| s.span.start);
}

/// `USMISSION USUN NEW YORK` → `USUN NEW YORK`; `SECSTATE WASHDC` stays (it canonicalises to STATE).
fn station_of_originator(from: &str) -> String {
    let upper = from.to_ascii_uppercase();
    match vocab::strip_office(&upper).filter(|rest| rest.starts_with(' ')) {
        Some(rest) => rest.trim().to_owned(),
        None => upper,
    }
}

/// The canonical reference ID: year of the date + canonical station + serial without zeros.
fn build_id(p: &mut Builder<'_>, from_station: Option<&str>) {
    let caption_station = p.cable.serial.as_ref().and(p.cable.origin.clone());
    let serial =
        p.cable.serial.clone().or_else(|| p.cable.transmission.as_ref().and_then(|t| t.station_serial.clone()));
    let station_written = caption_station.clone().or_else(|| from_station.map(str::to_owned));
    if let (Some(caption), Some(from)) = (caption_station.as_deref(), from_station) {
        let (a, b) = (stations::canonical_station(caption), stations::canonical_station(from));
        if a.canonical != b.canonical {
            p.diag(
                None,
                Severity::Warning,
                DiagnosticKind::EnvelopeDisagrees,
                format!(
                    "the caption names {caption} but the envelope's FM line names {from}: this text may have been \
                     published under another cable's envelope; the ID follows the caption"
                ),
            );
        }
    }
    let Some(written) = station_written else { return };
    let Some(serial) = serial else { return };
    let station = stations::canonical_station(&written);
    if !station.known {
        p.diag(
            None,
            Severity::Warning,
            DiagnosticKind::UnknownStation,
            format!("station {written} is not in the station table; its letters are kept"),
        );
    }
    let year = if let Some(date) = p.date {
        date.year
    } else if let Some(year) = p.caption_year {
        p.diag(
            None,
            Severity::Info,
            DiagnosticKind::YearFromCaption,
            format!("no date-time group: the ID takes the year {year} the caption writes"),
        );
        year
    } else {
        let estimated = if p.cable.estimate.is_some() { " (an estimate of the year is given apart)" } else { "" };
        p.diag(
            None,
            Severity::Warning,
            DiagnosticKind::NoDateTimeGroup,
            format!("no date-time group survives in the text: the date and the reference ID are unknown{estimated}"),
        );
        return;
    };
    let serial = serial.trim_start_matches('0');
    if serial.is_empty() || station.canonical.is_empty() {
        return;
    }
    if p.cable.serial.is_none() {
        p.diag(
            None,
            Severity::Info,
            DiagnosticKind::IdFromEnvelope,
            "no caption line: the ID is built from the FM and DE lines".to_owned(),
        );
    }
    p.cable.id = Some(format!("{:02}{}{}", year % 100, station.canonical, serial));
}

/// `*** Current Classification *** CONFIDENTIAL`: an archive's footer, the only word on the
/// classification of a telegram kept without its caption (National Archives, 1970s).
fn classification_from_trailer(p: &mut Builder<'_>) {
    // Its label in any case (a copy in capitals: `*** CURRENT CLASSIFICATION *** SECRET`).
    const LABEL: &str = "*** Current Classification ***";
    // Its lines read as one (a copy wrapped again may break them anywhere: `*** Current
    // Handling Restrictions *** EXDIS *** Current` / `Classification *** SECRET`).
    let trailer: Vec<&str> =
        p.cable.removed.iter().filter(|r| r.kind == Debris::ArchiveTrailer).map(|r| r.text.as_str()).collect();
    let trailer = trailer.join(" ");
    let found = crate::lines::find_ci(&trailer, LABEL).and_then(|at| {
        let value = trailer[at + LABEL.len()..].split("***").next().unwrap_or_default();
        fields::classification::parse_caption_line(value.trim()).and_then(|c| c.classification)
    });
    if let Some(class) = found {
        p.cable.classification = Some(class);
        p.diag(
            None,
            Severity::Info,
            DiagnosticKind::ClassificationFromArchive,
            "no caption line: the classification is the archive's (its current classification)".to_owned(),
        );
    }
}

/// Portions marked `(C/NF)` make a cable NOFORN even when no caption says so.
fn noforn_from_portion_marks(p: &mut Builder<'_>) {
    if p.cable.handling.iter().any(|h| h == "NOFORN") {
        return;
    }
    let marked = p.cable.sections.iter().flat_map(|s| &s.paragraphs).find_map(|para| {
        let mark = para.marking.as_deref()?;
        let noforn =
            mark.split(['/', ' ']).any(|part| vocab::mark_part(part) == Some(vocab::MarkPart::Handling("NOFORN")));
        noforn.then(|| (mark.to_owned(), para.number))
    });
    if let Some((mark, number)) = marked {
        p.handling("NOFORN");
        let at = number.map_or_else(|| "a paragraph".to_owned(), |n| format!("¶{n}"));
        p.diag(
            None,
            Severity::Info,
            DiagnosticKind::HandlingFromPortions,
            format!(
                "NOFORN: no caption says so, but {at} is marked ({mark}), and a cable is as restricted as its parts"
            ),
        );
    }
}

/// `1. (U) CLASSIFIED BY …` and `1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY …` in the first paragraph.
fn classified_by_in_body(p: &mut Builder<'_>) {
    let Some(first) = p.cable.sections.first().and_then(|s| s.paragraphs.first()) else { return };
    let Some(at) = lines::find_ci(&first.text, "CLASSIFIED BY") else { return };
    if at > 60 {
        return;
    }
    let (who, reasons) = fields::classified_by::parse_classified_by(&first.text[at..]);
    p.cable.classified_by = who;
    p.cable.reasons = reasons;
}

#[cfg(test)]
mod tests {
    /// `SUBJECT: SUBJECT: …` (09KABUL1239), with its line breaks and without them.
    #[test]
    fn a_subject_keyword_written_twice_is_read_once() {
        let text = "C O N F I D E N T I A L SECTION 01 OF 05 KABUL 001239\n\nSIPDIS\n\n\
                    E.O. 12958: DECL: 04/09/2019\nTAGS: PGOV PREL AF\n\
                    SUBJECT: SUBJECT: AFGHANISTAN: A SNAPSHOT OF THE NORTHEAST\n\n\
                    KABUL 00001239 001.6 of 005\n\nClassified By: Valerie C. Fowler for reasons 1.4 (b) and (d)\n\n\
                    1. (U) Summary: A recent trip to the northeast.\n";
        let joined = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
        for input in [text, joined.as_str()] {
            let cable = super::parse(input);
            assert_eq!(cable.subject.as_deref(), Some("AFGHANISTAN: A SNAPSHOT OF THE NORTHEAST"), "{input}");
        }
    }

    /// A joined subject's own portion mark before a word in mixed case (`SUBJECT: (S) MbZ HOSTS…`,
    /// 09ABUDHABI754) is the subject's, not a paragraph's start.
    #[test]
    fn a_joined_subject_keeps_its_mark() {
        let text = "C O N F I D E N T I A L ABU DHABI 000754 SIPDIS E.O. 12958: DECL: 07/22/2019 TAGS: PTER PGOV \
                    SUBJECT: (S) MbZ HOSTS GULF SECURITY DINNER WITH ISA ASD VERSHBOW AND PM A/S SHAPIRO Classified \
                    By: Charge d Affaires Douglas C. Greene for reasons 1.4 (b) and (d). 1. (S) Summary: Abu Dhabi \
                    Crown Prince Mohammed bin Zayed hosted a dinner. 2. (S) More.";
        let cable = super::parse(text);
        assert_eq!(
            cable.subject.as_deref(),
            Some("MbZ HOSTS GULF SECURITY DINNER WITH ISA ASD VERSHBOW AND PM A/S SHAPIRO")
        );
        assert_eq!(cable.subject_marking.as_deref(), Some("S"));
        assert!(cable.classified_by.is_some());
    }

    /// `looks_binary` as it reads, byte by byte: what the word-at-a-time version must agree with.
    fn binary_by_bytes(bytes: &[u8]) -> bool {
        let head = &bytes[..bytes.len().min(8192)];
        let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
        head.contains(&0) || control * 10 > head.len().max(1)
    }

    #[test]
    fn binary_detection_counts_every_control_byte_in_any_position() {
        let text = b"1. (C) THE AMBASSADOR SAID THAT THE MINISTER WOULD RAISE IT AGAIN.\n".repeat(150);
        let mut cases = vec![Vec::new(), b"\x01".to_vec(), text.clone()];
        // Control bytes (and allowed ones, and bytes above 0x7f) at every offset of a word, in
        // densities around the one-in-ten threshold, before and after the 8 KiB head ends.
        for c in [0x01u8, 0x1b, 0x1f, 0x0b, b'\n', b'\t', 0x0c, 0x7f, 0x80, 0xff, 0x00] {
            for step in [3usize, 7, 9, 10, 11, 64] {
                for offset in 0..8 {
                    let mut bytes = text.clone();
                    for at in (offset..bytes.len()).step_by(step) {
                        bytes[at] = c;
                    }
                    cases.push(bytes.clone());
                    cases.push(bytes[..bytes.len().min(8195 + offset)].to_vec());
                    cases.push(bytes[..77 + offset].to_vec());
                }
            }
        }
        for bytes in &cases {
            assert_eq!(super::looks_binary(bytes), binary_by_bytes(bytes), "{} bytes", bytes.len());
        }
        assert!(cases.iter().any(|b| super::looks_binary(b)) && cases.iter().any(|b| !super::looks_binary(b)));
    }
}
