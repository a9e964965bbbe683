//! Rendering one school's site, and the overview: pure functions of the loaded project.
//!
//! The unit of work is one school. [`render_school`] reads nothing from disk and writes
//! nothing: it turns the [`Project`] into the bytes of every file of that school's site, plus
//! the problems it found, so the build can run schools in parallel and the live preview can
//! re-render a single school.

pub mod images;
pub mod letter;
mod letter_page;
pub mod markdown;
pub mod placeholders;
pub mod sanitize;
pub mod templates;
pub mod typography;

use crate::config::{Accessibility, Contact, Extra};
use crate::content::{Meta, Role};
use crate::diagnostics::Diagnostic;
use crate::plan::{AssetUse, PageKind, SchoolPlan};
use crate::project::{page_path, Item, Project, SchoolEntry};
use images::{ImageCache, ImageKind};
use markdown::{RawHtml, Rendered};
use minijinja::context;
use minijinja::value::Value;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};
use templates::{Origin, Templates};

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
    /// Project files (`content/…`, `schools/<slug>/…`) this site publishes, by origin.
    pub published: Vec<String>,
    /// Which content file each page came from (`brief/index.html` → `content/brief.md`),
    /// so checks can name the editor's file rather than the generated page.
    pub sources: HashMap<String, String>,
    /// The rendered Markdown of every content file on this site, by content path: what the
    /// checks need to put a broken link at its line in the `.md` file.
    pub bodies: HashMap<String, Arc<Rendered>>,
    /// Files this site puts outside its own folder, by path from the output root: its
    /// letter in `brieven/` for batch printing (see [`crate::plan::batch_letter_path`]).
    pub outside: Vec<SiteFile>,
}

/// The path from the site root that `url`, written on the page at `page` (a path from the
/// site root), points to; `None` for other hosts, `mailto:`, fragments and paths that climb
/// out of the site.
pub fn local_target(page: &str, url: &str) -> Option<String> {
    let url = url.trim();
    let path = url.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || path.starts_with('/') || path.contains(':') || path.contains('\\') {
        return None;
    }
    let decoded = crate::paths::percent_decode_lossy(path);
    crate::paths::join(crate::paths::parent(page), &decoded)
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

/// A school as templates see it. Every text a parent reads goes through
/// [`typography::text`] here, once, so titles and names get the same punctuation as the body.
#[derive(Serialize)]
struct SchoolCtx<'a> {
    slug: &'a str,
    name: String,
    /// Up to two letters for the tile that stands in for a missing logo.
    initials: String,
    kind: &'a str,
    kind_label: String,
    denomination: Option<String>,
    place: String,
    contact: Contact,
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
    primary_dark: String,
    on_primary_dark: String,
    logo: Option<String>,
}

/// The SWV as templates see it.
#[derive(Serialize)]
struct SwvCtx<'a> {
    name: String,
    short_name: String,
    website: Option<&'a str>,
    logo: Option<String>,
    contact: Contact,
    extra: &'a Extra,
}

/// The accessibility statement as templates see it (`accessibility`).
#[derive(Serialize)]
struct AccessibilityCtx<'a> {
    status: &'static str,
    evaluated: Option<DateCtx>,
    report: Option<&'a str>,
    known_issues: Vec<String>,
    contact: Contact,
}

/// A date, for templates to write in words (`t.months`) and in `<time datetime>`.
#[derive(Serialize)]
struct DateCtx {
    iso: String,
    year: i32,
    month: u32,
    day: u32,
}

#[derive(Serialize)]
struct Labelled<'a> {
    key: &'a str,
    label: String,
}

#[derive(Serialize)]
struct Language<'a> {
    code: &'a str,
    label: String,
}

#[derive(Serialize)]
struct BuddyCtx<'a> {
    id: &'a str,
    name: String,
    initials: String,
    summary: String,
    url: String,
    themes: Vec<Labelled<'a>>,
    languages: Vec<Language<'a>>,
    meet: Vec<Labelled<'a>>,
    photo: Option<String>,
    photo_2x: Option<String>,
    photo_alt: Option<String>,
    content: Value,
    extra: &'a Extra,
}

#[derive(Serialize)]
struct FaqCtx<'a> {
    id: &'a str,
    question: String,
    answer: Value,
    answer_text: String,
}

