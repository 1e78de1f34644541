//! The command line itself (native only): options, the run, the output, the progress bar.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cable_viewer::bulk::{self, Job, Name, Payload, index::IndexRow};
use cable_viewer::cable::Cable;

const USAGE: &str = "usage: cable parse [--compact] [--pretty] [--explain] [--jobs N] [-o FILE] [INPUT]...
       cable index [--format csv|jsonl] [--jobs N] [-o FILE] [INPUT]...
       cable explain CODE...
  INPUT is a file, a folder (its .txt, .html, .json and .csv files, recursively) or - for
  standard input (the default). A cables.csv, from a file or standard input, is read a row at
  a time. Output comes in input order.
  parse: one JSON object per cable, a line each (JSON Lines); --compact leaves out spans and
         positions, --pretty indents, --explain adds what the codes mean (tagInfo, a station
         on every addressee...).
  index: one row per cable: id, date, classification, handling, origin, tags, subject,
         references, sections, words, source; CSV (the default, lists |-separated) or JSON Lines.
  --jobs N: parse on N threads (default: every core). -o FILE: write to FILE, not standard output.
  A progress bar is shown on standard error when it is a terminal and the run is long.
  Exit status: 0; 1 when an input or row was skipped (each named on standard error: unreadable,
  empty, binary, not a cable, a broken cables.csv row); 2 for a usage error or unwritable output.
  explain: one JSON object per CODE (RUEHME, PREL, MX, OO, \"ZNY CCCCC\", 1.4(b), S//NF...).";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Parse,
    Index,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json { compact: bool, pretty: bool, explain: bool },
    IndexCsv,
    IndexJsonl,
}

