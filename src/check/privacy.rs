//! Contact details in buddy profiles.
//!
//! A buddy is a parent who volunteers; parents reach them through the school's contact or
//! the SWV's coordinator, never directly. So a buddy's page must not carry a phone number,
//! an e-mail address, a home address or a link to a chat app or social network: once it is
//! published, it is copied, indexed and cached beyond recall. This module finds such details
//! in the text an editor wrote (the profile's `name`, `summary` and `photo_alt`, and its
//! body), at their line and column, so the build can refuse them before anything is written.
//!
//! The patterns are tuned to Dutch prose: dates (`12-03-2024`), school years (`2023-2024`),
//! times (`10:30-12:00`), years, ages, group numbers, amounts and percentages are not phone
//! numbers; a Dutch number has exactly ten digits and starts with `0`, an international one
//! starts with `+` or `00`.

use crate::diagnostics::{line_col, Diagnostic};
use crate::project::{Item, Project, SchoolEntry};
use regex::Regex;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex};

/// Why the details must go, said with every finding.
pub const REASON: crate::messages::Msg = crate::messages::registry::PRIVACY_REASON;

/// What kind of contact detail was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A phone number, Dutch or international.
    Phone,
    /// An e-mail address, also written as `naam [at] domein [dot] nl`.
    Email,
    /// A postcode, or a street name with a house number.
    Address,
    /// A link to a chat app or social network, or a `tel:`/`mailto:`/`sms:` link.
    Link,
}

impl Kind {
    fn noun(self) -> crate::messages::Text {
        match self {
            Kind::Phone => crate::text!(PRIVACY_PHONE),
            Kind::Email => crate::text!(PRIVACY_EMAIL),
            Kind::Address => crate::text!(PRIVACY_ADDRESS),
            Kind::Link => crate::text!(PRIVACY_LINK),
        }
    }
}

/// One contact detail, located in the text that was scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// Byte offset in the scanned text.
    pub offset: usize,
    /// The detail as written.
    pub text: String,
    /// Line (1-based) in the scanned text.
    pub line: usize,
    /// Column (1-based, in characters) in the scanned text.
    pub column: usize,
}

/// Contact details in a whole buddy profile (`text` is the file's text, `body_start` the byte
/// offset where the Markdown body begins): the front matter values that pages show (`name`,
/// `summary`, `photo_alt`) and the body. `allowed` holds details that may appear because they
/// are the programme's own (the SWV's and the schools' contacts): phone numbers compare by
/// their digits, e-mail addresses without regard to case.
pub fn profile(text: &str, body_start: usize, allowed: &[String]) -> Vec<Finding> {
    let body_start = body_start.min(text.len());
    let mut spans = shown_front_matter(&text[..body_start]);
    spans.push((body_start, text.len()));
    let mut found = Vec::new();
    for (start, end) in spans {
        if let Some(part) = text.get(start..end) {
            for mut f in find(part) {
                f.offset += start;
                found.push(f);
            }
        }
    }
    found.retain(|f| !is_allowed(f, allowed));
    for f in &mut found {
        (f.line, f.column) = line_col(text, f.offset);
    }
    found.sort_by_key(|f| f.offset);
    found.dedup_by_key(|f| f.offset);
    found
}

/// Contact details in a buddy profile that school `entry` publishes, as errors at their place
/// in the file. The programme's own contacts (the SWV's and the school's) are allowed.
pub fn buddy(project: &Project, entry: &SchoolEntry, item: &Item) -> Vec<Diagnostic> {
    let allowed: Vec<String> = [&project.config.contact, &entry.school.contact]
        .into_iter()
        .flat_map(|c| [c.email.clone(), c.phone.clone()])
        .flatten()
        .collect();
    let text = &item.text;
    let body_start = text.len().saturating_sub(item.doc.body.len());
    scanned(text, body_start)
        .iter()
        .filter(|f| !is_allowed(f, &allowed))
        .map(|f| diagnostic(&item.doc.file, text, f))
        .collect()
}

