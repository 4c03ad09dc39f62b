package lens_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dumpAll is every node of the tree with its label, value and span (it
// opens every lazy node).
func dumpAll(root *tree.Node) string {
	var b strings.Builder
	var walk func(n *tree.Node, depth int)
	walk = func(n *tree.Node, depth int) {
		p, hasP := n.Label()
		v, hasV := n.Value()
		fmt.Fprintf(&b, "%d %q/%v=%q/%v %+v\n", depth, p, hasP, v, hasV, n.Span)
		for _, k := range n.Children() {
			if k.Parent() != n {
				b.WriteString("wrong parent\n")
			}
			walk(k, depth+1)
		}
	}
	walk(root, 0)
	return b.String()
}

// TestGetLazySame: GetLazy leaves levels unread, and gives GetLayout's
// tree once they are looked at; PutChangedLayout after an edit of one
// node writes what it writes for the eager tree.
func TestGetLazySame(t *testing.T) {
	for _, c := range []struct {
		module, text string
		lazy         bool
	}{
		{"Interfaces", gen.Interfaces(2000), true},
		{"Interfaces", "# head\n" + gen.Interfaces(30), true},
		{"Hosts", gen.Hosts(3000), true},
		{"Modprobe", gen.Modprobe(3000), true},
		{"Resolv", gen.Resolv(300), true},
		{"Sysctl", gen.Sysctl(3000), false}, // only trailing comments are below an entry: none here
		{"Shellvars", strings.Repeat(gen.Ifcfg(3), 50), false},
	} {
		t.Run(c.module, func(t *testing.T) {
			l := shippedLens(t, c.module)
			eager, _, err := l.GetLayout(c.text)
			require.NoError(t, err)
			lazy, _, err := l.GetLazy(c.text)
			require.NoError(t, err)
			unread := 0
			for _, k := range lazy.Children() {
				if tree.IsLazy(k) {
					unread++
				}
			}
			assert.Equal(t, c.lazy, unread > 0, "top-level nodes left unread: %d", unread)
			assert.Equal(t, dumpAll(eager), dumpAll(lazy))
			for _, k := range lazy.Children() {
				assert.False(t, tree.IsLazy(k), "looked at, so read")
			}

			// edit the middle node of a fresh lazy tree and of the
			// eager one: same text out, and the other nodes stay unread
			lazy, lay, err := l.GetLazy(c.text)
			require.NoError(t, err)
			eager, elay, err := l.GetLayout(c.text)
			require.NoError(t, err)
			edited := false
			for _, root := range []*tree.Node{eager, lazy} {
				// repeat the last child of the first node from the middle
				// on that has children (the put may refuse it: then both
				// must)
				for k := root.Len() / 2; k < root.Len(); k++ {
					if mid := root.Child(k); mid.Len() > 0 {
						mid.Append(mid.Child(mid.Len() - 1).Clone())
						edited = true
						break
					}
				}
			}
			want, werr := l.PutChangedLayout(eager, c.text, elay)
			got, gerr := l.PutChangedLayout(lazy, c.text, lay)
			assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr))
			assert.True(t, want == got, "PutChangedLayout differs on the lazy tree")
			assert.True(t, !edited || werr != nil || got != c.text, "the edit shows")
			unread = 0
			for k := range lazy.Len() / 2 {
				if tree.IsLazy(lazy.Child(k)) {
					unread++
				}
			}
			if werr == nil {
				assert.Equal(t, c.lazy, unread > 0, "nodes before the edit stay unread through the save")
			}
		})
	}
}

// TestGetLazyErrors: errors anywhere are found at once, as GetLayout
// finds them.
func TestGetLazyErrors(t *testing.T) {
	l := shippedLens(t, "Interfaces")
	text := gen.Interfaces(500)
	for _, at := range []int{len(text) / 3, len(text) - 50} {
		nl := strings.IndexByte(text[at:], '\n') + at + 1
		for _, bad := range []string{text[:nl] + "iface\n" + text[nl:], text[:nl] + "  address\n" + text[nl:]} {
			_, _, want := l.GetLayout(bad)
			_, _, got := l.GetLazy(bad)
			require.Error(t, want)
			require.Error(t, got)
			assert.Equal(t, want.Error(), got.Error())
		}
	}
}

// TestGetLazyConcurrent: goroutines reading one lazy tree at once open
// each node once and all see the same tree (run with -race).
func TestGetLazyConcurrent(t *testing.T) {
	l := shippedLens(t, "Interfaces")
	text := gen.Interfaces(300)
	eager, err := l.Get(text)
	require.NoError(t, err)
	want := dumpAll(eager)
	lazy, _, err := l.GetLazy(text)
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([]string, 4)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[g] = dumpAll(lazy)
		}()
	}
	wg.Wait()
	for _, s := range got {
		assert.Equal(t, want, s)
	}
}

// TestGetLazyPlan: which top-level subtrees may be left unread, on lenses
// made for the purpose: those whose nested seqs count from a counter of
// their own, and none whose reading again could differ.
func TestGetLazyPlan(t *testing.T) {
	re := regular.MustCompile
	must := func(l *lens.Lens, err error) *lens.Lens {
		t.Helper()
		require.NoError(t, err)
		return l
	}
	word := lens.Store(re("[a-z]+"))
	sp := lens.Del(re(" "), " ")
	nl := lens.Del(re("\n"), "\n")
	// [ seq NAME . del " " . store WORD ]*: items numbered by NAME
	items := func(name string) *lens.Lens {
		return must(lens.Star(lens.Subtree(must(lens.Concat(lens.Seq(name), sp, word)))))
	}
	line := func(parts ...*lens.Lens) *lens.Lens {
		return must(lens.Star(lens.Subtree(must(lens.Concat(append(parts, nl)...)))))
	}
	key := lens.Key(re("k"))
	for _, c := range []struct {
		name string
		l    *lens.Lens
		lazy bool
		text string
	}{
		{"counter then seqs", line(key, lens.Counter("n"), items("n")), true, "k a b\nk c\n"},
		{"seqs without counter", line(key, items("n")), false, "k a b\nk c\n"},
		{"nested, no seq", line(key, must(lens.Star(lens.Subtree(must(lens.Concat(lens.Key(re(" [a-z]+")))))))), true, "k a b\nk\n"},
		{"no nested subtree", line(key, sp, word), false, "k a\nk b\n"},
		// the top-level nodes are numbered by the name the nested
		// counter resets: skipping it would change their labels
		{"name shared with a top-level seq", line(lens.Seq("n"), lens.Del(re("k"), "k"), lens.Counter("n"), items("n")), false, "k a b\nk c\n"},
		{"square", line(must(lens.Square(lens.Key(re("<[a-z]>")), must(lens.Star(lens.Subtree(must(lens.Concat(lens.Key(re(" [a-z]+"))))))), lens.Del(re("<[a-z]>"), "<a>"), false))), false, "<a> b<a>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.lazy, lens.LazySubtrees(c.l) > 0)
			eager, err := c.l.Get(c.text)
			require.NoError(t, err)
			lazy, _, err := c.l.GetLazy(c.text)
			require.NoError(t, err)
			assert.Equal(t, c.lazy, tree.IsLazy(lazy.Child(0)))
			assert.Equal(t, dumpAll(eager), dumpAll(lazy))
		})
	}
}
