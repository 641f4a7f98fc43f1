//! The knowledge graph: one node per real entity across all documents.
//!
//! Takes: [`Extraction`]s, one per document, in input order. Gives: a
//! [`KnowledgeGraph`] over a `petgraph::StableGraph`, addressed by its own string ids
//! (`person:jesse-sharkey`, `quote:d0:1`, `topic:delay-of-reopening`), never by petgraph
//! indices, so ids are stable and exports deterministic.
//!
//! Rules:
//! - A node's id is its kind and the slug of its label; entities with the same id in
//!   several documents are one node with the mentions of all.
//! - One edge per (source, relation, target); evidence from every document accumulates
//!   on it, and its confidence is the highest seen.
//! - [`KnowledgeGraph::finish`] merges, across documents, a node whose label is an alias
//!   of exactly one other node of its kind ("CTU" → "Chicago Teachers Union",
//!   "Sharkey" → "Jesse Sharkey"), then sorts everything. It also drops the indexes
//!   that only adding needs (texts by their words, edges by their ends): a finished
//!   graph is read; adding to it again builds them first.
//!
//! Memory: the graph outlives the documents, so it is kept compact: evidence names its
//! document by number ([`DocId`], 4 bytes, written `d7`) and its words by number
//! ([`TextId`], 4 bytes) in one [`TextStore`] per graph, where every text (mention,
//! quote, cue, evidence sentence) is kept once, back to back, without an allocation of
//! its own, at an 8-byte address; an [`Evidence`] is 16 bytes. Roles, acts and cues of
//! edges are texts of the store too, and so are node ids and labels ([`NodeData`];
//! read a node through the borrowed [`Node`]). Quotes and statements (most nodes of an
//! archive) are not petgraph nodes but 60-byte utterance records beside it, with their
//! [`QuoteInfo`] inline; the id of one that [`KnowledgeGraph::add`] made
//! (`quote:d7:2`) is not stored but written from its document's number and its place
//! among that document's records when read (a [`NodeId`], which compares, orders and
//! hashes as its text: 2.9 M id texts of an archive were 70 MB); a record inserted with
//! any other id keeps it in the store. Their [`NodeIndex`] is a number from 2^31 up, which
//! [`KnowledgeGraph::node_at`], [`KnowledgeGraph::add_edge`] and
//! [`KnowledgeGraph::node_mut`] accept like any other. A quote's `said` edge that is
//! exactly what the quote implies ([`said_edge`]) is not a petgraph edge but its
//! speaker's index in the record, read back as an edge by [`KnowledgeGraph::edges`].
//! Any other edge to or from a record, or [`KnowledgeGraph::node_mut`] on it, moves it
//! into petgraph first (with its kept edge), so [`KnowledgeGraph::petgraph`] holds
//! only the entities, topics and such moved quotes. Exports read texts back with
//! [`KnowledgeGraph::text`].
//!
//! API notes (issue 4): quotes and statements are added with
//! [`KnowledgeGraph::insert_utterance`] or [`KnowledgeGraph::insert_node`] (which
//! readers of saved graphs and filters use); [`NodeData`] lost its `said_by` field.
//! [`Aliases`] iterates as a slice (`std::slice::Iter`), no longer as a `BTreeSet`.
//!
//! Limits: two different people with the same full name are one node.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;

use hashbrown::HashTable;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Source;
use crate::kind::Kind;
use crate::pipeline::{ExTarget, Extraction, Located};
use crate::resolve::lowercase_into;

/// A document in the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Graph-wide id ("d0").
    pub id: String,
    /// Provenance.
    #[serde(flatten)]
    pub source: Source,
    /// Length in code points.
    pub chars: u32,
}

/// A document as the graph keeps it: its id and provenance in the text store.
#[derive(Clone, Copy, Debug)]
struct DocRecord {
    id: TextId,
    path: TextId,
    article_id: Option<TextId>,
    title: Option<TextId>,
    url: Option<TextId>,
    date: Option<TextId>,
    chars: u32,
    /// The first utterance record [`KnowledgeGraph::add`] made for this document, and
    /// how many of its records are quotes (its statements follow them): the record of
    /// `quote:dN:K` is the K-th from there, so [`KnowledgeGraph::find`] reaches it by
    /// its id's numbers, without an entry in the node index, and its id is written
    /// from them ([`utterance_id`]), not stored (quotes and statements are most nodes
    /// of an archive).
    utterances: u32,
    quotes: u32,
}

/// A document of the graph, borrowed: [`DocInfo`]'s fields, written the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DocView<'g> {
    /// Graph-wide id ("d0").
    pub id: &'g str,
    /// The file path (or `-`, or `file.jsonl#id`).
    pub path: &'g str,
    /// The article's own id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_id: Option<&'g str>,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'g str>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'g str>,
    /// Publication date as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'g str>,
    /// Length in code points.
    pub chars: u32,
}

impl DocView<'_> {
    /// An owned copy.
    pub fn to_info(&self) -> DocInfo {
        DocInfo {
            id: self.id.to_string(),
            source: Source {
                path: self.path.to_string(),
                article_id: self.article_id.map(String::from),
                title: self.title.map(String::from),
                url: self.url.map(String::from),
                date: self.date.map(String::from),
            },
            chars: self.chars,
        }
    }
}

/// A document's graph-wide number, written `d0`, `d1`, … in exports.
///
/// It orders as its written form does (`d10` before `d2`), so sorted evidence lists
/// come out as they always have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DocId(pub u32);

impl DocId {
    /// Decimal digits of the number, without allocating.
    fn digits(self, buf: &mut [u8; 10]) -> &[u8] {
        let mut n = self.0;
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return &buf[i..];
            }
        }
    }

    /// The written id, `d7`, in `buf`: without the formatting machinery.
    fn write(self, buf: &mut [u8; 11]) -> &str {
        let mut digits = [0u8; 10];
        let d = self.digits(&mut digits);
        buf[0] = b'd';
        buf[1..=d.len()].copy_from_slice(d);
        std::str::from_utf8(&buf[..=d.len()]).unwrap_or("d?")
    }

    /// Parses `d7`.
    pub fn parse(s: &str) -> Option<DocId> {
        s.strip_prefix('d')?.parse().ok().map(DocId)
    }
}

impl Ord for DocId {
    /// The order of the ids' texts (`d10` before `d9`), the order of the output: the
    /// numbers' decimal digits compared as text, without writing them out (mentions are
    /// sorted by document, and this comparison was a tenth of those sorts).
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (u64::from(self.0), u64::from(other.0));
        if a == b {
            return Ordering::Equal;
        }
        let digits = |n: u64| n.checked_ilog10().unwrap_or(0);
        let (da, db) = (digits(a), digits(b));
        // as many digits, by appending zeros to the shorter: the first difference of
        // the digits is the difference of the numbers; equal, the shorter is a prefix
        // of the longer and comes first
        let (wa, wb) = (
            a * 10u64.pow(db.saturating_sub(da)),
            b * 10u64.pow(da.saturating_sub(db)),
        );
        wa.cmp(&wb).then(da.cmp(&db))
    }
}

impl PartialOrd for DocId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "d{}", self.0)
    }
}

impl PartialEq<str> for DocId {
    fn eq(&self, other: &str) -> bool {
        DocId::parse(other) == Some(*self)
    }
}

impl PartialEq<&str> for DocId {
    fn eq(&self, other: &&str) -> bool {
        DocId::parse(other) == Some(*self)
    }
}

impl Serialize for DocId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // without the formatting machinery: one of these per mention in the output
        s.serialize_str(self.write(&mut [0u8; 11]))
    }
}

impl<'de> Deserialize<'de> for DocId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DocId::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a document id: {s:?}")))
    }
}

/// A text of the graph (a mention, cue, quote or evidence sentence): a number into the
/// graph's [`TextStore`], read with [`KnowledgeGraph::text`]. The same words are one
/// number however often they occur.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextId(NonZeroU32);

/// Every text of a graph, once, back to back in large blocks: a text costs its bytes
/// and 8 bytes of address, not an allocation of its own (a node's id only its bytes:
/// the node keeps the address, `TextAt`).
#[derive(Clone, Debug, Default)]
pub struct TextStore {
    blocks: Vec<String>,
    /// The address of each text with a number, by [`TextId`] - 1: block (23 bits), start (20 bits),
    /// length (21 bits; [`LONG`] for a text that is a whole block of its own). 8 bytes,
    /// not 12 as three `u32`s: texts are millions in an archive.
    at: Vec<u64>,
    /// Text numbers by the hash of their words.
    index: HashTable<TextId>,
    /// The index was dropped ([`TextStore::release_index`]): the next
    /// [`TextStore::intern`] builds it again first.
    released: bool,
    /// The index was built again: since then the number [`TextStore::intern`] gives
    /// some words may be that of a text pushed earlier, not the one it gave before.
    rebuilt: bool,
}

/// The [`TextId`] of the text at `n` (from 0) in the store's list of addresses.
fn text_id(n: usize) -> TextId {
    TextId(NonZeroU32::new(n as u32 + 1).expect("counted from one"))
}

/// Whether `table` has no room for another entry (by count: a table with erased
/// entries may be full earlier, and then grows as hashbrown grows it).
fn is_full<T>(table: &HashTable<T>) -> bool {
    table.len() >= table.capacity()
}

/// Makes room in a full `table` ([`is_full`]) for one more entry, as hashbrown's own
/// growth would (to the same number of buckets), but filled again in the order of the
/// entries' slots (`slot` of an entry, below `slots`; `entry` of a slot the entry
/// again), not in the order of the old buckets. Hashing an entry reads what it names (a
/// text's address and words, a node's slot and id): in bucket order that was a cache
/// miss or two an entry, and the growth of the text and node indexes was a fifteenth
/// of a BBC run's modelled misses; in slot order it reads those back to back. The old
/// table is dropped before the new one is made, so the two are never held together
/// (hashbrown holds both while it moves the entries over), and a set of bits, one a
/// slot, is all that is held besides.
fn grow<T: Copy>(
    table: &mut HashTable<T>,
    slots: usize,
    slot: impl Fn(T) -> usize,
    entry: impl Fn(usize) -> T,
    hash: impl Fn(T) -> u64,
) {
    let mut held = vec![0u64; slots.div_ceil(64)];
    for &x in table.iter() {
        let s = slot(x);
        held[s / 64] |= 1 << (s % 64);
    }
    // hashbrown grows a full table to room for one more than it held: twice the buckets
    let room = table.capacity() + 1;
    *table = HashTable::new();
    let mut grown = HashTable::with_capacity(room);
    for (w, &bits) in held.iter().enumerate() {
        let mut rest = bits;
        while rest != 0 {
            let x = entry(w * 64 + rest.trailing_zeros() as usize);
            rest &= rest - 1;
            grown.insert_unique(hash(x), x, |&y| hash(y));
        }
    }
    *table = grown;
}

/// A block of the store; a text this long or longer gets a block of its own.
const BLOCK: usize = 1 << 20;

/// The length field of a text that fills a block of its own (longer than any shared one).
const LONG: u64 = (1 << 21) - 1;

/// The words at address `a`.
fn text_at(blocks: &[String], a: u64) -> &str {
    let (b, start, len) = (
        (a >> 41) as usize,
        ((a >> 21) & (BLOCK as u64 - 1)) as usize,
        a & LONG,
    );
    if len == 0 {
        return "";
    }
    let block = &blocks[b];
    if len == LONG {
        block
    } else {
        &block[start..start + len as usize]
    }
}

/// [`text_at`] as bytes: what finding and hashing texts compare, without the checks
/// that slicing a `str` at `start` and its end makes.
fn bytes_at(blocks: &[String], a: u64) -> &[u8] {
    let (b, start, len) = (
        (a >> 41) as usize,
        ((a >> 21) & (BLOCK as u64 - 1)) as usize,
        a & LONG,
    );
    if len == 0 {
        return &[];
    }
    let block = blocks[b].as_bytes();
    if len == LONG {
        block
    } else {
        &block[start..start + len as usize]
    }
}

/// Where a text without a number lies in the [`TextStore`] ([`TextStore::place`]): a
/// node's id, which is unique, found through the node index and read through its node,
/// never by a number. Its address is kept in the node itself, so reading the id is one
/// look-up less (the number's address) and a node costs 8 bytes less in the store's list
/// of addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TextAt(u64);

impl TextStore {
    /// The bytes of `id`'s words.
    #[inline]
    fn bytes(&self, id: TextId) -> &[u8] {
        self.bytes_of(self.address(id))
    }

    /// The bytes of the text at `a`.
    #[inline]
    fn bytes_of(&self, a: TextAt) -> &[u8] {
        bytes_at(&self.blocks, a.0)
    }

    /// The words of the text at `a`.
    fn get_at(&self, a: TextAt) -> &str {
        text_at(&self.blocks, a.0)
    }

    /// Where the words of `id` lie.
    #[inline]
    fn address(&self, id: TextId) -> TextAt {
        TextAt(self.at[id.0.get() as usize - 1])
    }

    /// The words of `id`.
    pub fn get(&self, id: TextId) -> &str {
        self.get_at(self.address(id))
    }

    /// The number of `text`, stored if new.
    pub fn intern(&mut self, text: &str) -> TextId {
        let h = hash_id(text);
        if self.released {
            self.rebuild_index();
        }
        let (blocks, at) = (&self.blocks, &self.at);
        let get = |id: &TextId| bytes_at(blocks, at[id.0.get() as usize - 1]);
        if let Some(&id) = self.index.find(h, |id| get(id) == text.as_bytes()) {
            return id;
        }
        let id = self.push(text);
        let (blocks, at) = (&self.blocks, &self.at);
        let hash = |id: TextId| hash_bytes(bytes_at(blocks, at[id.0.get() as usize - 1]));
        if is_full(&self.index) {
            // over the others: `id` is not in the index yet
            grow(
                &mut self.index,
                at.len(),
                |id| id.0.get() as usize - 1,
                text_id,
                hash,
            );
        }
        self.index.insert_unique(h, id, |&id| hash(id));
        id
    }

    /// Drops the index of the words, which only [`TextStore::intern`] needs: a graph
    /// that is only read from now on (being written out) does not hold it. The next
    /// `intern` builds it again, over every text; a text stored by
    /// [`TextStore::push`] may then be found by its words too.
    pub fn release_index(&mut self) {
        self.index = HashTable::new();
        self.released = true;
    }

