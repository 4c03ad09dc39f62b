package lens

import (
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSmoke(t *testing.T) {
	m := star(sub(key("[a-z]+"), del("[=:]", "="), store("[0-9]+")))
	assert.Equal(t, "/a = \"1\"\n/b = \"2\"\n", get(t, m, "a=1b:2"))
	root, err := m.Get("a=1b:2")
	require.NoError(t, err)
	root.Append(tree.NewValue("c", "3"))
	out, err := m.Put(root, "a=1b:2")
	require.NoError(t, err)
	assert.Equal(t, "a=1b:2c=3", out)
	root.Remove(0)
	out, err = m.Put(root, "a=1b:2")
	require.NoError(t, err)
	assert.Equal(t, "b:2c=3", out)
}
