//! The default theme as a parent and a designer see it (issue 14), on the example SWV of this
//! repository and on fixtures: short menu labels, a filter of the school's own themes that
//! folds, a folding FAQ, an initials tile for schools without a logo, smart punctuation in
//! every visible text, dark-mode brand shades the contrast check covers, one contact layout,
//! the accessibility statement, and a 404 page that works at any depth.

mod common;

use buddysite::color::{Color, Palette, DARK_SURFACE};
use common::*;
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The example SWV (this repository's buddysite.yaml, content/ and schools/), built once.
fn example() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("theme-example");
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("project");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::create_dir_all(&root).expect("mkdir");
        std::fs::copy(repo.join("buddysite.yaml"), root.join("buddysite.yaml")).expect("copy");
        for dir in ["content", "schools"] {
            copy_dir(&repo.join(dir), &root.join(dir));
        }
        let out = base.join("public");
        build_ok(&root, &out);
        out
    })
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn one<'a>(doc: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    doc.select(&sel(selector)).next()
}

fn text_of(e: ElementRef) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const SCHOOLS: [&str; 8] = [
    "de-brucke",
    "de-wegwijzer",
    "obs-de-regenboog",
    "sbo-de-vlonder",
    "so-de-kompasroos",
    "t-klaverblad",
    "waalhof-college",
    "zon-en-maan",
];

fn pages_of(out: &Path, slug: &str) -> Vec<String> {
    tree(&out.join(slug))
        .into_keys()
        .filter(|k| k.ends_with(".html"))
        .map(|k| format!("{slug}/{k}"))
        .collect()
}

/// Resolves `url`, written on page `page` (a path from the output root), to a path from the
/// output root; `None` for other hosts and fragments.
fn resolve(page: &str, url: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || path.contains(':') || path.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

// ----------------------------------------------------------------- 1. menu

#[test]
fn the_menu_uses_the_short_menu_titles_and_the_page_keeps_its_title() {
    let out = example();
    for slug in SCHOOLS {
        let doc = html(out, &format!("{slug}/brief/index.html"));
        let menu = texts(&doc, ".site-nav a");
        assert_eq!(
            menu,
            [
                "Home",
                "Hoe werkt het?",
                "Buddy’s",
                "Vragen",
                "Brief",
                "Contact"
            ],
            "{slug}"
        );
        let h1 = texts(&doc, "h1");
        assert_eq!(h1, ["Informatiebrief voor ouders over buddy’s"], "{slug}");
        assert!(menu.iter().all(|m| m.chars().count() <= 16), "{menu:?}");
    }
}

#[test]
fn a_page_without_menu_title_shows_its_title_in_the_menu() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let brief = root.join("content/brief.md");
    let old = std::fs::read_to_string(&brief).expect("read");
    let title_line = old
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("title");
    std::fs::write(
        &brief,
        old.replacen(
            title_line,
            &format!("{title_line}\nmenu_title: \"Brief\""),
            1,
        ),
    )
    .expect("write");
    let out = root.join("public");
    build_ok(root, &out);
    let doc = html(&out, "alpha/index.html");
    let menu = texts(&doc, ".site-nav a");
    assert!(menu.contains(&"Brief".to_owned()), "{menu:?}");
    assert!(menu.contains(&"Contact".to_owned()), "{menu:?}");
    let h1 = texts(&html(&out, "alpha/brief/index.html"), "h1");
    assert_ne!(h1, ["Brief"], "the page keeps its full title");
}

// ----------------------------------------------------------------- 2. filter

