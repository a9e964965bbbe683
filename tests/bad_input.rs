//! Every mistake an editor can make gets a clear error, and nothing is lost.
//!
//! Each case starts from the good fixture `tests/fixtures/editor`, whose output was built
//! once, makes one mistake, and runs the real binary: `check` and `build` must both fail
//! (exit code 1), name the file and line, say what is wrong in words an editor understands,
//! and the earlier good output must be left byte for byte as it was.

mod common;

use common::{buddysite, copy_dir, fixture, path_str, tree};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// The good fixture's output, built once for all cases.
fn good_output() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-input-good-output");
        let _ = std::fs::remove_dir_all(&out);
        let built = buddysite(&[
            "build",
            "--root",
            path_str(&fixture("editor")),
            "--output",
            path_str(&out),
        ]);
        assert!(
            built.status.success(),
            "the good fixture builds:\n{}",
            text(&built)
        );
        out
    })
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Writes `rel` in the project.
fn write(root: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, contents).expect("write");
}

/// Replaces `from` by `to` in `rel`; the fixture must contain `from`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let old = std::fs::read_to_string(&path).expect("read");
    assert!(old.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(&path, old.replacen(from, to, 1)).expect("write");
}

fn remove(root: &Path, rel: &str) {
    std::fs::remove_file(root.join(rel)).expect("remove");
}

/// Runs one case: mutate a copy of the good project, then check and build must fail naming
/// `file` (and `line`), with every `gist` in the output, and the old output must stay.
fn case(mutate: impl Fn(&Path), file: &str, line: Option<usize>, gist: &[&str]) {
    let good = good_output();
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    let out = dir.path().join("public");
    copy_dir(good, &out);
    let before = tree(&out);
    mutate(&root);
    let location = match line {
        Some(l) => format!("--> {file}:{l}"),
        None => format!("--> {file}"),
    };
    for args in [
        vec!["check", "--root", path_str(&root)],
        vec![
            "build",
            "--root",
            path_str(&root),
            "--output",
            path_str(&out),
        ],
    ] {
        let run = buddysite(&args);
        let shown = text(&run);
        // `DUMP_CASES=dir cargo test --test bad_input` keeps every case's output, to read
        // the messages as an editor would.
        if let Ok(dump) = std::env::var("DUMP_CASES") {
            let _ = std::fs::create_dir_all(&dump);
            let test = std::thread::current().name().unwrap_or("case").to_owned();
            let _ = std::fs::write(format!("{dump}/{test}-{}.txt", args[0]), &shown);
        }
        assert_eq!(
            run.status.code(),
            Some(1),
            "`{}` must fail:\n{shown}",
            args[0]
        );
        let at = shown.lines().any(|l| {
            l.trim_start() == location || l.trim_start().starts_with(&format!("{location}:"))
        });
        assert!(at, "`{}` names {location}:\n{shown}", args[0]);
        for g in gist {
            assert!(shown.contains(g), "`{}` says {g:?}:\n{shown}", args[0]);
        }
        assert!(shown.contains("error"), "{shown}");
        assert!(!shown.contains("panicked"), "{shown}");
    }
    assert!(
        before == tree(&out),
        "a failed build left the output as it was"
    );
}

