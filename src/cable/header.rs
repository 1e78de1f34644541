//! The envelope and the caption block: everything before the first body
//! paragraph. One pass over the lines; each line is recognised by its form
//! (the order of header lines varies in the wild, and pasted copies lose or
//! repeat some), with `Mode` saying which field a continuation line extends.

use super::builder::Builder;
use super::fields::frus;
use super::fields::keywords;
use super::fields::subject::strip_subject_keyword;
use super::fields::{
    addressees, classification, classified_by, distribution, dtg, envelope, eo, printout, refs, subject, tags,
};
use super::lines::{collapse_ws, starts_with_ci, strip_markdown_links};
use super::model::{DateSource, Debris, DiagnosticKind, Field, Precedence, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Mode {
    #[default]
    None,
    Routing,
    To,
    Info,
    /// After an `XMT` line: more excluded posts, until an addressee with a route.
    XmtTo,
    XmtInfo,
    Subject,
    Tags,
    Ref,
    ClassifiedBy,
    /// After `ACTION`/`INFO` distribution lines: more offices.
    Distribution,
    /// After `DRAFTED BY` or `APPROVED BY`: the clearances.
    Drafting,
}

/// What the header collected in multi-line fields, finished after the loop.
#[derive(Default)]
struct Buffers {
    subject: String,
    subject_line: Option<usize>,
    tags: String,
    classified_by: String,
    /// REF blocks: their text, with line breaks kept as spaces.
    refs: Vec<String>,
    /// The next bullet letter a REF block continues with after a blank line.
    ref_next: u8,
}

#[derive(Default, Clone, Copy)]
#[allow(clippy::struct_excessive_bools, reason = "one flag per caption field seen; a bit set would hide the names")]
struct Seen {
    envelope: bool,
    caption: bool,
    eo: bool,
    tags: bool,
    subject: bool,
    classified_by: bool,
}

impl Seen {
    fn any(self) -> bool {
        self.envelope || self.caption || self.eo || self.tags || self.subject || self.classified_by
    }
}

/// What the header reader carries from line to line.
#[derive(Default)]
struct Header {
    /// Which field a continuation line extends.
    mode: Mode,
    /// A blank line came before this one.
    gap: bool,
    seen: Seen,
    buf: Buffers,
    /// The first line that proves a header exists (junk before it is reported, not read).
    anchor: Option<usize>,
    /// The last line read was a PDF's page furniture.
    page_break: bool,
    /// Who sent the telegram, as the title of a document of the *Foreign Relations of the United
    /// States* names them (`the Embassy in Greece`): its place and number lines follow.
    frus_from: Option<String>,
}

/// Reads the header and returns the index of the first body line.
pub fn parse_header(p: &mut Builder<'_>) -> usize {
    // What stands above the telegram's first line may be a copy's: an e-mail's header, a PlusD
    // page's metadata rows (nearly always nothing does).
    let first = p.lines.iter().find(|l| !l.is_blank()).map(|l| l.text);
    let opens_otherwise = first.is_some_and(|t| !is_telegram_line(t));
    if opens_otherwise {
        let start = telegram_start(p);
        set_aside_mail_headers(p, start);
        read_plusd_rows(p, start);
        read_cablegate_rows(p, start);
    }
    // And under its last line, the archive's record of it, or an edition's footnotes.
    read_record(p);
    read_frus_notes(p);
    // A page's words above the telegram, once what is above and under it is known.
    if opens_otherwise {
        set_aside_page_above(p);
    }
    set_aside_page_below(p);
    // A second cable pasted after the first: the text ends there for the first.
    set_aside_second_cable(p);
    let mut h = Header { anchor: find_anchor(p), ..Header::default() };
    let after_body = header_after_body(p);
    let mut i = after_body.unwrap_or(0);
    while i < p.end {
        let line = p.lines[i];
        if line.is_blank() {
            // A run of blank lines at once (each one's effect is the same): the next line read
            // is the first after it, so the run is looked past once, not once per blank line.
            let next = p.lines[i..].iter().position(|l| !l.is_blank()).map_or(p.lines.len(), |k| i + k);
            // The blank lines around a PDF's page furniture are no gap: a field goes on
            // across them as across the page break itself.
            let page_break = h.page_break || p.is_furniture(next);
            let subject_goes_on = i > 0 && next == i + 1 && h.subject_wraps_across_a_blank(p, i - 1, next);
            if !page_break && !subject_goes_on {
                h.gap = true;
                // REF blocks and the reasons of `Classified By` may continue after a
                // blank line or a page break (07PARIS170: `1.4 (B) AND (D).` on page 2).
                if !matches!(h.mode, Mode::Ref | Mode::ClassifiedBy) {
                    h.mode = Mode::None;
                }
            }
            i = next;
            continue;
        }
        // A line read with the one before it (a caption's wrapped telegram number).
        if p.is_held(i) {
            i += 1;
            continue;
        }
        let cleaned = strip_markdown_links(line.text);
        let text = cleaned.trim_start_matches('¶').trim();
        h.page_break = p.is_furniture(i);
        if let Some(next) = h.line(p, i, text) {
            h.mode = next;
        } else if !h.continuation(p, i, text) {
            break;
        }
        h.gap = h.gap && h.page_break;
        i += 1;
        // A section's header found after the body's first paragraphs ends with its caption:
        // the text goes on after it.
        if after_body.is_some() && h.seen.caption {
            while p.is_held(i) {
                i += 1;
            }
            break;
        }
    }
    finish(p, &mut h.buf);
    i
}

/// Where the header begins in a text that opens with its first numbered paragraph (an
/// archive's text of a telegram's body): at the teletype's separator before the second
/// section, whose envelope and caption follow it (`------------------000825 240551Z /10`,
/// `FM AMEMBASSY PARIS`, `TO SECSTATE WASHDC 2659`, `UNCLAS SECTION 02 OF 02 PARIS 41898`).
/// The paragraphs before it are the body's (`body::body_before_header`).
fn header_after_body(p: &Builder<'_>) -> Option<usize> {
    super::body::opens_with_paragraph_one(p)?;
    let separator = p.lines.iter().position(|l| super::shapes::is_teletype_separator(l.text))?;
    let next = p.lines[separator + 1..].iter().find(|l| !l.is_blank())?;
    next.text.starts_with("FM ").then_some(separator)
}

impl Header {
    /// A line that is no header line by its own form: it continues the field before it, or
    /// addresses the cable within the office, or (returning `false`) the body begins.
    fn continuation(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> bool {
        let (mode, gap, seen) = (self.mode, self.gap, self.seen);
        let start = super::shapes::paragraph_start(text);
        // A REF block alone at the top of a telegram's body (an archive's text, no caption) ends
        // at the first numbered paragraph, a blank line between them or not (`(C) BUCHAREST` /
        // `1. (C-ENTIRE TEXT)`, a copy that lost its blank lines).
        let ends_refs = mode == Mode::Ref && start.as_ref().is_some_and(|s| s.number.is_some());
        if start.is_some_and(|s| s.number.is_some() || s.marking.is_some()) && (seen.any() || ends_refs) {
            return false;
        } else if !gap && mode != Mode::None && marks_entire_text(text) {
            // The mark of a 1970s telegram's whole text opening a line (`(C - ENTIRE TEXT)
            // INTRODUCTION: …`, its paragraph unnumbered, no blank line above): the body's.
            return false;
        } else if matches!(mode, Mode::ClassifiedBy | Mode::Ref)
            && (crate::lines::is_rule(text)
                || p.lines
                    .get(i + 1)
                    .is_some_and(|l| crate::lines::is_rule(l.text) && crate::lines::underlines(l.text, text)))
        {
            // A rule under `Classified By` or the references is the body's: a heading's, ruled
            // above and below or underlined (`--------` / `SUMMARY` / `--------`, `Summary` /
            // `-------`, no blank line above it).
            return false;
        } else if matches!(mode, Mode::Subject | Mode::Tags) && !gap && crate::lines::is_rule(text) {
            // A line of dashes under the SUBJECT ends it.
            p.remove(i, Debris::Rule);
            self.mode = Mode::None;
        } else if matches!(mode, Mode::Subject | Mode::Tags) && !gap && body_under_subject_or_tags(p, i, mode, text) {
            return false;
        } else if matches!(mode, Mode::Subject | Mode::Tags) && !gap && !self.sentence_after_subject(p, text) {
            let (own, next) = run_on(text);
            if mode == Mode::Subject {
                crate::lines::join_wrapped(&mut self.buf.subject, own);
            } else {
                self.buf.tags.push(' ');
                self.buf.tags.push_str(own);
            }
            p.hold(i, if mode == Mode::Subject { Field::Subject } else { Field::Tags });
            if let Some(rest) = next {
                self.mode = self.field(p, i, rest, false).unwrap_or(Mode::None);
            }
        } else if mode == Mode::ClassifiedBy
            && !gap
            && self.buf.classified_by.bytes().any(|c| c.is_ascii_digit())
            && !text.bytes().any(|c| c.is_ascii_digit() || c == b'(' || c == b')')
            && text.starts_with(|c: char| c.is_uppercase())
            && p.lines
                .get(i + 1)
                .and_then(|l| super::shapes::paragraph_start(l.text))
                .is_some_and(|s| s.number.is_some())
        {
            // After the reasons, a line of words over the first numbered paragraph is the
            // body's heading (`…reasons 1.4 (b) and (d)` / `SUMMARY` / `1. (S) …`, the blank
            // lines lost).
            return false;
        } else if !gap && matches!(mode, Mode::ClassifiedBy | Mode::Ref) && prose_under_field(mode, text) {
            // A sentence under `Classified By` or the references, no blank line between (a copy
            // that lost its blank lines, its first paragraph unnumbered): the body's first line.
            return false;
        } else if mode == Mode::ClassifiedBy && (!gap || is_reason_line(text)) {
            classified_by::join_continuation(&mut self.buf.classified_by, text);
            p.hold(i, Field::ClassifiedBy);
        } else if mode == Mode::Ref
            && (!gap
                || refs::find_bullet(text, self.buf.ref_next).is_some_and(|(at, _)| at == 0)
                || self.buf.refs.last().is_some_and(|block| refs::continues_after_gap(block, text)))
        {
            if let Some(block) = self.buf.refs.last_mut() {
                block.push(' ');
                block.push_str(text);
            }
            advance_ref_letter(&mut self.buf);
            p.hold(i, Field::References);
        } else if matches!(mode, Mode::To | Mode::Info | Mode::XmtTo | Mode::XmtInfo) && !gap {
            let list = if matches!(mode, Mode::To | Mode::XmtTo) { Mode::To } else { Mode::Info };
            let shaped = p.shaped(text);
            add_addressee(p, i, &shaped, list);
            self.mode = list;
        } else if seen.caption && !seen.eo && !seen.tags && !seen.subject {
            // Lines between the caption and the E.O. line address the cable within
            // the receiving office (`DEPT FOR NEA/MAG AND DRL`, `NSC FOR FRIED`); the E.O.
            // line may follow on the same line when the breaks were lost
            // (`DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012`).
            let eo_at = eo::find_eo(text);
            let before = text[..eo_at.unwrap_or(text.len())].trim();
            // `SIPDIS E.O. 12958: N/A`: a caption before it is a caption.
            let field = if let Some(handling) = classification::handling_line(before).filter(|_| eo_at.is_some()) {
                for h in handling {
                    p.handling(h);
                }
                Field::ExecutiveOrder
            } else {
                p.cable.pass_through.push(collapse_ws(before));
                Field::PassThrough
            };
            p.hold(i, field);
            if let Some(at) = eo_at {
                self.mode = self.field(p, i, &text[at..], false).unwrap_or(Mode::None);
            }
        } else if seen.subject || seen.classified_by || seen.tags || seen.eo {
            return false;
        } else if !seen.any() && self.anchor.is_none_or(|a| i > a) {
            // No header at all: a fragment that is only a body.
            return false;
        } else if mode == Mode::Ref {
            // Before the header proper (a note, a database dump line): not ours to read,
            // and reported in `unknown`.
            self.mode = Mode::None;
        }
        true
    }

    /// A SUBJECT wrapped onto a line after one blank line, as a double-spaced copy (a PDF's text)
    /// gives it (`…WITH PRESIDENTIAL FOREIGN` / blank / `POLICY ADVISOR RATKOVIC` / blank /
    /// `REF: …`): the subject's line is as long as a wrapped one and stops mid-phrase, the line
    /// after the blank is a short one of the same case, and the header goes on after it.
    fn subject_wraps_across_a_blank(&self, p: &Builder<'_>, before: usize, next: usize) -> bool {
        if self.mode != Mode::Subject || self.gap {
            return false;
        }
        // A blank run that ends the text has no line after it.
        let (Some(last), Some(line)) = (p.lines.get(before), p.lines.get(next)) else { return false };
        let (last, line) = (last.text, line.text);
        let wrapped = last.len() >= 45 && !last.ends_with(['.', '?', '!', ':', ';']);
        let caps = |t: &str| !t.bytes().any(|b| b.is_ascii_lowercase());
        let short = line.len() <= 60 && !line.ends_with(':') && caps(line) == caps(last);
        let own_field =
            is_field_line(line) || super::shapes::paragraph_start(line).is_some() || crate::lines::is_rule(line);
        // After one more blank line, a caption field or the first paragraph.
        let after = p.lines.get(next + 2).filter(|_| p.lines.get(next + 1).is_some_and(super::lines::Line::is_blank));
        let header_goes_on = after.is_some_and(|l| {
            is_field_line(l.text) || super::shapes::paragraph_start(l.text).is_some_and(|s| s.number.is_some())
        });
        wrapped && short && !own_field && header_goes_on
    }

    /// A line in mixed case under a SUBJECT in capitals is the text's, not the subject's
    /// (`…AT U.S.-EU SUMMIT` / `This is an Action request. Please see para 2.`).
    fn sentence_after_subject(&self, p: &Builder<'_>, text: &str) -> bool {
        let subject = &self.buf.subject;
        self.mode == Mode::Subject
            && !p.caseless
            && subject.bytes().any(|b| b.is_ascii_uppercase())
            && !subject.bytes().any(|b| b.is_ascii_lowercase())
            && text.split_whitespace().filter(|w| w.bytes().any(|b| b.is_ascii_lowercase())).count() >= 2
    }

    /// Reads a line by its form. Returns the mode that continuation lines extend,
    /// or `None` when the line is not a header line.
    fn line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        // The envelope's codes are read in capitals, as teletypes wrote them, from a copy
        // lower-cased whole too (`de ruehak #1905/01`); the caption's words stay as written.
        let shaped = p.shaped(text);
        self.copy_line(p, i, text)
            .or_else(|| self.envelope_line(p, i, &shaped))
            .or_else(|| self.caption_line(p, i, text))
    }

    /// Lines a copy adds around the telegram: the partial-extract note, a container's
    /// metadata lines and markers, a press copy's dateline, a print-out's headings.
    fn copy_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        if let Some(mode) = self.frus_line(p, i, text) {
            return Some(mode);
        }
        if starts_with_ci(text, "This record is a partial extract") {
            p.cable.partial = true;
            p.hold(i, Field::Partial);
            return Some(Mode::None);
        }
        // The text files made from cables.csv open with `refid: …` lines (the container's metadata).
        if !self.seen.caption && !self.seen.envelope {
            if let Some((key, value)) = crate::container::export_field(text) {
                export_field(p, i, key, value);
                if key == "header" && !value.is_empty() {
                    return self.line(p, i, value);
                }
                return Some(Mode::None);
            }
        }
        if crate::container::export_marker(text) || super::body::ends_text(p, i) {
            p.remove(i, Debris::Container);
            return Some(Mode::None);
        }
        // A date without a date-time group: a press copy's dateline or a print-out's heading.
        let dated = dtg::parse_dateline(text)
            .map(|d| (d, DateSource::Dateline))
            .or_else(|| printout::parse_telegram_date(text).map(|d| (d, DateSource::Printout)));
        if let Some((date, source)) = dated {
            if p.date.is_none() {
                p.date = Some(date);
                p.cable.date_source = Some(source);
            }
            self.seen.envelope |= source == DateSource::Printout;
            p.hold(i, Field::Date);
            return Some(Mode::None);
        }
        // Its parenthesis closed on the next line, where a copy wrapped it again (`From: AMEMBASSY
        // ABU DHABI (ABU DHABI 2641 -` / `UNKNOWN)`): read with it.
        let wrapped = (text.contains('(') && !text.contains(')'))
            .then(|| p.lines.get(i + 1).map(|l| l.text.trim()))
            .flatten()
            .filter(|next| next.len() <= 40 && next.ends_with(')') && !next.contains('('));
        let joined = wrapped.map(|next| format!("{text} {next}"));
        if let Some(from) = printout::parse_from_line(joined.as_deref().unwrap_or(text)) {
            p.cable.from = Some(collapse_ws(from.from));
            if let (Some(post), Some(serial), None) = (from.post, from.serial, &p.cable.serial) {
                p.cable.origin = Some(collapse_ws(&post.to_ascii_uppercase()));
                p.cable.serial = Some(serial.to_owned());
            }
            self.seen.envelope = true;
            p.hold(i, Field::From);
            if wrapped.is_some() {
                p.hold(i + 1, Field::From);
            }
            return Some(Mode::None);
        }
        // The print-out's other lines: `To:`/`Info:` addressees with their precedence after a
        // dash, `Action:` (the office that acts), `Captions:` (handling).
        if let Some((list, rest)) = printout::addressee_line(text) {
            let rest = rest.replace(" - ", " ");
            add_addressee(p, i, &rest, if list == "To" { Mode::To } else { Mode::Info });
            p.hold(i, Field::Addressees);
            self.seen.envelope = true;
            return Some(if list == "To" { Mode::To } else { Mode::Info });
        }
        if let Some(captions) = text.strip_prefix("Captions:") {
            for h in classification::handling_line(captions.trim()).unwrap_or_default() {
                p.handling(h);
            }
            p.hold(i, Field::Handling);
            return Some(Mode::None);
        }
        if text.starts_with("Action:") {
            p.cable.pass_through.push(collapse_ws(text));
            p.hold(i, Field::PassThrough);
            return Some(Mode::None);
        }
        None
    }

    /// The envelope's lines (transmission, routing, precedence, addressees, distribution) and
    /// page layout.
    fn envelope_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        let (mode, gap) = (self.mode, self.gap);
        let line_no = p.lines[i].number;
        if let Some((channel, serial)) = envelope::parse_transmission_id(text) {
            let t = p.transmission();
            t.id = Some(text.to_owned());
            t.channel = Some(channel);
            t.serial = Some(serial);
            self.seen.envelope = true;
            p.hold(i, Field::Transmission);
            return Some(Mode::Routing);
        }
        if let Some((prosign, routes)) = envelope::parse_routing_line(text) {
            p.transmission().routing.extend(routes);
            p.routing_precedence = Precedence::from_prosign(prosign);
            self.seen.envelope = true;
            p.hold(i, Field::Transmission);
            return Some(Mode::Routing);
        }
        if mode == Mode::Routing && !gap {
            if let Some(routes) = envelope::parse_routing_continuation(text) {
                p.transmission().routing.extend(routes);
                p.hold(i, Field::Transmission);
                return Some(Mode::Routing);
            }
        }
        if let Some(de) = envelope::parse_de_line(text) {
            let t = p.transmission();
            t.station = Some(de.station);
            t.station_serial = de.station_serial;
            t.section = de.section;
            t.filed = de.filed;
            self.seen.envelope = true;
            p.hold(i, Field::Transmission);
            return Some(Mode::None);
        }
        if let Some(security) = envelope::parse_security_line(text) {
            p.transmission().security = Some(security);
            self.seen.envelope = true;
            p.hold(i, Field::Transmission);
            return Some(Mode::None);
        }
        if let Some(next) = self.distribution_line(p, i, text) {
            return Some(next);
        }
        if distribution::is_control_line(text) {
            p.remove(i, Debris::ControlNumber);
            return Some(Mode::None);
        }
        if let Some(line) = dtg::parse_precedence_line(text) {
            p.cable.precedence = Some(line.precedence);
            p.cable.info_precedence = line.second;
            if line.date.is_none() {
                p.diag(
                    Some(line_no),
                    Severity::Warning,
                    DiagnosticKind::InvalidDate,
                    format!("date-time group `{}` is not a valid date", line.dtg),
                );
            }
            if let Some(date) = line.date {
                p.date = Some(date);
                p.cable.date_source = Some(DateSource::Dtg);
            }
            p.transmission().dtg = Some(line.dtg);
            self.seen.envelope = true;
            p.hold(i, Field::Precedence);
            return Some(Mode::None);
        }
        if let Some(from) = text.strip_prefix("FM ") {
            p.cable.from = Some(collapse_ws(from));
            self.seen.envelope = true;
            p.hold(i, Field::From);
            return Some(Mode::None);
        }
        if let Some(next) = self.addressee_line(p, i, text) {
            return Some(next);
        }
        if text == "BT" || text == "NNNN" {
            p.hold(i, Field::Transmission);
            return Some(Mode::None);
        }
        if p.is_furniture(i) || super::shapes::is_teletype_page_header(&p.shaped(text)) {
            p.remove(i, Debris::PageHeader);
            return Some(mode);
        }
        // The number a print-out's first page gives alone under its header (`PAGE 01 STATE
        // 101234` / `61` / `ORIGIN EUR-25`): the page's, as the header is.
        let number = (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
        let above = (0..i).rev().find(|&k| !p.lines[k].is_blank());
        if number && above.is_some_and(|k| super::shapes::is_teletype_page_header(&p.shaped(p.lines[k].text))) {
            p.remove(i, Debris::PageHeader);
            return Some(mode);
        }
        if super::shapes::is_section_marker(text) {
            p.remove(i, Debris::SectionMarker);
            return Some(mode);
        }
        None
    }

    /// The Department's distribution block of a 1970s telegram: its lists of offices, and who
    /// drafted, cleared and approved one it sent.
    fn distribution_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        let (mode, gap) = (self.mode, self.gap);
        if let Some(line) = distribution::parse_distribution(text, mode == Mode::Distribution && !gap) {
            let d = p.cable.distribution.get_or_insert_with(Default::default);
            // A line with no list's word goes on with the offices before it.
            let list = line.list.unwrap_or(if d.info.is_empty() && !d.action.is_empty() {
                distribution::List::Action
            } else {
                distribution::List::Info
            });
            match list {
                distribution::List::Origin => &mut d.origin,
                distribution::List::Action => &mut d.action,
                distribution::List::Info => &mut d.info,
            }
            .extend(line.offices);
            d.total = d.total.take().or(line.total);
            self.seen.envelope = true;
            p.hold(i, Field::Distribution);
            return Some(Mode::Distribution);
        }
        if distribution::is_drafting_line(text, mode == Mode::Drafting) {
            let d = p.cable.distribution.get_or_insert_with(Default::default);
            d.drafting.push(collapse_ws(text));
            self.seen.envelope = true;
            p.hold(i, Field::Distribution);
            return Some(Mode::Drafting);
        }
        None
    }

    /// `TO`/`INFO` lines, and the posts an `XMT` line excludes.
    fn addressee_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        let (mode, gap) = (self.mode, self.gap);
        // A subject wrapped before `TO` or `INFO` goes on (`…BUT OFFERS A WAY OUT` / `TO AQAP
        // RANK AND FILE`): addressees are the envelope's, never the next line of a subject.
        if mode == Mode::Subject && !gap {
            return None;
        }
        // `TO` or `INFO` alone on a line, with the addressees on the lines below.
        if text == "TO" || text == "INFO" {
            self.seen.envelope = true;
            p.hold(i, Field::Addressees);
            return Some(if text == "TO" { Mode::To } else { Mode::Info });
        }
        if let Some(rest) = text.strip_prefix("TO ") {
            // `TO PAGE 02 STATE 015113 182333Z` (09STATE15113): a page's header glued to a `TO`
            // whose addressees follow on the lines below.
            if super::shapes::is_page_header(&p.shaped(rest.trim())) {
                self.seen.envelope = true;
                p.hold(i, Field::Addressees);
                return Some(Mode::To);
            }
            add_addressee(p, i, rest, Mode::To);
            self.seen.envelope = true;
            return Some(Mode::To);
        }
        if let Some(rest) = text.strip_prefix("INFO ") {
            add_addressee(p, i, rest, Mode::Info);
            self.seen.envelope = true;
            return Some(Mode::Info);
        }
        if let Some(post) = addressees::parse_xmt(text) {
            let to = matches!(mode, Mode::To | Mode::XmtTo);
            exclude(p, i, post, to);
            return Some(if to { Mode::XmtTo } else { Mode::XmtInfo });
        }
        // Posts listed under an XMT line are exclusions too, until an addressee with a route.
        if matches!(mode, Mode::XmtTo | Mode::XmtInfo)
            && !gap
            && !text.contains('/')
            && text.contains(' ')
            && classification::parse_caption_line(text).is_none()
            && strip_subject_keyword(text).is_none()
        {
            exclude(p, i, text, mode == Mode::XmtTo);
            return Some(mode);
        }
        None
    }

    /// A document of the *Foreign Relations of the United States* (`fields::frus`): its title
    /// (the page's: who sent it to whom), the place and date it was sent from (the date, and the
    /// post), its number with its subject and references (the caption's serial, and the fields).
    fn frus_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        if self.seen.caption || self.seen.envelope || self.seen.subject {
            return None;
        }
        let Some(from) = self.frus_from.clone() else {
            let title = frus::title(text)?;
            let page = p.cable.page.get_or_insert_with(|| crate::model::PageMeta {
                source: Some("Foreign Relations of the United States"),
                ..Default::default()
            });
            page.origin = Some(title.from.to_owned());
            page.to = Some(title.to.to_owned());
            self.frus_from = Some(title.from.to_owned());
            p.hold(i, Field::Container);
            return Some(Mode::None);
        };
        if let Some((place, date, gmt)) = frus::place_and_date(text).filter(|_| p.date.is_none()) {
            p.date = Some(date);
            p.cable.date_source = Some(if gmt { DateSource::Dateline } else { DateSource::Edition });
            p.cable.origin = Some(frus::post(&from, place));
            p.hold(i, Field::Date);
            return Some(Mode::None);
        }
        let frus::NumberedFields { series, number, preface, fields } = frus::numbered_fields(text)?;
        p.cable.serial = Some(number.to_owned());
        // The Secretary's telegrams from his travels are numbered in their own series.
        if let Some(series) = series {
            p.cable.origin = Some(series.to_owned());
        }
        // Whom it is for, before its subject (`For the Secretary from Toon.`): the telegram's
        // pass-through line.
        if let Some(preface) = preface {
            p.cable.pass_through.push(collapse_ws(preface));
        }
        // Each field ends in a full stop (`Subject: Greek Reaction…. Ref: Athens 2870.`).
        let fields = fields.trim_end_matches('.').replace(". Ref:", " Ref:").replace(". Refs:", " Refs:");
        self.field(p, i, &fields, true)
    }

    /// The caption line and the caption fields (handling, E.O., TAGS, SUBJECT, REF, Classified By).
    fn caption_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> Option<Mode> {
        if let Some(caption) = classification::parse_caption_line(text) {
            // A few words in capitals after the serial do not unmake a caption (`SECRET STATE
            // 123456 TOSEC 050123`, `… NODIS CHEROKEE`): they are kept in a diagnostic.
            // Or a spaced phrase (`… 000123 C O R R E C T E D  C O P Y`).
            let spaced = caption.trailing.len() > 4 && caption.trailing.iter().all(|w| w.len() == 1);
            let trailing_words = (caption.trailing.len() <= 4 || spaced)
                && caption.trailing.iter().all(|w| !w.bytes().any(|b| b.is_ascii_lowercase()));
            let usable = caption.leftover.is_empty()
                && (caption.trailing.is_empty() || trailing_words && !self.seen.caption)
                && (caption.serial.is_some() || caption.is_banner());
            if usable {
                if !self.seen.caption && caption.serial.is_none() && self.post_on_the_next_line(p, i, text) {
                    return Some(Mode::None);
                }
                if self.seen.caption && caption.serial.is_none() {
                    p.remove(i, Debris::Banner);
                    // A page's banner inside a SUBJECT, a REF block or the reasons of `Classified
                    // By` (02ROME1196: `CONFIDENTIAL` and `PAGE 02 ROME 01196` among its REFs).
                    return Some(if matches!(self.mode, Mode::Ref | Mode::ClassifiedBy | Mode::Subject) {
                        self.mode
                    } else {
                        Mode::None
                    });
                }
                read_caption(p, i, &caption);
                if caption.serial.is_some() {
                    self.seen.caption = true;
                }
                if let Some(rest) = caption.rest {
                    for segment in rest.split("  ").map(str::trim).filter(|s| !s.is_empty()) {
                        let m = self.field(p, i, segment, false);
                        if m.is_none() && self.seen.caption && !self.seen.eo && !self.seen.tags && !self.seen.subject {
                            p.cable.pass_through.push(collapse_ws(segment));
                        }
                    }
                }
                return Some(Mode::None);
            }
        }
        if !self.seen.caption && self.caption_with_wrapped_serial(p, i, text) {
            return Some(Mode::None);
        }
        self.field(p, i, text, true)
    }

    /// A caption whose telegram number was wrapped onto the next line, as a narrow print-out
    /// does (`UNCLAS SECTION 02 OF 02 USUN NEW YORK` over `04958`): read as one line; both
    /// lines are the caption's (the next is then passed over).
    fn caption_with_wrapped_serial(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> bool {
        let Some(next) = p.lines.get(i + 1) else { return false };
        let Some(joined) = wrapped_serial(text, next.text) else { return false };
        let Some(caption) = classification::parse_caption_line(&joined) else { return false };
        read_caption(p, i, &caption);
        p.hold(i + 1, Field::Caption);
        self.seen.caption = true;
        true
    }

    /// A classification alone over the post and telegram number (`CONFIDENTIAL` over `LONDON
    /// 001234`, as a copy re-set in a narrow column gives it): read as one caption line; both
    /// lines are the caption's. The post must be one the station list knows.
    fn post_on_the_next_line(&mut self, p: &mut Builder<'_>, i: usize, text: &str) -> bool {
        let Some(next) = p.lines.get(i + 1).map(|l| l.text.trim()) else { return false };
        let serial = next.bytes().rev().take_while(u8::is_ascii_digit).count();
        if next.len() > 40 || serial == 0 || serial == next.len() || !next.starts_with(|c: char| c.is_ascii_uppercase())
        {
            return false;
        }
        let joined = format!("{} {next}", text.trim_end());
        let Some(caption) = classification::parse_caption_line(&joined) else { return false };
        let known = caption.station.is_some_and(|s| crate::stations::canonical_station(s).known);
        if !caption.is_whole() || caption.rest.is_some() || caption.serial.is_none() || !known {
            return false;
        }
        read_caption(p, i, &caption);
        p.hold(i + 1, Field::Caption);
        self.seen.caption = true;
        true
    }

    /// The caption fields that may also arrive glued together on one line.
    fn field(&mut self, p: &mut Builder<'_>, i: usize, text: &str, hold: bool) -> Option<Mode> {
        let hold_as = |p: &mut Builder<'_>, field: Field| {
            if hold {
                p.hold(i, field);
            }
        };
        if let Some(handling) = classification::handling_line(text) {
            for h in handling {
                p.handling(h);
            }
            hold_as(p, Field::Handling);
            return Some(Mode::None);
        }
        if eo::is_eo_line(text) {
            let line = eo::parse_eo_line(text);
            p.cable.executive_order = p.cable.executive_order.take().or(line.order);
            p.cable.declassify_on = p.cable.declassify_on.take().or(line.declassify_on);
            p.cable.declassify_note = p.cable.declassify_note.take().or(line.note);
            // E.O. 12065's line names who classified the cable; a `Classified By:` line wins.
            if p.cable.classified_by.is_none() {
                p.cable.classified_by = line.classified_by;
            }
            self.seen.eo = true;
            hold_as(p, Field::ExecutiveOrder);
            if let Some(at) = line.tags_at {
                if let Some(field) = tags::strip_tags_keyword(&text[at..]) {
                    self.buf.tags.push_str(field);
                    self.seen.tags = true;
                    return Some(Mode::Tags);
                }
            }
            return Some(Mode::None);
        }
        if let Some(field) = tags::strip_tags_keyword(text) {
            let (field, next) = run_on(field);
            if !self.buf.tags.is_empty() {
                self.buf.tags.push(' ');
            }
            self.buf.tags.push_str(field);
            self.seen.tags = true;
            hold_as(p, Field::Tags);
            return next.map_or(Some(Mode::Tags), |rest| self.field(p, i, rest, false).or(Some(Mode::None)));
        }
        if let Some(field) = strip_subject_keyword(text) {
            // `SUBJECT: SUBJECT: AFGHANISTAN: …` (09KABUL1239): the keyword written twice.
            let field = ["SUBJECT:", "SUBJ:"]
                .iter()
                .find(|k| starts_with_ci(field, k))
                .map_or(field, |k| field[k.len()..].trim_start());
            let (field, next) = run_on(field);
            // An empty SUBJECT before another (the doubled keyword, its line breaks lost): the
            // second is the subject.
            if self.seen.subject && self.buf.subject.trim().is_empty() {
                self.seen.subject = false;
            }
            if self.seen.subject {
                p.diag(
                    Some(p.lines[i].number),
                    Severity::Info,
                    DiagnosticKind::SecondSubject,
                    "a second SUBJECT line; the first one is kept".to_owned(),
                );
                hold_as(p, Field::Subject);
                return Some(Mode::None);
            }
            self.buf.subject.push_str(field);
            self.buf.subject_line = Some(p.lines[i].number);
            self.seen.subject = true;
            hold_as(p, Field::Subject);
            return next.map_or(Some(Mode::Subject), |rest| self.field(p, i, rest, false).or(Some(Mode::None)));
        }
        if let Some(field) = refs::strip_ref_keyword(text) {
            // `REF: ASUNCION 396 Classified By: …` (07SANTIAGO983): two fields on one line; but
            // `REF: A. REF: KATHMANDU 2282` is one, its label written twice.
            let (field, next) = match run_on(field) {
                (_, Some(rest)) if refs::strip_ref_keyword(rest).is_some() => (field, None),
                split => split,
            };
            // `REF A SECRETARY'S LETTER…` / `REF B SECSTATE 76108` (09ABUDHABI754): a letter with
            // no mark after the keyword is the item's label, where it can be no word (`B`…, or
            // `A` before a cable's number or over `REF B`).
            let labelled = bare_ref_label(text).filter(|&(letter, rest)| {
                letter != 'A'
                    || rest.bytes().any(|b| b.is_ascii_digit())
                    || p.lines[i + 1..]
                        .iter()
                        .find(|l| !l.is_blank())
                        .is_some_and(|l| starts_with_ci(l.text.trim(), "REF B "))
            });
            let field = labelled.map_or_else(|| field.to_owned(), |(letter, rest)| format!("{letter}. {rest}"));
            self.buf.refs.push(field);
            self.buf.ref_next = b'A';
            advance_ref_letter(&mut self.buf);
            hold_as(p, Field::References);
            return next.map_or(Some(Mode::Ref), |rest| self.field(p, i, rest, false).or(Some(Mode::None)));
        }
        if let Some(field) = classified_by::strip_classified_by(text) {
            if !self.seen.classified_by {
                self.buf.classified_by.push_str(field);
            }
            self.seen.classified_by = true;
            hold_as(p, Field::ClassifiedBy);
            return Some(Mode::ClassifiedBy);
        }
        None
    }
}

