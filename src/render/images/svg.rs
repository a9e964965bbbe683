//! SVG logos, written again from an allow-list so that nothing in them runs or loads.
//!
//! An SVG is a document, not a picture: opened on its own it runs `<script>`, `onload=` and
//! the like, loads images, fonts and style sheets from other hosts, and can hold a whole HTML
//! page in a `<foreignObject>`. Drawing programs also leave their own data in it (Inkscape's
//! and Illustrator's namespaces, `<metadata>` with the author's name).
//!
//! The file is parsed with `roxmltree`, a real XML parser (a file that is not well-formed XML
//! is refused with the line and column of the first problem), and a new document is written
//! from the tree: only the SVG elements of static graphics, with their attributes, minus
//! event handlers; references (`href`, CSS `url()`) only to `#fragments` of the same drawing;
//! embedded images only as PNG, JPEG or WebP `data:` addresses, themselves re-encoded so
//! their metadata goes too. Comments, processing instructions (`<?xml-stylesheet?>`), the
//! DOCTYPE and its entities (expanded by the parser, with its limits against entity bombs)
//! are not written.

use super::css;
use super::{Failure, Processed, Variant};
use crate::messages::Text;
use crate::text;
use base64::Engine as _;
use roxmltree::{Document, Node, NodeType, ParsingOptions};
use std::fmt::Write as _;
use std::sync::Arc;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Most XML nodes in one drawing: a detailed logo has a few thousand.
const NODES_LIMIT: u32 = 200_000;
/// Deepest nesting of elements written: drawing programs rarely go past 20, and the writer
/// recurses, so a hostile file of 100 000 nested groups must stop long before the stack ends.
const MAX_DEPTH: usize = 100;

/// The SVG elements of static graphics that a logo may contain; everything else (scripts,
/// `foreignObject`, animation, links, unknown elements) is left out with its content.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "switch",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "image",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "filter",
    "style",
    "view",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

/// Elements left out silently: editors' data, not something the drawing shows.
const QUIET: &[&str] = &["metadata"];

/// Attributes that only animation elements use: they mean nothing on the elements kept, and
/// would come back to life if one of those ever were.
const ANIMATION_ATTRIBUTES: &[&str] = &[
    "attributeName",
    "attributeType",
    "from",
    "to",
    "by",
    "begin",
    "end",
    "dur",
    "repeatCount",
    "repeatDur",
    "restart",
    "calcMode",
    "keyTimes",
    "keySplines",
    "keyPoints",
    "additive",
    "accumulate",
];

/// Parses and rewrites an SVG file; the result has one variant.
pub(super) fn sanitize(bytes: &[u8]) -> Result<Processed, Failure> {
    let out = clean(bytes)?;
    let (width, height) = (out.width, out.height);
    Ok(Processed {
        variants: vec![Variant {
            width,
            height,
            bytes: Arc::from(out.svg.into_bytes()),
            ext: "svg",
        }],
        width,
        height,
        removed: out.removed,
    })
}

/// A rewritten drawing.
#[derive(Debug)]
pub struct Cleaned {
    /// The new SVG document.
    pub svg: String,
    /// Intrinsic width in CSS pixels (from `width`, else the `viewBox`; 300 when neither says).
    pub width: u32,
    /// Intrinsic height in CSS pixels (from `height`, else the `viewBox`; 150 when neither).
    pub height: u32,
    /// What was removed, one plain sentence each, without repeats.
    pub removed: Vec<Text>,
}

/// Rewrites an SVG from its bytes, or says why it cannot be published. Public so that other
/// stages (a theme's own SVG, a check) can use exactly the same rules.
pub fn sanitize_svg(origin: &str, bytes: &[u8]) -> Result<Cleaned, crate::diagnostics::Diagnostic> {
    clean(bytes).map_err(|f| f.into_diagnostic(origin))
}

/// True when the bytes look like an SVG document (for the message about a misnamed file).
pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    String::from_utf8_lossy(head).contains("<svg")
}

