//! Any bytes as a Markdown file with front matter, in every role a file can have: decoding
//! (BOM, CRLF, not UTF-8), splitting the front matter, parsing it as a page, a buddy or a
//! FAQ entry, and rendering the body. Nothing may panic, and every problem must name the
//! file.
#![no_main]

use buddysite::content;
use buddysite::markdown::{self, RawHtml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = buddysite::source::decode("content/x.md", data.to_vec()) else {
        return;
    };
    for rel in [
        "index.md",
        "brief.md",
        "buddys/x.md",
        "vragen/x.md",
        "buddys/_index.md",
        "x y.md",
    ] {
        match content::parse(rel, &file) {
            Ok(doc) => {
                assert!(doc.body_line_offset >= 2);
                let r = markdown::render(&doc.body, rel, "x/index.html", RawHtml::Sanitize);
                for f in &r.findings {
                    assert!(f.offset <= doc.body.len());
                }
            }
            Err(problems) => {
                assert!(!problems.is_empty());
                for d in problems {
                    assert_eq!(d.file, "content/x.md");
                    let _ = d.to_string();
                }
            }
        }
    }
});
