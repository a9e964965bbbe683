//! Every sentence buddysite says to a person, in Dutch or English.
//!
//! The editors are Dutch communication staff and coordinators, not programmers: they should
//! read what went wrong in their own language. So no message is written in the code. Code
//! names a message by a stable key from the [`registry`] (`yaml-unknown-key`) with named
//! arguments, and the text comes from a Fluent catalogue (`locales/en/buddysite.ftl`,
//! `locales/nl/buddysite.ftl`, compiled into the binary) in the language of this run:
//! `--lang`, then `BUDDYSITE_LANG`, then the system's language, else English.
//!
//! A [`Text`] keeps the key and arguments and is turned into words only when it is shown,
//! so the same problem can be printed, sent to the preview or written as JSON in the chosen
//! language, and the key stays the same in every language (docs/checks.md lists them).

pub mod registry;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

pub use registry::Msg;

/// A language buddysite speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// The default, and the fallback for a message a catalogue lacks.
    En,
    /// The editors' own language.
    Nl,
}

impl Lang {
    /// Every language, for tests that check the catalogues against each other.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The language code, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The catalogue's text, as compiled into the binary.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../locales/en/buddysite.ftl"),
            Lang::Nl => include_str!("../../locales/nl/buddysite.ftl"),
        }
    }

    /// Reads a language tag as people and systems write it: `nl`, `NL`, `nl-NL`, `nl_BE`,
    /// `nl_NL.UTF-8`, `en-US`. `None` for a language buddysite does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary: String = tag
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" | "dutch" | "nederlands" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of this run: `flag` (`--lang`), then `BUDDYSITE_LANG`, then the system
    /// language (`sys-locale`, which also reads Windows' display language), else English.
    /// An unknown `--lang` is an error (the user asked for it by name); an unknown value
    /// elsewhere falls through to the next source.
    pub fn choose(flag: Option<&str>) -> Result<Lang, String> {
        if let Some(flag) = flag {
            return Lang::parse(flag).ok_or_else(|| flag.to_owned());
        }
        let env = std::env::var(LANG_VAR).ok();
        let system = sys_locale::get_locale();
        let found = [env.as_deref(), system.as_deref()]
            .into_iter()
            .flatten()
            .find_map(Lang::parse);
        Ok(found.unwrap_or(Lang::En))
    }
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANG_VAR: &str = "BUDDYSITE_LANG";

/// The language of this run (0 English, 1 Dutch); set once at start by the command line.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language every [`Text`] is shown in from now on. The command line calls it
/// first thing, before any message exists; library users who never call it get English.
pub fn set_language(lang: Lang) {
    CURRENT.store(u8::from(lang == Lang::Nl), Ordering::Relaxed);
}

/// The language texts are shown in.
pub fn language() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == 1 {
        Lang::Nl
    } else {
        Lang::En
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A name, path or value shown as written.
    Str(String),
    /// A count or measure: Fluent picks the plural form by it.
    Num(f64),
    /// A part of the sentence that is itself a message (the reason a path is refused).
    Text(Box<Text>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Str((*s).to_owned())
    }
}
impl From<&&String> for Arg {
    fn from(s: &&String) -> Self {
        Arg::Str((*s).clone())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Self {
        Arg::Str(s.into_owned())
    }
}
impl From<&std::borrow::Cow<'_, str>> for Arg {
    fn from(s: &std::borrow::Cow<'_, str>) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Num(*n as f64)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32, f64, f32);

/// A message to show: its key in the catalogues and its arguments, turned into words in
/// the chosen language when it is shown. Build one with [`crate::text!`].
///
/// Boxed, so that a `Diagnostic` (two of these) stays small to pass around.
#[derive(Clone)]
pub struct Text(Box<Inner>);

#[derive(Clone)]
struct Inner {
    msg: Msg,
    args: Vec<(&'static str, Arg)>,
    /// The words in [`language()`], made on first use (so `&*text` works like a `&str`).
    shown: OnceLock<String>,
}

impl Text {
    /// The message `msg` without arguments yet; add them with [`Text::arg`].
    pub fn new(msg: Msg) -> Text {
        Text(Box::new(Inner {
            msg,
            args: Vec::new(),
            shown: OnceLock::new(),
        }))
    }

    /// TRANSITIONAL: a sentence written in English in the code, not from the catalogues.
    /// Only for diagnostics added with the old `Diagnostic::error(file, "…")` API until
    /// they get a key of their own; nothing else should call it.
    pub fn untranslated(text: impl Into<String>) -> Text {
        Text::new(registry::UNTRANSLATED).arg("text", text.into())
    }

    /// Adds argument `name`. In debug builds (tests) a name the registry does not list for
    /// this message fails at once, so a typo cannot slip through as `{$nmae}`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        debug_assert!(
            self.0.msg.args.contains(&name),
            "message `{}` has no argument `{name}` (it has: {:?})",
            self.0.msg.key,
            self.0.msg.args
        );
        self.0.args.push((name, value.into()));
        self.0.shown = OnceLock::new();
        self
    }

    /// The stable key, e.g. `yaml-unknown-key` (the `code` of a diagnostic).
    pub fn key(&self) -> &'static str {
        self.0.msg.key
    }

