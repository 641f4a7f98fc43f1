//! Neo4j: a folder for `neo4j-admin database import full`, and a Cypher script for
//! users without admin access.
//!
//! Takes: a [`KnowledgeGraph`]. Gives ([`Neo4jExporter::write_dir`]) a folder with:
//! - `nodes_<Label>.csv`, one per label present (`Person`, `Organization`, `Place`,
//!   `Topic`, `Quote`, `Statement`), header `id:ID,:LABEL,label,kind,aliases:string[],mentions:int,…`;
//! - `relationships.csv`, header `:START_ID,:END_ID,:TYPE,relation,…,confidence:double,
//!   weight:double,evidence:string[],evidence_text:string[]`, types in UPPER_SNAKE
//!   (`AFFILIATED_WITH`, `SAID`, `SUPPORTS`, `OPPOSES`);
//! - `import.sh`, which runs `neo4j-admin database import full` with the options these
//!   files need;
//! - `import.cypher` (also what [`Exporter::write`] gives): a uniqueness constraint on
//!   `id` per label, then `UNWIND [...] AS row MERGE ...` batches of 500 rows, for
//!   `cypher-shell -f import.cypher` or Neo4j Browser.
//!
//! Rules:
//! - CSV: every string is double-quoted, `"` doubled; a missing value is an empty,
//!   unquoted field (no property). Fields may hold line breaks (quotes span paragraphs),
//!   so `import.sh` passes `--multiline-fields=true`.
//! - Arrays are split on U+001F (unit separator), passed as `--array-delimiter`, because
//!   `;`, the default, is common in evidence sentences; U+001F is dropped from array
//!   items (no news text holds it).
//! - Cypher: strings single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` and `\uXXXX` for
//!   other control characters; labels, relationship types and map keys backticked;
//!   floats always with a decimal point.
//! - Evidence spans become two parallel arrays: `evidence` (`d0:505-532`) and
//!   `evidence_text` (the words, "" for a span without them; no property when no span
//!   has words, as for `said` edges).
//!
//! Limits: `import.sh` needs Neo4j 5 and a stopped database; add
//! `--overwrite-destination` (passed through) to replace an existing one. MERGE makes
//! `import.cypher` safe to run twice.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Exporter;
use super::attrs::{self, Attr, Attrs, Type, Value};
use crate::error::{Error, Result};
use crate::graph::{Edge, IdBuf, KnowledgeGraph, Node, NodeId, Relation};
use crate::kind::Kind;

/// Writes a Neo4j import folder (or, as a stream, the Cypher script).
#[derive(Clone, Copy, Debug, Default)]
pub struct Neo4jExporter;

/// Rows per `UNWIND` statement: large enough to be fast, small enough for one
/// transaction in a default Neo4j heap.
const BATCH: usize = 500;

/// The array delimiter of the CSV files.
const ARRAY_DELIMITER: char = '\u{1F}';

/// The Neo4j label of a kind.
pub fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Organization => "Organization",
        Kind::Place => "Place",
        Kind::Topic => "Topic",
        Kind::Quote => "Quote",
        Kind::Statement => "Statement",
    }
}

/// The relationship type of a relation (UPPER_SNAKE, as Neo4j names them).
pub fn rel_type(r: Relation) -> String {
    r.as_str().to_uppercase()
}

/// The node attributes of a kind: quotes and statements have all, the others the first
/// five (label, kind, aliases, mentions, docs), so every file of a label has one fixed
/// header.
fn node_attrs(kind: Kind) -> &'static [Attr] {
    if kind.is_utterance() {
        &attrs::NODE
    } else {
        &attrs::NODE[..5]
    }
}

fn csv_type(t: Type) -> &'static str {
    match t {
        Type::Str => "",
        Type::Int => ":int",
        Type::Double => ":double",
        Type::Bool => ":boolean",
        Type::List | Type::Spans => ":string[]",
    }
}

/// Quotes a CSV field (always, so no content can end a field).
fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn csv_array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| s.replace(ARRAY_DELIMITER, ""))
        .collect();
    csv_field(&items.join(&ARRAY_DELIMITER.to_string()))
}

