package regular

import (
	"math/rand"
	"testing"
)

// TestChainUnambiguous: ChainUnambiguous agrees with AmbigConcat on
// every split (a0·…·at)·at+1 of random chains of small languages.
func TestChainUnambiguous(t *testing.T) {
	pats := []string{"a", "b", "ab", "a*", "b+", "a|ab", "ba|b", "(ab)*", "c?", "", "a[bc]", "[a-c]+", "bc|c", "x"}
	rng := rand.New(rand.NewSource(16))
	var sawAmb, sawUnamb int
	for range 3000 {
		fas := make([]*FA, 2+rng.Intn(4))
		for i := range fas {
			fas[i] = MustCompile(pats[rng.Intn(len(pats))])
		}
		want := true
		prefix := fas[0]
		for i := 1; i < len(fas); i++ {
			if _, amb := AmbigConcat(prefix, fas[i]); amb {
				want = false
				break
			}
			prefix = Concat(prefix, fas[i])
		}
		if got := ChainUnambiguous(fas); got != want {
			t.Fatalf("%v: ChainUnambiguous %v, splits %v", fas, got, want)
		}
		if want {
			sawUnamb++
		} else {
			sawAmb++
		}
	}
	if sawAmb < 100 || sawUnamb < 100 {
		t.Errorf("too few cases of one kind: %d ambiguous, %d not", sawAmb, sawUnamb)
	}
	if ChainUnambiguous([]*FA{MustCompile("a|aa"), MustCompile("a*"), None()}) {
		t.Error("a chain with an empty operand must be left to the split checks")
	}
}
