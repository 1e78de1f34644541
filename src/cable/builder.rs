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
    /// Which lines are a PDF's page furniture (see [`Builder::is_furniture`]).
    furniture: Vec<bool>,
    /// Where the telegram's text ends: the lines from here on are a copy's record of it (the
    /// archive's, under a 1970s telegram), read before the header. `lines.len()` for nearly
    /// every text.
    pub end: usize,
    /// Where the text begins after what a copy set above the telegram (an e-mail's header
    /// lines, set aside before the header is read): 0 for nearly every text.
    pub start: usize,
}

impl<'a> Builder<'a> {
    pub fn new(lines: Vec<Line<'a>>) -> Self {
        let held = vec![false; lines.len()];
        // Nearly every line ends up with a span: one allocation, not a dozen regrowths.
        let cable = Cable { spans: Vec::with_capacity(lines.len()), ..Cable::default() };
        let caseless = super::lines::is_caseless(lines.iter().flat_map(|l| l.text.bytes()));
        let furniture = page_furniture(&lines, caseless);
        let end = lines.len();
        Builder {
            lines,
            held,
            cable,
            date: None,
            routing_precedence: None,
            caption_year: None,
            caseless,
            furniture,
            end,
            start: 0,
        }
    }

    /// Whether line `index` is a PDF's page furniture: a FOIA release's `Page 2 of 3` and case
    /// stamp, a browser's print margins on one line or two ([`super::shapes::is_pdf_page_furniture`],
    /// [`super::shapes::is_split_print_margin`]). A PDF's text sets it apart with blank lines
    /// wherever the page broke, mid-field and mid-paragraph: what goes on around it goes on
    /// across it.
    pub fn is_furniture(&self, index: usize) -> bool {
        self.furniture.get(index).copied().unwrap_or(false)
    }

    /// Whether any line is a PDF's page furniture (nearly every text has none).
    pub fn has_furniture(&self) -> bool {
        !self.furniture.is_empty()
    }

    /// The nearest line above `index`, from `start` on, that is no PDF furniture.
    pub fn line_above(&self, index: usize, start: usize) -> Option<usize> {
        (start..index).rev().find(|&j| !self.is_furniture(j))
    }

    /// The nearest line below `index` that is no PDF furniture.
    pub fn line_below(&self, index: usize) -> Option<usize> {
        (index + 1..self.lines.len()).find(|&j| !self.is_furniture(j))
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

/// For every line, whether it is a PDF's page furniture (see [`Builder::is_furniture`]); empty
/// when none is (nearly every text).
fn page_furniture(lines: &[Line<'_>], caseless: bool) -> Vec<bool> {
    let mut furniture = Vec::new();
    let mut mark = |index: usize| {
        if furniture.is_empty() {
            furniture = vec![false; lines.len()];
        }
        furniture[index] = true;
    };
    for (i, line) in lines.iter().enumerate() {
        // What may start furniture, by its first bytes (`12/3/10, …`, `https://…`, `Page 2 of
        // 3`, `- 2 -`, `RELEASE…`, `UNCLASSIFIED U.S. Department…`): nearly every line fails here.
        let b = line.text.as_bytes();
        let upper = |k: usize| b.get(k).map(u8::to_ascii_uppercase);
        let candidate = match upper(0) {
            Some(b'0'..=b'9') => b.get(1) == Some(&b'/') || b.get(2) == Some(&b'/'),
            Some(b'H' | b'F') => matches!((upper(1), upper(2)), (Some(b'T'), Some(b'T')) | (Some(b'I'), Some(b'L'))),
            Some(b'P') => upper(1) == Some(b'A'),
            Some(b'-') => b.get(1) == Some(&b' '),
            Some(b'R') => upper(1) == Some(b'E'),
            Some(b'U') => matches!(upper(1), Some(b'N' | b'.')),
            _ => false,
        };
        if !candidate {
            continue;
        }
        let one = if caseless {
            super::shapes::is_pdf_page_furniture(&line.text.to_ascii_uppercase())
        } else {
            super::shapes::is_pdf_page_furniture(line.text)
        };
        if one {
            mark(i);
        }
        if lines.get(i + 1).is_some_and(|next| super::shapes::is_split_print_margin(line.text, next.text)) {
            mark(i);
            mark(i + 1);
        }
    }
    furniture
}
