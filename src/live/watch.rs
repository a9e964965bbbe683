//! Watching the project's files for changes, as editors really save them.
//!
//! Editors write in place, write a temporary file and rename it over the original (vim, VS
//! Code, JetBrains), and leave swap and backup files around. notify's debouncer folds the
//! burst of events one save makes into one batch; swap and backup files are dropped by the
//! session's plan ([`crate::project::is_ignored`]). Only `buddysite.yaml`, `content/`,
//! `schools/` and `themes/` are watched: never the output or `target/`.

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, Debouncer, NoCache, RecommendedCache,
};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::Duration;

/// The folders under the project root that hold input.
pub const WATCHED_DIRS: [&str; 3] = ["content", "schools", "themes"];

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

impl Inner {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.watch(path, mode),
            Inner::Poll(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.unwatch(path),
            Inner::Poll(d) => d.unwatch(path),
        }
    }
}

/// Which folder a path is now: it changes when the folder is removed and made again, or
/// another one is renamed into its place.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = ();

/// The identity of the folder at `path`, `None` when there is none.
fn folder_id(path: &Path) -> Option<FolderId> {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some(())
    }
}

/// What wakes the watch loop: a batch of file events, or the letters made in the
/// background after a reload (see [`rebuild_on_changes`]).
enum Wake {
    Files(DebounceEventResult),
    Letters,
}

/// What the watch loop is told next.
pub enum Next {
    /// Changed paths (absolute).
    Changed(Vec<PathBuf>),
    /// The letters the preview left for later are made.
    LettersMade,
}

/// Watches a project; changed paths arrive in batches on [`Watcher::next_batch`].
pub struct Watcher {
    inner: Inner,
    root: PathBuf,
    rx: Receiver<Wake>,
    tx: Sender<Wake>,
    /// For each of [`WATCHED_DIRS`], the folder now watched there.
    watched: [Option<FolderId>; 3],
}

impl Watcher {
    /// Starts watching the project at `root`. `poll` uses polling instead of OS events (for
    /// WSL, Docker mounts and network drives); `debounce` is how long a burst of events is
    /// gathered before it is reported.
    pub fn new(root: &Path, poll: bool, debounce: Duration) -> Result<Watcher, String> {
        let (wake, rx) = channel();
        let files = wake.clone();
        let tx = move |r: DebounceEventResult| {
            let _ = files.send(Wake::Files(r));
        };
        let inner = if poll {
            // File times have whole-second resolution in the poller: compare contents too, or a
            // second save within the same second would go unseen.
            let config = notify::Config::default()
                .with_poll_interval(Duration::from_millis(250))
                .with_compare_contents(true);
            Inner::Poll(
                new_debouncer_opt::<_, PollWatcher, NoCache>(debounce, None, tx, NoCache, config)
                    .map_err(|e| crate::text!(WATCH_CANNOT_POLL, error = e.to_string()).render())?,
            )
        } else {
            Inner::Native(new_debouncer(debounce, None, tx).map_err(|e| {
                crate::text!(WATCH_CANNOT_WATCH_FILES, error = e.to_string()).render()
            })?)
        };
        let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut watcher = Watcher {
            inner,
            root: root.clone(),
            rx,
            tx: wake,
            watched: [None; 3],
        };
        watcher
            .inner
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| {
                crate::text!(
                    WATCH_CANNOT_WATCH,
                    path = root.display().to_string(),
                    error = e.to_string()
                )
                .render()
            })?;
        for (i, dir) in WATCHED_DIRS.iter().enumerate() {
            let path = root.join(dir);
            if let Some(id) = folder_id(&path) {
                watcher
                    .inner
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| {
                        crate::text!(
                            WATCH_CANNOT_WATCH,
                            path = path.display().to_string(),
                            error = e.to_string()
                        )
                        .render()
                    })?;
                watcher.watched[i] = Some(id);
            }
        }
        Ok(watcher)
    }

    /// Keeps a recursive watch on each input folder as it is now. A folder that was created,
    /// removed and made again, or swapped for another (`rm -rf schools` and a restore, a
    /// `git checkout`, a sync client) loses its OS watch, so it is watched anew; when that
    /// happened without an event for the folder itself, the folder is added to `paths`, so
    /// the session reads it all again. Watching first and reading after means no save in
    /// between is missed.
    fn refresh(&mut self, paths: &mut Vec<PathBuf>) {
        for (i, dir) in WATCHED_DIRS.iter().enumerate() {
            let path = self.root.join(dir);
            let now = folder_id(&path);
            let before = self.watched[i];
            let reported = paths.contains(&path);
            if now == before && !reported {
                continue;
            }
            if before.is_some() {
                // notify may already have dropped the watch of a removed folder.
                let _ = self.inner.unwatch(&path);
            }
            self.watched[i] = None;
            if now.is_some() {
                match self.inner.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched[i] = now,
                    Err(e) => eprintln!(
                        "{}",
                        crate::text!(
                            WATCH_PREFIX,
                            message = crate::text!(
                                WATCH_CANNOT_WATCH,
                                path = path.display().to_string(),
                                error = e.to_string()
                            )
                        )
                    ),
                }
            }
            if !reported {
                paths.push(path);
            }
        }
    }

    /// Blocks until the next batch of changes and returns the changed paths (absolute).
    /// `None` when the watcher stopped.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        loop {
            if let Next::Changed(paths) = self.next_wake()? {
                return Some(paths);
            }
        }
    }

    /// Something that tells the watch loop, from another thread, that the letters left
    /// for later are made ([`Next::LettersMade`]).
    pub fn letters_waker(&self) -> impl Fn() + Send + Clone + 'static {
        let tx = self.tx.clone();
        move || {
            let _ = tx.send(Wake::Letters);
        }
    }

    /// Blocks until the next batch of changes, or until the letters are made. `None` when
    /// the watcher stopped.
    pub fn next_wake(&mut self) -> Option<Next> {
        loop {
            let events = match self.rx.recv().ok()? {
                Wake::Letters => return Some(Next::LettersMade),
                Wake::Files(Ok(events)) => events,
                Wake::Files(Err(errors)) => {
                    for e in errors {
                        eprintln!("{}", crate::text!(WATCH_PREFIX, message = e.to_string()));
                    }
                    continue;
                }
            };
            // Too many changes at once (the OS dropped events): read every input again.
            let rescan = events.iter().any(|e| e.event.need_rescan());
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !e.event.kind.is_access())
                .flat_map(|e| e.event.paths)
                .collect();
            if rescan {
                paths.extend(WATCHED_DIRS.iter().map(|d| self.root.join(d)));
                paths.push(self.root.join("buddysite.yaml"));
            }
            self.refresh(&mut paths);
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                return Some(Next::Changed(paths));
            }
        }
    }

    /// The canonical root, against which reported paths are absolute.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// Rebuilds after every batch of changes until the watcher stops, telling `on_rebuild` what