#[test]
fn the_filter_offers_only_the_themes_of_the_schools_own_buddies_and_folds() {
    let out = example();
    // SBO De Vlonder offers samira, bas, emre, jeroen and anouk.
    let doc = html(out, "sbo-de-vlonder/buddys/index.html");
    let mut offered = attrs(&doc, "#buddy-filter input[type=radio]", "value");
    offered.retain(|v| !v.is_empty());
    offered.sort();
    let mut on_cards: Vec<String> = attrs(&doc, "#buddy-list [data-themes]", "data-themes")
        .iter()
        .flat_map(|t| t.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    on_cards.sort();
    on_cards.dedup();
    assert_eq!(offered, on_cards);
    for other in ["hoogbegaafd", "dyslexie"] {
        assert!(!offered.contains(&other.to_owned()), "{offered:?}");
    }
    // Folded in a disclosure, hidden until the script runs, with a place for the count.
    let details = one(&doc, "details#buddy-filter-box[hidden]").expect("disclosure");
    assert!(details.value().attr("open").is_none(), "folded in the HTML");
    let summary = one(&doc, "details#buddy-filter-box > summary").expect("summary");
    assert!(text_of(summary).contains("Zoek op ervaring"));
    assert!(one(&doc, "summary #buddy-filter-count[data-active]").is_some());
    assert!(one(&doc, "details#buddy-filter-box > fieldset#buddy-filter").is_some());
    // Tags on cards are list items, never controls.
    assert!(one(&doc, ".tags button, .tags input, .tags a").is_none());
    assert!(!texts(&doc, "#buddy-list .tag").is_empty());
}

// ----------------------------------------------------------------- 3. FAQ

#[test]
fn every_faq_question_folds_and_the_structured_data_stays() {
    let out = example();
    let doc = html(out, "de-brucke/vragen/index.html");
    let questions = texts(
        &doc,
        "#faq-list > details.faq__item > summary > h2.faq__question[id]",
    );
    assert_eq!(questions.len(), 16, "{questions:?}");
    assert!(one(&doc, "#faq-list > :not(details)").is_none());
    assert!(
        one(&doc, "#faq-list details[open]").is_none(),
        "folded without JS"
    );
    let toc = attrs(&doc, ".toc a", "href");
    let ids = attrs(&doc, "#faq-list h2[id]", "id");
    assert_eq!(toc, ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>());
    assert!(one(&doc, "#faq-tools[hidden] button#faq-toggle-all").is_some());
    assert!(attrs(&doc, "script[src]", "src").contains(&"../assets/faq.js".to_owned()));
    let ld = texts(&doc, "script[type='application/ld+json']").join("");
    let data: serde_json::Value = serde_json::from_str(&ld).expect("JSON-LD");
    assert_eq!(data["@type"], "FAQPage");
    let names: Vec<String> = data["mainEntity"]
        .as_array()
        .expect("mainEntity")
        .iter()
        .map(|q| {
            assert_eq!(q["@type"], "Question");
            assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
            q["name"].as_str().expect("name").to_owned()
        })
        .collect();
    assert_eq!(names, questions);
    assert!(out.join("de-brucke/assets/faq.js").is_file());
}

// ----------------------------------------------------------------- 4. initials tile

#[test]
fn schools_without_a_logo_get_an_initials_tile_everywhere() {
    let out = example();
    let overview = html(out, "index.html");
    for (slug, initials) in [
        ("de-wegwijzer", "DW"),
        ("so-de-kompasroos", "DK"),
        ("waalhof-college", "W"),
    ] {
        let home = html(out, &format!("{slug}/index.html"));
        assert_eq!(
            texts(&home, ".brand .brand__initials[aria-hidden=true]"),
            [initials]
        );
        assert!(one(&home, ".brand img").is_none());
        let letter = html(out, &format!("{slug}/brief/index.html"));
        assert_eq!(
            texts(&letter, ".letterhead .letterhead__initials"),
            [initials]
        );
        let card = overview
            .select(&sel(".school-card"))
            .find(|c| {
                attrs(&Html::parse_fragment(&c.html()), "a", "href")
                    .contains(&format!("{slug}/index.html"))
            })
            .expect("card");
        let card = Html::parse_fragment(&card.html());
        assert_eq!(texts(&card, ".school-card__initials"), [initials]);
        // The card's colours come from the overview's hashed <style> (a `style=""` attribute
        // would need a weaker Content-Security-Policy).
        assert_eq!(attrs(&card, ".school-card", "data-school"), [slug]);
        let css: String = overview
            .select(&sel("style"))
            .flat_map(|e| e.text())
            .collect();
        let rule = css
            .split('\n')
            .find(|l| l.contains(&format!(".school-card[data-school=\"{slug}\"]")))
            .unwrap_or_else(|| panic!("no colour rule for {slug}: {css}"));
        assert!(rule.contains("--school-on:"), "{rule}");
    }
    for slug in ["de-brucke", "t-klaverblad"] {
        let home = html(out, &format!("{slug}/index.html"));
        assert!(one(&home, ".brand img.brand__logo").is_some());
        assert!(one(&home, ".initials").is_none());
    }
}

#[test]
fn initials_skip_the_kind_of_school() {
    use buddysite::render::school_initials;
    assert_eq!(school_initials("Basisschool 't Klaverblad"), "K");
    assert_eq!(school_initials("OBS De Regenboog"), "DR");
    assert_eq!(school_initials("IKC Zon & Maan"), "ZM");
    assert_eq!(school_initials("Kindcentrum De Brücke"), "DB");
    assert_eq!(school_initials("SO"), "S");
}

// ----------------------------------------------------------------- 5. typography

/// Every text node a visitor sees (and `<title>`), outside code and scripts.
fn visible_text(doc: &Html) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                matches!(e.name(), "script" | "style" | "code" | "pre" | "template")
            })
        });
        if !hidden && !text.trim().is_empty() {
            out.push(text.to_string());
        }
    }
    out
}

