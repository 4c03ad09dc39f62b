package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadedHosts is hosts() with /files/hosts marked as a file's node.
func loadedHosts(t *testing.T) (root, file *Node) {
	root = hosts()
	ns, err := mustParse(t, "/files/hosts").Match(root)
	require.NoError(t, err)
	require.Len(t, ns, 1)
	SetFileRoot(ns[0], true)
	return root, ns[0]
}

func modified(t *testing.T, root *Node) string {
	t.Helper()
	ns, err := mustParse(t, "//*[modified()]").Match(root)
	require.NoError(t, err)
	return paths(ns)
}

func one(t *testing.T, root *Node, p string) *Node {
	t.Helper()
	ns, err := mustParse(t, p).Match(root)
	require.NoError(t, err)
	require.Len(t, ns, 1, p)
	return ns[0]
}

// TestModified checks modified() against what augtool 1.14 answers for
// the same edits: the changed node and the file's node, not the nodes
// in between.
func TestModified(t *testing.T) {
	cases := []struct {
		name string
		edit func(t *testing.T, root *Node)
		want string
	}{
		{"nothing", func(*testing.T, *Node) {}, ""},
		{"set a value", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/2/canonical").SetValue("other")
		}, "/files/hosts /files/hosts/2/canonical"},
		{"set the same value", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/2/canonical").SetValue("ip6")
		}, ""},
		{"clear a value", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/1/ipaddr").ClearValue()
		}, "/files/hosts /files/hosts/1/ipaddr"},
		{"rename", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/1/canonical").SetLabel("name")
		}, "/files/hosts /files/hosts/1/name"},
		{"new node", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/1").Append(NewValue("alias", "new"))
		}, "/files/hosts /files/hosts/1/alias[2]"},
		{"insert", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/1").Insert(0, New("x"))
		}, "/files/hosts /files/hosts/1/x"},
		{"remove", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/2/alias[1]").Detach()
		}, "/files/hosts /files/hosts/2"},
		{"move", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts/1").Append(one(t, root, "/files/hosts/2/alias[2]"))
		}, "/files/hosts /files/hosts/2 /files/hosts/1/alias[2]"}, // augtool's order
		{"copy", func(t *testing.T, root *Node) {
			one(t, root, "/files/hosts").Append(one(t, root, "/files/hosts/1").Clone())
		}, "/files/hosts /files/hosts/1[2] /files/hosts/1[2]/ipaddr /files/hosts/1[2]/canonical /files/hosts/1[2]/alias"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, _ := loadedHosts(t)
			c.edit(t, root)
			assert.Equal(t, c.want, modified(t, root))
		})
	}
}

func TestChangedAndClearChanges(t *testing.T) {
	root, file := loadedHosts(t)
	e1, e2 := one(t, root, "/files/hosts/1"), one(t, root, "/files/hosts/2")
	assert.False(t, SubtreeChanged(root))

	one(t, root, "/files/hosts/2/alias[2]").SetValue("b")
	assert.True(t, SubtreeChanged(root), "ancestors see changes below them")
	assert.True(t, SubtreeChanged(file))
	assert.True(t, SubtreeChanged(e2))
	assert.False(t, SelfChanged(e2))
	assert.False(t, ChildrenChanged(e2))
	assert.False(t, SubtreeChanged(e1), "siblings do not")

	e1.Append(New("x"))
	assert.True(t, ChildrenChanged(e1))
	assert.False(t, SelfChanged(e1))
	assert.False(t, ChildrenChanged(file))

	ClearChanges(file)
	assert.False(t, SubtreeChanged(file))
	assert.False(t, SubtreeChanged(e1))
	assert.Empty(t, modified(t, root))
	assert.True(t, file.Modified() == false && SubtreeChanged(root), "ClearChanges leaves the ancestors alone")

	// after clearing, changes are seen again through the cleared nodes
	one(t, root, "/files/hosts/1/x").SetValue("v")
	assert.True(t, SubtreeChanged(file))
	assert.True(t, SubtreeChanged(e1))
	assert.Equal(t, "/files/hosts /files/hosts/1/x", modified(t, root))

	e2.Detach()
	assert.True(t, SelfChanged(file), "a removed child marks its parent")
	assert.True(t, ChildrenChanged(file))
	assert.True(t, SubtreeChanged(e2) == false || e2.Parent() == nil)
}

func TestSetChildrenMarks(t *testing.T) {
	src, dst := New("src"), New("dst")
	x := New("x")
	src.Append(x)
	ClearChanges(src)
	dst.SetChildren([]*Node{x})
	assert.True(t, SelfChanged(src) && ChildrenChanged(src), "the old parent lost a child")
	assert.True(t, ChildrenChanged(dst))
	assert.False(t, SelfChanged(dst), "nothing was removed from dst")
	assert.True(t, x.Modified(), "a moved node is modified")
	ClearChanges(dst)
	dst.SetChildren(nil)
	assert.True(t, SelfChanged(dst))
}

func mustParse(t *testing.T, p string) *Path {
	t.Helper()
	pp, err := ParsePath(p)
	require.NoError(t, err)
	return pp
}
