package lens

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outline is a recursive lens whose nested stars can run to the end of
// the text: a section ("name:") holds the entries and sections that
// follow it, indented or not, so that the last section of a text is
// read by a stream inside a stream, each giving memory back.
func outline() *Lens {
	kv := sub(del("[ \t]*", ""), key("[a-z]+"), dels("="), store("[0-9]+"), dels("\n"))
	section := Rec()
	if err := section.Define(sub(del("[ \t]*", ""), key("[A-Z]+"), dels(":\n"), star(alt(kv, section)))); err != nil {
		panic(err)
	}
	return cat(star(kv), star(section))
}

// TestStreamNested: streams inside streams (the last section of each
// level runs to the end of the text) read what the whole read reads,
// nodes, spans and errors, and Put writes the text back.
func TestStreamNested(t *testing.T) {
	l := outline()
	var b strings.Builder
	b.WriteString("a=1\nb=2\n")
	for i := range 12 {
		b.WriteString("S:\n  x=1\n  T:\n    y=2\n")
		if i%7 == 0 {
			b.WriteString("  z=3\n")
		}
	}
	b.WriteString("LAST:\n")
	for d := range 12 {
		b.WriteString(strings.Repeat(" ", d) + "N:\n" + strings.Repeat(" ", d) + "q=4\n")
	}
	text := b.String()
	for _, tc := range []string{text, text + "bad\n", "a=1\n" + text[:len(text)/2] + "=\n" + text[len(text)/2:], ""} {
		read := func(m getMode) string {
			root, _, counts, err := l.getWith(tc, m)
			if err != nil {
				return "error: " + err.Error()
			}
			if m.dropEvery {
				assert.Positive(t, counts.memoDrops, "memory given back")
			}
			out, err := l.Put(root, tc)
			require.NoError(t, err)
			assert.Equal(t, tc, out)
			return tree.Dump(root) + spans(root)
		}
		whole := read(getMode{whole: true})
		assert.Equal(t, whole, read(getMode{dropEvery: tc != ""}))
		assert.Equal(t, whole, read(getMode{}))
	}
}

// spans lists the spans of the nodes under root, depth first.
func spans(root *tree.Node) string {
	var b strings.Builder
	var walk func(n *tree.Node)
	walk = func(n *tree.Node) {
		fmt.Fprintf(&b, "%+v\n", n.Span)
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}
