//! Brand colours against WCAG AA, for the colour pairs the theme really puts on the page.
//!
//! A school picks its own colour; the theme derives the rest (`on_primary`, `primary_text`,
//! see [`crate::color::Palette`]). For a mid-tone colour neither white nor black text reads
//! well on it, and no theme can fix that: the check names the line of the school's YAML, the
//! ratio, and the nearest shade of the school's own colour that passes.
//!
//! Which pairs to check is the theme's knowledge, so the theme declares them in
//! `theme.yaml` at its root:
//!
//! ```yaml
//! contrast:
//!   - text: on_primary
//!     background: primary
//!     min: 4.5
//!     what: menu items and buttons
//! ```
//!
//! `text` and `background` are palette names (`primary`, `accent`, `on_primary`,
//! `on_accent`, `primary_text`), fixed colours (`"#ffffff"`) or mixes as CSS `color-mix()`
//! makes them (`mix(primary 28%, #ffffff)`). A theme without `theme.yaml` is checked with
//! the default theme's pairs.

use crate::color::{ratio_text, Color, Palette, WHITE};
use crate::diagnostics::Diagnostic;
use crate::project::Project;
use crate::school::School;

pub use crate::load::colour_pairs::{default_pairs, pairs, Pair, THEME_FILE};

/// Problems of the theme's own colour pairs: a `theme.yaml` that cannot be read, and pairs
/// of fixed colours (no school colour in them) that fail.
pub fn theme_problems(project: &Project) -> Vec<Diagnostic> {
    let pairs = match pairs(&project.theme) {
        Ok(p) => p,
        Err(problems) => return problems,
    };
    let mut problems = Vec::new();
    for pair in pairs
        .iter()
        .filter(|p| !p.uses("primary") && !p.uses("accent"))
    {
        let ratio = pair.ratio(&Palette::new(WHITE, None));
        if ratio < pair.min {
            let origin = project
                .theme
                .files
                .get(THEME_FILE)
                .map_or("(theme)".to_owned(), |f| f.origin.clone());
            problems.push(
                Diagnostic::error_text(
                    origin,
                    crate::text!(
                        CONTRAST_THEME,
                        what = &pair.what,
                        ratio = ratio_text(ratio),
                        min = ratio_text(pair.min)
                    ),
                )
                .help(crate::text!(CONTRAST_THEME_HELP)),
            );
            if let (Some(d), Some(file)) =
                (problems.last_mut(), project.theme.files.get(THEME_FILE))
            {
                let text = String::from_utf8_lossy(&file.bytes).replace("\r\n", "\n");
                if let Some((line, column)) = crate::yaml::find_value(&text, 1, &pair.what) {
                    *d = d.clone().at(&text, line, column);
                }
            }
        }
    }
    problems
}

/// The colour problems of one school with the project's theme (none when the theme's
/// `theme.yaml` is broken: [`theme_problems`] reports that).
pub fn school_problems(project: &Project, entry: &crate::project::SchoolEntry) -> Vec<Diagnostic> {
    match &project.theme.contrast_pairs {
        Some(pairs) => check_school(pairs, &entry.school, &entry.text),
        None => Vec::new(),
    }
}

