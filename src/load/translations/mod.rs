//! Translations and their sources: which file translates which, into which language, and
//! whether it still matches the source it was made from.
//!
//! A translation sits next to its source, named like it with the language before `.md`
//! (Zola's convention): `content/brief.en.md` translates `content/brief.md`,
//! `content/vragen/kosten.ar.md` translates `content/vragen/kosten.md`. In a school's folder,
//! `schools/<slug>/brief.en.md` translates `schools/<slug>/brief.md` when the school has its
//! own letter, and the shared `content/brief.md` otherwise. The language is a BCP 47 tag:
//! a 2–3 letter primary subtag, optionally with a script and a region (`pt-BR`, `sr-Latn`).
//!
//! Everything here works on texts already read ([`Tree`]), so `check` and `build` use the
//! loaded project and `buddysite translations` the files on disk, with the same rules. The
//! pairing is by file name only; the multilingual loader may replace [`split_lang`] and
//! [`source_of`] with its own, as long as they agree on the names.

pub mod hash;
pub mod mark;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::project::Project;
use hash::{is_hash, recorded, source_hash, Recorded};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

/// The project's Markdown files by path from the project root (`content/brief.md`,
/// `schools/alpha/contact.md`), each with its text (no BOM, LF line endings).
pub type Tree = BTreeMap<String, Arc<str>>;

/// The languages the sites are published in, source language first: `languages:` of
/// `buddysite.yaml`, or just `language:` (default `nl`) when it is not set.
pub fn configured_languages(config: &Config) -> Vec<String> {
    if config.languages.is_empty() {
        vec![config.language.clone()]
    } else {
        config.languages.clone()
    }
}

/// True for a BCP 47 language tag as used in file names: a 2–3 letter primary subtag in
/// lower case, then optionally a 4-letter script and a 2-letter or 3-digit region
/// (`en`, `pap`, `pt-BR`, `sr-Latn`, `es-419`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let mut stage = 0;
    for part in parts {
        let script = part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic());
        let region = (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()));
        stage = match (stage, script, region) {
            (0, true, _) => 1,
            (0 | 1, _, true) => 2,
            _ => return false,
        };
    }
    true
}

/// Splits a file name like `brief.en.md` into its stem and language (`brief`, `en`); `None`
/// for names without a language (`brief.md`, `info.v2.md`).
pub fn split_lang(name: &str) -> Option<(&str, &str)> {
    let without = name.strip_suffix(".md")?;
    let (stem, lang) = without.rsplit_once('.')?;
    (!stem.is_empty() && is_language_tag(lang)).then_some((stem, lang))
}

/// The file a translation's source would be in the same folder: `content/brief.en.md` →
/// `content/brief.md`.
pub fn expected_source(file: &str) -> Option<String> {
    let (dir, name) = file.rsplit_once('/').unwrap_or(("", file));
    let (stem, _) = split_lang(name)?;
    Some(if dir.is_empty() {
        format!("{stem}.md")
    } else {
        format!("{dir}/{stem}.md")
    })
}

/// The source of translation `file` in `tree`: the file without the language in the same
/// folder, or, for a file in a school's folder without such a file, the shared one in
/// `content/`.
pub fn source_of(tree: &Tree, file: &str) -> Option<String> {
    let same = expected_source(file)?;
    if tree.contains_key(&same) {
        return Some(same);
    }
    let rest = same.strip_prefix("schools/")?;
    let (_, rel) = rest.split_once('/')?;
    let shared = format!("content/{rel}");
    tree.contains_key(&shared).then_some(shared)
}

/// The translation of `source` into `lang` in the same folder: `content/brief.md`, `en` →
/// `content/brief.en.md`.
pub fn translation_path(source: &str, lang: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    format!("{stem}.{lang}.md")
}

/// Where a translation stands against its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// It records the current hash of its source.
    UpToDate,
    /// Its source changed since the recorded hash.
    Outdated {
        /// What the translation records.
        recorded: Recorded,
        /// The source's hash now.
        current: String,
    },
    /// It does not record which version it translates (no `source:`, or a value that is
    /// not a hash, which is kept here to name it).
    Unmarked {
        /// A `source:` entry whose value is not a hash.
        invalid: Option<Recorded>,
    },
    /// The source has no translation into this language.
    Missing,
    /// A file named as a translation whose source does not exist.
    NoSource,
    /// A translation into a language that is not in `languages:`.
    NotConfigured,
}

