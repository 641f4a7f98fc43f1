//! The command line: arguments (clap), one file per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::Kind;
use newsgraph::export::{DotLayout, Format};

pub mod atomic;
pub mod convert;
pub mod extract;
pub mod output;
pub mod progress;

/// Exit codes (documented in `--help` and the README).
pub mod exit {
    /// Everything read and written.
    pub const OK: u8 = 0;
    /// Some inputs could not be read; the graph holds the others.
    pub const SOME_FAILED: u8 = 1;
    /// Bad usage (arguments, options), or nothing could be written.
    pub const USAGE: u8 = 2;
}

const AFTER_HELP: &str = "\
Examples:
  newsgraph extract seeds/*.txt --format dot | dot -Tsvg -o seeds.svg
  newsgraph extract story.txt --format json -o story.json
  cat story.txt | newsgraph extract - --format json
  newsgraph extract archive/*.txt --lexicon my-names.tsv --format json
  newsgraph extract archive/*.txt --format graphml -o archive.graphml
  newsgraph extract archive/*.txt --format neo4j -o archive-neo4j/
  newsgraph extract archive/*.txt --min-mentions 3 --max-nodes 150 --format dot | dot -Tsvg -o archive.svg
  newsgraph convert archive.json --to gexf --focus \"Jesse Sharkey\" --depth 2 -o sharkey.gexf
  newsgraph extract archive/ --glob '*.txt' -o graph.json      (a directory, recursively)
  newsgraph extract articles.jsonl --text-field body -o graph.json
  zcat articles.jsonl.gz | newsgraph extract --jsonl - -o graph.json

Exit codes:
  0  all inputs read, output written
  1  some inputs could not be read (each named on stderr); the output holds the rest
  2  usage error, or the output could not be written";

/// newsgraph: news articles to a knowledge graph of people, organizations, roles,
/// quotes and stances.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract a graph from news articles.
    #[command(after_help = AFTER_HELP)]
    Extract(ExtractArgs),
    /// Re-export a graph saved as JSON (`--format json`) in another format, without
    /// extracting again.
    #[command(after_help = CONVERT_HELP)]
    Convert(ConvertArgs),
}

const CONVERT_HELP: &str = "\
Examples:
  newsgraph extract archive/*.txt -o archive.json
  newsgraph convert archive.json --to graphml -o archive.graphml
  newsgraph convert archive.json --to neo4j -o archive-neo4j/
  newsgraph convert archive.json --to dot --kinds person,organization --max-nodes 100 | dot -Tsvg -o people.svg
  newsgraph convert archive.json --to json --focus \"Lori Lightfoot\" --depth 2

Exit codes:
  0  output written
  2  usage error, the graph could not be read, or the output could not be written";

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The graph JSON contract (node-link; loads in NetworkX).
    Json,
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
    /// GraphML (NetworkX, igraph, Gephi, yEd, Cytoscape).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Cytoscape JSON (Cytoscape desktop, Cytoscape.js).
    Cyjs,
    /// Neo4j import folder (`-o DIR`: CSV, import.sh, import.cypher); without `-o`, the
    /// Cypher script.
    Neo4j,
    /// JSON Lines: one record per document (entities, quotes, stances, offsets).
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Dot => Format::Dot,
            FormatArg::Graphml => Format::Graphml,
            FormatArg::Gexf => Format::Gexf,
            FormatArg::Cyjs => Format::Cyjs,
            FormatArg::Neo4j => Format::Neo4j,
            FormatArg::Jsonl => Format::Jsonl,
        }
    }
}

/// DOT layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// `dot` up to 150 drawn nodes and 200 edges, `sfdp` past either.
    Auto,
    /// Hierarchical, with organization clusters (slow past ~150 nodes or ~200 edges).
    Dot,
    /// Force-directed (`overlap=prism`), no clusters: for large graphs.
    Sfdp,
}

impl LayoutArg {
    /// The layout asked for (`None`: by size).
    pub fn layout(self) -> Option<DotLayout> {
        match self {
            LayoutArg::Auto => None,
            LayoutArg::Dot => Some(DotLayout::Dot),
            LayoutArg::Sfdp => Some(DotLayout::Sfdp),
        }
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(&s.to_lowercase()).ok_or_else(|| {
        format!("unknown kind {s:?} (person, organization, place, topic, quote, statement)")
    })
}

const FILTERS: &str = "Filters (every format)";

/// Filters, for every format (applied in this order).
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Keep only these kinds: person, organization, place, topic, quote, statement
    /// (comma-separated).
    #[arg(long, help_heading = FILTERS, value_delimiter = ',', value_parser = parse_kind, value_name = "KINDS")]
    pub kinds: Vec<Kind>,
    /// Keep people, organizations, places and topics mentioned at least N times (quotes
    /// and statements follow their speaker).
    #[arg(long, help_heading = FILTERS, value_name = "N", default_value_t = 0)]
    pub min_mentions: usize,
    /// Keep only the nodes around this one (an id, a name or an alias).
    #[arg(long, help_heading = FILTERS, value_name = "NAME")]
    pub focus: Option<String>,
    /// With --focus: how many edges away to go.
    #[arg(long, help_heading = FILTERS, value_name = "K", default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Keep at most N nodes, the most mentioned (quotes fill the room left).
    #[arg(long, help_heading = FILTERS, value_name = "N")]
    pub max_nodes: Option<usize>,
}

impl FilterArgs {
    /// The library filter.
    pub fn filter(&self) -> newsgraph::Filter {
        newsgraph::Filter {
            kinds: self.kinds.iter().copied().collect(),
            min_mentions: self.min_mentions,
            focus: self.focus.clone(),
            depth: self.depth,
            max_nodes: self.max_nodes,
        }
    }
}

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// A graph written by `--format json` (`-` reads standard input).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(
        short,
        long = "to",
        alias = "format",
        value_enum,
        value_name = "FORMAT"
    )]
    pub to: FormatArg,
    /// Where and how to write.
    #[command(flatten)]
    pub write: WriteArgs,
    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// How to write the graph, shared by `extract` and `convert`.
#[derive(Debug, clap::Args)]
pub struct WriteArgs {
    /// Write to this file (for neo4j: this folder) instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// DOT: draw each quote and statement as a node with a `said` edge instead of folding
    /// them into their speaker.
    #[arg(long)]
    pub quotes: bool,
    /// JSON, Cytoscape: indent the output.
    #[arg(long)]
    pub pretty: bool,
    /// DOT: layout engine.
    #[arg(long, value_enum, default_value_t = LayoutArg::Auto)]
    pub layout: LayoutArg,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Article files (UTF-8 text; Latin-1 and UTF-16 with a BOM are read too), directories
    /// (read recursively, in name order, skipping hidden files), JSON Lines files
    /// (`.jsonl`, `.ndjson`: one article object per line); `-` reads standard input.
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Only read files in directories whose path (relative to the directory given)
    /// matches this glob, e.g. `*.txt`; `!GLOB` excludes; may be repeated. Files named
    /// explicitly are always read.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Read every input, standard input included, as JSON Lines of articles.
    #[arg(long)]
    pub jsonl: bool,
    /// JSON Lines: field of the article id (kept as provenance).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSON Lines: field of the article text (extracted).
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSON Lines: field of the headline (kept as provenance).
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSON Lines: field of the URL (kept as provenance).
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// JSON Lines: field of the publication date (kept as provenance).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// Worker threads (0: one per core). The output is the same at any number.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,
    /// Where and how to write.
    #[command(flatten)]
    pub write: WriteArgs,
    /// Add a word list (TSV lines `category<TAB>fields`, see README); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Print nothing on stderr but errors (no progress bar, no warnings). The progress
    /// bar is only drawn when stderr is a terminal.
    #[arg(short, long)]
    pub quiet: bool,
}
