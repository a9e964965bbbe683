//! Photos and logos, made safe and small before they are published.
//!
//! An editor drops a phone photo next to a buddy profile, or a logo exported from a drawing
//! program into a school folder. Published as they are, such files carry what the site
//! promises never to publish: the GPS position where the photo was taken (often the buddy's
//! home), the phone's make and serial number, the author's name in the drawing's metadata,
//! and, in an SVG, scripts that run when a parent opens the file. They are also far larger
//! than the theme shows them.
//!
//! [`process`] therefore never passes the original bytes on:
//! - JPEG, PNG and WebP are decoded and encoded again with the `image` crate. Only pixels
//!   (and the colour profile, which describes colours, not people) survive: EXIF, GPS, XMP,
//!   comments and text chunks are gone because they are never written. The EXIF orientation
//!   is applied to the pixels first, so a phone photo still stands upright without it.
//!   Images are scaled down to at most twice the size the theme shows them (for `srcset`),
//!   never up; a buddy photo, shown as a round avatar with `object-fit: cover`, is first cut
//!   to the square the avatar shows ([`Fit::Cover`]). The format stays, except that a lossy
//!   WebP photo becomes a JPEG (the `image` crate writes only lossless WebP, several times
//!   the bytes for a photo).
//! - SVG is parsed as XML and written again from an allow-list (see [`svg`]).
//!
//! Re-encoding a photo is by far the slowest step of a build, so results are cached by a hash
//! of the input bytes, the display size and [`ENCODER_VERSION`] ([`ImageCache`]), in memory
//! for a session and on disk under `<project>/.buddysite-cache/images/` for the next build.
//!
//! **Disk access.** This cache is the one place outside `load/` and `output/` that touches
//! the disk. That is deliberate: what it stores is derived data, keyed by a hash of
//! everything the result depends on, so reading it can never change what a build produces,
//! only how fast; a missing, stale or damaged entry is simply made again. It writes only
//! inside the folder it is given (never the output folder), atomically (a temporary file,
//! then a rename).

mod cache;
mod css;
mod raster;
pub mod svg;

pub use cache::{CacheStats, ImageCache};

use crate::diagnostics::Diagnostic;
use crate::messages::{registry, Msg, Text};
use crate::text;
use std::sync::Arc;

/// Changes whenever a change here would make different bytes from the same input, so that
/// cached results of an older buddysite are made again instead of reused.
pub const ENCODER_VERSION: &str =
    "buddysite-images/1 image-0.25 jpeg-q82 png-best webp-lossless lanczos3 svg/1";

/// One published file of an image, at one width: the theme offers several in a `srcset` so
/// a phone on a slow line does not download the print-quality version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The encoded file, shared by every school that publishes it.
    pub bytes: Arc<[u8]>,
    /// file extension without dot: "jpg", "png", "webp", "svg". The input's format, except
    /// that a lossy WebP photo is published as JPEG (see [`process`]).
    pub ext: &'static str,
}

/// An image ready to publish: variants ascending by width (the last is the largest); for SVG
/// one variant. The writer publishes the variants; the theme needs the size to reserve space
/// so the page does not jump while the image loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    /// Ascending by width; never empty.
    pub variants: Vec<Variant>,
    /// Width of the largest variant (for SVG: its intrinsic width in CSS pixels).
    pub width: u32,
    /// Height of the largest variant (for SVG: its intrinsic height in CSS pixels).
    pub height: u32,
    /// What the SVG sanitizer removed, one plain sentence each, so the build can tell the
    /// editor why the published logo differs from the file (empty for photos).
    pub removed: Vec<Text>,
}

/// What the theme shows an image at, in CSS pixels; variants are made at 1x and 2x of it
/// (never upscaled). The image is fitted inside this box keeping its proportions, except
/// where [`Fit::Cover`] says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Display {
    /// Width of the box in CSS pixels.
    pub width: u32,
    /// Height of the box in CSS pixels.
    pub height: u32,
}

/// How an image fills its [`Display`] box, as the theme's CSS `object-fit` does: it decides
/// which part of the pixels is worth publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fit {
    /// The whole image fits inside the box (`object-fit: contain`, or `max-width` and
    /// `max-height`): logos and school photos.
    #[default]
    Contain,
    /// The image fills the box and the browser cuts off what sticks out, from the centre
    /// (`object-fit: cover`): buddy avatars. The cut-off part is cut here already, so it is
    /// never downloaded.
    Cover,
}

/// The image kinds the theme shows; each has one display size, read from the default theme's
/// CSS, so the sizes live in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// A buddy's photo: a round avatar, `6rem` square on the buddy's page (`3.5rem` in lists),
    /// with `object-fit: cover`.
    BuddyPhoto,
    /// A school's or the SWV's logo: at most `10rem` × `4.5rem` (the letterhead, the largest
    /// of the header, letter, overview and footer logos), with `object-fit: contain`.
    Logo,
    /// A school photo (`brand.image`) on the home page: at most 960 CSS pixels on a side.
    SchoolImage,
}

