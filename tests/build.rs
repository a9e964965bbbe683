//! The core build over a fixture project: every school gets every page, branded, with
//! placeholders filled, selections and overrides applied, every link working, and the output
//! byte-for-byte reproducible.

mod common;

use common::*;
use std::path::Path;

const SCHOOL_PAGES: &[&str] = &[
    "index.html",
    "brief/index.html",
    "buddys/index.html",
    "vragen/index.html",
    "contact/index.html",
    "over/index.html",
    "404.html",
    "robots.txt",
];

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().expect("temp");
    let path = out.path().join("public");
    build_ok(&fixture("basic"), &path);
    (out, path)
}

#[test]
fn every_school_gets_every_page() {
    let (_keep, out) = built();
    for slug in ["alpha", "beta"] {
        for page in SCHOOL_PAGES {
            assert!(out.join(slug).join(page).is_file(), "{slug}/{page} missing");
        }
        for page in SCHOOL_PAGES.iter().filter(|p| p.ends_with(".html")) {
            let doc = html(&out, &format!("{slug}/{page}"));
            assert_eq!(
                attrs(&doc, "html", "lang"),
                vec!["nl"],
                "{slug}/{page} lang"
            );
            assert_eq!(texts(&doc, "h1").len(), 1, "{slug}/{page} has one h1");
            assert_eq!(
                texts(&doc, "main").len(),
                1,
                "{slug}/{page} has a main landmark"
            );
            let skip = attrs(&doc, "a.skip-link, body a[href^='#']", "href");
            assert!(!skip.is_empty(), "{slug}/{page} has a skip link");
        }
    }
    let overview = html(&out, "index.html");
    let links = attrs(&overview, "main a", "href");
    assert!(links.contains(&"alpha/index.html".to_owned()), "{links:?}");
    assert!(links.contains(&"beta/index.html".to_owned()), "{links:?}");
}

#[test]
fn school_name_and_colours_are_on_every_page() {
    let (_keep, out) = built();
    for page in SCHOOL_PAGES.iter().filter(|p| p.ends_with(".html")) {
        let doc = html(&out, &format!("alpha/{page}"));
        let title = texts(&doc, "title").join("");
        assert!(
            title.contains("De Ster & <Maan>"),
            "alpha/{page}: title {title:?}"
        );
        let style = texts(&doc, "head style").join("");
        assert!(
            style.contains("#0b5394"),
            "alpha/{page}: brand colour missing in {style:?}"
        );
    }
    // A yellow primary gets dark text on it and a darker shade for links on white.
    let beta = html(&out, "beta/index.html");
    let style = texts(&beta, "head style").join("");
    assert!(style.contains("--primary: #ffd500"), "{style}");
    assert!(style.contains("--on-primary: #1a1a1a"), "{style}");
    assert!(!style.contains("--primary-text: #ffd500"), "{style}");
}

#[test]
fn placeholders_and_templates_are_filled_per_school() {
    let (_keep, out) = built();
    // The page's text as a reader sees it: the e-mail address sits in a `nobreak` span.
    let alpha = text_content(&html(&out, "alpha/brief/index.html"), "main").join(" ");
    assert!(
        alpha.contains("Samenwerkingsverband Testregio helpt De Ster & <Maan> met extra steun."),
        "{alpha}"
    );
    assert!(
        alpha.contains("Juf Anna (anna@alpha.example.org)"),
        "{alpha}"
    );
    assert!(
        !alpha.contains("SBO-school"),
        "alpha is not an SBO school: {alpha}"
    );
    let beta = text_content(&html(&out, "beta/brief/index.html"), "main").join(" ");
    assert!(
        beta.contains("Op een SBO-school zoals SBO ’t Kompas")
            || beta.contains("Op een SBO-school zoals SBO 't Kompas"),
        "{beta}"
    );
    for (rel, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("[naam"), "{rel} still has a placeholder");
        assert!(!text.contains("{{"), "{rel} has template syntax");
    }
    let home = html(&out, "alpha/index.html");
    let strong = texts(&home, "main strong");
    assert!(
        strong.contains(&"De Ster & <Maan>".to_owned()),
        "escaped for Markdown and HTML: {strong:?}"
    );
    assert!(
        attrs(&home, "maan", "class").is_empty(),
        "no element injected from the school name"
    );
}

