//! What a page, stylesheet or script loads and links to, read as a browser reads it.
//!
//! The other-host check and the link check stand on this scan: an address it misses is a
//! visit shared with another website, or a broken link nobody reports. So HTML is read by
//! html5gum's WHATWG tokenizer (entities, unquoted and odd attributes, raw-text elements, all as in
//! a browser) and addresses by the `url` crate (the WHATWG URL rules: `HTTPS:\\host`,
//! spaces, tabs and control characters, user names and ports).

use html5gum::{naive_next_state, Emitter, State, Tokenizer};
use std::collections::HashSet;
use std::convert::Infallible;

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

/// URLs that CSS loads: `url(…)` and `@import "…"`, with their byte offsets.
pub fn css_urls(css: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for pattern in ["url(", "@import"] {
        let mut pos = 0;
        while let Some(i) = find_ignore_case(&css[pos..], pattern) {
            let start = pos + i;
            pos = start + pattern.len();
            let after = css[pos..].trim_start();
            if pattern == "@import"
                && after
                    .get(..4)
                    .is_some_and(|s| s.eq_ignore_ascii_case("url("))
            {
                continue; // found as `url(` already
            }
            let url = match after.chars().next() {
                Some(q @ ('"' | '\'')) => after[1..].split(q).next().unwrap_or(""),
                _ if pattern == "url(" => after.split(')').next().unwrap_or("").trim_end(),
                _ => continue,
            };
            found.push((start, css_unescape(url.trim())));
        }
    }
    found.sort();
    found
}

/// A CSS string or URL with its backslash escapes resolved (`\68 ttps:` is `https:`).
fn css_unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if hex.is_empty() {
            out.extend(chars.next());
        } else {
            if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                chars.next();
            }
            out.push(
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}'),
            );
        }
    }
    out
}

/// Absolute addresses in JavaScript string literals (`"https://…"`, `'//host/x'`,
/// template literals), with their byte offsets: what a script could load from elsewhere.
pub fn js_urls(js: &str) -> Vec<(usize, String)> {
    let bytes = js.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Skip comments, so `// a note` is not read as an address.
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = js[i..].find('\n').map_or(bytes.len(), |n| i + n);
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = js[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2);
            continue;
        }
        if !matches!(b, b'"' | b'\'' | b'`') {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < bytes.len() && bytes[j] != b && !(b != b'`' && bytes[j] == b'\n') {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        let literal = js.get(start..j.min(bytes.len())).unwrap_or("");
        let text = literal.trim();
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("http:")
            || lower.starts_with("https:")
            || lower.starts_with("//")
            || lower.starts_with("\\/\\/")
        {
            found.push((start, text.replace("\\/", "/")));
        }
        i = j + 1;
    }
    found
}

/// The host of a URL that goes to another site (`https://`, `http://`, protocol-relative
/// `//`, `ws:`, `ftp:`), read as browsers read it; `None` for relative addresses and for
/// schemes without a host (`mailto:`, `tel:`, `data:`).
pub fn host(url: &str) -> Option<String> {
    // Most addresses on a page are relative (`../brief/index.html`): without a scheme and
    // not starting with a slash, they cannot name a host, and need no parsing.
    let start = url.trim_start_matches(|c: char| c <= ' ');
    if !start.starts_with(['/', '\\']) && !url.contains(['\t', '\n', '\r']) {
        let (scheme, _) = start.split_once(':')?;
        // `mailto:`, `tel:`, `data:`: a scheme that has no host.
        if !["http", "https", "ws", "wss", "ftp"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme))
        {
            return None;
        }
    }
    let parsed = match url::Url::parse(url) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let t = url.trim_matches(|c: char| c <= ' ');
            let t: String = t
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            if !(t.starts_with("//")
                || t.starts_with("\\\\")
                || t.starts_with("/\\")
                || t.starts_with("\\/"))
            {
                return None;
            }
            url::Url::parse(&format!("https:{t}")).ok()?
        }
        Err(_) => return None,
    };
    if !matches!(parsed.scheme(), "http" | "https" | "ws" | "wss" | "ftp") {
        return None;
    }
    parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .map(str::to_owned)
}

/// True for `mailto:x`, `tel:1`, `data:…`: a scheme before any `/`, `?` or `#`.
pub fn has_scheme(url: &str) -> bool {
    let first = url.split(['/', '?', '#']).next().unwrap_or("");
    first.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether a URL attribute makes the browser fetch something (rather than a link to click
/// or a form to send). `<base href>` counts: it moves every relative address of the page.
pub fn is_resource(tag: &str, attr: &str) -> bool {
    let link = attr == "href" && matches!(tag, "a" | "area");
    let form = matches!(attr, "action" | "formaction");
    !link && !form && attr != "cite" && attr != "longdesc"
}

/// The first position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
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
    fn hosts() {
        assert_eq!(
            host("https://fonts.example.com/x.css").as_deref(),
            Some("fonts.example.com")
        );
        assert_eq!(host("//cdn.example/x").as_deref(), Some("cdn.example"));
        assert_eq!(
            host(" HTTPS:\\\\evil.example\\x").as_deref(),
            Some("evil.example")
        );
        assert_eq!(host("\\\\evil.example/x").as_deref(), Some("evil.example"));
        assert_eq!(
            host("ht\ttps://evil.example/").as_deref(),
            Some("evil.example")
        );
        assert_eq!(
            host("https://user@EVIL.example:8080/").as_deref(),
            Some("evil.example")
        );
        assert_eq!(host("x.html"), None);
        assert_eq!(host("../a/b.png"), None);
        assert_eq!(host("mailto:a@b.nl"), None);
        assert_eq!(host("data:text/css,x"), None);
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
