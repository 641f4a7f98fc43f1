//! Resolution: one entity per real person, organization or place in a document, and
//! what every name, nominal and pronoun refers to.
//!
//! Takes: [`Mention`]s and the layout. Gives: a [`Resolution`] with the document's
//! [`Entity`]s (label, aliases, kind, gender, titles, class) and [`Reference`]s: every
//! token range that refers to an entity (names, "the union", "he"), looked up by token.
//!
//! Rules:
//! 1. Names with the same words are one entity; a name from the lists takes the
//!    list's canonical form ("Lib Dems" → "Liberal Democrats").
//! 2. A lone surname, or title + surname ("Sharkey", "Mr Blair", "Mayor Lightfoot"),
//!    joins the person whose full name ends with it, wherever in the story that is.
//! 3. An acronym joins the organization whose initials it spells ("CTU" = "Chicago
//!    Teachers Union", also "DfES" with small words), or that it follows in brackets;
//!    a station's network name joins its numbered form ("CBS" → "CBS 2"); an
//!    organization's last words join it ("Telegraph" → "Daily Telegraph"); a name of
//!    word prefixes joins its long form ("Lib Dem" → "Liberal Democrats").
//! 4. A weak candidate (a common word at a sentence start, "Brown said") is kept only
//!    when it is the name of an entity found elsewhere.
//! 5. Kinds are settled by the strongest evidence across an entity's mentions.
//! 6. In reading order, "he"/"she" (also with a contraction: "he'll", "they’re") take
//!    the most recent person of that gender, "it"/"its" the most recent organization
//!    in the last two sentences, and nominals ("the union", "the firm", "the mayor")
//!    the organization of that class, or the person with that title, most mentioned so
//!    far. A descriptor before a name gives it a class ("Aid charity Actionaid", "oil
//!    giant Yukos"). A "he"/"she" with no person in reach, in the sentence of a lone
//!    unknown name that was typed an organization only for want of evidence, or of a
//!    one-word town (under a million people, no common word, never after "in", "at",
//!    "from"…), makes that name a person ("Kaine … when he attacked", "When Obama ran,
//!    he blamed"). A possessor inside an apposition ("Brett McGurk, President Obama's
//!    envoy, expressed his support") is no antecedent: the apposition's head stays the
//!    most recent.
//! 7. A group named in the plural also answers to its member noun: "Americans" and
//!    "Muslims" (the singular is in `demonyms.tsv`) to "American", "Muslim"; a party's
//!    plural short form ("Democrats", "Tories") to "Democrat", "Tory". Never a person
//!    ("Sanders" is no plural).
//!
//! Limits: no cataphora; plural "they" is taken as an organization only when one was
//! named in the same or previous sentence.
//! Every step looks entities up through indexes (by last word, label, initials, word
//! suffixes and prefixes, recency), so work stays linear in the mentions however many
//! entities a document has (step 3 compares each short name with every possible long
//! form while a document has few, up to 16, which costs less). Nominals look back at
//! most 150 sentences for their entity (longer than any news story's reach; a
//! book-length document would need more).

use std::collections::BTreeSet;

use std::hash::{BuildHasher, Hasher};

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHasher};

use crate::document::Span;
use crate::kind::{Gender, Kind};
use crate::layout::{Layout, Words};
use crate::lexicon::{Lexicon, Nominal, WordEntry, fact, flag};
use crate::mentions::{Mention, PLACE_PREPS, evidence};
use crate::tokens::{Token, TokenKind, shape};

/// One real-world entity of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Person, organization or place.
    pub kind: Kind,
    /// Canonical name.
    pub label: String,
    /// Other surface forms.
    pub aliases: BTreeSet<String>,
    /// Indices of its name mentions.
    pub mentions: Vec<usize>,
    /// Gender, when a title, given name or pronoun tells.
    pub gender: Gender,
    /// Lower-case title and role words seen before its names ("mayor", "president").
    pub titles: BTreeSet<String>,
    /// Organization class (union, school, company, …), as a lexicon class id.
    pub class: Option<u16>,
    /// Evidence bits gathered over all mentions.
    pub evidence: u32,
    /// The known entity from the lists, if it is one.
    pub known: Option<u32>,
}

/// How a reference refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// A name.
    Name,
    /// "the union", "the mayor".
    Nominal,
    /// "he", "its".
    Pronoun,
}

/// A token range that refers to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Token range.
    pub tokens: (u32, u32),
    /// Bytes.
    pub span: Span,
    /// The entity.
    pub entity: usize,
    /// Name, nominal or pronoun.
    pub kind: RefKind,
}

/// Entities and references of one document.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    /// The entities.
    pub entities: Vec<Entity>,
    /// For each mention, its entity (None: dropped).
    pub entity_of: Vec<Option<usize>>,
    /// All references in text order.
    pub references: Vec<Reference>,
    /// For each token, the reference covering it (index into `references`).
    by_token: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Resolution {
    /// The reference covering token `i`, if any.
    pub fn reference_at(&self, i: usize) -> Option<&Reference> {
        match self.by_token.get(i) {
            Some(&r) if r != NONE => Some(&self.references[r as usize]),
            _ => None,
        }
    }

    /// The entity a token refers to.
    pub fn entity_at(&self, i: usize) -> Option<usize> {
        self.reference_at(i).map(|r| r.entity)
    }
}

/// Resolves mentions into entities and references.
pub struct Resolver<'l> {
    lex: &'l Lexicon,
}

/// `v` made `n` copies of `x`, in the memory it had.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// The per-entity buffers of [`Resolver::references`], by the entity.
#[derive(Default)]
struct RefScratch {
    count: Vec<u32>,
    last_seen: Vec<usize>,
    last_sentence: Vec<u32>,
    recency: Recency,
    neuter: Vec<bool>,
    person_like_town: Vec<bool>,
    of_class: FxHashMap<(Kind, u16), Option<usize>>,
    head_lower: String,
    /// The last resolution's references and reference by token, given back
    /// ([`ResolveScratch::give_back`]) to be made again in.
    spare_refs: Vec<Reference>,
    spare_by_token: Vec<u32>,
}

/// The buffers a resolution needs whatever the document: a caller that resolves many
/// documents ([`crate::pipeline::Pipeline`], one per thread) keeps them, so that each
/// document is resolved in memory already had (and warm in the caches), not asked of the
/// allocator again. Only owned things: nothing in them borrows a document or lexicon.
#[derive(Default)]
pub struct ResolveScratch {
    by_key: Keys,
    surnames: Keys,
    by_known: FxHashMap<u32, usize>,
    draft_of: Vec<Option<usize>>,
    lower: String,
    key: String,
    key_bytes: Vec<u8>,
    spaced: String,
    mention_count: Vec<u32>,
    entity_of_draft: Vec<Option<usize>>,
    refs: RefScratch,
    /// The last resolution's `entity_of`, given back to be made again in.
    spare_entity_of: Vec<Option<usize>>,
    /// The memory of vectors whose elements borrow a document (drafts, name words,
    /// canonical names), kept empty between documents (see [`recycle`]).
    spare_drafts: Vec<Draft<'static>>,
    spare_words: Vec<&'static str>,
    spare_canonical: Vec<&'static str>,
    draft_index: DraftIndex,
}

/// An empty vector in the memory of `v`: for elements of the same size and alignment
/// (here, the same type borrowing for another lifetime) the standard library's in-place
/// collection keeps the allocation, so a buffer of borrowed things outlives what they
/// borrowed, empty, with no unsafe code. (Without that, only the memory would be new.)
fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!("emptied")).collect()
}

impl ResolveScratch {
    /// Takes back a resolution done with (its entities taken out, or dropped with it),
    /// so that the next is made in the memory of its vectors by mention and token.
    pub fn give_back(&mut self, res: Resolution) {
        self.spare_entity_of = res.entity_of;
        self.refs.spare_refs = res.references;
        self.refs.spare_by_token = res.by_token;
    }
}

/// The names of the mentions as words (no possessive), borrowed from the text: made
/// for every mention, so no copy of the words, and all in one vector, not one each
/// (`all` is that vector, filled here).
fn name_words<'a, 't>(
    w: &Words<'t>,
    mentions: &[Mention],
    all: &'a mut Vec<&'t str>,
) -> Vec<&'a [&'t str]> {
    let mut ends = Vec::with_capacity(mentions.len());
    // each mention's tokens as one slice (one bounds check a mention, not two a token)
    let tokens = &w.layout.tokens[..];
    for m in mentions {
        for t in &tokens[m.tokens.0 as usize..m.tokens.1 as usize] {
            if t.kind != TokenKind::Possessive {
                all.push(t.span.text(w.text));
            }
        }
        ends.push(all.len());
    }
    let all = &all[..];
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let ws = &all[start..end];
            start = end;
            ws
        })
        .collect()
}

/// The merge key of a name of `kind`: "person:" and its words lower-cased (curly
/// apostrophes straightened), joined by single spaces. Built in `key` (cleared first),
/// reused for every mention; only a new key is copied (by [`draft_for`]). Bytes, not a
/// `String`: an ASCII word is lowered as it is copied in, not copied and then lowered.
fn kind_key<'k>(key: &'k mut Vec<u8>, kind: Kind, words: &[&str]) -> &'k [u8] {
    key.clear();
    key.extend_from_slice(kind.as_str().as_bytes());
    key.push(b':');
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            key.push(b' ');
        }
        if !push_ascii_lowercase(key, word) {
            key.extend_from_slice(word.to_lowercase().replace('\u{2019}', "'").as_bytes());
        }
    }
    key
}

/// The bytes of `s.to_lowercase()` in `buf` (cleared first), as [`lowercase_into`]
/// makes them, for a [`Keys`] look-up.
fn lower_bytes_into<'b>(buf: &'b mut Vec<u8>, s: &str) -> &'b [u8] {
    buf.clear();
    if !push_ascii_lowercase(buf, s) {
        buf.extend_from_slice(s.to_lowercase().as_bytes());
    }
    buf
}

/// Appends the word `s` lower-cased when it is ASCII (nearly every name) and says so;
/// appends nothing and says not when it is not. One pass over the bytes both lowers
/// them and tells (a test of the whole word first was a second pass).
fn push_ascii_lowercase(out: &mut Vec<u8>, s: &str) -> bool {
    let from = out.len();
    let mut bits = 0u8;
    out.extend(s.bytes().map(|c| {
        bits |= c;
        c.to_ascii_lowercase()
    }));
    if bits.is_ascii() {
        return true;
    }
    out.truncate(from);
    false
}

/// Strings with a number each (merge keys and their drafts, surnames), all in one
/// buffer: a key is copied into it only when new, and has no allocation of its own
/// (a `HashMap<String, _>` makes and frees one for every key).
#[derive(Default)]
struct Keys {
    text: Vec<u8>,
    /// (start, end) of a key in `text`, and its number.
    table: HashTable<(u32, u32, u32)>,
}

impl Keys {
    /// Emptied, with room for `n` keys (text of 16 bytes each), in the memory it had.
    fn reset(&mut self, n: usize) {
        self.text.clear();
        self.text.reserve(n * 16);
        self.table.clear();
        // empty: nothing is rehashed, but `reserve` wants a hasher
        self.table.reserve(n, |_| 0);
    }

    fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The number of `key`, which is `new` when the key is new: one look-up, hashing
    /// the key once.
    fn get_or_insert(&mut self, key: &[u8], new: u32) -> u32 {
        let text = &self.text[..];
        let at = |&(s, e, _): &(u32, u32, u32)| &text[s as usize..e as usize];
        let entry = self.table.entry(
            FxBuildHasher.hash_one(key),
            |k| at(k) == key,
            |k| FxBuildHasher.hash_one(at(k)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(o) => o.get().2,
            hashbrown::hash_table::Entry::Vacant(v) => {
                let start = self.text.len() as u32;
                self.text.extend_from_slice(key);
                v.insert((start, self.text.len() as u32, new));
                new
            }
        }
    }

    fn contains(&self, key: &[u8]) -> bool {
        let text = &self.text[..];
        self.table
            .find(FxBuildHasher.hash_one(key), |&(s, e, _)| {
                &text[s as usize..e as usize] == key
            })
            .is_some()
    }
}

/// The draft of merge key `key`, made (empty) when the key is new.
fn draft_for(by_key: &mut Keys, drafts: &mut Vec<Draft>, key: &[u8]) -> usize {
    let new = drafts.len();
    let di = by_key.get_or_insert(key, new as u32) as usize;
    if di == new {
        drafts.push(Draft::default());
    }
    di
}

/// How much each entity has been mentioned so far, while reading.
struct Salience<'a> {
    count: &'a [u32],
    last_seen: &'a [usize],
    last_sentence: &'a [u32],
    /// Entities referred to so far, by the token they were last referred to at.
    recency: &'a Recency,
    /// The tokens that start resolved mentions from the nominal's determiner on, in
    /// order (see [`mention_starts`]).
    starts: &'a [(u32, u32)],
    sentence: u32,
}

/// How far back (in sentences) a nominal looks for its entity. Far longer than a news
/// story's span between a name and "the company"; it keeps each look-up to the entities
/// of the last sentences, so a book-length document costs linear work.
const NOMINAL_WINDOW: u32 = 150;

impl Salience<'_> {
    /// Entities referred to within the last `within` sentences, most recent first.
    fn recent(&self, within: u32) -> impl Iterator<Item = usize> + '_ {
        recent_entities(self.recency, self.last_sentence, self.sentence, within)
    }
}

