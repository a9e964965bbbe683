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

/// A contact's texts in another language: what a parent reads (role, hours), not the
/// address or number, which are the same in every language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
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
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
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
        let key = |k: &str, message: String| crate::yaml::key_diagnostic(file, k, message);
        if !config.language.is_empty() && !config.languages.is_empty() {
            problems.push(
                key("language", "`language` and `languages` are both set".to_owned())
                    .with_help("remove `language:`; the first code in `languages:` is the language the content is written in"),
            );
        }
        problems.extend(language_problems(file, "languages", &config.languages));
        if !config.language.is_empty() && !is_language_code(&config.language) {
            problems.push(
                key(
                    "language",
                    format!(
                        "`language` must be a language code like `nl`, not `{}`",
                        config.language
                    ),
                )
                .with_help("write `languages: [nl]` (a list: the first is the language the content is written in), or remove `language:`"),
            );
        }
        config.settle_languages();
        for lang in config.translations.keys() {
            if !config.languages.contains(lang) {
                problems.push(
                    key(
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
                    key(
                        &format!("translations.{lang}"),
                        format!("`{lang}` is the source language: its texts are the ones above"),
                    )
                    .with_help("remove this block and write the texts at their own keys"),
                );
            }
        }
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
