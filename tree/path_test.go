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
	root.ClearChanges() // as loaded
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

func TestPathAxes(t *testing.T) {
	matchAll(t, hosts(), []struct{ path, want string }{
		{"//ipaddr", "/files/hosts/1/ipaddr /files/hosts/2/ipaddr"},
		{"/files//alias", "/files/hosts/1/alias /files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"//alias[1]", "/files/hosts/1/alias"},
		{"//alias[last()]", "/files/hosts/2/alias[2]"},
		{"//files", "/files"},
		{"/files/hosts//canonical", "/files/hosts/1/canonical /files/hosts/2/canonical"},
		{"//*[ipaddr = '::1']//alias", "/files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/2/alias[2]//.", "/files/hosts/2/alias[2]"},
		{"/files/child::hosts/child::*[1]", "/files/hosts/1"},
		{"/files/hosts/seq::*", "/files/hosts/1 /files/hosts/2"},
		{"/files/hosts/seq::2", "/files/hosts/2"},
		{"/files/hosts/self::hosts", "/files/hosts"},
		{"/files/hosts/self::x", ""},
		{"/files/hosts/1/parent::hosts", "/files/hosts"},
		{"/files/hosts/1/parent::*", "/files/hosts"},
		{"/files/hosts/descendant::alias", "/files/hosts/1/alias /files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/descendant::*[3]", "/files/hosts/1/canonical"},
		{"/files/descendant-or-self::*[1]", "/files"},
		{"/files/hosts/1/ipaddr/ancestor::*", "/files/hosts/1 /files/hosts /files"},
		{"/files/hosts/1/ipaddr/ancestor::hosts", "/files/hosts"},
		{"/files/hosts/1/ipaddr/ancestor-or-self::ipaddr", ""}, // no such axis in Augeas: a name
		{"/files/hosts/2/root::*", ""},                         // the root has no label: * misses it (augtool)
		{"//alias/root::*/files", ""},
		{"/files/hosts/2/alias[2]/preceding-sibling::*", "/files/hosts/2/alias[1] /files/hosts/2/canonical /files/hosts/2/ipaddr"},
		{"/files/hosts/2/alias[2]/preceding-sibling::*[1]", "/files/hosts/2/alias[1]"},
		{"/files/hosts/2/following-sibling::*", "/files/hosts/#comment /files/hosts/x"},
		{"/files/hosts/*/following-sibling::x", "/files/hosts/x"},
		{"/files/hosts/*/ipaddr/following-sibling::alias", "/files/hosts/1/alias /files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/1/../2", "/files/hosts/2"},
		{"/files/hosts/*/alias[1]", "/files/hosts/1/alias"}, // positions over the whole set
		{"/files/hosts/*[alias][last()]", "/files/hosts/2"},
		{"/files/hosts/*[ipaddr][1]/canonical", "/files/hosts/1/canonical"},
		{"/files/hosts/*[2]", "/files/hosts/2"}, // hidden node not counted
	})
}

func TestPathOperators(t *testing.T) {
	matchAll(t, hosts(), []struct{ path, want string }{
		{"/files/hosts/*[ipaddr =~ regexp('127\\..*')]", "/files/hosts/1"},
		{"/files/hosts/*[ipaddr =~ regexp('127')]", ""}, // whole string
		{"/files/hosts/*[ipaddr !~ regexp('127\\..*')]", "/files/hosts/2 /files/hosts/#comment /files/hosts/x"},
		{"/files/hosts/*[canonical =~ regexp('LOCAL.*', 'i')]", "/files/hosts/1"},
		{"/files/hosts/*[canonical =~ regexp('LOCAL.*')]", ""},
		// Augeas's regexp dialect (the lenses' one), not Go's
		{"/files/hosts/*[ipaddr =~ regexp('[[:digit:].]+')]", ""}, // no POSIX classes in Augeas either (augtool: no matches)
		{"/files/hosts/*[canonical =~ regexp('[a-z]{2}[0-9]')]", "/files/hosts/2"},
		{"/files/hosts/*[canonical =~ glob('l*t')]", "/files/hosts/1"},
		{"/files/hosts/*[canonical =~ glob('i?.')]", ""}, // . is no wildcard in a glob
		{"/files/hosts/*/alias[. =~ glob('a*')]", "/files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/*/alias[. =~ glob('?h')]", "/files/hosts/1/alias"},
		{"/files/hosts/*/alias[. =~ glob('a.')]", ""},
		{"/files/hosts/*[alias =~ regexp(/files/hosts/1/canonical) + regexp('|a1')]", ""},
		{"/files/hosts/*/canonical[. =~ regexp(/files/hosts/*/canonical)]", "/files/hosts/1/canonical /files/hosts/2/canonical"},
		{"/files/hosts/*/canonical[. =~ regexp(/nosuch)]", ""},
		{"/files/hosts/*/alias[. =~ regexp('a') + regexp('[0-9]')]", "/files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/seq::*[int(label()) > 1]", "/files/hosts/2"},
		{"/files/hosts/seq::*[int(label()) >= 1 and int(label()) <= 2]", "/files/hosts/1 /files/hosts/2"},
		{"/files/hosts/*[count(alias) + count(alias) = 4]", "/files/hosts/2"},
		{"/files/hosts/*[count(alias) - 1 < 1][ipaddr]", "/files/hosts/1"},
		{"/files/hosts/*[label() < '2']", "/files/hosts/1 /files/hosts/#comment"},
		{"/files/hosts/*[label() > '1']", "/files/hosts/2 /files/hosts/x"},
		{"/files/hosts/*[label() = '1' + '']", "/files/hosts/1"},
		{"/files/hosts/*[position() = last() - 1]", "/files/hosts/#comment"},
		{"/files/hosts/*[modified()]", ""},
		{"/files/hosts/*[not(modified())]/ipaddr", "/files/hosts/1/ipaddr /files/hosts/2/ipaddr"},
		{"/files/hosts/1/ipaddr | /files/hosts/2/ipaddr", "/files/hosts/1/ipaddr /files/hosts/2/ipaddr"},
		{"/files/hosts/2/ipaddr | /files/hosts/*/ipaddr", "/files/hosts/2/ipaddr /files/hosts/1/ipaddr /files/hosts/2/ipaddr"}, // no dedup, as augtool 1.14
		{"(/files/hosts/*/alias)[2]", "/files/hosts/2/alias[1]"},
		{"(/files/hosts/*)[ipaddr]/canonical", "/files/hosts/1/canonical /files/hosts/2/canonical"},
		{"(/files/hosts/1 | /files/hosts/2)//alias", "/files/hosts/1/alias /files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/*[alias = 'a2' or alias = 'lh']", "/files/hosts/1 /files/hosts/2"},
		{"/files/hosts/*[alias = /files/hosts/1/alias]", "/files/hosts/1"},
		{"/files/hosts/*[alias != 'a1']", "/files/hosts/1 /files/hosts/2"},
		{"/files/hosts/*[alias != 'lh']", "/files/hosts/2"},
		{"/files/hosts/*[alias != alias]", "/files/hosts/2"},
		{"/files/hosts/*[canonical != /files/hosts/*/canonical]", "/files/hosts/1 /files/hosts/2"},
		{"/files/hosts/*[ipaddr = '::1']/alias else /files/hosts/1", "/files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"/files/hosts/*[ipaddr = 'none']/alias else /files/hosts/1", "/files/hosts/1"},
		{"/files/hosts/*[alias else ipaddr]", "/files/hosts/1 /files/hosts/2"},
		// sticky: once the left side matched, later nodes use it too
		{"/files/hosts/*[#comment else x]", ""},
		{"/files/hosts/*[label() = '#comment' or label() = 'x'][. = 'hi' else label() = 'x']", "/files/hosts/#comment"},
		{"/files/hosts/*[ipaddr]['']", "/files/hosts/1 /files/hosts/2"}, // string predicate: own value
		{"/files/hosts/*['hi']", "/files/hosts/#comment"},
		{"/files/hosts/1/ipaddr['127.0.0.1']", "/files/hosts/1/ipaddr"},
		{"/files/hosts/*[1 or 0]", "/files/hosts/1 /files/hosts/2 /files/hosts/#comment /files/hosts/x"},
		{"/files/hosts/*[0]", ""},
		{"/files/hosts/*[(1)]", "/files/hosts/1"},
		{"/files/hosts/*[ 1 + 1 ]", "/files/hosts/2"},
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

func TestPathEvalErrors(t *testing.T) {
	root := hosts()
	// as Augeas: at the end of the path, with Augeas's word for the error
	// (Msg, which augtool prints) and lensnet's explanation (Detail)
	for _, c := range []struct{ path, msg, detail string }{
		{"/files/*[not(alias)]", "type error", "type error: not() needs a boolean"},
		{"/files/*[count('x')]", "type error", "type error: count() needs a node set"},
		{"/files/*[. = 1]", "type error", "type error: cannot compare these values"},
		{"/files/*[. < 'a']", "type error", "type error: < needs two numbers or two strings"},
		{"/files/*['a' + 1]", "type error", "type error: + needs two numbers, strings or regexps"},
		{"/files/*[. =~ 'a']", "type error", "type error: =~ needs a string or node set and a regexp"},
		{"/files/*[. =~ regexp('(')]", "invalid regular expression", `invalid regular expression: Unmatched ( or \(`},
		{"/files/*[. =~ regexp('a', 'x')]", "wrong flag for regexp", ""},
		{"/files/*[int('x') = 1]", "illegal number", `illegal number "x"`},
		{"/files/*[int(*) = 1]", "type error", "type error: int() needs exactly one node, not 4"},
		{"/files/*[$v]", "undefined variable", ""},
		{"1", "type error", "type error: the path expression is not a node set"},
		{"/files | 'x'", "type error", "type error: | needs node sets"},
		{"/nosuch else 1", "type error", "type error: both sides of else must have the same type"},
	} {
		p, err := ParsePath(c.path)
		if !assert.NoError(t, err, c.path) {
			continue
		}
		_, err = p.Match(root)
		var pe *PathError
		if assert.ErrorAs(t, err, &pe, c.path) {
			assert.Equal(t, PathError{Path: c.path, Offset: len(c.path), Msg: c.msg, Detail: c.detail}, *pe, c.path)
		}
	}
	// "/files else 1" only fails when the left side is empty
	p, _ := ParsePath("/files else 1")
	_, err := p.Match(root)
	assert.NoError(t, err)
	// Augeas's type checker refuses a compared product before evaluating
	for _, src := range []string{"/files/*[2 * 1 = 2]", "/files/*[int(.) = 2 * 1]", "/files/*[a][count(b) * 2 > 1]"} {
		_, err := ParsePath(src)
		var pe *PathError
		if assert.ErrorAs(t, err, &pe, src) {
			assert.Equal(t, "type error", pe.Msg, src)
			assert.Equal(t, len(src), pe.Offset, src)
		}
	}
	_, err = ParsePath("/files/*[1 + 1 = 2][count(*) * 2]")
	assert.NoError(t, err, "sums compare, and a product alone is fine")
}

func TestPathVars(t *testing.T) {
	root := hosts()
	h, _ := ParsePath("/files/hosts/*[ipaddr]")
	entries, err := h.Match(root)
	require.NoError(t, err)
	scalar := func(src string) Value {
		p, err := ParsePath(src)
		require.NoError(t, err)
		v, err := p.Eval(root, Vars{"e": NodeSet(entries)})
		require.NoError(t, err)
		return v
	}
	vars := Vars{"e": NodeSet(entries), "none": NodeSet(nil), "h_2": NodeSet(entries[1:]),
		"name": scalar("'ip6'"), "n": scalar("count($e)"), "yes": scalar("1 = 1")}
	assert.Equal(t, "ip6", vars["name"].String())
	assert.Equal(t, "2", vars["n"].String())
	assert.Equal(t, "true", vars["yes"].String())
	_, isNodes := vars["n"].Nodes()
	assert.False(t, isNodes)
	for _, c := range []struct{ path, want string }{
		{"$e", "/files/hosts/1 /files/hosts/2"},
		{"$e[2]", "/files/hosts/2"},
		{"$e/alias", "/files/hosts/1/alias /files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"$e[alias = 'a1']//ipaddr", "/files/hosts/2/ipaddr"},
		{"$none", ""},
		{"$none else $h_2", "/files/hosts/2"},
		{"/files/hosts/*[. = $none]", ""},
		{"/files/hosts/*[count($e) = 2][1]", "/files/hosts/1"},
		{"//alias[../ipaddr = $h_2/ipaddr]", "/files/hosts/2/alias[1] /files/hosts/2/alias[2]"},
		{"$e | $h_2", "/files/hosts/1 /files/hosts/2 /files/hosts/2"},
		{"/files/hosts/*[canonical = $name]", "/files/hosts/2"},
		{"/files/hosts/*[$n]", "/files/hosts/2"},
		{"/files/hosts/*[$yes][ipaddr]", "/files/hosts/1 /files/hosts/2"},
	} {
		p, err := ParsePath(c.path)
		require.NoError(t, err, c.path)
		ns, err := p.MatchVars(root, vars)
		if assert.NoError(t, err, c.path) {
			assert.Equal(t, c.want, paths(ns), c.path)
		}
	}
	p, _ := ParsePath("$e/ipaddr")
	_, err = p.MatchVars(root, Vars{"f": NodeSet(nil)})
	assert.EqualError(t, err, "type error: $e/ipaddr|=| (offset 9)")
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

// TestPathLinear checks that a step over many siblings with a position
// predicate and a descendant search stay fast.
func TestPathLinear(t *testing.T) {
	root := NewHidden()
	top := New("top")
	root.Append(top)
	for i := 0; i < 50000; i++ {
		top.Append(NewValue("n", "v"))
	}
	for _, s := range []string{"/top/n[50000]", "/top/n[last()]", "//n[position() = last()]", "/top/n[. = 'v'][last()]"} {
		p, err := ParsePath(s)
		require.NoError(t, err)
		ns, err := p.Match(root)
		require.NoError(t, err)
		require.Len(t, ns, 1, s)
	}
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
