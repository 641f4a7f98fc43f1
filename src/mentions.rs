//! Mentions: the names of people, organizations and places in the text.
//!
//! Takes: the [`Layout`] and the lexicon. Gives: [`Mention`]s, each a byte span of a
//! name (titles kept off it), a provisional kind, the title or role words that stood
//! before it, and the evidence behind the kind. [`crate::resolve`] settles the kinds
//! document-wide and merges mentions into entities.
//!
//! Rules, in order (patterns of English news writing):
//! 1. *Capitalized runs.* A name is a run of capitalized words, with small numbers after
//!    a name ("CBS 2", "Channel 4"), name particles ("Charles de Gaulle"), and "of",
//!    "for", "and", "&" inside an institution's name ("Department for Education and
//!    Skills", "Bank of England") when the run already holds a designator word.
//! 2. *Sentence openers.* A capitalized function word, calendar word or common word at
//!    the start of a sentence or quote is not a name ("The", "Kindergarten"), unless the
//!    run is an institution name ("Daily Telegraph"), or a person's name that opens with
//!    an initial or a given name that is also a word ("M. Lowe", "Tony Kessler",
//!    "Robin Talbot"; also before a town named like a census surname: "Bob Murray"); a
//!    lone common word there is kept only as a weak candidate that must match a name
//!    found elsewhere ("Brown said"), unless it is a given name or a
//!    common surname that acts: a verb of saying or taking sides follows, maybe after
//!    auxiliaries and adverbs, or a past tense after an adverb, or a possessive ("Trump
//!    has accused", "Trump later criticized", "Trump's aides"), or before a modal or a
//!    negated auxiliary and a verb ("Trump will deliver", "DeLay hadn't spoken"), or
//!    before an aside between commas and a verb ("Trump, meanwhile, used"), or before
//!    ", who" ("Don, who..."). A town named like a word
//!    ("Police", "Most") is the word there. A name made a modifier by a hyphen
//!    ("Vienna-based", "Hong Kong-listed", "Pro-Moscow") is not a name, nor is a
//!    legislator's party and state in brackets after a name ("Randy Forbes (R-Va.)").
//! 3. *Titles.* Titles and roles inside a run split it: "CTU President Jesse Sharkey"
//!    is the organization "CTU", the role "President" and the person "Jesse Sharkey";
//!    "Mayor Lori Lightfoot" is a person with the title "Mayor".
//! 4. *Kinds*, first that applies: a known name from the lists; a title before it
//!    (person); a designator word (organization or place: "Union", "Avenue"); an acronym
//!    (organization); a given name or an initial first (person); a place from GeoNames; a two- to
//!    four-word name of uncommon words (person); a single uncommon word (organization,
//!    weak), or place after "in"/"at"/"from".
//! 5. *All-capital text* (headlines, datelines such as "CHICAGO (CBS) —"): only names in
//!    the lists are taken, ignoring case (not a town named like a word: "CENTRAL"),
//!    and names the story writes in mixed case elsewhere ("SHEARER" for "Alan
//!    Shearer").
//! 6. *Sport* (`mentions/sport.rs`): in results, fixtures and tables, a side named after
//!    a city, county or state is a club (organization): "Chicago 3 Atlanta 2",
//!    "Lancashire beat Kent", "BOSTON 70 61 .534"; the name's other mentions
//!    follow, except datelines and names after "in"/"at". Names in a cricket scorecard
//!    are players ("c Lowe b Moreno").
//! 7. *Context.* "the town of X", "the province of X": a place. A town's name that is
//!    also a surname and speaks ("Dole said") is a person, in all its mentions. A name
//!    that opens with a place and goes on ("Tokyo Stock Exchange", "Texas Rangers",
//!    "Paris Newsdesk", "Real Madrid") is an organization named after its seat; so is a
//!    name of partners ("Hadley & Brisco"). A name ending in an event word ("World
//!    Cup", "U.S. Open", "Venice Film Festival": data/event_words.txt) is not an entity. A number after a
//!    name is a score or a table cell, not part of it, when another number follows or
//!    the line ends with it after an earlier number ("Hull 2 Bristol City 1"). The
//!    words around a name can say organization: an organization noun before it ("chain
//!    Kowalczyk", "the daily Le Soir"), a role of its people after it ("Acme spokesman
//!    Dan Morrow") or a noun only organizations have ("Acme shares"), "the" before a
//!    plural of a common word ("the Falcons", not inside a title: "Top of the Pops");
//!    names typed by their given name, title or place win. The object of a verb of
//!    taking sides (a one-word verb cue of data/stance_cues.tsv) is a name even when
//!    its words are common: "accused Trump of" (a surname before "of"), "praised Planned
//!    Parenthood" (organization). After an honorific a place's name is a person's ("Mr.
//!    Obama", a town in Japan); after a title so is a town of the gazetteer named like
//!    a census surname or no common word ("President Bush": Būsh, Egypt, folded;
//!    "Senator Obama"; not "Premier Rugby"); and a town named like a census surname is
//!    a person's before "administration", "campaign", "presidency" ("the Clinton
//!    campaign", not "the Iowa campaign").
//!
//! Limits: no part-of-speech tagger; a capitalized common word in mid-sentence
//! ("Respect", a party) is found only when the lists or context name it. A common noun
//! that is also a surname, opening a sentence without an article before a modal, is
//! taken for a name ("Price will rise").
//!
//! Cost: linear in the tokens. The known names starting at a token are looked up once
//! (the rules ask again for shorter runs: the answer is the longest match that fits),
//! but for a token more than 32 tokens into a run, looked up each time. Only a word or
//! number whose token says a phrase starts with it is looked up at all; with a
//! [`MentionIndex`] (the pipeline's), a lower-case word is looked up only when some
//! known name written in lower case ("eBay") starts with it, and a word without a
//! period is matched by its word id: the one-word names by a table per id, the longer
//! names read as text only when the first two words' ids open one.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::Span;
use crate::kind::{Gender, Kind};
use crate::layout::{Layout, WordSet, Words};
use crate::lexicon::{CueWord, Frame, Lexicon, TitleClass, WordId, fact, flag, push_lower};
use crate::tokens::{QuoteMark, Token, TokenKind, shape};

mod sport;

/// Evidence bits behind a mention's kind.
pub mod evidence {
    /// A name from the lists.
    pub const LEXICON: u32 = 1;
    /// A title or role word stood before it.
    pub const TITLE: u32 = 1 << 1;
    /// An honorific ("Mr", "Ms") stood before it.
    pub const HONORIFIC: u32 = 1 << 2;
    /// It holds an organization or place designator word.
    pub const DESIGNATOR: u32 = 1 << 3;
    /// All-capital acronym.
    pub const ACRONYM: u32 = 1 << 4;
    /// Starts with a given name.
    pub const GIVEN: u32 = 1 << 5;
    /// A GeoNames place.
    pub const PLACE: u32 = 1 << 6;
    /// Several uncommon capitalized words.
    pub const NAME_SHAPE: u32 = 1 << 7;
    /// A lone uncommon capitalized word.
    pub const SINGLE: u32 = 1 << 8;
    /// A lone common word at the start of a sentence: kept only if it matches a name.
    pub const WEAK_OPENER: u32 = 1 << 9;
    /// Found in all-capital text.
    pub const CAPS: u32 = 1 << 10;
    /// Subject or object of a speech verb ("X said", "said X").
    pub const SPEAKER: u32 = 1 << 11;
    /// After "in", "at", "from", "near".
    pub const PLACE_PREP: u32 = 1 << 12;
    /// A surname from the census list.
    pub const SURNAME: u32 = 1 << 13;
    /// A lone capitalized common word in mid-sentence.
    pub const COMMON: u32 = 1 << 14;
    /// Starts with an initial ("M. Lowe", "J. Adams").
    pub const INITIAL: u32 = 1 << 15;
    /// Plays a match: a side in a score, a fixture or a result ("Leeds 2 Hull 1").
    pub const TEAM: u32 = 1 << 16;
    /// A player in a cricket scorecard ("c Lowe b Moreno").
    pub const PLAYER: u32 = 1 << 17;
    /// Opens with a place's name, then more words: named after its seat ("Tokyo Stock
    /// Exchange", "Texas Rangers").
    pub const PLACE_NAMED: u32 = 1 << 18;
    /// The words around it say organization: a descriptor before it ("chain Kowalczyk",
    /// "the daily Le Soir"), a role of its people after it ("Acme spokesman
    /// Dan Morrow"), or "the" before a plural of a common word ("the Falcons").
    pub const ORG_CONTEXT: u32 = 1 << 19;
    /// Two or more capitalized common words in mid-sentence ("Planned Parenthood").
    pub const COMMON_RUN: u32 = 1 << 20;
}

/// One name in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name's bytes (no title, no possessive).
    pub span: Span,
    /// Token range of the name.
    pub tokens: (u32, u32),
    /// Provisional kind; `None` when only context can tell.
    pub kind: Option<Kind>,
    /// A known entity from the lists.
    pub known: Option<u32>,
    /// Title or role words before the name ("Mayor", "CTU President" → "President").
    pub title: Option<Span>,
    /// The title is an honorific (Mr, Ms, Dr).
    pub honorific: bool,
    /// Index (in the output list) of an organization or place that stood before the
    /// title inside the same run ("CTU" in "CTU President Jesse Sharkey").
    pub prefix: Option<usize>,
    /// Gender implied by a title or given name.
    pub gender: Gender,
    /// Sentence index.
    pub sentence: u32,
    /// [`evidence`] bits.
    pub evidence: u32,
}

impl Mention {
    /// True when the evidence bit is set.
    pub fn has(&self, bit: u32) -> bool {
        self.evidence & bit != 0
    }

    /// Number of tokens in the name.
    pub fn len(&self) -> usize {
        (self.tokens.1 - self.tokens.0) as usize
    }

    /// True for an empty name (never produced).
    pub fn is_empty(&self) -> bool {
        self.tokens.0 == self.tokens.1
    }
}

/// True for a name particle ("de Gaulle", "van der Westhuizen"), given in lower case.
/// A `match` on the bytes, not a list compared word by word: asked after every
/// capitalized run.
fn is_particle(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"de"
            | b"da"
            | b"di"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"du"
            | b"del"
            | b"della"
            | b"dos"
            | b"das"
            | b"bin"
            | b"ibn"
            | b"al"
            | b"el"
            | b"la"
            | b"le"
            | b"ter"
            | b"ten"
            | b"y"
    )
}
/// True when token `t` is a name particle ([`is_particle`]). Inline: asked after every
/// capitalized run.
#[inline(always)]
fn is_particle_token(w: &Words, t: Token) -> bool {
    // a lower-case word's ASCII letters are all lower case: its bytes are the particle
    // as written (no particle is longer than five bytes)
    t.kind == TokenKind::Word
        && t.is(shape::LOWER)
        && t.span.len() <= 5
        && is_particle(t.span.bytes(w.text))
}

const CONNECTORS: &[&str] = &["of", "for", "and", "&", "on", "de"];
/// Nouns for places that name one with "of": "the town of Arbil".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "towns",
    "city",
    "village",
    "villages",
    "province",
    "region",
    "county",
    "district",
    "island",
    "islands",
    "capital",
    "port",
    "suburb",
    "suburbs",
    "outskirts",
    "enclave",
    "territory",
    "municipality",
    "prefecture",
    "hamlet",
    "valley",
];

/// Nouns after a name that make it an organization's ("Acme shares", "Air Nord
/// workers"), besides the organization nominals of data/nominals.tsv ("newspaper").
const ORG_NOUNS_AFTER: WordSet = WordSet::new(&[
    "shares",
    "stock",
    "shareholders",
    "headquarters",
    "workers",
    "employees",
    "staff",
    "flight",
    "flights",
    "freighter",
    "subsidiary",
    "plant",
    "factory",
    "executives",
]);

/// [`PLACE_NOUNS`] as a [`WordSet`].
const PLACE_NOUN_LIST: WordSet = WordSet::new(PLACE_NOUNS);

