//! String keys to ids: a table frozen at compile time plus a hash map for run-time
//! additions.
//!
//! The built-in lists hold about 200,000 words and 80,000 phrases. Hashing them into a
//! map at every start cost more than extracting a small article, so the build script
//! lays their keys out once (see `src/build.rs` and [`super::snapshot`]): a blob of key
//! bytes, the offset of every key, and an open-addressing index of key ids whose slots
//! hold short keys inline. A start reads the offsets and the index where they lie; no
//! key is hashed or copied.
//! Keys a user lexicon adds go to an ordinary hash map beside it.

use std::fmt;

use rustc_hash::FxHashMap;

/// The hash of a key, the same at build time and at run time (it is stored in no
/// file: the index is rebuilt when the function changes, as the build script is).
/// `FOLD` is or-ed into every byte as it is read: with `0x20`, the hash of an ASCII word
/// lower-cased, made without a lower-case copy of it.
#[inline]
fn hash<const FOLD: u8>(key: &[u8]) -> u64 {
    if key.len() <= 8 {
        return short_hash(key.len(), low_bytes::<FOLD>(key));
    }
    let (_, fold4, fold8) = folds::<FOLD>();
    let mut h = key.len() as u64;
    let mut rest = key;
    while rest.len() > 8 {
        let (word, tail) = rest.split_at(8);
        h = (h.rotate_left(5) ^ (u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) | fold8))
            .wrapping_mul(HASH_K);
        rest = tail;
    }
    // the last one to eight bytes without a copy of variable length: two overlapping
    // 4-byte reads (`rest` has at least one byte)
    let n = rest.len();
    let last = if n >= 4 {
        (u64::from(u32::from_le_bytes(rest[..4].try_into().unwrap_or([0; 4])) | fold4) << 32)
            | u64::from(u32::from_le_bytes(rest[n - 4..].try_into().unwrap_or([0; 4])) | fold4)
    } else {
        low_bytes::<FOLD>(rest)
    };
    (h.rotate_left(5) ^ last).wrapping_mul(HASH_K)
}

/// The multiplier of [`hash`]: odd, its bits mixed, so every bit of a key moves the
/// high bits that choose a slot.
const HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

/// [`hash`] of a key of `n` bytes, at most eight, whose [`low_bytes`] are `low`: the
/// slot's tag holds the same word (see [`slot_tag`]), so a lookup reads the key once.
#[inline(always)]
fn short_hash(n: usize, low: u64) -> u64 {
    ((n as u64).rotate_left(5) ^ low).wrapping_mul(HASH_K)
}

/// `FOLD` as a byte, four bytes and eight bytes.
const fn folds<const FOLD: u8>() -> (u8, u32, u64) {
    (
        FOLD,
        u32::from_ne_bytes([FOLD; 4]),
        u64::from_ne_bytes([FOLD; 8]),
    )
}

/// `key == query` with every byte of `query` or-ed with `FOLD` (see [`hash`]). The
/// tokenizer looks up every word, most of them found and short: a few reads of four or
/// eight bytes, overlapping, compare a key without a call to `memcmp`.
#[inline]
fn same<const FOLD: u8>(key: &[u8], query: &[u8]) -> bool {
    let n = key.len();
    if query.len() != n {
        return false;
    }
    let (fold, fold4, fold8) = folds::<FOLD>();
    let u4 = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    let u8s = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    match n {
        0 => true,
        // the first, middle and last byte are all of them
        1..=3 => [0, n / 2, n - 1].iter().all(|&i| key[i] == query[i] | fold),
        4..=8 => u4(key, 0) == u4(query, 0) | fold4 && u4(key, n - 4) == u4(query, n - 4) | fold4,
        _ => (0..n - 8)
            .step_by(8)
            .chain([n - 8])
            .all(|at| u8s(key, at) == u8s(query, at) | fold8),
    }
}

/// The id of an empty slot of the index.
const EMPTY: u32 = u32::MAX;

/// Bits of a slot's id that are the key's id; the byte above is the key's tag (see
/// [`freeze`]): the lexicon keeps a word's [`super::fact`] bits there, so that the
/// tokenizer has them from the slot it reads to find the word.
pub(crate) const ID_BITS: u32 = 24;

