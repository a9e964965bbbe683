//! Loading a project from disk: all the reading happens here.
//!
//! Everything a build needs is read and checked once into a [`Project`]; rendering is then a
//! pure function of it. Shared work (compiling templates, rendering Markdown that does not
//! depend on the school) is done here, once, not once per school.

use super::names;
use crate::config::Config;
use crate::content::{self, Document, Meta, Role};
use crate::date::Date;
use crate::diagnostics::{suggest, Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::school::School;
use crate::source;
use crate::text;
use crate::theme::Theme;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod reload;

/// Which pages of every school a change to shared content touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affects {
    /// Every page (menus, lists or the set of pages changed).
    All,
    /// Only these pages, by path from a school's site root.
    Pages(BTreeSet<String>),
}

/// A file copied to the output as it is (images, logos, theme assets).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Its bytes.
    pub bytes: Arc<[u8]>,
    /// Where it came from.
    pub origin: String,
}

/// A content file, read and parsed; rendering it is the render stage's work.
#[derive(Debug)]
pub struct Item {
    /// The parsed file.
    pub doc: Document,
    /// The file's whole text, for diagnostics.
    pub text: Arc<str>,
}

/// Translations of content files: by language code, then by the content path of the file
/// they translate (`brief.en.md` is `translations["en"]["brief.md"]`).
pub type Translations = BTreeMap<String, BTreeMap<String, Arc<Item>>>;

/// A translation file found while walking a content tree, parsed once the tree's source
/// files are known.
struct Pending {
    lang: String,
    rel: String,
    path: PathBuf,
    name: String,
}

/// What walking one content tree finds: Markdown files, other files, translations.
type Tree = (
    BTreeMap<String, Arc<Item>>,
    BTreeMap<String, Asset>,
    Vec<Pending>,
);

/// A school with its own files.
#[derive(Debug)]
pub struct SchoolEntry {
    /// The school's YAML, checked.
    pub school: School,
    /// Its YAML text, for diagnostics.
    pub text: Arc<str>,
    /// Markdown files in `schools/<slug>/` by content path: they replace or add content.
    pub overrides: BTreeMap<String, Arc<Item>>,
    /// Other files in `schools/<slug>/` (logo, images) by path.
    pub assets: BTreeMap<String, Asset>,
    /// Translations in `schools/<slug>/` (`brief.en.md`): of its own files or of shared ones.
    pub translations: Translations,
}

/// Everything a build needs, loaded and checked.
#[derive(Debug)]
pub struct Project {
    /// Project root.
    pub root: PathBuf,
    /// `buddysite.yaml`.
    pub config: Config,
    /// The theme, resolved.
    pub theme: Theme,
    /// Shared content by path under `content/`.
    pub content: BTreeMap<String, Arc<Item>>,
    /// Non-Markdown files under `content/`.
    pub content_assets: BTreeMap<String, Asset>,
    /// Translations of shared content (`content/brief.en.md`).
    pub translations: Translations,
    /// Schools by slug.
    pub schools: BTreeMap<String, SchoolEntry>,
    /// SWV logo, if any.
    pub swv_logo: Option<(String, Asset)>,
    /// The day consent is checked against.
    pub today: Date,
    /// Warnings found while loading (e.g. expired consent).
    pub warnings: Vec<Diagnostic>,
}

