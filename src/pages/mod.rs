//! The app's views: the finder (search, filters, results) and one service's page.

pub mod finder;
pub mod service;
