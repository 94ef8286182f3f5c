// Runs the graphql-http server audit (GraphQL over HTTP conformance) against
// a live server and exits non-zero when any MUST audit fails. SHOULD and MAY
// results are printed but do not fail the run: the spec leaves them open.
//
//   node audit.mjs http://127.0.0.1:8080/graphql
//
// An API key, when the server has keys configured, comes from KG_API_KEY.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] || process.env.KG_GRAPHQL_URL;
if (!url) {
  console.error('usage: node audit.mjs URL (or KG_GRAPHQL_URL)');
  process.exit(2);
}

const key = process.env.KG_API_KEY;
const fetchFn = key
  ? (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${key}`);
      return fetch(input, { ...init, headers });
    }
  : fetch;

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const failures = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  counts[result.status]++;
  const level = audit.name.split(' ', 1)[0];
  if (result.status === 'ok') {
    console.log(`ok    ${audit.id} ${audit.name}`);
    continue;
  }
  let body = '';
  try {
    body = await result.response.text();
  } catch {
    // The audit may have read the body already.
  }
  console.log(`${result.status.padEnd(5)} ${audit.id} ${audit.name}\n      ${result.reason}` +
    (body ? `\n      response ${result.response.status}: ${body.slice(0, 300)}` : ''));
  if (level === 'MUST') failures.push(audit.name);
}

console.log(`\n${counts.ok} ok, ${counts.warn} warn, ${counts.notice} notice, ${counts.error} error; ` +
  `${failures.length} MUST failures`);
if (failures.length > 0) {
  console.log('MUST failures:\n  ' + failures.join('\n  '));
  process.exit(1);
}
