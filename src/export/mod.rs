//! Exports: one file per format, chosen at run time through [`Exporter`].
//!
//! Every writer sorts what it writes (nodes by id, edges by source, target, relation),
//! so the same graph is always the same bytes, and escapes every string for its format.
//! The formats with typed columns (GraphML, GEXF, Cytoscape, Neo4j) share one attribute
//! table, so every tool shows the same names and types. Neo4j is a folder of files
//! ([`write_dir`]); every other format is one stream.
//!
//! # Example
//!
//! Save a graph as JSON, read it back, keep people and organizations, write GraphML:
//!
//! ```
//! use std::path::Path;
//! use newsgraph::export::{self, ExportOptions, Format};
//! use newsgraph::{Document, Filter, Kind, KnowledgeGraph, Pipeline};
//!
//! let text = "“No,” said CTU President Jesse Sharkey.";
//! let mut graph = KnowledgeGraph::new();
//! graph.add(&Pipeline::new().extract(&Document::new("a.txt", text)));
//! graph.finish();
//! let options = ExportOptions::default();
//! let mut json = Vec::new();
//! export::exporter(Format::Json, &options).write(&graph, &mut json)?;
//!
//! let saved = KnowledgeGraph::from_json(&json[..], Path::new("a.json"))?;
//! let filter = Filter {
//!     kinds: [Kind::Person, Kind::Organization].into(),
//!     ..Filter::default()
//! };
//! let mut graphml = Vec::new();
//! export::exporter(Format::Graphml, &options).write(&filter.apply(&saved)?, &mut graphml)?;
//! assert!(String::from_utf8(graphml)?.contains("<data key=\"d2\">Jesse Sharkey</data>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

mod attrs;
pub mod cyjs;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod jsonl;
pub mod neo4j;
pub mod xml;

pub use cyjs::CyjsExporter;
pub use dot::{DotExporter, DotLayout, DotPlan};
pub use gexf::GexfExporter;
pub use graphml::GraphmlExporter;
pub use json::{JsonExporter, JsonGraph};
pub use jsonl::JsonlExporter;
pub use neo4j::Neo4jExporter;

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
    /// GraphML (NetworkX, igraph, Gephi, yEd, Cytoscape).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Cytoscape JSON (Cytoscape desktop, Cytoscape.js).
    Cyjs,
    /// A Neo4j import folder (CSV for `neo4j-admin`, Cypher script).
    Neo4j,
    /// One JSON record per document.
    Jsonl,
}

impl Format {
    /// All formats with their names.
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("json", Format::Json),
        ("dot", Format::Dot),
        ("graphml", Format::Graphml),
        ("gexf", Format::Gexf),
        ("cyjs", Format::Cyjs),
        ("neo4j", Format::Neo4j),
        ("jsonl", Format::Jsonl),
    ];

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

    /// True when the format is a folder of files (see [`write_dir`]); as a stream it
    /// gives its main file (Neo4j: the Cypher script).
    pub fn is_directory(self) -> bool {
        self == Format::Neo4j
    }
}

/// Options that apply to some formats.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// DOT: draw quote nodes instead of folding quotes into speakers.
    pub quote_nodes: bool,
    /// JSON, Cytoscape: indent.
    pub pretty: bool,
    /// DOT: the layout; `None` chooses by size ([`DotExporter::plan`]).
    pub dot_layout: Option<DotLayout>,
}

/// The exporter for a format.
pub fn exporter(format: Format, options: &ExportOptions) -> Box<dyn Exporter> {
    match format {
        Format::Json => Box::new(JsonExporter {
            pretty: options.pretty,
        }),
        Format::Dot => Box::new(dot_exporter(options)),
        Format::Graphml => Box::new(GraphmlExporter),
        Format::Gexf => Box::new(GexfExporter),
        Format::Cyjs => Box::new(CyjsExporter {
            pretty: options.pretty,
        }),
        Format::Neo4j => Box::new(Neo4jExporter),
        Format::Jsonl => Box::new(JsonlExporter),
    }
}

/// The DOT exporter for `options` (its [`DotExporter::plan`] tells the layout).
pub fn dot_exporter(options: &ExportOptions) -> DotExporter {
    DotExporter {
        quote_nodes: options.quote_nodes,
        no_legend: false,
        layout: options.dot_layout,
    }
}

/// Writes `graph` into the folder `dir` (created when missing) and returns the files
/// written: Neo4j's import folder, or for a one-stream format the single file
/// `graph.<format name>`.
pub fn write_dir(
    format: Format,
    options: &ExportOptions,
    graph: &KnowledgeGraph,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    if format == Format::Neo4j {
        return Neo4jExporter.write_dir(graph, dir);
    }
    let io = |path: &Path, source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let path = dir.join(format!("graph.{}", format.name()));
    let mut bytes = Vec::new();
    exporter(format, options).write(graph, &mut bytes)?;
    fs::write(&path, bytes).map_err(|e| io(&path, e))?;
    Ok(vec![path])
}
