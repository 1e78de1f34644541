//! The app's hooks: the page's listeners (paste, drop, print), the installed app (service
//! worker notices, shares, launched files) and the library (its worker, its state, the address).

mod installed;
pub mod library;
mod page;

pub use installed::use_installed_app;
pub use page::{Picked, use_page_listeners};