    /// The index of the words again, after [`TextStore::release_index`]: the first
    /// number of each text.
    fn rebuild_index(&mut self) {
        (self.released, self.rebuilt) = (false, true);
        let (blocks, at, index) = (&self.blocks, &self.at, &mut self.index);
        let get = |id: TextId| bytes_at(blocks, at[id.0.get() as usize - 1]);
        for n in 1..=at.len() {
            let id = TextId(NonZeroU32::new(n as u32).expect("counted from one"));
            let text = get(id);
            let h = hash_bytes(text);
            if index.find(h, |&j| get(j) == text).is_none() {
                index.insert_unique(h, id, |&j| hash_bytes(get(j)));
            }
        }
    }

    /// Stores `text` under a new number without looking for it first and without
    /// making it findable by [`TextStore::intern`]: for texts that are unique anyway
    /// (a quote's id), whose entry in the index would be wasted.
    pub fn push(&mut self, text: &str) -> TextId {
        let TextAt(address) = self.place(text);
        self.at.push(address);
        TextId(NonZeroU32::new(self.at.len() as u32).expect("counted from one"))
    }

    /// Stores `text` without a number: it is read only through the address this gives.
    fn place(&mut self, text: &str) -> TextAt {
        TextAt(if text.is_empty() {
            0
        } else if text.len() >= BLOCK {
            self.blocks.push(text.to_string());
            ((self.blocks.len() as u64 - 1) << 41) | LONG
        } else {
            let fits = self
                .blocks
                .last()
                .is_some_and(|b| b.len() < BLOCK && BLOCK - b.len() >= text.len());
            if !fits {
                self.blocks.push(String::with_capacity(BLOCK));
            }
            let b = self.blocks.len() - 1;
            let block = &mut self.blocks[b];
            let start = block.len();
            block.push_str(text);
            ((b as u64) << 41) | ((start as u64) << 21) | text.len() as u64
        })
    }
}

/// Where something was said in which document (code points). 16 bytes: there is one
/// per name mention, and mentions are most of a large graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// Document id.
    pub doc: DocId,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text, when kept (see [`KnowledgeGraph::text`]).
    pub text: Option<TextId>,
}

/// [`Evidence`] with its text: what exports write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceText<T> {
    /// Document id.
    pub doc: DocId,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<T>,
}

/// A span of a quote's document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanText {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text (see [`KnowledgeGraph::text`]).
    pub text: TextId,
}

/// [`SpanText`] with its text: what exports write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanWords<T> {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text.
    pub text: T,
}

/// What a quote or statement node carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteInfo {
    /// The quoted words (see [`KnowledgeGraph::text`]).
    pub text: TextId,
    /// Document id.
    pub doc: DocId,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// Words the attribution rests on.
    pub speaker_mention: Option<SpanText>,
    /// Speech cue.
    pub cue: Option<SpanText>,
    /// A fragment quoted inside the writer's sentence.
    pub partial: bool,
}

/// The other names of a node: a sorted set that costs 8 bytes while empty, as it is
/// for most nodes (quotes, most people), and a sorted list of exactly its names when
/// not: a `BTreeSet` allocated a 280-byte leaf for a node's first alias, and about a
/// million entities of an archive have one to three.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
// boxed on purpose: a Vec is 24 bytes inline, the box 8, and most nodes have none
#[allow(clippy::box_collection)]
pub struct Aliases(Option<Box<Vec<String>>>);

impl Aliases {
    fn names(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The names, sorted.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.names().iter()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.names().is_empty()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.names().len()
    }

    /// True when `name` is one of them.
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    fn find(&self, name: &str) -> std::result::Result<usize, usize> {
        self.names().binary_search_by(|a| a.as_str().cmp(name))
    }

    /// Adds a name; true when it was new.
    pub fn insert(&mut self, name: String) -> bool {
        let Err(at) = self.find(&name) else {
            return false;
        };
        let names = self.0.get_or_insert_with(Default::default);
        // exactly as many as there are: lists are short and rarely grow again
        names.reserve_exact(1);
        names.insert(at, name);
        true
    }

    /// Removes a name; true when it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let Ok(at) = self.find(name) else {
            return false;
        };
        let names = self.0.as_mut().expect("found in it");
        names.remove(at);
        if names.is_empty() {
            self.0 = None;
        }
        true
    }
}

impl Extend<String> for Aliases {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for n in names {
            self.insert(n);
        }
    }
}

impl FromIterator<String> for Aliases {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        let mut a = Aliases::default();
        a.extend(names);
        a
    }
}

impl IntoIterator for Aliases {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|s| *s).unwrap_or_default().into_iter()
    }
}

impl<'a> IntoIterator for &'a Aliases {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Aliases {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// A node as the graph stores it (the weight of [`KnowledgeGraph::petgraph`]): its label
/// is a number into the graph's text store and its id the place of its words there
/// (an id is found through the node index, never by a number), so a slot is 56 bytes
/// with no allocation of its own (it was 96 bytes and two `String`s). Quotes and statements
/// added by [`KnowledgeGraph::add`] or [`KnowledgeGraph::insert_utterance`] are not kept
/// here but in the graph's utterance records (`Utterance`). Read a node through
/// [`Node`] ([`KnowledgeGraph::node`]); [`KnowledgeGraph::node_mut`] changes the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeData {
    id: TextAt,
    label: TextId,
    /// Kind.
    pub kind: Kind,
    /// Other names.
    pub aliases: Aliases,
    /// Name mentions (entities).
    pub mentions: Vec<Evidence>,
    /// Quote details (quotes and statements).
    /// (Boxed: most nodes are not quotes, and every node pays for the field.)
    pub quote: Option<Box<QuoteInfo>>,
}

/// A quote or statement as the graph keeps it outside petgraph: 60 bytes with its
/// details inline, where a petgraph node cost a 72-byte slot and a boxed record. Quotes
/// and statements are most nodes of an archive; they have no aliases or mentions and
/// are never merged, so they need nothing else. Their [`NodeIndex`] is
/// [`UTTERANCE`] + their number here.
#[derive(Clone, Debug, PartialEq)]
struct Utterance {
    /// The id's text, or `None` for a record [`KnowledgeGraph::add`] made at the place
    /// its id's numbers give ([`utterance_id`] writes it from them): most of an
    /// archive's nodes, whose 2.9 M id texts cost 70 MB.
    id: Option<TextId>,
    label: TextId,
    kind: Kind,
    /// Moved into petgraph (see [`KnowledgeGraph::promote`]): no longer a node here.
    moved: bool,
    info: QuoteInfo,
    /// The speaker, when its `said` edge is exactly what the quote implies
    /// ([`said_edge`]), else [`NodeIndex::end`]: such an edge is kept here, in 4 bytes,
    /// rather than as a 64-byte petgraph edge with a 16-byte evidence allocation and an
    /// entry in the edge index. Nearly every quote has such a speaker.
    said_by: NodeIndex,
}

/// [`NodeIndex`]es from here up are utterance records, not petgraph nodes.
const UTTERANCE: usize = 1 << 31;

/// The utterance record a node index names, if it names one.
fn utterance_of(i: NodeIndex) -> Option<usize> {
    i.index().checked_sub(UTTERANCE)
}

/// The inverse of a permutation of `0..p.len()` (`q[p[i]] = i`), in its own buffer:
/// each cycle is followed once, its entries marked done by their top bit.
fn invert(mut p: Vec<u32>) -> Vec<u32> {
    const DONE: u32 = 1 << 31;
    assert!(p.len() <= DONE as usize, "fewer than 2^31 slots");
    for i in 0..p.len() {
        if p[i] & DONE != 0 {
            continue;
        }
        let (mut prev, mut cur) = (i as u32, p[i]);
        while cur as usize != i {
            let next = p[cur as usize];
            p[cur as usize] = prev | DONE;
            (prev, cur) = (cur, next);
        }
        p[i] = prev | DONE;
    }
    for x in &mut p {
        *x &= !DONE;
    }
    p
}

static NO_NAMES: Aliases = Aliases(None);

/// A node, borrowed from its graph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node<'g> {
    /// Stable id: its text, or for a quote or statement of [`KnowledgeGraph::add`] the
    /// numbers it is written from (compare it with a `&str`, print it, or read it with
    /// [`NodeId::as_str`]).
    pub id: NodeId<'g>,
    /// Kind.
    pub kind: Kind,
    /// Canonical name (for quotes, the first words).
    pub label: &'g str,
    /// Other names.
    pub aliases: &'g Aliases,
    /// Name mentions (entities).
    pub mentions: &'g [Evidence],
    /// Quote details (quotes).
    pub quote: Option<&'g QuoteInfo>,
}

/// A node's id, borrowed from its graph: its text, or for a quote or statement that
/// [`KnowledgeGraph::add`] made, the numbers its id is written from (`quote:d7:2`:
/// kind, document, number within the document), so that the graph needs not store
/// millions of such texts. Either way it is the same id: it compares, orders and
/// hashes exactly as its text does (ids of either form may be mixed in one sorted list
/// or hash map), prints as it with `{}`, and serializes as that string. Read it as a
/// `&str` with [`NodeId::as_str`] and a stack buffer ([`IdBuf`]), without allocating.
#[derive(Clone, Copy)]
pub struct NodeId<'g>(IdRepr<'g>);

#[derive(Clone, Copy)]
enum IdRepr<'g> {
    Text(&'g str),
    /// `{kind}:{doc}:{k}`, kind an utterance kind.
    Numbered {
        kind: Kind,
        doc: DocId,
        k: u32,
    },
}

/// Room to write a [`NodeId`] of numbers in: `statement:d4294967295:4294967295` is 32
/// bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdBuf([u8; 32]);

/// The decimal digits of `n`, at the end of `buf`.
fn decimal(n: u32, buf: &mut [u8; 10]) -> &[u8] {
    DocId(n).digits(buf)
}

/// How many decimal digits `n` has.
fn digit_count(n: u32) -> u32 {
    n.checked_ilog10().unwrap_or(0) + 1
}

/// The order of the decimal forms of `a` and `b` as strings, where the shorter of two
/// forms one of which starts the other is first (`end_first`: the form ends the id,
/// as a quote's number does) or last (it is followed by `:`, which sorts after digits,
/// as a document number is).
fn cmp_decimal(a: u32, b: u32, end_first: bool) -> Ordering {
    let (la, lb) = (digit_count(a), digit_count(b));
    if la == lb {
        return a.cmp(&b);
    }
    // the leading digits both have, then the length
    let (ta, tb) = if la > lb {
        (a / 10u32.pow(la - lb), b)
    } else {
        (a, b / 10u32.pow(lb - la))
    };
    let by_length = if end_first { la.cmp(&lb) } else { lb.cmp(&la) };
    ta.cmp(&tb).then(by_length)
}

impl<'g> NodeId<'g> {
    /// An id given as its text.
    pub fn text(id: &'g str) -> NodeId<'g> {
        NodeId(IdRepr::Text(id))
    }

    /// The id of the `k`-th (from 1) quote or statement (`kind`) of document `doc`,
    /// `quote:d7:2`.
    pub fn numbered(kind: Kind, doc: DocId, k: u32) -> NodeId<'g> {
        NodeId(IdRepr::Numbered { kind, doc, k })
    }

    /// The kind, document and number of an id written from its numbers (`quote:d7:2`);
    /// `None` for an id given as its text, even one of that form.
    pub(crate) fn numbers(self) -> Option<(Kind, DocId, u32)> {
        match self.0 {
            IdRepr::Text(_) => None,
            IdRepr::Numbered { kind, doc, k } => Some((kind, doc, k)),
        }
    }

    /// The id as a string: the graph's own text, or written into `buf`.
    pub fn as_str<'b>(self, buf: &'b mut IdBuf) -> &'b str
    where
        'g: 'b,
    {
        let (kind, doc, k) = match self.0 {
            IdRepr::Text(s) => return s,
            IdRepr::Numbered { kind, doc, k } => (kind, doc, k),
        };
        let (mut d, mut n) = ([0u8; 10], [0u8; 10]);
        let parts: [&[u8]; 5] = [
            kind.as_str().as_bytes(),
            b":d",
            decimal(doc.0, &mut d),
            b":",
            decimal(k, &mut n),
        ];
        let mut len = 0;
        for p in parts {
            // at most 32 bytes: the kinds of numbered ids are at most 9 letters
            let end = (len + p.len()).min(buf.0.len());
            buf.0[len..end].copy_from_slice(&p[..end - len]);
            len = end;
        }
        std::str::from_utf8(&buf.0[..len]).unwrap_or("")
    }

    /// The id's own text when the graph stores it (not one written from numbers).
    pub fn stored(self) -> Option<&'g str> {
        match self.0 {
            IdRepr::Text(s) => Some(s),
            IdRepr::Numbered { .. } => None,
        }
    }
}

impl<'a> From<&'a str> for NodeId<'a> {
    fn from(id: &'a str) -> Self {
        NodeId::text(id)
    }
}

impl<'a> From<&NodeId<'a>> for NodeId<'a> {
    fn from(id: &NodeId<'a>) -> Self {
        *id
    }
}

impl<'a> From<&'a String> for NodeId<'a> {
    fn from(id: &'a String) -> Self {
        NodeId::text(id)
    }
}

impl PartialEq for NodeId<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (IdRepr::Text(a), IdRepr::Text(b)) => a == b,
            (
                IdRepr::Numbered { kind, doc, k },
                IdRepr::Numbered {
                    kind: k2,
                    doc: d2,
                    k: n2,
                },
            ) => (kind, doc, k) == (k2, d2, n2),
            _ => self.cmp(other) == Ordering::Equal,
        }
    }
}

impl Eq for NodeId<'_> {}

impl Ord for NodeId<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.0, other.0) {
            (IdRepr::Text(a), IdRepr::Text(b)) => a.cmp(b),
            // `kind:dN:K` against `kind2:dM:L` without writing them: utterance kinds
            // differ in their first letter
            (
                IdRepr::Numbered { kind, doc, k },
                IdRepr::Numbered {
                    kind: k2,
                    doc: d2,
                    k: n2,
                },
            ) => (kind.as_str().cmp(k2.as_str()))
                .then_with(|| cmp_decimal(doc.0, d2.0, false))
                .then_with(|| cmp_decimal(k, n2, true)),
            // an entity's id against a quote's: their kinds differ before the numbers
            // ("person:…" and "quote:d…"), and the kind decides without writing either
            (IdRepr::Text(t), IdRepr::Numbered { kind, .. }) => {
                let p = kind.as_str().as_bytes();
                let n = t.len().min(p.len());
                match t.as_bytes()[..n].cmp(&p[..n]) {
                    Ordering::Equal => self.cmp_written(other),
                    o => o,
                }
            }
            (IdRepr::Numbered { .. }, IdRepr::Text(_)) => other.cmp(self).reverse(),
        }
    }
}

