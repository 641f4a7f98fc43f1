//! `newsgraph extract`: read articles, extract, merge, write one graph.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use newsgraph::archive::Archive;
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::input::{Inputs, JsonlFields, WalkOptions};
use newsgraph::{KnowledgeGraph, Lexicon, Pipeline};

use super::progress::Bar;
use super::{ExtractArgs, FormatArg, exit};

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
    let format = match args.format {
        FormatArg::Json => Format::Json,
        FormatArg::Dot => Format::Dot,
    };
    let options = ExportOptions {
        quote_nodes: args.quotes,
        pretty: args.pretty,
    };
    let exporter = export::exporter(format, &options);
    match &args.output {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            let mut w = BufWriter::new(file);
            exporter.write(&graph, &mut w)?;
            w.flush()
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            exporter.write(&graph, &mut w)?;
            w.flush()?;
        }
    }
    Ok(if failed > 0 {
        exit::SOME_FAILED
    } else {
        exit::OK
    })
}
