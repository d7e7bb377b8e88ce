//! What an import read, wrote and skipped, and why.

use std::fmt;
use std::path::{Path, PathBuf};

use super::records::Records;

/// One record (or field) that did not make it as it was, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub file: String,
    /// e.g. `service ptv-1234…` or `channel 5678…`.
    pub record: String,
    pub field: String,
    pub why: String,
}

/// The longest part of an issue echoed in a report, in characters: enough for a name, an address
/// or a sentence of the source, while a 100 MB value in a broken file stays one readable line.
pub const ECHO_MAX: usize = 200;

/// `s` cut to [`ECHO_MAX`] characters, saying how much was left out.
pub fn cut(s: &str) -> String {
    match s.char_indices().nth(ECHO_MAX) {
        None => s.to_string(),
        Some((at, _)) => format!(
            "{}… ({} more characters)",
            &s[..at],
            s[at..].chars().count()
        ),
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, cut(&self.record))?;
        if !self.field.is_empty() {
            write!(f, " {}", cut(&self.field))?;
        }
        write!(f, ": {}", cut(&self.why))
    }
}

/// What an import read and wrote. Every service read is either written or listed as skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub input: String,
    pub services_read: usize,
    /// Other records read from the input (channels, organisations, locations …), for the record.
    pub other_read: Vec<(String, usize)>,
    pub organisations_written: usize,
    pub services_written: usize,
    pub delivery_points_written: usize,
    pub counties_written: usize,
    pub files: Vec<PathBuf>,
    /// Records not written.
    pub skipped: Vec<Issue>,
    /// Records written with a field left out or changed.
    pub notes: Vec<Issue>,
}

impl ImportReport {
    pub fn new(input: &Path) -> ImportReport {
        ImportReport {
            input: input.display().to_string(),
            ..ImportReport::default()
        }
    }

    pub fn skip(&mut self, record: &str, field: &str, why: &str) {
        self.skipped.push(Issue {
            file: self.input.clone(),
            record: record.into(),
            field: field.into(),
            why: why.into(),
        });
    }

    pub fn note(&mut self, record: &str, field: &str, why: &str) {
        self.notes.push(Issue {
            file: self.input.clone(),
            record: record.into(),
            field: field.into(),
            why: why.into(),
        });
    }

    /// Services skipped (organisation and county skips are listed but not counted here).
    pub fn services_skipped(&self) -> usize {
        self.skipped
            .iter()
            .filter(|i| i.record.starts_with("service "))
            .count()
    }

    /// Fills the written counts from what goes to disk, and drops the notes about records that
    /// were skipped after all (their skip says why; a note would suggest they were written),
    /// about organisations not written (none of their services was), and repeated notes (an
    /// organisation read once per service).
    pub fn count(&mut self, records: &Records) {
        let skipped: Vec<String> = self.skipped.iter().map(|i| i.record.clone()).collect();
        let written_orgs: Vec<String> = records
            .organisations
            .iter()
            .map(|o| format!("organisation {}", o.id))
            .collect();
        let mut seen: Vec<Issue> = Vec::new();
        self.notes.retain(|n| {
            let keep = !skipped.contains(&n.record)
                && (!n.record.starts_with("organisation ") || written_orgs.contains(&n.record))
                && !seen.contains(n);
            if keep {
                seen.push(n.clone());
            }
            keep
        });
        self.organisations_written = records.organisations.len();
        self.services_written = records.services.len();
        self.delivery_points_written = records.services.iter().map(|s| s.delivery.len()).sum();
        self.counties_written = records.counties.len();
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "import {}:", self.input)?;
        writeln!(
            f,
            "  services        {:>6} read, {:>6} written, {:>6} skipped",
            self.services_read,
            self.services_written,
            self.services_skipped()
        )?;
        let (read, written, skipped) = (
            self.services_read,
            self.services_written,
            self.services_skipped(),
        );
        if read == written + skipped {
            writeln!(
                f,
                "  every service accounted for: {read} read = {written} written + {skipped} skipped"
            )?;
        } else {
            writeln!(
                f,
                "  COUNTS DO NOT ADD UP: {read} read, {written} written + {skipped} skipped (a bug \
                 in the importer; please report it)"
            )?;
        }
        for (what, n) in &self.other_read {
            writeln!(f, "  {what:<15} {n:>6} read")?;
        }
        writeln!(
            f,
            "  organisations   {:>6} written",
            self.organisations_written
        )?;
        writeln!(
            f,
            "  delivery points {:>6} written",
            self.delivery_points_written
        )?;
        if self.counties_written > 0 {
            writeln!(f, "  county contacts {:>6} written", self.counties_written)?;
        }
        for p in &self.files {
            writeln!(f, "  wrote {}", p.display())?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "skipped ({}):", self.skipped.len())?;
            for i in &self.skipped {
                writeln!(f, "  {i}")?;
            }
        }
        if !self.notes.is_empty() {
            writeln!(f, "written with changes ({}):", self.notes.len())?;
            for i in &self.notes {
                writeln!(f, "  {i}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_value_is_echoed_cut() {
        let why = format!("\"{}\" is not a number", "9".repeat(100_000_000));
        let issue = Issue {
            file: "feed.json".into(),
            record: "service 1".into(),
            field: "$.services[0].minimum_age".into(),
            why,
        };
        let shown = issue.to_string();
        assert!(shown.chars().count() < 400, "{} characters", shown.len());
        assert!(shown.contains("more characters"), "{}", &shown[..300]);
    }

    #[test]
    fn read_equals_written_plus_skipped_is_printed() {
        let mut r = ImportReport {
            input: "feed.json".into(),
            services_read: 3,
            services_written: 2,
            ..ImportReport::default()
        };
        r.skip("service x", "", "no type");
        assert!(r
            .to_string()
            .contains("every service accounted for: 3 read = 2 written + 1 skipped"));
        r.services_read = 4;
        assert!(r.to_string().contains("COUNTS DO NOT ADD UP"));
    }

    #[test]
    fn a_skipped_record_has_no_notes() {
        // Item 8: a record skipped after notes were taken about it was listed under "written
        // with changes" too, as if it had been written.
        let mut r = ImportReport::new(Path::new("feed.json"));
        r.note("service x", "url", "no https address; left out");
        r.note("service y", "url", "no https address; left out");
        r.skip("service x", "organization_id", "unknown organisation");
        // An organisation none of whose services was written is not written either.
        r.note("organisation o", "website", "no https address; left out");
        r.count(&Records::default());
        assert_eq!(r.notes.len(), 1, "{r}");
        assert_eq!(r.notes[0].record, "service y");
        assert!(!r.to_string().contains("service x url"), "{r}");
    }

    #[test]
    fn a_note_repeated_for_every_service_is_listed_once() {
        // A PTV organisation's http site was noted once per service that names it.
        let mut r = ImportReport::new(Path::new("feed.json"));
        for _ in 0..3 {
            r.note("service y", "webPages", "no https address; left out");
        }
        r.count(&Records::default());
        assert_eq!(r.notes.len(), 1, "{r}");
    }
}
