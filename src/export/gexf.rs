//! GEXF 1.3, Gephi's own format.
//!
//! Takes: a [`KnowledgeGraph`]. Gives: one GEXF 1.3 document: typed attribute
//! declarations (`string`, `integer`, `double`, `boolean`), every node with its label,
//! attribute values, a `viz:color` per kind and a `viz:size` growing with its mentions,
//! then every edge with its stable id (`source|relation|target`), `kind` (the relation),
//! `label` (role, act or relation), `weight` (evidence spans) and a colour per relation.
//!
//! Rules:
//! - Parallel edges stay apart: two people can both support and oppose a topic; GEXF 1.3
//!   tells such edges apart by `kind`, and Gephi keeps one edge per kind.
//! - No timestamps in `<meta>`: the same graph is always the same bytes.
//! - Lists (aliases, documents, evidence spans) are JSON strings; text is escaped by
//!   [`super::xml::escape`] (characters XML 1.0 forbids are removed).
//!
//! Limits: no positions: run a Gephi layout (ForceAtlas 2) after opening.

use std::io::Write;

use super::Exporter;
use super::attrs::{self, Attr, Attrs, Type};
use super::xml::escape;
use crate::error::Result;
use crate::filter::mention_count;
use crate::graph::{IdBuf, KnowledgeGraph, Relation};
use crate::kind::Kind;

/// Writes GEXF 1.3.
#[derive(Clone, Copy, Debug, Default)]
pub struct GexfExporter;

/// A kind's colour (the border colours of the DOT picture, so both look alike).
fn kind_rgb(kind: Kind) -> (u8, u8, u8) {
    match kind {
        Kind::Person => (29, 78, 216),
        Kind::Organization => (180, 83, 9),
        Kind::Place => (109, 40, 217),
        Kind::Topic => (161, 98, 7),
        Kind::Quote => (107, 114, 128),
        Kind::Statement => (75, 85, 99),
    }
}

fn relation_rgb(rel: Relation) -> (u8, u8, u8) {
    match rel {
        Relation::Supports => (21, 128, 61),
        Relation::Opposes => (185, 28, 28),
        Relation::AffiliatedWith => (107, 114, 128),
        Relation::Said => (156, 163, 175),
        Relation::PartOf => (180, 83, 9),
    }
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Str | Type::List | Type::Spans => "string",
        Type::Int => "integer",
        Type::Double => "double",
        Type::Bool => "boolean",
    }
}

/// `label` and `weight` are XML attributes of nodes and edges in GEXF, not attvalues
/// (NetworkX would read an attvalue titled `label` over the node's label).
fn declared(a: &Attr) -> bool {
    !matches!(a.name, "label" | "weight")
}

fn declare(out: &mut dyn Write, class: &str, table: &[Attr]) -> Result<()> {
    writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
    for (i, a) in table.iter().filter(|a| declared(a)).enumerate() {
        writeln!(
            out,
            r#"      <attribute id="{i}" title="{}" type="{}"/>"#,
            a.name,
            type_name(a.ty)
        )?;
    }
    writeln!(out, "    </attributes>")?;
    Ok(())
}

fn attvalues<'g>(
    out: &mut dyn Write,
    table: &[Attr],
    values: impl IntoIterator<Item = Option<attrs::Value<'g>>>,
) -> Result<()> {
    writeln!(out, "        <attvalues>")?;
    let declared_values = table
        .iter()
        .zip(values)
        .filter(|(a, _)| declared(a))
        .enumerate();
    for (i, (_, v)) in declared_values {
        if let Some(v) = v {
            writeln!(
                out,
                r#"          <attvalue for="{i}" value="{}"/>"#,
                escape(&v.to_text())
            )?;
        }
    }
    writeln!(out, "        </attvalues>")?;
    Ok(())
}

impl Exporter for GexfExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        let docs = g.documents().len();
        writeln!(out, "  <meta>")?;
        writeln!(out, "    <creator>newsgraph</creator>")?;
        writeln!(
            out,
            "    <description>newsgraph knowledge graph of {docs} document{}</description>",
            if docs == 1 { "" } else { "s" }
        )?;
        writeln!(out, "  </meta>")?;
        writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
        declare(out, "node", &attrs::NODE)?;
        declare(out, "edge", &attrs::EDGE)?;

        let table = Attrs::new(g);
        writeln!(out, "    <nodes>")?;
        for n in g.nodes() {
            writeln!(
                out,
                r#"      <node id="{}" label="{}">"#,
                escape(n.id.as_str(&mut IdBuf::default())),
                escape(n.label)
            )?;
            attvalues(out, &attrs::NODE, table.node(n))?;
            let (r, gr, b) = kind_rgb(n.kind);
            writeln!(out, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
            // area grows with mentions, so a 100-mention node is not 100 times as wide
            let size = 10.0 + 5.0 * (mention_count(g, n) as f64).sqrt();
            writeln!(out, r#"        <viz:size value="{size:.1}"/>"#)?;
            writeln!(out, "      </node>")?;
        }
        writeln!(out, "    </nodes>")?;
        writeln!(out, "    <edges>")?;
        for (s, t, e) in g.edges() {
            writeln!(
                out,
                r#"      <edge id="{}" source="{}" target="{}" kind="{}" label="{}" weight="{}">"#,
                escape(&attrs::edge_id(s, t, &e)),
                escape(s.as_str(&mut IdBuf::default())),
                escape(t.as_str(&mut IdBuf::default())),
                e.relation.as_str(),
                escape(attrs::edge_label(g, &e)),
                attrs::weight(&e)
            )?;
            attvalues(out, &attrs::EDGE, table.edge(&e))?;
            let (r, gr, b) = relation_rgb(e.relation);
            writeln!(out, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
            writeln!(out, "      </edge>")?;
        }
        writeln!(out, "    </edges>")?;
        writeln!(out, "  </graph>")?;
        writeln!(out, "</gexf>")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    #[test]
    fn parallel_edges_differ_by_kind_and_id() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert_node("person:a", Kind::Person, "Ann & Co");
        let t = g.upsert_node("topic:t", Kind::Topic, "tax");
        for relation in [Relation::Supports, Relation::Opposes] {
            let e = Edge {
                relation,
                role: None,
                act: None,
                cue: None,
                confidence: None,
                evidence: vec![],
            };
            g.add_edge(a, t, e);
        }
        let mut out = Vec::new();
        GexfExporter.write(&g, &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(xml.contains(r#"<edge id="person:a|supports|topic:t" source="person:a" target="topic:t" kind="supports" label="supports" weight="1">"#));
        assert!(xml.contains(r#"<edge id="person:a|opposes|topic:t" source="person:a" target="topic:t" kind="opposes" label="opposes" weight="1">"#));
        assert!(xml.contains(r#"<node id="person:a" label="Ann &amp; Co">"#));
        assert!(xml.contains(r#"<viz:color r="29" g="78" b="216"/>"#));
        assert!(xml.contains(r#"<attribute id="0" title="kind" type="string"/>"#));
        assert!(!xml.contains(r#"title="label""#));
    }
}
