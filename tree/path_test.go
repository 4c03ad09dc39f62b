package tree

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sample: /a=1 /a=2 /b{/c=x /c=y} (hidden) /d\ e=3
func sample() *Node {
	root := NewHidden()
	b := New("b")
	b.Append(NewValue("c", "x"), NewValue("c", "y"))
	root.Append(NewValue("a", "1"), NewValue("a", "2"), b, NewHidden(), NewValue("d e", "3"))
	return root
}

func paths(ns []*Node) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Path())
	}
	return strings.Join(out, " ")
}

func TestPathMatch(t *testing.T) {
	cases := []struct{ path, want string }{
		{"/a", "/a[1] /a[2]"},
		{"a", "/a[1] /a[2]"},
		{"/a[2]", "/a[2]"},
		{"/a[last()]", "/a[2]"},
		{"/a[. = '1']", "/a[1]"},
		{`/a[.="2"]`, "/a[2]"},
		{"/a['2']", "/a[2]"},
		{"/*", "/a[1] /a[2] /b /d\\ e"},
		{"/b/c[2]", "/b/c[2]"},
		{"/*/c[1]", "/b/c[1]"},
		{"/b/c[. != 'x']/..", "/b"},
		{"/*[c]", "/b"},
		{"/*[c = 'y']", "/b"},
		{"/*[count(c) = 2]", "/b"},
		{"/*[label() = 'b' or . = '3']", "/b /d\\ e"},
		{"/a[position() = 1 and . = '1']", "/a[1]"},
		{"/a[not(. = '1')]", "/a[2]"},
		{`/d\ e`, "/d\\ e"},
		{"/d e", "/d\\ e"},
		{"/a[last()+1]", ""},
		{"/nosuch", ""},
		{"/", "/"},
	}
	root := sample()
	for _, c := range cases {
		p, err := ParsePath(c.path)
		require.NoError(t, err, c.path)
		ns, err := p.Match(root)
		require.NoError(t, err, c.path)
		assert.Equal(t, c.want, paths(ns), c.path)
	}
}

func TestPathCreate(t *testing.T) {
	root := sample()
	for _, c := range []struct{ path, want string }{
		{"/b/c[1]", "/b/c[1]"},
		{"/b/new/deep", "/b/new/deep"},
		{"/a[last()+1]", "/a[3]"},
		{"/x[. = 'v']/y", "/x/y"},
	} {
		p, err := ParsePath(c.path)
		require.NoError(t, err)
		n, err := p.Create(root)
		require.NoError(t, err, c.path)
		assert.Equal(t, c.want, n.Path(), c.path)
	}
	for _, c := range []struct{ path, want string }{
		{"/a", "/a: too many matches for path expression"},
		{"/b/*/z", "/b/*/z: too many matches for path expression"},
		{"/q/*", `/q/*: cannot create a node for step "*"`},
	} {
		p, err := ParsePath(c.path)
		require.NoError(t, err)
		_, err = p.Create(root)
		assert.EqualError(t, err, c.want, c.path)
	}
}

func TestPathErrors(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"/a[", "expected an expression: /a[|=| (offset 3)"},
		{"/a[1", "unmatched '[': /a[1|=| (offset 4)"},
		{"/a['x]", "string missing ending ': /a[|=|'x] (offset 3)"},
		{"/a[(1]", "unmatched '(': /a[(1|=|] (offset 5)"},
		{"/a)", "garbage at end of path expression: /a|=|) (offset 2)"},
		{"", "empty name: |=| (offset 0)"},
		{"/a//b", "the descendant axis // is not supported yet: /a|=|//b (offset 2)"},
		{"/child::a", "axes are not supported yet: /child::a|=| (offset 9)"},
	} {
		_, err := ParsePath(c.path)
		assert.EqualError(t, err, c.want, c.path)
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"/a[1]", "/b/c[. = 'x']/..", "/*[count(c) = 2 and label() = 'b']", "a[last()+1]", `/d\ e`} {
		f.Add(s)
	}
	root := sample()
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil {
			return
		}
		_, _ = p.Match(root)
		_, _ = p.Create(root.Clone())
	})
}
