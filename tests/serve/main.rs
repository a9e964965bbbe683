//! `buddysite serve --watch` over a temporary copy of a fixture: edits, renames, new and
//! deleted schools, broken and fixed YAML, as an editor makes them, observed over HTTP and
//! the live-reload event stream. Waits on events with generous timeouts, never fixed sleeps.
//! `safety` attacks the server as a page on another site or a client on the network would.

#[path = "../common/mod.rs"]
mod common;
mod safety;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Server {
    child: Child,
    port: u16,
    project: tempfile::TempDir,
    /// The server's console lines, when [`start_capturing`] asked for them.
    stdout: Option<Receiver<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn start(extra: &[&str]) -> Server {
    launch(extra, false)
}

/// As [`start`], and hands over what the server prints.
fn start_capturing(extra: &[&str]) -> Server {
    launch(extra, true)
}

fn launch(extra: &[&str], capture: bool) -> Server {
    launch_project(copy_fixture("basic"), extra, capture)
}

fn launch_project(project: tempfile::TempDir, extra: &[&str], capture: bool) -> Server {
    let port = free_port();
    let port_s = port.to_string();
    let mut args = vec![
        "serve",
        "--watch",
        "--port",
        &port_s,
        "--root",
        path_str(project.path()),
    ];
    args.extend(extra);
    let child = Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(&args)
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        .stdout(if capture {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut server = Server {
        child,
        port,
        project,
        stdout: None,
    };
    if let Some(out) = server.child.stdout.take() {
        // Read on and on, so a full pipe never blocks the server.
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        server.stdout = Some(rx);
    }
    let started = Instant::now();
    while get(&server, "/alpha/index.html").0 != 200 {
        assert!(started.elapsed() < TIMEOUT, "server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// A minimal HTTP/1.1 client: (status, headers, body).
fn request(port: u16, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    raw_request(
        port,
        &format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `raw` as it is and reads the answer until the server closes: (status, head, body).
fn raw_request(port: u16, raw: &str) -> (u16, String, Vec<u8>) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new(), Vec::new());
    };
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.write_all(raw.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    split_response(&answer)
}

/// (status, head, body) of a raw HTTP response.
fn split_response(raw: &[u8]) -> (u16, String, Vec<u8>) {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, body)
}

/// The value of header `name` (any case) in a response head.
fn header(head: &str, name: &str) -> Option<String> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

fn get(server: &Server, path: &str) -> (u16, String) {
    let (status, _, body) = request(server.port, "GET", path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Subscribes to the live-reload stream: (event name, data) pairs.
fn events(server: &Server) -> Receiver<(String, String)> {
    let (rx, (first, _)) = subscribe(server);
    assert_eq!(first, "ok", "a fresh subscriber is told the site is fine");
    rx
}

/// Subscribes to the live-reload stream: the stream and its first event (the state).
fn subscribe(server: &Server) -> (Receiver<(String, String)>, (String, serde_json::Value)) {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    write!(
        stream,
        "GET /__buddysite/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .expect("write");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(stream);
        let (mut event, mut data) = (String::new(), String::new());
        for line in reader.lines() {
            let Ok(line) = line else { return };
            if let Some(e) = line.strip_prefix("event: ") {
                event = e.to_owned();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_owned();
            } else if line.is_empty()
                && !event.is_empty()
                && tx
                    .send((std::mem::take(&mut event), std::mem::take(&mut data)))
                    .is_err()
            {
                return;
            }
        }
    });
    let first = next(&rx);
    (rx, first)
}

/// The next event, past those that only announce letters' PDFs: a project without saved
/// letters gets them made after the first build, at a moment no test can foresee.
fn next(rx: &Receiver<(String, String)>) -> (String, serde_json::Value) {
    loop {
        let (event, data) = rx.recv_timeout(TIMEOUT).expect("an event in time");
        let data: serde_json::Value = serde_json::from_str(&data).expect("JSON data");
        let letters_only = event == "changed"
            && !paths(&data).is_empty()
            && paths(&data)
                .iter()
                .all(|p| p.ends_with(".pdf") || p.ends_with("brief/index.html"));
        if !letters_only {
            return (event, data);
        }
    }
}

fn paths(data: &serde_json::Value) -> Vec<String> {
    data["paths"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

#[test]
fn editing_a_school_reloads_that_school_only() {
    let server = start(&[]);
    let rx = events(&server);
    edit(
        &server.project.path().join("schools/alpha.yaml"),
        "place: \"Ee\"",
        "place: \"Nieuwdorp\"",
    );
    let (event, data) = next(&rx);
    assert_eq!(event, "changed");
    let changed = paths(&data);
    assert!(
        changed.contains(&"alpha/index.html".to_owned()),
        "{changed:?}"
    );
    assert!(
        changed.iter().all(|p| !p.starts_with("beta/")),
        "beta untouched: {changed:?}"
    );
    let (status, body) = get(&server, "/alpha/index.html");
    assert_eq!(status, 200);
    assert!(body.contains("Nieuwdorp"), "new content served");
    assert!(
        body.contains("/__buddysite/live.js"),
        "served HTML gets the live-reload script"
    );
}

#[test]
fn write_temp_then_rename_and_swap_files() {
    let server = start(&[]);
    let rx = events(&server);
    let dir = server.project.path().join("content");
    // Editor litter: never a rebuild on its own.
    for junk in [
        ".contact.md.swp",
        "contact.md~",
        "4913",
        ".#contact.md",
        ".goutputstream-ABC123",
        "contact.md.kate-swp",
    ] {
        std::fs::write(dir.join(junk), "junk").expect("write junk");
    }
    // Save as vim and VS Code do: write a temporary file, rename it over the original.
    let tmp = dir.join(".contact.md.tmp1234");
    std::fs::write(
        &tmp,
        "---\ntitle: \"Contact\"\nweight: 90\n---\nBel ons op dinsdag.\n",
    )
    .expect("write tmp");
    std::fs::rename(&tmp, dir.join("contact.md")).expect("rename");
    let (event, data) = next(&rx);
    assert_eq!(event, "changed", "{data}");
    assert!(
        paths(&data).contains(&"beta/index.html".to_owned())
            || paths(&data).contains(&"alpha/contact/index.html".to_owned()),
        "{data}"
    );
    let (_, body) = get(&server, "/alpha/contact/index.html");
    assert!(body.contains("Bel ons op dinsdag."));
}

#[test]
fn new_and_deleted_schools_appear_and_disappear() {
    let server = start(&[]);
    let rx = events(&server);
    let yaml = "name: \"Gamma\"\nkind: so\nplace: \"Hier\"\nbrand:\n  primary: \"#222222\"\ncontact:\n  name: \"Iemand\"\n  email: \"i@example.org\"\n";
    std::fs::write(server.project.path().join("schools/gamma.yaml"), yaml).expect("write");
    let (event, data) = next(&rx);
    assert_eq!(event, "changed");
    assert!(
        paths(&data).contains(&"gamma/index.html".to_owned()),
        "{data}"
    );
    assert_eq!(get(&server, "/gamma/index.html").0, 200);
    assert!(
        get(&server, "/index.html").1.contains("Gamma"),
        "overview lists the new school"
    );
    std::fs::remove_file(server.project.path().join("schools/gamma.yaml")).expect("rm");
    let (event, data) = next(&rx);
    assert_eq!(event, "changed");
    assert!(
        paths(&data).contains(&"gamma/index.html".to_owned()),
        "removed files are announced: {data}"
    );
    assert_eq!(get(&server, "/gamma/index.html").0, 404);
    assert!(!get(&server, "/index.html").1.contains("Gamma"));
}

#[test]
fn broken_yaml_shows_the_error_and_keeps_the_last_good_site() {
    let server = start(&[]);
    let rx = events(&server);
    let yaml = server.project.path().join("schools/alpha.yaml");
    edit(&yaml, "  primary: \"#0b5394\"", "  primray: \"#0b5394\"");
    let (event, data) = next(&rx);
    assert_eq!(event, "failed");
    let problem = &data["problems"][0];
    assert_eq!(problem["file"], "schools/alpha.yaml");
    assert_eq!(problem["line"], 6);
    assert!(problem["column"].as_u64().unwrap_or(0) > 0);
    assert!(
        problem["text"]
            .as_str()
            .unwrap_or("")
            .contains("did you mean `primary`"),
        "{problem}"
    );
    let (status, body) = get(&server, "/alpha/index.html");
    assert_eq!(status, 200, "the last good page is still served");
    assert!(body.contains("De Ster"));
    // A page opened now learns about the failure at once.
    let late = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    drop(late);
    edit(&yaml, "  primray: \"#0b5394\"", "  primary: \"#0b5394\"");
    // The broken save may have reached the watcher as two file events (truncate, then write):
    // the same failure announced again is fine, anything else is not.
    let event = loop {
        let (event, data) = next(&rx);
        if event == "failed" && data["problems"][0]["file"] == "schools/alpha.yaml" {
            continue;
        }
        break event;
    };
    assert_eq!(
        event, "changed",
        "fixing the file rebuilds and clears the overlay"
    );
}

/// The generation stamped on a served page's live-reload script.
fn served_generation(server: &Server, path: &str) -> u64 {
    let (status, body) = get(server, path);
    assert_eq!(status, 200, "{path}");
    let doc = scraper::Html::parse_document(&body);
    let stamps = attrs(
        &doc,
        "script[src=\"/__buddysite/live.js\"]",
        "data-generation",
    );
    assert_eq!(stamps.len(), 1, "one live-reload script in {path}");
    stamps[0].parse().expect("a number")
}

#[test]
fn a_page_that_starts_listening_after_a_rebuild_still_reloads() {
    let server = start(&[]);
    // A page is read, then the site is rebuilt before its script connects.
    let read_at = served_generation(&server, "/alpha/index.html");
    let rx = events(&server);
    edit(
        &server.project.path().join("schools/alpha.yaml"),
        "place: \"Ee\"",
        "place: \"Nieuwdorp\"",
    );
    let (event, data) = next(&rx);
    assert_eq!(event, "changed");
    let rebuilt = data["generation"].as_u64().expect("a generation");
    assert!(rebuilt > read_at, "{data}");
    // Its stream opens now: the first event tells it that it is out of date.
    let (_late, (first, state)) = subscribe(&server);
    assert_eq!(first, "ok");
    assert_eq!(state["generation"].as_u64(), Some(rebuilt), "{state}");
    assert_eq!(served_generation(&server, "/alpha/index.html"), rebuilt);
    assert_eq!(
        served_generation(&server, "/beta/index.html"),
        rebuilt,
        "every page is stamped with the site's generation"
    );
}

#[test]
fn polling_watcher_sees_changes() {
    let server = start(&["--poll"]);
    let rx = events(&server);
    edit(
        &server.project.path().join("schools/beta.yaml"),
        "place: \"Zeeland\"",
        "place: \"Polderdorp\"",
    );
    let (event, data) = next(&rx);
    assert_eq!(event, "changed", "{data}");
    assert!(get(&server, "/beta/index.html").1.contains("Polderdorp"));
}

#[test]
fn serves_safely_with_the_right_headers() {
    let server = start(&[]);
    let port = server.port;
    let (status, head, body) = request(port, "GET", "/alpha/assets/style.css");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase().contains("content-type: text/css"),
        "{head}"
    );
    assert!(
        head.to_lowercase().contains("cache-control: no-store"),
        "{head}"
    );
    assert!(!body.is_empty());
    let (status, head, body) = request(port, "HEAD", "/alpha/index.html");
    assert_eq!(status, 200);
    assert!(head.to_lowercase().contains("text/html"), "{head}");
    assert!(body.is_empty(), "HEAD has no body");
    assert_eq!(
        request(port, "GET", "/alpha/").0,
        200,
        "index.html for folders"
    );
    let (status, head, _) = request(port, "GET", "/alpha");
    assert_eq!(status, 301);
    assert_eq!(
        header(&head, "location").as_deref(),
        Some("/alpha/"),
        "{head}"
    );
    let (status, body) = get(&server, "/alpha/bestaat-niet/");
    assert_eq!(status, 404);
    assert!(
        body.contains("<base href=\"/alpha/\">"),
        "the school's own 404 page, anchored"
    );
    for evil in [
        "/../buddysite.yaml",
        "/%2e%2e/buddysite.yaml",
        "/alpha/%2E%2E/%2e%2e/buddysite.yaml",
        "/alpha\\..\\..\\buddysite.yaml",
        "/..%2fbuddysite.yaml",
        "//etc/passwd",
        "/C:/Windows/win.ini",
    ] {
        let (status, _, body) = request(port, "GET", evil);
        assert!(matches!(status, 400 | 403 | 404), "{evil}: {status}");
        assert!(
            !String::from_utf8_lossy(&body).contains("short_name"),
            "{evil} leaked the project file"
        );
    }
    #[cfg(unix)]
    {
        let out = server.project.path().join("public");
        std::os::unix::fs::symlink(
            server.project.path().join("buddysite.yaml"),
            out.join("alpha/link.txt"),
        )
        .expect("symlink");
        assert_eq!(
            request(port, "GET", "/alpha/link.txt").0,
            403,
            "symlinks out of the output are refused"
        );
    }
    let built = std::fs::read_to_string(server.project.path().join("public/alpha/index.html"))
        .expect("read");
    assert!(
        !built.contains("__buddysite"),
        "the built file has no live-reload script"
    );
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port().to_string();
    let output = buddysite(&[
        "serve",
        "--port",
        &port,
        "--root",
        path_str(&fixture("basic")),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("port {port} is already in use")) && stderr.contains("--port"),
        "{stderr}"
    );
}

#[test]
fn the_error_overlay_and_the_servers_answers_are_dutch_with_lang_nl() {
    let server = start(&["--lang", "nl"]);
    let rx = events(&server);
    let yaml = server.project.path().join("schools/alpha.yaml");
    edit(&yaml, "  primary: \"#0b5394\"", "  primray: \"#0b5394\"");
    let (event, data) = next(&rx);
    assert_eq!(event, "failed");
    assert_eq!(
        data["title"], "buddysite: de site kon niet opnieuw worden gemaakt",
        "{data}"
    );
    assert!(
        data["note"]
            .as_str()
            .unwrap_or("")
            .starts_with("Je ziet de laatste goede versie."),
        "{data}"
    );
    let text = data["problems"][0]["text"].as_str().unwrap_or("");
    assert!(
        text.starts_with("fout: onbekende instelling `brand.primray`"),
        "{text}"
    );
    assert!(text.contains("= tip: bedoel je `primary`?"), "{text}");
    let (status, body) = get(&server, "/bestaat-niet.txt");
    assert_eq!(status, 404);
    let page = scraper::Html::parse_document(&body);
    let title = scraper::Selector::parse("h1").expect("selector");
    let h1: Vec<String> = page.select(&title).map(|e| e.text().collect()).collect();
    assert_eq!(h1, ["Niet gevonden"], "{body}");
    assert!(body.contains("<html lang=\"nl\">"), "{body}");
}

/// The letters' PDFs in the preview: published when they are cached, made when first asked
/// for otherwise (a rebuild never waits for one), so the letter page's link always works.
#[cfg(feature = "pdf")]
#[test]
fn the_letters_pdfs_are_served_in_the_preview() {
    let server = start(&[]);
    pdfs_are_served(&server);
}

/// The same without saved letters, asked for at once: each is made on request while the
/// preview typesets them all in the background. A request used to wait for ever (a pool
/// thread waiting for the letter it was itself typesetting), or, just after they were made,
/// find nothing (404) until the schools were rendered again.
#[cfg(feature = "pdf")]
#[test]
fn letters_asked_for_while_the_preview_makes_them_are_served_at_once() {
    let project = copy_fixture("basic");
    let _ = std::fs::remove_dir_all(project.path().join(".buddysite-cache/letters"));
    let server = launch_project(project, &[], false);
    for _ in 0..3 {
        pdfs_are_served(&server);
    }
}

#[cfg(feature = "pdf")]
fn pdfs_are_served(server: &Server) {
    for path in [
        "/alpha/brief/brief-alpha.pdf",
        "/brieven/brief-beta.pdf",
        "/brieven/brief-alpha.pdf",
        "/beta/brief/brief-beta.pdf",
    ] {
        let (status, head, body) = request(server.port, "GET", path);
        assert_eq!(status, 200, "{path}: {head}");
        assert_eq!(
            header(&head, "content-type").as_deref(),
            Some("application/pdf"),
            "{path}"
        );
        assert!(body.starts_with(b"%PDF-"), "{path}");
    }
    assert_eq!(get(server, "/alpha/brief/brief-gamma.pdf").0, 404);
}
