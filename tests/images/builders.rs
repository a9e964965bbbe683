//! Inputs as phones and drawing programs make them, built byte by byte, and the assertions
//! that read the outputs' structure (JPEG segments, PNG and WebP chunks).

use buddysite::render::images::{display_for, process, Display, ImageCache, ImageKind, Processed};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use std::io::Cursor;
use std::sync::Arc;

// ---------------------------------------------------------------------------------------
// Input builders
// ---------------------------------------------------------------------------------------

/// A photo-like RGB picture (smooth gradients, so JPEG behaves as on a real photo).
pub fn photo(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        Rgb([
            (x * 255 / w.max(1)) as u8,
            (y * 255 / h.max(1)) as u8,
            ((x + y) % 256) as u8,
        ])
    }))
}

pub fn encoded(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode test image");
    out.into_inner()
}

/// Where the fake phone says the photo was taken: 52°5'23.4"N 5°7'8.9"E, as EXIF rationals.
pub const LATITUDE: [(u32, u32); 3] = [(52, 1), (5, 1), (234, 10)];
pub const LONGITUDE: [(u32, u32); 3] = [(5, 1), (7, 1), (89, 10)];
/// Text that must not survive anywhere in the output.
pub const SECRETS: &[&[u8]] = &[
    b"Exif",
    b"GPS",
    b"SerialPhone",
    b"http://ns.adobe.com/xap/1.0/",
    b"Kerkstraat",
    b"Samira's phone",
];

/// The TIFF structure of an EXIF block (little-endian): IFD0 with Make, Orientation and a
/// pointer to a GPS IFD holding latitude and longitude, as a phone camera writes it.
pub fn exif_tiff(orientation: u16) -> Vec<u8> {
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
pub const XMP: &str = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF \
    xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description \
    xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"52,5.39N\" \
    photoshop:City=\"Kerkstraat 12\"/></rdf:RDF></x:xmpmeta>";

/// One JPEG marker segment.
pub fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xff, marker];
    s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A JPEG straight from a phone: APP1 Exif (with GPS), APP1 XMP and a comment after SOI.
pub fn phone_jpeg(w: u32, h: u32, orientation: u16) -> Vec<u8> {
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
pub fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
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

pub fn crc32(bytes: &[u8]) -> u32 {
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

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// The chunk types of a PNG, in order.
pub fn png_chunks(bytes: &[u8]) -> Vec<String> {
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
pub fn noisy_png(img: &DynamicImage) -> Vec<u8> {
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
pub fn webp_chunks(bytes: &[u8]) -> Vec<String> {
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
pub fn noisy_webp(img: &DynamicImage) -> Vec<u8> {
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

pub fn ok(origin: &str, bytes: &[u8], display: Display, cache: &ImageCache) -> Arc<Processed> {
    match process(origin, bytes, display, cache) {
        Ok(p) => p,
        Err(d) => panic!("{origin} failed:\n{d}"),
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn assert_no_secrets(bytes: &[u8], what: &str) {
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
pub fn assert_variants_decode(p: &Processed, format: ImageFormat) {
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

pub fn sizes(p: &Processed) -> Vec<(u32, u32)> {
    p.variants.iter().map(|v| (v.width, v.height)).collect()
}

/// The diagnostic for a file that must be refused.
pub fn failure(origin: &str, bytes: &[u8]) -> buddysite::Diagnostic {
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
