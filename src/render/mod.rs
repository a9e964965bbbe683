//! Rendering one school's site, and the overview: pure functions of the loaded project.
//!
//! The unit of work is one school. [`render_school`] reads nothing from disk and writes
//! nothing: it turns the [`Project`] into the bytes of every file of that school's site, plus
//! the problems it found, so the build can run schools in parallel and the live preview can
//! re-render a single school.

pub mod images;
mod lang;
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
    /// Translated bodies with their links localized, shared the same way.
    localized: lang::Localized,
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
    phone: Option<&'a str>,
    email: Option<&'a str>,
    website: Option<&'a str>,
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
    /// The source language, when the profile is not translated into the page's language
    /// (the card then links to the source language's profile).
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct FaqCtx<'a> {
    id: &'a str,
    question: String,
    answer: Value,
    answer_text: String,
}

/// A FAQ entry not translated into the page's language: listed with a link to the source
/// language's FAQ page.
#[derive(Serialize)]
struct FaqElsewhere<'a> {
    id: &'a str,
    question: String,
    url: String,
    lang: &'a str,
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

/// What rendering the languages of one school collects.
#[derive(Default)]
struct Rendering {
    /// Site-root paths the published bodies use.
    used: BTreeSet<String>,
    /// Which content file each page came from.
    sources: HashMap<String, String>,
    /// Every page for the sitemap, with its versions in other languages.
    sitemap: Vec<(String, Vec<lang::Alternate>)>,
    /// Problems found.
    problems: Vec<Diagnostic>,
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
fn school_value(project: &Project, entry: &SchoolEntry, prefix: &str, lang: &str) -> Value {
    let s = &entry.school;
    let primary = s.brand.primary;
    let palette = crate::color::Palette::new(primary, s.brand.accent);
    let own = s.translations.get(lang).cloned().unwrap_or_default();
    let name = own.name.as_deref().unwrap_or(&s.name);
    let labels = project.theme.words_in(lang).1;
    ser(&SchoolCtx {
        slug: &s.slug,
        name: typography::text(name),
        initials: school_initials(name),
        kind: s.kind.key(),
        kind_label: typography::text(label(&labels.school_kinds, s.kind.key())),
        denomination: own
            .denomination
            .as_deref()
            .or(s.denomination.as_deref())
            .map(typography::text),
        place: typography::text(own.place.as_deref().unwrap_or(&s.place)),
        contact: contact_ctx(&own.contact.apply(&s.contact)),
        base_url: s.base_url.as_deref(),
        phone: s.phone.as_deref(),
        email: s.email.as_deref(),
        website: s.website.as_deref(),
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
    /// The values above for every other language, by code.
    by_lang: HashMap<String, LangGlobals>,
    templates: Templates,
    /// Rendered bodies of school-independent content, by the file they came from.
    shared: HashMap<String, Arc<Rendered>>,
    /// Problems found while compiling templates and rendering shared Markdown: reported
    /// once for the build, not once per school.
    pub problems: Vec<Diagnostic>,
    /// Processed photos and logos, shared by every school and kept between builds.
    pub images: ImageCache,
    /// What makes the letters' PDFs (the output stage's cache); `None` makes no PDFs
    /// (`build --no-pdf`, `check`, a build without the `pdf` feature).
    pub letters: Option<Arc<dyn letter::Typesetter>>,
    /// Every school as templates see it, made only when a render fails on a school value,
    /// to say how many other schools set it (see [`Templates::render_for`]).
    school_values: std::sync::OnceLock<Vec<(String, Value)>>,
}

/// What every page in one language shares: the SWV's texts, the theme's words and the
/// accessibility statement in that language.
struct LangGlobals {
    swv: Value,
    words: Value,
    accessibility: Value,
    /// `t.in_source_language`: what follows a link to a page only the source language has.
    in_source: String,
    /// `t.language_endonyms`, for the switcher.
    endonyms: Option<serde_json::Value>,
}

/// The SWV as templates in language `lang` see it (its `translations:` texts applied).
fn swv_value(project: &Project, lang: &str) -> Value {
    let c = &project.config;
    let own = c.translations.get(lang).cloned().unwrap_or_default();
    ser(&SwvCtx {
        name: typography::text(own.name.as_deref().unwrap_or(&c.name)),
        short_name: typography::text(own.short_name.as_deref().unwrap_or(&c.short_name)),
        website: c.website.as_deref(),
        logo: project
            .swv_logo
            .as_ref()
            .map(|(p, _)| crate::plan::swv_logo_path(p)),
        contact: contact_ctx(&own.contact.apply(&c.contact)),
        extra: &c.extra,
    })
}

/// The accessibility statement as templates in language `lang` see it.
fn accessibility_value(project: &Project, lang: &str) -> Value {
    let c = &project.config;
    let a: &Accessibility = &c.accessibility;
    let own = c.translations.get(lang).cloned().unwrap_or_default();
    let contact = a.contact.as_ref().unwrap_or(&c.contact);
    let contact = if a.contact.is_some() {
        contact.clone()
    } else {
        own.contact.apply(contact)
    };
    ser(&AccessibilityCtx {
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
        contact: contact_ctx(&contact),
    })
}

impl Globals {
    /// The values every page in language `lang` shares.
    fn in_lang(&self, lang: &str) -> Option<&LangGlobals> {
        self.by_lang.get(lang)
    }

    /// Builds the shared values, templates and Markdown once per build.
    pub fn new(project: &Project) -> Globals {
        let c = &project.config;
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
        let translations = project
            .translations
            .iter()
            .chain(project.schools.values().flat_map(|s| &s.translations))
            .flat_map(|(lang, m)| m.values().map(move |i| (format!("{lang}/"), i)));
        let items = project
            .all_items()
            .map(|i| (String::new(), i))
            .chain(translations);
        for (prefix, item) in items {
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
            let page = format!("{prefix}{}", page_path(&doc.rel));
            let r = markdown::render(&doc.body, &doc.rel, &page, raw_html);
            let body_start = item.text.len() - doc.body.len();
            for f in &r.findings {
                let mut d = Diagnostic::error_text(&doc.file, f.message.clone())
                    .at_offset(&item.text, body_start + f.offset)
                    .help(f.help.clone());
                if f.warning {
                    d.severity = crate::diagnostics::Severity::Warning;
                }
                problems.push(d);
            }
            shared.insert(doc.file.clone(), Arc::new(r));
        }
        let mut by_lang = HashMap::new();
        for lang in &c.languages {
            let (words, _) = project.theme.words_in(lang);
            by_lang.insert(
                lang.clone(),
                LangGlobals {
                    swv: swv_value(project, lang),
                    words: ser(&typography::json(words)),
                    accessibility: accessibility_value(project, lang),
                    in_source: words
                        .get("in_source_language")
                        .and_then(|v| v.as_str())
                        .map_or_else(|| format!("({})", c.language), typography::text),
                    endonyms: words.get("language_endonyms").cloned(),
                },
            );
        }
        Globals {
            swv: swv_value(project, c.source_language()),
            words: ser(&typography::json(&project.theme.words)),
            accessibility: accessibility_value(project, c.source_language()),
            by_lang,
            templates,
            shared,
            problems,
            images: ImageCache::read_only(ImageCache::project_dir(&project.root)),
            letters: None,
            school_values: std::sync::OnceLock::new(),
        }
    }

    /// The same, making the letters' PDFs with `letters`, or none at all with `None`.
    pub fn with_letters(mut self, letters: Option<Arc<dyn letter::Typesetter>>) -> Globals {
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
    let renderer = SchoolRenderer {
        project,
        globals,
        cache,
        entry: plan.entry,
        plan,
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
    raw_html: RawHtml,
    only: Option<&'a BTreeSet<String>>,
}

impl<'a> SchoolRenderer<'a> {
    /// How many other schools set `school.<path>`, for an error about this school lacking it.
    fn setters(&self, path: &str) -> Option<templates::Setters> {
        let all = self.globals.school_values.get_or_init(|| {
            self.project
                .schools
                .iter()
                .map(|(slug, e)| {
                    (
                        slug.clone(),
                        school_value(self.project, e, "", self.project.config.source_language()),
                    )
                })
                .collect()
        });
        let own = &self.entry.school.slug;
        let others = all
            .iter()
            .filter(|(slug, v)| slug != own && is_set(v, path))
            .count();
        Some(templates::Setters {
            others,
            file: self.entry.school.file.clone(),
        })
    }

    /// The Markdown of `item` after placeholders and templates in `view`'s language (the
    /// letter's PDF is made from it too); `None` when its template did not compile (the
    /// error is in the globals' problems).
    fn templated(
        &self,
        view: &lang::View,
        school: &Value,
        item: &Item,
    ) -> Option<Result<String, Diagnostic>> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return Some(Ok(item.doc.body.clone()));
        }
        let template = &item.doc.file;
        if !self.globals.templates.has(template) {
            return None;
        }
        let path = format!("{}{}", view.prefix, page_path(&item.doc.rel));
        let words = self
            .globals
            .in_lang(view.lang)
            .map_or_else(|| self.globals.words.clone(), |g| g.words.clone());
        let swv = self
            .globals
            .in_lang(view.lang)
            .map_or_else(|| self.globals.swv.clone(), |g| g.swv.clone());
        let front_matter = item
            .text
            .lines()
            .take(item.doc.body_line_offset)
            .collect::<Vec<_>>()
            .join("\n");
        let date = if item.doc.role == Role::Letter {
            // The date the paper letter carries, in this language (the PDF's too).
            let date = self.letter_date(item, &mut Vec::new());
            letter::written_date(date, &letter_page::months(self.project, view.lang))
        } else {
            crate::placeholders::letter_date(&front_matter, self.project.today)
        };
        let ctx = context! {
            swv => swv,
            school => school.clone(),
            t => words,
            lang => view.lang,
            page => context! { path => path.clone(), date => date },
        };
        let setters = |path: &str| self.setters(path);
        Some(
            self.globals
                .templates
                .render_for(template, &ctx, &setters)
                .map_err(|d| d.for_school(&self.entry.school.slug)),
        )
    }

    /// The rendered body of a content item for this school, on its page in `view`.
    fn body(
        &self,
        view: &lang::View,
        school: &Value,
        item: &Item,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Arc<Rendered>> {
        if !crate::placeholders::needs_template(&item.doc.body) {
            return self.globals.shared.get(&item.doc.file).cloned();
        }
        let path = format!("{}{}", view.prefix, page_path(&item.doc.rel));
        let source = match self.templated(view, school, item)? {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                return None;
            }
        };
        let key = format!("{}{}", view.prefix, item.doc.rel);
        let rendered = self.cache.get_or_render(&key, &source, || {
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
            let mut d = Diagnostic::error_text(&item.doc.file, f.message.clone())
                .at(&item.text, source_line + item.doc.body_line_offset, 0)
                .help(f.help.clone());
            if f.warning {
                d.severity = crate::diagnostics::Severity::Warning;
            }
            problems.push(d);
        }
        Some(rendered)
    }

    fn render(&self, site: &mut Site) {
        let views = lang::views(self.plan);
        let mut out = Rendering::default();
        for view in &views {
            self.render_view(view, &views, site, &mut out);
        }
        self.content_files(site, &out.used);
        if self.only.is_none() {
            self.theme_files(site);
            self.extras(site, &out.sitemap);
        } else {
            let mut rest = Site::default();
            self.theme_files(&mut rest);
            site.known.extend(rest.files.into_iter().map(|f| f.path));
            site.known
                .extend(["robots.txt".to_owned(), "sitemap.xml".to_owned()]);
        }
        site.sources = out.sources;
        site.problems.extend(out.problems);
    }

    /// Renders the pages of one language of the site.
    fn render_view(
        &self,
        view: &lang::View<'a>,
        views: &'a [lang::View<'a>],
        site: &mut Site,
        out: &mut Rendering,
    ) {
        let (words, labels) = self.project.theme.words_in(view.lang);
        let word = |key: &str, fallback: &'static str| -> Cow<'a, str> {
            words
                .get(key)
                .and_then(|v| v.as_str())
                .map_or(Cow::Borrowed(fallback), |s| Cow::Owned(s.to_owned()))
        };
        let source_lang = self.plan.source_lang;
        let is_source = view.lang == source_lang;
        let globals = self.globals.in_lang(view.lang);
        let t = globals.map_or_else(|| self.globals.words.clone(), |g| g.words.clone());
        let swv = globals.map_or_else(|| self.globals.swv.clone(), |g| g.swv.clone());
        let a11y = globals.map_or_else(
            || self.globals.accessibility.clone(),
            |g| g.accessibility.clone(),
        );
        let marker = globals.map_or("", |g| g.in_source.as_str());
        let endonyms = globals.and_then(|g| g.endonyms.as_ref());
        let school = school_value(self.project, self.entry, "", view.lang);
        let mut jobs: Vec<PageJob> = view
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
        let base = self.entry.school.base_url.as_deref();
        for j in jobs.iter().filter(|j| j.kind != "404") {
            let alternates = lang::alternates(views, lang::source_path(view, &j.path), base);
            out.sitemap.push((j.path.clone(), alternates));
        }
        out.sources.extend(jobs_sources(&jobs));
        let nav = self.menu(view);
        let mut letter_problems = Vec::new();
        let letter_page = self.letter_page(view, &school, site, &mut letter_problems);
        out.problems.extend(letter_problems);
        if let Some(only) = self.only {
            let (kept, other): (Vec<PageJob>, Vec<PageJob>) =
                jobs.into_iter().partition(|j| only.contains(&j.path));
            site.known.extend(other.into_iter().map(|j| j.path));
            jobs = kept;
        }
        // Every published body is rendered, also for a partial render: what the pages use
        // decides which content files are published, and that must not depend on which
        // pages were re-rendered.
        let published = view
            .pages
            .iter()
            .filter_map(|p| p.item)
            .chain(view.buddies.iter().filter(|b| b.1).map(|b| b.0))
            .chain(view.faq.iter().filter(|f| f.1).map(|f| f.0));
        let mut bodies: HashMap<&str, Arc<Rendered>> = HashMap::new();
        let buddies_page = view
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Buddies)
            .map(|p| p.path.as_str());
        let faq_page = view
            .pages
            .iter()
            .find(|p| p.kind == PageKind::Faq)
            .map(|p| p.path.as_str());
        for item in published {
            if bodies.contains_key(item.doc.rel.as_str()) {
                continue;
            }
            if let Some(mut r) = self.body(view, &school, item, &mut out.problems) {
                let own = format!("{}{}", view.prefix, page_path(&item.doc.rel));
                if !is_source {
                    // Shared content is the same Arc for every school; a body made from a
                    // template (the letter names the school) is this school's alone.
                    let shared = !crate::placeholders::needs_template(&item.doc.body);
                    r = lang::localized(
                        &self.cache.localized,
                        &r,
                        shared,
                        &own,
                        view,
                        source_lang,
                        marker,
                    );
                }
                let shown_on: Vec<&str> = match item.doc.role {
                    Role::FaqEntry => faq_page.into_iter().collect(),
                    Role::Buddy => std::iter::once(own.as_str()).chain(buddies_page).collect(),
                    _ => vec![own.as_str()],
                };
                for url in crate::scan::scan(&r.html).urls.iter().map(|(_, _, u)| u) {
                    for base in &shown_on {
                        if let Some(path) = local_target(base, url) {
                            out.used.insert(path);
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
        // Links the theme writes to pages of the site: this language's version, or the
        // source language's page, marked.
        let link_to = |source_url: &str| -> (String, Option<&str>) {
            match view.version_of(&format!("{source_url}index.html")) {
                Some(own) => (pretty(&own).to_owned(), None),
                None => (source_url.to_owned(), Some(source_lang)),
            }
        };
        let (buddies_url, buddies_lang) = link_to("buddys/");
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
                content => Value::from_safe_string(content.typeset().to_owned()),
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
            let canonical = base.map(|base| format!("{base}{}", pretty(&job.path)));
            let source_path = lang::source_path(view, &job.path);
            let mut ctx = context! {
                lang => view.lang,
                dir => crate::config::direction(view.lang),
                source_lang => source_lang,
                t => t.clone(),
                swv => swv.clone(),
                school => school.clone(),
                page => page,
                nav => ser(&nav_here),
                canonical => canonical,
                accessibility_url => format!("{}{}", view.prefix, crate::plan::ACCESSIBILITY_PATH.trim_end_matches("index.html")),
                home_url => view.prefix,
                buddies_url => buddies_url.clone(),
                buddies_lang => buddies_lang,
                languages => ser(&lang::switcher(views, view.lang, source_path, endonyms)),
                alternates => ser(&lang::alternates(views, source_path, base)),
            };
            match job.kind {
                // A server shows the one 404 page for every missing address, whatever the
                // reader's language: it says so in every language the school publishes.
                "404" if is_source => {
                    // A language whose words lack the message (they fell back to the source
                    // language's) is left out: the same text marked as another language
                    // would be read out wrongly.
                    let own_words = |t: &Value| {
                        ["not_found_title", "not_found_text"]
                            .iter()
                            .any(|k| t.get_attr(k).ok() != self.globals.words.get_attr(k).ok())
                    };
                    let others: Vec<Value> = views
                        .iter()
                        .filter(|v| v.lang != source_lang)
                        .filter_map(|v| {
                            let t = self.globals.in_lang(v.lang)?.words.clone();
                            own_words(&t).then(|| {
                                context! {
                                    code => v.lang,
                                    dir => crate::config::direction(v.lang),
                                    home_url => v.prefix,
                                    t => t,
                                }
                            })
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        not_found_languages => others,
                    }};
                }
                "accessibility" => {
                    ctx = context! { ..ctx, ..context! {
                        accessibility => a11y.clone(),
                    }};
                }
                "buddies" => {
                    let list: Vec<BuddyCtx> = view
                        .buddies
                        .iter()
                        .map(|(b, own)| {
                            let mut c = self.buddy_ctx(b, &body_of(b), labels);
                            if *own {
                                c.url = format!("{}{}", view.prefix, c.url);
                            } else {
                                c.lang = Some(source_lang);
                            }
                            c
                        })
                        .collect();
                    let mut used: Vec<&str> = view
                        .buddies
                        .iter()
                        .filter_map(|(b, _)| match &b.doc.meta {
                            Meta::Buddy(m) => Some(m.themes.iter().map(|k| k.key.as_str())),
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    used.sort_by_key(|k| self.theme_label(k, labels));
                    used.dedup();
                    let themes_used: Vec<Labelled> = used
                        .iter()
                        .map(|k| Labelled {
                            key: k,
                            label: typography::text(self.theme_label(k, labels)),
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
                            content.typeset(),
                        )),
                    }};
                }
                "buddy" => {
                    if let Some(item) = job.item {
                        let b = self.buddy_ctx(item, &body_of(item), labels);
                        ctx = context! { ..ctx, ..context! { buddy => ser(&b) } };
                    }
                }
                "faq" => {
                    let list: Vec<FaqCtx> = view
                        .faq
                        .iter()
                        .filter(|(_, own)| *own)
                        .filter_map(|(f, _)| match &f.doc.meta {
                            Meta::Faq(m) => {
                                let r = body_of(f);
                                Some(FaqCtx {
                                    id: f.doc.id(),
                                    question: typography::text(&m.question),
                                    answer: Value::from_safe_string(r.typeset().to_owned()),
                                    answer_text: r.text.clone(),
                                })
                            }
                            _ => None,
                        })
                        .collect();
                    let elsewhere: Vec<FaqElsewhere> = view
                        .faq
                        .iter()
                        .filter(|(_, own)| !*own)
                        .filter_map(|(f, _)| match &f.doc.meta {
                            Meta::Faq(m) => Some(FaqElsewhere {
                                id: f.doc.id(),
                                question: typography::text(&m.question),
                                url: crate::content::url_of(&f.doc.rel),
                                lang: source_lang,
                            }),
                            _ => None,
                        })
                        .collect();
                    ctx = context! { ..ctx, ..context! {
                        faq => ser(&list),
                        faq_elsewhere => ser(&elsewhere),
                    } };
                }
                _ => {}
            }
            let setters = |path: &str| self.setters(path);
            match self
                .globals
                .templates
                .render_for(job.template, &ctx, &setters)
            {
                Ok(html) => {
                    site.pages += 1;
                    site.files.push(SiteFile {
                        path: job.path.clone(),
                        body: Body::Owned(html.into_bytes()),
                    });
                }
                Err(mut d) => {
                    let from = job.item.map_or_else(
                        || crate::messages::Arg::from(crate::text!(BUILTIN_PAGE, kind = job.kind)),
                        |i| crate::messages::Arg::from(&i.doc.file),
                    );
                    d.message = crate::text!(WHILE_RENDERING, message = d.message, from = from);
                    let d = d.for_school(&self.entry.school.slug);
                    out.problems.push(d);
                }
            }
        }
        if is_source {
            site.bodies = bodies.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        }
    }

    fn theme_label(&self, key: &'a str, labels: &'a crate::load::theme::Labels) -> &'a str {
        self.project
            .config
            .experience_themes
            .get(key)
            .or_else(|| labels.experience_themes.get(key))
            .map_or(key, String::as_str)
    }

    fn buddy_ctx(
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
    fn menu(&self, view: &lang::View) -> Vec<(String, String)> {
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

    fn extras(&self, site: &mut Site, pages: &[(String, Vec<lang::Alternate>)]) {
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
            Diagnostic::warning_text(&asset.origin, crate::text!(IMAGE_PART_REMOVED, what = what))
                .help(crate::text!(IMAGE_PART_REMOVED_HELP))
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

/// `sitemap.xml` of the pages at `paths` (from the site root), each with its versions in
/// other languages as `xhtml:link` alternates (every version lists all, itself included).
fn sitemap(base: &str, paths: &[(&str, &[lang::Alternate])]) -> String {
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
fn escape_markup(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Renders the overview of all schools: `index.html` at the output root, and the same page in
/// every other configured language at `<lang>/index.html`. A school card links to the
/// school's site in the overview's language when the school publishes it, otherwise to its
/// source-language site (marked).
pub fn render_overview(project: &Project, globals: &Globals) -> Site {
    let mut site = Site::default();
    let c = &project.config;
    let source_lang = c.language.as_str();
    let published: Vec<(&SchoolEntry, Vec<&str>)> = project
        .schools
        .values()
        .map(|e| (e, crate::plan::published_languages(project, e)))
        .collect();
    let base = c
        .base_url
        .as_ref()
        .map(|b| format!("{}/", b.trim_end_matches('/')));
    let path_of = |lang: &str| {
        if lang == source_lang {
            "index.html".to_owned()
        } else {
            format!("{lang}/index.html")
        }
    };
    let alternates: Vec<lang::Alternate> = if c.languages.len() > 1 {
        c.languages
            .iter()
            .chain(std::iter::once(&c.languages[0]))
            .enumerate()
            .map(|(i, l)| {
                let path = lang::pretty(&path_of(l)).to_owned();
                lang::Alternate {
                    lang: if i == c.languages.len() {
                        "x-default".into()
                    } else {
                        l.clone()
                    },
                    absolute: base.as_ref().map(|b| format!("{b}{path}")),
                    path,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    for lang in &c.languages {
        let path = path_of(lang);
        let g = globals.in_lang(lang);
        let endonyms = g.and_then(|g| g.endonyms.as_ref());
        let schools: Vec<Value> = published
            .iter()
            .map(|(e, langs)| {
                let slug = &e.school.slug;
                let own = langs.contains(&lang.as_str());
                let shown = if own { lang.as_str() } else { source_lang };
                let prefix = if shown == source_lang {
                    format!("{slug}/")
                } else {
                    format!("{slug}/{shown}/")
                };
                let v = school_value(project, e, &format!("{slug}/"), lang);
                context! {
                    url => prefix,
                    lang => (!own).then_some(source_lang),
                    ..v
                }
            })
            .collect();
        let switcher: Vec<lang::Switch> = if c.languages.len() > 1 {
            c.languages
                .iter()
                .map(|l| lang::Switch {
                    code: l,
                    name: lang::endonym(endonyms, l),
                    dir: crate::config::direction(l),
                    url: lang::pretty(&path_of(l)).to_owned(),
                    current: l == lang,
                })
                .collect()
        } else {
            Vec::new()
        };
        let swv = g.map_or_else(|| globals.swv.clone(), |g| g.swv.clone());
        let title = swv
            .get_attr("name")
            .ok()
            .and_then(|n| n.as_str().map(str::to_owned))
            .unwrap_or_else(|| typography::text(&c.name));
        let page = context! {
            kind => "overview",
            title => title,
            description => Value::from(()),
            content => Value::from_safe_string(String::new()),
            path => path.clone(),
            extra => ser(&c.extra),
        };
        let ctx = context! {
            lang => lang,
            dir => crate::config::direction(lang),
            source_lang => source_lang,
            t => g.map_or_else(|| globals.words.clone(), |g| g.words.clone()),
            swv => swv,
            page => page,
            nav => Value::from(Vec::<Value>::new()),
            canonical => base.as_ref().map(|b| format!("{b}{}", lang::pretty(&path))),
            schools => schools,
            letters => letter_page::overview_letters(project, globals, lang),
            languages => ser(&switcher),
            alternates => ser(&alternates),
        };
        match globals.templates.render("overview.html", &ctx) {
            Ok(html) => {
                site.pages += 1;
                site.files.push(SiteFile {
                    path,
                    body: Body::Owned(html.into_bytes()),
                });
            }
            Err(d) => site.problems.push(d),
        }
    }
    for (rel, file) in project.theme.static_files() {
        site.files.push(SiteFile {
            path: format!("assets/{rel}"),
            body: Body::Shared(file.bytes.clone()),
        });
    }
    swv_logo(project, globals, &mut site);
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &base {
        robots.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
        let paths: Vec<String> = c.languages.iter().map(|l| path_of(l)).collect();
        let mut entries: Vec<(&str, &[lang::Alternate])> = paths
            .iter()
            .map(|p| (p.as_str(), alternates.as_slice()))
            .collect();
        entries.sort_unstable_by_key(|(p, _)| *p);
        site.files.push(SiteFile {
            path: "sitemap.xml".into(),
            body: Body::Owned(sitemap(base, &entries).into_bytes()),
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
/// True when `value` has a non-empty value at the dotted `path` (`extra.dag`).
fn is_set(value: &Value, path: &str) -> bool {
    let mut v = value.clone();
    for part in path.split('.') {
        match v.get_attr(part) {
            Ok(next) => v = next,
            Err(_) => return false,
        }
    }
    !(v.is_undefined() || v.is_none() || v.as_str().is_some_and(|s| s.trim().is_empty()))
}

fn ser<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