fn clean(bytes: &[u8]) -> Result<Cleaned, Failure> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Failure::new(text!(SVG_NOT_UTF8), text!(SVG_NOT_UTF8_HELP)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        Failure::new(
            text!(SVG_NOT_XML, error = xml_error(&e)),
            text!(SVG_NOT_XML_HELP),
        )
        .at(text, pos.row as usize, pos.col as usize)
    })?;
    let root = doc.root_element();
    let bare = root.tag_name().namespace().is_none();
    if root.tag_name().name() != "svg" || !(bare || root.tag_name().namespace() == Some(SVG_NS)) {
        return Err(Failure::new(
            text!(SVG_NOT_SVG, root = root.tag_name().name()),
            text!(SVG_NOT_SVG_HELP),
        ));
    }
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        removed: Vec::new(),
        bare,
        depth: 0,
        too_deep: false,
    };
    w.element(root, true);
    if w.too_deep {
        return Err(Failure::new(
            text!(SVG_TOO_DEEP, max = MAX_DEPTH),
            text!(SVG_TOO_DEEP_HELP),
        ));
    }
    w.out.push('\n');
    let (width, height) = intrinsic_size(root);
    Ok(Cleaned {
        svg: w.out,
        width,
        height,
        removed: w.removed,
    })
}

struct Writer {
    out: String,
    removed: Vec<Text>,
    /// The drawing has no namespace declaration: its unprefixed elements count as SVG (the
    /// output declares it, so the file now also shows when opened on its own).
    bare: bool,
    /// How deep the element being written is.
    depth: usize,
    /// Set when [`MAX_DEPTH`] was passed: the whole file is refused.
    too_deep: bool,
}

impl Writer {
    fn note(&mut self, what: Text) {
        if !self.removed.contains(&what) {
            self.removed.push(what);
        }
    }

    fn is_svg(&self, node: Node) -> bool {
        match node.tag_name().namespace() {
            Some(ns) => ns == SVG_NS,
            None => self.bare,
        }
    }

    fn element(&mut self, node: Node, root: bool) {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        self.element_inner(node, root);
        self.depth -= 1;
    }

    fn element_inner(&mut self, node: Node, root: bool) {
        let name = node.tag_name().name();
        if !self.is_svg(node) {
            // Inkscape's, Illustrator's, RDF: the editor's data, or XHTML: never published.
            if node.tag_name().namespace() == Some("http://www.w3.org/1999/xhtml") {
                self.note(text!(SVG_REMOVED_HTML, name = name));
            }
            return;
        }
        if name == "a" {
            // A link in a logo goes nowhere a parent needs; its drawing stays.
            self.note(text!(SVG_REMOVED_LINK));
            self.children(node);
            return;
        }
        if !ELEMENTS.contains(&name) {
            if !QUIET.contains(&name) {
                self.note(match name {
                    "script" => text!(SVG_REMOVED_SCRIPT, name = name),
                    "foreignObject" => text!(SVG_REMOVED_FOREIGN, name = name),
                    "animate" | "set" | "animateMotion" | "animateTransform" | "animateColor" => {
                        text!(SVG_REMOVED_ANIMATION, name = name)
                    }
                    _ => text!(SVG_REMOVED_ELEMENT, name = name),
                });
            }
            return;
        }
        let mut attrs = String::new();
        if root {
            attrs.push_str(" xmlns=\"");
            attrs.push_str(SVG_NS);
            attrs.push('"');
        }
        let mut refused = false;
        for a in node.attributes() {
            let (ns, local, value) = (a.namespace(), a.name(), a.value());
            let shown = match ns {
                None => local.to_owned(),
                Some(XLINK_NS) if local == "href" => "href".to_owned(),
                Some(XML_NS) if local == "space" || local == "lang" => format!("xml:{local}"),
                Some(_) => continue,
            };
            if ns.is_none() && ANIMATION_ATTRIBUTES.contains(&local) {
                continue;
            }
            let handler =
                local.len() > 2 && local.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"));
            if handler {
                self.note(text!(SVG_REMOVED_HANDLER, name = local));
                continue;
            }
            let kept = match (ns, local) {
                (_, "href") | (None, "src") => {
                    let kept = self.reference(name, value);
                    refused |= kept.is_none();
                    kept
                }
                (None, "style") => self.style_attr(value),
                (None, _) if value.contains('(') || value.contains('\\') => {
                    let cuts = css::scan(value);
                    if cuts.is_clean() {
                        Some(value.to_owned())
                    } else {
                        for n in cuts.notes {
                            self.note(n);
                        }
                        None
                    }
                }
                _ => Some(value.to_owned()),
            };
            if let Some(v) = kept {
                if shown == "href" && attrs.contains(" href=\"") {
                    continue; // `href` and `xlink:href` both: keep the first.
                }
                let _ = write!(attrs, " {shown}=\"{}\"", escape(&v, true));
            }
        }
        if refused && matches!(name, "image" | "feImage" | "use" | "textPath") {
            // Without its reference the element shows nothing: leave it out altogether.
            return;
        }
        let _ = write!(self.out, "<{name}{attrs}");
        if name == "style" {
            let css: String = node
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect();
            let cuts = css::scan(&css);
            let css = cuts.apply(&css);
            for n in cuts.notes {
                self.note(n);
            }
            let _ = write!(self.out, ">{}</style>", escape(&css, false));
            return;
        }
        if node.has_children() {
            self.out.push('>');
            self.children(node);
            let _ = write!(self.out, "</{name}>");
        } else {
            self.out.push_str("/>");
        }
    }