/// Files that editors' tools leave behind and that are never content: hidden files, backup
/// and swap files, Word lock files, OS litter.
pub fn is_ignored(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.starts_with("~$")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".kate-swp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// True when `path` is a link that leads out of the project at `root`. Such a file is never
/// read, so no message ever shows a line of a file outside the project.
fn links_outside(root: &Path, path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && !matches!(
            (path.canonicalize(), root.canonicalize()),
            (Ok(p), Ok(r)) if p.starts_with(&r)
        )
}

/// The error for a link out of the project (worded as the check of linked folders words it).
fn outside_link(rel: &str) -> Diagnostic {
    Diagnostic::error_text(rel, text!(PROJECT_OUTSIDE_LINK)).help(text!(PROJECT_OUTSIDE_LINK_HELP))
}

/// `path` relative to `base`, with `/` separators.
pub fn rel_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The output path (from the site root) of the page that shows content file `rel`.
pub fn page_path(rel: &str) -> String {
    let url = content::url_of(rel);
    let url = url.split('#').next().unwrap_or("");
    if url.ends_with(".html") {
        url.to_owned()
    } else {
        format!("{url}index.html")
    }
}

impl Project {
    /// Loads the project at `root`, collecting every problem.
    pub fn load(root: &Path) -> Result<Project, Diagnostics> {
        Project::load_on(root, crate::date::today().map_err(Diagnostics::from)?)
    }

    /// Like [`Project::load_on`], but a project that loaded with errors is returned with its
    /// problems instead of failing, so that later stages can still report what they find in
    /// the parts that did load (one run, every problem). `Err` only when there is nothing
    /// to go on: no `buddysite.yaml`, or a broken theme.
    pub fn load_with_problems(
        root: &Path,
        today: Date,
    ) -> Result<(Project, Diagnostics), Diagnostics> {
        Project::load_with_problems_except(root, today, &BTreeSet::new())
    }

    /// Like [`Project::load_on`], leaving out the schools `skip` (slugs, or the file stems of
    /// badly named school files): the live preview keeps the other schools going while these
    /// have errors.
    pub fn load_except(
        root: &Path,
        today: Date,
        skip: &BTreeSet<String>,
    ) -> Result<Project, Diagnostics> {
        let (mut project, mut problems) = Project::load_with_problems_except(root, today, skip)?;
        problems.sort();
        if problems.has_errors() {
            return Err(problems);
        }
        project.warnings = problems.0;
        Ok(project)
    }

    /// [`Project::load_with_problems`] without the schools `skip`.
    fn load_with_problems_except(
        root: &Path,
        today: Date,
        skip: &BTreeSet<String>,
    ) -> Result<(Project, Diagnostics), Diagnostics> {
        let mut problems = Diagnostics::default();
        let config_path = root.join("buddysite.yaml");
        if !config_path.is_file() {
            return Err(Diagnostic::error_text(
                "buddysite.yaml",
                text!(PROJECT_NO_CONFIG, root = root.display().to_string()),
            )
            .help(text!(PROJECT_NO_CONFIG_HELP))
            .into());
        }
        if links_outside(root, &config_path) {
            return Err(outside_link("buddysite.yaml").into());
        }
        let config_file =
            source::read(&config_path, "buddysite.yaml").map_err(Diagnostics::from)?;
        let (config, config_problems) = Config::parse_lenient(&config_file);
        problems.extend(config_problems);
        let contacts = [
            ("contact", Some(&config.contact)),
            (
                "accessibility.contact",
                config.accessibility.contact.as_ref(),
            ),
        ];
        for (key, contact) in contacts {
            problems.extend(contact.and_then(|c| {
                crate::config::address_form(c, &config_file.name, &config_file.text, 0, key)
            }));
        }
        for rel in ["themes".to_owned(), format!("themes/{}", config.theme)] {
            if links_outside(root, &root.join(&rel)) {
                problems.push(outside_link(&rel));
                problems.sort();
                return Err(problems);
            }
        }
        let theme = match Theme::load_languages(root, &config.theme, &config.languages) {
            Ok(theme) => theme,
            Err(theme_problems) => {
                problems.extend(theme_problems);
                problems.sort();
                return Err(problems);
            }
        };
        problems.extend(theme.word_gaps.iter().cloned());
        let mut loader = Loader {
            root,
            problems: &mut problems,
            languages: &config.languages,
        };
        let (content, content_assets, translations) = loader.content();
        let mut schools = BTreeMap::new();
        for (slug, path) in school_files(root, skip, loader.problems) {
            if let Some(entry) = loader.school(&slug, &path, &content) {
                schools.insert(slug, entry);
            }
        }
        let swv_logo = config.logo.as_ref().and_then(|logo| {
            let clean = match crate::paths::clean_relative(logo) {
                Ok(c) => c,
                Err(why) => {
                    problems.push(crate::yaml::key_error(
                        &config_file,
                        "logo",
                        text!(PROJECT_BAD_LOGO_PATH, why = why),
                    ));
                    return None;
                }
            };
            match std::fs::read(root.join(&clean)) {
                Ok(bytes) => Some((
                    clean.clone(),
                    Asset {
                        bytes: bytes.into(),
                        origin: clean,
                    },
                )),
                Err(_) => {
                    problems.push(
                        crate::yaml::key_error(
                            &config_file,
                            "logo",
                            text!(PROJECT_LOGO_NOT_FOUND, path = &clean),
                        )
                        .help(text!(PROJECT_LOGO_NOT_FOUND_HELP)),
                    );
                    None
                }
            }
        });
        let project = Project {
            root: root.to_owned(),
            config,
            theme,
            content,
            content_assets,
            translations,
            schools,
            swv_logo,
            today,
            warnings: Vec::new(),
        };
        project.check_required(&mut problems);
        project.check_buddies(&mut problems);
        Ok((project, problems))
    }

    /// Like [`Project::load`], checking consent against `today`.
    pub fn load_on(root: &Path, today: Date) -> Result<Project, Diagnostics> {
        Project::load_except(root, today, &BTreeSet::new())
    }

    /// The files every site needs.
    fn check_required(&self, problems: &mut Diagnostics) {
        for rel in [
            "index.md",
            "brief.md",
            "contact.md",
            "buddys/_index.md",
            "vragen/_index.md",
        ] {
            if !self.content.contains_key(rel) && !self.root.join("content").join(rel).is_file() {
                problems.push(
                    Diagnostic::error_text(format!("content/{rel}"), text!(PROJECT_MISSING_FILE))
                        .help(text!(PROJECT_MISSING_FILE_HELP)),
                );
            }
        }
        let school_files_exist = std::fs::read_dir(self.root.join("schools")).is_ok_and(|mut d| {
            d.any(|e| {
                e.is_ok_and(|e| {
                    e.path()
                        .extension()
                        .is_some_and(|x| x == "yaml" || x == "yml")
                })
            })
        });
        if self.schools.is_empty() && !school_files_exist {
            problems.push(
                Diagnostic::error_text("schools/", text!(PROJECT_NO_SCHOOLS))
                    .help(text!(PROJECT_NO_SCHOOLS_HELP)),
            );
        }
    }

    /// Buddy vocabulary, consent and the schools' buddy lists.
    fn check_buddies(&self, problems: &mut Diagnostics) {
        let labels = &self.theme.labels;
        let themes: Vec<&str> = labels
            .experience_themes
            .keys()
            .chain(self.config.experience_themes.keys())
            .map(String::as_str)
            .collect();
        for item in self.all_items() {
            let Meta::Buddy(b) = &item.doc.meta else {
                continue;
            };
            let vocab: [(Text, &Vec<content::Key>, Vec<&str>); 3] = [
                (text!(VOCAB_THEME), &b.themes, themes.clone()),
                (
                    text!(VOCAB_LANGUAGE),
                    &b.languages,
                    labels.languages.keys().map(String::as_str).collect(),
                ),
                (
                    text!(VOCAB_MEET),
                    &b.meet,
                    labels.meet.keys().map(String::as_str).collect(),
                ),
            ];
            for (what, keys, allowed) in vocab {
                for k in keys {
                    if !allowed.contains(&k.key.as_str()) {
                        let help = match suggest(&k.key, allowed.iter().copied()) {
                            Some(s) => text!(
                                BUDDY_DID_YOU_MEAN_KNOWN,
                                suggestion = s,
                                known = allowed.join(", ")
                            ),
                            None => text!(BUDDY_USE_ONE_OF, known = allowed.join(", ")),
                        };
                        problems.push(
                            Diagnostic::error_text(
                                &item.doc.file,
                                text!(BUDDY_UNKNOWN_WORD, what = what.clone(), word = &k.key),
                            )
                            .at(&item.text, k.line, k.column)
                            .help(help),
                        );
                    }
                }
            }
            problems.extend(self.consent_warning(item, b));
        }
        for entry in self.schools.values() {
            let crate::school::Selection::Only(ids) = &entry.school.buddies else {
                continue;
            };
            let known: Vec<&str> = self
                .content
                .keys()
                .chain(entry.overrides.keys())
                .filter(|rel| Role::of(rel) == Role::Buddy)
                .filter_map(|rel| rel.strip_prefix("buddys/")?.strip_suffix(".md"))
                .collect();
            for (id, line, column) in ids {
                let failed_to_load = self
                    .root
                    .join("content/buddys")
                    .join(format!("{id}.md"))
                    .is_file();
                if !known.contains(&id.as_str()) && !failed_to_load {
                    let help = match suggest(id, known.iter().copied()) {
                        Some(s) => text!(
                            BUDDY_DID_YOU_MEAN_ID,
                            suggestion = s,
                            known = known.join(", ")
                        ),
                        None => text!(BUDDY_ID_HELP, known = known.join(", ")),
                    };
                    problems.push(
                        Diagnostic::error_text(&entry.school.file, text!(BUDDY_NOT_FOUND, id = id))
                            .at(&entry.text, *line, *column)
                            .help(help),
                    );
                }
            }
        }
    }

    /// The warning for a buddy whose consent has ended or ends within
    /// [`crate::date::WARN_DAYS`] days, at the `consent_until:` line. An ended one says how
    /// to renew it, and how to delete the profile without breaking the school files that list
    /// it.
    fn consent_warning(&self, item: &Item, b: &content::BuddyMeta) -> Option<Diagnostic> {
        use crate::date::Consent;
        let (message, help) = match crate::date::consent(self.today, b.consent_until) {
            Consent::Holds => return None,
            Consent::EndsSoon { days } => (
                text!(
                    CONSENT_ENDS_SOON,
                    name = &b.name,
                    date = b.consent_until.to_string(),
                    when = match days {
                        0 => text!(CONSENT_TODAY),
                        1 => text!(CONSENT_TOMORROW),
                        n => text!(CONSENT_IN_DAYS, days = n),
                    }
                ),
                text!(CONSENT_ENDS_SOON_HELP),
            ),
            Consent::Ended => {
                let id = item.doc.id();
                let listed: Vec<String> = self
                    .schools
                    .values()
                    .filter_map(|entry| match &entry.school.buddies {
                        crate::school::Selection::Only(ids) => ids
                            .iter()
                            .find(|(i, _, _)| i == id)
                            .map(|(_, line, _)| format!("{}:{line}", entry.school.file)),
                        crate::school::Selection::All => None,
                    })
                    .collect();
                let delete = if listed.is_empty() {
                    text!(CONSENT_DELETE_FILE, file = &item.doc.file)
                } else {
                    text!(CONSENT_DELETE_AND_LISTS, id = id, files = listed.join(", "))
                };
                (
                    text!(
                        CONSENT_ENDED,
                        name = &b.name,
                        date = b.consent_until.to_string()
                    ),
                    text!(CONSENT_ENDED_HELP, delete = delete),
                )
            }
        };
        let mut d = Diagnostic::warning_text(&item.doc.file, message).help(help);
        if b.consent_at.0 > 0 {
            d = d.at(&item.text, b.consent_at.0, b.consent_at.1);
        }
        Some(d)
    }

    /// Every content file of the project once: the shared ones and every school's own
    /// (checks and shared rendering look at each file once, not once per school).
    pub fn all_items(&self) -> impl Iterator<Item = &Arc<Item>> {
        self.content
            .values()
            .chain(self.schools.values().flat_map(|s| s.overrides.values()))
    }

    /// The translations of school `entry`'s content into `lang`: shared translations with
    /// the school's own on top, by the content path they translate. A school's own source
    /// file replaces a shared one, and with it that file's shared translations (they
    /// translate another text).
    pub fn translations_for<'a>(
        &'a self,
        entry: &'a SchoolEntry,
        lang: &str,
    ) -> BTreeMap<&'a str, &'a Arc<Item>> {
        let mut all: BTreeMap<&str, &Arc<Item>> = self
            .translations
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|(k, _)| !entry.overrides.contains_key(k.as_str()))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        for (k, v) in entry.translations.get(lang).into_iter().flatten() {
            all.insert(k.as_str(), v);
        }
        all
    }

    /// Every translation of the project once, shared and schools' own (for checks and
    /// shared rendering, like [`Project::all_items`]).
    pub fn all_translations(&self) -> impl Iterator<Item = &Arc<Item>> {
        self.translations
            .values()
            .chain(self.schools.values().flat_map(|s| s.translations.values()))
            .flat_map(|m| m.values())
    }

    /// The languages school `entry` publishes in, the source language first: its own
    /// `languages:` when it narrows the list, otherwise those of `buddysite.yaml`. (Whether
    /// a language's pages exist is the plan's question: a language is published when the
    /// home page and the letter are translated.)
    pub fn school_languages<'a>(&'a self, entry: &'a SchoolEntry) -> Vec<&'a str> {
        match &entry.school.languages {
            Some(own) => self
                .config
                .languages
                .iter()
                .map(String::as_str)
                .filter(|l| *l == self.config.language || own.iter().any(|(c, _, _)| c == l))
                .collect(),
            None => self.config.languages.iter().map(String::as_str).collect(),
        }
    }

    /// The content of school `slug`: shared files with its overrides on top.
    pub fn content_for<'a>(&'a self, entry: &'a SchoolEntry) -> BTreeMap<&'a str, &'a Arc<Item>> {
        let mut all: BTreeMap<&str, &Arc<Item>> =
            self.content.iter().map(|(k, v)| (k.as_str(), v)).collect();
        for (k, v) in &entry.overrides {
            all.insert(k.as_str(), v);
        }
        all
    }
}

