//! Themes: the embedded default theme, overridden file by file from the project.
//!
//! An SWV that never touches design has no `themes/` folder at all and still builds; one
//! that wants another footer copies just that template into `themes/default/`.

use crate::diagnostics::Diagnostic;
use include_dir::{include_dir, Dir};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

static EMBEDDED_DEFAULT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// One file of the theme and where it came from.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Bytes of the file.
    pub bytes: Arc<[u8]>,
    /// Where it came from, for diagnostics: a project path or `(built-in theme)/…`.
    pub origin: String,
}

/// Labels the build needs from the theme's language file, besides free UI words.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Labels {
    /// `school_kinds`: label per school kind.
    #[serde(default)]
    pub school_kinds: BTreeMap<String, String>,
    /// `experience_themes`: label per experience theme.
    #[serde(default)]
    pub experience_themes: BTreeMap<String, String>,
    /// `meet`: label per way of meeting.
    #[serde(default)]
    pub meet: BTreeMap<String, String>,
    /// `languages`: name per ISO 639-1 code.
    #[serde(default)]
    pub languages: BTreeMap<String, String>,
}

/// The theme's words in one language.
#[derive(Debug, Clone)]
pub struct Words {
    /// The language file as data for templates (`t`), the source language's words beneath.
    pub words: serde_json::Value,
    /// Its label maps.
    pub labels: Labels,
}

/// A theme, resolved: every file by its path inside the theme folder.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Files by path inside the theme (`templates/base.html`, `static/style.css`).
    pub files: BTreeMap<String, ThemeFile>,
    /// The language file as data for templates (`t`).
    pub words: serde_json::Value,
    /// Label maps from the language file.
    pub labels: Labels,
    /// The words of every other configured language, by code, each complete: keys its file
    /// lacks come from the source language's file (and are listed by [`Theme::word_gaps`]).
    pub translations: BTreeMap<String, Words>,
    /// Warnings for language files that lack keys of the source language's file.
    pub word_gaps: Vec<Diagnostic>,
    /// The colour pairs of `theme.yaml`, parsed once (`None` when that file is broken; the
    /// check reports why).
    pub contrast_pairs: Option<Vec<super::colour_pairs::Pair>>,
}

impl Theme {
    /// Loads theme `name` for language `lang` alone (tools and tests that need one language).
    pub fn load(root: &Path, name: &str, lang: &str) -> Result<Theme, Vec<Diagnostic>> {
        Theme::load_languages(root, name, &[lang.to_owned()])
    }

