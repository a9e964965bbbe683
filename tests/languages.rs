//! Sites in several languages (issue #11, "The model"): every published language's pages
//! with the right `lang` and `dir`, a switcher and `hreflang` alternates whose links resolve,
//! untranslated pages that fall back to the source language (marked), per-school subsets,
//! deterministic output, and the live preview picking up a new translation.

mod common;

use buddysite::session::Session;
use common::*;
use std::path::{Path, PathBuf};

fn built() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("temp");
    let path = out.path().join("public");
    build_ok(&fixture("languages"), &path);
    (out, path)
}

/// The `href` of `url` on the page at `page` (both relative to the output), as an output path.
fn resolve(page: &str, url: &str) -> String {
    let path = url.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            ".." => {
                assert!(parts.pop().is_some(), "{page}: {url} leaves the output");
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if path.ends_with('/') || path.is_empty() {
        format!("{joined}/index.html")
            .trim_start_matches('/')
            .to_owned()
    } else {
        joined
    }
}

fn root_attr(doc: &scraper::Html, attr: &str) -> String {
    attrs(doc, "html", attr).pop().unwrap_or_default()
}

#[test]
fn each_published_language_has_its_pages_with_lang_and_dir() {
    let (_keep, out) = built();
    for (page, lang, dir) in [
        ("alpha/index.html", "nl", "ltr"),
        ("alpha/brief/index.html", "nl", "ltr"),
        ("alpha/en/index.html", "en", "ltr"),
        ("alpha/en/brief/index.html", "en", "ltr"),
        ("alpha/en/vragen/index.html", "en", "ltr"),
        ("alpha/en/buddys/index.html", "en", "ltr"),
        ("alpha/en/buddys/ada/index.html", "en", "ltr"),
        ("alpha/en/toegankelijkheid/index.html", "en", "ltr"),
        ("alpha/ar/index.html", "ar", "rtl"),
        ("alpha/ar/brief/index.html", "ar", "rtl"),
        ("alpha/ar/toegankelijkheid/index.html", "ar", "rtl"),
        ("index.html", "nl", "ltr"),
        ("en/index.html", "en", "ltr"),
        ("ar/index.html", "ar", "rtl"),
    ] {
        let doc = html(&out, page);
        assert_eq!(root_attr(&doc, "lang"), lang, "{page}");
        assert_eq!(root_attr(&doc, "dir"), dir, "{page}");
    }
    // The translated text is on the page, in the menu of that language.
    let en = html(&out, "alpha/en/index.html");
    assert_eq!(texts(&en, "h1"), ["Welcome"]);
    let menu = texts(&en, ".site-nav a");
    assert_eq!(
        menu,
        ["Welcome", "Letter to parents", "Buddies", "Questions"]
    );
    // Arabic has only its home page and letter: its menu lists only those.
    let ar = html(&out, "alpha/ar/index.html");
    assert_eq!(texts(&ar, ".site-nav a").len(), 2);
    // Pages nobody translated have no version.
    for missing in [
        "alpha/en/contact/index.html",
        "alpha/en/over/index.html",
        "alpha/en/buddys/bram/index.html",
        "alpha/ar/vragen/index.html",
        "alpha/en/404.html",
    ] {
        assert!(!out.join(missing).exists(), "{missing} should not exist");
    }
    // Buddysite.yaml and school translations: the English role and hours.
    let contact = texts(&html(&out, "alpha/en/index.html"), ".contact__role");
    assert_eq!(contact, ["special needs coordinator"]);
    let footer = html(&out, "alpha/en/brief/index.html");
    assert!(
        texts(&footer, ".site-footer")
            .join(" ")
            .contains("(coordinator)"),
        "the SWV's role in English"
    );
}

#[test]
fn switcher_and_hreflang_links_resolve_on_every_page() {
    let (_keep, out) = built();
    let files = tree(&out);
    let mut checked = 0;
    for rel in files
        .keys()
        .filter(|r| r.ends_with(".html") && !r.ends_with("404.html"))
    {
        let doc = html(&out, rel);
        let lang = root_attr(&doc, "lang");
        let switch = scraper::Selector::parse(".lang-switch a").expect("selector");
        let links: Vec<_> = doc.select(&switch).collect();
        if rel.starts_with("beta/") {
            assert_eq!(links.len(), 2, "{rel}: beta publishes nl and en");
        } else {
            assert_eq!(links.len(), 3, "{rel}: nl, en, ar");
        }
        let mut current = 0;
        for a in &links {
            let v = a.value();
            let code = v.attr("lang").expect("lang");
            assert_eq!(v.attr("hreflang"), Some(code), "{rel}");
            let href = v.attr("href").expect("href");
            let target = resolve(rel, href);
            assert!(files.contains_key(&target), "{rel}: {href} -> {target}");
            let target_lang = root_attr(&html(&out, &target), "lang");
            assert_eq!(
                target_lang, code,
                "{rel}: the {code} link leads to a {code} page"
            );
            if v.attr("aria-current").is_some() {
                current += 1;
                assert_eq!(code, lang, "{rel}: the current language is marked");
                assert_eq!(&target, rel, "{rel}: the current language links to itself");
            }
            checked += 1;
        }
        assert_eq!(current, 1, "{rel}: one current language");
        for (hreflang, href) in attrs(&doc, "link[rel=alternate]", "hreflang")
            .into_iter()
            .zip(attrs(&doc, "link[rel=alternate]", "href"))
        {
            let absolute = href
                .strip_prefix("https://alpha.example.org/buddy/")
                .map(|p| format!("alpha/{p}"))
                .or_else(|| {
                    href.strip_prefix("https://buddys.example.org/")
                        .map(str::to_owned)
                });
            let target = match absolute {
                Some(path) if path.is_empty() || path.ends_with('/') => format!("{path}index.html"),
                Some(path) => path,
                None => resolve(rel, &href),
            };
            assert!(
                files.contains_key(&target),
                "{rel}: alternate {href} -> {target}"
            );
            let want = if hreflang == "x-default" {
                "nl".to_owned()
            } else {
                hreflang
            };
            assert_eq!(
                root_attr(&html(&out, &target), "lang"),
                want,
                "{rel}: {href}"
            );
        }
    }
    assert!(checked > 50, "only {checked} switcher links");
    // The alternates of the English letter name the Dutch, English and Arabic letters.
    let doc = html(&out, "alpha/en/brief/index.html");
    assert_eq!(
        attrs(&doc, "link[rel=alternate]", "hreflang"),
        ["nl", "en", "ar", "x-default"]
    );
    // A page with one version has no alternates; its switcher leads to the other homes.
    let contact = html(&out, "alpha/contact/index.html");
    assert!(attrs(&contact, "link[rel=alternate]", "href").is_empty());
    let hrefs = attrs(&contact, ".lang-switch a", "href");
    assert_eq!(
        hrefs,
        [
            "../contact/index.html",
            "../en/index.html",
            "../ar/index.html"
        ]
    );
}

#[test]
fn untranslated_pages_fall_back_to_the_source_language_marked() {
    let (_keep, out) = built();
    // A link in the English home page to a page only Dutch has: the Dutch page, with
    // hreflang and "(Dutch)" after it; links to translated pages stay in English.
    let home = html(&out, "alpha/en/index.html");
    let sel = scraper::Selector::parse(".prose a").expect("selector");
    let links: Vec<(String, Option<String>)> = home
        .select(&sel)
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_owned(),
                a.value().attr("hreflang").map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("../en/brief/index.html".to_owned(), None),
            ("../en/vragen/index.html".to_owned(), None),
            ("../over/index.html".to_owned(), Some("nl".to_owned())),
        ]
    );
    assert_eq!(texts(&home, ".prose .in-source-language"), ["(Dutch)"]);
    // The letter links to a translated FAQ entry in English, to an untranslated one in Dutch.
    let letter = html(&out, "alpha/en/brief/index.html");
    let hrefs = attrs(&letter, ".prose a", "href");
    assert!(
        hrefs.contains(&"../../en/vragen/index.html#kosten".to_owned()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../../vragen/index.html#stoppen".to_owned()),
        "{hrefs:?}"
    );
    // The FAQ: translated entries in full, the others listed with a link to the Dutch page.
    let faq = html(&out, "alpha/en/vragen/index.html");
    assert_eq!(texts(&faq, ".faq__question"), ["What does it cost?"]);
    let toc = scraper::Selector::parse(".toc a[hreflang]").expect("selector");
    let fallback: Vec<_> = faq.select(&toc).collect();
    assert_eq!(fallback.len(), 1);
    assert_eq!(fallback[0].value().attr("lang"), Some("nl"));
    assert_eq!(
        fallback[0].value().attr("href"),
        Some("../../vragen/index.html#stoppen")
    );
    assert_eq!(texts(&faq, ".toc .in-source-language"), ["(Dutch)"]);
    // Buddies: Ada is translated, Bram is not (his card links to the Dutch profile).
    let buddies = html(&out, "alpha/en/buddys/index.html");
    let more = attrs(&buddies, ".buddy-card__more a", "href");
    assert_eq!(
        more,
        [
            "../../en/buddys/ada/index.html",
            "../../buddys/bram/index.html"
        ]
    );
    assert_eq!(
        attrs(&buddies, ".buddy-card__more a[hreflang]", "hreflang"),
        ["nl"]
    );
    assert_eq!(
        attrs(&buddies, ".buddy-card__summary[lang]", "lang"),
        ["nl"],
        "Bram's Dutch summary is marked"
    );
    // Arabic has no buddies page: the home page's button leads to the Dutch one, marked.
    let ar = html(&out, "alpha/ar/index.html");
    let button = attrs(&ar, ".steps a", "href");
    assert_eq!(button, ["../buddys/index.html"]);
    assert_eq!(texts(&ar, ".steps .in-source-language"), ["(بالهولندية)"]);
    // Ada's translated profile keeps the source's consent, themes and languages.
    let ada = html(&out, "alpha/en/buddys/ada/index.html");
    assert!(texts(&ada, ".lead")
        .join(" ")
        .contains("Ada is happy to help."));
}

