//! `newsgraph convert`: read a saved graph JSON, filter, write it in another format.

use std::fs::File;
use std::io::Read;

use anyhow::{Context, Result};
use newsgraph::KnowledgeGraph;

use super::output::{self, Output};
use super::{ConvertArgs, exit};

/// Runs `convert`; returns the exit code.
pub fn run(args: &ConvertArgs) -> Result<u8> {
    let reader: Box<dyn Read> = if args.graph.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            File::open(&args.graph).with_context(|| format!("opening {}", args.graph.display()))?,
        )
    };
    let graph = KnowledgeGraph::from_json(reader, &args.graph)?;
    output::write(
        &graph,
        &Output::new(args.to.into(), &args.write, args.quiet),
    )?;
    Ok(exit::OK)
}
