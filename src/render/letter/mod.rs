//! The parent letter as a PDF: typeset in-process with typst, one per school (and language).
//!
//! Schools hand the letter out on paper, attach it to the parents' app or mail it; a
//! coordinator prints it for a whole class. The web letter alone cannot do that, and a
//! parent holding a printout needs a date, the site's address and a QR code to get there.
//! So the build typesets the letter it already rendered (the school's Markdown after
//! placeholders and templates, as pulldown-cmark events) into a typst layout, with fonts and
//! the processed logo compiled in or passed in memory: no browser, no external program, no
//! file read behind the build's back. See `layout.typ` for the page, [`typst_markup`] for
//! how text is kept from being read as typst code. Rendering only makes a [`LetterJob`]; the
//! output stage (`output::letters`) keeps the cache that spares an unchanged letter from
//! being typeset again.

pub mod qr;
pub mod typst_markup;
#[cfg(feature = "pdf")]
pub mod world;

pub use crate::load::date::Date;
use pulldown_cmark::{LinkType, Options, Parser};
use std::sync::Arc;

/// The language a letter is typeset in: another language is another PDF (the i18n work
/// passes each language a school publishes; the source language is the default).
#[derive(Debug, Clone)]
pub struct Language<'a> {
    /// BCP 47 code (`nl`, `ar`, …): the PDF's document language and typst's `lang`.
    pub code: &'a str,
    /// Right to left (Arabic).
    pub rtl: bool,
    /// Month names, January first (theme words `months`), for the written date.
    pub months: &'a [String],
}

/// Everything one letter is made from, already rendered and typographically cleaned: the
/// PDF depends on nothing else, which is what makes the cache key sound.
#[derive(Debug, Clone)]
pub struct LetterInput<'a> {
    /// The school's name.
    pub school: &'a str,
    /// Up to two initials, for the tile shown without a logo.
    pub initials: &'a str,
    /// Place of the school, printed before the date.
    pub place: &'a str,
    /// The SWV's full name (letterhead; the PDF's author).
    pub swv: &'a str,
    /// The SWV's website, printed in the footer when the school has no address.
    pub swv_website: Option<&'a str>,
    /// The letter's title (its `title:`).
    pub title: &'a str,
    /// The letter's Markdown after placeholders and templates.
    pub markdown: &'a str,
    /// Its content path (`brief.md`), to resolve links to other content files.
    pub doc_rel: &'a str,
    /// The school's contact: name, role, e-mail, phone.
    pub contact: [Option<&'a str>; 4],
    /// The brand colour, the brand colour as text on white, and text on the brand colour
    /// (`#rrggbb`, the theme's contrast-checked palette).
    pub colours: [String; 3],
    /// The processed logo (bytes and extension: `png`, `jpg`, `webp`, `svg`).
    pub logo: Option<(Arc<[u8]>, &'static str)>,
    /// The letter's date.
    pub date: Date,
    /// The school's site root (`base_url`), for links to other pages.
    pub base_url: Option<&'a str>,
    /// The letter page's full address: printed and as a QR code.
    pub page_url: Option<String>,
    /// The QR code of `page_url` ([`qr::code`]).
    pub qr: Option<Arc<qr::Code>>,
    /// Where a link to another content file goes, from the site root: the page in the
    /// letter's language where the school has it, else the source language's. `None`: the
    /// source language's page.
    pub page_of: Option<PageOf<'a>>,
    /// Theme word: "Logo van {school}", the logo's text for screen readers.
    pub logo_alt: &'a str,
    /// Theme words: "Meer informatie vind je op", and "QR-code naar {url}".
    pub website_label: &'a str,
    /// See `website_label`.
    pub qr_alt: &'a str,
    /// The language.
    pub language: Language<'a>,
}

/// Where a link of the letter to content file `rel` (from `content/`) goes, from the site
/// root: see [`LetterInput::page_of`].
#[derive(Clone, Copy)]
pub struct PageOf<'a>(pub &'a (dyn Fn(&str) -> String + Sync));

impl std::fmt::Debug for PageOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageOf(..)")
    }
}

/// A typeset letter.
#[derive(Debug, Clone)]
pub struct LetterPdf {
    /// The PDF file.
    pub bytes: Arc<[u8]>,
    /// Its number of pages.
    pub pages: usize,
    /// Why the PDF does not claim PDF/UA-1, when typst refused it (the PDF is still tagged).
    pub not_ua: Option<String>,
}

/// `date` written out in the language: `30 november 2026`.
pub fn written_date(date: Date, months: &[String]) -> String {
    let month = usize::try_from(date.month())
        .ok()
        .and_then(|m| months.get(m.wrapping_sub(1)))
        .cloned()
        .unwrap_or_else(|| format!("{:02}", date.month()));
    format!("{} {month} {}", date.day(), date.year())
}

