//! A toolkit letter pasted as it is: what pasting from a PDF and the toolkit's own wording
//! leave in a page.
//!
//! Editors copy the toolkit's parent letter out of a PDF into `content/brief.md`. Four
//! things then go wrong without a word, and each is reported at its line in the `.md` file:
//! - the PDF's line ends become paragraph breaks in the middle of a sentence (a line without
//!   closing punctuation, an empty line, a line going on in lower case);
//! - the toolkit's note to its user ("In deze tool vind je een opzet …") comes along and
//!   would be shown to parents;
//! - the toolkit writes `[naam school]` where it means the samenwerkingsverband ("[naam
//!   school] helpt scholen …"): filled in, the letter says the school helps schools;
//! - a bracket placeholder that buddysite does not fill (`[handtekening]`) would reach
//!   parents as it is: an error, with the known ones and a "did you mean".
//!
//! These work on the loaded source texts only (load is the one stage that reads the disk).

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::project::{Item, Project};
use crate::render::placeholders;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Checks every content file (shared and school overrides) for what a pasted toolkit letter
/// brings along.
pub fn project(project: &Project, problems: &mut Diagnostics) {
    for item in project.all_items() {
        problems.extend(item_problems(item));
    }
}

/// The problems of one content file.
pub fn item_problems(item: &Item) -> Vec<Diagnostic> {
    let body = item.doc.body.as_str();
    let start = item.text.len().saturating_sub(body.len());
    let lines = body_lines(body);
    let mut found = Vec::new();
    found.extend(broken_paragraphs(item, start, &lines));
    found.extend(toolkit_notes(item, start, &lines));
    found.extend(swv_meant(item, start, &lines));
    found.extend(unknown_placeholders(item, start));
    found
}

/// One line of a body: its byte offset, its text (without the line ending), and whether it
/// is prose (not in a fenced code block, not a fence, heading, table row, HTML or template
/// tag line).
struct Line<'a> {
    offset: usize,
    text: &'a str,
    prose: bool,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

fn body_lines(body: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut fence: Option<String> = None;
    for raw in body.split_inclusive('\n') {
        let text = raw.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim_start();
        let indent = text.len() - trimmed.len();
        let marker: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        let is_fence = indent < 4
            && marker.len() >= 3
            && marker
                .chars()
                .all(|c| c == marker.chars().next().unwrap_or('`'));
        let mut prose = fence.is_none() && !is_fence;
        if is_fence {
            match &fence {
                Some(open) if marker.starts_with(open.as_str()) => fence = None,
                None => fence = Some(marker),
                Some(_) => {}
            }
        }
        if indent >= 4
            || trimmed.starts_with('#')
            || trimmed.starts_with('|')
            || trimmed.starts_with('<')
            || trimmed.starts_with("{%")
            || trimmed.starts_with("{#")
        {
            prose = false;
        }
        lines.push(Line {
            offset,
            text,
            prose,
        });
        offset += raw.len();
    }
    lines
}

/// True when `text` ends a sentence: its last mark (after closing quotes, brackets and
/// emphasis) is `.`, `!`, `?`, `:`, `;` or `…`.
fn closes(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A list item's first line (`- punt`, `* punt`, `1. punt`): items often end without a
/// full stop, and what follows them is not a sentence going on.
fn list_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Paragraphs broken in the middle of a sentence: a line without closing punctuation, one
/// or more empty lines, and a line that goes on in lower case. Reported at the line that
/// breaks off.
fn broken_paragraphs(item: &Item, start: usize, lines: &[Line]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.prose || line.blank() || closes(line.text) || list_item(line.text) {
            continue;
        }
        // A `\` at the end is a line break the editor wrote on purpose (a signature).
        if line.text.ends_with('\\') {
            continue;
        }
        let Some(next) = lines[i + 1..]
            .iter()
            .position(|l| !l.blank())
            .map(|n| i + 1 + n)
        else {
            continue;
        };
        if next == i + 1 || !lines[next].prose {
            continue;
        }
        let goes_on = lines[next]
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if !goes_on {
            continue;
        }
        let text_end = line.offset + line.text.trim_end().len();
        let d = Diagnostic::warning(
            &item.doc.file,
            "a paragraph breaks off in the middle of a sentence (text pasted from a PDF?)",
        )
        .at_offset(&item.text, start + text_end);
        let (here, there) = (d.line, d.line + (next - i));
        let empty = if next - i == 2 {
            format!("the empty line {}", here + 1)
        } else {
            format!("the empty lines {} to {}", here + 1, there - 1)
        };
        found.push(d.with_help(format!(
            "line {there} goes on with the sentence of line {here}: remove {empty} to join them into one paragraph (in Markdown an empty line starts a new paragraph)"
        )));
    }
    found
}

