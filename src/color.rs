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
    fn readable_shade_reaches_ratio() {
        let yellow = Color::parse("#ffd500").expect("valid");
        let shade = yellow.readable_on(WHITE, 4.5);
        assert!(shade.contrast(WHITE) >= 4.5);
        assert_eq!(yellow.text_on(), INK);
    }
}
