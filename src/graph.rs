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
//!   "Sharkey" → "Jesse Sharkey"), then sorts everything.
//!
//! Memory: the graph outlives the documents, so it is kept compact: evidence names its
//! document by number ([`DocId`], 4 bytes, written `d7`), and the texts of mentions,
//! speaker mentions, cues and evidence are interned (`Arc<str>`, one copy of "Blair"
//! however often it is mentioned).
//!
//! Limits: two different people with the same full name are one node.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

use hashbrown::HashTable;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::{FxBuildHasher, FxHashSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Source;
use crate::kind::Kind;
use crate::pipeline::{ExTarget, Extraction, Located};

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

    /// Parses `d7`.
    pub fn parse(s: &str) -> Option<DocId> {
        s.strip_prefix('d')?.parse().ok().map(DocId)
    }
}

impl Ord for DocId {
    fn cmp(&self, other: &Self) -> Ordering {
        let (mut a, mut b) = ([0u8; 10], [0u8; 10]);
        self.digits(&mut a).cmp(other.digits(&mut b))
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
        let mut digits = [0u8; 10];
        let d = self.digits(&mut digits);
        let mut buf = [0u8; 11];
        buf[0] = b'd';
        buf[1..=d.len()].copy_from_slice(d);
        s.serialize_str(std::str::from_utf8(&buf[..=d.len()]).unwrap_or("d?"))
    }
}

impl<'de> Deserialize<'de> for DocId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DocId::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a document id: {s:?}")))
    }
}

/// Where something was said in which document (code points).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: DocId,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text (shared by every evidence with the same words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Arc<str>>,
}

/// A span of a quote's document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanText {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text (shared).
    pub text: Arc<str>,
}

/// What a quote node carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteInfo {
    /// The quoted words.
    pub text: String,
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
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// A node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical name (for quotes, the first words).
    pub label: String,
    /// Other names.
    pub aliases: BTreeSet<String>,
    /// Name mentions (entities).
    pub mentions: Vec<Evidence>,
    /// Quote details (quotes).
    /// (Boxed: most nodes are not quotes, and every node pays for the field.)
    pub quote: Option<Box<QuoteInfo>>,
}

/// The relation of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// person → organization
    AffiliatedWith,
    /// speaker → quote
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
    /// Role (affiliations).
    pub role: Option<String>,
    /// Act (stances): "requests", "criticizes".
    pub act: Option<String>,
    /// Cue words (stances).
    pub cue: Option<String>,
    /// Highest confidence seen.
    pub confidence: Option<f32>,
    /// Every piece of evidence.
    pub evidence: Vec<Evidence>,
}

/// The graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    /// Node ids are looked up through their hash; the id itself is only in the node.
    index: HashTable<NodeIndex>,
    edges: BTreeMap<(NodeIndex, Relation, NodeIndex), EdgeIndex>,
    documents: Vec<DocInfo>,
    texts: FxHashSet<Arc<str>>,
}

