//! The toolkit's letter pasted as it is (issue 13, item 7), and the smaller things editors
//! hit (item 8), through the real binary.
//!
//! `tests/fixtures/toolkit/content/brief.md` is the toolkit's parent letter copied out of its
//! PDF as an editor pastes it: below the front matter, the text is unchanged (every PDF line
//! followed by an empty line, the toolkit's note to its user at the end).

mod common;

use common::*;
use std::path::Path;

/// One problem as this file compares them: (file, line, kind).
type Found = (String, usize, &'static str);

/// What a run said: its exit code, every problem in the order shown, and the text.
fn problems(root: &Path, strict: bool) -> (Option<i32>, Vec<Found>, String) {
    let mut args = vec!["check", "--root", path_str(root)];
    if strict {
        args.push("--strict");
    }
    let run = buddysite(&args);
    let shown =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    let mut found = Vec::new();
    let mut lines = shown.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line
            .strip_prefix("warning: ")
            .or_else(|| line.strip_prefix("error: "))
        else {
            continue;
        };
        let at = lines
            .peek()
            .and_then(|l| l.trim_start().strip_prefix("--> "))
            .unwrap_or("");
        let mut parts = at.split(':');
        let file = parts.next().unwrap_or("").to_owned();
        let line_no = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        found.push((file, line_no, kind(message)));
    }
    (run.status.code(), found, shown)
}

/// A short name for each kind of problem this file is about.
fn kind(message: &str) -> &'static str {
    if message.contains("breaks off in the middle of a sentence") {
        "broken paragraph"
    } else if message.contains("the toolkit's note to its user") {
        "toolkit note"
    } else if message.contains("here means the samenwerkingsverband") {
        "swv placeholder"
    } else if message.starts_with("unknown placeholder") {
        "unknown placeholder"
    } else {
        "other"
    }
}

/// Lines of `content/brief.md` in the fixture at which the PDF broke a sentence (the seed's
/// own line numbers plus the five lines of front matter).
const BROKEN: [usize; 17] = [
    8, 10, 12, 14, 16, 22, 24, 28, 30, 34, 36, 38, 40, 44, 46, 48, 52,
];

fn expected_letter_warnings() -> Vec<Found> {
    let mut expected: Vec<Found> = BROKEN
        .iter()
        .map(|l| ("content/brief.md".to_owned(), *l, "broken paragraph"))
        .collect();
    // "[naam school] helpt scholen …", "[naam school] biedt nu ook steun aan ouders …",
    // "Dit doet [naam school] door ouders te koppelen …"
    for l in [8, 10, 12] {
        expected.push(("content/brief.md".to_owned(), l, "swv placeholder"));
    }
    expected.push(("content/brief.md".to_owned(), 56, "toolkit note"));
    expected.sort();
    expected
}

#[test]
fn the_pasted_seed_letter_warns_at_exactly_the_right_lines() {
    let (code, mut found, shown) = problems(&fixture("toolkit"), false);
    assert_eq!(code, Some(0), "{shown}");
    found.sort();
    assert_eq!(found, expected_letter_warnings(), "{shown}");
    assert!(shown.ends_with("0 errors, 21 warnings\n"), "{shown}");
    // The advice names the empty line to remove and the placeholder to write.
    assert!(
        shown.contains("line 10 goes on with the sentence of line 8: remove the empty line 9"),
        "{shown}"
    );
    assert!(
        shown.contains("Write `[naam samenwerkingsverband]`"),
        "{shown}"
    );
    assert!(
        shown.contains("remove this paragraph (lines 56 to 60)"),
        "{shown}"
    );
}

#[test]
fn the_letter_is_clean_once_the_advice_is_followed() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    let (_, found, _) = problems(root, false);
    let path = root.join("content/brief.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Remove the note (lines 56 to 60, the last paragraph), then the empty line after
    // every line that breaks off, from the bottom up so the line numbers hold.
    lines.truncate(55);
    for (_, line, kind) in &found {
        if *kind == "swv placeholder" {
            let l = &mut lines[line - 1];
            let at = l
                .find("[naam school] helpt")
                .or_else(|| l.find("[naam school] biedt"))
                .or_else(|| l.find("[naam school] door"));
            let at = at.unwrap_or_else(|| panic!("line {line}: {l}"));
            l.replace_range(
                at..at + "[naam school]".len(),
                "[naam samenwerkingsverband]",
            );
        }
    }
    let mut broken: Vec<usize> = found
        .iter()
        .filter(|(_, _, k)| *k == "broken paragraph")
        .map(|(_, l, _)| *l)
        .collect();
    broken.sort_unstable();
    for line in broken.iter().rev() {
        assert_eq!(lines[*line].trim(), "", "line {} is empty", line + 1);
        lines.remove(*line);
    }
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let (code, found, shown) = problems(root, true);
    assert_eq!((code, found), (Some(0), Vec::new()), "{shown}");

    let out = root.join("public");
    build_ok(root, &out);
    let doc = html(&out, "de-eik/brief/index.html");
    let main = texts(&doc, "main").join(" ");
    assert!(
        main.contains("Samenwerkingsverband Passend Onderwijs De Delta helpt scholen om extra hulp te bieden aan kinderen die dit op school nodig hebben."),
        "{main}"
    );
    assert!(main.contains("binnen Basisschool De Eik"), "{main}");
    assert!(!main.contains("In deze tool"), "{main}");
    assert!(!main.contains('['), "{main}");
}

