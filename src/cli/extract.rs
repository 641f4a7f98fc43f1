//! `newsgraph extract`: read articles, extract, merge, write one graph.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::input::{self, Encoding};
use newsgraph::{KnowledgeGraph, Lexicon, Pipeline};

use super::{ExtractArgs, FormatArg, exit};

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
