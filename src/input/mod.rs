//! Input: finding articles (files, directories, JSON Lines, standard input), reading
//! them and decoding their bytes.
//!
//! Takes: paths (or `-`) and raw bytes. Gives: an ordered list of [`Input`]s
//! ([`Inputs::expand`]), and for each, [`Document`]s with their provenance
//! ([`parse_article`] for JSON Lines) and how each was decoded, so the caller can warn
//! about fallbacks.
//!
//! Rules of decoding:
//! - A UTF-8 byte-order mark is dropped; UTF-16 (LE or BE) with a byte-order mark is
//!   decoded; valid UTF-8 is taken as is.
//! - Bytes that are not UTF-8 are read as Latin-1 (ISO-8859-1), every byte one code
//!   point, and reported as [`Encoding::Latin1`] so the caller can warn.
//! - A file with NUL bytes (and no UTF-16 mark), or with many control bytes, is binary:
//!   [`Error::Binary`].
//!
//! - Text over 4 GiB (as decoded) is refused ([`Error::TooLarge`]): offsets are 32-bit.
//!
//! Offsets in the graph count code points of the decoded text, without a BOM: for a
//! UTF-16 file, code points (not UTF-16 units, not bytes) after the mark; for Latin-1,
//! bytes (one per code point); for UTF-8 with a BOM, code points after the mark (what
//! Python's `open(path, encoding="utf-8-sig").read()` indexes).

mod jsonl;
mod walk;

pub use jsonl::{JsonlFields, JsonlReader, parse_article};
pub use walk::{Input, InputKind, Inputs, WalkOptions};

use std::io::Read;
use std::path::Path;

use crate::document::Document;
use crate::error::{Error, Result};

/// How a document's bytes were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark).
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// Not valid UTF-8: read as ISO-8859-1.
    Latin1,
}

/// Decodes bytes to text; `path` names the input in errors.
pub fn decode(bytes: &[u8], path: &Path) -> Result<(String, Encoding)> {
    let (text, encoding) = decode_any(bytes, path)?;
    Ok((fits(text, path)?, encoding))
}

/// The text, when its offsets fit the graph's 32-bit spans
/// ([`crate::document::MAX_TEXT_BYTES`]).
fn fits(text: String, path: &Path) -> Result<String> {
    if text.len() > crate::document::MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: text.len() as u64,
        });
    }
    Ok(text)
}

fn decode_any(bytes: &[u8], path: &Path) -> Result<(String, Encoding)> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8_or_latin1(rest, path);
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units = bytes[2..].chunks(2).map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return Ok((text, Encoding::Utf16));
    }
    decode_utf8_or_latin1(bytes, path)
}

fn decode_utf8_or_latin1(bytes: &[u8], path: &Path) -> Result<(String, Encoding)> {
    if looks_binary(bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(_) => Ok((latin1(bytes), Encoding::Latin1)),
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Like [`decode`], but takes the bytes, so valid UTF-8 (the usual case) is not copied.
pub fn decode_vec(mut bytes: Vec<u8>, path: &Path) -> Result<(String, Encoding)> {
    let plain_utf8 = !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF]);
    if !plain_utf8 {
        return decode(&bytes, path);
    }
    if bytes.len() > crate::document::MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    if looks_binary(&bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, Encoding::Utf8)),
        Err(e) => {
            bytes = e.into_bytes();
            Ok((fits(latin1(&bytes), path)?, Encoding::Latin1))
        }
    }
}

/// NUL bytes, or more than 10% control bytes in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr_nul(head) {
        return true;
    }
    // without branches (`&`, `|`) and in byte-sized counts of up to 128 bytes, so
    // that the count is vectorized 16 bytes at a time: it reads most of every short
    // article
    let control: usize = head
        .chunks(128)
        .map(|chunk| {
            let mut n = 0u8;
            for &b in chunk {
                let allowed = (b == b'\n') | (b == b'\r') | (b == b'\t') | (b == 0x0C);
                n += u8::from((b < 0x20) & !allowed);
            }
            usize::from(n)
        })
        .sum();
    !head.is_empty() && control * 10 > head.len()
}

