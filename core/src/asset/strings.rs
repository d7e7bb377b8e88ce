//! The compiled catalogue's texts, each distinct string written once.
//!
//! Catalogues repeat themselves word for word: a county writes one standard description for
//! every child health clinic, in three languages, and an importer copies it to each of them. In
//! the sample catalogue 930 KB of texts hold 146 KB of distinct strings. So the asset keeps a
//! table of strings and every [`Text`] refers to it by number: the file is less than half the
//! size, and gzip (whose window of 32 KB cannot see a repeat a hundred services back) gains most.
//!
//! Postcard cannot carry a table through serde, so encoding and decoding install one for the
//! current thread while they run ([`write`], [`read`]). Outside them a [`Text`] takes its plain
//! shape, fields and all.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Lang, Text};

thread_local! {
    static WRITING: RefCell<Option<Table>> = const { RefCell::new(None) };
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
    /// Postcard drops the message of a custom error; the reader keeps it here to report it.
    static READ_ERROR: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[derive(Default)]
struct Table {
    strings: Vec<String>,
    numbers: FxHashMap<String, u32>,
}

impl Table {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = u32::try_from(self.strings.len()).expect("fewer than 2^32 distinct texts");
        self.strings.push(s.to_owned());
        self.numbers.insert(s.to_owned(), n);
        n
    }
}

/// The table being read from, and how many more bytes of text the records may still copy out
/// of it: a few bytes of records can point at one long string many times over, and a damaged
/// file must end in an error, not in all the memory the device has.
struct Reading {
    table: Vec<String>,
    budget: usize,
}

/// How many times its own size the texts of a file may take once read. Real catalogues stay
/// near 2 (each repeat of a shared text is copied back out).
pub(super) const EXPANSION_LIMIT: usize = 64;

/// Empties the thread's table when the encoding or decoding is over, however it ends.
struct Uninstall;

impl Drop for Uninstall {
    fn drop(&mut self) {
        WRITING.with_borrow_mut(|t| *t = None);
        READING.with_borrow_mut(|t| *t = None);
        READ_ERROR.with_borrow_mut(|e| *e = None);
    }
}

/// Runs `serialize` with texts written as numbers; returns its result and the table of strings
/// in the order they were first met.
pub(super) fn write<T>(serialize: impl FnOnce() -> T) -> (T, Vec<String>) {
    install();
    WRITING.with_borrow_mut(|t| *t = Some(Table::default()));
    let _uninstall = Uninstall;
    let out = serialize();
    let table = WRITING
        .with_borrow_mut(|t| t.take())
        .map(|t| t.strings)
        .unwrap_or_default();
    (out, table)
}

/// Runs `deserialize` with texts read as numbers into `table`, copying out at most `budget`
/// bytes of text in all. An error says what was wrong.
pub(super) fn read<T>(
    table: Vec<String>,
    budget: usize,
    deserialize: impl FnOnce() -> postcard::Result<T>,
) -> Result<T, String> {
    install();
    READING.with_borrow_mut(|t| *t = Some(Reading { table, budget }));
    let _uninstall = Uninstall;
    deserialize().map_err(|e| {
        READ_ERROR
            .with_borrow_mut(|kept| kept.take())
            .unwrap_or_else(|| e.to_string())
    })
}

/// A table already in place means an encode or decode nested inside another: its texts would
/// switch shape halfway through the outer stream, so that is a bug to stop at once.
fn install() {
    let busy = WRITING.with_borrow(Option::is_some) || READING.with_borrow(Option::is_some);
    assert!(
        !busy,
        "catalogue asset encoding or decoding nested inside another"
    );
}

/// The plain shape, for a [`Text`] serialised outside the asset.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Text")]
struct Plain {
    fi: String,
    sv: Option<String>,
    en: Option<String>,
    machine: Vec<Lang>,
}

