//! `coverage`: prints a county's coverage table for family-centre coordinators (service types
//! down, municipalities across, so the table fits a terminal) with gaps marked `--`, and can
//! write the table as CSV. The counting rule is in `perheopas_core::coverage`.

use std::fmt::Write as _;
use std::path::Path;

use perheopas_core::coverage::{coverage, Coverage};
use perheopas_core::model::{Catalogue, Level, OrgKind};

const GAP: &str = "--";
const NAME_WIDTH: usize = 36;
const CELL_WIDTH: usize = 8;

/// "universal,basic" → levels; empty → all.
pub fn parse_levels(s: &str) -> Result<Vec<Level>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            Level::from_id(p.trim())
                .ok_or_else(|| format!("unknown level \"{p}\" (universal, basic, specialist)"))
        })
        .collect()
}

/// "municipality,ngo" → organisation kinds; empty → all.
pub fn parse_providers(s: &str) -> Result<Vec<OrgKind>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            OrgKind::from_id(p.trim()).ok_or_else(|| format!("unknown provider kind \"{p}\" (wellbeing_county, municipality, ngo, parish, private, state)"))
        })
        .collect()
}

/// A county by its code ("13") or by part of its name in any language ("Pohjois-Savo").
pub fn find_county(cat: &Catalogue, wanted: &str) -> Result<String, String> {
    if cat.county_by_code(wanted).is_some() {
        return Ok(wanted.to_string());
    }
    let w = wanted.to_lowercase();
    let hits: Vec<&str> = cat
        .counties
        .iter()
        .filter(|c| c.name.all().any(|n| n.to_lowercase().contains(&w)))
        .map(|c| c.code.as_str())
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.to_string()),
        _ => {
            let list: Vec<String> = cat
                .counties
                .iter()
                .map(|c| format!("{} {}", c.code, c.name.fi))
                .collect();
            Err(format!(
                "no single county matches \"{wanted}\"; counties:\n  {}",
                list.join("\n  ")
            ))
        }
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(width - 1).collect::<String>())
    }
}

/// The table as text: one block per level, a row per service type, a column per municipality.
pub fn table(c: &Coverage) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Coverage of {} ({}): delivery points per municipality and service type; {GAP} = gap",
        c.county_name, c.county_code
    );
    let mut head = format!("{:<NAME_WIDTH$}", "");
    for r in &c.rows {
        let _ = write!(
            head,
            " {:>w$}",
            clip(&r.name, CELL_WIDTH - 1),
            w = CELL_WIDTH - 1
        );
    }
    let mut level = None;
    for (col, column) in c.columns.iter().enumerate() {
        if level != Some(column.level) {
            level = Some(column.level);
            let _ = writeln!(out, "\n{}\n{head}", column.level.id().to_uppercase());
        }
        let _ = write!(out, "{:<NAME_WIDTH$}", clip(&column.name, NAME_WIDTH));
        for row in 0..c.rows.len() {
            let n = c.count(row, col);
            let cell = if n == 0 {
                GAP.to_string()
            } else {
                n.to_string()
            };
            let _ = write!(out, " {cell:>w$}", w = CELL_WIDTH - 1);
        }
        out.push('\n');
    }
    let gaps = c.gaps();
    let _ = writeln!(
        out,
        "\n{} gap(s) in {} cells ({} municipalities × {} service types)",
        gaps.len(),
        c.counts.len(),
        c.rows.len(),
        c.columns.len()
    );
    for (r, row) in c.rows.iter().enumerate() {
        let missing: Vec<&str> = gaps
            .iter()
            .filter(|(gr, _)| *gr == r)
            .map(|&(_, col)| c.columns[col].type_id.as_str())
            .collect();
        if !missing.is_empty() {
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                row.name,
                missing.len(),
                missing.join(", ")
            );
        }
    }
    out
}

/// Checks and compiles the catalogue in `data`, then prints the coverage table of `county`
/// (optionally filtered by levels and provider kinds; empty = all) and writes it as CSV.
pub fn print_coverage(
    data: &Path,
    county: &str,
    levels: &[Level],
    providers: &[OrgKind],
    csv_out: Option<&Path>,
) -> Result<(), String> {
    let files = crate::data_files::read(data)?;
    let (cat, _) = perheopas_core::source::compile(
        &files,
        &crate::catalogue_writer::now_stamp(),
        &crate::catalogue_writer::today(),
    )
    .map_err(|p| {
        format!(
            "the catalogue in {} has {} problem(s); run `check` first",
            data.display(),
            p.len()
        )
    })?;
    let code = find_county(&cat, county)?;
    let c = coverage(&cat, &code, levels, providers);
    print!("{}", table(&c));
    if let Some(path) = csv_out {
        std::fs::write(path, c.to_csv()).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
