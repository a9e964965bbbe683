//! The parent letter as PDF (issue #12): built by the real binary, read back with lopdf.
//! Only with the `pdf` feature (on by default); without it see
//! `without_the_pdf_feature_the_build_says_so_once`.
#![cfg(feature = "pdf")]

mod common;

use common::*;
use lopdf::{Document, Object};
use std::path::Path;
use std::sync::OnceLock;

/// A copy of fixture `name` without saved letters (tests that build a fixture in place
/// leave some there), so every letter is typeset from scratch.
fn fresh(name: &str) -> tempfile::TempDir {
    let copy = copy_fixture(name);
    let _ = std::fs::remove_dir_all(copy.path().join(".buddysite-cache/letters"));
    copy
}

/// The basic fixture built once with PDFs (alpha: base_url and an SVG logo; beta: neither).
fn built() -> &'static (tempfile::TempDir, tempfile::TempDir, String) {
    static BUILT: OnceLock<(tempfile::TempDir, tempfile::TempDir, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let project = fresh("basic");
        let out = tempfile::tempdir().expect("temp");
        let o = build_ok(project.path(), out.path());
        let stderr =
            String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
        (project, out, stderr)
    })
}

fn out() -> &'static Path {
    built().1.path()
}

fn pdf(path: &str) -> Vec<u8> {
    std::fs::read(out().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("a PDF lopdf can read")
}

fn text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let t = doc.extract_text(&pages).expect("text");
    // Lines are broken where the layout broke them: compare words.
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A PDF text string (PDFDocEncoding or UTF-16BE with BOM) as Rust text.
fn pdf_string(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xfe, 0xff]) => {
            let units: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

/// Every image XObject as (width, height, greyscale pixels) when it is 8-bit grey.
fn grey_images(doc: &Document) -> Vec<(u32, u32, Vec<u8>)> {
    doc.objects
        .values()
        .filter_map(|o| match o {
            Object::Stream(s) => Some(s),
            _ => None,
        })
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(&b"Image"[..]))
        .filter_map(|s| {
            let w = s.dict.get(b"Width").and_then(Object::as_i64).ok()?;
            let h = s.dict.get(b"Height").and_then(Object::as_i64).ok()?;
            let data = s.decompressed_content().ok()?;
            (data.len() as i64 == w * h).then_some((w as u32, h as u32, data))
        })
        .collect()
}

fn decode_qr(doc: &Document) -> Vec<String> {
    grey_images(doc)
        .into_iter()
        .filter_map(|(w, h, data)| {
            let img = image::GrayImage::from_raw(w, h, data)?;
            let mut prepared = rqrr::PreparedImage::prepare(img);
            let grids = prepared.detect_grids();
            let (_, content) = grids.first()?.decode().ok()?;
            Some(content)
        })
        .collect()
}

#[test]
fn every_school_gets_its_letter_as_pdf_next_to_the_page_and_in_brieven() {
    for slug in ["alpha", "beta"] {
        let own = pdf(&format!("{slug}/brief/brief-{slug}.pdf"));
        let batch = pdf(&format!("brieven/brief-{slug}.pdf"));
        assert!(own.starts_with(b"%PDF-"), "{slug}");
        assert_eq!(own, batch, "{slug}: the batch copy is the same file");
    }
}

#[test]
fn the_letter_names_school_contact_date_and_website() {
    let doc = load(&pdf("alpha/brief/brief-alpha.pdf"));
    let t = text(&doc);
    for want in [
        "De Ster & <Maan>",
        "Juf Anna",
        "anna@alpha.example.org",
        "Ee, 1 juni 2026",
        "https://alpha.example.org/buddy/brief/",
        "Samenwerkingsverband Testregio",
        "Wat doet een buddy?",
    ] {
        assert!(t.contains(want), "`{want}` not in the PDF text:\n{t}");
    }
    // A link to another page of the site points to it under base_url.
    assert!(t.contains("kosten"), "{t}");
    let beta = text(&load(&pdf("beta/brief/brief-beta.pdf")));
    assert!(
        beta.contains("SBO ’t Kompas") || beta.contains("SBO 't Kompas"),
        "{beta}"
    );
    assert!(beta.contains("Op een SBO-school"), "{beta}");
    assert!(beta.contains("bert@beta.example.org"), "{beta}");
}

