//! The `cable` command line, run as a user would run it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use cable_viewer::bulk::csv_row;

fn cable() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cable"))
}

#[test]
fn parses_files_and_reports_unreadable_ones() {
    let missing = "tests/fixtures/no-such-file.txt";
    let out = cable()
        .args(["parse", "src/assets/09USUNNEWYORK78.txt", missing, "tests/fixtures/ok/body-only.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an input was skipped");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one JSON object per readable input");
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["id"], "09USUNNEWYORK78");
    assert!(first["subjectMarking"].is_null(), "absent values are null");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "the file, then the count: {stderr}");
    assert!(stderr.lines().next().unwrap().starts_with(&format!("cable: {missing}: cannot read it")));
    assert_eq!(stderr.lines().nth(1), Some("cable: 1 input skipped"));
}

#[test]
fn reads_standard_input_and_skips_junk() {
    let run = |input: &[u8]| {
        let mut child =
            cable().arg("parse").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(cable_viewer::SAMPLE_CABLE.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "09USUNNEWYORK78");
    assert!(out.stderr.is_empty(), "nothing extra when standard error is no terminal");

    let junk: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let out = run(&junk);
    assert_eq!(out.status.code(), Some(1), "binary input is skipped");
    assert!(out.stdout.is_empty(), "no cable is made of it");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("cable: standard input: this looks like a binary file"), "{stderr}");
}

#[test]
fn pretty_output_and_usage() {
    let out = cable().args(["parse", "--pretty", "tests/fixtures/ok/subject-only.txt"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\n  \"subject\": \"TURKISH P.M. VISITS WASHINGTON: WHAT TO EXPECT\"")
    );
    let out = cable().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("usage: cable parse"));
}

#[test]
fn explains_codes_and_cables() {
    let out = cable().args(["explain", "RUEHME", "ZZH", "QQ"]).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["meaning"], "AMEMBASSY MEXICO CITY");
    assert_eq!(lines[1]["kind"], "operatingSignal");
    assert_eq!(lines[2]["certainty"], "unknown");
    let out = cable().args(["parse", "--explain", "src/assets/09USUNNEWYORK78.txt"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["info"][1]["station"], "AMEMBASSY MEXICO CITY");
    assert!(v["info"][0]["station"].is_null(), "a collective has no station row");
    assert_eq!(v["tagInfo"][3]["meaning"], "Mexico");
    assert_eq!(
        v["reasonInfo"][1]["text"],
        "foreign relations or foreign activities of the United States, including confidential sources"
    );
    let keys: Vec<&String> = v.as_object().unwrap().keys().take(3).collect();
    assert_eq!(keys, ["inputFormat", "id", "date"], "fields keep the model's order");
}

/// `cable parse … | head`: a reader that stops early ends the run quietly (no message on
/// standard error), however the output is written.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let pages: Vec<String> = std::fs::read_dir(corpus("cablegate-2010"))
        .expect("the corpus")
        .map(|e| e.expect("an entry").path().display().to_string())
        .collect();
    let mut child = cable().arg("parse").args(&pages).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with(b"{\""), "a JSON object comes first");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "nothing said about the closed pipe");
}

/// A fresh folder for one test, under Cargo's scratch folder for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus(name: &str) -> PathBuf {
    common::corpus_dir().join(name)
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_owned).collect()
}

