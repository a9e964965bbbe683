//! Reading YAML into typed structs, with errors that point at the line.
//!
//! The design card names serde_yaml, but it is archived upstream (its last release is
//! `0.9.34+deprecated`). serde-saphyr is maintained, pure Rust, and reports the exact line and
//! column of every error, including a missing field or an unknown key. It is used here
//! only, behind [`parse`] and [`parse_all`], so it can be swapped without touching the rest.
//!
//! The people who write these files are school staff, not developers: every message here is
//! rewritten from the parser's wording ("expected mapping start", "invalid i64") into what
//! went wrong and what to do about it, naming the key the way the file writes it
//! (`brand.primary`).

use crate::diagnostics::{suggest, Diagnostic};
use crate::messages::Text;
use crate::text;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::Error as YamlError;

/// How many unknown or repeated keys one file reports before it stops looking.
const MAX_KEY_PROBLEMS: usize = 20;

/// Parses `text` (already normalised) from file `name`. `line_offset` is added to every line
/// number, for YAML that sits inside a larger file (front matter). Returns the first problem.
pub fn parse<T: DeserializeOwned>(
    name: &str,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    parse_all(name, text, line_offset).map_err(|mut ds| ds.swap_remove(0))
}

/// Like [`parse`], but reports every unknown or repeated key of the file at once (and every
/// line indented with a tab), not just the first problem. The list is never empty.
pub fn parse_all<T: DeserializeOwned>(
    name: &str,
    text: &str,
    line_offset: usize,
) -> Result<T, Vec<Diagnostic>> {
    let mut problems = whitespace_problems(name, text, line_offset);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut current = text.to_owned();
    let mut suggested: Vec<String> = Vec::new();
    for _ in 0..=MAX_KEY_PROBLEMS {
        let error = match from_str::<T>(&current) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(problems),
            Err(e) => e,
        };
        // A missing key that an earlier "did you mean" already named is the same mistake.
        if let YamlError::SerdeMissingField { field, .. } = inner(&error) {
            if suggested.iter().any(|s| s == field) {
                return Err(problems);
            }
        }
        let d = to_diagnostic(name, text, line_offset, &error);
        let retry = match inner(&error) {
            YamlError::SerdeUnknownField {
                field, expected, ..
            } => {
                if let Some(s) = suggest(field, expected.iter().copied()) {
                    suggested.push(s.to_owned());
                }
                true
            }
            YamlError::DuplicateMappingKey { .. } => true,
            _ => false,
        };
        let line = error.location().map_or(0, |l| l.line() as usize);
        problems.push(d);
        // Blank the offending key (and the block under it) and read the file again, so the
        // next unknown key is found in this run too.
        if !retry || problems.len() >= MAX_KEY_PROBLEMS || !blank_block(&mut current, line) {
            return Err(problems);
        }
    }
    Err(problems)
}

fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let mut options = serde_saphyr::options::Options::default();
    options.with_snippet = false;
    serde_saphyr::from_str_with_options::<T>(text, options)
}

/// The error itself, without the snippet or alias wrappers.
fn inner(e: &YamlError) -> &YamlError {
    match e {
        YamlError::WithSnippet { error, .. } | YamlError::AliasError { error, .. } => inner(error),
        other => other,
    }
}

