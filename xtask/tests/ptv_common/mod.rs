//! What the PTV import tests share: reading an import's written files back as the build compiles
//! them, and finding services and their places in the result.

use std::path::Path;

use perheopas_core::model::{Catalogue, Channel, DeliveryPoint, Service};
use perheopas_xtask::catalogue_writer as w;
use perheopas_xtask::data_files;

/// The files an import wrote to `out`, compiled with the reference tables.
pub fn compile_written(out: &Path) -> Catalogue {
    let mut files = data_files::read(out).unwrap();
    files.extend(w::reference_files());
    perheopas_core::source::compile(&files, "2026-11-23T00:00:00Z", &w::today())
        .unwrap_or_else(|p| panic!("{}", p[0]))
        .0
}

/// The written service whose id ends with `ends` (the PTV id or its tail).
pub fn service<'a>(cat: &'a Catalogue, ends: &str) -> &'a Service {
    cat.services
        .iter()
        .find(|s| s.id.ends_with(ends))
        .unwrap_or_else(|| panic!("service …{ends} written"))
}

pub fn in_person(s: &Service) -> Vec<&DeliveryPoint> {
    s.delivery
        .iter()
        .filter(|d| d.channel == Channel::InPerson)
        .collect()
}
