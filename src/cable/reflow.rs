//! Cables whose line breaks were lost (database exports, PDF copies): the envelope,
//! the caption block and every paragraph run together on one or a few lines
//! (`…ZNY CCCCC ZZHP 111453Z AUG 06FM AMEMBASSY ANKARATO RUEHC/SECSTATE…`,
//! `BERLIN 002546SIPDISSIPDISE.O. 12958…`). Such a line is broken again before each
//! field it holds, by the fields' own shapes, so the line-based reader that follows
//! needs no second grammar. A line is touched only when it holds two or more header
//! fields; every other line passes through as it is.

/// The shortest line that can hold a run-together caption block.
const LONG_LINE: usize = 200;

/// Whether `text` lost its line breaks: a line holds run-together header fields, and long
/// lines are most of the text (a cable with its breaks whose one line holds junk that looks
/// like fields is left alone: its real fields are on lines of their own).
pub fn needs_reflow(text: &str) -> bool {
    // The parser's own split (`\r` ends a line too), so `parse` and `source_text` always agree.
    let lines = crate::lines::split_lines(text);
    needs_reflow_lines(text, lines.iter().map(|l| &text[l.span.start..l.span.end])) || caseless_needs_reflow(text)
}

/// A text in lower case throughout (an export that lower-cased it as well as running its lines
/// together): its fields are told by their shapes in capitals ([`needs_reflow`] of the text in
/// capitals). False for any text with a capital (nearly every one: the first tells).
pub fn caseless_needs_reflow(text: &str) -> bool {
    crate::lines::is_caseless(text.bytes()) && {
        let upper = text.to_ascii_uppercase();
        let lines = crate::lines::split_lines(&upper);
        needs_reflow_lines(&upper, lines.iter().map(|l| &upper[l.span.start..l.span.end]))
    }
}

/// `broken` (a text in capitals broken again) with the letters of `text`, the same text as it
/// was written: re-breaking only takes out and puts in white space, so the rest of the two
/// texts is the same characters in the same order, but for their case.
fn with_case_of(broken: &str, text: &str) -> String {
    let mut out = String::with_capacity(broken.len());
    let mut written = text.chars().filter(|c| !c.is_whitespace());
    for c in broken.chars() {
        if c.is_whitespace() {
            out.push(c);
        } else {
            out.push(written.next().unwrap_or(c));
        }
    }
    out
}

/// [`needs_reflow`] over `text`'s lines already split (the parser's own split: no second pass).
pub fn needs_reflow_lines<'a>(text: &str, lines: impl Iterator<Item = &'a str> + Clone) -> bool {
    let len = text.len();
    // One pass: the bytes of the long lines, and how many lines are wider than a telegram's (a
    // line's width is its text's: a fixed-width export pads every line with spaces).
    let (long, wide) = lines.clone().map(|l| l.trim_ascii_end().len()).fold((0, 0), |(long, wide), n| {
        (long + if n > LONG_LINE { n } else { 0 }, wide + usize::from((REWRAPPED_WIDTH..=LONG_LINE).contains(&n)))
    });
    // Nearly every cable fails the cheap test: its long lines are not half of it.
    if long * 2 < len || long == 0 {
        // Wrapped again wider than a telegram (its width asked only of a text with lines that
        // wide); or near a telegram's width (an e-mail's 72 columns), or a short copy (a partial
        // extract, a caption and a paragraph or two): a line of its header holds three of its
        // fields, as no line of a cable with its breaks does.
        // Or narrower: its header's fields begin inside its lines.
        return wide >= 5 && rewrapped(lines.clone())
            || caption_block_run_together(lines.clone(), SHORTEST_CAPTION_BLOCK)
            || header_wrapped_again(text)
            || short_body_run_together(lines);
    }
    // A run-together caption block sits at the start of the text: the first long lines tell.
    let first = lines.clone().find(|l| !l.trim().is_empty());
    lines.clone().filter(|l| l.len() > LONG_LINE).take(2).any(|l| is_run_together(l) || telegram_inside(l).is_some())
        || first.is_some_and(|l| l.len() > LONG_LINE && (body_run_together(l, len) || frus_cuts(l).is_some()))
        || caption_block_run_together(lines, SHORTEST_CAPTION_BLOCK)
}

/// The fewest bytes a line of run-together caption fields takes (`TAGS: PREL SUBJ: X`).
const SHORTEST_RUN: usize = 16;

/// The shortest line looked into for a caption block of three fields: as long as one with its
/// date and a short subject (`E.O. 12958: DECL: 06/01/2019 TAGS: PGOV HA KBIO SUBJECT: X`);
/// the envelope's addressees, shorter, are passed over cheaply.
const SHORTEST_CAPTION_BLOCK: usize = 60;

/// The fewest bytes a caption block of three fields takes (`E.O. 11652: GDS TAGS: PFOR SUBJ:
/// X`); one shorter than [`SHORTEST_CAPTION_BLOCK`] is looked into only with two colons.
const SHORTEST_RUN_CAPTION: usize = 32;

/// How far into its line a caption block of its own may hold its fields (a long SUBJECT, a
/// few addressees for action before the E.O.).
const CAPTION_BLOCK: usize = 800;

/// How many lines from the top the caption block of a copy with its paragraphs kept apart
/// may begin (an envelope of thirty addressees, one to a line, comes before it).
const CAPTION_WITHIN: usize = 80;

/// A copy that kept its paragraphs apart but ran the lines of each together (a web page
/// without `<pre>`, a word processor's copy, an e-mail that reflowed it): its paragraphs are
/// the long lines, and its caption block, a paragraph of its own, is one line of fields that
/// may be short (`E.O. 12958: N/A TAGS: PGOV PTER SUBJECT: AMBASSADOR'S VISIT TO SEVILLE`).
/// Three fields, or an envelope run together: a telegram itself may write two on a line
/// (`E.O. 12958: N/A TAGS: PGOV PINR`); and no SUBJECT on a line of its own. In a text wrapped
/// again wider than a telegram ([`wrap_width`]), two fields on a line tell. Looked for near the
/// top only, above the first paragraph.
fn caption_block_run_together<'a>(lines: impl Iterator<Item = &'a str> + Clone, shortest: usize) -> bool {
    let header = lines.clone().take(CAPTION_WITHIN).take_while(|l| leading_number(l.as_bytes()).is_none());
    // Its own line: the caption's fields are in its first few hundred bytes.
    // A shorter line only with two colons (`E.O. 11652: GDS TAGS: PFOR, GR, TU SUBJ: GREEK…`):
    // the envelope's addressees and a SUBJECT of its own have fewer, and are passed over
    // without a search.
    let looked_into = |l: &str| {
        l.len() >= SHORTEST_RUN_CAPTION
            && (l.len() >= shortest || memchr::memchr_iter(b':', l.as_bytes()).nth(1).is_some())
    };
    let fields =
        |needed: usize| header.clone().any(|l| looked_into(l) && run_together_within(l, needed, CAPTION_BLOCK));
    // Nearly every text has no line of two fields, and is done with here.
    if !fields(2) {
        return false;
    }
    // Wrapped again wider than a telegram, two fields that share a line tell; and a field may
    // happen to begin a line, as the SUBJECT below.
    if wrap_width(lines).is_some_and(|w| w > TELEGRAM_WIDTH) {
        return true;
    }
    // A line of its own for the SUBJECT: the text kept its caption's breaks, and a line of
    // fields run together is junk in it (a hostile payload), not its caption.
    fields(3)
        && !header.clone().any(|l| {
            let start = l.len() - l.trim_start().len();
            header_field_at(l.as_bytes(), start, true).is_some_and(|(f, _)| f == HeaderField::Subject)
        })
}

/// A telegram's body with no header whose line breaks were lost (an archive's text of a
/// 1970s telegram, run together): the text's first line holds paragraphs 1, 2 and 3 in order
/// (1 and 2 when it is nearly all of the text, `len` bytes), the first near its start (after
/// the references at most), each where a paragraph may start. Or, nearly all of the text, it
/// ends in the archive's trailer (`… SWANK NMAFVVZCZ *** Current Classification *** SECRET`):
/// a telegram of one paragraph, or of paragraphs not so found.
fn body_run_together(line: &str, len: usize) -> bool {
    let b = line.as_bytes();
    if line.len() * 5 >= len * 4 && archive_trailer_at(line).is_some() {
        return true;
    }
    let Some(mut at) = first_paragraph_at(b) else { return false };
    let more = if line.len() * 5 >= len * 4 { 1 } else { 2 };
    let mut n = 2;
    for _ in 0..more {
        // Each paragraph after the one before, a lost number stepped over (`paragraph_at`).
        let Some((next, value)) = (at + 2..b.len()).find_map(|i| paragraph_at(b, i, n).map(|v| (i, v))) else {
            return false;
        };
        (at, n) = (next, value + 1);
    }
    true
}

/// A few numbered paragraphs copied on one line shorter than a long one (`1. (C) The minister
/// said … 2. (U) Embassy will report further.`): the text's only line, its paragraphs 1 and 2
/// as [`body_run_together`] finds them.
fn short_body_run_together<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    let mut text = lines.by_ref().map(str::trim).filter(|l| !l.is_empty());
    let Some(line) = text.next() else { return false };
    text.next().is_none() && line.len() >= 40 && body_run_together(line, line.len())
}

/// Where paragraph 1 begins in a body's first line: at its start (`1. THE TALKS…`, `1.(C)`,
/// `1.THE`), or after a sentence or field in its first 400 bytes (`SUMMARY: … 1. THE TALKS`) or
/// after a longer summary's end, or after any word there.
fn first_paragraph_at(b: &[u8]) -> Option<usize> {
    let start = b.iter().position(|c| !c.is_ascii_whitespace())?;
    // `1.CHARTER REVIEW…` too, as the line reader takes it: a capital glued to the number.
    if b[start..].starts_with(b"1.")
        && b.get(start + 2).is_none_or(|&c| c == b' ' || c == b'(' || c.is_ascii_uppercase())
    {
        return Some(start);
    }
    // A summary may stand before it, however long (`SUMMARY: … END SUMMARY. 1. SOVIET PRESS…`):
    // as far as the summary's end.
    let head = &b[..b.len().min(4096)];
    let reach =
        head.windows(11).position(|w| w.eq_ignore_ascii_case(b"END SUMMARY")).map_or(400, |k| (k + 40).max(400));
    (start + 1..b.len().min(reach)).find(|&i| paragraph_at(b, i, 1).is_some()).or_else(|| {
        // After the end of a reference or a subject cut off above (`B. KL 0465 1. LOCAL PRESS`,
        // `…ATURE OF MOU 1. DURING A MARCH 16…`): one space before, a capital or mark after,
        // and paragraphs 2 and 3 to follow ([`body_run_together`] asks).
        // Or glued to its first word in capitals (`@ LAW COMMISSION 1.LEGAL COMITE…`).
        (start + 1..b.len().min(400)).find(|&i| {
            let spaced =
                b[i..].starts_with(b"1. ") && b.get(i + 3).is_some_and(|&c| c == b'(' || c.is_ascii_uppercase());
            let glued =
                b[i..].starts_with(b"1.") && b.get(i + 2..i + 4).is_some_and(|w| w.iter().all(u8::is_ascii_uppercase));
            b[i - 1] == b' ' && (spaced || glued)
        })
    })
}

/// A telegram's lines: 69 columns at most.
const TELEGRAM_WIDTH: usize = 69;

/// The narrowest width of a text wrapped again that is told from a telegram's 69 columns
/// without more (a wider one with its caption's fields run together on a line is told too).
const REWRAPPED_WIDTH: usize = 76;

/// How many lines from the top tell a text's wrapping.
const WRAP_WITHIN: usize = 300;

/// The width a text's lines are wrapped at, when they are: of its first lines of 20 bytes or
/// more (up to [`LONG_LINE`]), ten or more, half end within 15 columns of the widest. A
/// telegram's is its 69 columns; a text of a paragraph to a line (an archive's) has lines of
/// every length, and none. One pass, its lengths counted.
fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut count = [0u16; LONG_LINE + 1];
    let (mut widest, mut all) = (0, 0);
    for n in lines.take(WRAP_WITHIN).map(|l| l.trim_ascii_end().len()).filter(|&n| (20..=LONG_LINE).contains(&n)) {
        count[n] += 1;
        widest = widest.max(n);
        all += 1;
    }
    let near: usize = count[widest.saturating_sub(15)..=widest].iter().map(|&c| usize::from(c)).sum();
    (all >= 10 && near * 2 >= all).then_some(widest)
}

/// A text wrapped again wider than a telegram (a PDF of a page that set it in paragraphs, an
/// e-mail or editor that reflowed it to its own width): wrapped at 76 columns or more.
fn rewrapped<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    wrap_width(lines).is_some_and(|w| w >= REWRAPPED_WIDTH)
}

/// How far into a text its header's fields are looked for by [`header_wrapped_again`].
const HEADER_REACH: usize = 4096;

/// The header's fields [`header_wrapped_again`] looks for: by where each may start, how it is
/// told, and the field it stands for (the caption's by their kind; each line of the envelope
/// its own).
const WRAPPED_PROBES: [(&str, Marker, usize); 13] = [
    ("TAGS", Marker::Field(HeaderField::Tags), 0),
    ("SUBJ", Marker::Field(HeaderField::Subject), 1),
    ("E.O", Marker::Field(HeaderField::Eo), 2),
    ("E. O", Marker::Field(HeaderField::Eo), 2),
    ("EO 1", Marker::Field(HeaderField::Eo), 2),
    ("SIPDIS", Marker::Field(HeaderField::Handling), 3),
    ("CLASSIFIED BY", Marker::Field(HeaderField::ClassifiedBy), 4),
    ("ZN", Marker::Envelope, 5),
    ("FM", Marker::Envelope, 6),
    ("DE R", Marker::Envelope, 7),
    ("TO ", Marker::Addressees, 8),
    ("INFO ", Marker::Addressees, 9),
    ("Z ", Marker::DateTimeGroup, 10),
];

/// How a field [`WRAPPED_PROBES`] looks for is told where its probe is found.
#[derive(Debug, Clone, Copy)]
enum Marker {
    /// A field of the caption, or one the envelope's ([`header_field_at`]).
    Field(HeaderField),
    Envelope,
    /// `TO` or `INFO` and an addressee: routed (`TO RUEHC/SECSTATE`), an office's (`INFO
    /// AMEMBASSY PARIS`) or the Department's (`TO SECSTATE WASHDC`).
    Addressees,
    /// The date-time group's `Z` (`P 111453Z AUG 06`): its line begins at its precedence.
    DateTimeGroup,
}

impl Marker {
    /// Where the field so found at `at` in `b` begins, if it is one.
    fn begins(self, b: &[u8], at: usize, probe: &str) -> Option<usize> {
        match self {
            Marker::Field(kind) => header_field_at(b, at, true).filter(|(k, _)| *k == kind).map(|_| at),
            Marker::Envelope => {
                header_field_at(b, at, probe == "FM").filter(|(k, _)| *k == HeaderField::Envelope).map(|_| at)
            }
            Marker::Addressees => {
                let addressee = at + probe.len();
                let named = routed_addressee_at(b, addressee)
                    || ["SECSTATE", "SECDEF"].iter().chain(&crate::vocab::OFFICES).any(|name| {
                        b[addressee..].starts_with(name.as_bytes()) && b.get(addressee + name.len()) == Some(&b' ')
                    });
                (starts_word(b, at, false) && named).then_some(at)
            }
            Marker::DateTimeGroup => {
                let digits = at.checked_sub(6).filter(|&k| b[k..at].iter().all(u8::is_ascii_digit))?;
                let month = b.get(at + 2..at + 6)?;
                (month[..3].iter().all(u8::is_ascii_uppercase) && month[3] == b' ').then_some(())?;
                // Its precedence before it (`P 111453Z`, `R 171600 Z`).
                let precedence = digits.checked_sub(2).filter(|&k| {
                    matches!(b[k], b'Z' | b'O' | b'P' | b'R') && b[k + 1] == b' ' && starts_word(b, k, false)
                });
                Some(precedence.unwrap_or(digits))
            }
        }
    }
}

/// Where a header field stands in a text: inside a line, or beginning one after a line of text
/// (as a telegram writes its fields), or after a blank line (as a telegram and a text wrapped
/// again both may).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Inside,
    BeginsLine,
    BeginsBlock,
}

/// A text wrapped again narrower than a telegram's 69 columns or near them (a PDF's column, an
/// e-mail at 60, a copy from a phone's screen): no line is long, and its width tells nothing,
/// but its header's fields begin inside its lines (`DE RUEHAK #4688/01 2231453 ZNY CCCCC ZZH P
/// 111453Z AUG 06 FM`, `…BRUSSELS 000128 SIPDIS EO 12958 DECL:`, `02/01/2020 TAGS PREL, PTER,
/// EUN SUBJECT: AMBASSADOR`) where a telegram begins each on a line of its own. Each field as
/// first found in the text's first 4 KB: three or more inside lines and more than begin a line
/// under another, or two inside and none beginning one (a telegram may write its `TAGS` after
/// its `E.O.`; a field of a text wrapped again may begin a line by chance; one after a blank
/// line tells nothing, as a telegram's paragraphs stay apart in a copy wrapped again).
fn header_wrapped_again(text: &str) -> bool {
    let end = crate::lines::floor_char_boundary(text, HEADER_REACH);
    let head = &text[..end];
    let b = head.as_bytes();
    // Lines end at `\n`, `\r\n` or `\r`, as the parser reads them.
    let line_start = |end: usize| memchr::memrchr2(b'\n', b'\r', &b[..end]).map_or(0, |k| k + 1);
    let mut window = Vec::new();
    // Where the field `probe` first stands in `hay` (the head, or the head with a space for each
    // line break: a place in one is a place in the other), if the head has one. A field is read
    // across its line's end (`…AUG 06 FM` / `AMEMBASSY ANKARA`), with the line above it (`…ZZH
    // O` / `081039Z MAY 09`).
    let mut first_field = |hay: &str, probe: &str, marker: Marker| {
        let mut from = 0;
        while let Some(at) = crate::lines::find_ci(&hay[from..], probe).map(|k| k + from) {
            let line = line_start(at);
            let above = line_start(line.saturating_sub(1));
            window.clear();
            window.extend(
                b[above..b.len().min(at + 200)].iter().map(|&c| if c == b'\n' || c == b'\r' { b' ' } else { c }),
            );
            if let Some(start) = marker.begins(&window, at - above, probe).map(|k| above + k) {
                let line = line_start(start);
                if !b[line..start].iter().all(u8::is_ascii_whitespace) {
                    return Some(Place::Inside);
                }
                // The line above, without its line break: blank, or text.
                let above_end = b[..line].strip_suffix(b"\n").unwrap_or(&b[..line]);
                let above_end = above_end.strip_suffix(b"\r").unwrap_or(above_end).len();
                let blank = line == 0 || b[line_start(above_end)..above_end].iter().all(u8::is_ascii_whitespace);
                return Some(if blank { Place::BeginsBlock } else { Place::BeginsLine });
            }
            from = crate::lines::ceil_char_boundary(hay, at + 1);
        }
        None
    };
    let mut inside = [false; 11];
    let mut begins = [false; 11];
    let mut note = |place: Option<Place>, slot: usize| match place {
        Some(Place::Inside) => inside[slot] = true,
        Some(Place::BeginsLine) => begins[slot] = true,
        _ => {}
    };
    // Nearly every text with its line breaks begins lines with its TAGS and SUBJECT under
    // others: two searches, and done.
    let (tags, subject) = (&WRAPPED_PROBES[0], &WRAPPED_PROBES[1]);
    let tags_place = first_field(head, tags.0, tags.1);
    let subject_place = first_field(head, subject.0, subject.1);
    if tags_place == Some(Place::BeginsLine) && subject_place == Some(Place::BeginsLine) {
        return false;
    }
    note(tags_place, tags.2);
    note(subject_place, subject.2);
    // The others' words may be split by a line break (`…RUEHROV DE` / `RUEHAK #1905/01`).
    let flat = head.replace(['\n', '\r'], " ");
    for &(probe, marker, slot) in &WRAPPED_PROBES[2..] {
        note(first_field(&flat, probe, marker), slot);
    }
    let count = |seen: [bool; 11]| seen.iter().filter(|&&s| s).count();
    let (inside, begins) = (count(inside), count(begins));
    // And every line of the head is short: a long line of fields is junk in a text with its
    // breaks (a hostile payload), or run together, which [`needs_reflow_lines`] tells.
    (inside >= 3 && begins < inside || inside >= 2 && begins == 0)
        && b.split(|&c| c == b'\n' || c == b'\r').all(|line| line.len() <= LONG_LINE)
}

/// `text` with the lines of each of its blocks (the lines between blank ones) joined by a space
/// ([`crate::lines::join_wrapped`]); a PDF's page furniture stays a line of its own.
fn unwrap_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if in_block {
                out.push('\n');
            }
            out.push('\n');
            in_block = false;
        } else if crate::shapes::is_pdf_page_furniture(line) {
            // A PDF's page number or margins stay a line of their own, which the text reads
            // across (`…End comment. Beyrle` / `Page 3`).
            if in_block {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
            in_block = false;
        } else {
            // A word the wrap broke at its hyphen is one again (`OVER-` / `FLIGHT`).
            if in_block {
                crate::lines::join_wrapped(&mut out, line);
            } else {
                out.push_str(line);
            }
            in_block = true;
        }
    }
    out
}

