//! The site plan (issue "every published file accounted for"): over a copy of the example SWV,
//! each way an editor could get a file published that should not be, and each way two files
//! could claim one output path, as the issue found them.

#[allow(dead_code)]
#[path = "images/builders.rs"]
mod builders;
mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A copy of the example SWV in this repository, and an output folder beside it.
fn example() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("swv");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&root).expect("mkdir");
    std::fs::copy(repo.join("buddysite.yaml"), root.join("buddysite.yaml")).expect("copy");
    copy_dir(&repo.join("content"), &root.join("content"));
    copy_dir(&repo.join("schools"), &root.join("schools"));
    let out = dir.path().join("public");
    (dir, root, out)
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn run(cmd: &str, root: &Path, out: &Path) -> Output {
    buddysite(&[cmd, "--root", path_str(root), "--output", path_str(out)])
}

fn check(root: &Path) -> Output {
    buddysite(&["check", "--root", path_str(root)])
}

fn stderr(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `check` fails with a message containing every one of `needles`, `build` fails the same
/// way, and a previous good output is left byte for byte as it was.
fn fails_everywhere(
    root: &Path,
    out: &Path,
    good: &std::collections::BTreeMap<String, Vec<u8>>,
    needles: &[&str],
) {
    let c = check(root);
    let text = stderr(&c);
    assert_eq!(c.status.code(), Some(1), "check should fail:\n{text}");
    for n in needles {
        assert!(text.contains(n), "check output lacks `{n}`:\n{text}");
    }
    let b = run("build", root, out);
    let text = stderr(&b);
    assert_eq!(b.status.code(), Some(1), "build should fail:\n{text}");
    for n in needles {
        assert!(text.contains(n), "build output lacks `{n}`:\n{text}");
    }
    assert_eq!(&tree(out), good, "a failed build changed the output");
}

/// Every file under `dir` with its modification time: what a rebuild touched.
fn mtimes(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let t = e.metadata().expect("meta").modified().expect("mtime");
            (e.path().to_owned(), t)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn photos_leave_with_their_buddy_and_carry_no_location() {
    let (_keep, root, out) = example();
    // olena's consent has ended; bas is not offered by 't Klaverblad. Every photo comes
    // straight from a phone: EXIF with GPS, XMP with a street, a comment.
    edit(
        &root,
        "content/buddys/olena.md",
        "consent_until: 2027-07-31",
        "consent_until: 2025-07-31",
    );
    let phone = builders::phone_jpeg(1200, 900, 1);
    for id in ["olena", "bas", "anouk"] {
        write(&root, &format!("content/buddys/{id}.jpg"), &phone);
        edit(
            &root,
            &format!("content/buddys/{id}.md"),
            "consent_until:",
            &format!("photo: {id}.jpg\nphoto_alt: Foto van {id}\nconsent_until:"),
        );
    }
    build_ok(&root, &out);
    let klaverblad = out.join("t-klaverblad/buddys");
    assert!(
        klaverblad.join("anouk.jpg").is_file(),
        "an offered buddy's photo is published"
    );
    assert!(
        klaverblad.join("anouk@2x.jpg").is_file(),
        "with its 2x variant"
    );
    assert!(
        !klaverblad.join("olena.jpg").exists(),
        "expired consent: no photo"
    );
    assert!(
        !klaverblad.join("bas.jpg").exists(),
        "not offered: no photo"
    );
    assert!(
        out.join("sbo-de-vlonder/buddys/bas.jpg").is_file(),
        "bas is offered at De Vlonder"
    );
    let page = html(&out, "t-klaverblad/buddys/anouk/index.html");
    assert_eq!(
        attrs(&page, "img.avatar", "srcset"),
        vec!["../../buddys/anouk.jpg 1x, ../../buddys/anouk@2x.jpg 2x"]
    );
    for (path, bytes) in tree(&out) {
        assert!(
            !path.contains("olena"),
            "{path}: something of olena is still published"
        );
        for needle in [
            &b"Exif\0\0"[..],
            b"SerialPhone",
            b"GPSLatitude",
            b"Kerkstraat",
            b"Samira's phone",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{path} carries {:?}",
                String::from_utf8_lossy(needle)
            );
        }
        if path.ends_with(".jpg") {
            let markers = builders::jpeg_markers(&bytes);
            assert!(
                !markers.contains(&0xe1),
                "{path} has an APP1 segment: {markers:x?}"
            );
            let img = image::load_from_memory(&bytes).expect("a real JPEG");
            assert!(
                img.width() <= 192 && img.height() <= 192,
                "{path} is {}x{}",
                img.width(),
                img.height()
            );
        }
    }
    // A rebuild without changes encodes nothing again and writes nothing.
    let cache = root.join(".buddysite-cache");
    assert!(
        cache.is_dir(),
        "the image cache lives in the project, outside the output"
    );
    let (cache_before, out_before) = (mtimes(&cache), mtimes(&out));
    build_ok(&root, &out);
    assert_eq!(
        mtimes(&cache),
        cache_before,
        "a no-op rebuild re-encoded an image"
    );
    let out_after: Vec<_> = mtimes(&out)
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".buddysite-manifest") && !p.ends_with(".buddysite-lock"))
        .collect();
    let out_before: Vec<_> = out_before
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".buddysite-manifest") && !p.ends_with(".buddysite-lock"))
        .collect();
    assert_eq!(out_after, out_before, "a no-op rebuild rewrote files");
}

