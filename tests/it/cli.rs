//! The command line: exit codes, inputs, options, messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::{root, seeds};

fn newsgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run newsgraph")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn help_has_examples_and_exit_codes() {
    let o = newsgraph(&["extract", "--help"]);
    assert!(o.status.success());
    let h = stdout(&o);
    assert!(h.contains("dot -Tsvg") && h.contains("Exit codes"), "{h}");
}

#[test]
fn extracts_the_seeds_as_json_and_dot() {
    let paths: Vec<String> = seeds().iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["extract", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = newsgraph(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["graph"]["schema"], "newsgraph/1");
    assert_eq!(j["graph"]["documents"].as_array().unwrap().len(), 2);
    assert!(
        j["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "person:jesse-sharkey")
    );

    args[2] = "dot";
    let o = newsgraph(&args);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("digraph newsgraph {"));

    // `-o -` is standard output, not a file named "-"
    args.extend(["-o", "-"]);
    let o = newsgraph(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("digraph newsgraph {"));
    assert!(!root().join("-").exists());
}

#[test]
fn output_is_deterministic() {
    let paths: Vec<String> = seeds().iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(String::as_str));
    assert_eq!(newsgraph(&args).stdout, newsgraph(&args).stdout);
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("“No,” said Mayor Lori Lightfoot.".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let j = json(&o);
    assert_eq!(j["graph"]["documents"][0]["path"], "-");
    assert!(
        j["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "person:lori-lightfoot")
    );
}

#[test]
fn a_missing_file_costs_only_itself() {
    let seed = seeds()[0].display().to_string();
    let o = newsgraph(&["extract", "no/such/file.txt", &seed]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
    assert_eq!(json(&o)["graph"]["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(newsgraph(&["extract"]).status.code(), Some(2));
    assert_eq!(
        newsgraph(&["extract", "--format", "pdf", "x"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(newsgraph(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn latin1_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.txt");
    std::fs::write(&p, b"Mr Gordon Brown spent \xa35bn.").unwrap();
    let o = newsgraph(&["extract", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("Latin-1"), "{}", stderr(&o));
    assert!(stdout(&o).contains("person:gordon-brown"));
}

#[test]
fn writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.json");
    let seed = seeds()[0].display().to_string();
    let o = newsgraph(&["extract", &seed, "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(o.stdout.is_empty());
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(j["directed"], true);
}

/// Extracts `text` with the lexicon file `name` holding `lexicon` (none when empty).
fn extract_with_lexicon(name: &str, lexicon: &str, text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join(name);
    std::fs::write(&lex, lexicon).unwrap();
    let file = dir.path().join("t.txt");
    std::fs::write(&file, text).unwrap();
    let mut args = vec!["extract", file.to_str().unwrap()];
    if !lexicon.is_empty() {
        args.extend(["--lexicon", lex.to_str().unwrap()]);
    }
    newsgraph(&args)
}

#[test]
fn a_user_lexicon_adds_names() {
    let text = "Acme said profits rose.";
    let o = extract_with_lexicon("names.tsv", "organization\tAcme Widgets\tAcme\n", text);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("organization:acme-widgets"),
        "{}",
        stdout(&o)
    );

    let o = extract_with_lexicon("names.tsv", "bogus\tline\n", text);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("names.tsv:1"), "{}", stderr(&o));
}

#[test]
fn a_user_lexicon_adds_demands() {
    // `demand` lines are read like data/demands.txt: "called for Y to be deported"
    let text = "John Smith called for Jeff Sessions to be deported.";
    let edge = "\"person:john-smith|opposes|person:jeff-sessions\"";
    let o = extract_with_lexicon("demands.tsv", "", text);
    assert!(!stdout(&o).contains(edge), "{}", stdout(&o));
    let o = extract_with_lexicon("demands.tsv", "demand\tbe deported\n", text);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(edge), "{}", stdout(&o));
}
