package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// These tests run against any Bolt server at KG_BOLT_URI; CI starts
// NornicDB with .ci/bolt-server.sh. NornicDB is not Neo4j and silently gets
// parts of Cypher wrong (see shared/notes/neo4j-here.md; here, for example,
// event nodes and accumulated aliases), so they check only the driver path:
// connect, schema, batched writes, reads by key, retries across a server
// restart, idempotent re-loads, all as comparisons of a load with itself.
// Query results are checked by the shared suite (TestStoreSuite), which
// runs only against real Neo4j.

// nornicDB reports whether KG_BOLT_SERVER says the server is NornicDB,
// whose known defects switch off the checks marked "not on NornicDB":
// it drops event nodes on a document's first save but writes them on a
// re-save, and after a kill -9 mid-load it ends with extra relationships.
// Against real Neo4j (KG_BOLT_SERVER unset) every check runs.
func nornicDB() bool { return os.Getenv("KG_BOLT_SERVER") == "nornicdb" }

// boltConfig returns the server's config, or skips loudly.
func boltConfig(t testing.TB) Config {
	uri := os.Getenv("KG_BOLT_URI")
	if uri == "" {
		msg := "SKIPPING Bolt wiring tests: KG_BOLT_URI is not set (start one with .ci/bolt-server.sh start)"
		if os.Getenv("KG_REQUIRE_SERVICES") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return Config{URI: uri, User: os.Getenv("KG_BOLT_USER"), Password: os.Getenv("KG_BOLT_PASSWORD"),
		BatchSize: 50, MaxRetryTime: 90 * time.Second}
}

// boltLoad is the storetest fixtures plus several hundred generated
// documents whose entities recur.
func boltLoad(extractor string) []*kg.Extraction {
	xs := append(storetest.Fixtures(), generate(300, 3, "bolt")...)
	for _, x := range xs {
		x.Document.Extractor = extractor
	}
	return xs
}

// saveAll saves xs one document per transaction, counting progress.
func saveAll(ctx context.Context, s *Store, xs []*kg.Extraction, done *atomic.Int64) error {
	for _, x := range xs {
		if _, err := s.Save(ctx, x); err != nil {
			return fmt.Errorf("save %s: %w", x.Document.ID, err)
		}
		done.Add(1)
	}
	return nil
}

func TestBoltLoad(t *testing.T) {
	cfg := boltConfig(t)
	ctx := context.Background()
	s := openEmpty(t, cfg)
	xs := boltLoad("bolt/v1")
	var done atomic.Int64
	if err := saveAll(ctx, s, xs, &done); err != nil {
		t.Fatal(err)
	}

	t.Run("ReadByKey", func(t *testing.T) {
		ids := make([]string, len(xs))
		for i, x := range xs {
			ids[i] = x.Document.ID
		}
		docs, err := s.Documents(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			if d == nil || d.Title != xs[i].Document.Title || d.Text != xs[i].Document.Text {
				t.Fatalf("document %s read back as %+v", ids[i], d)
			}
		}
		first := map[string]kg.Entity{}
		var eids []string
		for _, x := range xs {
			for _, e := range x.Entities {
				if _, ok := first[e.ID]; !ok {
					first[e.ID] = e
					eids = append(eids, e.ID)
				}
			}
		}
		got, err := s.Entities(ctx, append(eids, "person:nobody"))
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range eids {
			w := first[id]
			if g := got[i]; g == nil || g.ID != id || g.Kind != w.Kind || g.Name != w.Name {
				t.Fatalf("entity %s read back as %+v", id, g)
			}
		}
		if got[len(eids)] != nil {
			t.Fatalf("missing entity read back as %+v", got[len(eids)])
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Events are not compared: not on NornicDB, which drops them.
		if got, want := [2]int{st.Documents, st.Entities}, [2]int{len(xs), len(eids)}; got != want {
			t.Fatalf("documents, entities = %v, want %v", got, want)
		}
	})

	nodes, rels := graphCounts(t, s)
	t.Logf("undisturbed load: %d documents, %d nodes, %d relationships", len(xs), nodes, rels)

	t.Run("ReloadChangesNothing", func(t *testing.T) {
		exts := []string{"bolt/v1", "bolt/v2"} // same, then a new extractor
		if nornicDB() {
			exts = exts[:1] // not on NornicDB: a re-save writes the events the first save dropped
		}
		for _, ext := range exts {
			var n atomic.Int64
			if err := saveAll(ctx, s, boltLoad(ext), &n); err != nil {
				t.Fatal(err)
			}
			if gn, gr := graphCounts(t, s); gn != nodes || gr != rels {
				t.Fatalf("after re-load by %s: %d nodes, %d relationships; want %d, %d", ext, gn, gr, nodes, rels)
			}
		}
	})

	t.Run("RestartMidLoad", func(t *testing.T) {
		restart := os.Getenv("KG_BOLT_RESTART_CMD")
		if restart == "" {
			msg := "SKIPPING restart test: KG_BOLT_RESTART_CMD is not set (e.g. '.ci/bolt-server.sh restart')"
			if os.Getenv("KG_REQUIRE_SERVICES") == "1" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
		s := openEmpty(t, cfg)
		xs := boltLoad("bolt/v1")
		var done atomic.Int64
		loaded := make(chan error, 1)
		go func() { loaded <- saveAll(ctx, s, xs, &done) }()
		for done.Load() < int64(len(xs)/3) {
			time.Sleep(10 * time.Millisecond)
		}
		at := done.Load()
		cmd := exec.Command("sh", "-c", restart)
		cmd.Dir = "../.." // commands are given relative to the repository root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("restart: %v\n%s", err, out)
		}
		t.Logf("server restarted after %d of %d documents; %d saved while it was down or starting", at, len(xs), done.Load()-at)
		if err := <-loaded; err != nil {
			t.Fatalf("load across restart: %v", err)
		}
		if at >= int64(len(xs)) {
			t.Fatal("the load finished before the restart; nothing was tested")
		}
		gn, gr := graphCounts(t, s)
		if nornicDB() && gn == nodes {
			t.Logf("not on NornicDB: relationships after restart %d, undisturbed %d (not compared)", gr, rels)
			gr = rels
		}
		if gn != nodes || gr != rels {
			t.Fatalf("after restart: %d nodes, %d relationships; an undisturbed load gives %d, %d", gn, gr, nodes, rels)
		}
	})
}

// BenchmarkBoltBatchSize measures loading speed against UNWIND batch size:
// SaveBatch of 50 generated documents per iteration, reported as rows/s.
// Against NornicDB the figures say little about Neo4j.
func BenchmarkBoltBatchSize(b *testing.B) {
	cfg := boltConfig(b)
	ctx := context.Background()
	for _, size := range []int{50, 200, 1000} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			cfg := cfg
			cfg.BatchSize = size
			s := openEmpty(b, cfg)
			rows := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				xs := generate(50, 5, fmt.Sprintf("bench-%d-%d", size, i))
				rows += planRows(xs).rows()
				b.StartTimer()
				if _, err := s.SaveBatch(ctx, xs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
