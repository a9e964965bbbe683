//! `buddysite init DIR`: a new, minimal project for one SWV and its first school, asked for
//! on a terminal or given as flags; `init --example DIR` writes the fictional example SWV.

use super::prompt::{self, Asker};
use super::scaffold::{self, SchoolInput, SwvInput};
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

static FAQ: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content/vragen");

/// The shared pages a new project starts with, from the example (generic Dutch text that
/// uses `{{ school.name }}` and the toolkit placeholders, so it fits any SWV). The letter is
/// the toolkit's, with the placeholders that mean the SWV already fixed.
const PAGES: &[(&str, &str)] = &[
    ("index.md", include_str!("../../content/index.md")),
    ("brief.md", include_str!("../../content/brief.md")),
    ("contact.md", include_str!("../../content/contact.md")),
    (
        "hoe-werkt-het.md",
        include_str!("../../content/hoe-werkt-het.md"),
    ),
    ("privacy.md", include_str!("../../content/privacy.md")),
    (
        "buddys/_index.md",
        include_str!("../../content/buddys/_index.md"),
    ),
];

/// The README for the SWV's editors.
const README: &str = include_str!("templates/README.md");

/// Arguments of `buddysite init`.
#[derive(Debug, Default, clap::Args)]
pub struct InitArgs {
    /// Folder to create (must be new or empty).
    pub dir: PathBuf,
    /// Write the fictional example SWV with eight schools instead.
    #[arg(long)]
    pub example: bool,
    /// Full name of the SWV, e.g. "Samenwerkingsverband Passend Onderwijs Rivierenland".
    #[arg(long)]
    pub swv_name: Option<String>,
    /// Short name for running text, e.g. "SWV Rivierenland".
    #[arg(long)]
    pub short_name: Option<String>,
    /// The SWV's website (https://…).
    #[arg(long)]
    pub website: Option<String>,
    /// Name of the programme coordinator.
    #[arg(long)]
    pub contact_name: Option<String>,
    /// Role of the coordinator.
    #[arg(long)]
    pub contact_role: Option<String>,
    /// E-mail address of the coordinator.
    #[arg(long)]
    pub contact_email: Option<String>,
    /// Phone number of the coordinator.
    #[arg(long)]
    pub contact_phone: Option<String>,
    /// When the coordinator can be reached.
    #[arg(long)]
    pub contact_hours: Option<String>,
    #[command(flatten)]
    pub school: SchoolArgs,
}

/// The flags of a school, shared by `init` and `new school`.
#[derive(Debug, Default, clap::Args)]
pub struct SchoolArgs {
    /// Name of the school as parents know it.
    #[arg(long)]
    pub school_name: Option<String>,
    /// File and folder name of the school (default: made from its name).
    #[arg(long)]
    pub school_slug: Option<String>,
    /// basisschool, sbo, so, vo or vso (default basisschool).
    #[arg(long)]
    pub school_kind: Option<String>,
    /// Town or village.
    #[arg(long)]
    pub school_place: Option<String>,
    /// Brand colour, e.g. "#1d4f91".
    #[arg(long, alias = "school-colour")]
    pub school_color: Option<String>,
    /// Where the school's site will be published (https://…).
    #[arg(long)]
    pub school_url: Option<String>,
    /// Name of the school's contact for the programme (often the intern begeleider).
    #[arg(long)]
    pub school_contact_name: Option<String>,
    /// Role of the school's contact.
    #[arg(long)]
    pub school_contact_role: Option<String>,
    /// E-mail address of the school's contact.
    #[arg(long)]
    pub school_contact_email: Option<String>,
    /// Phone number of the school's contact.
    #[arg(long)]
    pub school_contact_phone: Option<String>,
    /// When the school's contact can be reached.
    #[arg(long)]
    pub school_contact_hours: Option<String>,
}

/// A folder that does not exist or is empty, so nothing of the editor's is overwritten.
pub fn ensure_empty(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; choose a new folder so nothing of yours is overwritten",
                dir.display()
            ));
        }
    }
    Ok(())
}

/// Runs `init` with questions on a terminal, flags otherwise.
pub fn run(args: InitArgs) -> ExitCode {
    if args.example {
        return match crate::init::init(&args.dir) {
            Ok(n) => {
                let dir = args.dir.display().to_string();
                super::out::stdout(&crate::text!(CLI_INIT_DONE, dir = dir, count = n).to_string());
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e),
        };
    }
    if let Err(e) = ensure_empty(&args.dir) {
        return super::fail(&e);
    }
    let result = Asker::on_stdin(|asker| create(args, asker));
    match result {
        Ok((dir, files, school)) => {
            let done = crate::text!(
                CLI_INIT_NEW_DONE,
                dir = dir.display().to_string(),
                count = files,
                school = school
            );
            super::out::stdout(&done.to_string());
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(e)) => super::usage(&e),
        Err(Failure::Other(e)) => super::fail(&e),
    }
}

