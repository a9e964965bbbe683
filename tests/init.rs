//! `buddysite init DIR`: a new, minimal project for one SWV and its first school, from flags
//! when there is no terminal (issue #13 item 2).

mod newproject;

use newproject::{assert_only_the_example_warning, both, check_json, init_args, new_project, run};

#[test]
fn init_with_flags_passes_strict_check_except_the_example_buddy_and_builds() {
    let (_tmp, dir) = new_project();
    let (out, problems) = check_json(&dir, true);
    assert_only_the_example_warning(&problems);
    assert_eq!(
        out.status.code(),
        Some(1),
        "--strict fails on the one warning"
    );
    let (out, _) = check_json(&dir, false);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));

    let public = dir.join("public");
    let out = run(&["build", "--root", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    let home = std::fs::read_to_string(public.join("de-eik/index.html")).expect("home page");
    let home = scraper::Html::parse_document(&home);
    let title = scraper::Selector::parse("title").expect("selector");
    let title: String = home.select(&title).flat_map(|t| t.text()).collect();
    assert!(title.contains("Basisschool De Eik"), "{title}");
    let letter = std::fs::read_to_string(public.join("de-eik/brief/index.html")).expect("letter");
    let letter = scraper::Html::parse_document(&letter);
    let main = scraper::Selector::parse("main").expect("selector");
    let text: String = letter.select(&main).flat_map(|m| m.text()).collect();
    for expected in [
        "Samenwerkingsverband Passend Onderwijs Zuid helpt scholen",
        "Anja Bos",
        "intern begeleider",
        "ib@de-eik.nl",
        "Marieke de Vries",
        "Basisschool De Eik",
    ] {
        assert!(
            text.contains(expected),
            "the letter names {expected}: {text}"
        );
    }
    assert!(public.join("de-eik/vragen/index.html").is_file());
    assert!(public.join("de-eik/contact/index.html").is_file());
    assert!(
        !public.join("de-eik/buddys/voorbeeld").exists(),
        "the example buddy is never published"
    );
}

#[test]
fn init_writes_the_editor_files() {
    let (_tmp, dir) = new_project();
    let gitignore = std::fs::read_to_string(dir.join(".gitignore")).expect(".gitignore");
    for line in ["/public/", "/.buddysite-cache/", ".buddysite-lock"] {
        assert!(gitignore.lines().any(|l| l == line), "{gitignore}");
    }
    let settings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(".vscode/settings.json")).expect("settings"),
    )
    .expect("settings.json is JSON");
    assert_eq!(
        settings["yaml.schemas"]["./schemas/school.json"],
        "schools/*.yaml"
    );
    assert_eq!(
        settings["yaml.schemas"]["./schemas/buddysite.json"],
        "buddysite.yaml"
    );
    for schema in settings["yaml.schemas"].as_object().expect("map").keys() {
        assert!(dir.join(schema).is_file(), "{schema} is written");
    }
    let extensions: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(".vscode/extensions.json")).expect("extensions"),
    )
    .expect("extensions.json is JSON");
    assert_eq!(extensions["recommendations"][0], "redhat.vscode-yaml");
    let school = std::fs::read_to_string(dir.join("schools/de-eik.yaml")).expect("school");
    assert!(
        school.starts_with("# yaml-language-server: $schema=../schemas/school.json\n"),
        "{school}"
    );
    let config = std::fs::read_to_string(dir.join("buddysite.yaml")).expect("config");
    assert!(
        config.starts_with("# yaml-language-server: $schema=schemas/buddysite.json\n"),
        "{config}"
    );
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("readme");
    for words in [
        "serve --watch",
        "buddysite build",
        "schtasks",
        "buddysite new school",
    ] {
        assert!(readme.contains(words), "the README explains {words}");
    }
    let example = std::fs::read_to_string(dir.join("content/buddys/voorbeeld.md")).expect("buddy");
    assert!(example.contains("voorbeeldprofiel"), "{example}");
}

#[test]
fn init_without_a_terminal_names_every_missing_flag_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("leeg");
    let out = run(&[
        "init",
        dir.to_str().expect("utf-8"),
        "--swv-name",
        "SWV Noord",
        "--contact-email",
        "geen-mail",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    for flag in [
        "--short-name",
        "--contact-name",
        "--school-name",
        "--school-place",
        "--school-color",
        "--school-contact-name",
        "--school-contact-email",
    ] {
        assert!(err.contains(flag), "{flag} is named as missing: {err}");
    }
    assert!(
        !err.contains("--swv-name ("),
        "given flags are not missing: {err}"
    );
    assert!(
        !err.contains("--school-slug"),
        "the slug comes from the name: {err}"
    );
    assert!(
        err.contains("--contact-email: `geen-mail` is not an e-mail address"),
        "{err}"
    );
    assert!(!dir.exists(), "nothing is written");
}

#[test]
fn a_hard_to_read_colour_is_refused_with_the_nearest_passing_shade() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("p");
    let dir_str = dir.to_str().expect("utf-8").to_owned();
    let out = run(&init_args(&dir_str, &["--school-color", "#808080"]));
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("hard to read"), "{err}");
    let shade = err
        .split("nearest shade that passes is `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("a shade is named: {err}"))
        .to_owned();
    assert!(!dir.exists());
    let out = run(&init_args(&dir_str, &["--school-color", &shade]));
    assert!(
        out.status.success(),
        "the suggested shade passes: {}",
        both(&out)
    );
    let (_, problems) = check_json(&dir, false);
    assert_only_the_example_warning(&problems);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("temp");
    std::fs::write(tmp.path().join("mijn-brief.docx"), b"x").expect("write");
    let dir = tmp.path().to_str().expect("utf-8").to_owned();
    let out = run(&init_args(&dir, &[]));
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
    assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 1);
}

#[test]
fn init_example_keeps_the_fictional_eight_school_swv() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("voorbeeld");
    let out = run(&["init", "--example", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    let schools = std::fs::read_dir(dir.join("schools"))
        .expect("schools")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .count();
    assert_eq!(schools, 8);
}
