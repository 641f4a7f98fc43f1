//! Documents, byte spans, and the one conversion to code-point offsets.
//!
//! Takes: decoded text and where it came from. Gives: a [`Document`] whose `text` is
//! never modified afterwards, [`Span`]s (byte ranges into that text) used by every stage,
//! and a [`CharIndex`] that turns byte offsets into Unicode code-point offsets.
//!
//! Rules:
//! - Every stage works on byte [`Span`]s into the untouched text; nothing copies and
//!   re-indexes text.
//! - Output offsets are code points (as Python and brat count). The conversion happens
//!   once per document, when its extraction is folded into the graph, with a sparse
//!   table (one entry per 64 bytes) so it costs little memory on huge documents.

use serde::{Deserialize, Serialize};

/// The largest text a document may hold: byte offsets are `u32`. The input layer
/// refuses larger text ([`crate::Error::TooLarge`]); [`crate::Pipeline::extract`] reads
/// only this much of a larger [`Document`] made by hand.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers.
    pub fn text(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }

    /// The bytes the span covers: for tests asked of nearly every token, which compare
    /// bytes and need not have `str` slicing check the ends' character boundaries.
    #[inline]
    pub fn bytes(self, text: &str) -> &[u8] {
        &text.as_bytes()[self.start as usize..self.end as usize]
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where a document came from, kept in the graph as provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file path (or `-` for standard input, or `file.jsonl#id`).
    pub path: String,
    /// The article's own id, when the input gave one (JSON Lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<String>,
    /// Headline, when the input gave one separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date as given, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Source {
    /// A source that is just a path.
    pub fn path(path: impl Into<String>) -> Self {
        Source {
            path: path.into(),
            ..Source::default()
        }
    }
}

/// One article: its untouched text and its provenance.
#[derive(Clone, Debug)]
pub struct Document {
    /// Provenance.
    pub source: Source,
    /// The decoded text; offsets everywhere point into it.
    pub text: String,
}

impl Document {
    /// A document from text and a path-like name.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            source: Source::path(path),
            text: text.into(),
        }
    }
}

/// Converts byte offsets of one text into code-point offsets.
///
/// ASCII text converts by identity. Otherwise a checkpoint every 64 bytes records how
/// many code points precede it, and the rest is counted from there: O(1) per lookup,
/// memory 1/16 of the text.
#[derive(Debug)]
pub struct CharIndex<'t> {
    text: &'t str,
    checkpoints: Option<Vec<u32>>,
}

const STRIDE: usize = 64;

/// The code points that start in `b` (at most [`STRIDE`] bytes): its bytes that are
/// not UTF-8 continuation bytes (`10xxxxxx`). Counted 8 bytes at a time, a flag a byte
/// in lanes summed by one multiplication, not byte by byte (which cost about 5
/// instructions a byte of the documents that are not ASCII, and of every offset
/// converted in them: 1 % of a BBC run).
#[inline]
fn code_points(b: &[u8]) -> u32 {
    const LO: u64 = 0x0101_0101_0101_0101;
    debug_assert!(b.len() <= STRIDE);
    // a byte's high bit and not the bit below it, moved to the bottom of its lane
    let continuations = |w: u64| (w & !(w << 1) & (LO << 7)) >> 7;
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    let n = b.len();
    // each lane at most 9 (8 words and the tail), their sum below 256
    let mut lanes = 0u64;
    let mut words = b.chunks_exact(8);
    for c in &mut words {
        lanes += continuations(word(c));
    }
    let rest = words.remainder();
    if n >= 8 {
        // the last 8 bytes, without the lanes of those counted already
        if !rest.is_empty() {
            lanes += continuations(word(&b[n - 8..])) >> (8 * (8 - rest.len()));
        }
    } else {
        lanes += rest
            .iter()
            .map(|&c| u64::from(c & 0xC0 == 0x80))
            .sum::<u64>();
    }
    n as u32 - (lanes.wrapping_mul(LO) >> 56) as u32
}

impl<'t> CharIndex<'t> {
    /// Builds the index for `text`.
    pub fn new(text: &'t str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: None,
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += code_points(chunk);
        }
        checkpoints.push(count);
        CharIndex {
            text,
            checkpoints: Some(checkpoints),
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: u32) -> u32 {
        let byte = (byte as usize).min(self.text.len());
        match &self.checkpoints {
            None => byte as u32,
            Some(cp) => {
                let block = byte / STRIDE;
                let base = cp[block];
                let from = block * STRIDE;
                base + code_points(&self.text.as_bytes()[from..byte])
            }
        }
    }

    /// Converts a byte span into a code-point span.
    pub fn span(&self, span: Span) -> Span {
        Span {
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
        }
    }

    /// Number of code points in the whole text.
    pub fn total_chars(&self) -> u32 {
        self.char_offset(self.text.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello world");
        assert_eq!(ix.char_offset(6), 6);
        assert_eq!(ix.total_chars(), 11);
    }

    #[test]
    fn multibyte_counts_code_points() {
        let text = "“We” said — Zoë";
        let ix = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_offset(byte as u32), chars as u32, "byte {byte}");
        }
        assert_eq!(ix.total_chars() as usize, text.chars().count());
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "é".repeat(500) + "abc" + &"—".repeat(300);
        let ix = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_offset(byte as u32), chars as u32);
        }
        assert_eq!(ix.total_chars() as usize, text.chars().count());
    }

    /// [`code_points`] as the simple count it replaces.
    fn code_points_one_by_one(b: &[u8]) -> u32 {
        // a byte that is not a UTF-8 continuation byte starts a code point
        b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32
    }

    #[test]
    fn code_points_counted_in_words_as_one_by_one() {
        // every length up to a stride, every byte in every place (any byte: the
        // count does not need valid UTF-8)
        for n in 0..=STRIDE {
            for fill in [0x00u8, 0x41, 0x80, 0xBF, 0xC3, 0xFF] {
                for at in 0..n {
                    for c in [0x00u8, 0x3F, 0x40, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xE2, 0xFF] {
                        let mut b = vec![fill; n];
                        b[at] = c;
                        assert_eq!(code_points(&b), code_points_one_by_one(&b), "{b:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_count_as_one_by_one(b in proptest::collection::vec(proptest::num::u8::ANY, 0..=STRIDE)) {
            proptest::prop_assert_eq!(code_points(&b), code_points_one_by_one(&b));
        }

        #[test]
        fn any_text_converts_as_its_chars(s in "\\PC{0,300}") {
            let ix = CharIndex::new(&s);
            for (chars, (byte, _)) in s.char_indices().enumerate() {
                proptest::prop_assert_eq!(ix.char_offset(byte as u32), chars as u32);
            }
            proptest::prop_assert_eq!(ix.total_chars() as usize, s.chars().count());
        }
    }

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(Span::new(0, 10).contains(a));
        assert_eq!(a.text("abcdefgh"), "cde");
    }
}