macro_rules! bad {
    ($name:ident, $mutate:expr, $file:expr, $line:expr, [$($gist:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            case($mutate, $file, $line, &[$($gist),*]);
        }
    };
}

const SCHOOL: &str = "schools/zonnebloem.yaml";
const ANNA: &str = "content/buddys/anna.md";

// ---- YAML syntax ----

bad!(
    yaml_unclosed_quote,
    |p| edit(p, SCHOOL, "place: \"Lingedijk\"", "place: \"Lingedijk"),
    SCHOOL,
    Some(4),
    [
        "quote `\"` is opened on this line but never closed",
        "help:"
    ]
);
bad!(
    yaml_colon_in_value,
    |p| edit(
        p,
        SCHOOL,
        "place: \"Lingedijk\"",
        "place: Gemeente: Lingedijk"
    ),
    SCHOOL,
    Some(4),
    ["`: `", "between double quotes"]
);
bad!(
    yaml_tab_indentation,
    |p| edit(p, SCHOOL, "  primary:", "\tprimary:"),
    SCHOOL,
    Some(6),
    ["indented with a tab", "replace the tab with spaces"]
);
bad!(
    yaml_non_breaking_space_indentation,
    |p| edit(p, SCHOOL, "  primary:", "\u{a0}\u{a0}primary:"),
    SCHOOL,
    Some(6),
    ["non-breaking space", "Word"]
);
bad!(
    yaml_duplicate_key,
    |p| edit(
        p,
        SCHOOL,
        "kind: basisschool\n",
        "kind: basisschool\nkind: sbo\n"
    ),
    SCHOOL,
    Some(3),
    ["`kind` appears twice", "line 2"]
);
bad!(
    yaml_empty_school_file,
    |p| write(p, SCHOOL, ""),
    SCHOOL,
    None,
    ["this file is empty"]
);
bad!(
    front_matter_does_not_parse,
    |p| edit(
        p,
        "content/info.md",
        "title: \"Informatie\"",
        "title: [Informatie"
    ),
    "content/info.md",
    Some(2),
    ["`title` must be a piece of text", "between double quotes"]
);

// ---- Unknown keys, wrong types, missing keys ----

bad!(
    unknown_key_suggests,
    |p| edit(p, SCHOOL, "brand:", "brnad:"),
    SCHOOL,
    Some(5),
    ["unknown key `brnad`", "did you mean `brand`?"]
);
bad!(
    unknown_nested_key,
    |p| edit(p, SCHOOL, "  accent:", "  acent:"),
    SCHOOL,
    Some(7),
    ["unknown key `brand.acent`", "did you mean `accent`?"]
);
bad!(
    unknown_key_in_config,
    |p| edit(p, "buddysite.yaml", "short_name:", "shortname:"),
    "buddysite.yaml",
    Some(2),
    ["unknown key `shortname`", "did you mean `short_name`?"]
);
bad!(
    unknown_key_in_front_matter,
    |p| edit(p, "content/info.md", "weight: 40", "wieght: 40"),
    "content/info.md",
    Some(3),
    ["unknown key `wieght`", "did you mean `weight`?"]
);
bad!(
    unknown_key_in_buddy,
    |p| edit(p, ANNA, "photo: anna.jpg", "foto: anna.jpg"),
    ANNA,
    Some(8),
    ["unknown key `foto`", "did you mean `photo`?"]
);
bad!(
    wrong_type_number,
    |p| edit(p, "content/info.md", "weight: 40", "weight: veertig"),
    "content/info.md",
    Some(3),
    ["`weight` must be a whole number, not `veertig`"]
);
bad!(
    wrong_type_boolean,
    |p| edit(p, "content/info.md", "weight: 40", "menu: nee"),
    "content/info.md",
    Some(3),
    ["`menu` must be `true` or `false`", "write `false`"]
);
bad!(
    wrong_type_block,
    |p| edit(
        p,
        "schools/de-linde.yaml",
        "contact:\n  name: \"Jan Jansen\"\n  email: \"ib@de-linde.example.org\"\n",
        "contact: Jan Jansen\n"
    ),
    "schools/de-linde.yaml",
    Some(6),
    ["`contact` must be a block of keys"]
);
bad!(
    wrong_type_list,
    |p| edit(p, ANNA, "languages: [nl, en]", "languages: {nl: en}"),
    ANNA,
    Some(5),
    ["`languages` must be a list"]
);
bad!(
    missing_required_key,
    |p| edit(p, SCHOOL, "place: \"Lingedijk\"\n", ""),
    SCHOOL,
    Some(1),
    ["the required key `place` is missing", "place:"]
);
bad!(
    missing_nested_required_key,
    |p| edit(
        p,
        "schools/de-linde.yaml",
        "  primary: \"#7a1f3d\"\n",
        "  accent: \"#7a1f3d\"\n"
    ),
    "schools/de-linde.yaml",
    Some(4),
    ["the required key `brand.primary` is missing"]
);
bad!(
    missing_title,
    |p| edit(p, "content/info.md", "title: \"Informatie\"\n", ""),
    "content/info.md",
    Some(2),
    ["the required key `title` is missing"]
);
bad!(
    empty_required_value,
    |p| edit(
        p,
        SCHOOL,
        "name: \"Basisschool 't Zonnebloem\"",
        "name: \"\""
    ),
    SCHOOL,
    Some(1),
    ["`name` is empty"]
);
bad!(
    unknown_school_kind,
    |p| edit(p, SCHOOL, "kind: basisschool", "kind: basischool"),
    SCHOOL,
    Some(2),
    ["cannot be `basischool`", "did you mean `basisschool`?"]
);
bad!(
    consent_not_a_date,
    |p| edit(
        p,
        ANNA,
        "consent_until: 2030-01-01",
        "consent_until: 1 januari 2030"
    ),
    ANNA,
    Some(7),
    ["`consent_until` is not a date", "YYYY-MM-DD"]
);
bad!(
    missing_required_file,
    |p| remove(p, "content/contact.md"),
    "content/contact.md",
    None,
    ["this required file is missing"]
);

// ---- Colours ----

bad!(
    invalid_colour,
    |p| edit(p, SCHOOL, "\"#1d4f91\"", "\"#1d4f9\""),
    SCHOOL,
    Some(6),
    [
        "`brand.primary` is not a colour: `#1d4f9`",
        "six hex digits"
    ]
);
bad!(
    colour_without_quotes,
    |p| edit(p, SCHOOL, "\"#1d4f91\"", "#1d4f91"),
    SCHOOL,
    Some(6),
    ["`brand.primary` has no value", "`#` starts a comment"]
);
bad!(
    colour_with_curly_quotes,
    |p| edit(p, SCHOOL, "\"#1d4f91\"", "“#1d4f91”"),
    SCHOOL,
    Some(6),
    ["is not a colour", "curly quotes"]
);
bad!(
    mid_tone_colour_has_too_little_contrast,
    |p| edit(p, SCHOOL, "\"#1d4f91\"", "\"#808080\""),
    SCHOOL,
    Some(6),
    [
        "`#808080`",
        "too little contrast",
        ":1",
        "needs at least 4.50:1",
        "use `\"#"
    ]
);
bad!(
    theme_declares_a_colour_pair_it_cannot_meet,
    |p| {
        write(p, "themes/default/theme.yaml", "contrast:\n  - text: \"#777777\"\n    background: \"#ffffff\"\n    min: 4.5\n    what: grey footer text\n")
    },
    "themes/default/theme.yaml",
    Some(5),
    ["grey footer text", "4.47:1", "needs at least 4.50:1"]
);
bad!(
    theme_colour_pair_with_a_typo,
    |p| {
        write(p, "themes/default/theme.yaml", "contrast:\n  - text: on_primray\n    background: primary\n    min: 4.5\n    what: buttons\n")
    },
    "themes/default/theme.yaml",
    Some(2),
    ["`on_primray` is not a colour the check understands"]
);

// ---- Schools and buddies ----

bad!(
    school_names_unknown_buddy,
    |p| edit(p, "schools/de-linde.yaml", "  - anna", "  - anne"),
    "schools/de-linde.yaml",
    Some(10),
    ["there is no buddy `anne`", "did you mean `anna`?"]
);
bad!(
    unknown_experience_theme,
    |p| edit(p, ANNA, "themes: [so, autisme]", "themes: [so, autism]"),
    ANNA,
    Some(4),
    [
        "unknown experience theme `autism`",
        "did you mean `autisme`?"
    ]
);
bad!(
    duplicate_slug_differing_in_case,
    |p| write(
        p,
        "schools/Zonnebloem.yaml",
        std::fs::read(p.join(SCHOOL)).expect("read")
    ),
    "schools/Zonnebloem.yaml",
    None,
    [
        "same web address `zonnebloem/`",
        "schools/zonnebloem.yaml has it too"
    ]
);
bad!(
    slug_with_space,
    |p| std::fs::rename(
        p.join("schools/de-linde.yaml"),
        p.join("schools/de linde.yaml")
    )
    .expect("rename"),
    "schools/de linde.yaml",
    None,
    ["cannot be used in a web address", "de-linde.yaml"]
);
bad!(
    content_file_name_with_space,
    |p| std::fs::rename(p.join("content/info.md"), p.join("content/meer info.md")).expect("rename"),
    "content/meer info.md",
    None,
    [
        "`meer info.md` cannot be used in a web address",
        "meer-info.md"
    ]
);
bad!(
    missing_logo,
    |p| edit(p, SCHOOL, "logo: logo.svg", "logo: logo.png"),
    SCHOOL,
    Some(8),
    ["logo file `schools/zonnebloem/logo.png` not found"]
);
bad!(
    missing_buddy_photo,
    |p| edit(p, ANNA, "photo: anna.jpg", "photo: Anna.JPG"),
    ANNA,
    Some(8),
    [
        "the photo `Anna.JPG` does not exist",
        "the file is called `anna.jpg`"
    ]
);
bad!(
    photo_without_text_alternative,
    |p| edit(p, ANNA, "photo_alt: \"Anna lacht in de zon\"\n", ""),
    ANNA,
    Some(8),
    ["a photo needs a text alternative", "photo_alt"]
);
bad!(
    photo_path_leaves_the_project,
    |p| edit(p, ANNA, "photo: anna.jpg", "photo: ../../../etc/passwd"),
    ANNA,
    Some(8),
    ["must stay inside the project"]
);
bad!(
    absolute_logo_path,
    |p| edit(p, SCHOOL, "logo: logo.svg", "logo: C:\\Users\\ib\\logo.svg"),
    SCHOOL,
    Some(8),
    ["must be a path relative to its folder"]
);
#[cfg(unix)]
bad!(
    symlink_out_of_the_project,
    |p| {
        remove(p, "schools/zonnebloem/logo.svg");
        std::os::unix::fs::symlink("/etc/hostname", p.join("schools/zonnebloem/logo.svg"))
            .expect("symlink");
    },
    "schools/zonnebloem/logo.svg",
    None,
    ["links to other places are not followed"]
);

#[cfg(unix)]
bad!(
    school_folder_linked_to_outside_the_project,
    |p| {
        let outside = p.parent().expect("parent").join("elsewhere");
        std::fs::rename(p.join("schools/zonnebloem"), &outside).expect("move");
        std::os::unix::fs::symlink(&outside, p.join("schools/zonnebloem")).expect("symlink");
    },
    "schools/zonnebloem",
    None,
    [
        "a link to a folder or file outside the project",
        "copy the files into the project"
    ]
);

// ---- Contact details and addresses ----

bad!(
    email_is_not_an_address,
    |p| edit(
        p,
        SCHOOL,
        "email: \"ib@zonnebloem.example.org\"",
        "email: \"ib op zonnebloem\""
    ),
    SCHOOL,
    Some(12),
    ["`contact.email` is not an e-mail address"]
);
bad!(
    phone_with_remarks,
    |p| edit(
        p,
        SCHOOL,
        "phone: \"0344 00 00 11\"",
        "phone: \"0344 00 00 11 (alleen ochtend)\""
    ),
    SCHOOL,
    Some(13),
    ["`contact.phone` is not a phone number", "hours:"]
);
bad!(
    base_url_without_scheme,
    |p| write(
        p,
        "schools/de-linde.yaml",
        std::fs::read_to_string(p.join("schools/de-linde.yaml"))
            .expect("read")
            .replace(
                "base_url: \"https://buddy.example.org/de-linde/\"",
                "base_url: www.delinde.nl"
            )
    ),
    "schools/de-linde.yaml",
    Some(11),
    ["`base_url` must be an absolute URL", "https://"]
);
bad!(
    allowed_host_written_as_url,
    |p| write(
        p,
        "buddysite.yaml",
        format!(
            "{}allowed_hosts: [\"https://fonts.example.com/css\"]\n",
            std::fs::read_to_string(p.join("buddysite.yaml")).expect("read")
        )
    ),
    "buddysite.yaml",
    Some(9),
    ["is not a host name", "`fonts.example.com`"]
);
bad!(
    output_outside_the_project,
    |p| write(
        p,
        "buddysite.yaml",
        format!(
            "{}output: ../../public\n",
            std::fs::read_to_string(p.join("buddysite.yaml")).expect("read")
        )
    ),
    "buddysite.yaml",
    Some(9),
    ["`output` must stay inside the project"]
);

// ---- Markdown files ----

bad!(
    no_front_matter,
    |p| write(p, "content/info.md", "Hier lees je meer.\n"),
    "content/info.md",
    Some(1),
    ["this file has no front matter", "`---`"]
);
bad!(
    front_matter_not_closed,
    |p| edit(p, "content/info.md", "weight: 40\n---\n", "weight: 40\n"),
    "content/info.md",
    Some(1),
    ["the front matter is not closed"]
);
bad!(
    front_matter_dash_changed_by_word,
    |p| write(p, "content/info.md", "—\ntitle: Info\n—\nTekst\n"),
    "content/info.md",
    Some(1),
    ["three minus signs", "long dash"]
);
bad!(
    empty_markdown_file,
    |p| write(p, "content/info.md", ""),
    "content/info.md",
    None,
    ["this file is empty"]
);
bad!(
    empty_required_page,
    |p| write(p, "content/brief.md", "---\ntitle: \"Brief\"\n---\n  \n\n"),
    "content/brief.md",
    Some(3),
    ["this page has no text"]
);
bad!(
    not_utf8,
    |p| write(p, "content/info.md", b"---\ntitle: Caf\xe9\n---\nTekst\n"),
    "content/info.md",
    Some(2),
    ["not UTF-8 text", "offset 14", "save the file as UTF-8"]
);
bad!(
    utf16_file,
    |p| write(p, "content/info.md", b"\xff\xfe-\x00-\x00-\x00\n\x00"),
    "content/info.md",
    None,
    ["UTF-16", "save the file as UTF-8"]
);

// ---- Templates and placeholders ----

bad!(
    template_syntax_error_in_content,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "Hier lees je meer over {{ school.name }."
    ),
    "content/info.md",
    Some(5),
    ["template syntax error"]
);
bad!(
    unknown_name_in_content_template,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "Hier lees je meer over {{ school.nmae }}."
    ),
    "content/info.md",
    Some(5),
    ["nmae"]
);
bad!(
    template_error_in_theme_override,
    |p| {
        write(p, "themes/default/templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{% if page.title %}\n<h1>{{ page.title }}</h1>\n{% endblock %}\n")
    },
    "themes/default/templates/page.html",
    Some(5),
    ["template"]
);
bad!(
    unknown_placeholder,
    |p| edit(p, "content/brief.md", "Beste ouder,", "Beste [naam ouder],"),
    "content/brief.md",
    Some(5),
    ["unknown placeholder `[naam ouder]`"]
);
bad!(
    placeholder_without_value,
    |p| edit(
        p,
        "content/brief.md",
        "Beste ouder,",
        "Bel [telefoonnummer contactpersoon]."
    ),
    "content/brief.md",
    Some(5),
    [
        "placeholder `[telefoonnummer contactpersoon]` needs `contact.phone`",
        "de-linde"
    ]
);