/// [`profile`] without allowed contacts, remembered by the profile's text: a shared profile is
/// on every school's site, and scanning it once instead of once per school keeps a build of
/// hundreds of schools from repeating the same work.
fn scanned(text: &Arc<str>, body_start: usize) -> Arc<Vec<Finding>> {
    type Cache = HashMap<(u64, usize), (Arc<str>, Arc<Vec<Finding>>)>;
    static SCANNED: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let key = (hasher.finish(), body_start);
    let cached = SCANNED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
        .filter(|(seen, _)| **seen == **text)
        .map(|(_, found)| found.clone());
    if let Some(found) = cached {
        return found;
    }
    let found = Arc::new(profile(text, body_start, &[]));
    let mut cache = SCANNED.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= 4096 {
        cache.clear();
    }
    cache.insert(key, (text.clone(), found.clone()));
    found
}

/// The diagnostic for a finding in `file`, whose text is `text`.
pub fn diagnostic(file: &str, text: &str, f: &Finding) -> Diagnostic {
    Diagnostic::error_text(
        file,
        crate::text!(
            PRIVACY_CONTACT_IN_PROFILE,
            what = f.kind.noun(),
            text = &f.text
        ),
    )
    .at(text, f.line, f.column)
    .help(crate::messages::Text::new(REASON))
}

fn is_allowed(f: &Finding, allowed: &[String]) -> bool {
    match f.kind {
        Kind::Phone => {
            let digits = national_digits(&f.text);
            !digits.is_empty() && allowed.iter().any(|a| national_digits(a) == digits)
        }
        Kind::Email => allowed
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(&f.text)),
        // `mailto:` and `tel:` links to the programme's own contacts are fine too.
        Kind::Link => {
            let lower = f.text.to_ascii_lowercase();
            let as_kind = |kind, text: &str| {
                let f = Finding {
                    kind,
                    text: text.to_owned(),
                    ..f.clone()
                };
                is_allowed(&f, allowed)
            };
            if let Some(address) = lower.strip_prefix("mailto:") {
                as_kind(Kind::Email, address.split('?').next().unwrap_or(address))
            } else if let Some(number) = lower.strip_prefix("tel:") {
                as_kind(Kind::Phone, number)
            } else {
                false
            }
        }
        Kind::Address => false,
    }
}

/// The digits of a phone number in national form (`+31 6…` and `0031 6…` become `06…`), so
/// two ways of writing one number compare equal.
fn national_digits(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let trimmed = s.trim_start();
    let international = trimmed.starts_with('+') || digits.starts_with("00");
    let digits = digits.strip_prefix("00").unwrap_or(&digits).to_owned();
    if international {
        if let Some(rest) = digits.strip_prefix("31") {
            let rest = rest.strip_prefix('0').unwrap_or(rest);
            return format!("0{rest}");
        }
    }
    digits
}

/// Byte ranges of the front matter values that a page shows: the keys `name`, `summary` and
/// `photo_alt`, with their continuation lines (quoted or block scalars over several lines).
fn shown_front_matter(front: &str) -> Vec<(usize, usize)> {
    const SHOWN: &[&str] = &["name", "summary", "photo_alt"];
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut offset = 0;
    for line in front.split_inclusive('\n') {
        let starts_key = line.starts_with(|c: char| !c.is_whitespace());
        if starts_key {
            if let Some(start) = open.take() {
                spans.push((start, offset));
            }
            let key = line.split(':').next().unwrap_or("").trim();
            if SHOWN.contains(&key) && line.contains(':') {
                open = Some(offset + line.find(':').map_or(0, |i| i + 1));
            }
        }
        offset += line.len();
    }
    if let Some(start) = open {
        spans.push((start, offset));
    }
    spans
}

