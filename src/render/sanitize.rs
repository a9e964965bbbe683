//! Raw HTML in Markdown, reduced to harmless markup by `ammonia`, and the one URL policy for
//! everything content links to.
//!
//! Editors paste from Word and the web. By default, raw HTML keeps only a short list of
//! formatting tags and attributes: scripts, styles, iframes, forms, event handlers and
//! script URLs never reach a parent's browser. A hand-written cleaner cannot keep up with
//! what browsers accept, so the cleaning is done by ammonia (html5ever's parser, the same
//! rules as a browser); this module only holds buddysite's policy and names what was removed,
//! so the editor gets a warning that says what to change.

use crate::messages::Text;
use crate::text;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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

/// Tags dropped together with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "applet",
];

/// Attributes kept on any allowed tag.
const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "title", "dir", "class", "id"];

/// Attributes kept on one tag.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("ol", &["start"]),
    ("details", &["open"]),
];

/// URL schemes content may use. Everything else (`javascript:`, `vbscript:`, `data:`,
/// `file:`, …) is removed; relative addresses are kept.
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Put before every `id` written in raw HTML, so content can never take an id the theme
/// uses (`main`, the buddy filter's form) and break its links or scripts.
pub const ID_PREFIX: &str = "inhoud-";

fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        let tag_attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
            .iter()
            .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
            .collect();
        b.tags(ALLOWED_TAGS.iter().copied().collect())
            .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
            .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .strip_comments(true)
            .id_prefix(Some(ID_PREFIX));
        b
    })
}

fn allowed_attribute(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attr)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// Why a URL written in content may not be used, or `None` when it may: relative
/// addresses, `http(s):`, `mailto:` and `tel:`. The URL is read as browsers read it (the
/// WHATWG URL rules of the `url` crate: spaces and control characters around it, tabs and
/// newlines inside the scheme, any case), so `java&#9;script:` does not slip through.
pub fn url_problem(url: &str) -> Option<Text> {
    match url::Url::parse(url) {
        Ok(parsed) if URL_SCHEMES.contains(&parsed.scheme()) => None,
        Ok(parsed) => Some(text!(URL_SCHEME_NOT_ALLOWED, scheme = parsed.scheme())),
        Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(e) => Some(text!(URL_UNREADABLE, error = e.to_string())),
    }
}

/// The result of cleaning one block of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The harmless HTML.
    pub html: String,
    /// Whether anything other than comments was removed.
    pub changed: bool,
    /// What was removed, for the editor (`the <script> element`, `the onclick attribute`).
    pub removed: Vec<Text>,
}

/// Cleans one block of raw HTML: a whole HTML block of the Markdown, or a paragraph's
/// inline content, never a fragment of a tag.
pub fn clean(block: &str) -> Cleaned {
    let html = builder().clean(block).to_string();
    let removed = removals(block);
    Cleaned {
        html,
        changed: !removed.is_empty(),
        removed,
    }
}

/// What [`clean`] removes from `block`, each thing once, in order.
fn removals(block: &str) -> Vec<Text> {
    let mut removed: Vec<Text> = Vec::new();
    let mut push = |what: Text| {
        if !removed.contains(&what) {
            removed.push(what);
        }
    };
    // Inside an element dropped with its content, nothing else needs naming.
    let mut dropped: Option<(String, usize)> = None;
    tokenize(block, |token, _| {
        let Token::TagToken(tag) = token else {
            return;
        };
        let name = &*tag.name;
        if let Some((outer, depth)) = dropped.as_mut() {
            if name == outer.as_str() {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => *depth += 1,
                    TagKind::EndTag => *depth -= 1,
                    _ => {}
                }
            }
            if *depth == 0 {
                dropped = None;
            }
            return;
        }
        if tag.kind == TagKind::EndTag {
            return;
        }
        if DROPPED_WITH_CONTENT.contains(&name) {
            push(text!(SANITIZE_ELEMENT_WITH_CONTENT, name = name));
            if !tag.self_closing && !matches!(name, "plaintext") {
                dropped = Some((name.to_owned(), 1));
            }
            return;
        }
        if !ALLOWED_TAGS.contains(&name) {
            push(text!(SANITIZE_TAG, name = name));
            return;
        }
        for attr in &tag.attrs {
            let attr_name = &*attr.name.local;
            if !allowed_attribute(name, attr_name) {
                push(text!(SANITIZE_ATTRIBUTE, name = attr_name));
            } else if matches!(attr_name, "href" | "src") {
                if let Some(why) = url_problem(&attr.value) {
                    push(text!(SANITIZE_ADDRESS_IN, why = why, name = attr_name));
                }
            }
        }
    });
    removed
}

