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

/// A word the 2010 release redacted (`XXXXXXXXXXXX`, at least four `X`s, or `x`s in a
/// lower-cased copy): never a name, a heading or a word of the cable's own.
pub fn is_redaction(word: &str) -> bool {
    word.len() >= 4 && (word.bytes().all(|c| c == b'X') || word.bytes().all(|c| c == b'x'))
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
    is_teletype_page_header(text) || is_pdf_page_furniture(text)
}

/// A telegram's own page header (`PAGE 02 ROME 01196 01 OF 02 082030Z`), not a PDF's.
pub fn is_teletype_page_header(text: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    let rest = text.strip_prefix("TO ").unwrap_or(text);
    rest.strip_prefix("PAGE ").is_some_and(|rest| digits(rest.split_ascii_whitespace().next().unwrap_or("")))
}

/// What a PDF prints on every page around the cable: a FOIA release's `Page 2 of 3`, its case
/// stamp (`UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739546 Date:
/// 05/13/2015`) and the reviewer's `RELEASE IN PART B1,1.4(B),1.4(D)` or `RELEASE IN FULL`;
/// a browser's print margins (see [`is_print_margin`]).
pub fn is_pdf_page_furniture(text: &str) -> bool {
    // Nearly every line fails at its first two letters (`President…`, `Under…`, `1. (C)…`).
    match text.as_bytes() {
        [b'0'..=b'9' | b'h' | b'H' | b'f' | b'F', ..] => is_print_margin(text),
        [b'P', b'a' | b'A', ..] => is_page_count_line(text),
        // A page's number between dashes, as a word processor's footer sets it (`- 2 -`).
        [b'-', b' ', ..] => text
            .strip_prefix("- ")
            .and_then(|t| t.strip_suffix(" -"))
            .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())),
        [b'R', b'E', ..] | [b'U', b'N' | b'.', ..] => {
            let stamp = text.strip_prefix("UNCLASSIFIED ").unwrap_or(text);
            text.starts_with("RELEASE IN FULL")
                || text.starts_with("RELEASE IN PART")
                || stamp.starts_with("U.S. Department of State Case No.")
        }
        _ => false,
    }
}

/// `Page 2 of 3`, alone or with the time a browser prints beside it (`Page 2 of 4 12/3/10, 10:40 AM`);
/// `Page 2` alone, a PDF's own page number (not the telegram's `PAGE 02 ATHENS 02959`).
fn is_page_count_line(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("Page ").or_else(|| text.strip_prefix("PAGE ")) else { return false };
    if (1..=3).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut words = rest.split_ascii_whitespace();
    let (Some(page), Some(of), Some(pages)) = (words.next(), words.next(), words.next()) else { return false };
    is_page_count(&[page, of, pages])
        && words.next().is_none_or(|w| print_time_end(&rest[rest.find(w).unwrap_or(0)..]).is_some())
}

/// A browser's print margins, as a PDF of a printed cable page gives them in its text: the
/// date and time the page was printed, with the page's title after it (`12/3/10, 10:40 AM
/// Cable Viewer`); the page's address with the page count (`https://…/09USUNNEWYORK78.html
/// 2/4`). (The page count with the time, `Page 2 of 4 12/3/10, 10:40 AM`, is read with a
/// FOIA release's `Page 2 of 3`; margins split over two lines, with [`is_split_print_margin`].)
fn is_print_margin(text: &str) -> bool {
    if print_time_end(text).is_some() {
        return true;
    }
    // Nearly every line that gets here (`1. (C) …`, `… 2009`) fails at its first word.
    let mut words = text.split_ascii_whitespace();
    if !words.next().is_some_and(is_address) {
        return false;
    }
    is_page_count(&words.take(5).collect::<Vec<_>>())
}

/// `2/4`, `2 of 4`, `Page 2 of 4`.
fn is_page_count(words: &[&str]) -> bool {
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    match words {
        [w] => w.split_once('/').is_some_and(|(page, pages)| number(page) && number(pages)),
        [page, of, pages] => number(page) && of.eq_ignore_ascii_case("of") && number(pages),
        [label, rest @ ..] => label.eq_ignore_ascii_case("page") && rest.len() == 3 && is_page_count(rest),
        [] => false,
    }
}

/// Whether two lines are a browser's print margins that a PDF's text put on a line each: the
/// time on one and the page's title on the next (`12/3/10, 10:40 AM` / `Cable Viewer`), the
/// address on one and the count on the next (`https://…html` / `2/4`). Neither line alone is
/// proof (a cable may hold an address on a line of its own): only the pair. Lines are trimmed.
pub fn is_split_print_margin(first: &str, second: &str) -> bool {
    // Nearly every line fails at its first letter.
    match first.as_bytes().first() {
        Some(b'0'..=b'9') => {
            print_time_end(first).is_some_and(|end| first[end..].trim().is_empty())
                && !second.is_empty()
                && second.len() <= 100
        }
        Some(b'h' | b'H' | b'f' | b'F') => {
            is_address(first)
                && !first.contains(' ')
                && is_page_count(&second.split_ascii_whitespace().take(5).collect::<Vec<_>>())
        }
        _ => false,
    }
}