/// The id part of a slot's id (see [`ID_BITS`]).
pub(crate) const ID_MASK: u32 = (1 << ID_BITS) - 1;

/// Keys of at most this many bytes are held in their slot.
const INLINE: usize = 11;

/// `s` (at most eight bytes), every byte or-ed with `FOLD`, as a little-endian u64 with
/// zeros above: reads of four bytes or single bytes, overlapping, as in [`same`].
#[inline(always)]
fn low_bytes<const FOLD: u8>(s: &[u8]) -> u64 {
    let (fold, fold4, _) = folds::<FOLD>();
    let u4 = |at: usize| {
        u64::from(u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4])) | fold4)
    };
    let n = s.len();
    match n {
        0 => 0,
        // overlapping bytes are the same bytes: or-ing them in twice changes nothing
        1..=3 => [0, n / 2, n - 1]
            .iter()
            .fold(0, |w, &i| w | u64::from(s[i] | fold) << (8 * i)),
        _ => u4(0) | u4(n - 4) << (8 * (n - 4)),
    }
}

/// [`low_bytes`] of a word folded to lower case, out of line: for the few words of
/// [`Keys::get_ascii_word_in`] that lie too near the end of their text for an 8-byte read.
#[inline(never)]
fn near_end_low_bytes(word: &[u8]) -> u64 {
    low_bytes::<0x20>(word)
}

/// What a slot holds for a key of hash `h`, besides the id (in the high half of its
/// second word): the key itself when it has at most [`INLINE`] bytes (its first eight,
/// then the rest and its length), otherwise the hash and the length (capped at 255), so
/// a probe that cannot match reads neither `offsets` nor `keys`. The length byte keeps
/// the two kinds apart.
#[inline(always)]
fn slot_tag<const FOLD: u8>(key: &[u8], h: u64) -> [u64; 2] {
    let n = key.len();
    if n <= INLINE {
        let (head, tail) = key.split_at(n.min(8));
        [
            low_bytes::<FOLD>(head),
            low_bytes::<FOLD>(tail) | (n as u64) << 24,
        ]
    } else {
        [h, (n.min(255) as u64) << 24]
    }
}

/// Keys laid out at build time; ids are positions in the key order. Its look-ups give
/// a key's id with its tag above [`ID_BITS`] (0 for keys without one).
#[derive(Clone, Default)]
pub(crate) struct Frozen {
    /// The keys' bytes, one after another, where they lie in the binary.
    keys: &'static [u8],
    /// `len + 1` offsets into `keys`, little-endian u32s read in place in the binary:
    /// decoding them at start wrote 1.5 MB (the built-in lists' three tables), where a
    /// look-up of a key too long for its slot reads two of them.
    offsets: &'static [u8],
    /// A power of two of 16-byte slots, read in place in the binary (no copy at start):
    /// two little-endian u64s, a [`slot_tag`] with the key id (and its tag, see
    /// [`ID_BITS`]) in the high half of the second, or [`EMPTY`] there. The tokenizer looks up every word: a short word found
    /// or not reads one cache line, where checking the key in `offsets` and `keys` took
    /// up to three misses.
    slots: &'static [u8],
    /// 64 minus log2 of the slot count, minus 4: slots are chosen by the hash's high
    /// bits, shifted down to where they are a slot's byte offset (16 bytes a slot)
    /// once masked, so that a probe scales no index.
    shift: u32,
    /// The byte offset of the last slot (0 without slots): the slot count minus one,
    /// times 16.
    mask: usize,
}

impl fmt::Debug for Frozen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Frozen({} keys)", self.len())
    }
}

