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

use std::cell::Cell;
use std::io::{Read, Write};
use std::path::Path;

use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize, Serializer};

use petgraph::stable_graph::NodeIndex;

use super::Exporter;
use crate::error::{Error, Result};
use crate::graph::{
    DocId, DocInfo, Edge, Evidence, EvidenceText, KnowledgeGraph, Node, QuoteInfo, Relation,
    SpanText, SpanWords,
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
        let j = GraphView(graph);
        // serde_json writes a few bytes at a time: buffer them here, where the writer's
        // type is known, rather than call through `dyn Write` for each
        let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
        if self.pretty {
            serde_json::to_writer_pretty(&mut w, &j)?;
        } else {
            serde_json::to_writer(&mut w, &j)?;
        }
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(())
    }
}

/// [`JsonGraph`] borrowed from a graph: the same fields in the same order.
struct GraphView<'g>(&'g KnowledgeGraph);

#[derive(Serialize)]
struct GraphRef<'g> {
    directed: bool,
    multigraph: bool,
    graph: MetaRef<'g>,
    nodes: NodesView<'g>,
    edges: EdgesView<'g>,
}

#[derive(Serialize)]
struct MetaRef<'g> {
    schema: &'static str,
    documents: DocsView<'g>,
}

/// The documents, written straight from the graph.
struct DocsView<'g>(&'g KnowledgeGraph);

impl Serialize for DocsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.documents())
    }
}

/// The nodes in id order; the order is left in the cell for [`EdgesView`], which sorts
/// the edges by it (one sort of the ids, and one buffer, for both).
struct NodesView<'g>(&'g KnowledgeGraph, &'g Cell<Vec<NodeIndex>>);
/// The edges, sorted by the order [`NodesView`] left (made here if it left none).
struct EdgesView<'g>(&'g KnowledgeGraph, &'g Cell<Vec<NodeIndex>>);

/// [`JsonNode`] borrowed.
#[derive(Serialize)]
struct NodeRef<'g> {
    id: &'g str,
    kind: &'static str,
    label: &'g str,
    aliases: &'g crate::graph::Aliases,
    #[serde(skip_serializing_if = "Spans::is_empty")]
    mentions: Spans<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<DocId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_mention: Option<SpanWords<&'g str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<SpanWords<&'g str>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    partial: bool,
}

/// Evidence written with its words, straight from the graph.
struct Spans<'g>(&'g KnowledgeGraph, &'g [Evidence]);

impl Spans<'_> {
    fn is_empty(&self) -> bool {
        self.1.is_empty()
    }
}

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for e in self.1 {
            seq.serialize_element(&self.0.evidence_text(e))?;
        }
        seq.end()
    }
}

/// [`JsonEdge`] borrowed.
#[derive(Serialize)]
struct EdgeRef<'g> {
    id: String,
    key: &'static str,
    source: &'g str,
    target: &'g str,
    relation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    #[serde(skip_serializing_if = "Spans::is_empty")]
    evidence: Spans<'g>,
}

impl<'g> NodeRef<'g> {
    fn new(g: &'g KnowledgeGraph, n: Node<'g>) -> Self {
        let q = n.quote;
        NodeRef {
            id: n.id,
            kind: n.kind.as_str(),
            label: n.label,
            aliases: n.aliases,
            mentions: Spans(g, n.mentions),
            text: q.map(|q| g.text(q.text)),
            doc: q.map(|q| q.doc),
            start: q.map(|q| q.start),
            end: q.map(|q| q.end),
            speaker_mention: q
                .and_then(|q| q.speaker_mention.as_ref())
                .map(|s| g.span_words(s)),
            cue: q.and_then(|q| q.cue.as_ref()).map(|s| g.span_words(s)),
            partial: q.is_some_and(|q| q.partial),
        }
    }
}

impl<'g> EdgeRef<'g> {
    fn new(g: &'g KnowledgeGraph, s: &'g str, t: &'g str, e: &'g Edge) -> Self {
        let rel = e.relation.as_str();
        EdgeRef {
            id: format!("{s}|{rel}|{t}"),
            key: rel,
            source: s,
            target: t,
            relation: rel,
            role: g.text_opt(e.role),
            act: g.text_opt(e.act),
            cue: g.text_opt(e.cue),
            confidence: e.confidence,
            evidence: Spans(g, &e.evidence),
        }
    }
}

impl Serialize for GraphView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let order = Cell::new(Vec::new());
        GraphRef {
            directed: true,
            multigraph: true,
            graph: MetaRef {
                schema: SCHEMA,
                documents: DocsView(self.0),
            },
            nodes: NodesView(self.0, &order),
            edges: EdgesView(self.0, &order),
        }
        .serialize(s)
    }
}

impl Serialize for NodesView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let g = self.0;
        let order = g.node_order();
        let mut seq = s.serialize_seq(Some(order.len()))?;
        for &i in &order {
            seq.serialize_element(&NodeRef::new(g, g.node_at(i)))?;
        }
        self.1.set(order);
        seq.end()
    }
}

impl Serialize for EdgesView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let order = match self.1.take() {
            o if o.is_empty() && self.0.node_count() > 0 => self.0.node_order(),
            o => o,
        };
        let edges = self.0.sorted_edges_after(order);
        let mut seq = s.serialize_seq(Some(edges.len()))?;
        for (src, tgt, e) in edges {
            seq.serialize_element(&EdgeRef::new(self.0, src, tgt, &e))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    #[test]
    fn borrowed_writer_matches_the_owned_view() {
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
            let mut out = Vec::new();
            JsonExporter { pretty }.write(&g, &mut out).unwrap();
            let owned = JsonGraph::from_graph(&g);
            let mut want = if pretty {
                serde_json::to_vec_pretty(&owned).unwrap()
            } else {
                serde_json::to_vec(&owned).unwrap()
            };
            want.push(b'\n');
            assert_eq!(
                String::from_utf8(out).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }
}