/// Entities of `recency` last referred to within `within` sentences of `sentence`, most
/// recent first. Sentences only grow with tokens, so the walk stops at the first one out.
fn recent_entities<'a>(
    recency: &'a Recency,
    last_sentence: &'a [u32],
    sentence: u32,
    within: u32,
) -> impl Iterator<Item = usize> + 'a {
    recency
        .newest_first()
        .take_while(move |&e| sentence.saturating_sub(last_sentence[e]) <= within)
}

/// The entities referred to so far, in the order of their last reference: a doubly
/// linked list over entity numbers. Moving an entity to the front is two array writes
/// (it was a `BTreeMap` from token to entity: a removal and an insertion, with their
/// node allocations, at every reference).
struct Recency {
    /// The entity referred to last ([`NONE`]: none yet).
    newest: u32,
    /// For each listed entity, the one referred to before it / after it.
    older: Vec<u32>,
    newer: Vec<u32>,
}

impl Default for Recency {
    fn default() -> Self {
        Recency {
            newest: NONE,
            older: Vec::new(),
            newer: Vec::new(),
        }
    }
}

impl Recency {
    /// Emptied, for `entities` entities, in the memory it had.
    fn reset(&mut self, entities: usize) {
        self.newest = NONE;
        refill(&mut self.older, entities, NONE);
        refill(&mut self.newer, entities, NONE);
    }

    /// Puts `e` first; `listed` tells whether it is in the list already.
    fn bring_forward(&mut self, e: usize, listed: bool) {
        let e32 = e as u32;
        if listed {
            if self.newest == e32 {
                return;
            }
            let (older, newer) = (self.older[e], self.newer[e]);
            // not the newest, so some entity is newer
            if newer != NONE {
                self.older[newer as usize] = older;
            }
            if older != NONE {
                self.newer[older as usize] = newer;
            }
        }
        self.older[e] = self.newest;
        self.newer[e] = NONE;
        if self.newest != NONE {
            self.newer[self.newest as usize] = e32;
        }
        self.newest = e32;
    }

    /// The listed entities, the one referred to last first.
    fn newest_first(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors((self.newest != NONE).then_some(self.newest), |&e| {
            let o = self.older[e as usize];
            (o != NONE).then_some(o)
        })
        .map(|e| e as usize)
    }
}

/// Records that entity `e` was referred to at token `i` (in sentence `si`).
fn touch(
    recency: &mut Recency,
    last_seen: &mut [usize],
    last_sentence: &mut [u32],
    e: usize,
    (i, si): (usize, u32),
) {
    recency.bring_forward(e, last_sentence[e] != u32::MAX);
    last_seen[e] = i;
    last_sentence[e] = si;
}

/// What the nominal look-ups know of the whole document: known entities by the head
/// nouns of their names, and the main entity of each nominal's kind and class.
struct Known<'a, 'b> {
    /// (head noun, entity), sorted by head, entities in order under each (see
    /// [`heads_of`]).
    by_head: &'a [(&'b str, usize)],
    of_class: &'a mut FxHashMap<(Kind, u16), Option<usize>>,
    /// Scratch for a head noun in lower case.
    lower: &'a mut String,
}

/// The known entities of `entities` by the head nouns of their full names
/// ("corporation" → BBC): (head, entity) sorted by head, with the entities of a head in
/// order. A few per document: one sorted vector, not a map with a vector per head.
fn heads_of<'l>(entities: &[Entity], lex: &'l Lexicon) -> Vec<(&'l str, usize)> {
    let mut by_head: Vec<(&str, usize)> = Vec::new();
    for (e, ent) in entities.iter().enumerate() {
        if let Some(k) = ent.known {
            let heads = &lex.entities[k as usize].heads;
            by_head.extend(heads.iter().map(|h| (h.as_str(), e)));
        }
    }
    // stable: a head's entities stay in order
    by_head.sort_by_key(|&(h, _)| h);
    by_head
}

/// The entities under `head` in [`heads_of`]'s list, in order.
fn entities_headed<'a>(by_head: &'a [(&str, usize)], head: &str) -> &'a [(&'a str, usize)] {
    let from = by_head.partition_point(|&(h, _)| h < head);
    let to = from + by_head[from..].partition_point(|&(h, _)| h == head);
    &by_head[from..to]
}

/// Work state of one entity while resolving: what steps 1 to 3 merge by (a draft is
/// made for most names and then merged; what only the entity needs, its mentions,
/// aliases and titles, is gathered into the entity itself, made once the merging is
/// done). Its label words are borrowed from the text or the lexicon (both outlive the
/// resolution), as a slice of a mention's words (or of the canonical names), not a
/// vector of its own: no allocation per draft.
#[derive(Default, Clone)]
struct Draft<'a> {
    kind_votes: [u32; 3],
    label_words: &'a [&'a str],
    label_fixed: bool,
    class: Option<u16>,
    known: Option<u32>,
    merged_into: Option<usize>,
}

fn kind_slot(k: Kind) -> usize {
    match k {
        Kind::Person => 0,
        Kind::Organization => 1,
        _ => 2,
    }
}

/// Weight of a mention's evidence when voting for its entity's kind.
fn vote_weight(m: &Mention) -> u32 {
    if m.has(evidence::LEXICON) || m.has(evidence::HONORIFIC) || m.has(evidence::DESIGNATOR) {
        8
    } else if m.has(evidence::TITLE)
        || m.has(evidence::GIVEN)
        || m.has(evidence::INITIAL)
        || m.has(evidence::PLAYER)
        || m.has(evidence::PLACE_NAMED)
        || m.has(evidence::ORG_CONTEXT)
        || m.has(evidence::ACRONYM)
    {
        4
    } else if m.has(evidence::PLACE) || m.has(evidence::NAME_SHAPE) {
        2
    } else {
        1
    }
}

impl<'l> Resolver<'l> {
    /// The noun for one member of a group named in the plural: "Americans" → "American",
    /// "Muslims" → "Muslim" (the singular is a nationality or group adjective), "Democrats"
    /// → "Democrat" (a party's plural short form). "a Democrat" names one of them, so it is
    /// a name of the group too.
    fn member_noun(&self, surface: &str, label: &str) -> Option<String> {
        // the singular is the stem and "y" or the stem alone; it is tested on the stem
        // (it has a space, ends in "s", starts with a capital exactly when the stem
        // does, "y" added or not) before a copy is made: most aliases fail
        let (stem, y) = match surface.strip_suffix("ies") {
            Some(stem) => (stem, "y"), // "Tories" → "Tory"
            None => (surface.strip_suffix('s')?, ""),
        };
        if stem.contains(' ')
            || (y.is_empty() && stem.ends_with('s'))
            || !stem.starts_with(char::is_uppercase)
        {
            return None;
        }
        let one = format!("{stem}{y}");
        let party = label.ends_with(" Party") && surface != label;
        (party || self.lex.demonym_place(&one.to_lowercase()).is_some()).then_some(one)
    }

