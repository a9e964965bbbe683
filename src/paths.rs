//! Paths named in YAML and front matter, kept inside the project.
//!
//! A logo or photo path comes from an editor's file; it must never reach outside the
//! project (`../../etc/passwd`) or depend on the machine (`C:\Users\…`).

use crate::messages::Text;
use crate::text;

/// Checks a relative path written by an editor and returns it with `/` separators.
pub fn clean_relative(path: &str) -> Result<String, Text> {
    let p = path.trim().replace('\\', "/");
    if p.is_empty() {
        return Err(text!(PATH_EMPTY));
    }
    if p.starts_with('/') || p.chars().nth(1) == Some(':') {
        return Err(text!(PATH_NOT_RELATIVE, path = path));
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => return Err(text!(PATH_OUTSIDE, path = path)),
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

/// Joins a relative path onto a folder given with `/` separators, resolving `..`; `None` if it
/// climbs out of the root.
pub fn join(base_dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The folder part of a `/`-separated path (`""` for a top-level file).
pub fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// A relative URL from the page at `from` (a file path like `brief/index.html`) to `to` (a path
/// from the site root). Folder paths (`""`, `brief/`) get `index.html`, so links work when the
/// site is opened from disk.
pub fn relative_url(from: &str, to: &str) -> String {
    let (to_path, fragment) = match to.find('#') {
        Some(i) => (&to[..i], &to[i..]),
        None => (to, ""),
    };
    let target = if to_path.is_empty() || to_path.ends_with('/') {
        format!("{to_path}index.html")
    } else {
        to_path.to_owned()
    };
    let depth = parent(from).split('/').filter(|s| !s.is_empty()).count();
    let mut url = "../".repeat(depth);
    url.push_str(&target);
    url.push_str(fragment);
    url
}

/// Advice for a file named in YAML that is not there: when a file of that name exists with
/// other capitals (fine on Windows, broken on the web server), say so; else `otherwise`.
pub fn missing_file_help<'a>(
    wanted: &str,
    existing: impl IntoIterator<Item = &'a str>,
    otherwise: Text,
) -> Text {
    match existing
        .into_iter()
        .find(|e| e.eq_ignore_ascii_case(wanted))
    {
        Some(real) => text!(PATH_WRONG_CAPITALS, real = real),
        None => otherwise,
    }
}

/// Decodes `%xx` escapes; `None` for a malformed escape or bytes that are not UTF-8. For
/// request paths, where anything odd is refused.
pub fn percent_decode(s: &str) -> Option<String> {
    String::from_utf8(decode_escapes(s, true)?).ok()
}

/// Decodes `%xx` escapes, keeping malformed ones as written. For links in the editor's own
/// files (`mijn%20brief.md`), which are checked, not trusted.
pub fn percent_decode_lossy(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = decode_escapes(s, false).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn decode_escapes(s: &str, strict: bool) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            match s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None if strict => return None,
                None => {}
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(out)
}

/// Lower-case ASCII words joined by `-`, with Dutch diacritics folded (`één` → `een`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// What a project reads, by name at its root: an output folder must never be one of these,
/// lie inside one (the next build would read its own output back as content), or hold them.
pub const INPUTS: [&str; 4] = ["content", "schools", "themes", "buddysite.yaml"];

/// Why an output folder at `rel` (relative to the project root, `/`-separated; empty for the
/// root itself) would mix the generated sites with the project's own files, if it would.
/// Names are compared without regard to case, as Windows and macOS do.
pub fn output_clash(rel: &str) -> Option<Text> {
    match rel.split('/').find(|s| !s.is_empty() && *s != ".") {
        None => Some(text!(OUTPUT_IS_PROJECT)),
        Some(first) => INPUTS
            .iter()
            .find(|input| input.eq_ignore_ascii_case(first))
            .map(|input| text!(OUTPUT_INSIDE_INPUT, input = input)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escapes() {
        assert!(clean_relative("../x.svg").is_err());
        assert!(clean_relative("/etc/x").is_err());
        assert!(clean_relative("C:\\x.png").is_err());
        assert_eq!(
            clean_relative("img\\logo.svg").as_deref(),
            Ok("img/logo.svg")
        );
    }

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("index.html", ""), "index.html");
        assert_eq!(relative_url("brief/index.html", ""), "../index.html");
        assert_eq!(
            relative_url("buddys/sam/index.html", "vragen/#kosten"),
            "../../vragen/index.html#kosten"
        );
        assert_eq!(
            relative_url("index.html", "assets/style.css"),
            "assets/style.css"
        );
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b/%2e%2e").as_deref(), Some("/a b/.."));
        assert_eq!(percent_decode("/%zz"), None);
        assert_eq!(percent_decode_lossy("x%zz%20y"), "x%zz y");
    }

    #[test]
    fn output_folders_that_hold_input_clash() {
        for rel in [
            "",
            ".",
            "content",
            "content/gen",
            "schools/de-eik/gen",
            "Themes/x",
        ] {
            assert!(output_clash(rel).is_some(), "{rel:?}");
        }
        for rel in ["public", "build/site", "contents"] {
            assert_eq!(output_clash(rel), None, "{rel:?}");
        }
    }

    #[test]
    fn join_resolves_dots() {
        assert_eq!(join("vragen", "../brief.md").as_deref(), Some("brief.md"));
        assert_eq!(join("", "../x"), None);
    }
}