/// [`PLACE_PREPS`] as a [`WordSet`].
const PLACE_PREP_LIST: WordSet = WordSet::new(PLACE_PREPS);

/// Words that name what is named after a person ("the Clinton campaign").
const NAMED_AFTER: WordSet = WordSet::new(&["administration", "campaign", "presidency"]);

/// Saint, as a name's first word ("St Dunstan", "St. Louis").
const SAINTS: WordSet = WordSet::new(&["st", "st.", "saint", "ste", "ste."]);

/// Modal verbs: a name before one and a verb is its subject ("Trump will deliver").
const MODALS: &[&str] = &["will", "would", "could", "should", "must", "might", "can"];

/// Prefixes that make a modifier of a name ("pro-Moscow", "anti-NATO", "ex-Soviet").
const HYPHEN_PREFIXES: &[&str] = &["pro", "anti", "non", "ex", "post", "pre", "neo", "mid"];

/// The letters of `t`, counted up to `max`: the rules only compare the count with a
/// small number, and need not read a long word to its end.
fn letters_up_to(t: &str, max: usize) -> usize {
    // ASCII bytes without decoding characters, the rest (if any) as characters
    let mut n = 0;
    for (i, &c) in t.as_bytes().iter().enumerate() {
        if n == max {
            break;
        }
        if !c.is_ascii() {
            return n + t[i..]
                .chars()
                .filter(|c| c.is_alphabetic())
                .take(max - n)
                .count();
        }
        n += usize::from(c.is_ascii_alphabetic());
    }
    n
}

/// True when `t` has two letters or more: [`letters_up_to`]`(t, 2) > 1`, without its
/// call for a word that opens with two ASCII letters (nearly every name; asked of most
/// one-word runs).
#[inline(always)]
fn has_two_letters(t: &str) -> bool {
    match t.as_bytes() {
        [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => true,
        _ => letters_up_to(t, 2) > 1,
    }
}

/// True when the bytes of `span` in `text` hold `byte`. Inline: asked of most runs'
/// words (a hyphen, a period), and most words are short: a word of up to eight bytes is
/// read as one `u64` from the text (which must go on for eight bytes from its start)
/// and compared with `byte` in all its bytes at once, not byte by byte.
#[inline(always)]
fn has_byte(text: &str, span: Span, byte: u8) -> bool {
    let (start, len) = (span.start as usize, span.len());
    if len <= 8
        && let Some(word) = text.as_bytes().get(start..start + 8)
        && let Ok(word) = <[u8; 8]>::try_from(word)
    {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // a byte of `x` is zero where the text holds `byte`
        let x = u64::from_le_bytes(word) ^ (u64::from(byte) * 0x0101_0101_0101_0101);
        // the high bit of each byte that is zero, and of no other (no carry from one
        // byte to the next: the low seven bits plus 0x7f stay below 0x100)
        let zero = !(((x & !HIGH) + !HIGH) | x) & HIGH;
        // the span's own bytes, the first `len` of the eight (little-endian)
        let own = if len == 8 {
            u64::MAX
        } else {
            (1 << (8 * len)) - 1
        };
        return zero & own != 0;
    }
    span.bytes(text).contains(&byte)
}

/// "M.", "J.": one capital letter and a period.
fn is_initial(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

pub(crate) const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "across",
    "throughout",
];

/// What the recognizer derives from the lists once per program (see
/// [`Recognizer::with_index`]): the known names by word id, the one-word names and the
/// first two words of the longer ones, so that the names at a token without a period
/// are found without building their text keys. With it, the recognizer also trusts
/// each token's [`fact::LOWER_NAME_START`]: a lower-case word without it is no known
/// name's start, without a phrase look-up (without the index, every word is looked up:
/// the tests hold the two to the same mentions).
#[derive(Debug, Default)]
pub struct MentionIndex {
    /// The first two words of every known name of two words or more, as word ids
    /// (`first << 32 | second`), when both are words of the lists: a name whose first
    /// two words are two tokens without a period is read only when they are a pair here.
    pairs: FxHashSet<u64>,
    /// Per word id, the known entity whose one-word name is that word, as
    /// `(entity + 1) << 1 | all-capitals`, 0 for none: what a phrase look-up of a token
    /// without a period would find, without building its key.
    singles: Vec<u32>,
}

impl MentionIndex {
    /// The index of the lexicon's phrases.
    pub fn new(lex: &Lexicon) -> Self {
        let mut pairs = FxHashSet::default();
        let mut singles = vec![0u32; lex.len()];
        for (key, p) in lex.phrases() {
            let Some(id) = p.entity else { continue };
            // a word not in the lists is no token's word id: no id reads it (the words
            // are split at a byte, not a `char` pattern: one pass per phrase of the lists)
            let space = |k: &str| k.bytes().position(|b| b == b' ');
            if let Some(at) = space(key) {
                let (first, rest) = (&key[..at], &key[at + 1..]);
                let second = &rest[..space(rest).unwrap_or(rest.len())];
                if let (Some(a), Some(b)) = (lex.word_id(first), lex.word_id(second)) {
                    pairs.insert(u64::from(a) << 32 | u64::from(b));
                }
            } else if let Some(word) = lex.word_id(key) {
                singles[word as usize] = (id + 1) << 1 | u32::from(p.entity_caps);
            }
        }
        MentionIndex { pairs, singles }
    }

    /// The known entity named by word `id` alone, and whether its name is listed in
    /// capitals.
    fn single(&self, id: WordId) -> Option<(u32, bool)> {
        match self.singles.get(id as usize) {
            Some(&v) if v != 0 => Some(((v >> 1) - 1, v & 1 != 0)),
            _ => None,
        }
    }

    /// True when some known name of two words or more opens with words `first`, `second`.
    fn pair(&self, first: WordId, second: WordId) -> bool {
        self.pairs
            .contains(&(u64::from(first) << 32 | u64::from(second)))
    }

    /// The first of `tokens` that [`Recognizer::recognize`] reads: a capitalized word,
    /// or a lower-case word that some known name a lower-case word can open starts
    /// with (its token says so: no per-word table is read). Out of line: the loop over
    /// most tokens of the text keeps its slices in registers, whatever the rules around
    /// it hold.
    #[inline(never)]
    fn next_read(&self, tokens: &[Token]) -> Option<usize> {
        // the index is had from what is left of the slice: one counter in the loop. The
        // shape and fact bits are asked in one test of the two bytes (side by side in
        // the token as laid out now, they are then read at once)
        const READ: u16 = shape::CAP as u16 | (fact::LOWER_NAME_START as u16) << 8;
        let mut rest = tokens.iter();
        while let Some(t) = rest.next() {
            if t.kind == TokenKind::Word
                && (u16::from(t.shape) | u16::from(t.facts) << 8) & READ != 0
            {
                return Some(tokens.len() - rest.as_slice().len() - 1);
            }
        }
        None
    }
}

/// True when `t` is a word or number that some phrase of the lists starts with (what
/// [`flag::PHRASE_START`] of its entry says, read from the token).
#[inline(always)]
fn phrase_start(t: Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number) && t.has(fact::PHRASE_START)
}

/// Slots of [`Recognizer`]'s `memo`: a token further into a run than this is looked up
/// each time it is asked of (runs that long are rare).
const MEMO_SLOTS: usize = 32;

/// Finds mentions. Build once per thread; holds reusable buffers.
pub struct Recognizer<'l> {
    lex: &'l Lexicon,
    index: Option<&'l MentionIndex>,
    key: String,
    /// Ends of the words of `key` (reused by [`Recognizer::known_at`]).
    bounds: Vec<usize>,
    /// For each token from `memo_from` on, its range in `hits` once looked up, as (run,
    /// start, length): the rules ask for the known names at one token several times,
    /// with different run ends. Only the tokens of the run being read are asked of (see
    /// [`Recognizer::read_from`]): a slot per token of the run, not one per token of the
    /// document written afresh for every document (a cache miss a line of it); a slot
    /// holds an answer only when its run is `run`, so a new run clears none.
    memo: [(u32, u32, u32); MEMO_SLOTS],
    /// The token of `memo`'s first slot.
    memo_from: usize,
    /// The number of the run being read (from 1: the slots are of run 0 at first).
    run: u32,
    /// (length in tokens, entity id) of the known names starting at a token, longest
    /// first.
    hits: Vec<(u32, u32)>,
}

