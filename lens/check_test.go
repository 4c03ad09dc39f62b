package lens

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/lens/source"
)

func TestCheckRejects(t *testing.T) {
	a := func() *Lens { return sub(key("a")) }
	for _, tc := range []struct {
		name string
		lens *Lens
		want string
	}{
		{"del default", del("x+", "y"), `lens: del: the default value "y" does not match /x+/`},
		{"ambiguous concatenation", sub(Label("x"), store("[a-z]+"), del("[a-z]+", "a")),
			`lens: ambiguous concatenation: first regexp: /[a-z]+/; second regexp: /[a-z]+/; 'aaa' can be split into 'a|=|aa' and 'aa|=|a'; first lens: lens; second lens: lens`},
		{"ambiguous tree concatenation", cat(opt(a()), opt(sub(key("a"), dels("x")))),
			`lens: ambiguous tree concatenation: first regexp: /(a\003\004)?/; second regexp: /(a\003\004)?/; { "a" } can be split into ()|=|{ "a" } and { "a" }|=|(); first lens: lens; second lens: lens`},
		{"ambiguous iteration", star(sub(key("a+"))), `lens: ambiguous iteration: regexp: /a+/; 'aa' can be split into 'a|=|a' and 'aa|=|'`},
		{"ambiguous tree iteration", star(cat(sub(key("a"), dels("1")), opt(sub(key("a"), dels("2"))))),
			`lens: ambiguous tree iteration: regexp: /a\003\004(a\003\004)?/; { "a" } { "a" } can be split into { "a" }|=|{ "a" } and { "a" } { "a" }|=|()`},
		{"overlapping union", alt(sub(key("a"), del("x|y", "x")), sub(key("[ab]"), dels("x"))),
			`lens: overlapping lenses in union.get: example matched by both: 'ax'; first lens: lens; second lens: lens`},
		{"overlapping tree union", alt(dels("x"), dels("y")),
			`lens: overlapping lenses in tree union.put: example matched by both: (); first lens: lens; second lens: lens`},
		{"overlapping tree union with nodes", alt(sub(key("a"), dels("1")), sub(key("a"), dels("2"))),
			`lens: overlapping lenses in tree union.put: example matched by both: { "a" }; first lens: lens; second lens: lens`},
		{"optional empty word", opt(del("a*", "")), `lens: illegal optional expression: /a*/ matches the empty word`},
		{"optional empty tree", opt(dels("x")), `lens: optional expression matches the empty tree but does not consume a value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.lens)
			var le *Error
			require.True(t, errors.As(err, &le), "%v", err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestCheckAccepts(t *testing.T) {
	blank := sub(del("[ \t]*\n", "\n"))
	block := Rec()
	require.NoError(t, block.Define(sub(key("[a-z]+"), del(" *\\{\n", " {\n"), star(alt(kv(), blank, block)), dels("}\n"))))
	for _, tc := range []struct {
		name string
		lens *Lens
	}{
		{"key value lines", star(alt(kv(), comment(), blank))},
		{"optional value", sub(key("[a-z]+"), opt(cat(dels("="), store("[0-9]+"))))},
		{"optional store of empty tree", opt(store("[0-9]+"))},
		{"seq", star(sub(Seq("s"), store("[a-z]+"), dels("\n")))},
		{"square", Subtree(must(Square(key("[a-z]+"), cat(dels(">"), store("[0-9]*"), dels("</")), del("[a-z]+", "x"), false)))},
		{"recursive blocks", star(alt(kv(), blank, block))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.NoError(t, Check(tc.lens))
		})
	}
}

func TestCheckNamesTheLens(t *testing.T) {
	l := star(sub(key("a+"))).WithInfo(source.Info{Name: "entries", Start: source.Pos{Filename: "t.aug", Line: 3, Column: 9}})
	err := Check(l)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "entries at t.aug:3:9: ambiguous iteration")
}

func TestConstructionRules(t *testing.T) {
	_, err := Concat(key("a"), Label("b"))
	assert.EqualError(t, err, "lens: multiple keys/labels in concat")
	_, err = Concat(store("a"), Value("b"))
	assert.EqualError(t, err, "lens: multiple stores in concat")
	_, err = Star(key("a"))
	assert.EqualError(t, err, "lens: multiple keys/labels in iteration")
	_, err = Star(cat(dels("x"), store("a")))
	assert.EqualError(t, err, "lens: multiple stores in iteration")
	_, err = Square(store("a"), dels("x"), dels("a"), false)
	assert.EqualError(t, err, "lens: supported types: (key lns del) or (del lns del)")
	_, err = Square(key("a"), dels("x"), dels("b"), false)
	assert.ErrorContains(t, err, "square: left and right lenses must accept the same language")
	_, err = Square(del("a|b", "a"), dels("x"), del("a|b", "b"), false)
	assert.ErrorContains(t, err, "square: left and right del lenses must have the same default")
	r := Rec()
	assert.Error(t, r.Define(r))
	require.NoError(t, r.Define(sub(key("a"))))
	assert.Error(t, r.Define(sub(key("b"))))
	assert.Error(t, key("a").Define(sub(key("b"))))
}

// TestCheckRegexp: a lens whose checker reads another language than its
// matcher (Augeas's ^ and $) is checked in that language, while get and
// put, before and after the check, keep the matcher's, and so do the
// lenses it shares operands with.
func TestCheckRegexp(t *testing.T) {
	eol := del("[ \t]*\n", "\n")
	plain := store("[ \t]*#.*")
	comment := func(s *Lens) *Lens { return cat(opt(sub(Label("c"), s)), eol) }
	// the matcher's reading: the comment's trailing blanks can go to
	// either lens
	require.ErrorContains(t, Check(comment(plain)), "ambiguous concatenation")

	checked := plain.WithCheckRegexp(re(`[ \t]*#.*\$`))
	l := comment(checked)
	assert.Equal(t, "/c = \"# x \"\n", get(t, l, "# x \n"), "before the check")
	require.NoError(t, Check(l))
	assert.Equal(t, "/c = \"# x \"\n", get(t, l, "# x \n"), "after the check")
	root, err := l.Get("# x\n")
	require.NoError(t, err)
	root.Children()[0].SetValue("# y")
	out, err := l.Put(root, "# x\n")
	require.NoError(t, err)
	assert.Equal(t, "# y\n", out)

	// a recursive lens over the same operand
	r := Rec()
	require.NoError(t, r.Define(alt(l, sub(key("b"), dels("{"), star(r), dels("}")))))
	require.NoError(t, Check(r))
	assert.Equal(t, "/b\n/b/c = \"# z\"\n", get(t, star(r), "b{# z\n}"))

	// the shared eol lens and the plain comment still read as before
	assert.Equal(t, "", get(t, eol, " \n"))
	require.ErrorContains(t, Check(comment(plain)), "ambiguous concatenation")
	assert.Same(t, plain.Regexp(), checked.Regexp())
	assert.Same(t, plain, plain.WithCheckRegexp(nil))
}