#[test]
fn unknown_placeholders_are_errors_with_the_known_ones_and_a_suggestion() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    let path = root.join("content/contact.md");
    let old = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        format!(
            "{old}\n[plaats school], [datum]\n\nMail [e-mail coördinator] of bel [telefoonnummer coördinator]; zie [website school] en [e-mailadres school].\n\n[handtekening]\n"
        ),
    )
    .expect("write");
    let (code, found, shown) = problems(root, false);
    assert_eq!(code, Some(1), "{shown}");
    let unknown: Vec<Found> = found
        .into_iter()
        .filter(|(f, _, _)| f == "content/contact.md")
        .collect();
    assert_eq!(
        unknown,
        vec![
            ("content/contact.md".to_owned(), 10, "unknown placeholder"),
            ("content/contact.md".to_owned(), 12, "unknown placeholder"),
        ],
        "{shown}"
    );
    assert!(
        shown.contains("unknown placeholder `[e-mail coördinator]`"),
        "{shown}"
    );
    assert!(
        shown.contains("did you mean `[e-mailadres coördinator]`?"),
        "{shown}"
    );
    assert!(
        shown.contains("unknown placeholder `[handtekening]`"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "`[telefoonnummer school]`, `[e-mailadres school]`, `[website school]`, `[datum]`"
        ),
        "{shown}"
    );
}

#[test]
fn school_phone_email_website_and_the_date_are_filled_in() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    std::fs::write(
        root.join("content/over.md"),
        "---\ntitle: \"Over\"\n---\nBel [telefoonnummer school], mail [e-mailadres school], kijk op [website school]. Bel de coördinator op [telefoonnummer coördinator].\n\nDatum: [datum]\n",
    )
    .expect("write");
    let out = root.join("public");
    build_ok(root, &out);
    for (slug, phone, email, site) in [
        (
            "de-eik",
            "0180 00 00 10",
            "info@de-eik.example.org",
            "https://www.de-eik.example.org/",
        ),
        (
            "het-anker",
            "0180 00 00 20",
            "info@het-anker.example.org",
            "https://www.het-anker.example.org/",
        ),
    ] {
        let doc = html(&out, &format!("{slug}/over/index.html"));
        let main = texts(&doc, "main").join(" ");
        assert!(
            main.contains(&format!(
                "Bel {phone}, mail {email}, kijk op {site}. Bel de coördinator op 0180 00 00 00."
            )),
            "{main}"
        );
        // SOURCE_DATE_EPOCH of the tests: 1 June 2026, written as a Dutch letter does.
        assert!(main.contains("Datum: 1 juni 2026"), "{main}");
    }
}

#[test]
fn brackets_that_are_markdown_are_not_placeholders() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    std::fs::write(
        root.join("content/over.md"),
        "---\ntitle: \"Over\"\n---\nLees [de brief](brief.md), de [kosten][k] en [kosten].\nEen voetnoot[^1] en `[code]`, \\[tussen haken\\], [1] en […].\n\n- [ ] nog doen\n- [x] gedaan\n\n```\n[geen placeholder]\n```\n\n[k]: vragen/kosten.md\n[kosten]: vragen/kosten.md\n[^1]: Een voetnoot.\n",
    )
    .expect("write");
    let (_, found, shown) = problems(root, false);
    assert!(
        !found.iter().any(|(f, _, _)| f == "content/over.md"),
        "{shown}"
    );
}

#[test]
fn two_schools_with_the_same_base_url_is_an_error_naming_both() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    let path = root.join("schools/het-anker.yaml");
    let old = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, old.replace("/het-anker/\"", "/de-eik\"")).expect("write");
    let (code, found, shown) = problems(root, false);
    assert_eq!(code, Some(1), "{shown}");
    let schools: Vec<_> = found
        .into_iter()
        .filter(|(f, _, _)| !f.starts_with("content/"))
        .collect();
    assert_eq!(
        schools,
        vec![("schools/het-anker.yaml".to_owned(), 13, "other")],
        "{shown}"
    );
    assert!(
        shown.contains("`base_url` `https://buddy.swv-delta.example.org/de-eik/` is also the address of another school, in schools/de-eik.yaml:14"),
        "{shown}"
    );
    assert!(
        shown.contains("`base_url: \"https://buddy.swv-delta.example.org/het-anker/\"`"),
        "{shown}"
    );

    // A school at the overview's own address.
    std::fs::write(&path, old.replace("/het-anker/\"", "\"")).expect("write");
    let (code, _, shown) = problems(root, false);
    assert_eq!(code, Some(1), "{shown}");
    assert!(shown.contains("is the address of the overview"), "{shown}");
    assert!(shown.contains("schools/het-anker.yaml:13"), "{shown}");
}

