//! JPEG, PNG and WebP: metadata gone, scaled to the theme, never up, deterministic.

use super::builders::*;
use buddysite::render::images::{display_for, process_kind, Display, ImageCache, ImageKind};
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};

// ---------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------

#[test]
fn phone_jpeg_loses_exif_gps_xmp_and_comment_and_is_scaled_to_twice_the_avatar() {
    let input = phone_jpeg(1200, 1200, 1);
    // The builder really made what a phone makes (else this test could not fail).
    assert_eq!(jpeg_markers(&input)[..3], [0xe1, 0xe1, 0xfe]);
    assert!(contains(&input, b"GPS") || contains(&input, &LATITUDE[0].0.to_le_bytes()));
    let decoded = image::load_from_memory(&input).expect("input is a valid JPEG");
    assert_eq!(decoded.width(), 1200);

    let cache = ImageCache::in_memory();
    let out = match process_kind(
        "content/buddys/samira.jpg",
        &input,
        ImageKind::BuddyPhoto,
        &cache,
    ) {
        Ok(p) => p,
        Err(d) => panic!("{d}"),
    };
    let display = display_for(ImageKind::BuddyPhoto);
    assert_eq!(
        sizes(&out),
        [(96, 96), (192, 192)],
        "1x and 2x of the 6rem avatar"
    );
    assert!(out.variants.iter().all(|v| v.width <= 2 * display.width));
    assert_variants_decode(&out, ImageFormat::Jpeg);
    for v in &out.variants {
        assert_eq!(v.ext, "jpg");
        let markers = jpeg_markers(&v.bytes);
        assert!(
            markers
                .iter()
                .all(|m| !(0xe1..=0xef).contains(m) && *m != 0xfe),
            "only APP0 (JFIF) may remain, found markers {markers:02x?}"
        );
        assert_no_secrets(&v.bytes, &format!("the {}px variant", v.width));
    }
}

#[test]
fn exif_orientation_is_applied_to_the_pixels_before_it_is_dropped() {
    // Orientation 6: the camera was held upright, the sensor stored the picture sideways.
    let input = phone_jpeg(400, 200, 6);
    let cache = ImageCache::in_memory();
    let big = Display {
        width: 1000,
        height: 1000,
    };
    let out = ok("content/buddys/samira.jpg", &input, big, &cache);
    assert_eq!(sizes(&out), [(200, 400)], "stands upright, not scaled up");
}

