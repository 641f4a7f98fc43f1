//! Filters that cut a big graph down to what a reader (or Graphviz) can take.
//!
//! Takes: a finished [`KnowledgeGraph`] and a [`Filter`]. Gives: a new graph holding the
//! nodes that pass, the edges between them, and every document (provenance is never
//! filtered). Every format is written from the filtered graph, so the filters work the
//! same for all of them.
//!
//! Rules, applied in this order:
//! 1. `kinds`: only nodes of these kinds.
//! 2. `min_mentions`: only people, organizations, places and topics mentioned at least
//!    that often (see [`mention_count`]). A quote (or statement of reported speech) is
//!    not ranked on its own: it stays when its speaker stays, because in every picture
//!    it hangs off its speaker.
//! 3. `focus` + `depth`: the ego graph: nodes at most `depth` edges (either direction)
//!    from the focus node, walking only through nodes that passed 1 and 2.
//! 4. `max_nodes`: at most that many nodes: people, organizations, places and topics by
//!    [`mention_count`] (most first; ties by kind, then id), the focus node always; then,
//!    while room is left, the quotes and statements of the speakers kept, the
//!    best-ranked speaker's first.
//!
//! Why this shape: a merged archive has thousands of nodes and `dot` needs minutes past
//! ~150, and a journalist asks "who are the main actors" (`max_nodes`, `min_mentions`) or
//! "what is around this person" (`focus`). Every rule is deterministic (sorted ids break
//! every tie), so a filtered export is as reproducible as a whole one.
//!
//! Limits: with `min_mentions` or `max_nodes`, a quote or statement nobody was found to
//! say is dropped (it has no speaker to follow).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::error::{Error, Result};
use crate::graph::{IdBuf, KnowledgeGraph, Node, NodeId, Relation};
use crate::kind::Kind;

/// Which nodes to keep. The default keeps everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only these kinds (empty: all).
    pub kinds: BTreeSet<Kind>,
    /// Keep entities and topics mentioned at least this often (0: all).
    pub min_mentions: usize,
    /// Keep only the ego graph of this node: an id, a label or an alias.
    pub focus: Option<String>,
    /// How many edges away from `focus` to go.
    pub depth: usize,
    /// Keep at most this many nodes, the most mentioned.
    pub max_nodes: Option<usize>,
}

/// How often a node is mentioned: a person, organization or place, its name mentions; a
/// topic, the stance statements about it (evidence spans of the edges into it); a quote,
/// one.
pub fn mention_count(g: &KnowledgeGraph, node: Node<'_>) -> usize {
    match node.kind {
        Kind::Quote | Kind::Statement => 1,
        Kind::Topic => g
            .index_of(node.id)
            .map(|i| {
                g.petgraph()
                    .edges_directed(i, petgraph::Direction::Incoming)
                    .map(|e| e.weight().evidence.len())
                    .sum()
            })
            .unwrap_or(0),
        _ => node.mentions.len(),
    }
}

/// The node `name` designates: the node with that id; else the one node (not a quote)
/// whose label is `name`, ignoring case; else the one whose alias it is. Fails when none
/// or several match, listing candidates.
pub fn find_node<'g>(g: &'g KnowledgeGraph, name: &str) -> Result<Node<'g>> {
    if let Some(n) = g.node(name) {
        return Ok(n);
    }
    let wanted = name.to_lowercase();
    let named = |n: &Node<'_>| !n.kind.is_utterance();
    let by_label: Vec<Node<'_>> = g
        .nodes()
        .filter(named)
        .filter(|n| n.label.to_lowercase() == wanted)
        .collect();
    let by_alias: Vec<Node<'_>> = g
        .nodes()
        .filter(named)
        .filter(|n| n.aliases.iter().any(|a| a.to_lowercase() == wanted))
        .collect();
    for found in [by_label, by_alias] {
        match found.as_slice() {
            [] => {}
            [one] => return Ok(*one),
            many => {
                let ids: Vec<String> = many.iter().map(|n| n.id.to_string()).collect();
                return Err(Error::Filter(format!(
                    "focus {name:?} names {} nodes: {}; give one id",
                    ids.len(),
                    ids.join(", ")
                )));
            }
        }
    }
    // suggest labels that contain the name, the most mentioned first
    let mut close: Vec<(usize, NodeId)> = g
        .nodes()
        .filter(named)
        .filter(|n| n.label.to_lowercase().contains(&wanted))
        .map(|n| (mention_count(g, n), n.id))
        .collect();
    close.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let hint = if close.is_empty() {
        String::new()
    } else {
        let ids: Vec<String> = close.iter().take(5).map(|c| c.1.to_string()).collect();
        format!(" (did you mean {}?)", ids.join(", "))
    };
    Err(Error::Filter(format!("focus {name:?} names no node{hint}")))
}

