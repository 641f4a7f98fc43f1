//! Word lists: loading the data files in `data/` and the user's own lexicons.
//!
//! Takes: the files under `data/` (parsed at build time by `src/build.rs` into a snapshot
//! embedded in the binary, so the tool runs offline from any directory and a start reads
//! ready tables instead of parsing ~190,000 lines) and any `--lexicon` files (parsed at
//! run time, added beside the built-in tables). Gives: a [`Lexicon`] answering, with one
//! hash lookup per word, everything the stages ask of a word (common word? given name?
//! title? organization word? speech verb? stance cue?), and a phrase table for multi-word
//! names, titles and cues.
//!
//! Rules:
//! - Keys are lower case; case-sensitive facts (an acronym such as "WHO" must be written
//!   in capitals) are kept as flags on the entry.
//! - Multi-word keys are made by the same tokenizer that reads articles, so "McDonald's"
//!   in a list and in a story give the same key.
//! - A user lexicon is a TSV file whose lines are `category<TAB>fields`, where the
//!   fields are exactly a line of the matching data file (see [`Category`]). User
//!   entries add to the built-in ones.
//!
//! Limits: lists are English; a name missing from every list is found only by context.

mod entries;
mod inflect;
mod load;
mod snapshot;
mod table;

pub use inflect::{ing_form, verb_forms};
pub use load::Category;

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::error::Result;
use crate::kind::{Gender, Kind, Polarity};
use entries::Entries;
use table::Keys;

/// Index of a word entry.
pub type WordId = u32;

/// Bit flags on a [`WordEntry`].
pub mod flag {
    /// Appears in lower case in the English dictionary.
    pub const COMMON: u32 = 1;
    /// Closed-class word (determiner, pronoun, preposition, conjunction, auxiliary).
    pub const FUNCTION: u32 = 1 << 1;
    /// Day, month, holiday, season.
    pub const CALENDAR: u32 = 1 << 2;
    /// A given name.
    pub const GIVEN: u32 = 1 << 3;
    /// A surname.
    pub const SURNAME: u32 = 1 << 4;
    /// A role noun ("president", "teacher").
    pub const ROLE: u32 = 1 << 5;
    /// A role modifier ("deputy", "former").
    pub const ROLE_MOD: u32 = 1 << 6;
    /// A nationality adjective ("Russian").
    pub const DEMONYM: u32 = 1 << 7;
    /// An all-capital word that is not an entity ("CEO", "HIV").
    pub const NOT_ENTITY_ACRONYM: u32 = 1 << 8;
    /// Some multi-word phrase starts with this word.
    pub const PHRASE_START: u32 = 1 << 9;
    /// The user said this word is never an entity.
    pub const NOT_ENTITY: u32 = 1 << 10;
    /// A form of a speech verb ("said", "told").
    pub const SPEECH: u32 = 1 << 11;
    /// A speech verb that attributes a direct quote but does not report speech on its
    /// own ("continued", "believes"): `!` lines in speech_verbs.tsv.
    pub const QUOTE_ONLY_SPEECH: u32 = 1 << 12;
    /// The head of an event's name ("Cup", "Open", "Festival").
    pub const EVENT: u32 = 1 << 13;
    /// The word alone is a phrase key ("chicago"): answers a phrase lookup without one.
    pub const PHRASE_WHOLE: u32 = 1 << 14;
    /// Some phrase key of two words or more starts with this word: what
    /// [`super::Lexicon::phrase_continues`] says of the word, without a lookup.
    pub const PHRASE_PREFIX: u32 = 1 << 15;
    /// A form of a verb of making or asking someone act ("urged", "prompting"): in
    /// "V X to VERB" the object X does VERB (`control_verbs.txt`).
    pub const CONTROL_VERB: u32 = 1 << 16;
    /// A noun one asks for of someone one opposes ("resignation": `=` lines of
    /// `demands.txt`).
    pub const DEMAND_NOUN: u32 = 1 << 17;
}

