//! JPEG, PNG and WebP: decode, turn upright, cut and scale, encode again without metadata.
//!
//! Nothing of the input file but its pixels and its colour profile is handed to the encoder,
//! so nothing else can come out: the encoders of the `image` crate write no EXIF, XMP,
//! comment or text chunk of their own.

use super::{Display, Failure, Fit, Processed, Variant};
use crate::text;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageFormat, ImageReader, Limits,
};
use std::io::Cursor;
use std::sync::Arc;

/// JPEG quality: visually lossless for photos at avatar size, a third of quality 95's bytes.
const JPEG_QUALITY: u8 = 82;
/// Longest side accepted, in pixels: more than any phone camera makes (8064 at 48 MP).
const MAX_SIDE: u32 = 16_384;
/// Most pixels accepted: a 100 MP photo still decodes within the memory limit below.
const MAX_PIXELS: u64 = 100_000_000;
/// Memory the decoder may use for one image.
const MAX_ALLOC: u64 = 1 << 30;

/// Processes one raster image of a format we publish.
pub(super) fn process(
    format: ImageFormat,
    bytes: &[u8],
    display: Display,
    fit: Fit,
) -> Result<Processed, Failure> {
    let (img, icc) = decode(format, bytes)?;
    let format = output_format(format, bytes, &img);
    let img = match fit {
        Fit::Contain => img,
        Fit::Cover => crop_to_aspect(img, display),
    };
    let (w, h) = (img.width(), img.height());
    let large = fitted(w, h, display, 2);
    let small = fitted(w, h, display, 1);
    let large_img = if large == (w, h) {
        img
    } else {
        resize(&img, large)
    };
    let mut variants = Vec::with_capacity(2);
    if small != large {
        variants.push(encode(format, &resize(&large_img, small), icc.as_deref())?);
    }
    variants.push(encode(format, &large_img, icc.as_deref())?);
    Ok(Processed {
        width: large.0,
        height: large.1,
        variants,
        removed: Vec::new(),
    })
}

/// Decodes an image embedded in an SVG and encodes it again at its own size, so its metadata
/// goes the same way as a photo's. Returns the MIME type and the new bytes.
pub(super) fn strip(format: ImageFormat, bytes: &[u8]) -> Result<(&'static str, Vec<u8>), Failure> {
    let (img, icc) = decode(format, bytes)?;
    let format = output_format(format, bytes, &img);
    let variant = encode(format, &img, icc.as_deref())?;
    let mime = match variant.ext {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        _ => "image/webp",
    };
    Ok((mime, variant.bytes.to_vec()))
}

/// The format to publish in: the input's, except that a lossy WebP without transparency (a
/// photo) becomes a JPEG. The `image` crate only writes lossless WebP, which for a photo is
/// five to ten times the bytes of the JPEG; a lossless WebP, or one with transparency (a
/// logo), stays WebP.
fn output_format(format: ImageFormat, bytes: &[u8], img: &DynamicImage) -> ImageFormat {
    if format == ImageFormat::WebP && !img.color().has_alpha() && is_lossy_webp(bytes) {
        ImageFormat::Jpeg
    } else {
        format
    }
}

/// True when the WebP file holds a lossy (`VP8 `) bitstream rather than a lossless (`VP8L`).
fn is_lossy_webp(bytes: &[u8]) -> bool {
    let mut at = 12;
    while let Some(header) = bytes.get(at..at + 8) {
        if &header[..4] == b"VP8 " {
            return true;
        }
        let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        at = at
            .saturating_add(8)
            .saturating_add(len)
            .saturating_add(len & 1);
    }
    false
}

/// The pixels, upright, in the simplest pixel type that holds them, and the colour profile.
fn decode(format: ImageFormat, bytes: &[u8]) -> Result<(DynamicImage, Option<Vec<u8>>), Failure> {
    let what = match format {
        ImageFormat::Png => "PNG",
        ImageFormat::WebP => "WebP",
        _ => "JPEG",
    };
    let damaged = |e: ImageError| {
        Failure::new(
            text!(IMAGE_DAMAGED, format = what, error = e.to_string()),
            text!(IMAGE_DAMAGED_HELP),
        )
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| too_large(e).unwrap_or_else(damaged))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(Failure::new(
            text!(IMAGE_NO_PIXELS, format = what, width = w, height = h),
            text!(IMAGE_NO_PIXELS_HELP),
        ));
    }
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(size_failure(w, h));
    }
    // A damaged EXIF block only loses the orientation, never the photo.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut img =
        DynamicImage::from_decoder(decoder).map_err(|e| too_large(e).unwrap_or_else(damaged))?;
    img.apply_orientation(orientation);
    let img = simplest(img, format);
    let icc = icc.filter(|p| profile_fits(p, &img));
    Ok((img, icc))
}

