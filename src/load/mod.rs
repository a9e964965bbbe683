//! Stage 1, load: the only code that reads input. Everything later gets the loaded
//! [`project::Project`] as a value and never touches the project folder again.

pub mod colour_pairs;
pub mod config;
pub mod content;
pub mod date;
pub mod names;
pub mod project;
pub mod school;
pub mod source;
pub mod theme;
pub mod translations;
pub mod yaml;
