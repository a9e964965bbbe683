//! `schools/<slug>.yaml`: one school, its brand and its choices.

use crate::color::Color;
use crate::config::{is_http_url, Contact, Extra};
use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The kind of school, which content may test (`{% if school.kind == "sbo" %}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SchoolKind {
    /// Regular primary school.
    Basisschool,
    /// Speciaal basisonderwijs.
    Sbo,
    /// Speciaal onderwijs.
    So,
    /// Voortgezet onderwijs.
    Vo,
    /// Voortgezet speciaal onderwijs.
    Vso,
}

impl SchoolKind {
    /// The key used in YAML and in the theme's label map.
    pub fn key(self) -> &'static str {
        match self {
            SchoolKind::Basisschool => "basisschool",
            SchoolKind::Sbo => "sbo",
            SchoolKind::So => "so",
            SchoolKind::Vo => "vo",
            SchoolKind::Vso => "vso",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrand {
    primary: Spanned<String>,
    #[serde(default)]
    accent: Option<Spanned<String>>,
    #[serde(default)]
    logo: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawSelection {
    Keyword(String),
    List(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchool {
    name: String,
    kind: SchoolKind,
    #[serde(default)]
    denomination: Option<String>,
    place: String,
    brand: RawBrand,
    contact: Contact,
    #[serde(default)]
    buddies: Option<Spanned<RawSelection>>,
    #[serde(default)]
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    letter_date: Option<Spanned<String>>,
    #[serde(default)]
    extra: Extra,
}

/// A school's colours and logo.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    /// Main colour.
    pub primary: Color,
    /// Second colour; derived from the primary when not given.
    pub accent: Option<Color>,
    /// Logo path relative to `schools/<slug>/`, with `/` separators.
    pub logo: Option<String>,
}

/// Which buddies a school offers.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// Every buddy whose consent holds.
    All,
    /// These buddy ids, each with the line and column where the YAML names it.
    Only(Vec<(String, usize, usize)>),
}

/// A school, loaded and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct School {
    /// Folder name in the output, from the file name.
    pub slug: String,
    /// The YAML file, relative to the project root.
    pub file: String,
    /// Name as parents know it.
    pub name: String,
    /// Kind of school.
    pub kind: SchoolKind,
    /// Denomination, as written.
    pub denomination: Option<String>,
    /// Town or village.
    pub place: String,
    /// Colours and logo.
    pub brand: Brand,
    /// The school's own contact for the programme.
    pub contact: Contact,
    /// Buddies offered.
    pub buddies: Selection,
    /// Where the school's site is published, always ending in `/`.
    pub base_url: Option<String>,
    /// The date printed on this school's paper letter (`letter_date:`), overriding the
    /// letter's own `date:`: a school that hands the letter out later dates it itself.
    pub letter_date: Option<crate::load::date::Date>,
    /// Free-form data for templates.
    pub extra: Extra,
}

/// Advice for a colour that could not be read, by what it looks like.
fn color_help(value: &str) -> String {
    let v = value.trim();
    if v.contains(['“', '”', '‘', '’']) {
        return "remove the curly quotes (Word adds them): write straight quotes, e.g. `\"#0b5394\"`".into();
    }
    let hex = v.trim_start_matches('#');
    if !v.starts_with('#')
        && matches!(hex.len(), 3 | 6)
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return format!("a colour starts with `#`: write `\"#{hex}\"`, with the quotes");
    }
    if v.to_lowercase().starts_with("rgb") {
        return "write the colour as a hex code, e.g. `\"#0b5394\"`: a colour picker or the school's style guide shows it".into();
    }
    "write the colour as `#` and six hex digits (0-9, a-f) between double quotes, e.g. `\"#0b5394\"`".into()
}

