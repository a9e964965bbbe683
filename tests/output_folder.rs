//! The writer only ever touches its own files in the output folder: a manifest line cannot
//! point outside it, nothing is written or deleted through a link, an output folder never
//! overlaps the project's input, and what a killed or failed build leaves is cleaned up and
//! reported truthfully.

mod common;

use common::{buddysite, copy_dir, fixture, path_str, tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn build(root: &Path, out: &Path) -> std::process::Output {
    buddysite(&["build", "--root", path_str(root), "--output", path_str(out)])
}

/// A copy of the editor fixture at `<tmp>/project`, built once into `<tmp>/public`.
fn built() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("public");
    let run = build(&root, &out);
    assert!(run.status.success(), "{}", text(&run));
    (dir, root, out)
}

/// Renames the SWV, so that every page of the next build differs.
fn rename_swv(root: &Path, name: &str) {
    let config = root.join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    let renamed = yaml.replace("Samenwerkingsverband Test & Proef", name);
    assert_ne!(yaml, renamed, "the fixture's SWV name is in buddysite.yaml");
    std::fs::write(&config, renamed).expect("write");
}

fn manifest_paths(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out.join(".buddysite-manifest"))
        .expect("manifest")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The output's files without buddysite's own bookkeeping files.
fn pages(out: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(out)
        .into_iter()
        .filter(|(p, _)| !p.starts_with(".buddysite-"))
        .collect()
}

#[test]
fn manifest_lines_outside_the_output_are_refused_and_nothing_is_deleted() {
    let (dir, root, out) = built();
    // Real files that a `../` and an absolute line point at.
    std::fs::create_dir_all(dir.path().join("v")).expect("mkdir");
    std::fs::write(dir.path().join("v/a"), "a colleague's file").expect("write");
    let elsewhere = dir.path().join("abs/path");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::write(elsewhere.join("b"), "another site").expect("write");
    let manifest = out.join(".buddysite-manifest");
    let mut text_of = std::fs::read_to_string(&manifest).expect("read");
    text_of.push_str("../v/a\n");
    text_of.push_str(&format!("{}\n", path_str(&elsewhere.join("b"))));
    std::fs::write(&manifest, &text_of).expect("write");
    let bad_line = text_of.lines().count() - 1;
    // Remove a page, so that a trusting writer would delete what the manifest lists.
    std::fs::remove_file(root.join("content/buddys/ben.md")).expect("rm");
    let before = tree(&out);

    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("the manifest lists `../v/a`"), "{shown}");
    assert!(
        shown.contains(&format!(".buddysite-manifest:{bad_line}")),
        "the manifest and the line are named: {shown}"
    );
    assert!(shown.contains("it is an absolute path"), "{shown}");
    assert!(shown.contains("Nothing was changed"), "{shown}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("v/a")).expect("kept"),
        "a colleague's file"
    );
    assert_eq!(
        std::fs::read_to_string(elsewhere.join("b")).expect("kept"),
        "another site"
    );
    assert!(before == tree(&out), "the output is untouched");
}

#[cfg(unix)]
#[test]
fn a_linked_school_folder_in_the_output_is_never_written_through() {
    let (dir, root, out) = built();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::rename(out.join("zonnebloem"), &elsewhere).expect("move");
    std::os::unix::fs::symlink(&elsewhere, out.join("zonnebloem")).expect("symlink");
    let target_before = tree(&elsewhere);
    let before = tree(&out);
    rename_swv(&root, "Samenwerkingsverband Gelinkt");
    // A removed page: its old files in the linked folder must not be deleted either.
    std::fs::remove_file(root.join("content/buddys/ben.md")).expect("rm");

    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(&format!("--> {}", path_str(&out.join("zonnebloem")))),
        "the link is named: {shown}"
    );
    assert!(
        shown.contains("never writes or deletes through a link"),
        "{shown}"
    );
    assert!(shown.contains("remove the link"), "{shown}");
    assert!(shown.contains("was left as it was"), "{shown}");
    assert!(
        target_before == tree(&elsewhere),
        "the link's target is untouched"
    );
    assert!(before == tree(&out), "the output is untouched");
    assert!(!out.join(".buddysite-staging").exists());
}

#[cfg(unix)]
#[test]
fn a_linked_file_in_the_output_is_never_written_through() {
    let (dir, root, out) = built();
    let mine = dir.path().join("mine.html");
    std::fs::write(&mine, "<p>my own overview</p>").expect("write");
    std::fs::remove_file(out.join("index.html")).expect("rm");
    std::os::unix::fs::symlink(&mine, out.join("index.html")).expect("symlink");
    rename_swv(&root, "Samenwerkingsverband Gelinkt");

    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(&format!("--> {}", path_str(&out.join("index.html")))),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(&mine).expect("read"),
        "<p>my own overview</p>"
    );
    let home = std::fs::read_to_string(out.join("zonnebloem/index.html")).expect("read");
    assert!(
        !home.contains("Gelinkt"),
        "nothing of the new build is in place"
    );
}

