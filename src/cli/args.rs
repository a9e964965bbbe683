//! The command line's arguments, as clap reads them. In the library, not in `main.rs`, so
//! that a test can walk every command and argument and check that its help text comes from
//! the catalogues (see [`super::help`]).

use super::format::Format;
use crate::live::serve;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Static sites for the parent-buddy programme of a samenwerkingsverband: one per school.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// Language of the messages: en or nl (default: BUDDYSITE_LANG, else the system's language, else en).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args)]
pub struct WatchArgs {
    /// Use polling instead of file system events (WSL, Docker mounts, network drives).
    #[arg(long)]
    pub poll: bool,
    /// How long to gather the events of one save before rebuilding, in milliseconds.
    #[arg(long, default_value_t = 30, value_name = "MS")]
    pub debounce: u64,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// How to print the problems: text (for people), json (JSON Lines) or github
        /// (workflow annotations).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List per language which translations are up to date, outdated, unmarked or missing;
    /// with --mark, record that translations match their source again.
    Translations {
        /// Project folder (holds buddysite.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Only this language of the sites (its code, e.g. `en`); `--lang` chooses the
        /// language of buddysite's own messages.
        #[arg(long = "language", value_name = "CODE")]
        language: Option<String>,
        /// Also fail on missing translations and consistency warnings.
        #[arg(long)]
        strict: bool,
        /// Record the current hash of its source in each of these translations (the only
        /// files this command ever changes).
        #[arg(long, value_name = "FILE", num_args = 1..)]
        mark: Vec<PathBuf>,
    },
    /// Create a new SWV project (asks on a terminal, or give every value as a flag).
    Init(super::init::InitArgs),
    /// Add a school, buddy, FAQ question or page from a commented template.
    New(super::new::NewArgs),
    /// Write the JSON Schemas that give VS Code autocompletion for the YAML files.
    Schema(super::SchemaArgs),
    /// List every buddy's consent; exit code 1 when one ends within the window.
    Consents(super::ConsentsArgs),
}
