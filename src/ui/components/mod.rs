//! One component per file.

pub mod banner;
pub mod body;
pub mod documents;
pub mod envelope;
pub mod input;
pub mod metadata;
pub mod notice;
pub mod original;
pub mod pwa;
pub mod toc;
pub mod toolbar;
