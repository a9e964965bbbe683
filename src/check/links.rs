//! Where a problem found in a rendered page was written: the `.md` line of a link, or the
//! template that holds a text, so messages point at the editor's own file.

use super::site::{anchor_help, on_disk};
use crate::content::Role;
use crate::diagnostics::{suggest, Diagnostic};
use crate::markdown::Rendered;
use crate::messages::Text;
use crate::project::{page_path, Item, Project};
use crate::scan::PageRefs;
use crate::text;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A link written in Markdown to another content file (`[de brief](brief.md#kosten)`):
/// the file must exist, be on this school's site, and have the anchor.
pub(super) fn content_link_problem(
    project: &Project,
    slug: &str,
    content: &BTreeMap<&str, &Arc<Item>>,
    bodies: &HashMap<&str, Arc<Rendered>>,
    refs: &HashMap<&str, PageRefs>,
    item: &Item,
    link: &crate::markdown::ContentLink,
) -> Option<Diagnostic> {
    let at = |message: Text, help: Text| {
        let line = if crate::placeholders::needs_template(&item.doc.body) {
            crate::markdown::source_line(
                &item.doc.body,
                link.line,
                link.line_hash,
                Some(&link.dest),
            )
        } else {
            link.line
        };
        let file_line = line + item.doc.body_line_offset;
        let column = item
            .text
            .lines()
            .nth(file_line.saturating_sub(1))
            .and_then(|l| {
                l.find(&format!("]({}", link.dest))
                    .map(|i| l[..i].chars().count() + 3)
            })
            .unwrap_or(0);
        Diagnostic::error_text(&item.doc.file, message)
            .at(&item.text, file_line, column)
            .help(help)
    };
    let dest = &link.dest;
    let Some(target) = &link.target else {
        return Some(at(
            text!(CHECK_LINK_OUTSIDE_CONTENT, url = dest),
            text!(CHECK_LINK_OUTSIDE_CONTENT_HELP),
        ));
    };
    let Some(target_item) = content.get(target.as_str()) else {
        if on_disk(project, slug, target) {
            return None; // it failed to load; that is reported on its own
        }
        let dir = crate::paths::parent(&item.doc.rel);
        let rels: Vec<&str> = content.keys().copied().collect();
        let help = match suggest(target, rels.iter().copied()) {
            Some(s) => text!(CHECK_LINK_DID_YOU_MEAN, suggestion = relative_from(dir, s)),
            None => text!(CHECK_LINK_EXISTING_HELP),
        };
        return Some(at(
            text!(CHECK_CONTENT_LINK_MISSING, url = dest, target = target),
            help,
        ));
    };
    if !bodies.contains_key(target.as_str()) {
        if target_item.doc.role == Role::Buddy {
            return Some(at(
                text!(CHECK_LINK_BUDDY_NOT_OFFERED, url = dest),
                text!(CHECK_LINK_BUDDY_NOT_OFFERED_HELP, slug = slug),
            ));
        }
        return None; // it failed to render; that is reported on its own
    }
    let target_page = page_path(target);
    let fragment = match (&link.fragment, target_item.doc.role) {
        (Some(f), _) if !f.is_empty() => f.clone(),
        _ => return None,
    };
    let ids = refs.get(target_page.as_str())?;
    if ids.ids.contains(&fragment) {
        return None;
    }
    Some(at(
        text!(CHECK_ANCHOR_MISSING, url = dest, fragment = &fragment),
        anchor_help(&fragment, &target_page, bodies),
    ))
}

/// `target` (a content path) as a link from a file in folder `dir`.
fn relative_from(dir: &str, target: &str) -> String {
    let depth = dir.split('/').filter(|s| !s.is_empty()).count();
    format!("{}{target}", "../".repeat(depth))
}

/// A problem about `needle` on a page: at its line in the page's content files, else at its
/// line in a theme template, else on the page's source file as a whole.
pub(super) fn locate(
    project: &Project,
    items: &[&Item],
    source: &str,
    needle: &str,
    message: Text,
) -> Diagnostic {
    if let Some(d) = content_located(project, items, needle, message.clone()) {
        return d;
    }
    if let Some((origin, text, line, column)) = in_templates(project, needle) {
        return Diagnostic::error_text(origin, message).at(&text, line, column);
    }
    Diagnostic::error_text(source, message)
}

/// A problem at the line of `needle` in one of the page's content files; `None` when the
/// needle is written in a theme template instead (reported there, once), and a problem on
/// the page's file when it is found nowhere (it came from a YAML value).
pub(super) fn content_located(
    project: &Project,
    items: &[&Item],
    needle: &str,
    message: Text,
) -> Option<Diagnostic> {
    for item in items {
        if let Some((line, column)) = find_written(&item.text, needle) {
            return Some(
                Diagnostic::error_text(&item.doc.file, message).at(&item.text, line, column),
            );
        }
    }
    if in_templates(project, needle).is_some() {
        return None;
    }
    let file = items
        .first()
        .map_or("(theme)".to_owned(), |i| i.doc.file.clone());
    Some(Diagnostic::error_text(file, message))
}

/// Where `needle` is written in `text`: preferably as a link or attribute value.
fn find_written(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    for pattern in [
        format!("]({needle}"),
        format!("\"{needle}\""),
        format!("'{needle}'"),
        format!("({needle}"),
    ] {
        if let Some((line, column)) = crate::yaml::find_value(text, 1, &pattern) {
            let shift = pattern
                .find(needle)
                .map_or(0, |i| pattern[..i].chars().count());
            return Some((line, column + shift));
        }
    }
    crate::yaml::find_value(text, 1, needle)
}

/// Where `needle` is written in a theme template: (origin, text, line, column).
pub(super) fn in_templates(
    project: &Project,
    needle: &str,
) -> Option<(String, String, usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    project.theme.templates().find_map(|(_, file)| {
        let text = std::str::from_utf8(&file.bytes).ok()?;
        let (line, column) = crate::yaml::find_value(text, 1, needle)?;
        Some((file.origin.clone(), text.to_owned(), line, column))
    })
}
