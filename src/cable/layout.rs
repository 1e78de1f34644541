//! A copy's layout undone before the text is read: line breaks written out (`\n`, `&#10;`,
//! `<br>`), the quote marks an e-mail puts before every line (`> `), and the blank line a PDF's
//! text layer puts after every line. Each is undone only when nearly every line shows it; the
//! parser then reads the text as the telegram laid it out, and a diagnostic says what was done
//! (the spans index the text as read, `source_text`).

/// How many lines a text needs before its layout tells anything.
const MIN_LINES: usize = 6;

/// How line breaks were written out in a text that has (nearly) none of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenBreaks {
    /// `\n`: a JSON or CSV export's field copied raw (its other escapes are undone too).
    Escaped,
    /// `&#10;`, `&#x000A;`: an XML or HTML export's (its other references are decoded too).
    Entities,
    /// `<br>`: a web page's markup copied as text.
    Markup,
}

/// A line break written as a character reference, in lower case (`&#10;`, `&#x000A;`).
pub const BREAK_REFERENCES: [&str; 4] = ["&#10;", "&#xa;", "&#x0a;", "&#x000a;"];

/// `text` with its written-out line breaks made line breaks again, when it has at most three of
/// its own and at least five written out one way, or when nearly every line ends with a `<br>`;
/// `None` otherwise.
pub fn written_breaks(text: &str) -> Option<(String, WrittenBreaks)> {
    let count = |needle: &[u8]| memchr::memmem::find_iter(text.as_bytes(), needle).take(5).count() >= 5;
    let ends_with_br = |line: &str| {
        let l = line.trim_end().as_bytes();
        let tag = l.iter().rposition(|&b| b == b'<').map_or(&l[..0], |k| &l[k..]);
        tag.len() <= 6 && tag.ends_with(b">") && tag.len() >= 4 && tag[1..3].eq_ignore_ascii_case(b"br")
    };
    if memchr::memchr_iter(b'\n', text.as_bytes()).nth(3).is_some() {
        // Markup copied with its own breaks too: its first line ends with its `<br>` (nearly
        // every text fails here), and nearly every line does.
        if !text.split('\n').find(|l| !l.trim().is_empty()).is_some_and(ends_with_br) {
            return None;
        }
        let lines = || text.split('\n').filter(|l| !l.trim().is_empty());
        if lines().filter(|l| ends_with_br(l)).count() * 5 < lines().count() * 4 {
            return None;
        }
        return Some((markup_breaks(text), WrittenBreaks::Markup));
    }
    if count(b"\\n") {
        // A field copied with its quotes (`"UNCLAS …\n…"`) loses them.
        let t = text.trim();
        let inner = t.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(t);
        return Some((crate::container::json::unescape(inner), WrittenBreaks::Escaped));
    }
    if count(b"&#") {
        let lower = text.to_ascii_lowercase();
        let entities = BREAK_REFERENCES
            .iter()
            .map(|e| memchr::memmem::find_iter(lower.as_bytes(), e.as_bytes()).count())
            .sum::<usize>();
        if entities >= 5 {
            return Some((crate::html::decode_entities(text), WrittenBreaks::Entities));
        }
    }
    if count(b"<br") || count(b"<BR") {
        return Some((markup_breaks(text), WrittenBreaks::Markup));
    }
    None
}

/// `text` with each `<br>` (`<br/>`, `<BR />`) a line break (one with the break after it, if
/// any) and its character references decoded.
fn markup_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(k) = lower[at..].find("<br").map(|k| k + at) {
        let Some(end) = lower[k..].find('>').map(|e| k + e + 1).filter(|&e| e - k <= 6) else {
            out.push_str(&text[at..k + 3]);
            at = k + 3;
            continue;
        };
        out.push_str(&text[at..k]);
        out.push('\n');
        at = end;
        // `<br>` and a break of its own after it make one (`\r\n` too).
        if text[at..].starts_with("\r\n") {
            at += 2;
        } else if text[at..].starts_with('\n') {
            at += 1;
        }
    }
    out.push_str(&text[at..]);
    crate::html::decode_entities(&out)
}

/// How far into a text [`plain_spaces`] looks for a space of another kind than the no-break one:
/// a copy that made its spaces so made them so throughout.
const SPACES_WITHIN: usize = 8192;

