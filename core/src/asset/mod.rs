//! The compiled catalogue file: a short header (magic, format version, body length, CRC-32) and
//! a postcard body: the table of distinct text strings ([`strings`]), then the [`Catalogue`]
//! whose texts refer to it. The header lets the app tell a foreign, outdated, cut-short or
//! damaged file from a real one before it reads a single record; after reading, every reference
//! between the records is checked ([`references`]), since the app follows them without asking.

mod references;
pub mod shard;
mod strings;

use crate::model::Catalogue;

const MAGIC: &[u8; 4] = b"PHOP";
/// Bump when the model changes shape, so an old cached file is refused instead of misread.
/// 2: compiled opening-hours schedules; length and checksum in the header.
/// 3: texts in a table of distinct strings.
/// 4: the families' vocabulary (`vocabulary::Vocabulary`).
/// 5: family-centre service areas (`service_area::ServiceArea`); service types say whether they
///    meet in sessions.
pub const FORMAT_VERSION: u16 = 5;
const HEADER: usize = 4 + 2 + 4 + 4;

/// Writes the catalogue as it is: the references are the writer's to get right (the catalogue
/// tool compiles them), and the tests write broken ones on purpose to see them refused.
pub fn encode(cat: &Catalogue) -> Vec<u8> {
    encode_as(MAGIC, cat)
}

/// Any record set with its texts in a table, behind a header with `magic`: the whole catalogue
/// here, a county's part of it in [`shard`].
fn encode_as<T: serde::Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    let (records, table) =
        strings::write(|| postcard::to_allocvec(value).expect("a catalogue always serialises"));
    let mut body = postcard::to_allocvec(&table).expect("strings always serialise");
    body.extend_from_slice(&records);
    with_header(magic, &body)
}

fn with_header(magic: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACatalogue,
    WrongVersion {
        found: u16,
        expected: u16,
    },
    /// Fewer (or more) bytes than the header promises: an interrupted download or upload.
    WrongLength {
        found: usize,
        expected: usize,
    },
    /// The bytes are all there but some changed on the way.
    ChecksumMismatch,
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotACatalogue => write!(f, "the file is not a Perheopas catalogue"),
            DecodeError::WrongVersion { found, expected } => {
                write!(
                    f,
                    "catalogue format {found}, this app reads format {expected}"
                )
            }
            DecodeError::WrongLength { found, expected } => {
                write!(f, "the catalogue file is cut short or padded: {found} bytes where the header promises {expected}")
            }
            DecodeError::ChecksumMismatch => write!(
                f,
                "the catalogue file is damaged: its checksum does not match"
            ),
            DecodeError::Corrupt(e) => write!(f, "the catalogue file is damaged ({e})"),
        }
    }
}

pub fn decode(bytes: &[u8]) -> Result<Catalogue, DecodeError> {
    let catalogue: Catalogue = decode_as(MAGIC, bytes)?;
    // A number past the end of a list would crash the app where it is followed; refused here,
    // the file is one more damaged download and the app shows the saved copy.
    references::check(&catalogue).map_err(|e| DecodeError::Corrupt(format!("records: {e}")))?;
    Ok(catalogue)
}