impl ImageKind {
    /// How this kind fills its box in the default theme.
    pub fn fit(self) -> Fit {
        match self {
            ImageKind::BuddyPhoto => Fit::Cover,
            ImageKind::Logo | ImageKind::SchoolImage => Fit::Contain,
        }
    }
}

/// The size the default theme shows `kind` at, so every caller scales the same way.
pub fn display_for(kind: ImageKind) -> Display {
    match kind {
        // `.avatar--large` is 6rem: 96 CSS px.
        ImageKind::BuddyPhoto => Display {
            width: 96,
            height: 96,
        },
        // `.letterhead__logo`: max-width 10rem, max-height 4.5rem. The header (8rem × 3.5rem
        // on wide screens), the overview cards (9rem × 3.5rem) and the footer (8rem × 3rem)
        // all fit inside it.
        ImageKind::Logo => Display {
            width: 160,
            height: 72,
        },
        ImageKind::SchoolImage => Display {
            width: 960,
            height: 960,
        },
    }
}

/// Decodes, strips all metadata (EXIF, GPS, XMP, comments; the ICC colour profile is kept),
/// scales down to at most 2x `display` (fitting inside it, [`Fit::Contain`]), re-encodes in
/// the same format (JPEG quality 82, PNG, lossless WebP; a lossy WebP without transparency,
/// a photo, becomes a JPEG, since only lossless WebP can be written), or sanitizes SVG.
/// Errors name `origin` (the project-relative file path) and say what to do.
///
/// Every call hashes `bytes` for the cache key (SHA-256, well under a millisecond per MB):
/// cheap, but call it once per file and kind and share the result between schools rather
/// than once per school.
pub fn process(
    origin: &str,
    bytes: &[u8],
    display: Display,
    cache: &ImageCache,
) -> Result<Arc<Processed>, Diagnostic> {
    process_fit(origin, bytes, display, Fit::Contain, cache)
}

/// [`process`] for an image of a known kind: its display size and fit from the theme.
pub fn process_kind(
    origin: &str,
    bytes: &[u8],
    kind: ImageKind,
    cache: &ImageCache,
) -> Result<Arc<Processed>, Diagnostic> {
    process_fit(origin, bytes, display_for(kind), kind.fit(), cache)
}

/// [`process`] with an explicit [`Fit`] (a buddy photo is cropped to its square avatar).
pub fn process_fit(
    origin: &str,
    bytes: &[u8],
    display: Display,
    fit: Fit,
    cache: &ImageCache,
) -> Result<Arc<Processed>, Diagnostic> {
    let ext = extension(origin);
    cache
        .get_or_make(bytes, display, fit, &ext, || {
            make(&ext, bytes, display, fit)
        })
        .map_err(|f| f.into_diagnostic(origin))
}

/// [`process_fit`] for bytes the project shares between schools (a loaded asset's
/// `Arc<[u8]>`): the same as `process_fit(origin, &bytes, …)`, but the input is hashed once
/// per buffer instead of once per call, so asking for a photo once per school costs a
/// lookup, not a SHA-256 of the whole photo each time.
pub fn process_shared(
    origin: &str,
    bytes: &Arc<[u8]>,
    display: Display,
    fit: Fit,
    cache: &ImageCache,
) -> Result<Arc<Processed>, Diagnostic> {
    let ext = extension(origin);
    let key = cache.key_of_shared(bytes, display, fit, &ext);
    cache
        .get_or_make_keyed(key, || make(&ext, bytes, display, fit))
        .map_err(|f| f.into_diagnostic(origin))
}

/// Why an image could not be published, without the file name: the same bytes fail the same
/// way under any name, so a failure is cached once and named per caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    message: Text,
    help: Text,
    /// The file's text and the 1-based line and column of the problem, for text formats.
    at: Option<(Arc<str>, usize, usize)>,
}

impl Failure {
    fn new(message: Text, help: Text) -> Failure {
        Failure {
            message,
            help,
            at: None,
        }
    }

    /// Points the failure at a line and column of the file's text.
    fn at(mut self, text: &str, line: usize, column: usize) -> Failure {
        self.at = Some((Arc::from(text), line, column));
        self
    }

    fn into_diagnostic(self, origin: &str) -> Diagnostic {
        let d = Diagnostic::error_text(origin, self.message).help(self.help);
        match self.at {
            Some((text, line, column)) => d.at(&text, line, column),
            None => d,
        }
    }
}

