//! `buddysite.yaml`: the SWV itself and the build defaults.

use crate::diagnostics::Diagnostic;
use crate::messages::Text;
use crate::source::SourceFile;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Free-form data that templates may use, kept under one `extra:` key so that every other
/// key can be checked strictly.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// Someone parents can contact: a school's contact person or the SWV's coordinator.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name as parents may address them (required).
    pub name: String,
    /// Role, e.g. `intern begeleider`.
    #[serde(default)]
    pub role: Option<String>,
    /// E-mail address, e.g. `naam@school.nl`.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number as it should be shown, e.g. `"0344 00 00 00"`.
    #[serde(default)]
    pub phone: Option<String>,
    /// When they can be reached, e.g. `maandag tot en met donderdag, 9.00-15.00 uur`.
    #[serde(default)]
    pub hours: Option<String>,
}

/// The contents of `buddysite.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Full name of the SWV, e.g. `Samenwerkingsverband Passend Onderwijs Rivierenland`.
    pub name: String,
    /// Short name used in running text and the page title, e.g. `SWV Rivierenland`.
    pub short_name: String,
    /// The SWV's own website (absolute `https://` URL).
    #[serde(default)]
    #[schemars(pattern(r"^https?://[^/\s]"))]
    pub website: Option<String>,
    /// Path of the SWV logo, relative to the project root (SVG, PNG, JPEG or WebP).
    #[serde(default)]
    pub logo: Option<String>,
    /// The SWV's programme coordinator or *ouder- en jeugdsteunpunt*: `name` (required), `role`, `email`, `phone`, `hours`.
    pub contact: Contact,
    /// Theme folder under `themes/` (default `default`).
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The source language of the sites: the first of `languages` (the old single
    /// `language:` key is still read as `languages: [code]`).
    #[serde(default)]
    pub language: String,
    /// Every language the sites are published in, the source language first (BCP 47 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Per-language variants of the SWV's texts for parents (`translations: {en: {…}}`).
    #[serde(default)]
    pub translations: BTreeMap<String, SwvText>,
    /// Output folder, relative to the project root (default `public`).
    #[serde(default = "default_output")]
    pub output: String,
    /// Absolute URL where the overview is published (canonical URL, sitemap).
    #[serde(default)]
    #[schemars(pattern(r"^https?://[^/\s]"))]
    pub base_url: Option<String>,
    /// `true` keeps raw HTML in Markdown as written. Default `false`: it is sanitized.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Hosts that pages may load resources from. Default: none.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    /// Extra buddy experience themes, `key: Label`, on top of the built-in ones.
    #[serde(default)]
    pub experience_themes: BTreeMap<String, String>,
    /// What each school's accessibility statement (`toegankelijkheid/`, linked in every footer) says.
    #[serde(default)]
    pub accessibility: Accessibility,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: Extra,
}

/// A contact's texts in another language: what a parent reads (role, hours), not the
/// address or number, which are the same in every language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactText {
    /// The role in that language.
    #[serde(default)]
    pub role: Option<String>,
    /// The hours in that language.
    #[serde(default)]
    pub hours: Option<String>,
}

impl ContactText {
    /// `contact` with these texts on top: the contact as a reader of this language sees it.
    pub fn apply(&self, contact: &Contact) -> Contact {
        Contact {
            role: self.role.clone().or_else(|| contact.role.clone()),
            hours: self.hours.clone().or_else(|| contact.hours.clone()),
            ..contact.clone()
        }
    }
}

/// The SWV's texts in one other language (`translations.<lang>` in `buddysite.yaml`): a
/// parent reading Arabic should not meet a Dutch-only role or opening hours.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SwvText {
    /// The full name in that language.
    #[serde(default)]
    pub name: Option<String>,
    /// The short name in that language.
    #[serde(default)]
    pub short_name: Option<String>,
    /// The coordinator's role and hours in that language.
    #[serde(default)]
    pub contact: ContactText,
}

/// Languages written from right to left: their pages get `dir="rtl"`, so the layout (which
/// uses logical CSS properties) mirrors.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// The writing direction of language `code` (`rtl` or `ltr`), by its primary subtag (or the
/// whole code for scripts like `ku-Arab`).
pub fn direction(code: &str) -> &'static str {
    let lower = code.to_ascii_lowercase();
    let primary = lower.split('-').next().unwrap_or("");
    let arabic_script = lower.split('-').any(|t| t == "arab" || t == "hebr");
    if RTL_LANGUAGES.contains(&primary) || RTL_LANGUAGES.contains(&lower.as_str()) || arabic_script
    {
        "rtl"
    } else {
        "ltr"
    }
}

