//! `newsgraph extract`: read articles, extract, merge, write one graph.

use anyhow::Result;
use newsgraph::archive::Archive;
use newsgraph::input::{Inputs, JsonlFields, WalkOptions};
use newsgraph::{KnowledgeGraph, Lexicon, Pipeline};

use super::output::{self, Output};
use super::progress::Bar;
use super::{ExtractArgs, exit};

/// Runs `extract`; returns the exit code.
pub fn run(args: &ExtractArgs) -> Result<u8> {
    let pipeline = if args.lexicon.is_empty() {
        Pipeline::new()
    } else {
        Pipeline::with_lexicon(Lexicon::with_user_files(&args.lexicon)?)
    };
    let walk = WalkOptions {
        globs: args.glob.clone(),
        jsonl: args.jsonl,
    };
    let inputs = Inputs::expand(&args.paths, &walk)?;
    let mut failed = inputs.errors.len();
    for e in &inputs.errors {
        eprintln!("newsgraph: {e}");
    }
    let fields = JsonlFields {
        id: args.id_field.clone(),
        title: args.title_field.clone(),
        text: args.text_field.clone(),
        url: args.url_field.clone(),
        date: args.date_field.clone(),
    };
    let mut graph = KnowledgeGraph::new();
    let mut bar = Bar::new(args.quiet);
    let summary = Archive::new(&pipeline).jobs(args.jobs).fields(fields).run(
        &inputs.inputs,
        &mut graph,
        &mut bar,
    )?;
    bar.finish();
    failed += summary.failed as usize;
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
