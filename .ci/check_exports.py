#!/usr/bin/env python3
"""Checks every newsgraph export of one graph with the programs that read it, against the
graph's own JSON.

    python3 .ci/check_exports.py DIR [--require-all]

DIR holds what `newsgraph convert graph.json --to FORMAT` wrote for one graph:
graph.json, graph.graphml, graph.gexf, graph.cyjs, graph.jsonl, graph.dot and the folder
neo4j/. Readers: xmllint (well-formedness), NetworkX (GraphML, GEXF), igraph (GraphML),
Graphviz (`dot -Tjson`), node + cytoscape (.ci/check_cyjs.js), node + Neo4j's Cypher
parser (.ci/check_cypher.js), Python's csv module (Neo4j CSV, read the way neo4j-admin
reads it: array delimiter U+001F, multi-line fields). Every name must come back exactly
(for XML: minus the characters XML 1.0 forbids). A reader that is not installed is
skipped with a note, unless --require-all (CI) makes that a failure. Node finds its
packages through NODE_PATH.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FORBIDDEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
KINDS = {"person", "organization", "place", "topic", "quote", "statement"}
SAID = {"quote", "statement"}  # nodes a `said` edge points at: the same fields
RELATIONS = {"affiliated_with", "said", "supports", "opposes", "part_of"}


def xml_safe(s):
    return FORBIDDEN_XML.sub("", s)


def dot_safe(s):
    # DOT's escape turns control characters into spaces
    return "".join(" " if (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) else c for c in s)


def dot_unescape(s):
    # `dot -Tjson` reports labels as written: escString sequences still in them
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append("\n" if s[i + 1] in "nlr" else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


class Checker:
    def __init__(self, d, require_all):
        self.dir = d
        self.require_all = require_all
        self.skipped = []
        self.passed = []
        data = json.load(open(self.path("graph.json"), encoding="utf-8"))
        self.data = data
        self.nodes = {n["id"]: n for n in data["nodes"]}
        self.edges = {e["id"]: e for e in data["edges"]}
        self.docs = data["graph"]["documents"]

    def path(self, name):
        return os.path.join(self.dir, name)

    def have(self, what, ok):
        if not ok:
            if self.require_all:
                sys.exit(f"FAIL: {what} is not installed (required)")
            self.skipped.append(what)
        return ok

    def ok(self, fmt, detail):
        self.passed.append(fmt)
        print(f"ok   {fmt:8} {detail}")

    # --- XML -------------------------------------------------------------------------
    def xmllint(self, name):
        if self.have("xmllint", shutil.which("xmllint")):
            subprocess.run(["xmllint", "--noout", self.path(name)], check=True)

    def graphml(self):
        name = "graph.graphml"
        self.xmllint(name)
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.parse(self.path(name)).getroot()
        keys = root.findall("g:key", ns)
        ids = [k.get("id") for k in keys]
        assert ids == [f"d{i}" for i in range(len(ids))], ids
        for k in keys:
            assert k.get("for") in {"graph", "node", "edge"}, k.attrib
            assert k.get("attr.type") in {"string", "int", "double", "boolean"}, k.attrib
        assert any(k.get("for") == "node" and k.get("attr.name") == "label" for k in keys)
        children = [c.tag.split("}")[1] for c in root.find("g:graph", ns)]
        assert children == sorted(children, key=["data", "node", "edge"].index), "nodes before edges"
        edge_ids = [e.get("id") for e in root.iter("{%s}edge" % ns["g"])]
        assert all(edge_ids) and len(set(edge_ids)) == len(edge_ids), "unique edge ids"

        import networkx as nx

        g = nx.read_graphml(self.path(name))
        self.same_nodes("graphml/networkx", {n: a for n, a in g.nodes(data=True)}, xml_safe)
        self.same_edges("graphml/networkx", _edges_by_id(g), xml_safe)
        for n, a in g.nodes(data=True):
            assert isinstance(a["mentions"], int), (n, a)
            # lists are JSON, which escapes control characters: only U+FFFE/U+FFFF go
            want = [re.sub("[\ufffe\uffff]", "", x) for x in self.nodes_by_xml[n]["aliases"]]
            assert json.loads(a["aliases"]) == want, (a["aliases"], want)
        detail = f"networkx {g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
        if self.have("python-igraph", _importable("igraph")):
            import igraph

            ig = igraph.Graph.Read_GraphML(self.path(name))
            assert ig.vcount() == len(self.nodes) and ig.ecount() == len(self.edges)
            want = sorted(xml_safe(n["label"]) for n in self.nodes.values())
            assert sorted(ig.vs["label"]) == want, "igraph labels"
            # igraph 0.11 (libxml2 without entity substitution) gives `&` in an XML
            # attribute as "&#38;"; extracted ids are slugs and never hold one
            ig_ids = [i.replace("&#38;", "&") for i in ig.vs["id"]]
            assert sorted(ig_ids) == sorted(xml_safe(i) for i in self.nodes), ig.vs["id"]
            assert sorted(ig.es["relation"]) == sorted(e["relation"] for e in self.edges.values())
            detail += f"; igraph {ig.vcount()} vertices, {ig.ecount()} edges"
        self.ok("graphml", detail)

    def gexf(self):
        name = "graph.gexf"
        self.xmllint(name)
        root = ET.parse(self.path(name)).getroot()
        assert root.get("version") == "1.3", root.attrib
        ns = "{http://gexf.net/1.3}"
        viz = "{http://gexf.net/1.3/viz}"
        for n in root.iter(ns + "node"):
            assert n.find(viz + "color") is not None, n.get("id")
        kinds = {}
        for e in root.iter(ns + "edge"):
            kinds[e.get("id")] = e.get("kind")
        want = {xml_safe(i): e["relation"] for i, e in self.edges.items()}
        assert kinds == want, "edge ids and kinds"

        import networkx as nx

        g = nx.read_gexf(self.path(name))
        self.same_nodes("gexf/networkx", {n: a for n, a in g.nodes(data=True)}, xml_safe)
        self.same_edges("gexf/networkx", _edges_by_id(g), xml_safe)
        self.ok("gexf", f"networkx {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, kinds kept")

    # --- JSON ------------------------------------------------------------------------
    def cyjs(self):
        name = "graph.cyjs"
        data = json.load(open(self.path(name), encoding="utf-8"))
        nodes = {n["data"]["id"]: n["data"] for n in data["elements"]["nodes"]}
        self.same_nodes("cyjs", nodes, lambda s: s)
        edges = {e["data"]["id"]: e["data"] for e in data["elements"]["edges"]}
        self.same_edges("cyjs", edges, lambda s: s)
        detail = f"{len(nodes)} nodes, {len(edges)} edges"
        if self.have("node", shutil.which("node")) and self.have("cytoscape (npm)", _node_has("cytoscape")):
            out = subprocess.run(
                ["node", os.path.join(HERE, "check_cyjs.js"), self.path(name), self.path("graph.json")],
                check=True, capture_output=True, text=True,
            ).stdout
            detail += "; " + out.strip()
        self.ok("cyjs", detail)

    def jsonl(self):
        lines = open(self.path("graph.jsonl"), encoding="utf-8").read().splitlines()
        # JSON Lines must survive str.splitlines (U+2028, U+0085 escaped)
        assert len(lines) == len(self.docs), (len(lines), len(self.docs))
        mentions = {}
        evidence = {}
        quotes = {"quotes": 0, "statements": 0}
        for line, doc in zip(lines, self.docs):
            r = json.loads(line)
            assert r["doc"] == doc["id"] and r["path"] == doc["path"] and r["chars"] == doc["chars"]
            ids = {e["id"] for e in r["entities"]}
            for e in r["entities"]:
                assert e["label"] == self.nodes[e["id"]]["label"]
                for m in e["mentions"]:
                    assert 0 <= m["start"] < m["end"] <= doc["chars"], m
                    mentions.setdefault(e["id"], []).append((doc["id"], m["start"], m["end"], m.get("text")))
            for list_, kind in (("quotes", "quote"), ("statements", "statement")):
                for q in r[list_]:
                    n = self.nodes[q["id"]]
                    assert n["kind"] == kind, (list_, n["kind"])
                    assert (n["doc"], n["start"], n["end"], n["text"]) == (doc["id"], q["start"], q["end"], q["text"])
                    assert q["speaker"] is None or q["speaker"] in ids
                    quotes[list_] += 1
            kinds = [("affiliations", "person", "organization", "affiliated_with"),
                     ("stances", "holder", "target", None),
                     ("part_of", "part", "whole", "part_of")]
            for kind, src, dst, relation in kinds:
                for a in r[kind]:
                    assert a[src] in ids and a[dst] in ids
                    rel = relation or a["relation"]
                    key = f"{a[src]}|{rel}|{a[dst]}"
                    for ev in a["evidence"]:
                        evidence.setdefault(key, []).append((doc["id"], ev["start"], ev["end"], ev.get("text")))
        for nid, n in self.nodes.items():
            want = [(m["doc"], m["start"], m["end"], m.get("text")) for m in n.get("mentions", [])]
            assert sorted(mentions.get(nid, [])) == sorted(want), nid
        for eid, e in self.edges.items():
            if e["relation"] != "said":
                want = [(v["doc"], v["start"], v["end"], v.get("text")) for v in e.get("evidence", [])]
                assert sorted(evidence.get(eid, [])) == sorted(want), eid
        assert quotes["quotes"] == sum(1 for n in self.nodes.values() if n["kind"] == "quote")
        assert quotes["statements"] == sum(1 for n in self.nodes.values() if n["kind"] == "statement")
        self.ok("jsonl", f"{len(lines)} records; every mention, quote, statement and evidence span once")

    # --- Graphviz --------------------------------------------------------------------
    def dot(self):
        if not self.have("graphviz", shutil.which("dot")):
            return
        text = open(self.path("graph.dot"), encoding="utf-8").read()
        out = subprocess.run(
            ["dot", "-Tjson", self.path("graph.dot")], check=True, capture_output=True, text=True
        ).stdout
        drawn = {o["name"]: o for o in json.loads(out).get("objects", []) if "nodes" not in o and "_gvid" in o}
        drawn = {k: v for k, v in drawn.items() if not k.startswith("legend:")}
        by_name = {dot_safe(i): n for i, n in self.nodes.items()}
        for name, o in drawn.items():
            n = by_name.get(name)
            assert n is not None, f"dot drew an unknown node {name!r}"
            if n["kind"] not in SAID:
                first = dot_unescape(o["label"]).split("\n")[0]
                assert first == dot_safe(n["label"]), (o["label"], n["label"])
        layout = re.search(r"layout=(\w+)", text).group(1)
        self.ok("dot", f"graphviz laid out {len(drawn)} nodes ({layout})")

    # --- Neo4j -----------------------------------------------------------------------
    def neo4j(self):
        d = self.path("neo4j")
        labels = {"Person", "Organization", "Place", "Topic", "Quote", "Statement"}
        seen = {}
        for f in sorted(os.listdir(d)):
            if not f.startswith("nodes_"):
                continue
            rows = list(csv.reader(open(os.path.join(d, f), encoding="utf-8", newline="")))
            header = rows[0]
            assert header[:2] == ["id:ID", ":LABEL"], header
            types = dict(_typed(h) for h in header[2:])
            for row in rows[1:]:
                assert len(row) == len(header), (f, row)
                assert row[1] in labels and f == f"nodes_{row[1]}.csv"
                props = {name: _csv_value(row[i + 2], types[name]) for i, name in enumerate(types)}
                seen[row[0]] = props
        assert set(seen) == set(self.nodes), "node ids"
        for nid, p in seen.items():
            n = self.nodes[nid]
            assert p["label"] == n["label"] and p["kind"] == n["kind"], (p, n)
            # U+001F is the array delimiter: dropped from items
            assert (p["aliases"] or []) == [a.replace("\x1f", "") for a in n["aliases"]], p["aliases"]
            if n["kind"] in SAID:
                assert p["text"] == n["text"] and p["start"] == n["start"] and p["end"] == n["end"]
        rows = list(csv.reader(open(os.path.join(d, "relationships.csv"), encoding="utf-8", newline="")))
        header = rows[0]
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], header
        types = dict(_typed(h) for h in header[3:])
        got = {}
        for row in rows[1:]:
            assert len(row) == len(header), row
            assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", row[2]), row[2]
            props = {name: _csv_value(row[i + 3], types[name]) for i, name in enumerate(types)}
            got[f"{row[0]}|{props['relation']}|{row[1]}"] = props
            assert row[2] == props["relation"].upper()
        assert set(got) == set(self.edges), "relationships"
        for eid, p in got.items():
            e = self.edges[eid]
            for k in ("role", "act", "cue"):
                assert p[k] == e.get(k), (eid, k, p[k], e.get(k))
            ev = e.get("evidence", [])
            texts = [(v.get("text") or "").replace("\x1f", "") for v in ev] if any("text" in v for v in ev) else []
            assert (p["evidence_text"] or []) == texts, eid
        detail = f"csv: {len(seen)} nodes, {len(got)} relationships"
        cypher = os.path.join(d, "import.cypher")
        values = parse_cypher_rows(open(cypher, encoding="utf-8").read())
        cy_nodes = {r["id"]: r for r in values if "id" in r}
        assert set(cy_nodes) == set(self.nodes), "cypher node ids"
        for nid, r in cy_nodes.items():
            assert r["label"] == self.nodes[nid]["label"], (r["label"], self.nodes[nid]["label"])
        cy_rels = [r for r in values if "source" in r]
        assert len(cy_rels) == len(self.edges)
        detail += f"; cypher values: {len(cy_nodes)} nodes, {len(cy_rels)} relationships"
        if os.path.getsize(cypher) <= self.cypher_parse_limit and self.have("node", shutil.which("node")) and self.have(
            "@neo4j-cypher/language-support (npm)", _node_has("@neo4j-cypher/language-support")
        ):
            out = subprocess.run(
                ["node", os.path.join(HERE, "check_cypher.js"), cypher], check=True, capture_output=True, text=True
            ).stdout
            detail += "; " + out.strip()
        sh = os.path.join(d, "import.sh")
        assert os.access(sh, os.X_OK)
        subprocess.run(["sh", "-n", sh], check=True)
        self.ok("neo4j", detail)

    cypher_parse_limit = 64 * 1024

    # --- comparisons -----------------------------------------------------------------
    def same_nodes(self, fmt, got, safe):
        self.nodes_by_xml = {safe(i): n for i, n in self.nodes.items()}
        assert set(got) == set(self.nodes_by_xml), f"{fmt}: node ids differ: {set(got) ^ set(self.nodes_by_xml)}"
        for i, a in got.items():
            n = self.nodes_by_xml[i]
            assert a["label"] == safe(n["label"]), f"{fmt}: {a['label']!r} != {n['label']!r}"
            assert a["kind"] == n["kind"] and a["kind"] in KINDS
            if "text" in n:
                assert a["text"] == safe(n["text"]), fmt

    def same_edges(self, fmt, got, safe):
        want = {safe(i): e for i, e in self.edges.items()}
        assert set(got) == set(want), f"{fmt}: edge ids differ: {set(got) ^ set(want)}"
        for i, a in got.items():
            e = want[i]
            assert a["relation"] == e["relation"] and a["relation"] in RELATIONS
            for k in ("role", "act", "cue"):
                assert a.get(k) == (safe(e[k]) if k in e else None), (fmt, i, k)
            if "confidence" in e:
                assert abs(a["confidence"] - e["confidence"]) < 1e-9, (fmt, i)


def _edges_by_id(g):
    # NetworkX returns a multigraph (edge id = key) only when there are parallel edges;
    # otherwise the id is an edge attribute
    if g.is_multigraph():
        return {k: a for _, _, k, a in g.edges(keys=True, data=True)}
    return {a["id"]: a for _, _, a in g.edges(data=True)}


def _typed(h):
    name, _, ty = h.partition(":")
    return name, ty or "string"


def _csv_value(v, ty):
    if v == "":
        return None
    if ty.endswith("[]"):
        return v.split("\x1f")
    return {"int": int, "double": float, "boolean": lambda s: s == "true"}.get(ty, str)(v)


def parse_cypher_rows(text):
    """The rows of every `UNWIND [...] AS row` of import.cypher, parsed by the Cypher
    literal grammar (strings with backslash escapes, numbers, booleans, lists, maps with
    backticked keys): the Cypher parser says the syntax is right, this says the values
    are."""
    rows = []
    pos = 0
    while True:
        i = text.find("UNWIND [", pos)
        if i < 0:
            return rows
        value, pos = _cy_value(text, i + len("UNWIND "))
        rows.extend(r if "props" not in r else {**r["props"], **r} for r in value)


def _cy_value(s, i):
    c = s[i]
    if c == "'":
        out = []
        i += 1
        esc = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", '"': '"', "b": "\b", "f": "\f"}
        while s[i] != "'":
            if s[i] == "\\":
                if s[i + 1] == "u":
                    out.append(chr(int(s[i + 2 : i + 6], 16)))
                    i += 6
                else:
                    out.append(esc[s[i + 1]])
                    i += 2
            else:
                out.append(s[i])
                i += 1
        return "".join(out), i + 1
    if c in "[{":
        close = "]" if c == "[" else "}"
        items = [] if c == "[" else {}
        i += 1
        while True:
            i = _skip(s, i)
            if s[i] == close:
                return items, i + 1
            if c == "{":
                assert s[i] == "`", s[i : i + 20]
                j = s.index("`", i + 1)
                key = s[i + 1 : j]
                i = _skip(s, j + 1)
                assert s[i] == ":"
                v, i = _cy_value(s, _skip(s, i + 1))
                items[key] = v
            else:
                v, i = _cy_value(s, i)
                items.append(v)
            i = _skip(s, i)
            if s[i] == ",":
                i += 1
    m = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false").match(s, i)
    assert m, s[i : i + 30]
    t = m.group(0)
    v = {"true": True, "false": False}.get(t)
    if v is None:
        v = float(t) if m.group(1) or m.group(2) else int(t)
    return v, m.end()


def _skip(s, i):
    while s[i] in " \n\t":
        i += 1
    return i


def _importable(mod):
    try:
        __import__(mod)
        return True
    except ImportError:
        return False


def _node_has(pkg):
    if not shutil.which("node"):
        return False
    r = subprocess.run(["node", "-e", f"require.resolve({json.dumps(pkg)})"], capture_output=True)
    return r.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--require-all", action="store_true", help="a missing reader is a failure (CI)")
    ap.add_argument("--cypher-parse-limit", type=int, default=64 * 1024,
                    help="bytes of import.cypher up to which Neo4j's parser checks it (it reads ~8 KB/s)")
    args = ap.parse_args()
    c = Checker(args.dir, args.require_all)
    c.cypher_parse_limit = args.cypher_parse_limit
    for check in (c.graphml, c.gexf, c.cyjs, c.jsonl, c.dot, c.neo4j):
        check()
    skipped = f" (skipped readers: {', '.join(sorted(set(c.skipped)))})" if c.skipped else ""
    print(f"{args.dir}: {len(c.nodes)} nodes, {len(c.edges)} edges: every export read back{skipped}")


if __name__ == "__main__":
    main()
