package lang

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnchorsTypeCheck: Augeas's type checker (libfa) reads ^ and $ as
// ordinary characters, its matcher (GNU regex) as anchors at the ends of
// a pattern, group or alternative. Each module below was run through
// augparse 1.14, which loads the ones with no error and refuses the
// others with the error given.
func TestAnchorsTypeCheck(t *testing.T) {
	tests := []struct {
		name, src, err string
	}{
		{
			// sip_conf's title comment: with $ as the empty word the
			// comment's trailing blanks could go to either lens
			name: "dollar ends a store before an end of line",
			src: `let l = [ label "c" . store /[ \t]*#.*$/ ]? . del /[ \t]*\n/ "\n"
test l get "# x \n" = { "c" = "# x " }
test l put "\n" after set "c" "# y$" = "# y$\n"`,
		},
		{
			name: "a key with $ is disjoint from the same key without",
			src: `let l = [ key /a$|b/ ] | [ key /a/ ]
test l get "a" = { "a" }`,
		},
		{
			name: "dollar at the end of an alternative is a character to the checker",
			src:  `let l = del /a|a$/ "a" . del /\$?/ ""`,
			err:  "ambiguous concatenation",
		},
		{
			name: "caret at the start is a character to the checker",
			src:  `let l = del /\^?/ "" . del /^a|a/ "a"`,
			err:  "ambiguous concatenation",
		},
		{
			name: "the checker's reading goes through a union of regexps",
			src: `let r = /x/ | /x$/
let l = del r "x" . del /\$?/ ""`,
			err: "ambiguous concatenation",
		},
		{
			name: "and through a subtraction",
			src: `let r = /(a|a$)/ - /b/
let l = del r "a" . del /\$?/ ""`,
			err: "ambiguous concatenation",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := loader(&out).LoadSource("t.aug", "module T =\n"+tt.src+"\n")
			if tt.err == "" {
				require.NoError(t, err, out.String())
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

// TestAnchorsMatch: the anchors stay anchors for matching, whatever the
// checker reads.
func TestAnchorsMatch(t *testing.T) {
	m, _ := load(t, `module T =
let r = /a$/
let u = /a$/ | /b/
let p = "\\.$"
`)
	for _, n := range []string{"r", "u"} {
		v, ok := m.Lookup(n)
		require.True(t, ok)
		r := v.(*Regexp)
		assert.True(t, r.FA.Match("a"), n)
		assert.False(t, r.FA.Match("a$"), n)
		require.NotNil(t, r.Check, n)
		assert.True(t, r.Check.Match("a$"), n)
		assert.False(t, r.Check.Match("a"), n)
	}
	// a promoted string with a backslash is a regexp whose $ is an anchor
	v, _ := m.Lookup("p")
	p, _ := toRegexp(v)
	assert.True(t, p.FA.Match(`\.`))
	assert.True(t, p.checkFA().Match(`\.$`))
	// a regexp with no anchor has no language of its own for the checker
	q, err := compileRegexp(`[^$]a\$`, 0)
	require.NoError(t, err)
	assert.Nil(t, q.Check)
}