/// Words and phrases with which the toolkit speaks to the person using it, about the letter
/// and about parents; a letter to parents never says these.
const NOTE_MARKERS: &[&str] = &[
    "in deze tool",
    "deze toolkit",
    "de toolkit",
    "opzet voor een brief",
    "opzet voor een informatiebrief",
    "voorbeeldbrief",
    "brief die gebruikt kan worden",
    "deze brief kan gebruikt worden",
    "kan gebruikt worden om ouders te informeren",
    "om ouders te informeren",
    "pas de brief aan",
    "pas deze brief aan",
    "vul de gegevens",
    "tussen de haken",
    "tussen haakjes in",
];

/// Paragraphs that are the toolkit's note to its user, not text for parents.
fn toolkit_notes(item: &Item, start: usize, lines: &[Line]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank() || !lines[i].prose {
            i += 1;
            continue;
        }
        let first = i;
        while i < lines.len() && !lines[i].blank() && lines[i].prose {
            i += 1;
        }
        let para = &lines[first..i];
        // Positions of each normalised character in the body, to point at the marker.
        let mut text = String::new();
        let mut at: Vec<usize> = Vec::new();
        for line in para {
            for (k, c) in line.text.char_indices() {
                let c = if c.is_whitespace() { ' ' } else { c };
                if c == ' ' && text.ends_with(' ') {
                    continue;
                }
                for l in c.to_lowercase() {
                    text.push(l);
                    at.extend(std::iter::repeat_n(line.offset + k, l.len_utf8()));
                }
            }
            if !text.ends_with(' ') {
                text.push(' ');
                at.push(line.offset + line.text.len());
            }
        }
        let hit = NOTE_MARKERS
            .iter()
            .filter_map(|m| text.find(m).map(|p| (p, *m)))
            .min();
        let Some((pos, marker)) = hit else {
            continue;
        };
        let d = Diagnostic::warning(
            &item.doc.file,
            format!("this paragraph is the toolkit's note to its user (\u{201c}{marker}\u{201d}), not text for parents"),
        )
        .at_offset(&item.text, start + at.get(pos).copied().unwrap_or(lines[first].offset));
        let first_line = crate::diagnostics::line_col(&item.text, start + lines[first].offset).0;
        let last_line = first_line + para.len() - 1;
        let which = if first_line == last_line {
            format!("line {first_line}")
        } else {
            format!("lines {first_line} to {last_line}")
        };
        found.push(d.with_help(format!(
            "remove this paragraph ({which}): the toolkit explains there how to use its letter, and parents would read it on the site"
        )));
    }
    found
}

/// Words before `[naam school]` that make it the object, not the subject, of its sentence
/// (`met [naam school]`, `van [naam school]`, `de [naam school]`).
const NOT_SUBJECT: &[&str] = &[
    "aan", "bij", "binnen", "buiten", "de", "door", "een", "het", "in", "met", "na", "naar",
    "namens", "naast", "om", "onder", "op", "over", "per", "rond", "sinds", "tegen", "tot",
    "tussen", "uit", "van", "via", "voor", "zonder", "zoals", "en", "of",
];

/// The sentences of a body, as byte ranges in order. A sentence ends at `.`, `!` or `?`
/// followed by a space or line end, and at an empty line, except one that breaks a sentence
/// the way a pasted PDF does (see [`broken_paragraphs`]).
fn sentences(body: &str, lines: &[Line]) -> Vec<(usize, usize)> {
    // Line ends followed by empty lines that do not end the sentence.
    let mut joined: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if line.blank() || closes(line.text) {
            continue;
        }
        if let Some(n) = lines[i + 1..].iter().position(|l| !l.blank()) {
            let next = &lines[i + 1 + n];
            let lower = next
                .text
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if n > 0 && lower {
                joined.extend(lines[i..i + 1 + n].iter().map(|l| l.offset + l.text.len()));
            }
        }
    }
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    for i in 0..bytes.len() {
        let end = match bytes[i] {
            b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace),
            b'\n' => {
                let next_line = body[i + 1..].split('\n').next().unwrap_or("");
                next_line.trim().is_empty() && !joined.contains(&i)
            }
            _ => false,
        };
        if end {
            found.push((from, i + 1));
            from = i + 1;
        }
    }
    found.push((from, bytes.len()));
    found
}

