//! GraphML, for NetworkX, igraph, Gephi, yEd and Cytoscape desktop.
//!
//! Takes: a [`KnowledgeGraph`]. Gives: one GraphML document: the XML declaration, one
//! typed `<key>` per attribute (ids `d0…dn`, each with `for=` and an `attr.type` of
//! `string`, `int`, `double` or `boolean`), graph data (schema, documents), then every
//! node, then every edge (with its stable id `source|relation|target`).
//!
//! Rules:
//! - Keys are declared whether or not a value uses them, in a fixed order, so two graphs
//!   always share one key table (igraph and NetworkX type columns by it).
//! - `label` is a key like the others: Gephi and Cytoscape show it; in yEd, map it to the
//!   node label with Edit → Properties Mapper.
//! - Lists (aliases, documents, evidence spans) are JSON strings: GraphML has no list
//!   type, and every reader can parse JSON back.
//! - Text is escaped by [`super::xml::escape`]: characters XML 1.0 forbids are removed,
//!   everything else survives a round trip through any conforming parser.
//!
//! Limits: no yFiles graphics (yEd lays the graph out itself); per-mention offsets are
//! in the JSON, not here. igraph 0.11 reads an `&` inside an XML attribute (an id) as
//! `&#38;`; extracted ids are slugs and never hold one, only hand-edited graphs could.

use std::io::Write;

use super::Exporter;
use super::attrs::{self, Attrs, Type};
use super::xml::escape;
use crate::error::Result;
use crate::graph::{IdBuf, KnowledgeGraph};

/// Writes GraphML.
#[derive(Clone, Copy, Debug, Default)]
pub struct GraphmlExporter;

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Str | Type::List | Type::Spans => "string",
        Type::Int => "int",
        Type::Double => "double",
        Type::Bool => "boolean",
    }
}

/// The `<data>` of one node or edge: one per value present, with its key id.
fn data<'g>(
    out: &mut dyn Write,
    keys: &[String],
    values: impl IntoIterator<Item = Option<attrs::Value<'g>>>,
) -> Result<()> {
    for (k, v) in keys.iter().zip(values) {
        if let Some(v) = v {
            writeln!(
                out,
                r#"      <data key="{k}">{}</data>"#,
                escape(&v.to_text())
            )?;
        }
    }
    Ok(())
}

/// Graph-level keys: the schema and the documents (JSON).
const GRAPH_KEYS: [&str; 2] = ["schema", "documents"];

impl Exporter for GraphmlExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        // key ids: graph keys, then node keys, then edge keys, numbered d0…dn
        let mut id = 0;
        let mut key = |out: &mut dyn Write, r#for: &str, name: &str, ty: &str| {
            let k = format!("d{id}");
            id += 1;
            writeln!(
                out,
                r#"  <key id="{k}" for="{for}" attr.name="{name}" attr.type="{ty}"/>"#
            )
            .map(|()| k)
        };
        let graph_keys = GRAPH_KEYS
            .iter()
            .map(|name| key(out, "graph", name, "string"))
            .collect::<std::io::Result<Vec<_>>>()?;
        let node_keys = attrs::NODE
            .iter()
            .map(|a| key(out, "node", a.name, type_name(a.ty)))
            .collect::<std::io::Result<Vec<_>>>()?;
        let edge_keys = attrs::EDGE
            .iter()
            .map(|a| key(out, "edge", a.name, type_name(a.ty)))
            .collect::<std::io::Result<Vec<_>>>()?;

        writeln!(out, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
        let documents = serde_json::to_string(&g.documents().collect::<Vec<_>>())?;
        for (k, v) in graph_keys.iter().zip([super::json::SCHEMA, &documents]) {
            writeln!(out, r#"    <data key="{k}">{}</data>"#, escape(v))?;
        }
        let table = Attrs::new(g);
        for n in g.nodes() {
            writeln!(
                out,
                r#"    <node id="{}">"#,
                escape(n.id.as_str(&mut IdBuf::default()))
            )?;
            data(out, &node_keys, table.node(n))?;
            writeln!(out, "    </node>")?;
        }
        for (s, t, e) in g.edges() {
            writeln!(
                out,
                r#"    <edge id="{}" source="{}" target="{}">"#,
                escape(&attrs::edge_id(s, t, &e)),
                escape(s.as_str(&mut IdBuf::default())),
                escape(t.as_str(&mut IdBuf::default()))
            )?;
            data(out, &edge_keys, table.edge(&e))?;
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;

    #[test]
    fn keys_nodes_edges_in_order() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert_node("person:a", Kind::Person, "A <&> \"B\"\n\u{1}");
        let b = g.upsert_node("topic:t", Kind::Topic, "t");
        let act = Some(g.intern("backs"));
        g.add_edge(
            a,
            b,
            crate::graph::Edge {
                relation: crate::graph::Relation::Supports,
                role: None,
                act,
                cue: None,
                confidence: Some(0.8),
                evidence: vec![],
            },
        );
        let mut out = Vec::new();
        GraphmlExporter.write(&g, &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
        assert!(xml.contains(r#"<key id="d2" for="node" attr.name="label" attr.type="string"/>"#));
        assert!(xml.contains(r#"attr.name="confidence" attr.type="double"/>"#));
        assert!(xml.contains(r#"attr.name="attributed" attr.type="boolean"/>"#));
        assert!(xml.contains(r#"<data key="d2">A &lt;&amp;&gt; &quot;B&quot;&#10;</data>"#));
        assert!(xml.contains(
            r#"<edge id="person:a|supports|topic:t" source="person:a" target="topic:t">"#
        ));
        assert!(xml.find("<node ").unwrap() < xml.find("<edge ").unwrap());
        // every key id once
        let ids: Vec<&str> = xml
            .match_indices("<key id=\"")
            .map(|(i, m)| xml[i + m.len()..].split('"').next().unwrap())
            .collect();
        let want: Vec<String> = (0..ids.len()).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, want);
    }
}