impl Frozen {
    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        (self.offsets.len() / 4).saturating_sub(1)
    }

    /// The id of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        self.get_folded::<0>(key.as_bytes())
    }

    /// The id of the key that is `query` with every byte or-ed with `FOLD`.
    #[inline(always)]
    fn get_folded<const FOLD: u8>(&self, query: &[u8]) -> Option<u32> {
        // most words have one to eight bytes: their bytes, read once, are both the
        // hash's input and the whole tag
        let n = query.len();
        if n.wrapping_sub(1) < 8 {
            return self.get_short(n, low_bytes::<FOLD>(query));
        }
        if (9..=INLINE).contains(&n) {
            return self.get_medium::<FOLD>(query);
        }
        self.get_long::<FOLD>(query)
    }

    /// [`Frozen::get_folded`] of a key of nine to [`INLINE`] bytes (a word in ten): its
    /// first eight bytes and the rest are the words that [`hash`] mixes and the slot's
    /// tag (see [`slot_tag`]), read once; as for [`Frozen::get_short`], the length in
    /// the tag sets it apart from empty slots and other keys.
    #[inline(always)]
    fn get_medium<const FOLD: u8>(&self, query: &[u8]) -> Option<u32> {
        let n = query.len();
        let (head, tail) = query.split_at(8);
        let head = u64::from_le_bytes(head.try_into().unwrap_or([0; 8])) | folds::<FOLD>().2;
        let tail = low_bytes::<FOLD>(tail);
        let h = short_hash(n, head);
        let h = (h.rotate_left(5) ^ tail).wrapping_mul(HASH_K);
        self.find(h, head, (tail as u32) | (n as u32) << 24)
    }

    /// The id of the key of `n` bytes, one to eight, whose [`low_bytes`] are `low`. The
    /// tokenizer asks this at nearly every word: its tag is `[low, n << 24]` (see
    /// [`slot_tag`]), which no empty slot (length 0) and no longer key has, so a slot
    /// is compared before it is checked for being empty, and no key bytes are read.
    #[inline(always)]
    fn get_short(&self, n: usize, low: u64) -> Option<u32> {
        self.find(short_hash(n, low), low, (n as u32) << 24)
    }

    /// The id in the slot from `h`'s on whose tag is `[want0, want1]` (the low half of
    /// the second word), for a tag with a length in it: it matches no empty slot.
    #[inline(always)]
    fn find(&self, h: u64, want0: u64, want1: u32) -> Option<u32> {
        let mut at = (h >> self.shift) as usize;
        loop {
            at &= self.mask;
            // no slots (a default table): nothing is found
            let [w0, w1] = self.slot_at(at)?;
            if w0 == want0 && w1 as u32 == want1 {
                return Some((w1 >> 32) as u32);
            }
            if (w1 >> 32) as u32 == EMPTY {
                return None;
            }
            at += 16;
        }
    }

    /// [`Frozen::get_folded`] of the empty key or one longer than [`INLINE`] bytes: out
    /// of line, so that the loop of the tokenizer that inlines the short case stays small.
    #[inline(never)]
    fn get_long<const FOLD: u8>(&self, query: &[u8]) -> Option<u32> {
        let h = hash::<FOLD>(query);
        let [want0, want1] = slot_tag::<FOLD>(query, h);
        let mut at = (h >> self.shift) as usize;
        loop {
            at &= self.mask;
            let [w0, w1] = self.slot_at(at)?;
            let id = (w1 >> 32) as u32;
            if id == EMPTY {
                return None;
            }
            if w0 == want0
                && w1 as u32 == want1 as u32
                && (query.len() <= INLINE || same::<FOLD>(self.key_bytes(id & ID_MASK), query))
            {
                return Some(id);
            }
            at += 16;
        }
    }

    /// The two words of the slot at byte `at`, if there is one.
    #[inline(always)]
    fn slot_at(&self, at: usize) -> Option<[u64; 2]> {
        // one bounds check and one 16-byte read
        let w = u128::from_le_bytes(self.slots.get(at..at + 16)?.try_into().ok()?);
        Some([w as u64, (w >> 64) as u64])
    }

    /// Where the key of id `id` lies in `keys`.
    fn key_range(&self, id: u32) -> std::ops::Range<usize> {
        let at = id as usize * 4;
        // the offsets of key `id` and of the next, in one read
        let w = self
            .offsets
            .get(at..at + 8)
            .and_then(|w| w.first_chunk::<8>());
        let w = u64::from_le_bytes(w.copied().unwrap_or([0; 8]));
        w as u32 as usize..(w >> 32) as usize
    }

    /// The bytes of the key of id `id`.
    fn key_bytes(&self, id: u32) -> &'static [u8] {
        &self.keys[self.key_range(id)]
    }

    /// The key of id `id` in `keys`, this table's key bytes as a `str` (the build script
    /// wrote whole UTF-8 keys).
    fn key_in(&self, keys: &'static str, id: u32) -> &'static str {
        keys.get(self.key_range(id)).unwrap_or("")
    }

    /// A table over the three parts [`freeze`] wrote, read back from the snapshot.
    pub(crate) fn from_parts(
        keys: &'static [u8],
        offsets: &'static [u8],
        slots: &'static [u8],
    ) -> Frozen {
        let n_slots = slots.len() / 16;
        // (the shift of `freeze`, less the 4 bits of 16 bytes a slot)
        let shift = if n_slots > 1 {
            64 - n_slots.trailing_zeros() - 4
        } else {
            63
        };
        Frozen {
            keys,
            offsets,
            slots,
            shift,
            mask: n_slots.saturating_sub(1) * 16,
        }
    }
}

