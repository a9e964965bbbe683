//! `schools/<slug>.yaml`: one school, its brand and its choices.

use crate::color::Color;
use crate::config::{is_email, is_http_url, is_phone, Contact, Extra};
use crate::diagnostics::Diagnostic;
use crate::messages::Text;
use crate::source::SourceFile;
use crate::text;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The kind of school, which content may test (`{% if school.kind == "sbo" %}`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SchoolKind {
    /// Regular primary school.
    Basisschool,
    /// Speciaal basisonderwijs (sbo).
    Sbo,
    /// Speciaal onderwijs (so).
    So,
    /// Voortgezet onderwijs (vo).
    Vo,
    /// Voortgezet speciaal onderwijs (vso).
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

/// The school's colours and logo.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Brand")]
struct RawBrand {
    /// Main colour, `#rrggbb` or `#rgb`.
    #[schemars(with = "String", pattern(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
    primary: Spanned<String>,
    /// Second colour, `#rrggbb` or `#rgb`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        pattern(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
    )]
    accent: Option<Spanned<String>>,
    /// Logo file, relative to `schools/<slug>/`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    logo: Option<Spanned<String>>,
}

/// `all` (default) or a list of buddy ids (file names in `content/buddys/` without `.md`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Buddies")]
enum RawSelection {
    /// Every buddy whose consent holds.
    Keyword(#[schemars(pattern(r"^all$"))] String),
    /// These buddies only.
    List(Vec<String>),
}

/// A school file, `schools/<slug>.yaml`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "School")]
struct RawSchool {
    /// Name of the school as parents know it, e.g. `Basisschool 't Klaverblad`.
    name: String,
    /// `basisschool`, `sbo` (speciaal basisonderwijs), `so` (speciaal onderwijs), `vo` (voortgezet onderwijs) or `vso` (voortgezet speciaal onderwijs).
    kind: SchoolKind,
    /// e.g. `openbaar`, `katholiek`, `protestants-christelijk`, `islamitisch`, `algemeen bijzonder`. Shown as written.
    #[serde(default)]
    denomination: Option<String>,
    /// Town or village.
    place: String,
    /// The school's colours and logo: `primary` (required), `accent`, `logo`.
    brand: RawBrand,
    /// The school's own contact for the programme (often the *intern begeleider*): `name` (required), `role`, `email`, `phone`, `hours`.
    contact: Contact,
    /// `all` (default) or a list of buddy ids (file names in `content/buddys/` without `.md`).
    #[serde(default)]
    #[schemars(with = "Option<RawSelection>")]
    buddies: Option<Spanned<RawSelection>>,
    /// Absolute URL where this school's site is published; enables canonical URLs and `sitemap.xml`, and lets the 404 page work at any depth.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(r"^https?://[^/\s]"))]
    base_url: Option<Spanned<String>>,
    /// The languages this school's site is published in: a subset of `languages:` in
    /// `buddysite.yaml` that includes the source language (default: all of them).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    languages: Option<Vec<Spanned<String>>>,
    /// The school's texts in other languages: `translations: {en: {name, place, contact: {role, hours}}}`.
    #[serde(default)]
    translations: std::collections::BTreeMap<String, SchoolText>,
    /// The school's own phone number (reception), for `[telefoonnummer school]`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    phone: Option<Spanned<String>>,
    /// The school's own e-mail address, for `[e-mailadres school]`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    email: Option<Spanned<String>>,
    /// The school's own website (not the buddy site at `base_url`), for `[website school]`.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(r"^https?://[^/\s]"))]
    website: Option<Spanned<String>>,
    /// The date on this school's paper letter (`"YYYY-MM-DD"`), instead of the letter's `date:`.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    letter_date: Option<Spanned<String>>,
    /// Free-form data for templates.
    #[serde(default)]
    extra: Extra,
}

/// The JSON Schema of a school file, generated from the type the loader reads it with, so
/// the editor's autocompletion cannot drift from what the loader accepts.
pub fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    generator.root_schema_for::<RawSchool>()
}

/// A school's texts in one other language (`translations.<lang>` in its file): the name and
/// place as parents of that language know them, and the contact's role and hours.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchoolText {
    /// The school's name in that language.
    #[serde(default)]
    pub name: Option<String>,
    /// The place in that language (exonyms are rare, but scripts differ).
    #[serde(default)]
    pub place: Option<String>,
    /// The denomination in that language.
    #[serde(default)]
    pub denomination: Option<String>,
    /// The contact's role and hours in that language.
    #[serde(default)]
    pub contact: crate::config::ContactText,
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
    /// The languages this school publishes in, when it narrows `languages` of
    /// `buddysite.yaml`, each with its line and column (checked against that list on load).
    pub languages: Option<Vec<(String, usize, usize)>>,
    /// Its texts in other languages, by language code.
    pub translations: std::collections::BTreeMap<String, SchoolText>,
    /// The school's own phone number (reception), for the letter's `[telefoonnummer school]`:
    /// toolkit letters name it next to the programme contact's.
    pub phone: Option<String>,
    /// The school's own e-mail address, for `[e-mailadres school]`.
    pub email: Option<String>,
    /// The school's own website (not the buddy site at `base_url`), for `[website school]`.
    pub website: Option<String>,
    /// The date printed on this school's paper letter (`letter_date:`), overriding the
    /// letter's own `date:`: a school that hands the letter out later dates it itself.
    pub letter_date: Option<crate::load::date::Date>,
    /// Free-form data for templates.
    pub extra: Extra,
}

