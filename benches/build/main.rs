//! Build benchmark: a synthetic SWV of N schools, built from scratch in a new process, copied
//! with `cp -r` (the floor: the cost of writing those bytes and files at all), rebuilt with
//! nothing changed, and rebuilt after a change through the same session that `serve --watch`
//! uses; and, when Hugo is installed, the same pages built by Hugo.
//!
//! ```text
//! cargo bench --bench build                                  # N = 200, output on disk and tmpfs
//! cargo bench --bench build -- --schools 1000
//! cargo bench --bench build -- --schools 200,1000,10000 --fs tmpfs
//! BUDDYSITE_BENCH_SCHOOLS=1000 cargo bench --bench build
//! cargo bench --bench build -- --help
//! ```
//!
//! Not a test: CI only compiles it (`cargo bench --no-run`). Every figure is the median over
//! several runs; peak RSS comes from the OS (`wait4`'s rusage of the child process).

mod hugo;
mod pdf;
mod synth;

use buddysite::build;
use buddysite::session::{Plan, Session};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo bench --bench build -- [options]

  --schools N[,N...]  numbers of schools (default 200; env BUDDYSITE_BENCH_SCHOOLS)
  --runs R            runs per figure, the median is shown (default 5, 3 from N = 5000;
                      env BUDDYSITE_BENCH_RUNS)
  --fs disk|tmpfs|both  where the project and its output live (default both)
  --dir PATH          folder for the disk runs (default: cargo's target/tmp)
  --no-hugo           skip the Hugo comparison even if `hugo` is installed
  --hugo-max N        compare with Hugo only up to N schools (default 2000: Hugo keeps
                      every page in memory, about 2.6 MiB per school)
  --languages L       languages of the synthetic SWV (default 1; 3 = nl, en, ar): every
                      school publishes each, with translated home page, letter, intros and
                      contact, and half of the buddies and FAQ answers
  --keep              keep the generated projects and outputs
  --no-pdf            skip the PDF letter figures (cold/warm with and without PDFs)
  --generate DIR      only write the project of N schools into DIR (for profiling:
                      `buddysite build --root DIR --output OUT`)
";

/// Targets of the issue, for N = 200 with the output on tmpfs unless said otherwise.
const TARGET_FLOOR_RATIO: f64 = 2.5;
const TARGET_SCHOOL_MS: f64 = 20.0;
const TARGET_SHARED_MS: f64 = 150.0;
const TARGET_RSS_MIB_1000: f64 = 100.0;
const TARGET_HUGO_RATIO: f64 = 4.0;
const TARGET_N: usize = 200;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        std::process::exit(child(&args[1..]));
    }
    let options = match Options::parse(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Some(dir) = &options.generate {
        let n = options.schools[0];
        match synth::write_project(dir, n) {
            Ok(w) => println!("wrote {n} schools ({} files) to {}", w.files, dir.display()),
            Err(e) => {
                eprintln!("cannot write {}: {e}", dir.display());
                std::process::exit(1);
            }
        }
        return;
    }
    if let Err(e) = bench(&options) {
        eprintln!("benchmark failed: {e}");
        std::process::exit(1);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fs {
    Disk,
    Tmpfs,
}

struct Options {
    schools: Vec<usize>,
    runs: Option<usize>,
    fs: Vec<Fs>,
    dir: PathBuf,
    hugo: bool,
    hugo_max: usize,
    keep: bool,
    pdf: bool,
    generate: Option<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let list = |s: &str| -> Result<Vec<usize>, String> {
            s.split(',')
                .map(|n| {
                    n.trim()
                        .replace('_', "")
                        .parse::<usize>()
                        .map_err(|_| format!("not a number of schools: `{n}`"))
                })
                .filter(|n| !matches!(n, Ok(0)))
                .collect()
        };
        let mut o = Options {
            schools: match std::env::var("BUDDYSITE_BENCH_SCHOOLS") {
                Ok(s) if !s.trim().is_empty() => list(&s)?,
                _ => vec![TARGET_N],
            },
            runs: match std::env::var("BUDDYSITE_BENCH_RUNS") {
                Ok(s) if !s.trim().is_empty() => Some(
                    s.trim()
                        .parse()
                        .map_err(|_| format!("not a number of runs: `{s}`"))?,
                ),
                _ => None,
            },
            fs: vec![Fs::Disk, Fs::Tmpfs],
            dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")),
            hugo: true,
            hugo_max: 2000,
            keep: false,
            pdf: true,
            generate: None,
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
                _ => (arg.as_str(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| it.next().cloned())
                    .ok_or(format!("{flag} needs a value"))
            };
            match flag {
                "--schools" | "-n" => o.schools = list(&value()?)?,
                "--runs" => {
                    o.runs = Some(
                        value()?
                            .parse()
                            .map_err(|_| "--runs needs a number".to_owned())?,
                    )
                }
                "--fs" => {
                    o.fs = match value()?.as_str() {
                        "disk" => vec![Fs::Disk],
                        "tmpfs" => vec![Fs::Tmpfs],
                        "both" => vec![Fs::Disk, Fs::Tmpfs],
                        other => {
                            return Err(format!("--fs must be disk, tmpfs or both, not `{other}`"))
                        }
                    }
                }
                "--dir" => o.dir = PathBuf::from(value()?),
                "--no-hugo" => o.hugo = false,
                "--no-pdf" => o.pdf = false,
                "--hugo-max" => {
                    o.hugo_max = value()?
                        .parse()
                        .map_err(|_| "--hugo-max needs a number".to_owned())?
                }
                "--languages" => {
                    let n: usize = value()?
                        .parse()
                        .map_err(|_| "--languages needs a number".to_owned())?;
                    if !(1..=synth::LANGUAGES.len() + 1).contains(&n) {
                        return Err(format!(
                            "--languages must be 1 to {}",
                            synth::LANGUAGES.len() + 1
                        ));
                    }
                    // Read by synth::write_project, here and in the child processes.
                    std::env::set_var("BUDDYSITE_BENCH_LANGUAGES", n.to_string());
                    // Hugo's synthetic site has one language: no fair comparison.
                    o.hugo = o.hugo && n == 1;
                }
                "--keep" => o.keep = true,
                "--generate" => o.generate = Some(PathBuf::from(value()?)),
                "--help" | "-h" => return Err("buddysite build benchmark".into()),
                // `cargo bench` passes `--bench`; test-name filters do not apply here.
                "--bench" => {}
                other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
                _ => {}
            }
        }
        if o.schools.is_empty() {
            return Err("no number of schools given".into());
        }
        Ok(o)
    }

    fn runs_for(&self, n: usize) -> usize {
        self.runs.unwrap_or(if n >= 5000 { 3 } else { 5 }).max(1)
    }
}

// ---------------------------------------------------------------------------------------
// Child processes: the build measured as the command line runs it, so peak RSS is its own.

/// `--child build ROOT OUT` and `--child session ROOT OUT N RUNS`.
fn child(args: &[String]) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("build") if args.len() == 3 => {
            child_build(Path::new(&args[1]), Path::new(&args[2]), true)
        }
        Some("build-nopdf") if args.len() == 3 => {
            child_build(Path::new(&args[1]), Path::new(&args[2]), false)
        }
        Some("session") if args.len() == 5 => match (args[3].parse(), args[4].parse()) {
            (Ok(n), Ok(runs)) => child_session(Path::new(&args[1]), Path::new(&args[2]), n, runs),
            _ => Err("bad numbers".into()),
        },
        _ => Err(format!("bad child arguments: {args:?}")),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}

