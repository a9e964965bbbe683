//! The `buddysite` command line: a thin layer over the library.

use buddysite::build::Report;
use buddysite::output::Left;
use buddysite::serve::{self, Event, Hub};
use buddysite::session::{Plan, Session};
use buddysite::watch::{self, Watcher};
use buddysite::{build, Diagnostics};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Static sites for the parent-buddy programme of a samenwerkingsverband: one per school.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct WatchArgs {
    /// Use polling instead of file system events (WSL, Docker mounts, network drives).
    #[arg(long)]
    poll: bool,
    /// How long to gather the events of one save before rebuilding, in milliseconds.
    #[arg(long, default_value_t = 30, value_name = "MS")]
    debounce: u64,
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
        /// Keep running and rebuild what changed whenever a file is saved (without PDFs).
        #[arg(long)]
        watch: bool,
        /// Skip the letters' PDFs (quicker; the letter pages then link no PDF).
        #[arg(long)]
        no_pdf: bool,
        #[command(flatten)]
        watch_args: WatchArgs,
    },
    /// Build, then serve the sites on this computer for previewing.
    Serve {
        /// Project folder (holds buddysite.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: `output:` in buddysite.yaml, else `public`).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Rebuild on every save and reload open pages.
        #[arg(long)]
        watch: bool,
        /// Port to listen on.
        #[arg(long, default_value_t = serve::DEFAULT_PORT)]
        port: u16,
        /// Address to listen on; the default only accepts this computer.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the overview in the browser.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        watch_args: WatchArgs,
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

fn print_warnings(report: &Report) {
    for w in &report.warnings.0 {
        eprintln!("{w}");
    }
}

/// Exit code for wrong usage (a folder that does not exist, an unknown school), as clap uses.
const USAGE: u8 = 2;

/// `--root` must be an existing folder: anything else is a usage error, not a content error.
fn check_root(root: &Path) -> Result<(), ExitCode> {
    if root.is_dir() {
        return Ok(());
    }
    eprintln!(
        "error: the project folder {} does not exist; pass the folder that holds buddysite.yaml with --root",
        root.display()
    );
    Err(ExitCode::from(USAGE))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = match &cli.command {
        Command::Build { root, .. } | Command::Serve { root, .. } | Command::Check { root, .. } => {
            Some(root.clone())
        }
        Command::Init { .. } => None,
    };
    if let Some(root) = root {
        if let Err(code) = check_root(&root) {
            return code;
        }
    }
    match cli.command {
        Command::Build {
            root,
            output,
            schools,
            watch: false,
            no_pdf,
            ..
        } => build_once(&root, output.as_deref(), &schools, !no_pdf),
        Command::Build {
            root,
            output,
            watch: true,
            watch_args,
            ..
        } => {
            // Watch before the first build, so a save during it is not missed.
            let mut watcher = match new_watcher(&root, &watch_args) {
                Ok(w) => w,
                Err(e) => return fail(&e),
            };
            let (mut session, first) = Session::start(&root, output.as_deref());
            report_rebuild(&Plan::Everything, &first);
            println!(
                "watching {} for changes (Ctrl+C to stop)",
                session.root().display()
            );
            watch::rebuild_on_changes(&mut session, &mut watcher, report_rebuild);
            ExitCode::SUCCESS
        }
        Command::Serve {
            root,
            output,
            watch,
            port,
            bind,
            open,
            watch_args,
        } => {
            let server = match serve::bind(&bind, port) {
                Ok(s) => s,
                Err(e) => return fail(&e),
            };
            // Watch before the first build, so a save during it is not missed.
            let watcher = match watch.then(|| new_watcher(&root, &watch_args)).transpose() {
                Ok(w) => w,
                Err(e) => return fail(&e),
            };
            let (mut session, first) = Session::start(&root, output.as_deref());
            report_rebuild(&Plan::Everything, &first);
            if first.is_err() && !watch {
                return ExitCode::FAILURE;
            }
            let hub = watch.then(|| Arc::new(Hub::default()));
            if let (Some(hub), Err(problems)) = (&hub, &first) {
                hub.publish(&Event::Failed(problems.clone()));
            }
            let urls = server.urls();
            match urls.as_slice() {
                [url] => println!("serving {} at {url}", session.output_dir().display()),
                _ => {
                    println!("serving {} at:", session.output_dir().display());
                    for url in &urls {
                        println!("  {url}");
                    }
                }
            }
            if server.is_public() {
                println!(
                    "warning: with --bind {bind} the site is now visible to other computers on the network; leave out --bind to keep it on this computer"
                );
            }
            if let (true, Some(url)) = (open, urls.first()) {
                open_browser(url);
            }
            let dir = session.output_dir().to_owned();
            let serving = {
                let hub = hub.clone();
                std::thread::spawn(move || server.run(dir, hub))
            };
            if let (Some(hub), Some(mut watcher)) = (hub, watcher) {
                println!(
                    "watching {} for changes (Ctrl+C to stop)",
                    session.root().display()
                );
                watch::rebuild_on_changes(&mut session, &mut watcher, |plan, result| {
                    report_rebuild(plan, result);
                    match result {
                        Ok(report) => {
                            let mut paths = report.written.written.clone();
                            paths.extend(report.written.deleted.iter().cloned());
                            hub.publish(&Event::Changed(paths));
                        }
                        Err(problems) => hub.publish(&Event::Failed(problems.clone())),
                    }
                });
            }
            let _ = serving.join();
            ExitCode::SUCCESS
        }
        Command::Check { root, strict } => {
            let problems = match build::load(&root) {
                Ok(project) => build::check(&project),
                Err(problems) => problems,
            };
            if problems.is_empty() {
                println!("no problems found");
                return ExitCode::SUCCESS;
            }
            eprintln!("{problems}");
            if problems.has_errors() || strict {
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
            Err(e) => fail(&e),
        },
    }
}

fn new_watcher(root: &Path, args: &WatchArgs) -> Result<Watcher, String> {
    Watcher::new(root, args.poll, Duration::from_millis(args.debounce))
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

fn build_once(root: &Path, output: Option<&Path>, schools: &[String], pdf: bool) -> ExitCode {
    let project = match build::load(root) {
        Ok(p) => p,
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("build failed: nothing was written");
            return ExitCode::FAILURE;
        }
    };
    if let Err(problems) = build::select_schools(&project, schools) {
        eprintln!("{problems}");
        return ExitCode::from(USAGE);
    }
    let out = build::output_dir(&project, output);
    match build::build_with(&project, &out, schools, pdf) {
        Ok(report) => {
            print_warnings(&report);
            println!("{report} -> {}", out.display());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{problems}");
            let state = match buddysite::output::left(&problems) {
                Left::AsItWas => "was left as it was",
                Left::Mixed => {
                    "is a mix of the old and the new site; build again once the cause is fixed"
                }
                Left::NewSite => "holds the new site, but build again once the cause is fixed",
            };
            eprintln!("build failed: the output in {} {state}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn report_rebuild(plan: &Plan, result: &Result<Report, Diagnostics>) {
    let what = match plan {
        Plan::Everything => "everything".to_owned(),
        Plan::Schools(s) => format!(
            "school {}",
            s.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
        Plan::Content(c) => format!(
            "the pages that show content/{}",
            c.iter().cloned().collect::<Vec<_>>().join(", content/")
        ),
        Plan::Nothing => return,
    };
    match result {
        Ok(report) => {
            print_warnings(report);
            println!(
                "rebuilt {what} in {:.1?}: {} files written, {} removed",
                report.elapsed,
                report.written.written.len(),
                report.written.deleted.len()
            );
        }
        Err(problems) => {
            eprintln!("{problems}");
            let state = match buddysite::output::left(problems) {
                Left::AsItWas => "still serving the last good version",
                Left::Mixed => {
                    "the preview shows a mix of the old and the new site until a rebuild succeeds"
                }
                Left::NewSite => "the new version is in place, but fix the cause",
            };
            eprintln!("rebuilding {what} failed: {state}");
        }
    }
}

fn open_browser(url: &str) {
    let result = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if result.is_err() {
        println!("open {url} in your browser");
    }
}
