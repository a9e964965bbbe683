//! What a page, stylesheet or script loads and links to, read as a browser reads it.
//!
//! A leaf module below every stage: `render` uses it to find which content files the pages
//! use, `check` to find broken links and other hosts, `load` to read `allowed_hosts`.
//!
//! The other-host check and the link check stand on this scan: an address it misses is a
//! visit shared with another website, or a broken link nobody reports. So HTML is read by
//! html5gum's WHATWG tokenizer (entities, unquoted and odd attributes, raw-text elements, all
//! as in a browser) and addresses by the `url` crate (the WHATWG URL rules: `HTTPS:\\host`,
//! spaces, tabs and control characters, user names and ports).
//!
//! html5gum rather than html5ever's tokenizer: with an emitter of its own, attributes that
//! hold nothing the checks need are never copied, which keeps the scan of every page of
//! every school about as cheap as the hand-written scanner it replaces.

use html5gum::{naive_next_state, Emitter, State, Tokenizer};
use std::collections::HashSet;
use std::convert::Infallible;

mod address;
mod text;
pub use address::{has_scheme, host, is_resource};
pub use text::{css_urls, js_urls};

/// What a page links to and which ids it has.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageRefs {
    /// `(tag, attribute, value)` of every URL-valued attribute; a `srcset` or `ping` gives
    /// one entry per address, `<meta http-equiv=refresh>` gives `("meta", "content", url)`.
    pub urls: Vec<(String, String, String)>,
    /// Every `id` on the page.
    pub ids: HashSet<String>,
    /// URLs in CSS on the page (`style` elements and attributes): `url(…)`, `@import`.
    pub css_urls: Vec<String>,
    /// Absolute `http(s)://` and `//host` addresses written in inline scripts (JSON-LD data
    /// is not a script and is left out).
    pub script_urls: Vec<String>,
}

/// Attributes whose value is one URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "poster",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "background",
    "cite",
    "manifest",
    "icon",
    "codebase",
    "longdesc",
];

/// Attributes the scan reads: [`URL_ATTRIBUTES`] and those that hold several URLs, CSS, an
/// id, or say how to read another one. Every other attribute is skipped without a copy.
fn watched(name: &[u8]) -> Option<&'static str> {
    const OTHERS: &[&str] = &[
        "id",
        "srcset",
        "imagesrcset",
        "ping",
        "style",
        "rel",
        "http-equiv",
        "content",
        "type",
    ];
    URL_ATTRIBUTES
        .iter()
        .chain(OTHERS)
        .find(|w| w.as_bytes() == name)
        .copied()
}

/// The scan, as an html5gum emitter: the tokenizer hands over names and values as byte
/// slices, and only watched attributes and the text of `<style>` and `<script>` are copied.
struct Scanner<'r> {
    refs: &'r mut PageRefs,
    /// Name of the tag being read, and whether it is an end tag.
    tag: Vec<u8>,
    end_tag: bool,
    self_closing: bool,
    /// Name of the last start tag (for the tokenizer's raw-text states).
    last_start: Vec<u8>,
    /// The watched attributes of the start tag being read.
    attrs: Vec<(&'static str, String)>,
    /// Name of the attribute being read, and whether its value goes to the last of `attrs`.
    attr_name: Vec<u8>,
    keep_value: bool,
    /// Text of the `<style>` or `<script>` element being read: (is style, text).
    raw: Option<(bool, String)>,
}

