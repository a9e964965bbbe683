//! The letter's Markdown (pulldown-cmark events, after placeholders and templates) as typst
//! markup.
//!
//! Everything the editor wrote, and every value from YAML that a placeholder put in, reaches
//! typst only as escaped text: a school called `#let x = 1` or `[naam] *ster*` must print as
//! written, never run as typst code. So every ASCII punctuation character of a text is
//! escaped with a backslash (typst accepts `\` before any character), structure is written as
//! function calls (`#strong[…]`, `#heading(level: 2)[…]`), and strings in code (link
//! targets) are typst string literals with `\` and `"` escaped. E-mail addresses and web
//! addresses go into a `box`, which typst never breaks across lines.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Tag, TagEnd};

/// Escapes `text` for typst markup: every ASCII punctuation character gets a backslash,
/// newlines become spaces (a line start would give `-`, `+`, `=` and `1.` a meaning).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            // Invisible controls have no place on paper.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `s` as a typst string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a word of running text is an e-mail or web address, which must not break.
fn is_address(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '('));
    let email = w.split_once('@').is_some_and(|(a, b)| {
        !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
    });
    email || w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
}

/// Text with its addresses kept whole: each address in a `box`, the punctuation around it
/// outside (a full stop after an address may end a line).
fn text(t: &str, out: &mut String) {
    let mut first = true;
    for word in t.split(' ') {
        if !first {
            out.push(' ');
        }
        first = false;
        if is_address(word) {
            let start = word
                .find(|c: char| !matches!(c, '(' | '"' | '\''))
                .unwrap_or(0);
            let end = word
                .rfind(|c: char| !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')'))
                .map_or(word.len(), |i| {
                    i + word[i..].chars().next().map_or(1, char::len_utf8)
                });
            out.push_str(&escape(&word[..start]));
            out.push_str("#box[");
            out.push_str(&escape(&word[start..end]));
            out.push(']');
            out.push_str(&escape(&word[end..]));
        } else {
            out.push_str(&escape(word));
        }
    }
}

/// Where a link in the letter points on paper: an absolute address, or nothing (the text
/// alone) for a page the reader cannot reach from the paper.
pub type Resolve<'a> = dyn Fn(&str, LinkType) -> Option<String> + 'a;

/// Converts the letter's events to typst markup.
pub fn markup<'e>(events: impl IntoIterator<Item = Event<'e>>, resolve: &Resolve) -> String {
    let mut out = String::new();
    // Per open list: the next number of an ordered list, `None` for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Per open link: whether it became a `#link` (else only its text is written).
    let mut links: Vec<bool> = Vec::new();
    let mut image_depth = 0usize;
    let mut table_cells = 0usize;
    let mut in_code = false;
    for event in events {
        if image_depth > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => image_depth += 1,
                Event::End(TagEnd::Image) => {
                    image_depth -= 1;
                    if image_depth == 0 {
                        out.push(']');
                    }
                }
                Event::Text(t) | Event::Code(t) => out.push_str(&escape(&t)),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    let n = match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    };
                    out.push_str(&format!("#heading(level: {n})["));
                }
                Tag::BlockQuote(_) => out.push_str("#quote(block: true)["),
                Tag::CodeBlock(_) => {
                    in_code = true;
                    out.push_str("#block(raw(block: true, ");
                }
                Tag::List(start) => {
                    lists.push(start);
                    out.push_str(if start.is_some() { "#enum(" } else { "#list(" });
                    if let Some(n) = start {
                        out.push_str(&format!("start: {n}, "));
                    }
                }
                Tag::Item => out.push('['),
                Tag::Emphasis => out.push_str("#emph["),
                Tag::Strong => out.push_str("#strong["),
                Tag::Strikethrough => out.push_str("#strike["),
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                } => match resolve(&dest_url, link_type) {
                    Some(url) => {
                        out.push_str(&format!("#box(link({})[", string(&url)));
                        links.push(true);
                    }
                    None => links.push(false),
                },
                Tag::Image { .. } => {
                    // On paper an image of the web letter is its description.
                    image_depth = 1;
                    out.push('[');
                }
                Tag::Table(aligns) => {
                    table_cells = 0;
                    out.push_str(&format!("#table(columns: {}, ", aligns.len().max(1)));
                }
                Tag::TableHead | Tag::TableRow => {}
                Tag::TableCell => {
                    table_cells += 1;
                    out.push('[');
                }
                Tag::FootnoteDefinition(_) => out.push_str("#block["),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => {
                    if lists.is_empty() && table_cells == 0 {
                        out.push_str("\n\n");
                    } else {
                        out.push_str("#parbreak()");
                    }
                }
                TagEnd::Heading(_) => out.push_str("]\n\n"),
                TagEnd::BlockQuote(_) => out.push_str("]\n\n"),
                TagEnd::CodeBlock => {
                    in_code = false;
                    out.push_str("\"\"))\n\n");
                }
                TagEnd::List(_) => {
                    lists.pop();
                    out.push(')');
                    if lists.is_empty() {
                        out.push_str("\n\n");
                    }
                }
                TagEnd::Item => out.push_str("], "),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => out.push(']'),
                // The guard pops once per end tag, whichever way it goes.
                TagEnd::Link if links.pop() == Some(true) => out.push_str("])"),
                TagEnd::Table => {
                    table_cells = 0;
                    out.push_str(")\n\n");
                }
                TagEnd::TableCell => out.push_str("], "),
                TagEnd::FootnoteDefinition => out.push_str("]\n\n"),
                _ => {}
            },
            Event::Text(t) => {
                if in_code {
                    // Inside a code block: the text goes into the string.
                    out.push_str(&string(&t));
                    out.push_str(" + ");
                } else {
                    text(&t, &mut out);
                }
            }
            Event::Code(t) => out.push_str(&format!("#raw({})", string(&t))),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            Event::FootnoteReference(label) => {
                out.push_str(&format!("#super[{}]", escape(&label)));
            }
            // Raw HTML has no place in a PDF; its text is in the events around it.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&escape(&t)),
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
        }
    }
    out
}

