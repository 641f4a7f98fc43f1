//! The built-in lists as bytes: written by the build script, read at start.
//!
//! The build script (`src/build.rs`) compiles the loader, parses every file under `data/`
//! exactly as a user lexicon is parsed, and writes the finished [`Lexicon`] with
//! [`write`]; the library embeds those bytes and [`read`]s them back. Word and phrase
//! keys stay where they lie in the binary ([`super::table::Frozen`]), and so do the words'
//! facts; the word entries are not in it, but in a table of their own that the compiler
//! makes ([`super::entries`]). A start makes the phrase entries, the known entities and the
//! rest, but hashes and copies no key and makes no word entry. The format is private to
//! one build: both sides are this file, so it needs no version.
//!
//! Layout: the offset of the strings (a `u32`), then every value in the order [`write`]
//! writes them (a string as its length), then the bytes of all strings one after
//! another, so that a start checks them as UTF-8 once, not string by string.

use rustc_hash::FxHashMap;

use super::entries::Entries;
use super::table::{Frozen, Keys, freeze};
use super::{
    BoilerplateRule, CueWord, Frame, KnownEntity, Lexicon, Nominal, PhraseEntry, StanceCue, Title,
    TitleClass,
};
use crate::kind::{Gender, Kind, Polarity};

/// The snapshot being written (see the module doc).
struct Writer {
    /// Every value, strings as their lengths.
    values: Vec<u8>,
    /// The bytes of the strings, one after another.
    strings: Vec<u8>,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.values.push(v);
    }
    fn bool(&mut self, v: bool) {
        self.u8(v as u8);
    }
    fn u16(&mut self, v: u16) {
        self.values.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.values.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.values.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.values.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.strings.extend_from_slice(s.as_bytes());
    }
    fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.len(v.len());
        for s in v {
            self.str(s.as_ref());
        }
    }
    fn opt_u32(&mut self, v: Option<u32>) {
        match v {
            Some(v) => {
                self.u8(1);
                self.u32(v);
            }
            None => self.u8(0),
        }
    }
    /// The keys, with `tags[id]` in the slot of key `id` (see [`freeze`]).
    fn keys(&mut self, keys: &Keys, tags: &[u8]) {
        let (blob, offsets, slots) = freeze(&keys.by_id(), tags);
        self.bytes(&blob);
        self.bytes(&offsets);
        // the index is read in place: its slots start on a 16-byte boundary of the
        // snapshot, which is embedded aligned, so none straddles a cache line
        self.len(slots.len());
        self.values
            .resize(self.values.len().next_multiple_of(16), 0);
        self.values.extend_from_slice(&slots);
    }
    fn kind(&mut self, k: Kind) {
        self.u8(Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8);
    }
    fn gender(&mut self, g: Gender) {
        self.u8(match g {
            Gender::Unknown => 0,
            Gender::Male => 1,
            Gender::Female => 2,
        });
    }
    fn title(&mut self, t: Option<Title>) {
        match t {
            Some(t) => {
                self.u8(1 + (t.class == TitleClass::Office) as u8);
                self.gender(t.gender);
            }
            None => self.u8(0),
        }
    }
    fn nominal(&mut self, n: Option<Nominal>) {
        match n {
            Some(n) => {
                self.u8(1);
                self.kind(n.kind);
                self.u16(n.class);
            }
            None => self.u8(0),
        }
    }
}