/// Blanks line `line` (1-based) and the lines indented under it; false if that is not a
/// `key:` line in block style (then blanking could hide more than the key).
fn blank_block(text: &mut String, line: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(first) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return false;
    };
    let body = first.trim_start().trim_start_matches("- ");
    if !body.contains(':') || body.starts_with(['{', '[']) {
        return false;
    }
    let indent = indent_of(first) + usize::from(first.trim_start().starts_with("- ")) * 2;
    let mut end = line;
    while end < lines.len() {
        let l = lines[end];
        if !l.trim().is_empty() && indent_of(l) <= indent && !l.trim_start().starts_with('#') {
            break;
        }
        end += 1;
    }
    let mut out: Vec<String> = lines.iter().map(|s| (*s).to_owned()).collect();
    // Keep a list item's dash so the list keeps its shape.
    out[line - 1] = if first.trim_start().starts_with("- ") {
        format!("{}- {{}}", " ".repeat(indent_of(first)))
    } else {
        String::new()
    };
    for l in out.iter_mut().take(end).skip(line) {
        l.clear();
    }
    *text = out.join("\n");
    true
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Tabs and non-breaking spaces used for indentation: YAML cannot read them, and the
/// parser's own message does not say which character is wrong.
fn whitespace_problems(name: &str, text: &str, line_offset: usize) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut in_block_scalar: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let lead: String = line
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t' | '\u{a0}'))
            .collect();
        if let Some(indent) = in_block_scalar {
            if line.trim().is_empty() || indent_of(line) > indent {
                continue; // text of a `|` or `>` block: tabs there are text
            }
            in_block_scalar = None;
        }
        let trimmed = line.trim_end();
        if trimmed.ends_with('|')
            || trimmed.ends_with('>')
            || trimmed.ends_with("|-")
            || trimmed.ends_with(">-")
        {
            in_block_scalar = Some(indent_of(line));
        }
        if line.trim().is_empty()
            || line
                .trim_start_matches([' ', '\t', '\u{a0}'])
                .starts_with('#')
        {
            continue;
        }
        let (message, help) = if lead.contains('\t') {
            (text!(YAML_TAB_INDENT), text!(YAML_TAB_INDENT_HELP))
        } else if lead.contains('\u{a0}') {
            (text!(YAML_NBSP_INDENT), text!(YAML_NBSP_INDENT_HELP))
        } else {
            continue;
        };
        let column = lead.chars().position(|c| c != ' ').unwrap_or(0) + 1;
        problems.push(
            Diagnostic::error_text(name, message)
                .at(text, i + 1, column)
                .help(help)
                .shift(line_offset),
        );
    }
    problems
}

