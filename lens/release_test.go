package lens

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// releaseLenses returns n checked lenses of the law generator (not the
// shared corpus, which other tests use meanwhile), with texts of each.
func releaseLenses(t *testing.T, n int) ([]*Lens, [][]string) {
	var ls []*Lens
	var texts [][]string
	seed := uint64(90001)
	for len(ls) < n {
		l, s, _, _ := lawCheckedLens(seed)
		seed = s + 1
		ls = append(ls, l)
		texts = append(texts, lawTexts(t, rand.New(rand.NewPCG(s, 3)), l, 4))
	}
	return ls, texts
}

// releaseObserve is everything get, put and create of l do with the
// texts: trees, layouts' puts, edited trees put back, created texts,
// and the checker's verdict. Edits are drawn from a generator seeded
// alike every time.
func releaseObserve(l *Lens, texts []string, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 4))
	v := lawVocabOf(l)
	out := fmt.Sprintf("check %v\n", Check(l))
	for _, x := range texts {
		root, lay, err := l.GetLayout(x)
		if err != nil {
			out += fmt.Sprintf("get %q: %v\n", x, err)
			continue
		}
		out += fmt.Sprintf("get %q:\n%s", x, lawShowTree(root))
		if lazy, _, err := l.GetLazy(x); err == nil {
			out += "lazy:\n" + lawShowTree(lazy)
		}
		same, err := l.PutChangedLayout(root, x, lay)
		out += fmt.Sprintf("put unchanged %q %v\n", same, err)
		donor, _ := l.Get(x)
		edits := lawEdit(r, root, donor, v)
		put, err := l.Put(root, x)
		out += fmt.Sprintf("after %v put %q %v\n", edits, put, err)
		created, err := l.Create(root)
		out += fmt.Sprintf("create %q %v\n", created, err)
	}
	return out
}

// TestReleaseKeepsResults: get, put, create and the checker give the
// same after Release, with the caches built in full or in part.
func TestReleaseKeepsResults(t *testing.T) {
	ls, texts := releaseLenses(t, 150)
	for i, l := range ls {
		want := releaseObserve(l, texts[i], uint64(i))
		for round := range 3 {
			l.Release()
			if round == 1 && len(texts[i]) > 0 {
				// half built: only get's languages
				_, _ = l.Get(texts[i][0])
				l.Release()
			}
			require.Equal(t, want, releaseObserve(l, texts[i], uint64(i)), "round %d\n%s", round, lawShowLens(l))
		}
	}
}

// releaseCaches counts the caches held by l and the lenses inside it.
func releaseCaches(l *Lens) int {
	n := 0
	seen := map[*Lens]bool{}
	var walk func(l *Lens)
	walk = func(l *Lens) {
		if seen[l] {
			return
		}
		seen[l] = true
		for _, set := range []bool{l.ty.Load() != nil, l.cty.Load() != nil, l.tt.Load() != nil, l.ctt.Load() != nil,
			l.plan.Load() != nil, l.split.Load() != nil, l.lazy.Load() != nil} {
			if set {
				n++
			}
		}
		for _, k := range l.kids {
			walk(k)
		}
	}
	walk(l)
	return n
}

// TestReleaseDropsCaches: Release empties every cache of the lenses in
// the DAG, recursive ones included.
func TestReleaseDropsCaches(t *testing.T) {
	ls, texts := releaseLenses(t, 40)
	recursive := 0
	for i, l := range ls {
		releaseObserve(l, texts[i], 1)
		require.Positive(t, releaseCaches(l))
		l.Release()
		assert.Zero(t, releaseCaches(l), lawShowLens(l))
		if l.Recursive() {
			recursive++
		}
	}
	assert.Positive(t, recursive)
}

// TestReleasedLensesConcurrently: lenses released and then used from
// several goroutines at once, again and again (run with -race).
func TestReleasedLensesConcurrently(t *testing.T) {
	ls, texts := releaseLenses(t, 30)
	want := make([]string, len(ls))
	for i, l := range ls {
		want[i] = releaseObserve(l, texts[i], 5)
	}
	for range 3 {
		for _, l := range ls {
			l.Release()
		}
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range ls {
					i := (k + w*7) % len(ls)
					assert.Equal(t, want[i], releaseObserve(ls[i], texts[i], 5))
				}
			}()
		}
		wg.Wait()
	}
}
