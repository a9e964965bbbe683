//! The preview server of `buddysite serve`: the output folder over HTTP, with live reload.
//!
//! It serves what `build` wrote, byte for byte, except that HTML responses get one small
//! script when watching. That script listens for server-sent events on the same port and
//! reloads the page when its file changed, swaps stylesheets when only CSS changed, and shows
//! an overlay with the errors when a rebuild failed (the last good site keeps being served).
//!
//! The preview often runs on a laptop in a school network, so it is built to be safe there:
//! it answers only to its own host names ([`AllowedHosts`]), and every resource a client can
//! make it hold is bounded: header size, request body, connections, threads. It is axum on a
//! small tokio runtime of its own; the rest of buddysite stays synchronous and talks to it
//! through the [`Hub`].

mod files;
mod host;
mod hub;

pub use files::{content_type, safe_relative};
pub use host::AllowedHosts;
pub use hub::{Event, Hub};

use crate::output::letters::LetterCache;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// The port `serve` uses unless told otherwise.
pub const DEFAULT_PORT: u16 = 4848;
/// Path prefix of the server's own endpoints; no site file can live there.
pub const INTERNAL_PREFIX: &str = "/__buddysite/";
const LIVE_JS: &str = include_str!("live.js");

/// Request line plus headers: what a browser sends fits many times over (Node's limit);
/// more is refused with 431 and the connection closed, so a header flood costs no memory.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// A preview only answers GET and HEAD, so a request body is never needed.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Open connections at most: every open page holds one for live reload. Past this, new
/// connections wait in the kernel's queue until one closes.
pub const MAX_CONNECTIONS: usize = 4096;
/// A client that has not sent its whole request head by then is dropped (slowloris).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Runtime threads: two for connections, a few for reading files.
const WORKERS: usize = 2;
const FILE_THREADS: usize = 4;

/// A bound preview server, not yet serving.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    /// Where it listens.
    pub addr: SocketAddr,
    hosts: AllowedHosts,
    bind: String,
}

