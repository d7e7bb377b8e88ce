//! Whether an imported location fits its municipality, by the rule the catalogue check uses
//! (`perheopas_core::geo_util`): outside Finland or beyond the municipality's reach is wrong and
//! the location is dropped; past where its places usually lie it is kept with a warning.

use std::collections::HashMap;

use perheopas_core::geo_util::{
    distance_km, in_finland, municipality_reach_km, municipality_usual_km,
};

const MUNIS: &str = include_str!("../../../data/reference/municipalities.csv");

/// Each municipality's centre (lat, lon) and land area, by code.
pub struct Places {
    by_code: HashMap<String, (String, (f64, f64), f64)>,
}

impl Places {
    /// The municipalities compiled in from `data/reference/municipalities.csv`.
    pub fn load() -> Places {
        let mut by_code = HashMap::new();
        let mut csv = csv::Reader::from_reader(MUNIS.as_bytes());
        let headers = csv
            .headers()
            .expect("municipalities.csv has a header")
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("municipalities.csv has no {name} column"))
        };
        let (code, name, lat, lon, land) = (
            col("code"),
            col("name_fi"),
            col("centre_lat"),
            col("centre_lon"),
            col("land_km2"),
        );
        for row in csv.records().flatten() {
            let num = |i: usize| row.get(i).and_then(|v| v.parse::<f64>().ok());
            if let (Some(la), Some(lo), Some(km2)) = (num(lat), num(lon), num(land)) {
                by_code.insert(
                    row[code].to_string(),
                    (row[name].to_string(), (la, lo), km2),
                );
            }
        }
        Places { by_code }
    }

    /// `Err(why)` when the location is wrong (outside Finland, or beyond the reach of the
    /// municipality `code`); `Ok(Some(warning))` when it is unusually far from the centre;
    /// `Ok(None)` when it fits.
    pub fn check(&self, code: &str, at: (f64, f64)) -> Result<Option<String>, String> {
        if !in_finland(at.0, at.1) {
            return Err(format!("({:.5}, {:.5}) is outside Finland", at.0, at.1));
        }
        let Some((name, centre, land)) = self.by_code.get(code) else {
            return Ok(None);
        };
        let d = distance_km(at, *centre);
        let (reach, usual) = (municipality_reach_km(*land), municipality_usual_km(*land));
        if d > reach {
            Err(format!(
                "({:.5}, {:.5}) is {d:.0} km from the centre of {name}, beyond its {reach:.0} km \
                 reach (from its {land:.0} km² of land)",
                at.0, at.1
            ))
        } else if d > usual {
            Ok(Some(format!(
                "({:.5}, {:.5}) is {d:.0} km from the centre of {name}, farther than its places \
                 usually lie ({usual:.0} km); kept, check it",
                at.0, at.1
            )))
        } else {
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vahakyro_is_vaasa_with_a_warning_and_tallinn_is_not_helsinki() {
        let p = Places::load();
        // Vähäkyrö's centre, part of Vaasa (905) since 2013.
        let w = p.check("905", (63.05, 22.12)).unwrap().expect("a warning");
        assert!(w.contains("Vaasa") && w.contains("kept"), "{w}");
        assert_eq!(p.check("905", (63.0951, 21.6121)).unwrap(), None);
        let e = p.check("091", (59.437, 24.7536)).unwrap_err();
        assert!(e.contains("Helsinki") && e.contains("beyond"), "{e}");
        assert!(p
            .check("091", (52.5, 13.4))
            .unwrap_err()
            .contains("outside Finland"));
    }
}