/// Loads and builds like `buddysite build --root ROOT --output OUT`, and insists on a clean
/// build: no errors and no warnings.
fn child_build(root: &Path, out: &Path, pdf: bool) -> Result<(), String> {
    let started = Instant::now();
    let project = build::load(root).map_err(|d| format!("build::load failed:\n{d}"))?;
    let loaded = started.elapsed();
    let report = build::build_with(&project, out, &[], pdf)
        .map_err(|d| format!("build::build failed:\n{d}"))?;
    let built = started.elapsed() - loaded;
    if !report.warnings.is_empty() {
        return Err(format!("the build is not clean:\n{}", report.warnings));
    }
    println!(
        "load_us={} build_us={} pages={} files={} written={} unchanged={} encoded={}",
        loaded.as_micros(),
        built.as_micros(),
        report.pages,
        report.files,
        report.written.written.len(),
        report.written.unchanged,
        report.images.encoded
    );
    Ok(())
}

/// Starts a session, then times `rebuild_everything` with nothing changed, and `apply` after
/// one school's YAML and after one shared content file changed (each once untimed first).
fn child_session(root: &Path, out: &Path, n: usize, runs: usize) -> Result<(), String> {
    let started = Instant::now();
    let (mut session, first) = Session::start(root, Some(out));
    let start = started.elapsed();
    first.map_err(|d| format!("Session::start failed:\n{d}"))?;
    let mut noop = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let report = session
            .rebuild_everything()
            .map_err(|d| format!("rebuild_everything failed:\n{d}"))?;
        noop.push(t.elapsed());
        if !report.written.written.is_empty() {
            return Err(format!(
                "a no-op rebuild wrote {} files",
                report.written.written.len()
            ));
        }
        if report.images.encoded != 0 {
            return Err(format!(
                "a no-op rebuild in the session encoded {} images",
                report.images.encoded
            ));
        }
    }
    let index = n / 2;
    let school = synth::schools(n).swap_remove(index);
    let school_path = root.join(format!("schools/{}.yaml", school.slug));
    let shared_path = root.join(synth::SHARED_FILE);
    let faq_index = synth::FAQ
        .iter()
        .position(|(id, _)| synth::SHARED_FILE.ends_with(&format!("/{id}.md")))
        .unwrap_or(0);
    let mut timed = |path: &Path, text: &dyn Fn(usize) -> String, want: &dyn Fn(&Plan) -> bool| {
        let mut times = Vec::new();
        let mut written = 0;
        for variant in 1..=runs + 1 {
            std::fs::write(path, text(variant))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let t = Instant::now();
            let applied = session.apply(&[path.to_owned()]);
            let elapsed = t.elapsed();
            let (plan, result) = applied.ok_or("apply planned nothing")?;
            if !want(&plan) {
                return Err(format!("unexpected plan {plan:?}"));
            }
            let report = result.map_err(|d| format!("apply failed:\n{d}"))?;
            if report.written.written.is_empty() {
                return Err("apply wrote nothing after a change".into());
            }
            written = report.written.written.len();
            if variant > 1 {
                times.push(elapsed);
            }
        }
        Ok::<_, String>((times, written))
    };
    let (school_times, school_written) = timed(
        &school_path,
        &|v| school.yaml(index, v),
        &|p| matches!(p, Plan::Schools(s) if s.len() == 1),
    )?;
    let (shared_times, shared_written) =
        timed(&shared_path, &|v| synth::faq_entry(faq_index, v), &|p| {
            !matches!(p, Plan::Nothing | Plan::Schools(_))
        })?;
    // Leave the project as generated.
    std::fs::write(&school_path, school.yaml(index, 0)).map_err(|e| e.to_string())?;
    std::fs::write(&shared_path, synth::faq_entry(faq_index, 0)).map_err(|e| e.to_string())?;
    let us = |v: &[Duration]| {
        v.iter()
            .map(|d| d.as_micros().to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    println!(
        "start_us={} noop_us={} school_us={} school_written={} shared_us={} shared_written={}",
        start.as_micros(),
        us(&noop),
        us(&school_times),
        school_written,
        us(&shared_times),
        shared_written
    );
    Ok(())
}

/// A finished child process.
struct Ran {
    wall: Duration,
    max_rss_kib: u64,
    stdout: String,
}

impl Ran {
    fn field(&self, key: &str) -> Option<&str> {
        self.stdout
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
    }
    fn num(&self, key: &str) -> u64 {
        self.field(key).and_then(|v| v.parse().ok()).unwrap_or(0)
    }
    fn durations(&self, key: &str) -> Vec<Duration> {
        self.field(key)
            .unwrap_or("")
            .split(',')
            .filter_map(|v| v.parse().ok())
            .map(Duration::from_micros)
            .collect()
    }
}

/// Runs `cmd` to the end, timing it and reading its own peak RSS with `wait4`.
fn run(cmd: &mut Command) -> Result<Ran, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let what = format!("{cmd:?}");
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    let mut stdout = String::new();
    if let Some(mut pipe) = child.stdout.take() {
        let _ = pipe.read_to_string(&mut stdout);
    }
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we started and reaps it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    if reaped != pid {
        return Err(format!(
            "wait4 failed for {what}: {}",
            std::io::Error::last_os_error()
        ));
    }
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!(
            "{what} failed (status {status}){}",
            if stdout.is_empty() {
                String::new()
            } else {
                format!(":\n{stdout}")
            }
        ));
    }
    Ok(Ran {
        wall,
        max_rss_kib: usage.ru_maxrss as u64,
        stdout,
    })
}