    /// A resolver over the lexicon.
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Resolver { lex: lexicon }
    }

    /// Resolves the mentions of one document.
    pub fn resolve(&self, text: &str, layout: &Layout, mentions: &[Mention]) -> Resolution {
        self.resolve_with(text, layout, mentions, &mut ResolveScratch::default())
    }

    /// [`Resolver::resolve`] in the buffers of `scratch` (what they held is dropped):
    /// the same resolution.
    pub fn resolve_with(
        &self,
        text: &str,
        layout: &Layout,
        mentions: &[Mention],
        scratch: &mut ResolveScratch,
    ) -> Resolution {
        let ResolveScratch {
            by_key,
            surnames,
            by_known,
            draft_of,
            lower,
            key,
            key_bytes,
            spaced,
            mention_count,
            entity_of_draft,
            refs,
            spare_entity_of,
            spare_drafts,
            spare_words,
            spare_canonical,
            draft_index,
        } = scratch;
        let w = Words {
            text,
            layout,
            lexicon: self.lex,
        };
        // at most a draft per mention: room made once (a draft is large, and each
        // doubling copied them all)
        let mut drafts: Vec<Draft> = recycle(std::mem::take(spare_drafts));
        drafts.reserve(mentions.len());
        // merge keys: names by kind and words, known names by their list entry
        by_key.reset(mentions.len());
        by_known.clear();
        refill(draft_of, mentions.len(), None);
        let mut all_words = recycle(std::mem::take(spare_words));
        all_words.reserve(mentions.len() * 2);
        let words = name_words(&w, mentions, &mut all_words);
        // the canonical name of each mention's known entity ("" when none): a draft's
        // label borrows it here as a one-word slice
        let mut canonical: Vec<&str> = recycle(std::mem::take(spare_canonical));
        canonical.extend(mentions.iter().map(|m| {
            m.known
                .map_or("", |id| self.lex.entities[id as usize].canonical.as_str())
        }));
        // scratch for lower-case words and keys, large enough for most names
        for buf in [&mut *lower, &mut *key, &mut *spaced] {
            buf.clear();
            buf.reserve(64);
        }
        key_bytes.clear();
        key_bytes.reserve(64);

        // surnames of the people named in full: a lone word equal to one is that person,
        // even when the lists know it as a place ("Rodriguez", "Jackson")
        // (a name repeats: only a new surname is copied; room for as many as there are
        // such names is made once, not grown)
        let named_in_full =
            |(m, ws): &(&Mention, &&[&str])| m.kind == Some(Kind::Person) && ws.len() >= 2;
        let full_names = mentions.iter().zip(&words).filter(named_in_full).count();
        surnames.reset(full_names);
        for (_, ws) in mentions.iter().zip(&words).filter(named_in_full) {
            if let Some(last) = ws.last() {
                surnames.get_or_insert(lower_bytes_into(key_bytes, last), 0);
            }
        }

        // 1. full names: multi-word names and strong single names
        for (mi, m) in mentions.iter().enumerate() {
            let Some(kind) = m.kind else { continue };
            if words[mi].len() == 1
                && !m.has(evidence::ACRONYM)
                && !surnames.is_empty()
                && surnames.contains(lower_bytes_into(key_bytes, words[mi][0]))
            {
                continue; // a surname: step 2
            }
            let single_weak = m.len() == 1
                && m.known.is_none()
                && !m.has(evidence::ACRONYM)
                && !(m.has(evidence::DESIGNATOR));
            if kind == Kind::Person && single_weak {
                continue; // surnames wait for step 2
            }
            if m.len() == 1 && m.known.is_none() && kind != Kind::Person && m.has(evidence::SINGLE)
            {
                continue; // lone unknown words wait too: they may be surnames
            }
            let di = match m.known {
                Some(id) => *by_known.entry(id).or_insert_with(|| {
                    drafts.push(Draft::default());
                    drafts.len() - 1
                }),
                None => draft_for(by_key, &mut drafts, kind_key(key_bytes, kind, words[mi])),
            };
            let d = &mut drafts[di];
            if let Some(id) = m.known {
                if d.known.is_none() {
                    d.label_words = std::slice::from_ref(&canonical[mi]);
                    d.label_fixed = true;
                    d.known = Some(id);
                }
            } else if !d.label_fixed && words[mi].len() > d.label_words.len() {
                d.label_words = words[mi];
            }
            d.kind_votes[kind_slot(kind)] += vote_weight(m);
            draft_of[mi] = Some(di);
        }

        // step 2 looks drafts up by last word and by label, and finds where each was last
        // mentioned, through indexes rather than scans over every entity and mention so far
        // (a scan per mention is quadratic in a long document)
        let index = draft_index;
        index.reset(drafts.len());
        for (di, d) in drafts.iter().enumerate() {
            index.label(di, d.label_words);
        }
        for (mi, d) in draft_of.iter().enumerate() {
            if let Some(di) = *d {
                index.mentioned(di, mentions[mi].tokens.0);
            }
        }

        // 2. single words: surnames, acronyms, org short forms, weak candidates
        for (mi, m) in mentions.iter().enumerate() {
            if draft_of[mi].is_some() {
                continue;
            }
            let ws = words[mi];
            // a person's surname (whatever kind the word was given)
            if ws.len() == 1 {
                let cands = index.persons_named(&drafts, ws[0]);
                if let Some(di) = index.nearest(&cands, m) {
                    draft_of[mi] = Some(di);
                    index.mentioned(di, m.tokens.0);
                    drafts[di].kind_votes[0] += 1;
                    continue;
                }
            }
            // the same words as an entity already made (any kind)
            if let Some(di) = index.same_label(&drafts, ws) {
                draft_of[mi] = Some(di);
                index.mentioned(di, m.tokens.0);
                continue;
            }
            let Some(kind) = m.kind else {
                continue; // weak candidate that matched nothing
            };
            let made = drafts.len();
            let di = draft_for(by_key, &mut drafts, kind_key(key_bytes, kind, ws));
            let d = &mut drafts[di];
            if ws.len() > d.label_words.len() {
                d.label_words = ws;
                index.label(di, ws);
            } else if di == made {
                index.label(di, d.label_words);
            }
            d.kind_votes[kind_slot(kind)] += vote_weight(m);
            draft_of[mi] = Some(di);
            index.mentioned(di, m.tokens.0);
        }

        // 3. organization short forms join their long forms
        self.merge_org_forms(&w, mentions, &mut drafts, draft_of);

        // each mention belongs to the draft its draft was merged into; each draft left
        // with mentions (every one not merged) is an entity, in draft order. Counted
        // first, so that the entities are made at once, with room for their mentions
        refill(mention_count, drafts.len(), 0);
        for d in draft_of.iter_mut() {
            let Some(mut di) = *d else { continue };
            while let Some(t) = drafts[di].merged_into {
                di = t;
            }
            *d = Some(di);
            mention_count[di] += 1;
        }
        refill(entity_of_draft, drafts.len(), None);
        let mut entities: Vec<Entity> = Vec::with_capacity(
            (drafts.iter().zip(mention_count.iter()))
                .filter(|&(d, &n)| d.merged_into.is_none() && n > 0)
                .count(),
        );
        for (di, d) in drafts.iter().enumerate() {
            if d.merged_into.is_some() || mention_count[di] == 0 {
                continue;
            }
            entity_of_draft[di] = Some(entities.len());
            entities.push(Entity {
                // kind, label and class are settled below, when all votes are in
                kind: Kind::Organization,
                label: String::new(),
                aliases: BTreeSet::new(),
                mentions: Vec::with_capacity(mention_count[di] as usize),
                gender: Gender::Unknown,
                titles: BTreeSet::new(),
                class: None,
                evidence: 0,
                known: d.known,
            });
        }
        // for each entity, the words of the mention whose surface was put among its
        // aliases last: a mention with the same words (most repeat a name) has its
        // surface there already
        let mut last_alias: Vec<Option<&[&str]>> = vec![None; entities.len()];
        // gather per-entity facts from mentions
        for (mi, m) in mentions.iter().enumerate() {
            let Some(di) = draft_of[mi] else { continue };
            let Some(e) = entity_of_draft[di] else {
                continue; // never: the draft has this mention
            };
            let ent = &mut entities[e];
            ent.mentions.push(mi);
            ent.evidence |= m.evidence;
            if m.gender != Gender::Unknown && ent.gender == Gender::Unknown {
                ent.gender = m.gender;
            }
            // most mentions repeat a name and title already held: each is made in a
            // scratch buffer and copied only when new (and not made at all when the words
            // are those of the entity's last mention)
            if last_alias[e] != Some(words[mi]) {
                last_alias[e] = Some(words[mi]);
                // the label is no alias (it is taken out when the entity is done): most
                // entities' first mention is it, and it is not put in only to be taken out
                if !joined_eq(words[mi], drafts[di].label_words) {
                    insert_new(&mut ent.aliases, join_into(key, words[mi]));
                }
            }
            if let Some(t) = m.title {
                let title_text = t.text(text);
                let start = m.prefix.map(|p| mentions[p].span.start).unwrap_or(t.start);
                let full = Span {
                    start,
                    end: m.span.end,
                }
                .text(text);
                insert_new(&mut ent.aliases, collapse_into(spaced, &[full]));
                if start != t.start {
                    let surface = join_into(key, words[mi]);
                    let titled = collapse_into(spaced, &[title_text, surface]);
                    insert_new(&mut ent.aliases, titled);
                }
                for tw in title_text.split_whitespace() {
                    let tw = lowercase_into(lower, tw.trim_end_matches('.'));
                    insert_new(&mut ent.titles, tw);
                }
                let title = collapse_into(spaced, &[title_text]).trim_end_matches('.');
                insert_new(&mut ent.titles, lowercase_into(lower, title));
            }
        }
        // descriptors before a name give organizations a class ("charity Actionaid")
        for (mi, m) in mentions.iter().enumerate() {
            let Some(di) = draft_of[mi] else { continue };
            let a = m.tokens.0 as usize;
            if a > 0
                && w.is_lower(a - 1)
                && let Some(nom) = w.entry(a - 1).and_then(|e| e.nominal)
                && nom.kind == Kind::Organization
            {
                let d = &mut drafts[di];
                d.kind_votes[1] += 2;
                if d.class.is_none() {
                    d.class = Some(nom.class);
                }
            }
        }
        // the entities' kinds, labels and classes: designator classes ("Union" → union)
        for (d, e) in drafts.iter().zip(entity_of_draft.iter()) {
            let Some(e) = *e else { continue };
            let ent = &mut entities[e];
            ent.class = d.class.or_else(|| {
                let last = d.label_words.last()?;
                let o = self.lex.word(lowercase_into(lower, last))?.org_word?;
                Some(o.class)
            });
            let kind = majority(d);
            ent.kind = kind;
            // the label is no alias: a mention's words that are the label were not put
            // among them, but a title's form may have been, and is taken out
            let joined = join_into(key, d.label_words);
            ent.label = (ent.aliases.take(joined)).unwrap_or_else(|| joined.to_string());
            if kind != Kind::Person {
                let (aliases, label) = (&mut ent.aliases, &ent.label);
                let members: Vec<String> = aliases
                    .iter()
                    .chain(std::iter::once(label))
                    .filter_map(|a| self.member_noun(a, label))
                    .collect();
                // a member noun may be the label itself ("Democrat")
                if !members.is_empty() {
                    aliases.extend(members);
                    aliases.remove(label);
                }
            }
        }
        let mut entity_of = std::mem::take(spare_entity_of);
        entity_of.clear();
        entity_of.extend(draft_of.iter().map(|d| d.and_then(|d| entity_of_draft[d])));

        let mut res = Resolution {
            entities,
            entity_of,
            references: Vec::new(),
            // filled by `references`, in one pass (no fill with NONE first)
            by_token: Vec::new(),
        };
        self.references(&w, mentions, &mut res, refs);
        // the vectors of borrowed words kept, empty, for the next document
        *spare_drafts = recycle(drafts);
        drop(words);
        *spare_canonical = recycle(canonical);
        *spare_words = recycle(all_words);
        res
    }

    /// Step 3: acronyms, numbered stations, trailing words, word prefixes.
    // out of line: called once per document, and a profile then shows its cost
    #[inline(never)]
    fn merge_org_forms(
        &self,
        w: &Words,
        mentions: &[Mention],
        drafts: &mut [Draft],
        draft_of: &[Option<usize>],
    ) {
        let n = drafts.len();
        let live = |d: &Draft| d.merged_into.is_none();
        // explicit definitions: "Chicago Teachers Union (CTU)"
        let defines = |m: &Mention| {
            let a = m.tokens.0 as usize;
            m.len() == 1 && m.has(evidence::ACRONYM) && a >= 2 && w.tok(a - 1).is_punct('(')
        };
        // only for a document that has such a definition: the last mention so far that
        // ends at each token, kept while reading (no list of every mention per token)
        let mut ends_at: FxHashMap<u32, usize> = FxHashMap::default();
        let any_defines = mentions.iter().any(defines);
        for (mi, m) in mentions.iter().enumerate().filter(|_| any_defines) {
            let a = m.tokens.0 as usize;
            // asked before this mention's own end is kept: the last mention before it
            if defines(m)
                && let Some(&prev) = ends_at.get(&(a as u32 - 1))
                && let (Some(short), Some(long)) = (draft_of[mi], draft_of[prev])
                && short != long
                && majority(&drafts[long]) == Kind::Organization
            {
                drafts[short].merged_into = Some(long);
            }
            ends_at.insert(m.tokens.1, mi);
        }
        // the drafts that are acronyms, told once (a person's never counts: no person is
        // a short form below, and no draft becomes one). Initials are for acronyms: a
        // document with none needs none
        let acronym: Vec<bool> = (drafts.iter())
            .map(|d| {
                d.label_words.len() == 1
                    && majority(d) != Kind::Person
                    && is_acronym(d.label_words[0])
            })
            .collect();
        let mut index = FormIndex::new(drafts, self.lex, acronym.contains(&true));
        let mut cands: Vec<usize> = Vec::new();
        let mut lower = String::new();
        for s in 0..n {
            if !live(&drafts[s]) || majority(&drafts[s]) == Kind::Person {
                continue;
            }
            let short = drafts[s].label_words;
            // an acronym's letters, made once for all its candidates
            let short_acronym = acronym[s].then(|| acronym_keys(short[0]));
            // only the drafts an index says could match are compared (a superset of the
            // matches), so the pass is linear in the drafts, not drafts x drafts
            index.candidates(short, short_acronym.as_ref(), &mut cands);
            if cands.is_empty() {
                continue; // most drafts: and then no look-up for the test below
            }
            // a bare designator ("Union", "Group") is no short form of every name ending in it
            let only_designator = short.len() == 1
                && self
                    .lex
                    .word(lowercase_into(&mut lower, short[0]))
                    .is_some_and(|e| e.org_word.is_some() || e.has(flag::COMMON));
            let tail_allowed = !only_designator && !drafts[s].label_fixed;
            let mut target = None;
            let mut count = 0;
            for &l in &cands {
                if l == s || !live(&drafts[l]) || majority(&drafts[l]) != Kind::Organization {
                    continue;
                }
                if is_long_form(
                    short,
                    short_acronym.as_ref(),
                    tail_allowed,
                    drafts[l].label_words,
                    index.initials(l),
                ) {
                    count += 1;
                    target = Some(l);
                }
            }
            if count == 1
                && let Some(l) = target
            {
                drafts[s].merged_into = Some(l);
                let votes = drafts[s].kind_votes;
                drafts[l].kind_votes[1] += votes.iter().sum::<u32>();
            }
        }
    }

    /// A town of the gazetteer (under a million people) with a one-word name that is no
    /// common word ("Obama", a town in Japan): a "he" or "she" with no person in reach
    /// makes it a person.
    fn is_person_like_town(&self, ent: &Entity) -> bool {
        ent.kind == Kind::Place
            && !ent.label.contains(' ')
            && ent.known.is_some_and(|k| {
                let known = &self.lex.entities[k as usize];
                known.population > 0
                    && known.population < 1_000_000
                    && known
                        .class
                        .is_some_and(|c| self.lex.class_name(c) == "city")
            })
            && !self
                .lex
                .word(&ent.label.to_lowercase())
                .is_some_and(|w| w.has(flag::COMMON))
    }

    /// Names, nominals and pronouns, in reading order.
    // out of line: called once per document, and a profile then shows its cost
    #[inline(never)]
    fn references(
        &self,
        w: &Words,
        mentions: &[Mention],
        res: &mut Resolution,
        scratch: &mut RefScratch,
    ) {
        let layout = w.layout;
        // names, and about as many pronouns and nominals: room made once, not grown
        let mut refs = std::mem::take(&mut scratch.spare_refs);
        refs.clear();
        refs.reserve(2 * mentions.len());
        let mut by_token = std::mem::take(&mut scratch.spare_by_token);
        // salience: mentions so far and last position per entity
        let RefScratch {
            count,
            last_seen,
            last_sentence,
            recency,
            neuter,
            person_like_town,
            of_class,
            head_lower,
            ..
        } = scratch;
        let n = res.entities.len();
        refill(count, n, 0);
        refill(last_seen, n, 0);
        refill(last_sentence, n, u32::MAX);
        recency.reset(n);
        // entities an "it"/"its" has referred to: never a person's name
        refill(neuter, n, false);
        // towns a "he"/"she" could show to be people's names: one pass over the
        // mentions, not one per pronoun (a town named after a place preposition anywhere,
        // "look at Charlotte", is the place)
        person_like_town.clear();
        person_like_town.extend(res.entities.iter().map(|e| self.is_person_like_town(e)));
        // the word before a name read only for such a town (few documents have one), not
        // for every name
        if person_like_town.contains(&true) {
            for (mi, m) in mentions.iter().enumerate() {
                let a = m.tokens.0 as usize;
                if let Some(e) = res.entity_of[mi]
                    && person_like_town[e]
                    && a > 0
                    && w.is_any(a - 1, PLACE_PREPS)
                {
                    person_like_town[e] = false;
                }
            }
        }
        // known entities by the head nouns of their full names ("corporation" → BBC)
        let by_head = heads_of(&res.entities, self.lex);
        head_lower.clear();
        of_class.clear();
        // resliced to the tokens' length, so that indexing them by token is not
        // bounds-checked at every token
        let tokens = &layout.tokens[..];
        let sentence_of = &layout.sentence_of[..tokens.len()];
        // the tokens that start resolved mentions, in order: the stops that `next_stop`
        // need not find by asking at every token (`next_start` is the first not passed),
        // and where a name is (no array over the tokens)
        let starts = mention_starts(
            (mentions.iter().zip(&res.entity_of)).map(|(m, e)| e.map(|_| m.tokens.0)),
        );
        let mut next_start = 0;
        let mut i = 0;
        loop {
            while starts
                .get(next_start)
                .is_some_and(|&(s, _)| (s as usize) < i)
            {
                next_start += 1;
            }
            let limit = starts
                .get(next_start)
                .map_or(tokens.len(), |&(s, _)| s as usize);
            i = next_stop(w.text, &tokens[..limit], i);
            if i >= tokens.len() {
                break;
            }
            if i == limit {
                let si = sentence_of[i];
                let mi = last_starting(&starts, next_start) as usize;
                let m = &mentions[mi];
                let e = res.entity_of[mi].unwrap_or(0);
                refs.push(Reference {
                    tokens: m.tokens,
                    span: m.span,
                    entity: e,
                    kind: RefKind::Name,
                });
                count[e] += 1;
                // "Brett McGurk, President Obama's special envoy, expressed his support":
                // a possessor inside an apposition is no antecedent for what follows; the
                // apposition's head stays the most recent
                if !possessor_in_apposition(w, m.tokens) {
                    touch(recency, last_seen, last_sentence, e, (i, si));
                }
                i = m.tokens.1 as usize;
                continue;
            }
            // a word that may be a pronoun or determiner (`next_stop` skipped the others)
            let t = tokens[i];
            let si = sentence_of[i];
            // only short ASCII words can be the pronouns and determiners below; a
            // pronoun with a contraction ("they'll", "she’d") refers as the pronoun does
            let mut lower_buf = [0u8; 8];
            let lower = pronoun_form(w.text, t.span, &mut lower_buf);
            let recent = |pred: &dyn Fn(&Entity) -> bool, within: u32| -> Option<usize> {
                recent_entities(recency, last_sentence, si, within)
                    .find(|&e| count[e] > 0 && pred(&res.entities[e]))
            };
            // pronouns
            let pronoun: Option<usize> = match lower {
                b"he" | b"him" | b"his" | b"himself" => recent(
                    &|e: &Entity| e.kind == Kind::Person && e.gender != Gender::Female,
                    8,
                ),
                b"she" | b"her" | b"hers" | b"herself" => recent(
                    &|e: &Entity| e.kind == Kind::Person && e.gender != Gender::Male,
                    8,
                ),
                b"it" | b"its" | b"itself" => recent(&|e: &Entity| e.kind == Kind::Organization, 2),
                b"they" | b"their" | b"them" => {
                    recent(&|e: &Entity| e.kind == Kind::Organization, 1)
                }
                _ => None,
            };
            // "Kaine … when he attacked Trump": a he/she with no person in reach, in the
            // sentence of a lone name that was only taken for an organization for want
            // of a better guess, refers to that name, which is then a person's (unless
            // an "its" has referred to it: "Yukos is confident of its right …, he said")
            let lone_name = if pronoun.is_none()
                && matches!(lower, b"he" | b"him" | b"his" | b"she" | b"her")
            {
                recent_entities(recency, last_sentence, si, 0).find(|&e| {
                    count[e] > 0
                        && !neuter[e]
                        && (is_lone_unknown_name(&res.entities[e]) || person_like_town[e])
                })
            } else {
                None
            };
            if let Some(e) = lone_name {
                res.entities[e].kind = Kind::Person;
            }
            if let Some(e) = pronoun
                && matches!(lower, b"it" | b"its" | b"itself")
            {
                neuter[e] = true;
            }
            if let Some(e) = pronoun.or(lone_name) {
                // a pronoun that picked an entity of unknown gender tells it
                if res.entities[e].gender == Gender::Unknown {
                    if matches!(lower, b"he" | b"him" | b"his" | b"himself") {
                        res.entities[e].gender = Gender::Male;
                    } else if matches!(lower, b"she" | b"her" | b"hers" | b"herself") {
                        res.entities[e].gender = Gender::Female;
                    }
                }
                refs.push(Reference {
                    tokens: (i as u32, i as u32 + 1),
                    span: t.span,
                    entity: e,
                    kind: RefKind::Pronoun,
                });
                touch(recency, last_seen, last_sentence, e, (i, si));
                i += 1;
                continue;
            }
            // nominals: "the union", "the Swedish firm", "the mayor", "a CPS spokesperson" is
            // handled by quotes/roles (it names its organization)
            if matches!(lower, b"the" | b"this" | b"that") {
                let seen = Salience {
                    count,
                    last_seen,
                    last_sentence,
                    recency,
                    starts: &starts[next_start..],
                    sentence: si,
                };
                let known = Known {
                    by_head: &by_head,
                    of_class,
                    lower: head_lower,
                };
                if let Some((end, e)) = self.nominal(w, i, res, &seen, known) {
                    refs.push(Reference {
                        tokens: (i as u32, end as u32),
                        span: t.span.cover(w.tok(end - 1).span),
                        entity: e,
                        kind: RefKind::Nominal,
                    });
                    count[e] += 1;
                    touch(recency, last_seen, last_sentence, e, (i, si));
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        reference_of_token(&refs, tokens.len(), &mut by_token);
        res.by_token = by_token;
        res.references = refs;
    }

    /// The person a role nominal ("the Glasgow Kelvin MP") refers to.
    fn person_by_role(
        &self,
        w: &Words,
        first: usize,
        head: usize,
        res: &Resolution,
        seen: &Salience,
    ) -> Option<usize> {
        let role = w.text_of(head).to_lowercase();
        let persons = |within: u32| {
            seen.recent(within)
                .filter(|&e| res.entities[e].kind == Kind::Person && seen.count[e] > 0)
        };
        // names and numbers before the role ("the Labour MP", "the 50-year-old MP") must
        // be part of how the title holder was introduced
        let modifiers: Vec<&str> = (first..head)
            .filter(|&k| w.tok(k).is(shape::CAP) || w.tok(k).kind == TokenKind::Number)
            .map(|k| w.text_of(k))
            .collect();
        let introduced_so = |e: usize| {
            modifiers.iter().all(|m| {
                res.entities[e]
                    .aliases
                    .iter()
                    .any(|a| a.split(' ').any(|x| x == *m))
            })
        };
        if let Some(e) = persons(NOMINAL_WINDOW)
            .filter(|&e| res.entities[e].titles.contains(&role) && introduced_so(e))
            .max_by_key(|&e| (seen.count[e], seen.last_seen[e]))
        {
            return Some(e);
        }
        let recent: Vec<usize> = persons(3).collect();
        let best = recent.iter().copied().max_by_key(|&e| seen.count[e])?;
        let ties = recent
            .iter()
            .filter(|&&e| seen.count[e] == seen.count[best])
            .count();
        (ties == 1).then_some(best)
    }

    /// A nominal reference starting at determiner `i`: "the union", "the Swedish firm",
    /// "the mayor", "the prime minister". Returns (end token, entity).
    fn nominal(
        &self,
        w: &Words,
        i: usize,
        res: &Resolution,
        seen: &Salience,
        known: Known,
    ) -> Option<(usize, usize)> {
        let (count, last_seen) = (seen.count, seen.last_seen);
        let tokens = &w.layout.tokens[..];
        let n = tokens.len();
        let para = tokens[i].para;
        // the head before this one and its entry: the first word of a two-word nominal
        let mut prev: Option<(Token, Option<&WordEntry>)> = None;
        // up to two modifiers between the determiner and the noun
        for len in 1..=3 {
            let end = i + 1 + len;
            let head = end - 1;
            let &ht = tokens.get(head)?;
            if !matches!(ht.kind, TokenKind::Word | TokenKind::Number) || ht.para != para {
                return None;
            }
            // the head must end the noun phrase (not "the union leaders", "the district
            // officials"): a role noun or a plural common noun after it makes a compound.
            // Asked only where it decides: it takes several lexicon look-ups, and most
            // heads have no nominal and no role
            let next_is_noun = || {
                end < n && w.is_lower(end) && {
                    let nx = w.text_of(end);
                    w.has(end, flag::ROLE)
                        || w.entry(end).is_some_and(|e| e.nominal.is_some())
                        || (nx.ends_with('s')
                            && !nx.ends_with("ss")
                            && w.has(end, flag::COMMON)
                            && !w.has(end, flag::FUNCTION)
                            && !w.has(end, flag::SPEECH)
                            && w.entry(end).is_some_and(|e| e.stance_cues.is_empty()))
                }
            };
            if (seen.starts.iter())
                .take_while(|&&(s, _)| s as usize <= head)
                .any(|&(s, _)| s as usize == head)
            {
                return None; // a name starts here: "the Chicago Teachers Union"
            }
            // the head's entry, looked up once for all the questions below
            let entry = ht.word.map(|id| w.lexicon.entry(id));
            // only a word that starts some phrase can start a two-word nominal (the
            // token's entry says so, when its text is its plain lower-case key); not the
            // determiner itself, asked first and most
            let may_start = |(t, e): (Token, Option<&WordEntry>)| {
                e.is_some_and(|e| e.has(flag::PHRASE_PREFIX))
                    || period_or_non_ascii(w.text.as_bytes(), t.span)
            };
            let two_word = match prev {
                Some(p) if may_start(p) => {
                    self.two_word_nominal(p.0.span.text(w.text), ht.span.text(w.text))
                }
                _ => None,
            };
            let nom = two_word.or_else(|| entry.and_then(|e| e.nominal));
            let Some(nom) = nom else {
                // "the Glasgow Kelvin MP", "the 50-year-old MP": a role noun with modifiers
                // is the person with that title, else the most mentioned person of the last
                // three sentences
                if ((ht.kind == TokenKind::Word && ht.is(shape::LOWER)) || ht.is(shape::UPPER))
                    && entry.is_some_and(|e| e.has(flag::ROLE))
                    && head > i + 1
                    && !next_is_noun()
                {
                    return self
                        .person_by_role(w, i + 1, head, res, seen)
                        .map(|e| (end, e));
                }
                // modifiers must be words that can stand before a noun
                if entry.is_some_and(|e| e.has(flag::FUNCTION)) {
                    return None;
                }
                prev = Some((ht, entry));
                continue;
            };
            if ht.is(shape::CAP) && !entry.is_some_and(|e| e.has(flag::DEMONYM)) && head == i + 1 {
                return None;
            }
            if next_is_noun() {
                prev = Some((ht, entry));
                continue; // "the school district": the head is further on
            }
            // "the corporation" → the BBC ("British Broadcasting Corporation"), "the
            // party" → Labour: a known entity whose full name ends with the noun
            if !known.by_head.is_empty() {
                let head_word = lowercase_into(known.lower, w.text_of(head));
                let by_name = entities_headed(known.by_head, head_word).iter();
                if let Some(&(_, e)) =
                    by_name.max_by_key(|&&(_, e)| (count[e], res.entities[e].mentions.len()))
                {
                    return Some((end, e));
                }
            }
            let class_name = self.lex.class_name(nom.class);
            let fits = |e: usize, loose: bool| {
                let ent = &res.entities[e];
                ent.kind == nom.kind
                    && match nom.kind {
                        Kind::Person => ent.titles.contains(class_name),
                        _ => {
                            ent.class == Some(nom.class)
                                || (loose
                                    && (class_name == "any"
                                        || (ent.class.is_none() && class_name == "company")))
                        }
                    }
            };
            if let Some(best) = seen
                .recent(NOMINAL_WINDOW)
                .filter(|&e| count[e] > 0 && fits(e, true))
                .max_by_key(|&e| (count[e], last_seen[e]))
            {
                return Some((end, best));
            }
            // a story may say "the school district" before it names it: the one entity of
            // that class in the whole document (the same answer all through: found once)
            let main = known
                .of_class
                .entry((nom.kind, nom.class))
                .or_insert_with(|| {
                    let mut later: Vec<(usize, usize)> = (0..res.entities.len())
                        .filter(|&e| fits(e, false))
                        .map(|e| (res.entities[e].mentions.len(), e))
                        .collect();
                    later.sort_unstable_by(|a, b| b.cmp(a));
                    match later.as_slice() {
                        [(_, e)] => Some(*e),
                        // clearly the main one: twice as many mentions as the next
                        [(n1, e), (n2, _), ..] if *n1 >= 2 * *n2 => Some(*e),
                        _ => None,
                    }
                });
            return main.map(|e| (end, e));
        }
        None
    }

    /// The nominal of the phrase of two words ("prime minister"), looked up by their
    /// lower-case forms joined by a space. Two short ASCII words (nearly all) are lowered
    /// into a buffer on the stack, not a new string: asked at many "the" of a story.
    fn two_word_nominal(&self, first: &str, second: &str) -> Option<Nominal> {
        let (a, b) = (first.as_bytes(), second.as_bytes());
        let mut buf = [0u8; 48];
        let n = a.len() + 1 + b.len();
        if n <= buf.len() && first.is_ascii() && second.is_ascii() {
            buf[..a.len()].copy_from_slice(a);
            buf[a.len()] = b' ';
            buf[a.len() + 1..n].copy_from_slice(b);
            buf[..n].make_ascii_lowercase();
            // ASCII bytes: always a string
            let key = std::str::from_utf8(&buf[..n]).ok()?;
            return self.lex.phrase(key).and_then(|p| p.nominal);
        }
        let mut key = String::new();
        push_lowercase(&mut key, first);
        key.push(' ');
        push_lowercase(&mut key, second);
        self.lex.phrase(&key).and_then(|p| p.nominal)
    }
}

/// The first tokens of the resolved mentions, given for each mention (None: not
/// resolved), with the mention, sorted by token; mentions with the same first token
/// stay in their order (the last of them is the one read there: see [`last_starting`]).
/// [`Resolver::references`] looks names up here, not in an array over all the tokens.
fn mention_starts(firsts: impl Iterator<Item = Option<u32>>) -> Vec<(u32, u32)> {
    let mut starts: Vec<(u32, u32)> = Vec::with_capacity(firsts.size_hint().0);
    starts.extend(
        firsts
            .enumerate()
            .filter_map(|(mi, first)| Some((first?, mi as u32))),
    );
    // the mentions come in text order: sorted only if not (a stable sort)
    if !starts.is_sorted_by_key(|&(s, _)| s) {
        starts.sort_by_key(|&(s, _)| s);
    }
    starts
}

/// The mention read at the token where `starts[at]`, the first of [`mention_starts`]
/// there, starts: the last mention starting there.
fn last_starting(starts: &[(u32, u32)], mut at: usize) -> u32 {
    let token = starts[at].0;
    while starts.get(at + 1).is_some_and(|&(s, _)| s == token) {
        at += 1;
    }
    starts[at].1
}

/// For each of `n` tokens, the reference covering it ([`NONE`]: none). The references
/// come in text order and do not overlap. All tokens are filled with [`NONE`] in one
/// `memset` (every byte of it is 0xff) and then each reference's one to three tokens
/// written: writing each token once, gap by gap, cost a `resize` (a capacity test and a
/// call of `memset` for a few bytes) per gap and per reference.
fn reference_of_token(refs: &[Reference], n: usize, by_token: &mut Vec<u32>) {
    by_token.clear();
    by_token.resize(n, NONE);
    for (ri, r) in refs.iter().enumerate() {
        by_token[r.tokens.0 as usize..r.tokens.1 as usize].fill(ri as u32);
    }
}

/// The first token of `tokens` from `from` on that may be one of the pronouns and
/// determiners [`Resolver::references`] looks for; the number of tokens when none is.
/// The caller cuts `tokens` at the next resolved mention, so that this is a tight loop
/// of its own over the tokens that refer to nothing (most of them), with no question
/// about mentions at each, not a pass of the main loop for each.
fn next_stop(text: &str, tokens: &[Token], from: usize) -> usize {
    let text = text.as_bytes();
    let Some(rest) = tokens.get(from..) else {
        return from;
    };
    // four tokens a round: the loop's own count and test are a third of the work for a
    // token turned away by its first byte (most of them)
    let mut chunks = rest.chunks_exact(4);
    let mut at = from;
    for c in &mut chunks {
        if let Some(k) = (0..4).find(|&k| may_refer(text, &c[k])) {
            return at + k;
        }
        at += 4;
    }
    (chunks.remainder().iter())
        .position(|t| may_refer(text, t))
        .map_or(tokens.len(), |k| at + k)
}

/// True when token `t` may be a pronoun or determiner of [`Resolver::references`]:
/// those are of seven letters or fewer (ten with a contraction), of two at least, and
/// start with "he", "hi", "sh", "it" or "th" (in either case: `| 0x20` lowers an ASCII
/// letter and makes no other byte one). Most tokens are none of them, told without
/// slicing the text, and mostly by their first byte, in one table look-up: asked
/// first, before the kind and the length.
fn may_refer(text: &[u8], t: &Token) -> bool {
    // a word of the lexicon starts with one of those pairs when its fact says so (its id
    // is its text lowered, and only ASCII letters lower to them), so its text need not be
    // read: most tokens are turned away by a bit of the token itself
    if t.word.is_some() {
        return t.facts & fact::MAY_REFER != 0
            && t.kind == TokenKind::Word
            && (2..=10).contains(&t.span.len());
    }
    may_refer_by_text(text, t)
}

/// [`may_refer`] read from the text: for a token that is no word of the lexicon (and
/// the simple form a test holds the fast one to).
fn may_refer_by_text(text: &[u8], t: &Token) -> bool {
    let start = t.span.start as usize;
    match text.get(start..start + 2) {
        Some(&[a, b]) => {
            MAY_START[a as usize]
                && t.kind == TokenKind::Word
                && (2..=10).contains(&t.span.len())
                && matches!(&[a | 0x20, b | 0x20], b"he" | b"hi" | b"sh" | b"it" | b"th")
        }
        _ => false,
    }
}

/// For each byte, whether a word starting with it may be one of the pronouns and
/// determiners: h, s, i and t in either case.
static MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < 256 {
        table[k] = matches!(k as u8 | 0x20, b'h' | b's' | b'i' | b't');
        k += 1;
    }
    table
};

/// True when the bytes of `text` at `span` hold a period or a byte that is not ASCII
/// (the token's lexicon entry may then not be its plain lower-case text). Asked of
/// most words after a nominal's determiner: a word of eight bytes or fewer (nearly all)
/// is read as one number, its bytes past the word cleared, not tested byte by byte.
fn period_or_non_ascii(text: &[u8], span: Span) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const PERIODS: u64 = 0x2e2e_2e2e_2e2e_2e2e;
    let (start, n) = (span.start as usize, span.len());
    if n <= 8
        && let Some(window) = text.get(start..start + 8)
        && let Ok(window) = <[u8; 8]>::try_from(window)
    {
        let keep = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        let x = u64::from_le_bytes(window) & keep;
        // a byte of `x` is a period where it is zero here (cleared bytes are 0x2e); the
        // test for a zero byte is exact about whether there is one
        let periods = x ^ PERIODS;
        let zero_byte = periods.wrapping_sub(ONES) & !periods & HIGH;
        return (x & HIGH) | zero_byte != 0;
    }
    period_or_non_ascii_by_byte(&text[span.start as usize..span.end as usize])
}

