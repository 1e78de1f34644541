//! Cables that arrive inside something else: a row of `WikiLeaks`' `cables.csv`, a JSON
//! record, the text files made from `cables.csv` (`refid:` … `----- header ends -----` …
//! `====CABLE ENDS====`). The container's own metadata is kept apart from what the text
//! says (`Cable.page`), exactly as for a saved web page.

use crate::model::PageMeta;

/// A cable taken out of its container: the telegram's text and the container's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwrapped {
    pub text: String,
    pub meta: PageMeta,
    /// Rows after the first one (a paste of several rows shows the first).
    pub more_records: usize,
}

/// The columns of `cables.csv`: row number, date (`12/28/1966 18:48`), reference ID, origin,
/// classification, references (`|`-separated), header, body.
pub const CSV_COLUMNS: usize = CSV_COLUMN_NAMES.len();

/// The columns' names, as the Python package's rows and the library call them.
pub const CSV_COLUMN_NAMES: [&str; 8] =
    ["row", "date", "id", "origin", "classification", "references", "header", "body"];

/// Where the next record starts: past the blank lines between records.
fn past_blank_lines(b: &[u8], mut at: usize) -> usize {
    while at < b.len() && matches!(b[at], b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// Whether `input` starts like a row of `cables.csv`: `"<number>","<m/d/yyyy h:mm>","`.
pub fn looks_like_csv_row(input: &str) -> bool {
    starts_like_csv_row(input.as_bytes())
}

/// [`looks_like_csv_row`] for bytes (the first bytes of a file), a byte-order mark allowed.
pub fn starts_like_csv_row(bytes: &[u8]) -> bool {
    row_starts(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)) == Some(true)
}

/// Whether bytes start like a row of `cables.csv` (see [`looks_like_csv_row`]); `None` when
/// they end before that can be told.
fn row_starts(b: &[u8]) -> Option<bool> {
    if b.is_empty() {
        return None;
    }
    if b[0] != b'"' {
        return Some(false);
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[1 + digits..];
    if rest.is_empty() {
        return None;
    }
    if digits == 0 {
        return Some(false);
    }
    let want = b"\",\"";
    let n = rest.len().min(want.len());
    if rest[..n] != want[..n] {
        return Some(false);
    }
    rest.get(want.len()).map(u8::is_ascii_digit)
}

/// Where a record of `cables.csv` ends: the one framing rule for every reader of the file
/// (a pasted row, `cable parse`, the library).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordEnd {
    /// The end of the record's bytes, before its line break.
    pub end: usize,
    /// Where the next record starts.
    pub next: usize,
    /// The record's quotes did not balance: it was cut where the next row starts (or at the
    /// end of the input), and its fields cannot be trusted.
    pub unbalanced: bool,
}

/// Finds the end of the record that starts at `from`. Fields are in double quotes; inside
/// them `\"` or `""` is a quote, `\\` a backslash, and line breaks belong to the field. A line
/// break inside quotes followed by the start of a row (`"123","4/`) ends a record whose
/// quotes did not balance, so one broken row never swallows the rest of the file.
///
/// `eof` says whether `b` holds the rest of the input; when it does not and the record (or
/// the look-ahead it needs) runs past the end of `b`, the answer is `None`: read more.
pub fn record_end(b: &[u8], from: usize, eof: bool) -> Option<RecordEnd> {
    let mut quoted = false;
    let mut i = from;
    let more = |at: usize| at >= b.len() && !eof;
    // Only quotes, line breaks and (inside quotes) backslashes matter: jump from one to the next.
    while let Some(k) =
        if quoted { memchr::memchr3(b'"', b'\\', b'\n', &b[i..]) } else { memchr::memchr3(b'"', b'\n', b'\r', &b[i..]) }
    {
        i += k;
        match b[i] {
            b'\\' => {
                if more(i + 1) {
                    return None;
                }
                let known = matches!(b.get(i + 1), Some(b'"' | b'\\' | b'\'' | b'n'));
                i += if known { 2 } else { 1 };
            }
            b'"' if quoted => {
                if more(i + 1) {
                    return None;
                }
                if b.get(i + 1) == Some(&b'"') {
                    i += 2;
                } else {
                    quoted = false;
                    i += 1;
                }
            }
            b'"' => {
                quoted = true;
                i += 1;
            }
            b'\n' if quoted => {
                match row_starts(&b[i + 1..]) {
                    Some(true) => {
                        let end = if i > from && b[i - 1] == b'\r' { i - 1 } else { i };
                        return Some(RecordEnd { end, next: i + 1, unbalanced: true });
                    }
                    None if !eof => return None,
                    _ => {}
                }
                i += 1;
            }
            _ => {
                // A line break outside quotes ends the record.
                if b[i] == b'\r' && more(i + 1) {
                    return None;
                }
                let next = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                return Some(RecordEnd { end: i, next, unbalanced: false });
            }
        }
    }
    eof.then_some(RecordEnd { end: b.len(), next: b.len(), unbalanced: quoted })
}

/// Splits one record (as [`record_end`] framed it) into its fields, undoing the escapes.
pub fn record_fields(record: &str) -> Vec<String> {
    let b = record.as_bytes();
    let mut fields = Vec::with_capacity(CSV_COLUMNS);
    let mut field = String::new();
    let mut quoted = false;
    let mut i = 0;
    let mut start = 0;
    while let Some(k) =
        if quoted { memchr::memchr2(b'"', b'\\', &b[i..]) } else { memchr::memchr2(b'"', b',', &b[i..]) }
    {
        i += k;
        match b[i] {
            b'\\' => {
                field.push_str(&record[start..i]);
                match b.get(i + 1) {
                    Some(b'n') => field.push('\n'),
                    Some(&next @ (b'"' | b'\\' | b'\'')) => field.push(char::from(next)),
                    _ => {
                        // Not an escape we know: keep both characters.
                        field.push('\\');
                        i += 1;
                        start = i;
                        continue;
                    }
                }
                i += 2;
                start = i;
            }
            b'"' if quoted && b.get(i + 1) == Some(&b'"') => {
                field.push_str(&record[start..=i]);
                i += 2;
                start = i;
            }
            b'"' => {
                field.push_str(&record[start..i]);
                quoted = !quoted;
                i += 1;
                start = i;
            }
            _ => {
                field.push_str(&record[start..i]);
                fields.push(std::mem::take(&mut field));
                i += 1;
                start = i;
            }
        }
    }
    field.push_str(&record[start..]);
    fields.push(field);
    fields
}

/// Reads CSV records as `cables.csv` writes them (framed by [`record_end`], split by
/// [`record_fields`]). A record cut off by the end of the input is still yielded (with what
/// it has).
pub struct CsvRecords<'a> {
    input: &'a str,
    at: usize,
}