struct Reader {
    data: &'static [u8],
    pos: usize,
    /// The bytes of all strings, checked as UTF-8 once.
    strings: &'static str,
    /// Where the next string starts in `strings` (they are read in the order written).
    string_pos: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> &'static [u8] {
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        s
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn bool(&mut self) -> bool {
        self.u8() != 0
    }
    fn u16(&mut self) -> u16 {
        let mut w = [0u8; 2];
        w.copy_from_slice(self.take(2));
        u16::from_le_bytes(w)
    }
    fn u32(&mut self) -> u32 {
        let mut w = [0u8; 4];
        w.copy_from_slice(self.take(4));
        u32::from_le_bytes(w)
    }
    fn u64(&mut self) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(self.take(8));
        u64::from_le_bytes(w)
    }
    fn len(&mut self) -> usize {
        self.u32() as usize
    }
    fn bytes(&mut self) -> &'static [u8] {
        let n = self.len();
        self.take(n)
    }
    fn str(&mut self) -> &'static str {
        let n = self.len();
        // written from a `str` by `Writer::str`, which ends on a character boundary
        let s = self
            .strings
            .get(self.string_pos..self.string_pos + n)
            .unwrap_or("");
        self.string_pos += n;
        s
    }
    fn strs(&mut self) -> Vec<String> {
        (0..self.len()).map(|_| self.str().to_string()).collect()
    }
    fn opt_u32(&mut self) -> Option<u32> {
        (self.u8() != 0).then(|| self.u32())
    }
    fn keys(&mut self) -> Keys {
        let blob = self.bytes();
        let offsets = self.bytes();
        let n = self.len();
        self.pos = self.pos.next_multiple_of(16);
        let slots = self.take(n);
        Keys::from_frozen(Frozen::from_parts(blob, offsets, slots))
    }
    fn kind(&mut self) -> Kind {
        Kind::ALL[self.u8() as usize]
    }
    fn gender(&mut self) -> Gender {
        gender_of(self.u8())
    }
    fn title(&mut self) -> Option<Title> {
        let class = match self.u8() {
            0 => return None,
            1 => TitleClass::Honorific,
            _ => TitleClass::Office,
        };
        Some(Title {
            class,
            gender: self.gender(),
        })
    }
    fn nominal(&mut self) -> Option<Nominal> {
        (self.u8() != 0).then(|| Nominal {
            kind: self.kind(),
            class: self.u16(),
        })
    }
}

/// The lexicon as bytes.
pub(super) fn write(lex: &Lexicon) -> Vec<u8> {
    let mut w = Writer {
        values: Vec::with_capacity(16 << 20),
        strings: Vec::new(),
    };
    // where the strings start, set at the end
    w.u32(0);
    // a word's slot holds its facts: the tokenizer reads them with its id
    let facts: Vec<u8> = (0..lex.len() as u32).map(|id| lex.facts(id)).collect();
    w.keys(&lex.words, &facts);
    w.keys(&lex.phrases, &[]);
    w.len(lex.phrase_entries.len());
    for p in &lex.phrase_entries {
        w.opt_u32(p.entity);
        w.bool(p.entity_caps);
        w.title(p.title);
        w.bool(p.role);
        w.nominal(p.nominal);
        w.bool(p.speech);
        w.bool(p.demonym);
    }
    w.keys(&lex.phrase_prefixes, &[]);
    w.len(lex.max_phrase_words);
    w.len(lex.entities.len());
    for e in &lex.entities {
        w.kind(e.kind);
        w.str(&e.canonical);
        match e.class {
            Some(c) => {
                w.u8(1);
                w.u16(c);
            }
            None => w.u8(0),
        }
        w.u64(e.population);
        w.bool(e.user);
        w.strs(&e.heads);
    }
    w.len(lex.stance_cues.len());
    for c in &lex.stance_cues {
        w.len(c.words.len());
        for word in &c.words {
            match word {
                CueWord::Forms(forms) => {
                    w.u8(0);
                    w.strs(forms);
                }
                CueWord::Literal(s) => {
                    w.u8(1);
                    w.str(s);
                }
                CueWord::Slot => w.u8(2),
            }
        }
        w.bool(c.polarity == Polarity::Oppose);
        w.str(&c.act);
        w.bool(c.fixed);
        w.u8(match c.frame {
            Frame::Object => 0,
            Frame::Subject => 1,
            Frame::Source => 2,
        });
    }
    w.len(lex.boilerplate.len());
    for b in &lex.boilerplate {
        let (tag, s) = match b {
            BoilerplateRule::Prefix(s) => (0, s),
            BoilerplateRule::Line(s) => (1, s),
            BoilerplateRule::Contains(s) => (2, s),
        };
        w.u8(tag);
        w.str(s);
    }
    w.len(lex.demands.len());
    for d in &lex.demands {
        w.strs(d);
    }
    w.strs(&lex.classes);
    w.strs(&lex.nouns);
    // the small maps in a fixed (sorted) order, so the bytes are the same every build
    let mut phrasal: Vec<(&str, u32)> = lex.phrasal.iter().map(|(k, &v)| (&**k, v)).collect();
    phrasal.sort_unstable();
    w.len(phrasal.len());
    for (k, v) in phrasal {
        w.str(k);
        w.u32(v);
    }
    let mut places: Vec<(&str, &str)> = lex
        .demonym_places
        .iter()
        .map(|(k, v)| (&**k, &**v))
        .collect();
    places.sort_unstable();
    w.len(places.len());
    for (k, v) in places {
        w.str(k);
        w.str(v);
    }
    let mut roles: Vec<&str> = lex.speaking_roles.iter().map(|k| &**k).collect();
    roles.sort_unstable();
    w.strs(&roles);
    w.u32(lex.surnames_seen);
    // made from the rest, but stored: a start would walk every phrase to make them
    w.bytes(&facts);
    let Writer {
        values: mut out,
        strings,
    } = w;
    let at = out.len() as u32;
    out[..4].copy_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&strings);
    out
}

