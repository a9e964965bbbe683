//! JSON Schemas from the loader's own types (issue #13 item 4): the example's YAML files and
//! front matter validate, known bad files don't, and every key the README documents is in
//! the schema with a description, required exactly when the README says so.

mod newproject;

use newproject::{both, new_project, run};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn schemas() -> BTreeMap<String, Value> {
    let tmp = tempfile::tempdir().expect("temp");
    let out_dir = tmp.path().join("s");
    let out = run(&["schema", "--out", out_dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    std::fs::read_dir(&out_dir)
        .expect("schemas written")
        .map(|e| {
            let path = e.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("read");
            (name, serde_json::from_str(&text).expect("schema is JSON"))
        })
        .collect()
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("YAML: {e}\n{text}"))
}

fn front_matter(text: &str) -> Value {
    let text = text.replace("\r\n", "\n");
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---").expect("closing ---");
    yaml(&rest[..=end])
}

fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft7::new(schema).expect("a valid draft-07 schema");
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

/// Which schema a content file's front matter follows.
fn schema_for(rel: &str) -> &'static str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    // A translation (`_index.en.md`) follows its source's schema.
    let name = match name.strip_suffix(".md").and_then(|s| s.rsplit_once('.')) {
        Some((stem, _lang)) => format!("{stem}.md"),
        None => name.to_owned(),
    };
    match rel.split('/').next() {
        Some("buddys") if name != "_index.md" && rel.matches('/').count() == 1 => "buddy.json",
        Some("vragen") if name != "_index.md" && rel.matches('/').count() == 1 => "vraag.json",
        _ => "page.json",
    }
}

fn validate_project(root: &Path, schemas: &BTreeMap<String, Value>) -> usize {
    let mut checked = 0;
    let config = std::fs::read_to_string(root.join("buddysite.yaml")).expect("config");
    let errs = errors(&schemas["buddysite.json"], &yaml(&config));
    assert!(errs.is_empty(), "buddysite.yaml: {errs:?}");
    checked += 1;
    for entry in std::fs::read_dir(root.join("schools")).expect("schools") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).expect("school");
            let errs = errors(&schemas["school.json"], &yaml(&text));
            assert!(errs.is_empty(), "{}: {errs:?}", path.display());
            checked += 1;
        }
    }
    let content = root.join("content");
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            let rel = path
                .strip_prefix(&content)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(path).expect("md");
            let errs = errors(&schemas[schema_for(&rel)], &front_matter(&text));
            assert!(errs.is_empty(), "{rel} ({}): {errs:?}", schema_for(&rel));
            checked += 1;
        }
    }
    checked
}

#[test]
fn the_example_and_a_new_project_validate() {
    let schemas = schemas();
    assert_eq!(
        schemas.keys().collect::<Vec<_>>(),
        [
            "buddy.json",
            "buddysite.json",
            "page.json",
            "school.json",
            "vraag.json"
        ]
    );
    let example = validate_project(Path::new(env!("CARGO_MANIFEST_DIR")), &schemas);
    assert!(example > 30, "{example} files checked");
    let (_tmp, dir) = new_project();
    validate_project(&dir, &schemas);
}

