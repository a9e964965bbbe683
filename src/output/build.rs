//! A build: load, render every school in parallel, check, and only then write.

use crate::diagnostics::{suggest, Diagnostic, Diagnostics};
use crate::output::letters::LetterCache;
use crate::output::{CommitStats, Scope, Writer};
use crate::project::Project;
use crate::render::images::{CacheStats, ImageCache};
use crate::render::letter::Typesetter;
use crate::render::{self, Globals, MarkdownCache, Site};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a successful build did, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Schools rendered.
    pub schools: usize,
    /// HTML pages made (all schools and the overview).
    pub pages: usize,
    /// Files made.
    pub files: usize,
    /// What writing did.
    pub written: CommitStats,
    /// Warnings (the build still succeeded).
    pub warnings: Diagnostics,
    /// What this build did with images: how many it encoded, and how many came from the
    /// session's memory or the disk cache (a no-op rebuild encodes none; the bench checks).
    pub images: CacheStats,
    /// Letters typeset by this build, and letters whose PDF came from the disk cache (a
    /// no-op rebuild typesets none; one school's change typesets only its letters).
    pub letters: (usize, usize),
    /// Wall time.
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let summary = crate::text!(
            REPORT_SUMMARY,
            schools = self.schools,
            pages = self.pages,
            files = self.files,
            written = self.written.written.len(),
            unchanged = self.written.unchanged,
            removed = self.written.deleted.len(),
            warnings = self.warnings.0.len(),
            elapsed = format!("{:.0?}", self.elapsed),
        );
        write!(f, "{summary}")
    }
}

/// The output folder of a project: `--output`, else `output:` from buddysite.yaml.
pub fn output_dir(project: &Project, output: Option<&Path>) -> PathBuf {
    match output {
        Some(o) => o.to_owned(),
        None => project.root.join(&project.config.output),
    }
}

/// Refuses an output folder that is, or lies inside, a folder the project reads (the next
/// build would read its own output back: 166, then 1,494, then 12,118 files), or that holds
/// the project. Paths are compared after resolving links, so `--output ../project/content`
/// or a `public` that links into `content/` are caught too.
pub fn check_output(project: &Project, out: &Path) -> Result<(), Diagnostic> {
    let shown = out.display().to_string();
    let (Some(root), Some(out_abs)) = (resolve(&project.root), resolve(out)) else {
        return Ok(());
    };
    let help = crate::text!(OUTPUT_SEPARATE_HELP);
    if root.starts_with(&out_abs) && root != out_abs {
        return Err(Diagnostic::error_text(
            &shown,
            crate::text!(OUTPUT_HOLDS_PROJECT, dir = &shown),
        )
        .help(help));
    }
    if let Ok(rel) = out_abs.strip_prefix(&root) {
        let rel: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if let Some(why) = crate::paths::output_clash(&rel.join("/")) {
            return Err(Diagnostic::error_text(
                &shown,
                crate::text!(OUTPUT_CLASH, dir = &shown, why = why),
            )
            .help(help));
        }
    }
    if let Some((logo, _)) = &project.swv_logo {
        if resolve(&project.root.join(logo)).is_some_and(|l| l.starts_with(&out_abs)) {
            return Err(Diagnostic::error_text(
                &shown,
                crate::text!(OUTPUT_HOLDS_LOGO, dir = &shown, logo = logo.as_str()),
            )
            .help(crate::text!(OUTPUT_HOLDS_LOGO_HELP)));
        }
    }
    Ok(())
}

/// `path` made absolute, with links resolved as far as it exists and `.`/`..` resolved in
/// the part that does not exist yet.
fn resolve(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut clean = PathBuf::new();
    for part in abs.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut full = real;
            full.extend(rest.iter().rev());
            return Some(full);
        }
        rest.push(existing.file_name()?.to_owned());
        if !existing.pop() {
            return None;
        }
    }
}

