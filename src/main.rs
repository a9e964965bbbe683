//! The `buddysite` command line: a thin layer over the library.

use buddysite::{build, Diagnostics, Project};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Static sites for the parent-buddy programme of a samenwerkingsverband: one per school.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every school's site and the overview into the output folder.
    Build {
        /// Project folder (holds buddysite.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: `output:` in buddysite.yaml, else `public`).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Build only this school (its slug); may be repeated.
        #[arg(long = "school", value_name = "SLUG")]
        schools: Vec<String>,
    },
    /// Render everything in memory and report every problem; writes nothing.
    Check {
        /// Project folder (holds buddysite.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Create a new SWV project from the built-in example.
    Init {
        /// Folder to create (must be new or empty).
        dir: PathBuf,
    },
}

fn report_problems(problems: &Diagnostics) {
    eprintln!("{problems}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, output, schools } => {
            let project = match Project::load(&root) {
                Ok(p) => p,
                Err(problems) => {
                    report_problems(&problems);
                    eprintln!("build failed: nothing was written");
                    return ExitCode::FAILURE;
                }
            };
            let out = build::output_dir(&project, output.as_deref());
            match build::build(&project, &out, &schools) {
                Ok(report) => {
                    if !report.warnings.is_empty() {
                        for w in &report.warnings.0 {
                            eprintln!("{w}");
                        }
                    }
                    println!("{report} -> {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    report_problems(&problems);
                    eprintln!("build failed: the output in {} was left as it was", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { root, strict } => {
            let problems = match Project::load(&root) {
                Ok(project) => build::check(&project),
                Err(problems) => problems,
            };
            if problems.is_empty() {
                println!("no problems found");
                return ExitCode::SUCCESS;
            }
            report_problems(&problems);
            if problems.has_errors() || (strict && !problems.is_empty()) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Init { dir } => match buddysite::init::init(&dir) {
            Ok(n) => {
                println!(
                    "created a new buddysite project in {} ({n} files); build it with: buddysite build --root {}",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
