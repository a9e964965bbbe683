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
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: Extra,
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
    /// Parses and checks `buddysite.yaml`.
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Diagnostic>> {
        let config: Config = crate::yaml::parse(&file.name, &file.text, 0).map_err(|d| vec![d])?;
        let mut problems = Vec::new();
        for (key, value) in [("website", &config.website), ("base_url", &config.base_url)] {
            if let Some(url) = value {
                if !is_http_url(url) {
                    problems.push(
                        crate::yaml::key_diagnostic(
                            file,
                            key,
                            format!("`{key}` must be an absolute URL"),
                        )
                        .with_help("write it with https://, e.g. `https://www.example.org/`"),
                    );
                }
            }
        }
        if !is_slug(&config.theme) {
            problems.push(crate::yaml::key_diagnostic(
                file,
                "theme",
                "`theme` must be a folder name (letters, digits, `-`)",
            ));
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }
}

/// True for `http://` and `https://` URLs with a host.
pub fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// True for names that are safe as one URL path segment and folder name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