/// Every contact detail in `text`, by position.
pub fn find(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut push = |kind, start: usize, end: usize| {
        found.push(Finding {
            kind,
            offset: start,
            text: text[start..end].trim().to_owned(),
            line: 0,
            column: 0,
        });
    };
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let overlaps =
        |taken: &[(usize, usize)], s: usize, e: usize| taken.iter().any(|&(a, b)| s < b && a < e);
    // Links first: a WhatsApp link holds a phone number, and is reported as the link.
    for m in LINK.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let before = text[..s].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '@' | '_')) {
            continue;
        }
        push(Kind::Link, s, e);
        taken.push((s, e));
    }
    for re in [&*EMAIL, &*EMAIL_OBFUSCATED] {
        for m in re.find_iter(text) {
            if !overlaps(&taken, m.start(), m.end()) {
                push(Kind::Email, m.start(), m.end());
                taken.push((m.start(), m.end()));
            }
        }
    }
    for (s, e) in phones(text) {
        if !overlaps(&taken, s, e) {
            push(Kind::Phone, s, e);
            taken.push((s, e));
        }
    }
    for re in [&*POSTCODE, &*STREET] {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            let after = text[m.end()..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric()) || overlaps(&taken, m.start(), m.end()) {
                continue;
            }
            push(Kind::Address, m.start(), m.end());
            taken.push((m.start(), m.end()));
        }
    }
    found.sort_by_key(|f| f.offset);
    found
}

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:(?:tel|sms|callto|whatsapp|mailto|signal|tg|skype):[^\s)\]>]+|(?:https?://)?(?:[a-z0-9-]+\.)*(?:wa\.me|whatsapp\.com|t\.me|telegram\.me|signal\.me|signal\.group|facebook\.com|fb\.com|fb\.me|m\.me|messenger\.com|instagram\.com|instagr\.am|linkedin\.com|lnkd\.in|tiktok\.com|x\.com|twitter\.com|snapchat\.com|threads\.net|bsky\.app)\b(?:/[^\s)\]>]*)?)",
    )
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")
});

/// `naam [at] domein [dot] nl`, `naam (at) domein (punt) nl`, `naam apenstaartje ziggo punt
/// nl`, `naam at gmail dot com`: the address written so that programs would not see it.
static EMAIL_OBFUSCATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b[a-z0-9][a-z0-9._%+-]*\s*(?:[\[({<]\s*(?:at|@|apenstaartje)\s*[\])}>]|\s(?:at|apenstaartje)\s)\s*[a-z0-9-]+(?:\s*(?:[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]|\s(?:dot|punt)\s|\.)\s*[a-z0-9-]+)*\s*(?:[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]|\s(?:dot|punt)\s|\.)\s*(?:nl|com|net|org|be|eu|de|info|nu|me|uk|tr|pl|ua|io)\b",
    )
});

/// A postcode: four digits (not starting with 0), two capitals (`SA`, `SD` and `SS` are not
/// used), and optionally a house number; written together, the letters may be small. With a
/// space, the letters must be capitals: `in 2019 en 2020` is not a postcode.
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|[^\p{L}\p{N}])([1-9][0-9]{3}(?:[ \u{a0}]?(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])|[a-rt-z][a-z]|s[bce-rt-z])(?:[ \u{a0},]+[1-9][0-9]{0,4}(?:-?[a-zA-Z]\\b)?)?)",
    )
});

/// A street name (a capitalised word ending in one of the street words) and a house number.
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|[^\p{L}\p{N}])(\p{Lu}\p{L}*(?:straat|laan|weg|plein|gracht|kade|singel|hof|dijk|pad|steeg|dreef|markt|kwartier|wal|baan|park|ring|erf|hoek|veld|haven|burcht)[ \u{a0}]+[1-9][0-9]{0,4}(?:-?[a-zA-Z])?)",
    )
});

static DATE_OR_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:[0-3]?[0-9][-/.][01]?[0-9][-/.](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}[-/.][01]?[0-9][-/.][0-3]?[0-9]|[0-2]?[0-9][:.][0-5][0-9])\b",
    )
});

fn regex(pattern: &str) -> Regex {
    // The patterns are constants of this module; the unit tests compile every one of them.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern: {e}"))
}