/// `REF B SECSTATE 76108`: the keyword, one capital letter with no mark after it, and the item.
fn bare_ref_label(text: &str) -> Option<(char, &str)> {
    let rest = text.strip_prefix("REF ").or_else(|| text.strip_prefix("Ref "))?;
    let letter = rest.chars().next().filter(char::is_ascii_uppercase)?;
    let item = rest[1..].strip_prefix(' ')?.trim_start();
    (!item.is_empty()).then_some((letter, item))
}

/// A field's text up to the next field on the same line (`…AS UK PRIMEREF: A. LONDON 1939`),
/// and that next field's text.
fn run_on(field: &str) -> (&str, Option<&str>) {
    match keywords::next_field(field) {
        Some((at, _)) => (field[..at].trim(), Some(&field[at..])),
        None => (field, None),
    }
}

/// After a REF block grows, the next bullet it may continue with after a blank line.
fn advance_ref_letter(buf: &mut Buffers) {
    let Some(block) = buf.refs.last() else { return };
    while buf.ref_next < b'Z' && refs::find_bullet(block, buf.ref_next).is_some() {
        buf.ref_next += 1;
    }
}

/// Whether `text` opens with the portion mark of a whole text (`(C - ENTIRE TEXT)`, `(LOU-ENTIRE
/// TEXT)`, `(CONFIDENTIAL ENTIRE TEXT)`): a classification's mark, then `ENTIRE TEXT`.
fn marks_entire_text(text: &str) -> bool {
    let Some((inner, _)) = text.strip_prefix('(').and_then(|t| t.split_once(')')) else { return false };
    let Some(mark) = inner.len().checked_sub(11).filter(|_| inner.len() <= 40).map(|at| &inner[..at]) else {
        return false;
    };
    let whole = inner.get(mark.len()..).is_some_and(|t| t.eq_ignore_ascii_case("ENTIRE TEXT"));
    let mark = mark.trim_end_matches([' ', '-', ',']);
    whole
        && !mark.is_empty()
        && (crate::vocab::mark_part(mark).is_some()
            || classification::parse_caption_line(mark).is_some_and(|c| c.classification.is_some() && c.is_banner()))
}

