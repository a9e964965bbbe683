//! Photos and logos as they are published: no metadata, no script, no reference to elsewhere,
//! no larger than the theme shows them, and made once.
//!
//! The inputs are made here (with the `image` crate, and small byte-level builders for the
//! EXIF, XMP and text chunks a phone or a drawing program adds), so no binary fixture is
//! needed and each test shows exactly what its file contains.

use buddysite::render::images::{
    display_for, process, process_fit, process_kind, process_shared, svg::sanitize_svg, CacheStats,
    Display, Fit, ImageCache, ImageKind, Processed,
};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use rayon::prelude::*;
use std::io::Cursor;
use std::sync::Arc;

// ---------------------------------------------------------------------------------------
// Input builders
// ---------------------------------------------------------------------------------------

/// A photo-like RGB picture (smooth gradients, so JPEG behaves as on a real photo).
fn photo(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        Rgb([
            (x * 255 / w.max(1)) as u8,
            (y * 255 / h.max(1)) as u8,
            ((x + y) % 256) as u8,
        ])
    }))
}

fn encoded(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode test image");
    out.into_inner()
}

/// Where the fake phone says the photo was taken: 52°5'23.4"N 5°7'8.9"E, as EXIF rationals.
const LATITUDE: [(u32, u32); 3] = [(52, 1), (5, 1), (234, 10)];
const LONGITUDE: [(u32, u32); 3] = [(5, 1), (7, 1), (89, 10)];
/// Text that must not survive anywhere in the output.
const SECRETS: &[&[u8]] = &[
    b"Exif",
    b"GPS",
    b"SerialPhone",
    b"http://ns.adobe.com/xap/1.0/",
    b"Kerkstraat",
    b"Samira's phone",
];

/// The TIFF structure of an EXIF block (little-endian): IFD0 with Make, Orientation and a
/// pointer to a GPS IFD holding latitude and longitude, as a phone camera writes it.
fn exif_tiff(orientation: u16) -> Vec<u8> {
    // Layout: header (8) | IFD0: 2 + 3*12 + 4 = 42 | GPS IFD: 2 + 5*12 + 4 = 66 | data.
    let ifd0 = 8u32;
    let gps = ifd0 + 42;
    let data = gps + 66;
    let make = b"SerialPhone\0";
    let lat_at = data + make.len() as u32;
    let lon_at = lat_at + 24;
    let mut t = Vec::new();
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&ifd0.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    // IFD0
    t.extend_from_slice(&3u16.to_le_bytes());
    entry(&mut t, 0x010f, 2, make.len() as u32, data); // Make (ASCII)
    entry(&mut t, 0x0112, 3, 1, u32::from(orientation)); // Orientation (SHORT, inline)
    entry(&mut t, 0x8825, 4, 1, gps); // GPSInfo IFD pointer (LONG)
    t.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD
    t.extend_from_slice(&5u16.to_le_bytes());
    entry(&mut t, 0x0000, 1, 4, u32::from_le_bytes([2, 3, 0, 0])); // GPSVersionID
    entry(&mut t, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0")); // GPSLatitudeRef
    entry(&mut t, 0x0002, 5, 3, lat_at); // GPSLatitude (RATIONAL ×3)
    entry(&mut t, 0x0003, 2, 2, u32::from_le_bytes(*b"E\0\0\0")); // GPSLongitudeRef
    entry(&mut t, 0x0004, 5, 3, lon_at); // GPSLongitude
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len() as u32, data);
    t.extend_from_slice(make);
    for (n, d) in LATITUDE.iter().chain(LONGITUDE.iter()) {
        t.extend_from_slice(&n.to_le_bytes());
        t.extend_from_slice(&d.to_le_bytes());
    }
    t
}

/// An XMP packet with a location, as photo apps write it.
const XMP: &str = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF \
    xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description \
    xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"52,5.39N\" \
    photoshop:City=\"Kerkstraat 12\"/></rdf:RDF></x:xmpmeta>";

