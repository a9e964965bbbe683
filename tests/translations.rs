//! Translations that cannot silently go stale (issue #11): `buddysite translations`, its
//! `--mark`, and the warnings `check` and `build` give about translations, over the fixture
//! project `tests/fixtures/translations` (Dutch sources with English translations).

mod common;

use common::{buddysite, copy_fixture, path_str};
use std::collections::BTreeMap;
use std::path::Path;

const LABELS: &[&str] = &[
    "up to date",
    "outdated",
    "unmarked",
    "missing",
    "no source",
    "not configured",
];

/// `buddysite translations` on `root` with `args`: (exit code, file → (status, place), stdout,
/// stderr).
fn status(root: &Path, args: &[&str]) -> (i32, BTreeMap<String, (String, String)>, String, String) {
    let mut all = vec!["translations", "--root", path_str(root)];
    all.extend_from_slice(args);
    let out = buddysite(&all);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut rows = BTreeMap::new();
    for line in stdout.lines() {
        let Some(row) = line.strip_prefix("  ") else {
            continue;
        };
        let label = LABELS
            .iter()
            .find(|l| row.starts_with(**l))
            .unwrap_or_else(|| panic!("unknown status row {line:?}"));
        let place = row[label.len()..].split_whitespace().next().unwrap_or("");
        let file = place.split(':').next().unwrap_or("").to_owned();
        rows.insert(file, ((*label).to_owned(), place.to_owned()));
    }
    (out.status.code().unwrap_or(-1), rows, stdout, stderr)
}

/// A problem as printed: severity, message, `file:line:column`.
#[derive(Debug, Clone)]
struct Printed {
    severity: String,
    message: String,
    at: String,
    help: String,
}

fn printed(stderr: &str) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    for line in stderr.lines() {
        if let Some((severity, message)) = line
            .split_once(": ")
            .filter(|(s, _)| *s == "warning" || *s == "error")
        {
            out.push(Printed {
                severity: severity.to_owned(),
                message: message.to_owned(),
                at: String::new(),
                help: String::new(),
            });
        } else if let (Some(at), Some(last)) = (line.trim().strip_prefix("--> "), out.last_mut()) {
            last.at = at.to_owned();
        } else if let (Some(help), Some(last)) =
            (line.trim().strip_prefix("= help: "), out.last_mut())
        {
            last.help = help.to_owned();
        }
    }
    out
}

/// `buddysite check` on `root`: exit code and the problems printed.
fn check(root: &Path, strict: bool) -> (i32, Vec<Printed>) {
    let mut args = vec!["check", "--root", path_str(root)];
    if strict {
        args.push("--strict");
    }
    let out = buddysite(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), printed(&stderr))
}

