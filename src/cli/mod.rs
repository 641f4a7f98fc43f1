//! The command line: arguments (clap), one file per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub mod extract;
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
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The graph JSON contract (node-link; loads in NetworkX).
    Json,
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
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
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// DOT: draw each quote as a node with a `said` edge instead of folding quotes into
    /// their speaker.
    #[arg(long)]
    pub quotes: bool,
    /// JSON: indent the output.
    #[arg(long)]
    pub pretty: bool,
    /// Add a word list (TSV lines `category<TAB>fields`, see README); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Print nothing on stderr but errors (no progress bar, no warnings). The progress
    /// bar is only drawn when stderr is a terminal.
    #[arg(short, long)]
    pub quiet: bool,
}
