package regular

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMinusWithoutDeterminising: the difference built on the left
// language's nondeterministic automaton is the difference of the DFAs,
// minimal, for random pairs whose left DFA was never built.
func TestMinusWithoutDeterminising(t *testing.T) {
	fc := &failureCap{t: t}
	for _, p := range genPairs(t, 3, propCases) {
		a := Compile(p.ra) // fresh: no DFA built yet
		d := Minus(a, p.b)
		require.Nil(t, a.det.Load(), "the left DFA was built: %s", p)
		want := fromDFA(product(p.a.dfa(), p.b.dfa(), func(x, y bool) bool { return x && !y }))
		fc.check(assert.True(t, d.Equal(want), "%s", p) &&
			assert.Equal(t, want.NumStates(), d.NumStates(), "not minimal: %s", p) &&
			assert.Equal(t, want.FirstBytes(), d.FirstBytes(), "first bytes: %s", p))
	}
}

// A left language whose DFA is exponential in its size is subtracted
// from without building it (the result stays nondeterministic); a right
// one too large to determinise is refused by Subtract with an error.
func TestMinusExponential(t *testing.T) {
	a := MustCompile("(a|b)*a(a|b){20}")
	d, err := Subtract(a, MustCompile("b|ab*"))
	require.NoError(t, err)
	assert.Nil(t, a.det.Load(), "the left DFA was built")
	assert.Less(t, d.States(), 1000)
	long := "a" + strings.Repeat("ab", 10)
	assert.True(t, d.Match(long))
	assert.True(t, d.Match("b"+long))
	assert.False(t, d.Match("a"+strings.Repeat("b", 19)))
	assert.False(t, d.Match("abbbb"))

	_, err = Subtract(MustCompile("[ab]+"), MustCompile("(a|b)*a(a|b){20}"))
	var merr *MinusError
	require.True(t, errors.As(err, &merr), "%v", err)
	assert.True(t, merr.Large)
	assert.Equal(t, "regexp subtraction /[ab]+/ - /(a|b)*a(a|b){20,20}/: the right-hand side needs more than 65536 deterministic states", err.Error())
}
