//! The preview on a laptop in a school network: DNS rebinding, connection and header floods,
//! a burst of open pages, open redirects and a wildcard bind. Resource use is read from
//! `/proc/PID/status` of the real server (Linux); nothing here asserts on time, and every
//! request goes to 127.0.0.1 only.

use super::*;

/// Resolves after `Host: localhost`, refused for any other name (DNS rebinding).
fn with_host(port: u16, host: &str, target: &str) -> (u16, String) {
    let (status, _, body) = raw_request(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    );
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn a_page_on_another_site_cannot_read_the_preview() {
    let server = start(&[]);
    let port = server.port;
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
    ] {
        let (status, body) = with_host(port, &host, "/alpha/index.html");
        assert_eq!(status, 403, "Host: {host}");
        assert!(!body.contains("De Ster"), "Host: {host} read the site");
        let (status, body) = with_host(port, &host, "/__buddysite/events");
        assert_eq!(status, 403, "Host: {host} on the event stream");
        assert!(!body.contains("event:"));
    }
    // A request in absolute form names its host in the target: that counts too.
    let (status, _) = with_host(port, "localhost", "http://evil.example/alpha/index.html");
    assert_eq!(status, 403, "absolute-form target");
    let (status, _, _) = raw_request(
        port,
        "GET /alpha/index.html HTTP/1.0\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 403, "no Host at all");
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("alpha.localhost:{port}"),
    ] {
        let (status, body) = with_host(port, &host, "/alpha/index.html");
        assert_eq!(status, 200, "Host: {host}");
        assert!(body.contains("De Ster"));
    }
}

/// A field of `/proc/PID/status`, e.g. `Threads` or `VmRSS` (in kB).
#[cfg(target_os = "linux")]
fn proc_status(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
}

/// The tests here open thousands of sockets, some at the same time: allow this process as
/// many files as the system does (up to a sane bound).
#[cfg(target_os = "linux")]
fn allow_many_files() {
    let wanted = 65_536;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: both calls only read and write the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < wanted {
            limit.rlim_cur = wanted.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn half_open_connections_cost_no_threads() {
    const HALF_OPEN: usize = 2000;
    allow_many_files();
    let server = start(&[]);
    let pid = server.child.id();
    let before = proc_status(pid, "Threads");
    let mut open = Vec::with_capacity(HALF_OPEN);
    for _ in 0..HALF_OPEN {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        // Half a request: the request line and one header, never the blank line.
        stream
            .write_all(b"GET /alpha/index.html HTTP/1.1\r\nHost: localhost\r\n")
            .expect("write half a request");
        open.push(stream);
    }
    // Connections are taken in order: once this one is answered, all of the above are in.
    let (status, body) = get(&server, "/alpha/index.html");
    assert_eq!(status, 200, "a normal request is still answered");
    assert!(body.contains("De Ster"));
    let during = proc_status(pid, "Threads");
    eprintln!("threads: {before} before, {during} with {HALF_OPEN} half-open connections");
    assert!(
        during <= before + 8 && during < 48,
        "{HALF_OPEN} half-open connections made the server go from {before} to {during} threads"
    );
    // And they do not hold their slot for ever: the server drops a request head that never
    // ends (slowloris), so the connection limit cannot be filled for good.
    let last = open.last_mut().expect("a connection");
    last.set_read_timeout(Some(TIMEOUT)).expect("read timeout");
    let mut answer = Vec::new();
    match last.read_to_end(&mut answer) {
        Ok(_) => {}
        Err(e) => assert_eq!(
            e.kind(),
            std::io::ErrorKind::ConnectionReset,
            "the server kept an unfinished request open: {e}"
        ),
    }
    drop(open);
}

/// How many sockets and other files the process holds.
#[cfg(target_os = "linux")]
fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("proc fd")
        .count()
}

#[cfg(target_os = "linux")]
#[test]
fn connections_past_the_limit_wait_for_a_free_slot() {
    const LIMIT: usize = buddysite::serve::MAX_CONNECTIONS;
    const EXTRA: usize = 200;
    allow_many_files();
    let server = start(&[]);
    let pid = server.child.id();
    let baseline = open_files(pid);
    // Idle connections that never send a byte, more than the server takes at once.
    let idle: Vec<TcpStream> = (0..LIMIT + EXTRA)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).expect("connect"))
        .collect();
    // Whatever is over the limit waits in the kernel's queue, not in the server. Once the
    // idle ones reach their header deadline, the normal request gets its turn; meanwhile
    // count what the server holds.
    let port = server.port;
    let normal = std::thread::spawn(move || request(port, "GET", "/alpha/index.html").0);
    let mut most = 0;
    while !normal.is_finished() {
        most = most.max(open_files(pid));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        normal.join().expect("request thread"),
        200,
        "answered in turn"
    );
    eprintln!(
        "files: {baseline} at rest, at most {most} with {} idle connections",
        idle.len()
    );
    assert!(
        most <= baseline + LIMIT,
        "the server held {most} files with {} connections open (limit {LIMIT})",
        idle.len()
    );
    drop(idle);
}

