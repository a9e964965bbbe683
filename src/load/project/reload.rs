//! Reading parts of a loaded project again after files changed: the live preview's way to
//! keep up with an editor without loading everything anew.
//!
//! Every kind of change counts: a file that was edited, one that is new, one that went away,
//! and a folder that appeared, vanished or was swapped wholesale (a `git checkout`, a sync
//! client). A folder stands for every file in it, as loaded before and as on disk now, so a
//! file the watcher never reported on its own is still found.

use super::{is_ignored, page_path, rel_path, school_files, Affects, Asset, Item, Loader, Project};
use crate::content::{Meta, Role};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A content file as found on disk now.
enum Found {
    /// A Markdown file, loaded.
    Item(Box<Item>),
    /// Any other file, read.
    Asset(Asset),
    /// Not there (any more), or a folder.
    Gone,
}

impl Project {
    /// Reads the shared content files and folders `rels` (paths under `content/`) again after
    /// they changed, were added or were removed, and says which pages of every school show
    /// them. An edited page, buddy or FAQ answer and a new FAQ answer touch only the pages
    /// that show it; other new files, removed files, non-Markdown files and changes to what
    /// menus or lists show affect every page.
    ///
    /// Errors in the content files are returned and leave the project as it was. Problems
    /// this causes in a school's own files (a school listing a buddy that is gone) are left to
    /// [`Project::school_problems`], so the live preview can keep the other schools going.
    pub fn reload_content(&mut self, rels: &BTreeSet<String>) -> Result<Affects, Diagnostics> {
        let files = self.expand_content(rels);
        // A translation, or a file that has translations, is read with the whole tree: a
        // translation's meaning depends on its source (a buddy's consent is the source's).
        let translated = |rel: &str| {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            super::names::translation_name(name).is_some()
                || self.translations.values().any(|t| t.contains_key(rel))
                || self
                    .schools
                    .values()
                    .any(|s| s.translations.values().any(|t| t.contains_key(rel)))
        };
        if files.iter().any(|rel| translated(rel)) {
            return self.reload_all_content();
        }
        let mut problems = Diagnostics::default();
        let mut affects = BTreeSet::new();
        let mut everything = false;
        let mut found = Vec::new();
        let mut loader = Loader {
            root: &self.root,
            problems: &mut problems,
            languages: &self.config.languages,
        };
        for rel in &files {
            let now = loader.content_file(rel);
            match &now {
                Found::Item(item) => match self.content.get(rel) {
                    Some(old) => match (&old.doc.meta, &item.doc.meta) {
                        (Meta::Page(a), Meta::Page(b)) => {
                            if (&a.title, a.weight, a.menu) != (&b.title, b.weight, b.menu) {
                                everything = true;
                            }
                            affects.insert(page_path(rel));
                        }
                        (Meta::Faq(_), Meta::Faq(_)) => {
                            affects.insert("vragen/index.html".to_owned());
                        }
                        (Meta::Buddy(a), Meta::Buddy(b)) => {
                            if (a.consent_until >= self.today) != (b.consent_until >= self.today) {
                                everything = true;
                            }
                            affects.insert("buddys/index.html".to_owned());
                            affects.insert(page_path(rel));
                        }
                        _ => everything = true,
                    },
                    // A new FAQ answer only shows on the FAQ page (it has no page of its own).
                    None if Role::of(rel) == Role::FaqEntry => {
                        affects.insert("vragen/index.html".to_owned());
                    }
                    None => everything = true,
                },
                Found::Asset(_) => everything = true,
                Found::Gone => {
                    if !self.content.contains_key(rel) && !self.content_assets.contains_key(rel) {
                        continue;
                    }
                    everything = true;
                }
            }
            found.push((rel.clone(), now));
        }
        if problems.has_errors() {
            problems.sort();
            return Err(problems);
        }
        for (rel, now) in found {
            match now {
                Found::Item(item) => {
                    self.content_assets.remove(&rel);
                    self.content.insert(rel, Arc::new(*item));
                }
                Found::Asset(asset) => {
                    self.content.remove(&rel);
                    self.content_assets.insert(rel, asset);
                }
                Found::Gone => {
                    self.content.remove(&rel);
                    self.content_assets.remove(&rel);
                }
            }
        }
        let names: BTreeSet<String> = files.iter().map(|r| format!("content/{r}")).collect();
        let mut checks = Diagnostics::default();
        self.check_required(&mut checks);
        self.check_buddies(&mut checks);
        let checks: Vec<Diagnostic> = checks
            .into_iter()
            .filter(|d| names.contains(&d.file))
            .collect();
        if checks.iter().any(Diagnostic::is_error) {
            let mut errors = Diagnostics(checks);
            errors.sort();
            return Err(errors);
        }
        self.warnings.retain(|w| !names.contains(&w.file));
        self.warnings.extend(problems.into_iter().chain(checks));
        // The same pages in the other languages: an untranslated FAQ answer or buddy is
        // listed there in the source language.
        let prefixed: Vec<String> = self
            .config
            .other_languages()
            .flat_map(|l| affects.iter().map(move |p| format!("{l}/{p}")))
            .collect();
        affects.extend(prefixed);
        Ok(if everything {
            Affects::All
        } else {
            Affects::Pages(affects)
        })
    }

