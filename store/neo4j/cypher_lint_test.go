package neo4jstore

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/kg"
)

// lintStatement is one statement for cypherlint/lint.js, with the
// parameters the store passes to it.
type lintStatement struct {
	Name       string         `json:"name"`
	Cypher     string         `json:"cypher"`
	Parameters map[string]any `json:"parameters"`
}

// rowKeys are the keys of UNWIND rows (plan.go) that are not also graph
// properties; the linter reads r.key as a property access.
var rowKeys = []string{"entityId"}

// lintStatements lists every Cypher constant of the package; the test
// checks against the source that none is missing.
func lintStatements() []lintStatement {
	none := map[string]any{}
	ids := map[string]any{"ids": []string{"x"}}
	rows := map[string]any{"rows": []map[string]any{}}
	filter := func(page bool) map[string]any {
		p := map[string]any{"types": []string{}, "statuses": []string{}, "documentIds": []string{},
			"agentIds": []string{}, "objectIds": []string{}, "locationIds": []string{}, "participantIds": []string{},
			"from": "", "to": ""}
		if page {
			p["afterKey"], p["afterId"], p["limit"] = "", "", 10
		}
		return p
	}
	with := func(a, b map[string]any) map[string]any {
		for k, v := range b {
			a[k] = v
		}
		return a
	}
	st := func(name, cypher string, params map[string]any) lintStatement {
		return lintStatement{name, cypher, params}
	}
	paths := with(filter(false), map[string]any{"fromId": "x", "toId": "y", "limit": 10})
	return []lintStatement{
		st("cypherConstraintEntity", cypherConstraintEntity, none),
		st("cypherConstraintDocument", cypherConstraintDocument, none),
		st("cypherConstraintEvent", cypherConstraintEvent, none),
		st("cypherConstraintDataVersion", cypherConstraintDataVersion, none),
		st("cypherIndexEventDocument", cypherIndexEventDocument, none),
		st("cypherIndexEventType", cypherIndexEventType, none),
		st("cypherIndexEventSort", cypherIndexEventSort, none),
		st("cypherIndexEntityNames", cypherIndexEntityNames, none),
		st("cypherAwaitIndexes", cypherAwaitIndexes, map[string]any{"seconds": 60}),
		st("cypherStoredDocuments", cypherStoredDocuments, ids),
		st("cypherStoredEntities", cypherStoredEntities, ids),
		st("cypherDeleteActions", cypherDeleteActions, ids),
		st("cypherDeleteEvents", cypherDeleteEvents, ids),
		st("cypherMergeDocuments", cypherMergeDocuments, rows),
		st("cypherMergePerson", cypherMergePerson, rows),
		st("cypherMergeState", cypherMergeState, rows),
		st("cypherMergeInstitution", cypherMergeInstitution, rows),
		st("cypherMergeAgreement", cypherMergeAgreement, rows),
		st("cypherMergePlace", cypherMergePlace, rows),
		st("cypherMergeEvents", cypherMergeEvents, rows),
		st("cypherMergeAgents", cypherMergeAgents, rows),
		st("cypherMergeObjects", cypherMergeObjects, rows),
		st("cypherMergeLocations", cypherMergeLocations, rows),
		st("cypherMergeEvidence", cypherMergeEvidence, rows),
		st("cypherMergeSigned", cypherMergeSigned, rows),
		st("cypherMergeApproved", cypherMergeApproved, rows),
		st("cypherMergeRatified", cypherMergeRatified, rows),
		st("cypherMergeEnteredIntoForce", cypherMergeEnteredIntoForce, rows),
		st("cypherMergeProposed", cypherMergeProposed, rows),
		st("cypherMergeWithdrew", cypherMergeWithdrew, rows),
		st("cypherBumpDataVersion", cypherBumpDataVersion, map[string]any{"token": 1}),
		st("cypherDataVersion", cypherDataVersion, none),
		st("cypherDocuments", cypherDocuments, ids),
		st("cypherEntities", cypherEntities, ids),
		st("cypherEvents", cypherEvents, ids),
		st("cypherEventParticipants", cypherEventParticipants, ids),
		st("cypherEventEvidence", cypherEventEvidence, ids),
		st("cypherCountDocuments", cypherCountDocuments, none),
		st("cypherCountEntities", cypherCountEntities, none),
		st("cypherCountEvents", cypherCountEvents, none),
		st("cypherFindCountByDocuments", cypherFindCountByDocuments, filter(false)),
		st("cypherFindCountByAgents", cypherFindCountByAgents, filter(false)),
		st("cypherFindCountByObjects", cypherFindCountByObjects, filter(false)),
		st("cypherFindCountByLocations", cypherFindCountByLocations, filter(false)),
		st("cypherFindCountByParticipants", cypherFindCountByParticipants, filter(false)),
		st("cypherFindCountByTypes", cypherFindCountByTypes, filter(false)),
		st("cypherFindCountAll", cypherFindCountAll, filter(false)),
		st("cypherFindAscByDocuments", cypherFindAscByDocuments, filter(true)),
		st("cypherFindAscByAgents", cypherFindAscByAgents, filter(true)),
		st("cypherFindAscByObjects", cypherFindAscByObjects, filter(true)),
		st("cypherFindAscByLocations", cypherFindAscByLocations, filter(true)),
		st("cypherFindAscByParticipants", cypherFindAscByParticipants, filter(true)),
		st("cypherFindAscByTypes", cypherFindAscByTypes, filter(true)),
		st("cypherFindAscAll", cypherFindAscAll, filter(true)),
		st("cypherFindDescByDocuments", cypherFindDescByDocuments, filter(true)),
		st("cypherFindDescByAgents", cypherFindDescByAgents, filter(true)),
		st("cypherFindDescByObjects", cypherFindDescByObjects, filter(true)),
		st("cypherFindDescByLocations", cypherFindDescByLocations, filter(true)),
		st("cypherFindDescByParticipants", cypherFindDescByParticipants, filter(true)),
		st("cypherFindDescByTypes", cypherFindDescByTypes, filter(true)),
		st("cypherFindDescAll", cypherFindDescAll, filter(true)),
		st("cypherSearchExact", cypherSearchExact, ids),
		st("cypherListEntities", cypherListEntities, map[string]any{"after": "", "kinds": []string{}, "limit": 10}),
		st("cypherKnownEntities", cypherKnownEntities, ids),
		st("cypherSubgraphLevel", cypherSubgraphLevel, with(filter(false), map[string]any{"frontier": []string{}, "seen": []string{}, "fit": 10})),
		st("cypherCounterparts", cypherCounterparts, map[string]any{"id": "x", "types": []string{}, "limit": 10}),
		st("cypherConflictCandidates", cypherConflictCandidates, map[string]any{"types": []string{}, "entityIds": []string{}}),
		st("cypherConflictCandidatesByEntities", cypherConflictCandidatesByEntities, map[string]any{"types": []string{}, "entityIds": []string{}}),
		st("cypherPaths1", cypherPaths1, paths),
		st("cypherPaths2", cypherPaths2, paths),
		st("cypherPaths3", cypherPaths3, paths),
		st("cypherPaths4", cypherPaths4, paths),
		st("cypherPaths5", cypherPaths5, paths),
		st("cypherPaths6", cypherPaths6, paths),
		st("cypherSearchFulltext", cypherSearchFulltext, map[string]any{"query": "x", "fetch": 10, "kinds": []string{}}),
	}
}

