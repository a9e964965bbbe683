//! The editor's commands beyond build and serve: `init`, `new`, `schema`, `consents`, and
//! `check --format`. Library code, so tests and the thin `main.rs` share it; each command's
//! clap arguments live next to it.

pub mod consents;
pub mod format;
pub mod init;
pub mod new;
pub mod out;
pub mod prompt;
pub mod scaffold;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code for wrong usage, as clap uses.
pub const USAGE: u8 = 2;

/// Arguments of `buddysite schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Project folder (holds buddysite.yaml); the schemas go into its `schemas/` folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Folder to write the schemas into instead (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `buddysite schema`: writes the JSON Schemas.
pub fn schema(args: &SchemaArgs) -> ExitCode {
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| args.root.join(crate::schema::DEFAULT_DIR));
    match crate::schema::write_all(&dir) {
        Ok(files) => {
            out::stdout(&format!(
                "wrote {} schemas to {}; VS Code's YAML extension uses them through .vscode/settings.json",
                files.len(),
                dir.display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// Arguments of `buddysite consents`.
#[derive(Debug, clap::Args)]
pub struct ConsentsArgs {
    /// Project folder (holds buddysite.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Exit with code 1 when a consent ends within this many days (or has ended).
    #[arg(long, default_value_t = crate::load::date::WARN_DAYS, value_name = "DAYS")]
    pub within: i32,
}

/// `buddysite consents`: the consent table; exit code 1 when one ends within the window.
pub fn consents(args: &ConsentsArgs) -> ExitCode {
    if let Err(code) = check_root(&args.root) {
        return code;
    }
    let today = match crate::load::date::today() {
        Ok(t) => t,
        Err(d) => return fail(&d.to_string()),
    };
    let project = match crate::project::Project::load_with_problems(&args.root, today) {
        Ok((project, _)) => project,
        Err(problems) => {
            out::stderr(&problems.to_string());
            return ExitCode::FAILURE;
        }
    };
    let (table, alert) = consents::report(&project, args.within);
    let code = i32::from(alert);
    out::line(out::Stream::Stdout, table.trim_end(), code);
    ExitCode::from(code as u8)
}

/// `buddysite check`: loads, renders in memory, prints the problems in `format`.
pub fn check(root: &Path, strict: bool, format: format::Format) -> ExitCode {
    if let Err(code) = check_root(root) {
        return code;
    }
    let problems = match crate::build::load(root) {
        Ok(project) => crate::build::check(&project),
        Err(problems) => problems,
    };
    ExitCode::from(format::print(&problems, format, root, strict))
}

/// `--root` must be an existing folder: anything else is a usage error, not a content error.
pub fn check_root(root: &Path) -> Result<(), ExitCode> {
    if root.is_dir() {
        return Ok(());
    }
    let root = root.display().to_string();
    out::stderr(&crate::text!(CLI_NO_ROOT, root = root).to_string());
    Err(ExitCode::from(USAGE))
}

/// Prints `error: message` and returns exit code 1.
pub fn fail(message: &str) -> ExitCode {
    out::stderr(&crate::text!(CLI_ERROR, message = message).to_string());
    ExitCode::FAILURE
}

/// Prints `error: message` and returns the usage exit code 2.
pub fn usage(message: &str) -> ExitCode {
    out::stderr(&crate::text!(CLI_ERROR, message = message).to_string());
    ExitCode::from(USAGE)
}
