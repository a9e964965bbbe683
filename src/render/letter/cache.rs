//! Typeset letters by content hash, in memory and in `<project>/.buddysite-cache/letters/`.
//!
//! Typesetting a letter costs far more than rendering its page, and a build of 200 schools
//! would otherwise typeset 200 letters every time. The key ([`super::cache_key`]) is a
//! SHA-256 of the typst source, every input string, the logo and QR code, the layout and
//! [`super::world::FONTS_VERSION`], so an entry can only be the right answer; an unchanged
//! school's PDF comes from here. Like the image cache (`render::images::cache`), entries are
//! written to a temporary file and renamed, carry their own checksum (a damaged entry is
//! typeset again), and a read-only cache (`check`) never writes.

use super::LetterPdf;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

const MAGIC: &[u8] = b"buddysite-letter-pdf 1\n";

type Outcome = Result<LetterPdf, String>;

/// The cache of typeset letters. Thread-safe: schools render in parallel.
#[derive(Debug, Default)]
pub struct PdfCache {
    dir: Option<PathBuf>,
    writes: bool,
    entries: Mutex<HashMap<[u8; 32], Arc<OnceLock<Outcome>>>>,
    typeset: AtomicUsize,
    from_disk: AtomicUsize,
    temp_counter: AtomicUsize,
}

impl PdfCache {
    /// A cache that saves what it typesets in `dir` (`None`: memory only).
    pub fn new(dir: Option<PathBuf>) -> PdfCache {
        PdfCache {
            dir,
            writes: true,
            ..PdfCache::default()
        }
    }

    /// A cache that uses saved letters but writes none (`check` writes nothing).
    pub fn read_only(dir: PathBuf) -> PdfCache {
        PdfCache {
            dir: Some(dir),
            writes: false,
            ..PdfCache::default()
        }
    }

    /// The usual folder, `<root>/.buddysite-cache/letters`.
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

    pub(super) fn get_or_make(&self, key: &[u8; 32], make: impl FnOnce() -> Outcome) -> Outcome {
        let cell = {
            let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(entries.entry(*key).or_default())
        };
        cell.get_or_init(|| {
            if let Some(found) = self.read(key) {
                self.from_disk.fetch_add(1, Ordering::Relaxed);
                return Ok(found);
            }
            self.typeset.fetch_add(1, Ordering::Relaxed);
            let made = make();
            if let Ok(pdf) = &made {
                self.write(key, pdf);
            }
            made
        })
        .clone()
    }

    fn path(&self, key: &[u8; 32]) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.pdf", super::hex(key))))
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
            super::hex(key),
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
