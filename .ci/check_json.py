#!/usr/bin/env python3
"""Loads a newsgraph JSON graph with NetworkX and checks the contract the scorer relies on."""
import json
import sys

import networkx as nx

path = sys.argv[1]
data = json.load(open(path, encoding="utf-8"))
g = nx.node_link_graph(data)  # NetworkX >= 3.6: edges="edges" is the default
assert g.is_directed() and g.is_multigraph(), "directed multigraph expected"
assert data["graph"]["schema"] == "newsgraph/1"
docs = {d["id"]: d for d in data["graph"]["documents"]}
kinds = {"person", "organization", "place", "topic", "quote", "statement"}
for n, attrs in g.nodes(data=True):
    assert attrs["kind"] in kinds, (n, attrs["kind"])
    for m in attrs.get("mentions", []):
        assert m["doc"] in docs and 0 <= m["start"] < m["end"] <= docs[m["doc"]]["chars"], (n, m)
    if attrs["kind"] in ("quote", "statement"):
        assert attrs["doc"] in docs and attrs["start"] < attrs["end"], n
for s, t, attrs in g.edges(data=True):
    assert attrs["relation"] in {"affiliated_with", "said", "supports", "opposes", "part_of"}, attrs
ids = [n["id"] for n in data["nodes"]]
assert ids == sorted(ids), "nodes must be sorted by id"
print(f"{path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(docs)} documents: OK")
