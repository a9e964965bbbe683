//! Live-preview latency: from a file write to the reload event an open page receives.
//!
//! Starts the real `buddysite serve --watch` on a generated SWV (default 200 schools), listens
//! to the live-reload stream like a browser does, and times, over several runs, a change to
//! one school's YAML, a change to one shared content file and a new FAQ file (a file the
//! project did not have before). The debounce window is included, as an editor experiences it.
//!
//! `cargo bench --bench reload [-- --schools N --runs R]`

#[path = "../build/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Args {
    schools: usize,
    runs: usize,
}

fn args() -> Args {
    let mut a = Args {
        schools: 200,
        runs: 9,
    };
    let argv: Vec<String> = std::env::args().collect();
    for (i, arg) in argv.iter().enumerate() {
        let value = argv.get(i + 1).and_then(|v| v.parse().ok());
        match (arg.as_str(), value) {
            ("--schools", Some(v)) => a.schools = v,
            ("--runs", Some(v)) => a.runs = v,
            _ => {}
        }
    }
    a
}

/// A folder on tmpfs when there is one (the disk here is noisy), else the system temp dir.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().expect("temp dir")
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn events(port: u16) -> Receiver<(String, Instant)> {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut stream = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => break s,
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("server did not start: {e}"),
        }
    };
    write!(
        stream,
        "GET /__buddysite/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .expect("request");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if let Some(e) = line.strip_prefix("event: ") {
                if tx.send((e.to_owned(), Instant::now())).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

fn wait_for(rx: &Receiver<(String, Instant)>, name: &str) -> Instant {
    loop {
        let (event, at) = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("event in time");
        if event == name {
            return at;
        }
        assert_ne!(event, "failed", "the rebuild failed");
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

fn time_change(
    rx: &Receiver<(String, Instant)>,
    runs: usize,
    mut change: impl FnMut(usize),
) -> Vec<f64> {
    (0..runs)
        .map(|i| {
            let start = Instant::now();
            change(i);
            let at = wait_for(rx, "changed");
            // Let the event stream settle (a second batch of the same save would skew the next run).
            while rx.recv_timeout(Duration::from_millis(150)).is_ok() {}
            (at - start).as_secs_f64() * 1000.0
        })
        .collect()
}

fn main() {
    let args = args();
    let dir = scratch();
    let root: PathBuf = dir.path().join("swv");
    synth::write_project(&root, args.schools).expect("generate project");
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_buddysite"))
            .args(["serve", "--watch", "--port", &port.to_string(), "--root"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start buddysite serve --watch"),
    );
    let rx = events(port);
    wait_for(&rx, "ok");
    let schools = synth::schools(args.schools);
    let school = &schools[args.schools / 2];
    let yaml_path = root.join(format!("schools/{}.yaml", school.slug));
    let index = args.schools / 2;
    let one_school = time_change(&rx, args.runs, |i| {
        std::fs::write(&yaml_path, school.yaml(index, i + 1)).expect("write school");
    });
    let content_path = root.join(synth::SHARED_FILE);
    let faq = synth::FAQ
        .iter()
        .position(|(id, _)| synth::SHARED_FILE.ends_with(&format!("{id}.md")))
        .unwrap_or(0);
    let shared = time_change(&rx, args.runs, |i| {
        std::fs::write(&content_path, synth::faq_entry(faq, i + 1)).expect("write content");
    });
    let (_, question) = synth::FAQ[faq];
    let new_faq = time_change(&rx, args.runs, |i| {
        let text = synth::faq_entry(faq, 0).replace(question, &format!("Nieuwe vraag {i}?"));
        std::fs::write(root.join(format!("content/vragen/nieuw-{i}.md")), text)
            .expect("write a new FAQ file");
    });
    println!(
        "live reload latency, write -> reload event, {} schools, {} runs, output on {}",
        args.schools,
        args.runs,
        root.display()
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10}  result",
        "change", "median ms", "max ms", "target ms"
    );
    for (what, v, target) in [
        ("one school's YAML", &one_school, 100.0),
        ("one shared content file", &shared, 300.0),
        ("a new FAQ file", &new_faq, 300.0),
    ] {
        let m = median(v.clone());
        println!(
            "{:<28} {:>10.1} {:>10.1} {:>10.0}  {}",
            what,
            m,
            max(v),
            target,
            if m < target { "PASS" } else { "MISS" }
        );
    }
}
