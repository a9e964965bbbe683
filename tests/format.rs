//! `check --format json|github` and a closed pipe (issue #13 item 5).

mod newproject;

use newproject::{both, check_json, new_project, run_in};
use std::io::Read;
use std::process::{Command, Stdio};

/// A new project with a broken link in the letter and the example buddy's warning.
fn broken_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = new_project();
    let brief = dir.join("content/brief.md");
    let text = std::fs::read_to_string(&brief).expect("letter");
    std::fs::write(
        &brief,
        format!("{text}\nZie [de kosten](vragen/kostn.md).\n"),
    )
    .expect("write");
    (tmp, dir)
}

#[test]
fn json_lines_carry_the_documented_fields() {
    let (_tmp, dir) = broken_project();
    let (out, problems) = check_json(&dir, false);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(out.stderr.is_empty(), "{}", both(&out));
    let keys = [
        "file", "line", "column", "severity", "code", "message", "help", "school",
    ];
    for p in &problems {
        let obj = p.as_object().expect("object");
        let mut have: Vec<&str> = obj.keys().map(String::as_str).collect();
        have.sort_unstable();
        let mut want = keys.to_vec();
        want.sort_unstable();
        assert_eq!(have, want, "{p}");
    }
    let link = problems
        .iter()
        .find(|p| p["file"] == "content/brief.md")
        .unwrap_or_else(|| panic!("the broken link: {problems:#?}"));
    assert_eq!(link["school"], "de-eik", "{link}");
    assert_eq!(link["severity"], "error");
    assert!(link["line"].as_u64().is_some_and(|l| l > 20), "{link}");
    assert!(link["column"].as_u64().is_some(), "{link}");
    assert!(
        link["message"]
            .as_str()
            .is_some_and(|m| m.contains("kostn")),
        "{link}"
    );
    assert!(link["help"].is_string(), "{link}");
    let warning = problems
        .iter()
        .find(|p| p["severity"] == "warning")
        .expect("the example buddy");
    assert_eq!(warning["school"], serde_json::Value::Null);
}

#[test]
fn an_unknown_key_has_its_line_and_column_in_json() {
    let (_tmp, dir) = new_project();
    let file = dir.join("schools/de-eik.yaml");
    let text = std::fs::read_to_string(&file).expect("school");
    std::fs::write(&file, text.replace("place:", "plaats: Tiel\nplace:")).expect("write");
    let (_, problems) = check_json(&dir, false);
    let key = problems
        .iter()
        .find(|p| p["file"] == "schools/de-eik.yaml")
        .unwrap_or_else(|| panic!("the unknown key: {problems:#?}"));
    assert_eq!(key["severity"], "error");
    assert!(key["line"].as_u64().is_some_and(|l| l > 1), "{key}");
    assert_eq!(key["column"], 1, "{key}");
    assert!(
        key["message"]
            .as_str()
            .is_some_and(|m| m.contains("plaats")),
        "{key}"
    );
    assert!(key["help"].is_string(), "{key}");
}

#[test]
fn a_clean_project_prints_no_json_at_all() {
    let (_tmp, dir) = new_project();
    std::fs::remove_file(dir.join("content/buddys/voorbeeld.md")).expect("remove");
    let (out, problems) = check_json(&dir, true);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn github_annotations_name_the_file_from_the_repository_root() {
    let (tmp, dir) = broken_project();
    let name = dir.file_name().expect("name").to_str().expect("utf-8");
    let out = run_in(
        Some(tmp.path()),
        &["check", "--format", "github", "--root", name],
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        let (_, message) = line
            .split_once("::")
            .and_then(|(_, r)| r.split_once("::"))
            .expect("::props::message");
        assert!(!message.contains('\n') && !message.contains('\r'), "{line}");
    }
    let key = lines
        .iter()
        .find(|l| l.contains("file=buddys/content/brief.md,line="))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        key.starts_with("::error file=buddys/content/brief.md,line="),
        "{key}"
    );
    assert!(key.contains(",col="), "{key}");
    assert!(
        key.contains("%0Ahelp: "),
        "help on a new line, escaped: {key}"
    );
    let warning = lines
        .iter()
        .find(|l| l.starts_with("::warning "))
        .expect("the example buddy's warning");
    assert!(
        warning.contains("file=buddys/content/buddys/voorbeeld.md,line=17,col=16::"),
        "{warning}"
    );
}

fn closed_pipe(args: &[&str], stderr_too: bool) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(args)
        .env("BUDDYSITE_TODAY", "2026-06-01")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    // Close the reading end before the program prints anything, as `head` does after its
    // line: every write then fails with a broken pipe.
    drop(child.stdout.take());
    let mut stderr = child.stderr.take().expect("stderr");
    let mut err = Vec::new();
    if stderr_too {
        drop(stderr);
    } else {
        stderr.read_to_end(&mut err).expect("read stderr");
    }
    let status = child.wait().expect("wait");
    std::process::Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

#[test]
fn a_closed_pipe_ends_check_quietly() {
    let (_tmp, dir) = broken_project();
    let root = dir.to_str().expect("utf-8");
    for format in ["json", "github"] {
        let out = closed_pipe(&["check", "--format", format, "--root", root], false);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{format}: {err}");
        assert!(
            err.is_empty(),
            "{format}: nothing to say when nobody reads: {err}"
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: the exit code of the check"
        );
    }
    // The text format writes to standard error: `check 2>&1 | head -1`.
    let out = closed_pipe(&["check", "--root", root], true);
    assert_eq!(out.status.code(), Some(1), "text: {:?}", out.status);
    let out = closed_pipe(&["consents", "--root", root], false);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(out.status.code(), Some(1), "consents: {:?}", out.status);
}

#[test]
fn check_piped_into_head_does_not_panic() {
    let (_tmp, dir) = broken_project();
    let script = format!(
        "\"{}\" check --format json --root \"{}\" | head -1; \"{}\" check --root \"{}\" 2>&1 | head -1",
        env!("CARGO_BIN_EXE_buddysite"),
        dir.display(),
        env!("CARGO_BIN_EXE_buddysite"),
        dir.display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("BUDDYSITE_TODAY", "2026-06-01")
        .output()
        .expect("sh");
    let text = both(&out);
    assert!(!text.contains("panicked"), "{text}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    serde_json::from_str::<serde_json::Value>(lines[0]).expect("the first line is JSON");
    assert!(
        lines[1].starts_with("error: the link"),
        "sorted by file: {text}"
    );
}
