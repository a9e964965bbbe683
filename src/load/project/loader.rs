//! Reading the project's files from disk: `content/`, the school files and their folders,
//! translations beside their sources. The one place that walks the input folders.

use super::*;

/// The `schools/*.yaml` files, by slug, with problems for bad names and duplicates.
pub(super) fn school_files(
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

pub(super) struct Loader<'a> {
    pub(super) root: &'a Path,
    pub(super) problems: &'a mut Diagnostics,
    /// The configured languages, the source language first.
    pub(super) languages: &'a [String],
    /// The Markdown files that failed to load, by name (see [`Project::unread`]).
    pub(super) unread: BTreeSet<String>,
}

impl Loader<'_> {
    /// Reads `content/`: its files, and the translations among them.
    pub(super) fn content(
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
    pub(super) fn translations(
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
                        Diagnostic::error_text(
                            &p.name,
                            crate::text!(TRANSLATION_NO_SOURCE, base = base),
                        )
                        .help(crate::text!(
                            TRANSLATION_NO_SOURCE_HELP,
                            written = written,
                            base = base,
                            lang = self.languages.first().map_or("nl", String::as_str)
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
                Diagnostic::error_text(
                    name,
                    crate::text!(TRANSLATION_NAMES_SOURCE, file = file_name, lang = lang),
                )
                .help(crate::text!(TRANSLATION_NAMES_SOURCE_HELP, base = &base)),
            );
            return Some(Err(()));
        }
        if !self.languages.iter().any(|l| l == lang) {
            self.problems.push(
                Diagnostic::error_text(
                    name,
                    crate::text!(TRANSLATION_UNKNOWN_LANGUAGE, file = file_name, lang = lang),
                )
                .help(crate::text!(
                    TRANSLATION_UNKNOWN_LANGUAGE_HELP,
                    lang = lang,
                    languages = self.languages.join(", ")
                )),
            );
            return Some(Err(()));
        }
        Some(Ok((lang.to_owned(), source_rel)))
    }

    /// Reads a content tree: Markdown files as items, others as assets.
    pub(super) fn tree(&mut self, dir: &Path, prefix: &str) -> Tree {
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
    pub(super) fn item(&mut self, rel: &str, path: &Path, name: &str) -> Option<Item> {
        let file = match source::read(path, name) {
            Ok(f) => f,
            Err(d) => {
                self.problems.push(d);
                self.unread.insert(name.to_owned());
                return None;
            }
        };
        let doc = match content::parse(rel, &file) {
            Ok(doc) => doc,
            Err(ds) => {
                self.problems.extend(ds);
                self.unread.insert(name.to_owned());
                return None;
            }
        };
        let text: Arc<str> = Arc::from(file.text.as_str());
        Some(Item { doc, text })
    }

    /// Reads one school: its YAML and its override folder (`shared`: the shared content, the
    /// sources of translations in the folder that have no source of their own there).
    pub(super) fn school(
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
                Diagnostic::error_text(
                    &school.file,
                    crate::text!(SCHOOL_SLUG_IS_LANGUAGE, slug = &school.slug),
                )
                .help(crate::text!(
                    SCHOOL_SLUG_IS_LANGUAGE_HELP,
                    slug = &school.slug
                )),
            );
        }
        let own: Vec<&str> = match &school.languages {
            Some(list) => {
                for (code, line, column) in list {
                    if !all.contains(code) && crate::config::is_language_code(code) {
                        self.problems.push(
                            Diagnostic::error_text(
                                &school.file,
                                crate::text!(SCHOOL_LANGUAGE_NOT_CONFIGURED, code = code),
                            )
                            .at(&file.text, *line, *column)
                            .help(crate::text!(
                                SCHOOL_LANGUAGE_NOT_CONFIGURED_HELP,
                                code = code,
                                languages = all.join(", ")
                            )),
                        );
                    }
                }
                if !list.iter().any(|(c, _, _)| c == source_lang) {
                    self.problems.push(
                        crate::yaml::key_error(
                            file,
                            "languages",
                            crate::text!(SCHOOL_LANGUAGES_WITHOUT_SOURCE, lang = source_lang),
                        )
                        .help(crate::text!(
                            SCHOOL_LANGUAGES_WITHOUT_SOURCE_HELP,
                            lang = source_lang
                        )),
                    );
                }
                list.iter().map(|(c, _, _)| c.as_str()).collect()
            }
            None => all.iter().map(String::as_str).collect(),
        };
        for lang in school.translations.keys() {
            if !own.contains(&lang.as_str()) || lang == source_lang {
                let why = if lang == source_lang {
                    crate::text!(CONFIG_TRANSLATIONS_SOURCE, lang = lang)
                } else {
                    crate::text!(SCHOOL_TRANSLATIONS_NOT_PUBLISHED, lang = lang)
                };
                self.problems.push(
                    crate::yaml::key_error(file, &format!("translations.{lang}"), why).help(
                        crate::text!(
                            SCHOOL_TRANSLATIONS_NOT_PUBLISHED_HELP,
                            languages = own
                                .iter()
                                .filter(|l| **l != source_lang)
                                .copied()
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                );
            }
        }
    }
}