/// `text` with every run-together line broken again at its fields. A text whose long lines are
/// not most of it was wrapped again at another width ([`rewrapped`], or near a telegram's: its
/// caption's fields run together on a line): it is first joined a block to a line, as a copy
/// that kept its paragraphs apart (a short copy of a block to a line is as it was).
pub fn reflow(text: &str) -> String {
    // In lower case throughout: broken where its capitals would be, and given back its case.
    if crate::lines::is_caseless(text.bytes()) {
        return with_case_of(&reflow_cased(&text.to_ascii_uppercase()), text);
    }
    reflow_cased(text)
}

/// [`reflow`] of a text with its capitals.
fn reflow_cased(text: &str) -> String {
    let lines = || text.split('\n');
    let long: usize = lines().filter(|l| l.len() > LONG_LINE).map(str::len).sum();
    if long * 2 < text.len()
        && (rewrapped(lines())
            || caption_block_run_together(lines(), SHORTEST_CAPTION_BLOCK)
            || header_wrapped_again(text))
    {
        return reflow_lines(&unwrap_blocks(text));
    }
    reflow_lines(text)
}

/// Where a text's last words end: its last line that holds any, and is no PDF's page furniture
/// after them (`…End comment. Beyrle` / `Page 3`, a browser's print margins).
fn last_words_end(text: &str) -> usize {
    let mut end = text.trim_end().len();
    while let Some(start) = text[..end].rfind('\n').map(|k| k + 1) {
        if !crate::shapes::is_pdf_page_furniture(text[start..end].trim()) {
            break;
        }
        end = text[..start].trim_end().len();
    }
    end
}

/// [`reflow`] of a text as its lines stand.
fn reflow_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut first = true;
    // The text's last words, where a signature may stand, are on its last line that holds any;
    // `at` is where the line read begins.
    let last = last_words_end(text);
    let mut at = 0;
    // The caption's post, once read: a line after it reads `FM` as a foreign minister.
    let mut station = None;
    // The number of the paragraph expected next, once one began a line; and the numbers that
    // begin lines, which none inside a line takes (`1. … AS FOLLOWS: 1. ONE. 2. TWO.` before
    // a line `2. …`).
    let mut next_paragraph = 0;
    // A later section's envelope run into a paragraph cuts its line in pieces, read as lines; the
    // paragraphs found before it are counted on after it.
    let lines = section_pieces(text);
    let mut leading: Vec<u32> = lines.iter().filter_map(|(l, _)| leading_number(l.as_bytes())).collect();
    leading.sort_unstable();
    for (k, &(line, piece)) in lines.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let ends_text = at + line.len() >= last;
        at += line.len() + 1;
        let long = line.len() > LONG_LINE;
        // A page's words run together before the telegram on its line (a page copied whole, then
        // its breaks lost): a line of their own, the telegram read from its first line on.
        let mut run = line.len() >= SHORTEST_RUN && is_run_together(line);
        let line = match (!run).then(|| telegram_inside(line)).flatten() {
            Some(cut) => {
                out.push_str(line[..cut].trim_end());
                out.push('\n');
                run = true;
                &line[cut..]
            }
            None => line,
        };
        if run {
            let (read, next) = rebreak(line, &mut out, Along { body: false, ends_text, station });
            station = read;
            if piece {
                next_paragraph = next;
            }
        } else if long && first && body_run_together(line, text.len()) {
            let (read, next) = rebreak(line, &mut out, Along { body: true, ends_text, station });
            station = read;
            if piece {
                next_paragraph = next;
            }
        } else if let Some(breaks) = heading_run_on(line) {
            let mut from = 0;
            for until in breaks {
                out.push_str(line[from..until].trim_end());
                out.push('\n');
                from = until;
            }
            let along = Along { body: false, ends_text, station };
            split_run_on(&line[from..], (&mut next_paragraph, &leading), &along, &mut out);
        } else {
            // A web page's date line run on into its caption (`Tuesday, 02 September 2008, 23:30
            // C O N F I D E N T I A L STATE 093970`): a line of its own.
            let line = match dateline_end(line).filter(|&end| end < line.trim_end().len()) {
                Some(end) => {
                    out.push_str(&line[..end]);
                    out.push('\n');
                    line[end..].trim_start()
                }
                None => line,
            };
            let start = line.len() - line.trim_start().len();
            if station.is_none()
                && header_field_at(line.as_bytes(), start, false).is_some_and(|(f, _)| f == HeaderField::Caption)
            {
                station = caption_station(&line[start..]).map(|(post, _)| post);
            }
            let along = Along { body: false, ends_text, station };
            split_run_on(line, (&mut next_paragraph, &leading), &along, &mut out);
        }
        first = first && line.trim().is_empty();
    }
    out
}

/// The text's lines, a line that holds a later section's envelope run into a paragraph cut in
/// pieces at it (each with `true`): an archive's telegram of 1970s sections, its breaks lost or
/// wrapped again (`…(1) TO APPROVE ADDITIONAL ------------------000825 240551Z /10 FM AMEMBASSY
/// PARIS TO SECSTATE WASHDC 2659 UNCLAS SECTION 02 OF 02 PARIS 41898 5. AGENDA…`). The pieces
/// are its teletype separator, `FM`, `TO`, `INFO` and the caption, each then read as a line;
/// each cut replaces one space.
fn section_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut first = true;
    for line in text.split('\n') {
        // The first line may be a document of the Foreign Relations series run together.
        let frus = first.then(|| frus_cuts(line)).flatten();
        first &= line.trim().is_empty();
        let Some(cuts) = frus.or_else(|| section_envelope_cuts(line)) else {
            out.push((line, false));
            continue;
        };
        let mut from = 0;
        for cut in cuts {
            out.push((&line[from..cut - 1], true));
            from = cut;
        }
        out.push((&line[from..], true));
    }
    out
}

/// Where a document of the *Foreign Relations of the United States* run together is cut (each
/// after a space): after its title, at its place and date, and after them (`123. Telegram From
/// the Embassy in Greece to the Department of State1 Athens, May 17, 1974, 1600Z. 2959.
/// Subject: …`). The place is the words after the title's footnote mark, else the one word before
/// the date.
fn frus_cuts(line: &str) -> Option<Vec<usize>> {
    let start = line.len() - line.trim_start().len();
    let head = &line[start..crate::lines::floor_char_boundary(line, start + 400)];
    if !(head.contains("Telegram From ") || head.contains("Message From ")) {
        return None;
    }
    let b = line.as_bytes();
    // `, May 17, 1974`: a month's name and a day, then a year.
    let comma = (start..start + head.len()).find(|&k| {
        b[k..].starts_with(b", ") && {
            let mut words = line[k + 2..].splitn(4, ' ');
            let (month, day, year) = (words.next(), words.next(), words.next());
            month.is_some_and(|m| m.len() >= 3 && crate::fields::dtg::month_number(m).is_some())
                && day.is_some_and(|d| {
                    d.ends_with(',') && d.len() <= 3 && d[..d.len() - 1].bytes().all(|c| c.is_ascii_digit())
                })
                && year.is_some_and(|y| y.len() >= 4 && y[..4].bytes().all(|c| c.is_ascii_digit()))
        }
    })?;
    // The place: after the word that ends in the title's footnote mark, else the word before.
    let before = &line[start..comma];
    let marked = before.rfind(crate::fields::frus::is_note_mark).filter(|&k| {
        let word_start = before[..k].rfind(' ').map_or(0, |w| w + 1);
        before[word_start..k].chars().any(char::is_alphabetic)
    });
    let place = match marked {
        Some(k) => {
            let after = start + k + before[k..].chars().next().map_or(1, char::len_utf8);
            after + b[after..].iter().take_while(|&&c| c == b' ').count()
        }
        None => start + before.rfind(' ')? + 1,
    };
    // The date's end: the first full stop ending a word from its year on (`1974.`, `1600Z.`,
    // `4:30 p.m.`), within a few words.
    let mut end = comma + 2;
    for _ in 0..2 {
        end += line[end..].find(' ')? + 1;
    }
    for _ in 0..4 {
        let word_end = end + line[end..].find(' ')?;
        end = word_end + 1;
        if line[..word_end].ends_with('.') {
            break;
        }
    }
    let date = line[place..end].trim_end();
    crate::fields::frus::place_and_date(date)?;
    // The title, or a page's words before it (its site's name and trail of links, a page copied
    // whole and run together): the title then begins at its number (`123. Telegram From …`).
    let title = if crate::fields::frus::title(line[start..place].trim()).is_some() {
        start
    } else {
        let from =
            ["Telegram From ", "Message From "].iter().filter_map(|w| line[start..place].rfind(w)).max()? + start;
        let before = line[start..from].trim_end();
        let number = before.rsplit(' ').next().unwrap_or("");
        let numbered =
            number.len() > 1 && number.ends_with('.') && number[..number.len() - 1].bytes().all(|c| c.is_ascii_digit());
        let at = if numbered { start + before.len() - number.len() } else { from };
        crate::fields::frus::title(line[at..place].trim())?;
        (at > start && b[at - 1] == b' ').then_some(at)?
    };
    (b.get(place - 1) == Some(&b' ')).then_some(())?;
    let mut cuts = if title > start { vec![title, place] } else { vec![place] };
    let end = end + b.get(end..).map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count());
    if end < line.len() && b[end - 1] == b' ' {
        cuts.push(end);
        // The first paragraph after the number's fields (`…Ref: Athens 2870. 1. Greek…`).
        // A footnote's mark may stand after its full stop (`2870.2 1. Greek`, `2870.² 1.`).
        let reach = &line[end..crate::lines::floor_char_boundary(line, end + 1000)];
        let one = reach.match_indices(" 1. ").map(|(k, _)| k).find(|&k| {
            let before = reach[..k].trim_end();
            let unmarked = before.trim_end_matches(crate::fields::frus::is_note_mark);
            unmarked.ends_with('.') && before.len() - unmarked.len() <= 6
        });
        if let Some(k) = one {
            cuts.push(end + k + 1);
        }
    }
    Some(cuts)
}

/// Where a line holding a later section's envelope is cut (each after a space): at the
/// teletype separator (`------------------000825 240551Z /10`), `FM`, `TO`, `INFO`, the
/// caption with its section (`UNCLAS SECTION 02 OF 02 PARIS 41898`) and after its serial.
/// `None` unless all but `INFO` stand there in turn, close together.
fn section_envelope_cuts(line: &str) -> Option<Vec<usize>> {
    let b = line.as_bytes();
    let dashes = memchr::memmem::find(b, b"----------")?;
    if dashes == 0 || b[dashes - 1] != b' ' {
        return None;
    }
    // The separator: dashes, a number of six digits, a time of day (`240551Z`), `/10`.
    let mut k = dashes + b[dashes..].iter().take_while(|&&c| c == b'-').count();
    let digits = |at: usize, n: usize| b.get(at..at + n).is_some_and(|w| w.iter().all(u8::is_ascii_digit));
    if !(digits(k, 6) && b.get(k + 6) == Some(&b' ') && digits(k + 7, 6) && b.get(k + 13) == Some(&b'Z')) {
        return None;
    }
    k += 14;
    if b.get(k..k + 2) == Some(b" /") {
        k += 2 + b[k + 2..].iter().take_while(|c| c.is_ascii_digit()).count();
    }
    let after = |from: usize, word: &[u8], reach: usize| {
        memchr::memmem::find(&b[from..b.len().min(from + reach)], word).map(|p| from + p + 1)
    };
    // `FM` after a space or two (a copy that joined its lines with two).
    let fm = k + b[k..].iter().take(3).take_while(|&&c| c == b' ').count();
    if fm == k || b.get(fm..fm + 3) != Some(b"FM ") {
        return None;
    }
    let to = after(fm, b" TO ", 80)?;
    let section = after(to, b" SECTION ", 600)?;
    // The caption's classification before its section (`UNCLAS`, `C O N F I D E N T I A L`).
    let caption = classification_before(&line[..section - 1])?;
    let info = after(to, b" INFO ", caption.saturating_sub(to));
    // `02 OF 02 PARIS 41898`: past the post to the serial's end.
    let of = after(section, b" OF ", 20)?;
    let serial = (of + 3..b.len().min(of + 60)).find(|&p| b[p - 1] == b' ' && p > of + 5 && digits(p, 3))?;
    let end = serial + b[serial..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut cuts = vec![dashes, fm, to];
    cuts.extend(info);
    cuts.push(caption);
    if b.get(end) == Some(&b' ') && end + 1 < b.len() {
        cuts.push(end + 1);
    }
    Some(cuts)
}

/// Where the classification that ends `text` begins, after a space (`… WASHDC 2659 UNCLAS`,
/// `… C O N F I D E N T I A L`).
fn classification_before(text: &str) -> Option<usize> {
    const WORDS: [&str; 10] = [
        "UNCLAS",
        "UNCLASSIFIED",
        "LIMITED OFFICIAL USE",
        "CONFIDENTIAL",
        "SECRET",
        "U N C L A S",
        "L I M I T E D O F F I C I A L U S E",
        "C O N F I D E N T I A L",
        "S E C R E T",
        "T O P S E C R E T",
    ];
    let text = text.trim_end();
    WORDS
        .iter()
        .filter(|w| text.ends_with(*w) && text[..text.len() - w.len()].ends_with(' '))
        .map(|w| text.len() - w.len())
        .min()
}

/// Where each distinctive caption field's keyword may start, for the probe (the envelope is
/// found by the line's first word: `VZCZC…`, a spaced classification).
const PROBES: [&str; 7] = ["E.O", "E. O", "EO 1", "TAGS", "SUBJ", "SIPDIS", "CLASSIFIED BY"];

/// Two or more distinct header fields in the first part of a line. Keywords are found by
/// `find_ci` (32 places at a time) and checked where they stand: a long paragraph line of a web
/// copy is searched at memory speed, not walked byte by byte.
fn is_run_together(line: &str) -> bool {
    fields_run_together(line, 2)
}

/// [`is_run_together`] with `needed` distinct header fields (or an envelope run together).
fn fields_run_together(line: &str, needed: usize) -> bool {
    // A long envelope (thirty addressees) can put the caption 2,000 bytes in.
    run_together_within(line, needed, 6000)
}

/// [`fields_run_together`] in the first `within` bytes of the line.
fn run_together_within(line: &str, needed: usize, within: usize) -> bool {
    let head_len = crate::lines::floor_char_boundary(line, within);
    let head = &line[..head_len];
    let b = head.as_bytes();
    let mut seen = [false; 8];
    let mut kinds = 0;
    let mut note = |at: usize, seen: &mut [bool; 8]| {
        if let Some((kind, _)) = header_field_at(b, at, true) {
            let slot = kind as usize;
            if !seen[slot] {
                seen[slot] = true;
                kinds += 1;
            }
        }
        kinds >= needed
    };
    // An envelope run together on its own (a partial extract, kept only to its addressees): it
    // opens with `VZCZC`, and a second line of the envelope follows on the same line.
    if envelope_run_together(b) {
        return true;
    }
    // A caption block run together names its TAGS or SUBJECT: a paragraph of a web copy,
    // which names neither, is rejected after two searches.
    if crate::lines::find_ci(head, "TAGS").is_none() && crate::lines::find_ci(head, "SUBJ").is_none() {
        return false;
    }
    // A spaced classification opens the caption (`C O N F I D E N T I A L`).
    let first = head.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    if note(first, &mut seen) {
        return true;
    }
    for probe in PROBES {
        let mut from = 0;
        while let Some(at) = crate::lines::find_ci(&head[from..], probe).map(|k| k + from) {
            if note(at, &mut seen) {
                return true;
            }
            from = crate::lines::ceil_char_boundary(head, at + 1);
        }
    }
    false
}

/// A paragraph's number where a line begins (`¶2. (C)`, `12. THE`, `3.(C)`).
fn leading_number(b: &[u8]) -> Option<u32> {
    let start = b.iter().take_while(|&&c| c == b' ').count();
    let number = start + if b[start..].starts_with("¶".as_bytes()) { 2 } else { 0 };
    let digits = b[number..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    let ok = (1..=3).contains(&digits)
        && b.get(number + digits) == Some(&b'.')
        && b.get(number + digits + 1).is_none_or(|&c| c == b' ' || c == b'(');
    ok.then(|| std::str::from_utf8(&b[number..number + digits]).ok()?.parse().ok()).flatten()
}

/// A line of a copy that kept its paragraphs apart but ran the lines of each together, where
/// more than one thing the telegram wrote on lines of their own ran on: two paragraphs where
/// no blank line stood between them (`…share his philosophy. ¶13. (U) In addition…`), a page
/// header (`…End comment. BEIRUT 00000523 004 OF 004 SISON`), the signature after the last
/// words (`…index.c fm STAPLETON`). Each paragraph from the one expected `next` on is given a
/// line of its own after a blank line (the first only with a pilcrow or a portion mark: the
/// caption's numbers are no paragraphs; and not one whose number begins a line, `leading`, of
/// its own), a page header of the caption's post a line of its
/// own, and the signature a line of its own when the line `ends_text`.
fn split_run_on(line: &str, (next, leading): (&mut u32, &[u32]), along: &Along<'_>, out: &mut String) {
    let b = line.as_bytes();
    if let Some(n) = leading_number(b) {
        *next = n + 1;
    }
    let mut breaks: Vec<(usize, Break)> = Vec::new();
    let mut i = 1;
    while *next != 1 {
        // A digit, or the pilcrow's first byte.
        let Some(k) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c.is_ascii_digit() || c == 0xC2)) else {
            break;
        };
        let k = k + i;
        // The first paragraph after the caption's last field (`…for Reasons 1.4 (b) and (d)
        // ¶1. (S) SUMMARY:`) only with a pilcrow or a portion mark: no date or reason reads so.
        let first = *next == 0;
        let marked = |n: u32| {
            let digits = if n >= 10 { 2 } else { 1 };
            b[k..].starts_with("¶".as_bytes()) || b[k + digits..].starts_with(b". (")
        };
        if let Some(n) =
            paragraph_at(b, k, (*next).max(1)).filter(|&n| leading.binary_search(&n).is_err() && (!first || marked(n)))
        {
            breaks.push((k, Break::Blank));
            *next = n + 1;
        }
        i = k + 1;
    }
    if let Some(station) = along.station.map(|s| s.rsplit(' ').next().unwrap_or(s)) {
        let mut from = 0;
        while let Some(k) = memchr::memmem::find(&b[from..], station.as_bytes()).map(|k| k + from) {
            from = k + station.len();
            let end = [PAGE_HEADER, PAGE_HEADER_PLAIN].iter().find_map(|shape| shaped(&b[from..], shape));
            if let Some(end) = end.filter(|_| k > 0 && starts_word(b, k, false)) {
                breaks.push((k, Break::Line));
                breaks.push((from + end, Break::Line));
            }
        }
    }
    if along.ends_text {
        // The envelope's end run on after the signature: each mark a line of its own, and the
        // signature looked for before them; so is a closing note after it.
        let note = closing_note_at(line);
        breaks.extend(note.map(|at| (at, Break::Blank)));
        let (end, marks) = closing_marks(&line[..note.unwrap_or(line.len())]);
        breaks.extend(marks.into_iter().map(|at| (at, Break::Line)));
        let (footer, signature) = closing_words(line, end);
        breaks.extend(footer);
        breaks.extend(signature.map(|at| (at, Break::Blank)));
    }
    breaks.sort_by_key(|(at, how)| (*at, *how == Break::Line));
    breaks.dedup_by_key(|(at, _)| *at);
    let mut from = 0;
    for (at, how) in breaks {
        out.push_str(line[from..at].trim_end());
        out.push_str(if how == Break::Blank { "\n\n" } else { "\n" });
        from = at;
        while from < b.len() && is_space(b, from) {
            from += 1;
        }
    }
    out.push_str(&line[from..]);
}

/// The envelope's closing marks run on after a text's last words (`…December 20. CLINTON BT
/// NNNN`), and the classification at the page's foot: where the words before them end, and
/// where each mark begins.
fn closing_marks(line: &str) -> (usize, Vec<usize>) {
    let mut end = line.trim_end().len();
    let mut marks = Vec::new();
    // The classification repeated at the page's foot after the signature is one too (`…TASCA
    // CONFIDENTIAL NNN`), and an export's mark of a cable's end (`…HECK ====CABLE ENDS====`).
    let marks_words = [
        "BT",
        "NNNN",
        "NNN",
        "<< END OF DOCUMENT >>",
        "====CABLE ENDS====",
        "End Cable Text",
        "END CABLE TEXT",
        "CONFIDENTIAL",
        "SECRET",
        "UNCLASSIFIED",
        "UNCLAS",
    ];
    // The message's number the envelope repeats under `BT` (`…CLINTON BT #2531 NNNN`) too.
    let serial = |text: &str| {
        let word = text.rsplit(' ').next().unwrap_or_default();
        (word.len() < text.len() && crate::body::is_closing_serial(word)).then_some(word.len())
    };
    while let Some(len) = marks_words
        .iter()
        .find(|m| line[..end].ends_with(*m) && line[..end - m.len()].ends_with(' '))
        .map(|m| m.len())
        .or_else(|| serial(&line[..end]))
    {
        marks.push(end - len);
        end = line[..end - len].trim_end().len();
    }
    (end, marks)
}

