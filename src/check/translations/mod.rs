//! Translations that cannot silently go stale: the warnings `check` and `build` give about
//! translations, and the report of `buddysite translations`.
//!
//! Which file translates which, and whether it still matches its source, is decided in
//! [`crate::load::translations`] (pure functions over the texts); this module turns that into
//! warnings at the right line (outdated, unmarked, a translation without a source) and adds
//! the [`consistency`] check: what the source gives parents (placeholders, template values,
//! links, anchors, e-mail and phone links) that the translation dropped. A missing
//! translation is not a warning here: the page falls back to the source language, and
//! `buddysite translations` lists what is missing.

pub mod consistency;

use crate::diagnostics::Diagnostic;
use crate::load::translations::{self as tr, Status, Survey, Tree};
use crate::project::Project;
use std::fmt::Write as _;
use std::path::Path;

/// Every translation warning of a loaded project: called by `check::project`, so `check`,
/// `build` and the live preview show them (and `check --strict` fails on them).
pub fn problems(project: &Project) -> Vec<Diagnostic> {
    let tree = tr::tree_of(project);
    let survey = tr::survey(&tree, &tr::configured_languages(&project.config));
    diagnostics(&tree, &survey)
}

/// The warnings for the translations in `survey` (status and consistency).
pub fn diagnostics(tree: &Tree, survey: &Survey) -> Vec<Diagnostic> {
    let mut out = status_diagnostics(tree, survey);
    out.extend(consistency_diagnostics(tree, survey));
    out
}

/// The command that records a translation as up to date.
fn mark_command(file: &str) -> String {
    format!("buddysite translations --mark {file}")
}

/// Warnings for outdated and unmarked translations, translations without a source and
/// translations into a language that is not configured.
pub fn status_diagnostics(tree: &Tree, survey: &Survey) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &survey.entries {
        let text = tree.get(&e.file).map(|t| &**t).unwrap_or("");
        let (file, source, lang) = (&e.file, &e.source, &e.lang);
        let d = match &e.status {
            Status::UpToDate | Status::Missing => continue,
            Status::Outdated { recorded, current } => Diagnostic::warning(
                file,
                format!(
                    "this {lang} translation is outdated: {source} changed since it was translated (`source: {}`, the text is now {current})",
                    recorded.value
                ),
            )
            .at(text, recorded.line, recorded.column)
            .with_help(format!(
                "see what changed in {source} (for example with `git log -p {source}`), update this translation, then run `{}`; until then the page is published with a notice that the {} text is leading",
                mark_command(file),
                survey.source_language
            )),
            Status::Unmarked { invalid: None } => Diagnostic::warning(
                file,
                format!("this {lang} translation does not record which version of {source} it translates"),
            )
            .at(text, 1, 1)
            .with_help(format!(
                "once it matches {source}, run `{}`: it adds `source:` with the source's current hash, so that a later change to {source} is noticed",
                mark_command(file)
            )),
            Status::Unmarked {
                invalid: Some(recorded),
            } => Diagnostic::warning(
                file,
                format!("`source: {}` is not a source hash", recorded.value),
            )
            .at(text, recorded.line, recorded.column)
            .with_help(format!(
                "`source:` holds the 8-character hash of the text it translates, written by `{}` (run it once the translation matches {source}); the source file itself is found by the name",
                mark_command(file)
            )),
            Status::NoSource => Diagnostic::warning(
                file,
                format!("this file is named as a {lang} translation, but there is no {source} to translate"),
            )
            .with_help(format!(
                "a translation is named like its source with the language before `.md` (`brief.{lang}.md` translates `brief.md`): rename it, or remove it if its source was removed"
            )),
            Status::NotConfigured => Diagnostic::warning(
                file,
                format!("this is a translation into `{lang}`, which is not in `languages:` of buddysite.yaml"),
            )
            .with_help(format!(
                "add `{lang}` to `languages:` in buddysite.yaml to publish it (configured now: {})",
                std::iter::once(survey.source_language.as_str())
                    .chain(survey.languages.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        out.push(d);
    }
    out
}

/// What the source of each existing translation uses that the translation dropped.
pub fn consistency_diagnostics(tree: &Tree, survey: &Survey) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &survey.entries {
        if !matches!(
            e.status,
            Status::UpToDate | Status::Outdated { .. } | Status::Unmarked { .. }
        ) {
            continue;
        }
        let (Some(source), Some(translation)) = (tree.get(&e.source), tree.get(&e.file)) else {
            continue;
        };
        out.extend(consistency::compare(
            &e.source,
            source,
            &e.file,
            translation,
            &e.lang,
        ));
    }
    out
}

/// How many translations have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Up to date.
    pub up_to_date: usize,
    /// Source changed since.
    pub outdated: usize,
    /// No `source:` recorded.
    pub unmarked: usize,
    /// Not translated.
    pub missing: usize,
    /// Named as a translation of a file that does not exist.
    pub no_source: usize,
    /// In a language that is not configured.
    pub not_configured: usize,
}

impl Counts {
    fn add(&mut self, status: &Status) {
        match status {
            Status::UpToDate => self.up_to_date += 1,
            Status::Outdated { .. } => self.outdated += 1,
            Status::Unmarked { .. } => self.unmarked += 1,
            Status::Missing => self.missing += 1,
            Status::NoSource => self.no_source += 1,
            Status::NotConfigured => self.not_configured += 1,
        }
    }

    fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} up to date", self.up_to_date),
            format!("{} outdated", self.outdated),
            format!("{} unmarked", self.unmarked),
            format!("{} missing", self.missing),
        ];
        if self.no_source > 0 {
            parts.push(format!("{} without a source", self.no_source));
        }
        if self.not_configured > 0 {
            parts.push(format!(
                "{} in a language not configured",
                self.not_configured
            ));
        }
        parts.join(", ")
    }
}

