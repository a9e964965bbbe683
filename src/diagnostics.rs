//! Errors and warnings about the user's files.
//!
//! Editors are not developers: every problem names the file, line and column, shows the
//! offending line, and says what to do. Problems are collected, never thrown one at a time,
//! so a single run reports everything that is wrong.

use crate::messages::{registry, word, Arg, Text};
use crate::text;
use std::fmt;

/// How bad a problem is: errors stop the build, warnings don't (unless `--strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build writes nothing while any error remains.
    Error,
    /// Worth fixing, but the site is still correct.
    Warning,
}

/// One problem in one place of one file.
///
/// The message and help are [`Text`]s: a stable key (the `code`, e.g. `yaml-unknown-key`)
/// with arguments, put into words in the chosen language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the project root, with `/` separators, as the editor sees it.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: Text,
    /// What to do about it, when we can say.
    pub help: Option<Text>,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no position): `message` is built with [`crate::text!`]
    /// from a `code` of the [`registry`](crate::messages::registry).
    pub fn error_text(file: impl Into<String>, message: Text) -> Self {
        debug_assert!(
            registry::ALL
                .iter()
                .any(|m| m.key == code_of(&message) && m.is_code),
            "`{}` is not a diagnostic code in the registry",
            code_of(&message)
        );
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message,
            help: None,
            snippet: None,
        }
    }

    /// A warning about a whole file (no position); see [`Diagnostic::error_text`].
    pub fn warning_text(file: impl Into<String>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error_text(file, message)
        }
    }

    /// TRANSITIONAL: an error with a message written in English in the code. Kept so code
    /// written against the old API compiles; every use should become a catalogue entry
    /// (see [`Text::untranslated`]) and [`Diagnostic::error_text`].
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::error_text(file, Text::untranslated(message))
    }

    /// TRANSITIONAL: a warning written in English in the code; see [`Diagnostic::error`].
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::warning_text(file, Text::untranslated(message))
    }

    /// The stable code of the problem (its message's key), e.g. `yaml-unknown-key`.
    pub fn code(&self) -> &'static str {
        code_of(&self.message)
    }

    /// Points the problem at a line and column of `source` (the file's text) and keeps that
    /// line to show it.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        let text = line.checked_sub(1).and_then(|i| source.lines().nth(i));
        self.snippet = text.map(|t| {
            // A pasted document can be one 10 MB line: show the part around the column,
            // which then sits at a fixed place (see `marker_column`).
            let chars = t.chars().count();
            if chars <= SNIPPET_WIDTH * 2 {
                return t.to_owned();
            }
            let start = cut_before(column);
            let mut shown: String = if start > 0 {
                "…".into()
            } else {
                String::new()
            };
            shown.extend(t.chars().skip(start).take(SNIPPET_WIDTH));
            if start + SNIPPET_WIDTH < chars {
                shown.push('…');
            }
            shown
        });
        self
    }

    /// Points the problem at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
    }

    /// Moves the problem down by `lines` lines, for text that sits inside a larger file
    /// (front matter after its `---` line). Problems about the whole file stay so.
    pub fn shift(mut self, lines: usize) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    /// TRANSITIONAL: rewrites the message as English text; see [`Diagnostic::error`].
    /// To say which school a problem concerns, use [`Diagnostic::for_school`].
    pub fn with_message(mut self, f: impl FnOnce(String) -> String) -> Self {
        self.message = Text::untranslated(f(self.message.render()));
        self
    }

    /// Says which school the problem was found for (shared content renders per school).
    /// [`Diagnostics::sort`] makes the same problem of several schools one.
    pub fn for_school(mut self, slug: &str) -> Self {
        self.message = text!(FOR_SCHOOL, message = self.message, school = slug);
        self
    }

    /// The school this problem was found for, when it concerns exactly one (see
    /// [`Diagnostic::for_school`]); `--format json` reports it as its own field.
    pub fn school(&self) -> Option<String> {
        school_of(&self.message).map(|(_, slug)| slug)
    }

    /// TRANSITIONAL: advice written in English in the code; see [`Diagnostic::error`].
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(Text::untranslated(help));
        self
    }

    /// Adds advice on what to do, built with [`crate::text!`].
    pub fn help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Characters of a long line shown around the problem.
