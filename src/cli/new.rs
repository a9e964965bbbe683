//! `buddysite new school|buddy|vraag|page`: one new file from a commented template, asked
//! for on a terminal or given as flags. A new file never replaces an existing one, and what
//! it writes passes `check`.

use super::init::{ask_school, Failure, SchoolArgs};
use super::prompt::{self, Asker};
use super::scaffold;
use crate::color::Color;
use crate::load::config::Config;
use crate::source::SourceFile;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `buddysite new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Project folder (holds buddysite.yaml).
    #[arg(long, default_value = ".", global = true)]
    pub root: PathBuf,
    #[command(subcommand)]
    pub what: What,
}

/// What `new` makes.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A school: schools/<slug>.yaml.
    School {
        /// File and folder name (lower-case letters, digits and `-`).
        slug: String,
        #[command(flatten)]
        school: SchoolArgs,
    },
    /// A buddy profile: content/buddys/<id>.md.
    Buddy {
        /// File name without .md (lower-case letters, digits and `-`).
        id: String,
        /// First name only.
        #[arg(long)]
        name: Option<String>,
        /// One sentence for the card.
        #[arg(long)]
        summary: Option<String>,
        /// Experience themes, comma-separated (e.g. "gedrag,autisme").
        #[arg(long)]
        themes: Option<String>,
        /// Languages as codes, comma-separated (default "nl").
        #[arg(long)]
        languages: Option<String>,
        /// Ways to be in touch, comma-separated (default "telefoon").
        #[arg(long)]
        meet: Option<String>,
        /// Last day of consent, YYYY-MM-DD.
        #[arg(long)]
        consent_until: Option<String>,
    },
    /// A question for the FAQ: content/vragen/<id>.md.
    Vraag {
        /// File name without .md; also the question's #anchor.
        id: String,
        /// The question, as a parent would ask it.
        #[arg(long)]
        question: Option<String>,
    },
    /// A page: content/<path>.md.
    Page {
        /// Path under content/ without .md (e.g. `aanmelden` or `info/privacy`).
        path: String,
        /// Title of the page.
        #[arg(long)]
        title: Option<String>,
    },
}

/// Why `slug` cannot be a school's name, if it cannot.
pub fn slug_problem(slug: &str) -> Option<String> {
    if !crate::load::config::is_slug(slug) {
        let better = crate::paths::slugify(slug);
        return Some(format!(
            "`{slug}` cannot be a school's folder name: use lower-case letters, digits and `-` only{}",
            if better.is_empty() { String::new() } else { format!(", e.g. `{better}`") }
        ));
    }
    if crate::load::names::RESERVED_SLUGS.contains(&slug) {
        return Some(format!(
            "`{slug}` is the name of one of the overview's own files; choose another name for the school"
        ));
    }
    None
}

/// Why a brand colour cannot be used (not a colour, or too little contrast with the theme's
/// colour pairs), with the nearest shade that passes, as `check` would say it.
pub fn color_problem(pairs: &[crate::check::contrast::Pair], value: &str) -> Option<String> {
    let Some(color) = Color::parse(value) else {
        return Some(format!(
            "`{value}` is not a colour; write `#` and six hex digits (0-9, a-f), e.g. `#1d4f91`"
        ));
    };
    let problems = contrast(pairs, color);
    let first = problems.first()?;
    let shade = crate::check::contrast::nearest_shade(color, |c| contrast(pairs, c).is_empty());
    Some(match shade {
        Some(s) => format!("{}; the nearest shade that passes is `{s}`", first.message),
        None => format!(
            "{}; {}",
            first.message,
            first.help.clone().unwrap_or_default()
        ),
    })
}

fn contrast(pairs: &[crate::check::contrast::Pair], color: Color) -> Vec<crate::Diagnostic> {
    let text = format!(
        "name: x\nkind: so\nplace: x\nbrand:\n  primary: \"{color}\"\ncontact:\n  name: x\n"
    );
    let file = SourceFile {
        name: "schools/new.yaml".into(),
        text: text.clone(),
    };
    match crate::school::School::parse("new", &file) {
        Ok(school) => crate::check::contrast::check_school(pairs, &school, &text),
        Err(problems) => problems,
    }
}

