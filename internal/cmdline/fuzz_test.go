package cmdline

import (
	"strings"
	"testing"
)

// FuzzSplit: Split never panics, and a line it accepts splits the same
// way again with its words quoted back (escapes aside, a word in
// double quotes reads as itself when it holds no quote or backslash).
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"get /files/etc/hosts/1", `set /a "x y"`, `match /a[. = 'b c']`,
		`set /a\ b 'it''s'`, `ins x before /a[1]`, `set /x "\t\n\\"`, `[`, `"`, `\q`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := Split(line)
		if err != nil {
			return
		}
		var plain []string
		for _, w := range words {
			if strings.ContainsAny(w, "\"'\\[]\t\n\r") || w == "" {
				return
			}
			plain = append(plain, `"`+w+`"`)
		}
		again, err := Split(strings.Join(plain, " "))
		if err != nil {
			t.Fatalf("%q: words %q quoted back do not split: %v", line, words, err)
		}
		if strings.Join(again, "\x00") != strings.Join(words, "\x00") {
			t.Fatalf("%q: words %q, quoted back %q", line, words, again)
		}
	})
}
