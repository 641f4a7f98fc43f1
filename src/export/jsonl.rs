//! JSON Lines: one record per document, for streaming pipelines (`jq`, Spark, pandas
//! `read_json(lines=True)`).
//!
//! Takes: a [`KnowledgeGraph`]. Gives: one line per document, in input order:
//! `{"doc", "path", …provenance, "chars", "entities", "quotes", "statements",
//! "affiliations", "stances", "part_of"}`, with every offset in code points into that document, as in the JSON.
//!
//! Why from the graph and not from the extraction: the graph already holds per-document
//! facts (every mention and every piece of evidence names its `doc`), so the records are
//! derived from it. That makes `convert saved.json --to jsonl` work without the articles,
//! and the filters apply as to every other format.
//!
//! Rules:
//! - `entities`: the nodes (not quotes or statements) mentioned in the document or linked by its
//!   quotes, affiliations or stances, sorted by id, each with the document's mentions
//!   only. A topic has no mentions; it is listed so every id in the record resolves.
//! - `quotes`: the document's quotes by offset, with the id of the speaker node;
//!   `statements` (reported speech) the same way.
//! - `affiliations`, `stances` and `part_of` (an organization inside another, "the
//!   CTU House of Delegates"): the graph's edges that have evidence in the document,
//!   with that evidence only.
//! - U+0085, U+2028 and U+2029 are written as `\u` escapes: they are legal in JSON
//!   strings, but line-splitting readers (Python's `str.splitlines`, some JavaScript)
//!   would cut a record in two at them.
//!
//! Limits: the graph keeps one edge per (source, relation, target) across documents, so
//! an edge's `role`, `act`, `cue` and `confidence` are the merged edge's (the most
//! confident reading), not necessarily this document's; its `evidence` is this
//! document's. A document that was filtered down to nothing still has its line.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::Exporter;
use crate::document::Source;
use crate::error::Result;
use crate::graph::{Edge, Evidence, KnowledgeGraph, Node, NodeId, Relation, SpanWords};
use crate::kind::Kind;

/// Writes one JSON record per document.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlExporter;

/// A span of the record's document.
#[derive(Serialize)]
struct Span<'g> {
    start: u32,
    end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'g str>,
}

impl<'g> Span<'g> {
    fn of(g: &'g KnowledgeGraph, e: &Evidence) -> Self {
        Span {
            start: e.start,
            end: e.end,
            text: e.text.map(|t| g.text(t)),
        }
    }
}

#[derive(Serialize)]
struct Entity<'g> {
    id: NodeId<'g>,
    kind: &'g str,
    label: &'g str,
    mentions: Vec<Span<'g>>,
}

#[derive(Serialize)]
struct Quote<'g> {
    id: NodeId<'g>,
    text: &'g str,
    start: u32,
    end: u32,
    speaker: Option<NodeId<'g>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_mention: Option<SpanWords<&'g str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<SpanWords<&'g str>>,
}

#[derive(Serialize)]
struct Affiliation<'g> {
    person: NodeId<'g>,
    organization: NodeId<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    evidence: Vec<Span<'g>>,
}

#[derive(Serialize)]
struct Stance<'g> {
    holder: NodeId<'g>,
    relation: &'static str,
    target: NodeId<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    evidence: Vec<Span<'g>>,
}

#[derive(Serialize)]
struct PartOf<'g> {
    part: NodeId<'g>,
    whole: NodeId<'g>,
    evidence: Vec<Span<'g>>,
}

#[derive(Serialize)]
struct Record<'g> {
    doc: &'g str,
    #[serde(flatten)]
    source: &'g Source,
    chars: u32,
    entities: Vec<Entity<'g>>,
    quotes: Vec<Quote<'g>>,
    // reported speech: the same fields as a quote
    statements: Vec<Quote<'g>>,
    affiliations: Vec<Affiliation<'g>>,
    stances: Vec<Stance<'g>>,
    part_of: Vec<PartOf<'g>>,
}

