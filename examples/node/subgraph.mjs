// Fetches the neighbourhood of an agreement with graphql-request and loads
// it into graphology with graph.import, unconverted: the GraphQL aliases
// (key: id, attributes: data) give the subgraph graphology's serialization
// format. Exits non-zero when the server errs or the graph comes back empty.
//
//   npm ci && node subgraph.mjs [URL]
//
// URL defaults to $KG_GRAPHQL_URL, then http://127.0.0.1:8080/graphql; a
// server with API keys needs $KG_API_KEY (read scope).
import { GraphQLClient, gql } from 'graphql-request';
import Graph from 'graphology';

const url = process.argv[2] || process.env.KG_GRAPHQL_URL || 'http://127.0.0.1:8080/graphql';
const headers = process.env.KG_API_KEY ? { Authorization: `Bearer ${process.env.KG_API_KEY}` } : {};
const client = new GraphQLClient(url, { headers });

// A seed: the agreement of the most recent ratification.
const seedQuery = gql`
  query Seed {
    events(where: { types: [RATIFIED] }, sort: { date: DESC }, first: 1) {
      nodes { objects { id name } }
    }
  }
`;

const subgraphQuery = gql`
  query Neighbourhood($around: [String!]!) {
    subgraph(around: $around, depth: 2) {
      nodes { key: id attributes: data { id label kind type status date country } }
      edges { key: id source target attributes: data { id source target role label } }
    }
  }
`;

function fail(message) {
  console.error(`subgraph example: ${message}`);
  process.exit(1);
}

async function request(query, variables) {
  try {
    return await client.request(query, variables);
  } catch (err) {
    const errors = err.response?.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ');
    fail(`${url} answered ${err.response?.status ?? ''} ${errors ?? err.message}`);
  }
}

const seed = await request(seedQuery);
const agreement = seed.events.nodes[0]?.objects[0];
if (!agreement) fail('no ratified agreement to start from: is the example corpus loaded?');

const result = await request(subgraphQuery, { around: [agreement.id] });

// Multi: one entity may take two roles in one event, two edges between the
// same pair of nodes.
const graph = new Graph({ multi: true, type: 'directed' });
graph.import(result.subgraph);

console.log(`subgraph around ${agreement.name}, depth 2: ${graph.order} nodes, ${graph.size} edges`);
const kinds = {};
graph.forEachNode((_, attrs) => { kinds[attrs.kind] = (kinds[attrs.kind] || 0) + 1; });
console.log('nodes by kind:', kinds);
const busiest = graph.nodes()
  .filter((n) => graph.getNodeAttribute(n, 'kind') !== 'EVENT')
  .sort((a, b) => graph.degree(b) - graph.degree(a))
  .slice(0, 5)
  .map((n) => `${graph.getNodeAttribute(n, 'label')} (${graph.degree(n)})`);
console.log('most connected entities:', busiest.join(', '));

if (graph.order === 0 || graph.size === 0) fail(`empty graph: ${graph.order} nodes, ${graph.size} edges`);
if (graph.order !== result.subgraph.nodes.length || graph.size !== result.subgraph.edges.length) {
  fail(`import lost elements: ${graph.order}/${result.subgraph.nodes.length} nodes, ${graph.size}/${result.subgraph.edges.length} edges`);
}
if (!graph.hasNode(agreement.id)) fail(`the seed ${agreement.id} is not in its own subgraph`);
console.log('subgraph example: ok');
