package tree

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAllocMakesIndependentNodes(t *testing.T) {
	for _, chunk := range []int{0, 1, 2, 64} {
		a := &Alloc{Chunk: chunk}
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
