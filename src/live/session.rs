//! A build that stays in memory between changes: the engine of `--watch`.
//!
//! The session keeps the loaded project and the fingerprints of what it wrote. A change to
//! one school's YAML or override folder reloads and re-renders that school alone (and the
//! overview, which lists it); a change to shared content re-renders the pages that show it;
//! a change to the theme, `buddysite.yaml` or a whole input folder reloads the project and
//! re-renders every school. New, removed and renamed files count as changes like edits do.
//! Either way only files whose bytes changed are written.
//!
//! The preview is lenient where `buddysite build` is strict: a school whose own files have
//! errors is left out (its last good pages stay in the output and its last good state in
//! memory) while the other schools keep rebuilding; its errors are reported at every rebuild
//! until it is fixed. Any other error fails the rebuild as a whole, and the next change then
//! reloads everything, so no error is forgotten while the last good site keeps being served.

mod plan;

pub use plan::Plan;

use crate::diagnostics::Diagnostics;
use crate::load::project::{Affects, Project, SchoolEntry};
use crate::output::build::{self, Report};
use crate::output::letters::LetterCache;
use crate::output::Scope;
use crate::render::images::ImageCache;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuild {
    /// What was planned.
    pub plan: Plan,
    /// The build report.
    pub report: Report,
}

/// A loaded project and its output, kept between rebuilds.
pub struct Session {
    root: PathBuf,
    output: Option<PathBuf>,
    out: PathBuf,
    project: Option<Project>,
    fingerprints: HashMap<String, u64>,
    /// Schools left out of the preview for errors in their own files, with those errors.
    broken: BTreeMap<String, Diagnostics>,
    /// The schools the current rebuild read again, with what they replaced (`None`: they are
    /// new), to fall back on when rendering them fails.
    replaced: BTreeMap<String, Option<SchoolEntry>>,
    /// Processed images, kept between rebuilds: a rebuild after one change does not hash
    /// every photo and logo and read its saved result again.
    images: Mutex<Option<ImageCache>>,
    /// The letters' PDFs: the cached ones are published with each rebuild, the others are
    /// made when the preview server is asked for them, so a save never waits for one
    /// (`None` without the `pdf` feature).
    letters: Option<Arc<LetterCache>>,
}

impl Session {
    /// Opens the project at `root` and builds it completely. The session is returned even if
    /// that build failed (the error is in the second value), so watching can start and the
    /// editor can fix the problem. When only some schools have errors, the others are built
    /// and the second value holds those schools' errors.
    pub fn start(root: &Path, output: Option<&Path>) -> (Session, Result<Report, Diagnostics>) {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut session = Session {
            root: root.clone(),
            output: output.map(Path::to_owned),
            out: output.map_or_else(|| root.join("public"), Path::to_owned),
            project: None,
            fingerprints: HashMap::new(),
            broken: BTreeMap::new(),
            replaced: BTreeMap::new(),
            images: Mutex::new(None),
            letters: cfg!(feature = "pdf")
                .then(|| Arc::new(LetterCache::on_request(LetterCache::project_dir(&root)))),
        };
        let result = match (session.rebuild_everything(), session.broken()) {
            (Ok(_), Some((_, problems))) => Err(problems),
            (result, _) => result,
        };
        (session, result)
    }

    /// The letters' PDFs of the preview, for the server to make one when it is asked for
    /// (see [`LetterCache::requested`]).
    pub fn letters(&self) -> Option<Arc<LetterCache>> {
        self.letters.clone()
    }

    /// Renders again the schools whose letters the preview left for later and that are
    /// made by now ([`LetterCache::make_pending`], in the background after the reload), so
    /// their letter pages link the PDFs with size and page count and the PDFs are written
    /// like every other file. `None` when no letter was waiting.
    pub fn letters_made(&mut self) -> Option<(Plan, Result<Report, Diagnostics>)> {
        let letters = self.letters.clone()?;
        let made = letters.made();
        let (live, gone): (BTreeSet<String>, BTreeSet<String>) = made.into_iter().partition(|s| {
            self.project
                .as_ref()
                .is_some_and(|p| p.schools.contains_key(s))
        });
        // The letters of schools that are no more are not published (nor served).
        letters.forget_made(&gone);
        let slugs: BTreeSet<String> = live
            .into_iter()
            .filter(|s| !self.broken.contains_key(s))
            .collect();
        if slugs.is_empty() {
            return None;
        }
        let result = self.rebuild_schools(&slugs);
        if result.is_ok() {
            letters.forget_made(&slugs);
        }
        Some((Plan::Schools(slugs), result))
    }

