// Parses a newsgraph import.cypher with Neo4j's own Cypher parser and linter
// (@neo4j-cypher/language-support) and fails on any diagnostic, error or warning.
//   NODE_PATH=<dir with node_modules> node .ci/check_cypher.js import.cypher
'use strict';
const fs = require('fs');
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const text = fs.readFileSync(process.argv[2], 'utf8');
const { diagnostics } = lintCypherQuery(text, {});
for (const d of diagnostics) {
  const at = d.range.start;
  console.error(`${process.argv[2]}:${at.line + 1}:${at.character + 1}: ${d.message}`);
}
if (diagnostics.length > 0) process.exit(1);
const statements = text.split(';\n').filter((s) => s.trim()).length;
console.log(`Neo4j Cypher parser: ${statements} statements, no diagnostics`);
