//! The graph JSON contract (`newsgraph/1`): a node-link graph that
//! `networkx.node_link_graph(data)` loads (NetworkX ≥ 3.6), and the lossless
//! interchange format that `newsgraph convert` reads back.
//!
//! Output structs are made only for output (and input); nodes are sorted by id and edges
//! by (source, target, relation), so the same graph is always the same bytes.
//!
//! Reading back ([`KnowledgeGraph::from_json`]) restores every field the writer wrote, in
//! the order it wrote them, so `extract → json → convert → json` gives the same bytes as
//! `extract → json`. It does not run [`KnowledgeGraph::finish`] again: a saved graph is
//! already merged and sorted, and merging twice could change it.

use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Exporter;
use crate::error::{Error, Result};
use crate::graph::{
    DocId, DocInfo, Edge, Evidence, EvidenceText, IdBuf, KnowledgeGraph, Node, NodeId, QuoteInfo,
    Relation, SpanText, SpanWords,
};
use crate::kind::Kind;

/// The schema name written into `graph.schema`.
pub const SCHEMA: &str = "newsgraph/1";

/// The whole document.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonGraph {
    /// Always true.
    pub directed: bool,
    /// Always true.
    pub multigraph: bool,
    /// Graph attributes.
    pub graph: JsonMeta,
    /// Nodes, sorted by id.
    pub nodes: Vec<JsonNode>,
    /// Edges, sorted by source, target, relation.
    pub edges: Vec<JsonEdge>,
}

/// Graph attributes.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonMeta {
    /// `newsgraph/1`.
    pub schema: String,
    /// The documents.
    pub documents: Vec<DocInfo>,
}

/// A node.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonNode {
    /// Stable id.
    pub id: String,
    /// person, organization, place, topic, quote, statement.
    pub kind: String,
    /// Canonical name.
    pub label: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Name mentions (entities).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<EvidenceText<String>>,
    /// Quote text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Quote document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Quote start (code points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    /// Quote end (code points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u32>,
    /// Words the attribution rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<SpanWords<String>>,
    /// Speech cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<SpanWords<String>>,
    /// A fragment quoted inside the writer's sentence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// An edge.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonEdge {
    /// Unique id: `source|relation|target`.
    pub id: String,
    /// Multigraph key: the relation.
    pub key: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// affiliated_with, said, supports, opposes.
    pub relation: String,
    /// Role (affiliations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Act (stances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// Cue words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Confidence (0..1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Evidence spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceText<String>>,
}

/// Evidence with its words owned.
fn owned_evidence(g: &KnowledgeGraph, ev: &[Evidence]) -> Vec<EvidenceText<String>> {
    ev.iter()
        .map(|e| {
            let e = g.evidence_text(e);
            EvidenceText {
                doc: e.doc,
                start: e.start,
                end: e.end,
                text: e.text.map(String::from),
            }
        })
        .collect()
}

/// A quote span with its words owned.
fn owned_span(g: &KnowledgeGraph, s: &SpanText) -> SpanWords<String> {
    SpanWords {
        start: s.start,
        end: s.end,
        text: g.text(s.text).to_string(),
    }
}

/// Evidence read from JSON, its words stored in `g`.
fn stored_evidence(g: &mut KnowledgeGraph, ev: Vec<EvidenceText<String>>) -> Vec<Evidence> {
    ev.into_iter()
        .map(|e| Evidence {
            doc: e.doc,
            start: e.start,
            end: e.end,
            text: e.text.map(|t| g.intern(&t)),
        })
        .collect()
}

/// A quote span read from JSON, its words stored in `g`.
fn stored_span(g: &mut KnowledgeGraph, s: SpanWords<String>) -> SpanText {
    SpanText {
        start: s.start,
        end: s.end,
        text: g.intern(&s.text),
    }
}

impl JsonGraph {
    /// The JSON view of a graph.
    pub fn from_graph(g: &KnowledgeGraph) -> JsonGraph {
        let nodes = g
            .nodes()
            .map(|n| JsonNode {
                id: n.id.to_string(),
                kind: n.kind.as_str().to_string(),
                label: n.label.to_string(),
                aliases: n.aliases.iter().cloned().collect(),
                mentions: owned_evidence(g, n.mentions),
                text: n.quote.as_ref().map(|q| g.text(q.text).to_string()),
                doc: n.quote.as_ref().map(|q| q.doc.to_string()),
                start: n.quote.as_ref().map(|q| q.start),
                end: n.quote.as_ref().map(|q| q.end),
                speaker_mention: n
                    .quote
                    .as_ref()
                    .and_then(|q| q.speaker_mention.as_ref())
                    .map(|s| owned_span(g, s)),
                cue: n
                    .quote
                    .as_ref()
                    .and_then(|q| q.cue.as_ref())
                    .map(|s| owned_span(g, s)),
                partial: n.quote.as_ref().is_some_and(|q| q.partial),
            })
            .collect();
        let edges = g
            .edges()
            .into_iter()
            .map(|(s, t, e)| JsonEdge {
                id: format!("{s}|{}|{t}", e.relation.as_str()),
                key: e.relation.as_str().to_string(),
                source: s.to_string(),
                target: t.to_string(),
                relation: e.relation.as_str().to_string(),
                role: g.text_opt(e.role).map(String::from),
                act: g.text_opt(e.act).map(String::from),
                cue: g.text_opt(e.cue).map(String::from),
                confidence: e.confidence,
                evidence: owned_evidence(g, &e.evidence),
            })
            .collect();
        JsonGraph {
            directed: true,
            multigraph: true,
            graph: JsonMeta {
                schema: SCHEMA.to_string(),
                documents: g.documents().map(|d| d.to_info()).collect(),
            },
            nodes,
            edges,
        }
    }
}