    /// Typesets now the letters the last rebuilds left for later and renders their schools
    /// again ([`Session::letters_made`]): for `build --watch` and tests, which have no
    /// background thread making them.
    pub fn make_letters(&mut self) -> Option<(Plan, Result<Report, Diagnostics>)> {
        self.letters.as_ref()?.make_pending();
        self.letters_made()
    }

    /// The output folder.
    pub fn output_dir(&self) -> &Path {
        &self.out
    }

    /// The project as last loaded without errors (schools with errors as they last were
    /// without them).
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// The project root (canonical), against which changed paths are resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The schools that the preview leaves out for errors in their own files, as a plan
    /// naming them, and their errors: what the open pages' error overlay should show even
    /// after a rebuild of the other schools succeeded. `None` when every school is fine.
    pub fn broken(&self) -> Option<(Plan, Diagnostics)> {
        if self.broken.is_empty() {
            return None;
        }
        let mut problems = Diagnostics::default();
        for p in self.broken.values() {
            problems.extend(p.clone());
        }
        problems.sort();
        Some((
            Plan::Schools(self.broken.keys().cloned().collect()),
            problems,
        ))
    }

    /// Decides what the changed `paths` (absolute, or relative to the root) ask for.
    pub fn plan(&self, paths: &[PathBuf]) -> Plan {
        let logo = self
            .project
            .as_ref()
            .and_then(|p| p.swv_logo.as_ref())
            .map(|(path, _)| path.as_str());
        let plan = Plan::of(&self.root, &self.out, logo, paths);
        match plan {
            Plan::Schools(_) | Plan::Content(_) if self.project.is_none() => Plan::Everything,
            plan => plan,
        }
    }

