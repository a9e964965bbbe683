//! Reading YAML into typed structs, with errors that point at the line.
//!
//! The design card names serde_yaml, but it is archived upstream (its last release is
//! `0.9.34+deprecated`). serde-saphyr is maintained, pure Rust, and reports the exact line and
//! column of every error, including a missing field or an unknown key. It is used here
//! only, behind [`parse`], so it can be swapped without touching the rest.

use crate::diagnostics::{suggest, Diagnostic};
use serde::de::DeserializeOwned;

/// Parses `text` (already normalised) from file `name`. `line_offset` is added to every line
/// number, for YAML that sits inside a larger file (front matter).
pub fn parse<T: DeserializeOwned>(name: &str, text: &str, line_offset: usize) -> Result<T, Diagnostic> {
    let mut options = serde_saphyr::options::Options::default();
    options.with_snippet = false;
    serde_saphyr::from_str_with_options::<T>(text, options)
        .map_err(|e| to_diagnostic(name, text, line_offset, &e))
}

fn to_diagnostic(name: &str, text: &str, line_offset: usize, e: &serde_saphyr::Error) -> Diagnostic {
    let raw = e.to_string();
    let message = strip_location(&raw).to_owned();
    let (line, column) = e
        .location()
        .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let full_source_line = line + line_offset;
    let mut d = Diagnostic::error(name, message.clone());
    d.line = full_source_line;
    d.column = column;
    d.snippet = Some(line_text.to_owned());
    if let Some(help) = advice(&message, text, line) {
        d = d.with_help(help);
    }
    if let Some(key) = between(&message, "unknown field `", "`") {
        d.message = format!("unknown key `{key}`");
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        d.message = format!("the key `{key}` appears twice");
    }
    d
}

/// Turns serde's wording into advice an editor can act on.
fn advice(message: &str, text: &str, line: usize) -> Option<String> {
    if let Some(key) = between(message, "unknown field `", "`") {
        let expected: Vec<&str> = message
            .split_once("expected one of ")
            .or_else(|| message.split_once("expected "))
            .map(|(_, list)| {
                list.split(',')
                    .map(|s| s.trim().trim_matches('`'))
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        return Some(match suggest(key, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Allowed keys here: {}", expected.join(", ")),
            None if expected.is_empty() => "remove this key".to_owned(),
            None => format!(
                "remove it, or use one of the allowed keys: {}; put your own data under `extra:`",
                expected.join(", ")
            ),
        });
    }
    if let Some(key) = between(message, "missing field `", "`") {
        return Some(format!("add `{key}:` with a value (see the content model in README.md)"));
    }
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    if message.contains("found a tab") || message.contains("tabs") || line_text.starts_with('\t') {
        return Some("YAML indentation must use spaces, not tabs: replace the tab with spaces".into());
    }
    if line_text.starts_with('\u{a0}') {
        return Some("this line starts with a non-breaking space (often pasted from Word): replace it with normal spaces".into());
    }
    if message.contains("duplicate mapping key") {
        return Some("this key appears twice in the same block: keep one".into());
    }
    if message.contains("unexpected end of input") && text.trim().is_empty() {
        return Some("the file is empty: fill in the required keys (see README.md)".into());
    }
    if line_text.contains(": ") && line_text.matches(':').count() > 1 {
        return Some("a value that contains `:` must be put between quotes, e.g. `key: \"a: b\"`".into());
    }
    if line_text.contains('\'') || line_text.contains('&') || line_text.contains('#') {
        return Some(
            "put the value between double quotes, e.g. `name: \"Basisschool 't Anker\"`".into(),
        );
    }
    None
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// serde-saphyr appends " at line N, column M"; we show the position ourselves.
fn strip_location(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// An error about the value of `key` in a YAML file that parsed fine: points at the first
/// line that sets that key.
pub fn key_diagnostic(file: &crate::source::SourceFile, key: &str, message: impl Into<String>) -> Diagnostic {
    key_diagnostic_in(&file.name, &file.text, 0, key, message)
}

/// Like [`key_diagnostic`] for YAML inside a larger file, starting at line `line_offset + 1`.
pub fn key_diagnostic_in(
    name: &str,
    text: &str,
    line_offset: usize,
    key: &str,
    message: impl Into<String>,
) -> Diagnostic {
    let d = Diagnostic::error(name, message);
    let found = text.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix(key)?;
        rest.trim_start()
            .starts_with(':')
            .then(|| (i + 1, line.len() - trimmed.len() + 1, line))
    });
    match found {
        Some((line, column, text_line)) => {
            let mut d = d;
            d.line = line + line_offset;
            d.column = column;
            d.snippet = Some(text_line.to_owned());
            d
        }
        None => d,
    }
}

/// Finds the line and column of `needle` in `text` at or after line `from_line` (1-based).
pub fn find_value(text: &str, from_line: usize, needle: &str) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(i, line)| {
            let at = line.find(needle)?;
            Some((i + 1, line[..at].chars().count() + 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Brand {
        primary: String,
    }

    #[test]
    fn unknown_key_suggests() {
        let d = parse::<Brand>("s.yaml", "primary: x\nprimray: y\n", 0).expect_err("unknown");
        assert_eq!(d.message, "unknown key `primray`");
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.help.unwrap_or_default().contains("did you mean `primary`"));
    }

    #[test]
    fn offset_applies() {
        let d = parse::<Brand>("s.md", "primary: x\nfoo: 1\n", 1).expect_err("unknown");
        assert_eq!(d.line, 3);
    }
}