/// `d0:505-532` for each span, and the texts (none when no span kept its text, as for
/// `said` edges).
fn spans<'g>(ev: &[crate::graph::EvidenceText<&'g str>]) -> (Vec<String>, Option<Vec<&'g str>>) {
    let refs = ev
        .iter()
        .map(|e| format!("{}:{}-{}", e.doc, e.start, e.end))
        .collect();
    let texts = ev
        .iter()
        .any(|e| e.text.is_some())
        .then(|| ev.iter().map(|e| e.text.unwrap_or("")).collect());
    (refs, texts)
}

fn csv_header(fixed: &str, table: &[Attr]) -> String {
    let mut h = fixed.to_string();
    for a in table {
        if a.ty == Type::Spans {
            write!(h, ",{0}:string[],{0}_text:string[]", a.name).ok();
        } else {
            write!(h, ",{}{}", a.name, csv_type(a.ty)).ok();
        }
    }
    h
}

fn csv_values<'g>(
    row: &mut String,
    table: &[Attr],
    values: impl IntoIterator<Item = Option<Value<'g>>>,
) {
    for (a, v) in table.iter().zip(values) {
        row.push(',');
        match v {
            // spans fill two columns
            None if a.ty == Type::Spans => row.push(','),
            None => {}
            Some(Value::Str(s)) => row.push_str(&csv_field(s)),
            Some(Value::List(l)) => row.push_str(&csv_array(l)),
            Some(Value::Spans(ev)) => {
                let (refs, texts) = spans(&ev);
                row.push_str(&csv_array(refs.iter().map(String::as_str)));
                row.push(',');
                if let Some(texts) = texts {
                    row.push_str(&csv_array(texts));
                }
            }
            Some(v) => row.push_str(&v.to_text()),
        }
    }
}

/// A Cypher string literal.
pub fn cypher_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                write!(out, "\\u{:04X}", c as u32).ok();
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn cypher_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(cypher_string).collect();
    format!("[{}]", items.join(", "))
}

/// A Cypher map literal of the values present.
fn cypher_map<'g>(
    fixed: &[(&str, String)],
    table: &[Attr],
    values: impl IntoIterator<Item = Option<Value<'g>>>,
) -> String {
    let mut entries: Vec<String> = fixed
        .iter()
        .map(|(k, v)| format!("`{k}`: {}", cypher_string(v)))
        .collect();
    for (a, v) in table.iter().zip(values) {
        let Some(v) = v else { continue };
        let k = a.name;
        match v {
            Value::Str(s) => entries.push(format!("`{k}`: {}", cypher_string(s))),
            Value::List(l) => entries.push(format!("`{k}`: {}", cypher_list(l))),
            Value::Spans(ev) => {
                let (refs, texts) = spans(&ev);
                entries.push(format!(
                    "`{k}`: {}",
                    cypher_list(refs.iter().map(String::as_str))
                ));
                if let Some(texts) = texts {
                    entries.push(format!("`{k}_text`: {}", cypher_list(texts)));
                }
            }
            Value::Double(x) => {
                let mut s = x.to_string();
                if !s.contains(['.', 'e', 'E']) {
                    s.push_str(".0");
                }
                entries.push(format!("`{k}`: {s}"));
            }
            v => entries.push(format!("`{k}`: {}", v.to_text())),
        }
    }
    format!("{{{}}}", entries.join(", "))
}

/// Nodes grouped by label, labels in [`Kind::ALL`] order.
fn by_kind(g: &KnowledgeGraph) -> Vec<(Kind, Vec<Node<'_>>)> {
    Kind::ALL
        .iter()
        .map(|&k| (k, g.nodes().filter(|n| n.kind == k).collect::<Vec<_>>()))
        .filter(|(_, ns)| !ns.is_empty())
        .collect()
}

/// Relationships grouped by (source label, type, target label), so each `MATCH` uses
/// the two labels' unique indexes.
type Group<'g> = (
    (Kind, Relation, Kind),
    Vec<(NodeId<'g>, NodeId<'g>, Cow<'g, Edge>)>,
);

fn edge_groups(g: &KnowledgeGraph) -> Vec<Group<'_>> {
    let mut groups: std::collections::BTreeMap<(Kind, Relation, Kind), Vec<_>> =
        std::collections::BTreeMap::new();
    for (s, t, e) in g.edges() {
        if let (Some(sn), Some(tn)) = (g.node(s), g.node(t)) {
            groups
                .entry((sn.kind, e.relation, tn.kind))
                .or_default()
                .push((s, t, e));
        }
    }
    groups.into_iter().collect()
}

