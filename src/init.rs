//! `buddysite init DIR`: a new SWV project from the example compiled into the binary.
//!
//! The example is this repository's own `buddysite.yaml`, `content/` and `schools/`, so a new
//! SWV starts from realistic Dutch content that builds at once. The theme is not copied: it
//! is built in, and an SWV copies only the files it wants to change.

use include_dir::{include_dir, Dir};
use std::path::Path;

static CONTENT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");
static SCHOOLS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/schools");
static CONFIG: &str = include_str!("../buddysite.yaml");

/// Writes the example project into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<usize, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| {
            crate::text!(
                INIT_CANNOT_READ,
                dir = dir.display().to_string(),
                error = e.to_string()
            )
            .render()
        })?;
        if entries.next().is_some() {
            return Err(crate::text!(INIT_NOT_EMPTY, dir = dir.display().to_string()).render());
        }
    }
    let mut count = 0;
    let write = |rel: &Path, bytes: &[u8]| -> Result<(), String> {
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                crate::text!(
                    INIT_CANNOT_CREATE,
                    dir = parent.display().to_string(),
                    error = e.to_string()
                )
                .render()
            })?;
        }
        std::fs::write(&target, bytes).map_err(|e| {
            crate::text!(
                INIT_CANNOT_WRITE,
                file = target.display().to_string(),
                error = e.to_string()
            )
            .render()
        })
    };
    write(Path::new("buddysite.yaml"), CONFIG.as_bytes())?;
    count += 1;
    for (prefix, tree) in [("content", &CONTENT), ("schools", &SCHOOLS)] {
        let mut stack = vec![tree];
        while let Some(d) = stack.pop() {
            for f in d.files() {
                write(&Path::new(prefix).join(f.path()), f.contents())?;
                count += 1;
            }
            stack.extend(d.dirs());
        }
    }
    write(Path::new(".gitignore"), b"/public/\n/.buddysite-cache/\n")?;
    Ok(count + 1)
}