#[cfg(target_os = "linux")]
#[test]
fn header_and_body_floods_take_no_memory() {
    const FLOOD: usize = 50 * 1024 * 1024;
    let server = start(&[]);
    let pid = server.child.id();
    assert_eq!(get(&server, "/alpha/index.html").0, 200, "warm up");
    let before = proc_status(pid, "VmRSS");
    let one_long_header = b"a".repeat(64 * 1024);
    let many_headers = b"X-Flood: a\r\n".repeat(64 * 1024 / 12);
    for chunk in [&one_long_header, &many_headers] {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        stream
            .set_write_timeout(Some(TIMEOUT))
            .expect("write timeout");
        stream
            .write_all(b"GET /alpha/index.html HTTP/1.1\r\nHost: localhost\r\nX-Big: ")
            .expect("start of request");
        let mut sent = 0;
        while sent < FLOOD {
            if stream.write_all(chunk).is_err() {
                break;
            }
            sent += chunk.len();
        }
        assert!(
            sent < FLOOD,
            "the server read all of a 50 MB header instead of closing the connection"
        );
        let _ = stream.set_read_timeout(Some(TIMEOUT));
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let (status, _, _) = split_response(&answer);
        assert!(
            matches!(status, 0 | 431),
            "closed or 431 Request Header Fields Too Large, got {status}"
        );
    }
    // A 50 MB body is refused by its length, unread.
    let (status, _, _) = raw_request(
        server.port,
        &format!("POST /alpha/index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: {FLOOD}\r\nConnection: close\r\n\r\n"),
    );
    assert!(matches!(status, 405 | 413), "a 50 MB body: {status}");
    assert_eq!(get(&server, "/alpha/index.html").0, 200, "still serving");
    let after = proc_status(pid, "VmRSS");
    eprintln!("VmRSS: {before} kB before, {after} kB after the floods");
    assert!(
        after < before + 20 * 1024,
        "header floods grew the server from {before} kB to {after} kB"
    );
}

/// Reads `stream` until an event named `name` arrives; false when it closes or times out.
fn wait_for_event(reader: &mut BufReader<TcpStream>, name: &str) -> bool {
    let wanted = format!("event: {name}");
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.trim_end() == wanted => return true,
            Ok(_) => {}
        }
    }
}

#[test]
fn every_open_page_gets_its_reload() {
    const PAGES: usize = 200;
    let server = start(&[]);
    // All at once, as when a teacher reopens a browser with many tabs.
    let mut streams: Vec<TcpStream> = (0..PAGES)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).expect("connect"))
        .collect();
    for stream in &mut streams {
        stream
            .write_all(b"GET /__buddysite/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .expect("subscribe");
    }
    let mut pages: Vec<_> = streams
        .into_iter()
        .map(|s| {
            s.set_read_timeout(Some(TIMEOUT)).expect("read timeout");
            BufReader::new(s)
        })
        .collect();
    let subscribed = pages
        .iter_mut()
        .map(|p| wait_for_event(p, "ok"))
        .filter(|&got| got)
        .count();
    assert_eq!(subscribed, PAGES, "pages that got their first event");
    edit(
        &server.project.path().join("schools/alpha.yaml"),
        "place: \"Ee\"",
        "place: \"Nieuwdorp\"",
    );
    let reloaded = pages
        .iter_mut()
        .map(|p| wait_for_event(p, "changed"))
        .filter(|&got| got)
        .count();
    assert_eq!(reloaded, PAGES, "pages that got the reload");
}

#[test]
fn redirects_never_lead_to_another_host() {
    let server = start(&[]);
    for target in ["//alpha", "/%2Falpha", "///alpha", "//alpha?x=1"] {
        let (status, head, _) = request(server.port, "GET", target);
        let location = header(&head, "location");
        assert!(status == 404 || status == 301, "{target}: {status}\n{head}");
        if let Some(location) = location {
            assert!(
                location.starts_with("/alpha/") && !location.starts_with("//"),
                "{target} redirects to {location}"
            );
        }
    }
    let (status, head, _) = request(server.port, "GET", "//alpha");
    assert_eq!(status, 301);
    assert_eq!(header(&head, "location").as_deref(), Some("/alpha/"));
    let (_, head, _) = request(server.port, "GET", "/alpha?x=1");
    assert_eq!(header(&head, "location").as_deref(), Some("/alpha/?x=1"));
}

#[test]
fn a_wildcard_bind_prints_addresses_that_work_and_warns() {
    let server = start_capturing(&["--bind", "0.0.0.0"]);
    let lines = server.stdout.as_ref().expect("captured stdout");
    let mut printed = Vec::new();
    let deadline = Instant::now() + TIMEOUT;
    while !printed.iter().any(|l: &String| l.starts_with("watching")) {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no 'watching' line in time: {printed:#?}"));
        printed.push(line);
    }
    let text = printed.join("\n");
    assert!(
        !text.contains("http://0.0.0.0"),
        "a wildcard is no address:\n{text}"
    );
    assert!(
        text.contains("visible to other computers on the network"),
        "warns about the network:\n{text}"
    );
    let urls: Vec<&str> = printed
        .iter()
        .filter_map(|l| l.trim().strip_prefix("http://"))
        .collect();
    let port = server.port;
    assert_eq!(
        urls.first().copied(),
        Some(format!("127.0.0.1:{port}/").as_str()),
        "{text}"
    );
    assert!(
        urls.contains(&format!("localhost:{port}/").as_str()),
        "{text}"
    );
    assert!(urls.len() >= 3, "and this machine's own addresses:\n{text}");
    for url in &urls {
        let host = url.trim_end_matches('/');
        assert!(host.ends_with(&format!(":{port}")), "{url}");
        // Asked over loopback under the printed name: the Host check must let it in.
        let (status, body) = with_host(port, host, "/alpha/index.html");
        assert_eq!(status, 200, "http://{url} is refused");
        assert!(body.contains("De Ster"));
    }
    assert_eq!(
        with_host(port, "evil.example", "/alpha/index.html").0,
        403,
        "still no other names"
    );
}