/// What a copy puts where the telegram had a plain space or line break: a no-break space
/// (`&nbsp;`, a web page's or a word processor's), a narrow no-break or figure space, the
/// typographic spaces from U+2000 to U+200A, the ideographic space; and the line and paragraph
/// separators (U+2028, U+2029) and next-line control (U+0085) of some editors and exports.
fn plain(c: char) -> Option<char> {
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => Some(' '),
        '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
        _ => None,
    }
}

/// `text` with its spaces and line breaks of other kinds ([`plain`]) made plain again, its
/// ligatures written as letters and what shows nothing dropped ([`ligature`], [`invisible`]),
/// when it holds a no-break space, a soft hyphen, a ligature or a byte-order mark, or its
/// first 8 KB a typographic or zero-width space or a line or paragraph separator (the
/// ideographic space is made plain with them): the telegram knew only the plain ones, and the
/// line reader tells its fields and lines apart by them. `None` otherwise (nearly every text:
/// one search for `C2` and `EF` bytes at memory speed, and a look at each `E2` byte, the lead
/// of `’` and `“` too, in the first 8 KB).
pub fn plain_spaces(text: &str) -> Option<String> {
    let end = crate::lines::floor_char_boundary(text, SPACES_WITHIN);
    let head = &text[..end];
    // A no-break space anywhere (an HTML e-mail's `&nbsp; ` stands only where two spaces did,
    // which a telegram's header may not have); the others where a copy made them all.
    let b = head.as_bytes();
    // U+2000 to U+200A, U+2028, U+2029 and U+202F are `E2 80 xx`; `’` and `“` share the first
    // two bytes, so the third tells.
    let found = memchr::memchr_iter(0xE2, b).any(|at| match (b.get(at + 1), b.get(at + 2)) {
        (Some(0x80), Some(c)) => matches!(c, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF),
        (Some(0x81), Some(0xA0)) => true,
        _ => false,
    }) || has_no_break_invisible_or_ligature(text.as_bytes());
    found.then(|| {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match (plain(c), ligature(c)) {
                (Some(plain), _) => out.push(plain),
                (None, Some(letters)) => out.push_str(letters),
                (None, None) if invisible(c) => {}
                (None, None) => out.push(c),
            }
        }
        out
    })
}

/// `text` with each line's `\r\r\n` read as the one break it was: a Windows copy's `\r\n`
/// converted again by a tool that wrote every `\n` as `\r\n`. Read as two breaks, every line
/// stood a blank line from the next, and neither the double spacing nor the copy's own blank
/// lines could be told. When at least half the text's breaks are so; `None` otherwise (for
/// nearly every text, one search for a carriage return).
pub fn carriage_returns_doubled(text: &str) -> Option<String> {
    let b = text.as_bytes();
    memchr::memchr(b'\r', b)?;
    let doubled = memchr::memmem::find_iter(b, b"\r\r\n").count();
    (doubled > 0 && doubled * 2 >= memchr::memchr_iter(b'\n', b).count()).then(|| text.replace("\r\r\n", "\r\n"))
}

/// A PDF's ligatures (`ﬁ` in `Classiﬁed By`, `ﬂ`, `ﬀ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`), as its text layer
/// gives them to a copy: the letters they join.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

/// Characters that show nothing and that no telegram had: a soft hyphen (a web page's `&shy;`,
/// a word processor's), the zero-width space, joiners and word joiner, a byte-order mark
/// inside the text (where two files were joined).
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Whether `b` holds a no-break space (`C2 A0`), a soft hyphen (`C2 AD`), a ligature (`EF AC
/// 80`–`86`) or a byte-order mark (`EF BB BF`) anywhere (see [`ligature`], [`invisible`]): one
/// pass over the text. The zero-width spaces and word joiner are looked for with the other
/// spaces, in the first 8 KB.
fn has_no_break_invisible_or_ligature(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xC2, 0xEF, b).any(|at| match b[at] {
        0xC2 => matches!(b.get(at + 1), Some(0xA0 | 0xAD)),
        _ => matches!((b.get(at + 1), b.get(at + 2)), (Some(0xAC), Some(0x80..=0x86)) | (Some(0xBB), Some(0xBF))),
    })
}

/// Unquoted lines an e-mail may have above the quoted text: its own header (`From:`, `Sent:`,
/// `To:`, `Cc:`, `Subject:`), the line that introduces the quote (`On … wrote:`), a greeting.
const QUOTE_PREAMBLE: usize = 12;