#[cfg(all(test, feature = "pdf"))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use typst::syntax::{parse, SyntaxKind, SyntaxNode};

    /// The text a piece of markup shows, when it is only text, spaces and escapes; `None`
    /// as soon as typst would read anything else in it (code, markup, a shorthand).
    fn plain(node: &SyntaxNode, out: &mut String) -> bool {
        match node.kind() {
            SyntaxKind::Markup => node.children().all(|c| plain(c, out)),
            SyntaxKind::Text => {
                out.push_str(node.text());
                true
            }
            SyntaxKind::Space => {
                out.push(' ');
                true
            }
            SyntaxKind::Escape => {
                let t = node.text();
                out.push_str(&t[1..]);
                true
            }
            _ => false,
        }
    }

    fn roundtrip(input: &str) -> Option<String> {
        let tree = parse(&escape(input));
        let mut out = String::new();
        plain(&tree, &mut out).then_some(out)
    }

    #[test]
    fn every_special_character_is_text() {
        for case in [
            "#let x = 1",
            "$x^2$ *vet* _schuin_ `code`",
            "<label> @ref [naam] \\ / ~ \" ' = - + .",
            "= Kop",
            "- punt",
            "+ punt",
            "1. eerste",
            "/ term: uitleg",
            "// geen commentaar",
            "/* ook niet */",
            "--- -- ... ~",
            "https://example.org/pad?a=1#b",
            "a\\u{41}b",
            "#{panic()}",
            "#import \"x.typ\": *",
            "ik@school.nl",
        ] {
            let plain_text = case.replace('\n', " ");
            assert_eq!(
                roundtrip(case).as_deref(),
                Some(plain_text.as_str()),
                "{case}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_stays_text(s in "[ -~äëïöüçşğıİłżźćńóąęñ’“”\\n]{0,60}") {
            // Typst shows a run of spaces as one, as HTML does.
            let collapse = |t: &str| {
                let t = t.replace(['\n', '\r', '\t'], " ");
                let mut out = String::new();
                for c in t.chars() {
                    if !(c == ' ' && out.ends_with(' ')) {
                        out.push(c);
                    }
                }
                out
            };
            prop_assert_eq!(roundtrip(&s).map(|r| collapse(&r)), Some(collapse(&s)));
        }

        #[test]
        fn any_link_target_is_one_string(s in "[ -~\\n]{0,40}") {
            let code = format!("#{}", string(&s));
            let tree = parse(&code);
            prop_assert!(!tree.erroneous());
            fn strings(node: &SyntaxNode) -> usize {
                usize::from(node.kind() == SyntaxKind::Str)
                    + node.children().map(strings).sum::<usize>()
            }
            prop_assert_eq!(strings(&tree), 1);
        }
    }

    #[test]
    fn addresses_are_boxed_with_punctuation_outside() {
        let none = |_: &str, _: LinkType| -> Option<String> { None };
        let events = pulldown_cmark::Parser::new("Mail naar jan-de.vries@school.nl. Of www.x.nl!");
        let m = markup(events, &none);
        assert!(m.contains("#box[jan\\-de\\.vries\\@school\\.nl]\\."), "{m}");
        assert!(m.contains("#box[www\\.x\\.nl]\\!"), "{m}");
    }

    #[test]
    fn structure_becomes_function_calls() {
        let link = |u: &str, _: LinkType| Some(format!("https://x.nl/{u}"));
        let md = "## Kop *een*\n\n- a\n- **b**\n\n1. c\n\n[tekst](vragen.md \"t\")\n\n> citaat\n";
        let m = markup(pulldown_cmark::Parser::new(md), &link);
        let tree = parse(&m);
        assert!(!tree.erroneous(), "{m}");
        assert!(m.contains("#heading(level: 2)[Kop #emph[een]]"), "{m}");
        assert!(m.contains("#list([a], [#strong[b]], )"), "{m}");
        assert!(m.contains("#enum(start: 1, [c], )"), "{m}");
        assert!(
            m.contains("#box(link(\"https://x.nl/vragen.md\")[tekst])"),
            "{m}"
        );
    }
}
