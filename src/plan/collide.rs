//! One source per output path: claims, and the errors when two sources want the same path.

use crate::diagnostics::Diagnostic;
use crate::project::Project;
use std::collections::BTreeMap;

/// An address as a browser tells it apart: without the scheme (`http` and `https` lead to
/// the same site), the host in lower case, always ending in `/`.
fn address(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    format!("{}/{}", host.to_lowercase(), path.trim_end_matches('/'))
        .trim_end_matches('/')
        .to_owned()
        + "/"
}

/// Two school sites with the same `base_url` (a school file copied and not changed), or a
/// school at the overview's address: their canonical URLs and sitemaps would claim each
/// other's pages. Each school after the first is an error that names the first, with lines.
pub fn base_urls(project: &Project) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut first: BTreeMap<String, (&str, &str, usize)> = BTreeMap::new();
    let overview = project.config.base_url.as_deref().map(address);
    for (slug, entry) in &project.schools {
        let Some(url) = entry.school.base_url.as_deref() else {
            continue;
        };
        let (line, column) = crate::yaml::find_key(&entry.text, "base_url").unwrap_or((0, 0));
        let at = |d: Diagnostic| {
            if line > 0 {
                d.at(&entry.text, line, column)
            } else {
                d
            }
        };
        let key = address(url);
        if overview.as_deref() == Some(key.as_str()) {
            let own = project
                .config
                .base_url
                .as_deref()
                .map(|b| format!("{}/{slug}/", b.trim_end_matches('/')))
                .unwrap_or_default();
            problems.push(
                at(Diagnostic::error(
                    &entry.school.file,
                    format!("`base_url` `{url}` is the address of the overview (`base_url` in buddysite.yaml)"),
                ))
                .with_help(format!(
                    "each school's site has its own address, e.g. `base_url: \"{own}\"`"
                )),
            );
            continue;
        }
        match first.get(&key) {
            None => {
                first.insert(key, (slug, &entry.school.file, line));
            }
            Some((other_slug, other_file, other_line)) => {
                let example = if url.contains(*other_slug) {
                    format!(", e.g. `base_url: \"{}\"`", url.replace(*other_slug, slug))
                } else {
                    String::new()
                };
                let place = if *other_line > 0 {
                    format!("{other_file}:{other_line}")
                } else {
                    (*other_file).to_owned()
                };
                problems.push(
                    at(Diagnostic::error(
                        &entry.school.file,
                        format!("`base_url` `{url}` is also the address of another school, in {place}"),
                    ))
                    .with_help(format!(
                        "two school sites cannot be published at one address; was this file copied from {other_file}? Give this school its own address{example}"
                    )),
                );
            }
        }
    }
    problems
}

/// What claims a path, for the wording of the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A page rendered from a content file.
    Page,
    /// A file buddysite makes itself or takes from the theme.
    Generated,
    /// A content or school-folder file.
    Asset,
}

/// The claims of one site, by output path.
#[derive(Debug, Default)]
pub struct Claims {
    by_path: BTreeMap<String, (String, Kind)>,
    problems: Vec<Diagnostic>,
}

impl Claims {
    /// Claims `path` for `origin`; a second claim, or a path that would have to be both a file
    /// and a folder, is a problem that names both files.
    pub fn claim(&mut self, path: &str, origin: &str, kind: Kind) {
        if let Some((first, first_kind)) = self.by_path.get(path) {
            if first != origin {
                self.problems
                    .push(clash(path, (first, *first_kind), (origin, kind)));
            }
            return;
        }
        // `x` as a file and `x/…` as a folder cannot both exist.
        let mut folder = path;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            if let Some((first, first_kind)) = self.by_path.get(parent) {
                self.problems
                    .push(clash(path, (first, *first_kind), (origin, kind)));
                return;
            }
            folder = parent;
        }
        let below = format!("{path}/");
        if let Some((other, (first, first_kind))) = self
            .by_path
            .range(below.clone()..)
            .next()
            .filter(|(p, _)| p.starts_with(&below))
        {
            let other = other.clone();
            let (first, first_kind) = (first.clone(), *first_kind);
            self.problems
                .push(clash(&other, (&first, first_kind), (origin, kind)));
            return;
        }
        self.by_path
            .insert(path.to_owned(), (origin.to_owned(), kind));
    }

    /// The problems found.
    pub fn into_problems(self) -> Vec<Diagnostic> {
        self.problems
    }
}

fn clash(path: &str, first: (&str, Kind), second: (&str, Kind)) -> Diagnostic {
    // Report at the editor's file: the one that is not made by buddysite or the theme.
    let (mine, theirs) = if second.1 == Kind::Generated && first.1 != Kind::Generated {
        (first, second)
    } else {
        (second, first)
    };
    let help = match theirs.1 {
        Kind::Generated => crate::text!(
            PLAN_COLLISION_GENERATED_HELP,
            path = path,
            theirs = theirs.0,
            mine = mine.0
        ),
        _ => crate::text!(
            PLAN_COLLISION_HELP,
            path = path,
            first = theirs.0,
            second = mine.0
        ),
    };
    Diagnostic::error_text(
        mine.0,
        crate::text!(
            PLAN_PATH_COLLISION,
            path = path,
            first = theirs.0,
            second = mine.0
        ),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_claim_and_file_folder_clash_are_reported() {
        let mut c = Claims::default();
        c.claim("buddys/index.html", "content/buddys/_index.md", Kind::Page);
        c.claim("buddys/index.html", "content/buddys.md", Kind::Page);
        c.claim("robots.txt", "(made by buddysite)", Kind::Generated);
        c.claim("robots.txt", "content/robots.txt", Kind::Asset);
        c.claim("foto", "content/foto", Kind::Asset);
        c.claim("foto/index.html", "content/foto.md", Kind::Page);
        c.claim("brief/index.html", "content/brief.md", Kind::Page);
        c.claim("brief", "content/brief", Kind::Asset);
        let p = c.into_problems();
        assert_eq!(p.len(), 4, "{p:#?}");
        assert_eq!(p[0].file, "content/buddys.md");
        assert!(p[0].message.contains("content/buddys/_index.md"));
        assert_eq!(p[1].file, "content/robots.txt");
        assert_eq!(p[2].file, "content/foto.md");
        assert_eq!(p[3].file, "content/brief");
    }
}
