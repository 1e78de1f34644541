//! The page. Data flows one way: input (typing, files, paste, drop, samples)
//! → `Action` → the reducer parses → components render the `Cable` as text.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::{
    banner::Banner,
    body::CableBody,
    documents::Documents,
    envelope::Envelope,
    input::CableInput,
    metadata::Metadata,
    notice::Notice,
    original::Original,
    pwa::{Pwa, PwaNotice},
    toc::Toc,
    toolbar::{CopyTarget, Toolbar},
};
use super::find;
use super::hooks::library::{PartHandle, use_library_part};
use super::hooks::{Picked, use_installed_app, use_page_listeners};
use super::library::bridge;
use super::state::{Action, AppState, Incoming, SAMPLES};

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::with_documents(browser::load_documents(), browser::load_theme()));
    let dragging = use_state_eq(|| false);
    let pwa_notice = use_state_eq(PwaNotice::default);
    let installable = use_state_eq(|| false);
    let document = Rc::new(state.document().clone());
    let cable = document.cable.clone();
    let hits = find::count(&cable, &state.query, state.reflow);

    // The page's title is the cable's subject.
    use_effect_with(cable.subject.clone(), |subject| {
        browser::set_title(
            &subject.as_ref().map_or_else(|| "Cable Viewer".to_owned(), |s| format!("{s} · Cable Viewer")),
        );
    });
    use_effect_with(state.theme.clone(), |theme| browser::apply_theme(theme));
    // Effects run once the DOM is committed: the end of `cable:render`.
    use_effect_with(state.revision, |_| browser::measure_render());
    // Remember the open cables across reloads (this machine's local storage only).
    {
        let documents: Vec<(Rc<str>, Rc<str>)> = state
            .documents
            .iter()
            .filter(|d| !d.from_library)
            .map(|d| (Rc::from(d.name.as_str()), d.text.clone()))
            .collect();
        let epoch = state.epoch;
        use_effect_with((documents, epoch), |(documents, _)| {
            // In a task of its own, after the cable is on screen.
            let documents = documents.clone();
            browser::soon(move || {
                let fits: Vec<_> = documents.iter().filter(|(_, t)| t.len() <= browser::STORAGE_LIMIT).collect();
                browser::save_documents(fits.iter().map(|(n, t)| (&**n, &**t)));
            });
        });
    }
    // A permalink (`#p3`) opens on its paragraph. The first commit also marks
    // `cable:first-render`, the end of a cold load.
    use_effect_with((), |()| {
        browser::mark("cable:first-render");
        if let Some(hash) = browser::location_hash() {
            browser::reveal(&hash);
        }
    });
    use_effect_with((state.query.clone(), state.hit, state.epoch), |(query, _, _)| {
        if !query.trim().is_empty() {
            browser::reveal("find-current");
        }
    });
    let library = use_library_part(state.dispatcher());
    let on_files = {
        let (dispatcher, library) = (state.dispatcher(), library.clone());
        Callback::from(move |picked: Picked| open_picked(&dispatcher, &library, picked))
    };
    use_page_listeners(&state, &dragging, &on_files);
    use_installed_app(&state, &pwa_notice, &installable, &on_files);
    // In the library's list (the address says `#library`, no cable open), the list replaces the reader.
    // A cable opened from the list is shown once it has come from the worker; until then (a
    // few milliseconds, or a message if it cannot be read) the list stays.
    let summary = &*library.summary;
    let from_library = summary.reading && document.from_library;
    let in_list = summary.in_library && !from_library;

    let dispatch = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |value: String| state.dispatch(make(value)))
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| {
            browser::mark_input();
            state.dispatch(Action::Edit(text));
        })
    };
    let open_files = on_files.reform(Picked::files);
    let on_copy = {
        let state = state.clone();
        let document = document.clone();
        Callback::from(move |what: CopyTarget| copy(&state, &document, what))
    };
    let status = if in_list {
        summary.message.clone().unwrap_or_else(|| {
            if *library.loading { "Loading the library…".to_owned() } else { state.status.to_string() }
        })
    } else if !state.finding || state.query.trim().is_empty() {
        state.status.to_string()
    } else {
        format!("{hits} match{} for “{}”.", if hits == 1 { "" } else { "es" }, state.query.trim())
    };
    html! {
        <div class={classes!("cv-app", dragging.then_some("cv-app--dragging"))}>
            <header class="cv-bar">
                <span class="cv-bar__name">{ "Cable Viewer" }</span>
                <Documents
                    names={state.documents.iter().map(|d| d.name.clone()).collect::<Vec<_>>()}
                    current={state.current}
                    on_select={{ let s = state.clone(); Callback::from(move |k| s.dispatch(Action::Select(k))) }}
                    on_close={{ let s = state.clone(); Callback::from(move |k| s.dispatch(Action::Close(k))) }}
                    on_files={open_files.clone()}
                    on_library={{ let l = library.clone(); Callback::from(move |()| l.show()) }}
                    library_size={summary.cables}
                    on_sample={{ let s = state.dispatcher(); Callback::from(move |k: usize| open_sample(&s, k)) }}
                    on_forget={{ let s = state.clone(); Callback::from(move |()| { browser::forget_documents(); s.dispatch(Action::Forget) }) }}
                />
                <Pwa notice={*pwa_notice} installable={*installable}
                    on_reload={Callback::from(|()| browser::apply_update())}
                    on_install={{ let i = installable.clone(); Callback::from(move |()| { browser::prompt_install(); i.set(false); }) }}
                    on_dismiss={{ let n = pwa_notice.clone(); Callback::from(move |()| n.set(PwaNotice::None)) }} />
            </header>
            <div class="cv-drop" aria-hidden="true">{ "Drop cable files to open them" }</div>
            // The library part's hosts (it renders into them; the page only shows or hides them).
            <div id={bridge::VIEW_HOST} class="cv-layout cv-layout--library" hidden={!in_list}></div>
            if in_list && *library.loading {
                <section class="cv-layout cv-layout--library" aria-busy="true">
                    <h1 class="cv-library__title">{ "Library" }</h1>
                    <p>{ "Loading the library…" }</p>
                </section>
            }
            <div class="cv-layout cv-layout--reader" hidden={in_list}>
                <div id={bridge::LINKS_HOST} hidden={!from_library}></div>
                <CableInput text={document.text.clone()} epoch={state.epoch} {on_edit}
                    open={document.problem.is_some()} />
                <article class="cv-reader" aria-label="Cable">
                    <Toolbar
                        query={state.query.clone()} hits={hits} hit={state.hit}
                        show_original={state.show_original} reflow={state.reflow} theme={state.theme.clone()}
                        on_find={dispatch(Action::Find)}
                        on_step={{ let s = state.clone(); Callback::from(move |delta| s.dispatch(Action::FindStep { delta, total: hits })) }}
                        on_expand={Callback::from(browser::set_all_sections_open)}
                        on_original={{ let s = state.clone(); Callback::from(move |()| s.dispatch(Action::ToggleOriginal)) }}
                        on_reflow={{ let s = state.clone(); Callback::from(move |()| s.dispatch(Action::ToggleReflow)) }}
                        {on_copy}
                        on_theme={dispatch(Action::Theme)}
                    />
                    <Banner cable={cable.clone()} />
                    <h1 class="cv-subject">{ cable.subject.clone().unwrap_or_else(|| document.name.to_string()) }</h1>
                    if let Some(problem) = &document.problem {
                        <Notice problem={problem.clone()} />
                    }
                    if document.problem.is_some() || state.show_original {
                        <Original document={document.clone()} />
                    }
                    if document.problem.is_none() || !cable.sections.is_empty() {
                        // Beside the text on a wide screen, above it otherwise.
                        <div class="cv-aside">
                            <Metadata cable={cable.clone()} fold_on_phone=true />
                            <Envelope cable={cable.clone()} />
                            <Toc cable={cable.clone()} />
                        </div>
                        <CableBody key={state.revision} cable={cable.clone()} reflow={state.reflow} query={state.query.clone()} hit={state.hit}
                            on_complete={Callback::from(|()| {
                                browser::measure_render_complete();
                                // A permalink into a long cable can only be followed once its paragraph exists.
                                if let Some(hash) = browser::location_hash() {
                                    browser::reveal(&hash);
                                }
                            })} />
                    }
                    <Banner cable={cable.clone()} class="cv-banner--footer" />
                </article>
            </div>
            <p class="cv-status" role="status">{ status }</p>
        </div>
    }
}

