//! Graphviz DOT, written by hand (petgraph's `Dot` is a debugging aid).
//!
//! Takes: a [`KnowledgeGraph`]. Gives: a DOT digraph that `dot -Tsvg` renders legibly:
//! a shape and colour per kind, stance edges green (supports) or red (opposes) labelled
//! with the act, affiliations as dashed edges labelled with the role, a legend, and quotes
//! folded into their speaker (the count in the label, the words in the tooltip) unless
//! quote nodes are asked for.
//!
//! Rules: every string is escaped for DOT's quoted strings (backslash, double quote;
//! control characters become spaces), so any name renders as written. Places with no
//! edge are left out of the picture (they are in the JSON).

use std::collections::BTreeMap;
use std::io::Write;

use super::Exporter;
use crate::error::Result;
use crate::graph::{KnowledgeGraph, Node, Relation};
use crate::kind::Kind;

/// Options of the DOT writer.
#[derive(Debug, Default, Clone)]
pub struct DotExporter {
    /// Draw quotes as nodes with `said` edges instead of folding them into speakers.
    pub quote_nodes: bool,
    /// Leave the legend out.
    pub no_legend: bool,
}

/// Escapes text for a DOT double-quoted string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn style(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "shape=ellipse, fillcolor=\"#dbeafe\", color=\"#1d4ed8\"",
        Kind::Organization => {
            "shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\", color=\"#b45309\""
        }
        Kind::Place => "shape=hexagon, fillcolor=\"#ede9fe\", color=\"#6d28d9\"",
        Kind::Topic => "shape=note, fillcolor=\"#fef9c3\", color=\"#a16207\"",
        Kind::Quote => {
            "shape=box, style=\"rounded,dashed,filled\", fillcolor=\"#ffffff\", color=\"#6b7280\", fontsize=10"
        }
    }
}

fn edge_style(rel: Relation) -> &'static str {
    match rel {
        Relation::Supports => "color=\"#15803d\", fontcolor=\"#15803d\", penwidth=1.6",
        Relation::Opposes => "color=\"#b91c1c\", fontcolor=\"#b91c1c\", penwidth=1.6",
        Relation::AffiliatedWith => "color=\"#6b7280\", fontcolor=\"#374151\", style=dashed",
        Relation::Said => "color=\"#9ca3af\", fontcolor=\"#6b7280\", style=dotted",
        Relation::PartOf => {
            "color=\"#b45309\", fontcolor=\"#92400e\", style=dashed, arrowhead=onormal"
        }
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>().trim_end())
    }
}