/// The `schools/*.yaml` files, by slug, with problems for bad names and duplicates.
fn school_files(
    root: &Path,
    skip: &BTreeSet<String>,
    problems: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    let dir = root.join("schools");
    if links_outside(root, &dir) {
        problems.push(outside_link("schools"));
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| !is_ignored(&e.file_name()) && e.path().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(meant) = names::intended_name(&name, names::Folder::Schools) {
                problems.push(
                    Diagnostic::error_text(
                        format!("schools/{name}"),
                        text!(PROJECT_HIDDEN_EXTENSION, name = &name),
                    )
                    .help(text!(PROJECT_HIDDEN_EXTENSION_HELP, meant = &meant)),
                );
                return None;
            }
            let slug = name
                .strip_suffix(".yaml")
                .or_else(|| name.strip_suffix(".yml"))?
                .to_owned();
            Some((slug, e.path()))
        })
        .filter(|(slug, _)| !skip.contains(slug))
        .collect();
    // Good names first: of two files with the same address, the badly named one is reported.
    files.sort_by_key(|(slug, _)| (!crate::config::is_slug(slug), slug.clone()));
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    files.retain(|(slug, path)| {
        let name = format!(
            "schools/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        let suggestion = crate::paths::slugify(slug);
        if let Some(first) = seen.insert(suggestion.clone(), name.clone()) {
            problems.push(
                Diagnostic::error_text(&name, text!(PROJECT_SAME_ADDRESS, slug = &suggestion))
                    .help(text!(PROJECT_SAME_ADDRESS_HELP, first = first.to_string())),
            );
            return false;
        }
        if names::RESERVED_SLUGS.contains(&slug.as_str()) {
            problems.push(
                Diagnostic::error_text(&name, text!(PROJECT_RESERVED_SLUG, slug = &slug)).help(
                    text!(
                        PROJECT_RESERVED_SLUG_HELP,
                        slug = &slug,
                        reserved = names::RESERVED_SLUGS.join(", ")
                    ),
                ),
            );
            return false;
        }
        if !crate::config::is_slug(slug) {
            problems.push(
                Diagnostic::error_text(&name, text!(PROJECT_BAD_SLUG, slug = &slug))
                    .help(text!(PROJECT_BAD_SLUG_HELP, suggestion = &suggestion)),
            );
            return false;
        }
        true
    });
    files
}

