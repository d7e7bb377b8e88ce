//! Reads the top-level objects of an HSDS file one at a time, so a large import holds one object as
//! a JSON tree instead of all of them (a tree takes many times the bytes of its text).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// Calls `each(item)` for every element of the top-level array, or of the array in `contents`
/// when the file is an HSDS API page, or once with the object when the file is one object. Errors name the line and column, or what shape was wanted.
pub fn for_each_item(json: &str, shape: &str, each: &mut dyn FnMut(Value)) -> Result<(), String> {
    let mut de = serde_json::Deserializer::from_str(json);
    let found = de
        .deserialize_any(Top { each })
        .map_err(|e| with_shape(e, shape))?;
    de.end().map_err(|e| with_shape(e, shape))?;
    if found {
        Ok(())
    } else {
        Err(shape.to_string())
    }
}

fn with_shape(e: serde_json::Error, shape: &str) -> String {
    if e.is_data() {
        // Our own "wrong shape" errors: the message is the shape, with where it went wrong.
        format!("{shape} (at line {} column {})", e.line(), e.column())
    } else {
        format!("not valid JSON ({e}); {shape}")
    }
}

/// The whole file: `true` when an array of items was found.
struct Top<'a> {
    each: &'a mut dyn FnMut(Value),
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of service objects, or an object with them in \"contents\"")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Items { each: self.each }.visit_seq(seq)
    }

    /// An API page (`contents`), or else one object standing alone (a single service or
    /// organization file), handed over whole.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut found = false;
        let mut single = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "contents" && !found {
                found = map.next_value_seed(Items {
                    each: &mut *self.each,
                })?;
                single.clear();
            } else if found {
                map.next_value::<IgnoredAny>()?;
            } else {
                single.insert(key, map.next_value::<Value>()?);
            }
        }
        if !found && !single.is_empty() {
            (self.each)(Value::Object(single));
            found = true;
        }
        Ok(found)
    }
}

/// One array, handed over element by element.
struct Items<'a> {
    each: &'a mut dyn FnMut(Value),
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of service objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            (self.each)(item);
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(json: &str) -> Result<Vec<Value>, String> {
        let mut out = Vec::new();
        for_each_item(json, "SHAPE", &mut |v| out.push(v))?;
        Ok(out)
    }

    #[test]
    fn reads_a_plain_array_and_an_api_page() {
        assert_eq!(
            ids(r#"[{"id":"a"}, 3]"#).unwrap(),
            vec![serde_json::json!({"id":"a"}), serde_json::json!(3)]
        );
        let page = r#"{"total_items": 2, "contents": [{"id":"a"},{"id":"b"}], "page_number": 1}"#;
        assert_eq!(ids(page).unwrap().len(), 2);
    }

    #[test]
    fn the_wrong_shape_is_named_with_its_place() {
        // One object alone is one item (a single-service file); an empty one is nothing.
        assert_eq!(
            ids(r#"{"id": "a"}"#).unwrap(),
            vec![serde_json::json!({"id": "a"})]
        );
        assert_eq!(ids("{}").unwrap_err(), "SHAPE");
        assert_eq!(ids("42").unwrap_err(), "SHAPE (at line 1 column 2)");
        let e = ids(r#"{"contents": {"id": "a"}}"#).unwrap_err();
        assert!(e.starts_with("SHAPE (at line 1 column"), "{e}");
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let e = ids("[{\"id\": \"a\"},\n{\"id\": }]").unwrap_err();
        assert!(
            e.starts_with("not valid JSON (expected value at line 2 column 8)"),
            "{e}"
        );
        assert!(ids("[] []")
            .unwrap_err()
            .starts_with("not valid JSON (trailing characters"));
    }
}
