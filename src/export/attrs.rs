//! The flat, typed attributes of nodes and edges, shared by the formats that declare
//! typed columns (GraphML, GEXF, Cytoscape, Neo4j), so every tool shows the same names,
//! types and values.
//!
//! Takes: a [`KnowledgeGraph`]. Gives: for each node and edge one optional [`Value`] per
//! entry of [`NODE`] / [`EDGE`]; each format decides how to spell a type (GraphML and
//! GEXF write lists as JSON strings, Cytoscape as JSON arrays, Neo4j as `string[]`).
//!
//! Rules: a missing value is `None` and is not written (no empty strings standing for
//! "unknown"). Confidences are `f32` in the graph; they are widened through their
//! shortest decimal form, so every format writes `0.8`, never `0.800000011920929`.

use std::collections::{BTreeMap, BTreeSet};

use crate::filter::mention_count;
use crate::graph::{Edge, EvidenceText, KnowledgeGraph, Node, NodeId, Relation};

/// The type of an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    Str,
    Int,
    Double,
    Bool,
    /// A list of strings.
    List,
    /// Evidence spans (document, offsets, text).
    Spans,
}

/// An attribute: its name in every format and its type.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    pub name: &'static str,
    pub ty: Type,
}

const fn attr(name: &'static str, ty: Type) -> Attr {
    Attr { name, ty }
}

/// Node attributes, in output order. `label` first: every tool looks for it.
pub(crate) const NODE: [Attr; 13] = [
    attr("label", Type::Str),
    attr("kind", Type::Str),
    attr("aliases", Type::List),
    // the count `--min-mentions` and `--max-nodes` use
    attr("mentions", Type::Int),
    // documents the node appears in: mentions, its quote, the evidence of its edges
    attr("docs", Type::List),
    attr("text", Type::Str),
    attr("doc", Type::Str),
    attr("start", Type::Int),
    attr("end", Type::Int),
    attr("speaker_mention", Type::Str),
    attr("cue", Type::Str),
    // quotes and statements: whether a speaker was found (a `said` edge points at it)
    attr("attributed", Type::Bool),
    // quotes: a fragment inside the writer's sentence
    attr("partial", Type::Bool),
];

/// Edge attributes, in output order.
pub(crate) const EDGE: [Attr; 8] = [
    attr("relation", Type::Str),
    // what to print on the edge: the role, the act, or the relation
    attr("label", Type::Str),
    attr("role", Type::Str),
    attr("act", Type::Str),
    attr("cue", Type::Str),
    attr("confidence", Type::Double),
    // number of evidence spans (at least 1): layout tools pull on it
    attr("weight", Type::Double),
    attr("evidence", Type::Spans),
];

/// A value of an attribute.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'g> {
    Str(&'g str),
    Int(i64),
    Double(f64),
    Bool(bool),
    List(Vec<&'g str>),
    Spans(Vec<EvidenceText<&'g str>>),
}

/// Precomputed per-graph facts the values need.
pub(crate) struct Attrs<'g> {
    graph: &'g KnowledgeGraph,
    attributed: BTreeSet<NodeId<'g>>,
    edge_docs: BTreeMap<NodeId<'g>, BTreeSet<&'g str>>,
}

/// The edge's display label: role, act, or the relation's name.
pub(crate) fn edge_label<'g>(g: &'g KnowledgeGraph, e: &Edge) -> &'g str {
    match e.relation {
        Relation::AffiliatedWith => g.text_opt(e.role).unwrap_or("affiliated_with"),
        Relation::Said => "said",
        Relation::PartOf => "part of",
        Relation::Supports | Relation::Opposes => g.text_opt(e.act).unwrap_or(e.relation.as_str()),
    }
}

