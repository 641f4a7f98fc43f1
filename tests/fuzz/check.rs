//! Checks shared by the fuzz targets (tests/fuzz) and the property tests (tests/it):
//! every span an extraction reports is in bounds and names exactly its text, and every
//! export of a graph parses back with a real parser. A failed check panics, which is
//! what both libFuzzer and proptest want.
//!
//! Included with `#[path]` by both crates, so it uses only newsgraph, serde_json and
//! roxmltree.
#![allow(dead_code)]

use std::path::Path;

use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::{Document, Extraction, KnowledgeGraph, Pipeline};

/// Extracts `text`, checks its spans, and checks every export of its graph.
pub fn text(pipeline: &Pipeline, text: &str) {
    let ex = pipeline.extract(&Document::new("fuzz.txt", text));
    spans(text, &ex);
    let mut g = KnowledgeGraph::new();
    g.add(&ex);
    g.finish();
    exports(&g, true);
}

/// Every offset of `ex` lies in `text` (in code points) and covers the text it claims,
/// so it falls on code-point boundaries.
pub fn spans(text: &str, ex: &Extraction) {
    // byte offset of each code point, and of the end
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = starts.len() - 1;
    let at = |s: u32, e: u32| -> &str {
        assert!(s <= e && (e as usize) <= n, "span {s}..{e} out of 0..{n}");
        &text[starts[s as usize]..starts[e as usize]]
    };
    assert_eq!(ex.chars as usize, n, "document length in code points");
    // the words of each place are read from the extraction's copy of the text, by
    // bytes: they must be the words its code points cover in the input
    assert_eq!(ex.text, text, "the extraction's text");
    for e in &ex.entities {
        for m in &e.mentions {
            assert_eq!(at(m.start, m.end), ex.text_of(m), "mention");
        }
    }
    for q in ex.quotes.iter().chain(&ex.statements) {
        assert_eq!(
            at(q.text.start, q.text.end),
            ex.text_of(&q.text),
            "quote or statement"
        );
        for l in [&q.speaker_mention, &q.cue].into_iter().flatten() {
            assert_eq!(at(l.start, l.end), ex.text_of(l), "speaker or cue");
        }
    }
    for a in &ex.affiliations {
        assert_eq!(
            at(a.evidence.start, a.evidence.end),
            ex.text_of(&a.evidence),
            "role"
        );
    }
    for p in &ex.part_of {
        let e = &p.evidence;
        assert_eq!(at(e.start, e.end), ex.text_of(e), "part of");
    }
    for s in &ex.stances {
        assert_eq!(
            at(s.evidence.start, s.evidence.end),
            ex.text_of(&s.evidence),
            "stance"
        );
        assert_eq!(at(s.cue.start, s.cue.end), ex.text_of(&s.cue), "stance cue");
    }
}

fn write(g: &KnowledgeGraph, format: Format, options: &ExportOptions) -> Vec<u8> {
    let mut out = Vec::new();
    export::exporter(format, options)
        .write(g, &mut out)
        .unwrap_or_else(|e| panic!("{} export failed: {e}", format.name()));
    out
}

/// Every format writes `g`, and each parses back: JSON through
/// [`KnowledgeGraph::from_json`] to the same bytes, Cytoscape JSON and JSON Lines
/// through serde_json, GraphML and GEXF through an XML parser with one element per
/// node. `canonical`: `g` was built by newsgraph (extracted, or read from its own
/// JSON), so its JSON must read back to the very same bytes.
pub fn exports(g: &KnowledgeGraph, canonical: bool) {
    for pretty in [false, true] {
        let options = ExportOptions {
            pretty,
            ..ExportOptions::default()
        };
        let json = write(g, Format::Json, &options);
        let back = KnowledgeGraph::from_json(&json[..], Path::new("fuzz.json"))
            .unwrap_or_else(|e| panic!("JSON export does not read back: {e}"));
        let again = write(&back, Format::Json, &options);
        if canonical {
            assert!(json == again, "JSON round trip changed the bytes");
        } else {
            // a graph from arbitrary JSON is made canonical by one round trip
            let third = KnowledgeGraph::from_json(&again[..], Path::new("fuzz.json"))
                .expect("JSON export reads back");
            assert!(
                write(&third, Format::Json, &options) == again,
                "JSON round trip is not a fixed point"
            );
        }
        let cyjs = write(g, Format::Cyjs, &options);
        let v: serde_json::Value = serde_json::from_slice(&cyjs).expect("Cytoscape JSON parses");
        let nodes = v["elements"]["nodes"].as_array().map_or(0, Vec::len);
        assert_eq!(nodes, g.node_count(), "Cytoscape nodes");
    }
    let options = ExportOptions::default();
    let jsonl = write(g, Format::Jsonl, &options);
    let text = std::str::from_utf8(&jsonl).expect("JSON Lines is UTF-8");
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each JSON line parses");
    }
    for format in [Format::Graphml, Format::Gexf] {
        let xml = write(g, format, &options);
        let xml = std::str::from_utf8(&xml).expect("XML is UTF-8");
        let doc = roxmltree::Document::parse(xml)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", format.name()));
        let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
        assert_eq!(nodes, g.node_count(), "{} nodes", format.name());
    }
    // DOT and Cypher have no Rust parser here: they must at least write, with and
    // without quote nodes
    for quote_nodes in [false, true] {
        let options = ExportOptions {
            quote_nodes,
            ..ExportOptions::default()
        };
        let dot = write(g, Format::Dot, &options);
        assert!(dot.starts_with(b"digraph"), "DOT starts with digraph");
    }
    write(g, Format::Neo4j, &options);
}
