//! The body: numbered, portion-marked paragraphs under optional headings, with
//! the layout debris of teletype pages removed and hard wraps joined.

use super::builder::Builder;
use super::fields::{classification, envelope, eo, tags};
use super::lines::{find_ci, is_rule, join_wrapped, starts_with_ci};
use super::model::{Debris, DiagnosticKind, Field, Paragraph, ParagraphKind, Section, Severity, Span};
use super::shapes::{ParagraphStart, is_section_marker, is_teletype_page_header, paragraph_start};

/// What a body line is, before it joins a paragraph.
enum LineKind {
    Blank,
    /// Layout debris, with its kind for `removed`.
    Debris(Debris),
    Heading(String),
    /// A rule under or around a heading.
    Rule,
    Text,
}

struct Draft {
    number: Option<u32>,
    marking: Option<String>,
    bullet: bool,
    /// Line indices.
    lines: Vec<usize>,
    text: String,
}

/// Where the body begins when it stands before the header: a text that opens with its first
/// numbered paragraph and carries a header only further on (an archive's text of a telegram
/// whose second section repeats `FM … TO … UNCLAS SECTION 02 OF 02 PARIS 41898`). `header_end`
/// is where the header reader stopped; `None` when the text opens with its header (or nothing
/// of a header was read).
pub fn body_before_header(p: &mut Builder<'_>, header_end: usize) -> Option<usize> {
    let first_held = (p.start..header_end).find(|&i| p.is_held(i))?;
    let (first, opening) = paragraph_one(p).filter(|&(first, _)| first < first_held)?;
    // The opening of what the text was pasted in, above it: its close closes the telegram.
    if let Some(opening) = opening {
        p.remove(opening, Debris::Container);
    }
    Some(first)
}

/// The text's first line, when it opens paragraph 1 (an archive's text of a telegram's body),
/// or the first in what it was pasted in (a code fence, `[quote]`), a few lines of a chat's words
/// above it or not (`Here is the cable:` / ```` ``` ```` / `1. WE ENDORSE…`).
pub fn opens_with_paragraph_one(p: &Builder<'_>) -> Option<usize> {
    paragraph_one(p).map(|(first, _)| first)
}

/// [`opens_with_paragraph_one`]'s line, and the opening of what the text was pasted in, if any.
fn paragraph_one(p: &Builder<'_>) -> Option<(usize, Option<usize>)> {
    // A PDF's page furniture above it (a browser's print margins) is none of the text.
    // Nor is an e-mail's header the text was forwarded under (`Builder::start`).
    let lines = p.lines.iter().enumerate().skip(p.start).filter(|&(i, l)| !l.is_blank() && !p.is_furniture(i));
    let opening = lines.clone().take(4).position(|(_, l)| crate::container::wrapper_marker(l.text));
    let opening_line = opening.and_then(|k| lines.clone().nth(k)).map(|(i, _)| i);
    // A line or two of what the text was copied from may stand above it too (a database page's
    // label, `Message Text`; a chat's `Here is the cable:`): short, and none of a telegram's.
    let preamble = |text: &str| {
        let text = text.trim();
        text.len() <= 60
            && paragraph_start(text).is_none()
            && !super::header::is_telegram_line(text)
            && !super::header::is_field_line(text)
    };
    let mut rest = lines.skip(opening.map_or(0, |k| k + 1));
    for _ in 0..=PREAMBLE_LINES {
        let (first, line) = rest.next()?;
        if paragraph_start(line.text).is_some_and(|s| s.number == Some(1)) {
            return Some((first, opening_line));
        }
        if opening.is_some() || !preamble(line.text) {
            return None;
        }
    }
    None
}

/// How many short lines of what a text was copied from may stand above its paragraph 1
/// ([`paragraph_one`]).
const PREAMBLE_LINES: usize = 2;

/// Reads the body from line `start` to the end. Lines before `header_end` that the header
/// holds are a break between two paragraphs, as a page break is (see [`body_before_header`]).
pub fn parse_body(p: &mut Builder<'_>, start: usize, header_end: usize) {
    let mut sections: Vec<(Option<String>, Vec<Draft>)> = vec![(None, Vec::new())];
    let mut current: Option<Draft> = None;
    let mut gap = false;
    // A page header, section marker or banner stood in the gap: the text was cut by a page.
    let mut page_break = false;
    let mut repeated_header = false;
    // Whether a paragraph so far was numbered with a full stop (`1.`, `¶2.`): after one, a
    // number with a parenthesis (`1) Joint Staff Talks…`) is an item of a list in it.
    let mut numbered_with_stops = false;
    // The number of the latest numbered paragraph.
    let mut last_number: Option<u32> = None;
    let envelopes = section_envelopes(p, start);
    let mut i = start;
    while i < p.end {
        let text = p.lines[i].text;
        // A line the header holds, a later section's envelope: a break, as a page's.
        let past = if i < header_end && p.is_held(i) { Some(i + 1) } else { set_aside_envelope(p, &envelopes, i) };
        if let Some(next) = past {
            page_break = true;
            i = next;
            continue;
        }
        match line_kind(p, i, start, repeated_header) {
            LineKind::Blank => gap = true,
            LineKind::Debris(kind) => {
                if kind == Debris::Caption {
                    repeated_header = true;
                }
                page_break |=
                    matches!(kind, Debris::PageHeader | Debris::SectionMarker | Debris::Banner | Debris::Caption);
                // The close of what the text was pasted or sent in (a code fence, an e-mail's
                // sign-off): what follows is another's text, never the paragraph above going on.
                if kind == Debris::Container {
                    flush(&mut current, &mut sections);
                    page_break = false;
                }
                p.remove(i, kind);
            }
            LineKind::Rule => p.remove(i, Debris::Rule),
            LineKind::Heading(mut title) => {
                let first_line = current.as_ref().filter(|d| !gap && is_first_line_of_heading(p, d, i, start));
                if let Some(draft) = first_line {
                    title = format!("{} {title}", draft.text);
                    let line = draft.lines[0];
                    current = None;
                    p.hold(line, Field::Heading);
                }
                flush(&mut current, &mut sections);
                sections.push((Some(title), Vec::new()));
                p.hold(i, Field::Heading);
                gap = false;
                repeated_header = false;
            }
            LineKind::Text => {
                repeated_header = false;
                let mut start_info = line_start(p, current.as_ref(), i, gap);
                list_item_under_paragraphs(&mut start_info, text, &mut numbered_with_stops, gap || current.is_none());
                let starts_new = begins_paragraph(start_info.as_ref(), current.as_ref(), text, gap, last_number);
                if starts_new || current.is_none() {
                    flush(&mut current, &mut sections);
                    let s =
                        start_info.unwrap_or(ParagraphStart { number: None, marking: None, bullet: false, text_at: 0 });
                    last_number = s.number.or(last_number);
                    let own = text[s.text_at..].trim();
                    current = Some(Draft {
                        number: s.number,
                        marking: s.marking.map(str::to_owned),
                        bullet: s.bullet,
                        lines: draft_lines(i),
                        text: draft_text(own, &p.lines[i + 1..]),
                    });
                } else if let Some(draft) = current.as_mut() {
                    if gap && !continues(&draft.text, filled_last_line(p, draft), text, page_break, p.caseless) {
                        flush(&mut current, &mut sections);
                        current = Some(Draft {
                            number: None,
                            marking: None,
                            bullet: false,
                            lines: draft_lines(i),
                            text: draft_text(text, &p.lines[i + 1..]),
                        });
                    } else {
                        if gap {
                            p.diag(
                                Some(p.lines[i].number),
                                Severity::Info,
                                DiagnosticKind::Rejoined,
                                "a paragraph split by a page or paste break was rejoined".to_owned(),
                            );
                        }
                        join_wrapped(&mut draft.text, text);
                        draft.lines.push(i);
                    }
                }
                gap = false;
                page_break = false;
            }
        }
        i += 1;
    }
    flush(&mut current, &mut sections);
    take_signers(p, &mut sections);
    repair_numbers(p, &mut sections);
    build_sections(p, sections);
    mark_kinds(p);
}

/// The envelopes of the cable's later sections inside its text, each sent as a message of its
/// own and copied one after another (`VZCZC…` / `DE RUEHC #6011/02 …` / `FM` / `TO` … down to
/// the section's caption): a section marker's place, never text, and what a page break cut goes
/// on across it. The first `DE` line is the cable's own; a later one of the same station and
/// message number opens a section (another's opens a second cable, `header::second_envelope`).
fn section_envelopes(p: &Builder<'_>, start: usize) -> Vec<(usize, usize)> {
    let des = envelope::de_lines(&p.lines[..p.end]);
    let Some((_, first)) = des.first() else { return Vec::new() };
    let mut envelopes = Vec::new();
    for (k, de) in &des[1..] {
        let same =
            de.station == first.station && de.station_serial.is_some() && de.station_serial == first.station_serial;
        if !same || *k < start {
            continue;
        }
        let caption = (k + 1..p.end.min(k + 80))
            .find(|&j| classification::parse_caption_line(p.lines[j].text).is_some_and(|c| c.serial.is_some()));
        if let Some(end) = caption {
            envelopes.push((envelope::envelope_start(&p.lines, *k).max(start), end));
        }
    }
    envelopes
}

/// The later section's envelope that line `i` begins ([`section_envelopes`]), set aside as a
/// section marker: the line after it.
fn set_aside_envelope(p: &mut Builder<'_>, envelopes: &[(usize, usize)], i: usize) -> Option<usize> {
    let &(_, end) = envelopes.iter().find(|(from, to)| (*from..*to).contains(&i))?;
    for k in i..end {
        if !p.lines[k].is_blank() {
            p.remove(k, Debris::SectionMarker);
        }
    }
    Some(end)
}

/// Whether `draft`, just above the heading at line `i`, is the heading's first line
/// (`PRINCE KHALID'S REPUTATION:` over `ANOTHER CASUALTY OF THE WAR?` and its rule), there or
/// above a PDF's page break.
fn is_first_line_of_heading(p: &Builder<'_>, draft: &Draft, i: usize, start: usize) -> bool {
    let above = if p.has_furniture() { p.line_above(i, start) } else { i.checked_sub(1) };
    above.is_some_and(|above| draft.lines == [above])
        && draft.number.is_none()
        && draft.marking.is_none()
        && !draft.bullet
        && draft.text.len() <= 80
        && !ends_a_sentence(&draft.text)
}

fn line_kind(p: &Builder<'_>, i: usize, start: usize, repeated_header: bool) -> LineKind {
    let text = p.lines[i].text;
    if text.is_empty() {
        return LineKind::Blank;
    }
    if p.is_furniture(i) {
        return LineKind::Debris(Debris::PageHeader);
    }
    // A lone full stop or quote mark under the text (`GRAY` / `.`, an e-mail's `>`), or the
    // ellipsis of a copy cut short (`Whitehead` / `...`): no text.
    if matches!(text, "." | ">" | ">>" | "..." | "…") {
        return LineKind::Rule;
    }
    let shaped = p.shaped(text);
    if is_teletype_page_header(&shaped) {
        return LineKind::Debris(Debris::PageHeader);
    }
    if is_section_marker(&shaped) {
        return LineKind::Debris(Debris::SectionMarker);
    }
    if let Some(kind) = trailer_kind(&shaped) {
        return LineKind::Debris(kind);
    }
    if trailer_read_last(p).is_some_and(|r| wrapped_trailer(p, i, r) || archive_trailer_part(text)) {
        return LineKind::Debris(Debris::ArchiveTrailer);
    }
    if ends_text(p, i) {
        return LineKind::Debris(Debris::Container);
    }
    if classification::handling_line(text).is_some() {
        return LineKind::Debris(Debris::Caption);
    }
    if let Some(caption) = classification::parse_caption_line(text) {
        // The cable's own caption repeated in a later section may carry the words after its
        // serial that the first one did (`… STATE 123456 TOSEC 050123`).
        let own = caption.serial.is_some() && caption.serial == p.cable.serial.as_deref();
        if caption.leftover.is_empty() && caption.rest.is_none() && (caption.trailing.is_empty() || own) {
            return LineKind::Debris(if caption.serial.is_some() { Debris::Caption } else { Debris::Banner });
        }
    }
    // The header block repeated at the start of a later section (06GENEVA2654, 07BERN881).
    if repeated_header
        && (eo::is_eo_line(text)
            || tags::strip_tags_keyword(text).is_some()
            || super::fields::subject::strip_subject_keyword(text).is_some())
    {
        return LineKind::Debris(Debris::RepeatedHeader);
    }
    if is_rule(text) {
        return LineKind::Rule;
    }
    if let Some(title) = heading(p, i, start) {
        return LineKind::Heading(title);
    }
    LineKind::Text
}

