//! Brand colours and their contrast (WCAG 2.x).
//!
//! Schools choose their own colours; the theme must still reach 4.5:1 for text. So the theme
//! never uses a brand colour for text as it is: it gets a readable text colour *on* the brand
//! colour and a shade of it that is readable on white, both computed here.

use std::fmt;

/// An sRGB colour from a `#rgb` or `#rrggbb` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

/// White, the page background of the default theme.
pub const WHITE: Color = Color {
    r: 255,
    g: 255,
    b: 255,
};
/// The darkest text colour the theme uses.
pub const INK: Color = Color {
    r: 0x1a,
    g: 0x1a,
    b: 0x1a,
};

impl Color {
    /// Parses `#rgb` or `#rrggbb` (case-insensitive, surrounding spaces allowed).
    pub fn parse(value: &str) -> Option<Color> {
        let hex = value.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
        match hex.len() {
            3 => Some(Color {
                r: digit(0, 1)? * 17,
                g: digit(1, 1)? * 17,
                b: digit(2, 1)? * 17,
            }),
            6 => Some(Color {
                r: digit(0, 2)?,
                g: digit(2, 2)?,
                b: digit(4, 2)?,
            }),
            _ => None,
        }
    }

    /// Relative luminance as WCAG defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// Contrast ratio between two colours, 1.0 to 21.0.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// Mixes towards `other` by `t` (0.0 = self, 1.0 = other).
    pub fn mix(self, other: Color, t: f64) -> Color {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Color {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
        }
    }

    /// White or near-black, whichever reads better on this colour.
    pub fn text_on(self) -> Color {
        if WHITE.contrast(self) >= INK.contrast(self) {
            WHITE
        } else {
            INK
        }
    }

    /// The nearest shade of this colour (darker or lighter) that has at least `ratio`
    /// contrast against `background`; the colour itself when it already has.
    pub fn readable_on(self, background: Color, ratio: f64) -> Color {
        if self.contrast(background) >= ratio {
            return self;
        }
        let target = if background.luminance() > 0.5 {
            Color { r: 0, g: 0, b: 0 }
        } else {
            WHITE
        };
        (1..=100)
            .map(|step| self.mix(target, f64::from(step) / 100.0))
            .find(|c| c.contrast(background) >= ratio)
            .unwrap_or(target)
    }
}

/// The darkest surface a brand colour sits next to in the default theme's dark mode (the
/// header, `--surface`): a brand surface must stand out from it.
pub const DARK_SURFACE: Color = Color {
    r: 0x1f,
    g: 0x24,
    b: 0x2b,
};

impl Color {
    /// The nearest shade of this colour (mixing towards white in 1% steps, as the contrast
    /// check's advice does) that a dark page can carry as a surface: at least 3:1 against
    /// [`DARK_SURFACE`] (WCAG 1.4.11), with text on it ([`Color::text_on`]) at 4.5:1. A slate
    /// or navy primary made for white paper would otherwise vanish on the dark background.
    pub fn for_dark_mode(self) -> Color {
        let fits = |c: Color| c.contrast(DARK_SURFACE) >= 3.0 && c.text_on().contrast(c) >= 4.5;
        (0..=100)
            .map(|step| self.mix(WHITE, f64::from(step) / 100.0))
            .find(|c| fits(*c))
            .unwrap_or(WHITE)
    }
}

/// The brand colours a theme gets for one school, derived as the renderer derives them
/// (`school.brand.*` in templates; see `render::school_value`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// `brand.primary`.
    pub primary: Color,
    /// `brand.accent`, or a light tint of the primary.
    pub accent: Color,
    /// White or near-black, whichever reads better on the primary.
    pub on_primary: Color,
    /// White or near-black, whichever reads better on the accent.
    pub on_accent: Color,
    /// A shade of the primary with at least 4.5:1 on white.
    pub primary_text: Color,
    /// The primary for dark mode: its nearest lighter shade that stands out from the dark
    /// page ([`Color::for_dark_mode`]).
    pub primary_dark: Color,
    /// White or near-black, whichever reads better on `primary_dark`.
    pub on_primary_dark: Color,
}

impl Palette {
    /// The palette of a school with these brand colours.
    pub fn new(primary: Color, accent: Option<Color>) -> Palette {
        let accent = accent.unwrap_or_else(|| primary.mix(WHITE, 0.8));
        Palette {
            primary,
            accent,
            on_primary: primary.text_on(),
            on_accent: accent.text_on(),
            primary_text: primary.readable_on(WHITE, 4.5),
            primary_dark: primary.for_dark_mode(),
            on_primary_dark: primary.for_dark_mode().text_on(),
        }
    }