impl<'l> Recognizer<'l> {
    /// A recognizer over the lexicon.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Recognizer {
            lex: lexicon,
            index: None,
            key: String::new(),
            bounds: Vec::new(),
            memo: [(0, 0, 0); MEMO_SLOTS],
            memo_from: 0,
            // (no slot is of a run yet, not even before the first `read_from`)
            run: 1,
            hits: Vec::new(),
        }
    }

    /// A recognizer over the lexicon with its [`MentionIndex`] (built once per program):
    /// the same mentions, fewer look-ups.
    pub fn with_index(lexicon: &'l Lexicon, index: &'l MentionIndex) -> Self {
        Recognizer {
            index: Some(index),
            ..Recognizer::new(lexicon)
        }
    }

    /// All mentions in the document, in text order.
    pub fn recognize(&mut self, text: &str, layout: &Layout) -> Vec<Mention> {
        let w = Words {
            text,
            layout,
            lexicon: self.lex,
        };
        // room for the usual share of names among the tokens, not grown name by name
        let mut out = Vec::with_capacity(layout.tokens.len() / 10);
        let mut caps_tokens = Vec::new();
        // (a run's known names are a few: not grown one by one)
        self.hits.reserve(8);
        for (si, sent) in layout.sentences.iter().enumerate() {
            let (s, e) = (sent.tokens.start, sent.tokens.end);
            let caps_end = s + caps_zone(&w, s, e);
            caps_tokens.extend(s..caps_end);
            let mut i = s;
            while i < caps_end {
                if let Some((len, id)) = self.known_at(&w, i, e, true)
                    && !(len == 1 && self.is_word_town(&w, i, id))
                {
                    self.push_known(&w, &mut out, i, i + len, id, si, evidence::CAPS);
                    i += len;
                } else {
                    i += 1;
                }
            }
            while i < e {
                // the tokens no rule reads (not words, or lower-case words that open no
                // known name a lower-case word can open: most tokens) are passed over in
                // one tight scan of the sentence's slice, without a bounds check a token
                let rest = &layout.tokens[i..e];
                let next = match self.index {
                    Some(ix) => ix.next_read(rest),
                    None => rest.iter().position(|t| {
                        t.kind == TokenKind::Word && (t.is(shape::CAP) || t.word.is_some())
                    }),
                };
                let Some(skip) = next else {
                    break;
                };
                i += skip;
                let t = &rest[skip];
                // the rules read from here on: the known names asked of are from here on
                self.read_from(i);
                if !t.is(shape::CAP) {
                    // lower-case known names ("al-Qaeda", "eBay"); the index's answer was
                    // asked above, not in a call per lower-case word that starts a phrase
                    if t.has(fact::PHRASE_START)
                        && let Some((len, id)) = self.known_at(&w, i, e, false)
                    {
                        self.push_known(&w, &mut out, i, i + len, id, si, 0);
                        i += len;
                        continue;
                    }
                    i += 1;
                    continue;
                }
                // a known name may run past the capitals ("Channel 4")
                let known_end = self
                    .known_at(&w, i, e, false)
                    .map(|(len, _)| i + len)
                    .unwrap_or(i);
                let end = self.chunk_end(&w, i, e).max(known_end);
                self.chunk(&w, &mut out, i, end, s, si);
                i = end;
            }
        }
        if !caps_tokens.is_empty() {
            self.caps_names(&w, &mut out, &caps_tokens);
        }
        sport::mark_teams(&w, &mut out);
        sport::mark_players(&w, &mut out);
        self.towns_that_speak(&w, &mut out);
        out
    }

    /// Rule 6: in all-capital text, the names the story writes in mixed case elsewhere
    /// ("PETTIGREW" for "Alan Pettigrew", "KANSAS CITY" for "Kansas City"). `caps` lists the
    /// tokens of all-capital stretches in text order.
    #[cold]
    #[inline(never)]
    fn caps_names(&mut self, w: &Words, out: &mut Vec<Mention>, caps: &[usize]) {
        let mut names: FxHashMap<String, Kind> = FxHashMap::default();
        for m in out.iter().filter(|m| !m.has(evidence::CAPS)) {
            let Some(kind) = m.kind else { continue };
            let words: Vec<String> = (m.tokens.0 as usize..m.tokens.1 as usize)
                .filter(|&i| w.tok(i).kind != TokenKind::Possessive)
                .map(|i| w.text_of(i).to_lowercase())
                .collect();
            if kind == Kind::Person && words.len() >= 2 {
                if let Some(last) = words.last() {
                    names.entry(last.clone()).or_insert(kind);
                }
            }
            names.insert(words.join(" "), kind);
        }
        let mut covered = vec![false; w.layout.tokens.len()];
        for m in out.iter() {
            covered[m.tokens.0 as usize..m.tokens.1 as usize].fill(true);
        }
        let mut found = Vec::new();
        let mut k = 0;
        while k < caps.len() {
            let i = caps[k];
            // consecutive capital words of one sentence, not yet taken
            let run = caps[k..]
                .iter()
                .enumerate()
                .take_while(|&(d, &j)| {
                    j == i + d
                        && !covered[j]
                        && w.tok(j).kind == TokenKind::Word
                        && w.layout.sentence_of[j] == w.layout.sentence_of[i]
                })
                .count();
            let mut hit = None;
            for len in (1..=run.min(4)).rev() {
                let key = (i..i + len)
                    .map(|j| w.text_of(j).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" ");
                if len == 1 && w.has(i, flag::FUNCTION) {
                    break;
                }
                if let Some(&kind) = names.get(&key) {
                    hit = Some((len, kind));
                    break;
                }
            }
            match hit {
                Some((len, kind)) => {
                    let si = w.layout.sentence_of[i] as usize;
                    self.push(w, &mut found, i, i + len, si, Some(kind), evidence::CAPS);
                    k += len;
                }
                None => k += 1,
            }
        }
        if found.is_empty() {
            return;
        }
        // merge in text order, keeping `prefix` indices right
        let old = std::mem::take(out);
        let mut order: Vec<(u32, bool, usize)> = old
            .iter()
            .enumerate()
            .map(|(i, m)| (m.tokens.0, false, i))
            .chain(found.iter().enumerate().map(|(i, m)| (m.tokens.0, true, i)))
            .collect();
        order.sort_unstable();
        let mut new_index = vec![0; old.len()];
        for (pos, &(_, is_new, i)) in order.iter().enumerate() {
            if !is_new {
                new_index[i] = pos;
            }
        }
        let (mut old, mut found): (Vec<Option<Mention>>, Vec<Option<Mention>>) = (
            old.into_iter().map(Some).collect(),
            found.into_iter().map(Some).collect(),
        );
        for (_, is_new, i) in order {
            let mut m = if is_new {
                found[i].take()
            } else {
                old[i].take()
            };
            if let Some(m) = m.as_mut() {
                m.prefix = m.prefix.map(|p| new_index[p]);
            }
            out.extend(m);
        }
    }

    /// The longest known entity starting at token `i` (not past `end`):
    /// (length in tokens, entity id). `any_case` ignores capitalization (all-caps text).
    /// Inline: the rules ask it several times per run, and after the first time the
    /// answer is in `memo`.
    #[inline]
    fn known_at(
        &mut self,
        w: &Words,
        i: usize,
        end: usize,
        any_case: bool,
    ) -> Option<(usize, u32)> {
        if any_case {
            return self.known_any_case(w, i, end);
        }
        // every match at `i` whatever the end, once: the answer for an end is the
        // longest that fits before it
        let (from, len) = match self.memo.get(i.wrapping_sub(self.memo_from)) {
            Some(&(run, from, len)) if run == self.run => (from, len),
            _ => self.look_up(w, i),
        };
        // most tokens open no known name: no slice of `hits` to read
        if len == 0 {
            return None;
        }
        let room = end.saturating_sub(i);
        self.hits[from as usize..(from + len) as usize]
            .iter()
            .find(|&&(n, _)| n as usize <= room)
            .map(|&(n, id)| (n as usize, id))
    }

    /// [`Recognizer::known_at`] in all-capital text: not kept in `memo`.
    #[inline(never)]
    fn known_any_case(&mut self, w: &Words, i: usize, end: usize) -> Option<(usize, u32)> {
        let from = self.hits.len();
        self.scan_known(w, i, end, true, false);
        let found = self.hits.get(from).map(|&(n, id)| (n as usize, id));
        self.hits.truncate(from);
        found
    }

    /// Finds every known name starting at token `i` and records them in `memo`.
    #[inline(never)]
    fn look_up(&mut self, w: &Words, i: usize) -> (u32, u32) {
        let from = self.hits.len();
        let first = w.tok(i);
        // no known name a lower-case word can open starts with it, or none at all (the
        // scan's own first test, asked here without the call): none to find
        let lower_none =
            !first.is(shape::CAP) && self.index.is_some() && !first.has(fact::LOWER_NAME_START);
        if !lower_none && phrase_start(first) {
            self.scan_known(w, i, w.layout.tokens.len(), false, true);
        }
        let found = (from as u32, (self.hits.len() - from) as u32);
        // (a token before the run is not kept: never asked, and it has no slot)
        if let Some(slot) = self.memo.get_mut(i.wrapping_sub(self.memo_from)) {
            *slot = (self.run, found.0, found.1);
        }
        found
    }

    /// Starts the memory of known names afresh at token `i`, where the main loop hands
    /// a run (or a lower-case word) to the rules: they ask only of its tokens, from `i`
    /// on.
    #[inline(always)]
    fn read_from(&mut self, i: usize) {
        self.memo_from = i;
        self.run += 1;
        self.hits.clear();
    }

    /// Pushes onto `hits` the known entities starting at token `i` (not past `end`),
    /// longest first: (length in tokens, entity id); only the longest unless `all`.
    fn scan_known(&mut self, w: &Words, i: usize, end: usize, any_case: bool, all: bool) {
        let first = w.tok(i);
        // the token says whether a phrase starts with it, without its entry
        if !phrase_start(first) {
            return;
        }
        let first_flags = self.phrase_flags(first);
        // without a period, the token's lexicon entry is that of its key's first word,
        // whose flags answer the first word's two table lookups
        let plain_first = !has_byte(w.text, first.span, b'.');
        let max = self.lex.max_phrase_words().min(end - i);
        if !any_case
            && plain_first
            && let Some(ix) = self.index
            && let Some(x) = first.word
            && !self.may_run_on(w, ix, i, x, max, first_flags)
        {
            // only the one-word name can match: the word's own, found by its id
            if first_flags & flag::PHRASE_WHOLE != 0
                && let Some((id, caps)) = ix.single(x)
                && self.case_fits(w, i, id, caps)
            {
                self.hits.push((1, id));
            }
            return;
        }
        // tokens joined by spaces, as phrase keys are
        let mut bounds = std::mem::take(&mut self.bounds);
        bounds.clear();
        self.key.clear();
        for j in i..i + max {
            let t = w.tok(j);
            if j > i
                && (t.para != first.para
                    || !matches!(
                        t.kind,
                        TokenKind::Word
                            | TokenKind::Number
                            | TokenKind::Possessive
                            | TokenKind::Punct('&')
                            | TokenKind::Punct('.')
                    )
                    // an abbreviation's period is glued to it ("Fla." but not "Fla .")
                    || (t.kind == TokenKind::Punct('.')
                        && t.span.start != w.tok(j - 1).span.end))
            {
                break;
            }
            if j > i {
                self.key.push(' ');
            }
            push_lower(w.text_of(j), &mut self.key);
            bounds.push(self.key.len());
            let continues = if j == i && plain_first {
                first_flags & flag::PHRASE_PREFIX != 0
            } else {
                self.lex.phrase_continues(&self.key)
            };
            if !continues {
                break; // no longer phrase starts with these words
            }
        }
        for n in (1..=bounds.len()).rev() {
            if n == 1 && plain_first && first_flags & flag::PHRASE_WHOLE == 0 {
                continue;
            }
            let key = &self.key[..bounds[n - 1]];
            if let Some(p) = self.lex.phrase(key)
                && let Some(id) = p.entity
            {
                let last = w.tok(i + n - 1);
                if last.kind == TokenKind::Possessive {
                    continue;
                }
                if !any_case && !self.case_fits(w, i, id, p.entity_caps) {
                    continue;
                }
                self.hits.push((n as u32, id));
                if !all {
                    break;
                }
            }
        }
        self.bounds = bounds;
    }

    /// The lexicon flags of a word or number that may open a known name (0 for any other
    /// token): [`flag::PHRASE_START`] says whether one can.
    #[inline(always)]
    fn phrase_flags(&self, t: Token) -> u32 {
        match (t.kind, t.word) {
            (TokenKind::Word | TokenKind::Number, Some(id)) => self.lex.entry(id).flags,
            _ => 0,
        }
    }

    /// True when the capitals of the name's first token `i` fit known entity `id`, whose
    /// name is listed in capitals when `caps`.
    fn case_fits(&self, w: &Words, i: usize, id: u32, caps: bool) -> bool {
        let first = w.tok(i);
        if caps && !first.is(shape::UPPER) && has_two_letters(w.text_of(i)) {
            return false;
        }
        // "us" is not "US", "labour" is not "Labour"
        if !first.is(shape::CAP) && (caps || self.lex.entities[id as usize].capitalized()) {
            return false;
        }
        true
    }

    /// False when no known name of two tokens or more can start at token `i`, a token
    /// without a period whose word id is `x` (and flags `flags`), with at most `max`
    /// tokens read: the phrase scan would stop at the second token, or the first two
    /// tokens open no known name (a second token without a period and with a word id
    /// reads as that word). True when a longer name may start there.
    fn may_run_on(
        &self,
        w: &Words,
        ix: &MentionIndex,
        i: usize,
        x: WordId,
        max: usize,
        flags: u32,
    ) -> bool {
        if max < 2 || flags & flag::PHRASE_PREFIX == 0 {
            return false;
        }
        let (first, t) = (w.tok(i), w.tok(i + 1));
        // the scan's conditions for reading on to the second token
        if t.para != first.para {
            return false;
        }
        match t.kind {
            TokenKind::Word | TokenKind::Number => match t.word {
                Some(y) if !has_byte(w.text, t.span, b'.') => ix.pair(x, y),
                _ => true,
            },
            TokenKind::Possessive | TokenKind::Punct('&') => true,
            TokenKind::Punct('.') => t.span.start == first.span.end,
            _ => false,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_known(
        &self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        id: u32,
        si: usize,
        extra: u32,
    ) {
        if self.named_after_person(w, a, b, id) {
            self.push(w, out, a, b, si, Some(Kind::Person), evidence::SURNAME);
            return;
        }
        let ent = &self.lex.entities[id as usize];
        out.push(Mention {
            span: w.tok(a).span.cover(w.tok(b - 1).span),
            tokens: (a as u32, b as u32),
            kind: Some(ent.kind),
            known: Some(id),
            title: None,
            honorific: false,
            prefix: None,
            gender: Gender::Unknown,
            sentence: si as u32,
            evidence: evidence::LEXICON | extra,
        });
    }

    /// The end (exclusive) of the capitalized run starting at `i`.
    fn chunk_end(&self, w: &Words, i: usize, e: usize) -> usize {
        let mut j = i + 1;
        // whether the run's first word or a capitalized word the run went on by is a
        // designator that may stand anywhere: only the particle and connector rules ask,
        // and most runs end at neither, so the words' entries are read then, not word by
        // word (a cache miss each). `designator_any` covers the words before `unread`;
        // the words from `unread` to `j` are still to be read.
        let mut designator_any = false;
        let mut unread = i;
        // "and" joins only inside an "X of/for Y" name ("Department for Education and Skills")
        let mut joined_prep = false;
        while j < e {
            let t = w.tok(j);
            let prev = w.tok(j - 1);
            if t.kind == TokenKind::Word && t.is(shape::CAP) {
                j += 1;
                continue;
            }
            // "CBS 2", "Channel 4", "BBC Radio 1"
            if t.kind == TokenKind::Number
                && t.span.len() <= 2
                && w.text_of(j).bytes().all(|b| b.is_ascii_digit())
                && prev.kind == TokenKind::Word
                && !w.has(j - 1, flag::CALENDAR)
                && !w.has(j - 1, flag::ROLE)
                && (prev.is(shape::UPPER) || w.entry(j - 1).and_then(|e| e.org_word).is_some())
                && !self.is_score_number(w, i, j)
            {
                // (the number is no word the rules read for a designator)
                designator_any = designator_any || self.any_designator_in(w, unread, j);
                j += 1;
                unread = j;
                continue;
            }
            // particles inside a person's name, one or two ("de Gaulle", "van der Westhuizen");
            // asked after every run (most end at a lower-case word): two tests, not an
            // iterator over the next two tokens
            let particles = if !is_particle_token(w, t) {
                0
            } else if j + 1 < e && is_particle_token(w, w.tok(j + 1)) {
                2
            } else {
                1
            };
            if particles > 0
                && j + particles < e
                && w.tok(j + particles).is(shape::CAP)
                && w.tok(j + particles).kind == TokenKind::Word
            {
                designator_any = designator_any || self.any_designator_in(w, unread, j);
                unread = j;
                if !designator_any {
                    j += particles + 1;
                    unread = j;
                    continue;
                }
            }
            // "of", "for", "and", "&" inside an institution's name
            // (no connector is longer than three bytes)
            if (t.kind == TokenKind::Word && t.span.len() <= 3 && w.is_any(j, CONNECTORS))
                || t.is_punct('&')
            {
                let mut k = j + 1;
                if k < e && w.is_any(k, &["the"]) && !w.is_any(j, &["and", "&"]) {
                    k += 1;
                }
                let amp = t.is_punct('&') || w.text_of(j) == "&";
                let is_and = w.is_any(j, &["and"]);
                if k < e && w.tok(k).kind == TokenKind::Word && w.tok(k).is(shape::CAP) {
                    designator_any = designator_any || self.any_designator_in(w, unread, j);
                    if (designator_any || amp)
                        && !(is_and && (!joined_prep || self.is_name_list(w, k, e)))
                    {
                        joined_prep |= !is_and && !amp;
                        j = k + 1;
                        unread = j;
                        continue;
                    }
                }
            }
            break;
        }
        j
    }

    /// True when the number at `j` after the run starting at `i` is a score or a table
    /// cell, not part of the name ("Bristol City 5 2 1 2", "Hull 2 Bristol City 1"):
    /// another number follows it, or the line ends with it after an earlier number.
    fn is_score_number(&self, w: &Words, i: usize, j: usize) -> bool {
        let n = w.layout.tokens.len();
        let para = w.tok(j).para;
        let next_number =
            j + 1 < n && w.tok(j + 1).para == para && w.tok(j + 1).kind == TokenKind::Number;
        let line_end = j + 1 == n || w.tok(j + 1).para != para;
        let number_before = (0..i)
            .rev()
            .take_while(|&k| w.tok(k).para == para)
            .any(|k| w.tok(k).kind == TokenKind::Number);
        next_number || (line_end && number_before)
    }

    /// True when a list of separate names continues at `k` ("X and Y, Z"): a comma or
    /// "and" follows the next capitalized run.
    fn is_name_list(&self, w: &Words, k: usize, e: usize) -> bool {
        let mut j = k;
        while j < e && w.tok(j).kind == TokenKind::Word && w.tok(j).is(shape::CAP) {
            j += 1;
        }
        j < e
            && (w.tok(j).is_punct(',') || w.is_any(j, &["and"]))
            && !self.is_any_designator(w, j.saturating_sub(1))
    }

    /// True when one of tokens `[from, to)` is [`Recognizer::is_any_designator`].
    fn any_designator_in(&self, w: &Words, from: usize, to: usize) -> bool {
        (from..to).any(|k| self.is_any_designator(w, k))
    }

    fn is_any_designator(&self, w: &Words, i: usize) -> bool {
        w.entry(i)
            .and_then(|e| e.org_word)
            .is_some_and(|o| !o.head_only)
    }

    fn designator(&self, w: &Words, i: usize) -> Option<Kind> {
        w.entry(i).and_then(|e| e.org_word).map(|o| o.kind)
    }

    /// True when token `i` opens a sentence or a quote (so its capital says nothing).
    fn is_opener(&self, w: &Words, i: usize, sent_start: usize) -> bool {
        if i <= sent_start {
            return true;
        }
        match w.tok(i - 1).kind {
            TokenKind::Quote(q) => q != QuoteMark::SingleClose && q != QuoteMark::DoubleClose,
            TokenKind::Dash
            | TokenKind::Punct(':')
            | TokenKind::Punct('(')
            | TokenKind::Punct('[')
            | TokenKind::Punct('…') => true,
            _ => false,
        }
    }

    /// Processes the capitalized run `[a, b)`.
    fn chunk(
        &mut self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        s: usize,
        si: usize,
    ) {
        let mut a = a;
        if b - a == 1
            && self.is_opener(w, a, s)
            && let Some((_, id)) = self.known_at(w, a, b, false)
            && self.is_word_town(w, a, id)
        {
            // "Police said", "Most of them": a sentence-opening word, not the town
            self.part(w, out, a, b, s, si, None, true);
            return;
        }
        // a known name covering the whole run wins over everything else
        if let Some((len, id)) = self.known_at(w, a, b, false)
            && a + len == b
        {
            self.push_known(w, out, a, b, id, si, 0);
            return;
        }
        let opener = self.is_opener(w, a, s);
        let first = a;
        // asked only by the rare rules below that need it, not of every run
        let has_designator = |this: &Self| (first..b).any(|i| this.designator(w, i).is_some());
        // strip sentence-opening function words, calendar words, common words
        while a < b {
            // what is left is a known name: "The US" ("us" is a function word)
            if a > first
                && w.tok(a).is(shape::UPPER)
                && self
                    .known_at(w, a, b, false)
                    .is_some_and(|(len, _)| a + len == b)
            {
                break;
            }
            let e = w.entry(a);
            let function = e.is_some_and(|e| e.has(flag::FUNCTION));
            let calendar =
                e.is_some_and(|e| e.has(flag::CALENDAR)) && !self.is_given_not_common(w, a);
            let not_entity = e.is_some_and(|e| e.has(flag::NOT_ENTITY));
            // asked only when a rule below needs them (most runs keep their first word):
            // whether the word opens the sentence or a quote, whether it is a common one, and whether it opens a person's name, as
            // an initial before a name ("M. Lowe") and a given name before a surname
            // ("Tony Kessler", "Robin Talbot") do even when they are also words ("m",
            // "tony", "robin")
            let first_is_opener = |this: &Self| a == 0 || opener || this.is_opener(w, a, s);
            let common = |this: &Self| {
                (e.is_some_and(|e| e.has(flag::COMMON)) || this.hyphen_common(w, a))
                    && !this.is_given_not_common(w, a)
            };
            let name_start = |this: &mut Self| {
                b - a > 1 && (is_initial(w.text_of(a)) || this.given_then_surname(w, a, b))
            };
            let strip = (function && !name_start(self))
                || not_entity
                || self.is_hyphen_modifier(w, a)
                || (calendar
                    && (b - a == 1
                        || first_is_opener(self)
                        // a month before a name that is not a person's or an
                        // institution's ("July FOMC", "October Treasury") dates it; not
                        // "Easter Island"
                        || (!has_designator(self) && !self.given_then_surname(w, a, b))
                        || !self.is_name_tail(w, a + 1, b)))
                || (b - a > 1
                    && !w.tok(a).is(shape::UPPER)
                    && first_is_opener(self)
                    && common(self)
                    && !name_start(self)
                    && !has_designator(self)
                    && !self.is_title_word(w, a)
                    && self.known_at(w, a, b, false).is_none());
            if !strip {
                break;
            }
            a += 1;
        }
        // a trailing calendar word ("Blair Monday", "School on Wednesday") is not part
        // of the name, nor is a connector left dangling by it
        let mut b = b;
        loop {
            let calendar = w.has(b - 1, flag::CALENDAR) && !self.is_given_not_common(w, b - 1);
            if b > a && (calendar || w.is_lower(b - 1)) {
                b -= 1;
            } else {
                break;
            }
        }
        if a >= b {
            return;
        }
        let opener = self.is_opener(w, a, s) || a == s;
        if let Some((len, id)) = self.known_at(w, a, b, false)
            && a + len == b
        {
            self.push_known(w, out, a, b, id, si, 0);
            return;
        }

        // titles and roles split the run: [prefix] [title words] [name]
        if let Some((role_start, k)) = self.title_split(w, a, b) {
            let prefix = if role_start > a {
                let before = out.len();
                self.part(w, out, a, role_start, s, si, None, opener);
                (out.len() > before).then(|| out.len() - 1)
            } else {
                None
            };
            let title = Some((role_start, k + 1));
            self.part(w, out, k + 1, b, s, si, title, false);
            if let Some(last) = out.last_mut()
                && last.tokens.0 as usize == k + 1
            {
                last.prefix = prefix;
            }
            return;
        }
        self.part(w, out, a, b, s, si, None, opener);
    }

    /// "In-person", "Long-term": every part of a hyphenated word is a common word.
    #[inline(always)]
    fn hyphen_common(&self, w: &Words, i: usize) -> bool {
        // most words have no hyphen: looked for inline in the token's bytes at once
        // ([`has_byte`]), not by a call that searches its text
        has_byte(w.text, w.tok(i).span, b'-') && self.hyphen_parts_common(w.text_of(i))
    }

    /// True when every part of hyphenated word `t` is a common or function word.
    #[inline(never)]
    fn hyphen_parts_common(&self, t: &str) -> bool {
        t.split('-').all(|p| {
            self.lex
                .word(&p.to_lowercase())
                .is_some_and(|e| e.has(flag::COMMON) || e.has(flag::FUNCTION))
        })
    }

    /// A GeoNames town or city whose name is also a common English word ("Police",
    /// "Most", "Reading", "Nice"): at a sentence start or in capitals it is the word.
    fn is_word_town(&self, w: &Words, i: usize, id: u32) -> bool {
        let ent = &self.lex.entities[id as usize];
        ent.kind == Kind::Place
            && ent.population > 0
            && ent.class.is_some_and(|c| self.lex.class_name(c) == "city")
            && w.has(i, flag::COMMON)
    }

    /// Rule 7: a single-word town that is also a surname and speaks ("Dole said",
    /// "said Clinton"), or stands after an honorific ("Mr Murray"), is a person; so are
    /// the name's other mentions in the story.
    fn towns_that_speak(&self, w: &Words, out: &mut [Mention]) {
        // the mention's own fields first, the word's flags after
        let town = |m: &Mention| {
            let Some(id) = m.known.filter(|_| m.len() == 1) else {
                return false;
            };
            let ent = &self.lex.entities[id as usize];
            w.has(m.tokens.0 as usize, flag::SURNAME)
                && ent.kind == Kind::Place
                && ent.population < 1_000_000
                && ent.class.is_some_and(|c| self.lex.class_name(c) == "city")
        };
        let speakers: Vec<String> = out
            .iter()
            // both kinds of speaker are one word, a known name's or after an honorific:
            // most mentions are ruled out by that, without a call of `town`
            .filter(|m| m.len() == 1 && (m.known.is_some() || m.has(evidence::HONORIFIC)))
            .filter(|m| {
                (town(m) && self.is_speaker_context(w, m.tokens.0 as usize, m.tokens.1 as usize))
                    || (m.has(evidence::HONORIFIC) && w.has(m.tokens.0 as usize, flag::SURNAME))
            })
            .map(|m| m.span.text(w.text).to_lowercase())
            .collect();
        if speakers.is_empty() {
            return;
        }
        for m in out.iter_mut() {
            if m.known.is_some()
                && town(m)
                && speakers.contains(&m.span.text(w.text).to_lowercase())
            {
                m.kind = Some(Kind::Person);
                m.known = None;
                m.evidence = evidence::SPEAKER | evidence::SURNAME | evidence::SINGLE;
            }
        }
    }

    /// The word at `i` is a census surname and entity `id` a town of the gazetteer.
    fn is_surname_town(&self, w: &Words, i: usize, id: u32) -> bool {
        w.has(i, flag::SURNAME) && self.is_town(id)
    }

    /// Entity `id` is a place of the gazetteer: it has a population (the hand-made
    /// list's places, "Hollywood", "US", and states have none).
    fn is_town(&self, id: u32) -> bool {
        let ent = &self.lex.entities[id as usize];
        ent.kind == Kind::Place && ent.population > 0
    }

    /// "the Clinton campaign", "the Bush administration": a town's name that is also a
    /// census surname, before a word for what is named after a person, is the person's.
    fn named_after_person(&self, w: &Words, a: usize, b: usize, id: u32) -> bool {
        b == a + 1
            && self.is_surname_town(w, a, id)
            && b < w.layout.tokens.len()
            && w.is_lower(b)
            && NAMED_AFTER.has_outlined(w, b)
    }

    /// "Tony Kessler", "Robin Talbot": a given name, then one or two words that can be a
    /// surname (in the census list, or no common word) and are not a known name.
    fn given_then_surname(&mut self, w: &Words, a: usize, b: usize) -> bool {
        let n = b - a;
        (2..=3).contains(&n)
            && w.has(a, flag::GIVEN)
            && !w.has(a, flag::FUNCTION)
            && !w.tok(a).is(shape::UPPER)
            && (a + 1..b).all(|i| {
                w.tok(i).kind == TokenKind::Word
                    && !w.tok(i).is(shape::UPPER)
                    && (w.has(i, flag::SURNAME) || !w.has(i, flag::COMMON))
                    && !w.has(i, flag::DEMONYM)
                    && !w.has(i, flag::CALENDAR)
                    && !w.has(i, flag::FUNCTION)
                    && !self.is_title_word(w, i)
            })
            // not a known name, unless a town named like a census surname ("Bob Murray")
            && match self.known_at(w, a + 1, b, false) {
                None => true,
                Some((_, id)) => {
                    n == 2
                        && w.has(a + 1, flag::SURNAME)
                        && self.lex.entities[id as usize].kind == Kind::Place
                        && self.lex.entities[id as usize].population < 1_000_000
                }
            }
    }

    /// "Vienna-based", "Texas-born", "Hong Kong-listed": a name made into a modifier by
    /// a lower-case word after a hyphen describes something else; it is not a name.
    /// Inline, the rest out of line: asked of most runs' first and last words, and most
    /// have no hyphen.
    #[inline(always)]
    fn is_hyphen_modifier(&self, w: &Words, i: usize) -> bool {
        let span = w.tok(i).span;
        // the last hyphen is looked for only in the few words that have one
        has_byte(w.text, span, b'-')
            && span
                .bytes(w.text)
                .iter()
                .rposition(|&b| b == b'-')
                .is_some_and(|hyphen| self.modifier_after_hyphen(&w.text_of(i)[hyphen + 1..]))
    }

    /// The part of [`Recognizer::is_hyphen_modifier`] after the last hyphen: a common
    /// word in lower case.
    #[inline(never)]
    fn modifier_after_hyphen(&self, last: &str) -> bool {
        !last.is_empty()
            && last.chars().all(|c| c.is_lowercase())
            && self.lex.word(last).is_some_and(|e| e.has(flag::COMMON))
    }

    /// "Pro-Moscow", "Anti-NATO", "Ex-Soviet": a prefix makes a lone name a modifier.
    fn is_prefixed_modifier(&self, w: &Words, i: usize) -> bool {
        let t = w.text_of(i);
        t.split_once('-').is_some_and(|(first, rest)| {
            !rest.is_empty()
                && HYPHEN_PREFIXES
                    .iter()
                    .any(|p| first.eq_ignore_ascii_case(p))
        })
    }

    fn is_given_not_common(&self, w: &Words, i: usize) -> bool {
        w.entry(i)
            .is_some_and(|e| e.has(flag::GIVEN) && !e.has(flag::COMMON))
    }

    /// True when `[a, b)` still looks like (part of) a name: not only role words.
    fn is_name_tail(&self, w: &Words, a: usize, b: usize) -> bool {
        (a..b).any(|i| !w.has(i, flag::ROLE) && !w.has(i, flag::CALENDAR))
    }

    /// Is this token (or the phrase ending at it) a title or role word?
    #[inline(always)]
    fn is_title_word(&self, w: &Words, i: usize) -> bool {
        if let Some(e) = w.entry(i) {
            return e.title.is_some() || e.has(flag::ROLE);
        }
        // "Secretary-Treasurer", "Editor-in-Chief": a hyphenated title (the bytes are
        // read first: no character boundaries to check, and most words have no hyphen)
        has_byte(w.text, w.tok(i).span, b'-') && self.is_hyphenated_title(w.text_of(i))
    }

    /// The part of [`Recognizer::is_title_word`] for a hyphenated word not in the lists.
    #[inline(never)]
    fn is_hyphenated_title(&self, t: &str) -> bool {
        t.split('-').any(|p| {
            self.lex
                .word(&p.to_lowercase())
                .is_some_and(|e| e.title.is_some() || e.has(flag::ROLE))
        }) && t.split('-').all(|p| {
            self.lex.word(&p.to_lowercase()).is_some_and(|e| {
                e.title.is_some()
                    || e.has(flag::ROLE)
                    || e.has(flag::ROLE_MOD)
                    || e.has(flag::FUNCTION)
            })
        })
    }

    /// Finds the last title/role token `k` in `[a, b)` with a name after it; returns
    /// (start of the run of role words ending at `k`, `k`).
    fn title_split(&mut self, w: &Words, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut k = b;
        while k > a {
            k -= 1;
            if !self.is_title_word(w, k) {
                continue;
            }
            let name = (k + 1, b);
            if name.0 >= b || name.1 - name.0 > 4 {
                continue;
            }
            // the words after must be a name: no designator, not starting with a title
            // (after an honorific a title word is a surname: "Ms King", "Mr Bishop")
            let honorific = w
                .entry(k)
                .and_then(|e| e.title)
                .is_some_and(|t| t.class == TitleClass::Honorific);
            if (name.0..name.1).any(|i| self.designator(w, i).is_some())
                || (self.is_title_word(w, name.0) && !honorific)
            {
                return None;
            }
            if w.tok(name.0).kind != TokenKind::Word {
                return None;
            }
            // a known organization after a title is not a person ("Chairman BBC"); a place
            // name after a title is a surname ("Mr Kennedy", "President Jackson")
            if let Some((len, id)) = self.known_at(w, name.0, name.1, false)
                && name.0 + len == name.1
                && self.lex.entities[id as usize].kind == Kind::Organization
            {
                return None;
            }
            let mut start = k;
            while start > a {
                let p = start - 1;
                let e = w.entry(p);
                let is_role = e.is_some_and(|e| {
                    e.title.is_some() || e.has(flag::ROLE) || e.has(flag::ROLE_MOD)
                });
                if is_role
                    && self
                        .designator(w, p)
                        .is_none_or(|_| w.has(p, flag::ROLE_MOD))
                {
                    start = p;
                } else {
                    break;
                }
            }
            return Some((start, k));
        }
        None
    }

    /// Classifies and records the name `[a, b)`. `title` is the token range of title
    /// words that stood before it in the same run.
    #[allow(clippy::too_many_arguments)]
    fn part(
        &mut self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        s: usize,
        si: usize,
        title: Option<(usize, usize)>,
        opener: bool,
    ) {
        if a >= b {
            return;
        }
        // the first and last words' entries, read once for the many flags the rules
        // below ask of them (a flag that is a token fact is not among them)
        let first = w.entry(a);
        let last = w.entry(b - 1);
        let first_has = |f: u32| first.is_some_and(|e| e.has(f));
        let last_has = |f: u32| last.is_some_and(|e| e.has(f));
        let mut word_town = false;
        let mut place_as_person = false;
        // "Mr. Obama": after an honorific a place's name is a person's ("Obama" is also a
        // town in Japan); after any title, a town's that is a census surname or no
        // common word ("President Bush": "Būsh" in Egypt; "Senator Obama"; not "Premier
        // Rugby", "Private Idaho", "Queen Phoenix")
        // the title words (from the run, or a lower-case role just before it) and the
        // known names the rules below ask for, each found once
        let title_range = title.or_else(|| self.role_before(w, a, s));
        let whole = self.known_at(w, a, b, false);
        let title_class = title_range.and_then(|(ta, tb)| {
            (ta..tb)
                .filter_map(|i| w.entry(i).and_then(|e| e.title))
                .map(|t| t.class)
                .min_by_key(|&c| c != TitleClass::Honorific)
        });
        if let Some((len, id)) = whole
            && a + len == b
        {
            word_town = len == 1 && opener && self.is_word_town(w, a, id);
            place_as_person = match title_class {
                Some(TitleClass::Honorific) => self.lex.entities[id as usize].kind == Kind::Place,
                Some(TitleClass::Office) => {
                    len == 1
                        && self.is_town(id)
                        && (first_has(flag::SURNAME) || !first_has(flag::COMMON))
                }
                None => false,
            };
            if !word_town && !place_as_person {
                self.push_known(w, out, a, b, id, si, 0);
                return;
            }
        }
        let n = b - a;
        // "the Glasgow Kelvin MP", "Tory Leader": a run ending in a role describes a person,
        // it does not name one
        if n >= 2 && title.is_none() && last_has(flag::ROLE) && self.designator(w, b - 1).is_none()
        {
            return;
        }
        // "St Dunstan", "St. Louis": Saint names places (and churches, saints)
        if n >= 2 && SAINTS.has_outlined(w, a) {
            self.push(w, out, a, b, si, Some(Kind::Place), evidence::DESIGNATOR);
            return;
        }
        // "Stepney Green ward", "Tower Hamlets borough": a lower-case designator after
        // the name gives its kind
        if b < w.layout.tokens.len()
            && w.is_lower(b)
            && let Some(o) = w.entry(b).and_then(|e| e.org_word)
            && !first_has(flag::GIVEN)
            && !first_has(flag::DEMONYM)
            // "South Korean unification ministry", "World Cup group": a people's or an
            // event's name describes the noun
            && !last_has(flag::DEMONYM)
            && !last_has(flag::EVENT)
            && (n >= 2 || !first_has(flag::COMMON))
        {
            self.push(w, out, a, b, si, Some(o.kind), evidence::DESIGNATOR);
            return;
        }
        // asked before the evidence below, which it would discard
        if self.not_a_name(w, a, b) {
            return;
        }
        let span = w.tok(a).span.cover(w.tok(b - 1).span);
        let mut ev = 0u32;
        let mut gender = Gender::Unknown;
        let mut honorific = false;
        let mut title_span = None;

        if let Some((ta, tb)) = title_range {
            ev |= evidence::TITLE;
            title_span = Some(w.tok(ta).span.cover(w.tok(tb - 1).span));
            for i in ta..tb {
                if let Some(t) = w.entry(i).and_then(|e| e.title) {
                    if t.class == TitleClass::Honorific {
                        honorific = true;
                        ev |= evidence::HONORIFIC;
                    }
                    if t.gender != Gender::Unknown {
                        gender = t.gender;
                    }
                }
            }
        }
        if first_has(flag::GIVEN) {
            if gender == Gender::Unknown && n >= 2 {
                gender = first.map(|e| e.gender).unwrap_or_default();
            }
            // not before a people's name: "Cleveland Indians" is a side; not the first
            // word of a place's name ("Hong Kong Standard")
            let place_opens = matches!(
                whole,
                Some((len, id)) if len >= 2 && self.lex.entities[id as usize].kind == Kind::Place
            );
            if n >= 2 && !last_has(flag::DEMONYM) && !place_opens {
                ev |= evidence::GIVEN;
            }
        }
        if n >= 2 && is_initial(w.text_of(a)) && w.tok(a + 1).kind == TokenKind::Word {
            ev |= evidence::INITIAL;
        }
        // designators: the last word's, else any "any"-position one, not counting the
        // words of a place the name opens with ("Kansas City Royals")
        let head = self.designator(w, b - 1);
        let before_last = self.known_at(w, a, b - 1, false);
        let place_len = match before_last {
            Some((len, id)) if self.lex.entities[id as usize].kind == Kind::Place => len,
            _ => 0,
        };
        let any = (a + place_len..b).find_map(|i| {
            w.entry(i)
                .and_then(|e| e.org_word)
                .filter(|o| !o.head_only)
                .map(|o| o.kind)
        });
        let designator = head.or(any).filter(|_| n >= 2 || w.tok(a).is(shape::UPPER));
        if designator.is_some() {
            ev |= evidence::DESIGNATOR;
        }
        // "CBS 2", "Channel 4": a known name or acronym with a channel number
        let numbered = n >= 2 && w.tok(b - 1).kind == TokenKind::Number;
        let numbered_kind = if numbered {
            match before_last {
                Some((len, id)) if a + len == b - 1 => Some(self.lex.entities[id as usize].kind),
                _ if n == 2 && w.tok(a).is(shape::UPPER) => Some(Kind::Organization),
                _ => None,
            }
        } else {
            None
        };
        let all_upper = n == 1 && w.tok(a).is(shape::UPPER);
        if self.is_speaker_context(w, a, b) {
            ev |= evidence::SPEAKER;
        }
        if a > s && PLACE_PREP_LIST.has_outlined(w, a - 1) {
            ev |= evidence::PLACE_PREP;
        }
        // "the town of Arbil", "the province of Hubei"
        let place_noun_of = a >= s + 2
            && w.is_any(a - 1, &["of"])
            && w.is_lower(a - 2)
            && PLACE_NOUN_LIST.has_outlined(w, a - 2);
        if place_noun_of {
            ev |= evidence::PLACE_PREP;
        }
        let place = !word_town
            && !place_as_person
            && whole.is_some_and(|(len, id)| {
                a + len == b && self.lex.entities[id as usize].kind == Kind::Place
            });
        if place {
            ev |= evidence::PLACE;
        }
        let org_context = !place
            && ev & (evidence::TITLE | evidence::GIVEN | evidence::INITIAL) == 0
            && self.org_context(w, a, b, s);
        if org_context {
            ev |= evidence::ORG_CONTEXT;
        }
        // asked only by the last rules below, which few runs reach
        let every_common =
            |this: &Self| (a..b).all(|i| w.has(i, flag::COMMON) && !this.is_given_not_common(w, i));
        let surname_last = last_has(flag::SURNAME);
        let taking_sides_before = |this: &Self| a > s && this.takes_sides_on(w, a - 1);
        if surname_last {
            ev |= evidence::SURNAME;
        }

        let kind: Option<Kind> = if ev & evidence::HONORIFIC != 0 && designator.is_none() {
            Some(Kind::Person)
        } else if let Some(k) = designator.or(numbered_kind) {
            Some(k)
        } else if n >= 3 && (a..b).any(|i| w.tok(i).is_punct('&') || w.text_of(i) == "&") {
            // "Hadley & Brisco", "A.G. Edwards & Sons": partners' names make a firm
            ev |= evidence::DESIGNATOR;
            Some(Kind::Organization)
        } else if ev & evidence::TITLE != 0 && !(n == 1 && all_upper) && !place {
            Some(Kind::Person)
        } else if all_upper && (2..=6).contains(&letters_up_to(w.text_of(a), 7)) && !place {
            ev |= evidence::ACRONYM;
            Some(Kind::Organization)
        } else if n >= 2
            && (ev & evidence::GIVEN != 0
                || (ev & evidence::INITIAL != 0 && !self.place_at(w, b - 1, b)))
        {
            Some(Kind::Person)
        } else if org_context {
            Some(Kind::Organization)
        } else if (place || place_noun_of) && ev & evidence::TITLE == 0 {
            Some(Kind::Place)
        } else if n >= 2
            && ev & evidence::TITLE == 0
            && (self.place_prefix(w, a, b) || self.place_suffix(w, a, b))
        {
            ev |= evidence::PLACE_NAMED;
            Some(Kind::Organization)
        } else if (2..=4).contains(&n)
            && !every_common(self)
            && !first_has(flag::DEMONYM)
            && (surname_last || !first_has(flag::COMMON))
        {
            ev |= evidence::NAME_SHAPE;
            Some(Kind::Person)
        } else if n == 1 && !first_has(flag::COMMON) && !self.hyphen_common(w, a) {
            ev |= evidence::SINGLE;
            if ev & evidence::PLACE_PREP != 0 {
                Some(Kind::Place)
            } else if surname_last || first_has(flag::GIVEN) {
                Some(Kind::Person)
            } else {
                Some(Kind::Organization)
            }
        } else if n == 1
            && (first_has(flag::GIVEN)
                || first.is_some_and(|e| e.surname_rank > 0 && e.surname_rank <= 12_000))
            && (!opener || self.acts_as_subject(w, b))
            // "Hope for Haiti", "Pride of Britain" are titles; "endorsed Trump for",
            // "accused Trump of" are not
            && !(b + 1 < w.layout.tokens.len()
                && !taking_sides_before(self)
                && (w.is_any(b, &["of"]) || (w.is_any(b, &["for"]) && first_has(flag::GIVEN))))
        {
            // "Trump", "Brown", "Love": a common word that is also a name, capitalized in
            // mid-sentence, or opening one before a verb of saying or taking sides ("Trump
            // has accused Rubio")
            ev |= evidence::SINGLE;
            Some(Kind::Person)
        } else if n >= 2
            && !opener
            && every_common(self)
            && taking_sides_before(self)
            && !(a..b).any(|i| w.is_function(i))
        {
            // "praised Planned Parenthood", "criticized Black Lives Matter": capitalized
            // common words as the object of a verb of taking sides name a body or a cause
            ev |= evidence::COMMON_RUN;
            Some(Kind::Organization)
        } else if opener {
            ev |= evidence::WEAK_OPENER;
            None
        } else {
            ev |= evidence::COMMON;
            None
        };
        out.push(Mention {
            span,
            tokens: (a as u32, b as u32),
            kind,
            known: None,
            title: title_span,
            honorific,
            prefix: None,
            gender,
            sentence: si as u32,
            evidence: ev,
        });
    }

    /// True when `[a, b)`, a run that names nothing the lists know, is no name at all:
    /// only nationality, calendar and function words; a slash compound of common words
    /// ("HIV/Aids"); a pronoun with a contraction ("I'd"); a non-entity acronym, alone
    /// or with a suffix ("CEO", "COVID-19"); a modifier ("Vienna-based", "Pro-Moscow");
    /// a legislator's party and state ("R-Va."); an event's name ("World Cup").
    fn not_a_name(&self, w: &Words, a: usize, b: usize) -> bool {
        let n = b - a;
        let demonym_or_calendar = (a..b).all(|i| {
            w.has(i, flag::DEMONYM) || w.has(i, flag::CALENDAR) || w.has(i, flag::FUNCTION)
        });
        if demonym_or_calendar || ((n >= 2 || !w.has(a, flag::COMMON)) && w.has(b - 1, flag::EVENT))
        {
            return true;
        }
        if n >= 2 {
            return self.is_hyphen_modifier(w, b - 1);
        }
        // one word: the bytes its rules look for, in one pass (a curly apostrophe's
        // first byte stands for it)
        let (mut slash, mut apostrophe, mut hyphen) = (false, false, false);
        for &c in w.tok(a).span.bytes(w.text) {
            // ASCII letters and digits (nearly every byte) are none of them: one
            // comparison passes them by
            if c.wrapping_sub(b'0') < 0x50 {
                continue;
            }
            match c {
                b'/' => slash = true,
                b'\'' | 0xE2 => apostrophe = true,
                b'-' => hyphen = true,
                _ => {}
            }
        }
        // most words have none of those bytes (and a party designation has a hyphen)
        if !(slash || apostrophe || hyphen) {
            return w.has(a, flag::NOT_ENTITY_ACRONYM);
        }
        self.marked_word_not_a_name(w, a, slash, apostrophe, hyphen)
    }

    /// The part of [`Recognizer::not_a_name`] for one word with a slash, an apostrophe or
    /// a hyphen (the flags say which). Out of line: few words have one, and the hot loop
    /// over runs need not hold its code.
    #[inline(never)]
    fn marked_word_not_a_name(
        &self,
        w: &Words,
        a: usize,
        slash: bool,
        apostrophe: bool,
        hyphen: bool,
    ) -> bool {
        let text = w.text_of(a);
        // "HIV/Aids", "and/or": a slash compound of common words or non-entity acronyms
        let slash_common = slash
            && text.split('/').any(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.has(flag::NOT_ENTITY_ACRONYM) || e.has(flag::COMMON))
            });
        // "I'd", "We're": a pronoun with a contraction; "COVID-19": a non-entity acronym
        // with a suffix
        let contraction = apostrophe
            && text.split(['\'', '\u{2019}']).next().is_some_and(|p| {
                p.len() < text.len()
                    && self
                        .lex
                        .word(&p.to_lowercase())
                        .is_some_and(|e| e.has(flag::FUNCTION))
            });
        let acronym_suffix = hyphen
            && text.split('-').next().is_some_and(|p| {
                self.lex
                    .word(&p.to_lowercase())
                    .is_some_and(|e| e.has(flag::NOT_ENTITY_ACRONYM))
            });
        slash_common
            || contraction
            || acronym_suffix
            || w.has(a, flag::NOT_ENTITY_ACRONYM)
            || (hyphen && self.is_hyphen_modifier(w, a))
            || is_party_designation(w, a)
            || (hyphen && self.is_prefixed_modifier(w, a))
    }

    /// Records a plain mention of `[a, b)`.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        w: &Words,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        si: usize,
        kind: Option<Kind>,
        ev: u32,
    ) {
        out.push(Mention {
            span: w.tok(a).span.cover(w.tok(b - 1).span),
            tokens: (a as u32, b as u32),
            kind,
            known: None,
            title: None,
            honorific: false,
            prefix: None,
            gender: Gender::Unknown,
            sentence: si as u32,
            evidence: ev,
        });
    }

    /// True when a verb of saying or of taking sides follows token `b` (after auxiliaries
    /// and adverbs): what a named subject does ("Trump has accused", "Winner also wrote");
    /// or a modal and a verb ("Trump will deliver", "DeLay hadn't spoken"); or an aside
    /// between commas before such a verb ("Trump, meanwhile, has pointed", "Trump, for
    /// his part, faulted"); or "who" after a comma ("Don, who usually didn't vote").
    fn acts_as_subject(&self, w: &Words, b: usize) -> bool {
        let n = w.layout.tokens.len();
        // "Trump's aides": a possessive names its owner
        if b < n && w.tok(b).kind == TokenKind::Possessive {
            return true;
        }
        if b + 1 < n && w.tok(b).is_punct(',') {
            if w.is_any(b + 1, &["who"]) {
                return true;
            }
            // an aside of a few lower-case words, closed by a comma
            let close = (b + 1..(b + 6).min(n))
                .take_while(|&k| w.is_lower(k) || w.tok(k).is_punct(','))
                .find(|&k| w.tok(k).is_punct(','));
            return close.is_some_and(|c| c > b + 1 && self.verb_follows(w, c + 1, true, true));
        }
        // "Sales will dip": the plural of a common word is the word, not a name
        let plural = b > 0
            && w.text_of(b - 1).strip_suffix('s').is_some_and(|one| {
                self.lex
                    .word(&one.to_lowercase())
                    .is_some_and(|e| e.has(flag::COMMON))
            });
        self.verb_follows(w, b, false, !plural)
    }

    /// The verb part of [`Recognizer::acts_as_subject`], from token `b`; after an
    /// `aside` a past tense needs no adverb before it ("Trump, meanwhile, used"); a modal
    /// counts only when `modal` ("Sales will dip" is the word).
    fn verb_follows(&self, w: &Words, b: usize, aside: bool, modal: bool) -> bool {
        let n = w.layout.tokens.len();
        let mut i = b;
        while i < n && i - b < 4 {
            let t = w.tok(i);
            if t.kind != TokenKind::Word || !t.is(shape::LOWER) {
                return false;
            }
            if w.has(i, flag::SPEECH) || w.entry(i).is_some_and(|e| !e.stance_cues.is_empty()) {
                return true;
            }
            // "Trump failed", "Trump further stoked": a verb in the past tense
            let min_len = if aside { 4 } else { 5 };
            if (i > b || aside) && w.text_of(i).ends_with("ed") && w.text_of(i).len() >= min_len {
                return true;
            }
            // "Trump will deliver", "DeLay hadn't spoken": a modal or a negated
            // auxiliary, then a verb
            if modal
                && (w.is_any(i, MODALS) || (i == b && w.is_negation(i) && w.text_of(i).len() > 4))
                && i + 1 < n
                && w.is_lower(i + 1)
                && !w.is_function(i + 1)
            {
                return true;
            }
            let aux = w.is_any(
                i,
                &[
                    "has",
                    "have",
                    "had",
                    "is",
                    "was",
                    "will",
                    "would",
                    "also",
                    "has",
                    "again",
                    "then",
                    "did",
                    "does",
                    "quickly",
                    "often",
                    "later",
                    "once",
                    "now",
                    "still",
                    "already",
                    "never",
                    "even",
                    "further",
                    "soon",
                    "too",
                    "first",
                    "himself",
                    "herself",
                    "itself",
                    "themselves",
                ],
            ) || w.text_of(i).ends_with("ly");
            if !aux {
                return false;
            }
            i += 1;
        }
        false
    }

    /// True when token `i` is a lower-case verb of taking sides whose object follows it
    /// ("accused", "praising", "attack"): a verb cue of data/stance_cues.tsv that is one
    /// word, or one word and a noun phrase ("accuse X of"); not a noun or a phrase's
    /// first word ("due" of "due credit").
    fn takes_sides_on(&self, w: &Words, i: usize) -> bool {
        w.is_lower(i)
            && w.entry(i).is_some_and(|e| {
                e.stance_cues.iter().any(|&c| {
                    let cue = &self.lex.stance_cues[c as usize];
                    !cue.fixed
                        && cue.frame == Frame::Object
                        && matches!(cue.words.get(1), None | Some(CueWord::Slot))
                })
            })
    }

    /// Lower-case role words right before `a` ("producer Andi Peters", "chief executive
    /// Steven Theede"), as a token range.
    fn role_before(&self, w: &Words, a: usize, s: usize) -> Option<(usize, usize)> {
        if a == s {
            return None;
        }
        let mut start = a;
        while start > s {
            let p = start - 1;
            let t = w.tok(p);
            if t.kind != TokenKind::Word || !t.is(shape::LOWER) {
                break;
            }
            let e = w.entry(p);
            let role = e.is_some_and(|e| e.has(flag::ROLE) || e.title.is_some());
            let modifier = e.is_some_and(|e| e.has(flag::ROLE_MOD));
            if role || (modifier && start < a) {
                start = p;
            } else {
                break;
            }
        }
        // the last word before the name must be the role noun itself
        (start < a
            && w.entry(a - 1)
                .is_some_and(|e| e.has(flag::ROLE) || e.title.is_some()))
        .then_some((start, a))
    }

    /// True when a speech verb follows ("X said") or precedes ("said X") the name.
    fn is_speaker_context(&self, w: &Words, a: usize, b: usize) -> bool {
        let n = w.layout.tokens.len();
        let after = (b..(b + 3).min(n)).find(|&i| w.tok(i).kind == TokenKind::Word);
        let after_speech = after.is_some_and(|i| w.has(i, flag::SPEECH) && w.is_lower(i));
        let before_speech = a > 0
            && w.tok(a - 1).kind == TokenKind::Word
            && w.has(a - 1, flag::SPEECH)
            && w.is_lower(a - 1);
        after_speech || before_speech
    }

    /// True when the words around `[a, b)` (sentence from `s`) say it names an
    /// organization:
    /// - a lower-case organization noun right before it: "chain Kowalczyk", "group Hanwa
    ///   Pacific", "the daily Le Soir" (nouns from data/nominals.tsv);
    /// - a lower-case role word right after it, then a capitalized name: "Acme
    ///   spokesman Dan Morrow", "Hawks manager Joe Dunn" (a person's name there is
    ///   ruled out by the caller, a place's too: "Texas governor George Bush");
    /// - a lower-case noun after it that only an organization's name describes: "Acme
    ///   shares", "Air Nord workers", "Le Soir newspaper" (not after a lone common
    ///   word: "Aid charity Oxfam");
    /// - "the" before a name ending in the plural of a common word: "the Falcons", "the
    ///   Red Hawks" (sides and groups; not nationalities, "the Serbs").
    fn org_context(&self, w: &Words, a: usize, b: usize, s: usize) -> bool {
        let n = w.layout.tokens.len();
        // a lone letter ("N / A") is a table's abbreviation, not a name
        if b - a == 1 && !has_two_letters(w.text_of(a)) {
            return false;
        }
        // each test in turn, the cheapest first: most names have none of them
        let descriptor = a > s
            && w.is_lower(a - 1)
            && w.entry(a - 1)
                .and_then(|e| e.nominal)
                .is_some_and(|nom| nom.kind == Kind::Organization);
        if descriptor {
            return true;
        }
        if b < n && w.is_lower(b) {
            let after = w.entry(b);
            let role_after = b + 1 < n
                && w.tok(b).para == w.tok(b + 1).para
                && after.is_some_and(|e| e.has(flag::ROLE))
                && w.tok(b + 1).kind == TokenKind::Word
                && w.tok(b + 1).is(shape::CAP);
            // "Acme shares", "Le Soir newspaper", "Air Nord workers": nouns only an
            // organization's name describes
            let noun_after = || {
                (b - a >= 2 || !w.has(a, flag::COMMON))
                    && w.tok(b).para == w.tok(a).para
                    && (ORG_NOUNS_AFTER.has_outlined(w, b)
                        || after
                            .and_then(|e| e.nominal)
                            .is_some_and(|nom| nom.kind == Kind::Organization))
            };
            if role_after || noun_after() {
                return true;
            }
        }
        // not inside a title: "Top of the Pops", "Lord of the Rings"
        let in_title = || a >= s + 3 && w.is_any(a - 2, &["of"]) && w.tok(a - 3).is(shape::CAP);
        a > s && w.is_any(a - 1, &["the"]) && !in_title() && {
            let last = w.text_of(b - 1);
            last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && !w.tok(b - 1).is(shape::UPPER)
                && !(a..b).any(|i| w.has(i, flag::DEMONYM))
                && self
                    .lex
                    .word(&last[..last.len() - 1].to_lowercase())
                    .is_some_and(|e| e.has(flag::COMMON) && !e.has(flag::DEMONYM))
        }
    }

    /// True when `[a, b)` opens with a known place (not a given name) and goes on
    /// with other words: "Tokyo Stock Exchange", "Chicago White Sox", "Paris Newsdesk".
    fn place_prefix(&mut self, w: &Words, a: usize, b: usize) -> bool {
        match self.known_at(w, a, b - 1, false) {
            Some((len, id)) => {
                // a one-word place that is also a name or a word ("Jackson", "Reading")
                // may open a person's name or a phrase; "New York" may not
                !(len == 1 && (w.has(a, flag::GIVEN) || w.has(a, flag::COMMON)))
                    && self.lex.entities[id as usize].kind == Kind::Place
                    && (a + len..b).all(|i| {
                        // a plural people's name makes a side ("Cleveland Indians")
                        w.tok(i).kind == TokenKind::Word
                            && (!w.has(i, flag::DEMONYM)
                                || (i + 1 == b && w.text_of(i).ends_with('s')))
                            && !w.has(i, flag::CALENDAR)
                    })
            }
            None => false,
        }
    }

    /// True when `[a, b)` ends with a known place, after words that do not open a
    /// person's name: "Real Madrid", "Inter Milan". A place that is also a surname
    /// counts only when it is a large city or a country ("Madrid", not "Jackson").
    fn place_suffix(&mut self, w: &Words, a: usize, b: usize) -> bool {
        if w.has(a, flag::GIVEN)
            || w.has(b - 1, flag::GIVEN)
            || !(a..b - 1).all(|i| w.tok(i).kind == TokenKind::Word && !w.has(i, flag::DEMONYM))
        {
            return false;
        }
        match self.known_at(w, b - 1, b, false) {
            Some((1, id)) => {
                let ent = &self.lex.entities[id as usize];
                ent.kind == Kind::Place
                    && (!w.has(b - 1, flag::SURNAME)
                        || ent.population >= 1_000_000
                        || ent
                            .class
                            .is_some_and(|c| self.lex.class_name(c) == "country"))
            }
            _ => false,
        }
    }

    fn place_at(&mut self, w: &Words, a: usize, b: usize) -> bool {
        if let Some((len, id)) = self.known_at(w, a, b, false) {
            return a + len == b && self.lex.entities[id as usize].kind == Kind::Place;
        }
        false
    }
}

