//! The word entries, by word id; the built-in words' in a table that the compiler makes.
//!
//! The built-in lists have about 181,000 words. Making their entries at every start
//! wrote 10 MB of fresh memory, which the kernel faults in and zeroes page by page: a
//! third of a start's instructions and most of its cache misses, for a run that reads a
//! few thousand entries. The build script writes the entries' bytes ([`write`]) beside
//! the snapshot; a `const fn` ([`decode_into`]) turns them into a `static` array of
//! [`WordEntry`], evaluated by the compiler, which lies in the binary's read-only data
//! as the snapshot does: a run reads the pages it asks for, shared with every other run,
//! and a start makes nothing. Its entries hold no pointer (a word's stance cues are a
//! run of a static list too: [`super::CueIds`]), so the loader relocates none of them.
//!
//! Words a user lexicon adds get entries of their own; a user lexicon that changes a
//! built-in word's entry makes every entry its own first (as every start did before).
//!
//! Layout of the bytes: three little-endian `u32`s (words, words with more than flags, a
//! rank and a gender, stance cue ids), then per word its flags and rank (`u32`s) and
//! gender (a byte), then per word with more a record of [`RICH`] bytes (see
//! [`write`]), then the cue ids as `u32`s.

use std::fmt;

use super::{AbbrevClass, CueIds, Nominal, OrgWord, Title, TitleClass, WordEntry};
use crate::kind::{Gender, Kind};

/// The words' entries (see the module doc).
#[derive(Clone, Default)]
pub(super) struct Entries {
    /// The built-in words' entries, by id (the static table; empty once every entry is
    /// in `own`).
    frozen: &'static [WordEntry],
    /// The entries of the words after the built-in ones (all words when none is frozen).
    own: Vec<WordEntry>,
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Entries({} words, {} built in)",
            self.len(),
            self.frozen.len()
        )
    }
}

impl Entries {
    /// The built-in words' entries, made by the compiler.
    #[cfg(newsgraph_snapshot)]
    pub(super) fn builtin() -> Entries {
        Entries {
            frozen: &built::ENTRIES,
            own: Vec::new(),
        }
    }

    /// Number of words.
    pub(super) fn len(&self) -> usize {
        self.frozen.len() + self.own.len()
    }

    /// The entry of word `id`: inlined, as an index into a vector was, where a call cost
    /// the stages (two million look-ups on BBC's articles) more than the look-up. Both
    /// ways are plain indexes (no call), so that a stage asking several things of one
    /// word finds its entry once.
    #[inline(always)]
    pub(super) fn get(&self, id: u32) -> &WordEntry {
        let i = id as usize;
        if i < self.frozen.len() {
            &self.frozen[i]
        } else {
            &self.own[i - self.frozen.len()]
        }
    }

    /// Room for `n` more words added.
    #[cfg(any(test, not(newsgraph_snapshot)))]
    pub(super) fn reserve(&mut self, n: usize) {
        self.own.reserve(n);
    }

    /// Adds the entry of a new word (its id is the count before).
    pub(super) fn push(&mut self, e: WordEntry) {
        self.own.push(e);
    }

    /// The entry of word `id`, to change: a built-in word's makes every entry its own
    /// first.
    pub(super) fn get_mut(&mut self, id: u32) -> &mut WordEntry {
        if (id as usize) < self.frozen.len() {
            let mut own = self.frozen.to_vec();
            own.append(&mut self.own);
            *self = Entries { frozen: &[], own };
        }
        let at = id as usize - self.frozen.len();
        &mut self.own[at]
    }
}

/// Bytes of a word's record beyond its flags, rank and gender (see [`write`]).
const RICH: usize = 24;

/// Bytes of the header (three counts).
const HEADER: usize = 12;