/// Facts about a word that stages ask at nearly every token, a bit each: the tokenizer
/// copies them into [`crate::tokens::Token::facts`] when it finds the word's id, from a
/// table of a byte per word ([`Lexicon::facts`]) rather than the word's [`WordEntry`]
/// (48 bytes, in a table of 8.7 MB): a stage that asks them of every token
/// then reads no per-word table at all, and those that ask of rare words miss no more.
pub mod fact {
    /// [`super::flag::SPEECH`].
    pub const SPEECH: u8 = 1;
    /// [`super::flag::QUOTE_ONLY_SPEECH`].
    pub const QUOTE_ONLY_SPEECH: u8 = 1 << 1;
    /// [`super::flag::FUNCTION`].
    pub const FUNCTION: u8 = 1 << 2;
    /// Some stance cue starts with this form (its [`super::WordEntry::stance_cues`] are
    /// not empty).
    pub const CUE_START: u8 = 1 << 3;
    /// Some known entity's name that may be written in lower case starts with this word
    /// (or with it and a final period): a name whose list entry is not in capitals and
    /// whose canonical form does not start with a capital ("eBay", "al-Qaeda"). Any
    /// other lower-case word opens no known name.
    pub const LOWER_NAME_START: u8 = 1 << 4;
    /// Some stance cue starting with this form has no literal second word (it is one
    /// word, or a verb's forms or a slot come next): any word may follow it.
    pub const CUE_OPEN: u8 = 1 << 5;
    /// The word starts with "he", "hi", "sh", "it" or "th": every pronoun and determiner
    /// the resolution's references look for does (with or without a contraction), so
    /// the scan for them passes over a word without this bit without reading its text.
    pub const MAY_REFER: u8 = 1 << 6;
    /// [`super::flag::PHRASE_START`]: some phrase of the lists (a known name, a title, a
    /// role...) starts with this word; the mentions' look-up of known names asks it of
    /// every capitalized word, most of which start none.
    pub const PHRASE_START: u8 = 1 << 7;

    /// Whether a word of the lexicon (lower case) gets [`MAY_REFER`].
    pub fn may_refer(word: &str) -> bool {
        matches!(
            word.as_bytes(),
            [b'h', b'e' | b'i', ..] | [b's', b'h', ..] | [b'i', b't', ..] | [b't', b'h', ..]
        )
    }

    /// The lexicon flags that a fact stands for ([`of_flag`]).
    pub const FLAGS: [u32; 4] = [
        super::flag::SPEECH,
        super::flag::QUOTE_ONLY_SPEECH,
        super::flag::FUNCTION,
        super::flag::PHRASE_START,
    ];

    /// The fact that stands for lexicon flag `f`, if one does (0 otherwise): a
    /// constant for a constant flag, so `Words::has` of such a flag reads the token.
    pub const fn of_flag(f: u32) -> u8 {
        match f {
            super::flag::SPEECH => SPEECH,
            super::flag::QUOTE_ONLY_SPEECH => QUOTE_ONLY_SPEECH,
            super::flag::FUNCTION => FUNCTION,
            super::flag::PHRASE_START => PHRASE_START,
            _ => 0,
        }
    }
}

/// What a title says about the person after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleClass {
    /// Mr, Dr: a person follows; no role.
    Honorific,
    /// Mayor, President: a role.
    Office,
}

/// A title ("Mayor", "Mr").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title {
    /// Honorific or office.
    pub class: TitleClass,
    /// Gender the title implies.
    pub gender: Gender,
}

/// A designator word ("Union", "Street").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrgWord {
    /// Organization or place.
    pub kind: Kind,
    /// Class used by nominal references (index into [`Lexicon::class_name`]).
    pub class: u16,
    /// Only counts as the last word of a name.
    pub head_only: bool,
}

/// A nominal reference ("the union", "the mayor").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nominal {
    /// Person or organization.
    pub kind: Kind,
    /// The class it refers to (index into [`Lexicon::class_name`]); for people, a title.
    pub class: u16,
}

/// How a period-final abbreviation behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Stands before a name; never ends a sentence.
    Title,
    /// May end a sentence.
    Other,
}

/// Everything known about one lower-case word.
#[derive(Clone, Debug, Default)]
pub struct WordEntry {
    /// [`flag`] bits.
    pub flags: u32,
    /// Gender of a given name.
    pub gender: Gender,
    /// 1-based frequency rank among surnames (0: not a surname).
    pub surname_rank: u32,
    /// Single-word title.
    pub title: Option<Title>,
    /// Single-word designator.
    pub org_word: Option<OrgWord>,
    /// Single-word nominal reference.
    pub nominal: Option<Nominal>,
    /// Abbreviation behaviour (for words written with their final period).
    pub abbreviation: Option<AbbrevClass>,
    /// Stance cues whose first word is this form.
    pub stance_cues: CueIds,
    /// For a verb form: its noun ("delayed" -> "delay").
    pub nominalization: Option<u32>,
}