impl Neo4jExporter {
    /// Writes the import folder into `dir` (created when missing) and returns the paths
    /// written, in the order written.
    pub fn write_dir(&self, g: &KnowledgeGraph, dir: &Path) -> Result<Vec<PathBuf>> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        fs::create_dir_all(dir).map_err(io(dir))?;
        let mut written = Vec::new();
        let mut put = |name: &str, bytes: &[u8]| -> Result<PathBuf> {
            let path = dir.join(name);
            fs::write(&path, bytes).map_err(io(&path))?;
            written.push(path.clone());
            Ok(path)
        };
        let table = Attrs::new(g);
        let mut node_files = Vec::new();
        for (kind, nodes) in by_kind(g) {
            let attrs_of = node_attrs(kind);
            let mut csv = csv_header("id:ID,:LABEL", attrs_of);
            csv.push('\n');
            for n in nodes {
                csv.push_str(&csv_field(n.id.as_str(&mut IdBuf::default())));
                csv.push(',');
                csv.push_str(label(kind));
                csv_values(&mut csv, attrs_of, table.node(n));
                csv.push('\n');
            }
            let name = format!("nodes_{}.csv", label(kind));
            put(&name, csv.as_bytes())?;
            node_files.push(name);
        }
        let mut csv = csv_header(":START_ID,:END_ID,:TYPE", &attrs::EDGE);
        csv.push('\n');
        for (s, t, e) in g.edges() {
            write!(
                csv,
                "{},{},{}",
                csv_field(s.as_str(&mut IdBuf::default())),
                csv_field(t.as_str(&mut IdBuf::default())),
                rel_type(e.relation)
            )
            .ok();
            csv_values(&mut csv, &attrs::EDGE, table.edge(&e));
            csv.push('\n');
        }
        put("relationships.csv", csv.as_bytes())?;

        let script = import_sh(&node_files);
        let sh = put("import.sh", script.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&sh, fs::Permissions::from_mode(0o755)).map_err(io(&sh))?;
        }
        let mut cypher = Vec::new();
        self.write(g, &mut cypher)?;
        put("import.cypher", &cypher)?;
        Ok(written)
    }
}

fn import_sh(node_files: &[String]) -> String {
    let mut s = String::from(
        "#!/bin/sh\n\
         # Imports this folder into a stopped Neo4j 5 database, as the user that runs Neo4j:\n\
         #   sh import.sh [DATABASE] [neo4j-admin options, e.g. --overwrite-destination]\n\
         # Without admin access, run import.cypher instead (cypher-shell -f import.cypher).\n\
         set -eu\n\
         here=$(cd \"$(dirname \"$0\")\" && pwd)\n\
         db=${1:-neo4j}\n\
         [ $# -gt 0 ] && shift\n\
         exec neo4j-admin database import full \\\n",
    );
    for f in node_files {
        writeln!(s, "  --nodes=\"$here/{f}\" \\").ok();
    }
    s.push_str(
        "  --relationships=\"$here/relationships.csv\" \\\n\
         \x20 --array-delimiter=U+001F \\\n\
         \x20 --multiline-fields=true \\\n\
         \x20 \"$@\" \"$db\"\n",
    );
    s
}

