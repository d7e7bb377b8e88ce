//! The records of the PTV open API (v11) as the import reads them, and reading them from JSON.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LangValue {
    pub language: String,
    pub value: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct IdName {
    pub(super) id: String,
    pub(super) name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Finto {
    pub(super) code: Option<String>,
    pub(super) uri: Option<String>,
    pub(super) name: Vec<LangValue>,
}

impl Finto {
    /// The code, or the last part of the URI (`…/ptvserclass2/code/P5.2`).
    pub(super) fn code(&self) -> Option<String> {
        self.code.clone().filter(|c| !c.is_empty()).or_else(|| {
            self.uri
                .as_deref()
                .and_then(|u| u.rsplit('/').next())
                .map(str::to_string)
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Muni {
    pub(super) code: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Area {
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) code: Option<String>,
    pub(super) municipalities: Vec<Muni>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Connection {
    pub(super) service_channel: IdName,
    pub(super) service_hours: Vec<Hours>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct OrgRole {
    pub(super) organization: IdName,
    pub(super) role_type: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Service {
    pub(super) id: String,
    pub(super) service_names: Vec<LangValue>,
    pub(super) service_descriptions: Vec<LangValue>,
    pub(super) service_charge_type: Option<String>,
    pub(super) service_vouchers_in_use: bool,
    pub(super) area_type: Option<String>,
    pub(super) areas: Vec<Area>,
    pub(super) languages: Vec<String>,
    pub(super) service_classes: Vec<Finto>,
    pub(super) target_groups: Vec<Finto>,
    pub(super) service_channels: Vec<Connection>,
    pub(super) organizations: Vec<OrgRole>,
    pub(super) publishing_status: Option<String>,
    pub(super) modified: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct PhoneNumber {
    pub(super) additional_information: Option<String>,
    pub(super) charge_description: Option<String>,
    pub(super) prefix_number: Option<String>,
    pub(super) is_finnish_service_number: bool,
    pub(super) number: String,
    pub(super) language: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct WebPage {
    pub(super) url: String,
    pub(super) language: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Street {
    pub(super) street: Vec<LangValue>,
    pub(super) street_number: Option<String>,
    pub(super) postal_code: String,
    pub(super) post_office: Vec<LangValue>,
    pub(super) municipality: Option<Muni>,
    pub(super) latitude: Option<String>,
    pub(super) longitude: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Address {
    #[serde(rename = "type")]
    pub(super) kind: Option<String>,
    pub(super) sub_type: Option<String>,
    pub(super) street_address: Option<Street>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct OpeningHour {
    pub day_from: Option<String>,
    pub day_to: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct Hours {
    pub service_hour_type: String,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub is_closed: bool,
    pub is_always_open: bool,
    /// The hours are for appointments only (PTV v11).
    pub is_reservation: bool,
    pub additional_information: Vec<LangValue>,
    pub opening_hour: Vec<OpeningHour>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct ServiceChannel {
    pub(super) id: String,
    pub(super) service_channel_type: String,
    pub(super) service_channel_names: Vec<LangValue>,
    pub(super) phone_numbers: Vec<PhoneNumber>,
    pub(super) support_phones: Vec<PhoneNumber>,
    pub(super) emails: Vec<LangValue>,
    pub(super) support_emails: Vec<LangValue>,
    pub(super) web_pages: Vec<WebPage>,
    pub(super) addresses: Vec<Address>,
    pub(super) service_hours: Vec<Hours>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Organization {
    pub(super) id: String,
    pub(super) organization_names: Vec<LangValue>,
    pub(super) organization_type: Option<String>,
    pub(super) web_pages: Vec<WebPage>,
}

/// The API writes `null` for missing values; dropping them lets serde's defaults apply.
pub(super) fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// Reads one record; on failure, the path of the bad field and what is wrong with it.
pub(super) fn record<T: DeserializeOwned>(v: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| (e.path().to_string(), e.inner().to_string()))
}

pub(super) fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or("(no id)")
        .to_lowercase()
}
