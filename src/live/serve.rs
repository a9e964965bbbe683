//! The preview server of `buddysite serve`: the output folder over HTTP on loopback, with
//! live reload.
//!
//! It serves what `build` wrote, byte for byte, except that HTML responses get one small
//! script when watching. That script listens for server-sent events on the same port and
//! reloads the page when its file changed, swaps stylesheets when only CSS changed, and shows
//! an overlay with the errors when a rebuild failed (the last good site keeps being served).

use crate::diagnostics::Diagnostics;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The port `serve` uses unless told otherwise.
pub const DEFAULT_PORT: u16 = 4848;
/// Path prefix of the server's own endpoints; no site file can live there.
pub const INTERNAL_PREFIX: &str = "/__buddysite/";
const LIVE_JS: &str = include_str!("live.js");

/// A message for the open pages.
#[derive(Debug, Clone)]
pub enum Event {
    /// These output paths changed (written or removed).
    Changed(Vec<String>),
    /// The last rebuild failed; these are the problems.
    Failed(Diagnostics),
}

impl Event {
    fn to_sse(&self) -> String {
        match self {
            Event::Changed(paths) => format!(
                "event: changed\ndata: {}\n\n",
                serde_json::json!({ "paths": paths })
            ),
            Event::Failed(problems) => {
                let list: Vec<_> = problems
                    .0
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "file": d.file, "line": d.line, "column": d.column,
                            "message": d.message, "text": d.to_string(),
                            "severity": d.severity,
                        })
                    })
                    .collect();
                format!(
                    "event: failed\ndata: {}\n\n",
                    serde_json::json!({ "problems": list })
                )
            }
        }
    }
}

/// Fans events out to every open page.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
    failure: Mutex<Option<String>>,
}

impl Hub {
    /// Sends `event` to every connected page and remembers a failure for pages that connect
    /// later.
    pub fn publish(&self, event: &Event) {
        let message = event.to_sse();
        if let Ok(mut failure) = self.failure.lock() {
            *failure = matches!(event, Event::Failed(_)).then(|| message.clone());
        }
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(message.clone()).is_ok());
        }
    }

    fn subscribe(&self) -> (Receiver<String>, String) {
        let (tx, rx) = channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        let first = self
            .failure
            .lock()
            .ok()
            .and_then(|f| f.clone())
            .unwrap_or_else(|| "event: ok\ndata: {}\n\n".to_owned());
        (rx, first)
    }
}

/// A running preview server.
pub struct Server {
    http: Arc<tiny_http::Server>,
    /// Where it listens.
    pub addr: std::net::SocketAddr,
}

/// Binds `bind:port`, with a message an editor can act on when that fails.
pub fn bind(bind: &str, port: u16) -> Result<Server, String> {
    let addr = format!("{bind}:{port}");
    let http = tiny_http::Server::http(&addr).map_err(|e| {
        let in_use = e
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse)
            || e.to_string().contains("in use");
        if in_use {
            format!("port {port} is already in use (perhaps another buddysite serve?); pick another port with --port, e.g. --port {}", port.wrapping_add(1).max(1024))
        } else {
            format!("cannot listen on {addr}: {e}")
        }
    })?;
    let addr = match http.server_addr() {
        tiny_http::ListenAddr::IP(a) => a,
        #[allow(unreachable_patterns)]
        _ => return Err(format!("cannot listen on {addr}: not an IP address")),
    };
    Ok(Server {
        http: Arc::new(http),
        addr,
    })
}

impl Server {
    /// Serves `dir` until the process ends, one thread per request. With `hub`, HTML gets
    /// the live-reload script and `/__buddysite/events` streams its events.
    pub fn run(&self, dir: PathBuf, hub: Option<Arc<Hub>>) {
        let dir = Arc::new(dir);
        for request in self.http.incoming_requests() {
            let dir = dir.clone();
            let hub = hub.clone();
            std::thread::spawn(move || handle(request, &dir, hub.as_deref()));
        }
    }

    /// Stops [`Server::run`].
    pub fn stop(&self) {
        self.http.unblock();
    }
}

fn respond(
    request: Request,
    status: u16,
    content_type: &str,
    body: Vec<u8>,
    extra: &[(&str, &str)],
) {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    let headers = [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ];
    for (k, v) in headers.iter().chain(extra) {
        if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response = response.with_header(h);
        }
    }
    let _ = request.respond(response);
}

