//! Stage 2, plan: every output path of a site and the one source it comes from, decided
//! before anything is rendered or written.
//!
//! The old model treated `content/` as a bag of files copied to every school, and an output
//! path belonged to whoever wrote it last: a photo of a buddy whose consent had ended was
//! still published, `content/robots.txt` silently replaced the generated one, and
//! `content/buddys.md` next to `content/buddys/` broke the build half-way. Here each site's
//! paths are claimed once, by one source, and a second claim is an error that names both
//! files. Which pages a school publishes (and so which buddies: consent and "offered" are
//! decided here) is part of the plan too; which content files are published follows from
//! the pages (see [`SchoolPlan::publish`]).
//!
//! The plan is made from the loaded [`Project`] alone, so `check` and `build` make exactly the
//! same plan and report exactly the same problems.

mod collide;

use crate::diagnostics::Diagnostic;
use crate::load::content::{Meta, Role};
use crate::load::project::{page_path, Asset, Item, Project, SchoolEntry};
use crate::load::school::Selection;
use collide::Claims;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub use crate::load::names::RESERVED_SLUGS;

/// The kinds of page a school site has, each with its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// The school's home page (`index.md`).
    Home,
    /// The parent letter (`brief.md`).
    Letter,
    /// The contact page.
    Contact,
    /// The buddies overview.
    Buddies,
    /// The FAQ page.
    Faq,
    /// The 404 page (from `404.md`, or generated).
    NotFound,
    /// Any other page.
    Page,
    /// One buddy's profile.
    Buddy,
    /// The accessibility statement (*toegankelijkheidsverklaring*) every Dutch public body
    /// must publish: generated from `accessibility:` in `buddysite.yaml`, with the body of a
    /// `toegankelijkheid.md` as its introduction when there is one.
    Accessibility,
}

/// Where each school's accessibility statement is published.
pub const ACCESSIBILITY_PATH: &str = "toegankelijkheid/index.html";

impl PageKind {
    /// The name templates see as `page.kind`.
    pub fn key(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Letter => "letter",
            PageKind::Contact => "contact",
            PageKind::Buddies => "buddies",
            PageKind::Faq => "faq",
            PageKind::NotFound => "404",
            PageKind::Page => "page",
            PageKind::Buddy => "buddy",
            PageKind::Accessibility => "accessibility",
        }
    }

    /// The theme template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Letter => "letter.html",
            PageKind::Contact => "contact.html",
            PageKind::Buddies => "buddies.html",
            PageKind::Faq => "faq.html",
            PageKind::NotFound => "404.html",
            PageKind::Page => "page.html",
            PageKind::Buddy => "buddy.html",
            PageKind::Accessibility => "accessibility.html",
        }
    }

    fn of(role: Role) -> Option<PageKind> {
        Some(match role {
            Role::Home => PageKind::Home,
            Role::Letter => PageKind::Letter,
            Role::Contact => PageKind::Contact,
            Role::BuddiesIntro => PageKind::Buddies,
            Role::FaqIntro => PageKind::Faq,
            Role::NotFound => PageKind::NotFound,
            Role::Page => PageKind::Page,
            Role::Buddy | Role::FaqEntry => return None,
        })
    }
}

/// One page a school publishes.
#[derive(Debug)]
pub struct PagePlan<'a> {
    /// What kind of page.
    pub kind: PageKind,
    /// The content file it shows (`None` for the generated 404 page).
    pub item: Option<&'a Item>,
    /// Output path from the school's site root (`brief/index.html`).
    pub path: String,
}

/// What a content or school-folder file is used as, which decides how it is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetUse {
    /// A buddy's photo (named in front matter).
    Photo,
    /// The school's logo.
    Logo,
    /// Anything a page links to or shows (images, PDF leaflets).
    Linked,
}

/// A file from `content/` or `schools/<slug>/` that this school may publish.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The file as loaded.
    pub asset: &'a Asset,
    /// Output path from the school's site root (the same as its path in the content tree).
    pub path: String,
}

