//! `cable_parser._native`: the parser for Python. The package (`cable_parser/__init__.py`)
//! re-exports these and wraps `_CsvRows` as `read_csv`.
//!
//! Cables reach Python through the model's own `Serialize` (`objects.rs`), the implementation
//! the CLI's JSON is written by, so a dict has exactly the fields and names of the command's
//! output.

mod objects;

/// mimalloc for what Rust allocates: cables parsed on worker threads are freed on the calling
/// thread once they are Python objects, which glibc's arenas make costly (`parse_many` +16%).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Read;

use cable_viewer::cable::{self, Cable, CsvItem, CsvStream};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use objects::Keys;

/// A cable as Python objects; `compact` leaves out spans and positions, as `--compact` does.
fn to_python<'py>(py: Python<'py>, keys: &Keys, cable: &Cable, compact: bool) -> PyResult<Bound<'py, PyAny>> {
    let build = || objects::build(py, keys, cable);
    if compact { cable::model::compact(build) } else { build() }
}

/// A `str` as its UTF-8 bytes, `bytes` as they are (invalid UTF-8 is then replaced, with a
/// diagnostic, as for a file).
fn input_bytes(text: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = text.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    Ok(text.extract::<String>()?.into_bytes())
}

/// Parses one cable (text, a saved cable web page, a row of cables.csv or a JSON record;
/// str or bytes) into the model the `cable parse` command writes as JSON.
#[pyfunction]
#[pyo3(signature = (text, compact = false))]
fn parse<'py>(py: Python<'py>, text: &Bound<'py, PyAny>, compact: bool) -> PyResult<Bound<'py, PyAny>> {
    let bytes = input_bytes(text)?;
    let cable = py.detach(|| cable::parse_bytes(&bytes));
    to_python(py, &Keys::default(), &cable, compact)
}

/// Parses many cables on `jobs` threads (default: every core), without the GIL; the list is
/// in the order of `texts`, and item k equals `parse(texts[k])`. The dicts are handed to the
/// garbage collector's oldest generation, as `gc.freeze()` then `gc.unfreeze()` would (unless
/// the program has frozen objects), so that its next young pass does not walk them all again.
#[pyfunction]
#[pyo3(signature = (texts, jobs = None, compact = false))]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    compact: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let inputs: Vec<Vec<u8>> = texts.try_iter()?.map(|t| input_bytes(&t?)).collect::<PyResult<_>>()?;
    let jobs = jobs.unwrap_or_else(cable_viewer::bulk::all_cores).max(1);
    let mut out = Vec::with_capacity(inputs.len());
    let mut failed = None;
    // The cyclic garbage collector would walk every dict made so far, again and again, while
    // thousands are made (an eighth of the time); none of them can form a cycle.
    let gc = py.import("gc")?;
    let was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    gc.call_method0("disable")?;
    // Workers parse without the GIL; this thread turns each cable into a dict as it comes,
    // taking the GIL a cable at a time, so conversion overlaps parsing.
    py.detach(|| {
        // Made here, on the one thread that makes objects.
        let keys = Keys::default();
        cable_viewer::bulk::run_ordered(
            jobs,
            // Making the dicts costs as much as parsing: this thread does only that.
            cable_viewer::bulk::Caller::Consumes,
            |emit| {
                for bytes in inputs {
                    if !emit(bytes) {
                        break;
                    }
                }
            },
            |bytes: Vec<u8>| cable::parse_bytes(&bytes),
            |cable| {
                Python::attach(|py| match to_python(py, &keys, &cable, compact) {
                    Ok(value) => {
                        out.push(value.unbind());
                        true
                    }
                    Err(e) => {
                        failed = Some(e);
                        false
                    }
                })
            },
        );
    });
    // Everything made is still in the collector's youngest generation, and its next pass would
    // walk all of it once more (a third of the call) to learn what is already known: nothing
    // here is garbage, and the caller keeps it. `freeze` then `unfreeze` moves every tracked
    // object to the oldest generation without walking any, where a full pass still sees them.
    // Not when the program has frozen objects of its own: `unfreeze` would thaw those too.
    if gc.call_method0("get_freeze_count")?.extract::<usize>()? == 0 {
        gc.call_method0("freeze")?;
        gc.call_method0("unfreeze")?;
    }
    if was_enabled {
        gc.call_method0("enable")?;
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// What a routing indicator, TAGS code, country code, precedence, caption, portion mark or
/// classification reason means, with its source (`certainty` says how sure).
#[pyfunction]
fn explain<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    objects::build(py, &Keys::default(), &cable_viewer::codes::explain(code))
}

/// The rows of a `cables.csv`, streamed in bounded memory: `(row, value, problem)` per row,
/// `value` a parsed cable (or the row's columns when `parse` is false), `problem` why a row
/// was skipped. `read_csv` in the package turns problems into warnings or errors.
#[pyclass(name = "_CsvRows")]
struct CsvRows {
    reader: Box<dyn Read + Send + Sync>,
    stream: CsvStream,
    chunk: Vec<u8>,
    eof: bool,
    parse: bool,
    compact: bool,
}

#[pymethods]
impl CsvRows {
    #[new]
    #[pyo3(signature = (path, parse = true, compact = false))]
    fn new(path: std::path::PathBuf, parse: bool, compact: bool) -> PyResult<Self> {
        let file = std::fs::File::open(path)?;
        Ok(CsvRows {
            reader: Box::new(file),
            stream: CsvStream::new(cable_viewer::bulk::MAX_RECORD),
            chunk: vec![0; 1 << 20],
            eof: false,
            parse,
            compact,
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[allow(clippy::type_complexity)]
    fn __next__<'py>(
        &mut self,
        py: Python<'py>,
    ) -> PyResult<Option<(usize, Option<Bound<'py, PyAny>>, Option<String>)>> {
        loop {
            if let Some(item) = self.stream.next_item(self.eof) {
                return match item {
                    CsvItem::Bad { row, problem } => Ok(Some((row, None, Some(problem.to_string())))),
                    CsvItem::Record { row, bytes } if self.parse => {
                        let parsed = py.detach(|| cable_viewer::bulk::read_cable(&bytes));
                        match parsed {
                            Ok(cable) => {
                                Ok(Some((row, Some(to_python(py, &Keys::default(), &cable, self.compact)?), None)))
                            }
                            Err(problem) => Ok(Some((row, None, Some(problem)))),
                        }
                    }
                    CsvItem::Record { row, bytes } => Ok(Some((row, Some(columns(py, &bytes)?), None))),
                };
            }
            if self.eof {
                return Ok(None);
            }
            let (reader, chunk) = (&mut self.reader, &mut self.chunk);
            match py.detach(|| reader.read(chunk)) {
                Ok(0) => self.eof = true,
                Ok(n) => self.stream.push(&self.chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// A row's columns by name, as `cables.csv` has them (references split on `|`).
fn columns<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let text = String::from_utf8_lossy(bytes);
    let fields = cable::container::record_fields(&text);
    let dict = PyDict::new(py);
    for (name, value) in cable::container::CSV_COLUMN_NAMES.iter().zip(&fields) {
        if *name == "references" {
            let list: Vec<&str> = value.split('|').filter(|r| !r.trim().is_empty()).collect();
            dict.set_item(name, list)?;
        } else {
            dict.set_item(name, value)?;
        }
    }
    Ok(dict.into_any())
}

#[pymodule]
#[pyo3(name = "_native")]
fn cable_parser_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_class::<CsvRows>()?;
    Ok(())
}
