//! The QR code of a school's letter page, for the paper letter (a PNG the PDF embeds) and for
//! the printed web letter (an inline SVG): one matrix, so both point at the same address.
//!
//! A parent holding the paper letter can only get to the site by typing the address or by
//! scanning this code. The PNG has whole pixels per module and no smoothing, so it stays
//! crisp at any zoom and a phone (or a test) decodes it; the SVG is one `<path>` with no
//! reference to any other file, so it passes the sanitizer and the pages' CSP.

use fast_qr::{QRBuilder, ECL};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// Modules of light border around the code (the standard's quiet zone).
const QUIET: usize = 4;
/// Pixels per module in the PNG.
const SCALE: usize = 6;

/// A QR code as a square of modules, dark = `true`, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Modules per side.
    pub width: usize,
    /// Row by row.
    pub dark: Vec<bool>,
}

/// A letter page's QR code in both forms it is used in: made once per address and process
/// by [`code`], because choosing the best mask is the costliest step of rendering a letter
/// (a sixth of a whole build before it was shared and fast_qr replaced
/// the `qrcode` crate).
#[derive(Debug)]
pub struct Code {
    /// The modules.
    pub matrix: Matrix,
    /// [`Matrix::png`], made when a PDF is typeset (a cached letter never needs it).
    png: OnceLock<Arc<[u8]>>,
}

impl Code {
    /// The PNG the PDF embeds.
    pub fn png(&self) -> Arc<[u8]> {
        Arc::clone(self.png.get_or_init(|| Arc::from(self.matrix.png())))
    }
}

/// Addresses remembered at most; a preview that outgrows it starts over (each entry is a
/// few kB).
const REMEMBERED: usize = 50_000;

/// The QR code of `url`, made once per process: every build and preview rebuild of the same
/// address gets the same [`Code`] (the code is a pure function of the address, so sharing
/// it cannot change what is rendered). `None` only for an address too long for any QR code.
pub fn code(url: &str) -> Option<Arc<Code>> {
    static MEMO: OnceLock<Mutex<HashMap<String, Arc<Code>>>> = OnceLock::new();
    let memo = MEMO.get_or_init(Mutex::default);
    if let Some(hit) = memo.lock().ok().and_then(|m| m.get(url).cloned()) {
        return Some(hit);
    }
    let made = Arc::new(Code {
        matrix: matrix(url)?,
        png: OnceLock::new(),
    });
    if let Ok(mut m) = memo.lock() {
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(url.to_owned(), Arc::clone(&made));
    }
    Some(made)
}

/// The QR code for `url`; `None` only for an address too long for any QR code.
pub fn matrix(url: &str) -> Option<Matrix> {
    let code = QRBuilder::new(url.as_bytes()).ecl(ECL::M).build().ok()?;
    let width = code.size;
    Some(Matrix {
        width,
        dark: code
            .data
            .get(..width * width)?
            .iter()
            .map(|m| m.value())
            .collect(),
    })
}

impl Matrix {
    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    /// A greyscale PNG with the quiet zone, [`SCALE`] pixels per module.
    pub fn png(&self) -> Vec<u8> {
        let side = (self.width + 2 * QUIET) * SCALE;
        let mut img = image::GrayImage::from_pixel(
            u32::try_from(side).unwrap_or(u32::MAX),
            u32::try_from(side).unwrap_or(u32::MAX),
            image::Luma([255]),
        );
        for (px, py, p) in img.enumerate_pixels_mut() {
            let (x, y) = (px as usize / SCALE, py as usize / SCALE);
            let inside = (QUIET..QUIET + self.width).contains(&x)
                && (QUIET..QUIET + self.width).contains(&y);
            if inside && self.is_dark(x - QUIET, y - QUIET) {
                *p = image::Luma([0]);
            }
        }
        let mut out = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new(&mut out);
        // Writing a small in-memory greyscale image does not fail; an empty PNG would only
        // make the letter show no code, which typst reports.
        let _ = image::ImageEncoder::write_image(
            encoder,
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::L8,
        );
        out
    }

    /// An inline SVG: one path of dark modules on a white square (a QR code needs the light
    /// border to scan, also in dark mode), labelled with `label` for screen readers.
    pub fn svg(&self, label: &str) -> String {
        let side = self.width + 2 * QUIET;
        let mut d = String::with_capacity(self.width * self.width * 4);
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.width && self.is_dark(x, y) {
                        x += 1;
                    }
                    // Into the one string: a `format!` per run was 2% of a build.
                    let _ = write!(
                        d,
                        "M{} {}h{}v1h-{}z",
                        start + QUIET,
                        y + QUIET,
                        x - start,
                        x - start
                    );
                } else {
                    x += 1;
                }
            }
        }
        format!(
            "<svg class=\"letter-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>",
            attr(label)
        )
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_decodes_to_the_url() {
        let url = "https://klaverblad.example.org/buddy/brief/";
        let m = matrix(url).expect("fits");
        let png = m.png();
        let img = image::load_from_memory(&png).expect("png").to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().expect("decode");
        assert_eq!(content, url);
    }

    #[test]
    fn code_is_made_once_per_address() {
        let a = code("https://x.nl/a/").expect("fits");
        let b = code("https://x.nl/a/").expect("fits");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.matrix, matrix("https://x.nl/a/").expect("fits"));
        assert_eq!(&*a.png(), &a.matrix.png()[..]);
        assert!(!Arc::ptr_eq(&a, &code("https://x.nl/b/").expect("fits")));
    }

    #[test]
    fn svg_has_no_reference_to_other_files() {
        let m = matrix("https://x.nl/").expect("fits");
        let svg = m.svg("QR-code naar \"x\" <y>");
        assert!(!svg.contains("href"));
        assert!(svg.contains("aria-label=\"QR-code naar &quot;x&quot; &lt;y&gt;\""));
        assert_eq!(svg.matches("<path").count(), 1);
    }
}
