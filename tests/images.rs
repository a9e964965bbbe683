//! Photos and logos as they are published: no metadata, no script, no reference to elsewhere,
//! no larger than the theme shows them, and made once.
//!
//! The inputs are made by the tests (with the `image` crate, and small byte-level builders for
//! the EXIF, XMP and text chunks a phone or a drawing program adds; see `images/builders.rs`),
//! so each test shows exactly what its file contains. Only lossy WebP, which the `image`
//! crate cannot write, comes from `fixtures/images/`.

#[path = "images/builders.rs"]
mod builders;
#[path = "images/cache.rs"]
mod cache;
#[path = "images/raster.rs"]
mod raster;
#[path = "images/refused.rs"]
mod refused;
#[path = "images/svg.rs"]
mod svg;
