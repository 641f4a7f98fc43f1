//! Per-stage benchmarks on the seed articles (criterion).
//!
//!     cargo bench --bench stages
//!     cargo bench --bench stages -- resolve      # one stage
//!
//! Each stage is timed on the outputs of the stages before it, computed once, so a
//! figure is that stage alone. Throughput is in bytes of article text.

#![allow(missing_docs)] // criterion_group! makes an undocumented function

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::export::{Exporter, JsonExporter};
use newsgraph::layout::Layout;
use newsgraph::mentions::Recognizer;
use newsgraph::quotes::Quoter;
use newsgraph::resolve::Resolver;
use newsgraph::roles::RoleFinder;
use newsgraph::stances::{CueIndex, StanceFinder};
use newsgraph::{Document, KnowledgeGraph, Lexicon, Pipeline};

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| newsgraph::input::read_document(p).expect("seed").0)
        .collect()
}

fn stages(c: &mut Criterion) {
    let lex = Lexicon::shared();
    let docs = seeds();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let layouts: Vec<Layout> = texts.iter().map(|t| Layout::parse(t, lex)).collect();
    let quoter = Quoter::new(lex);
    let regions: Vec<_> = layouts.iter().map(|l| quoter.regions(l)).collect();
    let mentions: Vec<_> = texts
        .iter()
        .zip(&layouts)
        .map(|(t, l)| Recognizer::new(lex).recognize(t, l))
        .collect();
    let resolutions: Vec<_> = (0..docs.len())
        .map(|i| Resolver::new(lex).resolve(texts[i], &layouts[i], &mentions[i]))
        .collect();
    let quotes: Vec<_> = (0..docs.len())
        .map(|i| quoter.quotes(texts[i], &layouts[i], &regions[i], &resolutions[i]))
        .collect();
    let statements: Vec<_> = (0..docs.len())
        .map(|i| quoter.statements(texts[i], &layouts[i], &resolutions[i], &quotes[i]))
        .collect();
    let affiliations: Vec<_> = (0..docs.len())
        .map(|i| RoleFinder::new(lex).find(texts[i], &layouts[i], &mentions[i], &resolutions[i]))
        .collect();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("layout (clean, tokens, sentences)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Layout::parse(black_box(t), lex).tokens.len())
                .sum::<usize>()
        })
    });
    g.bench_function("quote regions", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| quoter.regions(&layouts[i]).len())
                .sum::<usize>()
        })
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| Recognizer::new(lex).recognize(texts[i], &layouts[i]).len())
                .sum::<usize>()
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| {
                    Resolver::new(lex)
                        .resolve(texts[i], &layouts[i], &mentions[i])
                        .entities
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("quotes (attribution)", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| {
                    quoter
                        .quotes(texts[i], &layouts[i], &regions[i], &resolutions[i])
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("roles", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| {
                    RoleFinder::new(lex)
                        .find(texts[i], &layouts[i], &mentions[i], &resolutions[i])
                        .len()
                })
                .sum::<usize>()
        })
    });
    // the cue index is built once per program, as the pipeline does
    let cues = CueIndex::new(lex);
    g.bench_function("stances", |b| {
        b.iter(|| {
            (0..docs.len())
                .map(|i| {
                    StanceFinder::with_index(lex, &cues)
                        .find(
                            texts[i],
                            &layouts[i],
                            &resolutions[i],
                            &quotes[i],
                            &statements[i],
                            &affiliations[i],
                        )
                        .stances
                        .len()
                })
                .sum::<usize>()
        })
    });
    let pipeline = Pipeline::new();
    g.bench_function("pipeline (all stages)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| pipeline.extract(black_box(d)).entities.len())
                .sum::<usize>()
        })
    });
    let extractions: Vec<_> = docs.iter().map(|d| pipeline.extract(d)).collect();
    g.bench_function("graph (add, finish)", |b| {
        b.iter(|| {
            let mut graph = KnowledgeGraph::new();
            for e in &extractions {
                graph.add(e);
            }
            graph.finish();
            graph.node_count()
        })
    });
    let mut graph = KnowledgeGraph::new();
    for e in &extractions {
        graph.add(e);
    }
    graph.finish();
    g.bench_function("json export", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(64 << 10);
            JsonExporter { pretty: false }
                .write(&graph, &mut out)
                .unwrap();
            out.len()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("start-up");
    g.sample_size(10);
    g.bench_function("lexicon (built-in lists)", |b| b.iter(Lexicon::builtin));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
