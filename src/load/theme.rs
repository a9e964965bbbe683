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

/// A theme, resolved: every file by its path inside the theme folder.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Files by path inside the theme (`templates/base.html`, `static/style.css`).
    pub files: BTreeMap<String, ThemeFile>,
    /// The language file as data for templates (`t`).
    pub words: serde_json::Value,
    /// Label maps from the language file.
    pub labels: Labels,
    /// The colour pairs of `theme.yaml`, parsed once (`None` when that file is broken; the
    /// check reports why).
    pub contrast_pairs: Option<Vec<super::colour_pairs::Pair>>,
}

impl Theme {
    /// Loads theme `name` for language `lang`: embedded files first (for `default`), then
    /// the project's `themes/<name>/` on top.
    pub fn load(root: &Path, name: &str, lang: &str) -> Result<Theme, Vec<Diagnostic>> {
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
        let mut theme = Theme {
            files,
            words,
            labels,
            contrast_pairs: None,
        };
        theme.contrast_pairs = super::colour_pairs::pairs(&theme).ok();
        Ok(theme)
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
