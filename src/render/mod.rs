//! Rendering one school's site, and the overview: pure functions of the loaded project.
//!
//! The unit of work is one school. [`render_school`] reads nothing from disk and writes
//! nothing: it turns the [`Project`] into the bytes of every file of that school's site, plus
//! the problems it found, so the build can run schools in parallel and the live preview can
//! re-render a single school.

mod globals;
pub mod images;
mod lang;
pub mod letter;
mod letter_page;
pub mod markdown;
mod overview;
pub mod placeholders;
pub mod sanitize;
mod site;
mod site_parts;

use globals::{label, school_value};
pub use overview::render_overview;
pub use site_parts::url_path;
use site_parts::{escape_markup, jobs_sources, pretty, publish_image, sitemap, swv_logo};
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
    contact: ContactCtx,
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
    contact: ContactCtx,
    extra: &'a Extra,
}

/// The accessibility statement as templates see it (`accessibility`).
#[derive(Serialize)]
struct AccessibilityCtx<'a> {
    status: &'static str,
    evaluated: Option<DateCtx>,
    report: Option<&'a str>,
    known_issues: Vec<String>,
    contact: ContactCtx,
}

/// A contact as templates see it: [`contact_ctx`]'s texts, and `phone_href`, the number as
/// a `tel:` link needs it (made here once, not by four `replace` filters on every page).
#[derive(Serialize)]
struct ContactCtx {
    name: String,
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    phone_href: Option<String>,
    hours: Option<String>,
}

impl From<Contact> for ContactCtx {
    fn from(c: Contact) -> ContactCtx {
        ContactCtx {
            phone_href: c.phone.as_deref().and_then(tel_href),
            name: c.name,
            role: c.role,
            email: c.email,
            phone: c.phone,
            hours: c.hours,
        }
    }
}

/// A phone number as written (`026 123 45 67`, `+31 (0)26-1234567`) as a `tel:` link needs
/// it: digits and a leading `+` (`0261234567`, `+31261234567`). The trunk `(0)` after a
/// country code is dropped (dialled from abroad it is not), and text after the number
/// (`toestel 12`) is left out. `None` when there are no digits.
pub fn tel_href(phone: &str) -> Option<String> {
    // Up to the first letter: `026 123 45 67 (toestel 12)` is the number alone.
    let number = phone.trim().split(char::is_alphabetic).next().unwrap_or("");
    let plus = number.starts_with('+');
    let number = if plus || number.starts_with("00") {
        number.replacen("(0)", "", 1)
    } else {
        number.to_owned()
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match (digits.is_empty(), plus) {
        (true, _) => None,
        (false, true) => Some(format!("+{digits}")),
        (false, false) => Some(digits),
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn phone_numbers_become_tel_links() {
        use super::tel_href;
        assert_eq!(tel_href("026 123 45 67").as_deref(), Some("0261234567"));
        assert_eq!(
            tel_href("+31 (0)26 123 4567").as_deref(),
            Some("+31261234567")
        );
        assert_eq!(
            tel_href("0031 (0)26 1234567").as_deref(),
            Some("0031261234567")
        );
        assert_eq!(
            tel_href("026 123 45 67 (toestel 12)").as_deref(),
            Some("0261234567")
        );
        assert_eq!(tel_href("bel de school"), None);
    }
}
