//! The letters' PDFs for the output: looked up by content hash in memory and in
//! `<project>/.buddysite-cache/letters/`, typeset only on a miss.
//!
//! Typesetting a letter costs far more than rendering its page, and a build of 200 schools
//! would otherwise typeset every letter every time. Rendering stays pure: it only makes a
//! [`LetterJob`] whose key ([`LetterJob::key`]) is a SHA-256 of the typst source, every input
//! string, the logo and QR code, the layout and the fonts' version, so an entry found under
//! that key can only be the right PDF. This stage owns the disk: like the image cache,
//! entries live outside the output folder (which the build replaces), are written to a
//! temporary file and renamed, carry their own checksum (a damaged entry is typeset again),
//! and a read-only cache writes nothing. The PDFs themselves reach the output through the
//! normal writer, listed in its manifest like every other file.
//!
//! The live preview asks with [`LetterCache::on_request`]: a letter that is not cached yet
//! is left for later, so a save never waits for typesetting, and typeset when the preview
//! server is first asked for its file ([`LetterCache::requested`]).

use crate::render::letter::{LetterJob, LetterPdf, Typesetter};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

const MAGIC: &[u8] = b"buddysite-letter-pdf 1\n";

/// Stack of the build's threads: typst's layout recurses far past the 2 MiB of rayon's
/// default workers (a 200-school build overflowed it). Only reserved, not used, by a thread.
const STACK: usize = 64 << 20;

