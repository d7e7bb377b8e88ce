//! Typed fields of HSDS JSON objects for the import; a field of the wrong type is reported with its
//! path.

use serde_json::Value;

/// Why a record is skipped: the path of the bad field and what is wrong with it.
pub(super) type Skip = (String, String);

/// A string field: absent → None; not a string → the field is reported bad.
pub(super) fn string<'a>(obj: &'a Value, key: &str, path: &str) -> Result<Option<&'a str>, Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err((
            format!("{path}{key}"),
            format!("expected a string, found {other}"),
        )),
    }
}

pub(super) fn number(obj: &Value, key: &str, path: &str) -> Result<Option<f64>, Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| (format!("{path}{key}"), format!("\"{s}\" is not a number"))),
        Some(other) => Err((
            format!("{path}{key}"),
            format!("expected a number, found {other}"),
        )),
    }
}

pub(super) fn array<'a>(obj: &'a Value, key: &str, path: &str) -> Result<&'a [Value], Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err((
            format!("{path}{key}"),
            format!("expected an array, found {other}"),
        )),
    }
}
