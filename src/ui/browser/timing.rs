//! User Timing marks and measures: what the benchmarks and the developer tools read.

use super::window;

fn performance() -> Option<web_sys::Performance> {
    window()?.performance()
}

/// Runs `work` between two User Timing marks and records `performance.measure(name)`,
/// readable in the browser's developer tools and by the benchmarks.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = performance() else { return work() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = performance.mark(&start);
    let out = work();
    let _ = performance.mark(&end);
    let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    out
}

pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Marks the moment a cable arrives (a paste, a drop, a file, the end of a typing pause).
pub fn mark_input() {
    mark("cable:input");
    mark("cable:input-complete");
}

/// Once every paragraph is in the page: records `cable:render-complete` from the input mark.
pub fn measure_render_complete() {
    let Some(performance) = performance() else { return };
    if performance.get_entries_by_name_with_entry_type("cable:input-complete", "mark").length() > 0 {
        let _ = performance.measure_with_start_mark("cable:render-complete", "cable:input-complete");
        performance.clear_marks_with_mark_name("cable:input-complete");
    }
}

/// After the view has been committed: records `cable:render` from the input mark, if any.
pub fn measure_render() {
    let Some(performance) = performance() else { return };
    let pending = performance.get_entries_by_name_with_entry_type("cable:input", "mark").length() > 0;
    if pending {
        let _ = performance.measure_with_start_mark("cable:render", "cable:input");
        performance.clear_marks_with_mark_name("cable:input");
    }
}