/// Whether line `i`, right under the SUBJECT or TAGS line (no blank line between), is the body's
/// first sentence rather than the field going on: a sentence in mixed case (as under `Classified
/// By`) with no colon in it, and under the SUBJECT longer by ten characters than the line above
/// it, which the wrap did not fill and which ends with a word a sentence may end with
/// (`SUBJECT: Visit of the Foreign Minister to Paris` / `The Ambassador met the Foreign Minister
/// on Tuesday to discuss`). In capitals a subject's or the
/// tags' wrapped line cannot be told from a sentence: it goes on the field.
fn body_under_subject_or_tags(p: &Builder<'_>, i: usize, mode: Mode, text: &str) -> bool {
    // A colon may open a field run on after the tags (`PSOE SUBJECT: WHO ARE THE SPANISH…`).
    if text.contains(':') || !in_mixed_case(text) || p.caseless {
        return false;
    }
    let above = i.checked_sub(1).map_or("", |j| p.lines[j].text.trim_end());
    let cut = above.split_whitespace().next_back().is_some_and(super::body::ends_no_sentence);
    let unfilled = mode == Mode::Tags || text.trim_end().len() > above.len() + 10 && !cut;
    unfilled && prose_under_field(Mode::ClassifiedBy, text)
}

/// Whether `text`, right under a `Classified By` line or a reference, is a sentence of the body's
/// rather than the field going on: five words or more, four of them words of four letters or
/// more, three small words in lower case among them (or seven words in capitals), and no
/// reason (the field's own words: `Godec for reasons 1.4 (b)`, `ONE POINT FOUR B AND D`,
/// `Development and Economic Affairs E. Anthony`). A reference's own prose may go on in
/// capitals (`…WHICH REQUESTED POSTS TO` / `DELIVER DEMARCHE ON THE MATTER`): under one, only a
/// line in mixed case is the body's.
fn prose_under_field(mode: Mode, text: &str) -> bool {
    let words = text.split_whitespace().count();
    let long = text.split_whitespace().filter(|w| w.bytes().filter(u8::is_ascii_alphabetic).count() >= 4).count();
    let mixed = in_mixed_case(text);
    // A sentence's small words (`met the … on`), not a title's (`Director for Development and
    // Economic Affairs`); in capitals, a longer line.
    let small =
        text.split_whitespace().filter(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_lowercase())).count();
    let sentence = if mixed { small >= 3 } else { words >= 7 && long >= 5 };
    // Never a reason's number (`1.4`); a long line (a paragraph kept on one line) may hold a
    // `reason` of its own, and any number; under a reference, a shorter line no telegram's
    // number (the next citation: `B. State 1234 (the Secretary's letter to the Minister)`).
    let numbers = text.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() >= 3);
    let plain = !["1.4", "1.5", "1.6"].iter().any(|r| text.contains(r))
        && (words >= 12 || crate::lines::find_ci(text, "reason").is_none() && !(mode == Mode::Ref && numbers));
    words >= 5 && long >= 4 && sentence && plain && (mode == Mode::ClassifiedBy || mixed)
}