#[test]
fn the_qr_code_decodes_to_the_letter_page() {
    let doc = load(&pdf("alpha/brief/brief-alpha.pdf"));
    assert_eq!(
        decode_qr(&doc),
        vec!["https://alpha.example.org/buddy/brief/".to_owned()]
    );
}

#[test]
fn at_most_two_a4_pages_with_embedded_fonts() {
    for slug in ["alpha", "beta"] {
        let doc = load(&pdf(&format!("{slug}/brief/brief-{slug}.pdf")));
        let pages = doc.get_pages();
        assert!(
            (1..=2).contains(&pages.len()),
            "{slug}: {} pages",
            pages.len()
        );
        for id in pages.values() {
            let page = doc.get_dictionary(*id).expect("page");
            let media = page
                .get(b"MediaBox")
                .and_then(Object::as_array)
                .expect("box");
            let size: Vec<f32> = media.iter().map(|o| o.as_float().unwrap_or(-1.0)).collect();
            // A4: 595.28 x 841.89 points.
            assert!(
                (size[2] - 595.28).abs() < 1.0 && (size[3] - 841.89).abs() < 1.0,
                "{size:?}"
            );
        }
        let descriptors: Vec<&lopdf::Dictionary> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| {
                d.get(b"Type").and_then(Object::as_name).ok() == Some(&b"FontDescriptor"[..])
            })
            .collect();
        assert!(!descriptors.is_empty(), "{slug}: no fonts");
        for d in descriptors {
            assert!(
                d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"),
                "{slug}: a font is not embedded: {d:?}"
            );
        }
    }
}

#[test]
fn tagged_with_language_title_and_author() {
    let bytes = pdf("alpha/brief/brief-alpha.pdf");
    let doc = load(&bytes);
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.has(b"StructTreeRoot"), "tagged");
    let mark = catalog
        .get(b"MarkInfo")
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_dictionary(*id),
            o => o.as_dict(),
        })
        .expect("MarkInfo");
    assert_eq!(
        mark.get(b"Marked").and_then(Object::as_bool).ok(),
        Some(true)
    );
    assert_eq!(pdf_string(catalog.get(b"Lang").expect("Lang")), "nl");
    // PDF/UA-1 is claimed in the XMP metadata (pdfuaid:part 1).
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(xmp.contains("pdfuaid:part"), "PDF/UA identification");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("Info");
    let title = pdf_string(info.get(b"Title").expect("Title"));
    assert!(
        title.contains("Brief aan ouders") && title.contains("De Ster"),
        "{title}"
    );
    assert_eq!(
        pdf_string(info.get(b"Author").expect("Author")),
        "Samenwerkingsverband Testregio"
    );
}

#[test]
fn a_school_without_base_url_gets_a_warning_and_no_qr_code() {
    let log = &built().2;
    assert!(
        log.contains("schools/beta.yaml")
            && log.contains("printed letter cannot point to the site"),
        "{log}"
    );
    assert!(!log.contains("schools/alpha.yaml: warning: without `base_url`"));
    let doc = load(&pdf("beta/brief/brief-beta.pdf"));
    assert!(decode_qr(&doc).is_empty());
    assert!(grey_images(&doc).is_empty(), "no QR image at all");
    let t = text(&doc);
    assert!(
        !t.contains("Meer informatie vind je op"),
        "no web address of its own: {t}"
    );
    assert!(!t.contains("/brief/"), "{t}");
}

