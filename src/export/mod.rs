//! Exports: one file per format, chosen at run time through [`Exporter`].
//!
//! Every writer sorts what it writes (nodes by id, edges by source, target, relation),
//! so the same graph is always the same bytes, and escapes every string for its format.

use std::io::Write;

use crate::error::Result;
use crate::graph::KnowledgeGraph;

pub mod dot;
pub mod json;

pub use dot::DotExporter;
pub use json::{JsonExporter, JsonGraph};

/// Writes a graph in one format.
pub trait Exporter {
    /// Writes `graph` to `out`.
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()>;
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The graph JSON contract (node-link, NetworkX).
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// All formats with their names.
    pub const ALL: &'static [(&'static str, Format)] =
        &[("json", Format::Json), ("dot", Format::Dot)];

    /// Parses a format name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|&(_, f)| f)
    }

    /// The format's name.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

/// Options that apply to some formats.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// DOT: draw quote nodes instead of folding quotes into speakers.
    pub quote_nodes: bool,
    /// JSON: indent.
    pub pretty: bool,
}

/// The exporter for a format.
pub fn exporter(format: Format, options: &ExportOptions) -> Box<dyn Exporter> {
    match format {
        Format::Json => Box::new(JsonExporter {
            pretty: options.pretty,
        }),
        Format::Dot => Box::new(DotExporter {
            quote_nodes: options.quote_nodes,
            no_legend: false,
        }),
    }
}
