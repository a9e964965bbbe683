//! The incremental path behind `--watch`, driven through the library: each kind of change
//! re-renders what it affects, and after any sequence of changes the output is exactly what
//! a clean build of the same files gives.

mod common;

use buddysite::session::{Plan, Session};
use common::*;
use std::path::{Path, PathBuf};

fn start(project: &Path, out: &Path) -> Session {
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(project, Some(out));
    assert!(first.is_ok(), "{:?}", first.err());
    letters(&mut session);
    session
}

/// What the watch loop does after a reload: the letters the rebuild left for later are
/// typeset (on a background thread there) and their schools rendered again.
fn letters(session: &mut Session) {
    if let Some((_, result)) = session.make_letters() {
        result.unwrap_or_else(|p| panic!("rebuild with the letters failed:\n{p}"));
    }
}

fn apply(session: &mut Session, paths: &[PathBuf]) -> (Plan, Vec<String>) {
    let (plan, result) = session.apply(paths).expect("a rebuild");
    let report = result.unwrap_or_else(|p| panic!("rebuild failed:\n{p}"));
    let mut written = report.written.written.clone();
    written.sort();
    letters(session);
    (plan, written)
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn assert_same_as_clean_build(project: &Path, out: &Path) {
    let clean = tempfile::tempdir().expect("temp");
    let built = buddysite(&[
        "build",
        "--root",
        path_str(project),
        "--output",
        path_str(clean.path()),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let (a, b) = (tree(out), tree(clean.path()));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs from a clean build");
    }
}

#[test]
fn a_faq_answer_change_rewrites_only_the_faq_pages() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("content/vragen/kosten.md");
    replace(&file, "Het is gratis.", "Het kost niets, echt niet.");
    let (plan, written) = apply(&mut session, &[file]);
    assert!(matches!(plan, Plan::Content(_)), "{plan:?}");
    assert_eq!(
        written,
        vec!["alpha/vragen/index.html", "beta/vragen/index.html"]
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn a_menu_title_change_rewrites_every_page_with_a_menu() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("content/over.md");
    replace(
        &file,
        "title: \"Over het programma\"",
        "title: \"Over ons\"",
    );
    let (_, written) = apply(&mut session, &[file]);
    assert!(
        written.contains(&"alpha/brief/index.html".to_owned()),
        "{written:?}"
    );
    assert!(
        written.contains(&"beta/vragen/index.html".to_owned()),
        "{written:?}"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn a_school_change_rewrites_that_school_and_the_overview_only() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let file = project.path().join("schools/beta.yaml");
    replace(
        &file,
        "name: \"SBO 't Kompas\"",
        "name: \"SBO De Kompasnaald\"",
    );
    let (plan, written) = apply(&mut session, &[file]);
    assert!(matches!(plan, Plan::Schools(_)), "{plan:?}");
    assert!(
        written
            .iter()
            .all(|p| p.starts_with("beta/") || p == "index.html"),
        "{written:?}"
    );
    assert!(
        written.contains(&"index.html".to_owned()),
        "the overview shows the name"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn an_error_keeps_the_output_and_the_fix_catches_up() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let before = tree(out.path());
    let faq = project.path().join("content/vragen/stoppen.md");
    replace(
        &faq,
        "question: \"Mag ik stoppen?\"",
        "vraag: \"Mag ik stoppen?\"",
    );
    let (_, result) = session
        .apply(std::slice::from_ref(&faq))
        .expect("a rebuild");
    let problems = result.expect_err("unknown key");
    assert!(
        problems.to_string().contains("content/vragen/stoppen.md:2"),
        "{problems}"
    );
    assert_eq!(tree(out.path()), before, "output untouched");
    // Meanwhile another file changes; then the error is fixed.
    let school = project.path().join("schools/alpha.yaml");
    replace(&school, "place: \"Ee\"", "place: \"Aa\"");
    assert!(
        session
            .apply(std::slice::from_ref(&school))
            .expect("a rebuild")
            .1
            .is_err(),
        "still broken"
    );
    replace(
        &faq,
        "vraag: \"Mag ik stoppen?\"",
        "question: \"Mag ik stoppen?\"",
    );
    let (plan, _) = apply(&mut session, &[faq]);
    assert_eq!(
        plan,
        Plan::Everything,
        "after a failure everything is reloaded"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

#[test]
fn swap_files_and_the_output_are_not_changes() {
    let project = copy_fixture("basic");
    let out = project.path().join("public");
    let mut session = start(project.path(), &out);
    let paths: Vec<PathBuf> = [
        "content/.brief.md.swp",
        "content/brief.md~",
        "content/4913",
        "schools/.#beta.yaml",
        "schools/~$brief.docx",
        "public/alpha/index.html",
    ]
    .iter()
    .map(|p| project.path().join(p))
    .collect();
    assert_eq!(session.plan(&paths), Plan::Nothing);
    assert!(session.apply(&paths).is_none());
}

#[test]
fn schools_come_and_go() {
    let project = copy_fixture("basic");
    let out = tempfile::tempdir().expect("temp");
    let mut session = start(project.path(), out.path());
    let gamma = project.path().join("schools/gamma.yaml");
    std::fs::write(&gamma, "name: \"Gamma\"\nkind: so\nplace: \"Hier\"\nbrand:\n  primary: \"#222222\"\ncontact:\n  name: \"Iemand\"\n  email: \"i@example.org\"\n")
        .expect("write");
    let (_, written) = apply(&mut session, std::slice::from_ref(&gamma));
    assert!(written.contains(&"gamma/index.html".to_owned()));
    assert_same_as_clean_build(project.path(), out.path());
    std::fs::remove_file(&gamma).expect("rm");
    let (_, result) = session.apply(&[gamma]).expect("a rebuild");
    let report = result.expect("ok");
    assert!(report
        .written
        .deleted
        .contains(&"gamma/index.html".to_owned()));
    assert!(
        !out.path().join("gamma").exists(),
        "the folder of a removed school is gone"
    );
    assert_same_as_clean_build(project.path(), out.path());
}

/// Applies a change to the session and insists that the result is exactly a clean build.
fn step(session: &mut Session, project: &Path, out: &Path, changed: &[&str]) {
    let paths: Vec<PathBuf> = changed.iter().map(|p| project.join(p)).collect();
    let (_, result) = session.apply(&paths).expect("a rebuild");
    if let Err(problems) = result {
        panic!("rebuild after {changed:?} failed:\n{problems}");
    }
    letters(session);
    assert_same_as_clean_build(project, out);
}

fn write(project: &Path, rel: &str, text: &str) {
    let path = project.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

const NEW_BUDDY: &str = "---\nname: \"Dirk\"\nsummary: \"Dirk luistert.\"\nthemes: [chronisch-ziek]\nlanguages: [nl]\nmeet: [telefoon]\nconsent_until: 2030-01-01\n---\nIk ben Dirk.\n";
const NEW_SCHOOL: &str = "name: \"Gamma\"\nkind: so\nplace: \"Hier\"\nbrand:\n  primary: \"#222222\"\ncontact:\n  name: \"Iemand\"\n  email: \"i@example.org\"\n";

#[test]
fn new_content_files_appear_and_deleted_ones_disappear() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    // A new FAQ answer touches only the FAQ pages.
    write(
        p,
        "content/vragen/los.md",
        "---\nquestion: \"Mag het los?\"\n---\nJa, dat mag.\n",
    );
    let (plan, written) = apply(&mut session, &[p.join("content/vragen/los.md")]);
    assert!(matches!(plan, Plan::Content(_)), "{plan:?}");
    assert_eq!(
        written,
        vec!["alpha/vragen/index.html", "beta/vragen/index.html"]
    );
    let faq = texts(&html(out, "alpha/vragen/index.html"), "main h2, main h3");
    assert!(faq.iter().any(|q| q == "Mag het los?"), "{faq:?}");
    assert_same_as_clean_build(p, out);
    // A new page, a new buddy.
    write(
        p,
        "content/nieuw.md",
        "---\ntitle: \"Nieuw\"\n---\nEen nieuwe pagina.\n",
    );
    step(&mut session, p, out, &["content/nieuw.md"]);
    assert!(out.join("alpha/nieuw/index.html").is_file());
    write(p, "content/buddys/dirk.md", NEW_BUDDY);
    step(&mut session, p, out, &["content/buddys/dirk.md"]);
    assert!(out.join("alpha/buddys/dirk/index.html").is_file());
    // And each goes away again.
    for rel in [
        "content/vragen/los.md",
        "content/nieuw.md",
        "content/buddys/dirk.md",
    ] {
        std::fs::remove_file(p.join(rel)).expect("rm");
        step(&mut session, p, out, &[rel]);
    }
    assert!(!out.join("alpha/nieuw").exists());
    assert!(!out.join("alpha/buddys/dirk").exists());
    let faq = texts(&html(out, "alpha/vragen/index.html"), "main h2, main h3");
    assert!(!faq.iter().any(|q| q == "Mag het los?"), "{faq:?}");
}

#[test]
fn renamed_files_of_every_kind_move_in_the_output() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    for (from, to) in [
        ("content/over.md", "content/programma.md"),
        ("content/vragen/stoppen.md", "content/vragen/ophouden.md"),
        ("content/buddys/ada.md", "content/buddys/ada-de-vries.md"),
        ("schools/beta/contact.md", "schools/beta/bereikbaar.md"),
    ] {
        std::fs::rename(p.join(from), p.join(to)).expect("rename");
        step(&mut session, p, out, &[from, to]);
    }
    // A school renamed, with its folder.
    for (from, to) in [
        ("schools/beta.yaml", "schools/delta.yaml"),
        ("schools/beta", "schools/delta"),
    ] {
        std::fs::rename(p.join(from), p.join(to)).expect("rename");
    }
    step(
        &mut session,
        p,
        out,
        &[
            "schools/beta.yaml",
            "schools/delta.yaml",
            "schools/beta",
            "schools/delta",
        ],
    );
    assert!(out.join("alpha/programma/index.html").is_file());
    assert!(!out.join("alpha/over").exists());
    assert!(out.join("delta/bereikbaar/index.html").is_file());
    assert!(!out.join("beta").exists());
}

#[test]
fn photos_and_other_assets_come_and_go() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    std::fs::copy(
        fixture("editor").join("content/buddys/anna.jpg"),
        p.join("content/buddys/dirk.jpg"),
    )
    .expect("copy a real JPEG");
    write(
        p,
        "content/buddys/dirk.md",
        &NEW_BUDDY.replace(
            "consent_until",
            "photo: dirk.jpg\nphoto_alt: \"Dirk lacht\"\nconsent_until",
        ),
    );
    step(
        &mut session,
        p,
        out,
        &["content/buddys/dirk.jpg", "content/buddys/dirk.md"],
    );
    assert!(out.join("alpha/buddys/dirk.jpg").is_file());
    // A file nothing links to is not published; once a page links to it, it is.
    write(p, "content/folder.pdf", "%PDF");
    step(&mut session, p, out, &["content/folder.pdf"]);
    assert!(!out.join("beta/folder.pdf").exists());
    let over = std::fs::read_to_string(p.join("content/over.md")).expect("read");
    write(
        p,
        "content/over.md",
        &format!("{over}\n[De folder](../folder.pdf)\n"),
    );
    step(&mut session, p, out, &["content/over.md"]);
    assert!(out.join("beta/folder.pdf").is_file());
    write(p, "schools/beta/plattegrond.pdf", "%PDF plan");
    step(&mut session, p, out, &["schools/beta/plattegrond.pdf"]);
    assert!(!out.join("beta/plattegrond.pdf").exists());
    write(p, "content/over.md", &over);
    step(&mut session, p, out, &["content/over.md"]);
    for rel in [
        "content/folder.pdf",
        "schools/beta/plattegrond.pdf",
        "content/buddys/dirk.md",
        "content/buddys/dirk.jpg",
    ] {
        std::fs::remove_file(p.join(rel)).expect("rm");
        step(&mut session, p, out, &[rel]);
    }
    assert!(!out.join("alpha/buddys/dirk.jpg").exists());
}

#[test]
fn school_overrides_and_theme_overrides_come_and_go() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    write(
        p,
        "schools/alpha/over.md",
        "---\ntitle: \"Over Alpha\"\n---\nAlleen bij Alpha.\n",
    );
    step(&mut session, p, out, &["schools/alpha/over.md"]);
    assert_eq!(
        texts(&html(out, "alpha/over/index.html"), "h1"),
        ["Over Alpha"]
    );
    write(
        p,
        "schools/alpha/vragen/eigen.md",
        "---\nquestion: \"Alleen hier?\"\n---\nJa.\n",
    );
    step(&mut session, p, out, &["schools/alpha/vragen/eigen.md"]);
    // The theme folder does not exist yet: it is new, like the files in it.
    let css = include_str!("../themes/default/static/style.css");
    write(
        p,
        "themes/default/static/style.css",
        &format!("{css}\n/* eigen */\n"),
    );
    write(p, "themes/default/static/extra.txt", "extra");
    step(&mut session, p, out, &["themes"]);
    assert!(std::fs::read_to_string(out.join("assets/style.css"))
        .expect("css")
        .contains("/* eigen */"));
    for rel in [
        "schools/alpha/over.md",
        "schools/alpha/vragen/eigen.md",
        "themes/default/static/extra.txt",
        "themes/default/static/style.css",
    ] {
        std::fs::remove_file(p.join(rel)).expect("rm");
        step(&mut session, p, out, &[rel]);
    }
    assert!(!out.join("assets/extra.txt").exists());
}

#[test]
fn a_folder_swapped_wholesale_is_read_again() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    // As a `git checkout` or a sync client does it: a new folder renamed into place, with
    // files the watcher never reported one by one.
    let new = p.join("content/vragen.new");
    copy_dir(&p.join("content/vragen"), &new);
    std::fs::remove_file(new.join("stoppen.md")).expect("rm");
    write(
        p,
        "content/vragen.new/nieuw.md",
        "---\nquestion: \"Nieuw hier?\"\n---\nWelkom.\n",
    );
    std::fs::rename(p.join("content/vragen"), p.join("content/vragen.old")).expect("mv");
    std::fs::rename(&new, p.join("content/vragen")).expect("mv");
    std::fs::rename(p.join("content/vragen.old"), p.join("vragen.old")).expect("mv");
    step(&mut session, p, out, &["content/vragen"]);
    // The same for a school's folder.
    std::fs::remove_dir_all(p.join("schools/beta")).expect("rm");
    write(
        p,
        "schools/beta/contact.md",
        "---\ntitle: \"Contact\"\n---\nBel ons.\n",
    );
    step(&mut session, p, out, &["schools/beta"]);
    // And for all of schools/ at once.
    let all = p.join("schools.new");
    copy_dir(&p.join("schools"), &all);
    std::fs::write(all.join("gamma.yaml"), NEW_SCHOOL).expect("write");
    std::fs::remove_dir_all(p.join("schools")).expect("rm");
    std::fs::rename(&all, p.join("schools")).expect("mv");
    step(&mut session, p, out, &["schools"]);
    assert!(out.join("gamma/index.html").is_file());
}

#[test]
fn a_full_rebuild_repairs_output_changed_by_hand() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    std::fs::remove_file(out.join("alpha/brief/index.html")).expect("rm");
    std::fs::write(out.join("beta/index.html"), "changed by hand").expect("write");
    replace(
        &p.join("buddysite.yaml"),
        "short_name: \"SWV Testregio\"",
        "short_name: \"SWV Testregio\"\nextra:\n  touched: true",
    );
    step(&mut session, p, out, &["buddysite.yaml"]);
}

/// Breaks `schools/alpha.yaml` with a key typo.
fn break_alpha(p: &Path) {
    replace(
        &p.join("schools/alpha.yaml"),
        "  primary: \"#0b5394\"",
        "  primray: \"#0b5394\"",
    );
}

fn fix_alpha(p: &Path) {
    replace(
        &p.join("schools/alpha.yaml"),
        "  primray: \"#0b5394\"",
        "  primary: \"#0b5394\"",
    );
}

fn assert_alpha_broken(session: &Session) {
    let (plan, problems) = session.broken().expect("alpha is left out");
    assert_eq!(plan, Plan::Schools(["alpha".to_owned()].into()));
    assert!(
        problems.0.iter().all(|d| d.file == "schools/alpha.yaml"),
        "{problems}"
    );
    assert!(
        problems.to_string().contains("did you mean `primary`"),
        "{problems}"
    );
}

#[test]
fn a_broken_school_does_not_stop_the_others() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    let alpha_before: Vec<_> = tree(out)
        .into_iter()
        .filter(|(k, _)| k.starts_with("alpha/"))
        .collect();
    break_alpha(p);
    let (_, result) = session
        .apply(&[p.join("schools/alpha.yaml")])
        .expect("a rebuild");
    assert!(result.is_ok(), "nothing else was to be rebuilt: {result:?}");
    assert_alpha_broken(&session);
    // Another school's edit, a new school and a shared change all still appear.
    replace(
        &p.join("schools/beta.yaml"),
        "place: \"Zeeland\"",
        "place: \"Polderdorp\"",
    );
    apply(&mut session, &[p.join("schools/beta.yaml")]);
    assert_eq!(
        texts(&html(out, "index.html"), "main li")
            .iter()
            .filter(|t| t.contains("Polderdorp"))
            .count(),
        1
    );
    write(p, "schools/gamma.yaml", NEW_SCHOOL);
    apply(&mut session, &[p.join("schools/gamma.yaml")]);
    assert!(out.join("gamma/index.html").is_file());
    let faq = p.join("content/vragen/kosten.md");
    replace(&faq, "Het is gratis.", "Het kost niets.");
    apply(&mut session, &[faq]);
    assert!(std::fs::read_to_string(out.join("beta/vragen/index.html"))
        .expect("read")
        .contains("Het kost niets."));
    assert!(std::fs::read_to_string(out.join("gamma/vragen/index.html"))
        .expect("read")
        .contains("Het kost niets."));
    // A new page is on every site but the broken one's.
    write(
        p,
        "content/nieuw.md",
        "---\ntitle: \"Nieuw\"\n---\nEen nieuwe pagina.\n",
    );
    apply(&mut session, &[p.join("content/nieuw.md")]);
    assert!(out.join("beta/nieuw/index.html").is_file());
    assert!(out.join("gamma/nieuw/index.html").is_file());
    assert_alpha_broken(&session);
    // The broken school keeps its last good pages, untouched.
    let alpha_now: Vec<_> = tree(out)
        .into_iter()
        .filter(|(k, _)| k.starts_with("alpha/"))
        .collect();
    assert!(alpha_now == alpha_before, "alpha's pages stay as they were");
    // A full reload (the theme changed) keeps it that way.
    write(p, "themes/default/static/extra.txt", "extra");
    apply(&mut session, &[p.join("themes/default/static/extra.txt")]);
    assert!(out.join("beta/assets/extra.txt").is_file());
    assert!(out.join("gamma/assets/extra.txt").is_file());
    assert!(
        !out.join("alpha/assets/extra.txt").exists(),
        "alpha is left as it was"
    );
    assert_alpha_broken(&session);
    assert!(
        out.join("alpha/index.html").is_file(),
        "alpha's pages are kept"
    );
    // Fixed: everything is as a clean build makes it.
    fix_alpha(p);
    step(&mut session, p, out, &["schools/alpha.yaml"]);
    assert!(session.broken().is_none());
}

