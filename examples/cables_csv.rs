//! `make cables-csv ROWS=…`: writes `target/cables.csv` in the layout of `WikiLeaks`'
//! `cables.csv` (8 double-quoted columns: row, `12/28/1966 18:48`, reference ID, origin,
//! classification, `|`-separated references, header, body; `\` escapes; line breaks inside
//! fields), made from the 201 pages of the 2010 corpus, varied so that every row has its own
//! ID, date and text: round `r` over the corpus moves each cable's date by `r` days and `r`
//! years (the date-time group in the text with it) and renumbers its telegram, and rounds
//! cut bodies short at paragraph ends (the signature kept), so that rows average the real
//! file's 6.8 KB.
//!
//! Usage: `cargo run --release --example cables_csv -- ROWS [OUT] [CORPUS]`.

use std::io::Write;
use std::path::PathBuf;

use cable_viewer::bulk::csv_row;
use cable_viewer::cable::{self, Field};

const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

struct Template {
    id: String,
    header: String,
    body: String,
    dtg: Option<String>,
    serial: Option<String>,
    origin: String,
    post: String,
    classification: String,
    references: String,
    /// Year, month (1–12), day, hour, minute.
    date: (u32, u32, u32, u32, u32),
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| {
        eprintln!("usage: cables_csv ROWS [OUT] [CORPUS]");
        std::process::exit(2);
    });
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/cables.csv".to_owned()));
    let corpus = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpus".to_owned())).join("cablegate-2010");
    let mut pages: Vec<PathBuf> =
        std::fs::read_dir(&corpus).expect("the corpus folder").filter_map(|e| Some(e.ok()?.path())).collect();
    pages.sort();
    // One template per reference ID (the corpus holds two pages of one cable), so that IDs stay unique.
    let mut ids = std::collections::HashSet::new();
    let templates: Vec<Template> = pages
        .iter()
        .filter_map(|p| template(&std::fs::read_to_string(p).expect("a corpus page")))
        .filter(|t| ids.insert(t.id.clone()))
        .collect();
    assert!(!templates.is_empty(), "no usable page in {}", corpus.display());
    let file = std::fs::File::create(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut bytes = 0usize;
    for k in 0..rows {
        let t = &templates[k % templates.len()];
        let round = u32::try_from(k / templates.len()).expect("fewer rows than 2^32");
        let line = row(k + 1, t, round);
        bytes += line.len();
        w.write_all(line.as_bytes()).expect("writing the file");
    }
    w.flush().expect("writing the file");
    eprintln!("{}: {rows} rows, {} MB", out.display(), bytes / 1_000_000);
}

fn template(page: &str) -> Option<Template> {
    let parsed = cable::parse(page);
    let text = cable::source_text(page).into_owned();
    let caption = parsed.spans.iter().find(|s| s.field == Field::Caption)?.span.start;
    let date = parsed.date.as_deref()?;
    let num = |range: std::ops::Range<usize>| date.get(range)?.parse::<u32>().ok();
    let date = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?);
    let id = parsed.id.clone()?;
    let serial = parsed.serial.clone();
    // The post as the ID spells it: the ID less its year and serial.
    let digits = serial.as_deref().map_or(0, |s| s.trim_start_matches('0').len());
    let post = id.get(2..id.len() - digits)?.to_owned();
    Some(Template {
        id: id.clone(),
        header: text[..caption].trim_end().to_owned(),
        body: text[caption..].to_owned(),
        dtg: parsed.transmission.as_ref().and_then(|t| t.dtg.clone()),
        serial,
        origin: parsed.page.as_ref().and_then(|p| p.origin.clone()).or(parsed.origin)?,
        post,
        classification: parsed.page.as_ref().and_then(|p| p.classification.clone()).unwrap_or_default(),
        references: parsed.references.iter().filter_map(|r| r.id.as_deref()).collect::<Vec<_>>().join("|"),
        date,
    })
}

fn row(number: usize, t: &Template, round: u32) -> String {
    let (year, month, day, hour, minute) = t.date;
    // Moved by `round` days (within the month's first 28) and `round` years (1966–2010).
    let day = (day - 1 + round) % 28 + 1;
    let month = (month - 1 + (t.date.2 - 1 + round) / 28) % 12 + 1;
    let year = 1966 + (year - 1966 + round) % 45;
    let serial = t.serial.as_deref().and_then(|s| s.parse::<u32>().ok()).map(|s| s + round * 100_000);
    let id = format!("{:02}{}{}", year % 100, t.post, serial.map(|s| s.to_string()).unwrap_or_default());
    let dtg = format!("{day:02}{hour:02}{minute:02}Z {} {:02}", MONTHS[month as usize - 1], year % 100);
    let mut header = t.header.clone();
    let mut body = t.body.clone();
    if let Some(old) = &t.dtg {
        header = header.replacen(old.as_str(), &dtg, 1);
    }
    if let (Some(old), Some(new)) = (&t.serial, serial) {
        body = body.replacen(old.as_str(), &format!("{new:06}"), 1);
    }
    body = shorten(&body, BODY_CAPS[round as usize % BODY_CAPS.len()]);
    let date = format!("{month}/{day}/{year} {hour:02}:{minute:02}");
    csv_row(&[&number.to_string(), &date, &id, &t.origin, &t.classification, &t.references, &header, &body])
}

/// The longest body of each round, in turn: real cables are mostly shorter than the 2010 pages.
const BODY_CAPS: [usize; 4] = [usize::MAX, 4_500, 2_500, 6_500];

/// The body's paragraphs up to `cap` bytes, then its last one (the signature): never less than
/// the first paragraph, which carries the caption.
fn shorten(body: &str, cap: usize) -> String {
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    let mut kept = vec![paragraphs[0]];
    let mut len = paragraphs[0].len();
    for p in paragraphs.iter().take(paragraphs.len().saturating_sub(1)).skip(1) {
        if len + p.len() > cap {
            break;
        }
        kept.push(p);
        len += p.len() + 2;
    }
    if paragraphs.len() > 1 {
        kept.push(paragraphs[paragraphs.len() - 1]);
    }
    kept.join("\n\n")
}