/// Whether `text` has letters in both cases.
fn in_mixed_case(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_lowercase()) && text.bytes().any(|b| b.is_ascii_uppercase())
}

/// The reasons of a `Classified By` field on a line of their own.
fn is_reason_line(text: &str) -> bool {
    ["1.4", "1.5", "1.6", "REASON"].iter().any(|k| starts_with_ci(text, k))
}

fn read_caption(p: &mut Builder<'_>, i: usize, caption: &classification::CaptionLine<'_>) {
    let line_no = p.lines[i].number;
    if !caption.trailing.is_empty() {
        p.diag(
            Some(line_no),
            Severity::Info,
            DiagnosticKind::CaptionWords,
            format!("after the telegram number the caption says {}: kept as written", caption.trailing.join(" ")),
        );
    }
    if caption.repaired {
        p.diag(
            Some(line_no),
            Severity::Warning,
            DiagnosticKind::Repaired,
            "the classification word had lost a letter and was repaired".to_owned(),
        );
    }
    if p.cable.classification.is_none() || caption.serial.is_some() {
        p.cable.classification = caption.classification;
    }
    for h in &caption.handling {
        p.handling(h);
    }
    for control in &caption.controls {
        p.handling(control);
    }
    if let Some(release) = caption.release {
        p.handling(&collapse_ws(release));
    }
    if let Some(of) = caption.section_of {
        if of.section == 0 || of.section > of.total {
            p.diag(
                Some(line_no),
                Severity::Warning,
                DiagnosticKind::ImpossibleSection,
                format!("section {} of {} cannot be", of.section, of.total),
            );
        }
        p.cable.section_of = Some(of);
    }
    if caption.year.is_some() && caption.serial.is_some() {
        p.caption_year = caption.year;
    }
    if let (Some(station), Some(serial)) = (caption.station, caption.serial) {
        p.cable.origin = Some(collapse_ws(&station.to_ascii_uppercase()));
        p.cable.serial = Some(serial.to_owned());
    }
    p.hold(i, if caption.serial.is_some() { Field::Caption } else { Field::Banner });
}

/// A metadata line of the text files made from cables.csv: it goes to `page`, as a
/// container's word, not the text's.
fn export_field(p: &mut Builder<'_>, i: usize, key: &str, value: &str) {
    let page = p.cable.page.get_or_insert_with(|| crate::model::PageMeta {
        source: Some("cables.csv text file"),
        ..crate::model::PageMeta::default()
    });
    let value = Some(value.to_owned()).filter(|v| !v.is_empty());
    match key {
        "refid" => page.id = value,
        "date" => page.created = value,
        "origin" => page.origin = value,
        "classification" => page.classification = value,
        "destination" => page.to = value,
        "references" => {
            page.references = value
                .iter()
                .flat_map(|v| v.split(['|', ',', ' ']))
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect();
        }
        _ => {}
    }
    p.hold(i, Field::Container);
}

fn exclude(p: &mut Builder<'_>, i: usize, post: &str, to: bool) {
    let list = if to { &mut p.cable.to } else { &mut p.cable.info };
    if let Some(last) = list.last_mut() {
        last.excluded.push(collapse_ws(post));
    } else {
        let line = p.lines[i].number;
        p.diag(
            Some(line),
            Severity::Warning,
            DiagnosticKind::XmtWithoutCollective,
            "an XMT line with no collective before it".to_owned(),
        );
    }
    p.hold(i, Field::Addressees);
}

fn add_addressee(p: &mut Builder<'_>, i: usize, text: &str, mode: Mode) {
    let line_no = p.lines[i].number;
    if let Some((addressee, typo)) = addressees::parse_addressee(text, line_no) {
        if typo {
            p.diag(
                Some(line_no),
                Severity::Info,
                DiagnosticKind::MisspeltPrecedence,
                "misspelt precedence word read as written".to_owned(),
            );
        }
        if mode == Mode::To {
            p.cable.to.push(addressee);
        } else {
            p.cable.info.push(addressee);
        }
        p.hold(i, Field::Addressees);
    }
}

/// The header lines of an e-mail the cable was forwarded in (`From: Jane <jane@…>`, `Sent:`,
/// `To:`, `Subject: FW: …`, `-----Original Message-----`), before the telegram's own envelope
/// or caption: layout of the copy, set aside as a container's lines (listed in `removed`),
/// never read as the print-out's `From:`, `To:` and `Subject:`. A run of such lines counts
/// only with a sign of an e-mail in it: an address, a `Sent:` line, a forward's marker, or a
/// subject of a reply or forward.
fn set_aside_mail_headers(p: &mut Builder<'_>, end: usize) {
    const FIELDS: [&str; 10] =
        ["From:", "Sent:", "Date:", "To:", "Cc:", "Bcc:", "Subject:", "Importance:", "Reply-To:", "Attachments:"];
    let marker = |t: &str| {
        let words = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
        (t.starts_with("---")
            && (starts_with_ci(words, "Original Message") || starts_with_ci(words, "Forwarded message")))
            || starts_with_ci(t, "Begin forwarded message")
    };
    let field = |t: &str| FIELDS.iter().find(|f| starts_with_ci(t, f)).copied();
    let mut i = 0;
    while i < end {
        let run_end = (i..end)
            .find(|&k| {
                let t = p.lines[k].text.trim();
                !(marker(t) || field(t).is_some() || t.is_empty() && k > i)
            })
            .unwrap_or(end);
        let lines = i..run_end;
        let mail = lines.clone().any(|k| {
            let t = p.lines[k].text.trim();
            marker(t)
                || match field(t) {
                    Some("From:" | "To:" | "Cc:" | "Reply-To:") => t.contains('@'),
                    Some("Sent:") => true,
                    Some(subject @ "Subject:") => {
                        ["RE:", "FW:", "FWD:"].iter().any(|r| starts_with_ci(t[subject.len()..].trim_start(), r))
                    }
                    _ => false,
                }
        });
        if mail {
            for k in lines {
                if !p.lines[k].is_blank() {
                    p.remove(k, Debris::Container);
                }
            }
            p.start = run_end;
        }
        i = run_end.max(i + 1);
    }
}

/// A second cable pasted after the first, told by its own envelope: a `DE` line with another
/// station or message number than the first's (`DE RUEHC #7810` after `DE RUEHBUL #1239/01`;
/// a later section of the same message, `#1239/02`, is the first's); or, two cables copied
/// without their envelopes, by its caption (another post or number than the first's, a caption
/// field under it). Outside a quoted text (`QUOTE … UNQUOTE`: a repeat carries the telegram it
/// repeats). From its envelope's first line (`VZCZC…`, the routing line), or its caption, its
/// lines are set aside (`Debris::AnotherCable`) and said so: never read into the first cable
/// (its signature, its paragraphs), never lost.
fn set_aside_second_cable(p: &mut Builder<'_>) {
    let Some((start, name)) = second_envelope(p).or_else(|| second_caption(p)) else { return };
    for k in start..p.end {
        if !p.lines[k].is_blank() && !p.is_held(k) {
            p.remove(k, Debris::AnotherCable);
        }
    }
    p.diag(
        Some(p.lines[start].number),
        Severity::Warning,
        DiagnosticKind::SecondCable,
        format!(
            "a second cable begins at line {} ({name}): only the first is read here; paste the second alone to read it",
            p.lines[start].number
        ),
    );
    p.end = start;
}

/// How deep in a quoted text a line stands (`QUOTE` opens one, `UNQUOTE` closes it), read on
/// from a line down, each line once however many are asked about (a text of many quoted
/// telegrams is read once, not once per telegram).
struct QuoteDepth {
    at: usize,
    depth: usize,
}

impl QuoteDepth {
    fn from(line: usize) -> Self {
        QuoteDepth { at: line, depth: 0 }
    }