#[test]
fn a_school_broken_from_the_start_is_left_out_until_fixed() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    break_alpha(p);
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(p, Some(out));
    let problems = first.expect_err("alpha's errors are reported");
    assert!(
        problems.0.iter().all(|d| d.file == "schools/alpha.yaml"),
        "{problems}"
    );
    assert!(
        out.join("beta/index.html").is_file(),
        "the other school is built"
    );
    assert!(!out.join("alpha").exists());
    fix_alpha(p);
    step(&mut session, p, out, &["schools/alpha.yaml"]);
}

#[test]
fn shared_content_that_breaks_one_school_leaves_the_others_going() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    // beta lists buddy bram: without him, beta is broken; alpha is not.
    let bram = std::fs::read_to_string(p.join("content/buddys/bram.md")).expect("read");
    std::fs::remove_file(p.join("content/buddys/bram.md")).expect("rm");
    let (_, result) = session
        .apply(&[p.join("content/buddys/bram.md")])
        .expect("a rebuild");
    assert!(result.is_ok(), "{result:?}");
    let (plan, problems) = session.broken().expect("beta is left out");
    assert_eq!(plan, Plan::Schools(["beta".to_owned()].into()));
    assert!(
        problems.to_string().contains("there is no buddy `bram`"),
        "{problems}"
    );
    assert!(
        !out.join("alpha/buddys/bram").exists(),
        "alpha no longer shows bram"
    );
    write(p, "content/buddys/bram.md", &bram);
    step(&mut session, p, out, &["content/buddys/bram.md"]);
    assert!(session.broken().is_none());
}

