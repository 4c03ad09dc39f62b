package regular

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Differential tests against Go's regexp package. On the syntax genRegexp
// produces and on ASCII input, both read a pattern the same way: '.' is any
// byte but newline, a negated set matches newline, a raw newline in the
// pattern is a literal. Go's regexp matches leftmost-first, but with the
// pattern anchored at both ends MatchString only asks whether the whole
// input is in the language, which is what Match answers.

// goAnchored compiles p with Go's regexp, anchored at both ends; with
// FoldCase it is case-insensitive. Go folds Unicode case too (k and the
// Kelvin sign), but on ASCII input that makes no difference.
func goAnchored(p string, flags Flags) (*regexp.Regexp, error) {
	prefix := "^(?:"
	if flags&FoldCase != 0 {
		prefix = "(?i)" + prefix
	}
	return regexp.Compile(prefix + p + ")$")
}

// upperSome turns random lowercase letters of s to uppercase. In a
// pattern it leaves bracket expressions alone: [A-c] would be a range
// through punctuation.
func upperSome(r *rand.Rand, s string, pattern bool) string {
	b := []byte(s)
	inSet := false
	for i, c := range b {
		switch {
		case pattern && c == '[':
			inSet = true
		case pattern && c == ']':
			inSet = false
		case !inSet && c >= 'a' && c <= 'z' && r.IntN(2) == 0:
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// diffStats counts what the checks saw, to show the tests are not vacuous.
type diffStats struct {
	pairs, matched, prefixes, starts int
}

// checkAgainstGo compares Match, LongestPrefix, AppendPrefixes and
// AppendStarts of fa with brute force over Go's regexp re on s. It returns
// false if anything differed.
func checkAgainstGo(t testing.TB, p string, fa *FA, re *regexp.Regexp, s string, st *diffStats) bool {
	t.Helper()
	var wantPrefixes, wantStarts []int
	for n := 0; n <= len(s); n++ {
		if re.MatchString(s[:n]) {
			wantPrefixes = append(wantPrefixes, n)
		}
		if re.MatchString(s[n:]) {
			wantStarts = append(wantStarts, n)
		}
	}
	want := re.MatchString(s)
	wantLongest := -1
	if len(wantPrefixes) > 0 {
		wantLongest = wantPrefixes[len(wantPrefixes)-1]
	}
	if st != nil {
		st.pairs++
		if want {
			st.matched++
		}
		st.prefixes += len(wantPrefixes)
		st.starts += len(wantStarts)
	}
	ok := assert.Equal(t, want, fa.Match(s), "Match: pattern %q, input %q", p, s)
	ok = assert.Equal(t, wantLongest, fa.LongestPrefix(s), "LongestPrefix: pattern %q, input %q", p, s) && ok
	ok = assert.Equal(t, wantPrefixes, fa.AppendPrefixes(nil, s), "AppendPrefixes: pattern %q, input %q", p, s) && ok
	ok = assert.Equal(t, wantStarts, fa.AppendStarts(nil, s), "AppendStarts: pattern %q, input %q", p, s) && ok
	return ok
}

func TestDifferentialGoRegexp(t *testing.T) {
	const (
		numPatterns  = 5000
		randomInputs = 6 // per pattern, plus members and near misses
		maxLen       = 12
		maxFailures  = 20
	)
	for _, tt := range []struct {
		name  string
		flags Flags
		seed  uint64
	}{
		{"plain", 0, 20240601},
		{"foldcase", FoldCase, 20240602},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fold := tt.flags&FoldCase != 0
			r := rand.New(rand.NewPCG(tt.seed, 1))
			var st diffStats
			failures := 0
			for range numPatterns {
				p := genRegexp(r, 3)
				if fold {
					p = upperSome(r, p, true)
				}
				re, err := Parse(p, tt.flags)
				require.NoError(t, err, "pattern %q", p)
				fa := Compile(re)
				gore, err := goAnchored(p, tt.flags)
				require.NoError(t, err, "Go regexp refuses generated pattern %q", p)

				inputs := make([]string, 0, randomInputs+4)
				for range randomInputs {
					inputs = append(inputs, genString(r, maxLen))
				}
				for range 2 {
					if w, ok := genMember(r, re); ok && len(w) <= 3*maxLen {
						inputs = append(inputs, w, mutate(r, w))
					}
				}
				for _, s := range inputs {
					if fold {
						s = upperSome(r, s, false)
					}
					if !checkAgainstGo(t, p, fa, gore, s, &st) {
						failures++
					}
					if failures >= maxFailures {
						t.Fatalf("stopping after %d failures", failures)
					}
				}
			}
			t.Logf("%d patterns, %d (pattern, input) pairs, %d in the language, %d prefixes, %d starts",
				numPatterns, st.pairs, st.matched, st.prefixes, st.starts)
			// the members generated from the patterns keep the test from
			// being vacuous: a good share of the pairs must match
			assert.Greater(t, st.matched, st.pairs/5)
		})
	}
}

// fuzzInput maps arbitrary bytes onto genWideAlphabet (and its uppercase
// letters with fold), where our byte-wise semantics and Go's rune-wise
// semantics agree.
func fuzzInput(data []byte, fold bool) string {
	alphabet := genWideAlphabet
	if fold {
		alphabet += "ABCD"
	}
	b := make([]byte, len(data))
	for i, c := range data {
		b[i] = alphabet[int(c)%len(alphabet)]
	}
	return string(b)
}

func FuzzDifferential(f *testing.F) {
	seeds := []struct {
		pattern, input []byte
		fold           bool
	}{
		{nil, nil, false},
		{[]byte{5}, []byte("a"), false},
		{[]byte{1, 3, 0, 6, 4, 7}, []byte("abc"), false},
		{[]byte{2, 8, 1, 9, 10, 2, 3, 4}, []byte{0, 1, 2, 3, 4, 0}, false},
		{[]byte{3, 0, 8, 2, 5, 0, 0, 11, 1, 1, 2}, []byte("\x03\x03\x00"), false},
		{[]byte("arbitrary fuzz bytes drive the grammar"), []byte("bytes map to abc\nd"), false},
		{[]byte{6, 1, 6, 0, 2, 7, 3, 10, 2, 1, 2}, []byte("aaaaaaaaaaab"), false},
		{[]byte{1, 3, 0, 6, 4, 7}, []byte{0, 5, 1, 6}, true},
		{[]byte("case folding"), []byte("AbCaBc"), true},
	}
	for _, s := range seeds {
		f.Add(s.pattern, s.input, s.fold)
	}
	f.Fuzz(func(t *testing.T, patternBytes, inputBytes []byte, fold bool) {
		if len(inputBytes) > 64 {
			inputBytes = inputBytes[:64]
		}
		p := regexpFromBytes(patternBytes)
		var flags Flags
		if fold {
			flags = FoldCase
			// which letters to uppercase depends on the whole input
			h := fnv.New64a()
			h.Write(patternBytes)
			h.Write(inputBytes)
			r := rand.New(rand.NewPCG(h.Sum64(), 0))
			p = upperSome(r, p, true)
		}
		s := fuzzInput(inputBytes, fold)
		re, err := Parse(p, flags)
		require.NoError(t, err, "pattern %q", p)
		gore, err := goAnchored(p, flags)
		require.NoError(t, err, "Go regexp refuses generated pattern %q", p)
		fa := Compile(re)
		checkAgainstGo(t, p, fa, gore, s, nil)
		if w, ok := fa.Example(); ok {
			assert.True(t, gore.MatchString(w), "Example %q of pattern %q is not in the language", w, p)
		} else {
			assert.False(t, gore.MatchString(s), "pattern %q is said empty, but matches %q", p, s)
		}
	})
}

// clip quotes s for a failure message, shortening long strings.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%q... (%d bytes)", s[:max], len(s))
}

