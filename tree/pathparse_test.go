package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathErrors(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"/a[", "expected an expression: /a[|=| (offset 3)"},
		{"/a[1", "unmatched '[': /a[1|=| (offset 4)"},
		{"/a['x]", "string missing ending ': /a['x]|=| (offset 6)"},
		{"/a[(1]", "unmatched '(': /a[(1|=|] (offset 5)"},
		{"/a)", "garbage at end of path expression: /a|=|) (offset 2)"},
		{"", "empty path: |=| (offset 0)"},
		{"/a[foo(1)]", "unknown function foo: /a[|=|foo(1)] (offset 3)"},
		{"/a[count()]", "wrong number of arguments in function call: /a[count()|=|] (offset 10)"},
		{"/a[regexp('x', 'i', 'j')]", "wrong number of arguments in function call: /a[regexp('x', 'i', 'j')|=|] (offset 24)"},
		{"/a[count(b]", "unmatched '(': /a[count(b|=|] (offset 10)"},
		{"/a[$]", "empty name: /a[$|=|] (offset 4)"},
		{"/a[99999999999999999999]", "illegal number: /a[|=|99999999999999999999] (offset 3)"},
		{"/a//", "empty name: /a//|=| (offset 4)"},
		{"/a | ", "expected an expression: /a | |=| (offset 5)"},
		{"/a[. =~ ]", "empty name: /a[. =~ |=|] (offset 8)"},
	} {
		_, err := ParsePath(c.path)
		assert.EqualError(t, err, c.want, c.path)
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"/a[1]", "/b/c[. = 'x']/..", "/*[count(c) = 2 and label() = 'b']", "a[last()+1]", `/d\ e`} {
		f.Add(s)
	}
	for _, s := range []string{"//a[. =~ regexp('x.*', 'i')] | $v", "/b/descendant::c[glob('*') !~ .] else /a", "(/a)[int('1') * 2 >= 1]/seq::*", "/b/c/ancestor::*/following-sibling::*/preceding-sibling::*[1]/root::*"} {
		f.Add(s)
	}
	root := sample()
	sp, _ := ParsePath("'x'")
	str, _ := sp.Eval(root, nil)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil {
			return
		}
		_, _ = p.Match(root)
		_, _ = p.MatchVars(root, Vars{"v": NodeSet(root.Children()), "s": str})
		_, _ = p.Eval(root, Vars{"v": NodeSet(root.Children()), "s": str})
		_, _ = p.Create(root.Clone())
	})
}

func TestPathNames(t *testing.T) {
	root := NewHidden()
	for _, l := range []string{"a b", "a/b", "a[1]", "x<y", "x-y", "#c", "a:b", "1", "01", "tab\tx", `back\slash`, "and", "p.q", "sp "} {
		root.Append(NewValue(l, l))
	}
	matchAll(t, root, []struct{ path, want string }{
		{"/a b", `/a\ b`},
		{`/a\ b`, `/a\ b`},
		{"/a b ", `/a\ b`}, // trailing blank stripped
		{`/sp\ `, `/sp\ `},
		{`/a\/b`, `/a\/b`},
		{`/a\[1\]`, `/a\[1\]`},
		{"/x<y", "/x<y"},
		{"/x-y", "/x-y"},
		{"/#c", "/#c"},
		{"/a:b", "/a:b"},
		{"/1", "/1"},
		{"/01", "/01"},
		{"./1", "/1"},
		{"child::1", "/1"},
		{"/tab\tx", "/tab\\\tx"},
		{`/back\\slash`, `/back\\slash`},
		{"/and", "/and"},
		{"/p.q", "/p.q"},
		{"/*[x<y]", ""}, // a child named "x<y"
		{"/*[label() = 'x<y' and . = 'x<y']", "/x<y"},
		{"/*[label()='1' or label()='01']", "/1 /01"},
		{"/a b[. = 'a b']", `/a\ b`},
		{"/*[. = 'a b' or . = 'and']", `/a\ b /and`},
	})
	// a relative path starting with a digit is a number
	p, err := ParsePath("1/x")
	require.NoError(t, err)
	_, err = p.Match(root)
	assert.EqualError(t, err, "type error: a node set is needed here: 1/x|=| (offset 3)")
}
