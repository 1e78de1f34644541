//! The cable under construction: the lines, which of them the model holds, the facts the ID
//! is built from, and the `Cable` the readers fill in. The header and body readers build it;
//! `finish` completes it.

use super::fields::dtg::DateTime;
use super::lines::Line;
use super::model::{
    Cable, Debris, Diagnostic, DiagnosticKind, Field, FieldSpan, Precedence, RemovedLine, Severity, Transmission,
};

pub struct Builder<'a> {
    pub lines: Vec<Line<'a>>,
    /// Whether a part of the model holds each line.
    held: Vec<bool>,
    pub cable: Cable,
    pub date: Option<DateTime>,
    /// The precedence of the basic routing line (`OO` → IMMEDIATE), used when no
    /// precedence line survives.
    pub routing_precedence: Option<Precedence>,
    /// A year the caption writes before the post (`75 LIBREVILLE 1895`).
    pub caption_year: Option<u16>,
    /// The text has letters and none in capitals (a copy lower-cased whole): shapes that
    /// capitals tell apart (page headers, lettered points, a signature) are looked for in the
    /// line in capitals ([`Builder::shaped`]); what the model keeps is as written.
    pub caseless: bool,
}

impl<'a> Builder<'a> {
    pub fn new(lines: Vec<Line<'a>>) -> Self {
        let held = vec![false; lines.len()];
        // Nearly every line ends up with a span: one allocation, not a dozen regrowths.
        let cable = Cable { spans: Vec::with_capacity(lines.len()), ..Cable::default() };
        let letters = || lines.iter().flat_map(|l| l.text.bytes()).filter(u8::is_ascii_alphabetic);
        let caseless = letters().next().is_some() && !letters().any(|b| b.is_ascii_uppercase());
        Builder { lines, held, cable, date: None, routing_precedence: None, caption_year: None, caseless }
    }

    /// `text` as its shape is read: in capitals when the text is [`Builder::caseless`]
    /// (byte offsets are the same).
    pub fn shaped<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.caseless {
            std::borrow::Cow::Owned(text.to_ascii_uppercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// Records that `field` of the model holds line `index`.
    pub fn hold(&mut self, index: usize, field: Field) {
        if let Some(line) = self.lines.get(index) {
            self.held[index] = true;
            self.cable.spans.push(FieldSpan { field, line: line.number, span: line.span });
        }
    }

    /// Records a layout line that the text no longer shows (page header, banner…).
    pub fn remove(&mut self, index: usize, kind: Debris) {
        if let Some(line) = self.lines.get(index) {
            self.held[index] = true;
            self.cable.removed.push(RemovedLine { line: line.number, kind, text: line.text.to_owned() });
        }
    }

    pub fn is_held(&self, index: usize) -> bool {
        self.held.get(index).copied().unwrap_or(false)
    }

    pub fn diag(&mut self, line: Option<usize>, severity: Severity, kind: DiagnosticKind, message: String) {
        self.cable.diagnostics.push(Diagnostic { line, severity, kind, message });
    }

    pub fn handling(&mut self, caption: &str) {
        if !self.cable.handling.iter().any(|h| h == caption) {
            self.cable.handling.push(caption.to_owned());
        }
    }

    pub fn transmission(&mut self) -> &mut Transmission {
        self.cable.transmission.get_or_insert_with(Transmission::default)
    }
}