#[test]
fn per_school_language_subsets_and_the_overview() {
    let (_keep, out) = built();
    assert!(out.join("beta/en/index.html").exists());
    assert!(
        !out.join("beta/ar").exists(),
        "beta publishes only nl and en, although ar is translated"
    );
    // The Arabic overview links alpha in Arabic and beta in Dutch (marked).
    let ar = html(&out, "ar/index.html");
    let sel = scraper::Selector::parse(".school-card__link").expect("selector");
    let cards: Vec<(String, Option<String>)> = ar
        .select(&sel)
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_owned(),
                a.value().attr("hreflang").map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        cards,
        [
            ("../alpha/ar/index.html".to_owned(), None),
            ("../beta/index.html".to_owned(), Some("nl".to_owned())),
        ]
    );
    let switch = attrs(&ar, ".lang-switch a", "href");
    assert_eq!(
        switch,
        ["../index.html", "../en/index.html", "../ar/index.html"]
    );
    // The sitemap lists the alternates of each page.
    let sitemap = std::fs::read_to_string(out.join("alpha/sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(sitemap.contains("<loc>https://alpha.example.org/buddy/en/brief/</loc><xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"https://alpha.example.org/buddy/brief/\"/>"));
    assert!(sitemap.contains("<loc>https://alpha.example.org/buddy/contact/</loc></url>"));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().expect("temp");
    let b = tempfile::tempdir().expect("temp");
    build_ok(&fixture("languages"), a.path());
    build_ok(&fixture("languages"), b.path());
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs between two builds");
    }
}

