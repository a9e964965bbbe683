//! Files that are not what they claim, and files too large to decode safely.

use super::builders::*;
use image::ImageFormat;

// ---------------------------------------------------------------------------------------
// Files that are not what they claim
// ---------------------------------------------------------------------------------------

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
