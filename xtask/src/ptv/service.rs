//! One PTV service as a catalogue service record, with its organisation and its areas.

use std::collections::BTreeSet;

use perheopas_core::model::{Catalogue, Cost, OrgKind, Text};
use serde::Deserialize;

use super::hours::{hours_to_osm, local_date};
use super::input::{Finto, Service};
use super::values::{has_other_languages, muni_code, pick_url, text};
use super::Ctx;
use crate::catalogue_writer::{self as w, DeliveryRecord, OrgRecord, ServiceRecord};

type Skip = (String, String);

fn skip<T>(field: &str, why: impl Into<String>) -> Result<T, Skip> {
    Err((field.to_string(), why.into()))
}

impl Ctx<'_> {
    pub(super) fn service(&mut self, s: &Service) -> Result<(ServiceRecord, OrgRecord), Skip> {
        if s.id.trim().is_empty() {
            return skip("id", "no id");
        }
        let id = format!("ptv-{}", s.id.to_lowercase());
        let rec = format!("service {id}");
        if let Some(st) = s
            .publishing_status
            .as_deref()
            .filter(|st| *st != "Published")
        {
            return skip(
                "publishingStatus",
                format!("\"{st}\", only published services are imported"),
            );
        }
        let Some(name) = text(&s.service_names, Some(&["Name"])) else {
            return skip(
                "serviceNames",
                "no Finnish name (language \"fi\", type \"Name\")",
            );
        };
        let classes: Vec<String> = s.service_classes.iter().filter_map(Finto::code).collect();
        let Some(service_type) = self.mapping.resolve(&classes, &name.fi) else {
            let named: Vec<String> = s
                .service_classes
                .iter()
                .map(|c| {
                    format!(
                        "{} {}",
                        c.code().unwrap_or_default(),
                        text(&c.name, None).map(|t| t.fi).unwrap_or_default()
                    )
                    .trim()
                    .to_string()
                })
                .collect();
            let list = if named.is_empty() {
                "none".to_string()
            } else {
                named.join(", ")
            };
            return skip("serviceClasses", format!("no service type for classes [{list}] and name \"{}\"; add a row to data/mapping/ptv_service_classes.csv", name.fi));
        };
        let org = self.organisation(s)?;
        let mut r = ServiceRecord::new(
            id.clone(),
            org.id.clone(),
            service_type,
            self.fit(&rec, "serviceNames", name, 120),
        );
        r.source_id = Some(s.id.to_lowercase());
        r.source = Some(format!(
            "https://api.palvelutietovaranto.suomi.fi/api/v11/Service/{}",
            s.id.to_lowercase()
        ));

        let desc = |kinds: &[&str]| text(&s.service_descriptions, Some(kinds));
        r.summary =
            desc(&["Summary", "ShortDescription"]).map(|t| self.fit(&rec, "summary", t, 150));
        r.description = desc(&["Description"]).map(|t| self.fit(&rec, "description", t, 3000));
        r.how_to_get = desc(&["UserInstruction", "ServiceUserInstruction"])
            .map(|t| self.fit(&rec, "userInstruction", t, 500));
        r.cost_text = desc(&["ChargeTypeAdditionalInfo"])
            .map(|t| self.fit(&rec, "chargeTypeAdditionalInfo", t, 500));
        if text(&s.service_descriptions, None).is_none()
            && has_other_languages(&s.service_descriptions)
        {
            self.report.note(
                &rec,
                "serviceDescriptions",
                "no Finnish texts; Swedish and English ones are not imported without a Finnish one",
            );
        }

        r.languages = s
            .languages
            .iter()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        if r.languages.len() != s.languages.len() {
            self.report.note(
                &rec,
                "languages",
                &format!(
                    "kept {:?} of {:?} (two-letter codes only)",
                    r.languages, s.languages
                ),
            );
        }
        if r.languages.is_empty() {
            r.languages = vec!["fi".into()];
            self.report
                .note(&rec, "languages", "none given; Finnish assumed");
        }
        r.cost = match (s.service_vouchers_in_use, s.service_charge_type.as_deref()) {
            (true, _) => Cost::Voucher,
            (false, Some("FreeOfCharge" | "Free")) => Cost::Free,
            (false, Some("Chargeable" | "Charged")) => Cost::Fee,
            (false, other) => {
                // Said in words: `None` (Rust's debug form) meant nothing to a coordinator.
                let given = other.map_or("not given".to_string(), |v| format!("\"{v}\""));
                self.report.note(&rec, "serviceChargeType", &format!("{given}: imported as fee (the catalogue never says free without the source saying so)"));
                Cost::Fee
            }
        };
        r.target_groups = s.target_groups.iter().filter_map(Finto::code).collect();
        r.last_checked = match s.modified.as_deref().and_then(local_date) {
            Some(d) if d <= self.today => d,
            _ => {
                self.report.note(
                    &rec,
                    "modified",
                    "missing or in the future; today's date used as last checked",
                );
                self.today.clone()
            }
        };

        for conn in &s.service_channels {
            let cid = conn.service_channel.id.to_lowercase();
            let Some(ch) = self.channels.get(&cid) else {
                self.report.note(
                    &rec,
                    &format!("serviceChannels[{cid}]"),
                    "the channel is not in the file (or was skipped); left out",
                );
                continue;
            };
            // The connection's hours replace the channel's only when they give hours: an entry
            // that converts to nothing must not wipe the channel's real hours.
            let usable = matches!(hours_to_osm(&conn.service_hours), Ok((Some(_), _)));
            let hours = if usable {
                &conn.service_hours
            } else {
                if !conn.service_hours.is_empty() {
                    self.report.note(
                        &rec,
                        &format!("serviceChannels[{cid}] serviceHours"),
                        "the connection's hours give no usable hours; the channel's hours are used",
                    );
                }
                &ch.service_hours
            };
            r.delivery.extend(self.delivery(&rec, ch, hours));
        }
        if r.delivery.is_empty() {
            return skip("serviceChannels", "no usable service channel (location with address and coordinates, phone, e-service or web page)");
        }
        r.areas = self.areas(&rec, s, &r.delivery)?;
        Ok((r, org))
    }

    pub(super) fn fit(&mut self, rec: &str, field: &str, mut t: Text, max: usize) -> Text {
        for (lang, s) in [
            ("fi", Some(&mut t.fi)),
            ("sv", t.sv.as_mut()),
            ("en", t.en.as_mut()),
        ] {
            if let Some(s) = s {
                if let Some(short) = w::shorten(s, max) {
                    self.report.note(
                        rec,
                        &format!("{field}.{lang}"),
                        &format!("{} characters, shortened to {max}", s.chars().count()),
                    );
                    *s = short;
                }
            }
        }
        t
    }

    fn organisation(&mut self, s: &Service) -> Result<OrgRecord, Skip> {
        let role = |r: &str| {
            s.organizations
                .iter()
                .find(|o| o.role_type.as_deref() == Some(r))
        };
        let Some(o) = role("Responsible")
            .or_else(|| role("Producer"))
            .or(s.organizations.first())
        else {
            return skip("organizations", "no responsible organisation");
        };
        let oid = o.organization.id.to_lowercase();
        let full = self.orgs.get(&oid);
        let name = full
            .and_then(|f| text(&f.organization_names, Some(&["Name"])))
            .or_else(|| {
                o.organization
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| Text::fi(n.trim()))
            });
        let Some(name) = name else {
            return skip(
                "organizations",
                format!("organisation {oid} has no Finnish name"),
            );
        };
        let by_type = match full.and_then(|f| f.organization_type.as_deref()) {
            Some("Municipality") => Some(OrgKind::Municipality),
            Some("State") => Some(OrgKind::State),
            Some("Region" | "RegionalOrganization" | "SotePublic" | "WellbeingServicesCounty") => {
                Some(OrgKind::WellbeingCounty)
            }
            Some("Company" | "SotePrivate" | "TT2") => Some(OrgKind::Private),
            // "Organization" covers associations, foundations and parishes alike: the name tells.
            Some("Organization") => Some(
                w::guess_org_kind(&name.fi)
                    .filter(|k| *k == OrgKind::Parish)
                    .unwrap_or(OrgKind::Ngo),
            ),
            _ => None,
        };
        let Some(kind) = by_type.or_else(|| w::guess_org_kind(&name.fi)) else {
            return skip("organizations", format!("the kind of organisation \"{}\" ({oid}) is unknown: add it to \"organizations\"", name.fi));
        };
        let website = full.and_then(|f| pick_url(&f.web_pages));
        let id = format!("ptv-org-{oid}");
        if let Some(f) = full.filter(|f| website.is_none() && !f.web_pages.is_empty()) {
            let urls: Vec<&str> = f.web_pages.iter().map(|p| p.url.trim()).collect();
            self.report.note(
                &format!("organisation {id}"),
                "webPages",
                &format!(
                    "no https address ({}); the web site is left out",
                    urls.join(", ")
                ),
            );
        }
        let name = self.fit(
            &format!("organisation {id}"),
            "organizationNames",
            name,
            120,
        );
        Ok(OrgRecord {
            id,
            kind,
            name,
            website,
        })
    }

    fn areas(
        &mut self,
        rec: &str,
        s: &Service,
        delivery: &[DeliveryRecord],
    ) -> Result<Vec<String>, Skip> {
        if matches!(
            s.area_type.as_deref(),
            Some(
                "Nationwide"
                    | "NationwideExceptAlandIslands"
                    | "WholeCountry"
                    | "WholeCountryExceptAlandIslands"
            )
        ) {
            return Ok(vec!["nationwide".into()]);
        }
        let mut codes = BTreeSet::new();
        for a in &s.areas {
            let listed: Vec<String> = a
                .municipalities
                .iter()
                .map(|m| muni_code(&m.code))
                .collect();
            match (a.kind.as_str(), a.code.as_deref()) {
                ("Municipality", Some(code)) => {
                    codes.insert(muni_code(code));
                }
                _ if !listed.is_empty() => codes.extend(listed),
                ("Region" | "Province", Some(code)) => codes.extend(region_municipalities(code)),
                (kind, code) => self.report.note(
                    rec,
                    "areas",
                    &format!("area {kind} {code:?} lists no municipalities; left out"),
                ),
            }
        }
        let unknown: Vec<String> = codes
            .iter()
            .filter(|c| self.reference.municipality_by_code(c).is_none())
            .cloned()
            .collect();
        if !unknown.is_empty() {
            self.report.note(
                rec,
                "areas",
                &format!("unknown municipality codes {unknown:?} left out"),
            );
            codes.retain(|c| !unknown.contains(c));
        }
        if codes.is_empty() {
            codes.extend(
                delivery
                    .iter()
                    .filter_map(|d| d.address.as_ref().map(|a| a.municipality.clone())),
            );
            if codes.is_empty() {
                return skip(
                    "areas",
                    "no area: no municipality, region or nationwide area and no location",
                );
            }
            self.report.note(
                rec,
                "areas",
                "no area given; the municipalities of its locations are used",
            );
        }
        Ok(compress_areas(self.reference, &codes))
    }
}

/// Whole counties as `county:<code>`, the rest as municipality codes.
fn compress_areas(cat: &Catalogue, codes: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut covered = BTreeSet::new();
    for (ci, county) in cat.counties.iter().enumerate() {
        let members: Vec<&str> = cat
            .municipalities
            .iter()
            .filter(|m| m.county as usize == ci)
            .map(|m| m.code.as_str())
            .collect();
        if !members.is_empty() && members.iter().all(|m| codes.contains(*m)) {
            out.push(format!("county:{}", county.code));
            covered.extend(members);
        }
    }
    out.extend(
        codes
            .iter()
            .filter(|c| !covered.contains(c.as_str()))
            .cloned(),
    );
    out
}

/// The municipalities of a region (maakunta) code, from the reference table.
fn region_municipalities(code: &str) -> Vec<String> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        maakunta_code: String,
    }
    let muni_file = w::reference_files()
        .into_iter()
        .next()
        .expect("municipalities first");
    let want = format!("{:0>2}", code.trim());
    csv::Reader::from_reader(muni_file.text.as_bytes())
        .deserialize::<Row>()
        .flatten()
        .filter(|r| r.maakunta_code == want)
        .map(|r| r.code)
        .collect()
}