/// The pages of one school in one language other than the source language. A language is
/// published for a school when its home page and letter are translated; its pages are the
/// translated ones, under `<lang>/`; what is not translated is linked in the source language.
#[derive(Debug)]
pub struct LangPlan<'a> {
    /// The language code.
    pub lang: &'a str,
    /// The folder of its pages from the site root (`en/`).
    pub prefix: String,
    /// The translations this school has in this language, by the content path they translate.
    pub content: BTreeMap<&'a str, &'a Arc<Item>>,
    /// Its pages (paths with the prefix), in the order of the source language's pages.
    pub pages: Vec<PagePlan<'a>>,
    /// The published buddies in display order: the source profile and its translation.
    pub buddies: Vec<(&'a Item, Option<&'a Item>)>,
    /// The FAQ entries in display order: the source entry and its translation.
    pub faq: Vec<(&'a Item, Option<&'a Item>)>,
}

impl LangPlan<'_> {
    /// The path (from the site root) of this language's version of the source page at
    /// `path` (`brief/index.html` → `en/brief/index.html`), when there is one.
    pub fn version_of(&self, path: &str) -> Option<String> {
        let own = format!("{}{path}", self.prefix);
        self.pages.iter().any(|p| p.path == own).then_some(own)
    }
}

/// Everything one school's site consists of, before rendering.
#[derive(Debug)]
pub struct SchoolPlan<'a> {
    /// The school.
    pub entry: &'a SchoolEntry,
    /// Its content: shared files with its own overrides, by content path.
    pub content: BTreeMap<&'a str, &'a Arc<Item>>,
    /// Its pages, in a stable order.
    pub pages: Vec<PagePlan<'a>>,
    /// The buddies it publishes (offered and with consent), in display order.
    pub buddies: Vec<&'a Item>,
    /// Its FAQ entries, in display order.
    pub faq: Vec<&'a Item>,
    /// Files it may publish, by output path; published only when something published uses
    /// them ([`SchoolPlan::publish`]).
    pub candidates: BTreeMap<String, Candidate<'a>>,
    /// The source language (`nl`): its pages are `pages`, at the paths without a prefix.
    pub source_lang: &'a str,
    /// The other languages this school publishes, in the order of `languages:`.
    pub languages: Vec<LangPlan<'a>>,
    /// Problems with the plan itself: two sources for one path.
    pub problems: Vec<Diagnostic>,
}

/// Whether a buddy's consent holds on the project's day.
pub fn consent_holds(project: &Project, item: &Item) -> bool {
    match &item.doc.meta {
        Meta::Buddy(b) => b.consent_until >= project.today,
        _ => false,
    }
}

/// Whether a school offers buddy `id` (its `buddies:` list, or all).
pub fn offers(entry: &SchoolEntry, id: &str) -> bool {
    match &entry.school.buddies {
        Selection::All => true,
        Selection::Only(ids) => ids.iter().any(|(i, _, _)| i == id),
    }
}

fn sort_key(item: &Item) -> (i64, String) {
    match &item.doc.meta {
        Meta::Buddy(b) => (b.weight.unwrap_or(100), b.name.to_lowercase()),
        Meta::Faq(f) => (f.weight.unwrap_or(100), f.question.to_lowercase()),
        Meta::Page(p) => (p.weight.unwrap_or(100), p.title.to_lowercase()),
    }
}

/// Output paths every school site has that buddysite makes itself.
fn generated(entry: &SchoolEntry) -> Vec<&'static str> {
    let mut files = vec!["robots.txt"];
    if entry.school.base_url.is_some() {
        files.push("sitemap.xml");
    }
    files
}

