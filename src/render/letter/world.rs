//! The typst [`World`] of one letter: everything typst may see, in memory.
//!
//! typst reads sources, images and fonts only through a `World`. This one holds the
//! generated letter (`main.typ`), the layout (`layout.typ`, compiled into the binary), the
//! school's processed logo and the QR code, and the fonts of `fonts/`, also compiled in. It
//! has no file system, no packages and no clock: a letter cannot read anything from the
//! machine it is built on, and `today()` is the letter's own date, so builds are identical.

use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::LAYOUT;

static FONT_FILES: [&[u8]; 5] = [
    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf"),
];

/// The embedded fonts, parsed once per process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// One letter's world.
pub struct LetterWorld {
    library: LazyHash<Library>,
    main: Source,
    layout: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

fn id(path: &str) -> FileId {
    FileId::new(None, VirtualPath::new(path))
}

impl LetterWorld {
    /// A world with `main` as the document, `inputs` as `sys.inputs` (strings the layout
    /// reads: never parsed as markup), and `files` (logo, QR code) by their path.
    pub fn new(main: String, inputs: Dict, files: Vec<(&str, Vec<u8>)>, today: Datetime) -> Self {
        LetterWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            main: Source::new(id("/main.typ"), main),
            layout: Source::new(id("/layout.typ"), LAYOUT.to_owned()),
            files: files
                .into_iter()
                .map(|(path, bytes)| (id(path), Bytes::new(bytes)))
                .collect(),
            today,
        }
    }
}

impl World for LetterWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.layout.id() {
            Ok(self.layout.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}
