//! Which part of the project a changed path belongs to, and so what a batch of changes asks
//! the session to rebuild. One classification serves the plan and the question which
//! school a problem belongs to.

use crate::load::config::is_slug;
use crate::load::project::is_ignored;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a set of changed files asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Nothing buddysite reads changed (output files, editor swap files).
    Nothing,
    /// Only these schools' own files changed.
    Schools(BTreeSet<String>),
    /// Only these shared content files or folders (paths under `content/`) changed.
    Content(BTreeSet<String>),
    /// Shared files changed: reload and re-render everything.
    Everything,
}

/// Where one changed path sits.
enum Input {
    /// Not read by buddysite.
    Ignored,
    /// `buddysite.yaml`, the theme, the SWV logo, or a whole input folder.
    Shared,
    /// A file or folder under `content/`, by its path there.
    Content(String),
    /// A school's YAML, its folder, or a file in it, by slug.
    School(String),
}

/// The school that the project file `rel` (`schools/<slug>.yaml`, `schools/<slug>/…`)
/// belongs to, by slug, or by file stem when that is no valid slug.
pub fn school_of(rel: &str) -> Option<String> {
    let mut parts = rel.split('/');
    if parts.next() != Some("schools") {
        return None;
    }
    let name = parts.next().filter(|n| !n.is_empty())?;
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"));
    match stem {
        Some(stem) => Some(stem.to_owned()),
        // A folder: only a school's folder (a file such as `schools/README.md` is no school).
        None if parts.next().is_some() || is_slug(name) => Some(name.to_owned()),
        None => None,
    }
}

fn classify(root: &Path, out: &Path, logo: Option<&str>, path: &Path) -> Input {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if rel.as_os_str().is_empty()
        || path.starts_with(out)
        || rel.iter().any(is_ignored)
        || rel.starts_with("target")
    {
        return Input::Ignored;
    }
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    if logo == Some(joined.as_str()) {
        return Input::Shared;
    }
    match parts[0].as_str() {
        "buddysite.yaml" | "themes" => Input::Shared,
        // The folder itself appeared, went away or was swapped: read it all again.
        "content" | "schools" if parts.len() == 1 => Input::Shared,
        "content" => Input::Content(parts[1..].join("/")),
        "schools" => match school_of(&joined) {
            Some(slug) if is_slug(&slug) => Input::School(slug),
            Some(_) => Input::Shared,
            None => Input::Ignored,
        },
        _ => Input::Ignored,
    }
}

impl Plan {
    /// What the changed `paths` (absolute, or relative to `root`) ask for, with the output
    /// in `out` and the SWV logo at `logo` (relative to the root).
    pub(super) fn of(root: &Path, out: &Path, logo: Option<&str>, paths: &[PathBuf]) -> Plan {
        let mut schools = BTreeSet::new();
        let mut content = BTreeSet::new();
        for path in paths {
            match classify(root, out, logo, path) {
                Input::Ignored => {}
                Input::Shared => return Plan::Everything,
                Input::Content(rel) => {
                    content.insert(rel);
                }
                Input::School(slug) => {
                    schools.insert(slug);
                }
            }
        }
        match (schools.is_empty(), content.is_empty()) {
            (true, true) => Plan::Nothing,
            (false, true) => Plan::Schools(schools),
            (true, false) => Plan::Content(content),
            (false, false) => Plan::Everything,
        }
    }
}
