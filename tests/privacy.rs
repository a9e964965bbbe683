//! Contact details never reach a buddy's page: a phone number, an e-mail address, a home
//! address or a chat link in a profile fails `check` and `build` at its line and column, and
//! nothing is published. Runs the real binary over copies of the example project.

mod common;

use common::{copy_dir, path_str, tree};
use std::path::Path;
use std::process::{Command, Output};

/// A copy of this repository's example SWV.
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

/// Runs the binary on a fixed day on which every example profile's consent holds well.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(args)
        .env("BUDDYSITE_TODAY", "2026-06-01")
        .output()
        .expect("run buddysite")
}

fn all_text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const PROFILE: &str = "---
name: Sanne
summary: Moeder van Daan (groep 7). Bel gerust 06-12345678.
themes: [adhd]
languages: [nl]
meet: [koffie, telefoon]
consent_until: 2030-07-31
---

Mijn zoon van 9 zit sinds 2019 op deze school. In schooljaar 2023-2024 ging het mis.

Mail me op sanne.devries83@gmail.com of kom langs: Dorpsstraat 12, 4001 AB Tiel.

Of app via [WhatsApp](https://wa.me/31612345678), of bel +31 (0)344-612345.
";

/// Where each detail of [`PROFILE`] is, as `line:column`.
const EXPECTED: &[(&str, &str)] = &[
    ("3:48", "phone number: `06-12345678`"),
    ("12:12", "e-mail address: `sanne.devries83@gmail.com`"),
    ("12:52", "home address: `Dorpsstraat 12`"),
    ("12:68", "home address: `4001 AB`"),
    (
        "14:23",
        "link to a chat app or social network: `https://wa.me/31612345678`",
    ),
    ("14:58", "phone number: `+31 (0)344-612345`"),
];

#[test]
fn contact_details_in_a_profile_fail_check_and_build_at_their_place() {
    let dir = example();
    let root = dir.path();
    std::fs::write(root.join("content/buddys/sanne.md"), PROFILE).expect("write");

    let check = run(&["check", "--strict", "--root", path_str(root)]);
    let text = all_text(&check);
    assert_eq!(check.status.code(), Some(1), "{text}");
    for (at, what) in EXPECTED {
        let located = format!("--> content/buddys/sanne.md:{at}");
        assert!(text.contains(&located), "no finding at {at} in:\n{text}");
        assert!(
            text.contains(&format!("a buddy profile must not contain a {what}"))
                || text.contains(&format!("a buddy profile must not contain an {what}")),
            "{what} not reported:\n{text}"
        );
    }
    assert!(text.contains("contact goes through the school or the coordinator; remove it"));
    // No false alarms: the age, the group, the year and the school year are not reported.
    let findings = text.matches("a buddy profile must not contain").count();
    assert_eq!(findings, EXPECTED.len(), "{text}");

    let out = root.join("public");
    let build = run(&[
        "build",
        "--root",
        path_str(root),
        "--output",
        path_str(&out),
    ]);
    assert_eq!(build.status.code(), Some(1), "{}", all_text(&build));
    let published = if out.exists() {
        tree(&out)
    } else {
        Default::default()
    };
    assert!(
        published.keys().all(|p| !p.contains("sanne")),
        "the profile was published: {:?}",
        published
            .keys()
            .filter(|p| p.contains("sanne"))
            .collect::<Vec<_>>()
    );
    let leaked = published
        .values()
        .any(|b| String::from_utf8_lossy(b).contains("12345678"));
    assert!(!leaked, "the phone number is in the output");
}

#[test]
fn a_failed_build_leaves_the_last_good_site_without_the_details() {
    let dir = example();
    let root = dir.path();
    let out = root.join("public");
    let first = run(&[
        "build",
        "--root",
        path_str(root),
        "--output",
        path_str(&out),
    ]);
    assert!(first.status.success(), "{}", all_text(&first));
    let before = tree(&out);

    let body = "---\nname: Sanne\nsummary: Moeder van twee.\nthemes: [adhd]\nlanguages: [nl]\nmeet: [koffie]\nconsent_until: 2030-07-31\n---\n\nMijn adres is Kerkstraat 3 in Tiel, mijn nummer 0344 61 23 45.\n";
    std::fs::write(root.join("content/buddys/sanne.md"), body).expect("write");
    let second = run(&[
        "build",
        "--root",
        path_str(root),
        "--output",
        path_str(&out),
    ]);
    let text = all_text(&second);
    assert_eq!(second.status.code(), Some(1), "{text}");
    assert!(text.contains("--> content/buddys/sanne.md:10:15"), "{text}");
    assert!(text.contains("--> content/buddys/sanne.md:10:49"), "{text}");
    assert_eq!(
        tree(&out),
        before,
        "the output changed after a failed build"
    );
}

#[test]
fn a_profile_in_a_school_folder_is_checked_too() {
    let dir = example();
    let root = dir.path();
    let school = std::fs::read_dir(root.join("schools"))
        .expect("schools")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".yaml")
                .map(str::to_owned)
        })
        .min()
        .expect("a school");
    let folder = root.join("schools").join(&school).join("buddys");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let body = "---\nname: Tom\nsummary: Vader, te vinden op instagram.com/tom.vader\nthemes: [adhd]\nlanguages: [nl]\nmeet: [koffie]\nconsent_until: 2030-07-31\n---\n\nMijn verhaal.\n";
    std::fs::write(folder.join("tom.md"), body).expect("write");
    // The school must offer the buddy for the page to be published.
    let yaml_path = root.join("schools").join(format!("{school}.yaml"));
    let yaml = std::fs::read_to_string(&yaml_path).expect("yaml");
    if yaml.contains("\nbuddies:\n") {
        std::fs::write(
            &yaml_path,
            yaml.replace("\nbuddies:\n", "\nbuddies:\n  - tom\n"),
        )
        .expect("write");
    }
    let check = run(&["check", "--root", path_str(root)]);
    let text = all_text(&check);
    assert_eq!(check.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("--> schools/{school}/buddys/tom.md:3:30")),
        "{text}"
    );
    assert!(text.contains("`instagram.com/tom.vader`"), "{text}");
}