#[test]
fn the_letter_page_links_the_pdf_with_size_and_pages_and_the_overview_lists_all() {
    let html = std::fs::read_to_string(out().join("alpha/brief/index.html")).expect("page");
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse(".letter-tools__pdf a").expect("selector");
    let link = doc.select(&sel).next().expect("a PDF link");
    assert_eq!(link.value().attr("href"), Some("brief-alpha.pdf"));
    assert_eq!(link.text().collect::<String>(), "Download de brief als PDF");
    let meta = scraper::Selector::parse(".letter-tools__meta").expect("selector");
    let meta: String = doc.select(&meta).next().expect("meta").text().collect();
    let pages = load(&pdf("alpha/brief/brief-alpha.pdf")).get_pages().len();
    let want = if pages == 1 {
        "1 pagina)"
    } else {
        "2 pagina's)"
    };
    assert!(
        meta.starts_with("(PDF, ") && meta.contains(" kB, ") && meta.ends_with(want),
        "{meta}"
    );
    // The print stylesheet's date, address and QR code.
    let time = scraper::Selector::parse(".letterhead__date time").expect("selector");
    let time = doc.select(&time).next().expect("date");
    assert_eq!(time.value().attr("datetime"), Some("2026-06-01"));
    assert_eq!(time.text().collect::<String>(), "1 juni 2026");
    let url = scraper::Selector::parse(".letter__web a.letter__url").expect("selector");
    assert_eq!(
        doc.select(&url).next().and_then(|a| a.value().attr("href")),
        Some("https://alpha.example.org/buddy/brief/")
    );
    let qr = scraper::Selector::parse(".letter__web svg.letter-qr path").expect("selector");
    assert_eq!(doc.select(&qr).count(), 1);
    // E-mail addresses in the text do not break.
    let nobreak = scraper::Selector::parse(".letter__body .nobreak").expect("selector");
    let spans: Vec<String> = doc.select(&nobreak).map(|s| s.text().collect()).collect();
    assert!(
        spans.contains(&"anna@alpha.example.org".to_owned()),
        "{spans:?}"
    );

    let overview = std::fs::read_to_string(out().join("index.html")).expect("overview");
    let doc = scraper::Html::parse_document(&overview);
    let sel = scraper::Selector::parse(".overview-letters a").expect("selector");
    let hrefs: Vec<&str> = doc
        .select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        vec!["brieven/brief-alpha.pdf", "brieven/brief-beta.pdf"]
    );
}

#[test]
fn two_builds_are_byte_identical_and_the_second_typesets_nothing() {
    let project = fresh("basic");
    let (a, b) = (
        tempfile::tempdir().expect("t"),
        tempfile::tempdir().expect("t"),
    );
    build_ok(project.path(), a.path());
    // A fresh project copy: no cache, typeset again from scratch.
    let again = fresh("basic");
    build_ok(again.path(), b.path());
    for slug in ["alpha", "beta"] {
        let p = format!("{slug}/brief/brief-{slug}.pdf");
        let (x, y) = (
            std::fs::read(a.path().join(&p)),
            std::fs::read(b.path().join(&p)),
        );
        assert!(
            x.is_ok() && x.ok() == y.ok(),
            "{p} differs between two builds"
        );
    }
    // The cache holds one entry per letter; an unchanged rebuild reuses them.
    let cache = project.path().join(".buddysite-cache/letters");
    let entries = || std::fs::read_dir(&cache).map(|d| d.count()).unwrap_or(0);
    assert_eq!(entries(), 2);
    let before = tree(a.path());
    build_ok(project.path(), a.path());
    assert_eq!(entries(), 2);
    assert_eq!(tree(a.path()), before);
}

