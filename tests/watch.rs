//! The real `buddysite build --watch` and `serve --watch` over a temporary copy of a fixture,
//! changed the way editors, `git checkout` and sync clients change files: new, deleted and
//! renamed files of every kind, folders removed and restored or swapped wholesale, and a
//! broken school next to working ones. After every change the output must become exactly
//! what a clean build of the same files makes. Waits on the output with a generous deadline,
//! never fixed sleeps.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a change may take to reach the output on a busy machine.
const DEADLINE: Duration = Duration::from_secs(60);

/// A running `buddysite … --watch` over a fixture copy, with everything it printed.
struct Watching {
    child: Child,
    project: tempfile::TempDir,
    out: tempfile::TempDir,
    log: Arc<Mutex<Vec<String>>>,
    port: u16,
}

impl Drop for Watching {
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

/// Starts `buddysite <command> --watch` on a copy of the basic fixture after `prepare` ran
/// on it, and waits until it watches.
fn start(command: &str, extra: &[&str], prepare: impl FnOnce(&Path)) -> Watching {
    let project = copy_fixture("basic");
    prepare(project.path());
    let out = tempfile::tempdir().expect("temp");
    let port = free_port();
    let port_s = port.to_string();
    let mut args = vec![
        command,
        "--watch",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(out.path()),
    ];
    if command == "serve" {
        args.extend(["--port", &port_s]);
    }
    args.extend(extra);
    let mut child = Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(&args)
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start buddysite");
    let log = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = channel();
    let stdout = child.stdout.take().expect("stdout");
    let stderr = child.stderr.take().expect("stderr");
    for stream in [
        Box::new(stdout) as Box<dyn std::io::Read + Send>,
        Box::new(stderr),
    ] {
        let (log, tx) = (log.clone(), tx.clone());
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { return };
                let _ = tx.send(line.clone());
                if let Ok(mut log) = log.lock() {
                    log.push(line);
                }
            }
        });
    }
    let watching = Watching {
        child,
        project,
        out,
        log,
        port,
    };
    loop {
        match rx.recv_timeout(DEADLINE) {
            Ok(line) if line.starts_with("watching ") => break,
            Ok(_) => {}
            Err(_) => panic!("never started watching:\n{}", watching.printed()),
        }
    }
    watching
}

impl Watching {
    fn root(&self) -> &Path {
        self.project.path()
    }

    fn printed(&self) -> String {
        self.log.lock().map(|l| l.join("\n")).unwrap_or_default()
    }

