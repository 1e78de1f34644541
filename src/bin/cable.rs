//! `cable parse [--pretty] [--explain] [FILE]...`: one JSON object per input.
//! `cable explain CODE...`: what routing indicators, TAGS, captions and marks mean.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: cable parse [--pretty] [--explain] [FILE]...
       cable explain CODE...
  parse: parses each FILE (standard input when none) and prints one JSON object per input on its
         own line; --explain adds what the codes mean (a station on every addressee, tagInfo…).
         Exit status 0, or 2 when a FILE could not be read (the others are still parsed).
  explain: prints one JSON object per CODE (RUEHME, PREL, MX, OO, \"ZNY CCCCC\", 1.4(b), S//NF…).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => parse(&args[1..]),
        Some("explain") if args.len() > 1 => {
            for code in &args[1..] {
                match serde_json::to_string(&cable_viewer::codes::explain(code)) {
                    Ok(json) => println!("{json}"),
                    Err(e) => eprintln!("cable: {e}"),
                }
            }
            ExitCode::SUCCESS
        }
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
    let mut explain = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "--explain" => explain = true,
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
    // One buffered writer for the run: a line per cable, written straight from the model.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
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
        // The model serialises straight into the output; only --explain builds a JSON value to add to.
        let written = if explain {
            explained(&cable).and_then(|v| write_json(&mut out, &v, pretty))
        } else {
            write_json(&mut out, &cable, pretty)
        };
        // Keep the kind of an I/O error serde_json met, so a closed pipe is still recognised.
        let written = written
            .map_err(|e| e.io_error_kind().map_or_else(|| std::io::Error::other(e), std::io::Error::from))
            .and_then(|()| out.write_all(b"\n"));
        if let Err(e) = written {
            // A closed pipe (`cable parse … | head`) ends the run quietly.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("cable: cannot write the output: {e}");
            }
            return ExitCode::from(2);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("cable: cannot write the output: {e}");
        }
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize, pretty: bool) -> serde_json::Result<()> {
    if pretty { serde_json::to_writer_pretty(out, value) } else { serde_json::to_writer(out, value) }
}

/// The model with what its codes mean: a `station` on every addressee, and
/// `tagInfo`, `reasonInfo`, `handlingInfo`, `routingInfo`, `securityInfo` beside the fields they explain.
fn explained(cable: &cable_viewer::cable::Cable) -> serde_json::Result<serde_json::Value> {
    let codes = cable_viewer::codes::explain_cable(cable);
    let mut value = serde_json::to_value(cable)?;
    let serde_json::Value::Object(map) = &mut value else { return Ok(value) };
    for (list, stations) in [("to", &codes.to_stations), ("info", &codes.info_stations)] {
        if let Some(serde_json::Value::Array(addressees)) = map.get_mut(list) {
            for (addressee, station) in addressees.iter_mut().zip(stations) {
                if let serde_json::Value::Object(a) = addressee {
                    a.insert("station".to_owned(), serde_json::to_value(station)?);
                }
            }
        }
    }
    map.insert("tagInfo".to_owned(), serde_json::to_value(&codes.tag_info)?);
    map.insert("reasonInfo".to_owned(), serde_json::to_value(&codes.reason_info)?);
    map.insert("handlingInfo".to_owned(), serde_json::to_value(&codes.handling_info)?);
    map.insert("routingInfo".to_owned(), serde_json::to_value(&codes.routing_info)?);
    map.insert("securityInfo".to_owned(), serde_json::to_value(&codes.security_info)?);
    map.insert("originatorStation".to_owned(), serde_json::to_value(codes.originator_station)?);
    Ok(value)
}