#[test]
fn the_date_comes_from_front_matter_or_the_school_and_errors_are_located() {
    let project = fresh("basic");
    let brief = project.path().join("content/brief.md");
    let text = std::fs::read_to_string(&brief).expect("brief");
    std::fs::write(
        &brief,
        text.replacen("weight: 10", "weight: 10\ndate: \"2026-11-30\"", 1),
    )
    .expect("write");
    let alpha = project.path().join("schools/alpha.yaml");
    let yaml = std::fs::read_to_string(&alpha).expect("alpha");
    std::fs::write(&alpha, format!("{yaml}\nletter_date: \"2027-01-15\"\n")).expect("write");
    let out = tempfile::tempdir().expect("t");
    build_ok(project.path(), out.path());
    let read = |slug: &str| text_of(&out.path().join(format!("{slug}/brief/brief-{slug}.pdf")));
    assert!(
        read("beta").contains("Zeeland, 30 november 2026"),
        "{}",
        read("beta")
    );
    assert!(
        read("alpha").contains("Ee, 15 januari 2027"),
        "{}",
        read("alpha")
    );

    std::fs::write(&alpha, format!("{yaml}\nletter_date: \"2027-02-30\"\n")).expect("write");
    let o = buddysite(&["check", "--root", path_str(project.path())]);
    let log = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        log.contains("`letter_date` is not a date: `2027-02-30`"),
        "{log}"
    );
    assert!(log.contains("schools/alpha.yaml:"), "{log}");
}

fn text_of(path: &Path) -> String {
    text(&load(&std::fs::read(path).expect("pdf")))
}

#[test]
fn no_pdf_makes_no_pdfs_and_links_none() {
    let project = fresh("basic");
    let out = tempfile::tempdir().expect("t");
    let o = buddysite(&[
        "build",
        "--no-pdf",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(out.path()),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files = tree(out.path());
    assert!(
        !files.keys().any(|k| k.ends_with(".pdf")),
        "{:?}",
        files.keys()
    );
    let html = std::fs::read_to_string(out.path().join("alpha/brief/index.html")).expect("page");
    assert!(!html.contains("letter-tools__pdf"));
    // The printed web letter still has its date and address.
    assert!(html.contains("letterhead__date"));
    assert!(!project.path().join(".buddysite-cache/letters").exists());
}

fn typeset(input: &buddysite::render::letter::LetterInput) -> buddysite::render::letter::LetterPdf {
    use buddysite::render::letter::LetterJob;
    let job = LetterJob::new(
        input,
        "x",
        "brief/brief-x.pdf".into(),
        "brieven/brief-x.pdf".into(),
    );
    buddysite::render::letter::typeset(&job).expect("typeset")
}

fn arabic_input<'a>(
    markdown: &'a str,
    months: &'a [String],
) -> buddysite::render::letter::LetterInput<'a> {
    use buddysite::render::letter::{Language, LetterInput};
    LetterInput {
        school: "مدرسة النور",
        initials: "ن",
        place: "أرنهم",
        swv: "Samenwerkingsverband Testregio",
        swv_website: None,
        title: "رسالة إلى الآباء",
        markdown,
        doc_rel: "brief.ar.md",
        contact: [Some("أمينة"), None, Some("amina@school.example.org"), None],
        colours: ["#0b5394".into(), "#0b5394".into(), "#ffffff".into()],
        logo: None,
        date: buddysite::load::date::parse("2026-11-30").expect("date"),
        base_url: Some("https://x.example.org/"),
        page_url: Some("https://x.example.org/ar/brief/".into()),
        qr: buddysite::render::letter::qr::code("https://x.example.org/ar/brief/"),
        page_of: None,
        logo_alt: "شعار {school}",
        website_label: "مزيد من المعلومات على",
        qr_alt: "رمز QR إلى {url}",
        language: Language {
            code: "ar",
            rtl: true,
            months,
        },
    }
}