/// A sample: the compiled-in one at once, the others fetched from the app's own files.
fn open_sample(dispatcher: &UseReducerDispatcher<AppState>, k: usize) {
    let Some(&(name, path)) = SAMPLES.get(k) else { return };
    browser::mark_input();
    let Some(path) = path else {
        dispatcher.dispatch(Action::OpenText { name: name.to_owned(), text: crate::SAMPLE_CABLE.to_owned() });
        return;
    };
    dispatcher.dispatch(Action::Status(format!("Opening the sample {name}…")));
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        dispatcher.dispatch(match browser::fetch_text(path).await {
            Ok(text) => Action::OpenText { name: name.to_owned(), text },
            Err(why) => Action::Status(format!("The sample {name} could not be opened: {why}.")),
        });
    });
}

fn copy(state: &UseReducerHandle<AppState>, document: &Rc<super::state::Document>, what: CopyTarget) {
    let cable = &document.cable;
    let id = cable.id.clone().unwrap_or_else(|| document.name.to_string());
    let text = match what {
        CopyTarget::Id => id.clone(),
        CopyTarget::Citation => format!(
            "{id}, “{}”, {}",
            cable.subject.as_deref().unwrap_or("no subject"),
            cable.date.as_deref().map_or("undated", |d| d.get(..10).unwrap_or(d))
        ),
        CopyTarget::Json | CopyTarget::Download => browser::to_js(&**cable)
            .ok()
            .and_then(|v| {
                js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &2.into()).ok()
            })
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    };
    let dispatcher = state.dispatcher();
    if what == CopyTarget::Download {
        let ok = browser::download(&format!("{id}.json"), &text, "application/json");
        dispatcher.dispatch(Action::Status(if ok {
            format!("Downloaded {id}.json.")
        } else {
            "The download did not start.".to_owned()
        }));
        return;
    }
    let label = match what {
        CopyTarget::Id => "the reference ID",
        CopyTarget::Citation => "the citation",
        CopyTarget::Json | CopyTarget::Download => "the JSON",
    };
    wasm_bindgen_futures::spawn_local(async move {
        let ok = browser::copy_text(&text).await;
        dispatcher.dispatch(Action::Status(if ok {
            format!("Copied {label}.")
        } else {
            format!("Could not copy {label}: the browser refused the clipboard.")
        }));
    });
}