// ---- Links, anchors, images, headings ----

bad!(
    broken_link_to_content_file,
    |p| edit(
        p,
        "content/brief.md",
        "[kosten](vragen/kosten.md)",
        "[kosten](vragen/kost.md)"
    ),
    "content/brief.md",
    Some(12),
    [
        "the link `vragen/kost.md`",
        "does not exist",
        "did you mean `vragen/kosten.md`?"
    ]
);
bad!(
    broken_anchor_in_link_to_content_file,
    |p| edit(
        p,
        "content/brief.md",
        "info.md#hoe-het-werkt",
        "info.md#hoe-werkt-het"
    ),
    "content/brief.md",
    Some(16),
    [
        "`#hoe-werkt-het`, which is not on that page",
        "`#hoe-het-werkt`"
    ]
);
bad!(
    broken_anchor_on_the_same_page,
    |p| edit(
        p,
        "content/info.md",
        "[boven](#hoe-het-werkt)",
        "[boven](#bovenaan)"
    ),
    "content/info.md",
    Some(17),
    [
        "`#bovenaan`, which is not on that page",
        "the anchors on that page are `#de-eerste-keer`, `#hoe-het-werkt`, `#privacy`"
    ]
);
bad!(
    broken_plain_link,
    |p| edit(
        p,
        "content/contact.md",
        "Neem contact op.",
        "Neem [contact](../contactpagina/) op."
    ),
    "content/contact.md",
    Some(5),
    ["the link `../contactpagina/` leads to a page or file that does not exist"]
);
bad!(
    link_to_a_folder,
    |p| edit(
        p,
        "content/contact.md",
        "Neem contact op.",
        "Lees de [vragen](../vragen/) of neem contact op."
    ),
    "content/contact.md",
    Some(5),
    [
        "the link `../vragen/` points at a folder",
        "link to the .md file"
    ]
);
bad!(
    link_from_site_root,
    |p| edit(
        p,
        "content/contact.md",
        "Neem contact op.",
        "Lees [de brief](/brief/)."
    ),
    "content/contact.md",
    Some(5),
    ["starts with `/`"]
);
bad!(
    link_to_buddy_not_offered_at_a_school,
    |p| edit(
        p,
        "content/contact.md",
        "Neem contact op.",
        "Vraag [Ben](buddys/ben.md)."
    ),
    "content/contact.md",
    Some(5),
    ["a buddy who is not on this school's site", "de-linde"]
);
// A `javascript:` link is removed with a warning, not an error: tests/xss.rs.
bad!(
    image_without_alt_text,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "![](../schools/zonnebloem/logo.svg)"
    ),
    "content/info.md",
    Some(5),
    ["image without alt text", "describe the image"]
);
bad!(
    raw_html_image_without_alt_text,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "<img src=\"buddys/anna.jpg\">"
    ),
    "content/info.md",
    Some(5),
    ["image without alt text", "alt="]
);
bad!(
    missing_image,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "![Een plaatje](plaatje.png)"
    ),
    "content/info.md",
    Some(5),
    ["the image `plaatje.png` does not exist"]
);
bad!(
    skipped_heading_level,
    |p| edit(
        p,
        "content/info.md",
        "### De eerste keer",
        "#### De eerste keer"
    ),
    "content/info.md",
    Some(11),
    ["skips a level", "use `###` here"]
);
bad!(
    first_heading_skips_from_the_title,
    |p| edit(
        p,
        "content/info.md",
        "## Hoe het werkt",
        "### Hoe het werkt"
    ),
    "content/info.md",
    Some(7),
    ["skips a level", "page title"]
);
bad!(
    h1_inside_content,
    |p| edit(p, "content/info.md", "## Privacy", "# Privacy"),
    "content/info.md",
    Some(15),
    ["one `#`", "start the headings in the text with `##`"]
);
bad!(
    skipped_heading_in_faq_answer,
    |p| edit(
        p,
        "content/vragen/stoppen.md",
        "Ja, altijd.",
        "#### Hoe?\n\nJa, altijd."
    ),
    "content/vragen/stoppen.md",
    Some(5),
    ["skips a level", "`##` heading"]
);

