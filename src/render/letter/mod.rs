//! The parent letter as a PDF: typeset in-process with typst, one per school (and language).
//!
//! Schools hand the letter out on paper, attach it to the parents' app or mail it; a
//! coordinator prints it for a whole class. The web letter alone cannot do that, and a
//! parent holding a printout needs a date, the site's address and a QR code to get there.
//! So the build typesets the letter it already rendered (the school's Markdown after
//! placeholders and templates, as pulldown-cmark events) into a typst layout, with fonts and
//! the processed logo compiled in or passed in memory: no browser, no external program, no
//! file read behind the build's back. See `layout.typ` for the page, [`typst_markup`] for
//! how text is kept from being read as typst code, and [`cache`] for why an unchanged letter
//! is not typeset again.

pub mod cache;
pub mod qr;
pub mod typst_markup;
pub mod world;

pub use crate::load::date::Date;
use pulldown_cmark::{LinkType, Options, Parser};
use std::sync::Arc;
use typst::foundations::{Datetime, Dict, Smart, Str, Value};
use typst::layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use cache::PdfCache;

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
    /// Theme words: "Meer informatie vind je op", and "QR-code naar {url}".
    pub website_label: &'a str,
    /// See `website_label`.
    pub qr_alt: &'a str,
    /// The language.
    pub language: Language<'a>,
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
        crate::load::content::url_of(&target)
    } else {
        target
    };
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    Some(format!("{base}{page}{fragment}"))
}

/// What the layout reads from `sys.inputs`, plus the files it shows.
fn inputs(input: &LetterInput) -> (Dict, Vec<(&'static str, Vec<u8>)>) {
    let mut files = Vec::new();
    let logo_path = input.logo.as_ref().map(|(bytes, ext)| {
        let path = match *ext {
            "svg" => "/logo.svg",
            "jpg" | "jpeg" => "/logo.jpg",
            "webp" => "/logo.webp",
            _ => "/logo.png",
        };
        files.push((path, bytes.to_vec()));
        path
    });
    let qr = input.page_url.as_deref().and_then(qr::matrix).map(|m| {
        files.push(("/qr.png", m.png()));
        "/qr.png"
    });
    let url = input.page_url.clone().unwrap_or_default();
    let [name, role, email, phone] = input.contact;
    let pairs: Vec<(&str, String)> = vec![
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
        ("logo_alt", format!("Logo {}", input.school)),
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
    let dict = pairs
        .into_iter()
        .map(|(k, v)| (Str::from(k), Value::Str(Str::from(v))))
        .collect();
    (dict, files)
}

/// The cache key of a letter: everything the PDF depends on.
pub fn cache_key(input: &LetterInput) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let (dict, files) = inputs(input);
    let mut h = Sha256::new();
    h.update(b"buddysite letter 1\0");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(world::FONTS_VERSION.as_bytes());
    h.update(world::LAYOUT.as_bytes());
    let src = source(input);
    h.update((src.len() as u64).to_le_bytes());
    h.update(src.as_bytes());
    for (k, v) in dict.iter() {
        let v = match v {
            Value::Str(s) => s.as_str().to_owned(),
            _ => String::new(),
        };
        for part in [k.as_str(), v.as_str()] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
    }
    for (path, bytes) in &files {
        h.update(path.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    h.finalize().into()
}

/// Typesets the letter, or takes it from `cache` when nothing it depends on changed.
/// The error is typst's message, for a diagnostic at the letter's file.
pub fn typeset(input: &LetterInput, cache: &PdfCache) -> Result<LetterPdf, String> {
    let key = cache_key(input);
    cache.get_or_make(&key, || typeset_uncached(input, &key))
}

/// Typesets the letter (no cache); `key` is its [`cache_key`], which also names the
/// document (its id).
pub fn typeset_uncached(input: &LetterInput, key: &[u8; 32]) -> Result<LetterPdf, String> {
    let (dict, files) = inputs(input);
    let date = input.date;
    let today = Datetime::from_ymd(
        i32::from(date.year()),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
    .ok_or("the letter's date is out of range")?;
    let world = world::LetterWorld::new(source(input), dict, files, today);
    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| messages(&errors))?;
    // A fixed document id: the same letter gives the same bytes on every build.
    let ident = format!("buddysite-letter-{}", hex(&key[..8]));
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

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn hex(bytes: &[u8]) -> String {
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