/// The all-capital stretch (a headline, a dateline) that opens sentence `[s, e)`, as its
/// length in tokens: the whole sentence, its first words, or none.
fn caps_zone(w: &Words, s: usize, e: usize) -> usize {
    let is_upper_word = |i: usize| {
        let t = w.tok(i);
        t.kind == TokenKind::Word && (t.is(shape::UPPER) || (t.span.len() == 1 && t.is(shape::CAP)))
    };
    // words, all-capital words and lower-case words, in one pass; it stops once more than
    // a quarter of the tokens are lower-case words (then so are more than a quarter of
    // the words, and the sentence is no headline)
    let (mut words, mut upper, mut lower) = (0, 0, 0);
    for t in &w.layout.tokens[s..e] {
        if t.kind == TokenKind::Word {
            words += 1;
            upper += usize::from(t.is(shape::UPPER));
            lower += usize::from(t.is(shape::LOWER));
            if lower * 4 > e - s {
                break;
            }
        }
    }
    if words >= 3 && upper * 10 >= words * 7 && lower * 4 <= words {
        return e - s;
    }
    // dateline: capitals at the start of a paragraph, then "(", ",", a dash, a number
    let para_start = s == 0 || w.tok(s - 1).para != w.tok(s).para;
    if para_start {
        let mut j = s;
        while j < e && is_upper_word(j) {
            j += 1;
        }
        let ends_dateline = j == e
            || matches!(
                w.tok(j).kind,
                TokenKind::Punct('(') | TokenKind::Punct(',') | TokenKind::Dash | TokenKind::Number
            )
            || w.tok(j).is_punct('-');
        if j > s && ends_dateline && (j - s >= 2 || w.text_of(s).chars().count() > 3) {
            return j - s;
        }
    }
    0
}

