//! `newsgraph extract`: read articles, extract, merge, write one graph.

use anyhow::Result;
use newsgraph::input::{self, Encoding};
use newsgraph::{KnowledgeGraph, Lexicon, Pipeline};

use super::output::{self, Output};
use super::{ExtractArgs, exit};

/// Runs `extract`; returns the exit code.
pub fn run(args: &ExtractArgs) -> Result<u8> {
    let pipeline = if args.lexicon.is_empty() {
        Pipeline::new()
    } else {
        Pipeline::with_lexicon(Lexicon::with_user_files(&args.lexicon)?)
    };
    let mut graph = KnowledgeGraph::new();
    let mut failed = 0usize;
    for path in &args.paths {
        match input::read_document(path) {
            Ok((doc, enc)) => {
                if enc == Encoding::Latin1 && !args.quiet {
                    eprintln!(
                        "newsgraph: {}: not valid UTF-8; read as Latin-1",
                        path.display()
                    );
                }
                graph.add(&pipeline.extract(&doc));
            }
            Err(e) => {
                failed += 1;
                eprintln!("newsgraph: {e}");
            }
        }
    }
    graph.finish();
    output::write(
        &graph,
        &Output::new(args.format.into(), &args.write, args.quiet),
    )?;
    Ok(if failed > 0 {
        exit::SOME_FAILED
    } else {
        exit::OK
    })
}