/// The sentence (of [`sentences`]) that holds byte `offset`.
fn sentence_at(sentences: &[(usize, usize)], offset: usize) -> (usize, usize) {
    let i = sentences.partition_point(|(_, end)| *end <= offset);
    sentences.get(i).copied().unwrap_or((offset, offset))
}

/// Words (lower case, letters only) of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '[' && c != ']')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when a sentence in which `[naam school]` is the subject says what the
/// samenwerkingsverband does, not a school: it helps or supports *schools* (a school does
/// not help schools), offers the support for parents that the programme is, or links
/// parents to a buddy.
fn means_swv(after: &[String]) -> bool {
    let has = |f: &dyn Fn(&str) -> bool| after.iter().any(|w| f(w));
    let schools = has(&|w| w == "scholen");
    let support =
        has(&|w| w.starts_with("steun") || w.starts_with("ondersteun")) && has(&|w| w == "ouders");
    let links = has(&|w| w.starts_with("koppel") || w == "gekoppeld");
    schools || support || links
}

/// `[naam school]` where the toolkit means the samenwerkingsverband.
fn swv_meant(item: &Item, start: usize, lines: &[Line]) -> Vec<Diagnostic> {
    let body = item.doc.body.as_str();
    let mut found = Vec::new();
    let mut all: Option<Vec<(usize, usize)>> = None;
    for f in placeholders::find(body) {
        if f.expr.is_none() || placeholders::inner_key(&body[f.start..f.end]) != "naam school" {
            continue;
        }
        let in_prose = lines
            .iter()
            .rev()
            .find(|l| l.offset <= f.start)
            .is_some_and(|l| l.prose);
        if !in_prose {
            continue;
        }
        let all = all.get_or_insert_with(|| sentences(body, lines));
        let (from, to) = sentence_at(all, f.start);
        let before = words(&body[from..f.start]);
        let subject = before.last().is_none_or(|w| {
            let w = w.trim_matches(['[', ']']);
            !NOT_SUBJECT.contains(&w)
        });
        let after = words(&body[f.end..to.max(f.end)]);
        if !subject || !means_swv(&after) {
            continue;
        }
        found.push(
            Diagnostic::warning(
                &item.doc.file,
                "`[naam school]` here means the samenwerkingsverband, not the school",
            )
            .at_offset(&item.text, start + f.start)
            .with_help(
                "the toolkit writes [naam school] where the samenwerkingsverband helps schools or runs the buddy programme; filled in, the sentence would say the school does that. Write `[naam samenwerkingsverband]` (or `{{ swv.short_name }}`) here",
            ),
        );
    }
    found
}