/// Why a command that writes files did not.
#[derive(Debug)]
pub enum Failure {
    /// Missing or bad values: exit code 2.
    Usage(String),
    /// Anything else (a file that cannot be written): exit code 1.
    Other(String),
}

/// Asks for everything, then writes the project; returns its folder, the number of files
/// written and the school's slug.
pub fn create(args: InitArgs, asker: &mut Asker<'_>) -> Result<(PathBuf, usize, String), Failure> {
    asker.say("A new buddysite project. Press Enter to take the suggestion in [brackets].");
    asker.say("The samenwerkingsverband:");
    let any = &prompt::any;
    let swv_name = asker.ask(
        "swv-name",
        "full name of the SWV",
        args.swv_name,
        None,
        true,
        any,
    );
    let short = asker.ask(
        "short-name",
        "short name of the SWV",
        args.short_name,
        None,
        true,
        any,
    );
    let website = asker.ask(
        "website",
        "website of the SWV",
        args.website,
        None,
        false,
        &prompt::url,
    );
    asker.say("The coordinator of the buddy programme:");
    let contact = ask_contact(
        asker,
        "contact",
        [
            args.contact_name,
            args.contact_role,
            args.contact_email,
            args.contact_phone,
            args.contact_hours,
        ],
        "coordinator",
        "coördinator buddyprogramma",
    );
    asker.say("The first school (add more later with: buddysite new school):");
    let pairs = crate::check::contrast::default_pairs();
    let school = ask_school(asker, args.school, &pairs, &|_| Ok(()));
    if let Some(problems) = asker.problems() {
        return Err(Failure::Usage(problems));
    }
    let (Some(name), Some(short_name), Some(contact), Some(school)) =
        (swv_name, short, contact, school)
    else {
        return Err(Failure::Usage("some values are missing".into()));
    };
    let swv = SwvInput {
        name,
        short_name,
        website,
        contact,
    };
    let dir = args.dir;
    let files = write_project(&dir, &swv, &school).map_err(Failure::Other)?;
    Ok((dir, files, school.slug))
}

/// Asks for a contact block; `values` are the flags for name, role, email, phone, hours.
pub fn ask_contact(
    asker: &mut Asker<'_>,
    prefix: &str,
    values: [Option<String>; 5],
    who: &str,
    role_default: &str,
) -> Option<crate::load::config::Contact> {
    let [name, role, email, phone, hours] = values;
    let name = asker.ask(
        &format!("{prefix}-name"),
        &format!("name of the {who}"),
        name,
        None,
        true,
        &prompt::any,
    );
    let role = asker.ask(
        &format!("{prefix}-role"),
        &format!("role of the {who}"),
        role,
        Some(role_default.to_owned()),
        true,
        &prompt::any,
    );
    let email = asker.ask(
        &format!("{prefix}-email"),
        &format!("e-mail of the {who}"),
        email,
        None,
        true,
        &prompt::email,
    );
    let phone = asker.ask(
        &format!("{prefix}-phone"),
        &format!("phone of the {who}"),
        phone,
        None,
        false,
        &prompt::phone,
    );
    let hours = asker.ask(
        &format!("{prefix}-hours"),
        &format!("when the {who} can be reached"),
        hours,
        None,
        false,
        &prompt::any,
    );
    Some(crate::load::config::Contact {
        name: name?,
        role,
        email,
        phone,
        hours,
    })
}