/// Byte offsets (of the start of their line) of `<img>` tags in `html` without an `alt`
/// attribute.
pub fn images_without_alt(html: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    tokenize(html, |token, line| {
        if let Token::TagToken(tag) = token {
            if tag.kind == TagKind::StartTag
                && &*tag.name == "img"
                && !tag.attrs.iter().any(|a| &*a.name.local == "alt")
            {
                lines.push(line);
            }
        }
    });
    let starts: Vec<usize> = std::iter::once(0)
        .chain(html.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    lines
        .into_iter()
        .map(|line| starts.get(line.saturating_sub(1)).copied().unwrap_or(0))
        .collect()
}

/// Runs html5ever's tokenizer over `html`, calling `f` with every token and its 1-based
/// line. The contents of `<script>`, `<style>` and the other raw-text elements come as
/// text, as a browser reads them, never as tags.
fn tokenize(html: &str, f: impl FnMut(&Token, usize)) {
    let sink = Sink(RefCell::new(f));
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
}

struct Sink<F>(RefCell<F>);

impl<F: FnMut(&Token, usize)> TokenSink for Sink<F> {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line_number).unwrap_or(usize::MAX);
        (self.0.borrow_mut())(&token, line);
        match &token {
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                self_closing: false,
                ..
            }) => match &**name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                "plaintext" => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            },
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_go() {
        let c = clean("<p onclick=\"x()\">a<script>\nalert(1)\n</script>b</p>");
        assert_eq!(c.html, "<p>ab</p>");
        assert_eq!(
            c.removed,
            vec![
                "the `onclick` attribute".to_owned(),
                "the `<script>` element with its content".to_owned()
            ]
        );
    }

    #[test]
    fn comments_go_silently() {
        let c = clean("<!--\nnote\n-->");
        assert_eq!(c.html, "");
        assert!(!c.changed);
    }

    #[test]
    fn urls_follow_one_policy() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:x",
            "vbscript:x",
            "data:text/html,x",
            "data:image/png;base64,AAAA",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?}");
        }
        for good in [
            "x.png",
            "../brief/index.html#a",
            "#top",
            "https://example.org/",
            "mailto:a@b.nl",
            "tel:+31100000000",
            "//example.org/x",
        ] {
            assert_eq!(url_problem(good), None, "{good:?}");
        }
        let c = clean("<a href=\"java&#x09;script:alert(1)\">x</a>");
        assert_eq!(c.html, "<a>x</a>");
        assert!(c.removed[0].contains("javascript"), "{:?}", c.removed);
    }

    #[test]
    fn ids_get_the_prefix_once() {
        let c = clean("<span id=\"main\">x</span>");
        assert_eq!(c.html, "<span id=\"inhoud-main\">x</span>");
        assert_eq!(clean(&c.html).html, c.html);
    }

    #[test]
    fn images_without_alt_by_line() {
        assert_eq!(
            images_without_alt("<p>\n<img src=a.png>\n<img src=b alt=\"\"></p>"),
            vec![4]
        );
    }

    #[test]
    fn cleaning_stays_linear() {
        // Quadratic work on a megabyte would take hours; linear work takes seconds even in
        // a debug build on a busy machine.
        let evil = "<a b ".repeat(200_000) + "x=\"";
        let started = std::time::Instant::now();
        let _ = clean(&evil);
        assert!(
            started.elapsed().as_secs() < 60,
            "took {:?}",
            started.elapsed()
        );
    }
}
