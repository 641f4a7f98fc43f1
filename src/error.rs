//! The library's error type.
//!
//! Every fallible public function returns [`Result`]. Errors name what failed
//! (the file, the line of a lexicon, the format) so the command line can print one
//! clear line per problem. Extraction itself never fails on any text: a document that
//! can be read always yields a (possibly empty) graph.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input looks like a binary file (not text in a known encoding).
    #[error("{path}: looks like a binary file, not text; skipped")]
    Binary {
        /// The path of the binary file.
        path: PathBuf,
    },
    /// A document is too large for 32-bit offsets (over 4 GiB of text).
    #[error("{path}: {bytes} bytes of text; documents over 4 GiB are not read (split it)")]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Its size in bytes, as decoded.
        bytes: u64,
    },
    /// A line of a user lexicon could not be understood.
    #[error("{path}:{line}: {message}")]
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A line of a JSON Lines input is not an article.
    #[error("{path}:{line}: {message}")]
    Article {
        /// The JSON Lines file (`-` for standard input).
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong with the line.
        message: String,
    },
    /// A `--glob` pattern is not valid.
    #[error("bad glob {pattern:?}: {message}")]
    Glob {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// Extracting a document failed inside newsgraph: a bug, caught so that the other
    /// documents still make it into the graph.
    #[error(
        "{document}: internal error while extracting ({message}); please report it with this document"
    )]
    Internal {
        /// The document's path (`file.jsonl#id` for an article of JSON Lines).
        document: String,
        /// The panic's message.
        message: String,
    },
    /// The worker threads could not be started.
    #[error("starting worker threads: {0}")]
    Threads(String),
    /// A saved graph (JSON) could not be loaded.
    #[error("{path}: not a newsgraph JSON graph: {message}")]
    Graph {
        /// The file that was read.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A graph filter cannot be applied (its focus names no node, or several).
    #[error("{0}")]
    Filter(String),
    /// Writing output failed.
    #[error("writing output: {0}")]
    Write(#[from] std::io::Error),
    /// JSON serialization failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