impl<'a> CsvRecords<'a> {
    pub fn new(input: &'a str) -> Self {
        CsvRecords { input, at: 0 }
    }
}

impl Iterator for CsvRecords<'_> {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        let b = self.input.as_bytes();
        self.at = past_blank_lines(b, self.at);
        if self.at >= b.len() {
            return None;
        }
        let end = record_end(b, self.at, true)?;
        // Record ends fall on ASCII bytes, so both slices are on char boundaries.
        let fields = record_fields(&self.input[self.at..end.end]);
        self.at = end.next;
        Some(fields)
    }
}

/// What a streamed `cables.csv` yields: a record's bytes, or a row that had to be skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvItem {
    /// The record's bytes (the whole row, quotes and escapes included: [`crate::parse_bytes`]
    /// reads it as a `cables.csv` row).
    Record { row: usize, bytes: Vec<u8> },
    /// A row skipped, and why.
    Bad { row: usize, problem: CsvProblem },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// Quotes that do not balance: the row was cut where the next one starts.
    Unbalanced,
    /// Longer than the limit the stream was made with; skipped without being held in memory.
    TooLong { limit: usize },
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvProblem::Unbalanced => f.write_str("its quotes do not balance (the row is cut where the next begins)"),
            CsvProblem::TooLong { limit } => write!(f, "longer than {} MB, more than any cable", limit >> 20),
        }
    }
}

/// `cables.csv` read in chunks, in memory bounded by the longest record (and at most `limit`
/// bytes of one): push bytes as they arrive, take records as they complete. Rows are counted
/// from 1 in the order of the file, bad ones included.
pub struct CsvStream {
    buf: Vec<u8>,
    at: usize,
    rows: usize,
    limit: usize,
    /// Inside a record longer than the limit: bytes are dropped until the next row starts.
    skipping: bool,
    /// Bytes of the input dropped from `buf`, and where the last record began in the input.
    base: u64,
    last: u64,
}

impl CsvStream {
    pub fn new(limit: usize) -> Self {
        CsvStream { buf: Vec::new(), at: 0, rows: 0, limit, skipping: false, base: 0, last: 0 }
    }

    /// Adds the next bytes of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        if self.at > 0 && self.at * 2 >= self.buf.len() {
            self.buf.drain(..self.at);
            self.base += self.at as u64;
            self.at = 0;
        }
        self.buf.extend_from_slice(chunk);
    }

    /// The next record or bad row; `None` when more bytes are needed (or, with `eof`, when the
    /// file is done).
    pub fn next_item(&mut self, eof: bool) -> Option<CsvItem> {
        if self.skipping && !self.skip_to_row(eof) {
            return None;
        }
        self.at = past_blank_lines(&self.buf, self.at);
        if self.at >= self.buf.len() {
            return None;
        }
        let Some(end) = record_end(&self.buf, self.at, eof) else {
            if self.buf.len() - self.at > self.limit {
                self.rows += 1;
                self.skipping = true;
                self.at = self.buf.len();
                return Some(CsvItem::Bad { row: self.rows, problem: CsvProblem::TooLong { limit: self.limit } });
            }
            return None;
        };
        self.rows += 1;
        let row = self.rows;
        self.last = self.base + self.at as u64;
        let item = if end.unbalanced {
            CsvItem::Bad { row, problem: CsvProblem::Unbalanced }
        } else {
            CsvItem::Record { row, bytes: self.buf[self.at..end.end].to_vec() }
        };
        self.at = end.next;
        Some(item)
    }

    /// Where in the input the record (or bad row) last returned began: with its length, what
    /// a reader needs to read it again (the library keeps no text).
    pub fn last_offset(&self) -> u64 {
        self.last
    }

    /// Drops bytes up to the next line that starts a row; whether one was found.
    fn skip_to_row(&mut self, eof: bool) -> bool {
        let mut i = self.at;
        while let Some(nl) = memchr::memchr(b'\n', &self.buf[i..]) {
            let line = i + nl + 1;
            match row_starts(&self.buf[line..]) {
                Some(true) => {
                    self.at = line;
                    self.skipping = false;
                    return true;
                }
                None if !eof => {
                    // Keep the line's start until the bytes after it arrive.
                    self.at = i + nl;
                    return false;
                }
                _ => i = line,
            }
        }
        self.at = self.buf.len();
        if eof {
            self.skipping = false;
        }
        false
    }
}

