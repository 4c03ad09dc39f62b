package tree

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDump(t *testing.T) {
	root := NewHidden()
	t1 := New("t")
	root.Append(t1)
	t1.Append(NewValue("x", "a\"b\\c\nd\te"), New("y"), NewValue("lbl/slash", "1"),
		NewValue("with space", "2"), NewValue("z", ""), NewValue("u", "caf\xc3\xa9"))
	hidden := NewHidden()
	hidden.Append(New("under-hidden"))
	t1.Append(hidden)
	want := `/t
/t/x = "a\"b\\c\nd\te"
/t/y
/t/lbl\/slash = "1"
/t/with\ space = "2"
/t/z = ""
/t/u = "caf\303\251"
`
	assert.Equal(t, want, Dump(root))
}

func TestDumpRepeatedLabels(t *testing.T) {
	root := NewHidden()
	for _, l := range []string{"a", "b", "a", "c", "a"} {
		n := New(l)
		n.Append(NewValue("k", l), NewHidden(), NewValue("k", "2"))
		root.Append(n)
	}
	root.Append(NewHidden())
	got := Dump(root)
	assert.Equal(t, strings.Join([]string{
		"/a[1]", `/a[1]/k[1] = "a"`, `/a[1]/k[2] = "2"`,
		"/b", `/b/k[1] = "b"`, `/b/k[2] = "2"`,
		"/a[2]", `/a[2]/k[1] = "a"`, `/a[2]/k[2] = "2"`,
		"/c", `/c/k[1] = "c"`, `/c/k[2] = "2"`,
		"/a[3]", `/a[3]/k[1] = "a"`, `/a[3]/k[2] = "2"`, ""}, "\n"), got)
	assert.Equal(t, "/a[3]/k[2]", root.Child(4).Child(2).Path())
	assert.Equal(t, "/b", root.Child(1).Path())
	assert.Equal(t, "/c/(none)", root.Child(3).Child(1).Path())
}

func TestFprint(t *testing.T) {
	n := NewValue("files", "v")
	n.Append(New("etc"))
	var b strings.Builder
	assert.NoError(t, Fprint(&b, n, "/files"))
	assert.Equal(t, "/files = \"v\"\n/files/etc\n", b.String())
	b.Reset()
	assert.NoError(t, Fprint(&b, NewHidden(), "/x"))
	assert.Empty(t, b.String())
}

func TestQuoteValue(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{"\a\b\t\n\v\f\r", `"\a\b\t\n\v\f\r"`},
		{"\x00\x01\x1f\x7f\xff", `"\000\001\037\177\377"`},
		{`q"b\`, `"q\"b\\"`},
	} {
		assert.Equal(t, tc.want, QuoteValue(tc.in), "%q", tc.in)
	}
}

func TestEscapeLabel(t *testing.T) {
	assert.Equal(t, `a\]\[\|\/\=\(\)\!\,\ \	\\b`, EscapeLabel("a][|/=()!, \t\\b"))
	assert.Equal(t, "#comment", EscapeLabel("#comment"))
}

func TestNodeEdits(t *testing.T) {
	p := New("p")
	a, b, c := New("a"), New("b"), New("c")
	p.Append(a, c)
	p.Insert(1, b)
	assert.Equal(t, "/p\n/p/a\n/p/b\n/p/c\n", dumpOf(p))
	assert.Equal(t, 2, c.Index())
	q := New("q")
	q.Append(b) // moves b
	assert.Equal(t, "/p\n/p/a\n/p/c\n", dumpOf(p))
	assert.Same(t, q, b.Parent())
	assert.Equal(t, -1, New("x").Index())
	removed := p.Remove(0)
	assert.Same(t, a, removed)
	assert.Nil(t, a.Parent())
	p.Insert(99, a)
	assert.Equal(t, "/p\n/p/c\n/p/a\n", dumpOf(p))

	v, ok := a.Value()
	assert.False(t, ok)
	assert.Empty(t, v)
	a.SetValue("")
	v, ok = a.Value()
	assert.True(t, ok)
	assert.Empty(t, v)
	a.ClearValue()
	_, ok = a.Value()
	assert.False(t, ok)
	a.ClearLabel()
	assert.True(t, a.Hidden())
	assert.Equal(t, "/p\n/p/c\n", dumpOf(p))

	cl := p.Clone()
	assert.True(t, Equal(p, cl))
	cl.Child(0).SetValue("x")
	assert.False(t, Equal(p, cl))
	assert.False(t, Equal(New("a"), NewValue("a", "")))
	assert.False(t, Equal(New(""), NewHidden()))
}

func dumpOf(n *Node) string {
	var b strings.Builder
	_ = Fprint(&b, n, "/"+EscapeLabel(n.label))
	return b.String()
}

func ExampleDump() {
	root := NewHidden()
	host := New("1")
	host.Append(NewValue("ipaddr", "127.0.0.1"), NewValue("canonical", "localhost"),
		NewValue("alias", "localhost.localdomain"), NewValue("alias", "lo"))
	root.Append(host)
	fmt.Print(Dump(root))
	// Output:
	// /1
	// /1/ipaddr = "127.0.0.1"
	// /1/canonical = "localhost"
	// /1/alias[1] = "localhost.localdomain"
	// /1/alias[2] = "lo"
}

func TestWalkPathsAsPrint(t *testing.T) {
	root := NewHidden()
	a := New("a")
	root.Append(a)
	x1, x2 := NewValue("x", "1"), New("x")
	a.Append(x1, x2, NewValue("y z", "2"), NewHidden())
	x2.Append(NewValue("k", "v"))
	var got []string
	Walk(a, "/a", func(n *Node, p string) {
		if v, ok := n.Value(); ok {
			p += " = " + QuoteValue(v)
		}
		got = append(got, p+"\n")
	})
	var b strings.Builder
	assert.NoError(t, Fprint(&b, a, "/a"))
	assert.Equal(t, b.String(), strings.Join(got, ""))
	assert.Equal(t, []string{"/a\n", "/a/x[1] = \"1\"\n", "/a/x[2]\n", "/a/x[2]/k = \"v\"\n", "/a/y\\ z = \"2\"\n"}, got)
}

// TestPaths: Paths gives what Path gives for each node.
func TestPaths(t *testing.T) {
	root := sample()
	b := root.Child(2)
	hid := root.Child(3)
	hid.Append(New("under"))
	nodes := []*Node{root, root.Child(0), root.Child(1), b, b.Child(0), b.Child(1), hid, hid.Child(0), root.Child(4), b.Child(1)}
	var want []string
	for _, n := range nodes {
		want = append(want, n.Path())
	}
	assert.Equal(t, want, Paths(nodes))
	assert.Equal(t, []string{"/a[2]"}, Paths([]*Node{root.Child(1)}))
	top := New("top")
	top.Append(New("x"), New("x"))
	assert.Equal(t, []string{"/top/x[1]", "/top/x[2]", "/top"}, Paths([]*Node{top.Child(0), top.Child(1), top}))
}