/// Checks `--school` filters against the project's schools.
pub fn select_schools(project: &Project, only: &[String]) -> Result<Vec<String>, Diagnostics> {
    if only.is_empty() {
        return Ok(project.schools.keys().cloned().collect());
    }
    let mut problems = Diagnostics::default();
    for slug in only {
        if !project.schools.contains_key(slug) {
            let help = match suggest(slug, project.schools.keys().map(String::as_str)) {
                Some(s) => crate::text!(DID_YOU_MEAN, suggestion = s),
                None => crate::text!(SCHOOL_SLUG_HELP),
            };
            problems.push(
                Diagnostic::error_text("--school", crate::text!(BUILD_NO_SUCH_SCHOOL, slug = slug))
                    .help(help),
            );
        }
    }
    if problems.is_empty() {
        Ok(only.to_vec())
    } else {
        Err(problems)
    }
}

/// Loads the project at `root` and, when that found errors, renders and checks whatever did
/// load, so one run reports every problem: the entry point of `build`, `check` and the
/// live preview.
pub fn load(root: &Path) -> Result<Project, Diagnostics> {
    load_on(root, crate::date::today().map_err(Diagnostics::from)?)
}

/// Like [`load`], checking consent against `today`.
pub fn load_on(root: &Path, today: crate::date::Date) -> Result<Project, Diagnostics> {
    let (mut project, mut problems) = Project::load_with_problems(root, today)?;
    if problems.has_errors() {
        crate::check::project(&project, &mut problems);
        partial(&project, &mut problems);
        problems.sort();
        return Err(problems);
    }
    problems.sort();
    project.warnings = problems.0;
    Ok(project)
}

/// When loading found errors, renders every school from what did load and adds the
/// problems that rendering finds, so that a single run reports everything. Skipped when
/// `buddysite.yaml` or the theme is broken: then every page would fail for the same reason.
fn partial(project: &Project, problems: &mut Diagnostics) {
    let blocked = problems.0.iter().any(|d| {
        d.is_error()
            && (d.file == "buddysite.yaml"
                || d.file.starts_with("themes/")
                || d.file.starts_with("(built-in theme)")
                || d.file.starts_with('('))
    });
    if blocked {
        return;
    }
    let globals = Globals::new(project);
    problems.extend(globals.problems.iter().cloned());
    let cache = MarkdownCache::default();
    let slugs: Vec<&String> = project.schools.keys().collect();
    let found: Vec<Vec<Diagnostic>> = slugs
        .par_iter()
        .map(|slug| school_site(project, &globals, &cache, slug, None).problems)
        .collect();
    problems.extend(found.into_iter().flatten());
    problems.extend(render::render_overview(project, &globals).problems);
}

/// One school through the pipeline: plan, render (all pages, or those at `only`), check.
fn school_site(
    project: &Project,
    globals: &Globals,
    cache: &MarkdownCache,
    slug: &str,
    only: Option<&BTreeSet<String>>,
) -> Site {
    let Some(plan) = crate::plan::school(project, slug) else {
        return Site::default();
    };
    let mut site = render::render_plan(project, globals, cache, &plan, only);
    if plan.problems.is_empty() {
        let found = crate::check::school(project, &plan, &site);
        site.problems.extend(found);
    }
    site
}

/// What rendering one site left behind once its files went to the sink.
struct Outcome {
    paths: Vec<String>,
    published: Vec<String>,
    pages: usize,
    problems: Vec<Diagnostic>,
}

type Sink<'a> = dyn Fn(&str, &Site) -> std::io::Result<()> + Sync + 'a;

