//! The parsed cable: the JSON contract shared by the CLI and the JS API.
//!
//! Field names serialise in camelCase; absent values are `null` or `[]`,
//! never missing, so consumers can rely on the shape.

use serde::Serialize;
use std::cell::Cell;

thread_local! {
    static COMPACT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the compact form in force on this thread: whatever `f` serialises leaves out
/// the spans and positions (`spans`, `span`, `line`), for bulk output where nobody highlights
/// the raw text. Every other field keeps its name and shape.
pub fn compact<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            COMPACT.set(self.0);
        }
    }
    let _restore = Restore(COMPACT.replace(true));
    f()
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn position<T>(_: &T) -> bool {
    COMPACT.get()
}

/// A byte range into the text the parser read (see [`crate::source_text`]).
///
/// Spans always lie on `char` boundaries and never run past the end of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Everything the parser found in one input.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Cable {
    /// `text` for pasted text, `html` for a saved cable web page, `csv` for a row of
    /// `cables.csv`, `json` for a JSON record.
    pub input_format: InputFormat,
    pub id: Option<String>,
    pub date: Option<String>,
    /// Where `date` came from: `dtg`, `dateline` (a press copy's first line), `printout`, or null.
    pub date_source: Option<DateSource>,
    pub classification: Option<Classification>,
    pub handling: Vec<String>,
    pub origin: Option<String>,
    /// The caption's telegram number as written (`000078`).
    pub serial: Option<String>,
    pub from: Option<String>,
    pub precedence: Option<Precedence>,
    /// The lower precedence of a dual-precedence telegram (`P R 221828Z MAY 73`): the info
    /// addressees'.
    pub info_precedence: Option<Precedence>,
    pub to: Vec<Addressee>,
    pub info: Vec<Addressee>,
    /// The Department's internal distribution of a 1970s telegram (`ACTION EUR-25`,
    /// `INFO OCT-01 ISO-00 …`): offices, not addressees.
    pub distribution: Option<Distribution>,
    /// Lines between the caption and the E.O. line (`DEPT FOR NEA/MAG AND DRL`).
    pub pass_through: Vec<String>,
    pub executive_order: Option<String>,
    pub declassify_on: Option<String>,
    /// The E.O. line's disposition when it is not a date (`N/A`, `OADR`, `X1`...).
    pub declassify_note: Option<String>,
    pub tags: Vec<String>,
    pub subject: Option<String>,
    pub subject_marking: Option<String>,
    pub references: Vec<Reference>,
    pub classified_by: Option<String>,
    pub reasons: Vec<String>,
    pub summary: Option<String>,
    pub signers: Vec<String>,
    pub sections: Vec<Section>,
    pub section_of: Option<SectionOf>,
    pub partial: bool,
    /// What the text does not say but lets us estimate (the year of a partial extract), never
    /// mixed with what it says: `id` and `date` stay null when no date-time group survives.
    pub estimate: Option<Estimate>,
    pub transmission: Option<Transmission>,
    /// The saved page's own metadata table (2010 Cablegate viewer pages), kept apart from the text.
    pub page: Option<PageMeta>,
    /// Lines the parser recognised as layout debris and removed from the text
    /// (page headers, section markers, repeated banners).
    pub removed: Vec<RemovedLine>,
    pub unknown: Vec<UnknownLine>,
    pub diagnostics: Vec<Diagnostic>,
    /// Spans of the header lines and caption fields, for highlighting the raw text.
    #[serde(skip_serializing_if = "position")]
    pub spans: Vec<FieldSpan>,
}

/// Where `Cable.date` came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The date-time group of the precedence line.
    Dtg,
    /// A press copy's first line (`Wednesday, 09 December 2009, 13:04`).
    Dateline,
    /// A print-out's heading (`TELEGRAM June 03, 2003`): the day alone.
    Printout,
    /// An edition's dateline with no time in GMT (the *Foreign Relations* series: `Athens, May
    /// 17, 1974, 4:30 p.m.`, `Moscow, May 17, 1974.`): the day alone. With one (`…, 1600Z.`) it
    /// is a [`DateSource::Dateline`].
    Edition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    #[default]
    Text,
    Html,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Classification {
    #[serde(rename = "UNCLASSIFIED")]
    Unclassified,
    #[serde(rename = "LIMITED OFFICIAL USE")]
    LimitedOfficialUse,
    #[serde(rename = "CONFIDENTIAL")]
    Confidential,
    #[serde(rename = "SECRET")]
    Secret,
    #[serde(rename = "TOP SECRET")]
    TopSecret,
}

