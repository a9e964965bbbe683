//! Nothing is lost: a successful build replaces the output without a moment where a page is
//! missing or half-written, and `build` never takes over a folder it did not make.

mod common;

use common::{buddysite, copy_dir, fixture, path_str, tree};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

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

#[test]
fn readers_never_see_a_missing_or_half_written_page_while_a_build_replaces_the_site() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("public");
    let first = build(&root, &out);
    assert!(first.status.success(), "{}", text(&first));
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert!(pages.len() > 10);

    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (stop, reads, out, pages) = (stop.clone(), reads.clone(), out.clone(), pages.clone());
        std::thread::spawn(move || {
            let mut problems = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                for page in &pages {
                    match std::fs::read_to_string(out.join(page)) {
                        Ok(html) if html.trim_end().ends_with("</html>") => {}
                        Ok(html) => {
                            problems.push(format!("{page} half-written ({} bytes)", html.len()))
                        }
                        Err(e) => problems.push(format!("{page} missing: {e}")),
                    }
                    reads.fetch_add(1, Ordering::Relaxed);
                }
            }
            problems
        })
    };
    // Every rebuild changes every page (the SWV's name is in every footer).
    let config = root.join("buddysite.yaml");
    let original = std::fs::read_to_string(&config).expect("read");
    for i in 0..8 {
        let name = format!("Samenwerkingsverband Ronde {i}");
        std::fs::write(
            &config,
            original.replace("Samenwerkingsverband Test & Proef", &name),
        )
        .expect("write");
        let run = build(&root, &out);
        assert!(run.status.success(), "{}", text(&run));
        let home = std::fs::read_to_string(out.join("zonnebloem/index.html")).expect("read");
        assert!(home.contains(&name), "rebuild {i} is in place");
    }
    stop.store(true, Ordering::Relaxed);
    let problems = reader.join().expect("reader");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        reads.load(Ordering::Relaxed) > pages.len(),
        "the reader ran during the builds"
    );
    assert!(
        !tree(&out).keys().any(|p| p.contains("staging")),
        "no staging files are left behind"
    );
}

#[test]
fn building_into_the_project_folder_itself_is_refused_and_touches_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let before = tree(&root);
    let run = build(&root, &root);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("it is the project folder itself"), "{shown}");
    assert!(before == tree(&root), "the project is untouched");
}

#[test]
fn a_folder_with_someone_elses_files_is_never_cleaned() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("website");
    std::fs::create_dir_all(out.join("fotos")).expect("mkdir");
    std::fs::write(out.join("fotos/schoolreis.jpg"), b"jpeg").expect("write");
    std::fs::write(out.join("index.html"), b"<p>eigen site</p>").expect("write");
    let before = tree(&out);
    let run = build(&root, &out);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("will not overwrite or delete them"),
        "{shown}"
    );
    assert!(before == tree(&out), "the folder is untouched");
}

#[test]
fn an_output_folder_in_the_config_that_holds_the_content_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let config = root.join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{yaml}output: content\n")).expect("write");
    let before = tree(&root);
    let run = buddysite(&["build", "--root", path_str(&root)]);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("--> buddysite.yaml:9"), "{shown}");
    assert!(
        shown.contains("that folder holds your own files"),
        "{shown}"
    );
    assert!(before == tree(&root), "the project is untouched");
}