impl JsonGraph {
    /// The graph this JSON describes. Fails, naming the first offending node or edge, on
    /// another schema, an unknown kind or relation, a node id given twice, an edge whose
    /// end is not a node, or a quote node without its text, document and offsets. An edge
    /// given twice (same source, relation, target) is merged, as extraction merges it.
    pub fn into_graph(self) -> std::result::Result<KnowledgeGraph, String> {
        if self.graph.schema != SCHEMA {
            return Err(format!(
                "schema is {:?}, expected {SCHEMA:?}",
                self.graph.schema
            ));
        }
        let mut g = KnowledgeGraph::new();
        for d in self.graph.documents {
            g.push_document(d);
        }
        for n in self.nodes {
            let kind = Kind::parse(&n.kind)
                .ok_or_else(|| format!("node {:?}: unknown kind {:?}", n.id, n.kind))?;
            if g.node(&n.id).is_some() {
                return Err(format!("node {:?} is given twice", n.id));
            }
            let quote = match (n.text, n.doc, n.start, n.end) {
                (Some(text), Some(doc), Some(start), Some(end)) => Some(QuoteInfo {
                    text: g.intern(&text),
                    doc: DocId::parse(&doc)
                        .ok_or_else(|| format!("node {:?}: document id {doc:?} is not dN", n.id))?,
                    start,
                    end,
                    speaker_mention: n.speaker_mention.map(|s| stored_span(&mut g, s)),
                    cue: n.cue.map(|s| stored_span(&mut g, s)),
                    partial: n.partial,
                }),
                (None, None, None, None) => None,
                _ => {
                    return Err(format!(
                        "node {:?}: a quote needs text, doc, start and end together",
                        n.id
                    ));
                }
            };
            let mentions = stored_evidence(&mut g, n.mentions);
            let aliases = n.aliases.into_iter().collect();
            g.insert_node(&n.id, kind, &n.label, aliases, mentions, quote);
        }
        for e in self.edges {
            let relation = Relation::parse(&e.relation)
                .ok_or_else(|| format!("edge {:?}: unknown relation {:?}", e.id, e.relation))?;
            let end = |id: &str| {
                g.index_of(id)
                    .ok_or_else(|| format!("edge {:?}: no node {id:?}", e.id))
            };
            let (source, target) = (end(&e.source)?, end(&e.target)?);
            let evidence = stored_evidence(&mut g, e.evidence);
            let role = e.role.map(|w| g.intern(&w));
            let act = e.act.map(|w| g.intern(&w));
            let cue = e.cue.map(|w| g.intern(&w));
            g.add_edge(
                source,
                target,
                Edge {
                    relation,
                    role,
                    act,
                    cue,
                    confidence: e.confidence,
                    evidence,
                },
            );
        }
        Ok(g)
    }
}

impl KnowledgeGraph {
    /// Reads a graph saved in the JSON contract (by `--format json`); `path` names the
    /// input in errors ([`Error::Graph`] when the JSON is not a newsgraph graph).
    pub fn from_json(reader: impl Read, path: &Path) -> Result<KnowledgeGraph> {
        let bad = |message: String| Error::Graph {
            path: path.to_path_buf(),
            message,
        };
        let mut text = String::new();
        let mut reader = reader;
        reader
            .read_to_string(&mut text)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        // from_str is several times faster than from_reader on large graphs
        let json: JsonGraph = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        json.into_graph().map_err(bad)
    }
}

/// Writes the graph JSON contract.
#[derive(Debug, Default)]
pub struct JsonExporter {
    /// Indent for people reading it (the default is compact).
    pub pretty: bool,
}

impl Exporter for JsonExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        // written straight from the graph, without an owned copy of it: the graph may
        // be most of memory
        if self.pretty {
            write_all(JsonWriter::<true>::new(out), graph)
        } else {
            write_all(JsonWriter::<false>::new(out), graph)
        }
    }
}

/// The graph and a newline through `w`, then flushed.
fn write_all<const PRETTY: bool>(mut w: JsonWriter<PRETTY>, graph: &KnowledgeGraph) -> Result<()> {
    write_graph(&mut w, graph)?;
    w.buf.push(b'\n');
    w.flush()?;
    w.out.flush()?;
    Ok(())
}

/// Bytes that JSON strings write escaped, as serde_json writes them: `b'u'` for
/// `\u00XX`, another letter for its short form, 0 for none. Other characters
/// (DEL, U+2028, non-BMP, ...) are written as they are.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Per byte of `w` (little-endian: the first byte lowest), its high bit set where the
/// byte needs escaping (below 0x20, `"` or `\`): the "has less than" and "has zero"
/// tests of "Bit Twiddling Hacks". A borrow can flag a byte wrongly only above one
/// rightly flagged, so "any flag" is exact, also among the first bytes of the word.
#[inline(always)]
fn escape_flags(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // `"` (0x22) xor 2 is 0x20, and the bytes below 0x20 stay below it: one test of
    // "below 0x21" finds both
    let a = w ^ (LO * 2);
    let q = w ^ (LO * b'\\' as u64);
    ((a.wrapping_sub(LO * 0x21) & !a) | (q.wrapping_sub(LO) & !q)) & HI
}

/// 8 bytes as a little-endian word.
#[inline(always)]
fn word(c: &[u8]) -> u64 {
    u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))
}

/// Appends `s` as a JSON string (quotes included), escaped as serde_json escapes it.
/// `s` is a `str`, or the bytes of one.
#[inline(always)]
fn push_str(buf: &mut Vec<u8>, s: impl AsRef<[u8]>) {
    buf.push(b'"');
    push_escaped(buf, s);
    buf.push(b'"');
}

/// Appends a node id as a JSON string (see [`push_id_inside`]).
fn push_id(buf: &mut Vec<u8>, id: NodeId) {
    buf.push(b'"');
    push_id_inside(buf, id);
    buf.push(b'"');
}

