//! Graphviz DOT, written by hand (petgraph's `Dot` is a debugging aid).
//!
//! Takes: a [`KnowledgeGraph`]. Gives: a DOT digraph that `dot -Tsvg` renders legibly:
//! a shape and colour per kind, stance edges green (supports) or red (opposes) labelled
//! with the act, affiliations as dashed edges labelled with the role, a legend, and quotes
//! and statements of reported speech folded into their speaker (the counts in the label,
//! the words in the tooltip) unless quote nodes are asked for (then statements are drawn
//! too, dotted where quotes are dashed).
//!
//! The layout depends on size ([`DotExporter::plan`], which the caller can report):
//! - up to [`LARGE`] drawn nodes and [`LARGE_EDGES`] drawn edges, `layout=dot`
//!   (with `newrank`): ranks left to right, each organization boxed in a cluster with
//!   the people affiliated with it, and a legend;
//! - past either, `layout=sfdp` with `overlap=prism`: `dot`'s ranking and crossing
//!   minimization grow steeply with edges (measured: 150 nodes and 200 edges 0.4 s,
//!   120 nodes and 250 edges 15 s, 100 nodes and 300 edges over 2 minutes) while sfdp
//!   stays in seconds; clusters and the legend are left out (sfdp ignores clusters) and
//!   so are edge labels (unreadable at that size; colours and tooltips remain).
//!
//! The `layout` attribute is written into the file, so `dot -Tsvg` picks the engine.
//!
//! Rules: every string is escaped for DOT's quoted strings (backslash, double quote;
//! control characters become spaces), so any name renders as written. Places with no
//! edge are left out of the picture (they are in the JSON). A person affiliated with
//! several organizations sits in the cluster of the most confident affiliation (then
//! the first organization by id).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::Exporter;
use crate::error::Result;
use crate::graph::{Edge, IdBuf, KnowledgeGraph, Node, NodeId, Relation};
use crate::kind::Kind;

/// Past this many drawn nodes, the DOT writer switches to sfdp.
pub const LARGE: usize = 150;

/// Past this many drawn edges, the DOT writer switches to sfdp.
pub const LARGE_EDGES: usize = 200;

/// Options of the DOT writer.
#[derive(Debug, Default, Clone)]
pub struct DotExporter {
    /// Draw quotes as nodes with `said` edges instead of folding them into speakers.
    pub quote_nodes: bool,
    /// Leave the legend out.
    pub no_legend: bool,
    /// The layout; `None` chooses by size.
    pub layout: Option<DotLayout>,
}

/// How the picture is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DotLayout {
    /// Hierarchical (`dot`), with organization clusters and a legend.
    Dot,
    /// Force-directed (`sfdp`, `overlap=prism`), no clusters, no edge labels.
    Sfdp,
}

impl DotLayout {
    /// The Graphviz engine name.
    pub fn name(self) -> &'static str {
        match self {
            DotLayout::Dot => "dot",
            DotLayout::Sfdp => "sfdp",
        }
    }
}

/// What the DOT writer will draw, decided before it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DotPlan {
    /// The layout.
    pub layout: DotLayout,
    /// Nodes drawn (quotes folded into speakers and lone places are not).
    pub nodes: usize,
    /// Edges drawn.
    pub edges: usize,
    /// True when the layout was chosen by size, false when it was asked for.
    pub by_size: bool,
}