fn to_diagnostic(name: &str, text: &str, line_offset: usize, error: &YamlError) -> Diagnostic {
    let e = inner(error);
    let (mut line, mut column) = error
        .location()
        .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
    if line == 0 {
        line = 1;
        column = 1;
    }
    let line_count = text.lines().count().max(1);
    if line > line_count {
        line = line_count;
        column = text
            .lines()
            .nth(line - 1)
            .map_or(1, |l| l.chars().count() + 1);
    }
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let path = key_path(text, line);
    let key = path.join(".");
    let value = value_on(line_text);
    let shown = if key.is_empty() {
        text!(YAML_THIS_VALUE).render()
    } else {
        format!("`{key}`")
    };
    let (message, help): (Text, Option<Text>) = match e {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let parent = match path.split_last() {
                Some((last, parent)) if last == field => parent,
                _ => &path[..],
            };
            let full = join_key(parent, field);
            let help = match suggest(field, expected.iter().copied()) {
                Some(s) => text!(
                    YAML_DID_YOU_MEAN_KEY,
                    suggestion = s,
                    allowed = expected.join(", ")
                ),
                None if expected.is_empty() => text!(YAML_REMOVE_KEY),
                None => text!(YAML_REMOVE_OR_ALLOWED, allowed = expected.join(", ")),
            };
            (text!(YAML_UNKNOWN_KEY, key = full), Some(help))
        }
        YamlError::SerdeMissingField { field, .. } => {
            let (parent, at) = parent_of(text, line);
            let full = join_key(&parent, field);
            if let Some((l, c)) = at {
                line = l;
                column = c;
            } else {
                line = 1;
                column = 0;
            }
            let where_ = if parent.is_empty() {
                String::new()
            } else {
                text!(YAML_UNDER, parent = parent.join(".")).render()
            };
            (
                text!(YAML_MISSING_KEY, key = full),
                Some(text!(
                    YAML_ADD_LINE,
                    key = *field,
                    under = where_,
                    example = example(field)
                )),
            )
        }
        YamlError::DuplicateMappingKey { key: dup, .. } => {
            let k = dup
                .clone()
                .unwrap_or_else(|| path.last().cloned().unwrap_or_default());
            let first = text
                .lines()
                .enumerate()
                .take(line.saturating_sub(1))
                .find(|(_, l)| {
                    l.trim_start()
                        .trim_start_matches("- ")
                        .strip_prefix(k.as_str())
                        .is_some_and(|r| r.trim_start().starts_with(':'))
                })
                .map(|(i, _)| i + 1 + line_offset);
            let help = match first {
                Some(f) => text!(YAML_DUPLICATE_HELP_LINE, key = &k, line = f),
                None => text!(YAML_DUPLICATE_HELP),
            };
            (
                text!(
                    YAML_DUPLICATE_KEY,
                    key = join_key(&path[..path.len().saturating_sub(1)], &k)
                ),
                Some(help),
            )
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let help = match suggest(variant, expected.iter().copied()) {
                Some(s) => text!(
                    YAML_DID_YOU_MEAN_CHOOSE,
                    suggestion = s,
                    allowed = expected.join(", ")
                ),
                None => text!(YAML_CHOOSE_ONE, allowed = expected.join(", ")),
            };
            (
                text!(YAML_UNKNOWN_VALUE, key = &shown, value = variant),
                Some(help),
            )
        }
        YamlError::NullIntoString { .. } => {
            let help = if line_text.contains(": #") || line_text.contains(":#") {
                text!(YAML_HASH_COMMENT_HELP)
            } else {
                text!(
                    YAML_WRITE_VALUE_HELP,
                    key = path.last().map_or("key", String::as_str)
                )
            };
            (text!(YAML_NO_VALUE, key = &shown), Some(help))
        }
        YamlError::InvalidScalar { ty, .. } => type_problem(&shown, ty, &value),
        YamlError::InvalidBooleanStrict { .. } => type_problem(&shown, "bool", &value),
        YamlError::Unexpected { expected, .. } => type_problem(&shown, expected, &value),
        YamlError::SerdeInvalidType { expected, .. }
        | YamlError::SerdeInvalidValue { expected, .. } => type_problem(&shown, expected, &value),
        YamlError::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | YamlError::ExpectedStringKeyForExternallyTaggedEnum { .. } => (
            text!(YAML_SINGLE_WORD, key = &shown),
            Some(text!(YAML_SINGLE_WORD_HELP)),
        ),
        YamlError::Message { msg, .. } if msg.contains("untagged enum RawSelection") => (
            text!(YAML_BUDDIES_SELECTION),
            Some(text!(YAML_BUDDIES_SELECTION_HELP)),
        ),
        YamlError::Eof { .. } if text.trim().is_empty() => {
            line = 0;
            (text!(YAML_EMPTY_FILE), Some(text!(YAML_EMPTY_FILE_HELP)))
        }
        YamlError::Eof { .. } => (
            text!(YAML_ENDS_IN_VALUE),
            Some(text!(YAML_ENDS_IN_VALUE_HELP)),
        ),
        YamlError::Budget { breach, .. } => {
            line = 0;
            (
                text!(YAML_TOO_LARGE, reason = budget_text(breach)),
                Some(text!(YAML_TOO_LARGE_HELP)),
            )
        }
        YamlError::MultipleDocuments { .. } => (
            text!(YAML_MULTIPLE_DOCUMENTS),
            Some(text!(YAML_MULTIPLE_DOCUMENTS_HELP)),
        ),
        YamlError::UnknownAnchor { .. } => (
            text!(YAML_UNKNOWN_ANCHOR),
            Some(text!(YAML_QUOTE_VALUE_HELP)),
        ),
        other => match unclosed_quote(text, line) {
            Some(open) => {
                line = open;
                column = text
                    .lines()
                    .nth(open - 1)
                    .and_then(|l| l.find('"').map(|i| l[..i].chars().count() + 1))
                    .unwrap_or(1);
                (
                    text!(YAML_UNCLOSED_QUOTE),
                    Some(text!(YAML_UNCLOSED_QUOTE_HELP)),
                )
            }
            None => syntax_problem(&other.to_string(), line_text),
        },
    };
    let mut d = Diagnostic::error_text(name, message);
    if line > 0 {
        d = d.at(text, line, column);
    }
    if let Some(help) = help {
        d = d.help(help);
    }
    d.shift(line_offset)
}

