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
use std::sync::mpsc::{channel, Receiver};
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
}

/// Watches a project; changed paths arrive in batches on [`Watcher::next_batch`].
pub struct Watcher {
    inner: Inner,
    root: PathBuf,
    rx: Receiver<DebounceEventResult>,
    watched: Vec<String>,
}

impl Watcher {
    /// Starts watching the project at `root`. `poll` uses polling instead of OS events (for
    /// WSL, Docker mounts and network drives); `debounce` is how long a burst of events is
    /// gathered before it is reported.
    pub fn new(root: &Path, poll: bool, debounce: Duration) -> Result<Watcher, String> {
        let (tx, rx) = channel();
        let inner = if poll {
            // File times have whole-second resolution in the poller: compare contents too, or a
            // second save within the same second would go unseen.
            let config = notify::Config::default()
                .with_poll_interval(Duration::from_millis(250))
                .with_compare_contents(true);
            Inner::Poll(
                new_debouncer_opt::<_, PollWatcher, NoCache>(debounce, None, tx, NoCache, config)
                    .map_err(|e| format!("cannot start the polling watcher: {e}"))?,
            )
        } else {
            Inner::Native(new_debouncer(debounce, None, tx).map_err(|e| {
                format!(
                    "cannot watch files: {e} (on WSL, Docker mounts or network drives try --poll)"
                )
            })?)
        };
        let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut watcher = Watcher {
            inner,
            root: root.clone(),
            rx,
            watched: Vec::new(),
        };
        watcher
            .inner
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        watcher.watch_new_dirs()?;
        Ok(watcher)
    }

    /// Adds a recursive watch on each input folder that exists and is not watched yet.
    fn watch_new_dirs(&mut self) -> Result<(), String> {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if path.is_dir() && !self.watched.iter().any(|w| w == dir) {
                self.inner
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
                self.watched.push(dir.to_owned());
            }
        }
        Ok(())
    }

    /// Blocks until the next batch of changes and returns the changed paths (absolute).
    /// `None` when the watcher stopped.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        loop {
            let events = match self.rx.recv().ok()? {
                Ok(events) => events,
                Err(errors) => {
                    for e in errors {
                        eprintln!("watch: {e}");
                    }
                    continue;
                }
            };
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !e.event.kind.is_access())
                .flat_map(|e| e.event.paths)
                .collect();
            paths.sort();
            paths.dedup();
            // A folder created while watching (e.g. themes/) gets its own watch.
            if let Err(e) = self.watch_new_dirs() {
                eprintln!("watch: {e}");
            }
            if !paths.is_empty() {
                return Some(paths);
            }
        }
    }

    /// The canonical root, against which reported paths are absolute.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// Rebuilds after every batch of changes until the watcher stops, telling `on_rebuild` what
/// was planned and how it went. This is the loop of `build --watch` and `serve --watch`.
pub fn rebuild_on_changes(
    session: &mut crate::session::Session,
    watcher: &mut Watcher,
    mut on_rebuild: impl FnMut(
        &crate::session::Plan,
        &Result<crate::build::Report, crate::diagnostics::Diagnostics>,
    ),
) {
    while let Some(paths) = watcher.next_batch() {
        if let Some((plan, result)) = session.apply(&paths) {
            on_rebuild(&plan, &result);
        }
    }
}