/// True when an ICC profile describes the pixels as decoded: an RGB profile for colour, a
/// grey one for grey. A print shop's CMYK profile next to the RGB pixels the decoder made
/// would show wrong colours, or none, so it is dropped (the pixels then count as sRGB).
fn profile_fits(profile: &[u8], img: &DynamicImage) -> bool {
    let space = profile.get(16..20);
    if img.color().has_color() {
        space == Some(b"RGB ")
    } else {
        space == Some(b"GRAY")
    }
}

/// A limit error as the size message; other errors back to the caller.
fn too_large(e: ImageError) -> Result<Failure, ImageError> {
    match e {
        ImageError::Limits(_) => Ok(Failure::new(
            text!(IMAGE_TOO_LARGE),
            text!(IMAGE_TOO_LARGE_HELP, max = MAX_SIDE),
        )),
        other => Err(other),
    }
}

fn size_failure(w: u32, h: u32) -> Failure {
    Failure::new(
        text!(IMAGE_TOO_MANY_PIXELS, width = w, height = h),
        text!(
            IMAGE_TOO_MANY_PIXELS_HELP,
            max = MAX_SIDE,
            megapixels = MAX_PIXELS / 1_000_000
        ),
    )
}

/// 8 bits per channel, grey when there is no colour, alpha only when something is see-through
/// and the format can keep it: smaller files, and one pixel type per format for the encoders.
fn simplest(img: DynamicImage, format: ImageFormat) -> DynamicImage {
    let colour = img.color().has_color();
    let alpha = format != ImageFormat::Jpeg && img.color().has_alpha() && !opaque(&img);
    match (colour, alpha) {
        (true, true) => DynamicImage::ImageRgba8(img.into_rgba8()),
        (true, false) => DynamicImage::ImageRgb8(img.into_rgb8()),
        (false, true) => DynamicImage::ImageLumaA8(img.into_luma_alpha8()),
        (false, false) => DynamicImage::ImageLuma8(img.into_luma8()),
    }
}

/// True when every pixel is fully opaque.
fn opaque(img: &DynamicImage) -> bool {
    match img {
        DynamicImage::ImageRgba8(b) => b.pixels().all(|p| p.0[3] == u8::MAX),
        DynamicImage::ImageLumaA8(b) => b.pixels().all(|p| p.0[1] == u8::MAX),
        DynamicImage::ImageRgba16(b) => b.pixels().all(|p| p.0[3] == u16::MAX),
        DynamicImage::ImageLumaA16(b) => b.pixels().all(|p| p.0[1] == u16::MAX),
        _ => false,
    }
}

/// Cuts the image to the proportions of `display`, keeping the centre, as `object-fit: cover`
/// with the default `object-position` shows it.
fn crop_to_aspect(img: DynamicImage, display: Display) -> DynamicImage {
    let (w, h) = (u64::from(img.width()), u64::from(img.height()));
    let (dw, dh) = (
        u64::from(display.width.max(1)),
        u64::from(display.height.max(1)),
    );
    // Compare w/h with dw/dh without floating point.
    if w * dh > h * dw {
        let new_w = ((h * dw + dh / 2) / dh).clamp(1, w);
        let x = (w - new_w) / 2;
        img.crop_imm(x as u32, 0, new_w as u32, h as u32)
    } else if w * dh < h * dw {
        let new_h = ((w * dh + dw / 2) / dw).clamp(1, h);
        let y = (h - new_h) / 2;
        img.crop_imm(0, y as u32, w as u32, new_h as u32)
    } else {
        img
    }
}