fn check(root: &Path) -> (bool, String) {
    let output = buddysite(&["check", "--root", path_str(root)]);
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

fn write(project: &Path, rel: &str, text: &str) {
    let path = project.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn missing_theme_words_are_listed_per_language_file() {
    let (ok, text) = check(&fixture("languages"));
    assert!(ok, "{text}");
    for file in ["themes/default/i18n/en.yaml", "themes/default/i18n/ar.yaml"] {
        assert!(text.contains(file), "{file} named:\n{text}");
    }
    assert!(text.contains("missing here: a11y_check_contrast"), "{text}");
    assert!(!text.contains("missing here: skip_link"), "{text}");
}

#[test]
fn bad_language_settings_are_errors_with_advice() {
    // A translation into a language that is not configured.
    let p = copy_fixture("languages");
    write(
        p.path(),
        "content/contact.tr.md",
        "---\ntitle: \"İletişim\"\n---\nMetin.\n",
    );
    let (ok, text) = check(p.path());
    assert!(!ok);
    assert!(text.contains("content/contact.tr.md"), "{text}");
    assert!(text.contains("which is not in `languages`"), "{text}");
    // A translation without its source file.
    let p = copy_fixture("languages");
    write(
        p.path(),
        "content/uitleg.en.md",
        "---\ntitle: \"Explained\"\n---\nText.\n",
    );
    let (ok, text) = check(p.path());
    assert!(!ok);
    assert!(text.contains("this translation has no source"), "{text}");
    // A school asking for a language the SWV does not have: at its line.
    let p = copy_fixture("languages");
    let beta = p.path().join("schools/beta.yaml");
    let yaml = std::fs::read_to_string(&beta).expect("read");
    std::fs::write(
        &beta,
        yaml.replace("languages: [nl, en]", "languages: [nl, pl]"),
    )
    .expect("write");
    let (ok, text) = check(p.path());
    assert!(!ok);
    assert!(
        text.contains("`pl` is not one of the languages of buddysite.yaml"),
        "{text}"
    );
    assert!(text.contains("schools/beta.yaml:10"), "{text}");
    // Not a language code, and the old key next to the new one.
    let p = copy_fixture("languages");
    let config = p.path().join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        yaml.replace(
            "languages: [nl, en, ar]",
            "language: nl\nlanguages: [nl, en, Arabic]",
        ),
    )
    .expect("write");
    let (ok, text) = check(p.path());
    assert!(!ok);
    assert!(
        text.contains("`Arabic` in `languages` is not a language code"),
        "{text}"
    );
    assert!(
        text.contains("`language` and `languages` are both set"),
        "{text}"
    );
}

#[test]
fn the_old_single_language_key_still_works() {
    let p = copy_fixture("basic");
    let config = p.path().join("buddysite.yaml");
    let yaml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{yaml}language: nl\n")).expect("write");
    let out = tempfile::tempdir().expect("temp");
    build_ok(p.path(), out.path());
    let doc = html(out.path(), "alpha/index.html");
    assert_eq!(root_attr(&doc, "lang"), "nl");
    assert!(
        attrs(&doc, ".lang-switch a", "href").is_empty(),
        "one language: no switcher"
    );
}

#[test]
fn the_preview_picks_up_a_new_translation() {
    let project = copy_fixture("languages");
    let p = project.path();
    let out = tempfile::tempdir().expect("temp");
    let out = out.path();
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(p, Some(out));
    assert!(first.is_ok(), "{:?}", first.err());
    assert!(!out.join("alpha/en/contact/index.html").exists());
    let step = |session: &mut Session, rel: &str| {
        let (_, result) = session.apply(&[p.join(rel)]).expect("a rebuild");
        if let Err(problems) = result {
            panic!("rebuild after {rel} failed:\n{problems}");
        }
        // What the watch loop does after the reload: make the letters left for later.
        if let Some((_, Err(problems))) = session.make_letters() {
            panic!("making the letters after {rel} failed:\n{problems}");
        }
        let clean = tempfile::tempdir().expect("temp");
        build_ok(p, clean.path());
        let (a, b) = (tree(out), tree(clean.path()));
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "after {rel}"
        );
        for (k, v) in &a {
            assert!(b[k] == *v, "{k} differs from a clean build after {rel}");
        }
    };
    // A new translation: its page appears, in the menu of that language.
    write(
        p,
        "content/contact.en.md",
        "---\ntitle: \"Contact\"\nweight: 90\n---\nAsk the school.\n",
    );
    step(&mut session, "content/contact.en.md");
    let doc = html(out, "alpha/en/contact/index.html");
    assert_eq!(root_attr(&doc, "lang"), "en");
    assert!(texts(&html(out, "alpha/en/index.html"), ".site-nav a").contains(&"Contact".to_owned()));
    // Its source changes: the translation stays, the Dutch page follows.
    let contact = p.join("content/contact.md");
    let text = std::fs::read_to_string(&contact).expect("read");
    std::fs::write(&contact, text.replace("via school", "via de school")).expect("write");
    step(&mut session, "content/contact.md");
    // An untranslated FAQ answer's question changes: the English FAQ lists the new one.
    let stoppen = p.join("content/vragen/stoppen.md");
    let text = std::fs::read_to_string(&stoppen).expect("read");
    std::fs::write(&stoppen, text.replace("Mag ik stoppen?", "Kan ik stoppen?")).expect("write");
    step(&mut session, "content/vragen/stoppen.md");
    assert!(texts(&html(out, "alpha/en/vragen/index.html"), ".toc a")
        .contains(&"Kan ik stoppen?".to_owned()));
    // A translation in a school's folder, and its removal.
    write(
        p,
        "schools/beta/brief.en.md",
        "---\ntitle: \"Letter from Kompas\"\n---\nDear parent.\n",
    );
    step(&mut session, "schools/beta/brief.en.md");
    assert_eq!(
        texts(&html(out, "beta/en/brief/index.html"), "h1"),
        ["Letter from Kompas"]
    );
    std::fs::remove_file(p.join("content/contact.en.md")).expect("remove");
    step(&mut session, "content/contact.en.md");
    assert!(!out.join("alpha/en/contact/index.html").exists());
}