/// Appends the inside of a node id's JSON string. The ids of quotes and statements
/// (most ids of an archive's graph, each written at its node and twice at each of its
/// edges) are written from their numbers, as [`NodeId::as_str`] spells them: their
/// letters, digits and colons need no escaping, and no buffer to be written in first.
fn push_id_inside(buf: &mut Vec<u8>, id: NodeId) {
    match id.numbers() {
        Some((kind, doc, k)) => {
            // a kind's name, `:d`, two numbers of up to 10 digits, and room for a word
            append::<48, _>(buf, |r| {
                r.short(kind.as_str().as_bytes());
                r.put(b":d");
                r.num(doc.0);
                r.put(b":");
                r.num(k);
            });
        }
        None => push_escaped(buf, id.as_str(&mut IdBuf::default())),
    }
}

/// Appends the inside of a JSON string. Most strings need no escaping and are short
/// (half of a BBC run's are under 8 bytes, mention words and names): up to 16 bytes
/// they are tested as one or two words and written as whole words, the length then
/// cut back, rather than looked at byte by byte and copied by a call to `memcpy`
/// (together about two thirds of their cost).
#[inline(always)]
fn push_escaped(buf: &mut Vec<u8>, s: impl AsRef<[u8]>) {
    let b = s.as_ref();
    let n = b.len();
    if n <= 16 {
        if let Some((x, y)) = clean_short(b) {
            let at = buf.len();
            buf.extend_from_slice(&x.to_le_bytes());
            if n > 8 {
                buf.truncate(at + n - 8);
                buf.extend_from_slice(&y.to_le_bytes());
            } else {
                buf.truncate(at + n);
            }
            return;
        }
    } else if clean_long(b) {
        buf.extend_from_slice(b);
        return;
    }
    push_escaped_slow(buf, b);
}

/// `b` of up to 16 bytes with nothing to escape, as the words that write it: its first
/// 8 bytes (zeros past its end when shorter) and, past 8 bytes, its last 8, overlapping
/// the first (else 0); `None` when it is longer or has a byte to escape. Tested as one
/// or two whole words, not byte by byte.
#[inline(always)]
fn clean_short(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    if n <= 8 {
        // the bytes as one word, zeros past the end (which the test then ignores)
        let w = if n >= 4 {
            let half = |c: &[u8]| u64::from(u32::from_le_bytes(c.try_into().unwrap_or([0; 4])));
            half(&b[..4]) | half(&b[n - 4..]) << (8 * (n - 4))
        } else if n > 0 {
            // positions 0, n / 2 and n - 1 are all of 1 to 3 bytes
            let byte = |i: usize| u64::from(b[i]) << (8 * i);
            byte(0) | byte(n / 2) | byte(n - 1)
        } else {
            return Some((0, 0));
        };
        (escape_flags(w) & (u64::MAX >> (64 - 8 * n)) == 0).then_some((w, 0))
    } else if n <= 16 {
        // the first and last 8 bytes, overlapping
        let (x, y) = (word(&b[..8]), word(&b[n - 8..]));
        (escape_flags(x) | escape_flags(y) == 0).then_some((x, y))
    } else {
        None
    }
}

/// Whether none of `b` (more than 16 bytes) needs escaping: 16 bytes at a time, the
/// last 16 overlapping the ones before, in a form the compiler makes vector compares
/// of (about one instruction for two bytes).
#[inline(never)]
fn clean_long(b: &[u8]) -> bool {
    let dirty = |c: &[u8; 16]| {
        c.iter()
            .fold(0u8, |m, &x| m | u8::from(((x ^ 2) < 0x21) | (x == b'\\')))
            != 0
    };
    let sixteen = |c: &[u8]| -> [u8; 16] { c.try_into().unwrap_or([0; 16]) };
    b.chunks_exact(16).all(|c| !dirty(&sixteen(c))) && !dirty(&sixteen(&b[b.len() - 16..]))
}

/// [`push_escaped`] of a string with something to escape.
#[cold]
#[inline(never)]
fn push_escaped_slow(buf: &mut Vec<u8>, b: &[u8]) {
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            if escape_flags(word(chunk)) == 0 {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let e = ESCAPE[c as usize];
        if e != 0 {
            buf.extend_from_slice(&b[run..i]);
            if e == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let u = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 15) as usize],
                ];
                buf.extend_from_slice(&u);
            } else {
                buf.extend_from_slice(&[b'\\', e]);
            }
            run = i + 1;
        }
        i += 1;
    }
    buf.extend_from_slice(&b[run..]);
}

/// The 4 decimal digits of `n` (below 10^4, with leading zeros) as the bytes 0 to 9 of
/// a little-endian word, the first digit lowest: the halves and then the digits are
/// split in every lane at once, by multiplying by a reciprocal (exact for these ranges).
#[inline(always)]
fn digits4(n: u32) -> u32 {
    // n / 100 (low 16 bits) and n % 100 (high 16)
    let q = (n * 5_243) >> 19;
    let x = q | (n - q * 100) << 16;
    // two 16-bit lanes below 100: each into /10 (low byte) and %10 (high byte)
    let q = ((x * 103) >> 10) & 0x000f_000f;
    q | (x - q * 10) << 8
}

/// [`digits4`] of 8 digits: `n` below 10^8, split into two 32-bit lanes first.
#[inline(always)]
fn digits8(n: u32) -> u64 {
    let (hi, lo) = (u64::from(n / 10_000), u64::from(n % 10_000));
    // two 32-bit lanes below 10^4: each into /100 (low 16 bits) and %100 (high 16)
    let x = hi | lo << 32;
    let q = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let x = q | (x - q * 100) << 16;
    // four 16-bit lanes below 100: each into /10 (low byte) and %10 (high byte)
    let q = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    q | (x - q * 10) << 8
}

