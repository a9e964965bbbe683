//! The parts of a school's site around its pages: buddy cards and the menu, the theme's
//! and the content's files, images, the sitemap and robots.txt.

use super::*;

impl<'a> SchoolRenderer<'a> {
    pub(super) fn theme_label(
        &self,
        key: &'a str,
        labels: &'a crate::load::theme::Labels,
    ) -> &'a str {
        self.project
            .config
            .experience_themes
            .get(key)
            .or_else(|| labels.experience_themes.get(key))
            .map_or(key, String::as_str)
    }

    pub(super) fn buddy_ctx(
        &self,
        item: &'a Item,
        body: &Rendered,
        labels: &'a crate::load::theme::Labels,
    ) -> BuddyCtx<'a> {
        let Meta::Buddy(m) = &item.doc.meta else {
            unreachable!("buddy_ctx is only called for buddies")
        };
        let dir = crate::paths::parent(&item.doc.rel);
        BuddyCtx {
            id: item.doc.id(),
            name: typography::text(&m.name),
            initials: m
                .name
                .chars()
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default(),
            summary: typography::text(&m.summary),
            url: crate::content::url_of(&item.doc.rel),
            themes: m
                .themes
                .iter()
                .map(|k| Labelled {
                    key: &k.key,
                    label: typography::text(self.theme_label(&k.key, labels)),
                })
                .collect(),
            languages: m
                .languages
                .iter()
                .map(|k| Language {
                    code: &k.key,
                    label: typography::text(label(&labels.languages, &k.key)),
                })
                .collect(),
            meet: m
                .meet
                .iter()
                .map(|k| Labelled {
                    key: &k.key,
                    label: typography::text(label(&labels.meet, &k.key)),
                })
                .collect(),
            photo: m.photo.as_ref().and_then(|p| crate::paths::join(dir, p)),
            photo_2x: m
                .photo
                .as_ref()
                .and_then(|p| crate::paths::join(dir, p))
                .map(|p| crate::plan::variant_2x(&p)),
            photo_alt: m.photo_alt.as_deref().map(typography::text),
            content: Value::from_safe_string(body.typeset().to_owned()),
            extra: &m.extra,
            lang: None,
        }
    }

    /// Main menu of `view`: (title, target path) sorted by weight, then title.
    pub(super) fn menu(&self, view: &lang::View) -> Vec<(String, String)> {
        let mut items: Vec<(i64, String, String)> = view
            .content
            .iter()
            .filter_map(|(rel, item)| {
                let meta = item.doc.page()?;
                let in_menu = matches!(
                    item.doc.role,
                    Role::Home
                        | Role::Letter
                        | Role::Contact
                        | Role::BuddiesIntro
                        | Role::FaqIntro
                        | Role::Page
                ) && meta.menu;
                let default_weight = if item.doc.role == Role::Home { 0 } else { 100 };
                in_menu.then(|| {
                    let label = meta.menu_title.as_deref().unwrap_or(&meta.title);
                    (
                        meta.weight.unwrap_or(default_weight),
                        typography::text(label),
                        format!("{}{}", view.prefix, crate::content::url_of(rel)),
                    )
                })
            })
            .collect();
        items.sort();
        items.into_iter().map(|(_, t, u)| (t, u)).collect()
    }

    /// The theme's files and the SWV logo, which every site has.
    pub(super) fn theme_files(&self, site: &mut Site) {
        for (rel, file) in self.project.theme.static_files() {
            site.files.push(SiteFile {
                path: format!("assets/{rel}"),
                body: Body::Shared(file.bytes.clone()),
            });
        }
        swv_logo(self.project, self.globals, site);
    }

    /// The content and school-folder files that the published pages use, and nothing else.
    pub(super) fn content_files(&self, site: &mut Site, used: &BTreeSet<String>) {
        for (candidate, use_) in self.plan.publish(used) {
            let asset = candidate.asset;
            site.published.push(asset.origin.clone());
            let kind = match use_ {
                AssetUse::Photo => ImageKind::BuddyPhoto,
                AssetUse::Logo => ImageKind::Logo,
                AssetUse::Linked => ImageKind::SchoolImage,
            };
            match publish_image(&self.globals.images, asset, kind) {
                None => site.files.push(SiteFile {
                    path: candidate.path.clone(),
                    body: Body::Shared(asset.bytes.clone()),
                }),
                Some(Err(d)) => site.problems.push(d),
                Some(Ok(processed)) => {
                    site.problems.extend(removed_warnings(asset, &processed));
                    for (path, bytes) in image_files(&candidate.path, use_, &processed) {
                        site.files.push(SiteFile {
                            path,
                            body: Body::Shared(bytes),
                        });
                    }
                }
            }
        }
    }

    pub(super) fn extras(&self, site: &mut Site, pages: &[(String, Vec<lang::Alternate>)]) {
        let base = self.entry.school.base_url.as_deref();
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if let Some(base) = base {
            robots.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
            let mut paths: Vec<(&str, &[lang::Alternate])> = pages
                .iter()
                .map(|(p, a)| (p.as_str(), a.as_slice()))
                .collect();
            paths.sort_unstable_by_key(|(p, _)| *p);
            site.files.push(SiteFile {
                path: "sitemap.xml".into(),
                body: Body::Owned(sitemap(base, &paths).into_bytes()),
            });
        }
        site.files.push(SiteFile {
            path: "robots.txt".into(),
            body: Body::Owned(robots.into_bytes()),
        });
        site.files.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// The SWV's logo, processed like a school's (re-encoded or sanitized), in every site.
pub(super) fn swv_logo(project: &Project, globals: &Globals, site: &mut Site) {
    let Some((path, asset)) = &project.swv_logo else {
        return;
    };
    let path = crate::plan::swv_logo_path(path);
    match publish_image(&globals.images, asset, ImageKind::Logo) {
        None => site.files.push(SiteFile {
            path,
            body: Body::Shared(asset.bytes.clone()),
        }),
        Some(Err(d)) => site.problems.push(d),
        Some(Ok(processed)) => {
            site.problems.extend(removed_warnings(asset, &processed));
            for (path, bytes) in image_files(&path, AssetUse::Logo, &processed) {
                site.files.push(SiteFile {
                    path,
                    body: Body::Shared(bytes),
                });
            }
        }
    }
}

/// Images (JPEG, PNG, WebP, SVG) are re-encoded without metadata or sanitized; `None` for
/// any other file, which is published as it is.
pub(super) fn publish_image(
    cache: &ImageCache,
    asset: &crate::project::Asset,
    kind: ImageKind,
) -> Option<Result<Arc<images::Processed>, Diagnostic>> {
    let lower = asset.origin.to_ascii_lowercase();
    if !crate::plan::is_image(&lower) && !lower.ends_with(".svg") {
        return None;
    }
    Some(images::process_shared(
        &asset.origin,
        &asset.bytes,
        images::display_for(kind),
        kind.fit(),
        cache,
    ))
}

/// A warning for each thing the SVG sanitizer removed, so the editor knows the drawing
/// changed.
pub(super) fn removed_warnings(
    asset: &crate::project::Asset,
    processed: &images::Processed,
) -> Vec<Diagnostic> {
    processed
        .removed
        .iter()
        .map(|what| {
            Diagnostic::warning_text(&asset.origin, crate::text!(IMAGE_PART_REMOVED, what = what))
                .help(crate::text!(IMAGE_PART_REMOVED_HELP))
        })
        .collect()
}

/// The files of a processed image: a buddy photo at its own path (1x) and at its `@2x`
/// path (the same bytes when the original is too small for more); other images at their
/// path, in the largest size made (at most twice what the theme shows).
pub(super) fn image_files(
    path: &str,
    use_: AssetUse,
    processed: &images::Processed,
) -> Vec<(String, Arc<[u8]>)> {
    let (Some(first), Some(last)) = (processed.variants.first(), processed.variants.last()) else {
        return Vec::new();
    };
    match use_ {
        AssetUse::Photo => vec![
            (path.to_owned(), first.bytes.clone()),
            (crate::plan::variant_2x(path), last.bytes.clone()),
        ],
        _ => vec![(path.to_owned(), last.bytes.clone())],
    }
}

/// Which content file each page came from, for diagnostics about the output.
pub(super) fn jobs_sources(jobs: &[PageJob]) -> HashMap<String, String> {
    jobs.iter()
        .filter_map(|j| Some((j.path.clone(), j.item?.doc.file.clone())))
        .collect()
}

/// The path of an absolute URL, with a slash at both ends (`https://x.nl/buddy/` → `/buddy/`):
/// where a site's own root is on its server, for pages a server shows at any address.
pub fn url_path(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i..])
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    format!("/{}/", path.trim_matches('/')).replace("//", "/")
}

/// `brief/index.html` → `brief/` for published URLs.
pub(super) fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// `sitemap.xml` of the pages at `paths` (from the site root), each with its versions in
/// other languages as `xhtml:link` alternates (every version lists all, itself included).
pub(super) fn sitemap(base: &str, paths: &[(&str, &[lang::Alternate])]) -> String {
    let multilingual = paths.iter().any(|(_, a)| !a.is_empty());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    if multilingual {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    for (p, alternates) in paths {
        let loc = escape_markup(&format!("{base}{}", pretty(p)));
        if alternates.is_empty() {
            xml.push_str(&format!("  <url><loc>{loc}</loc></url>\n"));
            continue;
        }
        xml.push_str(&format!("  <url><loc>{loc}</loc>"));
        for a in *alternates {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape_markup(&a.lang),
                escape_markup(&format!("{base}{}", a.path))
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The text escaped for HTML and XML (text and quoted attribute values): the sitemap and the
/// "(Nederlands)" marker of links to untranslated pages.
pub(super) fn escape_markup(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
