//! `buddysite --help` in the editor's language.
//!
//! clap takes the descriptions of commands and arguments from doc comments, in English. Here
//! every description is replaced, before the arguments are read, by the catalogue's words in
//! the language of this run (`--lang`, `BUDDYSITE_LANG`, the system's language), and clap's
//! own words around them (the headings, `[default: …]`, the help and version flags) too.
//!
//! A command's description has the key `help-<command path>` (`help-new-school`); an
//! argument's `help-<command path>-<argument>` (`help-build-output`), or, for an argument
//! that means the same in every command (`--root`), `help-arg-<argument>`. A test walks the
//! whole command tree, so a new command or argument without a catalogue entry fails.

use super::args::Cli;
use crate::messages::{registry, Lang, Msg, Text};
use crate::text;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Reads the command line: the language first (so `--help` is in it), then everything
/// with clap. Exits as clap does on `--help`, `--version` and wrong usage.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = Lang::choose(lang_flag(&args).as_deref())
        .or_else(|_| Lang::choose(None))
        .unwrap_or(Lang::En);
    crate::messages::set_language(lang);
    let matches = command()
        .try_get_matches_from(args)
        .unwrap_or_else(|e| exit_with(e, lang));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(e, lang))
}

/// Exits as clap would for `e`; a usage mistake clap explains is told in `lang` when the
/// catalogues have words for that kind of mistake (clap's own English otherwise).
fn exit_with(e: clap::Error, lang: Lang) -> ! {
    if lang != Lang::En && e.use_stderr() {
        if let Some(text) = usage_error(&e, lang) {
            eprintln!("{text}");
            std::process::exit(i32::from(super::USAGE));
        }
    }
    e.exit()
}

/// clap's usage error `e` in the words of the catalogues, when they have its kind.
pub fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind as K, ErrorKind};
    let get = |k: K| e.get(k).map(ToString::to_string);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => text!(CLAP_UNKNOWN_ARGUMENT, arg = get(K::InvalidArg)?),
        ErrorKind::InvalidSubcommand => {
            text!(CLAP_UNKNOWN_COMMAND, command = get(K::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue if get(K::InvalidValue).is_some_and(|v| v.is_empty()) => {
            text!(CLAP_NO_VALUE, arg = get(K::InvalidArg)?)
        }
        ErrorKind::InvalidValue => text!(
            CLAP_INVALID_VALUE,
            value = get(K::InvalidValue)?,
            arg = get(K::InvalidArg)?,
            valid = get(K::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => text!(
            CLAP_BAD_VALUE,
            value = get(K::InvalidValue)?,
            arg = get(K::InvalidArg)?
        ),
        ErrorKind::MissingRequiredArgument => {
            text!(CLAP_MISSING_ARGUMENTS, args = get(K::InvalidArg)?)
        }
        ErrorKind::MissingSubcommand => text!(CLAP_MISSING_COMMAND),
        _ => return None,
    };
    let mut out = text!(CLI_ERROR, message = message).render_in(lang);
    let quoted = |k: K| match e.get(k)? {
        clap::error::ContextValue::Strings(list) => Some(
            list.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(format!("`{other}`")),
    };
    let suggestion = quoted(K::SuggestedArg).or_else(|| quoted(K::SuggestedSubcommand));
    if let Some(s) = suggestion {
        let tip = text!(CLAP_SUGGESTION, suggestion = s).render_in(lang);
        out.push_str(&format!("\n\n  {tip}"));
    }
    if let Some(usage) = get(K::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        let heading = text!(CLAP_USAGE).render_in(lang);
        out.push_str(&format!("\n\n{heading} {usage}"));
    }
    out.push_str(&format!("\n\n{}", text!(CLAP_MORE).render_in(lang)));
    Some(out)
}

/// The value of `--lang X` or `--lang=X` anywhere on the command line, before clap reads it.
pub fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

/// The whole command tree with every text in the chosen language.
pub fn command() -> Command {
    command_in(crate::messages::language())
}

/// The whole command tree with every text in `lang`.
pub fn command_in(lang: Lang) -> Command {
    let mut cmd = localize(Cli::command(), "help", true, lang);
    // The `help` subcommands exist only once clap has built the tree.
    cmd.build();
    localize_help_subcommands(cmd, lang)
}

/// The message for `key`, when the registry has it.
fn message(key: &str) -> Option<Msg> {
    registry::ALL.iter().find(|m| m.key == key).copied()
}

/// The key of argument `id` of the command with key `command`: its own, else the shared one.
pub fn arg_key(command: &str, id: &str) -> String {
    let own = format!("{command}-{}", id.replace('_', "-"));
    if message(&own).is_some() {
        own
    } else {
        format!("help-arg-{}", id.replace('_', "-"))
    }
}

/// The key of subcommand `name` of the command with key `parent`.
pub fn command_key(parent: &str, name: &str) -> String {
    format!("{parent}-{name}")
}

fn localize(mut cmd: Command, key: &str, root: bool, lang: Lang) -> Command {
    if let Some(m) = message(key) {
        cmd = cmd.about(Text::new(m).render_in(lang)).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let arg_key = arg_key(key, &id);
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, &arg_key, lang));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let sub_key = command_key(key, &name);
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub_key, false, lang));
    }
    let options = text!(CLAP_OPTIONS).render_in(lang);
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            text!(CLAP_USAGE).render_in(lang)
        ))
        .subcommand_help_heading(text!(CLAP_COMMANDS).render_in(lang))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text!(CLAP_HELP).render_in(lang))
                .help_heading(options.clone()),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text!(CLAP_VERSION).render_in(lang))
                .help_heading(options),
        );
    }
    cmd
}

