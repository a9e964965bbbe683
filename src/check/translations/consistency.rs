//! Consistency between a source and its translation: what the source gives parents that the
//! translation must give them too.
//!
//! A translator rewrites sentences freely (and should: plain language, not word for word),
//! but the school's name and contact details, links to the letter and to FAQ answers, and the
//! conditions that make a page differ per school must survive. This module lists them in the
//! source and reports each one the translation does not have, at the translation's line:
//!
//! - bracket placeholders (`[naam school]`) and template values (`{{ school.contact.email }}`)
//!   — a placeholder and the value it stands for count as the same thing;
//! - template conditions and loops (`{% if school.kind == "sbo" %}`);
//! - links to other pages and files (`brief.md`, `vragen/kosten.md#kosten`, `../brief/`; a
//!   link to the translation of the page, `brief.en.md`, counts as a link to `brief.md`),
//!   links to anchors (`#kosten`) and heading ids (`{#eigen-id}`);
//! - `mailto:` and `tel:` links.
//!
//! Links are found with pulldown-cmark, after the template syntax is masked so that
//! `[mail](mailto:{{ school.contact.email }})` is read as the link it becomes. Order does not
//! matter, and neither does how often something is used: a translation that says things in
//! another order is faithful.

use crate::content::split_front_matter;
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::placeholders;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

/// What kind of thing the source uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `[naam school]`.
    Placeholder,
    /// `{{ … }}`.
    Value,
    /// `{% if … %}`, `{% elif … %}`, `{% for … %}`.
    Condition,
    /// A link to another page or file of the site.
    Link,
    /// A link to an `#anchor` on the same page.
    Anchor,
    /// A heading id set with `{#…}`.
    HeadingId,
    /// A `mailto:` link.
    Mail,
    /// A `tel:` link.
    Phone,
}

impl Kind {
    fn describe(self, shown: &str) -> String {
        match self {
            Kind::Placeholder => format!("the placeholder `{shown}`"),
            Kind::Value => format!("the template value `{shown}`"),
            Kind::Condition => format!("the template condition `{shown}`"),
            Kind::Link => format!("the link to `{shown}`"),
            Kind::Anchor => format!("the link to the anchor `{shown}`"),
            Kind::HeadingId => format!("the heading id `{{#{shown}}}`"),
            Kind::Mail => format!("the e-mail link `{shown}`"),
            Kind::Phone => format!("the phone link `{shown}`"),
        }
    }
}

/// One thing a text uses, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used {
    /// What it is.
    pub kind: Kind,
    /// As written in the text.
    pub shown: String,
    /// What it is compared by (a placeholder and its value have the same key).
    pub key: String,
    /// 1-based line in the file.
    pub line: usize,
    /// Index of the block (paragraph, heading, list item, …) it is in.
    pub block: usize,
}

/// What a Markdown file uses, and where its blocks start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uses {
    /// Everything found, in order.
    pub used: Vec<Used>,
    /// 1-based file line of each block's start.
    pub blocks: Vec<usize>,
    /// The line of the `---` that closes the front matter (1 when there is none).
    pub front_matter_end: usize,
}

/// A template or placeholder region of the body and what it stands for.
struct Region {
    start: usize,
    end: usize,
    kind: Kind,
    shown: String,
    key: String,
}

/// Collapses whitespace (and the `^` masking leaves) in a template expression.
fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '^')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True for `school.contact.email`: a plain value path.
fn is_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// True when the `{#` at `at` sets a heading id (`## Kop {#eigen-id}`): the line ends with
/// `}` and no `#}` closes it as a template comment on that line (the renderer protects these
/// from the template engine).
fn is_heading_id(body: &str, at: usize) -> bool {
    let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    let rest = &body[at..line_end];
    rest.trim_end().ends_with('}') && !rest.contains("#}")
}

