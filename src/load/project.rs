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
use crate::school::School;
use crate::source;
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
    Diagnostic::error(rel, "this is a link to a folder or file outside the project").with_help(
        "copy the files into the project folder instead: a build only reads files inside the project",
    )
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
            return Err(Diagnostic::error(
                "buddysite.yaml",
                format!("no buddysite.yaml in {}", root.display()),
            )
            .with_help("run buddysite in the project folder, pass --root, or create a project with `buddysite init DIR`")
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
        let theme = match Theme::load(root, &config.theme, &config.language) {
            Ok(theme) => theme,
            Err(theme_problems) => {
                problems.extend(theme_problems);
                problems.sort();
                return Err(problems);
            }
        };
        let mut loader = Loader {
            root,
            problems: &mut problems,
        };
        let (content, content_assets) = loader.tree(&root.join("content"), "content");
        let mut schools = BTreeMap::new();
        for (slug, path) in school_files(root, skip, loader.problems) {
            if let Some(entry) = loader.school(&slug, &path) {
                schools.insert(slug, entry);
            }
        }
        let swv_logo = config.logo.as_ref().and_then(|logo| {
            let clean = match crate::paths::clean_relative(logo) {
                Ok(c) => c,
                Err(why) => {
                    problems.push(crate::yaml::key_diagnostic(
                        &config_file,
                        "logo",
                        format!("`logo` {why}"),
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
                        crate::yaml::key_diagnostic(
                            &config_file,
                            "logo",
                            format!("logo file `{clean}` not found"),
                        )
                        .with_help("put the file in the project folder, or remove `logo:`"),
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
                    Diagnostic::error(format!("content/{rel}"), "this required file is missing")
                        .with_help("create it with front matter (`title:`) and some text; `buddysite init` shows an example"),
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
                Diagnostic::error("schools/", "there are no schools")
                    .with_help("add a file schools/<name>.yaml for each school"),
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
            let vocab: [(&str, &Vec<content::Key>, Vec<&str>); 3] = [
                ("experience theme", &b.themes, themes.clone()),
                (
                    "language",
                    &b.languages,
                    labels.languages.keys().map(String::as_str).collect(),
                ),
                (
                    "way to meet",
                    &b.meet,
                    labels.meet.keys().map(String::as_str).collect(),
                ),
            ];
            for (what, keys, allowed) in vocab {
                for k in keys {
                    if !allowed.contains(&k.key.as_str()) {
                        let help = match suggest(&k.key, allowed.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`? Known: {}", allowed.join(", ")),
                            None => format!("use one of: {}", allowed.join(", ")),
                        };
                        problems.push(
                            Diagnostic::error(
                                &item.doc.file,
                                format!("unknown {what} `{}`", k.key),
                            )
                            .at(&item.text, k.line, k.column)
                            .with_help(help),
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
                        Some(s) => format!("did you mean `{s}`? Buddies: {}", known.join(", ")),
                        None => format!(
                            "a buddy id is a file name in content/buddys/ without .md: {}",
                            known.join(", ")
                        ),
                    };
                    problems.push(
                        Diagnostic::error(&entry.school.file, format!("there is no buddy `{id}`"))
                            .at(&entry.text, *line, *column)
                            .with_help(help),
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
                format!(
                    "consent of buddy {} ends on {} ({}): after that day the profile leaves every site",
                    b.name,
                    b.consent_until,
                    match days {
                        0 => "today is the last day".to_owned(),
                        1 => "tomorrow is the last day".to_owned(),
                        n => format!("in {n} days"),
                    }
                ),
                "ask the buddy whether they want to stay on the sites, and if so update `consent_until` to the new date".to_owned(),
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
                    format!("to delete the profile, delete the file {}", item.doc.file)
                } else {
                    format!(
                        "to delete the profile, delete the file and also remove `{id}` from these school files: {}",
                        listed.join(", ")
                    )
                };
                (
                    format!(
                        "consent of buddy {} ended on {}: the profile is left out of every site",
                        b.name, b.consent_until
                    ),
                    format!("renew `consent_until`; {delete}"),
                )
            }
        };
        let mut d = Diagnostic::warning(&item.doc.file, message).with_help(help);
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
                    Diagnostic::error(format!("schools/{name}"), format!("the file name `{name}` looks like a mistake"))
                        .with_help(format!(
                            "rename it to `{meant}` (Windows hides extensions: in Explorer, turn on View > File name extensions to see the whole name)"
                        )),
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
        let name = format!("schools/{}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
        let suggestion = crate::paths::slugify(slug);
        if let Some(first) = seen.insert(suggestion.clone(), name.clone()) {
            problems.push(
                Diagnostic::error(&name, format!("two school files have the same web address `{suggestion}/`"))
                    .with_help(format!("{first} has it too (web addresses do not tell capitals, spaces and `-` apart); rename or remove one of them")),
            );
            return false;
        }
        if names::RESERVED_SLUGS.contains(&slug.as_str()) {
            problems.push(
                Diagnostic::error(&name, format!("a school cannot be called `{slug}`: the overview uses `{slug}` for its own files"))
                    .with_help(format!(
                        "rename the file (for example to `{slug}-school.yaml`); these names are reserved: {}",
                        names::RESERVED_SLUGS.join(", ")
                    )),
            );
            return false;
        }
        if !crate::config::is_slug(slug) {
            problems.push(
                Diagnostic::error(&name, format!("the file name `{slug}` cannot be used in a web address"))
                    .with_help(format!("rename the file to `{suggestion}.yaml`: lower-case letters, digits and `-` only")),
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
}

impl Loader<'_> {
    /// Reads a content tree: Markdown files as items, others as assets.
    fn tree(
        &mut self,
        dir: &Path,
        prefix: &str,
    ) -> (BTreeMap<String, Arc<Item>>, BTreeMap<String, Asset>) {
        let mut items = BTreeMap::new();
        let mut assets = BTreeMap::new();
        if links_outside(self.root, dir) {
            self.problems.push(outside_link(prefix));
            return (items, assets);
        }
        if !dir.is_dir() {
            return (items, assets);
        }
        let walker = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.problems.push(Diagnostic::error(
                        prefix,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                if entry.path_is_symlink() {
                    self.problems.push(Diagnostic::error(
                        format!("{prefix}/{}", rel_path(dir, entry.path())),
                        "links to other places are not followed",
                    ));
                }
                continue;
            }
            let rel = rel_path(dir, entry.path());
            let name = format!("{prefix}/{rel}");
            let file_name = entry.file_name().to_string_lossy();
            if let Some(meant) = names::intended_name(&file_name, names::Folder::Content) {
                self.problems.push(
                    Diagnostic::error(&name, format!("the file name `{file_name}` looks like a mistake"))
                        .with_help(format!(
                            "rename it to `{meant}` (Windows hides extensions: in Explorer, turn on View > File name extensions to see the whole name)"
                        )),
                );
                continue;
            }
            if rel.ends_with(".md") {
                if let Some(item) = self.item(&rel, entry.path(), &name) {
                    items.insert(rel, Arc::new(item));
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
                    Err(e) => self
                        .problems
                        .push(Diagnostic::error(name, format!("cannot read: {e}"))),
                }
            }
        }
        (items, assets)
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

    /// Reads one school: its YAML and its override folder.
    fn school(&mut self, slug: &str, path: &Path) -> Option<SchoolEntry> {
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
        self.problems.extend(crate::config::address_form(
            &school.contact,
            &file.name,
            &file.text,
            0,
            "contact",
        ));
        let dir = self.root.join("schools").join(slug);
        let (overrides, assets) = self.tree(&dir, &format!("schools/{slug}"));
        if let Some(logo) = &school.brand.logo {
            if !assets.contains_key(logo) {
                self.problems.push(
                    crate::yaml::key_diagnostic(
                        &file,
                        "logo",
                        format!("logo file `schools/{slug}/{logo}` not found"),
                    )
                    .with_help(crate::paths::missing_file_help(
                        logo,
                        assets.keys().map(String::as_str),
                        &format!("put the logo in the folder schools/{slug}/, or remove `logo:`"),
                    )),
                );
            }
        }
        Some(SchoolEntry {
            school,
            text: Arc::from(file.text.as_str()),
            overrides,
            assets,
        })
    }
}