// TestCypherLint feeds every statement to Neo4j's own Cypher 5 parser and
// semantic analysis (cypherlint/lint.js) and wants no error and no warning.
// It needs Node.js and never skips: CI must have it.
func TestCypherLint(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed; the Cypher lint needs Node.js (apt-get install nodejs npm)")
	}
	dir := "cypherlint"
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@neo4j-cypher", "language-support")); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}

	statements := lintStatements()
	checkCoverage(t, statements)

	var labels []string
	for _, k := range kg.EntityKinds {
		labels = append(labels, string(k))
	}
	relTypes := append([]string(nil), graphRelationshipTypes...)
	for _, et := range kg.EventTypes {
		relTypes = append(relTypes, string(et))
	}
	req, err := json.Marshal(map[string]any{
		"schema": map[string]any{
			"labels": append(labels, graphLabels...), "relationshipTypes": relTypes,
			"propertyKeys": append(append([]string(nil), graphPropertyKeys...), rowKeys...),
		},
		"statements": statements,
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "lint.js")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lint.js: %v\n%s", err, stderr.String())
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var res struct {
			Name        string
			Diagnostics []struct {
				Severity        int
				Message         string
				Line, Character int
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			t.Fatalf("lint.js output %q: %v", sc.Text(), err)
		}
		seen++
		for _, d := range res.Diagnostics {
			kind := map[int]string{1: "error", 2: "warning"}[d.Severity]
			t.Errorf("%s:%d:%d: %s: %s", res.Name, d.Line, d.Character, kind, d.Message)
		}
	}
	if got, want := seen, len(statements); got != want {
		t.Fatalf("lint.js answered for %d statements, want %d", got, want)
	}
}

// checkCoverage fails when a cypher* constant in the package source is not
// in the lint list, so a new statement cannot escape the lint.
func checkCoverage(t *testing.T, statements []lintStatement) {
	t.Helper()
	listed := map[string]bool{}
	for _, s := range statements {
		listed[s.Name] = true
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				spec, ok := n.(*ast.ValueSpec)
				if !ok {
					return true
				}
				for _, id := range spec.Names {
					if strings.HasPrefix(id.Name, "cypher") && id.Obj != nil && id.Obj.Kind == ast.Con && !listed[id.Name] {
						missing = append(missing, id.Name)
					}
				}
				return true
			})
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("Cypher constants not linted: %v", missing)
	}
}