#[test]
fn no_straight_apostrophe_or_quote_in_any_visible_text_of_the_example() {
    let out = example();
    let mut pages: Vec<String> = SCHOOLS.iter().flat_map(|s| pages_of(out, s)).collect();
    pages.push("index.html".into());
    let mut checked = 0;
    for page in &pages {
        let raw = std::fs::read_to_string(out.join(page)).expect("read");
        assert!(
            !raw.contains("<br/>") && !raw.contains("<br />"),
            "{page}: <br/>"
        );
        let doc = Html::parse_document(&raw);
        for t in visible_text(&doc) {
            assert!(
                !t.contains('\'') && !t.contains('"'),
                "{page}: straight quote in {t:?}"
            );
            assert!(
                !t.contains("‘t ") && !t.contains("‘s "),
                "{page}: elision as a quote in {t:?}"
            );
            checked += 1;
        }
        // Attributes people read: the description and text alternatives.
        for a in attrs(&doc, "meta[name=description]", "content")
            .into_iter()
            .chain(attrs(&doc, "img[alt]", "alt"))
        {
            assert!(!a.contains('\''), "{page}: {a:?}");
        }
    }
    assert!(checked > 2000, "only {checked} texts");
    let klaverblad = html(out, "t-klaverblad/index.html");
    assert_eq!(
        texts(&klaverblad, "title"),
        ["Een buddy voor jou als ouder – Basisschool ’t Klaverblad"]
    );
    assert_eq!(
        texts(&klaverblad, ".brand__name"),
        ["Basisschool ’t Klaverblad"]
    );
    let emre = texts(&html(out, "de-brucke/buddys/emre/index.html"), "main").join(" ");
    assert!(emre.contains("’s avonds"), "{emre}");
    let samira = texts(&html(out, "de-brucke/buddys/samira/index.html"), "main").join(" ");
    assert!(samira.contains("zo’n gesprek"), "{samira}");
}

#[test]
fn phone_numbers_in_text_do_not_break() {
    use buddysite::render::typography;
    assert_eq!(
        typography::html("<p>Bel 0344 00 00 00.</p>"),
        "<p>Bel 0344\u{a0}00\u{a0}00\u{a0}00.</p>"
    );
    let css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .expect("css");
    assert!(css.contains("a[href^=\"mailto:\"],\na[href^=\"tel:\"] {\n  white-space: nowrap;"));
}

// ----------------------------------------------------------------- 7. dark mode

#[test]
fn dark_mode_gets_a_lighter_brand_shade_that_the_contrast_check_covers() {
    // Waalhof College's slate primary almost vanishes on the dark page.
    let slate = Color::parse("#2c3e50").expect("colour");
    assert!(slate.contrast(DARK_SURFACE) < 3.0);
    let p = Palette::new(slate, None);
    assert!(p.primary_dark.contrast(DARK_SURFACE) >= 3.0);
    assert!(p.on_primary_dark.contrast(p.primary_dark) >= 4.5);
    // Every primary the example uses, and the extremes.
    for c in [
        "#005f73", "#7a1f3d", "#1d4f91", "#8a4b0f", "#b3261e", "#2d6a2e", "#3b2a6b", "#000000",
        "#ffffff", "#777777",
    ] {
        let p = Palette::new(Color::parse(c).expect("colour"), None);
        assert!(p.primary_dark.contrast(DARK_SURFACE) >= 3.0, "{c}");
        assert!(p.on_primary_dark.contrast(p.primary_dark) >= 4.5, "{c}");
    }
    let out = example();
    let doc = std::fs::read_to_string(out.join("waalhof-college/index.html")).expect("read");
    let dark = doc
        .split("@media (prefers-color-scheme: dark)")
        .nth(1)
        .expect("a dark-mode block in the brand style");
    assert!(
        dark.contains(&format!("--primary: {}", p_of("#2c3e50").primary_dark)),
        "{dark}"
    );
    // The theme declares the dark pairs, so `check` covers them for every school.
    let pairs = buddysite::contrast::default_pairs();
    assert!(pairs
        .iter()
        .any(|p| p.uses("primary") && format!("{:?}", p.text).contains("primary_dark")));
    assert!(pairs
        .iter()
        .any(|p| p.min == 3.0 && format!("{:?}", p.text).contains("primary_dark")));
}

