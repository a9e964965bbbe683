//! Rendering one school's site, and the overview: pure functions of the loaded project.
//!
//! The unit of work is one school. [`render_school`] reads nothing from disk and writes
//! nothing: it turns the [`Project`] into the bytes of every file of that school's site, plus
//! the problems it found, so the build can run schools in parallel and the live preview can
//! re-render a single school.

pub mod images;
pub mod markdown;
pub mod placeholders;
pub mod sanitize;
pub mod templates;

use crate::config::{Contact, Extra};
use crate::content::{Meta, Role};
use crate::diagnostics::Diagnostic;
use crate::project::{page_path, Item, Project, SchoolEntry};
use crate::school::Selection;
use markdown::{RawHtml, Rendered};
use minijinja::context;
use minijinja::value::Value;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The bytes of one output file.
#[derive(Debug, Clone)]
pub enum Body {
    /// Made for this page.
    Owned(Vec<u8>),
    /// Shared with other schools (theme assets), not copied.
    Shared(Arc<[u8]>),
}

impl Body {
    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Owned(v) => v,
            Body::Shared(a) => a,
        }
    }
}

/// One file of a site, by path from that site's root.
#[derive(Debug, Clone)]
pub struct SiteFile {
    /// Path from the site root, `/`-separated (`brief/index.html`).
    pub path: String,
    /// Its bytes.
    pub body: Body,
}

/// A rendered site (a school's, or the overview).
#[derive(Debug, Default)]
pub struct Site {
    /// Every file.
    pub files: Vec<SiteFile>,
    /// How many of them are HTML pages.
    pub pages: usize,
    /// Problems found while rendering; the site must not be written if any is an error.
    pub problems: Vec<Diagnostic>,
    /// Files of the site that exist but were not rendered this time (a partial render).
    pub known: Vec<String>,
}

/// Rendered Markdown shared between schools whose rendered source is identical, so a file
/// that renders the same for many schools goes through Markdown once.
#[derive(Debug, Default)]
pub struct MarkdownCache {
    map: Mutex<HashMap<(String, u64), Arc<Rendered>>>,
}

/// Entries kept at most: a source that differs per school (the letter names the school)
/// would otherwise fill memory without ever being reused.
const CACHE_LIMIT: usize = 1024;

impl MarkdownCache {
    fn get_or_render(
        &self,
        rel: &str,
        source: &str,
        render: impl FnOnce() -> Rendered,
    ) -> Arc<Rendered> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        source.hash(&mut hasher);
        let key = (rel.to_owned(), hasher.finish());
        if let Some(hit) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return hit;
        }
        let rendered = Arc::new(render());
        if let Ok(mut m) = self.map.lock() {
            if m.len() < CACHE_LIMIT {
                m.insert(key, rendered.clone());
            }
        }
        rendered
    }
}

/// A school as templates see it.
#[derive(Serialize)]
struct SchoolCtx<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    kind_label: &'a str,
    denomination: Option<&'a str>,
    place: &'a str,
    contact: &'a Contact,
    base_url: Option<&'a str>,
    extra: &'a Extra,
    brand: BrandCtx,
    url: String,
}

#[derive(Serialize)]
struct BrandCtx {
    primary: String,
    accent: String,
    on_primary: String,
    on_accent: String,
    primary_text: String,
    logo: Option<String>,
}

/// The SWV as templates see it.
#[derive(Serialize)]
struct SwvCtx<'a> {
    name: &'a str,
    short_name: &'a str,
    website: Option<&'a str>,
    logo: Option<String>,
    contact: &'a Contact,
    extra: &'a Extra,
}

#[derive(Serialize)]
struct Labelled<'a> {
    key: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct Language<'a> {
    code: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct BuddyCtx<'a> {
    id: &'a str,
    name: &'a str,
    initials: String,
    summary: &'a str,
    url: String,
    themes: Vec<Labelled<'a>>,
    languages: Vec<Language<'a>>,
    meet: Vec<Labelled<'a>>,
    photo: Option<String>,
    photo_alt: Option<&'a str>,
    content: Value,
    extra: &'a Extra,
}

