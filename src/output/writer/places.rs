//! What the writer finds at the paths it will touch, looked at without following links:
//! every refusal is found before the first change to the output.

use super::Writer;
use crate::diagnostics::Diagnostic;
use crate::messages::Text;
use crate::text;
use std::collections::{BTreeSet, HashMap};
use std::fs::Metadata;
use std::io;
use std::path::Path;

/// What the writer finds at a path it wants to write.
pub(super) enum Place {
    /// Nothing there (or only an old file of buddysite's that goes away): write it.
    Free,
    /// A plain file or a folder (the commit checks a folder further).
    Taken(Metadata),
}

pub(super) fn is_missing(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

impl Writer {
    /// Looks at `rel` and the folders on the way to it without following links.
    pub(super) fn inspect(
        &self,
        rel: &str,
        dirs: &mut HashMap<String, bool>,
    ) -> Result<Place, Diagnostic> {
        let mut end = 0;
        while let Some(i) = rel[end..].find('/') {
            end += i;
            let folder = &rel[..end];
            end += 1;
            let exists = match dirs.get(folder) {
                Some(&exists) => exists,
                None => {
                    let exists = match std::fs::symlink_metadata(self.dir.join(folder)) {
                        Err(e) if is_missing(&e) => false,
                        Err(e) => {
                            return Err(self.refusal(
                                folder,
                                text!(WRITER_CANNOT_READ_PLACE, error = e.to_string()),
                                text!(WRITER_FOLDER_PERMISSIONS),
                            ))
                        }
                        Ok(m) if m.file_type().is_symlink() => return Err(self.link(folder)),
                        Ok(m) if m.is_dir() => true,
                        // An old file of buddysite's where a folder now goes: it goes away.
                        Ok(_) if self.previous.contains(folder) => false,
                        Ok(_) => {
                            return Err(self.refusal(
                                folder,
                                text!(WRITER_FOREIGN_FILE),
                                text!(WRITER_FOREIGN_FILE_HELP),
                            ))
                        }
                    };
                    dirs.insert(folder.to_owned(), exists);
                    exists
                }
            };
            if !exists {
                return Ok(Place::Free);
            }
        }
        match std::fs::symlink_metadata(self.dir.join(rel)) {
            Err(e) if is_missing(&e) => Ok(Place::Free),
            Err(e) => Err(self.refusal(
                rel,
                text!(WRITER_CANNOT_READ_PLACE, error = e.to_string()),
                text!(WRITER_FILE_PERMISSIONS),
            )),
            Ok(m) if m.file_type().is_symlink() => Err(self.link(rel)),
            Ok(m) if m.is_file() || m.is_dir() => Ok(Place::Taken(m)),
            Ok(_) => Err(self.refusal(
                rel,
                text!(WRITER_NOT_PLAIN_FILE),
                text!(REMOVE_AND_BUILD_AGAIN),
            )),
        }
    }

    /// The first folder on the way to `rel` that is a link, if any: deleting `rel` would
    /// delete a file somewhere else.
    pub(super) fn linked_folder<'r>(&self, rel: &'r str) -> Option<&'r str> {
        let mut end = 0;
        while let Some(i) = rel[end..].find('/') {
            end += i;
            match std::fs::symlink_metadata(self.dir.join(&rel[..end])) {
                Ok(m) if m.file_type().is_symlink() => return Some(&rel[..end]),
                Ok(m) if m.is_dir() => {}
                _ => return None,
            }
            end += 1;
        }
        None
    }

    pub(super) fn refusal(&self, rel: &str, what: Text, help: Text) -> Diagnostic {
        let shown = self.dir.join(rel).display().to_string();
        Diagnostic::error_text(shown, what).help(help)
    }

    pub(super) fn link(&self, rel: &str) -> Diagnostic {
        self.refusal(rel, text!(WRITER_LINK), text!(WRITER_LINK_HELP))
    }

    /// True when every file under the folder `path` is a stale file of buddysite's.
    pub(super) fn only_stale(&self, path: &Path, stale: &BTreeSet<&String>) -> bool {
        walkdir::WalkDir::new(path)
            .min_depth(1)
            .into_iter()
            .all(|e| {
                e.is_ok_and(|e| {
                    e.file_type().is_dir()
                        || (e.file_type().is_file()
                            && e.path().strip_prefix(&self.dir).is_ok_and(|r| {
                                let rel: Vec<_> = r.iter().map(|p| p.to_string_lossy()).collect();
                                stale.contains(&rel.join("/"))
                            }))
                })
            })
    }
}