/// The size of a `w` × `h` image fitted inside `scale` times `display`, never larger than the
/// image itself.
pub(super) fn fitted(w: u32, h: u32, display: Display, scale: u32) -> (u32, u32) {
    let bw = f64::from(display.width.max(1)) * f64::from(scale);
    let bh = f64::from(display.height.max(1)) * f64::from(scale);
    let factor = (bw / f64::from(w)).min(bh / f64::from(h)).min(1.0);
    if factor >= 1.0 {
        return (w, h);
    }
    let nw = (f64::from(w) * factor).round().clamp(1.0, f64::from(w)) as u32;
    let nh = (f64::from(h) * factor).round().clamp(1.0, f64::from(h)) as u32;
    (nw, nh)
}

/// Lanczos scaling; see-through images are scaled with premultiplied alpha, so the invisible
/// (often black) colour of transparent pixels does not bleed into the edges of a logo.
fn resize(img: &DynamicImage, (w, h): (u32, u32)) -> DynamicImage {
    if !img.color().has_alpha() {
        return img.resize_exact(w, h, FilterType::Lanczos3);
    }
    let grey = !img.color().has_color();
    let mut f = img.to_rgba32f();
    for p in f.pixels_mut() {
        let a = p.0[3];
        p.0[0] *= a;
        p.0[1] *= a;
        p.0[2] *= a;
    }
    let mut scaled = image::imageops::resize(&f, w, h, FilterType::Lanczos3);
    for p in scaled.pixels_mut() {
        let a = p.0[3].clamp(0.0, 1.0);
        p.0[3] = a;
        for c in &mut p.0[..3] {
            *c = if a > 0.0 {
                (*c / a).clamp(0.0, 1.0)
            } else {
                0.0
            };
        }
    }
    let out = DynamicImage::ImageRgba32F(scaled);
    if grey {
        DynamicImage::ImageLumaA8(out.into_luma_alpha8())
    } else {
        DynamicImage::ImageRgba8(out.into_rgba8())
    }
}

/// Encodes the pixels, and nothing else but the colour profile, in `format`.
fn encode(format: ImageFormat, img: &DynamicImage, icc: Option<&[u8]>) -> Result<Variant, Failure> {
    let mut out = Vec::new();
    let failed = |e: ImageError| {
        Failure::new(
            text!(IMAGE_CANNOT_ENCODE, error = e.to_string()),
            text!(IMAGE_CANNOT_ENCODE_HELP),
        )
    };
    let ext = match format {
        ImageFormat::Png => {
            let enc =
                PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive);
            write_with(enc, img, icc).map_err(failed)?;
            "png"
        }
        ImageFormat::WebP => {
            write_with(WebPEncoder::new_lossless(&mut out), img, icc).map_err(failed)?;
            "webp"
        }
        _ => {
            write_with(
                JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY),
                img,
                icc,
            )
            .map_err(failed)?;
            "jpg"
        }
    };
    Ok(Variant {
        width: img.width(),
        height: img.height(),
        bytes: Arc::from(out),
        ext,
    })
}

/// Writes `img` with `enc`, with the colour profile when the encoder takes one (one that does
/// not just publishes sRGB).
fn write_with<E: ImageEncoder>(
    mut enc: E,
    img: &DynamicImage,
    icc: Option<&[u8]>,
) -> image::ImageResult<()> {
    if let Some(icc) = icc {
        let _ = enc.set_icc_profile(icc.to_vec());
    }
    enc.write_image(
        img.as_bytes(),
        img.width(),
        img.height(),
        img.color().into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_never_upscales_and_keeps_proportions() {
        let box96 = Display {
            width: 96,
            height: 96,
        };
        assert_eq!(fitted(1200, 1200, box96, 2), (192, 192));
        assert_eq!(fitted(1200, 600, box96, 1), (96, 48));
        assert_eq!(fitted(50, 40, box96, 2), (50, 40));
        assert_eq!(fitted(10_000, 1, box96, 1), (96, 1));
    }

    #[test]
    fn cover_cuts_the_centre() {
        let img = DynamicImage::new_rgb8(300, 100);
        let cut = crop_to_aspect(
            img,
            Display {
                width: 96,
                height: 96,
            },
        );
        assert_eq!((cut.width(), cut.height()), (100, 100));
    }
}
