//! One writer at a time: two builds into the same folder never mix their pages, and a build
//! that finds another writer busy says so truthfully.

mod common;

use common::{copy_dir, fixture, path_str, tree, FIXED_DATE};
use std::path::Path;
use std::process::{Command, Stdio};

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn spawn_build(root: &Path, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(["build", "--root", path_str(root), "--output", path_str(out)])
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn buddysite")
}

/// A copy of the editor fixture whose SWV is called `name`.
fn project(dir: &Path, folder: &str, name: &str) -> std::path::PathBuf {
    let root = dir.join(folder);
    copy_dir(&fixture("editor"), &root);
    let config = root.join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        yaml.replace("Samenwerkingsverband Test & Proef", name),
    )
    .expect("write");
    root
}

#[test]
fn two_builds_at_once_never_mix_their_pages_and_report_truthfully() {
    let dir = tempfile::tempdir().expect("temp");
    let names = ["Samenwerkingsverband Alfa", "Samenwerkingsverband Bravo"];
    let roots = [
        project(dir.path(), "alfa", names[0]),
        project(dir.path(), "bravo", names[1]),
    ];
    let out = dir.path().join("public");
    for round in 0..4 {
        let children = [spawn_build(&roots[0], &out), spawn_build(&roots[1], &out)];
        let pids = [children[0].id(), children[1].id()];
        let runs: Vec<std::process::Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().expect("wait"))
            .collect();
        let mut succeeded = Vec::new();
        for (i, run) in runs.iter().enumerate() {
            if run.status.success() {
                succeeded.push(names[i]);
            } else {
                // The only acceptable failure: the other one held the folder too long.
                let other = pids[1 - i];
                let expected = if cfg!(windows) {
                    "another buddysite is writing here".to_owned()
                } else {
                    format!("another buddysite (pid {other}) is writing here")
                };
                assert!(
                    text(run).contains(&expected),
                    "round {round}, build {i}: {}",
                    text(run)
                );
                assert!(text(run).contains("was left as it was"), "{}", text(run));
            }
        }
        assert!(!succeeded.is_empty(), "round {round}: one of them built");
        let files = tree(&out);
        let mut seen = std::collections::BTreeSet::new();
        for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
            let html = String::from_utf8_lossy(bytes);
            let from: Vec<&str> = names.iter().copied().filter(|n| html.contains(n)).collect();
            assert_eq!(from.len(), 1, "round {round}: {path} comes from one build");
            seen.insert(from[0]);
        }
        assert_eq!(
            seen.len(),
            1,
            "round {round}: every page from one build: {seen:?}"
        );
        let winner = seen.into_iter().next().expect("a page");
        assert!(
            succeeded.contains(&winner),
            "round {round}: from a build that succeeded"
        );
        assert!(
            !files.keys().any(|p| p.starts_with(".buddysite-staging")),
            "round {round}: no staging left"
        );
        let manifest = String::from_utf8_lossy(&files[".buddysite-manifest"]).into_owned();
        let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
        let on_disk: Vec<&str> = files
            .keys()
            .map(String::as_str)
            .filter(|p| !p.starts_with(".buddysite-"))
            .collect();
        assert_eq!(
            listed, on_disk,
            "round {round}: the manifest lists the output"
        );
    }
}

// Unix only: Windows does not let others read a locked file (the pid cannot be named there).
#[cfg(unix)]
#[test]
fn a_busy_output_folder_is_reported_with_the_other_writers_pid() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp");
    let root = project(dir.path(), "project", "Samenwerkingsverband Alfa");
    let out = dir.path().join("public");
    let first = common::build_ok(&root, &out);
    assert!(first.status.success());
    let before = tree(&out);
    // This test process plays the other buddysite: it holds the lock and wrote its pid.
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(out.join(".buddysite-lock"))
        .expect("open lock");
    lock.lock().expect("lock");
    lock.set_len(0).expect("truncate");
    (&lock)
        .write_all(format!("{}\n", std::process::id()).as_bytes())
        .expect("write pid");
    let before_with_pid = tree(&out);
    let run = spawn_build(&root, &out).wait_with_output().expect("wait");
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(&format!(
            "another buddysite (pid {}) is writing here",
            std::process::id()
        )),
        "{shown}"
    );
    assert!(shown.contains("was left as it was"), "{shown}");
    assert!(before_with_pid == tree(&out), "the output is untouched");
    // Once the other writer is done, a build goes through.
    lock.set_len(0).expect("clear pid");
    drop(lock);
    assert!(before == tree(&out));
    let run = spawn_build(&root, &out).wait_with_output().expect("wait");
    assert!(run.status.success(), "{}", text(&run));
}

/// `serve --watch` and `build --watch` take the lock only while a rebuild writes: a rebuild
/// that meets another writer fails truthfully, and the next one catches up.
#[cfg(unix)]
#[test]
fn the_live_preview_reports_another_writer_and_catches_up_after_it() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp");
    let root = project(dir.path(), "project", "Samenwerkingsverband Alfa");
    let out = dir.path().join("public");
    let (mut session, first) = buddysite::session::Session::start(&root, Some(&out));
    first.expect("first build");
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(out.join(".buddysite-lock"))
        .expect("open lock");
    lock.lock().expect("lock");
    (&lock)
        .write_all(format!("{}\n", std::process::id()).as_bytes())
        .expect("write pid");
    let config = session.root().join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, yaml.replace("Alfa", "Bravo")).expect("write");
    let (_, result) = session
        .apply(std::slice::from_ref(&config))
        .expect("a rebuild");
    let problems = result.expect_err("the folder is busy").to_string();
    assert!(
        problems.contains(&format!(
            "another buddysite (pid {}) is writing here",
            std::process::id()
        )),
        "{problems}"
    );
    let home = std::fs::read_to_string(out.join("zonnebloem/index.html")).expect("read");
    assert!(home.contains("Alfa") && !home.contains("Bravo"));
    lock.set_len(0).expect("clear pid");
    drop(lock);
    let (_, result) = session.apply(&[config]).expect("a rebuild");
    result.expect("the next rebuild goes through");
    let home = std::fs::read_to_string(out.join("zonnebloem/index.html")).expect("read");
    assert!(home.contains("Bravo"));
}