/// Files that arrived together: a folder, a `cables.csv` or more than a handful of files make a
/// library; a few cables open side by side in the reader, as before.
fn open_picked(dispatcher: &UseReducerDispatcher<AppState>, library: &PartHandle, picked: Picked) {
    const SIDE_BY_SIDE: usize = 5;
    if picked.files.is_empty() {
        if picked.folder {
            dispatcher.dispatch(Action::Status("That folder holds no files.".to_owned()));
        }
        return;
    }
    let csv = picked.names.iter().any(|n| n.to_ascii_lowercase().ends_with(".csv"));
    if picked.folder || csv || picked.files.len() > SIDE_BY_SIDE {
        browser::mark("library:open");
        dispatcher.dispatch(Action::Status(format!(
            "Indexing {} file{} as a library…",
            picked.files.len(),
            if picked.files.len() == 1 { "" } else { "s" }
        )));
        library.open(&picked.files, &picked.names);
        return;
    }
    open_files(dispatcher.clone(), picked.files);
}

fn open_files(dispatcher: UseReducerDispatcher<AppState>, files: Vec<web_sys::File>) {
    browser::mark_input();
    dispatcher.dispatch(Action::Status(match files.as_slice() {
        [file] => format!("Reading {}…", file.name()),
        _ => format!("Reading {} files…", files.len()),
    }));
    wasm_bindgen_futures::spawn_local(async move {
        let read = browser::read_files(files, super::components::original::SHOW_AT_MOST).await;
        let incoming = read.into_iter().map(|(name, bytes, size)| Incoming { name, bytes, size }).collect();
        dispatcher.dispatch(Action::OpenFiles(incoming));
    });
}