fn p_of(c: &str) -> Palette {
    Palette::new(Color::parse(c).expect("colour"), None)
}

// ----------------------------------------------------------------- 8. contact cards

#[test]
fn every_contact_card_uses_one_definition_list_layout() {
    let out = example();
    let mut lists = 0;
    for page in SCHOOLS.iter().flat_map(|s| pages_of(out, s)) {
        let doc = html(out, &page);
        for dl in doc.select(&sel("dl.contact__list")) {
            lists += 1;
            for child in dl.children().filter_map(ElementRef::wrap) {
                assert_eq!(child.value().name(), "div", "{page}");
                let names: Vec<&str> = child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .map(|e| e.value().name())
                    .collect();
                assert_eq!(names, ["dt", "dd"], "{page}");
            }
        }
    }
    assert!(lists > 50, "{lists}");
}

// ----------------------------------------------------------------- 9. accessibility statement

#[test]
fn every_school_has_an_accessibility_statement_linked_from_every_page() {
    let out = example();
    for slug in SCHOOLS {
        let statement = format!("{slug}/toegankelijkheid/index.html");
        let doc = html(out, &statement);
        assert_eq!(texts(&doc, "h1"), ["Toegankelijkheidsverklaring"]);
        let main = texts(&doc, "main").join(" ");
        for needle in [
            "WCAG 2.1",
            "axe-core",
            "Nu HTML Checker",
            "andere websites",
            "Nationale ombudsman",
        ] {
            assert!(main.contains(needle), "{slug}: {needle} in {main}");
        }
        assert!(main.contains("voldoet helemaal"), "{main}");
        assert_eq!(attrs(&doc, "time", "datetime"), ["2026-09-30"]);
        assert_eq!(texts(&doc, "time"), ["30 september 2026"]);
        assert!(attrs(&doc, "main a", "href")
            .contains(&"https://www.example.org/toegankelijkheid/rapport-2026.pdf".to_owned()));
        // No contact of its own in the example: the SWV's.
        assert!(attrs(&doc, ".contact-card a", "href")
            .contains(&"mailto:ouders@example.org".to_owned()));
        for page in pages_of(out, slug) {
            let doc = html(out, &page);
            let targets: Vec<String> = attrs(&doc, "footer a", "href")
                .iter()
                .filter_map(|u| {
                    if let Some(rest) = u.strip_prefix(&format!("/{slug}/")) {
                        return Some(format!("{slug}/{rest}"));
                    }
                    resolve(&page, u)
                })
                .collect();
            // A page in another language links that language's statement.
            let own = page
                .strip_prefix(&format!("{slug}/"))
                .and_then(|rest| rest.split_once('/'))
                .filter(|(dir, _)| {
                    (2..=3).contains(&dir.len()) && dir.chars().all(|c| c.is_ascii_lowercase())
                })
                .map(|(lang, _)| format!("{slug}/{lang}/toegankelijkheid/index.html"))
                .filter(|own| out.join(own).is_file())
                .unwrap_or_else(|| statement.clone());
            assert!(targets.contains(&own), "{page}: {targets:?}");
        }
    }
    let sitemap = std::fs::read_to_string(out.join("de-brucke/sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("https://buddy.example.org/de-brucke/toegankelijkheid/"));
}

#[test]
fn the_statement_follows_the_accessibility_block() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let config = root.join("buddysite.yaml");
    let old = std::fs::read_to_string(&config).expect("read");
    std::fs::write(
        &config,
        format!(
            "{old}accessibility:\n  status: voldoet-gedeeltelijk\n  known_issues:\n    - \"De folder is nog geen toegankelijke pdf.\"\n  contact:\n    name: \"Tom Toegankelijk\"\n    email: \"a11y@example.org\"\n"
        ),
    )
    .expect("write");
    let out = root.join("public");
    build_ok(root, &out);
    let doc = html(&out, "alpha/toegankelijkheid/index.html");
    let main = texts(&doc, "main").join(" ");
    assert!(main.contains("voldoet voor een deel"), "{main}");
    assert!(
        main.contains("De folder is nog geen toegankelijke pdf."),
        "{main}"
    );
    assert!(main.contains("Tom Toegankelijk"), "{main}");
    assert!(attrs(&doc, "main a", "href").contains(&"mailto:a11y@example.org".to_owned()));
    assert!(attrs(&doc, "time", "datetime").is_empty());

    std::fs::write(
        &config,
        format!("{old}accessibility:\n  evaluated: \"30-09-2026\"\n"),
    )
    .expect("write");
    let run = buddysite(&["check", "--root", path_str(root)]);
    let shown =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("`accessibility.evaluated` must be a date"),
        "{shown}"
    );
    assert!(shown.contains("buddysite.yaml:"), "{shown}");
}