impl NodeId<'_> {
    /// The order of the two ids' texts, written out.
    fn cmp_written(&self, other: &Self) -> Ordering {
        let (mut a, mut b) = (IdBuf::default(), IdBuf::default());
        self.as_str(&mut a).cmp(other.as_str(&mut b))
    }
}

impl PartialOrd for NodeId<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::hash::Hash for NodeId<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str(&mut IdBuf::default()).hash(state);
    }
}

impl PartialEq<str> for NodeId<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str(&mut IdBuf::default()) == other
    }
}

impl PartialEq<&str> for NodeId<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str(&mut IdBuf::default()) == *other
    }
}

impl PartialEq<NodeId<'_>> for &str {
    fn eq(&self, other: &NodeId<'_>) -> bool {
        other == self
    }
}

impl fmt::Display for NodeId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str(&mut IdBuf::default()))
    }
}

impl fmt::Debug for NodeId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(&mut IdBuf::default()), f)
    }
}

impl Serialize for NodeId<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str(&mut IdBuf::default()))
    }
}

/// The relation of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// person → organization
    AffiliatedWith,
    /// speaker → quote or statement
    Said,
    /// holder → target
    Supports,
    /// holder → target
    Opposes,
    /// organization → organization it belongs to
    PartOf,
}

impl Relation {
    /// Name in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::AffiliatedWith => "affiliated_with",
            Relation::Said => "said",
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
            Relation::PartOf => "part_of",
        }
    }

    /// Parses an export name.
    pub fn parse(s: &str) -> Option<Relation> {
        Some(match s {
            "affiliated_with" => Relation::AffiliatedWith,
            "said" => Relation::Said,
            "supports" => Relation::Supports,
            "opposes" => Relation::Opposes,
            "part_of" => Relation::PartOf,
            _ => return None,
        })
    }
}

/// An edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Relation.
    pub relation: Relation,
    /// Role (affiliations), in the graph's text store ([`KnowledgeGraph::text`]).
    pub role: Option<TextId>,
    /// Act (stances): "requests", "criticizes".
    pub act: Option<TextId>,
    /// Cue words (stances).
    pub cue: Option<TextId>,
    /// Highest confidence seen.
    pub confidence: Option<f32>,
    /// Every piece of evidence.
    pub evidence: Vec<Evidence>,
}

/// The graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<NodeData, Edge>,
    /// Node ids are looked up through their hash; the id itself is only in the text store.
    index: HashTable<NodeIndex>,
    /// Some id put into `index` is of a quote's or statement's kind (`quote:…`): only
    /// then may a quote that [`KnowledgeGraph::add`] makes have a node already, so
    /// without one `add` does not write its id to look it up.
    utterance_ids: bool,
    /// Some utterance record may not be where [`KnowledgeGraph::add`] puts it (one
    /// inserted with its id, or moved into petgraph, or one of a document that `add`
    /// could not number so): while none is, the records are read in id order from
    /// their places alone ([`KnowledgeGraph::numbered_in_order`]), each not read to
    /// check it (a pass over all of them, out of order, before the export reads them).
    irregular: bool,
    /// Edges by the hash of (source, relation, target); the key itself is in the edge.
    /// Dropped by [`KnowledgeGraph::finish`] and built again by the next edge added.
    edges: HashTable<EdgeIndex>,
    /// `edges` was dropped.
    edges_released: bool,
    /// Quotes and statements outside petgraph (index [`UTTERANCE`] + position).
    utterances: Vec<Utterance>,
    /// Where utterance records moved into petgraph went.
    moved: BTreeMap<usize, NodeIndex>,
    /// How many `said` edges are kept in their quote ([`Utterance`]'s `said_by`).
    folded: usize,
    documents: Vec<DocRecord>,
    /// Every text, node ids among them. (A store of the ids of their own, back to back
    /// in node order, read neighbours together when nodes were found and sorted: 25 K
    /// of a BBC run's 5.7 M modelled last-level misses fewer, but 8 MB more at the
    /// 1 GB run's peak, whose margin under a gigabyte is about 20 MB.)
    texts: TextStore,
}

/// Lower-case letters and digits, other runs as one "-".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_slug(s, &mut out);
    out
}

/// Each ASCII letter and digit lowered, 0 for any other byte.
static ALNUM_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// [`slug`] of `s`, appended to `out`.
fn push_slug(s: &str, out: &mut String) {
    let start = out.len();
    if s.is_ascii() {
        // most labels: a byte is a character, and the ASCII tests are the Unicode ones;
        // the slug is no longer than the label. Each byte is tested and lowered by one
        // look-up and pushed to room reserved first: copying runs of letters and
        // digits and lowering them after cost a fifth more.
        out.reserve(s.len());
        let mut dash = false;
        for &b in s.as_bytes() {
            let lower = ALNUM_LOWER[usize::from(b)];
            if lower == 0 {
                dash = out.len() > start;
                continue;
            }
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(char::from(lower));
        }
    } else {
        push_slug_chars(s, out);
    }
    if out.len() == start {
        out.push('_');
    }
}

/// The words of [`push_slug`] of `s`, character by character (any text; the ASCII
/// path gives the same for ASCII, as a property test checks).
fn push_slug_chars(s: &str, out: &mut String) {
    let start = out.len();
    let mut dash = false;
    for c in s.chars() {
        // ASCII first: the same answers as the Unicode tests, without their tables
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alnum {
            if dash && out.len() > start {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
}

/// The `said` edge a quote implies: from the speaker its attribution names, with the
/// speaker's words as evidence (without text) and the quote's cue.
pub fn said_edge(q: &QuoteInfo) -> Edge {
    Edge {
        relation: Relation::Said,
        role: None,
        act: None,
        cue: q.cue.map(|c| c.text),
        confidence: None,
        evidence: q
            .speaker_mention
            .map(|m| Evidence {
                doc: q.doc,
                start: m.start,
                end: m.end,
                text: None,
            })
            .into_iter()
            .collect(),
    }
}

fn edge_hash(s: NodeIndex, relation: Relation, t: NodeIndex) -> u64 {
    use std::hash::BuildHasher;
    FxBuildHasher.hash_one((s.index(), relation, t.index()))
}

fn stored_edge_hash(g: &StableDiGraph<NodeData, Edge>, e: EdgeIndex) -> u64 {
    let (s, t) = g.edge_endpoints(e).expect("an edge of the index");
    edge_hash(s, g[e].relation, t)
}

/// The id of node `i`, a petgraph node or an utterance record.
fn id_at<'g>(
    graph: &StableDiGraph<NodeData, Edge>,
    us: &[Utterance],
    docs: &[DocRecord],
    texts: &'g TextStore,
    i: NodeIndex,
) -> NodeId<'g> {
    match utterance_of(i) {
        Some(n) => utterance_id(us, docs, texts, n),
        None => NodeId::text(texts.get_at(graph[i].id)),
    }
}

/// The bytes of node `i`'s id when the store has them (every node but the quotes and
/// statements [`KnowledgeGraph::add`] made, whose ids are written from numbers).
fn stored_id<'g>(
    graph: &StableDiGraph<NodeData, Edge>,
    us: &[Utterance],
    texts: &'g TextStore,
    i: NodeIndex,
) -> Option<&'g [u8]> {
    Some(match utterance_of(i) {
        Some(n) => texts.bytes(us[n].id?),
        None => texts.bytes_of(graph[i].id),
    })
}

/// The id of utterance record `n`: its stored text, or the numbers of its place among
/// its document's records (see [`DocRecord`]).
fn utterance_id<'g>(
    us: &[Utterance],
    docs: &[DocRecord],
    texts: &'g TextStore,
    n: usize,
) -> NodeId<'g> {
    let u = &us[n];
    if let Some(id) = u.id {
        return NodeId::text(texts.get(id));
    }
    // only [`KnowledgeGraph::add`] makes a record without its id, at the place its
    // document's numbers give (quotes first, then statements)
    let (first, quotes) = docs
        .get(u.info.doc.0 as usize)
        .map_or((0, 0), |d| (d.utterances as usize, d.quotes as usize));
    let mut k = n.saturating_sub(first);
    if u.kind != Kind::Quote {
        k = k.saturating_sub(quotes);
    }
    NodeId::numbered(u.kind, u.info.doc, k as u32 + 1)
}

/// The kind of an id that names a quote's or a statement's kind (`quote:…`, as
/// [`Kind::parse`] reads the part before the first `:`), and the rest of the id after
/// that `:`.
fn utterance_kind(id: &str) -> Option<(Kind, &str)> {
    if let Some(rest) = id.strip_prefix("quote:") {
        Some((Kind::Quote, rest))
    } else {
        id.strip_prefix("statement:")
            .map(|rest| (Kind::Statement, rest))
    }
}

fn hash_id(id: &str) -> u64 {
    hash_bytes(id.as_bytes())
}

/// [`hash_id`] of the text of these bytes (as `str` hashes: its bytes, then `0xff`),
/// for texts read from the store as bytes, without the checks that slicing a `str`
/// makes.
fn hash_bytes(text: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text);
    h.write_u8(0xff);
    h.finish()
}

/// [`hash_id`] of the id's text.
fn hash_node(id: NodeId<'_>) -> u64 {
    hash_id(id.as_str(&mut IdBuf::default()))
}

/// Texts interned lately, with their numbers, to be found again by comparing words
/// (see [`KnowledgeGraph::add`]). Only while the store's index is not dropped: a
/// text's number from [`TextStore::intern`] does not change then.
struct Recent<'a>(Vec<(&'a str, TextId)>);

/// How many texts [`Recent::intern`] keeps: a search stays short.
const RECENT: usize = 8;

impl<'a> Recent<'a> {
    /// [`TextStore::intern`] of `text`, found among the texts kept first, and kept if
    /// new and there is room.
    fn intern(&mut self, texts: &mut TextStore, text: &'a str) -> TextId {
        if let Some(&(_, id)) = self.0.iter().find(|(t, _)| *t == text) {
            return id;
        }
        let id = texts.intern(text);
        if self.0.len() < RECENT {
            self.0.push((text, id));
        }
        id
    }
}

/// The most nodes [`KnowledgeGraph::sort_by_id`] sorts by keys of their ids' first bytes.
const KEYED_SORT_MAX: usize = 1 << 20;

/// Past [`KEYED_SORT_MAX`], how many items [`sort_in_runs`] sorts by keys at a time.
const KEYED_RUN: usize = 1 << 18;

/// Sorts `v` when it is too long to hold a key for every item: runs of [`KEYED_RUN`]
/// items are sorted by `sort_run` (which sorts them as `cmp` orders their keys, and may
/// key them: one run's keys at a time), then merged, each item's key made as it comes to
/// the head of its run. Sorting all of them by comparing items took about 22
/// comparisons an item for 4 M nodes, each reading two records from anywhere in a large
/// graph's memory (7.8 % of a 1 GB run's time); letting the stable sort merge the
/// sorted runs still read them at each of its four or five merging passes. Here the
/// first half of the runs is merged at once into a buffer (a heap of run heads), the
/// second half into the room that frees, and the two halves from their ends into `v`:
/// each item is keyed twice, and the buffer is about half of `v`, as the stable sort's
/// was (a 1 GB run's memory has little room to spare). Equal items keep their order.
fn sort_in_runs<T: Copy, K>(
    v: &mut [T],
    mut sort_run: impl FnMut(&mut [T]),
    key: impl Fn(T) -> K,
    cmp: impl Fn(&(K, T), &(K, T)) -> Ordering,
) {
    for run in v.chunks_mut(KEYED_RUN) {
        sort_run(run);
    }
    let runs = v.len().div_ceil(KEYED_RUN);
    if runs < 2 {
        return;
    }
    // the front part at least as long as the back, so the back's merge, written from
    // the start of `v`, never reaches an item of the back not yet read
    let split = runs.div_ceil(2) * KEYED_RUN;
    let mut front: Vec<T> = Vec::with_capacity(split);
    merge_runs(&v[..split], &key, &cmp, |x| front.push(x));
    let (room, back_runs) = v.split_at_mut(split);
    let mut back = 0;
    merge_runs(back_runs, &key, &cmp, |x| {
        room[back] = x;
        back += 1;
    });
    // from the ends: the place written is never before the unread part of the back
    // (it is the count of unread items of both, less one); on equal keys the back's
    // item, from a later run, goes last
    let (mut a, mut b) = (front.len(), back);
    let mut key_a = (a > 0).then(|| (key(front[a - 1]), front[a - 1]));
    let mut key_b = (b > 0).then(|| (key(v[b - 1]), v[b - 1]));
    while let (Some(ka), Some(kb)) = (&key_a, &key_b) {
        if cmp(kb, ka) == Ordering::Less {
            v[a + b - 1] = ka.1;
            a -= 1;
            key_a = (a > 0).then(|| (key(front[a - 1]), front[a - 1]));
        } else {
            v[a + b - 1] = kb.1;
            b -= 1;
            key_b = (b > 0).then(|| (key(v[b - 1]), v[b - 1]));
        }
    }
    // what is left of the back is in place already
    v[..a].copy_from_slice(&front[..a]);
}

/// Merges the sorted runs of [`KEYED_RUN`] items of `v` (the last may be shorter),
/// giving the items in order to `emit`: a binary heap of runs, the run with the least
/// head first, each head keyed once; equal heads are taken in run order.
fn merge_runs<T: Copy, K>(
    v: &[T],
    key: &impl Fn(T) -> K,
    cmp: &impl Fn(&(K, T), &(K, T)) -> Ordering,
    mut emit: impl FnMut(T),
) {
    let runs = v.len().div_ceil(KEYED_RUN);
    // per run: the keyed item at its head and where the rest of it starts and ends
    let mut heads: Vec<(K, T)> = Vec::with_capacity(runs);
    let mut rest: Vec<(usize, usize)> = Vec::with_capacity(runs);
    for (r, run) in v.chunks(KEYED_RUN).enumerate() {
        heads.push((key(run[0]), run[0]));
        rest.push((r * KEYED_RUN + 1, r * KEYED_RUN + run.len()));
    }
    let less = |heads: &[(K, T)], a: usize, b: usize| {
        cmp(&heads[a], &heads[b]).then(a.cmp(&b)) == Ordering::Less
    };
    let sift_down = |heap: &mut [usize], heads: &[(K, T)], mut at: usize| loop {
        let (l, r) = (2 * at + 1, 2 * at + 2);
        let mut least = at;
        if l < heap.len() && less(heads, heap[l], heap[least]) {
            least = l;
        }
        if r < heap.len() && less(heads, heap[r], heap[least]) {
            least = r;
        }
        if least == at {
            break;
        }
        heap.swap(at, least);
        at = least;
    };
    let mut heap: Vec<usize> = (0..runs).collect();
    for at in (0..runs / 2).rev() {
        sift_down(&mut heap, &heads, at);
    }
    while let Some(&r) = heap.first() {
        emit(heads[r].1);
        let (next, end) = rest[r];
        if next < end {
            heads[r] = (key(v[next]), v[next]);
            rest[r].0 += 1;
        } else {
            // the run is done: the last run in the heap takes its place
            let last = heap.len() - 1;
            heap.swap(0, last);
            heap.pop();
        }
        sift_down(&mut heap, &heads, 0);
    }
}