/// What one document gathers while the graph is scanned once.
#[derive(Default)]
struct Bucket<'g> {
    entities: BTreeMap<NodeId<'g>, (Node<'g>, Vec<Span<'g>>)>,
    quotes: Vec<(u32, Quote<'g>)>,
    statements: Vec<(u32, Quote<'g>)>,
    affiliations: Vec<Affiliation<'g>>,
    stances: Vec<Stance<'g>>,
    part_of: Vec<PartOf<'g>>,
}

impl<'g> Bucket<'g> {
    fn entity(&mut self, n: Node<'g>) -> &mut Vec<Span<'g>> {
        &mut self.entities.entry(n.id).or_insert((n, Vec::new())).1
    }
}

fn evidence_by_doc<'g>(g: &'g KnowledgeGraph, e: &'g Edge) -> BTreeMap<&'g str, Vec<Span<'g>>> {
    let mut by: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for ev in &e.evidence {
        by.entry(g.doc_name(ev.doc))
            .or_default()
            .push(Span::of(g, ev));
    }
    by
}

impl Exporter for JsonlExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut buckets: BTreeMap<&str, Bucket> =
            g.documents().map(|d| (d.id, Bucket::default())).collect();
        for n in g.nodes() {
            for m in n.mentions {
                if let Some(b) = buckets.get_mut(g.doc_name(m.doc)) {
                    b.entity(n).push(Span::of(g, m));
                }
            }
        }
        let edges = g.edges();
        let mut speaker: BTreeMap<NodeId, Node<'_>> = BTreeMap::new();
        for &(s, t, ref e) in &edges {
            let (Some(sn), Some(tn)) = (g.node(s), g.node(t)) else {
                continue;
            };
            if e.relation == Relation::Said {
                speaker.entry(t).or_insert(sn);
                continue;
            }
            for (doc, evidence) in evidence_by_doc(g, e) {
                let Some(b) = buckets.get_mut(doc) else {
                    continue;
                };
                b.entity(sn);
                b.entity(tn);
                let confidence = e.confidence;
                match e.relation {
                    Relation::PartOf => b.part_of.push(PartOf {
                        part: s,
                        whole: t,
                        evidence,
                    }),
                    Relation::AffiliatedWith => b.affiliations.push(Affiliation {
                        person: s,
                        organization: t,
                        role: g.text_opt(e.role),
                        confidence,
                        evidence,
                    }),
                    _ => b.stances.push(Stance {
                        holder: s,
                        relation: e.relation.as_str(),
                        target: t,
                        act: g.text_opt(e.act),
                        cue: g.text_opt(e.cue),
                        confidence,
                        evidence,
                    }),
                }
            }
        }
        for n in g.nodes() {
            let Some(q) = &n.quote else { continue };
            let Some(b) = buckets.get_mut(g.doc_name(q.doc)) else {
                continue;
            };
            let by = speaker.get(&n.id).copied();
            if let Some(sp) = by {
                b.entity(sp);
            }
            let list = if n.kind == Kind::Statement {
                &mut b.statements
            } else {
                &mut b.quotes
            };
            list.push((
                q.start,
                Quote {
                    id: n.id,
                    text: g.text(q.text),
                    start: q.start,
                    end: q.end,
                    speaker: by.map(|s| s.id),
                    speaker_mention: q.speaker_mention.as_ref().map(|s| g.span_words(s)),
                    cue: q.cue.as_ref().map(|s| g.span_words(s)),
                },
            ));
        }
        for d in g.documents() {
            let b = buckets.remove(d.id).unwrap_or_default();
            let info = d.to_info();
            let (mut quotes, mut statements) = (b.quotes, b.statements);
            // by offset; ids break ties ("quote:d0:10" sorts before "quote:d0:2")
            quotes.sort_by(|a, b| (a.0, a.1.id).cmp(&(b.0, b.1.id)));
            statements.sort_by(|a, b| (a.0, a.1.id).cmp(&(b.0, b.1.id)));
            let record = Record {
                doc: d.id,
                source: &info.source,
                chars: d.chars,
                entities: b
                    .entities
                    .into_values()
                    .map(|(n, mentions)| Entity {
                        id: n.id,
                        kind: n.kind.as_str(),
                        label: n.label,
                        mentions,
                    })
                    .collect(),
                quotes: quotes.into_iter().map(|q| q.1).collect(),
                statements: statements.into_iter().map(|q| q.1).collect(),
                affiliations: b.affiliations,
                stances: b.stances,
                part_of: b.part_of,
            };
            let mut line = serde_json::to_string(&record)?;
            if line.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
                line = line
                    .replace('\u{85}', "\\u0085")
                    .replace('\u{2028}', "\\u2028")
                    .replace('\u{2029}', "\\u2029");
            }
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    #[test]
    fn one_record_per_document_with_its_own_spans() {
        let p = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let a = "“We are asking for a delay,” said CTU President Jesse Sharkey.";
        g.add(&p.extract(&Document::new("a.txt", a)));
        g.add(&p.extract(&Document::new("b.txt", "Jesse Sharkey left.")));
        g.add(&p.extract(&Document::new("c\u{2028}d\u{85}.txt", "")));
        g.finish();
        let mut out = Vec::new();
        JsonlExporter.write(&g, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r"c\u2028d\u0085.txt"));
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["path"], "a.txt");
        let q = &lines[0]["quotes"][0];
        assert_eq!(q["speaker"], "person:jesse-sharkey");
        assert_eq!(q["text"], "We are asking for a delay,");
        assert_eq!(lines[0]["affiliations"][0]["role"], "President");
        // document b sees only its own mention of Sharkey
        let e = &lines[1]["entities"][0];
        assert_eq!(e["id"], "person:jesse-sharkey");
        assert_eq!(
            e["mentions"],
            serde_json::json!([{"start": 0, "end": 13, "text": "Jesse Sharkey"}])
        );
        assert_eq!(lines[2]["entities"], serde_json::json!([]));
        // every offset points into its own document's text
        for (line, text) in lines.iter().zip([a, "Jesse Sharkey left.", ""]) {
            let chars: Vec<char> = text.chars().collect();
            for e in line["entities"].as_array().unwrap() {
                for m in e["mentions"].as_array().unwrap() {
                    let (s, t) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                    let got: String = chars[s as usize..t as usize].iter().collect();
                    assert_eq!(got, m["text"]);
                }
            }
        }
    }
}