/// A heading and its rule run on into the paragraph under them, in a copy that kept its
/// paragraphs apart but ran the lines of each together (`Where We Are Now ---------- ¶2. (SBU)
/// Images of…`, `------ RECENT POSITIVE GESTURES ------ 9. (C) Since…`, a heading of two
/// lines each with its rule): where each line of the heading and its rules begins, then the
/// paragraph, each to stand on a line of its own as the telegram wrote them. A heading line is
/// one to eight words, the first line's first capitalised (after a quote, if any).
fn heading_run_on(line: &str) -> Option<Vec<usize>> {
    let b = line.as_bytes();
    let rule_len = |at: usize| b[at..].iter().take_while(|&&c| c == b'-' || c == b' ').count();
    let mut at = b.iter().take_while(|&&c| c == b' ').count();
    let mut breaks = Vec::new();
    // A rule above the heading, or none.
    if b[at..].starts_with(b"---") {
        at += rule_len(at);
        breaks.push(at);
    }
    for part in 0..2 {
        let rule = at + memchr::memmem::find(&b[at..b.len().min(at + 120)], b"---")?;
        let words = line[at..rule].split_ascii_whitespace().count();
        // A heading's second line goes on from its first (`and Local Governments`, `) Rose…`).
        let first = line[at..].trim_start_matches(['"', '\'']);
        if !(1..=8).contains(&words) || part == 0 && !first.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        breaks.push(rule);
        at = rule + rule_len(rule);
        breaks.push(at);
        let number = at + if b[at..].starts_with("¶".as_bytes()) { 2 } else { 0 };
        let digits = b[number..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
        if (1..=3).contains(&digits)
            && b.get(number + digits) == Some(&b'.')
            && b.get(number + digits + 1).is_some_and(|&c| c == b' ' || c == b'(')
        {
            return Some(breaks);
        }
    }
    None
}

/// A line that opens with the envelope's `VZCZC` and goes on to another line of the envelope
/// (`DE RUEHBUL #3934/01`, `ZNR UUUUU`, `FM AMEMBASSY KABUL`): with its breaks, `VZCZC…` stands
/// alone on its line.
fn envelope_run_together(b: &[u8]) -> bool {
    // Anywhere in the line, the date-time group run on into the originator (`…/092 W P R 171600 Z
    // MAY 74 FM AMEMBASSY ATHENS TO…`): a telegram with its breaks puts `FM` on a line of its own.
    if dated_originator(b) {
        return true;
    }
    let start = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    // Or with the envelope's next line, when `VZCZC…` kept a line of its own (`DE RUEHAK
    // #4688/01 2231453 ZNY CCCCC ZZH P 111453Z AUG 06 FM AMEMBASSY ANKARA…`).
    if !word_at(b, start, "VZCZC")
        && !header_field_at(b, start, false).is_some_and(|(kind, _)| kind == HeaderField::Envelope)
    {
        return false;
    }
    // The envelope's lines follow within a few hundred bytes (routing indicators, a DTG).
    let end = b.len().min(start + 400);
    (start + 5..end).any(|i| {
        starts_word(b, i, false)
            && header_field_at(b, i, false).is_some_and(|(kind, _)| kind == HeaderField::Envelope)
            && !word_at(b, i, "VZCZC")
    })
}

/// A date-time group then `FM` and a post in capitals on one line, in its first 2,000 bytes
/// (`171600 Z MAY 74 FM AMEMBASSY ATHENS`, `281848Z DEC 66 FM AMEMBASSY SAIGON`).
fn dated_originator(b: &[u8]) -> bool {
    let head = &b[..b.len().min(2000)];
    // The group's `Z` first: most lines have none, and are done with at memory speed.
    memchr::memchr(b'Z', head).is_some()
        && memchr::memmem::find_iter(head, b" FM ").any(|k| capitals_word_at(b, k + 4) && dtg_ends_at(b, k))
}

/// Whether a date-time group ends at `end` (`171600 Z MAY 74`, `281848Z DEC 1966`): its year, its
/// month in three letters, `Z` (after a space or none) and six digits, read backwards.
fn dtg_ends_at(b: &[u8], end: usize) -> bool {
    let digits_before = |at: usize| b[..at].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let year = digits_before(end);
    if year != 2 && year != 4 {
        return false;
    }
    let Some(month_end) = (end - year).checked_sub(1).filter(|&k| b[k] == b' ') else { return false };
    let Some(month) = month_end.checked_sub(3).filter(|&k| b[k..month_end].iter().all(u8::is_ascii_alphabetic)) else {
        return false;
    };
    let Some(z) = month.checked_sub(2).filter(|&k| b[k] == b'Z' && b[k + 1] == b' ') else { return false };
    let digits_end = if z > 0 && b[z - 1] == b' ' { z - 1 } else { z };
    digits_before(digits_end) == 6
}

/// The kinds of header field the probe and the re-breaking recognise (not the model's `Field`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderField {
    Envelope = 0,
    Caption = 1,
    Eo = 2,
    Tags = 3,
    Subject = 4,
    Ref = 5,
    ClassifiedBy = 6,
    Handling = 7,
}

/// How a break is made: a line break, or a blank line (before a paragraph or a signature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    Line,
    Blank,
}

fn lower(b: &[u8], i: usize) -> u8 {
    b.get(i).map_or(0, u8::to_ascii_lowercase)
}

fn word_at(b: &[u8], i: usize, word: &str) -> bool {
    b.len() >= i + word.len() && b[i..i + word.len()].eq_ignore_ascii_case(word.as_bytes())
}

/// A keyword without its colon counts only in capitals and before a capital (`TAGS PREL`,
/// not `the tags on the crates`).
fn upper_keyword_at(b: &[u8], i: usize, word: &str) -> bool {
    b[i..].starts_with(word.as_bytes()) && b.get(i + word.len()).is_some_and(u8::is_ascii_uppercase)
}

fn is_space(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | 0x0c))
}

/// Whether position `i` starts a word: at the start, after white space, or glued to
/// what ends a field (a digit, a closing bracket or quote) when `glued` allows.
fn starts_word(b: &[u8], i: usize, glued: bool) -> bool {
    i == 0 || is_space(b, i - 1) || (glued && (b[i - 1].is_ascii_digit() || matches!(b[i - 1], b')' | b'"' | b'.')))
}

/// A routing indicator followed by `/`: `RUEHC/`, `RUEHNE/`.
fn routed_addressee_at(b: &[u8], i: usize) -> bool {
    if lower(b, i) != b'r' {
        return false;
    }
    let letters = b[i..].iter().take(8).take_while(|c| c.is_ascii_uppercase()).count();
    (4..=7).contains(&letters) && b.get(i + letters) == Some(&b'/')
}

/// A date-time group `111453Z AUG 06` (or `221828 Z MAY 73`) at `i`.
fn dtg_at(b: &[u8], i: usize) -> bool {
    let digits = b[i..].iter().take(7).take_while(|c| c.is_ascii_digit()).count();
    if digits != 6 {
        return false;
    }
    let mut k = i + 6;
    if b.get(k) == Some(&b' ') && b.get(k + 1) == Some(&b'Z') {
        k += 1;
    }
    b.get(k) == Some(&b'Z')
        && b.get(k + 1) == Some(&b' ')
        && b.get(k + 2..k + 5).is_some_and(|m| m.iter().all(u8::is_ascii_alphabetic))
}

/// A classification spelled out letter by letter (`C O N F I D E N T I A L`, `S E C R E T`,
/// `C o n f i d e n t i a l`), as captions write it.
fn spaced_classification_at(b: &[u8], i: usize) -> bool {
    let mut letters = Vec::with_capacity(12);
    let mut k = i;
    while k < b.len() && b[k].is_ascii_alphabetic() && !b.get(k + 1).is_some_and(u8::is_ascii_alphabetic) {
        letters.push(b[k].to_ascii_uppercase());
        k += 1;
        if b.get(k) == Some(&b' ') {
            k += 1;
        } else {
            break;
        }
    }
    // A stutter (`SS E C R E T`) keeps its doubled first letter glued.
    let word: &[u8] = &letters;
    let known: [&[u8]; 5] = [b"CONFIDENTIAL", b"SECRET", b"UNCLASSIFIED", b"TOPSECRET", b"LIMITEDOFFICIALUSE"];
    letters.len() >= 5 && known.iter().any(|w| word.ends_with(w) || word.starts_with(w)) && !after_top(b, i)
}

/// The header field that starts at `i`, if any, with how its break is made.
/// `probe` is the cheap test of [`is_run_together`]: only the distinctive fields count.
fn header_field_at(b: &[u8], i: usize, probe: bool) -> Option<(HeaderField, Break)> {
    let c = lower(b, i);
    if !c.is_ascii_alphabetic() {
        return None;
    }
    let glued = starts_word(b, i, true);
    let free = starts_word(b, i, false);
    if !probe && free && plain_caption_at(b, i) {
        return Some((HeaderField::Caption, Break::Line));
    }
    if !probe && free && precedence_routing_at(b, i) {
        return Some((HeaderField::Envelope, Break::Line));
    }
    // A State Department print-out's labels (`To: SECSTATE WASHDC - IMMEDIATE Action: Unknown
    // From: AMEMBASSY ABU DHABI … Captions: None`), in any case, with their colon.
    // `DERIVED FROM:` is a classification's source, not a sender.
    let derived = i >= 8 && b[i - 8..i].eq_ignore_ascii_case(b"DERIVED ");
    if !probe && free && !derived && PRINTOUT_LABELS.iter().any(|label| word_at(b, i, label)) {
        let kind = if word_at(b, i, "CAPTIONS:") { HeaderField::Handling } else { HeaderField::Envelope };
        return Some((kind, Break::Line));
    }
    match c {
        b'e' => {
            // `E.O. 12958:`, `E. O. 12958`, `EO 12958`, `E.o. 12958`.
            let mut k = i + 1;
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            if b.get(k) == Some(&b' ') {
                k += 1;
            }
            if lower(b, k) != b'o' {
                return None;
            }
            k += 1;
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            while is_space(b, k) {
                k += 1;
            }
            let digits = b[k.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
            (digits == 5 && !eo_cited_at(b, k + digits)).then_some((HeaderField::Eo, Break::Line))
        }
        b't' if glued && (word_at(b, i, "TAGS:") || free && upper_keyword_at(b, i, "TAGS ")) => {
            Some((HeaderField::Tags, Break::Line))
        }
        b's' => {
            if (glued || free)
                && (word_at(b, i, "SUBJECT:") || word_at(b, i, "SUBJ:") || free && upper_keyword_at(b, i, "SUBJECT "))
            {
                return Some((HeaderField::Subject, Break::Line));
            }
            if word_at(b, i, "SIPDIS") && !b.get(i + 6).is_some_and(u8::is_ascii_lowercase) {
                return Some((HeaderField::Handling, Break::Line));
            }
            if free && spaced_classification_at(b, i) {
                return Some((HeaderField::Caption, Break::Line));
            }
            None
        }
        b'r' if glued || free => {
            for word in ["REF:", "REFS:", "REF(S):", "REFTEL:", "REFTELS:", "REFERENCE:", "REFERENCES:"] {
                if word_at(b, i, word) {
                    return Some((HeaderField::Ref, Break::Line));
                }
            }
            // The keyword before each item's label (`REF A: BAGHDAD 100 REF B: STATE 12345`).
            let labelled = (b[i..].starts_with(b"REF ") || b[i..].starts_with(b"Ref "))
                && b.get(i + 4).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 5).is_some_and(|c| matches!(c, b':' | b'.' | b')'))
                && is_space(b, i + 6);
            labelled.then_some((HeaderField::Ref, Break::Line))
        }
        b'c' if glued || free => {
            if word_at(b, i, "CLASSIFIED BY") {
                return Some((HeaderField::ClassifiedBy, Break::Line));
            }
            (free && spaced_classification_at(b, i)).then_some((HeaderField::Caption, Break::Line))
        }
        b'u' | b't' | b'l' if free && spaced_classification_at(b, i) => Some((HeaderField::Caption, Break::Line)),
        b'v' if word_at(b, i, "VZCZC") => Some((HeaderField::Envelope, Break::Line)),
        b'z' if free && (word_at(b, i, "ZNY ") || word_at(b, i, "ZNR ")) => Some((HeaderField::Envelope, Break::Line)),
        // The originator after `FM` is in capitals (`FM AMEMBASSY ANKARA`), unlike a foreign
        // minister in prose (`FM Moratinos`).
        b'f' if (free || glued) && word_at(b, i, "FM ") && capitals_word_at(b, i + 3) => {
            Some((HeaderField::Envelope, Break::Line))
        }
        b'd' if !probe && free && word_at(b, i, "DE R") => {
            let letters = b[i + 3..].iter().take_while(|c| c.is_ascii_uppercase()).count();
            (b.get(i + 3 + letters) == Some(&b' ') && b.get(i + 4 + letters) == Some(&b'#'))
                .then_some((HeaderField::Envelope, Break::Line))
        }
        b'b' if !probe && free && word_at(b, i, "BT") && (b.len() == i + 2 || is_space(b, i + 2)) => {
            Some((HeaderField::Envelope, Break::Line))
        }
        _ => None,
    }
}

/// The labels of a State Department print-out's header lines (`fields::printout`).
const PRINTOUT_LABELS: [&str; 5] = ["TO:", "ACTION:", "FROM:", "INFO:", "CAPTIONS:"];

/// The envelope's line of precedence and station (`PP RUEHWEB`, `RR RUEHC`): a doubled
/// precedence prosign, then a routing indicator standing as a word.
fn precedence_routing_at(b: &[u8], i: usize) -> bool {
    let prosign = |k: usize| b.get(k).is_some_and(|c| matches!(c, b'Z' | b'O' | b'P' | b'R'));
    if !(prosign(i) && prosign(i + 1) && b.get(i + 2) == Some(&b' ') && b.get(i + 3) == Some(&b'R')) {
        return false;
    }
    let letters = b[i + 3..].iter().take(8).take_while(|c| c.is_ascii_uppercase()).count();
    (4..=7).contains(&letters) && b.get(i + 3 + letters).is_none_or(|&c| c == b' ')
}

/// A word of two or more capitals at `i` (digits, `-`, `/` and `.` may be part of it).
fn capitals_word_at(b: &[u8], i: usize) -> bool {
    let (mut capitals, mut lower) = (0, false);
    for c in b[i.min(b.len())..].iter().take_while(|c| !c.is_ascii_whitespace()) {
        capitals += usize::from(c.is_ascii_uppercase());
        lower |= c.is_ascii_lowercase();
    }
    capitals >= 2 && !lower
}

/// A page header after its post: the serial in eight digits, the page, `OF`, the pages.
const PAGE_HEADER: &[u8] = b" 99999999 999.9 OF 999";

/// The same without the page's part number (`BEIRUT 00000523 004 OF 004`).
const PAGE_HEADER_PLAIN: &[u8] = b" 99999999 999 OF 999";

/// How many bytes of `b` match `shape`, where `9` stands for any digit and a space for one or
/// more (a joined line keeps the spaces its lines ended with); letters in any case (`001.6 of 005`).
fn shaped(b: &[u8], shape: &[u8]) -> Option<usize> {
    let mut k = 0;
    for &s in shape {
        let c = *b.get(k)?;
        if s == b' ' {
            if c != b' ' {
                return None;
            }
            k += b[k..].iter().take_while(|&&c| c == b' ').count();
        } else if s == b'9' && c.is_ascii_digit() || s.eq_ignore_ascii_case(&c) {
            k += 1;
        } else {
            return None;
        }
    }
    Some(k)
}

/// A caption's classification written out in plain words.
const PLAIN_CLASSIFICATIONS: [&str; 6] =
    ["UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"];

/// A caption in plain words where a caption's line began (`UNCLAS SECTION 01 OF 03 MADRID
/// 002164`, `CONFIDENTIAL ANKARA 004688`): a classification in capitals, then words in
/// capitals up to the post's six-digit serial. In prose, `SECRET` is never followed so.
fn plain_caption_at(b: &[u8], i: usize) -> bool {
    // The classification alone, or with its handling after a slash (`SECRET/NODIS`).
    let Some(word) = PLAIN_CLASSIFICATIONS
        .iter()
        .find(|w| b[i..].starts_with(w.as_bytes()) && matches!(b.get(i + w.len()), Some(b' ' | b'/')))
    else {
        return false;
    };
    if after_top(b, i) {
        return false;
    }
    let mut k = i + word.len();
    let mut sectioned = false;
    // Up to the serial: a spaced `E F T O`, `SECTION 01 OF 02` and a post of three words fit.
    for _ in 0..12 {
        while is_space(b, k) {
            k += 1;
        }
        let end = k + b[k.min(b.len())..].iter().take_while(|c| !c.is_ascii_whitespace()).count();
        let token = &b[k.min(b.len())..end];
        if token.is_empty() || token.iter().any(u8::is_ascii_lowercase) {
            return false;
        }
        if token.iter().all(u8::is_ascii_digit) {
            // Six digits; four or five after `SECTION 01 OF 01`, or fewer after a post the
            // caption reader knows (the 1970s wrote `LIMITED OFFICIAL USE ATHENS 2959`, `… 164`).
            let serial = if sectioned { 4..=6 } else { 6..=6 };
            let known_post = || {
                std::str::from_utf8(&b[i..end])
                    .ok()
                    .and_then(crate::fields::classification::parse_caption_line)
                    .is_some_and(|c| {
                        c.station.is_some_and(|s| crate::stations::canonical_station(s).known)
                            && c.serial.is_some_and(|s| s.len() == token.len())
                    })
            };
            if serial.contains(&token.len()) || (1..=5).contains(&token.len()) && known_post() {
                return true;
            }
        }
        sectioned |= token == b"SECTION";
        k = end;
    }
    false
}

/// Whether `TOP` stands before `i` (`TOP SECRET`, `T O P S E C R E T`): the caption begins there.
fn after_top(b: &[u8], i: usize) -> bool {
    let before = &b[..i];
    before.ends_with(b"TOP ") || before.ends_with(b"T O P ")
}

/// The number of the paragraph that starts at `i` when `n` is the one expected next: `2. `,
/// `2.(C)`, preceded by white space that follows the end of a sentence or field, or by two
/// spaces; or `¶2.` after any white space (the 2010 pages' pilcrow, which nothing else writes
/// before a number). A pilcrow's number may skip ahead, as the 2010 pages do where paragraphs
/// were withheld (`¶1.` then `¶3.`, or a text that begins at `¶2.`).
fn paragraph_at(b: &[u8], i: usize, n: u32) -> Option<u32> {
    if i == 0 || !is_space(b, i - 1) {
        return None;
    }
    let pilcrow = b[i..].starts_with("¶".as_bytes());
    let number = if pilcrow { i + 2 } else { i };
    let digits = b[number..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let value: u32 = std::str::from_utf8(&b[number..number + digits]).ok()?.parse().ok()?;
    // `12. (C)` for `¶2. (C)`: a pilcrow that a copy turned into a `1` (the line reader repairs
    // the numbers after).
    let lost_pilcrow = !pilcrow && (1..=9).contains(&n) && value == 10 + n && b[number + digits..].starts_with(b". (");
    // Skipped to only when the paragraph expected is nowhere after: a page's pilcrow also
    // stands before a date that began a line (`…met with the Prime Minister November ¶16.`).
    let skipped_ahead = pilcrow && value > n && value <= n + MAX_WITHHELD && !pilcrow_paragraph_after(b, i + 2, n);
    // Without a pilcrow, one number a copy lost or mangled (`…ENTIRE TEXT 2. SUMMARY`, no full
    // stop before it; `WM I ALSO HAVE`) is stepped over when it is nowhere after: `3.` stands
    // for itself after `1.`. Not `2.` after a first paragraph never found.
    let stepped_over = !pilcrow && n >= 2 && value == n + 1 && !number_after(b, i, n);
    // The word before the number (after the white space before it), which may cite a paragraph
    // (`…as in para 2. (C) …`, `SEE PARA 2 (C)`) or name a month (`…ON JANUARY 8. AFTER…`).
    let mut k = i;
    while k > 0 && is_space(b, k - 1) {
        k -= 1;
    }
    let word = b[..k].rsplit(|&c| c == b' ').next().unwrap_or_default();
    let cites = || {
        ["PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "REF", "REFTEL", "SECTION", "SEE"]
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
    };
    let month =
        || word.len() >= 3 && std::str::from_utf8(word).ok().and_then(crate::fields::dtg::month_number).is_some();
    // `…A 'Deliberative' Body 2 (C) The Majles…` (09RPODUBAI389): the number expected with its
    // portion mark in capitals and no full stop, after a word that cites no paragraph (nor an
    // article or a number: `ARTICLE 2 (C)`, `NO 2 (S)`) and is no month (`JUNE 2 (S)`).
    let mark = number + digits + 1;
    if !pilcrow
        && value == n
        && n >= 2
        && b.get(number + digits) == Some(&b' ')
        && b.get(mark + 1).is_some_and(u8::is_ascii_uppercase)
        && portion_mark_at(b, mark)
    {
        let numbering = ["ARTICLE", "NO"].iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word));
        return (!cites() && !numbering && !month()).then_some(value);
    }
    // `2) (C)`: the number closed by a parenthesis, its portion mark after it, as some posts
    // number their paragraphs (the line reader takes `1) (C)` so).
    if !pilcrow
        && value == n
        && b.get(number + digits) == Some(&b')')
        && b.get(number + digits + 1) == Some(&b' ')
        && portion_mark_at(b, number + digits + 2)
    {
        return (!cites() && !month()).then_some(value);
    }
    if value != n && !lost_pilcrow && !skipped_ahead && !stepped_over || b.get(number + digits) != Some(&b'.') {
        return None;
    }
    // After the number's full stop: a space, a portion mark, or a word in capitals glued to it
    // (`…OFFICES. 3.I AM SOMEWHAT`, as the line reader takes `1.CHARTER`).
    let after = b.get(number + digits + 1);
    let glued_word = after.is_some_and(u8::is_ascii_uppercase)
        && b.get(number + digits + 2).is_none_or(|&c| c == b' ' || c.is_ascii_uppercase());
    if !after.is_none_or(|&c| c == b' ' || c == b'(') && !glued_word {
        return None;
    }
    let value = if lost_pilcrow { n } else { value };
    if pilcrow {
        return Some(value);
    }
    // What stands before the number: two spaces, or the end of a sentence.
    let spaces = i - k;
    let before = k.checked_sub(1).map(|k| b[k]);
    // A heading's rule may stand before it too (`EVOLVING VIEWS ------ 2. (C)`), and the words
    // that close a summary, a quoted text or a note, which take no full stop (`…END SUMMARY 3.
    // AUGUST`, `END OF TEXT 2. ICELANDIC`).
    // The archive's `*` where the teletype garbled a sentence's end (`…FROM ANAMBRA * 2. THE`),
    // and a closing quote mark (`…on it.” 2. (S/NF)`).
    let sentence_end = before
        .is_some_and(|c| matches!(c, b'.' | b'!' | b'?' | b'"' | b')' | b':' | b']' | b'\'' | b'-' | b'*'))
        || b[..k].ends_with("”".as_bytes())
        || before.is_some_and(|c| c.is_ascii_alphabetic()) && closes_a_block(&b[..k]);
    // The number expected with its portion mark after it, after any word: a heading stands
    // before it (`…End Summary. Reaching out to the Regions 2. (SBU) The Ambassador…`, `//DEFENSE
    // MINISTER ON CHINA ARMS EMBARGO// 2. (C)`), but never a word that cites a paragraph.
    let marked = || {
        let mark = number + digits + 1 + usize::from(after == Some(&b' '));
        value == n && !lost_pilcrow && portion_mark_at(b, mark) && !cites()
    };
    // Or as one of a run of numbered items close together, as a form's fields are (`…/ T-89 2.
    // JULY 22, 1977 3. MICHAEL DAVIS 4. 502 SYRIA`): three in turn, each near the last. Not a
    // date's day, nor a paragraph cited.
    let listed = || value == n && n >= 2 && !month() && !cites() && numbered_run(b, i, number + digits, n);
    (spaces >= 2 || sentence_end || k == 0 || marked() || listed()).then_some(value)
}

