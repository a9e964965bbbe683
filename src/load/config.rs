//! `buddysite.yaml`: the SWV itself and the build defaults.

use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Free-form data that templates may use, kept under one `extra:` key so that every other
/// key can be checked strictly.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// Someone parents can contact: a school's contact person or the SWV's coordinator.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name as parents may address them.
    pub name: String,
    /// Role, e.g. "intern begeleider".
    #[serde(default)]
    pub role: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    pub phone: Option<String>,
    /// When they can be reached.
    #[serde(default)]
    pub hours: Option<String>,
}

/// The contents of `buddysite.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Full name of the SWV.
    pub name: String,
    /// Short name for running text.
    pub short_name: String,
    /// The SWV's own website.
    #[serde(default)]
    pub website: Option<String>,
    /// Logo path relative to the project root.
    #[serde(default)]
    pub logo: Option<String>,
    /// The programme coordinator or ouder- en jeugdsteunpunt.
    pub contact: Contact,
    /// Theme folder name.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Language of the sites.
    #[serde(default = "default_language")]
    pub language: String,
    /// Output folder relative to the project root.
    #[serde(default = "default_output")]
    pub output: String,
    /// Where the overview is published.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Keep raw HTML in Markdown unsanitized.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Other hosts pages may load resources from.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    /// Additional buddy experience themes, key to label.
    #[serde(default)]
    pub experience_themes: BTreeMap<String, String>,
    /// What the accessibility statement of every school site says (`toegankelijkheid/`).
    #[serde(default)]
    pub accessibility: Accessibility,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: Extra,
}

/// The `accessibility:` block: what each school's *toegankelijkheidsverklaring* says. Dutch
/// public bodies must publish one; the sites generate it, and the SWV fills in what only
/// it knows (the outcome of the last evaluation, the report, who handles problems).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// How far the sites meet WCAG, as the Dutch model statement names it.
    #[serde(default)]
    pub status: AccessibilityStatus,
    /// Date (`YYYY-MM-DD`) of the last evaluation by people.
    #[serde(default)]
    pub evaluated: Option<String>,
    /// Link to the evaluation report.
    #[serde(default)]
    pub report: Option<String>,
    /// Known problems, one sentence each, with when they will be solved.
    #[serde(default)]
    pub known_issues: Vec<String>,
    /// Who handles accessibility problems; the SWV's contact when left out.
    #[serde(default)]
    pub contact: Option<Contact>,
}

/// The statuses of the Dutch model statement (A to E on digitoegankelijk.nl).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum AccessibilityStatus {
    /// A: meets WCAG 2.1 AA in full, shown by an evaluation.
    Voldoet,
    /// B: meets it in part.
    VoldoetGedeeltelijk,
    /// C: first measures taken.
    EersteMaatregelen,
    /// D: does not meet it.
    VoldoetNiet,
    /// E: no evaluation by people yet (only the automated checks).
    #[default]
    NietOnderzocht,
}

impl AccessibilityStatus {
    /// The key templates see (`voldoet-gedeeltelijk`), also the key of its words.
    pub fn key(self) -> &'static str {
        match self {
            AccessibilityStatus::Voldoet => "voldoet",
            AccessibilityStatus::VoldoetGedeeltelijk => "voldoet-gedeeltelijk",
            AccessibilityStatus::EersteMaatregelen => "eerste-maatregelen",
            AccessibilityStatus::VoldoetNiet => "voldoet-niet",
            AccessibilityStatus::NietOnderzocht => "niet-onderzocht",
        }
    }
}

fn default_theme() -> String {
    "default".into()
}
fn default_language() -> String {
    "nl".into()
}
fn default_output() -> String {
    "public".into()
}

impl Config {
    /// What Markdown rendering does with raw HTML, from `allow_raw_html`.
    pub fn raw_html(&self) -> RawHtml {
        if self.allow_raw_html {
            RawHtml::Allow
        } else {
            RawHtml::Sanitize
        }
    }