struct Options {
    format: Format,
    jobs: usize,
    output: Option<String>,
    inputs: Vec<String>,
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.first().map(String::as_str) {
        Some("parse") => Command::Parse,
        Some("index") => Command::Index,
        Some("explain") if args.len() > 1 => return explain(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => return usage_error(None),
    };
    match options(command, &args[1..]) {
        Ok(options) => run(&options),
        Err(message) => usage_error(Some(&message)),
    }
}

fn usage_error(message: Option<&str>) -> ExitCode {
    if let Some(message) = message {
        eprintln!("cable: {message}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn explain(codes: &[String]) -> ExitCode {
    for code in codes {
        match serde_json::to_string(&cable_viewer::codes::explain(code)) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("cable: {e}"),
        }
    }
    ExitCode::SUCCESS
}

fn options(command: Command, args: &[String]) -> Result<Options, String> {
    let (mut compact, mut pretty, mut explain) = (false, false, false);
    let mut format = None;
    let mut jobs = bulk::all_cores();
    let mut output = None;
    let mut inputs = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value =
            || inline.clone().or_else(|| args.next().cloned()).ok_or_else(|| format!("{flag} needs a value"));
        match (command, flag) {
            (Command::Parse, "--compact") => compact = true,
            (Command::Parse, "--pretty") => pretty = true,
            (Command::Parse, "--explain") => explain = true,
            (Command::Index, "--format") => format = Some(value()?),
            (_, "--jobs" | "-j") => {
                jobs = value()?.parse().ok().filter(|&n| n > 0).ok_or("--jobs takes a number of threads, 1 or more")?;
            }
            (_, "-o" | "--output") => output = Some(value()?),
            (_, "-") => inputs.push(arg.clone()),
            (_, flag) if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ => inputs.push(arg.clone()),
        }
    }
    let format = match (command, format.as_deref()) {
        (Command::Parse, _) => Format::Json { compact, pretty, explain },
        (Command::Index, Some("csv")) => Format::IndexCsv,
        (Command::Index, Some("jsonl" | "json")) => Format::IndexJsonl,
        (Command::Index, Some(other)) => return Err(format!("--format is csv or jsonl, not {other}")),
        // Without --format, the output file's name decides; CSV otherwise.
        (Command::Index, None) => match output.as_deref() {
            Some(path)
                if std::path::Path::new(path)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json")) =>
            {
                Format::IndexJsonl
            }
            _ => Format::IndexCsv,
        },
    };
    Ok(Options { format, jobs, output, inputs })
}

/// What a worker hands the writer: the lines for one input, or why it was skipped.
struct Done {
    name: Name,
    size: usize,
    result: Result<Vec<u8>, String>,
}

fn run(options: &Options) -> ExitCode {
    let inputs = bulk::expand(&options.inputs);
    // Sizes only for a progress bar, which only a terminal shows.
    let total = if std::io::stderr().is_terminal() { bulk::total_size(&inputs) } else { None };
    let (sink, replaced): (Box<dyn Write>, _) = match &options.output {
        None => (Box::new(std::io::stdout().lock()), crate::output::Replaced::default()),
        Some(path) => match crate::output::create(path.as_ref()) {
            Ok((file, replaced)) => (Box::new(file), replaced),
            Err(e) => {
                eprintln!("cable: cannot write {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    if options.format == Format::IndexCsv {
        if let Err(e) = out.write_all(bulk::index::csv_header().as_bytes()) {
            return output_failed(&e);
        }
    }
    let mut write_error = None;
    let mut skipped = 0usize;
    let mut progress = Progress::new(total);
    let format = options.format;
    bulk::run_ordered(
        options.jobs,
        bulk::Caller::Works,
        |emit| bulk::produce(inputs, emit),
        |job: Job| {
            let size = match &job.payload {
                Payload::Bytes(bytes) => bytes.len(),
                Payload::Problem(_) => 0,
            };
            let result = match job.payload {
                Payload::Bytes(bytes) => {
                    bulk::read_cable(&bytes).and_then(|cable| render(&cable, &job.name, format, bytes.len()))
                }
                Payload::Problem(problem) => Err(problem),
            };
            Done { name: job.name, size, result }
        },
        |done| {
            progress.advance(done.size);
            match done.result {
                Ok(lines) => {
                    if let Err(e) = out.write_all(&lines) {
                        write_error = Some(e);
                        return false;
                    }
                }
                Err(problem) => {
                    skipped += 1;
                    progress.clear();
                    eprintln!("cable: {}: {problem}; skipped", done.name);
                }
            }
            true
        },
    );
    progress.finish();
    let flushed = write_error.map_or_else(|| out.flush(), Err);
    drop(out);
    replaced.wait();
    if let Err(e) = flushed {
        return output_failed(&e);
    }
    if skipped > 0 {
        eprintln!("cable: {skipped} input{} skipped", if skipped == 1 { "" } else { "s" });
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The output could not be written: said on standard error, except for a closed pipe
/// (`cable parse … | head`), which ends the run quietly.
fn output_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        eprintln!("cable: cannot write the output: {e}");
    }
    ExitCode::from(2)
}

/// One cable's output lines.
fn render(cable: &Cable, name: &Name, format: Format, input: usize) -> Result<Vec<u8>, String> {
    // The JSON is about three times the input (two and a bit compact): room for it at once,
    // instead of growing the buffer (and copying it) four or five times.
    let mut out = Vec::with_capacity(if matches!(format, Format::Json { .. }) { input * 3 + 1024 } else { 1024 });
    let written = match format {
        Format::Json { compact: true, pretty, explain } => {
            cable_viewer::cable::model::compact(|| write_cable(&mut out, cable, pretty, explain))
        }
        Format::Json { pretty, explain, .. } => write_cable(&mut out, cable, pretty, explain),
        Format::IndexJsonl => bulk::json::write(&mut out, &IndexRow::new(cable, name)).map_err(|e| e.to_string()),
        Format::IndexCsv => {
            IndexRow::new(cable, name).write_csv(&mut out);
            return Ok(out);
        }
    };
    written.map_err(|e| format!("cannot be written as JSON: {e}"))?;
    out.push(b'\n');
    Ok(out)
}

fn write_cable(out: &mut Vec<u8>, cable: &Cable, pretty: bool, explain: bool) -> Result<(), String> {
    // The model serialises straight into the output (JSON Lines by `bulk::json`, which writes
    // what `serde_json` writes, faster); only --explain builds a JSON value to add to.
    let written = match (explain, pretty) {
        (false, false) => return bulk::json::write(out, cable).map_err(|e| e.to_string()),
        (true, _) => explained(cable).and_then(|value| write_json(out, &value, pretty)),
        (false, true) => write_json(out, cable, pretty),
    };
    written.map_err(|e| e.to_string())
}

fn write_json(out: &mut Vec<u8>, value: &impl serde::Serialize, pretty: bool) -> serde_json::Result<()> {
    if pretty { serde_json::to_writer_pretty(out, value) } else { serde_json::to_writer(out, value) }
}

/// The model with what its codes mean: a `station` on every addressee, and
/// `tagInfo`, `reasonInfo`, `handlingInfo`, `routingInfo`, `securityInfo` beside the fields they explain.
fn explained(cable: &Cable) -> serde_json::Result<serde_json::Value> {
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

/// The progress bar on standard error: shown only when it is a terminal, and only once the
/// run has taken a second; redrawn at most five times a second.
struct Progress {
    enabled: bool,
    start: Instant,
    drawn: Option<Instant>,
    total: Option<u64>,
    count: usize,
    bytes: u64,
}

impl Progress {
    fn new(total: Option<u64>) -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            start: Instant::now(),
            drawn: None,
            total,
            count: 0,
            bytes: 0,
        }
    }

    fn advance(&mut self, bytes: usize) {
        self.count += 1;
        self.bytes += bytes as u64;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = match self.drawn {
            None => now.duration_since(self.start) >= Duration::from_secs(1),
            Some(at) => now.duration_since(at) >= Duration::from_millis(200),
        };
        if due {
            self.drawn = Some(now);
            self.draw(now);
        }
    }

    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn draw(&self, now: Instant) {
        let seconds = now.duration_since(self.start).as_secs_f64().max(1e-3);
        let rate = self.bytes as f64 / seconds;
        let mut line = format!("{} cables · {:.1} MB/s", self.count, rate / 1e6);
        if let Some(total) = self.total.filter(|&t| t > 0) {
            let done = (self.bytes as f64 / total as f64).min(1.0);
            let width = 24;
            let filled = (done * f64::from(width)) as usize;
            let left = if rate > 0.0 { (total.saturating_sub(self.bytes)) as f64 / rate } else { 0.0 };
            let left = left.round() as u64;
            line = format!(
                "[{}{}] {:>3.0}% · {line} · {}:{:02} left",
                "#".repeat(filled),
                " ".repeat(width as usize - filled),
                done * 100.0,
                left / 60,
                left % 60
            );
        }
        eprint!("\r\x1b[K{line}");
    }

    /// Takes the bar off the line, so that a message can be written there.
    fn clear(&mut self) {
        if self.drawn.is_some() {
            eprint!("\r\x1b[K");
            self.drawn = Some(self.start);
        }
    }

    fn finish(&mut self) {
        if self.drawn.is_some() {
            self.draw(Instant::now());
            eprintln!();
        }
    }
}
