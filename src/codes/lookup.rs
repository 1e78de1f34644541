//! Look-ups in the generated tables: each is a string of lines sorted by their
//! first tab-separated field, searched in place (no index, no allocation).

/// The rows of `table` whose key equals `key`, ignoring ASCII case.
pub fn rows(table: &'static str, key: &str) -> impl Iterator<Item = Row> {
    let start = lower_bound(table, key);
    table[start..].lines().map(Row).take_while(move |row| compare(row.key(), key) == std::cmp::Ordering::Equal)
}

/// The first row whose key equals `key`.
pub fn row(table: &'static str, key: &str) -> Option<Row> {
    rows(table, key).next()
}

/// One line of a table.
#[derive(Debug, Clone, Copy)]
pub struct Row(pub &'static str);

impl Row {
    pub fn key(self) -> &'static str {
        self.0.split('\t').next().unwrap_or("")
    }

    /// Field `n` after the key (1-based); `None` when absent or empty.
    pub fn field(self, n: usize) -> Option<&'static str> {
        self.0.split('\t').nth(n).filter(|f| !f.is_empty())
    }
}

/// Byte offset of the first line whose key is not less than `key`.
fn lower_bound(table: &str, key: &str) -> usize {
    let bytes = table.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    // Invariant: `lo` and `hi` are line starts (or the end).
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |i| lo + i + 1);
        let end = bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i);
        let line_key = table[start..end].split('\t').next().unwrap_or("");
        if compare(line_key, key) == std::cmp::Ordering::Less {
            lo = (end + 1).min(bytes.len());
        } else {
            hi = start;
        }
    }
    lo
}

/// Compares a table key (upper case) with a key as written, ignoring ASCII case.
fn compare(table_key: &str, key: &str) -> std::cmp::Ordering {
    table_key.bytes().cmp(key.bytes().map(|b| b.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: &str = "AA\tone\nBB\ttwo\nBB\ttwo again\nCC\tthree\nDDD\tfour\n";

    #[test]
    fn finds_every_row_and_nothing_else() {
        for (key, expected) in
            [("AA", vec!["one"]), ("bb", vec!["two", "two again"]), ("CC", vec!["three"]), ("DDD", vec!["four"])]
        {
            let found: Vec<_> = rows(TABLE, key).filter_map(|r| r.field(1)).collect();
            assert_eq!(found, expected, "{key}");
        }
        for missing in ["", "A", "AB", "BBB", "D", "ZZ", "é"] {
            assert!(row(TABLE, missing).is_none(), "{missing}");
        }
    }
}
