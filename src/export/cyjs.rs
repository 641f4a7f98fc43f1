//! Cytoscape JSON (`.cyjs`), for Cytoscape desktop (File → Import → Network from File)
//! and Cytoscape.js (`cytoscape({ elements: json.elements })` or `cy.json(json)`).
//!
//! Takes: a [`KnowledgeGraph`]. Gives: one JSON object: `data` (name, schema, documents)
//! and `elements.nodes[].data` / `elements.edges[].data`, each with `id` and the shared
//! typed attributes; nodes also carry `name` (Cytoscape desktop's label column), edges
//! `source`, `target` and `interaction` (its edge-type column) = the relation.
//!
//! Rules: lists are JSON arrays (both Cytoscapes have list columns), evidence spans
//! arrays of objects; keys inside `data` are sorted, nodes by id, edges by source,
//! target, relation, so the output is byte-deterministic; JSON escaping is serde_json's.
//!
//! Limits: no positions and no visual style: apply a layout (cose, fcose) and style by
//! `kind` and `relation` after loading.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::Exporter;
use super::attrs::{self, Attr, Attrs};
use crate::error::Result;
use crate::graph::KnowledgeGraph;

/// Writes Cytoscape JSON.
#[derive(Clone, Copy, Debug, Default)]
pub struct CyjsExporter {
    /// Indent for people reading it.
    pub pretty: bool,
}

fn data<'g>(
    fixed: impl IntoIterator<Item = (&'static str, Value)>,
    table: &[Attr],
    values: impl IntoIterator<Item = Option<attrs::Value<'g>>>,
) -> Value {
    let mut m: Map<String, Value> = fixed.into_iter().map(|(k, v)| (k.into(), v)).collect();
    for (a, v) in table.iter().zip(values) {
        if let Some(v) = v {
            m.insert(a.name.into(), v.to_json());
        }
    }
    json!({ "data": m })
}

impl Exporter for CyjsExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let table = Attrs::new(g);
        let nodes: Vec<Value> = g
            .nodes()
            .map(|n| {
                let fixed = [("id", json!(n.id)), ("name", json!(n.label))];
                data(fixed, &attrs::NODE, table.node(n))
            })
            .collect();
        let edges: Vec<Value> = g
            .edges()
            .into_iter()
            .map(|(s, t, e)| {
                let fixed = [
                    ("id", json!(attrs::edge_id(s, t, &e))),
                    ("source", json!(s)),
                    ("target", json!(t)),
                    ("interaction", json!(e.relation.as_str())),
                ];
                data(fixed, &attrs::EDGE, table.edge(&e))
            })
            .collect();
        let doc = json!({
            "format_version": "1.0",
            "generated_by": "newsgraph",
            "target_cytoscapejs_version": "~3",
            "data": {
                "name": "newsgraph",
                "schema": super::json::SCHEMA,
                "documents": g.documents().collect::<Vec<_>>(),
            },
            "elements": { "nodes": nodes, "edges": edges },
        });
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, &doc)?;
        } else {
            serde_json::to_writer(&mut *out, &doc)?;
        }
        out.write_all(b"\n")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Relation};
    use crate::kind::Kind;

    #[test]
    fn elements_carry_data() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert_node("person:a", Kind::Person, "A \"quoted\"\n");
        g.node_mut(a).aliases.insert("Al".into());
        let o = g.upsert_node("organization:o", Kind::Organization, "O");
        let role = Some(g.intern("President"));
        g.add_edge(
            a,
            o,
            Edge {
                relation: Relation::AffiliatedWith,
                role,
                act: None,
                cue: None,
                confidence: Some(0.9),
                evidence: vec![],
            },
        );
        let mut out = Vec::new();
        CyjsExporter::default().write(&g, &mut out).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        let n = &v["elements"]["nodes"][1]["data"];
        assert_eq!(n["id"], "person:a");
        assert_eq!(n["name"], "A \"quoted\"\n");
        assert_eq!(n["aliases"], json!(["Al"]));
        assert_eq!(n["mentions"], 0);
        let e = &v["elements"]["edges"][0]["data"];
        assert_eq!(e["id"], "person:a|affiliated_with|organization:o");
        assert_eq!(e["interaction"], "affiliated_with");
        assert_eq!(e["label"], "President");
        assert_eq!(e["confidence"], 0.9);
    }
}