/// True for a BCP 47 language tag of the shape sites use: a 2–3 letter lower-case language,
/// then optional subtags of 2–8 letters or digits (`nl`, `en`, `pt-BR`, `zh-Hant`). The code
/// becomes a folder in the output (`/<school>/en/`), so nothing else is let through.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The `accessibility:` block: what each school's *toegankelijkheidsverklaring* says. Dutch
/// public bodies must publish one; the sites generate it, and the SWV fills in what only
/// it knows (the outcome of the last evaluation, the report, who handles problems).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// How far the sites meet WCAG, as the Dutch model statement names it (default `niet-onderzocht`).
    #[serde(default)]
    pub status: AccessibilityStatus,
    /// Date of the last evaluation by people, `"YYYY-MM-DD"`.
    #[serde(default)]
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    pub evaluated: Option<String>,
    /// Link to the evaluation report.
    #[serde(default)]
    pub report: Option<String>,
    /// List of sentences: what does not work yet, and when it will.
    #[serde(default)]
    pub known_issues: Vec<String>,
    /// Who handles accessibility problems, like `contact`; default the SWV's `contact`.
    #[serde(default)]
    pub contact: Option<Contact>,
}

/// The statuses of the Dutch model statement (A to E on digitoegankelijk.nl).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
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

/// The problems of a list of language codes at `key` (`languages` of `buddysite.yaml` or of a
/// school file): codes that are not BCP 47, and codes given twice.
pub fn language_problems(file: &SourceFile, key: &str, codes: &[String]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for code in codes {
        if !is_language_code(code) {
            problems.push(
                crate::yaml::key_diagnostic(file, key, format!("`{code}` in `{key}` is not a language code"))
                    .with_help("write BCP 47 codes such as `nl`, `en`, `ar`, `tr`, `pl`, `uk` (lower-case; a region after `-`, e.g. `pt-BR`)"),
            );
        } else if !seen.insert(code.as_str()) {
            problems.push(
                crate::yaml::key_diagnostic(file, key, format!("`{code}` is in `{key}` twice"))
                    .with_help("list each language once"),
            );
        }
    }
    problems
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

    /// The source language: the one content files without a language in their name are
    /// written in, whose pages keep the paths without a language folder.
    pub fn source_language(&self) -> &str {
        &self.language
    }

    /// The languages after the source language, in the order of `languages:`.
    pub fn other_languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().skip(1).map(String::as_str)
    }

    /// Fills `language` and `languages` from each other: the old `language: ar` means
    /// `languages: [ar]`; neither means `[nl]`.
    fn settle_languages(&mut self) {
        if self.languages.is_empty() {
            let one = if self.language.is_empty() {
                default_language()
            } else {
                self.language.clone()
            };
            self.languages = vec![one];
        }
        self.language = self.languages[0].clone();
    }

    /// Parses and checks `buddysite.yaml`.
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Diagnostic>> {
        let mut config: Config = crate::yaml::parse_all(&file.name, &file.text, 0)?;
        let mut problems = Vec::new();
        let key = |k: &str, message: Text| crate::yaml::key_error(file, k, message);
        let key_en = |k: &str, message: String| crate::yaml::key_diagnostic(file, k, message);
        if !config.language.is_empty() && !config.languages.is_empty() {
            problems.push(
                key_en("language", "`language` and `languages` are both set".to_owned())
                    .with_help("remove `language:`; the first code in `languages:` is the language the content is written in"),
            );
        }
        problems.extend(language_problems(file, "languages", &config.languages));
        if !config.language.is_empty() && !is_language_code(&config.language) {
            problems.push(
                key(
                    "language",
                    text!(CONFIG_BAD_LANGUAGE, language = &config.language),
                )
                .help(text!(CONFIG_BAD_LANGUAGE_HELP)),
            );
        }
        config.settle_languages();
        for lang in config.translations.keys() {
            if !config.languages.contains(lang) {
                problems.push(
                    key_en(
                        &format!("translations.{lang}"),
                        format!(
                            "`translations` has texts for `{lang}`, which is not in `languages`"
                        ),
                    )
                    .with_help(format!(
                        "add `{lang}` to `languages:`, or remove its block; languages: {}",
                        config.languages.join(", ")
                    )),
                );
            } else if lang == &config.languages[0] {
                problems.push(
                    key_en(
                        &format!("translations.{lang}"),
                        format!("`{lang}` is the source language: its texts are the ones above"),
                    )
                    .with_help("remove this block and write the texts at their own keys"),
                );
            }
        }
        for (k, value) in [("name", &config.name), ("short_name", &config.short_name)] {
            if value.trim().is_empty() {
                problems.push(key(k, text!(KEY_EMPTY, key = k)).help(if k == "name" {
                    text!(SWV_NAME_EMPTY_HELP, key = k)
                } else {
                    text!(SWV_SHORT_NAME_EMPTY_HELP, key = k)
                }));
            }
        }
        for (k, value) in [("website", &config.website), ("base_url", &config.base_url)] {
            if let Some(url) = value {
                if !is_http_url(url) {
                    problems.push(
                        key(k, text!(CONFIG_NOT_URL, key = k, url = url))
                            .help(text!(CONFIG_NOT_URL_HELP)),
                    );
                }
            }
        }
        if !is_slug(&config.theme) {
            problems.push(
                key("theme", text!(CONFIG_BAD_THEME, theme = &config.theme))
                    .help(text!(CONFIG_BAD_THEME_HELP)),
            );
        }
        match crate::paths::clean_relative(&config.output) {
            Ok(out) if crate::paths::output_clash(&out).is_some() => {
                problems.push(
                    key(
                        "output",
                        text!(CONFIG_OUTPUT_CLASH, output = &config.output),
                    )
                    .help(text!(CONFIG_OUTPUT_CLASH_HELP)),
                );
            }
            Ok(_) => {}
            Err(why) => problems.push(
                key("output", text!(CONFIG_BAD_OUTPUT, why = why))
                    .help(text!(CONFIG_BAD_OUTPUT_HELP)),
            ),
        }
        for host in &config.allowed_hosts {
            if !is_host(host) {
                let bare =
                    crate::scan::host(host).unwrap_or_else(|| host.trim_matches('/').to_owned());
                problems.push(
                    crate::yaml::key_error(
                        file,
                        "allowed_hosts",
                        text!(CONFIG_BAD_HOST, host = host),
                    )
                    .help(text!(CONFIG_BAD_HOST_HELP, bare = bare)),
                );
            }
        }
        for theme_key in config.experience_themes.keys() {
            if !is_slug(theme_key) {
                problems.push(
                    crate::yaml::key_error(
                        file,
                        theme_key,
                        text!(CONFIG_BAD_THEME_KEY, key = theme_key),
                    )
                    .help(text!(CONFIG_BAD_THEME_KEY_HELP)),
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
                        text!(CONFIG_BAD_EVALUATED, date = date),
                    )
                    .help(text!(CONFIG_BAD_EVALUATED_HELP)),
                );
            }
        }
        if let Some(url) = &a11y.report {
            if !is_http_url(url) && !url.starts_with('/') {
                problems.push(
                    key("accessibility.report", text!(CONFIG_BAD_REPORT, url = url))
                        .help(text!(CONFIG_BAD_REPORT_HELP)),
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
                let mut config = crate::yaml::parse::<Config>(&file.name, &file.text, 0)
                    .unwrap_or_else(|_| Config::fallback());
                config.languages.retain(|l| is_language_code(l));
                config.translations.clear();
                if !is_language_code(&config.language) {
                    config.language.clear();
                }
                config.settle_languages();
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
            languages: vec![default_language()],
            translations: BTreeMap::new(),
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
    let at = |k: &str, message: Text| {
        crate::yaml::key_error_in(file, text, line_offset, &format!("{prefix}.{k}"), message)
    };
    if contact.name.trim().is_empty() {
        problems.push(
            at("name", text!(CONTACT_NAME_EMPTY, prefix = prefix))
                .help(text!(CONTACT_NAME_EMPTY_HELP)),
        );
    }
    if let Some(email) = &contact.email {
        if !is_email(email) {
            problems.push(
                at(
                    "email",
                    text!(CONTACT_BAD_EMAIL, prefix = prefix, email = email),
                )
                .help(text!(CONTACT_BAD_EMAIL_HELP)),
            );
        }
    }
    if let Some(phone) = &contact.phone {
        if !is_phone(phone) {
            problems.push(
                at(
                    "phone",
                    text!(CONTACT_BAD_PHONE, prefix = prefix, phone = phone),
                )
                .help(text!(CONTACT_BAD_PHONE_HELP)),
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
