package cmdline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
		err  string
	}{
		{`get /a/b`, []string{"get", "/a/b"}, ""},
		{`set /a[. = 'x y'] "two words"`, []string{"set", "/a[. = 'x y']", "two words"}, ""},
		{`set /a 'it"s'`, []string{"set", "/a", `it"s`}, ""},
		{`set /a\ b c\td`, []string{"set", "/a b", "c\td"}, ""},
		{`match /a\/b \\x`, []string{"match", `/a\/b`, `\x`}, ""},
		{`get /a[`, nil, "unmatched ["},
		{`get /a]`, nil, "unmatched ["},
		{`set /x '[abc'`, nil, "unmatched ["}, // brackets count inside quotes (augtool)
		{`match '/a[b = "x"'`, nil, "unmatched ["},
		{`set /x "a]"`, []string{"set", "/x", "a]"}, ""},
		{`match "/a[b = 'x]"`, []string{"match", "/a[b = 'x]"}, ""},
		{`get 'a`, nil, "unmatched '"},
		{`get "a`, nil, `unmatched "`},
		{`get \q`, nil, "unknown escape sequence: q"},
		{`get a\`, nil, "unknown escape sequence: "},
	} {
		got, err := Split(c.line)
		if c.err != "" {
			assert.EqualError(t, err, c.err, c.line)
			continue
		}
		require.NoError(t, err, c.line)
		assert.Equal(t, c.want, got, c.line)
	}
}
