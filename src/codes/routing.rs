//! The routing book: the station of every routing indicator in ACP 117 (cablemap's 2010
//! extract), `routing.txt` beside this file. It is the code book's biggest table (16 KB of
//! brotli, more than all the others together) and the least read: routing indicators live in
//! the transmission envelope, which the reading view keeps folded. So the command and the Python
//! module compile it in, and the page leaves it out of its wasm and fetches the file the first
//! time a routing indicator is to be named (`ui::hooks::routing`); until then, and if that
//! fails, a routing indicator reads as not looked up, never as unknown.

use std::sync::OnceLock;

use super::lookup;

/// The book, read.
pub struct Book {
    /// `INDICATOR\tstation` lines, sorted (an indicator may have several).
    routes: &'static str,
    /// Blocks sharing a station: `FIRST\tlast letter\tstation`.
    blocks: &'static str,
}

static BOOK: OnceLock<Book> = OnceLock::new();

/// The book's two parts, if `text` is the book (not an error page served in its place, not a
/// truncated download): every line an indicator and a station.
fn parts(text: &str) -> Option<(&str, &str)> {
    let mut body = text;
    while body.starts_with('#') {
        body = body.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let (routes, blocks) = body.split_once("\n\n")?;
    let indicator = |key: &str| (4..=8).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_uppercase());
    let well_formed =
        |line: &str| line.split_once('\t').is_some_and(|(key, station)| indicator(key) && !station.is_empty());
    (!routes.is_empty() && routes.lines().all(well_formed) && blocks.lines().all(well_formed))
        .then_some((routes, blocks))
}

impl Book {
    /// A text already checked by `parts` (an empty book otherwise).
    fn read(text: &'static str) -> Book {
        let (routes, blocks) = parts(text).unwrap_or_default();
        Book { routes, blocks }
    }

    /// The stations of an indicator: its own rows, else the block it falls in.
    pub fn stations<'k>(&'static self, ri: &'k str) -> impl Iterator<Item = &'static str> + 'k {
        let mut own = lookup::rows(self.routes, ri).filter_map(|row| row.field(1)).peekable();
        let in_block = if own.peek().is_none() { self.block_of(ri) } else { None };
        own.chain(in_block)
    }

    fn block_of(&self, ri: &str) -> Option<&'static str> {
        let mut buffer = [0u8; 8];
        let key = buffer.get_mut(..ri.len())?;
        key.copy_from_slice(ri.as_bytes());
        key.make_ascii_uppercase();
        let (stem, letter) = key.split_at(key.len().checked_sub(1)?);
        self.blocks.lines().find_map(|line| {
            let mut fields = line.split('\t');
            let (first, last, name) = (fields.next()?.as_bytes(), *fields.next()?.as_bytes().first()?, fields.next()?);
            let inside = first.len() == key.len()
                && first[..stem.len()] == *stem
                && (first[stem.len()]..=last).contains(&letter[0]);
            inside.then_some(name)
        })
    }

    /// How many indicators the book names (blocks not counted).
    pub fn len(&self) -> usize {
        self.routes.lines().count()
    }

    pub fn is_empty(&self) -> bool {
        self.routes.is_empty()
    }
}

/// The book, once there is one: always for the command (compiled in, read in place), once
/// fetched for the page.
pub fn book() -> Option<&'static Book> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(BOOK.get_or_init(|| Book::read(include_str!("routing.txt"))));
    #[cfg(target_arch = "wasm32")]
    BOOK.get()
}

/// Takes the book's text (the page's download, or the compiled-in copy); `false` when the text is
/// not the book. The first good one stays for the life of the page.
pub fn install(text: impl AsRef<str> + Into<String>) -> bool {
    if BOOK.get().is_some() {
        return true;
    }
    if parts(text.as_ref()).is_none() {
        return false;
    }
    let kept: &'static str = Box::leak(text.into().into_boxed_str());
    BOOK.get_or_init(|| Book::read(kept));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_book_reads_whole() {
        let book = book().expect("the command has the book");
        assert!(book.len() > 1500, "{} indicators", book.len());
        assert_eq!(book.stations("ruehc").next(), Some("DEPT OF STATE WASHINGTON DC"));
        assert_eq!(book.stations("RHFJAAQ").collect::<Vec<_>>(), ["NAVCOMTELSTA JACKSONVILLE FL"], "inside a block");
        assert_eq!(book.stations("RHFJAA").count(), 0, "a block's stem is no indicator");
        assert_eq!(book.stations("RUZZZZZ").count(), 0);
    }

    #[test]
    fn what_is_not_the_book_is_refused() {
        for text in [
            "",
            "<!doctype html><html><body>Not found</body></html>",
            "# a header and nothing else\n",
            "RUEHC\tDEPT OF STATE\n",
            "RUEHC\tDEPT OF STATE\nnot a line of the book\n\n",
            "RUEHC DEPT OF STATE\n\n",
            "RUEHC\t\n\n",
        ] {
            assert!(parts(text).is_none(), "{text:?}");
        }
        assert!(parts("# header\nRUEHC\tDEPT OF STATE\n\nRHFJAAA\tZ\tNAVCOMTELSTA\n").is_some());
    }
}