impl School {
    /// Parses and checks one school file; `slug` comes from its file name.
    pub fn parse(slug: &str, file: &SourceFile) -> Result<School, Vec<Diagnostic>> {
        let raw: RawSchool = crate::yaml::parse_all(&file.name, &file.text, 0)?;
        let mut problems = Vec::new();
        for (k, value) in [("name", &raw.name), ("place", &raw.place)] {
            if value.trim().is_empty() {
                problems.push(
                    crate::yaml::key_diagnostic(file, k, format!("`{k}` is empty")).with_help(
                        format!(
                            "write the {} after `{k}:`",
                            if k == "name" {
                                "school's name as parents know it"
                            } else {
                                "town or village"
                            }
                        ),
                    ),
                );
            }
        }
        problems.extend(crate::config::contact_problems(
            &raw.contact,
            &file.name,
            &file.text,
            0,
            "contact",
        ));
        let at = |s: &Spanned<String>, message: String| {
            Diagnostic::error(&file.name, message).at(
                &file.text,
                s.referenced.line() as usize,
                s.referenced.column() as usize,
            )
        };
        let mut color = |s: &Spanned<String>, key: &str| match Color::parse(&s.value) {
            Some(c) => Some(c),
            None => {
                problems.push(
                    at(s, format!("`{key}` is not a colour: `{}`", s.value))
                        .with_help(color_help(&s.value)),
                );
                None
            }
        };
        let primary = color(&raw.brand.primary, "brand.primary");
        let accent = raw
            .brand
            .accent
            .as_ref()
            .and_then(|a| color(a, "brand.accent"));
        let logo = match &raw.brand.logo {
            Some(l) => match crate::paths::clean_relative(&l.value) {
                Ok(p) => Some(p),
                Err(why) => {
                    problems.push(at(l, format!("`brand.logo` {why}")).with_help(format!(
                        "put the logo in `schools/{slug}/` and give its file name, e.g. `logo: logo.svg`"
                    )));
                    None
                }
            },
            None => None,
        };
        let base_url = match &raw.base_url {
            Some(u) if !is_http_url(&u.value) => {
                problems.push(
                    at(
                        u,
                        format!("`base_url` must be an absolute URL: `{}`", u.value),
                    )
                    .with_help("write it with https://, e.g. `https://www.example.org/buddy/`"),
                );
                None
            }
            Some(u) => Some(format!("{}/", u.value.trim_end_matches('/'))),
            None => None,
        };
        let letter_date = match &raw.letter_date {
            Some(d) => match crate::load::date::parse(&d.value) {
                Some(date) => Some(date),
                None => {
                    problems.push(
                        at(d, format!("`letter_date` is not a date: `{}`", d.value)).with_help(
                            "write the date as \"YYYY-MM-DD\", e.g. `letter_date: \"2026-11-30\"`",
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let buddies = match raw.buddies {
            None => Selection::All,
            Some(s) => {
                let (line, column) = (s.referenced.line() as usize, s.referenced.column() as usize);
                match s.value {
                    RawSelection::Keyword(k) if k == "all" => Selection::All,
                    RawSelection::Keyword(k) => {
                        problems.push(
                            Diagnostic::error(
                                &file.name,
                                format!(
                                    "`buddies` must be `all` or a list of buddy ids, not `{k}`"
                                ),
                            )
                            .at(&file.text, line, column)
                            .with_help(
                                "write `buddies: all`, or list ids like `buddies: [samira, peter]`",
                            ),
                        );
                        Selection::All
                    }
                    RawSelection::List(ids) => Selection::Only(
                        ids.into_iter()
                            .map(|id| {
                                let (l, c) = crate::yaml::find_value(&file.text, line, &id)
                                    .unwrap_or((line, column));
                                (id, l, c)
                            })
                            .collect(),
                    ),
                }
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let primary = primary.ok_or_else(Vec::new)?;
        Ok(School {
            slug: slug.to_owned(),
            file: file.name.clone(),
            name: raw.name.trim().to_owned(),
            kind: raw.kind,
            denomination: raw.denomination,
            place: raw.place.trim().to_owned(),
            brand: Brand {
                primary,
                accent,
                logo,
            },
            contact: raw.contact,
            buddies,
            base_url,
            letter_date,
            extra: raw.extra,
        })
    }
}