/// One JPEG marker segment.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xff, marker];
    s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A JPEG straight from a phone: APP1 Exif (with GPS), APP1 XMP and a comment after SOI.
fn phone_jpeg(w: u32, h: u32, orientation: u16) -> Vec<u8> {
    let plain = encoded(&photo(w, h), ImageFormat::Jpeg);
    assert_eq!(&plain[..2], &[0xff, 0xd8]);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&exif_tiff(orientation));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend_from_slice(XMP.as_bytes());
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xe1, &exif));
    out.extend(segment(0xe1, &xmp));
    out.extend(segment(0xfe, b"Samira's phone"));
    out.extend_from_slice(&plain[2..]);
    out
}

/// The markers of a JPEG's header segments, up to the start of the image data.
fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(&bytes[..2], &[0xff, 0xd8], "not a JPEG");
    let mut at = 2;
    let mut markers = Vec::new();
    while at + 4 <= bytes.len() {
        assert_eq!(bytes[at], 0xff, "segment at {at}");
        let marker = bytes[at + 1];
        markers.push(marker);
        if marker == 0xda {
            break; // start of scan: entropy-coded data follows
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        at += 2 + len;
    }
    markers
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// The chunk types of a PNG, in order.
fn png_chunks(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let mut at = 8;
    let mut kinds = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        kinds.push(String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned());
        at += 12 + len;
    }
    kinds
}

/// A logo PNG as drawing programs save it: text chunks, an EXIF chunk and a timestamp.
fn noisy_png(img: &DynamicImage) -> Vec<u8> {
    let plain = encoded(img, ImageFormat::Png);
    // Signature (8) + IHDR (25) = 33: insert right after IHDR.
    let mut out = plain[..33].to_vec();
    out.extend(png_chunk(b"tEXt", b"Author\0Samira's phone"));
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend_from_slice(XMP.as_bytes());
    out.extend(png_chunk(b"iTXt", &itxt));
    out.extend(png_chunk(b"eXIf", &exif_tiff(1)));
    out.extend(png_chunk(b"tIME", &[7, 234, 6, 1, 12, 0, 0]));
    out.extend_from_slice(&plain[33..]);
    out
}

/// The chunk ids of a RIFF WebP file.
fn webp_chunks(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WEBP");
    let mut at = 12;
    let mut ids = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
        ids.push(String::from_utf8_lossy(&bytes[at..at + 4]).into_owned());
        at += 8 + len + (len & 1);
    }
    ids
}