fn memchr_nul(b: &[u8]) -> bool {
    b.contains(&0)
}

/// The bytes of the file at `path`, whose size the caller expects to be `size` (from a
/// directory walk). Like [`std::fs::read`], without the `stat` it makes for the size:
/// over an archive of small files, every system call of a file's reading counts. A file
/// that grew or shrank since the walk is still read whole (to the end of file).
pub fn read_file(path: &Path, size: Option<u64>) -> std::io::Result<Vec<u8>> {
    let Some(size) = size.and_then(|s| usize::try_from(s).ok()) else {
        return std::fs::read(path);
    };
    let file = std::fs::File::open(path)?;
    // room for one byte more than expected, so that a file of the expected size is read
    // by one read and its end seen by the next (which returns nothing); through `take`,
    // since `File`'s own `read_to_end` asks the size (a stat) and the position (a seek)
    let mut bytes = Vec::with_capacity(size.saturating_add(1));
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and decodes one file, or standard input for `-`.
pub fn read_document(path: &Path) -> Result<(Document, Encoding)> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
    };
    let (text, enc) = decode_vec(bytes, path)?;
    Ok((Document::new(path.to_string_lossy(), text), enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8]) -> Result<(String, Encoding)> {
        decode(b, Path::new("x"))
    }

    #[test]
    fn read_file_reads_whole_files_whatever_the_expected_size() {
        let d = tempfile::tempdir().unwrap();
        for len in [0usize, 1, 100, 8191, 8192, 8193, 70_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let path = d.path().join(format!("f{len}"));
            std::fs::write(&path, &bytes).unwrap();
            // the walk's size, none, one that is too small (the file grew since) and
            // one that is too large (it shrank)
            for size in [
                Some(len as u64),
                None,
                Some(0),
                Some(len as u64 / 2),
                Some(2 * len as u64 + 5),
            ] {
                assert_eq!(
                    read_file(&path, size).unwrap(),
                    bytes,
                    "{len} bytes, size {size:?}"
                );
            }
        }
        assert!(read_file(&d.path().join("missing"), Some(3)).is_err());
    }

    #[test]
    fn encodings() {
        assert_eq!(
            dec("£5 “hi”".as_bytes()).unwrap(),
            ("£5 “hi”".to_string(), Encoding::Utf8)
        );
        assert_eq!(
            dec(b"\xEF\xBB\xBFabc").unwrap(),
            ("abc".to_string(), Encoding::Utf8)
        );
        assert_eq!(
            dec(b"\xA35 cost").unwrap(),
            ("£5 cost".to_string(), Encoding::Latin1)
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(dec(&utf16le).unwrap(), ("Zoë".to_string(), Encoding::Utf16));
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(dec(&utf16be).unwrap(), ("Zoë".to_string(), Encoding::Utf16));
    }

    #[test]
    fn decode_vec_agrees_with_decode() {
        let inputs: [&[u8]; 6] = [
            "£5 “hi”".as_bytes(),
            b"\xEF\xBB\xBFabc",
            b"\xA35 cost",
            b"\xFF\xFEa\x00",
            b"",
            b"\x7fELF\x02\x01\x01\x00",
        ];
        for b in inputs {
            let p = Path::new("x");
            let a = decode(b, p).map_err(|e| e.to_string());
            let v = decode_vec(b.to_vec(), p).map_err(|e| e.to_string());
            assert_eq!(a, v, "{b:?}");
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            dec(b"\x7fELF\x02\x01\x01\x00\x00"),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            dec(&[1u8, 2, 3, 4, 5, 6, 7, 8, 65]),
            Err(Error::Binary { .. })
        ));
        assert!(dec(b"").is_ok());
    }
}