/// The first line before `line` (1-based, inclusive) that opens a double quote it does not
/// close: YAML then reads on into the next lines, and reports a confusing error further
/// down.
fn unclosed_quote(text: &str, line: usize) -> Option<usize> {
    text.lines().take(line).enumerate().find_map(|(i, l)| {
        let code = l.trim_start();
        if code.starts_with('#') {
            return None;
        }
        let mut open = false;
        let mut escaped = false;
        let mut in_single = false;
        for c in code.chars() {
            match c {
                '\\' if open => escaped = !escaped,
                '"' if !in_single && !escaped => open = !open,
                '\'' if !open => in_single = !in_single,
                '#' if !open && !in_single => break,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        (open && i + 1 < line).then_some(i + 1)
    })
}

/// What a parser's syntax message means, in words an editor can act on.
fn syntax_problem(raw: &str, line_text: &str) -> (Text, Option<Text>) {
    let raw = strip_location(raw);
    let m = raw.to_lowercase();
    let (message, help) = if m.contains("tab") && !m.contains("table") {
        (text!(YAML_TAB_INDENT), text!(YAML_TAB_INDENT_SHORT_HELP))
    } else if m.contains("mapping values are not allowed") {
        (text!(YAML_SECOND_COLON), text!(YAML_SECOND_COLON_HELP))
    } else if m.contains("unclosed quote")
        || m.contains("quoted scalar")
        || m.contains("end of stream")
    {
        (
            text!(YAML_QUOTE_NOT_CLOSED),
            text!(YAML_QUOTE_NOT_CLOSED_HELP),
        )
    } else if m.contains("did not find expected key")
        || m.contains("block mapping")
        || m.contains("indentation")
        || m.contains("block sequence")
    {
        (text!(YAML_BAD_INDENT), text!(YAML_BAD_INDENT_HELP))
    } else if m.contains("cannot start any token") || m.contains("reserved indicator") {
        (text!(YAML_RESERVED_START), text!(YAML_QUOTE_VALUE_HELP))
    } else if m.contains("did not find expected") || m.contains("flow") {
        (
            text!(YAML_BRACKET_NOT_CLOSED),
            text!(YAML_BRACKET_NOT_CLOSED_HELP),
        )
    } else if m.contains("alias") || m.contains("anchor") {
        (text!(YAML_ANCHOR_START), text!(YAML_QUOTE_VALUE_HELP))
    } else {
        return (
            text!(YAML_SYNTAX, detail = raw),
            Some(generic_help(line_text)),
        );
    };
    (message, Some(help))
}

fn generic_help(line_text: &str) -> Text {
    if line_text.contains('\'')
        || line_text.contains('&')
        || line_text.contains('#')
        || line_text.contains('"')
    {
        text!(YAML_QUOTE_EXAMPLE_HELP)
    } else {
        text!(YAML_CHECK_LINE_HELP)
    }
}

/// A value of the wrong kind: a word where a list belongs, text where a number belongs.
fn type_problem(shown: &str, expected: &str, value: &str) -> (Text, Option<Text>) {
    let e = expected.to_lowercase();
    let last = shown
        .trim_matches('`')
        .rsplit('.')
        .next()
        .unwrap_or("key")
        .to_owned();
    let quoted = if value.is_empty() {
        String::new()
    } else {
        text!(YAML_NOT_VALUE, value = value).render()
    };
    if e.contains("sequence") || e.contains("seq") || e.contains("list") || e.contains("vec") {
        (
            text!(YAML_MUST_BE_LIST, key = shown, not = quoted),
            Some(text!(YAML_MUST_BE_LIST_HELP, key = last)),
        )
    } else if e.contains("mapping") || e.contains("map") || e.contains("struct") {
        (
            text!(YAML_MUST_BE_BLOCK, key = shown, not = quoted),
            Some(text!(YAML_MUST_BE_BLOCK_HELP, key = last)),
        )
    } else if e.contains("bool") {
        let hint = match value.to_lowercase().as_str() {
            "ja" | "yes" | "y" | "aan" | "on" | "waar" => text!(YAML_BOOL_HINT_TRUE).render(),
            "nee" | "no" | "n" | "uit" | "off" | "onwaar" => text!(YAML_BOOL_HINT_FALSE).render(),
            _ => String::new(),
        };
        (
            text!(YAML_MUST_BE_BOOL, key = shown, not = quoted),
            Some(text!(YAML_MUST_BE_BOOL_HELP, key = &last, hint = hint)),
        )
    } else if e.contains("i64")
        || e.contains("u64")
        || e.contains("i32")
        || e.contains("u32")
        || e.contains("integer")
        || e.contains("number")
    {
        (
            text!(YAML_MUST_BE_NUMBER, key = shown, not = quoted),
            Some(text!(YAML_MUST_BE_NUMBER_HELP, key = last)),
        )
    } else if e.contains("string") || e.contains("scalar") || e.contains("str") {
        let help = if value.starts_with(['[', '{']) {
            text!(YAML_BRACKET_TEXT_HELP)
        } else {
            text!(YAML_MUST_BE_TEXT_HELP, key = last)
        };
        (
            text!(YAML_MUST_BE_TEXT, key = shown, not = quoted),
            Some(help),
        )
    } else {
        (
            text!(
                YAML_WRONG_KIND,
                key = shown,
                not = quoted,
                expected = expected
            ),
            Some(text!(SEE_CONTENT_MODEL)),
        )
    }
}

fn budget_text(breach: &BudgetBreach) -> Text {
    match breach {
        BudgetBreach::Depth { .. } => text!(YAML_BUDGET_DEPTH),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => {
            text!(YAML_BUDGET_ALIASES)
        }
        _ => text!(YAML_BUDGET_VALUES),
    }
}

/// An example line for a key that is missing.
fn example(field: &str) -> Text {
    match field {
        "title" => text!(YAML_EXAMPLE_TITLE),
        "question" => text!(YAML_EXAMPLE_QUESTION),
        "kind" => text!(YAML_EXAMPLE_KIND),
        "place" => text!(YAML_EXAMPLE_PLACE),
        "brand" => text!(YAML_EXAMPLE_BRAND),
        "primary" => text!(YAML_EXAMPLE_PRIMARY),
        "contact" => text!(YAML_EXAMPLE_CONTACT),
        "name" => text!(YAML_EXAMPLE_NAME),
        "short_name" => text!(YAML_EXAMPLE_SHORT_NAME),
        "summary" => text!(YAML_EXAMPLE_SUMMARY),
        "themes" => text!(YAML_EXAMPLE_THEMES),
        "languages" => text!(YAML_EXAMPLE_LANGUAGES),
        "meet" => text!(YAML_EXAMPLE_MEET),
        "consent_until" => text!(YAML_EXAMPLE_CONSENT),
        _ => text!(YAML_EXAMPLE_OTHER),
    }
}

fn join_key(path: &[String], key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{}.{key}", path.join("."))
    }
}

/// The value written after `key:` on a line, for messages (cut short).
fn value_on(line: &str) -> String {
    let body = line.trim_start().trim_start_matches("- ");
    let value = match body.split_once(':') {
        Some((_, v)) => v.trim(),
        None => body.trim(),
    };
    let value: String = value.chars().take(40).collect();
    value.replace('`', "'")
}

/// The dotted key path of the key on line `line` (1-based), from the indentation of the
/// lines above it: `brand.primary` for `  primary:` under `brand:`.
pub fn key_path(text: &str, line: usize) -> Vec<String> {
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (i, l) in text.lines().enumerate().take(line) {
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut indent = indent_of(l);
        let mut body = trimmed;
        while let Some(rest) = body.strip_prefix("- ") {
            indent += 2;
            body = rest.trim_start();
        }
        while stack.last().is_some_and(|(ind, _)| *ind >= indent) {
            stack.pop();
        }
        if let Some(key) = key_of(body) {
            stack.push((indent, key));
        } else if i + 1 == line {
            break;
        }
    }
    stack.into_iter().map(|(_, k)| k).collect()
}

/// The key a line sets (`name` for `name: X`), if it is a `key:` line.
fn key_of(body: &str) -> Option<String> {
    let (key, rest) = body.split_once(':')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains(['{', '[', ' ', '#'])).then(|| key.to_owned())
}