#[test]
fn a_phone_number_in_a_translated_buddy_profile_is_an_error() {
    let p = copy_fixture("languages");
    write(
        p.path(),
        "content/buddys/ada.en.md",
        "---\nsummary: \"Ada is happy to help.\"\n---\nCall me on 06 12 34 56 78.\n",
    );
    let (ok, text) = check(p.path());
    assert!(!ok, "{text}");
    assert!(text.contains("content/buddys/ada.en.md"), "{text}");
}

/// A link written to a translation's file (`brief.en.md`) leads to that language's page,
/// from a page in any language. It used to lead to `brief.en/`, a page that does not exist,
/// and `check` stayed silent because the file exists on disk.
#[test]
fn a_link_to_a_translation_file_leads_to_that_languages_page() {
    let dir = copy_fixture("translations");
    let root = dir.path();
    let index = root.join("content/index.md");
    let text = std::fs::read_to_string(&index).expect("read");
    std::fs::write(
        &index,
        format!("{text}\nDe brief staat ook [in het Engels](brief.en.md).\n"),
    )
    .expect("write");
    let out = tempfile::tempdir().expect("temp");
    let public = out.path().join("public");
    build_ok(root, &public);
    for (page, text, want) in [
        (
            "alpha/index.html",
            "in het Engels",
            "alpha/en/brief/index.html",
        ),
        (
            "alpha/en/index.html",
            "the letter",
            "alpha/en/brief/index.html",
        ),
    ] {
        let doc = html(&public, page);
        let sel = scraper::Selector::parse("main a").expect("selector");
        let href = doc
            .select(&sel)
            .find(|a| a.text().collect::<String>() == text)
            .and_then(|a| a.value().attr("href").map(str::to_owned))
            .unwrap_or_else(|| panic!("{page}: no link {text:?}"));
        let target = resolve(page, &href);
        assert_eq!(target, want, "{page}: {href}");
        assert!(
            public.join(&target).is_file(),
            "{page}: {href} leads nowhere"
        );
    }
}