fn localize_arg(mut a: Arg, key: &str, lang: Lang) -> Arg {
    let mut help = message(key)
        .map(|m| Text::new(m).render_in(lang))
        .unwrap_or_default();
    let takes_value = a.get_action().takes_values();
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_owned())
        .collect();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
        let default = text!(CLAP_DEFAULT, value = defaults.join(", "));
        help = format!("{help} {}", default.render_in(lang));
    }
    if takes_value && !possible.is_empty() && !a.is_hide_possible_values_set() {
        let possible = text!(CLAP_POSSIBLE, values = possible.join(", "));
        help = format!("{help} {}", possible.render_in(lang));
    }
    let heading = if a.is_positional() {
        text!(CLAP_ARGUMENTS)
    } else {
        text!(CLAP_OPTIONS)
    };
    a = a.help(help).long_help(None);
    if takes_value {
        a = a.hide_default_value(true).hide_possible_values(true);
    }
    if a.get_help_heading().is_none() {
        a = a.help_heading(heading.render_in(lang));
    }
    a
}

/// clap's own `help` subcommand (`buddysite help build`), in every command that has one.
fn localize_help_subcommands(mut cmd: Command, lang: Lang) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand("help", |c| {
                c.about(text!(CLAP_HELP_COMMAND).render_in(lang))
            })
        } else {
            cmd.mut_subcommand(&name, |c| localize_help_subcommands(c, lang))
        };
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every key the command tree asks for, walking it as [`localize`] does.
    fn keys_used(cmd: &Command, key: &str, out: &mut BTreeSet<String>) {
        out.insert(key.to_owned());
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id != "help" && id != "version" {
                out.insert(arg_key(key, id));
            }
        }
        for c in cmd.get_subcommands() {
            keys_used(c, &command_key(key, c.get_name()), out);
        }
    }

    /// A command or argument without words in the catalogues would show no help at all, and
    /// a catalogue entry for one that is gone is dead text.
    #[test]
    fn every_command_and_argument_has_help_in_the_catalogues() {
        let mut used = BTreeSet::new();
        keys_used(&Cli::command(), "help", &mut used);
        let missing: Vec<&String> = used.iter().filter(|k| message(k).is_none()).collect();
        assert!(missing.is_empty(), "no catalogue entry for: {missing:?}");
        let known: BTreeSet<&str> = registry::ALL
            .iter()
            .map(|m| m.key)
            .filter(|k| k.starts_with("help"))
            .collect();
        let unused: Vec<&&str> = known.iter().filter(|k| !used.contains(**k)).collect();
        assert!(
            unused.is_empty(),
            "help for no command or argument: {unused:?}"
        );
    }

    /// clap's own checks of the tree (it panics on a wrong combination of settings only
    /// when the tree is used), in both languages.
    #[test]
    fn the_localized_tree_is_valid_in_every_language() {
        for lang in Lang::ALL {
            command_in(lang).debug_assert();
        }
    }

    /// clap's common usage mistakes are told in Dutch; a kind the catalogues have no words
    /// for is left to clap.
    #[test]
    fn usage_mistakes_are_told_in_dutch() {
        let said = |args: &[&str]| {
            let e = command_in(Lang::Nl)
                .try_get_matches_from(args)
                .expect_err("a usage mistake");
            usage_error(&e, Lang::Nl)
        };
        let unknown = said(&["buddysite", "check", "--stirct"]).unwrap_or_default();
        assert!(
            unknown.starts_with("fout: onbekende optie `--stirct`"),
            "{unknown}"
        );
        assert!(unknown.contains("tip: bedoel je `--strict`?"), "{unknown}");
        assert!(unknown.contains("Gebruik: buddysite check"), "{unknown}");
        assert!(
            unknown.ends_with("Meer weten? Probeer '--help'."),
            "{unknown}"
        );
        let value = said(&["buddysite", "check", "--format", "xml"]).unwrap_or_default();
        assert!(
            value.starts_with(
                "fout: `xml` kan niet bij `--format <FORMAT>`; kies uit: text, json, github"
            ),
            "{value}"
        );
        let command = said(&["buddysite", "chek"]).unwrap_or_default();
        assert!(
            command.starts_with("fout: onbekende opdracht `chek`"),
            "{command}"
        );
        assert!(
            command.contains("tip: bedoel je ") && command.contains("`check`"),
            "{command}"
        );
    }

    #[test]
    fn the_language_flag_is_found_before_clap_reads_it() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["b", "check", "--lang", "nl"])),
            Some("nl".into())
        );
        assert_eq!(
            lang_flag(&args(&["b", "--lang=en", "build"])),
            Some("en".into())
        );
        assert_eq!(
            lang_flag(&args(&["b", "build", "--", "--lang", "nl"])),
            None
        );
        assert_eq!(lang_flag(&args(&["b", "build"])), None);
    }
}