/// The block that holds line `line`: its key path and the line and column of its `key:`
/// line (`None` for the top level).
fn parent_of(text: &str, line: usize) -> (Vec<String>, Option<(usize, usize)>) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(here) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return (Vec::new(), None);
    };
    let indent = if here.trim().is_empty() {
        0
    } else {
        indent_of(here)
    };
    if indent == 0 {
        return (Vec::new(), None);
    }
    for i in (0..line - 1).rev() {
        let l = lines[i];
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent_of(l) < indent {
            let col = indent_of(l) + 1;
            return (key_path(text, i + 1), Some((i + 1, col)));
        }
    }
    (Vec::new(), None)
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
pub fn key_error(file: &crate::source::SourceFile, key: &str, message: Text) -> Diagnostic {
    key_error_in(&file.name, &file.text, 0, key, message)
}

/// Like [`key_error`] for YAML inside a larger file, starting at line `line_offset + 1`.
pub fn key_error_in(
    name: &str,
    text: &str,
    line_offset: usize,
    key: &str,
    message: Text,
) -> Diagnostic {
    let d = Diagnostic::error_text(name, message);
    match find_key(text, key) {
        Some((line, column)) => d.at(text, line, column).shift(line_offset),
        None => d,
    }
}

/// TRANSITIONAL: [`key_error`] with a message written in English in the code (see
/// [`Diagnostic::error`]).
pub fn key_diagnostic(
    file: &crate::source::SourceFile,
    key: &str,
    message: impl Into<String>,
) -> Diagnostic {
    key_diagnostic_in(&file.name, &file.text, 0, key, message)
}

