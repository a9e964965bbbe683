//! Content files: front matter, and what each file is (page, buddy, FAQ entry).
//!
//! A file's role follows from where it sits under `content/` (or a school's override folder),
//! so editors never have to declare it.

use crate::config::Extra;
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Front matter of an ordinary page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// Page title, also its `<h1>`.
    pub title: String,
    /// One sentence for search engines.
    #[serde(default)]
    pub description: Option<String>,
    /// Menu order.
    #[serde(default)]
    pub weight: Option<i64>,
    /// Whether the page is in the main menu.
    #[serde(default = "yes")]
    pub menu: bool,
    /// A short label for the menu ("Brief" for "Informatiebrief voor ouders over buddy's"):
    /// long titles would make the menu wrap and push the page's heading off a phone screen.
    #[serde(default)]
    pub menu_title: Option<String>,
    /// The letter's date (`YYYY-MM-DD`, on `brief.md`): printed on the paper letter, so a
    /// parent holding it knows how current it is; checked where the letter is rendered.
    #[serde(default)]
    pub date: Option<String>,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: Extra,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuddy {
    name: String,
    summary: String,
    themes: Vec<Spanned<String>>,
    languages: Vec<Spanned<String>>,
    meet: Vec<Spanned<String>>,
    consent_until: Spanned<String>,
    #[serde(default)]
    photo: Option<Spanned<String>>,
    #[serde(default)]
    photo_alt: Option<String>,
    #[serde(default)]
    weight: Option<i64>,
    #[serde(default)]
    extra: Extra,
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
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FaqMeta {
    /// The question.
    pub question: String,
    /// Order on the page.
    #[serde(default)]
    pub weight: Option<i64>,
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
            crate::yaml::key_diagnostic_in(&file.name, front, 1, key, format!("`{key}` is empty"))
                .with_help(format!("write the {key} after `{key}:`"))
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
                Diagnostic::error(file, format!("the name `{part}` cannot be used in a web address"))
                    .with_help(format!(
                        "rename it to `{better}{suffix}`: use letters, digits and `-` only (no spaces, accents, `#`, `?` or `%`)"
                    )),
            );
        }
    }
    problems
}

/// Why a Markdown file has no usable front matter, and what to do.
fn front_matter_problem(file: &SourceFile) -> Diagnostic {
    let text = &file.text;
    let d = Diagnostic::error(&file.name, "");
    if text.trim().is_empty() {
        let mut d = d.with_help("start the file with a line `---`, then the settings (at least `title:`), then another `---` line, then the text");
        d.message = "this file is empty".into();
        return d;
    }
    let (i, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .unwrap_or((0, ""));
    let first_trim = first.trim();
    let (message, help) = if first_trim == "---" && i == 0 {
        (
            "the front matter is not closed",
            "add a line with only `---` after the settings (`title:` and so on), before the text",
        )
    } else if first_trim == "---" {
        (
            "the first line of the file must be `---`",
            "remove the empty lines above the `---` line",
        )
    } else if first_trim
        .chars()
        .all(|c| matches!(c, '—' | '–' | '-' | '‐'))
    {
        (
            "the first line must be exactly three minus signs `---`",
            "Word may have changed `---` into a long dash (—): type three minus signs `---` again, and use a plain text editor such as Notepad",
        )
    } else if first_trim == "+++" {
        (
            "this file starts with `+++`",
            "buddysite expects YAML front matter between two `---` lines",
        )
    } else {
        (
            "this file has no front matter",
            "start the file with a line `---`, then the settings (at least `title:`), then another `---` line",
        )
    };
    let mut d = d.at(text, i + 1, 1).with_help(help);
    d.message = message.into();
    d
}

fn parse_buddy(file: &SourceFile, front: &str) -> Result<BuddyMeta, Vec<Diagnostic>> {
    let raw: RawBuddy = crate::yaml::parse_all(&file.name, front, 1)?;
    let mut problems = empty_text(
        file,
        front,
        &[("name", &raw.name), ("summary", &raw.summary)],
    );
    let at = |s: &Spanned<String>, message: String| {
        Diagnostic::error(&file.name, message).at(
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
                    format!(
                        "`consent_until` is not a date: `{}`",
                        raw.consent_until.value
                    ),
                )
                .with_help("write the date as YYYY-MM-DD, e.g. `consent_until: 2027-07-31`"),
            );
            None
        }
    };
    let photo = match &raw.photo {
        Some(p) => match crate::paths::clean_relative(&p.value) {
            Ok(clean) => Some(clean),
            Err(why) => {
                problems.push(at(p, format!("`photo` {why}")).with_help(
                    "put the photo next to the Markdown file and give its file name, e.g. `photo: samira.jpg`",
                ));
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
            Diagnostic::error(&file.name, "a photo needs a text alternative")
                .at(&file.text, p, 1)
                .with_help("add `photo_alt:` describing the photo for parents who cannot see it"),
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