impl Exporter for Neo4jExporter {
    /// Writes `import.cypher`.
    fn write(&self, g: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        writeln!(
            out,
            "// newsgraph: {} nodes, {} relationships, {} documents.",
            g.node_count(),
            g.edge_count(),
            g.documents().len()
        )?;
        writeln!(
            out,
            "// Run with: cypher-shell -u neo4j -p PASSWORD -f import.cypher (MERGE: safe to run twice)"
        )?;
        let groups = by_kind(g);
        for (kind, _) in &groups {
            let l = label(*kind);
            writeln!(
                out,
                "CREATE CONSTRAINT `newsgraph_{}_id` IF NOT EXISTS FOR (n:`{l}`) REQUIRE n.`id` IS UNIQUE;",
                l.to_lowercase()
            )?;
        }
        let table = Attrs::new(g);
        for (kind, nodes) in &groups {
            let attrs_of = node_attrs(*kind);
            for batch in nodes.chunks(BATCH) {
                writeln!(out, "UNWIND [")?;
                for (i, n) in batch.iter().enumerate() {
                    let map = cypher_map(&[("id", n.id.to_string())], attrs_of, table.node(*n));
                    let comma = if i + 1 < batch.len() { "," } else { "" };
                    writeln!(out, "  {map}{comma}")?;
                }
                writeln!(
                    out,
                    "] AS row\nMERGE (n:`{}` {{`id`: row.`id`}})\nSET n += row;",
                    label(*kind)
                )?;
            }
        }
        for ((sk, rel, tk), edges) in edge_groups(g) {
            for batch in edges.chunks(BATCH) {
                writeln!(out, "UNWIND [")?;
                for (i, (s, t, e)) in batch.iter().enumerate() {
                    let props = cypher_map(&[], &attrs::EDGE, table.edge(e));
                    let comma = if i + 1 < batch.len() { "," } else { "" };
                    writeln!(
                        out,
                        "  {{`source`: {}, `target`: {}, `props`: {props}}}{comma}",
                        cypher_string(s.as_str(&mut IdBuf::default())),
                        cypher_string(t.as_str(&mut IdBuf::default()))
                    )?;
                }
                writeln!(
                    out,
                    "] AS row\nMATCH (a:`{}` {{`id`: row.`source`}})\nMATCH (b:`{}` {{`id`: row.`target`}})\nMERGE (a)-[r:`{}`]->(b)\nSET r += row.`props`;",
                    label(sk),
                    label(tk),
                    rel_type(rel)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cypher_strings() {
        let cases = [
            ("plain", "'plain'"),
            ("O'Brien", r"'O\'Brien'"),
            (r"back\slash", r"'back\\slash'"),
            ("two\nlines\r\ttab", r"'two\nlines\r\ttab'"),
            ("bell\u{7}nul\0", r"'bell\u0007nul\u0000'"),
            ("Zoë “q” 北京 `x`", "'Zoë “q” 北京 `x`'"),
            (
                "'); MATCH (n) DETACH DELETE n; //",
                r"'\'); MATCH (n) DETACH DELETE n; //'",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(cypher_string(input), want, "{input:?}");
        }
    }

    #[test]
    fn csv_fields() {
        let cases = [
            ("a", "\"a\""),
            ("say \"hi\", then\nleave", "\"say \"\"hi\"\", then\nleave\""),
        ];
        for (input, want) in cases {
            assert_eq!(csv_field(input), want);
        }
        assert_eq!(csv_array(["a;b", "c\u{1F}d"]), "\"a;b\u{1F}cd\"");
    }

    #[test]
    fn headers_use_admin_import_types() {
        assert_eq!(
            csv_header("id:ID,:LABEL", node_attrs(Kind::Person)),
            "id:ID,:LABEL,label,kind,aliases:string[],mentions:int,docs:string[]"
        );
        assert_eq!(
            csv_header(":START_ID,:END_ID,:TYPE", &attrs::EDGE),
            ":START_ID,:END_ID,:TYPE,relation,label,role,act,cue,confidence:double,weight:double,evidence:string[],evidence_text:string[]"
        );
        assert_eq!(rel_type(Relation::AffiliatedWith), "AFFILIATED_WITH");
    }

    #[test]
    fn folder_has_every_file() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert_node("person:a", Kind::Person, "A");
        let o = g.upsert_node("organization:o", Kind::Organization, "O, Inc.");
        g.add_edge(
            a,
            o,
            Edge {
                relation: Relation::AffiliatedWith,
                role: None,
                act: None,
                cue: None,
                confidence: Some(1.0),
                evidence: vec![],
            },
        );
        let dir = tempfile::tempdir().unwrap();
        let files = Neo4jExporter.write_dir(&g, dir.path()).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "nodes_Person.csv",
                "nodes_Organization.csv",
                "relationships.csv",
                "import.sh",
                "import.cypher"
            ]
        );
        let rels = fs::read_to_string(dir.path().join("relationships.csv")).unwrap();
        assert_eq!(
            rels.lines().nth(1).unwrap(),
            "\"person:a\",\"organization:o\",AFFILIATED_WITH,\"affiliated_with\",\"affiliated_with\",,,,1,1,,"
        );
        let cypher = fs::read_to_string(dir.path().join("import.cypher")).unwrap();
        assert!(
            cypher.contains("`confidence`: 1.0, `weight`: 1.0"),
            "{cypher}"
        );
        assert!(cypher.contains("MERGE (a)-[r:`AFFILIATED_WITH`]->(b)"));
    }
}