/// Whether the number `n` written from `at` to `end` is one of three in turn (`n - 2`, `n - 1`,
/// `n`; `n - 1`, `n`, `n + 1`; or `n`, `n + 1`, `n + 2`), each written `k. ` after a space
/// within a line's length of the one before: a form's short fields, not paragraphs.
fn numbered_run(b: &[u8], at: usize, end: usize, n: u32) -> bool {
    const NEAR: usize = 150;
    // Where `k. ` stands after a space near before `before`, or near after `after`.
    let back = |before: usize, k: u32| {
        let written = format!(" {k}. ");
        let from = before.saturating_sub(NEAR);
        memchr::memmem::rfind(&b[from..before], written.as_bytes()).map(|p| from + p + 1)
    };
    let ahead = |after: usize, k: u32| {
        let written = format!(" {k}. ");
        memchr::memmem::find(&b[after..b.len().min(after + NEAR)], written.as_bytes())
            .map(|p| after + p + written.len())
    };
    let before = back(at, n - 1);
    let after = ahead(end, n + 1);
    let twice_before = || n >= 3 && before.and_then(|p| back(p, n - 2)).is_some();
    let twice_after = || after.and_then(|p| ahead(p, n + 2)).is_some();
    before.is_some() && after.is_some() || twice_before() || twice_after()
}

/// A portion mark at `at` (`(C)`, `(SBU)`, `(S/NF)`), then a space or the end.
fn portion_mark_at(b: &[u8], at: usize) -> bool {
    portion_mark_end(b, at).is_some_and(|end| b.get(end).is_none_or(|&c| c == b' '))
}

/// Where the portion mark at `at` ends (after its bracket), when one stands there: each of its
/// parts a mark (`(S/NF)`; `(NOTAL)`, `(B)` are none).
fn portion_mark_end(b: &[u8], at: usize) -> Option<usize> {
    if b.get(at) != Some(&b'(') {
        return None;
    }
    let close = b[at..].iter().take(13).position(|&c| c == b')').filter(|&k| k >= 2)?;
    let mark = std::str::from_utf8(&b[at + 1..at + close]).ok()?;
    mark.split('/').filter(|p| !p.is_empty()).all(|p| crate::vocab::mark_part(p).is_some()).then_some(at + close + 1)
}

/// Whether `b` ends in the words that close a summary, a text or a note (`END SUMMARY`, `END OF
/// TEXT`, `END COMMENT`, `ENTIRE TEXT` of a 1970s classification line, `END UNCLASSIFIED`), in
/// any case.
pub(crate) fn closes_a_block(b: &[u8]) -> bool {
    const CLOSES: [&[u8]; 10] = [
        b"END SUMMARY",
        b"END TEXT",
        b"END OF TEXT",
        b"END COMMENT",
        b"END NOTE",
        b"END QUOTE",
        b"UNQUOTE",
        b"ENTIRE TEXT",
        // The close of a passage marked apart (`BEGIN UNCLASSIFIED … END UNCLASSIFIED`).
        b"END UNCLASSIFIED",
        b"END LIMITED OFFICIAL USE",
    ];
    CLOSES.iter().any(|words| {
        b.len() >= words.len()
            && b[b.len() - words.len()..].eq_ignore_ascii_case(words)
            && (b.len() == words.len() || !b[b.len() - words.len() - 1].is_ascii_alphanumeric())
    })
}

/// How many paragraphs in a row a copy may leave out between two it keeps (`¶7.` after `¶2.`).
const MAX_WITHHELD: u32 = 20;

/// Whether `n. ` stands in `b` from `from` on (after a space), within as far as a few
/// paragraphs reach: every candidate looks, so the look is bounded (a 20 MB paste of numbers).
fn number_after(b: &[u8], from: usize, n: u32) -> bool {
    const REACH: usize = 32 * 1024;
    let written = format!(" {n}. ");
    let from = from.saturating_sub(1);
    memchr::memmem::find(&b[from..b.len().min(from + REACH)], written.as_bytes()).is_some()
}

/// Whether `¶n.` stands anywhere in `b` from `from` on.
fn pilcrow_paragraph_after(b: &[u8], from: usize, n: u32) -> bool {
    let mark = format!("¶{n}.");
    memchr::memmem::find(&b[from.min(b.len())..], mark.as_bytes()).is_some()
}

/// The break a gap of two spaces or more (from `gap` to `next`) makes in the header: a line
/// break between two fields, or a blank line where the text begins with a paragraph that has
/// no number (`REF: STATE 233267  As instructed in Ref A, Poloff…`: it is no part of the field
/// before it). None after a caption's classification alone, or at the end of the line.
fn gap_break(line: &str, since: usize, gap: usize, next: usize, subject_seen: bool) -> Option<Break> {
    // The field since the last break (none when that break was made at this gap).
    let field = line.get(since..gap).unwrap_or_default();
    // A field whose value is still to come (`E.O. 12958: DECL:  9/24/2019`, `SUBJECT:  Bio-…`),
    // and the E.O.'s declassification after its number alone (`E.O. 12598  DECL: 02/12/20`).
    let declassification = crate::lines::starts_with_ci(line.get(next..).unwrap_or_default(), "DECL");
    if is_classification_only(field) || next >= line.len() || field.trim_end().ends_with(':') || declassification {
        return None;
    }
    let text_begins = subject_seen
        && header_field_at(line.as_bytes(), next, false).is_none()
        && (prose_at(&line[next..]) || prose_after_capitals(line, since, next));
    Some(if text_begins { Break::Blank } else { Break::Line })
}

/// Longer than any subject a cable writes (they run to two or three lines of 69 columns).
const MAX_SUBJECT: usize = 400;

/// Whether the field that began at `since` is a SUBJECT in capitals and mixed-case prose begins
/// at `i` (`SUBJECT: AMBASSADOR'S VISIT TO SEVILLE Sensitive But Unclassified. Please…`): two
/// words in a row with lower-case letters after their capital (`McCAIN` is not one).
fn prose_after_capitals(line: &str, since: usize, i: usize) -> bool {
    let b = line.as_bytes();
    // Asked at every word of the header: a field longer than any subject is not read (reading
    // it each time made a long line without paragraph numbers quadratic).
    if i == 0 || !is_space(b, i - 1) || !b[i].is_ascii_uppercase() || i - since > MAX_SUBJECT {
        return false;
    }
    let field = &line[since..i];
    let Some(subject) = field.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case("SUBJECT")).map(|(_, v)| v)
    else {
        return false;
    };
    let mixed = |w: &str| {
        let w = w.as_bytes();
        w.len() >= 2 && w[0].is_ascii_uppercase() && w[1..].iter().filter(|c| c.is_ascii_lowercase()).count() >= 2
    };
    let mut next = line[i..].split_ascii_whitespace();
    subject.split_ascii_whitespace().filter(|w| w.bytes().any(|c| c.is_ascii_alphabetic())).count() >= 2
        && !subject.bytes().any(|c| c.is_ascii_lowercase())
        && next.next().is_some_and(mixed)
        && next.next().is_some_and(|w| mixed(w) || w.as_bytes()[0].is_ascii_lowercase())
}

/// A section heading just before paragraph break `at`: the words since the last sentence's end
/// (`…End Summary. Reaching out to the Regions ¶2.`, `//THE END//`), one to eight of them, none
/// ending a sentence, the first a capital's; over a rule, the words the rule underlines
/// ([`underlined`]). `END SUMMARY` before a number is the end of a paragraph.
fn heading_before(line: &str, at: usize) -> Option<usize> {
    let before = line[..at].trim_end();
    let title = before.trim_end_matches(['-', ' ']);
    let rule = before[title.len()..].trim_start();
    let ruled = rule.contains("---") || rule.contains("- - -");
    if ruled {
        if let Some(start) = underlined(title, rule) {
            return Some(start);
        }
    }
    // Over a rule, the heading's own last mark is no sentence's end (`Whither Reform? ----`,
    // `Getting to Know You (Again) ----`, `"Krysha" ----`).
    let searched = if ruled { without_closing_mark(title) } else { before };
    let start = searched.rfind(['.', '!', '?', '"', ')']).map_or(0, |k| k + 1);
    let heading = before[start..].trim_start();
    let words = heading.split_ascii_whitespace().count();
    let first = heading.split_ascii_whitespace().next()?;
    // A heading between slashes too (`//DEFENSE MINISTER ON CHINA ARMS EMBARGO//`).
    let ok = (1..=8).contains(&words)
        && (first.as_bytes()[0].is_ascii_uppercase() || first.starts_with("//") && heading.ends_with("//"))
        && !first.eq_ignore_ascii_case("END")
        && start > 0;
    ok.then(|| before.len() - heading.len())
}

/// The heading a rule underlines as long as itself, as typists made them (`Medvedev in 2012?
/// Tandem Tensions? ----------------------------------`, `…ODC  GOI Participants
/// ----------------`, `Russia:  Negative Trends - - - - - - - - - - - - -`): where it begins
/// in `title`, the text before the rule. It begins within two characters of the rule's length
/// from the end, at a word in capitals after a sentence's end, a rule or two
/// spaces (a line's end the copy kept); a first line that ends in a colon goes with it
/// (`PRINCE KHALID'S REPUTATION: ANOTHER CASUALTY OF THE WAR? ----------------------------`).
fn underlined(title: &str, rule: &str) -> Option<usize> {
    let b = title.as_bytes();
    let dashes = rule.bytes().filter(|&c| c == b'-').count();
    let length = if rule.contains("- - -") { rule.len() } else { dashes };
    let apart = |above: &str| {
        let end = above.trim_end();
        above.ends_with("  ")
            || end.ends_with(['.', '!', '?', '"', ')', '\u{201d}'])
            || end.ends_with("---")
            || end.ends_with("- -")
            || end.is_empty()
    };
    let opens = |heading: &str| {
        let first = heading.trim_start_matches(['"', '\u{201c}', '(', '\'']).chars().next();
        first.is_some_and(char::is_uppercase) && !crate::lines::starts_with_ci(heading, "END ")
    };
    let words = |heading: &str| heading.split_ascii_whitespace().count();
    // Where the heading begins if it is `n` characters long: at a word (a space before it).
    let at = |n: usize| {
        let start = if n == 0 { title.len() } else { title.char_indices().rev().nth(n - 1)?.0 };
        (start > 0 && b[start - 1] == b' ' && b.get(start).is_some_and(|&c| c != b' ') && opens(&title[start..]))
            .then_some(start)
    };
    let matched = [0, 1, -1, 2, -2].into_iter().find_map(|d: isize| {
        let start = at(length.checked_add_signed(d)?)?;
        (apart(&title[..start]) && words(&title[start..]) <= 12).then_some(start)
    });
    // A first line that ends in a colon, the rule under the second.
    let second = matched.or_else(|| at(length))?;
    let first = title[..second].trim_end().strip_suffix(':').and_then(|line| {
        let from = line.rfind(['.', '!', '?', '"', ')']).map_or(0, |k| k + 1);
        let first = from + line[from..].len() - line[from..].trim_start().len();
        (from > 0 && first < second && opens(&title[first..]) && words(&title[first..]) <= 12).then_some(first)
    });
    first.or(matched)
}

/// `title` without the mark that closes it and what that mark encloses (`Whither Reform?`
/// → `Whither Reform`, `Getting to Know You (Again)` → `Getting to Know You `).
fn without_closing_mark(title: &str) -> &str {
    let Some(last) = title.chars().next_back() else { return title };
    let inner = &title[..title.len() - last.len_utf8()];
    let opener = match last {
        ')' => '(',
        '"' => '"',
        '\u{201d}' => '\u{201c}',
        '?' | '!' => return inner,
        _ => return title,
    };
    inner.rfind(opener).map_or(inner, |k| &inner[..k])
}

/// Whether `text` opens with prose in mixed case: a capitalised word (after a portion mark,
/// if any), and of its first ten words, four or more begin in lower case (`As instructed in
/// Ref A, Poloff delivered…`), unlike a subject in title case (`Bio-Terrorism Tabletop and
/// Bio-Security Initiatives With India`), a reference (`B. NEW DELHI 6980`, `A. State 1234`),
/// a reason (`Reason 1.5 (B,D)`) or a name. Text in capitals never reads as prose: its
/// paragraphs are numbered.
fn prose_at(text: &str) -> bool {
    let mut words = text.split_ascii_whitespace().peekable();
    if words.peek().is_some_and(|w| w.starts_with('(') && w.ends_with(')') && w.len() <= 12) {
        words.next();
    }
    let capitalised = |w: &str| {
        let b = w.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1).is_some_and(u8::is_ascii_lowercase)
    };
    if !words.peek().is_some_and(|w| capitalised(w)) {
        return false;
    }
    let first_ten: Vec<&str> = words.take(10).collect();
    let lower = first_ten.iter().filter(|w| w.as_bytes()[0].is_ascii_lowercase()).count();
    first_ten.len() >= 6 && lower >= 4
}

/// A signature at the end of the line: one to four name words after two spaces or
/// the end of a sentence (`…END COMMENT.  MULFORD`).
fn signature_at_end(line: &str) -> Option<usize> {
    // A lone full stop or ellipsis after the name (`…with him. Llorens .`, `Whitehead ...`) ends
    // the text, as it does on a line of its own.
    let line = line.trim_end();
    let line = [" .", " ...", " \u{2026}"].iter().find_map(|end| line.strip_suffix(end)).unwrap_or(line);
    let trimmed = line.trim_end();
    let b = trimmed.as_bytes();
    let mut start = trimmed.len();
    let mut words = 0;
    loop {
        let word_start = trimmed[..start].trim_end().rfind(' ').map_or(0, |k| k + 1);
        let word = trimmed[word_start..start].trim();
        if word.is_empty() || !word.bytes().all(|c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'-' | b'\'')) {
            break;
        }
        words += 1;
        start = word_start;
        if words > 4 || start == 0 {
            return None;
        }
        let before = trimmed[..start].trim_end_matches(' ');
        let spaces = start - before.len();
        // In mixed-case text a name in capitals after the last word stands apart even after one
        // space (`…Ministry of External Affairs MULFORD`).
        let previous_word = before.rsplit(' ').next().unwrap_or("");
        let case_changes = previous_word.bytes().any(|c| c.is_ascii_lowercase())
            && trimmed[start..].bytes().filter(u8::is_ascii_alphabetic).count() >= 3;
        // A redaction ends the text before it (`…XXXXXXXXXXXX AGUIRRE`), and is never a name;
        // nor is a rule (`…website. ***** JONES`).
        let redacted = super::shapes::is_redaction(previous_word);
        let ruled = previous_word.len() >= 5 && is_rule_token(previous_word);
        // A stop of the name's own is no sentence's end: an initial (`JOHN J. SMITH`), a particle
        // (`ST. MARK`).
        let initial = previous_word.len() == 2 && previous_word.as_bytes()[0].is_ascii_uppercase();
        let of_name = previous_word.ends_with('.') && (initial || crate::body::is_name_particle(previous_word));
        let stop = before.ends_with(['.', '!', '?', '"', ')']) && !of_name;
        if spaces >= 2 || stop || case_changes || redacted || ruled {
            let signature = &trimmed[start..];
            // In capitals (`MULFORD`), or a name in title case after a sentence (`…Council. Rice`).
            let title_case = before.ends_with(['.', '!', '?', '"'])
                && words <= 3
                && signature.split(' ').all(|w| {
                    w.as_bytes()[0].is_ascii_uppercase()
                        && w.bytes().skip(1).all(|c| c.is_ascii_lowercase() || c == b'-')
                });
            let ok = signature.len() <= 40
                && !signature.ends_with('.')
                && (signature.bytes().all(|c| !c.is_ascii_lowercase()) || title_case)
                && b.len() > start;
            return ok.then_some(start);
        }
    }
    None
}

/// A caption's opening words alone: `C O N F I D E N T I A L`, `UNCLAS`, `SECRET`.
fn is_classification_only(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    let spaced = words.len() >= 4 && words.iter().all(|w| w.len() <= 2);
    let plain = PLAIN_CLASSIFICATIONS.iter().any(|c| text.eq_ignore_ascii_case(c));
    spaced || plain
}

/// What the re-breaking of one line has read so far, and the breaks it made.
struct Rebreak<'a> {
    line: &'a str,
    breaks: Vec<(usize, Break)>,
    next_paragraph: u32,
    in_header: bool,
    /// The SUBJECT was read: what follows it is REF, Classified By, or the text.
    subject_seen: bool,
    /// Where the SUBJECT began, while it is the last field read (a page header may break it).
    subject_from: Option<usize>,
    /// After `FM …` and before the caption: the addressees, one per line.
    addressees: bool,
    /// The caption's post, as the page headers repeat it (`MADRID 00000520 001.2 OF 002`).
    station: Option<&'a str>,
}

