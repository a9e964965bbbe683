//! The `buddysite` command line: a thin layer over the library.

use buddysite::build::Report;
use buddysite::cli;
use buddysite::cli::args::{Command, WatchArgs};
use buddysite::messages::{self, Lang};
use buddysite::output::Left;
use buddysite::serve::{self, Event, Hub};
use buddysite::session::{Plan, Session};
use buddysite::text;
use buddysite::watch::{self, Watcher};
use buddysite::{build, Diagnostics};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

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
    eprintln!("{}", text!(CLI_NO_ROOT, root = root.display().to_string()));
    Err(ExitCode::from(USAGE))
}

fn main() -> ExitCode {
    let cli = cli::help::parse();
    match Lang::choose(cli.lang.as_deref()) {
        Ok(lang) => messages::set_language(lang),
        Err(asked) => {
            eprintln!("{}", text!(CLI_UNKNOWN_LANG, lang = asked));
            return ExitCode::from(USAGE);
        }
    }
    let root = match &cli.command {
        Command::Build { root, .. }
        | Command::Serve { root, .. }
        | Command::Translations { root, .. } => Some(root.clone()),
        _ => None,
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
                "{}",
                text!(CLI_WATCHING, root = session.root().display().to_string())
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
                [url] => println!(
                    "{}",
                    text!(
                        CLI_SERVING_AT,
                        dir = session.output_dir().display().to_string(),
                        url = url
                    )
                ),
                _ => {
                    println!(
                        "{}",
                        text!(
                            CLI_SERVING_AT_MANY,
                            dir = session.output_dir().display().to_string()
                        )
                    );
                    for url in &urls {
                        println!("  {url}");
                    }
                }
            }
            if server.is_public() {
                println!("{}", text!(CLI_BIND_PUBLIC, bind = &bind));
            }
            if let (true, Some(url)) = (open, urls.first()) {
                open_browser(url);
            }
            let dir = session.output_dir().to_owned();
            let serving = {
                let hub = hub.clone();
                let letters = session.letters();
                std::thread::spawn(move || server.run(dir, hub, letters))
            };
            if let (Some(hub), Some(mut watcher)) = (hub, watcher) {
                println!(
                    "{}",
                    text!(CLI_WATCHING, root = session.root().display().to_string())
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
        Command::Check {
            root,
            strict,
            format,
        } => cli::check(&root, strict, format),
        Command::Init(args) => cli::init::run(args),
        Command::New(args) => cli::new::run(args),
        Command::Schema(args) => cli::schema(&args),
        Command::Consents(args) => cli::consents(&args),
        Command::Translations {
            root,
            language,
            strict,
            mark,
        } => translations(&root, language.as_deref(), strict, &mark),
    }
}

/// `buddysite translations`: the status listing, or `--mark`.
fn translations(root: &Path, lang: Option<&str>, strict: bool, mark: &[PathBuf]) -> ExitCode {
    use buddysite::check::translations as tr;
    use buddysite::load::translations::mark::{mark as mark_files, MarkError};
    use buddysite::load::translations::read_tree;
    if mark.is_empty() {
        return match tr::status_of(root, lang) {
            Ok((report, problems)) => {
                for d in problems.iter().chain(&report.warnings) {
                    eprintln!("{d}");
                }
                print!("{}", report.text);
                ExitCode::from(report.exit_code(strict))
            }
            Err(e) => {
                eprintln!("{}", text!(CLI_ERROR, message = e));
                ExitCode::from(USAGE)
            }
        };
    }
    let (tree, _) = read_tree(root);
    match mark_files(root, &tree, mark) {
        Ok(done) => {
            for m in done {
                let (file, source, hash) = (&m.file, &m.source, &m.hash);
                println!(
                    "{}",
                    if m.changed {
                        text!(CLI_MARKED, file = file, source = source, hash = hash)
                    } else {
                        text!(
                            CLI_ALREADY_MARKED,
                            file = file,
                            source = source,
                            hash = hash
                        )
                    }
                );
            }
            ExitCode::SUCCESS
        }
        Err(MarkError::Refused(refused)) => {
            for r in refused {
                eprintln!("{}", text!(CLI_ERROR, message = r));
            }
            eprintln!("{}", text!(CLI_NO_FILE_CHANGED));
            ExitCode::from(USAGE)
        }
        Err(MarkError::Failed { done, error }) => {
            for m in done {
                println!(
                    "{}",
                    text!(CLI_MARKED_SHORT, file = &m.file, hash = &m.hash)
                );
            }
            eprintln!("{}", text!(CLI_ERROR, message = error));
            ExitCode::FAILURE
        }
    }
}

fn new_watcher(root: &Path, args: &WatchArgs) -> Result<Watcher, String> {
    Watcher::new(root, args.poll, Duration::from_millis(args.debounce))
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{}", text!(CLI_ERROR, message = message));
    ExitCode::FAILURE
}

fn build_once(root: &Path, output: Option<&Path>, schools: &[String], pdf: bool) -> ExitCode {
    let project = match build::load(root) {
        Ok(p) => p,
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("{}", text!(CLI_BUILD_FAILED_NOTHING));
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
            println!(
                "{}",
                text!(
                    CLI_BUILT,
                    report = report.to_string(),
                    dir = out.display().to_string()
                )
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{problems}");
            let state = match buddysite::output::left(&problems) {
                Left::AsItWas => text!(CLI_LEFT_AS_IT_WAS),
                Left::Mixed => {
                    text!(CLI_LEFT_MIXED)
                }
                Left::NewSite => text!(CLI_LEFT_NEW),
            };
            eprintln!(
                "{}",
                text!(
                    CLI_BUILD_FAILED,
                    dir = out.display().to_string(),
                    state = state
                )
            );
            ExitCode::FAILURE
        }
    }
}

fn report_rebuild(plan: &Plan, result: &Result<Report, Diagnostics>) {
    let what = match plan {
        Plan::Everything => text!(CLI_REBUILT_EVERYTHING),
        Plan::Schools(s) => text!(
            CLI_REBUILT_SCHOOLS,
            schools = s.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
        Plan::Content(c) => text!(
            CLI_REBUILT_CONTENT,
            files = c.iter().cloned().collect::<Vec<_>>().join(", content/")
        ),
        Plan::Nothing => return,
    };
    match result {
        Ok(report) => {
            print_warnings(report);
            println!(
                "{}",
                text!(
                    CLI_REBUILT,
                    what = what,
                    elapsed = format!("{:.1?}", report.elapsed),
                    written = report.written.written.len(),
                    removed = report.written.deleted.len()
                )
            );
        }
        Err(problems) => {
            eprintln!("{problems}");
            let state = match buddysite::output::left(problems) {
                Left::AsItWas => text!(CLI_STILL_SERVING),
                Left::Mixed => {
                    text!(CLI_PREVIEW_MIXED)
                }
                Left::NewSite => text!(CLI_PREVIEW_NEW),
            };
            eprintln!("{}", text!(CLI_REBUILD_FAILED, what = what, state = state));
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
        println!("{}", text!(CLI_OPEN_IN_BROWSER, url = url));
    }
}
