//! The parser's vocabulary of captions and marks, listed once: the parser recognises exactly
//! these, and the code book (`src/codes`) keys its meanings off the same lists, so a code the
//! parser reads always has an entry there (a test checks it).

use crate::model::Classification;

/// Handling captions as written, and their canonical form.
pub const HANDLING: [(&str, &str); 16] = [
    ("SIPDIS", "SIPDIS"),
    ("NOFORN", "NOFORN"),
    ("NF", "NOFORN"),
    ("EXDIS", "EXDIS"),
    ("NODIS", "NODIS"),
    ("LIMDIS", "LIMDIS"),
    ("STADIS", "STADIS"),
    ("EFTO", "EFTO"),
    ("SENSITIVE", "SBU"),
    ("SBU", "SBU"),
    ("ORCON", "ORCON"),
    ("NOCONTRACT", "NOCONTRACT"),
    ("PROPIN", "PROPIN"),
    ("FOUO", "FOUO"),
    ("ROGER", "ROGER"),
    ("NIACT", "NIACT"),
];

/// A handling caption's canonical form (`NF` → `NOFORN`, `SENSITIVE` → `SBU`), or `None`.
pub fn handling(word: &str) -> Option<&'static str> {
    let &first = word.as_bytes().first()?;
    if !may_be_handling(first, word.len()) {
        return None;
    }
    HANDLING.iter().find(|(written, _)| written.eq_ignore_ascii_case(word)).map(|(_, canonical)| *canonical)
}

/// Whether a handling caption may begin with byte `b` (any case) and be `len` bytes long: it is
/// asked of the first word of every line, nearly always prose.
fn may_be_handling(b: u8, len: usize) -> bool {
    let lengths = if b.is_ascii() { HANDLING_SHAPES[usize::from(b.to_ascii_uppercase())] } else { 0 };
    len < 16 && lengths & (1 << len) != 0
}

/// Per first letter of the [`HANDLING`] captions, their lengths (bit n: n bytes long).
const HANDLING_SHAPES: [u16; 128] = {
    let mut table = [0u16; 128];
    let mut i = 0;
    while i < HANDLING.len() {
        let written = HANDLING[i].0.as_bytes();
        table[written[0] as usize] |= 1 << written.len();
        i += 1;
    }
    table
};

/// The offices written before or glued onto a post's name (`AMEMBASSY PARIS`, `EMBASSYVIENNA`).
pub const OFFICES: [&str; 9] =
    ["AMEMBASSY", "AMCONSUL", "AMCONGEN", "USMISSION", "USOFFICE", "USLO", "AMINTERESTS", "EMBASSY", "CONSULATE"];

/// What follows an office word at the start of `text` (in any case), or `None`.
pub fn strip_office(text: &str) -> Option<&str> {
    OFFICES.iter().find_map(|office| {
        let rest = text.get(office.len()..)?;
        text[..office.len()].eq_ignore_ascii_case(office).then_some(rest)
    })
}

/// What a part of a portion mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkPart {
    /// A classification level (`S`, `C`, `SBU`, `LOU`…).
    Level(Classification),
    /// Sensitive But Unclassified, below CONFIDENTIAL and above UNCLASSIFIED.
    Sbu,
    /// A handling caption, by its canonical form (`NF` → `NOFORN`, `OC` → `ORCON`).
    Handling(&'static str),
    /// A control system or caveat the parser recognises but no handling caption names (`SI`, `REL`).
    Control,
}

/// The parts a portion mark is made of (`S//NF` is `S` and `NF`).
pub const MARK_PARTS: [(&str, MarkPart); 16] = [
    ("U", MarkPart::Level(Classification::Unclassified)),
    ("C", MarkPart::Level(Classification::Confidential)),
    ("S", MarkPart::Level(Classification::Secret)),
    ("TS", MarkPart::Level(Classification::TopSecret)),
    ("LOU", MarkPart::Level(Classification::LimitedOfficialUse)),
    ("SBU", MarkPart::Sbu),
    ("NF", MarkPart::Handling("NOFORN")),
    ("NOFORN", MarkPart::Handling("NOFORN")),
    ("FOUO", MarkPart::Handling("FOUO")),
    ("ORCON", MarkPart::Handling("ORCON")),
    ("OC", MarkPart::Handling("ORCON")),
    ("PROPIN", MarkPart::Handling("PROPIN")),
    ("LIMDIS", MarkPart::Handling("LIMDIS")),
    ("EXDIS", MarkPart::Handling("EXDIS")),
    ("REL", MarkPart::Control),
    ("SI", MarkPart::Control),
];

/// What a portion mark's part stands for, or `None` for a word that is no part.
pub fn mark_part(part: &str) -> Option<MarkPart> {
    MARK_PARTS.iter().find(|(p, _)| p.eq_ignore_ascii_case(part)).map(|(_, m)| *m)
}
