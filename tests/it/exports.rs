//! Every writer: deterministic bytes, escaping of any string, the DOT size rule.

use std::collections::BTreeMap;
use std::path::Path;

use newsgraph::KnowledgeGraph;
use newsgraph::export::{self, DotLayout, ExportOptions, Format};
use newsgraph::graph::{Edge, Relation};
use newsgraph::kind::Kind;
use proptest::prelude::*;

use crate::{convert, converted, hostile, seeds_json};

fn load(path: &Path) -> KnowledgeGraph {
    KnowledgeGraph::from_json(std::fs::File::open(path).unwrap(), path).unwrap()
}

fn write(g: &KnowledgeGraph, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    export::exporter(format, &ExportOptions::default())
        .write(g, &mut out)
        .unwrap();
    out
}

fn folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_format_is_byte_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for path in [seeds_json(dir.path()), hostile()] {
        // a graph read twice, and the same graph built in another order, write the same bytes
        let (a, b) = (load(&path), load(&path));
        for &(name, format) in Format::ALL {
            assert_eq!(write(&a, format), write(&b, format), "{name}");
            let once = converted(&path, &["--to", name]);
            let twice = converted(&path, &["--to", name]);
            assert_eq!(once, twice, "{name}");
        }
        let (d1, d2) = (dir.path().join("n1"), dir.path().join("n2"));
        for d in [&d1, &d2] {
            converted(&path, &["--to", "neo4j", "-q", "-o", d.to_str().unwrap()]);
        }
        assert_eq!(folder(&d1), folder(&d2));
        std::fs::remove_dir_all(&d1).unwrap();
        std::fs::remove_dir_all(&d2).unwrap();
    }
}

#[test]
fn neo4j_writes_a_folder_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("neo");
    let out = convert(
        &hostile(),
        &["--to", "neo4j", "-o", out_dir.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote 8 files to"));
    let files: Vec<String> = folder(&out_dir).into_keys().collect();
    assert_eq!(
        files,
        [
            "import.cypher",
            "import.sh",
            "nodes_Organization.csv",
            "nodes_Person.csv",
            "nodes_Place.csv",
            "nodes_Quote.csv",
            "nodes_Topic.csv",
            "relationships.csv"
        ]
    );
    // without -o: the Cypher script, for `| cypher-shell`
    let script = converted(&hostile(), &["--to", "neo4j"]);
    assert_eq!(
        script,
        std::fs::read(out_dir.join("import.cypher")).unwrap()
    );
    // write_dir for a one-stream format writes graph.<format>
    let files = export::write_dir(
        Format::Gexf,
        &ExportOptions::default(),
        &load(&hostile()),
        dir.path(),
    )
    .unwrap();
    assert_eq!(files, [dir.path().join("graph.gexf")]);
}

/// A graph of `n` people in a ring of `supports` edges.
fn ring(n: usize) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let ids: Vec<_> = (0..n)
        .map(|i| g.upsert_node(&format!("person:p{i}"), Kind::Person, &format!("P {i}")))
        .collect();
    for i in 0..n {
        let e = Edge {
            relation: Relation::Supports,
            role: None,
            act: Some(g.intern("backs")),
            cue: None,
            confidence: Some(0.5),
            evidence: vec![],
        };
        g.add_edge(ids[i], ids[(i + 1) % n], e);
    }
    g
}

#[test]
fn dot_layout_follows_size() {
    let cases = [
        (10, DotLayout::Dot),
        (150, DotLayout::Dot),
        (151, DotLayout::Sfdp),
        (2000, DotLayout::Sfdp),
    ];
    for (n, want) in cases {
        let g = ring(n);
        let plan = export::dot_exporter(&ExportOptions::default()).plan(&g);
        assert_eq!(
            (plan.layout, plan.nodes, plan.edges, plan.by_size),
            (want, n, n, true),
            "{n}"
        );
        let dot = String::from_utf8(write(&g, Format::Dot)).unwrap();
        assert!(
            dot.contains(&format!("graph [layout={}", want.name())),
            "{n}"
        );
        assert_eq!(dot.contains("overlap=prism"), want == DotLayout::Sfdp);
        assert_eq!(
            dot.contains("subgraph cluster_legend"),
            want == DotLayout::Dot
        );
        assert_eq!(
            dot.contains("label=\"backs\""),
            want == DotLayout::Dot,
            "edge labels only when small"
        );
    }
    // few nodes but many edges: dot would take minutes
    let mut g = ring(30);
    let ids: Vec<_> = (0..30)
        .map(|i| g.index_of(&format!("person:p{i}")).unwrap())
        .collect();
    for (i, &a) in ids.iter().enumerate() {
        for &b in ids.iter().skip(i + 2) {
            let e = Edge {
                relation: Relation::Opposes,
                role: None,
                act: None,
                cue: None,
                confidence: None,
                evidence: vec![],
            };
            g.add_edge(a, b, e);
        }
    }
    let plan = export::dot_exporter(&ExportOptions::default()).plan(&g);
    assert_eq!(
        (plan.layout, plan.nodes),
        (DotLayout::Sfdp, 30),
        "{} edges",
        plan.edges
    );
    // asked for explicitly
    let options = ExportOptions {
        dot_layout: Some(DotLayout::Sfdp),
        ..ExportOptions::default()
    };
    let plan = export::dot_exporter(&options).plan(&ring(3));
    assert_eq!((plan.layout, plan.by_size), (DotLayout::Sfdp, false));
}

