//! `check --format`: the problems for people (`text`), for programs (`json`, one object per
//! line) and for GitHub Actions (`github`, workflow annotations shown inline on a pull
//! request). The JSON fields are documented in docs/checks.md and stay stable.

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use std::path::Path;

/// How `check` prints its problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// The file, line, the source line and advice, for people (on standard error).
    #[default]
    Text,
    /// One JSON object per line (JSON Lines) on standard output.
    Json,
    /// GitHub Actions workflow commands (`::error file=…::…`) on standard output.
    Github,
}

/// One problem as a JSON object with the documented fields (`line`/`column` are `null` when
/// unknown; `code` is the stable code of docs/checks.md, `message` and `help` are in the chosen
/// language).
pub fn json(d: &Diagnostic) -> serde_json::Value {
    let nonzero = |n: usize| (n > 0).then_some(n);
    serde_json::json!({
        "file": d.file,
        "line": nonzero(d.line),
        "column": nonzero(d.column),
        "severity": d.severity,
        "code": d.code(),
        "message": d.message.render(),
        "help": d.help.as_ref().map(|h| h.render()),
        "school": d.school(),
    })
}

/// Escapes the message part of a workflow command (`%`, CR and LF), as GitHub's runner
/// toolkit does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (also `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One problem as a GitHub workflow command; `root` is the project folder relative to the
/// repository (the working folder of the job), so the annotation lands on the right file.
pub fn github(d: &Diagnostic, root: &Path) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = if root == Path::new(".") || root.as_os_str().is_empty() || d.file.starts_with('(') {
        d.file.clone()
    } else {
        let root = root.to_string_lossy().replace('\\', "/");
        format!(
            "{}/{}",
            root.trim_start_matches("./").trim_end_matches('/'),
            d.file
        )
    };
    let mut props = vec![format!("file={}", escape_property(&file))];
    if d.line > 0 {
        props.push(format!("line={}", d.line));
        if d.column > 0 {
            props.push(format!("col={}", d.column));
        }
    }
    let mut message = d.message.render();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&help.render());
    }
    format!("::{kind} {}::{}", props.join(","), escape_data(&message))
}

/// Prints `problems` in `format` and returns the exit code: 0 when clean (or only warnings
/// without `strict`), 1 otherwise. A closed pipe ends printing quietly with that code.
pub fn print(problems: &Diagnostics, format: Format, root: &Path, strict: bool) -> u8 {
    use super::out::{line, Stream};
    let code = u8::from(problems.has_errors() || (strict && !problems.is_empty()));
    let close = i32::from(code);
    match format {
        Format::Text if problems.is_empty() => line(
            Stream::Stdout,
            &crate::text!(CLI_NO_PROBLEMS).to_string(),
            close,
        ),
        Format::Text => {
            for d in &problems.0 {
                line(Stream::Stderr, &d.to_string(), close);
            }
            let (e, w) = (problems.error_count(), problems.warning_count());
            let summary = crate::text!(SUMMARY, errors = e, warnings = w);
            line(Stream::Stderr, &summary.to_string(), close);
        }
        Format::Json => {
            for d in &problems.0 {
                line(Stream::Stdout, &json(d).to_string(), close);
            }
        }
        Format::Github => {
            for d in &problems.0 {
                line(Stream::Stdout, &github(d, root), close);
            }
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
