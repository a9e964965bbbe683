//! `buddysite new school|buddy|vraag|page`: files from commented templates that pass
//! `check`, refusing existing files and bad names (issue #13 item 3).

mod newproject;

use newproject::{assert_only_the_example_warning, both, check_json, new_project, run};
use std::path::Path;

fn new(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", dir.to_str().expect("utf-8")]);
    run(&all)
}

fn school_flags<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut flags = vec![
        "--school-name",
        "SBO De Vlonder",
        "--school-kind",
        "sbo",
        "--school-place",
        "Culemborg",
        "--school-color",
        "#7a1f3d",
        "--school-url",
        "https://buddy.swv-zuid.nl/de-vlonder/",
        "--school-contact-name",
        "Joris Smit",
        "--school-contact-email",
        "ib@devlonder.nl",
    ];
    flags.extend_from_slice(extra);
    flags
}

#[test]
fn a_new_school_passes_check_and_builds() {
    let (_tmp, dir) = new_project();
    let mut args = vec!["school", "de-vlonder"];
    args.extend(school_flags(&[]));
    let out = new(&dir, &args);
    assert!(out.status.success(), "{}", both(&out));
    let text = std::fs::read_to_string(dir.join("schools/de-vlonder.yaml")).expect("written");
    assert!(text.starts_with("# yaml-language-server: $schema=../schemas/school.json"));
    assert!(
        text.contains("# Hoofdkleur"),
        "Dutch comments explain the keys: {text}"
    );
    let (_, problems) = check_json(&dir, false);
    assert_only_the_example_warning(&problems);
    let out = run(&["build", "--root", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    assert!(dir.join("public/de-vlonder/brief/index.html").is_file());
}

#[test]
fn new_school_refuses_bad_reserved_and_existing_slugs() {
    let (_tmp, dir) = new_project();
    for (slug, expected) in [
        ("De Vlonder", "e.g. `de-vlonder`"),
        ("assets", "overview's own files"),
        ("sitemap", "overview's own files"),
        ("de-eik", "already exists"),
    ] {
        let mut args = vec!["school", slug];
        args.extend(school_flags(&[]));
        let out = new(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{slug}: {}", both(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{slug}: {err}");
    }
    let before = std::fs::read_to_string(dir.join("schools/de-eik.yaml")).expect("school");
    assert!(
        before.contains("Basisschool De Eik"),
        "the existing school is untouched"
    );
    assert!(!dir.join("schools/assets.yaml").exists());
}

#[test]
fn new_school_checks_the_colour_at_once_and_names_the_nearest_passing_shade() {
    let (_tmp, dir) = new_project();
    let args: Vec<&str> = {
        let mut a = vec!["school", "de-vlonder"];
        let flags = school_flags(&[]);
        for pair in flags.chunks(2) {
            a.push(pair[0]);
            a.push(if pair[0] == "--school-color" {
                "#808080"
            } else {
                pair[1]
            });
        }
        a
    };
    let out = new(&dir, &args);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`#808080` of `brand.primary` is hard to read"),
        "{err}"
    );
    assert!(err.contains("the nearest shade that passes is `#"), "{err}");
    assert!(
        !dir.join("schools/de-vlonder.yaml").exists(),
        "nothing is written"
    );
    let out = new(&dir, &["school", "de-vlonder", "--school-color", "zwart"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`zwart` is not a colour"), "{err}");
}

#[test]
fn a_new_buddy_passes_check_and_is_published() {
    let (_tmp, dir) = new_project();
    let out = new(
        &dir,
        &[
            "buddy",
            "samira",
            "--summary",
            "Mijn zoon zit op het sbo.",
            "--themes",
            "sbo, gedrag",
            "--languages",
            "nl,ar",
            "--consent-until",
            "2028-07-31",
        ],
    );
    assert!(out.status.success(), "{}", both(&out));
    let text = std::fs::read_to_string(dir.join("content/buddys/samira.md")).expect("written");
    assert!(
        text.contains("name: \"Samira\""),
        "the name comes from the id: {text}"
    );
    let (_, problems) = check_json(&dir, false);
    assert_only_the_example_warning(&problems);
    let out = run(&["build", "--root", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    assert!(dir.join("public/de-eik/buddys/samira/index.html").is_file());
    let again = new(
        &dir,
        &[
            "buddy",
            "samira",
            "--summary",
            "x",
            "--themes",
            "sbo",
            "--consent-until",
            "2028-07-31",
        ],
    );
    assert_eq!(again.status.code(), Some(2), "{}", both(&again));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.join("content/buddys/samira.md")).expect("kept"),
        text
    );
}

#[test]
fn new_buddy_without_a_terminal_names_the_missing_flags() {
    let (_tmp, dir) = new_project();
    let out = new(&dir, &["buddy", "peter", "--consent-until", "31-07-2028"]);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--summary"), "{err}");
    assert!(err.contains("--themes"), "{err}");
    assert!(
        err.contains("--consent-until: `31-07-2028` is not a date"),
        "{err}"
    );
    assert!(!dir.join("content/buddys/peter.md").exists());
}

#[test]
fn a_new_question_and_a_new_page_pass_check() {
    let (_tmp, dir) = new_project();
    let out = new(
        &dir,
        &["vraag", "vervoer", "--question", "Wie betaalt het vervoer?"],
    );
    assert!(out.status.success(), "{}", both(&out));
    let out = new(&dir, &["page", "info/aanmelden", "--title", "Aanmelden"]);
    assert!(out.status.success(), "{}", both(&out));
    assert!(dir.join("content/info/aanmelden.md").is_file());
    let (_, problems) = check_json(&dir, false);
    assert_only_the_example_warning(&problems);
    let out = run(&["build", "--root", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    let faq = std::fs::read_to_string(dir.join("public/de-eik/vragen/index.html")).expect("faq");
    let faq = scraper::Html::parse_document(&faq);
    let sel = scraper::Selector::parse("#vervoer").expect("selector");
    assert_eq!(faq.select(&sel).count(), 1, "the question has its anchor");
    assert!(dir
        .join("public/de-eik/info/aanmelden/index.html")
        .is_file());
    for (args, expected) in [
        (
            vec!["page", "Over ons", "--title", "x"],
            "cannot be used in a web address",
        ),
        (vec!["page", "vragen/iets", "--title", "x"], "new vraag"),
        (vec!["page", "contact", "--title", "x"], "already exists"),
        (
            vec!["vraag", "Kosten?", "--question", "x"],
            "lower-case letters",
        ),
    ] {
        let out = new(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", both(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn new_outside_a_project_says_how_to_start_one() {
    let tmp = tempfile::tempdir().expect("temp");
    let out = new(tmp.path(), &["vraag", "x", "--question", "y"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("buddysite init"));
}
