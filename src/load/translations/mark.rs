//! `buddysite translations --mark FILE…`: recording the current source hash in translations.
//!
//! This is the one place where buddysite writes a file the editor owns, so it is narrow: only
//! the files named, only translations inside the project whose source exists, and only the
//! `source:` line changes. Every other byte stays as it was (a byte-order mark, CRLF line
//! endings, comments, the order of the keys), so the change is one line in a diff.

use super::hash::{scalar, source_hash, top_level_key};
use super::{source_of, split_lang, Tree};
use std::path::{Path, PathBuf};

/// What marking one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The translation, relative to the project root.
    pub file: String,
    /// Its source, relative to the project root.
    pub source: String,
    /// The hash now recorded.
    pub hash: String,
    /// False when the file already recorded this hash (then it was not written).
    pub changed: bool,
}

/// The file's bytes with `source: <hash>` recorded: an existing top-level `source:` value in
/// the front matter is replaced (a comment after it stays), otherwise the line is inserted
/// right after the opening `---`, with the line ending the file uses. `Err` when the file has
/// no front matter to put it in.
pub fn mark_bytes(bytes: &[u8], hash: &str) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "this file is not UTF-8 text; save it as UTF-8 first".to_owned())?;
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let no_front_matter =
        || "this file has no front matter: it must start with a line `---`".to_owned();
    let first_end = body.find(['\n', '\r']).ok_or_else(no_front_matter)?;
    if body[..first_end].trim_end() != "---" {
        return Err(no_front_matter());
    }
    let eol = if body[first_end..].starts_with("\r\n") {
        "\r\n"
    } else if body[first_end..].starts_with('\r') {
        "\r"
    } else {
        "\n"
    };
    let value = if hash.chars().all(|c| c.is_ascii_digit() || c == 'e') {
        // All digits, or digits with an `e`, would be read as a number by YAML.
        format!("\"{hash}\"")
    } else {
        hash.to_owned()
    };
    let mut pos = first_end + eol.len();
    let mut closed = false;
    while pos < body.len() {
        let end = body[pos..]
            .find(['\n', '\r'])
            .map_or(body.len(), |i| pos + i);
        let line = &body[pos..end];
        if line.trim_end() == "---" {
            closed = true;
            break;
        }
        if top_level_key(line) == Some("source") {
            let colon = line.find(':').unwrap_or(0);
            let rest = &line[colon + 1..];
            let lead = rest.len() - rest.trim_start().len();
            let (_, len) = scalar(rest.trim_start());
            let start = pos + colon + 1;
            let value_end = start + lead + len;
            let mut out = String::with_capacity(text.len() + 16);
            out.push_str(bom);
            out.push_str(&body[..start]);
            out.push(' ');
            out.push_str(&value);
            out.push_str(&body[value_end..]);
            return Ok(out.into_bytes());
        }
        pos = end;
        if body[pos..].starts_with("\r\n") {
            pos += 2;
        } else if pos < body.len() {
            pos += 1;
        }
    }
    if !closed {
        return Err(
            "the front matter is not closed: add a line `---` after the settings".to_owned(),
        );
    }
    let insert_at = first_end + eol.len();
    let mut out = String::with_capacity(text.len() + 20);
    out.push_str(bom);
    out.push_str(&body[..insert_at]);
    out.push_str("source: ");
    out.push_str(&value);
    out.push_str(eol);
    out.push_str(&body[insert_at..]);
    Ok(out.into_bytes())
}

/// Why `--mark` did not mark every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkError {
    /// Files that may not be marked, each with the reason; nothing was written.
    Refused(Vec<String>),
    /// Writing failed part-way: these files were marked before `error`.
    Failed {
        /// The files marked before the failure.
        done: Vec<Marked>,
        /// What went wrong, naming the file.
        error: String,
    },
}

/// One `--mark` argument resolved to a translation inside the project.
struct Target {
    path: PathBuf,
    rel: String,
    source: String,
}

