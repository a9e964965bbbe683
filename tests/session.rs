//! The incremental path behind `--watch`, driven through the library: each kind of change
//! re-renders what it affects, and after any sequence of changes the output is exactly what
//! a clean build of the same files gives.

mod common;

use buddysite::session::{Plan, Session};
use common::*;
use std::path::{Path, PathBuf};

fn start(project: &Path, out: &Path) -> Session {
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (session, first) = Session::start(project, Some(out));
    assert!(first.is_ok(), "{:?}", first.err());
    session
}

fn apply(session: &mut Session, paths: &[PathBuf]) -> (Plan, Vec<String>) {
    let (plan, result) = session.apply(paths).expect("a rebuild");
    let report = result.unwrap_or_else(|p| panic!("rebuild failed:\n{p}"));
    let mut written = report.written.written.clone();
    written.sort();
    (plan, written)
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn assert_same_as_clean_build(project: &Path, out: &Path) {
    let clean = tempfile::tempdir().expect("temp");
    build_ok(project, clean.path());
    let (a, b) = (tree(out), tree(clean.path()));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs from a clean build");
    }
}

#[test]
fn a_faq_answer_change_rewrites_only_the_faq_pages() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("content/vragen/kosten.md");
    replace(&file, "Het is gratis.", "Het kost niets, echt niet.");
    let (plan, written) = apply(&mut session, &[file]);
    assert!(matches!(plan, Plan::Content(_)), "{plan:?}");
    assert_eq!(
        written,
        vec!["alpha/vragen/index.html", "beta/vragen/index.html"]
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn a_menu_title_change_rewrites_every_page_with_a_menu() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("content/over.md");
    replace(
        &file,
        "title: \"Over het programma\"",
        "title: \"Over ons\"",
    );
    let (_, written) = apply(&mut session, &[file]);
    assert!(
        written.contains(&"alpha/brief/index.html".to_owned()),
        "{written:?}"
    );
    assert!(
        written.contains(&"beta/vragen/index.html".to_owned()),
        "{written:?}"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn a_school_change_rewrites_that_school_and_the_overview_only() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("schools/beta.yaml");
    replace(
        &file,
        "name: \"SBO 't Kompas\"",
        "name: \"SBO De Kompasnaald\"",
    );
    let (plan, written) = apply(&mut session, &[file]);
    assert!(matches!(plan, Plan::Schools(_)), "{plan:?}");
    assert!(
        written
            .iter()
            .all(|p| p.starts_with("beta/") || p == "index.html"),
        "{written:?}"
    );
    assert!(
        written.contains(&"index.html".to_owned()),
        "the overview shows the name"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn an_error_keeps_the_output_and_the_fix_catches_up() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let before = tree(out.path());
    let faq = project.path().join("content/vragen/stoppen.md");
    replace(
        &faq,
        "question: \"Mag ik stoppen?\"",
        "vraag: \"Mag ik stoppen?\"",
    );
    let (_, result) = session
        .apply(std::slice::from_ref(&faq))
        .expect("a rebuild");
    let problems = result.expect_err("unknown key");
    assert!(
        problems.to_string().contains("content/vragen/stoppen.md:2"),
        "{problems}"
    );
    assert_eq!(tree(out.path()), before, "output untouched");
    // Meanwhile another file changes; then the error is fixed.
    let school = project.path().join("schools/alpha.yaml");
    replace(&school, "place: \"Ee\"", "place: \"Aa\"");
    assert!(
        session
            .apply(std::slice::from_ref(&school))
            .expect("a rebuild")
            .1
            .is_err(),
        "still broken"
    );
    replace(
        &faq,
        "vraag: \"Mag ik stoppen?\"",
        "question: \"Mag ik stoppen?\"",
    );
    let (plan, _) = apply(&mut session, &[faq]);
    assert_eq!(
        plan,
        Plan::Everything,
        "after a failure everything is reloaded"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn swap_files_and_the_output_are_not_changes() {
    let project = copy_fixture("basic");
    let out = project.path().join("public");
    let mut session = start(project.path(), &out);
    let paths: Vec<PathBuf> = [
        "content/.brief.md.swp",
        "content/brief.md~",
        "content/4913",
        "schools/.#beta.yaml",
        "schools/~$brief.docx",
        "public/alpha/index.html",
    ]
    .iter()
    .map(|p| project.path().join(p))
    .collect();
    assert_eq!(session.plan(&paths), Plan::Nothing);
    assert!(session.apply(&paths).is_none());
}

#[test]
fn schools_come_and_go() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let gamma = project.path().join("schools/gamma.yaml");
    std::fs::write(&gamma, "name: \"Gamma\"\nkind: so\nplace: \"Hier\"\nbrand:\n  primary: \"#222222\"\ncontact:\n  name: \"Iemand\"\n  email: \"i@example.org\"\n")
        .expect("write");
    let (_, written) = apply(&mut session, std::slice::from_ref(&gamma));
    assert!(written.contains(&"gamma/index.html".to_owned()));
    assert_same_as_clean_build(project.path(), out.path());
    std::fs::remove_file(&gamma).expect("rm");
    let (_, result) = session.apply(&[gamma]).expect("a rebuild");
    let report = result.expect("ok");
    assert!(report
        .written
        .deleted
        .contains(&"gamma/index.html".to_owned()));
    assert!(
        !out.path().join("gamma").exists(),
        "the folder of a removed school is gone"
    );
    assert_same_as_clean_build(project.path(), out.path());
}
