package tree

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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

// hosts is /files/hosts/1{ipaddr canonical alias} /files/hosts/2{ipaddr
// canonical alias alias} /files/hosts/#comment, under a hidden root, with
// a hidden node (holding a labelled child) between the two entries.
func hosts() *Node {
	root := NewHidden()
	files := New("files")
	h := New("hosts")
	e1 := New("1")
	e1.Append(NewValue("ipaddr", "127.0.0.1"), NewValue("canonical", "localhost"), NewValue("alias", "lh"))
	e2 := New("2")
	e2.Append(NewValue("ipaddr", "::1"), NewValue("canonical", "ip6"), NewValue("alias", "a1"), NewValue("alias", "a2"))
	hid := NewHidden()
	hid.Append(NewValue("alias", "hidden"))
	h.Append(e1, hid, e2, NewValue("#comment", "hi"), New("x"))
	files.Append(h)
	root.Append(files)
	ClearChanges(root) // as loaded
	return root
}

func matchAll(t *testing.T, root *Node, cases []struct{ path, want string }) {
	t.Helper()
	for _, c := range cases {
		p, err := ParsePath(c.path)
		if !assert.NoError(t, err, c.path) {
			continue
		}
		ns, err := p.Match(root)
		if assert.NoError(t, err, c.path) {
			assert.Equal(t, c.want, paths(ns), c.path)
		}
	}
}
