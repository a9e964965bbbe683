//! buddysite: one branded, accessible static site per school for the parent-buddy programme of
//! a *samenwerkingsverband* (SWV), from shared Markdown and one YAML file per school.
//!
//! The pipeline, module by module:
//! - [`project`] reads everything from disk once ([`source`], [`yaml`], [`config`],
//!   [`school`], [`content`], [`theme`]) and compiles templates ([`templates`]) and shared
//!   Markdown ([`markdown`], [`placeholders`], [`sanitize`]);
//! - [`render`] turns the loaded project into the files of one school's site, a pure function,
//!   so schools render in parallel and the live preview re-renders one school alone;
//! - [`check`] finds what parents would trip over before anything is written;
//! - [`output`] writes atomically, and [`build`] ties it together.
//!
//! Problems are [`diagnostics::Diagnostic`]s that name file, line and column.

pub mod build;
pub mod check;
pub mod color;
pub mod config;
pub mod content;
pub mod contrast;
pub mod date;
pub mod diagnostics;
pub mod init;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod placeholders;
pub mod project;
pub mod render;
pub mod sanitize;
pub mod school;
pub mod serve;
pub mod session;
pub mod source;
pub mod templates;
pub mod theme;
pub mod watch;
pub mod yaml;

pub use build::{build, check, Report};
pub use diagnostics::{Diagnostic, Diagnostics};
pub use project::Project;
