//! The shapes of lines that both the header and the body recognise: paragraph starts
//! (`¶1. (C)`, `(SBU)`, `--`, `A.`), portion marks, and the page headers and section markers
//! of teletype pages. Pure functions of one line; no state.

/// How a paragraph line starts: `¶1. (C)`, `1.(S//NF)`, `(SBU)`, `--`, `A.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphStart<'a> {
    pub number: Option<u32>,
    pub marking: Option<&'a str>,
    pub bullet: bool,
    /// Byte offset of the paragraph's own text in the line.
    pub text_at: usize,
}

/// Reads the start of a paragraph; `None` for a plain text line.
pub fn paragraph_start(line: &str) -> Option<ParagraphStart<'_>> {
    let s = line.trim_start_matches('¶').trim_start();
    let offset = line.len() - s.len();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = &s[digits..];
        let punct = after.starts_with(['.', ')']);
        // `1.4 (b)` and `2009.` are not paragraph numbers: the mark is followed by space, `(` or the end.
        let tail = if punct { &after[1..] } else { after };
        let ok = if punct {
            tail.is_empty() || tail.starts_with([' ', '\t', '(']) || after.starts_with('.') && glued_word(tail)
        } else {
            tail.starts_with(" (") && leading_marking(tail.trim_start()).0.is_some()
        };
        if ok {
            let number = s[..digits].parse().ok();
            let rest = tail.trim_start();
            let (marking, text) = leading_marking(rest);
            return Some(ParagraphStart { number, marking, bullet: false, text_at: offset + s.len() - text.len() });
        }
        return None;
    }
    if let (Some(marking), text) = leading_marking(s) {
        return Some(ParagraphStart {
            number: None,
            marking: Some(marking),
            bullet: false,
            text_at: offset + s.len() - text.len(),
        });
    }
    let bullet = s.starts_with("--")
        || s.starts_with("- ")
        || s.starts_with("* ")
        || s.starts_with("• ")
        || s.starts_with("o ")
        || letter_bullet(s);
    bullet.then_some(ParagraphStart { number: None, marking: None, bullet: true, text_at: offset })
}

/// A word in capitals glued to a paragraph's number, as a 1970s operator typed it (`7.I THINK`,
/// `1.BRANIFF LOCAL OFFICE`): two capitals, or `I` and a space. Not `1.4`, `2.a`, `3.A.`.
fn glued_word(tail: &str) -> bool {
    let b = tail.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && (b[1].is_ascii_uppercase() || b[0] == b'I' && b[1] == b' ')
}

/// `A. `, `A) `, `(A) `: a lettered sub-paragraph.
fn letter_bullet(s: &str) -> bool {
    let b = s.as_bytes();
    let letter = |c: u8| c.is_ascii_uppercase();
    (b.len() > 3 && letter(b[0]) && matches!(b[1], b'.' | b')') && b[2] == b' ')
        || (b.len() > 4 && b[0] == b'(' && letter(b[1]) && b[2] == b')' && b[3] == b' ')
}

/// A portion mark at the start of `text`: `(C)`, `(S//NF)`, `(SBU)`, `(c/nf)`.
/// Returns the mark as written inside the parentheses and the text after it.
pub fn leading_marking(text: &str) -> (Option<&str>, &str) {
    let Some(inner_start) = text.strip_prefix('(') else { return (None, text) };
    let Some(close) = inner_start.find(')').filter(|&c| c <= 14) else { return (None, text) };
    let inner = &inner_start[..close];
    // Parts are separated by `/`, `//` or, in sloppy copies, a space (`(C NF)`, 09KABUL376).
    let parts = || inner.split(['/', ' ']).filter(|p| !p.is_empty());
    let valid = parts().next().is_some() && parts().all(|p| crate::vocab::mark_part(p).is_some());
    if valid { (Some(inner), inner_start[close + 1..].trim_start()) } else { (None, text) }
}

/// `PAGE 02 ROME 01196 01 OF 02 082030Z`, `TO PAGE 02 STATE 015113 182333Z`.
pub fn is_page_header(text: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    let rest = text.strip_prefix("TO ").unwrap_or(text);
    if let Some(rest) = rest.strip_prefix("PAGE ") {
        return digits(rest.split_ascii_whitespace().next().unwrap_or(""));
    }
    is_pdf_page_furniture(text)
}

