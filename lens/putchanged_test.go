package lens

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPutChanged edits trees read by a nested lens and checks that
// PutChanged writes what Put writes, for edits deep inside one block,
// at the top, and on a tree whose spans belong to another text.
func TestPutChanged(t *testing.T) {
	l := lawConfLens()
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "blk%c {\n  x = %d;\n  inner { y=%d; }\n}\nz = %d;\n", 'a'+i%26, i, i, i)
	}
	text := b.String()
	cases := []struct {
		name string
		edit func(root *tree.Node)
	}{
		{"nothing", func(*tree.Node) {}},
		{"a value deep down", func(root *tree.Node) {
			child(child(root.Child(20), "inner", 1), "y", 1).SetValue("99")
		}},
		{"a new leaf in a block", func(root *tree.Node) {
			root.Child(30).Append(tree.NewValue("w", "7"))
		}},
		{"a block removed", func(root *tree.Node) { root.Child(4).Detach() }},
		{"a top-level value", func(root *tree.Node) { root.Child(1).SetValue("5") }},
		{"two blocks swapped", func(root *tree.Node) { root.Insert(0, root.Child(2)) }},
		{"a value the lens refuses", func(root *tree.Node) {
			child(root.Child(10), "x", 1).SetValue("not a number")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := l.Get(text)
			require.NoError(t, err)
			b, err := l.Get(text)
			require.NoError(t, err)
			c.edit(a)
			c.edit(b)
			want, werr := l.Put(a, text)
			got, gerr := l.PutChanged(b, text)
			assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr))
			assert.Equal(t, want, got)
		})
	}
	t.Run("spans of another text", func(t *testing.T) {
		other := strings.Replace(text, "x = 3;", "x   =   3;", 1)
		a, err := l.Get(other)
		require.NoError(t, err)
		child(a.Child(40), "x", 1).SetValue("1")
		want, err := l.Put(a, text)
		require.NoError(t, err)
		got, err := l.PutChanged(a, text)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}

// skipped counts the levels PutChanged wrote without checking that put
// writes them back (putsBack), where the tests check anyway.
var skipped struct {
	sync.Mutex
	n      int
	failed []string
}

// TestMain makes PutChanged check the levels it does not check, and
// fails the run if one of them would have failed the check or met a
// layout from GetLayout other than the level read again.
func TestMain(m *testing.M) {
	flag.Parse()
	if flag.Lookup("test.bench").Value.String() == "" {
		testSkippedCheck = func(body *Lens, text string, ok, same bool) {
			skipped.Lock()
			defer skipped.Unlock()
			skipped.n++
			if (!ok || !same) && len(skipped.failed) < 5 {
				skipped.failed = append(skipped.failed, fmt.Sprintf("check %v, same layout %v: lens %s, text %q", ok, same, lawShowLens(body), text))
			}
		}
	}
	code := m.Run()
	if len(skipped.failed) > 0 {
		fmt.Fprintf(os.Stderr, "PutChanged skipped checks that fail:\n%s\n", strings.Join(skipped.failed, "\n"))
		code = 1
	}
	os.Exit(code)
}

// TestPutChangedUncheckedLenses writes back unedited and edited trees
// read by generated lenses, most of which Check refuses (ambiguous
// sibling lists, overlapping unions, iterations of the empty list),
// with the layout of GetLayout. For every lens, a level PutChanged does
// not check must pass the check (TestMain fails the run if not); for
// checked lenses PutChanged must write what Put writes.
func TestPutChangedUncheckedLenses(t *testing.T) {
	pairs, back := 0, 0
	for seed := uint64(0); seed < 1500; seed++ {
		l := lawCandidate(seed)
		if l == nil {
			continue
		}
		if l.putsBack() {
			back++
		}
		// PutChanged copies the unchanged subtrees, relying on GetPut for
		// them, which only checked lenses promise
		checked := Check(l) == nil
		r := rand.New(rand.NewPCG(seed, 3))
		tg := &lawTextGen{r: r}
		for range 4 {
			x, ok := tg.text(l)
			if !ok {
				continue
			}
			for _, edit := range []bool{false, true} {
				a, lay, err := l.GetLayout(x)
				if err != nil {
					break
				}
				b, err := l.Get(x)
				require.NoError(t, err)
				if edit {
					// change a value or a label deepest down, so that the
					// top level is spliced
					na, nb := lawNodes(a), lawNodes(b)
					if len(na) == 0 {
						continue
					}
					k := r.IntN(len(na))
					if v, ok := na[k].Value(); ok {
						na[k].SetValue(v + "1")
						nb[k].SetValue(v + "1")
					} else {
						na[k].SetLabel("z")
						nb[k].SetLabel("z")
					}
				}
				want, werr := l.Put(b, x)
				got, gerr := l.PutChangedLayout(a, x, lay)
				ctx := fmt.Sprintf("lens:\n%s\ntext %q\nedited %v", lawShowLens(l), x, edit)
				if checked {
					require.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr), "PutChanged and Put disagree\n%s", ctx)
					require.Equal(t, want, got, "PutChanged and Put disagree\n%s", ctx)
					pairs++
				}
			}
		}
	}
	t.Logf("%d trees written; %d of the lenses need no check of their top level", pairs, back)
	assert.Greater(t, pairs, 1000)
	assert.Greater(t, back, 100)
}