const SNIPPET_WIDTH: usize = 120;

/// Characters cut from the front of a long line so that `column` shows mid-snippet.
fn cut_before(column: usize) -> usize {
    column.saturating_sub(1 + SNIPPET_WIDTH / 2)
}

/// Where the marker goes in a shown snippet: at `column`, or, in a snippet cut from a long
/// line (which starts with `…` then), where [`Diagnostic::at`] put that column.
fn marker_column(snippet: &str, column: usize) -> usize {
    let cut = cut_before(column);
    if cut > 0 && snippet.starts_with('…') && snippet.chars().count() <= SNIPPET_WIDTH + 2 {
        column - cut + 1
    } else {
        column
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Line starts of a text, to turn many byte offsets into lines without rescanning the text
/// each time (a 10 MB file with many problems stays fast).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The text of 1-based line `line` of `text` (without its line ending).
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |e| e - 1);
        text.get(start..end.max(start)).unwrap_or("")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = word(match self.severity {
            Severity::Error => registry::LABEL_ERROR,
            Severity::Warning => registry::LABEL_WARNING,
        });
        writeln!(f, "{label}: {}", self.message)?;
        match (self.line, self.column) {
            (0, _) => writeln!(f, "  --> {}", self.file)?,
            (l, 0) => writeln!(f, "  --> {}:{l}", self.file)?,
            (l, c) => writeln!(f, "  --> {}:{l}:{c}", self.file)?,
        }
        if let Some(snippet) = &self.snippet {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let shown = snippet.replace('\t', " ");
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {shown}")?;
            if self.column > 0 {
                let column = marker_column(snippet, self.column);
                let width = marker_width(&shown, column);
                let indent = " ".repeat(column - 1);
                writeln!(f, "{pad} | {indent}{}", "^".repeat(width))?;
            }
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = {}: {help}", word(registry::LABEL_HELP))?;
        }
        Ok(())
    }
}

/// Underlines the word that starts at `column`, or one character.
fn marker_width(line: &str, column: usize) -> usize {
    let rest: String = line.chars().skip(column - 1).collect();
    if rest.starts_with('[') {
        if let Some(end) = rest.find(']') {
            return rest[..=end].chars().count().clamp(1, 60);
        }
    }
    let word = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '#' | '.' | '/'))
        .count();
    word.clamp(1, 60)
}

/// All problems of one run, reported together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all problems of another run.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file, then position, and drops exact repeats (the same problem found in
    /// shared content while rendering several schools).
    ///
    /// The same problem found for several schools (see [`Diagnostic::for_school`]) becomes
    /// one, naming every school: a broken link in the shared letter is one problem to fix,
    /// not eight.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.0.dedup();
        let mut merged: Vec<Diagnostic> = Vec::with_capacity(self.0.len());
        let mut schools: Vec<Vec<String>> = Vec::new();
        for d in std::mem::take(&mut self.0) {
            let split = school_of(&d.message);
            if let (Some((base, slug)), Some(last)) = (&split, merged.last()) {
                let same = last.file == d.file
                    && last.line == d.line
                    && last.column == d.column
                    && last.severity == d.severity
                    && school_of(&last.message).is_some_and(|(b, _)| b == *base);
                if same {
                    if let Some(list) = schools.last_mut() {
                        list.push(slug.clone());
                    }
                    continue;
                }
            }
            schools.push(split.map(|(_, slug)| vec![slug]).unwrap_or_default());
            merged.push(d);
        }
        for (d, list) in merged.iter_mut().zip(schools) {
            if list.len() > 1 {
                if let Some((base, _)) = school_of(&d.message) {
                    let names: Vec<String> = list.iter().map(|s| format!("`{s}`")).collect();
                    d.message = if names.len() > 3 {
                        text!(
                            FOR_MANY_SCHOOLS,
                            message = base,
                            first = &names[0],
                            second = &names[1],
                            more = names.len() - 2
                        )
                    } else {
                        let (last, rest) = names.split_last().unwrap_or((&names[0], &[]));
                        text!(
                            FOR_SCHOOLS,
                            message = base,
                            schools = rest.join(", "),
                            last = last
                        )
                    };
                }
            }
        }
        self.0 = merged;
    }
}

