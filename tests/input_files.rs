//! Input as editors save it: Windows line endings and byte-order marks, empty and very large
//! files; and the exit codes of `check`.

mod common;

use common::{buddysite, copy_dir, fixture, path_str, tree};
use std::path::Path;
use std::time::{Duration, Instant};

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    (dir, root)
}

/// Every `.md` and `.yaml` file of `root`, as Notepad on Windows saves it: a UTF-8 byte-order
/// mark and CRLF line endings.
fn windows_line_endings(root: &Path) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md" || e == "yaml") {
            let text = std::fs::read_to_string(path).expect("read");
            let mut bytes = b"\xef\xbb\xbf".to_vec();
            bytes.extend(text.replace('\n', "\r\n").into_bytes());
            std::fs::write(path, bytes).expect("write");
        }
    }
}

#[test]
fn byte_order_marks_and_crlf_just_work_and_change_nothing() {
    let (dir, root) = project();
    let unix_out = dir.path().join("unix");
    let run = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&unix_out),
    ]);
    assert!(run.status.success(), "{}", text(&run));
    windows_line_endings(&root);
    let check = buddysite(&["check", "--root", path_str(&root)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(text(&check).contains("no problems found"));
    let windows_out = dir.path().join("windows");
    let run = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&windows_out),
    ]);
    assert!(run.status.success(), "{}", text(&run));
    assert!(
        tree(&unix_out) == tree(&windows_out),
        "the sites are byte for byte the same"
    );
}

#[test]
fn errors_in_windows_files_point_at_the_right_line() {
    let (_dir, root) = project();
    windows_line_endings(&root);
    let path = root.join("content/info.md");
    let old = std::fs::read(&path).expect("read");
    let new = String::from_utf8(old)
        .expect("utf-8")
        .replace("weight: 40", "wieght: 40");
    std::fs::write(&path, new).expect("write");
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("--> content/info.md:3:1"), "{shown}");
    assert!(
        shown.contains("3 | wieght: 40\n"),
        "no stray carriage return: {shown:?}"
    );
}

#[test]
fn very_large_files_are_handled_without_a_crash_or_a_hang() {
    let (_dir, root) = project();
    let unit = "Dit is een gewone zin met *tekst* en een [link](brief.md) erin.\n\n## Kop\n\nNog een alinea met **vet** en een lijst:\n\n- een\n- twee\n\n![Anna](../buddys/anna.jpg)\n\n";
    let size = 10 * 1024 * 1024;
    let body = unit.repeat(size / unit.len() + 1);
    std::fs::write(
        root.join("content/groot.md"),
        format!("---\ntitle: \"Groot\"\n---\n{body}"),
    )
    .expect("write");
    // A 10 MB value in a school's YAML goes through the YAML parser's budget unharmed.
    let school = root.join("schools/de-linde.yaml");
    let yaml = std::fs::read_to_string(&school).expect("read");
    std::fs::write(
        &school,
        format!("{yaml}extra:\n  notes: \"{}\"\n", "x".repeat(size)),
    )
    .expect("write");
    let started = Instant::now();
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let took = started.elapsed();
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    // Not a speed test (the benchmarks are): a guard against quadratic work, which takes
    // hours on 10 MB. Generous for a debug build on a busy 2-core machine.
    assert!(took < Duration::from_secs(600), "check took {took:?}");
}

#[test]
fn a_large_file_full_of_mistakes_reports_a_bounded_number_of_them() {
    let (_dir, root) = project();
    let body = "![](x.png) [a](nope.md) [naam ouder] ".repeat(100_000);
    std::fs::write(
        root.join("content/groot.md"),
        format!("---\ntitle: \"Groot\"\n---\n{body}"),
    )
    .expect("write");
    let started = Instant::now();
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let took = started.elapsed();
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1));
    assert!(took < Duration::from_secs(120), "check took {took:?}");
    assert!(shown.len() < 200_000, "{} bytes of output", shown.len());
    assert!(
        shown.contains("more problems like the ones above"),
        "{}",
        &shown[..2000]
    );
}

#[test]
fn empty_files_are_errors_not_crashes() {
    let (_dir, root) = project();
    for rel in [
        "buddysite.yaml",
        "schools/de-linde.yaml",
        "content/info.md",
        "content/vragen/stoppen.md",
        "content/buddys/ben.md",
    ] {
        std::fs::write(root.join(rel), "").expect("write");
    }
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert_eq!(shown.matches("this file is empty").count(), 5, "{shown}");
    assert!(!shown.contains("panicked"), "{shown}");
}

#[test]
fn warnings_pass_unless_strict() {
    let (_dir, root) = project();
    let path = root.join("content/buddys/ben.md");
    let old = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, old.replace("2030-01-01", "2020-01-01")).expect("write");
    let run = buddysite(&["check", "--root", path_str(&root)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(
        text(&run).contains("warning: consent of buddy Ben ended"),
        "{}",
        text(&run)
    );
    let strict = buddysite(&["check", "--strict", "--root", path_str(&root)]);
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict));
}

#[test]
fn usage_errors_exit_with_2() {
    let run = buddysite(&["check", "--no-such-flag"]);
    assert_eq!(run.status.code(), Some(2));
    let run = buddysite(&["frobnicate"]);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn check_writes_nothing() {
    let (_dir, root) = project();
    let before = tree(&root);
    let run = buddysite(&["check", "--root", path_str(&root)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    assert!(before == tree(&root), "check changed the project");
    assert!(!root.join("public").exists());
}
