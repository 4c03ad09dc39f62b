package tree

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingExpander makes two children and counts its calls.
type countingExpander struct{ calls atomic.Int32 }

func (e *countingExpander) Expand() []*Node {
	e.calls.Add(1)
	return []*Node{NewValue("a", "1"), NewValue("b", "2")}
}

func lazyNode() (*Node, *countingExpander) {
	e := &countingExpander{}
	n := New("x")
	SetLazy(n, e)
	return n, e
}

// TestLazyChildren: every way of looking at or changing the children of
// a lazy node makes them first, once, with their parent set, and
// nothing counts as changed for it.
func TestLazyChildren(t *testing.T) {
	for _, c := range []struct {
		name string
		use  func(n *Node) string
	}{
		{"Children", func(n *Node) string { return Dump(n) }},
		{"Len", func(n *Node) string { assert.Equal(t, 2, n.Len()); return Dump(n) }},
		{"Child", func(n *Node) string { l, _ := n.Child(1).Label(); assert.Equal(t, "b", l); return Dump(n) }},
		{"Append", func(n *Node) string { n.Append(New("c")); return Dump(n) }},
		{"Insert", func(n *Node) string { n.Insert(0, New("c")); return Dump(n) }},
		{"Remove", func(n *Node) string { n.Remove(0); return Dump(n) }},
		{"Clone", func(n *Node) string { return Dump(n.Clone()) }},
		{"Equal", func(n *Node) string {
			m := New("x")
			m.Append(NewValue("a", "1"), NewValue("b", "2"))
			ClearChanges(m)
			assert.True(t, Equal(m, n))
			return Dump(n)
		}},
		{"path", func(n *Node) string {
			got, err := MustParsePath("b").Match(n)
			require.NoError(t, err)
			require.Len(t, got, 1)
			return Dump(n)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, e := lazyNode()
			assert.True(t, IsLazy(n))
			assert.False(t, SubtreeChanged(n))
			c.use(n)
			assert.False(t, IsLazy(n))
			assert.Equal(t, int32(1), e.calls.Load())
			for _, k := range n.Children() {
				assert.Same(t, n, k.Parent())
			}
			assert.Equal(t, int32(1), e.calls.Load(), "made once")
		})
	}
	n, _ := lazyNode()
	n.Children()
	assert.False(t, SubtreeChanged(n), "reading the children changes nothing")
}

// TestLazyConcurrent: readers racing for a lazy node's children get the
// same list, made once (run with -race).
func TestLazyConcurrent(t *testing.T) {
	n, e := lazyNode()
	var wg sync.WaitGroup
	out := make([]string, 8)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Dump(n)
		}()
	}
	wg.Wait()
	for _, s := range out {
		assert.Equal(t, "/a = \"1\"\n/b = \"2\"\n", s)
	}
	assert.Equal(t, int32(1), e.calls.Load())
}

// batchExpander makes one child per node, and counts batch calls.
type batchExpander struct {
	label   string
	batches *atomic.Int32
	singles *atomic.Int32
	refuse  bool
}

func (e *batchExpander) Expand() []*Node {
	e.singles.Add(1)
	return []*Node{New(e.label)}
}

func (e *batchExpander) ExpandBatch(es []Expander) [][]*Node {
	if e.refuse {
		return nil
	}
	e.batches.Add(1)
	out := make([][]*Node, len(es))
	for k, x := range es {
		out[k] = []*Node{New(x.(*batchExpander).label)}
	}
	return out
}

// TestReadAll: ReadAll makes every lazy node's children, in batches when
// the expanders can, one by one when they refuse, each once.
func TestReadAll(t *testing.T) {
	for _, refuse := range []bool{false, true} {
		var batches, singles atomic.Int32
		root := New("r")
		const n = 1000
		for i := range n {
			c := New("c")
			SetLazy(c, &batchExpander{label: "k" + string(rune('a'+i%26)), batches: &batches, singles: &singles, refuse: refuse})
			root.Append(c)
		}
		root.Child(5).Children() // one already made
		root.readAll()
		for i, c := range root.Children() {
			require.False(t, IsLazy(c))
			require.Equal(t, 1, c.Len())
			l, _ := c.Child(0).Label()
			assert.Equal(t, "k"+string(rune('a'+i%26)), l)
			assert.Same(t, c, c.Child(0).Parent())
		}
		if refuse {
			assert.Equal(t, int32(n), singles.Load())
			assert.Zero(t, batches.Load())
		} else {
			assert.Equal(t, int32(1), singles.Load(), "only the node made before")
			assert.Positive(t, batches.Load())
		}
	}
}
