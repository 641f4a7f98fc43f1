//! Properties over any text: extraction never panics, and every offset it reports is in
//! bounds and names exactly the text it claims (so it lies on code-point boundaries);
//! over any graph: every export writes and parses back (JSON through `from_json` to the
//! same bytes, Cytoscape and JSON Lines through serde_json, GraphML and GEXF through an
//! XML parser). The checks are shared with the fuzz targets (tests/fuzz/check.rs).

use newsgraph::{KnowledgeGraph, Pipeline};
use proptest::prelude::*;

#[path = "../fuzz/check.rs"]
mod check;

/// Pieces of news text that exercise every stage: titles, quotes of every kind,
/// apostrophes, abbreviations, dashes, capitals, non-ASCII, line breaks.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mayor",
        "Lori",
        "Lightfoot",
        "said",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "'s",
        "Ald.",
        "U.S.",
        "N.",
        "CTU",
        "President",
        "Jesse",
        "Sharkey",
        "—",
        "–",
        "-",
        ",",
        ".",
        ":",
        "?",
        "\n",
        "\n\n",
        "READ MORE:",
        "the union",
        "he",
        "she",
        "We",
        "I",
        "asking for",
        "criticised",
        "no basis for",
        "delay",
        "reopening",
        "Zoë",
        "São Paulo",
        "Dvořák",
        "東京",
        "🙂",
        "(",
        ")",
        "CHICAGO",
        "(CBS)",
        "pro-",
        "anti-",
        "Mr",
        "Ms",
        "of",
        "and",
        "Bank",
        "Union",
        "\u{0}",
        "\u{feff}",
        "…",
        "...",
        "1,000",
        "$5bn",
        "«",
        "»",
        "said:",
        "according to",
        "told",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    thread_local! {
        static PIPELINE: Pipeline = Pipeline::new();
    }
    PIPELINE.with(|p| check::text(p, text));
}

/// Text in which quote marks, line breaks and non-ASCII letters are common: any
/// character, but one in three drawn from the marks that pair quotes and end
/// sentences.
fn quotey() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec![
        '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‹', '›', '「', '」', '\n', '\r', '\u{2028}',
        '.', '?', '!', ',', ' ', ' ', 'é', 'ß', '东', '🙂', '\u{301}', '\u{feff}', '\u{0}',
    ]);
    let ch = prop_oneof![2 => any::<char>(), 1 => marks, 3 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z')];
    prop::collection::vec(ch, 0..300).prop_map(|v| v.into_iter().collect())
}

/// Any string from a small alphabet of what exports must escape (markup, quotes,
/// separators, control characters, astral and right-to-left text).
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Zoë", "<", ">", "&", "\"", "'", "\\", ";", ",", "|", "\n", "\r\n", "\t", "\u{0}",
        "\u{1}", "\u{1f}", "\u{7f}", "\u{fffe}", "\u{ffff}", "\u{d7ff}", "]]>", "<!--", "{", "}",
        "${x}", "`", "=cmd", "北京", "🎉", "\u{200f}", "\u{feff}", " ", "-",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

/// A graph in the JSON contract with any strings in every field: nodes of every kind
/// (quotes and statements with their fields), edges of every relation between them, documents.
fn any_graph() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    let kinds = prop::sample::select(vec![
        "person",
        "organization",
        "place",
        "topic",
        "quote",
        "statement",
    ]);
    let relations = prop::sample::select(vec![
        "said",
        "affiliated_with",
        "supports",
        "opposes",
        "part_of",
    ]);
    let node = (
        kinds,
        nasty(),
        nasty(),
        prop::collection::vec(nasty(), 0..3),
        0u32..4,
        0u32..500,
    );
    let nodes = prop::collection::vec(node, 1..8);
    let edge = (
        0usize..8,
        0usize..8,
        relations,
        prop::option::of(nasty()),
        nasty(),
        0.0f32..1.0,
    );
    let edges = prop::collection::vec(edge, 0..10);
    let docs = prop::collection::vec(nasty(), 1..4);
    (docs, nodes, edges).prop_map(|(docs, nodes, edges)| {
        let documents: Vec<_> = docs
            .iter()
            .enumerate()
            .map(|(i, p)| json!({"id": format!("d{i}"), "path": p, "chars": 1000}))
            .collect();
        let ids: Vec<String> = nodes
            .iter()
            .enumerate()
            .map(|(i, (k, label, ..))| format!("{k}:{i}-{label}"))
            .collect();
        let nodes: Vec<_> = nodes
            .iter()
            .zip(&ids)
            .map(|((kind, label, text, aliases, doc, start), id)| {
                let doc = format!("d{}", (*doc as usize) % docs.len());
                let mut n = json!({"id": id, "kind": kind, "label": label, "aliases": aliases});
                let span = json!({"doc": doc, "start": start, "end": start + 5, "text": text});
                if *kind == "quote" || *kind == "statement" {
                    n["text"] = json!(text);
                    n["doc"] = json!(doc);
                    n["start"] = json!(start);
                    n["end"] = json!(start + 9);
                    n["cue"] = json!({"start": start, "end": start + 1, "text": label});
                } else {
                    n["mentions"] = json!([span]);
                }
                n
            })
            .collect();
        let edges: Vec<_> = edges
            .iter()
            .map(|(s, t, rel, role, text, conf)| {
                let (s, t) = (&ids[s % ids.len()], &ids[t % ids.len()]);
                json!({"id": format!("{s}|{rel}|{t}"), "key": rel, "source": s, "target": t,
                    "relation": rel, "role": role, "confidence": conf,
                    "evidence": [{"doc": "d0", "start": 1, "end": 2, "text": text}]})
            })
            .collect();
        json!({"directed": true, "multigraph": true,
            "graph": {"schema": "newsgraph/1", "documents": documents},
            "nodes": nodes, "edges": edges})
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text_is_safe(text in newsy()) {
        check(&text);
    }

    #[test]
    fn text_full_of_quote_marks_and_line_breaks_is_safe(text in quotey()) {
        check(&text);
    }

    #[test]
    fn any_graph_exports_parse_back(graph in any_graph()) {
        let bytes = serde_json::to_vec(&graph).unwrap();
        let g = KnowledgeGraph::from_json(&bytes[..], std::path::Path::new("any.json"))
            .expect("a well-formed graph reads");
        check::exports(&g, false);
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        "\"".repeat(10_000),
        "“".repeat(5_000) + &"”".repeat(5_000),
        "Mr ".repeat(3_000),
        "A".repeat(100_000),
        "said ".repeat(5_000),
        "“a,” said B. ".repeat(2_000),
        "\n".repeat(10_000),
        "é".repeat(50_000),
    ];
    for c in &cases {
        check(c);
    }
}