fn handle(request: Request, dir: &Path, hub: Option<&Hub>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond(
            request,
            405,
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n".to_vec(),
            &[("Allow", "GET, HEAD")],
        );
    }
    let raw = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    if let Some(name) = raw.strip_prefix(INTERNAL_PREFIX) {
        return match (name, hub) {
            ("live.js", Some(_)) => respond(
                request,
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes().to_vec(),
                &[],
            ),
            ("events", Some(hub)) => stream_events(request, hub),
            _ => respond(
                request,
                404,
                "text/plain; charset=utf-8",
                b"not found\n".to_vec(),
                &[],
            ),
        };
    }
    let Some(rel) = safe_relative(&raw) else {
        return respond(
            request,
            400,
            "text/plain; charset=utf-8",
            b"bad path\n".to_vec(),
            &[],
        );
    };
    match resolve(dir, &rel) {
        Resolved::File(path) => serve_file(request, &path, 200, hub, None),
        Resolved::Redirect => {
            let location = format!("{}/", raw.trim_end_matches('/'));
            respond(
                request,
                301,
                "text/plain; charset=utf-8",
                Vec::new(),
                &[("Location", &location)],
            );
        }
        Resolved::Forbidden => respond(
            request,
            403,
            "text/plain; charset=utf-8",
            b"forbidden\n".to_vec(),
            &[],
        ),
        Resolved::Missing => {
            let slug = rel.iter().next().map(|s| s.to_string_lossy().into_owned());
            let school_404 = slug
                .as_ref()
                .map(|s| dir.join(s).join("404.html"))
                .filter(|p| p.is_file() && rel.iter().count() > 1);
            match school_404 {
                Some(page) => serve_file(request, &page, 404, hub, slug.map(|s| format!("/{s}/"))),
                None if hub.is_some() => {
                    // Still show the error overlay when a failed first build left nothing.
                    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1><p>This page does not exist (yet).</p></main><script src=\"/__buddysite/live.js\"></script></body></html>";
                    respond(
                        request,
                        404,
                        "text/html; charset=utf-8",
                        page.as_bytes().to_vec(),
                        &[],
                    );
                }
                None => respond(
                    request,
                    404,
                    "text/plain; charset=utf-8",
                    b"not found\n".to_vec(),
                    &[],
                ),
            }
        }
    }
}

/// Turns a request path into a relative path inside the site, or `None` when it tries to
/// leave it: `..` (also percent-encoded), backslashes, drive letters, NUL.
pub fn safe_relative(raw: &str) -> Option<PathBuf> {
    let decoded = crate::paths::percent_decode(raw)?;
    if decoded.contains('\\') || decoded.contains('\0') || !decoded.starts_with('/') {
        return None;
    }
    let mut rel = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(':') => return None,
            p => rel.push(p),
        }
    }
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    if decoded.ends_with('/') || rel.as_os_str().is_empty() {
        rel.push("index.html");
    }
    Some(rel)
}

enum Resolved {
    File(PathBuf),
    Redirect,
    Forbidden,
    Missing,
}

fn resolve(dir: &Path, rel: &Path) -> Resolved {
    let path = dir.join(rel);
    let (Ok(real), Ok(base)) = (path.canonicalize(), dir.canonicalize()) else {
        return Resolved::Missing;
    };
    if !real.starts_with(&base) {
        return Resolved::Forbidden;
    }
    if real.is_dir() {
        return if real.join("index.html").is_file() {
            Resolved::Redirect
        } else {
            Resolved::Missing
        };
    }
    if rel.iter().any(|p| p.to_string_lossy().starts_with('.')) {
        return Resolved::Missing;
    }
    Resolved::File(real)
}

/// The content type of a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn serve_file(request: Request, path: &Path, status: u16, hub: Option<&Hub>, base: Option<String>) {
    let Ok(mut bytes) = std::fs::read(path) else {
        return respond(
            request,
            404,
            "text/plain; charset=utf-8",
            b"not found\n".to_vec(),
            &[],
        );
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        if let Some(base) = base {
            // A school's 404 page is shown at any depth: anchor its relative links.
            bytes = inject(bytes, "<head>", &format!("<base href=\"{base}\">"), true);
        }
        if hub.is_some() {
            bytes = inject(
                bytes,
                "</body>",
                "<script src=\"/__buddysite/live.js\"></script>",
                false,
            );
        }
    }
    respond(request, status, kind, bytes, &[]);
}

/// Inserts `snippet` after (or before) the first `marker`, or at the end.
fn inject(bytes: Vec<u8>, marker: &str, snippet: &str, after: bool) -> Vec<u8> {
    let Ok(text) = String::from_utf8(bytes) else {
        return Vec::new();
    };
    let at = text
        .find(marker)
        .map(|i| if after { i + marker.len() } else { i });
    let mut out = String::with_capacity(text.len() + snippet.len());
    match at {
        Some(i) => {
            out.push_str(&text[..i]);
            out.push_str(snippet);
            out.push_str(&text[i..]);
        }
        None => {
            out.push_str(&text);
            out.push_str(snippet);
        }
    }
    out.into_bytes()
}

fn stream_events(request: Request, hub: &Hub) {
    let (rx, first) = hub.subscribe();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if writer.write_all(head.as_bytes()).is_err()
        || writer.write_all(first.as_bytes()).is_err()
        || writer.flush().is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer.write_all(message.as_bytes()).is_err() || writer.flush().is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes() {
        assert!(safe_relative("/../etc/passwd").is_none());
        assert!(safe_relative("/%2e%2e/etc/passwd").is_none());
        assert!(safe_relative("/a/%2E%2E/%2e%2e/x").is_none());
        assert!(safe_relative("/a\\..\\x").is_none());
        assert!(safe_relative("/C:/x").is_none());
        assert!(safe_relative("/%zz").is_none());
        assert_eq!(safe_relative("/"), Some(PathBuf::from("index.html")));
        assert_eq!(
            safe_relative("/a/b/"),
            Some(PathBuf::from("a/b/index.html"))
        );
        assert_eq!(
            safe_relative("/a/x%20y.css"),
            Some(PathBuf::from("a/x y.css"))
        );
    }
}