#[test]
fn a_school_that_fails_to_render_is_left_out_like_one_that_fails_to_load() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    let mut session = start(p, out);
    let beta_before = std::fs::read(out.join("beta/index.html")).expect("beta");
    // A brand colour with too little contrast is found when beta's pages are checked.
    let yaml = p.join("schools/beta.yaml");
    replace(&yaml, "\"#ffd500\"", "\"#808080\"");
    let (_, result) = session
        .apply(std::slice::from_ref(&yaml))
        .expect("a rebuild");
    assert!(result.is_ok(), "{result:?}");
    let (plan, problems) = session.broken().expect("beta is left out");
    assert_eq!(plan, Plan::Schools(["beta".to_owned()].into()));
    assert!(
        problems.to_string().contains("too little contrast"),
        "{problems}"
    );
    // The others go on, through a school edit and a full reload.
    replace(
        &p.join("schools/alpha.yaml"),
        "place: \"Ee\"",
        "place: \"Aa\"",
    );
    apply(&mut session, &[p.join("schools/alpha.yaml")]);
    replace(
        &p.join("buddysite.yaml"),
        "Samenwerkingsverband Testregio",
        "Samenwerkingsverband Proefregio",
    );
    apply(&mut session, &[p.join("buddysite.yaml")]);
    assert!(std::fs::read_to_string(out.join("alpha/index.html"))
        .expect("alpha")
        .contains("Samenwerkingsverband Proefregio"));
    assert_eq!(
        std::fs::read(out.join("beta/index.html")).expect("beta"),
        beta_before,
        "beta keeps its last good pages"
    );
    let overview = texts(&html(out, "index.html"), "main li");
    assert!(
        overview.iter().any(|t| t.contains("Zeeland")),
        "the overview still lists beta as it last was: {overview:?}"
    );
    replace(&yaml, "\"#808080\"", "\"#ffd500\"");
    step(&mut session, p, out, &["schools/beta.yaml"]);
    assert!(session.broken().is_none());
}

