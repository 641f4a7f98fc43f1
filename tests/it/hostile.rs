//! Hostile inputs on the command line: each bad input gets one line on stderr naming
//! it, the other documents' output is complete, and the exit code says what happened
//! (0 all read, 1 some inputs failed, 2 usage error).

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::newsgraph;

const STORY: &str = "“We are asking for a delay,” said CTU President Jesse Sharkey.";

/// A folder with one good article, `good.txt`.
fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("good.txt"), STORY).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The lines of stderr that name `name`.
fn lines_naming(o: &Output, name: &str) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.contains(name))
        .map(String::from)
        .collect()
}

/// The graph on stdout, and the paths of its documents.
fn documents(o: &Output) -> Vec<String> {
    let g: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not a graph ({e}); stderr: {}", stderr(o)));
    crate::document_paths(&g)
}

/// Runs `extract good.txt BAD` with the bad input named explicitly and by walking the
/// folder, and checks: exit `code`, one stderr line naming `bad` when `code` is 1, and
/// the good story extracted whole (Jesse Sharkey and his quote) either way.
fn costs_only_itself(d: &Path, bad: &Path, code: i32) {
    let good = d.join("good.txt");
    for args in [vec![s(&good), s(bad)], vec![s(d)]] {
        let mut a = vec!["extract", "--jobs", "2"];
        a.extend(args);
        let o = newsgraph(&a);
        assert_eq!(o.status.code(), Some(code), "{a:?}: {}", stderr(&o));
        let name = bad.file_name().unwrap().to_str().unwrap();
        let named = lines_naming(&o, name);
        if code == 1 {
            assert_eq!(named.len(), 1, "one line naming {name}: {}", stderr(&o));
        }
        let docs = documents(&o);
        assert!(docs.iter().any(|p| p.ends_with("good.txt")), "{docs:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("person:jesse-sharkey") && out.contains("We are asking"));
    }
}

#[test]
fn binary_files_are_skipped_with_one_line_and_exit_1() {
    let d = folder();
    let bin = d.path().join("image.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    costs_only_itself(d.path(), &bin, 1);
    let o = newsgraph(["extract", "-q", s(&bin), s(&d.path().join("good.txt"))]);
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    // many control bytes but no NUL: binary too
    let ctl = d.path().join("control.dat");
    std::fs::write(&ctl, [1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, b'a']).unwrap();
    std::fs::remove_file(&bin).unwrap();
    costs_only_itself(d.path(), &ctl, 1);
}

#[test]
fn latin1_and_utf16_with_a_bom_are_decoded() {
    let d = tempfile::tempdir().unwrap();
    let text = "“Zoë is right,” said Mayor Lori Lightfoot.";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom8 = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    let mut outputs = Vec::new();
    for (name, bytes) in [
        ("plain.txt", text.as_bytes().to_vec()),
        ("le.txt", le),
        ("be.txt", be),
        ("bom8.txt", bom8),
    ] {
        let p = d.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = newsgraph(["extract", s(&p)]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{name}: {}", stderr(&o));
        // the same graph, offsets included, whatever the encoding: offsets count code
        // points of the decoded text, without the byte-order mark
        let g = String::from_utf8(o.stdout).unwrap().replace(s(&p), "PATH");
        outputs.push(g);
    }
    assert!(outputs[0].contains("person:lori-lightfoot"));
    for o in &outputs[1..] {
        assert_eq!(o, &outputs[0]);
    }
    // Latin-1: read, with one warning line naming the file
    let p = d.path().join("latin1.txt");
    std::fs::write(&p, b"Mr Gordon Brown spent \xa35bn in M\xfcnchen.").unwrap();
    let o = newsgraph(["extract", s(&p)]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(lines_naming(&o, "latin1.txt").len(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("Latin-1"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("person:gordon-brown"));
}

#[test]
fn empty_files_are_documents_without_text() {
    let d = folder();
    let empty = d.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    costs_only_itself(d.path(), &empty, 0);
    let o = newsgraph(["extract", s(&empty)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    assert_eq!(documents(&o).len(), 1);
    // only a byte-order mark, or only white space: the same
    for (name, bytes) in [("bom.txt", &b"\xEF\xBB\xBF"[..]), ("ws.txt", b" \n\r\n\t ")] {
        let p = d.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = newsgraph(["extract", s(&p)]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
    }
}

#[test]
fn quote_marks_by_the_hundred_thousand_and_unbalanced_quotes() {
    let d = folder();
    let many = d.path().join("quotes.txt");
    let marks: String = ["\"", "“", "”", "'", "‘", "’"]
        .iter()
        .cycle()
        .take(100_000)
        .copied()
        .collect();
    std::fs::write(&many, &marks).unwrap();
    costs_only_itself(d.path(), &many, 0);
    std::fs::remove_file(&many).unwrap();
    let unbalanced = d.path().join("unbalanced.txt");
    let text = "“Open and never closed, said Mr John Smith.\n\n\
        “Nested ‘inner “deep” quote’ here,” said Ms Jane Doe. \
        ”Closed before opened,“ he said. \"Straight 'mixed” marks\" and ’ stray.\n"
        .repeat(200);
    std::fs::write(&unbalanced, text).unwrap();
    costs_only_itself(d.path(), &unbalanced, 0);
}

#[test]
fn a_long_single_line_finishes() {
    // 2 MB without a line break or a sentence end here; the 200 MB run is
    // `a_200_mb_single_line` below (ignored: run it in release)
    let d = folder();
    let line = d.path().join("line.txt");
    std::fs::write(&line, long_line(2 << 20)).unwrap();
    let start = std::time::Instant::now();
    costs_only_itself(d.path(), &line, 0);
    eprintln!(
        "a 2 MB line: {:?} for two runs (debug build)",
        start.elapsed()
    );
}

/// `bytes` of news words, commas and quotes, with no line break and no full stop.
fn long_line(bytes: usize) -> String {
    let unit = "Mayor Lori Lightfoot, “we will” say CTU President Jesse Sharkey and the union, ";
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Run once in release: `cargo test --release --test it a_200_mb -- --ignored --nocapture`.
#[test]
#[ignore = "200 MB: run in release"]
fn a_200_mb_single_line() {
    let d = tempfile::tempdir().unwrap();
    let line = d.path().join("line.txt");
    std::fs::write(&line, long_line(200 << 20)).unwrap();
    let start = std::time::Instant::now();
    let o = newsgraph(["extract", "-q", s(&line), "-o", s(&d.path().join("g.json"))]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    eprintln!("a 200 MB line: {:?}", start.elapsed());
}

#[test]
fn missing_files_exit_1_and_usage_errors_exit_2() {
    let d = folder();
    let missing = d.path().join("missing.txt");
    let good = d.path().join("good.txt");
    let o = newsgraph(["extract", s(&missing), s(&good)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(lines_naming(&o, "missing.txt").len(), 1, "{}", stderr(&o));
    assert_eq!(documents(&o).len(), 1);
    // only bad inputs: still a (empty) graph, exit 1
    let o = newsgraph(["extract", s(&missing)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(documents(&o).is_empty());
    // usage errors
    for args in [
        &["extract"][..],
        &["extract", "--jobs", "many", "x"],
        &["extract", s(&good), "--format", "pdf"],
        &["convert", s(&missing), "--to", "dot"],
        &["convert", s(&good), "--to", "dot"],
    ] {
        let o = newsgraph(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!o.stderr.is_empty());
    }
}

/// True when this process can read a file whatever its permissions (root): the
/// unreadable-file checks then cannot be made.
fn permissions_do_not_bind(d: &Path) -> bool {
    let probe = d.join("probe");
    std::fs::write(&probe, "x").unwrap();
    set_mode(&probe, 0o000);
    let readable = std::fs::read(&probe).is_ok();
    set_mode(&probe, 0o644);
    std::fs::remove_file(&probe).unwrap();
    readable
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_cost_only_themselves() {
    let d = folder();
    if permissions_do_not_bind(d.path()) {
        eprintln!("skipped: running as root, permissions do not stop reads");
        return;
    }
    let file = d.path().join("secret.txt");
    std::fs::write(&file, STORY).unwrap();
    set_mode(&file, 0o000);
    costs_only_itself(d.path(), &file, 1);
    set_mode(&file, 0o644);
    std::fs::remove_file(&file).unwrap();
    let sub = d.path().join("locked");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inside.txt"), STORY).unwrap();
    set_mode(&sub, 0o000);
    let o = newsgraph(["extract", s(d.path())]);
    set_mode(&sub, 0o755);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(lines_naming(&o, "locked").len(), 1, "{}", stderr(&o));
    assert_eq!(documents(&o).len(), 1);
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_do_not_hang_the_walk() {
    use std::os::unix::fs::symlink;
    let d = folder();
    let sub = d.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("b.txt"), STORY).unwrap();
    // a link back up the tree: not followed (links to folders never are)
    symlink(d.path(), sub.join("up")).unwrap();
    let o = newsgraph(["extract", s(d.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(documents(&o).len(), 2);
    // a link to itself: cannot be read, one line, the rest read
    let lp = d.path().join("loop.txt");
    symlink(&lp, &lp).unwrap();
    costs_only_itself(d.path(), &lp, 1);
    // two links to each other
    std::fs::remove_file(&lp).unwrap();
    let (a, b) = (d.path().join("ping.txt"), d.path().join("pong.txt"));
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let o = newsgraph(["extract", s(d.path())]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(documents(&o).len(), 2);
}

#[test]
fn output_is_written_whole_and_never_over_an_input() {
    let d = folder();
    let good = d.path().join("good.txt");
    // writing over an input is a usage error, and the input is untouched
    let o = newsgraph(["extract", s(&good), "-o", s(&good)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&good).unwrap(), STORY);
    let o = newsgraph([
        "extract",
        s(d.path()),
        "-o",
        s(&d.path().join("./good.txt")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let graph = d.path().join("g.json");
    let o = newsgraph(["extract", s(&good), "-o", s(&graph)]);
    assert_eq!(o.status.code(), Some(0));
    let o = newsgraph(["convert", s(&graph), "--to", "json", "-o", s(&graph)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // a neo4j folder that holds an input
    let o = newsgraph(["extract", s(&good), "-f", "neo4j", "-o", s(d.path())]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // a neo4j folder, written whole; no temporary left anywhere
    let neo = d.path().join("neo");
    let o = newsgraph(["convert", s(&graph), "--to", "neo4j", "-q", "-o", s(&neo)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(neo.join("import.cypher").is_file());
    let names: Vec<PathBuf> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        names.iter().all(|p| !p.to_string_lossy().contains(".tmp-")),
        "{names:?}"
    );
    // an output that cannot be written: exit 2, nothing left behind
    let o = newsgraph([
        "extract",
        s(&good),
        "-o",
        s(&d.path().join("no/such/dir/g.json")),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