/// The outcome of `buddysite translations`: what to print and how to exit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    /// The listing, per language and file, and the summary (for standard output).
    pub text: String,
    /// The consistency warnings of the translations listed (for standard error).
    pub warnings: Vec<Diagnostic>,
    /// Totals over the languages listed.
    pub counts: Counts,
}

impl StatusReport {
    /// The exit code: 0 when every translation there is is up to date, 1 when one is
    /// outdated or unmarked, and with `strict` also when one is missing, has no source, is
    /// in a language that is not configured, or has consistency warnings.
    pub fn exit_code(&self, strict: bool) -> u8 {
        let c = &self.counts;
        let attention = c.outdated + c.unmarked > 0;
        let strict_fail = c.missing + c.no_source + c.not_configured + self.warnings.len() > 0;
        u8::from(attention || (strict && strict_fail))
    }
}

/// The label of a status in the listing.
fn label(status: &Status) -> &'static str {
    match status {
        Status::UpToDate => "up to date",
        Status::Outdated { .. } => "outdated",
        Status::Unmarked { .. } => "unmarked",
        Status::Missing => "missing",
        Status::NoSource => "no source",
        Status::NotConfigured => "not configured",
    }
}

/// The listing of `survey`, for every language or just `only`.
pub fn report(tree: &Tree, survey: &Survey, only: Option<&str>) -> StatusReport {
    let mut text = String::new();
    let mut total = Counts::default();
    let mut langs: Vec<String> = survey.languages.clone();
    for e in &survey.entries {
        if !langs.contains(&e.lang) {
            langs.push(e.lang.clone());
        }
    }
    let langs: Vec<String> = langs
        .into_iter()
        .filter(|l| only.is_none_or(|o| o == l))
        .collect();
    if langs.is_empty() {
        let _ = writeln!(
            text,
            "the sites are in {} only: add languages to `languages:` in buddysite.yaml (for example `languages: [{}, en]`) to translate them",
            survey.source_language, survey.source_language
        );
    }
    for lang in &langs {
        let entries: Vec<&tr::Entry> = survey.entries.iter().filter(|e| &e.lang == lang).collect();
        let mut counts = Counts::default();
        for e in &entries {
            counts.add(&e.status);
        }
        let _ = writeln!(text, "{lang}: {}", counts.summary());
        let width = entries.iter().map(|e| e.file.len()).max().unwrap_or(0);
        for e in &entries {
            let (place, note) = match &e.status {
                Status::UpToDate => (e.file.clone(), String::new()),
                Status::Outdated { recorded, current } => (
                    format!("{}:{}", e.file, recorded.line),
                    format!(
                        "{} changed since {} (now {current})",
                        e.source, recorded.value
                    ),
                ),
                Status::Unmarked { invalid: None } => (e.file.clone(), "no `source:` yet".into()),
                Status::Unmarked {
                    invalid: Some(recorded),
                } => (
                    format!("{}:{}", e.file, recorded.line),
                    format!("`source: {}` is not a source hash", recorded.value),
                ),
                Status::Missing => (e.file.clone(), format!("translate {}", e.source)),
                Status::NoSource => (e.file.clone(), format!("there is no {}", e.source)),
                Status::NotConfigured => {
                    (e.file.clone(), format!("`{lang}` is not in `languages:`"))
                }
            };
            let row = format!(
                "  {:<14}  {place:<width$}  {note}",
                label(&e.status),
                width = width + 4
            );
            let _ = writeln!(text, "{}", row.trim_end());
            total.add(&e.status);
        }
    }
    let mut shown = survey.clone();
    shown.entries.retain(|e| langs.contains(&e.lang));
    let warnings = consistency_diagnostics(tree, &shown);
    if !langs.is_empty() {
        let _ = writeln!(
            text,
            "translations: {} ({} language{})",
            total.summary(),
            langs.len(),
            if langs.len() == 1 { "" } else { "s" }
        );
        if !warnings.is_empty() {
            let _ = writeln!(
                text,
                "{} consistency warning{} (above): a translation dropped something its source uses",
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            );
        }
        if total.outdated + total.unmarked > 0 {
            let _ = writeln!(
                text,
                "once a translation matches its source again, record that with: buddysite translations --mark FILE…"
            );
        }
    }
    StatusReport {
        text,
        warnings,
        counts: total,
    }
}

/// `buddysite translations [--language xx]` over the project at `root`, read from disk (it works
/// while other parts of the project have errors). `Err` is a usage problem: no project, or a
/// language that is not configured.
pub fn status_of(
    root: &Path,
    only: Option<&str>,
) -> Result<(StatusReport, Vec<Diagnostic>), String> {
    let languages = tr::read_languages(root)?;
    if let Some(lang) = only {
        if languages.first().map(String::as_str) == Some(lang) {
            return Err(format!(
                "`{lang}` is the source language: its files are the sources, not translations"
            ));
        }
        if !languages.iter().any(|l| l == lang) {
            return Err(format!(
                "`{lang}` is not one of the languages in buddysite.yaml: {}",
                languages.join(", ")
            ));
        }
    }
    let (tree, problems) = tr::read_tree(root);
    let survey = tr::survey(&tree, &languages);
    Ok((report(&tree, &survey, only), problems))
}
