//! Content files: front matter, and what each file is (page, buddy, FAQ entry).
//!
//! A file's role follows from where it sits under `content/` (or a school's override folder),
//! so editors never have to declare it.

use crate::config::Extra;
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::messages::Text;
use crate::source::SourceFile;
use crate::text;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Front matter of an ordinary page.
#[derive(Debug, Clone, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// Page title (also the `<h1>`).
    pub title: String,
    /// One sentence for search engines and link previews.
    #[serde(default)]
    pub description: Option<String>,
    /// Order in the main menu (lower first).
    #[serde(default)]
    pub weight: Option<i64>,
    /// `false` keeps the page out of the main menu (default `true`).
    #[serde(default = "yes")]
    pub menu: bool,
    /// Short label for the main menu (`Brief` for `Informatiebrief voor ouders over buddy's`); default the `title`.
    //
    // Long titles would make the menu wrap and push the page's heading off a phone screen.
    #[serde(default)]
    pub menu_title: Option<String>,
    /// The letter's date (`YYYY-MM-DD`, on `brief.md`): printed on the paper letter, so a
    /// parent holding it knows how current it is; checked where the letter is rendered.
    #[serde(default)]
    pub date: Option<String>,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: Extra,
    /// In a translation: which version of its source it translates (see
    /// `load::translations`); read from the text, so any scalar is accepted here.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<serde::de::IgnoredAny>,
}

fn yes() -> bool {
    true
}

/// Front matter of a buddy profile (`content/buddys/<id>.md`); the body is the buddy's own story.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Buddy")]
struct RawBuddy {
    /// First name only.
    name: String,
    /// One sentence shown on the card.
    summary: String,
    /// Experience themes: `chronisch-ziek`, `sbo`, `so`, `gedrag`, `autisme`, `adhd`, `dyslexie`, `hoogbegaafd`, `thuiszitten`, `nieuwkomer`, `overstap-vo`, plus any in `experience_themes`.
    #[schemars(with = "Vec<String>", inner(pattern(r"^[a-z0-9][a-z0-9-]*$")))]
    themes: Vec<Spanned<String>>,
    /// Languages the buddy speaks, as ISO 639-1 codes: `nl`, `en`, `ar`, `tr`, `pl`, `uk`, `so`, `ti`, `fy`, `pap`, …
    #[schemars(with = "Vec<String>", inner(pattern(r"^[a-z]{2,3}$")))]
    languages: Vec<Spanned<String>>,
    /// How the buddy likes to be in touch: `telefoon`, `app`, `videobellen`, `koffie`, `schoolgesprek` (thinking along about a school meeting), `meegaan` (joining a school meeting).
    #[schemars(with = "Vec<String>")]
    meet: Vec<Spanned<String>>,
    /// Last day (`YYYY-MM-DD`, in the Netherlands' time) on which the buddy's consent to be on the sites holds. From 30 days before, `check` and `build` warn; from the next day on, the profile is left out of every site.
    #[schemars(with = "String", pattern(r"^\d{4}-\d{2}-\d{2}$"))]
    consent_until: Spanned<String>,
    /// Photo file, relative to the Markdown file. Without one the theme shows initials.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    photo: Option<Spanned<String>>,
    /// Text alternative for the photo (required with `photo`).
    #[serde(default)]
    photo_alt: Option<String>,
    /// Order on the overview (lower first; then by name).
    #[serde(default)]
    weight: Option<i64>,
    /// Free-form data for templates.
    #[serde(default)]
    extra: Extra,
    #[serde(default, rename = "source")]
    #[schemars(with = "Option<String>")]
    _source: Option<serde::de::IgnoredAny>,
}

/// The JSON Schema of a buddy profile's front matter, generated from the type the loader
/// reads it with, so it cannot drift from what the loader accepts.
pub fn buddy_json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    generator.root_schema_for::<RawBuddy>()
}

/// The front matter of a buddy profile's translation: only what a parent reads. Consent,
/// themes, languages, photo and order are the source profile's, so a translation can never
/// keep a buddy on a site after their consent ended.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuddyText {
    #[serde(default)]
    name: Option<String>,
    summary: String,
    #[serde(default)]
    photo_alt: Option<String>,
    #[serde(default, rename = "source")]
    _source: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    extra: Option<Extra>,
}

/// A vocabulary key (theme, language, way to meet) and where the file names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key as written.
    pub key: String,
    /// Line in the file.
    pub line: usize,
    /// Column in the file.
    pub column: usize,
}

impl From<Spanned<String>> for Key {
    fn from(s: Spanned<String>) -> Key {
        Key {
            key: s.value.trim().to_owned(),
            line: s.referenced.line() as usize,
            column: s.referenced.column() as usize,
        }
    }
}