#[test]
fn ordinary_numbers_and_the_programmes_own_contacts_pass_and_are_published() {
    let dir = example();
    let root = dir.path();
    // Dates, years, school years, times, ages, groups, percentages, amounts and a region
    // number are not contact details; the SWV coordinator's own number (from
    // buddysite.yaml, written differently) may be named.
    let body = "---
name: Wim
summary: Vader van drie kinderen (7, 9 en 12), sinds 2019 buddy.
themes: [adhd]
languages: [nl]
meet: [koffie]
consent_until: 2030-07-31
---

Op 12-03-2024 kreeg mijn dochter van 9 de diagnose. Dat was op 2024-03-12, een dinsdag;
op 1-2-2023 hadden we het eerste gesprek. In 2015 en 2016 zat haar broer in groep 7.

In schooljaar 2023-2024 ging het beter: van 10:30-12:00 uur en van 09.00 tot 12.30 uur
was er een rustige plek. Dat hielp voor 85% van de dagen. De tas kostte € 1.250 per jaar
(of € 0,50 per dag), en onze regio 1234 is groot: 1250 ouders en 300 scholen.

Bel voor een afspraak de coördinator op +31 344 000000.
";
    std::fs::write(root.join("content/buddys/wim.md"), body).expect("write");
    let check = run(&["check", "--strict", "--root", path_str(root)]);
    assert!(check.status.success(), "{}", all_text(&check));
    let out = root.join("public");
    let build = run(&[
        "build",
        "--root",
        path_str(root),
        "--output",
        path_str(&out),
    ]);
    assert!(build.status.success(), "{}", all_text(&build));
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with("buddys/wim/index.html"))
        .collect();
    assert!(!pages.is_empty(), "the profile was not published");
    let page = common::html(&out, &pages[0]);
    let text = common::texts(&page, "main").join(" ");
    assert!(text.contains("€ 1.250 per jaar"), "{text}");
}

#[test]
fn the_example_profiles_pass() {
    let dir = example();
    let check = run(&["check", "--strict", "--root", path_str(dir.path())]);
    assert!(check.status.success(), "{}", all_text(&check));
    let text = all_text(&check);
    assert!(!text.contains("must not contain"), "{text}");
}

#[test]
fn the_live_preview_refuses_a_profile_edited_to_hold_a_phone_number() {
    std::env::set_var("BUDDYSITE_TODAY", "2026-06-01");
    let dir = example();
    let root = dir.path();
    let out = root.join("public");
    let (mut session, first) = buddysite::session::Session::start(root, Some(&out));
    assert!(first.is_ok(), "{:?}", first.err());
    let before = tree(&out);
    let profile = root.join("content/buddys/olena.md");
    let text = std::fs::read_to_string(&profile).expect("read");
    std::fs::write(&profile, format!("{text}\nBel me: 06 1234 5678.\n")).expect("write");
    let (_, result) = session.apply(&[profile]).expect("a rebuild");
    let problems = result.expect_err("the edit must fail").to_string();
    assert!(
        problems.contains("a buddy profile must not contain a phone number: `06 1234 5678`"),
        "{problems}"
    );
    assert_eq!(tree(&out), before, "the served site changed");
}
