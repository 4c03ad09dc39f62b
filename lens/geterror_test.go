package lens

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetErrors(t *testing.T) {
	lines := named(star(alt(kv(), comment())), "Test.lns")
	for _, tc := range []struct {
		name string
		lens *Lens
		text string
		want string
	}{
		{"bad value in second line", lines, "a=1\nb=x\n", `2:3: unexpected "x", expected /[\t 0-9]/ (byte 6, lens Test.lns)`},
		{"missing newline at end", lines, "a=1\nb=2", `2:4: unexpected end of input, expected /[\n0-9]/ (byte 7, lens Test.lns)`},
		// a concatenation at the top fails where the longest prefix it
		// reads whole ends (augparse: "Get did not match entire input",
		// 8 characters into the string)
		{"comments then lines, bad second line", named(cat(star(comment()), star(kv())), "CL.lns"), "# c\na=1\nb=x\n",
			`3:1: unexpected "b=x", expected /[a-z]/ (byte 8, lens CL.lns)`},
		{"comments then lines, comment after a line", named(cat(star(comment()), star(kv())), "CL.lns"), "a=1\n# c\n",
			`2:1: unexpected "# c", expected /[a-z]/ (byte 4, lens CL.lns)`},
		{"header then lines, bad line", named(cat(dels("[lines]\n"), star(kv())), "HL.lns"), "[lines]\na=1\n[x]\n",
			`3:1: unexpected "[x]", expected /[a-z]/ (byte 12, lens HL.lns)`},
		// read without matching the whole text first, the header finds
		// no cut; the text is then explained as a whole
		{"header then lines, no header", named(cat(dels("[lines]\n"), star(kv())), "HL.lns"), "a=1\n",
			`1:1: unexpected "a=1", expected "[" (byte 0, lens HL.lns)`},
		{"not matching at all", named(kv(), "kv"), "=1\n", `1:1: unexpected "=1", expected /[a-z]/ (byte 0, lens kv)`},
		{"trailing garbage", named(kv(), "kv"), "a=1\nx", `2:1: unexpected "x", expected end of input (byte 4, lens kv)`},
		{"square mismatch", Subtree(must(Square(key("[a-z]+"), dels(">"), del("[a-z]+", "x"), false))), "ab>ac",
			`1:4: mismatched in square lens, expecting "ab" but got "ac" (byte 3, lens lens)`},
		{"unused key", key("[a-z]+"), "ab", `1:1: get left unused key "ab" (byte 0, lens lens)`},
		{"unused value", store("[a-z]+"), "ab", `1:1: get left unused value "ab" (byte 0, lens lens)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.lens.Get(tc.text)
			require.Error(t, err)
			var ge *GetError
			require.True(t, errors.As(err, &ge))
			assert.Equal(t, tc.want, err.Error())
			assert.NotContains(t, err.Error(), "\n")
		})
	}
}

func TestGetErrorNamesInnerLens(t *testing.T) {
	entry := named(kv(), "entry")
	l := named(star(alt(entry, comment())), "lns")
	_, err := l.Get("a=1\n#c\nb=\n")
	var ge *GetError
	require.True(t, errors.As(err, &ge))
	assert.Equal(t, 3, ge.Pos.Line)
	assert.Equal(t, 3, ge.Pos.Column)
	assert.Equal(t, 9, ge.Pos.Offset)
	assert.Equal(t, "entry", ge.Lens.Name)
}