/// Front matter of a buddy profile.
#[derive(Debug, Clone, PartialEq)]
pub struct BuddyMeta {
    /// First name.
    pub name: String,
    /// One sentence for the card.
    pub summary: String,
    /// Experience themes.
    pub themes: Vec<Key>,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<Key>,
    /// Ways to be in touch.
    pub meet: Vec<Key>,
    /// Last day the buddy's consent holds (in the Netherlands' time).
    pub consent_until: Date,
    /// Line and column in the file of the `consent_until` date, where consent warnings point.
    pub consent_at: (usize, usize),
    /// Photo path relative to the Markdown file.
    pub photo: Option<String>,
    /// Text alternative for the photo.
    pub photo_alt: Option<String>,
    /// Line and column in the file where `photo:` gives the photo's path.
    pub photo_at: (usize, usize),
    /// Order on the overview.
    pub weight: Option<i64>,
    /// Free-form data for templates.
    pub extra: Extra,
}

/// Front matter of a FAQ entry.
#[derive(Debug, Clone, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaqMeta {
    /// The question, as a parent would ask it.
    pub question: String,
    /// Order on the page (lower first; then by question).
    #[serde(default)]
    pub weight: Option<i64>,
    /// In a translation: which version of its source it translates (see
    /// `load::translations`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<serde::de::IgnoredAny>,
}

/// What a content file is, by its place in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// `index.md`.
    Home,
    /// `brief.md`.
    Letter,
    /// `contact.md`.
    Contact,
    /// `buddys/_index.md`.
    BuddiesIntro,
    /// `buddys/<id>.md`.
    Buddy,
    /// `vragen/_index.md`.
    FaqIntro,
    /// `vragen/<id>.md`.
    FaqEntry,
    /// `404.md`.
    NotFound,
    /// Anything else.
    Page,
}

impl Role {
    /// The role of the file at `rel` (relative to the content root).
    pub fn of(rel: &str) -> Role {
        match rel {
            "index.md" => Role::Home,
            "brief.md" => Role::Letter,
            "contact.md" => Role::Contact,
            "404.md" => Role::NotFound,
            "buddys/_index.md" => Role::BuddiesIntro,
            "vragen/_index.md" => Role::FaqIntro,
            _ if rel.starts_with("buddys/") && !rel[7..].contains('/') => Role::Buddy,
            _ if rel.starts_with("vragen/") && !rel[7..].contains('/') => Role::FaqEntry,
            _ => Role::Page,
        }
    }
}

/// The parsed front matter, by role.
#[derive(Debug, Clone, PartialEq)]
pub enum Meta {
    /// Pages, intros, home, letter, contact.
    Page(PageMeta),
    /// A buddy profile.
    Buddy(Box<BuddyMeta>),
    /// A FAQ entry.
    Faq(FaqMeta),
}

/// One Markdown file, split and parsed, body not yet rendered.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the content root (`vragen/kosten.md`), the same for a shared file and
    /// the school override that replaces it.
    pub rel: String,
    /// The file, relative to the project root, for diagnostics.
    pub file: String,
    /// Its role.
    pub role: Role,
    /// Parsed front matter.
    pub meta: Meta,
    /// Markdown body.
    pub body: String,
    /// Lines before the body (front matter and its fences), to map body lines to file lines.
    pub body_line_offset: usize,
}

impl Document {
    /// The id of a buddy or FAQ entry, or the page name: the file name without `.md`.
    pub fn id(&self) -> &str {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        name.strip_suffix(".md").unwrap_or(name)
    }

    /// The output path, from the site root, of the page that shows this file, and the anchor on
    /// it for FAQ entries (`vragen/#kosten`).
    pub fn url(&self) -> String {
        url_of(&self.rel)
    }

    /// The page meta, for files that are pages.
    pub fn page(&self) -> Option<&PageMeta> {
        match &self.meta {
            Meta::Page(p) => Some(p),
            _ => None,
        }
    }
}

/// The site path of the page that shows the content file at `rel`.
pub fn url_of(rel: &str) -> String {
    match Role::of(rel) {
        Role::Home => String::new(),
        Role::NotFound => "404.html".into(),
        Role::FaqEntry => format!("vragen/#{}", stem(rel)),
        _ => {
            let without = rel.strip_suffix(".md").unwrap_or(rel);
            let without = without
                .strip_suffix("/_index")
                .or_else(|| without.strip_suffix("/index"))
                .unwrap_or(without);
            format!("{without}/")
        }
    }
}

fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".md").unwrap_or(name)
}

/// Splits `---` front matter from the body: (front matter, body, lines before the body).
pub fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    let mut line = 1;
    loop {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        line += 1;
        if text[pos..end].trim_end() == "---" {
            let body_start = (end + 1).min(text.len());
            return Some((&text[first_end + 1..pos], &text[body_start..], line));
        }
        if end >= text.len() {
            return None;
        }
        pos = end + 1;
    }
}