impl WordEntry {
    /// True when the flag bit is set.
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The stance cue ids of a word's [`WordEntry::stance_cues`]: a slice of `u32`s (it
/// dereferences to one), which holds no pointer for a built-in word, so that the
/// compiler can make the built-in words' entries (see the `entries` module).
#[derive(Clone)]
pub struct CueIds(Cues);

/// Where the ids of a [`CueIds`] are.
#[derive(Clone)]
enum Cues {
    /// A run of [`entries::builtin_cues`]: a built-in word's.
    Builtin {
        /// Where the run starts.
        start: u16,
        /// Number of ids.
        len: u16,
    },
    /// A list of its own: made at run time (a user lexicon's, or from the data files).
    Own(Box<[u32]>),
}

impl CueIds {
    /// No cues, in a `const`.
    const EMPTY: CueIds = CueIds::builtin(0, 0);

    /// The `len` built-in cue ids from `start`.
    const fn builtin(start: u16, len: u16) -> CueIds {
        CueIds(Cues::Builtin { start, len })
    }

    /// The ids.
    pub fn as_slice(&self) -> &[u32] {
        match &self.0 {
            Cues::Builtin { start, len } => {
                let start = usize::from(*start);
                (entries::builtin_cues())
                    .get(start..start + usize::from(*len))
                    .unwrap_or(&[])
            }
            Cues::Own(ids) => ids,
        }
    }

    /// True when there are no ids: asked of many words, answered without finding the
    /// ids (which [`CueIds::as_slice`] does).
    #[inline]
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Cues::Builtin { len, .. } => *len == 0,
            Cues::Own(ids) => ids.is_empty(),
        }
    }

    /// Adds an id.
    fn push(&mut self, id: u32) {
        let mut ids = self.as_slice().to_vec();
        ids.push(id);
        self.0 = Cues::Own(ids.into_boxed_slice());
    }
}

impl Default for CueIds {
    fn default() -> Self {
        CueIds::EMPTY
    }
}

impl std::ops::Deref for CueIds {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        self.as_slice()
    }
}

/// Iterated as the `Vec<u32>` it replaced was: `for &id in &entry.stance_cues`.
impl<'a> IntoIterator for &'a CueIds {
    type Item = &'a u32;
    type IntoIter = std::slice::Iter<'a, u32>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl std::fmt::Debug for CueIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A known named entity (organization or place) from the lists.
#[derive(Clone, Debug)]
pub struct KnownEntity {
    /// Organization or place (person entries from user lexicons too).
    pub kind: Kind,
    /// The name the node gets.
    pub canonical: String,
    /// Place type ("country", "city") or organization class, if known.
    pub class: Option<u16>,
    /// Inhabitants, for places from GeoNames (0 if unknown).
    pub population: u64,
    /// Entered by the user: trusted over context.
    pub user: bool,
    /// Last words of its multi-word names, lower case ("corporation" for the BBC, from
    /// "British Broadcasting Corporation"): what "the corporation" can refer to.
    pub heads: Vec<String>,
}

impl KnownEntity {
    /// True when the canonical name starts with a capital ("US", not "eBay").
    pub fn capitalized(&self) -> bool {
        self.canonical
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }
}

/// What a multi-word (or single-word) phrase is.
#[derive(Clone, Debug, Default)]
pub struct PhraseEntry {
    /// A known entity with this name (index into [`Lexicon::entities`]).
    pub entity: Option<u32>,
    /// The surface form in the list is all capitals: the text must be too.
    pub entity_caps: bool,
    /// A multi-word title ("prime minister").
    pub title: Option<Title>,
    /// A multi-word role ("chief executive").
    pub role: bool,
    /// A multi-word nominal ("the prime minister").
    pub nominal: Option<Nominal>,
    /// A fixed speech phrase ("according to").
    pub speech: bool,
    /// A multi-word demonym ("South African").
    pub demonym: bool,
}

/// One word of a stance cue pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CueWord {
    /// Any of these lower-case forms.
    Forms(Vec<String>),
    /// Exactly this lower-case word.
    Literal(String),
    /// A noun phrase (the addressee in "call on X to").
    Slot,
}