impl DotPlan {
    /// One line for people: what is drawn, and how.
    pub fn describe(&self) -> String {
        let how = match self.layout {
            DotLayout::Dot => "dot layout with organization clusters",
            DotLayout::Sfdp => "sfdp layout (overlap=prism, no clusters, no edge labels)",
        };
        let why = match (self.by_size, self.layout) {
            (false, _) => "as asked".to_string(),
            (true, DotLayout::Dot) => format!("at most {LARGE} nodes and {LARGE_EDGES} edges"),
            (true, DotLayout::Sfdp) => format!("more than {LARGE} nodes or {LARGE_EDGES} edges"),
        };
        format!(
            "DOT: {} nodes, {} edges to draw: {how} ({why})",
            self.nodes, self.edges
        )
    }
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
        Kind::Statement => {
            "shape=box, style=\"rounded,dotted,filled\", fillcolor=\"#f3f4f6\", color=\"#6b7280\", fontsize=10"
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

/// What is drawn: the nodes shown, the edges between them, quotes per speaker.
struct Scene<'g> {
    shown: BTreeSet<NodeId<'g>>,
    edges: Vec<(NodeId<'g>, NodeId<'g>, Cow<'g, Edge>)>,
    // (is a statement, words) per speaker
    said: BTreeMap<NodeId<'g>, Vec<(bool, &'g str)>>,
}

impl DotExporter {
    fn scene<'g>(&self, g: &'g KnowledgeGraph) -> Scene<'g> {
        let all = g.edges();
        // quotes and statements per speaker, for folding
        let mut said: BTreeMap<NodeId, Vec<(bool, &str)>> = BTreeMap::new();
        let mut has_edge: BTreeSet<NodeId> = BTreeSet::new();
        for (s, t, e) in &all {
            let (s, t) = (*s, *t);
            if e.relation == Relation::Said {
                if let Some(n) = g.node(t)
                    && let Some(q) = n.quote
                {
                    let statement = n.kind == Kind::Statement;
                    said.entry(s).or_default().push((statement, g.text(q.text)));
                }
                if !self.quote_nodes {
                    continue;
                }
            }
            has_edge.insert(s);
            has_edge.insert(t);
        }
        let shown: BTreeSet<NodeId> = g
            .nodes()
            .filter(|n| match n.kind {
                Kind::Quote | Kind::Statement => self.quote_nodes,
                Kind::Place => has_edge.contains(&n.id),
                _ => true,
            })
            .map(|n| n.id)
            .collect();
        let edges = all
            .into_iter()
            .filter(|(s, t, e)| {
                (e.relation != Relation::Said || self.quote_nodes)
                    && shown.contains(s)
                    && shown.contains(t)
            })
            .collect();
        Scene { shown, edges, said }
    }

    /// What [`Exporter::write`] will draw for `g`, and with which layout: the one asked
    /// for, else `dot` up to [`LARGE`] drawn nodes and [`LARGE_EDGES`] drawn edges, and
    /// `sfdp` past either.
    pub fn plan(&self, g: &KnowledgeGraph) -> DotPlan {
        let scene = self.scene(g);
        let nodes = scene.shown.len();
        let large = nodes > LARGE || scene.edges.len() > LARGE_EDGES;
        DotPlan {
            layout: self.layout.unwrap_or(if large {
                DotLayout::Sfdp
            } else {
                DotLayout::Dot
            }),
            nodes,
            edges: scene.edges.len(),
            by_size: self.layout.is_none(),
        }
    }

    fn node_line(&self, g: &KnowledgeGraph, n: Node<'_>, scene: &Scene, indent: &str) -> String {
        let mut label = escape(n.label);
        let mut tooltip = format!("{} ({})", escape(n.label), n.kind.as_str());
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
            label = escape(&clip(g.text(q.text), 60));
            tooltip = escape(&clip(g.text(q.text), 600));
        }
        if !self.quote_nodes
            && let Some(qs) = scene.said.get(&n.id)
        {
            let statements = qs.iter().filter(|q| q.0).count();
            let quotes = qs.len() - statements;
            let counts: Vec<String> = [(quotes, "quote"), (statements, "statement")]
                .into_iter()
                .filter(|&(c, _)| c > 0)
                .map(|(c, what)| format!("{c} {what}{}", if c == 1 { "" } else { "s" }))
                .collect();
            label.push_str(&format!("\\n({})", counts.join(", ")));
            for &(statement, q) in qs.iter().take(8) {
                // a quote in quote marks; a statement is the writer's words
                let (open, close) = if statement {
                    ("said: ", "")
                } else {
                    ("“", "”")
                };
                tooltip.push_str("\\n");
                tooltip.push_str(open);
                tooltip.push_str(&escape(&clip(q, 160)));
                tooltip.push_str(close);
            }
        }
        format!(
            "{indent}\"{}\" [label=\"{}\", tooltip=\"{}\", {}];",
            escape(n.id.as_str(&mut IdBuf::default())),
            label,
            tooltip,
            style(n.kind)
        )
    }

    /// Organization → the people drawn in its cluster.
    fn clusters<'g>(
        &self,
        g: &'g KnowledgeGraph,
        scene: &Scene<'g>,
    ) -> BTreeMap<NodeId<'g>, Vec<NodeId<'g>>> {
        let mut best: BTreeMap<NodeId, (f32, NodeId)> = BTreeMap::new();
        for &(s, t, ref e) in &scene.edges {
            let person = g.node(s).is_some_and(|n| n.kind == Kind::Person);
            if e.relation != Relation::AffiliatedWith || !person {
                continue;
            }
            let c = e.confidence.unwrap_or(0.0);
            let better = best
                .get(&s)
                .is_none_or(|&(bc, bo)| c > bc || (c == bc && t < bo));
            if better {
                best.insert(s, (c, t));
            }
        }
        let mut clusters: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
        for (person, (_, org)) in best {
            clusters.entry(org).or_default().push(person);
        }
        clusters
    }
}

