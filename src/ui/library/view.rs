//! The library view: how far indexing has come, the search box, filters with counts, the list,
//! and what was skipped. Every change moves the address (`LibraryHandle::go`); the worker answers.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::handle::LibraryHandle;
use super::list::List;
use crate::library::protocol::{Facets, Place, Progress, Query, Request, Sort};

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    pub library: LibraryHandle,
    /// Files chosen in the empty library's pickers.
    pub on_files: Callback<Vec<web_sys::File>>,
}

#[derive(Properties, PartialEq)]
struct KeptInputProps {
    /// The query's value (what was last searched for, or what the address says).
    value: String,
    kind: AttrValue,
    label: AttrValue,
    placeholder: AttrValue,
    #[prop_or_default]
    name: Option<AttrValue>,
    #[prop_or_default]
    class: Option<AttrValue>,
    #[prop_or_default]
    size: Option<AttrValue>,
    #[prop_or_default]
    inputmode: Option<AttrValue>,
    #[prop_or_default]
    onchange: Option<Callback<Event>>,
}

/// A text box of the query (the search, a date). What the reader types is kept here until it
/// is used: the view redraws several times a second while a library is indexed, and a box drawn
/// from the query alone put the query's value back over what was being typed (Yew sets a drawn
/// value over the DOM's). A new query value (a search, Back, a link) replaces it.
#[component]
fn KeptInput(props: &KeptInputProps) -> Html {
    let draft = use_state(|| props.value.clone());
    {
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |value| draft.set(value.clone()));
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let p = props;
    html! {
        <input type={p.kind.clone()} name={p.name.clone()} class={p.class.clone()} size={p.size.clone()}
            inputmode={p.inputmode.clone()} placeholder={p.placeholder.clone()} aria-label={p.label.clone()}
            value={(*draft).clone()} {oninput} onchange={p.onchange.clone()} />
    }
}