/// Byte ranges of phone numbers in `text`.
///
/// The text is read as runs of digits joined by the separators people put in numbers
/// (spaces, `-`, `.`, `/`, brackets); dates and clock times are blanked out first so they
/// never join a run. In a run, a number is a sequence of whole groups that starts with `+`
/// or `00` and has 8 to 15 digits after it, or starts with `0` and has exactly ten.
fn phones(text: &str) -> Vec<(usize, usize)> {
    let mut masked = text.as_bytes().to_vec();
    for m in DATE_OR_TIME.find_iter(text) {
        // Not when it is glued to more digits (`06.12.34.56.78` starts like a clock time).
        let b = text.as_bytes();
        let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let dot_at = |i: usize| b.get(i) == Some(&b'.');
        let glued_after = digit_at(m.end()) || (dot_at(m.end()) && digit_at(m.end() + 1));
        let glued_before = m.start() >= 2 && dot_at(m.start() - 1) && digit_at(m.start() - 2);
        if glued_after || glued_before {
            continue;
        }
        for b in &mut masked[m.start()..m.end()] {
            *b = b'x';
        }
    }
    let bytes = masked.as_slice();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts = b.is_ascii_digit() || ((b == b'+' || b == b'(') && next_digit(bytes, i + 1));
        let prev_ok = i == 0 || !is_word_byte(bytes[i - 1]);
        if !(starts && prev_ok) {
            i += 1;
            continue;
        }
        let (groups, end) = run(bytes, i);
        i = end.max(i + 1);
        if end < bytes.len() && is_word_byte(bytes[end]) {
            continue;
        }
        out.extend(numbers_in(bytes, &groups));
    }
    out
}

fn next_digit(bytes: &[u8], i: usize) -> bool {
    let mut j = i;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'(' | b'0'..=b'9') {
        if bytes[j].is_ascii_digit() {
            return true;
        }
        j += 1;
    }
    false
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// A run of digit groups starting at `start`: `(start, end)` of every group of digits, and
/// where the run ends. Up to three separator characters may stand between two groups.
fn run(bytes: &[u8], start: usize) -> (Vec<(usize, usize)>, usize) {
    let mut groups = Vec::new();
    let mut i = start + usize::from(bytes.get(start) == Some(&b'+'));
    let mut end = start;
    loop {
        let mut sep = 0;
        while i < bytes.len() && is_separator(bytes[i]) && sep < 3 {
            i += 1;
            sep += 1;
        }
        if i >= bytes.len() || !bytes[i].is_ascii_digit() {
            break;
        }
        let g = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        groups.push((g, i));
        end = i;
        // `(0)` and `(030)` close with a bracket that belongs to the number.
        if i < bytes.len() && bytes[i] == b')' {
            end = i + 1;
        }
    }
    // Include a leading `+` or `(` in the first group's reported start.
    if let Some(first) = groups.first_mut() {
        first.0 = first.0.min(start);
    }
    (groups, end)
}

fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'-' | b'.' | b'/' | b'(' | b')')
}