bad!(
    image_path_relative_to_the_md_file,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "![Anna](buddys/anna.jpg)"
    ),
    "content/info.md",
    Some(5),
    [
        "the image `buddys/anna.jpg` does not exist",
        "write `../buddys/anna.jpg`"
    ]
);

bad!(
    logo_name_with_other_capitals,
    |p| edit(p, SCHOOL, "logo: logo.svg", "logo: Logo.SVG"),
    SCHOOL,
    Some(8),
    [
        "`schools/zonnebloem/Logo.SVG` not found",
        "the file is called `logo.svg`"
    ]
);

// ---- Resources from other hosts ----

bad!(
    image_from_another_host_in_raw_html,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "<img src=\"https://cdn.example.com/x.png\" alt=\"x\">"
    ),
    "content/info.md",
    Some(5),
    [
        "loads `https://cdn.example.com/x.png` from another website (cdn.example.com)",
        "allowed_hosts"
    ]
);
bad!(
    markdown_image_from_another_host,
    |p| edit(
        p,
        "content/info.md",
        "Hier lees je meer.",
        "![Kaart](https://maps.example.com/kaart.png)"
    ),
    "content/info.md",
    Some(5),
    ["from another website (maps.example.com)"]
);
bad!(
    css_import_from_another_host_in_theme,
    |p| write(
        p,
        "themes/default/static/extra.css",
        "/* fonts */\n@import url(\"https://fonts.example.com/css?family=Roboto\");\n"
    ),
    "themes/default/static/extra.css",
    Some(2),
    ["the stylesheet loads", "fonts.example.com"]
);
bad!(
    script_from_another_host_in_theme_template,
    |p| write(
        p,
        "themes/default/templates/partials/footer.html",
        "<footer>\n<script src=\"https://stats.example.com/t.js\"></script>\n</footer>\n"
    ),
    "themes/default/templates/partials/footer.html",
    Some(2),
    ["the template loads `https://stats.example.com/t.js`"]
);
bad!(
    css_url_in_trusted_raw_html,
    |p| {
        write(
            p,
            "buddysite.yaml",
            format!(
                "{}allow_raw_html: true\n",
                std::fs::read_to_string(p.join("buddysite.yaml")).expect("read")
            ),
        );
        edit(p, "content/info.md", "Hier lees je meer.", "<div style=\"background: url('https://img.example.com/bg.png')\">Hier lees je meer.</div>");
    },
    "content/info.md",
    Some(5),
    ["https://img.example.com/bg.png", "another website"]
);