impl Exporter for DotExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let edges = g.edges();
        // quotes per speaker, for folding
        let mut said: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut has_edge: BTreeMap<&str, bool> = BTreeMap::new();
        for (s, t, e) in &edges {
            if e.relation == Relation::Said {
                if let Some(q) = g.node(t).and_then(|n| n.quote.as_ref()) {
                    said.entry(s).or_default().push(q.text.as_str());
                }
                if !self.quote_nodes {
                    continue;
                }
            }
            has_edge.insert(s, true);
            has_edge.insert(t, true);
        }
        let shown = |n: &Node| match n.kind {
            Kind::Quote => self.quote_nodes,
            Kind::Place => has_edge.contains_key(n.id.as_str()),
            _ => true,
        };

        writeln!(out, "digraph newsgraph {{")?;
        writeln!(
            out,
            "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, nodesep=0.3, ranksep=0.6, label=\"{}\", tooltip=\"newsgraph\"];",
            escape(&format!(
                "newsgraph: {} document{}",
                g.documents().len(),
                if g.documents().len() == 1 { "" } else { "s" }
            ))
        )?;
        writeln!(
            out,
            "  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2];"
        )?;
        writeln!(
            out,
            "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];"
        )?;
        if !self.no_legend {
            self.legend(out)?;
        }
        for n in g.nodes().filter(|n| shown(n)) {
            let mut label = escape(&n.label);
            let mut tooltip = format!("{} ({})", escape(&n.label), n.kind.as_str());
            if !n.aliases.is_empty() {
                tooltip.push_str("\\nalso: ");
                tooltip.push_str(&escape(&clip(
                    &n.aliases.iter().cloned().collect::<Vec<_>>().join(", "),
                    200,
                )));
            }
            if n.kind.is_entity() && !n.mentions.is_empty() {
                tooltip.push_str(&format!(
                    "\\n{} mention{}",
                    n.mentions.len(),
                    if n.mentions.len() == 1 { "" } else { "s" }
                ));
            }
            if let Some(q) = &n.quote {
                label = escape(&clip(&q.text, 60));
                tooltip = escape(&clip(&q.text, 600));
            }
            if !self.quote_nodes
                && let Some(qs) = said.get(n.id.as_str())
            {
                label.push_str(&format!(
                    "\\n({} quote{})",
                    qs.len(),
                    if qs.len() == 1 { "" } else { "s" }
                ));
                for q in qs.iter().take(8) {
                    tooltip.push_str("\\n“");
                    tooltip.push_str(&escape(&clip(q, 160)));
                    tooltip.push('”');
                }
            }
            writeln!(
                out,
                "  \"{}\" [label=\"{}\", tooltip=\"{}\", {}];",
                escape(&n.id),
                label,
                tooltip,
                style(n.kind)
            )?;
        }
        for (s, t, e) in &edges {
            if e.relation == Relation::Said && !self.quote_nodes {
                continue;
            }
            let (Some(sn), Some(tn)) = (g.node(s), g.node(t)) else {
                continue;
            };
            if !shown(sn) || !shown(tn) {
                continue;
            }
            let label = match e.relation {
                Relation::AffiliatedWith => {
                    e.role.clone().unwrap_or_else(|| "affiliated".to_string())
                }
                Relation::Said => "said".to_string(),
                Relation::PartOf => "part of".to_string(),
                _ => e
                    .act
                    .clone()
                    .unwrap_or_else(|| e.relation.as_str().to_string()),
            };
            let mut tooltip = format!("{} {} {}", sn.label, e.relation.as_str(), tn.label);
            if let Some(c) = &e.cue {
                tooltip.push_str(&format!(" (cue: {c})"));
            }
            let mut tip = escape(&tooltip);
            for ev in e.evidence.iter().take(4) {
                if let Some(t) = &ev.text {
                    tip.push_str("\\n");
                    tip.push_str(&escape(&clip(t, 200)));
                }
            }
            writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{}\", tooltip=\"{}\", {}];",
                escape(s),
                escape(t),
                escape(&label),
                tip,
                edge_style(e.relation)
            )?;
        }
        writeln!(out, "}}")?;
        Ok(())
    }
}

impl DotExporter {
    fn legend(&self, out: &mut dyn Write) -> Result<()> {
        writeln!(out, "  subgraph cluster_legend {{")?;
        writeln!(
            out,
            "    label=\"Legend\"; style=\"rounded,dashed\"; color=\"#9ca3af\"; fontsize=10;"
        )?;
        for (id, label, kind) in [
            ("legend:person", "person", Kind::Person),
            ("legend:org", "organization", Kind::Organization),
            ("legend:topic", "topic", Kind::Topic),
            ("legend:place", "place", Kind::Place),
        ] {
            writeln!(
                out,
                "    \"{id}\" [label=\"{label}\", fontsize=9, {}];",
                style(kind)
            )?;
        }
        writeln!(
            out,
            "    \"legend:person\" -> \"legend:org\" [label=\"role\", fontsize=8, {}];",
            edge_style(Relation::AffiliatedWith)
        )?;
        writeln!(
            out,
            "    \"legend:person\" -> \"legend:topic\" [label=\"supports\", fontsize=8, {}];",
            edge_style(Relation::Supports)
        )?;
        writeln!(
            out,
            "    \"legend:org\" -> \"legend:topic\" [label=\"opposes\", fontsize=8, {}];",
            edge_style(Relation::Opposes)
        )?;
        writeln!(out, "  }}")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hostile_strings() {
        assert_eq!(escape(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(escape("line\nbreak\ttab\u{7}"), "line break tab ");
        assert_eq!(escape("Zoë “quoted”"), "Zoë “quoted”");
    }
}
