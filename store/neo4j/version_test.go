package neo4jstore

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
	"github.com/newsgraph/kg/store/storetest"
)

// Test-only statements: testCountVersionNodes counts data version nodes,
// of which the uniqueness constraint allows one; testLockVersion takes the
// version node's write lock without changing it.
const (
	testCountVersionNodes = `MATCH (v:DataVersion) RETURN count(v) AS n`
	testLockVersion       = `MATCH (v:DataVersion {key: 'graph'}) SET v.value = v.value`
)

// TestBoltDataVersion runs the shared data version checks, and the ones
// only this store's design promises, against the Bolt server at
// KG_BOLT_URI.
func TestBoltDataVersion(t *testing.T) {
	cfg := boltConfig(t)
	ctx := context.Background()

	t.Run("Shared", func(t *testing.T) { storetest.RunDataVersion(t, openPair(cfg)) })

	t.Run("UnchangedReloadKeepsIt", func(t *testing.T) {
		s := openEmpty(t, cfg)
		xs := storetest.Fixtures()
		storetest.SaveAll(t, s, xs)
		before := mustVersion(t, s)
		for _, x := range storetest.Fixtures() {
			res, err := s.Save(ctx, x)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Unchanged {
				t.Fatalf("re-save of %s = %+v, want Unchanged", x.Document.ID, res)
			}
		}
		if got := mustVersion(t, s); got != before {
			t.Fatalf("an unchanged re-load moved the version from %d to %d; it writes nothing", before, got)
		}
	})

	// Two stores load at once while a reader reads the version, the
	// document count and the version again. When both versions agree no
	// write committed in between, so the count is the data at that
	// version, and one version must never come with two counts: that
	// would be new data under an old version, which a cache would serve
	// stale.
	t.Run("ConcurrentWriters", func(t *testing.T) {
		open := openPair(cfg)
		s, other := open(t)
		a, b := s.(*Store), other.(*Store)
		if nornicDB() {
			// Not on NornicDB: two transactions that MERGE the same new
			// entity both create it and one fails at commit with a
			// uniqueness violation, where Neo4j's MERGE locks the key and
			// the second finds the first's node. Both writers' entities
			// (and the version node) are created beforehand, so only
			// writes to existing nodes race there.
			t.Log("NornicDB: concurrent MERGE of one new key fails at commit; creating the writers' entities first")
			storetest.SaveAll(t, a, generate(40, 2, "warm-up"))
		}
		v0 := mustVersion(t, a)
		var wg sync.WaitGroup
		errs := make(chan error, 2)
		for _, w := range []struct {
			s    *Store
			salt string
		}{{a, "writer-a"}, {b, "writer-b"}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, x := range generate(40, 2, w.salt) {
					if _, err := w.s.Save(ctx, x); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()

		counts := map[int64]int{}
		sandwiches := 0
		for running := true; running; {
			select {
			case <-done:
				running = false
			default:
			}
			va := mustVersion(t, a)
			st, err := a.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if vb := mustVersion(t, b); vb != va {
				continue
			}
			sandwiches++
			if n, ok := counts[va]; ok && n != st.Documents {
				t.Fatalf("version %d came with %d documents and later with %d", va, n, st.Documents)
			}
			counts[va] = st.Documents
		}
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if got := mustVersion(t, a); got == v0 {
			t.Fatal("the version did not move after two stores saved")
		}
		if n := countVersionNodes(t, a); n != 1 {
			t.Fatalf("%d data version nodes, want 1", n)
		}
		t.Logf("%d consistent reads over %d versions", sandwiches, len(counts))
	})
}

// TestBoltDataVersionHeld holds the version node's write lock in an open
// transaction while a save runs. The save can then commit neither its data
// nor its version, so readers must keep seeing the old data under the old
// version; had the version been bumped in a transaction of its own, the
// data would show while the bump waited. NornicDB does not lock: there the
// save commits at once and the check reduces to "new data, new version".
func TestBoltDataVersionHeld(t *testing.T) {
	cfg := boltConfig(t)
	ctx := context.Background()
	s := openEmpty(t, cfg)
	xs := storetest.Fixtures()
	storetest.SaveAll(t, s, xs[:1])
	old := mustVersion(t, s)
	docs := func() int {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st.Documents
	}
	oldDocs := docs()

	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close(ctx)
	res, err := tx.Run(ctx, testLockVersion, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		t.Fatalf("lock the version node: %v", err)
	}

	saved := make(chan error, 1)
	go func() {
		_, err := s.Save(ctx, xs[1])
		saved <- err
	}()
	deadline := time.After(1500 * time.Millisecond)
	var saveErr error
	waiting := true
	for polls := 0; waiting; polls++ {
		select {
		case saveErr = <-saved:
			waiting = false
		case <-deadline:
			t.Logf("the save waited for the lock through %d reads", polls)
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
			saveErr = <-saved
			waiting = false
		default:
		}
		va := mustVersion(t, s)
		n := docs()
		if vb := mustVersion(t, s); va == vb && va == old && n != oldDocs {
			t.Fatalf("%d documents under the old version %d, which held %d: new data under an old version", n, old, oldDocs)
		}
	}
	if saveErr != nil {
		t.Fatal(saveErr)
	}
	if got := mustVersion(t, s); got == old {
		t.Fatal("the version did not move after the save")
	}
	if got, want := docs(), oldDocs+1; got != want {
		t.Fatalf("%d documents after the save, want %d", got, want)
	}
}

// TestDataVersionUnreachable needs no server: a store whose server went
// away must say EUNAVAILABLE, so that the response cache steps aside.
func TestDataVersionUnreachable(t *testing.T) {
	drv, err := neo4j.NewDriverWithContext("bolt://127.0.0.1:1", neo4j.NoAuth(), func(c *neo4j.Config) {
		c.MaxTransactionRetryTime = 1
	})
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{driver: drv, batch: DefaultBatchSize}
	defer s.Close()
	_, err = s.DataVersion(context.Background())
	if got, want := kg.ErrorCode(err), kg.EUNAVAILABLE; got != want {
		t.Fatalf("code = %q (%v), want %q", got, err, want)
	}
}

func mustVersion(t *testing.T, s *Store) int64 {
	t.Helper()
	v, err := s.DataVersion(context.Background())
	if err != nil {
		t.Fatalf("data version: %v", err)
	}
	return v
}

func countVersionNodes(t *testing.T, s *Store) int64 {
	t.Helper()
	ctx := context.Background()
	var n int64
	err := s.read(ctx, "count", func(tx neo4j.ManagedTransaction) error {
		var err error
		n, err = single[int64](ctx, tx, testCountVersionNodes, nil, "n")
		return err
	})
	if err != nil {
		t.Fatalf("count version nodes: %v", err)
	}
	return n
}
