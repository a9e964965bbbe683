//! A new project made with `buddysite init` and flags, shared by the editor-command tests
//! (init, new, schema, consents, check --format).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The flags of a complete `init`; `extra` (flag, value pairs) adds or overrides some.
pub fn init_args<'a>(dir: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "init",
        dir,
        "--swv-name",
        "Samenwerkingsverband Passend Onderwijs Zuid",
        "--short-name",
        "SWV Zuid",
        "--contact-name",
        "Marieke de Vries",
        "--contact-email",
        "ouders@swv-zuid.nl",
        "--contact-phone",
        "0344 12 34 56",
        "--school-name",
        "Basisschool De Eik",
        "--school-slug",
        "de-eik",
        "--school-place",
        "Tiel",
        "--school-color",
        "#1d4f91",
        "--school-url",
        "https://buddy.swv-zuid.nl/de-eik/",
        "--school-contact-name",
        "Anja Bos",
        "--school-contact-email",
        "ib@de-eik.nl",
    ];
    for pair in extra.chunks(2) {
        match args.iter().position(|a| *a == pair[0]) {
            Some(i) if pair.len() == 2 => args[i + 1] = pair[1],
            _ => args.extend_from_slice(pair),
        }
    }
    args
}

/// Runs the real binary with no terminal on standard input (so it never asks) and today
/// fixed to 2026-06-01.
pub fn run(args: &[&str]) -> Output {
    run_in(None, args)
}

/// Like [`run`], in folder `dir`.
pub fn run_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(args)
        .env("BUDDYSITE_TODAY", "2026-06-01")
        .stdin(Stdio::null());
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    cmd.output().expect("run buddysite")
}

/// Text of standard output and standard error together, for messages in assertions.
pub fn both(o: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A new project in a fresh temporary folder: (the folder guard, the project folder).
pub fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("buddys");
    let dir_str = dir.to_str().expect("utf-8").to_owned();
    let out = run(&init_args(&dir_str, &[]));
    assert!(out.status.success(), "init failed: {}", both(&out));
    (tmp, dir)
}

/// `check --format json --root dir`, parsed: one object per line.
pub fn check_json(dir: &Path, strict: bool) -> (Output, Vec<serde_json::Value>) {
    let root = dir.to_str().expect("utf-8");
    let mut args = vec!["check", "--format", "json", "--root", root];
    if strict {
        args.push("--strict");
    }
    let out = run(&args);
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    (out, lines)
}

/// The one problem a new project has: the example buddy's ended consent.
pub fn assert_only_the_example_warning(problems: &[serde_json::Value]) {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(p["file"], "content/buddys/voorbeeld.md", "{p}");
    assert_eq!(p["severity"], "warning", "{p}");
    assert!(
        p["message"]
            .as_str()
            .is_some_and(|m| m.contains("consent of buddy Voorbeeld ended")),
        "{p}"
    );
}
