//! The source hash: which version of a source text a translation was made from.
//!
//! A translation records `source: 4f2a9c1e` in its front matter: the first 8 lowercase hex
//! digits of SHA-256 over the source file's text, normalised so that what does not change
//! the text for readers does not change the hash either:
//!
//! 1. a UTF-8 byte-order mark is removed, CRLF and lone CR line endings become LF;
//! 2. in the front matter (between the first two `---` lines), the entries of the keys in
//!    [`NOT_TEXT`] are removed (the key line and every line that belongs to its value:
//!    indented lines and `- item` lines below it), and so are blank lines and comment lines
//!    that start at the beginning of the line (`# …`);
//! 3. trailing spaces and tabs are removed from every line, and blank lines at the end of
//!    the file;
//! 4. the remaining lines are joined with `\n` (no `\n` after the last line) and hashed as
//!    UTF-8.
//!
//! So renewing a buddy's `consent_until`, reordering the menu with `weight` or saving the file
//! with Windows line endings leaves its translations up to date, while any change to the
//! title, the description, a question, a summary, a photo's text alternative, `extra:` or the
//! body marks them outdated. [`hash_input`] returns the exact text that is hashed.

use sha2::{Digest, Sha256};

/// Front-matter keys whose values are not text for readers: dates, order, ids, switches,
/// vocabulary keys (shown through the theme's words, which have their own translations) and
/// file names. Changing them does not make a translation outdated.
pub const NOT_TEXT: &[&str] = &[
    "source",
    "consent_until",
    "weight",
    "order",
    "menu",
    "themes",
    "languages",
    "meet",
    "photo",
    "schools",
    "date",
    "updated",
    "id",
    "slug",
    "draft",
];

/// How many hex digits a source hash has.
pub const HASH_LEN: usize = 8;

/// The text that [`source_hash`] hashes, exactly (see the module documentation): exposed so
/// the definition can be shown and tested.
pub fn hash_input(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    let closing = (lines.first().map(|l| l.trim_end()) == Some("---"))
        .then(|| {
            lines
                .iter()
                .skip(1)
                .position(|l| l.trim_end() == "---")
                .map(|i| i + 1)
        })
        .flatten();
    let body_from = match closing {
        Some(close) => {
            kept.push("---");
            let mut skipping = false;
            for line in &lines[1..close] {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(key) = top_level_key(line) {
                    skipping = NOT_TEXT.contains(&key);
                }
                if !skipping {
                    kept.push(line);
                }
            }
            kept.push("---");
            close + 1
        }
        None => 0,
    };
    kept.extend(lines[body_from.min(lines.len())..].iter().copied());
    let mut out: Vec<&str> = kept
        .iter()
        .map(|l| l.trim_end_matches([' ', '\t']))
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// The key of a front-matter line that starts a top-level entry (`title: …`), unquoted.
/// Lines that continue a value (indented, or `- item`) have none.
pub fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '-', '#']) {
        return None;
    }
    let colon = line.find(':')?;
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let key = line[..colon].trim();
    let key = key
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key);
    (!key.is_empty()).then_some(key)
}

/// The source hash of a source file's text: first [`HASH_LEN`] lowercase hex digits of
/// SHA-256 over [`hash_input`].
pub fn source_hash(text: &str) -> String {
    let digest = Sha256::digest(hash_input(text).as_bytes());
    let mut hex = String::with_capacity(HASH_LEN);
    for byte in digest.iter().take(HASH_LEN / 2) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// True for a value that has the shape of a source hash (8 hex digits, either case).
pub fn is_hash(value: &str) -> bool {
    value.len() == HASH_LEN && value.chars().all(|c| c.is_ascii_hexdigit())
}

/// What a translation's front matter says about its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The value after `source:`, unquoted, as written.
    pub value: String,
    /// 1-based line of the `source:` key in the file.
    pub line: usize,
    /// 1-based column of the value (or of the key when the value is empty).
    pub column: usize,
}

/// The `source:` entry of a translation's front matter, read from the text so that any way
/// of writing it (quoted or not, with a comment after it) is understood.
pub fn recorded(text: &str) -> Option<Recorded> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return None;
    }
    for (i, line) in lines.enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim_end() == "---" {
            return None;
        }
        if top_level_key(line) != Some("source") {
            continue;
        }
        let colon = line.find(':').unwrap_or(0);
        let rest = &line[colon + 1..];
        let lead = rest.len() - rest.trim_start().len();
        let (value, _) = scalar(rest.trim_start());
        let column = if value.is_empty() {
            1
        } else {
            line[..colon + 1 + lead].chars().count() + 1
        };
        return Some(Recorded {
            value,
            line: i + 2,
            column,
        });
    }
    None
}

/// A plain or quoted YAML scalar at the start of `s`: its value and its length in bytes
/// (including quotes; a ` # comment` after it is not part of it).
pub fn scalar(s: &str) -> (String, usize) {
    for quote in ['"', '\''] {
        if let Some(rest) = s.strip_prefix(quote) {
            if let Some(end) = rest.find(quote) {
                return (rest[..end].to_owned(), end + 2);
            }
        }
    }
    let end = s.find(" #").or_else(|| s.find("\t#")).unwrap_or(s.len());
    (s[..end].trim_end().to_owned(), s[..end].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_text_leaves_out_what_readers_do_not_read() {
        let text = "\u{feff}---\r\ntitle: Brief  \r\n# note\r\nweight: 2\r\nthemes:\r\n- sbo\r\n  - x\r\nconsent_until: 2027-01-01\r\nsummary: Hoi\r\n---\r\nTekst \r\n\r\n\r\n";
        assert_eq!(
            hash_input(text),
            "---\ntitle: Brief\nsummary: Hoi\n---\nTekst"
        );
        let moved =
            "---\ntitle: Brief\nconsent_until: 2029-01-01\nsummary: Hoi\nweight: 9\n---\nTekst\n";
        assert_eq!(source_hash(text), source_hash(moved));
        assert_ne!(
            source_hash(text),
            source_hash(&moved.replace("Hoi", "Hallo"))
        );
        assert_eq!(source_hash(text).len(), 8);
        assert!(is_hash(&source_hash(text)));
    }

    #[test]
    fn reads_the_recorded_hash_however_it_is_written() {
        let r = recorded("---\ntitle: x\nsource: \"4f2a9c1e\" # Fatima\n---\n").expect("source");
        assert_eq!((r.value.as_str(), r.line, r.column), ("4f2a9c1e", 3, 9));
        assert!(recorded("---\ntitle: x\n---\nsource: 1\n").is_none());
        assert!(recorded("---\nextra:\n  source: 1\n---\n").is_none());
    }
}
