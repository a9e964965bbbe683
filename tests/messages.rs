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

/// A copy of the basic fixture whose page skips a heading level and whose logo has a script.
fn with_findings() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let over = dir.path().join("content/over.md");
    let text = std::fs::read_to_string(&over).expect("read");
    std::fs::write(&over, text.replacen("## Doel", "#### Doel", 1)).expect("write");
    std::fs::write(
        dir.path().join("schools/alpha/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>",
    )
    .expect("write logo");
    dir
}

#[test]
fn render_findings_and_image_notes_are_dutch_even_from_the_image_cache() {
    let dir = with_findings();
    // English first: the cleaned logo (with its note) goes into the image cache.
    let o = check(dir.path(), &[], &[]);
    let err = stderr(&o);
    assert!(
        err.contains("error: this heading skips a level: `####` comes after the page title"),
        "{err}"
    );
    assert!(
        err.contains("removed from the image: the <script> element was removed")
            || err.contains("removed from the image: removed the <script> element"),
        "{err}"
    );
    // Dutch next, from the same cache: the note is shown in Dutch, not as it was cached.
    let o = check(dir.path(), &["--lang", "nl"], &[]);
    let err = stderr(&o);
    for part in [
        "fout: deze kop slaat een niveau over: `####` komt na de titel van de pagina",
        "--> content/over.md:5:1",
        "= tip: gebruik hier `##`: elke kop mag maar één niveau dieper gaan",
        "waarschuwing: uit de afbeelding gehaald: het element <script> is weggehaald (scripts draaien nooit in een gepubliceerd bestand)",
        "--> schools/alpha/logo.svg",
    ] {
        assert!(err.contains(part), "{part:?} not in:\n{err}");
    }
    for english in ["heading", "removed", "error:", "warning:", "help:"] {
        assert!(!err.contains(english), "{english:?} in:\n{err}");
    }
}

#[test]
fn command_line_texts_are_dutch() {
    let dir = copy_fixture("basic");
    let root = path_str(dir.path());
    // consents: the table's words.
    let o = run(&["consents", "--lang", "nl", "--root", root], &[]);
    let out = stdout(&o);
    assert!(
        out.starts_with("toestemming van de buddyprofielen op 2026-06-01 (Nederlandse tijd)"),
        "{out}"
    );
    assert!(
        out.contains("gestopt, 121 dagen geleden (niet gepubliceerd)"),
        "{out}"
    );
    assert!(out.contains("scholen: "), "{out}");
    assert!(
        out.contains("1 toestemming stopt binnen 30 dagen of is al gestopt"),
        "{out}"
    );
    // new: a refused name, and the values that are missing without a terminal.
    let o = run(
        &["new", "school", "De Eik", "--root", root],
        &[("BUDDYSITE_LANG", "nl")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "fout: `De Eik` kan geen mapnaam van een school zijn: gebruik alleen kleine letters, cijfers en `-`, bijvoorbeeld `de-eik`"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(
        &["new", "buddy", "dirk", "--root", root],
        &[("BUDDYSITE_LANG", "nl")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("deze gegevens zijn nodig; geef ze op als opties"),
        "{err}"
    );
    assert!(
        err.contains("  --summary (één zin voor op de kaart)"),
        "{err}"
    );
    // translations: the listing.
    let o = run(&["translations", "--lang", "nl", "--root", root], &[]);
    assert!(
        stdout(&o).contains("de sites zijn alleen in het nl"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn help_is_in_the_chosen_language() {
    let o = run(&["--help"], &[("BUDDYSITE_LANG", "nl")]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    for part in [
        "Gebruik: buddysite [OPTIONS] <COMMAND>",
        "Opdrachten:",
        "  check         Maak alles in het geheugen en meld elk probleem; schrijft niets",
        "Opties:",
        "  -h, --help         Laat deze hulp zien",
        "  help          Laat deze hulp zien, of de hulp bij de genoemde opdracht(en)",
    ] {
        assert!(out.contains(part), "{part:?} not in:\n{out}");
    }
    let o = run(&["check", "--help", "--lang", "nl"], &[]);
    let out = stdout(&o);
    assert!(
        out.contains("--root <ROOT>      Projectmap (daarin staat buddysite.yaml) [standaard: .]"),
        "{out}"
    );
    assert!(
        out.contains("[standaard: text] [mogelijk: text, json, github]"),
        "{out}"
    );
    assert!(
        !out.contains("Print help") && !out.contains("default:"),
        "{out}"
    );
    // English stays as clap wrote it.
    let o = run(&["check", "--help"], &[]);
    let out = stdout(&o);
    for part in [
        "Usage: buddysite check [OPTIONS]",
        "Options:",
        "--root <ROOT>      Project folder (holds buddysite.yaml) [default: .]",
        "-h, --help             Print help",
    ] {
        assert!(out.contains(part), "{part:?} not in:\n{out}");
    }
}

/// Words of a shell line as the README writes them: spaces between, `"…"` around a word
/// with spaces, `\` at a line's end to go on.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.replace("\\\n", " ").chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// Runs `buddysite` with `args` in `dir` (no terminal, no language set); stdout then stderr.
fn shown_in(dir: &Path, args: &[String]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        .stdin(std::process::Stdio::null());
    for var in LOCALE_VARS {
        cmd.env_remove(var);
    }
    let o = cmd.output().expect("run buddysite");
    format!("{}{}", stdout(&o), stderr(&o))
}

/// The README's Dutch samples (`$ buddysite …` blocks, and what `init` with flags says) are
/// the binary's real output, run in a copy of this repository's example with the mistake the
/// sample shows.
#[test]
fn the_readme_dutch_samples_are_the_real_output() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(repo.join("README.md")).expect("README");
    let work = tempfile::tempdir().expect("temp");
    let root = work.path();
    std::fs::copy(repo.join("buddysite.yaml"), root.join("buddysite.yaml")).expect("copy");
    for d in ["content", "schools"] {
        common::copy_dir(&repo.join(d), &root.join(d));
    }
    let school = root.join("schools/t-klaverblad.yaml");
    let old = std::fs::read_to_string(&school).expect("read");
    std::fs::write(&school, old.replace("  primary:", "  primray:")).expect("write");
    let mut samples = 0;
    for block in readme.split("```text\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let Some((first, expected)) = block.split_once('\n') else {
            continue;
        };
        let Some(command) = first.strip_prefix("$ buddysite ") else {
            continue;
        };
        if !command.contains("--lang nl") {
            continue;
        }
        let shown = shown_in(root, &shell_words(command));
        assert_eq!(
            shown.trim_end(),
            expected.trim_end(),
            "README sample `{first}`"
        );
        samples += 1;
    }
    assert!(samples >= 3, "README has {samples} Dutch samples");
    // `init` with every flag, and what it says.
    let (_, after) = readme
        .split_once("```sh\nbuddysite init mijn-buddysite --swv-name")
        .expect("the init sample");
    let (flags, rest) = after.split_once("```").expect("end of the sample");
    let mut args = shell_words(&format!("init mijn-buddysite --swv-name{flags}"));
    args.extend(["--lang".to_owned(), "nl".to_owned()]);
    let expected = rest
        .split_once("```text\n")
        .and_then(|(_, b)| b.split_once("```"))
        .map(|(b, _)| b)
        .expect("what init says");
    let fresh = tempfile::tempdir().expect("temp");
    let shown = shown_in(fresh.path(), &args);
    assert_eq!(shown.trim_end(), expected.trim_end());
}
