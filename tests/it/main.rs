//! Integration tests, one binary: whole articles against golden files, properties over
//! any text, the command line, and the exports end to end with their real readers.
// tests say on stderr which external readers they skipped
#![allow(clippy::print_stderr)]

mod cli;
mod convert;
mod exports;
mod golden;
mod hostile;
mod inputs;
mod properties;
mod readers;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The package root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed articles.
pub fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// `../shared` beside the repository, when it is there.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    p.is_dir().then_some(p)
}

/// A path relative to the repository root, with forward slashes (stable in goldens).
pub fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The graph with hostile names (quotes, backslashes, control characters, markup,
/// CSV and Cypher syntax, right-to-left and astral text) in every field.
pub fn hostile() -> PathBuf {
    root().join("tests/data/hostile.json")
}

/// The paths of a graph's documents, in graph order.
pub fn document_paths(g: &serde_json::Value) -> Vec<String> {
    g["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

/// Runs `newsgraph ARGS`.
pub fn newsgraph<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `newsgraph ARGS` and returns standard output; fails the test on a non-zero exit.
pub fn ok<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = newsgraph(args);
    assert!(
        out.status.success(),
        "newsgraph failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs `newsgraph convert GRAPH ARGS`.
pub fn convert(graph: &Path, args: &[&str]) -> Output {
    newsgraph(
        std::iter::once("convert".as_ref())
            .chain(std::iter::once(graph.as_os_str()))
            .chain(args.iter().map(|a| a.as_ref())),
    )
}

/// Runs `newsgraph convert GRAPH ARGS` and returns standard output; fails the test on a
/// non-zero exit.
pub fn converted(graph: &Path, args: &[&str]) -> Vec<u8> {
    let out = convert(graph, args);
    assert!(
        out.status.success(),
        "newsgraph convert failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The seeds graph as JSON, written to `dir/seeds.json`.
pub fn seeds_json(dir: &Path) -> PathBuf {
    let path = dir.join("seeds.json");
    let mut args: Vec<std::ffi::OsString> = vec!["extract".into(), "-q".into()];
    args.extend(seeds().into_iter().map(Into::into));
    args.extend(["-o".into(), path.clone().into()]);
    ok(args);
    path
}