    /// Reads all of `content/` again, with its translations, and the schools that have
    /// translations of their own (their sources may have changed). On errors the project
    /// stays as it was.
    fn reload_all_content(&mut self) -> Result<Affects, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut loader = Loader {
            root: &self.root,
            problems: &mut problems,
            languages: &self.config.languages,
        };
        let (content, assets, translations) = loader.content();
        if problems.has_errors() {
            problems.sort();
            return Err(problems);
        }
        let old = (
            std::mem::replace(&mut self.content, content),
            std::mem::replace(&mut self.content_assets, assets),
            std::mem::replace(&mut self.translations, translations),
        );
        let mut checks = Diagnostics::default();
        self.check_required(&mut checks);
        self.check_buddies(&mut checks);
        let checks: Vec<Diagnostic> = checks
            .into_iter()
            .filter(|d| d.file.starts_with("content/"))
            .collect();
        if checks.iter().any(Diagnostic::is_error) {
            (self.content, self.content_assets, self.translations) = old;
            let mut errors = Diagnostics(checks);
            errors.sort();
            return Err(errors);
        }
        self.warnings.retain(|w| !w.file.starts_with("content/"));
        self.warnings.extend(problems.into_iter().chain(checks));
        let with_own: Vec<String> = self
            .schools
            .iter()
            .filter(|(_, s)| !s.translations.is_empty())
            .map(|(slug, _)| slug.clone())
            .collect();
        for slug in with_own {
            self.reload_school(&slug)?;
        }
        Ok(Affects::All)
    }

    /// The content files that `rels` stand for: each file itself, and for a folder every file
    /// in it as loaded before and as on disk now.
    fn expand_content(&self, rels: &BTreeSet<String>) -> BTreeSet<String> {
        let dir = self.root.join("content");
        let mut files = BTreeSet::new();
        for rel in rels {
            let prefix = format!("{rel}/");
            files.extend(
                self.content
                    .keys()
                    .chain(self.content_assets.keys())
                    .filter(|k| k.starts_with(&prefix))
                    .cloned(),
            );
            let path = dir.join(rel);
            // Not `is_dir`: a link to a folder is reported as a link, never followed.
            if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                files.insert(rel.clone());
                continue;
            }
            let walker = walkdir::WalkDir::new(&path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
            for entry in walker.filter_map(Result::ok) {
                if !entry.file_type().is_dir() {
                    files.insert(rel_path(&dir, entry.path()));
                }
            }
        }
        files
    }

    /// Reads school `slug` again after its YAML or override folder changed (or was removed),
    /// leaving everything else as loaded. On errors the school stays as it was.
    pub fn reload_school(&mut self, slug: &str) -> Result<(), Diagnostics> {
        // Found the way a full load finds it, with the same checks on the file's name.
        let mut listed = Diagnostics::default();
        let yaml = school_files(&self.root, &BTreeSet::new(), &mut listed)
            .into_iter()
            .find(|(s, _)| s == slug)
            .map(|(_, path)| path);
        let mut problems = Diagnostics::default();
        let own_yaml = [
            format!("schools/{slug}.yaml"),
            format!("schools/{slug}.yml"),
        ];
        problems.extend(listed.into_iter().filter(|d| own_yaml.contains(&d.file)));
        let old = self.schools.remove(slug);
        if let Some(path) = yaml {
            let mut loader = Loader {
                root: &self.root,
                problems: &mut problems,
                languages: &self.config.languages,
            };
            if let Some(entry) = loader.school(slug, &path, &self.content) {
                self.schools.insert(slug.to_owned(), entry);
            }
        }
        let own = format!("schools/{slug}");
        let mut checks = Diagnostics::default();
        self.check_buddies(&mut checks);
        problems.extend(checks.into_iter().filter(|d| d.file.starts_with(&own)));
        if problems.has_errors() {
            if let Some(old) = old {
                self.schools.insert(slug.to_owned(), old);
            }
            problems.sort();
            return Err(problems);
        }
        self.warnings.retain(|w| !w.file.starts_with(&own));
        self.warnings.extend(problems);
        Ok(())
    }

    /// The errors that the checks across files (a school's buddy list against the buddies
    /// there are) find in each school's own files now, by slug. After shared content changed,
    /// these say which schools it broke.
    pub fn school_problems(&self) -> BTreeMap<String, Diagnostics> {
        let mut checks = Diagnostics::default();
        self.check_buddies(&mut checks);
        let mut by_school: BTreeMap<String, Diagnostics> = BTreeMap::new();
        for d in checks.into_iter().filter(Diagnostic::is_error) {
            let slug = self
                .schools
                .iter()
                .find(|(slug, entry)| {
                    d.file == entry.school.file || d.file.starts_with(&format!("schools/{slug}/"))
                })
                .map(|(slug, _)| slug.clone());
            if let Some(slug) = slug {
                by_school.entry(slug).or_default().push(d);
            }
        }
        by_school
    }
}

impl Loader<'_> {
    /// Reads the content file `rel` (under `content/`) as it is on disk now.
    fn content_file(&mut self, rel: &str) -> Found {
        let path = self.root.join("content").join(rel);
        let name = format!("content/{rel}");
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Found::Gone;
        };
        if meta.file_type().is_symlink() {
            self.problems.push(Diagnostic::error_text(
                name,
                crate::text!(PROJECT_LINK_NOT_FOLLOWED),
            ));
            return Found::Gone;
        }
        if !meta.is_file() {
            return Found::Gone;
        }
        if rel.ends_with(".md") {
            return match self.item(rel, &path, &name) {
                Some(item) => Found::Item(Box::new(item)),
                None => Found::Gone,
            };
        }
        match std::fs::read(&path) {
            Ok(bytes) => Found::Asset(Asset {
                bytes: bytes.into(),
                origin: name,
            }),
            Err(e) => {
                self.problems.push(Diagnostic::error_text(
                    name,
                    crate::text!(PROJECT_CANNOT_READ, error = e.to_string()),
                ));
                Found::Gone
            }
        }
    }
}
