//! A buddysite compiled without the `pdf` feature (`cargo test --no-default-features --test
//! no_pdf_feature`, as `.ci/run` does): the build succeeds, makes no PDFs, links none, and
//! says once why. With the feature (the default) this file holds no tests.
#![cfg(not(feature = "pdf"))]

mod common;

use common::*;

#[test]
fn without_the_pdf_feature_the_build_says_so_once_and_makes_no_pdfs() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let o = build_ok(project.path(), out.path());
    let log = String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    let said = log
        .matches("this buddysite was built without PDF support")
        .count();
    assert_eq!(said, 1, "{log}");
    assert!(!tree(out.path()).keys().any(|k| k.ends_with(".pdf")));
    let page = html(out.path(), "alpha/brief/index.html");
    assert!(attrs(&page, ".letter-tools__pdf a", "href").is_empty());
    assert!(attrs(
        &html(out.path(), "index.html"),
        ".overview-letters a",
        "href"
    )
    .is_empty());
    // `--no-pdf` asks for none: nothing to say.
    let o = buddysite(&[
        "build",
        "--no-pdf",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(out.path()),
    ]);
    assert!(o.status.success());
    assert!(!String::from_utf8_lossy(&o.stderr).contains("without PDF support"));
}