/// Hands a site without errors to the sink, keeping only what the summary needs, so the
/// pages of one school are dropped before the next is rendered.
fn settle(prefix: &str, site: Site, sink: &Sink) -> Outcome {
    let mut problems = Vec::new();
    if !site.problems.iter().any(Diagnostic::is_error) {
        let outside = Site {
            files: site.outside.clone(),
            ..Site::default()
        };
        let staged = sink(prefix, &site).and_then(|()| {
            if outside.files.is_empty() {
                Ok(())
            } else {
                sink("", &outside)
            }
        });
        if let Err(e) = staged {
            let what = if prefix.is_empty() {
                crate::text!(STAGING_OVERVIEW)
            } else {
                crate::text!(STAGING_FILES_OF, prefix = prefix)
            };
            problems.push(
                Diagnostic::error_text(
                    "(output)",
                    crate::text!(STAGING_CANNOT_PREPARE, what = what, error = e.to_string()),
                )
                .help(crate::text!(STAGING_CANNOT_PREPARE_HELP)),
            );
        }
    }
    problems.extend(site.problems);
    Outcome {
        published: site.published,
        paths: site
            .files
            .into_iter()
            .map(|f| format!("{prefix}{}", f.path))
            .chain(site.outside.into_iter().map(|f| f.path))
            .collect(),
        pages: site.pages,
        problems,
    }
}

/// Renders the chosen schools (in parallel) and the overview, checks them, and gives every
/// good site to `sink`. Returns pages, files, every path made, and all problems.
/// With `only`, renders just those pages of each school, and no overview.
fn render_all(
    project: &Project,
    globals: &Globals,
    slugs: &[String],
    only: Option<&BTreeSet<String>>,
    sink: &Sink,
) -> (usize, usize, BTreeSet<String>, Diagnostics) {
    let cache = MarkdownCache::default();
    let mut outcomes: Vec<Outcome> = slugs
        .par_iter()
        .map(|slug| {
            let site = school_site(project, globals, &cache, slug, only);
            settle(&format!("{slug}/"), site, sink)
        })
        .collect();
    if only.is_none() {
        outcomes.push(settle("", render::render_overview(project, globals), sink));
    }
    let mut problems = Diagnostics::default();
    problems.extend(globals.problems.iter().cloned());
    crate::check::project(project, &mut problems);
    problems.extend(crate::plan::project_problems(project));
    let mut made = BTreeSet::new();
    let mut published = BTreeSet::new();
    let (mut pages, mut files) = (0, 0);
    for o in outcomes {
        pages += o.pages;
        files += o.paths.len();
        made.extend(o.paths);
        published.extend(o.published);
        problems.extend(o.problems);
    }
    // Only a render of every page of every school knows that nothing uses a file.
    if only.is_none() && slugs.len() == project.schools.len() {
        problems.extend(crate::plan::unused(project, &published));
    }
    problems.sort();
    (pages, files, made, problems)
}

/// Renders and checks everything without writing: `buddysite check`.
pub fn check(project: &Project) -> Diagnostics {
    let slugs: Vec<String> = project.schools.keys().cloned().collect();
    let (_, _, _, mut problems) = render_all(
        project,
        &Globals::new(project),
        &slugs,
        None,
        &|_, _| Ok(()),
    );
    problems.extend(project.warnings.iter().cloned());
    problems.sort();
    problems
}

/// Builds `project` into `out`. Only when every school rendered without errors is anything
/// written; otherwise the output stays as it was and every problem is returned.
pub fn build(project: &Project, out: &Path, only: &[String]) -> Result<Report, Diagnostics> {
    build_with(project, out, only, true)
}

/// [`build`], with the letters' PDFs (`pdf`) or without (`build --no-pdf`: quicker, and
/// the letter pages then do not link a PDF). A buddysite compiled without the `pdf` feature
/// makes none and says so once, in a warning.
pub fn build_with(
    project: &Project,
    out: &Path,
    only: &[String],
    pdf: bool,
) -> Result<Report, Diagnostics> {
    let slugs = select_schools(project, only)?;
    let scope = if only.is_empty() {
        Scope::All
    } else {
        school_scope(&slugs)
    };
    let letters = (pdf && cfg!(feature = "pdf")).then(|| {
        Arc::new(LetterCache::new(Some(LetterCache::project_dir(
            &project.root,
        ))))
    });
    let mut report = run_pages_with(
        project,
        out,
        &slugs,
        None,
        &scope,
        HashMap::new(),
        &mut None,
        letters,
    )?;
    if pdf && !cfg!(feature = "pdf") {
        report.warnings.push(
            Diagnostic::warning_text("(build)", crate::text!(LETTER_PDF_NOT_BUILT))
                .help(crate::text!(LETTER_PDF_NOT_BUILT_HELP)),
        );
    }
    Ok(report)
}

