//! The toolkit's bracket placeholders (`[naam school]`), filled from the YAML.
//!
//! Editors paste toolkit letters as they are. Each known placeholder becomes a template
//! expression before the file is compiled, so it is filled per school like `{{ school.name }}`
//! and keeps its line number. Anything that still looks like a placeholder afterwards fails
//! the build: a letter must never reach parents with `[naam school]` in it.

/// Each placeholder (lower case, inside the brackets) and the value that fills it.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("naam school", "school.name"),
    ("plaats school", "school.place"),
    ("plaats", "school.place"),
    ("naam samenwerkingsverband", "swv.name"),
    ("naam swv", "swv.name"),
    ("naam contactpersoon", "school.contact.name"),
    ("functie contactpersoon", "school.contact.role"),
    ("e-mailadres contactpersoon", "school.contact.email"),
    ("telefoonnummer contactpersoon", "school.contact.phone"),
    ("naam coördinator", "swv.contact.name"),
    ("e-mailadres coördinator", "swv.contact.email"),
    ("telefoonnummer coördinator", "swv.contact.phone"),
    ("website samenwerkingsverband", "swv.website"),
    ("telefoonnummer school", "school.phone"),
    ("e-mailadres school", "school.email"),
    ("website school", "school.website"),
    ("datum", "page.date"),
];

/// Months as a Dutch letter writes them (`30 november 2026`).
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The text that fills `[datum]`: the page's own `date:` (the letter's date, so a printed
/// letter keeps the date it was sent with), else the build date, written out as a Dutch
/// letter writes it ("30 november 2026").
///
/// One small function on purpose: the letter's `date:` key is read here and nowhere else,
/// so whichever stage comes to own that key (the PDF letter uses it too) changes only this.
/// `front_matter` is the text between the `---` lines.
pub fn letter_date(front_matter: &str, build_date: crate::load::date::Date) -> String {
    let date = front_matter
        .lines()
        .find_map(|line| {
            let value = line.strip_prefix("date:")?.trim();
            let value = value.split(" #").next().unwrap_or(value).trim();
            crate::load::date::parse(value.trim_matches(['"', '\'']))
        })
        .unwrap_or(build_date);
    let month = usize::try_from(date.month()).unwrap_or(1).clamp(1, 12);
    format!("{} {} {}", date.day(), MONTHS[month - 1], date.year())
}

/// The normalised text inside brackets (see [`key`]), for messages and suggestions.
pub fn inner_key(bracketed: &str) -> String {
    key(bracketed.trim_start_matches('[').trim_end_matches(']'))
}

/// The known placeholder a misspelt one was probably meant to be (`[e-mail coördinator]`
/// for `[e-mailadres coördinator]`), as written in the list.
pub fn suggest(bracketed: &str) -> Option<&'static str> {
    let k = inner_key(bracketed);
    // Placeholders that have every written word, or a shortened one (`e-mail` for
    // `e-mailadres`): spelling distance alone would pick `[naam coördinator]` as well.
    let words: Vec<&str> = k.split(' ').filter(|w| w.chars().count() >= 3).collect();
    let has_words = |p: &str| {
        !words.is_empty()
            && words.iter().all(|w| {
                p.split(' ')
                    .any(|pw| pw.starts_with(w) || w.starts_with(pw))
            })
    };
    let close: Vec<&'static str> = PLACEHOLDERS
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| has_words(p))
        .collect();
    if close.is_empty() {
        return crate::diagnostics::suggest(&k, PLACEHOLDERS.iter().map(|(p, _)| *p));
    }
    crate::diagnostics::suggest(&k, close.iter().copied()).or(close.first().copied())
}

