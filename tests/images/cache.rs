//! The cache: one encoding per session and ever, atomic and self-healing on disk.

use super::builders::*;
use buddysite::render::images::{
    display_for, process, process_fit, process_kind, process_shared, CacheStats, Fit, ImageCache,
    ImageKind,
};
use image::ImageFormat;
use rayon::prelude::*;
use std::sync::Arc;

// ---------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------

#[test]
fn the_same_photo_is_encoded_once_per_session_and_once_ever() {
    let dir = tempfile::tempdir().unwrap();
    let cache_dir = dir.path().join(".buddysite-cache/images");
    let input = phone_jpeg(600, 600, 1);
    let d = display_for(ImageKind::BuddyPhoto);

    let first = ImageCache::new(Some(cache_dir.clone()));
    let a = ok("content/buddys/samira.jpg", &input, d, &first);
    let b = ok("content/buddys/samira-kopie.jpg", &input, d, &first);
    assert_eq!(a, b);
    assert_eq!(
        first.stats(),
        CacheStats {
            encoded: 1,
            from_memory: 1,
            from_disk: 0
        }
    );
    // A different display size is a different result.
    ok(
        "content/buddys/samira.jpg",
        &input,
        display_for(ImageKind::Logo),
        &first,
    );
    assert_eq!(first.stats().encoded, 2);

    // A fresh process: a new cache on the same folder reads, never encodes.
    let second = ImageCache::new(Some(cache_dir.clone()));
    let c = ok("content/buddys/samira.jpg", &input, d, &second);
    assert_eq!(
        second.stats(),
        CacheStats {
            encoded: 0,
            from_memory: 0,
            from_disk: 1
        }
    );
    assert_eq!(*a, *c, "identical bytes from disk");

    // Only finished entries (and the cache tag) are in the folder: no temporary files.
    let mut names: Vec<String> = std::fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().any(|n| n == "CACHEDIR.TAG"));
    assert!(
        names.iter().filter(|n| n.ends_with(".img")).count() == 2,
        "{names:?}"
    );
}

#[test]
fn a_damaged_cache_entry_is_ignored_and_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let input = encoded(&photo(300, 300), ImageFormat::Png);
    let d = display_for(ImageKind::Logo);
    let first = ImageCache::new(Some(dir.path().to_path_buf()));
    let good = ok("logo.png", &input, d, &first);
    let entry = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "img"))
        .expect("an entry was written");
    let len = std::fs::metadata(&entry).unwrap().len() as usize;

    for damage in [
        b"garbage".to_vec(),
        std::fs::read(&entry).unwrap()[..len / 2].to_vec(),
    ] {
        std::fs::write(&entry, damage).unwrap();
        let again = ImageCache::new(Some(dir.path().to_path_buf()));
        let out = ok("logo.png", &input, d, &again);
        assert_eq!(out, good);
        assert_eq!(again.stats().encoded, 1, "the damaged entry was not used");
        let after = ImageCache::new(Some(dir.path().to_path_buf()));
        ok("logo.png", &input, d, &after);
        assert_eq!(after.stats().from_disk, 1, "and it was written again");
    }
}

#[test]
fn schools_rendering_in_parallel_share_one_encoding() {
    let cache = ImageCache::in_memory();
    let input = phone_jpeg(500, 500, 1);
    let results: Vec<_> = (0..16)
        .into_par_iter()
        .map(|i| {
            process_kind(
                &format!("schools/s{i}/../../content/buddys/samira.jpg"),
                &input,
                ImageKind::BuddyPhoto,
                &cache,
            )
            .expect("photo")
        })
        .collect();
    assert!(results.windows(2).all(|w| w[0] == w[1]));
    let stats = cache.stats();
    assert_eq!(stats.encoded, 1, "{stats:?}");
    assert_eq!(stats.from_memory, 15);
}

#[test]
fn a_cache_folder_that_cannot_be_written_only_costs_time() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("file-not-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let cache = ImageCache::new(Some(blocked.join("images")));
    let out = ok(
        "logo.png",
        &encoded(&photo(50, 50), ImageFormat::Png),
        display_for(ImageKind::Logo),
        &cache,
    );
    assert_eq!(sizes(&out), [(50, 50)]);
    assert_eq!(std::fs::read(&blocked).unwrap(), b"x");
}

#[test]
fn failures_are_named_per_file_even_from_the_cache() {
    let cache = ImageCache::in_memory();
    let text = b"not an image";
    let d = display_for(ImageKind::BuddyPhoto);
    let one = process("content/buddys/a.jpg", text, d, &cache).unwrap_err();
    let two = process("content/buddys/b.jpg", text, d, &cache).unwrap_err();
    assert_eq!(one.file, "content/buddys/a.jpg");
    assert_eq!(two.file, "content/buddys/b.jpg");
    assert_eq!(one.message, two.message);
}

