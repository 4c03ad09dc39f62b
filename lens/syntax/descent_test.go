package syntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bothParsers parses src with the hand-written parser and with the
// participle grammar; it fails the test when one accepts what the other
// refuses or when they build different trees (positions included).
func bothParsers(t *testing.T, file, src string) {
	t.Helper()
	toks, lerr := lex(file, src)
	if lerr != nil || tooDeep(toks) != nil {
		return
	}
	c := &converter{src: src, toks: toks}
	fast, ok := parseDescent(c, toks)
	slow, err := parseGrammar(c, toks)
	if !ok {
		require.Error(t, err, "%s: the grammar accepts what the hand-written parser refuses", file)
		return
	}
	require.NoError(t, err, "%s: the hand-written parser accepts what the grammar refuses", file)
	assert.Equal(t, slow, fast, file)
}

// TestDescentMatchesGrammar runs both parsers over every module at hand:
// Augeas's library and tests (when installed), lensnet's lenses and
// fixtures, and hand-picked corners of the grammar.
func TestDescentMatchesGrammar(t *testing.T) {
	var files []string
	for _, g := range []string{
		"/usr/share/augeas/lenses/dist/*.aug", "/usr/share/augeas/lenses/dist/tests/*.aug",
		"../../lenses/*.aug", "../../lenses/tests/*.aug", "../../fixtures/lang/*.aug",
	} {
		fs, _ := filepath.Glob(g)
		files = append(files, fs...)
	}
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		bothParsers(t, f, string(b))
	}
	for _, src := range []string{
		"module T =\n",
		"module T = autoload x\nlet x = transform lns (incl \"/a\" . excl \"*~\")\n",
		"module T =\nlet t = { } { \"a\" { } { = \"v\" } } {\"b\" = \"c\" {}}\n",
		"module T =\nlet u = () let v = ( ) let w = (a) let x = [ (b) ]* let y = (c)?\n",
		"module T =\nlet f (a:(string -> regexp) -> lens) (get:lens) (put:string) = get . put a\n",
		"module T =\nlet a = let b = 1 in let c (x:string) = x in b ; c | d - e . f g h\n",
		"module T =\ntest Foo.lns put \"x\" after set \"a\" \"b\" ; rm \"c\" = let x = \"y\" in x\n",
		"module T =\ntest get get put put \"x\" after get = *\ntest (put) get \"x\" = ?\n",
		"module T =\nlet a = b* c+ d? (e)* [f]+\n",
		// refused by both
		"module T =\nlet a = b**\n",
		"module T =\nlet a = let b = c\n",
		"module T =\nlet a = { \"a\" } . b\n",
		"module T =\nlet a = b . { }\n",
		"module T =\nlet a = ( b\n",
		"module T =\nlet (a) = b\n",
		"module T =\nlet a (b : string = c\n",
		"module T =\ntest a get b\n",
		"module T = autoload\n",
		"module t =\n",
		"module T =\nlet a = b c =\n",
		"module T =\nlet a = Foo\n",
	} {
		bothParsers(t, "t.aug", src)
	}
}

// BenchmarkParse parses lensnet's own lens modules with the
// hand-written parser (what Parse does with a valid module) and with
// the participle grammar (what it falls back on to list errors), lexing
// included; lex is the lexing alone. The package doc gives the figures.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob("../../lenses/*.aug")
	require.NotEmpty(b, files)
	var srcs []string
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(b, err)
		srcs = append(srcs, string(src))
		size += len(src)
	}
	for _, p := range []struct {
		name  string
		parse func(c *converter, toks []token) bool
	}{
		{"lex", func(c *converter, toks []token) bool { return true }},
		{"descent", func(c *converter, toks []token) bool { _, ok := parseDescent(c, toks); return ok }},
		{"grammar", func(c *converter, toks []token) bool { _, err := parseGrammar(c, toks); return err == nil }},
	} {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for k, src := range srcs {
					toks, err := lex(files[k], src)
					if err != nil || !p.parse(&converter{src: src, toks: toks}, toks) {
						b.Fatalf("%s does not parse", files[k])
					}
				}
			}
		})
	}
}
