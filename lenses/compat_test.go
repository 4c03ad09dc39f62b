package lenses_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameFilterAsAugeas: each lens claims exactly the files Augeas
// 1.14's lens of the same name claims.
func TestSameFilterAsAugeas(t *testing.T) {
	for _, m := range shipped {
		t.Run(m, func(t *testing.T) {
			ours := transform(t, own(), m).Filter
			theirs := transform(t, augeas(t), m).Filter
			assert.ElementsMatch(t, theirs, ours)
		})
	}
}

// corpus returns the texts a module is compared on: the fixtures its
// filter claims, the inputs of its golden cases and generated files.
func corpus(t testing.TB, module string) map[string]string {
	out := claimed(t, module)
	for k, v := range generated(module) {
		out[k] = v
	}
	files, _ := filepath.Glob(filepath.Join("testdata/golden", strings.ToLower(module), "*.txtar"))
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		require.NoError(t, err)
		for _, s := range ar.Files {
			if s.Name == "input" {
				out["golden/"+filepath.Base(f)] = string(s.Data)
			}
		}
	}
	// the edges: an empty file, and each text without its final newline
	// (what a lens sees when the loader does not add one)
	out["empty"] = ""
	for k, v := range maps.Clone(out) {
		if strings.HasSuffix(v, "\n") {
			out[k+" (no final newline)"] = strings.TrimSuffix(v, "\n")
		}
	}
	return out
}

// mutants derives n variants of every text of a corpus by line edits a
// person might make (drop, repeat or swap lines, indent, trailing
// blanks, comment a line out, glue "=" with blanks, lines from another
// file of the corpus), deterministically.
func mutants(texts map[string]string, n int) map[string]string {
	names := make([]string, 0, len(texts))
	for k := range texts {
		names = append(names, k)
	}
	sort.Strings(names)
	rng := rand.New(rand.NewPCG(1, 2))
	out := map[string]string{}
	for _, name := range names {
		lines := strings.SplitAfter(texts[name], "\n")
		if len(lines) < 2 {
			continue
		}
		for k := 0; k < n; k++ {
			ls := append([]string(nil), lines...)
			i := rng.IntN(len(ls))
			switch rng.IntN(8) {
			case 0:
				ls = append(ls[:i], ls[i+1:]...)
			case 1:
				ls = append(ls[:i+1], ls[i:]...)
			case 2:
				j := rng.IntN(len(ls))
				ls[i], ls[j] = ls[j], ls[i]
			case 3:
				ls[i] = "\t" + ls[i]
			case 4:
				ls[i] = strings.Replace(ls[i], "\n", "  \n", 1)
			case 5:
				ls[i] = "#" + ls[i]
			case 6:
				ls[i] = strings.Replace(ls[i], "=", " = ", 1)
			default:
				other := strings.SplitAfter(texts[names[rng.IntN(len(names))]], "\n")
				ls = append(ls[:i], append([]string{other[rng.IntN(len(other))]}, ls[i:]...)...)
			}
			out[fmt.Sprintf("%s (mutant %d)", name, k)] = strings.Join(ls, "")
		}
	}
	return out
}

// editPlan is one deterministic change of a file's tree.
type editPlan struct {
	name string
	edit func(root *tree.Node)
}

var editPlans = []editPlan{
	{"rotate values among nodes of the same label", func(root *tree.Node) {
		byLabel := map[string][]*tree.Node{}
		var labels []string
		walk(root, func(n *tree.Node) {
			l, ok := n.Label()
			if _, has := n.Value(); ok && has {
				if byLabel[l] == nil {
					labels = append(labels, l)
				}
				byLabel[l] = append(byLabel[l], n)
			}
		})
		for _, l := range labels {
			ns := byLabel[l]
			first, _ := ns[0].Value()
			for i := 0; i+1 < len(ns); i++ {
				v, _ := ns[i+1].Value()
				ns[i].SetValue(v)
			}
			ns[len(ns)-1].SetValue(first)
		}
	}},
	{"remove every third top-level node", func(root *tree.Node) {
		kids := root.Children()
		var keep []*tree.Node
		for i, k := range kids {
			if i%3 != 2 {
				keep = append(keep, k)
			}
		}
		root.SetChildren(append([]*tree.Node(nil), keep...))
	}},
	{"copy the first node to the end and the last to the front", func(root *tree.Node) {
		var first, last *tree.Node
		for _, k := range root.Children() {
			if k.Hidden() {
				continue
			}
			if first == nil {
				first = k
			}
			last = k
		}
		if first == nil {
			return
		}
		a, b := first.Clone(), last.Clone()
		root.Append(a)
		root.Insert(0, b)
	}},
	{"repeat the last child of every top-level node", func(root *tree.Node) {
		for _, k := range root.Children() {
			kids := k.Children()
			for i := len(kids) - 1; i >= 0; i-- {
				if !kids[i].Hidden() {
					k.Append(kids[i].Clone())
					break
				}
			}
		}
	}},
	{"remove the values of leaves with a number label", func(root *tree.Node) {
		walk(root, func(n *tree.Node) {
			if l, ok := n.Label(); ok && l != "" && strings.Trim(l, "0123456789") == "" && n.Len() == 0 {
				n.SetValue("x" + l)
			}
		})
	}},
}

