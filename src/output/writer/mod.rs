//! The writer: stages one build's files, checks that every path it will touch is its own,
//! then moves them into place.

mod places;

use super::lock::{self, Lock};
use super::manifest::{self, MANIFEST};
use super::{fingerprint, CommitStats, Scope, WriteError, STAGING};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::SiteFile;
use places::Place;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::Metadata;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Writes one build's files into an output folder.
#[derive(Debug)]
pub struct Writer {
    dir: PathBuf,
    staging: PathBuf,
    previous: BTreeSet<String>,
    known: HashMap<String, u64>,
    staged: Mutex<Vec<String>>,
    unchanged: Mutex<Vec<String>>,
    stamps: Mutex<HashMap<String, u64>>,
    refusals: Mutex<BTreeMap<String, Diagnostic>>,
    staging_used: AtomicBool,
    fail_after: Option<usize>,
    lock: Lock,
}

/// A stamp of a file in the output: its bytes' fingerprint, its size and its modification
/// time. A later build trusts a file as unchanged only if the disk still shows the same size
/// and time, so a file edited or deleted by hand is noticed without reading every file.
fn stamp(hash: u64, meta: &Metadata) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (hash, meta.len(), meta.modified().ok()).hash(&mut h);
    h.finish()
}

impl Writer {
    /// Opens `dir` for writing: takes its lock (waiting up to a few seconds for another
    /// writer), reads and checks its manifest, refuses folders that hold files buddysite did
    /// not make, and clears what a killed earlier build left behind.
    pub fn open(dir: &Path) -> Result<Writer, Diagnostics> {
        Writer::open_waiting(dir, lock::WAIT)
    }