/// Header, length, checksum and text table of a file written by [`encode_as`]; the records'
/// references are the caller's to check.
fn decode_as<T: serde::de::DeserializeOwned>(
    magic: &[u8; 4],
    bytes: &[u8],
) -> Result<T, DecodeError> {
    if bytes.len() < 6 || &bytes[..4] != magic {
        return Err(DecodeError::NotACatalogue);
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let word = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let (Some(length), Some(checksum)) = (word(6), word(10)) else {
        return Err(DecodeError::WrongLength {
            found: bytes.len(),
            expected: HEADER,
        });
    };
    // A wild length must not overflow on 32-bit Wasm.
    let Some(expected) = (length as usize).checked_add(HEADER) else {
        return Err(DecodeError::WrongLength {
            found: bytes.len(),
            expected: usize::MAX,
        });
    };
    if bytes.len() != expected {
        return Err(DecodeError::WrongLength {
            found: bytes.len(),
            expected,
        });
    }
    let body = &bytes[HEADER..];
    if crc32fast::hash(body) != checksum {
        return Err(DecodeError::ChecksumMismatch);
    }
    let (table, records) = postcard::take_from_bytes::<Vec<String>>(body)
        .map_err(|e| DecodeError::Corrupt(format!("text table: {e}")))?;
    let budget = body.len().saturating_mul(strings::EXPANSION_LIMIT);
    let (value, rest) = strings::read(table, budget, || postcard::take_from_bytes::<T>(records))
        .map_err(|e| DecodeError::Corrupt(format!("records: {e}")))?;
    if !rest.is_empty() {
        return Err(DecodeError::Corrupt(format!(
            "{} bytes after the last record",
            rest.len()
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    #[test]
    fn round_trips() {
        let cat = tiny_catalogue();
        assert_eq!(decode(&encode(&cat)).unwrap(), cat);
    }

    #[test]
    fn shared_texts_are_stored_once() {
        let mut cat = tiny_catalogue();
        let one = encode(&cat).len();
        // A hundred more services with the first one's texts: each adds its numbers, not its words.
        let first = cat.services[0].clone();
        let words = postcard::to_allocvec(&(&first.name, &first.summary, &first.description))
            .unwrap()
            .len();
        for i in 0..100 {
            cat.services.push(crate::model::Service {
                id: format!("copy-{i}"),
                ..first.clone()
            });
        }
        let per_copy = (encode(&cat).len() - one) / 100;
        assert!(
            per_copy < words,
            "{per_copy} bytes per copy, the texts alone are {words}"
        );
        assert_eq!(decode(&encode(&cat)).unwrap(), cat);
    }

    /// A right header and checksum around wrong contents: what a buggy writer would make.
    #[test]
    fn names_what_is_wrong_inside_a_well_formed_file() {
        let bytes = encode(&tiny_catalogue());
        let body = &bytes[HEADER..];
        let (table, records) = postcard::take_from_bytes::<Vec<String>>(body).unwrap();
        // The table cut to one string: the records point past it.
        let mut short = postcard::to_allocvec(&table[..1]).unwrap();
        short.extend_from_slice(records);
        match decode(&with_header(MAGIC, &short)) {
            Err(DecodeError::Corrupt(e)) => {
                assert_eq!(e, "records: text 1 beyond the table of 1 texts")
            }
            other => panic!("{other:?}"),
        }
        let mut padded = body.to_vec();
        padded.extend_from_slice(&[0, 0, 0]);
        assert_eq!(
            decode(&with_header(MAGIC, &padded)),
            Err(DecodeError::Corrupt("3 bytes after the last record".into()))
        );
        assert!(
            matches!(decode(&with_header(MAGIC, &[0xff; 3])), Err(DecodeError::Corrupt(e)) if e.starts_with("text table:"))
        );
    }

    /// The bytes all read, but a service names an organisation past the end of the list.
    #[test]
    fn a_broken_reference_is_refused_by_name() {
        let mut cat = tiny_catalogue();
        cat.services[1].organisation = 1;
        assert_eq!(
            decode(&encode(&cat)),
            Err(DecodeError::Corrupt(
                "records: service \"b\" (number 1): organisation 1 beyond the 1 organisations"
                    .into()
            ))
        );
        assert_eq!(
            DecodeError::Corrupt("records: x".into()).to_string(),
            "the catalogue file is damaged (records: x)"
        );
    }

    #[test]
    fn refuses_foreign_truncated_and_future_files() {
        let bytes = encode(&tiny_catalogue());
        assert_eq!(decode(b"<!doctype html>"), Err(DecodeError::NotACatalogue));
        let half = bytes.len() / 2;
        assert_eq!(
            decode(&bytes[..half]),
            Err(DecodeError::WrongLength {
                found: half,
                expected: bytes.len()
            })
        );
        assert_eq!(
            decode(&bytes[..8]),
            Err(DecodeError::WrongLength {
                found: 8,
                expected: HEADER
            })
        );
        let mut flipped = bytes.clone();
        flipped[HEADER + 3] ^= 0x10;
        assert_eq!(decode(&flipped), Err(DecodeError::ChecksumMismatch));
        let mut future = bytes.clone();
        future[4] = 99;
        assert_eq!(
            decode(&future),
            Err(DecodeError::WrongVersion {
                found: 99,
                expected: FORMAT_VERSION
            })
        );
    }
}