fn translation_problems(problems: &[Printed]) -> Vec<&Printed> {
    problems
        .iter()
        .filter(|p| p.at.contains(".en.md"))
        .collect()
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn every_translation_is_listed_with_its_state() {
    let dir = copy_fixture("translations");
    let (code, rows, stdout, _) = status(dir.path(), &[]);
    let want = [
        ("content/index.en.md", "up to date"),
        ("content/brief.en.md", "up to date"),
        ("content/contact.en.md", "up to date"),
        ("content/over.en.md", "up to date"),
        ("content/buddys/ada.en.md", "up to date"),
        ("content/vragen/kosten.en.md", "up to date"),
        ("schools/alpha/brief.en.md", "up to date"),
        ("content/vragen/hulp.en.md", "unmarked"),
        ("content/vragen/stoppen.en.md", "missing"),
        ("content/buddys/_index.en.md", "missing"),
        ("content/vragen/_index.en.md", "missing"),
    ];
    for (file, label) in want {
        assert_eq!(
            rows.get(file).map(|r| r.0.as_str()),
            Some(label),
            "{file}:\n{stdout}"
        );
    }
    assert_eq!(rows.len(), want.len(), "{stdout}");
    assert!(
        stdout.contains("en: 7 up to date, 0 outdated, 1 unmarked, 3 missing"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("translations: 7 up to date, 0 outdated, 1 unmarked, 3 missing (1 language)"),
        "{stdout}"
    );
    // An unmarked translation needs a translator's look: exit 1.
    assert_eq!(code, 1, "{stdout}");

    // Once it is marked, only missing translations are left: they fall back to Dutch, so
    // that passes, except with --strict.
    let (code, _, _, _) = status(dir.path(), &["--mark", "content/vragen/hulp.en.md"]);
    assert_eq!(code, 0);
    let (code, rows, stdout, _) = status(dir.path(), &["--language", "en"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(rows["content/vragen/hulp.en.md"].0, "up to date");
    let (code, _, _, _) = status(dir.path(), &["--strict"]);
    assert_eq!(code, 1);

    // A language that is not configured, or the source language, is a usage error.
    for (lang, says) in [
        ("de", "not one of the languages"),
        ("nl", "source language"),
    ] {
        let (code, _, _, stderr) = status(dir.path(), &["--language", lang]);
        assert_eq!(code, 2, "{lang}");
        assert!(stderr.contains(says), "{lang}: {stderr}");
    }
}

#[test]
fn a_changed_source_makes_its_translation_outdated_until_it_is_marked() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    edit(
        root,
        "content/index.md",
        "Lees [de brief]",
        "Nieuw: er is een inloopochtend. Lees [de brief]",
    );
    let (code, rows, stdout, _) = status(root, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        rows["content/index.en.md"],
        ("outdated".to_owned(), "content/index.en.md:2".to_owned()),
        "{stdout}"
    );
    assert!(
        stdout.contains("content/index.md changed since"),
        "{stdout}"
    );

    // `check` and `build` warn at the `source:` line, naming the source and what to run;
    // `check --strict` fails on it.
    let (code, problems) = check(root, false);
    assert_eq!(code, 0);
    let outdated: Vec<&Printed> = problems
        .iter()
        .filter(|p| p.message.contains("outdated"))
        .collect();
    assert_eq!(outdated.len(), 1, "{problems:#?}");
    assert_eq!(outdated[0].severity, "warning");
    assert_eq!(outdated[0].at, "content/index.en.md:2:9");
    assert!(outdated[0].message.contains("content/index.md changed"));
    assert!(
        outdated[0]
            .help
            .contains("buddysite translations --mark content/index.en.md"),
        "{}",
        outdated[0].help
    );
    let (code, _) = check(root, true);
    assert_eq!(code, 1);
    let out_dir = tempfile::tempdir().expect("tmp");
    let built = common::build_ok(root, &out_dir.path().join("public"));
    let build_err = printed(&String::from_utf8_lossy(&built.stderr));
    assert!(
        build_err
            .iter()
            .any(|p| p.at == "content/index.en.md:2:9" && p.message.contains("outdated")),
        "{build_err:#?}"
    );

    // The translator updates the text and marks it: up to date again, warning gone.
    let (code, _, stdout, _) = status(root, &["--mark", "content/index.en.md"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("marked content/index.en.md"), "{stdout}");
    let (_, rows, _, _) = status(root, &[]);
    assert_eq!(rows["content/index.en.md"].0, "up to date");
    let (_, problems) = check(root, false);
    assert!(
        !problems.iter().any(|p| p.message.contains("outdated")),
        "{problems:#?}"
    );
}

#[test]
fn changes_that_readers_do_not_read_keep_translations_up_to_date() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    // Renewing a buddy's consent, reordering the menu, and saving with a BOM and Windows line
    // endings and trailing spaces change nothing for readers.
    edit(root, "content/buddys/ada.md", "2030-01-01", "2031-06-30");
    edit(root, "content/index.md", "weight: 0", "weight: 5");
    let brief = std::fs::read_to_string(root.join("content/brief.md")).expect("read");
    let windows = format!("\u{feff}{}\r\n\r\n", brief.replace('\n', "  \r\n"));
    std::fs::write(root.join("content/brief.md"), windows).expect("write");
    let (_, rows, stdout, _) = status(root, &[]);
    for file in [
        "content/buddys/ada.en.md",
        "content/index.en.md",
        "content/brief.en.md",
        "schools/alpha/brief.en.md",
    ] {
        assert_eq!(rows[file].0, "up to date", "{file}:\n{stdout}");
    }
    // A change to a text for readers in the front matter does count.
    edit(
        root,
        "content/buddys/ada.md",
        "Ada helpt graag.",
        "Ada helpt graag, ook 's avonds.",
    );
    let (_, rows, _, _) = status(root, &[]);
    assert_eq!(rows["content/buddys/ada.en.md"].0, "outdated");
}

#[test]
fn mark_records_the_hash_and_keeps_every_other_byte() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    let file = root.join("content/vragen/hulp.en.md");
    let original =
        "\u{feff}---\r\n# Vertaald door Fatima, nagekeken door Sam\r\nquestion: \"Who helps me?\"\r\nweight: 30\r\n---\r\nA buddy from [naam school].\r\n";
    std::fs::write(&file, original).expect("write");
    let (code, _, stdout, stderr) = status(root, &["--mark", "content/vragen/hulp.en.md"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let marked = std::fs::read(&file).expect("read");
    let (head, rest) = marked.split_at("\u{feff}---\r\nsource: ".len());
    assert_eq!(head, "\u{feff}---\r\nsource: ".as_bytes());
    let hash = std::str::from_utf8(&rest[..8]).expect("utf-8").to_owned();
    assert!(
        hash.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{hash}"
    );
    // After the hash: the line ending the file uses, then the file exactly as it was.
    let after = format!("\r\n{}", &original["\u{feff}---\r\n".len()..]);
    assert_eq!(&rest[8..], after.as_bytes());
    assert!(stdout.contains(&format!("(source: {hash})")), "{stdout}");
    let (_, rows, _, _) = status(root, &[]);
    assert_eq!(rows["content/vragen/hulp.en.md"].0, "up to date");

    // Marking again changes nothing; an old value is replaced in place, its comment kept.
    let (_, _, stdout, _) = status(root, &["--mark", "content/vragen/hulp.en.md"]);
    assert!(stdout.contains("already marked"), "{stdout}");
    assert_eq!(std::fs::read(&file).expect("read"), marked);
    let text = String::from_utf8(marked).expect("utf-8");
    std::fs::write(
        &file,
        text.replace(
            &format!("source: {hash}"),
            "source: \"0badcafe\" # first version",
        ),
    )
    .expect("write");
    let (code, _, _, _) = status(root, &["--mark", "content/vragen/hulp.en.md"]);
    assert_eq!(code, 0);
    let remarked = std::fs::read_to_string(&file).expect("read");
    assert_eq!(
        remarked,
        text.replace(
            &format!("source: {hash}"),
            &format!("source: {hash} # first version")
        )
    );
}

#[test]
fn mark_refuses_anything_but_translations_in_the_project() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    let outside = tempfile::tempdir().expect("tmp");
    let stray = outside.path().join("brief.en.md");
    std::fs::write(&stray, "---\ntitle: x\n---\n").expect("write");
    std::fs::write(root.join("content/oud.en.md"), "---\ntitle: Old\n---\n").expect("write");
    std::fs::write(root.join("content/kaal.en.md"), "no front matter\n").expect("write");
    std::fs::write(root.join("content/kaal.md"), "---\ntitle: Kaal\n---\n").expect("write");
    #[cfg(unix)]
    {
        std::fs::write(root.join("content/link.md"), "---\ntitle: Link\n---\n").expect("write");
        std::os::unix::fs::symlink(&stray, root.join("content/link.en.md")).expect("symlink");
    }
    let before = common::tree(root);
    let cases: &[(&str, &str)] = &[
        // The tests run in the crate folder, which has a `content/brief.md` of its own: a
        // relative path means the file of the project given with --root.
        ("content/brief.md", "is not a translation"),
        (path_str(&stray), "outside the project"),
        ("content/nergens.en.md", "no such file"),
        ("schools/alpha.yaml", "not a Markdown file in content/"),
        ("content/oud.en.md", "there is no content/oud.md"),
        ("content/kaal.en.md", "no front matter"),
        #[cfg(unix)]
        ("content/link.en.md", "this is a link"),
    ];
    for (file, says) in cases {
        // With a good file beside it: nothing at all is written.
        let (code, _, _, stderr) = status(root, &["--mark", "content/vragen/hulp.en.md", file]);
        assert_eq!(code, 2, "{file}: {stderr}");
        assert!(stderr.contains(says), "{file}: {stderr}");
        assert!(stderr.contains("no file was changed"), "{stderr}");
    }
    assert_eq!(
        common::tree(root),
        before,
        "a refused --mark changed a file"
    );
    assert_eq!(
        std::fs::read_to_string(&stray).expect("read"),
        "---\ntitle: x\n---\n"
    );
}

#[test]
fn consistency_warnings_name_what_the_translation_dropped_at_its_line() {
    let dir = copy_fixture("translations");
    let (code, problems) = check(dir.path(), false);
    assert_eq!(code, 0, "{problems:#?}");
    let found: Vec<(String, String)> = translation_problems(&problems)
        .iter()
        .filter(|p| p.message.contains("is missing from"))
        .map(|p| (p.at.clone(), p.message.clone()))
        .collect();
    let want = [
        // a placeholder, at the line of the sentence that lost it
        (
            "schools/alpha/brief.en.md:12:1",
            "the placeholder `[naam contactpersoon]`",
            "content/brief.md uses it at line 11",
        ),
        // the contact's e-mail address, and the e-mail link to it
        (
            "content/contact.en.md:8:1",
            "the template value `{{ school.contact.email }}`",
            "content/contact.md uses it at line 7",
        ),
        (
            "content/contact.en.md:8:1",
            "the e-mail link `mailto:{{ school.contact.email }}`",
            "line 7",
        ),
        // a link to the letter
        (
            "content/over.en.md:8:1",
            "the link to `brief.md`",
            "content/over.md uses it at line 7",
        ),
        // an FAQ anchor
        (
            "content/vragen/kosten.en.md:6:1",
            "the link to the anchor `#stoppen`",
            "content/vragen/kosten.md uses it at line 5",
        ),
    ];
    for (at, what, source) in want {
        assert!(
            found
                .iter()
                .any(|(a, m)| a == at && m.starts_with(what) && m.contains(source)),
            "no warning {at} {what}: {found:#?}"
        );
    }
    assert_eq!(found.len(), want.len(), "{found:#?}");
    // Faithful translations (sentences and links in another order, a placeholder written as
    // the value it stands for, `brief.en.md` for `brief.md`) get none.
    for faithful in [
        "content/brief.en.md",
        "content/index.en.md",
        "content/buddys/ada.en.md",
    ] {
        assert!(
            !problems.iter().any(|p| p.at.starts_with(faithful)),
            "{faithful}: {problems:#?}"
        );
    }
    // The only other translation warning is the unmarked one.
    let others: Vec<&Printed> = translation_problems(&problems)
        .into_iter()
        .filter(|p| !p.message.contains("is missing from"))
        .collect();
    assert_eq!(others.len(), 1, "{others:#?}");
    assert_eq!(others[0].at, "content/vragen/hulp.en.md:1:1");
    assert!(others[0]
        .message
        .contains("does not record which version of content/vragen/hulp.md"));
    // Nothing else in the fixture warns, so --strict fails for the translations alone.
    assert_eq!(problems.len(), want.len() + 1, "{problems:#?}");
    let (code, _) = check(dir.path(), true);
    assert_eq!(code, 1);
}

#[test]
fn a_dropped_item_is_reported_at_the_top_when_paragraphs_do_not_line_up() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    std::fs::write(
        root.join("content/over.en.md"),
        "---\ntitle: \"About\"\nweight: 50\n---\nThe buddy programme links parents with parents, and everything is explained in the letter.\n",
    )
    .expect("write");
    let (_, problems) = check(root, false);
    let p = problems
        .iter()
        .find(|p| p.at.starts_with("content/over.en.md") && p.message.contains("`brief.md`"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(p.at, "content/over.en.md:4:1");
    assert!(p.message.contains("do not line up"), "{}", p.message);
}

#[test]
fn the_renderer_can_ask_which_translations_are_outdated() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    let today = buddysite::date::parse("2026-06-01").expect("date");
    let project = buddysite::build::load_on(root, today).expect("loads");
    assert!(buddysite::load::translations::outdated(&project).is_empty());
    edit(
        root,
        "content/brief.md",
        "Een buddy luistert.",
        "Een buddy luistert en denkt mee.",
    );
    let project = buddysite::build::load_on(root, today).expect("loads");
    // The shared English letter and alpha's own English letter both translate it.
    let outdated: Vec<String> = buddysite::load::translations::outdated(&project)
        .into_iter()
        .collect();
    assert_eq!(
        outdated,
        ["content/brief.en.md", "schools/alpha/brief.en.md"]
    );
}
