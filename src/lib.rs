//! buddysite: one branded, accessible static site per school for the parent-buddy programme of
//! a *samenwerkingsverband* (SWV), from shared Markdown and one YAML file per school.
//!
//! The pipeline runs one way, and the folders show it:
//! - [`load`] reads everything from disk once (source files, YAML, `buddysite.yaml`, school
//!   files, front matter, the theme): the only code that reads input;
//! - [`render`] turns the loaded project into the files of one school's site, a pure function,
//!   so schools render in parallel and the live preview re-renders one school alone;
//! - [`check`](mod@check) finds what parents would trip over before anything is written;
//! - [`output`] writes atomically, and its `build` ties the stages together;
//! - [`live`] is the preview (`serve --watch`) on top of exactly that path.
//!
//! Problems are [`diagnostics::Diagnostic`]s that name file, line and column.

/// The memory allocator of every program built on this library (the CLI, the benchmarks, the
/// tests), so that what the benchmarks measure is what an SWV runs. A build makes and drops
/// many small strings per page on two threads at once; mimalloc does that about 10% faster than
/// glibc's allocator. `no_thp`: without it mimalloc asks Linux for 2 MiB pages, which
/// doubled the peak memory of a build (46 against 87 MiB for 200 schools in 3 languages).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod check;
pub mod cli;
pub mod color;
pub mod diagnostics;
pub mod init;
pub mod live;
pub mod load;
pub mod messages;
pub mod output;
pub mod paths;
pub mod plan;
pub mod render;
pub mod scan;
pub mod schema;

pub use check::contrast;
pub use live::{serve, session, watch};
pub use load::{config, content, date, project, school, source, theme, yaml};
pub use output::build;
pub use render::{markdown, placeholders, sanitize, templates};

pub use build::{build, check, Report};
pub use diagnostics::{Diagnostic, Diagnostics};
pub use project::Project;
