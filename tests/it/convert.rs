//! `newsgraph convert`: JSON is the lossless interchange.

use newsgraph::KnowledgeGraph;

use crate::{convert, converted, hostile, ok, seeds, seeds_json};

#[test]
fn extract_json_convert_json_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let saved = seeds_json(dir.path());
    let extracted = std::fs::read(&saved).unwrap();
    let again = converted(&saved, &["--to", "json"]);
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(extracted).unwrap()
    );
}

#[test]
fn hostile_graph_survives_json_round_trip() {
    let fixture = std::fs::read(hostile()).unwrap();
    let again = converted(&hostile(), &["--to", "json"]);
    assert_eq!(again, fixture);
    // and through the library, with the pretty writer too
    let g = KnowledgeGraph::from_json(&fixture[..], &hostile()).unwrap();
    assert_eq!(g.node_count(), 5);
    let label = g.node("person:zoë-o-brien").unwrap().label;
    assert_eq!(label, "Zoë \"Zed\" O'Brien \\ Jr.");
}

#[test]
fn convert_reads_standard_input() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let fixture = std::fs::read(hostile()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["convert", "-", "--to", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&fixture).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, fixture);
}

#[test]
fn bad_graphs_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("{", "EOF while parsing"),
        (
            r#"{"directed":true,"multigraph":true,"graph":{"schema":"other/2","documents":[]},"nodes":[],"edges":[]}"#,
            "schema is \"other/2\"",
        ),
        (
            r#"{"directed":true,"multigraph":true,"graph":{"schema":"newsgraph/1","documents":[]},"nodes":[{"id":"x","kind":"alien","label":"X","aliases":[]}],"edges":[]}"#,
            "node \"x\": unknown kind \"alien\"",
        ),
        (
            r#"{"directed":true,"multigraph":true,"graph":{"schema":"newsgraph/1","documents":[]},"nodes":[],"edges":[{"id":"e","key":"said","source":"a","target":"b","relation":"said"}]}"#,
            "edge \"e\": no node \"a\"",
        ),
    ];
    for (i, (json, why)) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("bad{i}.json"));
        std::fs::write(&path, json).unwrap();
        let out = convert(&path, &["--to", "gexf"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("not a newsgraph JSON graph") && err.contains(why),
            "{err}"
        );
    }
}

#[test]
fn filters_apply_to_extract_and_convert_alike() {
    let dir = tempfile::tempdir().unwrap();
    let saved = seeds_json(dir.path());
    let filters = ["--focus", "Jesse Sharkey", "--depth", "1", "--to", "json"];
    let mut args: Vec<std::ffi::OsString> = vec!["convert".into(), saved.clone().into()];
    args.extend(filters.iter().map(Into::into));
    let from_convert = ok(&args);
    let mut args: Vec<std::ffi::OsString> = vec!["extract".into(), "-q".into()];
    args.extend(seeds().into_iter().map(Into::into));
    args.extend(filters.iter().map(|f| {
        if *f == "--to" {
            "--format".into()
        } else {
            f.into()
        }
    }));
    assert_eq!(ok(&args), from_convert);

    let v: serde_json::Value = serde_json::from_slice(&from_convert).unwrap();
    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:jesse-sharkey"));
    assert!(
        ids.contains(&"organization:chicago-teachers-union"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"person:janice-jackson"), "{ids:?}");
    // every edge of the filtered graph joins two kept nodes
    for e in v["edges"].as_array().unwrap() {
        assert!(
            ids.contains(&e["source"].as_str().unwrap())
                && ids.contains(&e["target"].as_str().unwrap())
        );
    }
}

#[test]
fn filter_flags_table() {
    let dir = tempfile::tempdir().unwrap();
    let saved = seeds_json(dir.path());
    let kinds_of = |args: &[&str]| -> (usize, Vec<String>) {
        let mut all: Vec<std::ffi::OsString> = vec![
            "convert".into(),
            saved.clone().into(),
            "--to".into(),
            "json".into(),
            "-q".into(),
        ];
        all.extend(args.iter().map(Into::into));
        let v: serde_json::Value = serde_json::from_slice(&ok(all)).unwrap();
        let nodes = v["nodes"].as_array().unwrap();
        let mut kinds: Vec<String> = nodes
            .iter()
            .map(|n| n["kind"].as_str().unwrap().to_string())
            .collect();
        kinds.sort();
        kinds.dedup();
        (nodes.len(), kinds)
    };
    let (all, _) = kinds_of(&[]);
    // (flags, does the node count fit (count, all), the kinds left)
    type Case<'a> = (&'a [&'a str], fn(usize, usize) -> bool, &'a [&'a str]);
    let cases: [Case; 4] = [
        (
            &["--kinds", "person,organization"],
            |n, all| n < all,
            &["organization", "person"],
        ),
        (
            &["--kinds", "Person", "--kinds", "quote"],
            |n, all| n < all,
            &["person", "quote"],
        ),
        (
            &["--max-nodes", "5"],
            |n, _| n == 5,
            &["organization", "person"],
        ),
        (
            &[
                "--min-mentions",
                "4",
                "--kinds",
                "person,organization,place",
            ],
            |n, _| n > 0,
            &["organization", "person", "place"],
        ),
    ];
    for (args, count_ok, want_kinds) in cases {
        let (n, kinds) = kinds_of(args);
        assert!(count_ok(n, all), "{args:?}: {n} of {all}");
        assert_eq!(kinds, want_kinds, "{args:?}");
    }
}

#[test]
fn unknown_focus_is_a_usage_error_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let saved = seeds_json(dir.path());
    let out = convert(&saved, &["--to", "dot", "--focus", "Sharky"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("focus \"Sharky\" names no node"), "{err}");
    let out = convert(&saved, &["--to", "dot", "--focus", "Jesse"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean person:jesse-sharkey"), "{err}");
    let out = convert(&saved, &["--to", "dot", "--kinds", "people"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind \"people\""));
}
