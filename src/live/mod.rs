//! The live preview on top of the build: an incremental [`session::Session`], the file
//! [`watch`]er and the preview [`serve`]r. It reuses exactly the path `buddysite build` takes.

pub mod serve;
pub mod session;
pub mod watch;
