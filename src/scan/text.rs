//! Addresses written in CSS and JavaScript: what a stylesheet or a script loads.

/// URLs that CSS loads: `url(…)` and `@import "…"`, with their byte offsets.
pub fn css_urls(css: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for pattern in ["url(", "@import"] {
        let mut pos = 0;
        while let Some(i) = find_ignore_case(&css[pos..], pattern) {
            let start = pos + i;
            pos = start + pattern.len();
            let after = css[pos..].trim_start();
            if pattern == "@import"
                && after
                    .get(..4)
                    .is_some_and(|s| s.eq_ignore_ascii_case("url("))
            {
                continue; // found as `url(` already
            }
            let url = match after.chars().next() {
                Some(q @ ('"' | '\'')) => after[1..].split(q).next().unwrap_or(""),
                _ if pattern == "url(" => after.split(')').next().unwrap_or("").trim_end(),
                _ => continue,
            };
            found.push((start, css_unescape(url.trim())));
        }
    }
    found.sort();
    found
}

/// A CSS string or URL with its backslash escapes resolved (`\68 ttps:` is `https:`).
fn css_unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if hex.is_empty() {
            out.extend(chars.next());
        } else {
            if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                chars.next();
            }
            out.push(
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}'),
            );
        }
    }
    out
}

/// Absolute addresses in JavaScript string literals (`"https://…"`, `'//host/x'`,
/// template literals), with their byte offsets: what a script could load from elsewhere.
pub fn js_urls(js: &str) -> Vec<(usize, String)> {
    let bytes = js.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Skip comments, so `// a note` is not read as an address.
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = js[i..].find('\n').map_or(bytes.len(), |n| i + n);
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = js[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2);
            continue;
        }
        if !matches!(b, b'"' | b'\'' | b'`') {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < bytes.len() && bytes[j] != b && !(b != b'`' && bytes[j] == b'\n') {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        let literal = js.get(start..j.min(bytes.len())).unwrap_or("");
        let text = literal.trim();
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("http:")
            || lower.starts_with("https:")
            || lower.starts_with("//")
            || lower.starts_with("\\/\\/")
        {
            found.push((start, text.replace("\\/", "/")));
        }
        i = j + 1;
    }
    found
}

/// The first position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}