impl Filter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.min_mentions == 0
            && self.focus.is_none()
            && self.max_nodes.is_none()
    }

    /// The filtered graph. Fails only when `focus` names no node, several nodes, or a
    /// node that `kinds` or `min_mentions` removed.
    pub fn apply(&self, g: &KnowledgeGraph) -> Result<KnowledgeGraph> {
        if self.is_empty() {
            return Ok(g.clone());
        }
        let edges = g.edges();
        // a quote follows its speaker (the first, if several were merged)
        let mut speaker: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        for &(s, t, ref e) in &edges {
            if e.relation == Relation::Said {
                speaker.entry(t).or_insert(s);
            }
        }
        let mut keep: BTreeSet<NodeId> = g
            .nodes()
            .filter(|n| self.kinds.is_empty() || self.kinds.contains(&n.kind))
            .map(|n| n.id)
            .collect();

        if self.min_mentions > 0 {
            let passes: BTreeSet<NodeId> = g
                .nodes()
                .filter(|n| keep.contains(&n.id))
                .filter(|n| !n.kind.is_utterance() && mention_count(g, *n) >= self.min_mentions)
                .map(|n| n.id)
                .collect();
            keep.retain(|id| {
                passes.contains(id) || speaker.get(id).is_some_and(|s| passes.contains(s))
            });
        }

        let focus = match &self.focus {
            Some(name) => {
                let f = find_node(g, name)?;
                if !keep.contains(&f.id) {
                    return Err(Error::Filter(format!(
                        "focus {name:?} ({}) is itself removed by the kind or mention filters",
                        f.id
                    )));
                }
                keep = ego(&edges, &keep, f.id, self.depth);
                Some(f.id)
            }
            None => None,
        };

        if let Some(max) = self.max_nodes
            && keep.len() > max
        {
            keep = self.most_mentioned(g, &keep, &speaker, focus, max);
        }
        Ok(subgraph(g, &keep))
    }

    fn most_mentioned<'g>(
        &self,
        g: &'g KnowledgeGraph,
        keep: &BTreeSet<NodeId<'g>>,
        speaker: &BTreeMap<NodeId<'g>, NodeId<'g>>,
        focus: Option<NodeId<'g>>,
        max: usize,
    ) -> BTreeSet<NodeId<'g>> {
        let mut ranked: Vec<(bool, usize, Kind, NodeId)> = g
            .nodes()
            .filter(|n| !n.kind.is_utterance() && keep.contains(&n.id))
            .map(|n| {
                let pinned = focus == Some(n.id);
                (pinned, mention_count(g, n), n.kind, n.id)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        ranked.truncate(max);
        let rank: BTreeMap<NodeId, usize> =
            ranked.iter().enumerate().map(|(r, n)| (n.3, r)).collect();
        let mut quotes: Vec<(usize, NodeId)> = speaker
            .iter()
            .filter(|(q, _)| keep.contains(*q))
            .filter_map(|(q, s)| rank.get(s).map(|&r| (r, *q)))
            .collect();
        quotes.sort();
        let room = max - rank.len();
        rank.keys()
            .copied()
            .chain(quotes.into_iter().take(room).map(|q| q.1))
            .collect()
    }
}

/// Nodes within `depth` edges of `start`, either direction, through `allowed` nodes.
fn ego<'g>(
    edges: &[(
        NodeId<'g>,
        NodeId<'g>,
        std::borrow::Cow<'_, crate::graph::Edge>,
    )],
    allowed: &BTreeSet<NodeId<'g>>,
    start: NodeId<'g>,
    depth: usize,
) -> BTreeSet<NodeId<'g>> {
    let mut next: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for &(s, t, _) in edges {
        if allowed.contains(&s) && allowed.contains(&t) {
            next.entry(s).or_default().push(t);
            next.entry(t).or_default().push(s);
        }
    }
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([(start, 0)]);
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for &n in next.get(&id).into_iter().flatten() {
            if seen.insert(n) {
                queue.push_back((n, d + 1));
            }
        }
    }
    seen
}