/// Binds `bind:port`, with a message an editor can act on when that fails.
pub fn bind(bind: &str, port: u16) -> Result<Server, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .max_blocking_threads(FILE_THREADS)
        .thread_name("buddysite-serve")
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| crate::text!(SERVE_CANNOT_START, error = e.to_string()).render())?;
    let host = bind
        .strip_prefix('[')
        .and_then(|b| b.strip_suffix(']'))
        .unwrap_or(bind);
    let candidates: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            crate::text!(SERVE_CANNOT_LISTEN_HELP, bind = bind, error = e.to_string()).render()
        })?
        .collect();
    let mut last = crate::text!(SERVE_NO_ADDRESS, bind = bind).render();
    for addr in candidates {
        match runtime.block_on(async { listen(addr) }) {
            Ok(listener) => {
                let addr = listener.local_addr().unwrap_or(addr);
                return Ok(Server {
                    runtime,
                    listener,
                    addr,
                    hosts: AllowedHosts::new(bind, addr),
                    bind: bind.to_owned(),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                return Err(crate::text!(
                    SERVE_PORT_IN_USE,
                    port = port,
                    next = port.wrapping_add(1).max(1024)
                )
                .render());
            }
            Err(e) => {
                last = crate::text!(
                    SERVE_CANNOT_LISTEN,
                    addr = addr.to_string(),
                    error = e.to_string()
                )
                .render()
            }
        }
    }
    Err(last)
}

/// A listening socket with a queue long enough for a burst of pages opening at once.
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // As std does on Unix: a restarted `serve` can take its port back at once.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

/// What every request handler needs.
#[derive(Clone)]
struct Site {
    dir: Arc<PathBuf>,
    hub: Option<Arc<Hub>>,
    letters: Option<Arc<LetterCache>>,
}

impl Server {
    /// The addresses to open in a browser, best first (never `0.0.0.0`).
    pub fn urls(&self) -> Vec<String> {
        host::urls(&self.bind, self.addr)
    }

    /// Whether other computers on the network can open the preview.
    pub fn is_public(&self) -> bool {
        host::is_public(self.addr)
    }

    /// Serves `dir` until the process ends. With `hub`, HTML gets the live-reload script and
    /// `/__buddysite/events` streams its events. With `letters`, a letter's PDF that the
    /// preview left for later is typeset when it is first asked for.
    pub fn run(self, dir: PathBuf, hub: Option<Arc<Hub>>, letters: Option<Arc<LetterCache>>) {
        let app = router(
            Site {
                dir: Arc::new(dir),
                hub,
                letters,
            },
            self.hosts,
        );
        let limit = connection_limit();
        self.runtime.block_on(accept(self.listener, app, limit));
    }
}

fn router(site: Site, hosts: AllowedHosts) -> Router {
    let mut app = Router::new();
    if site.hub.is_some() {
        app = app
            .route("/__buddysite/live.js", get(live_js))
            .route("/__buddysite/events", get(events));
    }
    app.fallback(site_file)
        .with_state(site)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(Arc::new(hosts), check_host))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// Accepts connections, at most `limit` at a time, each an HTTP/1.1 connection with bounded
/// headers and a deadline for them. A connection is a task, not a thread.
async fn accept(listener: TcpListener, app: Router, limit: usize) {
    let slots = Arc::new(Semaphore::new(limit));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors or a connection reset before it was accepted:
                // wait a moment instead of spinning, then go on.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_header_size(MAX_HEADER_BYTES)
                .max_buf_size(MAX_HEADER_BYTES * 2)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// [`MAX_CONNECTIONS`], or less when the process may not open that many files. On Unix the
/// soft limit on open files is raised to what the system allows first (macOS starts at 256).
fn connection_limit() -> usize {
    #[cfg(unix)]
    {
        let open_files = raise_open_file_limit(MAX_CONNECTIONS as u64 + 256);
        let spare = open_files.saturating_sub(128) as usize;
        MAX_CONNECTIONS.min(spare.max(16))
    }
    #[cfg(not(unix))]
    MAX_CONNECTIONS
}

/// Raises the soft `RLIMIT_NOFILE` towards `wanted` (never above the hard limit) and returns
/// the limit in force.
#[cfg(unix)]
#[allow(clippy::unnecessary_cast)] // rlim_t is u64 here, but not on every Unix
fn raise_open_file_limit(wanted: u64) -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        let target = (wanted as libc::rlim_t).min(limit.rlim_max);
        if limit.rlim_cur < target {
            let raised = libc::rlimit {
                rlim_cur: target,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit.rlim_cur = target;
            }
        }
    }
    limit.rlim_cur as u64
}

/// Refuses requests for any other host name (DNS rebinding), see [`AllowedHosts`].
async fn check_host(
    State(hosts): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    let named = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let target = request.uri().authority().map(|a| a.as_str());
    let allowed = match (named, target) {
        (Some(h), Some(t)) => hosts.allows(h) && hosts.allows(t),
        (Some(h), None) | (None, Some(h)) => hosts.allows(h),
        (None, None) => false,
    };
    if allowed {
        next.run(request).await
    } else {
        plain(
            StatusCode::FORBIDDEN,
            crate::messages::registry::SERVE_OTHER_HOST,
        )
    }
}

async fn live_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVE_JS,
    )
        .into_response()
}

async fn events(State(site): State<Site>) -> Response {
    match &site.hub {
        Some(hub) => hub.stream().into_response(),
        None => plain(
            StatusCode::NOT_FOUND,
            crate::messages::registry::SERVE_NOT_FOUND,
        ),
    }
}

async fn site_file(State(site): State<Site>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let mut response = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            crate::messages::registry::SERVE_ONLY_GET,
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    // Read before the file: a rebuild in between makes the page look older, never newer.
    let live = site.hub.as_ref().map(|hub| hub.generation());
    let work = move || {
        let response = files::respond(&site.dir, &path, query.as_deref(), live);
        match (&site.letters, response.status()) {
            (Some(letters), StatusCode::NOT_FOUND) => {
                files::letter(letters, &path).unwrap_or(response)
            }
            _ => response,
        }
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(response) => response,
        Err(_) => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            crate::messages::registry::SERVE_INTERNAL_ERROR,
        ),
    }
}

/// A short plain-text answer.
fn plain(status: StatusCode, text: crate::messages::Msg) -> Response {
    let text = if text == crate::messages::registry::EMPTY {
        String::new()
    } else {
        format!("{}\n", crate::messages::Text::new(text))
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        Body::from(text),
    )
        .into_response()
}