/// The colour problems of one school; `text` is its YAML file.
pub fn check_school(pairs: &[Pair], school: &School, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let brand = &school.brand;
    let palette = Palette::new(brand.primary, brand.accent);
    // Without its own accent a school's accent is a tint of its primary: blame the primary.
    let accent_key = if brand.accent.is_some() {
        "accent"
    } else {
        "primary"
    };
    for (name, key) in [("primary", "primary"), ("accent", accent_key)] {
        let relevant: Vec<&Pair> = pairs.iter().filter(|p| p.uses(name)).collect();
        let failing: Vec<(&Pair, f64)> = relevant
            .iter()
            .map(|p| (*p, p.ratio(&palette)))
            .filter(|(p, r)| *r < p.min)
            .collect();
        if failing.is_empty() {
            continue;
        }
        let current = if key == "accent" {
            palette.accent
        } else {
            brand.primary
        };
        let with = |c: Color| {
            if key == "accent" {
                Palette::new(brand.primary, Some(c))
            } else {
                Palette::new(c, brand.accent)
            }
        };
        let passes = |c: Color| {
            let p = with(c);
            relevant.iter().all(|pair| pair.ratio(&p) >= pair.min)
        };
        let what: Vec<String> = failing
            .iter()
            .map(|(p, r)| {
                crate::text!(
                    CONTRAST_FAILING_PAIR,
                    what = &p.what,
                    ratio = ratio_text(*r),
                    min = ratio_text(p.min)
                )
                .render()
            })
            .collect();
        let full_key = format!("brand.{key}");
        let message = crate::text!(
            CONTRAST_BRAND,
            colour = current.to_string(),
            key = &full_key,
            pairs = what.join("; ")
        );
        let help = match nearest_shade(current, passes) {
            Some(shade) => crate::text!(CONTRAST_SHADE_HELP, shade = shade.to_string()),
            None => crate::text!(CONTRAST_NO_SHADE_HELP),
        };
        let d = Diagnostic::error_text(&school.file, message).help(help);
        problems.push(
            match crate::yaml::find_key(text, &full_key)
                .or_else(|| crate::yaml::find_key(text, key))
            {
                Some((line, column)) => {
                    let value_column = text
                        .lines()
                        .nth(line - 1)
                        .and_then(|l| l.find(':').map(|i| l[..i + 1].chars().count() + 2))
                        .unwrap_or(column);
                    d.at(text, line, value_column)
                }
                None => d,
            },
        );
    }
    problems
}

/// The shade of `color` closest to it (mixing towards black or white, in 1% steps) for
/// which `passes` holds.
pub fn nearest_shade(color: Color, passes: impl Fn(Color) -> bool) -> Option<Color> {
    const BLACK: Color = Color { r: 0, g: 0, b: 0 };
    (1..=100).find_map(|step| {
        let t = f64::from(step) / 100.0;
        [BLACK, WHITE]
            .into_iter()
            .map(|target| color.mix(target, t))
            .find(|c| passes(*c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(primary: &str, accent: Option<&str>) -> (School, String) {
        let text = format!(
            "name: X\nkind: so\nplace: Y\nbrand:\n  primary: \"{primary}\"\n{}contact:\n  name: Z\n",
            accent.map_or(String::new(), |a| format!("  accent: \"{a}\"\n"))
        );
        let file = crate::source::SourceFile {
            name: "schools/x.yaml".into(),
            text: text.clone(),
        };
        (School::parse("x", &file).expect("valid school"), text)
    }

    #[test]
    fn dark_and_light_colours_pass() {
        for c in ["#1d4f91", "#ffd500", "#000000", "#ffffff", "#7a1f3d"] {
            let (s, text) = school(c, None);
            assert!(check_school(&default_pairs(), &s, &text).is_empty(), "{c}");
        }
    }

    #[test]
    fn mid_tone_fails_at_the_primary_line_with_a_passing_shade() {
        let (s, text) = school("#808080", Some("#ffc83d"));
        let ds = check_school(&default_pairs(), &s, &text);
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!((ds[0].line, ds[0].column), (5, 12));
        assert!(ds[0].message.contains("`#808080`"), "{}", ds[0].message);
        assert!(ds[0].message.contains(":1"), "{}", ds[0].message);
        let help = ds[0].help.clone().unwrap_or_default();
        let shade = help
            .split('"')
            .nth(1)
            .and_then(Color::parse)
            .expect("a shade");
        let (fixed, text) = school(&shade.to_string(), Some("#ffc83d"));
        assert!(
            check_school(&default_pairs(), &fixed, &text).is_empty(),
            "{shade} passes"
        );
    }

    #[test]
    fn the_default_theme_file_is_valid() {
        let theme =
            crate::theme::Theme::load(std::path::Path::new("/nonexistent"), "default", "nl")
                .expect("theme");
        let pairs = pairs(&theme).expect("valid theme.yaml");
        assert!(pairs.len() >= 2);
        assert_eq!(pairs, default_pairs());
    }
}