/// The lower-case extension of a path, without the dot ("" when there is none).
fn extension(origin: &str) -> String {
    let name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The formats published as images, by what the file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    Png,
    WebP,
    Svg,
}

impl Kind {
    fn from_extension(ext: &str) -> Option<Kind> {
        match ext {
            "jpg" | "jpeg" | "jpe" => Some(Kind::Jpeg),
            "png" => Some(Kind::Png),
            "webp" => Some(Kind::WebP),
            "svg" => Some(Kind::Svg),
            _ => None,
        }
    }

    fn name(self) -> Msg {
        match self {
            Kind::Jpeg => registry::IMAGE_KIND_JPEG,
            Kind::Png => registry::IMAGE_KIND_PNG,
            Kind::WebP => registry::IMAGE_KIND_WEBP,
            Kind::Svg => registry::IMAGE_KIND_SVG,
        }
    }
}

/// Does the work for a cache miss.
fn make(ext: &str, bytes: &[u8], display: Display, fit: Fit) -> Result<Processed, Failure> {
    let Some(claimed) = Kind::from_extension(ext) else {
        return Err(unsupported(ext));
    };
    match sniff(bytes) {
        Sniffed::Raster(format) => raster::process(format, bytes, display, fit),
        Sniffed::Other(what) => Err(Failure::new(
            text!(IMAGE_WRONG_FORMAT, ext = ext, what = Text::new(what)),
            text!(IMAGE_WRONG_FORMAT_HELP),
        )),
        Sniffed::Unknown if claimed == Kind::Svg => svg::sanitize(bytes),
        Sniffed::Unknown if svg::looks_like_svg(bytes) => Err(Failure::new(
            text!(IMAGE_IS_SVG, ext = ext),
            text!(IMAGE_IS_SVG_HELP),
        )),
        Sniffed::Unknown => {
            let kind = Text::new(claimed.name());
            let message = if std::str::from_utf8(bytes).is_ok() {
                text!(IMAGE_NOT_KIND_TEXT, ext = ext, kind = kind)
            } else {
                text!(IMAGE_NOT_KIND, ext = ext, kind = kind)
            };
            Err(Failure::new(message, text!(IMAGE_NOT_KIND_HELP)))
        }
    }
}

/// The message for an extension that is not an image buddysite publishes.
fn unsupported(ext: &str) -> Failure {
    let help = match ext {
        "heic" | "heif" => text!(IMAGE_HEIC_HELP),
        "gif" | "bmp" | "tif" | "tiff" => text!(IMAGE_EXPORT_PNG_JPEG_HELP),
        _ => text!(IMAGE_USE_FORMATS_HELP),
    };
    let shown = if ext.is_empty() {
        text!(IMAGE_NO_EXTENSION)
    } else {
        text!(IMAGE_UNSUPPORTED, ext = ext)
    };
    Failure::new(shown, help)
}

/// What the first bytes of a file say it is.
enum Sniffed {
    /// A format we decode.
    Raster(image::ImageFormat),
    /// An image format we do not publish (named for the message).
    Other(Msg),
    /// No known image signature.
    Unknown,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    use image::ImageFormat as F;
    match image::guess_format(bytes) {
        Ok(f @ (F::Jpeg | F::Png | F::WebP)) => Sniffed::Raster(f),
        Ok(F::Gif) => Sniffed::Other(registry::IMAGE_KIND_GIF),
        Ok(F::Avif) => Sniffed::Other(registry::IMAGE_KIND_AVIF),
        Ok(F::Tiff) => Sniffed::Other(registry::IMAGE_KIND_TIFF),
        Ok(F::Bmp) => Sniffed::Other(registry::IMAGE_KIND_BMP),
        Ok(_) => Sniffed::Other(registry::IMAGE_KIND_UNUSUAL),
        Err(_) if is_heic(bytes) => Sniffed::Other(registry::IMAGE_KIND_HEIC),
        Err(_) => Sniffed::Unknown,
    }
}

/// HEIC/HEIF: an ISO media file whose brand is one of Apple's still-image brands.
fn is_heic(bytes: &[u8]) -> bool {
    bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(
            &bytes[8..12],
            b"heic" | b"heix" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"hevc"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_lower_case_and_ignores_folders() {
        assert_eq!(extension("content/buddys/Samira.JPG"), "jpg");
        assert_eq!(extension("schools/a.b/logo"), "");
        assert_eq!(extension("content/.hidden"), "");
    }

    #[test]
    fn heic_is_named() {
        let mut b = vec![0, 0, 0, 24];
        b.extend_from_slice(b"ftypheic");
        b.extend_from_slice(&[0; 16]);
        assert!(matches!(sniff(&b), Sniffed::Other(m) if m == registry::IMAGE_KIND_HEIC));
    }
}