/// An `f32` as the `f64` of its shortest decimal form.
pub(crate) fn widen(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// The edge's weight: its number of evidence spans, at least 1.
pub(crate) fn weight(e: &Edge) -> f64 {
    e.evidence.len().max(1) as f64
}

impl<'g> Attrs<'g> {
    /// Scans the edges of `graph` once.
    pub fn new(graph: &'g KnowledgeGraph) -> Self {
        let mut attributed = BTreeSet::new();
        let mut edge_docs: BTreeMap<NodeId, BTreeSet<&str>> = BTreeMap::new();
        for (s, t, e) in graph.edges() {
            if e.relation == Relation::Said {
                attributed.insert(t);
            }
            for ev in &e.evidence {
                edge_docs
                    .entry(s)
                    .or_default()
                    .insert(graph.doc_name(ev.doc));
                edge_docs
                    .entry(t)
                    .or_default()
                    .insert(graph.doc_name(ev.doc));
            }
        }
        Attrs {
            graph,
            attributed,
            edge_docs,
        }
    }

    /// The node's values, one per entry of [`NODE`].
    pub fn node(&self, n: Node<'g>) -> [Option<Value<'g>>; NODE.len()] {
        let q = n.quote.as_ref();
        let g = self.graph;
        let mut docs: BTreeSet<&str> = n.mentions.iter().map(|m| g.doc_name(m.doc)).collect();
        docs.extend(q.map(|q| g.doc_name(q.doc)));
        docs.extend(self.edge_docs.get(&n.id).into_iter().flatten());
        let is_quote = n.kind.is_utterance();
        [
            Some(Value::Str(n.label)),
            Some(Value::Str(n.kind.as_str())),
            Some(Value::List(n.aliases.iter().map(String::as_str).collect())),
            Some(Value::Int(mention_count(self.graph, n) as i64)),
            Some(Value::List(docs.into_iter().collect())),
            q.map(|q| Value::Str(g.text(q.text))),
            q.map(|q| Value::Str(g.doc_name(q.doc))),
            q.map(|q| Value::Int(q.start.into())),
            q.map(|q| Value::Int(q.end.into())),
            q.and_then(|q| q.speaker_mention.as_ref())
                .map(|s| Value::Str(g.text(s.text))),
            q.and_then(|q| q.cue.as_ref())
                .map(|s| Value::Str(g.text(s.text))),
            is_quote.then(|| Value::Bool(self.attributed.contains(&n.id))),
            q.map(|q| Value::Bool(q.partial)),
        ]
    }

    /// The edge's values, one per entry of [`EDGE`].
    pub fn edge(&self, e: &Edge) -> [Option<Value<'g>>; EDGE.len()] {
        [
            Some(Value::Str(e.relation.as_str())),
            Some(Value::Str(edge_label(self.graph, e))),
            self.graph.text_opt(e.role).map(Value::Str),
            self.graph.text_opt(e.act).map(Value::Str),
            self.graph.text_opt(e.cue).map(Value::Str),
            e.confidence.map(|c| Value::Double(widen(c))),
            Some(Value::Double(weight(e))),
            (!e.evidence.is_empty()).then(|| {
                let g = self.graph;
                Value::Spans(e.evidence.iter().map(|x| g.evidence_text(x)).collect())
            }),
        ]
    }
}

/// The stable id of an edge, the same in every format: `source|relation|target`
/// (one edge per source, relation and target, so it is unique).
pub(crate) fn edge_id(source: NodeId, target: NodeId, e: &Edge) -> String {
    format!("{source}|{}|{target}", e.relation.as_str())
}

impl Value<'_> {
    /// The value as JSON (lists and spans as arrays).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Str(s) => serde_json::Value::from(*s),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Double(x) => serde_json::Value::from(*x),
            Value::Bool(b) => serde_json::Value::from(*b),
            Value::List(l) => serde_json::Value::from(l.clone()),
            Value::Spans(s) => serde_json::to_value(s).unwrap_or_default(),
        }
    }

    /// The value as one string, for formats whose values are text: lists and spans as
    /// JSON, numbers in their shortest form.
    pub fn to_text(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Double(x) => x.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::List(l) => serde_json::to_string(l).unwrap_or_default(),
            // straight from the structs, so fields keep the JSON contract's order
            Value::Spans(s) => serde_json::to_string(s).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_text() {
        let ev = vec![EvidenceText {
            doc: crate::graph::DocId(0),
            start: 1,
            end: 4,
            text: Some("a \"b\""),
        }];
        let cases = [
            (Value::Str("x\"y"), "x\"y"),
            (Value::Int(-3), "-3"),
            (Value::Double(widen(0.8)), "0.8"),
            (Value::Double(2.0), "2"),
            (Value::Bool(true), "true"),
            (Value::List(vec!["a", "b,\"c\""]), r#"["a","b,\"c\""]"#),
            (
                Value::Spans(ev),
                r#"[{"doc":"d0","start":1,"end":4,"text":"a \"b\""}]"#,
            ),
        ];
        for (v, want) in cases {
            assert_eq!(v.to_text(), want, "{v:?}");
        }
    }
}
