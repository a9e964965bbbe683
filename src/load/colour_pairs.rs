//! The colour pairs a theme declares in its `theme.yaml`, read once per load; the contrast
//! check (`check::contrast`) evaluates them for every school's colours.

use crate::color::{Expr, Palette};
use crate::diagnostics::Diagnostic;
use crate::theme::Theme;
use serde::Deserialize;

/// The theme file that declares the colour pairs.
pub const THEME_FILE: &str = "theme.yaml";

/// The default theme's `theme.yaml`, whose pairs also apply to a theme without one.
const DEFAULT_THEME_FILE: &str = include_str!("../../themes/default/theme.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    #[serde(default)]
    contrast: Vec<PairSpec>,
    #[serde(default)]
    #[allow(dead_code)]
    extra: crate::config::Extra,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairSpec {
    text: String,
    background: String,
    min: f64,
    what: String,
}

/// One pair of colours the theme puts on top of each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Foreground colour.
    pub text: Expr,
    /// Background colour.
    pub background: Expr,
    /// Lowest contrast ratio allowed: 4.5 for text, 3 for large text and UI parts.
    pub min: f64,
    /// What it is, in words for the editor ("menu items and buttons").
    pub what: String,
}

impl Pair {
    /// The contrast of this pair for one school.
    pub fn ratio(&self, palette: &Palette) -> f64 {
        self.text
            .eval(palette)
            .contrast(self.background.eval(palette))
    }

    /// Whether the pair depends on palette colour `name` (so a school's colour can fail it).
    pub fn uses(&self, name: &str) -> bool {
        self.text.uses(name) || self.background.uses(name)
    }
}

/// The default theme's pairs.
pub fn default_pairs() -> Vec<Pair> {
    let source = crate::source::SourceFile {
        name: format!("(built-in theme)/{THEME_FILE}"),
        text: DEFAULT_THEME_FILE.to_owned(),
    };
    parse_pairs(&source).unwrap_or_default()
}

/// The pairs the theme declares in `theme.yaml`, or the default ones.
pub fn pairs(theme: &Theme) -> Result<Vec<Pair>, Vec<Diagnostic>> {
    let Some(file) = theme.files.get(THEME_FILE) else {
        return Ok(default_pairs());
    };
    let source = crate::source::decode(&file.origin, file.bytes.to_vec()).map_err(|d| vec![d])?;
    parse_pairs(&source)
}

fn parse_pairs(source: &crate::source::SourceFile) -> Result<Vec<Pair>, Vec<Diagnostic>> {
    let spec: Spec = crate::yaml::parse_all(&source.name, &source.text, 0)?;
    let mut problems = Vec::new();
    let mut pairs = Vec::new();
    for p in spec.contrast {
        let expr = |value: &str| expr_or_problem(source, value);
        match (expr(&p.text), expr(&p.background)) {
            (Ok(text), Ok(background)) if (1.0..=21.0).contains(&p.min) => pairs.push(Pair {
                text,
                background,
                min: p.min,
                what: p.what,
            }),
            (Ok(_), Ok(_)) => problems.push(
                crate::yaml::key_error(source, "min", crate::text!(PAIRS_BAD_MIN, min = p.min))
                    .help(crate::text!(PAIRS_BAD_MIN_HELP)),
            ),
            (a, b) => problems.extend(a.err().into_iter().chain(b.err()).map(|d| *d)),
        }
    }
    if problems.is_empty() {
        Ok(pairs)
    } else {
        Err(problems)
    }
}

/// A colour expression of `theme.yaml`, or the problem with it at its line.
fn expr_or_problem(
    source: &crate::source::SourceFile,
    value: &str,
) -> Result<Expr, Box<Diagnostic>> {
    Expr::parse(value).ok_or_else(|| {
        let d = Diagnostic::error_text(&source.name, crate::text!(PAIRS_BAD_COLOUR, value = value))
            .help(crate::text!(PAIRS_BAD_COLOUR_HELP));
        let written = source.text.lines().enumerate().find_map(|(i, l)| {
            let body = l.trim_start().trim_start_matches("- ");
            let v = body
                .strip_prefix("text:")
                .or_else(|| body.strip_prefix("background:"))?;
            (v.trim().trim_matches(['"', '\'']) == value)
                .then(|| (i + 1, l.len() - v.trim_start().len() + 1))
        });
        Box::new(match written {
            Some((line, column)) => d.at(&source.text, line, column),
            None => d,
        })
    })
}
