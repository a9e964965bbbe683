//! Raw HTML in Markdown, reduced to harmless markup.
//!
//! Editors paste from Word and the web. By default, raw HTML keeps only a short list of
//! formatting tags and attributes: scripts, styles, iframes, forms, event handlers and
//! `javascript:` URLs never reach a parent's browser. pulldown-cmark hands raw HTML over one
//! fragment at a time, so this works tag by tag on a fragment.

/// Tags kept (with their content); every other tag is dropped, its text kept.
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
];

/// Tags dropped together with everything up to their closing tag.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
    "textarea", "select", "title",
];

/// Attributes kept on any allowed tag.
const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "title", "dir", "class", "id"];

fn allowed_attribute(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attr)
        || matches!(
            (tag, attr),
            ("a", "href" | "hreflang")
                | ("img", "src" | "alt" | "width" | "height")
                | ("td" | "th", "colspan" | "rowspan" | "scope")
                | ("ol", "start")
                | ("details", "open")
        )
}

/// The result of cleaning one fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The harmless HTML.
    pub html: String,
    /// Whether anything was removed.
    pub changed: bool,
}

/// Cleans one fragment of raw HTML.
pub fn clean(fragment: &str) -> Cleaned {
    let mut html = String::with_capacity(fragment.len());
    let mut changed = false;
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        html.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            changed = true;
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let tag = match parse_tag(rest) {
            Ok(tag) => tag,
            Err(NotATag::Text) => {
                html.push_str("&lt;");
                rest = &rest[1..];
                continue;
            }
            Err(NotATag::Unterminated) => {
                // A tag that runs to the end of the fragment: a browser would swallow it.
                // Show it as text instead; nothing after it can be a tag then.
                changed = true;
                html.push_str(&escape_text(rest));
                rest = "";
                break;
            }
        };
        rest = &rest[tag.len..];
        if DROPPED_WITH_CONTENT.contains(&tag.name.as_str()) {
            changed = true;
            if !tag.closing {
                let close = format!("</{}", tag.name);
                rest = match find_ignore_case(rest, &close) {
                    Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                    None => "",
                };
            }
            continue;
        }
        if !ALLOWED_TAGS.contains(&tag.name.as_str()) {
            changed = true;
            continue;
        }
        if tag.closing {
            html.push_str(&format!("</{}>", tag.name));
            continue;
        }
        html.push('<');
        html.push_str(&tag.name);
        for (name, value) in &tag.attributes {
            let url_attr = matches!(name.as_str(), "href" | "src");
            if !allowed_attribute(&tag.name, name) || (url_attr && !safe_url(value)) {
                changed = true;
                continue;
            }
            html.push(' ');
            html.push_str(name);
            html.push_str("=\"");
            html.push_str(&escape_attribute(value));
            html.push('"');
        }
        if tag.self_closing {
            html.push_str(" /");
        }
        html.push('>');
    }
    html.push_str(rest);
    Cleaned { html, changed }
}

/// Byte offsets (in `fragment`) of `<img>` tags that have no `alt` attribute at all. An
/// empty `alt=""` is a deliberate choice (a decorative image) and is not reported.
pub fn images_without_alt(fragment: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(lt) = fragment[pos..].find('<') {
        let start = pos + lt;
        match parse_tag(&fragment[start..]) {
            Ok(tag) => {
                if tag.name == "img"
                    && !tag.closing
                    && !tag.attributes.iter().any(|(k, _)| k == "alt")
                {
                    found.push(start);
                }
                pos = start + tag.len;
            }
            Err(NotATag::Text) => pos = start + 1,
            Err(NotATag::Unterminated) => break,
        }
    }
    found
}

/// The first position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case, without
/// copying `hay`.
pub(crate) fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let mut i = 0;
    while i + n.len() <= h.len() {
        let at = h[i..]
            .iter()
            .position(|b| b.to_ascii_lowercase() == first)?;
        i += at;
        if i + n.len() <= h.len() && h[i..i + n.len()].eq_ignore_ascii_case(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(crate) struct RawTag {
    pub(crate) name: String,
    pub(crate) closing: bool,
    pub(crate) self_closing: bool,
    pub(crate) attributes: Vec<(String, String)>,
    pub(crate) len: usize,
}

/// Why the text at a `<` is not a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotATag {
    /// `<` followed by something that cannot start a tag (`a < b`): plain text.
    Text,
    /// A tag that is never closed before the end of the text (no `>`, or an open quote).
    /// Every later `<` is inside it, so scanners stop here: that keeps them linear.
    Unterminated,
}

/// Parses the tag at the start of `s` (which starts with `<`).
pub(crate) fn parse_tag(s: &str) -> Result<RawTag, NotATag> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return Err(NotATag::Text);
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i).ok_or(NotATag::Unterminated)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let attr = s[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i).ok_or(NotATag::Unterminated)? {
                q @ (b'"' | b'\'') => {
                    let end = s[i + 1..].find(*q as char).ok_or(NotATag::Unterminated)? + i + 1;
                    value = s[i + 1..end].to_owned();
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = s[start..i].to_owned();
                }
            }
        }
        if attr.is_empty() {
            if i == attr_start {
                i += 1; // a stray `=` or the like: step over it
            }
            continue;
        }
        attributes.push((attr, decode_entities(&value)));
    }
    Ok(RawTag {
        name,
        closing,
        self_closing,
        attributes,
        len: i,
    })
}

/// Decodes the numeric and basic named entities that could hide a `javascript:` URL.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "colon" => Some(':'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Relative URLs, `#anchors`, and http(s), mailto and tel links are safe.
pub fn safe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match compact.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &compact[..colon];
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
    }
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_and_handlers() {
        let c = clean(r#"<p onclick="x()">a<script>alert(1)</script>b</p>"#);
        assert_eq!(c.html, "<p>ab</p>");
        assert!(c.changed);
    }

    #[test]
    fn removes_javascript_urls_even_encoded() {
        let c = clean(r#"<a href="jav&#x61;script:alert(1)">x</a>"#);
        assert_eq!(c.html, "<a>x</a>");
        let c = clean(r#"<a href=" JavaScript:alert(1)">x</a>"#);
        assert_eq!(c.html, "<a>x</a>");
    }

    #[test]
    fn an_unterminated_tag_becomes_text() {
        let c = clean("<b>ok</b><img src=\"x onerror=alert(1) <i>");
        assert_eq!(
            c.html,
            "<b>ok</b>&lt;img src=\"x onerror=alert(1) &lt;i&gt;"
        );
        assert_eq!(clean(&c.html).html, c.html);
    }

    #[test]
    fn finds_images_without_alt() {
        assert_eq!(
            images_without_alt("<p><img src=a.png></p><img src=b alt=\"\">"),
            vec![3]
        );
    }

    #[test]
    fn removes_iframes() {
        assert_eq!(clean("<iframe src=\"https://x\"></iframe>ok").html, "ok");
    }

    #[test]
    fn keeps_harmless_markup() {
        let c = clean(r#"<span lang="tr">Merhaba</span>"#);
        assert_eq!(c.html, r#"<span lang="tr">Merhaba</span>"#);
        assert!(!c.changed);
    }
}
