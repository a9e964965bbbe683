//! A full rebuild repairs output files that were changed or deleted by hand: the writer
//! compares with what is on disk, not only with what it wrote last time.

mod common;

use buddysite::session::Session;
use common::{build_ok, copy_fixture, tree};
use std::path::Path;

fn edit_same_size(path: &Path) {
    let html = std::fs::read_to_string(path).expect("read");
    let edited = html.replacen("<h1", "<h2", 1);
    assert_ne!(html, edited);
    assert_eq!(html.len(), edited.len());
    std::fs::write(path, edited).expect("write");
}

#[test]
fn a_full_rebuild_of_the_live_preview_repairs_hand_edited_and_deleted_files() {
    let project = copy_fixture("editor");
    let out = tempfile::tempdir().expect("temp");
    let (mut session, first) = Session::start(project.path(), Some(out.path()));
    first.expect("first build");
    let clean = tree(out.path());
    // Someone edits a page (same size) and deletes another by hand in the output.
    edit_same_size(&out.path().join("zonnebloem/index.html"));
    std::fs::remove_file(out.path().join("de-linde/brief/index.html")).expect("rm");
    std::fs::write(out.path().join("assets/style.css"), "").expect("truncate");
    let report = session.rebuild_everything().expect("rebuild");
    assert_eq!(
        report.written.written.len(),
        3,
        "{:?}",
        report.written.written
    );
    assert!(clean == tree(out.path()), "the output is repaired");
    // And a second full rebuild, with nothing touched, writes nothing.
    let again = session.rebuild_everything().expect("rebuild");
    assert!(
        again.written.written.is_empty(),
        "{:?}",
        again.written.written
    );
}

#[test]
fn a_build_from_the_command_line_repairs_hand_edited_and_deleted_files() {
    let project = copy_fixture("editor");
    let out = tempfile::tempdir().expect("temp");
    build_ok(project.path(), out.path());
    let clean = tree(out.path());
    edit_same_size(&out.path().join("zonnebloem/index.html"));
    std::fs::remove_file(out.path().join("de-linde/brief/index.html")).expect("rm");
    build_ok(project.path(), out.path());
    assert!(clean == tree(out.path()), "the output is repaired");
}
