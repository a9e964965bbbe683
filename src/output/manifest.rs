//! The manifest: the list of files buddysite made in an output folder.
//!
//! It is the only licence the writer has to delete anything, so it is not trusted blindly: a
//! manifest can come from a cloned repository or a shared folder, and a line `../v/a` or
//! `/var/www/other/b` must never make a build delete a file outside the output. Every line
//! must be a plain relative path inside the output; a manifest with any other line is refused
//! as a whole, before anything is deleted.

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::BTreeSet;
use std::io;
use std::path::Path;

/// Name of the manifest file in the output folder.
pub const MANIFEST: &str = ".buddysite-manifest";
const HEADER: &str = "# files written by buddysite; do not edit";

/// Names in the output folder that belong to buddysite's own bookkeeping (manifest, lock,
/// staging folder): never pages, never listed in the manifest.
pub fn is_own_file(name: &str) -> bool {
    name.starts_with(".buddysite-")
}

/// Why `line` is not a plain relative path inside the output, if it is not.
pub fn invalid_entry(line: &str) -> Option<&'static str> {
    if line.starts_with('/') {
        return Some("it is an absolute path");
    }
    if line.contains('\\') {
        return Some("it contains a backslash");
    }
    if line.chars().any(char::is_control) {
        return Some("it contains a control character");
    }
    let bytes = line.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Some("it starts with a drive letter");
    }
    for segment in line.split('/') {
        match segment {
            "" => return Some("it has an empty part (`//` or a `/` at an end)"),
            "." | ".." => return Some("it uses `.` or `..`"),
            _ => {}
        }
    }
    if line.split('/').next().is_some_and(is_own_file) {
        return Some("it names one of buddysite's own files");
    }
    None
}

/// Reads the manifest in `dir`: `Ok(None)` when there is none, the listed paths when every
/// line is valid, and one error per bad line (naming the manifest and the line) otherwise.
pub fn read(dir: &Path) -> Result<Option<BTreeSet<String>>, Diagnostics> {
    let path = dir.join(MANIFEST);
    let shown = path.display().to_string();
    let text = match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Diagnostic::error_text(&shown, crate::text!(MANIFEST_LINK))
                .help(crate::text!(MANIFEST_LINK_HELP))
                .into())
        }
        _ => std::fs::read(&path).map_err(|e| {
            Diagnostics::from(Diagnostic::error_text(
                &shown,
                crate::text!(MANIFEST_CANNOT_READ, error = e.to_string()),
            ))
        })?,
    };
    let text = String::from_utf8_lossy(&text);
    let mut paths = BTreeSet::new();
    let mut problems = Diagnostics::default();
    for (i, raw) in text.lines().enumerate() {
        // A manifest checked out with Windows line endings is still buddysite's own.
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match invalid_entry(line) {
            None => {
                paths.insert(line.to_owned());
            }
            Some(why) => problems.push(
                Diagnostic::error_text(
                    &shown,
                    crate::text!(MANIFEST_BAD_LINE, line = line, why = why),
                )
                .at(&text, i + 1, 1)
                .help(crate::text!(MANIFEST_BAD_LINE_HELP)),
            ),
        }
    }
    if problems.is_empty() {
        Ok(Some(paths))
    } else {
        Err(problems)
    }
}

/// Replaces the manifest in `dir` with `paths`, atomically (a temporary file renamed over it).
pub fn write(dir: &Path, paths: &BTreeSet<String>) -> io::Result<()> {
    let mut text = String::with_capacity(paths.len() * 32 + HEADER.len() + 1);
    text.push_str(HEADER);
    text.push('\n');
    for p in paths {
        text.push_str(p);
        text.push('\n');
    }
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(MANIFEST))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_inside_the_output_pass() {
        for good in [
            "index.html",
            "de-brucke/buddys/anna/index.html",
            "a b/c:d.png",
        ] {
            assert_eq!(invalid_entry(good), None, "{good}");
        }
        for bad in [
            "../v/a",
            "a/../../b",
            "/abs/path/b",
            "C:/Users/x",
            "c:x",
            "a\\..\\b",
            "a//b",
            "a/",
            "./a",
            "a\0b",
            ".buddysite-lock",
            ".buddysite-staging/x",
        ] {
            assert!(invalid_entry(bad).is_some(), "{bad:?}");
        }
    }
}
