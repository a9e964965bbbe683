//! Messages in the editor's language: `--lang`, then `BUDDYSITE_LANG`, then the system's
//! language, else English; the same problem is reported in Dutch or English, with the same
//! file, line and code.

mod common;

use common::{copy_fixture, path_str, FIXED_DATE};
use std::path::Path;
use std::process::{Command, Output};

/// The environment variables that name the system's language on Unix (what `sys-locale`
/// reads), cleared so a test's result does not depend on the machine.
const LOCALE_VARS: [&str; 5] = [
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
    "BUDDYSITE_LANG",
];

/// Runs the binary with no language set anywhere, plus `env`.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(args).env("SOURCE_DATE_EPOCH", FIXED_DATE);
    for var in LOCALE_VARS {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run buddysite")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A copy of the basic fixture with a misspelt key (`brnad:`) in school `alpha`.
fn broken() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let school = dir.path().join("schools/alpha.yaml");
    let text = std::fs::read_to_string(&school).expect("read");
    std::fs::write(&school, text.replacen("brand:", "brnad:", 1)).expect("write");
    dir
}

fn check(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut args = vec!["check", "--root", path_str(root)];
    args.extend_from_slice(extra);
    run(&args, env)
}

const DUTCH: [&str; 4] = [
    "fout: onbekende instelling `brnad`",
    "--> schools/alpha.yaml:5:1",
    "= tip: bedoel je `brand`? Hier kun je deze instellingen gebruiken:",
    "1 fout, 3 waarschuwingen",
];

fn assert_dutch(o: &Output) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for part in DUTCH {
        assert!(err.contains(part), "{part:?} not in:\n{err}");
    }
    for english in [
        "error:",
        "unknown key",
        "help:",
        "warning:",
        "consent of",
        "404 page",
    ] {
        assert!(!err.contains(english), "{english:?} in:\n{err}");
    }
}

#[test]
fn lang_nl_gives_dutch_messages_help_and_summary() {
    let dir = broken();
    assert_dutch(&check(dir.path(), &["--lang", "nl"], &[]));
    // A global flag: before the subcommand too.
    let root = dir.path().to_str().expect("utf-8");
    assert_dutch(&run(&["--lang", "nl", "check", "--root", root], &[]));
}

#[test]
fn buddysite_lang_gives_dutch_messages() {
    let dir = broken();
    assert_dutch(&check(dir.path(), &[], &[("BUDDYSITE_LANG", "nl")]));
}

#[test]
fn the_system_language_is_used_when_nothing_else_says() {
    let dir = broken();
    assert_dutch(&check(dir.path(), &[], &[("LANG", "nl_NL.UTF-8")]));
}

#[test]
fn lang_overrides_buddysite_lang_which_overrides_the_system() {
    let dir = broken();
    let o = check(
        dir.path(),
        &["--lang", "en"],
        &[("BUDDYSITE_LANG", "nl"), ("LANG", "nl_NL.UTF-8")],
    );
    assert!(
        stderr(&o).contains("error: unknown key `brnad`"),
        "{}",
        stderr(&o)
    );
    let o = check(
        dir.path(),
        &[],
        &[("BUDDYSITE_LANG", "en"), ("LANG", "nl_NL.UTF-8")],
    );
    assert!(
        stderr(&o).contains("error: unknown key `brnad`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn english_is_the_default() {
    let dir = broken();
    let o = check(dir.path(), &[], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for part in [
        "error: unknown key `brnad`",
        "--> schools/alpha.yaml:5:1",
        "= help: did you mean `brand`? Allowed keys here:",
        "1 error, 3 warnings", // the 404 page, consent, and the letter without `base_url`
    ] {
        assert!(err.contains(part), "{part:?} not in:\n{err}");
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let dir = broken();
    let o = check(dir.path(), &["--lang", "fr"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--lang en or --lang nl"),
        "{}",
        stderr(&o)
    );
    // An unknown BUDDYSITE_LANG falls back to the next source, as LANG=C does.
    let o = check(dir.path(), &[], &[("BUDDYSITE_LANG", "fr"), ("LANG", "C")]);
    assert!(stderr(&o).contains("error: unknown key"), "{}", stderr(&o));
}

#[test]
fn build_and_check_summaries_are_dutch() {
    let dir = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let o = run(
        &[
            "build",
            "--lang",
            "nl",
            "--root",
            path_str(dir.path()),
            "--output",
            path_str(&out.path().join("public")),
        ],
        &[],
    );
    let said = stdout(&o);
    assert!(o.status.success(), "{said}{}", stderr(&o));
    let summary = said.lines().last().unwrap_or_default();
    assert!(summary.starts_with("2 scholen gemaakt: "), "{said}");
    assert!(summary.contains(" pagina's, "), "{said}");
    assert!(summary.contains(" geschreven, "), "{said}");

    let broken = self::broken();
    let o = run(
        &["build", "--root", path_str(broken.path())],
        &[("BUDDYSITE_LANG", "nl")],
    );
    assert!(
        stderr(&o).contains("bouwen mislukt: er is niets geschreven"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_project_folder_is_explained_in_dutch() {
    let o = run(
        &["check", "--root", "/does/not/exist/buddysite"],
        &[("BUDDYSITE_LANG", "nl")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("fout: de projectmap /does/not/exist/buddysite bestaat niet"),
        "{}",
        stderr(&o)
    );
}