/// What a FOIA release's PDF prints on every page, around the cable: `Page 2 of 3`, the case
/// stamp (`UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739546 Date:
/// 05/13/2015`), and the reviewer's `RELEASE IN PART B1,1.4(B),1.4(D)` or `RELEASE IN FULL`.
pub fn is_pdf_page_furniture(text: &str) -> bool {
    let b = text.as_bytes();
    // Nearly every line fails at its first two letters (`President…`, `Under…`).
    if !matches!(b, [b'P', b'a' | b'A', ..] | [b'R', b'E', ..] | [b'U', b'N' | b'.', ..]) {
        return false;
    }
    if let Some(rest) = text.strip_prefix("Page ").or_else(|| text.strip_prefix("PAGE ")) {
        let mut words = rest.split_ascii_whitespace();
        let number =
            |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()));
        return number(words.next())
            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
            && number(words.next())
            && words.next().is_none();
    }
    // Prefixes only: this runs on every line that starts with `P`, `R` or `U` (`President…`).
    let stamp = text.strip_prefix("UNCLASSIFIED ").unwrap_or(text);
    text.starts_with("RELEASE IN FULL")
        || text.starts_with("RELEASE IN PART")
        || stamp.starts_with("U.S. Department of State Case No.")
}

/// `BAGHDAD 00000197 002 OF 002`, `TRIPOLI 00000564 001.2 OF 002`: section markers of
/// the web copies, one per printed page.
pub fn is_section_marker(text: &str) -> bool {
    if text.starts_with("--------") {
        return is_teletype_separator(text);
    }
    // Almost every line fails the cheap test: a marker ends in a digit.
    if !text.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let page = |w: &str| {
        let (a, b) = w.split_once('.').unwrap_or((w, "0"));
        digits(a) && digits(b)
    };
    let mut words = text.split_ascii_whitespace().rev();
    let (Some(total), Some(of), Some(number), Some(serial)) = (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    let mut station = words.peekable();
    digits(total)
        && of.eq_ignore_ascii_case("OF")
        && page(number)
        && digits(serial)
        && serial.len() >= 5
        && station.peek().is_some()
        && station.all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The line a 1970s teletype printed before a telegram's next section, whose envelope and
/// caption follow it: dashes, a sequence number and the section's date-time group
/// (`------------------000825 240551Z /10`).
pub fn is_teletype_separator(text: &str) -> bool {
    let rest = text.trim_start_matches('-');
    let mut words = rest.split_ascii_whitespace();
    let (Some(number), Some(dtg)) = (words.next(), words.next()) else { return false };
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    text.len() - rest.len() >= 8
        && !rest.starts_with(' ')
        && digits(number)
        && dtg.strip_suffix('Z').is_some_and(|d| d.len() == 6 && digits(d))
        && words.all(|w| w.strip_prefix('/').is_some_and(digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paragraph_starts() {
        let s = paragraph_start("¶1. (C) Summary: text").unwrap();
        assert_eq!((s.number, s.marking), (Some(1), Some("C")));
        assert_eq!(&"¶1. (C) Summary: text"[s.text_at..], "Summary: text");
        let s = paragraph_start("5.(C/NF) A more recent").unwrap();
        assert_eq!((s.number, s.marking), (Some(5), Some("C/NF")));
        let s = paragraph_start("(SBU) Unnumbered").unwrap();
        assert_eq!((s.number, s.marking), (None, Some("SBU")));
        assert!(paragraph_start("-- Foreign Policy: See").unwrap().bullet);
        assert!(paragraph_start("B. MADRID 919").unwrap().bullet);
        assert!(paragraph_start("1.4 (b) and (d)").is_none());
        assert!(paragraph_start("2009. The year").is_none());
        // A 1970s operator's number glued to its text.
        let s = paragraph_start("7.I THINK IT IS SIGNIFICANT").unwrap();
        assert_eq!((s.number, &"7.I THINK IT IS SIGNIFICANT"[s.text_at..]), (Some(7), "I THINK IT IS SIGNIFICANT"));
        assert_eq!(paragraph_start("1.BRANIFF LOCAL OFFICE").unwrap().number, Some(1));
        assert!(paragraph_start("3.A. THE FIRST POINT").is_none() && paragraph_start("2.a note").is_none());
        assert!(paragraph_start("1.In fact").is_none() && paragraph_start("1.4(B)").is_none());
        assert!(paragraph_start("(Note: this is a note)").is_none());
    }

    #[test]
    fn recognises_debris() {
        assert!(is_page_header("PAGE 02 ROME 01196 01 OF 02 082030Z"));
        assert!(is_section_marker("BAGHDAD 00000197 002 OF 002"));
        assert!(is_section_marker("TRIPOLI 00000564 001.2 OF 002"));
        assert!(!is_section_marker("We met 12345 people, 2 of 3"));
        assert!(is_section_marker("------------------000825 240551Z /10"));
        assert!(is_section_marker("------------------130679 061726Z"));
        assert!(!is_section_marker("------------------ 061726Z /50") && !is_section_marker("---------- SUMMARY 1"));
        assert!(!is_page_header("PAGES of history"));
        // A FOIA release's PDF, page by page.
        assert!(is_page_header("Page 2 of 3") && is_page_header("RELEASE IN PART B1,1.4(B),1.4(D)"));
        assert!(is_page_header(
            "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739546 Date: 05/13/2015"
        ));
        assert!(!is_page_header("Page 2 of the report") && !is_page_header("RELEASE IN PRINCIPLE IS AGREED"));
    }
}