    /// The depth at line `to` (at or below the last asked about).
    fn at(&mut self, p: &Builder<'_>, to: usize) -> usize {
        for line in &p.lines[self.at.min(to)..to] {
            if crate::lines::find_ci(line.text, "QUOTE").is_none() {
                continue;
            }
            for word in line.text.split(|c: char| !c.is_ascii_alphanumeric()) {
                match word {
                    "QUOTE" => self.depth += 1,
                    "UNQUOTE" => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
            }
        }
        self.at = self.at.max(to);
        self.depth
    }
}

/// A second cable's envelope ([`set_aside_second_cable`]): where it begins, and what names it
/// (its sender, `AMEMBASSY KABUL #7810`, or its station).
fn second_envelope(p: &Builder<'_>) -> Option<(usize, String)> {
    let des = envelope::de_lines(&p.lines[..p.end]);
    let (first, own) = des.first()?;
    let first = *first;
    // The first `DE` line is the first cable's own, unless a numbered paragraph stands above it
    // (a first cable copied without its envelope): then it opens a second.
    let paragraphs_above = first > 12
        && p.lines[..first].iter().any(|l| super::shapes::paragraph_start(l.text).is_some_and(|s| s.number.is_some()));
    let (at, other) = if paragraphs_above && QuoteDepth::from(0).at(p, first) == 0 {
        (first, own.clone())
    } else {
        let mut quotes = QuoteDepth::from(first);
        des[1..]
            .iter()
            .find(|(k, line)| {
                let other = line.station != own.station || line.station_serial != own.station_serial;
                other && quotes.at(p, *k) == 0
            })?
            .clone()
    };
    // Its envelope's lines above the `DE` line too.
    let start = envelope::envelope_start(&p.lines, at);
    // Named by its sender a few lines under (`FM AMEMBASSY KABUL`), else by its station.
    let sender = p.lines[at..p.end.min(at + 8)].iter().find_map(|l| l.text.trim().strip_prefix("FM ")).map(str::trim);
    let number = other.station_serial.map_or_else(String::new, |n| format!(" #{n}"));
    Some((start, format!("{}{number}", sender.unwrap_or(&other.station))))
}

/// A second cable copied without its envelope ([`set_aside_second_cable`]): a caption line of
/// another post or number than the first caption's, below the first's subject or a numbered
/// paragraph, a caption field (E.O., TAGS, SUBJECT…) or `SIPDIS` in the dozen lines under it.
/// Where it begins, and its post and number.
fn second_caption(p: &Builder<'_>) -> Option<(usize, String)> {
    let caption = |k: usize| {
        // Most lines are rejected on their first byte.
        let text = p.lines[k].text.trim_ascii_start();
        let b = text.as_bytes();
        let capitals = b.len() > 12 && b[1].is_ascii_uppercase() || b.get(1) == Some(&b' ');
        if !capitals || !matches!(b[0], b'C' | b'S' | b'U' | b'L' | b'T') {
            return None;
        }
        let text = text.trim_end();
        classification::parse_caption_line(text)
            .filter(|c| c.is_whole() && c.serial.is_some() && c.station.is_some())
            .map(|c| (c.station.unwrap_or_default(), c.serial.unwrap_or_default()))
    };
    let (first, own) = (0..p.end).find_map(|k| caption(k).map(|c| (k, c)))?;
    // Under the first's subject or a numbered paragraph (a page may give its header alone),
    // looked for above a caption of another only (nearly every text has none), each line once.
    let (mut read_to, mut body) = (first + 1, false);
    let mut body_above = |k: usize| {
        while !body && read_to < k {
            let text = p.lines[read_to].text;
            body = super::shapes::paragraph_start(text).is_some_and(|s| s.number.is_some())
                || strip_subject_keyword(text.trim()).is_some();
            read_to += 1;
        }
        body
    };
    let mut quotes = QuoteDepth::from(first);
    for k in first + 1..p.end {
        let Some(other) = caption(k).filter(|&c| c != own && body_above(k)) else { continue };
        // Over the caption's fields, an office's instructions may stand (`STATE FOR EUR/RPM`).
        let fields = p.lines[k + 1..p.end]
            .iter()
            .filter(|l| !l.is_blank())
            .take(12)
            .any(|l| is_field_line(l.text.trim()) || l.text.trim().starts_with("SIPDIS"));
        if fields && quotes.at(p, k) == 0 {
            return Some((k, format!("{} {}", other.0, other.1)));
        }
    }
    None
}

/// The telegram's own first line: its transmission, caption, E.O. or TAGS line (its SUBJECT
/// may not be: an e-mail's `Subject:` stands above it), or the end. What stands before it may
/// be a copy's.
fn telegram_start(p: &Builder<'_>) -> usize {
    p.lines.iter().position(|l| is_telegram_line(l.text)).unwrap_or(p.lines.len())
}

/// A caption field's line: SUBJECT, REF, Classified By, E.O. or TAGS.
pub(super) fn is_field_line(text: &str) -> bool {
    strip_subject_keyword(text).is_some()
        || refs::strip_ref_keyword(text).is_some()
        || classified_by::strip_classified_by(text).is_some()
        || eo::is_eo_line(text)
        || tags::strip_tags_keyword(text).is_some()
}

/// A line that can only be the telegram's own: its transmission, E.O., TAGS or caption line.
pub(super) fn is_telegram_line(text: &str) -> bool {
    let t = text.trim_start_matches('¶').trim();
    envelope::parse_transmission_id(t).is_some()
        || eo::is_eo_line(t)
        // (a `PlusD` copy's `TAGS\tPFOR - …` row is the page's, not the telegram's line)
        || tags::strip_tags_keyword(t).is_some_and(|value| {
            (!text.contains('\t') || crate::html::plusd_row(t).is_none()) && !crate::html::is_plusd_tags(value)
        })
        || classification::parse_caption_line(t).is_some_and(|c| c.is_whole() && c.serial.is_some())
}

/// The metadata block of a `PlusD` page as a copy of its text gives it (`Canonical ID\t…`,
/// `Date\t…`, `TAGS\tPFOR - Foreign Policy…`), before the telegram: the page's metadata, as
/// from the page itself, never the telegram's own TAGS or From. Three rows or more, one of
/// them the canonical ID.
fn read_plusd_rows(p: &mut Builder<'_>, end: usize) {
    // With their tabs, or (a copy that lost them, its breaks made again) a space.
    let read = |row: fn(&str) -> Option<(&'static str, &str)>| -> Vec<PlusdRow> {
        (0..end)
            .filter(|&k| !p.is_held(k))
            .filter_map(|k| row(p.lines[k].text.trim()).map(|(label, value)| (vec![k], label, value.to_owned())))
            .collect()
    };
    let block = |rows: &[PlusdRow]| rows.len() >= 3 && rows.iter().any(|(_, label, _)| *label == "Canonical ID");
    let mut rows = read(crate::html::plusd_row);
    if !block(&rows) {
        rows = read(crate::html::plusd_row_spaced);
    }
    if !block(&rows) {
        rows = stacked_plusd_rows(p);
        if !block(&rows) {
            return;
        }
    }
    let end = rows.iter().flat_map(|(lines, _, _)| lines).max().map_or(end, |&last| end.max(last + 1));
    let mut meta = crate::model::PageMeta { source: Some("PlusD page's text"), ..crate::model::PageMeta::default() };
    for (lines, label, value) in rows {
        let slot = crate::html::plusd_slot(&mut meta, label);
        if let (Some(slot), Some(value)) = (slot, crate::container::given(&value)) {
            slot.get_or_insert(value);
        }
        for k in lines {
            p.hold(k, Field::Container);
        }
    }
    // The page's own words around its rows: its title (`Cable: 1975CAIRO04670_b`), the site's
    // name, and the labels over the text (`Content`, `Show Headers`).
    let title = meta.id.as_deref().map(|id| format!("Cable: {id}"));
    for k in 0..end {
        let text = p.lines[k].text;
        // The title and the site's name run together where the line breaks were lost.
        let site = |rest: &str| rest.trim_start().starts_with("Public Library of US Diplomacy");
        let chrome = matches!(text, "Content" | "Show Headers" | "Hide Headers" | "Metadata")
            || site(text)
            || title.as_deref().is_some_and(|t| text.strip_prefix(t).is_some_and(|rest| rest.is_empty() || site(rest)));
        if chrome && !p.is_held(k) {
            p.hold(k, Field::Container);
        }
    }
    p.cable.page = Some(meta);
}

/// The labels of the 2010 Cablegate viewer's table over each cable (`<table class='cable'>`).
const CABLEGATE_LABELS: [&str; 5] = ["Reference ID", "Created", "Released", "Classification", "Origin"];

/// The 2010 viewer's table as a copy of the page's text gives it: its labels' row, then its
/// values' (`Reference ID\tCreated\t…` / `09BEIJING1957\t2009-07-12 23:11\t…`, cells apart by
/// tabs), or each cell on a line of its own (the five labels, then the five values): the page's
/// metadata, as from the page itself.
fn read_cablegate_rows(p: &mut Builder<'_>, end: usize) {
    if p.cable.page.is_some() {
        return;
    }
    let texts: Vec<usize> = (0..end.min(p.end)).filter(|&k| !p.lines[k].is_blank() && !p.is_held(k)).collect();
    let cells = |k: usize| p.lines[k].text.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>();
    let mut found = None;
    for (j, &k) in texts.iter().enumerate() {
        if cells(k) == CABLEGATE_LABELS {
            // In one row, its values in the next.
            found = texts.get(j + 1).map(|&next| (vec![k, next], cells(next)));
        } else if p.lines[k].text.trim() == CABLEGATE_LABELS[0] {
            // A cell a line: the labels, then as many values.
            let run = texts
                .get(j..j + 10)
                .filter(|run| run[..5].iter().zip(CABLEGATE_LABELS).all(|(&k, label)| p.lines[k].text.trim() == label));
            found = run.map(|run| (run.to_vec(), run[5..].iter().map(|&k| p.lines[k].text.trim()).collect()));
        }
        if found.is_some() {
            break;
        }
    }
    let Some((lines, values)) = found else { return };
    let id = values.first().copied().unwrap_or_default();
    if values.len() != CABLEGATE_LABELS.len() || crate::stations::canonical_id(id).is_none() {
        return;
    }
    let value = |k: usize| Some(values[k].to_owned());
    p.cable.page = Some(crate::model::PageMeta {
        source: Some("Cablegate page's text"),
        id: value(0),
        created: value(1),
        released: value(2),
        classification: value(3),
        origin: value(4),
        ..crate::model::PageMeta::default()
    });
    for k in lines {
        p.hold(k, Field::Container);
    }
}

/// `text` and `next` as one caption line when `next` is the telegram number a narrow copy
/// wrapped off it (`UNCLAS SECTION 02 OF 02 USUN NEW YORK` over `04958`): the joined line, a
/// whole caption with its post and number.
fn wrapped_serial(text: &str, next: &str) -> Option<String> {
    let next = next.trim();
    if !(4..=6).contains(&next.len()) || !next.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let joined = format!("{} {next}", text.trim_end());
    let caption = classification::parse_caption_line(&joined)?;
    let whole = caption.is_whole() && caption.rest.is_none() && caption.station.is_some() && caption.serial.is_some();
    whole.then_some(joined)
}

/// A page's text copied whole (a browser's select-all of a cable's page): its navigation, its
/// introduction, its lists of posts and dates, above the telegram. Set aside (`Container`, in
/// `removed`): the lines above the first the header reads (the envelope's or caption's, a
/// banner, a print-out's head, the partial-extract note, a dateline, a *Foreign Relations*
/// title…; a telegram's own line, its transmission, caption, E.O. or TAGS, or such a title, within
/// 40 lines), three or more (one or more around the
/// page's metadata), none of them a numbered paragraph or a caption field (a telegram's own
/// text above its header stays).
fn set_aside_page_above(p: &mut Builder<'_>) {
    // An envelope's sender or addressee: an office or a routed one (`FM AMEMBASSY ATHENS`, `TO
    // RUEHC/SECSTATE WASHDC`), not a sentence's `TO` (`TO ALLOW PUBLICITY…`).
    let office = |rest: &str| {
        let word = rest.split(' ').next().unwrap_or("");
        word.contains('/') || word == "SECSTATE" || crate::vocab::strip_office(word).is_some()
    };
    let header_line = |text: &str| {
        let t = text.trim();
        is_telegram_line(t)
            || frus::title(t).is_some()
            || ["FM ", "TO ", "INFO "].iter().any(|w| t.strip_prefix(w).is_some_and(office))
            || ["ACTION ", "ORIGIN "].iter().any(|w| t.strip_prefix(w).is_some_and(|r| r.contains('-')))
            || t.strip_prefix("PAGE ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            || envelope::parse_de_line(t).is_some()
            || envelope::parse_security_line(t).is_some()
            || envelope::parse_routing_line(t).is_some()
            || dtg::parse_precedence_line(t).is_some()
            || classification::parse_caption_line(t).is_some_and(|c| c.is_banner())
            || starts_with_ci(t, "This record is a partial extract")
            || crate::container::export_field(t).is_some()
            || dtg::parse_dateline(t).is_some()
            || printout::parse_telegram_date(t).is_some()
            || printout::parse_from_line(t).is_some()
    };
    // In capitals where the copy was lower-cased whole, as the header reads its lines.
    let header_at = |k: usize| !p.lines[k].is_blank() && !p.is_held(k) && header_line(&p.shaped(p.lines[k].text));
    let Some(first) = (p.start..p.end).find(|&k| header_at(k)) else {
        return;
    };
    // A telegram's own line follows within a few dozen (a stray `TO SECSTATE…` in a body is none).
    let telegram = (first..p.end.min(first + 40)).any(|k| {
        let text = p.shaped(p.lines[k].text);
        !p.is_held(k) && (is_telegram_line(&text) || frus::title(text.trim()).is_some())
    });
    if !telegram {
        return;
    }
    let above: Vec<usize> = (p.start..first).filter(|&k| !p.lines[k].is_blank() && !p.is_held(k)).collect();
    // The telegram's own lines: a caption field, a numbered paragraph, or a caption whose
    // telegram number a narrow copy wrapped onto the next line (`UNCLAS SECTION 01 OF 02 USUN
    // NEW YORK` over `000961`, read by `Header::caption_with_wrapped_serial`).
    let own = |k: &usize| {
        let text = p.lines[*k].text.trim();
        is_field_line(text)
            || super::shapes::paragraph_start(text).is_some_and(|s| s.number.is_some())
            || p.lines.get(*k + 1).is_some_and(|next| wrapped_serial(&p.shaped(text), next.text).is_some())
    };
    // Fewer where the page's own metadata was read among them (its title over its table) or
    // where they ran together on a long line (a page copied whole whose breaks were lost).
    // And above a *Foreign Relations* title, the first line of an edition's document.
    let edition = frus::title(p.shaped(p.lines[first].text).trim()).is_some();
    let least = if p.cable.page.is_some() || edition { 1 } else { 3 };
    let bytes: usize = above.iter().map(|&k| p.lines[k].text.len()).sum();
    if above.len() < least && bytes < 2000 || above.iter().any(own) {
        return;
    }
    for k in above {
        p.remove(k, Debris::Container);
    }
    p.start = first;
}

/// A page's words under the telegram's last end mark (`NNNN`, `NNN`, `<< END OF DOCUMENT >>`):
/// a browser's select-all copy of the page gives its footer there (`Next | Previous`). Set aside
/// (`Container`) when none of them is a telegram's (a numbered paragraph, an envelope's or a
/// caption's line) nor an archive's trailer or a closing note, which are read as such; the text
/// ends at the mark.
fn set_aside_page_below(p: &mut Builder<'_>) {
    let is_end = |text: &str| super::body::END_MARKS.contains(&text.trim_ascii());
    // Looked for from the end, among the last lines: a footer is a few lines.
    let from = p.end.saturating_sub(FOOTER_LINES).max(p.start);
    let Some(mark) = (from..p.end).rev().find(|&k| is_end(p.lines[k].text)) else { return };
    let below: Vec<usize> = (mark + 1..p.end).filter(|&k| !p.lines[k].is_blank() && !p.is_held(k)).collect();
    let telegrams = |k: &usize| {
        let text = p.lines[*k].text.trim();
        is_telegram_line(text)
            || envelope::parse_de_line(text).is_some()
            || super::shapes::paragraph_start(text).is_some_and(|s| s.number.is_some())
            || super::body::trailer_kind(text).is_some()
            || super::body::is_closing_note(text)
    };
    if below.is_empty() || below.iter().any(telegrams) {
        return;
    }
    for k in below {
        p.remove(k, Debris::Container);
    }
    p.end = mark + 1;
}

/// How many lines from the end a page's footer under the telegram is looked for.
const FOOTER_LINES: usize = 40;

/// A row of `PlusD`'s metadata: its lines, its label, its value.
type PlusdRow = (Vec<usize>, &'static str, String);

/// `PlusD`'s metadata as a copy that set each label over its value gives it (`Canonical ID` /
/// `1974ATHENS02959_b` / `Date` / `1974 May 17, 16:00 (Friday)` …, blank lines between or none,
/// as a browser copies the page's cells or a page saved otherwise reads): the rows of one block,
/// from its canonical ID, whose value is a cable's ID, to the last label with a value under it.
fn stacked_plusd_rows(p: &Builder<'_>) -> Vec<PlusdRow> {
    let texts: Vec<usize> = (0..p.lines.len()).filter(|&k| !p.lines[k].is_blank() && !p.is_held(k)).take(200).collect();
    let label_of = |k: usize| {
        let text = p.lines[k].text.trim();
        let text = text.strip_suffix(':').unwrap_or(text);
        crate::html::PLUSD_ORDER.iter().find(|l| **l == text).copied()
    };
    let mut rows: Vec<PlusdRow> = Vec::new();
    let mut j = 0;
    while j + 1 < texts.len() {
        let (k, next) = (texts[j], texts[j + 1]);
        match label_of(k) {
            Some(label) if label_of(next).is_none() => {
                let value = p.lines[next].text.trim().to_owned();
                let not_id = || crate::stations::canonical_id(&value).is_none();
                if label == "Canonical ID" && not_id() || label != "Canonical ID" && rows.is_empty() {
                    return Vec::new();
                }
                rows.push((vec![k, next], label, value));
                j += 2;
            }
            // Before the block, the page's title and the site's name; after its last row, the
            // telegram.
            _ if rows.is_empty() => j += 1,
            _ => break,
        }
    }
    rows
}

/// The archive's record under a telegram's text (the National Archives' "Message Attributes",
/// `PlusD`'s metadata: `Draft Date: 17 MAY 1974`, `Film Number: D740122-0480`…): the page's
/// metadata, as a container's, never the telegram's own TAGS or Subject, and where the text
/// ends ([`Builder::end`]). A page's metadata read before it is kept, the record filling only
/// what it left out.
fn read_record(p: &mut Builder<'_>) {
    // Nearly every text ends otherwise: looked at from its last line up only when that is a row.
    let last = p.lines.iter().rev().find(|l| !l.is_blank()).map(|l| l.text);
    if last.is_none_or(|t| crate::container::record_row(t).is_none() && !t.starts_with("Declassified")) {
        return;
    }
    let texts: Vec<&str> = p.lines.iter().map(|l| l.text).collect();
    let Some(start) = crate::container::record_start(&texts) else { return };
    let page = p
        .cable
        .page
        .get_or_insert_with(|| crate::model::PageMeta { source: Some("archive's record"), ..Default::default() });
    crate::container::read_record_rows(&texts[start..], page);
    end_telegram_at(p, start);
}

/// The telegram's text ends at line `start`: what stands under it to [`Builder::end`] is the
/// copy's (an archive's record, an edition's footnotes), held as its container's.
fn end_telegram_at(p: &mut Builder<'_>, start: usize) {
    for k in start..p.end {
        if !p.lines[k].is_blank() {
            p.hold(k, Field::Container);
        }
    }
    p.end = start;
}

/// The editors' footnotes under a document of the *Foreign Relations of the United States*
/// (`1 Source: National Archives, RG 59, … Confidential; Priority; Exdis. Repeated to …`, then
/// the others): where the telegram's text ends ([`Builder::end`]), and what the source note says
/// the telegram bore (its classification, precedence and handling). Only under a document's
/// title.
fn read_frus_notes(p: &mut Builder<'_>) {
    let mut texts = p.lines.iter().filter(|l| !l.is_blank()).map(|l| l.text);
    // At the top, or under a few lines of the page it was copied from (its site's name, its
    // trail of links).
    if !texts.by_ref().take(8).any(|t| frus::title(t).is_some()) {
        return;
    }
    let Some((start, note)) = (0..p.end).find_map(|k| frus::source_note(p.lines[k].text).map(|n| (k, n))) else {
        return;
    };
    p.cable.classification = p.cable.classification.or(note.classification);
    p.cable.precedence = p.cable.precedence.or(note.precedence);
    for h in &note.handling {
        p.handling(h);
    }
    end_telegram_at(p, start);
}

/// The first line that proves a header exists (within the first lines), so that
/// junk before it is reported instead of read as the body: a telegram's own line, or a TAGS or
/// SUBJECT line of any form. A line set aside (an e-mail's `Subject:`) is none of the telegram's.
fn find_anchor(p: &Builder<'_>) -> Option<usize> {
    p.lines.iter().enumerate().take(80).position(|(k, l)| {
        let t = l.text.trim_start_matches('¶').trim();
        !p.is_held(k)
            && (is_telegram_line(t) || tags::strip_tags_keyword(t).is_some() || strip_subject_keyword(t).is_some())
    })
}

fn finish(p: &mut Builder<'_>, buf: &mut Buffers) {
    if !buf.subject.is_empty() {
        let subject = subject::clean(&buf.subject);
        let (marking, rest) = super::shapes::leading_marking(&subject);
        p.cable.subject_marking = marking.map(str::to_owned);
        p.cable.subject = Some(rest.trim().to_owned()).filter(|s| !s.is_empty());
    } else if buf.subject_line.is_some() {
        p.diag(
            buf.subject_line,
            Severity::Warning,
            DiagnosticKind::EmptySubject,
            "the SUBJECT line is empty".to_owned(),
        );
    }
    if !buf.tags.is_empty() {
        let (tags, sipdis) = tags::split_tags(&buf.tags);
        if sipdis {
            p.handling("SIPDIS");
            p.diag(
                None,
                Severity::Info,
                DiagnosticKind::SipdisInTags,
                "SIPDIS stood in the TAGS line; it is a caption, not a tag".to_owned(),
            );
        }
        p.cable.tags = tags;
    }
    if !buf.classified_by.is_empty() {
        let (who, reasons) = classified_by::parse_classified_by(&buf.classified_by);
        p.cable.classified_by = who;
        p.cable.reasons = reasons;
    }
    if p.date.is_none() {
        estimate(p);
    }
    let estimated = p.date.is_none() && p.cable.estimate.is_some();
    let year = p.date.map(|d| d.year).or(p.cable.estimate.as_ref().map(|e| e.year)).map(|y| format!("{:02}", y % 100));
    let own = own_id(p, year.as_deref());
    let own_station = p.cable.origin.as_deref().map(|o| crate::stations::canonical_station(o).canonical);
    for block in std::mem::take(&mut buf.refs) {
        // An item that is only a number cites a cable of the station before it, or of the
        // citing cable's own.
        let mut context = own_station.clone();
        for (label, text) in refs::split_items(&block) {
            for reference in
                refs::references(label, &text, year.as_deref(), estimated, (context.as_deref(), own_station.as_deref()))
            {
                if let Some(station) = refs::station_of(&reference) {
                    context = Some(station.to_owned());
                }
                // A cable's own number beside its references (a copy's header) is not one of them.
                if reference.id.is_some() && reference.id == own {
                    continue;
                }
                p.cable.references.push(reference);
            }
        }
    }
}

/// The cable's own ID as its caption gives it, with `year`.
fn own_id(p: &Builder<'_>, year: Option<&str>) -> Option<String> {
    let station = crate::stations::canonical_station(p.cable.origin.as_deref()?);
    let serial = p.cable.serial.as_deref()?.trim_start_matches('0');
    Some(format!("{}{}{serial}", year?, station.canonical))
}

/// A partial extract with no date-time group: the year estimated from the E.O. line, kept
/// apart from the facts (`id` and `date` stay null).
fn estimate(p: &mut Builder<'_>) {
    let Some(decl) = p.cable.declassify_on.as_deref() else { return };
    let Some((year, basis)) = eo::estimate_year(p.cable.executive_order.as_deref(), decl) else { return };
    let id = own_id(p, Some(&format!("{:02}", year % 100)));
    p.cable.estimate = Some(crate::model::Estimate { year, id, basis });
}

#[cfg(test)]
mod tests {
    use crate::model::{Classification, DateSource, Debris, DiagnosticKind};

    /// A telegram as the *Foreign Relations of the United States* publishes it: title, place and
    /// date, number with subject and references, text in mixed case, the signer, and the
    /// editors' footnotes, the first giving the classification, precedence and handling. Before,
    /// none of ID, date, classification, origin, subject or signer was read, and the title was
    /// paragraph 123.
    #[test]
    fn reads_a_telegram_of_the_foreign_relations_series() {
        let text = "123. Telegram From the Embassy in Greece to the Department of State1\n\n\
                    Athens, May 17, 1974, 1600Z.\n\n\
                    2959. Subject: Greek Reaction to Turkish Oil Exploration. Ref: Athens 2870.\n\n\
                    1. Greek Government has protested the Turkish decision.\n\n2. We expect the issue to grow.\n\n\
                    Tasca\n\n\
                    1 Source: National Archives, RG 59, Central Foreign Policy Files. Confidential; Priority; Exdis. \
                    Repeated to Ankara.\n\n2 Telegram 2870 from Athens reported the protest.\n";
        let c = crate::parse(text);
        assert_eq!(c.id.as_deref(), Some("74ATHENS2959"));
        assert_eq!(c.date.as_deref(), Some("1974-05-17T16:00:00Z"));
        assert_eq!(
            (c.classification, c.handling.as_slice()),
            (Some(Classification::Confidential), ["EXDIS".to_owned()].as_slice())
        );
        assert_eq!(
            (c.origin.as_deref(), c.subject.as_deref()),
            (Some("ATHENS"), Some("Greek Reaction to Turkish Oil Exploration"))
        );
        assert_eq!(c.references.iter().filter_map(|r| r.id.as_deref()).collect::<Vec<_>>(), ["74ATHENS2870"]);
        let numbers: Vec<_> = c.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.number).collect();
        assert_eq!(
            (numbers.as_slice(), c.signers.as_slice()),
            ([Some(1), Some(2)].as_slice(), ["Tasca".to_owned()].as_slice())
        );
        assert!(c.unknown.is_empty(), "{:?}", c.unknown);
        // Its page copied whole from the browser: the site's name and trail of links above the
        // title are the page's, its footer under the notes the notes'. Before, nothing was read.
        let page = format!(
            "Historical Documents - Office of the Historian\n\nOffice of the Historian Search\n\n\
             Historical Documents \u{203a} FRUS 1969\u{2013}1976, Volume XXX \u{203a} Document 123\n\n{text}\n\
             Office of the Historian, Foreign Service Institute, United States Department of State\n"
        );
        let copied = crate::parse(&page);
        assert_eq!(
            (copied.id, copied.classification, copied.subject, copied.signers, copied.unknown),
            (c.id.clone(), c.classification, c.subject.clone(), c.signers.clone(), Vec::new())
        );
        assert_eq!(copied.removed.iter().filter(|r| r.kind == Debris::Container).count(), 3);
        // And so copied, then run together on one line: the title found after the page's words.
        let joined = crate::parse(&page.split_whitespace().collect::<Vec<_>>().join(" "));
        assert_eq!(
            (joined.id, joined.classification, joined.subject, joined.signers),
            (c.id.clone(), c.classification, c.subject.clone(), c.signers.clone())
        );
        // The Department's telegrams are `STATE`'s; the Secretary's from his travels, `SECTO`'s.
        let state = "Telegram From the Department of State to the Embassy in Cyprus\n\nWashington, July 16, 1974, 0215Z.\n\n\
                     153425. Subject: Cyprus. Refs: (A) Nicosia 1234; (B) State 152000.\n\n1. Text.\n\nKissinger\n\n\
                     1 Source: National Archives. Secret; Niact Immediate; Nodis.\n";
        let c = crate::parse(state);
        assert_eq!((c.id.as_deref(), c.classification), (Some("74STATE153425"), Some(Classification::Secret)));
        assert_eq!(c.references.len(), 2);
        let secto = state
            .replace(
                "Department of State to the Embassy in Cyprus",
                "Secretary of State Kissinger to the Department of State",
            )
            .replace("Washington", "Jerusalem")
            .replace("153425.", "Secto 123.");
        assert_eq!(crate::parse(&secto).id.as_deref(), Some("74SECTO123"));
        // A local time is not kept (the date alone is): the model's time is GMT.
        let c = crate::parse(&state.replace("0215Z.", "9:15 p.m."));
        assert_eq!((c.date.as_deref(), c.date_source), (Some("1974-07-16"), Some(DateSource::Edition)));
        assert_eq!(c.id.as_deref(), Some("74STATE153425"));
    }

    /// `REF A …` / `REF B SECSTATE 76108` (09ABUDHABI754): a letter with no mark after the
    /// keyword labels the item, where it can be no word; `REF A LETTER FROM…` alone stays text.
    #[test]
    fn a_ref_letter_with_no_mark_is_its_label() {
        let refs = |block: &str| {
            let c =
                crate::parse(&format!("SECRET ABU DHABI 000754\nTAGS: PREL\nSUBJECT: X\n{block}\n\n1. (S) Text.\n"));
            c.references.into_iter().map(|r| (r.label, r.text, r.id)).collect::<Vec<_>>()
        };
        let read = refs("REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS\nREF B SECSTATE 76108");
        assert_eq!(read.iter().map(|r| r.0.as_deref()).collect::<Vec<_>>(), [Some("A"), Some("B")]);
        assert_eq!(
            (read[0].1.as_str(), read[1].1.as_str()),
            ("SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS", "SECSTATE 76108")
        );
        let read = refs("REF A LETTER FROM THE MINISTER");
        assert_eq!((read[0].0.as_deref(), read[0].1.as_str()), (None, "A LETTER FROM THE MINISTER"));
    }

    /// A classification alone over the post and number is one caption; a banner over a line
    /// that names no post stays a banner (`CONFIDENTIAL` over `PAGE 02 ROME 01196`).
    #[test]
    fn a_caption_with_its_post_on_the_next_line() {
        let text = "CONFIDENTIAL\nLONDON 001234\nNOFORN\nE.O. 12958: DECL: 02/14/2018\nTAGS: PREL, UK\n\
                    SUBJECT - TALKS\n\n1. (C) Text.\n";
        let c = crate::parse(text);
        assert_eq!((c.origin.as_deref(), c.serial.as_deref()), (Some("LONDON"), Some("001234")));
        assert_eq!((c.subject.as_deref(), c.unknown.len()), (Some("TALKS"), 0));
        assert_eq!(c.estimate.and_then(|e| e.id).as_deref(), Some("08LONDON1234"));
        let c = crate::parse("CONFIDENTIAL\nWE MET 12\nTAGS: PREL, UK\nSUBJECT: TALKS\n\n1. (C) Text.\n");
        assert_eq!(c.origin, None);
    }

    /// A SUBJECT in capitals ends where a sentence in mixed case begins, and goes on across a
    /// page's banner and header; a REF block goes on across them too.
    #[test]
    fn a_subject_ends_at_the_text_and_goes_on_across_a_page() {
        let text = "UNCLAS STOCKHOLM 000001\nTAGS ENRG, SW\nSUBJECT: SWEDISH DEPUTY PM URGES SENIOR USG VISITS\n\
                    TO SWEDEN\nThis is an Action request. Please see para 2.\n\n1. (U) Text.\n";
        let c = crate::parse(text);
        assert_eq!(c.subject.as_deref(), Some("SWEDISH DEPUTY PM URGES SENIOR USG VISITS TO SWEDEN"));
        assert!(c.sections[0].paragraphs[0].text.starts_with("This is an Action request."));
        let text = "CONFIDENTIAL HARARE 001234\nSUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE\n CONFIDENTIAL\n\
                    PAGE 02 HARARE 01234 01 OF 02 111533Z\nFOREIGN MINISTER\nREF: A. STATE 40721\n CONFIDENTIAL\n\
                    PAGE 03 HARARE 01234 01 OF 02 111533Z\n B. HARARE 1098\n\n1. (C) TEXT.\n";
        let c = crate::parse(text);
        assert_eq!(c.subject.as_deref(), Some("ASSISTANT SECRETARY MEETS WITH ZIMBABWE FOREIGN MINISTER"));
        let labels: Vec<Option<&str>> = c.references.iter().map(|r| r.label.as_deref()).collect();
        assert_eq!(labels, [Some("A"), Some("B")]);
    }

    /// The body's first paragraph, unnumbered, right under `Classified By`, a reference, the
    /// SUBJECT or the TAGS (no blank line): the body's, not the field going on; the field's own
    /// wrapped lines still are.
    #[test]
    fn ends_the_header_fields_at_the_first_sentence() {
        let head = "CONFIDENTIAL PARIS 000123\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: VISIT\n";
        let body = "The Ambassador met the Foreign Minister on May 2 to discuss\nthe summit. He agreed.\nSTAPLETON\n";
        for field in ["Classified By: Ambassador Craig Stapleton, reasons 1.4 (b) and (d)", "REF: PARIS 456"] {
            let c = crate::parse(&format!("{head}{field}\n{body}"));
            let first = c.sections.first().and_then(|s| s.paragraphs.first()).map(|p| p.text.as_str());
            assert_eq!(
                first,
                Some("The Ambassador met the Foreign Minister on May 2 to discuss the summit. He agreed.")
            );
            assert_eq!(c.signers, ["STAPLETON"], "{field}");
            assert!(c.references.iter().all(|r| r.text == "PARIS 456"), "{field}: {:?}", c.references);
        }
        for (field, subject, tags) in [
            ("SUBJECT: Visit of the Foreign Minister to Paris", Some("Visit of the Foreign Minister to Paris"), 1),
            ("TAGS: PREL, FR", None, 2),
        ] {
            let c = crate::parse(&format!("CONFIDENTIAL PARIS 000123\nTAGS: PREL\n{field}\n{body}"));
            assert_eq!(
                (c.subject.as_deref(), c.tags.len(), c.signers.as_slice()),
                (subject, tags, ["STAPLETON".to_owned()].as_slice())
            );
        }
        // A subject's wrapped line, in mixed case too: cut after `the`, or no longer than it.
        let wrapped = "SUBJECT: UK will continue to support Georgia; on the\nsame page as the U.S. regarding opposition to South Ossetia and Abkhazia\n";
        let c = crate::parse(&format!("CONFIDENTIAL LONDON 002211\nTAGS: PREL\n{wrapped}\n{body}"));
        assert!(c.subject.as_deref().is_some_and(|s| s.ends_with("Abkhazia")), "{:?}", c.subject);
        // A 1970s telegram's mark of its whole text opening its unnumbered first paragraph.
        for mark in ["(C - ENTIRE TEXT)", "(LOU-ENTIRE TEXT)", "(CONFIDENTIAL ENTIRE TEXT)"] {
            let c = crate::parse(&format!(
                "CONFIDENTIAL TEHRAN 08980\nTAGS: PEPR IR\nSUBJECT: NEGOTIATIONS\n{mark} INTRODUCTION: RECENT\n\
                 NEGOTIATIONS HERE.\nLAINGEN\n"
            ));
            assert_eq!(
                (c.subject.as_deref(), c.signers.as_slice()),
                (Some("NEGOTIATIONS"), ["LAINGEN".to_owned()].as_slice())
            );
        }
        // A paragraph kept on one line, numbers in it.
        let long = "Summary: As noted in Ref A, post has raised the operations of two UN 1267 Committee entities with the GOP.";
        let c = crate::parse(&format!(
            "{head}Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)\n{long}\n"
        ));
        assert_eq!((c.classified_by.as_deref(), c.sections.len()), (Some("Ambassador Ryan C. Crocker"), 1));
        // The field's own lines: a title wrapped, the reasons spelled out (kept with the name).
        for (wrapped, own) in [
            (
                "Classified By: Coordinator Director for\nDevelopment and Economic Affairs E. Anthony\nWayne, reasons 1.4 (b) and (d)",
                "Coordinator Director for Development and Economic Affairs E. Anthony Wayne",
            ),
            ("CLASSIFIED BY: AMBASSADOR ERIC S. EDELMAN FOR\nONE POINT FOUR B AND D", "ONE POINT FOUR B AND D"),
        ] {
            let c = crate::parse(&format!("{head}{wrapped}\n{body}"));
            assert!(c.classified_by.as_deref().is_some_and(|n| n.ends_with(own)), "{:?}", c.classified_by);
            assert_eq!(c.signers, ["STAPLETON"]);
            assert!(c.sections[0].paragraphs[0].text.starts_with("The Ambassador met"));
        }
    }

    /// A caption whose telegram number a narrow copy wrapped onto the next line, with the
    /// caption's fields right under it (no blank line): read whole, never set aside as a page's
    /// lines above the telegram (`SIPDIS` made three of them, and they were).
    #[test]
    fn reads_a_caption_with_its_number_wrapped() {
        for caption in [
            "C O N F I D E N T I A L SECTION 01 OF 02 MADRID",
            "UNCLAS SECTION 01 OF 02 USUN NEW YORK",
            "confidential paris",
        ] {
            let text = format!(
                "{caption}\n000961\nSIPDIS\nE.O. 12958: DECL: 03/18/2014\nTAGS: PREL\nSUBJECT: X\n1. (C) Text.\n"
            );
            let c = crate::parse(&text);
            assert_eq!(c.serial.as_deref(), Some("000961"), "{caption}");
            assert!(c.classification.is_some() && c.origin.is_some() && c.removed.is_empty(), "{caption}: {c:?}");
        }
    }

    /// A 1970s caption with words after its telegram number: another series' number (`TOSEC
    /// 050123`), a channel (`NODIS CHEROKEE`). The caption is read and the words kept in a
    /// diagnostic; the same caption repeated in a later section is the caption's, not text.
    #[test]
    fn reads_a_caption_with_words_after_its_number() {
        let text = "SECRET SECTION 1 OF 2 STATE 123456 TOSEC 050123\nE.O. 11652: GDS\nTAGS: PFOR\nSUBJECT: X\n\n\
                    1. TEXT THAT GOES\n\nSECRET SECTION 2 OF 2 STATE 123456 TOSEC 050123\nON.\n\n2. MORE.\n\nKISSINGER\n";
        let c = crate::parse(text);
        assert_eq!(
            (c.classification, c.origin.as_deref(), c.serial.as_deref()),
            (Some(Classification::Secret), Some("STATE"), Some("123456"))
        );
        let words = c.diagnostics.iter().find(|d| d.kind == DiagnosticKind::CaptionWords).expect("a diagnostic");
        assert!(words.message.contains("TOSEC 050123"));
        assert!(c.removed.iter().any(|r| r.kind == Debris::Caption));
        assert_eq!(c.sections[0].paragraphs[0].text, "TEXT THAT GOES ON.");
        let c = crate::parse("SECRET STATE 012345 NODIS CHEROKEE\nSUBJECT: X\n\n1. TEXT.\n\n2. MORE.\n");
        assert_eq!((c.handling, c.serial.as_deref()), (vec!["NODIS".to_owned()], Some("012345")));
        // A spaced phrase after the number (it unmade the caption: no classification).
        let c = crate::parse("SECRET STATE 012345 C O R R E C T E D  C O P Y\nSUBJECT: X\n\n1. TEXT.\n\n2. MORE.\n");
        assert_eq!((c.classification, c.serial.as_deref()), (Some(Classification::Secret), Some("012345")));
        // Prose after a number is no caption: `SECRET AGENTS 4 were found`.
        let c = crate::parse("SECRET AGENTS 4 were found\nSUBJECT: X\n\n1. TEXT.\n");
        assert!(c.classification.is_none() && c.serial.is_none());
    }

    /// An E.O. line glued after a caption or a pass-through line, its breaks lost.
    #[test]
    fn reads_an_eo_line_glued_to_the_line_before() {
        let c =
            crate::parse("UNCLAS BRASILIA 000108\nSIPDIS E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Text.\n");
        assert_eq!(c.executive_order.as_deref(), Some("12958"));
        assert_eq!(c.handling, ["SIPDIS"]);
        assert!(c.pass_through.is_empty());
        let c = crate::parse(
            "UNCLAS LIMA 000001\nDEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Text.\n",
        );
        assert_eq!(c.pass_through, ["DEPT FOR WHA/BSC"]);
        assert_eq!(c.declassify_on.as_deref(), Some("2012-11-22"));
    }

    /// A page's header glued to the `TO` of a collective cable.
    #[test]
    fn reads_addressees_below_a_to_glued_to_a_page_header() {
        let c = crate::parse(
            "P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z\n\
             ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nAMEMBASSY TRIPOLI PRIORITY\nBT\nUNCLAS STATE 015113\n\
             SUBJECT: X\n\n1. (U) Text.\n",
        );
        let to: Vec<&str> = c.to.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(to, ["ALL DIPLOMATIC POSTS COLLECTIVE", "AMEMBASSY TRIPOLI"]);
    }

    /// A print-out's `From:` line wrapped again inside its parenthesis is read with its close on
    /// the next line: the post and serial, so the ID.
    #[test]
    fn reads_a_printouts_from_line_wrapped_again() {
        let text = "TELEGRAM June 03, 2003\n\nTo: SECSTATE WASHDC - IMMEDIATE\n\
                    From: AMEMBASSY ABU DHABI (ABU DHABI 2641 -\nUNKNOWN)\nTAGS: PREL, PTER, TC\n\
                    Subject: UAE VIEWS\n\n1. (C) Summary: text.\n\n2. (C) More.\n\nWAHBA\n";
        let cable = crate::parse(text);
        assert_eq!((cable.id.as_deref(), cable.unknown.len()), (Some("03ABUDHABI2641"), 0));
    }

    /// A body the archive's record names (`Message ID: …`) is a cable's, though it has no header,
    /// numbered paragraph or signature; and the record's rows are none of its text.
    #[test]
    fn a_body_under_the_archives_record_is_a_cable() {
        let c = crate::parse(
            "THE TALKS WENT ON ALL DAY AND WILL GO ON TOMORROW.\n\nMessage Attributes\nCapture Date: 01 JAN 1994\n\
             Draft Date: 13 MAY 1975\nFilm Number: D750168-0123\nMessage ID: 1975GENEVA01573\nLocator: TEXT ON-LINE\n",
        );
        assert!(!c.diagnostics.iter().any(|d| d.kind == DiagnosticKind::NotACable));
        let page = c.page.as_ref().unwrap();
        assert_eq!((page.id.as_deref(), page.created.as_deref()), (Some("1975GENEVA01573"), Some("1975-05-13")));
        assert_eq!(c.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>(), 1);
        assert!(c.unknown.is_empty());
    }

    /// A text that opens with its TAGS line is a telegram's; a `PlusD` copy's TAGS row has a tab.
    #[test]
    fn a_tags_line_opens_a_telegram_and_a_tab_makes_it_a_plusd_row() {
        let c = crate::parse("TAGS: PREL, PGOV\nSUBJECT: X\n\n1. (U) Text.\n\n2. (U) More.\n");
        assert_eq!((c.tags.as_slice(), c.page.is_none()), (&["PREL".to_owned(), "PGOV".to_owned()][..], true));
        let c = crate::parse(
            "Canonical ID\t09PARIS1\nDate\t2009-01-01\nTAGS\tPREL - External Political Relations\n\n\
             UNCLAS PARIS 000001\nTAGS: PGOV\nSUBJECT: X\n\n1. (U) Text.\n",
        );
        assert_eq!((c.tags.as_slice(), c.page.is_some()), (&["PGOV".to_owned()][..], true));
    }

    /// A page's words above the telegram (a site's menu, an introduction) are set aside as the
    /// page's, the viewer's table over it read as its metadata, a cell a line too; a telegram's
    /// own lines above its caption stay, and a sentence's `TO` in a body begins no envelope.
    #[test]
    fn sets_aside_a_pages_words_above_the_telegram() {
        let telegram =
            "UNCLAS MADRID 002164\n\nE.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: A VISIT\n\n1. (SBU) Text.\n\nARGYROS\n";
        let menu =
            "Cable Viewer\nBrowse by origin\nEmbassy Madrid Embassy Paris\nViewing cable 04MADRID2164, A VISIT\n\n";
        for table in [
            "Reference ID\tCreated\tReleased\tClassification\tOrigin\n04MADRID2164\t2004-06-09 09:09\t2010-12-07 12:12\tUNCLASSIFIED\tEmbassy Madrid\n",
            "Reference ID\nCreated\nReleased\nClassification\nOrigin\n04MADRID2164\n2004-06-09 09:09\n2010-12-07 12:12\nUNCLASSIFIED\nEmbassy Madrid\n",
        ] {
            let c = crate::parse(&format!("{menu}{table}\n{telegram}"));
            assert_eq!((c.subject.as_deref(), c.signers.as_slice()), (Some("A VISIT"), &["ARGYROS".to_owned()][..]));
            let page = c.page.as_ref().map(|m| (m.id.as_deref(), m.origin.as_deref()));
            assert_eq!(page, Some((Some("04MADRID2164"), Some("Embassy Madrid"))), "{table}");
            assert_eq!(c.removed.iter().filter(|r| r.kind == Debris::Container).count(), 4);
        }
        // A print-out's head above the caption is the telegram's.
        let c = crate::parse(&format!(
            "CONFIDENTIAL\nPAGE 01 MADRID 02164 171944Z\nACTION EUR-25\nR 171600Z MAY 74\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 4571\n\n{telegram}"
        ));
        assert!(c.removed.iter().all(|r| r.kind != Debris::Container) && c.from.is_some());
        // A body's sentence that opens with `TO` (1975GENEVA01573 wrapped at 50 columns).
        let body = "THE TOURISM PAPER HAS MOVED RAPIDLY IN INFORMAL\nNEGOTIATIONS. WE BELIEVE THAT IT POSES NO\nPROBLEMS AND HAVE PERMITTED IT TO MOVE FORWARD: -\n\
                    TO ALLOW PUBLICITY FOR TOURIST TRAVEL IN OTHER\nPARTICIPATING STATES.\n\nEND TEXT.\n\nDALE\n";
        let c = crate::parse(body);
        assert!(c.removed.iter().all(|r| r.kind != Debris::Container) && c.signers == ["DALE"]);
    }

    /// A double-spaced copy (a PDF's text layer) of a SUBJECT wrapped onto a second line.
    #[test]
    fn a_subject_wraps_across_the_blank_line_of_a_double_spaced_copy() {
        let text = "CONFIDENTIAL BELGRADE 000025\n\nSUBJECT: SERBIA: AMBASSADOR'S FIRST MEETING WITH PRESIDENTIAL FOREIGN\n\n\
                    POLICY ADVISOR RATKOVIC\n\nREF: BELGRADE 19\n\n1. (C) In a February 3 meeting, the adviser said so.\n";
        let c = crate::parse(text);
        assert_eq!(
            c.subject.as_deref(),
            Some("SERBIA: AMBASSADOR'S FIRST MEETING WITH PRESIDENTIAL FOREIGN POLICY ADVISOR RATKOVIC")
        );
        // A heading under a subject is no part of it.
        let text = "CONFIDENTIAL BELGRADE 000025\n\nSUBJECT: SERBIA: AMBASSADOR'S FIRST MEETING WITH PRESIDENTIAL ADVISOR\n\n\
                    SUMMARY\n-------\n\n1. (C) In a February 3 meeting, the adviser said so.\n";
        assert_eq!(
            crate::parse(text).subject.as_deref(),
            Some("SERBIA: AMBASSADOR'S FIRST MEETING WITH PRESIDENTIAL ADVISOR")
        );
    }

    /// Found by the property test: a SUBJECT whose blank line ends the text.
    #[test]
    fn a_subject_before_the_texts_last_blank_line_is_no_wrap() {
        // It read (it panicked on the line after the last), and its subject is empty.
        let c = crate::parse("TAGS: C O N F I D E N T I A L SUBJECT: \n\n");
        assert!(c.subject.as_deref().is_none_or(str::is_empty), "{:?}", c.subject);
        let long = format!("SUBJECT: {}\n\n", "A LONG SUBJECT THAT GOES ON AND ON WITHOUT END ".repeat(2));
        assert!(crate::parse(&long).subject.is_some_and(|s| s.starts_with("A LONG SUBJECT")));
    }

    /// Two cables pasted one after the other: the first is read as alone, the second's lines from
    /// its envelope on are set aside and said so. A later section of the same message, and a
    /// telegram quoted in a repeat (`QUOTE … UNQUOTE`), are the first's.
    #[test]
    fn sets_aside_a_second_cable_pasted_after_the_first() {
        let cable = |de: &str, body: &str, name: &str| {
            format!(
                "VZCZCXYZ0001\nOO RUEHWEB\n\n{de} 0340252\nZNY CCCCC ZZH\nO 030252Z FEB 09\nFM AMEMBASSY ROME\n\
                 TO RUEHC/SECSTATE WASHDC IMMEDIATE 5744\n\nC O N F I D E N T I A L ROME 000078\n\nSUBJECT: TALKS\n\n\
                 1. (C) {body}\n\n2. (C) More.\n\n{name}\n"
            )
        };
        let first = cable("DE RUEHRO #0078/01", "The talks went on.", "SPOGLI");
        let second = cable("DE RUEHC #7810/01", "Another cable.", "CLINTON");
        let alone = crate::parse(&first);
        let both = crate::parse(&format!("{first}\n{second}"));
        assert_eq!((both.id.as_deref(), &both.signers), (alone.id.as_deref(), &alone.signers));
        assert_eq!(both.sections, alone.sections);
        assert!(both.diagnostics.iter().any(|d| d.kind == DiagnosticKind::SecondCable && d.line == Some(20)));
        let set_aside = both.removed.iter().filter(|r| r.kind == Debris::AnotherCable).count();
        assert_eq!(set_aside, second.lines().filter(|l| !l.trim().is_empty()).count());
        // The same message's second section, and a repeat's quoted telegram: no second cable.
        let section = cable("DE RUEHRO #0078/02", "The talks went on.", "SPOGLI");
        let repeat = format!("{}QUOTE\n{second}UNQUOTE\n\nSPOGLI\n", first.trim_end_matches("SPOGLI\n"));
        for text in [format!("{first}\n{section}"), repeat] {
            let c = crate::parse(&text);
            assert!(c.diagnostics.iter().all(|d| d.kind != DiagnosticKind::SecondCable), "{text}");
            assert!(c.removed.iter().all(|r| r.kind != Debris::AnotherCable));
        }
    }
}
