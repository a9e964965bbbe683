//! Live reload: the rebuild loop publishes [`Event`]s into a [`Hub`], and every open page
//! receives them as server-sent events on `/__buddysite/events`.
//!
//! The hub is a tokio broadcast channel, so one publish reaches every page at once, however
//! many are open, and a page never waits behind another page's stream. Publishing is a plain
//! function call: the synchronous rebuild loop needs no runtime of its own.
//!
//! Every successful rebuild is a new *generation*. Served HTML carries the generation it was
//! read at, and every event carries the current one, so a page whose stream connected just
//! after a rebuild (it missed the event) still sees that it is out of date and reloads.

use crate::diagnostics::Diagnostics;
use axum::response::sse::{self, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};

/// How many events a slow page may fall behind before it is simply told to reload.
const BACKLOG: usize = 64;
/// A comment line this often keeps proxies and browsers from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How soon a page reconnects after the server went away (a restart of `serve`).
const RETRY: Duration = Duration::from_millis(500);

/// A message for the open pages.
#[derive(Debug, Clone)]
pub enum Event {
    /// These output paths changed (written or removed).
    Changed(Vec<String>),
    /// The last rebuild failed; these are the problems.
    Failed(Diagnostics),
}

/// One event as it goes over the wire: its SSE name and JSON data, shared by all pages.
#[derive(Clone)]
struct Message {
    name: &'static str,
    data: Arc<str>,
}

impl Message {
    fn new(event: &Event, generation: u64) -> Self {
        match event {
            Event::Changed(paths) => Message {
                name: "changed",
                data: serde_json::json!({ "paths": paths, "generation": generation })
                    .to_string()
                    .into(),
            },
            Event::Failed(problems) => {
                let list: Vec<_> = problems
                    .0
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "file": d.file, "line": d.line, "column": d.column,
                            "message": d.message, "text": d.to_string(),
                            "severity": d.severity, "code": d.code(),
                        })
                    })
                    .collect();
                Message {
                    name: "failed",
                    data: serde_json::json!({
                        "problems": list, "generation": generation,
                        "title": crate::text!(OVERLAY_TITLE), "note": crate::text!(OVERLAY_NOTE),
                    })
                    .to_string()
                    .into(),
                }
            }
        }
    }

    fn ok(generation: u64) -> Self {
        Message {
            name: "ok",
            data: serde_json::json!({ "generation": generation })
                .to_string()
                .into(),
        }
    }

    /// Sent to a page that fell more than [`BACKLOG`] events behind: it reloads and so
    /// catches up, whatever it missed.
    fn reload_all() -> Self {
        Message {
            name: "changed",
            data: serde_json::json!({ "paths": [], "all": true })
                .to_string()
                .into(),
        }
    }

    fn to_sse(&self) -> sse::Event {
        sse::Event::default().event(self.name).data(&*self.data)
    }
}

struct State {
    /// The last failure, for pages that connect while the site is broken.
    failure: Option<Message>,
    /// How many rebuilds succeeded so far.
    generation: u64,
    pages: broadcast::Sender<Message>,
}

/// Fans events out to every open page.
pub struct Hub {
    state: Mutex<State>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            state: Mutex::new(State {
                failure: None,
                generation: 0,
                pages: broadcast::channel(BACKLOG).0,
            }),
        }
    }
}

impl Hub {
    /// Sends `event` to every connected page and remembers a failure for pages that connect
    /// later.
    pub fn publish(&self, event: &Event) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Event::Changed(_) = event {
            state.generation += 1;
        }
        let message = Message::new(event, state.generation);
        state.failure = matches!(event, Event::Failed(_)).then(|| message.clone());
        // An error only means that no page is open right now.
        let _ = state.pages.send(message);
    }

    /// A new page's stream and the first thing it should hear (the current state). Taken
    /// under the same lock as [`Hub::publish`], so no event falls between the two.
    fn subscribe(&self) -> Option<(broadcast::Receiver<Message>, Message)> {
        let state = self.state.lock().ok()?;
        let first = state
            .failure
            .clone()
            .unwrap_or_else(|| Message::ok(state.generation));
        Some((state.pages.subscribe(), first))
    }

    /// The generation of the files on disk now: served HTML is stamped with it.
    pub fn generation(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.generation)
    }

    /// The `/__buddysite/events` response: the current state, then every event.
    pub(super) fn stream(&self) -> Sse<impl Stream<Item = Result<sse::Event, Infallible>>> {
        let subscription = self.subscribe();
        let first = subscription
            .as_ref()
            .map(|(_, first)| first.to_sse().retry(RETRY));
        let rest = stream::unfold(subscription.map(|(rx, _)| rx), |rx| async move {
            let mut rx = rx?;
            let message = match rx.recv().await {
                Ok(message) => message,
                Err(RecvError::Lagged(_)) => Message::reload_all(),
                Err(RecvError::Closed) => return None,
            };
            Some((message.to_sse(), Some(rx)))
        });
        let events = stream::iter(first).chain(rest).map(Ok);
        Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
    }
}
