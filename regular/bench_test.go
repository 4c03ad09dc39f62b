package regular

import (
	"fmt"
	"strings"
	"testing"
)

// lineLang is the ctype of a Shellvars-like line-oriented lens: key=value
// assignments with optional quoting and trailing comments, comments and
// blank lines.
// Patterns are engine text: a newline is a raw newline byte (the lens
// language turns \n into one before the engine sees it).
const lineLang = "(([A-Za-z_][A-Za-z0-9_]*=(\"[^\"\n]*\"|'[^'\n]*'|[^ \t\n#\"']*)[ \t]*(#[^\n]*)?|[ \t]*#[^\n]*|[ \t]*)\n)*"

func lineInput(size int) string {
	lines := []string{
		"DEVICE=eth0\n", "BOOTPROTO=\"static\"\n", "# a comment line\n", "\n",
		"IPADDR='192.168.0.10'   # address\n", "ONBOOT=yes\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(lines[i%len(lines)])
	}
	return b.String()
}

var sizes = []struct {
	name string
	n    int
}{{"1KB", 1 << 10}, {"100KB", 100 << 10}, {"10MB", 10 << 20}}

func BenchmarkMatch(b *testing.B) {
	fa := MustCompile(lineLang)
	for _, sz := range sizes {
		in := lineInput(sz.n)
		b.Run(sz.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if !fa.Match(in) {
					b.Fatal("no match")
				}
			}
		})
	}
}

func BenchmarkAppendPrefixes(b *testing.B) { benchScan(b, (*FA).AppendPrefixes) }

func BenchmarkAppendStarts(b *testing.B) { benchScan(b, (*FA).AppendStarts) }

func benchScan(b *testing.B, scan func(*FA, []int, string) []int) {
	fa := MustCompile(lineLang)
	var dst []int
	for _, sz := range sizes {
		in := lineInput(sz.n)
		b.Run(sz.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				dst = scan(fa, dst[:0], in)
			}
		})
	}
}

// keywords returns n distinct lowercase words.
func keywords(n int) []string {
	words := make([]string, n)
	for i := range words {
		w := []byte{}
		for x := i + 1; x > 0; x /= 26 {
			w = append(w, byte('a'+x%26))
		}
		words[i] = string(w) + "_kw"
	}
	return words
}

// Building the minimal DFA of an alternation of n keywords, as lenses do
// for option names.
func BenchmarkBuildAlternation(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		pattern := strings.Join(keywords(n), "|")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(pattern)))
			states := 0
			for b.Loop() {
				states = Compile(MustParse(pattern, 0)).NumStates()
			}
			b.ReportMetric(float64(states), "states")
		})
	}
}

// Identifiers minus a keyword list, as Shellvars and Rx build them, then
// checking the iteration of "ident=value\n" lines for ambiguity.
func BenchmarkMinusKeywords(b *testing.B) {
	ident := MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	for _, n := range []int{10, 100, 1000} {
		kw := MustCompile(strings.Join(keywords(n), "|"))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				key := Minus(ident, kw)
				line := Concat(key, MustCompile("=[^\n]*\n"))
				if _, amb := AmbigStar(line); amb {
					b.Fatal("ambiguous")
				}
			}
		})
	}
}

// Ambiguity checking of the line language of growing alternations.
func BenchmarkAmbigStarLines(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		key := MustCompile("(" + strings.Join(keywords(n), "|") + ")")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				fresh := Concat(Compile(key.Regexp()), MustCompile("[ \t]*=[ \t]*[^\n]*\n"))
				if _, amb := AmbigStar(fresh); amb {
					b.Fatal("ambiguous")
				}
			}
		})
	}
}