#[test]
fn a_logo_svg_cannot_run_anything() {
    let (_keep, root, out) = example();
    write(
        &root,
        "schools/de-brucke/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"alert(1)\" viewBox=\"0 0 10 10\"><script>alert(2)</script><image href=\"https://tracker.example/p.png\" width=\"10\" height=\"10\"/><rect width=\"10\" height=\"10\" fill=\"#1d4f91\"/></svg>",
    );
    let b = build_ok(&root, &out);
    let text = stderr(&b);
    assert!(
        text.contains("schools/de-brucke/logo.svg"),
        "the editor hears what was removed:\n{text}"
    );
    let svg = std::fs::read_to_string(out.join("de-brucke/logo.svg")).expect("logo published");
    let doc = roxmltree::Document::parse(&svg).expect("still an SVG");
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert_ne!(node.tag_name().name(), "script", "{svg}");
        assert_ne!(node.tag_name().name(), "image", "{svg}");
        for a in node.attributes() {
            assert!(!a.name().starts_with("on"), "{svg}");
        }
    }
    assert!(!svg.contains("tracker.example"), "{svg}");
    assert!(svg.contains("rect"), "the drawing survives: {svg}");
}

#[test]
fn files_nothing_links_to_are_not_published() {
    let (_keep, root, out) = example();
    write(&root, "content/folder.pdf", b"%PDF-1.4 leaflet");
    write(&root, "content/notulen.docx", b"PK\x03\x04 word");
    write(&root, "content/flyer.pdf", b"%PDF-1.4 flyer");
    edit(
        &root,
        "content/contact.md",
        "\n---\n",
        "\n---\n\n[Lees de flyer](../flyer.pdf)\n",
    );
    let b = build_ok(&root, &out);
    let text = stderr(&b);
    for slug in ["t-klaverblad", "de-brucke"] {
        assert!(!out.join(slug).join("folder.pdf").exists());
        assert!(!out.join(slug).join("notulen.docx").exists());
        assert!(
            out.join(slug).join("flyer.pdf").is_file(),
            "a linked file is published"
        );
    }
    assert!(text.contains("content/folder.pdf"), "{text}");
    assert!(text.contains("content/notulen.docx"), "{text}");
    assert!(text.contains("nothing links to this file"), "{text}");
    assert!(!text.contains("content/flyer.pdf"), "{text}");
}

