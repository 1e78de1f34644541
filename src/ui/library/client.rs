//! The page's side of the library worker: starts it (its own wasm, fetched now and not on the
//! first visit), sends requests as JSON, hands replies to a callback.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::library::protocol::{Reply, Request};
use crate::ui::browser::trusted;

pub struct Client {
    worker: web_sys::Worker,
    /// Messages held until the worker says it is ready (`None` once it has).
    waiting: Rc<RefCell<Option<Vec<JsValue>>>>,
    _listeners: [EventListener; 2],
}

impl Client {
    pub fn start(on_reply: Callback<Reply>) -> Result<Client, String> {
        let url = trusted::script_url(trusted::LIBRARY_WORKER).ok_or("the library worker's address was refused")?;
        let constructor = js_sys::Reflect::get(&js_sys::global(), &"Worker".into())
            .ok()
            .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
            .ok_or("this browser has no Web Workers")?;
        let worker: web_sys::Worker = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&url))
            .map_err(|e| format!("the library worker did not start: {}", describe(&e)))?
            .unchecked_into();
        let waiting = Rc::new(RefCell::new(Some(Vec::new())));
        let replies = {
            let on_reply = on_reply.clone();
            let (waiting, sender) = (waiting.clone(), worker.clone());
            EventListener::new(&worker, "message", move |event| {
                let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().map(web_sys::MessageEvent::data) else {
                    return;
                };
                crate::ui::browser::mark("library:reply");
                let reply = serde_wasm_bindgen::from_value::<Reply>(data);
                crate::ui::browser::mark(match &reply {
                    Ok(Reply::Answer(_)) => "library:decoded:answer",
                    Ok(Reply::Rows { .. }) => "library:decoded:rows",
                    Ok(Reply::Progress(_)) => "library:decoded:progress",
                    _ => "library:decoded",
                });
                match reply {
                    Ok(Reply::Ready) => {
                        for message in waiting.borrow_mut().take().unwrap_or_default() {
                            let _ = sender.post_message(&message);
                        }
                    }
                    Ok(reply) => on_reply.emit(reply),
                    Err(e) => on_reply.emit(Reply::Failed { message: format!("a reply the page could not read: {e}") }),
                }
            })
        };
        let errors = EventListener::new(&worker, "error", move |event| {
            let message = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(web_sys::ErrorEvent::message)
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| {
                    "the library worker could not be loaded (offline before it was ever opened?)".to_owned()
                });
            on_reply.emit(Reply::Failed { message });
        });
        Ok(Client { worker, waiting, _listeners: [replies, errors] })
    }

    pub fn send(&self, request: &Request) {
        self.post(request, None);
    }

    /// Sends files to index (they are `File` objects: the worker reads them in slices).
    pub fn open(&self, files: &[web_sys::File], names: Vec<String>) {
        self.post(&Request::Open { names }, Some(&files.iter().collect()));
    }

    /// Gives a kept library its files again, in its order.
    pub fn attach(&self, files: &[web_sys::File]) {
        self.post(&Request::Attach, Some(&files.iter().collect()));
    }

    fn post(&self, request: &Request, files: Option<&js_sys::Array>) {
        let message = js_sys::Object::new();
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let request = serde::Serialize::serialize(request, &serializer).unwrap_or(JsValue::NULL);
        let _ = js_sys::Reflect::set(&message, &"request".into(), &request);
        if let Some(files) = files {
            let _ = js_sys::Reflect::set(&message, &"files".into(), files);
        }
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push(message.into());
            return;
        }
        let _ = self.worker.post_message(&message);
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".to_owned())
}
