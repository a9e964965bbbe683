//! When writing itself fails (here: a file size limit, as a full disk would), the message says
//! truthfully what the output holds, and no staging folder is left behind.
#![cfg(unix)]

mod common;

use common::{copy_dir, fixture, path_str, tree, FIXED_DATE};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `buddysite build` that may write no file larger than `limit` bytes.
fn build_limited(root: &Path, out: &Path, limit: u64) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_buddysite"));
    cmd.args(["build", "--root", path_str(root), "--output", path_str(out)])
        .env("SOURCE_DATE_EPOCH", FIXED_DATE);
    // SAFETY: only async-signal-safe calls (signal, setrlimit) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            // A write past the limit then fails with EFBIG instead of killing the process.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let rlim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rlim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("run buddysite")
}

fn built() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("public");
    common::build_ok(&root, &out);
    (dir, root, out)
}

#[test]
fn a_write_that_fails_while_staging_changes_nothing_and_says_so() {
    let (_dir, root, out) = built();
    let config = root.join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        yaml.replace(
            "Samenwerkingsverband Test & Proef",
            "Samenwerkingsverband Vol",
        ),
    )
    .expect("write");
    let before = tree(&out);
    let run = build_limited(&root, &out, 2000);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("in the staging folder"), "{shown}");
    assert!(
        shown.contains("Nothing in the output was changed"),
        "{shown}"
    );
    assert!(shown.contains("was left as it was"), "{shown}");
    assert!(before == tree(&out), "the output is exactly as it was");
    assert!(!out.join(".buddysite-staging").exists(), "no staging left");
}

#[test]
fn a_write_that_fails_at_the_very_end_says_the_new_site_is_in_place() {
    let (_dir, root, out) = built();
    // An old page of an earlier build that this build removes; then the new manifest does
    // not fit under the limit.
    std::fs::write(out.join("zonnebloem/oud.html"), "<p>oud</p>").expect("write");
    let manifest = out.join(".buddysite-manifest");
    let mut listed = std::fs::read_to_string(&manifest).expect("read");
    listed.push_str("zonnebloem/oud.html\n");
    std::fs::write(&manifest, &listed).expect("write");
    assert!(listed.len() > 600, "the manifest is larger than the limit");
    let run = build_limited(&root, &out, 600);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(shown.contains("the new site is in place"), "{shown}");
    assert!(
        !shown.contains("was left as it was"),
        "that would be false: {shown}"
    );
    assert!(!out.join("zonnebloem/oud.html").exists());
    assert!(!out.join(".buddysite-staging").exists(), "no staging left");
    // Without the limit, the next build finishes the job.
    common::build_ok(&root, &out);
    let listed = std::fs::read_to_string(&manifest).expect("read");
    assert!(!listed.contains("oud.html"), "{listed}");
    assert!(!out.join(".buddysite-manifest.tmp").exists());
}