/// A contact with [`typography::text`] applied to what is shown as text (not the e-mail
/// address or phone number, which links are made from).
fn contact_ctx(c: &Contact) -> Contact {
    Contact {
        name: typography::text(&c.name),
        role: c.role.as_deref().map(typography::text),
        email: c.email.clone(),
        phone: c.phone.clone(),
        hours: c.hours.as_deref().map(typography::text),
    }
}

/// Up to two initials of a school's name, skipping the words that say what kind of school it
/// is (`Basisschool 't Klaverblad` → `K`, `OBS De Regenboog` → `DR`, `IKC Zon & Maan` → `ZM`).
pub fn school_initials(name: &str) -> String {
    const SKIP: [&str; 14] = [
        "basisschool",
        "school",
        "obs",
        "cbs",
        "rkbs",
        "pcbs",
        "ikc",
        "kindcentrum",
        "sbo",
        "so",
        "vso",
        "college",
        "lyceum",
        "'t",
    ];
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
        .filter(|w| !w.starts_with(['\'', '’']))
        .collect();
    let chosen = if kept.is_empty() { &words } else { &kept };
    chosen
        .iter()
        .take(2)
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
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
    let palette = crate::color::Palette::new(primary, s.brand.accent);
    ser(&SchoolCtx {
        slug: &s.slug,
        name: typography::text(&s.name),
        initials: school_initials(&s.name),
        kind: s.kind.key(),
        kind_label: typography::text(label(&project.theme.labels.school_kinds, s.kind.key())),
        denomination: s.denomination.as_deref().map(typography::text),
        place: typography::text(&s.place),
        contact: contact_ctx(&s.contact),
        base_url: s.base_url.as_deref(),
        extra: &s.extra,
        brand: BrandCtx {
            primary: palette.primary.to_string(),
            accent: palette.accent.to_string(),
            on_primary: palette.on_primary.to_string(),
            on_accent: palette.on_accent.to_string(),
            primary_text: palette.primary_text.to_string(),
            primary_dark: palette.primary_dark.to_string(),
            on_primary_dark: palette.on_primary_dark.to_string(),
            logo: s.brand.logo.as_ref().map(|l| format!("{prefix}{l}")),
        },
        url: prefix.to_owned(),
    })
}

/// What every school of one build shares, made once per build: the values every page gets,
/// the compiled templates (the theme's and those of content that uses `{{ … }}` or toolkit
/// placeholders), and the rendered Markdown of content that is the same for every school.
pub struct Globals {
    swv: Value,
    words: Value,
    accessibility: Value,
    lang: Value,
    templates: Templates,
    /// Rendered bodies of school-independent content, by the file they came from.
    shared: HashMap<String, Arc<Rendered>>,
    /// Problems found while compiling templates and rendering shared Markdown: reported
    /// once for the build, not once per school.
    pub problems: Vec<Diagnostic>,
    /// Processed photos and logos, shared by every school and kept between builds.
    pub images: ImageCache,
    /// Typeset letters (PDF), kept between builds; `None` makes no PDFs (`build --no-pdf`,
    /// the live preview).
    pub letters: Option<letter::PdfCache>,
}

