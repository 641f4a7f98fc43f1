//! Writing a graph, shared by `extract` and `convert`: filter, say what was chosen on
//! stderr, write to a file, a folder (neo4j) or standard output.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::{Filter, KnowledgeGraph};

use super::WriteArgs;

/// Everything about one output.
pub struct Output<'a> {
    /// The format.
    pub format: Format,
    /// The file (for neo4j: the folder); `None` is standard output.
    pub path: Option<&'a PathBuf>,
    /// Format options.
    pub options: ExportOptions,
    /// Which nodes to keep.
    pub filter: Filter,
    /// Say nothing on stderr.
    pub quiet: bool,
}

impl<'a> Output<'a> {
    /// The output the command line asks for.
    pub fn new(format: Format, args: &'a WriteArgs, quiet: bool) -> Self {
        Output {
            format,
            path: args.output.as_ref(),
            options: ExportOptions {
                quote_nodes: args.quotes,
                pretty: args.pretty,
                dot_layout: args.layout.layout(),
            },
            filter: args.filter.filter(),
            quiet,
        }
    }
}

/// Filters `graph` and writes it.
pub fn write(graph: &KnowledgeGraph, o: &Output) -> Result<()> {
    let filtered;
    let graph = if o.filter.is_empty() {
        graph
    } else {
        filtered = o.filter.apply(graph)?;
        if !o.quiet {
            eprintln!(
                "newsgraph: filters kept {} of {} nodes, {} of {} edges",
                filtered.node_count(),
                graph.node_count(),
                filtered.edge_count(),
                graph.edge_count()
            );
        }
        &filtered
    };
    if o.format == Format::Dot && !o.quiet {
        let plan = export::dot_exporter(&o.options).plan(graph);
        eprintln!("newsgraph: {}", plan.describe());
    }
    match o.path {
        Some(dir) if o.format.is_directory() => {
            let files = export::write_dir(o.format, &o.options, graph, dir)?;
            if !o.quiet {
                eprintln!(
                    "newsgraph: wrote {} files to {} (see import.sh, import.cypher)",
                    files.len(),
                    dir.display()
                );
            }
        }
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            let mut w = BufWriter::new(file);
            export::exporter(o.format, &o.options).write(graph, &mut w)?;
            w.flush()
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            export::exporter(o.format, &o.options).write(graph, &mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}
