//! Writing the output folder safely.
//!
//! A failed build must leave the last good output exactly as it was, and a good build must
//! never leave a page missing or half-written. So files are first written into a staging
//! folder inside the output folder (same file system), and only when every school rendered
//! without errors are they renamed into place, one atomic rename per file. Files whose bytes
//! did not change are not touched.
//!
//! The output folder is often shared or synced, so the writer only ever touches its own
//! files: a manifest records what buddysite wrote and is checked line by line before it is
//! trusted ([`manifest`]); a lock keeps a second buddysite out while one writes ([`lock`]);
//! nothing is written or deleted through a link; and every path a build will touch is checked
//! before the first change, so a refusal leaves the output as it was. When writing itself
//! fails part-way (disk full), the error says exactly what state the output is in.

pub mod build;
pub mod letters;
pub mod lock;
pub mod manifest;
mod writer;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::HashMap;
use std::path::Path;

pub use manifest::MANIFEST;
pub use writer::Writer;

/// Name of the staging folder inside the output folder. Only a writer holding the lock uses
/// it, so one found when the lock is taken was left by a killed build and is cleared.
pub const STAGING: &str = ".buddysite-staging";

/// What a failed build left in the output folder, for a truthful last line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left {
    /// The output is exactly as before the build.
    AsItWas,
    /// Part old, part new: writing failed part-way.
    Mixed,
    /// The new site, but the manifest is the old one.
    NewSite,
}

/// What the problems of a failed build say about the output folder (by their codes, so
/// it holds in every language).
pub fn left(problems: &Diagnostics) -> Left {
    let said = |code: crate::messages::Msg| problems.0.iter().any(|d| d.code() == code.key);
    if said(crate::messages::registry::WRITE_MIXED) {
        Left::Mixed
    } else if said(crate::messages::registry::WRITE_NEW_SITE) {
        Left::NewSite
    } else {
        Left::AsItWas
    }
}

/// Which output files a build is responsible for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole output: files from earlier builds that are not made again are deleted.
    All,
    /// Only these path prefixes (`klaverblad/`, and `""`-level files listed separately).
    Prefixes(Vec<String>),
}

/// A fast fingerprint of a file's bytes, to skip unchanged files without reading them. Only
/// ever compared within one process (a session's stamps), with the file's size and time.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6275_6464_7973_6974).hash_one(bytes)
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
    /// Stamps (bytes, size, time) of every file in the output now, for the next build of a
    /// session: files whose stamp still matches the disk are not read again.
    pub fingerprints: HashMap<String, u64>,
}

/// Why a commit did not complete, told so that the user knows what the output holds.
#[derive(Debug)]
pub enum WriteError {
    /// Paths the build would touch are not buddysite's to touch (links, other people's
    /// files in the way). Checked before the first change: nothing was changed.
    Refused(Diagnostics),
    /// Writing failed part-way.
    Failed {
        /// The path (in the output) being written or deleted when it failed.
        path: String,
        /// What the system said.
        cause: std::io::Error,
        /// Changed files moved into place before the failure.
        updated: usize,
        /// Changed files this build had to move into place.
        total: usize,
        /// Old files removed before the failure.
        deleted: usize,
        /// The manifest could not be updated either.
        manifest: Option<std::io::Error>,
    },
}

impl WriteError {
    /// The problems to show, naming the output folder `out`.
    pub fn into_diagnostics(self, out: &Path) -> Diagnostics {
        let shown = out.display().to_string();
        match self {
            WriteError::Refused(problems) => problems,
            WriteError::Failed {
                path,
                cause,
                updated,
                total,
                deleted,
                manifest,
            } => {
                let mut done = Vec::new();
                if total > 0 {
                    done.push(crate::text!(
                        WRITE_UPDATED,
                        updated = updated,
                        total = total
                    ));
                }
                if deleted > 0 {
                    done.push(crate::text!(WRITE_REMOVED, count = deleted));
                }
                let cause = cause.to_string();
                let message = if path == MANIFEST && updated == total {
                    crate::text!(WRITE_NEW_SITE, path = &path, cause = cause)
                } else if updated == 0 && deleted == 0 {
                    crate::text!(WRITE_NOTHING_CHANGED, path = &path, cause = cause)
                } else {
                    let done = match done.as_slice() {
                        [a, b] => crate::text!(WRITE_AND, first = a.clone(), second = b.clone()),
                        _ => done.into_iter().next().unwrap_or_default(),
                    };
                    crate::text!(WRITE_MIXED, path = &path, cause = cause, done = done)
                };
                let help = match manifest {
                    Some(e) => crate::text!(
                        WRITE_FAILED_MANIFEST_HELP,
                        manifest = MANIFEST,
                        error = e.to_string()
                    ),
                    None => crate::text!(WRITE_FAILED_HELP),
                };
                Diagnostic::error_text(shown, message).help(help).into()
            }
        }
    }
}
