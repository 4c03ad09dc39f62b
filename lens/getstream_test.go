package lens_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// getStreamBoth reads text with the streamed read of a recursive star at
// the end of the text on and off, and returns both dumps (nodes, spans,
// what PutChangedLayout writes back with the layout) or errors, and how
// many times the stream gave its memory back.
func getStreamBoth(t *testing.T, l *lens.Lens, text string) (streamed, whole string, drops int) {
	t.Helper()
	dump := func(on bool) (string, int) {
		root, lay, drops, err := lens.GetStreamed(l, text, on)
		if err != nil {
			return "error: " + err.Error(), drops
		}
		// the layouts must give the same text back (not always the
		// text read: Shellvars writes "x) A=1;;" in a case back as
		// "x) A=1\n;;", either way)
		out, err := l.PutChangedLayout(root, text, lay)
		return fmt.Sprintf("%s\nput: %q %v", dumpAll(root), out, err), drops
	}
	whole, _ = dump(false)
	streamed, drops = dump(true)
	return streamed, whole, drops
}

// augStrings returns the string literals of a lens test module (the
// texts its tests read), unescaped.
func augStrings(t *testing.T, file string) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("no %s: %v", file, err)
	}
	var out []string
	s := string(src)
	for {
		a := strings.Index(s, "\"")
		if a < 0 {
			return out
		}
		b := a + 1
		for b < len(s) && s[b] != '"' {
			if s[b] == '\\' {
				b++
			}
			b++
		}
		if b >= len(s) {
			return out
		}
		lit := s[a : b+1]
		s = s[b+1:]
		if u, err := strconv.Unquote(strings.ReplaceAll(lit, "\n", `\n`)); err == nil && len(u) > 1 {
			out = append(out, u)
		}
	}
}

// TestStreamSame: the streamed read of Shellvars's top-level star gives
// the nodes, spans, layout and errors of the whole read, on the texts of
// its tests and of Augeas's, alone, repeated past the dense memo tables'
// reach, after blank lines and before a line it cannot read.
func TestStreamSame(t *testing.T) {
	l := shippedLens(t, "Shellvars")
	texts := append(augStrings(t, "../lenses/tests/test_shellvars.aug"),
		augStrings(t, "/usr/share/augeas/lenses/dist/tests/test_shellvars.aug")...)
	texts = append(texts, "", "\n", "\n\n", "  \n# c\n", "A=1\n", "A=1",
		"if [ -f x ]; then\n  A=1\nfi\n",
		"if [ -f x ]; then\n  A=1\n",
		"f() {\n  g() {\n    A=1\n  }\n}\nB=2\n",
		"a && b;\nc | d\n",
		"case $a in\n  x) A=1;;\n  *) ;;\nesac\n",
		"A=1\nB=\"unterminated\nC=3\n")
	require.Greater(t, len(texts), 100)
	var drops int
	for k, text := range texts {
		for _, v := range []string{
			text,
			"\n\n" + text,
			text + "\nA=1\n",
			text + "\n)(\n",
		} {
			streamed, whole, d := getStreamBoth(t, l, v)
			drops += d
			if !assert.Equal(t, whole, streamed, "text %d: %q", k, v) {
				return
			}
		}
	}
	assert.Greater(t, drops, 100, "the stream gives its memory back")
	// long texts: the memo of a stretch past denseMax uses the map
	long := strings.Repeat(gen.Ifcfg(3), 2000)
	block := "f() {\n" + strings.Repeat("  A=1\n", 12000) + "}\n"
	for _, text := range []string{long, block + long, long + block, long + "A=\"x\n" + long, block[:len(block)-2]} {
		streamed, whole, _ := getStreamBoth(t, l, text)
		assert.Equal(t, whole, streamed)
	}
}

// The streamed read keeps the recogniser's memory to one stretch
// between cut points: a file of many lines gives it back at nearly every
// line.
func TestStreamDrops(t *testing.T) {
	l := shippedLens(t, "Shellvars")
	text := strings.Repeat(gen.Ifcfg(1), 1000)
	_, _, drops, err := lens.GetStreamed(l, text, true)
	require.NoError(t, err)
	lines := strings.Count(text, "\n")
	assert.Greater(t, drops, lines*9/10, "drops for %d lines", lines)
}

// FuzzStreamGet: any text reads the same, errors included, streamed
// and whole.
func FuzzStreamGet(f *testing.F) {
	for i := range 4 {
		f.Add(gen.Ifcfg(i))
	}
	f.Add("if [ -f x ]; then\n  A=1\nfi\n")
	f.Add("case $a in\n  x) A=1;;\n  *) ;;\nesac\n")
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\x01\x02\x03\x04") {
			return
		}
		l := shippedLens(t, "Shellvars")
		streamed, whole, _ := getStreamBoth(t, l, text)
		if streamed != whole {
			t.Fatalf("reads differ:\nstreamed %s\nwhole %s", streamed, whole)
		}
	})
}
