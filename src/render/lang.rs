//! One school site in several languages: the view of the plan per language, the language
//! switcher and `hreflang` alternates of a page, and links in translated text that lead to
//! pages only the source language has.
//!
//! The source language's pages keep their paths; another language's pages live under its
//! folder (`en/brief/index.html`). Every path here is from the site root; templates make
//! them relative with `url()`, so the sites keep working from disk and under any sub-path.

use crate::content::{url_of, Role};
use crate::plan::{PagePlan, SchoolPlan};
use crate::project::{page_path, Item};
use crate::render::markdown::Rendered;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// The pages of one language of a school site, as rendering needs them.
pub(super) struct View<'a> {
    /// The language code.
    pub lang: &'a str,
    /// Its folder from the site root: `""` for the source language, `"en/"` for others.
    pub prefix: &'a str,
    /// Its pages.
    pub pages: &'a [PagePlan<'a>],
    /// Its content (the source language's files, or the translations), for the menu.
    pub content: &'a BTreeMap<&'a str, &'a Arc<Item>>,
    /// The buddies to list: the item to show, and whether it is in this language.
    pub buddies: Vec<(&'a Item, bool)>,
    /// The FAQ entries: the item to show, and whether it is in this language.
    pub faq: Vec<(&'a Item, bool)>,
    /// Its page paths, to answer "is there a version of this page" at once.
    paths: HashSet<&'a str>,
    /// The content paths it has translations of (all, for the source language).
    translated: HashSet<&'a str>,
}

impl<'a> View<'a> {
    /// Whether this language has its own version of the page at `path` (from the site root,
    /// with its prefix).
    pub fn has_page(&self, path: &str) -> bool {
        self.paths.contains(path)
    }

    /// This language's path of the source page at `source_path`, when it has one.
    pub fn version_of(&self, source_path: &str) -> Option<String> {
        let own = format!("{}{source_path}", self.prefix);
        self.has_page(&own).then_some(own)
    }

    /// Whether the page that shows content file `rel` exists in this language (for a FAQ
    /// entry: the FAQ page exists and the entry is translated).
    pub fn shows(&self, rel: &str) -> bool {
        let on_page = self.has_page(&format!("{}{}", self.prefix, page_path(rel)));
        match Role::of(rel) {
            Role::FaqEntry => on_page && self.translated.contains(rel),
            _ => on_page,
        }
    }
}

/// Every language of the plan's school, the source language first.
pub(super) fn views<'a>(plan: &'a SchoolPlan<'a>) -> Vec<View<'a>> {
    let mut out = vec![View {
        lang: plan.source_lang,
        prefix: "",
        pages: &plan.pages,
        content: &plan.content,
        buddies: plan.buddies.iter().map(|b| (*b, true)).collect(),
        faq: plan.faq.iter().map(|f| (*f, true)).collect(),
        paths: plan.pages.iter().map(|p| p.path.as_str()).collect(),
        translated: plan.content.keys().copied().collect(),
    }];
    for l in &plan.languages {
        out.push(View {
            lang: l.lang,
            prefix: &l.prefix,
            pages: &l.pages,
            content: &l.content,
            buddies: l
                .buddies
                .iter()
                .map(|(source, t)| t.map_or((*source, false), |t| (t, true)))
                .collect(),
            faq: l
                .faq
                .iter()
                .map(|(source, t)| t.map_or((*source, false), |t| (t, true)))
                .collect(),
            paths: l.pages.iter().map(|p| p.path.as_str()).collect(),
            translated: l.content.keys().copied().collect(),
        });
    }
    out
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub(super) struct Switch<'a> {
    /// Language code, for `lang` and `hreflang`.
    pub code: &'a str,
    /// The language's name in itself (`العربية`).
    pub name: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// Path from the site root of this page in that language, or of that language's home
    /// page when this page has no version in it.
    pub url: String,
    /// Whether it is the page's own language.
    pub current: bool,
}

/// A version of a page in one language, for `<link rel="alternate" hreflang>` and the
/// sitemap.
#[derive(Serialize, Clone)]
pub(super) struct Alternate {
    /// Language code (`x-default` for the source language's version, once more).
    pub lang: String,
    /// Path from the site root.
    pub path: String,
    /// The absolute URL, when the school has a `base_url`.
    pub absolute: Option<String>,
}

/// The versions of the page whose source-language path is `source_path`, in every
/// language that has one, with `x-default` (the source language's) last.
pub(super) fn alternates(views: &[View], source_path: &str, base: Option<&str>) -> Vec<Alternate> {
    let mut out: Vec<Alternate> = views
        .iter()
        .filter_map(|v| {
            let path = v.version_of(source_path)?;
            Some(Alternate {
                lang: v.lang.to_owned(),
                absolute: base.map(|b| format!("{b}{}", pretty(&path))),
                path: pretty(&path).to_owned(),
            })
        })
        .collect();
    if out.len() < 2 {
        return Vec::new();
    }
    if let Some(first) = out.first().cloned() {
        out.push(Alternate {
            lang: "x-default".into(),
            ..first
        });
    }
    out
}

/// The language switcher of the page at `source_path` shown in `current`: every language
/// of the site, each linking to this page in it, or to its home page.
pub(super) fn switcher<'a>(
    views: &'a [View<'a>],
    current: &str,
    source_path: &str,
    endonyms: Option<&serde_json::Value>,
) -> Vec<Switch<'a>> {
    if views.len() < 2 {
        return Vec::new();
    }
    views
        .iter()
        .map(|v| {
            let path = v
                .version_of(source_path)
                .unwrap_or_else(|| v.prefix.to_owned());
            Switch {
                code: v.lang,
                name: endonym(endonyms, v.lang),
                dir: crate::config::direction(v.lang),
                url: pretty(&path).to_owned(),
                current: v.lang == current,
            }
        })
        .collect()
}