/// The decimal form of `n` below 10^8, as itoa (and serde_json) write it: the digits
/// as one little-endian word (of 4 bytes below 10^4, most offsets and document numbers,
/// or of 8), and their count, without itoa's buffer and a call to copy from it.
#[inline(always)]
fn decimal(n: u32) -> (u64, usize) {
    // leading zeros are the low zero bytes; 0 keeps one
    if n < 10_000 {
        let d = digits4(n);
        let zeros = (d.trailing_zeros() / 8).min(3) as usize;
        (u64::from((d | 0x3030_3030) >> (8 * zeros)), 4 - zeros)
    } else {
        let d = digits8(n);
        let zeros = (d.trailing_zeros() / 8).min(7) as usize;
        ((d | 0x3030_3030_3030_3030) >> (8 * zeros), 8 - zeros)
    }
}

/// Appends the decimal form of `n`, as itoa (and serde_json) write it: [`decimal`]'s
/// word, cut back to its length.
#[inline(always)]
fn push_u32(buf: &mut Vec<u8>, n: u32) {
    if n < 100_000_000 {
        let at = buf.len();
        let (w, len) = decimal(n);
        buf.extend_from_slice(&w.to_le_bytes());
        buf.truncate(at + len);
    } else {
        buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
}

/// A short piece of output written in place at the end of the buffer: room for `N`
/// bytes is added in one step (zeroed, as safe code adds only written bytes), the pieces
/// are written into it at a cursor the compiler keeps in a register, and the buffer is
/// cut back to the cursor by [`append`]: a span's keys, numbers and short text, or a
/// numbered node id. Appending each piece to the buffer apart tested its capacity and
/// stored its length each time (about a third of writing a span), and a record built on
/// the stack first was zeroed and then copied whole.
struct Record<'a, const N: usize> {
    a: &'a mut [u8; N],
    n: usize,
}

/// Appends what `f` writes into a [`Record`] of `N` bytes to `buf`; `f`'s result is
/// returned.
#[inline(always)]
fn append<const N: usize, T>(buf: &mut Vec<u8>, f: impl FnOnce(&mut Record<'_, N>) -> T) -> T {
    let at = buf.len();
    buf.extend_from_slice(&[0; N]);
    let (t, n) = {
        let a = buf[at..]
            .first_chunk_mut::<N>()
            .expect("N bytes were added");
        let mut r = Record { a, n: 0 };
        let t = f(&mut r);
        (t, r.n)
    };
    buf.truncate(at + n);
    t
}

impl<const N: usize> Record<'_, N> {
    /// Appends `s`, a length known when compiled.
    #[inline(always)]
    fn put<const K: usize>(&mut self, s: &[u8; K]) {
        self.a[self.n..self.n + K].copy_from_slice(s);
        self.n += K;
    }

    /// Appends the first `len` bytes of `w` (the whole word is written, 8 bytes of room
    /// are needed).
    #[inline(always)]
    fn word(&mut self, w: u64, len: usize) {
        self.a[self.n..self.n + 8].copy_from_slice(&w.to_le_bytes());
        self.n += len;
    }

    /// Appends `s` of up to 16 bytes as two overlapping words (or halves, or bytes),
    /// rather than a copy of a length known only when run.
    #[inline(always)]
    fn short(&mut self, s: &[u8]) {
        let (n, at) = (s.len(), self.n);
        debug_assert!(n <= 16);
        if n >= 8 {
            self.word(word(&s[..8]), 8);
            self.n = at + n - 8;
            self.word(word(&s[n - 8..]), 8);
        } else if n >= 4 {
            // two 4-byte halves, overlapping (most kinds' and relations' names)
            let half = |c: &[u8]| u64::from(u32::from_le_bytes(c.try_into().unwrap_or([0; 4])));
            self.word(half(&s[..4]), 4);
            self.n = at + n - 4;
            self.word(half(&s[n - 4..]), 4);
        } else {
            for (i, &c) in s.iter().enumerate() {
                self.a[at + i] = c;
            }
            self.n = at + n;
        }
    }

    /// Appends the inside of `s` as a JSON string if it is short and has nothing to
    /// escape (see [`clean_short`]; 16 bytes and a word of room are needed), else
    /// appends nothing and says so.
    #[inline(always)]
    fn clean_text(&mut self, s: &[u8]) -> bool {
        let Some((x, y)) = clean_short(s) else {
            return false;
        };
        let (n, at) = (s.len(), self.n);
        self.word(x, 8);
        if n > 8 {
            self.n = at + n - 8;
            self.word(y, 8);
        }
        self.n = at + n;
        true
    }

    /// Appends `s`, a key whose length is known once inlined (up to 24 bytes).
    #[inline(always)]
    fn put_slice(&mut self, s: &[u8]) {
        debug_assert!(s.len() <= 24);
        self.a[self.n..self.n + s.len()].copy_from_slice(s);
        self.n += s.len();
    }

    /// Appends the decimal form of `n` (see [`push_u32`]).
    #[inline(always)]
    fn num(&mut self, n: u32) {
        if n < 100_000_000 {
            let (w, len) = decimal(n);
            self.word(w, len);
        } else {
            self.big(n);
        }
    }

    #[cold]
    fn big(&mut self, n: u32) {
        let mut b = itoa::Buffer::new();
        let d = b.format(n).as_bytes();
        self.a[self.n..self.n + d.len()].copy_from_slice(d);
        self.n += d.len();
    }
}

