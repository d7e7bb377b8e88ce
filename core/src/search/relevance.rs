//! Measuring relevance: a set of searches as families type them, each with the service types
//! that must be among the first results (`core/tests/relevance_queries.csv`). The relevance
//! test and the benchmark (`xtask bench`) both print recall@10 and MRR from here, so a change
//! that hurts relevance shows wherever speed is measured.

use crate::facets::Engine;
use crate::filter::Query;

/// How many results count: about what a phone shows before scrolling twice.
pub const TOP: usize = 10;

/// One search of the set.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub line: usize,
    pub query: String,
    /// Service type ids that must all be in the first [`TOP`] results.
    pub types: Vec<String>,
    /// The crisis lines must come first for it.
    pub crisis: bool,
}

/// Reads the set: `query,types,crisis,kind` rows, types separated by `|`, `#` comments.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    let mut header = true;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let cols: Vec<&str> = line.split(',').collect();
        if cols.len() < 2 {
            return Err(format!("line {line_no}: expected query,types,crisis,kind"));
        }
        let types: Vec<String> = cols[1]
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect();
        if types.is_empty() {
            return Err(format!("line {line_no}: no service type"));
        }
        out.push(Case {
            line: line_no,
            query: cols[0].trim().to_string(),
            types,
            crisis: cols.get(2).is_some_and(|c| c.trim() == "yes"),
        });
    }
    Ok(out)
}

/// How one search did.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub case: Case,
    /// Required types found among the first [`TOP`] results.
    pub found: usize,
    /// Rank (1-based) of the first result of a required type within the first [`TOP`].
    pub first: Option<usize>,
    /// Types of the first results, for reading a miss.
    pub top_types: Vec<String>,
    pub crisis_ok: bool,
}

impl Outcome {
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.case.types.len() as f64
    }
}

#[derive(Clone, Debug)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// Mean share of the required types found in the first [`TOP`].
    pub recall: f64,
    /// Mean reciprocal rank of the first fitting result (0 when none is in the first [`TOP`]).
    pub mrr: f64,
}

impl Report {
    pub fn misses(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes
            .iter()
            .filter(|o| o.found < o.case.types.len() || !o.crisis_ok)
    }
}

/// Runs every search of the set with no filters, as typed into the search box.
pub fn evaluate(engine: &Engine, cases: &[Case]) -> Report {
    let cat = &engine.catalogue;
    let outcomes: Vec<Outcome> = cases
        .iter()
        .map(|c| {
            let q = Query {
                text: c.query.clone(),
                ..Query::default()
            };
            let r = engine.run(&q, None);
            let top_types: Vec<String> = r
                .hits
                .iter()
                .take(TOP)
                .map(|&h| cat.service_type(&cat.services[h as usize]).id.clone())
                .collect();
            let found = c.types.iter().filter(|t| top_types.contains(t)).count();
            let first = top_types
                .iter()
                .position(|t| c.types.contains(t))
                .map(|p| p + 1);
            Outcome {
                case: c.clone(),
                found,
                first,
                top_types,
                crisis_ok: !c.crisis || engine.is_urgent(&q),
            }
        })
        .collect();
    let n = outcomes.len().max(1) as f64;
    let recall = outcomes.iter().map(Outcome::recall).sum::<f64>() / n;
    let mrr = outcomes
        .iter()
        .map(|o| o.first.map_or(0.0, |r| 1.0 / r as f64))
        .sum::<f64>()
        / n;
    Report {
        outcomes,
        recall,
        mrr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_set_format() {
        let cases = parse("# c\nquery,types,crisis,kind\nneuvola,child_health_clinic|maternity_clinic,,x\nlyö,ipv_support,yes,\n").unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].types.len(), 2);
        assert!(cases[1].crisis);
        assert_eq!(cases[1].line, 4);
        assert!(parse("q,t\nx,\n").is_err());
    }
}