/// A language's own name from the words' `language_endonyms`, or its code.
pub(super) fn endonym(endonyms: Option<&serde_json::Value>, code: &str) -> String {
    endonyms
        .and_then(|m| m.get(code))
        .and_then(|n| n.as_str())
        .map_or_else(|| code.to_owned(), str::to_owned)
}

/// The path of the source-language page that the page at `path` in `view` is a version of.
pub(super) fn source_path<'p>(view: &View, path: &'p str) -> &'p str {
    path.strip_prefix(view.prefix).unwrap_or(path)
}

/// `brief/index.html` → `brief/`.
pub(super) fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// Localized bodies shared between the schools of one build: a translated text that is the
/// same for every school (most are) is localized, and so typeset, once instead of once per
/// school; that was most of what a language added to a build beyond its own pages.
#[derive(Debug, Default)]
pub(super) struct Localized {
    map: Mutex<HashMap<LocalizedKey, LocalizedEntry>>,
}

/// The body a [`LocalizedKey`] names (kept alive), and its localized version.
type LocalizedEntry = (Arc<Rendered>, Arc<Rendered>);

/// What a localized body depends on: the rendered body (by identity: the entry keeps it
/// alive, so its address cannot be reused), the page and language, and for each of its
/// links whether this language shows the target.
#[derive(Debug, PartialEq, Eq, Hash)]
struct LocalizedKey {
    body: usize,
    page: String,
    prefix: String,
    source_lang: String,
    marker: String,
    shown: Vec<bool>,
}

/// Entries kept at most (a body rendered for one school only is never reused).
const LOCALIZED_LIMIT: usize = 4096;