#[test]
fn an_output_folder_inside_an_input_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let before = tree(&root);
    for (out, why) in [
        (root.join("content/gen"), "inside `content`"),
        (root.join("schools/zonnebloem/gen"), "inside `schools`"),
        (root.join("themes/gen"), "inside `themes`"),
        (root.clone(), "the project folder itself"),
        (root.join("content/../schools/x"), "inside `schools`"),
    ] {
        let run = build(&root, &out);
        let shown = text(&run);
        assert_eq!(run.status.code(), Some(1), "{}: {shown}", out.display());
        assert!(shown.contains(why), "{}: {shown}", out.display());
        assert!(shown.contains("--output public"), "advice: {shown}");
        assert!(
            before == tree(&root),
            "{}: the project is untouched",
            out.display()
        );
    }
    // The other way round: the project (all its input) inside the output folder.
    let run = build(&root, dir.path());
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("holds the project itself"), "{shown}");
    assert!(before == tree(&root));
    assert!(!dir.path().join(".buddysite-lock").exists());
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_links_into_the_content_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    std::fs::create_dir_all(root.join("content/gen")).expect("mkdir");
    std::os::unix::fs::symlink(root.join("content/gen"), root.join("public")).expect("link");
    let before = tree(&root);
    let run = buddysite(&["build", "--root", path_str(&root)]);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("inside `content`"), "{shown}");
    assert!(before == tree(&root));
}

#[test]
fn what_a_killed_first_build_left_is_cleaned_up_and_the_next_build_succeeds() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("public");
    // As a build killed while staging leaves it: a staging folder with half the pages and
    // the lock file with the dead process's id, but no manifest yet.
    let staging = out.join(".buddysite-staging/zonnebloem/brief");
    std::fs::create_dir_all(&staging).expect("mkdir");
    std::fs::write(staging.join("index.html"), "<!doctype html><p>half").expect("write");
    let mut dead = std::process::Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = dead.id();
    dead.wait().expect("wait");
    std::fs::write(out.join(".buddysite-lock"), format!("{pid}\n")).expect("write");

    let run = build(&root, &out);
    assert!(run.status.success(), "{}", text(&run));
    assert!(!out.join(".buddysite-staging").exists(), "staging cleared");
    let files = pages(&out);
    assert!(files.contains_key("zonnebloem/brief/index.html"));
    let listed: Vec<String> = files.keys().cloned().collect();
    assert_eq!(
        manifest_paths(&out),
        listed,
        "the manifest lists exactly the output"
    );
}

#[test]
fn what_a_killed_rebuild_left_is_cleaned_up() {
    let (_dir, root, out) = built();
    let staging = out.join(".buddysite-staging/zonnebloem");
    std::fs::create_dir_all(&staging).expect("mkdir");
    std::fs::write(staging.join("stray.html"), "half").expect("write");
    rename_swv(&root, "Samenwerkingsverband Na De Crash");
    let run = build(&root, &out);
    assert!(run.status.success(), "{}", text(&run));
    assert!(!out.join(".buddysite-staging").exists());
    assert!(!out.join("zonnebloem/stray.html").exists());
}

#[test]
fn a_file_where_a_folder_must_go_is_refused_before_anything_changes() {
    let (_dir, root, out) = built();
    // Someone replaced the buddies folder by a file of their own.
    std::fs::remove_dir_all(out.join("zonnebloem/buddys")).expect("rm");
    std::fs::write(out.join("zonnebloem/buddys"), "mine").expect("write");
    rename_swv(&root, "Samenwerkingsverband Nieuw");
    let before = tree(&out);
    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(&format!("--> {}", path_str(&out.join("zonnebloem/buddys")))),
        "{shown}"
    );
    assert!(
        shown.contains("a file that buddysite did not make"),
        "{shown}"
    );
    assert!(shown.contains("nothing was changed"), "{shown}");
    assert!(shown.contains("was left as it was"), "{shown}");
    assert!(before == tree(&out), "the output is exactly as it was");
    assert!(!out.join(".buddysite-staging").exists());
}

#[test]
fn two_sources_for_one_page_fail_with_the_output_as_it_was_and_no_staging_left() {
    let (_dir, root, out) = built();
    // `buddys.md` next to `buddys/` makes `buddys/index.html` twice.
    std::fs::copy(root.join("content/info.md"), root.join("content/buddys.md")).expect("copy");
    rename_swv(&root, "Samenwerkingsverband Dubbel");
    let before = tree(&out);
    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("was left as it was"), "{shown}");
    assert!(before == tree(&out), "the output is exactly as it was");
    assert!(!out.join(".buddysite-staging").exists(), "no staging left");
}

#[cfg(unix)]
#[test]
fn a_failed_first_build_leaves_no_output_folder() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let info = root.join("content/info.md");
    let md = std::fs::read_to_string(&info).expect("read");
    std::fs::write(&info, format!("{md}\n{{{{ school.nmae }}}}\n")).expect("write");
    let out = dir.path().join("public");
    let run = build(&root, &out);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(!out.exists(), "{:?}", tree(&out).keys().collect::<Vec<_>>());
}
