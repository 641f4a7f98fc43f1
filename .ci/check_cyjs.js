// Loads a newsgraph Cytoscape export (.cyjs) into Cytoscape.js (headless) and checks it
// against the graph's JSON: every node and edge present, names, kinds, aliases and
// edge ends exactly as in the JSON.
//   NODE_PATH=<dir with node_modules/cytoscape> node .ci/check_cyjs.js graph.cyjs graph.json
'use strict';
const fs = require('fs');
const assert = require('assert');
const cytoscape = require('cytoscape');

const [cyjsPath, jsonPath] = process.argv.slice(2);
const cyjs = JSON.parse(fs.readFileSync(cyjsPath, 'utf8'));
const graph = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));

// the two ways a page loads it: elements, and the whole document through cy.json()
const cy = cytoscape({ headless: true, elements: cyjs.elements });
const cy2 = cytoscape({ headless: true });
cy2.json({ elements: cyjs.elements });

for (const c of [cy, cy2]) {
  assert.strictEqual(c.nodes().length, graph.nodes.length, 'node count');
  assert.strictEqual(c.edges().length, graph.edges.length, 'edge count');
}
for (const n of graph.nodes) {
  const el = cy.getElementById(n.id);
  assert.ok(el.nonempty() && el.isNode(), `node ${JSON.stringify(n.id)}`);
  assert.strictEqual(el.data('name'), n.label);
  assert.strictEqual(el.data('label'), n.label);
  assert.strictEqual(el.data('kind'), n.kind);
  assert.deepStrictEqual(el.data('aliases'), n.aliases);
}
for (const e of graph.edges) {
  const el = cy.getElementById(e.id);
  assert.ok(el.nonempty() && el.isEdge(), `edge ${JSON.stringify(e.id)}`);
  assert.strictEqual(el.source().id(), e.source);
  assert.strictEqual(el.target().id(), e.target);
  assert.strictEqual(el.data('interaction'), e.relation);
}
// a layout runs on it (what a page does next)
cy.layout({ name: 'grid' }).run();
console.log(`cytoscape.js ${cytoscape.version || ''} loaded ${cy.nodes().length} nodes, ${cy.edges().length} edges`.replace('  ', ' '));