/// Parses one Markdown file at `rel` (relative to its content root).
pub fn parse(rel: &str, file: &SourceFile) -> Result<Document, Vec<Diagnostic>> {
    let role = Role::of(rel);
    let mut problems = name_problems(rel, &file.name);
    let Some((front, body, offset)) = split_front_matter(&file.text) else {
        problems.push(front_matter_problem(file));
        return Err(problems);
    };
    let meta = match role {
        Role::Buddy => parse_buddy(file, front).map(|b| Meta::Buddy(Box::new(b))),
        Role::FaqEntry => crate::yaml::parse_all::<FaqMeta>(&file.name, front, 1).and_then(|f| {
            let empty = empty_text(file, front, &[("question", &f.question)]);
            if empty.is_empty() {
                Ok(Meta::Faq(f))
            } else {
                Err(empty)
            }
        }),
        _ => crate::yaml::parse_all::<PageMeta>(&file.name, front, 1).and_then(|p| {
            let empty = empty_text(file, front, &[("title", &p.title)]);
            if empty.is_empty() {
                Ok(Meta::Page(p))
            } else {
                Err(empty)
            }
        }),
    };
    let meta = match meta {
        Ok(meta) => meta,
        Err(ds) => {
            problems.extend(ds);
            return Err(problems);
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Document {
        rel: rel.to_owned(),
        file: file.name.clone(),
        role,
        meta,
        body: body.to_owned(),
        body_line_offset: offset,
    })
}

/// Required text keys that are there but empty (`title: ""`).
fn empty_text(file: &SourceFile, front: &str, keys: &[(&str, &str)]) -> Vec<Diagnostic> {
    keys.iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(key, _)| {
            crate::yaml::key_error_in(&file.name, front, 1, key, text!(KEY_EMPTY, key = *key))
                .help(text!(KEY_EMPTY_HELP, key = *key))
        })
        .collect()
}

/// A content file name that would make a broken or confusing web address: spaces, `#`, `?`,
/// `%`, accents. The name of the file is the address of its page.
pub fn name_problems(rel: &str, file: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for part in rel.split('/') {
        let stem = part.strip_suffix(".md").unwrap_or(part);
        let ok = !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok {
            let better = crate::paths::slugify(stem);
            let better = if better.is_empty() {
                "pagina".to_owned()
            } else {
                better
            };
            let suffix = if part.ends_with(".md") { ".md" } else { "" };
            problems.push(
                Diagnostic::error_text(file, text!(CONTENT_BAD_NAME, name = part)).help(text!(
                    CONTENT_BAD_NAME_HELP,
                    better = format!("{better}{suffix}")
                )),
            );
        }
    }
    problems
}