impl Scanner<'_> {
    fn raw_text(&mut self, style: bool, text: &str) {
        if style {
            self.refs
                .css_urls
                .extend(css_urls(text).into_iter().map(|(_, u)| u));
        } else {
            self.refs
                .script_urls
                .extend(js_urls(text).into_iter().map(|(_, u)| u));
        }
    }

    fn start_tag(&mut self) {
        // Most tags (`<p>`, `<li class="x">`) have nothing the scan wants.
        if self.attrs.is_empty() && !matches!(self.tag.as_slice(), b"style" | b"script") {
            return;
        }
        let name = String::from_utf8_lossy(&self.tag).into_owned();
        let attrs = std::mem::take(&mut self.attrs);
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
        };
        match name.as_str() {
            "style" if !self.self_closing => self.raw = Some((true, String::new())),
            "script" if !self.self_closing => {
                let json = attr("type").is_some_and(|t| {
                    t.trim().eq_ignore_ascii_case("application/ld+json")
                        || t.trim().eq_ignore_ascii_case("application/json")
                });
                self.raw = (!json).then(|| (false, String::new()));
            }
            _ => {}
        }
        let skip_href = name == "link"
            && attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace().any(|w| {
                    w.eq_ignore_ascii_case("canonical") || w.eq_ignore_ascii_case("alternate")
                })
            });
        let refresh = name == "meta"
            && attr("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"));
        let refs = &mut *self.refs;
        for (key, value) in &attrs {
            let mut push = |url: &str| {
                refs.urls
                    .push((name.clone(), (*key).to_owned(), url.to_owned()));
            };
            match *key {
                "id" => {
                    refs.ids.insert(value.clone());
                }
                "href" if skip_href => {}
                "srcset" | "imagesrcset" => srcset(value).into_iter().for_each(&mut push),
                "ping" => value.split_ascii_whitespace().for_each(&mut push),
                "content" if refresh => {
                    if let Some(url) = refresh_url(value) {
                        push(url);
                    }
                }
                "style" => refs
                    .css_urls
                    .extend(css_urls(value).into_iter().map(|(_, u)| u)),
                k if URL_ATTRIBUTES.contains(&k) => push(value),
                _ => {}
            }
        }
        self.attrs = attrs;
        self.attrs.clear();
    }
}

impl Emitter for Scanner<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        if let Some((style, text)) = self.raw.take() {
            self.raw_text(style, &text);
        }
    }

    fn emit_error(&mut self, _: html5gum::Error) {}

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, c: &[u8]) {
        if let Some((_, text)) = self.raw.as_mut() {
            text.push_str(&String::from_utf8_lossy(c));
        }
    }

    fn init_start_tag(&mut self) {
        self.tag.clear();
        self.end_tag = false;
        self.self_closing = false;
        self.attrs.clear();
        self.keep_value = false;
    }

    fn init_end_tag(&mut self) {
        self.tag.clear();
        self.end_tag = true;
        self.keep_value = false;
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<State> {
        self.keep_value = false;
        if self.end_tag {
            self.last_start.clear();
            if matches!(self.tag.as_slice(), b"style" | b"script") {
                if let Some((style, text)) = self.raw.take() {
                    self.raw_text(style, &text);
                }
            }
            return None;
        }
        self.start_tag();
        self.last_start.clear();
        self.last_start.extend_from_slice(&self.tag);
        naive_next_state(&self.tag)
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.extend_from_slice(s);
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        self.attr_name.clear();
        self.keep_value = false;
    }

    fn init_attribute_value(&mut self) {
        // An attribute written twice counts once, the first time, as in a browser.
        self.keep_value = !self.end_tag
            && match watched(&self.attr_name) {
                Some(w) if !self.attrs.iter().any(|(k, _)| *k == w) => {
                    self.attrs.push((w, String::new()));
                    true
                }
                _ => false,
            };
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend_from_slice(s);
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.keep_value {
            if let Some((_, v)) = self.attrs.last_mut() {
                v.push_str(&String::from_utf8_lossy(s));
            }
        }
    }

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end_tag && !self.last_start.is_empty() && self.tag == self.last_start
    }
}

/// Scans HTML for URLs, ids, CSS and script addresses. Linear in the length of the page;
/// attributes that hold none of these are skipped without being copied.
pub fn scan(html: &str) -> PageRefs {
    let mut refs = PageRefs::default();
    let scanner = Scanner {
        refs: &mut refs,
        tag: Vec::new(),
        end_tag: false,
        self_closing: false,
        last_start: Vec::new(),
        attrs: Vec::new(),
        attr_name: Vec::new(),
        keep_value: false,
        raw: None,
    };
    let _ = Tokenizer::new_with_emitter(html, scanner).finish();
    refs
}

