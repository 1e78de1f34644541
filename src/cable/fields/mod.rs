//! One file per field grammar. Each function reads one field's text and
//! never fails: it returns `None` or an empty value for what it cannot read.

pub mod addressees;
pub mod classification;
pub mod classified_by;
pub mod distribution;
pub mod dtg;
pub mod envelope;
pub mod eo;
pub mod frus;
pub mod keywords;
pub mod printout;
pub mod refs;
pub mod subject;
pub mod tags;