    /// Rebuilds what the changed `paths` affect. A failed rebuild's problems include those of
    /// the schools left out (see [`Session::broken`]).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Option<(Plan, Result<Report, Diagnostics>)> {
        let plan = self.plan(paths);
        let result = match &plan {
            Plan::Nothing => return None,
            Plan::Everything => self.rebuild_everything(),
            Plan::Schools(slugs) => self.rebuild_schools(slugs),
            Plan::Content(rels) => self.rebuild_content(rels),
        };
        let result = result.map_err(|mut problems| {
            if let Some((_, more)) = self.broken() {
                for d in more.0 {
                    if !problems.0.contains(&d) {
                        problems.push(d);
                    }
                }
                problems.sort();
            }
            problems
        });
        Some((plan, result))
    }

    /// Reloads the whole project and rebuilds every school, except schools whose own files
    /// have errors: those keep their last good pages.
    pub fn rebuild_everything(&mut self) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let mut previous = self.project.take().map(|p| p.schools).unwrap_or_default();
        let (mut project, broken) = match self.load_lenient() {
            Ok(loaded) => loaded,
            Err(problems) => {
                self.broken.clear();
                return Err(problems);
            }
        };
        for slug in broken.keys() {
            if let Some(entry) = previous.remove(slug) {
                project.schools.insert(slug.clone(), entry);
            }
        }
        self.replaced = project
            .schools
            .keys()
            .filter(|s| !broken.contains_key(*s))
            .map(|s| (s.clone(), previous.remove(s)))
            .collect();
        self.broken = broken;
        self.out = build::output_dir(&project, self.output.as_deref());
        // Compared with what is on disk, not with what was written last: a full rebuild also
        // repairs output files that were changed or deleted by hand.
        self.fingerprints.clear();
        let result = self.run(&mut project, |session, project, known| {
            let slugs = session.rendered(project);
            let scope = session.scope_all(project, &slugs);
            session.build(project, &slugs, None, &scope, known)
        });
        self.finish(project, result, started)
    }

    /// Loads the project, leaving out (and returning the errors of) every school whose own
    /// files have errors. Fails when any other file has errors.
    fn load_lenient(&self) -> Result<(Project, BTreeMap<String, Diagnostics>), Diagnostics> {
        let today = crate::date::today().map_err(Diagnostics::from)?;
        let mut skip = BTreeSet::new();
        let mut broken: BTreeMap<String, Diagnostics> = BTreeMap::new();
        loop {
            let problems = match Project::load_except(&self.root, today, &skip) {
                Ok(project) => return Ok((project, broken)),
                Err(problems) => problems,
            };
            let mut by_school: BTreeMap<String, Diagnostics> = BTreeMap::new();
            let mut shared = Diagnostics::default();
            for d in problems.0.iter().cloned() {
                match plan::school_of(&d.file) {
                    Some(school) => by_school.entry(school).or_default().push(d),
                    None => shared.push(d),
                }
            }
            let failing: Vec<String> = by_school
                .iter()
                .filter(|(school, p)| p.has_errors() && !skip.contains(*school))
                .map(|(school, _)| school.clone())
                .collect();
            if shared.has_errors() || failing.is_empty() {
                // Not only schools' own files: the rebuild fails, as `buddysite build` would.
                let mut all = problems;
                for p in broken.into_values() {
                    all.extend(p);
                }
                all.sort();
                return Err(all);
            }
            for school in failing {
                if let Some(p) = by_school.remove(&school) {
                    broken.insert(school.clone(), p);
                }
                skip.insert(school);
            }
        }
    }

    /// Reloads and rebuilds only `slugs` (and the overview). Schools left out for errors are
    /// read again too: a fix elsewhere may have mended them.
    fn rebuild_schools(&mut self, slugs: &BTreeSet<String>) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let Some(mut project) = self.project.take() else {
            return self.rebuild_everything();
        };
        self.replaced.clear();
        let mut todo = slugs.clone();
        todo.extend(self.broken.keys().cloned());
        for slug in &todo {
            self.reload_school(&mut project, slug);
        }
        let result = self.run(&mut project, |session, project, known| {
            let all: Vec<String> = todo
                .iter()
                .filter(|s| !session.broken.contains_key(*s))
                .cloned()
                .collect();
            let present: Vec<String> = all
                .iter()
                .filter(|s| project.schools.contains_key(*s))
                .cloned()
                .collect();
            let scope = build::school_scope(&all);
            session.build(project, &present, None, &scope, known)
        });
        self.finish(project, result, started)
    }

    /// Reloads changed shared content and re-renders, in every school, only the pages that
    /// show it. Schools whose own files it breaks (a buddy they list is gone) are left out;
    /// schools left out before are read again, and re-rendered whole when they are mended.
    fn rebuild_content(&mut self, rels: &BTreeSet<String>) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let Some(mut project) = self.project.take() else {
            return self.rebuild_everything();
        };
        self.replaced.clear();
        let mut affects = project.reload_content(rels)?;
        let before: Vec<String> = self.broken.keys().cloned().collect();
        for slug in before {
            if self.reload_school(&mut project, &slug) {
                affects = Affects::All;
            }
        }
        for (slug, problems) in project.school_problems() {
            self.broken.entry(slug).or_insert(problems);
        }
        let result = self.run(&mut project, |session, project, known| {
            let slugs = session.rendered(project);
            match &affects {
                Affects::All => {
                    let scope = session.scope_all(project, &slugs);
                    session.build(project, &slugs, None, &scope, known)
                }
                Affects::Pages(pages) => {
                    // The pages re-rendered, and every content file the school could
                    // publish: a page that stops using a file takes it off the site.
                    let exact: Vec<String> = slugs
                        .iter()
                        .flat_map(|s| {
                            pages
                                .iter()
                                .cloned()
                                .chain(crate::plan::candidate_paths(project, s))
                                .map(move |p| format!("{s}/{p}"))
                        })
                        .collect();
                    session.build(project, &slugs, Some(pages), &Scope::Prefixes(exact), known)
                }
            }
        });
        self.finish(project, result, started)
    }

    /// Reads school `slug` again. Whether it loads or not is noted in the list of schools
    /// left out; what it replaced is kept as its last good state in case rendering fails.
    /// True when it loaded.
    fn reload_school(&mut self, project: &mut Project, slug: &str) -> bool {
        let old = project.schools.remove(slug);
        let loaded = match project.reload_school(slug) {
            Ok(()) => {
                self.broken.remove(slug);
                true
            }
            Err(problems) => {
                self.broken.insert(slug.to_owned(), problems);
                false
            }
        };
        match (loaded, old) {
            (true, old) => {
                self.replaced.entry(slug.to_owned()).or_insert(old);
            }
            (false, Some(old)) => {
                project.schools.insert(slug.to_owned(), old);
            }
            (false, None) => {}
        }
        loaded
    }

    /// Renders and writes with `build`. When rendering finds errors only in some schools' own
    /// files (a brand colour with too little contrast), those schools are left out, back in
    /// their last good state, and the rest is built again: as lenient as loading.
    fn run(
        &mut self,
        project: &mut Project,
        build: impl Fn(&Session, &Project, HashMap<String, u64>) -> Result<Report, Diagnostics>,
    ) -> Result<Report, Diagnostics> {
        let mut known = std::mem::take(&mut self.fingerprints);
        loop {
            // A failed build used the fingerprints up: the next one compares with the disk.
            let problems = match build(self, project, std::mem::take(&mut known)) {
                Ok(report) => return Ok(report),
                Err(problems) => problems,
            };
            let rendered = self.rendered(project);
            let mut by_school: BTreeMap<String, Diagnostics> = BTreeMap::new();
            for d in problems.0.iter().filter(|d| d.is_error()) {
                match plan::school_of(&d.file).filter(|s| rendered.contains(s)) {
                    Some(slug) => by_school.entry(slug).or_default().push(d.clone()),
                    None => return Err(problems),
                }
            }
            if by_school.is_empty() {
                return Err(problems);
            }
            for (slug, problems) in by_school {
                match self.replaced.remove(&slug) {
                    Some(Some(old)) => {
                        project.schools.insert(slug.clone(), old);
                    }
                    Some(None) => {
                        project.schools.remove(&slug);
                    }
                    None => {}
                }
                self.broken.insert(slug, problems);
            }
        }
    }

    /// [`build::run_pages`] into the session's output with the session's image cache.
    fn build(
        &self,
        project: &Project,
        slugs: &[String],
        only: Option<&BTreeSet<String>>,
        scope: &Scope,
        known: HashMap<String, u64>,
    ) -> Result<Report, Diagnostics> {
        let mut images = self.images.lock().unwrap_or_else(PoisonError::into_inner);
        build::run_pages_with(
            project,
            &self.out,
            slugs,
            only,
            scope,
            known,
            &mut images,
            self.letters.clone(),
        )
    }

    /// The schools to render: all but those left out for errors.
    fn rendered(&self, project: &Project) -> Vec<String> {
        project
            .schools
            .keys()
            .filter(|s| !self.broken.contains_key(*s))
            .cloned()
            .collect()
    }

    /// The output a rebuild of everything is responsible for: all of it, except the pages of
    /// schools left out for errors, which stay as they were last written.
    fn scope_all(&self, project: &Project, slugs: &[String]) -> Scope {
        if self.broken.is_empty() {
            return Scope::All;
        }
        let mut prefixes: BTreeSet<String> = match std::fs::read_dir(&self.out) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_str()?.to_owned();
                    if name.starts_with('.') {
                        return None;
                    }
                    Some(if e.path().is_dir() {
                        format!("{name}/")
                    } else {
                        name
                    })
                })
                .collect(),
            Err(_) => BTreeSet::new(),
        };
        prefixes.extend(project.schools.keys().map(|s| format!("{s}/")));
        if let Scope::Prefixes(made) = build::school_scope(slugs) {
            prefixes.extend(made);
        }
        for slug in self.broken.keys() {
            prefixes.remove(&format!("{slug}/"));
        }
        Scope::Prefixes(prefixes.into_iter().collect())
    }

    fn finish(
        &mut self,
        project: Project,
        result: Result<Report, Diagnostics>,
        started: Instant,
    ) -> Result<Report, Diagnostics> {
        match result {
            Ok(mut report) => {
                self.fingerprints = std::mem::take(&mut report.written.fingerprints);
                self.project = Some(project);
                report.elapsed = started.elapsed();
                Ok(report)
            }
            Err(problems) => {
                // The output is as it was, but fingerprints were handed to the failed build:
                // forget the project so the next change reloads and compares with the disk.
                self.project = None;
                Err(problems)
            }
        }
    }
}
