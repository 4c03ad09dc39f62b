package lens

import (
	"errors"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected outputs below were produced by augparse 1.14 on the same
// lens, text and edits (as `test L put TEXT after EDITS = ?`).
func TestPutFollowsAugeas(t *testing.T) {
	m := star(sub(key("[a-z]+"), del("[=:]", "="), store("[0-9]+")))
	kvs := star(kv())
	comments := star(comment())
	optx := star(sub(key("[a-z]"), opt(dels("x")), dels(";")))
	seqs := star(sub(Seq("s"), store("[a-z]")))
	for _, tc := range []struct {
		name string
		lens *Lens
		text string
		edit func(root *tree.Node)
		want string
	}{
		{"unchanged", m, "a=1b:2", func(*tree.Node) {}, "a=1b:2"},
		{"append a node", m, "a=1b:2", func(r *tree.Node) { r.Append(tree.NewValue("c", "3")) }, "a=1b:2c=3"},
		{"remove the first node: b keeps its ':'", m, "a=1b:2", func(r *tree.Node) { r.Remove(0) }, "b:2"},
		{"insert before, new node gets the default", m, "a=1b:2", func(r *tree.Node) { r.Insert(0, tree.NewValue("c", "5")) }, "c=5a=1b:2"},
		{"moved node keeps its own spacing", kvs, "a=1\nb  =  2\n", func(r *tree.Node) {
			b := r.Remove(1)
			r.Insert(0, b)
			b.SetValue("9")
		}, "b  =  9\na=1\n"},
		{"formatting follows labels in order (Augeas #545)", comments, "#x\n#   y\n", func(r *tree.Node) {
			r.Insert(0, tree.NewValue("#comment", "new"))
		}, "#new\n#   x\n# y\n"},
		{"optional del created where the old text had none", optx, "a;bx;", func(r *tree.Node) { r.Append(tree.NewValue("c", "")) }, "ax;bx;cx;"},
		{"remove with optional del", optx, "a;bx;", func(r *tree.Node) { r.Remove(0) }, "bx;"},
		{"duplicate label inserted after", optx, "a;bx;", func(r *tree.Node) { r.Insert(1, tree.New("a")) }, "ax;ax;bx;"},
		{"seq labels are not written", seqs, "abc", func(r *tree.Node) { r.Remove(1) }, "ac"},
		{"change a value in place", kvs, "a = 1\nb=2\n", func(r *tree.Node) { r.Child(0).SetValue("42") }, "a = 42\nb=2\n"},
		{"rename keeps formatting only by label", kvs, "a = 1\nb=2\n", func(r *tree.Node) { r.Child(0).SetLabel("c") }, "c = 1\nb=2\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := tc.lens.Get(tc.text)
			require.NoError(t, err)
			tc.edit(root)
			out, err := tc.lens.Put(root, tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, out)
		})
	}
}

func TestPutNested(t *testing.T) {
	l := star(sub(key("[a-z]"), del(" *", ""), star(sub(key("[0-9]"), del(" *", " ")))))
	text := "a  1 2b3"
	root, err := l.Get(text)
	require.NoError(t, err)
	assert.Equal(t, "/a\n/a/1\n/a/2\n/b\n/b/3\n", tree.Dump(root))
	// 3 moves under a: no entry for it there, so it is created
	b := child(root, "b", 1)
	three := b.Child(0)
	child(root, "a", 1).Append(three)
	out, err := l.Put(root, text)
	require.NoError(t, err)
	assert.Equal(t, "a  1 23 b", out)
}

func TestPutErrors(t *testing.T) {
	kvs := named(star(kv()), "kvs")
	for _, tc := range []struct {
		name string
		edit func(root *tree.Node)
		want string
	}{
		{"value not in store regexp", func(r *tree.Node) { r.Child(1).SetValue("x") },
			`/: the tree { "b" = "x" } does not match { /[a-z]+/ = /[0-9]+/ }* (lens kvs)`},
		{"missing value", func(r *tree.Node) { r.Child(1).ClearValue() },
			`/: the tree { "b" } does not match { /[a-z]+/ = /[0-9]+/ }* (lens kvs)`},
		{"label not in key regexp", func(r *tree.Node) { r.Child(0).SetLabel("A") },
			`/: the tree { "A" = "1" } { "b" = "2" } does not match { /[a-z]+/ = /[0-9]+/ }* (lens kvs)`},
		{"unexpected child", func(r *tree.Node) { r.Child(0).Append(tree.New("x")) },
			`/a: the tree { "x" } does not match () (lens lens)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "a=1\nb=2\n"
			root, err := kvs.Get(text)
			require.NoError(t, err)
			tc.edit(root)
			_, err = kvs.Put(root, text)
			var pe *PutError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestPutEmptyTreeWritesNothing(t *testing.T) {
	// Augeas writes "" for a root without children, whatever the lens
	l := cat(del("x", "x"), opt(sub(key("a"))))
	for _, original := range []string{"x", "xa"} {
		out, err := l.Put(tree.NewHidden(), original)
		require.NoError(t, err)
		assert.Equal(t, "", out)
	}
	out, err := l.Create(tree.NewHidden())
	require.NoError(t, err)
	assert.Equal(t, "", out)
}

func TestPutOriginalMustParse(t *testing.T) {
	root := tree.NewHidden()
	root.Append(tree.NewValue("a", "1"))
	_, err := star(kv()).Put(root, "not kv")
	var ge *GetError
	require.True(t, errors.As(err, &ge))
	assert.Contains(t, err.Error(), "original text: 1:5")
}

func TestCreate(t *testing.T) {
	l := star(alt(kv(), comment(), sub(del("[ \t]*\n", "\n"))))
	root := tree.NewHidden()
	root.Append(tree.NewValue("#comment", "hello"), tree.NewHidden(), tree.NewValue("a", "1"), tree.NewValue("b", "22"))
	out, err := l.Create(root)
	require.NoError(t, err)
	assert.Equal(t, "# hello\n\na = 1\nb = 22\n", out)
	back, err := l.Get(out)
	require.NoError(t, err)
	assert.True(t, tree.Equal(root, back))
}

func TestCreateSquareWritesLabelTwice(t *testing.T) {
	elem := Subtree(must(Square(key("[a-z]+"), cat(dels(">"), store("[0-9]*"), dels("</")), del("[a-z]+", "x"), false)))
	root := tree.NewHidden()
	root.Append(tree.NewValue("ab", "7"))
	out, err := elem.Create(root)
	require.NoError(t, err)
	assert.Equal(t, "ab>7</ab", out)
}

func TestPutUnionSkeletonReuse(t *testing.T) {
	// a node that changes branch is created; one that stays reuses its text
	l := star(alt(
		sub(key("[a-z]+"), del(" *= *", "="), store("[0-9]+"), dels("\n")),
		sub(key("[a-z]+"), del(" *: *", ":"), store("[a-z]+"), dels("\n"))))
	text := "a  =  1\nb  :  x\n"
	root, err := l.Get(text)
	require.NoError(t, err)
	root.Child(0).SetValue("y") // now only the second branch fits
	out, err := l.Put(root, text)
	require.NoError(t, err)
	assert.Equal(t, "a:y\nb  :  x\n", out)
}