impl Rebreak<'_> {
    /// Where the piece that holds `i` began: the last break at or before it (a caption's break
    /// after its serial is made ahead).
    fn since(&self, i: usize) -> usize {
        self.breaks.iter().rev().map(|(at, _)| *at).find(|&at| at <= i).unwrap_or(0)
    }

    /// The next numbered paragraph at `i` (and a heading before it): where to go on.
    fn paragraph(&mut self, i: usize) -> Option<usize> {
        let b = self.line.as_bytes();
        let number = paragraph_at(b, i, self.next_paragraph).or_else(|| {
            // The first after a field that ends in no full stop (`…EMAIL FROM DS/IP 12/01/08 1.
            // This is an action request`, `SUBJECT: (C) PROVINCIAL ELECTIONS 1. (C) THE…`): one
            // space before it, its portion mark or prose in mixed case after.
            let first = self.next_paragraph == 1 && self.in_header && i > 1 && b[i - 1] == b' ';
            // Or in capitals after a reference's serial (`REF: ATHENS 2870 1. SUMMARY: GREEK…`):
            // a list of references goes on with a letter, not `1.`.
            let after_serial = || {
                b[i - 2].is_ascii_digit()
                    && crate::lines::starts_with_ci(&self.line[self.since(i)..], "REF")
                    && b.get(i + 3).is_some_and(u8::is_ascii_uppercase)
            };
            let opens = |at: usize| marked_prose_at(self.line, at, true) || prose_at(&self.line[at..]);
            // Or in capitals after the subject, paragraph 2 after it (`SUBJ: GREEK REACTION TO
            // TURKISH OIL EXPLORATION 1. GREEK GOVERNMENT HAS PROTESTED… 2. WE EXPECT…`).
            let numbered_after_subject =
                || self.subject_seen && b.get(i + 3).is_some_and(u8::is_ascii_uppercase) && number_after(b, i + 3, 2);
            let after_field = || opens(i + 3) || after_serial() || numbered_after_subject();
            (first && b[i..].starts_with(b"1. ") && after_field()).then_some(1)
        })?;
        // The first paragraph needs a header before it: `1.` in a caption's date is not one.
        if self.next_paragraph == 1 && self.breaks.is_empty() {
            return None;
        }
        // In the header, a heading is one only after the sentence of a Classified By (`…reasons
        // 1.4 (B) and (D). SUMMARY ------- ¶1.`): a subject's words are no heading (`SUBJECT:
        // U.S. FOREST SERVICE COLLABORATION…`).
        let since = self.since(i);
        let after_field = crate::lines::starts_with_ci(&self.line[since..], "CLASSIFIED BY");
        if let Some(heading) = heading_before(self.line, i).filter(|&h| !self.in_header || after_field && h > since) {
            self.breaks.push((heading, Break::Blank));
            // Its rule on a line of its own, as the telegram wrote it (`Comment -------`).
            let title = self.line[heading..i].trim_end();
            let rule = title.trim_end_matches(['-', ' ']);
            if title.len() - rule.len() >= 3 && !rule.is_empty() {
                self.breaks.push((heading + rule.len(), Break::Line));
            }
        }
        self.breaks.push((i, Break::Blank));
        self.next_paragraph = number + 1;
        self.in_header = false;
        Some(i + 2)
    }

    /// A page header of a web copy (`MADRID 00000520 001.2 OF 002`) on a line of its own, as
    /// the line reader removes it: where to go on.
    fn page_header(&mut self, i: usize) -> Option<usize> {
        let b = self.line.as_bytes();
        // A print-out's page head (`CONFIDENTIAL PAGE 02 ATHENS 02959 171630Z`), the page's
        // classification before it: lines of their own, as the print-out has them.
        if b[i] == b'P' && word_at(b, i, "PAGE ") && starts_word(b, i, false) {
            let end = printout_page_end(self.line, i)?;
            let before = self.line[..i].trim_end();
            let banner = ["UNCLASSIFIED", "LIMITED OFFICIAL USE", "CONFIDENTIAL", "SECRET"]
                .iter()
                .find(|c| before.ends_with(*c) && starts_word(b, before.len() - c.len(), false))
                .map(|c| before.len() - c.len());
            self.breaks.extend(banner.map(|at| (at, Break::Line)));
            self.breaks.push((i, Break::Line));
            self.breaks.push((end, Break::Line));
            return Some(end);
        }
        // The post as the caption names it, or its last word (`RPO DUBAI 000389`, `DUBAI 00000389`).
        let full = self.station?;
        let last = full.rsplit(' ').next().unwrap_or(full);
        // In any case (`Ankara 00000536 002 of 002`), with or without the page's part number
        // (`BEIRUT 00000523 004 OF 004`).
        let station = [full, last]
            .into_iter()
            .find(|s| b.get(i..i + s.len()).is_some_and(|w| w.eq_ignore_ascii_case(s.as_bytes())))?;
        if !starts_word(b, i, false) {
            return None;
        }
        let after = &b[i + station.len()..];
        let end = i + station.len() + [PAGE_HEADER, PAGE_HEADER_PLAIN].iter().find_map(|shape| shaped(after, shape))?;
        if b.get(end).is_some_and(|c| !c.is_ascii_whitespace()) {
            return None;
        }
        self.breaks.push((i, Break::Line));
        self.breaks.push((end, Break::Line));
        Some(end)
    }

    /// One step through the header at `i`: where to go on.
    fn header(&mut self, i: usize) -> usize {
        let (line, b) = (self.line, self.line.as_bytes());
        if routed_addressee_at(b, i) && starts_word(b, i, false) {
            // `TO RUEHC/SECSTATE…`, `INFO RUEHIT/…`, or one more addressee of the list; `TO`
            // may be glued to the originator before it (`FM AMEMBASSY ANKARATO RUEHC/…`).
            let at = if b[..i].ends_with(b"TO ") {
                i - 3
            } else if b[..i].ends_with(b"INFO ") {
                i - 5
            } else {
                i
            };
            self.breaks.push((at, Break::Line));
            return i + 1;
        }
        if let Some(next) = self.printout_head(i) {
            return next;
        }
        // Fields that ran together are often two spaces apart (`000074  SIPDIS  NOFORN
        // SENSITIVE  USDA/FAS/…`); the gap after a caption's classification is not one.
        if b[i] == b' ' && b.get(i + 1) == Some(&b' ') {
            let next = i + b[i..].iter().take_while(|&&c| c == b' ').count();
            // Nor after `Classified By:` when the keyword is written twice (below).
            if after_classified_by(&b[..i]) {
                return next;
            }
            if let Some(how) = gap_break(line, self.since(i), i, next, self.subject_seen) {
                self.breaks.push((next, how));
                self.in_header = how == Break::Line;
            }
            return next;
        }
        if self.subject_from.is_some() && starts_word(b, i, false) && b[i..].starts_with(b"---") {
            // The rule under a SUBJECT, and under a heading after it (`… PRESIDENT ------- Summary
            // -------`): each on a line of its own, as the telegram wrote them.
            let end = i + b[i..].iter().take_while(|&&c| c == b'-').count();
            self.breaks.push((i, Break::Line));
            if end < b.len() {
                self.breaks.push((end, Break::Line));
            }
            return end;
        }
        // After a subject of two words or more, a portion mark opens the text even in capitals
        // (`… DISAPPOINTING RESULTS (U) THIS CABLE IS SENSITIVE…`).
        // Asked at every byte of the header: counts stop at three words.
        let long_subject =
            self.subject_from.is_some_and(|from| line[from..i].split_ascii_whitespace().nth(2).is_some());
        let after_subject = self.subject_from.is_some_and(|from| prose_after_capitals(line, from, i));
        // The mark right after the keyword is the subject's own (`SUBJECT: (S) MbZ HOSTS…`).
        let subject_mark =
            self.subject_from.is_some_and(|from| line[from..i].split_ascii_whitespace().nth(1).is_none());
        if after_subject || self.subject_seen && b[i] == b'(' && !subject_mark && marked_prose_at(line, i, long_subject)
        {
            // A subject in capitals ends where text in mixed case begins (lines joined by one space).
            self.breaks.push((i, Break::Blank));
            self.in_header = false;
            return i + 1;
        }
        if let Some(next) = self.addressee(i) {
            return next;
        }
        // `FM` after the caption is a foreign minister (`SUBJECT: PORTUGUESE FM OFFERS TO…`).
        let field = header_field_at(b, i, false).filter(|_| self.station.is_none() || !word_at(b, i, "FM "));
        // The keyword written twice (`Classified By: Classified by IO/DAS…`, `Classified By: (U)
        // CLASSIFIED BY EAP DAS…`, as many 2010 pages give it): one field, not two.
        if field.is_some_and(|(f, _)| f == HeaderField::ClassifiedBy) && after_classified_by(&b[..i]) {
            return i + 1;
        }
        if let Some((field, how)) = field {
            if field == HeaderField::Envelope && word_at(b, i, "BT") {
                self.breaks.push((i, how));
                self.breaks.push((i + 2, how));
                return i + 2;
            }
            if field == HeaderField::Envelope && word_at(b, i, "VZCZC") {
                // The transmission's number is a line of its own, before the routing line
                // (`VZCZCXYZ0001 OO RUEHWEB`).
                let end = i + b[i..].iter().take_while(|c| !c.is_ascii_whitespace()).count();
                self.breaks.push((i, how));
                if end < b.len() {
                    self.breaks.push((end, Break::Line));
                }
                return end;
            }
            self.breaks.push((i, how));
            self.subject_seen |= field == HeaderField::Subject;
            self.subject_from = (field == HeaderField::Subject).then_some(i);
            self.addressees = field == HeaderField::Envelope && word_at(b, i, "FM ")
                || self.addressees && field != HeaderField::Caption;
            if field == HeaderField::Caption {
                if let Some((station, serial_end)) = caption_station(&line[i..]) {
                    self.station = Some(station);
                    // What follows the serial is another field (`KABUL 001975 STATE FOR SCA/FO…`),
                    // but for the caption's own handling and section (`… 000123 NODIS`).
                    let end = serial_end + caption_tail(&line[i + serial_end..]);
                    if b.get(i + end).is_some_and(|&c| c == b' ') {
                        self.breaks.push((i + end, Break::Line));
                    }
                }
            }
            // `SIPDISSIPDIS`: each caption on its own line.
            return i + if field == HeaderField::Handling { 6 } else { 1 };
        }
        if dtg_at(b, i) && i >= 2 {
            // The precedence letter before the group, alone (`O 111453Z`) or glued to the
            // operating signal before it (`ZZHP 111453Z`).
            let letter = i - 2;
            if b[i - 1] == b' ' && matches!(b[letter], b'O' | b'P' | b'R' | b'Z') {
                // A dual precedence's first letter is a word of its own (`P R 221828Z`), not the end
                // of one (a print-out's page head: `… 171944Z R 171600Z MAY 74`).
                let dual = letter >= 2
                    && b[letter - 1] == b' '
                    && matches!(b[letter - 2], b'O' | b'P' | b'R' | b'Z')
                    && (letter == 2 || b[letter - 3] == b' ');
                let at = if dual { letter - 2 } else { letter };
                self.breaks.push((at, Break::Line));
            }
        }
        if starts_word(b, i, false) && dateline_at(&line[i..]) {
            // A web page's date line (`Tuesday, 20 January 2004, 09:44`), after the copy's note.
            self.breaks.push((i, Break::Line));
        }
        i + 1
    }

    /// A 1970s print-out's head run on (`PAGE 01 ATHENS 02959 171944Z ACTION EUR-25 INFO
    /// OCT-01 ISO-00 … /092 W ------------------ 127355`, `ORIGIN EUR-25 … DRAFTED BY
    /// EUR/SE:JSMITH:LW APPROVED BY EUR:AHARTMAN EUR/SE - MR. BOYATT`): the page's header, each
    /// list of the Department's offices, each line of who drafted, cleared and approved it, and
    /// the control number on lines of their own, as the print-out wrote them; the spaces
    /// between its columns break nothing. Where to go on.
    fn printout_head(&mut self, i: usize) -> Option<usize> {
        let line = self.line;
        let b = line.as_bytes();
        if !b[i].is_ascii_uppercase() && b[i] != b'-' || !starts_word(b, i, false) {
            return None;
        }
        let words = |from: usize| {
            line[from..].split_ascii_whitespace().map(move |w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        };
        let end_of = |(at, w): (usize, &str)| at + w.len();
        let mut end = None;
        if word_at(b, i, "PAGE ") {
            end = printout_page_end(line, i);
        } else if ["ACTION ", "ORIGIN ", "INFO "].iter().any(|k| word_at(b, i, k)) {
            // A list of offices with their copies (`EUR-25`), and its total (`/092 W`).
            let office = |t: &str| crate::fields::distribution::parse_distribution(t, true).is_some();
            let mut list = words(i).skip(1).take_while(|(_, t)| office(t) || t.len() == 1).peekable();
            if list.peek().is_some_and(|(_, t)| office(t)) {
                end = list.last().map(end_of);
            }
        } else if word_at(b, i, "DRAFTED BY ") || word_at(b, i, "APPROVED BY ") {
            // Its office and drafter (`EUR/SE:JSMITH:LW`), then the clearances (below).
            end = words(i).nth(2).map(end_of);
        } else if b[i..].starts_with(b"-----") {
            // The control number under the head (`------------------     127355`).
            let dashes = b[i..].iter().take_while(|&&c| c == b'-').count();
            end = words(i + dashes).next().filter(|(_, t)| t.bytes().all(|c| c.is_ascii_digit())).map(end_of);
        } else {
            // A clearance under `DRAFTED BY` (`EUR/SE - MR. BOYATT`), up to the next.
            let keywords = crate::fields::distribution::DRAFTING_KEYWORDS;
            let drafted = self.breaks.iter().rev().take(8).any(|&(at, _)| keywords.iter().any(|k| word_at(b, at, k)));
            let office = words(i).next().is_some_and(|(_, t)| t.len() <= 12 && t.contains('/'));
            if drafted
                && office
                && b[i..].iter().position(|&c| c == b' ').is_some_and(|k| b[i + k..].starts_with(b" - "))
            {
                self.breaks.push((i, Break::Line));
                return Some(i + 1);
            }
        }
        let end = end?;
        self.breaks.push((i, Break::Line));
        if end < b.len() {
            self.breaks.push((end, Break::Line));
        }
        Some(end)
    }

    /// Addressees written without routing indicators, after `FM …`: `TO` and `INFO` begin a
    /// list, and each addressee ends with its precedence (and the sender's number for it):
    /// `TO SECSTATE WASHDC IMMEDIATE 4937 INFO AFGHANISTAN COLLECTIVE PRIORITY CIA WASHINGTON
    /// DC PRIORITY`, one per line as the telegram wrote them. Where to go on.
    fn addressee(&mut self, i: usize) -> Option<usize> {
        let b = self.line.as_bytes();
        if !self.addressees || !starts_word(b, i, false) {
            return None;
        }
        for list in ["TO ", "INFO "] {
            if b[i..].starts_with(list.as_bytes()) && capitals_word_at(b, i + list.len()) {
                self.breaks.push((i, Break::Line));
                return Some(i + list.len());
            }
        }
        // An addressee with no routing indicator after another (a 1970s list: `INFO AMEMBASSY
        // ANKARA AMEMBASSY NICOSIA USMISSION NATO`): each office word begins a line.
        let after_list = [&b"FM "[..], b"TO ", b"INFO ", b"/"].iter().any(|w| b[..i].ends_with(w));
        if !after_list
            && crate::vocab::OFFICES
                .iter()
                .any(|o| b[i..].starts_with(o.as_bytes()) && b.get(i + o.len()) == Some(&b' '))
        {
            self.breaks.push((i, Break::Line));
            return Some(i + 1);
        }
        let precedence = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"]
            .into_iter()
            .find(|p| b[i..].starts_with(p.as_bytes()) && b.get(i + p.len()).is_none_or(|&c| c == b' '))?;
        let mut end = i + precedence.len();
        let number = b[(end + 1).min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=4).contains(&number) && b.get(end + 1 + number).is_none_or(|&c| c == b' ') {
            end += 1 + number;
        }
        if end < b.len() {
            self.breaks.push((end, Break::Line));
        }
        Some(end)
    }
}

/// A bullet of the text at `i`: `--` or `-` after a colon or a semicolon (`…in major issue
/// areas: -- Foreign Policy: See Ref A…`, `…license;  - the lack of…`), or after the end of a
/// sentence and before a capital; not a dash inside a sentence.
fn bullet_at(b: &[u8], i: usize) -> bool {
    let dashes = b[i..].iter().take(3).take_while(|&&c| c == b'-').count();
    if i == 0 || !is_space(b, i - 1) || !(1..=2).contains(&dashes) || !is_space(b, i + dashes) {
        return false;
    }
    let next = b.get(i + dashes + 1).copied().unwrap_or(b' ');
    match b[..i].iter().rposition(|c| !c.is_ascii_whitespace()).map(|k| b[k]) {
        Some(b':' | b';') => next.is_ascii_alphanumeric() || next == b'"',
        Some(b'.' | b'"' | b'!' | b'?') => next.is_ascii_uppercase(),
        _ => false,
    }
}

/// The post a caption names before its serial (`C O N F I D E N T I A L SECTION 01 OF 02
/// MADRID 000520` → `MADRID`), and where the serial ends: the line reader's own caption grammar
/// (`parse_caption_line`), asked of the caption's first words (what follows is read elsewhere).
fn caption_station(caption: &str) -> Option<(&str, usize)> {
    // Its first 23 words: a caption is one line of them.
    let offset = |w: &str| w.as_ptr() as usize - caption.as_ptr() as usize;
    let head = caption.split_ascii_whitespace().nth(23).map_or(caption, |w| &caption[..offset(w)]);
    let read = crate::fields::classification::parse_caption_line(head)?;
    // A post's serial of four to six digits (the grammar takes shorter numbers, as in `1.4 (B)
    // AND (D). ¶1. (S) LE MONDE'S JAN. 17` after a page header's `S E C R E T`).
    let serial = read.serial.filter(|s| (4..=6).contains(&s.len()))?;
    Some((read.station?, offset(serial) + serial.len()))
}

/// How much of `rest`, after a caption's serial, is still the caption: its handling (`NODIS`,
/// `EXDIS`, `NOFORN`; not `SIPDIS`, a line of its own) and its section (`SECTION 1 OF 2`).
fn caption_tail(rest: &str) -> usize {
    let offset = |w: &str| w.as_ptr() as usize - rest.as_ptr() as usize;
    let words: Vec<&str> = rest.split_ascii_whitespace().take(8).collect();
    let number =
        |k: usize| words.get(k).is_some_and(|w| !w.is_empty() && w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit()));
    let (mut k, mut end) = (0, 0);
    while let Some(word) = words.get(k) {
        if *word == "SECTION" && number(k + 1) && words.get(k + 2) == Some(&"OF") && number(k + 3) {
            k += 4;
        } else if !word.eq_ignore_ascii_case("SIPDIS")
            && word.bytes().all(|c| c.is_ascii_uppercase() || c == b'/')
            // One word: a caption of more (`SENSITIVE BUT UNCLASSIFIED`) stands on its own line.
            && crate::fields::classification::handling_phrase_words(&rest[offset(word)..]) == Some(1)
        {
            k += 1;
        } else {
            break;
        }
        end = offset(words[k - 1]) + words[k - 1].len();
    }
    end
}

/// A paragraph that begins with its portion mark and no number, in mixed case (`(SBU) This is
/// the second in a series…`), at `i`: the mark's parts are marks (`(NOTAL)`, `(B)` are not),
/// and a word in capitals after it is a reference (`(C) STATE 3`), not prose, unless `capitals`
/// (the mark ends a subject, where no reference stands).
fn marked_prose_at(line: &str, i: usize, capitals: bool) -> bool {
    let b = line.as_bytes();
    if i == 0 || !is_space(b, i - 1) {
        return false;
    }
    let Some(end) = portion_mark_end(b, i) else { return false };
    let next = line[end..].split_ascii_whitespace().next().unwrap_or_default().as_bytes();
    is_space(b, end)
        && next.len() >= 2
        && next[0].is_ascii_uppercase()
        && (capitals || next[1..].iter().any(u8::is_ascii_lowercase))
}

/// A web page's date line at the start of `text` (`Tuesday, 20 January 2004, 09:44`): its five
/// words, as the line reader reads them (`parse_dateline`).
fn dateline_at(text: &str) -> bool {
    dateline_end(text).is_some()
}

/// Where a web page's date line at the start of `text` ends ([`dateline_at`]).
fn dateline_end(text: &str) -> Option<usize> {
    if !text.as_bytes().first().is_some_and(|c| matches!(c, b'M' | b'T' | b'W' | b'F' | b'S')) {
        return None;
    }
    let last = text.split_ascii_whitespace().nth(4)?;
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    crate::fields::dtg::parse_dateline(&text[..end]).is_some().then_some(end)
}

/// Whether `before` ends in the keyword `Classified By:` (a portion mark after it or none).
fn after_classified_by(before: &[u8]) -> bool {
    let mut end = before.trim_ascii_end();
    if end.ends_with(b")") {
        if let Some(open) = end.iter().rposition(|&c| c == b'(').filter(|&k| end.len() - k <= 8) {
            end = end[..open].trim_ascii_end();
        }
    }
    end.len() >= 14 && end[end.len() - 14..].eq_ignore_ascii_case(b"CLASSIFIED BY:")
}

/// Where an archive's trailer starts at the end of a run-together line: its end-of-record mark
/// (`NMAFVVZCZ`) or its first `*** Current …` field, in the line's last 400 bytes.
fn archive_trailer_at(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let from = b.len().saturating_sub(400);
    let mark = memchr::memmem::find(&b[from..], b" NMAF")
        .map(|k| from + k + 1)
        .filter(|&at| b[at..].iter().take_while(|c| c.is_ascii_uppercase()).count() == 9);
    let field = memchr::memmem::find(&b[from..], b" *** Current").map(|k| from + k + 1);
    match (mark, field) {
        (Some(m), Some(f)) => Some(m.min(f)),
        (m, f) => m.or(f),
    }
}

/// Where a page's words begin after the telegram's last end mark on a run-together line (`…
/// NNN Next | Previous`): after `NNNN`, `NNN` or `<< END OF DOCUMENT >>` in its last 300 bytes,
/// with words after it. `None` when the line ends with the mark (nearly every one).
fn words_after_end_mark(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let from = b.len().saturating_sub(300);
    // Each a word of its own, a space on either side.
    let apart = |at: usize, mark: &str| b[..at].ends_with(b" ") && b[at + mark.len()..].starts_with(b" ");
    crate::body::END_MARKS
        .iter()
        .filter_map(|mark| {
            let found = memchr::memmem::rfind_iter(&b[from..], mark.as_bytes()).map(|k| from + k);
            found.filter(|&at| apart(at, mark)).map(|at| at + mark.len() + 1).next()
        })
        .max()
        .filter(|&at| !line[at..].trim().is_empty())
}

/// Where a closing note under the signature begins, after a space: the telecommunications
/// center's (`NOTE BY OC/T: NOT PASSED TO ALL DIPLOMATIC POSTS.`) or the drafter's (`(DRAFTED BY
/// EUR/UBI:JSMITH)`) in the text's last 300 bytes; the footnotes of an edition of the *Foreign
/// Relations* series (`1 Source: National Archives, …`, then the others) in its last 4 KB.
fn closing_note_at(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    [(&b" NOTE BY OC"[..], 300), (b" (DRAFTED BY ", 300), (b" 1 Source: ", 4096), (" ¹ Source: ".as_bytes(), 4096)]
        .iter()
        .filter_map(|&(note, reach)| {
            let from = b.len().saturating_sub(reach);
            memchr::memmem::rfind(&b[from..], note).map(|k| from + k + 1)
        })
        .min()
}

