//! The compiled catalogue file: a short header (magic, format version, body length, CRC-32) and
//! the postcard-encoded [`Catalogue`]. The header lets the app tell a foreign, outdated, cut-short
//! or damaged file from a real one before it reads a single record.

use crate::model::Catalogue;

const MAGIC: &[u8; 4] = b"PHOP";
/// Bump when the model changes shape, so an old cached file is refused instead of misread.
/// 2: compiled opening-hours schedules; length and checksum in the header.
pub const FORMAT_VERSION: u16 = 2;
const HEADER: usize = 4 + 2 + 4 + 4;

pub fn encode(cat: &Catalogue) -> Vec<u8> {
    let body = postcard::to_allocvec(cat).expect("a catalogue always serialises");
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACatalogue,
    WrongVersion { found: u16, expected: u16 },
    /// Fewer (or more) bytes than the header promises: an interrupted download or upload.
    WrongLength { found: usize, expected: usize },
    /// The bytes are all there but some changed on the way.
    ChecksumMismatch,
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotACatalogue => write!(f, "the file is not a Perheopas catalogue"),
            DecodeError::WrongVersion { found, expected } => {
                write!(f, "catalogue format {found}, this app reads format {expected}")
            }
            DecodeError::WrongLength { found, expected } => {
                write!(f, "the catalogue file is cut short or padded: {found} bytes where the header promises {expected}")
            }
            DecodeError::ChecksumMismatch => write!(f, "the catalogue file is damaged: its checksum does not match"),
            DecodeError::Corrupt(e) => write!(f, "the catalogue file is damaged ({e})"),
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
    let word = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let (Some(length), Some(checksum)) = (word(6), word(10)) else {
        return Err(DecodeError::WrongLength { found: bytes.len(), expected: HEADER });
    };
    // A wild length must not overflow on 32-bit Wasm.
    let Some(expected) = (length as usize).checked_add(HEADER) else {
        return Err(DecodeError::WrongLength { found: bytes.len(), expected: usize::MAX });
    };
    if bytes.len() != expected {
        return Err(DecodeError::WrongLength { found: bytes.len(), expected });
    }
    let body = &bytes[HEADER..];
    if crc32fast::hash(body) != checksum {
        return Err(DecodeError::ChecksumMismatch);
    }
    postcard::from_bytes(body).map_err(|e| DecodeError::Corrupt(e.to_string()))
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
        let half = bytes.len() / 2;
        assert_eq!(decode(&bytes[..half]), Err(DecodeError::WrongLength { found: half, expected: bytes.len() }));
        assert_eq!(decode(&bytes[..8]), Err(DecodeError::WrongLength { found: 8, expected: HEADER }));
        let mut flipped = bytes.clone();
        flipped[HEADER + 3] ^= 0x10;
        assert_eq!(decode(&flipped), Err(DecodeError::ChecksumMismatch));
        let mut future = bytes.clone();
        future[4] = 99;
        assert_eq!(decode(&future), Err(DecodeError::WrongVersion { found: 99, expected: FORMAT_VERSION }));
    }
}
