package regular

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAmbigConcat(t *testing.T) {
	tests := []struct {
		name   string
		l1, l2 string
		want   string // Augeas's message, or "" if unambiguous
	}{
		{"same star", "[a-z]+", "[a-z]+", "'aaa' can be split into 'a|=|aa' and 'aa|=|a'"},
		{"optional overlap", "a?", "a?", "'a' can be split into '|=|a' and 'a|=|'"},
		{"key then separator", "[a-z]+", "=[0-9]+", ""},
		{"word then space", "[a-z]+", " +[a-z]+", ""},
		{"exactly one", "[a-z]+", "[a-z]", ""},
		{"trailing star", "a*", "ab", ""},
		{"value and comment", "[^#\n]*", "(#.*)?\n", ""},
		{"value eats comment", "[^\n]*", "(#[^\n]*)?\n", "'#\n' can be split into '|=|#\n' and '#|=|\n'"},
		{"empty first", "()", "a*", ""},
		{"empty language", "[^\x00-\xff]", "a*", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := MustCompile(tt.l1), MustCompile(tt.l2)
			x, amb := AmbigConcat(a, b)
			if tt.want == "" {
				assert.False(t, amb, "unexpected witness %s", x)
				return
			}
			require.True(t, amb)
			assert.Equal(t, tt.want, x.String())
			checkWitness(t, x, a, b)
		})
	}
}

func TestAmbigStar(t *testing.T) {
	tests := []struct {
		name string
		l    string
		want string
	}{
		{"a or aa", "a|aa", "'aa' can be split into 'a|=|a' and 'aa|=|'"},
		{"word", "[a-z]+", "'aa' can be split into 'a|=|a' and 'aa|=|'"},
		{"empty word inside", "a?", "'a' can be split into '|=|a' and 'a|=|'"},
		{"lines", "[a-z]*\n", ""},
		{"key value lines", "[a-z]+=[0-9]+\n", ""},
		{"comments or entries", "#[^\n]*\n|[a-z]+=[^\n]*\n", ""},
		{"single bytes", "[ab]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := MustCompile(tt.l)
			x, amb := AmbigStar(a)
			if tt.want == "" {
				assert.False(t, amb, "unexpected witness %s", x)
				return
			}
			require.True(t, amb)
			assert.Equal(t, tt.want, x.String())
			checkWitness(t, x, a, Star(a))
		})
	}
}

func checkWitness(t *testing.T, x Ambiguity, a, b *FA) {
	t.Helper()
	require.Less(t, x.Cut1, x.Cut2)
	assert.True(t, a.Match(x.Word[:x.Cut1]))
	assert.True(t, a.Match(x.Word[:x.Cut2]))
	assert.True(t, b.Match(x.Word[x.Cut1:]))
	assert.True(t, b.Match(x.Word[x.Cut2:]))
}

func TestAlgebraExamples(t *testing.T) {
	ident := Minus(MustCompile("[a-z]+"), MustCompile("(if|then)"))
	for w, want := range map[string]bool{"if": false, "then": false, "iff": true, "the": true, "thenx": true, "i": true, "": false} {
		assert.Equal(t, want, ident.Match(w), w)
	}
	assert.True(t, Minus(MustCompile("a"), MustCompile("a")).IsEmpty())
	_, err := Subtract(MustCompile("a"), MustCompile("a|b"))
	var merr *MinusError
	require.ErrorAs(t, err, &merr)
	assert.Equal(t, "regexp subtraction /a/ - /a|b/: empty result", err.Error())
	d, err := Subtract(MustCompile("[a-z]+"), MustCompile("if"))
	require.NoError(t, err)
	assert.True(t, d.Match("iff"))
	assert.Equal(t, "(aaa*)?", Minus(MustCompile("a*"), MustCompile("a")).String())
	assert.True(t, MustCompile("a").Equal(Minus(MustCompile("a"), MustCompile("b"))))

	ex, disjoint := Disjoint(MustCompile("[a-z]+x"), MustCompile("ab.*"))
	assert.False(t, disjoint)
	assert.Equal(t, "abx", ex)
	_, disjoint = Disjoint(MustCompile("[a-z]+"), MustCompile("[0-9]+"))
	assert.True(t, disjoint)

	assert.True(t, MustCompile("a").Subset(MustCompile("a|b")))
	assert.False(t, MustCompile("a|b").Subset(MustCompile("a")))
	assert.True(t, MustCompile("(a|b)*").Equal(MustCompile("(a*b*)*")))
	assert.False(t, MustCompile("a*").Equal(MustCompile("a+")))
	assert.True(t, MustCompile("a*").AcceptsEmpty())
	assert.False(t, MustCompile("a+").AcceptsEmpty())

	all := Complement(None())
	assert.True(t, all.Match("\x00\n\xff"))
	assert.Equal(t, "(.|\n)*", all.String())
	assert.True(t, Complement(all).IsEmpty())

	w, ok := MustCompile("[0-9]+\\.[0-9]+").Example()
	require.True(t, ok)
	assert.Equal(t, "0.0", w)
	_, ok = None().Example()
	assert.False(t, ok)

	assert.True(t, Reverse(MustCompile("abc")).Match("cba"))
	assert.Equal(t, 6, Repeat(MustCompile("a"), 2, 4).NumStates()) // 0..4 a's read, and dead
}