#[test]
fn cli_reports_the_dot_layout_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("ring.json");
    std::fs::write(&big, write(&ring(200), Format::Json)).unwrap();
    let out = convert(&big, &["--to", "dot"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("DOT: 200 nodes, 200 edges to draw: sfdp layout"),
        "{err}"
    );
    let out = convert(&big, &["--to", "dot", "--max-nodes", "100"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("filters kept 100 of 200 nodes"), "{err}");
    assert!(
        err.contains("DOT: 100 nodes, 97 edges to draw: dot layout with organization clusters"),
        "{err}"
    );
    let out = convert(&big, &["--to", "dot", "-q"]);
    assert!(out.stderr.is_empty());
}

#[test]
fn small_dot_boxes_organizations_with_their_people() {
    let dir = tempfile::tempdir().unwrap();
    let saved = seeds_json(dir.path());
    let dot = String::from_utf8(converted(&saved, &["--to", "dot", "-q"])).unwrap();
    let cluster = dot
        .split("subgraph cluster_")
        .find(|c| c.contains("\"organization:chicago-teachers-union\" ["))
        .unwrap();
    assert!(cluster.contains("\"person:jesse-sharkey\" ["), "{cluster}");
}

/// What an XML parser gives back for escaped text: (Text, attribute) decoding of the
/// five entities and numeric references.
fn xml_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').unwrap() + i;
        let ent = &rest[i + 1..end];
        out.push(match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            n => char::from_u32(n.trim_start_matches('#').parse().unwrap()).unwrap(),
        });
        rest = &rest[end + 1..];
    }
    out + rest
}

/// Cypher's string literal escapes, decoded.
fn cypher_unescape(s: &str) -> String {
    let inner = &s[1..s.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            assert!(c != '\'' && !c.is_control(), "raw {c:?} in {s:?}");
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            c => out.push(c),
        }
    }
    out
}

proptest! {
    #[test]
    fn xml_escape_keeps_every_allowed_character(s in any::<String>()) {
        let e = export::xml::escape(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'', '\n', '\r', '\t']));
        let controls_ok = e.chars().all(|c| !c.is_control() || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c));
        prop_assert!(controls_ok, "C0 control left in {:?}", e);
        prop_assert_eq!(xml_unescape(&e), export::xml::xml_safe(&s));
    }

    #[test]
    fn cypher_strings_round_trip(s in any::<String>()) {
        let lit = export::neo4j::cypher_string(&s);
        prop_assert!(lit.starts_with('\'') && lit.ends_with('\'') && !lit.contains('\n'));
        prop_assert_eq!(cypher_unescape(&lit), s);
    }

    #[test]
    fn any_label_round_trips_through_json(label in any::<String>(), alias in any::<String>()) {
        let mut g = KnowledgeGraph::new();
        let i = g.upsert_node("person:x", Kind::Person, &label);
        g.node_mut(i).aliases.insert(alias);
        let json = write(&g, Format::Json);
        let back = KnowledgeGraph::from_json(&json[..], Path::new("p.json")).unwrap();
        prop_assert_eq!(write(&back, Format::Json), json);
        // and JSON Lines never holds a raw line separator
        let jsonl = String::from_utf8(write(&back, Format::Jsonl)).unwrap();
        let separators = ['\u{85}', '\u{2028}', '\u{2029}'];
        prop_assert!(!jsonl.contains(separators), "raw line separator in {:?}", jsonl);
    }
}