/// The shape inside the asset: numbers into the table.
type Numbered = (u32, Option<u32>, Option<u32>, Vec<Lang>);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let numbers = WRITING.with_borrow_mut(|table| {
            let table = table.as_mut()?;
            Some((
                table.number(&self.fi),
                self.sv.as_deref().map(|s| table.number(s)),
                self.en.as_deref().map(|s| table.number(s)),
            ))
        });
        match numbers {
            Some((fi, sv, en)) => (fi, sv, en, &self.machine).serialize(serializer),
            None => Plain::serialize(self, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        if !READING.with_borrow(Option::is_some) {
            return Plain::deserialize(deserializer);
        }
        let (fi, sv, en, machine) = Numbered::deserialize(deserializer)?;
        let failed = |problem: String| {
            READ_ERROR.with_borrow_mut(|kept| *kept = Some(problem.clone()));
            D::Error::custom(problem)
        };
        READING.with_borrow_mut(|reading| {
            let Reading { table, budget } = reading.as_mut().expect("checked above");
            let mut get = |n: u32| {
                let Some(s) = table.get(n as usize) else {
                    return Err(failed(format!(
                        "text {n} beyond the table of {} texts",
                        table.len()
                    )));
                };
                *budget = budget.checked_sub(s.len()).ok_or_else(|| {
                    failed(format!(
                        "the texts grow past {EXPANSION_LIMIT} times the file's size"
                    ))
                })?;
                Ok(s.clone())
            };
            Ok(Text {
                fi: get(fi)?,
                sv: sv.map(&mut get).transpose()?,
                en: en.map(&mut get).transpose()?,
                machine,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(fi: &str, sv: Option<&str>) -> Text {
        Text {
            fi: fi.into(),
            sv: sv.map(Into::into),
            en: None,
            machine: vec![Lang::Sv],
        }
    }

    #[test]
    fn a_repeated_string_is_written_once() {
        let texts = vec![
            text("Neuvola", Some("Rådgivning")),
            text("Neuvola", None),
            text("Rådgivning", None),
        ];
        let (bytes, table) = write(|| postcard::to_allocvec(&texts).unwrap());
        assert_eq!(table, ["Neuvola", "Rådgivning"]);
        let back: Vec<Text> = read(table, usize::MAX, || postcard::from_bytes(&bytes)).unwrap();
        assert_eq!(back, texts);
    }

    #[test]
    fn a_number_beyond_the_table_is_an_error_that_says_so() {
        let (bytes, _) =
            write(|| postcard::to_allocvec(&text("Neuvola", Some("Rådgivning"))).unwrap());
        let error = read(vec!["Neuvola".into()], usize::MAX, || {
            postcard::from_bytes::<Text>(&bytes)
        })
        .unwrap_err();
        assert_eq!(error, "text 1 beyond the table of 1 texts");
    }

    #[test]
    fn one_long_text_named_many_times_runs_out_of_budget() {
        let texts = vec![text("Neuvola", None); 10];
        let (bytes, table) = write(|| postcard::to_allocvec(&texts).unwrap());
        // Ten copies of seven bytes fit in 70 and not in 69.
        assert!(
            read(table.clone(), 70, || postcard::from_bytes::<Vec<Text>>(
                &bytes
            ))
            .is_ok()
        );
        let error = read(table, 69, || postcard::from_bytes::<Vec<Text>>(&bytes)).unwrap_err();
        assert!(error.contains("grow past"), "{error}");
    }

    #[test]
    #[should_panic(expected = "nested")]
    fn a_decode_inside_an_encode_is_a_bug() {
        let _ = write(|| read(Vec::new(), 0, || Ok(())));
    }

    #[test]
    fn outside_the_asset_a_text_has_its_plain_shape() {
        let t = text("Neuvola", Some("Rådgivning"));
        let bytes = postcard::to_allocvec(&t).unwrap();
        assert_eq!(postcard::from_bytes::<Text>(&bytes).unwrap(), t);
        // The plain shape carries the strings themselves.
        assert!(bytes.windows(7).any(|w| w == b"Neuvola"));
        // And a table left from a run that failed midway does not leak into the next one.
        let _ = std::panic::catch_unwind(|| write(|| panic!("serialising failed")));
        assert_eq!(postcard::to_allocvec(&t).unwrap(), bytes);
    }
}