#[test]
fn rebuilds_do_not_encode_an_unchanged_photo_again() {
    let project = copy_fixture("basic");
    let (p, out) = (project.path(), tempfile::tempdir().expect("temp"));
    let out = out.path();
    std::fs::copy(
        fixture("editor").join("content/buddys/anna.jpg"),
        p.join("content/buddys/dirk.jpg"),
    )
    .expect("copy a real JPEG");
    write(
        p,
        "content/buddys/dirk.md",
        &NEW_BUDDY.replace(
            "consent_until",
            "photo: dirk.jpg\nphoto_alt: \"Dirk lacht\"\nconsent_until",
        ),
    );
    std::env::set_var("SOURCE_DATE_EPOCH", FIXED_DATE);
    let (mut session, first) = Session::start(p, Some(out));
    let first = first.unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    assert!(first.images.encoded > 0, "{:?}", first.images);
    assert!(out.join("alpha/buddys/dirk.jpg").is_file());
    // Nothing changed: every image comes from the session's memory, none is encoded.
    let again = session
        .rebuild_everything()
        .unwrap_or_else(|e| panic!("no-op rebuild failed:\n{e}"));
    assert_eq!(again.images.encoded, 0, "{:?}", again.images);
    assert!(again.written.written.is_empty(), "{:?}", again.written);
    // After a change to a school that shows the photo, it is neither encoded nor read from
    // the disk cache.
    let file = p.join("schools/alpha.yaml");
    replace(&file, "place: \"Ee\"", "place: \"Ee-Noord\"");
    let (_, result) = session.apply(&[file]).expect("a rebuild");
    let report = result.unwrap_or_else(|e| panic!("rebuild failed:\n{e}"));
    assert_eq!(report.images.encoded, 0, "{:?}", report.images);
    assert_eq!(report.images.from_disk, 0, "{:?}", report.images);
    assert!(report.images.from_memory > 0, "{:?}", report.images);
    letters(&mut session);
    assert_same_as_clean_build(p, out);
    // A new process (a no-op `buddysite build`) finds every image in the disk cache.
    let project = buddysite::build::load(p).unwrap_or_else(|e| panic!("load failed:\n{e}"));
    let other = tempfile::tempdir().expect("temp");
    let fresh = buddysite::build::build(&project, other.path(), &[])
        .unwrap_or_else(|e| panic!("build failed:\n{e}"));
    assert_eq!(fresh.images.encoded, 0, "{:?}", fresh.images);
    assert!(fresh.images.from_disk > 0, "{:?}", fresh.images);
}