/// The numbers `0..n` in the order of the document ids they write as (`d10:` before
/// `d1:`, [`cmp_decimal`] with the shorter last), made in that order rather than
/// sorted: each number after the numbers its digits start.
fn in_doc_order(n: u32) -> Vec<u32> {
    fn after_longer(x: u32, n: u32, out: &mut Vec<u32>) {
        // 0 starts no other number; the others those of one digit more
        if let Some(first) = x.checked_mul(10).filter(|_| x > 0) {
            for y in first..first.saturating_add(10).min(n) {
                after_longer(y, n, out);
            }
        }
        out.push(x);
    }
    let mut out = Vec::with_capacity(n as usize);
    for x in 0..n.min(10) {
        after_longer(x, n, &mut out);
    }
    out
}

/// The number after `k` among `1..=max` in the order of their decimal digits as text
/// (`1`, `10`, `11`, `2`, …, `9`), if there is one.
fn next_in_digit_order(k: u32, max: u32) -> Option<u32> {
    if let Some(down) = k.checked_mul(10).filter(|&d| d <= max) {
        return Some(down);
    }
    let mut k = k;
    while k % 10 == 9 || k >= max {
        k /= 10;
        if k == 0 {
            return None;
        }
    }
    Some(k + 1)
}

/// The first 16 bytes of an id (zeros past its end), as two big-endian numbers: when
/// the keys of two ids differ, the ids are in the keys' order (the shorter of two ids
/// one of which starts the other is first, as its zeros are).
fn id_prefix(id: NodeId<'_>) -> [u64; 2] {
    prefix_key(id.as_str(&mut IdBuf::default()).as_bytes())
}

/// [`id_prefix`] of an id's bytes.
fn prefix_key(s: &[u8]) -> [u64; 2] {
    let half = |h: &[u8]| u64::from_be_bytes(h.try_into().unwrap_or([0; 8]));
    if let Some(s) = s.get(..16) {
        // most ids: read in place, without a copy to pad them
        return [half(&s[..8]), half(&s[8..])];
    }
    let mut b = [0u8; 16];
    b[..s.len()].copy_from_slice(s);
    [half(&b[..8]), half(&b[8..])]
}

/// The nodes of a graph in id order ([`KnowledgeGraph::node_order`]), valid for that
/// graph until it changes.
#[derive(Debug)]
pub struct NodeOrder(Vec<NodeIndex>);

/// The id of an entity or topic node.
pub fn node_id(kind: Kind, label: &str) -> String {
    let mut id = String::with_capacity(kind.as_str().len() + 1 + label.len());
    push_node_id(kind, label, &mut id);
    id
}

