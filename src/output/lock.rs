//! One writer at a time per output folder.
//!
//! Two builds into the same folder at once (realistic: `serve --watch` running and a manual
//! `build`) would mix their pages. So a writer holds an operating-system lock on the file
//! `.buddysite-lock` inside the output folder from reading the manifest until the last file
//! is in place. The OS releases the lock when the process ends in any way (also when it is
//! killed), so a lock left by a dead process is never in the way; the process id written
//! into the file is only there to name the other writer in the message.

use crate::diagnostics::Diagnostic;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Name of the lock file in the output folder.
pub const LOCK: &str = ".buddysite-lock";

/// How long a second writer waits for the first before it gives up: long enough for a
/// rebuild of the live preview, short enough that a stuck terminal is noticed.
pub const WAIT: Duration = Duration::from_secs(5);

/// A held lock on an output folder; released when dropped.
#[derive(Debug)]
pub struct Lock {
    file: Option<File>,
    path: PathBuf,
    /// Remove the lock file on release: set while a first build has written nothing, so a
    /// failed first build leaves the folder as it found it.
    pub remove_on_release: bool,
    /// Also remove the output folder on release, if it is then empty (this build made it).
    pub remove_folder: bool,
}

impl Lock {
    /// Takes the lock on `dir` (which must exist), waiting up to `wait` for another writer.
    pub fn acquire(dir: &Path, wait: Duration) -> Result<Lock, Diagnostic> {
        let path = dir.join(LOCK);
        let shown = dir.display().to_string();
        let started = Instant::now();
        loop {
            if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
                return Err(Diagnostic::error_text(
                    path.display().to_string(),
                    crate::text!(LOCK_NOT_FILE),
                )
                .help(crate::text!(LOCK_NOT_FILE_HELP)));
            }
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| {
                    Diagnostic::error_text(
                        &shown,
                        crate::text!(LOCK_CANNOT_LOCK, error = e.to_string()),
                    )
                    .help(crate::text!(LOCK_CANNOT_LOCK_HELP))
                })?;
            match file.try_lock() {
                Ok(()) => {
                    // The file may have been removed by the writer before us between our
                    // open and our lock: then the lock guards nothing; start again.
                    if !same_file(&file, &path) {
                        continue;
                    }
                    let _ = write_pid(&mut file);
                    return Ok(Lock {
                        file: Some(file),
                        path,
                        remove_on_release: false,
                        remove_folder: false,
                    });
                }
                // Some network drives have no locks: write without one rather than never.
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(Lock {
                        file: None,
                        path,
                        remove_on_release: false,
                        remove_folder: false,
                    });
                }
                Err(TryLockError::Error(e)) => {
                    return Err(Diagnostic::error_text(
                        &shown,
                        crate::text!(LOCK_CANNOT_LOCK, error = e.to_string()),
                    )
                    .help(crate::text!(NOTHING_CHANGED)))
                }
                Err(TryLockError::WouldBlock) => {
                    if started.elapsed() >= wait {
                        let who = holder(&mut file)
                            .map_or_else(String::new, |pid| format!(" (pid {pid})"));
                        return Err(Diagnostic::error_text(
                            &shown,
                            crate::text!(LOCK_BUSY, who = who),
                        )
                        .help(crate::text!(LOCK_BUSY_HELP, seconds = wait.as_secs())));
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if self.remove_on_release && self.file.is_some() && cfg!(unix) {
            // Still holding the lock: a writer waiting on this file notices it is gone.
            let _ = std::fs::remove_file(&self.path);
            if let Some(dir) = self.path.parent().filter(|_| self.remove_folder) {
                let _ = std::fs::remove_dir(dir);
            }
        }
        // An empty file says nobody holds it (and keeps builds byte-identical); closing the
        // file releases the lock.
        if let Some(file) = self.file.take() {
            let _ = file.set_len(0);
        }
    }
}

fn write_pid(file: &mut File) -> std::io::Result<()> {
    file.set_len(0)?;
    file.rewind()?;
    writeln!(file, "{}", std::process::id())
}

/// The process id the holder wrote, if it can be read.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // The lock file is never removed there (see `Drop`), so it is the same if it exists.
    path.exists()
}