/// Image files a browser shows; they are re-encoded, and may get a 2x variant.
pub fn is_image(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The path of the double-resolution variant of image `path` (`foto.jpg` → `foto@2x.jpg`).
pub fn variant_2x(path: &str) -> String {
    match path.rfind('.') {
        Some(i) if !path[i..].contains('/') => format!("{}@2x{}", &path[..i], &path[i..]),
        _ => format!("{path}@2x"),
    }
}

/// Plans school `slug`; `None` when there is no such school.
pub fn school<'a>(project: &'a Project, slug: &str) -> Option<SchoolPlan<'a>> {
    let entry = project.schools.get(slug)?;
    let content = project.content_for(entry);
    let mut pages = Vec::new();
    let mut buddies = Vec::new();
    let mut faq = Vec::new();
    for (&rel, &item) in &content {
        match item.doc.role {
            Role::Buddy => {
                if consent_holds(project, item) && offers(entry, item.doc.id()) {
                    buddies.push(item.as_ref());
                }
            }
            Role::FaqEntry => faq.push(item.as_ref()),
            role => {
                if let Some(kind) = PageKind::of(role) {
                    pages.push(PagePlan {
                        kind,
                        item: Some(item.as_ref()),
                        path: page_path(rel),
                    });
                }
            }
        }
    }
    buddies.sort_by_key(|b| sort_key(b));
    faq.sort_by_key(|f| sort_key(f));
    for b in &buddies {
        pages.push(PagePlan {
            kind: PageKind::Buddy,
            item: Some(b),
            path: page_path(&b.doc.rel),
        });
    }
    match pages
        .iter_mut()
        .find(|p| p.kind == PageKind::Page && p.path == ACCESSIBILITY_PATH)
    {
        Some(own) => own.kind = PageKind::Accessibility,
        None => pages.push(PagePlan {
            kind: PageKind::Accessibility,
            item: None,
            path: ACCESSIBILITY_PATH.into(),
        }),
    }
    if !pages.iter().any(|p| p.kind == PageKind::NotFound) {
        pages.push(PagePlan {
            kind: PageKind::NotFound,
            item: None,
            path: "404.html".into(),
        });
    }

    let languages = languages(project, entry, &pages, &buddies, &faq);
    let mut claims = Claims::default();
    for p in pages.iter().chain(languages.iter().flat_map(|l| &l.pages)) {
        let origin: std::borrow::Cow<'_, str> = match p.item {
            Some(i) => i.doc.file.as_str().into(),
            None if p.kind == PageKind::NotFound => crate::text!(PLAN_BUILTIN_404).render().into(),
            None => crate::text!(PLAN_BUILTIN_ACCESSIBILITY).render().into(),
        };
        claims.claim(&p.path, &origin, collide::Kind::Page);
    }
    for rel in project.theme.static_files().map(|(rel, _)| rel) {
        claims.claim(
            &format!("assets/{rel}"),
            &format!("themes/{}/static/{rel}", project.config.theme),
            collide::Kind::Generated,
        );
    }
    if let Some((path, _)) = &project.swv_logo {
        claims.claim(&swv_logo_path(path), path, collide::Kind::Generated);
    }
    for g in generated(entry) {
        claims.claim(g, "(made by buddysite)", collide::Kind::Generated);
    }
    let letters = pages
        .iter()
        .map(|p| (None, p))
        .chain(
            languages
                .iter()
                .flat_map(|l| l.pages.iter().map(move |p| (Some(l.lang), p))),
        )
        .filter(|(_, p)| p.kind == PageKind::Letter);
    for (lang, letter) in letters {
        claims.claim(
            &letter_pdf_path(&letter.path, &entry.school.slug, lang),
            "(the letter as PDF, made by buddysite)",
            collide::Kind::Generated,
        );
    }
    let mut candidates = BTreeMap::new();
    let mut files: BTreeMap<&str, &Asset> = project
        .content_assets
        .iter()
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    for (k, v) in &entry.assets {
        files.insert(k, v);
    }
    for (rel, asset) in files {
        if is_html(rel) {
            // Reported once for the project by [`project_problems`]; never published.
            continue;
        }
        claims.claim(rel, &asset.origin, collide::Kind::Asset);
        if is_image(rel) {
            claims.claim(&variant_2x(rel), &asset.origin, collide::Kind::Asset);
        }
        candidates.insert(
            rel.to_owned(),
            Candidate {
                asset,
                path: rel.to_owned(),
            },
        );
    }
    Some(SchoolPlan {
        entry,
        content,
        pages,
        buddies,
        faq,
        candidates,
        source_lang: &project.config.language,
        languages,
        problems: claims.into_problems(),
    })
}

/// Every language school `entry` publishes, the source language first: those of its
/// `languages` (or all of `buddysite.yaml`) whose home page and letter are translated.
pub fn published_languages<'a>(project: &'a Project, entry: &'a SchoolEntry) -> Vec<&'a str> {
    project
        .school_languages(entry)
        .into_iter()
        .enumerate()
        .filter(|(i, lang)| {
            *i == 0 || {
                let t = project.translations_for(entry, lang);
                t.contains_key("index.md") && t.contains_key("brief.md")
            }
        })
        .map(|(_, l)| l)
        .collect()
}