#[test]
fn schema_writes_into_the_projects_schemas_folder_by_default() {
    let (_tmp, dir) = new_project();
    std::fs::remove_dir_all(dir.join("schemas")).expect("remove");
    let out = run(&["schema", "--root", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", both(&out));
    for name in [
        "buddysite.json",
        "school.json",
        "page.json",
        "buddy.json",
        "vraag.json",
    ] {
        assert!(dir.join("schemas").join(name).is_file(), "{name}");
    }
}

const SCHOOL: &str = "name: De Eik\nkind: basisschool\nplace: Tiel\nbrand:\n  primary: \"#1d4f91\"\ncontact:\n  name: Anja Bos\n";

#[test]
fn known_bad_files_do_not_validate() {
    let schemas = schemas();
    assert!(errors(&schemas["school.json"], &yaml(SCHOOL)).is_empty());
    let bad_schools = [
        ("unknown key", SCHOOL.replace("place:", "plaats:")),
        (
            "unknown nested key",
            SCHOOL.replace("  primary:", "  primray:"),
        ),
        ("unknown contact key", format!("{SCHOOL}  mail: a@b.nl\n")),
        ("bad colour", SCHOOL.replace("#1d4f91", "#1d4f9")),
        ("colour without #", SCHOOL.replace("#1d4f91", "1d4f91")),
        ("unknown kind", SCHOOL.replace("basisschool", "school")),
        (
            "wrong type",
            SCHOOL.replace("name: De Eik", "name: [De, Eik]"),
        ),
        ("buddies keyword", format!("{SCHOOL}buddies: alle\n")),
        ("missing required", SCHOOL.replace("place: Tiel\n", "")),
    ];
    for (what, text) in &bad_schools {
        assert!(
            !errors(&schemas["school.json"], &yaml(text)).is_empty(),
            "{what} is flagged"
        );
    }
    let page = "title: Over ons\nweight: 10\n";
    assert!(errors(&schemas["page.json"], &yaml(page)).is_empty());
    for (what, text) in [
        ("wrong type", "title: Over ons\nweight: zwaar\n"),
        ("wrong type", "title: Over ons\nmenu: nee\n"),
        ("unknown key", "title: Over ons\ntitel: x\n"),
        ("missing title", "weight: 1\n"),
    ] {
        assert!(
            !errors(&schemas["page.json"], &yaml(text)).is_empty(),
            "page: {what}"
        );
    }
    let buddy = "name: Sam\nsummary: x\nthemes: [sbo]\nlanguages: [nl]\nmeet: [app]\nconsent_until: 2027-07-31\n";
    assert!(errors(&schemas["buddy.json"], &yaml(buddy)).is_empty());
    for (what, text) in [
        ("date", buddy.replace("2027-07-31", "31-07-2027")),
        ("phone key", format!("{buddy}phone: \"06 12345678\"\n")),
        ("languages type", buddy.replace("[nl]", "nl")),
    ] {
        assert!(
            !errors(&schemas["buddy.json"], &yaml(&text)).is_empty(),
            "buddy: {what}"
        );
    }
    assert!(!errors(&schemas["vraag.json"], &yaml("question: x\nanswer: y\n")).is_empty());
    assert!(!errors(
        &schemas["buddysite.json"],
        &yaml("name: x\nshort_name: y\ncontact:\n  name: z\nwebsite: www.x.nl\n")
    )
    .is_empty());
}

#[test]
fn the_loader_rejects_what_the_schema_rejects() {
    // The schema is generated from the loader's types; spot-check that both say no.
    let (_tmp, dir) = new_project();
    let file = dir.join("schools/de-eik.yaml");
    let good = std::fs::read_to_string(&file).expect("school");
    for bad in [
        good.replace("place:", "plaats:"),
        good.replace("\"#1d4f91\"", "\"#1d4f9\""),
        good.replace("kind: basisschool", "kind: school"),
    ] {
        std::fs::write(&file, &bad).expect("write");
        let out = run(&["check", "--root", dir.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    }
}

/// The rows `| `key` | yes/no | meaning |` of the README table after `heading`.
fn readme_rows(readme: &str, heading: &str, nth: usize) -> Vec<(String, bool)> {
    let start = readme.find(heading).unwrap_or_else(|| panic!("{heading}"));
    let mut tables = Vec::new();
    let mut current = Vec::new();
    for line in readme[start..].lines().skip(1) {
        if line.starts_with("## ") || line.starts_with("### ") {
            break;
        }
        if let Some(row) = line.strip_prefix("| `") {
            let key = row.split('`').next().unwrap_or("").to_owned();
            let required = row.split('|').nth(1).is_some_and(|r| r.trim() == "yes");
            current.push((key, required));
        } else if !line.starts_with('|') && !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables.swap_remove(nth)
}

fn property<'a>(schema: &'a Value, key: &str) -> (&'a Value, bool) {
    let mut node = schema;
    let mut required = true;
    for part in key.split('.') {
        let reference = node
            .get("$ref")
            .or_else(|| node.pointer("/allOf/0/$ref"))
            .and_then(Value::as_str);
        if let Some(r) = reference {
            let name = r.rsplit('/').next().expect("ref");
            node = &schema["definitions"][name];
        }
        required &= node["required"]
            .as_array()
            .is_some_and(|r| r.iter().any(|k| k == part));
        node = &node["properties"][part];
        assert!(!node.is_null(), "`{key}` is in the schema");
    }
    (node, required)
}

#[test]
fn every_key_the_readme_documents_has_a_description_and_the_same_requiredness() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let schemas = schemas();
    for (heading, nth, schema) in [
        ("### `buddysite.yaml`", 0, "buddysite.json"),
        ("### `schools/<slug>.yaml`", 0, "school.json"),
        ("### Front matter", 0, "page.json"),
        ("### Front matter", 1, "buddy.json"),
        ("### Front matter", 2, "vraag.json"),
    ] {
        let rows = readme_rows(&readme, heading, nth);
        assert!(rows.len() >= 2, "{heading} {nth}: {rows:?}");
        for (key, required) in rows {
            let (node, in_schema) = property(&schemas[schema], &key);
            let described = node
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("");
            let via_ref = node.get("$ref").is_some() || node.get("anyOf").is_some();
            assert!(
                !described.is_empty() || via_ref,
                "{schema}: `{key}` has a description"
            );
            assert_eq!(
                in_schema, required,
                "{schema}: `{key}` required as the README says"
            );
        }
    }
    let (name, _) = property(&schemas["school.json"], "name");
    assert_eq!(
        name["description"],
        "Name of the school as parents know it, e.g. `Basisschool 't Klaverblad`."
    );
    assert_eq!(schemas["school.json"]["additionalProperties"], false);
}