    fn children(&mut self, node: Node) {
        for child in node.children() {
            match child.node_type() {
                NodeType::Element => self.element(child, false),
                NodeType::Text => {
                    let text = child.text().unwrap_or("");
                    self.out.push_str(&escape(text, false));
                }
                // Comments and processing instructions are never written.
                _ => {}
            }
        }
    }

    /// An `href`: a `#fragment` of this drawing, or, for an image, an embedded PNG, JPEG or
    /// WebP (re-encoded without metadata).
    fn reference(&mut self, element: &str, value: &str) -> Option<String> {
        if css::is_fragment(value) {
            return Some(value.trim().to_owned());
        }
        if matches!(element, "image" | "feImage") {
            if let Some(uri) = self.embedded_image(value) {
                return Some(uri);
            }
            return None;
        }
        self.note(text!(
            SVG_REMOVED_REFERENCE,
            url = css::shorten(value),
            element = element
        ));
        None
    }

    fn embedded_image(&mut self, value: &str) -> Option<String> {
        let refuse = |w: &mut Writer, why: Text| {
            w.note(text!(SVG_REMOVED_IMAGE, why = why));
            None
        };
        let Some(rest) = strip_prefix_ignore_case(value.trim(), "data:") else {
            return refuse(
                self,
                text!(SVG_IMAGE_LOADED_FROM, url = css::shorten(value)),
            );
        };
        let Some((head, data)) = rest.split_once(',') else {
            return refuse(self, text!(SVG_IMAGE_BROKEN_DATA));
        };
        let head = head.to_ascii_lowercase();
        let mut parts = head.split(';').map(str::trim);
        let format = match parts.next() {
            Some("image/png") => image::ImageFormat::Png,
            Some("image/jpeg" | "image/jpg") => image::ImageFormat::Jpeg,
            Some("image/webp") => image::ImageFormat::WebP,
            Some(other) => return refuse(self, text!(SVG_IMAGE_OF_TYPE, kind = other)),
            None => return refuse(self, text!(SVG_IMAGE_NO_TYPE)),
        };
        if !parts.any(|p| p == "base64") {
            return refuse(self, text!(SVG_IMAGE_NOT_BASE64));
        }
        let compact: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(compact) else {
            return refuse(self, text!(SVG_IMAGE_DAMAGED_BASE64));
        };
        match super::raster::strip(format, &raw) {
            Ok((mime, bytes)) => Some(format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            )),
            Err(_) => refuse(self, text!(SVG_IMAGE_UNREADABLE)),
        }
    }

    fn style_attr(&mut self, value: &str) -> Option<String> {
        let cuts = css::scan(value);
        let css = cuts.apply(value);
        for n in cuts.notes {
            self.note(n);
        }
        (!css.trim().is_empty()).then_some(css)
    }
}