impl Globals {
    /// Builds the shared values, templates and Markdown once per build.
    pub fn new(project: &Project) -> Globals {
        let c = &project.config;
        let swv = SwvCtx {
            name: typography::text(&c.name),
            short_name: typography::text(&c.short_name),
            website: c.website.as_deref(),
            logo: project
                .swv_logo
                .as_ref()
                .map(|(p, _)| crate::plan::swv_logo_path(p)),
            contact: contact_ctx(&c.contact),
            extra: &c.extra,
        };
        let a: &Accessibility = &c.accessibility;
        let accessibility = AccessibilityCtx {
            status: a.status.key(),
            evaluated: a
                .evaluated
                .as_deref()
                .and_then(crate::date::parse)
                .map(|d| DateCtx {
                    iso: d.to_string(),
                    year: i32::from(d.year()),
                    month: u32::try_from(d.month()).unwrap_or(1),
                    day: u32::try_from(d.day()).unwrap_or(1),
                }),
            report: a.report.as_deref(),
            known_issues: a.known_issues.iter().map(|i| typography::text(i)).collect(),
            contact: contact_ctx(a.contact.as_ref().unwrap_or(&c.contact)),
        };
        let mut problems = Vec::new();
        let mut templates = Templates::new();
        templates.allow_hosts(&c.allowed_hosts);
        for (name, file) in project.theme.templates() {
            match crate::source::decode(&file.origin, file.bytes.to_vec()) {
                Ok(src) => {
                    let origin = Origin {
                        file: file.origin.clone(),
                        line_offset: 0,
                        text: Arc::from(src.text.as_str()),
                    };
                    if let Err(d) = templates.add(name, src.text, origin) {
                        problems.push(d);
                    }
                }
                Err(d) => problems.push(d),
            }
        }
        let raw_html = c.raw_html();
        let mut shared = HashMap::new();
        for item in project.all_items() {
            let doc = &item.doc;
            if crate::placeholders::needs_template(&doc.body) {
                let origin = Origin {
                    file: doc.file.clone(),
                    line_offset: doc.body_line_offset,
                    text: item.text.clone(),
                };
                let source = crate::placeholders::to_template(&doc.body);
                if let Err(d) = templates.add(&doc.file, source, origin) {
                    problems.push(d);
                }
                continue;
            }
            let r = markdown::render(&doc.body, &doc.rel, &page_path(&doc.rel), raw_html);
            let body_start = item.text.len() - doc.body.len();
            for f in &r.findings {
                let mut d = Diagnostic::error(&doc.file, f.message.clone())
                    .at_offset(&item.text, body_start + f.offset)
                    .with_help(f.help.clone());
                if f.warning {
                    d.severity = crate::diagnostics::Severity::Warning;
                }
                problems.push(d);
            }
            shared.insert(doc.file.clone(), Arc::new(r));
        }
        Globals {
            swv: ser(&swv),
            words: ser(&typography::json(&project.theme.words)),
            accessibility: ser(&accessibility),
            lang: Value::from(c.language.as_str()),
            templates,
            shared,
            problems,
            images: ImageCache::read_only(ImageCache::project_dir(&project.root)),
            letters: Some(letter::PdfCache::read_only(letter::PdfCache::project_dir(
                &project.root,
            ))),
        }
    }

    /// The same, making the letters' PDFs with `letters` (a cache that may save what it
    /// typesets), or none at all with `None`.
    pub fn with_letters(mut self, letters: Option<letter::PdfCache>) -> Globals {
        self.letters = letters;
        self
    }

    /// The same, with an image cache that may also save what it encodes (a build that
    /// writes); [`Globals::new`] only reads saved images, so `check` writes nothing.
    pub fn with_images(mut self, images: ImageCache) -> Globals {
        self.images = images;
        self
    }
}

fn label<'a>(map: &'a BTreeMap<String, String>, key: &'a str) -> &'a str {
    map.get(key).map_or(key, String::as_str)
}

/// Renders every file of school `slug`: plans its site, then renders the plan.
pub fn render_school(
    project: &Project,
    globals: &Globals,
    cache: &MarkdownCache,
    slug: &str,
) -> Site {
    match crate::plan::school(project, slug) {
        Some(plan) => render_plan(project, globals, cache, &plan, None),
        None => Site::default(),
    }
}

/// Renders a school's [`SchoolPlan`]: every page in it (or those at `only`), and the content
/// files those pages use. A plan with problems renders nothing: its paths are not sound.
pub fn render_plan(
    project: &Project,
    globals: &Globals,
    cache: &MarkdownCache,
    plan: &SchoolPlan,
    only: Option<&BTreeSet<String>>,
) -> Site {
    let mut site = Site::default();
    if !plan.problems.is_empty() {
        site.problems.extend(plan.problems.iter().cloned());
        return site;
    }
    let school = school_value(project, plan.entry, "");
    let renderer = SchoolRenderer {
        project,
        globals,
        cache,
        entry: plan.entry,
        plan,
        content: &plan.content,
        school,
        raw_html: project.config.raw_html(),
        only,
    };
    renderer.render(&mut site);
    site
}

struct SchoolRenderer<'a> {
    project: &'a Project,
    globals: &'a Globals,
    cache: &'a MarkdownCache,
    entry: &'a SchoolEntry,
    plan: &'a SchoolPlan<'a>,
    content: &'a BTreeMap<&'a str, &'a Arc<Item>>,
    school: Value,
    raw_html: RawHtml,
    only: Option<&'a BTreeSet<String>>,
}

