//! Every exporter on any graph: arbitrary bytes read as graph JSON
//! (`KnowledgeGraph::from_json`, which must refuse bad input with an error, never a
//! panic); each graph it accepts must write in every format, and each export must parse
//! back.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsgraph::KnowledgeGraph;

#[path = "../check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(g) = KnowledgeGraph::from_json(data, Path::new("fuzz.json")) {
        check::exports(&g, false);
    }
});
