//! The app's hooks: the page's listeners (paste, drop, print), the installed app (service
//! worker notices, shares, launched files) and the page's side of the library part.

mod installed;
pub mod library;
mod page;

pub use installed::use_installed_app;
pub use page::{Picked, use_page_listeners};