/// Shows what is being measured on one terminal line (nothing when stderr is not a terminal).
fn progress(what: &str) {
    // SAFETY: isatty only inspects the file descriptor.
    if unsafe { libc::isatty(2) } == 1 {
        eprint!(
            "\r\x1b[2K{}",
            if what.is_empty() {
                String::new()
            } else {
                format!("  {what} …")
            }
        );
    }
}

fn sync() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

// ---------------------------------------------------------------------------------------
// Measuring.

/// Median and range of a set of durations.
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
    median: Duration,
    min: Duration,
    max: Duration,
}

impl Stat {
    fn of(v: &[Duration]) -> Stat {
        let mut v = v.to_vec();
        v.sort();
        if v.is_empty() {
            return Stat::default();
        }
        let mid = v.len() / 2;
        let median = if v.len() % 2 == 1 {
            v[mid]
        } else {
            (v[mid - 1] + v[mid]) / 2
        };
        Stat {
            median,
            min: v[0],
            max: v[v.len() - 1],
        }
    }
    fn ms(&self) -> f64 {
        ms(self.median)
    }
    fn show(&self) -> String {
        let (m, lo, hi) = (show_ms(self.median), show_ms(self.min), show_ms(self.max));
        format!(
            "{m} ({}–{})",
            lo.trim_end_matches(" ms"),
            hi.trim_end_matches(" ms")
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn show_ms(d: Duration) -> String {
    let m = ms(d);
    if m >= 100.0 {
        format!("{m:.0} ms")
    } else if m >= 10.0 {
        format!("{m:.1} ms")
    } else {
        format!("{m:.2} ms")
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Everything measured for one N on one file system.
struct Figures {
    n: usize,
    fs: Fs,
    place: String,
    runs: usize,
    pages: u64,
    files: u64,
    out_files: u64,
    out_bytes: u64,
    input: synth::Written,
    build: Stat,
    load: Stat,
    render_write: Stat,
    rss_kib: u64,
    floor: Stat,
    noop_cli: Stat,
    noop_cli_rss_kib: u64,
    start: Duration,
    noop_session: Stat,
    school: Stat,
    school_written: u64,
    shared: Stat,
    shared_written: u64,
    session_rss_kib: u64,
    hugo: Option<(String, Stat, u64, u64)>,
}

fn is_tmpfs(path: &Path) -> bool {
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) else {
        return false;
    };
    // SAFETY: statfs fills the struct for a NUL-terminated path.
    let mut s: libc::statfs = unsafe { std::mem::zeroed() };
    // The field's type differs between platforms, hence the casts.
    #[allow(clippy::unnecessary_cast)]
    let tmpfs = unsafe { libc::statfs(c.as_ptr(), &mut s) == 0 }
        && s.f_type as i64 == libc::TMPFS_MAGIC as i64;
    tmpfs
}

/// Files, bytes and HTML pages under `dir`.
fn tree_size(dir: &Path) -> (u64, u64, u64) {
    let (mut files, mut bytes, mut pages) = (0, 0, 0);
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() && !e.file_name().to_string_lossy().starts_with('.') {
                files += 1;
                bytes += e.metadata().map_or(0, |m| m.len());
                if e.file_name().to_string_lossy().ends_with(".html") {
                    pages += 1;
                }
            }
        }
    }
    (files, bytes, pages)
}

fn remove(path: &Path) {
    if path.exists() {
        let _ = std::fs::remove_dir_all(path);
    }
}

fn measure(
    n: usize,
    fs: Fs,
    base: &Path,
    o: &Options,
    hugo_version: Option<&str>,
) -> Result<Figures, String> {
    let runs = o.runs_for(n);
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    remove(base);
    let root = base.join("project");
    let out = base.join("out");
    let copy = base.join("copy");
    let on = if fs == Fs::Disk { "disk" } else { "tmpfs" };
    let step = |what: &str| progress(&format!("N = {n}, {on}: {what}"));
    step("generating the project");
    let input =
        synth::write_project(&root, n).map_err(|e| format!("cannot write the project: {e}"))?;
    let build_child = || {
        let mut c = Command::new(&me);
        c.arg("--child").arg("build").arg(&root).arg(&out);
        run(&mut c)
    };

    // The generated project must build cleanly (Project::load + build::build return Ok,
    // without warnings): this first run checks it and warms the caches.
    step("checking that the project builds cleanly");
    let check =
        build_child().map_err(|e| format!("the generated project does not build cleanly: {e}"))?;
    let (pages, files) = (check.num("pages"), check.num("files"));
    let (out_files, out_bytes, _) = tree_size(&out);

    let (mut builds, mut loads, mut renders, mut floors) = (vec![], vec![], vec![], vec![]);
    let mut rss_kib = 0;
    for r in 0..runs {
        step(&format!("full build and cp -r, run {}/{runs}", r + 1));
        remove(&out);
        remove(&copy);
        sync();
        let ran = build_child()?;
        builds.push(ran.wall);
        loads.push(Duration::from_micros(ran.num("load_us")));
        renders.push(Duration::from_micros(ran.num("build_us")));
        rss_kib = rss_kib.max(ran.max_rss_kib);
        sync();
        let cp = run(Command::new("cp").arg("-r").arg(&out).arg(&copy))?;
        floors.push(cp.wall);
    }
    remove(&copy);

    let mut noops = vec![];
    let mut noop_rss = 0;
    for r in 0..runs {
        step(&format!("no-op rebuild, run {}/{runs}", r + 1));
        sync();
        let ran = build_child()?;
        if ran.num("written") != 0 {
            return Err(format!(
                "a no-op rebuild wrote {} files",
                ran.num("written")
            ));
        }
        // Every photo was encoded (and saved) by the first build: a new process finds them
        // in the disk cache.
        if ran.num("encoded") != 0 {
            return Err(format!(
                "a no-op rebuild encoded {} images",
                ran.num("encoded")
            ));
        }
        noops.push(ran.wall);
        noop_rss = noop_rss.max(ran.max_rss_kib);
    }

    step("session: start, no-op, school change, shared change");
    let session_out = base.join("session-out");
    sync();
    let s = run(Command::new(&me)
        .arg("--child")
        .arg("session")
        .arg(&root)
        .arg(&session_out)
        .arg(n.to_string())
        .arg(runs.to_string()))?;
    remove(&session_out);

    let hugo = match hugo_version {
        Some(v) if o.hugo && n <= o.hugo_max => {
            step("writing the Hugo site");
            let site = base.join("hugo");
            let hugo_out = base.join("hugo-out");
            hugo::write_site(&site, n, &out.join("assets"))
                .map_err(|e| format!("cannot write the Hugo site: {e}"))?;
            let hugo_run = || {
                remove(&hugo_out);
                sync();
                run(Command::new("hugo")
                    .arg("--source")
                    .arg(&site)
                    .arg("--destination")
                    .arg(&hugo_out)
                    .arg("--cacheDir")
                    .arg(base.join("hugo-cache"))
                    .arg("--quiet"))
            };
            step("Hugo, warm-up");
            hugo_run()?;
            let (_, _, hugo_pages) = tree_size(&hugo_out);
            let mut times = vec![];
            let mut rss = 0;
            for r in 0..runs {
                step(&format!("Hugo, run {}/{runs}", r + 1));
                let ran = hugo_run()?;
                times.push(ran.wall);
                rss = u64::max(rss, ran.max_rss_kib);
            }
            Some((v.to_owned(), Stat::of(&times), rss, hugo_pages))
        }
        _ => None,
    };
    progress("");
    if !o.keep {
        remove(base);
    }
    Ok(Figures {
        n,
        fs,
        place: base.display().to_string(),
        runs,
        pages,
        files,
        out_files,
        out_bytes,
        input,
        build: Stat::of(&builds),
        load: Stat::of(&loads),
        render_write: Stat::of(&renders),
        rss_kib,
        floor: Stat::of(&floors),
        noop_cli: Stat::of(&noops),
        noop_cli_rss_kib: noop_rss,
        start: Duration::from_micros(s.num("start_us")),
        noop_session: Stat::of(&s.durations("noop_us")),
        school: Stat::of(&s.durations("school_us")),
        school_written: s.num("school_written"),
        shared: Stat::of(&s.durations("shared_us")),
        shared_written: s.num("shared_written"),
        session_rss_kib: s.max_rss_kib,
        hugo,
    })
}

// ---------------------------------------------------------------------------------------
// Reporting.

fn verdict(pass: bool) -> &'static str {
    if pass {
        "PASS"
    } else {
        "MISS"
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn row(label: &str, measured: &str, target: &str, verdict: &str) {
    println!("  {label:<50} {measured:<28} {target:<22} {verdict}");
}

fn print_figures(f: &Figures, hugo_skipped: Option<&str>) {
    let on = match f.fs {
        Fs::Disk => "disk",
        Fs::Tmpfs => "tmpfs",
    };
    let applies = f.n == TARGET_N && f.fs == Fs::Tmpfs;
    let judged = |pass: bool| if applies { verdict(pass) } else { "" };
    let tgt = |t: String| if applies { t } else { format!("({t})") };
    println!();
    println!(
        "N = {} schools, output on {on} ({}), median of {} runs (min–max)",
        thousands(f.n as u64),
        f.place,
        f.runs
    );
    println!(
        "  input:  {} files, {:.1} MiB; output: {} pages, {} files, {:.1} MiB",
        thousands(f.input.files as u64),
        f.input.bytes as f64 / 1048576.0,
        thousands(f.pages),
        thousands(f.files.max(f.out_files)),
        f.out_bytes as f64 / 1048576.0
    );
    println!("  {:<50} {:<28} {:<22}", "figure", "measured", "target");
    println!("  {:-<50} {:-<28} {:-<22} {:-<4}", "", "", "", "");
    row(
        "full build (new process, empty output)",
        &f.build.show(),
        "",
        "",
    );
    row(
        "  of which Project::load (in process)",
        &show_ms(f.load.median),
        "",
        "",
    );
    row(
        "  of which build::build (in process)",
        &show_ms(f.render_write.median),
        "",
        "",
    );
    let pps = f.pages as f64 / f.build.median.as_secs_f64();
    row("  pages per second", &thousands(pps as u64), "", "");
    let rss_applies = f.n == 1000;
    row(
        "  peak RSS",
        &format!("{:.1} MiB", mib(f.rss_kib)),
        &if rss_applies {
            format!("< {TARGET_RSS_MIB_1000:.0} MiB")
        } else {
            format!("(< {TARGET_RSS_MIB_1000:.0} MiB at N=1000)")
        },
        if rss_applies {
            verdict(mib(f.rss_kib) < TARGET_RSS_MIB_1000)
        } else {
            ""
        },
    );
    row(
        "  peak RSS / output size",
        &format!(
            "{:.2}",
            (f.rss_kib * 1024) as f64 / f.out_bytes.max(1) as f64
        ),
        "",
        "",
    );
    row("cp -r of that output (floor)", &f.floor.show(), "", "");
    let ratio = f.build.ms() / f.floor.ms();
    row(
        "  build / floor",
        &format!("{ratio:.2}×"),
        &tgt(format!("≤ {TARGET_FLOOR_RATIO:.1}×")),
        judged(ratio <= TARGET_FLOOR_RATIO),
    );
    row(
        "no-op rebuild (new process, nothing changed)",
        &f.noop_cli.show(),
        "",
        "",
    );
    row(
        "  peak RSS",
        &format!("{:.1} MiB", mib(f.noop_cli_rss_kib)),
        "",
        "",
    );
    row(
        "session start (Session::start: load + build)",
        &show_ms(f.start),
        "",
        "",
    );
    row(
        "no-op rebuild in session (rebuild_everything)",
        &f.noop_session.show(),
        "",
        "",
    );
    row(
        "rebuild after 1 school's YAML changed (apply)",
        &f.school.show(),
        &tgt(format!("< {TARGET_SCHOOL_MS:.0} ms")),
        judged(f.school.ms() < TARGET_SCHOOL_MS),
    );
    row("  files written", &thousands(f.school_written), "", "");
    row(
        "rebuild after 1 shared file changed (apply)",
        &f.shared.show(),
        &tgt(format!("< {TARGET_SHARED_MS:.0} ms")),
        judged(f.shared.ms() < TARGET_SHARED_MS),
    );
    row("  files written", &thousands(f.shared_written), "", "");
    row(
        "  session peak RSS",
        &format!("{:.1} MiB", mib(f.session_rss_kib)),
        "",
        "",
    );
    if let Some((version, stat, rss, pages)) = &f.hugo {
        row(
            &format!("hugo {version}, same pages (new process)"),
            &stat.show(),
            "",
            "",
        );
        row(
            "  pages / peak RSS",
            &format!("{} / {:.1} MiB", thousands(*pages), mib(*rss)),
            "",
            "",
        );
        let r = stat.ms() / f.build.ms();
        row(
            "  hugo / buddysite",
            &format!("{r:.2}×"),
            &tgt(format!("≥ {TARGET_HUGO_RATIO:.0}×")),
            judged(r >= TARGET_HUGO_RATIO),
        );
    } else if let Some(why) = hugo_skipped {
        row("hugo", why, "", "");
    }
}

fn summary(all: &[Figures], o: &Options, hugo_version: Option<&str>) {
    println!();
    println!(
        "targets (2-core machine; N = {TARGET_N} with the output on tmpfs unless said otherwise)"
    );
    let at = all.iter().find(|f| f.n == TARGET_N && f.fs == Fs::Tmpfs);
    let not_run = format!("not measured: run with --schools {TARGET_N} --fs tmpfs");
    let line = |label: &str, value: Option<(String, bool)>, why: &str| match value {
        Some((v, pass)) => println!("  {label:<56} {v:<16} {}", verdict(pass)),
        None => println!("  {label:<56} {why}"),
    };
    line(
        &format!("full build ≤ {TARGET_FLOOR_RATIO:.1}× the cp -r floor of its own output"),
        at.map(|f| {
            let r = f.build.ms() / f.floor.ms();
            (format!("{r:.2}×"), r <= TARGET_FLOOR_RATIO)
        }),
        &not_run,
    );
    line(
        &format!("rebuild after one school's YAML < {TARGET_SCHOOL_MS:.0} ms"),
        at.map(|f| (show_ms(f.school.median), f.school.ms() < TARGET_SCHOOL_MS)),
        &not_run,
    );
    line(
        &format!("rebuild after one shared content file < {TARGET_SHARED_MS:.0} ms"),
        at.map(|f| (show_ms(f.shared.median), f.shared.ms() < TARGET_SHARED_MS)),
        &not_run,
    );
    let hugo_why = if !o.hugo {
        "not measured: --no-hugo".to_owned()
    } else if hugo_version.is_none() {
        "not measured: hugo is not installed (apt-get install hugo)".to_owned()
    } else {
        not_run.clone()
    };
    line(
        &format!("full build ≥ {TARGET_HUGO_RATIO:.0}× faster than Hugo on the same pages"),
        at.and_then(|f| {
            let (_, stat, _, _) = f.hugo.as_ref()?;
            let r = stat.ms() / f.build.ms();
            Some((format!("{r:.2}×"), r >= TARGET_HUGO_RATIO))
        }),
        &hugo_why,
    );
    let rss_1000 = all.iter().filter(|f| f.n == 1000).map(|f| f.rss_kib).max();
    line(
        &format!("peak RSS < {TARGET_RSS_MIB_1000:.0} MiB at N = 1000"),
        rss_1000.map(|k| (format!("{:.1} MiB", mib(k)), mib(k) < TARGET_RSS_MIB_1000)),
        "not measured: run with --schools 1000",
    );
    // Linear in N and bounded: per-page time and memory growth between the sizes measured.
    let mut sizes: Vec<&Figures> = all.iter().collect();
    sizes.sort_by_key(|f| (f.fs == Fs::Disk, f.n));
    let big = sizes.iter().filter(|f| f.n >= 10_000).max_by_key(|f| f.n);
    line(
        "N = 10000 finishes, peak RSS < 1/4 of the output",
        big.map(|f| {
            let share = (f.rss_kib * 1024) as f64 / f.out_bytes as f64;
            (
                format!(
                    "{:.0} MiB of {:.0} MiB",
                    mib(f.rss_kib),
                    f.out_bytes as f64 / 1048576.0
                ),
                share < 0.25,
            )
        }),
        "not measured: run with --schools 10000",
    );
    if sizes.len() > 1 {
        println!();
        println!("scaling (is it linear in N?)");
        println!(
            "  {:>6} {:<6} {:>8} {:>11} {:>10} {:>11} {:>10} {:>10}",
            "N", "fs", "pages", "full build", "µs/page", "peak RSS", "output", "floor"
        );
        for f in &sizes {
            println!(
                "  {:>6} {:<6} {:>8} {:>11} {:>10.1} {:>7.1} MiB {:>6.0} MiB {:>10}",
                f.n,
                if f.fs == Fs::Disk { "disk" } else { "tmpfs" },
                thousands(f.pages),
                show_ms(f.build.median),
                f.build.median.as_secs_f64() * 1e6 / f.pages as f64,
                mib(f.rss_kib),
                f.out_bytes as f64 / 1048576.0,
                show_ms(f.floor.median),
            );
        }
        for fs in [Fs::Tmpfs, Fs::Disk] {
            let of: Vec<&&Figures> = sizes.iter().filter(|f| f.fs == fs).collect();
            if let (Some(a), Some(b)) = (of.first(), of.last()) {
                if b.n > a.n {
                    let time = (b.build.ms() / b.pages as f64) / (a.build.ms() / a.pages as f64);
                    let rss = (mib(b.rss_kib) - mib(a.rss_kib)) / (b.n - a.n) as f64 * 1024.0;
                    println!(
                        "  {}: time per page at N={} is {:.2}× that at N={}; peak RSS grows {:.1} KiB per school",
                        if fs == Fs::Disk { "disk" } else { "tmpfs" },
                        b.n,
                        time,
                        a.n,
                        rss
                    );
                }
            }
        }
    }
}

fn bench(o: &Options) -> Result<(), String> {
    let hugo_version = if o.hugo { hugo::version() } else { None };
    let tag = format!("buddysite-bench-{}", std::process::id());
    let mut places = Vec::new();
    for &fs in &o.fs {
        match fs {
            Fs::Disk => {
                if is_tmpfs(&o.dir) {
                    eprintln!(
                        "note: {} is on tmpfs; pass --dir to put the disk runs on a disk",
                        o.dir.display()
                    );
                }
                places.push((fs, o.dir.join(&tag)));
            }
            Fs::Tmpfs => {
                let shm = Path::new("/dev/shm");
                if shm.is_dir() && is_tmpfs(shm) {
                    places.push((fs, shm.join(&tag)));
                } else {
                    eprintln!("note: no tmpfs at /dev/shm; the tmpfs figures are left out");
                }
            }
        }
    }
    println!("buddysite build benchmark");
    println!(
        "  {} schools; per school 13 content pages (home, letter, FAQ of {} questions, buddies, {} buddy profiles, contact) + 404,",
        o.schools.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", "),
        synth::FAQ.len(),
        synth::BUDDIES.len()
    );
    let faq_bytes: usize = (0..synth::FAQ.len())
        .map(|i| synth::faq_entry(i, 0).len())
        .sum::<usize>()
        + synth::faq_intro().len();
    let buddy_bytes: usize = (0..synth::BUDDIES.len())
        .map(synth::buddy)
        .map(|b| b.len())
        .sum::<usize>()
        / synth::BUDDIES.len();
    println!(
        "  a logo each; every second buddy a {px}×{px} JPEG photo with EXIF GPS; letter {:.1} KB, FAQ {:.1} KB, buddy profile {:.1} KB of Markdown; built-in default theme",
        synth::letter().len() as f64 / 1000.0,
        faq_bytes as f64 / 1000.0,
        buddy_bytes as f64 / 1000.0,
        px = synth::PHOTO_SIDE
    );
    println!(
        "  {} CPUs; hugo: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        match (&hugo_version, o.hugo) {
            (_, false) => "skipped (--no-hugo)".to_owned(),
            (Some(v), true) => v.clone(),
            (None, true) => "not installed".to_owned(),
        }
    );
    let mut all = Vec::new();
    let mut result = Ok(());
    'outer: for &n in &o.schools {
        for (fs, dir) in &places {
            let base = dir.join(format!("n{n}"));
            match measure(n, *fs, &base, o, hugo_version.as_deref()) {
                Ok(f) => {
                    let skipped = (hugo_version.is_some() && n > o.hugo_max)
                        .then(|| format!("skipped above N = {} (--hugo-max)", o.hugo_max));
                    print_figures(&f, skipped.as_deref());
                    all.push(f);
                }
                Err(e) => {
                    progress("");
                    result = Err(e);
                    break 'outer;
                }
            }
        }
    }
    if result.is_ok() && o.pdf {
        if let (Some(&n), Some((_, dir))) = (o.schools.first(), places.first()) {
            if let Err(e) = pdf::measure(n, &dir.join(format!("pdf{n}")), o.runs_for(n).min(3)) {
                result = Err(e);
            }
        }
    }
    if !o.keep {
        for (_, dir) in &places {
            remove(dir);
        }
    }
    if !all.is_empty() {
        summary(&all, o, hugo_version.as_deref());
    }
    result
}
