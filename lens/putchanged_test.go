package lens

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPutChanged edits trees read by a nested lens and checks that
// PutChanged writes what Put writes, for edits deep inside one block,
// at the top, and on a tree whose spans belong to another text.
func TestPutChanged(t *testing.T) {
	l := lawConfLens()
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "blk%c {\n  x = %d;\n  inner { y=%d; }\n}\nz = %d;\n", 'a'+i%26, i, i, i)
	}
	text := b.String()
	cases := []struct {
		name string
		edit func(root *tree.Node)
	}{
		{"nothing", func(*tree.Node) {}},
		{"a value deep down", func(root *tree.Node) {
			child(child(root.Child(20), "inner", 1), "y", 1).SetValue("99")
		}},
		{"a new leaf in a block", func(root *tree.Node) {
			root.Child(30).Append(tree.NewValue("w", "7"))
		}},
		{"a block removed", func(root *tree.Node) { root.Child(4).Detach() }},
		{"a top-level value", func(root *tree.Node) { root.Child(1).SetValue("5") }},
		{"two blocks swapped", func(root *tree.Node) { root.Insert(0, root.Child(2)) }},
		{"a value the lens refuses", func(root *tree.Node) {
			child(root.Child(10), "x", 1).SetValue("not a number")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := l.Get(text)
			require.NoError(t, err)
			b, err := l.Get(text)
			require.NoError(t, err)
			c.edit(a)
			c.edit(b)
			want, werr := l.Put(a, text)
			got, gerr := l.PutChanged(b, text)
			assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr))
			assert.Equal(t, want, got)
		})
	}
	t.Run("spans of another text", func(t *testing.T) {
		other := strings.Replace(text, "x = 3;", "x   =   3;", 1)
		a, err := l.Get(other)
		require.NoError(t, err)
		child(a.Child(40), "x", 1).SetValue("1")
		want, err := l.Put(a, text)
		require.NoError(t, err)
		got, err := l.PutChanged(a, text)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}
