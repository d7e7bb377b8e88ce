//! The app's views: the finder (start, search, filters, results), one service's page and the
//! saved list.

pub mod accessibility;
pub mod coverage;
pub mod embed;
pub mod finder;
pub mod my_list;
pub mod service;
