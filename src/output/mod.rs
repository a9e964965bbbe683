//! Writing the output folder safely.
//!
//! A failed build must leave the last good output exactly as it was, and a good build must
//! never leave a page missing or half-written. So files are first written into a staging
//! folder inside the output folder (same file system), and only when every school rendered
//! without errors are they renamed into place, one atomic rename per file. Files whose bytes
//! did not change are not touched. A manifest records what buddysite wrote, so it only ever
//! deletes its own files, and refuses to take over a folder it did not make.

pub mod build;

use crate::diagnostics::Diagnostic;
use crate::render::SiteFile;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Name of the manifest file in the output folder.
pub const MANIFEST: &str = ".buddysite-manifest";
const MANIFEST_HEADER: &str = "# files written by buddysite; do not edit";
const STAGING: &str = ".buddysite-staging";

/// Which output files a build is responsible for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole output: files from earlier builds that are not made again are deleted.
    All,
    /// Only these path prefixes (`klaverblad/`, and `""`-level files listed separately).
    Prefixes(Vec<String>),
}

/// Writes one build's files into an output folder.
#[derive(Debug)]
pub struct Writer {
    dir: PathBuf,
    staging: PathBuf,
    previous: BTreeSet<String>,
    staged: std::sync::Mutex<Vec<String>>,
    unchanged: AtomicUsize,
    known: HashMap<String, u64>,
    hashes: std::sync::Mutex<HashMap<String, u64>>,
}