/// The `lang`, `dir`, heading, and home link (`href`, `hreflang`) of each language block of
/// a 404 page.
fn not_found_blocks(doc: &scraper::Html) -> Vec<(String, String, String, String, String)> {
    let block = scraper::Selector::parse(".not-found__language").expect("selector");
    let heading = scraper::Selector::parse("h1, h2").expect("selector");
    let home = scraper::Selector::parse("p > a").expect("selector");
    doc.select(&block)
        .map(|b| {
            let v = b.value();
            let h = b
                .select(&heading)
                .next()
                .map(|h| h.text().collect::<String>())
                .unwrap_or_default();
            let a = b.select(&home).next().expect("a home link in every block");
            (
                v.attr("lang").unwrap_or("").to_owned(),
                v.attr("dir").unwrap_or("").to_owned(),
                h.trim().to_owned(),
                a.value().attr("href").unwrap_or("").to_owned(),
                a.value().attr("hreflang").unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_404_page_speaks_every_language_the_school_publishes() {
    let (_keep, out) = built();
    // Alpha publishes nl, en and ar and has a base_url: links start at its path, because a
    // server shows the page for a missing address at any depth.
    let alpha = html(&out, "alpha/404.html");
    assert_eq!(root_attr(&alpha, "lang"), "nl");
    assert_eq!(
        not_found_blocks(&alpha),
        [
            (
                "nl".into(),
                "ltr".into(),
                "Deze pagina bestaat niet".into(),
                "/buddy/index.html".into(),
                "".into()
            ),
            (
                "en".into(),
                "ltr".into(),
                "This page does not exist".into(),
                "/buddy/en/index.html".into(),
                "en".into()
            ),
            (
                "ar".into(),
                "rtl".into(),
                "هذه الصفحة غير موجودة".into(),
                "/buddy/ar/index.html".into(),
                "ar".into()
            ),
        ]
    );
    let text = texts(&alpha, ".not-found__language[lang=en] p").join(" ");
    assert!(text.contains("Sorry, we cannot find this page."), "{text}");
    // Beta publishes nl and en only (ar is configured and translated, but not its choice),
    // and has no base_url: relative links, as everywhere else.
    let beta = html(&out, "beta/404.html");
    let blocks = not_found_blocks(&beta);
    let langs: Vec<&str> = blocks.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(langs, ["nl", "en"]);
    assert_eq!(blocks[1].3, "en/index.html");
    // The 404 page is still the only one: no translated copies.
    assert!(!out.join("alpha/en/404.html").exists());
}

#[test]
fn a_language_without_its_own_404_words_gets_no_block() {
    // Arabic words without the 404 texts fall back to the Dutch ones: repeating the Dutch
    // text marked as Arabic would make screen readers read it wrongly.
    let p = copy_fixture("languages");
    let words = p.path().join("themes/default/i18n/ar.yaml");
    let kept: String = std::fs::read_to_string(&words)
        .expect("ar.yaml")
        .lines()
        .filter(|l| !l.starts_with("not_found_"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&words, kept).expect("write");
    let out = p.path().join("public");
    build_ok(p.path(), &out);
    let langs: Vec<String> = not_found_blocks(&html(&out, "alpha/404.html"))
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert_eq!(langs, ["nl", "en"]);
}

/// The language a link's text is read in: that of the nearest ancestor with `lang` (the
/// page, or a block in another language such as those of the 404 page).
fn context_lang(a: &scraper::ElementRef) -> String {
    a.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .find_map(|e| e.value().attr("lang").map(str::to_owned))
        .unwrap_or_default()
}

/// Whether the block around link `a` (its paragraph, list item, …) shows the "(Dutch)"
/// marker.
fn marked(a: &scraper::ElementRef) -> bool {
    let marker = scraper::Selector::parse(".in-source-language").expect("selector");
    a.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| matches!(e.value().name(), "p" | "li" | "dd" | "td"))
        .is_some_and(|block| block.select(&marker).next().is_some())
}

#[test]
fn every_link_leads_to_the_readers_language_or_is_marked() {
    // Every link of every page, the theme's (home, buddies, accessibility statement, menu,
    // back links, FAQ list, overview cards) and the content's: it leads to the page in the
    // language its text is in, or to a page in another language that it names with
    // `hreflang`, and then (outside the switcher) "(Dutch)" follows in the reader's language.
    let (_keep, out) = built();
    let files = tree(&out);
    let anchors = scraper::Selector::parse("a[href]").expect("selector");
    let (mut checked, mut fallbacks) = (0, 0);
    for rel in files
        .keys()
        .filter(|r| r.ends_with(".html") && !r.ends_with("404.html"))
    {
        let doc = html(&out, rel);
        for a in doc.select(&anchors) {
            let href = a.value().attr("href").unwrap_or("");
            if href.starts_with('#') || href.contains(':') {
                continue;
            }
            let target = resolve(rel, href);
            if !target.ends_with(".html") {
                continue;
            }
            assert!(files.contains_key(&target), "{rel}: {href} -> {target}");
            let target_lang = root_attr(&html(&out, &target), "lang");
            let reader = context_lang(&a);
            let hreflang = a.value().attr("hreflang");
            checked += 1;
            if target_lang == reader {
                continue;
            }
            assert_eq!(
                hreflang,
                Some(target_lang.as_str()),
                "{rel}: {href} leads to a {target_lang} page from {reader} text without hreflang"
            );
            let in_switcher = a
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|e| {
                    e.value()
                        .has_class("lang-switch", scraper::CaseSensitivity::CaseSensitive)
                });
            if !in_switcher {
                assert!(marked(&a), "{rel}: {href} ({target_lang}) is not marked");
                fallbacks += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    assert!(fallbacks >= 10, "only {fallbacks} marked fallbacks");
}

/// Editing a file that has translations, or a translation, re-renders only the pages that
/// show it, in every language, and still gives what a clean build gives (it used to render
/// every page of every school: seconds at 200 schools with three languages).
#[test]
fn editing_a_translated_faq_answer_renders_only_the_faq_pages() {
    let project = copy_fixture("languages");
    let p = project.path();
    let out = tempfile::tempdir().expect("temp");
    let out = out.path();
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(p, Some(out));
    let all = first.expect("first build").pages;
    for (rel, from, to) in [
        (
            "content/vragen/kosten.md",
            "Het is gratis.",
            "Het kost niets.",
        ),
        (
            "content/vragen/kosten.en.md",
            "It is free.",
            "It costs nothing.",
        ),
    ] {
        let file = p.join(rel);
        let text = std::fs::read_to_string(&file).expect("read");
        assert!(text.contains(from), "{rel}");
        std::fs::write(&file, text.replace(from, to)).expect("write");
        let (_, result) = session.apply(&[file]).expect("a rebuild");
        let report = result.unwrap_or_else(|e| panic!("{rel}: {e}"));
        let clean = tempfile::tempdir().expect("temp");
        build_ok(p, clean.path());
        let b = tree(clean.path());
        // One FAQ page per school and language that has one (alpha and beta in nl and en;
        // Arabic has no FAQ of its own and links to the Dutch one).
        let faq_pages = b
            .keys()
            .filter(|k| k.ends_with("vragen/index.html"))
            .count();
        assert_eq!(faq_pages, 4, "{:?}", b.keys().collect::<Vec<_>>());
        assert_eq!(
            report.pages, faq_pages,
            "{rel}: {} of {all} pages rendered",
            report.pages
        );
        // What the watch loop does after the reload: the letters the preview left for
        // later (the copy has none saved) are made, and their schools rendered again.
        if let Some((_, made)) = session.make_letters() {
            made.unwrap_or_else(|e| panic!("{rel}: making the letters failed: {e}"));
        }
        let a = tree(out);
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{rel}"
        );
        for (k, v) in &a {
            assert!(b[k] == *v, "{k} differs from a clean build after {rel}");
        }
    }
}