// TestPutChangedTopLevel edits the top level of texts read by lenses
// whose top level putTop writes from the layout without reading it
// again (a header, then stars of subtrees) and by one it reads again,
// and checks that PutChangedLayout writes what Put writes.
func TestPutChangedTopLevel(t *testing.T) {
	line := func() *Lens { return sub(key("[a-z]+"), del(" *= *", "="), store("[0-9]+"), dels("\n")) }
	comment := sub(Label("#comment"), del("# *", "# "), store("[^ \n][^\n]*"), dels("\n"))
	blank := sub(del("[ \t]*\n", "\n"))
	line2 := func() *Lens { return sub(key("[A-Z]+"), dels(":"), store("[0-9]+"), dels("\n")) }
	lenses := map[string]*Lens{
		"header": cat(del("#![^\n]*\n", "#!/bin/sh\n"), star(alt(line(), blank))),
		"stars":  cat(star(alt(comment, blank)), star(line())),
		"star":   star(alt(comment, blank, line())),
		// a header that is not read up to the first subtree alone
		"reread": cat(del("#![^\n]*\n", "#!/bin/sh\n"), star(line()), del("%\n", "%\n")),
		// lines that take the comments after them, as Interfaces's
		// auto lines do
		"trailers": cat(star(alt(comment, blank)), star(alt(line(), cat(alt(sub(Label("@"), dels("@\n")), line2()), star(alt(comment, blank)))))),
	}
	texts := map[string]string{
		"header":   "#!/bin/bash -e\na = 1\n\nb=2\n  \nc  =3\n",
		"stars":    "#  one\n\n# two\na = 1\nb=2\nc  =3\n",
		"star":     "#  one\na = 1\n\n# two\nb=2\nc  =3\n",
		"reread":   "#!/bin/bash -e\na = 1\nb=2\nc  =3\n%\n",
		"trailers": "# one\n\na = 1\n@\n# two\n\nb=2\nC:4\n@\nc  =3\n",
	}
	edits := []struct {
		name string
		edit func(root *tree.Node)
	}{
		{"a value", func(root *tree.Node) { child(root, "b", 1).SetValue("22") }},
		{"a label", func(root *tree.Node) { child(root, "a", 1).SetLabel("z") }},
		{"a node added", func(root *tree.Node) { root.Append(tree.NewValue("d", "4")) }},
		{"a node added first", func(root *tree.Node) { root.Insert(0, tree.NewValue("a", "0")) }},
		{"a node removed", func(root *tree.Node) { child(root, "b", 1).Detach() }},
		{"nodes swapped", func(root *tree.Node) { root.Insert(0, child(root, "c", 1)) }},
		{"a refused value", func(root *tree.Node) { child(root, "c", 1).SetValue("x") }},
	}
	for name, l := range lenses {
		for _, e := range edits {
			t.Run(name+"/"+e.name, func(t *testing.T) {
				text := texts[name]
				a, err := l.Get(text)
				require.NoError(t, err)
				b, lay, err := l.GetLayout(text)
				require.NoError(t, err)
				require.NotNil(t, lay)
				sk, fromLayout := lay.topSkel(&getter{text: text, getMode: getMode{skel: true}, lvl: &level{}})
				assert.Equal(t, name != "reread", fromLayout, "skeleton from the layout")
				if fromLayout {
					// the skeleton of the level read again
					g := &getter{text: text, getMode: getMode{skel: true, shallow: true}, lvl: &level{}}
					want, err := g.exact(l, 0, len(text))
					require.NoError(t, err)
					assert.Equal(t, want, sk, "skeleton from the layout")
				}
				e.edit(a)
				e.edit(b)
				want, werr := l.Put(a, text)
				got, gerr := l.PutChangedLayout(b, text, lay)
				assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr))
				assert.Equal(t, want, got)
			})
		}
	}
}