impl<'a> SchoolRenderer<'a> {
    /// The rendered body of a content item for this school.
    fn body(&self, item: &Item, problems: &mut Vec<Diagnostic>) -> Option<Arc<Rendered>> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return self.globals.shared.get(&item.doc.file).cloned();
        }
        let template = &item.doc.file;
        if !self.globals.templates.has(template) {
            // It did not compile; the error is in the globals' problems.
            return None;
        }
        let path = page_path(&item.doc.rel);
        let ctx = context! {
            swv => self.globals.swv.clone(),
            school => self.school.clone(),
            t => self.globals.words.clone(),
            lang => self.globals.lang.clone(),
            page => context! { path => path.clone() },
        };
        let source = match self.globals.templates.render(template, &ctx) {
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

    fn render(&self, site: &mut Site) {
        let words = &self.project.theme.words;
        let word = |key: &str, fallback: &'static str| -> Cow<'a, str> {
            words
                .get(key)
                .and_then(|v| v.as_str())
                .map_or(Cow::Borrowed(fallback), |s| Cow::Owned(s.to_owned()))
        };
        let plan = self.plan;
        let buddies: &[&Item] = &plan.buddies;
        let faq: &[&Item] = &plan.faq;
        let mut jobs: Vec<PageJob> = plan
            .pages
            .iter()
            .map(|p| {
                let (title, description, extra) = match p.item.map(|i| &i.doc.meta) {
                    Some(Meta::Page(m)) => (
                        Cow::Borrowed(m.title.as_str()),
                        m.description.as_deref(),
                        Some(&m.extra),
                    ),
                    Some(Meta::Buddy(m)) => (
                        Cow::Borrowed(m.name.as_str()),
                        Some(m.summary.as_str()),
                        Some(&m.extra),
                    ),
                    Some(Meta::Faq(m)) => (Cow::Borrowed(m.question.as_str()), None, None),
                    None if p.kind == PageKind::Accessibility => (
                        word("a11y_title", "Toegankelijkheidsverklaring"),
                        None,
                        None,
                    ),
                    None => (word("not_found_title", "404"), None, None),
                };
                PageJob {
                    item: p.item,
                    kind: p.kind.key(),
                    template: p.kind.template(),
                    path: p.path.clone(),
                    title: Cow::Owned(typography::text(&title)),
                    description,
                    extra,
                }
            })
            .collect();
        let nav = self.menu();
        let mut problems = Vec::new();
        let letter_page = self.letter_page(site, &mut problems);
        if let Some(only) = self.only {
            let (kept, other): (Vec<PageJob>, Vec<PageJob>) =
                jobs.into_iter().partition(|j| only.contains(&j.path));
            site.known = other.into_iter().map(|j| j.path).collect();
            jobs = kept;
        }
        // Every published body is rendered, also for a partial render: what the pages use
        // decides which content files are published, and that must not depend on which
        // pages were re-rendered.
        let published = plan
            .pages
            .iter()
            .filter_map(|p| p.item)
            .chain(buddies.iter().copied())
            .chain(faq.iter().copied());
        let mut bodies: HashMap<&str, Arc<Rendered>> = HashMap::new();
        let mut used: BTreeSet<String> = BTreeSet::new();
        let buddies_page = plan
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Buddies)
            .map(|p| p.path.as_str());
        let faq_page = plan
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Faq)
            .map(|p| p.path.as_str());
        for item in published {
            if bodies.contains_key(item.doc.rel.as_str()) {
                continue;
            }
            if let Some(r) = self.body(item, &mut problems) {
                let own = page_path(&item.doc.rel);
                let shown_on: Vec<&str> = match item.doc.role {
                    Role::FaqEntry => faq_page.into_iter().collect(),
                    Role::Buddy => std::iter::once(own.as_str()).chain(buddies_page).collect(),
                    _ => vec![own.as_str()],
                };
                for url in crate::scan::scan(&r.html).urls.iter().map(|(_, _, u)| u) {
                    for base in &shown_on {
                        if let Some(path) = local_target(base, url) {
                            used.insert(path);
                        }
                    }
                }
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
            // A 404 page is only ever shown by a server, for any missing address: with a
            // `base_url` its links start at the site's own path (`/buddy/…`), so they work
            // at any depth; `url()` reads `page.root`.
            let root = (job.kind == "404")
                .then(|| self.entry.school.base_url.as_deref().map(url_path))
                .flatten();
            let page = context! {
                kind => job.kind,
                title => job.title.as_ref(),
                description => job.description.map(typography::text),
                content => Value::from_safe_string(typography::html(&content.html)),
                path => job.path.clone(),
                root => root,
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
                accessibility_url => crate::plan::ACCESSIBILITY_PATH.trim_end_matches("index.html"),
            };
            match job.kind {
                "accessibility" => {
                    ctx = context! { ..ctx, ..context! {
                        accessibility => self.globals.accessibility.clone(),
                    }};
                }
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
                            label: typography::text(self.theme_label(k)),
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        buddies => ser(&list),
                        themes_used => ser(&themes_used),
                    }};
                }
                "letter" => {
                    ctx = context! { ..ctx, ..context! {
                        letter_pdf => letter_page.pdf.clone(),
                        letter_print => letter_page.print.clone(),
                        letter_content => Value::from_safe_string(letter_page::nobreak_emails(
                            &typography::html(&content.html),
                        )),
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
                                    question: typography::text(&m.question),
                                    answer: Value::from_safe_string(typography::html(&r.html)),
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
            match self.globals.templates.render(job.template, &ctx) {
                Ok(html) => {
                    site.pages += 1;
                    site.files.push(SiteFile {
                        path: job.path.clone(),
                        body: Body::Owned(html.into_bytes()),
                    });
                }
                Err(mut d) => {
                    let from = job.item.map_or_else(
                        || format!("the built-in {} page", job.kind),
                        |i| i.doc.file.clone(),
                    );
                    d.message = format!(
                        "{} (rendering {from} for school `{}`)",
                        d.message, self.entry.school.slug
                    );
                    problems.push(d);
                }
            }
        }
        self.content_files(site, &used);
        if self.only.is_none() {
            self.theme_files(site);
            self.extras(site, &jobs);
        } else {
            let mut rest = Site::default();
            self.theme_files(&mut rest);
            site.known.extend(rest.files.into_iter().map(|f| f.path));
            site.known
                .extend(["robots.txt".to_owned(), "sitemap.xml".to_owned()]);
        }
        site.sources = jobs_sources(&jobs);
        site.bodies = bodies.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
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
                    label: typography::text(self.theme_label(&k.key)),
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
            content: Value::from_safe_string(typography::html(&body.html)),
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
                    let label = meta.menu_title.as_deref().unwrap_or(&meta.title);
                    (
                        meta.weight.unwrap_or(default_weight),
                        typography::text(label),
                        crate::content::url_of(rel),
                    )
                })
            })
            .collect();
        items.sort();
        items.into_iter().map(|(_, t, u)| (t, u)).collect()
    }

    /// The theme's files and the SWV logo, which every site has.
    fn theme_files(&self, site: &mut Site) {
        for (rel, file) in self.project.theme.static_files() {
            site.files.push(SiteFile {
                path: format!("assets/{rel}"),
                body: Body::Shared(file.bytes.clone()),
            });
        }
        swv_logo(self.project, self.globals, site);
    }

    /// The content and school-folder files that the published pages use, and nothing else.
    fn content_files(&self, site: &mut Site, used: &BTreeSet<String>) {
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

/// The SWV's logo, processed like a school's (re-encoded or sanitized), in every site.
fn swv_logo(project: &Project, globals: &Globals, site: &mut Site) {
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
fn publish_image(
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
fn removed_warnings(
    asset: &crate::project::Asset,
    processed: &images::Processed,
) -> Vec<Diagnostic> {
    processed
        .removed
        .iter()
        .map(|what| {
            Diagnostic::warning(&asset.origin, format!("removed from the image: {what}"))
                .with_help("scripts, links to other files and embedded web pages never reach a site; export the drawing again without them")
        })
        .collect()
}

/// The files of a processed image: a buddy photo at its own path (1x) and at its `@2x`
/// path (the same bytes when the original is too small for more); other images at their
/// path, in the largest size made (at most twice what the theme shows).
fn image_files(
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
fn jobs_sources(jobs: &[PageJob]) -> HashMap<String, String> {
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
        title => typography::text(&project.config.name),
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
        letters => letter_page::overview_letters(project, globals),
    };
    match globals.templates.render("overview.html", &ctx) {
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
    swv_logo(project, globals, &mut site);
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
