//! What the writer reports and leaves behind when writing fails part-way (a full disk is
//! simulated: as root, a read-only folder does not stop a rename).

use super::*;
use crate::render::{Body, SiteFile};
use std::collections::BTreeSet;

fn files(version: &str) -> Vec<SiteFile> {
    ["index.html", "brief/index.html", "buddys/index.html"]
        .iter()
        .map(|p| SiteFile {
            path: (*p).to_owned(),
            body: Body::Owned(format!("<p>{version} {p}</p>").into_bytes()),
        })
        .collect()
}

fn made() -> BTreeSet<String> {
    files("")
        .iter()
        .map(|f| format!("klaverblad/{}", f.path))
        .collect()
}

fn read(dir: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_default()
}

#[test]
fn a_write_that_fails_part_way_says_how_far_it_got_and_the_next_build_completes_it() {
    let tmp = tempfile::tempdir().expect("temp");
    let out = tmp.path().join("public");
    let first = Writer::open(&out).expect("open");
    first.stage("klaverblad/", &files("old")).expect("stage");
    first.commit(&made(), &Scope::All).expect("commit");

    let second = Writer::open(&out).expect("open").fail_after(1);
    second.stage("klaverblad/", &files("new")).expect("stage");
    let Err(error) = second.commit(&made(), &Scope::All) else {
        panic!("the commit should fail");
    };
    let problems = error.into_diagnostics(&out);
    let shown = problems.to_string();
    assert!(
        shown.contains("1 of 3 changed files were updated"),
        "{shown}"
    );
    assert!(
        shown.contains("the output is now a mix of the old and the new site"),
        "{shown}"
    );
    assert!(shown.contains("build again"), "{shown}");
    assert_eq!(left(&problems), Left::Mixed);
    assert!(
        !out.join(STAGING).exists(),
        "the staging folder is cleaned up"
    );
    let pages: Vec<String> = made().iter().map(|p| read(&out, p)).collect();
    assert_eq!(
        pages.iter().filter(|p| p.contains("new")).count(),
        1,
        "{pages:?}"
    );
    assert_eq!(
        pages.iter().filter(|p| p.contains("old")).count(),
        2,
        "{pages:?}"
    );

    let third = Writer::open(&out).expect("the next build accepts the folder");
    third.stage("klaverblad/", &files("new")).expect("stage");
    let stats = third.commit(&made(), &Scope::All).expect("commit");
    assert_eq!(stats.written.len(), 2);
    assert!(made().iter().all(|p| read(&out, p).contains("new")));
}

#[test]
fn a_write_that_fails_before_the_first_change_says_nothing_was_changed() {
    let tmp = tempfile::tempdir().expect("temp");
    let out = tmp.path().join("public");
    let first = Writer::open(&out).expect("open");
    first.stage("klaverblad/", &files("old")).expect("stage");
    first.commit(&made(), &Scope::All).expect("commit");
    let second = Writer::open(&out).expect("open").fail_after(0);
    second.stage("klaverblad/", &files("new")).expect("stage");
    let Err(error) = second.commit(&made(), &Scope::All) else {
        panic!("the commit should fail");
    };
    let problems = error.into_diagnostics(&out);
    assert!(problems
        .to_string()
        .contains("nothing in the output was changed"));
    assert_eq!(left(&problems), Left::AsItWas);
    assert!(made().iter().all(|p| read(&out, p).contains("old")));
}

#[test]
fn a_bad_manifest_is_refused_line_by_line() {
    let tmp = tempfile::tempdir().expect("temp");
    let out = tmp.path().join("public");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(
        out.join(MANIFEST),
        "# files written by buddysite; do not edit\nindex.html\n../v/a\nC:\\x\n",
    )
    .expect("write");
    let Err(problems) = Writer::open(&out) else {
        panic!("the manifest should be refused");
    };
    assert_eq!(problems.0.len(), 2, "{problems}");
    assert_eq!((problems.0[0].line, problems.0[1].line), (3, 4));
    assert!(
        !out.join(lock::LOCK).exists(),
        "a refused folder does not even get a lock file"
    );
}

#[test]
fn an_old_file_where_a_folder_must_go_outside_the_builds_scope_is_refused_before_any_change() {
    let tmp = tempfile::tempdir().expect("temp");
    let out = tmp.path().join("public");
    let page = |path: &str| SiteFile {
        path: path.to_owned(),
        body: Body::Owned(b"<p>x</p>".to_vec()),
    };
    let first = Writer::open(&out).expect("open");
    first.stage("", &[page("alpha")]).expect("stage");
    let made: BTreeSet<String> = ["alpha".to_owned()].into();
    first.commit(&made, &Scope::All).expect("commit");
    // A build of only `alpha/` does not remove the old file `alpha`: it must not fail half-way.
    let second = Writer::open(&out).expect("open");
    second
        .stage("alpha/", &[page("index.html")])
        .expect("stage");
    let made: BTreeSet<String> = ["alpha/index.html".to_owned()].into();
    let scope = Scope::Prefixes(vec!["alpha/".to_owned()]);
    let Err(WriteError::Refused(problems)) = second.commit(&made, &scope) else {
        panic!("the commit should be refused");
    };
    assert!(
        problems.to_string().contains("where a folder must go"),
        "{problems}"
    );
    assert_eq!(read(&out, "alpha"), "<p>x</p>");
    assert!(!out.join(STAGING).exists());
}
