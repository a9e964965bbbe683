//! Every page carries a Content-Security-Policy that allows only the site's own files: a
//! `<meta http-equiv>` right after `<meta charset>` on school pages, the overview and 404
//! pages, that allows each inline `<style>` of the page by its hash and nothing else inline.

mod common;

use base64::Engine;
use common::{copy_dir, path_str, tree};
use scraper::{Html, Selector};
use sha2::Digest;
use std::path::Path;
use std::process::Command;

fn build_example(extra_yaml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(repo.join("buddysite.yaml")).expect("yaml");
    std::fs::write(dir.path().join("buddysite.yaml"), yaml + extra_yaml).expect("write");
    for folder in ["content", "schools", "themes"] {
        if repo.join(folder).is_dir() {
            copy_dir(&repo.join(folder), &dir.path().join(folder));
        }
    }
    let out = dir.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_buddysite"))
        .args([
            "build",
            "--root",
            path_str(dir.path()),
            "--output",
            path_str(&out),
        ])
        .env("BUDDYSITE_TODAY", "2026-06-01")
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// The directives of a policy, by name.
fn directives(policy: &str) -> Vec<(String, Vec<String>)> {
    policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            let name = words.next()?.to_owned();
            Some((name, words.map(str::to_owned).collect()))
        })
        .collect()
}

#[test]
fn every_page_has_a_strict_policy_that_allows_exactly_its_inline_styles() {
    let (_dir, out) = build_example("");
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert!(pages.iter().any(|p| p == "index.html"));
    assert!(pages.iter().any(|p| p.ends_with("/404.html")));
    assert!(pages.len() > 50, "{}", pages.len());
    for rel in &pages {
        let text = std::fs::read_to_string(out.join(rel)).expect("read");
        let doc = Html::parse_document(&text);
        let head: Vec<_> = doc
            .select(&sel("head > *"))
            .map(|e| e.value().clone())
            .collect();
        assert_eq!(head[0].attr("charset"), Some("utf-8"), "{rel}");
        assert_eq!(
            head[1].attr("http-equiv"),
            Some("Content-Security-Policy"),
            "{rel}: the policy must come before anything that loads"
        );
        let policy = head[1].attr("content").expect("content");
        let d = directives(policy);
        let get = |name: &str| {
            d.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("{rel}: no {name} in {policy}"))
        };
        assert_eq!(get("default-src"), vec!["'none'"], "{rel}");
        assert_eq!(get("script-src"), vec!["'self'"], "{rel}");
        assert_eq!(get("img-src"), vec!["'self'", "data:"], "{rel}");
        assert_eq!(get("object-src"), vec!["'none'"], "{rel}");
        assert_eq!(get("base-uri"), vec!["'self'"], "{rel}");
        assert_eq!(get("form-action"), vec!["'none'"], "{rel}");
        let mut expected = vec!["'self'".to_owned()];
        for style in doc.select(&sel("style")) {
            let css: String = style.text().collect();
            let hash = base64::engine::general_purpose::STANDARD
                .encode(sha2::Sha256::digest(css.as_bytes()));
            expected.push(format!("'sha256-{hash}'"));
        }
        assert_eq!(get("style-src"), expected, "{rel}");
        assert!(
            !policy.contains("unsafe"),
            "{rel}: nothing unsafe is allowed: {policy}"
        );
        // Nothing the policy would block is in the page itself.
        assert_eq!(
            doc.select(&sel("[style]")).count(),
            0,
            "{rel}: style attribute"
        );
        for script in doc.select(&sel("script")) {
            let v = script.value();
            assert!(
                v.attr("src").is_some() || v.attr("type") == Some("application/ld+json"),
                "{rel}: inline script {:?}",
                script.html()
            );
        }
    }
}

#[test]
fn allowed_hosts_are_allowed_by_the_policy_too() {
    let (_dir, out) = build_example("allowed_hosts:\n  - media.example.org\n");
    let doc = common::html(&out, "t-klaverblad/index.html");
    let policy = common::attrs(&doc, "meta[http-equiv]", "content").join("");
    let d = directives(&policy);
    for name in [
        "img-src",
        "media-src",
        "frame-src",
        "script-src",
        "style-src",
    ] {
        let values = &d.iter().find(|(n, _)| n == name).expect(name).1;
        assert!(
            values.contains(&"https://media.example.org".to_owned()),
            "{name} in {policy}"
        );
    }
}