/// Advice for a colour that could not be read, by what it looks like.
fn color_help(value: &str) -> Text {
    let v = value.trim();
    if v.contains(['“', '”', '‘', '’']) {
        return text!(COLOR_CURLY_QUOTES_HELP);
    }
    let hex = v.trim_start_matches('#');
    if !v.starts_with('#')
        && matches!(hex.len(), 3 | 6)
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return text!(COLOR_NO_HASH_HELP, hex = hex);
    }
    if v.to_lowercase().starts_with("rgb") {
        return text!(COLOR_RGB_HELP);
    }
    text!(COLOR_HEX_HELP)
}

impl School {
    /// Parses and checks one school file; `slug` comes from its file name.
    pub fn parse(slug: &str, file: &SourceFile) -> Result<School, Vec<Diagnostic>> {
        let raw: RawSchool = crate::yaml::parse_all(&file.name, &file.text, 0)?;
        let mut problems = Vec::new();
        for (k, value) in [("name", &raw.name), ("place", &raw.place)] {
            if value.trim().is_empty() {
                problems.push(
                    crate::yaml::key_error(file, k, text!(KEY_EMPTY, key = k)).help(
                        if k == "name" {
                            text!(SCHOOL_NAME_EMPTY_HELP, key = k)
                        } else {
                            text!(SCHOOL_PLACE_EMPTY_HELP, key = k)
                        },
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
        let at = |s: &Spanned<String>, message: Text| {
            Diagnostic::error_text(&file.name, message).at(
                &file.text,
                s.referenced.line() as usize,
                s.referenced.column() as usize,
            )
        };
        let mut color = |s: &Spanned<String>, key: &str| match Color::parse(&s.value) {
            Some(c) => Some(c),
            None => {
                problems.push(
                    at(s, text!(SCHOOL_NOT_COLOUR, key = key, value = &s.value))
                        .help(color_help(&s.value)),
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
                    problems.push(
                        at(l, text!(SCHOOL_BAD_LOGO_PATH, why = why))
                            .help(text!(SCHOOL_BAD_LOGO_PATH_HELP, slug = slug)),
                    );
                    None
                }
            },
            None => None,
        };
        let base_url = match &raw.base_url {
            Some(u) if !is_http_url(&u.value) => {
                problems.push(
                    at(u, text!(SCHOOL_BAD_BASE_URL, url = &u.value))
                        .help(text!(SCHOOL_BAD_BASE_URL_HELP)),
                );
                None
            }
            Some(u) => Some(format!("{}/", u.value.trim_end_matches('/'))),
            None => None,
        };
        let mut own = |key: &str, value: &Option<Spanned<String>>| -> Option<String> {
            let v = value.as_ref()?;
            let (ok, message, help) = match key {
                "phone" => (
                    is_phone(&v.value),
                    text!(SCHOOL_BAD_PHONE, key = key, value = &v.value),
                    text!(SCHOOL_BAD_PHONE_HELP),
                ),
                "email" => (
                    is_email(&v.value),
                    text!(SCHOOL_BAD_EMAIL, key = key, value = &v.value),
                    text!(SCHOOL_BAD_EMAIL_HELP),
                ),
                _ => (
                    is_http_url(&v.value),
                    text!(SCHOOL_BAD_WEBSITE, key = key, value = &v.value),
                    text!(SCHOOL_BAD_WEBSITE_HELP),
                ),
            };
            if !ok {
                problems.push(at(v, message).help(help));
                return None;
            }
            Some(v.value.trim().to_owned())
        };
        let phone = own("phone", &raw.phone);
        let email = own("email", &raw.email);
        let website = own("website", &raw.website);
        let letter_date = match &raw.letter_date {
            Some(d) => match crate::load::date::parse(&d.value) {
                Some(date) => Some(date),
                None => {
                    problems.push(
                        at(d, text!(LETTER_BAD_SCHOOL_DATE, value = &d.value))
                            .help(text!(LETTER_BAD_SCHOOL_DATE_HELP)),
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
                            Diagnostic::error_text(
                                &file.name,
                                text!(SCHOOL_BAD_BUDDIES, value = k),
                            )
                            .at(&file.text, line, column)
                            .help(text!(SCHOOL_BAD_BUDDIES_HELP)),
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
        let languages: Option<Vec<(String, usize, usize)>> = raw.languages.map(|list| {
            list.into_iter()
                .map(|l| {
                    (
                        l.value.trim().to_owned(),
                        l.referenced.line() as usize,
                        l.referenced.column() as usize,
                    )
                })
                .collect()
        });
        if let Some(list) = &languages {
            let codes: Vec<String> = list.iter().map(|(c, _, _)| c.clone()).collect();
            problems.extend(crate::config::language_problems(file, "languages", &codes));
        }
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
            languages,
            translations: raw.translations,
            phone,
            email,
            website,
            letter_date,
            extra: raw.extra,
        })
    }
}