    /// A colour of the palette by its template name (`on_primary`).
    pub fn get(&self, name: &str) -> Option<Color> {
        Some(match name {
            "primary" => self.primary,
            "accent" => self.accent,
            "on_primary" => self.on_primary,
            "on_accent" => self.on_accent,
            "primary_text" => self.primary_text,
            "primary_dark" => self.primary_dark,
            "on_primary_dark" => self.on_primary_dark,
            _ => return None,
        })
    }
}

/// A colour a theme puts on the page, written in `theme.yaml`: a palette name (`primary`),
/// a fixed colour (`#ffffff`), or a mix as CSS `color-mix(in srgb, …)` makes it
/// (`mix(primary 28%, #ffffff)`: 28% primary, the rest white).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A palette colour by name.
    Named(String),
    /// A fixed colour.
    Fixed(Color),
    /// `weight` (0–1) of the first colour, the rest of the second.
    Mix(Box<Expr>, f64, Box<Expr>),
}

impl Expr {
    /// Parses a colour expression; `None` if it is not one.
    pub fn parse(text: &str) -> Option<Expr> {
        let t = text.trim();
        if let Some(inner) = t.strip_prefix("mix(").and_then(|r| r.strip_suffix(')')) {
            let (a, b) = inner.split_once(',')?;
            let (a, weight) = match a.trim().rsplit_once(' ') {
                Some((c, w)) if w.ends_with('%') => {
                    let w: f64 = w.trim_end_matches('%').parse().ok()?;
                    (c, w / 100.0)
                }
                _ => (a, 0.5),
            };
            if !(0.0..=1.0).contains(&weight) {
                return None;
            }
            return Some(Expr::Mix(
                Box::new(Expr::parse(a)?),
                weight,
                Box::new(Expr::parse(b)?),
            ));
        }
        if t.starts_with('#') {
            return Color::parse(t).map(Expr::Fixed);
        }
        Palette::new(WHITE, None)
            .get(t)
            .map(|_| Expr::Named(t.to_owned()))
    }

    /// The colour for one school's palette.
    pub fn eval(&self, palette: &Palette) -> Color {
        match self {
            Expr::Named(n) => palette.get(n).unwrap_or(WHITE),
            Expr::Fixed(c) => *c,
            Expr::Mix(a, w, b) => a.eval(palette).mix(b.eval(palette), 1.0 - w),
        }
    }

    /// True when the colour depends on `name` (directly or through a derived colour).
    pub fn uses(&self, name: &str) -> bool {
        match self {
            Expr::Named(n) => match name {
                "primary" => matches!(
                    n.as_str(),
                    "primary" | "on_primary" | "primary_text" | "primary_dark" | "on_primary_dark"
                ),
                "accent" => matches!(n.as_str(), "accent" | "on_accent"),
                _ => n == name,
            },
            Expr::Fixed(_) => false,
            Expr::Mix(a, _, b) => a.uses(name) || b.uses(name),
        }
    }
}

/// A contrast ratio as people read it: rounded down to two decimals, so 4.499 never shows
/// as "4.50".
pub fn ratio_text(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long() {
        assert_eq!(Color::parse("#FFF"), Some(WHITE));
        assert_eq!(
            Color::parse(" #0b5394 ").map(|c| c.to_string()),
            Some("#0b5394".into())
        );
        assert_eq!(Color::parse("0b5394"), None);
        assert_eq!(Color::parse("#12345"), None);
        assert_eq!(Color::parse("#ggg"), None);
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        let black = Color::parse("#000").expect("valid");
        assert!((WHITE.contrast(black) - 21.0).abs() < 0.01);
        let grey = Color::parse("#767676").expect("valid");
        assert!(WHITE.contrast(grey) >= 4.5);
    }

    #[test]
    fn expressions() {
        let p = Palette::new(Color::parse("#000000").expect("valid"), None);
        let e = Expr::parse("mix(primary 28%, #ffffff)").expect("parses");
        assert_eq!(e.eval(&p).to_string(), "#b8b8b8");
        assert!(e.uses("primary") && !e.uses("accent"));
        assert_eq!(Expr::parse("on_primary").map(|e| e.eval(&p)), Some(WHITE));
        assert!(Expr::parse("mix(primary 128%, #fff)").is_none());
        assert!(Expr::parse("primray").is_none());
        assert_eq!(ratio_text(4.4999), "4.49:1");
    }

    #[test]
    fn readable_shade_reaches_ratio() {
        let yellow = Color::parse("#ffd500").expect("valid");
        let shade = yellow.readable_on(WHITE, 4.5);
        assert!(shade.contrast(WHITE) >= 4.5);
        assert_eq!(yellow.text_on(), INK);
    }
}
