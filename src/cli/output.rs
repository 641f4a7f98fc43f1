//! Writing a graph, shared by `extract` and `convert`: filter, say what was chosen on
//! stderr, write to a file, a folder (neo4j) or standard output. Files and folders are
//! written whole or not at all ([`atomic`]).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use newsgraph::export::{self, ExportOptions, Format};
use newsgraph::{Filter, KnowledgeGraph};

use super::WriteArgs;
use super::atomic;

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
            // `-o -` is standard output, as `-` is standard input
            path: args.output.as_ref().filter(|p| p.as_os_str() != "-"),
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

impl Output<'_> {
    /// Fails (a usage error) when the output would overwrite one of `inputs`.
    pub fn refuse_inputs<'i>(&self, inputs: impl IntoIterator<Item = &'i Path>) -> Result<()> {
        match self.path {
            Some(path) => atomic::refuse_inputs(path, self.format.is_directory(), inputs),
            None => Ok(()),
        }
    }
}

/// Filters `graph` and writes it (to a file or folder: whole, or not at all).
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
            let files = atomic::write_dir(dir, |tmp| {
                Ok(export::write_dir(o.format, &o.options, graph, tmp)?)
            })?;
            if !o.quiet {
                eprintln!(
                    "newsgraph: wrote {} files to {} (see import.sh, import.cypher)",
                    files.len(),
                    dir.display()
                );
            }
        }
        Some(path) => atomic::write_file(path, |w| {
            Ok(export::exporter(o.format, &o.options).write(graph, w)?)
        })?,
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            export::exporter(o.format, &o.options).write(graph, &mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}
