//! Generates `src/codes/tables.rs` from `src/codes/refdata/` and checks that the
//! checked-in file is current. After changing the data, regenerate with
//! `UPDATE_CODES=1 cargo test --test codes_tables` and commit the result.
//!
//! Each table is a string of sorted lines, `KEY\tfield\tfield…`, so that the
//! code book can binary-search it in place: no parsing at start-up and no
//! allocation per look-up.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn data(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/codes/refdata").join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())).replace('\r', "")
}

/// Splits one CSV record (quotes allowed, no newlines inside fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

fn csv(path: &str) -> Vec<Vec<String>> {
    data(path).lines().skip(1).filter(|l| !l.trim().is_empty()).map(csv_fields).collect()
}

/// `BOSNIA AND HERZEGOVINA` → `Bosnia and Herzegovina`.
fn title_case(name: &str) -> String {
    let small = ["AND", "OF", "THE", "DA", "DE", "DU", "ET"];
    name.split(' ')
        .enumerate()
        .map(|(k, word)| {
            if k > 0 && small.contains(&word) {
                return word.to_lowercase();
            }
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                out.extend(if start { c.to_uppercase().collect::<Vec<_>>() } else { c.to_lowercase().collect() });
                // `People's`, not `People'S`: a letter after an apostrophe is not a word's start.
                start = matches!(c, '-' | '(' | '/' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn clean(field: &str) -> String {
    field.trim().replace(['\t', '\n'], " ")
}

/// One table: rows sorted by key (then by the rest, so the output is stable).
fn table(name: &str, doc: &str, mut rows: Vec<Vec<String>>) -> String {
    rows.sort();
    rows.dedup();
    let mut out = format!("\n/// {doc}\npub static {name}: &str = \"\\\n");
    for row in rows {
        let line = row.iter().map(|f| clean(f)).collect::<Vec<_>>().join("\t");
        let escaped = line.replace('\\', "\\\\").replace('"', "\\\"").replace('\t', "\\t");
        writeln!(out, "{escaped}\\n\\").unwrap();
    }
    out.push_str("\";\n");
    out
}

/// Width of a routing indicator in `ROUTE_KEYS` (they have four to eight letters).
const KEY_WIDTH: usize = 8;
/// `ROUTE_NAME_INDEX` holds the offset of every this-many-th name.
const INDEX_STEP: usize = 32;

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Routing indicators as two columns: compressed apart, keys and names make the
/// biggest table 1.2 KB smaller in the brotli-compressed wasm than `KEY\tNAME` lines.
fn route_columns() -> String {
    let all: Vec<(String, String)> = data("cablemap/route2name.csv")
        .lines()
        .filter_map(|l| l.split_once(','))
        .map(|(ri, name)| (ri.to_owned(), clean(name)))
        .collect();
    // `RHFJAAA THRU RHFJAAZ`: a block of indicators sharing one name, kept apart.
    let (ranges, mut routes): (Vec<_>, Vec<_>) = all.into_iter().partition(|(ri, _)| ri.contains(" THRU "));
    routes.sort();
    routes.dedup();
    assert!(routes.iter().all(|(ri, _)| ri.len() <= KEY_WIDTH), "a routing indicator is wider than {KEY_WIDTH}");
    // Every block differs only in its last letter: keep the first indicator and the last letter.
    let ranges = ranges
        .into_iter()
        .filter_map(|(ri, name)| {
            let (first, last) = ri.split_once(" THRU ")?;
            assert!(first.len() == last.len() && first[..first.len() - 1] == last[..last.len() - 1], "{ri}");
            Some(vec![first.to_owned(), last[last.len() - 1..].to_owned(), name])
        })
        .collect();
    let mut out = table(
        "ROUTE_RANGES",
        "Blocks of routing indicators that share a station name: first indicator, last letter, name.",
        ranges,
    );
    writeln!(out, "\n/// Routing indicators (ACP 117 extract via cablemap), sorted, each padded to {KEY_WIDTH} bytes;")
        .unwrap();
    writeln!(out, "/// the n-th key's station is the n-th line of `ROUTE_NAMES` (an RI may have several rows).")
        .unwrap();
    writeln!(out, "pub const ROUTE_KEY_WIDTH: usize = {KEY_WIDTH};").unwrap();
    writeln!(out, "pub static ROUTE_KEYS: &str = \"\\").unwrap();
    for chunk in routes.chunks(12) {
        for (ri, _) in chunk {
            write!(out, "{ri:<KEY_WIDTH$}").unwrap();
        }
        writeln!(out, "\\").unwrap();
    }
    writeln!(out, "\";\n\n/// Station names in the order of `ROUTE_KEYS`.\npub static ROUTE_NAMES: &str = \"\\")
        .unwrap();
    let mut offsets = Vec::new();
    let mut offset = 0;
    for (k, (_, name)) in routes.iter().enumerate() {
        if k % INDEX_STEP == 0 {
            offsets.push(offset);
        }
        offset += name.len() + 1;
        writeln!(out, "{}\\n\\", escape(name)).unwrap();
    }
    assert!(offset < usize::from(u16::MAX), "ROUTE_NAMES outgrew u16 offsets");
    writeln!(out, "\";\n\n/// Byte offset in `ROUTE_NAMES` of every {INDEX_STEP}th name.").unwrap();
    writeln!(out, "pub const ROUTE_INDEX_STEP: usize = {INDEX_STEP};").unwrap();
    writeln!(out, "pub static ROUTE_NAME_INDEX: [u16; {}] = {offsets:?};", offsets.len()).unwrap();
    out
}

/// A TAG's field and titles: now and in the 1970s, each with its source.
#[derive(Default)]
struct Titles {
    field: String,
    now: Option<(String, String)>,
    then: Option<(String, String)>,
}

/// Subject and program TAGS with their titles, then and now, and the sources they cite;
/// organisation names the sourced list adds go to `org_names`.
fn subject_tags(
    evidenced: &[Vec<String>],
    fields: &BTreeMap<String, String>,
    org_names: &mut BTreeMap<String, (String, String)>,
) -> String {
    // Titles changed over time (`PINS` was "Internal Security" in 1974; human rights was `SHUM`):
    // each TAG gets the title of its time, `then` (the 1974 handbook, NARA's 1973–1979 lists)
    // and `now` (PlusD labels, the Foreign Affairs Handbook), each with its source.
    // Sources are letters (`P`, `N`: see `codes::source_name`) or `S<k>`, row k of TAG_SOURCES.
    let sourced = csv("derived/tags_titles_sourced.csv");
    let mut citations: Vec<String> = Vec::new();
    let mut source_id = |source: &str| {
        let k = citations.iter().position(|s| s == source).unwrap_or_else(|| {
            citations.push(source.to_owned());
            citations.len() - 1
        });
        format!("S{k:02}")
    };
    let mut subjects: BTreeMap<String, Titles> = BTreeMap::new();
    for r in csv("derived/nara_subject_tags_1973_1979.csv") {
        let t = subjects.entry(r[0].clone()).or_default();
        t.field.clone_from(&r[1]);
        t.then = Some((r[2].clone(), "N".to_owned()));
    }
    for r in evidenced.iter().filter(|r| r[1] == "subject" || r[1] == "program") {
        // PlusD labels read `Field--Title`; keep the title part.
        let title = r[2].split_once("--").map_or(r[2].as_str(), |(_, t)| t).to_owned();
        subjects.entry(r[0].clone()).or_default().now = Some((title, "P".to_owned()));
    }
    // The first row of a kind wins within an era: the CSV lists the handbook before NARA, and
    // the evidenced PlusD labels above come before any quoted in the CSV.
    for r in &sourced {
        let (code, source) = (&r[0], &r[2]);
        let title = r[1].split_once("--").map_or(r[1].as_str(), |(_, t)| t).trim().to_owned();
        if title.is_empty() {
            continue;
        }
        if source.contains("Organization TAGS") {
            org_names.entry(code.clone()).or_insert_with(|| (title, source_id(source)));
            continue;
        }
        let then = source.contains("TL:TAGS-1") || source.contains("NARA 'FAQ");
        let t = subjects.entry(code.clone()).or_default();
        let slot = if then { &mut t.then } else { &mut t.now };
        let handbook_over_nara = then && source.contains("TL:TAGS-1") && slot.as_ref().is_some_and(|s| s.1 == "N");
        if slot.is_none() || handbook_over_nara {
            *slot = Some((title, source_id(source)));
        }
    }
    let rows = subjects
        .into_iter()
        .map(|(code, t)| {
            let field = if t.field.is_empty() { fields.get(&code[..1]).cloned().unwrap_or_default() } else { t.field };
            let (now, now_source) = t.now.clone().unwrap_or_default();
            // A `then` title equal to today's says nothing more.
            let (then, then_source) = t.then.filter(|(title, _)| !title.eq_ignore_ascii_case(&now)).unwrap_or_default();
            vec![code, field, now, now_source, then, then_source]
        })
        .collect();
    let mut out = table(
        "SUBJECT_TAGS",
        "Subject and program TAG → field, title and its source, and the 1970s title and its source \
         where it differs (sources: a letter or `S<k>`, see `codes::source_name`).",
        rows,
    );
    assert!(citations.len() < 100, "TAG_SOURCES keys are two digits, to sort as numbers");
    let cited: Vec<Vec<String>> =
        citations.iter().enumerate().map(|(k, s)| vec![format!("S{k:02}"), s.clone()]).collect();
    out += &table("TAG_SOURCES", "The sources of TAG titles, cited in full (`S<k>` → citation).", cited);
    out
}

/// The TAG tables: geographic, subject and program, organisation, fields.
fn tag_tables() -> String {
    let mut out = String::new();
    // Geographic TAGS: FIPS 10-4 names, replaced by PlusD's own label where one is evidenced.
    let mut countries: BTreeMap<String, (String, &str)> =
        csv("fips-10-4/fips-10-4_countries.csv").into_iter().map(|r| (r[0].clone(), (title_case(&r[1]), ""))).collect();
    let evidenced = csv("derived/tags_definitions_evidenced.csv");
    for r in evidenced.iter().filter(|r| r[1] == "geographic") {
        let source = if r[3].starts_with("FIPS") { "" } else { "P" };
        countries.insert(r[0].clone(), (r[2].clone(), source));
    }
    let countries = countries.into_iter().map(|(k, (name, src))| vec![k, name, src.to_owned()]).collect();
    out += &table(
        "COUNTRIES",
        "Geographic TAG → country (FIPS 10-4), and `P` where the name is the `PlusD` label.",
        countries,
    );

    let fields: BTreeMap<String, String> =
        csv("derived/tags_subject_fields.csv").into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let mut org_names: BTreeMap<String, (String, String)> = BTreeMap::new();
    for r in evidenced.iter().filter(|r| r[1] == "organization") {
        org_names.insert(r[0].clone(), (r[2].clone(), "P".to_owned()));
    }
    out += &subject_tags(&evidenced, &fields, &mut org_names);

    // cablemap's subject-tags.txt lists codes without titles: it would add nothing
    // that the field letter does not already say, so it is not compiled in.
    let mut orgs: Vec<String> = data("cablemap/organization-tags.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    orgs.sort();
    orgs.dedup();
    // Front-coded: each code is the number of leading bytes it shares with the one
    // before (as a control character from `\x01`) and the rest; 250 bytes smaller than lines.
    let mut coded = String::new();
    let mut previous = "";
    for code in &orgs {
        let shared = code.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
        // The marker is a control character (`\x01` = nothing shared), which no code contains.
        assert!(shared < 30 && code.len() < 32 && !code.bytes().any(|b| b < 0x20), "{code}");
        write!(coded, "\\x{:02x}{}", shared + 1, escape(&code[shared..])).unwrap();
        previous = code;
    }
    writeln!(out, "\n/// Organisation TAGS known to cablemap, sorted and front-coded (see `codes::is_organization`).")
        .unwrap();
    writeln!(out, "pub static ORGANIZATION_TAGS: &str = \"{coded}\";").unwrap();
    let names = org_names.into_iter().map(|(code, (name, source))| vec![code, name, source]).collect();
    out += &table("ORGANIZATION_NAMES", "Organisation TAGS whose name is evidenced → name, source.", names);

    let fields = fields.into_iter().map(|(k, v)| vec![k, v]).collect();
    out +=
        &table("FIELDS", "First letter of a subject TAG → its field (NARA FAQ; K is cablemap's program TAGS).", fields);

    out
}

fn generate() -> String {
    let mut out = String::from(
        "// @generated by `tests/codes_tables.rs` from `src/codes/refdata/`: do not edit.\n\
         //! Regenerate with `UPDATE_CODES=1 cargo test --test codes_tables`.\n\
         //! Sources and licences: `src/codes/refdata/LICENSES` (cablemap tables BSD-3-Clause,\n\
         //! `src/codes/refdata/cablemap/LICENSE.txt`; FIPS 10-4 and the derived tables public domain).\n",
    );

    out += &route_columns();

    let collectives =
        csv("derived/collectives_seen.csv").into_iter().map(|r| vec![r[0].clone(), r[1].clone()]).collect();
    out += &table(
        "COLLECTIVES",
        "Collective routing indicators missing from ROUTES, with the name the cables give them \
         (where each was seen: `src/codes/refdata/derived/collectives_seen.csv`).",
        collectives,
    );

    out += &tag_tables();

    let reasons = csv("derived/eo_classification_reasons.csv")
        .into_iter()
        .map(|r| {
            let key = if r[0].starts_with("E.O. 13526") {
                "13526"
            } else if r[0].contains("13292") {
                "12958A"
            } else {
                "12958"
            };
            vec![format!("{key}:{}", r[2].to_uppercase()), r[1].clone(), r[3].clone()]
        })
        .collect();
    out += &table(
        "REASONS",
        "`ORDER:letter` → section, text. 12958 is the 1995 order (§1.5), 12958A as amended in 2003 (§1.4), 13526 of 2009 (§1.4).",
        reasons,
    );

    let security = csv("derived/security_warning.csv")
        .into_iter()
        .map(|r| vec![r[0].clone(), r[1].clone(), r[2].clone(), format!("ACP 127 §{}", r[3])])
        .collect();
    out += &table("SECURITY", "Security warning signals and prosigns → classification, meaning, source.", security);

    let precedence = csv("derived/precedence.csv")
        .into_iter()
        .map(|r| vec![r[0].clone(), r[1].clone(), r[2].clone(), format!("ACP 127 §{}", r[3]), r[5].clone()])
        .collect();
    out += &table("PRECEDENCE", "Precedence prosign → designation, routing-line form, source, note.", precedence);
    out
}

/// Every TAG code the code book knows, sorted, one a line: the parser splits glued TAGS with it
/// (`PHUMBA` → `PHUM`, `BA`), and cannot see `src/codes`, so it gets its own copy.
fn tag_codes() -> String {
    let mut codes: Vec<String> = Vec::new();
    codes.extend(csv("fips-10-4/fips-10-4_countries.csv").into_iter().map(|r| r[0].clone()));
    codes.extend(csv("derived/nara_subject_tags_1973_1979.csv").into_iter().map(|r| r[0].clone()));
    let evidenced = csv("derived/tags_definitions_evidenced.csv");
    codes.extend(evidenced.into_iter().map(|r| r[0].clone()));
    codes.extend(csv("derived/tags_titles_sourced.csv").into_iter().map(|r| r[0].clone()));
    for file in ["cablemap/subject-tags.txt", "cablemap/organization-tags.txt"] {
        codes.extend(data(file).lines().map(|l| l.trim().to_owned()));
    }
    let mut codes: Vec<String> = codes
        .into_iter()
        .filter(|c| c.len() >= 2 && c.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        .collect();
    codes.sort();
    codes.dedup();
    codes.join("\n") + "\n"
}

#[test]
fn parser_tag_codes_are_current() {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cable/data/tag-codes.txt");
    let fresh = tag_codes();
    if std::env::var_os("UPDATE_CODES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "src/cable/data/tag-codes.txt is stale: run `UPDATE_CODES=1 cargo test --test codes_tables`"
    );
}

#[test]
fn code_tables_are_current() {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/codes/tables.rs");
    let fresh = generate();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if std::env::var_os("UPDATE_CODES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    assert!(current == fresh, "src/codes/tables.rs is stale: run `UPDATE_CODES=1 cargo test --test codes_tables`");
}
