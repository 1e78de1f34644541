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
pub const CSV_COLUMNS: usize = 8;

/// Whether `input` starts like a row of `cables.csv`: `"<number>","<m/d/yyyy h:mm>","`.
pub fn looks_like_csv_row(input: &str) -> bool {
    let b = input.trim_start_matches('\u{feff}').as_bytes();
    let Some(rest) = b.strip_prefix(b"\"") else { return false };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && rest[digits..].starts_with(b"\",\"") && rest.get(digits + 3).is_some_and(u8::is_ascii_digit)
}

/// Reads CSV records as `cables.csv` writes them: fields in double quotes, quotes inside
/// escaped as `\"` (or doubled), `\\` for a backslash, line breaks inside fields. Yields each
/// record's fields and the byte offset after it; a record cut off by the end of the input is
/// still yielded (with what it has).
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
        // Skip blank lines between records.
        while self.at < b.len() && matches!(b[self.at], b'\n' | b'\r') {
            self.at += 1;
        }
        if self.at >= b.len() {
            return None;
        }
        let mut fields = Vec::with_capacity(CSV_COLUMNS);
        let mut field = String::new();
        let mut quoted = false;
        let mut i = self.at;
        let mut start = i;
        while i < b.len() {
            match b[i] {
                b'\\' if quoted && i + 1 < b.len() => {
                    field.push_str(&self.input[start..i]);
                    let next = b[i + 1];
                    match next {
                        b'n' => field.push('\n'),
                        b'"' | b'\\' | b'\'' => field.push(char::from(next)),
                        _ => {
                            // Not an escape we know: keep both characters.
                            field.push('\\');
                            start = i + 1;
                            i += 1;
                            continue;
                        }
                    }
                    i += 2;
                    start = i;
                }
                b'"' if quoted && b.get(i + 1) == Some(&b'"') => {
                    field.push_str(&self.input[start..=i]);
                    i += 2;
                    start = i;
                }
                b'"' => {
                    field.push_str(&self.input[start..i]);
                    quoted = !quoted;
                    i += 1;
                    start = i;
                }
                b',' if !quoted => {
                    field.push_str(&self.input[start..i]);
                    fields.push(std::mem::take(&mut field));
                    i += 1;
                    start = i;
                }
                b'\n' | b'\r' if !quoted => break,
                _ => i += 1,
            }
        }
        field.push_str(&self.input[start..i.min(b.len())]);
        fields.push(field);
        self.at = i;
        Some(fields)
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
mod json {
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
                        match c {
                            'n' => out.push('\n'),
                            'r' => out.push('\r'),
                            't' => out.push('\t'),
                            'b' | 'f' => {}
                            'u' => {
                                let hex = self.text.get(self.at..self.at + 4)?;
                                self.at += 4;
                                let unit = u32::from_str_radix(hex, 16).ok()?;
                                out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                            }
                            other => out.push(other),
                        }
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

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = "\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\",\"Embassy Tehran\",\"UNCLASSIFIED\",\
                       \"72MOSCOW1603|72TEHRAN1091\",\"R 250930Z FEB 72\nFM AMEMBASSY TEHRAN\",\"UNCLAS TEHRAN 1164\n\n\
                       SUBJ: THE \\\"SHAH\\\"\n\n1. TEXT.\"\n";

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
    }
}