/// The post's classified website run on at a text's end (`…End Comment. Please visit Paris'
/// Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm Stapleton`, `…a
/// factor. JEFFREY “Visit Ankara's Classified Web Site at http://…/Portal:Turkey”`), which the
/// telegram set on lines of its own: where it begins (at a rule of stars before it, or its
/// opening quote) and where its address ends (the address's pieces a wrap cut apart, each
/// starting in lower case, and a rule of stars after it, go with it). `None` when the text's
/// last 400 bytes hold no such address.
pub(crate) fn website_footer(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let from = crate::lines::ceil_char_boundary(line, b.len().saturating_sub(400));
    let tail = &line[from..];
    let named = from + crate::lines::find_ci(tail, " Classified Web")?;
    // `Visit` a few words before (`Please visit Embassy Rabat's Classified Website`).
    let near = named.saturating_sub(48);
    let visit = (near..named).rev().find(|&k| {
        b[k..].len() >= 6 && b[k..k + 6].eq_ignore_ascii_case(b"visit ") && (k == 0 || !b[k - 1].is_ascii_alphabetic())
    })?;
    let please = visit >= 7 && b[visit - 7..visit].eq_ignore_ascii_case(b"please ");
    let mut start = if please { visit - 7 } else { visit };
    // Its opening quote, and a rule before it (of stars or dashes, which a wrap may have cut).
    start = line[..start].trim_end_matches(['"', '\u{201c}']).len();
    let (mut ruled, mut rule) = (start, 0);
    while let Some(token) = line[..ruled].trim_end().rsplit(' ').next().filter(|t| is_rule_token(t)) {
        rule += token.len();
        ruled = line[..ruled].trim_end().len() - token.len();
    }
    if rule >= 5 {
        start = ruled;
    }
    let address = named + crate::lines::find_ci(&line[named..], "http")?;
    let mut end = address + b[address..].iter().position(|&c| c == b' ').unwrap_or(b.len() - address);
    // The address's pieces a wrap cut apart (`…/Portal:Moro cco`), each in lower case, or in
    // capitals after a file's cut extension (`…/INDEX.C FM`).
    loop {
        let piece = line[end..].trim_start_matches(' ');
        let closed = line[..end].ends_with(['"', '\u{201d}']);
        let word = &piece[..piece.find(' ').unwrap_or(piece.len())];
        let cut_extension = line[..end]
            .rsplit('/')
            .next()
            .and_then(|file| file.rsplit_once('.'))
            .is_some_and(|(_, ext)| (1..=2).contains(&ext.len()) && ext.bytes().all(|c| c.is_ascii_alphabetic()))
            && (1..=3).contains(&word.len())
            && word.bytes().all(|c| c.is_ascii_alphabetic());
        if piece.is_empty() || closed || !(piece.as_bytes()[0].is_ascii_lowercase() || cut_extension) {
            break;
        }
        end = b.len() - piece.len() + piece.find(' ').unwrap_or(piece.len());
    }
    // Another way there (`You can also access this site through …`), and the closing rule.
    let rest = line[end..].trim_start_matches(' ');
    if crate::lines::starts_with_ci(rest, "You can also access this site") {
        end = b.len() - rest.len() + rest.find(". ").map_or(rest.len(), |k| k + 1);
    }
    loop {
        let piece = line[end..].trim_start_matches(' ');
        let token = &piece[..piece.find(' ').unwrap_or(piece.len())];
        if !is_rule_token(token) {
            break;
        }
        end = b.len() - piece.len() + token.len();
    }
    Some((start, end))
}

/// What a text's last line ends in, up to `words_end` (before the envelope's closing marks): the
/// post's classified website run on, which is given a line of its own (and what follows its
/// address, the signature, one after a blank line), and where a signature starts before it
/// (looked for only when the website ends the text).
fn closing_words(line: &str, words_end: usize) -> (Vec<(usize, Break)>, Option<usize>) {
    let footer = website_footer(&line[..words_end]);
    let closes = footer.is_some_and(|(_, end)| line[end..words_end].trim().is_empty());
    let mut breaks = Vec::new();
    if let Some((start, end)) = footer {
        breaks.push((start, Break::Blank));
        if !closes {
            breaks.push((end, Break::Blank));
        }
    }
    let signed_to = match footer {
        Some((start, _)) if closes => Some(start),
        Some(_) => None,
        None => Some(words_end),
    };
    (breaks, signed_to.and_then(|to| signature_at_end(&line[..to])))
}

/// A word of a rule (`*****`, `-----`; a wrap may cut a rule into several).
fn is_rule_token(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|c| matches!(c, b'*' | b'-' | b'=' | b'_'))
}

/// Where a print-out's page head that begins at `i` ends: `PAGE 01 ATHENS 02959 171944Z`, up
/// to the time the page was printed.
fn printout_page_end(line: &str, i: usize) -> Option<usize> {
    let mut words = line[i + 5..].split_ascii_whitespace();
    let page = words.next().filter(|n| n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit()));
    let time = page.and_then(|_| words.take(8).find(|t| is_time_group(t)))?;
    Some(time.as_ptr() as usize - line.as_ptr() as usize + time.len())
}

/// A date-time group's day and time as one word (`171944Z`).
fn is_time_group(word: &str) -> bool {
    word.len() == 7 && word.ends_with('Z') && word[..6].bytes().all(|c| c.is_ascii_digit())
}

/// The shortest line [`telegram_inside`] looks into: a page's words before its telegram run to
/// kilobytes (the 2010 viewer's ~10 KB); a paragraph's line rarely does.
const PAGE_BEFORE_TELEGRAM: usize = 4096;

/// Where a telegram run together begins deep in a long line that does not open with it (a page
/// copied whole, then its line breaks lost: ~10 KB of a site's menus before it): at its envelope's
/// first word (`VZCZC…`), a partial extract's note, its date-time group before `FM` or its caption
/// spelled out, after a space, with the header run together from there. Asked of a line that does
/// not open with its header; `None` for nearly every one.
fn telegram_inside(line: &str) -> Option<usize> {
    // A page's menus alone are longer than a paragraph; a line that opens with its header is
    // told apart first (the caller asks).
    if line.len() < PAGE_BEFORE_TELEGRAM {
        return None;
    }
    let b = line.as_bytes();
    // Or its date-time group before `FM` (`… Embassy Kabul O 310653Z JUL 08 FM AMEMBASSY KABUL`),
    // or its caption spelled out (`C O N F I D E N T I A L KABUL 001975`).
    let dtg = memchr::memmem::find_iter(b, b" FM ").take(8).find_map(|fm| {
        let before = line[..fm].trim_end();
        let words: Vec<&str> = before.rsplitn(5, ' ').collect();
        let [year, month, group, precedence, ..] = words[..] else { return None };
        let ok =
            is_time_group(group) && year.len() == 2 && month.len() == 3 && matches!(precedence, "O" | "P" | "R" | "Z");
        ok.then(|| fm - (year.len() + month.len() + group.len() + precedence.len() + 3))
    });
    let marks = [
        &b" VZCZC"[..],
        b" This record is a partial extract",
        b" C O N F I D E N T I A L ",
        b" S E C R E T ",
        b" U N C L A S",
    ];
    marks
        .iter()
        .filter_map(|mark| memchr::memmem::find(b, mark).map(|k| k + 1))
        .chain(dtg)
        .min()
        .filter(|&at| at > 0 && is_run_together(&line[at..]))
}

/// Whether the order's number that ends at `at` is cited for the reasons after it (`Classified
/// By: …, Reason: E.O. 12958 1.4 (B) AND (D)`, `E.O. 12958, reasons 1.4(b)`), not the
/// caption's field (`E.O. 12958: DECL: …`, `E.O. 12958 N/A`).
fn eo_cited_at(b: &[u8], mut at: usize) -> bool {
    let skip = |at: &mut usize| {
        while b.get(*at).is_some_and(|c| matches!(c, b' ' | b',' | b':' | b';')) {
            *at += 1;
        }
    };
    skip(&mut at);
    for words in [&b"AS AMENDED"[..], b"REASONS", b"REASON"] {
        if b.len() >= at + words.len() && b[at..at + words.len()].eq_ignore_ascii_case(words) {
            at += words.len();
            skip(&mut at);
        }
    }
    let rest = &b[at.min(b.len())..];
    let section = rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"SEC");
    let reason = rest.len() >= 3 && rest[0] == b'1' && rest[1] == b'.' && matches!(rest[2], b'4' | b'5' | b'6');
    section || reason
}

/// Breaks one run-together line into the output: a header and body, or a `body` alone (its
/// first paragraph then needs no header before it). Returns the caption's post, read on this
/// line or before it.
fn rebreak<'a>(line: &'a str, out: &mut String, along: Along<'a>) -> (Option<&'a str>, u32) {
    let Along { body, ends_text, station } = along;
    let b = line.as_bytes();
    // A body with no header: its first paragraph needs none before it.
    let opens = body.then(|| first_paragraph_at(b)).flatten();
    let mut r = Rebreak {
        line,
        breaks: opens.filter(|&at| at > 0).map(|at| vec![(at, Break::Blank)]).unwrap_or_default(),
        next_paragraph: if opens.is_some() { 2 } else { 1 },
        in_header: opens.is_none(),
        subject_seen: false,
        subject_from: None,
        addressees: false,
        station,
    };
    let mut i = 0;
    while i < b.len() {
        if !line.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if let Some(next) = r.paragraph(i).or_else(|| r.page_header(i)) {
            i = next;
        } else if r.in_header {
            i = r.header(i);
        } else {
            if bullet_at(b, i) {
                r.breaks.push((i, Break::Blank));
            }
            i += 1;
        }
    }
    let (station, next_paragraph) = (r.station, r.next_paragraph);
    let mut breaks = r.breaks;
    // A table's rows copied with tabs and run together (`PlusD`'s metadata): a line each.
    breaks.extend(crate::container::tabbed_rows(line).into_iter().map(|at| (at, Break::Line)));
    // And with their tabs lost too.
    breaks.extend(crate::container::spaced_plusd_rows(line).into_iter().map(|at| (at, Break::Line)));
    // An archive's trailer run on after the signature (`… CROWE NMAFVVZCZ *** Current Handling
    // Restrictions *** EXDIS *** Current Classification *** SECRET`): the signature is looked for
    // before it, and each of its parts has a line.
    let trailer = archive_trailer_at(line);
    // A line of caption fields alone, with more text after it (a copy that kept its paragraphs
    // apart), ends in its subject or a field, not in a signature (`SUBJECT: … ON U.S. MILITARY
    // TRANSITS AT SHANNON`).
    let signed = ends_text || !r.in_header;
    // A closing note after the signature (`… END TEXT. MCHENRY NOTE BY OC/T: NOT PASSED …`):
    // the signature before it, the note on a line of its own.
    let note = signed.then(|| closing_note_at(&line[..trailer.unwrap_or(line.len())])).flatten();
    // A page's words after the telegram's end mark (`… TASCA CONFIDENTIAL NNN Next | Previous`,
    // a page copied whole and run together): on a line of their own, the end mark the text's.
    let page_after = signed.then(|| words_after_end_mark(&line[..note.or(trailer).unwrap_or(line.len())])).flatten();
    // The envelope's closing marks after it (`… CLINTON BT NNNN`): the signature before them.
    let words_to = page_after.or(note).or(trailer).unwrap_or(line.len());
    let (words_end, marks) = closing_marks(&line[..words_to]);
    let (footer, signature) = if signed { closing_words(line, words_end) } else { (Vec::new(), None) };
    if let Some(at) = signature {
        // A signature signs a text broken somewhere else too, or one the archive's trailer
        // closes (a telegram of one paragraph: `… MILITARY. SWANK NMAFVVZCZ`).
        if breaks.last().is_none_or(|(last, _)| *last < at) && (!breaks.is_empty() || trailer.is_some()) {
            breaks.push((at, Break::Blank));
        }
    }
    breaks.extend(footer);
    breaks.extend(page_after.map(|at| (at, Break::Blank)));
    breaks.extend(note.map(|at| (at, Break::Blank)));
    if signed {
        breaks.extend(marks.into_iter().map(|at| (at, Break::Line)));
    }
    if let Some(at) = trailer {
        breaks.push((at, Break::Blank));
        let mut from = at + 1;
        while let Some(k) = memchr::memmem::find(&b[from..], b"*** Current").map(|k| k + from) {
            breaks.push((k, Break::Line));
            from = k + 1;
        }
    }
    // Where two breaks meet, the blank line wins.
    breaks.sort_by_key(|(at, how)| (*at, *how == Break::Line));
    breaks.dedup_by_key(|(at, _)| *at);
    let mut start = 0;
    for (at, how) in breaks {
        if at <= start && start > 0 {
            continue;
        }
        let piece = line[start..at].trim_end();
        if !piece.trim_start().is_empty() {
            out.push_str(piece);
            out.push('\n');
            if how == Break::Blank {
                out.push('\n');
            }
        }
        start = at;
        while start < b.len() && is_space(b, start) {
            start += 1;
        }
    }
    out.push_str(&line[start..]);
    (station, next_paragraph)
}

