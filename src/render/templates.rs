//! The template engine: theme templates and content files, each compiled once.
//!
//! One minijinja environment holds both. Theme templates escape for HTML; content files are
//! Markdown, so values inserted into them are escaped for Markdown instead (a school called
//! `De Ster & *Maan*` must show exactly that). Errors point at the file and line the editor
//! wrote, also for content files whose front matter the engine never sees.

use crate::diagnostics::Diagnostic;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};
use std::collections::HashMap;
use std::sync::Arc;

/// Where a compiled template came from.
#[derive(Debug, Clone)]
pub struct Origin {
    /// File to name in diagnostics.
    pub file: String,
    /// Lines of that file before the template's first line (front matter).
    pub line_offset: usize,
    /// The file's full text, to show the offending line.
    pub text: Arc<str>,
}

/// All compiled templates, with their origins.
pub struct Templates {
    /// The engine.
    pub env: Environment<'static>,
    origins: HashMap<String, Origin>,
    /// The source each template was compiled from (a content file's body with placeholders
    /// turned into expressions), to place errors in columns.
    sources: HashMap<String, Arc<str>>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("templates", &self.origins.len())
            .finish()
    }
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

impl Templates {
    /// An engine with buddysite's settings and functions, no templates yet.
    pub fn new() -> Templates {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md") {
                AutoEscape::Custom("markdown".into())
            } else if name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".svg") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Custom(_)) {
                if value.is_safe() {
                    return out.write_str(&value.to_string()).map_err(Error::from);
                }
                if value.is_none() || value.is_undefined() {
                    return Ok(());
                }
                out.write_str(&escape_markdown(&value.to_string()))
                    .map_err(Error::from)
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        env.add_function("url", url);
        env.add_function("need", need);
        Templates {
            env,
            origins: HashMap::new(),
            sources: HashMap::new(),
        }
    }

    /// Compiles `source` as template `name`.
    pub fn add(&mut self, name: &str, source: String, origin: Origin) -> Result<(), Diagnostic> {
        self.origins.insert(name.to_owned(), origin);
        self.sources
            .insert(name.to_owned(), Arc::from(source.as_str()));
        self.env
            .add_template_owned(name.to_owned(), source)
            .map_err(|e| self.diagnostic(&e))
    }

    /// True when a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    /// Renders template `name` with `ctx`.
    pub fn render(&self, name: &str, ctx: &Value) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(&e))?;
        template.render(ctx).map_err(|e| self.diagnostic(&e))
    }

    /// Turns an engine error into a diagnostic at the file and line the editor wrote.
    pub fn diagnostic(&self, e: &Error) -> Diagnostic {
        let mut message = match e.detail() {
            // need()'s message says it all.
            Some(detail) if detail.starts_with("placeholder `") => detail.to_owned(),
            Some(detail) => format!("{}: {detail}", kind_text(e.kind())),
            None => kind_text(e.kind()).to_owned(),
        };
        let mut help = match e.kind() {
            ErrorKind::UndefinedError => Some(
                "check the spelling of the name; the variables you can use are listed in docs/themes.md"
                    .to_owned(),
            ),
            ErrorKind::SyntaxError => Some(
                "check that every `{{` has a `}}` and every `{% if %}` an `{% endif %}`".to_owned(),
            ),
            _ => None,
        };
        if let Some(s) = e.detail().and_then(did_you_mean) {
            help = Some(format!(
                "did you mean `{s}`? The names you can use are listed in docs/themes.md"
            ));
        }
        if let Some(source) = std::error::Error::source(e).and_then(|s| s.downcast_ref::<Error>()) {
            if let Some(detail) = source.detail() {
                message = detail.to_owned();
                help = None;
            }
        }
        let Some(name) = e.name() else {
            return Diagnostic::error("(template)", message);
        };
        let Some(origin) = self.origins.get(name) else {
            return Diagnostic::error(name, message);
        };
        let mut d = Diagnostic::error(&origin.file, message);
        if let Some(line) = e.line() {
            let file_line = line + origin.line_offset;
            d = d.at(
                &origin.text,
                file_line,
                self.column(name, e, file_line, origin),
            );
        }
        if let Some(h) = help {
            d = d.with_help(h);
        }
        d
    }
}

