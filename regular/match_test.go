package regular

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatchPrefixesAndStarts(t *testing.T) {
	tests := []struct {
		name     string
		pattern  string
		input    string
		prefixes []int
		starts   []int
		longest  int
	}{
		{"interval", "a{2,4}", "aaaaaa", []int{2, 3, 4}, []int{2, 3, 4}, 4},
		{"star accepts empty", "a*", "aab", []int{0, 1, 2}, []int{3}, 2},
		{"no match", "b+", "aaa", nil, nil, -1},
		{"empty input", "a?", "", []int{0}, []int{0}, 0},
		{"key value line", "[a-z]+=[0-9]*\n", "ab=12\n", []int{6}, []int{0, 1}, 6},
		{"words", "[a-z]+( [a-z]+)*", "ab cd", []int{1, 2, 4, 5}, []int{0, 1, 3, 4}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa := MustCompile(tt.pattern)
			assert.Equal(t, tt.prefixes, fa.AppendPrefixes(nil, tt.input))
			assert.Equal(t, tt.starts, fa.AppendStarts(nil, tt.input))
			assert.Equal(t, tt.longest, fa.LongestPrefix(tt.input))
		})
	}
}

func TestAppendKeepsDestination(t *testing.T) {
	fa := MustCompile("a*")
	assert.Equal(t, []int{7, 0, 1}, fa.AppendPrefixes([]int{7}, "a"))
	assert.Equal(t, []int{7, 0, 1}, fa.AppendStarts([]int{7}, "a"))
}

func TestReach(t *testing.T) {
	fa := MustCompile("(ab)*c")
	assert.Equal(t, 0, fa.Reach("x"))
	assert.Equal(t, 3, fa.Reach("abax"))
	assert.Equal(t, 5, fa.Reach("ababc"))
	assert.Equal(t, 5, fa.Reach("ababcab"))
	assert.Equal(t, 2, fa.Reach("ab"))
	assert.Equal(t, 0, None().Reach("ab"))
	assert.Equal(t, 0, fa.Reach(""))
}

// bruteLengths checks every split with whole-word matching.
func bruteLengths(fa *FA, s string) (prefixes, starts []int) {
	for n := 0; n <= len(s); n++ {
		if fa.Match(s[:n]) {
			prefixes = append(prefixes, n)
		}
		if fa.Match(s[n:]) {
			starts = append(starts, n)
		}
	}
	return prefixes, starts
}

// With a tiny cache the matcher flushes constantly; results must not
// change.
func TestMatchCacheFlush(t *testing.T) {
	// (a|b)*a(a|b){6} needs 2^7 DFA states
	pattern := "(a|b)*a(a|b){6}"
	small, big := tinyCache(pattern), MustCompile(pattern)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j := r.IntN(30); j > 0; j-- {
			b.WriteByte("ab"[r.IntN(2)])
		}
		s := b.String()
		want := len(s) >= 7 && s[len(s)-7] == 'a'
		require.Equal(t, want, small.Match(s), s)
		require.Equal(t, big.Match(s), small.Match(s), s)
		p1, s1 := bruteLengths(big, s)
		assert.Equal(t, p1, small.AppendPrefixes(nil, s), s)
		assert.Equal(t, s1, small.AppendStarts(nil, s), s)
	}
}

// tinyCache compiles pattern with matchers (both directions) that
// flush their cache after 3 states.
func tinyCache(pattern string) *FA {
	fa := MustCompile(pattern)
	fa.forwardLimit(3)
	fa.backwardLimit(3)
	return fa
}

// Goroutines sharing a matcher that flushes constantly see the same
// answers as one that never does.
func TestMatchConcurrentFlush(t *testing.T) {
	pattern := "(a|b)*a(a|b){6}"
	small, big := tinyCache(pattern), MustCompile(pattern)
	r := rand.New(rand.NewPCG(3, 4))
	inputs := make([]string, 50)
	for i := range inputs {
		var b strings.Builder
		for j := r.IntN(40); j > 0; j-- {
			b.WriteByte("ab"[r.IntN(2)])
		}
		inputs[i] = b.String()
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for _, s := range inputs {
				ok = ok && small.Match(s) == big.Match(s) &&
					slices.Equal(small.AppendPrefixes(nil, s), big.AppendPrefixes(nil, s)) &&
					slices.Equal(small.AppendStarts(nil, s), big.AppendStarts(nil, s))
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		assert.True(t, <-done)
	}
}

func TestMatchConcurrent(t *testing.T) {
	fa := MustCompile("([a-z]+=[0-9]+\n)*")
	input := strings.Repeat("key=123\n", 1000)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for i := 0; i < 20; i++ {
				ok = ok && fa.Match(input) && len(fa.AppendPrefixes(nil, input)) == 1001
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		assert.True(t, <-done)
	}
}

func TestViable(t *testing.T) {
	for _, tc := range []struct {
		re, in string
		n      int
		next   string
	}{
		{"[a-z]+=[0-9]+", "abc=12x", 6, "[0-9]"},
		{"[a-z]+=[0-9]+", "abc:", 3, "=a-z"},
		{"abc", "", 0, "a"},
		{"abc", "abc", 3, ""},
		{"a|b", "c", 0, "ab"},
	} {
		n, next := MustCompile(tc.re).Viable(tc.in)
		assert.Equal(t, tc.n, n, "%s on %q", tc.re, tc.in)
		var want ByteSet
		for i := 0; i < len(tc.next); i++ {
			if i+2 < len(tc.next) && tc.next[i+1] == '-' {
				want.AddRange(tc.next[i], tc.next[i+2])
				i += 2
				continue
			}
			if tc.next[i] != '[' && tc.next[i] != ']' {
				want.Add(tc.next[i])
			}
		}
		assert.Equal(t, want, next, "%s on %q", tc.re, tc.in)
	}
	n, _ := None().Viable("x")
	assert.Equal(t, -1, n)
}
