//! Input files that are links to files outside the project are refused before they are
//! read, so no message ever shows a line of a file outside the project.
#![cfg(unix)]

mod common;

use common::{buddysite, copy_dir, fixture, path_str};
use std::path::{Path, PathBuf};

const SECRET: &str = "wachtwoord-van-de-directeur";

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The editor fixture in `<tmp>/project`, and a private file outside it whose second line
/// holds a secret and breaks YAML and front matter alike.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let private = dir.path().join("private.yaml");
    std::fs::write(&private, format!("name: x\n  secret: \"{SECRET}\n")).expect("write");
    (dir, root, private)
}

fn link(target: &Path, at: &Path) {
    if at.exists() {
        if at.is_dir() {
            std::fs::remove_dir_all(at).expect("rm");
        } else {
            std::fs::remove_file(at).expect("rm");
        }
    }
    std::os::unix::fs::symlink(target, at).expect("symlink");
}

fn refused(root: &Path, file: &str) {
    let out = root.parent().expect("parent").join("public");
    for args in [
        vec!["check", "--root", path_str(root)],
        vec![
            "build",
            "--root",
            path_str(root),
            "--output",
            path_str(&out),
        ],
    ] {
        let run = buddysite(&args);
        let shown = text(&run);
        assert_eq!(run.status.code(), Some(1), "{args:?}: {shown}");
        assert!(
            shown.contains("a link to a folder or file outside the project"),
            "{args:?}: {shown}"
        );
        assert!(shown.contains(&format!("--> {file}")), "{args:?}: {shown}");
        assert!(
            !shown.contains(SECRET),
            "{args:?} shows the outside file: {shown}"
        );
    }
}

#[test]
fn a_school_file_linked_to_outside_the_project_is_refused_unread() {
    let (_dir, root, private) = setup();
    link(&private, &root.join("schools/de-linde.yaml"));
    refused(&root, "schools/de-linde.yaml");
}

#[test]
fn a_config_file_linked_to_outside_the_project_is_refused_unread() {
    let (_dir, root, private) = setup();
    link(&private, &root.join("buddysite.yaml"));
    refused(&root, "buddysite.yaml");
}

#[test]
fn a_content_folder_linked_to_outside_the_project_is_refused_unread() {
    let (dir, root, _private) = setup();
    let outside = dir.path().join("shared-content");
    std::fs::rename(root.join("content"), &outside).expect("move");
    let md = outside.join("contact.md");
    let text_of = std::fs::read_to_string(&md).expect("read");
    std::fs::write(
        &md,
        text_of.replacen("title:", &format!("title: [\"{SECRET}\"\n"), 1),
    )
    .expect("write");
    link(&outside, &root.join("content"));
    refused(&root, "content");
}

#[test]
fn a_school_file_linked_inside_the_project_still_works() {
    let (_dir, root, _private) = setup();
    let real = root.join("schools/de-linde.yaml");
    let kept = root.join("de-linde-origineel.yaml");
    std::fs::rename(&real, &kept).expect("move");
    link(&kept, &real);
    let run = buddysite(&["check", "--root", path_str(&root)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
}

/// `buddysite.yaml`'s `logo:` is read by the loader like any input: a logo (or a folder on
/// its way) that links out of the project is refused before it is read, and nothing of it is
/// published.
#[test]
fn an_swv_logo_linked_to_outside_the_project_is_refused_unread() {
    for linked in ["logo/swv.svg", "logo"] {
        let (dir, root, _private) = setup();
        let outside = dir.path().join("elsewhere");
        std::fs::create_dir_all(&outside).expect("mkdir");
        let svg =
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>{SECRET}</title></svg>");
        std::fs::write(outside.join("swv.svg"), &svg).expect("write");
        std::fs::create_dir_all(root.join("logo")).expect("mkdir");
        if linked == "logo" {
            link(&outside, &root.join("logo"));
        } else {
            link(&outside.join("swv.svg"), &root.join("logo/swv.svg"));
        }
        let config = root.join("buddysite.yaml");
        let text_of = std::fs::read_to_string(&config).expect("read");
        std::fs::write(&config, format!("{text_of}logo: logo/swv.svg\n")).expect("write");
        refused(&root, linked);
        let public = root.parent().expect("parent").join("public");
        assert!(
            !public.exists(),
            "{linked}: a refused build wrote {public:?}"
        );
    }
}
