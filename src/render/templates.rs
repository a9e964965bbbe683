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

/// The work one render may do, in minijinja fuel (about one instruction, or 64 bytes of
/// data made). A template that loops without end (`{% for i in range(100000) %}{% for j in
/// range(100000) %}…`) must fail within seconds instead of hanging `check`, `build` and every
/// later rebuild of `serve --watch`. Measured: a content page of the example uses at most
/// about 4,500, the overview about 53 per school (53,000 at 1,000 schools), so this leaves
/// a hundredfold headroom over the largest SWV and bounds a render's memory to about 320 MB.
pub const FUEL: u64 = 5_000_000;

/// How deep templates may nest (includes, macros and blocks count several levels each).
/// minijinja's own maximum (500) is tuned for an 8 MB stack; pages render on rayon's
/// smaller worker stacks, and the theme needs fewer than 30.
pub const RECURSION_LIMIT: usize = 200;

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
        env.set_fuel(Some(FUEL));
        env.set_recursion_limit(RECURSION_LIMIT);
        env.add_function("url", url);
        env.add_function("need", need);
        env.add_function("csp", csp);
        env.add_global("allowed_hosts", Value::from(Vec::<String>::new()));
        Templates {
            env,
            origins: HashMap::new(),
            sources: HashMap::new(),
        }
    }

    /// Hosts that pages may load resources from (`allowed_hosts` in `buddysite.yaml`): the
    /// page's Content-Security-Policy must allow what the checks allow.
    pub fn allow_hosts(&mut self, hosts: &[String]) {
        self.env
            .add_global("allowed_hosts", Value::from(hosts.to_vec()));
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
        self.render_for(name, ctx, &|_| None)
    }

    /// Renders template `name` for one school. When it fails on a `school.…` value that
    /// this school does not set, `setters` says how many other schools do (and this
    /// school's file): then the editor is told to add it there, not to check the spelling.
    pub fn render_for(
        &self,
        name: &str,
        ctx: &Value,
        setters: &dyn Fn(&str) -> Option<Setters>,
    ) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(&e))?;
        template.render(ctx).map_err(|e| {
            let d = self.diagnostic(&e);
            match missing_school_value(&e)
                .and_then(|(path, placeholder)| Some((setters(&path)?, path, placeholder)))
            {
                Some((who, path, placeholder)) if who.others > 0 => {
                    explain_missing(d, &who, &path, placeholder.as_deref())
                }
                _ => d,
            }
        })
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
            ErrorKind::OutOfFuel => Some(
                "look for a loop that runs very often (or loops inside loops) and make it smaller; a page needs only a few thousand steps".to_owned(),
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
        if e.kind() == ErrorKind::OutOfFuel {
            message = format!(
                "this template does too much work: it was stopped after {} million steps",
                FUEL / 1_000_000
            );
        } else if e.detail() == Some("recursion limit exceeded") {
            message =
                "this template nests too deeply: a macro or include that calls itself?".to_owned();
            help = Some("make sure a macro does not call itself, and that templates do not include each other in a circle".to_owned());
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

/// Who else sets a school value that one school's render needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setters {
    /// How many other schools set it.
    pub others: usize,
    /// The file of the school that does not (`schools/y.yaml`).
    pub file: String,
}

/// The `school.…` path (without `school.`) that a render error is about, when a school
/// value is missing: an undefined `{{ school.extra.x }}`, or a toolkit placeholder whose
/// value the school does not set (then also the placeholder as written).
fn missing_school_value(e: &Error) -> Option<(String, Option<String>)> {
    let inner = std::error::Error::source(e).and_then(|s| s.downcast_ref::<Error>());
    [Some(e), inner].into_iter().flatten().find_map(|e| {
        let detail = e.detail()?;
        let named = detail.split('`').nth(1)?;
        if detail.starts_with("placeholder `") && named.starts_with('[') {
            let key = crate::render::placeholders::inner_key(named);
            let (_, expr) = crate::render::placeholders::PLACEHOLDERS
                .iter()
                .find(|(p, _)| *p == key)?;
            let path = expr.strip_prefix("school.")?;
            return Some((path.to_owned(), Some(named.to_owned())));
        }
        if e.kind() != ErrorKind::UndefinedError {
            return None;
        }
        let path = named.strip_prefix("school.")?;
        Some((path.to_owned(), None))
    })
}

/// Rewrites the error for a value that other schools set but this one does not.
fn explain_missing(
    mut d: Diagnostic,
    who: &Setters,
    path: &str,
    placeholder: Option<&str>,
) -> Diagnostic {
    let schools = if who.others == 1 {
        "1 other school".to_owned()
    } else {
        format!("{} other schools", who.others)
    };
    let (head, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    let how = if head.is_empty() {
        format!("`{leaf}:`")
    } else {
        format!("`{leaf}:` under `{head}:`")
    };
    d.message = crate::messages::Text::untranslated(match placeholder {
        Some(p) => format!(
            "placeholder `{p}` needs `{path}`, which is set for {schools} but not for this one: add it to {}",
            who.file
        ),
        None => format!(
            "`school.{path}` is set for {schools} but not for this one: add it to {}",
            who.file
        ),
    });
    d.help = Some(crate::messages::Text::untranslated(match placeholder {
        Some(_) => format!("write {how} in {}, or remove the placeholder", who.file),
        None => format!(
            "write {how} in {}; or, when this school has none, write `{{% if school.{path} is defined %}}…{{% endif %}}` around it",
            who.file
        ),
    }));
    d
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
            "phone",
            "email",
            "website",
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
            "date",
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

/// `csp(styles)`: the Content-Security-Policy of a page, for its `<meta http-equiv>`. The
/// page may load only the site's own files (and those of `allowed_hosts`); each text in
/// `styles` is the exact content of one inline `<style>` element, allowed by its hash, so
/// that no other inline style (injected, or pasted into content) applies.
fn csp(state: &State, styles: Option<Vec<String>>) -> Result<Value, Error> {
    let hosts: Vec<String> = state
        .lookup("allowed_hosts")
        .and_then(|v| {
            v.try_iter()
                .ok()
                .map(|i| i.map(|h| h.to_string()).collect())
        })
        .unwrap_or_default();
    let policy = content_security_policy(&styles.unwrap_or_default(), &hosts);
    if policy.contains(['"', '<', '>', '&']) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "an allowed host contains a character that cannot be in a policy",
        ));
    }
    Ok(Value::from_safe_string(policy))
}

/// The policy text: see [`csp`]. `frame-ancestors` is left out because browsers ignore it in
/// a `<meta>` element; a server that should refuse framing sends it as a header.
pub fn content_security_policy(styles: &[String], hosts: &[String]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let hosts: String = hosts.iter().map(|h| format!(" https://{h}")).collect();
    let hashes: String = styles
        .iter()
        .map(|css| {
            let digest = sha2::Sha256::digest(css.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let frames = if hosts.is_empty() {
        String::new()
    } else {
        format!(" frame-src{hosts};")
    };
    format!(
        "default-src 'none'; script-src 'self'{hosts}; style-src 'self'{hashes}{hosts}; \
         img-src 'self' data:{hosts}; font-src 'self'{hosts}; media-src 'self'{hosts};{frames} \
         connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'none'; \
         object-src 'none'"
    )
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