/// One translation (or a missing one) of one source file into one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The language.
    pub lang: String,
    /// The translation, from the project root; for [`Status::Missing`] the file it would be.
    pub file: String,
    /// The source, from the project root; for [`Status::NoSource`] the file it would be.
    pub source: String,
    /// Where it stands.
    pub status: Status,
}

/// Every translation of a project, and every missing one, by language and file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// The source language (the first of `languages:`).
    pub source_language: String,
    /// The languages translations are expected in (the others of `languages:`).
    pub languages: Vec<String>,
    /// Sorted by language, then file.
    pub entries: Vec<Entry>,
}

/// Compares every translation in `tree` with its source, and lists the sources without a
/// translation in one of `languages` (source language first).
pub fn survey(tree: &Tree, languages: &[String]) -> Survey {
    let source_language = languages.first().cloned().unwrap_or_else(|| "nl".into());
    let wanted: Vec<String> = languages.iter().skip(1).cloned().collect();
    let mut entries = Vec::new();
    let mut translations: BTreeSet<&str> = BTreeSet::new();
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in tree {
        let name = file.rsplit('/').next().unwrap_or(file);
        let Some((_, lang)) = split_lang(name) else {
            continue;
        };
        let source = source_of(tree, file);
        let configured = wanted.iter().any(|l| l == lang);
        if source.is_none() && !configured {
            // `notes.old.md` without `notes.md`: a page with a dot in its name.
            continue;
        }
        translations.insert(file);
        let status = match &source {
            None => Status::NoSource,
            Some(_) if !configured => Status::NotConfigured,
            Some(source) => {
                let current = hashes
                    .entry(source.clone())
                    .or_insert_with(|| source_hash(&tree[source]))
                    .clone();
                match recorded(text) {
                    None => Status::Unmarked { invalid: None },
                    Some(r) if !is_hash(&r.value) => Status::Unmarked { invalid: Some(r) },
                    Some(r) if r.value.eq_ignore_ascii_case(&current) => Status::UpToDate,
                    Some(r) => Status::Outdated {
                        recorded: r,
                        current,
                    },
                }
            }
        };
        entries.push(Entry {
            lang: lang.to_owned(),
            file: file.clone(),
            source: source.or_else(|| expected_source(file)).unwrap_or_default(),
            status,
        });
    }
    for file in tree.keys() {
        if translations.contains(file.as_str()) || !is_content(file) {
            continue;
        }
        for lang in &wanted {
            let expected = translation_path(file, lang);
            if !tree.contains_key(&expected) {
                entries.push(Entry {
                    lang: lang.clone(),
                    file: expected,
                    source: file.clone(),
                    status: Status::Missing,
                });
            }
        }
    }
    entries.sort_by(|a, b| (&a.lang, &a.file).cmp(&(&b.lang, &b.file)));
    Survey {
        source_language,
        languages: wanted,
        entries,
    }
}

/// True for a Markdown file in `content/` or a school's folder.
fn is_content(file: &str) -> bool {
    file.ends_with(".md")
        && (file.starts_with("content/")
            || file
                .strip_prefix("schools/")
                .is_some_and(|r| r.contains('/')))
}

/// The Markdown files of a loaded project (shared and every school's own) as a [`Tree`].
pub fn tree_of(project: &Project) -> Tree {
    let translations = std::iter::once(&project.translations)
        .chain(project.schools.values().map(|s| &s.translations))
        .flat_map(|by_path| by_path.values().flat_map(|by_lang| by_lang.values()));
    project
        .all_items()
        .chain(translations)
        .map(|item| (item.doc.file.clone(), item.text.clone()))
        .collect()
}

/// The survey of a loaded project, with its configured languages.
pub fn survey_of(project: &Project) -> Survey {
    survey(&tree_of(project), &configured_languages(&project.config))
}

/// The translations whose source changed since they were made, by path from the project
/// root (`content/brief.en.md`, `schools/alpha/contact.en.md`). They are still published;
/// the renderer shows them with the theme's `translation_outdated` notice and a
/// `translation_outdated_link` to the source-language page.
pub fn outdated(project: &Project) -> BTreeSet<String> {
    survey_of(project)
        .entries
        .into_iter()
        .filter(|e| matches!(e.status, Status::Outdated { .. }))
        .map(|e| e.file)
        .collect()
}

