//! The real readers (NetworkX, igraph, xmllint, Graphviz, Cytoscape.js, Neo4j's Cypher
//! parser) load every export of the seeds graph and of the hostile graph, through
//! `.ci/check_exports.py`. Skipped, with a note, where Python or NetworkX is missing;
//! readers the script cannot find are skipped one by one (CI requires them all).

use std::path::Path;
use std::process::Command;

use crate::{converted, hostile, root, seeds_json};

fn have_networkx() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check(graph: &Path, dir: &Path) {
    for f in ["json", "graphml", "gexf", "cyjs", "jsonl", "dot"] {
        let out = dir.join(format!("graph.{f}"));
        converted(graph, &["--to", f, "-q", "-o", out.to_str().unwrap()]);
    }
    let neo = dir.join("neo4j");
    converted(graph, &["--to", "neo4j", "-q", "-o", neo.to_str().unwrap()]);
    let out = Command::new("python3")
        .arg(root().join(".ci/check_exports.py"))
        .arg(dir)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    eprintln!("{text}");
}

#[test]
fn real_readers_load_the_seeds_and_hostile_graphs() {
    if !have_networkx() {
        eprintln!("skipped: python3 with networkx not found (CI runs these checks)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds_json(dir.path());
    for (name, graph) in [("seeds", seeds), ("hostile", hostile())] {
        let out = dir.path().join(name);
        std::fs::create_dir(&out).unwrap();
        check(&graph, &out);
    }
}