/// Whether line `i` closes what the text was pasted or sent in (a code fence, `[/quote]`, an
/// e-mail's signature): a container's line, and what follows it is not the telegram's.
pub fn ends_text(p: &Builder<'_>, i: usize) -> bool {
    crate::container::wrapper_marker(p.lines[i].text) || mail_signature_at(p, i)
}

/// Where the e-mail that carried a cable signs off under it: the signature's delimiter (`-- `),
/// with a few lines after it and no more, or the phone's line that ends the text (`Sent from my
/// iPhone`). What follows is the sender's, not the telegram's.
fn mail_signature_at(p: &Builder<'_>, i: usize) -> bool {
    let text = p.lines[i].text;
    let after = || p.lines[i + 1..].iter().filter(|l| !l.is_blank());
    match text.as_bytes().first() {
        Some(b'-') => text == "--" && after().count() <= 6,
        Some(b'S') => {
            text.len() <= 48 && text.starts_with("Sent from my ") && !text.ends_with('.') && after().next().is_none()
        }
        _ => false,
    }
}

/// Section headings: `//EVO MORALES VISIT//`, `------- SUMMARY -------`, a short
/// line under or over a rule, or a short line standing alone between blank lines.
fn heading(p: &Builder<'_>, i: usize, start: usize) -> Option<String> {
    let text = p.lines[i].text;
    if text.len() > 4 && text.starts_with("//") && text.ends_with("//") {
        let inner = text.trim_matches('/').trim();
        return (!inner.is_empty()).then(|| inner.to_owned());
    }
    if text.starts_with("---") && text.ends_with("---") {
        let inner = text.trim_matches(|c: char| c == '-' || c.is_whitespace());
        return (!inner.is_empty()).then(|| inner.to_owned());
    }
    if text.len() > 80 {
        return None;
    }
    let first = text.chars().next()?;
    // A PDF's page furniture between a heading and its blank line is no text of the cable's.
    let above = |j: usize| if p.has_furniture() { p.line_above(j, start) } else { (j > start).then(|| j - 1) };
    let below = |j: usize| if p.has_furniture() { p.line_below(j) } else { (j + 1 < p.lines.len()).then_some(j + 1) };
    let line = |j: Option<usize>| j.map(|j| p.lines[j].text);
    let (prev, next) = (line(above(i)), line(below(i)));
    // A rule that is one of the two around another line's heading (`----` / `Evo: The seasoned
    // Bolivian politician` / `----`, not a numbered paragraph's) rules no line beside it: with
    // the blank lines lost, the paragraph's last line above it and its first line under it
    // touch the rules.
    let sandwich = |rule: Option<usize>, step: &dyn Fn(usize) -> Option<usize>| {
        let title = rule.and_then(step);
        let other = title.and_then(step);
        line(title).is_some_and(|t| !t.is_empty() && !is_rule(t) && paragraph_start(t).is_none())
            && line(other).is_some_and(is_rule)
    };
    // A line of words: not blank, not a rule, not a mark alone (a spaced rule's `-` wrapped).
    let text_line = |t: Option<&str>| t.is_some_and(|t| !is_rule(t) && t.bytes().any(|c| c.is_ascii_alphanumeric()));
    // A rule under a paragraph's last line, which closes a sentence, rules it only if it
    // underlines it: `…End Summary.` / `-----------` over a heading is the paragraph's end; a
    // rule over a heading under a sentence's end is the heading's (`…in his administration.` /
    // `-------` / `USAID SUPPORT` / `-------`), whatever its length.
    let ruled_below = next.is_some_and(|rule| {
        if !is_rule(rule) {
            return false;
        }
        !closes_a_sentence(text)
            || !sandwich(below(i), &below) && (!text_line(prev) || crate::lines::underlines(rule, text))
    });
    // A rule that underlines the line above it is that line's, not this one's (unless that
    // line opens a numbered paragraph: `-----` / `¶1. SUMMARY` / `-----` / `Topics of the week:`).
    let ruled_above = prev.is_some_and(|rule| {
        if !is_rule(rule) {
            return false;
        }
        let over = line(above(i).and_then(above)).filter(|&o| text_line(Some(o)) && paragraph_start(o).is_none());
        !sandwich(above(i), &above) && !over.is_some_and(|o| crate::lines::underlines(rule, o))
    });
    let ruled = ruled_below || ruled_above;
    let alone = prev.is_none_or(str::is_empty) && next.is_none_or(str::is_empty);
    // A heading in a copy that lost its blank lines (a PDF's text layer, a viewer that sets
    // paragraphs apart by their margins), or the blank line above it: a short line between a
    // sentence's end (or the header's last line) and a numbered paragraph, a blank line over
    // that or none. (A body-only telegram's first line is its subject's end, `ATURE OF MOU`,
    // never a heading.)
    let paragraph = if next == Some("") { line(below(i).and_then(below)) } else { next };
    // (The cheap tests first: this is asked of nearly every line.)
    let squeezed = !ruled
        && !alone
        && paragraph.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit() || c == '¶'))
        && !text.ends_with(['.', ',', ';', ':', '"', '”'])
        && first.is_alphabetic()
        && above(i).is_none_or(|j| p.lines[j].text.is_empty() || ends_a_sentence(p.lines[j].text) || p.is_held(j))
        && paragraph.and_then(paragraph_start).is_some_and(|s| s.number.is_some())
        && !text.split_whitespace().all(super::shapes::is_redaction)
        && p.lines[..i].iter().any(|l| !l.text.is_empty());
    // A heading is ruled or stands alone: nearly every line is neither, and is rejected here
    // before the dearer tests below.
    if !ruled && !alone && !squeezed {
        return None;
    }
    if paragraph_start(text).is_some() {
        return None;
    }
    let words = text.split_whitespace().count();
    if words > 12 {
        return None;
    }
    // The post's classified website between rules of stars is no heading (nor the line that
    // runs on one of its own), nor a name under the rule that closes the text (`*****` /
    // `Visit Embassy Rabat's Classified Website;` / `http://…` / `*****` / `KAPLAN`).
    if is_closing_note(text) || prev.is_some_and(is_closing_note) {
        return None;
    }
    if ruled {
        return text_under(p, i).any(|text| !is_rule(text)).then(|| text.to_owned());
    }
    if !first.is_alphabetic() || text.ends_with(['.', ',', ';', ':', '"', '”']) || words > 10 {
        return None;
    }
    // A heading needs text under it: what follows must be more than a short
    // signature line (`MINIMIZED CONSIDERED` above `AGUIRRE` is no heading), and more than the
    // closing notes under a signature (`MCHENRY` above `NOTE BY OC/T: NOT PASSED …` is none).
    let mut rest = text_under(p, i);
    let more_text = match (rest.next(), rest.next()) {
        (Some(_), Some(_)) => true,
        (Some(only), None) => only.split_whitespace().count() > 4,
        _ => false,
    };
    more_text.then(|| text.to_owned())
}

/// Whether `line` closes a sentence as a paragraph's last line does: a full stop at its end, or
/// the close of a summary or comment after one (`ranks. END SUMMARY`). (A heading may end in
/// `?` or `!`: `What's At Stake?`, `HIZBALLAH RESPONSE - DON'T TOUCH!`.)
fn closes_a_sentence(line: &str) -> bool {
    let mut words = line.split_whitespace().rev();
    without_closers(line).ends_with('.')
        || words.nth(1).is_some_and(|w| w.eq_ignore_ascii_case("END")) && words.next().is_some()
}

/// Whether `line` ends with a sentence's stop (`.`, `?`, `!`), before any closing quote marks,
/// parenthesis or bracket (`…End note.]`).
fn ends_a_sentence(line: &str) -> bool {
    without_closers(line).ends_with(['.', '?', '!'])
}

/// `line` without the closing quote marks, parentheses and brackets at its end, where a
/// sentence's stop stands before them.
fn without_closers(line: &str) -> &str {
    line.trim_end_matches(['"', '”', '\'', '’', ')', ']'])
}

/// The lines of text under line `i` that a heading there would stand over: not the page's
/// furniture, blank lines, footers or closing notes, and none after the close of what the text
/// was pasted or sent in (`ends_text`).
fn text_under<'a>(p: &'a Builder<'_>, i: usize) -> impl Iterator<Item = &'a str> {
    (i + 1..p.end)
        .filter(|&j| !p.is_furniture(j))
        .take_while(|&j| !ends_text(p, j))
        .map(|j| p.lines[j].text)
        .filter(|text| !text.is_empty() && !is_footer(text) && !archive_trailer_part(text) && !is_closing_note(text))
}

/// A classification footer or end-of-message line after the signature.
fn is_footer(text: &str) -> bool {
    trailer_kind(text).is_some() || classification::parse_caption_line(text).is_some_and(|c| c.is_banner())
}

/// The last line of a numbered paragraph of several lines when the wrap filled it as it filled
/// the others (within 15 columns of its longest): a line a break may have cut mid-sentence. (A
/// list's entries, unnumbered, end in no stop: `…PARTNERSHIPS DIRECTORATE` / `NATIONAL DEFENCE…`.)
fn filled_last_line<'a>(p: &Builder<'a>, draft: &Draft) -> Option<&'a str> {
    let [.., last] = draft.lines[..] else { return None };
    let width = draft.lines.iter().map(|&l| p.lines[l].text.len()).max()?;
    let text = p.lines[last].text;
    let filled = draft.number.is_some() && draft.lines.len() >= 2 && text.len() >= 40 && text.len() + 15 >= width;
    filled.then_some(text)
}

/// Whether a line after a blank continues the paragraph before it: the paragraph
/// stopped mid-sentence, and the line is no new paragraph. `filled` is the paragraph's last
/// line, when the wrap filled it ([`filled_last_line`]).
fn continues(previous: &str, filled: Option<&str>, line: &str, page_break: bool, caseless: bool) -> bool {
    let previous = previous.trim_end();
    // Or the words that close a summary or a text (`…DEPENDABLE FRIEND. END SUMMARY`).
    let ended = previous.ends_with(['.', '!', '?', ':', ';', '"', '”', '\'', ')', ']'])
        || crate::reflow::closes_a_block(previous.as_bytes())
        || previous.ends_with("---")
        || previous.ends_with("- -");
    if ended {
        return false;
    }
    // Cut by a page in mid-sentence (all capitals give no other hint: `…THE GREEK CONTINENTAL`
    // / page 2 / `SHELF AND WILL RAISE…`).
    if page_break {
        return true;
    }
    // A lower-cased copy gives no hint in its case: a sentence goes on in a line of words, where
    // a short line (a name, a label) stands apart. So in capitals under a line the wrap filled
    // (`…THEY DON'T SEE A 1998-STYLE COLLAPSE` / `COMING, THEY DO SEE…`).
    let wrapped = filled.is_some_and(|above| !above.chars().any(char::is_lowercase));
    // A comma ends no paragraph (`…PRINCIPAL INVESTIGATOR SUBJECT PROJECT,` / `WILL BE…`), but
    // a letter's salutation (`Excellency,`) stands apart.
    if previous.ends_with(',') && previous.len() >= 40 && line.split_whitespace().nth(3).is_some() {
        return true;
    }
    // Never an item's label (`(9) MANAGEMENT OF…`) nor a closing note.
    let labelled = line.starts_with('(') && line.get(1..5).is_some_and(|l| l.contains(')'));
    if caseless || wrapped {
        return line.split_whitespace().nth(3).is_some() && !labelled && !is_closing_note(line);
    }
    let first = line.chars().next();
    let last_word = previous.split_whitespace().last();
    let last_word_lower = last_word.is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == ','));
    // In capitals, a word no sentence ends with (`…KENYAN AIRWAYS EMPLOYEES AT` / `LONDON'S
    // HEATHROW…`, `…AMADO WILL` / `CONTINUE TO…`).
    first.is_some_and(char::is_lowercase) || last_word_lower || last_word.is_some_and(ends_no_sentence)
}

