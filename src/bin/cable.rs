//! `cable parse [--pretty] [--explain] [FILE]...`: one JSON object per input.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: cable parse [--pretty] [FILE]...
  Parses each FILE (standard input when none) and prints one JSON object per input on its own line.
  Exit status 0, or 2 when a FILE could not be read (the others are still parsed).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => parse(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> ExitCode {
    let mut pretty = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "-" => files.push(None),
            flag if flag.starts_with("--") => {
                eprintln!("cable: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            file => files.push(Some(file)),
        }
    }
    if files.is_empty() {
        files.push(None);
    }
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in files {
        let bytes = if let Some(path) = file {
            std::fs::read(path).map_err(|e| format!("cable: cannot read {path}: {e}"))
        } else {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map(|_| buf)
                .map_err(|e| format!("cable: cannot read standard input: {e}"))
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(message) => {
                eprintln!("{message}");
                failed = true;
                continue;
            }
        };
        let cable = cable_viewer::cable::parse_bytes(&bytes);
        let json = if pretty { serde_json::to_string_pretty(&cable) } else { serde_json::to_string(&cable) };
        let written = json.map_err(std::io::Error::other).and_then(|j| writeln!(out, "{j}"));
        if let Err(e) = written {
            // A closed pipe (`cable parse … | head`) ends the run quietly.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("cable: cannot write the output: {e}");
            }
            return ExitCode::from(2);
        }
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}
