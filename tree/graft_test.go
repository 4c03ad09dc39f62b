package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGraftPrunePlace(t *testing.T) {
	root := NewHidden()
	a, b, c := New("a"), New("b"), New("c")
	root.Append(a, b, c)
	ClearChanges(root)

	kid := NewValue("x", "1")
	kid.Append(New("y"))
	Graft(b, []*Node{kid})
	assert.Equal(t, kid, b.Child(0))
	assert.Equal(t, b, kid.Parent())
	assert.False(t, SubtreeChanged(root), "a graft marks nothing")
	assert.False(t, SubtreeChanged(kid))

	Place(root, 0, c)
	assert.Equal(t, []*Node{c, a, b}, root.Children())
	Place(root, 99, c)
	assert.Equal(t, []*Node{a, b, c}, root.Children())
	Prune(a)
	assert.Equal(t, []*Node{b, c}, root.Children())
	assert.Nil(t, a.Parent())
	assert.False(t, SubtreeChanged(root), "prune and place mark nothing")
	assert.False(t, root.Modified())
}
