package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