#[test]
fn names_hidden_by_windows_are_errors_with_the_rename() {
    let (_keep, root, out) = example();
    build_ok(&root, &out);
    let good = tree(&out);
    let piet = std::fs::read(root.join("content/buddys/anouk.md")).expect("read");
    write(&root, "content/buddys/piet.MD", &piet);
    write(
        &root,
        "content/vragen/zaterdag.md.txt",
        b"---\nquestion: Op zaterdag?\n---\nNee.\n",
    );
    let eik = std::fs::read(root.join("schools/de-brucke.yaml")).expect("read");
    write(&root, "schools/de-eik.yaml.txt", &eik);
    fails_everywhere(
        &root,
        &out,
        &good,
        &[
            "content/buddys/piet.MD",
            "rename it to `piet.md`",
            "content/vragen/zaterdag.md.txt",
            "rename it to `zaterdag.md`",
            "schools/de-eik.yaml.txt",
            "rename it to `de-eik.yaml`",
        ],
    );
}

#[test]
fn html_files_are_never_copied() {
    let (_keep, root, out) = example();
    build_ok(&root, &out);
    let good = tree(&out);
    write(
        &root,
        "content/extra.html",
        b"<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>",
    );
    fails_everywhere(
        &root,
        &out,
        &good,
        &[
            "content/extra.html",
            "HTML files are not published",
            "extra.md",
        ],
    );
}

#[test]
fn a_content_file_cannot_replace_a_generated_one() {
    for (rel, bytes, path) in [
        (
            "content/robots.txt",
            &b"User-agent: *\nDisallow:\n"[..],
            "robots.txt",
        ),
        (
            "content/assets/style.css",
            &b"@import url(https://fonts.example/x.css);"[..],
            "assets/style.css",
        ),
    ] {
        let (_keep, root, out) = example();
        build_ok(&root, &out);
        let good = tree(&out);
        write(&root, rel, bytes);
        fails_everywhere(
            &root,
            &out,
            &good,
            &[rel, &format!("published as `{path}`")],
        );
    }
}

#[test]
fn two_files_for_one_page_are_found_by_check_first() {
    for (rel, other) in [
        ("content/buddys.md", "content/buddys/_index.md"),
        ("content/vragen.md", "content/vragen/_index.md"),
        ("content/brief/index.md", "content/brief.md"),
    ] {
        let (_keep, root, out) = example();
        build_ok(&root, &out);
        let good = tree(&out);
        write(&root, rel, b"---\ntitle: Dubbel\n---\nTekst.\n");
        fails_everywhere(&root, &out, &good, &[rel, other]);
        // The build failed before writing: no staging folder is left behind.
        let leftovers: Vec<_> = std::fs::read_dir(&out)
            .expect("read out")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.') && n != ".buddysite-manifest" && n != ".buddysite-lock")
            .collect();
        assert!(leftovers.is_empty(), "left in the output: {leftovers:?}");
    }
}

#[test]
fn a_school_cannot_take_a_reserved_name() {
    let (_keep, root, out) = example();
    build_ok(&root, &out);
    let good = tree(&out);
    let yaml = std::fs::read(root.join("schools/de-brucke.yaml")).expect("read");
    write(&root, "schools/assets.yaml", &yaml);
    fails_everywhere(
        &root,
        &out,
        &good,
        &["schools/assets.yaml", "cannot be called `assets`"],
    );
    // And `build --school` of another school leaves the overview's assets alone.
    std::fs::remove_file(root.join("schools/assets.yaml")).expect("rm");
    let b = buddysite(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
        "--school",
        "de-brucke",
    ]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert_eq!(tree(&out), good);
}

#[test]
fn project_css_goes_through_the_other_host_check() {
    let (_keep, root, out) = example();
    build_ok(&root, &out);
    let good = tree(&out);
    write(
        &root,
        "content/stijl/extra.css",
        b"body { color: black; }\n@import url(https://fonts.example.com/x.css);\n",
    );
    fails_everywhere(
        &root,
        &out,
        &good,
        &["content/stijl/extra.css:2", "fonts.example.com"],
    );
}
