//! The app's views: the finder (start, search, filters, results), one service's page, the
//! saved list, crisis help and safe browsing, and the coordinators' tools.

pub mod accessibility;
pub mod coverage;
pub mod embed;
pub mod finder;
pub mod help;
pub mod my_list;
pub mod safety;
pub mod service;