    /// The arguments, in the order they were added.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.0.args
    }

    /// The words in `lang`.
    pub fn render_in(&self, lang: Lang) -> String {
        format(lang, self.0.msg.key, &self.0.args)
    }

    /// The words in the chosen language (see [`set_language`]).
    pub fn render(&self) -> String {
        self.render_in(language())
    }

    /// The words in the chosen language, like `String::as_str`.
    pub fn as_str(&self) -> &str {
        self.shown()
    }

    fn shown(&self) -> &str {
        self.0.shown.get_or_init(|| self.render())
    }
}

/// No words at all (a help that is not there), so `help.unwrap_or_default()` works.
impl Default for Text {
    fn default() -> Text {
        Text::untranslated(String::new())
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.shown()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.shown())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {:?}", self.0.msg.key, self.shown())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.0.msg.key == other.0.msg.key && self.0.args == other.0.args
    }
}
impl Eq for Text {}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.shown() == *other
    }
}
impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.shown() == other.as_str()
    }
}
impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.shown() == other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.shown()
            .cmp(other.shown())
            .then(self.0.msg.key.cmp(other.0.msg.key))
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.shown())
    }
}

/// Builds a [`Text`]: `text!(YAML_UNKNOWN_KEY, key = full)` is the message
/// `registry::YAML_UNKNOWN_KEY` with its argument `key`. The message is a constant, so a
/// misspelt key does not compile; a misspelt argument fails the tests.
#[macro_export]
macro_rules! text {
    ($msg:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text::new($crate::messages::registry::$msg)
            $(.arg(stringify!($name), $value))*
    };
}

type Bundle = FluentBundle<FluentResource>;

/// The two bundles, parsed on first use.
fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Lang::En), bundle(Lang::Nl)])
}

fn bundle(lang: Lang) -> Bundle {
    // The catalogues are ours and a test parses them; should one still have an error, the
    // messages that did parse are used and the rest fall back to English.
    let resource = match FluentResource::try_new(lang.catalogue().to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No invisible direction marks around arguments: the text goes to consoles and logs.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Text(t) => FluentValue::from(t.render_in(lang)),
        };
        fluent.set(*name, value);
    }
    let [en, nl] = bundles();
    let found = [if lang == Lang::Nl { nl } else { en }, en]
        .into_iter()
        .find_map(|b| b.get_message(key).and_then(|m| m.value()).map(|p| (b, p)));
    let Some((bundle, pattern)) = found else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
    debug_assert!(errors.is_empty(), "message `{key}`: {errors:?}");
    text.into_owned()
}

/// The words of message `msg` (without arguments) in the chosen language: for labels such
/// as `error` and `help`.
pub fn word(msg: Msg) -> String {
    Text::new(msg).render()
}

#[cfg(test)]
mod tests;
