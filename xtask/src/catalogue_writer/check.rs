//! Checking rendered files with the same compiler the build uses, with the reference tables
//! compiled in; records the compiler rejects are taken out and reported.

use perheopas_core::model::*;
use perheopas_core::source::{
    compile, Problem, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE,
};

use super::records::*;
use super::render::render;
use super::report::*;

const MUNIS: &str = include_str!("../../../data/reference/municipalities.csv");
const TYPES: &str = include_str!("../../../data/reference/service_types.csv");
/// The families' vocabulary travels in the catalogue like the reference tables (the search reads
/// it), so a written catalogue compiles to the same one only with it. In path order, as
/// `data_files::read` gives them: the entries keep that order.
const VOCABULARY: [(&str, &str); 3] = [
    (
        "vocabulary/en.csv",
        include_str!("../../../data/vocabulary/en.csv"),
    ),
    (
        "vocabulary/fi.csv",
        include_str!("../../../data/vocabulary/fi.csv"),
    ),
    (
        "vocabulary/sv.csv",
        include_str!("../../../data/vocabulary/sv.csv"),
    ),
];

/// The reference tables (and the vocabulary) compiled in, so an import can be checked without a
/// data folder.
pub fn reference_files() -> Vec<SourceFile> {
    vec![
        SourceFile {
            path: MUNICIPALITIES_FILE.into(),
            text: MUNIS.into(),
        },
        SourceFile {
            path: SERVICE_TYPES_FILE.into(),
            text: TYPES.into(),
        },
    ]
    .into_iter()
    .chain(VOCABULARY.iter().map(|(path, text)| SourceFile {
        path: (*path).into(),
        text: (*text).into(),
    }))
    .collect()
}

/// The reference tables as a catalogue without records (municipalities, counties, types,
/// vocabulary). The tables are built into the tool from `data/`; when they disagree (a
/// vocabulary row naming a type the types table lacks), every problem is named by file and line
/// instead of the tool stopping with a panic.
pub fn reference() -> Result<Catalogue, String> {
    reference_from(&reference_files())
}

fn reference_from(files: &[SourceFile]) -> Result<Catalogue, String> {
    compile(files, &now_stamp(), "9999-12-31")
        .map(|(cat, _)| cat)
        .map_err(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!(
                "the reference tables built into this tool do not compile (rebuild it after \
                 fixing data/):\n  {}",
                list.join("\n  ")
            )
        })
}

pub fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// The current UTC time as a build timestamp: opening hours are compiled for the dates around it.
pub fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Compiles rendered files together with the reference tables, as the build would.
pub fn check(files: &[(String, String)], built: &str) -> Result<Catalogue, Vec<Problem>> {
    let mut all = reference_files();
    all.extend(files.iter().map(|(path, text)| SourceFile {
        path: path.clone(),
        text: text.clone(),
    }));
    compile(&all, built, &today()).map(|(cat, _)| cat)
}

/// A rejected record: kind, id, and each (field, problem).
type Rejected = (String, String, Vec<(String, String)>);

/// The record a problem is about: `service "id" field…` → ("service", "id", "field…").
fn problem_record(p: &Problem) -> Option<(&str, &str, &str)> {
    let (kind, rest) = p.place.split_once(" \"")?;
    let (id, field) = rest.split_once('"')?;
    Some((kind, id, field.trim()))
}

/// Renders and checks the records; every record the checker rejects is taken out and reported as
/// skipped (with the checker's words), until the rest compiles. An organisation that fails takes
/// its services with it. Problems that name no record (a bug in the importer) are an error.
pub fn keep_valid(
    records: &mut Records,
    report: &mut ImportReport,
    about: &str,
) -> Result<Vec<(String, String)>, String> {
    loop {
        let files = render(records, about, 1000);
        let problems = match check(&files, &now_stamp()) {
            Ok(_) => return Ok(files),
            Err(p) => p,
        };
        let before = (
            records.organisations.len(),
            records.counties.len(),
            records.services.len(),
        );
        // One entry per rejected record, with every problem it has, in the order found.
        let mut rejected: Vec<Rejected> = Vec::new();
        for p in &problems {
            let Some((kind, id, field)) = problem_record(p) else {
                return Err(format!("the imported records do not compile: {p}"));
            };
            match rejected.iter_mut().find(|(k, i, _)| k == kind && i == id) {
                Some((_, _, list)) => list.push((field.to_string(), p.message.clone())),
                None => rejected.push((
                    kind.to_string(),
                    id.to_string(),
                    vec![(field.to_string(), p.message.clone())],
                )),
            }
        }
        for (kind, id, list) in rejected {
            let field = list
                .iter()
                .map(|(f, _)| f.as_str())
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let why = list
                .iter()
                .map(|(_, m)| m.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            match kind.as_str() {
                "service" => {
                    report.skip(&format!("service {id}"), &field, &why);
                    records.services.retain(|s| s.id != id);
                }
                "organisation" => {
                    for s in records.services.iter().filter(|s| s.organisation == id) {
                        report.skip(
                            &format!("service {}", s.id),
                            "organisation",
                            &format!("its organisation {id} was rejected ({field}: {why})"),
                        );
                    }
                    report.skip(&format!("organisation {id}"), &field, &why);
                    records.services.retain(|s| s.organisation != id);
                    records.organisations.retain(|o| o.id != id);
                }
                "county" => {
                    report.skip(&format!("county {id}"), &field, &why);
                    records.counties.retain(|c| c.code != id);
                }
                _ => {
                    return Err(format!(
                        "the imported records do not compile: {kind} \"{id}\" {field}: {why}"
                    ))
                }
            }
        }
        if before
            == (
                records.organisations.len(),
                records.counties.len(),
                records.services.len(),
            )
        {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            return Err(format!(
                "the imported records do not compile:\n{}",
                list.join("\n")
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_tables_that_disagree_are_named_not_a_panic() {
        assert!(reference().is_ok());
        let mut files = reference_files();
        let vocab = files
            .iter_mut()
            .find(|f| f.path.contains("vocabulary/fi"))
            .expect("a Finnish vocabulary file");
        vocab.text.push_str("\nkeksitty sana,no_such_type,,,\n");
        let err = reference_from(&files).unwrap_err();
        assert!(err.contains("vocabulary/fi"), "{err}");
        assert!(err.contains("no_such_type"), "{err}");
    }
}