/// A row of `cables.csv` as a cable: its header and body, and its columns as metadata.
pub fn unwrap_csv(input: &str) -> Option<Unwrapped> {
    let mut records = CsvRecords::new(input.trim_start_matches('\u{feff}'));
    let row = records.next()?;
    if row.len() < CSV_COLUMNS {
        return None;
    }
    let more_records = records.count();
    let text = format!("{}\n\n{}", row[6].trim_end(), row[7].trim());
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let meta = PageMeta {
        source: Some("cables.csv row"),
        id: nonempty(&row[2]),
        created: csv_date(&row[1]),
        classification: nonempty(&row[4]),
        origin: nonempty(&row[3]),
        references: row[5].split('|').filter_map(nonempty).collect(),
        ..PageMeta::default()
    };
    Some(Unwrapped { text, meta, more_records })
}

/// `12/28/1966 18:48` → `1966-12-28 18:48`.
fn csv_date(field: &str) -> Option<String> {
    let (date, time) = field.trim().split_once(' ').unwrap_or((field.trim(), ""));
    let day = crate::fields::dtg::parse_slash_date(date)
        .filter(|d| d[..4].parse::<u16>().is_ok_and(|year| (1900..=2100).contains(&year)))?;
    let time = time
        .split_once(':')
        .and_then(|(h, m)| Some(format!(" {:02}:{:02}", h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)));
    Some(format!("{day}{}", time.unwrap_or_default()))
}

/// Whether `input` is a JSON object (a database record of a cable).
pub fn looks_like_json(input: &str) -> bool {
    let t = input.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{')
        && t.trim_end().ends_with('}')
        && ["\"body\"", "\"content\"", "\"text\""].iter().any(|k| t.contains(k))
}

/// A JSON record: the telegram in `body`, `content` or `text` (after a `header` when there is
/// one); `id`/`refid`/`canonical_id`, `date`/`created`, `classification` and `origin` as metadata.
pub fn unwrap_json(input: &str) -> Option<Unwrapped> {
    let pairs = json::top_level_strings(input.trim_start_matches('\u{feff}').trim())?;
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| pairs.iter().find(|(name, _)| name.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone()))
    };
    let body = get(&["body", "content", "text", "cable_text", "message"])?;
    let text = match get(&["header"]) {
        Some(header) if !header.trim().is_empty() => format!("{}\n\n{}", header.trim_end(), body.trim()),
        _ => body,
    };
    let meta = PageMeta {
        source: Some("JSON record"),
        id: get(&["refid", "reference_id", "canonical_id", "cable_id", "id", "_id"]),
        created: get(&["date", "created", "date_time", "datetime"]),
        classification: get(&["classification"]),
        origin: get(&["origin", "from"]),
        ..PageMeta::default()
    };
    Some(Unwrapped { text, meta, more_records: 0 })
}

/// The keys of the text files made from `cables.csv` (`refid: 66BUENOSAIRES2481`).
const EXPORT_KEYS: [&str; 8] =
    ["id", "date", "refid", "origin", "classification", "destination", "references", "header"];

/// A line that wraps a pasted text without being any of it: a code fence (```` ``` ````,
/// `~~~`, with or without the language word that opens a block: `` ```text ``), as Markdown
/// (a chat, an issue, a note) sets a text apart, or a forum's quote and code tags (`[quote]`,
/// `[quote="…"]`, `[code]` and their `[/…]`) on a line of their own. No telegram has such a line.
pub fn wrapper_marker(line: &str) -> bool {
    // Nearly every line is rejected on its first byte.
    match line.as_bytes().first() {
        Some(&fence @ (b'`' | b'~')) => {
            let marks = line.bytes().take_while(|&b| b == fence).count();
            let info = line[marks..].trim();
            // A fence is three marks, or a few more; a longer run of tildes is a rule (`~~~~~~~~`).
            let most = if fence == b'`' { 6 } else { 4 };
            (3..=most).contains(&marks)
                && info.len() <= 20
                && info.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'.'))
        }
        Some(b'[') => {
            let Some(tag) = line.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else { return false };
            let tag = tag.strip_prefix('/').unwrap_or(tag);
            let name = tag.split_once('=').map_or(tag, |(name, _)| name);
            (name.eq_ignore_ascii_case("quote") || name.eq_ignore_ascii_case("code"))
                && (name.len() == tag.len() || !line.starts_with("[/"))
        }
        _ => false,
    }
}