/// A WebP in the extended format with EXIF and XMP chunks next to the image.
fn noisy_webp(img: &DynamicImage) -> Vec<u8> {
    let plain = encoded(img, ImageFormat::WebP);
    let image_chunk = &plain[12..]; // the one VP8L chunk
    let riff_chunk = |id: &[u8; 4], data: &[u8]| {
        let mut c = id.to_vec();
        c.extend_from_slice(&(data.len() as u32).to_le_bytes());
        c.extend_from_slice(data);
        if data.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut vp8x = vec![0x08 | 0x04, 0, 0, 0]; // EXIF and XMP present
    vp8x.extend_from_slice(&(img.width() - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(img.height() - 1).to_le_bytes()[..3]);
    let mut body = b"WEBP".to_vec();
    body.extend(riff_chunk(b"VP8X", &vp8x));
    body.extend_from_slice(image_chunk);
    body.extend(riff_chunk(b"EXIF", &exif_tiff(1)));
    body.extend(riff_chunk(b"XMP ", XMP.as_bytes()));
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out
}

// ---------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------

fn ok(origin: &str, bytes: &[u8], display: Display, cache: &ImageCache) -> Arc<Processed> {
    match process(origin, bytes, display, cache) {
        Ok(p) => p,
        Err(d) => panic!("{origin} failed:\n{d}"),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn assert_no_secrets(bytes: &[u8], what: &str) {
    for secret in SECRETS {
        assert!(
            !contains(bytes, secret),
            "{what} still contains {:?}",
            String::from_utf8_lossy(secret)
        );
    }
    for (n, d) in LATITUDE {
        let mut rational = n.to_le_bytes().to_vec();
        rational.extend_from_slice(&d.to_le_bytes());
        assert!(
            !contains(bytes, &rational),
            "{what} still holds the GPS latitude"
        );
    }
}

/// Every variant decodes to exactly the size it claims, ascending by width.
fn assert_variants_decode(p: &Processed, format: ImageFormat) {
    assert!(!p.variants.is_empty());
    for pair in p.variants.windows(2) {
        assert!(pair[0].width < pair[1].width, "variants not ascending");
    }
    let last = p.variants.last().unwrap();
    assert_eq!((p.width, p.height), (last.width, last.height));
    for v in &p.variants {
        let img = image::load_from_memory_with_format(&v.bytes, format).expect("output decodes");
        assert_eq!((img.width(), img.height()), (v.width, v.height));
    }
}

fn sizes(p: &Processed) -> Vec<(u32, u32)> {
    p.variants.iter().map(|v| (v.width, v.height)).collect()
}

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
const LOSSY_WEBP: &[u8] = include_bytes!("fixtures/images/lossy.webp");
const LOSSY_ALPHA_WEBP: &[u8] = include_bytes!("fixtures/images/lossy-alpha.webp");

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

// ---------------------------------------------------------------------------------------
// Files that are not what they claim
// ---------------------------------------------------------------------------------------

fn failure(origin: &str, bytes: &[u8]) -> buddysite::Diagnostic {
    match process(
        origin,
        bytes,
        display_for(ImageKind::BuddyPhoto),
        &ImageCache::in_memory(),
    ) {
        Ok(_) => panic!("{origin} was accepted"),
        Err(d) => d,
    }
}

#[test]
fn a_text_file_called_jpg_fails_with_its_name() {
    let d = failure(
        "content/buddys/samira.jpg",
        b"Dit is geen foto, maar een notitie.\n",
    );
    assert!(d.is_error());
    assert_eq!(d.file, "content/buddys/samira.jpg");
    assert!(d.message.contains(".jpg"), "{}", d.message);
    assert!(d.message.contains("not a JPEG image"), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or("").contains("JPEG"), "{d:?}");
    assert!(d.to_string().contains("content/buddys/samira.jpg"));
}

#[test]
fn misnamed_damaged_and_unsupported_files_say_what_to_do() {
    let svg = failure(
        "schools/de-eik/logo.png",
        br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#,
    );
    assert_eq!(svg.file, "schools/de-eik/logo.png");
    assert!(
        svg.help.as_deref().unwrap_or("").contains(".svg"),
        "{svg:?}"
    );

    let gif = failure(
        "content/buddys/bas.png",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    );
    assert!(gif.message.contains("GIF"), "{gif:?}");

    let mut cut = encoded(&photo(200, 200), ImageFormat::Jpeg);
    cut.truncate(120); // cut off inside the header, before any pixel
    let damaged = failure("content/buddys/bas.jpg", &cut);
    assert_eq!(damaged.file, "content/buddys/bas.jpg");
    assert!(damaged.message.contains("cannot be read"), "{damaged:?}");

    let heic = failure("content/buddys/bas.heic", b"\0\0\0\x18ftypheic\0\0\0\0");
    assert!(
        heic.help.as_deref().unwrap_or("").contains("JPEG"),
        "{heic:?}"
    );

    // A huge canvas in a tiny file (a decompression bomb) is refused before decoding.
    let mut bomb = encoded(&photo(8, 8), ImageFormat::Png);
    bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let ihdr_crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&ihdr_crc.to_be_bytes());
    let big = failure("content/buddys/bas.png", &bomb);
    assert!(big.message.contains("too large"), "{big:?}");
}

// ---------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------

/// A logo as it arrives from a careless or hostile source: every way an SVG runs script or
/// loads from elsewhere, plus an editor's metadata, around a real drawing.
fn hostile_svg(embedded_png: &[u8]) -> String {
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD.encode(embedded_png);
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://evil.example/x.css"?>
<!DOCTYPE svg [ <!ENTITY school "De Eik"> ]>
<!-- exported by Samira's phone -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:html="http://www.w3.org/1999/xhtml"
     width="200" height="80" viewBox="0 0 200 80" onload="alert(1)" inkscape:version="1.3">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">Kerkstraat 12</rdf:RDF></metadata>
  <title>Logo &school;</title>
  <style>@import url(https://evil.example/font.css);
    .a {{ fill: url(#g); }} .b {{ background: url("https://evil.example/track.png") }}</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#2d6a2e"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
  <script>alert(document.cookie)</script>
  <script type="text/ecmascript"><![CDATA[ fetch("https://evil.example/") ]]></script>
  <html:script>alert(2)</html:script>
  <rect class="a" width="200" height="80" onclick="alert(3)" ONMOUSEOVER="alert(4)"/>
  <circle cx="40" cy="40" r="30" fill="url(https://evil.example/p.svg#x)" style="stroke:#000;filter:url(http://evil.example/f)"/>
  <image href="https://evil.example/pixel.png" width="10" height="10"/>
  <image xlink:href="data:image/svg+xml;base64,PHN2Zy8+" width="10" height="10"/>
  <image href="data:image/png;base64,{png}" x="150" width="40" height="40"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#g"/>
  <foreignObject width="100" height="50"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(5)</script></body></foreignObject>
  <a xlink:href="javascript:alert(6)"><text x="10" y="70">&school;</text></a>
  <set attributeName="onmouseover" to="alert(7)"/>
  <animate attributeName="href" to="javascript:alert(8)"/>
</svg>
"##
    )
}

#[test]
fn svg_loses_scripts_handlers_foreign_objects_and_external_references_and_still_parses() {
    let embedded = noisy_png(&photo(40, 40));
    let input = hostile_svg(&embedded);
    roxmltree::Document::parse_with_options(
        &input,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the hostile input is valid XML");

    let cache = ImageCache::in_memory();
    let out = ok(
        "schools/de-eik/logo.svg",
        input.as_bytes(),
        display_for(ImageKind::Logo),
        &cache,
    );
    assert_eq!(out.variants.len(), 1);
    let v = &out.variants[0];
    assert_eq!((v.ext, v.width, v.height), ("svg", 200, 80));
    let text = std::str::from_utf8(&v.bytes).expect("UTF-8");
    // Without DTD support: the output needs none.
    let doc = roxmltree::Document::parse(text).expect("the output is valid XML without a DTD");

    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    for node in doc.descendants() {
        if node.is_pi() || node.is_comment() {
            panic!("a processing instruction or comment survived: {node:?}");
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        assert_eq!(
            node.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg"),
            "<{name}> outside the SVG namespace"
        );
        assert!(
            ![
                "script",
                "foreignObject",
                "a",
                "set",
                "animate",
                "metadata",
                "body"
            ]
            .contains(&name),
            "<{name}> survived"
        );
        for a in node.attributes() {
            assert!(
                !a.name().to_ascii_lowercase().starts_with("on"),
                "event handler {} survived on <{name}>",
                a.name()
            );
            assert!(
                a.namespace().is_none(),
                "namespaced attribute {a:?} survived"
            );
            if a.name() == "href" {
                let v = a.value();
                assert!(
                    v.starts_with('#') || v.starts_with("data:image/png;base64,"),
                    "reference {v} survived"
                );
            }
        }
    }
    for gone in [
        "evil.example",
        "javascript:",
        "alert",
        "@import",
        "Kerkstraat",
        "Samira",
        "inkscape",
        "ENTITY",
        "DOCTYPE",
    ] {
        assert!(!text.contains(gone), "{gone} survived in:\n{text}");
    }
    // The drawing itself is still there, entities expanded.
    let count = |n: &str| doc.descendants().filter(|d| d.has_tag_name(n)).count();
    assert_eq!(count("rect"), 1);
    assert_eq!(count("circle"), 1);
    assert_eq!(count("stop"), 2);
    assert_eq!(count("text"), 1, "the link's text stays, without the link");
    assert_eq!(count("use"), 1, "the same-document <use> stays");
    assert!(text.contains("url(#g)"), "same-document gradient kept");
    assert!(text.contains("stroke:#000"), "safe style kept");
    assert!(text.contains("<title>Logo De Eik</title>"));
    // The embedded PNG stays, re-encoded without its text and EXIF chunks.
    let images: Vec<_> = doc
        .descendants()
        .filter(|d| d.has_tag_name("image"))
        .collect();
    assert_eq!(images.len(), 1, "only the embedded PNG image stays");
    let href = images[0].attribute("href").unwrap();
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD
        .decode(href.trim_start_matches("data:image/png;base64,"))
        .unwrap();
    assert!(png_chunks(&png)
        .iter()
        .all(|c| c != "tEXt" && c != "iTXt" && c != "eXIf"));
    assert_no_secrets(&png, "the embedded PNG");
    // And the editor is told what went.
    assert!(
        out.removed.iter().any(|r| r.contains("<script>")),
        "{:?}",
        out.removed
    );
    assert!(
        out.removed.iter().any(|r| r.contains("onload")),
        "{:?}",
        out.removed
    );
    assert!(
        out.removed.iter().any(|r| r.contains("foreignObject")),
        "{:?}",
        out.removed
    );
}

#[test]
fn a_clean_svg_keeps_its_drawing() {
    let input = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z" fill="#2d6a2e" transform="rotate(45 5 5)"/></svg>"##;
    let cleaned = sanitize_svg("logo.svg", input.as_bytes()).expect("clean");
    assert_eq!(cleaned.svg.trim_end(), input);
    assert!(cleaned.removed.is_empty());
}

#[test]
fn svg_that_is_not_xml_is_refused_with_the_position() {
    let d = failure(
        "schools/de-eik/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\">\n</svg>",
    );
    assert_eq!(d.file, "schools/de-eik/logo.svg");
    assert!(d.message.contains("not valid XML"), "{}", d.message);
    assert_eq!(d.line, 3, "{d}");
    assert!(d.column > 0, "{d}");
    assert_eq!(d.snippet.as_deref(), Some("</svg>"), "{d}");
    let html = failure("schools/de-eik/logo.svg", b"<html><body>logo</body></html>");
    assert!(html.message.contains("<html>"), "{}", html.message);
    // An entity bomb is stopped by the parser, not expanded.
    let mut bomb = String::from("<!DOCTYPE svg [<!ENTITY a0 \"xxxxxxxxxx\">");
    for i in 1..10 {
        let prev = format!("&a{};", i - 1).repeat(10);
        bomb.push_str(&format!("<!ENTITY a{i} \"{prev}\">"));
    }
    bomb.push_str("]><svg xmlns=\"http://www.w3.org/2000/svg\"><title>&a9;</title></svg>");
    let d = failure("schools/de-eik/logo.svg", bomb.as_bytes());
    assert!(d.message.contains("not valid XML"), "{}", d.message);
}

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

// ---------------------------------------------------------------------------------------
// SVG: random documents from the pieces attacks are made of
// ---------------------------------------------------------------------------------------

mod svg_properties {
    use super::*;
    use proptest::prelude::*;

    const ELEMENTS: &[&str] = &[
        "g",
        "rect",
        "script",
        "SCRIPT",
        "svg:script",
        "html:script",
        "foreignObject",
        "a",
        "use",
        "image",
        "feImage",
        "style",
        "set",
        "animate",
        "title",
        "text",
        "iframe",
        "svg:g",
        "handler",
    ];
    const ATTRIBUTES: &[&str] = &[
        "onload",
        "OnClick",
        "onbegin",
        "href",
        "xlink:href",
        "src",
        "style",
        "fill",
        "filter",
        "transform",
        "id",
        "xml:base",
        "attributeName",
        "to",
        "cursor",
    ];
    const VALUES: &[&str] = &[
        "#a",
        "https://x.example/t.png",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
        "url(https://x.example/a)",
        "u\\72l(//x.example/b)",
        "url(#g)",
        "rotate(4)",
        "a &amp; b",
        "image-set('//x.example/c' 1x)",
        "fill:url( 'https://x.example/d' )",
    ];
    const TEXTS: &[&str] = &[
        "plain",
        "@import url(https://x.example/e.css);",
        ".a{fill:url(https://x.example/f)}",
        "@IMPORT 'g.css';",
        "<![CDATA[ @import '//x.example/h'; ]]>",
    ];

    fn element(depth: u32) -> BoxedStrategy<String> {
        let attrs = proptest::collection::vec((0..ATTRIBUTES.len(), 0..VALUES.len()), 0..4);
        let leaf = (0..ELEMENTS.len(), attrs.clone(), 0..TEXTS.len()).prop_map(|(e, a, t)| {
            open(ELEMENTS[e], &a) + TEXTS[t] + &format!("</{}>", ELEMENTS[e])
        });
        if depth == 0 {
            return leaf.boxed();
        }
        let inner = proptest::collection::vec(element(depth - 1), 0..4);
        prop_oneof![
            leaf,
            (0..ELEMENTS.len(), attrs, inner).prop_map(|(e, a, children)| {
                open(ELEMENTS[e], &a) + &children.concat() + &format!("</{}>", ELEMENTS[e])
            })
        ]
        .boxed()
    }

    fn open(name: &str, attrs: &[(usize, usize)]) -> String {
        let mut seen = std::collections::HashSet::new();
        let mut s = format!("<{name}");
        for &(a, v) in attrs {
            if seen.insert(a) {
                s.push_str(&format!(" {}=\"{}\"", ATTRIBUTES[a], VALUES[v]));
            }
        }
        s.push('>');
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn nothing_that_runs_or_loads_survives(body in proptest::collection::vec(element(3), 1..4)) {
            let input = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:svg=\"http://www.w3.org/2000/svg\" \
                 xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
                 xmlns:html=\"http://www.w3.org/1999/xhtml\">{}</svg>",
                body.concat()
            );
            prop_assume!(roxmltree::Document::parse(&input).is_ok());
            let cleaned = sanitize_svg("logo.svg", input.as_bytes())
                .map_err(|d| TestCaseError::fail(d.to_string()))?;
            let doc = roxmltree::Document::parse(&cleaned.svg)
                .map_err(|e| TestCaseError::fail(format!("output not XML: {e}\n{}", cleaned.svg)))?;
            for node in doc.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                prop_assert_eq!(node.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
                prop_assert!(
                    !["script", "SCRIPT", "foreignObject", "a", "set", "animate", "iframe", "handler"]
                        .contains(&name),
                    "<{}> survived", name
                );
                for a in node.attributes() {
                    prop_assert!(!a.name().to_ascii_lowercase().starts_with("on"), "{:?}", a);
                    prop_assert!(a.namespace().is_none(), "{:?}", a);
                    prop_assert!(a.name() != "attributeName" && a.name() != "to", "{:?}", a);
                    if a.name() == "href" || a.name() == "src" {
                        prop_assert!(a.value().starts_with('#'), "{:?}", a);
                    }
                }
            }
            // Text is only text (a <title> may say anything), and `id="https://…"` is just a
            // name; what loads is an `href` (checked above) or CSS, in an attribute or a
            // style sheet.
            let mut active: Vec<&str> = doc
                .descendants()
                .flat_map(|n| n.attributes().map(|a| a.value()))
                .collect();
            active.extend(
                doc.descendants()
                    .filter(|n| n.has_tag_name("style"))
                    .filter_map(|n| n.text()),
            );
            for text in active {
                for gone in ["url(http", "url( 'http", "url(//", "u\\72l(", "image-set(", "@import", "@IMPORT"] {
                    prop_assert!(!text.contains(gone), "{} survived in\n{}", gone, cleaned.svg);
                }
            }
        }
    }
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