/// The other languages school `entry` publishes: those of its `languages` (or all of
/// `buddysite.yaml`) whose home page and letter are translated. `pages`, `buddies` and `faq`
/// are the source language's.
fn languages<'a>(
    project: &'a Project,
    entry: &'a SchoolEntry,
    pages: &[PagePlan<'a>],
    buddies: &[&'a Item],
    faq: &[&'a Item],
) -> Vec<LangPlan<'a>> {
    let mut out = Vec::new();
    for lang in published_languages(project, entry).into_iter().skip(1) {
        let content = project.translations_for(entry, lang);
        let prefix = format!("{lang}/");
        let mut own = Vec::new();
        for p in pages {
            let translated = p
                .item
                .and_then(|i| content.get(i.doc.rel.as_str()).copied());
            let item = match (p.kind, translated) {
                (PageKind::NotFound | PageKind::Buddy, _) => continue,
                // Generated from the theme's words: there in every language.
                (PageKind::Accessibility, t) => t.map(|t| t.as_ref()),
                (_, Some(t)) => Some(t.as_ref()),
                (_, None) => continue,
            };
            own.push(PagePlan {
                kind: p.kind,
                item,
                path: format!("{prefix}{}", p.path),
            });
        }
        let buddies: Vec<(&Item, Option<&Item>)> = buddies
            .iter()
            .map(|b| (*b, content.get(b.doc.rel.as_str()).map(|t| &***t)))
            .collect();
        for (b, t) in &buddies {
            if let Some(t) = t {
                own.push(PagePlan {
                    kind: PageKind::Buddy,
                    item: Some(t),
                    path: format!("{prefix}{}", page_path(&b.doc.rel)),
                });
            }
        }
        let faq = faq
            .iter()
            .map(|f| (*f, content.get(f.doc.rel.as_str()).map(|t| &***t)))
            .collect();
        out.push(LangPlan {
            lang,
            prefix,
            content,
            pages: own,
            buddies,
            faq,
        });
    }
    out
}

/// Every output path (from the school's site root) that a content or school-folder file could
/// take on school `slug`'s site, whether or not a page uses it now: what a partial rebuild is
/// responsible for besides its pages.
pub fn candidate_paths(project: &Project, slug: &str) -> Vec<String> {
    let own = project.schools.get(slug).map(|s| &s.assets);
    let mut paths: BTreeSet<String> = BTreeSet::new();
    for rel in project
        .content_assets
        .keys()
        .chain(own.into_iter().flat_map(|a| a.keys()))
    {
        paths.insert(rel.clone());
        if is_image(rel) {
            paths.insert(variant_2x(rel));
        }
    }
    paths.into_iter().collect()
}

/// Where a school's letter as PDF is published, next to the letter page at `letter_page`
/// (`brief/index.html` → `brief/brief-<slug>.pdf`, `en/brief/index.html` →
/// `en/brief/brief-<slug>-en.pdf` for language `en`): named after the school and the
/// language, so a parent who saves several still tells them apart.
pub fn letter_pdf_path(letter_page: &str, slug: &str, lang: Option<&str>) -> String {
    let dir = crate::paths::parent(letter_page);
    let file = match lang {
        Some(lang) => format!("brief-{slug}-{lang}.pdf"),
        None => format!("brief-{slug}.pdf"),
    };
    if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    }
}

/// Where every school's letter is collected at the output root for batch printing:
/// `brieven/brief-<slug>.pdf`, and `brieven/brief-<slug>.<lang>.pdf` in another language
/// (`brieven` is a reserved school name, so no site claims it). A slug has no `.`, so
/// [`batch_letter_prefix`] of one school never matches another's letters.
pub fn batch_letter_path(slug: &str, lang: Option<&str>) -> String {
    match lang {
        Some(lang) => format!("brieven/brief-{slug}.{lang}.pdf"),
        None => format!("brieven/brief-{slug}.pdf"),
    }
}

