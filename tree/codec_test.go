package tree

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomTree builds a tree as a lens might read it from text: labels
// and values that are the text their spans name, others that are not
// (constants, seq numbers), hidden nodes and absent values.
func randomTree(r *rand.Rand, text string, depth int) *Node {
	n := &Node{}
	span := func() (int, int) {
		i := r.IntN(len(text) + 1)
		return i, i + r.IntN(len(text)-i+1)
	}
	n.Span.Start, n.Span.End = span()
	switch r.IntN(4) {
	case 0: // hidden
	case 1:
		n.Span.LabelStart, n.Span.LabelEnd = span()
		n.label, n.hasLabel = text[n.Span.LabelStart:n.Span.LabelEnd], true
	default:
		n.label, n.hasLabel = fmt.Sprint(r.IntN(100)), true
	}
	switch r.IntN(4) {
	case 0: // no value
	case 1:
		n.Span.ValueStart, n.Span.ValueEnd = span()
		n.value, n.hasValue = text[n.Span.ValueStart:n.Span.ValueEnd], true
	case 2:
		n.Span.ValueStart, n.Span.ValueEnd = span() // a span that is not the value
		n.value, n.hasValue = "v"+text[n.Span.ValueStart:n.Span.ValueEnd], true
	default:
		n.value, n.hasValue = "", true
	}
	if depth < 5 {
		for range r.IntN(4) {
			c := randomTree(r, text, depth+1)
			c.parent = n
			n.children = append(n.children, c)
		}
	}
	return n
}

// sameTree compares two trees node by node, parents included.
func sameTree(t *testing.T, want, got *Node, at string) {
	t.Helper()
	require.Equal(t, want.label, got.label, at)
	require.Equal(t, want.hasLabel, got.hasLabel, at)
	require.Equal(t, want.value, got.value, at)
	require.Equal(t, want.hasValue, got.hasValue, at)
	require.Equal(t, want.Span, got.Span, at)
	require.Equal(t, len(want.children), len(got.children), at)
	for i, c := range got.children {
		require.Same(t, got, c.parent, at)
		sameTree(t, want.children[i], c, fmt.Sprintf("%s/%d", at, i))
	}
}

func TestBinaryRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		text := strings.Repeat("ab=cd\n", r.IntN(20))
		n := randomTree(r, text, 0)
		b, ok := AppendBinary([]byte("x"), n, text)
		require.True(t, ok)
		got, rest, err := DecodeBinary(b[1:], text)
		require.NoError(t, err, "tree %d", i)
		assert.Empty(t, rest)
		sameTree(t, n, got, fmt.Sprint(i))
		// a truncated encoding is an error, never a panic
		if len(b) > 2 {
			_, _, err = DecodeBinary(b[1:1+r.IntN(len(b)-2)], text)
			require.Error(t, err, "tree %d", i)
		}
	}
}

func TestBinaryLabelsShareText(t *testing.T) {
	text := "alpha = beta\n"
	n := NewHidden()
	c := NewValue("alpha", "beta")
	c.Span = Span{LabelStart: 0, LabelEnd: 5, ValueStart: 8, ValueEnd: 12, Start: 0, End: 13}
	n.Append(c)
	b, ok := AppendBinary(nil, n, text)
	require.True(t, ok)
	assert.NotContains(t, string(b), "alpha", "a label read from the text is stored as its span")
	got, _, err := DecodeBinary(b, text)
	require.NoError(t, err)
	assert.False(t, got.Child(0).Modified(), "a decoded tree holds no change")
	assert.Equal(t, "/alpha = \"beta\"\n", Dump(got))
	// the same encoding against another text names other bytes
	_, _, err = DecodeBinary(b, "short")
	assert.Error(t, err, "a span beyond the text")
}

func TestBinaryRefusesLazyAndDeep(t *testing.T) {
	deep := New("0")
	n := deep
	for i := range MaxDepth + 1 {
		c := New(fmt.Sprint(i))
		n.Append(c)
		n = c
	}
	_, ok := AppendBinary(nil, deep, "")
	assert.False(t, ok)
	lazy := New("l")
	SetLazy(lazy, noKids{})
	_, ok = AppendBinary(nil, lazy, "")
	assert.False(t, ok)
}

func FuzzDecodeBinary(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 8 {
		text := strings.Repeat("k v\n", r.IntN(5))
		b, _ := AppendBinary(nil, randomTree(r, text, 0), text)
		f.Add(b, text)
	}
	f.Fuzz(func(t *testing.T, b []byte, text string) {
		n, _, err := DecodeBinary(b, text)
		if err != nil {
			return
		}
		// what decodes encodes again to a tree that decodes the same
		again, ok := AppendBinary(nil, n, text)
		require.True(t, ok)
		m, rest, err := DecodeBinary(again, text)
		require.NoError(t, err)
		require.Empty(t, rest)
		sameTree(t, n, m, "")
	})
}

func ExampleAppendBinary() {
	text := "name = lensnet\n"
	root := NewHidden()
	n := NewValue("name", "lensnet")
	n.Span = Span{LabelStart: 0, LabelEnd: 4, ValueStart: 7, ValueEnd: 14, Start: 0, End: 15}
	root.Append(n)
	b, _ := AppendBinary(nil, root, text)
	back, _, _ := DecodeBinary(b, text)
	fmt.Print(Dump(back))
	fmt.Println(len(b), "bytes")
	// Output:
	// /name = "lensnet"
	// 17 bytes
}

type noKids struct{}

func (noKids) Expand() []*Node { return nil }