#[test]
fn buddy_selection_consent_and_overrides_apply() {
    let (_keep, out) = built();
    let alpha = html(&out, "alpha/buddys/index.html");
    let names: Vec<String> = texts(&alpha, "main h2, main h3");
    assert!(names.iter().any(|n| n.contains("Ada")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Bram")), "{names:?}");
    for slug in ["alpha", "beta"] {
        assert!(
            !out.join(slug).join("buddys/cleo").exists(),
            "expired buddy Cleo left out of {slug}"
        );
        let text = texts(&html(&out, &format!("{slug}/buddys/index.html")), "main").join(" ");
        assert!(!text.contains("Cleo"), "{slug}: {text}");
    }
    assert!(out.join("beta/buddys/bram/index.html").is_file());
    assert!(
        !out.join("beta/buddys/ada").exists(),
        "beta offers only bram"
    );
    // Overrides: beta's own contact page and an extra FAQ entry.
    let contact = texts(&html(&out, "beta/contact/index.html"), "h1").join("");
    assert_eq!(contact, "Contact met ’t Kompas");
    let alpha_contact = texts(&html(&out, "alpha/contact/index.html"), "h1").join("");
    assert_eq!(alpha_contact, "Contact");
    let faq = html(&out, "beta/vragen/index.html");
    assert!(
        !attrs(&faq, "#inloop", "id").is_empty(),
        "extra FAQ entry with its anchor"
    );
    assert!(attrs(&html(&out, "alpha/vragen/index.html"), "#inloop", "id").is_empty());
    let ids = attrs(&faq, "[id]", "id");
    let inloop = ids.iter().position(|i| i == "inloop");
    let kosten = ids.iter().position(|i| i == "kosten");
    assert!(inloop < kosten, "FAQ ordered by weight: {ids:?}");
}

#[test]
fn build_reports_expired_consent() {
    let out = tempfile::tempdir().expect("temp");
    let output = build_ok(&fixture("basic"), &out.path().join("p"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/buddys/cleo.md") && stderr.contains("left out"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("built 2 schools") && stdout.contains("pages"),
        "summary line: {stdout}"
    );
}

/// Resolves a relative URL from `page` (output path) to an output path and fragment.
fn resolve(page: &str, url: &str) -> (String, Option<String>) {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (url, None),
    };
    if path.is_empty() {
        return (page.to_owned(), fragment);
    }
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
    (parts.join("/"), fragment)
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let (_keep, out) = built();
    let files = tree(&out);
    let mut checked = 0;
    for rel in files.keys().filter(|r| r.ends_with(".html")) {
        let doc = html(&out, rel);
        let mut urls = attrs(&doc, "[href]", "href");
        urls.extend(attrs(&doc, "[src]", "src"));
        for mut url in urls {
            // alpha's 404 page links from the path of its base_url (`/buddy/`), so it works
            // for a missing address at any depth; from the school's root that is `alpha/…`.
            if rel == "alpha/404.html" {
                match url.strip_prefix("/buddy/") {
                    Some(rest) => url = rest.to_owned(),
                    None => assert!(
                        url.contains(':') || url.starts_with('#'),
                        "alpha/404.html: {url} not from /buddy/"
                    ),
                }
            }
            if url.contains(':') || url.starts_with("//") {
                assert!(
                    url.starts_with("mailto:")
                        || url.starts_with("tel:")
                        || url.starts_with("https://")
                        || url.starts_with("data:"),
                    "{rel}: unexpected URL {url}"
                );
                assert!(
                    !doc.root_element()
                        .html()
                        .contains(&format!("src=\"{url}\""))
                        || url.starts_with("data:"),
                    "{rel}: loads {url}"
                );
                continue;
            }
            assert!(
                !url.starts_with('/'),
                "{rel}: root-relative {url} breaks under a sub-path"
            );
            let (target, fragment) = resolve(rel, &url);
            assert!(
                files.contains_key(&target),
                "{rel}: {url} -> {target} does not exist"
            );
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let target_doc = html(&out, &target);
                let ids = attrs(&target_doc, "[id]", "id");
                assert!(ids.contains(&f), "{rel}: {url} -> #{f} not on {target}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().expect("temp");
    let b = tempfile::tempdir().expect("temp");
    build_ok(&fixture("basic"), a.path());
    build_ok(&fixture("basic"), b.path());
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs between builds");
    }
}

#[test]
fn sitemap_and_canonical_only_with_base_url() {
    let (_keep, out) = built();
    let sitemap =
        std::fs::read_to_string(out.join("alpha/sitemap.xml")).expect("alpha has a sitemap");
    assert!(
        sitemap.contains("<loc>https://alpha.example.org/buddy/brief/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"), "{sitemap}");
    assert!(!out.join("beta/sitemap.xml").exists());
    let canonical = attrs(
        &html(&out, "alpha/brief/index.html"),
        "link[rel=canonical]",
        "href",
    );
    assert_eq!(canonical, vec!["https://alpha.example.org/buddy/brief/"]);
    assert!(attrs(
        &html(&out, "beta/brief/index.html"),
        "link[rel=canonical]",
        "href"
    )
    .is_empty());
    let robots = std::fs::read_to_string(out.join("alpha/robots.txt")).expect("robots");
    assert!(
        robots.contains("Sitemap: https://alpha.example.org/buddy/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn a_failed_build_leaves_the_output_alone() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let out = out.path().join("public");
    build_ok(project.path(), &out);
    let before = tree(&out);
    std::fs::write(project.path().join("schools/beta.yaml"), "name: \"X\"\nkind: sbo\nplace: Y\nbrand:\n  primary: \"not a colour\"\ncontact:\n  name: Z\n")
        .expect("write");
    std::fs::write(
        project.path().join("content/contact.md"),
        "---\ntitle: Contact\n---\nNieuwe tekst.\n",
    )
    .expect("write");
    let output = buddysite(&[
        "build",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(&out),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("schools/beta.yaml:5"), "{stderr}");
    assert_eq!(
        tree(&out),
        before,
        "the output changed after a failed build"
    );
}

#[test]
fn refuses_an_output_folder_it_did_not_make() {
    let out = tempfile::tempdir().expect("temp");
    std::fs::write(out.path().join("precious.txt"), "mine").expect("write");
    let output = buddysite(&[
        "build",
        "--root",
        path_str(&fixture("basic")),
        "--output",
        path_str(out.path()),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("did not make"));
    assert_eq!(
        std::fs::read_to_string(out.path().join("precious.txt")).expect("kept"),
        "mine"
    );
}

#[test]
fn rebuild_removes_stale_files_but_keeps_foreign_ones() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    build_ok(project.path(), out.path());
    std::fs::write(out.path().join("alpha/keep-me.txt"), "x").expect("write");
    std::fs::remove_file(project.path().join("content/over.md")).expect("rm");
    build_ok(project.path(), out.path());
    assert!(
        !out.path().join("alpha/over/index.html").exists(),
        "page of a removed file is gone"
    );
    assert!(
        out.path().join("alpha/keep-me.txt").exists(),
        "a file buddysite did not make is kept"
    );
}

#[test]
fn only_the_chosen_school_is_rebuilt() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    build_ok(project.path(), out.path());
    for (file, from, to) in [
        ("alpha", "place: \"Ee\"", "place: \"Ergens\""),
        ("beta", "place: \"Zeeland\"", "place: \"Elders\""),
    ] {
        let yaml = project.path().join(format!("schools/{file}.yaml"));
        let text = std::fs::read_to_string(&yaml)
            .expect("read")
            .replace(from, to);
        std::fs::write(&yaml, text).expect("write");
    }
    let output = buddysite(&[
        "build",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(out.path()),
        "--school",
        "alpha",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let alpha = texts(&html(out.path(), "alpha/index.html"), "main").join(" ");
    assert!(alpha.contains("Ergens"), "{alpha}");
    let beta = texts(&html(out.path(), "beta/index.html"), "main").join(" ");
    assert!(
        beta.contains("Zeeland") && !beta.contains("Elders"),
        "beta was not rebuilt: {beta}"
    );
    let unknown = buddysite(&[
        "build",
        "--root",
        path_str(project.path()),
        "--output",
        path_str(out.path()),
        "--school",
        "alpah",
    ]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `alpha`"));
}

#[test]
fn the_example_project_builds_and_init_makes_a_buildable_project() {
    let out = tempfile::tempdir().expect("temp");
    build_ok(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &out.path().join("public"),
    );
    let made = tempfile::tempdir().expect("temp");
    let target = made.path().join("nieuw-swv");
    let output = buddysite(&["init", "--example", path_str(&target)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    build_ok(&target, &target.join("public"));
    assert!(target.join("public/index.html").is_file());
    let again = buddysite(&["init", "--example", path_str(&target)]);
    assert!(!again.status.success(), "init refuses a non-empty folder");
}

#[test]
fn a_project_theme_file_overrides_the_built_in_one() {
    let project = copy_fixture("basic");
    let templates = project.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    std::fs::write(
        templates.join("page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p class=\"eigen-sjabloon\">Eigen sjabloon</p>{{ page.content }}{% endblock %}",
    )
    .expect("write");
    let stat = project.path().join("themes/default/static");
    std::fs::create_dir_all(&stat).expect("mkdir");
    std::fs::write(stat.join("extra.txt"), "extra").expect("write");
    let out = tempfile::tempdir().expect("temp");
    build_ok(project.path(), out.path());
    let over = html(out.path(), "alpha/over/index.html");
    assert_eq!(texts(&over, ".eigen-sjabloon"), vec!["Eigen sjabloon"]);
    assert!(out.path().join("alpha/assets/extra.txt").is_file());
    assert!(
        out.path().join("alpha/assets/style.css").is_file(),
        "other theme files still come from the built-in theme"
    );
    assert!(texts(
        &html(out.path(), "alpha/brief/index.html"),
        ".eigen-sjabloon"
    )
    .is_empty());
}

#[test]
fn faq_has_stable_anchors_and_valid_structured_data() {
    let (_keep, out) = built();
    let doc = html(&out, "alpha/vragen/index.html");
    let ids = attrs(&doc, "[id]", "id");
    assert!(
        ids.contains(&"kosten".to_owned()) && ids.contains(&"stoppen".to_owned()),
        "{ids:?}"
    );
    let scripts = texts(&doc, "script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    let data: serde_json::Value = serde_json::from_str(&scripts[0]).expect("valid JSON-LD");
    assert_eq!(data["@type"], "FAQPage");
    let questions = data["mainEntity"].as_array().expect("questions");
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0]["name"], "Wat kost het?");
    let answer = questions[0]["acceptedAnswer"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(answer.contains("gratis"), "{answer}");
}
