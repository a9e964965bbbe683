//! Consent in the Netherlands' time: a profile is published through its `consent_until` day
//! as the Netherlands count it and gone from the next, `check` and `build` warn 30 days
//! ahead, and the advice for an ended consent, when followed, gives a clean build.

mod common;

use common::{copy_dir, path_str, tree};
use std::path::Path;
use std::process::{Command, Output};

fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        repo.join("buddysite.yaml"),
        dir.path().join("buddysite.yaml"),
    )
    .expect("copy");
    for folder in ["content", "schools", "themes"] {
        if repo.join(folder).is_dir() {
            copy_dir(&repo.join(folder), &dir.path().join(folder));
        }
    }
    dir
}

/// How "now" is fixed for one run.
enum Now<'a> {
    /// `BUDDYSITE_TODAY=YYYY-MM-DD`.
    Day(&'a str),
    /// `SOURCE_DATE_EPOCH=seconds`: a moment, read in Dutch time.
    Epoch(&'a str),
}

fn run(now: Now, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(args)
        .env_remove("BUDDYSITE_TODAY")
        .env_remove("SOURCE_DATE_EPOCH");
    match now {
        Now::Day(d) => cmd.env("BUDDYSITE_TODAY", d),
        Now::Epoch(s) => cmd.env("SOURCE_DATE_EPOCH", s),
    };
    cmd.output().expect("run buddysite")
}

fn all_text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Sets `consent_until` of example buddy `id` and returns the line it is on.
fn set_consent(root: &Path, id: &str, date: &str) -> usize {
    let path = root.join(format!("content/buddys/{id}.md"));
    let text = std::fs::read_to_string(&path).expect("read");
    let mut line_no = 0;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if l.starts_with("consent_until:") {
                line_no = i + 1;
                format!("consent_until: {date}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    assert!(line_no > 0, "{id} has no consent_until");
    line_no
}

/// The school pages that show buddy `id`.
fn pages_of(out: &Path, id: &str) -> Vec<String> {
    tree(out)
        .into_keys()
        .filter(|p| p.ends_with(&format!("buddys/{id}/index.html")))
        .collect()
}

fn build(now: Now, root: &Path) -> (Output, std::path::PathBuf) {
    let out = root.join("public");
    let o = run(
        now,
        &[
            "build",
            "--root",
            path_str(root),
            "--output",
            path_str(&out),
        ],
    );
    (o, out)
}

#[test]
fn consent_ends_at_midnight_in_the_netherlands_not_in_utc() {
    // 2027-01-31 22:30 UTC is 23:30 in Amsterdam (winter, UTC+1): still the last day.
    let dir = example();
    set_consent(dir.path(), "olena", "2027-01-31");
    let (o, out) = build(Now::Epoch("1801434600"), dir.path());
    assert!(o.status.success(), "{}", all_text(&o));
    let shown = pages_of(&out, "olena");
    assert!(
        shown.contains(&"t-klaverblad/buddys/olena/index.html".to_owned()) && shown.len() > 1,
        "{shown:?}"
    );

    // 2027-01-31 23:30 UTC is 00:30 on 1 February in Amsterdam: the profile is gone, although
    // it is still the 31st in UTC.
    let dir = example();
    set_consent(dir.path(), "olena", "2027-01-31");
    let (o, out) = build(Now::Epoch("1801438200"), dir.path());
    assert!(o.status.success(), "{}", all_text(&o));
    assert_eq!(pages_of(&out, "olena"), Vec::<String>::new());
    let overview = common::html(&out, "t-klaverblad/buddys/index.html");
    let cards = common::texts(&overview, "main").join(" ");
    assert!(!cards.contains("Olena"), "{cards}");
    assert!(all_text(&o).contains("consent of buddy Olena ended on 2027-01-31"));

    // In summer (UTC+2) the day ends at 22:00 UTC.
    let dir = example();
    set_consent(dir.path(), "olena", "2027-07-31");
    let (o, out) = build(Now::Epoch("1817069400"), dir.path());
    assert!(o.status.success(), "{}", all_text(&o));
    assert!(!pages_of(&out, "olena").is_empty());
    let (_, out) = build(Now::Epoch("1817073000"), dir.path());
    assert_eq!(pages_of(&out, "olena"), Vec::<String>::new());
}

#[test]
fn thirty_days_ahead_check_and_build_warn_at_the_consent_line() {
    let dir = example();
    let root = dir.path();
    let line = set_consent(root, "olena", "2027-07-31");

    // 31 days ahead: nothing to say.
    let quiet = run(
        Now::Day("2027-06-30"),
        &["check", "--strict", "--root", path_str(root)],
    );
    assert!(quiet.status.success(), "{}", all_text(&quiet));

    // 30 days ahead: a warning at the date, which fails `check --strict`; `build` publishes.
    let check = run(
        Now::Day("2027-07-01"),
        &["check", "--strict", "--root", path_str(root)],
    );
    let text = all_text(&check);
    assert_eq!(check.status.code(), Some(1), "{text}");
    assert!(
        text.contains("warning: consent of buddy Olena ends on 2027-07-31 (in 30 days)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("--> content/buddys/olena.md:{line}:16")),
        "{text}"
    );
    assert!(text.contains("update `consent_until`"), "{text}");

    let (o, out) = build(Now::Day("2027-07-31"), root);
    let text = all_text(&o);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("today is the last day"), "{text}");
    assert!(
        !pages_of(&out, "olena").is_empty(),
        "published through its last day"
    );
}

#[test]
fn the_advice_for_ended_consent_names_the_school_lists_and_following_it_builds_cleanly() {
    let dir = example();
    let root = dir.path();
    set_consent(root, "olena", "2027-07-31");
    // A second school that lists the buddy, so the advice must name two files.
    let vlonder = root.join("schools/sbo-de-vlonder.yaml");
    let yaml = std::fs::read_to_string(&vlonder).expect("read");
    std::fs::write(
        &vlonder,
        yaml.replace("buddies:\n", "buddies:\n  - olena\n"),
    )
    .expect("write");

    let check = run(Now::Day("2027-08-01"), &["check", "--root", path_str(root)]);
    let text = all_text(&check);
    assert!(
        check.status.success(),
        "an ended consent is a warning:\n{text}"
    );
    let help = text
        .lines()
        .find(|l| l.contains("renew `consent_until`"))
        .unwrap_or_else(|| panic!("no advice in:\n{text}"));
    let listed = help
        .split("from these school files: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no school files in: {help}"));
    let places: Vec<(String, usize)> = listed
        .split(", ")
        .map(|p| {
            let (file, line) = p.trim().rsplit_once(':').expect("file:line");
            (file.to_owned(), line.parse().expect("line number"))
        })
        .collect();
    assert_eq!(
        places,
        vec![
            ("schools/sbo-de-vlonder.yaml".to_owned(), 15),
            ("schools/t-klaverblad.yaml".to_owned(), 18)
        ],
        "{help}"
    );
    assert!(help.contains("remove `olena`"), "{help}");

    // Follow the advice: delete the file and the list entries it names.
    std::fs::remove_file(root.join("content/buddys/olena.md")).expect("delete");
    for (file, line) in &places {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        let kept: Vec<&str> = text
            .lines()
            .enumerate()
            .filter(|(i, l)| {
                let named = i + 1 == *line;
                assert!(
                    !named || l.trim() == "- olena",
                    "line {line} of {file} is `{l}`"
                );
                !named
            })
            .map(|(_, l)| l)
            .collect();
        std::fs::write(&path, kept.join("\n") + "\n").expect("write");
    }
    let check = run(
        Now::Day("2027-08-01"),
        &["check", "--strict", "--root", path_str(root)],
    );
    assert!(check.status.success(), "{}", all_text(&check));
    let (o, out) = build(Now::Day("2027-08-01"), root);
    assert!(o.status.success(), "{}", all_text(&o));
    assert!(pages_of(&out, "olena").is_empty());
}

#[test]
fn a_date_that_is_not_understood_stops_the_build() {
    let dir = example();
    let o = run(
        Now::Day("1-8-2027"),
        &["check", "--root", path_str(dir.path())],
    );
    let text = all_text(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains("BUDDYSITE_TODAY is not a date: `1-8-2027`"),
        "{text}"
    );
}

#[test]
fn the_library_takes_today_as_a_civil_date() {
    let dir = example();
    set_consent(dir.path(), "olena", "2027-07-31");
    let on = |day: &str| {
        let today = buddysite::date::parse(day).expect("date");
        buddysite::project::Project::load_on(dir.path(), today).expect("loads")
    };
    let warnings = |p: &buddysite::project::Project| {
        p.warnings
            .iter()
            .filter(|w| w.file == "content/buddys/olena.md")
            .map(|w| w.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(warnings(&on("2027-06-30")), Vec::<String>::new());
    assert_eq!(
        warnings(&on("2027-07-30")),
        vec!["consent of buddy Olena ends on 2027-07-31 (tomorrow is the last day): after that day the profile leaves every site".to_owned()]
    );
    assert_eq!(
        warnings(&on("2027-08-01")),
        vec![
            "consent of buddy Olena ended on 2027-07-31: the profile is left out of every site"
                .to_owned()
        ]
    );
}
