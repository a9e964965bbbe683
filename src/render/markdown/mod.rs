//! Markdown to HTML, with heading anchors and links between content files.
//!
//! pulldown-cmark does the parsing; this module adds what a site needs on top: stable ids on
//! headings, `.md` links rewritten to the page that shows that file, and the facts that checks
//! need (links, images without alt text, raw HTML) with their offsets in the source.

mod raw;

use crate::paths;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use raw::{heading_attributes, url_finding};
use std::collections::HashSet;
use std::ops::Range;

pub use crate::load::config::RawHtml;
pub use crate::paths::slugify;

/// A link to another content file found in the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLink {
    /// The link as written.
    pub dest: String,
    /// Content path it points to (`vragen/kosten.md`), or `None` when it leaves the content tree.
    pub target: Option<String>,
    /// `#anchor` written after the file name, without `#`.
    pub fragment: Option<String>,
    /// Byte range in the Markdown source.
    pub range: Range<usize>,
    /// 1-based line in the Markdown source.
    pub line: usize,
    /// A hash of that line's text, to find it again in the file when the source was a
    /// template (see [`source_line`]).
    pub line_hash: u64,
    /// The URL written into the HTML for it (`../brief/index.html`), when it has a target.
    pub href: Option<String>,
}

/// Something in the Markdown a check should report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in the Markdown source.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
    /// Whether it only warrants a warning.
    pub warning: bool,
    /// 1-based line in the Markdown source (filled in by [`render`]).
    pub line: usize,
    /// A hash of that line's text (filled in by [`render`]).
    pub line_hash: u64,
}

/// Rendered Markdown and what checks need to know about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// [`html`](Self::html) with [`typography::html`](crate::render::typography::html)
    /// applied, made on first use by [`Rendered::typeset`]: the same rendered body is shown
    /// on many pages of every school (a buddy on their own page and the list, shared
    /// content on 200 sites), and typesetting it each time was a sixth of a build; a body
    /// that no re-rendered page shows (a partial rebuild) is not typeset at all.
    typeset: std::sync::OnceLock<String>,
    /// The text without markup (for structured data and summaries).
    pub text: String,
    /// Links to other content files.
    pub links: Vec<ContentLink>,
    /// Problems found while rendering.
    pub findings: Vec<Finding>,
}