/// The output paths that building `slugs` (and the overview) is responsible for.
pub fn school_scope(slugs: &[String]) -> Scope {
    let mut prefixes: Vec<String> = slugs.iter().map(|s| format!("{s}/")).collect();
    prefixes.extend(slugs.iter().map(|s| crate::plan::batch_letter_prefix(s)));
    prefixes.extend(["index.html", "assets/", "robots.txt", "sitemap.xml"].map(String::from));
    Scope::Prefixes(prefixes)
}

/// Renders `slugs` and the overview, and writes them into `out` if nothing failed. `known`
/// holds fingerprints of what a previous build of the same session wrote.
pub fn run(
    project: &Project,
    out: &Path,
    slugs: &[String],
    scope: &Scope,
    known: HashMap<String, u64>,
) -> Result<Report, Diagnostics> {
    run_pages(project, out, slugs, None, scope, known)
}

/// Like [`run`], rendering only the pages `only` (paths from each school's site root) when
/// given: the live preview's answer to a change in shared content that only those pages show.
/// It makes no PDFs, so a save never waits for a letter to be typeset: the preview passes
/// its letter cache to [`run_pages_with`], which publishes cached letters and leaves the
/// rest for after the reload.
pub fn run_pages(
    project: &Project,
    out: &Path,
    slugs: &[String],
    only: Option<&BTreeSet<String>>,
    scope: &Scope,
    known: HashMap<String, u64>,
) -> Result<Report, Diagnostics> {
    run_pages_with(project, out, slugs, only, scope, known, &mut None, None)
}

/// Like [`run_pages`], with the image cache of the previous rebuild of the same session
/// (`None` the first time; it is left there for the next): photos and logos that were
/// processed before are answered from memory, without hashing their bytes or reading the
/// disk cache again. `letters` makes the letters' PDFs (none without it).
#[allow(clippy::too_many_arguments)]
pub fn run_pages_with(
    project: &Project,
    out: &Path,
    slugs: &[String],
    only: Option<&BTreeSet<String>>,
    scope: &Scope,
    known: HashMap<String, u64>,
    images: &mut Option<ImageCache>,
    letters: Option<Arc<LetterCache>>,
) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    check_output(project, out).map_err(Diagnostics::from)?;
    let writer = Writer::open(out)?.with_known(known);
    let sink = |prefix: &str, site: &Site| writer.stage(prefix, &site.files);
    // A build that writes also saves the images it encodes, outside the output, so the next
    // build (a new process too) does not encode them again.
    let cache = images
        .take()
        .unwrap_or_else(|| ImageCache::new(Some(ImageCache::project_dir(&project.root))));
    let before = cache.stats();
    let letters_before = letters.as_ref().map_or((0, 0), |l| l.stats());
    let globals = Globals::new(project)
        .with_images(cache)
        .with_letters(letters.clone().map(|l| l as Arc<dyn Typesetter>));
    let (pages, files, made, mut problems) =
        crate::output::letters::on_pool(|| render_all(project, &globals, slugs, only, &sink));
    let after = globals.images.stats();
    let stats = CacheStats {
        encoded: after.encoded - before.encoded,
        from_memory: after.from_memory - before.from_memory,
        from_disk: after.from_disk - before.from_disk,
    };
    *images = Some(globals.images);
    let letters_after = letters.as_ref().map_or((0, 0), |l| l.stats());
    problems.extend(project.warnings.iter().cloned());
    problems.sort();
    if problems.has_errors() {
        writer.abort();
        return Err(problems);
    }
    let written = writer
        .commit(&made, scope)
        .map_err(|e| e.into_diagnostics(out))?;
    Ok(Report {
        schools: slugs.len(),
        pages,
        files,
        written,
        warnings: problems,
        images: stats,
        letters: (
            letters_after.0 - letters_before.0,
            letters_after.1 - letters_before.1,
        ),
        elapsed: started.elapsed(),
    })
}
