//! JSON Schemas of `buddysite.yaml`, the school files and each content kind's front matter.
//!
//! Editors write YAML by hand; VS Code's YAML extension (and any editor using
//! yaml-language-server) completes keys, shows each key's meaning on hover and underlines a
//! typo while typing when it has a schema. The schemas are generated with `schemars` from the
//! very types the loader deserialises, with their doc comments as descriptions, so they cannot
//! drift from what `check` accepts (`deny_unknown_fields` becomes `additionalProperties:
//! false`). Draft 7 is used because that is what yaml-language-server supports best.

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use std::path::Path;

/// The folder `buddysite schema` writes into by default, relative to the project root, and
/// where the `$schema` lines and `.vscode/settings.json` of `init` and `new` point.
pub const DEFAULT_DIR: &str = "schemas";

/// One schema: its file name and what it describes.
pub struct SchemaFile {
    /// File name inside the schema folder, e.g. `school.json`.
    pub name: &'static str,
    /// The files it is for, as a glob relative to the project root (for `yaml.schemas`).
    pub applies_to: &'static str,
    /// The schema itself.
    pub schema: Schema,
}

fn generator() -> SchemaGenerator {
    SchemaSettings::draft07().for_deserialize().into_generator()
}

fn titled(mut schema: Schema, title: &str) -> Schema {
    schema.insert("title".into(), title.into());
    schema
}

/// Every schema buddysite has, in a fixed order.
pub fn all() -> Vec<SchemaFile> {
    vec![
        SchemaFile {
            name: "buddysite.json",
            applies_to: "buddysite.yaml",
            schema: titled(
                generator().into_root_schema_for::<crate::load::config::Config>(),
                "buddysite.yaml",
            ),
        },
        SchemaFile {
            name: "school.json",
            applies_to: "schools/*.yaml",
            schema: titled(
                crate::load::school::json_schema(&mut generator()),
                "schools/<slug>.yaml",
            ),
        },
        SchemaFile {
            name: "page.json",
            applies_to: "content/**/*.md",
            schema: titled(
                generator().into_root_schema_for::<crate::load::content::PageMeta>(),
                "front matter of a page",
            ),
        },
        SchemaFile {
            name: "buddy.json",
            applies_to: "content/buddys/*.md",
            schema: titled(
                crate::load::content::buddy_json_schema(&mut generator()),
                "front matter of a buddy profile",
            ),
        },
        SchemaFile {
            name: "vraag.json",
            applies_to: "content/vragen/*.md",
            schema: titled(
                generator().into_root_schema_for::<crate::load::content::FaqMeta>(),
                "front matter of a FAQ entry",
            ),
        },
    ]
}

/// The text of a schema file: pretty JSON with a final newline, stable across runs.
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// Writes every schema into `dir` (created when missing); returns the paths written.
pub fn write_all(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for file in all() {
        let path = dir.join(file.name);
        std::fs::write(&path, to_text(&file.schema))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The first line of a YAML file that tells yaml-language-server which schema to use;
/// `schema_dir` is the schema folder relative to that YAML file (`schemas`, `../schemas`).
pub fn modeline(schema_dir: &str, name: &str) -> String {
    format!("# yaml-language-server: $schema={schema_dir}/{name}\n")
}

/// `.vscode/settings.json` for a project: the YAML files mapped to their schemas, so VS Code
/// validates them while typing (Markdown front matter is not validated by the YAML
/// extension; see the README).
pub fn vscode_settings() -> String {
    let mut map = serde_json::Map::new();
    for file in all().into_iter().filter(|f| !f.applies_to.ends_with(".md")) {
        map.insert(
            format!("./{DEFAULT_DIR}/{}", file.name),
            file.applies_to.into(),
        );
    }
    let settings = serde_json::json!({
        "yaml.schemas": map,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[markdown]": { "editor.wordWrap": "on" },
    });
    let mut text = serde_json::to_string_pretty(&settings).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// `.vscode/extensions.json`: recommends Red Hat's YAML extension, which reads the schemas.
pub fn vscode_extensions() -> String {
    "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n".into()
}