/// The Markdown features buddysite renders, also for checks that read Markdown as the
/// renderer does (which brackets are links).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// Renders `source`, the body of the content file at `doc_rel`, for the page at `page_path`
/// (an output path from the site root such as `vragen/index.html`).
pub fn render(source: &str, doc_rel: &str, page_path: &str, raw_html: RawHtml) -> Rendered {
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(source, options())
        .into_offset_iter()
        .collect();
    let mut out = Rendered::default();
    add_heading_ids(&mut events);
    let doc_dir = paths::parent(doc_rel);
    let mut image_alt: Option<(usize, String)> = None;
    // The theme shows the page title as the `<h1>`; a buddy's story and a FAQ answer sit under
    // an `<h2>` of the theme. Headings in the text go on from there, one level at a time.
    let mut previous_level = match crate::content::Role::of(doc_rel) {
        crate::content::Role::Buddy | crate::content::Role::FaqEntry => 2,
        _ => 1,
    };
    // Links and images whose address breaks the URL policy lose their tags (their text
    // stays); these stacks say, at each end tag, whether its start tag went.
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut dropped_images: Vec<bool> = Vec::new();
    for (event, range) in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let level = *level as usize;
                if let Some(f) = heading_finding(level, previous_level, range.start) {
                    out.findings.push(f);
                }
                previous_level = level;
                heading_attributes(classes, attrs, range.start, &mut out.findings);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(link) = content_link(dest_url, doc_dir, range.clone()) {
                    let mut link = link;
                    if let Some(target) = &link.target {
                        let mut site = crate::content::url_of(target);
                        if let Some(f) = &link.fragment {
                            site = format!("{}#{f}", site.split('#').next().unwrap_or(""));
                        }
                        let href = paths::relative_url(page_path, &site);
                        *dest_url = CowStr::from(href.clone());
                        link.href = Some(href);
                    }
                    out.links.push(link);
                    dropped_links.push(false);
                } else if let Some(why) = crate::sanitize::url_problem(dest_url) {
                    out.findings
                        .push(url_finding("link", dest_url, &why, range.start));
                    *event = Event::Text(CowStr::Borrowed(""));
                    dropped_links.push(true);
                } else {
                    dropped_links.push(false);
                }
            }
            // The guard pops once per end tag, whichever way it goes.
            Event::End(TagEnd::Link) if dropped_links.pop() == Some(true) => {
                *event = Event::Text(CowStr::Borrowed(""));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image_alt = Some((range.start, String::new()));
                if let Some(why) = crate::sanitize::url_problem(dest_url) {
                    out.findings
                        .push(url_finding("image", dest_url, &why, range.start));
                    *event = Event::Text(CowStr::Borrowed(""));
                    dropped_images.push(true);
                } else {
                    dropped_images.push(false);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((offset, alt)) = image_alt.take() {
                    if alt.trim().is_empty() {
                        out.findings.push(Finding {
                            offset,
                            message: "image without alt text".into(),
                            help: "describe the image between the brackets: `![a drawing of two parents talking](picture.png)`".into(),
                            warning: false,
                            line: 0,
                            line_hash: 0,
                        });
                    }
                }
                if dropped_images.pop() == Some(true) {
                    *event = Event::Text(CowStr::Borrowed(""));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(t);
                }
                out.text.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak => out.text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !out.text.ends_with(' ') && !out.text.is_empty() =>
            {
                out.text.push(' ');
            }
            _ => {}
        }
    }
    let events = raw::raw_html(events, raw_html, &mut out.findings);
    out.text = out.text.trim().to_owned();
    limit_findings(&mut out.findings);
    let lines = crate::diagnostics::LineIndex::new(source);
    // Many links may share one long line: hash each line once.
    let mut hashes: std::collections::HashMap<usize, u64> = std::collections::HashMap::new();
    let mut hash_of = |line: usize| {
        *hashes
            .entry(line)
            .or_insert_with(|| line_hash(lines.line_text(source, line)))
    };
    for f in &mut out.findings {
        f.line = lines.line(f.offset);
        f.line_hash = hash_of(f.line);
    }
    for l in &mut out.links {
        l.line = lines.line(l.range.start);
        l.line_hash = hash_of(l.line);
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

impl Rendered {
    /// What pages show: [`Rendered::html`] typeset (curly quotes, numbers kept together).
    /// A `Rendered` is not changed once made (it is shared behind an `Arc`), so the result
    /// made on the first call holds for every later one.
    pub fn typeset(&self) -> &str {
        self.typeset
            .get_or_init(|| crate::render::typography::html(&self.html))
    }

    /// The same body with other HTML (a translation's links pointed at its own language):
    /// everything else is kept, the typeset text is made again from the new HTML.
    pub fn with_html(&self, html: String) -> Rendered {
        Rendered {
            html,
            typeset: std::sync::OnceLock::new(),
            ..self.clone()
        }
    }
}

/// Findings kept per file: a pasted document with a thousand images without alt text gets
/// the first ones and a count, not a thousand messages (and no quadratic line lookups).
pub const MAX_FINDINGS: usize = 50;

fn limit_findings(findings: &mut Vec<Finding>) {
    if findings.len() <= MAX_FINDINGS {
        return;
    }
    let more = findings.len() - MAX_FINDINGS;
    // Only warnings hidden: the count is a warning too, so a page with many of them builds.
    let hidden_warnings = findings[MAX_FINDINGS..].iter().all(|f| f.warning);
    let last_offset = findings[MAX_FINDINGS - 1].offset;
    findings.truncate(MAX_FINDINGS);
    findings.push(Finding {
        offset: last_offset,
        message: format!("… and {more} more problems like the ones above in this file"),
        help: "fix the problems above and run the check again to see the rest".into(),
        warning: hidden_warnings,
        line: 0,
        line_hash: 0,
    });
}

/// The problem with a heading of `level` after one of `previous` (the theme's own heading
/// when it is the first).
fn heading_finding(level: usize, previous: usize, offset: usize) -> Option<Finding> {
    let hashes = |n: usize| "#".repeat(n);
    if level == 1 {
        return Some(Finding {
            offset,
            message: "a heading with one `#` is not allowed in the text: the page title is already the main heading".into(),
            help: "start the headings in the text with `##` (and change `title:` if this should be the page title)".into(),
            warning: false,
            line: 0,
            line_hash: 0,
        });
    }
    (level > previous + 1).then(|| Finding {
        offset,
        message: format!(
            "this heading skips a level: `{}` comes after {}",
            hashes(level),
            if previous <= 1 {
                "the page title, which is level `#`".to_owned()
            } else {
                format!("a `{}` heading", hashes(previous))
            }
        ),
        help: format!(
            "use `{}` here: each heading may go only one level deeper than the one before it, so people using a screen reader can follow the page",
            hashes(previous + 1)
        ),
        warning: false,
        line: 0,
        line_hash: 0,
    })
}

/// Gives every heading an id from its text, unique on the page, unless the author set one
/// with `{#id}`.
fn add_heading_ids(events: &mut [(Event, Range<usize>)]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    // Next suffix to try per base id, so a page with thousands of equal headings stays linear.
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i].0 {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = slugify(&text);
            let base = if base.is_empty() {
                "kop".to_owned()
            } else {
                base
            };
            let mut id = base.clone();
            let n = next.entry(base.clone()).or_insert(1);
            while used.contains(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

/// A relative link ending in `.md` (optionally with `#anchor`) points at a content file.
fn content_link(dest: &str, doc_dir: &str, range: Range<usize>) -> Option<ContentLink> {
    if dest.contains(':') || dest.starts_with('/') || dest.starts_with('#') {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (dest, None),
    };
    if !path.ends_with(".md") {
        return None;
    }
    Some(ContentLink {
        dest: dest.to_owned(),
        target: paths::join(doc_dir, &crate::paths::percent_decode_lossy(path)),
        fragment,
        range,
        line: 0,
        line_hash: 0,
        href: None,
    })
}

/// A hash of a line's text, to recognise it without keeping it.
pub fn line_hash(line: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    line.hash(&mut h);
    h.finish()
}

/// The 1-based line of the Markdown file `body` that a line of its rendered template
/// (`line`, whose text hashes to `hash`) came from: the same text if it is there, else the
/// line holding `needle` (a link as written) closest to `line`, else `line` itself.
pub fn source_line(body: &str, line: usize, hash: u64, needle: Option<&str>) -> usize {
    let lines: Vec<&str> = body.lines().collect();
    let closest = |pred: &dyn Fn(&str) -> bool| {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| pred(l))
            .min_by_key(|(i, _)| (i + 1).abs_diff(line))
            .map(|(i, _)| i + 1)
    };
    if hash != line_hash("") {
        if let Some(l) = closest(&|l: &str| line_hash(l) == hash) {
            return l;
        }
    }
    if let Some(n) = needle.filter(|n| !n.is_empty()) {
        if let Some(l) = closest(&|l: &str| l.contains(n)) {
            return l;
        }
    }
    line.clamp(1, lines.len().max(1))
}

/// Heading levels in order of appearance, with offsets, for the skipped-level check.
pub fn heading_levels(source: &str) -> Vec<(HeadingLevel, usize)> {
    Parser::new_ext(source, options())
        .into_offset_iter()
        .filter_map(|(e, r)| match e {
            Event::Start(Tag::Heading { level, .. }) => Some((level, r.start)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids() {
        let r = render(
            "## Wat kost het?\n\n## Wat kost het?\n\n## Eén {#eigen}\n",
            "a.md",
            "a/index.html",
            RawHtml::Sanitize,
        );
        assert!(r.html.contains(r#"<h2 id="wat-kost-het">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="wat-kost-het-1">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="eigen">"#), "{}", r.html);
    }

    #[test]
    fn md_links_point_at_pages() {
        let r = render(
            "[brief](../brief.md) en [kosten](kosten.md#meer)",
            "vragen/stoppen.md",
            "vragen/index.html",
            RawHtml::Sanitize,
        );
        assert!(
            r.html.contains(r#"href="../brief/index.html""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"href="../vragen/index.html#meer""#),
            "{}",
            r.html
        );
        assert_eq!(r.links[0].target.as_deref(), Some("brief.md"));
    }

    #[test]
    fn finds_images_without_alt() {
        let r = render(
            "![](a.png) ![iets](b.png)",
            "a.md",
            "a/index.html",
            RawHtml::Sanitize,
        );
        assert_eq!(r.findings.len(), 1);
    }

    #[test]
    fn heading_levels_are_checked_from_the_theme_heading() {
        let levels = |src: &str, rel: &str| -> Vec<usize> {
            render(src, rel, "a/index.html", RawHtml::Sanitize)
                .findings
                .iter()
                .map(|f| f.line)
                .collect()
        };
        assert_eq!(
            levels("## a\n\n### b\n\n## c\n", "a.md"),
            Vec::<usize>::new()
        );
        assert_eq!(
            levels("### a\n", "a.md"),
            vec![1],
            "h3 right after the page title"
        );
        assert_eq!(
            levels("### a\n", "vragen/x.md"),
            Vec::<usize>::new(),
            "under the question"
        );
        assert_eq!(levels("## a\n\n#### b\n", "a.md"), vec![3]);
        assert_eq!(levels("# a\n", "a.md"), vec![1], "no h1 in the text");
    }

    #[test]
    fn many_equal_headings_stay_fast_and_unique() {
        let src = "## a\n\n".repeat(20_000);
        let started = std::time::Instant::now();
        let r = render(&src, "a.md", "a/index.html", RawHtml::Sanitize);
        assert!(started.elapsed().as_secs() < 10);
        assert!(r.html.contains(r#"id="a-19999""#));
    }

    #[test]
    fn findings_are_capped_with_a_count() {
        let r = render(
            &"![](x.png)\n\n".repeat(500),
            "a.md",
            "a/index.html",
            RawHtml::Sanitize,
        );
        assert_eq!(r.findings.len(), MAX_FINDINGS + 1);
        assert!(r.findings[MAX_FINDINGS].message.contains("450 more"));
    }

    #[test]
    fn javascript_links_are_neutralised() {
        let r = render(
            "[x](javascript:alert(1))",
            "a.md",
            "a/index.html",
            RawHtml::Sanitize,
        );
        assert!(!r.html.contains("javascript"), "{}", r.html);
    }
}
