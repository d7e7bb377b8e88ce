//! The catalogue files as written by editors (TOML), with the source position of every field
//! that validation may need to point at.

use serde::Deserialize;
use toml::Spanned;

type S<T> = Spanned<T>;

/// One catalogue file; any file may hold any of these record kinds.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub catalogue: Option<RawMeta>,
    #[serde(default)]
    pub county: Vec<S<RawCounty>>,
    #[serde(default)]
    pub organisation: Vec<S<RawOrganisation>>,
    #[serde(default)]
    pub service: Vec<S<RawService>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// Demonstration data: the app shows a notice.
    pub sample: bool,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub fi: Option<S<String>>,
    pub sv: Option<S<String>>,
    pub en: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCounty {
    pub code: S<String>,
    pub contact: Option<RawContact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub name: S<RawText>,
    pub phone: Option<S<String>>,
    pub web: Option<S<String>>,
    pub hours: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub id: S<String>,
    pub name: S<RawText>,
    pub kind: S<String>,
    pub website: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub id: S<String>,
    pub source_id: Option<String>,
    pub organisation: S<String>,
    #[serde(rename = "type")]
    pub service_type: S<String>,
    pub name: S<RawText>,
    pub summary: Option<S<RawText>>,
    pub description: Option<S<RawText>>,
    pub how_to_get: Option<S<RawText>>,
    /// [min, max] in years, −1 for pregnancy; defaults to the service type's ages.
    pub ages: Option<S<Vec<f32>>>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    pub languages: S<Vec<String>>,
    pub language_note: Option<S<RawText>>,
    pub cost: S<String>,
    pub cost_text: Option<S<RawText>>,
    /// Defaults to the service type's access.
    pub access: Option<S<String>>,
    /// Municipality codes, `county:<code>` or `nationwide`.
    pub areas: S<Vec<String>>,
    pub status: Option<S<String>>,
    /// Last day of a temporary closure.
    pub closed_until: Option<S<toml::value::Datetime>>,
    pub alert: Option<S<RawText>>,
    pub last_checked: S<toml::value::Datetime>,
    pub source: Option<S<String>>,
    /// Languages whose texts in this record were machine translated.
    #[serde(default)]
    pub machine_translated: Vec<S<String>>,
    #[serde(default)]
    pub delivery: Vec<S<RawDelivery>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDelivery {
    pub channel: S<String>,
    pub name: Option<S<RawText>>,
    pub address: Option<S<RawAddress>>,
    /// [lat, lon], WGS84.
    pub location: Option<S<Vec<f64>>>,
    #[serde(default)]
    pub accessibility: Vec<S<String>>,
    pub accessibility_note: Option<S<RawText>>,
    #[serde(default)]
    pub phones: Vec<S<RawPhone>>,
    pub email: Option<S<String>>,
    pub web: Option<S<String>>,
    pub booking: Option<S<String>>,
    pub hours: Option<S<String>>,
    pub hours_note: Option<S<RawText>>,
    #[serde(default)]
    pub walk_in: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAddress {
    pub street: S<RawText>,
    pub postcode: S<String>,
    pub post_office: S<RawText>,
    pub municipality: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhone {
    pub number: S<String>,
    pub note: Option<S<RawText>>,
}
