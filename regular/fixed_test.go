package regular

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFixedLength(t *testing.T) {
	tests := []struct {
		pattern string
		n       int
		ok      bool
	}{
		{"", 0, true},
		{"=", 1, true},
		{"iface", 5, true},
		{"[ \t]", 1, true},
		{"abc|def|g[a-z]i", 3, true},
		{"(a|b)(c|d)", 2, true},
		{"a?", 0, false},
		{"ab|abc", 0, false},
		{"a*", 0, false},
		{"[ \t]+", 0, false},
		{"x{3}", 3, true},
		{"x{2,3}", 0, false},
	}
	for _, tt := range tests {
		n, ok := MustCompile(tt.pattern).FixedLength()
		assert.Equal(t, tt.ok, ok, "%q", tt.pattern)
		if tt.ok {
			assert.Equal(t, tt.n, n, "%q", tt.pattern)
		}
	}
	_, ok := None().FixedLength()
	assert.False(t, ok, "the empty language has no length")
}

// TestPropFixedLength: when FixedLength says yes, every word of the
// language has that length (get cuts by it without reading: all the
// words of a small finite language, random words of the others); when
// the language is finite and small, a yes is given whenever all its
// words share a length (within the size bounds).
func TestPropFixedLength(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	yes := 0
	for i := 0; i < 3000; i++ {
		re := genRegexp(r, 3)
		fa := MustCompile(re)
		n, ok := fa.FixedLength()
		words, finite := fa.Words(200)
		if ok {
			yes++
			assert.False(t, fa.IsEmpty(), "%q: the empty language has no length", re)
			for _, w := range words { // finite and small
				assert.Len(t, w, n, "%q", re)
			}
			parsed := MustParse(re, 0)
			for k := 0; k < 20; k++ {
				if w, made := genMember(r, parsed); made {
					assert.Len(t, w, n, "%q: a word of another length", re)
				}
			}
			continue
		}
		if finite && len(words) > 0 && fa.States() <= fixedMaxStates {
			same := true
			for _, w := range words {
				same = same && len(w) == len(words[0])
			}
			assert.False(t, same && len(words[0]) <= fixedMaxLen, "%q: all words have length %d, FixedLength said no", re, len(words[0]))
		}
	}
	assert.Greater(t, yes, 50, "the generator should make some fixed-length languages")
}