/// Every known placeholder in brackets, for the advice under an unknown one.
pub fn known_list() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(p, _)| format!("`[{p}]`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// True for bracket text shaped like a toolkit placeholder: a short phrase of words (letters,
/// `-`, `'`, `/`), as in `[datum]`, `[handtekening]`, `[e-mail coördinator]`. Not a task-list
/// box (`[ ]`, `[x]`), a footnote (`[^1]`), a number (`[1]`), an omission (`[…]`) or an
/// editorial `[sic]`: Markdown and ordinary text use brackets for those.
pub fn looks_like_placeholder(inner: &str) -> bool {
    let k = key(inner);
    if k.is_empty() || k.chars().count() > 40 || k == "sic" {
        return false;
    }
    let words: Vec<&str> = k.split(' ').collect();
    words.len() <= 5
        && k.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '/'))
        })
}

/// Unknown placeholders reported per text at most.
pub const MAX_UNKNOWN: usize = 20;

/// A bracketed run of text that is, or looks like, a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of `[`.
    pub start: usize,
    /// Byte offset after `]`.
    pub end: usize,
    /// The value expression that fills it, for known placeholders.
    pub expr: Option<&'static str>,
}

/// Normalises the text inside brackets: lower case, runs of (non-breaking) spaces to one.
fn key(inner: &str) -> String {
    inner
        .split(|c: char| c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds known placeholders and anything shaped like `[naam …]`. A bracket followed by `(` or
/// `[` is a Markdown link, not a placeholder.
///
/// Every known placeholder is returned (they are all filled in), but only the first
/// [`MAX_UNKNOWN`] unknown ones: they are reported, and a thousand reports of the same
/// mistake help nobody (and would make a huge file slow).
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut unknown = 0;
    let mut pos = 0;
    while let Some(i) = text[pos..].find('[') {
        let start = pos + i;
        pos = start + 1;
        let Some(len) = text[start + 1..].find([']', '[', '\n']) else {
            break;
        };
        let close = start + 1 + len;
        if text.as_bytes()[close] != b']' {
            continue;
        }
        let end = close + 1;
        if text[end..].starts_with('(') || text[end..].starts_with('[') {
            continue;
        }
        let k = key(&text[start + 1..close]);
        let expr = PLACEHOLDERS.iter().find(|(p, _)| *p == k).map(|(_, e)| *e);
        if expr.is_some() {
            found.push(Found { start, end, expr });
        } else if k.starts_with("naam ") && unknown < MAX_UNKNOWN {
            unknown += 1;
            found.push(Found { start, end, expr });
        }
    }
    found
}

/// True when `text` contains template syntax or placeholders, i.e. must be rendered per
/// school rather than once.
pub fn needs_template(text: &str) -> bool {
    text.contains("{{") || text.contains("{%") || has_comment(text) || !find(text).is_empty()
}

/// True when `text` has a `{#` that opens a template comment, not a heading id.
fn has_comment(text: &str) -> bool {
    if !text.contains("{#") {
        return false;
    }
    let ids = heading_ids(text).count();
    text.matches("{#").count() > ids
}

/// Byte offsets of the `{` of each heading-attribute block that starts with an id
/// (`## Kop {#eigen-id}`, `## Kop {#id .klasse}`, also on a setext heading's line). To the
/// template engine `{#` opens a comment; these are written to be shown as they are.
fn heading_ids(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut lines = text.split_inclusive('\n').peekable();
    let mut offset = 0;
    std::iter::from_fn(move || loop {
        let line = lines.next()?;
        let start = offset;
        offset += line.len();
        let next = lines.peek().copied().unwrap_or("");
        if !is_heading(line, next) {
            continue;
        }
        let trimmed = line.trim_end();
        let Some(body) = trimmed.strip_suffix('}') else {
            continue;
        };
        let Some(open) = body.rfind('{') else {
            continue;
        };
        let inner = &body[open + 1..];
        let id_start = inner.strip_prefix('#').and_then(|r| r.chars().next());
        if id_start.is_some_and(|c| !c.is_whitespace() && c != '#' && c != '}')
            && !inner.ends_with('#')
            && !inner.contains('}')
        {
            return Some(start + open);
        }
    })
}

/// An ATX heading line (`## Kop`), or a line that `next` underlines as a setext heading.
fn is_heading(line: &str, next: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t']) {
        return true;
    }
    let under = next.trim();
    !line.trim().is_empty()
        && !under.is_empty()
        && (under.chars().all(|c| c == '=') || under.chars().all(|c| c == '-'))
}