/// [`node_id`] written into `out` (cleared first): [`KnowledgeGraph::add`] makes one
/// per entity of every document, without the formatting machinery or an allocation.
fn push_node_id(kind: Kind, label: &str, out: &mut String) {
    out.clear();
    out.push_str(kind.as_str());
    out.push(':');
    push_slug(label, out);
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The documents, in input order.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = DocView<'_>> + Clone {
        let t = &self.texts;
        self.documents.iter().map(move |d| DocView {
            id: t.get(d.id),
            path: t.get(d.path),
            article_id: d.article_id.map(|x| t.get(x)),
            title: d.title.map(|x| t.get(x)),
            url: d.url.map(|x| t.get(x)),
            date: d.date.map(|x| t.get(x)),
            chars: d.chars,
        })
    }

    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// The written id ("d7") of a document, borrowed from the graph.
    pub fn doc_name(&self, doc: DocId) -> &str {
        self.documents
            .get(doc.0 as usize)
            .map(|d| self.texts.get(d.id))
            .unwrap_or("")
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count() + self.utterances.len() - self.moved.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count() + self.folded
    }

    /// A node by id (a `&str` or a [`NodeId`]).
    pub fn node<'a>(&self, id: impl Into<NodeId<'a>>) -> Option<Node<'_>> {
        self.find(id.into().as_str(&mut IdBuf::default()))
            .map(|i| self.view(i))
    }

    /// The node at an internal index.
    pub fn node_at(&self, i: NodeIndex) -> Node<'_> {
        self.view(self.resolve(i))
    }

    fn view(&self, i: NodeIndex) -> Node<'_> {
        if let Some(u) = utterance_of(i) {
            let id = utterance_id(&self.utterances, &self.documents, &self.texts, u);
            let u = &self.utterances[u];
            return Node {
                id,
                kind: u.kind,
                label: self.texts.get(u.label),
                aliases: &NO_NAMES,
                mentions: &[],
                quote: Some(&u.info),
            };
        }
        let n = &self.graph[i];
        Node {
            id: NodeId::text(self.texts.get_at(n.id)),
            kind: n.kind,
            label: self.texts.get(n.label),
            aliases: &n.aliases,
            mentions: &n.mentions,
            quote: n.quote.as_deref(),
        }
    }

    /// The id of the node at `i`.
    fn id_of(&self, i: NodeIndex) -> NodeId<'_> {
        id_at(
            &self.graph,
            &self.utterances,
            &self.documents,
            &self.texts,
            i,
        )
    }

    fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index_only(id).or_else(|| self.find_numbered(id))
    }

    /// A node with an entry in the node index.
    fn index_only(&self, id: &str) -> Option<NodeIndex> {
        self.index_hashed(id, hash_id(id))
    }

    /// [`KnowledgeGraph::index_only`] of `id`, whose [`hash_id`] is `h`.
    fn index_hashed(&self, id: &str, h: u64) -> Option<NodeIndex> {
        let (graph, texts, us, docs) =
            (&self.graph, &self.texts, &self.utterances, &self.documents);
        self.index
            .find(h, |&i| match stored_id(graph, us, texts, i) {
                Some(stored) => stored == id.as_bytes(),
                None => id_at(graph, us, docs, texts, i) == id,
            })
            .copied()
    }

    /// The utterance record [`KnowledgeGraph::add`] made for `quote:dN:K` or
    /// `statement:dN:K`, found by those numbers (see [`DocRecord`]); the record's own
    /// id must be `id`, so any other text finds nothing.
    fn find_numbered(&self, id: &str) -> Option<NodeIndex> {
        let (kind, rest) = utterance_kind(id)?;
        let (doc, k) = rest.split_once(':')?;
        let d = self.documents.get(DocId::parse(doc)?.0 as usize)?;
        let k = k.parse::<u32>().ok()?.checked_sub(1)?;
        let at = match kind {
            Kind::Quote => k,
            _ => d.quotes.checked_add(k)?,
        };
        let n = (d.utterances as usize).checked_add(at as usize)?;
        let u = self.utterances.get(n)?;
        (u.kind == kind && utterance_id(&self.utterances, &self.documents, &self.texts, n) == id)
            .then(|| self.resolve(NodeIndex::new(UTTERANCE + n)))
    }

    /// The indices of the utterance records still kept outside petgraph.
    fn utterance_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (self.utterances.iter().enumerate())
            .filter(|(_, u)| !u.moved)
            .map(|(n, _)| NodeIndex::new(UTTERANCE + n))
    }

    /// Node indices sorted by id.
    ///
    /// Only the nodes whose ids are texts (petgraph nodes and records inserted with
    /// their id) are sorted by comparing ids. The quotes and statements that
    /// [`KnowledgeGraph::add`] made (most nodes of an archive) come in order from
    /// their numbers ([`KnowledgeGraph::numbered_in_order`]) and are merged in:
    /// sorting those by their written ids was half of the sort's cost. No more memory
    /// than sorting them all: one buffer, the sorted ids moved to its back and merged
    /// to the front, and the sort's own keys only for the ids it sorts.
    fn sorted(&self) -> Vec<NodeIndex> {
        let us = &self.utterances;
        // room for every slot, live or not: [`invert`] turns this buffer into the ranks
        // of all slots without growing it
        let mut v = Vec::with_capacity(self.graph.node_bound() + us.len());
        v.extend(self.graph.node_indices());
        if self.irregular {
            // records with their own ids (none in a regular graph)
            v.extend(self.utterance_indices().filter(|i| {
                let n = i.index() - UTTERANCE;
                us[n].id.is_some()
            }));
        }
        let total = self.node_count();
        let (a, b) = (v.len(), total - v.len());
        // keyed, or in runs, as the whole graph would be sorted
        self.sort_by_id_as(&mut v, total);
        v.resize(a + b, NodeIndex::end());
        v.copy_within(0..a, b);
        // written at `w`, the next sorted text id at `t`: `w` stays below `t` while
        // numbered ones are still to come, so nothing unread is overwritten
        let (mut w, mut t, mut seen) = (0, b, 0);
        // the id at `t`, read once, not again for each numbered one it is compared with
        let mut next = (t < a + b).then(|| self.id_of(v[t]));
        self.numbered_in_order(|y, idy| {
            seen += 1;
            if seen > b {
                return;
            }
            while next.is_some_and(|x| x <= idy) {
                v[w] = v[t];
                (w, t) = (w + 1, t + 1);
                next = (t < a + b).then(|| self.id_of(v[t]));
            }
            v[w] = y;
            w += 1;
        });
        if seen != b {
            // not as `add` leaves records (cannot happen): sort them all by their ids
            v.clear();
            v.extend(self.graph.node_indices());
            v.extend(self.utterance_indices());
            self.sort_by_id(&mut v);
        }
        v
    }

    /// Calls `f` with each utterance record [`KnowledgeGraph::add`] made and that is
    /// still outside petgraph (its id written from its numbers, `quote:d7:2`), in
    /// the order of their ids, without comparing them: by kind, then by document in
    /// the order of its number's digits followed by `:` (`d10:` before `d1:`), then by
    /// number within the document in the order of its digits (`1` before `10` before
    /// `2`). A record is found at the place its numbers give (see [`DocRecord`]); it is
    /// read to check that it is the one only when the graph is `irregular`. `f` gets
    /// its id too, made from those numbers.
    fn numbered_in_order(&self, mut f: impl FnMut(NodeIndex, NodeId<'_>)) {
        let (us, docs) = (&self.utterances, &self.documents);
        let order = in_doc_order(docs.len() as u32);
        let mut kinds = [Kind::Quote, Kind::Statement];
        kinds.sort_unstable_by_key(|k| k.as_str());
        for kind in kinds {
            for &d in &order {
                let rec = &docs[d as usize];
                let (first, quotes) = (rec.utterances as usize, rec.quotes as usize);
                // the records of this kind of this document lie from `from` up to `to`
                let (from, to) = if kind == Kind::Quote {
                    (first, first + quotes)
                } else {
                    let next = docs.get(d as usize + 1);
                    (
                        first + quotes,
                        next.map_or(us.len(), |n| n.utterances as usize),
                    )
                };
                let count = to.min(us.len()).saturating_sub(from) as u32;
                let mut k = 1;
                while k <= count {
                    let n = from + k as usize - 1;
                    let made_here = |u: &Utterance| {
                        u.id.is_none() && !u.moved && u.kind == kind && u.info.doc.0 == d
                    };
                    if !self.irregular || made_here(&us[n]) {
                        f(
                            NodeIndex::new(UTTERANCE + n),
                            NodeId::numbered(kind, DocId(d), k),
                        );
                    }
                    k = match next_in_digit_order(k, count) {
                        Some(next) => next,
                        None => break,
                    };
                }
            }
        }
    }

    /// Sorts node indices by id. Up to [`KEYED_SORT_MAX`] nodes, each id's first 16
    /// bytes are read once into a key that decides most comparisons (the ids are only
    /// compared whole, through the text store, when those bytes are the same): the sort
    /// was a tenth of a run's JSON writing. Past it the 24 bytes a node would cost more
    /// memory than a large graph has room for at its peak: runs of nodes are sorted so
    /// and merged ([`sort_in_runs`]).
    fn sort_by_id(&self, v: &mut [NodeIndex]) {
        self.sort_by_id_as(v, v.len());
    }

    /// [`KnowledgeGraph::sort_by_id`] of some of `total` nodes, with as much memory as
    /// sorting all of them would take (keys for all of them only if all would have).
    fn sort_by_id_as(&self, v: &mut [NodeIndex], total: usize) {
        if total > KEYED_SORT_MAX {
            sort_in_runs(
                v,
                |run| self.sort_keyed(run),
                |i| self.id_key(i),
                |a, b| self.cmp_keyed(a, b),
            );
        } else {
            self.sort_keyed(v);
        }
    }

    /// [`id_prefix`] of node `i`'s id, read from the store when it has it.
    fn id_key(&self, i: NodeIndex) -> [u64; 2] {
        match stored_id(&self.graph, &self.utterances, &self.texts, i) {
            Some(id) => prefix_key(id),
            None => id_prefix(self.id_of(i)),
        }
    }

    /// The order of two nodes' ids, given the [`id_prefix`] of each: the whole ids are
    /// read only when those are the same.
    fn cmp_keyed(&self, a: &([u64; 2], NodeIndex), b: &([u64; 2], NodeIndex)) -> Ordering {
        let wide = |k: [u64; 2]| u128::from(k[0]) << 64 | u128::from(k[1]);
        (wide(a.0).cmp(&wide(b.0))).then_with(|| self.cmp_ids(a.1, b.1))
    }

    /// The order of two nodes' ids: as their stored bytes when the store has both
    /// (entities, most ties of [`KnowledgeGraph::cmp_keyed`]: `organization:` leaves
    /// three bytes of a name in the key), else as [`NodeId`]s.
    fn cmp_ids(&self, a: NodeIndex, b: NodeIndex) -> Ordering {
        let (g, us, texts) = (&self.graph, &self.utterances, &self.texts);
        match (stored_id(g, us, texts, a), stored_id(g, us, texts, b)) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => self.id_of(a).cmp(&self.id_of(b)),
        }
    }

    /// [`KnowledgeGraph::sort_by_id`] with a key for every node.
    fn sort_keyed(&self, v: &mut [NodeIndex]) {
        let mut keyed: Vec<([u64; 2], NodeIndex)> =
            v.iter().map(|&i| (self.id_key(i), i)).collect();
        // by the keys alone first (a sort of plain numbers, several times cheaper than
        // one whose comparison may read the ids), then each run of equal keys by the ids
        let wide = |k: &([u64; 2], NodeIndex)| u128::from(k.0[0]) << 64 | u128::from(k.0[1]);
        keyed.sort_unstable_by_key(wide);
        for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| self.cmp_ids(a.1, b.1));
            }
        }
        for (slot, (_, i)) in v.iter_mut().zip(keyed) {
            *slot = i;
        }
    }

    /// The petgraph node of `i`, following an utterance record moved into petgraph.
    fn resolve(&self, i: NodeIndex) -> NodeIndex {
        match utterance_of(i) {
            Some(u) if self.utterances[u].moved => self.moved[&u],
            _ => i,
        }
    }

    /// The internal index of a node (by a `&str` or a [`NodeId`]), for
    /// [`KnowledgeGraph::add_edge`].
    pub fn index_of<'a>(&self, id: impl Into<NodeId<'a>>) -> Option<NodeIndex> {
        self.find(id.into().as_str(&mut IdBuf::default()))
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = Node<'_>> {
        self.sorted().into_iter().map(|i| self.view(i))
    }

    /// The nodes' id order, for [`KnowledgeGraph::nodes_in`] and then
    /// [`KnowledgeGraph::edges_in`]: an exporter that writes both sorts the ids once
    /// (the sort was most of what writing the nodes cost).
    pub fn node_order(&self) -> NodeOrder {
        NodeOrder(self.sorted())
    }

    /// [`KnowledgeGraph::nodes`] in an order taken from this graph.
    pub fn nodes_in<'a>(&'a self, order: &'a NodeOrder) -> impl ExactSizeIterator<Item = Node<'a>> {
        order.0.iter().map(|&i| self.view(i))
    }

    /// Edges as (source id, target id, edge), sorted by source, target, relation.
    pub fn edges(&self) -> Vec<(NodeId<'_>, NodeId<'_>, Cow<'_, Edge>)> {
        self.sorted_edges().collect()
    }

    /// [`KnowledgeGraph::edges`] as an iterator: the sort holds 4 bytes per edge (where
    /// it is kept: a petgraph edge, or an utterance record for its kept `said` edge)
    /// rather than a 40-byte tuple of strings, and compares the ranks of its ends in id
    /// order and its relation, looked up, not ids.
    pub fn sorted_edges(
        &self,
    ) -> impl ExactSizeIterator<Item = (NodeId<'_>, NodeId<'_>, Cow<'_, Edge>)> {
        self.edges_in(self.node_order())
    }

    /// [`KnowledgeGraph::sorted_edges`] with the nodes' id order already made (and
    /// used up: the order's buffer becomes the ranks, so the two are never held together).
    pub fn edges_in(
        &self,
        order: NodeOrder,
    ) -> impl ExactSizeIterator<Item = (NodeId<'_>, NodeId<'_>, Cow<'_, Edge>)> {
        let (g, us) = (&self.graph, &self.utterances);
        // ids compare as their ranks in id order
        let bound = g.node_bound();
        let slot = |i: NodeIndex| utterance_of(i).map_or(i.index(), |u| bound + u);
        // slots without a node (removed in merges, or records moved into petgraph)
        // take the ranks after the nodes, so the slots in rank order are a permutation
        // (the records moved are the keys of `moved`: found there, not by a pass over
        // all records)
        let holes = (0..bound)
            .filter(|&s| !g.contains_node(NodeIndex::new(s)))
            .chain(self.moved.keys().map(|&n| bound + n));
        let mut by_rank: Vec<u32> = order.0.into_iter().map(|i| slot(i) as u32).collect();
        by_rank.extend(holes.map(|s| s as u32));
        let rank = invert(by_rank);
        // where each edge is kept, 4 bytes: a petgraph edge index, or for a kept `said`
        // edge its utterance record's node index (from UTTERANCE up; edge indices are
        // below it, as node indices are); its sort key is looked up, not stored
        // exactly as long as it will be: a doubling Vec copies itself while it grows
        let mut v: Vec<u32> = Vec::with_capacity(self.edge_count());
        {
            let key = |k: u32| match utterance_of(NodeIndex::new(k as usize)) {
                Some(n) => {
                    let q = NodeIndex::new(k as usize);
                    (rank[slot(us[n].said_by)], rank[slot(q)], Relation::Said)
                }
                None => {
                    let e = EdgeIndex::new(k as usize);
                    let (s, t) = g.edge_endpoints(e).expect("an index of this graph");
                    (rank[slot(s)], rank[slot(t)], g[e].relation)
                }
            };
            // the ends' ranks as one number
            let ends = |s: u32, t: u32| u64::from(s) << 32 | u64::from(t);
            // by the ends (a sort of plain numbers), then the few runs of edges between
            // the same two nodes by relation
            let sort_keys = |keyed: &mut [(u64, u32)]| {
                keyed.sort_unstable_by_key(|&(ends, _)| ends);
                for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
                    if run.len() > 1 {
                        run.sort_unstable_by_key(|&(_, k)| (key(k).2, k));
                    }
                }
            };
            if self.edge_count() > KEYED_SORT_MAX {
                v.extend(
                    (g.edge_references()).map(|e| e.id().index() as u32).chain(
                        self.utterance_indices()
                            .filter(|q| us[q.index() - UTTERANCE].said_by != NodeIndex::end())
                            .map(|q| q.index() as u32),
                    ),
                );
                // each run's keys looked up once, not at every comparison (16 bytes an
                // edge of the run while sorting: only up to the size `sort_by_id` keys
                // too); ties (none: one edge a triple) as the keyed sort breaks them
                let sort_keyed = |v: &mut [u32]| {
                    let mut keyed: Vec<(u64, u32)> = (v.iter())
                        .map(|&k| {
                            let (s, t, _) = key(k);
                            (ends(s, t), k)
                        })
                        .collect();
                    sort_keys(&mut keyed);
                    for (slot, (_, k)) in v.iter_mut().zip(keyed) {
                        *slot = k;
                    }
                };
                sort_in_runs(&mut v[..], sort_keyed, key, Ord::cmp);
            } else {
                // each edge keyed as it is found (16 bytes an edge while sorting): a
                // record with a kept edge is read once here, not again for its key
                let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(self.edge_count());
                keyed.extend(g.edge_references().map(|e| {
                    let (s, t) = (rank[slot(e.source())], rank[slot(e.target())]);
                    (ends(s, t), e.id().index() as u32)
                }));
                keyed.extend(self.utterance_indices().filter_map(|q| {
                    let by = us[q.index() - UTTERANCE].said_by;
                    (by != NodeIndex::end())
                        .then(|| (ends(rank[slot(by)], rank[slot(q)]), q.index() as u32))
                }));
                sort_keys(&mut keyed);
                v.extend(keyed.into_iter().map(|(_, k)| k));
            }
        }
        drop(rank);
        v.into_iter()
            .map(move |k| match utterance_of(NodeIndex::new(k as usize)) {
                None => {
                    let e = EdgeIndex::new(k as usize);
                    let (s, t) = g.edge_endpoints(e).expect("an index of this graph");
                    (self.id_of(s), self.id_of(t), Cow::Borrowed(&g[e]))
                }
                Some(n) => {
                    let u = &us[n];
                    let q = NodeIndex::new(k as usize);
                    (
                        self.id_of(u.said_by),
                        self.id_of(q),
                        Cow::Owned(said_edge(&u.info)),
                    )
                }
            })
    }

    /// The underlying petgraph graph (indices are internal: do not export them).
    pub fn petgraph(&self) -> &StableDiGraph<NodeData, Edge> {
        &self.graph
    }

    /// What the graph holds, in bytes by part (an estimate from lengths and
    /// capacities, without the allocator's own overhead), for benchmarks.
    pub fn memory(&self) -> Vec<(&'static str, usize)> {
        use std::mem::size_of;
        let g = &self.graph;
        let (node_cap, edge_cap) = g.capacity();
        let slot_n = size_of::<NodeData>() + 8;
        let slot_e = size_of::<Edge>() + 16;
        let (mut aliases, mut mentions, mut quotes) = (0, 0, 0);
        for n in g.node_weights() {
            aliases += n.aliases.0.as_ref().map_or(0, |v| {
                size_of::<Vec<String>>()
                    + v.capacity() * size_of::<String>()
                    + v.iter().map(String::capacity).sum::<usize>()
            });
            mentions += n.mentions.capacity() * size_of::<Evidence>();
            quotes += n.quote.as_ref().map_or(0, |_| size_of::<QuoteInfo>());
        }
        quotes += self.utterances.capacity() * size_of::<Utterance>();
        let evidence: usize = g
            .edge_weights()
            .map(|e| e.evidence.capacity() * size_of::<Evidence>())
            .sum();
        let t = &self.texts;
        vec![
            ("node slots", node_cap * slot_n),
            ("aliases", aliases),
            ("mentions", mentions),
            ("quote records", quotes),
            ("edge slots", edge_cap * slot_e),
            ("edge evidence", evidence),
            (
                "edge index",
                self.edges.capacity() * size_of::<(u8, EdgeIndex)>(),
            ),
            (
                "node index",
                self.index.capacity() * size_of::<(u8, NodeIndex)>(),
            ),
            ("text bytes", t.blocks.iter().map(String::capacity).sum()),
            ("text addresses", t.at.capacity() * 8),
            ("text index", t.index.capacity() * size_of::<(u8, TextId)>()),
            (
                "documents",
                self.documents.capacity() * size_of::<DocRecord>(),
            ),
        ]
    }

    /// The number of `text` in the graph's text store (stored if new).
    pub fn intern(&mut self, text: &str) -> TextId {
        self.texts.intern(text)
    }

    /// The words of a text of this graph.
    pub fn text(&self, id: TextId) -> &str {
        self.texts.get(id)
    }

    /// The words of a text of this graph as their (UTF-8) bytes: what a writer that
    /// copies bytes reads, without the character-boundary checks of slicing a `str`.
    #[inline]
    pub(crate) fn text_bytes(&self, id: TextId) -> &[u8] {
        self.texts.bytes(id)
    }

    /// Evidence with its words, as exports write it.
    pub fn evidence_text(&self, e: &Evidence) -> EvidenceText<&str> {
        EvidenceText {
            doc: e.doc,
            start: e.start,
            end: e.end,
            text: e.text.map(|t| self.text(t)),
        }
    }

    /// A quote's span with its words, as exports write it.
    pub fn span_words(&self, s: &SpanText) -> SpanWords<&str> {
        SpanWords {
            start: s.start,
            end: s.end,
            text: self.text(s.text),
        }
    }

    /// A graph with this graph's documents and texts but no nodes, so evidence copied
    /// from this graph keeps its meaning (used by filters).
    pub fn empty_like(&self) -> KnowledgeGraph {
        KnowledgeGraph {
            texts: self.texts.clone(),
            documents: self.documents.clone(),
            ..KnowledgeGraph::default()
        }
    }

    /// The words of an optional text of this graph (an edge's role, act or cue).
    pub fn text_opt(&self, id: Option<TextId>) -> Option<&str> {
        id.map(|t| self.text(t))
    }

    /// Adds a document by its full record (used when reading a saved graph).
    pub fn push_document(&mut self, doc: DocInfo) {
        self.push_source(&doc.id, &doc.source, doc.chars);
    }

    fn push_source(&mut self, id: &str, s: &Source, chars: u32) {
        // a document's id, path, article id and URL are its own: stored without an
        // entry in the text index (millions of them in an archive, and a larger index
        // table is also a larger transient copy while it grows)
        let t = &mut self.texts;
        let article_id = s.article_id.as_deref().map(|x| t.push(x));
        let url = s.url.as_deref().map(|x| t.push(x));
        let (title, date) = (
            s.title.as_deref().map(|x| t.intern(x)),
            s.date.as_deref().map(|x| t.intern(x)),
        );
        let record = DocRecord {
            id: t.push(id),
            path: t.push(&s.path),
            article_id,
            title,
            url,
            date,
            chars,
            utterances: self.utterances.len() as u32,
            quotes: 0,
        };
        self.documents.push(record);
    }

    /// Inserts or returns a node.
    pub fn upsert_node(&mut self, id: &str, kind: Kind, label: &str) -> NodeIndex {
        // the id hashed once, for the node index: the text index does not hold it
        let h = hash_id(id);
        if let Some(i) = self.index_hashed(id, h).or_else(|| self.find_numbered(id)) {
            return i;
        }
        let node = NodeData {
            // unique, as the node is (the node index finds it): an entry in the text
            // index would be wasted (a quarter of a BBC run's entries, and so a table
            // of twice the buckets), and so would a number: the node keeps the place of
            // its words, and reading its id (finding, hashing and sorting nodes) does
            // not first look up the number's address (BBC modelled last-level misses
            // -91 K) and a node does not cost 8 bytes in the list of addresses
            id: self.texts.place(id),
            kind,
            label: self.texts.intern(label),
            aliases: Aliases::default(),
            mentions: Vec::new(),
            quote: None,
        };
        let i = self.graph.add_node(node);
        self.index_node(id, h, i);
        i
    }

    /// Puts node `i` into the id index, under `h`, the [`hash_id`] of its id.
    fn index_node(&mut self, id: &str, h: u64, i: NodeIndex) {
        self.utterance_ids |= utterance_kind(id).is_some();
        let (graph, texts, us, docs) =
            (&self.graph, &self.texts, &self.utterances, &self.documents);
        let hash = |j: NodeIndex| match stored_id(graph, us, texts, j) {
            Some(id) => hash_bytes(id),
            None => hash_node(id_at(graph, us, docs, texts, j)),
        };
        if is_full(&self.index) {
            // petgraph's slots, then the utterance records'; over the others: `i` is
            // not in the index yet
            let bound = graph.node_bound();
            let slot = |j: NodeIndex| utterance_of(j).map_or(j.index(), |u| bound + u);
            let entry = |s: usize| match s.checked_sub(bound) {
                Some(u) => NodeIndex::new(UTTERANCE + u),
                None => NodeIndex::new(s),
            };
            grow(&mut self.index, bound + us.len(), slot, entry, hash);
        }
        self.index.insert_unique(h, i, |&j| hash(j));
    }

    /// Inserts a node with all its fields, or returns the node that has this id already
    /// (unchanged). A quote or statement with its details and without aliases or
    /// mentions is kept as [`KnowledgeGraph::insert_utterance`] keeps it.
    pub fn insert_node(
        &mut self,
        id: &str,
        kind: Kind,
        label: &str,
        aliases: Aliases,
        mentions: Vec<Evidence>,
        quote: Option<QuoteInfo>,
    ) -> NodeIndex {
        if let Some(i) = self.find(id) {
            return i;
        }
        match quote {
            Some(q) if kind.is_utterance() && aliases.is_empty() && mentions.is_empty() => {
                self.insert_utterance(id, kind, label, q)
            }
            quote => {
                let i = self.upsert_node(id, kind, label);
                let node = &mut self.graph[i];
                node.aliases = aliases;
                node.mentions = mentions;
                node.quote = quote.map(Box::new);
                i
            }
        }
    }

    /// Inserts a quote or statement node (`kind` an utterance) with its details, or
    /// returns the node that has this id already (unchanged). It is kept outside
    /// petgraph, compactly, while it gets no edge but its implied `said` edge; use
    /// [`KnowledgeGraph::upsert_node`] for one that needs aliases or mentions.
    pub fn insert_utterance(
        &mut self,
        id: &str,
        kind: Kind,
        label: &str,
        info: QuoteInfo,
    ) -> NodeIndex {
        if let Some(i) = self.find(id) {
            return i;
        }
        let label = self.texts.intern(label);
        let i = self.push_utterance(Some(id), kind, label, info);
        self.index_node(id, hash_id(id), i);
        i
    }

    /// Stores an utterance record, without an entry in the node index; without its id
    /// (`None`) only where [`utterance_id`] gives it from the record's place. `label`
    /// is already in the text store.
    fn push_utterance(
        &mut self,
        id: Option<&str>,
        kind: Kind,
        label: TextId,
        info: QuoteInfo,
    ) -> NodeIndex {
        self.irregular |= id.is_some();
        let u = Utterance {
            // unique: not worth an entry in the text index
            id: id.map(|id| self.texts.push(id)),
            label,
            kind,
            moved: false,
            info,
            said_by: NodeIndex::end(),
        };
        let i = NodeIndex::new(UTTERANCE + self.utterances.len());
        self.utterances.push(u);
        i
    }

    /// Mutable access to a node's kind, aliases, mentions and quote (its id and label
    /// are fixed by [`KnowledgeGraph::upsert_node`]). A quote or statement made by
    /// [`KnowledgeGraph::insert_utterance`] or [`KnowledgeGraph::add`] is moved into
    /// petgraph first, so the index `i` may be stale after: look it up again with
    /// [`KnowledgeGraph::index_of`].
    pub fn node_mut(&mut self, i: NodeIndex) -> &mut NodeData {
        let i = self.promote(i);
        &mut self.graph[i]
    }

    /// Moves an utterance record into petgraph (where it can have any edge); its
    /// kept `said` edge becomes a petgraph edge. Gives the petgraph index of `i`.
    fn promote(&mut self, i: NodeIndex) -> NodeIndex {
        let i = self.resolve(i);
        let Some(n) = utterance_of(i) else {
            return i;
        };
        self.irregular = true;
        // a petgraph node stores its id (promotions are rare)
        let id = match self.utterances[n].id {
            Some(id) => self.texts.address(id),
            None => {
                let mut buf = IdBuf::default();
                let id = utterance_id(&self.utterances, &self.documents, &self.texts, n);
                let text = id.as_str(&mut buf).to_string();
                self.texts.place(&text)
            }
        };
        let u = &mut self.utterances[n];
        u.moved = true;
        let node = NodeData {
            id,
            label: u.label,
            kind: u.kind,
            aliases: Aliases::default(),
            mentions: Vec::new(),
            quote: Some(Box::new(u.info.clone())),
        };
        let speaker = std::mem::replace(&mut u.said_by, NodeIndex::end());
        let to = self.graph.add_node(node);
        self.moved.insert(n, to);
        let h = hash_id(self.texts.get_at(self.graph[to].id));
        if let Some(slot) = self.index.find_mut(h, |&j| j == i) {
            *slot = to;
        }
        if speaker != NodeIndex::end() {
            self.folded -= 1;
            let edge = said_edge(self.graph[to].quote.as_deref().expect("set above"));
            self.insert_edge(speaker, to, edge);
        }
        to
    }

    /// Adds (or strengthens) the edge `source -relation-> target`.
    pub fn add_edge(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        let (source, target) = (self.promote(source), self.resolve(target));
        if let Some(n) = utterance_of(target) {
            let u = &mut self.utterances[n];
            if edge.relation == Relation::Said
                && u.said_by == NodeIndex::end()
                && said_edge(&u.info) == edge
            {
                u.said_by = source;
                self.folded += 1;
                return;
            }
        }
        // anything else (the kept `said` edge strengthened, another edge) needs petgraph
        let target = self.promote(target);
        self.edge_index();
        match self.find_edge(source, edge.relation, target) {
            Some(ei) => {
                let e = &mut self.graph[ei];
                e.evidence.extend(edge.evidence);
                if e.role.is_none() {
                    e.role = edge.role;
                }
                if edge.confidence > e.confidence {
                    e.confidence = edge.confidence;
                    e.act = edge.act.or(e.act.take());
                    e.cue = edge.cue.or(e.cue.take());
                }
            }
            None => self.insert_edge(source, target, edge),
        }
    }

    /// The petgraph edge `source -relation-> target`.
    fn find_edge(
        &self,
        source: NodeIndex,
        relation: Relation,
        target: NodeIndex,
    ) -> Option<EdgeIndex> {
        let g = &self.graph;
        self.edges
            .find(edge_hash(source, relation, target), |&e| {
                g.edge_endpoints(e) == Some((source, target)) && g[e].relation == relation
            })
            .copied()
    }

    /// Builds the edge index again after [`KnowledgeGraph::finish`] dropped it.
    fn edge_index(&mut self) {
        if !self.edges_released {
            return;
        }
        self.edges_released = false;
        let graph = &self.graph;
        for e in graph.edge_indices() {
            let h = stored_edge_hash(graph, e);
            self.edges
                .insert_unique(h, e, |&x| stored_edge_hash(graph, x));
        }
    }

    /// Adds a petgraph edge that is not there yet.
    fn insert_edge(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        self.edge_index();
        let h = edge_hash(source, edge.relation, target);
        let ei = self.graph.add_edge(source, target, edge);
        let graph = &self.graph;
        let hash = |e: EdgeIndex| stored_edge_hash(graph, e);
        if is_full(&self.edges) {
            // over the others: `ei` is not in the index yet
            let slots = graph.edge_bound();
            grow(
                &mut self.edges,
                slots,
                EdgeIndex::index,
                EdgeIndex::new,
                hash,
            );
        }
        self.edges.insert_unique(h, ei, |&e| hash(e));
    }

    /// Merges one document's extraction into the graph.
    pub fn add(&mut self, ex: &Extraction) {
        let doc = DocId(self.documents.len() as u32);
        let mut name = [0u8; 11];
        self.push_source(doc.write(&mut name), &ex.source, ex.chars);
        // the words of every place are read from the document's text, kept once
        let words: &str = &ex.text;
        let ev = |g: &mut Self, l: &Located| Evidence {
            doc,
            start: l.start,
            end: l.end,
            text: Some(g.intern(l.text(words))),
        };
        // the texts of an entity's mentions interned so far: most mentions repeat one
        // of a few names, found here by comparing them rather than by hashing them into
        // the store's index (a cache of a document's cue words and speakers' names as
        // well cost more than it saved)
        let mut names = Recent(Vec::with_capacity(RECENT));
        let mut entity_nodes = Vec::with_capacity(ex.entities.len());
        // one buffer for the ids of this document's nodes
        let mut id = String::new();
        for e in &ex.entities {
            push_node_id(e.kind, &e.label, &mut id);
            let ni = self.upsert_node(&id, e.kind, &e.label);
            let (texts, node) = (&mut self.texts, &mut self.graph[ni]);
            if !e.aliases.is_empty() {
                let label = texts.get(node.label);
                for a in &e.aliases {
                    // looked up first: most are there already, and the copy would be dropped
                    if a != label && !node.aliases.contains(a) {
                        node.aliases.insert(a.clone());
                    }
                }
            }
            // grow by half, not double, past a few: the mention lists are most of the
            // graph, and a doubled list is a third empty on average
            let (len, add) = (node.mentions.len(), e.mentions.len());
            if len + add > node.mentions.capacity() {
                node.mentions
                    .reserve_exact(if len < 4 { add } else { add.max(len / 2) });
            }
            names.0.clear();
            // the node's label is the words of a mention as a rule, and its number is
            // at hand: read beside the id just compared (it follows it in the store
            // when the node was made), not looked up by its words. Its number is the
            // one interning the words gives while the index was never built again.
            if !texts.rebuilt && texts.bytes(node.label) == e.label.as_bytes() {
                names.0.push((&e.label, node.label));
            }
            for m in &e.mentions {
                let text = names.intern(texts, m.text(words));
                node.mentions.push(Evidence {
                    doc,
                    start: m.start,
                    end: m.end,
                    text: Some(text),
                });
            }
            entity_nodes.push(ni);
        }
        // quotes and statements of reported speech: the same record, a `said` edge each
        let said = (ex.quotes.iter().enumerate())
            .map(|(i, q)| (Kind::Quote, i, q))
            .chain((ex.statements.iter().enumerate()).map(|(i, q)| (Kind::Statement, i, q)));
        let first = self.utterances.len();
        let d = &mut self.documents[doc.0 as usize];
        (d.utterances, d.quotes) = (first as u32, ex.quotes.len() as u32);
        let mut id_buf = IdBuf::default();
        let mut label = String::new();
        for (at, (kind, qi, q)) in said.enumerate() {
            let quoted = q.text.text(words);
            let text = self.intern(quoted);
            let span = |g: &mut Self, l: &Located| SpanText {
                start: l.start,
                end: l.end,
                text: g.intern(l.text(words)),
            };
            let speaker_mention = q.speaker_mention.as_ref().map(|m| span(self, m));
            let cue = q.cue.as_ref().map(|c| span(self, c));
            let info = QuoteInfo {
                text,
                doc,
                start: q.text.start,
                end: q.text.end,
                speaker_mention,
                cue,
                partial: q.partial,
            };
            label.clear();
            push_quote_label(quoted, &mut label);
            // a short quote is its own label (one in six of BBC's): its number is the
            // text's, just interned, not looked up again
            let label_id = |g: &mut Self, label: &str| {
                if label == quoted {
                    text
                } else {
                    g.texts.intern(label)
                }
            };
            // found by its numbers when it lands where they say (always, unless a node
            // with its id was inserted before: then that node is the one, and there is
            // none unless some id of the index is of an utterance kind)
            let fresh = self.utterances.len() == first + at;
            if fresh && !self.utterance_ids {
                let label = label_id(self, &label);
                let ni = self.push_utterance(None, kind, label, info);
                if let Some(sp) = q.speaker {
                    // a new record's `said` edge is the one it implies (speaker mention
                    // and cue are the quote's own): kept in the record, as `add_edge`
                    // would keep it, without building the edge to compare
                    let source = self.promote(entity_nodes[sp]);
                    let n = utterance_of(ni).expect("a record");
                    self.utterances[n].said_by = source;
                    self.folded += 1;
                }
                continue;
            }
            // a node with the id may be there already: the records may not land where
            // their numbers say
            self.irregular = true;
            let id = NodeId::numbered(kind, doc, qi as u32 + 1).as_str(&mut id_buf);
            let ni = match self.index_only(id) {
                None if fresh => {
                    let label = label_id(self, &label);
                    self.push_utterance(None, kind, label, info)
                }
                _ => self.insert_utterance(id, kind, &label, info),
            };
            if let Some(sp) = q.speaker {
                let evidence = q
                    .speaker_mention
                    .as_ref()
                    .map(|m| {
                        vec![Evidence {
                            doc,
                            start: m.start,
                            end: m.end,
                            text: None,
                        }]
                    })
                    .unwrap_or_default();
                let cue = cue.map(|c| c.text);
                self.add_edge(
                    entity_nodes[sp],
                    ni,
                    Edge {
                        relation: Relation::Said,
                        role: None,
                        act: None,
                        cue,
                        confidence: None,
                        evidence,
                    },
                );
            }
        }
        for a in &ex.affiliations {
            let evidence = vec![ev(self, &a.evidence)];
            let role = a.role.as_deref().map(|r| self.intern(r));
            self.add_edge(
                entity_nodes[a.person],
                entity_nodes[a.org],
                Edge {
                    relation: Relation::AffiliatedWith,
                    role,
                    act: None,
                    cue: None,
                    confidence: Some(a.confidence),
                    evidence,
                },
            );
        }
        for p in &ex.part_of {
            let evidence = vec![ev(self, &p.evidence)];
            self.add_edge(
                entity_nodes[p.child],
                entity_nodes[p.parent],
                Edge {
                    relation: Relation::PartOf,
                    role: None,
                    act: None,
                    cue: None,
                    confidence: Some(0.8),
                    evidence,
                },
            );
        }
        for s in &ex.stances {
            let target = match &s.target {
                ExTarget::Entity(e) => entity_nodes[*e],
                ExTarget::Topic { label, key } => {
                    push_node_id(Kind::Topic, key, &mut id);
                    self.upsert_node(&id, Kind::Topic, label)
                }
            };
            let evidence = vec![ev(self, &s.evidence)];
            let (act, cue) = (self.intern(&s.act), self.intern(s.cue.text(words)));
            self.add_edge(
                entity_nodes[s.holder],
                target,
                Edge {
                    relation: match s.polarity {
                        crate::kind::Polarity::Support => Relation::Supports,
                        crate::kind::Polarity::Oppose => Relation::Opposes,
                    },
                    role: None,
                    act: Some(act),
                    cue: Some(cue),
                    confidence: Some(s.confidence),
                    evidence,
                },
            );
        }
    }

    /// Merges short-name nodes into their long forms across documents and sorts all
    /// lists. Call once, after the last document.
    pub fn finish(&mut self) {
        // nothing is added by its words from here on (merging moves aliases as
        // strings); the index is built again if something is
        self.texts.release_index();
        self.edge_index();
        // who carries each alias, per kind: (kind, hash of the lower-cased alias, node),
        // 16 bytes an alias, sorted. A map from lower-cased strings to sets of nodes
        // cost about 100 bytes an alias and was the peak of a large run's memory.
        // entities only: utterance records are never merged
        // exactly as long as it will be: a doubling Vec copies itself while it grows
        let aliases = (self.graph.node_weights())
            .filter(|n| n.kind.is_entity())
            .map(|n| n.aliases.len())
            .sum();
        let mut carriers: Vec<(Kind, u64, NodeIndex)> = Vec::with_capacity(aliases);
        // one buffer for the lower-cased names, not a string allocated for each
        let mut lower = String::new();
        // each node's mentions put in order in this pass too, not in one of their own
        // after the merges (a fourth reading of every node, most of finishing's cache
        // misses): only the nodes that merges add to are put in order again, below
        for s in 0..self.graph.node_bound() {
            let i = NodeIndex::new(s);
            let Some(n) = self.graph.node_weight_mut(i) else {
                continue;
            };
            in_order(&mut n.mentions);
            if n.kind.is_entity() {
                for a in &n.aliases {
                    carriers.push((n.kind, hash_id(lowercase_into(&mut lower, a)), i));
                }
            }
        }
        carriers.sort_unstable();
        carriers.dedup();
        // the one node of `kind` that has an alias equal to `lower` (ignoring case)
        let carrier = |kind: Kind, lower: &str| -> Option<NodeIndex> {
            let h = hash_id(lower);
            let from = carriers.partition_point(|&(k, x, _)| (k, x) < (kind, h));
            let mut found = None;
            for &(k, x, i) in &carriers[from..] {
                if (k, x) != (kind, h) {
                    break;
                }
                // a hash shared by another alias is not a carrier
                if !self.graph[i]
                    .aliases
                    .iter()
                    .any(|a| is_lowercase_of(lower, a))
                {
                    continue;
                }
                if found.is_some_and(|f| f != i) {
                    return None;
                }
                found = Some(i);
            }
            found
        };
        let mut merges = Vec::new();
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            if !n.kind.is_entity() {
                continue;
            }
            let label = self.texts.get(n.label);
            if let Some(into) = carrier(n.kind, lowercase_into(&mut lower, label))
                && into != i
                && self.texts.get(self.graph[into].label).len() > label.len()
            {
                merges.push((i, into));
            }
        }
        drop(carriers);
        // merged in the order of the merged nodes' ids (a merge can change what a later
        // one finds): the few merges sorted, not every node (that sort was a third of
        // finishing a BBC run); ids are unique, so the order is the same
        merges.sort_unstable_by(|a, b| self.id_of(a.0).cmp(&self.id_of(b.0)));
        // follow chains (A → B → C) to the final node
        let into_of: BTreeMap<NodeIndex, NodeIndex> = merges.iter().copied().collect();
        let mut forward = BTreeMap::new();
        for &(from, into) in &merges {
            let mut to = into;
            let mut hops = 0;
            while let Some(&next) = into_of.get(&to) {
                if next == from || hops > merges.len() {
                    break;
                }
                to = next;
                hops += 1;
            }
            if to != from && self.merge_node(from, to) {
                forward.insert(from, to);
            }
        }
        // a quote's kept speaker follows its merges (the petgraph edges of a merged
        // node were moved by merge_node); the merged nodes marked by slot, one bit
        // each, so that a speaker not merged (nearly all) is told by a look-up, not a
        // search of the map, and none is looked at without merges
        if let Some(&last) = forward.keys().next_back() {
            let mut merged = vec![0u64; last.index() / 64 + 1];
            for from in forward.keys() {
                merged[from.index() / 64] |= 1 << (from.index() % 64);
            }
            let is_merged = |i: NodeIndex| {
                (merged.get(i.index() / 64)).is_some_and(|w| w & 1 << (i.index() % 64) != 0)
            };
            for u in &mut self.utterances {
                while is_merged(u.said_by) {
                    u.said_by = forward[&u.said_by];
                }
            }
        }
        // the merges' targets got the mentions of the nodes merged into them (a target
        // merged on into another has none left)
        for &to in forward.values() {
            if let Some(n) = self.graph.node_weight_mut(to) {
                in_order(&mut n.mentions);
            }
        }
        for ed in self.graph.edge_weights_mut() {
            in_order(&mut ed.evidence);
        }
        // only adding edges needs their index: a finished graph is being read (written
        // out), and the index was ~5 % of an archive's graph
        self.edges = HashTable::new();
        self.edges_released = true;
    }

    /// Merges node `from` into `into`; false when either is gone.
    fn merge_node(&mut self, from: NodeIndex, into: NodeIndex) -> bool {
        if !self.graph.contains_node(from) || !self.graph.contains_node(into) {
            return false;
        }
        let moved: Vec<(NodeIndex, NodeIndex, Edge)> = self
            .graph
            .edges_directed(from, petgraph::Direction::Outgoing)
            .map(|e| (into, e.target(), e.weight().clone()))
            .chain(
                self.graph
                    .edges_directed(from, petgraph::Direction::Incoming)
                    .map(|e| (e.source(), into, e.weight().clone())),
            )
            .collect();
        if let Ok(entry) = self
            .index
            .find_entry(hash_node(self.id_of(from)), |&j| j == from)
        {
            entry.remove();
        }
        // forget the removed node's edges: only its own, not a pass over all edges
        // (that made merging quadratic on an archive)
        let gone: Vec<EdgeIndex> = self
            .graph
            .edges_directed(from, petgraph::Direction::Outgoing)
            .chain(
                self.graph
                    .edges_directed(from, petgraph::Direction::Incoming),
            )
            .map(|e| e.id())
            .collect();
        for e in gone {
            let h = stored_edge_hash(&self.graph, e);
            if let Ok(entry) = self.edges.find_entry(h, |&x| x == e) {
                entry.remove();
            }
        }
        let old = self.graph.remove_node(from).expect("checked above");
        let target = &mut self.graph[into];
        target.aliases.insert(self.texts.get(old.label).to_string());
        target.aliases.extend(old.aliases);
        target.aliases.remove(self.texts.get(target.label));
        target.mentions.extend(old.mentions);
        for (s, t, e) in moved {
            if s != t {
                self.add_edge(s, t, e);
            }
        }
        true
    }
}