// ----------------------------------------------------------------- 10. 404

#[test]
fn with_base_url_the_404_page_links_from_the_sites_own_path() {
    let out = example();
    for slug in SCHOOLS {
        let doc = html(out, &format!("{slug}/404.html"));
        let prefix = format!("/{slug}/");
        let mut urls = attrs(&doc, "[href]", "href");
        urls.extend(attrs(&doc, "[src]", "src"));
        let mut own = 0;
        for url in &urls {
            if url.starts_with('#') || url.contains(':') {
                continue;
            }
            let rest = url
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{slug}/404.html: {url} does not start at {prefix}"));
            let file = out.join(slug).join(rest);
            assert!(
                file.is_file(),
                "{slug}/404.html: {url} -> {}",
                file.display()
            );
            own += 1;
        }
        assert!(own >= 8, "{slug}: {urls:?}");
        assert!(attrs(&doc, "link[rel=stylesheet]", "href")
            .contains(&format!("{prefix}assets/style.css")));
    }
}

#[test]
fn without_base_url_check_warns_that_the_404_page_works_only_at_the_top() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let run = buddysite(&["check", "--root", path_str(root)]);
    let shown =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(0),
        "a warning, not an error: {shown}"
    );
    assert!(
        shown.contains("warning: the 404 page of `beta` will only work"),
        "{shown}"
    );
    assert!(shown.contains("schools/beta.yaml"), "{shown}");
    assert!(
        !shown.contains("the 404 page of `alpha`"),
        "alpha has a base_url: {shown}"
    );
    let out = root.join("public");
    build_ok(root, &out);
    // Relative links, as on every other page.
    let doc = html(&out, "beta/404.html");
    assert!(attrs(&doc, "[href]", "href")
        .iter()
        .all(|u| !u.starts_with('/')));
}

#[test]
fn the_example_passes_check_strict() {
    let out = example();
    let project = out.parent().expect("base").join("project");
    let run = buddysite(&["check", "--strict", "--root", path_str(&project)]);
    let shown =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{shown}");
}

#[test]
fn a_toegankelijkheid_page_of_the_project_becomes_the_statements_introduction() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    std::fs::write(
        root.join("content/toegankelijkheid.md"),
        "---\ntitle: \"Over toegankelijkheid\"\nmenu: false\n---\n\nWe doen ons best voor iedereen.\n",
    )
    .expect("write");
    let out = root.join("public");
    build_ok(root, &out);
    let doc = html(&out, "alpha/toegankelijkheid/index.html");
    assert_eq!(texts(&doc, "h1"), ["Over toegankelijkheid"]);
    let main = texts(&doc, "main").join(" ");
    assert!(main.contains("We doen ons best voor iedereen."), "{main}");
    assert!(
        main.contains("axe-core"),
        "the statement itself follows: {main}"
    );
    assert_eq!(
        attrs(&doc, "body", "class"),
        ["kind-accessibility"],
        "rendered as the statement"
    );
}

#[test]
fn phone_links_dial_the_number_as_written_in_the_netherlands_and_from_abroad() {
    // The theme used to strip spaces, hyphens and brackets: `+31 (0)10 …` became
    // `tel:+31010…`, which does not connect.
    let dir = copy_fixture("basic");
    let root = dir.path();
    let swv = root.join("buddysite.yaml");
    let old = std::fs::read_to_string(&swv).expect("read");
    std::fs::write(
        &swv,
        old.replacen(
            "phone: \"010 000 00 00\"",
            "phone: \"+31 (0)10 000 00 00\"",
            1,
        ),
    )
    .expect("write");
    let school = root.join("schools/alpha.yaml");
    let old = std::fs::read_to_string(&school).expect("read");
    std::fs::write(
        &school,
        old.replacen(
            "  email: \"anna@alpha.example.org\"",
            "  email: \"anna@alpha.example.org\"\n  phone: \"(0344) 00-00 11\"",
            1,
        ),
    )
    .expect("write");
    let out = root.join("public");
    build_ok(root, &out);
    let doc = html(&out, "alpha/contact/index.html");
    let tel: Vec<String> = attrs(&doc, "a[href^='tel:']", "href");
    assert!(tel.contains(&"tel:+31100000000".to_owned()), "{tel:?}");
    assert!(tel.contains(&"tel:0344000011".to_owned()), "{tel:?}");
    // What parents read stays as written.
    let shown = texts(&doc, "a[href^='tel:']");
    assert!(shown.iter().any(|t| t.contains("+31 (0)10")), "{shown:?}");
}