#[derive(Serialize)]
struct FaqCtx<'a> {
    id: &'a str,
    question: &'a str,
    answer: Value,
    answer_text: String,
}

#[derive(Serialize, Clone)]
struct NavItem {
    title: String,
    url: String,
    current: bool,
}

/// One page to render.
struct PageJob<'a> {
    item: Option<&'a Item>,
    kind: &'static str,
    template: &'static str,
    path: String,
    title: Cow<'a, str>,
    description: Option<&'a str>,
    extra: Option<&'a Extra>,
}

/// A school as templates see it; paths in it are prefixed with `prefix`, the school's
/// folder as seen from the page (`""` on its own pages, `"slug/"` on the overview).
fn school_value(project: &Project, entry: &SchoolEntry, prefix: &str) -> Value {
    let s = &entry.school;
    let primary = s.brand.primary;
    let accent = s
        .brand
        .accent
        .unwrap_or_else(|| primary.mix(crate::color::WHITE, 0.8));
    ser(&SchoolCtx {
        slug: &s.slug,
        name: &s.name,
        kind: s.kind.key(),
        kind_label: label(&project.theme.labels.school_kinds, s.kind.key()),
        denomination: s.denomination.as_deref(),
        place: &s.place,
        contact: &s.contact,
        base_url: s.base_url.as_deref(),
        extra: &s.extra,
        brand: BrandCtx {
            primary: primary.to_string(),
            accent: accent.to_string(),
            on_primary: primary.text_on().to_string(),
            on_accent: accent.text_on().to_string(),
            primary_text: primary.readable_on(crate::color::WHITE, 4.5).to_string(),
            logo: s.brand.logo.as_ref().map(|l| format!("{prefix}{l}")),
        },
        url: prefix.to_owned(),
    })
}

/// Values shared by every page of every school.
pub struct Globals {
    swv: Value,
    words: Value,
    lang: Value,
}

impl Globals {
    /// Builds the values once per build.
    pub fn new(project: &Project) -> Globals {
        let c = &project.config;
        let swv = SwvCtx {
            name: &c.name,
            short_name: &c.short_name,
            website: c.website.as_deref(),
            logo: project
                .swv_logo
                .as_ref()
                .map(|(p, _)| format!("assets/swv/{}", file_name(p))),
            contact: &c.contact,
            extra: &c.extra,
        };
        Globals {
            swv: ser(&swv),
            words: ser(&project.theme.words),
            lang: Value::from(c.language.as_str()),
        }
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn label<'a>(map: &'a BTreeMap<String, String>, key: &'a str) -> &'a str {
    map.get(key).map_or(key, String::as_str)
}

/// Renders every file of school `slug`.
pub fn render_school(
    project: &Project,
    globals: &Globals,
    cache: &MarkdownCache,
    slug: &str,
) -> Site {
    let mut site = Site::default();
    let Some(entry) = project.schools.get(slug) else {
        return site;
    };
    let renderer = SchoolRenderer::new(project, globals, cache, entry);
    renderer.render(&mut site);
    site
}

/// Renders only the pages of school `slug` at `only` (paths from the school's site root),
/// for the live preview after a shared file changed that only those pages show. Links are
/// still checked against every file of the site; the other files are listed in
/// [`Site::known`].
pub fn render_school_pages(
    project: &Project,
    globals: &Globals,
    cache: &MarkdownCache,
    slug: &str,
    only: &BTreeSet<String>,
) -> Site {
    let mut site = Site::default();
    let Some(entry) = project.schools.get(slug) else {
        return site;
    };
    let mut renderer = SchoolRenderer::new(project, globals, cache, entry);
    renderer.only = Some(only);
    renderer.render(&mut site);
    site
}

struct SchoolRenderer<'a> {
    project: &'a Project,
    globals: &'a Globals,
    cache: &'a MarkdownCache,
    entry: &'a SchoolEntry,
    content: BTreeMap<&'a str, &'a Arc<Item>>,
    school: Value,
    raw_html: RawHtml,
    only: Option<&'a BTreeSet<String>>,
}

impl<'a> SchoolRenderer<'a> {
    fn new(
        project: &'a Project,
        globals: &'a Globals,
        cache: &'a MarkdownCache,
        entry: &'a SchoolEntry,
    ) -> Self {
        let school = school_value(project, entry, "");
        SchoolRenderer {
            project,
            globals,
            cache,
            entry,
            content: project.content_for(entry),
            school,
            raw_html: project.config.raw_html(),
            only: None,
        }
    }

