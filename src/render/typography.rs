//! Smart punctuation for every text a parent sees, in one place.
//!
//! Markdown bodies get curly quotes from pulldown-cmark, but titles, menu items, school names
//! and the theme's own words come from YAML and would keep their straight `'` and `"`: a page
//! that writes `Buddy's` in its heading and `buddy’s` in its text looks careless. And
//! pulldown-cmark takes a Dutch elision (`'t Klaverblad`, `'s avonds`) for an opening quote
//! (`‘t`). [`text`] fixes plain text before it goes into a template (which then escapes it for
//! HTML as usual); [`html`] fixes the text nodes of rendered Markdown, leaves tags, attribute
//! values and code alone, writes `<br>` without a slash and keeps phone numbers on one line.

/// Dutch words that start with an elided letter: `’t` (het), `’s` (des), `’n` (een),
/// `’k` (ik), `’r` (er), `’m` (hem). Followed by a non-letter, they are never a quote.
const ELISIONS: [char; 6] = ['t', 's', 'n', 'k', 'r', 'm'];

/// Plain text with curly quotes and apostrophes, `…`, `–` and `—`.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = None;
    smarten(s, &mut prev, &mut out);
    out
}

/// What [`html`] makes of plain text in a Markdown body: [`text`], and phone numbers kept
/// together. For tests and callers that predict a body's text.
pub fn body_text(s: &str) -> String {
    keep_numbers_together(&text(s))
}

/// Applies [`text`] to every string in a JSON value (the theme's words).
pub fn json(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) => Value::String(text(s)),
        Value::Array(a) => Value::Array(a.iter().map(json).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), json(v))).collect()),
        other => other.clone(),
    }
}

/// Rendered HTML (as pulldown-cmark and the sanitizer write it) with [`text`] applied to its
/// text nodes outside `code`, `pre`, `kbd`, `samp`, `script` and `style`; `<br />` becomes
/// `<br>`, and the space or hyphen between two digits becomes non-breaking, so a phone number
/// (`0344 00 00 00`, `06-12345678`) never breaks across lines.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut prev: Option<char> = None;
    let mut raw_depth = 0usize;
    let mut rest = s;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[..end];
            let name = tag_name(tag);
            if matches!(
                name.as_str(),
                "code" | "pre" | "kbd" | "samp" | "script" | "style"
            ) {
                if tag.starts_with("</") {
                    raw_depth = raw_depth.saturating_sub(1);
                } else if !tag.ends_with("/>") {
                    raw_depth += 1;
                }
            }
            if name == "br" {
                out.push_str("<br>");
            } else {
                out.push_str(tag);
            }
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let segment = &rest[..end];
        if raw_depth > 0 {
            out.push_str(segment);
            prev = segment.chars().last().or(prev);
        } else {
            let decoded = segment
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'");
            let mut fixed = String::with_capacity(decoded.len());
            smarten(&decoded, &mut prev, &mut fixed);
            out.push_str(&keep_numbers_together(&fixed));
        }
        rest = &rest[end..];
    }
    out
}

/// Where the tag that starts `s` ends (after its `>`), skipping `>` inside quoted values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The lower-case element name of a tag (`</Code>` → `code`), empty for comments.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// U+00A0 for a space and U+2011 for a hyphen between two digits.
fn keep_numbers_together(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match c {
            ' ' if between_digits => out.push('\u{a0}'),
            '-' if between_digits => out.push('\u{2011}'),
            c => out.push(c),
        }
    }
    out
}

/// The punctuation rules, carrying the previous character across text nodes.
fn smarten(s: &str, prev: &mut Option<char>, out: &mut String) {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let opening = prev.is_none_or(|p| p.is_whitespace() || "([{‘“-–—/".contains(p));
        match c {
            '\'' | '‘' => {
                let elision = opening
                    && next.is_some_and(|n| ELISIONS.contains(&n.to_ascii_lowercase()))
                    && !chars.get(i + 2).is_some_and(|a| a.is_alphabetic());
                let year = opening
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && chars.get(i + 2).is_some_and(char::is_ascii_digit)
                    && !chars.get(i + 3).is_some_and(char::is_ascii_digit);
                if elision || year || !opening {
                    out.push('’');
                } else {
                    out.push('‘');
                }
            }
            '"' => out.push(if opening { '“' } else { '”' }),
            '.' if next == Some('.') && chars.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 2;
            }
            '-' if next == Some('-') && chars.get(i + 2) == Some(&'-') => {
                out.push('—');
                i += 2;
            }
            '-' if next == Some('-') => {
                out.push('–');
                i += 1;
            }
            c => out.push(c),
        }
        *prev = out.chars().last();
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_elisions_and_possessives_get_an_apostrophe() {
        assert_eq!(
            text("Basisschool 't Klaverblad"),
            "Basisschool ’t Klaverblad"
        );
        assert_eq!(text("'s avonds, zo'n buddy's"), "’s avonds, zo’n buddy’s");
        assert_eq!(text("in de jaren '90"), "in de jaren ’90");
        assert_eq!(text("'tja'"), "‘tja’");
        assert_eq!(text("\"Hoi\" zei ze..."), "“Hoi” zei ze…");
    }

    #[test]
    fn html_fixes_text_nodes_only() {
        assert_eq!(
            html("<p>Op ‘t Klaverblad ‘s avonds <a href=\"a'b\">buddy's</a><br />"),
            "<p>Op ’t Klaverblad ’s avonds <a href=\"a'b\">buddy’s</a><br>"
        );
        assert_eq!(
            html("<p>Bel 0344 00 00 00 of 06-1234</p><pre><code>'t \"x\"</code></pre>"),
            "<p>Bel 0344\u{a0}00\u{a0}00\u{a0}00 of 06\u{2011}1234</p><pre><code>'t \"x\"</code></pre>"
        );
        assert_eq!(html("<p>&quot;a&quot; &amp; b</p>"), "<p>“a” &amp; b</p>");
    }
}