/// TRANSITIONAL: [`key_error_in`] with a message written in English in the code.
pub fn key_diagnostic_in(
    name: &str,
    text: &str,
    line_offset: usize,
    key: &str,
    message: impl Into<String>,
) -> Diagnostic {
    key_error_in(name, text, line_offset, key, Text::untranslated(message))
}

/// Line and column of the first line that sets `key` (a plain key, or a dotted path like
/// `contact.email`).
pub fn find_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let wanted: Vec<&str> = key.split('.').collect();
    let last = *wanted.last()?;
    text.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start().trim_start_matches("- ");
        let rest = trimmed.strip_prefix(last)?;
        if !rest.trim_start().starts_with(':') {
            return None;
        }
        if wanted.len() > 1 && key_path(text, i + 1) != wanted {
            return None;
        }
        Some((i + 1, line.len() - trimmed.len() + 1))
    })
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
        #[serde(default)]
        accent: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct School {
        name: String,
        brand: Brand,
        #[serde(default)]
        weight: Option<i64>,
        #[serde(default)]
        menu: Option<bool>,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn unknown_key_suggests() {
        let d = parse::<Brand>("s.yaml", "primary: x\nprimray: y\n", 0).expect_err("unknown");
        assert_eq!(d.message, "unknown key `primray`");
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d
            .help
            .unwrap_or_default()
            .contains("did you mean `primary`"));
    }

    #[test]
    fn offset_applies() {
        let d = parse::<Brand>("s.md", "primary: x\nfoo: 1\n", 1).expect_err("unknown");
        assert_eq!(d.line, 3);
    }

    #[test]
    fn every_unknown_key_is_reported() {
        let text = "name: x\nnaam: y\nbrand:\n  primary: z\n  acent: q\n  logoo:\n    deep: 1\nwieght: 3\n";
        let ds = parse_all::<School>("s.yaml", text, 0).expect_err("unknown keys");
        let msgs: Vec<_> = ds.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            msgs,
            vec![
                (2, "unknown key `naam`"),
                (5, "unknown key `brand.acent`"),
                (6, "unknown key `brand.logoo`"),
                (8, "unknown key `wieght`")
            ]
        );
    }

    #[test]
    fn misspelt_required_key_is_one_problem() {
        let ds =
            parse_all::<School>("s.yaml", "name: x\nbrnad:\n  primary: z\n", 0).expect_err("typo");
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert!(ds[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `brand`"));
    }

    #[test]
    fn plain_messages() {
        let cases = [
            (
                "name: x\nbrand:\n  primary: y\nweight: hoog\n",
                4,
                "`weight` must be a whole number, not `hoog`",
            ),
            (
                "name: x\nbrand:\n  primary: y\nmenu: nee\n",
                4,
                "`menu` must be `true` or `false`, not `nee`",
            ),
            (
                "name: x\nbrand: rood\n",
                2,
                "`brand` must be a block of keys, not `rood`",
            ),
            (
                "name: x\nbrand:\n  primary: y\ntags: sbo\n",
                4,
                "`tags` must be a list, not `sbo`",
            ),
            (
                "name: x\nbrand:\n  primary: #123456\n",
                3,
                "`brand.primary` has no value",
            ),
            ("name: [x\n", 1, "`name` must be a piece of text, not `[x`"),
            (
                "name: x\nbrand:\n  accent: y\n",
                2,
                "the required key `brand.primary` is missing",
            ),
            (
                "brand:\n  primary: y\n",
                1,
                "the required key `name` is missing",
            ),
            ("name: x\nname: y\n", 2, "the key `name` appears twice"),
            (
                "name: \"x\nbrand: 1\n",
                1,
                "a quote is opened but never closed",
            ),
            ("", 0, "this file is empty"),
        ];
        for (text, line, message) in cases {
            let d = parse::<School>("s.yaml", text, 0).expect_err(text);
            assert_eq!(
                (d.line, d.message.as_str()),
                (line, message),
                "{text:?}: {d:?}"
            );
            assert!(d.help.is_some(), "{text:?}");
        }
    }

    #[test]
    fn tabs_are_named() {
        let ds =
            parse_all::<School>("s.yaml", "name: x\nbrand:\n\tprimary: y\n", 0).expect_err("tab");
        assert_eq!(ds[0].message, "this line is indented with a tab");
        assert_eq!((ds[0].line, ds[0].column), (3, 1));
    }

    #[test]
    fn key_paths() {
        let text = "a: 1\nb:\n  c: 2\n  d:\n    - e: 3\n      f: 4\ng: 5\n";
        assert_eq!(key_path(text, 3), vec!["b", "c"]);
        assert_eq!(key_path(text, 6), vec!["b", "d", "f"]);
        assert_eq!(key_path(text, 7), vec!["g"]);
        assert_eq!(find_key(text, "b.d"), Some((4, 3)));
    }
}