/// Runs `f` on the build's thread pool: rayon's, with stacks large enough for typst. typst
/// itself uses rayon inside, so letters must be typeset on a rayon pool (a thread of its
/// own would wait for the pool while the pool waits for it); this one is that pool.
pub fn on_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(STACK)
            .thread_name(|i| format!("buddysite-build-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

type Outcome = Result<LetterPdf, String>;

/// How letters that are not cached are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Mode {
    /// Typeset while rendering (`build`).
    #[default]
    Now,
    /// Left for when they are asked for (the live preview).
    OnRequest,
}

/// The cache of typeset letters. Thread-safe: schools render in parallel, and the preview
/// server asks from its own threads.
#[derive(Debug, Default)]
pub struct LetterCache {
    dir: Option<PathBuf>,
    writes: bool,
    mode: Mode,
    entries: Mutex<HashMap<[u8; 32], Arc<OnceLock<Outcome>>>>,
    /// The preview's letters not made yet, by their path from the output root.
    pending: Mutex<HashMap<String, LetterJob>>,
    typeset: AtomicUsize,
    from_disk: AtomicUsize,
    temp_counter: AtomicUsize,
}

impl LetterCache {
    /// A cache that typesets while rendering and saves what it typesets in `dir` (`None`:
    /// memory only).
    pub fn new(dir: Option<PathBuf>) -> LetterCache {
        LetterCache {
            dir,
            writes: true,
            ..LetterCache::default()
        }
    }

    /// A cache for the live preview: cached letters are published at once, the others are
    /// typeset when the server is asked for them ([`LetterCache::requested`]).
    pub fn on_request(dir: PathBuf) -> LetterCache {
        LetterCache {
            mode: Mode::OnRequest,
            ..LetterCache::new(Some(dir))
        }
    }

    /// The usual folder, `<root>/.buddysite-cache/letters`: outside the output.
    pub fn project_dir(root: &Path) -> PathBuf {
        root.join(".buddysite-cache").join("letters")
    }

    /// How many letters were typeset (not found in memory or on disk), and how many came
    /// from the disk: what tests and the bench use to see that an unchanged school's letter
    /// was not typeset again.
    pub fn stats(&self) -> (usize, usize) {
        (
            self.typeset.load(Ordering::Relaxed),
            self.from_disk.load(Ordering::Relaxed),
        )
    }

    /// The PDF the preview server was asked for at `path` (from the output root: the
    /// school's copy or the one in `brieven/`), typeset now when it was left for later.
    /// `None` when no letter of the last rebuild is published there.
    pub fn requested(&self, path: &str) -> Option<Outcome> {
        let job = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned()?;
        // Waits here, on the server's thread, never on the pool: a pool thread waiting for
        // a letter the pool is typesetting could be handed that very work by rayon (a thread
        // that waits for its joins runs other queued jobs) and wait for itself for ever.
        let cell = self.cell(&job.key);
        Some(
            cell.get_or_init(|| self.read_or_make(&job, |job| on_pool(|| make(job))))
                .clone(),
        )
    }

    /// Whether the preview left letters for later that are not made yet.
    pub fn has_pending(&self) -> bool {
        let pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        pending
            .values()
            .any(|job| self.cell(&job.key).get().is_none())
    }

    /// Typesets every letter the preview left for later (in parallel), keeping them listed:
    /// what runs in the background after a reload, so the next rebuild finds them made.
    pub fn make_pending(&self) {
        use rayon::prelude::*;
        let jobs: Vec<LetterJob> = {
            let pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
            let mut seen = std::collections::HashSet::new();
            pending
                .values()
                .filter(|job| seen.insert(job.key))
                .cloned()
                .collect()
        };
        // Typeset without taking the letters' cells (see `requested`): a letter asked for
        // meanwhile may be made twice, never waited for in the pool.
        let made: Vec<([u8; 32], Outcome)> = on_pool(|| {
            jobs.par_iter()
                .filter(|job| self.cell(&job.key).get().is_none())
                .map(|job| (job.key, self.read_or_make(job, make)))
                .collect()
        });
        for (key, outcome) in made {
            let _ = self.cell(&key).set(outcome);
        }
    }

    /// The schools whose letters were left for later and are made by now: the schools to
    /// render again so their letter pages link the PDFs with size and pages. They stay
    /// listed (and served on request) until [`LetterCache::forget_made`], once that render
    /// has written them: a request in between must not find nothing.
    pub fn made(&self) -> std::collections::BTreeSet<String> {
        let pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        pending
            .values()
            .filter(|job| self.cell(&job.key).get().is_some())
            .map(|job| job.slug.clone())
            .collect()
    }

    /// No longer lists the made letters of `slugs`: their files are in the output now.
    pub fn forget_made(&self, slugs: &std::collections::BTreeSet<String>) {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        pending.retain(|_, job| !slugs.contains(&job.slug) || self.cell(&job.key).get().is_none());
    }

    /// The letter of `job`, typeset once however many schools' renders ask for it: for the
    /// build, which renders on the pool and typesets right there.
    fn get_or_make(&self, job: &LetterJob) -> Outcome {
        let cell = self.cell(&job.key);
        cell.get_or_init(|| self.read_or_make(job, make)).clone()
    }

    /// The saved letter of `job`, or the one `typeset` makes (then saved).
    fn read_or_make(
        &self,
        job: &LetterJob,
        typeset: impl FnOnce(&LetterJob) -> Outcome,
    ) -> Outcome {
        if let Some(found) = self.read(&job.key) {
            self.from_disk.fetch_add(1, Ordering::Relaxed);
            return Ok(found);
        }
        self.typeset.fetch_add(1, Ordering::Relaxed);
        let made = typeset(job);
        if let Ok(pdf) = &made {
            self.write(&job.key, pdf);
        }
        made
    }

    fn cell(&self, key: &[u8; 32]) -> Arc<OnceLock<Outcome>> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(entries.entry(*key).or_default())
    }

    /// An entry already made or saved, without typesetting.
    fn found(&self, key: &[u8; 32]) -> Option<Outcome> {
        let cell = self.cell(key);
        if let Some(done) = cell.get() {
            return Some(done.clone());
        }
        let pdf = self.read(key)?;
        self.from_disk.fetch_add(1, Ordering::Relaxed);
        Some(cell.get_or_init(|| Ok(pdf)).clone())
    }

    fn path(&self, key: &[u8; 32]) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.pdf", crate::render::letter::hex(key))))
    }

    fn read(&self, key: &[u8; 32]) -> Option<LetterPdf> {
        decode(&std::fs::read(self.path(key)?).ok()?)
    }

    fn write(&self, key: &[u8; 32], pdf: &LetterPdf) {
        let (Some(dir), Some(path), true) = (self.dir.as_ref(), self.path(key), self.writes) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temp = dir.join(format!(
            ".{}.{}.{}.tmp",
            crate::render::letter::hex(key),
            std::process::id(),
            self.temp_counter.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(&encode(pdf)))
            .and_then(|()| std::fs::rename(&temp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

impl Typesetter for LetterCache {
    fn pdf(&self, job: &LetterJob) -> Option<Outcome> {
        match self.mode {
            Mode::Now => Some(self.get_or_make(job)),
            Mode::OnRequest => {
                let found = self.found(&job.key);
                if found.is_none() {
                    let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
                    pending.insert(job.batch.clone(), job.clone());
                    pending.insert(job.full_path(), job.clone());
                }
                found
            }
        }
    }
}

/// Typesets `job` (the pure function of the render stage).
#[cfg(feature = "pdf")]
fn make(job: &LetterJob) -> Outcome {
    crate::render::letter::typeset(job)
}

/// Without the `pdf` feature there is nothing to typeset with; such a build makes no cache.
#[cfg(not(feature = "pdf"))]
fn make(_job: &LetterJob) -> Outcome {
    Err(crate::text!(LETTER_PDF_NOT_BUILT).render())
}

/// An entry: magic, page count, the reason it is not PDF/UA (or empty), a checksum, the PDF.
fn encode(pdf: &LetterPdf) -> Vec<u8> {
    let not_ua = pdf.not_ua.as_deref().unwrap_or("").replace('\n', " ");
    let mut out = Vec::with_capacity(pdf.bytes.len() + 128);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(format!("{}\n{not_ua}\n", pdf.pages).as_bytes());
    out.extend_from_slice(&Sha256::digest(&pdf.bytes));
    out.extend_from_slice(&pdf.bytes);
    out
}

fn decode(bytes: &[u8]) -> Option<LetterPdf> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let nl = rest.iter().position(|&b| b == b'\n')?;
    let pages: usize = std::str::from_utf8(&rest[..nl]).ok()?.parse().ok()?;
    let rest = &rest[nl + 1..];
    let nl = rest.iter().position(|&b| b == b'\n')?;
    let not_ua = std::str::from_utf8(&rest[..nl]).ok()?.to_owned();
    let rest = &rest[nl + 1..];
    if rest.len() < 32 {
        return None;
    }
    let (sum, pdf) = rest.split_at(32);
    if Sha256::digest(pdf).as_slice() != sum {
        return None;
    }
    Some(LetterPdf {
        bytes: Arc::from(pdf),
        pages,
        not_ua: (!not_ua.is_empty()).then_some(not_ua),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_noticed() {
        let pdf = LetterPdf {
            bytes: Arc::from(&b"%PDF-1.7 x"[..]),
            pages: 2,
            not_ua: None,
        };
        let mut e = encode(&pdf);
        let back = decode(&e).expect("intact");
        assert_eq!((back.pages, &*back.bytes), (2, &b"%PDF-1.7 x"[..]));
        let last = e.len() - 1;
        e[last] ^= 1;
        assert!(decode(&e).is_none());
        assert!(decode(&e[..10]).is_none());
    }
}