#[test]
fn a_value_other_schools_set_is_named_with_the_file_to_add_it_to() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    let eik = root.join("schools/de-eik.yaml");
    let old = std::fs::read_to_string(&eik).expect("read");
    std::fs::write(&eik, format!("{old}extra:\n  spreekuur: dinsdag\n")).expect("write");
    let anker = root.join("schools/het-anker.yaml");
    let old = std::fs::read_to_string(&anker).expect("read");
    std::fs::write(&anker, old.replace("phone: \"0180 00 00 20\"\n", "")).expect("write");
    // In the home page: the contact page stops at its first error (the placeholder).
    let home = root.join("content/index.md");
    let old = std::fs::read_to_string(&home).expect("read");
    std::fs::write(
        &home,
        format!(
            "{old}\nSpreekuur: {{{{ school.extra.spreekuur }}}}. {{{{ school.extra.spreeuur }}}}\n"
        ),
    )
    .expect("write");
    let (code, _, shown) = problems(root, false);
    assert_eq!(code, Some(1), "{shown}");
    assert!(
        shown.contains("error: `school.extra.spreekuur` is set for 1 other school but not for this one: add it to schools/het-anker.yaml"),
        "{shown}"
    );
    assert!(
        shown.contains("error: placeholder `[telefoonnummer school]` needs `phone`, which is set for 1 other school but not for this one: add it to schools/het-anker.yaml"),
        "{shown}"
    );
    assert!(
        shown.contains("write `phone:` in schools/het-anker.yaml"),
        "{shown}"
    );
    // A name that no school sets is still a spelling question.
    assert!(
        shown.contains("`school.extra.spreeuur` is undefined"),
        "{shown}"
    );
    assert!(
        !shown.contains("`school.extra.spreekuur` is undefined"),
        "{shown}"
    );
}

#[test]
fn a_contact_name_with_a_form_of_address_gets_a_hint() {
    let dir = copy_fixture("toolkit");
    let root = dir.path();
    let eik = root.join("schools/de-eik.yaml");
    let old = std::fs::read_to_string(&eik).expect("read");
    std::fs::write(
        &eik,
        old.replace("name: \"Fleur de Wit\"", "name: \"Mevr. F. de Wit\""),
    )
    .expect("write");
    let anker = root.join("schools/het-anker.yaml");
    let old = std::fs::read_to_string(&anker).expect("read");
    std::fs::write(
        &anker,
        old.replace("name: \"Joost Meijer\"", "name: \"De heer J. Meijer\""),
    )
    .expect("write");
    let config = root.join("buddysite.yaml");
    let old = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        old.replace("name: \"Nora Visser\"", "name: \"Mw. Nora Visser\""),
    )
    .expect("write");
    let (code, found, shown) = problems(root, false);
    assert_eq!(code, Some(0), "{shown}");
    let hints: Vec<(String, usize)> = found
        .iter()
        .filter(|(f, _, _)| !f.starts_with("content/"))
        .map(|(f, l, _)| (f.clone(), *l))
        .collect();
    assert_eq!(
        hints,
        vec![
            ("buddysite.yaml".to_owned(), 7),
            ("schools/de-eik.yaml".to_owned(), 7),
            ("schools/het-anker.yaml".to_owned(), 7),
        ],
        "{shown}"
    );
    assert!(
        shown.contains("`contact.name` starts with `Mevr.`"),
        "{shown}"
    );
    assert!(shown.contains("e.g. `name: F. de Wit`"), "{shown}");
    assert!(shown.contains("e.g. `name: J. Meijer`"), "{shown}");
    let (strict, _, _) = problems(root, true);
    assert_eq!(strict, Some(1));
}

#[test]
fn the_readme_sample_error_is_the_real_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let after = readme
        .split("Every problem names the file, line and column")
        .nth(1)
        .expect("the sample in README.md");
    let block = after
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a text block");
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("buddysite.yaml"), root.join("buddysite.yaml")).expect("copy");
    for d in ["content", "schools"] {
        copy_dir(&repo.join(d), &root.join(d));
    }
    let school = root.join("schools/t-klaverblad.yaml");
    let old = std::fs::read_to_string(&school).expect("read");
    std::fs::write(&school, old.replace("  primary:", "  primray:")).expect("write");
    let run = buddysite(&["check", "--root", path_str(root)]);
    let shown =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    assert_eq!(shown, format!("{block}\n1 error, 0 warnings\n"));
}