#[test]
fn an_arabic_letter_is_shaped_right_to_left_and_extracts_in_logical_order() {
    let months: Vec<String> = (1..=12).map(|m| format!("شهر{m}")).collect();
    let input = arabic_input("مرحبا بكم في المدرسة.\n\nنحن نساعد الآباء.", &months);
    let pdf = typeset(&input);
    assert_eq!(pdf.not_ua, None, "PDF/UA-1 accepted");
    let doc = load(&pdf.bytes);
    // A PDF stores glyphs in the order they are shown (right to left here), as every PDF
    // writer does; a viewer copying or reading the text reorders it with the Unicode bidi
    // algorithm, as this does: what comes out must be the words as written.
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text");
    // lopdf puts a line break between the runs of one line: reorder the text as one
    // right-to-left paragraph (which also turns the order of the lines around; each line
    // checked below then reads as written).
    let shown = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let info = unicode_bidi::BidiInfo::new(&shown, Some(unicode_bidi::Level::rtl()));
    let t: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["مرحبا بكم في المدرسة", "نحن نساعد الآباء", "مدرسة النور"]
    {
        assert!(t.contains(want), "`{want}` not in logical order in:\n{t}");
    }
    assert_eq!(
        pdf_string(doc.catalog().expect("c").get(b"Lang").expect("Lang")),
        "ar"
    );
    // Typeset with the embedded Arabic font (shaped by typst), not a fallback.
    assert!(String::from_utf8_lossy(&pdf.bytes).contains("NotoNaskhArabic"));
}

#[test]
fn typst_code_in_the_letter_is_printed_not_run() {
    let months: Vec<String> = Vec::new();
    let md = "Zie #let x = 1 en $x$ en a < b > c en @ref en [link] en \\ en // geen commentaar.\n\n= geen kop\n\n- echte lijst *schuin*";
    let mut input = arabic_input(md, &months);
    input.language = buddysite::render::letter::Language {
        code: "nl",
        rtl: false,
        months: &months,
    };
    input.school = "#set text(red) [x] *y*";
    let pdf = typeset(&input);
    let t = text(&load(&pdf.bytes));
    for want in [
        "Zie #let x = 1 en $x$ en a < b > c en @ref en [link] en \\ en // geen commentaar.",
        "= geen kop",
        "#set text(red) [x] *y*",
        "30 11 2026",
    ] {
        assert!(t.contains(want), "`{want}` not in:\n{t}");
    }
}

/// The `languages` fixture built once with PDFs: alpha publishes nl, en and ar, beta nl
/// and en.
fn built_languages() -> &'static (tempfile::TempDir, tempfile::TempDir) {
    static BUILT: OnceLock<(tempfile::TempDir, tempfile::TempDir)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let project = fresh("languages");
        let out = tempfile::tempdir().expect("temp");
        build_ok(project.path(), out.path());
        (project, out)
    })
}

