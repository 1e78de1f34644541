//! The `cable` command line, run as a user would run it.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

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
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one JSON object per readable input");
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["id"], "09USUNNEWYORK78");
    assert!(first["subjectMarking"].is_null(), "absent values are null");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.contains(missing));
}

#[test]
fn reads_standard_input_and_survives_junk() {
    let mut child = cable().arg("parse").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let junk: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    child.stdin.take().unwrap().write_all(&junk).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "diagnostics are no failure");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["severity"], "error");
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
    let pages: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/cablegate-2010"))
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
