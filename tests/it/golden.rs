//! Golden files: the JSON and DOT of each seed article, byte for byte.
//!
//! A change in extraction shows up here as a diff to review. After checking that a change
//! is an improvement (score.py), regenerate with:
//!
//!     UPDATE_GOLDEN=1 cargo test --test it golden

use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::input::read_document;
use newsgraph::{Document, KnowledgeGraph, Pipeline};

use crate::{rel, root, seeds};

fn render(doc: &Document, format: Format) -> String {
    let mut g = KnowledgeGraph::new();
    g.add(&Pipeline::new().extract(doc));
    g.finish();
    let mut out = Vec::new();
    let opts = ExportOptions {
        pretty: true,
        ..ExportOptions::default()
    };
    export::exporter(format, &opts)
        .write(&g, &mut out)
        .expect("export");
    String::from_utf8(out).expect("UTF-8")
}

fn check(name: &str, got: &str) {
    let path = root().join("tests").join("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run UPDATE_GOLDEN=1 cargo test", path.display()));
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  want: {}\n  got:  {}\n(review, then UPDATE_GOLDEN=1 cargo test)",
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            got.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn seeds_match_golden_json_and_dot() {
    for path in seeds() {
        let (mut doc, _) = read_document(&path).expect("seed readable");
        doc.source.path = rel(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        check(&format!("{stem}.json"), &render(&doc, Format::Json));
        check(&format!("{stem}.dot"), &render(&doc, Format::Dot));
    }
}

#[test]
fn the_seeds_show_who_stands_where() {
    // the stances the project was founded on
    let p = Pipeline::new();
    let mut g = KnowledgeGraph::new();
    for path in seeds() {
        g.add(&p.extract(&read_document(&path).unwrap().0));
    }
    g.finish();
    let has = |holder: &str, rel: &str, target_word: &str| {
        g.edges().iter().any(|(s, t, e)| {
            *s == holder
                && e.relation.as_str() == rel
                && g.node(t).is_some_and(|n| {
                    n.label.to_lowercase().contains(target_word)
                        || n.id.to_string().contains(target_word)
                })
        })
    };
    assert!(has("person:lori-lightfoot", "opposes", "delay"));
    assert!(has("person:jesse-sharkey", "supports", "delay"));
    assert!(has(
        "organization:chicago-teachers-union",
        "supports",
        "delay"
    ));
    assert!(has(
        "organization:chicago-public-schools",
        "supports",
        "april 19"
    ));
    assert!(has(
        "person:michael-rodriguez",
        "supports",
        "chicago-teachers-union"
    ));
    // READ MORE lines name people who are not in the story
    for absent in ["Marilyn Hartman", "Jussie Smollett", "Queen Redd"] {
        assert!(
            g.nodes().all(|n| !n.label.contains(absent)),
            "{absent} leaked"
        );
    }
}