impl Templates {
    /// The column of an engine error, when the template's line is the file's line as written
    /// (placeholders filled in before compiling can shift a content file's columns).
    fn column(&self, name: &str, e: &Error, file_line: usize, origin: &Origin) -> usize {
        let file_text = origin
            .text
            .lines()
            .nth(file_line.saturating_sub(1))
            .unwrap_or("");
        // A placeholder that cannot be filled: the message names it, as written.
        let named = e
            .detail()
            .and_then(|d| d.split('`').nth(1))
            .filter(|n| n.starts_with('['))
            .and_then(|n| file_text.find(n))
            .map(|i| file_text[..i].chars().count() + 1);
        let (Some(range), Some(source)) = (e.range(), self.sources.get(name)) else {
            return named.unwrap_or(0);
        };
        let Some(before) = source.get(..range.start) else {
            return named.unwrap_or(0);
        };
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let source_line = source[line_start..].lines().next().unwrap_or("");
        if source_line == file_text {
            before[line_start..].chars().count() + 1
        } else {
            named.unwrap_or(0)
        }
    }
}

/// For "`school.nmae` is undefined": the known name it was probably meant to be.
fn did_you_mean(detail: &str) -> Option<String> {
    let name = detail.split('`').nth(1)?;
    let (object, attr) = name.rsplit_once('.')?;
    let known: &[&str] = match object {
        "school" => &[
            "slug",
            "name",
            "kind",
            "kind_label",
            "denomination",
            "place",
            "contact",
            "base_url",
            "extra",
            "brand",
            "url",
        ],
        "swv" => &["name", "short_name", "website", "logo", "contact", "extra"],
        "school.contact" | "swv.contact" => &["name", "role", "email", "phone", "hours"],
        "school.brand" => &[
            "primary",
            "accent",
            "on_primary",
            "on_accent",
            "primary_text",
            "logo",
        ],
        "page" => &[
            "kind",
            "title",
            "description",
            "content",
            "path",
            "root",
            "extra",
        ],
        _ => return None,
    };
    crate::diagnostics::suggest(attr, known.iter().copied()).map(|s| format!("{object}.{s}"))
}

fn kind_text(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::SyntaxError => "template syntax error",
        ErrorKind::UndefinedError => "unknown name in template",
        ErrorKind::TemplateNotFound => "template not found",
        ErrorKind::InvalidOperation => "invalid operation in template",
        ErrorKind::UnknownFunction => "unknown function in template",
        ErrorKind::UnknownFilter => "unknown filter in template",
        _ => "template error",
    }
}

/// Escapes text for Markdown, so a value is shown literally: every ASCII punctuation mark
/// gets a backslash (CommonMark allows one before any of them, and then shows the mark as it
/// is: no emphasis, no list, no link, no HTML, no smart quotes or dashes), and a line break
/// becomes a space (a value never starts a new paragraph, list or heading).
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `url(path)`: a relative URL from the page being rendered to `path` (from the site root).
fn url(state: &State, path: &str) -> Result<Value, Error> {
    let page = state.lookup("page").ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            "url() needs a `page` to be rendered",
        )
    })?;
    let from = page.get_attr("path")?;
    let from = from.as_str().unwrap_or("index.html");
    // A page shown for any address (the 404 page) links from the site's root path instead.
    let root = page.get_attr("root").ok();
    let url = match root.as_ref().and_then(|r| r.as_str()) {
        Some(root) => format!(
            "{root}{}",
            crate::paths::relative_url("index.html", path.trim_start_matches('/'))
        ),
        None => crate::paths::relative_url(from, path),
    };
    // Paths are the site's own; only these characters could break out of an attribute.
    if !url.contains(['&', '"', '\'', '<', '>']) {
        return Ok(Value::from_safe_string(url));
    }
    let mut escaped = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    Ok(Value::from_safe_string(escaped))
}

/// `need(value, placeholder, key)`: fills a toolkit placeholder, or fails with advice when
/// the school or SWV does not set the value.
fn need(value: &Value, placeholder: &str, key: &str) -> Result<Value, Error> {
    if value.is_undefined()
        || value.is_none()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
    {
        let file = if key.starts_with("school.") {
            "the school's YAML file"
        } else {
            "buddysite.yaml"
        };
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "placeholder `{placeholder}` needs `{}`, which {file} does not set; fill it in there, or remove the placeholder",
                key.split_once('.').map_or(key, |(_, k)| k)
            ),
        ));
    }
    Ok(value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_text_literal() {
        assert_eq!(escape_markdown("Zon & *Maan*"), r"Zon \& \*Maan\*");
        assert_eq!(escape_markdown("1. a--b\n# c"), r"1\. a\-\-b \# c");
    }
}
