package lens

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestDictPop checks that pop gives the first unused entry of a label,
// as a plain scan does, for dictionaries small and large and pops in
// document order, nearly so, and at random (labels missing included).
func TestDictPop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		n := 1 + r.IntN(120)
		labels := 1 + r.IntN(n+3)
		d := &dict{}
		ref := make([]dictKey, n)
		for i := range n {
			k := dictKey{label: fmt.Sprint("l", r.IntN(labels)), hasLabel: r.IntN(20) > 0}
			ref[i] = k
			d.add(k, skel{}, nil)
		}
		used := make([]bool, n)
		order := r.Perm(n)
		switch trial % 3 {
		case 0: // in document order, some left out
			for i := range order {
				order[i] = i
			}
		case 1: // in order, a few swapped
			for i := range order {
				order[i] = i
			}
			for range 3 {
				a, b := r.IntN(n), r.IntN(n)
				order[a], order[b] = order[b], order[a]
			}
		}
		for step, o := range order {
			key := ref[o]
			if r.IntN(8) == 0 {
				key = dictKey{label: "missing", hasLabel: true}
			}
			want := -1
			for i, k := range ref {
				if !used[i] && k == key {
					want = i
					break
				}
			}
			if want >= 0 {
				used[want] = true
			}
			if got := d.pop(key); got != want {
				t.Fatalf("trial %d (%d entries), pop %d of %v: got %d, want %d", trial, n, step, key, got, want)
			}
		}
	}
}
