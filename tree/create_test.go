package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathCreate(t *testing.T) {
	checkCreate(t, sample(), []pathCase{
		{"/b/c[1]", "/b/c[1]"},
		{"/b/new/deep", "/b/new/deep"},
		{"/a[last()+1]", "/a[3]"},
		{"/x[. = 'v']/y", "/x/y"},
	}, []pathCase{
		{"/a", "/a: too many matches for path expression"},
		{"/b/*/z", "/b/*/z: too many matches for path expression"},
		{"/q/*", `/q/*: step "*": cannot create the node`},
		{"/q/r/..", `/q/r/..: step "..": cannot create the node`},
	})
}

// pathCase is a path and what creating it gives: the new node's path or
// the error.
type pathCase struct{ path, want string }

// checkCreate creates each of ok (in order, on the same tree) and checks
// the created node's path, then checks that each of bad fails.
func checkCreate(t *testing.T, root *Node, ok, bad []pathCase) {
	t.Helper()
	for _, c := range ok {
		p, err := ParsePath(c.path)
		require.NoError(t, err)
		n, err := p.Create(root)
		require.NoError(t, err, c.path)
		assert.Equal(t, c.want, n.Path(), c.path)
	}
	for _, c := range bad {
		p, err := ParsePath(c.path)
		require.NoError(t, err)
		before := Dump(root)
		_, err = p.Create(root)
		assert.EqualError(t, err, c.want, c.path)
		assert.Equal(t, before, Dump(root), "%s: a failed creation makes nothing", c.path)
	}
}

func TestPathCreateAxes(t *testing.T) {
	checkCreate(t, hosts(), []pathCase{
		{"/files/hosts/seq::*[ipaddr = 'new']", "/files/hosts/3"},
		{"/files/hosts/seq::*[ipaddr = 'new']/ipaddr", "/files/hosts/4/ipaddr"},
		{"/files/hosts/child::new", "/files/hosts/new"},
		{"/files/hosts/1/canonical[. = 'other']", "/files/hosts/1/canonical[2]"},
		{"//x/y", "/files/hosts/x/y"},
	}, []pathCase{
		{"/files/hosts/descendant::q", `/files/hosts/descendant::q: step "descendant::q": cannot create the node`},
		{"/files/a | /files/b", "/files/a | /files/b: cannot create nodes for this path expression"},
		{"//alias/z", "//alias/z: too many matches for path expression"},
	})
}

// TestPathMatchOrCreate: one evaluation gives what Match and then, when
// nothing matched, Create give: the same nodes, the same tree after it,
// the same error.
func TestPathMatchOrCreate(t *testing.T) {
	for _, path := range []string{
		"/a", "/a[2]", "/b/c[. = 'y']", "/b/c[. = 'z']", "/b/new/deep", "/a[last()+1]",
		"/x[. = 'v']/y", "/b/*/z", "/q/*", "/q/r/..", "/a | /b", "/nosuch | /b/c", "/nosuch | /nope",
		"/*[c = 'y']/c[3]", "$v/c", "/b/c[count(/a) = 2]/w", "/a[", "/b/c[1]/../c[seq::*]",
	} {
		p, err := ParsePath(path)
		if err != nil {
			continue // a parse error comes before either
		}
		vars := Vars{"v": NodeSet(nil)}
		want, got := sample(), sample()
		var wantPaths string
		var wantMade bool
		ns, wantErr := p.MatchVars(want, vars)
		if wantErr == nil && len(ns) == 0 {
			var n *Node
			if n, wantErr = p.CreateVars(want, vars); wantErr == nil {
				ns, wantMade = []*Node{n}, true
			}
		}
		if wantErr == nil {
			wantPaths = paths(ns)
		}
		ns, made, err := p.MatchOrCreateVars(got, vars)
		if wantErr != nil {
			assert.EqualError(t, err, wantErr.Error(), path)
		} else if assert.NoError(t, err, path) {
			assert.Equal(t, wantPaths, paths(ns), path)
			assert.Equal(t, wantMade, made, path)
		}
		assert.Equal(t, Dump(want), Dump(got), path)
	}
}