/// Replaces each known placeholder by a template expression that fills it, leaving unknown
/// ones in place (they are reported). Line numbers are kept.
pub fn to_template(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for f in find(text) {
        if let Some(expr) = f.expr {
            out.push_str(&text[last..f.start]);
            let shown = text[f.start..f.end].replace('"', "");
            out.push_str(&format!("{{{{ need({expr}, \"{shown}\", \"{expr}\") }}}}"));
            last = f.end;
        }
    }
    out.push_str(&text[last..]);
    let ids: Vec<usize> = heading_ids(&out).collect();
    if ids.is_empty() {
        return out;
    }
    let mut protected = String::with_capacity(out.len() + ids.len() * 32);
    let mut last = 0;
    for at in ids {
        protected.push_str(&out[last..at]);
        protected.push_str("{% raw %}{#{% endraw %}");
        last = at + 2;
    }
    protected.push_str(&out[last..]);
    protected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_known_and_unknown() {
        let f = find("Hallo [Naam  School], zie [naam ouder] en [link](x.md) [plaats].");
        let exprs: Vec<_> = f.iter().map(|f| f.expr).collect();
        assert_eq!(exprs, vec![Some("school.name"), None, Some("school.place")]);
    }

    #[test]
    fn heading_ids_are_not_template_comments() {
        assert!(!needs_template("## Kop {#eigen-id}\n\nTekst.\n"));
        assert!(!needs_template("Kop {#eigen .klasse}\n---\n"));
        assert!(needs_template("{# opmerking #}\n## Kop {#id}\n"));
        assert!(needs_template("## Kop {# opmerking #}\n"));
        assert!(needs_template("Tekst {#x}\n"));
        let t = to_template("## [naam school] {#kop}\n{# weg #}\n");
        assert_eq!(
            t,
            "## {{ need(school.name, \"[naam school]\", \"school.name\") }} {% raw %}{#{% endraw %}kop}\n{# weg #}\n"
        );
    }

    #[test]
    fn the_date_is_the_letters_own_else_the_build_date_in_dutch() {
        let build = crate::load::date::parse("2026-11-30").expect("date");
        assert_eq!(letter_date("---\ntitle: x\n---", build), "30 november 2026");
        assert_eq!(
            letter_date("---\ntitle: x\ndate: \"2027-03-01\"\n---", build),
            "1 maart 2027"
        );
        assert_eq!(
            letter_date("date: 2027-01-09 # verstuurd\n", build),
            "9 januari 2027"
        );
        // Not a date, or not the page's own key: the build date.
        assert_eq!(letter_date("date: morgen\n", build), "30 november 2026");
        assert_eq!(
            letter_date("extra:\n  date: 2027-01-09\n", build),
            "30 november 2026"
        );
    }

    #[test]
    fn placeholder_shaped_phrases() {
        for yes in [
            "datum",
            "handtekening",
            "e-mail coördinator",
            "Naam ouder",
            "buddy's naam",
        ] {
            assert!(looks_like_placeholder(yes), "{yes}");
        }
        for no in [
            " ",
            "x",
            "1",
            "…",
            "...",
            "sic",
            "^1",
            "zie pagina 3",
            "a, b",
            "een heel lange zin van zes woorden",
        ] {
            assert!(!looks_like_placeholder(no), "{no}");
        }
        assert_eq!(
            suggest("[e-mail coördinator]"),
            Some("e-mailadres coördinator")
        );
    }

    #[test]
    fn template_keeps_lines() {
        let t = to_template("a [naam school]\nb [naam onbekend]\n");
        assert_eq!(t.lines().count(), 2);
        assert!(t.contains("need(school.name"));
        assert!(t.contains("[naam onbekend]"));
    }
}