#[component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    let LibraryViewProps { library, on_files } = props;
    let state = &library.state;
    let place = state.place.clone().unwrap_or_default();
    let query = place.query.clone();
    let wide = use_memo((), |()| {
        web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w >= 900.0)
    });
    let go = {
        let library = library.clone();
        Callback::from(move |query: Query| library.go(Some(Place { query, open: None }), true))
    };
    if !state.loaded {
        return html! {
            <section class="cv-library cv-library--empty" aria-labelledby="cv-library-title">
                <h1 id="cv-library-title" class="cv-library__title">{ "Library" }</h1>
                <p>{ "No library is open in this page. Open many cables at once and find your way in them: a folder of cables or saved cable pages, \
                      a pile of files, or WikiLeaks' whole cables.csv (1.7 GB). They are read and indexed here, \
                      in this browser; nothing is sent anywhere." }</p>
                if let Some(message) = &state.message {
                    <p class="cv-library__message" role="alert">{ message.clone() }</p>
                }
                <Pickers on_files={on_files.clone()} />
                <button type="button" class="cv-button cv-button--quiet" onclick={{ let l = library.clone(); Callback::from(move |_| l.go(None, true)) }}>
                    { "Back to reading" }
                </button>
            </section>
        };
    }
    let answer = &state.answer;
    use_effect_with(answer.seq, |_| crate::ui::browser::mark("library:rendered"));
    let searching = !answer.marks.is_empty();
    let on_submit = {
        let (go, query) = (go.clone(), query.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form: web_sys::HtmlFormElement = e.target_unchecked_into();
            let text = form
                .elements()
                .named_item("q")
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            go.emit(Query { text, ..query.clone() });
        })
    };
    let on_sort = {
        let (go, query) = (go.clone(), query.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            go.emit(Query { sort: Sort::from_key(&select.value()).unwrap_or_default(), ..query.clone() });
        })
    };
    // The list is the shown answer's: it does not redraw when a query leaves, only when its
    // answer arrives (rows asked for an older answer are dropped by the worker).
    let on_need = {
        let (library, seq) = (library.clone(), answer.seq);
        Callback::from(move |(start, count)| library.send(&Request::Rows { seq, start, count }))
    };
    let on_open = {
        let (library, query) = (library.clone(), query.clone());
        Callback::from(move |id: String| library.go(Some(Place { query: query.clone(), open: Some(id) }), true))
    };
    let href = {
        let query = query.clone();
        Callback::from(move |id: String| format!("#{}", Place { query: query.clone(), open: Some(id) }.to_fragment()))
    };
    let summary = if answer.library == 0 {
        "No cables yet.".to_owned()
    } else if answer.total == answer.library && query == Query::default() {
        format!("{} cables", thousands(answer.library))
    } else {
        format!("{} of {} cables", thousands(answer.total), thousands(answer.library))
    };
    html! {
        <section class="cv-library" aria-labelledby="cv-library-title" data-answer={answer.seq.to_string()} data-took={answer.took_ms.to_string()} data-index-bytes={state.progress.index_bytes.to_string()} data-helped={state.progress.helped.to_string()}
            aria-busy={(answer.seq != state.seq || !state.progress.done).to_string()}>
            <div class="cv-library__head">
                <h1 id="cv-library-title" class="cv-library__title">{ "Library" }</h1>
                <p class="cv-library__count" aria-live="polite">{ summary }</p>
                <div class="cv-library__actions">
                    <button type="button" class="cv-button cv-button--quiet" onclick={{ let l = library.clone(); Callback::from(move |_| l.go(None, true)) }}>
                        { "Back to reading" }
                    </button>
                    <button type="button" class="cv-button cv-button--quiet" onclick={{ let l = library.clone(); Callback::from(move |_| l.forget()) }}>
                        { "Forget library" }
                    </button>
                </div>
            </div>
            if !state.progress.done && !state.attached {
                <p class="cv-library__progress" role="status">{ "Opening the library kept on this machine…" }</p>
            } else if !state.progress.done {
                <Indexing progress={state.progress.clone()} on_cancel={{ let l = library.clone(); Callback::from(move |()| l.send(&Request::Cancel)) }} />
            }
            if !state.attached {
                if let Some(kept) = &state.kept {
                    <Reattach kept={kept.clone()} on_files={{ let l = library.clone(); Callback::from(move |files| l.attach(files)) }} />
                }
            }
            if let Some(message) = &state.message {
                <p class="cv-library__message" role="alert">{ message.clone() }</p>
            }
            <form class="cv-library__search" role="search" onsubmit={on_submit}>
                <KeptInput kind="search" name="q" class="cv-library__query" label="Search the library"
                    placeholder={"tag:PREL origin:\"new delhi\" \"heavy water\""} value={query.text.clone()} />
                <button type="submit" class="cv-button">{ "Search" }</button>
                <label class="cv-library__sort">{ "Sort " }
                    <select onchange={on_sort} aria-label="Sort by">
                        for sort in Sort::ALL {
                            <option value={sort.key()} selected={sort == query.sort}>{ sort.label() }</option>
                        }
                    </select>
                </label>
            </form>
            if let Some(note) = &answer.note {
                <p class="cv-library__note">{ note.clone() }</p>
            }
            <div class="cv-library__body">
                <Filters facets={answer.facets.clone()} query={query.clone()} on_change={go.clone()} open={*wide} />
                <List seq={answer.seq} total={answer.total} rows={state.rows.clone()} {searching} {on_need} {on_open} {href} />
            </div>
            if !state.problems.is_empty() {
                <details class="cv-library__problems">
                    <summary>{ format!("{} skipped (not read as cables)", thousands(u32::try_from(state.problems.len()).unwrap_or(u32::MAX))) }</summary>
                    <ul>
                        for p in state.problems.iter().take(500) {
                            <li><strong>{ p.name.clone() }</strong>{ ": " }{ p.why.clone() }</li>
                        }
                    </ul>
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReattachProps {
    kept: super::state::Kept,
    on_files: Callback<Vec<web_sys::File>>,
}

/// A kept library without its files: say so, and take them again in one pick.
#[component]
fn Reattach(ReattachProps { kept, on_files }: &ReattachProps) -> Html {
    let onchange = crate::ui::components::documents::picked(on_files);
    let folder = kept.files.iter().any(|(name, _)| name.contains('/'));
    let named: Vec<String> =
        kept.files.iter().take(3).map(|(name, size)| format!("{name} ({} MB)", size >> 20)).collect();
    let more = kept.files.len().saturating_sub(3);
    html! {
        <div class="cv-library__kept" role="status">
            <p>
                { format!("Kept from your last visit: the index of {} cables. To read them, see snippets and check phrases, choose its files again: {}{}.",
                    thousands(kept.cables), named.join(", "), if more > 0 { format!(" and {more} more") } else { String::new() }) }
            </p>
            <label class="cv-button">
                { if folder { "Choose the folder again" } else { "Choose the files again" } }
                if folder {
                    <input type="file" class="cv-docs__file-input" aria-label="Choose the library's folder again" webkitdirectory=true multiple=true onchange={onchange} />
                } else {
                    <input type="file" class="cv-docs__file-input" aria-label="Choose the library's files again" multiple=true onchange={onchange} />
                }
            </label>
        </div>
    }
}

/// "Open folder" and "Open files or cables.csv".
#[derive(Properties, PartialEq)]
pub struct PickersProps {
    pub on_files: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn Pickers(PickersProps { on_files }: &PickersProps) -> Html {
    let onchange = crate::ui::components::documents::picked(on_files);
    html! {
        <div class="cv-library__pickers">
            <label class="cv-button">
                { "Open folder" }
                <input type="file" class="cv-docs__file-input" aria-label="Open a folder as a library"
                    webkitdirectory=true multiple=true onchange={onchange.clone()} />
            </label>
            <label class="cv-button">
                { "Open files or cables.csv" }
                <input type="file" class="cv-docs__file-input" aria-label="Open files or cables.csv as a library"
                    multiple=true accept=".txt,.html,.htm,.csv,.json,text/plain,text/html,text/csv" {onchange} />
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct IndexingProps {
    progress: Progress,
    on_cancel: Callback<()>,
}

#[component]
fn Indexing(IndexingProps { progress, on_cancel }: &IndexingProps) -> Html {
    #[allow(clippy::cast_precision_loss, reason = "byte counts far below 2^53")]
    let (done, total) = (progress.bytes as f64, progress.bytes_total.max(1) as f64);
    let seconds = f64::from(progress.elapsed_ms) / 1000.0;
    let rate = if seconds > 0.2 { done / seconds } else { 0.0 };
    let left = if rate > 0.0 { ((total - done) / rate).max(0.0) } else { f64::NAN };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "percent and seconds, rounded")]
    let (percent, left) = ((done * 100.0 / total).round() as u32, left.round() as u32);
    let rate_text = if rate > 0.0 { format!(" · {} MB/s", mb_tenths(rate)) } else { String::new() };
    let left_text = if rate > 0.0 { format!(" · about {} left", duration(left)) } else { String::new() };
    html! {
        <div class="cv-library__progress" role="status">
            <progress max="100" value={percent.to_string()} aria-label="Indexing"></progress>
            <span>{ format!("Indexing: {} cables, {percent} %{rate_text}{left_text}", thousands(progress.cables)) }</span>
            <button type="button" class="cv-button cv-button--quiet" onclick={on_cancel.reform(|_| ())}>{ "Cancel" }</button>
        </div>
    }
}

/// Values of a filter shown before "All …".
const SHOWN: usize = 10;

#[derive(Properties, PartialEq)]
struct FiltersProps {
    facets: Facets,
    query: Query,
    on_change: Callback<Query>,
    open: bool,
}

/// One checkbox list per filter, with counts; dates as a range; "has references".
#[component]
fn Filters(FiltersProps { facets, query, on_change, open }: &FiltersProps) -> Html {
    let toggle = |pick: fn(&mut Query) -> &mut Vec<String>, value: String| {
        let (query, on_change) = (query.clone(), on_change.clone());
        Callback::from(move |_: Event| {
            let mut next = query.clone();
            let list = pick(&mut next);
            if let Some(k) = list.iter().position(|v| *v == value) {
                list.remove(k);
            } else {
                list.push(value.clone());
            }
            on_change.emit(next);
        })
    };
    let all = use_state_eq(Vec::<&'static str>::new);
    let group = |title: &'static str,
                 values: &[(String, u32)],
                 chosen: &[String],
                 pick: fn(&mut Query) -> &mut Vec<String>,
                 explain: bool| {
        if values.is_empty() {
            return html! {};
        }
        // The commonest values (and those chosen); all on request.
        let whole = all.contains(&title) || values.len() <= SHOWN + 2;
        let values: Vec<&(String, u32)> = values
            .iter()
            .enumerate()
            .filter(|(k, v)| whole || *k < SHOWN || chosen.contains(&v.0))
            .map(|(_, v)| v)
            .collect();
        let more = {
            let all = all.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*all).clone();
                next.push(title);
                all.set(next);
            })
        };
        html! {
            <fieldset class="cv-facet">
                <legend>{ title }</legend>
                <div class="cv-facet__values">
                    for (value, count) in values.iter().map(|v| (&v.0, &v.1)) {
                        <label class="cv-facet__value" title={explain.then(|| tag_title(value)).flatten().map(|t| t.1)}>
                            <input type="checkbox" checked={chosen.contains(value)} onchange={toggle(pick, value.clone())} />
                            <span class="cv-facet__name">{ value.clone() }</span>
                            if explain {
                                if let Some((meaning, _)) = tag_title(value) {
                                    <span class="cv-facet__meaning">{ meaning }</span>
                                }
                            }
                            <span class="cv-facet__count">{ thousands(*count) }</span>
                        </label>
                    }
                </div>
                if !whole {
                    <button type="button" class="cv-button cv-button--quiet cv-facet__more" onclick={more}>{ format!("All {}", title.to_lowercase()) }</button>
                }
            </fieldset>
        }
    };
    let date = |which: &'static str| {
        let (query, on_change) = (query.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = query.clone();
            let value = input.value().trim().to_owned();
            if which == "from" {
                next.from = value;
            } else {
                next.to = value;
            }
            on_change.emit(next);
        })
    };
    let year = |y: String| {
        let (query, on_change) = (query.clone(), on_change.clone());
        Callback::from(move |_: MouseEvent| {
            on_change.emit(Query { from: y.clone(), to: y.clone(), ..query.clone() });
        })
    };
    let refs = {
        let (query, on_change) = (query.clone(), on_change.clone());
        Callback::from(move |_: Event| on_change.emit(Query { has_refs: !query.has_refs, ..query.clone() }))
    };
    html! {
        <details class="cv-filters" open={*open}>
            <summary class="cv-filters__summary">{ "Filters" }</summary>
            <fieldset class="cv-facet cv-facet--dates">
                <legend>{ "Date" }</legend>
                <label>{ "From " }<KeptInput kind="text" inputmode="numeric" size="10" placeholder="1966" value={query.from.clone()} onchange={date("from")} label="From (year or date)" /></label>
                <label>{ "To " }<KeptInput kind="text" inputmode="numeric" size="10" placeholder="2010" value={query.to.clone()} onchange={date("to")} label="To (year or date)" /></label>
                <div class="cv-facet__years">
                    for (y, n) in &facets.years {
                        <button type="button" class="cv-facet__year" onclick={year(y.clone())} title={format!("{y}: {} cables", thousands(*n))}>
                            { y.clone() }{ " " }<span class="cv-facet__count">{ thousands(*n) }</span>
                        </button>
                    }
                </div>
            </fieldset>
            { group("Classification", &facets.classification, &query.classification, |q| &mut q.classification, false) }
            { group("Handling", &facets.handling, &query.handling, |q| &mut q.handling, false) }
            <fieldset class="cv-facet">
                <legend>{ "References" }</legend>
                <label class="cv-facet__value">
                    <input type="checkbox" checked={query.has_refs} onchange={refs} />
                    <span class="cv-facet__name">{ "Has references" }</span>
                    <span class="cv-facet__count">{ thousands(facets.has_refs) }</span>
                </label>
            </fieldset>
            { group("Origin", &facets.origin, &query.origin, |q| &mut q.origin, false) }
            { group("TAGS", &facets.tags, &query.tags, |q| &mut q.tags, true) }
        </details>
    }
}

/// A TAG's title, and the title with where it comes from (a tooltip); unknown stays unknown.
/// Looked up once per TAG: the filters redraw with every answer.
fn tag_title(tag: &str) -> Option<(&'static str, String)> {
    thread_local! {
        static TITLES: std::cell::RefCell<std::collections::HashMap<String, Option<(&'static str, String)>>> =
            std::cell::RefCell::default();
    }
    TITLES.with(|t| {
        t.borrow_mut()
            .entry(tag.to_owned())
            .or_insert_with(|| {
                let e = crate::codes::explain_tag(tag);
                let meaning = e.meaning?;
                Some((
                    meaning,
                    match e.source {
                        Some(source) => format!("{meaning}. Source: {source}"),
                        None => meaning.to_owned(),
                    },
                ))
            })
            .clone()
    })
}

/// `251287` as `251,287`.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes per second as MB/s with one decimal, without float formatting (11 KB of wasm).
fn mb_tenths(rate: f64) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a rate, rounded")]
    let tenths = (rate / 100_000.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn duration(seconds: u32) -> String {
    if seconds < 60 { format!("{seconds} s") } else { format!("{} min {} s", seconds / 60, seconds % 60) }
}