/// An object key as [`JsonWriter::key`] takes it: `,"name":`, as the compact form
/// writes it after another member.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// A JSON writer for the contract's fixed shape, compact or indented exactly as
/// serde_json's compact and pretty formatters write (two spaces, `": "`, empty
/// containers as `[]`), into a buffer written out in 64 KiB pieces.
///
/// Why not serde: serializing through `#[derive(Serialize)]` cost about 8 instructions
/// per output byte in field and string calls (12 % of a BBC run); this writes the same
/// bytes straight from the graph. The owned [`JsonGraph`] keeps the derive for reading
/// back, and a test checks both give the same bytes.
///
/// `PRETTY` (indented) is a parameter known when compiled, not a field, so the compact
/// writer, the one runs use, has no test of it left (there was one at every key,
/// element and span: 2 % of the writing).
struct JsonWriter<'w, const PRETTY: bool> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
    depth: usize,
    /// Nothing written yet in the innermost open container.
    empty: bool,
}

impl<'w, const PRETTY: bool> JsonWriter<'w, PRETTY> {
    fn new(out: &'w mut dyn Write) -> Self {
        JsonWriter {
            buf: Vec::with_capacity(1 << 17),
            out,
            depth: 0,
            empty: true,
        }
    }

    /// Writes the buffer out once it holds 64 KiB (called between records).
    fn spill(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    #[inline(always)]
    fn open(&mut self, c: u8) {
        self.buf.push(c);
        self.depth += 1;
        self.empty = true;
    }

    #[inline(always)]
    fn close(&mut self, c: u8) {
        self.depth -= 1;
        if PRETTY && !self.empty {
            self.newline();
        }
        self.buf.push(c);
        self.empty = false;
    }

    #[cold]
    fn newline(&mut self) {
        self.buf.push(b'\n');
        for _ in 0..self.depth {
            self.buf.extend_from_slice(b"  ");
        }
    }

    /// Before an array element (or an indented key).
    #[inline(always)]
    fn next(&mut self) {
        if !self.empty {
            self.buf.push(b',');
        }
        if PRETTY {
            self.newline();
        }
        self.empty = false;
    }

    /// An object key and its colon, `k` as [`key!`] makes it. Without spaces it is one
    /// copy of a length known when compiled (the comma left off before an object's
    /// first member), rather than the comma, quotes, name and colon written apart and
    /// the container's state tested for each key (about 20 instructions a key).
    #[inline(always)]
    fn key(&mut self, k: &'static str) {
        let k = k.as_bytes();
        if PRETTY {
            self.pretty_key(k);
        } else if self.empty {
            self.buf.extend_from_slice(&k[1..]);
        } else {
            self.buf.extend_from_slice(k);
        }
        self.empty = false;
    }

    /// [`JsonWriter::key`] indented: on its own line, a space after the colon.
    #[inline(never)]
    fn pretty_key(&mut self, k: &[u8]) {
        self.next();
        self.buf.extend_from_slice(&k[1..]);
        self.buf.push(b' ');
    }

    #[inline(always)]
    fn str(&mut self, k: &'static str, v: impl AsRef<[u8]>) {
        if PRETTY || self.empty {
            self.key(k);
            push_str(&mut self.buf, v);
        } else {
            compact_str(&mut self.buf, k.as_bytes(), v.as_ref());
        }
    }

    /// [`JsonWriter::str`] of a name the program gives (a kind's or a relation's: up
    /// to 16 bytes with nothing to escape, as a test holds them), copied without the
    /// test for bytes to escape.
    #[inline(always)]
    fn name(&mut self, k: &'static str, v: &'static str) {
        if PRETTY || self.empty {
            self.str(k, v);
        } else {
            // a key of up to 24 bytes, the name's 16 and its quotes, and room for a word
            append::<56, _>(
                &mut self.buf,
                #[inline(always)]
                |r| {
                    r.put_slice(k.as_bytes());
                    r.put(b"\"");
                    r.short(v.as_bytes());
                    r.put(b"\"");
                },
            );
        }
    }

    #[inline(always)]
    fn opt_str(&mut self, k: &'static str, v: Option<impl AsRef<[u8]>>) {
        if let Some(v) = v {
            self.str(k, v);
        }
    }

    #[inline(always)]
    fn u32(&mut self, k: &'static str, v: u32) {
        self.key(k);
        push_u32(&mut self.buf, v);
    }

    #[inline(always)]
    fn doc(&mut self, k: &'static str, d: DocId) {
        self.key(k);
        self.buf.extend_from_slice(b"\"d");
        push_u32(&mut self.buf, d.0);
        self.buf.push(b'"');
    }

    /// Evidence or mentions, unless there are none: `[{"doc","start","end","text"?}, ...]`.
    #[inline(always)]
    fn spans(&mut self, g: &KnowledgeGraph, k: &'static str, ev: &[Evidence]) {
        if !ev.is_empty() {
            self.key(k);
            self.span_list(g, ev);
        }
    }

    fn span_list(&mut self, g: &KnowledgeGraph, ev: &[Evidence]) {
        self.open(b'[');
        for e in ev {
            self.next();
            if PRETTY {
                self.open(b'{');
                self.doc(key!("doc"), e.doc);
                self.u32(key!("start"), e.start);
                self.u32(key!("end"), e.end);
                self.opt_str(key!("text"), e.text.map(|t| g.text_bytes(t)));
                self.close(b'}');
            } else {
                let text = e.text.map(|t| g.text_bytes(t));
                compact_span(&mut self.buf, Some(e.doc), e.start, e.end, text);
            }
        }
        self.close(b']');
    }

    /// A quote's speaker or cue, if it has one: `{"start","end","text"}`.
    #[inline(always)]
    fn span(&mut self, g: &KnowledgeGraph, k: &'static str, s: Option<&SpanText>) {
        if let Some(s) = s {
            self.key(k);
            self.span_object(g, s);
        }
    }

    fn span_object(&mut self, g: &KnowledgeGraph, s: &SpanText) {
        if PRETTY {
            self.open(b'{');
            self.u32(key!("start"), s.start);
            self.u32(key!("end"), s.end);
            self.str(key!("text"), g.text_bytes(s.text));
            self.close(b'}');
        } else {
            compact_span(
                &mut self.buf,
                None,
                s.start,
                s.end,
                Some(g.text_bytes(s.text)),
            );
        }
    }
}

/// A key after another member and its string value without spaces, `,"name":"value"`:
/// one record when the value is short with nothing to escape (most names, kinds and
/// relations), not the key, the quotes and the value appended apart.
#[inline(always)]
fn compact_str(b: &mut Vec<u8>, k: &[u8], v: &[u8]) {
    // a key of up to 24 bytes, a short value's 16 and its quotes, and room for a word
    let long = append::<56, _>(
        b,
        #[inline(always)]
        |r| {
            r.put_slice(k);
            r.put(b"\"");
            let short = r.clean_text(v);
            if short {
                r.put(b"\"");
            }
            !short
        },
    );
    if long {
        push_escaped(b, v);
        b.push(b'"');
    }
}

/// A span object without spaces, `{"doc"?,"start","end","text"?}`, as the writer's
/// calls write it, in fewer pieces: a graph's spans are most of its JSON, and writing
/// each key, colon and comma apart was a quarter of the writing.
#[inline(always)]
fn compact_span(b: &mut Vec<u8>, doc: Option<DocId>, start: u32, end: u32, text: Option<&[u8]>) {
    // at most 65 bytes before the text (three numbers of up to 10 digits), a short
    // text's 16 and `"}`, and room for a word
    let long = append::<96, _>(
        b,
        #[inline(always)]
        |r| {
            match doc {
                Some(d) => {
                    r.put(b"{\"doc\":\"d");
                    r.num(d.0);
                    r.put(b"\",\"start\":");
                }
                None => r.put(b"{\"start\":"),
            }
            r.num(start);
            r.put(b",\"end\":");
            r.num(end);
            match text {
                Some(t) => {
                    r.put(b",\"text\":\"");
                    // a short text (most mentions' words) in the record too
                    let short = r.clean_text(t);
                    if short {
                        r.put(b"\"}");
                    }
                    (!short).then_some(t)
                }
                None => {
                    r.put(b"}");
                    None
                }
            }
        },
    );
    if let Some(t) = long {
        push_escaped(b, t);
        b.extend_from_slice(b"\"}");
    }
}

/// The whole contract, in [`JsonGraph`]'s field order.
fn write_graph<const PRETTY: bool>(w: &mut JsonWriter<PRETTY>, g: &KnowledgeGraph) -> Result<()> {
    w.open(b'{');
    w.key(key!("directed"));
    w.buf.extend_from_slice(b"true");
    w.key(key!("multigraph"));
    w.buf.extend_from_slice(b"true");
    w.key(key!("graph"));
    w.open(b'{');
    w.str(key!("schema"), SCHEMA);
    w.key(key!("documents"));
    w.open(b'[');
    for d in g.documents() {
        w.next();
        w.open(b'{');
        w.str(key!("id"), d.id);
        w.str(key!("path"), d.path);
        w.opt_str(key!("article_id"), d.article_id);
        w.opt_str(key!("title"), d.title);
        w.opt_str(key!("url"), d.url);
        w.opt_str(key!("date"), d.date);
        w.u32(key!("chars"), d.chars);
        w.close(b'}');
        w.spill()?;
    }
    w.close(b']');
    w.close(b'}');
    w.key(key!("nodes"));
    w.open(b'[');
    // the id order once, for the nodes and then the edges
    let order = g.node_order();
    for n in g.nodes_in(&order) {
        write_node(w, g, &n);
        w.spill()?;
    }
    w.close(b']');
    w.key(key!("edges"));
    w.open(b'[');
    for (s, t, e) in g.edges_in(order) {
        write_edge(w, g, s, t, &e)?;
        w.spill()?;
    }
    w.close(b']');
    w.close(b'}');
    Ok(())
}

/// A node, in [`JsonNode`]'s field order.
fn write_node<const PRETTY: bool>(w: &mut JsonWriter<PRETTY>, g: &KnowledgeGraph, n: &Node) {
    w.next();
    w.open(b'{');
    w.key(key!("id"));
    push_id(&mut w.buf, n.id);
    w.name(key!("kind"), n.kind.as_str());
    w.str(key!("label"), n.label);
    w.key(key!("aliases"));
    w.open(b'[');
    for a in n.aliases {
        w.next();
        push_str(&mut w.buf, a);
    }
    w.close(b']');
    w.spans(g, key!("mentions"), n.mentions);
    if let Some(q) = n.quote {
        w.str(key!("text"), g.text_bytes(q.text));
        w.doc(key!("doc"), q.doc);
        w.u32(key!("start"), q.start);
        w.u32(key!("end"), q.end);
        w.span(g, key!("speaker_mention"), q.speaker_mention.as_ref());
        w.span(g, key!("cue"), q.cue.as_ref());
        if q.partial {
            w.key(key!("partial"));
            w.buf.extend_from_slice(b"true");
        }
    }
    w.close(b'}');
}

/// An edge, in [`JsonEdge`]'s field order.
fn write_edge<const PRETTY: bool>(
    w: &mut JsonWriter<PRETTY>,
    g: &KnowledgeGraph,
    s: NodeId,
    t: NodeId,
    e: &Edge,
) -> Result<()> {
    let rel = e.relation.as_str();
    w.next();
    w.open(b'{');
    // the id `source|relation|target`, written piece by piece (the relation needs no
    // escaping); the ends are escaped once there, and the source and target copied
    // from it
    w.key(key!("id"));
    w.buf.push(b'"');
    let from = w.buf.len();
    push_id_inside(&mut w.buf, s);
    let source = from..w.buf.len();
    append::<32, _>(&mut w.buf, |r| {
        r.put(b"|");
        r.short(rel.as_bytes());
        r.put(b"|");
    });
    let from = w.buf.len();
    push_id_inside(&mut w.buf, t);
    let target = from..w.buf.len();
    w.buf.push(b'"');
    w.name(key!("key"), rel);
    w.key(key!("source"));
    w.buf.push(b'"');
    w.buf.extend_from_within(source);
    w.buf.push(b'"');
    w.key(key!("target"));
    w.buf.push(b'"');
    w.buf.extend_from_within(target);
    w.buf.push(b'"');
    w.name(key!("relation"), rel);
    let text = |t: Option<_>| t.map(|t| g.text_bytes(t));
    w.opt_str(key!("role"), text(e.role));
    w.opt_str(key!("act"), text(e.act));
    w.opt_str(key!("cue"), text(e.cue));
    if let Some(c) = e.confidence {
        w.key(key!("confidence"));
        // serde_json's float formatting (shortest round trip; null if not finite)
        serde_json::to_writer(&mut w.buf, &c)?;
    }
    w.spans(g, key!("evidence"), &e.evidence);
    w.close(b'}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    /// Strings a JSON writer can get wrong: every control character, quotes and
    /// backslashes at each position of an 8-byte chunk, DEL, line and paragraph
    /// separators, non-BMP characters.
    fn hostile() -> Vec<String> {
        let mut v: Vec<String> = [
            "",
            "plain",
            "\"quoted\" and \\back\\slashed\\",
            "tab\tnew\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "sep\u{2028}para\u{2029}nel\u{85}",
            "emoji 😀 and 𝄞 and é中",
            "/slash/ </script>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.push((0u8..0x80).map(char::from).collect());
        for c in ['"', '\\', '\n', '\u{1}', '\u{1f}', 'é', '😀'] {
            for at in 0..17 {
                let mut s: String = "abcdefghijklmnop".chars().take(at).collect();
                s.push(c);
                s.push_str("qrstuvwxy");
                v.push(s);
            }
        }
        v
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in hostile() {
            let mut out = Vec::new();
            push_str(&mut out, &s);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
            assert_eq!(serde_json::from_slice::<String>(&out).unwrap(), s);
        }
    }

    /// Every length the word tests treat apart (up to 8, up to 16, longer, with the
    /// last chunk overlapping), clean and with a byte to escape at each position, after
    /// other output in the buffer (the words are written and then cut back).
    #[test]
    fn strings_of_every_short_length_are_escaped_as_serde_json_escapes_them() {
        for n in 0..=40 {
            let clean: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH"[..n].to_string();
            let mut cases = vec![clean.clone(), clean.replace('a', "é")];
            for at in 0..n {
                for c in ['"', '\\', '\n', '\u{0}', '\u{1f}', ' ', '!', '#', '\u{7f}'] {
                    let mut s = clean.clone();
                    s.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
                    cases.push(s);
                }
            }
            for s in cases {
                let mut out = b"x".to_vec();
                push_str(&mut out, &s);
                let mut want = b"x".to_vec();
                want.extend(serde_json::to_vec(&s).unwrap());
                assert_eq!(out, want, "{s:?}");
            }
        }
    }

    #[test]
    fn numbers_are_written_as_itoa_writes_them() {
        let edges = (0..10).flat_map(|p| {
            let t = 10u32.pow(p);
            [t - 1, t, t + 1, t.saturating_mul(2) - 1]
        });
        for n in (0..100_000).chain(edges).chain([u32::MAX - 1, u32::MAX]) {
            let mut out = b"x".to_vec();
            push_u32(&mut out, n);
            assert_eq!(&out[1..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
            let mut out = b"y".to_vec();
            append::<24, _>(&mut out, |r| {
                r.put(b"x");
                r.num(n);
            });
            assert_eq!(&out[2..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
        }
    }

    /// [`Record::short`] writes names of up to 16 bytes: every kind's name, which starts
    /// a numbered id, is one, and every relation's name.
    #[test]
    fn short_names_are_written_whole() {
        let names = Kind::ALL.map(Kind::as_str);
        let relations = [
            Relation::AffiliatedWith,
            Relation::Said,
            Relation::Supports,
            Relation::Opposes,
            Relation::PartOf,
        ]
        .map(Relation::as_str);
        for s in names
            .iter()
            .chain(&relations)
            .copied()
            .chain(["", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh"])
        {
            assert!(s.len() <= 16, "{s}");
            // and as JsonWriter::name takes them: nothing to escape
            assert!(clean_short(s.as_bytes()).is_some(), "{s}");
            let mut out = Vec::new();
            append::<40, _>(&mut out, |r| {
                r.put(b"<");
                r.short(s.as_bytes());
                r.put(b">");
            });
            assert_eq!(out, format!("<{s}>").into_bytes());
        }
    }

    /// [`Record::clean_text`] writes a string as [`push_escaped`] does when it takes
    /// it (short, nothing to escape), and nothing else: the strings of every short
    /// length, clean and with a byte to escape at each position, and longer ones.
    #[test]
    fn records_take_short_clean_strings_as_push_escaped_writes_them() {
        for s in hostile().iter().chain(&[
            "abcdefghijklmnopq".to_string(),
            "é".repeat(8),
            "x".repeat(100),
        ]) {
            let s = s.as_bytes();
            for cut in 0..=s.len().min(18) {
                let t = &s[..cut];
                let mut want = b"<".to_vec();
                push_escaped(&mut want, t);
                let mut out = b"<".to_vec();
                let took = append::<48, _>(&mut out, |r| {
                    r.put(b"[");
                    r.clean_text(t)
                });
                let clean = !t.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\');
                assert_eq!(took, t.len() <= 16 && clean, "{t:?}");
                if took {
                    assert_eq!(out[2..], want[1..], "{t:?}");
                } else {
                    assert_eq!(out, b"<[", "{t:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in ".*") {
            let mut out = Vec::new();
            push_str(&mut out, &s);
            proptest::prop_assert_eq!(&out, &serde_json::to_vec(&s).unwrap());
            proptest::prop_assert_eq!(serde_json::from_slice::<String>(&out).unwrap(), s);
        }

        #[test]
        fn any_number_is_written_as_itoa_writes_it(n in proptest::num::u32::ANY) {
            let mut out = Vec::new();
            push_u32(&mut out, n);
            let mut want = itoa::Buffer::new();
            proptest::prop_assert_eq!(&out[..], want.format(n).as_bytes());
        }
    }

    /// A graph whose every written string is hostile: documents with all provenance
    /// fields, an entity with aliases and mentions, a quote with speaker, cue and
    /// `partial`, edges with role, act, cue, confidence and evidence.
    fn hostile_graph() -> KnowledgeGraph {
        let h = hostile();
        let pick = |i: usize| h[i % h.len()].clone();
        let ev = |i: usize, text: bool| EvidenceText {
            doc: DocId(i as u32 % 2),
            start: i as u32,
            end: i as u32 + 3,
            text: text.then(|| pick(i)),
        };
        let span = |i: usize| SpanWords {
            start: i as u32,
            end: i as u32 + 1,
            text: pick(i),
        };
        let node = |id: String, kind: &str, i: usize| JsonNode {
            id,
            kind: kind.to_string(),
            label: pick(i),
            aliases: vec![pick(i + 1), pick(i + 2)],
            mentions: vec![ev(i, true), ev(i + 1, false)],
            text: None,
            doc: None,
            start: None,
            end: None,
            speaker_mention: None,
            cue: None,
            partial: false,
        };
        let mut nodes: Vec<JsonNode> = (0..h.len())
            .map(|i| node(format!("person:{}", pick(i)), "person", i))
            .collect();
        nodes.push(JsonNode {
            aliases: Vec::new(),
            mentions: Vec::new(),
            text: Some(pick(3)),
            doc: Some("d1".to_string()),
            start: Some(5),
            end: Some(9),
            speaker_mention: Some(span(4)),
            cue: Some(span(5)),
            partial: true,
            ..node("quote:d1:1".to_string(), "quote", 6)
        });
        let edge = |s: usize, t: String, relation: &str, conf: Option<f32>| JsonEdge {
            id: String::new(),
            key: relation.to_string(),
            source: format!("person:{}", pick(s)),
            target: t,
            relation: relation.to_string(),
            role: Some(pick(s + 7)),
            act: Some(pick(s + 8)),
            cue: Some(pick(s + 9)),
            confidence: conf,
            evidence: vec![ev(s, true), ev(s + 2, false)],
        };
        let edges = vec![
            edge(2, "quote:d1:1".to_string(), "said", None),
            edge(3, format!("person:{}", pick(4)), "supports", Some(0.7)),
            edge(5, format!("person:{}", pick(6)), "opposes", Some(1.0 / 3.0)),
        ];
        let doc = |i: usize, full: bool| DocInfo {
            id: format!("d{i}"),
            source: crate::document::Source {
                path: pick(i + 10),
                article_id: full.then(|| pick(i + 11)),
                title: full.then(|| pick(i + 12)),
                url: full.then(|| pick(i + 13)),
                date: full.then(|| pick(i + 14)),
            },
            chars: 4_000_000_000,
        };
        JsonGraph {
            directed: true,
            multigraph: true,
            graph: JsonMeta {
                schema: SCHEMA.to_string(),
                documents: vec![doc(0, false), doc(1, true)],
            },
            nodes,
            edges,
        }
        .into_graph()
        .unwrap()
    }

    /// What the writer gives, and what serde_json gives for the owned view.
    fn both(g: &KnowledgeGraph, pretty: bool) -> (String, String) {
        let mut out = Vec::new();
        JsonExporter { pretty }.write(g, &mut out).unwrap();
        let owned = JsonGraph::from_graph(g);
        let mut want = if pretty {
            serde_json::to_vec_pretty(&owned).unwrap()
        } else {
            serde_json::to_vec(&owned).unwrap()
        };
        want.push(b'\n');
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(want).unwrap(),
        )
    }

    #[test]
    fn hostile_strings_are_written_as_serde_json_writes_them() {
        let g = hostile_graph();
        for pretty in [false, true] {
            let (got, want) = both(&g, pretty);
            assert_eq!(got, want);
            for field in [
                "article_id",
                "speaker_mention",
                "partial",
                "confidence",
                "role",
            ] {
                assert!(got.contains(&format!("\"{field}\"")), "{field}");
            }
            assert!(got.contains("\\u001f") && got.contains('\u{2028}'));
            // and read back to the same graph
            let back = KnowledgeGraph::from_json(got.as_bytes(), Path::new("x")).unwrap();
            assert_eq!(both(&back, pretty).0, got);
        }
    }

    #[test]
    fn an_empty_graph_is_written_as_serde_json_writes_it() {
        for pretty in [false, true] {
            let (got, want) = both(&KnowledgeGraph::new(), pretty);
            assert_eq!(got, want);
        }
    }

    #[test]
    fn writer_matches_serde_json_on_the_owned_view() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        for (name, text) in [
            (
                "a",
                "“We will strike,” said CTU President Jesse Sharkey. Mayor Lori Lightfoot opposes a delay.",
            ),
            (
                "b",
                "The Chicago Teachers Union (CTU) met. Sharkey requests a delay of the reopening.",
            ),
        ] {
            g.add(&p.extract(&Document::new(name, text)));
        }
        g.finish();
        for pretty in [false, true] {
            let (got, want) = both(&g, pretty);
            assert_eq!(got, want);
        }
    }
}