/// Lays out `keys` (id = position) as [`Frozen`] reads them: key bytes, offsets, slots;
/// key `id`'s slot holds `tags[id]` (0 past its end) above its id (see [`ID_BITS`]).
pub(crate) fn freeze(keys: &[&str], tags: &[u8]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    // (no id and tag make EMPTY: the id of the last possible key is ID_MASK - 1)
    assert!(
        keys.len() < ID_MASK as usize,
        "too many keys for a frozen table"
    );
    let mut blob = Vec::new();
    let mut offsets = Vec::with_capacity((keys.len() + 1) * 4);
    offsets.extend_from_slice(&0u32.to_le_bytes());
    for k in keys {
        blob.extend_from_slice(k.as_bytes());
        offsets.extend_from_slice(&(blob.len() as u32).to_le_bytes());
    }
    // at most two thirds full (the built-in words: 53 %, 8 MB): a probe that cannot
    // match costs a compare in the cache line already read, and four slots share one
    let n_slots = (keys.len() * 3 / 2 + 1).next_power_of_two().max(2);
    let shift = 64 - n_slots.trailing_zeros();
    let empty = [0, u64::from(EMPTY) << 32];
    let mut slots = vec![empty; n_slots];
    for (id, k) in keys.iter().enumerate() {
        let h = hash::<0>(k.as_bytes());
        let mut i = (h >> shift) as usize & (n_slots - 1);
        while slots[i] != empty {
            i = (i + 1) & (n_slots - 1);
        }
        let [w0, w1] = slot_tag::<0>(k.as_bytes(), h);
        let tag = u64::from(tags.get(id).copied().unwrap_or(0));
        slots[i] = [w0, w1 | (id as u64 | tag << ID_BITS) << 32];
    }
    let slots = slots
        .iter()
        .flat_map(|[w0, w1]| [w0.to_le_bytes(), w1.to_le_bytes()])
        .flatten()
        .collect();
    (blob, offsets, slots)
}

/// Keys to ids: the frozen built-in keys, then the ones added at run time.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keys {
    frozen: Frozen,
    extra: FxHashMap<Box<str>, u32>,
}

impl Keys {
    /// A table over frozen keys.
    pub(crate) fn from_frozen(frozen: Frozen) -> Keys {
        Keys {
            frozen,
            extra: FxHashMap::default(),
        }
    }