/// Asks for a school; `slug_ok` adds the project's own rules (an existing school).
pub fn ask_school(
    asker: &mut Asker<'_>,
    args: SchoolArgs,
    pairs: &[crate::check::contrast::Pair],
    slug_ok: &dyn Fn(&str) -> Result<(), String>,
) -> Option<SchoolInput> {
    let name = asker.ask(
        "school-name",
        "name of the school",
        args.school_name,
        None,
        true,
        &prompt::any,
    );
    let suggested = name
        .as_deref()
        .map(crate::paths::slugify)
        .filter(|s| !s.is_empty());
    let check_slug = |s: &str| {
        super::new::slug_problem(s)
            .map_or(Ok(()), Err)
            .and_then(|()| slug_ok(s))
    };
    // A slug made from the name must pass the same rules as one typed in.
    let suggested = suggested.filter(|s| check_slug(s).is_ok());
    let slug = asker.ask(
        "school-slug",
        "folder name of the school's site",
        args.school_slug,
        suggested,
        // Without a name there is no suggestion; the missing name is reported instead.
        name.is_some() || asker.is_interactive(),
        &check_slug,
    );
    let kind = asker.ask(
        "school-kind",
        "kind of school: basisschool, sbo, so, vo or vso",
        args.school_kind,
        Some("basisschool".into()),
        true,
        &prompt::kind,
    );
    let place = asker.ask(
        "school-place",
        "town or village of the school",
        args.school_place,
        None,
        true,
        &prompt::any,
    );
    let color_ok = |c: &str| super::new::color_problem(pairs, c).map_or(Ok(()), Err);
    let color = asker.ask(
        "school-color",
        "brand colour of the school, e.g. #1d4f91",
        args.school_color,
        None,
        true,
        &color_ok,
    );
    let base_url = asker.ask(
        "school-url",
        "web address of the school's site (https://…)",
        args.school_url,
        None,
        false,
        &prompt::url,
    );
    asker.say("The school's contact for the programme (often the intern begeleider):");
    let contact = ask_contact(
        asker,
        "school-contact",
        [
            args.school_contact_name,
            args.school_contact_role,
            args.school_contact_email,
            args.school_contact_phone,
            args.school_contact_hours,
        ],
        "school's contact",
        "intern begeleider",
    );
    Some(SchoolInput {
        slug: slug?,
        name: name?,
        kind: kind?,
        place: place?,
        color: color?,
        contact: contact?,
        base_url,
    })
}

/// The example buddy: clearly an example, with a consent date that has passed, so it shows
/// how a profile looks without ever being published.
fn example_buddy() -> String {
    scaffold::buddy_md(&scaffold::BuddyInput {
        name: "Voorbeeld".into(),
        summary: "Dit is een voorbeeldprofiel. Het staat niet online: de toestemming is verlopen."
            .into(),
        themes: vec!["gedrag".into()],
        languages: vec!["nl".into()],
        meet: vec!["telefoon".into(), "koffie".into()],
        consent_until: "2025-01-31".into(),
        story:
            "VOORBEELD. Dit profiel laat zien hoe een buddy zich voorstelt. Omdat de datum bij \
                `consent_until` voorbij is, staat het op geen enkele site, en `buddysite check` \
                waarschuwt erover.\n\nMaak een echt profiel met `buddysite new buddy <naam>` en \
                verwijder dan dit bestand.\n\nHier vertelt de buddy in eigen woorden over het \
                eigen kind, wat er op school gebeurde en waarbij de buddy andere ouders kan helpen."
                .into(),
    })
}

/// Writes the new project into `dir`; returns the number of files.
pub fn write_project(dir: &Path, swv: &SwvInput, school: &SchoolInput) -> Result<usize, String> {
    ensure_empty(dir)?;
    let mut files: Vec<(String, String)> = vec![
        ("buddysite.yaml".into(), scaffold::config_yaml(swv)),
        (
            format!("schools/{}.yaml", school.slug),
            scaffold::school_yaml(school),
        ),
        ("content/buddys/voorbeeld.md".into(), example_buddy()),
        ("README.md".into(), README.replace("{swv}", &swv.short_name)),
        (
            ".gitignore".into(),
            "/public/\n/.buddysite-cache/\n.buddysite-lock\n".into(),
        ),
        (
            ".vscode/settings.json".into(),
            crate::schema::vscode_settings(),
        ),
        (
            ".vscode/extensions.json".into(),
            crate::schema::vscode_extensions(),
        ),
    ];
    for (rel, text) in PAGES {
        files.push((format!("content/{rel}"), (*text).to_owned()));
    }
    // A new project is in one language: the example's translations (`kosten.en.md`) stay out.
    let is_translation = |name: &str| {
        name.strip_suffix(".md")
            .and_then(|stem| stem.rsplit_once('.'))
            .is_some()
    };
    for f in FAQ.files() {
        let name = f.path().to_string_lossy();
        if is_translation(&name) {
            continue;
        }
        let text = String::from_utf8_lossy(f.contents()).into_owned();
        files.push((format!("content/vragen/{}", f.path().display()), text));
    }
    for s in crate::schema::all() {
        files.push((
            format!("{}/{}", crate::schema::DEFAULT_DIR, s.name),
            crate::schema::to_text(&s.schema),
        ));
    }
    for (rel, text) in &files {
        super::new::write_new(&dir.join(rel), text)?;
    }
    Ok(files.len())
}