    /// Like [`Writer::open`], waiting at most `wait` for another writer.
    pub fn open_waiting(dir: &Path, wait: Duration) -> Result<Writer, Diagnostics> {
        let shown = dir.display().to_string();
        let created = match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => false,
            Ok(_) => {
                return Err(
                    Diagnostic::error_text(&shown, crate::text!(WRITER_OUTPUT_IS_FILE))
                        .help(crate::text!(WRITER_OUTPUT_IS_FILE_HELP))
                        .into(),
                )
            }
            Err(_) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Diagnostics::from(Diagnostic::error_text(
                        &shown,
                        crate::text!(WRITER_CANNOT_CREATE, error = e.to_string()),
                    ))
                })?;
                true
            }
        };
        // Looked at once before locking, so that a folder that is not buddysite's does not
        // even get a lock file, and again under the lock, where it counts.
        previous_files(dir)?;
        let mut lock = Lock::acquire(dir, wait)?;
        let previous = previous_files(dir)?;
        // Under the lock, a staging folder is what a killed build left: ours to clear.
        let staging = dir.join(STAGING);
        remove_own(&staging).map_err(|e| {
            Diagnostics::from(Diagnostic::error_text(
                &shown,
                crate::text!(
                    WRITER_CANNOT_CLEAR_STAGING,
                    staging = STAGING,
                    error = e.to_string()
                ),
            ))
        })?;
        let _ = remove_own(&dir.join(format!("{MANIFEST}.tmp")));
        lock.remove_on_release = !dir.join(MANIFEST).exists();
        lock.remove_folder = created;
        Ok(Writer {
            dir: dir.to_owned(),
            staging,
            previous,
            known: HashMap::new(),
            staged: Mutex::new(Vec::new()),
            unchanged: Mutex::new(Vec::new()),
            stamps: Mutex::new(HashMap::new()),
            refusals: Mutex::new(BTreeMap::new()),
            staging_used: AtomicBool::new(false),
            fail_after: None,
            lock,
        })
    }

    /// Trusts these stamps of what is in the output now (from the previous build of the same
    /// session): a file whose size and time on disk still match is not read again.
    pub fn with_known(mut self, known: HashMap<String, u64>) -> Writer {
        self.known = known;
        self
    }

    /// Makes the commit fail after `n` files were moved into place, as a full disk would:
    /// for tests of what the writer then reports and leaves behind.
    #[cfg(test)]
    pub fn fail_after(mut self, n: usize) -> Writer {
        self.fail_after = Some(n);
        self
    }

    /// Files the previous build wrote.
    pub fn previous(&self) -> &BTreeSet<String> {
        &self.previous
    }

    /// Stages the files of one site under `prefix` (`"klaverblad/"`, or `""` for the overview)
    /// whose bytes differ from what is in the output now. A path that runs through a link,
    /// or where a file buddysite did not make is in the way, is not staged but refused at
    /// commit time, together with every other such path.
    pub fn stage(&self, prefix: &str, files: &[SiteFile]) -> io::Result<()> {
        let mut staged = Vec::new();
        let mut unchanged = Vec::new();
        let mut stamps = Vec::with_capacity(files.len());
        let mut dirs: HashMap<String, bool> = HashMap::new();
        let mut seen = std::collections::HashSet::with_capacity(files.len());
        let mut made: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
        for file in files {
            let rel = format!("{prefix}{}", file.path);
            if !seen.insert(file.path.as_str()) {
                // Two sources for one path: whichever came last would win. Refuse the build.
                let d = self.refusal(
                    &rel,
                    crate::text!(WRITER_TWICE),
                    crate::text!(WRITER_TWICE_HELP),
                );
                if let Ok(mut all) = self.refusals.lock() {
                    all.entry(d.file.clone()).or_insert(d);
                }
                continue;
            }
            let bytes = file.body.bytes();
            let hash = fingerprint(bytes);
            let meta = match self.inspect(&rel, &mut dirs) {
                Ok(Place::Free) => None,
                Ok(Place::Taken(m)) => Some(m),
                Err(refusal) => {
                    if let Ok(mut all) = self.refusals.lock() {
                        all.entry(refusal.file.clone()).or_insert(refusal);
                    }
                    continue;
                }
            };
            if let Some(m) = meta.as_ref().filter(|m| m.is_file()) {
                let now = stamp(hash, m);
                let same = self.known.get(&rel) == Some(&now)
                    || (m.len() == bytes.len() as u64
                        && std::fs::read(self.dir.join(&rel)).is_ok_and(|old| old == bytes));
                if same {
                    stamps.push((rel.clone(), now));
                    unchanged.push(rel);
                    continue;
                }
            }
            let target = self.staging.join(&rel);
            self.staging_used.store(true, Ordering::Relaxed);
            if let Some(parent) = target.parent() {
                // Each staging folder is made once per site, not once per file in it.
                if !made.contains(parent) {
                    std::fs::create_dir_all(parent)?;
                    made.insert(parent.to_owned());
                }
            }
            let mut out = std::fs::File::create(&target)?;
            out.write_all(bytes)?;
            // A rename keeps the modification time, so this is the stamp once in place.
            stamps.push((rel.clone(), stamp(hash, &out.metadata()?)));
            staged.push(rel);
        }
        if let Ok(mut all) = self.staged.lock() {
            all.extend(staged);
        }
        if let Ok(mut all) = self.unchanged.lock() {
            all.extend(unchanged);
        }
        if let Ok(mut all) = self.stamps.lock() {
            all.extend(stamps);
        }
        Ok(())
    }

    /// Drops everything staged; the output stays as it was.
    pub fn abort(self) {}

    /// Moves staged files into place, deletes files of earlier builds in `scope` that were not
    /// made again (`made`), and records the new manifest. Every path is checked before the
    /// first change: a refusal leaves the output exactly as it was.
    pub fn commit(
        mut self,
        made: &BTreeSet<String>,
        scope: &Scope,
    ) -> Result<CommitStats, WriteError> {
        let mut staged = self.staged.lock().map(|s| s.clone()).unwrap_or_default();
        staged.sort();
        let unchanged = self.unchanged.lock().map(|s| s.clone()).unwrap_or_default();
        let in_scope = |p: &str| match scope {
            Scope::All => true,
            Scope::Prefixes(prefixes) => prefixes.iter().any(|pre| p.starts_with(pre.as_str())),
        };
        let stale: BTreeSet<&String> = self
            .previous
            .iter()
            .filter(|p| in_scope(p) && !made.contains(*p))
            .collect();
        let mut refusals = self.refusals.lock().map(|r| r.clone()).unwrap_or_default();
        for old in &stale {
            if let Some(folder) = self.linked_folder(old) {
                let d = self.link(folder);
                refusals.entry(d.file.clone()).or_insert(d);
            }
        }
        let mut folders = BTreeSet::new();
        for rel in &staged {
            let mut end = 0;
            while let Some(i) = rel[end..].find('/') {
                end += i;
                folders.insert(&rel[..end]);
                end += 1;
            }
        }
        // Below a top-level folder that the output does not have (every school on a first
        // build), nothing can be in the way: one look at that folder answers for all.
        let mut tops: HashMap<String, bool> = HashMap::new();
        let mut top_exists = |rel: &str| -> bool {
            let top = rel.split_once('/').map_or(rel, |(top, _)| top);
            if let Some(&exists) = tops.get(top) {
                return exists;
            }
            let exists = std::fs::symlink_metadata(self.dir.join(top)).is_ok();
            tops.insert(top.to_owned(), exists);
            exists
        };
        for folder in folders {
            if !top_exists(folder) {
                continue;
            }
            // An old file where a folder must go only goes away if this build removes it.
            let is_file =
                std::fs::symlink_metadata(self.dir.join(folder)).is_ok_and(|m| m.is_file());
            if is_file && !stale.contains(&folder.to_owned()) {
                let d = self.refusal(
                    folder,
                    crate::text!(WRITER_FILE_FOR_FOLDER),
                    crate::text!(REMOVE_AND_BUILD_AGAIN),
                );
                refusals.entry(d.file.clone()).or_insert(d);
            }
        }
        for rel in &staged {
            if !top_exists(rel) {
                continue;
            }
            let path = self.dir.join(rel);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
                && !self.only_stale(&path, &stale)
            {
                let d = self.refusal(
                    rel,
                    crate::text!(WRITER_FOREIGN_FOLDER),
                    crate::text!(WRITER_FOREIGN_FOLDER_HELP),
                );
                refusals.entry(d.file.clone()).or_insert(d);
            }
        }
        if !refusals.is_empty() {
            return Err(WriteError::Refused(Diagnostics(
                refusals.into_values().collect(),
            )));
        }
        self.lock.remove_on_release = false;
        let mut progress = Progress {
            total: staged.len(),
            ..Progress::default()
        };
        let result = self.apply(&staged, &stale, &mut progress);
        let mut manifest: BTreeSet<String> = match &result {
            Ok(()) => self
                .previous
                .iter()
                .filter(|p| !in_scope(p))
                .chain(made.iter())
                .cloned()
                .collect(),
            // What is on disk now and buddysite's: so the next build can finish the job.
            Err(_) => self
                .previous
                .iter()
                .filter(|p| !progress.deleted.contains(*p))
                .chain(progress.renamed.iter())
                .chain(unchanged.iter())
                .cloned()
                .collect(),
        };
        manifest.retain(|p| manifest::invalid_entry(p).is_none());
        let recorded = manifest::write(&self.dir, &manifest);
        match (result, recorded) {
            (Ok(()), Ok(())) => {}
            (Err((path, cause)), recorded) => {
                return Err(WriteError::Failed {
                    path,
                    cause,
                    updated: progress.renamed.len(),
                    total: progress.total,
                    deleted: progress.deleted.len(),
                    manifest: recorded.err(),
                })
            }
            (Ok(()), Err(cause)) => {
                return Err(WriteError::Failed {
                    path: MANIFEST.to_owned(),
                    cause,
                    updated: progress.renamed.len(),
                    total: progress.total,
                    deleted: progress.deleted.len(),
                    manifest: None,
                })
            }
        }
        let mut stamps = self.known.clone();
        stamps.retain(|p, _| !in_scope(p));
        if let Ok(mut s) = self.stamps.lock() {
            stamps.extend(s.drain());
        }
        Ok(CommitStats {
            written: staged,
            unchanged: unchanged.len(),
            deleted: progress.deleted,
            fingerprints: stamps,
        })
    }

    /// Deletes the stale files, then moves the staged ones into place.
    fn apply(
        &self,
        staged: &[String],
        stale: &BTreeSet<&String>,
        progress: &mut Progress,
    ) -> Result<(), (String, io::Error)> {
        for old in stale {
            let path = self.dir.join(old);
            match std::fs::symlink_metadata(&path) {
                Ok(m) if !m.is_dir() => {
                    std::fs::remove_file(&path).map_err(|e| ((*old).clone(), e))?;
                    progress.deleted.push((*old).clone());
                    prune_empty_parents(&self.dir, &path);
                }
                // Gone already, or replaced by a folder that is no longer buddysite's.
                _ => {}
            }
        }
        // A top-level folder that the output does not have yet (every school on a first
        // build, a new school later) moves into place whole, with one rename.
        let mut whole: HashMap<&str, bool> = HashMap::new();
        for rel in staged {
            if let Some((top, _)) = rel.split_once('/') {
                let moved = *whole.entry(top).or_insert_with(|| {
                    std::fs::symlink_metadata(self.dir.join(top)).is_err()
                        && std::fs::rename(self.staging.join(top), self.dir.join(top)).is_ok()
                });
                if moved {
                    progress.renamed.push(rel.clone());
                    continue;
                }
            }
            if self.fail_after == Some(progress.renamed.len()) {
                return Err((
                    rel.clone(),
                    io::Error::new(io::ErrorKind::StorageFull, "no space left on device"),
                ));
            }
            let target = self.dir.join(rel);
            let fail = |e| (rel.clone(), e);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(fail)?;
            }
            if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
                // Checked before: it holds only empty folders now.
                std::fs::remove_dir_all(&target).map_err(fail)?;
            }
            std::fs::rename(self.staging.join(rel), &target).map_err(fail)?;
            progress.renamed.push(rel.clone());
        }
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.staging_used.load(Ordering::Relaxed) {
            let _ = remove_own(&self.staging);
        }
    }
}

/// The files the manifest in `dir` lists (none for an empty folder); an error for a bad
/// manifest or a folder that holds files buddysite did not make.
fn previous_files(dir: &Path) -> Result<BTreeSet<String>, Diagnostics> {
    if let Some(paths) = manifest::read(dir)? {
        return Ok(paths);
    }
    let shown = dir.display().to_string();
    let foreign = std::fs::read_dir(dir)
        .map_err(|e| {
            Diagnostic::error_text(
                &shown,
                crate::text!(WRITER_CANNOT_READ, error = e.to_string()),
            )
        })?
        .filter_map(Result::ok)
        .any(|e| !manifest::is_own_file(&e.file_name().to_string_lossy()));
    if foreign {
        return Err(
            Diagnostic::error_text(&shown, crate::text!(WRITER_FOREIGN_FILES))
                .help(crate::text!(WRITER_FOREIGN_FILES_HELP))
                .into(),
        );
    }
    Ok(BTreeSet::new())
}

/// How far a commit got.
#[derive(Default)]
struct Progress {
    total: usize,
    renamed: Vec<String>,
    deleted: Vec<String>,
}

/// Removes one of buddysite's own files or folders in the output (never what a link points to).
fn remove_own(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
    }
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