/// The phone numbers among a run's groups: each a sequence of whole groups. A Dutch number
/// (`0…`) has exactly ten digits; one from `+31`/`0031` eleven (twelve with the `(0)` that
/// people add); any other international number takes as many groups as fit in 15 digits.
fn numbers_in(bytes: &[u8], groups: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let digits = |(s, e): (usize, usize)| -> Vec<u8> {
        bytes[s..e]
            .iter()
            .copied()
            .filter(u8::is_ascii_digit)
            .collect()
    };
    let mut out = Vec::new();
    let mut g = 0;
    while g < groups.len() {
        let (s, _) = groups[g];
        let lead = digits(groups[g]);
        let plus = bytes[s] == b'+' || (s > 0 && bytes[s - 1] == b'+');
        let zeros = !plus && lead.starts_with(b"00");
        let national = !plus && !zeros && lead.first() == Some(&b'0');
        let mut found = None;
        if plus || zeros {
            let code: Vec<u8> = lead
                .iter()
                .skip(if zeros { 2 } else { 0 })
                .copied()
                .collect();
            let dutch = code.starts_with(b"31")
                || (code.is_empty()
                    && groups
                        .get(g + 1)
                        .is_some_and(|&n| digits(n).starts_with(b"31")));
            let trunk = groups.get(g + 1).is_some_and(|&n| digits(n) == b"0");
            let target = 11 + usize::from(trunk);
            let mut count = 0;
            for (k, &grp) in groups.iter().enumerate().skip(g) {
                count += digits(grp).len();
                let after = count - if zeros { 2 } else { 0 };
                if dutch {
                    if after == target {
                        found = Some(k);
                    }
                    if after >= target {
                        break;
                    }
                } else if after > 15 {
                    break;
                } else if after >= 8 {
                    found = Some(k);
                }
            }
        } else if national {
            let mut count = 0;
            for (k, &grp) in groups.iter().enumerate().skip(g) {
                count += digits(grp).len();
                if count >= 10 {
                    if count == 10 {
                        found = Some(k);
                    }
                    break;
                }
            }
        }
        match found {
            Some(k) => {
                let mut start = s;
                if start > 0 && matches!(bytes[start - 1], b'+' | b'(') {
                    start -= 1;
                }
                let mut end = groups[k].1;
                if end < bytes.len() && bytes[end] == b')' && bytes[start] == b'(' {
                    end += 1;
                }
                out.push((start, end));
                g = k + 1;
            }
            None => g += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        find(text).into_iter().map(|f| (f.kind, f.text)).collect()
    }

    #[test]
    fn patterns_compile() {
        for re in [
            &*LINK,
            &*EMAIL,
            &*EMAIL_OBFUSCATED,
            &*POSTCODE,
            &*STREET,
            &*DATE_OR_TIME,
        ] {
            assert!(!re.as_str().is_empty());
        }
    }

    #[test]
    fn dutch_and_international_phone_numbers() {
        for (text, number) in [
            ("Bel me op 06-12345678.", "06-12345678"),
            ("Bel me op 06 1234 5678 na zessen", "06 1234 5678"),
            ("mijn nummer: 0612345678", "0612345678"),
            ("app: +31 6 12345678", "+31 6 12345678"),
            ("+31 (0)6-1234 5678 is mijn nummer", "+31 (0)6-1234 5678"),
            ("of 0031 6 12345678", "0031 6 12345678"),
            ("thuis 010-1234567", "010-1234567"),
            ("thuis 030 123 45 67", "030 123 45 67"),
            ("thuis (030) 1234567", "(030) 1234567"),
            ("in Londen +44 20 7946 0958", "+44 20 7946 0958"),
            ("Turks nummer +90 532 123 45 67", "+90 532 123 45 67"),
            ("06.12.34.56.78", "06.12.34.56.78"),
            ("0318-123456", "0318-123456"),
            ("+31612345678", "+31612345678"),
            ("(06) 12345678", "(06) 12345678"),
            ("06-12 34 56 78 (na 18 uur)", "06-12 34 56 78"),
        ] {
            assert_eq!(
                kinds(text),
                vec![(Kind::Phone, number.to_owned())],
                "in {text:?}"
            );
        }
    }

    #[test]
    fn dates_years_and_numbers_are_not_phone_numbers() {
        for text in [
            "Op 12-03-2024 begon het.",
            "Op 2024-03-12 begon het.",
            "Op 1-2-2023 begon het.",
            "Op 01-02-2023 10 ouders",
            "op 06-03-2024 10 kinderen",
            "sinds 2019",
            "in 2015 en 2016",
            "schooljaar 2023-2024",
            "van 10:30-12:00 uur",
            "van 09.00 tot 12.30 uur",
            "mijn zoon van 9",
            "groep 7 en groep 8",
            "85% van de tijd",
            "€ 1.250 per jaar",
            "€ 0,50",
            "regio 1234",
            "1250 ouders, 300 scholen en 12 samenwerkingsverbanden",
            "in 2019 en 2020 was hij thuis",
            "12 jaar, 3 kinderen, 2 katten",
            "Van 2016 tot 2020 zat ze op het sbo, in 2021 ging ze naar het vo.",
            "Mijn kinderen zijn 7, 9 en 12.",
            "tussen 08:30 en 09:15",
            "op 1 januari 2024",
            "consent_until: 2027-07-31",
            "versie 0.9.34",
            "ISBN 978-90-12345-67-8",
        ] {
            assert_eq!(kinds(text), vec![], "in {text:?}");
        }
    }

    #[test]
    fn email_addresses() {
        for (text, found) in [
            (
                "mail naar sanne.de.vries@gmail.com!",
                "sanne.de.vries@gmail.com",
            ),
            ("Mail: Sanne_83@Hotmail.NL", "Sanne_83@Hotmail.NL"),
            ("sanne [at] ziggo [dot] nl", "sanne [at] ziggo [dot] nl"),
            ("sanne(at)ziggo(punt)nl", "sanne(at)ziggo(punt)nl"),
            ("sanne at gmail dot com", "sanne at gmail dot com"),
            (
                "sanne apenstaartje ziggo punt nl",
                "sanne apenstaartje ziggo punt nl",
            ),
            ("sanne [at] ziggo.nl", "sanne [at] ziggo.nl"),
        ] {
            assert_eq!(
                kinds(text),
                vec![(Kind::Email, found.to_owned())],
                "in {text:?}"
            );
        }
        assert_eq!(kinds("kijk at home, dot it"), vec![]);
        assert_eq!(kinds("we keken naar @school op tv"), vec![]);
    }

    #[test]
    fn addresses() {
        for (text, found) in [
            ("Ik woon op 1234 AB 12.", "1234 AB 12"),
            ("postcode 1234AB", "1234AB"),
            ("postcode 1234ab", "1234ab"),
            ("Dorpsstraat 12, Tiel", "Dorpsstraat 12"),
            ("op de Van Goghlaan 3a", "Goghlaan 3a"),
            ("Prinsengracht 263", "Prinsengracht 263"),
            ("Molenweg 7", "Molenweg 7"),
            ("Kerkplein 1", "Kerkplein 1"),
        ] {
            assert_eq!(
                kinds(text),
                vec![(Kind::Address, found.to_owned())],
                "in {text:?}"
            );
        }
        for text in [
            "in 2019 en 2020",
            "op het schoolplein 2 keer per week",
            "ik was onderweg 2 uur",
            "regio 1234 is groot",
            "groep 7",
            "de straat 3 keer over",
        ] {
            assert_eq!(kinds(text), vec![], "in {text:?}");
        }
    }

    #[test]
    fn links_to_chat_apps_and_social_networks() {
        for (text, found) in [
            (
                "app me via https://wa.me/31612345678",
                "https://wa.me/31612345678",
            ),
            (
                "https://api.whatsapp.com/send?phone=316",
                "https://api.whatsapp.com/send?phone=316",
            ),
            ("[Telegram](https://t.me/sanne83)", "https://t.me/sanne83"),
            ("www.facebook.com/sanne", "www.facebook.com/sanne"),
            ("instagram.com/sanne", "instagram.com/sanne"),
            (
                "https://nl.linkedin.com/in/sanne",
                "https://nl.linkedin.com/in/sanne",
            ),
            ("tiktok.com/@sanne", "tiktok.com/@sanne"),
            ("volg me op x.com/sanne", "x.com/sanne"),
            ("twitter.com/sanne", "twitter.com/sanne"),
            ("signal.me/#p/+31612345678", "signal.me/#p/+31612345678"),
            ("[bel](tel:+31612345678)", "tel:+31612345678"),
        ] {
            assert_eq!(
                kinds(text),
                vec![(Kind::Link, found.to_owned())],
                "in {text:?}"
            );
        }
        for text in [
            "box.com",
            "een x.community",
            "Netflix.com",
            "op de tiktokker",
        ] {
            assert_eq!(kinds(text), vec![], "in {text:?}");
        }
    }

    #[test]
    fn profiles_are_scanned_where_pages_show_text() {
        let text = "---\nname: Sanne\nsummary: >\n  Moeder van twee.\n  Bel 06-12345678.\nthemes: [adhd]\nconsent_until: 2027-07-31\nphoto_alt: Sanne, sanne@gmail.com\n---\nIk woon op de Dorpsstraat 12.\n";
        let body_start = text.find("Ik woon").unwrap_or(0);
        let found = profile(text, body_start, &[]);
        let at: Vec<(Kind, usize, usize)> =
            found.iter().map(|f| (f.kind, f.line, f.column)).collect();
        assert_eq!(
            at,
            vec![
                (Kind::Phone, 5, 7),
                (Kind::Email, 8, 19),
                (Kind::Address, 10, 15)
            ]
        );
    }

    #[test]
    fn the_programmes_own_contacts_are_allowed() {
        let text = "---\nname: Sanne\n---\nBel de coördinator: +31 30 123 45 67 of 06-87654321, mail info@swv.nl.\n";
        let allowed = vec!["030-1234567".to_owned(), "Info@SWV.nl".to_owned()];
        let found = profile(text, 20, &allowed);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "06-87654321");
        let links = "[mail](mailto:info@swv.nl) [bel](tel:+31301234567) [app](tel:0612345678)";
        let found = profile(links, 0, &allowed);
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, vec!["tel:0612345678"]);
    }
}
