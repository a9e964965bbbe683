//! The site itself: a request path becomes a file inside the output folder, or a refusal.
//!
//! Served byte for byte as `build` wrote it, with `ServeDir`'s semantics (`index.html` for
//! folders, a redirect to the folder with a slash, content types by extension), plus what a
//! preview needs: no path ever leaves the output (`..`, encoded or not, backslashes, drive
//! letters, symlinks pointing out), hidden files stay hidden, a school's own 404 page, and
//! the live-reload script in HTML when watching. Runs on tokio's blocking pool: it is plain
//! file system work.

use super::{plain, INTERNAL_PREFIX};
use crate::messages::registry;
use axum::body::Body;
use axum::http::{header, HeaderValue, Response, StatusCode};
use std::path::{Component, Path, PathBuf};

/// The live-reload script tag for served HTML, stamped with the generation of the site
/// (see [`super::Hub`]).
fn live_script(generation: u64) -> String {
    format!("<script src=\"/__buddysite/live.js\" data-generation=\"{generation}\"></script>")
}

/// Answers a GET or HEAD for `path` (still percent-encoded) with `query` (if any). `live` is
/// the generation of the files on disk when watching, read before any file is.
pub(super) fn respond(
    dir: &Path,
    path: &str,
    query: Option<&str>,
    live: Option<u64>,
) -> Response<Body> {
    if path.starts_with(INTERNAL_PREFIX) {
        return plain(StatusCode::NOT_FOUND, registry::SERVE_NOT_FOUND);
    }
    let Some(rel) = safe_relative(path) else {
        return plain(StatusCode::BAD_REQUEST, registry::SERVE_BAD_PATH);
    };
    match resolve(dir, &rel) {
        Resolved::File(file) => serve_file(&file, StatusCode::OK, live, None),
        Resolved::Redirect => redirect(&rel, query),
        Resolved::Forbidden => plain(StatusCode::FORBIDDEN, registry::SERVE_FORBIDDEN),
        Resolved::Missing => not_found(dir, &rel, live),
    }
}

/// The PDF of a letter that the preview left for later (see
/// [`crate::output::letters::LetterCache::requested`]), typeset now; `None` when no letter
/// is published at `path`. A letter that cannot be typeset answers 500 with the reason.
pub(super) fn letter(
    letters: &crate::output::letters::LetterCache,
    path: &str,
) -> Option<Response<Body>> {
    let rel = safe_relative(path)?;
    let rel = rel.to_str()?.replace('\\', "/");
    match letters.requested(&rel)? {
        Ok(pdf) => Some(with_type(
            StatusCode::OK,
            "application/pdf",
            Body::from(pdf.bytes.to_vec()),
        )),
        Err(why) => Some(with_type(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/plain; charset=utf-8",
            Body::from(format!("{why}\n")),
        )),
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

/// `/a/b` → `/a/b/`. The target is rebuilt from the cleaned path, never copied from the
/// request: `//host` must not become `Location: //host/`, which browsers read as another
/// site, and every segment is percent-encoded, so no tab or backslash that a browser would
/// drop or turn around can make it start with `//` either.
fn redirect(rel: &Path, query: Option<&str>) -> Response<Body> {
    let mut location = String::from("/");
    for part in rel.iter() {
        location.push_str(&encode_segment(&part.to_string_lossy()));
        location.push('/');
    }
    if let Some(q) = query {
        location.push('?');
        location.push_str(q);
    }
    let mut response = plain(StatusCode::MOVED_PERMANENTLY, registry::EMPTY);
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Percent-encodes everything in one path segment but RFC 3986's unreserved characters.
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A missing page: the school's own 404 page when the path is inside a school, anchored with
/// `<base>` so its relative links work at any depth.
fn not_found(dir: &Path, rel: &Path, live: Option<u64>) -> Response<Body> {
    let slug = rel.iter().next().map(|s| s.to_string_lossy().into_owned());
    let school_404 = slug
        .as_ref()
        .map(|s| (dir.join(s).join("404.html"), s))
        .filter(|(page, _)| page.is_file() && rel.iter().count() > 1);
    match (school_404, live) {
        (Some((page, slug)), _) => {
            let base = format!("/{}/", encode_segment(slug));
            serve_file(&page, StatusCode::NOT_FOUND, live, Some(&base))
        }
        (None, Some(generation)) => {
            // Still show the error overlay when a failed first build left nothing.
            let script = live_script(generation);
            // The catalogue's words hold no markup characters (a test in `messages` says so).
            let lang = crate::messages::language().code();
            let title = crate::text!(SERVE_NOT_FOUND_TITLE);
            let says = crate::text!(SERVE_NOT_FOUND_PAGE);
            let page = format!("<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1><p>{says}</p></main>{script}</body></html>");
            with_type(
                StatusCode::NOT_FOUND,
                "text/html; charset=utf-8",
                page.into(),
            )
        }
        (None, None) => plain(StatusCode::NOT_FOUND, registry::SERVE_NOT_FOUND),
    }
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

fn serve_file(
    path: &Path,
    status: StatusCode,
    live: Option<u64>,
    base: Option<&str>,
) -> Response<Body> {
    let Ok(mut bytes) = std::fs::read(path) else {
        return plain(StatusCode::NOT_FOUND, registry::SERVE_NOT_FOUND);
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        if let Some(base) = base {
            bytes = inject(bytes, "<head>", &format!("<base href=\"{base}\">"), true);
        }
        if let Some(generation) = live {
            bytes = inject(bytes, "</body>", &live_script(generation), false);
        }
    }
    with_type(status, kind, bytes.into())
}

fn with_type(status: StatusCode, kind: &'static str, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    response
}

/// Inserts `snippet` after (or before) the first `marker`, or at the end. Bytes that are not
/// UTF-8 are served as they are.
fn inject(bytes: Vec<u8>, marker: &str, snippet: &str, after: bool) -> Vec<u8> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    let at = text
        .find(marker)
        .map_or(text.len(), |i| if after { i + marker.len() } else { i });
    let mut out = String::with_capacity(text.len() + snippet.len());
    out.push_str(&text[..at]);
    out.push_str(snippet);
    out.push_str(&text[at..]);
    out.into_bytes()
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

    #[test]
    fn redirects_stay_on_this_site() {
        let location = |raw: &str| {
            let rel = safe_relative(raw).expect("a safe path");
            redirect(&rel, None)
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        assert_eq!(location("//de-brucke").as_deref(), Some("/de-brucke/"));
        assert_eq!(location("/%2Fde-brucke").as_deref(), Some("/de-brucke/"));
        assert_eq!(
            location("/%09/evil.example").as_deref(),
            Some("/%09/evil.example/")
        );
        assert_eq!(location("/a%20b").as_deref(), Some("/a%20b/"));
    }

    #[test]
    fn injects_where_it_belongs() {
        let html = b"<html><head></head><body>x</body></html>".to_vec();
        let out = inject(html, "</body>", "<s>", false);
        assert_eq!(out, b"<html><head></head><body>x<s></body></html>");
        assert_eq!(inject(vec![0xff], "</body>", "<s>", false), vec![0xff]);
    }
}
