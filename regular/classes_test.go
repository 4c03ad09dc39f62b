package regular

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRefineClasses: the classes are those of the byte-by-byte
// refinement (two bytes share a class exactly when every set holds both
// or neither), numbered by first byte, for random sets of every kind.
func TestRefineClasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	randomSet := func() ByteSet {
		var s ByteSet
		switch rng.IntN(4) {
		case 0: // a range
			lo := byte(rng.IntN(256))
			s.AddRange(lo, lo+byte(rng.IntN(256-int(lo))))
		case 1: // a few bytes
			for range 1 + rng.IntN(5) {
				s.Add(byte(rng.IntN(256)))
			}
		case 2: // a complement
			s.Add(byte(rng.IntN(256)))
			s = s.Complement()
		default: // anything
			for w := range s {
				s[w] = rng.Uint64()
			}
		}
		return s
	}
	for range 2000 {
		sets := make([]ByteSet, rng.IntN(12))
		for i := range sets {
			sets[i] = randomSet()
		}
		cl := refineClasses(sets)
		// two bytes share a class exactly when no set tells them apart
		var sig [256]string
		for c := range 256 {
			b := make([]byte, len(sets))
			for i, s := range sets {
				if s.Has(byte(c)) {
					b[i] = 1
				}
			}
			sig[c] = string(b)
		}
		next := 0
		seen := map[string]int{}
		for c := range 256 {
			k, ok := seen[sig[c]]
			if !ok {
				k = next
				seen[sig[c]] = k
				next++
			}
			require.Equal(t, uint8(k), cl.of[c], "byte %d", c)
			require.True(t, cl.sets[k].Has(byte(c)))
		}
		require.Equal(t, next, cl.n)
	}
}
