//! Reading the editor's files as text.
//!
//! Files arrive from Windows editors and Word: a UTF-8 byte-order mark and CRLF line endings
//! must just work, and a file in another encoding must say so clearly instead of turning into
//! garbage on a parent's screen.

use crate::diagnostics::Diagnostic;
use crate::text;
use std::path::Path;

/// A text file of the project, normalised (no BOM, `\n` line endings).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators.
    pub name: String,
    /// The text, normalised.
    pub text: String,
}

/// Reads `path` and names it `name` in diagnostics.
pub fn read(path: &Path, name: &str) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error_text(name, text!(SOURCE_CANNOT_READ, error = e.to_string()))
    })?;
    decode(name, bytes)
}

/// Turns raw bytes into normalised text.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let offset = e.utf8_error().valid_up_to();
            let how = text!(SOURCE_SAVE_AS_UTF8);
            if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
                return Err(Diagnostic::error_text(name, text!(SOURCE_UTF16)).help(how));
            }
            let valid = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let (line, column) = crate::diagnostics::line_col(&valid, offset);
            let byte = bytes.get(offset).copied().unwrap_or(0);
            let guess = if (0x80..=0xff).contains(&byte) {
                text!(SOURCE_PROBABLY_ANSI).render()
            } else {
                String::new()
            };
            return Err(Diagnostic::error_text(
                name,
                text!(
                    SOURCE_NOT_UTF8,
                    offset = offset,
                    byte = format!("0x{byte:02X}"),
                    guess = guess
                ),
            )
            .at(&valid, line, column)
            .help(how));
        }
    };
    Ok(SourceFile {
        name: name.to_owned(),
        text: normalize(text),
    })
}

/// Strips a byte-order mark and turns CRLF and lone CR line endings into LF.
pub fn normalize(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let f = decode("a.md", b"\xef\xbb\xbfa\r\nb\rc".to_vec()).expect("valid");
        assert_eq!(f.text, "a\nb\nc");
    }

    #[test]
    fn names_offset_of_bad_byte() {
        let d = decode("a.md", b"ab\ncd\xe9f".to_vec()).expect_err("latin-1");
        assert!(d.message.contains("offset 5"), "{}", d.message);
        assert_eq!((d.line, d.column), (2, 3));
    }
}