/// Where a stance cue finds its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// After the cue ("criticised X", "call for X").
    Object,
    /// The clause's subject, evaluated by whoever voices the clause ("X is essential").
    Subject,
    /// Reversed: the holder follows the cue and the target is the clause's subject
    /// ("X drew criticism from Y", "X won the backing of Y").
    Source,
}

/// A stance cue ("call for", "no basis for").
#[derive(Clone, Debug)]
pub struct StanceCue {
    /// The pattern.
    pub words: Vec<CueWord>,
    /// Supports or opposes.
    pub polarity: Polarity,
    /// Edge label ("requests", "criticizes").
    pub act: String,
    /// Written with "=": a noun, adjective or modal, not a verb.
    pub fixed: bool,
    /// Where the target is.
    pub frame: Frame,
}

impl StanceCue {
    /// The cue's second word when it is one literal word; none when the cue is one word
    /// or a verb's forms or a slot come second: then any word may follow its first.
    pub fn literal_second(&self) -> Option<&str> {
        match self.words.get(1) {
            Some(CueWord::Literal(l)) if !l.is_empty() => Some(l),
            _ => None,
        }
    }
}

/// A boilerplate line rule.
#[derive(Clone, Debug)]
pub enum BoilerplateRule {
    /// The line starts with this (lower case), followed by a non-letter.
    Prefix(String),
    /// The whole line is this (lower case, end punctuation ignored).
    Line(String),
    /// A short line containing this (lower case).
    Contains(String),
}

/// All word lists, ready for lookups. Build once, share between threads.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: Keys,
    /// The words' entries by id (the built-in ones a static table: see [`entries`]).
    entries: Entries,
    /// Phrase keys to indices into `phrase_entries`.
    phrases: Keys,
    phrase_entries: Vec<PhraseEntry>,
    /// Every proper word prefix of a phrase key ("prime" of "prime minister"), so a
    /// longest-match scan can stop as soon as no phrase goes on (the ids mean nothing).
    phrase_prefixes: Keys,
    max_phrase_words: usize,
    /// Known entities.
    pub entities: Vec<KnownEntity>,
    /// Stance cues.
    pub stance_cues: Vec<StanceCue>,
    /// Boilerplate rules.
    pub boilerplate: Vec<BoilerplateRule>,
    /// What one asks of someone one opposes, as written after "to" or a modal ("resign",
    /// "be fired"): lower-case words (`demands.txt`).
    demands: Vec<Vec<String>>,
    classes: Vec<String>,
    nouns: Vec<String>,
    phrasal: FxHashMap<Box<str>, u32>,
    demonym_places: FxHashMap<Box<str>, Box<str>>,
    speaking_roles: rustc_hash::FxHashSet<Box<str>>,
    surnames_seen: u32,
    /// The [`fact`] bits of every word, by id: as the snapshot holds them, read in place
    /// (borrowed), or made by [`Lexicon::index_facts`] once the lists are loaded, and
    /// again after a user lexicon adds to them (owned).
    facts: Cow<'static, [u8]>,
    /// The built-in words' slots of the key index hold their facts as they are (see
    /// [`table::ID_BITS`]): true for the snapshot, false once a user lexicon may have
    /// changed a word's facts, or without a snapshot (no frozen keys).
    slot_facts: bool,
}

impl Lexicon {
    /// The built-in lists (embedded data files).
    pub fn builtin() -> Lexicon {
        // the build script parsed the data files into a snapshot (see `snapshot`); it
        // compiles this module itself without one, and parses them as a user lexicon is
        #[cfg(newsgraph_snapshot)]
        {
            /// Aligned to a cache line: the key index in it (see `snapshot::Writer::keys`)
            /// is read in place, and its 16-byte slots must not straddle lines.
            #[repr(C, align(64))]
            struct Aligned<B: ?Sized>(B);
            static SNAPSHOT: &Aligned<[u8]> =
                &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin")));
            snapshot::read(&SNAPSHOT.0, Entries::builtin())
        }
        #[cfg(not(newsgraph_snapshot))]
        {
            load::builtin()
        }
    }

