//! Command-line tests: inputs (files, directories, `--glob`, JSON Lines, stdin), exit
//! codes, and byte-identical output at any thread count.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(input) = stdin {
        pipe.write_all(input).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn graph(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

use crate::document_paths as paths;

/// The seeds folder.
fn seeds() -> PathBuf {
    crate::root().join("seeds")
}

const STORY: &str = "“We are asking for a delay,” said CTU President Jesse Sharkey.";

#[test]
fn directories_are_walked_in_name_order_and_filtered_by_glob() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("sub")).unwrap();
    std::fs::write(d.path().join("b.txt"), STORY).unwrap();
    std::fs::write(d.path().join("a.txt"), STORY).unwrap();
    std::fs::write(d.path().join("sub/c.txt"), STORY).unwrap();
    std::fs::write(d.path().join("notes.md"), STORY).unwrap();
    std::fs::write(d.path().join(".hidden.txt"), STORY).unwrap();
    let dir = d.path().to_str().unwrap();
    let g = graph(&run(&["extract", dir, "--glob", "*.txt"], None));
    let rel: Vec<String> = paths(&g)
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string())
        .collect();
    assert_eq!(rel, ["/a.txt", "/b.txt", "/sub/c.txt"]);
    let g = graph(&run(
        &["extract", dir, "--glob", "*.txt", "--glob", "!sub/*"],
        None,
    ));
    assert_eq!(paths(&g).len(), 2);
    let g = graph(&run(&["extract", dir], None));
    assert_eq!(
        paths(&g).len(),
        4,
        "without --glob every visible file is read"
    );
}

#[test]
fn json_lines_keep_provenance_and_field_names_are_configurable() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("news.jsonl");
    let line = serde_json::json!({"guid": "a-1", "headline": "Strike", "body": STORY,
        "url": "https://example.org/1", "date": "2020-08-04"});
    std::fs::write(&file, format!("{line}\n\n")).unwrap();
    let out = run(
        &[
            "extract",
            file.to_str().unwrap(),
            "--id-field",
            "guid",
            "--text-field",
            "body",
            "--title-field",
            "headline",
        ],
        None,
    );
    let g = graph(&out);
    let doc = &g["graph"]["documents"][0];
    assert_eq!(doc["path"], format!("{}#a-1", file.display()));
    assert_eq!(doc["article_id"], "a-1");
    assert_eq!(doc["title"], "Strike");
    assert_eq!(doc["url"], "https://example.org/1");
    assert_eq!(doc["date"], "2020-08-04");
    assert!(
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "person:jesse-sharkey")
    );
}

#[test]
fn stdin_as_text_and_as_json_lines() {
    let g = graph(&run(&["extract", "-"], Some(STORY.as_bytes())));
    assert_eq!(paths(&g), ["-"]);
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "x", "text": STORY}),
        serde_json::json!({"id": "y", "text": "Mayor Lori Lightfoot spoke."})
    );
    let g = graph(&run(&["extract", "--jsonl", "-"], Some(lines.as_bytes())));
    assert_eq!(paths(&g), ["-#x", "-#y"]);
}

#[test]
fn a_bad_json_line_fails_alone() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("n.jsonl");
    let good = serde_json::json!({"id": 1, "text": STORY});
    std::fs::write(&file, format!("{good}\n{{\"id\": 2}}\n")).unwrap();
    let out = run(&["extract", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("n.jsonl:2: no \"text\" field"), "{err}");
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g["graph"]["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn missing_inputs_and_bad_globs() {
    let out = run(&["extract", "/no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["extract", ".", "--glob", "a["], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad glob"));
}

#[test]
fn quiet_and_piped_stderr_show_no_progress() {
    let seeds = seeds();
    let out = run(
        &["extract", seeds.to_str().unwrap(), "-o", "/dev/null"],
        None,
    );
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn output_is_byte_identical_at_any_thread_count() {
    let seeds = seeds();
    let mut args = vec!["extract".to_string(), seeds.to_string_lossy().to_string()];
    // the BBC corpus when it is beside the repository, for a realistic mix
    let bbc = crate::shared().map(|s| s.join("corpus/bbc/politics"));
    if let Some(bbc) = bbc.filter(|p| p.is_dir()) {
        args.push(bbc.to_string_lossy().to_string());
    }
    let mut outs = Vec::new();
    for jobs in ["1", "2", "4"] {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.extend(["--jobs", jobs, "--quiet"]);
        let out = run(&a, None);
        assert!(out.status.success());
        outs.push(out.stdout);
    }
    assert!(outs[0] == outs[1] && outs[0] == outs[2]);
    // every other format too
    for format in ["dot", "graphml", "gexf", "cyjs", "jsonl", "neo4j"] {
        let one = run(&["extract", &args[1], "-f", format, "-j", "1"], None);
        let many = run(&["extract", &args[1], "-f", format, "-j", "3"], None);
        assert!(one.status.success() && !one.stdout.is_empty(), "{format}");
        assert!(one.stdout == many.stdout, "{format} differs");
    }
}
