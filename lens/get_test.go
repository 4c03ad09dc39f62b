package lens

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kv is the key/value line lens of Augeas's documentation.
func kv() *Lens {
	return sub(key("[a-z]+"), del("[ \t]*=[ \t]*", " = "), store("[0-9]+"), del("\n", "\n"))
}

func comment() *Lens {
	return sub(Label("#comment"), del("#[ \t]*", "# "), store("[^ \t\n][^\n]*"), del("\n", "\n"))
}

func TestGetPrimitives(t *testing.T) {
	for _, tc := range []struct {
		name string
		lens *Lens
		text string
		want string
	}{
		{"del", del("[ ]+", " "), "   ", ""},
		{"store in subtree", sub(store("[a-z]+")), "abc", ""},
		{"key", sub(key("[a-z]+")), "abc", "/abc\n"},
		{"key and store", sub(key("[a-z]+"), dels("="), store("[0-9]+")), "a=12", "/a = \"12\"\n"},
		{"label", sub(Label("x"), store("[0-9]+")), "7", "/x = \"7\"\n"},
		{"value", sub(key("[a-z]+"), Value("v")), "k", "/k = \"v\"\n"},
		{"empty value differs from none", sub(key("[a-z]+"), dels("="), store("[0-9]*")), "k=", "/k = \"\"\n"},
		{"seq", star(sub(Seq("s"), store("[a-z]"))), "abc", "/1 = \"a\"\n/2 = \"b\"\n/3 = \"c\"\n"},
		{"seq shared across subtrees, counter resets",
			star(sub(key("[A-Z]"), Counter("n"), star(sub(Seq("n"), store("[a-z]"))))),
			"AabBc", "/A\n/A/1 = \"a\"\n/A/2 = \"b\"\n/B\n/B/1 = \"c\"\n"},
		{"seq without counter keeps counting",
			star(sub(key("[A-Z]"), star(sub(Seq("m"), store("[a-z]"))))),
			"AabBc", "/A\n/A/1 = \"a\"\n/A/2 = \"b\"\n/B\n/B/3 = \"c\"\n"},
		{"hidden node", star(alt(kv(), sub(del("[ \t]*\n", "\n")))), "a=1\n\nb=2\n", "/a = \"1\"\n/b = \"2\"\n"},
		{"union takes the first branch that matches",
			star(alt(sub(key("a"), Value("x")), sub(key("[a-z]")))), "ab", "/a = \"x\"\n/b\n"},
		{"maybe absent", sub(key("[a-z]+"), opt(cat(dels("="), store("[0-9]+")))), "ab", "/ab\n"},
		{"maybe present", sub(key("[a-z]+"), opt(cat(dels("="), store("[0-9]+")))), "ab=3", "/ab = \"3\"\n"},
		{"maybe of an empty-text lens applies", opt(sub(Label("x"))), "", "/x\n"},
		{"star empty", star(kv()), "", ""},
		{"plus", plus(kv()), "a=1\nb = 2\n", "/a = \"1\"\n/b = \"2\"\n"},
		{"nested subtrees", star(sub(key("[a-z]"), star(sub(key("[0-9]"))))), "a12b3",
			"/a\n/a/1\n/a/2\n/b\n/b/3\n"},
		{"repeated labels", star(kv()), "a=1\na=2\n", "/a[1] = \"1\"\n/a[2] = \"2\"\n"},
		{"iteration takes the longest piece", star(sub(key("[a-z]+"), del("[0-9]", "0"))), "ab1c2", "/ab\n/c\n"},
		{"concat split by the rest", sub(key("[a-z]+"), store("[a-z]*[0-9]")), "abc1", "/abc = \"1\"\n"},
		{"square", Subtree(must(Square(key("[a-z]+"), cat(dels(">"), store("[0-9]*"), dels("</")), del("[a-z]+", "x"), false))),
			"ab>12</ab", "/ab = \"12\"\n"},
		{"square of dels", sub(Label("q"), must(Square(del("[\"']", "\""), store("[a-z]*"), del("[\"']", "\""), false))),
			"'abc'", "/q = \"abc\"\n"},
		{"escaped in dump", sub(key("[a-z]+"), dels("="), store("[^\n]*")), "k=a\"b\\c\té", "/k = \"a\\\"b\\\\c\\t\\303\\251\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, get(t, tc.lens, tc.text))
		})
	}
}

func TestGetSpans(t *testing.T) {
	root, err := star(kv()).Get("a=1\nbc = 22\n")
	require.NoError(t, err)
	require.Equal(t, 2, root.Len())
	s := root.Child(1).Span
	assert.Equal(t, [6]int{4, 6, 9, 11, 4, 12}, [6]int{s.LabelStart, s.LabelEnd, s.ValueStart, s.ValueEnd, s.Start, s.End})
}