/// Template tags, comments and known placeholders in `body`.
fn regions(body: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = body[pos..].find('{') {
        let start = pos + i;
        let rest = &body[start..];
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else if rest.starts_with("{#") && !is_heading_id(body, start) {
            "#}"
        } else {
            pos = start + 1;
            continue;
        };
        let Some(len) = rest[2..].find(close) else {
            break;
        };
        let end = start + 2 + len + 2;
        let inner = body[start + 2..end - 2].trim_matches(['-', '+', '~']);
        let inner = squash(inner);
        match close {
            "}}" => {
                let key = if is_path(&inner) {
                    format!("value:{inner}")
                } else {
                    format!("expr:{inner}")
                };
                out.push(Region {
                    start,
                    end,
                    kind: Kind::Value,
                    shown: format!("{{{{ {inner} }}}}"),
                    key,
                });
            }
            "%}" => {
                let word = inner.split(' ').next().unwrap_or("");
                // `endif`, `else`, `set`, …: masked, but not compared (no key).
                let compared = matches!(word, "if" | "elif" | "for");
                out.push(Region {
                    start,
                    end,
                    kind: Kind::Condition,
                    shown: format!("{{% {inner} %}}"),
                    key: if compared {
                        format!("stmt:{inner}")
                    } else {
                        String::new()
                    },
                });
            }
            // A comment: neither shown nor compared.
            _ => out.push(Region {
                start,
                end,
                kind: Kind::Condition,
                shown: String::new(),
                key: String::new(),
            }),
        }
        pos = end;
    }
    for f in placeholders::find(body) {
        let Some(expr) = f.expr else { continue };
        if out.iter().any(|r| r.start <= f.start && f.start < r.end) {
            continue;
        }
        out.push(Region {
            start: f.start,
            end: f.end,
            kind: Kind::Placeholder,
            shown: body[f.start..f.end].to_owned(),
            key: format!("value:{expr}"),
        });
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A region as it is compared inside a link address: a placeholder as the value it stands
/// for (`{{ school.contact.email }}`), anything else as written, whitespace collapsed.
fn compared(r: &Region) -> String {
    match r.key.strip_prefix("value:") {
        Some(path) => format!("{{{{ {path} }}}}"),
        None => r.shown.clone(),
    }
}

/// The body with every region replaced by a token of the same length (`{7~~~}`) that
/// Markdown reads as plain text, also inside a link's address; comments become spaces.
fn mask(body: &str, regions: &[Region]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut pos = 0;
    for (n, r) in regions.iter().enumerate() {
        if r.start < pos {
            continue;
        }
        out.push_str(&body[pos..r.start]);
        let len = r.end - r.start;
        let token = format!("{{{n}");
        if r.key.is_empty() && r.shown.is_empty() {
            // A comment: keep its line breaks, so lines stay where they are.
            for c in body[r.start..r.end].chars() {
                if c == '\n' {
                    out.push('\n');
                } else {
                    out.push_str(&" ".repeat(c.len_utf8()));
                }
            }
        } else if token.len() < len && !body[r.start..r.end].contains('\n') {
            out.push_str(&token);
            out.push_str(&"~".repeat(len - token.len() - 1));
            out.push('}');
        } else {
            out.push_str(&body[r.start..r.end]);
        }
        pos = r.end;
    }
    out.push_str(&body[pos..]);
    out
}

/// A link address with the region tokens put back in their compared form.
fn unmask(dest: &str, regions: &[Region]) -> String {
    let mut out = String::new();
    let mut rest = dest;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let tildes = after[digits..].chars().take_while(|&c| c == '~').count();
        let n = after[..digits].parse::<usize>().ok();
        match n.and_then(|n| regions.get(n)) {
            Some(r) if after[digits + tildes..].starts_with('}') => {
                out.push_str(&compared(r));
                rest = &after[digits + tildes + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Markdown options the renderer uses (see `render::markdown`).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// The folder of a content file relative to its content root (`vragen` for
/// `content/vragen/kosten.md` and `schools/alpha/vragen/kosten.en.md`).
fn content_dir(file: &str) -> &str {
    let rel = file
        .strip_prefix("content/")
        .or_else(|| {
            file.strip_prefix("schools/")
                .and_then(|r| r.split_once('/').map(|(_, r)| r))
        })
        .unwrap_or(file);
    crate::paths::parent(rel)
}

/// The compared form of a link address, or `None` for links that need not be kept (other
/// websites).
fn link_key(dest: &str, link_type: LinkType, dir: &str, lang: &str) -> Option<(Kind, String)> {
    let dest = dest.trim();
    if link_type == LinkType::Email {
        return Some((Kind::Mail, format!("mailto:{}", dest.to_lowercase())));
    }
    let lower = dest.to_ascii_lowercase();
    if let Some(address) = lower.strip_prefix("mailto:") {
        let address = address.split('?').next().unwrap_or("");
        return Some((Kind::Mail, format!("mailto:{address}")));
    }
    if let Some(number) = dest
        .strip_prefix("tel:")
        .or_else(|| dest.strip_prefix("TEL:"))
    {
        let digits: String = if number.contains('{') {
            number.to_owned()
        } else {
            number
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect()
        };
        return Some((Kind::Phone, format!("tel:{digits}")));
    }
    if crate::scan::has_scheme(dest) || dest.starts_with("//") {
        return None;
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Some((Kind::Anchor, format!("#{fragment}")));
    }
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let path = crate::paths::percent_decode_lossy(path);
    let suffix = format!(".{lang}.md");
    let path = match path.strip_suffix(&suffix) {
        Some(stem) => format!("{stem}.md"),
        None => path,
    };
    let resolved = if path.starts_with('/') {
        path
    } else {
        crate::paths::join(dir, &path).unwrap_or(path)
    };
    Some((Kind::Link, format!("link:{resolved}#{fragment}")))
}

/// Everything `text` (a whole Markdown file) uses, with file lines; `lang` is the language of
/// the translation being compared (so `brief.en.md` counts as `brief.md`).
pub fn uses(file: &str, text: &str, lang: &str) -> Uses {
    let (body, offset) = match split_front_matter(text) {
        Some((_, body, offset)) => (body, offset),
        None => (text, 0),
    };
    let lines = LineIndex::new(body);
    let line_of = |at: usize| offset + lines.line(at);
    let regions = regions(body);
    let masked = mask(body, &regions);
    let dir = content_dir(file);
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut used = Vec::new();
    let mut item_opened = false;
    for (event, range) in Parser::new_ext(&masked, options()).into_offset_iter() {
        let Event::Start(tag) = event else {
            continue;
        };
        let is_block = match &tag {
            Tag::Paragraph => !std::mem::take(&mut item_opened),
            Tag::Item => {
                item_opened = true;
                true
            }
            Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::TableRow => {
                item_opened = false;
                true
            }
            Tag::TableHead => true,
            _ => false,
        };
        if is_block {
            blocks.push((range.start, line_of(range.start)));
        }
        let block = blocks.len().saturating_sub(1);
        match tag {
            Tag::Heading { id: Some(id), .. } => used.push(Used {
                kind: Kind::HeadingId,
                shown: id.to_string(),
                key: format!("id:{id}"),
                line: line_of(range.start),
                block,
            }),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let dest = unmask(&dest_url, &regions);
                if let Some((kind, key)) = link_key(&dest, link_type, dir, lang) {
                    let shown = if link_type == LinkType::Email {
                        format!("mailto:{dest}")
                    } else {
                        dest.clone()
                    };
                    used.push(Used {
                        kind,
                        shown,
                        key,
                        line: line_of(range.start),
                        block,
                    });
                }
            }
            _ => {}
        }
    }
    let block_of = |at: usize| {
        blocks
            .partition_point(|(start, _)| *start <= at)
            .saturating_sub(1)
    };
    for r in &regions {
        if r.key.is_empty() {
            continue;
        }
        used.push(Used {
            kind: r.kind,
            shown: r.shown.clone(),
            key: r.key.clone(),
            line: line_of(r.start),
            block: block_of(r.start),
        });
    }
    used.sort_by_key(|u| u.line);
    Uses {
        used,
        blocks: blocks.into_iter().map(|(_, line)| line).collect(),
        front_matter_end: offset.max(1),
    }
}

/// The line of the translation's block `start` that is as far into it as `u` is into the
/// source's block (translators mostly keep a paragraph's line breaks), kept inside the block
/// and off blank lines.
fn line_in_block(source: &Uses, translation: &Uses, text: &str, u: &Used, start: usize) -> usize {
    let into = u.line.saturating_sub(source.blocks[u.block]);
    let lines: Vec<&str> = text.lines().collect();
    let block_end = translation
        .blocks
        .get(u.block + 1)
        .map_or(lines.len(), |next| next.saturating_sub(1));
    let mut line = (start + into).min(block_end.max(start));
    while line > start && lines.get(line - 1).is_none_or(|l| l.trim().is_empty()) {
        line -= 1;
    }
    line
}

/// A warning for everything `source` uses that `translation` does not, at the translation's
/// corresponding block when both have the same blocks, else at the end of its front matter.
pub fn compare(
    source_file: &str,
    source_text: &str,
    translation_file: &str,
    translation_text: &str,
    lang: &str,
) -> Vec<Diagnostic> {
    let source = uses(source_file, source_text, lang);
    let translation = uses(translation_file, translation_text, lang);
    let same_shape = source.blocks.len() == translation.blocks.len();
    let mut reported: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    for u in &source.used {
        if reported.contains(&u.key.as_str()) || translation.used.iter().any(|t| t.key == u.key) {
            continue;
        }
        reported.push(&u.key);
        let what = u.kind.describe(&u.shown);
        let (line, place) = match translation.blocks.get(u.block).filter(|_| same_shape) {
            Some(&start) => (
                line_in_block(&source, &translation, translation_text, u, start),
                "the matching paragraph of the translation",
            ),
            None => (
                translation.front_matter_end,
                "the translation (its paragraphs do not line up with the source's, so this points at the top)",
            ),
        };
        problems.push(
            Diagnostic::warning(
                translation_file,
                format!(
                    "{what} is missing from {place}: {source_file} uses it at line {}",
                    u.line
                ),
            )
            .at(translation_text, line, 1)
            .with_help(format!(
                "put {what} back into the {lang} text, written exactly as {source_file} line {} has it; translate only the words around it",
                u.line
            )),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        uses("content/brief.md", text, "en")
            .used
            .into_iter()
            .map(|u| u.key)
            .collect()
    }

    #[test]
    fn finds_what_a_text_uses() {
        let k = keys("---\ntitle: x\n---\nMail [naam school] via [hier](mailto:{{ school.contact.email }}).\n\nZie [de brief](brief.md#kosten), [vraag](#stoppen), [bel](<tel:0344 00 00 00>) en <a@b.nl>.\n\n## Kop {#eigen}\n\n{% if school.kind == \"sbo\" %}x{% endif %} {# [weg](weg.md) #}\n");
        for want in [
            "value:school.name",
            "mailto:{{ school.contact.email }}",
            "value:school.contact.email",
            "link:brief.md#kosten",
            "#stoppen",
            "mailto:a@b.nl",
            "tel:0344000000",
            "id:eigen",
            "stmt:if school.kind == \"sbo\"",
        ] {
            assert!(k.iter().any(|x| x == want), "{want} not in {k:?}");
        }
        assert!(!k.iter().any(|x| x.contains("weg")), "{k:?}");
    }

    #[test]
    fn a_placeholder_and_its_value_are_the_same() {
        let d = compare(
            "content/brief.md",
            "---\ntitle: x\n---\nVan [naam school].\n",
            "content/brief.en.md",
            "---\ntitle: x\n---\nFrom {{school.name}}.\n",
            "en",
        );
        assert!(d.is_empty(), "{d:?}");
        let d = compare(
            "content/brief.md",
            "---\ntitle: x\n---\nA [brief](brief.md).\n\nB [naam school].\n",
            "content/brief.en.md",
            "---\ntitle: x\n---\nA [letter](brief.en.md).\n\nB.\n",
            "en",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 6);
        assert!(d[0].message.contains("`[naam school]`"), "{}", d[0].message);
    }
}
