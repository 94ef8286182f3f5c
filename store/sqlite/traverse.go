package sqlite

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/newsgraph/kg"
)

// Traversals bind sets of IDs as one JSON array, read back with
// json_each, so that a frontier of any size is one parameter and the SQL
// text never depends on it.
const inJSON = `(SELECT value FROM json_each(?))`

// inJSON2 is inJSON for a set bound as the numbered parameter ?2.
const inJSON2 = `(SELECT value FROM json_each(?2))`

// jsonIDs encodes ids as the JSON array that inJSON reads.
func jsonIDs(ids []string) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, err := json.Marshal(ids)
	if err != nil {
		// Marshalling strings cannot fail; invalid UTF-8 is replaced.
		panic(err)
	}
	return string(b)
}

// followable validates f as the set of events a traversal may pass through
// and returns its conditions on events aliased e (joined with AND, "" for
// every event) with their arguments. Paging fields are ignored, as
// kg.PathQuery and kg.SubgraphQuery say.
func followable(f kg.EventFilter) (string, []any, error) {
	f.After, f.Limit, f.Descending = nil, 0, false
	if err := validateFilter(f); err != nil {
		return "", nil, err
	}
	conds, args := filterConds(f)
	return strings.Join(conds, ` AND `), args, nil
}

// andCond returns " AND cond", or "" for no condition.
func andCond(cond string) string {
	if cond == "" {
		return ""
	}
	return ` AND ` + cond
}

// knownEntities returns which of ids are stored.
func knownEntities(ctx context.Context, q querier, ids []string) (map[string]bool, error) {
	known := make(map[string]bool, len(ids))
	rows, err := q.QueryContext(ctx, `SELECT id FROM entities WHERE id IN `+inJSON, jsonIDs(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		known[id] = true
	}
	return known, rows.Err()
}
