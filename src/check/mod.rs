//! Checks on the loaded project and on every rendered site: what parents would trip over.
//!
//! Run on every build, in memory, before anything is written: placeholders left in a page,
//! links and `#anchors` that lead nowhere, photos that are not there, resources from other
//! hosts, headings and colours that some parents cannot follow. Problems name the file the
//! editor wrote, not the generated page, wherever that can be known: a broken link written in
//! Markdown is reported at its line in the `.md` file.
//!
//! Three entry points:
//! - [`project`]: after loading, once (the theme's colours, CSS and templates, symlinks);
//! - [`site`]: for every rendered school site (brand colours, links, anchors, photos,
//!   placeholders, hosts, pages without text);
//! - [`partial`]: when loading found errors, renders what did load, so that one run still
//!   reports every problem, not only those of the files that failed to load.

pub mod contrast;
pub mod privacy;
pub mod toolkit;
pub mod translations;

use crate::content::Role;
use crate::diagnostics::{suggest, Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::messages::Text;
use crate::project::{page_path, Item, Project, SchoolEntry};
use crate::render::Site;
use crate::text;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

pub use crate::scan::{css_urls, host, js_urls, scan, PageRefs};
use crate::scan::{has_scheme, is_resource};

/// Hosts pages may load from: those the SWV allows, and the sites' own published addresses.
fn allowed_host(project: &Project, host: &str) -> bool {
    let mut own = project
        .config
        .base_url
        .iter()
        .chain(
            project
                .schools
                .values()
                .filter_map(|e| e.school.base_url.as_ref()),
        )
        .filter_map(|u| self::host(u));
    project
        .config
        .allowed_hosts
        .iter()
        .any(|a| a.eq_ignore_ascii_case(host))
        || own.any(|a| a.eq_ignore_ascii_case(host))
}

const LEAK_HELP: crate::messages::Msg = crate::messages::registry::LEAK_HELP;

// ---------------------------------------------------------------------------------------
// After loading
// ---------------------------------------------------------------------------------------

/// Checks on the loaded project as a whole: brand colours against the theme's colour pairs,
/// resources from other hosts in the theme's CSS and templates, and symbolic links that lead
/// out of the project.
pub fn project(project: &Project, problems: &mut Diagnostics) {
    problems.extend(crate::contrast::theme_problems(project));
    toolkit::project(project, problems);
    theme_hosts(project, problems);
    symlinks(project, problems);
    not_found_pages(project, problems);
    problems.extend(translations::problems(project));
}

/// A server shows a school's `404.html` for any missing address, also deep in the site;
/// without `base_url` its links are relative and only work for addresses at the top level.
fn not_found_pages(project: &Project, problems: &mut Diagnostics) {
    for entry in project.schools.values() {
        if entry.school.base_url.is_none() {
            problems.push(
                Diagnostic::warning_text(
                    &entry.school.file,
                    text!(CHECK_404_TOP_LEVEL, slug = &entry.school.slug),
                )
                .help(text!(CHECK_404_TOP_LEVEL_HELP)),
            );
        }
    }
}

/// `url(…)` and `@import` in the theme's CSS and in CSS files of the project, and resource
/// URLs written into the theme's templates.
fn theme_hosts(project: &Project, problems: &mut Diagnostics) {
    let theme = project
        .theme
        .files
        .iter()
        .map(|(name, f)| (name.as_str(), f.origin.as_str(), &f.bytes));
    let project_css = project
        .content_assets
        .values()
        .chain(project.schools.values().flat_map(|s| s.assets.values()))
        .filter(|a| a.origin.to_ascii_lowercase().ends_with(".css"))
        .map(|a| ("project.css", a.origin.as_str(), &a.bytes));
    for (name, origin, bytes) in theme.chain(project_css) {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let lines = crate::diagnostics::LineIndex::new(text);
        let at = |offset: usize, message: Text| {
            let line = lines.line(offset);
            let column = text[..offset]
                .rfind('\n')
                .map_or(offset, |n| offset - n - 1)
                + 1;
            Diagnostic::error_text(origin, message)
                .at(
                    text,
                    line,
                    text.get(offset - (column - 1)..offset)
                        .map_or(column, |s| s.chars().count() + 1),
                )
                .help(Text::new(LEAK_HELP))
        };
        if name.ends_with(".css") {
            for (offset, url) in css_urls(text) {
                if let Some(h) = host(&url).filter(|h| !allowed_host(project, h)) {
                    problems.push(at(
                        offset,
                        text!(CHECK_CSS_OTHER_HOST, url = &url, host = &h),
                    ));
                }
            }
        } else if name.ends_with(".js") {
            for (offset, url) in js_urls(text) {
                if let Some(h) = host(&url).filter(|h| !allowed_host(project, h)) {
                    problems.push(at(
                        offset,
                        text!(CHECK_JS_OTHER_HOST, url = &url, host = &h),
                    ));
                }
            }
        } else if name.starts_with("templates/") {
            let refs = scan(text);
            let resources = refs
                .urls
                .iter()
                .filter(|(tag, attr, _)| is_resource(tag, attr))
                .map(|(_, _, u)| u)
                .chain(refs.css_urls.iter())
                .chain(refs.script_urls.iter());
            for url in resources {
                if let Some(h) = host(url).filter(|h| !allowed_host(project, h)) {
                    let offset = text.find(url.as_str()).unwrap_or(0);
                    problems.push(at(
                        offset,
                        text!(CHECK_TEMPLATE_OTHER_HOST, url = url, host = &h),
                    ));
                }
            }
        }
    }
}

/// Folders and files that are symbolic links to somewhere outside the project.
fn symlinks(project: &Project, problems: &mut Diagnostics) {
    let root = &project.root;
    let Ok(canonical_root) = root.canonicalize() else {
        return;
    };
    let mut candidates: Vec<String> = vec![
        "content".into(),
        "schools".into(),
        "themes".into(),
        format!("themes/{}", project.config.theme),
    ];
    for slug in project.schools.keys() {
        candidates.push(format!("schools/{slug}"));
        candidates.push(format!("schools/{slug}.yaml"));
        candidates.push(format!("schools/{slug}.yml"));
    }
    if let Some((logo, _)) = &project.swv_logo {
        let mut path = String::new();
        for part in logo.split('/') {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(part);
            candidates.push(path.clone());
        }
    }
    for rel in candidates {
        let path = root.join(&rel);
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link
            && !path
                .canonicalize()
                .is_ok_and(|p| p.starts_with(&canonical_root))
        {
            problems.push(
                Diagnostic::error_text(&rel, text!(PROJECT_OUTSIDE_LINK))
                    .help(text!(PROJECT_OUTSIDE_LINK_HELP)),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// When loading failed
// ---------------------------------------------------------------------------------------

/// True when a content file for `rel` exists on disk (shared or in the school's folder)
/// although it is not loaded: it failed to load and its own error is reported already.
fn on_disk(project: &Project, slug: &str, rel: &str) -> bool {
    let rel_path = Path::new(rel);
    project.root.join("content").join(rel_path).is_file()
        || project
            .root
            .join("schools")
            .join(slug)
            .join(rel_path)
            .is_file()
}

/// The content files that would make the page at output path `target`.
fn sources_of(target: &str) -> Vec<String> {
    if target == "index.html" {
        return vec!["index.md".into()];
    }
    if target == "404.html" {
        return vec!["404.md".into()];
    }
    match target.strip_suffix("/index.html") {
        Some(dir) => vec![
            format!("{dir}.md"),
            format!("{dir}/_index.md"),
            format!("{dir}/index.md"),
        ],
        None => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Every rendered site
// ---------------------------------------------------------------------------------------

/// Problems of one kind reported per page (or file) at most.
const MAX_PER_PAGE: usize = 50;

/// Pages that every site needs and that must have text.
const REQUIRED: &[Role] = &[
    Role::Home,
    Role::Letter,
    Role::Contact,
    Role::BuddiesIntro,
    Role::FaqIntro,
];

/// Checks one rendered school site against its plan: the problems found, for the build to add
/// to the site's own.
pub fn school(project: &Project, plan: &crate::plan::SchoolPlan, site: &Site) -> Vec<Diagnostic> {
    let bodies: HashMap<&str, Arc<Rendered>> = site
        .bodies
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let mut problems = Vec::new();
    self::site(
        project,
        plan.entry,
        &plan.content,
        &site.sources,
        &bodies,
        site,
        &mut problems,
    );
    // Translated buddy profiles are held to the same privacy rules as their source.
    for lang in &plan.languages {
        for translated in lang.buddies.iter().filter_map(|(_, t)| *t) {
            problems.extend(privacy::buddy(project, plan.entry, translated));
        }
    }
    problems
}

/// Checks one rendered school site. `content` is the school's content (shared files and its
/// overrides), `sources` maps page paths to the content file they came from, and `bodies`
/// holds the rendered Markdown of every content file on this site by content path.
pub fn site(
    project: &Project,
    entry: &SchoolEntry,
    content: &BTreeMap<&str, &Arc<Item>>,
    sources: &HashMap<String, String>,
    bodies: &HashMap<&str, Arc<Rendered>>,
    site: &Site,
    problems: &mut Vec<Diagnostic>,
) {
    let slug = &entry.school.slug;
    let files: HashSet<&str> = site
        .files
        .iter()
        .map(|f| f.path.as_str())
        .chain(site.known.iter().map(String::as_str))
        .collect();
    let pages: Vec<(&str, &str)> = site
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| Some((f.path.as_str(), std::str::from_utf8(f.body.bytes()).ok()?)))
        .collect();
    let refs: HashMap<&str, PageRefs> = pages.iter().map(|(p, html)| (*p, scan(html))).collect();
    // The content files shown on each page (a FAQ page shows every entry).
    let mut on_page: HashMap<String, Vec<&Item>> = HashMap::new();
    for (rel, item) in content {
        if bodies.contains_key(rel) {
            on_page
                .entry(page_path(rel))
                .or_default()
                .push(item.as_ref());
        }
    }
    let for_school = |message: Text| text!(FOR_SCHOOL, message = message, school = slug);
    problems.extend(crate::contrast::school_problems(project, entry));
    let mut content_hrefs: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut missing_photos: HashSet<String> = HashSet::new();

    for (rel, item) in content {
        let Some(rendered) = bodies.get(rel) else {
            continue;
        };
        let page = page_path(rel);
        let mut checked: HashSet<&str> = HashSet::new();
        let mut reported = 0;
        for link in &rendered.links {
            let written = link.href.as_deref().unwrap_or(&link.dest);
            content_hrefs
                .entry(pages_key(&pages, &page))
                .or_default()
                .insert(written);
            // Each link once, and a bounded number per file: a pasted document with a
            // thousand broken links gets the first ones, and stays fast.
            if reported >= MAX_PER_PAGE || !checked.insert(&link.dest) {
                continue;
            }
            if let Some(d) = content_link_problem(project, slug, content, bodies, &refs, item, link)
            {
                reported += 1;
                problems.push(d.for_school(slug));
            }
        }
        if REQUIRED.contains(&item.doc.role) && rendered.html.trim().is_empty() {
            problems.push(
                Diagnostic::error_text(&item.doc.file, text!(CHECK_PAGE_NO_TEXT))
                    .at(&item.text, item.doc.body_line_offset, 0)
                    .help(text!(CHECK_PAGE_NO_TEXT_HELP)),
            );
        }
        if let crate::content::Meta::Buddy(b) = &item.doc.meta {
            problems.extend(privacy::buddy(project, entry, item));
            if let Some(photo) = &b.photo {
                let path = crate::paths::join(crate::paths::parent(rel), photo).unwrap_or_default();
                if !files.contains(path.as_str()) {
                    missing_photos.insert(path.clone());
                    let name = photo.rsplit('/').next().unwrap_or(photo);
                    // Files the school could publish, not only those it does: a photo
                    // named with other capitals is not used, so it is not published.
                    let near: Vec<&str> = files
                        .iter()
                        .copied()
                        .chain(project.content_assets.keys().map(String::as_str))
                        .chain(entry.assets.keys().map(String::as_str))
                        .filter(|f| crate::paths::parent(f) == crate::paths::parent(&path))
                        .collect();
                    let help = match near.iter().find(|f| f.eq_ignore_ascii_case(&path)) {
                        Some(same) => text!(
                            CHECK_PHOTO_CAPITALS_HELP,
                            name = same.rsplit('/').next().unwrap_or(same)
                        ),
                        None => text!(
                            CHECK_PHOTO_PUT_HELP,
                            name = name,
                            file = item.doc.file.rsplit('/').next().unwrap_or(&item.doc.file)
                        ),
                    };
                    let mut d = Diagnostic::error_text(
                        &item.doc.file,
                        text!(CHECK_PHOTO_MISSING, photo = photo),
                    )
                    .help(help);
                    if b.photo_at.0 > 0 {
                        d = d.at(&item.text, b.photo_at.0, b.photo_at.1);
                    }
                    problems.push(d);
                }
            }
        }
    }

    for (path, html) in &pages {
        let items: &[&Item] = on_page.get(*path).map_or(&[], Vec::as_slice);
        let source = sources
            .get(*path)
            .cloned()
            .unwrap_or_else(|| "(theme)".to_owned());
        let located =
            |message: Text, needle: &str| locate(project, items, &source, needle, message);
        for f in crate::placeholders::find(html) {
            let text = &html[f.start..f.end];
            if items.iter().any(|i| i.doc.body.contains(text)) {
                continue; // written in the page's .md file: reported at load, at its line
            }
            problems.push(
                located(
                    for_school(text!(CHECK_PLACEHOLDER_LEFT, placeholder = text)),
                    text,
                )
                .help(text!(CHECK_PLACEHOLDER_LEFT_HELP)),
            );
        }
        let Some(page_refs) = refs.get(path) else {
            continue;
        };
        let own_hrefs = content_hrefs.get(path);
        let mut checked: HashSet<&str> = HashSet::new();
        let before = problems.len();
        // Written into a theme template: reported once for the template already.
        let leak = |url: &str, h: &str| {
            content_located(
                project,
                items,
                url,
                text!(CHECK_PAGE_OTHER_HOST, url = url, host = h),
            )
            .map(|d| d.help(Text::new(LEAK_HELP)))
        };
        for url in page_refs.css_urls.iter().chain(&page_refs.script_urls) {
            if let Some(h) = host(url).filter(|h| !allowed_host(project, h)) {
                problems.extend(leak(url, &h));
            }
        }
        for (tag, attr, url) in &page_refs.urls {
            if problems.len() - before >= MAX_PER_PAGE || !checked.insert(url) {
                continue;
            }
            if let Some(h) = host(url) {
                if is_resource(tag, attr) && !allowed_host(project, &h) {
                    problems.extend(leak(url, &h));
                }
                continue;
            }
            if has_scheme(url) || own_hrefs.is_some_and(|h| h.contains(url.as_str())) {
                continue; // mailto:, tel:, data:; links to .md files are checked at their line
            }
            // The 404 page links from the path of `base_url` (render::url_path), so it works
            // for a missing address at any depth; check those links as paths from the root.
            let rooted = (*path == "404.html")
                .then(|| {
                    entry
                        .school
                        .base_url
                        .as_deref()
                        .map(crate::render::url_path)
                })
                .flatten()
                .and_then(|root| url.strip_prefix(root.as_str()).map(str::to_owned));
            let url = rooted.as_ref().unwrap_or(url);
            if url.starts_with('/') {
                problems.push(
                    located(for_school(text!(CHECK_LINK_ROOTED, url = url)), url)
                        .help(text!(CHECK_LINK_ROOTED_HELP)),
                );
                continue;
            }
            let (target_part, fragment) = match url.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (url.as_str(), None),
            };
            let target_part = target_part.split('?').next().unwrap_or("");
            let folder_link = tag == "a"
                && (target_part.ends_with('/') || target_part == "." || target_part == "..");
            let target = if target_part.is_empty() {
                Some((*path).to_owned())
            } else {
                crate::paths::join(
                    crate::paths::parent(path),
                    &crate::paths::percent_decode_lossy(target_part),
                )
                .map(|t| {
                    if t.is_empty() || target_part.ends_with('/') {
                        format!("{}{}index.html", t, if t.is_empty() { "" } else { "/" })
                    } else {
                        t
                    }
                })
            };
            let Some(target) = target else {
                problems.push(located(
                    for_school(text!(CHECK_LINK_OUTSIDE_SITE, url = url)),
                    url,
                ));
                continue;
            };
            if folder_link && files.contains(target.as_str()) {
                problems.push(
                    located(for_school(text!(CHECK_LINK_FOLDER, url = url)), url)
                        .help(text!(CHECK_LINK_FOLDER_HELP)),
                );
                continue;
            }
            if !files.contains(target.as_str()) {
                let logo = entry.school.brand.logo.as_deref() == Some(target.as_str());
                if logo
                    || missing_photos.contains(&target)
                    || sources_of(&target)
                        .iter()
                        .any(|rel| on_disk(project, slug, rel))
                {
                    continue; // reported at `logo:` or `photo:`, or the page's file failed to load
                }
                // Written relative to the .md file rather than to the page's address?
                let beside_md = items.first().and_then(|i| {
                    let found = crate::paths::join(
                        crate::paths::parent(&i.doc.rel),
                        &crate::paths::percent_decode_lossy(target_part),
                    )?;
                    files
                        .contains(found.as_str())
                        .then(|| crate::paths::relative_url(path, &found))
                });
                let (message, mut help) = if tag == "img" {
                    (
                        text!(CHECK_IMAGE_MISSING, url = url),
                        text!(CHECK_IMAGE_MISSING_HELP),
                    )
                } else {
                    (
                        text!(CHECK_LINK_MISSING, url = url),
                        text!(CHECK_LINK_MISSING_HELP),
                    )
                };
                if let Some(fixed) = beside_md {
                    help = text!(
                        CHECK_LINK_BESIDE_MD_HELP,
                        fixed = fixed,
                        folder = crate::paths::parent(path).to_owned() + "/"
                    );
                }
                problems.push(located(for_school(message), url).help(help));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let fragment = crate::paths::percent_decode_lossy(fragment);
                if let Some(target_refs) = refs.get(target.as_str()) {
                    if !target_refs.ids.contains(&fragment)
                        && !on_disk(project, slug, &format!("vragen/{fragment}.md"))
                    {
                        problems.push(
                            located(
                                for_school(text!(
                                    CHECK_ANCHOR_MISSING,
                                    url = url,
                                    fragment = &fragment
                                )),
                                url,
                            )
                            .help(anchor_help(&fragment, &target, bodies)),
                        );
                    }
                }
            }
        }
    }
}

/// The key under which a page's own content-link URLs are kept (the page path as `pages`
/// holds it, so lookups by `&str` work).
fn pages_key<'p>(pages: &[(&'p str, &str)], page: &str) -> &'p str {
    pages
        .iter()
        .find(|(p, _)| *p == page)
        .map_or("", |(p, _)| p)
}

fn anchor_help(fragment: &str, target_page: &str, bodies: &HashMap<&str, Arc<Rendered>>) -> Text {
    // The anchors an editor made: headings in the Markdown shown on that page, and the
    // FAQ entries' file names (not the theme's own ids).
    let mut ids: Vec<String> = bodies
        .iter()
        .filter(|(rel, _)| page_path(rel) == target_page)
        .flat_map(|(rel, r)| {
            let entry = (Role::of(rel) == Role::FaqEntry)
                .then(|| crate::content::url_of(rel))
                .and_then(|u| u.split_once('#').map(|(_, id)| id.to_owned()));
            scan(&r.html).ids.into_iter().chain(entry)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let how = text!(CHECK_ANCHOR_HOW);
    match suggest(fragment, ids.iter().map(String::as_str)) {
        Some(s) => text!(CHECK_ANCHOR_DID_YOU_MEAN, suggestion = s, how = how),
        None if ids.is_empty() => text!(CHECK_ANCHOR_NO_HEADINGS, how = how),
        None => {
            let shown: Vec<String> = ids.iter().take(8).map(|i| format!("`#{i}`")).collect();
            let more = if ids.len() > 8 { ", …" } else { "" };
            text!(
                CHECK_ANCHOR_LIST,
                anchors = format!("{}{more}", shown.join(", ")),
                how = how
            )
        }
    }
}

/// A link written in Markdown to another content file (`[de brief](brief.md#kosten)`):
/// the file must exist, be on this school's site, and have the anchor.
fn content_link_problem(
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
fn locate(
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
fn content_located(
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
fn in_templates(project: &Project, needle: &str) -> Option<(String, String, usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    project.theme.templates().find_map(|(_, file)| {
        let text = std::str::from_utf8(&file.bytes).ok()?;
        let (line, column) = crate::yaml::find_value(text, 1, needle)?;
        Some((file.origin.clone(), text.to_owned(), line, column))
    })
}