    /// Parses and checks `buddysite.yaml`.
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Diagnostic>> {
        let config: Config = crate::yaml::parse_all(&file.name, &file.text, 0)?;
        let mut problems = Vec::new();
        let key = |k: &str, message: String| crate::yaml::key_diagnostic(file, k, message);
        for (k, value) in [("name", &config.name), ("short_name", &config.short_name)] {
            if value.trim().is_empty() {
                problems.push(key(k, format!("`{k}` is empty")).with_help(format!(
                    "write the {} of the samenwerkingsverband after `{k}:`",
                    k.replace('_', " ")
                )));
            }
        }
        for (k, value) in [("website", &config.website), ("base_url", &config.base_url)] {
            if let Some(url) = value {
                if !is_http_url(url) {
                    problems.push(
                        key(k, format!("`{k}` must be a full web address, not `{url}`")).with_help(
                            "write it with https:// in front, e.g. `https://www.example.org/`",
                        ),
                    );
                }
            }
        }
        if !is_slug(&config.theme) {
            problems.push(
                key("theme", format!("`theme` must be a folder name, not `{}`", config.theme))
                    .with_help("use lower-case letters, digits and `-` only, or remove `theme:` to use the built-in theme"),
            );
        }
        if !is_slug(&config.language) || config.language.len() > 8 {
            problems.push(
                key(
                    "language",
                    format!(
                        "`language` must be a language code like `nl`, not `{}`",
                        config.language
                    ),
                )
                .with_help("write a two-letter code such as `nl`, or remove `language:`"),
            );
        }
        match crate::paths::clean_relative(&config.output) {
            Ok(out) if crate::paths::output_clash(&out).is_some() => {
                problems.push(
                    key("output", format!("`output` cannot be `{}`: that folder holds your own files", config.output))
                        .with_help("choose a separate folder for the generated sites, e.g. `output: public`"),
                );
            }
            Ok(_) => {}
            Err(why) => problems.push(
                key("output", format!("`output` {why}"))
                    .with_help("give a folder inside the project, e.g. `output: public`; to build elsewhere, use `buddysite build --output FOLDER`"),
            ),
        }
        for host in &config.allowed_hosts {
            if !is_host(host) {
                let bare =
                    crate::scan::host(host).unwrap_or_else(|| host.trim_matches('/').to_owned());
                problems.push(
                    crate::yaml::key_diagnostic(
                        file,
                        "allowed_hosts",
                        format!("`{host}` in `allowed_hosts` is not a host name"),
                    )
                    .with_help(format!(
                        "write only the host name, without https:// or a path, e.g. `{bare}`"
                    )),
                );
            }
        }
        for theme_key in config.experience_themes.keys() {
            if !is_slug(theme_key) {
                problems.push(
                    crate::yaml::key_diagnostic(file, theme_key, format!("experience theme key `{theme_key}` cannot be used"))
                        .with_help("use lower-case letters, digits and `-` for the key; the label after `:` may be any text"),
                );
            }
        }
        problems.extend(contact_problems(
            &config.contact,
            &file.name,
            &file.text,
            0,
            "contact",
        ));
        let a11y = &config.accessibility;
        if let Some(date) = &a11y.evaluated {
            if crate::date::parse(date).is_none() {
                problems.push(
                    key(
                        "accessibility.evaluated",
                        format!("`accessibility.evaluated` must be a date like `2026-09-30`, not `{date}`"),
                    )
                    .with_help("write the day of the last evaluation as YYYY-MM-DD, in quotes"),
                );
            }
        }
        if let Some(url) = &a11y.report {
            if !is_http_url(url) && !url.starts_with('/') {
                problems.push(
                    key(
                        "accessibility.report",
                        format!("`accessibility.report` must be a full web address, not `{url}`"),
                    )
                    .with_help("write the address of the evaluation report with https:// in front"),
                );
            }
        }
        if let Some(contact) = &a11y.contact {
            problems.extend(contact_problems(
                contact,
                &file.name,
                &file.text,
                0,
                "accessibility.contact",
            ));
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Reads `buddysite.yaml` as far as it can: the problems, and a configuration to go on
    /// with (a neutral one when the file cannot be read at all), so that one run can still
    /// report the problems of every other file.
    pub fn parse_lenient(file: &SourceFile) -> (Config, Vec<Diagnostic>) {
        match Config::parse(file) {
            Ok(config) => (config, Vec::new()),
            Err(problems) => {
                let config = crate::yaml::parse::<Config>(&file.name, &file.text, 0)
                    .unwrap_or_else(|_| Config::fallback());
                (config, problems)
            }
        }
    }

    /// A neutral configuration with every default, used to go on checking the other files
    /// when `buddysite.yaml` itself is broken.
    pub fn fallback() -> Config {
        Config {
            name: "(samenwerkingsverband)".into(),
            short_name: "(swv)".into(),
            website: None,
            logo: None,
            contact: Contact {
                name: "(coordinator)".into(),
                role: None,
                email: None,
                phone: None,
                hours: None,
            },
            theme: default_theme(),
            language: default_language(),
            output: default_output(),
            base_url: None,
            allow_raw_html: false,
            allowed_hosts: Vec::new(),
            experience_themes: BTreeMap::new(),
            accessibility: Accessibility::default(),
            extra: Extra::new(),
        }
    }
}

/// Problems with a contact block (`contact:` of the SWV or a school): an empty name, an
/// e-mail address or phone number that would make a broken link. `prefix` is the key path
/// of the block, `line_offset` the lines before the YAML in its file.
pub fn contact_problems(
    contact: &Contact,
    file: &str,
    text: &str,
    line_offset: usize,
    prefix: &str,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let at = |k: &str, message: String| {
        crate::yaml::key_diagnostic_in(file, text, line_offset, &format!("{prefix}.{k}"), message)
    };
    if contact.name.trim().is_empty() {
        problems.push(
            at("name", format!("`{prefix}.name` is empty"))
                .with_help("write the name of the person parents can contact"),
        );
    }
    if let Some(email) = &contact.email {
        if !is_email(email) {
            problems.push(
                at("email", format!("`{prefix}.email` is not an e-mail address: `{email}`"))
                    .with_help("write one address like `naam@school.nl`, without spaces or other text; remove the line if there is none"),
            );
        }
    }
    if let Some(phone) = &contact.phone {
        if !is_phone(phone) {
            problems.push(
                at("phone", format!("`{prefix}.phone` is not a phone number: `{phone}`"))
                    .with_help("write only the number, e.g. `\"0344 00 00 00\"`; put when to call under `hours:`"),
            );
        }
    }
    problems
}

/// Forms of address that editors put before a contact's name. Templates and placeholders
/// put the name mid-sentence ("neem contact op met [naam contactpersoon]"), where "met De
/// heer M. Öztürk" reads wrong.
const ADDRESS_FORMS: &[&str] = &[
    "de heer", "dhr.", "dhr", "mevrouw", "mevr.", "mevr", "mw.", "mw", "meneer",
];

/// A hint when the contact's `name` starts with a form of address (`De heer`, `Mevrouw`,
/// `Dhr.`, …): a warning at the `name:` line with the name without it. `prefix` is the
/// contact's key path (`contact`, `accessibility.contact`).
pub fn address_form(
    contact: &Contact,
    file: &str,
    text: &str,
    line_offset: usize,
    prefix: &str,
) -> Option<Diagnostic> {
    let name = contact.name.trim();
    let lower = name.to_lowercase();
    let form = ADDRESS_FORMS.iter().find(|f| {
        lower
            .strip_prefix(**f)
            .is_some_and(|rest| rest.starts_with(' ') && !rest.trim().is_empty())
    })?;
    let written: String = name.chars().take(form.chars().count()).collect();
    let bare = name[written.len()..].trim();
    let mut d = crate::yaml::key_diagnostic_in(
        file,
        text,
        line_offset,
        &format!("{prefix}.name"),
        format!("`{prefix}.name` starts with `{written}`: in a sentence it reads \u{201c}neem contact op met {name}\u{201d}"),
    )
    .with_help(format!(
        "write the name only, e.g. `name: {bare}` (or with a first name); the role goes under `role:`"
    ));
    d.severity = crate::diagnostics::Severity::Warning;
    Some(d)
}

/// True for one plausible e-mail address: `local@domain.tld`, no spaces or brackets.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c);
    !local.is_empty()
        && !local.chars().any(bad)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.chars().any(bad)
}

/// True for a phone number as people write it: digits, spaces, `+`, `-`, `(`, `)`, `.`,
/// `/`, with at least three digits.
pub fn is_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-()./\u{a0}".contains(c))
}

/// True for a bare host name (`fonts.example.org`, `localhost`), no scheme, port or path.
pub fn is_host(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// True for `http://` and `https://` URLs with a host, and nothing that could break out of
/// an HTML attribute or a line of `robots.txt`.
pub fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !r
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"<>`{}|\\^".contains(c))
    })
}

/// True for names that are safe as one URL path segment and folder name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What to do with raw HTML written in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    /// Keep it as written (the SWV opted in with `allow_raw_html: true`).
    Allow,
    /// Keep only harmless markup; drop scripts, event handlers, iframes and `javascript:`.
    Sanitize,
}
