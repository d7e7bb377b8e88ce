//! The compiled catalogue file: a short header (magic, format version) and the postcard-encoded
//! [`Catalogue`]. The header lets the app tell a wrong or truncated file from a real one.

use crate::model::Catalogue;

const MAGIC: &[u8; 4] = b"PHOP";
/// Bump when the model changes shape, so an old cached file is refused instead of misread.
pub const FORMAT_VERSION: u16 = 1;

pub fn encode(cat: &Catalogue) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let body = postcard::to_allocvec(cat).expect("a catalogue always serialises");
    out.extend_from_slice(&body);
    out
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACatalogue,
    WrongVersion { found: u16, expected: u16 },
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotACatalogue => write!(f, "the file is not a Perheopas catalogue"),
            DecodeError::WrongVersion { found, expected } => {
                write!(f, "catalogue format {found}, this app reads format {expected}")
            }
            DecodeError::Corrupt(e) => write!(f, "the catalogue file is damaged or cut short ({e})"),
        }
    }
}

pub fn decode(bytes: &[u8]) -> Result<Catalogue, DecodeError> {
    if bytes.len() < 6 || &bytes[..4] != MAGIC {
        return Err(DecodeError::NotACatalogue);
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    postcard::from_bytes(&bytes[6..]).map_err(|e| DecodeError::Corrupt(e.to_string()))
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
    fn refuses_foreign_truncated_and_future_files() {
        let bytes = encode(&tiny_catalogue());
        assert_eq!(decode(b"<!doctype html>"), Err(DecodeError::NotACatalogue));
        assert!(matches!(decode(&bytes[..bytes.len() / 2]), Err(DecodeError::Corrupt(_))));
        let mut future = bytes.clone();
        future[4] = 99;
        assert_eq!(decode(&future), Err(DecodeError::WrongVersion { found: 99, expected: FORMAT_VERSION }));
    }
}