/// A metadata line of those text files: the key and its value.
pub fn export_field(line: &str) -> Option<(&'static str, &str)> {
    // Keys are short lower-case words: reject other lines before looking for the colon.
    if !line.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let (key, value) =
        line.get(..16).map_or(line, |head| head).split_once(':').map(|(k, _)| (k, &line[k.len() + 1..]))?;
    let key = EXPORT_KEYS.iter().find(|k| **k == key)?;
    Some((key, value.trim()))
}

/// `----- header ends -----` and `====CABLE ENDS====`.
pub fn export_marker(line: &str) -> bool {
    // Nearly every line is rejected on its first byte.
    if !line.starts_with(['-', '=']) {
        return false;
    }
    let inner = line.trim_matches(|c| c == '-' || c == '=').trim();
    line.len() > inner.len() + 4
        && (inner.eq_ignore_ascii_case("header ends") || inner.eq_ignore_ascii_case("CABLE ENDS"))
}

/// Reads the top-level string (and number) members of a JSON object: enough for a cable
/// record, without a JSON library in the parser. Nested values are skipped.
pub mod json {
    /// A JSON string's content with its escapes undone (`\n`, `\"`, `\u00b6`), leniently: an
    /// unknown or cut-off escape keeps what follows the backslash.
    pub fn unescape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('\\') {
            out.push_str(&rest[..at]);
            let mut chars = rest[at + 1..].chars();
            let Some(c) = chars.next() else { break };
            rest = chars.as_str();
            match escaped(c, &mut rest) {
                Some(c) => out.push(c),
                None if c == 'b' || c == 'f' => {}
                None => out.push(c),
            }
        }
        out.push_str(rest);
        out
    }

    /// The character an escape `\c` stands for; for `\u`, its four hex digits are taken from
    /// `rest`. `None` for `\b` and `\f` (dropped) and for a `\u` without its digits.
    fn escaped(c: char, rest: &mut &str) -> Option<char> {
        Some(match c {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'b' | 'f' => return None,
            'u' => {
                let hex = rest.get(..4)?;
                let unit = u32::from_str_radix(hex, 16).ok()?;
                *rest = &rest[4..];
                char::from_u32(unit).unwrap_or('\u{fffd}')
            }
            other => other,
        })
    }

    pub fn top_level_strings(text: &str) -> Option<Vec<(String, String)>> {
        let mut p = Reader { b: text.as_bytes(), text, at: 0 };
        p.space();
        p.expect(b'{')?;
        let mut out = Vec::new();
        loop {
            p.space();
            if p.eat(b'}') {
                return Some(out);
            }
            let key = p.string()?;
            p.space();
            p.expect(b':')?;
            p.space();
            match p.peek()? {
                b'"' => out.push((key, p.string()?)),
                b'-' | b'0'..=b'9' => {
                    let start = p.at;
                    while p.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'e' | b'E' | b'+'))
                    {
                        p.at += 1;
                    }
                    out.push((key, text[start..p.at].to_owned()));
                }
                _ => p.skip_value()?,
            }
            p.space();
            if !p.eat(b',') {
                p.expect(b'}')?;
                return Some(out);
            }
        }
    }

    struct Reader<'a> {
        b: &'a [u8],
        text: &'a str,
        at: usize,
    }

    impl Reader<'_> {
        fn peek(&self) -> Option<u8> {
            self.b.get(self.at).copied()
        }

        fn eat(&mut self, c: u8) -> bool {
            let hit = self.peek() == Some(c);
            self.at += usize::from(hit);
            hit
        }

        fn expect(&mut self, c: u8) -> Option<()> {
            self.eat(c).then_some(())
        }

        fn space(&mut self) {
            while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                self.at += 1;
            }
        }

        fn string(&mut self) -> Option<String> {
            self.expect(b'"')?;
            let mut out = String::new();
            let mut start = self.at;
            loop {
                match self.peek()? {
                    b'"' => {
                        out.push_str(&self.text[start..self.at]);
                        self.at += 1;
                        return Some(out);
                    }
                    b'\\' => {
                        out.push_str(&self.text[start..self.at]);
                        self.at += 1;
                        // The escaped character whole: it may be more than one byte.
                        let c = self.text.get(self.at..)?.chars().next()?;
                        self.at += c.len_utf8();
                        let mut rest = self.text.get(self.at..)?;
                        let before = rest.len();
                        match escaped(c, &mut rest) {
                            Some(c) => out.push(c),
                            None if c == 'u' => return None,
                            None => {}
                        }
                        self.at += before - rest.len();
                        start = self.at;
                    }
                    _ => self.at += 1,
                }
            }
        }

        /// Skips an object, array or literal, strings inside included.
        fn skip_value(&mut self) -> Option<()> {
            let mut depth = 0usize;
            loop {
                match self.peek()? {
                    b'"' => {
                        self.string()?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b'}' if depth == 0 => return Some(()),
                    _ => {}
                }
                self.at += 1;
                if depth == 0 && !self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                    return Some(());
                }
            }
        }
    }
}