/// Why a Markdown file has no usable front matter, and what to do.
fn front_matter_problem(file: &SourceFile) -> Diagnostic {
    let text = &file.text;
    if text.trim().is_empty() {
        return Diagnostic::error_text(&file.name, text!(CONTENT_EMPTY_FILE))
            .help(text!(CONTENT_EMPTY_FILE_HELP));
    }
    let (i, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .unwrap_or((0, ""));
    let first_trim = first.trim();
    let (message, help) = if first_trim == "---" && i == 0 {
        (
            text!(CONTENT_FRONT_NOT_CLOSED),
            text!(CONTENT_FRONT_NOT_CLOSED_HELP),
        )
    } else if first_trim == "---" {
        (text!(CONTENT_FIRST_LINE), text!(CONTENT_FIRST_LINE_HELP))
    } else if first_trim
        .chars()
        .all(|c| matches!(c, '—' | '–' | '-' | '‐'))
    {
        (text!(CONTENT_LONG_DASH), text!(CONTENT_LONG_DASH_HELP))
    } else if first_trim == "+++" {
        (text!(CONTENT_TOML), text!(CONTENT_TOML_HELP))
    } else {
        (text!(CONTENT_NO_FRONT), text!(CONTENT_NO_FRONT_HELP))
    };
    Diagnostic::error_text(&file.name, message)
        .at(text, i + 1, 1)
        .help(help)
}

/// Parses the translation `file` of the content file `source` (same `rel`). Pages and FAQ
/// entries have front matter as their source; a buddy profile's translation has only the
/// texts (`summary`, optionally `name`, `photo_alt`, `extra`), the rest is the source's.
pub fn parse_translation(
    file: &SourceFile,
    source: &Document,
) -> Result<Document, Vec<Diagnostic>> {
    let Meta::Buddy(original) = &source.meta else {
        return parse(&source.rel, file);
    };
    let Some((front, body, offset)) = split_front_matter(&file.text) else {
        return Err(vec![front_matter_problem(file)]);
    };
    let raw: RawBuddyText = crate::yaml::parse_all(&file.name, front, 1)?;
    let empty = empty_text(file, front, &[("summary", &raw.summary)]);
    if !empty.is_empty() {
        return Err(empty);
    }
    let mut meta = original.clone();
    if let Some(name) = raw.name.filter(|n| !n.trim().is_empty()) {
        meta.name = name.trim().to_owned();
    }
    meta.summary = raw.summary;
    if raw.photo_alt.is_some() {
        meta.photo_alt = raw.photo_alt;
    }
    if let Some(extra) = raw.extra {
        meta.extra = extra;
    }
    Ok(Document {
        rel: source.rel.clone(),
        file: file.name.clone(),
        role: source.role,
        meta: Meta::Buddy(meta),
        body: body.to_owned(),
        body_line_offset: offset,
    })
}

fn parse_buddy(file: &SourceFile, front: &str) -> Result<BuddyMeta, Vec<Diagnostic>> {
    let raw: RawBuddy = crate::yaml::parse_all(&file.name, front, 1)?;
    let mut problems = empty_text(
        file,
        front,
        &[("name", &raw.name), ("summary", &raw.summary)],
    );
    let at = |s: &Spanned<String>, message: Text| {
        Diagnostic::error_text(&file.name, message).at(
            &file.text,
            s.referenced.line() as usize + 1,
            s.referenced.column() as usize,
        )
    };
    let consent_until = match crate::date::parse(&raw.consent_until.value) {
        Some(d) => Some(d),
        None => {
            problems.push(
                at(
                    &raw.consent_until,
                    text!(CONTENT_BAD_CONSENT_DATE, value = &raw.consent_until.value),
                )
                .help(text!(CONTENT_BAD_CONSENT_DATE_HELP)),
            );
            None
        }
    };
    let photo = match &raw.photo {
        Some(p) => match crate::paths::clean_relative(&p.value) {
            Ok(clean) => Some(clean),
            Err(why) => {
                problems.push(
                    at(p, text!(CONTENT_BAD_PHOTO_PATH, why = why))
                        .help(text!(CONTENT_BAD_PHOTO_PATH_HELP)),
                );
                None
            }
        },
        None => None,
    };
    if photo.is_some() && raw.photo_alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
        let p = raw
            .photo
            .as_ref()
            .map_or(1, |p| p.referenced.line() as usize + 1);
        problems.push(
            Diagnostic::error_text(&file.name, text!(CONTENT_PHOTO_NO_ALT))
                .at(&file.text, p, 1)
                .help(text!(CONTENT_PHOTO_NO_ALT_HELP)),
        );
    }
    let shift = |k: Spanned<String>| {
        let mut key = Key::from(k);
        key.line += 1;
        key
    };
    match (consent_until, problems.is_empty()) {
        (Some(consent_until), true) => Ok(BuddyMeta {
            name: raw.name.trim().to_owned(),
            summary: raw.summary,
            themes: raw.themes.into_iter().map(shift).collect(),
            languages: raw.languages.into_iter().map(shift).collect(),
            meet: raw.meet.into_iter().map(shift).collect(),
            consent_until,
            consent_at: (
                raw.consent_until.referenced.line() as usize + 1,
                raw.consent_until.referenced.column() as usize,
            ),
            photo,
            photo_at: raw.photo.as_ref().map_or((0, 0), |p| {
                (
                    p.referenced.line() as usize + 1,
                    p.referenced.column() as usize,
                )
            }),
            photo_alt: raw.photo_alt,
            weight: raw.weight,
            extra: raw.extra,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let (f, b, n) = split_front_matter("---\ntitle: x\n---\nbody\n").expect("split");
        assert_eq!((f, b, n), ("title: x\n", "body\n", 3));
        assert!(split_front_matter("title: x\n").is_none());
        assert!(split_front_matter("---\ntitle: x\n").is_none());
        let (_, b, _) = split_front_matter("---\n---\n").expect("empty");
        assert_eq!(b, "");
    }

    #[test]
    fn roles_and_urls() {
        assert_eq!(url_of("index.md"), "");
        assert_eq!(url_of("brief.md"), "brief/");
        assert_eq!(url_of("buddys/_index.md"), "buddys/");
        assert_eq!(url_of("buddys/sam.md"), "buddys/sam/");
        assert_eq!(url_of("vragen/kosten.md"), "vragen/#kosten");
        assert_eq!(url_of("info/privacy.md"), "info/privacy/");
        assert_eq!(Role::of("info/x/y.md"), Role::Page);
    }

    #[test]
    fn line_numbers_count_front_matter() {
        let file = SourceFile {
            name: "content/a.md".into(),
            text: "---\ntitle: x\ntitel: y\n---\n".into(),
        };
        let d = parse("a.md", &file).expect_err("unknown key");
        assert_eq!(d[0].line, 3);
    }
}
