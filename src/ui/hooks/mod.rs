//! The app's hooks: the page's listeners (paste, drop, print), the installed app (service
//! worker notices, shares, launched files), the page's side of the library part, and the routing
//! book fetched when first needed.

mod installed;
pub mod library;
mod page;
pub mod routing;

pub use installed::use_installed_app;
pub use page::{Picked, use_page_listeners};
pub use routing::{RoutingBook, use_routing_book};
