//! Prints who supports or opposes what in the given articles (default: the seeds), as a
//! table, through the library API.
//!
//!     cargo run --example stances
//!     cargo run --example stances -- story1.txt story2.txt
#![allow(clippy::print_stdout, clippy::print_stderr)]

use newsgraph::graph::{NodeId, Relation};
use newsgraph::input::read_document;
use newsgraph::{KnowledgeGraph, Pipeline};

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut seeds: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path().display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        seeds.sort();
        paths = seeds.into_iter().filter(|p| p.ends_with(".txt")).collect();
    }
    let pipeline = Pipeline::new();
    let mut graph = KnowledgeGraph::new();
    for p in &paths {
        match read_document(p.as_ref()) {
            Ok((doc, _)) => graph.add(&pipeline.extract(&doc)),
            Err(e) => eprintln!("{e}"),
        }
    }
    graph.finish();
    println!(
        "{:<26} {:<9} {:<32} {:<12} {:<18} conf",
        "holder", "stance", "target", "act", "cue"
    );
    for (s, t, e) in graph.edges() {
        if !matches!(e.relation, Relation::Supports | Relation::Opposes) {
            continue;
        }
        let label = |id: NodeId| graph.node(id).map(|n| n.label).unwrap_or_default();
        println!(
            "{:<26} {:<9} {:<32} {:<12} {:<18} {:.2}",
            label(s),
            e.relation.as_str(),
            label(t),
            graph.text_opt(e.act).unwrap_or(""),
            graph.text_opt(e.cue).unwrap_or(""),
            e.confidence.unwrap_or(0.0)
        );
    }
}
