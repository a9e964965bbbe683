//! Loading a project from disk: all the reading happens here.
//!
//! Everything a build needs is read and checked once into a [`Project`]; rendering is then a
//! pure function of it. Shared work (compiling templates, rendering Markdown that does not
//! depend on the school) is done here, once, not once per school.

use super::names;
use crate::config::Config;
use crate::content::{self, Document};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::school::School;
use crate::source;
use crate::text;
use crate::theme::Theme;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod checks;
mod loader;
mod reload;

use loader::{school_files, Loader};

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
    /// Markdown files that are on disk but did not load (`content/x.md`,
    /// `schools/<slug>/x.md`). Their own error is reported; the checks that run after a failed
    /// load use this to stay silent about links to them, without looking at the disk.
    pub unread: BTreeSet<String>,
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
            unread: BTreeSet::new(),
        };
        let (content, content_assets, translations) = loader.content();
        let mut schools = BTreeMap::new();
        for (slug, path) in school_files(root, skip, loader.problems) {
            if let Some(entry) = loader.school(&slug, &path, &content) {
                schools.insert(slug, entry);
            }
        }
        let unread = std::mem::take(&mut loader.unread);
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
            // Every step of the path, so a linked folder on the way is caught too.
            let mut step = PathBuf::from(root);
            for part in clean.split('/') {
                step.push(part);
                if links_outside(root, &step) {
                    problems.push(outside_link(&rel_path(root, &step)));
                    return None;
                }
            }
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
            unread,
        };
        project.check_required(&mut problems);
        project.check_buddies(&mut problems);
        Ok((project, problems))
    }

    /// Like [`Project::load`], checking consent against `today`.
    pub fn load_on(root: &Path, today: Date) -> Result<Project, Diagnostics> {
        Project::load_except(root, today, &BTreeSet::new())
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