/// was planned and how it went. When schools were left out for their errors while the rest
/// rebuilt, `on_rebuild` hears about them next, as a failed rebuild of those schools. This is
/// the loop of `build --watch` and `serve --watch`.
///
/// A rebuild never waits for a letter's PDF: letters that are not cached are left for later
/// (the preview server makes one when it is opened), typeset on a background thread once
/// the rebuild is reported, and then their schools are rendered again, so the letter pages
/// link them with size and page count (a second, small reload).
pub fn rebuild_on_changes(
    session: &mut crate::session::Session,
    watcher: &mut Watcher,
    mut on_rebuild: impl FnMut(
        &crate::session::Plan,
        &Result<crate::build::Report, crate::diagnostics::Diagnostics>,
    ),
) {
    let wake = watcher.letters_waker();
    let busy = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let make_letters = |session: &crate::session::Session| {
        use std::sync::atomic::Ordering;
        let Some(letters) = session.letters().filter(|l| l.has_pending()) else {
            return;
        };
        if busy.swap(true, Ordering::AcqRel) {
            // One thread at a time; the next reload starts another for what is left.
            return;
        }
        let (wake, busy) = (wake.clone(), std::sync::Arc::clone(&busy));
        std::thread::spawn(move || {
            letters.make_pending();
            busy.store(false, Ordering::Release);
            wake();
        });
    };
    make_letters(session);
    while let Some(next) = watcher.next_wake() {
        let Some((plan, result)) = (match next {
            Next::Changed(paths) => session.apply(&paths),
            Next::LettersMade => session.letters_made(),
        }) else {
            make_letters(session);
            continue;
        };
        // The other schools were rebuilt; the ones left out still show their errors.
        let broken = result.is_ok().then(|| session.broken()).flatten();
        let wrote = result
            .as_ref()
            .is_ok_and(|r| !(r.written.written.is_empty() && r.written.deleted.is_empty()));
        if broken.is_none() || wrote {
            on_rebuild(&plan, &result);
        }
        if let Some((schools, problems)) = broken {
            on_rebuild(&schools, &Err(problems));
        }
        make_letters(session);
    }
}
