//! newsgraph turns news articles into a knowledge graph: the people, organizations
//! and places in them, their roles, every direct quote with its speaker, and who
//! supports or opposes what. Every edge carries the span of text that justifies it.
//!
//! # Pipeline
//!
//! Each stage is a struct built once (holding its word lists) with one method that takes
//! the earlier outputs and returns a new typed value. Offsets are byte [`Span`]s into the
//! untouched text until [`Pipeline::extract`] converts them, once, to code points.
//!
//! 1. [`clean`]: paragraphs; news-site boilerplate ("READ MORE: …") dropped without moving
//!    any offset.
//! 2. [`tokens`] and [`sentences`]: words, quote marks, abbreviations ("Ald.", "U.S."),
//!    possessives, sentence ends ([`layout::Layout`] holds all three).
//! 3. [`quotes`] (pairing): quote regions, including quotes that run over paragraphs.
//! 4. [`mentions`]: names of people, organizations and places, titles kept off.
//! 5. [`resolve`]: one entity per real entity (surnames, acronyms, short forms), and what
//!    every name, nominal ("the union") and pronoun refers to.
//! 6. [`quotes`] (attribution): each quote's speaker.
//! 7. [`roles`]: `affiliated_with` edges with the role ("CTU President Jesse Sharkey").
//! 8. [`stances`]: `supports` / `opposes` edges to entities or topics.
//! 9. [`graph`]: documents merged into one [`KnowledgeGraph`]; [`filter`] cuts it down
//!    (kinds, mentions, ego graph, size); [`export`] writes it (JSON, DOT, GraphML, GEXF,
//!    Cytoscape, Neo4j, JSON Lines), and reads the JSON back.
//!
//! Over an archive, [`input`] finds the documents (files, directories, JSON Lines,
//! standard input) and [`archive`] runs the pipeline on them in parallel, merging in
//! input order, so the graph is the same at any thread count.
//!
//! # Example
//!
//! ```
//! use newsgraph::{Document, KnowledgeGraph, Pipeline};
//!
//! let pipeline = Pipeline::new();
//! let text = "“We are asking for a delay,” said CTU President Jesse Sharkey.";
//! let mut graph = KnowledgeGraph::new();
//! graph.add(&pipeline.extract(&Document::new("story.txt", text)));
//! graph.finish();
//!
//! let sharkey = graph.node("person:jesse-sharkey").unwrap();
//! assert_eq!(sharkey.label, "Jesse Sharkey");
//! let roles: Vec<_> = graph
//!     .edges()
//!     .into_iter()
//!     .filter(|(_, _, e)| e.relation == newsgraph::graph::Relation::AffiliatedWith)
//!     .map(|(s, t, e)| (s.to_string(), t.to_string(), graph.text_opt(e.role).map(String::from)))
//!     .collect();
//! assert_eq!(roles, [("person:jesse-sharkey".to_string(), "organization:ctu".to_string(), Some("President".to_string()))]);
//! ```

pub mod archive;
pub mod clean;
pub mod document;
pub mod error;
pub mod export;
pub mod filter;
pub mod graph;
pub mod input;
pub mod kind;
pub mod layout;
pub mod lexicon;
pub mod mentions;
pub mod pipeline;
pub mod quotes;
pub mod resolve;
pub mod roles;
pub mod sentences;
pub mod stances;
pub mod statements;
pub mod tokens;

pub use archive::{Archive, Progress};
pub use document::{Document, Source, Span};
pub use error::{Error, Result};
pub use filter::Filter;
pub use graph::KnowledgeGraph;
pub use kind::{Kind, Polarity};
pub use lexicon::Lexicon;
pub use pipeline::{Extraction, Pipeline};