    /// The rendered body of a content item for this school.
    fn body(&self, item: &Item, problems: &mut Vec<Diagnostic>) -> Option<Arc<Rendered>> {
        let Some(template) = &item.template else {
            return item.rendered.clone().map(Arc::new);
        };
        let path = page_path(&item.doc.rel);
        let ctx = context! {
            swv => self.globals.swv.clone(),
            school => self.school.clone(),
            t => self.globals.words.clone(),
            lang => self.globals.lang.clone(),
            page => context! { path => path.clone() },
        };
        let source = match self.project.templates.render(template, &ctx) {
            Ok(s) => s,
            Err(mut d) => {
                d.message = format!("{} (school `{}`)", d.message, self.entry.school.slug);
                problems.push(d);
                return None;
            }
        };
        let rendered = self.cache.get_or_render(&item.doc.rel, &source, || {
            markdown::render(&source, &item.doc.rel, &path, self.raw_html)
        });
        for f in &rendered.findings {
            let (line, _) = crate::diagnostics::line_col(&source, f.offset);
            let rendered_line = source.lines().nth(line - 1).unwrap_or("");
            let source_line = item
                .doc
                .body
                .lines()
                .position(|l| l == rendered_line)
                .unwrap_or(line - 1)
                + 1;
            let mut d = Diagnostic::error(&item.doc.file, f.message.clone())
                .at(&item.text, source_line + item.doc.body_line_offset, 0)
                .with_help(f.help.clone());
            if f.warning {
                d.severity = crate::diagnostics::Severity::Warning;
            }
            problems.push(d);
        }
        Some(rendered)
    }

    fn buddy_active(&self, item: &Item) -> bool {
        match &item.doc.meta {
            Meta::Buddy(b) => b.consent_until >= self.project.today,
            _ => false,
        }
    }

    fn offered(&self, id: &str) -> bool {
        match &self.entry.school.buddies {
            Selection::All => true,
            Selection::Only(ids) => ids.iter().any(|(i, _, _)| i == id),
        }
    }