/// Every address in a `srcset` value, following the HTML parsing rules: an address ends at
/// whitespace (trailing commas belong to the list), descriptors run to the next comma.
fn srcset(value: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        let trimmed = url.trim_end_matches(',');
        if trimmed.len() == url.len() {
            // Descriptors up to the next comma outside parentheses.
            let mut depth = 0usize;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        cut = i;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &rest[cut..];
        }
        if !trimmed.is_empty() {
            urls.push(trimmed);
        }
    }
    urls
}

/// The address in a `<meta http-equiv=refresh>` `content` (`5; url='x.html'`, `0;URL=x`).
fn refresh_url(content: &str) -> Option<&str> {
    let rest = content
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start().strip_prefix([';', ','])?.trim_start();
    let rest = match rest.get(..3) {
        Some(u) if u.eq_ignore_ascii_case("url") => {
            let after = rest[3..].trim_start();
            after.strip_prefix('=').map_or(rest, str::trim_start)
        }
        _ => rest,
    };
    let url = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
        _ => rest.trim_end(),
    };
    (!url.is_empty()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(html: &str) -> Vec<String> {
        scan(html).urls.into_iter().map(|(_, _, u)| u).collect()
    }

    #[test]
    fn scans_urls_and_ids() {
        let r = scan(
            r#"<a href="x/index.html#a" id="top">x</a><script>var s = "<a href='no'>";</SCRIPT><img src="a.png" alt="">"#,
        );
        assert_eq!(r.urls.len(), 2);
        assert!(r.ids.contains("top"));
    }

    #[test]
    fn sees_every_kind_of_address() {
        assert_eq!(
            urls(r#"<img srcset="a.png 1x, data:image/png;base64,AA,BB 2x,c.png" alt="">"#),
            vec!["a.png", "data:image/png;base64,AA,BB", "c.png"]
        );
        assert_eq!(
            urls(r#"<a href="x" ping="https://p.example/1 //q.example/2">"#),
            vec!["x", "https://p.example/1", "//q.example/2"]
        );
        assert_eq!(
            urls(r#"<META HTTP-EQUIV=Refresh CONTENT="0; URL='https://r.example/'">"#),
            vec!["https://r.example/"]
        );
        assert_eq!(
            urls(
                r#"<base href=https://b.example/><video poster=p.png></video><form action=f><button formaction=g></button></form><object data=o></object>"#
            ),
            vec!["https://b.example/", "p.png", "f", "g", "o"]
        );
        assert_eq!(
            urls("<a hr&#101;f=x href=\"&#x68;ttps://e.example/\">"),
            vec!["https://e.example/"]
        );
        assert!(is_resource("base", "href"));
        assert!(!is_resource("a", "href"));
    }

    #[test]
    fn scans_css() {
        let r = scan(
            r#"<style>@import "https://a.example/x.css"; body{background:URL( 'https://b.example/y.png' )}</style><p style="background-image:url(//c.example/z.png)">"#,
        );
        let hosts: Vec<_> = r.css_urls.iter().filter_map(|u| host(u)).collect();
        assert_eq!(hosts, vec!["a.example", "b.example", "c.example"]);
        assert_eq!(
            css_urls(r"a{b:url(\68 ttps://d.example/)}")[0].1,
            "https://d.example/"
        );
    }

    #[test]
    fn scans_scripts_but_not_json_ld() {
        let r = scan(
            r#"<script type="application/ld+json">{"@context":"https://schema.org"}</script><script>fetch('https://t.example/x'); // https://not.example
</script>"#,
        );
        assert_eq!(r.script_urls, vec!["https://t.example/x"]);
        let js = js_urls("const a = \"//cdn.example/x.js\", b = `https://c.example/${x}`, c = 'x.png'; /* 'https://no.example' */");
        let found: Vec<_> = js.into_iter().map(|(_, u)| u).collect();
        assert_eq!(found, vec!["//cdn.example/x.js", "https://c.example/${x}"]);
    }

    #[test]
    fn scanning_stays_linear() {
        let evil = "<a b ".repeat(200_000) + "x=\"";
        let started = std::time::Instant::now();
        let _ = scan(&evil);
        assert!(
            started.elapsed().as_secs() < 30,
            "took {:?}",
            started.elapsed()
        );
    }
}