/// [`period_or_non_ascii`] byte by byte (and the simple form a test holds it to).
fn period_or_non_ascii_by_byte(b: &[u8]) -> bool {
    b.iter().any(|&c| c == b'.' || !c.is_ascii())
}

/// The form of a short word that [`Resolver::references`] matches against its pronouns
/// and determiners: the word at `span` of `text` without a contraction's ending, with
/// each byte's ASCII case bit set, in `buf`; empty when longer than `buf`. Setting the
/// bit lowers a capital and makes no other byte (nor any byte of a non-ASCII
/// character) a lower-case letter, so the form equals a lower-case word exactly when
/// the word is that word in any case.
fn pronoun_form<'b>(text: &str, span: Span, buf: &'b mut [u8; 8]) -> &'b [u8] {
    // asked for most short words starting with h, s, i or t: a contraction's ending is
    // one or two letters after ' or ’ (whose last byte is 0x99), so a word without either
    // byte two or three from its end has none, and needs no search for an apostrophe
    let b = span.bytes(text);
    let n = b.len();
    let apostrophe_at = |back: usize| n >= back && matches!(b[n - back], b'\'' | 0x99);
    let n = if apostrophe_at(2) || apostrophe_at(3) {
        without_contraction(span.text(text)).len()
    } else {
        n
    };
    if n > buf.len() {
        return &[];
    }
    // the eight bytes from the word's start in one copy and one OR when the text has
    // them (the bytes past the word are cut off), not a test and a lowering per byte
    let start = span.start as usize;
    match text.as_bytes().get(start..start + buf.len()) {
        Some(window) => buf.copy_from_slice(window),
        None => buf[..n].copy_from_slice(&b[..n]),
    }
    *buf = (u64::from_ne_bytes(*buf) | 0x2020_2020_2020_2020).to_ne_bytes();
    &buf[..n]
}