/// The graph of the `keep` nodes, the edges between them, and all documents.
fn subgraph(g: &KnowledgeGraph, keep: &BTreeSet<NodeId>) -> KnowledgeGraph {
    // the same texts, so copied evidence keeps its words
    let mut out = g.empty_like();
    for n in g.nodes().filter(|n| keep.contains(&n.id)) {
        out.insert_node(
            n.id.as_str(&mut IdBuf::default()),
            n.kind,
            n.label,
            n.aliases.clone(),
            n.mentions.to_vec(),
            n.quote.cloned(),
        );
    }
    for (s, t, e) in g.edges() {
        if let (Some(a), Some(b)) = (out.index_of(s), out.index_of(t)) {
            out.add_edge(a, b, e.into_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Evidence};

    fn ev(n: u32) -> Vec<Evidence> {
        (0..n)
            .map(|i| Evidence {
                doc: crate::graph::DocId(0),
                start: i,
                end: i + 1,
                text: None,
            })
            .collect()
    }

    /// ann (5 mentions) -said-> q1, q2; ann -affiliated-> acme (3); bob (1) -opposes->
    /// topic:tax (2 statements); ann -supports-> tax; carl (2) alone.
    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let node = |g: &mut KnowledgeGraph, id: &str, kind, mentions| {
            let i = g.upsert_node(id, kind, id.split(':').nth(1).unwrap());
            g.node_mut(i).mentions = ev(mentions);
            i
        };
        let ann = node(&mut g, "person:ann", Kind::Person, 5);
        let bob = node(&mut g, "person:bob", Kind::Person, 1);
        node(&mut g, "person:carl", Kind::Person, 2);
        let acme = node(&mut g, "organization:acme", Kind::Organization, 3);
        let tax = node(&mut g, "topic:tax", Kind::Topic, 0);
        let q1 = node(&mut g, "quote:d0:1", Kind::Quote, 0);
        let q2 = node(&mut g, "quote:d0:2", Kind::Quote, 0);
        node(&mut g, "quote:d0:3", Kind::Quote, 0);
        let edge = |relation, n| Edge {
            relation,
            role: None,
            act: None,
            cue: None,
            confidence: None,
            evidence: ev(n),
        };
        g.add_edge(ann, q1, edge(Relation::Said, 0));
        g.add_edge(ann, q2, edge(Relation::Said, 0));
        g.add_edge(ann, acme, edge(Relation::AffiliatedWith, 1));
        g.add_edge(bob, tax, edge(Relation::Opposes, 1));
        g.add_edge(ann, tax, edge(Relation::Supports, 1));
        g
    }

    fn ids(g: &KnowledgeGraph) -> String {
        g.nodes()
            .map(|n| n.id.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn table() {
        let all = "organization:acme person:ann person:bob person:carl quote:d0:1 quote:d0:2 quote:d0:3 topic:tax";
        let f = |kinds: &[Kind], min, focus: Option<&str>, depth, max| Filter {
            kinds: kinds.iter().copied().collect(),
            min_mentions: min,
            focus: focus.map(str::to_string),
            depth,
            max_nodes: max,
        };
        let cases = [
            (Filter::default(), all),
            (
                f(&[Kind::Person], 0, None, 0, None),
                "person:ann person:bob person:carl",
            ),
            // quotes follow their speaker; the unattributed quote 3 goes
            (
                f(&[], 3, None, 0, None),
                "organization:acme person:ann quote:d0:1 quote:d0:2",
            ),
            (
                f(&[], 2, None, 0, None),
                "organization:acme person:ann person:carl quote:d0:1 quote:d0:2 topic:tax",
            ),
            (f(&[], 0, Some("bob"), 1, None), "person:bob topic:tax"),
            (
                f(&[], 0, Some("Bob"), 2, None),
                "person:ann person:bob topic:tax",
            ),
            (f(&[], 0, Some("person:carl"), 3, None), "person:carl"),
            // ranked: ann 5, acme 3, carl 2, tax 2 (person before topic), bob 1
            (
                f(&[], 0, None, 0, Some(3)),
                "organization:acme person:ann person:carl",
            ),
            // room left for ann's quotes
            (
                f(&[Kind::Person, Kind::Quote], 0, None, 0, Some(4)),
                "person:ann person:bob person:carl quote:d0:1",
            ),
            // the focus is kept first
            (f(&[], 0, Some("bob"), 2, Some(2)), "person:ann person:bob"),
        ];
        let g = graph();
        for (filter, want) in cases {
            let got = filter.apply(&g).unwrap();
            assert_eq!(ids(&got), want, "{filter:?}");
            for (s, t, _) in got.edges() {
                assert!(got.node(s).is_some() && got.node(t).is_some());
            }
        }
    }

    #[test]
    fn edges_between_kept_nodes_survive() {
        let g = Filter {
            focus: Some("ann".into()),
            depth: 1,
            ..Filter::default()
        }
        .apply(&graph())
        .unwrap();
        assert_eq!(g.edge_count(), 4);
        assert_eq!(
            mention_count(&graph(), graph().node("topic:tax").unwrap()),
            2
        );
    }

    #[test]
    fn focus_errors_say_why() {
        let g = graph();
        let err = |name: &str, kinds: &[Kind]| {
            Filter {
                focus: Some(name.into()),
                kinds: kinds.iter().copied().collect(),
                ..Filter::default()
            }
            .apply(&g)
            .unwrap_err()
            .to_string()
        };
        assert_eq!(err("zed", &[]), "focus \"zed\" names no node");
        assert_eq!(
            err("a", &[]),
            "focus \"a\" names no node (did you mean person:ann, organization:acme, person:carl, topic:tax?)"
        );
        assert!(err("ann", &[Kind::Organization]).contains("itself removed"));
    }

    #[test]
    fn ambiguous_focus_lists_the_ids() {
        let mut g = graph();
        g.upsert_node("organization:ann", Kind::Organization, "ann");
        let e = find_node(&g, "ANN").unwrap_err().to_string();
        assert_eq!(
            e,
            "focus \"ANN\" names 2 nodes: organization:ann, person:ann; give one id"
        );
        assert_eq!(find_node(&g, "person:ann").unwrap().id, "person:ann");
    }
}
