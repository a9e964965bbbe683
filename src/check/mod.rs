//! Checks on the loaded project and on every rendered site: what parents would trip over.
//!
//! Run on every build, in memory, before anything is written: placeholders left in a page,
//! links and `#anchors` that lead nowhere, photos that are not there, resources from other
//! hosts, headings and colours that some parents cannot follow. Problems name the file the
//! editor wrote, not the generated page, wherever that can be known: a broken link written in
//! Markdown is reported at its line in the `.md` file.
//!
//! Two entry points (`output::build` calls them; when loading found errors it renders what
//! did load and runs them too, so one run reports every problem):
//! - [`project`]: after loading, once (the theme's colours, CSS and templates, 404 pages,
//!   translations);
//! - [`site`]: for every rendered school site (brand colours, links, anchors, photos,
//!   placeholders, hosts, pages without text), in `site.rs`, with `links.rs` finding where a
//!   problem was written.

pub mod contrast;
mod links;
pub mod privacy;
mod site;
pub mod toolkit;
pub mod translations;

pub use site::{school, site};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::project::Project;
use crate::text;

use crate::scan::is_resource;
pub use crate::scan::{css_urls, host, js_urls, scan, PageRefs};

/// Hosts pages may load from: those the SWV allows, and the sites' own published addresses.
fn allowed_host(project: &Project, host: &str) -> bool {
    let mut own = project
        .config
        .base_url
        .iter()
        .chain(
            project
                .schools
                .values()
                .filter_map(|e| e.school.base_url.as_ref()),
        )
        .filter_map(|u| self::host(u));
    project
        .config
        .allowed_hosts
        .iter()
        .any(|a| a.eq_ignore_ascii_case(host))
        || own.any(|a| a.eq_ignore_ascii_case(host))
}

const LEAK_HELP: crate::messages::Msg = crate::messages::registry::LEAK_HELP;

// ---------------------------------------------------------------------------------------
// After loading
// ---------------------------------------------------------------------------------------

/// Checks on the loaded project as a whole: brand colours against the theme's colour pairs,
/// and resources from other hosts in the theme's CSS and templates. (Links that lead out of
/// the project are refused by `load`, before anything behind them is read.)
pub fn project(project: &Project, problems: &mut Diagnostics) {
    problems.extend(crate::contrast::theme_problems(project));
    toolkit::project(project, problems);
    theme_hosts(project, problems);
    not_found_pages(project, problems);
    problems.extend(translations::problems(project));
}

/// A server shows a school's `404.html` for any missing address, also deep in the site;
/// without `base_url` its links are relative and only work for addresses at the top level.
fn not_found_pages(project: &Project, problems: &mut Diagnostics) {
    for entry in project.schools.values() {
        if entry.school.base_url.is_none() {
            problems.push(
                Diagnostic::warning_text(
                    &entry.school.file,
                    text!(CHECK_404_TOP_LEVEL, slug = &entry.school.slug),
                )
                .help(text!(CHECK_404_TOP_LEVEL_HELP)),
            );
        }
    }
}

/// `url(…)` and `@import` in the theme's CSS and in CSS files of the project, and resource
/// URLs written into the theme's templates.
fn theme_hosts(project: &Project, problems: &mut Diagnostics) {
    let theme = project
        .theme
        .files
        .iter()
        .map(|(name, f)| (name.as_str(), f.origin.as_str(), &f.bytes));
    let project_css = project
        .content_assets
        .values()
        .chain(project.schools.values().flat_map(|s| s.assets.values()))
        .filter(|a| a.origin.to_ascii_lowercase().ends_with(".css"))
        .map(|a| ("project.css", a.origin.as_str(), &a.bytes));
    for (name, origin, bytes) in theme.chain(project_css) {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let lines = crate::diagnostics::LineIndex::new(text);
        let at = |offset: usize, message: Text| {
            let line = lines.line(offset);
            let column = text[..offset]
                .rfind('\n')
                .map_or(offset, |n| offset - n - 1)
                + 1;
            Diagnostic::error_text(origin, message)
                .at(
                    text,
                    line,
                    text.get(offset - (column - 1)..offset)
                        .map_or(column, |s| s.chars().count() + 1),
                )
                .help(Text::new(LEAK_HELP))
        };
        if name.ends_with(".css") {
            for (offset, url) in css_urls(text) {
                if let Some(h) = host(&url).filter(|h| !allowed_host(project, h)) {
                    problems.push(at(
                        offset,
                        text!(CHECK_CSS_OTHER_HOST, url = &url, host = &h),
                    ));
                }
            }
        } else if name.ends_with(".js") {
            for (offset, url) in js_urls(text) {
                if let Some(h) = host(&url).filter(|h| !allowed_host(project, h)) {
                    problems.push(at(
                        offset,
                        text!(CHECK_JS_OTHER_HOST, url = &url, host = &h),
                    ));
                }
            }
        } else if name.starts_with("templates/") {
            let refs = scan(text);
            let resources = refs
                .urls
                .iter()
                .filter(|(tag, attr, _)| is_resource(tag, attr))
                .map(|(_, _, u)| u)
                .chain(refs.css_urls.iter())
                .chain(refs.script_urls.iter());
            for url in resources {
                if let Some(h) = host(url).filter(|h| !allowed_host(project, h)) {
                    let offset = text.find(url.as_str()).unwrap_or(0);
                    problems.push(at(
                        offset,
                        text!(CHECK_TEMPLATE_OTHER_HOST, url = url, host = &h),
                    ));
                }
            }
        }
    }
}
