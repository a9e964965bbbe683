//! Any text through the Markdown pipeline: placeholders and template conversion, Markdown
//! rendering with sanitized and with trusted raw HTML, and the checks' HTML and CSS scanners.
//! Nothing may panic; sanitizing must be stable (cleaning clean HTML changes nothing) and
//! must never leave a `<script` tag.
#![no_main]

use buddysite::markdown::{self, RawHtml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = buddysite::placeholders::find(text);
    let _ = buddysite::placeholders::to_template(text);
    let _ = buddysite::templates::escape_markdown(text);
    for raw in [RawHtml::Sanitize, RawHtml::Allow] {
        for rel in ["index.md", "buddys/x.md", "vragen/x.md"] {
            let r = markdown::render(text, rel, "x/index.html", raw);
            let refs = buddysite::check::scan(&r.html);
            for (_, _, url) in &refs.urls {
                let _ = buddysite::check::host(url);
            }
            if raw == RawHtml::Sanitize {
                assert!(
                    !r.html.to_ascii_lowercase().contains("<script"),
                    "{:?} -> {:?}",
                    text,
                    r.html
                );
            }
        }
    }
    let cleaned = buddysite::sanitize::clean(text);
    assert_eq!(buddysite::sanitize::clean(&cleaned.html).html, cleaned.html);
    assert!(!cleaned.html.to_ascii_lowercase().contains("<script"));
    let _ = buddysite::check::css_urls(text);
});