/// Marks each of `files` (paths as the user typed them: relative to the current folder, or
/// else to `root`) with the current hash of its source in `tree`. Every file is checked
/// first; when any is refused, nothing is written and every refusal is returned.
pub fn mark(root: &Path, tree: &Tree, files: &[PathBuf]) -> Result<Vec<Marked>, MarkError> {
    let mut targets = Vec::new();
    let mut refused = Vec::new();
    for file in files {
        match resolve(root, tree, file) {
            Ok(t) => targets.push(t),
            Err(why) => refused.push(format!("{}: {why}", file.display())),
        }
    }
    let mut planned = Vec::new();
    for t in targets {
        let hash = tree
            .get(&t.source)
            .map(|s| source_hash(s))
            .unwrap_or_default();
        let result = std::fs::read(&t.path)
            .map_err(|e| format!("cannot read it: {e}"))
            .and_then(|bytes| Ok((mark_bytes(&bytes, &hash)?, bytes)));
        match result {
            Ok((new, old)) => planned.push((t, hash, new, old)),
            Err(why) => refused.push(format!("{}: {why}", t.rel)),
        }
    }
    if !refused.is_empty() {
        return Err(MarkError::Refused(refused));
    }
    let mut done = Vec::new();
    for (t, hash, new, old) in planned {
        let changed = new != old;
        if changed {
            if let Err(e) = write_replacing(&t.path, &new) {
                return Err(MarkError::Failed {
                    done,
                    error: format!(
                        "{}: cannot write the file: {e} (it was left as it was)",
                        t.rel
                    ),
                });
            }
        }
        done.push(Marked {
            file: t.rel,
            source: t.source,
            hash,
            changed,
        });
    }
    Ok(done)
}

/// Writes `bytes` to a hidden file next to `path` and renames it over `path`, so the
/// translation is never half-written; its permissions are kept.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.buddysite-mark"));
    std::fs::write(&tmp, bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Why `file` may not be marked, or the translation it is. A relative path is taken from the
/// current folder when that is a file in the project, else from the project folder (so
/// `--root ../swv --mark content/brief.en.md` means the project's file, whatever the current
/// folder holds).
fn resolve(root: &Path, tree: &Tree, file: &Path) -> Result<Target, String> {
    let root = root.canonicalize().map_err(|e| e.to_string())?;
    let candidates = if file.is_absolute() {
        vec![file.to_owned()]
    } else {
        vec![file.to_owned(), root.join(file)]
    };
    let existing: Vec<PathBuf> = candidates.into_iter().filter(|p| p.exists()).collect();
    if existing.is_empty() {
        return Err("there is no such file".into());
    }
    let inside_project = |p: &PathBuf| {
        p.parent()
            .and_then(|d| d.canonicalize().ok())
            .is_some_and(|d| d.starts_with(&root))
    };
    let Some(path) = existing.iter().find(|p| inside_project(p)).cloned() else {
        return Err(format!(
            "this file is outside the project {}; --mark only changes translations in the project",
            root.display()
        ));
    };
    let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
    if meta.file_type().is_symlink() {
        return Err("this is a link; buddysite never writes through links".into());
    }
    if !meta.is_file() {
        return Err("this is not a file".into());
    }
    let canonical = path.canonicalize().map_err(|e| e.to_string())?;
    let Ok(inside) = canonical.strip_prefix(&root) else {
        return Err(format!(
            "this file is outside the project {}; --mark only changes translations in the project",
            root.display()
        ));
    };
    let rel = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let in_content = rel.starts_with("content/")
        || rel
            .strip_prefix("schools/")
            .is_some_and(|r| r.contains('/'));
    if !in_content || !rel.ends_with(".md") {
        return Err(format!(
            "`{rel}` is not a Markdown file in content/ or schools/<school>/; --mark only changes translations"
        ));
    }
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    if split_lang(name).is_none() {
        return Err(format!(
            "`{rel}` is not a translation: a translation is named like its source with the language before `.md` (`brief.en.md` translates `brief.md`)"
        ));
    }
    let Some(source) = source_of(tree, &rel) else {
        return Err(format!(
            "`{rel}` has no source text to translate: there is no {}",
            super::expected_source(&rel).unwrap_or_default()
        ));
    };
    Ok(Target {
        path: canonical,
        rel,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_or_inserts_only_the_source_line() {
        let crlf = b"\xef\xbb\xbf---\r\n# vertaald door F.\r\ntitle: Letter\r\n---\r\nText\r\n";
        let out = mark_bytes(crlf, "4f2a9c1e").expect("mark");
        assert_eq!(
            out,
            b"\xef\xbb\xbf---\r\nsource: 4f2a9c1e\r\n# vertaald door F.\r\ntitle: Letter\r\n---\r\nText\r\n"
        );
        let again = mark_bytes(&out, "0badcafe").expect("mark");
        assert_eq!(
            again,
            b"\xef\xbb\xbf---\r\nsource: 0badcafe\r\n# vertaald door F.\r\ntitle: Letter\r\n---\r\nText\r\n"
        );
        let commented = mark_bytes(b"---\nsource: \"x\"  # old\n---\n", "12345678").expect("mark");
        assert_eq!(commented, b"---\nsource: \"12345678\"  # old\n---\n");
        assert!(mark_bytes(b"title: x\n", "4f2a9c1e").is_err());
        assert!(mark_bytes(b"---\ntitle: x\n", "4f2a9c1e").is_err());
    }
}