    /// Loads theme `name` for `languages` (the source language first): embedded files first
    /// (for `default`), then the project's `themes/<name>/` on top.
    pub fn load_languages(
        root: &Path,
        name: &str,
        languages: &[String],
    ) -> Result<Theme, Vec<Diagnostic>> {
        let lang = languages.first().map_or("nl", String::as_str);
        let mut files = BTreeMap::new();
        if name == "default" {
            collect_embedded(&EMBEDDED_DEFAULT, &mut files);
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| {
                    vec![Diagnostic::error_text(
                        format!("themes/{name}"),
                        crate::text!(THEME_WALK_ERROR, error = e.to_string()),
                    )]
                })?;
                if !entry.file_type().is_file() || crate::project::is_ignored(entry.file_name()) {
                    continue;
                }
                let rel = crate::project::rel_path(&dir, entry.path());
                let origin = format!("themes/{name}/{rel}");
                let bytes = std::fs::read(entry.path()).map_err(|e| {
                    vec![Diagnostic::error_text(
                        &origin,
                        crate::text!(PROJECT_CANNOT_READ, error = e.to_string()),
                    )]
                })?;
                files.insert(
                    rel,
                    ThemeFile {
                        bytes: bytes.into(),
                        origin,
                    },
                );
            }
        } else if name != "default" {
            return Err(vec![Diagnostic::error_text(
                "buddysite.yaml",
                crate::text!(THEME_NOT_FOUND, name = name),
            )
            .help(crate::text!(THEME_NOT_FOUND_HELP))]);
        }
        let (words, labels, origin) = words_of(&files, name, lang)?;
        let mut translations = BTreeMap::new();
        let mut word_gaps = Vec::new();
        let mut problems = Vec::new();
        for other in languages.iter().skip(1) {
            if !files.contains_key(&format!("i18n/{other}.yaml")) {
                word_gaps.push(
                    Diagnostic::warning("buddysite.yaml", format!("the theme has no words for language `{other}` (no i18n/{other}.yaml): pages in `{other}` show the `{lang}` words"))
                        .with_help(format!("add themes/{name}/i18n/{other}.yaml: copy i18n/{lang}.yaml and translate the texts after each `:`")),
                );
                translations.insert(
                    other.clone(),
                    Words {
                        words: words.clone(),
                        labels: labels.clone(),
                    },
                );
                continue;
            }
            match words_of(&files, name, other) {
                Ok((own, _, file)) => {
                    let mut missing = Vec::new();
                    missing_keys(&words, &own, "", &mut missing);
                    if !missing.is_empty() {
                        word_gaps.push(
                            Diagnostic::warning(&file, format!(
                                "{} {} of {origin} {} missing here: {}",
                                missing.len(),
                                if missing.len() == 1 { "word" } else { "words" },
                                if missing.len() == 1 { "is" } else { "are" },
                                missing.join(", ")
                            ))
                            .with_help(format!("translate them into `{other}`; until then pages in `{other}` show the `{lang}` words")),
                        );
                    }
                    let mut merged = words.clone();
                    merge(&mut merged, own);
                    match serde_json::from_value::<Labels>(merged.clone()) {
                        Ok(labels) => {
                            translations.insert(other.clone(), Words { words: merged, labels });
                        }
                        Err(e) => problems.push(
                            Diagnostic::error(&file, format!("the label maps are not right: {e}"))
                                .with_help("`school_kinds`, `experience_themes`, `meet` and `languages` must map keys to text"),
                        ),
                    }
                }
                Err(ds) => problems.extend(ds),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut theme = Theme {
            files,
            words,
            labels,
            translations,
            word_gaps,
            contrast_pairs: None,
        };
        theme.contrast_pairs = super::colour_pairs::pairs(&theme).ok();
        Ok(theme)
    }

    /// The words for language `lang` (the source language's for it, and for a language
    /// without a words file).
    pub fn words_in(&self, lang: &str) -> (&serde_json::Value, &Labels) {
        match self.translations.get(lang) {
            Some(w) => (&w.words, &w.labels),
            None => (&self.words, &self.labels),
        }
    }

    /// Templates: files under `templates/`, by name relative to that folder.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("templates/").map(|n| (n, v)))
    }

    /// Static files: under `static/`, by path relative to that folder.
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|n| (n, v)))
    }
}

/// The words file of language `lang`: its data, label maps and file name.
fn words_of(
    files: &BTreeMap<String, ThemeFile>,
    name: &str,
    lang: &str,
) -> Result<(serde_json::Value, Labels, String), Vec<Diagnostic>> {
    let words_path = format!("i18n/{lang}.yaml");
    let Some(words_file) = files.get(&words_path) else {
        return Err(vec![Diagnostic::error_text(
            "buddysite.yaml",
            crate::text!(THEME_NO_WORDS, lang = lang, path = &words_path),
        )
        .help(crate::text!(
            THEME_NO_WORDS_HELP,
            name = name,
            path = &words_path
        ))]);
    };
    let source = crate::source::decode(&words_file.origin, words_file.bytes.to_vec())
        .map_err(|d| vec![d])?;
    let words: serde_json::Value =
        crate::yaml::parse(&source.name, &source.text, 0).map_err(|d| vec![d])?;
    let labels: Labels = serde_json::from_value(words.clone()).map_err(|e| {
        vec![Diagnostic::error_text(
            &source.name,
            crate::text!(THEME_BAD_LABELS, error = e.to_string()),
        )
        .help(crate::text!(THEME_BAD_LABELS_HELP))]
    })?;
    Ok((words, labels, source.name))
}

/// The keys (dotted paths into maps) of `source` that `other` lacks.
fn missing_keys(
    source: &serde_json::Value,
    other: &serde_json::Value,
    at: &str,
    out: &mut Vec<String>,
) {
    let serde_json::Value::Object(map) = source else {
        return;
    };
    for (k, v) in map {
        let path = if at.is_empty() {
            k.clone()
        } else {
            format!("{at}.{k}")
        };
        match other.get(k) {
            None => out.push(path),
            Some(o) => missing_keys(v, o, &path, out),
        }
    }
}

/// `top` over `base`, map by map: a language file's words over the source language's.
fn merge(base: &mut serde_json::Value, top: serde_json::Value) {
    match (base, top) {
        (serde_json::Value::Object(b), serde_json::Value::Object(t)) => {
            for (k, v) in t {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

fn collect_embedded(dir: &Dir<'static>, files: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        files.insert(
            rel.clone(),
            ThemeFile {
                bytes: Arc::from(file.contents()),
                origin: format!("(built-in theme)/{rel}"),
            },
        );
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}