/// `s` without a contraction's ending: "they'll", "they’re", "she'd", "he's" → the
/// pronoun.
fn without_contraction(s: &str) -> &str {
    s.rsplit_once(['\'', '\u{2019}'])
        .filter(|(_, end)| {
            matches!(
                *end,
                "s" | "ll" | "re" | "d" | "ve" | "S" | "LL" | "RE" | "D" | "VE"
            )
        })
        .map_or(s, |(core, _)| core)
}

/// `words.join(" ")` in `buf` (cleared first).
fn join_into<'b>(buf: &'b mut String, words: &[&str]) -> &'b str {
    buf.clear();
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(word);
    }
    buf
}

/// The words of `parts` (split at whitespace) joined by single spaces, in `buf`
/// (cleared first): the parts as if joined by spaces, with the whitespace collapsed.
fn collapse_into<'b>(buf: &'b mut String, parts: &[&str]) -> &'b str {
    buf.clear();
    let mut push = |word: &str| {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(word);
    };
    for part in parts {
        if !part.is_ascii() {
            part.split_whitespace().for_each(&mut push);
            continue;
        }
        // an ASCII part (nearly all titles) is cut at its whitespace bytes, those
        // `char::is_whitespace` takes among ASCII (tab to carriage return, space):
        // no decoding of characters
        let bytes = part.as_bytes();
        let white = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
        let mut at = 0;
        while at < bytes.len() {
            let start = at + bytes[at..].iter().take_while(|&&c| white(c)).count();
            let end = start + bytes[start..].iter().take_while(|&&c| !white(c)).count();
            if start < end {
                push(&part[start..end]);
            }
            at = end;
        }
    }
    buf
}

/// Inserts a copy of `s` unless the set has it already.
fn insert_new(set: &mut BTreeSet<String>, s: &str) {
    if !set.contains(s) {
        set.insert(s.to_string());
    }
}

/// `s.to_lowercase()` in `buf` (cleared first), without an allocation when `s` is ASCII
/// (also how the graph lowers names in `finish`).
pub(crate) fn lowercase_into<'b>(buf: &'b mut String, s: &str) -> &'b str {
    buf.clear();
    push_lowercase(buf, s);
    buf
}

/// Appends `s.to_lowercase()` to `out`, without the copy when `s` is ASCII.
fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// The bytes of `words.join(" ")`, without joining.
fn joined_bytes<'a>(words: &'a [&str]) -> impl Iterator<Item = u8> + 'a {
    words
        .iter()
        .enumerate()
        .flat_map(|(k, word)| (k > 0).then_some(b' ').into_iter().chain(word.bytes()))
}

/// `a.join(" ") == b.join(" ")`, without joining (and without a look at the bytes
/// when the words are the same).
fn joined_eq(a: &[&str], b: &[&str]) -> bool {
    a == b || joined_bytes(a).eq(joined_bytes(b))
}

/// `a.join(" ").eq_ignore_ascii_case(&b.join(" "))`, without joining ("Liberal
/// Democrats" as one word of a list entry is "liberal" and "democrats").
fn joined_eq_ignore_ascii_case(a: &[&str], b: &[&str]) -> bool {
    joined_bytes(a)
        .map(|c| c.to_ascii_lowercase())
        .eq(joined_bytes(b).map(|c| c.to_ascii_lowercase()))
}

/// A hash of `words.join(" ")` in ASCII lower case, without joining or lowering a copy:
/// equal for names that [`joined_eq_ignore_ascii_case`] finds equal.
fn lower_hash(words: &[&str]) -> u64 {
    // loops, not `joined_bytes`: asked for every label, and the loops are the faster
    let mut h = FxHasher::default();
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            h.write_u8(b' ');
        }
        for c in word.bytes() {
            h.write_u8(c.to_ascii_lowercase());
        }
    }
    h.finish()
}

fn majority(d: &Draft) -> Kind {
    let [p, o, l] = d.kind_votes;
    if p > o && p > l {
        Kind::Person
    } else if o >= l {
        Kind::Organization
    } else {
        Kind::Place
    }
}

/// Drafts by label and where each is mentioned, for step 2's look-ups. Entries are
/// added when a draft's label changes and never removed: each look-up checks the
/// draft's current label, so a stale entry is skipped. That check also lets a label be
/// keyed by a hash of its lower-case words, not by a copy of them: a draft under a
/// colliding hash is skipped as a stale one is.
#[derive(Default)]
struct DraftIndex {
    /// [`lower_hash`] of the last label word → drafts (labels of two words or more).
    by_last: Lists,
    /// [`lower_hash`] of the label → drafts.
    by_label: Lists,
    /// For each draft, the first tokens of the mentions given to it so far.
    at: DraftLists,
}

/// [`Lists`] under draft numbers: the newest item of each draft in a vector indexed by
/// the draft, not a hash map (an item is pushed for every mention given a draft).
#[derive(Default)]
struct DraftLists {
    /// Draft → its newest item ([`NONE`]: none, also past the end).
    newest: Vec<u32>,
    /// (number, the item pushed before it for its draft, [`NONE`] for none)
    items: Vec<(u32, u32)>,
}

impl DraftLists {
    /// Emptied, with room for `n` drafts' items, in the memory it had.
    fn reset(&mut self, n: usize) {
        self.newest.clear();
        self.newest.reserve(n);
        self.items.clear();
        self.items.reserve(n);
    }

    fn push(&mut self, di: usize, value: u32) {
        if di >= self.newest.len() {
            self.newest.resize(di + 1, NONE);
        }
        let before = std::mem::replace(&mut self.newest[di], self.items.len() as u32);
        self.items.push((value, before));
    }

    /// The numbers of draft `di`, newest first.
    fn get(&self, di: usize) -> impl Iterator<Item = u32> + '_ {
        walk(&self.items, self.newest.get(di).copied().unwrap_or(NONE))
    }
}

/// Lists of numbers by key, all in one vector (each item links to the one pushed before
/// it under its key): for indexes of a few numbers under each of many keys, with no
/// allocation per key. A list is walked newest first.
#[derive(Default)]
struct Lists {
    /// Key → its newest item.
    newest: FxHashMap<u64, u32>,
    /// (number, the item pushed before it under its key, [`NONE`] for none)
    items: Vec<(u32, u32)>,
}

impl Lists {
    /// Emptied, with room for `n` numbers, in the memory it had (the map is only asked
    /// by key, never walked, so its room changes no result).
    fn reset(&mut self, n: usize) {
        self.newest.clear();
        self.newest.reserve(n);
        self.items.clear();
        self.items.reserve(n);
    }

    fn push(&mut self, key: u64, value: u32) {
        let before = self.newest.insert(key, self.items.len() as u32);
        self.items.push((value, before.unwrap_or(NONE)));
    }

    /// The numbers under `key`, newest first.
    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        walk(&self.items, self.newest.get(&key).copied().unwrap_or(NONE))
    }
}

/// The numbers of a list of [`Lists`] or [`DraftLists`] whose newest item is `at` in
/// `items` (each links to the one before it), newest first.
fn walk(items: &[(u32, u32)], mut at: u32) -> impl Iterator<Item = u32> + '_ {
    std::iter::from_fn(move || {
        let &(value, before) = items.get(at as usize)?;
        at = before;
        Some(value)
    })
}

impl DraftIndex {
    /// Emptied, with room for `n` drafts, in the memory it had.
    fn reset(&mut self, n: usize) {
        self.by_last.reset(n);
        self.by_label.reset(n);
        self.at.reset(n);
    }

    fn label(&mut self, di: usize, words: &[&str]) {
        // only a name of two words or more is a full name that a surname joins (see
        // `persons_named`); a label changes only through here, so an unlisted draft
        // never becomes one unseen
        if let [_, .., last] = words {
            self.by_last
                .push(lower_hash(std::slice::from_ref(last)), di as u32);
        }
        self.by_label.push(lower_hash(words), di as u32);
    }

    fn mentioned(&mut self, di: usize, token: u32) {
        self.at.push(di, token);
    }

