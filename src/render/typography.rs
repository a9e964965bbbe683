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
    // Reused for every text node: this runs over every body of every page.
    let mut decoded = String::new();
    let mut fixed = String::new();
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[..end];
            let name = tag_name(tag);
            if ["code", "pre", "kbd", "samp", "script", "style"]
                .iter()
                .any(|raw| name.eq_ignore_ascii_case(raw))
            {
                if tag.starts_with("</") {
                    raw_depth = raw_depth.saturating_sub(1);
                } else if !tag.ends_with("/>") {
                    raw_depth += 1;
                }
            }
            if name.eq_ignore_ascii_case("br") {
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
            let text = if segment.contains('&') {
                decoded.clear();
                decoded.push_str(
                    &segment
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&#x27;", "'"),
                );
                decoded.as_str()
            } else {
                segment
            };
            fixed.clear();
            smarten(text, &mut prev, &mut fixed);
            keep_numbers_together_into(&fixed, &mut out);
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

/// The element name of a tag as written (`</Code>` → `Code`), empty for comments; compare
/// it with `eq_ignore_ascii_case`.
fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    &name[..end]
}

/// U+00A0 for a space and U+2011 for a hyphen between two digits.
fn keep_numbers_together(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    keep_numbers_together_into(s, &mut out);
    out
}

/// [`keep_numbers_together`], appended to `out`. Digits, spaces and hyphens are ASCII, and
/// no byte of a longer UTF-8 character is, so looking at bytes finds exactly the characters.
fn keep_numbers_together_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if (b == b' ' || b == b'-')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            out.push_str(&s[copied..i]);
            out.push(if b == b' ' { '\u{a0}' } else { '\u{2011}' });
            copied = i + 1;
        }
    }
    out.push_str(&s[copied..]);
}

/// The characters [`smarten`] may change; everything else is copied as it is.
const SMART: [char; 5] = ['\'', '‘', '"', '.', '-'];

/// The punctuation rules, carrying the previous character across text nodes.
fn smarten(s: &str, prev: &mut Option<char>, out: &mut String) {
    let mut rest = s;
    while let Some(at) = rest.find(SMART) {
        let plain = &rest[..at];
        if let Some(last) = plain.chars().next_back() {
            *prev = Some(last);
        }
        out.push_str(plain);
        let mut ahead = rest[at..].chars();
        let Some(c) = ahead.next() else { break };
        let next = ahead.next();
        let second = ahead.next();
        let third = ahead.next();
        let opening = prev.is_none_or(|p| p.is_whitespace() || "([{‘“-–—/".contains(p));
        let mut used = c.len_utf8();
        let pushed = match c {
            '\'' | '‘' => {
                let elision = opening
                    && next.is_some_and(|n| ELISIONS.contains(&n.to_ascii_lowercase()))
                    && !second.is_some_and(|a| a.is_alphabetic());
                let year = opening
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && second.is_some_and(|d| d.is_ascii_digit())
                    && !third.is_some_and(|d| d.is_ascii_digit());
                if elision || year || !opening {
                    '’'
                } else {
                    '‘'
                }
            }
            '"' => {
                if opening {
                    '“'
                } else {
                    '”'
                }
            }
            '.' if next == Some('.') && second == Some('.') => {
                used += 2;
                '…'
            }
            '-' if next == Some('-') && second == Some('-') => {
                used += 2;
                '—'
            }
            '-' if next == Some('-') => {
                used += 1;
                '–'
            }
            c => c,
        };
        out.push(pushed);
        *prev = Some(pushed);
        rest = &rest[at + used..];
    }
    if let Some(last) = rest.chars().next_back() {
        *prev = Some(last);
    }
    out.push_str(rest);
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