/// The typst source of the letter: the layout applied to the letter's markup.
pub fn source(input: &LetterInput) -> String {
    let resolve = |dest: &str, kind: LinkType| resolve_link(input, dest, kind);
    // The web letter's Markdown options (render::markdown), so both read the text alike.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(input.markdown, options);
    let body = typst_markup::markup(parser, &resolve);
    format!("#import \"layout.typ\": letter\n#show: letter\n\n{body}")
}

/// Where a link of the letter points on paper: web and mail addresses as they are, other
/// pages of the site under its `base_url`; otherwise only the link's text is printed.
fn resolve_link(input: &LetterInput, dest: &str, kind: LinkType) -> Option<String> {
    let dest = dest.trim();
    if kind == LinkType::Email {
        return Some(format!("mailto:{dest}"));
    }
    let lower = dest.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(dest.to_owned());
    }
    if dest.contains(':') || dest.starts_with('/') {
        return None;
    }
    let base = input.base_url?;
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let target = crate::paths::join(crate::paths::parent(input.doc_rel), path)?;
    let page = if target.ends_with(".md") {
        match input.page_of {
            Some(PageOf(page_of)) => page_of(&target),
            None => crate::load::content::url_of(&target),
        }
    } else {
        target
    };
    // A FAQ entry's page already ends in its anchor; the link's own fragment wins.
    let page = match page.split_once('#') {
        Some((page, _)) if !fragment.is_empty() => page.to_owned(),
        _ => page,
    };
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    Some(format!("{base}{page}{fragment}"))
}

