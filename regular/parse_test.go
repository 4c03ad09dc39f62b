package regular

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases follow what Augeas 1.14 does with the same pattern (observed
// with augparse: accepted or refused, and which words match).
func TestParseDialect(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		flags   Flags
		yes     []string
		no      []string
	}{
		{"literal", "abc", 0, []string{"abc"}, []string{"ab", "abcd", "ABC"}},
		{"empty pattern", "", 0, []string{""}, []string{"a"}},
		{"empty group", "()", 0, []string{""}, []string{"a"}},
		{"empty first alternative", "(|a)", 0, []string{"", "a"}, []string{"b"}},
		{"empty last alternative", "a|", 0, []string{"", "a"}, []string{"aa"}},
		{"empty middle alternative", "a||b", 0, []string{"", "a", "b"}, []string{"ab"}},
		{"only bar", "|", 0, []string{""}, []string{"|"}},
		{"nested groups", "((a))()b", 0, []string{"ab"}, []string{"a", "b"}},
		{"dot", ".", 0, []string{"a", "\t", " ", "\x00", "\xff"}, []string{"\n", ""}},
		{"dot is one byte", ".", 0, nil, []string{"é"}},
		{"two dots match two bytes", "..", 0, []string{"é"}, nil},
		{"escaped dot", `\.`, 0, []string{"."}, []string{"a"}},
		{"escape any byte", `\z\(\[\{\*\/`, 0, []string{"z([{*/"}, nil},
		{"escape is not a class", `\s\d\w`, 0, []string{"sdw"}, []string{" 1a"}},
		{"escaped bar", `a\|b`, 0, []string{"a|b"}, []string{"a", "b"}},
		{"escaped backslash", `\\`, 0, []string{`\`}, []string{`\\`}},
		{"no backreferences", `(a)\1`, 0, []string{"a1"}, []string{"aa"}},
		{"newline byte", "a\nb", 0, []string{"a\nb"}, []string{"anb"}},
		{"closing brace is literal", "a}", 0, []string{"a}"}, nil},
		{"star", "a*", 0, []string{"", "a", "aaaa"}, []string{"b"}},
		{"plus", "a+", 0, []string{"a", "aaa"}, []string{""}},
		{"quest", "ab?", 0, []string{"a", "ab"}, []string{"abb"}},
		{"plus after quest repeats the whole", "a?+", 0, []string{"", "a", "aa"}, []string{"+", "a+"}},
		{"quest after star", "a*?", 0, []string{"", "aaa"}, []string{"?"}},
		{"quest after quest", "a??", 0, []string{"", "a"}, []string{"aa"}},
		{"plus after plus", "a++", 0, []string{"a", "aa"}, []string{""}},
		{"interval exact", "a{2}", 0, []string{"aa"}, []string{"a", "aaa"}},
		{"interval at least", "a{2,}", 0, []string{"aa", "aaaaa"}, []string{"a"}},
		{"interval range", "a{2,4}", 0, []string{"aa", "aaa", "aaaa"}, []string{"a", "aaaaa"}},
		{"interval zero", "a{0}", 0, []string{""}, []string{"a"}},
		{"interval zero zero", "a{0,0}", 0, []string{""}, []string{"a"}},
		{"interval up to", "a{,3}", 0, []string{"", "aaa"}, []string{"aaaa"}},
		{"interval leading zero", "a{02}", 0, []string{"aa"}, []string{"a"}},
		{"interval on group", "(ab){2}", 0, []string{"abab"}, []string{"ab"}},
		{"nested intervals need a group", "(a{2}){3}", 0, []string{"aaaaaa"}, []string{"aaaaa"}},
		{"large interval", "a{1000}", 0, []string{strings.Repeat("a", 1000)}, []string{strings.Repeat("a", 999)}},
		{"set", "[abc]", 0, []string{"a", "c"}, []string{"d", ""}},
		{"range", "[a-c]", 0, []string{"b"}, []string{"d"}},
		{"one-element range", "[a-a]", 0, []string{"a"}, []string{"b"}},
		{"bracket first is literal", "[]a]", 0, []string{"]", "a"}, []string{"b"}},
		{"only bracket", "[]]", 0, []string{"]"}, nil},
		{"dash last", "[a-]", 0, []string{"a", "-"}, []string{"b"}},
		{"dash first", "[-a]", 0, []string{"a", "-"}, []string{"b"}},
		{"negated bracket first", "[^]a]", 0, []string{"b"}, []string{"]", "a"}},
		{"caret not first", "[]^-]", 0, []string{"]", "^", "-"}, []string{"a"}},
		{"negated caret", "[^^]", 0, []string{"a"}, []string{"^"}},
		{"backslash in brackets is literal", `[\]`, 0, []string{`\`}, []string{"a"}},
		{"backslash then bracket", `[\]]`, 0, []string{`\]`}, []string{"]"}},
		{"backslash starts a range", `[\-z]`, 0, []string{"b", `\`}, []string{"-"}},
		{"no named classes", "[[:alpha:]]", 0, []string{"a]", ":]"}, []string{"a", "1"}},
		{"dot in brackets", "[.]", 0, []string{"."}, []string{"a"}},
		{"negated set matches newline", "[^a]", 0, []string{"\n", "b"}, []string{"a"}},
		{"negated newline", "[^\n]", 0, []string{"a"}, []string{"\n"}},
		{"high byte range", "[\xa0-\xc3]", 0, []string{"\xa0", "\xa9", "\xc3"}, []string{"é", "\xc4"}},
		{"caret anchor at start", "^a", 0, []string{"a"}, []string{"^a"}},
		{"caret anchor after bar", "b|^a", 0, []string{"a", "b"}, []string{"^a"}},
		{"caret anchor in group", "(^a)", 0, []string{"a"}, nil},
		{"dollar anchor at end", "a$", 0, []string{"a"}, []string{"a$"}},
		{"only dollar", "$", 0, []string{""}, []string{"$"}},
		{"caret literal inside", "a^b", 0, []string{"a^b"}, nil},
		{"dollar literal inside", "a$b", 0, []string{"a$b"}, nil},
		{"literal caret at start", "^a", LiteralAnchors, []string{"^a"}, []string{"a"}},
		{"literal caret after bar", "b|^a", LiteralAnchors, []string{"^a", "b"}, []string{"a"}},
		{"literal caret in group", "(^a)", LiteralAnchors, []string{"^a"}, []string{"a"}},
		{"literal dollar at end", "a$", LiteralAnchors, []string{"a$"}, []string{"a"}},
		{"literal dollar before bar", "(a$|b)c", LiteralAnchors, []string{"a$c", "bc"}, []string{"ac"}},
		{"only literal dollar", "$", LiteralAnchors, []string{"$"}, []string{""}},
		{"literal caret can repeat", "^*", LiteralAnchors, []string{"", "^^"}, []string{"a"}},
		{"fold literal", "abc", FoldCase, []string{"abc", "ABC", "aBc"}, []string{"abd"}},
		{"fold range", "[a-c]", FoldCase, []string{"b", "B"}, []string{"d", "D"}},
		{"fold upper range", "[A-Z]", FoldCase, []string{"a", "Q"}, []string{"1"}},
		{"fold negated set excludes both cases", "[^a]", FoldCase, []string{"b", "B"}, []string{"a", "A"}},
		{"fold dot", ".", FoldCase, []string{"A"}, []string{"\n"}},
		{"fold leaves other bytes", "1_", FoldCase, []string{"1_"}, nil},
		{"precedence: alt loosest", "ab|cd", 0, []string{"ab", "cd"}, []string{"abd", "acd"}},
		{"precedence: postfix on atom", "ab*", 0, []string{"a", "abbb"}, []string{"abab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re, err := Parse(tt.pattern, tt.flags)
			require.NoError(t, err)
			fa := Compile(re)
			for _, w := range tt.yes {
				assert.True(t, fa.Match(w), "%q should match %q", tt.pattern, w)
			}
			for _, w := range tt.no {
				assert.False(t, fa.Match(w), "%q should not match %q", tt.pattern, w)
			}
			// the printed form reads back as the same language
			again, err := Parse(re.String(), 0)
			require.NoError(t, err, "reparse %q", re.String())
			assert.True(t, Compile(again).Equal(fa), "%q printed as %q", tt.pattern, re.String())
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		offset  int
		msg     string
	}{
		{"unclosed bracket", "ab[cd", 2, "unbalanced bracket"},
		{"empty brackets", "[]", 0, "unbalanced bracket"},
		{"empty negated brackets", "[^]", 0, "unbalanced bracket"},
		{"reversed range", "x[z-a]", 2, "invalid range z-a"},
		{"range after range", "[a-c-e]", 4, "invalid range end"},
		{"backslash range ends low", `[a-\]`, 1, "invalid range"},
		{"unclosed group", "a(b", 1, "unmatched ("},
		{"unopened group", "a)", 1, "unmatched )"},
		{"extra close", "(a))", 3, "unmatched )"},
		{"star first", "*a", 0, "nothing to repeat"},
		{"plus alone", "+", 0, "nothing to repeat"},
		{"star after bar", "a|*", 2, "nothing to repeat"},
		{"star in group", "(*a)", 1, "nothing to repeat"},
		{"brace first", "{", 0, "nothing to repeat"},
		{"double star", "a**", 2, "after a repeat operator"},
		{"star after plus", "a+*", 2, "after a repeat operator"},
		{"star after interval", "a{2}*", 4, "after a repeat operator"},
		{"interval after star", "a*{2}", 2, "after a repeat operator"},
		{"interval after interval", "a{2}{3}", 4, "after a repeat operator"},
		{"interval without close", "a{2", 1, "bad interval: missing }"},
		{"brace at end", "a{", 1, "bad interval"},
		{"interval not a number", "a{x}", 1, "bad interval"},
		{"interval with space", "a{ 2}", 1, "bad interval"},
		{"interval max below min", "a{3,2}", 1, "maximum below minimum"},
		{"interval too large", "a{32768}", 1, "larger than 32767"},
		{"pattern too big", "(a{1000}){1000}", 0, "too big"},
		{"trailing backslash", `ab\`, 2, "trailing backslash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.pattern, 0)
			require.Error(t, err)
			var perr *Error
			require.True(t, errors.As(err, &perr))
			assert.Equal(t, tt.offset, perr.Offset)
			assert.Contains(t, perr.Msg, tt.msg)
			assert.Contains(t, err.Error(), "offset")
			assert.NotContains(t, err.Error(), "\n", "one-line message")
		})
	}
}

func TestParseDeepNesting(t *testing.T) {
	_, err := Parse(strings.Repeat("(", 5000)+"a"+strings.Repeat(")", 5000), 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested")
	re, err := Parse(strings.Repeat("(", 500)+"a"+strings.Repeat(")", 500), 0)
	require.NoError(t, err)
	assert.True(t, Compile(re).Match("a"))
}

func TestStringForm(t *testing.T) {
	tests := []struct {
		pattern string
		flags   Flags
		want    string // Quote form, as Augeas's print_regexp shows it
	}{
		{"a|b", 0, "/a|b/"},
		{"[abc]", 0, "/[a-c]/"},
		{"[abcdef]", 0, "/[a-f]/"},
		{"[acegi]", 0, "/[acegi]/"},
		{"[a-z0-9_]+", 0, "/[0-9_a-z]+/"},
		{"[ \t]*", 0, `/[\t ]*/`},
		{"a{2,3}", 0, "/a{2,3}/"},
		{"a{2}", 0, "/a{2,2}/"},
		{"a{2,}", 0, "/a{2,}/"},
		{"(a)", 0, "/a/"},
		{"(ab)*", 0, "/(ab)*/"},
		{"(a|b)c", 0, "/(a|b)c/"},
		{"()", 0, "/()/"},
		{"[]a]", 0, "/[]a]/"},
		{"[-a]", 0, "/[a-]/"},
		{"[]^-]", 0, "/[]^-]/"},
		{"[^\n]", 0, "/./"},
		{"a.b", 0, `/a.b/`},
		{`a\.b\*`, 0, `/a\.b\*/`},
		{"a/b", 0, `/a\/b/`},
		{`\\`, 0, `/\\/`},
		{"\xc3\xa9", 0, `/\303\251/`},
		{"ab", FoldCase, "/[Aa][Bb]/"},
		{"(a?){2}", 0, "/(a?){2,2}/"},
		{"a?+", 0, "/a*/"},
		{"a+?", 0, "/a*/"},
		{"a++", 0, "/a+/"},
		{"a??", 0, "/a?/"},
		{"a*+?", 0, "/a*/"},
		{"a{2}+", 0, "/(a{2,2})+/"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			re, err := Parse(tt.pattern, tt.flags)
			require.NoError(t, err)
			assert.Equal(t, tt.want, re.Quote())
		})
	}
}
