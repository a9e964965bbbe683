//! SVG logos: nothing that runs or loads survives, the drawing does.

use super::builders::*;
use buddysite::render::images::{display_for, svg::sanitize_svg, ImageCache, ImageKind};

// ---------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------

/// A logo as it arrives from a careless or hostile source: every way an SVG runs script or
/// loads from elsewhere, plus an editor's metadata, around a real drawing.
fn hostile_svg(embedded_png: &[u8]) -> String {
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD.encode(embedded_png);
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://evil.example/x.css"?>
<!DOCTYPE svg [ <!ENTITY school "De Eik"> ]>
<!-- exported by Samira's phone -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:html="http://www.w3.org/1999/xhtml"
     width="200" height="80" viewBox="0 0 200 80" onload="alert(1)" inkscape:version="1.3">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">Kerkstraat 12</rdf:RDF></metadata>
  <title>Logo &school;</title>
  <style>@import url(https://evil.example/font.css);
    .a {{ fill: url(#g); }} .b {{ background: url("https://evil.example/track.png") }}</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#2d6a2e"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
  <script>alert(document.cookie)</script>
  <script type="text/ecmascript"><![CDATA[ fetch("https://evil.example/") ]]></script>
  <html:script>alert(2)</html:script>
  <rect class="a" width="200" height="80" onclick="alert(3)" ONMOUSEOVER="alert(4)"/>
  <circle cx="40" cy="40" r="30" fill="url(https://evil.example/p.svg#x)" style="stroke:#000;filter:url(http://evil.example/f)"/>
  <image href="https://evil.example/pixel.png" width="10" height="10"/>
  <image xlink:href="data:image/svg+xml;base64,PHN2Zy8+" width="10" height="10"/>
  <image href="data:image/png;base64,{png}" x="150" width="40" height="40"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#g"/>
  <foreignObject width="100" height="50"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(5)</script></body></foreignObject>
  <a xlink:href="javascript:alert(6)"><text x="10" y="70">&school;</text></a>
  <set attributeName="onmouseover" to="alert(7)"/>
  <animate attributeName="href" to="javascript:alert(8)"/>
</svg>
"##
    )
}

#[test]
fn svg_loses_scripts_handlers_foreign_objects_and_external_references_and_still_parses() {
    let embedded = noisy_png(&photo(40, 40));
    let input = hostile_svg(&embedded);
    roxmltree::Document::parse_with_options(
        &input,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the hostile input is valid XML");

    let cache = ImageCache::in_memory();
    let out = ok(
        "schools/de-eik/logo.svg",
        input.as_bytes(),
        display_for(ImageKind::Logo),
        &cache,
    );
    assert_eq!(out.variants.len(), 1);
    let v = &out.variants[0];
    assert_eq!((v.ext, v.width, v.height), ("svg", 200, 80));
    let text = std::str::from_utf8(&v.bytes).expect("UTF-8");
    // Without DTD support: the output needs none.
    let doc = roxmltree::Document::parse(text).expect("the output is valid XML without a DTD");

    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    for node in doc.descendants() {
        if node.is_pi() || node.is_comment() {
            panic!("a processing instruction or comment survived: {node:?}");
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        assert_eq!(
            node.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg"),
            "<{name}> outside the SVG namespace"
        );
        assert!(
            ![
                "script",
                "foreignObject",
                "a",
                "set",
                "animate",
                "metadata",
                "body"
            ]
            .contains(&name),
            "<{name}> survived"
        );
        for a in node.attributes() {
            assert!(
                !a.name().to_ascii_lowercase().starts_with("on"),
                "event handler {} survived on <{name}>",
                a.name()
            );
            assert!(
                a.namespace().is_none(),
                "namespaced attribute {a:?} survived"
            );
            if a.name() == "href" {
                let v = a.value();
                assert!(
                    v.starts_with('#') || v.starts_with("data:image/png;base64,"),
                    "reference {v} survived"
                );
            }
        }
    }
    for gone in [
        "evil.example",
        "javascript:",
        "alert",
        "@import",
        "Kerkstraat",
        "Samira",
        "inkscape",
        "ENTITY",
        "DOCTYPE",
    ] {
        assert!(!text.contains(gone), "{gone} survived in:\n{text}");
    }
    // The drawing itself is still there, entities expanded.
    let count = |n: &str| doc.descendants().filter(|d| d.has_tag_name(n)).count();
    assert_eq!(count("rect"), 1);
    assert_eq!(count("circle"), 1);
    assert_eq!(count("stop"), 2);
    assert_eq!(count("text"), 1, "the link's text stays, without the link");
    assert_eq!(count("use"), 1, "the same-document <use> stays");
    assert!(text.contains("url(#g)"), "same-document gradient kept");
    assert!(text.contains("stroke:#000"), "safe style kept");
    assert!(text.contains("<title>Logo De Eik</title>"));
    // The embedded PNG stays, re-encoded without its text and EXIF chunks.
    let images: Vec<_> = doc
        .descendants()
        .filter(|d| d.has_tag_name("image"))
        .collect();
    assert_eq!(images.len(), 1, "only the embedded PNG image stays");
    let href = images[0].attribute("href").unwrap();
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD
        .decode(href.trim_start_matches("data:image/png;base64,"))
        .unwrap();
    assert!(png_chunks(&png)
        .iter()
        .all(|c| c != "tEXt" && c != "iTXt" && c != "eXIf"));
    assert_no_secrets(&png, "the embedded PNG");
    // And the editor is told what went.
    assert!(
        out.removed.iter().any(|r| r.contains("<script>")),
        "{:?}",
        out.removed
    );
    assert!(
        out.removed.iter().any(|r| r.contains("onload")),
        "{:?}",
        out.removed
    );
    assert!(
        out.removed.iter().any(|r| r.contains("foreignObject")),
        "{:?}",
        out.removed
    );
}

#[test]
fn a_clean_svg_keeps_its_drawing() {
    let input = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z" fill="#2d6a2e" transform="rotate(45 5 5)"/></svg>"##;
    let cleaned = sanitize_svg("logo.svg", input.as_bytes()).expect("clean");
    assert_eq!(cleaned.svg.trim_end(), input);
    assert!(cleaned.removed.is_empty());
}

#[test]
fn svg_that_is_not_xml_is_refused_with_the_position() {
    let d = failure(
        "schools/de-eik/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\">\n</svg>",
    );
    assert_eq!(d.file, "schools/de-eik/logo.svg");
    assert!(d.message.contains("not valid XML"), "{}", d.message);
    assert_eq!(d.line, 3, "{d}");
    assert!(d.column > 0, "{d}");
    assert_eq!(d.snippet.as_deref(), Some("</svg>"), "{d}");
    let html = failure("schools/de-eik/logo.svg", b"<html><body>logo</body></html>");
    assert!(html.message.contains("<html>"), "{}", html.message);
    // An entity bomb is stopped by the parser, not expanded.
    let mut bomb = String::from("<!DOCTYPE svg [<!ENTITY a0 \"xxxxxxxxxx\">");
    for i in 1..10 {
        let prev = format!("&a{};", i - 1).repeat(10);
        bomb.push_str(&format!("<!ENTITY a{i} \"{prev}\">"));
    }
    bomb.push_str("]><svg xmlns=\"http://www.w3.org/2000/svg\"><title>&a9;</title></svg>");
    let d = failure("schools/de-eik/logo.svg", bomb.as_bytes());
    assert!(d.message.contains("not valid XML"), "{}", d.message);
}

// ---------------------------------------------------------------------------------------
// SVG: random documents from the pieces attacks are made of
// ---------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    const ELEMENTS: &[&str] = &[
        "g",
        "rect",
        "script",
        "SCRIPT",
        "svg:script",
        "html:script",
        "foreignObject",
        "a",
        "use",
        "image",
        "feImage",
        "style",
        "set",
        "animate",
        "title",
        "text",
        "iframe",
        "svg:g",
        "handler",
    ];
    const ATTRIBUTES: &[&str] = &[
        "onload",
        "OnClick",
        "onbegin",
        "href",
        "xlink:href",
        "src",
        "style",
        "fill",
        "filter",
        "transform",
        "id",
        "xml:base",
        "attributeName",
        "to",
        "cursor",
    ];
    const VALUES: &[&str] = &[
        "#a",
        "https://x.example/t.png",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
        "url(https://x.example/a)",
        "u\\72l(//x.example/b)",
        "url(#g)",
        "rotate(4)",
        "a &amp; b",
        "image-set('//x.example/c' 1x)",
        "fill:url( 'https://x.example/d' )",
    ];
    const TEXTS: &[&str] = &[
        "plain",
        "@import url(https://x.example/e.css);",
        ".a{fill:url(https://x.example/f)}",
        "@IMPORT 'g.css';",
        "<![CDATA[ @import '//x.example/h'; ]]>",
    ];

    fn element(depth: u32) -> BoxedStrategy<String> {
        let attrs = proptest::collection::vec((0..ATTRIBUTES.len(), 0..VALUES.len()), 0..4);
        let leaf = (0..ELEMENTS.len(), attrs.clone(), 0..TEXTS.len()).prop_map(|(e, a, t)| {
            open(ELEMENTS[e], &a) + TEXTS[t] + &format!("</{}>", ELEMENTS[e])
        });
        if depth == 0 {
            return leaf.boxed();
        }
        let inner = proptest::collection::vec(element(depth - 1), 0..4);
        prop_oneof![
            leaf,
            (0..ELEMENTS.len(), attrs, inner).prop_map(|(e, a, children)| {
                open(ELEMENTS[e], &a) + &children.concat() + &format!("</{}>", ELEMENTS[e])
            })
        ]
        .boxed()
    }

    fn open(name: &str, attrs: &[(usize, usize)]) -> String {
        let mut seen = std::collections::HashSet::new();
        let mut s = format!("<{name}");
        for &(a, v) in attrs {
            if seen.insert(a) {
                s.push_str(&format!(" {}=\"{}\"", ATTRIBUTES[a], VALUES[v]));
            }
        }
        s.push('>');
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn nothing_that_runs_or_loads_survives(body in proptest::collection::vec(element(3), 1..4)) {
            let input = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:svg=\"http://www.w3.org/2000/svg\" \
                 xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
                 xmlns:html=\"http://www.w3.org/1999/xhtml\">{}</svg>",
                body.concat()
            );
            prop_assume!(roxmltree::Document::parse(&input).is_ok());
            let cleaned = sanitize_svg("logo.svg", input.as_bytes())
                .map_err(|d| TestCaseError::fail(d.to_string()))?;
            let doc = roxmltree::Document::parse(&cleaned.svg)
                .map_err(|e| TestCaseError::fail(format!("output not XML: {e}\n{}", cleaned.svg)))?;
            for node in doc.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                prop_assert_eq!(node.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
                prop_assert!(
                    !["script", "SCRIPT", "foreignObject", "a", "set", "animate", "iframe", "handler"]
                        .contains(&name),
                    "<{}> survived", name
                );
                for a in node.attributes() {
                    prop_assert!(!a.name().to_ascii_lowercase().starts_with("on"), "{:?}", a);
                    prop_assert!(a.namespace().is_none(), "{:?}", a);
                    prop_assert!(a.name() != "attributeName" && a.name() != "to", "{:?}", a);
                    if a.name() == "href" || a.name() == "src" {
                        prop_assert!(a.value().starts_with('#'), "{:?}", a);
                    }
                }
            }
            // Text is only text (a <title> may say anything), and `id="https://…"` is just a
            // name; what loads is an `href` (checked above) or CSS, in an attribute or a
            // style sheet.
            let mut active: Vec<&str> = doc
                .descendants()
                .flat_map(|n| n.attributes().map(|a| a.value()))
                .collect();
            active.extend(
                doc.descendants()
                    .filter(|n| n.has_tag_name("style"))
                    .filter_map(|n| n.text()),
            );
            for text in active {
                for gone in ["url(http", "url( 'http", "url(//", "u\\72l(", "image-set(", "@import", "@IMPORT"] {
                    prop_assert!(!text.contains(gone), "{} survived in\n{}", gone, cleaned.svg);
                }
            }
        }
    }
}
