#!/usr/bin/env python3
"""Who approved what, and when: a notebook-style walk through the news graph.

Standard library only. Each `# %%` block is a notebook cell (Jupyter via
jupytext, VS Code, PyCharm); run as a script it prints every cell's output
and exits non-zero if the server answers with an error or with nothing.

    python3 examples/python/walkthrough.py [URL]

URL defaults to $KG_GRAPHQL_URL, then http://127.0.0.1:8080/graphql. A
server with API keys needs $KG_API_KEY (a key with the read scope).
"""

# %% Setup: one function that posts a GraphQL query.
import json
import os
import sys
import urllib.error
import urllib.request
from collections import Counter

URL = (sys.argv[1] if len(sys.argv) > 1 else None) or os.environ.get(
    "KG_GRAPHQL_URL", "http://127.0.0.1:8080/graphql")
API_KEY = os.environ.get("KG_API_KEY", "")


class GraphQLError(Exception):
    """The server answered with errors, or not with GraphQL at all."""


def gql(query, **variables):
    """Run one query and return its data; raise GraphQLError on any error."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    headers = {"Content-Type": "application/json",
               "Accept": "application/graphql-response+json, application/json"}
    if API_KEY:
        headers["Authorization"] = "Bearer " + API_KEY
    req = urllib.request.Request(URL, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            reply = json.load(res)
    except urllib.error.HTTPError as e:
        raise GraphQLError(f"HTTP {e.code}: {e.read().decode(errors='replace')[:500]}") from None
    if reply.get("errors"):
        raise GraphQLError("; ".join(
            f"{e.get('extensions', {}).get('code', '?')}: {e['message']}" for e in reply["errors"]))
    return reply["data"]


def table(rows, columns):
    """Print rows (dicts) as a fixed-width text table."""
    width = {c: max([len(c)] + [len(str(r.get(c, ""))) for r in rows]) for c in columns}
    width = {c: min(w, 44) for c, w in width.items()}
    line = lambda values: "  ".join(str(v)[:width[c]].ljust(width[c]) for c, v in zip(columns, values))
    print(line(columns))
    print(line(["-" * width[c] for c in columns]))
    for r in rows:
        print(line([r.get(c, "") for c in columns]))


def names(entities):
    return ", ".join(e["name"] for e in entities) or "?"


EVENT_FIELDS = """
  id type status
  date { value precision earliest latest text }
  agents { id name kind }
  objects { id name }
  document { title published { value } }
  evidence { sentence }
"""

# %% Who approved or ratified what, and when (occurred events, earliest first).
data = gql("""
query WhoApprovedWhat($first: Int) {
  events(where: {types: [APPROVED, RATIFIED], statuses: [OCCURRED]},
         sort: {date: ASC}, first: $first) {
    totalCount
    nodes { %s }
  }
}""" % EVENT_FIELDS, first=100)
approvals = data["events"]["nodes"]
print(f"{data['events']['totalCount']} approvals and ratifications; the first {len(approvals)}:\n")
table([{"date": e["date"]["value"] or "? " + (e["date"]["text"] or ""),
        "precision": e["date"]["precision"].lower(),
        "action": e["type"].lower(),
        "who": names(e["agents"]),
        "what": names(e["objects"]),
        "source": e["document"]["title"]} for e in approvals],
      ["date", "precision", "action", "who", "what", "source"])
if not approvals:
    sys.exit("no approvals or ratifications: is the example corpus loaded?")

# %% Which agreement has the most recorded steps? Follow it.
counts = Counter(o["id"] for e in approvals for o in e["objects"])
agreement_id, _ = counts.most_common(1)[0]
agreement = next(o for e in approvals for o in e["objects"] if o["id"] == agreement_id)
print(f"\nMost approved: {agreement['name']} ({agreement_id})")

# %% Timeline of that agreement: every action on it, any status, by date.
data = gql("""
query Timeline($agreement: String!) {
  events(where: {object: $agreement}, sort: {date: ASC}, first: 100) {
    totalCount
    nodes { %s }
  }
}""" % EVENT_FIELDS, agreement=agreement_id)
timeline = data["events"]["nodes"]
print(f"\nTimeline of {agreement['name']} ({data['events']['totalCount']} events):\n")
for e in timeline:
    d = e["date"]
    when = d["value"] or "date unknown"
    if d["precision"] not in ("DAY", "UNRESOLVED"):
        when += f" ({d['precision'].lower()}: {d['earliest'] or '…'} to {d['latest'] or '…'})"
    status = "" if e["status"] == "OCCURRED" else f" [{e['status'].lower()}]"
    print(f"  {when:<40} {names(e['agents'])} {e['type'].lower()}{status}")
    print(f"  {'':<40}   “{e['evidence'][0]['sentence'][:110]}”" if e["evidence"] else "")
if not timeline:
    sys.exit(f"the agreement {agreement_id} has no events, though it was the object of approvals")

# %% Who acted on it, and how often: a table by actor and action.
acts = Counter((a["name"], e["type"].lower()) for e in timeline for a in e["agents"])
print()
table([{"actor": who, "action": what, "events": n} for (who, what), n in sorted(acts.items())],
      ["actor", "action", "events"])

# %% Same question, by name: an entity lookup, then its events as agent.
first_actor = timeline[0]["agents"][0]["name"] if timeline[0]["agents"] else None
if first_actor:
    data = gql("""
    query Actor($name: String!) {
      entity(name: $name) {
        id name kind
        events(role: AGENT, first: 5) { totalCount nodes { type date { value } objects { name } } }
      }
    }""", name=first_actor)
    ent = data["entity"]
    if ent is None:
        sys.exit(f"entity(name: {first_actor!r}) found nothing, though events name it")
    print(f"\n{ent['name']} ({ent['kind'].lower()}) acted in {ent['events']['totalCount']} events, e.g.:")
    for e in ent["events"]["nodes"]:
        print(f"  {e['date']['value'] or '?':<12} {e['type'].lower():<20} {names(e['objects'])}")

print("\nwalkthrough: ok")
