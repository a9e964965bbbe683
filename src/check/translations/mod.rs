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
use crate::messages::Text;
use crate::project::Project;
use crate::text;
use std::fmt::Write as _;
use std::path::Path;

/// Every translation warning of a loaded project: called by `check::project`, so `check`,
/// `build` and the live preview show them (and `check --strict` fails on them).
pub fn problems(project: &Project) -> Vec<Diagnostic> {
    let tree = tr::tree_of(project);
    let survey = tr::survey(
        &tree,
        &tr::configured_languages(&project.config),
        &tr::school_languages(project),
    );
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
            Status::Outdated { recorded, current } => Diagnostic::warning_text(
                file,
                text!(
                    TRANSLATION_OUTDATED,
                    lang = lang,
                    source = source,
                    recorded = &recorded.value,
                    current = current
                ),
            )
            .at(text, recorded.line, recorded.column)
            .help(text!(
                TRANSLATION_OUTDATED_HELP,
                source = source,
                command = mark_command(file),
                source_lang = &survey.source_language
            )),
            Status::Unmarked { invalid: None } => Diagnostic::warning_text(
                file,
                text!(TRANSLATION_UNMARKED, lang = lang, source = source),
            )
            .at(text, 1, 1)
            .help(text!(
                TRANSLATION_UNMARKED_HELP,
                source = source,
                command = mark_command(file)
            )),
            Status::Unmarked {
                invalid: Some(recorded),
            } => {
                Diagnostic::warning_text(file, text!(TRANSLATION_BAD_HASH, value = &recorded.value))
                    .at(text, recorded.line, recorded.column)
                    .help(text!(
                        TRANSLATION_BAD_HASH_HELP,
                        command = mark_command(file),
                        source = source
                    ))
            }
            Status::NoSource => Diagnostic::warning_text(
                file,
                text!(TRANSLATION_SOURCE_MISSING, lang = lang, source = source),
            )
            .help(text!(TRANSLATION_SOURCE_MISSING_HELP, lang = lang)),
            Status::NotConfigured => {
                Diagnostic::warning_text(file, text!(TRANSLATION_NOT_CONFIGURED, lang = lang)).help(
                    text!(
                        TRANSLATION_NOT_CONFIGURED_HELP,
                        lang = lang,
                        languages = std::iter::once(survey.source_language.as_str())
                            .chain(survey.languages.iter().map(String::as_str))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            }
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

    fn summary(&self) -> Text {
        let mut parts = vec![
            text!(TR_COUNT_UP_TO_DATE, count = self.up_to_date),
            text!(TR_COUNT_OUTDATED, count = self.outdated),
            text!(TR_COUNT_UNMARKED, count = self.unmarked),
            text!(TR_COUNT_MISSING, count = self.missing),
        ];
        if self.no_source > 0 {
            parts.push(text!(TR_COUNT_NO_SOURCE, count = self.no_source));
        }
        if self.not_configured > 0 {
            parts.push(text!(TR_COUNT_NOT_CONFIGURED, count = self.not_configured));
        }
        text!(TR_LIST, parts = parts)
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
fn label(status: &Status) -> Text {
    match status {
        Status::UpToDate => text!(TR_UP_TO_DATE),
        Status::Outdated { .. } => text!(TR_OUTDATED),
        Status::Unmarked { .. } => text!(TR_UNMARKED),
        Status::Missing => text!(TR_MISSING),
        Status::NoSource => text!(TR_NO_SOURCE),
        Status::NotConfigured => text!(TR_NOT_CONFIGURED),
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
            "{}",
            text!(TR_ONE_LANGUAGE, lang = &survey.source_language)
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
                Status::UpToDate => (e.file.clone(), Text::default()),
                Status::Outdated { recorded, current } => (
                    format!("{}:{}", e.file, recorded.line),
                    text!(
                        TR_NOTE_OUTDATED,
                        source = &e.source,
                        recorded = &recorded.value,
                        current = current
                    ),
                ),
                Status::Unmarked { invalid: None } => (e.file.clone(), text!(TR_NOTE_UNMARKED)),
                Status::Unmarked {
                    invalid: Some(recorded),
                } => (
                    format!("{}:{}", e.file, recorded.line),
                    text!(TRANSLATION_BAD_HASH, value = &recorded.value),
                ),
                Status::Missing => (e.file.clone(), text!(TR_NOTE_MISSING, source = &e.source)),
                Status::NoSource => (e.file.clone(), text!(TR_NOTE_NO_SOURCE, source = &e.source)),
                Status::NotConfigured => {
                    (e.file.clone(), text!(TR_NOTE_NOT_CONFIGURED, lang = lang))
                }
            };
            let row = format!(
                "  {:<14}  {place:<width$}  {note}",
                label(&e.status).as_str(),
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
            "{}",
            text!(TR_TOTAL, summary = total.summary(), languages = langs.len())
        );
        if !warnings.is_empty() {
            let _ = writeln!(
                text,
                "{}",
                text!(TR_CONSISTENCY_WARNINGS, count = warnings.len())
            );
        }
        if total.outdated + total.unmarked > 0 {
            let _ = writeln!(text, "{}", text!(TR_MARK_HINT));
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
pub fn status_of(root: &Path, only: Option<&str>) -> Result<(StatusReport, Vec<Diagnostic>), Text> {
    let languages = tr::read_languages(root)?;
    if let Some(lang) = only {
        if languages.first().map(String::as_str) == Some(lang) {
            return Err(text!(TR_SOURCE_LANGUAGE, lang = lang));
        }
        if !languages.iter().any(|l| l == lang) {
            return Err(text!(
                TR_UNKNOWN_LANGUAGE,
                lang = lang,
                languages = languages.join(", ")
            ));
        }
    }
    let (tree, problems) = tr::read_tree(root);
    let survey = tr::survey(&tree, &languages, &tr::read_school_languages(root));
    Ok((report(&tree, &survey, only), problems))
}