    /// The live persons named in full whose last word is `last`, in draft order.
    fn persons_named(&self, drafts: &[Draft], last: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .by_last
            .get(lower_hash(&[last]))
            .map(|i| i as usize)
            .filter(|&i| {
                let d = &drafts[i];
                d.merged_into.is_none()
                    && majority(d) == Kind::Person
                    && d.label_words.len() >= 2
                    && d.label_words
                        .last()
                        .is_some_and(|l| l.eq_ignore_ascii_case(last))
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first live draft whose label is `words` (ASCII case ignored).
    fn same_label(&self, drafts: &[Draft], words: &[&str]) -> Option<usize> {
        self.by_label
            .get(lower_hash(words))
            .map(|i| i as usize)
            .filter(|&i| {
                drafts[i].merged_into.is_none()
                    && joined_eq_ignore_ascii_case(drafts[i].label_words, words)
            })
            .min()
    }

    /// Among candidate drafts, the one mentioned most recently before `m`; when none was
    /// mentioned before it, the one mentioned first after it.
    fn nearest(&self, cands: &[usize], m: &Mention) -> Option<usize> {
        if cands.len() <= 1 {
            return cands.first().copied();
        }
        let at = |c: usize| self.at.get(c);
        let before = cands
            .iter()
            .filter_map(|&c| at(c).filter(|&p| p < m.tokens.0).max().map(|p| (p, c)))
            .max();
        if let Some((_, c)) = before {
            return Some(c);
        }
        cands
            .iter()
            .filter_map(|&c| at(c).filter(|&p| p >= m.tokens.0).min().map(|p| (p, c)))
            .min()
            .map(|(_, c)| c)
    }
}

fn is_acronym(s: &str) -> bool {
    // an ASCII word (nearly all) in one pass over its bytes: for ASCII characters the
    // Unicode tests are the ASCII ones
    let (letters, upper) = if s.is_ascii() {
        s.bytes().fold((0, 0), |(l, u), c| {
            (
                l + usize::from(c.is_ascii_alphabetic()),
                u + usize::from(c.is_ascii_uppercase()),
            )
        })
    } else {
        (
            s.chars().filter(|c| c.is_alphabetic()).count(),
            s.chars().filter(|c| c.is_uppercase()).count(),
        )
    };
    (2..=7).contains(&letters) && upper >= 2 && upper * 10 >= letters * 7
}

/// Whether `long` is the long form of the organization name `short`: the initials of
/// an acronym ("CTU"), a network's numbered station ("CBS" → "CBS 2"), its trailing
/// words ("Telegraph" → "Daily Telegraph", when `tail_allowed`), or words it starts
/// ("Lib Dem" → "Liberal Democrats"). `acronym` is [`acronym_keys`] of `short`'s word
/// when it is an acronym.
fn is_long_form(
    short: &[&str],
    acronym: Option<&AcronymKeys>,
    tail_allowed: bool,
    long: &[&str],
    initials: &Initials,
) -> bool {
    if let Some(acronym) = acronym {
        long.len() >= 2
            && (initials_match(acronym, initials)
                || (long.len() == 2
                    && long[0] == short[0]
                    && long[1].bytes().all(|b| b.is_ascii_digit())))
    } else if long.len() > short.len() {
        tail_allowed
            && long[long.len() - short.len()..]
                .iter()
                .zip(short)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    } else if long.len() == short.len() && long.len() >= 2 {
        long.iter()
            .zip(short)
            .all(|(l, s)| s.len() >= 3 && s.len() < l.len() && starts_with_lower(l, s))
    } else {
        false
    }
}

/// The initials of a long name: of its content words (no "of", "and") and of all words,
/// in capitals ("Department for Education and Skills" → "DES", "DFEAS").
#[derive(Default)]
struct Initials {
    content: String,
    all: String,
}

/// The initials of a name that has none made (no long form, or no acronym to match).
static NO_INITIALS: Initials = Initials {
    content: String::new(),
    all: String::new(),
};

/// An acronym's letters in capitals, and its capitals alone (see [`acronym_keys`]).
type AcronymKeys = (String, String);

impl Initials {
    /// `lower` is scratch for the lower-case words (no copy of each).
    fn of(long: &[&str], lex: &Lexicon, lower: &mut String) -> Initials {
        let content: String = long
            .iter()
            .filter(|w| {
                !lex.word(lowercase_into(lower, w))
                    .is_some_and(|e| e.has(flag::FUNCTION))
            })
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        // (`str::to_uppercase` is that of each character: no string to copy upper-cased)
        let all: String = long
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        Initials { content, all }
    }
}

/// The letters of an acronym, in capitals, and its capitals alone ("DfES": "DFES", "DES").
fn acronym_keys(acro: &str) -> AcronymKeys {
    let target: String = acro
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_uppercase();
    // "DfES": the capitals are the content words' initials
    let capitals: String = acro.chars().filter(|c| c.is_uppercase()).collect();
    (target, capitals)
}

/// True when the acronym of these [`acronym_keys`] spells the initials of a long
/// name (content words, or all words).
fn initials_match((target, capitals): &AcronymKeys, long: &Initials) -> bool {
    target.len() >= 2
        && (*target == long.content
            || *target == long.all
            || (capitals.len() >= 2 && *capitals == long.content))
}

/// Which drafts could be the long form of a short one, for step 3. Only organizations
/// of two words or more are long forms (merging only adds organization votes to a long
/// form, so no other draft becomes one; a short name has a word, and a long form has
/// more words, its initials, or as many words, two or more); liveness is checked at
/// look-up. A document with few of them (nearly all) offers them all as candidates:
/// comparing a short name with each costs less than building indexes. More are indexed
/// by their words ([`FormKeys`]), so the pass stays linear in the drafts.
struct FormIndex {
    /// Initials of each of `longs`, in its order (none when no acronym is to be
    /// matched): not a slot per draft, most of which are no long form.
    initials: Vec<Initials>,
    /// How many drafts there are.
    drafts: usize,
    /// The drafts that could be a long form, in order.
    longs: Vec<usize>,
    /// Per draft, its place in `longs` ([`u32::MAX`]: none): asked of every candidate
    /// pair, so a read, not a search (a binary search of `longs` made step 3 of a 5 MB
    /// document of new names half as costly again: CI's bounded-work check).
    long_at: Vec<u32>,
    /// The indexes, when there are more than [`FormIndex::SCAN_MAX`] of them.
    keys: Option<FormKeys>,
}

/// The indexes of [`FormIndex`]. Keys are hashes, not copies of words: a colliding
/// draft is one more candidate, and every candidate is compared in full.
#[derive(Default)]
struct FormKeys {
    /// Drafts by content or all-word initials.
    by_initials: Lists,
    /// Two-word drafts by first word ("CBS 2").
    by_first: Lists,
    /// Drafts by each of their proper word suffixes ("telegraph" of "Daily Telegraph"),
    /// by [`lower_hash`] (the tail comparison is ASCII case-blind).
    by_suffix: Lists,
    /// Drafts by each prefix of each of their words in lower case, with the word's place
    /// and the name's word count ([`word_prefix_keys`]): a short name of as many words
    /// each of which starts a long form's word ("Lib Dem" → "Liberal Democrats") is
    /// under its own words' keys. (A key of three letters of each word, as it was,
    /// put ever more names that do not match under one key as a document grew: step 3
    /// of a 5 MB document of new names cost 20x a 0.5 MB one.)
    by_word_prefix: Lists,
    /// Per draft, the last look-up ([`FormIndex::candidates`]) that gave it, and that
    /// look-up's number: each draft given once.
    seen: Vec<u32>,
    round: u32,
    /// Scratch of the look-ups: each word's key, where its list is walked to, a word in
    /// lower case.
    words: Vec<u64>,
    heads: Vec<u32>,
    lower: String,
}

/// The hash of a key of [`FormIndex`].
fn hash_of(s: &str) -> u64 {
    FxBuildHasher.hash_one(s)
}

impl FormIndex {
    /// Up to this many possible long forms every one is a candidate, with no index.
    const SCAN_MAX: usize = 16;

    // out of line: called once per document, and a profile then shows its cost
    #[inline(never)]
    fn new(drafts: &[Draft], lex: &Lexicon, acronyms: bool) -> FormIndex {
        FormIndex::with_scan_max(drafts, lex, acronyms, FormIndex::SCAN_MAX)
    }

    /// Indexes the possible long forms when there are more than `scan_max` of them.
    fn with_scan_max(
        drafts: &[Draft],
        lex: &Lexicon,
        acronyms: bool,
        scan_max: usize,
    ) -> FormIndex {
        // only an organization is a long form, and merging only adds to a long
        // form's organization votes: no other draft is ever a candidate's match
        let longs: Vec<usize> = (0..drafts.len())
            .filter(|&l| {
                drafts[l].label_words.len() >= 2 && majority(&drafts[l]) == Kind::Organization
            })
            .collect();
        let mut initials = Vec::new();
        if acronyms {
            let mut lower = String::new();
            initials.reserve_exact(longs.len());
            initials.extend(
                (longs.iter()).map(|&l| Initials::of(drafts[l].label_words, lex, &mut lower)),
            );
        }
        let keys = (longs.len() > scan_max).then(|| FormKeys::new(drafts, &longs, &initials));
        let mut long_at = Vec::new();
        if !initials.is_empty() {
            long_at.resize(drafts.len(), u32::MAX);
            for (k, &l) in longs.iter().enumerate() {
                long_at[l] = k as u32;
            }
        }
        FormIndex {
            initials,
            drafts: drafts.len(),
            longs,
            long_at,
            keys,
        }
    }

    /// The initials of draft `l` (none made: empty).
    fn initials(&self, l: usize) -> &Initials {
        (self.long_at.get(l))
            .and_then(|&k| self.initials.get(k as usize))
            .unwrap_or(&NO_INITIALS)
    }

    /// Drafts that could be the long form of `short`, each once (in no order: the caller
    /// counts the matches, and takes one only when it is the one).
    /// `acronym` is [`acronym_keys`] of `short`'s word when it is an acronym.
    fn candidates(&mut self, short: &[&str], acronym: Option<&AcronymKeys>, out: &mut Vec<usize>) {
        out.clear();
        if short.is_empty() {
            // no words: every longer name ends with them (never seen; kept exact)
            out.extend(0..self.drafts);
            return;
        }
        let Some(keys) = &mut self.keys else {
            out.extend_from_slice(&self.longs);
            return;
        };
        // each once: a draft may be under two of the keys looked up (or under one twice,
        // through a colliding hash), and two would count as two matches. Marked by the
        // round, not sorted: a sort of every list made step 3 n log n in its candidates
        keys.round += 1;
        let (round, seen) = (keys.round, &mut keys.seen);
        let mut add = |list: &Lists, key: u64| {
            out.extend(list.get(key).map(|l| l as usize).filter(|&l| {
                let new = seen[l] != round;
                seen[l] = round;
                new
            }))
        };
        if let Some((target, capitals)) = acronym {
            add(&keys.by_initials, hash_of(target));
            add(&keys.by_initials, hash_of(capitals));
            add(&keys.by_first, hash_of(short[0]));
        } else {
            add(&keys.by_suffix, lower_hash(short));
            // a prefix form has as many words, each of three bytes or more
            // (`is_long_form`): only then is it looked up
            if short.len() >= 2 && short.iter().all(|s| s.len() >= 3) {
                let lists = &keys.by_word_prefix;
                let (heads, words) = (&mut keys.heads, &mut keys.words);
                words.clear();
                words.extend(short.iter().enumerate().map(|(at, word)| {
                    let lower = lowercase_into(&mut keys.lower, word);
                    short_word_key(short.len(), at, lower)
                }));
                heads.clear();
                heads.extend(
                    words
                        .iter()
                        .map(|key| lists.newest.get(key).copied().unwrap_or(NONE)),
                );
                // a long form is under every word's key: the drafts of the shortest
                // list are the candidates. The lists are walked side by side until one
                // ends, so finding it costs the words times its length, however long
                // the others are
                let shortest = loop {
                    if let Some(k) = heads.iter().position(|&h| h == NONE) {
                        break k;
                    }
                    for h in heads.iter_mut() {
                        *h = lists.items[*h as usize].1;
                    }
                };
                add(lists, words[shortest]);
            }
        }
    }
}

impl FormKeys {
    /// The indexes of the drafts `longs`; `initials` those of `longs`, in order, empty
    /// when no acronym is to be matched (then none is looked up by initials or by
    /// first word).
    fn new(drafts: &[Draft], longs: &[usize], initials: &[Initials]) -> FormKeys {
        let mut ix = FormKeys {
            seen: vec![0; drafts.len()],
            ..FormKeys::default()
        };
        let acronyms = !initials.is_empty();
        let mut lower = String::new();
        for (k, &l) in longs.iter().enumerate() {
            let long = drafts[l].label_words;
            let l32 = l as u32;
            if acronyms {
                let initials = &initials[k];
                ix.by_initials.push(hash_of(&initials.content), l32);
                if initials.all != initials.content {
                    ix.by_initials.push(hash_of(&initials.all), l32);
                }
                if long.len() == 2 {
                    ix.by_first.push(hash_of(long[0]), l32);
                }
            }
            // under the prefixes of its words that a short word may lower to (see
            // `short_word_key`)
            ix.by_word_prefix.push(any_word_key(long.len()), l32);
            for (at, word) in long.iter().enumerate() {
                // a short word is shorter (`is_long_form`): of an ASCII word, only a
                // proper prefix is one's lower case (no other key is walked past; most
                // lists would hold the names with that very word). Of another, the
                // whole too: "\u{212A}b" (the Kelvin sign) is longer than "kb" and
                // lowers to it
                let whole_too = !word.is_ascii();
                let lower = lowercase_into(&mut lower, word);
                word_prefix_keys(long.len(), at, lower, |key, len| {
                    if len >= SHORT_WORD_MIN && (len < lower.len() || whole_too) {
                        ix.by_word_prefix.push(key, l32)
                    }
                });
            }
            for k in 1..long.len() {
                ix.by_suffix.push(lower_hash(&long[k..]), l32);
            }
        }
        ix
    }
}

/// The keys of [`FormKeys::by_word_prefix`] for word `at` of a name of `words` words,
/// `lower` in lower case: `key` is given the key of each of its prefixes that ends at a
/// character, and its length in bytes (the whole word's last); the hasher returned has
/// the whole word's key. A short word whose lower case starts the long word's (what
/// [`starts_with_lower`] asks) has the key of that prefix. One pass over the bytes,
/// each prefix's key from the last's.
fn word_prefix_keys(
    words: usize,
    at: usize,
    lower: &str,
    mut key: impl FnMut(u64, usize),
) -> FxHasher {
    let mut h = FxHasher::default();
    h.write_usize(words);
    h.write_usize(at);
    for (k, &c) in lower.as_bytes().iter().enumerate() {
        h.write_u8(c);
        if lower.is_char_boundary(k + 1) {
            key(h.finish(), k + 1);
        }
    }
    h
}

/// Long names are keyed by the prefixes of their words of this many bytes or more (in
/// lower case): a short word has three bytes at least (`is_long_form`), and lowers to
/// as many unless it is no ASCII word.
const SHORT_WORD_MIN: usize = 3;

/// The key of every long name of `words` words in [`FormKeys::by_word_prefix`]: what a
/// short word that lowers to fewer than [`SHORT_WORD_MIN`] bytes ("\u{212A}", the Kelvin
/// sign, lowers to "k") looks up. Never a word's key (no word is at `usize::MAX`).
fn any_word_key(words: usize) -> u64 {
    let mut h = FxHasher::default();
    h.write_usize(words);
    h.write_usize(usize::MAX);
    h.finish()
}

/// What word `at` of a short name of `words` words, `lower` in lower case, looks up in
/// [`FormKeys::by_word_prefix`].
fn short_word_key(words: usize, at: usize, lower: &str) -> u64 {
    if lower.len() < SHORT_WORD_MIN {
        return any_word_key(words);
    }
    word_prefix_keys(words, at, lower, |_, _| ()).finish()
}

/// `word` starts with `prefix`, in lower case.
fn starts_with_lower(word: &str, prefix: &str) -> bool {
    if word.is_ascii() && prefix.is_ascii() {
        // no allocation for the common case
        word.len() >= prefix.len()
            && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        word.to_lowercase().starts_with(&prefix.to_lowercase())
    }
}

/// Whether the name at `tokens` is a possessor ("Obama's") in an apposition after
/// another name: "Brett McGurk, President Obama's envoy, …". Between the comma after
/// the head's last (capitalized) word and the name only capitalized words (a title)
/// may stand.
fn possessor_in_apposition(w: &Words, (a, b): (u32, u32)) -> bool {
    let (a, b) = (a as usize, b as usize);
    if b >= w.layout.tokens.len() || w.tok(b).kind != TokenKind::Possessive {
        return false;
    }
    let sentence = w.layout.sentence_of[a];
    let mut j = a;
    while j > 0 && w.layout.sentence_of[j - 1] == sentence {
        j -= 1;
        let t = w.tok(j);
        if t.is_punct(',') {
            return j > 0
                && w.layout.sentence_of[j - 1] == sentence
                && w.tok(j - 1).kind == TokenKind::Word
                && w.tok(j - 1).is(shape::CAP);
        }
        if t.kind != TokenKind::Word || !t.is(shape::CAP) {
            return false;
        }
    }
    false
}

/// An entity typed an organization on no evidence but its capital: one word, not from
/// the lists, no class, no acronym, designator, organization context, team or
/// all-capitals form. A pronoun "he" or "she" can only mean it as a person.
fn is_lone_unknown_name(ent: &Entity) -> bool {
    let org_signs = evidence::ACRONYM
        | evidence::DESIGNATOR
        | evidence::ORG_CONTEXT
        | evidence::TEAM
        | evidence::CAPS
        | evidence::LEXICON;
    ent.kind == Kind::Organization
        && ent.known.is_none()
        && ent.class.is_none()
        && ent.evidence & evidence::SINGLE != 0
        && ent.evidence & org_signs == 0
        && !ent.label.contains(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vector of borrowed words is kept, empty, in its memory past what it borrowed.
    #[test]
    fn recycle_keeps_the_memory() {
        let text = String::from("a b c");
        let mut v: Vec<&str> = Vec::with_capacity(32);
        v.extend(text.split(' '));
        let kept: Vec<&'static str> = recycle(v);
        drop(text);
        assert!(kept.is_empty() && kept.capacity() >= 32);
    }

    /// The fact of a lexicon word lets the pronoun scan stop at every token where the
    /// text's test would and a pronoun or determiner of `references` is (and only at
    /// words of the right kind and length): all words of the lexicon, as they are,
    /// capitalized, in capitals and with contractions, and news text.
    #[test]
    fn may_refer_by_fact_stops_wherever_a_pronoun_is() {
        const REFERRING: [&[u8]; 18] = [
            b"he", b"him", b"his", b"himself", b"she", b"her", b"hers", b"herself", b"it", b"its",
            b"itself", b"they", b"their", b"them", b"the", b"this", b"that", b"those",
        ];
        let lex = Lexicon::shared();
        let mut text = String::from(
            "He said THE firm's boss, who thinks they'll win, told them: \"It’s theirs.\" \
             She herself is Thailand's envoy; his, hers and its. This, that; These Those HIM. ",
        );
        for w in lex.word_keys() {
            let mut cap = w.to_string();
            if let Some(c) = cap.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            for form in [
                w.to_string(),
                cap,
                w.to_uppercase(),
                format!("{w}'s"),
                format!("{w}’ll"),
            ] {
                text.push_str(&form);
                text.push(' ');
            }
        }
        let mut toks = Vec::new();
        crate::tokens::Tokenizer::new(lex).tokenize_into(
            &text,
            Span::new(0, text.len()),
            0,
            &mut toks,
        );
        let b = text.as_bytes();
        let mut stops = 0;
        for t in &toks {
            let mut buf = [0u8; 8];
            let refers = REFERRING.contains(&pronoun_form(&text, t.span, &mut buf));
            if may_refer_by_text(b, t) && refers {
                stops += 1;
                assert!(may_refer(b, t), "{:?}", t.text(&text));
            }
            if may_refer(b, t) {
                assert!(t.kind == TokenKind::Word && (2..=10).contains(&t.span.len()));
            }
        }
        assert!(stops > 100, "{stops}");
    }
    use crate::mentions::Recognizer;

    proptest::proptest! {
        /// The linked list orders entities as the map from last token to entity did.
        #[test]
        fn recency_orders_entities_by_their_last_reference(
            refs in proptest::collection::vec(0usize..6, 0..40)
        ) {
            let mut list = Recency::default();
            list.reset(6);
            let mut listed = [false; 6];
            let mut map = std::collections::BTreeMap::new();
            let mut last = [0usize; 6];
            for (i, &e) in refs.iter().enumerate() {
                list.bring_forward(e, listed[e]);
                if listed[e] {
                    map.remove(&last[e]);
                }
                map.insert(i, e);
                (listed[e], last[e]) = (true, i);
                let want: Vec<usize> = map.values().rev().copied().collect();
                proptest::prop_assert_eq!(list.newest_first().collect::<Vec<_>>(), want);
            }
        }
    }

    proptest::proptest! {
        /// The eight-byte test for a period or a non-ASCII byte says what the test of each
        /// byte does, for words of any length, anywhere in a text (up to its very end, where
        /// no eight bytes are left), with periods, non-ASCII bytes and 0x2e's neighbours.
        #[test]
        fn period_or_non_ascii_agrees_with_each_byte(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![b'.', b'-', b'/', b'a', b'Z', 0x2d, 0x2f, 0x0e, 0x7f]),
                    proptest::num::u8::ANY,
                ],
                0..24,
            ),
            from in 0usize..24,
            len in 0usize..12,
        ) {
            let start = from.min(text.len());
            let end = (start + len).min(text.len());
            let span = Span { start: start as u32, end: end as u32 };
            proptest::prop_assert_eq!(
                period_or_non_ascii(&text, span),
                period_or_non_ascii_by_byte(&text[start..end])
            );
        }
    }

    proptest::proptest! {
        /// The mention read at each token through the sorted starts is the one an array
        /// over the tokens (each mention written at its first token, in order) holds.
        #[test]
        fn mention_starts_agree_with_an_array_over_the_tokens(
            firsts in proptest::collection::vec(proptest::option::of(0u32..12), 0..20)
        ) {
            let mut array = [NONE; 12];
            for (mi, first) in firsts.iter().enumerate() {
                if let Some(t) = *first {
                    array[t as usize] = mi as u32;
                }
            }
            let starts = mention_starts(firsts.iter().copied());
            for (t, &want) in array.iter().enumerate() {
                let at = starts.partition_point(|&(s, _)| (s as usize) < t);
                let got = match starts.get(at) {
                    Some(&(s, _)) if s as usize == t => last_starting(&starts, at),
                    _ => NONE,
                };
                proptest::prop_assert_eq!(got, want, "token {}", t);
            }
        }

        /// References in text order, not overlapping: one pass writes what filling with
        /// NONE and then writing each reference's tokens does.
        #[test]
        fn reference_of_token_agrees_with_filling(
            gaps in proptest::collection::vec((0u32..3, 1u32..4), 0..10),
            tail in 0usize..3,
        ) {
            let mut refs = Vec::new();
            let mut at = 0;
            for (gap, len) in gaps {
                let tokens = (at + gap, at + gap + len);
                at = tokens.1;
                refs.push(Reference {
                    tokens,
                    span: Span { start: 0, end: 0 },
                    entity: 0,
                    kind: RefKind::Name,
                });
            }
            let n = at as usize + tail;
            let mut want = vec![NONE; n];
            for (ri, r) in refs.iter().enumerate() {
                for t in r.tokens.0..r.tokens.1 {
                    want[t as usize] = ri as u32;
                }
            }
            let mut got = vec![7; 3];
            reference_of_token(&refs, n, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn heads_list_agrees_with_a_map() {
        // (head, entity) pairs as the known entities give them, with repeats
        let pairs = [
            ("party", 0),
            ("corporation", 1),
            ("party", 2),
            ("bank", 2),
            ("party", 2),
            ("bank", 4),
        ];
        let mut map: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for &(h, e) in &pairs {
            map.entry(h).or_default().push(e);
        }
        let mut list = pairs.to_vec();
        list.sort_by_key(|&(h, _)| h);
        for head in ["party", "corporation", "bank", "union", "", "zzz"] {
            let got: Vec<usize> = entities_headed(&list, head)
                .iter()
                .map(|&(_, e)| e)
                .collect();
            assert_eq!(got, map.get(head).cloned().unwrap_or_default(), "{head}");
        }
    }

    /// Names built from a few words, in any case, with acronyms, digits and non-ASCII:
    /// many share initials, suffixes and prefixes, as real organization names do.
    fn name_strategy() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
        let word = proptest::sample::select(vec![
            "Chicago",
            "chicago",
            "Teachers",
            "Union",
            "CTU",
            "CBS",
            "2",
            "Lib",
            "Liberal",
            "Dem",
            "Democrats",
            "Daily",
            "Telegraph",
            "of",
            "the",
            "Straße",
            "Stra",
            "ÉCOLE",
            "Éco",
            "Σ",
            "King",
            "\u{212A}ing",
            "\u{212A}",
            "DfES",
            "Department",
            "for",
            "Education",
            "and",
            "Skills",
        ]);
        proptest::collection::vec(word.prop_map(str::to_string), 0..4)
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The indexes of step 3 never hide a match: every draft that is a long form of
        /// a short name is among its candidates.
        #[test]
        fn form_index_finds_every_long_form(
            names in proptest::collection::vec(name_strategy(), 1..24),
            tail_allowed in proptest::bool::ANY,
        ) {
            let lex = Lexicon::shared();
            let names: Vec<Vec<&str>> = names
                .iter()
                .map(|words| words.iter().map(String::as_str).collect())
                .collect();
            let drafts: Vec<Draft> = names
                .iter()
                .map(|words| Draft { label_words: words, ..Draft::default() })
                .collect();
            let mut cands = Vec::new();
            // with the indexes, and with every possible long form offered
            for scan_max in [0, usize::MAX] {
                let mut index = FormIndex::with_scan_max(&drafts, lex, true, scan_max);
                for short in &names {
                    let acronym = (short.len() == 1 && is_acronym(short[0]))
                        .then(|| acronym_keys(short[0]));
                    index.candidates(short, acronym.as_ref(), &mut cands);
                    for (l, d) in drafts.iter().enumerate() {
                        if is_long_form(short, acronym.as_ref(), tail_allowed, d.label_words, index.initials(l)) {
                            proptest::prop_assert!(cands.contains(&l), "{short:?} -> {:?}", d.label_words);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn organization_forms_through_the_indexes() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        let lex = Lexicon::shared();
        let long = [
            "Chicago Teachers Union",
            "Department for Education and Skills",
            "CBS 2",
            "Daily Telegraph",
            "Liberal Democrats",
            // the Kelvin sign: a longer word than "King" that lowers to "king"
            "\u{212A}ing Liberal",
        ];
        let long_words: Vec<Vec<&str>> = long.iter().map(|n| words(n)).collect();
        let drafts: Vec<Draft> = long_words
            .iter()
            .map(|ws| Draft {
                label_words: ws,
                ..Draft::default()
            })
            .collect();
        let mut index = FormIndex::with_scan_max(&drafts, lex, true, 0);
        let mut cands = Vec::new();
        for (short, want) in [
            ("CTU", 0),
            ("DfES", 1),
            ("CBS", 2),
            ("telegraph", 3),
            ("Lib Dem", 4),
            ("King Lib", 5),
            // three bytes that lower to one
            ("\u{212A} Lib", 5),
        ] {
            let short = words(short);
            let acronym =
                (short.len() == 1 && is_acronym(short[0])).then(|| acronym_keys(short[0]));
            index.candidates(&short, acronym.as_ref(), &mut cands);
            let found: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&l| {
                    is_long_form(
                        &short,
                        acronym.as_ref(),
                        true,
                        drafts[l].label_words,
                        index.initials(l),
                    )
                })
                .collect();
            assert_eq!(found, vec![want], "{short:?}");
        }
        assert!(starts_with_lower("Straße", "STR"));
        assert!(starts_with_lower("École", "éco"));
        // a word's key is among the keys of the words it starts, at its place only
        let key = |words, at, word| word_prefix_keys(words, at, word, |_, _| ()).finish();
        let mut keys = Vec::new();
        word_prefix_keys(2, 0, "liberal", |k, _| keys.push(k));
        assert_eq!(keys.len(), "liberal".len());
        assert!(keys.contains(&key(2, 0, "lib")));
        assert_eq!(keys.last(), Some(&key(2, 0, "liberal")));
        assert!(!keys.contains(&key(2, 1, "lib")) && !keys.contains(&key(3, 0, "lib")));
        assert!(!keys.contains(&key(2, 0, "lab")));
        assert_eq!(short_word_key(2, 0, "lib"), key(2, 0, "lib"));
        assert_eq!(short_word_key(2, 1, "k"), any_word_key(2));
        // prefixes end at characters: "straße" has six, not seven
        let mut lens = Vec::new();
        word_prefix_keys(2, 0, "straße", |_, len| lens.push(len));
        assert_eq!(lens, [1, 2, 3, 4, 6, 7]);
    }

    #[test]
    fn joined_comparison_matches_join() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["Jesse", "Sharkey"], &["jesse", "sharkey"]),
            (&["Liberal Democrats"], &["Liberal Democrats"]),
            (&["Liberal", "Democrats"], &["liberal democrats"]),
            (&["CTU"], &["CTU "]),
            (&["a", "b"], &["ab "]),
            (&["a", "b"], &["ab"]),
            (&[], &[]),
            (&[], &[""]),
            (&["Zoë"], &["ZOË"]),
            (&["Zoë"], &["ZOë"]),
        ];
        for (a, b) in cases {
            let equal = a.join(" ").eq_ignore_ascii_case(&b.join(" "));
            assert_eq!(joined_eq_ignore_ascii_case(a, b), equal, "{a:?} {b:?}");
            if equal {
                assert_eq!(lower_hash(a), lower_hash(b), "{a:?} {b:?}");
            }
        }
        // the form matches a pronoun or determiner exactly when the word without its
        // contraction, in ASCII lower case, is that word
        let forms: [&[u8]; 8] = [
            b"he", b"himself", b"she", b"they", b"it", b"the", b"his", b"that",
        ];
        for word in [
            "Himself",
            "Themselves",
            "Hé",
            "HE",
            "He'll",
            "they’re",
            "SHE'D",
            "it's",
            "o'clock",
            "The",
            "it’",
            "tis'",
            "h@",
            "tHAT",
        ] {
            let mut buf = [0u8; 8];
            let span = Span {
                start: 0,
                end: word.len() as u32,
            };
            let form = pronoun_form(word, span, &mut buf);
            let core = without_contraction(word);
            let lower = (core.len() <= 8 && core.is_ascii()).then(|| core.to_ascii_lowercase());
            for f in forms {
                assert_eq!(
                    form == f,
                    lower.as_deref().map(str::as_bytes) == Some(f),
                    "{word} {f:?}"
                );
            }
            // in a longer text, the bytes after the word are cut off
            let text = format!("{word} himself");
            let mut long = [0u8; 8];
            assert_eq!(pronoun_form(&text, span, &mut long), form, "{word}");
        }
        // as if the parts were joined by a space and their whitespace collapsed
        let mut buf = String::from("x");
        for parts in [
            &["President  of the\nUnion", "Obama"][..],
            &["", " Mr "],
            &["Mr.", ""],
            &[" \t", " "],
            &[],
            &["a\x0bb\x0cc\rd\x1fe", "\u{a0}f\u{a0} g"],
            &["Zoë\u{2009}Mayor ", "\x0b x"],
            &["\r\n"],
        ] {
            let collapsed = parts
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(collapse_into(&mut buf, parts), collapsed, "{parts:?}");
        }
        let mut key = String::from("x ");
        push_lowercase(&mut key, "ÉCOLE");
        assert_eq!(key, "x école");
    }

    #[test]
    fn byte_keys_and_joins_agree_with_strings() {
        let (mut bytes, mut lower) = (Vec::new(), String::new());
        for s in ["Blair", "McGURK", "ÉCOLE", "O’Neill", "", "x-Y.z"] {
            assert_eq!(lower_bytes_into(&mut bytes, s), s.to_lowercase().as_bytes());
            assert_eq!(lowercase_into(&mut lower, s), s.to_lowercase());
        }
        let key = kind_key(&mut bytes, Kind::Person, &["Tony", "O’Neill"]);
        assert_eq!(key, "person:tony o'neill".as_bytes());
        for (a, b) in [
            (&["Liberal", "Democrats"][..], &["Liberal Democrats"][..]),
            (&["Lib", "Dems"], &["Lib Dem"]),
            (&[""], &[]),
            (&["a"], &["a", ""]),
        ] {
            assert_eq!(joined_eq(a, b), a.join(" ") == b.join(" "), "{a:?} {b:?}");
        }
    }

    fn resolve(text: &str) -> (Resolution, Vec<Mention>) {
        let lex = Lexicon::shared();
        let layout = Layout::parse(text, lex);
        let ms = Recognizer::new(lex).recognize(text, &layout);
        (Resolver::new(lex).resolve(text, &layout, &ms), ms)
    }

    fn labels(text: &str) -> Vec<String> {
        let (r, _) = resolve(text);
        let mut v: Vec<String> = r
            .entities
            .iter()
            .map(|e| format!("{}/{}", e.label, e.kind.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn surnames_join_full_names() {
        let text = "Sharkey spoke first. CTU President Jesse Sharkey said no. Mr Sharkey left.";
        let (r, _) = resolve(text);
        let p: Vec<_> = r
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .collect();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].label, "Jesse Sharkey");
        assert!(p[0].aliases.contains("Sharkey"));
        assert!(p[0].aliases.contains("CTU President Jesse Sharkey"));
    }

    #[test]
    fn groups_named_in_the_plural_have_their_member_noun() {
        let text = "Voters blamed the Democrats. The Tories spoke. Mr Sanders left.";
        let (r, _) = resolve(text);
        let has = |label: &str, alias: &str| {
            r.entities
                .iter()
                .any(|e| e.label == label && e.aliases.contains(alias))
        };
        assert!(has("Democratic Party", "Democrat"));
        assert!(has("Conservative Party", "Tory"));
        // a surname in -s is no plural
        assert!(!r.entities.iter().any(|e| e.aliases.contains("Sander")));
    }

    #[test]
    fn surnames_join_the_nearest_full_name() {
        // two people share a surname: a lone surname takes the one named most recently
        // before it, or the first named after it when none came before
        let text = "Smith arrived. Mr John Smith spoke. Ms Mary Smith replied. Smith left.";
        let (r, ms) = resolve(text);
        let label_at = |needle: &str| {
            let at = text.rfind(needle).unwrap();
            let mi = ms.iter().position(|m| m.span.start as usize == at).unwrap();
            r.entity_of[mi].map(|e| r.entities[e].label.clone())
        };
        assert_eq!(label_at("Smith arrived").as_deref(), Some("John Smith"));
        assert_eq!(label_at("Smith left").as_deref(), Some("Mary Smith"));
    }

    #[test]
    fn acronyms_join_expansions() {
        assert_eq!(
            labels(
                "The Chicago Teachers Union met the Chicago Public Schools. CTU and CPS disagree."
            ),
            vec![
                "Chicago Public Schools/organization",
                "Chicago Teachers Union/organization"
            ]
        );
        assert_eq!(
            labels("The Department for Education and Skills (DfES) agreed. The DfES said no."),
            vec!["Department for Education and Skills/organization"]
        );
    }

    #[test]
    fn station_and_trailing_forms() {
        assert_eq!(
            labels(
                "CHICAGO (CBS) — CBS 2 reported it. The Daily Telegraph lost. The Telegraph appealed."
            ),
            vec![
                "CBS 2/organization",
                "Chicago/place",
                "Daily Telegraph/organization"
            ]
        );
    }

    #[test]
    fn pronouns_and_nominals() {
        let text = "Mayor Lori Lightfoot spoke. The Chicago Teachers Union disagreed. She said the union was wrong. The mayor left.";
        let (r, _) = resolve(text);
        let she = text.find("She").unwrap();
        let union = text.find("the union").unwrap();
        let mayor = text.find("The mayor").unwrap();
        let at = |byte: usize| {
            let lex = Lexicon::shared();
            let layout = Layout::parse(text, lex);
            let ti = layout
                .tokens
                .iter()
                .position(|t| t.span.start as usize == byte)
                .unwrap();
            r.entity_at(ti).map(|e| r.entities[e].label.clone())
        };
        assert_eq!(at(she).as_deref(), Some("Lori Lightfoot"));
        assert_eq!(at(union).as_deref(), Some("Chicago Teachers Union"));
        assert_eq!(at(mayor).as_deref(), Some("Lori Lightfoot"));
    }

    #[test]
    fn weak_openers_need_a_match() {
        // a common word opening a sentence is a name only when it matches one found
        // elsewhere, or when it is a surname that says or takes a side
        assert_eq!(labels("Brown rice is cheap."), Vec::<String>::new());
        assert_eq!(labels("Record numbers voted."), Vec::<String>::new());
        assert_eq!(labels("Brown said so."), vec!["Brown/person"]);
        assert_eq!(
            labels("Gordon Brown spoke. Brown said so."),
            vec!["Gordon Brown/person"]
        );
    }

    /// The label of the entity the reference starting at `word`'s first occurrence
    /// refers to.
    fn referent(text: &str, word: &str) -> Option<String> {
        let (r, _) = resolve(text);
        let at = text.find(word).unwrap();
        let e = r
            .references
            .iter()
            .find(|x| x.span.start as usize == at)?
            .entity;
        Some(r.entities[e].label.clone())
    }

    #[test]
    fn a_pronoun_with_a_contraction_refers() {
        let text = "Richard Armitage spoke. He said he’ll support Clinton; they're sure.";
        assert_eq!(referent(text, "he’ll").as_deref(), Some("Richard Armitage"));
        assert_eq!(without_contraction("they're"), "they");
        assert_eq!(without_contraction("She’D"), "She");
        assert_eq!(without_contraction("o'clock"), "o'clock");
        assert_eq!(without_contraction("he"), "he");
    }

    #[test]
    fn a_possessor_in_an_apposition_is_no_antecedent() {
        let text = "Brett McGurk, President Obama's envoy, expressed his support.";
        assert_eq!(referent(text, "his ").as_deref(), Some("Brett McGurk"));
        // outside an apposition the possessor is the most recent
        let text = "Brett McGurk met President Obama's envoy and praised his plan.";
        assert_eq!(referent(text, "his ").as_deref(), Some("Obama"));
    }

    #[test]
    fn a_pronoun_makes_a_lone_unknown_name_a_person() {
        // one unknown word of a name, no sign of an organization: "he" in its sentence,
        // with no person in reach, refers to it
        let text = "Zorvath was in Ohio on Monday when he attacked the plan.";
        let (r, _) = resolve(text);
        let he = text.find(" he ").unwrap() + 1;
        let e = r
            .references
            .iter()
            .find(|x| x.span.start as usize == he)
            .map(|x| x.entity);
        let zorvath = r
            .entities
            .iter()
            .position(|e| e.label == "Zorvath")
            .unwrap();
        assert_eq!(e, Some(zorvath));
        assert_eq!(r.entities[zorvath].kind, Kind::Person);
        assert_eq!(r.entities[zorvath].gender, Gender::Male);
        // a one-word town that is no common word, likewise ("Obama" is one in Japan),
        // but not one named after "in", "at", …
        let (r, _) = resolve("When Obama ran for office, he blamed the plan.");
        assert!(
            r.entities
                .iter()
                .any(|e| e.label == "Obama" && e.kind == Kind::Person)
        );
        let (r, _) = resolve("He looked at Obama and said he liked it.");
        assert!(r.entities.iter().all(|e| e.kind != Kind::Person));
        // "it" never turns an organization into a person; a name with signs of an
        // organization stays one
        for text in [
            "Zorvath said on Monday it attacked the plan.",
            "Zorvath is sure of its case, he said.",
            "Zorvath Inc was in Ohio on Monday when he attacked the plan.",
        ] {
            let (r, _) = resolve(text);
            assert!(r.entities.iter().all(|e| e.kind != Kind::Person), "{text}");
        }
    }
}