    /// Waits until the output is what a clean build of the project makes now.
    fn settles(&self, what: &str) {
        let clean = tempfile::tempdir().expect("temp");
        // The preview makes the letters' PDFs after the reload: it settles on what a clean
        // build with them makes.
        let built = buddysite(&[
            "build",
            "--root",
            path_str(self.root()),
            "--output",
            path_str(clean.path()),
        ]);
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let want = site(clean.path());
        let started = Instant::now();
        loop {
            let have = site(self.out.path());
            if have == want {
                return;
            }
            if started.elapsed() > DEADLINE {
                let differ: std::collections::BTreeSet<&String> = want
                    .keys()
                    .chain(have.keys())
                    .filter(|k| want.get(*k) != have.get(*k))
                    .collect();
                panic!(
                    "after {what} the output never became a clean build; differing: {differ:?}\nbuddysite printed:\n{}",
                    self.printed()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `check` holds for the output folder.
    fn until(&self, what: &str, check: impl Fn(&Path) -> bool) {
        let started = Instant::now();
        while !check(self.out.path()) {
            assert!(
                started.elapsed() < DEADLINE,
                "{what} never happened; buddysite printed:\n{}",
                self.printed()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The output's files, leaving out buddysite's own bookkeeping beside the manifest (staging,
/// locks), which a running watcher may hold.
fn site(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(dir);
    files.retain(|k, _| !k.starts_with('.') || k == ".buddysite-manifest");
    files
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from} not in {rel}");
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn remove(root: &Path, rel: &str) {
    let path = root.join(rel);
    if path.is_dir() {
        std::fs::remove_dir_all(path).expect("rm -r");
    } else {
        std::fs::remove_file(path).expect("rm");
    }
}

const NEW_BUDDY: &str = "---\nname: \"Dirk\"\nsummary: \"Dirk luistert.\"\nthemes: [chronisch-ziek]\nlanguages: [nl]\nmeet: [telefoon]\nphoto: dirk.jpg\nphoto_alt: \"Dirk lacht\"\nconsent_until: 2030-01-01\n---\nIk ben Dirk.\n";
const NEW_SCHOOL: &str = "name: \"Gamma\"\nkind: so\nplace: \"Hier\"\nbrand:\n  primary: \"#222222\"\ncontact:\n  name: \"Iemand\"\n  email: \"i@example.org\"\n";

#[test]
fn new_deleted_and_renamed_files_of_every_kind_reach_the_output() {
    let w = start("build", &[], |_| {});
    let root = w.root().to_owned();
    // A real photo first: it is re-encoded, so it must be an image.
    std::fs::copy(
        fixture("editor").join("content/buddys/anna.jpg"),
        root.join("content/buddys/dirk.jpg"),
    )
    .expect("copy a real JPEG");
    w.settles("adding content/buddys/dirk.jpg");
    let added: [(&str, &str); 9] = [
        (
            "content/vragen/los.md",
            "---\nquestion: \"Mag het los?\"\n---\nJa.\n",
        ),
        (
            "content/nieuw.md",
            "---\ntitle: \"Nieuw\"\n---\nEen nieuwe pagina.\n",
        ),
        ("content/buddys/dirk.md", NEW_BUDDY),
        ("content/folder.pdf", "%PDF"),
        ("schools/gamma.yaml", NEW_SCHOOL),
        (
            "schools/gamma/over.md",
            "---\ntitle: \"Over Gamma\"\n---\nAlleen bij Gamma.\n",
        ),
        ("schools/beta/plattegrond.png", "png"),
        // themes/ does not exist yet: a new folder with a new file.
        ("themes/default/static/extra.txt", "extra"),
        (
            "themes/default/i18n/nl.yaml",
            &format!(
                "{}\n",
                include_str!("../themes/default/i18n/nl.yaml").trim_end()
            ),
        ),
    ];
    for (rel, text) in &added {
        write(&root, rel, text);
        w.settles(&format!("adding {rel}"));
    }
    assert!(w.out.path().join("gamma/over/index.html").is_file());
    assert!(w.out.path().join("alpha/buddys/dirk.jpg").is_file());
    for (from, to) in [
        ("content/over.md", "content/programma.md"),
        ("content/vragen/stoppen.md", "content/vragen/ophouden.md"),
        ("schools/gamma/over.md", "schools/gamma/wij.md"),
    ] {
        std::fs::rename(root.join(from), root.join(to)).expect("rename");
        w.settles(&format!("renaming {from} to {to}"));
    }
    for rel in [
        "themes/default/static/extra.txt",
        "schools/beta/plattegrond.png",
        "schools/gamma/wij.md",
        "schools/gamma.yaml",
        "content/folder.pdf",
        "content/buddys/dirk.md",
        "content/buddys/dirk.jpg",
        "content/nieuw.md",
        "content/vragen/los.md",
    ] {
        remove(&root, rel);
        w.settles(&format!("removing {rel}"));
    }
    assert!(!w.out.path().join("gamma").exists());
    assert!(!w.out.path().join("alpha/nieuw").exists());
}

/// Removes `dir` and restores it from a copy, then swaps in an edited copy by renames, and
/// checks after each that a later edit inside it is still seen.
fn replace_folder(w: &Watching, dir: &str, edit_inside: (&str, &str, &str)) {
    let root = w.root();
    let backup = tempfile::tempdir().expect("temp");
    copy_dir(&root.join(dir), backup.path());
    remove(root, dir);
    copy_dir(backup.path(), &root.join(dir));
    w.settles(&format!("removing and restoring {dir}/"));
    let (rel, from, to) = edit_inside;
    edit(root, rel, from, to);
    w.settles(&format!("editing {rel} in the restored {dir}/"));
    // As `git checkout` or a sync client does it: a new copy renamed into place.
    let fresh = root.join(format!("{dir}.new"));
    copy_dir(&root.join(dir), &fresh);
    std::fs::rename(root.join(dir), root.join(format!("{dir}.old"))).expect("mv");
    std::fs::rename(&fresh, root.join(dir)).expect("mv");
    remove(root, &format!("{dir}.old"));
    w.settles(&format!("swapping in a new {dir}/"));
    edit(root, rel, to, from);
    w.settles(&format!("editing {rel} in the swapped-in {dir}/"));
}

#[test]
fn replaced_folders_keep_being_watched() {
    let w = start("build", &[], |root| {
        write(root, "themes/default/static/extra.txt", "extra");
    });
    replace_folder(
        &w,
        "schools",
        (
            "schools/beta.yaml",
            "place: \"Zeeland\"",
            "place: \"Polder\"",
        ),
    );
    replace_folder(
        &w,
        "content",
        (
            "content/vragen/kosten.md",
            "Het is gratis.",
            "Het kost niets.",
        ),
    );
    replace_folder(
        &w,
        "themes",
        ("themes/default/static/extra.txt", "extra", "meer"),
    );
    // A school's own folder swapped the same way.
    replace_folder(
        &w,
        "schools/beta",
        ("schools/beta/contact.md", "Elke dinsdag", "Elke woensdag"),
    );
}

#[test]
fn the_polling_watcher_sees_new_files_and_replaced_folders() {
    let w = start("build", &["--poll"], |_| {});
    write(
        w.root(),
        "content/vragen/los.md",
        "---\nquestion: \"Mag het los?\"\n---\nJa.\n",
    );
    w.settles("adding content/vragen/los.md");
    replace_folder(
        &w,
        "schools",
        (
            "schools/beta.yaml",
            "place: \"Zeeland\"",
            "place: \"Polder\"",
        ),
    );
}

/// Subscribes to the live-reload stream of a `serve --watch`: (event name, data) pairs.
fn events(port: u16) -> Receiver<(String, serde_json::Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET /__buddysite/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .expect("write");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let (mut event, mut data) = (String::new(), String::new());
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if let Some(e) = line.strip_prefix("event: ") {
                event = e.to_owned();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_owned();
            } else if line.is_empty() && !event.is_empty() {
                let value = serde_json::from_str(&data).unwrap_or(serde_json::Value::Null);
                if tx.send((std::mem::take(&mut event), value)).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

/// The next event that is not a keep-alive `ok`.
fn next(rx: &Receiver<(String, serde_json::Value)>, w: &Watching) -> (String, serde_json::Value) {
    loop {
        match rx.recv_timeout(DEADLINE) {
            Ok((event, _)) if event == "ok" => {}
            Ok(pair) => return pair,
            Err(_) => panic!("no event in time; buddysite printed:\n{}", w.printed()),
        }
    }
}

fn files_of(data: &serde_json::Value) -> Vec<String> {
    data["problems"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["file"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn changed_paths(data: &serde_json::Value) -> Vec<String> {
    data["paths"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_broken_school_does_not_stop_the_other_schools_preview() {
    let w = start("serve", &[], |_| {});
    let root = w.root().to_owned();
    // Wait for the server to answer before subscribing.
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", w.port)).is_err() {
        assert!(started.elapsed() < DEADLINE, "server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    let rx = events(w.port);
    assert_eq!(next_any(&rx, &w).0, "ok", "the site starts fine");
    let alpha_before = std::fs::read(w.out.path().join("alpha/index.html")).expect("alpha");
    edit(
        &root,
        "schools/alpha.yaml",
        "  primary: \"#0b5394\"",
        "  primray: \"#0b5394\"",
    );
    let (event, data) = next(&rx, &w);
    assert_eq!(event, "failed", "{data}");
    assert_eq!(files_of(&data), ["schools/alpha.yaml"], "{data}");
    // Another school's edit still reaches its pages, and the overlay stays up for alpha.
    edit(
        &root,
        "schools/beta.yaml",
        "place: \"Zeeland\"",
        "place: \"Polderdorp\"",
    );
    // The alpha edit may reach the watcher as more than one file event (an editor's
    // truncate-then-write), each reported as the same failure: skip those, but nothing else.
    let data = loop {
        let (event, data) = next(&rx, &w);
        if event == "failed" {
            assert_eq!(files_of(&data), ["schools/alpha.yaml"], "{data}");
            continue;
        }
        assert_eq!(event, "changed", "{data}");
        break data;
    };
    assert!(
        changed_paths(&data).contains(&"beta/index.html".to_owned()),
        "{data}"
    );
    let (event, data) = next(&rx, &w);
    assert_eq!(event, "failed", "{data}");
    assert_eq!(files_of(&data), ["schools/alpha.yaml"], "{data}");
    let beta = html(w.out.path(), "beta/index.html");
    assert!(
        texts(&beta, "body")
            .iter()
            .any(|t| t.contains("Polderdorp")),
        "the edit shows"
    );
    // A new school appears too.
    write(&root, "schools/gamma.yaml", NEW_SCHOOL);
    w.until("the new school's pages", |out| {
        out.join("gamma/index.html").is_file()
    });
    assert_eq!(
        std::fs::read(w.out.path().join("alpha/index.html")).expect("alpha"),
        alpha_before,
        "the broken school keeps its last good pages"
    );
    // Only the preview is lenient: a build fails on the broken school.
    let elsewhere = tempfile::tempdir().expect("temp");
    let build = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(elsewhere.path()),
    ]);
    assert!(
        !build.status.success(),
        "a build with a broken school fails"
    );
    assert!(
        String::from_utf8_lossy(&build.stderr).contains("schools/alpha.yaml"),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        !elsewhere.path().join("beta").exists(),
        "and writes nothing"
    );
    // Fixed: the overlay goes and the output is a clean build.
    edit(
        &root,
        "schools/alpha.yaml",
        "  primray: \"#0b5394\"",
        "  primary: \"#0b5394\"",
    );
    w.settles("fixing alpha");
}

/// The next event, whatever it is.
fn next_any(
    rx: &Receiver<(String, serde_json::Value)>,
    w: &Watching,
) -> (String, serde_json::Value) {
    rx.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("no event in time; buddysite printed:\n{}", w.printed()))
}

#[test]
fn serve_watch_picks_up_new_and_removed_translations() {
    // Issue #11: `serve --watch` with a second language. English is published for a school
    // once its home page and letter are translated; each new file reaches the output as a
    // clean build makes it, and removing one takes the language away again.
    let w = start("serve", &[], |root| {
        let config = root.join("buddysite.yaml");
        let mut text = std::fs::read_to_string(&config).expect("config");
        text.push_str("languages: [nl, en]\n");
        std::fs::write(config, text).expect("config");
    });
    let root = w.root().to_owned();
    write(
        &root,
        "content/index.en.md",
        "---\ntitle: \"Welcome\"\n---\nWelcome, parents.\n",
    );
    w.settles("adding content/index.en.md");
    assert!(
        !w.out.path().join("alpha/en/index.html").exists(),
        "English needs the letter too"
    );
    write(
        &root,
        "content/brief.en.md",
        "---\ntitle: \"Letter to parents\"\n---\nDear parent.\n",
    );
    w.settles("adding content/brief.en.md");
    let home = std::fs::read_to_string(w.out.path().join("alpha/en/index.html")).expect("en");
    let doc = scraper::Html::parse_document(&home);
    assert_eq!(attrs(&doc, "html", "lang"), ["en"]);
    assert_eq!(texts(&doc, "h1"), ["Welcome"]);
    let nl = scraper::Html::parse_document(
        &std::fs::read_to_string(w.out.path().join("alpha/index.html")).expect("nl"),
    );
    assert_eq!(
        attrs(&nl, ".lang-switch a", "hreflang"),
        ["nl", "en"],
        "the Dutch page switches to English now"
    );
    remove(&root, "content/brief.en.md");
    w.settles("removing content/brief.en.md");
    assert!(!w.out.path().join("alpha/en").exists());
}