/// The labels of the archive's record of a 1970s telegram (the National Archives' "Message
/// Attributes", `PlusD`'s metadata under the text): `Draft Date: 17 MAY 1974`, `Film Number:
/// D740122-0480`, `Review Markings:` … Sorted, for a binary search.
const RECORD_LABELS: [&str; 75] = [
    "ARCHIVE STATUS",
    "ATTACHMENTS",
    "AUTOMATIC DECAPTIONING",
    "CAPTURE DATE",
    "CHANNEL INDICATORS",
    "CHARACTER COUNT",
    "CONCEPTS",
    "CONTROL NUMBER",
    "COPY",
    "CURRENT CLASSIFICATION",
    "CURRENT HANDLING RESTRICTIONS",
    "CURRENT RELEASE RESTRICTIONS",
    "DECAPTION DATE",
    "DECAPTION NOTE",
    "DISPOSITION ACTION",
    "DISPOSITION APPROVED ON DATE",
    "DISPOSITION AUTHORITY",
    "DISPOSITION CASE NUMBER",
    "DISPOSITION COMMENT",
    "DISPOSITION DATE",
    "DISPOSITION EVENT",
    "DISPOSITION HISTORY",
    "DISPOSITION REASON",
    "DISPOSITION REMARKS",
    "DOCUMENT NUMBER",
    "DOCUMENT SOURCE",
    "DOCUMENT UNIQUE ID",
    "DRAFT DATE",
    "DRAFTER",
    "ENCLOSURE",
    "ERRORS",
    "EXECUTIVE ORDER",
    "FILM NUMBER",
    "FROM",
    "HANDLING RESTRICTIONS",
    "IMAGE PATH",
    "ISECURE",
    "LEGACY KEY",
    "LINE COUNT",
    "LITIGATION CODE",
    "LITIGATION COMMENTS",
    "LITIGATION HISTORY",
    "LOCATOR",
    "MARKINGS",
    "MESSAGE ID",
    "OFFICE",
    "OFFICE ACTION",
    "OFFICE ORIGIN",
    "ORIGINAL CLASSIFICATION",
    "ORIGINAL HANDLING RESTRICTIONS",
    "ORIGINAL PREVIOUS CLASSIFICATION",
    "ORIGINAL PREVIOUS HANDLING RESTRICTIONS",
    "PAGE COUNT",
    "PREVIOUS CHANNEL INDICATORS",
    "PREVIOUS CLASSIFICATION",
    "PREVIOUS HANDLING RESTRICTIONS",
    "REFERENCE",
    "RETENTION PERIOD",
    "REVIEW ACTION",
    "REVIEW AUTHORITY",
    "REVIEW COMMENT",
    "REVIEW CONTENT FLAGS",
    "REVIEW DATE",
    "REVIEW EVENT",
    "REVIEW EXEMPTIONS",
    "REVIEW HISTORY",
    "REVIEW MARKINGS",
    "REVIEW MEDIA IDENTIFIER",
    "REVIEW REFERRALS",
    "REVIEW RELEASE DATE",
    "REVIEW RELEASE EVENT",
    "REVIEW TRANSFER DATE",
    "REVIEW WITHDRAWN FIELDS",
    "SAS ID",
    "SECURE",
];

/// Labels of the record that a telegram's own text has too (`TAGS:`, `Subject:`, `To:`, `Type:`,
/// `Status:`): rows of the record only beside the others.
const RECORD_SHARED_LABELS: [&str; 5] = ["STATUS", "SUBJECT", "TAGS", "TO", "TYPE"];

/// The headings the record stands under.
const RECORD_HEADINGS: [&str; 3] = ["MESSAGE ATTRIBUTES", "METADATA", "DOCUMENT ATTRIBUTES"];

/// A row of the archive's record: its label (upper case, one of [`RECORD_LABELS`] or
/// [`RECORD_SHARED_LABELS`]) and its value, apart by a colon or a tab (`Capture Date: 01 JAN
/// 1994`, `Film Number\tD740122-0480`, `Decaption Note:` with none).
pub fn record_row(line: &str) -> Option<(String, &str)> {
    // A label alone: its value empty, and the tab after it trimmed away with the line's end.
    if line.len() <= 40 && line.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        let label = line.trim().to_ascii_uppercase();
        return own_record_label(&label).then_some((label, ""));
    }
    // The separator within a label's length (a paragraph's line is not searched through).
    let head = &line.as_bytes()[..line.len().min(41)];
    let at = memchr::memchr2(b':', b'\t', head).filter(|&k| k >= 2)?;
    let label = line[..at].trim();
    // Nearly every line fails here: a label is a few words of letters.
    if !label.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        return None;
    }
    let label = label.to_ascii_uppercase();
    known_row_label(&label).then(|| (label, line[at + 1..].trim()))
}

/// Whether `label` (upper case) is one of the record's ([`RECORD_LABELS`], [`RECORD_SHARED_LABELS`]).
fn known_row_label(label: &str) -> bool {
    RECORD_LABELS.binary_search(&label).is_ok() || RECORD_SHARED_LABELS.contains(&label)
}

