//! A copy's layout undone before the text is read: the quote marks an e-mail puts before every
//! line (`> `), and the blank line a PDF's text layer puts after every line. Each is undone only
//! when nearly every line shows it; the parser then reads the text as the telegram laid it out,
//! and a diagnostic says what was done (the spans index the text as read, `source_text`).

/// How many lines a text needs before its layout tells anything.
const MIN_LINES: usize = 6;

/// `text` without the quote marks before its lines (`> `, `>> `, `> > `), when nine in ten
/// of its lines carry one; `None` when it is no quoted text.
pub fn unquoted(text: &str) -> Option<String> {
    let mut text = std::borrow::Cow::Borrowed(text);
    // Quoted more than once (a reply to a forward): one level at a time.
    for _ in 0..8 {
        let lines = || text.split('\n').filter(|l| !l.trim().is_empty());
        let quoted = |l: &&str| l.trim_start().starts_with('>');
        // Read for every input: most are told at their first lines (a quoted text may open
        // with the line that introduces the quote, `On … wrote:`).
        if lines().take(5).filter(quoted).count() < 4 {
            break;
        }
        let (all, quoted) = (lines().count(), lines().filter(quoted).count());
        if all < MIN_LINES || quoted * 10 < all * 9 {
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
    // Doubled, a line's break is one blank line and a paragraph's three: no two lines touch.
    if adjacent * 50 > gaps.len() || breaks == 0 || ones * 5 < gaps.len() || own_paragraphs * 5 > written.len() {
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

    #[test]
    fn takes_off_the_quote_marks_of_an_e_mail() {
        let quoted: String = CABLE.split('\n').flat_map(|l| ["> ", l, "\n"]).collect();
        assert_eq!(unquoted(&quoted).as_deref(), Some(format!("{CABLE}\n").as_str()));
        let twice: String = CABLE.split('\n').flat_map(|l| [">> ", l, "\n"]).collect();
        assert_eq!(unquoted(&twice).as_deref(), Some(format!("{CABLE}\n").as_str()));
        // A cable that quotes a line or two is no quoted text.
        assert_eq!(unquoted(&format!("> a note above\n{CABLE}")), None);
        assert_eq!(unquoted(CABLE), None);
    }

    #[test]
    fn single_spaces_a_double_spaced_text() {
        let doubled = CABLE.split('\n').collect::<Vec<_>>().join("\n\n");
        assert_eq!(single_spaced(&doubled).as_deref(), Some(CABLE));
        assert_eq!(single_spaced(CABLE), None);
        // Paragraphs of one long line each, between blank lines: their breaks are kept.
        let long = format!("{}\n\n", "1. (C) The minister said that the talks would go on. ".repeat(4)).repeat(8);
        assert_eq!(single_spaced(&long), None);
    }
}