/// What [`rebreak`] knows of the text around its line.
struct Along<'a> {
    /// The line is a body with no header.
    body: bool,
    /// The text ends on this line: a signature may end it (one also ends a line that holds
    /// paragraphs; a line of caption fields alone ends in a field).
    ends_text: bool,
    /// The caption's post, read on a line before.
    station: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Classification;

    fn lines(text: &str) -> Vec<String> {
        reflow(text).lines().map(str::to_owned).collect()
    }

    /// A 1970s body with no header, its breaks lost: broken at its paragraphs, its signature and
    /// the archive's trailer; a paragraph per line with a `2.` inside the first is left alone.
    #[test]
    fn breaks_a_body_with_no_header_at_its_paragraphs() {
        let long = "THE TURKISH PRESS AND BROADCAST MEDIA HAVE GIVEN MODERATELY HEAVY COVERAGE TO THE VISIT";
        let text = format!(
            "1. {long}. 2. {long}. END TEXT. BERGUS NMAFVVZCZ *** Current Handling Restrictions *** n/a \
             *** Current Classification *** CONFIDENTIAL"
        );
        assert!(needs_reflow(&text));
        assert_eq!(
            lines(&text),
            [
                format!("1. {long}."),
                String::new(),
                format!("2. {long}. END TEXT."),
                String::new(),
                "BERGUS".to_owned(),
                String::new(),
                "NMAFVVZCZ".to_owned(),
                "*** Current Handling Restrictions *** n/a".to_owned(),
                "*** Current Classification *** CONFIDENTIAL".to_owned(),
            ]
        );
        let c = crate::parse(&text);
        assert_eq!(c.signers, ["BERGUS"]);
        // Each paragraph on a line of its own, the first naming a second point inside it.
        let text = format!("1. {long}: 1. ONE. 2. TWO.\n\n2. {long}.\n\n3. {long}.\n\nBERGUS\n");
        assert!(!needs_reflow(&text));
    }

    /// A paragraph's number with its portion mark and no full stop (09RPODUBAI389's `2 (C) The
    /// Majles…` under a heading), in a copy that lost its breaks: a paragraph, when it is the one
    /// expected and no word before it cites one (`PARA 2 (C)`) or names a month.
    #[test]
    fn breaks_at_a_marked_number_with_no_full_stop() {
        let long = "The assembly met for two days and endorsed the leader's handling of the crisis at length";
        let numbers = |text: &str| {
            let c = crate::parse(text);
            c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect::<Vec<_>>()
        };
        let text = format!(
            "C O N F I D E N T I A L DUBAI 000389 SIPDIS E.O. 12958: DECL: 9/28/2019 TAGS: PGOV, IR SUBJECT: IRAN \
             ¶1. (C) {long}. END SUMMARY. Assembly of Experts: A 'Deliberative' Body 2 (C) {long}. ¶3. (C) {long}. EYER"
        );
        assert_eq!(numbers(&text), [1, 2, 3]);
        let cited = text.replace("Body 2 (C)", "Body, as in para 2 (C) above,");
        assert_eq!(numbers(&cited), [1, 3]);
        // Numbers closed by a parenthesis, each with its mark (a post that numbers `1) (C)`).
        let closed = format!(
            "C O N F I D E N T I A L DUBAI 000389 SIPDIS E.O. 12958: DECL: 9/28/2019 TAGS: PGOV, IR SUBJECT: IRAN \
             1) (C) {long}. 2) (C) {long}: 1) the first, 2) the second. 3) (C) {long}, see para 2) (C). EYER"
        );
        assert_eq!(numbers(&closed), [1, 2, 3]);
    }

    /// The E.O.'s declassification after its number alone, two spaces apart (10PARIS170's
    /// `E.O. 12598  DECL: 02/12/20`), stays on its line when the breaks were lost.
    #[test]
    fn keeps_the_declassification_with_its_executive_order() {
        let text = "S E C R E T PARIS 000170 NOFORN SIPDIS E.O. 12598  DECL: 02/12/20 TAGS: PREL SUBJECT: TALKS \
                    1. (S) The minister said the talks went on. 2. (S) They will go on. RIVKIN";
        let c = crate::parse(text);
        assert_eq!((c.executive_order.as_deref(), c.declassify_on.as_deref()), (Some("12598"), Some("2020-02-12")));
    }

    /// A document of the *Foreign Relations* series with its line breaks lost (a PDF's or an
    /// e-book's text): its title, place and date, number line and first paragraph cut apart, its
    /// footnotes set apart under the signature, its footnote marks glued after full stops
    /// (`2870.2`, `State¹`) none of the text. Read as with its breaks.
    #[test]
    fn breaks_a_foreign_relations_telegram_run_together() {
        let text = "123. Telegram From the Embassy in Greece to the Department of State1\n\nAthens, May 17, 1974, 1600Z.\n\n\
                    2959. Subject: Greek Reaction to Turkish Oil Exploration. Ref: Athens 2870.2\n\n\
                    1. Greek Government has protested the Turkish decision to explore for oil in the Aegean, and its \
                    spokesman told the press so.\n\n2. We expect the issue to grow.\n\nTasca\n\n\
                    1 Source: National Archives, RG 59, Central Foreign Policy Files. Confidential; Priority; Exdis.\n\n\
                    2 Telegram 2870 from Athens reported the protest.\n";
        let with = crate::parse(text);
        for joint in [" ", "  "] {
            let joined = text.split('\n').filter(|l| !l.is_empty()).collect::<Vec<_>>().join(joint);
            let c = crate::parse(&joined);
            assert_eq!(
                (c.id.as_deref(), c.classification, &c.handling),
                (Some("74ATHENS2959"), with.classification, &with.handling)
            );
            assert_eq!((&c.subject, &c.signers, &c.references), (&with.subject, &with.signers, &with.references));
            let numbers = |c: &crate::model::Cable| {
                c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect::<Vec<_>>()
            };
            assert_eq!(numbers(&c), [Some(1), Some(2)], "{joint:?}");
        }
        let marked = text.replace("State1", "State¹").replace("2870.2", "2870.²").replace("1 Source", "¹ Source");
        let joined = marked.split('\n').filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
        assert_eq!(crate::parse(&joined).classification, with.classification);
        // One paragraph only, and whom it is for before its subject (before: nothing read joined,
        // the number's line not read at all).
        let short = "88. Telegram From the Embassy in the Soviet Union to the Department of State1 Moscow, March 3, \
                     1977, 1430Z. 3011. For the Secretary from Toon. Subject: Brezhnev Letter. 1. I delivered the \
                     letter this morning. Toon 1 Source: Carter Library. Secret; Immediate; Exdis.";
        let c = crate::parse(short);
        assert_eq!(
            (c.id.as_deref(), c.classification, c.subject.as_deref()),
            (Some("77MOSCOW3011"), Some(crate::model::Classification::Secret), Some("Brezhnev Letter"))
        );
        assert_eq!(
            (c.pass_through.as_slice(), c.signers.as_slice()),
            (["For the Secretary from Toon.".to_owned()].as_slice(), ["Toon".to_owned()].as_slice())
        );
    }

    /// Found by the property tests: the first 400 bytes looked into for a title ended inside a
    /// character, and a dateline at a line's very end was looked past.
    #[test]
    fn a_foreign_relations_title_is_looked_for_on_character_boundaries() {
        let line = format!("{}é Telegram From the Embassy in Greece to the Department of State1", "x".repeat(399));
        assert_eq!(frus_cuts(&line), None);
        assert_eq!(
            frus_cuts("Telegram From the Embassy in Greece to the Department of State1 Athens, May 17, 1974,"),
            None
        );
    }

    /// A later section's teletype separator, envelope and caption run into a paragraph (an
    /// archive's 1970s text joined by one space or two): each a line of its own, the text going
    /// on after the caption's serial; the caption's classification and post read.
    #[test]
    fn cuts_a_later_sections_envelope_out_of_a_paragraph() {
        let line = "MULTINATIONAL ENTERPRISES. ------------------000825 240551Z /10 FM AMEMBASSY PARIS TO SECSTATE \
                    WASHDC 2659 UNCLAS SECTION 02 OF 02 PARIS 41898 5. AGENDA ITEM VI";
        let pieces: Vec<&str> = section_pieces(line).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            pieces,
            [
                "MULTINATIONAL ENTERPRISES.",
                "------------------000825 240551Z /10",
                "FM AMEMBASSY PARIS",
                "TO SECSTATE WASHDC 2659",
                "UNCLAS SECTION 02 OF 02 PARIS 41898",
                "5. AGENDA ITEM VI"
            ]
        );
        // Its lines joined by two spaces, as a database export joins them.
        let two = pieces.join("  ");
        assert_eq!(section_pieces(&two).into_iter().map(|(p, _)| p.trim()).collect::<Vec<_>>(), pieces);
        // A rule of dashes in a text is none.
        assert_eq!(section_pieces("TEXT ---------- MORE TEXT").len(), 1);
        let long = "THE PRESIDENT IS FACING A VERY FLUID SITUATION AND THE PUBLIC IS WAITING FOR RESULTS";
        let text = format!("1. {long}. 2. {long}. 3. {long} {line}. {long}. RYAN");
        let c = crate::parse(&text);
        assert_eq!(
            (c.classification, c.origin.as_deref()),
            (Some(crate::model::Classification::Unclassified), Some("PARIS"))
        );
        assert_eq!(c.signers, ["RYAN"]);
    }

    /// A 1970s body run together whose numbers a copy lost or set after words with no full stop:
    /// `2.` after `ENTIRE TEXT`, `3.` after `END SUMMARY`, a `2.` lost altogether (`3.` then
    /// stands for itself); each paragraph found, and the signature.
    #[test]
    fn finds_paragraphs_after_closing_words_and_over_a_lost_number() {
        let long = "THE PRESIDENT IS FACING A VERY FLUID SITUATION AND THE PUBLIC IS WAITING FOR RESULTS";
        let numbers = |text: &str| {
            let c = crate::parse(text);
            let found: Vec<u32> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
            (found, c.signers)
        };
        let text =
            format!("1. C - ENTIRE TEXT 2. SUMMARY: {long}. END SUMMARY 3. AUGUST {long}. 4. HOWEVER {long}. BOGOSIAN");
        assert_eq!(numbers(&text), (vec![1, 2, 3, 4], vec!["BOGOSIAN".to_owned()]));
        let text = format!("1. {long}. WM I ALSO {long}. 3. {long}. 4. {long}. 5. {long}. BOSTER");
        assert_eq!(numbers(&text), (vec![1, 3, 4, 5], vec!["BOSTER".to_owned()]));
        // A summary longer than a few lines before paragraph 1 (`SUMMARY: … END SUMMARY. 1.`).
        let summary = [long; 6].join(". ");
        let text = format!("SUMMARY: {summary}. END SUMMARY. 1. {long}. 2. {long}. 3. {long}. TOON");
        assert_eq!(numbers(&text), (vec![1, 2, 3], vec!["TOON".to_owned()]));
        // A number is stepped over only when it is nowhere after (`3.` before a `2.` is text).
        let text = format!("1. {long}. 3. {long}. 2. {long}. 3. {long}. BOSTER");
        assert_eq!(numbers(&text), (vec![1, 2, 3], vec!["BOSTER".to_owned()]));
        // After a quoted text's `UNQUOTE`; a number glued to its first word (`3.I AM`), the
        // first after a title (`@ LAW COMMISSION 1.LEGAL COMITE`).
        let text = format!("1. {long}: QUOTE {long}. UNQUOTE 2. {long}. 3.I AM {long}. DALE");
        assert_eq!(numbers(&text), (vec![1, 2, 3], vec!["DALE".to_owned()]));
        let text = format!("@ LAW COMMISSION 1.LEGAL {long}. 2. {long}. 3. {long}. SCALI");
        assert_eq!(numbers(&text), (vec![1, 2, 3], vec!["SCALI".to_owned()]));
        // A telegram of one paragraph that the archive's trailer closes: its signature.
        let text = format!("1. {long}: A. {long}. B. {long}. SWANK NMAFVVZCZ");
        assert_eq!(numbers(&text), (vec![1], vec!["SWANK".to_owned()]));
        // A form's fields, numbered close together after words with no full stop (1977DAMASC04767).
        let text = format!(
            "1. 502 /DAMASCUS / T-89 2. JULY 22, 1977 3. MICHAEL DAVIS 4. 502 SYRIA 5. {long}. {long}. 6. {long}. MURPHY"
        );
        assert_eq!(numbers(&text), (vec![1, 2, 3, 4, 5, 6], vec!["MURPHY".to_owned()]));
        // Not a date's day among them (`…ON JANUARY 4. AFTER…`), nor a number alone after a word
        // (`…IN TOUCH 3. WE…` with no 2 and 4 near).
        let text = format!("1. {long}. 2. {long} IN TOUCH 3. WE {long}. 3. {long}. DALE");
        assert_eq!(numbers(&text).0, [1, 2, 3]);
        let text = format!("1. {long}. 2. {long}. 3. HE CAME ON JANUARY 4. AFTER TALKS HE LEFT. 4. {long}. DALE");
        let c = crate::parse(&text);
        let fourth = c.sections.iter().flat_map(|s| &s.paragraphs).find(|p| p.number == Some(4));
        assert!(fourth.is_some_and(|p| p.text.starts_with("THE PRESIDENT")), "{fourth:?}");
    }

    /// `Classified By:` written twice, as many 2010 pages give it (`Classified By: Classified by
    /// IO/DAS Gerald Anderson`, `Classified By: (U)  CLASSIFIED BY EAP DAS…`), run together with
    /// the caption: one field, its name read.
    #[test]
    fn reads_classified_by_written_twice_as_one_field() {
        for (written, name) in [
            (
                "Classified By: Classified by IO/DAS Gerald Anderson for reasons 1.4(b) and (d)",
                "IO/DAS Gerald Anderson",
            ),
            ("Classified By: (U)  CLASSIFIED BY EAP DAS DAVID SHEAR, REASON: 1.4 (C).", "EAP DAS DAVID SHEAR"),
        ] {
            let text = format!(
                "C O N F I D E N T I A L STATE 093970 SIPDIS E.O. 12958: DECL: 09/02/2018 TAGS: SENV, PREL \
                 SUBJECT: LIFELINES FOR IPCC WORKING GROUP ELECTION {written} ¶1. (U) This is an action message. \
                 ¶2. (C) Missions should act. CLINTON"
            );
            let c = crate::parse(&text);
            let by = c.classified_by.as_deref();
            assert!(by.is_some_and(|b| b.ends_with(name)), "{written}: {by:?}");
            assert!(!c.reasons.is_empty(), "{written}");
        }
    }

    /// The order cited for the reasons in `Classified By` (`REASON: E.O. 12958 1.4 (B) AND (D)`,
    /// `DCM Smith, E.O. 12958, reasons 1.4(b)`), run together with the rest: the field's, not the
    /// caption's `E.O.` line, whose declassification date stays read.
    #[test]
    fn keeps_the_order_cited_for_the_reasons_in_classified_by() {
        for written in [
            "CLASSIFIED BY: POLCOUNS JOHN SMITH. REASON: E.O. 12958 1.4 (B) AND (D)",
            "Classified By: DCM John Smith, E.O. 12958, reasons 1.4(b) and (d)",
            "Classified By: PolOff Jane Doe, for reasons E.O. 12958 1.4(b)(d)",
            "Classified By: Ambassador John Smith, E.O. 12958, as amended, Sec. 1.4 (b) and (d)",
        ] {
            let text = format!(
                "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000123 SIPDIS E.O. 12958: DECL: 02/14/2019 TAGS: \
                 PREL, PGOV, IZ SUBJECT: IRAQI MINISTER ON ELECTION PREPARATIONS {written} 1. (C) Summary: The \
                 minister said the elections would go ahead. End summary. 2. (C) He added that preparations were \
                 complete. HILL"
            );
            let c = crate::parse(&text);
            assert_eq!(c.reasons, ["1.4(b)", "1.4(d)"], "{written}");
            assert_eq!(c.declassify_on.as_deref(), Some("2019-02-14"), "{written}");
        }
    }

    /// A page's section marker run on before the signature, without its part number and in
    /// any case (`…End comment. BEIRUT 00000523 004 OF 004 SISON`, `Ankara 00000536 002 of 002
    /// Wilson`): a line of its own, the name after it the signature.
    #[test]
    fn sets_apart_a_section_marker_before_the_signature() {
        let long = "The minister met the Ambassador on Tuesday and spoke of the talks at length";
        for (post, marker, name) in
            [("BEIRUT", "BEIRUT 00000523 004 OF 004", "SISON"), ("ANKARA", "Ankara 00000523 002 of 002", "Wilson")]
        {
            let text = format!(
                "SECRET SECTION 01 OF 02 {post} 000523 E.O. 12958: DECL: 04/17/2018 TAGS: PREL SUBJECT: TALKS \
                 1. (S) {long}. 2. (S) {long}. End comment. {marker} {name}"
            );
            let c = crate::parse(&text);
            assert_eq!(c.signers, [name], "{marker}");
            assert!(c.removed.iter().any(|r| r.text == marker), "{marker}: {:?}", c.removed);
        }
    }

    /// A name run on after the last words with a lone full stop or ellipsis after it (`…with
    /// him. Llorens .`, `…END NOTE) KENNARD .`, `…in Khartoum. Whitehead ...`): the signature.
    #[test]
    fn reads_a_name_before_a_lone_full_stop() {
        let head = "UNCLAS MADRID 000518 E.O. 12958: N/A TAGS: PREL SUBJECT: TALKS \
                    1. (U) The minister met the Ambassador on Tuesday and spoke of the talks at length. \
                    2. (U) He will travel next week and stay in touch with him.";
        for (tail, name) in
            [("Llorens .", "Llorens"), ("(END NOTE) KENNARD .", "KENNARD"), ("Whitehead ...", "Whitehead")]
        {
            assert_eq!(crate::parse(&format!("{head} {tail}")).signers, [name], "{tail}");
        }
    }

    /// The post's classified website run on at a joined text's end, the name after it or before
    /// it: the website a line of its own (with its rules of stars or dashes, the pieces of its
    /// address a wrap cut apart, its second sentence), the name read as the signature.
    #[test]
    fn sets_apart_the_posts_classified_website_run_on_at_the_end() {
        let head = "UNCLAS PARIS 000123 E.O. 12958: N/A TAGS: PREL, FR SUBJECT: A TALK WITH THE MINISTER \
                    1. (U) The minister met the Ambassador on Tuesday and spoke of the talks at length. \
                    2. (U) He will travel next week. End Comment.";
        for (tail, signer) in [
            (
                "Please visit Paris' Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm Stapleton",
                "Stapleton",
            ),
            (
                "***** ***** Visit Embassy Rabat's Classified Website; http://www.intelink.sgov.gov/wiki/Portal:Moro cco \
                 ***** ***** KAPLAN",
                "KAPLAN",
            ),
            (
                "------ Visit Embassy Tel Aviv's Classified Website: http://www.state.sgov.gov/p/nea/telaviv You can \
                 also access this site through the State Department's Classified SIPRNET website. ------ Jones",
                "Jones",
            ),
            (
                "JEFFREY \u{201c}Visit Ankara's Classified Web Site at http://www.intelink.s gov.gov/wiki/Portal:Turkey\u{201d}",
                "JEFFREY",
            ),
        ] {
            let c = crate::parse(&format!("{head} {tail}"));
            assert_eq!(c.signers, [signer], "{tail}");
            let last = c.sections.iter().flat_map(|s| &s.paragraphs).rfind(|p| p.number.is_some());
            assert_eq!(last.map(|p| p.text.as_str()), Some("He will travel next week. End Comment."), "{tail}");
        }
    }

    /// A copy that kept its paragraphs apart but ran each one's lines together: the envelope's
    /// blocks and the caption's are broken at their fields (`FM` after the caption is a foreign
    /// minister, the subject's last words no signature), a heading and its rule run on into the
    /// paragraph under them get lines of their own, a paragraph run on after another is set
    /// apart (not a `2.` inside the first while paragraph 2 begins a line of its own), and the
    /// signature after the last words too.
    #[test]
    fn breaks_a_flowed_copy_at_its_fields_headings_and_paragraphs() {
        let long = "The Foreign Minister offered to resign if the opposition could prove that the government knew";
        let text = format!(
            "VZCZCXYZ0020 PP RUEHWEB\n\nDE RUEHLI #2365/01 2931652 ZNY SSSSS ZZH P 201652Z OCT 06 FM AMEMBASSY \
             LISBON TO RUEHC/SECSTATE WASHDC PRIORITY 5279\n\nS E C R E T LISBON 002365\n\nE.O. 12958: DECL: \
             10/19/2026 TAGS: PREL PGOV PO SUBJECT: PORTUGUESE FM OFFERS TO RESIGN OVER U.S. MILITARY FLIGHTS\n\n\
             Classified By: POL CHIEF TROY FITRELL, REASONS 1.4 (B,D)\n\n\
             1. (S) {long}, as follows: 1. one; 2. two.\n\n\
             Effect on Repatriation ---------------------- 2. (S) {long}. 3. (U) {long}. Visit Lisbon's \
             Classified Website: http://www.state.sgov.gov/p/eur/lisbon/index.c fm HOFFMAN\n"
        );
        assert!(needs_reflow(&text));
        let read = lines(&text);
        let at = |line: &str| read.iter().position(|l| l == line).unwrap_or_else(|| panic!("{line:?} in {read:#?}"));
        for line in [
            "VZCZCXYZ0020",
            "PP RUEHWEB",
            "DE RUEHLI #2365/01 2931652",
            "FM AMEMBASSY LISBON",
            "E.O. 12958: DECL: 10/19/2026",
            "TAGS: PREL PGOV PO",
            "SUBJECT: PORTUGUESE FM OFFERS TO RESIGN OVER U.S. MILITARY FLIGHTS",
            "Effect on Repatriation",
            "----------------------",
            "HOFFMAN",
        ] {
            at(line);
        }
        assert!(read[at("HOFFMAN") - 1].is_empty());
        assert!(read.iter().any(|l| l.starts_with("1. (S)") && l.ends_with("1. one; 2. two.")));
        // Under its heading's rule as the telegram wrote it; after a paragraph, a blank line.
        let k = read.iter().position(|l| l.starts_with("2. (S)")).expect("2. (S)");
        assert_eq!(read[k - 1], "----------------------");
        let k = read.iter().position(|l| l.starts_with("3. (U)")).expect("3. (U)");
        assert!(read[k - 1].is_empty());
        let c = crate::parse(&text);
        assert_eq!((c.tags.len(), c.signers.as_slice()), (3, ["HOFFMAN".to_owned()].as_slice()));
        let numbers: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        // Its breaks kept, the same telegram is no copy to re-break; a telegram may write two
        // caption fields on one line.
        assert!(!needs_reflow("S E C R E T LISBON 002365\n\nE.O. 12958: N/A TAGS: PREL\nSUBJECT: X\n\n1. (S) Text.\n"));
    }

    /// A text wrapped again at an e-mail's 72 columns, its fields and paragraphs begun mid-line
    /// and ended on the next: joined a block to a line, it reads as the telegram; the telegram
    /// itself, wrapped at its 69 columns, is no text wrapped again.
    #[test]
    fn joins_a_text_wrapped_again_before_breaking_it() {
        let telegram = "VZCZCXYZ0020\nPP RUEHWEB\n\nDE RUEHLI #2365/01 2931652\nZNY SSSSS ZZH\nP 201652Z OCT 06\n\
                        FM AMEMBASSY LISBON\nTO RUEHC/SECSTATE WASHDC PRIORITY 5279\n\nS E C R E T LISBON 002365\n\n\
                        E.O. 12958: DECL: 10/19/2026\nTAGS: PREL PGOV PO\nSUBJECT: PORTUGUESE FM OFFERS TO RESIGN\n\n";
        let paragraph = "The Foreign Minister offered to resign if the opposition could prove that the government \
                         knew of the flights, and the opposition said it would try.";
        let text = format!("{telegram}1. (S) {paragraph}\n\n2. (S) {paragraph}\n\nHOFFMAN\n");
        let (telegram, email) = (text.clone(), wrapped_again(&text, 72));
        assert!(!needs_reflow(&telegram));
        assert!(needs_reflow(&email), "{email}");
        // Each paragraph joined to one line again before the re-breaking.
        let joined = format!("1. (S) {paragraph}");
        assert!(lines(&email).contains(&joined), "{joined:?} in {:#?}", lines(&email));
        let (a, b) = (crate::parse(&telegram), crate::parse(&email));
        assert_eq!((a.id.as_deref(), a.tags.len(), a.signers.len()), (Some("06LISBON2365"), 3, 1));
        assert_eq!(
            (&b.id, &b.origin, &b.tags, &b.subject, &b.signers),
            (&a.id, &a.origin, &a.tags, &a.subject, &a.signers)
        );
        let numbers = |c: &crate::model::Cable| -> Vec<u32> {
            c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect()
        };
        assert_eq!(numbers(&b), [1, 2]);
    }

    /// Each block of `text` (its lines between blank ones) wrapped again at `width` columns.
    fn wrapped_again(text: &str, width: usize) -> String {
        let mut out = String::new();
        for block in text.split("\n\n") {
            let mut column = 0;
            for word in block.split_whitespace() {
                if column > 0 && column + 1 + word.len() > width {
                    out.push('\n');
                    column = 0;
                } else if column > 0 {
                    out.push(' ');
                    column += 1;
                }
                out.push_str(word);
                column += word.len();
            }
            out.push_str("\n\n");
        }
        out
    }

    /// A text wrapped again narrower than a telegram (a PDF's column, an e-mail at 60, a phone's
    /// screen): no line is long, but its header's fields begin inside its lines. Joined a block
    /// to a line, it reads as the telegram. A telegram keeps its fields at the start of lines,
    /// whatever ends its lines, and writes two on a line at most.
    #[test]
    fn joins_a_text_wrapped_again_narrower_than_a_telegram() {
        let telegram = "VZCZCXRO3114\nPP RUEHDBU RUEHFL\nDE RUEHAK #1905/01 2071211\nZNY SSSSS ZZH\n\
                        P 261211Z JUL 07\nFM AMEMBASSY ANKARA\nTO RUEHC/SECSTATE WASHDC PRIORITY 3133\n\
                        INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\nRUEHAM/AMEMBASSY AMMAN 0915\n\n\
                        S E C R E T SECTION 01 OF 02 ANKARA 001905\n\nSIPDIS\n\nE.O. 12958: DECL: 07/10/2017\n\
                        TAGS: PGOV PINR PBIO TU\nSUBJECT: TURKEY: AN INSIDER'S VIEW OF PRIME MINISTER ERDOGAN\n\n\
                        Classified By: Acting Political Counselor Kelly Degnan for reasons 1.4 (b,d)\n\n";
        let paragraph = "Prime Minister Erdogan, chairman of the ruling Justice and Development Party, \
                         keeps his own counsel, and his circle is small and growing smaller.";
        let text = format!("{telegram}1. (S) {paragraph}\n\n2. (S) {paragraph}\n\nWILSON\n");
        let read = |text: &str| {
            let c = crate::parse(text);
            let numbers: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
            format!(
                "{:?}",
                (c.id, c.date, c.origin, c.classification, c.tags, c.subject, c.classified_by, c.signers, numbers)
            )
        };
        assert!(!needs_reflow(&text));
        assert!(!needs_reflow(&text.replace('\n', "\r\n")));
        assert!(!needs_reflow(&text.replace('\n', "\r")));
        assert!(read(&text).contains("07ANKARA1905"), "{}", read(&text));
        for width in [40, 50, 55, 60, 65] {
            let copy = wrapped_again(&text, width);
            assert!(needs_reflow(&copy), "{width}: {copy}");
            assert_eq!(read(&copy), read(&text), "{width}: {copy}");
        }
        // A body wrapped at 40 columns with no header is no header wrapped again.
        assert!(!needs_reflow(&wrapped_again(&format!("1. {paragraph}\n\n2. {paragraph}\n"), 40)));
    }

    /// Lower-cased as well as run together: broken where its capitals would be, kept in its case.
    #[test]
    fn breaks_a_lower_cased_copy_where_its_capitals_would_be() {
        let text = "c o n f i d e n t i a l  new delhi 005734   e.o. 12958: decl: 09/09/2014 tags: prel, pter, \
                    in subject: india rattled by developments in bangladesh  ref: a. dhaka 3127  1. (c) summary: \
                    bangladesh watchers reacted.  2. (c) more text here.  pyatt";
        assert!(needs_reflow(text));
        let read = lines(text);
        for line in
            ["e.o. 12958: decl: 09/09/2014", "tags: prel, pter, in", "1. (c) summary: bangladesh watchers reacted."]
        {
            assert!(read.iter().any(|l| l == line), "{line:?} in {read:#?}");
        }
        assert_eq!(with_case_of("AB\n\nC D", "ab c   d"), "ab\n\nc d");
    }

    /// Run together on one line: the first paragraph after a field that ends in no full stop
    /// (a reference's date, a subject) when its mark or prose follows, or after a reference's
    /// serial in capitals, and the envelope's closing marks after the signature; an old
    /// telegram's date-time group run on into `FM` too.
    #[test]
    fn breaks_at_a_first_paragraph_after_a_field_and_before_closing_marks() {
        let text = "UNCLAS STATE 125686 E.O. 12958: N/A TAGS: AMGT, ASEC SUBJECT: HOLIDAY SEASON SECURITY \
                    REMINDER REF: A) 08 STATE 1234; B) EMAIL FROM DS/IP 12/01/08 1. This is an action request. \
                    See paragraph 3. 2. Posts should review their plans for the season. 3. Action request: \
                    confirm by December 20. CLINTON BT NNNN";
        assert!(needs_reflow(text));
        let read = lines(text);
        for line in ["1. This is an action request. See paragraph 3.", "CLINTON", "BT", "NNNN"] {
            assert!(read.iter().any(|l| l == line), "{line:?} in {read:#?}");
        }
        let c = crate::parse(text);
        let numbers: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
        assert_eq!(
            (numbers.as_slice(), c.signers.as_slice()),
            ([1, 2, 3].as_slice(), ["CLINTON".to_owned()].as_slice())
        );
        // In capitals, after a reference's serial.
        let caps = "C O N F I D E N T I A L ATHENS 2959 E.O. 11652: GDS TAGS: PFOR, GR, TU SUBJ: GREEK \
                    REACTION TO TURKISH OIL EXPLORATION REF: ATHENS 2870 1. SUMMARY: GREEK GOVERNMENT HAS \
                    PROTESTED. END SUMMARY. 2. WE EXPECT THE ISSUE TO GROW. TASCA CONFIDENTIAL NNN";
        let c = crate::parse(caps);
        let numbers: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).filter_map(|p| p.number).collect();
        assert_eq!((numbers.as_slice(), c.signers.as_slice()), ([1, 2].as_slice(), ["TASCA".to_owned()].as_slice()));
        assert_eq!(c.subject.as_deref(), Some("GREEK REACTION TO TURKISH OIL EXPLORATION"));
        // The classification at the page's foot after the signature is a closing mark too.
        let c = crate::parse(&text.replace("CLINTON BT NNNN", "CLINTON UNCLASSIFIED NNNN"));
        assert_eq!(c.signers, ["CLINTON"]);
        // And an export's mark of the cable's end; a closing note after the signature; the
        // envelope's close with the message's number.
        for end in [
            "====CABLE ENDS====",
            "End Cable Text",
            "NOTE BY OC/T: NOT PASSED TO ALL POSTS.",
            "(DRAFTED BY X)",
            "BT #0086 NNNN",
        ] {
            let c = crate::parse(&text.replace("BT NNNN", end));
            assert_eq!(c.signers, ["CLINTON"], "{end}");
        }
        let old = "P R 281848Z DEC 66 FM AMEMBASSY SAIGON TO SECSTATE WASHDC PRIORITY 1234 BT C O N F I D E N T I A L \
                   SAIGON 13456\n\nE.O. 11652: GDS TAGS: PINT, VS SUBJECT: (C) PROVINCIAL ELECTIONS\n\n1. (C) THE \
                   ELECTIONS PASSED QUIETLY.\n\nLODGE\n";
        let c = crate::parse(old);
        assert_eq!((c.id.as_deref(), c.signers.as_slice()), (Some("66SAIGON13456"), ["LODGE".to_owned()].as_slice()));
    }

    #[test]
    fn breaks_a_caption_block_at_its_fields() {
        let text = "C O N F I D E N T I A L  NEW DELHI 005734   E.O. 12958: DECL: 09/09/2014 TAGS: PREL, PTER, \
                    PGOV, BG, IN SUBJECT: INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH  REF: A. DHAKA 3127      B. \
                    NEW DELHI 5486  Classified By: PolCouns Geoffrey Pyatt.  Reason 1.5 (B,D)  1. (C) Summary: \
                    Bangladesh watchers reacted.  2. (C) More text here.  PYATT";
        assert!(needs_reflow(text));
        assert_eq!(
            lines(text),
            [
                "C O N F I D E N T I A L  NEW DELHI 005734",
                "E.O. 12958: DECL: 09/09/2014",
                "TAGS: PREL, PTER, PGOV, BG, IN",
                "SUBJECT: INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH",
                "REF: A. DHAKA 3127",
                "B. NEW DELHI 5486",
                "Classified By: PolCouns Geoffrey Pyatt.",
                "Reason 1.5 (B,D)",
                "",
                "1. (C) Summary: Bangladesh watchers reacted.",
                "",
                "2. (C) More text here.",
                "",
                "PYATT",
            ]
        );
        // The keyword before each item's label (it ran into the subject: `…BANGLADESH REF A: …`).
        let labelled = "C O N F I D E N T I A L  NEW DELHI 005734 TAGS: PREL, IN SUBJECT: INDIA RATTLED BY \
                        DEVELOPMENTS IN BANGLADESH REF A: DHAKA 3127 REF B: NEW DELHI 5486 Classified By: PolCouns \
                        Geoffrey Pyatt. 1. (C) Summary: Bangladesh watchers reacted. PYATT";
        let broken = lines(labelled);
        assert!(broken.contains(&"SUBJECT: INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH".to_owned()), "{broken:?}");
        assert!(broken.contains(&"REF A: DHAKA 3127".to_owned()), "{broken:?}");
        assert!(broken.contains(&"REF B: NEW DELHI 5486".to_owned()), "{broken:?}");
    }

    /// Captions run on after the envelope when the line breaks were lost, in the forms the
    /// 1970s and later wrote them: a 1970s serial not padded to six digits after a known post,
    /// handling after a slash or after the serial, `TOP SECRET` and `LIMITED OFFICIAL USE`
    /// spelled out or spaced, `UNCLAS E F T O` before a section. Each is the caption (before,
    /// seven of the eleven 1970s forms lost the classification and the ID; `TOP` was cut off).
    #[test]
    fn breaks_captions_of_every_form_run_on_after_the_envelope() {
        let cable = |caption: &str| {
            crate::parse(&format!(
                "R 171600Z MAY 74 FM AMEMBASSY ATHENS TO SECSTATE WASHDC 4321 INFO AMEMBASSY ANKARA {caption} \
                 E.O. 11652: GDS TAGS: PFOR, GR, TU SUBJECT: GREEK REACTION TO TURKISH OIL EXPLORATION REF: \
                 ATHENS 2870 1. GREEK GOVERNMENT HAS PROTESTED. 2. COMMENT: IT WILL GROW. END COMMENT. TASCA"
            ))
        };
        let cases: [(&str, Classification, &[&str]); 10] = [
            ("LIMITED OFFICIAL USE ATHENS 2959", Classification::LimitedOfficialUse, &[]),
            // A serial early in the year, not padded (`ATHENS 959`).
            ("UNCLAS SECTION 1 OF 2 ATHENS 959", Classification::Unclassified, &[]),
            ("L I M I T E D O F F I C I A L U S E ATHENS 2959", Classification::LimitedOfficialUse, &[]),
            ("CONFIDENTIAL ATHENS 2959 EXDIS", Classification::Confidential, &["EXDIS"]),
            ("SECRET/NODIS ATHENS 2959", Classification::Secret, &["NODIS"]),
            ("UNCLAS E F T O SECTION 01 OF 02 ATHENS 2959", Classification::Unclassified, &["EFTO"]),
            ("UNCLASSIFIED BUENOS AIRES 2959", Classification::Unclassified, &[]),
            ("TOP SECRET ATHENS 002959", Classification::TopSecret, &[]),
            ("T O P S E C R E T SECTION 01 OF 02 ATHENS 002959", Classification::TopSecret, &[]),
            ("SECRET ATHENS 002959 SECTION 1 OF 2", Classification::Secret, &[]),
        ];
        for (caption, classification, handling) in cases {
            let c = cable(caption);
            assert_eq!(c.classification, Some(classification), "{caption}");
            assert!(c.id.as_deref().is_some_and(|id| id.ends_with("959")), "{caption}: {:?}", c.id);
            assert_eq!(c.handling, handling, "{caption}");
            assert_eq!(
                (c.subject.is_some(), c.signers.as_slice()),
                (true, ["TASCA".to_owned()].as_slice()),
                "{caption}"
            );
            assert!(c.unknown.is_empty(), "{caption}: {:?}", c.unknown);
        }
        // Addressees with no routing indicators, one after another (before, one addressee).
        let c = cable("AMEMBASSY NICOSIA USMISSION NATO LIMITED OFFICIAL USE ATHENS 2959");
        let names: Vec<&str> = c.info.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["AMEMBASSY ANKARA", "AMEMBASSY NICOSIA", "USMISSION NATO"]);
        assert_eq!(c.classification, Some(Classification::LimitedOfficialUse));
        // A caption of more than one word after the serial stands on its own line, as written.
        let broken = lines(
            "UNCLAS SECTION 01 OF 03 PRETORIA 000939 SENSITIVE BUT UNCLASSIFIED SIPDIS EO 12958 N/A \
                            TAGS KDEM, SF SUBJECT: THE LIFE AND TIMES 1. (SBU) Summary: Jacob Zuma rose. KLEIN",
        );
        assert_eq!(broken[..3], ["UNCLAS SECTION 01 OF 03 PRETORIA 000939", "SENSITIVE BUT UNCLASSIFIED", "SIPDIS"]);
    }

    /// A text whose first paragraph has no number: it begins after the last field's two spaces,
    /// and is not read as more of that field (it was: the REF held the whole text). A subject in
    /// title case after `SUBJECT:` and its two spaces is the subject, not prose.
    #[test]
    fn an_unnumbered_first_paragraph_ends_the_header() {
        let text = "UNCLAS NEW DELHI 006967  SIPDIS  PASS TO DOE - A. BIENIAWSKI  E.O. 12958: N/A TAGS: AORC, \
                    PTER, IN SUBJECT:  Bio-Security Initiatives With India  REF: A. STATE 233267  B. NEW DELHI 6500  \
                    As instructed in Ref A, Poloff delivered the talking points to the Under Secretary on November \
                    1.  Kapoor did not offer a response, but said that she would respond.  MULFORD";
        assert_eq!(
            lines(text),
            [
                "UNCLAS NEW DELHI 006967",
                "SIPDIS",
                "PASS TO DOE - A. BIENIAWSKI",
                "E.O. 12958: N/A",
                "TAGS: AORC, PTER, IN",
                "SUBJECT:  Bio-Security Initiatives With India",
                "REF: A. STATE 233267",
                "B. NEW DELHI 6500",
                "",
                "As instructed in Ref A, Poloff delivered the talking points to the Under Secretary on November \
                 1.  Kapoor did not offer a response, but said that she would respond.",
                "",
                "MULFORD",
            ]
        );
        let cable = crate::parse(text);
        assert_eq!(cable.subject.as_deref(), Some("Bio-Security Initiatives With India"));
        let refs: Vec<&str> = cable.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(refs, ["STATE 233267", "NEW DELHI 6500"]);
        assert!(cable.sections[0].paragraphs[0].text.starts_with("As instructed in Ref A, Poloff delivered"));
        assert_eq!(cable.signers, ["MULFORD"]);
    }

    /// A page of 2010 whose lines were joined by one space (a PDF's text layer): addressees
    /// without routing indicators, a caption with an office line after its serial, a subject in
    /// capitals before mixed-case text, headings, `¶` numbers, bullets and a page header.
    #[test]
    fn breaks_a_page_joined_by_single_spaces() {
        let text = "O 310653Z JUL 08 FM AMEMBASSY KABUL TO SECSTATE WASHDC IMMEDIATE 4937 INFO AFGHANISTAN \
                    COLLECTIVE PRIORITY CIA WASHINGTON DC PRIORITY C O N F I D E N T I A L SECTION 01 OF 02 KABUL \
                    001975 STATE FOR SCA/FO NSC PASS FOR WOOD EO 12958 DECL: 07/30/2018 TAGS PGOV, AF SUBJECT: \
                    EX-TALIBAN SEEK KABUL 00001975 001.2 OF 002 MEDIATION ROLE Sensitive But Unclassified. Please \
                    protect. Summary ¶1. (C) On July 29, the FM met the Ambassador. He listed: -- Force alone \
                    cannot win. -- Talks can. End Summary. The Plan ¶2. (C) More text here. WOOD";
        assert!(needs_reflow(text));
        assert_eq!(
            lines(text),
            [
                "O 310653Z JUL 08",
                "FM AMEMBASSY KABUL",
                "TO SECSTATE WASHDC IMMEDIATE 4937",
                "INFO AFGHANISTAN COLLECTIVE PRIORITY",
                "CIA WASHINGTON DC PRIORITY",
                "C O N F I D E N T I A L SECTION 01 OF 02 KABUL 001975",
                "STATE FOR SCA/FO NSC PASS FOR WOOD",
                "EO 12958 DECL: 07/30/2018",
                "TAGS PGOV, AF",
                "SUBJECT: EX-TALIBAN SEEK",
                "KABUL 00001975 001.2 OF 002",
                "MEDIATION ROLE",
                "",
                "Sensitive But Unclassified. Please protect.",
                "",
                "Summary",
                "",
                "¶1. (C) On July 29, the FM met the Ambassador. He listed:",
                "",
                "-- Force alone cannot win.",
                "",
                "-- Talks can. End Summary.",
                "",
                "The Plan",
                "",
                "¶2. (C) More text here.",
                "",
                "WOOD",
            ]
        );
        let cable = crate::parse(text);
        assert_eq!(cable.subject.as_deref(), Some("EX-TALIBAN SEEK MEDIATION ROLE"));
        assert_eq!(cable.id.as_deref(), Some("08KABUL1975"));
        assert_eq!(cable.to.len() + cable.info.len(), 3);
        let titles: Vec<_> = cable.sections.iter().filter_map(|s| s.title.as_deref()).collect();
        assert_eq!(titles, ["Summary", "The Plan"]);
    }

    /// After a subject: its rule and a heading between rules, a page header whose words kept a
    /// line's two spaces, and a paragraph in capitals opened by its portion mark.
    #[test]
    fn ends_a_joined_subject_at_its_rule_page_header_or_mark() {
        let text = "S E C R E T SECTION 01 OF 03 PRETORIA 000939 E.O. 12958: N/A TAGS: PREL, SF SUBJECT: PART \
                    1 OF 3: THE LIFE PRETORIA 00000939  001.2 OF 003 AND TIMES ------- Summary ------- ¶1. (SBU) \
                    Zuma is the next President.";
        assert_eq!(
            lines(text),
            [
                "S E C R E T SECTION 01 OF 03 PRETORIA 000939",
                "E.O. 12958: N/A",
                "TAGS: PREL, SF",
                "SUBJECT: PART 1 OF 3: THE LIFE",
                "PRETORIA 00000939  001.2 OF 003",
                "AND TIMES",
                "-------",
                "Summary",
                "-------",
                "¶1. (SBU) Zuma is the next President.",
            ]
        );
        let cable = crate::parse(text);
        assert_eq!(cable.subject.as_deref(), Some("PART 1 OF 3: THE LIFE AND TIMES"));
        assert_eq!(cable.sections[0].title.as_deref(), Some("Summary"));
        let text = "UNCLAS SECTION 01 OF 02 BRASILIA 001516 E.O. 12958: N/A TAGS: SENV, BR SUBJECT: BRAZIL IS \
                    PROUD OF ITS APPROACH (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED. ¶1. (SBU) The Government of \
                    Brazil expressed disappointment with the conference.";
        let cable = crate::parse(text);
        assert_eq!(cable.subject.as_deref(), Some("BRAZIL IS PROUD OF ITS APPROACH"));
    }

    #[test]
    fn breaks_glued_envelope_fields() {
        let text = "VZCZCXRO0001 OO RUEHDBU DE RUEHAK #1234/01 2231453 ZNY CCCCC ZZHP 111453Z AUG 06FM AMEMBASSY \
                    ANKARATO RUEHC/SECSTATE WASHDC PRIORITY 1234 INFO RUEHIT/AMCONSUL ISTANBUL 5678 BT C O N F I D E \
                    N T I A L ANKARA 004688 SIPDISSIPDISE.O. 12958: DECL: 08/11/2016 TAGS: PREL, TU SUBJECT: X  1. \
                    (C) Text.";
        let got = lines(text);
        assert_eq!(
            got,
            [
                "VZCZCXRO0001",
                "OO RUEHDBU",
                "DE RUEHAK #1234/01 2231453",
                "ZNY CCCCC ZZH",
                "P 111453Z AUG 06",
                "FM AMEMBASSY ANKARA",
                "TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
                "INFO RUEHIT/AMCONSUL ISTANBUL 5678",
                "BT",
                "C O N F I D E N T I A L ANKARA 004688",
                "SIPDIS",
                "SIPDIS",
                "E.O. 12958: DECL: 08/11/2016",
                "TAGS: PREL, TU",
                "SUBJECT: X",
                "",
                "1. (C) Text.",
            ]
        );
    }

    #[test]
    fn breaks_an_envelope_run_together_without_its_caption() {
        // A partial extract kept only to its addressees (06KABUL3934's page), its breaks lost: no
        // TAGS or SUBJECT to find, and still an envelope.
        let text = "VZCZCXRO3979 PP RUEHDBU RUEHIK DE RUEHBUL #3934/01 2460836 ZNR UUUUU ZZH P 030836Z SEP 06 FM \
                    AMEMBASSY KABUL TO RUEHC/SECSTATE WASHDC PRIORITY 2240 INFO RUCNAFG/AFGHANISTAN COLLECTIVE \
                    RUEAIIA/CIA WASHINGTON DC RUEHNO/USMISSION USNATO 2936";
        assert!(needs_reflow(text));
        assert_eq!(
            lines(text),
            [
                "VZCZCXRO3979",
                "PP RUEHDBU RUEHIK",
                "DE RUEHBUL #3934/01 2460836",
                "ZNR UUUUU ZZH",
                "P 030836Z SEP 06",
                "FM AMEMBASSY KABUL",
                "TO RUEHC/SECSTATE WASHDC PRIORITY 2240",
                "INFO RUCNAFG/AFGHANISTAN COLLECTIVE",
                "RUEAIIA/CIA WASHINGTON DC",
                "RUEHNO/USMISSION USNATO 2936",
            ]
        );
        // `VZCZC…` before prose, or before nothing of the envelope, is not an envelope run together.
        let prose = "VZCZCXRO3979 The minister said that the delegation would come to Kabul in September, \
                     and that the de facto talks were over. ";
        assert!(!needs_reflow(&prose.repeat(3)));
    }

    #[test]
    fn skips_over_withheld_paragraphs_but_not_to_a_date() {
        // 2010 pages left paragraphs out (`¶1.` then `¶3.`), and put a pilcrow before a date that
        // began a line (`November ¶16.`): the first is a paragraph, the second is not, since the
        // paragraph expected (`¶3.`) comes after it.
        let text = "UNCLAS SECTION 01 OF 02 HARARE 000888 SIPDIS E.O. 12958: N/A TAGS: PGOV, ZI SUBJECT: \
                    ZIM NOTES ¶1. Topics of the week. ¶3. The Ambassador met the Prime Minister November \
                    ¶16. The meeting went well. ¶4. (C) The Minister said little. ¶7. (U) End.";
        let got = lines(text);
        let paragraphs: Vec<&str> = got.iter().map(String::as_str).filter(|l| l.starts_with('¶')).collect();
        assert_eq!(
            paragraphs,
            [
                "¶1. Topics of the week.",
                "¶3. The Ambassador met the Prime Minister November ¶16. The meeting went well.",
                "¶4. (C) The Minister said little.",
                "¶7. (U) End.",
            ]
        );
    }

    #[test]
    fn breaks_before_a_marked_number_after_a_heading_or_a_quote() {
        // No pilcrows (a telegram's own text): the number expected with its portion mark begins a
        // paragraph after a heading run on before it or a closing quote mark, never after a word
        // that cites a paragraph.
        let text = "CONFIDENTIAL SECTION 01 OF 02 MADRID 000154 SIPDIS E.O. 12958: DECL: 02/17/2020 TAGS: \
                    PREL, SP SUBJECT: NOTES 1. (C) Summary: the talks went on. End Summary. Reaching out \
                    to the Regions 2. (SBU) The Ambassador said \u{201c}no.\u{201d} 3. (C) As in para 4. (C) \
                    above, more. //THE END// 4. (U) Done.";
        let got = lines(text);
        let paragraphs: Vec<&str> =
            got.iter().map(String::as_str).filter(|l| l.starts_with(char::is_numeric)).collect();
        assert_eq!(
            paragraphs,
            [
                "1. (C) Summary: the talks went on. End Summary.",
                "2. (SBU) The Ambassador said \u{201c}no.\u{201d}",
                "3. (C) As in para 4. (C) above, more.",
                "4. (U) Done.",
            ]
        );
    }

    #[test]
    fn a_heading_is_as_long_as_the_rule_under_it() {
        // Run on between two paragraphs: the heading the rule underlines, however it ends and
        // whatever stands before it (a list's last line, a rule above, a first line in a colon).
        let cases = [
            ("…dead end with its Pakistan policy.  Whither Reform? ---------------", "Whither Reform?"),
            ("…End Summary. Getting to Know You (Again) ---------------------------", "Getting to Know You (Again)"),
            ("…Maj. Greg Winston, US Embassy New Delhi, ODC  GOI Participants ----------------", "GOI Participants"),
            (
                "…in the 1990s. Reactions - Call for Action? Plea for Sympathy? --------------------------------------------- --",
                "Reactions - Call for Action? Plea for Sympathy?",
            ),
            (
                "…with the U.K. NATO and ESDP:  Inseparably Linked - - - - - - - - - - - - - - - - - -",
                "NATO and ESDP:  Inseparably Linked",
            ),
            (
                "…cocaine cases. ------------------------------------- INCOMPETENCE? LACK OF WILL? OR WORSE? -------------------------------------",
                "INCOMPETENCE? LACK OF WILL? OR WORSE?",
            ),
            (
                "…air strikes. PRINCE KHALID'S REPUTATION: ANOTHER CASUALTY OF THE WAR? ----------------------------",
                "PRINCE KHALID'S REPUTATION: ANOTHER CASUALTY OF THE WAR?",
            ),
            (
                "…IS UNTRUE. HIZBALLAH RESPONSE - DON\u{2019}T TOUCH! ---------------------------------",
                "HIZBALLAH RESPONSE - DON\u{2019}T TOUCH!",
            ),
            ("…are in Iran. \"Krysha\" --------", "\"Krysha\""),
            // A rule shorter than its heading: the heading after the sentence's end.
            ("…as he said. Comment and Action Request ---------", "Comment and Action Request"),
        ];
        for (text, heading) in cases {
            let line = format!("{text}  2. (C) More.");
            let at = line.find("2. (C)").unwrap();
            let start = heading_before(&line, at).unwrap_or_else(|| panic!("no heading in {text}"));
            assert!(line[start..].starts_with(heading), "{text}: {}", &line[start..]);
        }
        // Within a paragraph, a rule's length in words is no heading (`…the first ten words
        // of a sentence ----`: no capital where the length leads).
        let line = "…the talks went on and on and on. the rest of it ---------------  2. (C) More.";
        assert_eq!(heading_before(line, line.find("2. (C)").unwrap()), None);
    }

    #[test]
    fn a_cable_with_its_line_breaks_is_not_re_broken() {
        // One junk line that does hold run-together fields (hostile payloads), in an otherwise
        // broken cable: the line alone would be re-broken; as a small part of the text it is not.
        let junk = "C O N F I D E N T I A L STATE 000001 TAGS: PREL SUBJECT: REPEATED ".repeat(4);
        assert!(needs_reflow(&junk), "the junk line alone reads as run together");
        let cable = format!(
            "{junk}\nC O N F I D E N T I A L STATE 000030\n\nSUBJECT: PAYLOAD\n{}",
            "1. (C) Text.\n".repeat(60)
        );
        assert!(!needs_reflow(&cable));
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let paragraph = "1. (C) The minister said that the tags on the crates were wrong, and the subject of the \
                         talks was trade. "
            .repeat(4);
        assert!(!needs_reflow(&paragraph));
        assert_eq!(reflow("a\nb\n"), "a\nb\n");
    }
}