/// Where the rows of a table copied with tabs begin when they ran together on one line
/// (`PlusD`'s metadata or the archive's record with their line breaks lost: `… Canonical
/// ID\t1974ATHENS02959_b Date\t1974 May 17, 16:00 (Friday) Original Classification\t…`): at each
/// known label a tab follows, the longest that starts a word; none unless three or more.
pub fn tabbed_rows(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let label = |k: usize, tab: usize| {
        let words = &b[k..tab];
        words.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ')
            && (known_row_label(&line[k..tab].to_ascii_uppercase()) || crate::html::is_plusd_label(&line[k..tab]))
    };
    let starts: Vec<usize> = memchr::memchr_iter(b'\t', b)
        .filter_map(|tab| {
            (tab.saturating_sub(40)..tab).filter(|&k| k == 0 || b[k - 1] == b' ').find(|&k| label(k, tab))
        })
        .collect();
    if starts.len() >= 3 { starts } else { Vec::new() }
}

/// Where the rows of `PlusD`'s metadata begin when a copy lost its tabs as well as its line
/// breaks (`Canonical ID 1974ATHENS02959_b Date 1974 May 17, 16:00 (Friday) Original
/// Classification CONFIDENTIAL …  To Secretary of State CONFIDENTIAL PAGE 01 …`): at its
/// canonical ID, then at each of its labels in the page's order, and where the telegram begins
/// after the last (its classification in capitals, or its envelope). None unless four rows.
pub fn spaced_plusd_rows(line: &str) -> Vec<usize> {
    const ID: &str = "Canonical ID ";
    let Some(first) = memchr::memmem::find(line.as_bytes(), ID.as_bytes()) else { return Vec::new() };
    // PlusD's form of it too (`1974ATHENS02959_b`).
    let id = line[first + ID.len()..].split_ascii_whitespace().next().unwrap_or("");
    if crate::stations::canonical_id(id).is_none() {
        return Vec::new();
    }
    let mut starts = vec![first];
    let mut at = first + ID.len();
    for label in &crate::html::PLUSD_ORDER[1..] {
        // Each in the next few hundred bytes (a row may be missing), a word of its own.
        let window = &line[at..crate::lines::floor_char_boundary(line, at + 400)];
        let found = window
            .match_indices(label)
            .map(|(k, _)| at + k)
            .find(|&k| line[..k].ends_with(' ') && line[k + label.len()..].starts_with(' '));
        if let Some(k) = found {
            starts.push(k);
            at = k + label.len();
        }
    }
    if starts.len() < 4 {
        return Vec::new();
    }
    // The telegram after the last row's value (`To Secretary of State`, in mixed case).
    let rest = &line[at..crate::lines::floor_char_boundary(line, at + 300)];
    let telegram =
        [" UNCLASSIFIED ", " UNCLAS ", " LIMITED OFFICIAL USE ", " CONFIDENTIAL ", " SECRET ", " VZCZC", " C O N F"]
            .iter()
            .filter_map(|mark| rest.find(mark).map(|k| at + k + 1))
            .min();
    starts.extend(telegram);
    starts
}

/// Whether a row's label is the record's own, not one a telegram's text has too.
fn own_record_label(label: &str) -> bool {
    RECORD_LABELS.binary_search(&label).is_ok()
}

/// Where the archive's record of a telegram begins, when the text ends with one (its heading,
/// if any, then rows to the end; a row with no value may have it on the line below): four
/// rows of the record's own labels or more. `None` for nearly every text.
pub fn record_start(lines: &[&str]) -> Option<usize> {
    let mut start = None;
    let mut own = 0;
    let mut k = lines.len();
    // Upwards from the end, over blank lines, rows, and a value under a row that has none.
    while k > 0 {
        let line = lines[k - 1].trim();
        if line.is_empty() {
            k -= 1;
            continue;
        }
        if let Some((label, _)) = record_row(line) {
            own += usize::from(own_record_label(&label));
            start = Some(k - 1);
            k -= 1;
            continue;
        }
        let above = lines[..k - 1].iter().rev().map(|l| l.trim()).find(|l| !l.is_empty());
        let under_empty_row = above.and_then(record_row).is_some_and(|(_, value)| value.is_empty());
        if under_empty_row && start.is_some() {
            k -= 1;
            continue;
        }
        if start.is_some() && RECORD_HEADINGS.iter().any(|h| line.trim_end_matches(':').eq_ignore_ascii_case(h)) {
            start = Some(k - 1);
        }
        break;
    }
    let start = start.filter(|_| own >= 4)?;
    // The record follows a telegram: some text stands above it.
    lines[..start].iter().any(|l| !l.trim().is_empty()).then_some(start)
}

/// A value a record's or `PlusD`'s row gives: none where it says it has none (empty, `n/a`,
/// `PlusD`'s `-- N/A or Blank --` and `-- Not Assigned --`).
pub fn given(value: &str) -> Option<String> {
    let v = value.trim();
    let placeholder = v.len() >= 4 && v.starts_with("--") && v.ends_with("--");
    (!v.is_empty() && !v.eq_ignore_ascii_case("n/a") && !placeholder).then(|| v.to_owned())
}