/// The start of every path [`batch_letter_path`] gives school `slug`, in any language.
pub fn batch_letter_prefix(slug: &str) -> String {
    format!("brieven/brief-{slug}.")
}

/// Where the SWV logo is published in every site.
pub fn swv_logo_path(origin: &str) -> String {
    format!("assets/swv/{}", origin.rsplit('/').next().unwrap_or(origin))
}

fn is_html(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml")
}

/// Problems of the project as a whole that no single school shows: HTML files in the content.
/// (School names that collide with the overview's own files are found while loading, with
/// the other problems of school file names: see [`RESERVED_SLUGS`].)
pub fn project_problems(project: &Project) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let html = project
        .content_assets
        .values()
        .chain(project.schools.values().flat_map(|s| s.assets.values()))
        .filter(|a| is_html(&a.origin));
    for asset in html {
        let md = asset.origin.rsplit_once('.').map_or_else(
            || format!("{}.md", asset.origin),
            |(s, _)| format!("{s}.md"),
        );
        problems.push(
            Diagnostic::error_text(&asset.origin, crate::text!(PLAN_HTML_NOT_PUBLISHED))
                .help(crate::text!(PLAN_HTML_NOT_PUBLISHED_HELP, md = &md)),
        );
    }
    problems.extend(collide::base_urls(project));
    problems
}

impl<'a> SchoolPlan<'a> {
    /// The content files this school publishes, given the site-root paths that its published
    /// pages use (`used`: images and links in rendered bodies). Buddy photos come from the
    /// published buddies' front matter and the logo from the school file, so a buddy who is
    /// not offered, or whose consent ended, takes their photo with them.
    pub fn publish(&self, used: &BTreeSet<String>) -> Vec<(&Candidate<'a>, AssetUse)> {
        let mut uses: BTreeMap<&str, AssetUse> = BTreeMap::new();
        for path in used {
            if self.candidates.contains_key(path.as_str()) {
                uses.insert(path, AssetUse::Linked);
            }
        }
        for b in &self.buddies {
            if let Some(photo) = photo_path(b) {
                if let Some((k, _)) = self.candidates.get_key_value(&photo) {
                    uses.insert(k, AssetUse::Photo);
                }
            }
        }
        if let Some(logo) = &self.entry.school.brand.logo {
            if let Some((k, _)) = self.candidates.get_key_value(logo) {
                uses.insert(k, AssetUse::Logo);
            }
        }
        uses.into_iter()
            .filter_map(|(k, u)| Some((self.candidates.get(k)?, u)))
            .collect()
    }
}

/// The site-root path of a buddy's photo, from its front matter.
pub fn photo_path(item: &Item) -> Option<String> {
    let Meta::Buddy(m) = &item.doc.meta else {
        return None;
    };
    let dir = crate::paths::parent(&item.doc.rel);
    m.photo.as_ref().and_then(|p| crate::paths::join(dir, p))
}

/// Content files no school publishes and no buddy profile names as its photo: a warning, so an
/// editor knows the file is not on any site. `published` holds the origins of every file some
/// site published.
pub fn unused(project: &Project, published: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    let items =
        project
            .content
            .values()
            .map(|i| ("content", i))
            .chain(project.schools.iter().flat_map(|(slug, s)| {
                s.overrides
                    .values()
                    .map(move |i| (slug.as_str(), i))
                    .collect::<Vec<_>>()
            }));
    for (_, item) in items {
        if let Some(p) = photo_path(item) {
            claimed.insert(format!("content/{p}"));
            for slug in project.schools.keys() {
                claimed.insert(format!("schools/{slug}/{p}"));
            }
        }
    }
    for (slug, s) in &project.schools {
        if let Some(logo) = &s.school.brand.logo {
            claimed.insert(format!("schools/{slug}/{logo}"));
        }
    }
    project
        .content_assets
        .values()
        .chain(project.schools.values().flat_map(|s| s.assets.values()))
        .filter(|a| !is_html(&a.origin))
        .filter(|a| !published.contains(&a.origin) && !claimed.contains(&a.origin))
        .map(|a| {
            Diagnostic::warning_text(&a.origin, crate::text!(PLAN_UNUSED_FILE))
                .help(crate::text!(PLAN_UNUSED_FILE_HELP))
        })
        .collect()
}