/// The configured languages of the project at `root`, read from its `buddysite.yaml` as far
/// as it can be read (a problem elsewhere in that file does not stop `buddysite
/// translations`). `Err` when there is no `buddysite.yaml`.
pub fn read_languages(root: &Path) -> Result<Vec<String>, String> {
    let path = root.join("buddysite.yaml");
    if !path.is_file() {
        return Err(format!(
            "no buddysite.yaml in {}; pass the project folder with --root",
            root.display()
        ));
    }
    let file = crate::source::read(&path, "buddysite.yaml").map_err(|d| d.to_string())?;
    let (config, _) = Config::parse_lenient(&file);
    Ok(configured_languages(&config))
}

/// Reads every Markdown file of `content/` and the school folders under `root` for
/// `buddysite translations`, which must work even when the rest of the project does not load
/// (a translator checks their file while a school's YAML is broken). Files that cannot be
/// read as text are returned as problems; hidden, backup and linked files are skipped, as the
/// loader skips them.
pub fn read_tree(root: &Path) -> (Tree, Vec<Diagnostic>) {
    let mut tree = Tree::new();
    let mut problems = Vec::new();
    let mut dirs = vec![("content".to_owned(), root.join("content"))];
    if let Ok(entries) = std::fs::read_dir(root.join("schools")) {
        let mut schools: Vec<_> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|e| !crate::project::is_ignored(&e.file_name()))
            .map(|e| {
                (
                    format!("schools/{}", e.file_name().to_string_lossy()),
                    e.path(),
                )
            })
            .collect();
        schools.sort();
        dirs.extend(schools);
    }
    for (prefix, dir) in dirs {
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        let walker = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !crate::project::is_ignored(e.file_name()));
        for entry in walker.filter_map(Result::ok) {
            if !entry.file_type().is_file() || entry.path_is_symlink() {
                continue;
            }
            let rel = crate::project::rel_path(&dir, entry.path());
            if !rel.ends_with(".md") {
                continue;
            }
            let name = format!("{prefix}/{rel}");
            match crate::source::read(entry.path(), &name) {
                Ok(file) => {
                    tree.insert(name, Arc::from(file.text));
                }
                Err(d) => problems.push(d),
            }
        }
    }
    (tree, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> Tree {
        files
            .iter()
            .map(|(f, t)| ((*f).to_owned(), Arc::from(*t)))
            .collect()
    }

    #[test]
    fn language_tags_in_file_names() {
        for ok in ["en", "pap", "pt-BR", "sr-Latn", "es-419", "zh-Hant-TW"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["e", "engl", "EN", "v2", "en-", "en-x", "en-BR-Latn", "1a"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        assert_eq!(split_lang("brief.en.md"), Some(("brief", "en")));
        assert_eq!(split_lang("brief.md"), None);
        assert_eq!(split_lang("info.v2.md"), None);
    }

    #[test]
    fn statuses() {
        let src = "---\ntitle: Brief\n---\nHallo\n";
        let hash = source_hash(src);
        let t = tree(&[
            ("content/brief.md", src),
            (
                "content/brief.en.md",
                &format!("---\nsource: {hash}\ntitle: Letter\n---\nHello\n"),
            ),
            ("content/index.md", "---\ntitle: Thuis\n---\n"),
            (
                "content/index.en.md",
                "---\nsource: 00000000\ntitle: Home\n---\n",
            ),
            ("content/contact.md", "---\ntitle: Contact\n---\n"),
            ("content/contact.en.md", "---\ntitle: Contact\n---\n"),
            ("content/oud.en.md", "---\ntitle: Old\n---\n"),
            ("content/notes.old.md", "---\ntitle: Notes\n---\n"),
            (
                "schools/a/brief.en.md",
                &format!("---\nsource: {hash}\ntitle: L\n---\n"),
            ),
        ]);
        let s = survey(&t, &["nl".into(), "en".into()]);
        let status = |f: &str| {
            s.entries
                .iter()
                .find(|e| e.file == f)
                .map(|e| e.status.clone())
        };
        assert_eq!(status("content/brief.en.md"), Some(Status::UpToDate));
        assert!(matches!(
            status("content/index.en.md"),
            Some(Status::Outdated { .. })
        ));
        assert_eq!(
            status("content/contact.en.md"),
            Some(Status::Unmarked { invalid: None })
        );
        assert_eq!(status("content/oud.en.md"), Some(Status::NoSource));
        assert_eq!(status("content/notes.old.md"), None);
        assert_eq!(status("content/notes.old.en.md"), Some(Status::Missing));
        assert_eq!(status("schools/a/brief.en.md"), Some(Status::UpToDate));
        let s = survey(&t, &["nl".into()]);
        assert!(s.entries.iter().all(|e| e.status != Status::Missing));
    }
}