#[test]
fn logo_png_loses_text_exif_and_time_chunks_and_keeps_transparency() {
    let logo = DynamicImage::ImageRgba8(RgbaImage::from_fn(1000, 200, |x, y| {
        if (x / 50 + y / 50) % 2 == 0 {
            Rgba([20, 90, 40, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    }));
    let input = noisy_png(&logo);
    let before = png_chunks(&input);
    for kind in ["tEXt", "iTXt", "eXIf", "tIME"] {
        assert!(before.iter().any(|k| k == kind), "builder made no {kind}");
    }
    image::load_from_memory(&input).expect("input is a valid PNG");

    let cache = ImageCache::in_memory();
    let out = ok(
        "schools/t-klaverblad/logo.png",
        &input,
        display_for(ImageKind::Logo),
        &cache,
    );
    // The letterhead box is 10rem × 4.5rem: the 5:1 logo is bound by its width.
    assert_eq!(sizes(&out), [(160, 32), (320, 64)]);
    assert_variants_decode(&out, ImageFormat::Png);
    for v in &out.variants {
        assert_eq!(v.ext, "png");
        let chunks = png_chunks(&v.bytes);
        assert!(
            chunks
                .iter()
                .all(|k| ["IHDR", "PLTE", "tRNS", "IDAT", "IEND", "iCCP"].contains(&k.as_str())),
            "unexpected chunks {chunks:?}"
        );
        assert_no_secrets(&v.bytes, "the logo");
        let img = image::load_from_memory(&v.bytes).unwrap().into_rgba8();
        assert_eq!(img.get_pixel(1, 1).0[3], 255, "opaque square stays opaque");
        // Scaling blurs the edges a little; the see-through squares stay (nearly) clear.
        let clear = img.pixels().filter(|p| p.0[3] < 24).count();
        assert!(
            clear > img.pixels().len() / 4,
            "transparent squares stay transparent"
        );
    }
}

#[test]
fn webp_loses_exif_and_xmp_chunks() {
    let input = noisy_webp(&photo(300, 200));
    assert_eq!(webp_chunks(&input), ["VP8X", "VP8L", "EXIF", "XMP "]);
    let cache = ImageCache::in_memory();
    let out = ok(
        "content/assets/school.webp",
        &input,
        Display {
            width: 100,
            height: 100,
        },
        &cache,
    );
    assert_eq!(sizes(&out), [(100, 67), (200, 133)]);
    assert_variants_decode(&out, ImageFormat::WebP);
    for v in &out.variants {
        assert_eq!(v.ext, "webp");
        let chunks = webp_chunks(&v.bytes);
        assert!(
            chunks.iter().all(|c| c != "EXIF" && c != "XMP "),
            "{chunks:?}"
        );
        assert_no_secrets(&v.bytes, "the WebP");
    }
}

/// Made with `cwebp -q 75` (libwebp) from generated pixels: the `image` crate cannot write
/// lossy WebP. 120 × 90, no transparency; and 64 × 64 with a transparent background.
const LOSSY_WEBP: &[u8] = include_bytes!("../fixtures/images/lossy.webp");
const LOSSY_ALPHA_WEBP: &[u8] = include_bytes!("../fixtures/images/lossy-alpha.webp");

#[test]
fn a_lossy_webp_photo_is_published_as_jpeg_and_a_transparent_one_stays_webp() {
    assert_eq!(webp_chunks(LOSSY_WEBP), ["VP8 "], "fixture is lossy");
    let cache = ImageCache::in_memory();
    let d = Display {
        width: 50,
        height: 50,
    };
    // With EXIF and XMP added around the lossy bitstream, as a photo app writes it.
    let wrapped = {
        let img = image::load_from_memory(LOSSY_WEBP).unwrap();
        let mut riff = noisy_webp(&img);
        // Swap the lossless bitstream the builder encoded for the real lossy one.
        let vp8l_at = 12 + 18; // after RIFF header and the VP8X chunk
        let vp8l_len =
            u32::from_le_bytes(riff[vp8l_at + 4..vp8l_at + 8].try_into().unwrap()) as usize;
        let vp8l_end = vp8l_at + 8 + vp8l_len + (vp8l_len & 1);
        riff.splice(vp8l_at..vp8l_end, LOSSY_WEBP[12..].iter().copied());
        let size = (riff.len() - 8) as u32;
        riff[4..8].copy_from_slice(&size.to_le_bytes());
        riff
    };
    assert_eq!(webp_chunks(&wrapped), ["VP8X", "VP8 ", "EXIF", "XMP "]);
    for input in [LOSSY_WEBP, &wrapped[..]] {
        let out = ok("content/assets/school.webp", input, d, &cache);
        assert_eq!(sizes(&out), [(50, 38), (100, 75)]);
        assert!(out.variants.iter().all(|v| v.ext == "jpg"));
        assert_variants_decode(&out, ImageFormat::Jpeg);
        for v in &out.variants {
            assert_no_secrets(&v.bytes, "the photo from a WebP");
        }
    }

    let out = ok("schools/de-eik/logo.webp", LOSSY_ALPHA_WEBP, d, &cache);
    assert!(out.variants.iter().all(|v| v.ext == "webp"));
    assert_variants_decode(&out, ImageFormat::WebP);
    let img = image::load_from_memory(&out.variants[0].bytes)
        .unwrap()
        .into_rgba8();
    assert_eq!(img.get_pixel(0, 0).0[3], 0, "the corner stays transparent");
}

#[test]
fn small_images_are_never_scaled_up() {
    let cache = ImageCache::in_memory();
    let out = ok(
        "content/buddys/kees.jpg",
        &encoded(&photo(150, 120), ImageFormat::Jpeg),
        display_for(ImageKind::BuddyPhoto),
        &cache,
    );
    assert_eq!(sizes(&out), [(96, 77), (150, 120)]);
    let tiny = ok(
        "content/buddys/kees.png",
        &encoded(&photo(40, 30), ImageFormat::Png),
        display_for(ImageKind::BuddyPhoto),
        &cache,
    );
    assert_eq!(sizes(&tiny), [(40, 30)], "one variant, at its own size");
}

#[test]
fn buddy_photos_are_cut_to_the_square_the_avatar_shows() {
    let cache = ImageCache::in_memory();
    let out = process_kind(
        "content/buddys/samira.jpg",
        &encoded(&photo(900, 1200), ImageFormat::Jpeg),
        ImageKind::BuddyPhoto,
        &cache,
    )
    .expect("portrait photo");
    assert_eq!(sizes(&out), [(96, 96), (192, 192)]);
}

#[test]
fn output_is_deterministic() {
    let input = phone_jpeg(640, 480, 1);
    let logo = noisy_png(&photo(300, 100));
    for (name, bytes) in [("a.jpg", &input), ("b.png", &logo)] {
        let one = ok(
            name,
            bytes,
            display_for(ImageKind::Logo),
            &ImageCache::in_memory(),
        );
        let two = ok(
            name,
            bytes,
            display_for(ImageKind::Logo),
            &ImageCache::in_memory(),
        );
        assert_eq!(one, two, "{name}");
    }
}
