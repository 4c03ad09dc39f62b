package lens

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// Small builders so that test lenses read like the lens language.

func re(p string) *regular.FA { return regular.MustCompile(p) }

func must(l *Lens, err error) *Lens {
	if err != nil {
		panic(err)
	}
	return l
}

func del(p, d string) *Lens         { return Del(re(p), d) }
func dels(s string) *Lens           { return Del(regular.LiteralFA(s), s) }
func store(p string) *Lens          { return Store(re(p)) }
func key(p string) *Lens            { return Key(re(p)) }
func cat(ls ...*Lens) *Lens         { return must(Concat(ls...)) }
func alt(ls ...*Lens) *Lens         { return must(Union(ls...)) }
func star(l *Lens) *Lens            { return must(Star(l)) }
func plus(l *Lens) *Lens            { return must(Plus(l)) }
func opt(l *Lens) *Lens             { return Maybe(l) }
func sub(ls ...*Lens) *Lens         { return Subtree(cat(ls...)) }
func named(l *Lens, n string) *Lens { return l.WithInfo(source.Info{Name: n}) }

func get(t *testing.T, l *Lens, text string) string {
	t.Helper()
	root, err := l.Get(text)
	require.NoError(t, err)
	return tree.Dump(root)
}

// child returns the n-th (1-based) child of p labelled label.
func child(p *tree.Node, label string, n int) *tree.Node {
	for _, c := range p.Children() {
		if l, ok := c.Label(); ok && l == label {
			n--
			if n == 0 {
				return c
			}
		}
	}
	return nil
}
