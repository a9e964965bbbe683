//! CSS inside an SVG (`<style>`, `style=""`, presentation attributes) without anything that
//! loads from elsewhere.
//!
//! CSS is read with `cssparser`, the tokenizer of Servo and Firefox, so escapes such as
//! `u\72l(…)` and comments between tokens are seen as the browser sees them. What is safe is
//! kept byte for byte; only the unsafe pieces are cut out of the original text.

use crate::messages::Text;
use crate::text;
use cssparser::{ParseError, Parser, Token};

/// What [`scan`] found to cut: byte ranges of the input and what replaces them.
#[derive(Debug, Default)]
pub(super) struct Cuts {
    cuts: Vec<(std::ops::Range<usize>, &'static str)>,
    /// One plain sentence per removed thing.
    pub notes: Vec<Text>,
}

impl Cuts {
    /// True when the CSS loads nothing from elsewhere.
    pub fn is_clean(&self) -> bool {
        self.cuts.is_empty()
    }

    /// `css` with the cuts applied.
    pub fn apply(&self, css: &str) -> String {
        let mut out = String::with_capacity(css.len());
        let mut at = 0;
        for (range, with) in &self.cuts {
            if range.start < at || range.end > css.len() {
                continue;
            }
            out.push_str(&css[at..range.start]);
            out.push_str(with);
            at = range.end;
        }
        out.push_str(&css[at..]);
        out
    }
}

/// Finds every `url()` that is not a `#fragment` of the same drawing, every function that
/// loads an image by address (`image-set()`, `image()`, `cross-fade()`, `element()`), IE's
/// `expression()`, and every `@import`.
pub(super) fn scan(css: &str) -> Cuts {
    let mut parser = Parser::new(css);
    let mut cuts = Cuts::default();
    walk(&mut parser, &mut cuts);
    cuts.cuts.sort_by_key(|(r, _)| r.start);
    cuts
}

fn walk(p: &mut Parser<'_>, cuts: &mut Cuts) {
    loop {
        let start = p.position().byte_index();
        let token = match p.next_including_whitespace_and_comments() {
            Ok(t) => t.clone(),
            Err(_) => return,
        };
        match token {
            Token::UnquotedUrl(url) if !is_fragment(&url) => cut(cuts, start, p, "none", &url),
            Token::BadUrl(url) => cut(cuts, start, p, "none", &url),
            Token::Function(name) => {
                let name = name.to_ascii_lowercase();
                let mut inner = Cuts::default();
                let mut first_string = None;
                let _ = p.parse_nested_block(|p| -> Result<(), ParseError<()>> {
                    if name == "url" || name == "src" {
                        while let Ok(t) = p.next() {
                            if let Token::QuotedString(s) = t {
                                first_string.get_or_insert_with(|| s.to_string());
                            }
                        }
                    } else {
                        walk(p, &mut inner);
                    }
                    Ok(())
                });
                match name.as_str() {
                    "url" | "src" => {
                        let url = first_string.unwrap_or_default();
                        if !is_fragment(&url) {
                            cut(cuts, start, p, "none", &url);
                        }
                    }
                    "image-set" | "-webkit-image-set" | "image" | "cross-fade"
                    | "-webkit-cross-fade" | "element" | "-moz-element" | "expression" => {
                        cuts.cuts.push((start..p.position().byte_index(), "none"));
                        cuts.notes
                            .push(text!(CSS_REMOVED_FUNCTION, name = name.as_str()));
                    }
                    _ => {
                        cuts.cuts.extend(inner.cuts);
                        cuts.notes.extend(inner.notes);
                    }
                }
            }
            Token::AtKeyword(name) if name.eq_ignore_ascii_case("import") => {
                let _ = p.parse_until_after(
                    cssparser::Delimiter::Semicolon,
                    |p| -> Result<(), ParseError<()>> {
                        while p.next().is_ok() {}
                        Ok(())
                    },
                );
                cuts.cuts.push((start..p.position().byte_index(), ""));
                cuts.notes.push(text!(CSS_REMOVED_IMPORT));
            }
            Token::CurlyBracketBlock | Token::SquareBracketBlock | Token::ParenthesisBlock => {
                let _ = p.parse_nested_block(|p| -> Result<(), ParseError<()>> {
                    walk(p, cuts);
                    Ok(())
                });
            }
            _ => {}
        }
    }
}

fn cut(cuts: &mut Cuts, start: usize, p: &Parser, with: &'static str, url: &str) {
    cuts.cuts.push((start..p.position().byte_index(), with));
    cuts.notes
        .push(text!(CSS_REMOVED_REFERENCE, url = shorten(url)));
}

/// A same-document reference such as `#gradient-1`: the only kind a published drawing keeps.
pub(super) fn is_fragment(url: &str) -> bool {
    url.trim().starts_with('#')
}

/// An address cut to a length fit for a message.
pub(super) fn shorten(url: &str) -> String {
    let url = url.trim();
    if url.chars().count() <= 60 {
        url.to_owned()
    } else {
        url.chars().take(57).chain("…".chars()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(css: &str) -> String {
        scan(css).apply(css)
    }

    #[test]
    fn safe_css_is_kept_byte_for_byte() {
        let css = ".a{fill:url(#g) ;stroke:#000}/* x */ @media print{.b{fill:url('#h')}}";
        assert!(scan(css).is_clean());
        assert_eq!(clean(css), css);
    }

    #[test]
    fn loads_from_elsewhere_are_cut() {
        assert_eq!(clean("a{fill:url(https://x/y.svg#a)}"), "a{fill:none}");
        assert_eq!(clean("a{fill:url( \"//x/y\" )}"), "a{fill:none}");
        assert_eq!(clean("a{fill:u\\72l(https://x)}"), "a{fill:none}");
        assert_eq!(clean("@import url(x.css);a{b:c}"), "a{b:c}");
        assert_eq!(clean("@IMPORT 'x.css' screen;"), "");
        assert_eq!(
            clean("a{background:image-set('https://x/a.png' 1x)}"),
            "a{background:none}"
        );
        assert_eq!(clean("@font-face{src:url(f.woff)}"), "@font-face{src:none}");
    }
}
