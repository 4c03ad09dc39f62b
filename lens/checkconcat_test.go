package lens

import (
	"flag"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/regular"
)

var bigConcat = flag.Bool("bigconcat", false, "BenchmarkCheckFlatConcat also runs 4000 and 10000 operands")

// flatConcat is one flat concatenation of n operands: del "aI" "aI" for
// the text-only shape, [ key "kI" . del "=" "=" . store /[0-9]+/ .
// del "\n" "\n" ] for the shape with subtrees.
func flatConcat(tb testing.TB, n int, subtrees bool) *Lens {
	tb.Helper()
	kids := make([]*Lens, n)
	for i := range kids {
		if !subtrees {
			s := fmt.Sprintf("a%d", i)
			kids[i] = Del(regular.LiteralFA(s), s)
			continue
		}
		body, err := Concat(Key(regular.LiteralFA(fmt.Sprintf("k%d", i))), Del(regular.LiteralFA("="), "="),
			Store(regular.MustCompile("[0-9]+")), Del(regular.LiteralFA("\n"), "\n"))
		if err != nil {
			tb.Fatal(err)
		}
		kids[i] = Subtree(body)
	}
	l, err := Concat(kids...)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// BenchmarkCheckFlatConcat type-checks a flat concatenation of n
// operands. It was quadratic in n (each split determinised and minimised
// the whole prefix again): text n=1000 3.28 s 3.76 GB, subtrees n=1000
// 15.9 s 14.7 GB; linear since the chain is checked as a whole.
func BenchmarkCheckFlatConcat(b *testing.B) {
	sizes := []int{250, 500, 1000}
	if *bigConcat {
		sizes = append(sizes, 4000, 10000)
	}
	for _, subtrees := range []bool{false, true} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("subtrees=%v/n=%d", subtrees, n), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					l := flatConcat(b, n, subtrees) // types are cached per lens
					b.StartTimer()
					if err := Check(l); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// checkMallocs type-checks a fresh lens and returns the heap allocations
// the check made.
func checkMallocs(t *testing.T, l *Lens) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := Check(l); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs
}

// TestCheckFlatConcatLinear: checking four times as many operands costs
// about four times the allocations, not sixteen (it was quadratic: 0.9M
// allocations for 250 operands, 15.7M for 1000).
func TestCheckFlatConcatLinear(t *testing.T) {
	for _, c := range []struct {
		subtrees bool
		n        int
	}{{false, 1000}, {true, 500}} {
		small := checkMallocs(t, flatConcat(t, c.n, c.subtrees))
		big := checkMallocs(t, flatConcat(t, 4*c.n, c.subtrees))
		if big > 6*small {
			t.Errorf("subtrees=%v: %d operands took %d allocations, %d took %d: more than linear", c.subtrees, c.n, small, 4*c.n, big)
		}
	}
}

// TestCheckFlatConcatAmbiguous: in a long chain the check still reports
// the first ambiguous split and its witness, the same as when the chain
// is checked split by split (the short chain ending at that split).
func TestCheckFlatConcatAmbiguous(t *testing.T) {
	del := func(re, def string) func() *Lens {
		return func() *Lens { return Del(regular.MustCompile(re), def) }
	}
	for _, tc := range []struct {
		at          int
		left, right func() *Lens
		tree        bool
	}{
		{at: 30, left: del("a+", "a"), right: del("a+", "a")},
		{at: 41, left: del("b|bc", "b"), right: del("cd|d", "d")},
		{at: 25, left: func() *Lens { return labelStar(t, ";") }, right: func() *Lens { return labelStar(t, ",") }, tree: true},
	} {
		mk := func(n int) *Lens {
			kids := make([]*Lens, n)
			for i := range kids {
				s := fmt.Sprintf("a%d", i)
				kids[i] = Del(regular.LiteralFA(s), s)
			}
			kids[tc.at-1], kids[tc.at] = tc.left(), tc.right()
			l, err := Concat(kids...)
			if err != nil {
				t.Fatal(err)
			}
			return l
		}
		long, short := Check(mk(200)), Check(mk(tc.at+1))
		if long == nil || short == nil {
			t.Fatalf("at %d: no error: %v / %v", tc.at, long, short)
		}
		want := "ambiguous concatenation"
		if tc.tree {
			want = "ambiguous tree concatenation"
		}
		if !strings.Contains(long.Error(), want) || long.Error() != short.Error() {
			t.Errorf("at %d:\n long: %v\nshort: %v", tc.at, long, short)
		}
	}
}

// labelStar is [ label "x" . del SEP SEP ]*: two of them with different
// separators split the text in one way only, but not the tree.
func labelStar(t *testing.T, sep string) *Lens {
	t.Helper()
	body, err := Concat(Label("x"), Del(regular.LiteralFA(sep), sep))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Star(Subtree(body))
	if err != nil {
		t.Fatal(err)
	}
	return l
}
