//! Helpers shared by the integration tests: fixture copies, running the real binary, and
//! reading the output.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 2026-06-01: fixture buddy `cleo` has consent until 2026-01-31, the others until 2030.
pub const FIXED_DATE: &str = "1780272000";

/// The path of a fixture project in `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a fixture project into a fresh temporary folder.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture(name), dir.path());
    dir
}

/// Copies a folder tree. Tests that build a fixture in place write its cache meanwhile
/// (atomically: a temporary file may vanish between the walk seeing it and the copy).
pub fn copy_dir(from: &Path, to: &Path) {
    let walk = walkdir::WalkDir::new(from);
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e)
                if e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound) =>
            {
                continue
            }
            Err(e) => panic!("walk {}: {e}", from.display()),
        };
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            match std::fs::copy(entry.path(), &target) {
                Ok(_) => {}
                // A cache's temporary file, renamed into place since the walk saw it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => panic!("copy {}: {e}", entry.path().display()),
            }
        }
    }
}

/// Runs the real `buddysite` binary with a fixed date.
pub fn buddysite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", FIXED_DATE)
        // The tests read English messages, whatever the machine's language.
        .env("BUDDYSITE_LANG", "en")
        .output()
        .expect("run buddysite")
}

/// Builds `root` into `out` and insists it succeeds.
pub fn build_ok(root: &Path, out: &Path) -> Output {
    let output = buddysite(&["build", "--root", path_str(root), "--output", path_str(out)]);
    assert!(
        output.status.success(),
        "build failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A path as `&str` (test paths are UTF-8).
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            // A file renamed away between listing and reading (a live preview writing while
            // a test polls the folder) is not there: callers that poll simply look again.
            match std::fs::read(e.path()) {
                Ok(bytes) => Some((rel, bytes)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
                Err(err) => panic!("read {rel}: {err}"),
            }
        })
        .collect()
}

/// Reads and parses an HTML file of the output.
pub fn html(out: &Path, rel: &str) -> scraper::Html {
    let text = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    scraper::Html::parse_document(&text)
}

/// The text of every element matching `selector`, whitespace-normalised.
pub fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text of every element matching `selector` as a browser reads it (`textContent`: its
/// text nodes joined as they are, so `anna@<span>…</span>.` stays one word), with runs of
/// whitespace made one space. [`texts`] puts a space between text nodes instead.
pub fn text_content(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The values of `attr` on every element matching `selector`.
pub fn attrs(doc: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}
