// lint.js runs Neo4j's own Cypher 5 front end (parser and semantic analysis,
// from @neo4j-cypher/language-support) over the statements given on stdin:
//
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "statements": [{"name": "...", "cypher": "...", "parameters": {"rows": []}}]}
//
// and prints one JSON line per statement: {"name", "diagnostics": [{severity,
// message, line, character}]}, severity 1 being an error and 2 a warning.
// It exits 0 whatever it finds; the Go test decides what fails.
//
// Procedures and functions come from the signatures of a real Neo4j that the
// package ships as test data (pinned version, so the path is stable): with
// them the linter also checks procedure names, arguments and yields, and
// function names and deprecations.
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');
const ls = require('@neo4j-cypher/language-support');

const registryPath = path.join(__dirname, 'node_modules', '@neo4j-cypher', 'language-support', 'dist', 'esm',
  'project', 'language-support', 'src', 'tests', 'testData.js');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const req = JSON.parse(input);
  const { testData } = await import(pathToFileURL(registryPath).href);
  const schema = {
    procedures: testData.mockSchema.procedures,
    functions: testData.mockSchema.functions,
    ...(req.schema || {}),
  };
  for (const st of req.statements) {
    const { diagnostics } = ls.lintCypherQuery(st.cypher, { ...schema, parameters: st.parameters || {} });
    const out = diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
    }));
    process.stdout.write(JSON.stringify({ name: st.name, diagnostics: out }) + '\n');
  }
});
