//! The graph JSON contract (`newsgraph/1`): a node-link graph that
//! `networkx.node_link_graph(data)` loads (NetworkX ≥ 3.6), and the lossless
//! interchange format that `newsgraph convert` reads back.
//!
//! Output structs are made only for output (and input); nodes are sorted by id and edges
//! by (source, target, relation), so the same graph is always the same bytes.

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::Exporter;
use crate::error::Result;
use crate::graph::{DocInfo, Evidence, KnowledgeGraph, SpanText};

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
    /// person, organization, place, topic, quote.
    pub kind: String,
    /// Canonical name.
    pub label: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Name mentions (entities).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Evidence>,
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
    pub speaker_mention: Option<SpanText>,
    /// Speech cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<SpanText>,
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
    pub evidence: Vec<Evidence>,
}

impl JsonGraph {
    /// The JSON view of a graph.
    pub fn from_graph(g: &KnowledgeGraph) -> JsonGraph {
        let nodes = g
            .nodes()
            .map(|n| JsonNode {
                id: n.id.clone(),
                kind: n.kind.as_str().to_string(),
                label: n.label.clone(),
                aliases: n.aliases.iter().cloned().collect(),
                mentions: n.mentions.clone(),
                text: n.quote.as_ref().map(|q| q.text.clone()),
                doc: n.quote.as_ref().map(|q| q.doc.clone()),
                start: n.quote.as_ref().map(|q| q.start),
                end: n.quote.as_ref().map(|q| q.end),
                speaker_mention: n.quote.as_ref().and_then(|q| q.speaker_mention.clone()),
                cue: n.quote.as_ref().and_then(|q| q.cue.clone()),
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
                role: e.role.clone(),
                act: e.act.clone(),
                cue: e.cue.clone(),
                confidence: e.confidence,
                evidence: e.evidence.clone(),
            })
            .collect();
        JsonGraph {
            directed: true,
            multigraph: true,
            graph: JsonMeta {
                schema: SCHEMA.to_string(),
                documents: g.documents().to_vec(),
            },
            nodes,
            edges,
        }
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
        let j = JsonGraph::from_graph(graph);
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, &j)?;
        } else {
            serde_json::to_writer(&mut *out, &j)?;
        }
        out.write_all(b"\n")?;
        Ok(())
    }
}