/// Bracket text shaped like a placeholder that nothing fills (`[datum]` before it was known,
/// `[handtekening]`, `[e-mail coördinator]`): it would reach parents as it is. Links,
/// reference links, footnotes, code and escaped brackets are Markdown, not placeholders, so
/// the body is read as the renderer reads it.
fn unknown_placeholders(item: &Item, start: usize) -> Vec<Diagnostic> {
    let body = item.doc.body.as_str();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1);
            }
            Event::Text(_) if skip == 0 => match spans.last_mut() {
                Some(last) if last.1 == range.start => last.1 = range.end,
                _ => spans.push((range.start, range.end)),
            },
            _ => {}
        }
    }
    let mut at: Vec<(usize, usize)> = Vec::new();
    for (from, to) in spans {
        let text = &body[from..to];
        let mut pos = 0;
        while let Some(i) = text[pos..].find('[') {
            let open = pos + i;
            pos = open + 1;
            let Some(len) = text[open + 1..].find([']', '[', '\n']) else {
                break;
            };
            let close = open + 1 + len;
            if text.as_bytes()[close] != b']' {
                continue;
            }
            let (s, e) = (from + open, from + close + 1);
            let before = body[..s].chars().next_back();
            let after = body[e..].chars().next();
            if matches!(before, Some('\\' | ']' | '!')) || matches!(after, Some('(' | '[' | ':')) {
                continue;
            }
            let inner = &body[s + 1..e - 1];
            let key = placeholders::inner_key(&body[s..e]);
            if placeholders::looks_like_placeholder(inner)
                && !placeholders::PLACEHOLDERS.iter().any(|(p, _)| *p == key)
            {
                at.push((s, e));
            }
        }
    }
    // `[naam …]` is a placeholder wherever it is written (also in a link's text).
    for f in placeholders::find(body) {
        if f.expr.is_none() && !at.iter().any(|(s, _)| *s == f.start) {
            at.push((f.start, f.end));
        }
    }
    at.sort_unstable();
    at.truncate(placeholders::MAX_UNKNOWN);
    at.into_iter()
        .map(|(s, e)| {
            let written = &body[s..e];
            let known = placeholders::known_list();
            let help = match placeholders::suggest(written) {
                Some(p) => crate::text!(
                    CHECK_UNKNOWN_PLACEHOLDER_SUGGEST_HELP,
                    suggestion = p,
                    known = &known
                ),
                None => crate::text!(CHECK_UNKNOWN_PLACEHOLDER_HELP, known = &known),
            };
            Diagnostic::error_text(
                &item.doc.file,
                crate::text!(CHECK_UNKNOWN_PLACEHOLDER, placeholder = written),
            )
            .at_offset(&item.text, start + s)
            .help(help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn item(body: &str) -> Item {
        let text = format!("---\ntitle: x\n---\n{body}");
        let file = crate::source::SourceFile {
            name: "content/brief.md".into(),
            text: text.clone(),
        };
        let doc = crate::content::parse("brief.md", &file).unwrap_or_else(|e| panic!("{e:?}"));
        Item {
            doc,
            text: Arc::from(text.as_str()),
        }
    }

    fn kinds(body: &str) -> Vec<(usize, String)> {
        let mut found: Vec<(usize, String)> = item_problems(&item(body))
            .into_iter()
            .map(|d| (d.line - 3, d.message.render()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn school_uses_are_not_the_swv() {
        for ok in [
            "Neem dan contact op met [naam school].\n",
            "[naam school] doet mee aan het buddyprogramma van [naam samenwerkingsverband].\n",
            "Op [naam school] helpen we kinderen die dat nodig hebben.\n",
            "[naam school] helpt kinderen die extra hulp nodig hebben.\n",
            "Informatiebrief over buddy's binnen [naam school]\n",
            "Met vriendelijke groet,\n\n[naam contactpersoon]\\\n[naam school]\n",
            "De intern begeleider van [naam school] koppelt je aan een buddy.\n",
        ] {
            assert_eq!(kinds(ok), Vec::<(usize, String)>::new(), "{ok}");
        }
    }

    #[test]
    fn swv_uses_are_found_also_across_a_pasted_break() {
        let found = kinds("[naam school] ondersteunt scholen.\n\nDaarom biedt [naam school] nu ook steun\n\naan ouders.\n");
        let lines: Vec<usize> = found
            .iter()
            .filter(|(_, m)| m.contains("samenwerkingsverband"))
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(lines, vec![1, 3]);
    }

    #[test]
    fn brackets_that_are_markdown_are_not_placeholders() {
        let body = "Zie [de brief](brief.md), [kosten][k], [kosten] en [^1].\n\n[k]: vragen/kosten.md\n[kosten]: vragen/kosten.md\n[^1]: Voetnoot.\n\n- [ ] taak\n- [x] klaar\n\nEen `[code]` en \\[geen placeholder\\], [1], […], [sic].\n\n```\n[in code]\n```\n";
        assert_eq!(kinds(body), Vec::<(usize, String)>::new());
        let found = kinds("Op [datum] en [handtekening], [e-mail coördinator].\n");
        let msgs: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "unknown placeholder `[e-mail coördinator]`",
                "unknown placeholder `[handtekening]`"
            ]
        );
    }

    #[test]
    fn breaks_need_a_blank_line_and_lower_case() {
        let found = kinds("Een zin die\n\ndoorgaat.\n\nEen zin.\n\nnieuw\nEen kop zonder punt\n\nHoofdletter.\n- punt\n\nniet\n");
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![1], "{found:?}");
    }
}
