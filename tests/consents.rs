//! `buddysite consents`: every buddy, consent date, days left in Dutch time and the schools
//! that offer them; exit code 1 when one ends within the window (issue #13 item 6).

mod newproject;

use newproject::{both, new_project};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn consents(dir: &Path, today: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(["consents", "--root", dir.to_str().expect("utf-8")])
        .args(extra)
        .env("BUDDYSITE_TODAY", today)
        .stdin(Stdio::null())
        .output()
        .expect("run")
}

fn buddy(dir: &Path, id: &str, until: &str) {
    let text = format!(
        "---\nname: {id}\nsummary: x\nthemes: [sbo]\nlanguages: [nl]\nmeet: [app]\nconsent_until: {until}\n---\n\nVerhaal.\n"
    );
    std::fs::write(dir.join(format!("content/buddys/{id}.md")), text).expect("write");
}

fn row<'a>(text: &'a str, file: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(file))
        .unwrap_or_else(|| panic!("{file} is listed: {text}"))
}

#[test]
fn lists_every_buddy_with_days_left_and_schools() {
    let (_tmp, dir) = new_project();
    std::fs::remove_file(dir.join("content/buddys/voorbeeld.md")).expect("remove");
    buddy(&dir, "samira", "2026-06-20");
    buddy(&dir, "peter", "2027-12-31");
    // A second school that offers only peter.
    let school = std::fs::read_to_string(dir.join("schools/de-eik.yaml")).expect("school");
    let other = school
        .replace("Basisschool De Eik", "De Linde")
        .replace("/de-eik/", "/de-linde/")
        .replace("buddies: all", "buddies: [peter]");
    std::fs::write(dir.join("schools/de-linde.yaml"), other).expect("write");

    let out = consents(&dir, "2026-06-01", &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "samira ends in 19 days: {}",
        both(&out)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.starts_with("consent of buddy profiles on 2026-06-01"),
        "{text}"
    );
    let samira = row(&text, "content/buddys/samira.md");
    assert!(samira.starts_with('!'), "marked: {samira}");
    assert!(
        samira.contains("2026-06-20") && samira.contains("19 days left"),
        "{samira}"
    );
    assert!(samira.ends_with("schools: de-eik"), "{samira}");
    let peter = row(&text, "content/buddys/peter.md");
    assert!(peter.contains("578 days left"), "{peter}");
    assert!(peter.ends_with("schools: de-eik, de-linde"), "{peter}");
    assert!(
        text.find("samira.md") < text.find("peter.md"),
        "soonest first"
    );

    let narrow = consents(&dir, "2026-06-01", &["--within", "10"]);
    assert_eq!(narrow.status.code(), Some(0), "{}", both(&narrow));
    assert!(String::from_utf8_lossy(&narrow.stdout).contains("no consent ends within 10 days"));
}

#[test]
fn the_last_day_and_an_ended_consent_are_counted_in_dutch_days() {
    let (_tmp, dir) = new_project();
    buddy(&dir, "samira", "2026-06-01");
    let out = consents(&dir, "2026-06-01", &["--within", "0"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        row(&text, "samira.md").contains("today is the last day"),
        "{text}"
    );
    let example = row(&text, "voorbeeld.md");
    assert!(
        example.contains("ended 486 days ago (not published)"),
        "{example}"
    );
    assert!(
        text.contains("2 consents end within 0 days or ended"),
        "{text}"
    );
}

#[test]
fn a_project_whose_consents_hold_exits_zero() {
    let (_tmp, dir) = new_project();
    std::fs::remove_file(dir.join("content/buddys/voorbeeld.md")).expect("remove");
    buddy(&dir, "peter", "2030-01-01");
    let out = consents(&dir, "2026-06-01", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no consent ends within 30 days"), "{text}");
    let bad = consents(&dir, "morgen", &[]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("BUDDYSITE_TODAY is not a date"));
}
