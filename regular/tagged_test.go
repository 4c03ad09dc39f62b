package regular

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The masks of a Tagged are what matching each language apart gives.
func TestTaggedMasks(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string // "" for the empty language
	}{
		{"none", nil},
		{"one", []string{"a*b"}},
		{"suffixes of a line", []string{"[ \t]*[a-z]+ [^\n]*\n", "[a-z]+ [^\n]*\n", " [^\n]*\n", "[^\n]*\n", "\n"}},
		{"overlapping", []string{"(a|b)*a(a|b){3}", "a*", "b(a|b)*", "()", "[^c]"}},
		{"empty language", []string{"a", "", "b"}},
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, cache := range []string{"normal", "tiny"} {
				fas := make([]*FA, len(tc.patterns))
				for k, p := range tc.patterns {
					fas[k] = None()
					if p != "" {
						fas[k] = MustCompile(p)
					}
				}
				tg := NewTagged(fas...)
				require.NotNil(t, tg)
				if cache == "tiny" {
					tg.forwardLimit(3)
					tg.backwardLimit(3)
				}
				for i := 0; i < 200; i++ {
					var b strings.Builder
					for j := r.IntN(12); j > 0; j-- {
						b.WriteByte("ab \t\nc"[r.IntN(6)])
					}
					s := b.String()
					var want uint64
					wantStarts := make([]uint64, len(s)+1)
					for k, fa := range fas {
						if fa.Match(s) {
							want |= 1 << k
						}
						for _, p := range fa.AppendStarts(nil, s) {
							wantStarts[p] |= 1 << k
						}
					}
					assert.Equal(t, want, tg.MatchMask(s), "%s %q", cache, s)
					if want != 0 {
						assert.Equal(t, bits.TrailingZeros64(want), tg.Choose(s), "%s %q", cache, s)
					}
					starts, masks := tg.AppendStartMasks([]int{7}, []uint64{8, 9}, s)
					assert.Equal(t, sparse([]int{7}, []uint64{8, 9}, wantStarts), [2]any{starts, masks}, "%s %q", cache, s)
				}
			}
		})
	}
}

func TestTaggedTooMany(t *testing.T) {
	fas := make([]*FA, MaxTags+1)
	for k := range fas {
		fas[k] = Epsilon()
	}
	assert.Nil(t, NewTagged(fas...))
	assert.Equal(t, -1, NewTagged().Choose("a"))
	assert.Equal(t, -1, NewTagged(MustCompile("a"), MustCompile("ab")).Choose("b"))
	assert.NotNil(t, NewTagged(fas[:MaxTags]...))
	assert.Equal(t, ^uint64(0), NewTagged(fas[:MaxTags]...).MatchMask(""))
}

// The suffixes of a concatenation read together are the suffix
// languages built one by one.
func TestSuffixesMasks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, patterns := range [][]string{
		nil,
		{"a*"},
		{"[ \t]*", "[a-z]+", "[ \t]+", "[^ \t\n]+([^\n]*[^ \t\n])?", "[ \t]*\n"},
		{"a|ab", "b*", "", "a"},
		{"(a|b)*", "a", "(a|b)(a|b)", "b?"},
	} {
		parts := make([]*FA, len(patterns))
		for k, p := range patterns {
			parts[k] = None()
			if p != "" {
				parts[k] = MustCompile(p)
			}
		}
		suf := make([]*FA, len(parts))
		for k := range parts {
			suf[k] = Concat(parts[k:]...)
		}
		all := NewSuffixes(parts...)
		for i := 0; i < 300; i++ {
			var b strings.Builder
			for j := r.IntN(14); j > 0; j-- {
				b.WriteByte("ab \t\nx"[r.IntN(6)])
			}
			s := b.String()
			var want uint64
			wantStarts := make([]uint64, len(s)+1)
			for k, fa := range suf {
				if fa.Match(s) {
					want |= 1 << k
				}
				for _, p := range fa.AppendStarts(nil, s) {
					wantStarts[p] |= 1 << k
				}
			}
			assert.Equal(t, want, all.MatchMask(s), "%q on %q", patterns, s)
			starts, masks := all.AppendStartMasks(nil, nil, s)
			assert.Equal(t, sparse(nil, nil, wantStarts), [2]any{starts, masks}, "%q on %q", patterns, s)
		}
	}
	assert.Nil(t, NewSuffixes(make([]*FA, MaxTags+1)...))
}

// sparse appends the positions of the non-zero masks of dense and those
// masks to starts and masks.
func sparse(starts []int, masks []uint64, dense []uint64) [2]any {
	for i, m := range dense {
		if m != 0 {
			starts, masks = append(starts, i), append(masks, m)
		}
	}
	return [2]any{starts, masks}
}