/// `text` without the quote marks before its lines (`> `, `>> `, `> > `), when nine in ten of
/// its lines from the first quoted one on carry one (the lines above it, up to
/// [`QUOTE_PREAMBLE`], stay as they are); `None` when it is no quoted text.
pub fn unquoted(text: &str) -> Option<String> {
    // Nearly every text has no `>` at all: told at memory speed.
    memchr::memchr(b'>', text.as_bytes())?;
    let mut text = std::borrow::Cow::Borrowed(text);
    // Quoted more than once (a reply to a forward): one level at a time.
    for _ in 0..8 {
        let quoted = |l: &str| l.trim_start().starts_with('>');
        // Read for every input: most are told at their first lines.
        let Some(first) = text.split('\n').filter(|l| !l.trim().is_empty()).take(QUOTE_PREAMBLE + 1).position(quoted)
        else {
            break;
        };
        let lines = || text.split('\n').filter(|l| !l.trim().is_empty()).skip(first);
        if lines().take(5).filter(|l| quoted(l)).count() < 4 {
            break;
        }
        let (all, marked) = (lines().count(), lines().filter(|l| quoted(l)).count());
        if all < MIN_LINES || marked * 10 < all * 9 {
            break;
        }
        let mut out = String::with_capacity(text.len());
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                out.push('\n');
            }
            let Some(rest) = line.trim_start().strip_prefix('>') else {
                out.push_str(line);
                continue;
            };
            // One space after the mark belongs to it; the line's own indent stays.
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        }
        text = std::borrow::Cow::Owned(out);
    }
    match text {
        std::borrow::Cow::Owned(out) => Some(out),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// `text` without the number before each line, when every written line has one and each is one
/// more than the last (a PDF with numbered lines, `cat -n`, `nl`, a viewer's gutter copied
/// along): the number and the space or tab after it go, the line's own indent stays. A blank
/// line may have a number or none. `None` for any other text: a cable's paragraph numbers never
/// run on from line to line.
pub fn line_numbers(text: &str) -> Option<String> {
    // Read for every input: nearly every one has no number before its first written line.
    let first = text.split('\n').map(str::trim_start).find(|l| !l.is_empty())?;
    if !first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Where a line's text begins after its number and separator, and the number.
    let numbered = |line: &str| -> Option<(usize, u32)> {
        let digits_at = line.len() - line.trim_start_matches(' ').len();
        let digits = line[digits_at..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return None;
        }
        let number = line[digits_at..digits_at + digits].parse().ok()?;
        let after = digits_at + digits;
        match line.as_bytes().get(after) {
            None | Some(b'\r') => Some((after, number)),
            Some(b' ' | b'\t') => Some((after + 1, number)),
            Some(_) => None,
        }
    };
    let (mut written, mut running, mut listed) = (0usize, 0usize, 0usize);
    let mut last: Option<u32> = None;
    for line in text.split('\n') {
        let blank = line.trim().is_empty();
        written += usize::from(!blank);
        if let Some((at, number)) = numbered(line) {
            let runs_on = last.is_none_or(|last| number == last + 1);
            running += usize::from(runs_on);
            // A listing's (`cat -n`, `nl`): the number set right in six columns, then a tab.
            listed += usize::from(runs_on && at == 7 && line.as_bytes()[6] == b'\t');
            last = Some(number);
        } else if !blank {
            last = None;
        }
    }
    // A listing's numbers tell on a short text too (a 1970s telegram's body of three lines).
    let enough = if listed == written { 2 } else { MIN_LINES };
    if written < enough || running * 10 < written * 9 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        match numbered(line) {
            Some((at, _)) => out.push_str(&line[at..]),
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// `text` with a forum's quote or code tags around it, `[quote]…[/quote]` or `[code]…[/code]`
/// (`[quote="…"]` too), written over with spaces (no line moves), when the text opens with the
/// one and ends with the other, as a forum's quote button glues them to its first and last
/// words; `None` otherwise. (On lines of their own, anywhere, they are a wrapper's lines:
/// `container::wrapper_marker`.)
pub fn bbcode_wrapped(text: &str) -> Option<String> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    if !rest.starts_with('[') {
        return None;
    }
    let open_len = rest.as_bytes()[..rest.len().min(120)].iter().position(|&b| b == b'\n' || b == b']')? + 1;
    // An opening quote or code tag, as a line of its own would be one.
    if rest.starts_with("[/") || !crate::container::wrapper_marker(&rest[..open_len]) {
        return None;
    }
    let tag = &rest[1..open_len - 1];
    let name = tag.split_once('=').map_or(tag, |(name, _)| name);
    let end = text.trim_end().len();
    let close_len = name.len() + 3;
    let close_at = end.checked_sub(close_len).filter(|&at| at >= start + open_len && text.is_char_boundary(at))?;
    let close = &text[close_at..end];
    if !(close.starts_with("[/") && close.get(2..close_len - 1).is_some_and(|n| n.eq_ignore_ascii_case(name))) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    out.extend(std::iter::repeat_n(' ', open_len));
    out.push_str(&text[start + open_len..close_at]);
    out.extend(std::iter::repeat_n(' ', close_len));
    out.push_str(&text[end..]);
    Some(out)
}

/// `text` single-spaced, when a blank line follows every line of it (a PDF's text layer): no
/// two lines touch, lines are one blank line apart and paragraphs three. One blank line between
/// two lines goes; a run of them is a paragraph's break and stays (three blank lines, one in the
/// telegram, become one). `None` for any other text; a text of long lines one blank line apart,
/// a paragraph each, is none (its blank lines are its breaks).
pub fn single_spaced(text: &str) -> Option<String> {
    // Read for every input: nearly all have two lines that touch among their first.
    let mut head = text.split('\n').take(40).map(|l| l.trim().is_empty());
    let mut previous_written = false;
    for blank in &mut head {
        if !blank && previous_written {
            return None;
        }
        previous_written = !blank;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |k: usize| lines[k].trim().is_empty();
    // The gaps between one written line and the next: how many blank lines stand there.
    let written: Vec<usize> = (0..lines.len()).filter(|&k| !blank(k)).collect();
    if written.len() < MIN_LINES {
        return None;
    }
    let gaps: Vec<usize> = written.windows(2).map(|w| w[1] - w[0] - 1).collect();
    let count = |keep: &dyn Fn(usize) -> bool| gaps.iter().filter(|&&g| keep(g)).count();
    let (ones, adjacent, breaks) = (count(&|g| g == 1), count(&|g| g == 0), count(&|g| g >= 3));
    // A line of a paragraph of its own (a web copy's) is one blank line from the next; doubled,
    // it is three (its break, doubled).
    let own_paragraphs = written.iter().zip(&gaps).filter(|&(&k, &gap)| lines[k].len() > 100 && gap == 1).count();
    // Doubled, every gap is odd (a break of `g` blank lines becomes `2g + 1`); a web copy's
    // paragraphs of one line each stand one blank line apart and its header's lines two.
    let odd = gaps.iter().all(|g| g % 2 == 1);
    // Doubled, a line's break is one blank line and a paragraph's three: no two lines touch,
    // and a line stands one blank line from the next beyond the first (a chat's `Here is the
    // cable:` above a telegram whose paragraphs are lines of their own is no doubling).
    let ones_after_the_first = ones - usize::from(gaps.first() == Some(&1));
    if adjacent * 50 > gaps.len()
        || breaks == 0
        || ones * 5 < gaps.len()
        || ones_after_the_first == 0
        || (!odd && own_paragraphs * 5 > written.len())
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (first, last) = (written[0], written[written.len() - 1]);
    for line in &lines[..first] {
        out.push_str(line);
        out.push('\n');
    }
    for (k, &at) in written.iter().enumerate() {
        out.push_str(lines[at]);
        if let Some(&gap) = gaps.get(k) {
            out.push('\n');
            let kept = if gap <= 1 { 0 } else { ((gap - 1) / 2).max(1) };
            for _ in 0..kept {
                out.push('\n');
            }
        }
    }
    // The text's last line break, if it had one (the blank lines after it are the doubling's).
    if last + 1 < lines.len() {
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CABLE: &str = "C O N F I D E N T I A L MADRID 000520\n\nSIPDIS\n\nE.O. 12958: DECL: 05/07/2019\n\
                         TAGS: PREL, SP\nSUBJECT: SPAIN AND THE\nNEW COMMISSION\n\n1. (C) The minister said that\n\
                         the talks would go on.\n\n2. (C) He added nothing.\n\nAGUIRRE\n";

    /// Numbers before every line, as a PDF with numbered lines, `cat -n` and `nl` give them, go;
    /// numbers that do not run on from line to line (a cable's paragraphs) stay.
    #[test]
    fn takes_off_the_numbers_before_each_line() {
        let lines: Vec<&str> = CABLE.split('\n').collect();
        let pdf: Vec<String> = lines.iter().enumerate().map(|(k, l)| format!("{} {l}", k + 1)).collect();
        let cat: Vec<String> = lines.iter().enumerate().map(|(k, l)| format!("{:6}\t{l}", k + 1)).collect();
        let mut n = 0;
        let nl: Vec<String> = lines
            .iter()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    n += 1;
                    format!("{n:6}\t{l}")
                }
            })
            .collect();
        for numbered in [pdf, cat, nl] {
            assert_eq!(line_numbers(&numbered.join("\n")).as_deref(), Some(CABLE), "{numbered:?}");
        }
        assert_eq!(line_numbers(CABLE), None);
        let paragraphs =
            "1. (C) The talks.\n2. (C) More talks.\n3. (C) Yet more.\n4. (C) And more.\n5. (C) Done.\n6. (C) Now.\n";
        assert_eq!(line_numbers(paragraphs), None);
        let list = "1 TANK\n2 TRUCKS\n3 PLANES\n4 GUNS\n\n1 SHIP\n2 BOATS\n3 RAFTS\n";
        assert_eq!(line_numbers(list), None, "numbers that start again");
        // A listing of a short text: its numbers are told by their shape.
        let short = "     1\t1. THE TALKS WILL GO ON.\n\n     2\tSMITH\n";
        assert_eq!(line_numbers(short).as_deref(), Some("1. THE TALKS WILL GO ON.\n\nSMITH\n"));
        assert_eq!(line_numbers("1 THE TALKS\n2 SMITH\n"), None, "two numbered lines of a text");
    }

    /// A forum's quote or code tags glued to the text's first and last words are written over;
    /// tags that do not open and close the text, or do not match, are left be.
    #[test]
    fn writes_over_bbcode_around_the_text() {
        let quoted = format!("[quote=\"a reader\"]{}[/QUOTE]\n", CABLE.trim_end());
        let unwrapped = bbcode_wrapped(&quoted).expect("unwrapped");
        assert_eq!(unwrapped.len(), quoted.len());
        assert_eq!(unwrapped.trim(), CABLE.trim());
        assert_eq!(crate::parse(&quoted).signers, ["AGUIRRE"]);
        assert_eq!(crate::parse(&quoted).serial.as_deref(), Some("000520"));
        assert!(bbcode_wrapped(&format!("[code]\n{CABLE}[/code]")).is_some());
        assert_eq!(bbcode_wrapped(&format!("[quote]{CABLE}[/code]")), None);
        assert_eq!(bbcode_wrapped(&format!("[quote]{CABLE}")), None);
        assert_eq!(bbcode_wrapped(&format!("[1] {CABLE}[/quote]")), None);
        assert_eq!(bbcode_wrapped("[quote]¶[/quote]").as_deref(), Some("       ¶        "));
        assert_eq!(bbcode_wrapped("[quote]"), None);
    }

    /// No-break and typographic spaces, and line separators, as copies give them: the text reads
    /// as with plain ones; a text with none (curly quotes and pilcrows are no spaces) is left be.
    #[test]
    fn makes_spaces_and_line_breaks_of_other_kinds_plain() {
        let nbsp = CABLE.replace(' ', "\u{a0}");
        assert_eq!(plain_spaces(&nbsp).as_deref(), Some(CABLE));
        let mixed = CABLE.replace("  ", "\u{a0} ").replace("SPAIN AND", "SPAIN\u{2009}AND").replace('\n', "\u{2028}");
        assert_eq!(plain_spaces(&mixed).as_deref(), Some(CABLE));
        assert_eq!(plain_spaces(&CABLE.replace('\n', "\u{2029}")).as_deref(), Some(CABLE));
        assert_eq!(plain_spaces("\u{b6}1. (C) The minister\u{2019}s \u{201c}talks\u{201d} \u{2014} none."), None);
        // A PDF's ligatures and the characters that show nothing (a soft hyphen, a zero-width
        // space, a byte-order mark inside the text).
        let pdf = "Classi\u{fb01}ed By: Ambassador for reasons 1.4 (b), \u{fb02}ow, o\u{fb00}ice";
        assert_eq!(plain_spaces(pdf).as_deref(), Some("Classified By: Ambassador for reasons 1.4 (b), flow, office"));
        let hidden = "Clas\u{ad}si\u{200b}fied By:\u{feff} Ambassador";
        assert_eq!(plain_spaces(hidden).as_deref(), Some("Classified By: Ambassador"));
        assert_eq!(crate::parse(&nbsp).tags, crate::parse(CABLE).tags);
    }

    #[test]
    fn restores_line_breaks_written_out() {
        let escaped = format!("\"{}\"", CABLE.replace('\n', "\\n"));
        assert_eq!(written_breaks(&escaped), Some((CABLE.to_owned(), WrittenBreaks::Escaped)));
        let entities = CABLE.replace('\n', "&#10;");
        assert_eq!(written_breaks(&entities), Some((CABLE.to_owned(), WrittenBreaks::Entities)));
        let markup = CABLE.replace('\n', "<BR/>\n");
        assert_eq!(written_breaks(&markup), Some((CABLE.to_owned(), WrittenBreaks::Markup)));
        // A text with its own breaks that mentions `\n`, or a line with a few: left alone.
        assert_eq!(written_breaks(&format!("{CABLE}\n1. Split on \\n, \\n, \\n, \\n and \\n.\n")), None);
        assert_eq!(written_breaks("UNCLAS STATE 000001\\nSUBJECT: X\\n\\n1. Text."), None);
    }

    #[test]
    fn takes_off_the_quote_marks_of_an_e_mail() {
        let quoted: String = CABLE.split('\n').flat_map(|l| ["> ", l, "\n"]).collect();
        assert_eq!(unquoted(&quoted).as_deref(), Some(format!("{CABLE}\n").as_str()));
        let twice: String = CABLE.split('\n').flat_map(|l| [">> ", l, "\n"]).collect();
        assert_eq!(unquoted(&twice).as_deref(), Some(format!("{CABLE}\n").as_str()));
        // Under the e-mail's own header, unquoted: the header stays, the marks go.
        let header = "From: A Reader\nSent: Monday\nSubject: FW: the cable\n\n";
        assert_eq!(unquoted(&format!("{header}{twice}")), Some(format!("{header}{CABLE}\n")));
        // A cable that quotes a line or two is no quoted text.
        assert_eq!(unquoted(&format!("> a note above\n{CABLE}")), None);
        assert_eq!(unquoted(CABLE), None);
    }

    #[test]
    fn reads_a_doubled_carriage_return_as_one_break() {
        let twice = CABLE.replace('\n', "\r\r\n");
        assert_eq!(carriage_returns_doubled(&twice).as_deref(), Some(CABLE.replace('\n', "\r\n").as_str()));
        // A Windows copy as it is, and a text with one stray doubled return, are left alone.
        assert_eq!(carriage_returns_doubled(&CABLE.replace('\n', "\r\n")), None);
        assert_eq!(carriage_returns_doubled(&CABLE.replacen('\n', "\r\r\n", 1)), None);
    }

    #[test]
    fn single_spaces_a_double_spaced_text() {
        let doubled = CABLE.split('\n').collect::<Vec<_>>().join("\n\n");
        assert_eq!(single_spaced(&doubled).as_deref(), Some(CABLE));
        assert_eq!(single_spaced(CABLE), None);
        // Paragraphs of one long line each, between blank lines: their breaks are kept.
        let long = format!("{}\n\n", "1. (C) The minister said that the talks would go on. ".repeat(4)).repeat(8);
        assert_eq!(single_spaced(&long), None);
        // A cable whose points are long lines that touch (10STATE7810's `-- …` bullets), doubled:
        // every gap odd, so its breaks were doubled, not its own.
        let points = "-- The United States believes that NATO - as a matter of course - should conduct appropriate planning for every Ally.\n".repeat(3);
        let bullets = format!("{CABLE}\n{}{}", points.repeat(2), "AGUIRRE\n");
        let doubled = bullets.split('\n').collect::<Vec<_>>().join("\n\n");
        assert_eq!(single_spaced(&doubled).as_deref(), Some(bullets.as_str()));
        // A chat's line one blank line above a telegram whose paragraphs are lines of their own,
        // four blank lines apart (a National Archives text): no doubling.
        let paragraphs = "1. THE MINISTER SAID THAT THE TALKS WOULD GO ON.\n\n\n\n\n".repeat(6);
        assert_eq!(single_spaced(&format!("Here is the cable:\n\n{paragraphs}RUSH\n")), None);
    }
}