/// Where the date and time a browser prints end, when the text starts with them: `12/3/10,
/// 10:40 AM`, `12/03/2010, 22:40`, `3/12/2010 10:40:05 PM`.
fn print_time_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digits = |at: usize, min: usize, max: usize| {
        let n = b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        (min..=max).contains(&n).then_some(at + n)
    };
    let at = digits(0, 1, 2)?;
    (b.get(at) == Some(&b'/')).then_some(())?;
    let at = digits(at + 1, 1, 2)?;
    (b.get(at) == Some(&b'/')).then_some(())?;
    let mut at = digits(at + 1, 2, 4)?;
    let comma = b.get(at) == Some(&b',');
    if comma {
        at += 1;
    }
    let spaces = b[at.min(b.len())..].iter().take_while(|c| **c == b' ').count();
    (spaces > 0).then_some(())?;
    let at = digits(at + spaces, 1, 2)?;
    (b.get(at) == Some(&b':')).then_some(())?;
    let mut end = digits(at + 1, 2, 2)?;
    if b.get(end) == Some(&b':') {
        end = digits(end + 1, 2, 2)?;
    }
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let rest = &text[end..];
    let after = rest.trim_start();
    let meridiem = ["AM", "PM", "am", "pm", "A.M.", "P.M.", "a.m.", "p.m."].iter().find(|m| after.starts_with(**m));
    // A browser writes the comma or the AM/PM (`12/3/10, 10:40 AM`, `03/12/2010, 22:40`); a
    // database's record does not (`7/29/2009 14:42` above an ID, 09KHARTOUM881).
    match meridiem {
        Some(m) => Some(end + (rest.len() - after.len()) + m.len()),
        None => comma.then_some(end),
    }
}

/// A web address as a browser prints it (`https://…`, `file:///…`).
fn is_address(word: &str) -> bool {
    let b = word.as_bytes();
    let rest = if b.len() > 8 && b[..4].eq_ignore_ascii_case(b"http") {
        let secure = b[4].eq_ignore_ascii_case(&b's');
        &b[4 + usize::from(secure)..]
    } else if b.len() > 7 && b[..4].eq_ignore_ascii_case(b"file") {
        &b[4..]
    } else {
        return false;
    };
    rest.starts_with(b"://") && rest.len() > 3
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
        // A PDF's page number alone, or between dashes; not a dash before a number in the text.
        assert!(is_pdf_page_furniture("Page 2") && is_pdf_page_furniture("- 12 -"));
        assert!(!is_pdf_page_furniture("Page 2 shows") && !is_pdf_page_furniture("- 12 percent -"));
        assert!(is_page_header(
            "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739546 Date: 05/13/2015"
        ));
        assert!(!is_page_header("Page 2 of the report") && !is_page_header("RELEASE IN PRINCIPLE IS AGREED"));
        // A browser's print margins, in a PDF of a printed page.
        for margin in [
            "12/3/10, 10:40 AM\tCable Viewer",
            "12/03/2010, 22:40",
            "3/12/2010, 10:40:05 PM Viewing cable 09USUNNEWYORK78",
            "https://wikileaks.org/cable/2009/01/09USUNNEWYORK78.html\t2/4",
            "file:///home/me/Downloads/09USUNNEWYORK78.html 2 of 4",
            "Page 2 of 4 12/3/10, 10:40 AM",
        ] {
            assert!(is_page_header(margin), "{margin}");
        }
        // Split over two lines: only the pair is proof.
        assert!(is_split_print_margin("12/3/10, 10:40 AM", "Cable Viewer"));
        assert!(is_split_print_margin("https://wikileaks.org/cable/2009/01/09ROME1196.html", "2/4"));
        assert!(is_split_print_margin("HTTPS://WIKILEAKS.ORG/CABLE.HTML", "PAGE 2 OF 4"));
        assert!(!is_split_print_margin("http://www.state.sgov.gov/p/eur/ankara/", "WILSON"));
        assert!(!is_split_print_margin("12/3/10, 10:40 AM MEETING", "Cable Viewer"));
        assert!(!is_split_print_margin("12/3/10, 10:40 AM", ""));
        for text in [
            "12/3/10 MEETING",
            "7/29/2009 14:42",
            "1/2/2009, 10 PARTICIPANTS",
            "See http://www.state.gov for the text of 2 of 4",
            "SEE HTTP://WWW.STATE.GOV 2/4",
            "Page 2 of 4 copies",
            "2/4",
        ] {
            assert!(!is_page_header(text), "{text}");
        }
    }
}