/// What the archive's record says of the telegram, from its rows (`lines` from the record's
/// start), into `meta` where it says nothing yet: the message's ID, its draft date (as
/// `YYYY-MM-DD`), classification, handling, origin, addressee, TAGS and markings.
pub fn read_record_rows(lines: &[&str], meta: &mut PageMeta) {
    for line in lines {
        let Some((label, value)) = record_row(line.trim()) else { continue };
        let Some(value) = given(value) else { continue };
        let slot = match label.as_str() {
            "MESSAGE ID" | "DOCUMENT NUMBER" => &mut meta.id,
            "DRAFT DATE" => {
                meta.created.get_or_insert(super::fields::dtg::parse_named_date(&value).unwrap_or(value));
                continue;
            }
            "ORIGINAL CLASSIFICATION" => &mut meta.classification,
            "CURRENT CLASSIFICATION" => &mut meta.current_classification,
            "ORIGINAL HANDLING RESTRICTIONS" | "HANDLING RESTRICTIONS" => &mut meta.handling,
            "FROM" => &mut meta.origin,
            "TO" => &mut meta.to,
            "TAGS" => &mut meta.tags,
            "MARKINGS" => &mut meta.markings,
            _ => continue,
        };
        slot.get_or_insert(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = "\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\",\"Embassy Tehran\",\"UNCLASSIFIED\",\
                       \"72MOSCOW1603|72TEHRAN1091\",\"R 250930Z FEB 72\nFM AMEMBASSY TEHRAN\",\"UNCLAS TEHRAN 1164\n\n\
                       SUBJ: THE \\\"SHAH\\\"\n\n1. TEXT.\"\n";

    /// Everything a stream yields for `input` pushed in chunks of `size` bytes.
    fn stream(input: &[u8], size: usize, limit: usize) -> Vec<CsvItem> {
        let mut stream = CsvStream::new(limit);
        let mut items = Vec::new();
        for chunk in input.chunks(size) {
            stream.push(chunk);
            items.extend(std::iter::from_fn(|| stream.next_item(false)));
        }
        items.extend(std::iter::from_fn(|| stream.next_item(true)));
        items
    }

    #[test]
    fn a_stream_yields_the_same_records_however_the_bytes_arrive() {
        let broken = "\"3\",\"1/2/1972 9:30\",\"X\",\"a field never closed\r\n";
        let input = format!("{ROW}\r\n{broken}{ROW}\n\n{}", ROW.replace("\"2\"", "\"4\""));
        let whole = stream(input.as_bytes(), input.len(), 1 << 20);
        let records: Vec<Vec<String>> = CsvRecords::new(&input).collect();
        assert_eq!(whole.len(), 4);
        assert_eq!(whole[1], CsvItem::Bad { row: 2, problem: CsvProblem::Unbalanced });
        for (k, item) in whole.iter().enumerate().filter(|(k, _)| *k != 1) {
            let CsvItem::Record { row, bytes } = item else { panic!("{item:?}") };
            assert_eq!(*row, k + 1);
            assert_eq!(record_fields(std::str::from_utf8(bytes).unwrap()), records[k], "the one framing rule");
        }
        for size in [1, 2, 3, 7, 64] {
            assert_eq!(stream(input.as_bytes(), size, 1 << 20), whole, "chunks of {size}");
        }
    }

    #[test]
    fn a_record_longer_than_the_limit_is_skipped_without_being_held() {
        let long = format!("\"2\",\"1/2/1972 9:30\",\"X\",\"{}\"\n", "A".repeat(5000));
        let input = format!("{ROW}\n{long}{ROW}");
        let items = stream(input.as_bytes(), 100, 1000);
        assert_eq!(items.len(), 3);
        assert_eq!(items[1], CsvItem::Bad { row: 2, problem: CsvProblem::TooLong { limit: 1000 } });
        assert!(
            matches!(&items[2], CsvItem::Record { row: 3, bytes } if bytes == ROW.trim_end().as_bytes()),
            "{:?}",
            items[2]
        );
    }

    #[test]
    fn reads_a_cables_csv_row() {
        assert!(looks_like_csv_row(ROW));
        let u = unwrap_csv(ROW).unwrap();
        assert_eq!(u.meta.id.as_deref(), Some("72TEHRAN1164"));
        assert_eq!(u.meta.created.as_deref(), Some("1972-02-25 09:30"));
        assert_eq!(u.meta.references, ["72MOSCOW1603", "72TEHRAN1091"]);
        assert_eq!(
            u.text,
            "R 250930Z FEB 72\nFM AMEMBASSY TEHRAN\n\nUNCLAS TEHRAN 1164\n\nSUBJ: THE \"SHAH\"\n\n1. TEXT."
        );
        assert_eq!(u.more_records, 0);
        assert!(!looks_like_csv_row("\"quoted\" text"));
    }

    #[test]
    fn a_broken_row_is_not_a_cable() {
        assert!(unwrap_csv("\"1\",\"1/1/2000 1:00\",\"00X1\"").is_none());
        // Cut off inside a field: what is there is kept.
        let cut = "\"1\",\"1/1/2000 1:00\",\"00X1\",\"O\",\"C\",\"\",\"H\",\"BODY";
        assert_eq!(unwrap_csv(cut).map(|u| u.text), Some("H\n\nBODY".to_owned()));
    }

    #[test]
    fn reads_a_json_record() {
        let u = unwrap_json(r#"{"id": "10MADRID527", "date": "2010-05-10", "tags": ["PREL"], "body": "UNCLAS MADRID 527\n\nSUBJECT: X \u00e9"}"#)
            .unwrap();
        assert_eq!(u.meta.id.as_deref(), Some("10MADRID527"));
        assert_eq!(u.text, "UNCLAS MADRID 527\n\nSUBJECT: X é");
        assert!(unwrap_json("{\"body\": ").is_none());
    }

    /// Found by `make fuzz` (target `parse`): a backslash before a multi-byte character made the
    /// JSON reader step into the character and slice inside it.
    #[test]
    fn a_json_escape_before_a_multibyte_character() {
        let u = unwrap_json("{\"body\": \"UNCLAS \\é X\\\u{1F600}\"}").unwrap();
        assert_eq!(u.text, "UNCLAS é X\u{1F600}");
    }

    #[test]
    fn reads_export_lines() {
        assert_eq!(export_field("refid: 66BUENOSAIRES2481"), Some(("refid", "66BUENOSAIRES2481")));
        assert_eq!(export_field("SUBJECT: X"), None);
        assert!(export_marker("----- header ends -----") && export_marker("====CABLE ENDS===="));
        assert!(!export_marker("-----"));
        for marker in ["```", "````", "```text", "~~~", "[quote]", "[QUOTE=\"Jane\"]", "[/quote]", "[code]", "[/code]"]
        {
            assert!(wrapper_marker(marker), "{marker}");
        }
        for line in [
            "``",
            "```x y",
            "`code`",
            "~~~ end of text ~~~",
            "~~~~~~~~",
            "[quote",
            "[/quote=x]",
            "[QUOTE] SECRET",
            "[1]",
        ] {
            assert!(!wrapper_marker(line), "{line}");
        }
    }

    /// The archive's record under a telegram: its rows (a colon or a tab after the label, a
    /// value on the line under a row with none), its heading; not a telegram's own fields.
    #[test]
    fn reads_the_archives_record_under_a_telegram() {
        let text = "1. THE TALKS WENT ON.\n\nTASCA\n\n\nMessage Attributes\nAutomatic Decaptioning: X\n\
                    Capture Date: 01 JAN 1994\nDraft Date: 17 MAY 1974\nReview Markings:\n\
                    Declassified/Released US Department of State EO Systematic Review 30 JUN 2005\n\
                    Message ID: 1974ATHENS02959\nOriginal Classification: CONFIDENTIAL\nTAGS: PFOR, GR, TU\nTo: STATE\n";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(record_start(&lines), Some(5));
        let mut meta = PageMeta::default();
        read_record_rows(&lines[5..], &mut meta);
        assert_eq!(
            (meta.id.as_deref(), meta.created.as_deref(), meta.classification.as_deref(), meta.to.as_deref()),
            (Some("1974ATHENS02959"), Some("1974-05-17"), Some("CONFIDENTIAL"), Some("STATE"))
        );
        // A table's copy: tabs for colons, an empty value's trimmed away with the line's end
        // (`Review Markings`), no heading.
        let tabs: Vec<String> = lines[6..].iter().map(|l| l.replacen(": ", "\t", 1).replace(':', "")).collect();
        let tabbed: Vec<&str> = lines[..5].iter().copied().chain(tabs.iter().map(String::as_str)).collect();
        assert_eq!(record_start(&tabbed), Some(5));
        // A telegram's own fields at its end, or three rows of the record, are none.
        let own = ["1. TEXT.", "", "TAGS: PFOR", "Subject: X", "To: STATE", "Type: TE", "Status: OPEN"];
        assert_eq!(record_start(&own), None);
        let few = ["1. TEXT.", "", "Capture Date: X", "Film Number: Y", "Locator: Z", "TAGS: PFOR"];
        assert_eq!(record_start(&few), None);
        // Nor a record with no telegram above it.
        assert_eq!(record_start(&lines[5..]), None);
    }

    /// A table's rows run together on one line are found by their labels, each before a tab, the
    /// longest that starts a word; fewer than three are none.
    #[test]
    fn finds_the_rows_of_a_table_run_together() {
        let line = "Cable: 1974ATHENS02959_b Canonical ID\t1974ATHENS02959_b Date\t1974 May 17 Original \
                    Classification\tCONFIDENTIAL Locator\tTEXT ON MICROFILM,TEXT ONLINE TAGS\tPFOR - GR";
        let starts: Vec<&str> = tabbed_rows(line).iter().map(|&k| &line[k..k + 8]).collect();
        assert_eq!(starts, ["Canonica", "Date\t197", "Original", "Locator\t", "TAGS\tPFO"]);
        assert!(tabbed_rows("Date\t1974 TAGS\tPFOR").is_empty());
    }

    /// A row that says it has no value gives none (`PlusD`'s placeholders); a value with dashes
    /// in it is one.
    #[test]
    fn a_placeholder_is_no_value() {
        for placeholder in ["-- N/A or Blank --", "-- Not Assigned --", "n/a", " ", "----"] {
            assert_eq!(given(placeholder), None, "{placeholder}");
        }
        assert_eq!(given(" EXDIS ").as_deref(), Some("EXDIS"));
        assert_eq!(given("-- see text").as_deref(), Some("-- see text"));
    }
}