/// Whether `lower` (lower-cased already) is `s.to_lowercase()`; an ASCII `s` is compared
/// byte by byte, without lower-casing it into a string of its own.
fn is_lowercase_of(lower: &str, s: &str) -> bool {
    if s.is_ascii() {
        // `lower` has no ASCII capitals, so ignoring their case changes nothing on its
        // side, and any other byte of it must be the same byte of `s`
        s.eq_ignore_ascii_case(lower)
    } else {
        s.to_lowercase() == lower
    }
}

/// Sorts evidence, drops repeats, and gives back the room left over: how a finished
/// graph keeps mentions and an edge's evidence.
#[inline]
fn in_order(v: &mut Vec<Evidence>) {
    v.sort();
    v.dedup();
    v.shrink_to_fit();
}

/// A quote node's label: its first words.
pub fn quote_label(text: &str) -> String {
    let mut label = String::new();
    push_quote_label(text, &mut label);
    label
}

/// [`quote_label`] of `text`, appended to `out`.
fn push_quote_label(text: &str, out: &mut String) {
    const MAX: usize = 40;
    // the byte where character MAX + 1 starts, if the text is longer than MAX: a text of
    // at most MAX bytes has no more characters, and in one whose first MAX bytes are
    // ASCII it is byte MAX (most quotes; no characters decoded)
    let cut_end = if text.len() <= MAX {
        None
    } else if text.as_bytes()[..MAX].is_ascii() {
        Some(MAX)
    } else {
        text.char_indices().nth(MAX).map(|(at, _)| at)
    };
    let Some(cut_end) = cut_end else {
        out.push_str(text);
        return;
    };
    let cut = &text[..cut_end];
    // the last space, found as a byte (it is never part of a longer character)
    let cut = match cut.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(p) if p > 10 => &cut[..p],
        _ => cut,
    };
    let cut = cut.trim_end_matches([',', '.', ';', ':']);
    out.push_str(cut);
    out.push('…');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    #[test]
    fn tables_grown_in_slot_order_hold_what_hashbrowns_growth_holds() {
        // entries are slots, some left out; the hash of a slot is any function of it
        let hash = |x: u32| {
            u64::from(x)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(17)
        };
        let (mut ours, mut theirs) = (HashTable::new(), HashTable::new());
        let mut held = Vec::new();
        for x in (0..5_000u32).filter(|x| x % 3 != 1) {
            if is_full(&ours) {
                grow(&mut ours, x as usize, |y| y as usize, |s| s as u32, hash);
            }
            ours.insert_unique(hash(x), x, |&y| hash(y));
            theirs.insert_unique(hash(x), x, |&y| hash(y));
            held.push(x);
            assert_eq!(ours.capacity(), theirs.capacity(), "after {x}");
        }
        for x in 0..5_000u32 {
            let found = ours.find(hash(x), |&y| y == x).is_some();
            assert_eq!(found, held.contains(&x), "{x}");
        }
        // the text store: every text found again as the one it was stored as, and
        // texts only pushed not found
        let mut t = TextStore::default();
        let pushed = t.push("only pushed");
        let ids: Vec<TextId> = (0..3_000).map(|n| t.intern(&format!("w{n}"))).collect();
        for (n, &id) in ids.iter().enumerate() {
            assert_eq!(t.intern(&format!("w{n}")), id);
            assert_eq!(t.get(id), format!("w{n}"));
        }
        assert_ne!(t.intern("only pushed"), pushed);
    }

    #[test]
    fn sorted_in_runs_as_sorted_whole() {
        // several runs and a short last one, with repeated keys; the items keep their
        // first places among equal keys, as a stable sort keeps them
        let by_key = |a: &(u32, (u32, u32)), b: &(u32, (u32, u32))| a.0.cmp(&b.0);
        let sort_run = |run: &mut [(u32, u32)]| run.sort_by_key(|&(k, _)| k);
        let r = KEYED_RUN as u32;
        for n in [2 * r, 2 * r + 1, 3 * r - 5, 5 * r + 7, 6 * r] {
            let mut v: Vec<(u32, u32)> = (0..n)
                .map(|i| (i.wrapping_mul(2_654_435_761) % 100_003, i))
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|&(k, _)| k);
            sort_in_runs(&mut v, sort_run, |(k, _)| k, by_key);
            assert!(v == want, "{n} items");
        }
        // fewer items than a run: only that run's sort
        let mut short = vec![3u32, 1, 2];
        sort_in_runs(&mut short, |r| r.sort_unstable(), |x| x, |a, b| a.cmp(b));
        assert_eq!(short, [1, 2, 3]);
    }

    #[test]
    fn doc_ids_in_the_order_of_their_texts() {
        let ns = [
            0u32, 1, 2, 9, 10, 11, 19, 20, 99, 100, 101, 109, 110, 999, 1000, 12_345,
        ];
        let ns = ns
            .into_iter()
            .chain([u32::MAX - 1, u32::MAX, 429_496_729, 4_294_967]);
        let ns: Vec<u32> = ns.collect();
        for &a in &ns {
            for &b in &ns {
                let want = format!("d{a}").cmp(&format!("d{b}"));
                assert_eq!(DocId(a).cmp(&DocId(b)), want, "{a} against {b}");
            }
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Jesse Sharkey"), "jesse-sharkey");
        assert_eq!(slug("CBS 2"), "cbs-2");
        assert_eq!(slug("McDonald's"), "mcdonald-s");
        assert_eq!(slug("Zoë Ball"), "zoë-ball");
        assert_eq!(slug("!!"), "_");
        assert_eq!(slug("  --U.S. -- Steel!  "), "u-s-steel");
    }

    proptest::proptest! {
        /// Lower-casing into a buffer, and comparing with a lower-cased name, as
        /// `to_lowercase` does (ASCII names, and any other).
        #[test]
        fn lowercase_as_to_lowercase(s in "\\PC{0,12}", t in "[a-zA-Z ]{0,6}\\PC{0,2}") {
            let mut buf = String::from("left over");
            proptest::prop_assert_eq!(lowercase_into(&mut buf, &s), s.to_lowercase());
            for (x, y) in [(&s, &t), (&t, &s), (&s, &s), (&t, &t)] {
                let lower = x.to_lowercase();
                proptest::prop_assert_eq!(is_lowercase_of(&lower, y), y.to_lowercase() == lower);
            }
            let upper = t.to_uppercase();
            proptest::prop_assert!(is_lowercase_of(&t.to_lowercase(), &upper) == (upper.to_lowercase() == t.to_lowercase()));
        }

        /// The ASCII path (runs copied whole) slugs as the character path does.
        #[test]
        fn ascii_slugs_as_characters_do(s in "[ -~]{0,24}") {
            let mut want = String::new();
            push_slug_chars(&s, &mut want);
            if want.is_empty() {
                want.push('_');
            }
            proptest::prop_assert_eq!(slug(&s), want);
        }
    }

    #[test]
    fn documents_merge_on_ids_and_aliases() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        g.add(&p.extract(&Document::new(
            "a",
            "The Chicago Teachers Union (CTU) met Jesse Sharkey.",
        )));
        g.add(&p.extract(&Document::new(
            "b",
            "CTU leaders and Sharkey spoke. Jesse Sharkey left.",
        )));
        g.finish();
        let ctu = g.node("organization:chicago-teachers-union").unwrap();
        assert!(ctu.aliases.contains("CTU"));
        assert!(g.node("organization:ctu").is_none());
        let js = g.node("person:jesse-sharkey").unwrap();
        assert!(
            js.mentions.iter().any(|m| m.doc == "d0") && js.mentions.iter().any(|m| m.doc == "d1")
        );
    }

    #[test]
    fn said_edges_kept_in_quotes_follow_merges_and_read_as_edges() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        g.add(&p.extract(&Document::new(
            "a",
            "Jesse Sharkey of the CTU spoke. Sharkey left.",
        )));
        g.add(&p.extract(&Document::new("b", "“We will strike,” Sharkey said.")));
        g.finish();
        assert!(g.node("person:sharkey").is_none());
        let said: Vec<_> = g
            .edges()
            .into_iter()
            .filter(|(_, _, e)| e.relation == Relation::Said)
            .collect();
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].0, "person:jesse-sharkey");
        assert_eq!(g.edge_count(), g.edges().len());
        // the same edge added again is strengthened: it leaves the quote for petgraph
        let (s, t) = (
            g.index_of(said[0].0).unwrap(),
            g.index_of(said[0].1).unwrap(),
        );
        let mut again = said[0].2.clone().into_owned();
        let before = again.evidence.len();
        g.add_edge(s, t, again.clone());
        again = g
            .edges()
            .into_iter()
            .find(|(_, _, e)| e.relation == Relation::Said)
            .unwrap()
            .2
            .into_owned();
        assert_eq!(again.evidence.len(), 2 * before);
        assert_eq!(g.petgraph().edge_count(), g.edge_count());
    }

    #[test]
    fn aliases_stay_sorted_and_unique() {
        let mut a = Aliases::default();
        assert!(a.is_empty() && a.iter().next().is_none());
        for n in ["Sharkey", "CTU", "Jesse", "CTU"] {
            a.insert(n.to_string());
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), ["CTU", "Jesse", "Sharkey"]);
        assert!(a.contains("Jesse") && !a.contains("jesse"));
        assert!(a.remove("Jesse") && !a.remove("Jesse"));
        assert!(a.remove("CTU") && a.remove("Sharkey"));
        assert_eq!(a, Aliases::default());
    }

    #[test]
    fn quotes_and_statements_are_found_by_their_numbers() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        for text in [
            "“We will strike,” said Jesse Sharkey. “Not today,” Sharkey said.",
            "Lori Lightfoot said the schools would open. “Soon,” she said.",
        ] {
            g.add(&p.extract(&Document::new("a", text)));
        }
        let ids: Vec<String> = (g.nodes())
            .filter(|n| n.kind.is_utterance())
            .map(|n| n.id.to_string())
            .collect();
        assert!(ids.iter().any(|i| i == "quote:d1:1"), "{ids:?}");
        assert!(ids.iter().any(|i| i == "statement:d1:1"), "{ids:?}");
        for id in &ids {
            assert_eq!(g.node(id).map(|n| n.id.to_string()).as_ref(), Some(id));
        }
        for near in [
            "quote:d1:9",
            "quote:d9:1",
            "quote:d1:0",
            "quote:d+1:1",
            "topic:d1:1",
        ] {
            assert!(g.node(near).is_none(), "{near}");
        }
        // moved into petgraph, still found by its id
        let i = g.index_of("quote:d0:2").unwrap();
        g.node_mut(i).aliases.insert("x".into());
        assert_eq!(g.node("quote:d0:2").unwrap().aliases.len(), 1);
        // inserting an id that exists gives the node there
        let before = g.node_count();
        let again = g.upsert_node("statement:d1:1", Kind::Statement, "other");
        assert_eq!(g.node_at(again).id, "statement:d1:1");
        assert_eq!(g.node_count(), before);
    }

    #[test]
    fn utterance_ids_are_written_from_their_numbers() {
        // `add` stores no id text for its quotes and statements: their ids are written
        // from the document and the place, and behave exactly as the strings
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let text = "“We will strike,” said Jesse Sharkey. “Not today,” Sharkey said. \
                    Lori Lightfoot said the schools would open.";
        let ex = p.extract(&Document::new("a", text));
        for _ in 0..12 {
            g.add(&ex);
        }
        assert!(g.utterances.iter().all(|u| u.id.is_none()));
        let ids: Vec<String> = g.nodes().map(|n| n.id.to_string()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "nodes come in the ids' string order");
        for id in ["quote:d10:1", "quote:d9:2", "quote:d1:2", "statement:d11:1"] {
            assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
            let n = g.node(id).unwrap();
            assert_eq!(n.id, id);
            assert_eq!(n.id.stored(), None);
            assert_eq!(g.node_at(g.index_of(id).unwrap()).id.to_string(), id);
            assert_eq!(g.node(n.id).unwrap().id, n.id);
        }
        let id = |s| g.node(s).unwrap().id;
        assert!(id("quote:d10:1") < id("quote:d9:2"));
        assert!(id("quote:d1:2") > id("quote:d10:1"));
        assert!(id("quote:d11:1") < id("statement:d0:1"));
        for near in [
            "quote:d01:1",
            "quote:d1:+1",
            "quote:d12:1",
            "statement:d1:2",
        ] {
            assert!(g.node(near).is_none(), "{near}");
        }
        // moved into petgraph: its id is stored then, and it is still found by it
        let i = g.index_of("quote:d9:2").unwrap();
        g.node_mut(i).aliases.insert("x".into());
        let moved = g.node("quote:d9:2").unwrap();
        assert_eq!(
            (moved.id.stored(), moved.aliases.len()),
            (Some("quote:d9:2"), 1)
        );
        g.finish();
        let after: Vec<String> = g.nodes().map(|n| n.id.to_string()).collect();
        assert_eq!(after, ids);
        // a record inserted with any id, at any place, keeps it
        let info = g.node("quote:d0:1").unwrap().quote.unwrap().clone();
        for id in ["quote:d0:7", "quote:elsewhere"] {
            let i = g.insert_utterance(id, Kind::Quote, "words", info.clone());
            assert_eq!(g.node_at(i).id.stored(), Some(id));
            assert_eq!(g.index_of(id), Some(i));
        }
        assert_eq!(g.node("quote:d0:1").unwrap().id, "quote:d0:1");
        // records of text ids and of numbers, merged in the ids' order
        let ids: Vec<String> = g.nodes().map(|n| n.id.to_string()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(ids.iter().any(|i| i == "quote:elsewhere"));
        // a record inserted before its document is added is the one the document's
        // quote with that id becomes: one node per id
        let mut g = KnowledgeGraph::new();
        g.insert_utterance("quote:d0:1", Kind::Quote, "words", info);
        g.add(&p.extract(&Document::new("a", "“We will strike,” said Jesse Sharkey.")));
        let ids: Vec<String> = g.nodes().map(|n| n.id.to_string()).collect();
        let quotes = ids.iter().filter(|i| *i == "quote:d0:1").count();
        assert_eq!(quotes, 1, "{ids:?}");
    }

    #[test]
    fn many_quotes_come_in_the_order_of_their_ids() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let text: String = (0..12)
            .map(|i| format!("“We will strike {i},” Jesse Sharkey said. Lori Lightfoot said {i} schools would open. "))
            .collect();
        let ex = p.extract(&Document::new("a", &text));
        assert!(ex.quotes.len() > 10 && ex.statements.len() > 10);
        for _ in 0..11 {
            g.add(&ex);
        }
        let ids: Vec<String> = g.nodes().map(|n| n.id.to_string()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert_eq!(ids.len(), g.node_count());
        // records read from their places alone, as when each is read to check it
        assert!(!g.irregular);
        let fast = g.sorted();
        g.irregular = true;
        assert_eq!(g.sorted(), fast);
    }

    #[test]
    fn edges_come_in_the_order_of_their_ends_and_relation() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let text = "“We will strike,” said Jesse Sharkey of the Chicago Teachers Union. \
                    Lori Lightfoot, the mayor of Chicago, opposed the strike. \
                    “Not today,” Sharkey said. Lightfoot said the schools would open.";
        let ex = p.extract(&Document::new("a", text));
        for _ in 0..12 {
            g.add(&ex);
        }
        // one quote moved into petgraph: its `said` edge is a petgraph edge then
        let i = g.index_of("quote:d3:1").unwrap();
        g.node_mut(i).aliases.insert("x".into());
        g.finish();
        let edges: Vec<(String, String, Relation)> = (g.edges().into_iter())
            .map(|(s, t, e)| (s.to_string(), t.to_string(), e.relation))
            .collect();
        assert!(edges.len() > 24 && edges.iter().any(|e| e.2 != Relation::Said));
        let mut sorted = edges.clone();
        sorted.sort();
        assert_eq!(edges, sorted);
        assert_eq!(edges.len(), g.edge_count());
    }

    #[test]
    fn documents_come_in_the_order_of_their_ids() {
        for n in (0..=1_200u32).chain([9_999, 10_000, 10_001, 123_456]) {
            let mut want: Vec<u32> = (0..n).collect();
            want.sort_by_key(|d| format!("d{d}:"));
            assert_eq!(in_doc_order(n), want, "0..{n}");
        }
    }

    #[test]
    fn numbers_follow_in_the_order_of_their_digits() {
        for max in 0..=1_200u32 {
            let mut want: Vec<u32> = (1..=max).collect();
            want.sort_by_key(|k| k.to_string());
            let mut got = Vec::new();
            let mut k = 1;
            while k <= max {
                got.push(k);
                k = match next_in_digit_order(k, max) {
                    Some(next) => next,
                    None => break,
                };
            }
            assert_eq!(got, want, "1..={max}");
        }
    }

    #[test]
    fn node_ids_compare_and_hash_as_their_text() {
        use std::hash::BuildHasher;
        let numbers = [0, 1, 2, 9, 10, 11, 19, 20, 99, 100, 101, 123, 999, u32::MAX];
        let mut ids = Vec::new();
        for kind in [Kind::Quote, Kind::Statement] {
            for &d in &numbers {
                for &k in &numbers {
                    ids.push(NodeId::numbered(kind, DocId(d), k));
                }
            }
        }
        let texts: Vec<String> = ids.iter().map(NodeId::to_string).collect();
        assert_eq!(texts.iter().map(String::len).max(), Some(32));
        let as_text: Vec<NodeId> = texts.iter().map(|t| NodeId::text(t)).collect();
        for (a, ta) in ids.iter().zip(&texts) {
            assert_eq!(
                FxBuildHasher.hash_one(a),
                FxBuildHasher.hash_one(NodeId::text(ta))
            );
            assert_eq!(hash_node(*a), hash_id(ta));
            for (b, tb) in ids.iter().zip(&texts) {
                let want = ta.cmp(tb);
                assert_eq!(a.cmp(b), want, "{ta} {tb}");
                assert_eq!(a.cmp(&NodeId::text(tb)), want, "{ta} {tb}");
                assert_eq!(a == b, ta == tb);
            }
        }
        assert!(as_text.iter().zip(&ids).all(|(t, n)| t == n));
        // entity ids and texts that share a start with numbered ones, both ways round
        for t in [
            "person:ann",
            "place:x",
            "quote",
            "quote:",
            "quote:d1",
            "quote:d1:10x",
            "r",
            "statement:d",
            "statement:d99:1",
            "topic:tax",
            "",
        ] {
            for (a, ta) in ids.iter().zip(&texts) {
                assert_eq!(NodeId::text(t).cmp(a), t.cmp(ta.as_str()), "{t} {ta}");
                assert_eq!(a.cmp(&NodeId::text(t)), ta.as_str().cmp(t), "{ta} {t}");
            }
        }
        assert_eq!(format!("{:?}", ids[0]), "\"quote:d0:0\"");
        assert_eq!(
            serde_json::to_string(&NodeId::numbered(Kind::Statement, DocId(7), 2)).unwrap(),
            "\"statement:d7:2\""
        );
    }

    #[test]
    fn permutations_invert_in_place() {
        for p in [
            vec![],
            vec![0],
            vec![1, 0],
            vec![2, 0, 1, 3],
            vec![4, 3, 0, 1, 2],
        ] {
            let q = invert(p.clone());
            for (i, &x) in p.iter().enumerate() {
                assert_eq!(q[x as usize], i as u32, "{p:?} -> {q:?}");
            }
        }
        let p: Vec<u32> = (0..1000).map(|i| (i * 7 + 3) % 1000).collect();
        assert_eq!(invert(invert(p.clone())), p);
    }

    #[test]
    fn doc_ids_order_as_written() {
        let mut ids: Vec<DocId> = [2, 10, 1, 0, 100, 21].map(DocId).to_vec();
        ids.sort();
        let written: Vec<String> = ids.iter().map(|d| d.to_string()).collect();
        let mut want = written.clone();
        want.sort();
        assert_eq!(written, want);
        assert_eq!(DocId::parse("d42"), Some(DocId(42)));
        assert_eq!(DocId::parse("42"), None);
        assert_eq!(serde_json::to_string(&DocId(7)).unwrap(), "\"d7\"");
    }

    #[test]
    fn texts_are_stored_once_and_read_back() {
        let mut g = KnowledgeGraph::new();
        let a = g.intern("Blair");
        let long = "x".repeat(BLOCK + 10);
        let b = g.intern(&long);
        assert_eq!(g.intern("Blair"), a);
        assert_eq!((g.text(a), g.text(b)), ("Blair", long.as_str()));
        let empty = g.intern("");
        assert_eq!(g.text(empty), "");
        assert_eq!(std::mem::size_of::<Evidence>(), 16);
        assert_eq!(std::mem::size_of::<Utterance>(), 60);
        let p = Pipeline::new();
        g.add(&p.extract(&Document::new("a", "Jesse Sharkey said: “No.”")));
        let m = g.memory();
        assert!(
            m.iter()
                .any(|&(part, bytes)| part == "mentions" && bytes >= 16)
        );
    }

    #[test]
    fn mentions_have_the_numbers_interning_gives() {
        // `add` takes a mention's number from its node's label when the words are the
        // same, not from the index: it must be the number the index gives
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let docs = [
            "Jesse Sharkey said: “No.” Sharkey left.",
            "JESSE SHARKEY spoke. Jesse Sharkey left, and Sharkey said so.",
            "Mayor Lori Lightfoot opposes a delay. Lightfoot spoke.",
        ];
        for (i, text) in docs.iter().enumerate() {
            g.add(&p.extract(&Document::new(format!("{i}.txt"), *text)));
        }
        let mut again = g.clone();
        let mut seen = 0;
        for n in g.nodes() {
            for m in n.mentions {
                let t = m.text.expect("a mention's words");
                assert_eq!(again.intern(g.text(t)), t, "{}", g.text(t));
                seen += 1;
            }
        }
        assert!(seen >= 6, "{seen}");
    }

    #[test]
    fn a_finished_graph_can_still_grow() {
        // finish drops the word and edge indexes; adding builds them again
        let p = Pipeline::new();
        let docs = [
            "Jesse Sharkey, president of the union, said: “No.” Sharkey criticized Lori Lightfoot.",
            "Sharkey, president of the union, criticized Lori Lightfoot again.",
        ]
        .map(|t| p.extract(&Document::new("a", t)));
        let mut once = KnowledgeGraph::new();
        let mut twice = KnowledgeGraph::new();
        let a = twice.intern("Blair");
        once.intern("Blair");
        for ex in &docs {
            once.add(ex);
            twice.add(ex);
            twice.finish();
        }
        once.finish();
        assert_eq!(twice.intern("Blair"), a);
        let edges = |g: &KnowledgeGraph| -> Vec<(String, String, Edge)> {
            (g.edges().into_iter())
                .map(|(s, t, e)| (s.to_string(), t.to_string(), e.into_owned()))
                .collect()
        };
        assert!(once.edge_count() > 2);
        assert_eq!(edges(&once), edges(&twice));
    }

    #[test]
    fn quote_labels() {
        assert_eq!(quote_label("short"), "short");
        let forty = "é".repeat(40);
        assert_eq!(quote_label(&forty), forty);
        assert_eq!(quote_label(&(forty.clone() + "x")), forty.clone() + "…");
        let l = quote_label("We do not yet have an agreement for safe reopening, said the union");
        assert!(l.ends_with('…') && l.chars().count() <= 41, "{l}");
    }
}