func walk(n *tree.Node, f func(*tree.Node)) {
	for _, c := range n.Children() {
		f(c)
		walk(c, f)
	}
}

// TestSameTreesAsAugeas runs our lens and Augeas's lens of the same
// name (both through lensnet's engine) over each module's corpus and
// requires identical trees, and identical bytes (or both a refusal)
// after each edit plan.
func TestSameTreesAsAugeas(t *testing.T) {
	for _, m := range shipped {
		t.Run(m, func(t *testing.T) {
			ours, theirs := lensOf(t, own(), m), lensOf(t, augeas(t), m)
			texts := corpus(t, m)
			for k, v := range mutants(texts, 25) {
				texts[k] = v
			}
			names := make([]string, 0, len(texts))
			for k := range texts {
				names = append(names, k)
			}
			sort.Strings(names)
			nodes, puts, refused, parsed := 0, 0, 0, 0
			for _, name := range names {
				text := texts[name]
				a, errA := ours.Get(text)
				b, errB := theirs.Get(text)
				if (errA == nil) != (errB == nil) {
					t.Errorf("%s: our get error %v, Augeas's lens error %v", name, errA, errB)
					continue
				}
				// GetLazy finds the same errors, and the same tree once
				// every level is looked at
				lz, _, errL := ours.GetLazy(text)
				assert.Equal(t, fmt.Sprint(errA), fmt.Sprint(errL), "%s: GetLazy and Get disagree", name)
				if errA != nil {
					continue
				}
				parsed++
				if lz != nil {
					assert.Equal(t, tree.Dump(a), tree.Dump(lz), "%s: GetLazy and Get disagree", name)
				}
				if !assert.Equal(t, tree.Dump(b), tree.Dump(a), "%s: trees differ", name) {
					continue
				}
				walk(a, func(*tree.Node) { nodes++ })
				for _, plan := range editPlans {
					ta, tb := a.Clone(), b.Clone()
					plan.edit(ta)
					plan.edit(tb)
					outA, errA := ours.Put(ta, text)
					outB, errB := theirs.Put(tb, text)
					puts++
					// the same edits on a tree as read: PutChanged, which
					// copies the text of what did not change (and knows
					// the top level from the layout), agrees
					for _, get := range []func(string) (*tree.Node, *lens.Layout, error){ours.GetLayout, ours.GetLazy} {
						if fresh, lay, err := get(text); assert.NoError(t, err) {
							plan.edit(fresh)
							outC, errC := ours.PutChangedLayout(fresh, text, lay)
							assert.Equal(t, fmt.Sprint(errA), fmt.Sprint(errC), "%s, %s: PutChanged and Put disagree", name, plan.name)
							assert.Equal(t, outA, outC, "%s, %s: PutChanged and Put disagree", name, plan.name)
						}
					}
					switch {
					case (errA == nil) != (errB == nil):
						t.Errorf("%s, %s: our put error %v, Augeas's lens error %v", name, plan.name, errA, errB)
					case errA != nil:
						refused++
					default:
						assert.Equal(t, outB, outA, "%s, %s: saved bytes differ", name, plan.name)
						checkPutGet(t, ours, ta, outA, name+", "+plan.name)
					}
				}
			}
			t.Logf("%d files (%d parsed, %d nodes), %d edited puts compared (%d refused by both)", len(names), parsed, nodes, puts, refused)
			require.NotZero(t, parsed)
		})
	}
}

// checkPutGet reads back what put wrote (PutGet). Get numbers seq
// labels afresh, so labels made of digits are compared as "%n".
func checkPutGet(t *testing.T, l *lens.Lens, want *tree.Node, text, what string) {
	t.Helper()
	got, err := l.Get(text)
	if !assert.NoError(t, err, "%s: get of the saved text", what) {
		return
	}
	assert.Equal(t, tree.Dump(numbersAnonymous(want)), tree.Dump(numbersAnonymous(got)), "%s: get(put(tree)) differs from the tree", what)
}

// numbersAnonymous returns a copy of the tree with every all-digit label
// replaced by "%n".
func numbersAnonymous(root *tree.Node) *tree.Node {
	c := root.Clone()
	walk(c, func(n *tree.Node) {
		if l, ok := n.Label(); ok && l != "" && strings.Trim(l, "0123456789") == "" {
			n.SetLabel("%n")
		}
	})
	return c
}