/// A letter ready to typeset: the typst source, the strings the layout reads from
/// `sys.inputs`, the files it shows (logo, QR code), its date, and the cache key over all of
/// them. Rendering makes it without typesetting (cheap and pure); the output stage looks
/// the key up in its cache and typesets only on a miss, with [`typeset`].
#[derive(Debug, Clone)]
pub struct LetterJob {
    /// SHA-256 over everything the PDF depends on (see [`LetterJob::new`]).
    pub key: [u8; 32],
    /// The document, `main.typ`.
    pub source: String,
    /// `sys.inputs`: plain strings, never parsed as markup.
    pub inputs: Vec<(&'static str, String)>,
    /// Files by their path in the letter's world, but for the QR code.
    pub files: Vec<(&'static str, Arc<[u8]>)>,
    /// The QR code, `/qr.png` in the letter's world: its PNG is only made to typeset.
    pub qr: Option<Arc<qr::Code>>,
    /// The letter's date (typst's `today()`).
    pub date: Date,
    /// The school, for messages.
    pub school: String,
    /// The school's slug: its folder in the output.
    pub slug: String,
    /// The language code, for messages.
    pub lang: String,
    /// Where the PDF is published, from the school's site root.
    pub path: String,
    /// Where the copy for batch printing is published, from the output root.
    pub batch: String,
}

impl LetterJob {
    /// The job for `input`, published at `path` (and `batch`).
    pub fn new(input: &LetterInput, slug: &str, path: String, batch: String) -> LetterJob {
        let mut files: Vec<(&'static str, Arc<[u8]>)> = Vec::new();
        let logo_path = input.logo.as_ref().map(|(bytes, ext)| {
            let path = match *ext {
                "svg" => "/logo.svg",
                "jpg" | "jpeg" => "/logo.jpg",
                "webp" => "/logo.webp",
                _ => "/logo.png",
            };
            files.push((path, Arc::clone(bytes)));
            path
        });
        let qr = input.qr.as_ref().map(|_| "/qr.png");
        let url = input.page_url.clone().unwrap_or_default();
        let [name, role, email, phone] = input.contact;
        let inputs: Vec<(&'static str, String)> = vec![
            ("lang", input.language.code.to_owned()),
            (
                "dir",
                if input.language.rtl { "rtl" } else { "ltr" }.to_owned(),
            ),
            ("title", format!("{} – {}", input.title, input.school)),
            ("author", input.swv.to_owned()),
            ("school", input.school.to_owned()),
            ("initials", input.initials.to_owned()),
            ("brand", input.colours[0].clone()),
            ("brand_text", input.colours[1].clone()),
            ("on_brand", input.colours[2].clone()),
            ("logo", logo_path.unwrap_or("").to_owned()),
            ("logo_alt", input.logo_alt.replace("{school}", input.school)),
            ("place", input.place.to_owned()),
            ("date", written_date(input.date, input.language.months)),
            ("year", input.date.year().to_string()),
            ("month", input.date.month().to_string()),
            ("day", input.date.day().to_string()),
            ("swv", input.swv.to_owned()),
            ("swv_website", input.swv_website.unwrap_or("").to_owned()),
            ("contact_name", name.unwrap_or("").to_owned()),
            ("contact_role", role.unwrap_or("").to_owned()),
            ("contact_email", email.unwrap_or("").to_owned()),
            ("contact_phone", phone.unwrap_or("").to_owned()),
            ("website_label", input.website_label.to_owned()),
            ("url", url.clone()),
            ("qr", qr.unwrap_or("").to_owned()),
            ("qr_alt", input.qr_alt.replace("{url}", &url)),
        ];
        let source = source(input);
        let key = key(&source, &inputs, &files, input.qr.as_deref());
        LetterJob {
            key,
            source,
            inputs,
            files,
            qr: input.qr.clone(),
            date: input.date,
            school: input.school.to_owned(),
            slug: slug.to_owned(),
            lang: input.language.code.to_owned(),
            path,
            batch,
        }
    }

    /// Where the PDF is published, from the output root.
    pub fn full_path(&self) -> String {
        format!("{}/{}", self.slug, self.path)
    }
}

/// Part of the PDF cache key: change it whenever a font file in `fonts/` changes.
pub const FONTS_VERSION: &str = "noto-20201225-1";

/// The letter layout, a typst template (see `layout.typ`).
pub const LAYOUT: &str = include_str!("layout.typ");

/// The cache key of a letter: everything the PDF depends on, each part length-prefixed.
fn key(
    source: &str,
    inputs: &[(&str, String)],
    files: &[(&str, Arc<[u8]>)],
    qr: Option<&qr::Code>,
) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(b"buddysite letter 3");
    part(env!("CARGO_PKG_VERSION").as_bytes());
    part(FONTS_VERSION.as_bytes());
    part(LAYOUT.as_bytes());
    part(source.as_bytes());
    for (k, v) in inputs {
        part(k.as_bytes());
        part(v.as_bytes());
    }
    for (path, bytes) in files {
        part(path.as_bytes());
        part(bytes);
    }
    // The PNG is a function of the modules (and this version, above).
    if let Some(code) = qr {
        part(b"/qr.png");
        part(&(code.matrix.width as u64).to_le_bytes());
        let modules: Vec<u8> = code.matrix.dark.iter().map(|&d| u8::from(d)).collect();
        part(&modules);
    }
    h.finalize().into()
}

/// Makes (or finds) the PDF of a letter. Rendering asks it for every letter it renders; the
/// output stage provides it (`output::letters`), with the cache on disk, so rendering itself
/// reads and writes nothing.
pub trait Typesetter: Send + Sync {
    /// The PDF of `job`; `None` when this build does not make it now (the live preview makes
    /// a letter when it is first asked for, so a save never waits for typesetting).
    fn pdf(&self, job: &LetterJob) -> Option<Result<LetterPdf, String>>;
}

/// Typesets the letter (no cache): pure, the same job gives the same bytes. The error is
/// typst's message, for a diagnostic at the letter's file. typst's layout recurses deeply:
/// call it on a thread with a large stack (the build runs on `output::letters::on_pool`).
#[cfg(feature = "pdf")]
pub fn typeset(job: &LetterJob) -> Result<LetterPdf, String> {
    use typst::foundations::{Datetime, Dict, Smart, Str, Value};
    use typst::layout::PagedDocument;
    use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};
    let dict: Dict = job
        .inputs
        .iter()
        .map(|(k, v)| (Str::from(*k), Value::Str(Str::from(v.as_str()))))
        .collect();
    let mut files: Vec<(&str, Vec<u8>)> = job.files.iter().map(|(p, b)| (*p, b.to_vec())).collect();
    if let Some(code) = &job.qr {
        files.push(("/qr.png", code.png().to_vec()));
    }
    let date = job.date;
    let today = Datetime::from_ymd(
        i32::from(date.year()),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
    .ok_or("the letter's date is out of range")?;
    let world = world::LetterWorld::new(job.source.clone(), dict, files, today);
    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| messages(&errors))?;
    // A fixed document id: the same letter gives the same bytes on every build.
    let ident = format!("buddysite-letter-{}", hex(&job.key[..8]));
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| e.to_string())?;
    let options = PdfOptions {
        ident: Smart::Custom(&ident),
        timestamp: None,
        page_ranges: None,
        standards,
        tagged: true,
    };
    let (bytes, not_ua) = match typst_pdf::pdf(&doc, &options) {
        Ok(bytes) => (bytes, None),
        Err(errors) => {
            // Tagged without the claim, and say exactly why.
            let why = messages(&errors);
            let plain = PdfOptions {
                standards: PdfStandards::default(),
                ..options
            };
            let bytes = typst_pdf::pdf(&doc, &plain).map_err(|e| messages(&e))?;
            (bytes, Some(why))
        }
    };
    Ok(LetterPdf {
        bytes: Arc::from(bytes),
        pages: doc.pages.len(),
        not_ua,
    })
}

#[cfg(feature = "pdf")]
fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file size for people: `84 kB`, `1.2 MB`.
pub fn human_size(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}