    /// The built-in lists, built once per process and shared.
    pub fn shared() -> &'static Lexicon {
        static SHARED: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);
        &SHARED
    }

    /// The lexicon as the bytes of a snapshot, which [`Lexicon::builtin`] reads back,
    /// and the bytes of its word entries, of which the compiler makes a table (the build
    /// script writes the built-in lists with it; see the `entries` module).
    pub fn snapshot(&self) -> (Vec<u8>, Vec<u8>) {
        (snapshot::write(self), entries::write(&self.entries))
    }

    /// The built-in lists plus the user's lexicon files.
    pub fn with_user_files<P: AsRef<Path>>(paths: &[P]) -> Result<Lexicon> {
        // the snapshot holds what parsing the data files gives (tested), ready
        let mut lex = Lexicon::builtin();
        for p in paths {
            load::add_user_file(&mut lex, p.as_ref())?;
        }
        Ok(lex)
    }

    /// Adds a user lexicon given as text (`category<TAB>fields` lines); `name` is used
    /// in error messages.
    pub fn add_user_text(&mut self, name: &Path, text: &str) -> Result<()> {
        load::add_user_text(self, name, text)
    }

    /// The entry of a lower-case word.
    pub fn word_id(&self, lower: &str) -> Option<WordId> {
        self.words.get(lower)
    }

    /// [`Lexicon::word_id`] of an ASCII word in any case, lowered as it is looked up
    /// (no lower-case copy): the word holds only ASCII letters, digits and `-./'&,$`,
    /// as every ASCII word the tokenizer makes does.
    #[inline]
    pub fn ascii_word_id(&self, word: &[u8]) -> Option<WordId> {
        self.words.get_ascii_word(word).map(|v| v & table::ID_MASK)
    }

    /// [`Lexicon::ascii_word_id`] of `text[start..end]`: the same id, faster when eight
    /// bytes of `text` lie from `start` (read at once, then masked to the word).
    #[inline]
    pub fn ascii_word_id_in(&self, text: &[u8], start: usize, end: usize) -> Option<WordId> {
        self.ascii_word_facts_in(text, start, end).0
    }

    /// [`Lexicon::ascii_word_id_in`] with the word's [`fact`] bits (0 for no word): a
    /// built-in word's are in the slot of the key index that the look-up reads, so the
    /// tokenizer has them without a read of the facts table.
    #[inline(always)]
    pub fn ascii_word_facts_in(
        &self,
        text: &[u8],
        start: usize,
        end: usize,
    ) -> (Option<WordId>, u8) {
        match self.words.get_ascii_word_in(text, start, end) {
            None => (None, 0),
            Some(v) => {
                let id = v & table::ID_MASK;
                let facts = if self.slot_facts {
                    (v >> table::ID_BITS) as u8
                } else {
                    self.facts(id)
                };
                (Some(id), facts)
            }
        }
    }

    /// The entry behind an id.
    #[inline]
    pub fn entry(&self, id: WordId) -> &WordEntry {
        self.entries.get(id)
    }

    /// Every word's key (its lower-case form), for tests over all words.
    #[cfg(test)]
    pub(crate) fn word_keys(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|(k, _)| k)
    }

    /// The [`fact`] bits of word `id`: what its entry says of the questions asked of
    /// every token, from a table of a byte per word.
    #[inline]
    pub fn facts(&self, id: WordId) -> u8 {
        self.facts.get(id as usize).copied().unwrap_or(0)
    }

    /// The [`fact`] bits of an entry and of the lexicon's phrases, made from scratch.
    fn index_facts(&mut self) {
        let mut facts: Vec<u8> = (0..self.entries.len() as WordId)
            .map(|id| self.entries.get(id))
            .map(|e| {
                let mut f = 0;
                for flag in fact::FLAGS {
                    if e.has(flag) {
                        f |= fact::of_flag(flag);
                    }
                }
                if !e.stance_cues.is_empty() {
                    f |= fact::CUE_START;
                }
                if (e.stance_cues.iter())
                    .any(|&c| self.stance_cues[c as usize].literal_second().is_none())
                {
                    f |= fact::CUE_OPEN;
                }
                f
            })
            .collect();
        for (word, id) in self.words.iter() {
            if fact::may_refer(word) {
                facts[(id & table::ID_MASK) as usize] |= fact::MAY_REFER;
            }
        }
        for (key, p) in self.phrases() {
            let Some(id) = p.entity else { continue };
            // the two ways a phrase matches a word that is not capitalized: neither
            if p.entity_caps || self.entities[id as usize].capitalized() {
                continue;
            }
            let first = key.split(' ').next().unwrap_or(key);
            // a token's word id is its lower-case text without a final period, or with it
            for id in [first, first.trim_end_matches('.')]
                .into_iter()
                .filter_map(|f| self.word_id(f))
            {
                facts[id as usize] |= fact::LOWER_NAME_START;
            }
        }
        self.facts = Cow::Owned(facts);
        // the lists changed since any key was frozen with its facts
        self.slot_facts = false;
    }

    /// The entry of a lower-case word, if any.
    pub fn word(&self, lower: &str) -> Option<&WordEntry> {
        self.word_id(lower).map(|id| self.entry(id))
    }

    /// The phrase entry of a lower-case, space-joined token sequence.
    pub fn phrase(&self, key: &str) -> Option<&PhraseEntry> {
        self.phrases
            .get(key)
            .map(|i| &self.phrase_entries[i as usize])
    }

    /// Every phrase key with its entry, in no set order (for indexes derived from the
    /// lists once per program, such as [`crate::mentions::MentionIndex`]).
    pub fn phrases(&self) -> impl Iterator<Item = (&str, &PhraseEntry)> + '_ {
        self.phrases
            .iter()
            .map(|(k, i)| (k, &self.phrase_entries[i as usize]))
    }

    /// True when some phrase key is longer than `key` and starts with it followed by a
    /// space: a scan that has read `key` may still find a longer phrase.
    pub fn phrase_continues(&self, key: &str) -> bool {
        self.phrase_prefixes.contains(key)
    }

    /// The longest phrase, in words, that the table holds.
    pub fn max_phrase_words(&self) -> usize {
        self.max_phrase_words
    }

    /// The name of a class id (organization type, place type, title).
    pub fn class_name(&self, id: u16) -> &str {
        &self.classes[id as usize]
    }

    /// The id of a class name, if it was ever used.
    pub fn class_id(&self, name: &str) -> Option<u16> {
        self.classes
            .iter()
            .position(|c| c == name)
            .map(|i| i as u16)
    }

    /// The noun of a nominalization id.
    pub fn noun(&self, id: u32) -> &str {
        &self.nouns[id as usize]
    }

    /// The place a demonym names ("russian" → "Russia"), from `demonyms.tsv`; "-" for a
    /// group adjective that names no place ("muslim", "catholic").
    pub fn demonym_place(&self, lower: &str) -> Option<&str> {
        self.demonym_places.get(lower).map(|p| &**p)
    }

    /// Whether a role as written ("US Ambassador", "spokesman") speaks for its
    /// organization (`roles.txt`, field "speaks"): its last word or the whole role.
    pub fn speaks_for(&self, role: &str) -> bool {
        let role = role.to_lowercase();
        // a former or deputy holder of the office does not speak for it
        if role.split([' ', '-']).any(|x| {
            matches!(
                x,
                "former" | "ex" | "deputy" | "vice" | "assistant" | "associate" | "junior"
            )
        }) {
            return false;
        }
        let last = role.rsplit(' ').next().unwrap_or("");
        self.speaking_roles.contains(role.as_str()) || self.speaking_roles.contains(last)
    }

    /// The demand phrases ("step down", "be fired"), each as lower-case words: in "X
    /// called for Y to step down" X opposes Y (`demands.txt`; nouns carry
    /// [`flag::DEMAND_NOUN`]).
    pub fn demand_phrases(&self) -> &[Vec<String>] {
        &self.demands
    }

    /// The noun of a phrasal verb in any form ("went back" → "return").
    pub fn phrasal_nominalization(&self, key: &str) -> Option<&str> {
        self.phrasal
            .get(key)
            .map(|&i| self.nouns[i as usize].as_str())
    }

    /// Number of distinct words known.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no word is known.
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    // ---- builder helpers used by `load`

    fn entry_mut(&mut self, lower: &str) -> &mut WordEntry {
        let id = match self.words.get(lower) {
            Some(id) => id,
            None => {
                let id = self.entries.len() as WordId;
                self.entries.push(WordEntry::default());
                self.words.insert(lower, id);
                id
            }
        };
        self.entries.get_mut(id)
    }

    fn phrase_mut(&mut self, key: &str) -> &mut PhraseEntry {
        let n = 1 + key.bytes().filter(|&b| b == b' ').count();
        self.max_phrase_words = self.max_phrase_words.max(n);
        let first = key.split_once(' ').map_or(key, |(first, _)| first);
        self.entry_mut(first).flags |= flag::PHRASE_START
            | if n > 1 {
                flag::PHRASE_PREFIX
            } else {
                flag::PHRASE_WHOLE
            };
        let i = match self.phrases.get(key) {
            Some(i) => i,
            None => {
                for (i, _) in key.match_indices(' ') {
                    if !self.phrase_prefixes.contains(&key[..i]) {
                        let id = self.phrase_prefixes.len() as u32;
                        self.phrase_prefixes.insert(&key[..i], id);
                    }
                }
                let i = self.phrase_entries.len() as u32;
                self.phrase_entries.push(PhraseEntry::default());
                self.phrases.insert(key, i);
                i
            }
        };
        &mut self.phrase_entries[i as usize]
    }

    fn class(&mut self, name: &str) -> u16 {
        match self.classes.iter().position(|c| c == name) {
            Some(i) => i as u16,
            None => {
                self.classes.push(name.to_string());
                (self.classes.len() - 1) as u16
            }
        }
    }

    fn noun_id(&mut self, noun: &str) -> u32 {
        match self.nouns.iter().position(|c| c == noun) {
            Some(i) => i as u32,
            None => {
                self.nouns.push(noun.to_string());
                (self.nouns.len() - 1) as u32
            }
        }
    }
}

