//! Templates cannot hang a build: a content template that loops (almost) forever or calls
//! itself fails within seconds, naming the file and line, in `check`, `build` and the live
//! preview, which then keeps rebuilding.

mod common;

use common::{copy_dir, fixture, path_str, FIXED_DATE};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far beyond what the test ever needs: only a hang gets here.
const WATCHDOG: Duration = Duration::from_secs(60);

const RUNAWAY: &str =
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}";

/// Runs buddysite with `args`; kills it and fails the test if it runs past the watchdog.
fn run_guarded(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn buddysite");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            let out = child.wait_with_output().expect("output");
            return (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("buddysite {args:?} still ran after {WATCHDOG:?}: the template hangs it");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The editor fixture with `body` appended to content/contact.md; returns the line it is on.
fn with_template(root: &Path, body: &str) -> usize {
    copy_dir(&fixture("editor"), root);
    let file = root.join("content/contact.md");
    let mut md = std::fs::read_to_string(&file).expect("read");
    if !md.ends_with('\n') {
        md.push('\n');
    }
    let line = md.lines().count() + 1;
    md.push_str(body);
    md.push('\n');
    std::fs::write(&file, md).expect("write");
    line
}

#[test]
fn a_runaway_loop_fails_check_and_build_with_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    let line = with_template(&root, RUNAWAY);
    let out = dir.path().join("public");
    for args in [
        vec!["check", "--root", path_str(&root)],
        vec![
            "build",
            "--root",
            path_str(&root),
            "--output",
            path_str(&out),
        ],
    ] {
        let (code, stderr) = run_guarded(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("--> content/contact.md:{line}")),
            "{args:?} names the file and line: {stderr}"
        );
        assert!(
            stderr.contains("this template does too much work"),
            "{stderr}"
        );
        assert!(stderr.contains("make it smaller"), "{stderr}");
    }
    if cfg!(unix) {
        assert!(!out.exists(), "nothing was written");
    }
}

#[test]
fn a_macro_that_calls_itself_fails_with_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    let line = with_template(&root, "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}");
    let (code, stderr) = run_guarded(&["check", "--root", path_str(&root)]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("--> content/contact.md:{line}")),
        "{stderr}"
    );
    assert!(stderr.contains("nests too deeply"), "{stderr}");
}

#[test]
fn the_live_preview_keeps_rebuilding_after_a_runaway_template() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    with_template(&root, RUNAWAY);
    let out = dir.path().join("public");
    // On a thread, so a hang fails the test instead of blocking it.
    let (tx, rx) = std::sync::mpsc::channel();
    let (root2, out2) = (root.clone(), out.clone());
    std::thread::spawn(move || {
        let (mut session, first) = buddysite::session::Session::start(&root2, Some(&out2));
        let failed = first.err().map(|p| p.to_string());
        let file = root2.join("content/contact.md");
        let md = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, md.replace(RUNAWAY, "Bel ons gerust.")).expect("write");
        let second = session.apply(&[file]).map(|(_, r)| r.is_ok());
        let _ = tx.send((failed, second));
    });
    let (failed, second) = rx.recv_timeout(WATCHDOG).expect("the session hangs");
    let failed = failed.expect("the first build fails");
    assert!(failed.contains("does too much work"), "{failed}");
    assert_eq!(second, Some(true), "the fixed file rebuilds");
    let contact = std::fs::read_to_string(out.join("zonnebloem/contact/index.html")).expect("read");
    assert!(contact.contains("Bel ons gerust."));
}

#[test]
fn the_example_and_a_large_overview_stay_well_within_the_budget() {
    // The real example builds (its fuel use is measured in src/render/templates.rs).
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("public");
    let (code, stderr) = run_guarded(&[
        "build",
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--output",
        path_str(&out),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    // A template that does twenty times the work of the overview of 1,000 schools.
    let root = dir.path().join("project");
    let line = with_template(
        &root,
        "{% for i in range(1000) %}{% for j in range(300) %}{% endfor %}{% endfor %}ok",
    );
    let (code, stderr) = run_guarded(&["check", "--root", path_str(&root)]);
    assert_eq!(code, Some(0), "line {line}: {stderr}");
}
