//! A build that stays in memory between changes: the engine of `--watch`.
//!
//! The session keeps the loaded project and the fingerprints of what it wrote. A change to
//! one school's YAML or override folder reloads and re-renders that school alone (and the
//! overview, which lists it); a change to shared content, the theme or `buddysite.yaml`
//! reloads the project and re-renders every school. Either way only files whose bytes
//! changed are written. After a failed rebuild the next one reloads everything, so no error
//! is forgotten while the last good site keeps being served.

use crate::build::{self, Report};
use crate::diagnostics::Diagnostics;
use crate::output::Scope;
use crate::project::{is_ignored, Affects, Project};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a set of changed files asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Nothing buddysite reads changed (output files, editor swap files).
    Nothing,
    /// Only these schools' own files changed.
    Schools(BTreeSet<String>),
    /// Only these shared content files (paths under `content/`) changed.
    Content(BTreeSet<String>),
    /// Shared files changed: reload and re-render everything.
    Everything,
}

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
}

impl Session {
    /// Opens the project at `root` and builds it completely. The session is returned even if
    /// that build failed (the error is in the second value), so watching can start and the
    /// editor can fix the problem.
    pub fn start(root: &Path, output: Option<&Path>) -> (Session, Result<Report, Diagnostics>) {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut session = Session {
            root: root.clone(),
            output: output.map(Path::to_owned),
            out: output.map_or_else(|| root.join("public"), Path::to_owned),
            project: None,
            fingerprints: HashMap::new(),
        };
        let result = session.rebuild_everything();
        (session, result)
    }

    /// The output folder.
    pub fn output_dir(&self) -> &Path {
        &self.out
    }

    /// The project as last loaded without errors.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// The project root (canonical), against which changed paths are resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Decides what the changed `paths` (absolute, or relative to the root) ask for.
    pub fn plan(&self, paths: &[PathBuf]) -> Plan {
        let mut schools = BTreeSet::new();
        let mut content = BTreeSet::new();
        for path in paths {
            let rel = path.strip_prefix(&self.root).unwrap_or(path);
            if rel.as_os_str().is_empty()
                || path.starts_with(&self.out)
                || rel.iter().any(is_ignored)
                || rel.starts_with("target")
            {
                continue;
            }
            let mut parts = rel.iter().map(|p| p.to_string_lossy());
            match parts.next().as_deref() {
                Some("buddysite.yaml") | Some("themes") => return Plan::Everything,
                Some("content") => {
                    let rest: Vec<String> = parts.map(|p| p.into_owned()).collect();
                    if !rest.is_empty() {
                        content.insert(rest.join("/"));
                    }
                }
                Some("schools") => match parts.next() {
                    Some(name) => {
                        let slug = name
                            .strip_suffix(".yaml")
                            .or_else(|| name.strip_suffix(".yml"))
                            .unwrap_or(&name)
                            .to_owned();
                        if !crate::config::is_slug(&slug) {
                            return Plan::Everything;
                        }
                        schools.insert(slug);
                    }
                    // The folder itself (its listing changed): the files are reported too.
                    None => continue,
                },
                _ => {}
            }
        }
        match (schools.is_empty(), content.is_empty()) {
            (true, true) => Plan::Nothing,
            _ if self.project.is_none() => Plan::Everything,
            (false, true) => Plan::Schools(schools),
            (true, false) => Plan::Content(content),
            (false, false) => Plan::Everything,
        }
    }

    /// Rebuilds what the changed `paths` affect.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Option<(Plan, Result<Report, Diagnostics>)> {
        let plan = self.plan(paths);
        let result = match &plan {
            Plan::Nothing => return None,
            Plan::Everything => self.rebuild_everything(),
            Plan::Schools(slugs) => self.rebuild_schools(slugs),
            Plan::Content(rels) => self.rebuild_content(rels),
        };
        Some((plan, result))
    }

    /// Reloads the whole project and rebuilds every school.
    pub fn rebuild_everything(&mut self) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let project = match crate::build::load(&self.root) {
            Ok(p) => p,
            Err(problems) => {
                self.project = None;
                return Err(problems);
            }
        };
        self.out = build::output_dir(&project, self.output.as_deref());
        let slugs: Vec<String> = project.schools.keys().cloned().collect();
        let result = build::run(
            &project,
            &self.out,
            &slugs,
            &Scope::All,
            std::mem::take(&mut self.fingerprints),
        );
        self.finish(project, result, started)
    }

    /// Reloads and rebuilds only `slugs` (and the overview).
    fn rebuild_schools(&mut self, slugs: &BTreeSet<String>) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let Some(mut project) = self.project.take() else {
            return self.rebuild_everything();
        };
        let mut problems = Diagnostics::default();
        for slug in slugs {
            if let Err(p) = project.reload_school(slug) {
                problems.extend(p);
            }
        }
        if problems.has_errors() {
            // Keep serving the last good site; the next change reloads everything.
            problems.sort();
            return Err(problems);
        }
        let all: Vec<String> = slugs.iter().cloned().collect();
        let present: Vec<String> = all
            .iter()
            .filter(|s| project.schools.contains_key(*s))
            .cloned()
            .collect();
        let scope = build::school_scope(&all);
        let result = build::run(
            &project,
            &self.out,
            &present,
            &scope,
            std::mem::take(&mut self.fingerprints),
        );
        self.finish(project, result, started)
    }

    /// Reloads changed shared content and re-renders, in every school, only the pages that
    /// show it.
    fn rebuild_content(&mut self, rels: &BTreeSet<String>) -> Result<Report, Diagnostics> {
        let started = Instant::now();
        let Some(mut project) = self.project.take() else {
            return self.rebuild_everything();
        };
        let affects = project.reload_content(rels)?;
        let slugs: Vec<String> = project.schools.keys().cloned().collect();
        let known = std::mem::take(&mut self.fingerprints);
        let result = match &affects {
            Affects::All => build::run(&project, &self.out, &slugs, &Scope::All, known),
            Affects::Pages(pages) => {
                let exact: Vec<String> = slugs
                    .iter()
                    .flat_map(|s| pages.iter().map(move |p| format!("{s}/{p}")))
                    .collect();
                build::run_pages(
                    &project,
                    &self.out,
                    &slugs,
                    Some(pages),
                    &Scope::Prefixes(exact),
                    known,
                )
            }
        };
        self.finish(project, result, started)
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