/// The lexicon [`write`] wrote into `data`, with the word entries `entries` (which the
/// snapshot does not hold: see [`super::entries`]).
pub(super) fn read(data: &'static [u8], entries: Entries) -> Lexicon {
    let mut r = Reader {
        data,
        pos: 0,
        strings: "",
        string_pos: 0,
    };
    let at = r.len();
    // written from `str`s
    r.strings = data
        .get(at..)
        .and_then(|s| std::str::from_utf8(s).ok())
        .unwrap_or("");
    let words = r.keys();
    let phrases = r.keys();
    let phrase_entries = (0..r.len())
        .map(|_| PhraseEntry {
            entity: r.opt_u32(),
            entity_caps: r.bool(),
            title: r.title(),
            role: r.bool(),
            nominal: r.nominal(),
            speech: r.bool(),
            demonym: r.bool(),
        })
        .collect();
    let phrase_prefixes = r.keys();
    let max_phrase_words = r.len();
    let entities = (0..r.len())
        .map(|_| KnownEntity {
            kind: r.kind(),
            canonical: r.str().to_string(),
            class: (r.u8() != 0).then(|| r.u16()),
            population: r.u64(),
            user: r.bool(),
            heads: r.strs(),
        })
        .collect();
    let stance_cues = (0..r.len())
        .map(|_| StanceCue {
            words: (0..r.len())
                .map(|_| match r.u8() {
                    0 => CueWord::Forms(r.strs()),
                    1 => CueWord::Literal(r.str().to_string()),
                    _ => CueWord::Slot,
                })
                .collect(),
            polarity: if r.bool() {
                Polarity::Oppose
            } else {
                Polarity::Support
            },
            act: r.str().to_string(),
            fixed: r.bool(),
            frame: match r.u8() {
                0 => Frame::Object,
                1 => Frame::Subject,
                _ => Frame::Source,
            },
        })
        .collect();
    let boilerplate = (0..r.len())
        .map(|_| {
            let tag = r.u8();
            let s = r.str().to_string();
            match tag {
                0 => BoilerplateRule::Prefix(s),
                1 => BoilerplateRule::Line(s),
                _ => BoilerplateRule::Contains(s),
            }
        })
        .collect();
    let demands = (0..r.len()).map(|_| r.strs()).collect();
    let classes = r.strs();
    let nouns = r.strs();
    let mut phrasal = FxHashMap::default();
    for _ in 0..r.len() {
        let k: Box<str> = r.str().into();
        phrasal.insert(k, r.u32());
    }
    let mut demonym_places = FxHashMap::default();
    for _ in 0..r.len() {
        let k: Box<str> = r.str().into();
        demonym_places.insert(k, r.str().into());
    }
    let speaking_roles = (0..r.len()).map(|_| r.str().into()).collect();
    let surnames_seen = r.u32();
    let facts = std::borrow::Cow::Borrowed(r.bytes());
    Lexicon {
        words,
        entries,
        phrases,
        phrase_entries,
        phrase_prefixes,
        max_phrase_words,
        entities,
        stance_cues,
        boilerplate,
        demands,
        classes,
        nouns,
        phrasal,
        demonym_places,
        speaking_roles,
        surnames_seen,
        facts,
        // the facts the keys were frozen with are these
        slot_facts: true,
    }
}

