//! Processed images by content hash: in memory for a session, on disk between builds.
//!
//! The key is a SHA-256 of everything the result depends on (input bytes, display box, fit,
//! the file's extension and [`ENCODER_VERSION`]), so an entry can only ever be the right
//! answer. Disk entries carry a checksum of their own; one that is cut short, damaged or
//! from another format is ignored and made again. See the module docs of
//! [`super`] for why this is the one place in rendering that touches the disk.

use super::{Display, Failure, Fit, Processed, Variant, ENCODER_VERSION};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// How often processing was done or saved, so a test (and the bench) can tell that an
/// unchanged photo was not encoded again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Images decoded and encoded (cache misses that succeeded or failed).
    pub encoded: usize,
    /// Requests answered from memory (the same image for another school, or a rebuild in the
    /// same session).
    pub from_memory: usize,
    /// Requests answered from the disk cache (an earlier build).
    pub from_disk: usize,
}

pub(super) type Key = [u8; 32];
type Outcome = Result<Arc<Processed>, Failure>;

/// Cache of processed images keyed by a hash of (input bytes, display, encoder version): in
/// memory for the session and, when given a folder, on disk so that an unchanged photo is
/// never re-encoded on the next build (including a fresh process). Thread-safe: schools
/// render in parallel, and two schools asking for the same photo at once wait for one
/// encoding instead of doing it twice.
#[derive(Debug)]
pub struct ImageCache {
    dir: Option<PathBuf>,
    /// False for [`ImageCache::read_only`]: saved entries are used, none are written.
    writes: bool,
    entries: Mutex<HashMap<Key, Arc<OnceLock<Outcome>>>>,
    /// Keys of inputs already hashed, by the identity of their shared buffer (see
    /// [`ImageCache::key_of_shared`]).
    shared: Mutex<Vec<SharedKey>>,
    encoded: AtomicUsize,
    from_memory: AtomicUsize,
    from_disk: AtomicUsize,
    temp_counter: AtomicUsize,
}

impl ImageCache {
    /// A cache that also keeps its results in `dir` (normally
    /// `<project>/.buddysite-cache/images/`; never inside the output folder, which the build
    /// owns and cleans). `None` keeps them in memory only. The folder is made on first write;
    /// if it cannot be written, images are still processed, just not saved.
    pub fn new(dir: Option<PathBuf>) -> ImageCache {
        ImageCache {
            dir,
            writes: true,
            entries: Mutex::new(HashMap::new()),
            shared: Mutex::new(Vec::new()),
            encoded: AtomicUsize::new(0),
            from_memory: AtomicUsize::new(0),
            from_disk: AtomicUsize::new(0),
            temp_counter: AtomicUsize::new(0),
        }
    }

    /// A cache that never touches the disk (`check`, tests, a read-only project).
    pub fn in_memory() -> ImageCache {
        ImageCache::new(None)
    }

    /// A cache that uses the entries saved in `dir` but never writes there: for `check`,
    /// which promises to write nothing, yet should not re-encode every photo on each run.
    pub fn read_only(dir: PathBuf) -> ImageCache {
        ImageCache {
            writes: false,
            ..ImageCache::new(Some(dir))
        }
    }