/// A fast fingerprint of a file's bytes, to skip unchanged files without reading them.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Writer {
    /// Opens `dir` for writing, refusing folders that hold files buddysite did not make.
    pub fn open(dir: &Path) -> Result<Writer, Diagnostic> {
        let shown = dir.display().to_string();
        let previous = if dir.exists() {
            if !dir.is_dir() {
                return Err(
                    Diagnostic::error(&shown, "the output path is a file, not a folder")
                        .with_help("choose another output folder with --output"),
                );
            }
            match std::fs::read_to_string(dir.join(MANIFEST)) {
                Ok(text) => text
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                Err(_) => {
                    let has_files = std::fs::read_dir(dir)
                        .map_err(|e| {
                            Diagnostic::error(&shown, format!("cannot read the output folder: {e}"))
                        })?
                        .next()
                        .is_some();
                    if has_files {
                        return Err(Diagnostic::error(
                            &shown,
                            "the output folder already holds files that buddysite did not make",
                        )
                        .with_help("buddysite will not overwrite or delete them: choose an empty or new folder with --output, or empty this one yourself"));
                    }
                    BTreeSet::new()
                }
            }
        } else {
            BTreeSet::new()
        };
        let staging = dir.join(STAGING);
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| {
                Diagnostic::error(&shown, format!("cannot clear an old staging folder: {e}"))
            })?;
        }
        Ok(Writer {
            dir: dir.to_owned(),
            staging,
            previous,
            staged: std::sync::Mutex::new(Vec::new()),
            unchanged: AtomicUsize::new(0),
            known: HashMap::new(),
            hashes: std::sync::Mutex::new(HashMap::new()),
        })
    }

    /// Trusts these fingerprints of what is in the output now (from the previous build of
    /// the same session), so unchanged files are recognised without reading them.
    pub fn with_known(mut self, known: HashMap<String, u64>) -> Writer {
        self.known = known;
        self
    }

    /// Files the previous build wrote.
    pub fn previous(&self) -> &BTreeSet<String> {
        &self.previous
    }

    /// Stages the files of one site under `prefix` (`"klaverblad/"`, or `""` for the overview)
    /// whose bytes differ from what is in the output now.
    pub fn stage(&self, prefix: &str, files: &[SiteFile]) -> io::Result<()> {
        let mut staged = Vec::new();
        let mut hashes = Vec::with_capacity(files.len());
        for file in files {
            let rel = format!("{prefix}{}", file.path);
            let bytes = file.body.bytes();
            let hash = fingerprint(bytes);
            hashes.push((rel.clone(), hash));
            let current = self.dir.join(&rel);
            let same = match self.known.get(&rel) {
                Some(&known) => known == hash,
                None => {
                    std::fs::metadata(&current)
                        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                        && std::fs::read(&current).is_ok_and(|old| old == bytes)
                }
            };
            if same {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            let target = self.staging.join(&rel);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&target, bytes)?;
            staged.push(rel);
        }
        if let Ok(mut all) = self.staged.lock() {
            all.extend(staged);
        }
        if let Ok(mut all) = self.hashes.lock() {
            all.extend(hashes);
        }
        Ok(())
    }

    /// Drops everything staged; the output stays as it was.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }

    /// Moves staged files into place, deletes files of earlier builds in `scope` that were not
    /// made again (`made`), and records the new manifest. Returns the number of files written.
    pub fn commit(self, made: &BTreeSet<String>, scope: &Scope) -> io::Result<CommitStats> {
        let staged = self.staged.lock().map(|s| s.clone()).unwrap_or_default();
        // A top-level folder that the output does not have yet (every school on a first
        // build, a new school later) moves into place whole, with one rename.
        let mut moved_whole: HashMap<&str, bool> = HashMap::new();
        for rel in &staged {
            if let Some((top, _)) = rel.split_once('/') {
                let moved = *moved_whole.entry(top).or_insert_with(|| {
                    let target = self.dir.join(top);
                    std::fs::symlink_metadata(&target).is_err()
                        && std::fs::rename(self.staging.join(top), &target).is_ok()
                });
                if moved {
                    continue;
                }
            }
            let target = self.dir.join(rel);
            if let Some(parent) = target.parent() {
                if parent.is_file() {
                    std::fs::remove_file(parent)?;
                }
                std::fs::create_dir_all(parent)?;
            }
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::rename(self.staging.join(rel), &target)?;
        }
        let in_scope = |p: &str| match scope {
            Scope::All => true,
            Scope::Prefixes(prefixes) => prefixes.iter().any(|pre| p.starts_with(pre.as_str())),
        };
        let mut deleted = Vec::new();
        let mut manifest: BTreeSet<String> = self
            .previous
            .iter()
            .filter(|p| !in_scope(p))
            .cloned()
            .collect();
        for old in self
            .previous
            .iter()
            .filter(|p| in_scope(p) && !made.contains(*p))
        {
            let path = self.dir.join(old);
            if std::fs::remove_file(&path).is_ok() {
                deleted.push(old.clone());
                prune_empty_parents(&self.dir, &path);
            }
        }
        manifest.extend(made.iter().cloned());
        let mut text = String::from(MANIFEST_HEADER);
        text.push('\n');
        for p in &manifest {
            text.push_str(p);
            text.push('\n');
        }
        let tmp = self.dir.join(format!("{MANIFEST}.tmp"));
        std::fs::create_dir_all(&self.dir)?;
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, self.dir.join(MANIFEST))?;
        let _ = std::fs::remove_dir_all(&self.staging);
        let mut fingerprints = self.known;
        fingerprints.retain(|p, _| !in_scope(p));
        fingerprints.extend(self.hashes.into_inner().unwrap_or_default());
        Ok(CommitStats {
            written: staged,
            unchanged: self.unchanged.load(Ordering::Relaxed),
            deleted,
            fingerprints,
        })
    }
}

/// What a commit did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitStats {
    /// Files written (new or changed), by path in the output.
    pub written: Vec<String>,
    /// How many files already had the right bytes.
    pub unchanged: usize,
    /// Files of earlier builds removed.
    pub deleted: Vec<String>,
    /// Fingerprints of every file in the output now, for the next build of a session.
    pub fingerprints: HashMap<String, u64>,
}

fn prune_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