struct Loader<'a> {
    root: &'a Path,
    problems: &'a mut Diagnostics,
    /// The configured languages, the source language first.
    languages: &'a [String],
}

impl Loader<'_> {
    /// Reads `content/`: its files, and the translations among them.
    fn content(
        &mut self,
    ) -> (
        BTreeMap<String, Arc<Item>>,
        BTreeMap<String, Asset>,
        Translations,
    ) {
        let (items, assets, pending) = self.tree(&self.root.join("content"), "content");
        let translations = self.translations(pending, &items, None);
        (items, assets, translations)
    }

    /// Parses the translation files `pending` against their sources: the tree's own
    /// `items`, or for a school folder also the shared content. A translation whose
    /// source does not exist is an error.
    fn translations(
        &mut self,
        pending: Vec<Pending>,
        items: &BTreeMap<String, Arc<Item>>,
        shared: Option<&BTreeMap<String, Arc<Item>>>,
    ) -> Translations {
        let mut out = Translations::new();
        for p in pending {
            let source = items
                .get(&p.rel)
                .or_else(|| shared.and_then(|s| s.get(&p.rel)));
            let Some(source) = source else {
                let written = p.name.rsplit_once('/').map_or(p.name.as_str(), |(d, _)| d);
                let base = p.rel.rsplit('/').next().unwrap_or(&p.rel);
                let failed = self.root.join("content").join(&p.rel).is_file()
                    || p.path.with_file_name(base).is_file();
                if !failed {
                    self.problems.push(
                        Diagnostic::error(&p.name, format!("this translation has no source: there is no `{base}` next to it"))
                            .with_help(format!(
                                "a translation sits next to the file it translates: write `{written}/{base}` (in the source language, {}) first, or correct the file name",
                                self.languages.first().map_or("nl", String::as_str)
                            )),
                    );
                }
                continue;
            };
            let file = match source::read(&p.path, &p.name) {
                Ok(f) => f,
                Err(d) => {
                    self.problems.push(d);
                    continue;
                }
            };
            match content::parse_translation(&file, &source.doc) {
                Ok(doc) => {
                    let text: Arc<str> = Arc::from(file.text.as_str());
                    out.entry(p.lang)
                        .or_default()
                        .insert(p.rel, Arc::new(Item { doc, text }));
                }
                Err(ds) => self.problems.extend(ds),
            }
        }
        out
    }

    /// What to do with a Markdown file whose name carries a language (`brief.en.md`):
    /// `Some` when it is a translation into a configured language, `None` after reporting
    /// why not (the source language written out, or a language the project does not have).
    fn translation_of(&mut self, rel: &str, name: &str) -> Option<Result<(String, String), ()>> {
        let (dir, file_name) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
        let (base, lang) = names::translation_name(file_name)?;
        let source_rel = if dir.is_empty() {
            base.clone()
        } else {
            format!("{dir}/{base}")
        };
        let source_lang = self.languages.first().map_or("nl", String::as_str);
        if lang == source_lang {
            self.problems.push(
                Diagnostic::error(name, format!("`{file_name}` names the source language `{lang}`"))
                    .with_help(format!("files in the source language have no language in their name: rename it to `{base}`")),
            );
            return Some(Err(()));
        }
        if !self.languages.iter().any(|l| l == lang) {
            self.problems.push(
                Diagnostic::error(name, format!("`{file_name}` is a translation into `{lang}`, which is not in `languages` of buddysite.yaml"))
                    .with_help(format!(
                        "add `{lang}` to `languages:` in buddysite.yaml (now: {}), or, if this is no translation, rename the file without the `.{lang}` part",
                        self.languages.join(", ")
                    )),
            );
            return Some(Err(()));
        }
        Some(Ok((lang.to_owned(), source_rel)))
    }

    /// Reads a content tree: Markdown files as items, others as assets.
    fn tree(&mut self, dir: &Path, prefix: &str) -> Tree {
        let mut items = BTreeMap::new();
        let mut assets = BTreeMap::new();
        let mut pending = Vec::new();
        if links_outside(self.root, dir) {
            self.problems.push(outside_link(prefix));
            return (items, assets, pending);
        }
        if !dir.is_dir() {
            return (items, assets, pending);
        }
        let walker = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.problems.push(Diagnostic::error_text(
                        prefix,
                        text!(PROJECT_CANNOT_READ_FOLDER, error = e.to_string()),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                if entry.path_is_symlink() {
                    self.problems.push(Diagnostic::error_text(
                        format!("{prefix}/{}", rel_path(dir, entry.path())),
                        text!(PROJECT_LINK_NOT_FOLLOWED),
                    ));
                }
                continue;
            }
            let rel = rel_path(dir, entry.path());
            let name = format!("{prefix}/{rel}");
            let file_name = entry.file_name().to_string_lossy();
            if let Some(meant) = names::intended_name(&file_name, names::Folder::Content) {
                self.problems.push(
                    Diagnostic::error_text(
                        &name,
                        text!(PROJECT_HIDDEN_EXTENSION, name = &file_name),
                    )
                    .help(text!(PROJECT_HIDDEN_EXTENSION_HELP, meant = &meant)),
                );
                continue;
            }
            if rel.ends_with(".md") {
                match self.translation_of(&rel, &name) {
                    Some(Ok((lang, rel))) => pending.push(Pending {
                        lang,
                        rel,
                        path: entry.path().to_owned(),
                        name,
                    }),
                    Some(Err(())) => {}
                    None => {
                        if let Some(item) = self.item(&rel, entry.path(), &name) {
                            items.insert(rel, Arc::new(item));
                        }
                    }
                }
            } else {
                match std::fs::read(entry.path()) {
                    Ok(bytes) => {
                        assets.insert(
                            rel,
                            Asset {
                                bytes: bytes.into(),
                                origin: name,
                            },
                        );
                    }
                    Err(e) => self.problems.push(Diagnostic::error_text(
                        name,
                        text!(PROJECT_CANNOT_READ, error = e.to_string()),
                    )),
                }
            }
        }
        (items, assets, pending)
    }

    /// Reads and parses one Markdown file.
    fn item(&mut self, rel: &str, path: &Path, name: &str) -> Option<Item> {
        let file = match source::read(path, name) {
            Ok(f) => f,
            Err(d) => {
                self.problems.push(d);
                return None;
            }
        };
        let doc = match content::parse(rel, &file) {
            Ok(doc) => doc,
            Err(ds) => {
                self.problems.extend(ds);
                return None;
            }
        };
        let text: Arc<str> = Arc::from(file.text.as_str());
        Some(Item { doc, text })
    }

    /// Reads one school: its YAML and its override folder (`shared`: the shared content, the
    /// sources of translations in the folder that have no source of their own there).
    fn school(
        &mut self,
        slug: &str,
        path: &Path,
        shared: &BTreeMap<String, Arc<Item>>,
    ) -> Option<SchoolEntry> {
        let name = format!("schools/{}", path.file_name()?.to_string_lossy());
        if links_outside(self.root, path) {
            self.problems.push(outside_link(&name));
            return None;
        }
        let file = match source::read(path, &name) {
            Ok(f) => f,
            Err(d) => {
                self.problems.push(d);
                return None;
            }
        };
        let school = match School::parse(slug, &file) {
            Ok(s) => s,
            Err(ds) => {
                self.problems.extend(ds);
                return None;
            }
        };
        self.school_languages(&school, &file);
        self.problems.extend(crate::config::address_form(
            &school.contact,
            &file.name,
            &file.text,
            0,
            "contact",
        ));
        let dir = self.root.join("schools").join(slug);
        let (overrides, assets, pending) = self.tree(&dir, &format!("schools/{slug}"));
        let translations = self.translations(pending, &overrides, Some(shared));
        if let Some(logo) = &school.brand.logo {
            if !assets.contains_key(logo) {
                self.problems.push(
                    crate::yaml::key_error(
                        &file,
                        "logo",
                        text!(
                            PROJECT_SCHOOL_LOGO_NOT_FOUND,
                            path = format!("schools/{slug}/{logo}")
                        ),
                    )
                    .help(crate::paths::missing_file_help(
                        logo,
                        assets.keys().map(String::as_str),
                        text!(PROJECT_SCHOOL_LOGO_HELP, slug = slug),
                    )),
                );
            }
        }
        Some(SchoolEntry {
            school,
            text: Arc::from(file.text.as_str()),
            overrides,
            assets,
            translations,
        })
    }

    /// A school's `languages:` must be a subset of those of `buddysite.yaml` (with the source
    /// language), its `translations:` only for its languages, and its slug no language code
    /// (the overview has a folder per language).
    fn school_languages(&mut self, school: &School, file: &source::SourceFile) {
        let all = self.languages;
        let source_lang = all.first().map_or("nl", String::as_str);
        if all.iter().skip(1).any(|l| l == &school.slug) {
            self.problems.push(
                Diagnostic::error(&school.file, format!("a school cannot be called `{}`: the overview uses `{}/` for its pages in that language", school.slug, school.slug))
                    .with_help(format!("rename the file, for example to `{}-school.yaml`", school.slug)),
            );
        }
        let own: Vec<&str> = match &school.languages {
            Some(list) => {
                for (code, line, column) in list {
                    if !all.contains(code) && crate::config::is_language_code(code) {
                        self.problems.push(
                            Diagnostic::error(&school.file, format!("`{code}` is not one of the languages of buddysite.yaml"))
                                .at(&file.text, *line, *column)
                                .with_help(format!(
                                    "a school can only narrow the list; choose from: {} (or add `{code}` to `languages:` in buddysite.yaml)",
                                    all.join(", ")
                                )),
                        );
                    }
                }
                if !list.iter().any(|(c, _, _)| c == source_lang) {
                    self.problems.push(
                        crate::yaml::key_diagnostic(file, "languages", format!("`languages` leaves out `{source_lang}`, the language the content is written in"))
                            .with_help(format!("every site is published in `{source_lang}`: start the list with it, e.g. `languages: [{source_lang}, en]`")),
                    );
                }
                list.iter().map(|(c, _, _)| c.as_str()).collect()
            }
            None => all.iter().map(String::as_str).collect(),
        };
        for lang in school.translations.keys() {
            if !own.contains(&lang.as_str()) || lang == source_lang {
                let why = if lang == source_lang {
                    format!("`{lang}` is the source language: its texts are the ones above")
                } else {
                    format!(
                        "`translations` has texts for `{lang}`, which this school does not publish"
                    )
                };
                self.problems.push(
                    crate::yaml::key_diagnostic(file, &format!("translations.{lang}"), why)
                        .with_help(format!(
                            "use one of this school's languages: {}",
                            own.iter()
                                .filter(|l| **l != source_lang)
                                .copied()
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                );
            }
        }
    }
}