    /// The counts so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            encoded: self.encoded.load(Ordering::Relaxed),
            from_memory: self.from_memory.load(Ordering::Relaxed),
            from_disk: self.from_disk.load(Ordering::Relaxed),
        }
    }

    /// The folder of the disk cache, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The usual cache folder of a project, `<root>/.buddysite-cache/images`, so every caller
    /// uses the same one (and editors can find it, and delete it, under one name).
    pub fn project_dir(root: &Path) -> PathBuf {
        root.join(".buddysite-cache").join("images")
    }

    /// Deletes the saved entries this session has not asked for (photos that were replaced
    /// or removed, or processed by an older buddysite), so the folder does not grow forever.
    /// Call it only after a build of every school: after `--school x` it would delete what
    /// the other schools use (which then costs one re-encode, nothing worse). Deletes only
    /// files named as this cache names its entries; a read-only cache deletes nothing.
    /// Returns how many it deleted.
    pub fn remove_unused(&self) -> usize {
        let (Some(dir), true) = (&self.dir, self.writes) else {
            return 0;
        };
        let Ok(listing) = std::fs::read_dir(dir) else {
            return 0;
        };
        let used: std::collections::HashSet<String> = self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .map(|k| hex(k))
            .collect();
        let mut removed = 0;
        for entry in listing.flatten() {
            let name = entry.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".img")) else {
                continue;
            };
            let ours = stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit());
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if ours && is_file && !used.contains(stem) && std::fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
        removed
    }

    /// The result for this input: from memory, from disk, or made by `make` (and saved).
    pub(super) fn get_or_make(
        &self,
        bytes: &[u8],
        display: Display,
        fit: Fit,
        ext: &str,
        make: impl FnOnce() -> Result<Processed, Failure>,
    ) -> Outcome {
        self.get_or_make_keyed(key(bytes, display, fit, ext), make)
    }

    /// The cache key of a shared buffer, hashed once per buffer, not once per call: a photo
    /// asked for by 200 schools is read through SHA-256 once. Sound because the cache keeps
    /// a clone of the `Arc` with the key: while it does, the buffer can neither change (an
    /// `Arc<[u8]>` is immutable while shared) nor be freed and its address reused. Buffers
    /// nobody else holds any more are let go whenever a new one is added.
    pub(super) fn key_of_shared(
        &self,
        bytes: &Arc<[u8]>,
        display: Display,
        fit: Fit,
        ext: &str,
    ) -> Key {
        let mut shared = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        let found = shared.iter().find(|s| {
            Arc::ptr_eq(&s.bytes, bytes) && s.display == display && s.fit == fit && s.ext == ext
        });
        if let Some(s) = found {
            return s.key;
        }
        shared.retain(|s| Arc::strong_count(&s.bytes) > 1);
        let k = key(bytes, display, fit, ext);
        shared.push(SharedKey {
            bytes: Arc::clone(bytes),
            display,
            fit,
            ext: ext.to_owned(),
            key: k,
        });
        k
    }

    /// [`ImageCache::get_or_make`] with the key already made.
    pub(super) fn get_or_make_keyed(
        &self,
        key: Key,
        make: impl FnOnce() -> Result<Processed, Failure>,
    ) -> Outcome {
        let cell = {
            let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(entries.entry(key).or_default())
        };
        let mut fresh = false;
        let outcome = cell.get_or_init(|| {
            fresh = true;
            if let Some(found) = self.read(&key) {
                self.from_disk.fetch_add(1, Ordering::Relaxed);
                return Ok(Arc::new(found));
            }
            self.encoded.fetch_add(1, Ordering::Relaxed);
            let made = make().map(Arc::new);
            if let Ok(processed) = &made {
                self.write(&key, processed);
            }
            made
        });
        if !fresh {
            self.from_memory.fetch_add(1, Ordering::Relaxed);
        }
        outcome.clone()
    }

    fn path(&self, key: &Key) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.img", hex(key))))
    }

    /// The saved entry, when there is a readable, intact one.
    fn read(&self, key: &Key) -> Option<Processed> {
        let bytes = std::fs::read(self.path(key)?).ok()?;
        decode_entry(&bytes)
    }

    /// Saves an entry: a temporary file in the same folder, then a rename, so a reader (or a
    /// second buddysite) never sees half a file. Failing to save only costs time next build.
    fn write(&self, key: &Key, processed: &Processed) {
        let (Some(dir), Some(path), true) = (self.dir.as_ref(), self.path(key), self.writes) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            let _ = std::fs::write(&tag, CACHEDIR_TAG);
        }
        let temp = dir.join(format!(
            ".{}.{}.{}.tmp",
            hex(key),
            std::process::id(),
            self.temp_counter.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(&encode_entry(processed)))
            .and_then(|()| std::fs::rename(&temp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

/// A key remembered for one shared input buffer.
#[derive(Debug)]
struct SharedKey {
    bytes: Arc<[u8]>,
    display: Display,
    fit: Fit,
    ext: String,
    key: Key,
}

/// Marks the folder as a cache, so backup tools skip it (<https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This folder holds images processed by buddysite; it is made again when deleted.\n";

fn key(bytes: &[u8], display: Display, fit: Fit, ext: &str) -> Key {
    let mut h = Sha256::new();
    h.update(ENCODER_VERSION.as_bytes());
    h.update([0]);
    h.update(display.width.to_le_bytes());
    h.update(display.height.to_le_bytes());
    h.update([match fit {
        Fit::Contain => 0,
        Fit::Cover => 1,
    }]);
    h.update((ext.len() as u64).to_le_bytes());
    h.update(ext.as_bytes());
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// First bytes of an entry; the digit is the entry format.
const MAGIC: &[u8; 8] = b"BSIMG\x00\x00\x02";

/// The extensions an entry can name, by number.
const EXTS: [&str; 4] = ["jpg", "png", "webp", "svg"];

/// `MAGIC`, SHA-256 of the body, body: width, height, variant count, per variant (width,
/// height, extension number, length, bytes), note count, per note (length, UTF-8).
fn encode_entry(p: &Processed) -> Vec<u8> {
    let mut body = Vec::new();
    let u32_ = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    let u64_ = |v: &mut Vec<u8>, n: usize| v.extend_from_slice(&(n as u64).to_le_bytes());
    u32_(&mut body, p.width);
    u32_(&mut body, p.height);
    u64_(&mut body, p.variants.len());
    for v in &p.variants {
        u32_(&mut body, v.width);
        u32_(&mut body, v.height);
        body.push(EXTS.iter().position(|e| *e == v.ext).unwrap_or(0) as u8);
        u64_(&mut body, v.bytes.len());
        body.extend_from_slice(&v.bytes);
    }
    u64_(&mut body, p.removed.len());
    for note in &p.removed {
        // The message as data, so a cached note is shown in the language of each run.
        let note = note.to_json().to_string();
        u64_(&mut body, note.len());
        body.extend_from_slice(note.as_bytes());
    }
    let mut out = Vec::with_capacity(MAGIC.len() + 32 + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&Sha256::digest(&body));
    out.extend_from_slice(&body);
    out
}

/// The entry, or `None` for anything not written whole by [`encode_entry`].
fn decode_entry(bytes: &[u8]) -> Option<Processed> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, body) = rest.split_at_checked(32)?;
    if Sha256::digest(body).as_slice() != sum {
        return None;
    }
    let mut r = Reader(body);
    let width = r.u32()?;
    let height = r.u32()?;
    let count = r.len()?;
    let mut variants = Vec::new();
    for _ in 0..count {
        let width = r.u32()?;
        let height = r.u32()?;
        let ext = *EXTS.get(usize::from(r.take(1)?[0]))?;
        let len = r.len()?;
        variants.push(Variant {
            width,
            height,
            bytes: Arc::from(r.take(len)?),
            ext,
        });
    }
    let notes = r.len()?;
    let mut removed = Vec::new();
    for _ in 0..notes {
        let len = r.len()?;
        let note: serde_json::Value = serde_json::from_slice(r.take(len)?).ok()?;
        removed.push(crate::messages::Text::from_json(&note)?);
    }
    if !r.0.is_empty() || variants.is_empty() {
        return None;
    }
    Some(Processed {
        variants,
        width,
        height,
        removed,
    })
}

/// Reads little-endian numbers and slices off the front, `None` past the end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.0.split_at_checked(n)?;
        self.0 = tail;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        usize::try_from(u64::from_le_bytes(self.take(8)?.try_into().ok()?)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Processed {
        Processed {
            variants: vec![Variant {
                width: 2,
                height: 1,
                bytes: Arc::from(&b"abc"[..]),
                ext: "png",
            }],
            width: 2,
            height: 1,
            removed: vec![crate::text!(SVG_REMOVED_SCRIPT, name = "script")],
        }
    }

    #[test]
    fn entries_round_trip_and_damage_is_refused() {
        let bytes = encode_entry(&sample());
        assert_eq!(decode_entry(&bytes), Some(sample()));
        for cut in [0, 7, 40, bytes.len() - 1] {
            assert_eq!(decode_entry(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(decode_entry(&flipped), None);
    }

    #[test]
    fn key_depends_on_everything() {
        let d = Display {
            width: 96,
            height: 96,
        };
        let base = key(b"x", d, Fit::Cover, "jpg");
        assert_ne!(base, key(b"y", d, Fit::Cover, "jpg"));
        assert_ne!(base, key(b"x", d, Fit::Contain, "jpg"));
        assert_ne!(
            base,
            key(b"x", Display { width: 97, ..d }, Fit::Cover, "jpg")
        );
        assert_ne!(base, key(b"x", d, Fit::Cover, "png"));
    }
}