/// Whether a sentence cannot end with `word` (`THE`, `OF`, `WILL`): a line ending in one, with
/// no stop after it, was cut mid-sentence.
pub(crate) fn ends_no_sentence(word: &str) -> bool {
    const WORDS: [&str; 40] = [
        "A", "AN", "THE", "AND", "OR", "BUT", "OF", "TO", "IN", "ON", "AT", "FOR", "WITH", "BY", "FROM", "INTO",
        "ABOUT", "OVER", "UNDER", "BETWEEN", "DURING", "AGAINST", "THROUGH", "THAN", "AS", "THAT", "WHICH", "WHO",
        "WILL", "WOULD", "SHOULD", "COULD", "CAN", "MAY", "MUST", "HAS", "HAVE", "HAD", "ITS", "THEIR",
    ];
    let word = word.trim_end_matches(',');
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a text line that starts as `start` says begins a paragraph under `current`: a
/// point always; a numbered line after a blank line, with a pilcrow or a portion mark, or as the
/// next of paragraphs that lost their blank lines ([`next_paragraph_glued`]).
fn begins_paragraph(
    start: Option<&ParagraphStart<'_>>,
    current: Option<&Draft>,
    text: &str,
    gap: bool,
    last: Option<u32>,
) -> bool {
    let Some(s) = start else { return false };
    let Some(draft) = current.filter(|_| s.number.is_some()) else { return true };
    gap || text.starts_with('¶') || s.marking.is_some() || next_paragraph_glued(draft, text, s.number, last)
}

/// Whether a numbered line right under a paragraph, no blank line between, begins the next
/// paragraph: a copy that lost its blank lines (an archive's telegram of a paragraph to a line,
/// a viewer's text that set paragraphs apart by margins) numbers them in order (`…TO BOTH
/// GOVTS.` / `2. AS FOR…`, `1. C - ENTIRE TEXT` / `2. SUMMARY: …`), with a full stop; the first
/// under whatever stands before it (`NAIROBI 009759` / `1. MR. COPELAND…`, `@` / `1.BRANIFF…`,
/// a page's title `Cable`).
/// A number out of order, with a parenthesis (`1. QUOTING…` / `2) LINKING…`, a list's), or under
/// a line that breaks off mid-sentence (`…AS SET OUT IN PARA` / `3. OF REFTEL`, `…in the` /
/// `2. …`; the first under `…AS FOLLOWS:`, a list) goes on the paragraph.
fn next_paragraph_glued(draft: &Draft, line: &str, number: Option<u32>, last: Option<u32>) -> bool {
    /// Words a paragraph cites by: a line ending in one was cut mid-sentence by its wrapping.
    const CITING: [&str; 10] =
        ["PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "REF", "REFTEL", "SECTION", "ITEM", "NO", "NUMBER"];
    let Some(number) = number else { return false };
    let stop = line.trim_start().trim_start_matches(|c: char| c.is_ascii_digit()).starts_with('.');
    let above = draft.text.trim_end();
    let cut = above.ends_with([',', ';', '-']) || above.ends_with(char::is_lowercase) || {
        let word = above.rsplit(' ').next().unwrap_or_default();
        CITING.iter().any(|w| w.eq_ignore_ascii_case(word)) || ends_no_sentence(word)
    };
    // A short line of its own above the first (a page's title, `Cable`) is no sentence cut.
    let title = draft.lines.len() == 1 && above.len() <= 40;
    // After a sentence's end, a number or two may be skipped: paragraphs the archive withheld
    // (`2. …` / `4. IN CONTEXT…`), the first too, under a short line (a reference: `C) STATE
    // 06883, 14 JAN 72` / `2. SUMMARY: …`).
    let ended = above.ends_with(['.', '!', '?', '"', '”', ')']);
    stop && match last {
        Some(last) => !cut && (number == last + 1 || ended && (last + 2..=last + 3).contains(&number)),
        None => !above.ends_with(':') && (number == 1 && (!cut || title) || (2..=3).contains(&number) && title && !cut),
    }
}

/// How a text line starts a paragraph, if it does ([`paragraph_start`]), in the paragraph so far.
fn line_start<'a>(p: &Builder<'a>, current: Option<&Draft>, i: usize, gap: bool) -> Option<ParagraphStart<'a>> {
    let text = p.lines[i].text;
    let next = p.lines.get(i + 1).map(|l| l.text);
    // A lower-cased copy's shapes read in capitals: a number glued to its first word
    // (`1.braniff local office`, a 1970s operator's `1.BRANIFF`), a lettered point (`a. `).
    let in_capitals = || {
        let shaped = p.shaped(text);
        let s = paragraph_start(&shaped).filter(|s| s.marking.is_none())?;
        Some(ParagraphStart { number: s.number, marking: None, bullet: s.bullet, text_at: s.text_at })
    };
    paragraph_start(text)
        .or_else(|| if p.caseless { in_capitals() } else { None })
        .or_else(|| lettered_point(p, text))
        .filter(|s| gap || !dash_in_sentence(current, s, text, next))
}

/// After a paragraph numbered with a full stop (`1.`, `¶2.`; `stops` says whether one was), a
/// number with a parenthesis that begins a paragraph (`1) Joint Staff Talks…`) is an item of a
/// list in it: `start` becomes a point's. One that begins no paragraph (`…to` / `1) get him out
/// and 2) continue`, the text going on) stays as it is.
fn list_item_under_paragraphs(start: &mut Option<ParagraphStart<'_>>, text: &str, stops: &mut bool, begins: bool) {
    let Some(s) = start.as_mut().filter(|s| s.number.is_some()) else { return };
    let parenthesis =
        text.trim_start_matches('¶').trim_start().trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(')');
    if !parenthesis {
        *stops = true;
    } else if *stops && begins {
        (s.number, s.bullet) = (None, true);
    }
}

/// A line that a hard wrap began with a sentence's dash (`…nor caves to cocalero demands` /
/// `-- is a fine line that…`): no bullet, since the paragraph it is in is none, its last line
/// ends mid-sentence, the words after the dash go on in lower case, and no point follows it
/// (points come as a list).
fn dash_in_sentence(current: Option<&Draft>, start: &ParagraphStart<'_>, text: &str, next: Option<&str>) -> bool {
    let Some(draft) = current.filter(|d| start.bullet && !d.bullet) else { return false };
    if next.is_some_and(|n| n.trim_start().starts_with("--")) {
        return false;
    }
    let mid_sentence = !draft.text.trim_end().ends_with(['.', ':', ';', ',', '!', '?', ')', '"', '”']);
    let after = text.trim_start().strip_prefix("--").map(|t| t.trim_start_matches('-').trim_start());
    mid_sentence && after.is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase))
}

/// A lettered point (`a. `, `(b) `) of a lower-cased text, which [`paragraph_start`] reads only
/// in capitals (`A senior official` is prose, `A. MADRID 919` a point).
fn lettered_point<'a>(p: &Builder<'_>, text: &'a str) -> Option<ParagraphStart<'a>> {
    if !p.caseless {
        return None;
    }
    let shaped = p.shaped(text);
    let start = paragraph_start(&shaped)?;
    start.bullet.then_some(ParagraphStart { number: None, marking: None, bullet: true, text_at: start.text_at })
}