/// [`localize`], once per distinct body, page and language view for the whole build when
/// `shared` (the body is the same for every school); a body rendered for this school alone
/// is localized without keeping it. A body without links to other content files is
/// returned as it is.
pub(super) fn localized(
    cache: &Localized,
    rendered: &Arc<Rendered>,
    shared: bool,
    page: &str,
    view: &View,
    source_lang: &str,
    marker: &str,
) -> Arc<Rendered> {
    let links = || {
        rendered
            .links
            .iter()
            .filter_map(|l| Some((l.target.as_ref()?, l)).filter(|_| l.href.is_some()))
    };
    if links().next().is_none() {
        return rendered.clone();
    }
    if !shared {
        return Arc::new(localize(rendered, page, view, source_lang, marker));
    }
    let key = LocalizedKey {
        body: Arc::as_ptr(rendered) as usize,
        page: page.to_owned(),
        prefix: view.prefix.to_owned(),
        source_lang: source_lang.to_owned(),
        marker: marker.to_owned(),
        shown: links().map(|(target, _)| view.shows(target)).collect(),
    };
    if let Some((_, hit)) = cache.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return hit;
    }
    let made = Arc::new(localize(rendered, page, view, source_lang, marker));
    if let Ok(mut m) = cache.map.lock() {
        if m.len() < LOCALIZED_LIMIT {
            m.insert(key, (rendered.clone(), made.clone()));
        }
    }
    made
}

/// A translated text for the page at `page` in `view`: links to other content files lead to
/// their version in this language where there is one (Markdown made them lead to the source
/// language's page), and otherwise stay on the source page, marked with `hreflang` and
/// `marker` (`(Nederlands)` in the reader's language) after the link.
fn localize(
    rendered: &Rendered,
    page: &str,
    view: &View,
    source_lang: &str,
    marker: &str,
) -> Rendered {
    let mut html = rendered.html.clone();
    let mut done: HashSet<&str> = HashSet::new();
    for link in &rendered.links {
        let (Some(target), Some(href)) = (&link.target, &link.href) else {
            continue;
        };
        if !done.insert(href) {
            continue;
        }
        let needle = format!("<a href=\"{href}\"");
        if let Some(mut site) = version_path(view, source_lang, target, link.lang.as_deref()) {
            if let Some(f) = &link.fragment {
                site = format!("{}#{f}", site.split('#').next().unwrap_or(""));
            }
            let own = crate::paths::relative_url(page, &site);
            html = html.replace(&needle, &format!("<a href=\"{own}\""));
        } else {
            html = mark_fallbacks(&html, &needle, source_lang, marker);
        }
    }
    rendered.with_html(html)
}

/// Where a link from a page in `view` to content file `target` leads, from the site root:
/// written to one language's version (`brief.en.md`: `written_in`), that page; otherwise
/// this language's version. `None` when this language has none (the source language's page
/// is the one to show then). Used by the web pages and by the paper letter alike.
pub(super) fn version_path(
    view: &View,
    source_lang: &str,
    target: &str,
    written_in: Option<&str>,
) -> Option<String> {
    match written_in {
        Some(lang) if lang != source_lang => Some(format!("{lang}/{}", url_of(target))),
        Some(_) => Some(url_of(target)),
        None => view
            .shows(target)
            .then(|| format!("{}{}", view.prefix, url_of(target))),
    }
}

/// Every `<a href="…"` that starts with `needle` gets `hreflang`, and its `</a>` the marker.
fn mark_fallbacks(html: &str, needle: &str, source_lang: &str, marker: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(i) = rest.find(needle) {
        let after = i + needle.len();
        out.push_str(&rest[..after]);
        out.push_str(&format!(" hreflang=\"{source_lang}\""));
        rest = &rest[after..];
        if let Some(end) = rest.find("</a>") {
            let end = end + "</a>".len();
            out.push_str(&rest[..end]);
            out.push_str(&format!(
                " <span class=\"in-source-language\">{}</span>",
                super::escape_markup(marker)
            ));
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_links_are_marked_once_each() {
        let html = "<p><a href=\"../../contact/\">c</a> and <a href=\"../../contact/\" title=\"x\">d</a></p>";
        let out = mark_fallbacks(html, "<a href=\"../../contact/\"", "nl", "(Dutch)");
        assert_eq!(
            out,
            "<p><a href=\"../../contact/\" hreflang=\"nl\">c</a> <span class=\"in-source-language\">(Dutch)</span> and <a href=\"../../contact/\" hreflang=\"nl\" title=\"x\">d</a> <span class=\"in-source-language\">(Dutch)</span></p>"
        );
    }
}