    /// The id of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        match self.frozen.get(key) {
            Some(id) => Some(id & ID_MASK),
            None if self.extra.is_empty() => None,
            None => self.extra.get(key).copied(),
        }
    }

    /// The id of `word` lower-cased, for a word of ASCII letters and bytes from 0x20 to
    /// 0x3F (digits and the punctuation of words: `-./'&,$`), which have the `0x20` bit
    /// already: or-ing each byte with `0x20` as it is hashed and compared lowers it
    /// without a copy. Inlined into the tokenizer's loop: a call there cost more than
    /// the lookup of a short word. A frozen key's id comes with its tag above
    /// [`ID_BITS`].
    #[inline(always)]
    pub(crate) fn get_ascii_word(&self, word: &[u8]) -> Option<u32> {
        debug_assert!(
            word.iter()
                .all(|&b| b.is_ascii_alphabetic() || (0x20..0x40).contains(&b))
        );
        // most words: found (or not) without a call, which then saves no registers
        let n = word.len();
        if n.wrapping_sub(1) < 8 {
            let found = self.frozen.get_short(n, low_bytes::<0x20>(word));
            if found.is_some() || self.extra.is_empty() {
                return found;
            }
        }
        self.other_ascii_word(word)
    }

    /// [`Keys::get_ascii_word`] of `text[start..end]`. When eight bytes of `text` lie
    /// from `start`, a word of one to eight bytes is read with one 8-byte load, masked
    /// to its length: the per-byte reads of [`low_bytes`] cost the tokenizer more than
    /// the rest of the lookup. The bytes past the word are masked off, never looked at.
    /// A word of nine to [`INLINE`] bytes (a word in ten) is looked up inline too, where
    /// a call cost more than the look-up. Tagged as [`Keys::get_ascii_word`] is.
    #[inline(always)]
    pub(crate) fn get_ascii_word_in(&self, text: &[u8], start: usize, end: usize) -> Option<u32> {
        let n = end.wrapping_sub(start);
        if n.wrapping_sub(1) < 8 {
            let low = match text.get(start..).and_then(|s| s.first_chunk::<8>()) {
                Some(w) => {
                    (u64::from_le_bytes(*w) | folds::<0x20>().2) & (u64::MAX >> (64 - 8 * n))
                }
                None => near_end_low_bytes(&text[start..end]),
            };
            let found = self.frozen.get_short(n, low);
            if found.is_some() || self.extra.is_empty() {
                return found;
            }
        } else if (9..=INLINE).contains(&n) && self.extra.is_empty() {
            // a word in ten: its slot holds it too, read without a call
            return self.frozen.get_medium::<0x20>(&text[start..end]);
        }
        self.other_ascii_word(&text[start..end])
    }

    /// [`Keys::get_ascii_word`] of a word of no or more than eight bytes (more than
    /// [`INLINE`] without run-time keys), or among the run-time keys: kept out of the
    /// lookup that every word makes.
    #[inline(never)]
    fn other_ascii_word(&self, word: &[u8]) -> Option<u32> {
        let n = word.len();
        let frozen = if n.wrapping_sub(1) < 8 {
            None
        } else {
            self.frozen.get_folded::<0x20>(word)
        };
        if frozen.is_some() || self.extra.is_empty() {
            return frozen;
        }
        let lower: String = word.iter().map(|&b| char::from(b | 0x20)).collect();
        self.extra.get(lower.as_str()).copied()
    }

    /// True when `key` is in the table.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Adds a key that is not in the table yet.
    pub(crate) fn insert(&mut self, key: &str, id: u32) {
        self.extra.insert(key.into(), id);
    }

    /// Room for `n` more run-time keys.
    #[cfg(any(test, not(newsgraph_snapshot)))]
    pub(crate) fn reserve(&mut self, n: usize) {
        self.extra.reserve(n);
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.frozen.len() + self.extra.len()
    }

    /// Every key with its id, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        // the key bytes checked as UTF-8 at once, not key by key: a walk over all keys
        // (the phrase index made at start) then costs a boundary check a key
        let keys = std::str::from_utf8(self.frozen.keys).unwrap_or("");
        (0..self.frozen.len() as u32)
            .map(move |id| (self.frozen.key_in(keys, id), id))
            .chain(self.extra.iter().map(|(k, &id)| (&**k, id)))
    }

    /// The keys ordered by id (ids must be `0..len`).
    pub(crate) fn by_id(&self) -> Vec<&str> {
        let mut out = vec![""; self.len()];
        for (k, id) in self.iter() {
            out[id as usize] = k;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table over `keys`, laid out as the build script does.
    fn frozen(keys: &[&str]) -> Frozen {
        tagged(keys, &[])
    }

    /// [`frozen`] with the tags of the keys.
    fn tagged(keys: &[&str], tags: &[u8]) -> Frozen {
        let (blob, offsets, slots) = freeze(keys, tags);
        Frozen::from_parts(
            Box::leak(blob.into_boxed_slice()),
            Box::leak(offsets.into_boxed_slice()),
            Box::leak(slots.into_boxed_slice()),
        )
    }

    #[test]
    fn frozen_keys_are_found_and_others_not() {
        let keys = [
            "the",
            "prime minister",
            "",
            "mcdonald 's",
            "a-very-long-key-word",
        ];
        let f = frozen(&keys);
        assert_eq!(f.len(), keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(f.get(k), Some(i as u32), "{k}");
        }
        for k in ["thE", "prime", "minister", "zebra", "a-very-long-key-wor"] {
            assert_eq!(f.get(k), None, "{k}");
        }
        for (k, id) in [("THE", 0), ("McDonald 'S", 3), ("A-Very-LONG-Key-Word", 4)] {
            assert_eq!(f.get_folded::<0x20>(k.as_bytes()), Some(id), "{k}");
        }
        assert_eq!(f.get_folded::<0x20>(b"Prime"), None);
        let mut t = Keys::from_frozen(f);
        assert_eq!(t.by_id(), keys);
        t.insert("zebra", 5);
        assert_eq!(t.get("zebra"), Some(5));
        assert_eq!(t.get_ascii_word(b"ZEBRA"), Some(5));
        assert_eq!(t.get_ascii_word(b"The"), Some(0));
        assert_eq!(t.get("the"), Some(0));
        assert_eq!(t.by_id()[5], "zebra");
        assert_eq!(Keys::default().get("the"), None);
    }

    /// A key's tag comes with its id from the look-ups of words; plain look-ups give the
    /// id alone.
    #[test]
    fn tags_come_with_ids() {
        let keys = ["the", "said", "", "a-very-long-key-word", "u.s."];
        let t = Keys::from_frozen(tagged(&keys, &[5, 0, 7, 0x1f]));
        let tag = |id: u32, tag: u32| Some(id | tag << ID_BITS);
        assert_eq!(t.get_ascii_word(b"The"), tag(0, 5));
        assert_eq!(t.get_ascii_word_in(b"said it", 0, 4), tag(1, 0));
        assert_eq!(t.get_ascii_word(b"A-VERY-long-key-word"), tag(3, 0x1f));
        // past the tags: none
        assert_eq!(t.get_ascii_word_in(b"U.S. ", 0, 4), tag(4, 0));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), Some(i as u32), "{k}");
        }
        assert_eq!(t.by_id(), keys);
    }

    /// The 8-byte read of [`Keys::get_ascii_word_in`] finds what the per-byte one of
    /// [`Keys::get_ascii_word`] does, for every word of a text, near its end or not, with
    /// run-time keys or without.
    #[test]
    fn words_read_in_place_match_words_read_alone() {
        let keys = [
            "the",
            "a",
            "of",
            "mr.",
            "u.s.",
            "minister",
            "reuters",
            "mcdonald's",
        ];
        let f = frozen(&keys);
        let plain = Keys::from_frozen(f);
        let mut extra = plain.clone();
        extra.insert("zebra", 8);
        extra.insert("ox", 9);
        let text = b"The Minister of A Zebra, Mr. OX said U.S. McDonald's REUTERS ox a";
        for t in [&plain, &extra] {
            for start in 0..=text.len() {
                for end in start..=text.len().min(start + 12) {
                    let word = &text[start..end];
                    if word
                        .iter()
                        .all(|&b| b.is_ascii_alphabetic() || (0x20..0x40).contains(&b))
                    {
                        assert_eq!(
                            t.get_ascii_word_in(text, start, end),
                            t.get_ascii_word(word),
                            "{start}..{end}"
                        );
                    }
                }
            }
        }
        assert_eq!(
            extra.get_ascii_word_in(text, text.len() - 4, text.len() - 2),
            Some(9)
        );
        assert_eq!(
            plain.get_ascii_word_in(text, text.len() - 1, text.len()),
            Some(1)
        );
    }
}
