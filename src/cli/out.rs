//! Printing that survives a closed pipe.
//!
//! `buddysite check | head -1` closes the pipe after one line; Rust's `println!` then panics
//! with "failed printing to stdout". A command-line tool should stop quietly instead, as
//! `grep` and `cat` do, on every system (Windows reports a closed pipe the same way).

use std::io::Write;

/// Where to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output: results a script reads.
    Stdout,
    /// Standard error: problems and progress for people.
    Stderr,
}

/// Writes `text` (with a newline) to `stream`; when the reader has gone away, exits at once
/// with `code_on_close` and no message, since nobody is left to read one.
pub fn line(stream: Stream, text: &str, code_on_close: i32) {
    let result = match stream {
        Stream::Stdout => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{text}").and_then(|()| out.flush())
        }
        Stream::Stderr => {
            let mut err = std::io::stderr().lock();
            writeln!(err, "{text}").and_then(|()| err.flush())
        }
    };
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(code_on_close);
        }
    }
}

/// A line on standard output (see [`line`]); a closed pipe ends the process with code 0.
pub fn stdout(text: &str) {
    line(Stream::Stdout, text, 0);
}

/// A line on standard error (see [`line`]); a closed pipe ends the process with code 0.
pub fn stderr(text: &str) {
    line(Stream::Stderr, text, 0);
}