/// A paragraph's first line, with room for the lines up to the next blank one (at most 32):
/// one allocation of the right size, where growing it line by line reallocated several times
/// (the parser's time in the browser was a fifth allocation; `make bench`).
fn draft_text(first: &str, after: &[super::lines::Line<'_>]) -> String {
    let more: usize = after.iter().take(32).take_while(|l| !l.text.is_empty()).map(|l| l.text.len() + 1).sum();
    let mut text = String::with_capacity(first.len() + more);
    text.push_str(first);
    text
}

fn draft_lines(first: usize) -> Vec<usize> {
    let mut lines = Vec::with_capacity(8);
    lines.push(first);
    lines
}

fn flush(current: &mut Option<Draft>, sections: &mut [(Option<String>, Vec<Draft>)]) {
    if let (Some(draft), Some(section)) = (current.take(), sections.last_mut()) {
        section.1.push(draft);
    }
}

/// The lines that end a telegram's text: the teletype's `NNNN` (`NNN` in the archive's copies),
/// and `<< END OF DOCUMENT >>`, `PlusD`'s close of a 1970s telegram's text. What a copy gives
/// after the last of them is the page's (`header::set_aside_page_below`).
pub const END_MARKS: [&str; 3] = ["NNNN", "NNN", "<< END OF DOCUMENT >>"];

/// End-of-message lines and the trailers archives add after a telegram: never text, never signers.
pub fn trailer_kind(text: &str) -> Option<Debris> {
    if text == "BT"
        || END_MARKS.contains(&text)
        || is_closing_serial(text)
        || text.eq_ignore_ascii_case("End Cable Text")
        || text.eq_ignore_ascii_case(END_MARKS[2])
        || crate::container::export_marker(text)
    {
        return Some(Debris::EndOfText);
    }
    // `NMAFVVZCZ` (the archive's end of record), `*** Current Classification *** SECRET`,
    // `Declassified/Released US Department of State EO Systematic Review 30 JUN 2006`.
    if is_archive_mark(text)
        || text.starts_with("***")
        || text.starts_with("NMAF") && archive_trailer_part(text)
        || starts_with_ci(text, "Declassified/Released US Department of State")
        || is_review_date(text)
        || is_archive_id_line(text)
    {
        return Some(Debris::ArchiveTrailer);
    }
    None
}

/// The message's number the envelope repeats under `BT` (`#2531`, `#0078/02`).
pub(crate) fn is_closing_serial(text: &str) -> bool {
    let Some(number) = text.strip_prefix('#') else { return false };
    let (serial, section) = number.split_once('/').unwrap_or((number, "00"));
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(serial, 1..=6) && digits(section, 2..=2)
}

/// The archive's end-of-record mark (`NMAFVVZCZ`).
fn is_archive_mark(word: &str) -> bool {
    word.len() <= 12 && word.starts_with("NMAF") && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A line of an archive's trailer wrapped again, by its own text: one of its labels' start after
/// a word at most (`EXDIS *** Current Classification ***`, `NMAFVVZCZ *** Current Handling
/// Restrictions *** n/a ***`), or a label's end before its mark (`Classification *** SECRET`,
/// `Current Classification *** CONFIDENTIAL`, `Restrictions *** n/a`).
fn archive_trailer_part(text: &str) -> bool {
    const LABELS: [&str; 2] = ["Current Handling Restrictions", "Current Classification"];
    let b = text.as_bytes();
    let Some(at) = memchr::memchr_iter(b'*', b).find(|&k| b[k..].starts_with(b"***")) else { return false };
    // One word and a space before the mark, then a label's start.
    let word = text[..at].strip_suffix(' ').filter(|w| !w.is_empty() && !w.contains([' ', '*']));
    if word.is_some() && text[at..].starts_with("*** Current ") {
        return true;
    }
    // Or the end of a label, from one of its words (the line's first, a space after it), before
    // the mark.
    let before = text[..at].trim_end();
    let first_word = text.find(' ').is_some_and(|k| k > 0 && k <= before.len());
    first_word
        && LABELS.iter().any(|l| l.strip_suffix(before).is_some_and(|head| head.is_empty() || head.ends_with(' ')))
}

/// The archive's trailer's line read last, when the line read last was one: the lines a wrap
/// broke the trailer into come after its first, and are looked for only there.
fn trailer_read_last<'b>(p: &'b Builder<'_>) -> Option<&'b crate::model::RemovedLine> {
    p.cable.removed.last().filter(|r| r.kind == Debris::ArchiveTrailer)
}

/// The rest of an archive's trailer wrapped onto line `i` (a copy flowed and wrapped again:
/// `*** Current Handling Restrictions *** EXDIS *** Current` / `Classification *** SECRET`):
/// right under `trailer`, a line of its labels, with the trailer's mark in it, or after one that
/// ends in the mark.
fn wrapped_trailer(p: &Builder<'_>, i: usize, trailer: &crate::model::RemovedLine) -> bool {
    let right_under = i.checked_sub(1).is_some_and(|k| p.lines[k].number == trailer.line);
    // The trailer's labels (`*** Current …`), not a rule of stars (`*****` over a closing note).
    right_under
        && trailer.text.contains("*** Current")
        && (p.lines[i].text.contains("***") || trailer.text.ends_with("***"))
}

/// An archive's line under a telegram: its ID and classification (`2004CARACA01540 -
/// UNCLASSIFIED`, `2002ROME01748 - Classification: SECRET`).
fn is_archive_id_line(text: &str) -> bool {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) || text.len() > 60 {
        return false;
    }
    let Some((id, rest)) = text.split_once(" - ") else { return false };
    id.len() >= 9
        && id.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && crate::stations::canonical_id(id).is_some()
        && classification::parse_caption_line(rest.trim_start_matches("Classification:").trim())
            .is_some_and(|c| c.is_banner())
}

/// The end of that stamp wrapped onto a line of its own: `Review 30 JUN 2006`.
fn is_review_date(text: &str) -> bool {
    // Asked of every line of the body: a line that is not short and does not start so is none.
    if text.len() > 20 || !starts_with_ci(text, "Review ") {
        return false;
    }
    let mut words = text.split_whitespace();
    let (Some(_), Some(day), Some(month), Some(year), None) =
        (words.next(), words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && month.len() == 3
        && month.bytes().all(|b| b.is_ascii_alphabetic())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// Lines after the signature that are not the cable's text: a telecommunications note
/// (`NOTE BY OC/T: NOT PASSED …`), the drafting line of older cables.
pub(crate) fn is_closing_note(text: &str) -> bool {
    // And the post's classified website under the signature (`"Visit Ankara's Classified Web
    // Site at http://…"`, or its address first).
    // Its other words too: an invitation to the address below (`For more reporting from
    // Embassy Kuwait, visit:`) and another way there (`You can also access this site through the
    // State Department's Classified SIPRNET website.`).
    let unquoted = text.trim_start_matches(['"', '“']);
    // `Please visit Paris' Classified Website at:` too.
    let invited = if starts_with_ci(unquoted, "Please ") { &unquoted[7..] } else { unquoted };
    let website = starts_with_ci(invited, "Visit ") && find_ci(invited, "Classified Web").is_some()
        || starts_with_ci(unquoted, "http://")
        || starts_with_ci(unquoted, "https://")
        || text.as_bytes().last_chunk::<6>().is_some_and(|end| end.eq_ignore_ascii_case(b"visit:"))
        || starts_with_ci(text, "You can also access this site");
    website
        || ["NOTE BY", "NOTE:", "(DRAFTED BY", "DRAFTED BY", "(DRAFTED:", "CLEARED:", "APPROVED:"]
            .iter()
            .any(|k| starts_with_ci(text, k))
}

/// Words that stand before a name on the signature line but are not names: a classification
/// or caption repeated there (`LOU CUTLER`), an end marker (`END`), or a 1970s declassification
/// schedule's mark left on the line above, run on when the line breaks were lost (`EXEMPT DUBS`).
fn is_signature_debris(word: &str) -> bool {
    const WORDS: [&str; 22] = [
        // `MINIMIZE CONSIDERED` (the post weighed the Department's restraint on traffic), on the
        // line above the name, run on when the line breaks were lost.
        "MINIMIZE",
        "MINIMIZED",
        "CONSIDERED",
        "LOU",
        "EXEMPT",
        "GDS",
        "COMMENT",
        "TEXT",
        "FYI",
        "UNCLAS",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "NOFORN",
        "EXDIS",
        "NODIS",
        "LIMDIS",
        "SIPDIS",
        "END",
        "NNN",
        "NNNN",
        // The end of the post's website's address, a wrap set apart (`…/INDEX. CFM TUTTLE`).
        "CFM",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Particles that belong to the name after them: `VAN DEN HEUVEL`, `MC CLOSKEY` (a teletype's
/// `McCloskey`) and `O DONNELL` are one signer each.
pub(crate) fn is_name_particle(word: &str) -> bool {
    ["VAN", "VON", "DEN", "DER", "DE", "DI", "DA", "DU", "DEL", "DELLA", "DOS", "LA", "LE", "ST.", "MAC", "MC", "O"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
}

/// A suffix that belongs to the name before it: `SMITH JR` and `SMITH, JR.` are one signer.
fn is_name_suffix(word: &str) -> bool {
    ["JR", "JR.", "SR", "SR.", "II", "III", "IV"].iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Words after a name on the signature line that are no names (see [`signature`]), each a
/// phrase of one word or more.
const AFTER_NAME: [&[&str]; 12] = [
    &["SENDS"],
    &["ACTING"],
    &["(ACTING)"],
    &["CHARGE"],
    &["CHARGE", "D'AFFAIRES"],
    &["(CHARGE)"],
    &["BT"],
    &["UNCLAS"],
    &["UNCLASSIFIED"],
    &["CONFIDENTIAL"],
    &["SECRET"],
    &["LIMITED", "OFFICIAL", "USE"],
];

/// The signers a signature line names. `None` when the line is not a signature.
/// All capitals: each name is a signer (`KEEGAN PAAL`), particles joined to the name after
/// them; mixed case: one person (`Rice`). After `UNQUOTE` only what follows counts (what
/// stands before it signed the quoted cable), and a line that ends in `UNQUOTE` names no one.
fn signature(text: &str, caseless: bool) -> Option<Vec<String>> {
    // `GILLESPIE##`: a teletype's end marks.
    let text = text.trim_end_matches(['.', ',', '#']).trim();
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if let Some(at) = words.iter().rposition(|w| w.eq_ignore_ascii_case("UNQUOTE")) {
        words.drain(..=at);
        if words.is_empty() {
            return Some(Vec::new());
        }
    }
    while words.first().is_some_and(|w| is_signature_debris(w)) {
        words.remove(0);
    }
    // After the name, words that are not names: the archive's end-of-record mark run on
    // (`SWANK NMAFVVZCZ`), the envelope's `BT`, the word a message's sender signs with
    // (`CLINTON SENDS`, as military messages close), an acting head's title (`INGERSOLL
    // ACTING`), and the classification at the page's foot run on when the breaks were lost
    // (`KISSINGER LIMITED OFFICIAL USE`).
    loop {
        let phrase = AFTER_NAME.iter().find(|phrase| {
            words.len() >= phrase.len()
                && words[words.len() - phrase.len()..].iter().zip(phrase.iter()).all(|(w, p)| w.eq_ignore_ascii_case(p))
        });
        if let Some(phrase) = phrase {
            words.truncate(words.len() - phrase.len());
            // Set apart by a comma (`HILL, CHARGE`).
            if let Some(last) = words.last_mut() {
                *last = last.strip_suffix(',').unwrap_or(last);
            }
        } else if words.last().is_some_and(|w| is_archive_mark(w)) {
            words.pop();
        } else {
            break;
        }
    }
    // A suffix set apart by a comma (`SMITH, JR.`).
    for k in 1..words.len() {
        if is_name_suffix(words[k]) {
            words[k - 1] = words[k - 1].strip_suffix(',').unwrap_or(words[k - 1]);
        }
    }
    let namelike = |w: &&str| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '/'));
    let length: usize = words.iter().map(|w| w.len() + 1).sum();
    if words.is_empty() || words.len() > 5 || length > 42 || !words.iter().all(namelike) {
        return None;
    }
    if words.iter().any(|w| is_signature_debris(w) || w.len() == 1 && !w.ends_with('.') && !is_name_particle(w)) {
        return None;
    }
    // A suffix follows a name.
    if words.first().is_some_and(|w| is_name_suffix(w)) {
        return None;
    }
    // In a lower-cased copy, the names were in capitals.
    let all_caps = caseless || words.iter().all(|w| !w.chars().any(char::is_lowercase));
    if !all_caps {
        // A name in mixed case: every word capitalised but its particles (`Lou Cutler`,
        // `Jan van den Heuvel`), never a sentence's end (`lunch is at noon`).
        let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase) || is_name_particle(w));
        return (words.len() <= 4 && capitalised).then(|| vec![words.join(" ")]);
    }
    let mut signers: Vec<String> = Vec::new();
    let mut pending = String::new();
    for word in words {
        if is_name_suffix(word) && pending.is_empty() {
            if let Some(name) = signers.last_mut() {
                name.push(' ');
                name.push_str(word);
                continue;
            }
        }
        if !pending.is_empty() {
            pending.push(' ');
        }
        pending.push_str(word);
        if !is_name_particle(word) {
            signers.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        return None;
    }
    Some(signers)
}

/// The signature: a short last line of names (`Rice`, `KEEGAN PAAL`, `VAN DEN HEUVEL`), before
/// any closing note, possibly glued under the last sentence.
fn take_signers(p: &mut Builder<'_>, sections: &mut [(Option<String>, Vec<Draft>)]) {
    // A signature signs something: a text of one line or paragraph has none, but for a
    // telegram's body run together on one line (an archive's export of a 1970s telegram, `…NO
    // REPEAT NO PROBLEMS. END TEXT. DALE`): long, and in capitals throughout.
    // Or a name on a line of its own right under such a body's last sentence, or under a
    // header's one paragraph (a copy that lost its blank lines: `…IS WARRANTED.` / `LODGE`).
    if sections.iter().map(|s| s.1.len()).sum::<usize>() < 2 {
        let Some(drafts) = sections.iter_mut().map(|s| &mut s.1).find(|d| !d.is_empty()) else { return };
        let telegram = |text: &str| text.len() >= 300 && !text.chars().any(char::is_lowercase);
        let headed = p.cable.classification.is_some() || p.cable.subject.is_some() || p.cable.transmission.is_some();
        if drafts.len() != 1 || p.caseless {
            return;
        }
        if drafts[0].lines.len() == 1 {
            if telegram(&drafts[0].text) {
                take_signature_after_last_sentence(p, drafts);
            }
            return;
        }
        if !telegram(&drafts[0].text) && !headed {
            return;
        }
        split_glued_signature(p, drafts);
        if drafts.len() < 2 {
            return;
        }
    }
    let Some(section) = sections.iter_mut().rev().find(|s| !s.1.is_empty()) else { return };
    let drafts = &mut section.1;
    // What follows the close of what the text was pasted or sent in (a code fence's close,
    // `[/quote]`, an e-mail's sign-off) is no telegram's: it stays text, but the signature is
    // looked for above it.
    let number = |d: &Draft| d.lines.first().map_or(0, |&l| p.lines[l].number);
    let first = drafts.first().map_or(0, number);
    // A fence or tag closes only a text it opened (a chat's words may stand above the opening:
    // `Here is the cable:` / ```` ``` ````); an e-mail's sign-off needs no opening.
    let containers = || p.cable.removed.iter().filter(|r| r.kind == Debris::Container);
    let wrapper = |r: &crate::model::RemovedLine| crate::container::wrapper_marker(&r.text);
    let opened = |line: usize| containers().any(|r| r.line < line && wrapper(r));
    let closed = containers().find(|r| r.line > first && (!wrapper(r) || opened(r.line))).map(|r| r.line);
    if let Some(notes) = split_glued_notes(p, drafts) {
        drafts.push(notes);
    }
    // Closing notes after the signature stay text, but the signature is looked for above them.
    let mut end = closed.map_or(drafts.len(), |line| drafts.iter().take_while(|d| number(d) < line).count());
    // A note whose last line is a name is signed under it (`…/index.c fm` / `Stapleton`).
    let signed = |d: &Draft| {
        d.lines.len() > 1 && d.lines.last().is_some_and(|&l| signature(p.lines[l].text, p.caseless).is_some())
    };
    while end > 1
        && drafts[end - 1].number.is_none()
        && is_closing_note(&drafts[end - 1].text)
        && !signed(&drafts[end - 1])
    {
        end -= 1;
    }
    let mut tail = drafts.split_off(end);
    if take_signature_after_last_sentence(p, drafts) {
        drafts.append(&mut tail);
        return;
    }
    split_glued_signature(p, drafts);
    let taken = drafts.last().and_then(|last| {
        let plain = last.number.is_none() && last.marking.is_none() && !last.bullet && last.lines.len() == 1;
        plain.then(|| signature(&last.text, p.caseless)).flatten()
    });
    if let Some(signers) = taken.filter(|s| !s.is_empty()) {
        let line = drafts.last().map_or(0, |d| d.lines[0]);
        drafts.pop();
        p.cable.signers = signers;
        p.hold(line, Field::Signers);
    }
    drafts.append(&mut tail);
}

/// A signature on the last line of the text after its last sentence (`END OF TEXT. BAKER`,
/// `BEIRUT MINIMIZE CONSIDERED.  EAGLETON`, `…inside Burma. Martinez`, a page whose line breaks
/// were lost there) or after the post's classified website (`…/index. cfm TUTTLE`): taken from
/// the paragraph's text, the line staying the paragraph's. In capitals one to three names; in
/// mixed case one surname, never a closing word.
fn take_signature_after_last_sentence(p: &mut Builder<'_>, drafts: &mut [Draft]) -> bool {
    let Some(last) = drafts.last_mut() else { return false };
    // On the paragraph's last line: a name on a line of its own is `split_glued_signature`'s.
    let Some(&line) = last.lines.last() else { return false };
    // The sentence's end and a name (at most 42 bytes) end the line: only its end is looked at.
    let text = p.lines[line].text;
    let from = crate::lines::ceil_char_boundary(text, text.len().saturating_sub(64));
    // After a closing formula with no full stop (`End of Part One LA LIME`), as after a closing
    // parenthesis (`END COMMENT) HUNTSMAN`), only a name in capitals; after the post's classified
    // website run on (`Visit London's Classified Website: http://…/index. cfm TUTTLE`), the same.
    let website = crate::reflow::website_footer(text).map(|(_, end)| end).filter(|&end| end < text.len());
    let (after, parenthesis) = if let Some(after) = closing_formula_end(text).or(website) {
        (after, true)
    } else {
        let Some(end) = sentence_end(text, from) else { return false };
        (end + text[end..].chars().next().map_or(1, char::len_utf8), text[end..].starts_with(')'))
    };
    // A name after the sentence, apart from it by white space (`U.S.` is no sentence's end).
    if !text[after..].starts_with(char::is_whitespace) {
        return false;
    }
    let name = text[after..].trim();
    let caps = p.caseless || !name.chars().any(char::is_lowercase);
    let surname = is_surname(name);
    let short = name.split_whitespace().count() <= 3 && name.len() >= 3;
    let surname = surname && !parenthesis;
    let Some(signers) = signature(name, p.caseless).filter(|s| (caps && short || surname) && !s.is_empty()) else {
        return false;
    };
    let Some(text) = last.text.strip_suffix(name) else { return false };
    last.text = text.trim_end().to_owned();
    p.cable.signers = signers;
    true
}

/// Where the last sentence on a line ends (at or after byte `from`), before a name that may follow
/// it: not in the name's own stops and brackets, an initial (`JOHN J. SMITH`), a particle (`ST.
/// MARK`), a suffix (`SMITH, JR.`) or a title (`LOWENSTEIN (ACTING)`).
fn sentence_end(text: &str, from: usize) -> Option<usize> {
    let mut to = text.len();
    loop {
        let end = text[from..to].rfind(['.', '!', '?', '"', '”', ')']).map(|at| from + at)?;
        let word_start = text[..end].rfind(char::is_whitespace).map_or(0, |at| at + 1);
        let word = &text[word_start..end + text[end..].chars().next().map_or(1, char::len_utf8)];
        let initial = word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
        let title = word
            .strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|w| AFTER_NAME.iter().any(|phrase| phrase.len() == 1 && phrase[0].eq_ignore_ascii_case(w)));
        let in_name = initial || title || word.ends_with('.') && (is_name_particle(word) || is_name_suffix(word));
        if !in_name {
            return Some(end);
        }
        // A name's stop with no sentence before it on the line (`ST. MARK` alone).
        if word_start <= from {
            return None;
        }
        to = word_start;
    }
}

/// Where a line's closing formula with no full stop ends, when the line opens with one: `END OF
/// PART ONE`, `End of Part 1 of 2`, `END TEXT`, `END COMMENT`.
fn closing_formula_end(text: &str) -> Option<usize> {
    const WHAT: [&str; 7] = ["PART", "TEXT", "COMMENT", "NOTE", "QUOTE", "MESSAGE", "CABLE"];
    const COUNT: [&str; 10] = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "I", "II", "III", "IV"];
    let mut words = text.split(' ').filter(|w| !w.is_empty());
    let end = |word: &str| {
        // Byte offset just past `word` in `text` (words are slices of it).
        word.as_ptr() as usize - text.as_ptr() as usize + word.len()
    };
    if !words.next()?.eq_ignore_ascii_case("END") {
        return None;
    }
    let mut word = words.next()?;
    if word.eq_ignore_ascii_case("OF") {
        word = words.next()?;
    }
    let what = WHAT.iter().find(|w| w.eq_ignore_ascii_case(word))?;
    let mut at = end(word);
    if *what == "PART" {
        let count = |w: &str| COUNT.iter().any(|c| c.eq_ignore_ascii_case(w)) || w.bytes().all(|b| b.is_ascii_digit());
        at = end(words.next().filter(|w| count(w))?);
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("OF")) {
            if let Some(total) = words.next().filter(|w| count(w)) {
                at = end(total);
            }
        }
    }
    Some(at)
}

/// Closing notes glued under the last paragraph's signature with no blank line between (a copy
/// that lost its blank lines: `…is a factor.` / `JEFFREY` / `"Visit Ankara's Classified Web Site
/// at http://…"`): a paragraph of their own, as a blank line would have made them, so that the
/// signature is looked for above them. Only under a line that may be a signature: a paragraph
/// that ends in an address (`…is available at` / `http://…`) keeps it.
fn split_glued_notes(p: &Builder<'_>, drafts: &mut [Draft]) -> Option<Draft> {
    let last = drafts.last_mut()?;
    // A note's address may go on to a line of its own (`…http://www.intelink.s` /
    // `gov.gov/wiki/Portal:Turkey"`): a word alone after a note, no name.
    let text = |k: usize| p.lines[last.lines[k]].text;
    let rest_of_address = |k: usize| !text(k).contains(' ') && signature(text(k), p.caseless).is_none();
    let first_note = (0..last.lines.len()).rev().take_while(|&k| rest_of_address(k)).last().unwrap_or(last.lines.len());
    let notes = (0..first_note).rev().take_while(|&k| is_closing_note(text(k))).count();
    let notes = if notes > 0 { notes + last.lines.len() - first_note } else { 0 };
    let keep = last.lines.len().checked_sub(notes).filter(|&k| notes > 0 && k >= 2)?;
    signature(p.lines[last.lines[keep - 1]].text, p.caseless)?;
    let mut text = String::new();
    for &l in &last.lines[keep..] {
        join_wrapped(&mut text, p.lines[l].text);
    }
    last.text = last.text.strip_suffix(text.as_str())?.trim_end().to_owned();
    let lines = last.lines.split_off(keep);
    Some(Draft { number: None, marking: None, bullet: false, lines, text })
}

/// A signature line right under the last sentence, with no blank line between
/// (`…by December 20.` / `CLINTON`, `END` / `LOU CUTLER`): only all-capital names are
/// taken, since a mixed-case short line could be the end of the text.
fn split_glued_signature(p: &Builder<'_>, drafts: &mut Vec<Draft>) {
    let Some(last) = drafts.last_mut() else { return };
    let [.., before, signature_line] = last.lines[..] else { return };
    let (before, line) = (p.lines[before].text, p.lines[signature_line].text);
    let caps = p.caseless || !line.chars().any(char::is_lowercase);
    // The post's classified website closes many cables: its address ends no sentence, but the
    // text (`Visit Paris' Classified Website at:` / `http://www.state.sgov.gov/…` / `Stapleton`).
    // In capitals too, as cables in capitals wrote it (`HTTP://WWW.STATE.SGOV.GOV/…`).
    let address = ["http", "www.", "sgov.gov"].iter().any(|a| find_ci(before, a).is_some());
    let ended = before.ends_with(['.', '!', '?', '"', '”', ')']) || before.split_whitespace().count() <= 2 || address;
    // In mixed case, a surname alone under a full stop (`touch with him.` / `Llorens`,
    // 08MADRID518) or that address, never a closing word.
    let surname =
        (before.ends_with('.') || address) && line.len() <= 20 && (is_surname(line) || is_short_surname(line));
    if !(caps || surname) || !ended || signature(line, p.caseless).is_none() {
        return;
    }
    if let Some(text) = last.text.strip_suffix(line) {
        last.text = text.trim_end().to_owned();
        last.lines.pop();
        drafts.push(Draft {
            number: None,
            marking: None,
            bullet: false,
            lines: vec![signature_line],
            text: line.to_owned(),
        });
    }
}

/// One surname in mixed case (`Llorens`, `Beyrle`), at least three letters, never a closing word.
fn is_surname(word: &str) -> bool {
    word.len() >= 3
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
        && !CLOSING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A surname of two letters in mixed case (`Lu`, `Wu`, `Ng`), never a common word: taken only
/// alone on the text's last line under a full stop.
fn is_short_surname(word: &str) -> bool {
    const WORDS: [&str; 26] = [
        "No", "So", "Ok", "Is", "It", "In", "On", "At", "To", "Be", "By", "If", "Of", "Or", "As", "Us", "We", "Me",
        "My", "He", "Hi", "Up", "An", "Am", "Do", "Go",
    ];
    let b = word.as_bytes();
    matches!(b, [first, second] if first.is_ascii_uppercase() && second.is_ascii_lowercase()) && !WORDS.contains(&word)
}

/// Words that close a text on a line of their own and are no one's name.
const CLOSING_WORDS: [&str; 18] = [
    "Department",
    "Embassy",
    "Post",
    "Action",
    "Washington",
    "Septel",
    "Thanks",
    "Regards",
    "Sincerely",
    "Best",
    "Cheers",
    "Comment",
    "Summary",
    "End",
    "Ends",
    "Note",
    "Unquote",
    "Quote",
];

/// Paragraph marks mangled by a lost `¶`: the sample's `11.`…`19.` then `10.` are ¶1–¶10.
fn repair_numbers(p: &mut Builder<'_>, sections: &mut [(Option<String>, Vec<Draft>)]) {
    let numbers: Vec<u32> = sections.iter().flat_map(|s| s.1.iter().filter_map(|d| d.number)).collect();
    if numbers.len() < 2 {
        return;
    }
    let steps = |ns: &[u32]| ns.windows(2).filter(|w| w[1] == w[0] + 1).count();
    let stripped: Option<Vec<u32>> = numbers
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let s = n.to_string();
            let rest = s.strip_prefix('1').filter(|r| !r.is_empty())?;
            let value: u32 = rest.parse().ok()?;
            // `10` read as `1` + `0`: the tenth paragraph after the ninth.
            Some(if value == 0 && k > 0 { 10 } else { value })
        })
        .collect();
    let Some(stripped) = stripped else { return };
    if stripped.first() == Some(&1) && steps(&stripped) > steps(&numbers) {
        let mut it = stripped.into_iter();
        for draft in sections.iter_mut().flat_map(|s| s.1.iter_mut()) {
            if draft.number.is_some() {
                draft.number = it.next();
            }
        }
        p.diag(
            None,
            Severity::Info,
            DiagnosticKind::Renumbered,
            format!(
                "paragraph numbers {}…{} were read as ¶1…¶{} (a lost ¶ sign had turned into a 1)",
                numbers[0],
                numbers[numbers.len() - 1],
                numbers.len()
            ),
        );
    }
}

fn build_sections(p: &mut Builder<'_>, sections: Vec<(Option<String>, Vec<Draft>)>) {
    for (title, drafts) in sections {
        if title.is_none() && drafts.is_empty() {
            continue;
        }
        let mut paragraphs = Vec::with_capacity(drafts.len());
        for draft in drafts {
            for &line in &draft.lines {
                p.hold(line, Field::Body);
            }
            let first = p.lines[draft.lines[0]];
            let last = p.lines[*draft.lines.last().unwrap_or(&draft.lines[0])];
            let mut original = String::with_capacity(draft.lines.iter().map(|&l| p.lines[l].text.len() + 1).sum());
            for (k, &l) in draft.lines.iter().enumerate() {
                if k > 0 {
                    original.push('\n');
                }
                original.push_str(p.lines[l].text);
            }
            let kind = if draft.bullet {
                ParagraphKind::Bullet
            } else if draft.number.is_some() || draft.marking.is_some() {
                ParagraphKind::Paragraph
            } else {
                ParagraphKind::Text
            };
            paragraphs.push(Paragraph {
                number: draft.number,
                marking: draft.marking,
                text: draft.text,
                kind,
                original,
                span: Span { start: first.span.start, end: last.span.end },
                line: first.number,
            });
        }
        p.cable.sections.push(Section { title, paragraphs });
    }
}

/// Summary, comment and note paragraphs, and the `summary` text.
fn mark_kinds(p: &mut Builder<'_>) {
    let mut summary: Vec<String> = Vec::new();
    let mut in_summary = false;
    let mut summary_done = false;
    let mut in_comment = false;
    let has_end_summary =
        p.cable.sections.iter().flat_map(|s| &s.paragraphs).any(|para| find_ci(&para.text, "END SUMMARY").is_some());
    // With an END SUMMARY but no marker anywhere, the summary is the first paragraph (07BAGHDAD3895).
    let has_start = p.cable.sections.iter().any(|s| {
        s.title.as_deref().is_some_and(|t| starts_with_ci(t, "SUMMARY"))
            || s.paragraphs.iter().any(|para| summary_marker(&para.text).is_some())
    });
    let mut first_paragraph = true;
    for section in &mut p.cable.sections {
        let title_upper = section.title.as_deref().map(str::to_ascii_uppercase);
        let summary_section = title_upper.as_deref().is_some_and(|t| t.starts_with("SUMMARY"));
        let comment_section = title_upper.as_deref().is_some_and(|t| t.starts_with("COMMENT"));
        for para in &mut section.paragraphs {
            let text = para.text.as_str();
            let starts_summary = summary_marker(text).is_some();
            if !summary_done
                && (in_summary
                    || starts_summary
                    || summary_section
                    || (first_paragraph && has_end_summary && !has_start))
            {
                let body = summary_marker(text).map_or(text, |at| &text[at..]);
                let end = find_ci(body, "END SUMMARY");
                let body = end.map_or(body, |e| &body[..e]).trim();
                if !body.is_empty() {
                    summary.push(body.to_owned());
                }
                para.kind = ParagraphKind::Summary;
                in_summary = end.is_none() && (starts_summary || summary_section || in_summary) && has_end_summary;
                summary_done = !in_summary;
                first_paragraph = false;
                continue;
            }
            first_paragraph = false;
            if comment_section || in_comment || starts_with_ci(text, "COMMENT") || starts_with_ci(text, "BEGIN COMMENT")
            {
                para.kind = ParagraphKind::Comment;
                in_comment = find_ci(text, "END COMMENT").is_none() && !comment_section;
            } else if starts_with_ci(text, "(NOTE") || starts_with_ci(text, "NOTE:") {
                para.kind = ParagraphKind::Note;
            }
        }
    }
    if !summary.is_empty() {
        p.cable.summary = Some(summary.join("\n"));
    }
}

/// Where the summary's own text starts after `Summary:`, `SUMMARY.`, `Summary and Comment:`,
/// `Summay:` (09OSLO146), or `None` when the paragraph does not open with a summary marker.
fn summary_marker(text: &str) -> Option<usize> {
    for marker in ["SUMMARY AND COMMENT", "SUMMARY AND ACTION REQUEST", "SUMMARY", "SUMMAY"] {
        if starts_with_ci(text, marker) {
            let rest = &text[marker.len()..];
            let trimmed = rest.trim_start_matches([':', '.', '-', ' ', '\u{2014}']);
            if rest.is_empty() || rest.starts_with([':', '.', '-', ' ', '\u{2014}']) {
                return Some(text.len() - trimmed.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In capitals, a numbered paragraph a blank line cut mid-sentence is one paragraph again:
    /// after a word no sentence ends with, or under a line the wrap filled. A list's entries, a
    /// closed summary and a salutation stay apart.
    #[test]
    fn rejoins_a_paragraph_in_capitals_cut_by_a_blank_line() {
        let text = "C O N F I D E N T I A L NAIROBI 000072

SUBJECT: THE BUST

1. (C) THE ARRESTS OF A CONTINUING STREAM OF KENYAN AIRWAYS
EMPLOYEES AT

LONDON'S HEATHROW AIRPORT POINT OMINOUSLY AT THE LATTER.

2. (C) ALTHOUGH THEY DON'T SEE A CRISIS, THEY SEE LOWER GROWTH OVER
TIME, AND THE ANALYSTS SAY THAT THEY DON'T SEE A 1998-STYLE COLLAPSE

COMING THIS YEAR OR THE NEXT, THEY SAID.

3. (C) HE REGARDS US AS MOST DEPENDABLE FRIEND. END SUMMARY

ACTION REQUESTED: COUNTRY TEAM RECOMMENDS A REVIEW.

PARTICIPANTS:

ALICE GUITTON, HEAD OF THE DEMOCRATIC GOVERNANCE BUREAU, GLOBAL
ECONOMY AND DEVELOPMENT STRATEGIES DIRECTORATE

NATIONAL DEFENCE SECRETARY GENERAL AND HIS DEPUTY
";
        let cable = crate::parse(text);
        let paragraphs: Vec<&str> =
            cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
        assert_eq!(
            paragraphs,
            [
                "THE ARRESTS OF A CONTINUING STREAM OF KENYAN AIRWAYS EMPLOYEES AT LONDON'S HEATHROW AIRPORT POINT \
                 OMINOUSLY AT THE LATTER.",
                "ALTHOUGH THEY DON'T SEE A CRISIS, THEY SEE LOWER GROWTH OVER TIME, AND THE ANALYSTS SAY THAT THEY \
                 DON'T SEE A 1998-STYLE COLLAPSE COMING THIS YEAR OR THE NEXT, THEY SAID.",
                "HE REGARDS US AS MOST DEPENDABLE FRIEND. END SUMMARY",
                "ACTION REQUESTED: COUNTRY TEAM RECOMMENDS A REVIEW.",
                "PARTICIPANTS:",
                "ALICE GUITTON, HEAD OF THE DEMOCRATIC GOVERNANCE BUREAU, GLOBAL ECONOMY AND DEVELOPMENT STRATEGIES \
                 DIRECTORATE",
                "NATIONAL DEFENCE SECRETARY GENERAL AND HIS DEPUTY",
            ]
        );
    }

    /// A cable pasted in a Markdown code fence (a chat, an issue, a note), with the question asked
    /// under it: the fence's lines are a wrapper's, and what follows its close is the asker's text,
    /// not the telegram's (the signature above it, `LAINGEN` no heading, the banner no page break).
    #[test]
    fn reads_a_cable_in_a_code_fence_with_text_around_it() {
        let telegram = "C O N F I D E N T I A L TEHRAN 08300

SUBJECT: NEGOTIATING WITH THE PERSIANS

                        1. THE TALKS WILL BE LONG.

2. ONE SHOULD INSIST ON PERFORMANCE.


LAINGEN

CONFIDENTIAL
";
        for (open, close) in [("```", "```"), ("```text", "```"), ("~~~", "~~~"), ("[code]", "[/code]")] {
            let text = format!("Here is the cable:\n\n{open}\n{telegram}{close}\n\nWhat do you make of paragraph 2?\n");
            let cable = crate::parse(&text);
            assert_eq!(cable.signers, ["LAINGEN"], "{open}");
            let paragraphs: Vec<&str> =
                cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
            assert_eq!(
                paragraphs,
                ["THE TALKS WILL BE LONG.", "ONE SHOULD INSIST ON PERFORMANCE.", "What do you make of paragraph 2?"],
                "{open}"
            );
            let wrappers: Vec<&str> =
                cable.removed.iter().filter(|r| r.kind == Debris::Container).map(|r| r.text.as_str()).collect();
            assert_eq!(wrappers, [open, close]);
        }
        // A fence that opened nothing closes nothing: the signature under it is the telegram's.
        let stray = telegram.replace("2. ONE", "```\n\n2. ONE");
        assert_eq!(crate::parse(&stray).signers, ["LAINGEN"]);
    }

    /// A cable forwarded in an e-mail, the sender's sign-off under it: its signature's delimiter
    /// (`-- `) and lines, or a phone's line; the telegram's signature is read above them. A
    /// `--` with more text after it than a signature has is no sign-off.
    #[test]
    fn reads_a_cable_above_an_e_mail_sign_off() {
        let telegram = "C O N F I D E N T I A L TEHRAN 08300\n\nSUBJECT: NEGOTIATING WITH THE PERSIANS\n\n\
                        1. THE TALKS WILL BE LONG.\n\n2. ONE SHOULD INSIST ON PERFORMANCE.\n\nLAINGEN\n";
        for sign_off in ["\n-- \nJane Analyst\nResearch Desk\n", "\nSent from my iPhone\n"] {
            let cable = crate::parse(&format!("{telegram}{sign_off}"));
            assert_eq!(cable.signers, ["LAINGEN"], "{sign_off}");
            assert_eq!(cable.removed.iter().filter(|r| r.kind == Debris::Container).count(), 1);
        }
        let more = format!("{telegram}\n--\n{}", "3. MORE TEXT.\n\n".repeat(7));
        assert!(crate::parse(&more).removed.iter().all(|r| r.kind != Debris::Container));
    }

    /// An archive's text of a two-section telegram: the body from its first paragraph, the
    /// second section's separator, envelope and caption (its number wrapped) in the middle, a
    /// signature above the telecommunications note.
    #[test]
    fn reads_a_body_that_comes_before_its_header() {
        let text = "\n1. THE MINISTER RECEIVED THE AMBASSADOR ON MONDAY.\n\n\n\
                    2. HE SAID THE TALKS WOULD GO ON IN\n\
                    ------------------004512 121530Z /21\n\
                    FM AMEMBASSY LISBON\n\
                    TO SECSTATE WASHDC IMMEDIATE 5512\n\
                    INFO AMEMBASSY MADRID\n\
                    C O N F I D E N T I A L SECTION 02 OF 02 LISBON\n 03341\n\
                    NOVEMBER AS PLANNED.\n\n\n\
                    3. COMMENT: WE EXPECT NO CHANGE.\n\n\n\
                    SMITH\n\n\n\
                    NOTE BY OC/T: NOT PASSED TO ALL POSTS.\n";
        let cable = crate::parse(text);
        let numbers: Vec<Option<u32>> = cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3), None]);
        let second = &cable.sections[0].paragraphs[1];
        assert_eq!(second.text, "HE SAID THE TALKS WOULD GO ON IN NOVEMBER AS PLANNED.");
        assert_eq!(cable.classification, Some(crate::model::Classification::Confidential));
        assert_eq!((cable.origin.as_deref(), cable.serial.as_deref()), (Some("LISBON"), Some("03341")));
        assert_eq!(cable.to.len(), 1);
        assert_eq!(cable.signers, ["SMITH"]);
        assert!(cable.unknown.is_empty(), "{:?}", cable.unknown);
        assert!(cable.removed.iter().any(|r| r.kind == Debris::SectionMarker));
    }

    /// A hard wrap may begin a line with a sentence's dash; a list's dashes begin its points.
    #[test]
    fn a_dash_in_a_sentence_is_no_bullet() {
        use ParagraphKind::{Bullet, Paragraph};
        let text = "UNCLAS STATE 000001\nSUBJECT: X\n\n1. (U) The Secretary gave them the leads on the financing\n\
                    -- including the banks -- and asked for more. The talks\nwent well.\n\n\
                    2. (U) She raised three points:\n-- the banks;\n-- the charities, and\n-- the couriers.\n\n\
                    3. (U) Points without a colon before them\n-- stay points\n-- when they are one\n";
        let cable = crate::parse(text);
        let kinds: Vec<(Option<u32>, ParagraphKind)> =
            cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| (p.number, p.kind)).collect();
        assert_eq!(
            kinds,
            [
                (Some(1), Paragraph),
                (Some(2), Paragraph),
                (None, Bullet),
                (None, Bullet),
                (None, Bullet),
                (Some(3), Paragraph),
                (None, Bullet),
                (None, Bullet)
            ]
        );
        let first = &cable.sections[0].paragraphs[0].text;
        assert!(first.ends_with("financing -- including the banks -- and asked for more. The talks went well."));
    }

    /// A cable of one paragraph under its header that lost its blank lines is signed by the name
    /// right under its last sentence; a body with no header, short, is not (a name proves no
    /// cable).
    #[test]
    fn signs_one_paragraph_under_a_header_with_no_blank_line_between() {
        let body = "1. (C) THE ELECTIONS PASSED QUIETLY IN MOST PROVINCES. TURNOUT\nWAS HIGH.\nLODGE\n";
        let headed = crate::parse(&format!("C O N F I D E N T I A L SAIGON 13456\nSUBJECT: (C) ELECTIONS\n{body}"));
        assert_eq!(headed.signers, ["LODGE"]);
        assert!(crate::parse(body).signers.is_empty());
    }

    /// An archive's trailer wrapped again is the trailer by its own lines (a label's start after a
    /// word at most, a label's end before its mark), looked for under its first; a sentence with
    /// the mark in it is none. The end-of-record mark run on after a name is no signer.
    #[test]
    fn reads_an_archive_trailer_wrapped_again() {
        for line in [
            "EXDIS *** Current Classification ***",
            "NMAFVVZCZ *** Current Handling Restrictions *** n/a ***",
            "Classification *** SECRET",
            "Current Classification *** CONFIDENTIAL",
            "Restrictions *** n/a *** Current",
        ] {
            assert!(archive_trailer_part(line), "{line}");
        }
        // Run on after the archive's mark, the line is the trailer's wherever it stands.
        let marked = "NMAFVVZCZ *** Current Handling Restrictions *** n/a ***";
        assert_eq!(trailer_kind(marked), Some(Debris::ArchiveTrailer));
        for line in ["KNOWN TO BOTH GOVTS. CROWE NMAFVVZCZ *** Current", "THE TALKS *** WENT ON", "Classification"] {
            assert!(!archive_trailer_part(line) && trailer_kind(line).is_none(), "{line}");
        }
        assert_eq!(signature("SWANK NMAFVVZCZ", false), Some(vec!["SWANK".to_owned()]));
    }

    /// A copy that lost its blank lines (a PDF's text layer, a viewer that sets paragraphs apart
    /// by their margins): a heading is a short line between a sentence's end and a numbered
    /// paragraph, or ruled; a rule around another line's heading, or that does not underline a
    /// paragraph's last line, rules none.
    #[test]
    fn reads_headings_in_a_copy_without_blank_lines() {
        let titles = |body: &str| {
            let text = format!(
                "C O N F I D E N T I A L PARIS 000123\nSIPDIS\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, FR\n\
                 SUBJECT: VISIT\nClassified By: Ambassador Craig Stapleton, reasons 1.4 (b) and (d)\n{body}"
            );
            let cable = crate::parse(&text);
            let sections = cable.sections.iter().map(|s| {
                let numbers = s.paragraphs.iter().map(|p| p.number).collect::<Vec<_>>();
                (s.title.clone().unwrap_or_default(), numbers)
            });
            sections.collect::<Vec<_>>()
        };
        let own = |pairs: &[(&str, &[Option<u32>])]| {
            pairs.iter().map(|(t, n)| ((*t).to_owned(), n.to_vec())).collect::<Vec<_>>()
        };
        // Squeezed: under the header, under a sentence's end (a quote or bracket after it).
        let squeezed = "Summary\n1. (C) The talks went well. End Summary.\nReaching out to the Regions\n\
                        2. (C) The Ambassador met the mayor.\n(Note: none. End note.]\nThe Outlook\n\
                        3. (C) More to come.\nSTAPLETON\n";
        let expected: &[(&str, &[Option<u32>])] =
            &[("Summary", &[Some(1)]), ("Reaching out to the Regions", &[Some(2)]), ("The Outlook", &[Some(3)])];
        assert_eq!(titles(squeezed), own(expected));
        // A line under a sentence left unfinished, a redaction, a line over an unnumbered one:
        // no heading.
        let none = "1. (C) The talks went well, said\nthe Minister\n2. (C) He met XXXXXXXXXXXX.\nXXXXXXXXXXXX\n\
                    3. (C) More to come.\nThe Outlook\nIt is bright.\nSTAPLETON\n";
        assert_eq!(titles(none).iter().filter(|(t, _)| !t.is_empty()).count(), 0, "{:?}", titles(none));
        // Ruled: the paragraph's last line over the rules of the next heading is the paragraph's
        // (`…End summary.`, `ranks. END SUMMARY`); a heading over a rule of another length, a
        // two-line heading each line underlined.
        let ruled = "--------\nSUMMARY\n--------\n1. (C) The talks went well and the\n\
                     Minister agreed. End summary.\n-------------------\nEvo: The Seasoned\n-------------------\n\
                     2. (C) The Ambassador met the mayor, who spoke of his\nranks. END SUMMARY\n\
                     ------------------\nBrown: Use the Opportunity of Power\n-----\n3. (C) He spoke.\n\
                     Minister for Higher Education\n-----------------------------\n\
                     and Research ) Valerie Pecresse\n-------------------------------\n4. (C) She was named.\n\
                     STAPLETON\n";
        let expected: &[(&str, &[Option<u32>])] = &[
            ("SUMMARY", &[Some(1)]),
            ("Evo: The Seasoned", &[Some(2)]),
            ("Brown: Use the Opportunity of Power", &[Some(3)]),
            ("Minister for Higher Education", &[]),
            ("and Research ) Valerie Pecresse", &[Some(4)]),
        ];
        assert_eq!(titles(ruled), own(expected));
    }

    /// A telegram's body that lost its blank lines: each paragraph numbered in order under a
    /// sentence's end begins anew, the first under whatever stands above it; a number out of
    /// order, one under a line cut mid-sentence (`…AS SET OUT IN PARA` / `3. OF REFTEL`) or a
    /// list's under a colon goes on the paragraph. A number or two skipped after a sentence's
    /// end are paragraphs withheld, the first's too under a short line of its own (a
    /// reference). The name under the last sentence signs it.
    #[test]
    fn reads_numbered_paragraphs_with_no_blank_line_between() {
        let numbers = |text: &str| {
            let cable = crate::parse(text);
            let numbers = cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect::<Vec<_>>();
            (numbers, cable.signers)
        };
        let body = "@\n1. THE MINISTER SAID THE TALKS WOULD GO ON THROUGH THE SPRING AND INTO THE SUMMER.\n\
                    2. HE ADDED THAT THE DELEGATION WOULD BE LED BY THE DEPUTY MINISTER, AS SET OUT IN PARA\n\
                    3. OF REFTEL, AND THAT IT WOULD ARRIVE ON MAY 2.\n\
                    3. WE WILL REPORT FURTHER. THE MINISTER'S TERMS WERE AS FOLLOWS:\n\
                    1. NO PRESS.\n\
                    2. NO PHOTOGRAPHS.\n\
                    9. COMMENT: NONE.\n\
                    LODGE\n";
        assert_eq!(numbers(body), (vec![None, Some(1), Some(2), Some(3)], vec!["LODGE".to_owned()]));
        // Paragraphs withheld (1974TELAV06773 numbers 1, 2, 4, 5); the first under a reference
        // (1974CANBER00684 opens with its REF's last items, then `2. SUMMARY`).
        let withheld = "@\n1. THE COMMITTEE MET ON MONDAY.\n2. IT ADOPTED THE RESOLUTION.\n4. IN CONTEXT, THIS IS NEW.\n\
                        5. COMMENT: NONE.\nLODGE\n";
        assert_eq!(numbers(withheld).0, [None, Some(1), Some(2), Some(4), Some(5)]);
        let under_ref = "B) STATE 019914\nC) STATE 06883, 14 JAN 72\n2. SUMMARY: THE TEXT WAS PRESENTED.\n\
                         3. THE MINISTER WILL STUDY IT.\nMARSHALL\n";
        let read = numbers(under_ref);
        assert_eq!(
            (&read.0[read.0.len() - 2..], read.1.as_slice()),
            ([Some(2), Some(3)].as_slice(), ["MARSHALL".to_owned()].as_slice())
        );
    }

    /// Under paragraphs numbered with a full stop, a list numbered with a parenthesis (`1) Joint
    /// Staff Talks`, 09MOSCOW2754) is a list of points, not paragraphs numbered over again; a
    /// telegram that numbers its paragraphs so (`1) THE TALKS`) keeps their numbers.
    #[test]
    fn a_list_numbered_with_parentheses_under_a_paragraph_is_no_paragraphs() {
        use ParagraphKind::{Bullet, Paragraph};
        let kinds = |body: &str| {
            let cable = crate::parse(&format!("UNCLAS STATE 000001\nSUBJECT: X\n\n{body}"));
            cable.sections.iter().flat_map(|s| &s.paragraphs).map(|p| (p.number, p.kind)).collect::<Vec<_>>()
        };
        let listed = "1. (U) Four mechanisms:\n\n1) Joint Staff Talks.\n\n2) Defense Consultations and\n\
                      1) a plan, 2) a review.\n\n2. (U) More.\n";
        assert_eq!(kinds(listed), [(Some(1), Paragraph), (None, Bullet), (None, Bullet), (Some(2), Paragraph)]);
        let numbered = "1) THE TALKS WENT ON.\n\n2) THEY WILL GO ON.\n";
        assert_eq!(kinds(numbered), [(Some(1), Paragraph), (Some(2), Paragraph)]);
    }

    #[test]
    fn reads_summary_markers() {
        assert_eq!(summary_marker("Summary: In an"), Some(9));
        assert_eq!(summary_marker("SUMMARY AND COMMENT: x"), Some(21));
        assert_eq!(summary_marker("Summaries are"), None);
    }

    /// A telegram's body run together on one line, in capitals (an archive's export of a 1970s
    /// telegram): signed after its last sentence, and so a cable; short, or in mixed case, it is
    /// neither.
    #[test]
    fn signs_a_telegrams_body_run_together_on_one_line() {
        let sentence = "THE DELEGATIONS MET AGAIN TODAY AND AGREED ON THE TEXT OF THE TOURISM PAPER. ";
        let c = crate::parse(&format!("{}END TEXT. DALE", sentence.repeat(4)));
        assert_eq!(c.signers, ["DALE"]);
        assert!(!c.diagnostics.iter().any(|d| d.kind == crate::DiagnosticKind::NotACable));
        assert!(c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap().text.ends_with("END TEXT."));
        for text in [
            format!("{sentence}DALE"),
            format!("{}End text. Dale", "The delegations met again today and agreed on the text. ".repeat(6)),
        ] {
            let c = crate::parse(&text);
            assert!(c.signers.is_empty(), "{text}");
            assert!(c.diagnostics.iter().any(|d| d.kind == crate::DiagnosticKind::NotACable), "{text}");
        }
    }

    /// A name's own parts stay one signer, as written and with the line breaks lost: a suffix
    /// (07BERLIN802's `TIMKEN JR`, a comma before it), a particle (`MC CLOSKEY`, `ST. MARK`), a
    /// title after it (`LOWENSTEIN (ACTING)`, `HILL, CHARGE`); a note under it stays text.
    #[test]
    fn keeps_a_names_parts_in_one_signer() {
        let body = "CONFIDENTIAL BEIRUT 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, PGOV, LE\n\
                    SUBJECT: THE TALKS GO ON\n\n1. (C) THE TALKS WENT ON FOR A THIRD DAY WITH NO AGREEMENT IN \
                    SIGHT.\n\n2. (C) COMMENT: THEY WILL GO ON \u{201c}AS PLANNED.\u{201d} END COMMENT.\n\n";
        for (end, signers) in [
            ("TIMKEN JR", &["TIMKEN JR"][..]),
            ("SMITH, JR.", &["SMITH JR"]),
            ("MC CLOSKEY", &["MC CLOSKEY"]),
            ("ST. MARK", &["ST. MARK"]),
            ("JOHN J. SMITH", &["JOHN", "J.", "SMITH"]),
            ("LOWENSTEIN (ACTING)", &["LOWENSTEIN"]),
            ("HILL, CHARGE", &["HILL"]),
            ("KEEGAN PAAL", &["KEEGAN", "PAAL"]),
        ] {
            let written = format!("{body}{end}\n");
            let joined = written.split_whitespace().collect::<Vec<_>>().join(" ");
            for text in [&written, &joined] {
                let c = crate::parse(text);
                assert_eq!(c.signers, signers, "{text}");
                let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap();
                assert!(last.text.ends_with("END COMMENT."), "{text}: {}", last.text);
            }
        }
        // A suffix alone is no one.
        assert!(crate::parse(&format!("{body}JR\n")).signers.is_empty());
        let c = crate::parse(&format!("{body}BOGOSIAN\n\n\nNOTE: ADVANCE COPY TO S/S-O AT 1230.\n"));
        assert_eq!(c.signers, ["BOGOSIAN"]);
        let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap();
        assert_eq!(last.text, "NOTE: ADVANCE COPY TO S/S-O AT 1230.");
    }

    /// Signatures as older telegrams and later copies close them: after a closing formula on
    /// the last line, with a teletype's end marks, above a declassification stamp wrapped onto
    /// two lines.
    #[test]
    fn reads_signatures_in_the_forms_of_older_telegrams() {
        let cable = |end: &str| {
            crate::parse(&format!(
                "CONFIDENTIAL BEIRUT 000001\nSUBJECT: X\n\n1. (C) THE TALKS WENT ON.\n\n2. (C) COMMENT: THEY WILL GO ON.\n\n{end}"
            ))
        };
        let c = cable("3. BEIRUT MINIMIZE CONSIDERED.  EAGLETON\n");
        assert_eq!(c.signers, ["EAGLETON"]);
        let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap();
        assert_eq!((last.text.as_str(), last.original.ends_with("EAGLETON")), ("BEIRUT MINIMIZE CONSIDERED.", true));
        assert_eq!(cable("3. THE OFFICE COMPILED THIS REPORT.  END OF TEXT. BAKER\n").signers, ["BAKER"]);
        assert_eq!(cable("GILLESPIE##\n").signers, ["GILLESPIE"]);
        assert_eq!(cable("KISSINGER SENDS.\n").signers, ["KISSINGER"]);
        assert_eq!(cable("INGERSOLL ACTING\n").signers, ["INGERSOLL"]);
        assert_eq!(cable("PORTER BT\n").signers, ["PORTER"]);
        // The page's foot run on after the name, the line breaks lost.
        assert_eq!(cable("KISSINGER LIMITED OFFICIAL USE\n").signers, ["KISSINGER"]);
        assert_eq!(cable("STOESSEL CONFIDENTIAL\n").signers, ["STOESSEL"]);
        // `MINIMIZE CONSIDERED` run on before the name (07MADRID1805 with its breaks lost).
        assert_eq!(cable("MINIMIZED CONSIDERED AGUIRRE\n").signers, ["AGUIRRE"]);
        // The envelope's close: `BT`, the message's number, `NNNN`.
        let c = cable("BEYRLE\nBT\n#2531\n\nNNNN\n");
        assert_eq!(c.signers, ["BEYRLE"]);
        assert!(c.removed.iter().any(|r| r.kind == Debris::EndOfText && r.text == "#2531"));
        let c = cable(
            "SULLIVAN\n\nCONFIDENTIAL\n\nDeclassified/Released US Department of State EO Systematic\nReview 30 JUN 2006\n",
        );
        assert_eq!(c.signers, ["SULLIVAN"]);
        assert_eq!(c.removed.iter().filter(|r| r.kind == Debris::ArchiveTrailer).count(), 2);
        // Under the signature: a telecommunications note, a lone full stop, an archive's ID line.
        assert_eq!(cable("PETERSON\n\nNOTE: NOT PASSED TO ABOVE ADDRESSEE(S)\n").signers, ["PETERSON"]);
        assert_eq!(cable("GRAY\n.\n").signers, ["GRAY"]);
        let c = cable("SHAPIRO\n\n\nNNNN\n\n      2004CARACA01540 - UNCLASSIFIED\n");
        assert_eq!(c.signers, ["SHAPIRO"]);
        assert!(c.removed.iter().any(|r| r.kind == Debris::ArchiveTrailer && r.text.starts_with("2004CARACA01540")));
        assert_eq!(cable("SEMBLER\n\n> \n 2002ROME01748 - Classification: SECRET\n").signers, ["SEMBLER"]);
        // PlusD's close of a 1970s telegram's text, under its signature.
        let c = cable("KISSINGER\n\n\nCONFIDENTIAL\n\n<< END OF DOCUMENT >>\n");
        assert_eq!(c.signers, ["KISSINGER"]);
        assert!(c.removed.iter().any(|r| r.kind == Debris::EndOfText && r.text == "<< END OF DOCUMENT >>"));
        // A name after the last sentence on its line, lost line breaks having joined them.
        assert_eq!(cable("3. (C) Sightings are increasing inside Burma. Martinez\n").signers, ["Martinez"]);
        assert_eq!(cable("3. (C) It has done little to assist him. END COMMENT THORNE\n").signers, ["THORNE"]);
        assert_eq!(
            cable("3. (C) (Comment: They are trying teleportation. END COMMENT) HUNTSMAN\n").signers,
            ["HUNTSMAN"]
        );
        assert!(cable("3. (C) The talks went on (as planned) Tuesday\n").signers.is_empty());
        assert!(cable("3. (C) The talks went on in the U.S.\n").signers.is_empty());
        assert!(cable("3. (C) We will report septel. Department\n").signers.is_empty());
        // Under the rule that closes the post's classified website, set between rules of stars:
        // no line of it a heading (10RABAT22, 07TELAVIV1114).
        let c = cable(
            "3. (U) Tripoli minimize considered.\n\n*****************\nVisit Embassy Rabat's Classified Website;\n\
             http://www.intelink.sgov.gov/wiki/Portal:Moro cco\n*****************\nKAPLAN\n",
        );
        assert_eq!(
            (c.signers.as_slice(), c.sections.iter().all(|s| s.title.is_none())),
            (["KAPLAN".to_owned()].as_slice(), true)
        );
        let c = cable(
            "3. (U) Text.\n\n*****************\nVisit Embassy Tel Aviv's Classified Website:\n\
             http://www.state.sgov.gov/p/nea/telaviv\n\nYou can also access this site through the State Department's\n\
             Classified SIPRNET website.\n*****************\nJONES\n",
        );
        assert_eq!(
            (c.signers.as_slice(), c.sections.iter().all(|s| s.title.is_none())),
            (["JONES".to_owned()].as_slice(), true)
        );
        // After the post's classified website run on at the end of the last paragraph (08LONDON639).
        let c = cable(
            "3. (C) The party asks what makes it radical.\nVisit London's Classified Website: \
             http://www.state.sgov.gov/p/eur/london/index. cfm TUTTLE\n",
        );
        assert_eq!(c.signers, ["TUTTLE"]);
        // Under the post's classified website (06PARIS2358).
        let c = cable(
            "3. (U) Visit Paris' Classified Website at:\nhttp://www.state.sgov.gov/p/eur/paris/index.c fm\nStapleton\n",
        );
        assert_eq!(c.signers, ["Stapleton"]);
        // Above the post's classified website, which closes the text (10ANKARA302).
        let c = cable(
            "3. (C) The talks will go on.\n\nJeffrey\n\n\"Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov/wiki/Portal:Turkey\"\n",
        );
        assert_eq!(c.signers, ["Jeffrey"]);
        // The same with the blank lines lost, the address going on to a line of its own
        // (09ANKARA1599): the note a paragraph of its own, the name above it the signature; an
        // address that ends a paragraph stays its own.
        for end in [
            "Jeffrey\n\"Visit Ankara's Classified Web Site at http://www.intelink.s\ngov.gov/wiki/Portal:Turkey\"\n",
            "JEFFREY\n\"Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov/wiki/Portal:Turkey\"\n",
        ] {
            let c = cable(&format!("3. (C) The talks will go on.\n{end}"));
            let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap();
            assert_eq!((c.signers.len(), last.number, last.text.starts_with("\"Visit")), (1, None, true), "{end}");
        }
        let c = cable("3. (C) The text is at\nhttp://www.state.gov/r/pa/index.htm\n");
        let last = c.sections.iter().flat_map(|s| &s.paragraphs).next_back().unwrap();
        assert_eq!((c.signers.len(), last.number), (0, Some(3)));
        // A surname in mixed case under the last sentence (08MADRID518), never a closing word.
        assert_eq!(cable("3. (C) So we stay in touch with him.\nLlorens\n").signers, ["Llorens"]);
        assert!(cable("3. (C) So we stay in touch with him.\nThanks\n").signers.is_empty());
        // A closing formula with words after it that are no name keeps them as text.
        assert!(cable("3. END COMMENT. The talks resume Monday\n").signers.is_empty());
        // A name of two words after a closing formula with no full stop (09PRETORIA939).
        let c = cable("End of Part One LA LIME\n");
        assert_eq!(c.signers, ["LA LIME"]);
        assert!(c.sections.iter().flat_map(|s| &s.paragraphs).any(|p| p.text == "End of Part One"));
        assert_eq!(cable("END PART 1 OF 2 SMITH\n").signers, ["SMITH"]);
        assert!(cable("End of Part One of the series\n").signers.is_empty());
        // A surname of two letters alone under the last sentence (10BAKU98), never a common word.
        assert_eq!(cable("3. (C) He spoke of other labor strikes.\nLu\n").signers, ["Lu"]);
        assert!(cable("3. (C) He spoke of other labor strikes.\nOk\n").signers.is_empty());
        // The ellipsis of a copy cut short under the signature (09KHARTOUM881).
        let c = cable("3. (C) The tanks are a secret in Khartoum.\nWhitehead\n...\n");
        assert_eq!(c.signers, ["Whitehead"]);
        assert!(c.removed.iter().any(|r| r.kind == Debris::Rule && r.text == "..."));
    }
}