/// Lower-cases `s` into `buf` (cleared first) and returns it; straightens curly
/// apostrophes so "CTU’s" and "CTU's" look alike.
pub fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    push_lower(s, buf);
    buf.as_str()
}

/// Appends `s` to `buf` lower-cased as [`lower_into`] does: phrase keys are built word
/// by word without a copy per word.
pub fn push_lower(s: &str, buf: &mut String) {
    if s.is_ascii() {
        let from = buf.len();
        buf.push_str(s);
        buf[from..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => buf.push('\''),
                _ => buf.extend(c.to_lowercase()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::shared().clone()
    }

    #[test]
    fn words_have_expected_facts() {
        let l = lex();
        // word, flag that must be set
        let cases = [
            ("jesse", flag::GIVEN),
            ("the", flag::FUNCTION),
            ("wednesday", flag::CALENDAR),
            ("teacher", flag::ROLE),
            ("deputy", flag::ROLE_MOD),
            ("russian", flag::DEMONYM),
            ("ceo", flag::NOT_ENTITY_ACRONYM),
            ("said", flag::SPEECH),
            ("concern", flag::COMMON),
            ("smith", flag::SURNAME),
        ];
        for (w, f) in cases {
            let e = l.word(w).unwrap_or_else(|| panic!("{w} unknown"));
            assert!(e.has(f), "{w} lacks flag {f}");
        }
    }

    #[test]
    fn titles_and_org_words() {
        let l = lex();
        assert_eq!(
            l.word("mayor").unwrap().title.unwrap().class,
            TitleClass::Office
        );
        assert_eq!(l.word("mr").unwrap().title.unwrap().gender, Gender::Male);
        assert_eq!(
            l.word("union").unwrap().org_word.unwrap().kind,
            Kind::Organization
        );
        assert_eq!(
            l.word("avenue").unwrap().org_word.unwrap().kind,
            Kind::Place
        );
        assert!(l.phrase("prime minister").unwrap().title.is_some());
        assert!(l.phrase_continues("prime"));
        assert!(!l.phrase_continues("prime minister"));
        // the flags say the same as the tables
        assert!(l.word("prime").unwrap().has(flag::PHRASE_PREFIX));
        assert!(l.word("chicago").unwrap().has(flag::PHRASE_WHOLE));
        assert!(
            !l.word("chicago").unwrap().has(flag::PHRASE_PREFIX) || l.phrase_continues("chicago")
        );
        assert!(l.phrase("chief executive").unwrap().role);
    }

    #[test]
    fn known_entities_and_places() {
        let l = lex();
        let e = l.phrase("lib dems").and_then(|p| p.entity).unwrap();
        assert_eq!(l.entities[e as usize].canonical, "Liberal Democrats");
        let us = l.phrase("us").unwrap();
        assert!(us.entity_caps);
        let chicago = l.phrase("chicago").and_then(|p| p.entity).unwrap();
        assert_eq!(l.entities[chicago as usize].kind, Kind::Place);
        let mcd = l.phrase("mcdonald 's").and_then(|p| p.entity).unwrap();
        assert_eq!(l.entities[mcd as usize].canonical, "McDonald's");
    }

    #[test]
    fn stance_cues_are_indexed_by_every_form() {
        let l = lex();
        for form in ["criticised", "criticises", "criticising", "urged", "fought"] {
            assert!(!l.word(form).unwrap().stance_cues.is_empty(), "{form}");
        }
    }

    #[test]
    fn nominalizations_cover_verb_forms() {
        let l = lex();
        let id = l.word("delayed").unwrap().nominalization.unwrap();
        assert_eq!(l.noun(id), "delay");
        let id = l.word("reopening").unwrap().nominalization.unwrap();
        assert_eq!(l.noun(id), "reopening");
    }

    #[test]
    fn user_lexicon_lines_add_entries() {
        let mut l = lex();
        let text = "person\tJesse Sharkey\tJ. Sharkey\ngiven_name\tMueze\tm\nstance\tcheer on\t+\tpraises\n";
        l.add_user_text(Path::new("user.tsv"), text).unwrap();
        assert!(l.word("mueze").unwrap().has(flag::GIVEN));
        let p = l.phrase("jesse sharkey").and_then(|p| p.entity).unwrap();
        assert_eq!(l.entities[p as usize].kind, Kind::Person);
        assert!(!l.word("cheered").unwrap().stance_cues.is_empty());
    }

    /// The facts a token carries say what the word's entry says, for the built-in
    /// lists and after a user lexicon adds to them.
    #[test]
    fn facts_say_what_entries_say() {
        let check = |l: &Lexicon| {
            for id in 0..l.len() as WordId {
                let (e, f) = (l.entry(id), l.facts(id));
                for flag in fact::FLAGS {
                    assert_eq!(e.has(flag), f & fact::of_flag(flag) != 0, "{id} {flag}");
                }
                assert_eq!(!e.stance_cues.is_empty(), f & fact::CUE_START != 0, "{id}");
                let open = e.stance_cues.iter().any(|&c| {
                    !matches!(l.stance_cues[c as usize].words.get(1),
                        Some(CueWord::Literal(x)) if !x.is_empty())
                });
                assert_eq!(open, f & fact::CUE_OPEN != 0, "{id}");
            }
            // the tokenizer's look-up (the facts from the key's slot, for the built-in
            // lists as they are) gives the same
            for (k, id) in l.words.iter() {
                if k.bytes()
                    .all(|b| b.is_ascii_alphabetic() || (0x20..0x40).contains(&b))
                {
                    let found = l.ascii_word_facts_in(k.as_bytes(), 0, k.len());
                    assert_eq!(found, (Some(id), l.facts(id)), "{k}");
                }
            }
        };
        let mut l = lex();
        assert!(l.slot_facts, "the snapshot's slots hold the facts");
        check(&l);
        let has = |l: &Lexicon, w: &str, f: u8| l.facts(l.word_id(w).unwrap()) & f != 0;
        assert!(has(&l, "said", fact::SPEECH) && has(&l, "the", fact::FUNCTION));
        assert!(l.word_id("zorbled").is_none() && l.word_id("zorbcorp").is_none());
        let text = "speech_verb\tzorble zorbled zorbles zorbling\nstance\tslam\t-\tcriticizes\n\
                    organization\tzorbcorp\tZC\nfunction_word\tzorbish\n";
        l.add_user_text(Path::new("user.tsv"), text).unwrap();
        assert!(!l.slot_facts);
        check(&l);
        assert!(has(&l, "zorbled", fact::SPEECH) && has(&l, "slammed", fact::CUE_START));
        assert!(has(&l, "zorbish", fact::FUNCTION));
        // a lower-case canonical name opens in lower case; "ZC" only in capitals
        assert!(has(&l, "zorbcorp", fact::LOWER_NAME_START));
        assert!(!has(&l, "zc", fact::LOWER_NAME_START));
    }

    #[test]
    fn user_lexicon_errors_name_the_line() {
        let mut l = lex();
        let err = l
            .add_user_text(Path::new("bad.tsv"), "person\tA\nwhatever\tx\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.tsv:2: unknown category \"whatever\" (expected one of: person, organization, place, given_name, surname, title, role, org_word, nominal, demonym, speech_verb, stance, boilerplate, not_entity, acronym, event_word, common_word, function_word, calendar, abbreviation, nominalization, control_verb, demand)"
        );
    }
}