/// The entries as bytes (see the module doc), for [`decode_into`]. A word with more
/// than flags, a rank and a gender has a record of [`RICH`] bytes: its id (`u32`), title
/// class (0: none, 1: honorific, 2: office) and gender, designator kind (0: none, else
/// its place in [`Kind::ALL`] plus one), head-only and class (`u16`), nominal kind (as
/// the designator's), a pad byte and class (`u16`), abbreviation (0: none, 1: title, 2:
/// other), a pad byte, its cues' start among the cue ids and count (`u16`s), and its
/// nominalization plus one (`u32`, 0: none).
pub(super) fn write(entries: &Entries) -> Vec<u8> {
    let n = entries.len();
    let all = (0..n as u32).map(|id| (id, entries.get(id)));
    let rich: Vec<(u32, &WordEntry)> = all
        .clone()
        .filter(|(_, e)| {
            e.title.is_some()
                || e.org_word.is_some()
                || e.nominal.is_some()
                || e.abbreviation.is_some()
                || !e.stance_cues.is_empty()
                || e.nominalization.is_some()
        })
        .collect();
    let n_cues: usize = rich.iter().map(|(_, e)| e.stance_cues.len()).sum();
    let mut out = Vec::with_capacity(HEADER + 9 * n + RICH * rich.len() + 4 * n_cues);
    for count in [n, rich.len(), n_cues] {
        out.extend_from_slice(&(count as u32).to_le_bytes());
    }
    for (_, e) in all {
        out.extend_from_slice(&e.flags.to_le_bytes());
        out.extend_from_slice(&e.surname_rank.to_le_bytes());
        out.push(gender_byte(e.gender));
    }
    let kind_byte = |k: Kind| 1 + Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8;
    let mut cue_at = 0u16;
    for (id, e) in &rich {
        let mut r = [0u8; RICH];
        r[..4].copy_from_slice(&id.to_le_bytes());
        if let Some(t) = e.title {
            r[4] = 1 + (t.class == TitleClass::Office) as u8;
            r[5] = gender_byte(t.gender);
        }
        if let Some(o) = e.org_word {
            r[6] = kind_byte(o.kind);
            r[7] = o.head_only as u8;
            r[8..10].copy_from_slice(&o.class.to_le_bytes());
        }
        if let Some(nom) = e.nominal {
            r[10] = kind_byte(nom.kind);
            r[12..14].copy_from_slice(&nom.class.to_le_bytes());
        }
        r[14] = match e.abbreviation {
            None => 0,
            Some(AbbrevClass::Title) => 1,
            Some(AbbrevClass::Other) => 2,
        };
        let len = u16::try_from(e.stance_cues.len()).expect("cues of a word fit a u16");
        r[16..18].copy_from_slice(&cue_at.to_le_bytes());
        r[18..20].copy_from_slice(&len.to_le_bytes());
        cue_at = cue_at
            .checked_add(len)
            .expect("the built-in cue lists fit a u16");
        let nominalization = e.nominalization.map_or(0, |n| n + 1);
        r[20..24].copy_from_slice(&nominalization.to_le_bytes());
        out.extend_from_slice(&r);
    }
    for (_, e) in &rich {
        for &c in e.stance_cues.iter() {
            out.extend_from_slice(&c.to_le_bytes());
        }
    }
    out
}

/// The byte of a gender in [`write`]'s records.
fn gender_byte(g: Gender) -> u8 {
    match g {
        Gender::Unknown => 0,
        Gender::Male => 1,
        Gender::Female => 2,
    }
}

/// The `u32` at byte `at` of `b`, without a call: the compiler's interpreter, which
/// makes the static table, spent twice as long on [`decode_into`]'s loop with calls to
/// `u32::from_le_bytes` (the table took 13 s of a build of the library; 6 s without).
macro_rules! u32_at {
    ($b:expr, $at:expr) => {{
        let (b, at) = ($b, $at);
        b[at] as u32 | (b[at + 1] as u32) << 8 | (b[at + 2] as u32) << 16 | (b[at + 3] as u32) << 24
    }};
}

/// The `u32` at byte `at` of `b`.
const fn u32_at(b: &[u8], at: usize) -> u32 {
    u32_at!(b, at)
}

/// The `u16` at byte `at` of `b`.
const fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