#[test]
fn unused_entries_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let cache_dir = ImageCache::project_dir(dir.path());
    assert!(cache_dir.ends_with(".buddysite-cache/images"));
    let d = display_for(ImageKind::Logo);
    let old_logo = encoded(&photo(60, 60), ImageFormat::Png);
    let new_logo = encoded(&photo(70, 60), ImageFormat::Png);
    let first = ImageCache::new(Some(cache_dir.clone()));
    ok("logo.png", &old_logo, d, &first);
    ok("logo.png", &new_logo, d, &first);
    std::fs::write(cache_dir.join("notes.txt"), b"mine").unwrap();

    // The next build only uses the new logo.
    let second = ImageCache::new(Some(cache_dir.clone()));
    ok("logo.png", &new_logo, d, &second);
    assert_eq!(second.remove_unused(), 1);
    assert_eq!(std::fs::read(cache_dir.join("notes.txt")).unwrap(), b"mine");
    let third = ImageCache::new(Some(cache_dir.clone()));
    ok("logo.png", &new_logo, d, &third);
    ok("logo.png", &old_logo, d, &third);
    assert_eq!(
        third.stats(),
        CacheStats {
            encoded: 1,
            from_memory: 0,
            from_disk: 1
        },
        "the new logo was kept, the old one made again"
    );
}

#[test]
fn a_shared_buffer_is_hashed_once_and_let_go_when_the_project_drops_it() {
    let cache = ImageCache::in_memory();
    let d = display_for(ImageKind::BuddyPhoto);
    let shared: Arc<[u8]> = Arc::from(phone_jpeg(300, 300, 1));
    let one = process_shared("content/buddys/a.jpg", &shared, d, Fit::Cover, &cache).unwrap();
    let two = process_shared("content/buddys/a.jpg", &shared, d, Fit::Cover, &cache).unwrap();
    assert!(Arc::ptr_eq(&one, &two));
    // The same bytes in another buffer, and through the plain call: the same result.
    let copy: Arc<[u8]> = Arc::from(shared.to_vec());
    let three = process_shared("content/buddys/a.jpg", &copy, d, Fit::Cover, &cache).unwrap();
    let four = process_fit("content/buddys/a.jpg", &shared, d, Fit::Cover, &cache).unwrap();
    assert!(Arc::ptr_eq(&one, &three) && Arc::ptr_eq(&one, &four));
    assert_eq!(
        cache.stats(),
        CacheStats {
            encoded: 1,
            from_memory: 3,
            from_disk: 0
        }
    );
    // Changed content in a new buffer is a new image, never the old one.
    let edited: Arc<[u8]> = Arc::from(phone_jpeg(300, 200, 1));
    let five = process_shared("content/buddys/a.jpg", &edited, d, Fit::Contain, &cache).unwrap();
    assert_eq!(sizes(&five), [(96, 64), (192, 128)]);

    let weak = Arc::downgrade(&shared);
    drop((shared, copy));
    let other: Arc<[u8]> = Arc::from(encoded(&photo(20, 20), ImageFormat::Png));
    process_shared("logo.png", &other, d, Fit::Contain, &cache).unwrap();
    assert!(
        weak.upgrade().is_none(),
        "the cache let go of the dropped buffer"
    );
}

#[test]
fn a_read_only_cache_uses_saved_entries_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cache_dir = ImageCache::project_dir(dir.path());
    let d = display_for(ImageKind::Logo);
    let saved = encoded(&photo(80, 60), ImageFormat::Png);
    let unsaved = encoded(&photo(90, 60), ImageFormat::Png);

    // Before any build: nothing to read, and nothing is made on disk.
    let check = ImageCache::read_only(cache_dir.clone());
    ok("logo.png", &saved, d, &check);
    assert!(!cache_dir.exists(), "a read-only cache made its folder");

    ok(
        "logo.png",
        &saved,
        d,
        &ImageCache::new(Some(cache_dir.clone())),
    );
    let listing = || std::fs::read_dir(&cache_dir).unwrap().count();
    let before = listing();
    let check = ImageCache::read_only(cache_dir.clone());
    ok("logo.png", &saved, d, &check);
    ok("logo.png", &unsaved, d, &check);
    assert_eq!(
        check.stats(),
        CacheStats {
            encoded: 1,
            from_memory: 0,
            from_disk: 1
        }
    );
    assert_eq!(listing(), before, "nothing was written");
    assert_eq!(ImageCache::read_only(cache_dir.clone()).remove_unused(), 0);
    assert_eq!(listing(), before, "nothing was deleted");
}
