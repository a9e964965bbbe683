//! Calendar dates in the Netherlands' time, for the buddies' consent.
//!
//! A buddy's profile may only be online while their consent holds: through the whole of the
//! `consent_until` day as the Netherlands count it, and not a minute longer. So "today" is
//! the civil date in `Europe/Amsterdam` (not UTC, which is one or two hours behind), computed
//! by `jiff` with its bundled time-zone data, so that it is the same on Windows and on
//! machines without `/usr/share/zoneinfo`.
//!
//! For reproducible builds and tests, "now" can be fixed: `BUDDYSITE_TODAY=YYYY-MM-DD` sets
//! the civil date itself, and `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
//! convention) sets the moment, which is then read in Dutch time.

use crate::diagnostics::Diagnostic;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// A civil date (no time, no zone): what `consent_until` means.
pub use jiff::civil::Date;

/// The zone that consent dates are read in.
pub const ZONE: &str = "Europe/Amsterdam";

/// How many days before the end of consent `check` and `build` start to warn.
pub const WARN_DAYS: i32 = 30;

/// The environment variable that fixes today's date (a testing aid).
pub const TODAY_VAR: &str = "BUDDYSITE_TODAY";

/// Parses `YYYY-MM-DD` exactly, rejecting dates that don't exist (2027-02-30) and every other
/// spelling (`2027-7-31`, `31-07-2027`, `20270731`, a time of day).
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    s.parse::<Date>().ok()
}

/// The civil date in the Netherlands at the moment `at`.
pub fn dutch_date(at: Timestamp) -> Result<Date, Diagnostic> {
    let tz = TimeZone::get(ZONE).map_err(|e| {
        Diagnostic::error_text(
            "(time zone)",
            crate::text!(DATE_NO_TIME_ZONE, zone = ZONE, error = e.to_string()),
        )
    })?;
    Ok(at.to_zoned_datetime(tz).date())
}

/// Today in the Netherlands, or the date fixed by `BUDDYSITE_TODAY` or `SOURCE_DATE_EPOCH`.
/// A value that is not understood is an error: silently falling back to the real date would
/// publish or hide profiles on the wrong day.
pub fn today() -> Result<Date, Diagnostic> {
    if let Ok(value) = std::env::var(TODAY_VAR) {
        return parse(&value).ok_or_else(|| {
            Diagnostic::error_text(
                "(environment)",
                crate::text!(DATE_TODAY_NOT_DATE, var = TODAY_VAR, value = &value),
            )
            .help(crate::text!(DATE_TODAY_NOT_DATE_HELP, var = TODAY_VAR))
        });
    }
    let at = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(|| {
                Diagnostic::error_text(
                    "(environment)",
                    crate::text!(DATE_EPOCH_NOT_NUMBER, value = &value),
                )
                .help(crate::text!(DATE_EPOCH_NOT_NUMBER_HELP))
            })?,
        Err(_) => Timestamp::now(),
    };
    dutch_date(at)
}

/// Days from `today` until `until` (negative when it has passed).
pub fn days_until(today: Date, until: Date) -> i32 {
    until.since(today).map_or(i32::MIN, |span| span.get_days())
}

/// How a consent date stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// More than [`WARN_DAYS`] days to go.
    Holds,
    /// Still published, but it ends within [`WARN_DAYS`] days: `days` left after today
    /// (0 = today is the last day).
    EndsSoon {
        /// Whole days after today that consent still holds.
        days: i32,
    },
    /// Ended: the profile is not published.
    Ended,
}

/// Whether consent until `until` holds on `today` (the last day included).
pub fn consent(today: Date, until: Date) -> Consent {
    match days_until(today, until) {
        d if d < 0 => Consent::Ended,
        d if d <= WARN_DAYS => Consent::EndsSoon { days: d },
        _ => Consent::Holds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse(s).unwrap_or_else(|| panic!("{s} is a date"))
    }

    #[test]
    fn parses_and_validates() {
        assert!(parse("2027-07-31").is_some());
        assert!(parse(" 2027-07-31 ").is_some());
        assert!(parse("2027-02-29").is_none());
        assert!(parse("2028-02-29").is_some());
        assert!(parse("31-07-2027").is_none());
        assert!(parse("2027-7-31").is_none());
        assert!(parse("20270731").is_none());
        assert!(parse("2027-07-31T10:00").is_none());
        assert_eq!(d("2026-12-31").to_string(), "2026-12-31");
    }

    #[test]
    fn dutch_dates_are_an_hour_or_two_ahead_of_utc() {
        let winter: Timestamp = "2027-01-31T23:30:00Z".parse().expect("instant");
        assert_eq!(dutch_date(winter).expect("zone"), d("2027-02-01"));
        let summer: Timestamp = "2027-07-31T21:59:59Z".parse().expect("instant");
        assert_eq!(dutch_date(summer).expect("zone"), d("2027-07-31"));
        let summer: Timestamp = "2027-07-31T22:00:00Z".parse().expect("instant");
        assert_eq!(dutch_date(summer).expect("zone"), d("2027-08-01"));
    }

    #[test]
    fn consent_holds_through_its_last_day_and_warns_thirty_days_ahead() {
        let until = d("2027-07-31");
        assert_eq!(consent(d("2027-06-30"), until), Consent::Holds);
        assert_eq!(
            consent(d("2027-07-01"), until),
            Consent::EndsSoon { days: 30 }
        );
        assert_eq!(
            consent(d("2027-07-31"), until),
            Consent::EndsSoon { days: 0 }
        );
        assert_eq!(consent(d("2027-08-01"), until), Consent::Ended);
        assert_eq!(days_until(d("2027-12-31"), d("2028-01-01")), 1);
    }
}