/// The gender of a byte of [`gender_byte`].
const fn gender_of(b: u8) -> Gender {
    match b {
        1 => Gender::Male,
        2 => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The count at `i` of the header of [`write`]'s bytes `b` (0: words, 1: words with a
/// record, 2: cue ids).
const fn count(b: &[u8], i: usize) -> usize {
    u32_at(b, 4 * i) as usize
}

/// An entry with nothing in it, in a `const`.
const EMPTY: WordEntry = WordEntry {
    flags: 0,
    gender: Gender::Unknown,
    surname_rank: 0,
    title: None,
    org_word: None,
    nominal: None,
    abbreviation: None,
    stance_cues: CueIds::EMPTY,
    nominalization: None,
};

/// Decodes [`write`]'s bytes `b` into `out` (as many entries as it has words, each
/// [`EMPTY`]). A `const fn`: the compiler runs it to make the static table (seconds of
/// a build: it interprets the loop), and tests run it at run time.
const fn decode_into(b: &[u8], out: &mut [WordEntry]) {
    let n = count(b, 0);
    let mut i = 0;
    while i < n {
        let at = HEADER + 9 * i;
        let e = &mut out[i];
        e.flags = u32_at!(b, at);
        e.surname_rank = u32_at!(b, at + 4);
        e.gender = match b[at + 8] {
            1 => Gender::Male,
            2 => Gender::Female,
            _ => Gender::Unknown,
        };
        i += 1;
    }
    let mut k = 0;
    while k < count(b, 1) {
        let at = HEADER + 9 * n + RICH * k;
        let e = &mut out[u32_at(b, at) as usize];
        e.title = match b[at + 4] {
            0 => None,
            c => Some(Title {
                class: if c == 1 {
                    TitleClass::Honorific
                } else {
                    TitleClass::Office
                },
                gender: gender_of(b[at + 5]),
            }),
        };
        e.org_word = match b[at + 6] {
            0 => None,
            kind => Some(OrgWord {
                kind: Kind::ALL[kind as usize - 1],
                class: u16_at(b, at + 8),
                head_only: b[at + 7] != 0,
            }),
        };
        e.nominal = match b[at + 10] {
            0 => None,
            kind => Some(Nominal {
                kind: Kind::ALL[kind as usize - 1],
                class: u16_at(b, at + 12),
            }),
        };
        e.abbreviation = match b[at + 14] {
            0 => None,
            1 => Some(AbbrevClass::Title),
            _ => Some(AbbrevClass::Other),
        };
        // the list has a destructor (a user lexicon's is its own), which a `const fn`
        // cannot run: the empty one it replaces is forgotten
        std::mem::forget(std::mem::replace(
            &mut e.stance_cues,
            CueIds::builtin(u16_at(b, at + 16), u16_at(b, at + 18)),
        ));
        e.nominalization = match u32_at(b, at + 20) {
            0 => None,
            x => Some(x - 1),
        };
        k += 1;
    }
}

/// The cue ids of [`write`]'s bytes `b`, into `out` (as many as it has).
const fn decode_cues_into(b: &[u8], out: &mut [u32]) {
    let at = HEADER + 9 * count(b, 0) + RICH * count(b, 1);
    let mut i = 0;
    while i < count(b, 2) {
        out[i] = u32_at(b, at + 4 * i);
        i += 1;
    }
}

/// The stance cue ids of the built-in words, which their [`CueIds`] are runs of.
pub(super) fn builtin_cues() -> &'static [u32] {
    #[cfg(newsgraph_snapshot)]
    {
        &built::CUES
    }
    #[cfg(not(newsgraph_snapshot))]
    {
        &[]
    }
}

/// The tables the compiler makes from the build script's bytes.
#[cfg(newsgraph_snapshot)]
mod built {
    use super::{EMPTY, WordEntry, count, decode_cues_into, decode_into};

    /// The entries' bytes, written by the build script (see [`super::write`]).
    const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entries.bin"));

    /// The built-in words' entries, by id.
    // the compiler's interpreter runs about 200,000 rounds of the loop
    #[allow(long_running_const_eval)]
    pub(super) static ENTRIES: [WordEntry; count(BYTES, 0)] = {
        let mut out = [EMPTY; count(BYTES, 0)];
        decode_into(BYTES, &mut out);
        out
    };

    /// The built-in words' stance cue ids.
    pub(super) static CUES: [u32; count(BYTES, 2)] = {
        let mut out = [0; count(BYTES, 2)];
        decode_cues_into(BYTES, &mut out);
        out
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, flag};

    /// The bytes of the built-in entries decode to what they were written from, cue ids
    /// and all (the static table is made by the same decoder, and the snapshot's tests
    /// hold it to the parsed data files).
    #[test]
    fn entries_decode_to_what_was_written() {
        let parsed = super::super::load::builtin();
        let bytes = write(&parsed.entries);
        let n = count(&bytes, 0);
        assert_eq!(n, parsed.len());
        let mut decoded = vec![EMPTY; n];
        decode_into(&bytes, &mut decoded);
        let mut cues = vec![0; count(&bytes, 2)];
        decode_cues_into(&bytes, &mut cues);
        // (the decoded cue lists are runs of the static list, made from the same bytes)
        assert_eq!(cues, builtin_cues());
        for (id, d) in decoded.iter().enumerate() {
            let e = parsed.entry(id as u32);
            assert_eq!(format!("{d:?}"), format!("{e:?}"), "{id}");
        }
    }

    /// Built-in entries change as a user lexicon says, the others stay; new words follow.
    #[test]
    fn entries_read_back_and_change() {
        let lex = Lexicon::builtin();
        let mut e = lex.entries.clone();
        let n = e.len();
        let before: Vec<String> = (0..n as u32).map(|id| format!("{:?}", e.get(id))).collect();
        e.push(WordEntry::default());
        assert_eq!(e.len(), n + 1);
        e.get_mut(7).flags |= flag::NOT_ENTITY;
        e.get_mut(n as u32).flags |= flag::ROLE;
        for (id, b) in before.iter().enumerate() {
            if id != 7 {
                assert_eq!(&format!("{:?}", e.get(id as u32)), b, "{id}");
            }
        }
        assert!(e.get(7).has(flag::NOT_ENTITY));
        assert_eq!(e.get(n as u32).flags, flag::ROLE);
    }
}