/// A folder is read recursively, cable-like files only (hidden ones and other kinds left
/// alone; a linked file read, a linked folder not followed); each bad file is named with its
/// problem, in order, and the run goes on.
#[test]
fn reads_folders_and_names_each_bad_file() {
    let dir = scratch("folder");
    let elsewhere = scratch("folder-elsewhere");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), cable_viewer::SAMPLE_CABLE).unwrap();
    std::fs::copy(corpus("cablegate-2010/04MADRID961.html"), dir.join("sub/b.html")).unwrap();
    std::fs::copy(corpus("cablegate-2010/08BUENOSAIRES235.html"), elsewhere.join("c.html")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("c.html"), dir.join("sub/c.html")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("linked")).unwrap();
    std::fs::write(dir.join("notes.md"), cable_viewer::SAMPLE_CABLE).unwrap();
    std::fs::write(dir.join(".hidden.txt"), cable_viewer::SAMPLE_CABLE).unwrap();
    std::fs::write(dir.join("sub/empty.txt"), "\n  \n").unwrap();
    std::fs::write(dir.join("sub/junk.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3].repeat(100)).unwrap();
    std::fs::write(dir.join("sub/prose.txt"), "Dear all,\nlunch is at noon today.\n").unwrap();
    let out = cable().args(["index", "--format", "jsonl"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "inputs were skipped");
    let ids: Vec<_> = json_lines(&out).iter().map(|row| row["id"].clone()).collect();
    assert_eq!(ids, ["09USUNNEWYORK78", "04MADRID961", "08BUENOSAIRES235"], "in name order, cable-like files only");
    let stderr = stderr_lines(&out);
    let named = |file: &str| dir.join(file).display().to_string();
    assert_eq!(stderr.len(), 4, "{stderr:?}");
    assert_eq!(stderr[0], format!("cable: {}: empty; skipped", named("sub/empty.txt")));
    assert!(stderr[1].starts_with(&format!("cable: {}: this looks like a binary file", named("sub/junk.txt"))));
    assert!(stderr[2].starts_with(&format!("cable: {}: this does not look like a cable", named("sub/prose.txt"))));
    assert_eq!(stderr[3], "cable: 3 inputs skipped");
}

/// A `cables.csv` made of corpus cables, with `rows` extra bad rows spliced in: its text and
/// the IDs of its good rows, in order.
fn cables_csv(pages: &[&str], bad: &[(usize, &str)]) -> (String, Vec<String>) {
    let mut csv = String::new();
    let mut ids = Vec::new();
    let mut row = 0;
    for (k, page) in pages.iter().enumerate() {
        for (at, line) in bad {
            if *at == k {
                row += 1;
                csv.push_str(&line.replace("{row}", &row.to_string()));
            }
        }
        let html = std::fs::read_to_string(corpus(&format!("cablegate-2010/{page}.html"))).unwrap();
        let text = cable_viewer::cable::source_text(&html);
        row += 1;
        csv.push_str(&csv_row(&[&row.to_string(), "1/20/2004 09:44", page, "Embassy", "SECRET", "", "", &text]));
        ids.push((*page).to_owned());
    }
    (csv, ids)
}

/// `cables.csv` is streamed a row at a time, from a file or standard input; a broken row, a
/// row that is no cable and a row of binary junk are each named by row number and skipped,
/// and the rows after them are read.
#[test]
fn streams_cables_csv_and_names_bad_rows() {
    let bad = [
        (1, "\"{row}\",\"1/21/2004 10:00\",\"04X1\",\"X\",\"SECRET\",\"\",\"\",\"a body whose quote is never closed\n"),
        (2, "\"{row}\",\"1/21/2004 10:00\",\"04X2\",\"X\",\"SECRET\",\"\",\"\",\"lunch is at noon today\"\n"),
        (
            3,
            "\"{row}\",\"1/21/2004 10:00\",\"04X3\",\"X\",\"SECRET\",\"\",\"\",\"\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{e}\"\n",
        ),
    ];
    let (csv, ids) = cables_csv(&["04MADRID961", "06ANKARA4688", "04RANGOON88", "09BAGHDAD2569"], &bad);
    let dir = scratch("csv");
    let file = dir.join("cables.csv");
    std::fs::write(&file, &csv).unwrap();
    let from_file = cable().args(["parse", "--compact"]).arg(&file).output().unwrap();
    let mut child = cable()
        .args(["parse", "--compact"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(csv.as_bytes()).unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    for (out, name) in [(&from_file, file.display().to_string()), (&from_stdin, "standard input".to_owned())] {
        assert_eq!(out.status.code(), Some(1));
        let cables = json_lines(out);
        let got: Vec<_> = cables.iter().map(|c| c["page"]["id"].as_str().unwrap_or("?").to_owned()).collect();
        assert_eq!(got, ids, "every good row, in order");
        assert!(cables.iter().all(|c| c["inputFormat"] == "csv" && c["page"]["source"] == "cables.csv row"));
        assert_eq!(cables[1]["id"], "06ANKARA4688", "the row's text is parsed");
        let stderr = stderr_lines(out);
        assert_eq!(stderr.len(), 4, "{stderr:?}");
        assert!(stderr[0].starts_with(&format!("cable: {name}: row 2: its quotes do not balance")), "{stderr:?}");
        assert!(stderr[1].starts_with(&format!("cable: {name}: row 4: this does not look like a cable")), "{stderr:?}");
        assert!(stderr[2].starts_with(&format!("cable: {name}: row 6: this looks like a binary file")), "{stderr:?}");
    }
}

/// `--jobs` changes the speed, never the output: the same bytes in the same order.
#[test]
fn output_keeps_input_order_whatever_the_jobs() {
    let pages: Vec<String> = std::fs::read_dir(corpus("cablegate-2010"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .take(60)
        .collect();
    let names: Vec<&str> = pages.iter().map(String::as_str).collect();
    let (csv, _) = cables_csv(&names, &[]);
    let file = scratch("jobs").join("cables.csv");
    std::fs::write(&file, csv).unwrap();
    let run = |jobs: &str| {
        let out = cable().args(["parse", "--jobs", jobs]).arg(&file).arg(corpus("cablegate-2010")).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one).lines().count(), 60 + 201);
    assert!(one == run("3"), "three threads write what one does");
}

/// `--compact` leaves out the spans and positions and nothing else.
#[test]
fn compact_output_leaves_out_spans_and_positions_only() {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !matches!(k.as_str(), "spans" | "span" | "line"));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let page = corpus("cablegate-2010/09BAGHDAD2569.html");
    let full = cable().arg("parse").arg(&page).output().unwrap();
    let compact = cable().args(["parse", "--compact"]).arg(&page).output().unwrap();
    let (mut full, compact) = (json_lines(&full).remove(0), json_lines(&compact).remove(0));
    assert!(
        full["spans"].as_array().is_some_and(|s| !s.is_empty())
            && full["sections"][0]["paragraphs"][0]["line"].is_number()
    );
    strip(&mut full);
    assert_eq!(full, compact);
}

/// `-o FILE` writes there and nowhere else; a file that cannot be made is a usage error (2).
#[test]
fn writes_to_a_file() {
    let dir = scratch("output");
    let target = dir.join("out.jsonl");
    let out = cable().args(["parse", "src/assets/09USUNNEWYORK78.txt", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written["id"], "09USUNNEWYORK78");
    let out = cable()
        .args(["parse", "src/assets/09USUNNEWYORK78.txt", "-o"])
        .arg(dir.join("no/such/out.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cable: cannot write"));
}

/// `cable index`: a header, then one row per cable with the columns it promises; commas and
/// quotes in a subject are quoted as CSV readers expect.
#[test]
fn indexes_cables_as_csv_and_json_lines() {
    let page = corpus("cablegate-2010/04MADRID2164.html");
    let out = cable().arg("index").arg(&page).arg("src/assets/09USUNNEWYORK78.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,date,classification,handling,origin,tags,subject,references,sections,words,source");
    let row = cable_viewer::cable::container::record_fields(lines[1]);
    assert_eq!(row.len(), 11);
    assert_eq!(
        &row[..8],
        [
            "04MADRID2164",
            "2004-06-09T09:09:00Z",
            "UNCLASSIFIED",
            "SIPDIS|SBU",
            "MADRID",
            "PGOV|PTER|PREL|ECON|SP|MO",
            "AMBASSADOR'S VISIT TO SEVILLE, SOCIALIST HEARTLAND",
            ""
        ]
    );
    assert!(lines[1].contains(",\"AMBASSADOR'S VISIT TO SEVILLE, SOCIALIST HEARTLAND\","));
    let sample = cable_viewer::cable::container::record_fields(lines[2]);
    assert_eq!(sample[1], "2009-02-03T02:52:00Z");
    assert!(sample[9].parse::<usize>().unwrap() > 300, "words of the body");
    let out = cable().args(["index", "-o"]).arg(scratch("index").join("i.jsonl")).arg(&page).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let row: serde_json::Value =
        serde_json::from_slice(&std::fs::read(scratch_path("index/i.jsonl")).unwrap()).unwrap();
    assert_eq!(row["tags"], serde_json::json!(["PGOV", "PTER", "PREL", "ECON", "SP", "MO"]), "lists as arrays in JSON");
}

fn scratch_path(rest: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(rest)
}

/// In a terminal, a run longer than a second shows a progress bar on standard error (count,
/// MB/s, time left); piped, nothing (the other tests check standard error exactly).
#[test]
fn shows_progress_in_a_terminal() {
    // `script` runs the command in a pseudo-terminal; the corpus, five times over, takes the
    // unoptimised test build well over a second.
    let pages = corpus("cablegate-2010").display().to_string();
    let command =
        format!("{} parse --jobs 1 -o /dev/null {pages} {pages} {pages} {pages} {pages}", env!("CARGO_BIN_EXE_cable"));
    let out =
        Command::new("script").args(["-qec", &command, "/dev/null"]).output().expect("script(1), from util-linux");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    let bar = shown.trim_end().rsplit('\r').next().unwrap_or_default();
    assert!(bar.contains("1005 cables · ") && bar.contains(" MB/s · 0:00 left") && bar.contains("100%"), "{shown:?}");
}

/// An input without end (`/dev/zero`) is read only so far, reported and skipped; the run goes on.
#[test]
fn an_endless_input_is_not_read_without_bound() {
    let out = cable().args(["parse", "/dev/zero", "src/assets/09USUNNEWYORK78.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1, "the next input is still read");
    assert_eq!(
        stderr_lines(&out)[0],
        "cable: /dev/zero: larger than 64 MB, more than any cable; not read further; skipped"
    );
}