    fn render(&self, site: &mut Site) {
        let words = &self.project.theme.words;
        let word = |key: &str, fallback: &'static str| -> Cow<'a, str> {
            words
                .get(key)
                .and_then(|v| v.as_str())
                .map_or(Cow::Borrowed(fallback), |s| Cow::Owned(s.to_owned()))
        };
        let mut jobs: Vec<PageJob> = Vec::new();
        let mut buddies: Vec<&Item> = Vec::new();
        let mut faq: Vec<&Item> = Vec::new();
        for (rel, item) in &self.content {
            let role = item.doc.role;
            let (kind, template) = match role {
                Role::Home => ("home", "home.html"),
                Role::Letter => ("letter", "letter.html"),
                Role::Contact => ("contact", "contact.html"),
                Role::BuddiesIntro => ("buddies", "buddies.html"),
                Role::FaqIntro => ("faq", "faq.html"),
                Role::NotFound => ("404", "404.html"),
                Role::Page => ("page", "page.html"),
                Role::Buddy => {
                    if self.buddy_active(item) && self.offered(item.doc.id()) {
                        buddies.push(item);
                    }
                    continue;
                }
                Role::FaqEntry => {
                    faq.push(item);
                    continue;
                }
            };
            let meta = item.doc.page();
            jobs.push(PageJob {
                item: Some(item),
                kind,
                template,
                path: page_path(rel),
                title: Cow::Borrowed(meta.map_or("", |m| m.title.as_str())),
                description: meta.and_then(|m| m.description.as_deref()),
                extra: meta.map(|m| &m.extra),
            });
        }
        buddies.sort_by_key(|b| sort_key(b));
        faq.sort_by_key(|f| sort_key(f));
        for b in &buddies {
            if let Meta::Buddy(meta) = &b.doc.meta {
                jobs.push(PageJob {
                    item: Some(b),
                    kind: "buddy",
                    template: "buddy.html",
                    path: page_path(&b.doc.rel),
                    title: Cow::Borrowed(meta.name.as_str()),
                    description: Some(meta.summary.as_str()),
                    extra: Some(&meta.extra),
                });
            }
        }
        if !jobs.iter().any(|j| j.kind == "404") {
            jobs.push(PageJob {
                item: None,
                kind: "404",
                template: "404.html",
                path: "404.html".into(),
                title: word("not_found_title", "404"),
                description: None,
                extra: None,
            });
        }
        let nav = self.menu();
        let mut problems = Vec::new();
        if let Some(only) = self.only {
            let (kept, other): (Vec<PageJob>, Vec<PageJob>) =
                jobs.into_iter().partition(|j| only.contains(&j.path));
            site.known = other.into_iter().map(|j| j.path).collect();
            jobs = kept;
        }
        let shows = |kind: &str| jobs.iter().any(|j| j.kind == kind);
        let (all_faq, all_buddies) = (shows("faq"), shows("buddies"));
        let mut bodies: HashMap<&str, Arc<Rendered>> = HashMap::new();
        for item in self.content.values() {
            if item.doc.role == Role::Buddy
                && !buddies.iter().any(|b| std::ptr::eq(*b, item.as_ref()))
            {
                continue;
            }
            let needed = match item.doc.role {
                Role::FaqEntry => all_faq,
                Role::Buddy => {
                    all_buddies
                        || jobs
                            .iter()
                            .any(|j| j.item.is_some_and(|i| std::ptr::eq(i, item.as_ref())))
                }
                _ => jobs
                    .iter()
                    .any(|j| j.item.is_some_and(|i| std::ptr::eq(i, item.as_ref()))),
            };
            if !needed {
                continue;
            }
            if let Some(r) = self.body(item, &mut problems) {
                bodies.insert(item.doc.rel.as_str(), r);
            }
        }
        let empty = Arc::new(Rendered::default());
        let body_of = |item: &Item| {
            bodies
                .get(item.doc.rel.as_str())
                .cloned()
                .unwrap_or_else(|| empty.clone())
        };
        for job in &jobs {
            let content = job.item.map(&body_of).unwrap_or_else(|| empty.clone());
            let page = context! {
                kind => job.kind,
                title => job.title.as_ref(),
                description => job.description,
                content => Value::from_safe_string(content.html.clone()),
                path => job.path.clone(),
                extra => job.extra.map_or(Value::from(()), ser),
            };
            let nav_here: Vec<NavItem> = nav
                .iter()
                .map(|(title, target)| NavItem {
                    title: title.clone(),
                    url: target.clone(),
                    current: job.path == format!("{target}index.html"),
                })
                .collect();
            let canonical = self
                .entry
                .school
                .base_url
                .as_ref()
                .map(|base| format!("{base}{}", pretty(&job.path)));
            let mut ctx = context! {
                lang => self.globals.lang.clone(),
                t => self.globals.words.clone(),
                swv => self.globals.swv.clone(),
                school => self.school.clone(),
                page => page,
                nav => ser(&nav_here),
                canonical => canonical,
            };
            match job.kind {
                "buddies" => {
                    let list: Vec<BuddyCtx> = buddies
                        .iter()
                        .map(|b| self.buddy_ctx(b, &body_of(b)))
                        .collect();
                    let mut used: Vec<&str> = buddies
                        .iter()
                        .filter_map(|b| match &b.doc.meta {
                            Meta::Buddy(m) => Some(m.themes.iter().map(|k| k.key.as_str())),
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    used.sort_by_key(|k| self.theme_label(k));
                    used.dedup();
                    let themes_used: Vec<Labelled> = used
                        .iter()
                        .map(|k| Labelled {
                            key: k,
                            label: self.theme_label(k),
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        buddies => ser(&list),
                        themes_used => ser(&themes_used),
                    }};
                }
                "buddy" => {
                    if let Some(item) = job.item {
                        let b = self.buddy_ctx(item, &body_of(item));
                        ctx = context! { ..ctx, ..context! { buddy => ser(&b) } };
                    }
                }
                "faq" => {
                    let list: Vec<FaqCtx> = faq
                        .iter()
                        .filter_map(|f| match &f.doc.meta {
                            Meta::Faq(m) => {
                                let r = body_of(f);
                                Some(FaqCtx {
                                    id: f.doc.id(),
                                    question: &m.question,
                                    answer: Value::from_safe_string(r.html.clone()),
                                    answer_text: r.text.clone(),
                                })
                            }
                            _ => None,
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! { faq => ser(&list) } };
                }
                _ => {}
            }
            match self.project.templates.render(job.template, &ctx) {
                Ok(html) => {
                    site.pages += 1;
                    site.files.push(SiteFile {
                        path: job.path.clone(),
                        body: Body::Owned(html.into_bytes()),
                    });
                }
                Err(mut d) => {
                    let from = job
                        .item
                        .map_or_else(|| "a 404 page".to_owned(), |i| i.doc.file.clone());
                    d.message = format!(
                        "{} (rendering {from} for school `{}`)",
                        d.message, self.entry.school.slug
                    );
                    problems.push(d);
                }
            }
        }
        if self.only.is_none() {
            self.assets(site);
            self.extras(site, &jobs);
        } else {
            let mut rest = Site::default();
            self.assets(&mut rest);
            site.known.extend(rest.files.into_iter().map(|f| f.path));
            site.known
                .extend(["robots.txt".to_owned(), "sitemap.xml".to_owned()]);
        }
        crate::check::site(
            self.project,
            self.entry,
            &self.content,
            &jobs_sources(&jobs),
            &bodies,
            site,
            &mut problems,
        );
        site.problems.extend(problems);
    }

    fn theme_label(&self, key: &'a str) -> &'a str {
        self.project
            .config
            .experience_themes
            .get(key)
            .or_else(|| self.project.theme.labels.experience_themes.get(key))
            .map_or(key, String::as_str)
    }

    fn buddy_ctx(&self, item: &'a Item, body: &Rendered) -> BuddyCtx<'a> {
        let Meta::Buddy(m) = &item.doc.meta else {
            unreachable!("buddy_ctx is only called for buddies")
        };
        let labels = &self.project.theme.labels;
        let dir = crate::paths::parent(&item.doc.rel);
        BuddyCtx {
            id: item.doc.id(),
            name: &m.name,
            initials: m
                .name
                .chars()
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default(),
            summary: &m.summary,
            url: crate::content::url_of(&item.doc.rel),
            themes: m
                .themes
                .iter()
                .map(|k| Labelled {
                    key: &k.key,
                    label: self.theme_label(&k.key),
                })
                .collect(),
            languages: m
                .languages
                .iter()
                .map(|k| Language {
                    code: &k.key,
                    label: label(&labels.languages, &k.key),
                })
                .collect(),
            meet: m
                .meet
                .iter()
                .map(|k| Labelled {
                    key: &k.key,
                    label: label(&labels.meet, &k.key),
                })
                .collect(),
            photo: m.photo.as_ref().and_then(|p| crate::paths::join(dir, p)),
            photo_alt: m.photo_alt.as_deref(),
            content: Value::from_safe_string(body.html.clone()),
            extra: &m.extra,
        }
    }

    /// Main menu: (title, target path) sorted by weight, then title.
    fn menu(&self) -> Vec<(String, String)> {
        let mut items: Vec<(i64, String, String)> = self
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
                    (
                        meta.weight.unwrap_or(default_weight),
                        meta.title.clone(),
                        crate::content::url_of(rel),
                    )
                })
            })
            .collect();
        items.sort();
        items.into_iter().map(|(_, t, u)| (t, u)).collect()
    }

    fn assets(&self, site: &mut Site) {
        for (rel, file) in self.project.theme.static_files() {
            site.files.push(SiteFile {
                path: format!("assets/{rel}"),
                body: Body::Shared(file.bytes.clone()),
            });
        }
        if let Some((path, asset)) = &self.project.swv_logo {
            site.files.push(SiteFile {
                path: format!("assets/swv/{}", file_name(path)),
                body: Body::Shared(asset.bytes.clone()),
            });
        }
        let mut assets: BTreeMap<&str, &crate::project::Asset> = self
            .project
            .content_assets
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        for (k, v) in &self.entry.assets {
            assets.insert(k, v);
        }
        for (rel, asset) in assets {
            site.files.push(SiteFile {
                path: rel.to_owned(),
                body: Body::Shared(asset.bytes.clone()),
            });
        }
    }

    fn extras(&self, site: &mut Site, jobs: &[PageJob]) {
        let base = self.entry.school.base_url.as_deref();
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if let Some(base) = base {
            robots.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
            let mut paths: Vec<&str> = jobs
                .iter()
                .filter(|j| j.kind != "404")
                .map(|j| j.path.as_str())
                .collect();
            paths.sort_unstable();
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

/// Which content file each page came from, for diagnostics about the output.
fn jobs_sources(jobs: &[PageJob]) -> HashMap<String, String> {
    jobs.iter()
        .filter_map(|j| Some((j.path.clone(), j.item?.doc.file.clone())))
        .collect()
}

fn sort_key(item: &Item) -> (i64, String) {
    match &item.doc.meta {
        Meta::Buddy(b) => (b.weight.unwrap_or(100), b.name.to_lowercase()),
        Meta::Faq(f) => (f.weight.unwrap_or(100), f.question.to_lowercase()),
        Meta::Page(p) => (p.weight.unwrap_or(100), p.title.to_lowercase()),
    }
}

/// `brief/index.html` → `brief/` for published URLs.
fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

fn sitemap(base: &str, paths: &[&str]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base}{}", pretty(p)))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Renders the overview of all schools (`index.html` at the output root).
pub fn render_overview(project: &Project, globals: &Globals) -> Site {
    let mut site = Site::default();
    let schools: Vec<Value> = project
        .schools
        .values()
        .map(|e| school_value(project, e, &format!("{}/", e.school.slug)))
        .collect();
    let page = context! {
        kind => "overview",
        title => project.config.name.as_str(),
        description => Value::from(()),
        content => Value::from_safe_string(String::new()),
        path => "index.html",
        extra => ser(&project.config.extra),
    };
    let ctx = context! {
        lang => globals.lang.clone(),
        t => globals.words.clone(),
        swv => globals.swv.clone(),
        page => page,
        nav => Value::from(Vec::<Value>::new()),
        canonical => project.config.base_url.clone(),
        schools => schools,
    };
    match project.templates.render("overview.html", &ctx) {
        Ok(html) => {
            site.pages = 1;
            site.files.push(SiteFile {
                path: "index.html".into(),
                body: Body::Owned(html.into_bytes()),
            });
        }
        Err(d) => site.problems.push(d),
    }
    for (rel, file) in project.theme.static_files() {
        site.files.push(SiteFile {
            path: format!("assets/{rel}"),
            body: Body::Shared(file.bytes.clone()),
        });
    }
    if let Some((path, asset)) = &project.swv_logo {
        site.files.push(SiteFile {
            path: format!("assets/swv/{}", file_name(path)),
            body: Body::Shared(asset.bytes.clone()),
        });
    }
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &project.config.base_url {
        let base = format!("{}/", base.trim_end_matches('/'));
        robots.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
        site.files.push(SiteFile {
            path: "sitemap.xml".into(),
            body: Body::Owned(sitemap(&base, &["index.html"]).into_bytes()),
        });
    }
    site.files.push(SiteFile {
        path: "robots.txt".into(),
        body: Body::Owned(robots.into_bytes()),
    });
    site.files.sort_by(|a, b| a.path.cmp(&b.path));
    site
}

/// Any serializable value as a template value.
fn ser<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
