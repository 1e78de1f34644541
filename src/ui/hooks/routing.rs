//! The routing book on demand (`codes::routing`): the page's wasm leaves it out, and the first
//! component that names a routing indicator has it fetched (`routing.txt`, beside the app; the
//! service worker keeps it from then on). Every component waiting for it renders again when it
//! arrives. The embed's module loads it itself, beside its wasm (`loadRoutingBook`).

use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::codes;
use crate::ui::browser;

/// Where the book stands, for a component that wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutingBook {
    /// Here: routing indicators are named.
    Loaded,
    /// Asked for and on its way.
    Loading,
    /// Not asked for (the component does not want it yet), or nobody to ask (an embed whose
    /// module could not load it).
    Absent,
    /// The download failed (offline on a visit that never loaded it): said, and asked again on
    /// the next want.
    Failed,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fetch {
    Idle,
    Running,
    Failed,
}

thread_local! {
    /// The app's copy of the book, relative to the page (`ui::mount` sets it; an embed has none).
    static SOURCE: RefCell<Option<String>> = const { RefCell::new(None) };
    static FETCH: Cell<Fetch> = const { Cell::new(Fetch::Idle) };
    /// Components to render again once the fetch ends.
    static WAITING: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// The app fetches the book from `url` when first needed.
pub fn serve_routing_book_from(url: &str) {
    SOURCE.with_borrow_mut(|source| *source = Some(url.to_owned()));
}

/// Fetches the book from `url` and installs it; `false` if it could not be had.
pub async fn load_routing_book(url: &str) -> bool {
    match browser::fetch_text(url).await {
        Ok(text) => codes::routing::install(text),
        Err(_) => false,
    }
}

/// Starts the app's fetch unless it is done or running; for a visit that can afford it
/// early (a service worker already serves the page: not a first visit).
pub fn prefetch_routing_book() {
    if codes::routing_book_loaded() || FETCH.get() == Fetch::Running {
        return;
    }
    let Some(url) = SOURCE.with_borrow(Clone::clone) else { return };
    FETCH.set(Fetch::Running);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = load_routing_book(&url).await;
        FETCH.set(if loaded { Fetch::Idle } else { Fetch::Failed });
        for waiting in WAITING.take() {
            waiting.emit(());
        }
    });
}

/// The book for a component that names routing indicators when `wanted` (an open envelope):
/// fetched on the first want, and the component renders again when it arrives.
#[hook]
pub fn use_routing_book(wanted: bool) -> RoutingBook {
    let update = use_force_update();
    use_effect_with(wanted, move |&wanted| {
        if wanted && !codes::routing_book_loaded() {
            WAITING.with_borrow_mut(|waiting| waiting.push(Callback::from(move |()| update.force_update())));
            if FETCH.get() == Fetch::Failed {
                FETCH.set(Fetch::Idle);
            }
            prefetch_routing_book();
        }
    });
    if codes::routing_book_loaded() {
        RoutingBook::Loaded
    } else if !wanted || SOURCE.with_borrow(Option::is_none) {
        RoutingBook::Absent
    } else {
        match FETCH.get() {
            Fetch::Failed => RoutingBook::Failed,
            Fetch::Idle | Fetch::Running => RoutingBook::Loading,
        }
    }
}