impl Classification {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unclassified => "UNCLASSIFIED",
            Self::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            Self::Confidential => "CONFIDENTIAL",
            Self::Secret => "SECRET",
            Self::TopSecret => "TOP SECRET",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Precedence {
    #[serde(rename = "FLASH")]
    Flash,
    #[serde(rename = "NIACT IMMEDIATE")]
    NiactImmediate,
    #[serde(rename = "IMMEDIATE")]
    Immediate,
    #[serde(rename = "PRIORITY")]
    Priority,
    #[serde(rename = "ROUTINE")]
    Routine,
}

impl Precedence {
    /// The ACP 127 prosign letter: `Z`, `O`, `P`, `R`.
    #[must_use]
    pub fn from_prosign(letter: u8) -> Option<Self> {
        match letter.to_ascii_uppercase() {
            b'Z' => Some(Self::Flash),
            b'O' => Some(Self::Immediate),
            b'P' => Some(Self::Priority),
            b'R' => Some(Self::Routine),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Flash => "FLASH",
            Self::NiactImmediate => "NIACT IMMEDIATE",
            Self::Immediate => "IMMEDIATE",
            Self::Priority => "PRIORITY",
            Self::Routine => "ROUTINE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Addressee {
    pub routing_indicator: Option<String>,
    pub name: String,
    pub precedence: Option<Precedence>,
    pub mcn: Option<String>,
    /// Posts an `XMT` line excludes from this collective (they are not recipients).
    pub excluded: Vec<String>,
    #[serde(skip_serializing_if = "position")]
    pub line: usize,
}

/// Offices that received copies inside the Department, with their counts (`EUR-25`), and for
/// a telegram the Department sent, the office it came from and who drafted, cleared and
/// approved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Distribution {
    /// The office an outgoing telegram came from (`ORIGIN EUR-25`).
    pub origin: Vec<String>,
    pub action: Vec<String>,
    pub info: Vec<String>,
    /// The total of copies as written (`/092 W`).
    pub total: Option<String>,
    /// Who drafted, cleared and approved an outgoing telegram, each line as written
    /// (`DRAFTED BY EUR/SE:JSMITH:LW`, `APPROVED BY EUR:AHARTMAN`, `EUR/SE - MR. BOYATT`).
    pub drafting: Vec<String>,
}

/// An estimate, marked as such wherever it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// The year the cable was most likely sent.
    pub year: u16,
    /// The reference ID with that year (`04NEWDELHI5734`), when the caption names post and serial.
    pub id: Option<String>,
    /// How the estimate was made, in words.
    pub basis: String,
}

/// One cable a REF item cites (an item citing several, `A. BRASILIA 2799 AND 2764`, gives one
/// each, with the same label and each one's own words as `text`), or an item that cites none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub label: Option<String>,
    pub text: String,
    pub id: Option<String>,
    pub kind: ReferenceKind,
    /// The ID's year is not written in the reference: it is the citing cable's, and that
    /// year is itself only estimated (see [`Cable::estimate`]).
    pub year_estimated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    Cable,
    Email,
    Telcon,
    Memo,
    Report,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    pub number: Option<u32>,
    pub marking: Option<String>,
    pub text: String,
    pub kind: ParagraphKind,
    /// The paragraph's lines exactly as written, with their original breaks.
    pub original: String,
    #[serde(skip_serializing_if = "position")]
    pub span: Span,
    /// First input line (1-based).
    #[serde(skip_serializing_if = "position")]
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Paragraph,
    Bullet,
    Summary,
    Comment,
    Note,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SectionOf {
    pub section: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Transmission {
    /// `VZCZCXYZ0001`
    pub id: Option<String>,
    /// The three channel letters (`XYZ`).
    pub channel: Option<String>,
    /// The channel serial (`0001`).
    pub serial: Option<String>,
    /// Routing indicators of the basic routing line (`RUEHWEB`).
    pub routing: Vec<String>,
    /// The originating station's routing indicator from the `DE` line (`RUCNDT`).
    pub station: Option<String>,
    pub station_serial: Option<String>,
    pub section: Option<String>,
    /// Filing time as written (`0340252`: day 034 of the year, 02:52Z).
    pub filed: Option<String>,
    /// The security warning line (`ZNY CCCCC`), with any operating signals (`ZZH`).
    pub security: Option<String>,
    /// The date-time group as written (`030252Z FEB 09`).
    pub dtg: Option<String>,
}

/// What the container a cable came in says about it (a saved page's metadata table, a row of
/// `cables.csv`, a JSON record, a `PlusD` page), kept apart from what the text says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PageMeta {
    /// Which container: `Cablegate page`, `PlusD page`, `cables.csv row`, `cables.csv text file`,
    /// `JSON record`.
    pub source: Option<&'static str>,
    /// The reference ID as the container gives it.
    pub id: Option<String>,
    /// The canonical form of `id` when the container writes it otherwise (`1974ATHENS02959`
    /// → `74ATHENS2959`).
    pub canonical_id: Option<String>,
    pub created: Option<String>,
    pub released: Option<String>,
    /// The (original) classification.
    pub classification: Option<String>,
    pub current_classification: Option<String>,
    pub handling: Option<String>,
    pub origin: Option<String>,
    pub to: Option<String>,
    pub tags: Option<String>,
    pub markings: Option<String>,
    /// Reference IDs the container lists.
    pub references: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedLine {
    #[serde(skip_serializing_if = "position")]
    pub line: usize,
    pub kind: Debris,
    pub text: String,
}

/// Layout lines the text no longer shows (`kebab-case` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Debris {
    /// `PAGE 02 ROME 01196 01 OF 02 082030Z`; a FOIA release's `Page 2 of 3`, case stamp and
    /// `RELEASE IN PART B1`.
    PageHeader,
    /// `BAGHDAD 00000197 002 OF 002`; a later section's own envelope, where the sections were
    /// copied as the messages they were sent as (`DE RUEHC #6011/02 …` down to its caption).
    SectionMarker,
    /// A classification line repeated on a page (`CONFIDENTIAL`).
    Banner,
    /// The caption line repeated in a later section.
    Caption,
    /// The E.O., TAGS and SUBJECT lines repeated in a later section.
    RepeatedHeader,
    /// A line of dashes around a heading or under a SUBJECT; a lone `.`, `>` or `...`.
    Rule,
    /// The control number under a 1970s distribution block.
    ControlNumber,
    /// `BT`, `NNN`, `NNNN`, `End Cable Text`, `====CABLE ENDS====`.
    EndOfText,
    /// `NMAFVVZCZ`, `*** Current Classification ***`, the EO Systematic Review line.
    ArchiveTrailer,
    /// A container's own marker (`----- header ends -----`).
    Container,
    /// A second cable pasted after the first, from its envelope on: set aside, not read into it.
    AnotherCable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownLine {
    #[serde(skip_serializing_if = "position")]
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    #[serde(skip_serializing_if = "position")]
    pub line: Option<usize>,
    pub severity: Severity,
    /// What the diagnostic is about, for programs (the message is for people and may change).
    pub kind: DiagnosticKind,
    pub message: String,
}

/// The closed vocabulary of diagnostics (`kebab-case` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// No header, caption, numbered paragraph or signature: the text is not a cable.
    NotACable,
    /// A binary file: nothing was read.
    Binary,
    /// Invalid UTF-8 replaced with `�`.
    InvalidUtf8,
    /// The text was in another encoding (UTF-16, Windows-1252), or UTF-8 decoded wrongly once
    /// (`Â¶`, `â€™`), and was read as what it is.
    Encoding,
    /// A line the parser could not place; it is listed in `unknown`.
    LineNotUnderstood,
    /// The line breaks were lost and the text was broken again at its fields.
    LostLineBreaks,
    /// The line breaks were written out (`\n`, `&#10;`, `<br>`) and read as line breaks.
    WrittenLineBreaks,
    /// Every line was quoted (`> `) and the quote marks were taken off.
    QuoteMarks,
    /// A blank line followed every line (a PDF's text) and those blank lines were taken out.
    DoubleSpaced,
    /// Every line had its number before it (a PDF with numbered lines, `cat -n`): taken off.
    LineNumbers,
    /// Caption words spelled with digits for letters (`C0NFIDENTIAL`, `E.0.`: a scan's text) were
    /// read as the words.
    DigitsForLetters,
    /// Numbers spelled with letters for digits (the caption's `E.O. l2958`, `DECL: O8/O8/2O19`,
    /// `l.4 (b)`, a serial `OO1234`; paragraph numbers, `¶l0.`: a scan's text) were read as the
    /// numbers.
    LettersForDigits,
    /// A row of `cables.csv` followed by more rows that are not shown.
    MoreRecords,
    /// No date-time group: date and ID unknown (see `estimate`).
    NoDateTimeGroup,
    /// The ID's year is the one the caption writes (`75 LIBREVILLE 1895`).
    YearFromCaption,
    /// The ID is built from the envelope's FM and DE lines (no caption).
    IdFromEnvelope,
    /// A date-time group that is no date.
    InvalidDate,
    /// The caption and the envelope name different posts.
    EnvelopeDisagrees,
    /// A station that is not in the station table.
    UnknownStation,
    /// The classification word had lost a letter and was repaired.
    Repaired,
    /// `SECTION 3 OF 2`.
    ImpossibleSection,
    /// The classification comes from the security warning line.
    ClassificationFromEnvelope,
    /// The classification comes from an archive's footer.
    ClassificationFromArchive,
    /// NOFORN because a portion is marked so.
    HandlingFromPortions,
    /// A paragraph split by a page or paste break was rejoined.
    Rejoined,
    /// Paragraph numbers mangled by a lost `¶` were repaired.
    Renumbered,
    SecondSubject,
    EmptySubject,
    /// Words after the caption's telegram number that are no handling caption (another series'
    /// number, `TOSEC 050123`; a channel, `CHEROKEE`): the caption is read, the words kept here.
    CaptionWords,
    SipdisInTags,
    MisspeltPrecedence,
    XmtWithoutCollective,
    /// A second cable begins in the text (its own envelope after the first's): only the first is read.
    SecondCable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// The parts of the model that hold input lines (`camelCase` in JSON, as the model's fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Partial,
    Date,
    Transmission,
    Precedence,
    From,
    Addressees,
    Distribution,
    Caption,
    Banner,
    Handling,
    PassThrough,
    ExecutiveOrder,
    Tags,
    Subject,
    References,
    ClassifiedBy,
    Heading,
    Body,
    Signers,
    /// A container's metadata line (`refid: …`).
    Container,
}

/// Which part of the model holds an input line, with the line's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FieldSpan {
    pub field: Field,
    pub line: usize,
    pub span: Span,
}