/// Lower-case letters and digits, other runs as one "-".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        // ASCII first: the same answers as the Unicode tests, without their tables
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alnum {
            if dash && !out.is_empty() {
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
    if out.is_empty() {
        out.push('_');
    }
    out
}

fn hash_id(id: &str) -> u64 {
    use std::hash::BuildHasher;
    FxBuildHasher.hash_one(id)
}

/// The id of an entity or topic node.
pub fn node_id(kind: Kind, label: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(label))
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The documents, in input order.
    pub fn documents(&self) -> &[DocInfo] {
        &self.documents
    }

    /// The written id ("d7") of a document, borrowed from the graph's document list.
    pub fn doc_name(&self, doc: DocId) -> &str {
        self.documents
            .get(doc.0 as usize)
            .map(|d| d.id.as_str())
            .unwrap_or("")
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// A node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.find(id).map(|i| &self.graph[i])
    }

    fn find(&self, id: &str) -> Option<NodeIndex> {
        let graph = &self.graph;
        self.index
            .find(hash_id(id), |&i| graph[i].id == id)
            .copied()
    }

    /// Node indices sorted by id.
    fn sorted(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_unstable_by(|&a, &b| self.graph[a].id.cmp(&self.graph[b].id));
        v
    }

    /// The internal index of a node, for [`KnowledgeGraph::add_edge`].
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.find(id)
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.sorted().into_iter().map(|i| &self.graph[i])
    }

    /// Edges as (source id, target id, edge), sorted by source, target, relation.
    pub fn edges(&self) -> Vec<(&str, &str, &Edge)> {
        let mut v: Vec<(&str, &str, &Edge)> = (&self.graph)
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].id.as_str(),
                    self.graph[e.target()].id.as_str(),
                    e.weight(),
                )
            })
            .collect();
        v.sort_by(|a, b| (a.0, a.1, a.2.relation).cmp(&(b.0, b.1, b.2.relation)));
        v
    }

    /// The underlying petgraph graph (indices are internal: do not export them).
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// The shared copy of `text`: every mention, cue and evidence with the same words
    /// points to one string.
    pub fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(t) = self.texts.get(text) {
            return t.clone();
        }
        let t: Arc<str> = Arc::from(text);
        self.texts.insert(t.clone());
        t
    }

    /// Adds a document by its full record (used when reading a saved graph).
    pub fn push_document(&mut self, doc: DocInfo) {
        self.documents.push(doc);
    }

    /// Inserts or returns a node.
    pub fn upsert_node(&mut self, id: &str, kind: Kind, label: &str) -> NodeIndex {
        if let Some(i) = self.find(id) {
            return i;
        }
        let i = self.graph.add_node(Node {
            id: id.to_string(),
            kind,
            label: label.to_string(),
            aliases: BTreeSet::new(),
            mentions: Vec::new(),
            quote: None,
        });
        let graph = &self.graph;
        self.index
            .insert_unique(hash_id(id), i, |&j| hash_id(&graph[j].id));
        i
    }

    /// Mutable access to a node.
    pub fn node_mut(&mut self, i: NodeIndex) -> &mut Node {
        &mut self.graph[i]
    }

    /// Adds (or strengthens) the edge `source -relation-> target`.
    pub fn add_edge(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        match self.edges.get(&(source, edge.relation, target)) {
            Some(&ei) => {
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
            None => {
                let rel = edge.relation;
                let ei = self.graph.add_edge(source, target, edge);
                self.edges.insert((source, rel, target), ei);
            }
        }
    }

    /// Merges one document's extraction into the graph.
    pub fn add(&mut self, ex: &Extraction) {
        let doc = DocId(self.documents.len() as u32);
        self.documents.push(DocInfo {
            id: doc.to_string(),
            source: ex.source.clone(),
            chars: ex.chars,
        });
        let ev = |g: &mut Self, l: &Located, with_text: bool| Evidence {
            doc,
            start: l.start,
            end: l.end,
            text: with_text.then(|| g.intern(&l.text)),
        };
        let span = |g: &mut Self, l: &Located| SpanText {
            start: l.start,
            end: l.end,
            text: g.intern(&l.text),
        };
        let mut entity_nodes = Vec::with_capacity(ex.entities.len());
        for e in &ex.entities {
            let id = node_id(e.kind, &e.label);
            let ni = self.upsert_node(&id, e.kind, &e.label);
            let mentions: Vec<Evidence> = e.mentions.iter().map(|m| ev(self, m, true)).collect();
            let node = &mut self.graph[ni];
            for a in &e.aliases {
                if *a != node.label {
                    node.aliases.insert(a.clone());
                }
            }
            node.mentions.extend(mentions);
            entity_nodes.push(ni);
        }
        for (qi, q) in ex.quotes.iter().enumerate() {
            let id = format!("quote:{doc}:{}", qi + 1);
            let ni = self.upsert_node(&id, Kind::Quote, &quote_label(&q.text.text));
            let info = QuoteInfo {
                text: q.text.text.clone(),
                doc,
                start: q.text.start,
                end: q.text.end,
                speaker_mention: q.speaker_mention.as_ref().map(|m| span(self, m)),
                cue: q.cue.as_ref().map(|c| span(self, c)),
                partial: q.partial,
            };
            self.graph[ni].quote = Some(Box::new(info));
            if let Some(sp) = q.speaker {
                let evidence = q
                    .speaker_mention
                    .as_ref()
                    .map(|m| vec![ev(self, m, false)])
                    .unwrap_or_default();
                self.add_edge(
                    entity_nodes[sp],
                    ni,
                    Edge {
                        relation: Relation::Said,
                        role: None,
                        act: None,
                        cue: q.cue.as_ref().map(|c| c.text.clone()),
                        confidence: None,
                        evidence,
                    },
                );
            }
        }
        for a in &ex.affiliations {
            let evidence = vec![ev(self, &a.evidence, true)];
            self.add_edge(
                entity_nodes[a.person],
                entity_nodes[a.org],
                Edge {
                    relation: Relation::AffiliatedWith,
                    role: a.role.clone(),
                    act: None,
                    cue: None,
                    confidence: Some(a.confidence),
                    evidence,
                },
            );
        }
        for p in &ex.part_of {
            let evidence = vec![ev(self, &p.evidence, true)];
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
                    self.upsert_node(&node_id(Kind::Topic, key), Kind::Topic, label)
                }
            };
            let evidence = vec![ev(self, &s.evidence, true)];
            self.add_edge(
                entity_nodes[s.holder],
                target,
                Edge {
                    relation: match s.polarity {
                        crate::kind::Polarity::Support => Relation::Supports,
                        crate::kind::Polarity::Oppose => Relation::Opposes,
                    },
                    role: None,
                    act: Some(s.act.clone()),
                    cue: Some(s.cue.text.clone()),
                    confidence: Some(s.confidence),
                    evidence,
                },
            );
        }
    }

    /// Merges short-name nodes into their long forms across documents and sorts all
    /// lists. Call once, after the last document.
    pub fn finish(&mut self) {
        // label → nodes that carry it as an alias, per kind
        let mut carriers: BTreeMap<(Kind, String), BTreeSet<NodeIndex>> = BTreeMap::new();
        let order = self.sorted();
        for &i in &order {
            let n = &self.graph[i];
            if n.kind.is_entity() {
                for a in &n.aliases {
                    carriers
                        .entry((n.kind, a.to_lowercase()))
                        .or_default()
                        .insert(i);
                }
            }
        }
        let mut merges = Vec::new();
        for &i in &order {
            let n = &self.graph[i];
            if !n.kind.is_entity() {
                continue;
            }
            if let Some(set) = carriers.get(&(n.kind, n.label.to_lowercase()))
                && set.len() == 1
                && let Some(&into) = set.iter().next()
                && into != i
                && self.graph[into].label.len() > n.label.len()
            {
                merges.push((i, into));
            }
        }
        // follow chains (A → B → C) to the final node
        let into_of: BTreeMap<NodeIndex, NodeIndex> = merges.iter().copied().collect();
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
            if to != from {
                self.merge_node(from, to);
            }
        }
        for i in self.graph.node_indices().collect::<Vec<_>>() {
            let n = &mut self.graph[i];
            n.mentions.sort();
            n.mentions.dedup();
            n.mentions.shrink_to_fit();
        }
        for e in self.graph.edge_indices().collect::<Vec<_>>() {
            let ed = &mut self.graph[e];
            ed.evidence.sort();
            ed.evidence.dedup();
            ed.evidence.shrink_to_fit();
        }
    }

    fn merge_node(&mut self, from: NodeIndex, into: NodeIndex) {
        if !self.graph.contains_node(from) || !self.graph.contains_node(into) {
            return;
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
            .find_entry(hash_id(&self.graph[from].id), |&j| j == from)
        {
            entry.remove();
        }
        // forget the removed node's edges: only its own, not a pass over all edges
        // (that made merging quadratic on an archive)
        for e in self
            .graph
            .edges_directed(from, petgraph::Direction::Outgoing)
        {
            self.edges.remove(&(from, e.weight().relation, e.target()));
        }
        for e in self
            .graph
            .edges_directed(from, petgraph::Direction::Incoming)
        {
            self.edges.remove(&(e.source(), e.weight().relation, from));
        }
        let old = self.graph.remove_node(from).expect("checked above");
        let target = &mut self.graph[into];
        target.aliases.insert(old.label);
        target.aliases.extend(old.aliases);
        let label = target.label.clone();
        target.aliases.remove(&label);
        target.mentions.extend(old.mentions);
        for (s, t, e) in moved {
            if s != t {
                self.add_edge(s, t, e);
            }
        }
    }
}

/// A quote node's label: its first words.
pub fn quote_label(text: &str) -> String {
    const MAX: usize = 40;
    // the byte where character MAX + 1 starts, if the text is longer than MAX
    let Some((cut_end, _)) = text.char_indices().nth(MAX) else {
        return text.to_string();
    };
    let cut = &text[..cut_end];
    let cut = match cut.rfind(' ') {
        Some(p) if p > 10 => &cut[..p],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    #[test]
    fn slugs() {
        assert_eq!(slug("Jesse Sharkey"), "jesse-sharkey");
        assert_eq!(slug("CBS 2"), "cbs-2");
        assert_eq!(slug("McDonald's"), "mcdonald-s");
        assert_eq!(slug("Zoë Ball"), "zoë-ball");
        assert_eq!(slug("!!"), "_");
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
    fn quote_labels() {
        assert_eq!(quote_label("short"), "short");
        let forty = "é".repeat(40);
        assert_eq!(quote_label(&forty), forty);
        assert_eq!(quote_label(&(forty.clone() + "x")), forty.clone() + "…");
        let l = quote_label("We do not yet have an agreement for safe reopening, said the union");
        assert!(l.ends_with('…') && l.chars().count() <= 41, "{l}");
    }
}