impl Exporter for DotExporter {
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let scene = self.scene(g);
        let plan = self.plan(g);
        let small = plan.layout == DotLayout::Dot;
        let title = escape(&format!(
            "newsgraph: {} document{}",
            g.documents().len(),
            if g.documents().len() == 1 { "" } else { "s" }
        ));
        writeln!(out, "digraph newsgraph {{")?;
        if small {
            writeln!(
                out,
                "  graph [layout=dot, newrank=true, rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, nodesep=0.3, ranksep=0.6, label=\"{title}\", tooltip=\"newsgraph\"];"
            )?;
        } else {
            writeln!(
                out,
                "  graph [layout=sfdp, overlap=prism, outputorder=edgesfirst, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=\"{title}\", tooltip=\"newsgraph\"];"
            )?;
        }
        writeln!(
            out,
            "  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2];"
        )?;
        writeln!(
            out,
            "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];"
        )?;
        if small && !self.no_legend {
            self.legend(out)?;
        }
        let mut placed = BTreeSet::new();
        if small {
            for (i, (org, people)) in self.clusters(g, &scene).into_iter().enumerate() {
                writeln!(out, "  subgraph cluster_{i} {{")?;
                writeln!(
                    out,
                    "    label=\"\"; style=\"rounded,filled\"; fillcolor=\"#fffbeb\"; color=\"#fcd34d\";"
                )?;
                for id in std::iter::once(org).chain(people) {
                    if let Some(n) = g.node(id) {
                        writeln!(out, "{}", self.node_line(g, n, &scene, "    "))?;
                        placed.insert(id);
                    }
                }
                writeln!(out, "  }}")?;
            }
        }
        for n in g.nodes() {
            let id = n.id;
            if scene.shown.contains(&id) && !placed.contains(&id) {
                writeln!(out, "{}", self.node_line(g, n, &scene, "  "))?;
            }
        }
        for &(s, t, ref e) in &scene.edges {
            let (Some(sn), Some(tn)) = (g.node(s), g.node(t)) else {
                continue;
            };
            let label = match e.relation {
                Relation::AffiliatedWith => g.text_opt(e.role).unwrap_or("affiliated").to_string(),
                Relation::Said => "said".to_string(),
                Relation::PartOf => "part of".to_string(),
                _ => g.text_opt(e.act).unwrap_or(e.relation.as_str()).to_string(),
            };
            let mut tooltip = format!("{} {} {}", sn.label, e.relation.as_str(), tn.label);
            if let Some(c) = g.text_opt(e.cue) {
                tooltip.push_str(&format!(" (cue: {c})"));
            }
            let mut tip = escape(&tooltip);
            for ev in e.evidence.iter().take(4) {
                if let Some(t) = ev.text {
                    tip.push_str("\\n");
                    tip.push_str(&escape(&clip(g.text(t), 200)));
                }
            }
            let label = if small {
                format!("label=\"{}\", ", escape(&label))
            } else {
                String::new()
            };
            writeln!(
                out,
                "  \"{}\" -> \"{}\" [{label}tooltip=\"{}\", {}];",
                escape(s.as_str(&mut IdBuf::default())),
                escape(t.as_str(&mut IdBuf::default())),
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
