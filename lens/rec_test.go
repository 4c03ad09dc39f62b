package lens

import (
	"errors"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blocks is a lens for nested blocks of key=value lines:
//
//	let kv = [ del /[ \t]*/ "" . key /[a-z]+/ . del /[ \t]*=[ \t]*/ " = " . store /[0-9]+/ . del "\n" "\n" ]
//	let rec block = [ del /[ \t]*/ "" . key /[a-z]+/ . del / *\{\n/ " {\n" . (kv | blank | block)* . del /[ \t]*\}\n/ "}\n" ]
//	let lns = (kv | blank | block)*
func blocks() *Lens {
	blank := sub(del("[ \t]*\n", "\n"))
	ikv := sub(del("[ \t]*", ""), key("[a-z]+"), del("[ \t]*=[ \t]*", " = "), store("[0-9]+"), dels("\n"))
	block := Rec()
	entry := alt(ikv, blank, block)
	if err := block.Define(sub(del("[ \t]*", ""), key("[a-z]+"), del(" *\\{\n", " {\n"), star(entry), del("[ \t]*\\}\n", "}\n"))); err != nil {
		panic(err)
	}
	return named(star(entry), "blocks")
}

func TestRecGet(t *testing.T) {
	l := blocks()
	require.NoError(t, Check(l))
	text := "a=1\nsrv {\n  b = 2\n\n  inner {\n    c=3\n  }\n}\nd=4\n"
	assert.Equal(t, `/a = "1"
/srv
/srv/b = "2"
/srv/inner
/srv/inner/c = "3"
/d = "4"
`, get(t, l, text))
	root, err := l.Get(text)
	require.NoError(t, err)
	out, err := l.Put(root, text)
	require.NoError(t, err)
	assert.Equal(t, text, out)
}

func TestRecPutAndCreate(t *testing.T) {
	l := blocks()
	text := "srv {\n  b = 2\n  inner {\n    c=3\n  }\n}\n"
	root, err := l.Get(text)
	require.NoError(t, err)
	srv := child(root, "srv", 1)
	srv.Append(tree.NewValue("e", "5"))
	inner := child(srv, "inner", 1)
	inner.Child(0).SetValue("33")
	nb := tree.New("new")
	nb.Append(tree.NewValue("x", "1"))
	inner.Append(nb)
	out, err := l.Put(root, text)
	require.NoError(t, err)
	assert.Equal(t, "srv {\n  b = 2\n  inner {\n    c=33\nnew {\nx = 1\n}\n  }\ne = 5\n}\n", out)
	back, err := l.Get(out)
	require.NoError(t, err)
	assert.True(t, tree.Equal(root, back))

	created, err := l.Create(root)
	require.NoError(t, err)
	assert.Equal(t, "srv {\nb = 2\ninner {\nc = 33\nnew {\nx = 1\n}\n}\ne = 5\n}\n", created)
}

func TestRecErrors(t *testing.T) {
	l := blocks()
	_, err := l.Get("a=1\nsrv {\n  b = x\n}\n")
	var ge *GetError
	require.True(t, errors.As(err, &ge), "%v", err)
	// read token by token (each non-recursive part by its longest
	// match), "  b" is the start of a block whose " {" is missing: the
	// furthest token ends after "b", where augparse places it too (13
	// characters into the string)
	assert.Equal(t, 3, ge.Pos.Line)
	assert.Equal(t, 4, ge.Pos.Column)
	assert.Equal(t, `3:4: unexpected " = x", expected /[ {]/ (byte 13, lens blocks)`, err.Error())

	for _, tc := range []struct {
		text string
		want string
	}{
		{"srv {\n  b = 1\n", `3:1: unexpected end of input, expected /[\t\n a-z}]/ (byte 14, lens blocks)`},
		{"a=1\nsrv {\n  b = 1\n}\nx", `5:2: unexpected end of input, expected /[ {]/ (byte 21, lens blocks)`},
		{"srv {\n  b = 1\n} x\n", `3:1: unexpected "} x", expected /[\t\n a-z}]/ (byte 14, lens blocks)`},
		{"srv {\n  b = 1\n  c {\n  }\n", `5:1: unexpected end of input, expected /[\t\n a-z}]/ (byte 24, lens blocks)`},
	} {
		_, err = l.Get(tc.text)
		require.True(t, errors.As(err, &ge), "%v", err)
		assert.Equal(t, tc.want, err.Error(), "%q", tc.text)
	}
}

func TestRecLeftRecursion(t *testing.T) {
	x := Rec()
	require.NoError(t, x.Define(alt(cat(x, dels("a")), dels("b"))))
	_, err := x.Get("ba")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "left recursion")
}

func TestRecDeepNesting(t *testing.T) {
	l := blocks()
	depth := 20000
	text := strings.Repeat("a {\n", depth) + strings.Repeat("}\n", depth)
	_, err := l.Get(text)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested too deeply")

	depth = 500
	text = strings.Repeat("a {\n", depth) + strings.Repeat("}\n", depth)
	root, err := l.Get(text)
	require.NoError(t, err)
	out, err := l.Put(root, text)
	require.NoError(t, err)
	assert.Equal(t, text, out)
}

func TestRecSquare(t *testing.T) {
	// XML-like elements: <a><b></b></a>
	elem := Rec()
	body := cat(dels(">"), star(elem), dels("</"))
	sq := must(Square(key("[a-z]+"), body, del("[a-z]+", "x"), false))
	require.NoError(t, elem.Define(Subtree(cat(dels("<"), sq, dels(">")))))
	l := star(elem)
	assert.Equal(t, "/a\n/a/b\n/a/c\n", get(t, l, "<a><b></b><c></c></a>"))
	_, err := l.Get("<a><b></c></a>")
	require.Error(t, err)
	root, err := l.Get("<a><b></b></a>")
	require.NoError(t, err)
	child(root, "a", 1).Append(tree.New("z"))
	out, err := l.Put(root, "<a><b></b></a>")
	require.NoError(t, err)
	assert.Equal(t, "<a><b></b><z></z></a>", out)
}
