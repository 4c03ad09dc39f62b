package lang

import (
	"bytes"
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilterMatches(t *testing.T) {
	f := Filter{
		{Include: true, Pattern: "/etc/sysconfig/network-scripts/ifcfg-*"},
		{Include: true, Pattern: "/etc/sysctl.d/*.conf"},
		{Include: false, Pattern: "*~"},
		{Include: false, Pattern: "*.rpm[!n]*"},
		{Include: false, Pattern: "/etc/sysctl.d/skip.conf"},
	}
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"included", "/etc/sysconfig/network-scripts/ifcfg-eth0", true},
		{"star stops at slash", "/etc/sysconfig/network-scripts/ifcfg-x/y", false},
		{"not included", "/etc/hosts", false},
		{"excluded by base name", "/etc/sysconfig/network-scripts/ifcfg-eth0~", false},
		{"negated bracket", "/etc/sysctl.d/a.rpmsave.conf", false},
		{"negated bracket keeps other", "/etc/sysctl.d/a.rpmnew.conf", true},
		{"excluded by full path", "/etc/sysctl.d/skip.conf", false},
		{"doubled slashes", "/etc//sysctl.d/a.conf", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, f.Matches(tt.path))
		})
	}
	assert.False(t, Filter{{Include: true, Pattern: "/etc/[a"}}.Matches("/etc/[a"), "a malformed glob matches nothing")
}

// TestGlobMatchProperty: globMatch, which settles a literal prefix
// itself, agrees with path.Match over the whole pattern on random globs
// and names.
func TestGlobMatchProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	pick := func(parts []string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	pat := []string{"/", "a", "b", ".", "*", "?", "[ab]", "[!a]", "[a-", `\*`, "etc", "-"}
	name := []string{"/", "a", "b", ".", "*", "etc", "-", "c"}
	for range 50000 {
		p, n := pick(pat, 1+rng.IntN(6)), pick(name, rng.IntN(8))
		want, err := path.Match(strings.ReplaceAll(p, "[!", "[^"), n)
		want = want && err == nil
		if got := globMatch(p, n); got != want {
			t.Fatalf("globMatch(%q, %q) = %v, path.Match says %v", p, n, got, want)
		}
	}
}

// TestFilterConcatOrder: a filter's globs come in Augeas's order, as
// augtool -L lists them under /augeas/load (the reverse of our Filter):
// a glob or join just built goes in front of what it is joined to, a
// filter read from a name goes after it. Each want is augtool 1.14's
// listing for the same module.
func TestFilterConcatOrder(t *testing.T) {
	lib := `module Lib =
let ex = excl "x" . excl "y"
let inc = incl "/i" . incl "/j"
let mk (s:string) = incl s
`
	tests := []struct {
		name, filter string
		listed       string // /augeas/load's order
	}{
		{"literals", `incl "/a" . incl "/b" . excl "c"`, "-c +/b +/a"},
		{"name on the right", `incl "/a" . Lib.ex`, "+/a -y -x"},
		{"name on the left", `Lib.ex . incl "/a"`, "+/a -y -x"},
		{"names on both sides", `Lib.ex . Lib.inc`, "-y -x +/j +/i"},
		{"name in brackets", `incl "/a" . (Lib.ex)`, "+/a -y -x"},
		{"names in a chain", `incl "/a" . Lib.ex . Lib.inc`, "+/a -y -x +/j +/i"},
		{"literal after a name", `(incl "/a" . Lib.ex) . excl "z"`, "-z +/a -y -x"},
		{"join on the right", `incl "/a" . (incl "/b" . Lib.ex)`, "+/b -y -x +/a"},
		{"local name", `let f = incl "/b" in incl "/a" . f`, "+/a +/b"},
		{"function result", `incl "/a" . Lib.mk "/b"`, "+/b +/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "module T = autoload xfm\nlet xfm = transform (del /x/ \"x\") (" + tt.filter + ")\n"
			a, err := loader(&bytes.Buffer{}, map[string]string{"t.aug": src, "lib.aug": lib}).Autoload("T")
			require.NoError(t, err)
			require.NotNil(t, a)
			var listed []string
			for i := len(a.Filter) - 1; i >= 0; i-- {
				sign := "-"
				if a.Filter[i].Include {
					sign = "+"
				}
				listed = append(listed, sign+a.Filter[i].Pattern)
			}
			assert.Equal(t, tt.listed, strings.Join(listed, " "))
			m, err := loader(&bytes.Buffer{}, map[string]string{"t.aug": src, "lib.aug": lib}).Load("T")
			require.NoError(t, err)
			tr, ok := m.Transform()
			require.True(t, ok)
			assert.Equal(t, a.Filter, tr.Filter, "loaded in full")
		})
	}
}