/// "Sen. Ted Cruz (R-Texas)", "Rep. Randy Forbes (R-Va.)": the party and state of an
/// American legislator in brackets after the name, not an organization.
fn is_party_designation(w: &Words, i: usize) -> bool {
    let t = w.text_of(i).as_bytes();
    i > 1
        && w.tok(i - 1).is_punct('(')
        && w.tok(i - 2).is(shape::CAP)
        && t.len() >= 3
        && matches!(t[0], b'R' | b'D' | b'I')
        && t[1] == b'-'
        && t[2].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, Option<Kind>)> {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        let found = Recognizer::new(lex).recognize(text, &layout);
        // the index only saves look-ups: the same mentions with it
        static INDEX: std::sync::LazyLock<MentionIndex> =
            std::sync::LazyLock::new(|| MentionIndex::new(Lexicon::shared()));
        let indexed = Recognizer::with_index(lex, &INDEX).recognize(text, &layout);
        assert_eq!(found, indexed, "{text}");
        found
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.kind))
            .collect()
    }

    /// The typed mentions of `text` as "name/kind", space-separated.
    pub(super) fn show(text: &str) -> String {
        find(text)
            .into_iter()
            .filter(|(_, k)| k.is_some())
            .map(|(s, k)| format!("{s}/{}", k.map(|k| k.as_str()).unwrap_or("?")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn table() {
        // text, mentions as name/kind
        let cases = [
            // words around a name that say organization
            (
                "Shares in the chain Kowalczyk rose.",
                "Kowalczyk/organization",
            ),
            (
                "Acme spokesman Dan Morrow declined to comment.",
                "Acme/organization Dan Morrow/person",
            ),
            ("Fans say the Falcons lost again.", "Falcons/organization"),
            // a bare surname opening a sentence as the subject of a modal, a negated
            // auxiliary or a verb after an aside
            ("Trump will deliver a speech.", "Trump/person"),
            ("Trump, meanwhile, used his speech.", "Trump/person"),
            ("Trump, for his part, faulted the media.", "Trump/person"),
            ("Don, who rarely votes, said so.", "Don/person"),
            ("Prices will rise.", ""),
            ("Sales will dip.", ""),
            ("Still, he said, demand grew.", ""),
            // the object of a verb of taking sides
            ("Rivals accused Trump of lying.", "Trump/person"),
            ("Mr. Obama spoke.", "Obama/person"),
            // after a title too ("Bush" is also how a town in Egypt, Būsh, is written)
            ("President Bush spoke.", "Bush/person"),
            ("Senator Obama spoke.", "Obama/person"),
            ("Officials in Cordoba agreed.", "Cordoba/place"),
            ("The Clinton campaign said so.", "Clinton/person"),
            ("The Iowa campaign ended.", "Iowa/place"),
            // a known name in capitals after an opening "The" ("us" is a function word)
            ("The US sanctioned Iran.", "US/place Iran/place"),
            (
                "Bob Murray, chairman of the club, spoke.",
                "Bob Murray/person",
            ),
            (
                "She praised Planned Parenthood.",
                "Planned Parenthood/organization",
            ),
            ("Trading stopped due to Labor Day.", ""),
            ("He watched Pride of Britain.", "Britain/place"),
            (
                "Many Brandt workers joined, the Kowloon Herald said.",
                "Brandt/organization Kowloon Herald/organization",
            ),
            // a capitalized common word before a noun describes it
            ("But Aid charity Oxfam said", "Oxfam/organization"),
            ("He said the South Korean trade ministry agreed.", ""),
            ("He played in a World Cup group qualifier.", ""),
            ("He watched Top of the Pops on Friday.", ""),
            ("Shares offered by company N / A", ""),
            // a place that opens a name: "New York" too, its designators its own
            (
                "He said the New York Rangers won.",
                "New York Rangers/organization",
            ),
            (
                "Fans of the Kansas City Royals cheered.",
                "Kansas City Royals/organization",
            ),
            (
                "said CTU President Jesse Sharkey.",
                "CTU/organization Jesse Sharkey/person",
            ),
            ("and Mayor Lori Lightfoot are", "Lori Lightfoot/person"),
            (
                "said Ald. Michael Rodriguez (22nd), one",
                "Michael Rodriguez/person",
            ),
            (
                "The Chicago Teachers Union is in talks.",
                "Chicago Teachers Union/organization",
            ),
            ("Kindergarten through 8th grade students", ""),
            (
                "As CBS 2 Political Investigator Dana Kozlov reported",
                "CBS 2/organization Dana Kozlov/person",
            ),
            (
                "the Department for Education and Skills are",
                "Department for Education and Skills/organization",
            ),
            (
                "the Netherlands, Portugal and the Czech Republic, which",
                "Netherlands/place Portugal/place Czech Republic/place",
            ),
            (
                "Texas Judge Letitia Clark said",
                "Texas/place Letitia Clark/person",
            ),
            ("Mr Justice Eady said", "Eady/person"),
            (
                "Lib Dem leader Charles Kennedy has said",
                "Lib Dem/organization Charles Kennedy/person",
            ),
            (
                "a teacher at Roberto Clemente Community Academy at 1147 N. Western Ave.",
                "Roberto Clemente Community Academy/organization N. Western Ave./place",
            ),
            (
                "CHICAGO (CBS) — A rapid rise",
                "CHICAGO/place CBS/organization",
            ),
            // a headline in capitals gives only listed names
            ("LANCASHIRE GO TOP AFTER BIG WIN .", "LANCASHIRE/place"),
            ("Monday, April 19.", ""),
            (
                "BBC Two controller Roly Keating",
                "BBC Two/organization Roly Keating/person",
            ),
            (
                "But a CPS spokesperson called the CTU’s information inaccurate",
                "CPS/organization CTU/organization",
            ),
            (
                "the European Court of Human Rights - were",
                "European Court of Human Rights/organization",
            ),
            (
                "Labour MP Oona King",
                "Labour/organization Oona King/person",
            ),
            // an initial opens a name, even after "(" where a word would be stripped
            (
                "412 ( K. Marsh 104 , T. Odell 61 )",
                "K. Marsh/person T. Odell/person",
            ),
            // a given name that is also a word, before a surname, at a line start
            (
                "4. Tony Kessler ( Britain ) 10.21",
                "Tony Kessler/person Britain/place",
            ),
            (
                "5 - Robin Talbot , 6 - Dirk Ostrander",
                "Robin Talbot/person Dirk Ostrander/person",
            ),
            ("An HIV test was ordered.", ""),
            // a legislator's party and state in brackets are no organization; a bracket
            // after a common noun keeps its name
            (
                "Rep. Randy Forbes (R-Va.) and Sen. Ted Cruz (R-Texas) spoke.",
                "Randy Forbes/person Ted Cruz/person",
            ),
            (
                "New York AG Eric Schneiderman",
                "New York/place Eric Schneiderman/person",
            ),
            // hyphenated modifiers built on names are not names
            ("The Vienna-based agency and Hong Kong-listed firms", ""),
            ("Pro-Moscow rebels attacked.", ""),
            (
                "said Erin Walsh of Denver-based Harlow Communications",
                "Erin Walsh/person Harlow Communications/organization",
            ),
            // a town named like a word is the word at a sentence start
            ("Police said the road was closed.", ""),
            // demonyms and their plurals are not entities
            ("Palestinians and Israelis met Moslem leaders.", ""),
            // "the town of X" is a place
            (
                "Troops entered the southern town of Qarath on Friday.",
                "Qarath/place",
            ),
            // a town's name that speaks is a person
            ("But Dole said he would run.", "Dole/person"),
            // postal abbreviations of US states
            (
                "a company in Jacksonville , Fla .",
                "Jacksonville/place Fla/place",
            ),
            // a place's name, then more words: named after its seat
            (
                "prices on the Tokyo Stock Exchange and the Texas Rangers",
                "Tokyo Stock Exchange/organization Texas Rangers/organization",
            ),
            (
                "a win for Real Madrid coach Marco Bellini",
                "Real Madrid/organization Marco Bellini/person",
            ),
            // partners' names make a firm
            ("Hadley & Brisco said", "Hadley & Brisco/organization"),
            // two particles; a month before a name dates it
            (
                "Pieter van der Merwe said the July FOMC meeting",
                "Pieter van der Merwe/person FOMC/organization",
            ),
            // accents and old names of places
            ("from Montreal and Bombay", "Montreal/place Bombay/place"),
            // events are not entities
            (
                "He won the World Cup and the U.S. Open in Paris",
                "Paris/place",
            ),
            // names in capitals that the story writes in mixed case elsewhere
            (
                "SOCCER - PETTIGREW TO LEAD SIDE .\nAlan Pettigrew was named captain.",
                "PETTIGREW/person Alan Pettigrew/person",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), want, "{text}");
        }
    }

    /// The sieve of a word list lets every word of the list through, in any case: it
    /// answers what [`Words::is_any`] does.
    #[test]
    fn word_lists_answer_as_is_any() {
        let lex = Lexicon::shared();
        let lists = [
            &ORG_NOUNS_AFTER,
            &PLACE_NOUN_LIST,
            &PLACE_PREP_LIST,
            &NAMED_AFTER,
            &SAINTS,
        ];
        let mut text = String::from("Near the Town of St. Louis, IN Paris, a STAFF; ste. x é - 2 ");
        for list in lists {
            for word in list.words() {
                let mut upper = word.to_string();
                upper[..1].make_ascii_uppercase();
                text += &format!("{word} {upper} {} {word}s x{word} ", word.to_uppercase());
            }
        }
        let layout = Layout::parse(&text, lex);
        let w = Words {
            text: &text,
            layout: &layout,
            lexicon: lex,
        };
        let mut found = 0;
        for list in lists {
            for i in 0..=layout.tokens.len() {
                let want = w.is_any(i, list.words());
                assert_eq!(list.has_outlined(&w, i), want, "{:?}", layout.tokens.get(i));
                assert_eq!(list.has(&w, i), want, "{:?}", layout.tokens.get(i));
                found += usize::from(want);
            }
        }
        // (each word three times, in three cases; "st." may part from its period)
        assert!(found >= 2 * lists.iter().map(|l| l.words().len()).sum::<usize>());
    }

    #[test]
    fn has_two_letters_agrees_with_the_count() {
        let words = "A a AB Ab A1 1A A. N/A É Éa aÉ ÉÉ A-B Smith x 7 's ΑΒ 3M UK U.S.";
        for t in words.split(' ').chain(["", "A\u{301}b", "\u{301}ab"]) {
            assert_eq!(has_two_letters(t), letters_up_to(t, 2) > 1, "{t:?}");
        }
    }

    #[test]
    fn has_byte_agrees_with_a_byte_search() {
        // every span of up to ten bytes at every start, near the text's end too (where
        // the eight bytes are not there to read), bytes above 0x7f included
        let text = "Vienna-based e.g. U.S. -x- Zo\u{eb} caf\u{e9}-bar ..--.. a";
        for start in 0..=text.len() {
            for end in start..=(start + 10).min(text.len()) {
                let span = Span::new(start, end);
                for byte in [b'-', b'.', b'a', 0xC3, 0xAB, 0] {
                    assert_eq!(
                        has_byte(text, span, byte),
                        span.bytes(text).contains(&byte),
                        "{start}..{end} {byte}"
                    );
                }
            }
        }
    }

    #[test]
    fn lower_case_known_names_through_the_index() {
        for text in [
            "Shares in eBay rose; al-Qaeda and al Qaeda were named.",
            "us and labour said the new york office would open.",
            "He sold it on eBay.",
        ] {
            find(text); // asserts the index changes nothing
        }
        assert!(show("Shares in eBay rose.").contains("eBay/organization"));
    }

    #[test]
    fn weak_openers_are_marked() {
        let lex = Lexicon::shared();
        let text = "Brown said it would happen.";
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        assert_eq!(ms.len(), 1);
        assert!(ms[0].has(evidence::WEAK_OPENER) || ms[0].kind.is_some());
    }

    #[test]
    fn title_and_prefix_are_linked() {
        let lex = Lexicon::shared();
        let text = "said CTU President Jesse Sharkey.";
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        assert_eq!(ms[1].prefix, Some(0));
        assert_eq!(ms[1].title.unwrap().text(text), "President");
    }
}