fn lang_pdf(path: &str) -> Vec<u8> {
    std::fs::read(built_languages().1.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn lang_of(doc: &Document) -> String {
    pdf_string(doc.catalog().expect("catalog").get(b"Lang").expect("Lang"))
}

/// The text of a right-to-left PDF in logical order, as a viewer reads it (see
/// [`an_arabic_letter_is_shaped_right_to_left_and_extracts_in_logical_order`]).
fn rtl_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text");
    let shown = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let info = unicode_bidi::BidiInfo::new(&shown, Some(unicode_bidi::Level::rtl()));
    let t: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_language_a_school_publishes_gets_its_own_pdf_and_batch_copy() {
    let out = built_languages().1.path();
    for (slug, lang) in [("alpha", "en"), ("alpha", "ar"), ("beta", "en")] {
        let own = lang_pdf(&format!("{slug}/{lang}/brief/brief-{slug}-{lang}.pdf"));
        let batch = lang_pdf(&format!("brieven/brief-{slug}.{lang}.pdf"));
        assert!(own.starts_with(b"%PDF-"), "{slug} {lang}");
        assert_eq!(own, batch, "{slug} {lang}: the batch copy is the same file");
        assert_eq!(
            lang_of(&load(&own)),
            lang,
            "{slug} {lang}: document language"
        );
    }
    assert_eq!(
        lang_of(&load(&lang_pdf("alpha/brief/brief-alpha.pdf"))),
        "nl"
    );
    // beta does not publish Arabic: no letter in it.
    assert!(!out.join("beta/ar").exists());
    assert!(!out.join("brieven/brief-beta.ar.pdf").exists());
}

#[test]
fn the_english_letter_is_in_english_with_an_english_date_and_words() {
    let t = text(&load(&lang_pdf("alpha/en/brief/brief-alpha-en.pdf")));
    for want in [
        "Dear parent,",
        "Juf Anna",
        "anna@alpha.example.org",
        "Ee, 1 June 2026",
        "You can find more information at",
        "https://alpha.example.org/buddy/en/brief/",
        "What does a buddy do?",
    ] {
        assert!(t.contains(want), "`{want}` not in the English PDF:\n{t}");
    }
    assert!(!t.contains("juni"), "{t}");
    assert_eq!(
        decode_qr(&load(&lang_pdf("alpha/en/brief/brief-alpha-en.pdf"))),
        vec!["https://alpha.example.org/buddy/en/brief/".to_owned()]
    );
}

#[test]
fn the_arabic_letter_of_a_school_reads_in_logical_order_with_an_arabic_date() {
    let bytes = lang_pdf("alpha/ar/brief/brief-alpha-ar.pdf");
    let doc = load(&bytes);
    let t = rtl_text(&doc);
    for want in ["عزيزي الوالد،", "تواصل مع", "يونيو"] {
        assert!(t.contains(want), "`{want}` not in logical order in:\n{t}");
    }
    assert!(String::from_utf8_lossy(&bytes).contains("NotoNaskhArabic"));
}

/// Every value of key `key` in any dictionary of the PDF (also inside streams' dictionaries),
/// as text: the link annotations' `/URI`s, the structure elements' `/Alt`s.
fn dict_values(doc: &Document, key: &[u8]) -> Vec<String> {
    fn walk(o: &Object, key: &[u8], found: &mut Vec<String>) {
        match o {
            Object::Dictionary(d) => {
                for (k, v) in d.iter() {
                    if k == key {
                        found.push(pdf_string(v));
                    }
                    walk(v, key, found);
                }
            }
            Object::Array(a) => a.iter().for_each(|v| walk(v, key, found)),
            Object::Stream(s) => walk(&Object::Dictionary(s.dict.clone()), key, found),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for o in doc.objects.values() {
        walk(o, key, &mut found);
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn a_translated_letter_links_its_own_language_s_pages_and_names_its_logo_in_it() {
    // The English letter links `vragen/kosten.md` (translated into English) and
    // `vragen/stoppen.md` (Dutch only): on paper as on the web, the first goes to the
    // English FAQ, the second to the Dutch one.
    let doc = load(&lang_pdf("alpha/en/brief/brief-alpha-en.pdf"));
    let uris = dict_values(&doc, b"URI");
    assert!(
        uris.contains(&"https://alpha.example.org/buddy/en/vragen/#kosten".to_owned()),
        "{uris:?}"
    );
    assert!(
        uris.contains(&"https://alpha.example.org/buddy/vragen/#stoppen".to_owned()),
        "{uris:?}"
    );
    assert!(
        !uris.contains(&"https://alpha.example.org/buddy/vragen/#kosten".to_owned()),
        "{uris:?}"
    );
    // The logo's text for screen readers is in the letter's language.
    let alts = dict_values(&doc, b"Alt");
    assert!(
        alts.iter().any(|a| a == "Logo of De Ster & <Maan>"),
        "{alts:?}"
    );
    let dutch = load(&lang_pdf("alpha/brief/brief-alpha.pdf"));
    let alts = dict_values(&dutch, b"Alt");
    assert!(
        alts.iter().any(|a| a == "Logo van De Ster & <Maan>"),
        "{alts:?}"
    );
}

#[test]
fn each_language_s_letter_page_links_its_own_pdf_and_the_overview_lists_them_all() {
    let out = built_languages().1.path();
    let doc = html(out, "alpha/en/brief/index.html");
    assert_eq!(
        attrs(&doc, ".letter-tools__pdf a", "href"),
        vec!["brief-alpha-en.pdf"]
    );
    assert_eq!(
        texts(&doc, ".letter-tools__pdf a"),
        vec!["Download the letter as a PDF"]
    );
    let meta = texts(&doc, ".letter-tools__meta").join("");
    assert!(meta.contains(" kB, ") && meta.contains("page"), "{meta}");
    let doc = html(out, "alpha/ar/brief/index.html");
    assert_eq!(
        attrs(&doc, ".letter-tools__pdf a", "href"),
        vec!["brief-alpha-ar.pdf"]
    );
    for (overview, prefix) in [("index.html", ""), ("en/index.html", "../")] {
        let doc = html(out, overview);
        let hrefs = attrs(&doc, ".overview-letters a", "href");
        let want: Vec<String> = [
            "brieven/brief-alpha.pdf",
            "brieven/brief-alpha.en.pdf",
            "brieven/brief-alpha.ar.pdf",
            "brieven/brief-beta.pdf",
            "brieven/brief-beta.en.pdf",
        ]
        .iter()
        .map(|h| format!("{prefix}{h}"))
        .collect();
        assert_eq!(hrefs, want, "{overview}");
        for h in &hrefs {
            let dir = Path::new(overview).parent().unwrap_or(Path::new(""));
            let file = out.join(dir).join(h);
            assert!(file.is_file(), "{overview}: {h} does not resolve");
        }
    }
}

#[test]
fn the_preview_never_typesets_in_a_rebuild_and_makes_letters_on_request_or_after() {
    use buddysite::session::{Plan, Session};
    // A fresh copy: no saved letters, so every letter would have to be typeset.
    let project = fresh("basic");
    let out = tempfile::tempdir().expect("temp");
    let out = out.path();
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(project.path(), Some(out));
    let report = first.expect("the first build");
    assert_eq!(report.letters, (0, 0), "the rebuild typeset no letter");
    assert!(!out.join("alpha/brief/brief-alpha.pdf").exists());
    // The link is there at once (without size and pages, not known yet).
    let page = html(out, "alpha/brief/index.html");
    assert_eq!(
        attrs(&page, ".letter-tools__pdf a", "href"),
        vec!["brief-alpha.pdf"]
    );
    assert!(texts(&page, ".letter-tools__meta").is_empty());
    // Opened in the preview: typeset when asked for, the school's copy and the batch one.
    let letters = session.letters().expect("built with the pdf feature");
    let asked = letters
        .requested("alpha/brief/brief-alpha.pdf")
        .expect("a letter is published there")
        .expect("typeset");
    assert!(asked.bytes.starts_with(b"%PDF-"));
    assert!(letters.requested("brieven/brief-beta.pdf").is_some());
    assert!(letters.requested("alpha/brief/brief-gamma.pdf").is_none());
    // After the reload the rest is made, and the schools are rendered again with them.
    let (plan, result) = session.make_letters().expect("letters were waiting");
    assert!(matches!(plan, Plan::Schools(_)), "{plan:?}");
    let report = result.expect("the rebuild with the letters");
    assert_eq!(report.letters.0, 0, "made before that rebuild, not in it");
    assert_eq!(
        std::fs::read(out.join("alpha/brief/brief-alpha.pdf")).expect("written"),
        asked.bytes.to_vec()
    );
    let page = html(out, "alpha/brief/index.html");
    assert_eq!(texts(&page, ".letter-tools__meta").len(), 1);
    assert!(session.make_letters().is_none(), "nothing left");
    // And the preview is now what a clean build makes.
    let clean = tempfile::tempdir().expect("temp");
    build_ok(project.path(), clean.path());
    let (a, b) = (tree(out), tree(clean.path()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs from a clean build");
    }
}
