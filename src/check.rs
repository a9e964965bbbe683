//! Checks on a rendered site: what parents would trip over.
//!
//! Run on every build, in memory, before anything is written: placeholders left in a page,
//! links and `#anchors` that lead nowhere, resources from other hosts. Problems name the
//! file the editor wrote, not the generated page, wherever that can be known.

use crate::diagnostics::Diagnostic;
use crate::project::{Item, Project, SchoolEntry};
use crate::render::Site;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// What a page links to and which ids it has.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageRefs {
    /// `(tag, attribute, value)` of every URL-valued attribute.
    pub urls: Vec<(String, String, String)>,
    /// Every `id` on the page.
    pub ids: HashSet<String>,
}

/// Scans generated HTML for URLs and ids. The HTML is our own output (templates and
/// pulldown-cmark), so a tag scanner suffices; scripts, styles and comments are skipped.
pub fn scan(html: &str) -> PageRefs {
    let mut refs = PageRefs::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(tag) = crate::sanitize::parse_tag(rest) else {
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if tag.closing {
            continue;
        }
        let rel = tag
            .attributes
            .iter()
            .find(|(k, _)| k == "rel")
            .map(|(_, v)| v.as_str());
        for (name, value) in &tag.attributes {
            match name.as_str() {
                "id" => {
                    refs.ids.insert(value.clone());
                }
                "href" if tag.name == "link" && matches!(rel, Some("canonical" | "alternate")) => {}
                "href" | "src" | "poster" | "action" | "formaction" | "data" => {
                    refs.urls
                        .push((tag.name.clone(), name.clone(), value.clone()));
                }
                "srcset" => {
                    for candidate in value.split(',') {
                        if let Some(url) = candidate.split_whitespace().next() {
                            refs.urls
                                .push((tag.name.clone(), name.clone(), url.to_owned()));
                        }
                    }
                }
                _ => {}
            }
        }
        if matches!(tag.name.as_str(), "script" | "style") {
            let close = format!("</{}", tag.name);
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
        }
    }
    refs
}

/// The host of an absolute or protocol-relative URL.
pub fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    Some(&rest[..end])
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// True for `mailto:x`, `tel:1`, `data:…`: a scheme before any `/`, `?` or `#`.
fn has_scheme(url: &str) -> bool {
    let first = url.split(['/', '?', '#']).next().unwrap_or("");
    first.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Checks one rendered school site. `sources` maps page paths to the content file they
/// came from.
pub fn site(
    project: &Project,
    entry: &SchoolEntry,
    content: &BTreeMap<&str, &Arc<Item>>,
    sources: &HashMap<String, String>,
    site: &Site,
    problems: &mut Vec<Diagnostic>,
) {
    let slug = &entry.school.slug;
    let files: HashSet<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    let pages: Vec<(&str, &str)> = site
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| Some((f.path.as_str(), std::str::from_utf8(f.body.bytes()).ok()?)))
        .collect();
    let refs: HashMap<&str, PageRefs> = pages.iter().map(|(p, html)| (*p, scan(html))).collect();
    let text_of = |file: &str| -> Option<&str> {
        let rel = file
            .strip_prefix("content/")
            .or_else(|| file.strip_prefix(&format!("schools/{slug}/")))?;
        content.get(rel).map(|i| i.text.as_ref())
    };
    for (path, html) in &pages {
        let source = sources
            .get(*path)
            .cloned()
            .unwrap_or_else(|| "(theme)".to_owned());
        let located = |message: String, needle: &str| {
            let d = Diagnostic::error(&source, message);
            match text_of(&source)
                .and_then(|t| crate::yaml::find_value(t, 1, needle).map(|lc| (t, lc)))
            {
                Some((t, (line, column))) => d.at(t, line, column),
                None => d,
            }
        };
        for f in crate::placeholders::find(html) {
            let text = &html[f.start..f.end];
            problems.push(
                located(
                    format!("placeholder `{text}` is not filled in on page {slug}/{path}"),
                    text,
                )
                .with_help(
                    "replace it with the text it stands for; see the placeholder list in README.md",
                ),
            );
        }
        let Some(page_refs) = refs.get(path) else {
            continue;
        };
        for (tag, attr, url) in &page_refs.urls {
            if let Some(h) = host(url) {
                let resource = attr != "href" || tag == "link";
                if resource
                    && !project
                        .config
                        .allowed_hosts
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(h))
                {
                    problems.push(
                        located(format!("page {slug}/{path} loads `{url}` from another host ({h})"), url).with_help(
                            "parents' visits must not leak to other sites: put the file in the project, or allow the host in `allowed_hosts` in buddysite.yaml",
                        ),
                    );
                }
                continue;
            }
            if has_scheme(url) {
                continue; // mailto:, tel:, data: and other schemes
            }
            if url.starts_with('/') {
                problems.push(
                    located(format!("page {slug}/{path} links to `{url}`, which starts with `/`"), url)
                        .with_help("links must be relative so the site works under any address and from disk; link to the .md file instead"),
                );
                continue;
            }
            let (target_part, fragment) = match url.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (url.as_str(), None),
            };
            let target_part = target_part.split('?').next().unwrap_or("");
            let target = if target_part.is_empty() {
                Some(path.to_string())
            } else {
                crate::paths::join(crate::paths::parent(path), &percent_decode(target_part)).map(
                    |t| {
                        if t.is_empty() || target_part.ends_with('/') {
                            format!("{}{}index.html", t, if t.is_empty() { "" } else { "/" })
                        } else {
                            t
                        }
                    },
                )
            };
            let Some(target) = target else {
                problems.push(located(
                    format!("page {slug}/{path} links to `{url}`, outside the site"),
                    url,
                ));
                continue;
            };
            if !files.contains(target.as_str()) {
                problems.push(
                    located(format!("page {slug}/{path} links to `{url}`, which does not exist"), url)
                        .with_help("check the file name; link to other pages by their .md file, e.g. `[de brief](brief.md)`"),
                );
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let fragment = percent_decode(fragment);
                if let Some(target_refs) = refs.get(target.as_str()) {
                    if !target_refs.ids.contains(&fragment) {
                        problems.push(
                            located(format!("page {slug}/{path} links to `#{fragment}` on {target}, but there is no such anchor"), &fragment)
                                .with_help("anchors are made from headings (`## Wat kost het?` → `#wat-kost-het`) and FAQ file names"),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_urls_and_ids() {
        let r = scan(
            r#"<a href="x/index.html#a" id="top">x</a><script>var s = "<a href='no'>";</script><img src="a.png" alt="">"#,
        );
        assert_eq!(r.urls.len(), 2);
        assert!(r.ids.contains("top"));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://fonts.example.com/x.css"),
            Some("fonts.example.com")
        );
        assert_eq!(host("//cdn.example/x"), Some("cdn.example"));
        assert_eq!(host("x.html"), None);
    }
}
