//! File names that look like a mistake.
//!
//! Windows hides known file extensions, so an editor who "saves as piet.md" in Notepad gets
//! `piet.md.txt`, and one who renames a file in Explorer gets `piet.MD` or a trailing space.
//! Such a file would otherwise be treated as a plain file (and, before the site plan, copied
//! raw to every school with its front matter). Each is an error that names the rename to make.

/// Names a school may not have, because the overview's own files live beside the school
/// folders (`assets/`, `index.html`, `robots.txt`, `sitemap.xml`, the 404 page, the letters
/// folder for batch printing).
pub const RESERVED_SLUGS: &[&str] = &[
    "assets", "index", "404", "robots", "sitemap", "brieven", "favicon",
];

/// What a folder holds, which decides which extensions are meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// `content/` or a school's override folder: Markdown pages and their files.
    Content,
    /// `schools/`: one YAML file per school.
    Schools,
}

/// Extensions that mean Markdown, in the spellings editors and other tools use.
const MARKDOWN_SPELLINGS: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"];

/// Extensions that Windows or an editor may add behind the real one.
const ADDED: &[&str] = &["txt", "docx", "doc", "rtf", "odt"];

/// The name `name` (one path segment) should have, when it looks like a mistake; `None` when
/// the name is fine as it is.
pub fn intended_name(name: &str, folder: Folder) -> Option<String> {
    let trimmed = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let trimmed = trimmed.trim_end_matches('.');
    let (stem, ext) = split_ext(trimmed);
    let stem = stem.trim_end();
    let wanted = match folder {
        Folder::Content => "md",
        Folder::Schools => "yaml",
    };
    let meant = |e: &str| match folder {
        Folder::Content => MARKDOWN_SPELLINGS.iter().any(|m| m.eq_ignore_ascii_case(e)),
        Folder::Schools => e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"),
    };
    // `piet.md.txt`, `de-eik.yaml.txt`
    if let Some(ext) = ext {
        if ADDED.iter().any(|a| a.eq_ignore_ascii_case(ext)) {
            let (inner_stem, inner) = split_ext(stem);
            if let Some(inner) = inner.filter(|i| meant(i)) {
                let keep = if folder == Folder::Schools && inner.eq_ignore_ascii_case("yml") {
                    "yml"
                } else {
                    wanted
                };
                return Some(format!("{}.{keep}", inner_stem.trim_end()));
            }
            return None;
        }
        if meant(ext) {
            let exact = ext == wanted || (folder == Folder::Schools && ext == "yml");
            let candidate = format!("{stem}.{}", if exact { ext } else { wanted });
            return (candidate != name).then_some(candidate);
        }
    }
    if trimmed != name {
        // A trailing space or dot on any other file: Windows cannot even open it reliably.
        return Some(trimmed.to_owned());
    }
    None
}

/// Splits a translation's file name, Zola style: `brief.en.md` → (`brief.md`, `en`). `None`
/// for a name without a language-like part before `.md` (`brief.md`, `v1.2.md`). Whether the
/// language is configured is the caller's question: a name that looks like a translation
/// into a language the project does not have is an error, never a page of its own.
pub fn translation_name(name: &str) -> Option<(String, &str)> {
    let stem = name.strip_suffix(".md")?;
    let (base, lang) = stem.rsplit_once('.')?;
    (!base.is_empty() && crate::load::config::is_language_code(lang))
        .then(|| (format!("{base}.md"), lang))
}

fn split_ext(name: &str) -> (&str, Option<&str>) {
    match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], Some(&name[i + 1..])),
        _ => (name, None),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn translation_names() {
        use super::translation_name;
        assert_eq!(
            translation_name("brief.en.md"),
            Some(("brief.md".into(), "en"))
        );
        assert_eq!(
            translation_name("_index.ar.md"),
            Some(("_index.md".into(), "ar"))
        );
        assert_eq!(
            translation_name("x.pt-BR.md"),
            Some(("x.md".into(), "pt-BR"))
        );
        assert_eq!(translation_name("brief.md"), None);
        assert_eq!(translation_name("v1.2.md"), None);
        assert_eq!(translation_name(".en.md"), None);
        assert_eq!(translation_name("brief.en.md.txt"), None);
    }

    use super::*;

    #[test]
    fn markdown_spellings_are_renamed() {
        let c = Folder::Content;
        assert_eq!(intended_name("piet.MD", c).as_deref(), Some("piet.md"));
        assert_eq!(intended_name("piet.Md", c).as_deref(), Some("piet.md"));
        assert_eq!(
            intended_name("zaterdag.md.txt", c).as_deref(),
            Some("zaterdag.md")
        );
        assert_eq!(
            intended_name("info.markdown", c).as_deref(),
            Some("info.md")
        );
        assert_eq!(intended_name("piet.md ", c).as_deref(), Some("piet.md"));
        assert_eq!(intended_name("piet .md", c).as_deref(), Some("piet.md"));
        assert_eq!(intended_name("foto.jpg ", c).as_deref(), Some("foto.jpg"));
    }

    #[test]
    fn good_names_pass() {
        let c = Folder::Content;
        for ok in [
            "piet.md",
            "foto.jpg",
            "folder.pdf",
            "lees-mij.txt",
            "_index.md",
        ] {
            assert_eq!(intended_name(ok, c), None, "{ok}");
        }
        let s = Folder::Schools;
        for ok in ["de-eik.yaml", "de-eik.yml", "logo.png"] {
            assert_eq!(intended_name(ok, s), None, "{ok}");
        }
    }

    #[test]
    fn school_files_with_added_extensions() {
        let s = Folder::Schools;
        assert_eq!(
            intended_name("de-eik.yaml.txt", s).as_deref(),
            Some("de-eik.yaml")
        );
        assert_eq!(
            intended_name("de-eik.YAML", s).as_deref(),
            Some("de-eik.yaml")
        );
        assert_eq!(
            intended_name("de-eik.yml.txt", s).as_deref(),
            Some("de-eik.yml")
        );
    }
}