// errorMsg shows a parse error without its pattern, which can be long.
func errorMsg(err error) string {
	var perr *Error
	if errors.As(err, &perr) {
		return fmt.Sprintf("at offset %d: %s", perr.Offset, perr.Msg)
	}
	return clip(err.Error())
}

// The String form of a chain of + and ? operators puts a group around
// every inner one, so more than maxDepth of them print as groups nested
// too deep to parse back. FuzzParse found this (its failing input is kept
// under testdata/fuzz/FuzzParse); this test states it directly.
func TestParseStringDeepRepeats(t *testing.T) {
	for _, tt := range []struct{ name, pattern string }{
		{"plus chain", "a" + strings.Repeat("+", 1002)},
		{"quest plus chain", "a" + strings.Repeat("?+", 501)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			re, err := Parse(tt.pattern, 0)
			require.NoError(t, err)
			s := re.String()
			back, err := Parse(s, 0)
			if err != nil {
				t.Fatalf("Parse(%s).String() = %s does not parse back: %s", clip(tt.pattern), clip(s), errorMsg(err))
			}
			assert.True(t, Compile(re).Equal(Compile(back)))
		})
	}
}

// fuzzEqualLimit bounds the size (intervals expanded) of the patterns
// whose languages FuzzParse compares as automata: determinization can
// blow up exponentially, .*a.{20} already needs a million states.
const fuzzEqualLimit = 48

func FuzzParse(f *testing.F) {
	for _, p := range []string{
		"[]a]", "[^]a]", "a{2,3}", "a?+", "(|a)", `\\`, "[a-]", "^a|b$", "{",
		"a{,3}", "[z-a]", "(((", "", "()", "a|", "[^\n]", "a$b^", "(^a$)",
		"[]^-]", "[^^-]", "[a-c-]", "[--a]", `[\]`, `\`, "a{1}{2}", "a*+?",
		"a{2,1}", "a{32768}", "[^\x00-\xff]", "(.|\n)*", "\xc3\xa9+",
		"a" + strings.Repeat("?+", 20),
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		for _, flags := range []Flags{0, FoldCase} {
			re, err := Parse(pattern, flags)
			if err != nil {
				var perr *Error
				require.True(t, errors.As(err, &perr), "error of type %T for %s", err, clip(pattern))
				assert.GreaterOrEqual(t, perr.Offset, 0)
				assert.LessOrEqual(t, perr.Offset, len(pattern))
				continue
			}
			s := re.String()
			// the String form already holds both cases of every letter
			back, err := Parse(s, 0)
			if err != nil {
				t.Fatalf("Parse(%s, %d).String() = %s does not parse back: %s",
					clip(pattern), flags, clip(s), errorMsg(err))
			}
			if len(pattern) > 64 || expandedSize(re) > fuzzEqualLimit {
				continue
			}
			a, b := Compile(re), Compile(back)
			if !assert.True(t, a.Equal(b), "Parse(%s, %d).String() = %s is another language", clip(pattern), flags, clip(s)) {
				diff, _ := Minus(a, b).Example()
				diff2, _ := Minus(b, a).Example()
				t.Logf("in the pattern only: %q; in the String form only: %q", diff, diff2)
			}
		}
	})
}
