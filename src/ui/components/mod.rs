//! One component per file.

pub mod body;
pub mod input;
pub mod metadata;
