//! One component per file.

use std::ops::Deref;
use std::rc::Rc;

use yew::html::IntoPropValue;

use crate::cable::Cable;

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

/// A cable as components take it, compared by identity, never field by field: every parse makes
/// a new `Rc<Cable>`, and a derived comparison walked the whole model on every render of the
/// page. Props written `cable={rc}` take an `Rc<Cable>` as it is.
#[derive(Clone)]
pub struct CableRef(pub Rc<Cable>);

impl PartialEq for CableRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for CableRef {
    type Target = Cable;

    fn deref(&self) -> &Cable {
        &self.0
    }
}

impl IntoPropValue<CableRef> for Rc<Cable> {
    fn into_prop_value(self) -> CableRef {
        CableRef(self)
    }
}