/// Writes `text` to a new file `path` (and its folders); an existing file is never replaced.
pub fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} already exists; nothing was changed", path.display())
            }
            _ => format!("cannot write {}: {e}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The colour pairs of the project's theme (its `theme.yaml`), or the default theme's.
fn project_pairs(root: &Path) -> Vec<crate::check::contrast::Pair> {
    let config = std::fs::read_to_string(root.join("buddysite.yaml"))
        .ok()
        .map(|text| {
            Config::parse_lenient(&SourceFile {
                name: "buddysite.yaml".into(),
                text,
            })
            .0
        });
    config
        .and_then(|c| crate::theme::Theme::load(root, &c.theme, &c.language).ok())
        .and_then(|t| crate::check::contrast::pairs(&t).ok())
        .unwrap_or_else(crate::check::contrast::default_pairs)
}

fn split(list: &str) -> Vec<String> {
    list.split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Runs `new`.
pub fn run(args: NewArgs) -> ExitCode {
    if let Err(code) = super::check_root(&args.root) {
        return code;
    }
    if !args.root.join("buddysite.yaml").is_file() {
        return super::usage(&format!(
            "{} holds no buddysite.yaml; run this in the project folder, pass it with --root, or start one with: buddysite init FOLDER",
            args.root.display()
        ));
    }
    let result = Asker::on_stdin(|asker| create(&args.root, args.what, asker));
    match result {
        Ok(path) => {
            super::out::stdout(&format!(
                "created {}; open it, fill it in, and see it with: buddysite serve --watch",
                path.display()
            ));
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(e)) => super::usage(&e),
        Err(Failure::Other(e)) => super::fail(&e),
    }
}

/// Asks for what `what` needs and writes the file under `root`; returns its path.
pub fn create(root: &Path, what: What, asker: &mut Asker<'_>) -> Result<PathBuf, Failure> {
    let usage = |asker: &Asker<'_>| asker.problems().map_or(Ok(()), |p| Err(Failure::Usage(p)));
    let id_ok = |id: &str, kind: &str| -> Result<(), Failure> {
        if crate::load::config::is_slug(id) {
            Ok(())
        } else {
            Err(Failure::Usage(format!(
                "`{id}` cannot be the name of a {kind}: use lower-case letters, digits and `-` only, e.g. `{}`",
                crate::paths::slugify(id)
            )))
        }
    };
    let (path, text) = match what {
        What::School { slug, mut school } => {
            if let Some(why) = slug_problem(&slug) {
                return Err(Failure::Usage(why));
            }
            let path = root.join("schools").join(format!("{slug}.yaml"));
            if path.exists() || root.join("schools").join(format!("{slug}.yml")).exists() {
                return Err(Failure::Usage(format!(
                    "the school `{slug}` already exists ({}); choose another name",
                    path.display()
                )));
            }
            school.school_slug = Some(slug);
            let pairs = project_pairs(root);
            let input = ask_school(asker, school, &pairs, &|_| Ok(()));
            usage(asker)?;
            let input = input.ok_or_else(|| Failure::Usage("some values are missing".into()))?;
            (path, scaffold::school_yaml(&input))
        }
        What::Buddy {
            id,
            name,
            summary,
            themes,
            languages,
            meet,
            consent_until,
        } => {
            id_ok(&id, "buddy")?;
            let any = &prompt::any;
            let suggested = Some(capitalise(&id));
            let name = asker.ask(
                "name",
                "first name of the buddy",
                name,
                suggested,
                true,
                any,
            );
            let summary = asker.ask(
                "summary",
                "one sentence for the card",
                summary,
                None,
                true,
                any,
            );
            let themes = asker.ask(
                "themes",
                "experience themes, comma-separated (e.g. gedrag,autisme)",
                themes,
                None,
                true,
                any,
            );
            let languages = asker.ask(
                "languages",
                "languages, comma-separated",
                languages,
                Some("nl".into()),
                true,
                any,
            );
            let meet = asker.ask(
                "meet",
                "ways to be in touch (telefoon, app, videobellen, koffie, schoolgesprek, meegaan)",
                meet,
                Some("telefoon".into()),
                true,
                any,
            );
            let until = asker.ask(
                "consent-until",
                "last day of consent (YYYY-MM-DD)",
                consent_until,
                None,
                true,
                &prompt::date,
            );
            usage(asker)?;
            let (Some(name), Some(summary), Some(themes), Some(languages), Some(meet), Some(until)) =
                (name, summary, themes, languages, meet, until)
            else {
                return Err(Failure::Usage("some values are missing".into()));
            };
            let text = scaffold::buddy_md(&scaffold::BuddyInput {
                name,
                summary,
                themes: split(&themes),
                languages: split(&languages),
                meet: split(&meet),
                consent_until: until,
                story: "Vertel hier in je eigen woorden over je kind, wat er op school gebeurde, en \
                        waarbij je andere ouders kunt helpen. Noem geen telefoonnummer, e-mailadres \
                        of adres."
                    .into(),
            });
            (root.join("content/buddys").join(format!("{id}.md")), text)
        }
        What::Vraag { id, question } => {
            id_ok(&id, "question")?;
            let question = asker.ask(
                "question",
                "the question, as a parent would ask it",
                question,
                None,
                true,
                &prompt::any,
            );
            usage(asker)?;
            let question =
                question.ok_or_else(|| Failure::Usage("the question is missing".into()))?;
            let text = scaffold::vraag_md(
                &id,
                &question,
                "Schrijf hier het antwoord, in korte zinnen.",
            );
            (root.join("content/vragen").join(format!("{id}.md")), text)
        }
        What::Page { path, title } => {
            let rel = path.trim_matches('/').trim_end_matches(".md").to_owned();
            let problems = crate::load::content::name_problems(&format!("{rel}.md"), &rel);
            if let Some(p) = problems.first() {
                return Err(Failure::Usage(format!(
                    "{}; {}",
                    p.message,
                    p.help.clone().unwrap_or_default()
                )));
            }
            let role = crate::load::content::Role::of(&format!("{rel}.md"));
            if matches!(
                role,
                crate::load::content::Role::Buddy | crate::load::content::Role::FaqEntry
            ) {
                return Err(Failure::Usage(format!(
                    "`{rel}` would be a buddy or a question, not a page; use `buddysite new buddy` or `buddysite new vraag`"
                )));
            }
            let suggested = rel.rsplit('/').next().map(capitalise);
            let title = asker.ask(
                "title",
                "title of the page",
                title,
                suggested,
                true,
                &prompt::any,
            );
            usage(asker)?;
            let title = title.ok_or_else(|| Failure::Usage("the title is missing".into()))?;
            let text = scaffold::page_md(&title, "Schrijf hier de tekst van de pagina.");
            (root.join("content").join(format!("{rel}.md")), text)
        }
    };
    write_new(&path, &text).map_err(|e| {
        if path.exists() {
            Failure::Usage(e)
        } else {
            Failure::Other(e)
        }
    })?;
    Ok(path)
}

/// `hoe-werkt-het` → `Hoe werkt het`, a first suggestion for a name or title.
fn capitalise(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
