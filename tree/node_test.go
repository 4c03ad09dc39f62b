package tree

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetChildrenMovesFromOtherParents(t *testing.T) {
	a, b, dst := New("a"), New("b"), New("dst")
	a1, a2, a3, b1 := New("a1"), New("a2"), New("a3"), New("b1")
	a.Append(a1, a2, a3)
	b.Append(b1)
	old := New("old")
	dst.Append(old)
	dst.SetChildren([]*Node{a3, b1, a1})
	assert.Equal(t, []*Node{a2}, a.Children(), "moved nodes leave their old parent, the rest keep their order")
	assert.Empty(t, b.Children())
	assert.Equal(t, []*Node{a3, b1, a1}, dst.Children())
	for _, c := range dst.Children() {
		assert.Same(t, dst, c.Parent())
	}
	assert.Nil(t, old.Parent(), "the replaced children are detached")
	// a node that is both moved and the old parent of another moved node
	p, q := New("p"), New("q")
	top := New("top")
	top.Append(p)
	p.Append(q)
	dst.SetChildren([]*Node{p, q})
	assert.Empty(t, top.Children())
	assert.Empty(t, p.Children())
	assert.Same(t, dst, q.Parent())
}

// TestSetChildrenFromAnotherNodesList: the new list may be the old
// parent's own slice.
func TestSetChildrenFromAnotherNodesList(t *testing.T) {
	src, dst := New("src"), New("dst")
	x, y := New("x"), New("y")
	src.Append(x, y)
	dst.SetChildren(src.Children())
	assert.Equal(t, []*Node{x, y}, dst.Children())
	assert.Empty(t, src.Children())
	assert.Same(t, dst, y.Parent())
}

func TestNodesMakesIndependentNodes(t *testing.T) {
	for _, chunk := range []int{0, 1, 2, 64} {
		a := &Nodes{Chunk: chunk}
		root := a.NewHidden()
		var made []*Node
		for i := 0; i < 5; i++ {
			n := a.New(strconv.Itoa(i))
			n.SetValue("v" + strconv.Itoa(i))
			root.Append(n)
			made = append(made, n)
		}
		assert.True(t, root.Hidden(), "chunk %d", chunk)
		require.Equal(t, 5, root.Len())
		for i, n := range made {
			label, ok := n.Label()
			assert.True(t, ok)
			assert.Equal(t, strconv.Itoa(i), label, "chunk %d", chunk)
			v, _ := n.Value()
			assert.Equal(t, "v"+strconv.Itoa(i), v, "chunk %d", chunk)
			assert.Same(t, root, n.Parent())
			assert.Equal(t, 0, n.Len())
		}
		made[1].Detach()
		assert.Equal(t, "0 2 3 4", labels(root), "chunk %d", chunk)
	}
}

func labels(n *Node) string {
	var out []string
	for _, c := range n.Children() {
		l, _ := c.Label()
		out = append(out, l)
	}
	return strings.Join(out, " ")
}
