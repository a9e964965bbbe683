//! What content may put into the page beyond plain Markdown: raw HTML, heading attributes
//! and link addresses, all held to the one policy of [`crate::sanitize`].
//!
//! pulldown-cmark hands raw HTML over one line (or one inline tag) at a time. Cleaned one
//! piece at a time, a multi-line `<!-- note -->` or `<script>` would lose its start and show
//! its text, so pieces are joined first (as mdBook's renderer does): a whole HTML block, or a
//! paragraph's whole inline content when it holds raw HTML, is cleaned as one unit.

use super::{Finding, RawHtml};
use crate::messages::Text;
use crate::text;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// A warning for a Markdown link or image whose address was removed.
pub(super) fn url_finding(image: bool, url: &str, why: Text, offset: usize) -> Finding {
    let url = shorten(url);
    Finding {
        offset,
        message: if image {
            text!(MD_IMAGE_ADDRESS_REMOVED, url = url, why = why)
        } else {
            text!(MD_LINK_ADDRESS_REMOVED, url = url, why = why)
        },
        help: text!(MD_ADDRESS_REMOVED_HELP),
        warning: true,
        line: 0,
        line_hash: 0,
    }
}

/// A URL cut to a length that fits in a message (`data:` addresses can be very long).
fn shorten(url: &str) -> String {
    const MAX: usize = 60;
    if url.chars().count() <= MAX {
        return url.to_owned();
    }
    let cut: String = url.chars().take(MAX).collect();
    format!("{cut}…")
}

/// Keeps a heading's `{#id}` and safe `{.class}` names; every other attribute
/// (`{onclick=…}`, `{tabindex=0 autofocus}`) is removed with a warning: the heading
/// attributes extension would copy them onto the heading as they are.
pub(super) fn heading_attributes(
    classes: &mut Vec<CowStr<'_>>,
    attrs: &mut Vec<(CowStr<'_>, Option<CowStr<'_>>)>,
    offset: usize,
    findings: &mut Vec<Finding>,
) {
    let mut removed: Vec<String> = Vec::new();
    classes.retain(|c| {
        let safe = !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
        if !safe {
            removed.push(format!(".{c}"));
        }
        safe
    });
    for (key, value) in attrs.drain(..) {
        removed.push(match value {
            Some(v) => format!("{key}={v}"),
            None => key.to_string(),
        });
    }
    if removed.is_empty() {
        return;
    }
    let list: Vec<String> = removed.iter().map(|r| format!("`{r}`")).collect();
    findings.push(Finding {
        offset,
        message: text!(
            MD_HEADING_ATTRIBUTES_REMOVED,
            count = removed.len(),
            list = list.join(", ")
        ),
        help: text!(MD_HEADING_ATTRIBUTES_REMOVED_HELP),
        warning: true,
        line: 0,
        line_hash: 0,
    });
}

/// Events whose content is only inline (text in a paragraph, heading or cell).
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineMath(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// Joins raw HTML into whole units, finds `<img>` without `alt` in them, and (unless raw
/// HTML is allowed) cleans each unit, with a warning naming what was removed.
pub(super) fn raw_html<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    mode: RawHtml,
    findings: &mut Vec<Finding>,
) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len());
    let mut iter = events.into_iter().peekable();
    while let Some((event, range)) = iter.next() {
        if matches!(event, Event::Start(Tag::HtmlBlock)) {
            let start = range.start;
            let mut text = String::new();
            // (offset in `text`, offset in the source) of each piece.
            let mut pieces: Vec<(usize, usize)> = Vec::new();
            for (e, r) in iter.by_ref() {
                match e {
                    Event::End(TagEnd::HtmlBlock) => break,
                    Event::Html(h) => {
                        pieces.push((text.len(), r.start));
                        text.push_str(&h);
                    }
                    _ => {}
                }
            }
            for at in crate::sanitize::images_without_alt(&text) {
                let source = pieces
                    .iter()
                    .rev()
                    .find(|(t, _)| *t <= at)
                    .map_or(start, |(t, s)| s + (at - t));
                findings.push(missing_alt(source));
            }
            let html = match mode {
                RawHtml::Allow => text,
                RawHtml::Sanitize => cleaned(&text, start, findings),
            };
            out.push(Event::Start(Tag::HtmlBlock));
            out.push(Event::Html(CowStr::from(html)));
            out.push(Event::End(TagEnd::HtmlBlock));
            continue;
        }
        if !is_inline(&event) {
            out.push(event);
            continue;
        }
        let mut run = vec![(event, range)];
        while let Some((next, _)) = iter.peek() {
            if !is_inline(next) {
                break;
            }
            run.extend(iter.next());
        }
        let mut first_html: Option<usize> = None;
        for (e, r) in &run {
            if let Event::InlineHtml(h) = e {
                first_html.get_or_insert(r.start);
                for at in crate::sanitize::images_without_alt(h) {
                    findings.push(missing_alt(r.start + at));
                }
            }
        }
        match (first_html, mode) {
            (Some(offset), RawHtml::Sanitize) => {
                let mut html = String::new();
                pulldown_cmark::html::push_html(&mut html, run.into_iter().map(|(e, _)| e));
                out.push(Event::Html(CowStr::from(cleaned(&html, offset, findings))));
            }
            _ => out.extend(run.into_iter().map(|(e, _)| e)),
        }
    }
    out
}

/// `html` cleaned, with a warning at `offset` when something other than comments went.
fn cleaned(html: &str, offset: usize, findings: &mut Vec<Finding>) -> String {
    let c = crate::sanitize::clean(html);
    if c.changed {
        findings.push(Finding {
            offset,
            message: text!(MD_RAW_HTML_CHANGED, removed = c.removed),
            help: text!(MD_RAW_HTML_CHANGED_HELP),
            warning: true,
            line: 0,
            line_hash: 0,
        });
    }
    c.html
}

fn missing_alt(offset: usize) -> Finding {
    Finding {
        offset,
        message: text!(MD_IMAGE_NO_ALT),
        help: text!(MD_RAW_IMAGE_NO_ALT_HELP),
        warning: false,
        line: 0,
        line_hash: 0,
    }
}