// ---- Many problems at once ----

#[test]
fn every_problem_of_a_run_is_reported_together_across_files_and_schools() {
    case(
        |p| {
            edit(p, "buddysite.yaml", "short_name:", "shortname:");
            edit(p, SCHOOL, "brand:", "brnad:");
            edit(p, "schools/de-linde.yaml", "kind: sbo", "kind: spo");
            edit(p, "content/info.md", "weight: 40", "weight: veertig");
            edit(p, ANNA, "themes: [so, autisme]", "themes: [so, autism]");
        },
        "buddysite.yaml",
        Some(2),
        &[
            "schools/zonnebloem.yaml:5",
            "schools/de-linde.yaml:2",
            "content/info.md:3",
            "content/buddys/anna.md:4",
            "5 errors",
        ],
    );
}

#[test]
fn link_problems_are_also_found_when_another_file_fails_to_load() {
    case(
        |p| {
            edit(p, SCHOOL, "brand:", "brnad:");
            edit(
                p,
                "content/brief.md",
                "[kosten](vragen/kosten.md)",
                "[kosten](vragen/kost.md)",
            );
        },
        "content/brief.md",
        Some(12),
        &["schools/zonnebloem.yaml:5", "the link `vragen/kost.md`"],
    );
}

#[test]
fn problems_are_sorted_by_file() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().join("project");
    copy_dir(&fixture("editor"), &root);
    edit(&root, SCHOOL, "kind: basisschool", "kind: basischool");
    edit(&root, "content/info.md", "weight: 40", "weight: veertig");
    edit(&root, "buddysite.yaml", "short_name:", "shortname:");
    let run = buddysite(&["check", "--root", path_str(&root)]);
    let shown = text(&run);
    let files: Vec<&str> = shown
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "{shown}");
    assert!(shown.contains("3 errors, 0 warnings"), "{shown}");
}