/// The gender a byte of [`Writer::gender`] stands for.
fn gender_of(b: u8) -> Gender {
    match b {
        1 => Gender::Male,
        2 => Gender::Female,
        _ => Gender::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a lexicon holds, in an order that does not depend on how it was built.
    fn contents(lex: &Lexicon) -> Vec<String> {
        let mut out: Vec<String> = lex
            .words
            .iter()
            .map(|(k, id)| format!("word {k:?} {id} {:?}", lex.entry(id)))
            .collect();
        out.extend(
            lex.phrases
                .iter()
                .map(|(k, i)| format!("phrase {k:?} {:?}", lex.phrase_entries[i as usize])),
        );
        out.extend(
            lex.phrase_prefixes
                .iter()
                .map(|(k, _)| format!("prefix {k:?}")),
        );
        out.extend(lex.phrasal.iter().map(|kv| format!("phrasal {kv:?}")));
        out.extend(
            lex.demonym_places
                .iter()
                .map(|kv| format!("demonym {kv:?}")),
        );
        out.extend(lex.speaking_roles.iter().map(|k| format!("speaks {k:?}")));
        out.sort();
        out.push(format!("{} entries", lex.len()));
        out.push(format!("{} phrases", lex.phrase_entries.len()));
        out.push(format!("{:?}", lex.entities));
        out.push(format!("{:?}", lex.stance_cues));
        out.push(format!("{:?}", lex.boilerplate));
        out.push(format!("{:?}", lex.demands));
        out.push(format!("{:?} {:?}", lex.classes, lex.nouns));
        out.push(format!("{} {}", lex.max_phrase_words, lex.surnames_seen));
        let facts: Vec<u8> = (0..lex.len() as u32).map(|id| lex.facts(id)).collect();
        out.push(format!("{facts:?}"));
        out
    }

    #[test]
    fn the_built_in_snapshot_is_the_parsed_data() {
        let parsed = super::super::load::builtin();
        let want = contents(&parsed);
        // the snapshot compiled into this binary, and one written now
        assert!(contents(&Lexicon::builtin()) == want);
        let bytes: &'static [u8] = Box::leak(write(&parsed).into_boxed_slice());
        assert!(contents(&read(bytes, parsed.entries.clone())) == want);
    }

    #[test]
    fn user_entries_add_to_a_snapshot() {
        let mut lex = Lexicon::builtin();
        let n = lex.len();
        let text = "person\tZorblat Quux\ncommon_word\tthe\ncommon_word\tzorbish\n";
        lex.add_user_text(std::path::Path::new("u.tsv"), text)
            .unwrap();
        // "zorblat" (first word of a phrase) and "zorbish" are new words
        assert_eq!(lex.len(), n + 2);
        assert!(lex.phrase("zorblat quux").and_then(|p| p.entity).is_some());
        assert!(lex.phrase_continues("zorblat"));
        assert!(lex.word("zorbish").is_some());
        assert_eq!(lex.word_id("the"), Lexicon::builtin().word_id("the"));
    }
}