/// The code of a message: its key, or, for a message that only adds where the problem was
/// found (which school, which template), the code of the message it wraps.
fn code_of(message: &Text) -> &'static str {
    let wrapper = [
        registry::FOR_SCHOOL.key,
        registry::FOR_SCHOOLS.key,
        registry::FOR_MANY_SCHOOLS.key,
        registry::WHILE_RENDERING.key,
    ]
    .contains(&message.key());
    match message.args().iter().find(|(n, _)| *n == "message") {
        Some((_, Arg::Text(inner))) if wrapper => code_of(inner),
        _ => message.key(),
    }
}

/// Splits a message made by [`Diagnostic::for_school`] into the message itself and the
/// school's slug.
fn school_of(message: &Text) -> Option<(Text, String)> {
    if message.key() != registry::FOR_SCHOOL.key {
        return None;
    }
    let mut inner = None;
    let mut slug = None;
    for (name, value) in message.args() {
        match (*name, value) {
            ("message", Arg::Text(t)) => inner = Some((**t).clone()),
            ("school", Arg::Str(s)) => slug = Some(s.clone()),
            _ => {}
        }
    }
    inner.zip(slug)
}

/// A diagnostic as `--format json` and the preview give it: the stable `code`, and the
/// message and help in the chosen language.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 8)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("help", &self.help)?;
        st.serialize_field("snippet", &self.snippet)?;
        st.end()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let (e, w) = (self.error_count(), self.warning_count());
        write!(f, "{}", text!(SUMMARY, errors = e, warnings = w))
    }
}

/// The closest candidate to a misspelt word, for "did you mean" advice.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Damerau-Levenshtein distance (with adjacent swaps, the most common typo).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_swapped_letters() {
        assert_eq!(suggest("brnad", ["brand", "name", "place"]), Some("brand"));
        assert_eq!(suggest("zzzz", ["brand", "name"]), None);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
    }

    #[test]
    fn same_problem_in_several_schools_is_one() {
        let d = |slug: &str| {
            Diagnostic::error_text("content/brief.md", text!(YAML_UNKNOWN_KEY, key = "x"))
                .at("a\nb\n", 2, 1)
                .for_school(slug)
        };
        let mut ds = Diagnostics(vec![
            d("b"),
            d("a"),
            d("c"),
            Diagnostic::error_text("content/brief.md", text!(YAML_EMPTY_FILE)),
        ]);
        ds.sort();
        assert_eq!(ds.0.len(), 2);
        let merged =
            ds.0.iter()
                .find(|d| d.code() == "yaml-unknown-key")
                .expect("merged");
        assert_eq!(
            merged.message.render_in(crate::messages::Lang::En),
            "unknown key `x` (schools `a`, `b` and `c`)"
        );
        assert_eq!(
            merged.message.render_in(crate::messages::Lang::Nl),
            "onbekende instelling `x` (scholen `a`, `b` en `c`)"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}XYZ{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::error_text("a.md", text!(YAML_EMPTY_FILE)).at(&line, 1, 5001);
        let s = d.to_string();
        assert!(s.len() < 600, "{s}");
        let lines: Vec<&str> = s.lines().collect();
        let code = lines.iter().find(|l| l.contains("XYZ")).expect("snippet");
        let marker = lines.iter().find(|l| l.contains('^')).expect("marker");
        assert_eq!(
            code.chars().position(|c| c == 'X'),
            marker.chars().position(|c| c == '^'),
            "{s}"
        );
    }

    #[test]
    fn line_index() {
        let text = "ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(
            (idx.line(0), idx.line(3), idx.line(6), idx.line(7)),
            (1, 2, 3, 4)
        );
        assert_eq!(idx.line_text(text, 2), "cd");
        assert_eq!(idx.line_text(text, 4), "ef");
        assert_eq!(idx.line_text(text, 9), "");
    }

    #[test]
    fn display_shows_marker() {
        let d = Diagnostic::error_text("a.yaml", text!(YAML_UNKNOWN_KEY, key = "brnad")).at(
            "x: 1\n  brnad: 2\n",
            2,
            3,
        );
        let s = d.to_string();
        assert!(s.contains("a.yaml:2:3"), "{s}");
        assert!(s.contains("  ^^^^^"), "{s}");
    }
}