/// The parser's message without its own "at 3:5" (the diagnostic shows the position).
fn xml_error(e: &roxmltree::Error) -> String {
    let shown = e.to_string();
    match shown.rsplit_once(" at ") {
        Some((head, tail)) if tail.chars().all(|c| c.is_ascii_digit() || c == ':') => head.into(),
        _ => shown,
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// XML-escapes text (and, in attributes, quotes and line breaks, so they survive reparsing).
fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// The size the drawing asks for, in CSS pixels: `width`/`height` in px (or without unit),
/// else the `viewBox`, else the browsers' default of 300 × 150.
fn intrinsic_size(root: Node) -> (u32, u32) {
    let length = |name: &str| {
        let v = root.attribute(name)?.trim();
        let v = v.strip_suffix("px").unwrap_or(v).trim();
        v.parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0)
    };
    let view_box: Option<(f64, f64)> = root.attribute("viewBox").and_then(|v| {
        let n: Vec<f64> = v
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        match n[..] {
            [_, _, w, h] if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() => Some((w, h)),
            _ => None,
        }
    });
    let (w, h) = match (length("width"), length("height"), view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(vb)) => vb,
        _ => (300.0, 150.0),
    };
    let px = |n: f64| n.round().clamp(1.0, 100_000.0) as u32;
    (px(w), px(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(svg: &str) -> Cleaned {
        match clean(svg.as_bytes()) {
            Ok(c) => c,
            Err(f) => panic!("{f:?}"),
        }
    }

    #[test]
    fn size_comes_from_attributes_or_view_box() {
        let c = cleaned(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"/>"#);
        assert_eq!((c.width, c.height), (200, 100));
        let c = cleaned(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="50px" viewBox="0 0 200 100"/>"#,
        );
        assert_eq!((c.width, c.height), (50, 25));
    }

    #[test]
    fn external_entities_are_never_read() {
        let svg = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\
                   <svg xmlns=\"http://www.w3.org/2000/svg\"><title>&x;</title></svg>";
        match clean(svg.as_bytes()) {
            Ok(c) => assert_eq!(
                c.svg,
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><title/></svg>\n"
            ),
            Err(f) => assert!(f.message.contains("not valid XML"), "{f:?}"),
        }
    }

    #[test]
    fn markup_from_an_entity_is_sanitized_like_any_other() {
        let c = cleaned(
            "<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script><g onload='alert(2)'/>\">]>\
             <svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
        );
        assert_eq!(
            c.svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>\n"
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let n = 50_000;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}{}</svg>",
            "<g>".repeat(n),
            "</g>".repeat(n)
        );
        let handle = std::thread::Builder::new()
            .stack_size(512 * 1024) // a quarter of what a rayon thread gets
            .spawn(move || clean(svg.as_bytes()).map(|_| ()))
            .expect("thread");
        let result = handle.join().expect("no stack overflow");
        let f = result.expect_err("refused");
        assert!(f.message.contains("nests elements"), "{f:?}");
    }

    #[test]
    fn non_ascii_attribute_names_are_fine() {
        let c = cleaned(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" 中文=\"1\" é=\"2\" oN=\"x\" onX=\"y\"/>",
        );
        assert_eq!(
            c.svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" 中文=\"1\" é=\"2\" oN=\"x\"/>\n"
        );
    }

    #[test]
    fn bare_svg_gets_its_namespace() {
        let c = cleaned(r#"<svg><rect width="1" height="1"/></svg>"#);
        assert!(c
            .svg
            .starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg"><rect"#));
    }

    #[test]
    fn entities_are_expanded_and_the_doctype_is_gone() {
        let c = cleaned(
            "<!DOCTYPE svg [<!ENTITY ns \"http://www.w3.org/2000/svg\"><!ENTITY t \"Logo\">]>\
             <svg xmlns=\"&ns;\"><title>&t; &amp; co</title></svg>",
        );
        assert_eq!(
            c.svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Logo &amp; co</title></svg>\n"
        );
    }
}
